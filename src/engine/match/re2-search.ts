import type { RE2JS } from "re2js";

/**
 * Whether a compiled pattern matches somewhere in a line, by the cheaper of re2js's two engines for it (the answer is
 * the same: both decide whether a match exists). `matcher(s).find()` asks for the match's bounds, which sends re2js to
 * its backtracker, one start position after another: ~28 µs per 170-character log line for a kernel-version
 * alternation (review 69s, issue #12: a record context's evidence run on every line holding "kernel" was a third of a
 * 1 MB diagnosis). `test` runs the DFA, ~1.4 µs there; but the DFA reads the whole line even when the pattern can only
 * match at its start, where the backtracker tries that one position, so a `^`-led pattern keeps `find`.
 */
export function searchOf(re: RE2JS): (line: string) => boolean {
  return re.pattern().startsWith("^") ? (line) => re.matcher(line).find() : (line) => re.test(line);
}
