/**
 * Whether text that reached the service as text (a decoded body, a JSON or form field, a host's bundle) holds data that
 * is no log: bytes of a compressed file read as UTF-8, anywhere in it, or binary data at its start. A body's bytes are
 * checked for magic numbers before decoding (bundle-bytes.ts); these are the cases that check cannot see (review 60e F2):
 * a `.gz` file `jq -Rs` put into a JSON field, `--data-urlencode logs@file.gz`, `cat syslog syslog.2.gz` past the first
 * 64 KB. Read as a log, each answered "no known bug".
 */
import { looksBinary } from "./body-text";

/**
 * Each format's magic bytes as UTF-8 decoding leaves them (a byte that is no UTF-8 becomes U+FFFD): gzip's 1f 8b 08,
 * xz's fd "7zXZ" 00, zstd's 28 b5 2f fd, zip's "PK" 03 04, bzip2's block magic "1AY&SY" after "BZh<level>".
 */
const MARKS: ReadonlyArray<[format: string, mark: string]> = [
  ["gzip", "\u001f\ufffd\u0008"],
  ["xz", "\ufffd7zXZ\u0000"],
  ["zstd", "(\ufffd/\ufffd"],
  ["zip", "PK\u0003\u0004"],
  ["bzip2", "1AY&SY"],
];
const BZIP2_HEAD = /BZh[1-9]$/;

export interface NotLog {
  /** The compressed format, or "binary" for binary data at the start. */
  format: string;
  /** 1-based line where it starts. */
  line: number;
}

/** Characters after a mark read to tell compressed data (mostly U+FFFD and control characters) from text that holds it. */
const AFTER_MARK = 256;
/** Of those, the share that compressed data's bytes leave undecodable or control: text has almost none. */
const MIN_BINARY_SHARE = 0.2;
/** Marks looked at per format at most: text that holds one often (a hexdump's column) is not searched through. */
const MAX_MARKS = 64;

/**
 * Whether the characters after a mark read as a compressed stream's: undecodable bytes (U+FFFD) and control characters
 * other than a terminal's. A hexdump's column ("BZh91AY&SY.." in `hexdump -C`) or a Latin-1 line decoding to zstd's four
 * characters is text (review 60f F3: such pastes were refused whole).
 */
function binaryAfter(text: string, at: number): boolean {
  const end = Math.min(text.length, at + AFTER_MARK);
  let odd = 0;
  for (let i = at; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13)) odd++;
  }
  return end - at >= 16 && odd >= (end - at) * MIN_BINARY_SHARE;
}

/**
 * Whether the line holding a mark reads, before it, as text in a single-byte legacy encoding (cp1251's Cyrillic decodes to a
 * U+FFFD per letter, and its "(м/с)" to zstd's mark: review 60h): undecodable characters make up much of what precedes the
 * mark on its line. A compressed file joined to text starts on its own line, or after text that decodes.
 */
function legacyTextBefore(text: string, at: number): boolean {
  const from = Math.max(text.lastIndexOf("\n", at - 1) + 1, at - AFTER_MARK);
  let odd = 0;
  for (let i = from; i < at; i++) if (text.charCodeAt(i) === 0xfffd) odd++;
  return at - from >= 8 && odd >= (at - from) * MIN_BINARY_SHARE;
}

/** The first compressed stream the text holds (its format and line), else binary data at its start, else null. */
export function notLogPart(text: string): NotLog | null {
  let first: { format: string; at: number } | null = null;
  for (const [format, mark] of MARKS) {
    let at = text.indexOf(mark);
    const counts = (i: number) =>
      (format !== "bzip2" || BZIP2_HEAD.test(text.slice(Math.max(0, i - 4), i))) && binaryAfter(text, i) && !legacyTextBefore(text, i);
    for (let seen = 1; at >= 0 && !counts(at); seen++) at = seen < MAX_MARKS ? text.indexOf(mark, at + 1) : -1;
    if (at >= 0 && (first === null || at < first.at)) first = { format, at };
  }
  if (first) return { format: first.format, line: lineAt(text, first.at) };
  return looksBinary(text) ? { format: "binary", line: 1 } : null;
}

function lineAt(text: string, at: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < at; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/** What to tell the sender about `part` in `where` ("The body", "The JSON field logs", "Host worker-2's bundle"). */
export function notLogDetail(where: string, part: NotLog): string {
  if (part.format === "binary")
    return `${where} is not text (most of its start is NUL bytes, control characters or bytes that are no UTF-8): send the logs and command outputs as UTF-8 text.`;
  const from = part.line > 1 ? ` from line ${part.line} on (a compressed file joined to text?)` : "";
  return `${where} holds ${part.format}-compressed data${from}: decompress it (zcat, xzcat, unzip -p) and send the text.`;
}
