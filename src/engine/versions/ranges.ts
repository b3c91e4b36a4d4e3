import type { VersionScheme } from "../types";
import { compareComponentVersion, componentBranch, parseComponentVersion } from "./component-version";
import { compareDpkg, ubuntuKernelAbi } from "./dpkg-version";
import { isMainlineVersion, kernelBranch, parseKernelVersion } from "./kernel-version";
import * as text from "./range-text";
import { type AffectedRange, type EvaluateOptions, type EvidenceLevel, LEVEL_ORDER, type RangeVerdict, weakestLevel } from "./range-types";
import { compareVersions } from "./scheme";

/**
 * Where a version sits relative to one range. The two "abi-" positions only arise for partial Ubuntu
 * versions, when the version and a bound share an ABI and only the unknown upload number could tell
 * them apart. null: a bound could not be read in the scheme.
 */
type Position = "inside" | "below" | "above" | "abi-introduced" | "abi-fix";

interface Placed<R> {
  range: R;
  position: Position | null;
}

type Compare = (a: string, b: string) => number;

/** Where a range ends: its fix, else its last affected version. */
export const upperBound = (r: AffectedRange) => r.fixed ?? r.lastAffected;

const ownLevel = (r: AffectedRange): EvidenceLevel =>
  r.evidence ?? (r.verified === false ? "reported" : r.verified ? "verified" : "reported");

/** The evidence level of one end of a range. */
export function endLevel(r: AffectedRange, end: "introduced" | "upper"): EvidenceLevel {
  return (end === "introduced" ? r.introducedEvidence : r.fixedEvidence) ?? ownLevel(r);
}

/**
 * Whether a range's start is a fact of its own: an introduced version, or "0" given a level of its own, as a curator
 * writes "every release before the fix, though where it began was not looked up" (review 62c F3: such a range's
 * `reported` start was shown on the record and ignored by the verdict, which said "affected (verified)").
 */
const hasStart = (r: AffectedRange) => r.introduced !== "0" || (r.introducedEvidence !== undefined && r.introducedEvidence !== ownLevel(r));

/** The levels of the ends a range actually has (a bare "0" as introduced is no end); its own level when it has none. */
export function rangeLevels(r: AffectedRange): EvidenceLevel[] {
  const ends = [...(hasStart(r) ? [endLevel(r, "introduced")] : []), ...(upperBound(r) !== undefined ? [endLevel(r, "upper")] : [])];
  return ends.length ? ends : [ownLevel(r)];
}

/** Which ends decide a verdict: inside needs both, a fix only the upper end, "before" only the start. */
type Deciding = "both" | "upper" | "introduced";

function levelOf(r: AffectedRange, deciding: Deciding): EvidenceLevel {
  if (deciding === "upper") return upperBound(r) !== undefined ? endLevel(r, "upper") : ownLevel(r);
  if (deciding === "introduced") return hasStart(r) ? endLevel(r, "introduced") : ownLevel(r);
  // Inside a range that ends at its last affected version, that version is affected on the range's own evidence:
  // `fixedEvidence` there says how little is known of what comes after it (a build known affected, no fix named).
  if (r.fixed === undefined && r.lastAffected !== undefined)
    return weakestLevel([...(hasStart(r) ? [endLevel(r, "introduced")] : []), ownLevel(r)]);
  return weakestLevel(rangeLevels(r));
}

function place(cmp: Compare, v: string, r: AffectedRange): Position | null {
  try {
    if (r.introduced !== "0" && cmp(v, r.introduced) < 0) return "below";
    if (r.fixed !== undefined) return cmp(v, r.fixed) >= 0 ? "above" : "inside";
    if (r.lastAffected !== undefined) return cmp(v, r.lastAffected) > 0 ? "above" : "inside";
    return "inside";
  } catch {
    return null;
  }
}

