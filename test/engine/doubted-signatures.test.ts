import { describe, expect, it } from "vitest";
import { diagnoseBundle } from "../../src/engine/diagnose";
import { loadDataKb } from "../support/data-kb";

// A signature's `doubtedBy`: another line of the same paste that shows its line no symptom of the bug there.
const kb = (await loadDataKb()).compiled;
const PSP = "kubernetes-1.25-podsecuritypolicy-removed";
// The kind removed in 1.25, as kubectl reports it (the record's netdata#13667 example).
const pspLine = 'unable to recognize "kube-flannel.yml": no matches for kind "PodSecurityPolicy" in version "policy/v1beta1"';

describe("a signature another line of the paste doubts", () => {
  it("is no evidence when the same paste finds no mapping for core v1 kinds, which no release removed (review 60c F2)", () => {
    // jenkinsci/docker#895: kubectl found no mapping for "Service" and "ReplicationController" in "v1": no API server
    // was answering for them. Beside such lines the PSP line says the same, not that 1.25 removed PSP.
    const unmapped = [
      'unable to recognize "kube-flannel.yml": no matches for kind "ServiceAccount" in version "v1"',
      'unable to recognize "kube-flannel.yml": no matches for kind "DaemonSet" in version "apps/v1"',
    ];
    const ids = (lines: string[]) => diagnoseBundle(kb, lines.join("\n")).findings.map((f) => f.id);
    expect(ids([pspLine, ...unmapped])).not.toContain(PSP);
    expect(ids([...unmapped, pspLine])).not.toContain(PSP);
    // Alone, or beside another removed beta kind (a PodDisruptionBudget in policy/v1beta1) or a CRD's v1 kind not
    // installed, the PSP line is still its record's.
    expect(ids([pspLine])).toContain(PSP);
    expect(
      ids([pspLine, 'unable to recognize "sm.yaml": no matches for kind "ServiceMonitor" in version "monitoring.coreos.com/v1"']),
    ).toContain(PSP);
    // Nor does a manifest's typo doubt it: a Deployment was never core v1's, so the server did answer (review 60f F1).
    const typo =
      'error: resource mapping not found for name: "web" namespace: "" from "web.yaml": no matches for kind "Deployment" in version "v1"';
    expect(ids([pspLine, typo])).toContain(PSP);
  });
});

