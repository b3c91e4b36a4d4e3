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
