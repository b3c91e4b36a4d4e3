import { RE2JS } from "re2js";
import { type Automaton, buildAutomaton, foldLiteral, requiredLiteralSets, scanText, searchOf } from "./match";
import { lineEnd, lineOfOffset, lineStartsOf } from "./match/line-starts";
import type { BugRecord } from "./record";
import { evidenceExcerpt } from "./summary";

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
 * Its main pass only: a literal the matcher finds in a message it rebuilds (lines a cut joined, an export's quoting
 * undone) and on none of its lines is on no line a pattern reads.
 */
export interface FoundLiterals {
  /** Per hit, in the pass's (line) order: the literal's index in contextLiterals' list, and its 0-based line. */
  probe: readonly number[];
  line: readonly number[];
  lineStarts: readonly number[];
}

/**
 * Which evidence literals the logs hold (as `literals` reads it) and on which lines (0-based), and which lines may hold
 * one the pass cannot see.
 */
export interface LogWindow {
  literals: ContextLiterals;
  present: ReadonlySet<string>;
  /** Per literal present, the 0-based lines holding it (in the pass's order). */
  linesOf: ReadonlyMap<string, readonly number[]>;
  /** Whether the pass saw every literal on every line: no line holds a character that folds to ASCII (see FOLDS_TO_ASCII). */
  exact: boolean;
  /** Line `i` (0-based) of the logs, sliced once for all the records that read it. */
  line: (i: number) => string;
  /** How many lines start in the first MAX_UNFILTERED_CHARS of the logs. */
  unfilteredCount: number;
  /** Line `i` (0-based) as foldedLower gives it, worked out once for all the records that read it. */
  lower: (i: number) => string;
  /** The lines (0-based) holding a character that folds to ASCII, found once for all the records that read them. */
  foldingLines: ReadonlySet<number>;
}

/**
 * Every context's evidence literals in one automaton, shared by the contexts of a knowledge base: one
 * pass over the logs finds which of them they hold (a search per literal read them once each).
 * The automaton folds case and skips CRs and backslashes, which on plain ASCII text is what searching
 * the text lower-cased without them finds. A literal with a capital, CR or backslash is in no such text,
 * so it is left out: never present.
 */
interface ContextLiterals {
  automaton: Automaton;
  literals: readonly string[];
}

export type ContextCheck = (record: BugRecord, matchedLines: ReadonlySet<number>) => boolean;

/**
 * How far an evidence pattern with no literal prefilter is searched: it needs an RE2 run on every line (260 ms for
 * 200,000 lines), so it reads the first 256 KB of each field and of the logs. Every other pattern reads the whole input,
 * as the facts are read (review 70c F1: a support bundle's `/proc/cmdline` after 300 KB of journal was "nothing in the
 * input shows it").
 */
const MAX_UNFILTERED_CHARS = 256 * 1024;

/** Whether a pattern matches somewhere in a line. */
type LineSearch = (line: string) => boolean;

/** A record's context, compiled: what shows it, the hint wording that names it without showing it, and what refutes it. */
export interface CompiledContext {
  evidence: readonly LineSearch[];
  hints: readonly LineSearch[];
  /** The record's `refutedBy`, each with its literal sets as evidenceLiterals holds them. */
  refutations: ReadonlyArray<{ re: RE2JS; search: LineSearch; literals: readonly (readonly string[])[] | null; shows: string }>;
  /**
   * Per evidence pattern: the literal sets every match holds (lower case; a line must hold a member of
   * each), or null when they cannot be trusted as a prefilter (none found, or a non-ASCII literal).
   */
  evidenceLiterals: ReadonlyArray<readonly (readonly string[])[] | null>;
  literals: ContextLiterals;
  /** Whether a container's output shows nothing of the context (RecordContext.fromContainers unset): read the host's lines only. */
  hostOnly: boolean;
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
      const evidence = [...(r.context.evidence ?? []), ...listedModules(r.context.modules?.names)];
      const refutations = (r.context.refutedBy ?? []).map((f) => {
        const re = RE2JS.compile(f.pattern, RE2JS.CASE_INSENSITIVE);
        return { re, search: searchOf(re), literals: prefilterOf(f.pattern), shows: f.shows };
      });
      return [
        [
          r.id,
          {
            evidence: compile(evidence),
            hints: compile(r.context.hints),
            refutations,
            evidenceLiterals: evidence.map(prefilterOf),
            literals,
            hostOnly: r.context.fromContainers !== true,
          },
        ],
      ];
    }),
  );
}

/**
 * A context that is kernel modules is shown by a "Modules linked in:" list holding one (review 70a F4), however the
 * record's own patterns show it otherwise: one pattern made from the names, beside them.
 */
