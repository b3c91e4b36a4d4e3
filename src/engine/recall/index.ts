/**
 * The recall tier below exact signatures. Token signatures (derived from every exact signature) find
 * the same message in other words around the same distinctive ones; the lexical fallback finds the
 * record whose own text best explains an error line nothing else explained. Both only bring a record
 * in as a hedged finding: its score is capped below "high" (see score.ts), so a clean log never
 * produces a high finding from them.
 */
import { isLogFramed } from "../facts/log-framing";
import type { Hit } from "../match";
import { unframe } from "../match/normalize-line";
import { bestMatch, bestMatchOfLines, buildLexicalIndex, type LexicalIndex, type LexicalMatch } from "./lexical";
import { lineTokens, MIN_TOKENS, matchTokens, signatureTokens, stem, type TokenSignature, WILD } from "./tokens";

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
  const usable = raw.filter((t) => t.tokens.filter((w) => w !== WILD).length >= MIN_TOKENS);
  // How many token signatures use each word: anchors are the rarest, so few lines are tried.
  const df = new Map<string, number>();
  for (const t of usable) for (const w of new Set(t.tokens)) if (w !== WILD) df.set(w, (df.get(w) ?? 0) + 1);
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
    for (const a of t.anchors) {
      if ((df.get(a) ?? 0) > MAX_ANCHOR_SHARE) continue;
      // Keyed by the word's stem too, so another grammatical form of an anchor still selects it.
      for (const key of new Set([a, stem(a)])) byAnchor.set(key, [...(byAnchor.get(key) ?? []), i]);
    }
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
 * disabled", "PLEG is not healthy", "loop detected", "another app is holding the lock").
 */
const FAILURE =
  /\b(?:error|err|fail(?:s|ed|ure)?|unable|cannot|can't|couldn't|could not|denied|refused|invalid|not found|no such|timed? ?out|panic|fatal|unknown|not supported|unsupported|exceeded|dropp(?:ed|ing)|reject(?:ed|ing)|oops|bug)\b|^[EF]\d{4} /i;
const FAILURE_STATE =
  /\b(?:no space left on device|operation not permitted|not permitted|resource busy|read-only file system|too many open files|no buffer space|out of memory|is disabled|not healthy|unhealthy|(?:loop|deadlock|lockup)\b.{0,60}?\bdetected|(?:holding|held|waiting for)\b.{0,40}\block\b)\b/i;
const isFailure = (line: string) => FAILURE.test(line) || FAILURE_STATE.test(line);

/**
 * Literals of which a line that FAILURE, FAILURE_STATE or CUT accepts holds at least one (one per
 * alternative, folded as the matcher reads text): the one-pass matcher marks their lines, so only
 * those lines (and lines opening with E/F, FAILURE's klog header) are tested here.
 */
export const FAILURE_MARKERS = [
  ...["err", "fail", "unable", "cannot", "can't", "couldn't", "could not", "denied", "refused", "invalid"],
  ...["not found", "no such", "timeout", "timedout", "time out", "timed out", "panic", "fatal", "unknown"],
  ...["not supported", "unsupported", "exceeded", "dropp", "reject", "oops", "bug"],
  ...["no space left on device", "not permitted", "resource busy", "read-only file system", "too many open files"],
  ...["no buffer space", "out of memory", "is disabled", "not healthy", "unhealthy", "detected", "holding", "held"],
  ...["waiting for", "...", "\u2026"],
];

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
  return m.words >= MIN_TERMS && m.score >= MIN_LEAD * m.runnerUp;
};
const MIN_ANCHORED_LEAD = 1.25;
const FULL_COVERAGE = 0.95;
const MIN_FULL_LEAD = 1.4;
/** Informational lines (klog I, logfmt level=info) describe normal operation, whatever words they use. */
const INFO = /(?:^|\s|\]:\s)I\d{4} \d\d:\d\d:\d\d|\blevel=(?:info|debug)\b/;

/**
 * The recall tier over one log: on each failure line (or a line cut by an ellipsis), the token
 * signatures whose anchor words it holds and whose exact signature did not match it; then, for a
 * failure line nothing explained, the record whose text best explains it. Only the first and last
 * 512 KB of a large log are read, so the work is bounded whatever the log's size: pasted reports are
 * small, and a large log's failure is near its end. `marked` (0-based lines holding a FAILURE_MARKERS
 * literal, from the matcher's pass) spares the failure tests on the lines that cannot pass them.
 */
