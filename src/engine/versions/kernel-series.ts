/**
 * A distribution kernel known only by its upstream series: Ubuntu's "4.15.0-29-generic" and Debian's
 * "4.6.0-1-amd64" name the series they are built from, not the stable sublevel. Against upstream
 * ranges the series alone decides in two cases, judged here on the whole series [x.y, x.(y+1)).
 */
import { compareKernel, isMainlineVersion, kernelBranch, parseKernelVersion } from "./kernel-version";
import type { AffectedRange, EvidenceLevel } from "./range-types";
import { weakestLevel } from "./range-types";
import { endLevel, upperBound } from "./ranges";

export interface SeriesPlacement<R extends AffectedRange> {
  /**
   * fixed: the range that ended last ended at a mainline fix released before the series, so the
   * series' own code carries the fix. before: the bug first appeared at a mainline release after the series,
   * and no range starts in an older series (no stable backport took it there). carried: the bug came in at a
   * mainline release at or before the series' start and no range ends it (no fix, no revert recorded), so the
   * series' own code carries the bug.
   */
  position: "fixed" | "before" | "carried";
  /** The mainline fix, or the first affected release. */
  range: R;
  /** The weakest level of the ends this rests on. */
  level: EvidenceLevel;
}

/** null when the series overlaps a range, or the ranges cannot be read as kernel versions. */
export function placeSeries<R extends AffectedRange>(
  series: string,
  ranges: readonly R[],
  named: readonly string[] = [],
): SeriesPlacement<R> | null {
  if (!kernelBranch(series) || !ranges.length) return null;
  try {
    return fixedBefore(series, ranges) ?? firstAfter(series, ranges, named) ?? carriedSince(series, ranges);
  } catch {
    return null;
  }
}

function fixedBefore<R extends AffectedRange>(series: string, ranges: readonly R[]): SeriesPlacement<R> | null {
  if (ranges.some((r) => upperBound(r) === undefined)) return null;
  // The range that ended last decides: a later stable range (a backport that brought the bug back)
  // may have reached newer series too, so it must be a mainline fix, in a release before the
  // series (a fix at x.y, or in an x.y release candidate, is not before an x.y build).
  const last = ranges.reduce((a, b) => (compareKernel(upperBound(b) as string, upperBound(a) as string) > 0 ? b : a));
  // …and a range of mainline's own: a stable-only range may end at the next release only as a marker.
  if (last.introduced !== "0" && !isMainlineVersion(last.introduced)) return null;
  const fix = last.fixed;
  const released = fix !== undefined && isMainlineVersion(fix) ? kernelBranch(fix) : null;
  const before =
    released !== null &&
    (parseKernelVersion(fix as string)?.rc == null ? compareKernel(released, series) <= 0 : compareKernel(released, series) < 0);
  if (!before) return null;
  return { position: "fixed", range: last, level: weakestLevel(ranges.map((r) => endLevel(r, "upper"))) };
}

/**
 * `named`: other releases the record ties to the bug (its commits' releases): a fix backported to 6.1.140
 * says 6.1.y carried the bug, whatever the ranges say.
 */
function firstAfter<R extends AffectedRange>(series: string, ranges: readonly R[], named: readonly string[]): SeriesPlacement<R> | null {
  if (ranges.some((r) => r.introduced === "0")) return null;
  const first = ranges.reduce((a, b) => (compareKernel(b.introduced, a.introduced) < 0 ? b : a));
  const branch = kernelBranch(first.introduced);
  if (!isMainlineVersion(first.introduced) || !branch || compareKernel(series, branch) >= 0) return null;
  if (named.some((v) => compareKernel(series, kernelBranch(v) ?? v) >= 0)) return null;
  return { position: "before", range: first, level: endLevel(first, "introduced") };
}

/**
 * An open range from a mainline release at or before the series ("introduced 6.13", no fix: a layout change, a
 * removal): upstream, every later release has it, and a build of the series starts from that code.
 */
function carriedSince<R extends AffectedRange>(series: string, ranges: readonly R[]): SeriesPlacement<R> | null {
  const open = ranges.find(
    (r) =>
      upperBound(r) === undefined &&
      r.introduced !== "0" &&
      isMainlineVersion(r.introduced) &&
      compareKernel(kernelBranch(r.introduced) as string, series) <= 0,
  );
  return open ? { position: "carried", range: open, level: endLevel(open, "introduced") } : null;
}
