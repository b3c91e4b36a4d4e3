import { lineOfOffset } from "./line-starts";
import { startsKlogRecord, unframe } from "./normalize-line";

/**
 * klog prints a multi-line value as `key=<`, the value's lines indented by a tab, then ` >`
 * (k8s.io/klog/v2 internal/serialize keyvalues.go, writeStringValue). Those lines belong to the record
 * that opened the block, so evidence for a hit inside one should point at the record's first line.
 */

/** A block never runs longer than this; an unterminated one (a truncated paste) stops here. */
const MAX_BLOCK_LINES = 2000;

function closes(unframed: string): boolean {
  return unframed === ">" || unframed.startsWith("> ");
}

/**
 * For each line (0-based) inside a klog multi-line value, the line of the record that opened it.
 * journald framing is looked through, so a block logged via journald is found as well.
 */
export function klogBlockHeaders(lines: readonly string[]): Map<number, number> {
  return klogBlockHeadersInText(lines.join("\n"));
}

/**
 * The same for a whole text, without splitting it into lines: it jumps from one `=<` to the next and
 * reads only the lines of the blocks (a 16 MB log has few of them, and splitting it costs more than the scan).
 * `lineStarts` (each line's start offset, as the matcher's pass counted them) spares counting the lines
 * between two blocks again.
 */
export function klogBlockHeadersInText(text: string, lineStarts?: readonly number[]): Map<number, number> {
  const headerOf = new Map<number, number>();
  const n = text.length;
  // The cursor: line number `line` starts at offset `start`; lines are the split("\n") lines of the text.
  let line = 0;
  let start = 0;
  const endOf = (s: number) => {
    const e = text.indexOf("\n", s);
    return e < 0 ? n : e;
  };
  for (;;) {
    const p = text.indexOf("=<", start);
    if (p < 0) break;
    if (lineStarts) {
      line = lineOfOffset(lineStarts, p, line);
      start = lineStarts[line] as number;
    } else {
      for (let nl = text.indexOf("\n", start); nl >= 0 && nl < p; nl = text.indexOf("\n", start)) {
        line++;
        start = nl + 1;
      }
    }
    const i = line;
    let end = endOf(start);
    // Framing is only ever removed from a line's start, so the raw line ends as the unframed one does.
    if (!text.slice(start, end).trimEnd().endsWith("=<")) {
      if (end >= n) break;
      line++;
      start = end + 1;
      continue;
    }
    // Walk the block's lines: j is the line at [start, end).
    let j = i + 1;
    start = end + 1;
    for (; start <= n && j - i <= MAX_BLOCK_LINES; j++) {
      end = endOf(start);
      const raw = text.slice(start, end);
      // Closing takes a '>' and a new record a klog header's "] " (unframing only drops a prefix): a
      // line with neither is inside the block, and most block lines need no unframing.
      if (!raw.includes(">") && !raw.includes("] ")) {
        headerOf.set(j, i);
        start = end + 1;
        continue;
      }
      const unframed = unframe(raw);
      const u = unframed.trimEnd();
      if (closes(u)) {
        headerOf.set(j, i);
        if (u.endsWith("=<")) {
          start = end + 1;
          continue; // ` > next=<`: another multi-line value of the same record
        }
        break;
      }
      if (startsKlogRecord(unframed)) {
        // A new record: the paste lost the block's end; it may open a block itself.
        line = j;
        j = -1;
        break;
      }
      headerOf.set(j, i);
      start = end + 1;
    }
    if (j === -1) continue;
    if (start > n) break;
    if (j - i > MAX_BLOCK_LINES) {
      // The walk stopped at line j without reading it (it starts at `start`): go on after it.
      const e = text.indexOf("\n", start);
      if (e < 0) break;
      line = j + 1;
      start = e + 1;
      continue;
    }
    // Line j closed the block: go on after it.
    if (end >= n) break;
    line = j + 1;
    start = end + 1;
  }
  return headerOf;
}
