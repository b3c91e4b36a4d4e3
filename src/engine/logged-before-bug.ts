import type { BugStart } from "./bug-start";
import type { Verdict } from "./diagnosis";
import { dayNumber, isoDay, loggedDay } from "./facts/logged-day";

/**
 * Days a line must be dated before a bug's start to be dated out. The start is already the earliest day a build with the
 * change could exist (a development build included), so the margin only absorbs what blurs two calendar days: a line's
 * local day against a commit's or release's UTC one (a day), a host clock a few days off, and a start read from a release
 * page while its tag or a packager's build came a week or so earlier (a stable kernel's review queue, a package built
 * before its upload). Two weeks covers each of these with room; a log older than that could not have run the change.
 */
export const START_MARGIN_DAYS = 14;

/**
 * The verdict on a finding every one of whose lines was logged before its bug existed (review 72a F1: an OpenVPN log of
 * March 2024 judged as a runc regression released in October 2024), else null. Every symptom line must carry a date with
 * its year, all of them before the start less the margin, and no line of the paste may be dated later: a paste whose
 * other lines are dated after the start may be a clock set only later in the same log (a board without a battery,
 * before NTP), whose early dates say nothing. A year-less date ("Mar 10 13:46:25", klog's "I0310") decides nothing.
 */
export function loggedBeforeBug(
  start: BugStart | null,
  symptomLines: readonly number[],
  dayOf: (line: number) => number | null,
  latestLoggedDay: () => number | null,
): Verdict | null {
  if (!start || !symptomLines.length) return null;
  const [year, month, day] = start.date.split("-").map(Number) as [number, number, number];
  const cutoff = dayNumber(year, month, day) - START_MARGIN_DAYS;
  const days: number[] = [];
  // Line by line: the first undated or later line decides, before the others are read.
  for (const line of symptomLines) {
    const d = dayOf(line);
    if (d === null || d >= cutoff) return null;
    days.push(d);
  }
  const latest = latestLoggedDay();
  if (latest !== null && latest >= cutoff) return null;
  const [first, last] = [Math.min(...days), Math.max(...days)];
  const when =
    first === last
      ? `${symptomLines.length > 1 ? "lines were" : "line was"} logged on ${isoDay(first)}`
      : `lines were logged from ${isoDay(first)} to ${isoDay(last)}`;
  return {
    status: "not-affected",
    level: start.level,
    reason: `the ${when}, before ${start.release} existed (its change dates from ${start.date}, ${start.level})`,
  };
}

/** The latest day any line of `lines` says it was written, or null where none carries a year. */
export function latestLoggedDay(lines: readonly string[]): number | null {
  let latest: number | null = null;
  for (const line of lines) {
    const d = loggedDay(line);
    if (d !== null && (latest === null || d > latest)) latest = d;
  }
  return latest;
}
