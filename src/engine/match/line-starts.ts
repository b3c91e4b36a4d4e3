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
