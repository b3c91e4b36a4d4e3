/**
 * When a record's own text explains a log line, or a whole report, well enough to name it: by how
 * much of the text it explains and by its lead over the next record (see lexical.ts for the scores).
 */
import { driversAgree } from "./device-drivers";
import { errnoAgrees } from "./errno-texts";
import type { ApproximateHit } from "./index";
import { bestMatch, bestMatchOfLines, idf, type LexicalIndex, type LexicalMatch, lexicalTerms, tellsApart } from "./lexical";

/** Gates of the lexical fallback: most of the line's distinctive weight explained, by a clear winner. */
const MIN_COVERAGE = 0.7;
const MIN_TERMS = 5;
/** A compound only one record's text holds (`bridge-nf-call-iptables`) names the thing itself: fewer words suffice. */
const MIN_ANCHORED_TERMS = 3;
const MIN_LEAD = 1.8;
/** Enough of the line explained, by a record that leads the others clearly (or alone holds a compound of the line). */
const clearWinner = (m: LexicalMatch) => {
  if (m.anchored && m.words >= MIN_ANCHORED_TERMS && m.score >= MIN_ANCHORED_LEAD * m.runnerUp) return true;
  // A record that explains every distinctive word of a long line needs a smaller lead over the next.
  if (m.coverage >= FULL_COVERAGE && m.words >= MIN_TERMS + 1 && m.score >= MIN_FULL_LEAD * m.runnerUp) return true;
  // A short line (an installer's preflight check retelling a daemon's refusal) all of whose words one
  // record explains, far ahead of any other.
  if (m.coverage >= FULL_COVERAGE && m.words >= MIN_TERMS - 1 && m.score >= MIN_SHORT_LEAD * m.runnerUp) return true;
  return m.words >= MIN_TERMS && m.score >= MIN_LEAD * m.runnerUp;
};
const MIN_SHORT_LEAD = 2;
const MIN_ANCHORED_LEAD = 1.25;
const FULL_COVERAGE = 0.95;
const MIN_FULL_LEAD = 1.4;

/** The record whose text explains one failure line nothing else explained, when it clearly does. */
export function lineResemblance(index: LexicalIndex, line: string): LexicalMatch | null {
  const m = bestMatch(index, line);
  if (!m || m.coverage < MIN_COVERAGE || !clearWinner(m)) return null;
  return errnosAllow(index, m.id, line) && driversAgree(line, index.drivers.get(m.id)) ? m : null;
}

/** Whether the errno texts a text gives let it resemble the record (errnoAgrees). */
export function errnosAllow(index: LexicalIndex, recordId: string, text: string): boolean {
  const errnos = index.errnos.get(recordId);
  return !errnos || errnoAgrees(text, errnos);
}

/** How many of a report's unexplained failure lines its whole-report query reads. */
export const MAX_REPORT_LINES = 20;
/** Gates of the whole-report resemblance: looser than a line's, so its finding is only ever weak. */
const MIN_REPORT_WORDS = 5;
const MIN_REPORT_COVERAGE = 0.5;
const MIN_REPORT_LEAD = 2;

/**
 * The record whose text best explains all of a report's unexplained failure lines together, when it
 * leads clearly; the evidence is the line sharing most of its words. Its coverage is held below the
 * line gate's, so the finding weighs the least a resemblance can (see similarWeight): a lead to read,
 * never a confident answer.
 */
export function reportResemblance(index: LexicalIndex, lines: ReadonlyArray<{ line: number; text: string }>): ApproximateHit | null {
  if (!lines.length) return null;
  const m = bestMatchOfLines(
    index,
    lines.map((l) => l.text),
  );
  if (!m || m.words < MIN_REPORT_WORDS || m.coverage < MIN_REPORT_COVERAGE || m.score < MIN_REPORT_LEAD * m.runnerUp) return null;
  const text = lines.map((l) => l.text).join("\n");
  if (!errnosAllow(index, m.id, text) || !driversAgree(text, index.drivers.get(m.id))) return null;
  const shared = (text: string) => {
    const lower = text.toLowerCase();
    return m.terms.filter((t) => lower.includes(t)).length;
  };
  const best = lines.reduce((a, b) => (shared(b.text) > shared(a.text) ? b : a));
  return {
    key: m.id,
    line: best.line,
    text: best.text,
    approximate: "similar",
    recordId: m.id,
    coverage: Math.min(m.coverage, REPORT_COVERAGE_CAP),
    terms: m.terms,
  };
}
const REPORT_COVERAGE_CAP = 0.69;

/**
 * The weight of the record's signature a resembling line is a rewording or a cut of: the one holding more than half of
 * the distinctive weight of the words the line shares with the record. A resemblance weighs no more than that signature
 * would have, had the line matched it whole: its curator set what such a line says (review 62a F1: a cut
 * "RULE_INSERT failed (No such file or directory)" resembled the record at 0.6, medium, where its own signature for
 * that line weighs 0.3, "on its own it only says a target or match was missing"). Null when no one signature holds it.
 */
export function resembledSignatureWeight(
  index: LexicalIndex,
  terms: readonly string[],
  signatures: ReadonlyArray<{ pattern: string; weight: number }>,
): number | null {
  const s = resembledSignature(index, terms, signatures);
  if (!s) return null;
  // A line holding less than two thirds of the signature's own distinctive weight is its generic part only: "timed out
  // waiting for the condition", the tail of "failed to acquire new iptables lock: timed out waiting for the
  // condition", is what every wait of Kubernetes' prints (review 64g F1: helm and kubeadm timeouts named the xtables
  // lock at medium). It weighs the least a resemblance can.
  // (Of the words that tell records apart, as the line's are; a pattern with alternatives has no one set of words.)
  if (s.pattern.includes("|")) return s.weight;
  const line = new Set(terms);
  const distinctive = [...new Set(lexicalTerms(s.pattern))].filter((t) => tellsApart(index, t));
  const ownTotal = distinctive.reduce((sum, t) => sum + idf(index, t), 0);
  const ownHeld = distinctive.reduce((sum, t) => sum + (line.has(t) ? idf(index, t) : 0), 0);
  return ownHeld * 3 < ownTotal * 2 ? Math.min(s.weight, GENERIC_PART_WEIGHT) : s.weight;
}

/** The record's signature holding more than half of the distinctive weight of the words a resembling line shares with it. */
export function resembledSignature<S extends { pattern: string }>(
  index: LexicalIndex,
  terms: readonly string[],
  signatures: readonly S[],
): S | null {
  const total = terms.reduce((sum, t) => sum + idf(index, t), 0);
  if (!total) return null;
  for (const s of signatures) {
    const own = new Set(lexicalTerms(s.pattern));
    const held = terms.reduce((sum, t) => sum + (own.has(t) ? idf(index, t) : 0), 0);
    if (held > total / 2) return s;
  }
  return null;
}
/** What a line holding only a signature's generic part weighs: similarWeight's floor, a lead and no more. */
const GENERIC_PART_WEIGHT = 0.3;
