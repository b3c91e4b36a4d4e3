/** One OSV-style range as the knowledge base records it: affected when introduced ≤ v < fixed (or ≤ lastAffected). */
export interface AffectedRange {
  /** "0" means "since the beginning". */
  introduced: string;
  fixed?: string | undefined;
  lastAffected?: string | undefined;
  verified: boolean;
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
  /** Set when the deciding range (or, with none deciding, any range) is unverified. */
  unverified?: true;
}

export interface EvaluateOptions {
  /**
   * The version is only an Ubuntu kernel ABI ("5.15.0-127", from `uname -r` without `uname -v`):
   * compare at ABI granularity (dpkg scheme only).
   */
  partial?: boolean;
}
