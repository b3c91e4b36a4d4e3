import { describe, expect, it } from "vitest";
import { compareRpmEvr, parseRpmEvr, rpmvercmp } from "../../src/engine/versions";

// Every RPMVERCMP(a, b, expected) line of rpm's own test suite, tests/rpmvercmp.at:
// https://github.com/rpm-software-management/rpm/blob/7f3fdf6868d72fbdef3386345ff39b3744fa4b14/tests/rpmvercmp.at
const RPMVERCMP_AT: Array<[string, string, -1 | 0 | 1]> = [
  ["1.0", "1.0", 0],
  ["1.0", "2.0", -1],
  ["2.0", "1.0", 1],
  ["2.0.1", "2.0.1", 0],
  ["2.0", "2.0.1", -1],
  ["2.0.1", "2.0", 1],
  ["2.0.1a", "2.0.1a", 0],
  ["2.0.1a", "2.0.1", 1],
  ["2.0.1", "2.0.1a", -1],
  ["5.5p1", "5.5p1", 0],
  ["5.5p1", "5.5p2", -1],
  ["5.5p2", "5.5p1", 1],
  ["5.5p10", "5.5p10", 0],
  ["5.5p1", "5.5p10", -1],
  ["5.5p10", "5.5p1", 1],
  ["10xyz", "10.1xyz", -1],
  ["10.1xyz", "10xyz", 1],
  ["xyz10", "xyz10", 0],
  ["xyz10", "xyz10.1", -1],
  ["xyz10.1", "xyz10", 1],
  ["xyz.4", "xyz.4", 0],
  ["xyz.4", "8", -1],
  ["8", "xyz.4", 1],
  ["xyz.4", "2", -1],
  ["2", "xyz.4", 1],
  ["5.5p2", "5.6p1", -1],
  ["5.6p1", "5.5p2", 1],
  ["5.6p1", "6.5p1", -1],
  ["6.5p1", "5.6p1", 1],
  ["6.0.rc1", "6.0", 1],
  ["6.0", "6.0.rc1", -1],
  ["10b2", "10a1", 1],
  ["10a2", "10b2", -1],
  ["1.0aa", "1.0aa", 0],
  ["1.0a", "1.0aa", -1],
  ["1.0aa", "1.0a", 1],
  ["10.0001", "10.0001", 0],
  ["10.0001", "10.1", 0],
  ["10.1", "10.0001", 0],
  ["10.0001", "10.0039", -1],
  ["10.0039", "10.0001", 1],
  ["4.999.9", "5.0", -1],
  ["5.0", "4.999.9", 1],
  ["20101121", "20101121", 0],
  ["20101121", "20101122", -1],
  ["20101122", "20101121", 1],
  ["2_0", "2_0", 0],
  ["2.0", "2_0", 0],
  ["2_0", "2.0", 0],
  // RhBug:178798
  ["a", "a", 0],
  ["a+", "a+", 0],
  ["a+", "a_", 0],
  ["a_", "a+", 0],
  ["+a", "+a", 0],
  ["+a", "_a", 0],
  ["_a", "+a", 0],
  ["+_", "+_", 0],
  ["_+", "+_", 0],
  ["_+", "_+", 0],
  ["+", "_", 0],
  ["_", "+", 0],
  // tilde sorting
  ["1.0~rc1", "1.0~rc1", 0],
  ["1.0~rc1", "1.0", -1],
  ["1.0", "1.0~rc1", 1],
  ["1.0~rc1", "1.0~rc2", -1],
  ["1.0~rc2", "1.0~rc1", 1],
  ["1.0~rc1~git123", "1.0~rc1~git123", 0],
  ["1.0~rc1~git123", "1.0~rc1", -1],
  ["1.0~rc1", "1.0~rc1~git123", 1],
  // caret sorting
  ["1.0^", "1.0^", 0],
  ["1.0^", "1.0", 1],
  ["1.0", "1.0^", -1],
  ["1.0^git1", "1.0^git1", 0],
  ["1.0^git1", "1.0", 1],
  ["1.0", "1.0^git1", -1],
  ["1.0^git1", "1.0^git2", -1],
  ["1.0^git2", "1.0^git1", 1],
  ["1.0^git1", "1.01", -1],
  ["1.01", "1.0^git1", 1],
  ["1.0^20160101", "1.0^20160101", 0],
  ["1.0^20160101", "1.0.1", -1],
  ["1.0.1", "1.0^20160101", 1],
  ["1.0^20160101^git1", "1.0^20160101^git1", 0],
  ["1.0^20160102", "1.0^20160101^git1", 1],
  ["1.0^20160101^git1", "1.0^20160102", -1],
  // tilde and caret together
  ["1.0~rc1^git1", "1.0~rc1^git1", 0],
  ["1.0~rc1^git1", "1.0~rc1", 1],
  ["1.0~rc1", "1.0~rc1^git1", -1],
  ["1.0^git1~pre", "1.0^git1~pre", 0],
  ["1.0^git1", "1.0^git1~pre", 1],
  ["1.0^git1~pre", "1.0^git1", -1],
];

