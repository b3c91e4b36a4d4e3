import { type Automaton, scanAcrossLines } from "./aho-corasick";
import { lineEnd, lineOfOffset } from "./line-starts";
import { opensMessage, type UnwrappedText } from "./unwrap-lines";

/**
 * A message cut over two or more lines by a terminal (100, 120, 132 … columns: the line break falls
 * anywhere, mid-word or on a space) or wrapped by a viewer (the break stands for a space). Guessing the
 * width from line lengths joined repeated log lines and table rows of one length, so the evidence here is
 * the knowledge base's own: a signature's literal that runs across the line break. Only those lines
 * are joined (as the literal was read: directly, or with a space), so unrelated lines stay apart unless
 * a record's wording continues from one into the next.
 */

/** Pastes only: a machine-collected log's lines are whole, and the extra passes cost a scan each. */
const MAX_TEXT = 128 * 1024;
/** A literal this long running across a break is no accident of two lines' ends. */
const MIN_LITERAL = 10;
/** A terminal or a viewer breaks only a line that reached its width: a shorter line ended by itself. */
const MIN_BROKEN_LINE = 60;
/** Lines joined at most into one message (a 2,000-character message cut at 100 columns). */
const MAX_JOINED = 20;

export interface CutLiterals {
  ac: Automaton;
  /** Per literal id: its length as the automaton reads it, or 0 when it is not a signature's literal of MIN_LITERAL+ characters. */
  spanLength: Int32Array;
}

/** `literals` (folded, by id, as in `ac`); `fromSignature(id)` tells a signature's literal from a marker. */
export function cutLiterals(ac: Automaton, literals: readonly string[], fromSignature: (id: number) => boolean): CutLiterals {
  const spanLength = new Int32Array(literals.length);
  literals.forEach((lit, id) => {
    if (lit.length >= MIN_LITERAL && fromSignature(id)) spanLength[id] = lit.length;
  });
  return { ac, spanLength };
}

/** The rebuilt texts (one per way of reading the break) whose joined lines a signature literal runs across; none usually. */
export function cutLineVariants(literals: CutLiterals, text: string, lineStarts: readonly number[]): UnwrappedText[] {
  if (text.length > MAX_TEXT || lineStarts.length < 2) return [];
  const out: UnwrappedText[] = [];
  for (const mode of ["cut", "space"] as const) {
    const groups = spannedLines(literals, text, lineStarts, mode);
    if (groups.length) out.push(joinGroups(text, lineStarts, groups, mode === "cut" ? "" : " "));
  }
  return out;
}

/** [first, last] line pairs (0-based) that a literal runs across, merged, in order. */
function spannedLines(
  { ac, spanLength }: CutLiterals,
  text: string,
  lineStarts: readonly number[],
  mode: "cut" | "space",
): Array<[number, number]> {
  const found = scanAcrossLines(ac, text, mode);
  const spans: Array<[number, number]> = [];
  const length = (l: number) => lineLength(text, lineStarts, l);
  for (let k = 0; k < found.pattern.length; k++) {
    const literal = spanLength[found.pattern[k] as number] as number;
    if (literal === 0) continue;
    const end = found.end[k] as number;
    const start = literalStart(text, end, literal, mode);
    let first = lineOfOffset(lineStarts, start);
    let last = lineOfOffset(lineStarts, end - 1);
    if (first === last || last - first >= MAX_JOINED || !wordsOnEverySide(text, start, end)) continue;
    let broken = true;
    for (let l = first; l < last && broken; l++) broken = length(l) >= MIN_BROKEN_LINE;
    if (!broken) continue;
    // A terminal cuts every part of a message but the last at its width: the neighbouring parts of
    // the same length belong to the message too (and its evidence is one message, not several lines).
    // A program's own new message begins no part (opensMessage).
    const width = length(first);
    const opens = (l: number) => opensMessage(lineAt(text, lineStarts, l - 1), lineAt(text, lineStarts, l), true);
    while (first > 0 && last - first + 1 < MAX_JOINED && length(first - 1) === width && !opens(first)) first--;
    while (last + 1 < lineStarts.length && last - first + 1 < MAX_JOINED && length(last) === width && !opens(last + 1)) last++;
    spans.push([first, last]);
  }
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const [first, last] of spans) {
    const prev = merged[merged.length - 1];
    if (prev && first <= prev[1]) prev[1] = Math.max(prev[1], last);
    else merged.push([first, last]);
  }
  // A chain of cuts longer than this is no pasted message (a whole paste cut at one width, say).
  return merged.filter(([first, last]) => last - first < MAX_JOINED);
}

/**
 * Whether the literal at [start, end) has 3+ characters, a letter or digit among them, on each side of
 * every line break it runs across: a break after a literal's leading ": " or before its trailing "2"
 * (a version probe's) is two lines' ends meeting, not a message going on.
 */
function wordsOnEverySide(text: string, start: number, end: number): boolean {
  let chars = 0;
  let word = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 || c === 92) continue;
    if (c === 10) {
      if (chars < 3 || !word) return false;
      chars = 0;
      word = false;
      continue;
    }
    chars++;
    word ||= (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;
  }
  return chars >= 3 && word;
}

/** A line's length without its line break and a CR before it. */
function lineLength(text: string, starts: readonly number[], l: number): number {
  const end = lineEnd(text, starts, l);
  const start = starts[l] as number;
  return end > start && text.charCodeAt(end - 1) === 13 ? end - 1 - start : end - start;
}

/** Where a literal of `length` characters ending at `end` starts, counting what the automaton read (CR and '\' are skipped; '\n' too when it was a cut). */
function literalStart(text: string, end: number, length: number, mode: "cut" | "space"): number {
  let i = end;
  let left = length;
  while (left > 0 && i > 0) {
    i--;
    const c = text.charCodeAt(i);
    if (c === 13 || c === 92 || (c === 10 && mode === "cut")) continue;
    left--;
  }
  return i;
}

function lineAt(text: string, starts: readonly number[], l: number): string {
  return text.slice(starts[l] as number, (starts[l] as number) + lineLength(text, starts, l));
}

/** The joined lines alone (the scan keeps only hits on changed lines), each with the line it starts at. */
function joinGroups(text: string, starts: readonly number[], groups: ReadonlyArray<[number, number]>, joiner: string): UnwrappedText {
  const joined = groups.map(([first, last]) => {
    const parts: string[] = [];
    for (let l = first; l <= last; l++) parts.push(lineAt(text, starts, l));
    return parts.join(joiner);
  });
  return {
    text: joined.join("\n"),
    origin: groups.map(([first]) => first),
    changed: groups.map(() => true),
    through: groups.map(([, last]) => last),
  };
}
