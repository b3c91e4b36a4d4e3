import { describe, expect, it } from "vitest";
import { type AffectedRange, evaluateRanges } from "../../src/engine/versions";

const range = (introduced: string, upper: { fixed?: string; lastAffected?: string }, source: string, verified = true): AffectedRange => ({
  introduced,
  ...upper,
  verified,
  source,
});

describe("evaluateRanges: upstream stable-branch ranges (linux)", () => {
  // Fixture: the per-branch ranges the engine's specification uses as its worked example (a
  // regression backported to four stable branches and fixed two releases later on each).
  const src = "https://example.org/fixture";
  const ranges = [
    range("5.15.168", { fixed: "5.15.170" }, src),
    range("6.1.113", { fixed: "6.1.115" }, src),
    range("6.6.57", { fixed: "6.6.59" }, src),
    range("6.11.4", { fixed: "6.11.6" }, src),
  ];
  const evaluate = (v: string) => evaluateRanges("linux", v, ranges);

  it("reports versions inside a branch's range as affected, naming the range", () => {
    expect(evaluate("5.15.168")).toMatchObject({ status: "affected", certain: true, range: ranges[0] });
    expect(evaluate("5.15.169")).toMatchObject({ status: "affected", reason: "5.15.169 is in 5.15.168 ≤ v < 5.15.170" });
    expect(evaluate("6.6.58")).toMatchObject({ status: "affected", reason: "6.6.58 is in 6.6.57 ≤ v < 6.6.59", range: ranges[2] });
  });

  it("says the fix is on your branch once you reach it", () => {
    expect(evaluate("5.15.170")).toMatchObject({
      status: "not-affected",
      reason: "fixed in 5.15.170 on your 5.15 branch",
      range: ranges[0],
    });
    expect(evaluate("5.15.171")).toMatchObject({ status: "not-affected", reason: "fixed in 5.15.170 on your 5.15 branch" });
    expect(evaluate("6.6.59")).toMatchObject({ status: "not-affected", reason: "fixed in 6.6.59 on your 6.6 branch" });
    expect(evaluate("6.11.6")).toMatchObject({ status: "not-affected", reason: "fixed in 6.11.6 on your 6.11 branch", range: ranges[3] });
  });

  it("says a version predates the regression on its branch", () => {
    const result = evaluate("6.1.90");
    expect(result).toMatchObject({ status: "not-affected", reason: "before 6.1.113, the first affected version", certain: true });
    expect(result.range).toBe(ranges[1]);
  });

  it("says when a branch has no range at all, instead of calling it 'before' a backport", () => {
    const result = evaluate("5.10.230");
    expect(result).toMatchObject({ status: "not-affected", reason: "no affected range on the 5.10 branch", certain: true });
    expect(result.range).toBeUndefined();
    expect(result.unverified).toBeUndefined();
  });

  it("cannot place a version that is not upstream and says so", () => {
    // uname -r of an Ubuntu kernel is not an upstream version: "5.15.0-127-generic".
    expect(evaluate("5.15.0-127-generic")).toMatchObject({ status: "unknown", certain: false });
  });
});

