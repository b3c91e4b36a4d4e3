/**
 * A distribution kernel known only by its upstream series: Ubuntu's "4.15.0-29-generic" and Debian's
 * "4.6.0-1-amd64" name the series they are built from, not the stable sublevel. Against upstream
 * ranges the series alone decides in two cases, judged here on the whole series [x.y, x.(y+1)).
 */
import { compareKernel, isMainlineVersion, kernelBranch } from "./kernel-version";
import type { AffectedRange, EvidenceLevel } from "./range-types";
import { weakestLevel } from "./range-types";
import { endLevel } from "./ranges";

export interface SeriesPlacement<R extends AffectedRange> {
  /**
   * fixed: every range ends before the series began, one of them at a mainline fix, so the series'
   * own code carries the fix. before: the bug first appeared at a mainline release after the series,
   * and no range starts in an older series (no stable backport took it there).
   */
  position: "fixed" | "before";
  /** The mainline fix, or the first affected release. */
  range: R;
  /** The weakest level of the ends this rests on. */
  level: EvidenceLevel;
}

const upperBound = (r: AffectedRange) => r.fixed ?? r.lastAffected;

/** null when the series overlaps a range, or the ranges cannot be read as kernel versions. */
export function placeSeries<R extends AffectedRange>(series: string, ranges: readonly R[]): SeriesPlacement<R> | null {
  if (!kernelBranch(series) || !ranges.length) return null;
  try {
    return fixedBefore(series, ranges) ?? firstAfter(series, ranges);
  } catch {
    return null;
  }
}

function fixedBefore<R extends AffectedRange>(series: string, ranges: readonly R[]): SeriesPlacement<R> | null {
  // A fix at x.y is in every x.y build; a last affected x.y.z (or a fix at a sublevel) only shows
  // the range ended inside an older series.
  const ended = ranges.every((r) => {
    if (r.fixed !== undefined) return compareKernel(r.fixed, series) <= 0;
    return r.lastAffected !== undefined && compareKernel(kernelBranch(r.lastAffected) ?? r.lastAffected, series) < 0;
  });
  const mainline = ranges.find((r) => r.fixed !== undefined && isMainlineVersion(r.fixed));
  if (!ended || !mainline) return null;
  return { position: "fixed", range: mainline, level: weakestLevel(ranges.filter((r) => upperBound(r)).map((r) => endLevel(r, "upper"))) };
}

function firstAfter<R extends AffectedRange>(series: string, ranges: readonly R[]): SeriesPlacement<R> | null {
  if (ranges.some((r) => r.introduced === "0")) return null;
  const first = ranges.reduce((a, b) => (compareKernel(b.introduced, a.introduced) < 0 ? b : a));
  const branch = kernelBranch(first.introduced);
  if (!isMainlineVersion(first.introduced) || !branch || compareKernel(series, branch) >= 0) return null;
  return { position: "before", range: first, level: endLevel(first, "introduced") };
}
