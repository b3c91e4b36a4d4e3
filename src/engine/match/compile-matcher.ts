import { RE2JS } from "re2js";
import { type Automaton, buildAutomaton, foldLiteral, scanText } from "./aho-corasick";
import { type CutLiterals, cutLineVariants, cutLiterals } from "./cut-lines";
import { decodedFramesOf, decodedFrameVariant } from "./decoded-frames";
import { decodedQuotesVariant, QUOTE_MARKS } from "./decoded-quotes";
import { klogBlockHeadersInText } from "./klog-blocks";
import { lineViews, stripAnsi } from "./normalize-line";
import { requiredLiteralSets } from "./regex-literals";
import { type UnwrappedText, unwrapVariants } from "./unwrap-lines";
import { yamlFoldVariant } from "./yaml-folds";

/**
 * The signature matcher of one knowledge-base version: compiled once, then `scan` finds every
 * signature on every line of a log in one pass over the text, however many signatures there are.
 * Literals of all signatures (and the required literals of every regex) go into one Aho-Corasick
 * automaton; regexes and case-sensitive literals are then confirmed only on the lines it flagged.
 */

export interface SignatureSpec {
  key: string;
  kind: "literal" | "regex";
  pattern: string;
  caseSensitive: boolean;
  /**
   * A refuting regex judges every line holding its strongest required literal (its trigger): a line that
   * holds the trigger but not the regex's other literals fails it too, and is a rejection, not a line
   * skipped unread ("no matches for kind" naming another kind refuses an API-removal record).
   */
  refutes?: boolean;
  /** An RE2 regex (case-insensitive): a line it matches is no hit but a rejection marked `unless`, whatever its kind. */
  unless?: string;
  /** The same for the line after the hit's: a warning the next line's tool printed (see the record schema). */
  unlessNext?: string;
}

export interface Hit {
  key: string;
  /** 1-based line in the text given to `scan`. */
  line: number;
  /** The original line (ANSI colour codes removed; for a mail-wrapped line, the rebuilt line). */
  text: string;
  /** For a line inside a klog `key=<` ... `>` block: the 1-based line of the record that opened it. */
  blockStart?: number;
  /** For a message a paste cut over lines (read whole, found at its first line): its last line, 1-based. */
  through?: number;
}

export interface MatcherProblem {
  key: string;
  pattern: string;
  message: string;
}

export interface MatcherStats {
  signatures: number;
  literals: number;
  states: number;
  classes: number;
  /** States with a dense transition row; the rest use goto+fail edges. */
  denseStates: number;
  tableBytes: number;
}

export interface Matcher {
  readonly stats: MatcherStats;
  scan(text: string): Hit[];
  /**
   * The same hits, and the lines (0-based) that hold one of the `markers` literals, found in the same
   * pass. `marked` is null when the text held ANSI escapes: the pass read the text without them, so its
   * marks may differ from the raw text's.
   */
  scanMarked(text: string): MarkedScan;
}

export interface MarkedScan {
  hits: Hit[];
  marked: Uint8Array | null;
  rejected: Rejection[];
  /** Offset of each line's start in the text, counted by the same pass; null, like `marked`, when it read the text without ANSI escapes. */
  lineStarts: readonly number[] | null;
  /** Where the pass found each of the `probes` literals; null, like `marked`, when it read the text without ANSI escapes. */
  probes: ProbeHits | null;
}

/**
 * The lines (0-based) holding each `probes` literal, as the pass reads text (case folded, CRs and backslashes skipped), in
 * the pass's order (line by line) and once per line: parallel arrays of the probe's index in `probes` and its line. Lines
 * as given only: not the messages the matcher rebuilds (a cut joined, an export's quoting undone).
 */
export interface ProbeHits {
  probe: number[];
  line: number[];
}

/**
 * A line that held a signature's literals but failed its regex (or its case): the signature's own
 * judgement that the line is not its symptom ("restarting failed container=app" for a pattern that
 * names the control-plane containers), which a looser reading of the line should respect.
 */
