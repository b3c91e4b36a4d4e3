import { beforeAll, describe, expect, it } from "vitest";
import type { CompiledKb } from "../../src/engine/compile-kb";
import { diagnoseBundle } from "../../src/engine/diagnose";
import { loadDataKb } from "../support/data-kb";

// The records' own ranges, in the real knowledge base, on kernels as hosts print them: the stable release or distro
// upload that shipped a fix ends a range, and a distribution's builds the records' sources list are judged on them.
let kb: CompiledKb;
beforeAll(async () => {
  kb = (await loadDataKb()).compiled;
});
const verdictOf = (paste: string, id: string) => diagnoseBundle(kb, paste).findings.find((f) => f.id === id)?.verdict;

describe("a range that ends at the stable release that shipped the fix (review 58d F1)", () => {
  it("6.9.3 and later 6.9.y kernels carry the io_uring SQPOLL fix: not affected, verified; 6.9.2 is", () => {
    const paste = (release: string) =>
      [
        `Linux ws ${release} #202407271131 SMP PREEMPT_DYNAMIC Sat Jul 27 11:41:12 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux`,
        "/bin/sh: /tmp/yarn--1716453600000-0.5/node: /bin/sh: bad interpreter: Text file busy",
      ].join("\n");
    for (const release of ["6.9.3-060903-generic", "6.9.12-060912-generic"])
      expect(verdictOf(paste(release), "io-uring-sqpoll-etxtbsy-6.9"), release).toMatchObject({
        status: "not-affected",
        level: "verified",
      });
    expect(verdictOf(paste("6.9.2-060902-generic"), "io-uring-sqpoll-etxtbsy-6.9")).toMatchObject({
      status: "affected",
      level: "verified",
    });
  });
});

describe("the 6.1/6.6 stable io_uring overflow-flush hang beyond the distributions first recorded (review 58d F3)", () => {
  const ID = "al2023-bottlerocket-6.1-io-uring-hang-2024";
  // A bookworm host's uname, and AL2023#840's stuck pnpm.
  const paste = (uname: string) =>
    [
      `$ uname -a`,
      uname,
      "$ ps auxwww | grep pnpm",
      "ec2-user    5353 17.1  1.0 1994412 170116 pts/0  Dl+  21:55   0:04 node /home/ec2-user/.nvm/versions/node/v20.9.0/bin/pnpm install",
    ].join("\n");

  it("judges Debian bookworm's uploads by the changelog: 6.1.0-27 (6.1.115-1) affected, 6.1.0-28 (6.1.119-1) not", () => {
    const debian = (abi: string, upload: string) =>
      paste(`Linux ci-runner-3 6.1.0-${abi}-amd64 #1 SMP PREEMPT_DYNAMIC Debian ${upload} (2024-11-01) x86_64 GNU/Linux`);
    expect(verdictOf(debian("27", "6.1.115-1"), ID)).toMatchObject({ status: "affected", level: "verified" });
    expect(verdictOf(debian("28", "6.1.119-1"), ID)).toMatchObject({ status: "not-affected", level: "verified" });
  });

  it("keeps a certain reading's weight when a hedged one agrees: Bottlerocket 1.27.1 on its 6.1.115 kernel", () => {
    // The os-release decides it (certain, one report); the kernel, judged on its upstream version, agrees hedged. Each
    // agreeing reading had to be certain, so the upstream ranges added here dropped the finding to low.
    const paste = [
      "$ cat /etc/os-release",
      "NAME=Bottlerocket",
      "ID=bottlerocket",
      'VERSION="1.27.1 (aws-k8s-1.31)"',
      "VARIANT_ID=aws-k8s-1.31",
      "VERSION_ID=1.27.1",
      "$ uname -r",
      "6.1.115",
      "[Tue Dec  3 21:27:04 2024] task:node            state:D stack:0     pid:23041 ppid:21790  flags:0x00004002",
    ].join("\n");
    const f = diagnoseBundle(kb, paste).findings.find((x) => x.id === ID);
    expect(f?.verdict).toMatchObject({ status: "affected", level: "reported" });
    expect(f?.verdict.certain).toBeUndefined();
    // Scored as the verdict says: in range for certain (1), not "affected but not certain" (0.95).
    expect(f?.scoreComponents.version).toBe(1);
  });

  it("judges kernel.org's 6.1.y and 6.6.y by the stable releases that brought the backport and the fix", () => {
    const upstream = (release: string) => paste(`Linux ci ${release} #1 SMP PREEMPT_DYNAMIC Tue Oct 22 10:00:00 UTC 2024 x86_64 GNU/Linux`);
    for (const release of ["6.1.113", "6.1.115", "6.6.57", "6.6.59"])
      expect(verdictOf(upstream(release), ID)?.status, release).toBe("affected");
    for (const release of ["6.1.112", "6.1.116", "6.6.56", "6.6.60"])
      expect(verdictOf(upstream(release), ID)?.status, release).toBe("not-affected");
  });
});

