import { lineEnd, lineOfOffset, lineStartsOf } from "./line-starts";
import { rewrittenLines } from "./rewritten-lines";
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

/** The lines holding decoded frames, written back in the kernel's own form; null when there are none. `knownStarts`: the text's line starts, when counted already. */
export function decodedFrameVariant(text: string, knownStarts?: readonly number[]): UnwrappedText | null {
  if (text.length > MAX_TEXT || !LOCATION_MARKS.some((m) => text.includes(m))) return null;
  const lineStarts = knownStarts ?? lineStartsOf(text);
  const lineAt = (l: number) => text.slice(lineStarts[l] as number, lineEnd(text, lineStarts, l));
  // Candidate lines: a location mark, a frame's " (" and a frame line's length (a build's warnings name files
  // too, without the parentheses). Each line is judged once, and the search goes on after it: linear work.
  const lines = new Set<number>();
  for (const mark of LOCATION_MARKS) {
    let line = 0;
    for (let at = text.indexOf(mark); at >= 0 && lines.size < MAX_LINES; ) {
      line = lineOfOffset(lineStarts, at, line);
      const end = lineEnd(text, lineStarts, line);
      if (!lines.has(line) && end - (lineStarts[line] as number) <= MAX_FRAME_LINE && lineAt(line).includes(" (")) lines.add(line);
      at = text.indexOf(mark, end);
    }
  }
  return rewrittenLines(lines, lineAt, (line) =>
    line.replace(DECODED_FRAME, (_, name: string, _where: string, module?: string) =>
      module ? `${name}+0x0/0x0 [${module}]` : `${name}+0x0/0x0`,
    ),
  );
}

/**
 * The decoded frames of a rebuilt text (a mail-wrapped paste joined into its long lines), mapped back to
 * the original lines; the evidence shows the joined line.
 */
export function decodedFramesOf(variant: UnwrappedText): UnwrappedText | null {
  const decoded = decodedFrameVariant(variant.text);
  if (!decoded) return null;
  const { through } = variant;
  return {
    ...decoded,
    origin: decoded.origin.map((l) => variant.origin[l] as number),
    ...(through ? { through: decoded.origin.map((l) => through[l] as number) } : {}),
  };
}
