import { beforeAll, describe, expect, it } from "vitest";
import { diagnoseBundle, diagnoseFields } from "../../src/engine/diagnose";
import { extractFacts, factsFromFields } from "../../src/engine/facts";
import { verdictLabel } from "../../src/engine/summary";
import { nodeComponents } from "../../src/engine/verdict";
import { loadDataKb } from "../support/data-kb";
import { XOR_MARK_KLOG } from "../support/seed-logs";
import { DOCKER_29_VERSION } from "../support/tool-outputs";

// A kernel, OS or component named inside other output: reports paste dmesg, `docker info` or a sentence far more often
// than `uname -a`. One release is a fact; two (an upgrade retold, several nodes) decide nothing.
const kernelOf = (text: string) => extractFacts(text).kernel;

describe("kernel mentions", () => {
  it("reads /proc/version from a boot log under dmesg and journal framing, build string included", () => {
    // https://github.com/geerlingguy/sbc-reviews/issues/21 (Raspberry Pi 5 dmesg)
    const pi5 = kernelOf(
      "[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x414fd0b1]\n[    0.000000] Linux version 6.1.47-v8_16k+ (pi@pi5) (gcc (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) #1 SMP PREEMPT Thu Sep 21 21:07:03 CDT 2023",
    );
    expect(pi5).toMatchObject({ release: "6.1.47-v8_16k+", build: "#1 SMP PREEMPT Thu Sep 21 21:07:03 CDT 2023", line: 2 });
    // https://github.com/velvet-os/imagebuilder/issues/36 (journalctl -k)
    const journal = kernelOf(
      "[    0.000000] kernel: Linux version 5.15.22-stb-mt8+ (root@aarch64) (gcc (Debian 10.2.1-6) 10.2.1 20210110, GNU ld (GNU Binutils for Debian) 2.35.2) #5 SMP PREEMPT Tue Feb 22 21:52:33 CET 2022",
    );
    expect(journal).toMatchObject({ release: "5.15.22-stb-mt8+", upstream: "5.15.22" });
  });

  it("reads `docker info`'s Kernel Version and hostnamectl's Kernel line", () => {
    // https://github.com/jrr/fauna-circle-repro (README: CircleCI's docker info block)
    const info =
      " Server Version: 20.10.18\n Storage Driver: overlay2\n Cgroup Version: 1\n Kernel Version: 5.15.0-1030-aws\n Operating System: Ubuntu 20.04.5 LTS";
    expect(kernelOf(info)).toMatchObject({ release: "5.15.0-1030-aws", distro: "ubuntu", flavour: "aws", line: 4 });
    expect(kernelOf("  Operating System: Ubuntu 24.04.1 LTS\n          Kernel: Linux 5.15.0-1030-aws")?.release).toBe("5.15.0-1030-aws");
  });

  it("reads screenFetch's Kernel line and sysctl's kernel.osrelease as the kernel's own output (review 59d F4)", () => {
    // screenFetch prints the machine before "Linux" and the release; `sysctl kernel.osrelease` prints what `uname -r` does.
    const fetch = kernelOf(" OS: Ubuntu 22.04 jammy\n Kernel: x86_64 Linux 5.15.0-127-generic\n Uptime: 3h 2m");
    expect(fetch?.release).toBe("5.15.0-127-generic");
    expect(fetch?.named).toBeUndefined();
    const sysctl = kernelOf("$ sysctl kernel.osrelease\nkernel.osrelease = 6.8.0-57-generic");
    expect(sysctl?.release).toBe("6.8.0-57-generic");
    expect(sysctl?.named).toBeUndefined();
  });

  it("reads a summary's kernel label in Chinese, Russian or Japanese as its English one (review 61c F3)", () => {
    for (const label of ["内核：", "内核版本：", "内核版本: ", "- 内核 ", "ядро ", "Версия ядра: ", "カーネル: "]) {
      const k = kernelOf(`${label}5.15.0-60-generic`);
      expect(k?.release, label).toBe("5.15.0-60-generic");
      expect(k?.named, label).toBeUndefined();
    }
    // The word inside a sentence labels nothing ("在做内核参数优化时": while tuning kernel parameters).
    expect(kernelOf("在做内核参数优化时 5.15.0")).toBeNull();
  });

  it("reads a Fedora or Amazon Linux kernel's whole release in a sentence, as RHEL's, named (review 61c F1)", () => {
    for (const release of ["6.11.5-300.fc41.x86_64", "5.10.176-157.645.amzn2.x86_64", "6.1.115-126.197.amzn2023.x86_64"]) {
      const k = kernelOf(`Fedora 41 on ${release}, tailscale-1.76-1-1.`);
      expect(k?.release, release).toBe(release);
      expect(k?.named, release).toBe(true);
    }
    // Another package's build: Amazon Linux numbers its other packages' releases with one number, Fedora's below 100.
    expect(kernelOf("we run docker 25.0.6-1.amzn2023.0.2.x86_64 here")).toBeNull();
    expect(kernelOf("installed systemd 256.7-1.fc41.x86_64 today")).toBeNull();
    // A question about a release, and dkms's row of a module built for each installed kernel, name no running kernel
    // (review 61f L2).
    expect(kernelOf("Is 5.10.176-157.645.amzn2.x86_64 affected?")).toBeNull();
    expect(kernelOf("Is kernel 6.8.0-57-generic affected by this?")).toBeNull();
    expect(kernelOf("nvidia/535.129.03, 5.10.176-157.645.amzn2.x86_64, x86_64: installed")).toBeNull();
    expect(kernelOf("nvidia, 535.129.03, 3.10.0-1160.el7.x86_64, x86_64: installed")).toBeNull();
  });

  it("reads a distribution kernel's release before the word kernel, as a plain one (review 61c F2)", () => {
    for (const [said, release] of [
      ["Since this morning on the 6.11.5-300.fc41 kernel `tailscale status` complains:", "6.11.5-300.fc41"],
      ["After the update to the 5.15.0-127-generic kernel (Ubuntu 22.04.5) tailscale status shows:", "5.15.0-127-generic"],
    ]) {
      const k = kernelOf(said as string);
      expect(k?.release, said).toBe(release);
      expect(k?.named, said).toBe(true);
    }
    // A fix's release so told is no host's.
    expect(kernelOf("This was fixed in the 6.11.6-300.fc41 kernel.")).toBeNull();
  });

  it("reads a system summary's Kernel: line (inxi, neofetch, an environment list), not a journald kernel line", () => {
    // inxi: https://github.com/aerynOS/recipes/pull/91 and https://github.com/chromebrew/chromebrew/pull/1608
    expect(kernelOf("Kernel: 6.6.9-200.fc39.x86_64 x86_64 Up: 9d 15h 40m Mem: 16.12/30.18 GiB (53.4%)")?.release).toBe(
      "6.6.9-200.fc39.x86_64",
    );
    expect(kernelOf("System:    Host: localhost Kernel: 4.4.64 i686 bits: 32 Desktop: N/A Distro: unknown")?.release).toBe("4.4.64");
    expect(kernelOf("Nov 13 10:00:00 node kernel: 8021q: 802.1Q VLAN Support v1.8")).toBeNull();
    // The kernel's ICMP warning starts with an address; podman info's YAML (podman-info(1)) indents its "kernel:" key.
    expect(
      kernelOf("Nov 13 10:00:00 node kernel: 8.8.8.8 sent an invalid ICMP type 11, code 0 error to a broadcast: 0.0.0.0 on eth0"),
    ).toBeNull();
    expect(kernelOf("host:\n  arch: amd64\n  kernel: 4.18.0-348.el8.x86_64")?.release).toBe("4.18.0-348.el8.x86_64");
    // An environment list's item qualified by a word before it; a journald line's host named so is still no summary.
    expect(kernelOf("- Linux kernel: 5.15.0-91-generic")?.release).toBe("5.15.0-91-generic");
    expect(kernelOf("Running kernel: 6.1.0-18-amd64")?.release).toBe("6.1.0-18-amd64");
    // An environment list under a heading naming another machine is that machine's, past its first items (review 48c F3).
    const healthy = "Healthy node for comparison:\n- AMI: amazon-eks-node-1.23-v20221112\n- Linux kernel: 5.4.219-126.411.amzn2.x86_64";
    expect(extractFacts(healthy).kernel).toMatchObject({ release: "5.4.219-126.411.amzn2.x86_64", named: true });
    // "Host kernel:" is a VM host's, beside its guests' (review 48c F2).
    expect(kernelOf("- Host kernel: 5.15.0-131-generic")).toBeNull();
    expect(kernelOf("- Host Kernel: 5.15.0-131-generic")).toBeNull();
    expect(kernelOf("OS: Ubuntu 22.04, Host Kernel: 5.15.0-131-generic")).toBeNull();
    // A package's description names a kernel version, not the one running (review 48b F5).
    expect(kernelOf("ii  linux-headers-5.15.0-130  5.15.0-130.140  all  Header files related to Linux kernel version 5.15.0")).toBeNull();
    expect(kernelOf("Description: Header files related to Linux kernel version 5.15.0")).toBeNull();
    expect(
      kernelOf("Nov 13 10:00:00 host kernel: 8.8.8.8 sent an invalid ICMP type 11, code 0 error to a broadcast: 0.0.0.0 on eth0"),
    ).toBeNull();
  });

  it("reads a uname -a that a program logs inside its own line, build string included", () => {
    // CRIU logs "Running on <nodename> <sysname> <release> <version> <machine>":
    // https://github.com/checkpoint-restore/criu/blob/2cf8f13ca1f11a0491977e438b262e646137256c/criu/log.c#L169
    expect(
      kernelOf("(00.000012) Running on node-7 Linux 5.11.7-100.fc32.ppc64le #1 SMP Wed Mar 17 18:39:54 UTC 2021 ppc64le"),
    ).toMatchObject({
      release: "5.11.7-100.fc32.ppc64le",
      build: "#1 SMP Wed Mar 17 18:39:54 UTC 2021",
      machine: "ppc64le",
    });
    // OpenSCAD's library info: "System information: " and sysname, release, version, machine (no host name),
    // https://github.com/openscad/openscad/blob/e4fdec49730103274a4e21c2390b9a12882f01aa/src/platform/PlatformUtils-posix.cc#L208-L226
    const scad = kernelOf(
      "System information: Linux 4.15.0-36-generic #39~16.04.1-Ubuntu SMP Tue Sep 25 08:59:23 UTC 2018 x86_64 Ubuntu 16.04.4 LTS 1 CPU 3.85 GB RAM",
    );
    expect(scad).toMatchObject({ release: "4.15.0-36-generic", package: { version: "4.15.0-36.39~16.04.1" } });
    expect(kernelOf("Nov 13 10:00:00 node kernel: smp: Bringing up secondary CPUs ...")).toBeNull();
    // Prose that only looks like it, and a logged uname beside another release: two decide nothing.
    expect(kernelOf("we hit this on Linux 5.4.0 #1 SMP and 5.15.0 too")).toBeNull();
    expect(kernelOf("upgraded from Linux node 5.4.0-42-generic #46 SMP to 5.15.0-91-generic #101 SMP")).toBeNull();
    expect(
      kernelOf(
        "System information: Linux h 5.4.0-42-generic #46-Ubuntu SMP Fri Jul 10 00:24:02 UTC 2020 x86_64; upgrade to kernel 5.15.0-91-generic",
      ),
    ).toBeNull();
  });

  it("reads a uname -a whose host name the person hid, and a release a sentence quotes as code", () => {
    const hidden = kernelOf(
      "RaspberryPI OS based on Buster (Linux <CENSORED> 5.10.60-v7l+ #1449 SMP Wed Aug 25 15:00:44 BST 2021 armv7l GNU/Linux)",
    );
    expect(hidden).toMatchObject({ release: "5.10.60-v7l+", machine: "armv7l" });
    expect(
      extractFacts("`Linux ... 5.4.0-94-generic #106-Ubuntu SMP Thu Jan 6 23:58:14 UTC 2022 x86_64 x86_64 x86_64 GNU/Linux`"),
    ).toMatchObject({ kernel: { release: "5.4.0-94-generic" } });
    // Among several hosts' unames, the hidden one stays a host of its own: its kernel is judged with the others'.
    const fleet = extractFacts(
      [
        "Linux ... 6.6.58 #1 SMP PREEMPT_DYNAMIC Thu Nov 14 10:00:00 UTC 2024 x86_64 GNU/Linux",
        "Linux node-b 6.6.60 #1 SMP PREEMPT_DYNAMIC Fri Nov 15 10:00:00 UTC 2024 x86_64 GNU/Linux",
      ].join("\n"),
    );
    expect(fleet.nodes.map((n) => n.kernel)).toEqual(["6.6.58", "6.6.60"]);
    expect(kernelOf("I'm using Ubuntu 24.04 (kernel `6.8.0-38-generic`).")).toMatchObject({ release: "6.8.0-38-generic", named: true });
    expect(kernelOf("our kernel version is `Linux 6.8.0-1026-aws x86_64`")?.release).toBe("6.8.0-1026-aws");
    // nestybox/sysbox#654: "My linux kernel is : 5.15.0-67-generic" (review 64h F5).
    expect(kernelOf("My linux kernel is : 5.15.0-67-generic")).toMatchObject({ release: "5.15.0-67-generic", named: true });
    expect(kernelOf("fixed in kernel `6.8.0-45-generic`")).toBeNull();
  });

  it("reads no release a sentence gives as other people's", () => {
    for (const text of [
      "Same here. People on Launchpad hit the same error with kernel 6.8.0-57-generic.",
      "Users report it on kernel 6.1.55 too",
      "someone in the forum said kernel 5.15.0-91-generic has it",
    ])
      expect(kernelOf(text), text).toBeNull();
    // The host's own, after another clause about others, is still read.
    expect(kernelOf("Others saw it elsewhere. We run kernel 6.8.0-57-generic.")?.release).toBe("6.8.0-57-generic");
  });

  it("reads a release named before the word kernel", () => {
    expect(kernelOf("The Container Linux 4.14.30-coreos kernel panics when the overlay starts")?.release).toBe("4.14.30-coreos");
    expect(kernelOf("it should run fine with the Linux 4.19 kernel")).toBeNull();
    expect(kernelOf("It broke on the Linux 6.1.55-v8+ kernel.")?.release).toBe("6.1.55-v8+");
    expect(kernelOf("Seen with the Linux 5.15.32-v7+ kernel, not before")?.release).toBe("5.15.32-v7+");
    // Ending its line, where no marker after "kernel" can be seen.
    expect(kernelOf("It broke on the Linux 6.1.55-v8+ kernel")?.release).toBe("6.1.55-v8+");
  });

  it("reads a release closed by a quote before its bound, and one a cause was backported into, as no host's", () => {
    expect(kernelOf('the bug is in "kernel 6.8.0-56-generic" and above')).toBeNull();
    expect(kernelOf("the bug is in kernel 6.8.0-56-generic and above")).toBeNull();
    // cilium/cilium#36857's description says it of a kernel package; the same words of a kernel.
    expect(kernelOf("a regression backported by Canonical into kernel 5.15.0-127-generic")).toBeNull();
    expect(kernelOf("backported into kernel 5.15.0-127-generic; our nodes run kernel 5.15.0-126-generic")?.release).toBe(
      "5.15.0-126-generic",
    );
  });

  it("reads one release a person names in prose, a series only where a sentence claims it, none from two releases", () => {
    expect(kernelOf("the nodes run kernel 5.15.0-1030-aws since Monday.")?.release).toBe("5.15.0-1030-aws");
    // An issue title's key-value form (cilium/cilium#9809).
    expect(kernelOf("Log buffer too small to dump verifier log on kernel==4.12.14 and debug=false")).toMatchObject({
      release: "4.12.14",
      named: true,
    });
    expect(kernelOf("it broke somewhere in the kernel 6.1 series")).toBeNull();
    // A claim of the host's series, where no release is named (kernel-series-claims.ts): every 6.1.y, named.
    expect(kernelOf("we run kernel 6.1 on the nodes")).toMatchObject({ release: "6.1", named: true });
    expect(kernelOf("we run kernel 6.1 and 6.6 on the nodes")).toBeNull();
    // An upgrade names the kernel before it as no longer the host's, and its target as the host's.
    expect(kernelOf("upgraded from kernel 5.15.0-1030-aws to kernel 6.8.0-1015-aws")).toMatchObject({
      release: "6.8.0-1015-aws",
      named: true,
    });
    expect(kernelOf("it shows on kernel 6.6.56 and on kernel 6.6.58")).toBeNull();
    expect(kernelOf(" Kernel Version: 5.15.0-1030-aws\n Kernel Version: 6.8.0-1015-aws")).toBeNull();
  });

  it("reads no typed release beside another the same line gives another machine (review 55a's aside)", () => {
    // Before: "affected (verified)", certain, on 6.9.1 while the failing runner VM ran 6.10.3.
    for (const text of ["- Kernel: 6.9.1; the runner VM has 6.10.3", "- Kernel: 6.9.1 on the host; the runner VM has 6.10.3"])
      expect(kernelOf(text), text).toBeNull();
    expect(kernelOf("- Kernel: 6.9.1")?.release).toBe("6.9.1");
  });

  it("reads no claimed release whose line gives another machine another one, or says the trouble is not here (review 55a F3, F4)", () => {
    for (const text of [
      "We're on kernel 6.9.1 but the CI runners run 6.10.3, and that's where it breaks:",
      "We're on kernel 6.9.1 in dev and 6.10.3 in prod; only prod shows this:",
      "FWIW we're on kernel 6.9.1 and can't reproduce this at all.",
      "Our prod servers run kernel 6.9.1 with no problems; it only fails on the GitHub Actions runners.",
    ])
      expect(kernelOf(text), text).toBeNull();
    // The claim alone, or beside another component's version, is read.
    expect(kernelOf("We're on kernel 6.9.1 with containerd 1.7.20.")?.release).toBe("6.9.1");
  });

  it("reads no release a sentence places on the machines being replaced, nor one beside the new ones' (review 55a F3)", () => {
    // Before: the old pool's 4.14.336 judged the failure on a new 5.15 node ("affected", below runc's 4.15).
    for (const text of [
      "We're on kernel 4.14.336 on the old pool; this is from one of the new 5.15 nodes:",
      "We run kernel 4.14.336 on the older nodes, the failing one is newer.",
      "We're on kernel 6.9.1; the new 6.10.3 nodes are where it breaks:",
    ])
      expect(kernelOf(text), text).toBeNull();
    // A claim with no other machine stays read.
    expect(kernelOf("We're on kernel 4.14.336 on the whole pool.")?.release).toBe("4.14.336");
  });

  it("reads no release that prose names as a fix, a cause, a requirement or a bound, only the host's", () => {
    for (const text of [
      "This was fixed in kernel 7.0.9, per the stable changelog.",
      "as of kernel 5.12.2, kube-proxy will fail while trying to set nf_conntrack_max",
      "Cilium needs kernel 5.10.0 or newer for this feature",
      "kernel 5.10.0 or later is required",
      "introduced in the Linux 6.6.57 kernel",
    ])
      expect(kernelOf(text), text).toBeNull();
    // The host's own, beside a fix it does not have yet: the fix is not a second kernel.
    expect(kernelOf("we run kernel 6.1.100 here; it was fixed in kernel 6.1.115")?.release).toBe("6.1.100");
    // An upgrade's target is the kernel the host ran when it broke.
    expect(kernelOf("after upgrading to kernel 6.8.0-45-generic the pods lost DNS")?.release).toBe("6.8.0-45-generic");
    // The cure's release is the one the host ran once the trouble was over, not the one that failed, and
    // beside it no other sentence decides which kernel failed.
    for (const text of [
      "Upgrading to kernel 4.4.0-142-generic fixed it.",
      "moving the nodes to kernel 5.15.0-91-generic, which solved the problem",
      "booting kernel 6.8.0-55-generic works fine again",
      "We rolled back to kernel 6.1.55 and the corruption went away.",
      "Downgraded to kernel 5.18.7 and the issue no longer occurs.",
      "After upgrading to kernel 5.18.13, the issue is gone.",
      "This is fixed upstream in kernel 5.18.13.",
      "Upgrading to kernel 5.14.0-648.el9.x86_64 fixed it.",
      "Updating the host to 5.14.0-648.el9.x86_64 fixed it.",
      "The bug is fixed in kernel 5.14.0-648.el9.x86_64",
      "we run kernel 6.1.64. Upgrading to kernel 6.1.70 fixed it.",
    ])
      expect(kernelOf(text), text).toBeNull();
    // A cure denied, another cure in the clause or a workaround's is no cure: the host's kernel is still read.
    for (const [text, release] of [
      ["Host kernel 6.1.64 still not fixed", "6.1.64"],
      ["Kernel 6.1.64 doesn't have the fix yet", "6.1.64"],
      ["We run kernel 6.1.64, fixed by disabling O_DIRECT for now", "6.1.64"],
      ["We run kernel 6.1.64, fixed it by disabling O_DIRECT", "6.1.64"],
      ["On kernel 6.1.64, a remount fixes it until the next write", "6.1.64"],
      ["kernel 6.1.64 which reportedly fixes this, yet it still crashes", "6.1.64"],
      ["kernel 6.1.64, nothing helped", "6.1.64"],
      ["kernel 6.1.64. Rebooting fixes it for a day", "6.1.64"],
      ["Upgrading to kernel 6.1.70 fixed nothing", "6.1.70"],
      ["Not even kernel 6.1.70 fixed it", "6.1.70"],
      ["We run kernel 5.4.0-42-generic.\nNote: this feature only works with kernel 5.12.0 or later", "5.4.0-42-generic"],
    ])
      expect(kernelOf(text as string)?.release, text).toBe(release);
    // A kernel the sentence says works, or the trouble left, is a cure's too.
    for (const text of [
      "It works on kernel 6.1.64 but fails on 6.1.70",
      "Issue does not occur with kernel 6.1.64",
      "Can't reproduce with kernel 6.1.64",
      "Resolved by upgrading to kernel 6.1.64",
      "went away after booting kernel 6.1.64",
      "after switching to kernel 6.1.64 the issue was gone",
      "The crash is not reproducible on kernel 6.1.64",
      "Downgrading to kernel 6.1.64 worked around it.",
    ])
      expect(kernelOf(text), text).toBeNull();
    // Unless denied: there the kernel is the failing host's.
    for (const text of ["It doesn't work on kernel 6.1.64", "it no longer works on kernel 6.1.64", "stopped working with kernel 6.1.64"])
      expect(kernelOf(text)?.release, text).toBe("6.1.64");
    // A downgrade's target is where the host went to get away from the trouble, whatever follows; advice is a kernel
    // the host does not run yet.
    for (const text of [
      "After downgrading to kernel 5.15.0-100-generic, it works fine again",
      "We rolled the nodes back to kernel 6.1.55 and everything is green",
      "Workaround: downgrade to kernel 5.15.0-100-generic",
      "Fix: upgrade to kernel 6.1.70",
      "You should upgrade the nodes to kernel 6.1.70",
      "For now, please boot back into kernel 6.1.55.",
      "Downgrading to kernel 6.1.55 fixed it. Still, I would like to know the root cause.",
      // Outcomes said past a dash, a colon or a bracket, or by denying the trouble, and steps in a list (review 33e).
      "rolled back to kernel 6.1.55 — fixed",
      "rolled back to kernel 6.1.55: problem gone",
      "Debian 12 host. rolled back to kernel 6.1.55 and no more errors",
      "after downgrading to kernel 6.1.55 it doesn't crash anymore",
      "after downgrading to kernel 6.1.55 it never crashed again",
      "Known issue. Upgrade to kernel 6.1.70.",
      "Note: upgrade to kernel 6.1.70 to fix this",
    ])
      expect(kernelOf(text), text).toBeNull();
    // Unless the words after it, in its clause, do not say the trouble went (a downgrade may be what broke it); and an
    // upgrade's target, however worded, is the host's, as is a title's "Upgrade to kernel …" with no word of advice.
    for (const [text, release] of [
      ["Upgrade to kernel 6.1.64 breaks O_DIRECT writes on ext4", "6.1.64"],
      ["Problem: update to kernel 6.1.64 breaks DNS", "6.1.64"],
      ["After downgrading to kernel 6.1.64 (from 6.6), LTP fails:", "6.1.64"],
      ["Downgrade to kernel 6.1.55 doesn't help", "6.1.55"],
      ["Downgraded to kernel 6.1.55 but the problem remains", "6.1.55"],
      ["Downgraded to kernel 6.1.55 and it crashed again", "6.1.55"],
      ["Upgrade to kernel 6.1.64 and the error appears", "6.1.64"],
      ["To reproduce, just update to kernel 6.1.64 and run fio", "6.1.64"],
      ["Downgraded to kernel 6.1.55 but the error is still there", "6.1.55"],
      ["We rolled the nodes back to kernel 6.1.55, the same error", "6.1.55"],
      ["I upgraded the kernel to 6.8.0-57-generic and now kube-proxy fails", "6.8.0-57-generic"],
      ["After upgrading kernel to 5.15.0-105-generic the pods cannot reach the service", "5.15.0-105-generic"],
      ["The upgrade to kernel 6.8.0-57-generic broke DNS", "6.8.0-57-generic"],
    ])
      expect(kernelOf(text as string)?.release, text).toBe(release);
    // A change told as a pair says itself which release failed (review 59d F3: the first was read, or none): an
    // upgrade's target, unless its clause says it cured the trouble; a downgrade's start when the trouble went, its target
    // when it stayed.
    for (const [text, release] of [
      ["After upgrading the kernel from 6.8.0-55-generic to 6.8.0-57-generic, kube-proxy fails", "6.8.0-57-generic"],
      ["Kernel 6.8.9 -> 6.9.1 broke it", "6.9.1"],
      ["kernel 6.8.9 \u2014> 6.9.1 broke it", "6.9.1"],
      ["Ubuntu kernel 6.8.0-55-generic \u2013> 6.8.0-56-generic, kube-proxy is crashlooping.", "6.8.0-56-generic"],
      ["kernel 6.8.0-55-generic \u27a1\ufe0f 6.8.0-56-generic broke it", "6.8.0-56-generic"],
      ["kernel 5.15.0-91~20.04.1 --> 5.15.0-100~20.04.1 broke it", "5.15.0-100~20.04.1"],
      ["kernel upgraded 6.8.0-55-generic → 6.8.0-57-generic today, now:", "6.8.0-57-generic"],
      ["Kernel update: 6.1.0-17-amd64=>6.1.0-18-amd64 and the pods lost DNS", "6.1.0-18-amd64"],
      ["Downgrading the kernel from 6.8.0-57-generic to 6.8.0-55-generic fixed it.", "6.8.0-57-generic"],
      ["Upgrading the kernel from 6.6.58 to 6.6.60 fixed it", "6.6.58"],
      ["kernel 6.6.60 -> 6.6.58 and the errors are gone", "6.6.60"],
      ["Downgraded the kernel from 6.6.60 to 6.6.58, still fails", "6.6.58"],
    ])
      expect(kernelOf(text as string)?.release, text).toBe(release);
    // A step toward a release with words between, whose sentence says the trouble went: the cure's kernel, not the one that
    // failed (review 60b F1: "affected" at high on the kernel the user said works).
    for (const text of [
      "Upgrading to Fedora 41 (kernel 6.11.5-300) fixed it.",
      "Fedora 40, containerlab 0.59.0. I updated to Fedora 41 (kernel 6.11.5-300) and the problem is gone.",
      "After switching to kernel 6.11.5-300.fc41 everything works.",
      "No more errors after the upgrade to Fedora 41 (kernel 6.11.5-300.fc41).",
    ])
      expect(kernelOf(text), text).toBeNull();
    for (const [text, release] of [
      ["After upgrading to Ubuntu 24.04 (kernel 6.8.0-57-generic) kube-proxy no longer works", "6.8.0-57-generic"],
      ["After switching to kernel 6.11.5-300.fc41 the pods stopped working", "6.11.5-300.fc41"],
      ["After moving to Fedora 41 (kernel 6.11.5-300) it still fails", "6.11.5-300"],
      // A function denied is trouble, words before a contrast another time's (review 60d F1-F3).
      ["After upgrading Ubuntu kernel from 6.8.0-55 to 6.8.0-56, services are reachable using IPv4 but not IPv6 anymore", "6.8.0-56"],
      [
        "After upgrading the kernel from 6.10.12-200.fc40.x86_64 to 6.11.5-200.fc40.x86_64, NFS mounts stopped working.",
        "6.11.5-200.fc40.x86_64",
      ],
      [
        "After upgrading the kernel from 6.10.12-200.fc40.x86_64 to 6.11.5-200.fc40.x86_64, NFS writes no longer complete.",
        "6.11.5-200.fc40.x86_64",
      ],
      ["It worked fine before, but after upgrading to kernel 6.11.5-200.fc40.x86_64 the machine locks up.", "6.11.5-200.fc40.x86_64"],
      ["After upgrading to kernel 6.11.5-200.fc40.x86_64, the NFS mount won't come up anymore.", "6.11.5-200.fc40.x86_64"],
    ])
      expect(kernelOf(text as string)?.release, text).toBe(release);
    // A downgrade that says nothing of the outcome, and a range the bug spans, name no failing release.
    // Nor does a change only advised or planned (review 60d F4).
    for (const text of [
      "We moved the kernel from 6.8.0-57-generic to 6.8.0-55-generic.",
      "the kernel went back from 6.6.60 to 6.6.58",
      "Upgrading the kernel from 6.11.5-200.fc40.x86_64 to 6.11.11-200.fc40.x86_64 should fix it.",
      "We will upgrade the kernel from 6.6.58 to 6.6.60 tonight",
      "Upgrading to Fedora 41 (kernel 6.11.5-300) should fix it.",
    ])
      expect(kernelOf(text), text).toBeNull();
    // The kernel's own output outranks a sentence: a cure or another release named beside it does not unsettle it.
    expect(kernelOf(" Kernel Version: 6.1.64\nUpgrading to kernel 6.1.70 fixed it.")?.release).toBe("6.1.64");
    expect(kernelOf(" Kernel Version: 6.1.64\nWe also run kernel 6.1.70 elsewhere.")?.release).toBe("6.1.64");
  });

  it("marks a release a sentence names, and not one the kernel's own output prints", () => {
    expect(kernelOf("the nodes run kernel 5.15.0-1030-aws since Monday.")?.named).toBe(true);
    // An RPM release in a sentence is named too; standing alone it is a pasted `uname -r`.
    expect(kernelOf("it broke on 3.10.0-1160.el7.x86_64.")?.named).toBe(true);
    // A label inside a sentence is the person's note, not output.
    const label = kernelOf("Reproduced on Fedora 38 (kernel: 6.2.15-300.fc38.x86_64) and on a laptop.");
    expect(label).toMatchObject({ release: "6.2.15-300.fc38.x86_64", named: true });
    expect(kernelOf("Seen on two workers [kernel: 5.15.0-91-generic] since Monday.")?.release).toBe("5.15.0-91-generic");
    // "The latest kernel" is often the one the host was just upgraded to.
    expect(kernelOf("I upgraded to the latest kernel 6.8.0-45-generic and the problem persists")?.release).toBe("6.8.0-45-generic");
    // Outside brackets "kernel:" opens journald's kernel lines and config keys; nor is a bound or an update the host's.
    for (const text of [
      "Jun 07 02:49:41 node kernel: 8.8.8.8 sent an invalid ICMP type 3, code 3 error",
      "Jun 07 02:49:41 node1 kernel: 5.4.0-42-generic is not supported by this module",
      "level=info msg=probe kernel: 5.10.0-21-amd64 arch=amd64",
      "Our agent checks minimum kernel: 6.11.0 at install.",
      "Our agent checks minimum kernel 6.11.0 at install.",
      "Tested on Fedora 38 (fix kernel: 6.1.70).",
    ])
      expect(kernelOf(text), text).toBeNull();
    expect(kernelOf("3.10.0-1160.el7.x86_64")?.named).toBeUndefined();
    expect(kernelOf(" Kernel Version: 5.15.0-1030-aws")?.named).toBeUndefined();
    // The same release in a sentence and in docker info's output: the output's reading is kept.
    expect(kernelOf("I am on kernel 5.15.0-1030-aws\n Kernel Version: 5.15.0-1030-aws")?.named).toBeUndefined();
  });

  it("reads an RPM kernel's release standing alone, but not a package name or a path", () => {
    expect(kernelOf("centos 7.2  3.10.0-514.el7.x86_64")).toMatchObject({ release: "3.10.0-514.el7.x86_64", distro: "rhel" });
    expect(kernelOf("| node-3 | Rocky 9.4 | 5.14.0-427.13.1.el9_4.x86_64 |")?.release).toBe("5.14.0-427.13.1.el9_4.x86_64");
    // Installed, not necessarily running; a kernel-devel tree; a package's own release.
    expect(kernelOf("kernel-3.10.0-514.el7.x86_64\nkernel-3.10.0-693.el7.x86_64")).toBeNull();
    expect(kernelOf("make -C /usr/src/kernels/3.10.0-514.el7.x86_64 M=$PWD")).toBeNull();
    expect(kernelOf("Installing: containerd.io-1.4.6-3.1.el7.x86_64")).toBeNull();
    // Two different releases decide nothing.
    expect(kernelOf("was 3.10.0-514.el7.x86_64, now 3.10.0-1160.el7.x86_64")).toBeNull();
    // Another package's version-release has the same shape: only the RHEL major's own kernel line counts.
    expect(kernelOf("  Verifying : podman-5:5.2.2-9.el9_5.x86_64  1/1")).toBeNull();
    expect(kernelOf("| podman | 5.4.0-1.el9.x86_64 |\npython3 3.9.18-3.el9.x86_64")).toBeNull();
    expect(kernelOf("Rocky 9.7, kernel 5.14.0-611.5.1.el9_7.x86_64, podman 5.4.0-1.el9.x86_64")?.release).toBe(
      "5.14.0-611.5.1.el9_7.x86_64",
    );
    expect(kernelOf("it broke on 3.10.0-1160.el7.x86_64.")?.release).toBe("3.10.0-1160.el7.x86_64");
  });

  it("never lets a mention override the kernel's own uname", () => {
    // uname -a from https://github.com/yukinakanaka/tetragon-mini/pull/11
    const uname =
      "Linux lima-tetragon-mini 6.8.0-55-generic #57-Ubuntu SMP PREEMPT_DYNAMIC Wed Feb 12 23:20:18 UTC 2025 aarch64 aarch64 aarch64 GNU/Linux";
    expect(kernelOf(`${uname}\nwe also tried kernel 5.15.0-1030-aws`)?.release).toBe("6.8.0-55-generic");
  });

  it("never lets a sentence's kernel override the host's /proc/version_signature, nor decides between two own readings", () => {
    const signature = "$ cat /proc/version_signature\nUbuntu 6.8.0-52.53-generic 6.8.12";
    expect(kernelOf(`${signature}\nanother node runs kernel 6.8.0-57-generic now`)?.release).toBe("6.8.0-52-generic");
    // Another reading of the host's own kernel that disagrees with it: two kernels, none decides.
    expect(kernelOf(`${signature}\n Kernel Version: 6.8.0-57-generic`)).toBeNull();
    expect(kernelOf(`${signature}\n Kernel Version: 6.8.0-52-generic`)?.release).toBe("6.8.0-52-generic");
  });

  it("judges a nodes table's rows beside the host's own versions, whatever kernel a sentence names", async () => {
    const kb = (await loadDataKb()).compiled;
    const table = (master: string, worker: string) =>
      [
        "$ kubectl get nodes",
        "NAME       STATUS     ROLES           AGE   VERSION",
        `master-1   Ready      control-plane   90d   v${master}`,
        `worker-1   NotReady   <none>          90d   v${worker}`,
      ].join("\n");
    const kubelet = (v: string) => `$ kubelet --version\nKubernetes v${v}`;
    const uname = "$ uname -a\nLinux master-1 5.15.0-91-generic #101-Ubuntu SMP Tue Nov 14 13:30:08 UTC 2023 x86_64 GNU/Linux";
    const named = "the nodes run kernel 5.15.0-91-generic";
    const symptom =
      'Jul 07 08:17:04 worker-1 kubelet[5604]: E0707 08:17:04.199967    5604 run.go:74] "command failed" err="failed to parse kubelet flag: unknown flag: --network-plugin"';
    const verdictOf = (...parts: string[]) =>
      diagnoseBundle(kb, parts.join("\n")).findings.find((f) => f.id === "kubelet-1.24-network-plugin-flag-removed")?.verdict.status;
    // The worker runs 1.24.1 (the flag's removal); the bundle's own kubelet --version is another node's 1.23.17.
    for (const extra of [[], [named], [uname]])
      expect(verdictOf(kubelet("1.23.17"), table("1.23.17", "1.24.1"), symptom, ...extra)).toBe("affected");
    // Beside a uname of the master alone, the worker's row (kernel not shown) still carries its kubelet's version.
    expect(verdictOf(uname, table("1.23.17", "1.24.1"), symptom)).toBe("affected");
    // The node still reports its old kubelet while the upgraded binary (the bundle's own 1.24.1) fails to start.
    for (const extra of [[], [named]])
      expect(verdictOf(kubelet("1.24.1"), table("1.23.17", "1.23.17"), symptom, ...extra)).toBe("affected");
    // Unless the bare prompts' uname says the bundle is master-1's: its kubelet is master-1's, and the NotReady worker's
    // last report alone decides nothing (review 42b F6: a bare shell's readings are the machine its uname names).
    expect(verdictOf(kubelet("1.24.1"), table("1.23.17", "1.23.17"), symptom, uname)).toBe("unknown");
  });

  it("judges a kernel bug on the nodes whose kernels are shown, and leaves it open for the others", async () => {
    const kb = (await loadDataKb()).compiled;
    const bundle = [
      "$ cat /proc/version_signature",
      "Ubuntu 6.8.0-52.53-generic 6.8.12",
      "$ kubectl get nodes",
      "NAME       STATUS   ROLES           AGE   VERSION",
      "master-1   Ready    control-plane   90d   v1.30.2",
      "worker-1   Ready    <none>          90d   v1.30.2",
      XOR_MARK_KLOG,
    ].join("\n");
    // The signature names no host: either node may have logged the symptom, on a kernel no row shows.
    const verdict = diagnoseBundle(kb, bundle).findings.find((f) => f.id === "xt-mark-ipv6-typo-2024")?.verdict;
    expect(verdict?.status).toBe("unknown");
    // A -o wide table's kernels decide, beside a version only the input's own host shows (the symptom's
    // ip6tables) and a kernel a sentence names for other people.
    const wide = [
      "$ kubectl get nodes -o wide",
      "NAME       STATUS   ROLES           AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION     CONTAINER-RUNTIME",
      "master-1   Ready    control-plane   90d   v1.30.2   10.0.0.10     <none>        Ubuntu 24.04.1 LTS   6.8.0-52-generic   containerd://1.7.24",
      "worker-1   Ready    <none>          90d   v1.30.2   10.0.0.11     <none>        Ubuntu 24.04.1 LTS   6.8.0-52-generic   containerd://1.7.24",
      'E0303 10:15:07.931291    2211 proxier.go:1481] "Failed to execute iptables-restore" err=<',
      '        exit status 2: ip6tables-restore v1.8.10 (nf_tables): unknown option "--xor-mark"',
    ];
    for (const extra of [[], ["Searching around, people on Launchpad hit the same error with kernel 6.8.0-57-generic."]]) {
      const v = diagnoseBundle(kb, [...wide, ...extra].join("\n")).findings.find((f) => f.id === "xt-mark-ipv6-typo-2024")?.verdict;
      expect(v?.status, extra.join("")).toBe("not-affected");
    }
  });

  it("judges a kernel named by docker info as it judges the same kernel given by uname", async () => {
    const kb = (await loadDataKb()).compiled;
    // The seed report's kernel (Bottlerocket 1.26.2, https://github.com/bottlerocket-os/bottlerocket/issues/4295).
    const release = "5.15.168";
    const verdictOf = (d: ReturnType<typeof diagnoseFields>) => d.findings.find((f) => f.id === "xt-mark-ipv6-typo-2024")?.verdict;
    const byUname = verdictOf(diagnoseFields(kb, { uname: release, logs: XOR_MARK_KLOG }));
    const byInfo = verdictOf(diagnoseFields(kb, { logs: ` Kernel Version: ${release}\n${XOR_MARK_KLOG}` }));
    expect(byUname?.status).toBeDefined();
    expect(byUname?.status).not.toBe("unknown");
    expect(byInfo?.status).toBe(byUname?.status);
  });
});

