import { beforeAll, describe, expect, it } from "vitest";
import type { CompiledKb } from "../../src/engine/compile-kb";
import { diagnoseBundle } from "../../src/engine/diagnose";
import { extractFacts } from "../../src/engine/facts";
import { loadDataKb } from "../support/data-kb";

// The failing host's kernel stated in forms the readers did not take (issue #10, session 73 task P): a module build's
// headers, a failure stated against a release, a claim with the OS between. Real engine, real knowledge base.
let kb: CompiledKb;
beforeAll(async () => {
  kb = (await loadDataKb()).compiled;
});
const verdictOf = (paste: string, id: string) => diagnoseBundle(kb, paste).findings.find((f) => f.id === id)?.verdict;

/** procps's line on a kernel without the sysctl: the tcp_tw_recycle record's own symptom. */
const TW_RECYCLE = "sysctl: cannot stat /proc/sys/net/ipv4/tcp_tw_recycle: No such file or directory";

describe("a module build's headers tree, entered through /lib/modules/`uname -r`/build", () => {
  // julbouln/tinydrm_it8951#1 (https://github.com/julbouln/tinydrm_it8951/issues/1), on a Raspberry Pi.
  const PI_BUILD = [
    "pi@raspberrypi:~/tinydrm_it8951 $ make",
    "make -C /lib/modules/`uname -r`/build M=$PWD",
    "make[1]: Entering directory '/usr/src/linux-headers-4.19.75+'",
    "  CC [M]  /home/pi/tinydrm_it8951/it8951.o",
    "make[1]: Leaving directory '/usr/src/linux-headers-4.19.75+'",
  ].join("\n");

  it("reads the headers' release as the running kernel's, named with its source", () => {
    expect(extractFacts(PI_BUILD).kernel).toMatchObject({ release: "4.19.75+", named: true, via: expect.stringContaining("module build") });
    // make's other quoting, `…', and $(uname -r) as a Makefile's recipe echoes it; Fedora's and Arch's trees.
    for (const [command, entered, release] of [
      [
        "make -C /lib/modules/$(uname -r)/build M=$(pwd) modules",
        "make[1]: Entering directory `/usr/src/linux-headers-4.15.0-20-generic'",
        "4.15.0-20-generic",
      ],
      [
        "make -C /lib/modules/$(shell uname -r)/build M=/root/mod modules",
        "make[1]: Entering directory '/usr/src/kernels/4.18.0-513.5.1.el8_9.x86_64'",
        "4.18.0-513.5.1.el8_9.x86_64",
      ],
      [
        "$ make -C /lib/modules/`uname -r`/build M=$PWD modules",
        "make: Entering directory '/usr/lib/modules/6.9.1-arch1-1/build'",
        "6.9.1-arch1-1",
      ],
    ])
      expect(extractFacts(`${command}\n${entered}`).kernel?.release, entered).toBe(release);
  });

  it("reads no release a build was handed, nor another make's tree", () => {
    for (const paste of [
      // The command with the release spelled out: DKMS and a Makefile's KVER build for any installed kernel
      // (hannesmann/gcadapter-oc-kmod#5, https://github.com/hannesmann/gcadapter-oc-kmod/issues/5).
      "make -C /lib/modules/5.4.0-58-generic/build M=/home/f-00/gcadapter-oc-kmod modules\nmake[1]: Entering directory '/usr/src/linux-headers-5.4.0-58-generic'",
      // No command above it: the tree may be any kernel's.
      "make[1]: Entering directory '/usr/src/linux-headers-5.4.0-58-generic'",
      // A tree a second make entered after the command's own: Debian's shared headers, or another directory first.
      "make -C /lib/modules/`uname -r`/build M=$PWD\nmake[1]: Entering directory '/home/pi/mod'\nmake[2]: Entering directory '/usr/src/linux-headers-5.4.0-58-generic'",
      "make -C /lib/modules/`uname -r`/build M=$PWD\nmake[1]: Entering directory '/usr/src/linux-headers-6.1.0-18-common'",
    ])
      expect(extractFacts(paste).kernel, paste).toBeNull();
  });

  it("judges the record on it, hedged as a kernel read from a tool's path", () => {
    const verdict = verdictOf(`${PI_BUILD}\n${TW_RECYCLE}`, "tcp-tw-recycle-removed-4.12");
    expect(verdict).toMatchObject({ status: "affected", certain: false });
    expect(verdict?.reason).toContain("module build");
    const handed = verdictOf(`${PI_BUILD.replace("`uname -r`", "4.19.75+")}\n${TW_RECYCLE}`, "tcp-tw-recycle-removed-4.12");
    expect(handed?.status).toBe("unknown");
  });
});