describe("evaluateRanges: mainline-bounded ranges (linux)", () => {
  // Fixture: a regression that entered in the 6.9 merge window and was fixed for 6.10.
  const ranges = [range("6.9", { fixed: "6.10" }, "https://example.org/fixture")];

  it("places whole branches before and after a mainline range", () => {
    expect(evaluateRanges("linux", "6.9.5", ranges)).toMatchObject({ status: "affected", reason: "6.9.5 is in 6.9 ≤ v < 6.10" });
    // A release candidate of the first affected release: a mainline change lands in its merge window (audit 36c).
    expect(evaluateRanges("linux", "6.9-rc2", ranges)).toMatchObject({
      status: "unknown",
      reason: expect.stringMatching(/^6\.9-rc2 is a pre-release of 6\.9, the first affected release/),
    });
    expect(evaluateRanges("linux", "6.8-rc7", ranges)).toMatchObject({ status: "not-affected" });
    // So is one of the release that fixed it (review 36d: "affected").
    expect(evaluateRanges("linux", "6.10-rc7", ranges)).toMatchObject({
      status: "unknown",
      reason: expect.stringMatching(/^6\.10-rc7 is a pre-release of 6\.10, the first fixed release/),
    });
    expect(evaluateRanges("linux", "6.6.58", ranges)).toMatchObject({
      status: "not-affected",
      reason: "before 6.9, the first affected version",
    });
    expect(evaluateRanges("linux", "6.11.6", ranges)).toMatchObject({
      status: "not-affected",
      reason: "fixed in 6.10, before your 6.11 branch began",
    });
    expect(evaluateRanges("linux", "6.10.3", ranges)).toMatchObject({
      status: "not-affected",
      reason: "fixed in 6.10 on your 6.10 branch",
    });
  });

  it("does not call an older branch 'before' the mainline start when stable backports took the change to older branches", () => {
    // A 5.16 mainline change backported to 5.15.11 and 4.14.259: a 4.9 kernel is outside because 4.9 got no backport.
    const backported = [
      range("5.16", { lastAffected: "5.16.20" }, "https://example.org/fixture"),
      range("5.15.11", { fixed: "5.15.38" }, "https://example.org/fixture"),
      range("4.14.259", { fixed: "4.14.282" }, "https://example.org/fixture"),
    ];
    // Older than every branch the change is recorded on: not affected unless that branch took an unrecorded
    // backport (the bug's own symptom then makes it unknown), so not certain, at the level of what it rests on.
    expect(evaluateRanges("linux", "4.9.300", backported)).toMatchObject({
      status: "not-affected",
      reason:
        "no affected range on the 4.9 branch: the 5.16 mainline change is recorded on stable branches from 4.14.259 on, and a 4.9.y backport is not recorded",
      certain: false,
      unlessBackported: true,
    });
    // Between backported branches, with no range of its own: said so.
    expect(evaluateRanges("linux", "4.16.18", backported)).toMatchObject({
      status: "not-affected",
      reason: "no affected range on the 4.16 branch",
    });
    expect(evaluateRanges("linux", "4.14.270", backported)).toMatchObject({ status: "affected" });
    const reportedFix: AffectedRange = {
      introduced: "6.19.12",
      fixed: "6.19.14",
      evidence: "verified",
      fixedEvidence: "reported",
      source: "https://example.org/fixture",
    };
    const mainline: AffectedRange = { introduced: "7.0", fixed: "7.0.2", evidence: "verified", source: "https://example.org/fixture" };
    expect(evaluateRanges("linux", "6.6.50", [mainline, reportedFix])).toMatchObject({ status: "not-affected", level: "verified" });
    // A backport start on one report does not weaken what the mainline start establishes for older kernels.
    const reportedStart: AffectedRange = {
      introduced: "6.1.135",
      fixed: "6.1.140",
      evidence: "reported",
      source: "https://example.org/fixture",
    };
    const corroborated: AffectedRange = {
      introduced: "6.12",
      evidence: "corroborated",
      source: "https://example.org/a",
    };
    expect(evaluateRanges("linux", "5.15.0", [corroborated, reportedStart])).toMatchObject({
      status: "not-affected",
      level: "corroborated",
      unlessBackported: true,
    });
  });

  it("treats introduced 0 as every earlier version", () => {
    const since = [range("0", { fixed: "6.6.59" }, "https://example.org/fixture")];
    expect(evaluateRanges("linux", "5.10.230", since)).toMatchObject({
      status: "affected",
      reason: "5.10.230 is before 6.6.59, where it was fixed",
    });
  });

  it("refuses to conclude when a recorded bound is unreadable", () => {
    const broken = [range("6.6.57", { fixed: "6.6.y" }, "https://example.org/fixture")];
    expect(evaluateRanges("linux", "6.6.60", broken)).toMatchObject({ status: "unknown", certain: false });
  });
});