describe("the ip6tables MARK regression on Ubuntu 20.04's 5.15 kernels (review 58d F4)", () => {
  const KLOG =
    'E0217 11:12:14.212635    9234 proxier.go:1432] "Failed to execute iptables-restore" err="exit status 2: ip6tables-restore v1.8.4 (legacy): unknown option \\"--xor-mark\\""';
  const ID = "xt-mark-ipv6-typo-2024";

  it("judges the focal HWE build Canonical lists as carrying the backport affected, as cilium#36857 reported", () => {
    const uname = "Linux node-a 5.15.0-127-generic #137~20.04.1-Ubuntu SMP Fri Nov 15 14:46:54 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux";
    expect(verdictOf(`${uname}\n${KLOG}`, ID)).toMatchObject({ status: "affected", level: "verified" });
  });

  it("rules out a 126 kernel whichever release built it, 22.04's linux or 20.04's linux-hwe-5.15", () => {
    const v = verdictOf(`$ uname -r\n5.15.0-126-generic\n${KLOG}`, ID);
    expect(v).toMatchObject({ status: "not-affected", level: "verified" });
    expect(v?.reason).toMatch(/the release does not matter/);
  });
});

describe("runc's tmpfs mode regression on Ubuntu 22.04's runc-app builds (review 59a F2)", () => {
  const ID = "runc-nov-2025-tmpfs-mode-0755";
  const paste = (build: string) =>
    [
      "$ docker run --tmpfs /my-tmp:exec --rm -it ubuntu:latest ls -al /my-tmp",
      "total 0",
      "drwxr-xr-x 2 root root 40 Dec  2 09:14 .",
      "drwxr-xr-x 1 root root 12 Dec  2 09:14 ..",
      "$ dpkg -l runc | tail -1",
      `ii  runc           ${build} amd64        Open Container Project - runtime`,
      "$ lsb_release -d",
      "Description:\tUbuntu 22.04.5 LTS",
    ].join("\n");

  it("the first build carrying the CVE-2025-52881 mitigation (Canonical's OSV data) is affected", () => {
    expect(verdictOf(paste("1.3.3-0ubuntu1~22.04.2"), ID)).toMatchObject({ status: "affected", level: "verified" });
  });

  it("a later 22.04 build, whose changes nobody read, is unknown: not upstream 1.3.3's 'affected (verified)'", () => {
    expect(verdictOf(paste("1.3.3-0ubuntu1~22.04.3"), ID)?.status).toBe("unknown");
  });
});

describe("the veth queue ENOMEM regression ends at the stable releases that took its fix (review 72b F1)", () => {
  const ID = "veth-queue-alloc-enomem-many-cpus";
  // moby#46401's error line under a kernel.org kernel's `uname -r` (the report itself gives no kernel).
  const paste = (release: string) =>
    [
      "$ uname -r",
      release,
      "docker: Error response from daemon: failed to create endpoint recursing_aryabhata on network bridge: failed to add the host (veth6ad97f8) <=> sandbox (veth23b66ce) pair interfaces: cannot allocate memory.",
    ].join("\n");

  it("6.1.80 is affected and 6.1.81 (Linux 6.1.81's announcement lists the fix) is not, both verified", () => {
    expect(verdictOf(paste("6.1.80"), ID)).toMatchObject({ status: "affected" });
    expect(verdictOf(paste("6.1.81"), ID)).toMatchObject({ status: "not-affected", level: "verified" });
    expect(verdictOf(paste("6.8.0"), ID)).toMatchObject({ status: "not-affected" });
  });

  it("a branch that ended without the fix is judged by the next branch that took it", () => {
    expect(verdictOf(paste("5.19.17"), ID)).toMatchObject({ status: "affected" });
    expect(verdictOf(paste("5.15.150"), ID)).toMatchObject({ status: "affected" });
    expect(verdictOf(paste("5.15.151"), ID)).toMatchObject({ status: "not-affected" });
  });

  it("a kernel before the cause is not called affected: its start rests on dates, so no more than reported", () => {
    const v = verdictOf(paste("5.10.200"), ID);
    expect(v?.status).not.toBe("affected");
    if (v?.status === "not-affected") expect(v.level).toBe("reported");
  });
});

