import { ERRNO_TRANSLATIONS } from "./errno-translations";
import { lineEnd, lineOfOffset } from "./line-starts";

/**
 * A C program's errno text in the user's language, written back in English as the C locale prints it (review 68b F1):
 * after the colon strerror follows ("…: 没有那个文件或目录", "…：不允许的操作"), so a word of prose is not taken for one.
 */
let translated: RegExp | null = null;
const english = new Map(ERRNO_TRANSLATIONS);
const NON_ASCII = /[\u0080-\uffff]/;
const NON_ASCII_ALL = /[\u0080-\uffff]/g;

function pattern(): RegExp {
  if (translated) return translated;
  const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // Longest first: a text that begins another ("No existe el dispositivo" of "… o la dirección") does not cut it short.
  const alternatives = ERRNO_TRANSLATIONS.map(([t]) => t).sort((a, b) => b.length - a.length);
  // The character after the colon must start one of them: a colon before a digit or another word (a timestamp's, a
  // syslog tag's: ~30,000 in a 1 MB journal) fails there, not after trying 517 alternatives (1.7-3 ms per MB, review
  // 69s, issue #12). The lookahead only states what the alternation requires, so what matches is unchanged.
  const firsts = [...new Set(alternatives.map((t) => t.charAt(0)))].map((c) => c.replace(/[\]\\^-]/g, "\\$&")).join("");
  translated = new RegExp(`([:：] ?)(?=[${firsts}])(${alternatives.map(literal).join("|")})`, "g");
  return translated;
}

/** Whether a text may hold a translated errno: most do not hold one character outside ASCII, and need no further look. */
export const mayHoldTranslatedErrno = (text: string): boolean => NON_ASCII.test(text);

/** The line with each translated errno text after a colon replaced by glibc's English one. */
export const englishErrnos = (line: string): string =>
  line.replace(pattern(), (_, colon: string, text: string) => `${colon === "：" ? ": " : colon}${english.get(text) ?? text}`);

/** Offsets in `text` where a translated errno text starts, for the lines to write back. */
export function* translatedErrnoOffsets(text: string): Generator<number> {
  for (const m of text.matchAll(pattern())) yield m.index ?? 0;
}

/** The lines (0-based) holding a character outside ASCII: one search of the text, each line left at its first one. */
export function nonAsciiLines(text: string, lineStarts: readonly number[]): number[] {
  const lines: number[] = [];
  NON_ASCII_ALL.lastIndex = 0;
  for (let line = 0, m = NON_ASCII_ALL.exec(text); m; m = NON_ASCII_ALL.exec(text)) {
    line = lineOfOffset(lineStarts, m.index, line);
    lines.push(line);
    NON_ASCII_ALL.lastIndex = lineEnd(text, lineStarts, line);
  }
  return lines;
}

/**
 * Which of the `candidates` lines (0-based, in order) hold a translated errno text where translatedErrnoOffsets finds one. A match never
 * runs across a line (no translation holds a line break or a colon), so a line read alone holds the matches the whole
 * text's search finds on it. Where most lines are asked (a log in Chinese), the whole text is searched once instead.
 */
export function translatedErrnoLines(text: string, lineStarts: readonly number[], candidates: readonly number[]): number[] {
  const lines: number[] = [];
  if (candidates.length * DENSE_CANDIDATES > lineStarts.length) {
    const asked = new Set(candidates);
    let line = 0;
    for (const at of translatedErrnoOffsets(text)) {
      line = lineOfOffset(lineStarts, at, line);
      if (lines[lines.length - 1] !== line && asked.has(line)) lines.push(line);
    }
    return lines;
  }
  const re = pattern();
  for (const l of candidates) {
    re.lastIndex = 0;
    if (re.test(text.slice(lineStarts[l] as number, lineEnd(text, lineStarts, l)))) lines.push(l);
  }
  re.lastIndex = 0;
  return lines;
}
/** Candidates on more than one line in this many: one search of the whole text costs less than a search per line. */
const DENSE_CANDIDATES = 8;