function listedModules(names: readonly string[] = []): string[] {
  return names.length ? [String.raw`\bModules linked in:.*\s(?:${names.join("|")})(?:\([A-Z+-]+\))?(?:\s|$)`] : [];
}

/**
 * Every context's evidence and refutation literals that a folded search can find, in one fixed order (FoundLiterals
 * indexes it): a refuting line is found in the same pass as the evidence.
 */
export function contextLiterals(records: readonly BugRecord[]): string[] {
  const all = new Set(
    records.flatMap((r) =>
      [
        ...(r.context?.evidence ?? []),
        ...listedModules(r.context?.modules?.names),
        ...(r.context?.refutedBy ?? []).map((f) => f.pattern),
      ].flatMap((p) => (prefilterOf(p) ?? []).flat()),
    ),
  );
  return [...all].filter((l) => foldLiteral(l) === l);
}

/**
 * Whether evidence pattern `i` cannot match a line because the line, as foldedLower gives it, lacks one of its required
 * literals (printable ASCII, lower case, folded without CRs and backslashes). `held`: a set the pass found a member of on
 * the line (candidateLines), not searched again: a pattern with one set then needs no lowered line at all (a third of the
 * check's time went to lowering the 1,400 lines of a 1 MB journal holding a kernel flavour's "gke", issue #12). The
 * search is only a prefilter: a line it keeps that cannot match, RE2 refuses.
 */
function cannotMatch(context: CompiledContext, i: number, lower: () => string, held = -1): boolean {
  const sets = context.evidenceLiterals[i];
  if (!sets || (sets.length === 1 && held === 0)) return false;
  const l = lower();
  return sets.some((set, k) => k !== held && !set.some((lit) => l.includes(lit)));
}

/**
 * The characters outside ASCII that RE2's case-insensitive match takes for an ASCII letter (Unicode's simple case
 * folding: the Kelvin sign for k, the long s for s). No other character matches an ASCII literal's letter.
 */
const FOLDS_TO_ASCII = /[\u017f\u212a]/;
const FOLDS_TO_ASCII_ALL = /[\u017f\u212a]/g;
const FOLDS_TO_ASCII_CHARS = ["\u017f", "\u212a"];

/**
 * The line as a literal search may read it for RE2's case-insensitive match: lower case, the long s as s (the Kelvin sign
 * lowers to k by itself), without the CRs and backslashes the literals are folded without. A line that lowers to more
 * (a dotted capital I gives i and a combining dot) only makes a literal present that RE2 then refuses: the prefilter may
 * keep a line that cannot match, never drop one that can, non-ASCII lines included (review 70c F2: every non-ASCII line
 * was run through every pattern, 4–10× the CPU of the same paste in ASCII).
 */
function foldedLower(line: string): string {
  const lower = line.toLowerCase();
  const unfolded = FOLDS_TO_ASCII.test(lower) ? lower.replace(FOLDS_TO_ASCII_ALL, "s") : lower;
  return unfolded.includes("\r") || unfolded.includes("\\") ? unfolded.replace(/[\r\\]/g, "") : unfolded;
}

/**
 * Whether the input shows the record's context outside the lines its own signatures matched. Lines
 * carrying a hint are skipped: a program that prints "on a Raspberry Pi" on every host proves nothing.
 */
export function contextShown(context: CompiledContext, input: ContextInput, matchedLines: ReadonlySet<number>): boolean {
  const any = (searches: readonly LineSearch[], s: string) => searches.some((search) => search(s));
  // Most log lines hold none of an evidence pattern's literals: RE2 runs only where one could match.
  const shows = (s: string, lowered: () => string, unfiltered: boolean) =>
    context.evidence.some(
      (search, i) => (unfiltered || context.evidenceLiterals[i] !== null) && !cannotMatch(context, i, lowered) && search(s),
    ) && !any(context.hints, s);
  const shownIn = (field: string) => {
    let at = 0;
    return field.split("\n").some((s) => {
      const unfiltered = at < MAX_UNFILTERED_CHARS;
      at += s.length + 1;
      let lower: string | undefined;
      return shows(s, () => (lower ??= foldedLower(s)), unfiltered);
    });
  };
  if (input.others.some((s) => s && shownIn(s))) return true;
  const window = windowOf(context, input);
  const { present, exact } = window;
  // The pass saw every literal and no line holds a member of one of each pattern's literal sets: no line can show the
  // context, and the lines need not be walked one by one.
  const absent = (i: number) => context.evidenceLiterals[i]?.some((set) => !set.some((lit) => present.has(lit))) ?? false;
  if (exact && context.evidence.every((_, i) => absent(i))) return false;
  const shownOn = (p: number, i: number, held: number) => {
    const l = window.line(i);
    if (matchedLines.has(i + 1) || notHostLine(context, input, i + 1) || l.length === 0) return false;
    return !cannotMatch(context, p, () => window.lower(i), held) && (context.evidence[p] as LineSearch)(l) && !any(context.hints, l);
  };
  // Pattern by pattern, as shows reads a line, but each on the lines it can match only: a line the pass found holding a
  // member of one of its literal sets, and the lines where the pass may have missed one (a character folding to ASCII).
  // Reading every line that held any record's literal, with every pattern, made each record's check lower-case and
  // search hundreds of lines another record's common word ("kernel") put there, and a pattern without a prefilter made
  // every line lower-cased for the others (review 69s, issue #12).
  return context.evidenceLiterals.some((sets, p) => firstLine(sets, window, (i, held) => shownOn(p, i, held)) !== null);
}

