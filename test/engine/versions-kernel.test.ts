import { describe, expect, it } from "vitest";
import {
  branchEnd,
  compareKernel,
  isMainlineVersion,
  KERNEL_BRANCH_ENDS,
  kernelBranch,
  parseKernelVersion,
} from "../../src/engine/versions";

// Tag forms as kernel.org publishes them: mainline "v6.12-rc3" and "v6.12"
// (https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tag/?h=v6.12-rc3),
// stable "6.6.58" (https://cdn.kernel.org/pub/linux/kernel/v6.x/ChangeLog-6.6.58).

describe("compareKernel", () => {
  it("puts release candidates before the release and the release before its stable updates", () => {
    const ordered = ["6.12-rc1", "6.12-rc3", "6.12", "6.12.1", "6.12.10", "6.13-rc1"];
    for (let i = 0; i < ordered.length - 1; i++) {
      expect(compareKernel(ordered[i] as string, ordered[i + 1] as string), `${ordered[i]} < ${ordered[i + 1]}`).toBe(-1);
      expect(compareKernel(ordered[i + 1] as string, ordered[i] as string)).toBe(1);
    }
  });

  it("compares numerically, not as text", () => {
    expect(compareKernel("6.6.9", "6.6.58")).toBe(-1);
    expect(compareKernel("5.15.171", "6.1.90")).toBe(-1);
    expect(compareKernel("6.10", "6.9.12")).toBe(1);
  });

  it("treats 6.12 and 6.12.0 (and a leading v) as the same release", () => {
    expect(compareKernel("6.12", "6.12.0")).toBe(0);
    expect(compareKernel("v6.12-rc3", "6.12-rc3")).toBe(0);
    expect(compareKernel("5.15.0", "5.15")).toBe(0);
  });

  it("refuses strings that are not upstream versions instead of guessing", () => {
    expect(() => compareKernel("5.15.0-127-generic", "5.15.0")).toThrow(RangeError);
    expect(parseKernelVersion("6.8.0-56.58")).toBeNull();
    expect(parseKernelVersion("6.12-rc3")).toEqual({ major: 6, minor: 12, patch: 0, rc: 3 });
  });
});

describe("kernelBranch", () => {
  it("names the stable branch major.minor", () => {
    expect(kernelBranch("6.6.58")).toBe("6.6");
    expect(kernelBranch("5.15.0")).toBe("5.15");
    expect(kernelBranch("6.12-rc3")).toBe("6.12");
    expect(kernelBranch("not a version")).toBeNull();
  });

  it("tells mainline points from stable backports", () => {
    expect(isMainlineVersion("6.12")).toBe(true);
    expect(isMainlineVersion("6.12-rc3")).toBe(true);
    expect(isMainlineVersion("6.6.58")).toBe(false);
  });
});

describe("kernel.org branches that have ended", () => {
  it("gives each one its last release (where a mail names it), on its own branch, with the mail that says so, in branch order", () => {
    for (const end of KERNEL_BRANCH_ENDS) {
      if (end.last !== undefined) {
        expect(kernelBranch(end.last), end.branch).toBe(end.branch);
        expect(isMainlineVersion(end.last), end.branch).toBe(false);
      }
      expect(new Date(`${end.date}T00:00:00Z`).toISOString().slice(0, 10), end.branch).toBe(end.date);
      expect(end.source, end.branch).toMatch(/^https:\/\/lore\.kernel\.org\/all\/[^/\s]+@[^/\s]+\/$/);
    }
    const branches = KERNEL_BRANCH_ENDS.map((e) => e.branch);
    expect(branches).toEqual([...branches].sort((a, b) => compareKernel(a, b)));
    expect(new Set(branches).size).toBe(branches.length);
  });

  it("is found from any release of the branch, and not for a branch still maintained or not on record", () => {
    expect(branchEnd("6.4.4")).toMatchObject({ branch: "6.4", last: "6.4.16", date: "2023-09-13" });
    expect(branchEnd("6.4")).toMatchObject({ last: "6.4.16" });
    expect(branchEnd("6.6.64")).toBeUndefined();
    expect(branchEnd("6.4.4-arch1-1")).toBeUndefined();
  });
});