describe("a requirement whose record names a cause no version covers (review 72c F1)", () => {
  it("a BPF-less board kernel past runc's 4.15 minimum is undecided beside the bpf_prog_query error, not 'not affected'", () => {
    // DietPi#5554's Tinker Board kernel line and the runc#2959 commenter's ENOSYS line (armbian/build#3830 ties the two).
    const paste = [
      "Linux DietPi 5.15.35-rockchip #22.05.1 SMP PREEMPT Sat May 28 08:18:16 UTC 2022 armv7l GNU/Linux",
      "docker: Error response from daemon: failed to create shim: OCI runtime create failed: container_linux.go:380: starting container process caused: process_linux.go:545: container init caused: process_linux.go:508: setting cgroup config for procHooks process caused: bpf_prog_query(BPF_CGROUP_DEVICE) failed: function not implemented: unknown.",
    ].join("\n");
    const v = verdictOf(paste, "runc-cgroupv2-old-kernel-bpf-device");
    expect(v?.status).toBe("unknown");
    expect(v?.reason).toMatch(/CONFIG_CGROUP_BPF/);
  });
});

describe("Antrea's conntrack-zones requirement on a kernel past 4.6 (review 72c F1)", () => {
  it("an Ubuntu 5.4 kernel beside the bundle error is undecided: any kernel built without CONFIG_NF_CONNTRACK_ZONES fails so", () => {
    // antrea#1652's NXBAC_CT_DATAPATH_SUPPORT line under an Ubuntu raspi kernel's `uname -r`.
    const paste = [
      "$ uname -r",
      "5.4.0-1052-raspi",
      "Received Vendor error: NXBAC_CT_DATAPATH_SUPPORT on ONFT_BUNDLE_ADD_MESSAGE message",
    ].join("\n");
    const v = verdictOf(paste, "antrea-ovs-flows-rejected-kernel-conntrack-features");
    expect(v?.status).not.toBe("not-affected");
  });
});

describe("a line other causes print does not outweigh a reported last affected release (review 72b F3)", () => {
  const paste = (release: string) =>
    ["$ uname -r", release, 'level=warning msg="BPF program is too large. Processed 131073 insn" subsys=datapath-loader'].join("\n");
  const ID = "cilium-4.19.208-verifier-complexity-131073";
  it("4.19.300, past cilium#17647's 4.19.235, stays undecided beside Cilium's verifier line", () => {
    expect(verdictOf(paste("4.19.300"), ID)?.status).toBe("unknown");
  });
  it("4.19.210, inside the reported range, is still affected", () => {
    expect(verdictOf(paste("4.19.210"), ID)?.status).toBe("affected");
  });
});

describe("Debian's nftables 1.1.0 upload that reverted the cache change (review 72b F4)", () => {
  const ID = "nftables-1.1.0-cache-recycle-index-rule-enoent-firewalld";
  // A Debian testing host's os-release (no VERSION_ID), its nftables packages as `dpkg -l` lists them, and firewalld#1366's line.
  const paste = (build: string) =>
    [
      "$ cat /etc/os-release",
      'PRETTY_NAME="Debian GNU/Linux trixie/sid"',
      'NAME="Debian GNU/Linux"',
      "VERSION_CODENAME=trixie",
      "ID=debian",
      "$ dpkg -l | grep nftables",
      `ii  libnftables1:amd64  ${build}  amd64  Netfilter nftables high level userspace API library`,
      `ii  nftables            ${build}  amd64  Program to control packet filtering rules by Netfilter project`,
      "lug 25 08:55:30 bianco500 firewalld[8067]: ERROR: 'python-nftables' failed: internal:0:0-0: Error: Could not process rule: File o directory non esistente",
    ].join("\n");

  it("judges 1.1.0-2, which carries Debian's revert, by Debian's changelog: not the upstream 1.1.0 range's 'affected'", () => {
    const v = verdictOf(paste("1.1.0-2"), ID);
    expect(v?.status).not.toBe("affected");
    expect(v?.reason).toMatch(/debian:13 package nftables/);
  });

  it("keeps 1.1.0-1, Debian's upload before the revert, affected", () => {
    expect(verdictOf(paste("1.1.0-1"), ID)).toMatchObject({ status: "affected", level: "verified" });
  });
});