/** Compares an ABI-only Ubuntu version ("5.15.0-127") with every bound cut to its ABI. */
function placeAbi(abi: string, r: AffectedRange): Position | null {
  const sameAbi = (b: string | undefined) => b !== undefined && b !== "0" && compareDpkg(abi, ubuntuKernelAbi(b)) === 0;
  if (sameAbi(r.fixed)) return "abi-fix";
  // A range whose first affected build is this ABI's and that names no fix (a single build known broken: introduced and
  // lastAffected one upload) places the ABI as its first build's, not as a fix's (review 60b F3: 6.8.0-1025-aws read
  // "unknown, send uname -v" where 5.15.0-127-generic, the same shape, read "affected, not certain").
  if (sameAbi(r.introduced)) return "abi-introduced";
  if (sameAbi(r.lastAffected)) return "abi-fix";
  const cut = (b: string | undefined) => (b === undefined ? undefined : ubuntuKernelAbi(b));
  const truncated = {
    ...r,
    introduced: r.introduced === "0" ? "0" : ubuntuKernelAbi(r.introduced),
    fixed: cut(r.fixed),
    lastAffected: cut(r.lastAffected),
  };
  return place(compareDpkg, abi, truncated);
}

function verdict<R extends AffectedRange>(
  status: RangeVerdict["status"],
  reason: string,
  range: R | undefined,
  certain: boolean,
  deciding: Deciding = "both",
): RangeVerdict<R> {
  const level = range ? levelOf(range, deciding) : "reported";
  return { status, reason, certain, level, ...(range ? { range } : {}), ...(level === "reported" ? { unverified: true } : {}) };
}

/** Among ranges that fit equally well, lean on the best-established one. */
const preferVerified = <R extends AffectedRange>(rs: R[], deciding: Deciding = "both"): R | undefined =>
  [...rs].sort((a, b) => LEVEL_ORDER.indexOf(levelOf(a, deciding)) - LEVEL_ORDER.indexOf(levelOf(b, deciding)))[0];

function extreme<R>(rs: R[], key: (r: R) => string, cmp: Compare, want: 1 | -1): R | undefined {
  return rs.reduce<R | undefined>((best, r) => (best === undefined || cmp(key(r), key(best)) * want > 0 ? r : best), undefined);
}

