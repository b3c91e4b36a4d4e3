import { ERRNO_TRANSLATIONS } from "./errno-translations";

/**
 * A C program's errno text in the user's language, written back in English as the C locale prints it (review 68b F1):
 * after the colon strerror follows ("…: 没有那个文件或目录", "…：不允许的操作"), so a word of prose is not taken for one.
 */
let translated: RegExp | null = null;
const english = new Map(ERRNO_TRANSLATIONS);

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
export const mayHoldTranslatedErrno = (text: string): boolean => /[\u0080-\uffff]/.test(text);

/** The line with each translated errno text after a colon replaced by glibc's English one. */
export const englishErrnos = (line: string): string =>
  line.replace(pattern(), (_, colon: string, text: string) => `${colon === "：" ? ": " : colon}${english.get(text) ?? text}`);

/** Offsets in `text` where a translated errno text starts, for the lines to write back. */
export function* translatedErrnoOffsets(text: string): Generator<number> {
  for (const m of text.matchAll(pattern())) yield m.index ?? 0;
}
