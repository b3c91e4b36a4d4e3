import type { Evidence } from "./diagnosis";

/**
 * A lead, not a match: a finding whose every log line only resembles its record, no signature (exact or reworded) having
 * matched one. The one test of it, for the engine and every door (review 70d F2: chat and the page headed such a finding
 * "no known bug matched" while the same answer named it the likely root cause): every headline counts it apart as a
 * record that resembles a line (63e F3), and it is never the likely root cause (64d: no root cause above "nothing
 * matched"; as documentation's matches are leads, 68g F3). It is still listed and ranked.
 */
export function resemblesOnly(evidence: ReadonlyArray<Pick<Evidence, "kind"> & { approximate?: string | undefined }>): boolean {
  const logs = evidence.filter((e) => e.kind === "log");
  return logs.length > 0 && logs.every((e) => e.approximate === "similar");
}