describe("OS mentions", () => {
  it("reads inxi's Distro inside its System section, and not a Distro answer a person typed (review 36b)", () => {
    // inxi -S (inxi 3.x prints "arch:" after the kernel; older ones print the machine alone before "bits:").
    const inxi =
      "System:\n  Host: k8s-3-26 Kernel: 5.15.0-127-generic arch: x86_64 bits: 64\n    Console: pty pts/0 Distro: Ubuntu 22.04.5 LTS (Jammy Jellyfish)";
    expect(extractFacts(inxi).os).toMatchObject({ id: "ubuntu", versionId: "22.04" });
    const older =
      "System:    Host: box Kernel: 5.4.0-42-generic x86_64 bits: 64 Desktop: Gnome 3.36.4\n           Distro: Ubuntu 20.04.1 LTS (Focal Fossa)";
    expect(extractFacts(older).os).toMatchObject({ id: "ubuntu", versionId: "20.04" });
    expect(extractFacts("**Environment**\n- Distro: Ubuntu 22.04\n- Docker: 24.0.7").os).toBeNull();
  });

  it("reads neofetch's and fastfetch's OS inside their summary, logo and all, but not an issue form's OS answer", () => {
    const logo = [
      "            .-/+oossssoo+/-.               user@box",
      "        `:+ssssssssssssssssss+:`           --------",
      "      -+ssssssssssssssssssyyssss+-         OS: Ubuntu 24.04.1 LTS x86_64",
      "    .ossssssssssssssssssdMMMNysssso.       Host: 21HDCTO1WW ThinkPad T14",
      "   /ssssssssssshdmmNNmmyNMMMMhssssss/      Kernel: 6.8.0-49-generic",
      "  +ssssssssshmydMMMMMMMNddddyssssssss+     Uptime: 2 hours, 11 mins",
    ].join("\n");
    expect(extractFacts(logo).os).toMatchObject({ id: "ubuntu", versionId: "24.04" });
    expect(extractFacts(logo).kernel?.package?.ecosystem).toBe("ubuntu:24.04");
    const fastfetch =
      "OS: Debian GNU/Linux 12 (bookworm) aarch64\nHost: Raspberry Pi 4 Model B Rev 1.4\nKernel: Linux 6.6.51+rpt-rpi-v8\nUptime: 3 days";
    expect(extractFacts(fastfetch).os).toMatchObject({ id: "debian", versionId: "12" });
    // An environment list (bullets, "Container OS:") or a typed form is the reporter's word (review 27b).
    const list = "- Host: Dell XPS 13\n- Kernel: 6.8.0-49-generic\n- Container OS: Ubuntu 24.04.1 LTS\n- CPU: i7-1260P\n- Uptime: 3 days";
    expect(extractFacts(list).os).toBeNull();
    expect(extractFacts("OS: Ubuntu 22.04\nKernel: 5.15.0-91-generic\nCPU: Xeon\nMemory: 16GB").os).toBeNull();
    // An issue form's answer is the reporter's word: a release named in passing, not the host's os-release.
    const form = extractFacts("- OS: Ubuntu 22.04\n- Docker: 24.0.5\n- Kubernetes: v1.28.2");
    expect(form.os).toBeNull();
    expect(form.namedRelease).toBe("ubuntu:22.04");
  });

  it("reads docker info's Operating System as a nodes table's OS image, and decides the Ubuntu package with it", () => {
    // https://github.com/jrr/fauna-circle-repro (README: CircleCI's docker info block)
    const info = " Kernel Version: 5.15.0-1030-aws\n Operating System: Ubuntu 20.04.5 LTS\n OSType: linux";
    const facts = extractFacts(info);
    expect(facts.os).toMatchObject({ id: "ubuntu", versionId: "20.04", lines: [2, 2] });
    expect(facts.kernel?.package?.ecosystem).toBe("ubuntu:20.04");
  });

  it("reads an Ubuntu flavour KDE's About panel names as that Ubuntu release, and decides the kernel's package with it", () => {
    // KDE's "About this System", copied (VRCX's issue template asks for it).
    const about = "Operating System: Kubuntu 24.04\nKDE Plasma Version: 5.27.12\nKernel Version: 6.11.0-21-generic (64-bit)";
    const facts = extractFacts(about);
    expect(facts.os).toMatchObject({ id: "ubuntu", versionId: "24.04", prettyName: "Kubuntu 24.04" });
    // 6.11 on 24.04 is the HWE kernel; without the release, 24.10's own linux was possible too.
    expect(facts.kernel?.package).toMatchObject({ ecosystem: "ubuntu:24.04", names: ["linux-hwe-6.11"] });
    expect(extractFacts("Operating System: Kubuntuish 24.04").os).toBeNull();
    expect(extractFacts("Operating System: Ubuntu Budgie 10.10").os).toBeNull();
  });

  it("reads no OS from two nodes that differ, and lets an os-release of its own win", () => {
    expect(
      extractFacts("  OS Image:                   Ubuntu 22.04.3 LTS\n  OS Image:                   Ubuntu 20.04.6 LTS").os,
    ).toBeNull();
    const osRelease = 'NAME="Ubuntu"\nVERSION_ID="22.04"\nID=ubuntu\nPRETTY_NAME="Ubuntu 22.04.2 LTS"';
    expect(extractFacts(`${osRelease}\n Operating System: Ubuntu 20.04.5 LTS`).os?.versionId).toBe("22.04");
  });
});

