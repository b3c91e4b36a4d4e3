import type { Confidence, ScoreComponents, VerdictStatus } from "./diagnosis";
import type { EvidenceLevel } from "./versions";

/**
 * How much the version verdict scales the log signal. A matching line on a kernel known to be fixed
 * stays visible but cannot reach "high": the line may come from another cause.
 */
const VERSION_FACTOR: Record<VerdictStatus | "not-gated", number> = {
  affected: 1,
  "not-gated": 0.92,
  unknown: 0.85,
  "not-affected": 0.5,
};

/** An affected-range match without a log symptom is only an advisory. */
export const ADVISORY_SCORE = 0.3;

/** How much the level of the deciding range ends scales the score: one report counts less than a primary source. */
const LEVEL_FACTOR: Record<EvidenceLevel, number> = { verified: 1, corroborated: 0.97, reported: 0.9 };

/** Independent signatures reinforce each other (noisy-OR); a repeated line counts once. */
export function signalStrength(weights: readonly number[]): number {
  return 1 - weights.reduce((miss, w) => miss * (1 - Math.min(Math.max(w, 0), 1)), 1);
}

export function scoreFinding(
  weights: readonly number[],
  status: VerdictStatus,
  versionGated: boolean,
  certain: boolean,
  level: EvidenceLevel,
): { score: number; components: ScoreComponents } {
  const signals = signalStrength(weights);
  let version = VERSION_FACTOR[versionGated ? status : "not-gated"];
  if (status === "affected" && !certain) version = 0.95;
  const verification = versionGated && status !== "unknown" ? LEVEL_FACTOR[level] : 1;
  const score = round(signals * version * verification);
  return { score, components: { signals: round(signals), version, verification, matchedSignatures: weights.length } };
}

/** A version-range match without any log symptom: low, and lower when uncertain or resting on one report. */
export function scoreAdvisory(certain: boolean, level: EvidenceLevel): { score: number; components: ScoreComponents } {
  const verification = LEVEL_FACTOR[level];
  const score = round(ADVISORY_SCORE * (certain ? 1 : 0.8) * verification);
  return { score, components: { signals: 0, version: 1, verification, matchedSignatures: 0 } };
}

export function confidenceOf(score: number): Confidence {
  if (score >= 0.75) return "high";
  if (score >= 0.45) return "medium";
  return "low";
}

const round = (n: number) => Math.round(n * 1000) / 1000;