describe("lines that show the failure did not happen, or is another's (review 67f)", () => {
  const ids = (lines: string[]) => diagnoseBundle(kb, lines.join("\n")).findings.map((f) => f.id);

  it("takes kube-proxy's write of nf_conntrack_max as done once it says it set it (F3)", () => {
    const NETNS = "kube-proxy-nf-conntrack-max-readonly-netns-5.12.2";
    const attempt = "I0312 08:01:44.513318       1 conntrack.go:100] Set sysctl 'net/netfilter/nf_conntrack_max' to 131072";
    const done = "I0312 08:01:44.513370       1 conntrack.go:52] Setting nf_conntrack_max to 131072";
    expect(ids(["6.6.30-talos", attempt, done])).not.toContain(NETNS);
    expect(ids(["6.6.30-talos", attempt])).toContain(NETNS);
  });

  it("takes a host's own listing of /run as no runc-made tmpfs (F7)", () => {
    const TMPFS = "runc-nov-2025-tmpfs-mode-0755";
    const row = "drwxr-xr-x  2 root root   40 Nov 12 07:58 lock";
    const runc = ["$ runc --version", "runc version 1.3.3"];
    expect(ids([...runc, "$ ls -la /run", row])).not.toContain(TMPFS);
    // Inside a container, the mount the person asked for (moby#51456's shape).
    expect(ids([...runc, "$ docker run --rm --tmpfs /scratch alpine ls -la /scratch", row.replace("lock", ".")])).toContain(TMPFS);
    // A container's own shell listing the /run its --tmpfs mounted (review 67i F3).
    expect(ids([...runc, "$ docker run -it --rm --tmpfs /run alpine sh", "/ # ls -la /run", row.replace("lock", ".")])).toContain(TMPFS);
  });

  it("takes a task waiting on a dead NFS server as no io_uring hang (F6)", () => {
    const URING = "al2023-bottlerocket-6.1-io-uring-hang-2024";
    const dump = [
      "[182467.331420] task:node            state:D stack:0     pid:48211 ppid:48102  flags:0x00000002",
      "[182467.331425] Call Trace:",
    ];
    // The task's own stack in the NFS client (review 67f F6's shape).
    const nfsFrame = "[182467.331455]  nfs_wait_bit_killable+0x1d/0x80 [nfs]";
    const outage = "[182344.120412] nfs: server fs-0a1b2c3d.efs.us-east-1.amazonaws.com not responding, still trying";
    const onUring = (lines: string[]) => diagnoseBundle(kb, lines.join("\n")).findings.find((f) => f.id === URING);
    expect(onUring(["6.1.115-126.197.amzn2023.x86_64", ...dump, nfsFrame])?.evidence.some((e) => e.kind === "log")).toBeFalsy();
    expect(onUring(["6.1.115-126.197.amzn2023.x86_64", ...dump])?.evidence.some((e) => e.kind === "log")).toBe(true);
    // An outage hours before, the task's stack not in NFS, doubts nothing (review 67i F4).
    expect(onUring(["6.1.115-126.197.amzn2023.x86_64", outage, ...dump])?.evidence.some((e) => e.kind === "log")).toBe(true);
    // npm names its process after its command: the stuck task is "npm ci" (the 6.6.y bisecting report's dump), the same
    // node process, and the same NFS frames doubt it.
    const npm = [
      "[ 9120.551204] task:npm ci          state:D stack:0     pid:3121  ppid:3090   flags:0x00004006",
      "[ 9120.551230]  io_uring_del_tctx_node+0x61/0xf0",
    ];
    const npmHang = onUring(["6.1.115-126.197.amzn2023.x86_64", ...npm]);
    expect(npmHang?.evidence.some((e) => e.kind === "log" && e.signature === "npm-ci-task-state-d")).toBe(true);
    expect(npmHang?.verdict.status).toBe("affected");
    expect(onUring(["6.1.115-126.197.amzn2023.x86_64", ...npm, nfsFrame])?.evidence.some((e) => e.kind === "log")).toBeFalsy();
  });

  it("takes iptables' wait for the lock as a lead, not a medium root cause (F4)", () => {
    const d = diagnoseBundle(
      kb,
      [
        "$ sudo iptables -w 5 -t nat -A POSTROUTING -j MASQUERADE",
        "Another app is currently holding the xtables lock; waiting (1s) for it to exit...",
      ].join("\n"),
    );
    expect(d.findings.find((f) => f.id === "xtables-lock-contention")?.confidence).toBe("low");
  });
});

describe("a longer flag that begins with a removed flag's name (review 67c F1)", () => {
  it("is another flag: --network-plugin-dir (removed in 1.9) is no 1.24 dockershim removal", () => {
    const REMOVED = "kubelet-1.24-network-plugin-flag-removed";
    const line = (flag: string) => `kubelet[811]: F0203 server.go:155] failed to parse kubelet flag: unknown flag: --${flag}`;
    expect(diagnoseBundle(kb, line("network-plugin-dir")).findings.map((f) => f.id)).not.toContain(REMOVED);
    expect(diagnoseBundle(kb, line("network-plugin")).findings[0]?.id).toBe(REMOVED);
    // A longer name 1.24 removed too (CHANGELOG-1.24, #106907; review 67i F5).
    expect(diagnoseBundle(kb, line("network-plugin-mtu")).findings[0]?.id).toBe(REMOVED);
  });
});