describe("a kernel regression's symptom logged before its introducing change was public (introducedOn, from lore)", () => {
  // Constructed lines of the records' own signatures, dated by their own logger: ETXTBSY and veth ENOMEM had other causes
  // long before these changes existed (overlayfs, memory pressure).
  const IO_URING = "io-uring-sqpoll-etxtbsy-6.9";
  const VETH = "veth-queue-alloc-enomem-many-cpus";
  const yarn = (day: string) => [`${day} 09:12:44 yarn install v1.22.19`, `${day} 09:12:51 Error: spawn ETXTBSY`].join("\n");
  const dockerd = (day: string) =>
    `time="${day}T10:02:11.513372518Z" level=error msg="Handler for POST /v1.41/containers/5d1c/start returned error: failed to create endpoint web on network bridge: failed to add the host (veth6ad97f8) <=> sandbox (veth23b66ce) pair interfaces: cannot allocate memory"`;

  it("is not the io_uring SQPOLL regression when logged in 2019: its change was posted on 6 Feb 2024", () => {
    expect(verdictOf(yarn("2019-06-12"), IO_URING)).toMatchObject({
      status: "not-affected",
      level: "verified",
      reason: "the line was logged on 2019-06-12, before Linux 6.9 existed (its change dates from 2024-02-06, verified)",
    });
    expect(verdictOf(yarn("2024-05-21"), IO_URING)?.reason).not.toContain("was logged on");
    expect(verdictOf(yarn("2024-05-21"), IO_URING)?.status).not.toBe("not-affected");
  });

  it("is not the veth nr_possible_cpus queues regression when logged in 2020: its change was first posted on 16 Jul 2021", () => {
    expect(verdictOf(dockerd("2020-11-03"), VETH)).toMatchObject({
      status: "not-affected",
      reason: "the line was logged on 2020-11-03, before Linux 5.15 existed (its change dates from 2021-07-16, verified)",
    });
    expect(verdictOf(dockerd("2023-11-03"), VETH)?.status).not.toBe("not-affected");
  });

  it("is not the 2023 stable sk_stream_kill_queues WARN when logged in 2019: the backported change was posted on 9 Feb 2023", () => {
    // The WARN_ON_ONCE fired for other reasons long before (it was removed by the companion patch).
    const TCP = "tcp-sk-stream-kill-queues-warn-stable-2023";
    const journal = (day: string) =>
      [
        `${day}T09:12:30+0200 web1 kernel: ------------[ cut here ]------------`,
        `${day}T09:12:30+0200 web1 kernel: WARNING: CPU: 3 PID: 0 at net/core/stream.c:207 sk_stream_kill_queues+0x13a/0x160`,
      ].join("\n");
    expect(verdictOf(journal("2019-08-14"), TCP)).toMatchObject({
      status: "not-affected",
      reason: "the line was logged on 2019-08-14, before Linux 6.1.13 existed (its change dates from 2023-02-09, verified)",
    });
    expect(verdictOf(journal("2023-03-01"), TCP)?.status).not.toBe("not-affected");
  });

  it("is not the 2023 stable NFSv4.1 EXCHGID regression when an NFSv4 mount was refused in 2020: its change was posted on 13 Jul 2023", () => {
    // "Protocol not supported" answers any NFSv4 mount a server does not serve: a configuration, long before the change.
    const NFS41 = "nfs41-exchgid-pnfs-ds-protocol-not-supported-2023";
    const mount = (day: string) =>
      `time="${day}T08:41:07Z" level=error msg="Failed to mount nfs 10.0.0.5:/export: mount.nfs4: Protocol not supported"`;
    expect(verdictOf(mount("2020-05-04"), NFS41)).toMatchObject({
      status: "not-affected",
      reason: expect.stringContaining("logged on 2020-05-04, before Linux 5.15.134 existed (its change dates from 2023-07-13, verified)"),
    });
    expect(verdictOf(mount("2023-10-20"), NFS41)?.status).not.toBe("not-affected");
  });
});
