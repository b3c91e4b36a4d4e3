/**
 * The recall tier below exact signatures. Token signatures (derived from every exact signature) find
 * the same message in other words around the same distinctive ones; the lexical fallback finds the
 * record whose own text best explains an error line nothing else explained. Both only bring a record
 * in as a hedged finding: its score is capped below "high" (see score.ts), so a clean log never
 * produces a high finding from them.
 */
import type { Hit } from "../match";
import { bestMatch, buildLexicalIndex, type LexicalIndex, type LexicalMatch } from "./lexical";
import { lineTokens, MIN_TOKENS, matchTokens, signatureTokens, type TokenSignature } from "./tokens";

export { lexicalTerms } from "./lexical";
export { lineTokens, matchTokens, signatureTokens } from "./tokens";

/** The parts of a record the recall tier reads (a structural subset of the knowledge base's record). */
export interface RecallRecord {
  id: string;
  title: string;
  summary: string;
  rootCause: string;
  signatures: ReadonlyArray<{ id: string; kind: "literal" | "regex"; pattern: string; description?: string | undefined }>;
  examples: ReadonlyArray<{ log: string; expect: string }>;
}

export interface RecallTables {
  tokenSignatures: TokenSignature[];
  /** Anchor word → indexes into tokenSignatures. */
  byAnchor: Map<string, number[]>;
  lexical: LexicalIndex;
}

const MIN_ANCHOR = 4;
const MAX_ANCHOR_SHARE = 8;
/** Bounds on the work one diagnosis may do in the recall tier, whatever the size of the log. */
const MAX_LEXICAL_LINES = 60;
const LEXICAL_WINDOW = 512 * 1024;
const MAX_LINE = 4000;

export function compileRecall(records: readonly RecallRecord[], keyOf: (recordId: string, signatureId: string) => string): RecallTables {
  const raw = records.flatMap((r) => r.signatures.map((s) => ({ key: keyOf(r.id, s.id), tokens: signatureTokens(s.kind, s.pattern) })));
  const usable = raw.filter((t) => t.tokens.length >= MIN_TOKENS);
  // How many token signatures use each word: anchors are the rarest, so few lines are tried.
  const df = new Map<string, number>();
  for (const t of usable) for (const w of new Set(t.tokens)) df.set(w, (df.get(w) ?? 0) + 1);
  const tokenSignatures: TokenSignature[] = usable.map((t) => {
    const anchors = [...new Set(t.tokens)]
      .filter((w) => w.length >= MIN_ANCHOR)
      .sort((a, b) => (df.get(a) ?? 0) - (df.get(b) ?? 0) || b.length - a.length || a.localeCompare(b))
      .slice(0, 2);
    return { key: t.key, tokens: t.tokens, anchors };
  });
  // An anchor shared by many signatures selects nothing: those signatures stay exact-only, so a line
  // never costs more than a handful of token matches.
  const byAnchor = new Map<string, number[]>();
  tokenSignatures.forEach((t, i) => {
    for (const a of t.anchors) if ((df.get(a) ?? 0) <= MAX_ANCHOR_SHARE) byAnchor.set(a, [...(byAnchor.get(a) ?? []), i]);
  });
  const lexical = buildLexicalIndex(
    records.map((r) => ({
      id: r.id,
      text: [
        r.title,
        r.summary,
        r.rootCause,
        ...r.signatures.flatMap((s) => [s.pattern, s.description ?? ""]),
        ...r.examples.filter((e) => e.expect !== "absent").map((e) => e.log.slice(0, 8000)),
      ].join("\n"),
    })),
  );
  return { tokenSignatures, byAnchor, lexical };
}

export interface ApproximateHit extends Hit {
  approximate: "tokens" | "similar";
  /** For "similar": the record it resembles, how much of the line it explains, and the shared words. */
  recordId?: string;
  coverage?: number;
  terms?: string[];
}

/**
 * A line that reports a failure: only these are worth explaining by resemblance. Besides the words
 * of failure, the errno texts (`strerror`) a tool prints when the kernel refuses (a message can be
 * only "…: no space left on device"), and states a daemon warns about instead of failing ("X is
 * disabled", "PLEG is not healthy", "loop detected").
 */
const FAILURE =
  /\b(?:error|err|fail(?:s|ed|ure)?|unable|cannot|can't|couldn't|could not|denied|refused|invalid|not found|no such|timed? ?out|panic|fatal|unknown|not supported|unsupported|exceeded|dropp(?:ed|ing)|reject(?:ed|ing)|oops|bug)\b|^[EF]\d{4} /i;
const FAILURE_STATE =
  /\b(?:no space left on device|operation not permitted|not permitted|resource busy|read-only file system|too many open files|no buffer space|out of memory|is disabled|not healthy|unhealthy|(?:loop|deadlock|lockup)\b.{0,60}?\bdetected)\b/i;
const isFailure = (line: string) => FAILURE.test(line) || FAILURE_STATE.test(line);