function notAffectedKernel<R extends AffectedRange>(v: string, above: R[], below: R[], all: readonly R[], cmp: Compare): RangeVerdict<R> {
  const branch = kernelBranch(v) ?? v;
  const onBranch = (b: string | undefined) => b !== undefined && b !== "0" && kernelBranch(b) === branch;
  const upper = (r: R) => upperBound(r) ?? "";
  const isMainline = (b: string | undefined) => b !== undefined && b !== "0" && isMainlineVersion(b);

  // A stable range of an older branch that ends at this branch's release (5.11.19 to 5.12) marks its own branch's end,
  // no fix on this one (review 31c: 5.12.1 read "fixed in 5.12 on your 5.12 branch", before 5.12.2's own range).
  const branchEndMarker = (r: R) =>
    r.introduced !== "0" && !isMainline(r.introduced) && kernelBranch(r.introduced) !== branch && upperBound(r) === branch;
  const fixedHere = extreme(
    above.filter((r) => onBranch(upperBound(r)) && !branchEndMarker(r)),
    upper,
    cmp,
    1,
  );
  if (fixedHere) return verdict("not-affected", text.branchFixedReason(branch, fixedHere), fixedHere, true, "upper");

  const laterHere = extreme(
    below.filter((r) => onBranch(r.introduced)),
    (r) => r.introduced,
    cmp,
    -1,
  );
  if (laterHere) return verdict("not-affected", text.kernelBeforeReason(laterHere), laterHere, true, "introduced");

  // Ranges that start or end at a mainline release bound whole branches, not just one stable series; a stable-only
  // range (6.19.12 to 7.0) may end at the next release only as a marker of its branch's end, no fix.
  const fixedInMainline = extreme(
    above.filter((r) => isMainline(upperBound(r)) && (r.introduced === "0" || isMainline(r.introduced))),
    upper,
    cmp,
    1,
  );
  if (fixedInMainline) return verdict("not-affected", text.mainlineFixedReason(branch, fixedInMainline), fixedInMainline, true, "upper");

  const laterMainline = extreme(
    below.filter((r) => isMainline(r.introduced)),
    (r) => r.introduced,
    cmp,
    -1,
  );
  if (laterMainline) {
    // Unless stable backports took the change to older branches (a range starting on one): then a branch
    // between them, with no range of its own, is answered below as such, and one older than all of them here.
    const backported = all.some(
      (r) => r.introduced !== "0" && !isMainline(r.introduced) && cmp(r.introduced, laterMainline.introduced) < 0,
    );
    if (!backported) return verdict("not-affected", text.kernelBeforeReason(laterMainline), laterMainline, true, "introduced");
    const earliest = below.length === all.length ? extreme(below, (r) => r.introduced, cmp, -1) : undefined;
    // Older than every branch the change is recorded on: a sibling stable branch (5.15 beside 6.1's backport)
    // may have taken it too, unrecorded, so "not affected" holds only unless it did, and the bug's own symptom
    // makes it unknown. Where it came from is the mainline start; the earliest backport, how far back it went.
    if (earliest) {
      const decider = preferVerified([laterMainline, earliest], "introduced") ?? laterMainline;
      // The range shown is the earliest backport, the one the kernel is older than; the level, the better one's.
      const { range: _, ...judged } = verdict(
        "not-affected",
        text.olderThanBackportsReason(branch, earliest, laterMainline),
        decider,
        false,
        "introduced",
      );
      return { ...judged, range: earliest, unlessBackported: true };
    }
  }

  // Stable backports elsewhere say nothing about this branch; the conclusion rests on all of them. A branch newer than
  // every range's fix is clear because each of those branches took the fix: where the bug began says nothing of it
  // (review 72b F1: veth's start, read from dates, made 6.8 "unknown" though every fixed end is a stable announcement).
  const newerThanAll = all.every((r) => {
    const end = upperBound(r);
    return end !== undefined && cmp(end, v) <= 0;
  });
  const level = weakestLevel(newerThanAll ? all.map((r) => endLevel(r, "upper")) : all.flatMap(rangeLevels));
  return {
    status: "not-affected",
    reason: text.noBranchRangeReason(branch),
    certain: true,
    level,
    ...(level === "reported" ? { unverified: true } : {}),
  };
}

function notAffected<R extends AffectedRange>(v: string, above: R[], below: R[], cmp: Compare): RangeVerdict<R> {
  // Ranges on v's own release branch decide first: Docker 18.06.2 and 18.09.2 broke on the same day, so
  // 18.09.1 is clear because it precedes 18.09.2, not because it follows 18.06.x's last affected release.
  const branch = componentBranch(v);
  const onBranch = (b: string | undefined) => branch !== null && b !== undefined && b !== "0" && componentBranch(b) === branch;
  const fixedHere = extreme(
    above.filter((r) => onBranch(upperBound(r))),
    (r) => upperBound(r) ?? "",
    cmp,
    1,
  );
  const laterHere = extreme(
    below.filter((r) => onBranch(r.introduced)),
    (r) => r.introduced,
    cmp,
    -1,
  );
  if (fixedHere && laterHere) {
    // Between two ranges of one branch: both ends decide, so the weaker one says how sure that is.
    const level = weakestLevel([levelOf(fixedHere, "upper"), levelOf(laterHere, "introduced")]);
    const reason = `${text.fixedReason(v, fixedHere)}, and ${text.beforeReason(v, laterHere)}`;
    return {
      status: "not-affected",
      reason,
      certain: true,
      level,
      range: fixedHere,
      ...(level === "reported" ? { unverified: true } : {}),
    };
  }
  if (fixedHere) return verdict("not-affected", text.fixedReason(v, fixedHere), fixedHere, true, "upper");
  if (laterHere) return verdict("not-affected", text.beforeReason(v, laterHere), laterHere, true, "introduced");
  // The nearest fix below v explains it best; only when v precedes every range does "before" apply.
  const fixed = extreme(above, (r) => upperBound(r) ?? "", cmp, 1);
  if (fixed) return verdict("not-affected", text.fixedReason(v, fixed), fixed, true, "upper");
  const first = extreme(below, (r) => r.introduced, cmp, -1);
  if (first) return verdict("not-affected", text.beforeReason(v, first), first, true, "introduced");
  return { status: "unknown", reason: `${v} could not be placed in any recorded range`, certain: false, level: "reported" };
}