describe("an issue form's field for the host's system or its uname, answered with the kernel's release", () => {
  // Home Assistant OS's bug form asks "What version of Home Assistant Operating System is installed?"; its kernels carry the
  // local version "-haos" (home-assistant/operating-system#2912), so an answer opening with one names the kernel.
  const HAOS = (answer: string) =>
    [
      "### What version of Home Assistant Operating System is installed?",
      "",
      answer,
      "",
      "### Did the problem occur after upgrading the Operating System?",
      "",
      "Yes",
    ].join("\n");

  it("reads a release opening the answer, with its flavour, as typed", () => {
    expect(extractFacts(HAOS("6.12.57-haos, Home Assistant OS 16.3")).kernel).toMatchObject({
      release: "6.12.57-haos",
      named: true,
      via: expect.stringContaining("typed"),
    });
    // node_exporter's form asks for `uname -a` under the host's operating system; an answer cut after the release reads too.
    expect(
      extractFacts(
        "### Host operating system: output of `uname -a`\nLinux 6.6.0-rc1 self compiled, Debian otherwise\n\n### node_exporter version",
      ).kernel?.release,
    ).toBe("6.6.0-rc1");
    expect(extractFacts("### OS version\n\n`5.15.0-91-generic`").kernel?.release).toBe("5.15.0-91-generic");
  });

  it("reads no system's own version, no release inside words, and no field for another time or machine", () => {
    for (const paste of [
      // The system's own version (home-assistant/operating-system#4129's answer), or a distribution's with three numbers.
      HAOS("16.0rc2"),
      "### OS version\n\nAlpine 3.19.1",
      "### OS version\n\n3.19.1",
      // A release not opening the answer is the prose's to read, not the field's.
      "### Operating system\n\nUbuntu 22.04, upgraded last week to 5.15.0-91-generic",
      // Another time's or another machine's field.
      "### What was the last working version of Home Assistant Operating System?\n\n6.6.31-haos, Home Assistant OS 12.4",
      "### Client OS\n\n6.8.0-45-generic, Ubuntu 24.04",
      // Another machine of the setup: a client's bug asks of the server's system too (review 73i F8).
      "### NFS server operating system\n\n6.1.0-18-amd64, Debian 12 (bookworm)",
      // Two lines answer it: no one kernel.
      "### OS version\n\n6.8.0-45-generic (Ubuntu)\n6.8.0-47-generic (Ubuntu)",
    ])
      expect(extractFacts(paste).kernel?.release, paste).toBeUndefined();
  });

  it("judges the record on it, hedged as a typed answer", () => {
    const verdict = verdictOf(`${HAOS("6.6.44-haos, Home Assistant OS 13.0")}\n${TW_RECYCLE}`, "tcp-tw-recycle-removed-4.12");
    expect(verdict).toMatchObject({ status: "affected", certain: false });
  });
});

describe("a failure stated against one release beside another where things work", () => {
  const kernelOf = (text: string) => extractFacts(text).kernel;

  it("reads the release it fails on as the host's, the one it works on as none", () => {
    for (const sentence of [
      "It works on kernel 6.1.55, but fails on kernel 6.6.58.",
      "Mount failed on kernel 6.6.58. But it works on kernel 6.1.55.",
      "It works with kernel 6.1.55 and crashes with kernel 6.6.58",
      "Works fine on kernel 6.1.55 but is broken on the Linux kernel 6.6.58 since the upgrade",
    ])
      expect(kernelOf(sentence), sentence).toMatchObject({ release: "6.6.58", named: true });
  });

  it("reads none where the failure is denied, asked about, another's, or stated against two releases", () => {
    for (const sentence of [
      "It works fine on kernel 6.1.55; it no longer fails on kernel 6.6.58.",
      "It works on kernel 6.1.55 and does not fail on kernel 6.6.58.",
      "It works on kernel 6.1.55. Does it fail on kernel 6.6.58?",
      "It works on kernel 6.1.55; users say it fails on kernel 6.6.58.",
      // Someone else's report retold, the subject before the first release (review 73i F5).
      "Someone on the mailing list wrote that it works on kernel 6.1.55 but fails on kernel 6.6.58.",
      "The Flatcar issue says it fails on kernel 6.6.58 but works on kernel 6.6.59.",
      "According to the maintainer it fails on kernel 6.6.58 but works on kernel 6.6.59.",
      "It works on kernel 6.1.55 but crashes on kernel 6.6.58 and on kernel 6.6.59.",
      // A cure alone still leaves the failing kernel undecided.
      "Rolled back to kernel 6.1.55 and the corruption went away.",
    ])
      expect(kernelOf(sentence), sentence).toBeNull();
  });

  it("judges the record on the failing release, hedged as a sentence's", () => {
    const verdict = verdictOf(`It works on kernel 4.9.0 but fails on kernel 4.14.0:\n${TW_RECYCLE}`, "tcp-tw-recycle-removed-4.12");
    expect(verdict).toMatchObject({ status: "affected", certain: false });
    expect(verdict?.reason).toContain("4.14.0");
  });
});