describe("a doubt reaches the recall tier too (review 68g F4)", () => {
  const ids = (lines: string[]) => diagnoseBundle(kb, lines.join("\n")).findings.map((f) => f.id);
  const INSTANCES = "inotify-max-user-instances-exhausted";
  const WATCHES = "inotify-max-user-watches-exhausted";

  it("takes no reworded inotify EMFILE as the instances limit beside the same process's own EMFILE on accept4 or open", () => {
    // promtail's logfmt words the fsnotify failure apart from any signature: only resemblance finds it.
    const watcher =
      'May 02 10:00:01 node1 promtail[812]: level=error ts=2024-05-02T10:00:01Z caller=filetarget.go:120 msg="failed to create fsnotify watcher" error="too many open files"';
    expect(ids([watcher])).toContain(INSTANCES);
    const accept =
      "May 02 10:00:02 node1 promtail[812]: http: Accept error: accept tcp [::]:9080: accept4: too many open files; retrying in 5ms";
    expect(ids([watcher, accept])).not.toContain(INSTANCES);
    const open =
      'May 02 10:00:02 node1 promtail[812]: level=error msg="error reading file" error="open /var/log/pods/a/b/0.log: too many open files"';
    expect(ids([watcher, open])).not.toContain(INSTANCES);
  });

  it("takes no line that is itself the doubt of a record's signature (a full disk's write) as resembling that record", () => {
    const npm = [
      "npm ERR! code ENOSPC",
      "npm ERR! syscall write",
      "npm ERR! errno -28",
      "npm ERR! nospc ENOSPC: no space left on device, write",
      "npm ERR! nospc There appears to be insufficient space on your system to finish.",
    ];
    expect(ids(npm)).not.toContain(WATCHES);
    // The watch limit's own wording still is its record's.
    expect(ids(["Error: ENOSPC: System limit for number of file watchers reached, watch '/app/src'"])).toContain(WATCHES);
  });
});

describe("kube-proxy's warning that it could not modprobe an IPVS module (review 69i F3)", () => {
  const IPVS = "kube-proxy-ipvs-kernel-modules-missing";
  // The warning as kube-proxy before 1.22 prints it (klog W; GetModules' format string), one line per module.
  const warned = ["ip_vs", "ip_vs_rr"].map(
    (m) =>
      `W0314 09:12:40.118305       1 proxier.go:661] Failed to load kernel module ${m} with modprobe. You can ignore this message when kube-proxy is running inside container without mounting /lib/modules`,
  );
  const finding = (lines: string[]) => diagnoseBundle(kb, lines.join("\n")).findings.find((f) => f.id === IPVS);

  it("is a lead of the IPVS modules record, never more, saying the other cause of the line", () => {
    // A warning line is never likened by resemblance (review 69a F2): the record's own signature finds it.
    const f = finding(warned);
    expect(f?.confidence).toBe("low");
    expect(f?.evidence.some((e) => e.kind === "log" && e.alsoPrintedBy?.some((c) => /already loaded on the host/.test(c)))).toBe(true);
  });

  it("stays a lead beside kube-proxy's own word that it runs in iptables mode, saying so", () => {
    // That kube-proxy probes the IPVS modules whatever its mode (server_others.go calls CanUseIPVSProxier first). The
    // record's context refutation says it for every signature that needs IPVS mode shown (review 70d F7), where this
    // signature's doubtedBy said it for this one alone.
    const iptables = 'W0314 09:12:40.130117       1 server_others.go:578] Unknown proxy mode "", assuming iptables proxy';
    const f = finding([...warned, iptables]);
    expect(f?.confidence).toBe("low");
    expect(f?.unverified.join("\n")).toMatch(/^Refuted: kube-proxy was asked for no proxy mode and runs in iptables mode here \(line 3: /m);
  });
});

describe("a message format the program printed only long after the bug's fix (review 70a F5)", () => {
  const RUNC_CVE = "runc-cve-2019-5736-fix-old-kernels-init-p-broken-pipe";
  it("names no finding for runc's 'caused: ' form, which runc printed from 1.0.0-rc91, and keeps the rc6-era form", () => {
    // podman-container-tools/podman#13987: Podman 3.4.2 on Alma Linux 8.5 (a hardened profile, kernel 4.18).
    const later =
      'Error: OCI runtime error: unable to start container "xxx": container_linux.go:380: starting container process caused: process_linux.go:393: copying bootstrap data to pipe caused: write init-p: broken pipe';
    // Before: the record at medium, through its words ("quoting may differ").
    expect(diagnoseBundle(kb, later).findings.map((f) => f.id)).not.toContain(RUNC_CVE);
    // docker/for-linux#595's form, February 2019.
    const rc6 =
      'docker: Error response from daemon: OCI runtime create failed: container_linux.go:344: starting container process caused "process_linux.go:293: copying bootstrap data to pipe caused \\"write init-p: broken pipe\\"": unknown.';
    expect(diagnoseBundle(kb, rc6).findings[0]?.id).toBe(RUNC_CVE);
  });
});
