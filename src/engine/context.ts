import { RE2JS } from "re2js";
import { type Automaton, buildAutomaton, foldLiteral, requiredLiteralSets, scanText, searchOf } from "./match";
import { lineEnd, lineOfOffset, lineStartsOf } from "./match/line-starts";
import type { BugRecord } from "./record";

/**
 * Record context: what a bug needs around it beyond its log line ("a Raspberry Pi"). A message can
 * name a condition it does not prove (k3s prints its Raspberry Pi hint on every host whose memory
 * controller it cannot find), so a record that declares a context is high only when something else
 * in the input shows it: a kernel name, a board, an OS image. Otherwise the finding stays below high.
 */

/** Where to look: the other fields as given, and the log lines with the lines the record matched left out. */
export interface ContextInput {
  others: readonly string[];
  logs: string;
  /** The evidence literals the matcher's pass found in `logs`, when it read `logs` as given (no ANSI escapes). */
  found?: FoundLiterals;
  /** What contextShown works out once about `logs` and reuses for every record of the diagnosis. */
  window?: LogWindow;
  /** Lines of `logs` (1-based) that show nothing of the host: what a container printed (ExtractedFacts.containerOutput). */
  notHost?: ReadonlySet<number>;
  /**
   * Records one of whose signatures' `unless` showed a line of `logs` to be another fault's, with that line (1-based):
   * the same words elsewhere in the report may be that fault's too.
   */
  otherFault?: ReadonlyMap<string, number>;
}

/**
 * The evidence literals (see contextLiterals) ride in the matcher's one pass as probes, so the logs
 * need no second pass of their own: where each was found, and where each line of the logs starts.
 */
export interface FoundLiterals {
  /** Per hit: the literal's index in contextLiterals' list and its 0-based line. */
  hits: ReadonlyArray<{ literal: number; line: number }>;
  lineStarts: readonly number[];
}

/**
 * Which evidence literals the searched start of the logs holds (as `literals` reads it) and on which
 * lines (0-based), and whether every line is plain ASCII text.
 */
export interface LogWindow {
  literals: ContextLiterals;
  present: ReadonlySet<string>;
  /** The 0-based lines holding a literal, in order. */
  hitLines: readonly number[];
  /** Per literal present, the 0-based lines holding it (in the pass's order). */
  linesOf: ReadonlyMap<string, readonly number[]>;
  plain: boolean;
  /** The searched text's lines, split once for all the records that read them. */
  lines: () => readonly string[];
  /** Line `i` (0-based) as plainLower gives it, worked out once for all the records that read it. */
  lower: (i: number) => string | null;
  /** The lines (0-based) that are not plain ASCII text, found once for all the records that read them. */
  notPlainLines: () => ReadonlySet<number>;
}

/**
 * Every context's evidence literals in one automaton, shared by the contexts of a knowledge base: one
 * pass over the start of the logs finds which of them it holds (a search per literal read it once each).
 * The automaton folds case and skips CRs and backslashes, which on plain ASCII text is what searching
 * the text lower-cased without them finds. A literal with a capital, CR or backslash is in no such text,
 * so it is left out: never present.
 */
interface ContextLiterals {
  automaton: Automaton;
  literals: readonly string[];
}

export type ContextCheck = (record: BugRecord, matchedLines: ReadonlySet<number>) => boolean;

/** Longest text searched per input: context shows up in headers, uname lines and early log lines. */
const MAX_CONTEXT_CHARS = 256 * 1024;

/** Whether a pattern matches somewhere in a line. */
type LineSearch = (line: string) => boolean;

/** A record's context, compiled: what shows it, and the hint wording that names it without showing it. */
export interface CompiledContext {
  evidence: readonly LineSearch[];
  hints: readonly LineSearch[];
  /**
   * Per evidence pattern: the literal sets every match holds (lower case; a line must hold a member of
   * each), or null when they cannot be trusted as a prefilter (none found, or a non-ASCII literal).
   */
  evidenceLiterals: ReadonlyArray<readonly (readonly string[])[] | null>;
  literals: ContextLiterals;
}

const compile = (patterns: readonly string[] = []) => patterns.map((p) => searchOf(RE2JS.compile(p, RE2JS.CASE_INSENSITIVE)));

/** The prefilter is only exact for literals of printable ASCII. */
const NON_ASCII_LITERAL = /[^\x20-\x7e]/;
const prefilterOf = (pattern: string) => {
  let sets: string[][];
  try {
    sets = requiredLiteralSets(pattern, 3);
  } catch {
    return null;
  }
  return sets.length && sets.every((set) => set.every((l) => !NON_ASCII_LITERAL.test(l))) ? sets : null;
};