/** A line of the logs showing a record's context absent (its `refutedBy`): 1-based, as printed, and what it shows. */
export interface ContextRefuted {
  line: number;
  text: string;
  shows: string;
  /** Where in `text` the refuting words start, for a door to quote them on a long line (review 71a F2: a kubelet mount line). */
  matchAt?: number;
}

/**
 * The first line of the logs, outside a container's output (which shows nothing of the host, unless the context says it
 * does: CompiledContext.hostOnly), that one of the context's
 * refutations matches and `onTheirMachine` (1-based) accepts: the machine that printed the record's lines, where the paste
 * says whose lines are whose. Null when there is none. Only the logs are read, for a line to cite (review 70d F7:
 * kube-proxy's "Using iptables Proxier." beside its IPVS modules record's probe lines). A line the record matched is read
 * too: kubelet prints the mount's own options on the line of its error (review 71a F2: `Mounting arguments: -t nfs -o
 * vers=3 … Output: mount.nfs: Protocol not supported`).
 */
export function contextRefuted(
  context: CompiledContext,
  input: ContextInput,
  onTheirMachine: (line: number) => boolean,
): ContextRefuted | null {
  if (!context.refutations.length || !input.logs) return null;
  const window = windowOf(context, input);
  let first: { at: number; shows: string; re: RE2JS } | null = null;
  for (const r of context.refutations) {
    const at = firstLine(r.literals, window, (i) => {
      const l = window.line(i);
      return !notHostLine(context, input, i + 1) && l.length > 0 && r.search(l) && onTheirMachine(i + 1);
    });
    if (at !== null && (first === null || at < first.at)) first = { at, shows: r.shows, re: r.re };
  }
  if (!first) return null;
  const text = window.line(first.at);
  const m = first.re.matcher(text);
  return { line: first.at + 1, text, shows: first.shows, ...(m.find() ? { matchAt: m.start() } : {}) };
}

/** Whether line `n` (1-based) is a container's output that shows nothing of this context (see CompiledContext.hostOnly). */
const notHostLine = (context: CompiledContext, input: ContextInput, n: number) => context.hostOnly && input.notHost?.has(n) === true;

/** The window of the logs the context's literals were found in, worked out once and shared by the records that read it. */
function windowOf(context: CompiledContext, input: ContextInput): LogWindow {
  if (input.window?.literals !== context.literals) input.window = logWindow(input.logs, context.literals, input.found);
  return input.window;
}

/**
 * The first line (0-based) `accepts` takes among those a pattern with literal sets `sets` can match: the lines the pass
 * found holding a member of one of its sets (candidateLines; `accepts` is told which set, -1 for none), and the lines where
 * it may have missed one (a character folding to ASCII); a pattern without sets reads the first MAX_UNFILTERED_CHARS.
 * Candidates come mostly in line order.
 */
function firstLine(
  sets: readonly (readonly string[])[] | null,
  window: LogWindow,
  accepts: (i: number, held: number) => boolean,
): number | null {
  if (!sets) {
    for (let i = 0; i < window.unfilteredCount; i++) if (accepts(i, -1)) return i;
    return null;
  }
  const { lines: candidates, set } = candidateLines(sets, window);
  for (const i of candidates) if (accepts(i, set)) return i;
  for (const i of window.foldingLines) if (!candidates.has(i) && accepts(i, -1)) return i;
  return null;
}

/**
 * The lines holding a member of the literal set (of a pattern's sets, every match holds a member of each) found on the
 * fewest lines, as the window's pass found them, and that set's index. The pass finds every literal on every line it reads, and more (past a
 * cut, in a rebuilt message): a superset, which cannotMatch and the pattern then narrow.
 */
function candidateLines(sets: readonly (readonly string[])[], window: LogWindow): { lines: Set<number>; set: number } {
  let fewest: (readonly number[])[] = [];
  let fewestCount = Number.POSITIVE_INFINITY;
  let set = -1;
  for (const [k, s] of sets.entries()) {
    const lists = s.map((lit) => window.linesOf.get(lit) ?? NO_LINES);
    const count = lists.reduce((n, l) => n + l.length, 0);
    if (count < fewestCount) [fewest, fewestCount, set] = [lists, count, k];
  }
  const lines = new Set<number>();
  for (const list of fewest) for (const i of list) lines.add(i);
  return { lines, set };
}
const NO_LINES: readonly number[] = [];

