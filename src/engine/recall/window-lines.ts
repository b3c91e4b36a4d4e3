/**
 * How the recall tier walks a log: its first and last 128 KB, line by line, with their line numbers.
 * Pasted reports are smaller than that (the largest evaluation case is 60 KB) and are read whole. A
 * machine-collected log holds a daemon's start-up failure at its start and a retried failure again
 * near its end, and its exact signatures are searched over all of it: the approximate tier's cost per
 * diagnosis stays within the Workers free plan's CPU budget whatever the log's size (at 512 KB a side
 * it was about half of a 1 MB diagnosis).
 */
const LEXICAL_WINDOW = 128 * 1024;
/** Longest line read; the rest of a longer line says nothing a signature's words would not. */
export const MAX_LINE = 4000;

/**
 * Calls `visit(line, number, next)` for each line of the first and last 128 KB (the whole text when small), `next` the
 * offset the following line starts at (-1 after the text's last). `lines`, when known (> 0), is the text's line count:
 * the second window's first line number is then counted back from the end rather than forward over the whole text.
 */
export function forEachWindowLine(text: string, lines: number, visit: (line: string, n: number, next: number) => boolean): void {
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
      if (!visit(l, line, nl < 0 ? -1 : nl + 1) || nl < 0) break;
      start = nl + 1;
      line++;
    }
  }
}

/** Newlines at or after `offset`. */
export function newlinesFrom(text: string, offset: number): number {
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