export function compileContexts(records: readonly BugRecord[]): ReadonlyMap<string, CompiledContext> {
  const searchable = contextLiterals(records);
  const literals: ContextLiterals = { automaton: buildAutomaton(searchable), literals: searchable };
  return new Map(
    records.flatMap((r) => {
      if (!r.context) return [];
      const evidence = r.context.evidence ?? [];
      return [
        [r.id, { evidence: compile(evidence), hints: compile(r.context.hints), evidenceLiterals: evidence.map(prefilterOf), literals }],
      ];
    }),
  );
}

/** Every context's evidence literals that a folded search can find, in one fixed order (FoundLiterals indexes it). */
export function contextLiterals(records: readonly BugRecord[]): string[] {
  const all = new Set(records.flatMap((r) => (r.context?.evidence ?? []).flatMap((p) => (prefilterOf(p) ?? []).flat())));
  return [...all].filter((l) => foldLiteral(l) === l);
}

/**
 * Whether evidence pattern `i` cannot match a line because the line lacks one of its required
 * literals. Only said of a line of ASCII text (tabs, CRs and backslashes allowed): there RE2's
 * case-insensitive match and a lower-cased `includes` agree, once CRs and backslashes (which the
 * literals are folded without) are dropped from the line too.
 */
function cannotMatch(context: CompiledContext, i: number, lower: () => string | null): boolean {
  const sets = context.evidenceLiterals[i];
  if (!sets) return false;
  const l = lower();
  return l !== null && sets.some((set) => !set.some((lit) => l.includes(lit)));
}

/** The line in lower case without CRs and backslashes, when it is ASCII text; otherwise null. */
function plainLower(line: string): string | null {
  let folded = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 13 || c === 92) folded = true;
    else if ((c < 32 && c !== 9) || c > 126) return null;
  }
  const lower = line.toLowerCase();
  return folded ? lower.replace(/[\r\\]/g, "") : lower;
}

/**
 * Whether the input shows the record's context outside the lines its own signatures matched. Lines
 * carrying a hint are skipped: a program that prints "on a Raspberry Pi" on every host proves nothing.
 */
export function contextShown(context: CompiledContext, input: ContextInput, matchedLines: ReadonlySet<number>): boolean {
  const any = (searches: readonly LineSearch[], s: string) => searches.some((search) => search(s));
  // Most log lines hold none of an evidence pattern's literals: RE2 runs only where one could match.
  const shows = (s: string, lowered: () => string | null) =>
    context.evidence.some((search, i) => !cannotMatch(context, i, lowered) && search(s)) && !any(context.hints, s);
  const showsAlone = (s: string) => {
    let lower: string | null | undefined;
    return shows(s, () => {
      if (lower === undefined) lower = plainLower(s);
      return lower;
    });
  };
  if (input.others.some((s) => s?.slice(0, MAX_CONTEXT_CHARS).split("\n").some(showsAlone))) return true;
  const text = input.logs.slice(0, MAX_CONTEXT_CHARS);
  // Every line plain ASCII and no line holding a member of one of each pattern's literal sets: no
  // line can show the context, and the lines need not be walked one by one.
  if (input.window?.literals !== context.literals) input.window = logWindow(text, context.literals, input.found, input.logs.length);
  const window = input.window;
  const { present, plain } = window;
  const absent = (i: number) => context.evidenceLiterals[i]?.some((set) => !set.some((lit) => present.has(lit))) ?? false;
  if (plain && context.evidence.every((_, i) => absent(i))) return false;
  const lines = window.lines();
  const shownOn = (p: number, i: number) => {
    const l = lines[i] as string;
    if (matchedLines.has(i + 1) || input.notHost?.has(i + 1) || l.length === 0) return false;
    return !cannotMatch(context, p, () => window.lower(i)) && (context.evidence[p] as LineSearch)(l) && !any(context.hints, l);
  };
  // Pattern by pattern, as shows reads a line, but each on the lines it can match only: a plain line holding a member
  // of one of its literal sets (cannotMatch refuses every other plain line), and the lines that are not plain. Reading
  // every line that held any record's literal, with every pattern, made each record's check lower-case and search
  // hundreds of lines another record's common word ("kernel") put there, and a pattern without a prefilter made every
  // line lower-cased for the others (review 69s, issue #12).
  return context.evidenceLiterals.some((sets, p) => {
    if (!sets) return lines.some((_, i) => shownOn(p, i));
    const candidates = candidateLines(sets, window);
    for (const i of candidates) if (shownOn(p, i)) return true;
    for (const i of window.notPlainLines()) if (!candidates.has(i) && shownOn(p, i)) return true;
    return false;
  });
}

/**
 * The lines holding a member of the literal set (of a pattern's sets, every match holds a member of each) found on the
 * fewest lines, as the window's pass found them. The pass finds every literal on every line it reads, and more (past a
 * cut, in a rebuilt message): a superset, which cannotMatch and the pattern then narrow.
 */
