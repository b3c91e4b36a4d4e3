import { rebootWords } from "../engine/record";
import { type FindingSummary, verdictLabel } from "../engine/summary";
import { clamp } from "./text-limits";

/**
 * What a chat user does for the whole report: paste the log into the lookup page when PUBLIC_URL names it, else run the
 * CLI on it (review 70d F3: "the full report is one POST /diagnose away" asked for curl at 2 a.m., of a paste that is in
 * the channel, not in a file). Said after "for the full report" and the like; `code` is the platform's code span.
 */
export function fullReportAction(publicUrl: string | undefined, code: (s: string) => string = (s) => `\`${s}\``): string {
  return publicUrl ? `paste the whole log at ${publicUrl}/` : `save the whole log to a file and run ${code("known-bugs diagnose FILE")}`;
}

/** A finding past the three a chat answer shows: named in one line, never only counted (review 70d F3). */
export type HiddenFinding = Pick<FindingSummary, "rank" | "id" | "title" | "confidence" | "score" | "verdict" | "reboot">;

/** Characters of a hidden finding's title in its line: the record link has the rest. */
const HIDDEN_TITLE = 90;

/**
 * A hidden finding's line: rank, title (`title` gets it cut and quotes or links it), id, confidence, verdict and reboot
 * (four medium findings, one reboot-level, were "7 more findings not shown").
 */
export const hiddenFindingLine = (f: HiddenFinding, title: (s: string) => string, code: (s: string) => string): string =>
  `• ${f.rank}. ${title(clamp(f.title, HIDDEN_TITLE))} (${code(f.id)}): ${f.confidence} confidence (${f.score.toFixed(2)}), verdict ${verdictLabel(f.verdict)}, ${rebootWords(f.reboot)}`;

/** The heading over the hidden findings' lines, with what to do for the full report. */
export const hiddenHeading = (count: number, action: string, bold: (s: string) => string): string =>
  `${bold(`${count.toLocaleString("en-US")} more ${count === 1 ? "finding" : "findings"} not shown`)} (${action} for the full report):`;
