import { lineEnd, lineStartsOf } from "./line-starts";
import type { UnwrappedText } from "./unwrap-lines";

/**
 * Lines a log's export quoted so that a record's words no longer read as printed, written back and scanned again (the
 * evidence shows the line as pasted; review 66b F3, F5):
 * - a JSON string's `\u003c`/`\u003e`/`\u0026` (Go's encoders, so Docker's json-file driver, write `<`, `>` and `&` so):
 *   "(veth4e2a1b3) \u003c=\u003e sandbox", "Loop (127.0.0.1:55953 -\u003e :53)";
 * - a CSV field's doubled quotes (CloudWatch Logs Insights', Kibana's and Datadog's CSV exports):
 *   `2024-11-13 16:15:07.931,"… unknown option ""--xor-mark"""`.
 */
const ASCII_ESCAPE = /\\u00([2-7][0-9a-fA-F])/g;
/** A quoted CSV field's inside: no quote but doubled ones (one way to read each character: linear). */
const CSV_INSIDE = /^(?:[^"]|"")*$/;
/** Longer than any exported log message: not read as a CSV row. */
const MAX_CSV_LINE = 64 * 1024;
/**
 * A CSV row whose field from its first `,"` (or its opening quote) to the line's end is one quoted field with doubled
 * quotes inside (a JSON line's empty strings, `"key":""`, are no such field, and its line is not scanned twice).
 */
function csvRow(line: string): boolean {
  const row = line.endsWith("\r") ? line.slice(0, -1) : line;
  if (row.length > MAX_CSV_LINE || !row.endsWith('"')) return false;
  const open = row.startsWith('"') ? 0 : row.indexOf(',"') + 1;
  if (open === 0 && !row.startsWith('"')) return false;
  const inside = row.slice(open + 1, -1);
  return inside.includes('""') && CSV_INSIDE.test(inside);
}
const MAX_TEXT = 16 * 1024 * 1024;
/** A paste is not rewritten beyond this many lines: the first ones hold what an export shows. */
const MAX_LINES = 20_000;

function decoded(line: string): string {
  let out = line.includes("\\u00") ? line.replace(ASCII_ESCAPE, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : line;
  if (out.includes('""') && csvRow(out)) out = out.replace(/""/g, '"');
  return out;
}

/** The lines an export quoted, written back as printed; null when there are none. `knownStarts`: the text's line starts. */
export function decodedQuotesVariant(text: string, knownStarts?: readonly number[]): UnwrappedText | null {
  if (text.length > MAX_TEXT || (!text.includes("\\u00") && !text.includes('""'))) return null;
  const lineStarts = knownStarts ?? lineStartsOf(text);
  const origin: number[] = [];
  const rebuilt: string[] = [];
  const shown: string[] = [];
  for (let l = 0; l < lineStarts.length && origin.length < MAX_LINES; l++) {
    const line = text.slice(lineStarts[l] as number, lineEnd(text, lineStarts, l));
    if (!line.includes("\\u00") && !line.includes('""')) continue;
    const written = decoded(line);
    if (written === line) continue;
    origin.push(l);
    rebuilt.push(written);
    shown.push(line.endsWith("\r") ? line.slice(0, -1) : line);
  }
  if (!origin.length) return null;
  return { text: rebuilt.join("\n"), origin, changed: origin.map(() => true), shown };
}