function candidateLines(sets: readonly (readonly string[])[], window: LogWindow): Set<number> {
  let fewest: (readonly number[])[] = [];
  let fewestCount = Number.POSITIVE_INFINITY;
  for (const set of sets) {
    const lists = set.map((lit) => window.linesOf.get(lit) ?? NO_LINES);
    const count = lists.reduce((n, l) => n + l.length, 0);
    if (count < fewestCount) [fewest, fewestCount] = [lists, count];
  }
  const out = new Set<number>();
  for (const list of fewest) for (const i of list) out.add(i);
  return out;
}
const NO_LINES: readonly number[] = [];

function logWindow(text: string, literals: ContextLiterals, found: FoundLiterals | undefined, logsLength: number): LogWindow {
  const { present, hitLines, linesOf, lineStarts } = found ? fromPass(text, literals, found, logsLength) : searchWindow(text, literals);
  // One pass finds the lines plainLower refuses; an empty set is a plain window.
  const notPlain = notPlainLines(text, lineStarts);
  let lines: string[] | undefined;
  const lowered: (string | null | undefined)[] = [];
  const linesOnce = () => (lines ??= linesAt(text, lineStarts));
  return {
    literals,
    present,
    hitLines,
    linesOf,
    plain: notPlain.size === 0,
    lines: linesOnce,
    lower: (i) => {
      let l = lowered[i];
      if (l === undefined) {
        l = plainLower(linesOnce()[i] as string);
        lowered[i] = l;
      }
      return l;
    },
    notPlainLines: () => notPlain,
  };
}

interface WindowLiterals {
  present: Set<string>;
  hitLines: number[];
  linesOf: Map<string, number[]>;
  lineStarts: readonly number[];
}

/** Notes that `literal` is on line `line`: hits come mostly in line order, so a repeat is the last entry (a rare one further back is harmless: candidateLines collects a set). */
function addLine(linesOf: Map<string, number[]>, literal: string, line: number): void {
  const at = linesOf.get(literal);
  if (!at) linesOf.set(literal, [line]);
  else if (at[at.length - 1] !== line) at.push(line);
}

/** A pass of the literals' own automaton over the window, which counts its lines too. */
function searchWindow(text: string, literals: ContextLiterals): WindowLiterals {
  const present = new Set<string>();
  const hitLines: number[] = [];
  const linesOf = new Map<string, number[]>();
  if (!literals.literals.length) return { present, hitLines, linesOf, lineStarts: lineStartsOf(text) };
  const hits = scanText(literals.automaton, text);
  hits.pattern.forEach((p, k) => {
    const literal = literals.literals[p] as string;
    present.add(literal);
    const line = hits.line[k] as number;
    addLine(linesOf, literal, line);
    if (hitLines[hitLines.length - 1] !== line) hitLines.push(line);
  });
  return { present, hitLines, linesOf, lineStarts: hits.lineStarts };
}

/**
 * The same, from what the matcher's pass found over the whole logs: the hits on the window's lines. On
 * a line the window cuts, a literal may lie past the cut: the prefilter then reads the line, and the
 * pattern, run on the line as cut, decides.
 */
function fromPass(window: string, literals: ContextLiterals, found: FoundLiterals, logsLength: number): WindowLiterals {
  const all = found.lineStarts;
  const count = window.length === logsLength ? all.length : lineOfOffset(all, window.length - 1) + 1;
  const present = new Set<string>();
  const lines = new Set<number>();
  const linesOf = new Map<string, number[]>();
  for (const h of found.hits) {
    if (h.line >= count) continue;
    const literal = literals.literals[h.literal] as string;
    present.add(literal);
    lines.add(h.line);
    addLine(linesOf, literal, h.line);
  }
  return {
    present,
    hitLines: [...lines].sort((a, b) => a - b),
    linesOf,
    lineStarts: count === all.length ? all : all.slice(0, count),
  };
}

/** The text's lines, as split("\n") gives them, from their start offsets. */
function linesAt(text: string, starts: readonly number[]): string[] {
  return starts.map((start, l) => text.slice(start, lineEnd(text, starts, l)));
}

/** The 0-based lines holding a character plainLower refuses: one pass over the window, not one per record. */
function notPlainLines(text: string, starts: readonly number[]): Set<number> {
  const out = new Set<number>();
  let line = 0;
  for (const m of text.matchAll(NOT_PLAIN_ALL)) {
    while (line + 1 < starts.length && (starts[line + 1] as number) <= m.index) line++;
    out.add(line);
  }
  return out;
}
/** A character plainLower refuses: a control character other than tab, CR and the line break, or non-ASCII. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const NOT_PLAIN_ALL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\uffff]/g;

/** The caveat an answer carries when the context is not shown. */
export const contextCaveat = (requires: string) =>
  `Not confirmed: this bug needs ${requires}, and nothing in the input shows it outside the matched lines; the finding stays below high until it does.`;