export interface Rejection {
  key: string;
  /** 1-based, as Hit.line. */
  line: number;
  /** Refused by the signature's `unless` (a framing its sources show is another fault), not by its own pattern. */
  unless?: true;
  /** Refused by its `unlessNext`: the line after it, not the line itself, is the other fault's. */
  next?: true;
}

export class MatcherCompileError extends Error {
  readonly problems: MatcherProblem[];
  constructor(problems: MatcherProblem[]) {
    super(`${problems.length} signature(s) cannot be compiled:\n${problems.map((p) => `- ${p.key}: ${p.message}`).join("\n")}`);
    this.name = "MatcherCompileError";
    this.problems = problems;
  }
}

export interface CompileOptions {
  /** Memory for dense transition rows; deeper states beyond it use goto+fail edges (slower, far smaller). */
  maxDenseBytes?: number;
  /**
   * Build each regex on its first candidate line instead of up front. Only for signatures already
   * validated by a full compile (the import does one): RE2 construction is most of the compile time.
   */
  deferRegexes?: boolean;
  /**
   * Extra literals (folded with `foldLiteral`, case-insensitive) whose lines `scanMarked` reports: a
   * caller's prefilter that rides in the same pass instead of a second one over the text.
   */
  markers?: readonly string[];
  /**
   * Literals (folded with `foldLiteral`) whose lines `scanMarked` reports in `probes`: a caller's prefilter (record
   * contexts' evidence literals) that rides in the pass without becoming hits. As hits, each of their thousands of lines
   * in a journal was a hit object, sorted and read back by its key (issue #12: a tenth of the pass's time).
   */
  probes?: readonly string[];
}

const MIN_LITERAL = 3;
const LINEAR_TIME = "(regexes must run in linear time)";