describe("component mentions", () => {
  it("reads docker info's Server Version as the runtime, and not kubectl version's", () => {
    // https://github.com/jrr/fauna-circle-repro (README: CircleCI's docker info block)
    const info = " Server Version: 20.10.18\n Storage Driver: overlay2\n  Backing Filesystem: xfs\n Cgroup Driver: cgroupfs";
    expect(extractFacts(info).runtime).toBe("docker://20.10.18");
    expect(extractFacts("Client Version: v1.28.2\nServer Version: v1.28.2").runtime).toBeNull();
    // An excerpt of docker info without its driver lines: a year.month version is Docker's alone (nerdctl prints
    // containerd's 1.x or 2.x there, Podman's socket its 4.x or 5.x).
    const excerpt = "Client:\n Version:    29.0.1\n Context:    default\n Debug Mode: false\nServer Version: 29.0.1";
    expect(extractFacts(excerpt).runtime).toBe("docker://29.0.1");
    for (const other of ["1.7.13", "2.0.2", "5.2.2"]) expect(extractFacts(`Server Version: ${other}`).runtime, other).toBeNull();
  });

  it("reads one node's kubelet and runtime from kubectl describe node, none from two nodes that differ", () => {
    const node = (kubelet: string, runtime: string) =>
      `  Container Runtime Version:  ${runtime}\n  Kubelet Version:            ${kubelet}\n  Kube-Proxy Version:         ${kubelet}`;
    const one = extractFacts(node("v1.26.3", "containerd://1.6.20"));
    expect([one.kubelet, one.runtime]).toEqual(["v1.26.3", "containerd://1.6.20"]);
    const two = extractFacts(`${node("v1.26.3", "containerd://1.6.20")}\n${node("v1.27.1", "containerd://1.7.2")}`);
    expect([two.kubelet, two.runtime]).toEqual([null, null]);
  });

  it("reads the kubelet's version from its own start-up line, structured or under its journal framing", () => {
    // kubelet's cmd/kubelet/app/server.go: klog.InfoS("Kubelet version", "kubeletVersion", version.Get()) since 1.21, "Version: %+v" before.
    const structured =
      'Sep 03 15:54:42 node-1 kubelet[2596]: I0903 15:54:42.869062    2596 server.go:415] "Kubelet version" kubeletVersion="v1.27.3"';
    expect(extractFacts(structured).kubelet).toBe("v1.27.3");
    const journal = "Mar 05 15:57:27 node-1 kubelet[16240]: I0305 15:57:27.329438   16240 server.go:410] Version: v1.16.6";
    expect(extractFacts(journal).kubelet).toBe("v1.16.6");
    // Without the kubelet's framing the line could be kube-proxy's or the API server's: only the cluster's release is named.
    const bare = extractFacts("I0305 15:57:27.329438   16240 server.go:410] Version: v1.16.6");
    expect(bare.kubelet).toBeNull();
    expect(bare.named).toEqual({ kubernetes: "1.16.6" });
    // A pre-release is read whole (ordered before its release), a vendor's build as the release it builds on (review 60a F2).
    for (const [printed, read] of [
      ["v1.15.8-beta.0", "1.15.8-beta.0"],
      ["v1.15.8-eks-ad4801", "1.15.8"],
      ["v1.15.8-gke.100", "1.15.8"],
    ])
      expect(extractFacts(`I0812 00:17:41.633282   52219 server.go:425] Version: ${printed}`).named, printed).toEqual({ kubernetes: read });
  });

  it("names the start-up line's version when another kubelet process logs too: a restart may run another kubelet", async () => {
    // Review 31c: across an upgrade the new kubelet dies at flag parsing before it logs its version.
    const failure =
      'May 01 22:42:30 w1 kubelet[44914]: E0501 22:42:30.123456   44914 run.go:74] "command failed" err="failed to parse kubelet flag: unknown flag: --container-runtime"';
    const start =
      'May 01 22:40:00 w1 kubelet[1000]: I0501 22:40:00.000000    1000 server.go:415] "Kubelet version" kubeletVersion="v1.26.4"';
    const restarted = extractFacts(`${start}\n${failure}`);
    expect(restarted.kubelet).toBeNull();
    expect(restarted.named).toMatchObject({ kubernetes: "1.26.4" });
    // Another process at the end of a day's journal of the first one's lines (review 31e: past the frames read from the start).
    const day = Array.from({ length: 25_000 }, () => start.replace('"Kubelet version" kubeletVersion="v1.26.4"', "sync loop")).join("\n");
    expect(extractFacts(`${start}\n${day}\n${failure}`).kubelet).toBeNull();
    // The same process's failure keeps the version the host's own.
    expect(extractFacts(`${start}\n${failure.replaceAll("44914", "1000")}`).kubelet).toBe("v1.26.4");

    const kb = (await loadDataKb()).compiled;
    const verdict = diagnoseBundle(kb, `${start}\n${failure}`).findings.find(
      (f) => f.id === "kubelet-1.27-container-runtime-flag-removed",
    )?.verdict;
    expect(verdict?.status).toBe("unknown");
  });
});

describe("a kernel typed as an environment list's line", () => {
  it("reads 'Kernel <release>' without a colon as typed, so another machine's output leaves two kernels (review 63c F1)", () => {
    // tailscale/tailscale#14018's environment list (Fedora 41), then another machine's tailscaled line (canonical/docker-snap#225).
    const fedora = "**Fedora 41\nKernel 6.11.5-300.fc41.x86_64\ntailscale-1.70.0-1**";
    expect(kernelOf(fedora)).toMatchObject({ release: "6.11.5-300.fc41.x86_64", named: true, via: expect.stringContaining("typed") });
    const other = "2025/01/30 08:11:56 Linux kernel version: 6.8.0-52-generic";
    const both = extractFacts(`${fedora}\n\n${other}`);
    expect(both.kernel).toBeNull();
    expect(both.kernelsGiven?.sort()).toEqual(["6.11.5-300.fc41.x86_64", "6.8.0-52-generic"]);
    // A sentence is still a sentence: "the kernel 6.8.0 works" names no list's line.
    expect(kernelOf("I think kernel 6.8.0-52-generic is fine")?.via).toBeUndefined();
  });
});

