import { describe, expect, it } from "vitest";
import { compareDpkg, parseDpkgVersion, ubuntuKernelAbi } from "../../src/engine/versions";

// Vectors from dpkg's own test suites:
// - https://github.com/guillemj/dpkg/blob/061c572fdade80049d96db839d60d89e7387f607/scripts/t/Dpkg_Version.t
//   (the __DATA__ table "a b expected"; lib/dpkg/t/t-version.c itself has only a handful of compare cases)
// - https://github.com/guillemj/dpkg/blob/0d609e2c8c0070310b531d2d470f79044121bea8/lib/dpkg/t/t-version.c
//   (test_version_compare and test_version_parse)
const DPKG_VERSION_T: Array<[string, string, -1 | 0 | 1]> = [
  ["1.0-1", "2.0-2", -1],
  ["2.2~rc-4", "2.2-1", -1],
  ["2.2-1", "2.2~rc-4", 1],
  ["1.0000-1", "1.0-1", 0],
  ["1", "0:1", 0],
  ["0", "0:0-0", 0],
  ["2:2.5", "1:7.5", 1],
  ["1:0foo", "0foo", 1],
  ["0:0foo", "0foo", 0],
  ["0foo", "0foo", 0],
  ["0foo-", "0foo", 0],
  ["0foo-", "0foo-0", 0],
  ["0foo", "0fo", 1],
  ["0foo-", "0foo+", -1],
  ["0foo~1", "0foo", -1],
  ["0foo~foo+Bar", "0foo~foo+bar", -1],
  ["0foo~~", "0foo~", -1],
  ["1~", "1", -1],
  ["12345+that-really-is-some-ver-0", "12345+that-really-is-some-ver-10", -1],
  ["0foo-0", "0foo-01", -1],
  ["0foo.bar", "0foobar", 1],
  ["0foo.bar", "0foo1bar", 1],
  ["0foo.bar", "0foo0bar", 1],
  ["0foo1bar-1", "0foobar-1", -1],
  ["0foo2.0", "0foo2", 1],
  ["0foo2.0.0", "0foo2.10.0", -1],
  ["0foo2.0", "0foo2.0.0", -1],
  ["0foo2.0", "0foo2.10", -1],
  ["0foo2.1", "0foo2.10", -1],
  ["1.09", "1.9", 0],
  ["1.0.8+nmu1", "1.0.8", 1],
  ["3.11", "3.10+nmu1", 1],
  ["0.9j-20080306-4", "0.9i-20070324-2", 1],
  ["1.2.0~b7-1", "1.2.0~b6-1", 1],
  ["1.011-1", "1.06-2", 1],
  ["0.0.9+dfsg1-1", "0.0.8+dfsg1-3", 1],
  ["4.6.99+svn6582-1", "4.6.99+svn6496-1", 1],
  ["53", "52", 1],
  ["0.9.9~pre122-1", "0.9.9~pre111-1", 1],
  ["2:2.3.2-2+lenny2", "2:2.3.2-2", 1],
  ["1:3.8.1-1", "3.8.GA-1", 1],
  ["1.0.1+gpl-1", "1.0.1-2", 1],
  ["1a", "1000a", -1],
  ["-0.6.5", "0.9.1", -1],
];

describe("compareDpkg: dpkg's Dpkg_Version.t table", () => {
  it.each(DPKG_VERSION_T)("%s vs %s => %i", (a, b, expected) => {
    expect(compareDpkg(a, b)).toBe(expected);
    expect(compareDpkg(b, a)).toBe(-expected || 0);
  });
});

describe("compareDpkg: dpkg's t-version.c", () => {
  it("orders by epoch first, then upstream, then revision", () => {
    expect(compareDpkg("0:0-0", "1:0-0")).toBe(-1);
    expect(compareDpkg("0:a-0", "0:b-0")).toBe(-1);
    expect(compareDpkg("0:0-a", "0:0-b")).toBe(-1);
    expect(compareDpkg("0:0-00", "0:00-0")).toBe(0);
    expect(compareDpkg("1:2-3", "1:2-3")).toBe(0);
  });

  it("parses like parseversion(): first colon, last hyphen, surrounding blanks ignored", () => {
    expect(parseDpkgVersion("0:0-0-0")).toEqual({ epoch: 0, upstream: "0-0", revision: "0" });
    expect(parseDpkgVersion("0:0:0-0")).toEqual({ epoch: 0, upstream: "0:0", revision: "0" });
    expect(parseDpkgVersion("0:09azAZ.-+~:-0")).toEqual({ epoch: 0, upstream: "09azAZ.-+~:", revision: "0" });
    expect(compareDpkg("  \t0:0-1", "0:0-1\t  ")).toBe(0);
    expect(compareDpkg("5:1", "5:1-")).toBe(0);
  });
});

describe("compareDpkg: Ubuntu kernel package versions", () => {
  it("orders uploads of the jammy kernel", () => {
    // 5.15.0-124.134, -125.135, -126.136 named in
    // https://lore.kernel.org/all/5E724FB8-8844-4F92-B1D5-423E6174E996@b-data.ch/
    // 5.15.0-127.137 is the fixed version of CVE-2024-47685 for jammy in
    // https://scout.docker.com/v/CVE-2024-47685?s=ubuntu&n=linux&ns=ubuntu&t=deb&osn=ubuntu&osv=22.04&vr=%3C5.15.0-127.137
    expect(compareDpkg("5.15.0-126.136", "5.15.0-127.137")).toBe(-1);
    expect(compareDpkg("5.15.0-124.134", "5.15.0-125.135")).toBe(-1);
    expect(compareDpkg("5.15.0-127.137", "5.15.0-127.137")).toBe(0);
  });

  it("puts an HWE backport (~18.04.1) just before the same upload in its own release", () => {
    // "5.4.0-148.165~18.04.1", the bionic linux-hwe-5.4 kernel: https://github.com/cirros-dev/cirros/pull/103
    expect(compareDpkg("5.4.0-148.165~18.04.1", "5.4.0-148.165")).toBe(-1);
    // "5.4.0-54.60", focal's kernel: https://github.com/rancher/k3os-kernel/pull/28 (148 > 54 as numbers)
    expect(compareDpkg("5.4.0-148.165~18.04.1", "5.4.0-54.60")).toBe(1);
  });

  it("cuts a kernel version to its ABI", () => {
    expect(ubuntuKernelAbi("5.15.0-127.137")).toBe("5.15.0-127");
    expect(ubuntuKernelAbi("5.4.0-148.165~18.04.1")).toBe("5.4.0-148");
    expect(ubuntuKernelAbi("5.15.0-127")).toBe("5.15.0-127");
  });
});
