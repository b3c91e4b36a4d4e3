import { lineEnd, lineOfOffset, lineStartsOf } from "./line-starts";
import { englishErrnos, mayHoldTranslatedErrno, nonAsciiLines, translatedErrnoLines, translatedErrnoOffsets } from "./localized-errnos";
import { rewrittenLines } from "./rewritten-lines";
import type { UnwrappedText } from "./unwrap-lines";

/**
 * Lines a log's export quoted so that a record's words no longer read as printed, written back and scanned again (the
 * evidence shows the line as pasted; review 66b F3, F5):
 * - a JSON string's `\u003c`/`\u003e`/`\u0026` (Go's encoders, so Docker's json-file driver, write `<`, `>` and `&` so):
 *   "(veth4e2a1b3) \u003c=\u003e sandbox", "Loop (127.0.0.1:55953 -\u003e :53)";
 * - a CSV field's doubled quotes (CloudWatch Logs Insights', Kibana's and Datadog's CSV exports):
 *   `2024-11-13 16:15:07.931,"… unknown option ""--xor-mark"""`;
 * - an AppArmor audit record's values without their quotes (`ausearch -i` prints them so, and people retell a denial so:
 *   "apparmor=DENIED operation=capable profile=unprivileged_userns"), quoted again as the kernel logs them (review 68b F2);
 * - a C program's errno text in the user's language ("…: 没有那个文件或目录"), in English (localized-errnos.ts, review 68b F1).
 */
const ASCII_ESCAPE = /\\u00([2-7][0-9a-fA-F])/g;
const MAX_TEXT = 16 * 1024 * 1024;
/** A paste is not rewritten beyond this many lines: the first ones hold what an export shows. */
const MAX_LINES = 20_000;
/** Longer than any exported log message: not read as a CSV row. */
const MAX_CSV_LINE = 64 * 1024;

/**
 * A CSV row (RFC 4180) with its quoted fields' doubled quotes made single, or null when the line is no such row or has no
 * doubled quote: any number of fields, quoted or not, in any order (a quote-all export, the message in any column: review
 * 66i F3). One pass, each character read once.
 */
function csvUndoubled(line: string): string | null {
  const row = line.endsWith("\r") ? line.slice(0, -1) : line;
  if (row.length > MAX_CSV_LINE || !row.includes('""')) return null;
  let out = "";
  let doubled = false;
  let i = 0;
  for (;;) {
    if (row[i] === '"') {
      let field = "";
      let j = i + 1;
      for (;;) {
        const q = row.indexOf('"', j);
        if (q < 0) return null;
        field += row.slice(j, q);
        if (row[q + 1] !== '"') {
          j = q + 1;
          break;
        }
        field += '"';
        doubled = true;
        j = q + 2;
      }
      out += `"${field}"`;
      i = j;
    } else {
      const comma = row.indexOf(",", i);
      const end = comma < 0 ? row.length : comma;
      const field = row.slice(i, end);
      // A quote inside an unquoted field: no CSV.
      if (field.includes('"')) return null;
      out += field;
      i = end;
    }
    if (i >= row.length) break;
    if (row[i] !== ",") return null;
    out += ",";
    i++;
  }
  return doubled ? out : null;
}

