import { lineEnd, lineOfOffset } from "./line-starts";
import type { UnwrappedText } from "./unwrap-lines";

/**
 * A kernel stack trace run through the kernel's scripts/decode_stacktrace.sh: each frame's
 * `func+0x19/0x30 [mlx5_core]` becomes `func (drivers/…/eswitch_offloads.c:4095 …) mlx5_core` (the source
 * lines of the function and of those inlined into it, addr2line's "(discriminator N)" kept, then the module's
 * name without its brackets, at the line's end). Records' oops signatures name frames as the kernel prints
 * them, so the lines holding decoded frames are written back in that form (the offsets are gone:
 * `+0x0/0x0`) and scanned again; the evidence shows the line as pasted.
 */

/** One source location: a path ending in a C, header, assembly or Rust file, a line, perhaps a column and addr2line's discriminator. */
const LOCATION = String.raw`[\w./+~-]+\.(?:c|h|S|rs):\d+(?::\d+)?(?: \(discriminator \d+\))?`;
/**
 * A decoded frame: a name starting after no other name character (so a dotted run is tried once), its
 * locations apart by single spaces (a run of digits splits one way only: the pattern stays linear), and the
 * module's name when it ends the line.
 */
const DECODED_FRAME = new RegExp(String.raw`(?<![\w.])([A-Za-z_][\w.]*) \((${LOCATION}(?: ${LOCATION})*)\)(?: ([\w-]+)(?=\s*$))?`, "g");
/** What a decoded frame's location holds; decoding is done by hand on a paste, so a large log is not searched. */
const LOCATION_MARKS = [".c:", ".h:", ".S:", ".rs:"];
const MAX_TEXT = 1024 * 1024;
/** A frame line is short; a longer line (a JSON blob, a minified file) is not one. */
const MAX_FRAME_LINE = 2000;
/** A trace has a few dozen frames; a paste is not rewritten beyond this many candidate lines. */
const MAX_LINES = 2000;

/** The lines holding decoded frames, written back in the kernel's own form; null when there are none. */
export function decodedFrameVariant(text: string, lineStarts: readonly number[]): UnwrappedText | null {
  if (text.length > MAX_TEXT || !LOCATION_MARKS.some((m) => text.includes(m))) return null;
  const lines = new Set<number>();
  for (const mark of LOCATION_MARKS) {
    // Offsets come in order: each line is searched for from the last one found.
    let line = 0;
    for (let at = text.indexOf(mark); at >= 0 && lines.size < MAX_LINES; at = text.indexOf(mark, at + 1)) {
      line = lineOfOffset(lineStarts, at, line);
      lines.add(line);
    }
  }
  const origin: number[] = [];
  const rebuilt: string[] = [];
  for (const l of [...lines].sort((a, b) => a - b)) {
    const line = text.slice(lineStarts[l] as number, lineEnd(text, lineStarts, l));
    if (line.length > MAX_FRAME_LINE || !line.includes(" (")) continue;
    const raw = line.replace(DECODED_FRAME, (_, name: string, _where: string, module?: string) =>
      module ? `${name}+0x0/0x0 [${module}]` : `${name}+0x0/0x0`,
    );
    if (raw === line) continue;
    origin.push(l);
    rebuilt.push(raw);
  }
  if (!origin.length) return null;
  return { text: rebuilt.join("\n"), origin, changed: origin.map(() => true), showsOriginal: true };
}