export function recallHits(
  tables: RecallTables,
  text: string,
  exact: readonly Hit[],
  isLog: (line: number) => boolean,
  marked: Uint8Array | null = null,
): ApproximateHit[] {
  const exactOn = new Set(exact.map((h) => `${h.key}\n${h.line}`));
  const explained = new Set(exact.map((h) => h.line));
  const tokens: ApproximateHit[] = [];
  const similar: ApproximateHit[] = [];
  let tried = 0;
  const tokenMatches = (words: readonly string[]) => {
    const candidates = new Set<number>();
    for (const w of words) {
      for (const i of tables.byAnchor.get(w) ?? []) candidates.add(i);
      const root = stem(w);
      if (root !== w) for (const i of tables.byAnchor.get(root) ?? []) candidates.add(i);
    }
    return [...candidates].filter((i) => matchTokens((tables.tokenSignatures[i] as TokenSignature).tokens, words));
  };
  const resemblance = (l: string) => {
    tried++;
    const m = bestMatch(tables.lexical, l);
    return m && m.coverage >= MIN_COVERAGE && clearWinner(m) ? m : null;
  };
  const pushSimilar = (m: LexicalMatch, line: number, l: string) =>
    similar.push({ key: m.id, line, text: l, approximate: "similar", recordId: m.id, coverage: m.coverage, terms: m.terms });
  /** Failure lines nothing explained, one per wording: the whole report's last resort. */
  const unexplained: Array<{ line: number; text: string }> = [];
  // Logs repeat one message with other numbers: judge each distinct wording once.
  const seen = new Map<string, { sigs: number[]; similar: LexicalMatch | null | undefined; queued?: boolean }>();
  /** How the line was explained: a signature (exact or tokens), a resemblance, nothing; null past the work bound. */
  const judgeLine = (l: string, line: number): "signature" | "similar" | "none" | null => {
    const key = l.replace(DIGITS, "#");
    let judged = seen.get(key);
    if (!judged) {
      // Past this many distinct wordings the tier stops: the work stays bounded on any log.
      if (seen.size >= MAX_DISTINCT_LINES) return null;
      judged = { sigs: tokenMatches(lineTokens(l)), similar: undefined };
      seen.set(key, judged);
    }
    let matched = false;
    for (const i of judged.sigs) {
      const sig = tables.tokenSignatures[i] as TokenSignature;
      if (exactOn.has(`${sig.key}\n${line}`)) continue;
      tokens.push({ key: sig.key, line, text: l, approximate: "tokens" });
      matched = true;
    }
    if (matched || explained.has(line)) return "signature";
    if (!isFailure(l) || INFO.test(l.slice(0, 200))) return "none";
    if (judged.similar === undefined) {
      if (tried >= MAX_LEXICAL_LINES) return "none";
      judged.similar = resemblance(l);
    }
    if (judged.similar) pushSimilar(judged.similar, line, l);
    else if (!judged.queued && unexplained.length < MAX_REPORT_LINES) {
      judged.queued = true;
      unexplained.push({ line, text: l });
    }
    return judged.similar ? "similar" : "none";
  };
  // A failure line nothing explained may be one message split over lines (wrapped by a terminal, a
  // form or an error wrapper): judged again joined with its neighbours that continue it.
  const groups: SplitMessage[] = [];
  const open: SplitMessage[] = [];
  const closeGroup = (g: SplitMessage) => {
    open.splice(open.indexOf(g), 1);
    if (g.parts.length < 2) return;
    const joined = g.parts.join(" ");
    // Only what the lines say together: a signature one of them holds alone was judged on that line.
    const partWords = g.parts.map(lineTokens);
    const sigs = tokenMatches(lineTokens(joined)).filter((i) => {
      const sig = tables.tokenSignatures[i] as TokenSignature;
      return !partWords.some((w, k) => exactOn.has(`${sig.key}\n${g.line + k}`) || matchTokens(sig.tokens, w));
    });
    for (const i of sigs) {
      const sig = tables.tokenSignatures[i] as TokenSignature;
      // The evidence starts at the line where the message's words start.
      let from = 0;
      while (from + 1 < g.parts.length && matchTokens(sig.tokens, partWords.slice(from + 1).flat())) from++;
      tokens.push({ key: sig.key, line: g.line + from, text: g.parts.slice(from).join(" "), approximate: "tokens" });
    }
    if (sigs.length || g.resembled || tried >= MAX_LEXICAL_LINES) return;
    const m = resemblance(joined);
    if (m) pushSimilar(m, g.line, joined);
  };
  // The previous line, kept as text and number (no allocation per line of a large log).
  let prevText = "";
  let prevLine = 0;
  forEachWindowLine(text, marked?.length ?? 0, (l, line) => {
    // Whether this line continues the one before: only worked out when a message could use it.
    let continues: boolean | undefined;
    const continuesPrev = () => {
      continues ??= isLog(line) && continuesMessage(l);
      return continues;
    };
    if (open.length) {
      for (const g of [...open]) {
        if (continuesPrev() && g.parts.length < MAX_SPLIT_LINES && g.length + l.length <= MAX_SPLIT_CHARS) {
          g.parts.push(l.trim());
          g.length += l.length;
        } else closeGroup(g);
      }
    }
    const relevant = isLog(line) && (marked === null || mayFail(marked, line, l)) && (isFailure(l) || CUT.test(l));
    const verdict = relevant ? judgeLine(l, line) : "signature";
    if (verdict === null) return false;
    // A resemblance is the weakest explanation: the whole message may still match a signature's words.
    if (verdict !== "signature" && isFailure(l) && groups.length < MAX_SPLIT_MESSAGES) {
      const before = prevLine === line - 1 && prevText.trim() && isLog(prevLine) && continuesPrev();
      const g: SplitMessage = {
        line: before ? prevLine : line,
        parts: before ? [prevText.trim(), l.trim()] : [l.trim()],
        length: (before ? prevText.length : 0) + l.length,
        resembled: verdict === "similar",
      };
      groups.push(g);
      open.push(g);
    }
    prevText = l;
    prevLine = line;
    return true;
  });
  for (const g of [...open]) closeGroup(g);
  // Nothing at all explained the report: its failure lines together may still resemble one record
  // clearly (a short report words one failure over several lines, each too short to decide alone).
  if (!exact.length && !tokens.length && !similar.length) {
    const whole = reportResemblance(tables, unexplained);
    if (whole) similar.push(whole);
  }
  // Resemblance last: a record that a token signature found needs no resemblance.
  return [...tokens, ...similar];
}