/** The string-valued fields of an AppArmor audit record that the kernel quotes (capability and pid are numbers, unquoted). */
const AUDIT_STRING_FIELD =
  /\b(apparmor|operation|class|profile|name|comm|info|target|requested_mask|denied_mask|capname|namespace|srcname|peer)=([^"\s][^\s]*)/g;
/** Where an unquoted audit record's fields start: its `apparmor=` field. */
const UNQUOTED_AUDIT = "apparmor=";

function decoded(line: string): string {
  let out = line.includes("\\u00") ? line.replace(ASCII_ESCAPE, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : line;
  if (out.includes('""')) out = csvUndoubled(out) ?? out;
  if (out.includes(UNQUOTED_AUDIT) && !out.includes('apparmor="')) out = out.replace(AUDIT_STRING_FIELD, '$1="$2"');
  if (mayHoldTranslatedErrno(out)) out = englishErrnos(out);
  return out;
}

/**
 * What an export's quoting leaves on a line, for `decoded` to undo (a translated errno aside): the matcher's pass finds them
 * with the signatures' literals, so the lines holding them need no search of their own (QuoteMarks).
 */
export const QUOTE_MARKS = ["\\u00", '""', UNQUOTED_AUDIT] as const;

/**
 * Per line (0-based): bit k set where the matcher's pass found QUOTE_MARKS[k], as it reads text (case folded, CRs and
 * backslashes skipped): on every line holding the mark, and perhaps on a few more, which the line's own text then sorts out.
 */
export type QuoteMarks = Uint8Array;

/**
 * The lines an export quoted, written back as printed; null when there are none. `knownStarts`: the text's line starts;
 * `marks`: where the matcher's pass found each mark, which spares a search of the text per mark (issue #12: 0.8 ms per MB of
 * journal, most of it `indexOf` of a nine-character mark set up again at each of its lines).
 */
export function decodedQuotesVariant(text: string, knownStarts?: readonly number[], marks?: QuoteMarks): UnwrappedText | null {
  if (text.length > MAX_TEXT) return null;
  // Searched once: each search of a character class over a 1 MB paste costs ~0.6 ms (review 69s, issue #12). Where the
  // cap on lines cannot be reached, the search notes the lines holding such a character: only those can be written back.
  const foreign = knownStarts && knownStarts.length <= MAX_LINES ? nonAsciiLines(text, knownStarts) : null;
  const mayHoldErrno = foreign ? foreign.length > 0 : mayHoldTranslatedErrno(text);
  if (!text.includes("\\u00") && !text.includes('""') && !text.includes(UNQUOTED_AUDIT) && !mayHoldErrno) return null;
  const lineStarts = knownStarts ?? lineStartsOf(text);
  // Only the lines holding a mark are read, found by searching for the marks: a large log with a few is not walked line by
  // line. Each line is judged once, and the search goes on after it.
  const lines = new Set<number>();
  const lineAt = (l: number) => text.slice(lineStarts[l] as number, lineEnd(text, lineStarts, l));
  for (const [k, mark] of QUOTE_MARKS.entries()) {
    if (marks) {
      // The same lines in the same order as the search below finds them: the pass's, each holding the mark as written.
      const bit = 1 << k;
      for (let l = 0; l < marks.length && lines.size < MAX_LINES; l++) {
        if (((marks[l] as number) & bit) !== 0 && lineAt(l).includes(mark)) lines.add(l);
      }
      continue;
    }
    let line = 0;
    for (let at = text.indexOf(mark); at >= 0 && lines.size < MAX_LINES; ) {
      line = lineOfOffset(lineStarts, at, line);
      lines.add(line);
      at = text.indexOf(mark, lineEnd(text, lineStarts, line));
    }
  }
  if (mayHoldErrno && foreign) {
    // A translated errno written back makes a line another only where the line holds a character outside ASCII (decoded
    // writes back nothing else): a line holding one in ASCII alone (Dutch's "Is een map") stays as it is, and with fewer
    // lines than the cap it cannot crowd out another either. So those lines alone are searched, not the whole paste
    // (issue #12: ~1 ms per MB of journal holding a single character outside ASCII).
    for (const l of translatedErrnoLines(text, lineStarts, foreign)) lines.add(l);
  } else if (mayHoldErrno) {
    let line = 0;
    for (const at of translatedErrnoOffsets(text)) {
      if (lines.size >= MAX_LINES) break;
      line = lineOfOffset(lineStarts, at, line);
      lines.add(line);
    }
  }
  return rewrittenLines(lines, lineAt, decoded);
}