describe("evaluateRanges: distro kernels", () => {
  it("rhel:9 — kernel-5.14.0-410.el9 broke XFS with kexec, fixed in -414", () => {
    // "kernel-5.14.0-410.el9.x86_64 corrupts the XFS file system if used together with kexec":
    // https://github.com/systemd/systemd-centos-ci/pull/695 ; "The fixed version is -414":
    // https://github.com/systemd/systemd-centos-ci/pull/701
    const ranges = [range("5.14.0-410.el9", { fixed: "5.14.0-414.el9" }, "https://issues.redhat.com/browse/RHEL-22465")];
    expect(evaluateRanges("rpm", "5.14.0-407.el9", ranges)).toMatchObject({
      status: "not-affected",
      reason: "5.14.0-407.el9 is before 5.14.0-410.el9, the first affected version",
    });
    expect(evaluateRanges("rpm", "5.14.0-412.el9", ranges)).toMatchObject({ status: "affected", certain: true });
    // kernel-5.14.0-427.13.1.el9_4: https://github.com/dynup/kpatch/pull/1388
    expect(evaluateRanges("rpm", "5.14.0-427.13.1.el9_4", ranges)).toMatchObject({
      status: "not-affected",
      reason: "fixed in 5.14.0-414.el9; 5.14.0-427.13.1.el9_4 is at or after it",
    });
  });

  it("ubuntu:22.04 — a fix with no lower bound (CVE-2024-47685, fixed in 5.15.0-127.137)", () => {
    const scout = "https://scout.docker.com/v/CVE-2024-47685?s=ubuntu&n=linux&ns=ubuntu&t=deb&osn=ubuntu&osv=22.04&vr=%3C5.15.0-127.137";
    const ranges = [range("0", { fixed: "5.15.0-127.137" }, scout)];
    expect(evaluateRanges("dpkg", "5.15.0-126.136", ranges)).toMatchObject({
      status: "affected",
      reason: "5.15.0-126.136 is before 5.15.0-127.137, where it was fixed",
    });
    expect(evaluateRanges("dpkg", "5.15.0-127.137", ranges)).toMatchObject({ status: "not-affected" });
  });

  describe("partial Ubuntu versions (ABI only, no `uname -v`)", () => {
    // Fixture range built from the uploads named in
    // https://lore.kernel.org/all/5E724FB8-8844-4F92-B1D5-423E6174E996@b-data.ch/ (trouble seen on
    // 5.15.0-125.135/126.136, rollback to 124.134) and the 5.15.0-127.137 jammy update.
    const ranges = [range("5.15.0-125.135", { fixed: "5.15.0-127.137" }, "https://example.org/fixture")];
    const partial = (v: string) => evaluateRanges("dpkg", v, ranges, { partial: true });

    it("is sure about ABIs strictly inside or outside the range", () => {
      expect(partial("5.15.0-126")).toMatchObject({ status: "affected", certain: true });
      expect(partial("5.15.0-124")).toMatchObject({
        status: "not-affected",
        certain: true,
        reason: "5.15.0-124 is before 5.15.0-125.135, the first affected version",
      });
    });

    it("calls the introducing ABI affected but not certain, because the upload is unknown", () => {
      const result = partial("5.15.0-125");
      expect(result).toMatchObject({ status: "affected", certain: false, range: ranges[0] });
      expect(result.reason).toMatch(/upload number is unknown/);
    });

    it("asks for `uname -v` when the fix landed in the same ABI", () => {
      const result = partial("5.15.0-127");
      expect(result).toMatchObject({ status: "unknown", certain: false });
      expect(result.reason).toMatch(/5\.15\.0-127\.137/);
      expect(result.reason).toMatch(/uname -v/);
    });

    it("calls the ABI of a single build known broken (no fix named) affected but not certain, as the introducing ABI (review 60b F3)", () => {
      // The xt-mark record's linux-aws range on 24.04: introduced and lastAffected the one upload 6.8.0-1025.27.
      const single = [range("6.8.0-1025.27", { lastAffected: "6.8.0-1025.27" }, "https://example.org/fixture")];
      const result = evaluateRanges("dpkg", "6.8.0-1025", single, { partial: true });
      expect(result).toMatchObject({ status: "affected", certain: false });
      expect(result.reason).toMatch(/ABI of the first affected build \(6\.8\.0-1025\.27\)/);
      // A last affected build in a later ABI than the first still asks for the upload.
      const later = [range("6.8.0-1020.21", { lastAffected: "6.8.0-1025.27" }, "https://example.org/fixture")];
      expect(evaluateRanges("dpkg", "6.8.0-1025", later, { partial: true })).toMatchObject({ status: "unknown", certain: false });
    });

    it("without the partial flag an ABI-only string would sort before every upload of its ABI", () => {
      // This is why the caller must say the version is partial: 5.15.0-127 < 5.15.0-127.137 in dpkg.
      expect(evaluateRanges("dpkg", "5.15.0-127", ranges)).toMatchObject({ status: "affected", certain: true });
    });
  });
});

describe("evaluateRanges: components (semver)", () => {
  // runc CVE-2024-21626: affected >= v1.0.0-rc93, <= 1.1.11; patched 1.1.12.
  const ghsa = "https://github.com/opencontainers/runc/security/advisories/GHSA-xr7r-f8xq-vfvv";

  it("uses fixed as an exclusive bound", () => {
    const ranges = [range("1.0.0-rc93", { fixed: "1.1.12" }, ghsa)];
    expect(evaluateRanges("semver", "1.1.11", ranges)).toMatchObject({
      status: "affected",
      reason: "1.1.11 is in 1.0.0-rc93 ≤ v < 1.1.12",
    });
    expect(evaluateRanges("semver", "v1.1.12", ranges)).toMatchObject({
      status: "not-affected",
      reason: "fixed in 1.1.12; v1.1.12 is at or after it",
    });
    expect(evaluateRanges("semver", "1.0.0-rc92", ranges)).toMatchObject({
      status: "not-affected",
      reason: "1.0.0-rc92 is before 1.0.0-rc93, the first affected version",
    });
  });

  it("uses lastAffected as an inclusive bound", () => {
    const ranges = [range("1.0.0-rc93", { lastAffected: "1.1.11" }, ghsa)];
    expect(evaluateRanges("semver", "1.1.11", ranges)).toMatchObject({
      status: "affected",
      reason: "1.1.11 is in 1.0.0-rc93 ≤ v ≤ 1.1.11",
    });
    expect(evaluateRanges("semver", "1.1.12", ranges)).toMatchObject({
      status: "not-affected",
      reason: "1.1.12 is after 1.1.11, the last affected version",
    });
  });
});