/** Gates of the lexical fallback: most of the line's distinctive weight explained, by a clear winner. */
const MIN_COVERAGE = 0.7;
const MIN_TERMS = 5;
/** A compound only one record's text holds (`bridge-nf-call-iptables`) names the thing itself: fewer words suffice. */
const MIN_ANCHORED_TERMS = 3;
const MIN_LEAD = 1.8;
/** Enough of the line explained, by a record that leads the others clearly (or alone holds a compound of the line). */
const clearWinner = (m: LexicalMatch) =>
  m.anchored
    ? m.words >= MIN_ANCHORED_TERMS && m.score >= MIN_ANCHORED_LEAD * m.runnerUp
    : m.words >= MIN_TERMS && m.score >= MIN_LEAD * m.runnerUp;
const MIN_ANCHORED_LEAD = 1.25;
/** Informational lines (klog I, logfmt level=info) describe normal operation, whatever words they use. */
const INFO = /(?:^|\s|\]:\s)I\d{4} \d\d:\d\d:\d\d|\blevel=(?:info|debug)\b/;

/**
 * The recall tier over one log: on each failure line (or a line cut by an ellipsis), the token
 * signatures whose anchor words it holds and whose exact signature did not match it; then, for a
 * failure line nothing explained, the record whose text best explains it. Only the first and last
 * 512 KB of a large log are read, so the work is bounded whatever the log's size: pasted reports are
 * small, and a large log's failure is near its end. The one-pass matcher is not involved.
 */
export function recallHits(tables: RecallTables, text: string, exact: readonly Hit[], isLog: (line: number) => boolean): ApproximateHit[] {
  const exactOn = new Set(exact.map((h) => `${h.key}\n${h.line}`));
  const explained = new Set(exact.map((h) => h.line));
  const tokens: ApproximateHit[] = [];
  const similar: ApproximateHit[] = [];
  let tried = 0;
  // Logs repeat one message with other numbers: judge each distinct wording once.
  const seen = new Map<string, { sigs: number[]; similar: ReturnType<typeof bestMatch> | undefined }>();
  forEachWindowLine(text, (l, line) => {
    if (!isLog(line) || !(isFailure(l) || CUT.test(l))) return true;
    const key = l.replace(DIGITS, "#");
    let judged = seen.get(key);
    let words: string[] | null = null;
    if (!judged) {
      // Past this many distinct wordings the tier stops: the work stays bounded on any log.
      if (seen.size >= MAX_DISTINCT_LINES) return false;
      words = lineTokens(l);
      const candidates = new Set<number>();
      for (const w of words) for (const i of tables.byAnchor.get(w) ?? []) candidates.add(i);
      const w = words;
      const sigs = [...candidates].filter((i) => matchTokens((tables.tokenSignatures[i] as TokenSignature).tokens, w));
      judged = { sigs, similar: undefined };
      seen.set(key, judged);
    }
    let matched = false;
    for (const i of judged.sigs) {
      const sig = tables.tokenSignatures[i] as TokenSignature;
      if (exactOn.has(`${sig.key}\n${line}`)) continue;
      tokens.push({ key: sig.key, line, text: l, approximate: "tokens" });
      matched = true;
    }
    if (matched || explained.has(line) || !isFailure(l) || INFO.test(l.slice(0, 200))) return true;
    if (judged.similar === undefined) {
      if (tried >= MAX_LEXICAL_LINES) return true;
      tried++;
      judged.similar = bestMatch(tables.lexical, l);
    }
    const m = judged.similar;
    if (m && m.coverage >= MIN_COVERAGE && clearWinner(m)) {
      similar.push({ key: m.id, line, text: l, approximate: "similar", recordId: m.id, coverage: m.coverage, terms: m.terms });
    }
    return true;
  });
  // Resemblance last: a record that a token signature found needs no resemblance.
  return [...tokens, ...similar];
}

const CUT = /\.\.\.|\u2026/;
/** What differs between repeats of one message: its numbers. */
const DIGITS = /\d+/g;
const MAX_DISTINCT_LINES = 1_000;

/** Calls `visit(line, number)` for each line of the first and last 512 KB (the whole text when small). */
function forEachWindowLine(text: string, visit: (line: string, n: number) => boolean): void {
  const windows: Array<[number, number]> =
    text.length <= 2 * LEXICAL_WINDOW
      ? [[0, text.length]]
      : [
          [0, LEXICAL_WINDOW],
          [text.length - LEXICAL_WINDOW, text.length],
        ];
  for (const [from, to] of windows) {
    let start = from === 0 ? 0 : text.indexOf("\n", from) + 1;
    if (start <= 0 && from !== 0) continue;
    let line = lineNumberAt(text, start);
    while (start < to) {
      const nl = text.indexOf("\n", start);
      const end = nl < 0 ? text.length : nl;
      let l = text.slice(start, Math.min(end, start + MAX_LINE));
      if (l.endsWith("\r")) l = l.slice(0, -1);
      if (!visit(l, line) || nl < 0) break;
      start = nl + 1;
      line++;
    }
  }
}

/** 1-based number of the line starting at `offset`. */
function lineNumberAt(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
