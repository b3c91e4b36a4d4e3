import { describe, expect, it } from "vitest";
import { kernelFacts } from "../../src/engine/facts/kernel-facts";
import { parseProcVersion, parseUname, parseUnameAll, parseVersionSignature } from "../../src/engine/facts/uname";

describe("uname -a", () => {
  it("splits host, release, build and machine", () => {
    // https://github.com/yukinakanaka/tetragon-mini/pull/11
    expect(
      parseUnameAll(
        "Linux lima-tetragon-mini 6.8.0-55-generic #57-Ubuntu SMP PREEMPT_DYNAMIC Wed Feb 12 23:20:18 UTC 2025 aarch64 aarch64 aarch64 GNU/Linux",
      ),
    ).toEqual({
      release: "6.8.0-55-generic",
      build: "#57-Ubuntu SMP PREEMPT_DYNAMIC Wed Feb 12 23:20:18 UTC 2025",
      machine: "aarch64",
      hostname: "lima-tetragon-mini",
    });
  });

  it("stops the build at the machine even when a processor name with spaces follows", () => {
    // https://github.com/kubernetes/kubernetes/issues/53215
    const u = parseUnameAll(
      "Linux ip-172-16-203-31 4.13.3-coreos-r1 #1 SMP Tue Sep 26 23:51:59 UTC 2017 x86_64 Intel(R) Xeon(R) CPU E5-2686 v4 @ 2.30GHz GenuineIntel GNU/Linux",
    );
    expect(u).toMatchObject({ release: "4.13.3-coreos-r1", build: "#1 SMP Tue Sep 26 23:51:59 UTC 2017", machine: "x86_64" });
  });

  it("reads a Debian build with its package version", () => {
    // https://github.com/SaschaWillems/glCapsViewer/issues/29
    expect(parseUnameAll("Linux debian 5.6.0-1-amd64 #1 SMP Debian 5.6.7-1 (2020-04-29) x86_64 GNU/Linux")).toMatchObject({
      release: "5.6.0-1-amd64",
      build: "#1 SMP Debian 5.6.7-1 (2020-04-29)",
      machine: "x86_64",
    });
  });

  it("rejects lines that only start with Linux", () => {
    expect(parseUnameAll("Linux is an OS that works well")).toBeNull();
    // A klog line that mentions Linux, https://github.com/kubernetes/kubernetes/issues/66454
    expect(
      parseUname('W0720 05:19:33.061016       1 server_others.go:289] Flag proxy-mode="" unknown, assuming iptables proxy'),
    ).toBeNull();
  });
});

describe("/proc/version and /proc/version_signature", () => {
  it("takes release and build around the compiler string", () => {
    // https://github.com/SaschaWillems/glCapsViewer/issues/29
    expect(
      parseProcVersion(
        "Linux version 5.6.0-1-amd64 (debian-kernel@lists.debian.org) (gcc version 9.3.0 (Debian 9.3.0-11)) #1 SMP Debian 5.6.7-1 (2020-04-29)",
      ),
    ).toMatchObject({ release: "5.6.0-1-amd64", build: "#1 SMP Debian 5.6.7-1 (2020-04-29)" });
    // https://github.com/DE-IBH/apt-dater-host/pull/1
    expect(
      parseProcVersion(
        "Linux version 3.2.0-31-generic (buildd@allspice) (gcc version 4.6.3 (Ubuntu/Linaro 4.6.3-1ubuntu5) ) #50-Ubuntu SMP Fri Sep 7 16:16:45 UTC 2012",
      ),
    ).toMatchObject({ release: "3.2.0-31-generic", build: "#50-Ubuntu SMP Fri Sep 7 16:16:45 UTC 2012" });
  });

  it("splits the version signature", () => {
    // https://github.com/DE-IBH/apt-dater-host/pull/1
    expect(parseVersionSignature("Ubuntu 3.2.0-31.50-generic 3.2.28")).toEqual({
      packageVersion: "3.2.0-31.50",
      flavour: "generic",
      upstream: "3.2.28",
      release: "3.2.0-31-generic",
    });
  });
});