function logWindow(text: string, literals: ContextLiterals, found: FoundLiterals | undefined): LogWindow {
  const { present, linesOf, lineStarts } = found ? fromPass(literals, found) : searchWindow(text, literals);
  const folding = foldingLines(text, lineStarts);
  const sliced = new Map<number, string>();
  const lowered = new Map<number, string>();
  const line = (i: number) => {
    let l = sliced.get(i);
    if (l === undefined) {
      l = text.slice(lineStarts[i], lineEnd(text, lineStarts, i));
      sliced.set(i, l);
    }
    return l;
  };
  return {
    literals,
    present,
    linesOf,
    exact: folding.size === 0,
    line,
    unfilteredCount: text.length <= MAX_UNFILTERED_CHARS ? lineStarts.length : lineOfOffset(lineStarts, MAX_UNFILTERED_CHARS - 1) + 1,
    lower: (i) => {
      let l = lowered.get(i);
      if (l === undefined) {
        l = foldedLower(line(i));
        lowered.set(i, l);
      }
      return l;
    },
    foldingLines: folding,
  };
}

interface WindowLiterals {
  present: Set<string>;
  linesOf: Map<string, number[]>;
  lineStarts: readonly number[];
}

/** Notes that `literal` is on line `line`: hits come in line order, so a repeat is the last entry. */
function addLine(linesOf: Map<string, number[]>, literal: string, line: number): void {
  const at = linesOf.get(literal);
  if (!at) linesOf.set(literal, [line]);
  else if (at[at.length - 1] !== line) at.push(line);
}

/** A pass of the literals' own automaton over the logs, which counts their lines too. */
function searchWindow(text: string, literals: ContextLiterals): WindowLiterals {
  const present = new Set<string>();
  const linesOf = new Map<string, number[]>();
  if (!literals.literals.length) return { present, linesOf, lineStarts: lineStartsOf(text) };
  const hits = scanText(literals.automaton, text);
  hits.pattern.forEach((p, k) => {
    const literal = literals.literals[p] as string;
    present.add(literal);
    addLine(linesOf, literal, hits.line[k] as number);
  });
  return { present, linesOf, lineStarts: hits.lineStarts };
}

/** The same, from what the matcher's pass found over the whole logs. */
function fromPass(literals: ContextLiterals, found: FoundLiterals): WindowLiterals {
  const present = new Set<string>();
  const linesOf = new Map<string, number[]>();
  for (let k = 0; k < found.probe.length; k++) {
    const literal = literals.literals[found.probe[k] as number] as string;
    present.add(literal);
    addLine(linesOf, literal, found.line[k] as number);
  }
  return { present, linesOf, lineStarts: found.lineStarts };
}

/** The 0-based lines holding a character that folds to ASCII (FOLDS_TO_ASCII): one pass over the logs, not one per record. */
function foldingLines(text: string, starts: readonly number[]): Set<number> {
  const found: number[] = [];
  // Two `indexOf`s, not a regex of the two: V8 searches a character ~10× faster than a class (0.04 against 0.57 ms per MB of
  // two-byte text, issue #12). In line order, as the regex found them.
  for (const c of FOLDS_TO_ASCII_CHARS) for (let at = text.indexOf(c); at >= 0; at = text.indexOf(c, at + 1)) found.push(at);
  const out = new Set<number>();
  for (const at of found.sort((a, b) => a - b)) out.add(lineOfOffset(starts, at));
  return out;
}

/** The caveat an answer carries when the context is not shown. */
export const contextCaveat = (requires: string) =>
  `Not confirmed: this bug needs ${requires}, and nothing in the input shows it outside the matched lines; the finding stays below high until it does.`;

/** The longest part of a refuting line an answer quotes. */
const QUOTED_CHARS = 160;

/** An undecided verdict's reason where a line shows the setup the bug needs absent: no version would make it the cause. */
export const ruledOutReason = (requires: string, refuted: ContextRefuted) =>
  `ruled out by the paste whatever the versions: ${refuted.shows} here (line ${refuted.line}), and this bug needs ${requires}`;

/** The caveat an answer carries when a line shows the context absent (review 70d F7). */
export const refutedCaveat = (requires: string, refuted: ContextRefuted) => {
  const quoted = evidenceExcerpt(refuted, QUOTED_CHARS);
  return `Refuted: ${refuted.shows} here (line ${refuted.line}: "${quoted}"), and this bug needs ${requires}; the finding is a lead at most, not the cause.`;
};
