/**
 * How well a fact is established: verified = a primary source states it; corroborated = two or more
 * independent field reports with exact versions; reported = one report.
 */
export type EvidenceLevel = "verified" | "corroborated" | "reported";

/** Strongest first. */
export const LEVEL_ORDER: readonly EvidenceLevel[] = ["verified", "corroborated", "reported"];

/** The weaker of the levels (reported when none is given). */
export const weakestLevel = (levels: readonly EvidenceLevel[]): EvidenceLevel =>
  levels.reduce<EvidenceLevel>((w, l) => (LEVEL_ORDER.indexOf(l) > LEVEL_ORDER.indexOf(w) ? l : w), levels[0] ?? "reported");

/** One OSV-style range as the knowledge base records it: affected when introduced ≤ v < fixed (or ≤ lastAffected). */
export interface AffectedRange {
  /** "0" means "since the beginning". */
  introduced: string;
  fixed?: string | undefined;
  lastAffected?: string | undefined;
  /** The range's own level; `verified` is the older shorthand (true = verified, false = reported). */
  evidence?: EvidenceLevel | undefined;
  verified?: boolean | undefined;
  /** Per-end levels; each falls back to the range's own level. */
  introducedEvidence?: EvidenceLevel | undefined;
  /** Covers `fixed` or `lastAffected`. */
  fixedEvidence?: EvidenceLevel | undefined;
  /**
   * The bug's other cause, which this range (one cause's versions) does not cover: a version outside it leaves the bug
   * undecided, said with this, never "not affected" (review 67f F1, 67i F2: NVML's loss on runc outside 1.1.3-1.1.6).
   */
  otherCauses?: string | undefined;
  source: string;
}

export type RangeStatus = "affected" | "not-affected" | "unknown";

export interface RangeVerdict<R extends AffectedRange = AffectedRange> {
  status: RangeStatus;
  /** Human and specific: "6.6.58 is in 6.6.57 ≤ v < 6.6.59", "fixed in 6.6.59 on your 6.6 branch". */
  reason: string;
  /** The range that decided it, when one did. */
  range?: R;
  /** false when the answer rests on missing detail (an ABI without its upload number). */
  certain: boolean;
  /**
   * Set on a "not affected" that holds only if the kernel's stable branch did not take a backport the record
   * does not list (a branch older than every one it lists): the bug's own symptom makes it unknown.
   */
  unlessBackported?: true;
  /**
   * Set on an "unknown" for a pre-release of the first affected release: ordered, it would be before the range, so the
   * bug's own symptom makes it affected, hedged (the change landed in that pre-release).
   */
  prereleaseOfStart?: true;
  /**
   * The weakest level among the range ends that decided it (both ends for "inside", the fix for
   * "above", the start for "below"; every recorded end when no single range decided).
   */
  level: EvidenceLevel;
  /** Set when that level is "reported": the answer rests on a single report. */
  unverified?: true;
}

export interface EvaluateOptions {
  /**
   * The version is only an Ubuntu kernel ABI ("5.15.0-127", from `uname -r` without `uname -v`):
   * compare at ABI granularity (dpkg scheme only).
   */
  partial?: boolean;
  /**
   * The ranges are a requirement's (`0` to the version a feature came in): their `fixed` is a minimum the version meets
   * or not, no fix, and the reason says so.
   */
  minimum?: boolean;
}