describe("uname -r and uname -v alone", () => {
  it("recognises each by shape", () => {
    // https://github.com/canonical/github-runner-operator/pull/80
    expect(parseUname("5.15.0-76-generic")).toMatchObject({ release: "5.15.0-76-generic", build: null });
    expect(parseUname("#83-Ubuntu SMP Thu Jun 15 19:16:32 UTC 2023")).toMatchObject({
      release: null,
      build: "#83-Ubuntu SMP Thu Jun 15 19:16:32 UTC 2023",
    });
    // An RPM release names its machine: https://github.com/wazuh/wazuh/issues/38797
    expect(parseUname("5.14.0-362.8.1.el9_3.x86_64")).toMatchObject({ machine: "x86_64" });
  });

  it("reads uname -rv and uname -sr", () => {
    expect(parseUname("5.15.0-76-generic #83-Ubuntu SMP Thu Jun 15 19:16:32 UTC 2023")).toMatchObject({
      release: "5.15.0-76-generic",
      build: "#83-Ubuntu SMP Thu Jun 15 19:16:32 UTC 2023",
    });
    expect(parseUname("Linux 5.15.0-76-generic")).toMatchObject({ release: "5.15.0-76-generic", hostname: null });
    // uname -srmo, no host name between the system and the release.
    expect(parseUname("Linux 5.11.13-arch2-1 x86_64 GNU/Linux")).toMatchObject({
      release: "5.11.13-arch2-1",
      machine: "x86_64",
      hostname: null,
    });
    expect(parseUname("Linux 5.11.13-arch2-1 x86_64 is what I run")).toBeNull();
    expect(parseUname("Linux 6.6.60 GNU/Linux")).toMatchObject({ release: "6.6.60", machine: null });
  });

  it("reads uname -snr[mo]: a host name, the release, then at most the machine and the OS", () => {
    // uname prints its fields in a fixed order (s n r v m p i o); a BeagleBone's `uname -snr` and a Debian laptop's `uname -snrmo`.
    expect(parseUname("Linux beaglebone 3.8.13-bone47")).toMatchObject({ release: "3.8.13-bone47", hostname: "beaglebone", build: null });
    expect(parseUname("Linux debian 6.1.0-28-amd64 x86_64 GNU/Linux")).toMatchObject({ release: "6.1.0-28-amd64", machine: "x86_64" });
    expect(parseUname("Linux kernel 5.4.3")).toBeNull();
    expect(parseUname("Linux Kernel: 5.4.0-42-generic")).toBeNull();
    expect(parseUname("Linux x86_64 5.4.0-42-generic")).toBeNull();
    expect(parseUname("8.8.8.8")).toBeNull();
    expect(parseUname("Linux debian 6.1.0-28-amd64 is what we run")).toBeNull();
  });

  it("takes a vendor's local version glued to the sublevel", () => {
    // Berryboot's Raspberry Pi kernel, as usb-devices prints it ("Manufacturer=Linux 4.9.26v7-aufs dwc_otg_hcd"),
    // ubuntuforums.org thread "USB WiFi Adapter won't install", 2017-07-10.
    expect(parseUname("4.9.26v7-aufs")).toMatchObject({ release: "4.9.26v7-aufs" });
    expect(kernelFacts("4.9.26v7-aufs")).toMatchObject({ upstream: "4.9.26", upstreamCertainty: "derived", flavour: "v7-aufs" });
  });

  it("does not take other programs' versions for a kernel", () => {
    // "iptables v1.8.8 (nf_tables)", https://github.com/k0sproject/k0s/issues/2157; Windows node kernel from
    // https://github.com/Azure/AKS/issues/2749
    expect(parseUname("iptables v1.8.8 (nf_tables)")).toBeNull();
    expect(parseUname("10.0.17763.2366")).toBeNull();
  });
});