/** How many of a report's unexplained failure lines its whole-report query reads. */
const MAX_REPORT_LINES = 20;
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
function reportResemblance(tables: RecallTables, lines: ReadonlyArray<{ line: number; text: string }>): ApproximateHit | null {
  if (!lines.length) return null;
  const m = bestMatchOfLines(
    tables.lexical,
    lines.map((l) => l.text),
  );
  if (!m || m.words < MIN_REPORT_WORDS || m.coverage < MIN_REPORT_COVERAGE || m.score < MIN_REPORT_LEAD * m.runnerUp) return null;
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

interface SplitMessage {
  /** The first line of the message. */
  line: number;
  parts: string[];
  length: number;
  /** Its failure line already resembles a record: only a token signature adds anything. */
  resembled: boolean;
}
const MAX_SPLIT_LINES = 5;
const MAX_SPLIT_CHARS = 800;
const MAX_SPLIT_MESSAGES = 60;
/** A shell prompt or a list bullet starts something new. */
const NEW_THING = /^(?:[$#>] |\[?[\w.@-]+@[\w.-]+[^\]]*\][#$] |[-*•] )/;

/** Whether a line can continue the previous one: not blank, and no log framing or prompt of its own. */
function continuesMessage(l: string): boolean {
  const t = l.trim();
  if (!t || t.length > MAX_SPLIT_CHARS / 2 || NEW_THING.test(t)) return false;
  return !isLogFramed(t) && unframe(l) === l.trimStart();
}

const CUT = /\.\.\.|\u2026/;
/** What differs between repeats of one message: its numbers. */
const DIGITS = /\d+/g;
const MAX_DISTINCT_LINES = 1_000;

/** Calls `visit(line, number)` for each line of the first and last 512 KB (the whole text when small). */
/** A line the matcher marked (1-based `line`), or one opening with E/F, which FAILURE's klog header accepts. */
function mayFail(marked: Uint8Array, line: number, l: string): boolean {
  if (marked[line - 1] === 1) return true;
  const c = l.charCodeAt(0);
  return c === 69 || c === 70 || c === 101 || c === 102;
}

/**
 * `lines`, when known (> 0), is the text's line count: the second window's first line number is then
 * counted back from the end rather than forward over the whole text.
 */
function forEachWindowLine(text: string, lines: number, visit: (line: string, n: number) => boolean): void {
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
    let line = start === 0 ? 1 : lines > 0 ? lines - newlinesFrom(text, start) : lineNumberAt(text, start);
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

/** Newlines at or after `offset`. */
function newlinesFrom(text: string, offset: number): number {
  let n = 0;
  for (let i = text.indexOf("\n", offset); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/** 1-based number of the line starting at `offset`. */
function lineNumberAt(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
