/**
 * When no record's signature matched a report, the records whose descriptions (title, summary, root
 * cause) share the most distinctive words with it: a search result for the reader to check, never a
 * diagnosis. Ranked by BM25 over the descriptions alone, because a description names the failure in
 * the words people retell it with, while signatures and example logs hold one tool's exact wording;
 * a word's rarity is judged over all of the records' text (`rarity`, the lexical fallback's index),
 * where everyday words are common.
 */
import type { ClosestRecord } from "../diagnosis";
import { isLogFramed } from "../facts/log-framing";
import { isFailure, isInformational } from "./failure-lines";
import { type LexicalIndex, rankText } from "./lexical";
import { MAX_REPORT_LINES } from "./resemblance";
import { MAX_LINE } from "./window-lines";

const MAX_CLOSEST = 3;
/** A record this far behind the best is no longer close. */
const MIN_SHARE_OF_BEST = 0.5;
const MIN_SHARED = 2;
const MAX_SHOWN_WORDS = 6;
/** How much of a long report the query reads: its start and, where a failure usually is, its end. */
const HEAD_CHARS = 16 * 1024;
const TAIL_CHARS = 48 * 1024;

/** What a bundle's lines are, by 1-based number, for the closest records' query (see closestRecords). */
export interface ReportLines {
  /** Output a section holds (uname, os-release, a nodes table, version output). */
  section(line: number): boolean;
  /** A shell command line, or a collector's note (`known-bugs collect`'s "# skipped: …"). */
  command(line: number): boolean;
}

const NO_STRUCTURE: ReportLines = { section: () => false, command: () => false };

/**
 * The closest records to a report that describes a failure: one with a failure line, or a short one
 * told in sentences (a ticket). A log with no failure line gets none, however short: healthy lines
 * share words with some record's description too. A bundle's sections describe no failure ("GNU/Linux
 * x86_64" would liken any report to a record that quotes a uname), nor do the commands that gathered
 * them or a collector's notes ("# skipped: ip6tables --version: not found"): a command line is read only
 * when a failure line follows it, the command that failed ("$ podman container checkpoint web" before its
 * error). Only the read start's lines are numbered; a section in the end of a long log is rare, and
 * numbering it would need a pass over all the lines between.
 */
export function closestRecords(
  index: LexicalIndex,
  rarity: LexicalIndex,
  text: string,
  titleOf: (id: string) => string,
  structure: ReportLines = NO_STRUCTURE,
): ClosestRecord[] {
  const whole = text.length <= HEAD_CHARS + TAIL_CHARS;
  const head = reportLines((whole ? text : text.slice(0, HEAD_CHARS)).split("\n"), structure);
  const read = whole ? head : [...head, ...text.slice(-TAIL_CHARS).split("\n")];
  // Each line as far as the recall tier reads one.
  const lines = read.map((l) => (l.length > MAX_LINE ? l.slice(0, MAX_LINE) : l));
  if (!describesFailure(lines)) return [];
  const query = lines.join("\n");
  const ranked = rankText(index, query, MAX_CLOSEST, rarity);
  const best = ranked[0]?.score ?? 0;
  return ranked
    .filter((r) => r.score >= MIN_SHARE_OF_BEST * best && r.terms.length >= MIN_SHARED)
    .map((r) => ({ id: r.id, title: titleOf(r.id), sharedWords: r.terms.slice(0, MAX_SHOWN_WORDS) }));
}

const FENCE_OR_BLANK = /^\s*(?:(?:```|~~~)\S*\s*)?$/;

/** The lines that tell the failure: no section, and a command only before the failure it printed. */
export function reportLines(lines: readonly string[], structure: ReportLines): string[] {
  const failed = (i: number): boolean => {
    let next = i + 1;
    // Past blank lines and a Markdown fence: a paste often fences the command and its output apart.
    while (next < lines.length && FENCE_OR_BLANK.test(lines[next] ?? "")) next++;
    const line = lines[next];
    return line !== undefined && !structure.section(next + 1) && !structure.command(next + 1) && isFailure(line) && !isInformational(line);
  };
  return lines.filter((_, i) => !structure.section(i + 1) && (!structure.command(i + 1) || failed(i)));
}

function describesFailure(lines: readonly string[]): boolean {
  let count = 0;
  let sentences = 0;
  for (const l of lines) {
    const t = l.trim();
    if (!t) continue;
    count++;
    if (isFailure(l) && !isInformational(l)) return true;
    if (!isLogFramed(t)) sentences++;
  }
  return count <= MAX_REPORT_LINES && sentences > 0;
}