describe("kernel mentions in kernel output", () => {
  it("reads the release an oops or WARN header names, tainted or not", () => {
    // Headers in the format the kernel's dump_stack_print_info() prints (lib/dump_stack.c).
    expect(kernelOf("CPU: 3 PID: 1 Comm: systemd Tainted: G        W  O      5.15.0-91-generic #101-Ubuntu")?.release).toBe(
      "5.15.0-91-generic",
    );
    expect(kernelOf("CPU: 0 PID: 3232 Comm: syz-executor.0 Not tainted 6.2.0-rc5 #2")?.release).toBe("6.2.0-rc5");
  });

  it("reads a RHEL 7 oops header, whose dashes stand between the taint and the release, as the kernel's own (review 63g F3)", () => {
    // openzfs/zfs#9675's CentOS 7.7 hung-task panic, and an unwrapped one from a mail: the kernel printed them.
    const header =
      "[245456.348265] CPU: 3 PID: 40 Comm: khungtaskd Kdump: loaded Tainted: P           OE  ------------   3.10.0-1062.4.3.el7.x86_64 #1";
    expect(kernelOf(header)).toMatchObject({ release: "3.10.0-1062.4.3.el7.x86_64", package: { ecosystem: "rhel:7" } });
    expect(kernelOf(header)?.named).toBeUndefined();
    const wrapped = "CPU: 0 PID: 1310 Comm: hdio-getgeo Tainted: G           OE  ------------\n3.10.0-1062.el7.x86_64 #1";
    expect(kernelOf(wrapped)?.named).toBeUndefined();
  });

  it("reads the running kernel Proxmox VE's pveversion prints (review 33b)", () => {
    // pveversion's one line (luchina-gabriel/OSX-PROXMOX#30) and the first line of `pveversion -v`.
    expect(kernelOf("pve-manager/8.0.3/bbf3993334bfa916 (running kernel: 6.2.16-3-pve)")).toMatchObject({ release: "6.2.16-3-pve" });
    expect(kernelOf("proxmox-ve: 8.2.0 (running kernel: 6.8.12-2-pve)")?.named).toBeUndefined();
  });

  it("reads the running kernel `bpftrace --info` prints under System, its version cut from the paste or not", () => {
    // bpftrace's info() prints "  OS: " + uname's sysname, release and version; this one from a public README's
    // `sudo bpftrace --info` on an Ubuntu mainline build.
    const info =
      "$ sudo bpftrace --info\nSystem\n  OS: Linux 5.19.0-051900-generic #202207312230 SMP PREEMPT_DYNAMIC Sun Jul 31 22:34:11 UTC 2022\n  Arch: x86_64\n";
    expect(kernelOf(info)).toMatchObject({ release: "5.19.0-051900-generic", line: 3 });
    expect(kernelOf(info)?.named).toBeUndefined();
    expect(kernelOf("System\n  OS: Linux 6.6.0-47.001-rc1-xxxxxx\n  Arch: x86_64")?.release).toBe("6.6.0-47.001-rc1-xxxxxx");
    // Not a label inside a sentence or another tool's platform field.
    expect(kernelOf("the test VM's OS: Linux 6.6.0 was fine")).toBeNull();
    expect(kernelOf(" OS/Arch:           linux/amd64")).toBeNull();
  });

  it("reads the running kernel's image from /proc/cmdline or the boot log's Command line, not another command's argument", () => {
    // The format GRUB writes (BOOT_IMAGE=[(device)]/path/vmlinuz-<release>), as `cat /proc/cmdline` and the
    // kernel's "Command line:" boot message print it.
    expect(
      kernelOf("$ cat /proc/cmdline\nBOOT_IMAGE=(hd0,gpt2)/vmlinuz-6.0.12-100.fc35.x86_64 root=UUID=437a4991 ro rootflags=subvol=root"),
    ).toMatchObject({
      release: "6.0.12-100.fc35.x86_64",
      package: { ecosystem: "fedora:35" },
    });
    expect(
      kernelOf(
        "[    0.000000] Command line: BOOT_IMAGE=/boot/vmlinuz-3.10.0-1160.el7.x86_64 root=/dev/mapper/centos-root ro crashkernel=auto",
      ),
    ).toMatchObject({ release: "3.10.0-1160.el7.x86_64", package: { ecosystem: "rhel:7" } });
    // Kernels to boot, not the running one: kexec loading a kdump kernel, grubby's entries, GRUB's defaults.
    for (const line of [
      "/sbin/kexec -s -d -p --command-line=BOOT_IMAGE=(hd0,gpt2)/vmlinuz-6.15.0-rc6+ ro console=ttyS0,115200N81",
      'kexec -l /boot/vmlinuz-5.15.0-127-generic --command-line="BOOT_IMAGE=/boot/vmlinuz-5.15.0-127-generic ro"',
      'args="BOOT_IMAGE=(hd0,msdos1)/vmlinuz-4.18.0-80.el8.x86_64 ro crashkernel=auto"',
      'GRUB_CMDLINE_LINUX="BOOT_IMAGE=/vmlinuz-5.4.0-42-generic quiet"',
    ])
      expect(kernelOf(line), line).toBeNull();
  });

  it("reads the kernel Falco's driver loader names its probe or module after, as named", () => {
    // falcosecurity/falco scripts/falco-driver-loader: "${DRIVER_NAME}_${TARGET_ID}_${KERNEL_RELEASE}_${KERNEL_VERSION}.ko" (.o for eBPF).
    for (const [line, release] of [
      ["* Trying to compile the eBPF probe (falco_ubuntu-generic_4.15.0-176-generic_185.o)", "4.15.0-176-generic"],
      ["* eBPF probe located in /root/.falco/falco_amazonlinux2_5.10.184-175.731.amzn2.x86_64_1.ko", "5.10.184-175.731.amzn2.x86_64"],
      [
        "* Trying to download a prebuilt falco module from https://download.falco.org/driver/x/x86_64/falco_debian_6.1.0-10-amd64_1.ko",
        "6.1.0-10-amd64",
      ],
    ] as const)
      expect(kernelOf(line), line).toMatchObject({ release, named: true, via: expect.stringMatching(/Falco's loader/) });
    // Not a file named otherwise.
    expect(kernelOf("falco_rules.local.yaml loaded, 6.1.0 rules")).toBeNull();
  });

  it("reads the running kernel's module tree from modprobe's own failures, and its config from check-config", () => {
    // Ansible's modprobe task on a kubespray node, JSON-escaped: https://github.com/kubernetes-sigs/kubespray/issues/10602
    expect(
      kernelOf('"msg": "modprobe: FATAL: Module ip_vs not found in directory /lib/modules/5.15.0-1045-kvm\\n", "name": "ip_vs", "rc": 1'),
    ).toMatchObject({
      release: "5.15.0-1045-kvm",
      distro: "ubuntu",
      flavour: "kvm",
      named: true,
      via: expect.stringContaining("modprobe"),
    });
    // kmod's modprobe (libkmod.c's kmod_search_moddep), here from a dm test suite's log on a self-built kernel.
    expect(
      kernelOf(
        "modprobe: ERROR: ../libkmod/libkmod.c:586 kmod_search_moddep() could not open moddep file '/lib/modules/5.14.0-rc2+/modules.dep.bin'\nmodprobe: FATAL: Module dm-crypt not found in directory /lib/modules/5.14.0-rc2+",
      )?.release,
    ).toBe("5.14.0-rc2+");
    // moby's contrib/check-config.sh looks for /boot/config-$(uname -r) when /proc/config.gz is missing
    // (k3s check-config prints the same line); a docker issue's output:
    // https://github.com/moby/moby/blob/master/contrib/check-config.sh
    expect(
      kernelOf(
        "warning: /proc/config.gz does not exist, searching other paths for kernel config ...\ninfo: reading kernel config from /boot/config-3.10.0-1160.62.1.el7.x86_64 ...",
      ),
    ).toMatchObject({ release: "3.10.0-1160.62.1.el7.x86_64", package: { ecosystem: "rhel:7" } });
    // kmod's modprobe warns instead with some flags; kube-proxy's ipvs check reads /lib/modules/$(uname -r)/modules.builtin
    // (pkg/proxy/ipvs), here on WSL2.
    expect(
      kernelOf(
        '"Running modprobe ip_vs failed with message: `modprobe: WARNING: Module ip_vs not found in directory /lib/modules/6.1.114-un-def-alt0.c10f.2`, error: exit status 1"',
      )?.release,
    ).toBe("6.1.114-un-def-alt0.c10f.2");
    expect(
      kernelOf(
        "W1012 17:07:44.429803    7184 proxier.go:584] Failed to read file /lib/modules/4.19.72-microsoft-standard/modules.builtin with error open /lib/modules/4.19.72-microsoft-standard/modules.builtin: no such file or directory.",
      )?.release,
    ).toBe("4.19.72-microsoft-standard");
    // "OS: Linux <release>" is read only with its build (bpftrace --info's whole line, as an embedded uname): alone it
    // is as often a requirement ("OS: Linux 3.10.0 or later") or gVisor's emulated kernel.
    expect(kernelOf("  OS: Linux 3.10.0 or later")).toBeNull();
    // Not the running kernel's: libkmod under dracut building an initramfs for a kernel being installed, a
    // path a person typed with $(uname -r), a config read from elsewhere.
    for (const line of [
      "libkmod: ERROR ../libkmod/libkmod.c:586 kmod_search_moddep: could not open moddep file '/lib/modules/4.19.106-bone49-interim//modules.dep.bin'",
      "modprobe: FATAL: Module ip_tables not found in directory /lib/modules/$(uname -r)",
      "info: reading kernel config from /proc/config.gz ...",
    ])
      expect(kernelOf(line), line).toBeNull();
  });

  it("judges a kernel a module path names as a named one: hedged, never ruling out the bug its log shows", async () => {
    // The path is `uname -r` of the machine modprobe ran on: an Ansible run over several hosts, a CI builder's step,
    // `modprobe -S <release>` or check-config handed another kernel's config name another kernel than the host's.
    const kb = (await loadDataKb()).compiled;
    const verdictOf = (d: ReturnType<typeof diagnoseFields>) => d.findings.find((f) => f.id === "xt-mark-ipv6-typo-2024")?.verdict;
    for (const release of ["5.15.168", "6.6.60"]) {
      const byUname = verdictOf(diagnoseFields(kb, { uname: release, logs: XOR_MARK_KLOG }));
      const byPath = verdictOf(
        diagnoseBundle(kb, `modprobe: FATAL: Module ip6_tables not found in directory /lib/modules/${release}\n${XOR_MARK_KLOG}`),
      );
      expect(byUname?.status, release).not.toBe("unknown");
      expect(byPath?.status, release).toBe(byUname?.status === "not-affected" ? "unknown" : byUname?.status);
      expect(byPath?.reason, release).toContain("a module or config path a tool printed");
    }
    // Beside a kernel a sentence names, on its line or another, it is one of two: nothing is decided.
    for (const text of [
      "We run kernel 6.6.58 on all nodes. Another report showed `modprobe: FATAL: Module ip_vs not found in directory /lib/modules/6.6.60` but that is not ours.",
      "All our nodes run kernel 6.6.58.\nThe provisioning log of the new node said:\nmodprobe: FATAL: Module ip_vs not found in directory /lib/modules/6.6.60",
    ]) {
      expect(extractFacts(text).kernel, text).toBeNull();
      expect(verdictOf(diagnoseBundle(kb, `${text}\n${XOR_MARK_KLOG}`))?.status, text).toBe("unknown");
    }
    // Beside another reading of output shape (a label, a taint line), a path naming another release leaves two.
    expect(
      kernelOf("kernel: 4.14.18-300.fc27.x86_64\nmodprobe: FATAL: Module ip_tables not found in directory /lib/modules/6.17.0-rc5"),
    ).toBeNull();
    // Beside the kernel's own /proc/version too: modprobe looks in /lib/modules/$(uname -r), so another release there
    // is another machine's or another kernel's (modprobe -S); the same release agrees.
    expect(
      kernelOf(
        "Linux version 6.6.58 (builder@host) (gcc 12) #1 SMP\nmodprobe: FATAL: Module ip_vs not found in directory /lib/modules/6.6.60",
      ),
    ).toBeNull();
    expect(
      kernelOf(
        "Linux version 6.6.58 (builder@host) (gcc 12) #1 SMP\nmodprobe: FATAL: Module ip_vs not found in directory /lib/modules/6.6.58",
      ),
    ).toMatchObject({ release: "6.6.58", build: "#1 SMP" });
  });

  it("reads `uname -r` typed with its output on one line, as chat answers are written, hedged as typed (review 65e F2)", () => {
    for (const line of [
      "uname -r: 5.15.0-127-generic",
      "`uname -r`: 5.15.0-127-generic",
      "uname -r \u2192 5.15.0-127-generic",
      "uname -r = `5.15.0-127-generic`",
      "uname -r 5.15.0-127-generic",
      // After a prompt, too: the line is a command line, which no other shape reads (review 65e F2's rest).
      "$ uname -r => 5.15.0-127-generic",
      "ubuntu@node-1:~$ uname -r: 5.15.0-127-generic",
    ])
      expect(kernelOf(`${line}\nkube-proxy: unknown option "--xor-mark"`), line).toMatchObject({
        release: "5.15.0-127-generic",
        named: true,
        via: expect.stringMatching(/typed into the report/),
      });
    // The command in a sentence, or with more words after the release, is no typed output.
    for (const line of ["I ran uname -r on the other node: 5.15.0-126-generic", "uname -r: 5.15.0-127-generic on the laptop"])
      expect(kernelOf(line), line).toBeNull();
  });

  it("reads a GitHub issue form's kernel field: the answer under its heading, when it is one release alone", () => {
    // Issue forms render each field as "### <label>", a blank line and the typed answer.
    expect(kernelOf("### Kernel Version\n\n4.14.113\n\n### Describe the Bug\n\nDocker starts fine")).toMatchObject({
      release: "4.14.113",
      named: true,
      via: expect.stringMatching(/typed into the report/),
    });
    expect(kernelOf("### Kernel\n\n`6.6.58-talos`\n")?.release).toBe("6.6.58-talos");
    expect(kernelOf("### Linux Kernel\n\n4.14.113\n")?.release).toBe("4.14.113");
    expect(kernelOf("### Kernel version (uname -r)\n\n6.9.1\n")?.release).toBe("6.9.1");
    // A heading that sets its answer aside (an earlier kernel, another machine, a bound) is no host's kernel, and does
    // not dispute the host's own uname.
    for (const heading of ["(before the upgrade)", "(laptop)", "(minimum)"])
      expect(kernelOf(`### Kernel version ${heading}\n\n6.9.1\n`), heading).toBeNull();
    const own = "$ uname -a\nLinux build-7 6.9.3-arch1-1 #1 SMP PREEMPT_DYNAMIC Fri, 31 May 2024 15:14:45 +0000 x86_64 GNU/Linux";
    expect(kernelOf(`### Kernel version (before the upgrade)\n\n6.8.12\n\n### What happened\n${own}`)?.release).toBe("6.9.3-arch1-1");
    // A heading padded with a long run of blanks costs one pass.
    const started = performance.now();
    expect(kernelOf(Array.from({ length: 200 }, () => `### kernel${" ".repeat(3985)}x`).join("\n"))).toBeNull();
    expect(performance.now() - started).toBeLessThan(1000);
    // Two releases, words, a bound or a heading with no answer name no one kernel.
    for (const text of [
      "### Kernel Version\n6.1.0-12-arm64\n6.1.0-9-arm64\n### Distro Version",
      "### Kernel Version\n\nI think 5.15 or so\n",
      "### Kernel\n\n6.6.58 or newer\n",
      "### Kernel version\n\n### Distro\n\n6.6.58\n",
    ])
      expect(kernelOf(text), text).toBeNull();
  });

  it("reads the package build a Debian or Ubuntu crash header prints after its release (review 52d F1)", () => {
    // Debian's kernels print their package's version after uname -v's first word (debian/patches' version.patch);
    // Ubuntu's first word is the upload: each names the package build as `uname -v` does.
    const debian = kernelOf("[ 3049.262137] CPU: 3 PID: 5012 Comm: cat Not tainted 6.1.0-14-amd64 #1  Debian 6.1.64-1");
    expect(debian).toMatchObject({ release: "6.1.0-14-amd64", package: { ecosystem: "debian:12", version: "6.1.64-1" } });
    const ubuntu = kernelOf("[  812.331290] CPU: 1 PID: 2211 Comm: ip6tables Not tainted 5.15.0-127-generic #137-Ubuntu");
    expect(ubuntu?.package).toMatchObject({ ecosystem: "ubuntu:22.04", names: ["linux"], version: "5.15.0-127.137" });
    const hwe = kernelOf("kernel: CPU: 0 PID: 9 Comm: kworker/0:1 Tainted: G        W  OE 5.15.0-127-generic #137~20.04.1-Ubuntu");
    expect(hwe?.package).toMatchObject({ ecosystem: "ubuntu:20.04", names: ["linux-hwe-5.15"] });
    // Another builder's bare "#1" names no package.
    expect(kernelOf("CPU: 2 PID: 1 Comm: x Not tainted 6.8.10-300.fc40.x86_64 #1")?.build ?? null).toBeNull();
  });

  it("reads a uname whose command's comment names another machine as named, hedged (review 52f F2)", () => {
    const bastion = "Linux bastion 5.15.0-127-generic #137-Ubuntu SMP Fri Nov 8 15:21:01 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux";
    for (const command of ["$ uname -a   # jump host, not the worker", "$ uname -a # on the bastion"])
      expect(kernelOf(`${command}\n${bastion}`), command).toMatchObject({ release: "5.15.0-127-generic", named: true });
    expect(kernelOf(`$ uname -a  # the failing worker\n${bastion}`)?.named).toBeUndefined();
  });

  it("reads a summary's Kernel label with its value aligned by spaces (review 52c F2)", () => {
    expect(kernelOf("Kernel:  5.10.23 and systemd 239.")?.release).toBe("5.10.23");
    // Wider alignment, a tab, a label padded before its colon (review 52f F4).
    for (const label of ["Kernel:    5.15.0-127-generic", "Kernel\t\t: 5.15.0-127-generic", "Kernel    : 5.15.0-127-generic"])
      expect(kernelOf(label)?.release, label).toBe("5.15.0-127-generic");
    // A journal's kernel line is no label, however its message is indented.
    expect(kernelOf("Dec 03 02:11:47 node-1 kernel:    12.5 ms stall")).toBeNull();
    // Two machines' kernels, the working one's and the failing one's: neither is the host's alone.
    expect(
      kernelOf("It works fine in\n\nKernel: 4.19.91 and systemd 219.\n\nBut it doesn't work in\n\nKernel:  5.10.23 and systemd 239."),
    ).toBeNull();
  });

  it("reads the release a hung task's report and a 3.x oops header print, taint flags or not", () => {
    // kernel/hung_task.c prints the taint, the release and the build's first word under "INFO: task … blocked".
    expect(kernelOf("[  243.282903]       Not tainted 6.1.0-27-amd64 #1 Debian 6.1.115-1")?.release).toBe("6.1.0-27-amd64");
    expect(kernelOf("Apr 23 17:44:57 ip-10-0-0-1 kernel:       Tainted: G            X 3.13.0-52-generic #85-Ubuntu")?.release).toBe(
      "3.13.0-52-generic",
    );
    // Before 3.10 the oops header was "Pid: %d, comm: %.20s %s %s %.*s" (arch/x86/kernel/process.c).
    expect(kernelOf("kernel: Pid: 10971, comm: nfsd Tainted: P        W  O 3.2.0-4-amd64 #1 Debian 3.2.68-1+deb7u1")?.release).toBe(
      "3.2.0-4-amd64",
    );
    // A mailed oops whose header a mail client wrapped after the taint (lore.kernel.org pastes): the release opens
    // the next line, as lib/dump_stack.c printed it right after the taint.
    const wrapped =
      "[   23.319698] CPU: 0 PID: 93 Comm: test_maps Not tainted\n5.10.0-rc7-02263-g0e12c0271887-dirty #51\n[   23.321297] Hardware name: QEMU";
    expect(kernelOf(wrapped)?.release).toBe("5.10.0-rc7-02263-g0e12c0271887-dirty");
    // A reply quoting both lines reads it as the quote it is; beside the host's own uname, a quoted header naming
    // another release (wrapped or not) leaves the kernel undecided.
    expect(kernelOf("> [ 23.3] CPU: 0 PID: 93 Comm: test_maps Not tainted\n> 5.10.0-rc7 #51")).toMatchObject({
      release: "5.10.0-rc7",
      named: true,
      via: expect.stringMatching(/quoted line/),
    });
    const uname = "Linux nfs1 6.8.9 #1 SMP PREEMPT_DYNAMIC Fri May 3 10:00:00 UTC 2024 x86_64 GNU/Linux\n\nOn Fri, Jul 5, Jane wrote:\n";
    for (const quoted of [
      "> [  123.4] CPU: 2 PID: 2345 Comm: cat Not tainted\n6.8.10-300.fc40.x86_64 #1\n> RIP: 0010:nfsd_show+0x39/0x1d0 [nfsd]",
      "> [  123.4] CPU: 2 PID: 2345 Comm: cat Not tainted\n> 6.8.10-300.fc40.x86_64 #1\n> RIP: 0010:nfsd_show+0x39/0x1d0 [nfsd]",
    ])
      expect(kernelOf(uname + quoted), quoted).toBeNull();
    // Not any line after a taint: a new log line, or prose, is no release of the header's.
    expect(kernelOf("CPU: 0 PID: 93 Comm: x Not tainted\n[   23.3] 5.10.0 #51 was the build")).toBeNull();
    expect(kernelOf("CPU: 0 PID: 93 Comm: x Not tainted\nwe then booted 6.1.0 #2")).toBeNull();
    // Taint flags are letters: a long run of them, or of spaces, before no release costs one pass.
    const started = performance.now();
    expect(kernelOf(`Tainted: ${"G ".repeat(1900)}`)).toBeNull();
    expect(kernelOf(`Tainted: G${" ".repeat(3900)}x`)).toBeNull();
    expect(performance.now() - started).toBeLessThan(200);
  });

  it("reads the release kubeadm's preflight, Ubuntu's login banner and minikube's host info print", () => {
    // k8s.io/system-validators' KernelValidator reports `uname -r` as KERNEL_VERSION.
    expect(
      kernelOf(
        "[preflight] The system verification failed. Printing the output from the verification:\nKERNEL_VERSION: 4.4.0-197-generic\nCONFIG_NAMESPACES: enabled",
      )?.release,
    ).toBe("4.4.0-197-generic");
    // An indented KERNEL_VERSION is a CI variable or a build setting (the kernel a module is built for), and a
    // value joining two releases names two.
    expect(kernelOf("  env:\n    KERNEL_VERSION: 6.6.60")).toBeNull();
    expect(kernelOf("KERNEL_VERSION: 6.6.60_5.15.168")).toBeNull();
    // /etc/update-motd.d/00-header: printf "Welcome to %s (%s %s %s)\n" "$DISTRIB_DESCRIPTION" "$(uname -o)" "$(uname -r)" "$(uname -m)".
    // The machine the session logged into, which may be a bastion: a named kernel, with its source.
    expect(kernelOf("Welcome to Ubuntu 24.04.2 LTS (GNU/Linux 6.8.0-53-generic aarch64)")).toMatchObject({
      release: "6.8.0-53-generic",
      distro: "ubuntu",
      named: true,
      via: expect.stringContaining("login banner"),
    });
    expect(
      kernelOf("We hit this on kernel 6.6.58 (log below).\nWelcome to Ubuntu 24.04.1 LTS (GNU/Linux 6.6.60-custom x86_64)"),
    ).toBeNull();
    // minikube logs gopsutil's host.InfoStat at start (json:"kernelVersion"): the machine minikube runs on, which a
    // VM driver's node does not share; a node list on one line names several.
    expect(
      kernelOf(
        'I1018 08:48:39.280428    6343 start.go:116] hostinfo: {"hostname":"ip-172-31-1-60","uptime":696,"os":"linux","platform":"ubuntu","platformVersion":"22.04","kernelVersion":"5.15.0-1019-aws","kernelArch":"x86_64"}',
      ),
    ).toMatchObject({ release: "5.15.0-1019-aws", named: true, via: expect.stringContaining("host info") });
    expect(
      kernelOf(
        'Response Body: {"kind":"NodeList","items":[{"status":{"nodeInfo":{"kernelVersion":"6.6.60"}}},{"status":{"nodeInfo":{"kernelVersion":"6.6.58"}}}]}',
      ),
    ).toBeNull();
    // A shell assignment names no release, nor Ansible's fact for the build string.
    expect(kernelOf('KERNEL_VERSION="$(uname -r)"')).toBeNull();
    expect(kernelOf('"ansible_kernel_version": "#58-Ubuntu SMP PREEMPT_DYNAMIC Thu Feb 13 11:00:00 UTC 2025"')).toBeNull();
  });

  it("reads Ansible's facts of a host as its uname: ansible_kernel with ansible_kernel_version (review 51d F5)", () => {
    const facts = (kernel: string, version: string | null) =>
      [
        "k8s-node2 | SUCCESS => {",
        '    "ansible_facts": {',
        '        "ansible_distribution": "Ubuntu",',
        '        "ansible_distribution_version": "22.04",',
        `        "ansible_kernel": "${kernel}",`,
        ...(version ? [`        "ansible_kernel_version": "${version}",`] : []),
        '        "ansible_os_family": "Debian"',
        "    },",
        '    "changed": false',
        "}",
      ].join("\n");
    // Both: the host's uname -rv, the upload number read from its build.
    expect(extractFacts(facts("5.15.0-127-generic", "#137-Ubuntu SMP Fri Nov 8 15:21:01 UTC 2024")).kernel).toMatchObject({
      release: "5.15.0-127-generic",
      upstreamCertainty: expect.any(String),
      package: { version: "5.15.0-127.137" },
    });
    // The release alone, named (the facts may be a cache of another time).
    expect(extractFacts(facts("5.15.0-127-generic", null)).kernel).toMatchObject({ release: "5.15.0-127-generic", named: true });
  });

  it("reads no running kernel from a listing of what is installed: ls /lib/modules, rpm -q (review 54a F1)", () => {
    // After an upgrade not yet booted the listing shows the new kernel only (Arch and Raspberry Pi OS remove the old
    // one's modules): before, "6.8.12" was the running kernel, "not affected" beside the bug's own oops.
    for (const listing of [
      "[root@nfs01 ~]# ls /lib/modules\n6.8.12-300.fc40.x86_64",
      "$ ls /usr/src/kernels/\n6.8.12-300.fc40.x86_64",
      "$ ls -1 /lib/modules\n6.8.10-300.fc40.x86_64\n6.8.12-300.fc40.x86_64",
      "$ rpm -q --qf '%{VERSION}-%{RELEASE}.%{ARCH}\\n' kernel\n6.10.0-64.fc40.x86_64",
    ]) {
      expect(kernelOf(listing), listing).toBeNull();
      // Beside it, `uname -r` names the running kernel, one of two no longer.
      expect(kernelOf(`$ uname -r\n6.8.10-300.fc40.x86_64\n${listing}`)?.release, listing).toBe("6.8.10-300.fc40.x86_64");
      expect(kernelOf(`${listing}\n$ uname -r\n6.8.10-300.fc40.x86_64`)?.release, listing).toBe("6.8.10-300.fc40.x86_64");
    }
    // A listing command another follows on its line: the last release is that one's (`uname -r`: review 54b F6).
    expect(
      kernelOf("[root@nfs01 ~]# ls /lib/modules; uname -r\n6.8.10-300.fc40.x86_64  6.8.12-300.fc40.x86_64\n6.8.10-300.fc40.x86_64")
        ?.release,
    ).toBe("6.8.10-300.fc40.x86_64");
    // A listing after another command that prints no kernel is still a listing.
    expect(kernelOf("[root@nfs01 ~]# dnf upgrade -y kernel && ls /lib/modules\n6.8.12-300.fc40.x86_64")).toBeNull();
    // A code block quoting the kernels' folder listed, without a prompt (review 54b F2).
    expect(kernelOf("```\nls /lib/modules\n6.8.12-300.fc40.x86_64\n```")).toBeNull();
    // The listing ends at a line that is no name: an oops pasted after it still names its kernel.
    const oops = "[ 9114.6] CPU: 3 PID: 41872 Comm: sadc Not tainted 6.8.10-300.fc40.x86_64 #1";
    expect(kernelOf(`$ ls /lib/modules\n6.8.12-300.fc40.x86_64\n${oops}`)?.release).toBe("6.8.10-300.fc40.x86_64");
    // A line of prose starting with a package tool's name is no command; the bare release after it is still read.
    expect(kernelOf("apt upgrade did not help, still on\n6.8.10-300.fc40.x86_64")?.release).toBe("6.8.10-300.fc40.x86_64");
    // /proc/sys/kernel/osrelease is the running kernel's.
    expect(kernelOf("$ cat /proc/sys/kernel/osrelease\n6.9.1-arch1-1")?.release).toBe("6.9.1-arch1-1");
  });

  it("reads the kdump crash utility's banner as the dumped kernel's uname -rv (review 53a F5)", () => {
    // crash's banner as a kdump walkthrough prints it (Ubuntu 22.04's 5.15.0-25-generic), and with a Debian build.
    const banner = (release: string, version: string) =>
      [
        "      KERNEL: vmlinux-dbgsym  [TAINTED]",
        "    DUMPFILE: ubuntu22.04-5.15.0-25-generic-202511032103.kdump  [PARTIAL DUMP]",
        "        CPUS: 2",
        "    NODENAME: ubuntu-2204",
        `     RELEASE: ${release}`,
        `     VERSION: ${version}`,
        "     MACHINE: x86_64  (2687 Mhz)",
        '       PANIC: "Oops: 0002 [#1] SMP PTI" (check log for details)',
      ].join("\n");
    expect(kernelOf(banner("5.15.0-25-generic", "#25-Ubuntu SMP Wed Mar 30 15:54:22 UTC 2022"))).toMatchObject({
      release: "5.15.0-25-generic",
      package: { ecosystem: "ubuntu:22.04", version: "5.15.0-25.25" },
    });
    expect(kernelOf(banner("6.1.0-14-amd64", "#1 SMP PREEMPT_DYNAMIC Debian 6.1.64-1 (2023-11-30)"))).toMatchObject({
      package: { ecosystem: "debian:12", version: "6.1.64-1" },
    });
    expect(kernelOf(banner("6.1.0-14-amd64", "#1 SMP PREEMPT_DYNAMIC Debian 6.1.64-1 (2023-11-30)"))?.named).toBeUndefined();
    // A RELEASE label without crash's VERSION line after it is some other tool's.
    expect(kernelOf("RELEASE: 6.1.0-14-amd64\nSTATUS: deployed")).toBeNull();
  });

  it("reads an issue's environment answers (the Kubernetes template's Kernel line, a Markdown Kernel label) as typed: named", () => {
    // kubernetes/kubernetes' bug template asks "Kernel (e.g. `uname -a`):".
    expect(kernelOf("- Kernel (e.g. `uname -a`): 5.4.91-41.139.amzn2.x86_64")).toMatchObject({
      release: "5.4.91-41.139.amzn2.x86_64",
      package: { ecosystem: "amzn:2" },
    });
    expect(kernelOf("- Kernel (e.g. `uname -a`): `Linux ip-10-0-1-5 5.10.0-26-amd64`")?.release).toBe("5.10.0-26-amd64");
    expect(kernelOf("- Kernel (e.g. `uname -a`):")).toBeNull();
    expect(kernelOf("- **Kernel** (e.g. `uname -a`): 4.15.0-45-generic")?.release).toBe("4.15.0-45-generic");
    expect(kernelOf("**Kernel version:** Linux 6.8.0-35-generic")?.release).toBe("6.8.0-35-generic");
    expect(
      kernelOf("* Operating System and version: Ubuntu 20.04.4 LTS, kernel: 5.15.0-67-generic, cri: containerd://1.5.5"),
    ).toMatchObject({ release: "5.15.0-67-generic", named: true });
    // After a comma the label is a sentence's, as in brackets (a requirement, another machine): read only after no bound's words.
    expect(kernelOf("Works on my laptop, Debian 8, kernel: 3.16.0-4-amd64 or later")).toBeNull();
    expect(kernelOf("kernel: Linux TENCENT64.site 3.10.0-693_4003268.tl2")?.release).toBe("3.10.0-693_4003268.tl2");
    expect(kernelOf("- **Kernel:** `6.12.83-115.161.amzn2023.aarch64` (arm64)")?.release).toBe("6.12.83-115.161.amzn2023.aarch64");
    expect(kernelOf("- Kernel: `6.12.92-122.166.amzn2023.x86_64` (AL2023)")?.release).toBe("6.12.92-122.166.amzn2023.x86_64");
    for (const typed of [
      "- Kernel (e.g. `uname -a`): 5.4.91-41.139.amzn2.x86_64",
      "- **Kernel**: 6.6.60",
      "**Kernel version:** Linux 6.8.0-35-generic",
    ])
      expect(kernelOf(typed)?.named, typed).toBe(true);
    // A list of releases decides nothing; a bound or a requirement's word makes the value no host's.
    for (const text of [
      "Kernel: 6.1.115, 6.6.58",
      "- **Kernel:** 6.1.115, 6.6.58",
      "**Kernel version:** Linux 6.6.60 (node-a), 6.6.58 (node-b)",
      "- Kernel (e.g. `uname -a`): 6.6.60 or 6.6.58",
      "**Kernel** (e.g. `uname -a`): 6.6.60 (master) / 6.6.58 (workers)",
      "- **Kernel:** 6.6.60 or newer",
      "- **Minimum Kernel:** `6.6.60`",
      "Tested with:\n- **Kernel:** `6.6.60`\n\nOn our production nodes (kernel 6.6.58) kube-proxy fails:",
    ])
      expect(kernelOf(text), text).toBeNull();
    // inxi's own line carries the compiler's version: no list.
    expect(kernelOf("Kernel: 5.4.0-42-generic x86_64 bits: 64 compiler: gcc v: 9.3.0 Desktop: Gnome 3.36.4")?.release).toBe(
      "5.4.0-42-generic",
    );
  });

  it("reads a Markdown table's kernel row as typed, and none from a comparison's row or a requirement's", () => {
    const table =
      "| Component | Version | Source |\n|---|---|---|\n| Host kernel | 6.8.0-45-generic | `uname -r` |\n| runc | v1.2.3 | `runc --version` |";
    expect(kernelOf(table)).toMatchObject({ release: "6.8.0-45-generic", named: true, via: expect.stringMatching(/typed/) });
    expect(kernelOf("| **Kernel** | `5.15.0-91-generic` |")?.release).toBe("5.15.0-91-generic");
    expect(kernelOf("| Kernel | 6.1.55 (works) | 6.6.58 (fails) |")).toBeNull();
    expect(kernelOf("| Minimum kernel | 5.8.0 |")).toBeNull();
    expect(kernelOf("| Kernel | 5.8.0 or newer |")).toBeNull();
    // A row's words making it a fix, a requirement, a bound or another machine's, or another row of the same table
    // naming a kernel (reviews 34c, 34d).
    for (const row of [
      "| Kernel | 6.6.60 | fixed |",
      "| Kernel | 5.13.0 | minimum |",
      "| Kernel | 5.15.0+ |",
      "| Kernel (minimum) | 4.9.0 |",
      "| Kernel | 5.10.0 (minimum) |",
      "| Kernel | 6.6.60 | **fixed** |",
      "| Kernel (my laptop) | 6.6.60 |",
      "| Kernel | 6.1.55 |\n| Kernel (after upgrade) | 6.6.58 |",
    ])
      expect(kernelOf(row), row).toBeNull();
    expect(kernelOf("| Kernel | 6.1.21-v8+ |")?.release).toBe("6.1.21-v8+");
  });

  it("leaves the kernel undecided when output and a sentence, a typed answer or a quote name two", () => {
    for (const text of [
      // A typed answer beside a workstation's docker info, a trace quoted from upstream, another label.
      "- **Kernel version:** 6.6.58\n Kernel Version: 6.10.14-linuxkit",
      "- Kernel: `6.6.58`\nCPU: 2 PID: 9 Comm: ip6tables-resto Not tainted 6.6.60 #1",
      // The host's kernel in a sentence beside another machine's output.
      "Our nodes run kernel 6.6.58. From my laptop:\n Kernel Version: 6.10.14-linuxkit",
      // A label's line naming another release in words.
      "Kernel Version: 6.6.60 on masters, 6.6.58 on workers",
      "- Kernel: 6.6.60 (the errors below were logged on 6.6.58)",
    ])
      expect(kernelOf(text), text).toBeNull();
    // A fix's "Linux version" is prose, not /proc/version; a label naming a fix's kernel is no host's; a quoted line
    // is another report's, perhaps: named.
    expect(kernelOf("Our nodes run kernel 6.6.58.\nThis was fixed in Linux version 6.6.60 (commit 306ed1728e84)")).toMatchObject({
      release: "6.6.58",
      named: true,
    });
    expect(kernelOf("Fixed kernel version: 6.6.60")).toBeNull();
    expect(kernelOf("> Kernel Version: 6.6.60 - no more errors since then")).toMatchObject({
      named: true,
      via: expect.stringContaining("quoted"),
    });
  });

  it("lets output outrank a sentence, unless the sentence claims the host's kernel outright; a release cut short agrees", () => {
    // Upgrade stories, comparisons and fixes name other kernels of the same host: the output's is the one that failed.
    for (const sentence of [
      "This started after upgrading from kernel 6.6.56.",
      "We were on kernel 6.6.56 before and it was fine.",
      "kernel 6.6.56 works, kernel 6.6.58 doesn't.",
      "Does anyone know if kernel 6.6.60 has the fix?",
    ])
      expect(kernelOf(`${sentence}\n Kernel Version: 6.6.58`)?.release, sentence).toBe("6.6.58");
    // A present-tense claim beside another release's output: two machines, or a wrong claim.
    expect(kernelOf("We run kernel 6.6.58 on all nodes.\n Kernel Version: 6.10.14-linuxkit")).toBeNull();
    // "kernel 6.8.0-56" and "6.8.0-56-generic" are one release; the fuller reading is kept.
    expect(kernelOf("- **Kernel version:** 6.8.0-56\nCPU: 1 PID: 9 Comm: x Not tainted 6.8.0-56-generic #58-Ubuntu")?.release).toBe(
      "6.8.0-56-generic",
    );
    expect(kernelOf("Our nodes run kernel 6.6.58.\n Kernel Version: 6.6.58-talos")?.release).toBe("6.6.58-talos");
    // A denial between the release and "other nodes" leaves it the host's.
    expect(kernelOf("The error shows up on kernel 6.6.58 but not on other nodes.")?.release).toBe("6.6.58");
  });

  it("takes a claim for one however it is worded, and no question, condition or other machine for one", () => {
    const laptop = "\n Kernel Version: 6.6.60";
    for (const claim of [
      "I'm on kernel 6.6.58 on the nodes.",
      "We’re all on kernel 6.6.58 in prod.",
      "Our kernel version is 6.6.58 everywhere.",
      "We are using kernel 6.6.58 on the cluster.",
      "Our k8s worker nodes run kernel 6.6.58.",
    ])
      expect(kernelOf(claim + laptop), claim).toBeNull();
    const own = "\n Kernel Version: 6.6.58";
    for (const sentence of [
      "Should we run kernel 6.6.60 instead?",
      "If we run kernel 6.6.56 it works.",
      "I am running kernel 6.6.56 on my laptop and cannot reproduce.",
      "We are on kernel 6.6.56 in the other cluster, no problem there.",
    ])
      expect(kernelOf(sentence + own)?.release, sentence).toBe("6.6.58");
    // A claim written as the package's version or the upstream release the build names agrees with the output.
    expect(
      kernelOf("We run kernel 5.15.0-127.137 on Ubuntu 22.04.5.\nCPU: 1 PID: 9 Comm: x Not tainted 5.15.0-127-generic #137-Ubuntu")
        ?.release,
    ).toBe("5.15.0-127-generic");
  });

  it("takes another machine that works for neither the host's kernel nor its cure, and names the kernels left undecided", () => {
    // Review 32a: "works fine on my laptop with kernel 6.6.54" cancelled the nodes' kernel, read as a cure.
    const nodes = "Since the node pool rolled to the new Talos image (kernel 6.6.58-talos) kube-proxy cannot program IPv6 rules.";
    for (const laptop of [
      " It works fine on my laptop with kernel 6.6.54.",
      " Works on our staging cluster running kernel 6.6.54.",
      "\nIt worked on my dev box using kernel 6.6.54.",
      // The other machine first, whatever follows (review 32c).
      " My laptop with kernel 6.6.54 works fine.",
      " Works on my laptop (kernel 6.6.54).",
      " It works just fine on my company laptop running kernel 6.6.54.",
    ])
      expect(kernelOf(nodes + laptop)?.release, laptop).toBe("6.6.58-talos");
    // With no other machine named, a kernel it works on is a cure: the host ran it too, so nothing decides.
    expect(kernelOf(`${nodes} It works fine on kernel 6.6.60.`)).toBeNull();
    // Two kernels named and neither the host's: given, not "no kernel".
    const two = extractFacts(`${nodes} My laptop runs kernel 6.6.54 and is fine.`);
    expect(two.kernel).toBeNull();
    expect(two.kernelsGiven).toEqual(["6.6.58-talos", "6.6.54"]);
    // The same paste in the API's logs field says so too (review 32c).
    expect(factsFromFields({ logs: `${nodes} My laptop runs kernel 6.6.54 and is fine.` }).kernelsGiven).toEqual([
      "6.6.58-talos",
      "6.6.54",
    ]);
  });

  it("reads labels by the role their words give them, and another component's version as no second kernel", () => {
    for (const [text, release] of [
      ["- Kernel: 6.6.58 (upgraded from 6.6.56 last night)", "6.6.58"],
      ["Kernel: 6.6.58 (6.6.58-talos)", "6.6.58"],
      ["Kernel Version: 6.6.58    Container Runtime Version: containerd://2.0.0", "6.6.58"],
      ["Bad: Kernel Version: 6.6.58", "6.6.58"],
      ["Target Kernel: 6.6.60", null],
      ["Installed Kernel: 6.6.60", null],
      // needrestart -v
      ["[Kernel/Linux] Expected kernel version: 6.6.60", null],
      ["The currently running kernel version is not the expected kernel version 6.6.58.", null],
      ["Kernel: 6.6.60 (pending reboot, running 6.6.58)", null],
      ["Fixed in Linux builder 6.6.60 #1 SMP PREEMPT_DYNAMIC Tue Nov  5 10:00:00 UTC 2024 x86_64 GNU/Linux", null],
    ] as const)
      expect(kernelOf(text)?.release ?? null, text).toBe(release);
  });

  it("reads needrestart's batch mode: KCUR is the running kernel, KEXP the installed one awaiting a reboot (review 66a F1)", () => {
    // needrestart -b as scripts and monitoring run it (lib/NeedRestart/Kernel.pm: KCUR is uname -r; KSTA 3, a newer kernel
    // is installed). Before, Debian's ABI name was unread ("no kernel version given") and Fedora's two were undecided.
    const batch = (cur: string, exp: string) =>
      `$ sudo needrestart -b\nNEEDRESTART-VER: 3.6\nNEEDRESTART-KCUR: ${cur}\nNEEDRESTART-KEXP: ${exp}\nNEEDRESTART-KSTA: 3`;
    expect(kernelOf(batch("6.1.0-14-amd64", "6.1.0-15-amd64"))).toMatchObject({ release: "6.1.0-14-amd64" });
    expect(kernelOf(batch("6.1.0-14-amd64", "6.1.0-15-amd64"))?.named).toBeUndefined();
    expect(kernelOf(batch("6.8.10-300.fc40.x86_64", "6.8.12-300.fc40.x86_64"))?.release).toBe("6.8.10-300.fc40.x86_64");
    // The expected kernel alone names no running one.
    expect(kernelOf("NEEDRESTART-VER: 3.6\nNEEDRESTART-KEXP: 6.1.0-15-amd64\nNEEDRESTART-KSTA: 3")).toBeNull();
  });

  it("agrees a claim with the output's build only by its version words, never its date or time", () => {
    const ubuntu =
      "[    0.000000] Linux version 6.8.0-56-generic (buildd@lcy02-amd64-052) (x86_64-linux-gnu-gcc-13 (Ubuntu 13.3.0-6ubuntu2~24.04) 13.3.0) #58-Ubuntu SMP PREEMPT_DYNAMIC Fri Feb 14 15:33:28 UTC 2025 (Ubuntu 6.8.0-56.58-generic 6.8.12)";
    const debian =
      "[    0.000000] Linux version 6.1.0-27-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0) #1 SMP PREEMPT_DYNAMIC Debian 6.1.115-1 (2024-11-01)";
    // "33" is the build's seconds, "14" its day, "11" its month: no agreement.
    expect(kernelOf(`Our nodes run kernel 6.8.0-33-generic.\n${ubuntu}`)).toBeNull();
    expect(kernelOf(`I'm on kernel 6.8.0-14-generic\n${ubuntu}`)).toBeNull();
    expect(kernelOf(`We run kernel 6.1.0-11-amd64.\n${debian}`)).toBeNull();
    // Ubuntu's package version and the upstream release the build names do agree.
    expect(kernelOf(`We run kernel 6.8.0-56.58 on 24.04.\n${ubuntu}`)?.release).toBe("6.8.0-56-generic");
    expect(kernelOf(`We run kernel 6.1.115 on Debian 12.\n${debian}`)?.release).toBe("6.1.0-27-amd64");
  });

  it("reads a label's time and role: an earlier kernel, another node's, a change listed after it", () => {
    for (const [text, release] of [
      ["Latest stable Kernel: 6.6.60", null],
      ["On the target node Kernel: 6.6.58", "6.6.58"],
      ["Kernel Version: 6.6.56, now 6.6.58", null],
      ["Kernel: 6.6.56 -> 6.6.58", null],
      ["Kernel Version: 6.6.56 (became 6.6.58 after auto-update)", null],
      ["Kernel Version: 6.6.60 on masters, different from 6.6.58 on workers", null],
      ["Kernel Version: 6.6.58 (upgraded from 6.6.56)", "6.6.58"],
      ["Node not working - Kernel Version: 6.6.58", "6.6.58"],
      ["Stopped working after upgrade. Kernel: 6.6.58", "6.6.58"],
    ] as const)
      expect(kernelOf(text)?.release ?? null, text).toBe(release);
    // A claim stands unless the clause places it elsewhere; a plan or a past change claims nothing.
    const laptop = "\n Kernel Version: 6.10.14-linuxkit";
    expect(kernelOf(`All our nodes run kernel 6.6.58, other workloads are fine but kube-proxy crashes${laptop}`)).toBeNull();
    for (const sentence of ["Once we're on kernel 6.6.60 everywhere this should go away.", "We upgraded our kernel 6.6.56 yesterday."])
      expect(kernelOf(`${sentence}\n Kernel Version: 6.6.58`)?.release, sentence).toBe("6.6.58");
  });

  it("takes a role only right before a label, and a claim wherever a possessive or a subject makes one", () => {
    // Two nodes, the failing one described in words: no role word drops its line.
    expect(kernelOf("node-1 (kube-proxy crashloops, other nodes fine): Kernel Version: 6.6.58\nnode-2: Kernel Version: 6.6.60")).toBeNull();
    expect(kernelOf("node-1 broken before reboot - Kernel Version: 6.6.58\nnode-2 - Kernel Version: 6.6.60")).toBeNull();
    for (const text of [
      "IPv4 works but IPv6 doesn't. Kernel Version: 6.6.58",
      "Nothing works: Kernel Version: 6.6.58",
      "Other info: Kernel Version: 6.6.58",
      "Everything worked before the update. Kernel Version: 6.6.58",
      "Still broken on Kernel Version: 6.6.58",
      "Not working with Kernel: 6.6.58",
      "Kernel Version: 6.6.58 until the reboot tonight",
      "Kernel Version: 6.6.58 (rolled back from 6.6.60)",
      "kernel version\uff1a5.15.0-127-generic",
    ])
      expect(kernelOf(text)?.release, text).toMatch(/^(?:6\.6\.58|5\.15\.0-127-generic)$/);
    const laptop = "\n Kernel Version: 6.6.60";
    for (const claim of [
      "On all nodes our kernel is 6.6.58.",
      "FWIW my kernel is 6.6.58",
      "We run kernel 6.6.58 and never get past kube-proxy startup.",
      "We run kernel 6.6.58 in our development and production clusters.",
      "We run kernel 6.6.58 - is this the known regression?",
    ])
      expect(kernelOf(claim + laptop), claim).toBeNull();
    // The build's number agrees only with the upload of Ubuntu's package version, never with another ABI.
    const boot =
      "\n[    0.000000] Linux version 6.8.0-56-generic (buildd@lcy02-amd64-052) (gcc 13) #58-Ubuntu SMP PREEMPT_DYNAMIC Fri Feb 14 15:33:28 UTC 2025";
    expect(kernelOf(`Our nodes run kernel 6.8.0-58-generic.${boot}`)).toBeNull();
    expect(kernelOf(`We run kernel 6.8.0-56.57 on 24.04.${boot}`)).toBeNull();
    expect(kernelOf(`We run kernel 6.8.0-56.58 on 24.04.${boot}`)?.release).toBe("6.8.0-56-generic");
  });

  it("leaves the bundle's own uname undecided beside a claim or a typed answer naming another kernel, not beside a story", () => {
    const laptop = "\nLinux laptop 6.10.14-linuxkit #1 SMP PREEMPT_DYNAMIC Thu Oct 24 19:28:55 UTC 2024 x86_64 GNU/Linux";
    expect(kernelOf(`Our nodes run kernel 6.6.58.${laptop}`)).toBeNull();
    expect(kernelOf(`- **Kernel:** 6.6.58${laptop}`)).toBeNull();
    const node = "\nLinux node1 6.6.58 #1 SMP PREEMPT_DYNAMIC Thu Oct 24 19:28:55 UTC 2024 x86_64 GNU/Linux";
    for (const sentence of [
      "We were on kernel 6.6.56 before.",
      "After upgrading to kernel 6.6.58 it broke.",
      "Our nodes run kernel 6.6.58.",
    ])
      expect(kernelOf(sentence + node)?.release, sentence).toBe("6.6.58");
  });

  it("hedges a label a role word qualifies (another node, an earlier kernel): one of two beside output, never ruling out", () => {
    for (const text of [
      "Good: Kernel Version: 6.6.60",
      "Working node (worker-2): Kernel Version: 6.6.60",
      "**Working node:** Kernel Version: 6.6.60",
      "For comparison, the healthy node shows Kernel Version: 6.6.60",
      "Before upgrade: Kernel Version: 6.6.56",
      "Tested with Kernel Version: 6.6.60",
      "Kernel Version: 6.6.56 before the upgrade",
      "Kernel Version: 6.6.56 (was working)",
      "nodepool default - Kernel Version: 6.6.58",
    ])
      expect(kernelOf(text), text).toMatchObject({ named: true, via: expect.stringContaining("role word") });
    // Paired with the failing node's or the later kernel's line: two kernels, undecided.
    expect(kernelOf("Before upgrade: Kernel Version: 6.6.56\nAfter upgrade: Kernel Version: 6.6.58")).toBeNull();
    // Unless a heading says which output is the failing machine's (review 53a F5: "2 kernels").
    for (const [failing, working] of [
      ["Environment of the failing node:", "Environment of the working node:"],
      ["node-a (broken):", "node-b (fine):"],
    ])
      expect(kernelOf(`${failing}\nKernel  : 5.15.0-126-generic\n\n${working}\nKernel  : 5.15.0-127-generic`)?.release, failing).toBe(
        "5.15.0-126-generic",
      );
    // Denied, or no role: the host's own.
    for (const text of ["Not working - Kernel Version: 6.6.58", "Kernel Version: 6.6.60 (worked around by disabling ipv6)"])
      expect(kernelOf(text)?.named, text).toBeUndefined();
    // A claim stands beside output naming another release unless the clause puts it on another machine.
    expect(kernelOf("We run kernel 6.6.56 in staging and don't see it.\n Kernel Version: 6.6.58")?.release).toBe("6.6.58");
    expect(kernelOf("Our nodes run kernel 6.6.58 and have no problems with IPv4.\n Kernel Version: 6.6.60")).toBeNull();
    expect(kernelOf("We tested our kernel 6.6.58 in staging.\n Kernel Version: 6.6.60")?.release).toBe("6.6.60");
    // Ubuntu's backport package version agrees with its release.
    expect(kernelOf("I'm on kernel 6.8.0-56.58~22.04.1.\n Kernel Version: 6.8.0-56-generic")?.release).toBe("6.8.0-56-generic");
  });

  it("hedges output a role follows or precedes, and reads two unames on one line as two", () => {
    for (const text of [
      "Kernel Version: 6.6.60 (healthy node)",
      "Kernel Version: 6.6.60 on node-2 where everything works",
      "Working node: Linux node-2 6.6.60 #1 SMP PREEMPT_DYNAMIC Tue Nov  5 10:00:00 UTC 2024 x86_64 GNU/Linux",
      "Before the upgrade: Linux version 6.6.56 (builder@host) (gcc 13) #1 SMP PREEMPT_DYNAMIC",
      "- **Kernel** (e.g. `uname -a`): Linux cp-1 6.6.60 #1 SMP PREEMPT_DYNAMIC Tue Nov  5 10:00:00 UTC 2024 x86_64",
    ])
      expect(kernelOf(text)?.named, text).toBe(true);
    for (const text of [
      "The failing node is on kernel 6.6.58.\n Kernel Version: 6.6.60 (healthy node)",
      "Kernel Version: 6.6.60 works, Kernel Version: 6.6.58 fails",
      // kubeadm#784's template answer held two unames joined by "&&".
      "- **Kernel** (e.g. `uname -a`): Linux cp-1 6.6.60 #1 SMP PREEMPT_DYNAMIC Tue Nov  5 10:00:00 UTC 2024 x86_64 for control plane && Linux node-1 6.6.58 #1 SMP PREEMPT_DYNAMIC Tue Nov  5 10:00:00 UTC 2024 x86_64 for workers",
    ])
      expect(kernelOf(text), text).toBeNull();
    // Other nodes' kernel is no claim about the host's.
    for (const sentence of ["Other nodes run kernel 6.6.56.", "Some nodes run kernel 6.6.56."])
      expect(kernelOf(`${sentence}\n Kernel Version: 6.6.58`)?.release, sentence).toBe("6.6.58");
    // Host names holding a role's word are no role; subjects other than "we" claim too.
    for (const text of ["System: Host: gke-prod-default-pool-1a2b3c4d-xyz1 Kernel: 6.6.60", "Host: ok-worker-3 Kernel: 6.6.60"])
      expect(kernelOf(text)?.named, text).toBeUndefined();
    for (const claim of [
      "All our nodes have kernel 6.6.58.",
      "Every node runs kernel 6.6.58.",
      "Node kernel version is 6.6.58",
      "Nodes run kernel 6.6.58.",
      "The cluster runs kernel 6.6.58.",
      "Kubernetes nodes are running kernel 6.6.58",
    ])
      expect(kernelOf(`${claim}\n Kernel Version: 6.10.14-linuxkit`), claim).toBeNull();
  });

  it("hedges output under a heading naming another machine or an earlier kernel, a uname's too", () => {
    expect(kernelOf("Output from the working node:\nKernel Version:             6.6.60")).toMatchObject({ named: true });
    expect(
      kernelOf("docker info on my workstation:\nLinux mybox 6.6.60 #1 SMP PREEMPT_DYNAMIC Tue Nov  5 10:00:00 UTC 2024 x86_64 GNU/Linux"),
    ).toMatchObject({ release: "6.6.60", named: true });
    expect(kernelOf("Both nodes run kernel 6.6.58; docker info on my workstation:\nKernel Version: 6.6.60")).toBeNull();
    expect(kernelOf("Planned Kernel Version: 6.6.60")).toBeNull();
    // A heading naming the failing node is no role.
    expect(kernelOf("Node worker-1 (failing):\n Kernel Version: 6.6.58")?.named).toBeUndefined();
  });

  it("reads output that is perhaps not the host's as named: quoted, a syzbot kernel, a kernelVersion field", () => {
    expect(kernelOf("> Linux node1 6.6.60 #1 SMP PREEMPT_DYNAMIC Mon Nov  4 10:00:00 UTC 2024 x86_64 GNU/Linux")).toMatchObject({
      release: "6.6.60",
      named: true,
    });
    expect(kernelOf("CPU: 0 PID: 5109 Comm: syz-executor Not tainted 6.6.60-syzkaller #0")).toMatchObject({
      named: true,
      via: "a syzbot report",
    });
    expect(kernelOf("image:\n  kernelVersion: 6.6.60")).toMatchObject({ named: true, via: expect.stringContaining("kernelVersion") });
    for (const text of [
      "This was fixed in Linux version 6.6.60 (gregkh@linuxfoundation.org) #1 SMP",
      "2024-11-13T10:00:00.000+00:00 KERNEL_VERSION: 6.6.60",
      "make[1]: KERNEL_VERSION: 6.6.60",
    ])
      expect(kernelOf(text), text).toBeNull();
    // A capture stamp (GitHub Actions, `kubectl logs --timestamps`) is no program's framing: the line under it is read bare.
    expect(kernelOf("2024-11-13T10:00:00.000Z KERNEL_VERSION: 6.6.60")?.release).toBe(kernelOf("KERNEL_VERSION: 6.6.60")?.release);
    // A role word must qualify "kernel", not sit in a host name before it.
    expect(kernelOf("System: Host: new-node Kernel: 6.6.58 arch: x86_64")?.release).toBe("6.6.58");
  });

  it("reads a label's release beside other components' versions, and kubectl's node YAML", () => {
    for (const text of [
      "Environment: Ubuntu 24.04, Kernel: 6.6.58, containerd 1.7.22, Kubernetes v1.31.2",
      "Kernel: 6.6.58 and Kubernetes v1.31.2",
      "- Kernel: 6.6.58 / Ubuntu 22.04.5 LTS",
      " Kernel Version: 6.6.58 and Docker 27.3.1",
      "Kernel version: Linux 6.6.58",
      "Dec 01 10:00:00 node-1 kubeadm[812]: KERNEL_VERSION: 6.6.58",
      "  nodeInfo:\n    kernelVersion: 6.6.58\n    kubeletVersion: v1.31.2",
      "- **Linux Kernel:** 6.6.58",
      "On the target node Kernel: 6.6.58",
    ])
      expect(kernelOf(text)?.release, text).toBe("6.6.58");
    expect(kernelOf("Kernel: 5.4.0-42-generic x86_64 bits: 64 compiler: gcc v: 9.3.0 Desktop: Gnome 3.36.4")?.release).toBe(
      "5.4.0-42-generic",
    );
  });

  it("reads docker version's KernelVersion", () => {
    expect(
      kernelOf("Server: Docker Engine - Community\n Engine:\n  Version:          19.03.8\n  KernelVersion:    4.4.0-1060-aws")?.release,
    ).toBe("4.4.0-1060-aws");
  });

  it("takes docker info's Server Version beside any of its driver lines", () => {
    expect(extractFacts(" Server Version: 19.03.13\n Cgroup Driver: cgroupfs").runtime).toBe("docker://19.03.13");
  });
});

describe("versions named in passing", () => {
  const named = (text: string) => extractFacts(text).named;

  it("reads the components records range over that no reader named before (reviews 31b, 31c)", () => {
    const cases: Array<[text: string, ecosystem: string, version: string]> = [
      ["ii  sysbox-ce   0.6.5-0.linux   amd64   Sysbox container runtime", "sysbox", "0.6.5"],
      ["    image: traefik:v3.6.0", "traefik", "3.6.0"],
      // The plugins' own version line (containernetworking/plugins' skel about string) and their packages.
      ["ii  kubernetes-cni   1.2.0-00   amd64   Kubernetes CNI", "cni-plugins", "1.2.0"],
      ["containernetworking-plugins-0.8.3-4.el8.x86_64", "cni-plugins", "0.8.3"],
      ["Image: registry.k8s.io/dns/k8s-dns-node-cache:1.15.11", "k8s-dns-node-cache", "1.15.11"],
      ["Image: 602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.10.1-eksbuild.1", "aws-vpc-cni", "1.10.1"],
      ["2019-11-26T02:28:11.342Z [INFO]\tStarting L-IPAMD v1.10.1  ...", "aws-vpc-cni", "1.10.1"],
      ["Mon Jan 30 10:56:26 2023: Falco version: 0.33.1 (x86_64)", "falco", "0.33.1"],
      // falco's own format has two spaces (review 31d).
      ["Falco version: 0.37.0\nEngine version: 0.37.0\nLibs version:  0.14.1", "falcosecurity-libs", "0.14.1"],
      ["    Image:  k8s.gcr.io/kube-proxy:v1.18.2", "kubernetes", "1.18.2"],
      ["Image: quay.io/cilium/cilium:v1.15.3@sha256:0123abcd", "cilium", "1.15.3"],
      ["container-selinux.noarch   4:2.241.0-1.fc42   @updates", "container-selinux", "2.241.0"],
      // RHEL 8's module builds carry "+" in their release.
      ["runc-1.1.3-2.module+el8.6.0+16771+28dfca77.x86_64", "runc", "1.1.3"],
      // Docker CE's edition after the version, 17.03 to 18.06 (download.docker.com's centos/7 packages).
      ["docker-ce-18.06.1.ce-3.el7.x86_64", "docker", "18.06.1"],
      ["ami: amazon-eks-node-al2023-x86_64-standard-1.33-v20250821", "eks-ami", "20250821"],
      // CRIU's log opens with its version (criu/log.c), a git build's --version adds its tag (review 32b).
      ["(00.000029) Version: 4.0 (gitid 0)", "criu", "4.0"],
    ];
    for (const [text, ecosystem, version] of cases) expect(named(text)?.[ecosystem], text).toBe(version);
    // Their own version commands' output is the host's own reading since review 72b F2 (tool-versions.ts), no name in passing.
    const own: Array<[text: string, ecosystem: string, version: string]> = [
      ["$ netavark --version\nnetavark 1.0.3", "netavark", "1.0.3"],
      ["$ /opt/cni/bin/bridge --version\nCNI bridge plugin v0.8.3", "cni-plugins", "0.8.3"],
      ["$ nft --version\nnftables v1.1.0 (Commodore Bullet Eight)", "nftables", "1.1.0"],
      ["$ criu --version\nVersion: 4.1\nGitID: v4.1", "criu", "4.1"],
      // talosctl version's server part (the format of siderolabs/talos#1347), not its client's Tag.
      ["Client:\n\tTag:         v1.8.0\n\tSHA:         ab12cd3\nServer:\n\tNODE:        10.5.0.2\n\tTag:         v1.7.0", "talos", "1.7.0"],
    ];
    for (const [text, ecosystem, version] of own) expect(extractFacts(text).components[ecosystem], text).toBe(version);
    expect(extractFacts("$ talosctl version --client\nClient:\n\tTag:         v1.8.0").components.talos).toBeUndefined();
    expect(named("$ talosctl version --client\nClient:\n\tTag:         v1.8.0")?.talos).toBeUndefined();
    // flannel's CNI plugin is numbered apart since 1.0: no containernetworking release.
    expect(named("CNI flannel plugin v1.1.0")?.["cni-plugins"]).toBeUndefined();
  });

  it("reads systemctl --version's first line as systemd's release, whatever the distribution's package version", () => {
    // The line systemd prints ("systemd <N> (<version string>)", src/shared/build.c), as Debian 12, Fedora 39, Rocky 9 and Ubuntu 22.04 build it.
    for (const [line, version] of [
      ["systemd 252 (252.22-1~deb12u1)", "252"],
      ["systemd 254 (254.8-2.fc39)", "254"],
      ["systemd 252 (252-18.el9.0.1.rocky)", "252"],
      ["systemd 249 (249.11-0ubuntu3.12)", "249"],
    ]) {
      // The host's own reading since review 72b F2 (tool-versions.ts), not a version named in passing.
      const facts = extractFacts(`$ systemctl --version\n${line}\n+PAM +AUDIT +SELINUX -APPARMOR +IMA +SMACK +SECCOMP`);
      expect(facts.components.systemd).toBe(version);
      expect(facts.named).toEqual({});
    }
    // Its journal identifier, prose about a release and a dated line are not its version output.
    expect(named("Nov 13 10:00:00 node systemd 1: Started kubelet.")).toEqual({});
    expect(named("systemd 242 changed MACAddressPolicy for virtual devices")).toEqual({});
    expect(named("systemd 252 (2022-11-01)")).toEqual({});
    expect(extractFacts("systemd 252 (2022-11-01)").components).toEqual({});
  });

  it("reads a component named with one version, however the sentence frames it", () => {
    expect(named("After the upgrade to Docker 24.0.2 the build fails.")).toEqual({ docker: "24.0.2" });
    expect(named("- Docker Engine: 28.5.2 (client/server), containerd 1.7.29, runc v1.3.3")).toEqual({
      docker: "28.5.2",
      containerd: "1.7.29",
      runc: "1.3.3",
    });
    expect(named("Docker server (version 23.0.0) meets minimum version requirements.")).toEqual({ docker: "23.0.0" });
    expect(named("[init] Using Kubernetes version: v1.17.2")).toEqual({ kubernetes: "1.17.2" });
    expect(named("Since we upgraded Docker to version 29.0.1 the proxy cannot start")).toEqual({ docker: "29.0.1" });
    expect(named("- Docker Engine version: `5:29.0.1-1~debian.12~bookworm`")).toEqual({ docker: "29.0.1" });
    // A CNI or DNS add-on's image with its tag names the version the cluster runs (review 30b: flannel's, calico's and
    // CoreDNS's image tags were not read); another image of the same project is another program; two tags name none.
    // Review 30d: calico-node's own name, k3s's CoreDNS mirror and EKS's add-on build.
    const addOns: Array<[string, Record<string, string>]> = [
      ["kube-flannel  kube-flannel-ds-x7k2p  1/1  Running  0  5m  docker.io/flannel/flannel:v0.21.4", { flannel: "0.21.4" }],
      ["    Image:          quay.io/calico/node:v3.30.5", { calico: "3.30.5" }],
      ["  image: registry.k8s.io/coredns/coredns:v1.10.1", { coredns: "1.10.1" }],
      ["    image: quay.io/coreos/flannel:v0.14.0-amd64", { flannel: "0.14.0" }],
      ["k8s.gcr.io/coredns:1.6.7", { coredns: "1.6.7" }],
      ["image: docker.io/flannel/flannel-cni-plugin:v1.1.2", {}],
      ["image: flannel/flannel:v0.21.3\nimage: flannel/flannel:v0.22.0", {}],
      ["Calico version v3.30.5", { calico: "3.30.5" }],
      ["calico-node version: v3.29.1", { calico: "3.29.1" }],
      ["image: rancher/mirrored-coredns-coredns:1.10.1", { coredns: "1.10.1" }],
      ["602401143452.dkr.ecr.us-west-2.amazonaws.com/eks/coredns:v1.11.1-eksbuild.4", { coredns: "1.11.1" }],
      // Rancher's RKE1 mirrors and RKE2's hardened builds (review 67a F5).
      ["  calico_node: rancher/mirrored-calico-node:v3.22.0", { calico: "3.22.0" }],
      ["image: docker.io/rancher/hardened-calico:v3.30.4-build20250908", { calico: "3.30.4" }],
      ["  flannel: rancher/mirrored-coreos-flannel:v0.15.1", { flannel: "0.15.1" }],
      ["  flannel: rancher/mirrored-flannel-flannel:v0.25.1", { flannel: "0.25.1" }],
      ["image: docker.io/rancher/hardened-flannel:v0.24.3-build20240307", { flannel: "0.24.3" }],
      ["image: rancher/hardened-coredns:v1.11.1-build20240305", { coredns: "1.11.1" }],
      ["image: rancher/mirrored-calico-pod2daemon-flexvol:v3.22.0", {}],
    ];
    for (const [text, versions] of addOns) expect(named(text), text).toEqual(versions);
    // CoreDNS's start-up banner and an issue's "Talos version:" (review 30c); a CoreDNS pod's name is no version.
    expect(named("[INFO] plugin/reload: Running configuration SHA512 = 591cf328\nCoreDNS-1.7.0\nlinux/amd64, go1.14.4, f59c03d")).toEqual({
      coredns: "1.7.0",
    });
    // Not behind `kubectl logs --prefix`'s label: another pod's banner would date this pod's failure (review 59e F1).
    expect(
      named("[pod/coredns-5c98db65d4-9xq2z/coredns] CoreDNS-1.3.1\n[pod/coredns-5c98db65d4-9xq2z/coredns] linux/amd64, go1.11"),
    ).toEqual({});
    expect(named("kube-system   coredns-5d78c9869d-x2kq   1/1   Running   0   3d")).toEqual({});
    expect(named("- Talos version: v1.12.4")).toEqual({ talos: "1.12.4" });
    // pacman's log names the version it leaves, after the arrow (review 30c: the replaced one was read).
    expect(named("[2025-02-20T10:00:00+0100] [ALPM] upgraded docker (1:27.5.1-1 -> 1:28.0.1-1)")).toEqual({ docker: "28.0.1" });
    expect(named("[ALPM] downgraded runc (1.2.0-1 -> 1.1.15-1)")).toEqual({ runc: "1.1.15" });
    expect(named("[ALPM] installed crun (1.18-1)")).toEqual({ crun: "1.18" });
    // `xz --version` (often a container image's) and xz's packages; Debian's "+really" names the release built.
    expect(named("xz (XZ Utils) 5.8.1\nliblzma 5.8.1")).toEqual({ xz: "5.8.1" });
    expect(named("ii  xz-utils  5.6.1+really5.4.5-1  amd64  XZ-format compression utilities")).toEqual({ xz: "5.4.5" });
    expect(named("I extracted foo.tar.xz 5.1.0 times")).toEqual({});
    // dpkg's line for a "+really" upload names no wrong release (review 30d: "5.8.1+really5.6.4-1" was read as 5.8.1).
    expect(named("Setting up xz-utils (5.8.1+really5.6.4-1) ...").xz).not.toBe("5.8.1");
    // `crun --version` is the host's own output, as `runc --version` is (review 30b): no longer a version named in passing.
    const crun = extractFacts("crun version 1.8\ncommit: 0356bf4aff9a133d655dc13b1d9ac9424706cac4\nspec: 1.0.0");
    expect(crun.components.crun).toBe("1.8");
    expect(crun.named).toEqual({});
    expect(named("I'm running `containerd` `v2.1.4` with Kubernetes `1.31.2` on the nodes")).toEqual({
      containerd: "2.1.4",
      kubernetes: "1.31.2",
    });
    expect(named("Unpacking docker-ce (5:23.0.1-1~debian.11~bullseye) over (5:20.10.14~3-0~debian-bullseye) ...")).toEqual({
      docker: "23.0.1",
    });
    // "k8s" is Kubernetes; a template's label may name the distribution in parentheses.
    expect(named(" - K8S(RKE2) Version: v1.27.2+rke2r1")).toEqual({ kubernetes: "1.27.2" });
    expect(named("- k8s version: 1.29.4 (EKS)")).toEqual({ kubernetes: "1.29.4" });
    expect(named("Kubernetes (EKS) v1.27.2 on Bottlerocket")).toEqual({ kubernetes: "1.27.2" });
    // Or before the release, when the distribution numbers its releases as Kubernetes does; not RKE1, minikube, OpenShift.
    expect(named("- Version of Kubernetes: rke2 1.26.3")).toEqual({ kubernetes: "1.26.3" });
    expect(named("Kubernetes version: k3s v1.27.4+k3s1")).toEqual({ kubernetes: "1.27.4" });
    expect(named("- Kubernetes: RKE 1.4.5")).toEqual({});
    expect(named("Kubernetes version: minikube v1.32.0")).toEqual({});
    expect(named("kubernetes: openshift 4.14.3")).toEqual({});
    // Not inside an image or registry path, and no parenthesis of other words than a name.
    // (kube-proxy's own image names the cluster's kube-proxy release: the image reader's, review 31d.)
    expect(named("image: registry.k8s.io/kube-proxy:v1.27.2")).toEqual({ kubernetes: "1.27.2" });
    expect(named("image: registry.k8s.io/kube-state-metrics/kube-state-metrics:v2.10.1")).toEqual({});
    expect(named("pulling k8s.gcr.io/pause:3.9.1 failed")).toEqual({});
    expect(named("kubelet (pid 1234) 1.27.2 restarted")).toEqual({});
    // Another product in the parentheses names its own version, not the component's.
    for (const line of ["- Docker (Desktop) 4.30.0 on macOS 14.5", "- Kubernetes (OpenShift) 4.14.3", "- Kubernetes (kubectl) v1.30.0"])
      expect(named(line), line).toEqual({});
    expect(named("- Docker (CE) 20.10.7")).toEqual({ docker: "20.10.7" });
  });

  it("reads the cluster's Kubernetes from kubectl's server version and from kubeadm version, never kubectl's own", () => {
    const kubeadm =
      'kubeadm version: &version.Info{Major:"1", Minor:"25", GitVersion:"v1.25.6", GitCommit:"ff2c1197", GitTreeState:"clean"}';
    expect(named(kubeadm)).toEqual({ kubernetes: "1.25.6" });
    const old = [
      'Client Version: version.Info{Major:"1", Minor:"27", GitVersion:"v1.27.1", GitCommit:"4c94112"}',
      'Server Version: version.Info{Major:"1", Minor:"26+", GitVersion:"v1.26.4-eks-0a21954", GitCommit:"4a34796"}',
    ];
    expect(named(old.join("\n"))).toEqual({ kubernetes: "1.26.4" });
    expect(named(old[0] as string)).toEqual({});
    expect(named("Client Version: v1.28.2\nKustomize Version: v5.0.4\nServer Version: v1.28.3+k3s1")).toEqual({ kubernetes: "1.28.3" });
    // docker info's server is the engine (read as the runtime), and a pre-release is not its release.
    expect(named("Server Version: 24.0.7")).toEqual({});
    expect(named('Server Version: version.Info{Major:"1", Minor:"29", GitVersion:"v1.29.0-rc.1"}')).toEqual({});
  });

  it("reads the Kubernetes release a command sets a node up with: kind's node image, minikube's, the k3s and RKE2 installers", () => {
    // kind tags kindest/node by the release its kubelet runs; minikube takes --kubernetes-version; INSTALL_K3S_VERSION picks k3s's.
    expect(named("kind create cluster --image kindest/node:v1.25.2")).toEqual({ kubernetes: "1.25.2" });
    expect(named("kind create cluster --image kindest/node:v1.29.2@sha256:51a1434a5397193442f0be2a297b488b6c919ce8")).toEqual({
      kubernetes: "1.29.2",
    });
    expect(named("minikube start --kubernetes-version=v1.24.0 --driver=docker")).toEqual({ kubernetes: "1.24.0" });
    expect(named("curl -sfL https://get.k3s.io | INSTALL_K3S_VERSION=v1.28.3+k3s1 sh -")).toEqual({ kubernetes: "1.28.3" });
    expect(named('curl -sfL https://get.rke2.io | INSTALL_RKE2_VERSION="v1.27.10+rke2r1" sh -')).toEqual({ kubernetes: "1.27.10" });
    // At a shell prompt, as such commands mostly are (review 34a: read only without it).
    expect(named("$ kind create cluster --image kindest/node:v1.29.2")).toEqual({ kubernetes: "1.29.2" });
    expect(named("user@laptop:~$ minikube start --kubernetes-version=v1.24.0")).toEqual({ kubernetes: "1.24.0" });
    expect(named("# curl -sfL https://get.k3s.io | INSTALL_K3S_VERSION=v1.28.5+k3s1 sh -")).toEqual({ kubernetes: "1.28.5" });
    expect(named("$ sudo kubeadm init --kubernetes-version v1.27.3")).toEqual({});
    // kubeadm's and clusterctl's flag name the control plane's release or another cluster's, not the kubelet's.
    expect(named("sudo kubeadm init --kubernetes-version v1.27.3 --pod-network-cidr=10.244.0.0/16")).toEqual({});
    expect(named("kubeadm config images pull --kubernetes-version v1.28.0")).toEqual({});
    expect(named("clusterctl generate cluster capi-quickstart --kubernetes-version v1.29.0 > capi-quickstart.yaml")).toEqual({});
    // A pre-release is not its release; two clusters' images name no one release, on one line or two.
    expect(named("image: kindest/node:v1.25.2-rc.0")).toEqual({});
    expect(named("kind create cluster --image kindest/node:v1.25.2\nkind create cluster --image kindest/node:v1.26.0")).toEqual({});
    expect(named("node_image: [kindest/node:v1.27.3, kindest/node:v1.28.0]")).toEqual({});
    expect(named("minikube start --kubernetes-version v1.24.0; minikube start -p b --kubernetes-version v1.23.0")).toEqual({});
  });

  it("reads installed packages from dpkg -l, dpkg-query and yum/dnf list rows and rpm names, upstream version only, the client's package never", () => {
    expect(named("ii  libseccomp2:s390x   2.4.1-2~bpo10+1   s390x   high level interface to Linux seccomp filter")).toEqual({
      libseccomp: "2.4.1",
    });
    const docker = [
      "ii  docker-ce        5:20.10.7~3-0~debian-buster   amd64   Docker: the open-source application container engine",
      "ii  docker-ce-cli    5:20.10.8~3-0~debian-buster   amd64   Docker CLI: the open-source application container engine",
    ];
    expect(named(docker.join("\n"))).toEqual({ docker: "20.10.7" });
    expect(named("containerd.io-1.4.6-3.1.el7.x86_64\nlibseccomp-2.3.1-4.el7.x86_64\nkernel-3.10.0-1160.el7.x86_64")).toEqual({
      containerd: "1.4.6",
      libseccomp: "2.3.1",
    });
    expect(named(`runc-1.1.12-1.el9.x86_64${"-x".repeat(400)}`)).toEqual({});
    // yum/dnf list: an installed row names its repository with "@"; an available one (list available,
    // --showduplicates) does not, and is no installed version.
    const yum = [
      "containerd.io.x86_64                 1.6.9-3.1.el7                  @docker-ce-stable",
      "docker-ce.x86_64                     3:20.10.21-3.el7               @docker-ce-stable",
    ];
    expect(named(yum.join("\n"))).toEqual({ containerd: "1.6.9", docker: "20.10.21" });
    expect(extractFacts(yum.join("\n")).packages).toEqual({ "containerd.io": "1.6.9-3.1.el7", "docker-ce": "3:20.10.21-3.el7" });
    expect(named("containerd.io.x86_64                 1.6.10-3.1.el7                 docker-ce-stable")).toEqual({});
    // A removed package's row, and dnf's list of what it removed, name no installed version.
    expect(named("rc  containerd.io   1.4.6-1   amd64   An open and reliable container runtime")).toEqual({});
    expect(named("Removed:\n  containerd.io-1.4.6-3.1.el7.x86_64")).toEqual({});
    // apt-cache policy: the installed version under the package's header; "(none)" and the candidate name nothing.
    const policy = [
      "docker-ce:",
      "  Installed: 5:26.0.0-1~ubuntu.22.04~jammy",
      "  Candidate: 5:27.1.1-1~ubuntu.22.04~jammy",
      "  Version table:",
    ];
    expect(named(policy.join("\n"))).toEqual({ docker: "26.0.0" });
    expect(named("runc:\n  Installed: (none)\n  Candidate: 1.1.12-0ubuntu3.1")).toEqual({});
    expect(named("Some header:\n  Installed: 1.2.3")).toEqual({});
    // An installed package's block (review 46a F6: none was read): `dpkg -s`, `rpm -qi`, `yum info`'s Installed section.
    const dpkgS = "Package: iptables\nStatus: install ok installed\nPriority: important\nVersion: 1.8.2-4";
    expect(named(dpkgS)).toEqual({ iptables: "1.8.2" });
    expect(extractFacts(dpkgS).packages).toEqual({ iptables: "1.8.2-4" });
    expect(named(dpkgS.replace("install ok installed", "deinstall ok config-files"))).toEqual({});
    expect(named("Package: iptables\nVersion: 1.8.2-4\nArchitecture: amd64")).toEqual({});
    const rpmQi = "Name        : containerd.io\nVersion     : 1.6.3\nRelease     : 3.1.el8\nArchitecture: x86_64";
    expect(named(rpmQi)).toEqual({ containerd: "1.6.3" });
    expect(extractFacts(rpmQi).packages).toEqual({ "containerd.io": "1.6.3-3.1.el8" });
    const yumInfo = (section: string) =>
      `${section}\nName         : containerd.io\nVersion      : 1.6.4\nRelease      : 3.1.el8\nRepository   : @System`;
    expect(named(yumInfo("Installed Packages"))).toEqual({ containerd: "1.6.4" });
    expect(named(yumInfo("Available Packages"))).toEqual({});
    // However many packages' blocks come before it in the section (review 46b F5).
    const other = (name: string) => `Name         : ${name}\nVersion      : 24.0.7\nRelease      : 1.el8\nSummary      : x\n`;
    const many = ["docker-ce", "docker-ce-cli", "docker-ce-rootless-extras", "docker-compose-plugin", "docker-buildx-plugin"].map(other);
    expect(named(`$ yum info docker-ce containerd.io\nAvailable Packages\n${many.join("\n".repeat(12))}\n${yumInfo("").trim()}`)).toEqual(
      {},
    );
    // `apk search` and `apk list` without --installed print a repository's offer in the installed rows' shape.
    expect(named("alpine:~# apk search runc\nrunc-1.1.3-r0\nrunc-doc-1.1.3-r0")).toEqual({});
    expect(named("alpine:~# apk list runc\nrunc-1.1.3-r0 x86_64 {runc} (Apache-2.0)")).toEqual({});
    expect(named("alpine:~# apk info -v\nrunc-1.1.3-r0")).toEqual({ runc: "1.1.3" });
    // A row `apk list` marks installed is, whatever the command's flags (review 46b F16).
    expect(named("alpine:~# apk list | grep -E '^runc'\nrunc-1.1.3-r0 x86_64 {runc} (Apache-2.0) [installed]")).toEqual({ runc: "1.1.3" });
    // The cluster's CNI as its CLI reports it: calicoctl's cluster version, not its client's; cilium's running image, not
    // the images it would install.
    expect(
      named("Client Version:    v3.30.5\nGit commit:        1a2b3c4d5\nCluster Version:   v3.29.2\nCluster Type:      typha,kdd,k8s"),
    ).toEqual({
      calico: "3.29.2",
    });
    expect(named("Cluster Version:   v3.29.2")).toEqual({});
    const cilium =
      "cilium-cli: v0.16.11 compiled with go1.22.4 on linux/amd64\ncilium image (default): v1.15.6\ncilium image (stable): v1.20.1";
    expect(named(`${cilium}\ncilium image (running): 1.19.5`)).toEqual({ cilium: "1.19.5" });
    expect(named(`${cilium}\ncilium image (running): unknown. Unable to obtain cilium version.`)).toEqual({});
    // dnf 5 pads its fields wider and writes its sections in lower case (review 46b F11).
    const dnf5 = (section: string) => `${section}\nName           : containerd\nVersion        : 1.6.3\nRelease        : 1.fc36`;
    expect(named(dnf5("Installed packages"))).toEqual({ containerd: "1.6.3" });
    expect(named(dnf5("Available packages"))).toEqual({});
    // zypper info says whether the package it describes is installed.
    const zypper =
      "Information for package containerd:\nName           : containerd\nVersion        : 1.6.3-150000.73.2\nArch           : x86_64";
    expect(named(`${zypper}\nInstalled      : No\nStatus         : not installed`)).toEqual({});
    // zypper names the best available version; an older one installed is in its Status (review 46c F9).
    const outdated = `${zypper}\nInstalled      : Yes\nStatus         : out-of-date (version 1.6.2-150000.69.1 installed)`;
    expect(named(outdated)).toEqual({ containerd: "1.6.2" });
    expect(extractFacts(outdated).packages).toEqual({ containerd: "1.6.2-150000.69.1" });
    // `snap list --all`: the revisions kept but disabled are not the one that runs (review 46b F12).
    const snapAll =
      "Name    Version   Rev    Tracking       Publisher   Notes\ndocker  20.10.7   1158   latest/stable  canonical✓  disabled";
    expect(named(`${snapAll}\ndocker  20.10.6   1125   latest/stable  canonical✓  -`)).toEqual({ docker: "20.10.6" });
    // Alpine's apk rows and `snap list`'s.
    expect(named("containerd-1.6.6-r0\ndocker-engine-20.10.16-r2\nrunc-1.1.3-r0")).toEqual({
      containerd: "1.6.6",
      docker: "20.10.16",
      runc: "1.1.3",
    });
    expect(named("runc-1.1.3-r0 x86_64 {runc} (Apache-2.0) [installed]")).toEqual({ runc: "1.1.3" });
    expect(
      named("Name    Version   Rev    Tracking       Publisher   Notes\ndocker  20.10.6   1125   latest/stable  canonical✓  -"),
    ).toEqual({
      docker: "20.10.6",
    });
    // dpkg-query -W: name (with its architecture), tab or copied spaces, version, and nothing after it.
    expect(named("libseccomp2:armhf              2.3.3-4")).toEqual({ libseccomp: "2.3.3" });
    expect(named("docker-ce\t5:20.10.7~3-0~debian-buster\ncontainerd.io\t1.4.6-1")).toEqual({ docker: "20.10.7", containerd: "1.4.6" });
    expect(named("libseccomp2:armhf  2.3.3-4 extra words")).toEqual({});
    // Table rows and upgrade lines that open with a package's name are no rows, nor prose naming a version.
    for (const line of [
      "containerd   1.6.21    0a1b2c3d4e5f   2 weeks ago    50MB",
      "runc         1.1.12    1.2.0",
      "containerd  1.6.21 -> 1.7.2",
      "containerd  (1.6.21-1 => 1.6.28-1)",
      "Dec 01 10:00:00 host containerd  1.6.21",
    ])
      expect(named(line)).toEqual({});
  });

  it("reads an environment list's entries, Markdown emphasis included, and no log line of the program", () => {
    // bthek1/ISO_Standards Backend/DOCKER_RUNTIME_ISSUE.md (a write-up of the LXC AppArmor sysctl denial).
    expect(named("- containerd.io: **2.1.5** (downgraded from 2.2.0, pinned)\n- runc: **1.3.3** (still has the security fix)")).toEqual({
      containerd: "2.1.5",
      runc: "1.3.3",
    });
    expect(named("runc: exec failed: unable to start container process: error during container init")).toEqual({});
    // A space before the colon, a full-width colon, Markdown's underscores (review 60a F3, F5); not a package file's name.
    expect(named("- containerd : 1.6.12\n- kubernetes : 1.24.14-00")).toEqual({ containerd: "1.6.12", kubernetes: "1.24.14" });
    expect(named("Docker\uff1a20.10.6")).toEqual({ docker: "20.10.6" });
    expect(named("observed in Docker version __20.10.6__ on a host where ipv6 was turned off")).toEqual({ docker: "20.10.6" });
    expect(named("observed in Docker version _20.10.6_")).toEqual({ docker: "20.10.6" });
    expect(named("containerd 1.7.2_amd64 unpacked")).toEqual({});
    // An upgrade retold with any arrow people type, or Chinese "to", names no one version (review 60f F2).
    for (const arrow of [
      "->",
      "-->",
      "==>",
      "~>",
      "\u2014>",
      "\u2013>",
      "->>",
      "\uff0d\uff1e",
      "\u27f6",
      "\u27a1\ufe0f",
      "\u2794",
      " \u5347\u7ea7\u5230 ",
      " \u5347\u7ea7\u81f3 ",
      " \u66f4\u65b0\u5230 ",
    ])
      expect(named(`\u5347\u7ea7containerd\uff1a1.3.9 ${arrow} 1.4.3`), arrow).toEqual({});
    // Syslog names the daemon with a colon on each of its lines (eks-al2-5.4.217-pleg-hang's example, RHEL and
    // Amazon Linux 2 /var/log/messages): thousands of them must not crowd out a kernel named after them.
    const line =
      'Apr 13 10:53:52 ip-10-42-10-121 kubelet: E0413 10:53:52.844381    3263 kubelet.go:2055] "Skipping pod synchronization" err="PLEG is not healthy"';
    const journal = `${Array.from({ length: 2500 }, () => line).join("\n")}\n[    1.396551] CPU: 0 PID: 259 Comm: cryptomgr_test Not tainted 5.4.95-42.163.amzn2.x86_64 #1`;
    expect(extractFacts(journal).kernel?.release).toBe("5.4.95-42.163.amzn2.x86_64");
  });

  it("reads runc's own --version output by its commit and spec lines, when the first line was not pasted", () => {
    // runc's main.go prints "commit: " + the Makefile's `git describe --long` of the tag, then "spec: ".
    expect(named("VERSION:\n   1.1.3\ncommit: v1.1.3-0-g6724737f\nspec: 1.0.2-dev\ngo: go1.17.10\nlibseccomp: 2.5.4").runc).toBe("1.1.3");
    // crun prints its commit as a bare hash, and a commit line without runc's spec line is some other tool's.
    expect(named("crun version 1.8.5\ncommit: b6f80f766c9a89eb7b1440c0a70ab287434b17ed\nspec: 1.0.0").runc).toBeUndefined();
    expect(named("commit: v2.1.4-0-g0123456789\nbuilt: 2025-01-01").runc).toBeUndefined();
    // A build after the tag, or from a modified tree, is not that release: it may carry the fix.
    expect(named("commit: v1.1.3-27-g5fd4c4d1\nspec: 1.0.2-dev").runc).toBeUndefined();
    expect(named("commit: v1.1.3-0-g6724737f-dirty\nspec: 1.0.2-dev").runc).toBeUndefined();
  });

  it("reads a GitHub issue form's answer to a component's version question", () => {
    // containerd's bug form asks "What version of containerd are you using?" (as in containerd/containerd#13703).
    const form =
      "### Steps to reproduce the issue\n\n1. run it\n\n### What version of containerd are you using?\n\n1.7.2\n\n### Any other relevant information\n";
    expect(named(form)).toEqual({ containerd: "1.7.2" });
    expect(named("### runc version\n\n```\nv1.1.12\n```")).toEqual({ runc: "1.1.12" });
    // Not a version on its own line, or a component no record ranges over: nothing.
    expect(named("### What version of containerd are you using?\n\nthe latest one, 1.7.2 I think")).toEqual({});
    expect(named("### Flatpak version\n\n1.10.5")).toEqual({});
    // Docker Desktop's version under a "Docker version" question, a shell comment, a heading without the form's blank line.
    expect(named("### Docker version\n\n4.26.1")).toEqual({});
    expect(named("## docker version\n20.10.7")).toEqual({});
    expect(named("### containerd version\n2.0.0")).toEqual({});
    // crun numbers releases with two parts.
    expect(named("### crun version\n\n1.8")).toEqual({ crun: "1.8" });
  });

  it("reads an issue form's question in bounded time, however many blanks a line holds", () => {
    const line = `### docker version${" ".repeat(3980)}x`;
    const start = performance.now();
    named(Array.from({ length: 250 }, () => line).join("\n"));
    expect(performance.now() - start).toBeLessThan(1500);
  });

  it("reads nothing from two versions of one component, a path, or a neighbouring tool's name", () => {
    // The version it works on is the cure's: the one it breaks on is the host's.
    expect(named("works on docker 20.10.7, breaks on docker 20.10.6")).toEqual({ docker: "20.10.6" });
    expect(named("overlay on /var/lib/docker/overlay2/1.2.3 failed")).toEqual({});
    expect(named("docker-compose 1.29.2 and docker/cli 20.10.6")).toEqual({});
  });

  it("reads no version of another machine where things work, a colleague's, or an upgrade only planned", () => {
    // A contrast: the version of the machine where it works is not the failing host's.
    for (const sentence of [
      "It works fine on my laptop with Docker 24.0.5, but on the build server every run fails.",
      "It works on our staging host running containerd 1.7.2.",
      "We plan to upgrade to Docker 26.1.3 next week.",
      "The nodes run containerd 1.6.20 (the k8s nodes, not this box).",
    ])
      expect(named(sentence), sentence).toEqual({});
    for (const sentence of [
      "Works fine on my laptop with kernel 6.8.0-31-generic, but on the build server rootless podman fails.",
      "My colleague has kernel 5.15.0-91-generic and it works for him.",
      "We will upgrade to kernel 6.1.70 tomorrow.",
    ])
      expect(kernelOf(sentence), sentence).toBeNull();
    // The host's own, however its sentence runs.
    expect(kernelOf("Our cluster runs on kernel 5.15.0-91-generic and kube-proxy crashes.")?.release).toBe("5.15.0-91-generic");
    expect(kernelOf("Nothing works on our nodes running kernel 6.8.0-31-generic.")?.release).toBe("6.8.0-31-generic");
    expect(named("It never works on our servers with Docker 24.0.5.")).toEqual({ docker: "24.0.5" });
    expect(named("After upgrading to Docker 20.10.7 it broke.")).toEqual({ docker: "20.10.7" });
    // A daemon that starts fine is no cure: pods failing beside it is the bug (review 28b).
    expect(named("containerd 1.6.3 starts fine, but every pod fails with the error above.")).toEqual({ containerd: "1.6.3" });
    expect(named("I wanted to update to Docker 26.0.0, so I ran apt upgrade, and now containers fail.")).toEqual({ docker: "26.0.0" });
    // `kubectl version -o json` / `-o yaml`: the server's gitVersion, not the client's (review 51d F2).
    const yaml =
      'clientVersion:\n  gitVersion: v1.26.1\n  platform: darwin/arm64\nkustomizeVersion: v4.5.7\nserverVersion:\n  gitVersion: v1.25.4\n  major: "1"';
    expect(named(`$ kubectl version -o yaml\n${yaml}`)).toEqual({ kubernetes: "1.25.4" });
    const json =
      '{\n  "clientVersion": {\n    "gitVersion": "v1.26.1",\n    "platform": "darwin/arm64"\n  },\n  "serverVersion": {\n    "major": "1",\n    "gitVersion": "v1.25.4",\n    "platform": "linux/amd64"\n  }\n}';
    expect(named(`$ kubectl version -o json\n${json}`)).toEqual({ kubernetes: "1.25.4" });
    expect(named(`$ kubectl version -o yaml\n${yaml.slice(0, yaml.indexOf("serverVersion"))}`)).toEqual({});
    // A node's nodeInfo: its kubelet's and runtime's versions.
    expect(named('  "containerRuntimeVersion": "docker://19.3.15",\n  "kubeletVersion": "v1.18.20",')).toEqual({
      docker: "19.3.15",
      kubernetes: "1.18.20",
    });
    expect(named("    containerRuntimeVersion: containerd://1.6.20\n    kubeletVersion: v1.27.3")).toEqual({
      containerd: "1.6.20",
      kubernetes: "1.27.3",
    });
    // A workaround's rollback target or a release that was working is not the failing one (review 51c F1).
    expect(named("CoreDNS v1.7.0 fails to start. Are you working around it? Yes, by reverting to CoreDNS v1.6.6.")).toEqual({
      coredns: "1.7.0",
    });
    expect(named("Rootless Docker 20.10.6 fails. The both drivers were working with Docker v20.10.5.")).toEqual({ docker: "20.10.6" });
    expect(named("Rootless Docker 20.10.6 fails. It was not working with Docker v20.10.5 either.")).toEqual({});
    // Not the everyday "we use", a denial, nor a rollback whose sentence says it still fails (review 51f F3).
    for (const sentence of [
      "Hi all, we are working with Docker 20.10.6 on Ubuntu 20.04 and containers fail.",
      "This hasn't been working with Docker 20.10.6 since unattended-upgrades ran.",
    ])
      expect(named(sentence), sentence).toEqual({ docker: "20.10.6" });
    expect(named("I tried to fix it by rolling back to coredns 1.7.0 from 1.8.4 and it still fails with the same message.")).toMatchObject({
      coredns: "1.7.0",
    });
  });

  it("lets a --version line outrank a version named in passing, and judges with the named one otherwise", async () => {
    const kb = (await loadDataKb()).compiled;
    // The docker-20.10.6 record's own message (fixed in 20.10.7).
    const failure = "Error starting userland proxy: listen tcp6 [::]:9982: socket: address family not supported by protocol";
    const judged = (logs: string) =>
      diagnoseFields(kb, { logs }).findings.find((f) => f.id === "docker-20.10.6-ipv6-disabled-userland-proxy-tcp6")?.verdict;
    expect(judged(`Since Docker 20.10.6 this fails:\n${failure}`)?.status).toBe("affected");
    // The CLI's 20.10.7, not the 20.10.6 named in passing; beside the bug's own message it is only the client's, so it decides nothing.
    const cli = judged(`Docker version 20.10.7, build f0df350\nit broke with Docker 20.10.6 once:\n${failure}`);
    expect(cli?.status).toBe("unknown");
    expect(cli?.reason).toMatch(/20\.10\.7 .*the docker client's version/);
    const server =
      "Server: Docker Engine - Community\n Engine:\n  Version:          20.10.7\n  API version:      1.41 (minimum version 1.12)";
    expect(judged(`${server}\nit broke with Docker 20.10.6 once:\n${failure}`)?.status).toBe("not-affected");
  });
});

describe("verdicts from versions named in passing", () => {
  const failure = "Error starting userland proxy: listen tcp6 [::]:9982: socket: address family not supported by protocol";
  const judge = async (logs: string) => {
    const kb = (await loadDataKb()).compiled;
    return diagnoseFields(kb, { logs });
  };

  it("hedge an affected answer, and never rule out a bug the log shows signs of: the named version may not be the failing one", async () => {
    const affected = (await judge(`Since Docker 20.10.6 this fails:\n${failure}`)).findings[0];
    expect(affected?.verdict).toMatchObject({ status: "affected", certain: false });
    expect(verdictLabel(affected?.verdict ?? { status: "unknown" })).toMatch(
      /^affected \(range .+; the version read may not be the failing one\)$/,
    );
    expect(affected?.evidence.find((e) => e.kind === "version")).toMatchObject({ certain: false });
    // Named in passing, past the fix: perhaps the version that worked, elsewhere or before (review 28b).
    for (const sentence of [
      "It also fails on Docker 20.10.7:",
      "I tested with Docker 20.10.7 yesterday and it was OK.",
      "The last version that worked was Docker 20.10.7.",
    ]) {
      const named = (await judge(`${sentence}\n${failure}`)).findings[0];
      expect(named?.verdict.status, sentence).toBe("unknown");
      expect(named?.verdict.reason, sentence).toMatch(
        /the log shows signs of this bug, and the only version placing it outside the affected range may not be the one that failed/,
      );
      // Not ruled out, not demoted: scored as if no version were named.
      expect(named?.score, sentence).toBe((await judge(failure)).findings[0]?.score);
    }
    // Even a sentence claiming it as the host's: "we run … on our laptops", "… now, after the rollback" (review 28c).
    const claimed = (await judge(`We run Docker 20.10.7 on this host.\n${failure}`)).findings[0];
    expect(claimed?.verdict.status).toBe("unknown");
    // A line only resembling the bug's wording, beside a laptop's version that works or an upgrade only planned: no
    // version of the failing host is read, so nothing rules it out.
    const paraphrase = "docker: Error starting userland proxy: listen tcp6 [::]:8080: bind: address family not supported";
    for (const sentence of [
      "It works on my laptop with Docker 20.10.7.",
      "It works fine on my laptop with Docker 20.10.7.",
      "The same compose file starts fine on my workstation with Docker 20.10.7.",
      "We plan to upgrade to Docker 20.10.7 next week.",
    ]) {
      const resembling = (await judge(`${sentence}\n${paraphrase}`)).findings.find(
        (f) => f.id === "docker-20.10.6-ipv6-disabled-userland-proxy-tcp6",
      );
      expect(resembling?.evidence.some((e) => e.kind === "log" && e.approximate === "similar")).toBe(true);
      expect(resembling?.verdict.status, sentence).toBe("unknown");
    }
  });

  it("never rules a bug out on its alternatives when one of them is only named, nor when its version is no one's here", async () => {
    const kb = (await loadDataKb()).compiled;
    const engine =
      "Server: Docker Engine - Community\n Engine:\n  Version:          23.0.3\n  API version:      1.42 (minimum version 1.12)";
    const symptom =
      'Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: failed to create containerd container: get apparmor_parser version: exec: "apparmor_parser": executable file not found in $PATH: unknown';
    const judged = (sentence: string) =>
      diagnoseBundle(kb, `${engine}\n${sentence}\n${symptom}`).findings.find(
        (x) => x.id === "docker-23.0-containerd-1.6-apparmor-parser-missing",
      );
    // The host's own Docker is past its fix and a sentence names the nodes' containerd past its own: it may not be the
    // containerd that failed.
    const named = judged("Our nodes run containerd 1.6.20.");
    expect(named?.evidence.filter((e) => e.kind === "version").map((e) => e.kind === "version" && e.result)).toEqual([
      "not-affected",
      "not-affected",
    ]);
    expect(named?.verdict.status).toBe("unknown");
    // The sentence places containerd on other machines: the box's containerd, which printed the line, decides.
    const others = judged("The nodes run containerd 1.6.20 (the k8s nodes, not this box).");
    expect(others?.evidence.filter((e) => e.kind === "version")).toHaveLength(1);
    expect(others?.verdict.status).toBe("unknown");
  });

  it("rule a bug out, hedged, when the log does not show its symptom: the report says which version it runs", async () => {
    const kb = (await loadDataKb()).compiled;
    const id = "docker-20.10.6-ipv6-disabled-userland-proxy-tcp6";
    const asked = (text: string) => diagnoseBundle(kb, text, 10, id).focus?.verdict;
    const named = asked("We run Docker 20.10.7 on these hosts.");
    expect(named).toMatchObject({ status: "not-affected", certain: false });
    expect(named?.reason).toContain("a version the report names");
    expect(verdictLabel(named ?? { status: "unknown" })).toMatch(
      /^not affected \(range .+; the version read may not be the failing one\)$/,
    );
    // The daemon's own output is certain, and so is the answer.
    const own = asked("Server: Docker Engine - Community\n Engine:\n  Version:          20.10.7");
    expect(own?.status).toBe("not-affected");
    expect(own).not.toHaveProperty("certain");
  });

  it("rule a bug out on a kernel a sentence names only without its symptom, hedged", async () => {
    const kb = (await loadDataKb()).compiled;
    const id = "xt-mark-ipv6-typo-2024";
    const record = kb.records.find((r) => r.id === id);
    const upstream = record?.affected.find((a) => a.ecosystem === "linux")?.ranges[0];
    expect(upstream?.fixed).toBeTruthy();
    // A release of the same stable series past the upstream fix, named in a sentence.
    const [major, minor, patch] = (upstream?.fixed ?? "").split(".");
    const sentence = `This host runs kernel ${major}.${minor}.${Number(patch) + 1} since the upgrade.`;
    const verdict = diagnoseBundle(kb, sentence, 10, id).focus?.verdict;
    expect(verdict).toMatchObject({ status: "not-affected", certain: false });
    expect(verdict?.reason).toContain("a kernel the report names in a sentence");
    // The seed's own symptom beside the same sentence: the kernel that failed may be another.
    const withSymptom = diagnoseBundle(kb, `${sentence}\n${XOR_MARK_KLOG}`, 10, id).findings.find((f) => f.id === id);
    expect(withSymptom?.verdict.status).toBe("unknown");

    // A heading that places the same kernel's output on another machine: the kernel that failed is likely another.
    const laptop = diagnoseBundle(
      kb,
      `uname -a on my laptop:\nLinux laptop ${major}.${minor}.${Number(patch) + 1} #1 SMP PREEMPT_DYNAMIC Thu Oct 24 19:28:55 UTC 2024 x86_64 GNU/Linux\n\nOn the nodes:\n${XOR_MARK_KLOG}`,
      10,
      id,
    ).findings.find((f) => f.id === id);
    expect(laptop?.verdict.status).toBe("unknown");
  });

  it("raise only hedged advisories that say the version was named, not read from the host", async () => {
    // The bug needs a kernel booted with ipv6.disable=1, which the boot line shows (the record's context).
    const { advisories } = await judge(
      "We moved to Docker 20.10.6 last week.\nBOOT_IMAGE=/vmlinuz-5.4.0-73-generic root=UUID=9c1e ro ipv6.disable=1",
    );
    const own = advisories.find((a) => a.id === "docker-20.10.6-ipv6-disabled-userland-proxy-tcp6");
    expect(own?.verdict.reason).toContain("a version the report names");
    expect(advisories.every((a) => a.evidence.every((e) => e.kind !== "version" || !e.certain))).toBe(true);
  });
});

let kbForComponents: Awaited<ReturnType<typeof loadDataKb>>["compiled"];
beforeAll(async () => {
  kbForComponents = (await loadDataKb()).compiled;
});

describe("docker version", () => {
  const modern = DOCKER_29_VERSION.join("\n");

  it("reads the daemon's engine, containerd and runc, never the client's version", () => {
    expect(extractFacts(modern).components).toEqual({ docker: "29.0.0", containerd: "2.1.5", runc: "1.3.3" });
    // Clients before 1.13 print the engine's version straight under Server:.
    expect(extractFacts("Client:\n Version:      1.12.6\nServer:\n Version:      1.12.5\n API version:  1.24").components).toEqual({
      docker: "1.12.5",
    });
  });

  it("reads a client part a report quotes (Markdown's or a mail's \"> \") as the client's version, named", () => {
    for (const quote of ["> ", "> > ", ">> ", "   > "]) {
      // wagoodman/dive#664 quotes only the client part.
      const client = modern
        .split("\n")
        .slice(0, 3)
        .map((l) => `${quote}${l}`)
        .join("\n");
      expect(extractFacts(client), JSON.stringify(quote)).toMatchObject({ components: {}, named: { docker: "29.0.1" } });
    }
    // Not a comparison's ">" or a quote without the client's heading.
    expect(extractFacts("> Version:           29.0.1\n> API version:       1.52").named).toEqual({});
  });

  it("reads `docker info`'s client part (Docker 23 on) as the client's version, named, and its server part's lines as none", () => {
    // The layout of cli/command/system/info.go: the client's Version, then Context and Debug Mode.
    const info = (header: string) =>
      `${header}\n Version:    24.0.1\n Context:    default\n Debug Mode: false\n Plugins:\n  buildx: Docker Buildx (Docker Inc.)`;
    for (const header of ["Client: Docker Engine - Community", "Client:"])
      expect(extractFacts(info(header)), header).toMatchObject({ components: {}, named: { docker: "24.0.1" } });
    // The server part's "Debug Mode:" follows "Docker Root Dir:", and a Version line under another heading is no client's.
    expect(extractFacts("Server:\n Docker Root Dir: /var/lib/docker\n Debug Mode: false").named).toEqual({});
    expect(extractFacts("Plugins:\n Version:    24.0.1\n Context:    default\n Debug Mode: false").named).toEqual({});
  });

  it("reads containerd's `ctr version` as containerd's version, never Docker's", () => {
    // The layout of containerd's cmd/ctr/commands/version/version.go: its "Revision:" line is no docker version's.
    const ctr = [
      "$ sudo ctr version",
      "Client:",
      "  Version:  v2.2.0",
      "  Revision: 1c4457e00facac03ce1d75f7b6777a7a851e5c41",
      "  Go version: go1.24.9",
      "",
      "Server:",
      "  Version:  v2.2.0",
      "  Revision: 1c4457e00facac03ce1d75f7b6777a7a851e5c41",
      "  UUID: 5027141d-e52c-4f81-afac-bed17eee3546",
    ].join("\n");
    expect(extractFacts(ctr)).toMatchObject({ components: { containerd: "2.2.0" }, named: {} });
    // Its client part alone names nothing (no "API version:" line).
    expect(extractFacts(ctr.split("\n").slice(0, 5).join("\n"))).toMatchObject({ components: {}, named: {} });
    // A build without a revision (Ubuntu's) prints "Revision:" bare; k3s's containerd carries its build suffix.
    expect(extractFacts("Server:\n  Version:  1.7.12\n  Revision:\n  UUID: 5027141d").components).toEqual({ containerd: "1.7.12" });
    expect(extractFacts("Server:\n  Version:  v2.2.3-k3s1\n  Revision: 0f1e2d\n  UUID: 5027141d").components).toEqual({
      containerd: "2.2.3",
    });
    // `ctr --version` is containerd's own package's.
    expect(extractFacts("ctr github.com/containerd/containerd v1.7.12").runtime).toBe("containerd://1.7.12");
  });

  it("reads no Docker from other tools' server parts: Podman's Docker-compatible socket, velero", () => {
    // `docker version` against Podman's socket: its Podman Engine block and even its Engine block carry Podman's version.
    const podman = [
      "Server: linux/amd64/ubuntu-22.04",
      " Podman Engine:",
      "  Version:          4.5.1",
      "  APIVersion:       4.5.1",
      " Conmon:",
      "  Version:          conmon version 2.1.7",
      " Engine:",
      "  Version:          4.5.1",
      "  API version:      1.41 (minimum version 1.24)",
    ].join("\n");
    expect(extractFacts(podman).components).toEqual({});
    expect(extractFacts("Server:\n\tVersion: v1.11.0").components).toEqual({});
    // `docker info` against Podman: its root dir is containers' storage.
    const info = (root: string, version = "5.1.2") =>
      extractFacts(` Server Version: ${version}\n Storage Driver: overlay\n Docker Root Dir: ${root}`).runtime;
    expect(info("/home/u/.local/share/containers/storage")).toBeNull();
    // Nor where Podman's root was moved: no Docker release is numbered 5.x (review 51f F2). Docker's numbering is Docker's.
    expect(info("/srv/podman-graph")).toBeNull();
    expect(info("/var/lib/docker", "24.0.7")).toBe("docker://24.0.7");
  });

  it("reads no docker info from nerdctl's info: containerd's version numbering is not Docker's", () => {
    // containerd/nerdctl#1410: nerdctl info with Docker's containerd package (no "v").
    const nerdctl =
      "Client:\n Namespace:\tdefault\n Debug Mode:\tfalse\n\nServer:\n Server Version: 1.4.12\n Storage Driver: overlayfs\n Logging Driver: json-file";
    expect(extractFacts(nerdctl).runtime).toBeNull();
    // RHEL 7's own Docker 1.13.1, pasted without its root dir, is still Docker's.
    expect(extractFacts(" Server Version: 1.13.1\n Storage Driver: devicemapper").runtime).toBe("docker://1.13.1");
  });

  it("prefers docker version's server part to the client binary's --version", () => {
    const server = "Server: Docker Engine - Community\n Engine:\n  Version:          28.2.2\n  API version:      1.50";
    const d = diagnoseFields(kbForComponents, { logs: `Docker version 29.3.1, build c2be9cc\n${server}` });
    expect(d.findings.concat(d.advisories).flatMap((f) => f.evidence.filter((e) => e.kind === "version" && e.value === "29.3.1"))).toEqual(
      [],
    );
  });

  it("reads crictl's runtime, and a k3s build of containerd as its release", () => {
    const crictl = "Version:  0.1.0\nRuntimeName:  containerd\nRuntimeVersion:  v1.7.20-k3s1\nRuntimeApiVersion:  v1";
    expect(extractFacts(crictl).runtime).toBe("containerd://1.7.20-k3s1");
    expect(nodeComponents({ version: "v1.30.4+k3s1", runtime: "containerd://1.7.20-k3s1" })).toEqual({
      kubernetes: "1.30.4+k3s1",
      containerd: "1.7.20",
    });
    // Early k3s wrote "-k3s.1"; Docker EE its build after the edition; kubectl shows "Unknown" for a runtime it could not ask.
    expect(nodeComponents({ version: "v1.15.4-k3s.1", runtime: "containerd://1.2.8-k3s.1" }).containerd).toBe("1.2.8");
    expect(nodeComponents({ version: "v1.11.5", runtime: "docker://17.06.2-ee-16" }).docker).toBe("17.06.2");
    expect(nodeComponents({ version: "v1.8.4", runtime: "docker://Unknown" })).toEqual({ kubernetes: "1.8.4" });
  });

  it("reads the client's version, when the daemon's part is missing, as a version named in passing", async () => {
    // moby/moby#51186 (the PR that raised the API floor): a client pinned to API 1.43 against the new daemon.
    const clientOnly = [
      "DOCKER_API_VERSION=1.43 docker version",
      "Client:",
      " Version:           28.5.0",
      " API version:       1.43 (downgraded from 1.51)",
      " Go version:        go1.24.7",
      " Git commit:        887030f",
      "Error response from daemon: client version 1.43 is too old. Minimum supported API version is 1.44, please upgrade your client to a newer version",
    ].join("\n");
    expect(extractFacts(clientOnly)).toMatchObject({ components: {}, named: { docker: "28.5.0" } });
    // With the daemon's part there, the client's version is not the host's: modern's client says 29.0.1.
    expect(extractFacts(modern).components.docker).toBe("29.0.0");
    // Docker Desktop's client part has a line of its own above its Version (astramieri/docker command_version.md).
    const desktop =
      "Client:\n Cloud integration: v1.0.35+desktop.10\n Version:           25.0.2\n API version:       1.44\n Go version:        go1.21.6";
    expect(extractFacts(desktop).named).toEqual({ docker: "25.0.2" });
    // podman's client part (no indent, "API Version:") is not docker's.
    expect(extractFacts("Client:       Podman Engine\nVersion:      4.9.3\nAPI Version:  4.9.3").named).toEqual({});
    // The client here is older than the daemon that refused it: the named version cannot rule the bug out, and the
    // daemon's own line, printed only from 29.0.0 on, dates the daemon (review 46a F5).
    const kb = (await loadDataKb()).compiled;
    const f = diagnoseFields(kb, { logs: clientOnly }).findings[0];
    expect(f?.id).toBe("docker-29-minimum-api-1.44-old-clients");
    expect(f?.verdict).toMatchObject({ status: "affected", level: "verified" });
    expect(f?.verdict.reason).toMatch(/29\.0\.0 or later, by its own line/);
  });

  it("judges a record on the daemon's version as on docker's own --version line", async () => {
    const kb = (await loadDataKb()).compiled;
    const failure = "Error starting userland proxy: listen tcp6 [::]:9982: socket: address family not supported by protocol";
    const daemon = modern.replace("29.0.0", "20.10.6");
    const d = diagnoseFields(kb, { logs: `${daemon}\n${failure}` });
    const f = d.findings.find((x) => x.id === "docker-20.10.6-ipv6-disabled-userland-proxy-tcp6");
    expect(f?.verdict.status).toBe("affected");
    expect(f?.evidence.find((e) => e.kind === "version")).toMatchObject({ value: "20.10.6", certain: true });
  });
});

describe("distribution releases named in passing", () => {
  const named = (text: string) => extractFacts(text).namedRelease;

  it("reads the release as records key it, however the sentence names the distribution", () => {
    expect(named("Kernel audit log on a fresh Ubuntu 24.04 dev host:")).toBe("ubuntu:24.04");
    expect(named("OS: Ubuntu Server 22.04.3 LTS")).toBe("ubuntu:22.04");
    expect(named("Debian GNU/Linux 12 (bookworm)")).toBe("debian:12");
    expect(named("on CentOS 7.9.2009 with docker-ce")).toBe("rhel:7");
    expect(named("RHEL8 hosts")).toBe("rhel:8");
    expect(named("Rocky Linux 9.4")).toBe("rhel:9");
    expect(named("Amazon Linux 2023.3.20240108 AMI")).toBe("amzn:2023");
    expect(named("Amazon Linux 2 nodes")).toBe("amzn:2");
    expect(named("Fedora Linux 40 (Workstation Edition)")).toBe("fedora:40");
    // Ubuntu's official flavours are Ubuntu releases.
    expect(named("I run Kubuntu 24.04 on this laptop")).toBe("ubuntu:24.04");
    expect(named("Fresh Xubuntu 22.04.3 install")).toBe("ubuntu:22.04");
    expect(named("Ubuntu MATE 20.04 on a Raspberry Pi")).toBe("ubuntu:20.04");
    expect(named("on Lubuntu 24.04 and Kubuntu 22.04")).toBeNull();
    // The Budgie desktop's own version is no Ubuntu release.
    expect(named("I use Ubuntu Budgie 10.10")).toBeNull();
  });

  it("reads none from several releases, an upgrade, an image tag or a runner label", () => {
    expect(named("works on Ubuntu 22.04, fails on Ubuntu 24.04")).toBeNull();
    expect(named("after the upgrade from Debian 11 to 12")).toBeNull();
    expect(named("tested on CentOS 7/8")).toBeNull();
    expect(named("FROM ubuntu:24.04")).toBeNull();
    expect(named("runs-on: ubuntu-22.04")).toBeNull();
    expect(named("Ubuntu noble")).toBeNull();
    expect(named("FROM centos:centos7")).toBeNull();
    expect(named("image: registry.access.redhat.com/rhel7/rhel-tools")).toBeNull();
  });

  it("leaves the host's os-release and its kernel's package alone", () => {
    const facts = extractFacts('NAME="Ubuntu"\nID=ubuntu\nVERSION_ID="22.04"\n\nnoticed first on Ubuntu 24.04');
    expect(facts.os?.versionId).toBe("22.04");
    expect(facts.namedRelease).toBe("ubuntu:24.04");
  });
});
