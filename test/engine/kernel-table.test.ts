import { describe, expect, it } from "vitest";
import { extractFacts } from "../../src/engine/facts";
import type { KernelFacts } from "../../src/engine/types";

// Real kernel strings as people pasted them, one row per distribution or vendor, each with the public
// page it was seen on. Each row is read as a bundle would be (`uname -a`, `uname -r`, /proc/version)
// and must give the facts an engineer would read off it.
interface Row {
  what: string;
  text: string;
  seen: string;
  expect: Partial<KernelFacts> & { ecosystem?: string | null; packageVersion?: string; hostname?: boolean };
}

const ROWS: Row[] = [
  {
    what: "Ubuntu 22.04 GA kernel (uname -r)",
    text: "5.15.0-127-generic",
    seen: "https://github.com/kubernetes/kube-proxy/issues/25",
    expect: { distro: "ubuntu", flavour: "generic", ecosystem: "ubuntu:22.04" },
  },
  {
    what: "Ubuntu cloud kernel, AWS (uname -r)",
    text: "6.8.0-1021-aws",
    seen: "https://github.com/NVIDIA/gpu-operator/pull/1227",
    expect: { distro: "ubuntu", flavour: "aws", ecosystem: "ubuntu:24.04" },
  },
  {
    what: "Debian 10 (uname -a)",
    text: "Linux hostname 4.19.0-17-amd64 #1 SMP Debian 4.19.194-3 (2021-07-18) x86_64 GNU/Linux",
    seen: "https://github.com/opencontainers/runc/issues/3412",
    expect: { distro: "debian", upstream: "4.19.194", upstreamCertainty: "derived", ecosystem: "debian:10", packageVersion: "4.19.194-3" },
  },
  {
    what: "RHEL 9.3 (uname -r)",
    text: "5.14.0-362.8.1.el9_3.x86_64",
    seen: "https://github.com/wazuh/wazuh/issues/38797",
    expect: { distro: "rhel", upstream: null, upstreamCertainty: "unknown", ecosystem: "rhel:9", packageVersion: "5.14.0-362.8.1.el9_3" },
  },
  {
    what: "Fedora 32 (uname -r)",
    text: "5.6.19-300.fc32.x86_64",
    seen: "https://github.com/JBR-Bunjie/JBR-Bunjie.github.io/blob/HEAD/source/_posts/Softwares/Linux/Kernal.md",
    expect: { distro: "fedora", upstream: "5.6.19", ecosystem: "fedora:32" },
  },
  {
    what: "Amazon Linux 2 (uname -r)",
    text: "4.14.231-173.361.amzn2.x86_64",
    seen: "https://github.com/kubernetes-sigs/kubespray/pull/7595",
    expect: { distro: "amzn", upstream: "4.14.231", ecosystem: "amzn:2" },
  },
  {
    what: "Amazon Linux 2023 on arm64 (uname -r)",
    text: "6.1.168-202.320.amzn2023.aarch64",
    seen: "https://github.com/wazuh/wazuh/issues/35869",
    expect: { distro: "amzn", upstream: "6.1.168", machine: "aarch64", ecosystem: "amzn:2023" },
  },
  {
    what: "Azure Linux / CBL-Mariner 2 (uname -r)",
    text: "5.15.131.1-2.cm2",
    seen: "https://github.com/Azure/AKS/issues/3969",
    expect: { distro: "mariner", upstream: "5.15.131" },
  },
  {
    what: "Arch Linux (uname -r)",
    text: "6.11.1-arch1-1",
    seen: "https://github.com/lcpu-club/loongarch-packages/pull/116",
    expect: { distro: "arch", upstream: "6.11.1", ecosystem: "arch", packageVersion: "6.11.1.arch1-1" },
  },
  {
    what: "Talos (uname -r)",
    text: "4.19.40-talos",
    seen: "https://github.com/siderolabs/talos/pull/873",
    expect: { distro: "talos", upstream: "4.19.40", upstreamCertainty: "derived" },
  },
  {
    what: "Gentoo (uname -r)",
    text: "6.12.21-gentoo",
    seen: "https://github.com/systemd/systemd/issues/37717",
    expect: { upstream: "6.12.21", upstreamCertainty: "derived", flavour: "gentoo" },
  },
  {
    what: "SUSE Linux Micro 6.1 (uname -r)",
    text: "6.4.0-28-default",
    seen: "https://github.com/rancher/rke2/issues/7458",
    expect: { distro: "suse", flavour: "default", upstream: null, upstreamCertainty: "unknown", packageVersion: "6.4.0-28" },
  },
  {
    what: "SLE HPC 15 SP2, a pre-codestream service-pack release (kubectl get nodes KERNEL-VERSION)",
    text: "5.3.18-24.37-default",
    seen: "https://github.com/Cray-HPE/docs-csm/blob/main/background/ncn_operating_system_releases.md",
    expect: { distro: "suse", flavour: "default", upstream: null, upstreamCertainty: "unknown", packageVersion: "5.3.18-24.37" },
  },
  {
    what: "openSUSE Tumbleweed (podman info kernel)",
    text: "6.7.4-1-default",
    seen: "https://github.com/containers/podman/issues/22326",
    expect: { distro: "suse", flavour: "default", upstream: "6.7.4", upstreamCertainty: "derived" },
  },
  {
    what: "Raspberry Pi OS bookworm, Debian version in uname -v",
    text: "Linux rpi4 6.6.31+rpt-rpi-v8 #1 SMP PREEMPT Debian 1:6.6.31-1+rpt1 (2024-05-29) aarch64 GNU/Linux",
    seen: "https://github.com/jacobalberty/unifi-docker/issues/756",
    expect: { distro: "raspberrypi", upstream: "6.6.31", upstreamCertainty: "derived", machine: "aarch64", flavour: "rpt-rpi-v8" },
  },
  {
    what: "Raspberry Pi OS trixie",
    text: "Linux hickory 6.12.75+rpt-rpi-v8 #1 SMP PREEMPT Debian 1:6.12.75-1+rpt1 (2026-03-11) aarch64 GNU/Linux",
    seen: "https://github.com/raspberrypi/linux/issues/7371",
    expect: { distro: "raspberrypi", upstream: "6.12.75", upstreamCertainty: "derived" },
  },
  {
    what: "Raspberry Pi foundation kernel, no trailing GNU/Linux",
    text: "Linux raspberrypi 5.10.63-v8+ #1457 SMP PREEMPT Tue Sep 28 11:27:02 BST 2021 aarch64",
    seen: "https://github.com/bluerobotics/BlueOS/issues/555",
    expect: { distro: "raspberrypi", upstream: "5.10.63", upstreamCertainty: "derived", machine: "aarch64" },
  },
  {
    what: "Android vendor kernel with -perf-g<sha>",
    text: "Linux localhost 3.10.84-perf-gfc8e9bb #1 SMP PREEMPT Thu May 5 20:48:38 2016 aarch64 Android",
    seen: "https://github.com/termux/termux-packages/issues/378",
    expect: { distro: "android", upstream: "3.10.84", upstreamCertainty: "derived", flavour: "perf-gfc8e9bb" },
  },
  {
    what: "Android vendor kernel with a bare +",
    text: "Linux localhost 4.19.191+ #1 SMP PREEMPT Fri Jun 13 15:04:04 CST 2025 aarch64 Android",
    seen: "https://github.com/sebhildebrandt/systeminformation/issues/1012",
    expect: { distro: "android", upstream: "4.19.191", upstreamCertainty: "derived" },
  },
  {
    what: "Android vendor kernel with a build tag",
    text: "Linux localhost 4.4.111-14023573-QB19093103 #1 SMP PREEMPT Wed Jul 25 16:35:37 KST 2018 aarch64 Android",
    seen: "https://github.com/SDRausty/TermuxArch/issues/119",
    expect: { distro: "android", upstream: "4.4.111", upstreamCertainty: "derived" },
  },
  {
    // The sysname, release and version fields of one Debian 12 machine, as `uname -srv` prints them.
    what: "uname -a without the hostname field (Debian 12)",
    text: "Linux 6.1.0-25-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.106-3 (2024-08-26)",
    seen: "https://github.com/shadow/shadow/pull/3442",
    expect: { distro: "debian", upstream: "6.1.106", packageVersion: "6.1.106-3", hostname: false },
  },
];

describe("kernel strings from the field", () => {
  it("covers at least 12 distributions and vendors, each with where it was seen", () => {
    const families = new Set(ROWS.map((r) => r.expect.distro ?? r.expect.flavour));
    expect(families.size).toBeGreaterThanOrEqual(12);
    for (const r of ROWS) expect(r.seen).toMatch(/^https:\/\//);
  });

  it.each(ROWS)("$what", ({ text, expect: want }) => {
    const facts = extractFacts(text);
    const k = facts.kernel;
    expect(k).not.toBeNull();
    const { ecosystem, packageVersion, hostname, ...kernel } = want;
    expect(k).toMatchObject(kernel);
    if (ecosystem !== undefined) expect(k?.package?.ecosystem ?? null).toBe(ecosystem);
    if (packageVersion !== undefined) expect(k?.package?.version).toBe(packageVersion);
    // The line is a kernel section, not a log line.
    expect(facts.notLogs.has(1)).toBe(true);
    if (hostname === false) expect(k?.release).toBe(text.split(" ")[1]);
  });
});