describe("evaluateRanges: component release branches", () => {
  // Docker's 18.06.2 and 18.09.2 took the same runc on the same day (docs.docker.com/engine/release-notes/18.06/, /18.09/).
  const notes = "https://docs.docker.com/engine/release-notes/";
  const ranges = [range("18.06.2", { lastAffected: "18.06.3" }, notes), range("18.09.2", { lastAffected: "18.09.2" }, notes, false)];

  it("judges a version by the ranges of its own major.minor branch before the other branch's end", () => {
    expect(evaluateRanges("semver", "18.09.1", ranges)).toMatchObject({
      status: "not-affected",
      reason: "18.09.1 is before 18.09.2, the first affected version",
      level: "reported",
    });
    // kubelet's CONTAINER-RUNTIME column drops the leading zero: docker://18.9.1 is the same branch.
    expect(evaluateRanges("semver", "18.9.1", ranges).reason).toBe("18.9.1 is before 18.09.2, the first affected version");
    expect(evaluateRanges("semver", "18.06.3", ranges)).toMatchObject({ status: "affected", level: "verified" });
  });

  it("falls back to the nearest end below when no range is on the version's branch", () => {
    expect(evaluateRanges("semver", "19.03.1", ranges)).toMatchObject({
      status: "not-affected",
      reason: "19.03.1 is after 18.09.2, the last affected version",
      level: "reported",
    });
  });

  it("rests a version between two ranges of its branch on both ends, the weaker deciding", () => {
    const twice = [range("1.6.0", { fixed: "1.6.5" }, notes), range("1.6.10", { fixed: "1.6.12" }, notes, false)];
    expect(evaluateRanges("semver", "1.6.7", twice)).toMatchObject({
      status: "not-affected",
      reason: "fixed in 1.6.5; 1.6.7 is at or after it, and 1.6.7 is before 1.6.10, the first affected version",
      level: "reported",
    });
  });
});

describe("evaluateRanges: unverified ranges", () => {
  const verified = range(
    "1.0.0-rc93",
    { fixed: "1.1.12" },
    "https://github.com/opencontainers/runc/security/advisories/GHSA-xr7r-f8xq-vfvv",
  );
  const reported = range("1.1.0", { fixed: "1.1.13" }, "https://example.org/unconfirmed-report", false);

  it("still evaluates them but flags a verdict that rests on one", () => {
    const result = evaluateRanges("semver", "1.1.12", [verified, reported]);
    expect(result).toMatchObject({ status: "affected", unverified: true });
    expect(result.range).toBe(reported);
  });

  it("prefers a verified range when both contain the version", () => {
    const result = evaluateRanges("semver", "1.1.11", [reported, verified]);
    expect(result.range).toBe(verified);
    expect(result.unverified).toBeUndefined();
  });

  it("flags 'no range on this branch' when any of the ranges it rests on is unverified", () => {
    const ranges = [range("6.6.57", { fixed: "6.6.59" }, "https://example.org/unconfirmed-report", false)];
    expect(evaluateRanges("linux", "5.10.230", ranges)).toMatchObject({ status: "not-affected", unverified: true });
  });
});

describe("evaluateRanges: nothing to go on", () => {
  it("returns unknown for an empty version or no ranges", () => {
    expect(evaluateRanges("dpkg", "", [range("0", { fixed: "1" }, "https://example.org/fixture")])).toMatchObject({ status: "unknown" });
    expect(evaluateRanges("semver", "1.7.12", [])).toMatchObject({ status: "unknown", certain: false });
  });
});

describe("evaluateRanges: a requirement's minimum", () => {
  // Review 31c: "5.4.284 is before 5.13, where it was fixed" read a minimum version as a fix.
  const minimum = [range("0", { fixed: "5.13" }, "https://example.org/fixture")];

  it("says the version is below the minimum, or meets it, never that it was fixed", () => {
    expect(evaluateRanges("linux", "5.4.284", minimum, { minimum: true })).toMatchObject({
      status: "affected",
      reason: "5.4.284 is below 5.13, the minimum version",
    });
    expect(evaluateRanges("linux", "6.1.62", minimum, { minimum: true })).toMatchObject({
      status: "not-affected",
      reason: "5.13 is the minimum version, and 6.1.62 meets it",
    });
    // The same range as a regression's is a fix.
    expect(evaluateRanges("linux", "5.4.284", minimum).reason).toBe("5.4.284 is before 5.13, where it was fixed");
  });
});
