import { describe, expect, it } from "vitest";
import { kernelFacts } from "../../src/engine/facts/kernel-facts";
import { osImageToOs } from "../../src/engine/facts/kube-nodes";
import { parseOsRelease } from "../../src/engine/facts/os-release";
import type { OsFacts } from "../../src/engine/types";

const os = (image: string): OsFacts => {
  const parsed = osImageToOs(image);
  if (!parsed) throw new Error(`unknown image ${image}`);
  return parsed;
};

// Ubuntu 22.04.2 os-release, seen in https://github.com/wazuh/wazuh/issues/25170
const JAMMY = parseOsRelease(`PRETTY_NAME="Ubuntu 22.04.2 LTS"
NAME="Ubuntu"
VERSION_ID="22.04"
VERSION="22.04.2 LTS (Jammy Jellyfish)"
VERSION_CODENAME=jammy
ID=ubuntu
ID_LIKE=debian`);

describe("Ubuntu kernels", () => {
  it("puts the package version back together from uname -r and the #NN of uname -v", () => {
    // uname -r / -v and the package it came from (5.15.0-76.83), https://github.com/canonical/github-runner-operator/pull/80
    const k = kernelFacts("5.15.0-76-generic", "#83-Ubuntu SMP Thu Jun 15 19:16:32 UTC 2023");
    expect(k.distro).toBe("ubuntu");
    expect(k.flavour).toBe("generic");
    expect(k.branch).toBe("5.15");
    expect(k.package).toMatchObject({
      ecosystem: "ubuntu:22.04",
      names: ["linux"],
      version: "5.15.0-76.83",
      scheme: "dpkg",
      certainty: "derived",
    });
    expect(k.package?.note).toMatch(/22\.04 inferred/);
    expect(k.upstream).toBeNull();
    expect(k.upstreamCertainty).toBe("unknown");
  });

  it("derives 6.8.0-56.58 on 24.04 from the brief's example", () => {
    const k = kernelFacts("6.8.0-56-generic", "#58-Ubuntu SMP PREEMPT_DYNAMIC Thu Feb 13 ...");
    expect(k.package).toMatchObject({ ecosystem: "ubuntu:24.04", names: ["linux"], version: "6.8.0-56.58", certainty: "derived" });
  });

  it("keeps only the ABI, as partial, without uname -v", () => {
    // Ubuntu 22.04.5 LTS with 5.15.0-127-generic, https://github.com/kubernetes/kube-proxy/issues/25
    const k = kernelFacts("5.15.0-127-generic", null, os("Ubuntu 22.04.5 LTS"));
    expect(k.package).toMatchObject({ ecosystem: "ubuntu:22.04", names: ["linux"], version: "5.15.0-127", certainty: "partial" });
    expect(k.package?.note).not.toMatch(/inferred/);
  });

  it("takes an Ubuntu derivative's base release from its os-release: no guess between two LTS releases", () => {
    // Linux Mint 20.1's os-release (https://github.com/dyiwu/dyiwu.github.io/blob/HEAD/2021/01/install-LinuxMint20/index.md).
    const mint = parseOsRelease(
      'NAME="Linux Mint"\nID=linuxmint\nID_LIKE=ubuntu\nVERSION_ID="20.1"\nVERSION_CODENAME=ulyssa\nUBUNTU_CODENAME=focal',
    );
    // 5.15 is 22.04's own kernel and 20.04's HWE kernel: uname -r alone leaves both open.
    expect(kernelFacts("5.15.0-91-generic", null).package).toMatchObject({
      ecosystem: "ubuntu:22.04",
      alternatives: [{ ecosystem: "ubuntu:20.04" }],
    });
    const k = kernelFacts("5.15.0-91-generic", null, mint);
    expect(k.package).toMatchObject({ ecosystem: "ubuntu:20.04", names: ["linux-hwe-5.15"] });
    expect(k.package?.alternatives).toBeUndefined();
  });

  it("reads lowlatency's dotted upload (#47.1) into the package version, with a backport's suffix", () => {
    // "Linux super-tuna 6.8.0-47-lowlatency #47.1-Ubuntu SMP PREEMPT_DYNAMIC …"; the 22.04 HWE build as Canonical's OSV data lists it.
    expect(kernelFacts("6.8.0-47-lowlatency", "#47.1-Ubuntu SMP PREEMPT_DYNAMIC Thu Oct  3 12:27:41 UTC 2024").package).toMatchObject({
      ecosystem: "ubuntu:24.04",
      names: ["linux-lowlatency"],
      version: "6.8.0-47.47.1",
    });
    expect(kernelFacts("6.8.0-56-lowlatency", "#58.1~22.04.1-Ubuntu SMP PREEMPT_DYNAMIC").package).toMatchObject({
      ecosystem: "ubuntu:22.04",
      names: ["linux-lowlatency-hwe-6.8"],
      version: "6.8.0-56.58.1~22.04.1",
    });
  });

  it("names the cloud kernel's source package", () => {
    // https://github.com/wazuh/wazuh/issues/23748 (Ubuntu 24.04 on EC2)
    const aws = kernelFacts("6.8.0-1008-aws", "#8-Ubuntu SMP Sat Apr 20 00:46:25 UTC 2024");
    expect(aws.flavour).toBe("aws");
    expect(aws.package).toMatchObject({ ecosystem: "ubuntu:24.04", names: ["linux-aws"], version: "6.8.0-1008.8" });
    // 6.8.0-1042-gke on Ubuntu 24.04.3 LTS, https://github.com/kubearmor/KubeArmor/issues/2505
    const gke = kernelFacts("6.8.0-1042-gke", null, os("Ubuntu 24.04.3 LTS"));
    expect(gke.package).toMatchObject({ ecosystem: "ubuntu:24.04", names: ["linux-gke"], certainty: "partial" });
    expect(kernelFacts("6.8.0-1025-azure").package).toMatchObject({ ecosystem: "ubuntu:24.04", names: ["linux-azure"] });
    expect(kernelFacts("5.15.0-1075-aws").package).toMatchObject({ ecosystem: "ubuntu:22.04", names: ["linux-aws"] });
  });

  it("names the backport package when the branch is not the release's own", () => {
    // 5.4.0-1067-azure nodes on Ubuntu 18.04.6 LTS, https://github.com/Azure/AKS/issues/2749
    expect(kernelFacts("5.4.0-1067-azure", null, os("Ubuntu 18.04.6 LTS")).package).toMatchObject({
      ecosystem: "ubuntu:18.04",
      names: ["linux-azure-5.4"],
    });
    // "Ubuntu 20.04.3 LTS kernel 5.11.0-1026-gcp", https://github.com/nyrahul/linux-kernel-configs/pull/4
    expect(kernelFacts("5.11.0-1026-gcp", null, os("Ubuntu 20.04.3 LTS")).package?.names).toEqual(["linux-gcp-5.11"]);
    // 6.8.0-1021-aws on the Ubuntu 22.04 AMI, https://github.com/NVIDIA/gpu-operator/pull/1227
    expect(kernelFacts("6.8.0-1021-aws", null, JAMMY).package).toMatchObject({ ecosystem: "ubuntu:22.04", names: ["linux-aws-6.8"] });
    // A 6.8 generic kernel on 22.04 is the HWE kernel (the brief's case).
    const hwe = kernelFacts("6.8.0-56-generic", null, JAMMY);
    expect(hwe.package).toMatchObject({ ecosystem: "ubuntu:22.04", names: ["linux-hwe-6.8"], version: "6.8.0-56" });
    expect(hwe.package?.note).toMatch(/backport/);
    // "7.0.0-30-generic on Ubuntu 24.04.4 LTS", https://github.com/Peppershade/abb-linux-agent/issues/19
    expect(kernelFacts("7.0.0-30-generic", null, os("Ubuntu 24.04.4 LTS")).package?.names).toEqual(["linux-hwe-7.0"]);
  });

  it("reads the release a backport was built for from the ~NN.NN suffix of uname -v", () => {
    // uname -r / uname -v as pasted in https://github.com/Xilinx/dma_ip_drivers/pull/377
    const k = kernelFacts("6.17.0-14-generic", "#14~24.04.1-Ubuntu SMP PREEMPT_DYNAMIC Thu Jan 15 15:52:10 UTC 2");
    expect(k.package).toMatchObject({
      ecosystem: "ubuntu:24.04",
      names: ["linux-hwe-6.17"],
      version: "6.17.0-14.14~24.04.1",
      certainty: "derived",
    });
    expect(k.package?.note).toMatch(/backport suffix/);
  });

  it("takes the release the build names over an os-release naming another (review 32b)", () => {
    const noble = os("Ubuntu 24.04.1 LTS");
    // A 22.04 HWE build beside 24.04's os-release: do-release-upgrade not yet rebooted into, or a container's os-release.
    const hwe = kernelFacts("6.8.0-57-generic", "#59~22.04.1-Ubuntu SMP PREEMPT_DYNAMIC Wed Mar 19 17:07:41 UTC 2", noble);
    expect(hwe.package).toMatchObject({ ecosystem: "ubuntu:22.04", names: ["linux-hwe-6.8"], version: "6.8.0-57.59~22.04.1" });
    expect(hwe.package?.note).toMatch(/the build is Ubuntu 22\.04's, though the os-release names 24\.04/);
    // A release's own branch with no backport suffix is that release's kernel, not an invented linux-hwe-5.15 on 24.04.
    const jammy = kernelFacts("5.15.0-126-generic", "#136-Ubuntu SMP Wed Nov 6 10:38:22 UTC 2024", noble);
    expect(jammy.package).toMatchObject({ ecosystem: "ubuntu:22.04", names: ["linux"], version: "5.15.0-126.136" });
    // OEM kernels are built for an LTS on a later release's branch without a suffix: the os-release decides.
    expect(kernelFacts("6.5.0-1027-oem", "#28-Ubuntu SMP", JAMMY).package).toMatchObject({ ecosystem: "ubuntu:22.04" });
    // Debian's plain ABI name on a release's own branch is that release's kernel (bullseye's 5.10 beside bookworm's os-release).
    const bullseye = kernelFacts("5.10.0-11-amd64", "#1 SMP Debian 5.10.92-2 (2022-02-28)", os("Debian GNU/Linux 12 (bookworm)"));
    expect(bullseye.package).toMatchObject({ ecosystem: "debian:11", names: ["linux"], version: "5.10.92-2" });
    // Debian's build in uname -v is Debian's kernel whatever os-release a container printed.
    const debian = kernelFacts("6.1.0-25-amd64", "#1 SMP PREEMPT_DYNAMIC Debian 6.1.106-1 (2024-08-26)", noble);
    expect(debian).toMatchObject({ distro: "debian", package: { ecosystem: "debian:12", names: ["linux"], version: "6.1.106-1" } });
  });

  it("takes the upstream version only from /proc/version_signature, as the stable base Ubuntu picks beyond (review 68a F2)", () => {
    // https://github.com/libuv/libuv/pull/4131
    const k = kernelFacts("5.15.0-79-generic", null, null, "Ubuntu 5.15.0-79.86-generic 5.15.111");
    expect(k.upstream).toBe("5.15.111");
    // Derived, not exact: 5.15.0-130.140 says 5.15.168 and carries 5.15.170's xt_mark fix (Canonical's changelog).
    expect(k.upstreamCertainty).toBe("derived");
    expect(k.package).toMatchObject({ version: "5.15.0-79.86", certainty: "exact" });
    // osrelease 6.2.0-24-generic with signature "Ubuntu 6.2.0-24.24-generic 6.2.12", https://github.com/eminence/procfs/issues/279
    expect(kernelFacts("6.2.0-24-generic", null, null, "Ubuntu 6.2.0-24.24-generic 6.2.12").upstream).toBe("6.2.12");
  });

  it("ignores a signature that belongs to another kernel", () => {
    const k = kernelFacts("5.15.0-76-generic", null, null, "Ubuntu 5.15.0-79.86-generic 5.15.111");
    expect(k.upstream).toBeNull();
    expect(k.package?.certainty).toBe("partial");
  });

  it("leaves the release open when neither os-release nor the branch tells it", () => {
    // 6.2 was never an LTS kernel (signature above), so 22.04-HWE and 23.04 are both possible: both are judged, 22.04's
    // backport first (review 56a F3: with no candidate, a record ranging 20.04's linux-hwe-5.8 had "no data" for 5.8).
    const k = kernelFacts("6.2.0-24-generic");
    expect(k.package).toMatchObject({
      ecosystem: "ubuntu:22.04",
      names: ["linux-hwe-6.2"],
      alternatives: [{ ecosystem: "ubuntu:23.04", names: ["linux"] }],
      decidedBy: expect.stringContaining("#NN~22.04.1-Ubuntu"),
    });
    // A backport's build names its release.
    expect(kernelFacts("6.2.0-24-generic", "#24~22.04.1-Ubuntu SMP PREEMPT_DYNAMIC").package).toMatchObject({
      ecosystem: "ubuntu:22.04",
      names: ["linux-hwe-6.2"],
    });
  });

  it("reads mainline-PPA builds as their upstream version", () => {
    // "Linux kube-4 5.4.10-050410-generic #202001091038 SMP ..." and "6.16.0-061600rc5-generic" were seen in
    // kernel mailing-list reports stored in the code index (no public URL kept with them).
    expect(kernelFacts("5.4.10-050410-generic", "#202001091038 SMP Thu Jan 9 10:41:11 UTC 2020")).toMatchObject({
      distro: "ubuntu",
      upstream: "5.4.10",
      upstreamCertainty: "exact",
      package: null,
    });
    expect(kernelFacts("6.16.0-061600rc5-generic").upstream).toBe("6.16-rc5");
    // A sublevel of 100 or more takes three digits of the ABI (kernel.ubuntu.com's 5.15.169 build); beside Ubuntu's
    // os-release it is still kernel.org's 5.15.169, never Ubuntu's package 5.15.169-0515169 (review 33b).
    expect(kernelFacts("5.15.169-0515169-generic", "#202410221234 SMP Tue Oct 22 12:34:56 UTC 2024", JAMMY)).toMatchObject({
      upstream: "5.15.169",
      upstreamCertainty: "exact",
      package: null,
    });
  });

  it("takes no other builder's kernel for Ubuntu's, whatever os-release a guest or a container printed (review 33b)", () => {
    // Proxmox's kernel under an Ubuntu container, Alpine's under a Colima/Lima VM's Ubuntu, Liquorix on Ubuntu.
    const pve = kernelFacts("6.8.12-2-pve", "#1 SMP PREEMPT_DYNAMIC PMX 6.8.12-2 (2024-09-05T10:03Z)", JAMMY);
    expect(pve).toMatchObject({ distro: "proxmox", upstream: "6.8.12", package: null });
    expect(kernelFacts("6.8.12-2-pve", null, JAMMY)).toMatchObject({ distro: "proxmox", package: null });
    expect(kernelFacts("6.6.44-0-virt", "#1-Alpine SMP PREEMPT_DYNAMIC 2024-08-10 10:55:30", JAMMY)).toMatchObject({
      distro: "alpine",
      upstream: "6.6.44",
      package: null,
    });
    expect(kernelFacts("6.6.58-0-virt", null, JAMMY).distro).toBe("alpine");
    const liquorix = kernelFacts("6.6.58-1-liquorix-amd64", "#1 ZEN SMP PREEMPT liquorix 6.6-58.1~noble (2024-10-22)", JAMMY);
    expect(liquorix).toMatchObject({ distro: "liquorix", upstream: "6.6.58", upstreamCertainty: "derived", package: null });
    // Ubuntu's own builds all say so in uname -v.
    expect(kernelFacts("5.15.0-127-generic", "#137-Ubuntu SMP Fri Nov 8 15:21:01 UTC 2024", JAMMY).package?.ecosystem).toBe("ubuntu:22.04");
  });

  it("does not take a Pop!_OS kernel for Ubuntu's package", () => {
    // "Linux pop-os 6.9.3-76060903-generic #202405300957~1738770968~22.04~d5f7c84 SMP PREEMPT_DYNAMIC ...", seen in
    // a blog post stored in the code index (no public URL kept with it).
    const k = kernelFacts("6.9.3-76060903-generic", "#202405300957~1738770968~22.04~d5f7c84 SMP PREEMPT_DYNAMIC Wed F");
    expect(k).toMatchObject({ distro: "pop", upstream: "6.9.3", upstreamCertainty: "derived", package: null });
  });
});

describe("other builds of Debian's, Ubuntu's and kernel.org's kernels", () => {
  it("reads Debian's version from uname -v for flavours and derivatives the ABI rule does not know", () => {
    // Debian's own loongson-3 flavour (a /proc/version as printed), Kali's and SONiC's builds of Debian's source.
    const loongson = kernelFacts("6.1.0-9-loongson-3", "#1 SMP PREEMPT Debian 6.1.27-1 (2023-05-08)");
    expect(loongson).toMatchObject({ distro: "debian", package: { ecosystem: "debian:12", version: "6.1.27-1" } });
    expect(kernelFacts("6.1.0-kali7-arm64", "#1 SMP Debian 6.1.20-2kali1 (2023-04-18)")).toMatchObject({
      distro: "vendor",
      upstream: "6.1.20",
      upstreamCertainty: "derived",
    });
    expect(kernelFacts("6.1.0-11-2-arm64", "#1 SMP Debian 6.1.38-4 (2023-08-08)").upstream).toBe("6.1.38");
  });

  it("reads a derivative's build under its own name, and its x.y.0 ABI name as naming the series, not kernel.org's x.y.0 (review 65a F1)", () => {
    // Parrot OS: "Linux parrot 6.1.0-1parrot1-amd64 #1 SMP PREEMPT_DYNAMIC Parrot 6.1.15-1parrot1 (2023-04-25) x86_64
    // GNU/Linux", in public write-ups; it was judged as 6.1.0, so "not affected" beside a 6.1.64 regression's symptom.
    expect(kernelFacts("6.1.0-1parrot1-amd64", "#1 SMP PREEMPT_DYNAMIC Parrot 6.1.15-1parrot1 (2023-04-25)")).toMatchObject({
      distro: "vendor",
      upstream: "6.1.15",
      upstreamCertainty: "derived",
    });
    // Without its build, the release names only its series.
    expect(kernelFacts("6.1.0-1parrot1-amd64")).toMatchObject({ upstream: null, upstreamCertainty: "unknown", seriesOnly: true });
    // A build of another series is no reading of this kernel; a plain x.y.0 with a word and no ABI number stays x.y.0.
    expect(kernelFacts("6.1.0-1parrot1-amd64", "#1 SMP PREEMPT_DYNAMIC Parrot 6.5.13-1parrot1 (2024-01-01)").upstream).toBeNull();
    expect(kernelFacts("6.1.0-custom", "#1 SMP PREEMPT_DYNAMIC Mon Jan 1 00:00:00 UTC 2024").upstream).toBe("6.1.0");
    // Nor any word and number: PREEMPT_RT's patch number, a board's or a custom build's suffix is no ABI (review 65i F3).
    for (const release of ["6.0.0-rt11", "5.10.0-cip1", "6.6.0-sunxi64", "6.1.0-asahi7-1-ARCH"])
      expect(kernelFacts(release, "#1 SMP PREEMPT Tue Jul 25 10:00:00 UTC 2023").upstream, release).toBe(
        release.slice(0, release.indexOf("-")),
      );
  });

  it("takes Proxmox VE's kernels for what they are, Ubuntu's built for a Debian userland, not Debian's", () => {
    const debian12 = os("Debian GNU/Linux 12 (bookworm)");
    // Built from an Ubuntu series that names its releases x.y.0 whatever stable sublevel they carry (the opt-in 6.11 and
    // 6.14 kernels; "6.11.0-2-pve" in public Proxmox diagnostics): no upstream sublevel, not 6.11.0 (review 62b F1).
    for (const release of ["6.11.0-2-pve", "6.14.0-2-pve"])
      expect(kernelFacts(release, `#1 SMP PREEMPT_DYNAMIC PMX ${release.replace("-pve", "")} (2025-01-01T10:00Z)`, debian12)).toMatchObject(
        {
          distro: "proxmox",
          upstream: null,
          upstreamCertainty: "unknown",
        },
      );
    expect(kernelFacts("6.8.12-9-pve", "#1 SMP PREEMPT_DYNAMIC PMX 6.8.12-9 (2025-03-16T19:18Z)", debian12)).toMatchObject({
      distro: "proxmox",
      upstream: "6.8.12",
      upstreamCertainty: "derived",
    });
  });

  it("does not take Alpine's LTS kernels for Arch's, and hedges any distribution's build of a kernel.org release", () => {
    // Alpine: "Linux charm 6.6.54-0-lts #1-Alpine SMP PREEMPT_DYNAMIC …".
    const alpine = kernelFacts("6.6.54-0-lts", "#1-Alpine SMP PREEMPT_DYNAMIC 2024-10-04 07:28:51");
    expect(alpine.distro).not.toBe("arch");
    expect(alpine.package?.ecosystem).not.toBe("arch");
    expect(kernelFacts("6.6.59-1-lts").package?.ecosystem).toBe("arch");
    // Arch's own LTS kernel stays Arch's beside another os-release (a container's Ubuntu).
    expect(
      kernelFacts("6.6.58-1-lts", null, parseOsRelease('NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\nVERSION_ID="22.04"')).package?.ecosystem,
    ).toBe("arch");
    // NixOS names itself in uname -v; OpenWrt only in its os-release.
    expect(kernelFacts("6.6.63", "#1-NixOS SMP PREEMPT_DYNAMIC Fri Nov 22 14:38:37 UTC 2024").upstreamCertainty).toBe("derived");
    expect(
      kernelFacts("5.15.68", "#0 SMP Mon Sep 19 18:41:10 2022", parseOsRelease('NAME="OpenWrt"\nID="openwrt"\nVERSION_ID="22.03.0"'))
        .upstreamCertainty,
    ).toBe("derived");
    expect(kernelFacts("6.6.63").upstreamCertainty).toBe("exact");
  });

  it("reads a vendor mark set off by a dot as the vendor's, on the x.y.z before it (review 63a F2)", () => {
    // The out-of-tree Multipath TCP kernel's release (multipath-tcp.org builds) puts its name after a dot.
    expect(kernelFacts("4.14.70.mptcp", "#1 SMP Mon Sep 24 10:00:00 UTC 2018", null)).toMatchObject({
      upstream: "4.14.70",
      upstreamCertainty: "derived",
      flavour: "mptcp",
      distro: "vendor",
    });
    // A dot followed by a number is still the version's own (WSL 2's fourth number), not a mark.
    expect(kernelFacts("6.6.58.1-microsoft-standard-WSL2", null, null)).toMatchObject({ upstream: "6.6.58", distro: "wsl" });
  });
});

describe("git-describe builds", () => {
  it("takes a bare -g<sha> build for a vendor's, Android's only when uname -a says Android (review 33b)", () => {
    // ChromeOS Crostini's "6.1.55-06877-gc83437f2949f", a custom build's "6.6.58-00001-g1234567890ab".
    expect(kernelFacts("6.1.55-06877-gc83437f2949f").distro).toBe("vendor");
    expect(kernelFacts("6.6.58-00001-g1234567890ab")).toMatchObject({ distro: "vendor", upstream: "6.6.58" });
    expect(kernelFacts("4.14.190-g1234567", "#1 SMP PREEMPT Thu 2021", null, null, "Android").distro).toBe("android");
    expect(kernelFacts("3.10.84-perf-gfc8e9bb").distro).toBe("android");
  });
});

describe("releases that are no kernel's", () => {
  it("reads no kernel in gVisor's and WSL 1's fixed releases (review 33b)", () => {
    // gVisor's Sentry answers uname with a fixed version (google/gvisor pkg/sentry/syscalls/linux/linux64.go,
    // _LINUX_VERSION "#1 SMP Sun Jan 10 15:06:54 PST 2016"); WSL 1 with "4.4.0-<Windows build>-Microsoft"
    // (https://github.com/BurntSushi/ripgrep/issues/1595: "4.4.0-17763-Microsoft #1217-Microsoft").
    for (const k of [
      kernelFacts("4.4.0", "#1 SMP Sun Jan 10 15:06:54 PST 2016"),
      kernelFacts("4.4.0-17763-Microsoft", "#1217-Microsoft Mon May 05 16:09:00 PST 2020"),
      kernelFacts("4.4.0-43-Microsoft", "#1-Microsoft Wed Dec 31 14:42:53 PST 2014"),
    ]) {
      expect(k.emulatedBy).toBeDefined();
      expect(k).toMatchObject({ upstream: null, upstreamCertainty: "unknown", package: null });
    }
    // A kernel.org 4.4.0 built another day is a kernel.
    expect(kernelFacts("4.4.0", "#1 SMP Mon Jan 11 10:00:00 UTC 2016")).toMatchObject({ upstream: "4.4.0" });
  });
});

describe("Photon OS kernels", () => {
  it("reads the package and its Photon release from uname -r", () => {
    // As Photon OS 3's `uname -a` prints it: "Linux  4.19.84-1.ph3-esx #1-photon SMP Tue Nov 19 00:39:50 UTC 2019 x86_64".
    expect(kernelFacts("4.19.84-1.ph3-esx", "#1-photon SMP Tue Nov 19 00:39:50 UTC 2019")).toMatchObject({
      distro: "photon",
      flavour: "esx",
      upstream: "4.19.84",
      upstreamCertainty: "derived",
      package: { ecosystem: "photon:3", names: ["linux-esx"], version: "4.19.84-1.ph3", scheme: "rpm", certainty: "exact" },
    });
    expect(kernelFacts("5.10.118-14.ph4").package).toMatchObject({ ecosystem: "photon:4", names: ["linux"], version: "5.10.118-14.ph4" });
  });
});

describe("Debian kernels", () => {
  it("reads the package version from uname -v (the brief's example)", () => {
    const k = kernelFacts("6.1.0-18-amd64", "#1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)");
    expect(k).toMatchObject({ distro: "debian", flavour: "amd64", upstream: "6.1.76", upstreamCertainty: "derived" });
    expect(k.package).toMatchObject({ ecosystem: "debian:12", names: ["linux"], version: "6.1.76-1", certainty: "exact" });
    expect(k.package?.note).toMatch(/Debian 12 read from the ABI name \(6\.1 is Debian 12.s own kernel\)/);
  });

  it("uses os-release for the release when given", () => {
    // Debian 12 os-release with 6.1.0-40-cloud-amd64, https://github.com/wazuh/wazuh-installation-assistant/issues/705
    const k = kernelFacts(
      "6.1.0-40-cloud-amd64",
      "#1 SMP PREEMPT_DYNAMIC Debian 6.1.153-1 (2025-09-20)",
      os("Debian GNU/Linux 12 (bookworm)"),
    );
    expect(k.flavour).toBe("cloud-amd64");
    expect(k.package).toMatchObject({ ecosystem: "debian:12", version: "6.1.153-1" });
    expect(k.package?.note).not.toMatch(/inferred/);
    // Debian 12 values, https://github.com/shadow/shadow/pull/3442
    expect(kernelFacts("6.1.0-25-amd64", "#1 SMP PREEMPT_DYNAMIC Debian 6.1.106-3 (2024-08-26)").upstream).toBe("6.1.106");
  });

  it("does not guess a release for a testing kernel", () => {
    // https://github.com/SaschaWillems/glCapsViewer/issues/29
    const k = kernelFacts("5.6.0-1-amd64", "#1 SMP Debian 5.6.7-1 (2020-04-29)");
    expect(k.package).toMatchObject({ ecosystem: null, version: "5.6.7-1" });
    expect(k.upstream).toBe("5.6.7");
  });

  it("knows the package name, not the version, without uname -v", () => {
    // 4.9.0-7-amd64 on Debian GNU/Linux 9 (stretch), https://github.com/kontena/pharos-cluster/pull/627
    const k = kernelFacts("4.9.0-7-amd64", null, os("Debian GNU/Linux 9 (stretch)"));
    expect(k.package).toMatchObject({ ecosystem: "debian:9", names: ["linux"], version: "", certainty: "unknown" });
    expect(k.upstream).toBeNull();
  });

  it("reads trixie's versioned ABI name", () => {
    // "Linux receipt 6.12.33+deb13-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.12.33-1 (2025-06-19)", seen quoted
    // in a kernel mailing-list report stored in the code index (no public URL kept with it).
    const k = kernelFacts("6.12.33+deb13-amd64", "#1 SMP PREEMPT_DYNAMIC Debian 6.12.33-1 (2025-06-19)");
    expect(k.package).toMatchObject({ ecosystem: "debian:13", version: "6.12.33-1" });
    expect(kernelFacts("6.12.33+deb13-amd64").upstream).toBe("6.12.33");
  });
});

describe("RPM kernels of other builders", () => {
  it("reads openEuler's and Kylin's kernels as their own, with no upstream version (review 33b)", () => {
    // openEuler 22.03 SP3 (a `kubectl get nodes -o wide` row and `uname -a` of such nodes) and Kylin V10: both keep
    // their base's sublevel and merge stable fixes, as RHEL does.
    expect(kernelFacts("5.10.0-182.0.0.95.oe2203sp3.x86_64")).toMatchObject({
      distro: "openeuler",
      upstream: null,
      upstreamCertainty: "unknown",
      package: { ecosystem: "openeuler:22.03", version: "5.10.0-182.0.0.95.oe2203sp3" },
    });
    expect(kernelFacts("4.19.90-24.4.v2101.ky10.x86_64")).toMatchObject({ distro: "kylin", upstream: null, upstreamCertainty: "unknown" });
    // The same of openEuler 20.03, Alibaba Cloud Linux, Anolis and TencentOS, as `uname -r` and package
    // listings pasted in notes print them (review 33d).
    for (const [release, distro, ecosystem] of [
      ["4.19.90-2112.8.0.0131.oe1.aarch64", "openeuler", "openeuler:20.03"],
      ["5.10.134-18.al8.x86_64", "alinux", "alinux:8"],
      ["5.10.134-013.15.kangaroo.al8.x86_64", "alinux", "alinux:8"],
      ["5.10.134-13.an8.x86_64", "anolis", "anolis:8"],
      ["5.4.119-1.0009.tl3.x86_64", "tencentos", "tencentos:3"],
    ])
      expect(kernelFacts(release as string), release).toMatchObject({
        distro,
        upstream: null,
        upstreamCertainty: "unknown",
        package: { ecosystem },
      });
    // Anolis's RHEL-compatible kernel is RHEL 8's line rebuilt: matched as RHEL's package, as Rocky's is.
    expect(kernelFacts("4.18.0-348.2.1.an8_5.x86_64").package?.ecosystem).toBe("rhel:8");
  });

  it("takes a remix's build of a Fedora release for its own, judged on upstream (review 33b)", () => {
    // Fedora Asahi Remix: "Linux fedora 6.14.2-401.asahi.fc42.aarch64+16k #1 SMP PREEMPT_DYNAMIC Wed Apr 16 …".
    expect(kernelFacts("6.14.2-401.asahi.fc42.aarch64+16k")).toMatchObject({
      distro: "asahi",
      upstream: "6.14.2",
      upstreamCertainty: "derived",
      package: null,
    });
    expect(kernelFacts("6.11.5-300.fc41.x86_64").package?.ecosystem).toBe("fedora:41");
    expect(kernelFacts("6.11.0-0.rc1.17.fc41.x86_64")).toMatchObject({ distro: "fedora", upstream: "6.11-rc1" });
  });
});

describe("RPM kernels", () => {
  it("reads RHEL's package version from uname -r and does not guess upstream", () => {
    // https://github.com/wazuh/wazuh/issues/38797 (RHEL 9.3)
    const k = kernelFacts("5.14.0-362.8.1.el9_3.x86_64", "#1 SMP PREEMPT_DYNAMIC Tue Oct 3 11:12:36 EDT 2023");
    expect(k).toMatchObject({ distro: "rhel", machine: "x86_64", upstream: null, upstreamCertainty: "unknown", branch: "5.14" });
    expect(k.package).toMatchObject({
      ecosystem: "rhel:9",
      names: ["kernel"],
      version: "5.14.0-362.8.1.el9_3",
      scheme: "rpm",
      certainty: "exact",
    });
    expect(kernelFacts("5.14.0-427.13.1.el9_4.x86_64").package?.version).toBe("5.14.0-427.13.1.el9_4");
  });

  it("reads Red Hat's kernel-alt for EL7 (el7a) as its own package, neither RHEL 7's kernel nor upstream 4.14 (review 35a)", () => {
    // CentOS 7 AltArch's aarch64 kernel-alt, as its uname -r prints it.
    const k = kernelFacts("4.14.0-115.el7a.0.1.aarch64", "#1 SMP Sun Nov 25 20:54:21 UTC 2018");
    expect(k).toMatchObject({ distro: "rhel", upstream: null, upstreamCertainty: "unknown", machine: "aarch64" });
    expect(k.package).toMatchObject({ ecosystem: "rhel:7", names: ["kernel-alt"], version: "4.14.0-115.el7a.0.1" });
  });

  it("handles el7, el8 and el10", () => {
    // https://github.com/openshift/installer/pull/251
    expect(kernelFacts("3.10.0-862.14.1.el7.x86_64").package).toMatchObject({ ecosystem: "rhel:7", version: "3.10.0-862.14.1.el7" });
    // https://github.com/red-hat-storage/ocs-ci/pull/3872
    expect(kernelFacts("4.18.0-287.el8.x86_64").package).toMatchObject({ ecosystem: "rhel:8", version: "4.18.0-287.el8" });
    // https://github.com/theori-io/copy-fail-CVE-2026-31431/issues/41
    expect(kernelFacts("6.12.0-124.52.1.el10_1.x86_64").package?.ecosystem).toBe("rhel:10");
  });

  it("judges a kernel rebuilt from an el package with a suffix of its own as that package, hedged", () => {
    const k = kernelFacts("3.10.0-1160.el7.centos.plus.x86_64");
    expect(k.package).toMatchObject({ ecosystem: "rhel:7", version: "3.10.0-1160.el7", certainty: "partial" });
    expect(k.package?.note).toMatch(/"\.centos\.plus" suffix marks a rebuild of 3\.10\.0-1160\.el7/);
    expect(kernelFacts("3.10.0-862.14.1.el7.x86_64").package?.certainty).toBe("exact");
    // An architecture is not a local suffix.
    expect(kernelFacts("3.10.0-1160.el7.ppc64").package).toMatchObject({ version: "3.10.0-1160.el7", certainty: "exact" });
    expect(kernelFacts("6.8.9-300.fc40.armv7hl").package).toMatchObject({ ecosystem: "fedora:40", certainty: "exact" });
  });

  it("reads a rebuild's own numbering after the dist tag as part of the RHEL package's release", () => {
    // CentOS 8.5's GA kernel and Rocky 9.1's, as their uname -r prints them: before, neither was a RHEL
    // kernel, and upstream ranges ruled bugs out on "4.18.0".
    expect(kernelFacts("4.18.0-348.el8.0.2.x86_64").package).toMatchObject({
      ecosystem: "rhel:8",
      version: "4.18.0-348.el8.0.2",
      certainty: "exact",
    });
    expect(kernelFacts("5.14.0-162.12.1.el9_1.0.1.x86_64")).toMatchObject({
      upstream: null,
      machine: "x86_64",
      package: { ecosystem: "rhel:9", version: "5.14.0-162.12.1.el9_1.0.1" },
    });
  });

  it("maps Rocky to rhel:N and says so", () => {
    // Rocky 9.6 kernel, https://github.com/dynup/kpatch/pull/1486; OS image from https://github.com/vexxhost/capo-image-elements/pull/48
    const k = kernelFacts("5.14.0-570.58.1.el9_6.x86_64", null, os("Rocky Linux 9.6 (Blue Onyx)"));
    expect(k.distro).toBe("rocky");
    expect(k.package?.ecosystem).toBe("rhel:9");
    expect(k.package?.note).toMatch(/Rocky Linux 9\.6 .*rebuilds the RHEL 9 kernel/);
  });

  it("maps Scientific Linux to rhel:N, from a nodes table's OS image too", () => {
    // Scientific Linux 7's PRETTY_NAME as its os-release gives it (ID="scientific", ID_LIKE="rhel centos fedora").
    const image = os("Scientific Linux 7.9 (Nitrogen)");
    expect(image).toMatchObject({ id: "scientific", versionId: "7.9", idLike: ["rhel", "centos", "fedora"] });
    expect(kernelFacts("3.10.0-1160.el7.x86_64", null, image).package?.ecosystem).toBe("rhel:7");
  });

  it("takes a RHEL-family host's kernel written without its dist tag for that release's kernel, never upstream", () => {
    // "3.10.0-957" typed for a CentOS 7.6 host: RHEL 7's kernels are all 3.10.0-<build>.el7, with fixes backported.
    const centos7 = os("CentOS Linux 7 (Core)");
    expect(kernelFacts("3.10.0-957", null, centos7)).toMatchObject({
      distro: "centos",
      upstream: null,
      upstreamCertainty: "unknown",
      package: null,
    });
    expect(kernelFacts("4.18.0-348.7.1.x86_64", null, os("Rocky Linux 8.5 (Green Obsidian)"))).toMatchObject({
      upstream: null,
      machine: "x86_64",
    });
    // Not that release's base (a mainline kernel on CentOS 7), or no os-release: judged as before, on its x.y.z, hedged.
    expect(kernelFacts("5.4.17-200", null, centos7)).toMatchObject({ upstream: "5.4.17", upstreamCertainty: "derived" });
    expect(kernelFacts("3.10.0-957")).toMatchObject({ upstream: "3.10.0", upstreamCertainty: "derived" });
  });

  it("tells an ELRepo mainline kernel from a RHEL one", () => {
    // https://github.com/vexxhost/capo-image-elements/pull/48
    const k = kernelFacts("6.16.4-1.el9.elrepo.x86_64", null, os("Rocky Linux 9.6 (Blue Onyx)"));
    expect(k).toMatchObject({ distro: "elrepo", upstream: "6.16.4", upstreamCertainty: "derived" });
    expect(k.package?.ecosystem).toBeNull();
  });

  it("tells a mainline kernel packaged for EL without ELRepo's mark from a RHEL one: RHEL 7 ships only 3.10.0", () => {
    // https://github.com/KritzelKratzel/rocksclusters-recipes/blob/HEAD/kernel/README.md (built from ELRepo's spec)
    const k = kernelFacts("5.4.28-1.el7.x86_64", null, os("CentOS Linux 7 (Core)"));
    expect(k).toMatchObject({ upstream: "5.4.28", upstreamCertainty: "derived" });
    expect(k.package?.ecosystem).toBeNull();
    // RHEL's own lines stay RHEL's package, however the build is numbered.
    expect(kernelFacts("3.10.0-1160.el7.x86_64").package?.ecosystem).toBe("rhel:7");
    expect(kernelFacts("5.14.0-427.13.1.el9_4.x86_64").package?.ecosystem).toBe("rhel:9");
    expect(kernelFacts("4.18.0-348.el8.0.2.x86_64").package?.ecosystem).toBe("rhel:8");
    // Red Hat's builds of another line: a pre-GA RHEL 10 kernel (older base, long build numbers) is RHEL 10's package,
    // hedged, and CentOS 7 AltArch's aarch64 kernel, RHEL 8's line rebuilt for EL7, is RHEL 8's package, hedged.
    expect(kernelFacts("6.11.0-25.el10.x86_64").package).toMatchObject({ ecosystem: "rhel:10", certainty: "partial" });
    // A base newer than the release's line is no Red Hat build, whatever its build number (a SIG's or a local build).
    expect(kernelFacts("6.6.28-12.el7.x86_64")).toMatchObject({ upstream: "6.6.28", upstreamCertainty: "derived", distro: "vendor" });
    expect(kernelFacts("6.12.0-0.rc6.19.el10.x86_64").package?.ecosystem).toBe("rhel:10");
    const altarch = kernelFacts("4.18.0-348.20.1.el7.aarch64", null, os("CentOS Linux 7 (AltArch)"));
    expect(altarch).toMatchObject({ upstream: null, upstreamCertainty: "unknown" });
    expect(altarch.package).toMatchObject({ ecosystem: "rhel:8", version: "4.18.0-348.20.1.el7", certainty: "partial" });
  });

  it("derives upstream for Fedora", () => {
    // https://github.com/JBR-Bunjie/JBR-Bunjie.github.io/blob/HEAD/source/_posts/Softwares/Linux/Kernal.md
    expect(kernelFacts("5.6.19-300.fc32.x86_64")).toMatchObject({ distro: "fedora", upstream: "5.6.19", upstreamCertainty: "derived" });
    const k = kernelFacts("6.11.4-201.fc40.x86_64");
    expect(k.package).toMatchObject({ ecosystem: "fedora:40", names: ["kernel"], version: "6.11.4-201.fc40" });
    expect(k.upstream).toBe("6.11.4");
  });

  it("derives upstream for Amazon Linux 2 and 2023", () => {
    // https://github.com/kubernetes-sigs/kubespray/pull/7595
    expect(kernelFacts("4.14.231-173.361.amzn2.x86_64").package).toMatchObject({ ecosystem: "amzn:2", version: "4.14.231-173.361.amzn2" });
    const k = kernelFacts("5.10.178-162.673.amzn2.x86_64");
    expect(k).toMatchObject({ distro: "amzn", upstream: "5.10.178", upstreamCertainty: "derived" });
    // https://github.com/wazuh/wazuh/issues/35869 (aarch64)
    const al2023 = kernelFacts("6.1.168-202.320.amzn2023.aarch64");
    expect(al2023).toMatchObject({ machine: "aarch64", upstream: "6.1.168" });
    expect(al2023.package).toMatchObject({ ecosystem: "amzn:2023", version: "6.1.168-202.320.amzn2023" });
  });

  it("reads Azure Linux (CBL-Mariner) kernels", () => {
    // "Kernel-5.15.131.1-2.cm2", https://github.com/Azure/AKS/issues/3969
    expect(kernelFacts("5.15.131.1-2.cm2")).toMatchObject({ distro: "mariner", upstream: "5.15.131" });
  });
});

describe("Arch and image-based distributions", () => {
  it("turns Arch's uname -r into the pacman version", () => {
    // uname -r 6.11.1-arch1-1 belongs to package version 6.11.1.arch1-1, https://github.com/lcpu-club/loongarch-packages/pull/116
    const k = kernelFacts("6.11.1-arch1-1");
    expect(k.package).toMatchObject({ ecosystem: "arch", names: ["linux"], version: "6.11.1.arch1-1", scheme: "pacman" });
    expect(k).toMatchObject({ upstream: "6.11.1", upstreamCertainty: "derived" });
    expect(kernelFacts("6.11.6-arch1-1").package?.version).toBe("6.11.6.arch1-1");
    // The package version itself, as a user gives their kernel ("Kernel version: 6.11.5.arch1-1",
    // https://github.com/ValveSoftware/Proton/issues/8206 as review 62b read it): the same package, not an unknown release.
    expect(kernelFacts("6.11.5.arch1-1")).toMatchObject({
      distro: "arch",
      upstream: "6.11.5",
      package: { ecosystem: "arch", names: ["linux"], version: "6.11.5.arch1-1" },
    });
    expect(kernelFacts("6.11.5.zen1-1").package).toMatchObject({ names: ["linux-zen"], version: "6.11.5.zen1-1" });
    // The linux-lts form is the brief's example.
    expect(kernelFacts("6.6.59-1-lts").package).toMatchObject({ names: ["linux-lts"], version: "6.6.59-1" });
  });

  it("takes a plain kernel.org version at its word", () => {
    const k = kernelFacts("6.6.58");
    expect(k).toMatchObject({ upstream: "6.6.58", upstreamCertainty: "exact", distro: null, package: null });
  });

  it("derives upstream for Bottlerocket, Talos and COS kernels", () => {
    // https://github.com/bottlerocket-os/bottlerocket/pull/2790
    expect(kernelFacts("5.15.79", null, os("Bottlerocket OS 1.12.0 (aws-k8s-1.24)"))).toMatchObject({
      distro: "bottlerocket",
      upstream: "5.15.79",
      upstreamCertainty: "derived",
    });
    // https://github.com/siderolabs/talos/pull/873
    expect(kernelFacts("4.19.40-talos")).toMatchObject({ distro: "talos", upstream: "4.19.40", upstreamCertainty: "derived" });
    // https://github.com/kubearmor/KubeArmor/issues/2505
    expect(kernelFacts("6.12.55+", null, os("Container-Optimized OS from Google"))).toMatchObject({ distro: "cos", upstream: "6.12.55" });
    // https://github.com/kubernetes/kubernetes/issues/53215
    expect(kernelFacts("4.13.3-coreos-r1")).toMatchObject({ distro: "coreos", upstream: "4.13.3" });
  });
});
