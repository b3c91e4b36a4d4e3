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
import { isOopsFraming } from "../facts/oops-framing";
import { messageOf } from "../match/normalize-line";
import { isFailure, isInformational } from "./failure-lines";
import { type LexicalIndex, rankText } from "./lexical";
import { MAX_REPORT_LINES } from "./resemblance";
import { MAX_LINE } from "./window-lines";

const MAX_CLOSEST = 3;
/** A record this far behind the best is no longer close. */
const MIN_SHARE_OF_BEST = 0.5;
const MIN_SHARED = 2;
const MAX_SHOWN_WORDS = 6;
/**
 * Words of a program's output structure, not of any failure (a Rust or Go debug print's `Error { kind: …, paths: […] }`,
 * structured logs' keys): a record sharing only these is no closer than any other (review 65b F4: "shares: paths, kind").
 */
const STRUCTURAL = new Set(
  "kind paths path caller file line type name value key field fields struct object message code status result data source target".split(
    " ",
  ),
);
/** How much of a long report the query reads: its start and, where a failure usually is, its end. */
const HEAD_CHARS = 16 * 1024;
const TAIL_CHARS = 48 * 1024;

/**
 * The closest records to a report that describes a failure: one with a failure line, or a short one
 * told in sentences (a ticket). A log with no failure line gets none, however short: healthy lines
 * share words with some record's description too. Lines `skip` names (1-based) describe no failure: a
 * bundle's sections ("GNU/Linux x86_64" would liken any report to a record that quotes a uname), the
 * commands that gathered them, a collector's notes. Only the read start's lines are numbered; a section in
 * the end of a long log is rare, and numbering it would need a pass over all the lines between.
 */
export function closestRecords(
  index: LexicalIndex,
  rarity: LexicalIndex,
  text: string,
  titleOf: (id: string) => string,
  skip: (line: number) => boolean = () => false,
): ClosestRecord[] {
  const whole = text.length <= HEAD_CHARS + TAIL_CHARS;
  const head = reportLines((whole ? text : text.slice(0, HEAD_CHARS)).split("\n"), skip);
  const read = whole ? head : [...head, ...text.slice(-TAIL_CHARS).split("\n")];
  // Each line as far as the recall tier reads one.
  const lines = read.map((l) => (l.length > MAX_LINE ? l.slice(0, MAX_LINE) : l));
  if (!describesFailure(lines)) return [];
  const query = lines.filter((l) => !isOopsFraming(messageOf(l))).join("\n");
  const ranked = rankText(index, query, MAX_CLOSEST, rarity);
  const best = ranked[0]?.score ?? 0;
  return ranked
    .filter((r) => r.score >= MIN_SHARE_OF_BEST * best && r.terms.length >= MIN_SHARED && r.terms.some((t) => !STRUCTURAL.has(t)))
    .map((r) => ({ id: r.id, title: titleOf(r.id), sharedWords: r.terms.slice(0, MAX_SHOWN_WORDS) }));
}

/** The lines that may describe the failure: every one `skip` does not name (1-based). */
export function reportLines(lines: readonly string[], skip: (line: number) => boolean): string[] {
  return lines.filter((_, i) => !skip(i + 1));
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
