/** Each line's start offset in a text (lines as split("\n") gives them). */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** Where line `l` ends (its '\n', or the text's end), given each line's start offset. */
export function lineEnd(text: string, starts: readonly number[], l: number): number {
  return l + 1 < starts.length ? (starts[l + 1] as number) - 1 : text.length;
}

/** The 0-based line holding offset `at`, given each line's start offset: the last start at or before it, searched from line `from` on. */
export function lineOfOffset(starts: readonly number[], at: number, from = 0): number {
  let lo = from;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