/** Why re2js refused a pattern, in words a knowledge-base author can act on. */
function regexProblem(pattern: string, error: unknown): string {
  if (/\\[1-9]|\\k<|\(\?P=/.test(pattern)) return `backreferences are not supported ${LINEAR_TIME}`;
  if (/\(\?<?[=!]/.test(pattern)) return `lookaround (lookahead or lookbehind) is not supported ${LINEAR_TIME}`;
  if (pattern.includes("(?>")) return `atomic groups are not supported ${LINEAR_TIME}`;
  if (/[*+?}][+]/.test(pattern)) return `possessive quantifiers are not supported ${LINEAR_TIME}`;
  const detail = error instanceof Error ? error.message.replace(/^error parsing regexp: /, "") : String(error);
  return `not valid RE2 syntax: ${detail}`;
}

type Confirm = ((view: string) => boolean) | null;

interface Compiled {
  key: string;
  confirm: Confirm;
  /** A regex confirmation, worth remembering per view (a literal's `includes` is cheaper than a lookup). */
  memo: boolean;
  /** Literal ids of the sets (after the first) of which a line must also hold one member each. */
  alsoNeeds: number[][];
  /** A refuting regex: a line holding its trigger but not the rest fails it, and is a rejection (see SignatureSpec). */
  refutes: boolean;
  /** The signature's `unless`: a line (any view of it) it matches is a rejection, not a hit. */
  unless: Confirm;
  /** The signature's `unlessNext`, read on the raw line after the hit's. */
  unlessNext: Confirm;
}

/**
 * A line an ellipsis cut (`systemctl status`, `kubectl get events`): a regex failing on it proves nothing. Not a value a
 * tool elides itself ("--ignore-preflight-errors=...", kubeadm's footer), which cuts nothing (review 32e: one definition
 * with the recall tier's, recall/failure-lines.ts CUT and tokens.ts lineTokens).
 */
export const ELLIPSIS_CUT = /(?<!=)\.\.\.|\u2026/;

/** What a compiled knowledge base scans with. */
interface Tables {
  ac: Automaton;
  compiled: Compiled[];
  /** Per literal id: the signatures whose first (strongest) set it belongs to. */
  triggers: number[][];
  /** Per literal id: 1 when it is a marker. */
  isMarker: Uint8Array;
  /** Per literal id: the bit of each QUOTE_MARKS member it is (bit k for member k), 0 for none. */
  quoteMark: Uint8Array;
  /** Per literal id: its index in the `probes` option, or -1. */
  probeOf: Int32Array;
  /** The signatures' long literals, for finding a message a paste cut over lines. */
  cut: CutLiterals;
}

/** Literal sets kept per regex: a line must hold a member of each (so `a.*b` waits for both a and b). */
const MAX_SETS = 4;
/**
 * Sets after the first only spare confirmations, so a set is kept there only when each member holds a
 * letter or digit and is long enough to be rare: punctuation (the "]: " of `prog[pid]: `) is on most lines of
 * a log, and so are short words (a regex's alternation of Kubernetes kinds, "pod", "node", "role": review 60's
 * bench found them costing the scan a hit each), which spare nothing. The regex still decides.
 */
const MIN_SPARING_LITERAL = 6;
const saysSomething = (set: readonly string[]) => set.every((lit) => lit.length >= MIN_SPARING_LITERAL && /[\p{L}\p{N}]/u.test(lit));

function compileOne(sig: SignatureSpec, deferRegexes: boolean): { sets: string[][]; confirm: Confirm } | string {
  if (sig.kind === "literal") {
    if (sig.pattern.includes("\n")) return "literal contains a line break; signatures match within one line";
    const folded = foldLiteral(sig.pattern);
    if (folded.length < MIN_LITERAL) return `literal has fewer than ${MIN_LITERAL} characters once CR and backslashes are ignored`;
    const exact = sig.pattern;
    return { sets: [[folded]], confirm: sig.caseSensitive ? (v) => v.includes(exact) : null };
  }
  const flags = sig.caseSensitive ? 0 : RE2JS.CASE_INSENSITIVE;
  let re: RE2JS | null = null;
  if (!deferRegexes) {
    try {
      re = RE2JS.compile(sig.pattern, flags);
    } catch (error) {
      return regexProblem(sig.pattern, error);
    }
  }
  const [first, ...rest] = requiredLiteralSets(sig.pattern, MIN_LITERAL);
  const sets = first ? [first, ...rest.filter(saysSomething)].slice(0, MAX_SETS) : [];
  if (sets.length === 0) {
    return `no literal of ${MIN_LITERAL}+ characters that every match contains (the one-pass scan needs one to find candidate lines; add a fixed word)`;
  }
  return {
    sets,
    confirm: (v) => {
      re ??= RE2JS.compile(sig.pattern, flags);
      return re.test(v);
    },
  };
}

function compileUnless(pattern: string): Confirm | string {
  try {
    const re = RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
    return (view) => re.test(view);
  } catch (error) {
    return regexProblem(pattern, error);
  }
}

export function compileMatcher(sigs: readonly SignatureSpec[], options: CompileOptions = {}): Matcher {
  const problems: MatcherProblem[] = [];
  const compiled: Compiled[] = [];
  const literalIds = new Map<string, number>();
  const triggers: number[][] = [];
  const idOf = (lit: string): number => {
    let id = literalIds.get(lit);
    if (id === undefined) {
      id = triggers.length;
      literalIds.set(lit, id);
      triggers.push([]);
    }
    return id;
  };
  const keys = new Set<string>();
  for (const sig of sigs) {
    if (keys.has(sig.key)) {
      problems.push({ key: sig.key, pattern: sig.pattern, message: "duplicate signature key" });
      continue;
    }
    keys.add(sig.key);
    const result = compileOne(sig, options.deferRegexes ?? false);
    if (typeof result === "string") {
      problems.push({ key: sig.key, pattern: sig.pattern, message: result });
      continue;
    }
    const unless = sig.unless === undefined ? null : compileUnless(sig.unless);
    const unlessNext = sig.unlessNext === undefined ? null : compileUnless(sig.unlessNext);
    if (typeof unless === "string" || typeof unlessNext === "string") {
      if (typeof unless === "string") problems.push({ key: sig.key, pattern: sig.unless as string, message: `unless: ${unless}` });
      if (typeof unlessNext === "string")
        problems.push({ key: sig.key, pattern: sig.unlessNext as string, message: `unlessNext: ${unlessNext}` });
      continue;
    }
    const index = compiled.length;
    const [first, ...rest] = result.sets as [string[], ...string[][]];
    for (const lit of first) (triggers[idOf(lit)] as number[]).push(index);
    const alsoNeeds = rest.map((set) => set.map(idOf));
    compiled.push({
      key: sig.key,
      confirm: result.confirm,
      memo: sig.kind === "regex",
      alsoNeeds,
      refutes: sig.refutes === true,
      unless,
      unlessNext,
    });
  }
  if (problems.length > 0) throw new MatcherCompileError(problems);
  const markerIds = (options.markers ?? []).map(idOf);
  const quoteMarkIds = QUOTE_MARKS.map((m) => idOf(foldLiteral(m)));
  const isMarker = new Uint8Array(triggers.length);
  for (const id of markerIds) isMarker[id] = 1;
  const quoteMark = new Uint8Array(triggers.length);
  for (const [k, id] of quoteMarkIds.entries()) quoteMark[id] = (quoteMark[id] as number) | (1 << k);
  const probeIds = (options.probes ?? []).map(idOf);
  const probeOf = new Int32Array(triggers.length).fill(-1);
  for (const [k, id] of probeIds.entries()) probeOf[id] = k;
  const literals = [...literalIds.keys()];
  const ac = buildAutomaton(literals, options.maxDenseBytes);
  const ofSignature = new Uint8Array(literals.length);
  for (const [id, sigs] of triggers.entries()) if (sigs.length) ofSignature[id] = 1;
  for (const c of compiled) for (const set of c.alsoNeeds) for (const id of set) ofSignature[id] = 1;
  // A probe running across a line break rebuilds the message, as a signature's literal does: the probes were signatures
  // until issue #12, and a message rebuilt for one of them may hold a signature's match as well.
  for (const id of probeIds) ofSignature[id] = 1;
  const stats: MatcherStats = {
    signatures: compiled.length,
    literals: literalIds.size,
    states: ac.states,
    denseStates: ac.denseStates,
    classes: ac.classes,
    tableBytes: ac.tableBytes,
  };
  const tables: Tables = {
    ac,
    compiled,
    triggers,
    isMarker,
    quoteMark,
    probeOf,
    cut: cutLiterals(ac, literals, (id) => ofSignature[id] === 1),
  };
  return { stats, scan: (text) => scan(tables, text).hits, scanMarked: (text) => scan(tables, text) };
}

/** The line after the one starting at `start` (without its CR), or null at the text's end. */
function lineAfter(text: string, start: number): string | null {
  const end = text.indexOf("\n", start);
  if (end < 0) return null;
  const nextEnd = text.indexOf("\n", end + 1);
  const next = text.slice(end + 1, nextEnd < 0 ? text.length : nextEnd);
  return next.endsWith("\r") ? next.slice(0, -1) : next;
}

/** The tail of the line before the one starting at `start` (what a break could have cut off a framing), or null. */
function lineBefore(text: string, start: number): string | null {
  if (start === 0) return null;
  const end = text.charCodeAt(start - 2) === 13 ? start - 2 : start - 1;
  // Read back at most MAX_FRAMING characters: a search for the line's start would run back over a whole megabyte line.
  let from = end;
  while (from > 0 && end - from < MAX_FRAMING && text.charCodeAt(from - 1) !== 10) from--;
  return text.slice(from, end);
}
/** More of a line before than any framing of a message reads (a tool's name, version and backend). */
const MAX_FRAMING = 200;

/**
 * Whether `unless` reads a framing that runs from the line before into this one: a long line cut by a terminal or a
 * paste ("… iptables-restore v1" / ".8.9 (legacy): unknown option …"), joined as cut or at a space a word wrap took.
 * Only a match the line before does not hold alone counts: that line's own fault is not this line's.
 */
function framedAcrossBreak(unless: NonNullable<Confirm>, before: string | null, line: string): boolean {
  if (!before || unless(before)) return false;
  return unless(`${before}${line}`) || unless(`${before} ${line}`);
}

/** A line refused: [signature, line, by its `unless` or `unlessNext`, by `unlessNext`]. */
type Refusal = [number, number, boolean, boolean?];

/** A syslog or journald tag ("tailscaled[1353]:"): the program a line is from, where the log says. */
const SYSLOG_TAG = /\b([\w.@-]+)\[\d+\]:/;

/** Whether two lines may be one program's output: not when their syslog tags name two programs. */
function sameProgram(line: string, next: string): boolean {
  const a = SYSLOG_TAG.exec(line)?.[1];
  const b = SYSLOG_TAG.exec(next)?.[1];
  return a === undefined || b === undefined || a === b;
}

interface RawHit {
  sig: number;
  line: number; // 0-based
  text: string;
  /** 0-based last line of a joined message. */
  through?: number;
}

/** Distinct views remembered per regex signature and scan: bounds the memory a flood of unique lines can take. */
const MAX_MEMO = 4096;

/**
 * Whether a regex matches any view of a line. A flood of the same error differs line to line only in its
 * framing (timestamps, pids), so the message views come first and their answers are remembered for the
 * rest of the scan; the raw line (views[0]) is tested only when no message view matched.
 */
function confirmViews(confirm: (view: string) => boolean, views: readonly string[], memo: Map<string, boolean>): boolean {
  for (let v = views.length - 1; v >= 0; v--) {
    const view = views[v] as string;
    let ok = memo.get(view);
    if (ok === undefined) {
      ok = confirm(view);
      if (v > 0 && memo.size < MAX_MEMO) memo.set(view, ok);
    }
    if (ok) return true;
  }
  return false;
}

/** Per line (0-based) of a pass: 1 where a marker is (`marked`), and the bits of the QUOTE_MARKS members found (`quoted`). */
interface LineMarks {
  marked: Uint8Array;
  quoted: Uint8Array;
}

/**
 * One pass of the automaton, then confirmation on the flagged lines only, with the marks of the lines; `rejected`
 * gets the signatures whose confirmation refused a flagged line (as [signature, line]).
 */
function scanOnce(
  { ac, compiled, triggers, isMarker, quoteMark, probeOf }: Tables,
  text: string,
  rejected?: Refusal[],
): { raw: RawHit[]; lineStarts: number[]; marks: LineMarks; probes: ProbeHits } {
  const found = scanText(ac, text);
  const marks = { marked: new Uint8Array(found.lines), quoted: new Uint8Array(found.lines) };
  const { marked, quoted } = marks;
  const probes: ProbeHits = { probe: [], line: [] };
  const out: RawHit[] = [];
  const memos = new Map<number, Map<string, boolean>>();
  const hitOn = new Int32Array(triggers.length).fill(-1);
  const decidedOn = new Int32Array(compiled.length).fill(-1);
  const total = found.pattern.length;
  // Hits arrive in line order: take one line's hits at a time.
  for (let from = 0, to = 0; from < total; from = to) {
    const line = found.line[from] as number;
    for (to = from; to < total && found.line[to] === line; to++) {
      const p = found.pattern[to] as number;
      hitOn[p] = line;
      if (isMarker[p] === 1) marked[line] = 1;
      if (quoteMark[p] !== 0) quoted[line] = (quoted[line] as number) | (quoteMark[p] as number);
      const probe = probeOf[p] as number;
      if (probe >= 0) {
        probes.probe.push(probe);
        probes.line.push(line);
      }
    }
    const start = found.lineStart[from] as number;
    let lineText: string | null = null;
    let views: string[] | null = null;
    for (let k = from; k < to; k++) {
      for (const sig of triggers[found.pattern[k] as number] as number[]) {
        if (decidedOn[sig] === line) continue;
        decidedOn[sig] = line;
        const c = compiled[sig] as Compiled;
        const holdsAll = c.alsoNeeds.every((set) => set.some((id) => hitOn[id] === line));
        if (!holdsAll && !c.refutes) continue;
        if (lineText === null) {
          const end = text.indexOf("\n", start);
          lineText = text.slice(start, end < 0 ? text.length : end);
          if (lineText.endsWith("\r")) lineText = lineText.slice(0, -1);
        }
        // A refuting regex's line without its other literals fails it, unless an ellipsis cut them off.
        if (!holdsAll) {
          if (!ELLIPSIS_CUT.test(lineText)) rejected?.push([sig, line, false]);
          continue;
        }
        if (c.confirm) {
          views ??= lineViews(lineText, (found.end[k] as number) - start);
          let memo: Map<string, boolean> | undefined;
          if (c.memo) {
            memo = memos.get(sig) ?? new Map<string, boolean>();
            memos.set(sig, memo);
          }
          if (!(memo ? confirmViews(c.confirm, views, memo) : views.some(c.confirm))) {
            if (!ELLIPSIS_CUT.test(lineText)) rejected?.push([sig, line, false]);
            continue;
          }
        }
        if (c.unless) {
          views ??= lineViews(lineText, (found.end[k] as number) - start);
          if (views.some(c.unless) || framedAcrossBreak(c.unless, lineBefore(text, start), lineText)) {
            rejected?.push([sig, line, true]);
            continue;
          }
        }
        if (c.unlessNext) {
          const next = lineAfter(text, start);
          if (next !== null && sameProgram(lineText, next) && c.unlessNext(next)) {
            rejected?.push([sig, line, true, true]);
            continue;
          }
        }
        out.push({ sig, line, text: lineText });
      }
    }
  }
  return { raw: out, lineStarts: found.lineStarts, marks, probes };
}

/** The lines each signature's hits are on. */
function linesBySignature(hits: readonly RawHit[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const h of hits) {
    const lines = out.get(h.sig);
    if (lines) lines.push(h.line);
    else out.set(h.sig, [h.line]);
  }
  return out;
}

function scan(tables: Tables, input: string): MarkedScan {
  const text = stripAnsi(input);
  const refused: Refusal[] = [];
  const { raw, lineStarts, marks, probes } = scanOnce(tables, text, refused);
  const { marked, quoted } = marks;
  // A mail-wrapped paste is rebuilt whole; otherwise only lines a signature's wording runs across; a decoded kernel
  // stack trace's lines in the kernel's own form; a YAML document's folded scalars joined; and an export's quoted lines
  // (JSON's \u003c, CSV's doubled quotes) as printed.
  const wrapped = unwrapVariants(text);
  const joined = wrapped.length ? wrapped : cutLineVariants(tables.cut, text, lineStarts);
  const decoded = [
    decodedFrameVariant(text, lineStarts),
    ...wrapped.map(decodedFramesOf),
    yamlFoldVariant(text, lineStarts),
    decodedQuotesVariant(text, lineStarts, quoted),
  ].filter((v): v is UnwrappedText => v !== null);
  const variants = [...joined, ...decoded];
  // A line the pass refused by a signature's `unless` stays refused: a rebuilt line around it (a mail-wrapped paste
  // joined again) may have lost the framing or the next line that refused it.
  const seen = variants.length
    ? new Set([...raw.map((h) => `${h.sig}:${h.line}`), ...refused.filter(([, , unless]) => unless).map(([sig, line]) => `${sig}:${line}`)])
    : new Set<string>();
  // Signature → the original lines a joined message covers after its first: the joined hit stands for them.
  const covered = new Map<number, Array<[number, number]>>();
  // The original scan's hits, by signature, for a rebuilt record to look for among its lines.
  const rawLines = variants.length ? linesBySignature(raw) : null;
  // Signature → the original lines of a rebuilt message its `unless` refused: no hit of it there, not even on a part.
  const unlessOn = new Map<number, Array<[number, number]>>();
  for (const variant of variants) {
    const rewrapped = wrapped.includes(variant);
    const refusedHere: Refusal[] = [];
    const { raw: found } = scanOnce(tables, variant.text, refusedHere);
    for (const [sig, at, unless, next] of refusedHere) {
      if (!unless || !variant.changed[at]) continue;
      const line = variant.origin[at] as number;
      const last = variant.through?.[at] ?? (variant.origin[at + 1] ?? lineStarts.length) - 1;
      const spans = unlessOn.get(sig) ?? [];
      spans.push([line, last]);
      unlessOn.set(sig, spans);
      for (let l = line; l <= last; l++) refused.push([sig, l, true, next === true]);
    }
    for (const h of found) {
      if (!variant.changed[h.line]) continue; // same line as in the original: already scanned
      const line = variant.origin[h.line] as number;
      const through = variant.through?.[h.line];
      if (through !== undefined) {
        const spans = covered.get(h.sig) ?? [];
        spans.push([line, through]);
        covered.set(h.sig, spans);
      }
      // A rebuilt record of a mail-wrapped paste whose continuation line holds the whole message: that
      // line, found as pasted, is the evidence, not the record again.
      if (rewrapped) {
        const last = (variant.origin[h.line + 1] ?? lineStarts.length) - 1;
        if (rawLines?.get(h.sig)?.some((l) => l > line && l <= last)) continue;
      }
      const id = `${h.sig}:${line}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const shown = variant.shown?.[h.line] ?? h.text;
      raw.push(through === undefined ? { sig: h.sig, line, text: shown } : { sig: h.sig, line, text: shown, through });
    }
  }
  // One message cut over lines is one piece of evidence, at its first line, not one per part; a rebuilt message its
  // signature's `unless` refused leaves no hit of that signature on any of its lines.
  if (covered.size || unlessOn.size) {
    const inside = (h: RawHit) =>
      (covered.get(h.sig)?.some(([first, last]) => h.line > first && h.line <= last) ?? false) ||
      (unlessOn.get(h.sig)?.some(([first, last]) => h.line >= first && h.line <= last) ?? false);
    let kept = 0;
    for (const h of raw) if (!inside(h)) raw[kept++] = h;
    raw.length = kept;
  }
  raw.sort((a, b) => a.line - b.line || a.sig - b.sig);
  const blocks = raw.length > 0 && text.includes("=<") ? klogBlockHeadersInText(text, lineStarts) : null;
  const hits = raw.map((h) => {
    const hit: Hit = { key: (tables.compiled[h.sig] as Compiled).key, line: h.line + 1, text: h.text };
    const header = blocks?.get(h.line);
    if (header !== undefined) hit.blockStart = header + 1;
    if (h.through !== undefined) hit.through = h.through + 1;
    return hit;
  });
  const rejected = refused.map(([sig, line, unless, next]): Rejection => {
    const key = (tables.compiled[sig] as Compiled).key;
    if (!unless) return { key, line: line + 1 };
    return next ? { key, line: line + 1, unless, next } : { key, line: line + 1, unless };
  });
  const asGiven = text === input;
  return {
    hits,
    marked: asGiven ? marked : null,
    rejected,
    lineStarts: asGiven ? lineStarts : null,
    probes: asGiven ? probes : null,
  };
}
