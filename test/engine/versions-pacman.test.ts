import { describe, expect, it } from "vitest";
import { comparePacman, parsePacmanVersion } from "../../src/engine/versions";

// pacman's test/util/vercmptest.sh (each runtest also checks the mirrored pair). Read from the copy in
// https://github.com/devkitPro/pacman/blob/0ac96d94ec3a8a2f3a3857810dbd9109c5cd3235/test/util/vercmptest.sh;
// the separator and epoch cases were added upstream later and were read from a current fork,
// https://github.com/ufolinux/kepler/blob/fb83ad4c26de49395fde4e6e25d42b0ced8f6b26/test/util/vercmptest.sh.
const VERCMPTEST: Array<[string, string, -1 | 0 | 1]> = [
  ["1.5.0", "1.5.0", 0],
  ["1.5.1", "1.5.0", 1],
  ["1.5.1", "1.5", 1],
  ["1.5.0-1", "1.5.0-1", 0],
  ["1.5.0-1", "1.5.0-2", -1],
  ["1.5.0-1", "1.5.1-1", -1],
  ["1.5.0-2", "1.5.1-1", -1],
  ["1.5-1", "1.5.1-1", -1],
  ["1.5-2", "1.5.1-1", -1],
  ["1.5-2", "1.5.1-2", -1],
  ["1.5", "1.5-1", 0],
  ["1.5-1", "1.5", 0],
  ["1.1-1", "1.1", 0],
  ["1.0-1", "1.1", -1],
  ["1.1-1", "1.0", 1],
  ["1.5b-1", "1.5-1", -1],
  ["1.5b", "1.5", -1],
  ["1.5b-1", "1.5", -1],
  ["1.5b", "1.5.1", -1],
  ["1.0a", "1.0alpha", -1],
  ["1.0alpha", "1.0b", -1],
  ["1.0b", "1.0beta", -1],
  ["1.0beta", "1.0rc", -1],
  ["1.0rc", "1.0", -1],
  ["1.5.a", "1.5", 1],
  ["1.5.b", "1.5.a", 1],
  ["1.5.1", "1.5.b", 1],
  ["1.5.b-1", "1.5.b", 0],
  ["1.5-1", "1.5.b", -1],
  ["2.0", "2_0", 0],
  ["2.0_a", "2_0.a", 0],
  ["2.0a", "2.0.a", -1],
  ["2___a", "2_a", 1],
  ["0:1.0", "0:1.0", 0],
  ["0:1.0", "0:1.1", -1],
  ["1:1.0", "0:1.0", 1],
  ["1:1.0", "0:1.1", 1],
  ["1:1.0", "2:1.1", -1],
  ["1:1.0", "0:1.0-1", 1],
  ["1:1.0-1", "0:1.1-1", 1],
  ["0:1.0", "1.0", 0],
  ["0:1.0", "1.1", -1],
  ["0:1.1", "1.0", 1],
  ["1:1.0", "1.0", 1],
  ["1:1.0", "1.1", 1],
  ["1:1.1", "1.1", 1],
];

describe("comparePacman: pacman's vercmptest.sh", () => {
  it.each(VERCMPTEST)("vercmp %s %s = %i", (a, b, expected) => {
    expect(comparePacman(a, b)).toBe(expected);
    expect(comparePacman(b, a)).toBe(-expected || 0);
  });
});

describe("comparePacman: Arch kernel packages", () => {
  it("orders linux package versions (pkgver with .archN, then pkgrel)", () => {
    // linux-6.10.arch1-2: https://github.com/Scrut1ny/Hypervisor-Phantom/blob/main/resources/scripts/Linux/arch_kernel_downgrade.sh
    // linux 6.11.1.arch1-1: https://github.com/lcpu-club/loongarch-packages/pull/116
    // 6.15.9.arch1-1.1 (a rebuild with a dotted pkgrel): https://forum.garudalinux.org/t/patch-for-linux-6-15s-btrfs-regression-available/45430
    expect(comparePacman("6.10.arch1-2", "6.11.1.arch1-1")).toBe(-1);
    // A numeric segment beats an alpha one: "6.10.arch1" is older than any 6.10.x.arch1.
    expect(comparePacman("6.10.arch1-2", "6.10.1.arch1-1")).toBe(-1);
    expect(comparePacman("6.11.1.arch1-1", "6.15.9.arch1-1.1")).toBe(-1);
    expect(comparePacman("6.15.9.arch1-1.1", "6.15.9.arch1-1")).toBe(1);
    expect(parsePacmanVersion("6.11.6.arch1-1")).toEqual({ epoch: "0", pkgver: "6.11.6.arch1", pkgrel: "1" });
  });
});