function decide<R extends AffectedRange>(scheme: VersionScheme, v: string, placed: Placed<R>[], all: readonly R[]): RangeVerdict<R> {
  const at = (p: Position) => placed.filter((x) => x.position === p).map((x) => x.range);

  const inside = preferVerified(at("inside"));
  // Likewise a pre-release of the release that fixed it: the fix may have landed in it (or not), unless the range
  // places that release's pre-releases itself (runc's 1.4.0-rc.3 to 1.4.0).
  if (inside && scheme === "semver" && isPrereleaseOf(v, inside.fixed) && !isPrereleaseOf(inside.introduced, inside.fixed))
    return verdict("unknown", text.prereleaseOfFixReason(v, inside), inside, false, "upper");
  // A kernel's release candidate of the mainline release that fixed it ("6.10-rc7" before "fixed in 6.10": review 36d).
  if (inside && scheme === "linux" && inside.fixed && candidateOfStart(v, [{ ...inside, introduced: inside.fixed }]))
    return verdict("unknown", text.prereleaseOfFixReason(v, inside), inside, false, "upper");
  if (inside) return verdict("affected", text.insideReason(v, inside), inside, true);

  const abiIntroduced = preferVerified(at("abi-introduced"));
  if (abiIntroduced) return verdict("affected", text.abiIntroducedReason(v, abiIntroduced), abiIntroduced, false);

  const abiFix = preferVerified(at("abi-fix"), "upper");
  if (abiFix) return verdict("unknown", text.abiFixedReason(v, abiFix), abiFix, false, "upper");

  const unreadable = placed.find((x) => x.position === null)?.range;
  if (unreadable) {
    const reason = `cannot compare ${v} with the range ${text.describeRange(unreadable)} as ${scheme} versions`;
    return verdict("unknown", reason, unreadable, false);
  }

  // A pre-release of the first affected release ("1.35.0-rc.1" before "1.35.0"): removals and new behaviour land in a
  // release's pre-releases, which a range starting at the release does not place (review 30c: kubelet 1.35.0-rc.1 printing
  // the removal was "not affected", certain). A range that names a pre-release as its start still orders by it.
  // So too a kernel's release candidates ("5.19-rc2" before "5.19"): a mainline change lands in its merge window.
  const preOfStart =
    scheme === "semver" ? prereleaseOfStart(v, at("below")) : scheme === "linux" ? candidateOfStart(v, at("below")) : undefined;
  if (preOfStart)
    return { ...verdict("unknown", text.prereleaseOfStartReason(v, preOfStart), preOfStart, false, "introduced"), prereleaseOfStart: true };

  // Bounds of readable ranges order fine; the comparison cannot throw here.
  const cmp: Compare = (a, b) => compareVersions(scheme, a, b);
  return scheme === "linux" ? notAffectedKernel(v, at("above"), at("below"), all, cmp) : notAffected(v, at("above"), at("below"), cmp);
}

/** The range whose first affected release `v` is a pre-release of ("1.35.0-rc.1" of "1.35.0"), if any. */
const prereleaseOfStart = <R extends AffectedRange>(v: string, below: readonly R[]): R | undefined =>
  below.find((r) => r.introduced !== "0" && isPrereleaseOf(v, r.introduced));