// The "oddities" block rpm keeps commented out to document current behaviour (RhBug:811992 and
// non-ASCII characters counting as separators); an exact port must reproduce them too.
const RPMVERCMP_ODDITIES: Array<[string, string, -1 | 0 | 1]> = [
  ["1b.fc17", "1b.fc17", 0],
  ["1b.fc17", "1.fc17", -1],
  ["1.fc17", "1b.fc17", 1],
  ["1g.fc17", "1g.fc17", 0],
  ["1g.fc17", "1.fc17", 1],
  ["1.fc17", "1g.fc17", -1],
  ["1.1.α", "1.1.α", 0],
  ["1.1.α", "1.1.β", 0],
  ["1.1.β", "1.1.α", 0],
  ["1.1.αα", "1.1.α", 0],
  ["1.1.α", "1.1.ββ", 0],
  ["1.1.ββ", "1.1.αα", 0],
];

describe("rpmvercmp: rpm's tests/rpmvercmp.at", () => {
  it.each(RPMVERCMP_AT)("rpmvercmp(%s, %s) = %i", (a, b, expected) => {
    expect(rpmvercmp(a, b)).toBe(expected);
  });

  it.each(RPMVERCMP_ODDITIES)("documented oddity rpmvercmp(%s, %s) = %i", (a, b, expected) => {
    expect(rpmvercmp(a, b)).toBe(expected);
  });
});

describe("compareRpmEvr: kernel package versions", () => {
  it("orders RHEL 9 kernels by release", () => {
    // kernel-5.14.0-427.13.1.el9_4: https://github.com/dynup/kpatch/pull/1388
    // kernel-5.14.0-407.el9 and -410.el9: https://github.com/systemd/systemd-centos-ci/pull/695
    // kernel-5.14.0-412.el9: https://github.com/systemd/systemd-centos-ci/pull/701
    expect(compareRpmEvr("5.14.0-407.el9", "5.14.0-410.el9")).toBe(-1);
    expect(compareRpmEvr("5.14.0-412.el9", "5.14.0-427.13.1.el9_4")).toBe(-1);
    expect(compareRpmEvr("5.14.0-427.13.1.el9_4", "5.14.0-427.13.1.el9_4")).toBe(0);
  });

  it("orders CentOS 7 kernels, including z-stream releases", () => {
    // 3.10.0-1127 and 3.10.0-1160 (CentOS 7.9): https://github.com/ROCm/legacy-rocm-build/issues/1615
    // 3.10.0-1160.119.1.el7: https://github.com/strongtz/i915-sriov-dkms/issues/185
    expect(compareRpmEvr("3.10.0-1127.el7", "3.10.0-1160.el7")).toBe(-1);
    expect(compareRpmEvr("3.10.0-1160.el7", "3.10.0-1160.119.1.el7")).toBe(-1);
    expect(compareRpmEvr("3.10.0-1160.119.1.el7", "5.14.0-407.el9")).toBe(-1);
  });

  it("compares the epoch first and treats a missing epoch as 0", () => {
    expect(compareRpmEvr("1:3.10.0-1160.el7", "5.14.0-427.13.1.el9_4")).toBe(1);
    expect(compareRpmEvr("0:5.14.0-407.el9", "5.14.0-407.el9")).toBe(0);
  });

  it("puts a version without release below the same version with one (rpmverCmp)", () => {
    expect(compareRpmEvr("5.14.0", "5.14.0-407.el9")).toBe(-1);
    expect(parseRpmEvr("1:5.14.0-427.13.1.el9_4")).toEqual({ epoch: "1", version: "5.14.0", release: "427.13.1.el9_4" });
    expect(parseRpmEvr("3.10.0")).toEqual({ epoch: null, version: "3.10.0", release: null });
  });
});