/** The range starting at the mainline release `v` is a release candidate of ("5.19-rc2" of "5.19"), if any (a fix's release too, passed as a start). */
function candidateOfStart<R extends AffectedRange>(v: string, below: readonly R[]): R | undefined {
  const rc = parseKernelVersion(v);
  if (rc?.rc == null) return undefined;
  return below.find((r) => {
    const start = isMainlineVersion(r.introduced) ? parseKernelVersion(r.introduced) : null;
    return start !== null && start.rc === null && start.major === rc.major && start.minor === rc.minor;
  });
}

/** Whether `v` is a pre-release of `release`, itself a release ("1.35.0-rc.1" of "1.35.0"; not of "1.35.0-rc.3"). */
function isPrereleaseOf(v: string, release: string | undefined): boolean {
  if (!release) return false;
  const version = parseComponentVersion(v);
  const of = parseComponentVersion(release);
  return version.pre.length > 0 && !of.pre.length && compareComponentVersion(version.core.join("."), of.core.join(".")) === 0;
}

/**
 * Ranges that leave nothing out (introduced "0", nothing fixed or last affected) make every version
 * affected: knowing only that a host runs the ecosystem decides it, whatever the package's version.
 */
export function everyVersionAffected<R extends AffectedRange>(ranges: readonly R[]): RangeVerdict<R> | null {
  const open = preferVerified(
    ranges.filter((r) => r.introduced === "0" && !r.fixed && !r.lastAffected),
    "introduced",
  );
  return open ? verdict("affected", "every version is affected: none is fixed", open, true, "introduced") : null;
}

/**
 * Whether `version` falls in any of the ranges of one affected entry, and why, in words.
 * OSV semantics: affected when introduced ≤ v < fixed, or introduced ≤ v ≤ lastAffected; "0" as
 * introduced means every earlier version. Unverified ranges still count; the result says so.
 */
export function evaluateRanges<R extends AffectedRange>(
  scheme: VersionScheme,
  version: string,
  ranges: readonly R[],
  opts: EvaluateOptions = {},
): RangeVerdict<R> {
  const v = version.trim();
  if (!v) return { status: "unknown", reason: "no version to compare", certain: false, level: "reported" };
  if (!ranges.length) return { status: "unknown", reason: "no affected versions are recorded", certain: false, level: "reported" };
  if (scheme === "linux" && !parseKernelVersion(v)) {
    const reason = `"${v}" is not an upstream Linux version, so it cannot be placed in the ranges`;
    return { status: "unknown", reason, certain: false, level: "reported" };
  }

  const byAbi = opts.partial === true && scheme === "dpkg";
  const cmp: Compare = (a, b) => compareVersions(scheme, a, b);
  const placed = ranges.map((range) => ({ range, position: byAbi ? placeAbi(ubuntuKernelAbi(v), range) : place(cmp, v, range) }));
  const decided = decide(scheme, v, placed, ranges);
  const other = decided.status === "not-affected" ? ranges.find((r) => r.otherCauses)?.otherCauses : undefined;
  if (other) {
    const { unverified: _, unlessBackported: __, ...rest } = decided;
    return { ...rest, status: "unknown", reason: `${decided.reason}, which rules out one cause only: ${other}`, certain: false };
  }
  return opts.minimum ? asMinimum(v, decided) : decided;
}

/** A requirement's answer in its own words (review 31c: "5.4.284 is before 5.13, where it was fixed" read a minimum as a fix). */
function asMinimum<R extends AffectedRange>(v: string, decided: RangeVerdict<R>): RangeVerdict<R> {
  const r = decided.range;
  if (r?.introduced !== "0" || !r.fixed || decided.status === "unknown") return decided;
  const reason = decided.status === "affected" ? text.belowMinimumReason(v, r.fixed) : text.meetsMinimumReason(v, r.fixed);
  return { ...decided, reason };
}
