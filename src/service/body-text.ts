/**
 * How a bundle's bytes become text, shared by the server (src/service/diagnose-job.ts) and the
 * `known-bugs` CLI (src/cli/known-bugs/inputs.ts), so a file reads the same whichever of them reads it.
 * Bytes that are no text (a compressed file, an archive, binary data) and a charset that cannot be read are
 * refused with the reason, never read as a log: read as one, they answer "no known bug" with confidence.
 */

/** gzip's magic bytes: compressed bytes sent without Content-Encoding are no log (they read as "no known bug"). */
export const isGzip = (bytes: Uint8Array) => bytes[0] === 0x1f && bytes[1] === 0x8b;

/** Bytes or characters read to tell text from binary data and UTF-16 from UTF-8: enough to tell, few enough to cost nothing. */
const SAMPLE = 64 * 1024;

/** Compressed files and archives, by the magic bytes their formats start with (tar's "ustar" mark sits at 257). */
const FORMATS: ReadonlyArray<[name: string, magic: readonly number[], at?: number]> = [
  ["xz", [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ["zstd", [0x28, 0xb5, 0x2f, 0xfd]],
  ["bzip2", [0x42, 0x5a, 0x68]],
  ["zip", [0x50, 0x4b, 0x03, 0x04]],
  ["7z", [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ["tar", [0x75, 0x73, 0x74, 0x61, 0x72], 257],
];
const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);

/**
 * The compressed or archive format the bytes are in, or null: gzip, xz, zstd, bzip2 ("BZh", a block size digit,
 * then its block magic), zip, 7z, tar ("ustar" then NUL, or two spaces then NUL, at 257), and zlib (deflate): a
 * method byte 0x78 whose header checksum holds and whose second byte is not printable text.
 */
export function compressedFormat(bytes: Uint8Array): string | null {
  if (isGzip(bytes)) return "gzip";
  for (const [name, magic, at] of FORMATS) {
    if (!startsWith(bytes, magic, at)) continue;
    if (name === "bzip2" && !((bytes[3] ?? 0) >= 0x31 && (bytes[3] ?? 0) <= 0x39 && bytes[4] === 0x31 && bytes[5] === 0x41)) continue;
    if (name === "tar" && !(bytes[262] === 0 || (bytes[262] === 0x20 && bytes[263] === 0x20 && bytes[264] === 0))) continue;
    return name;
  }
  const [cmf = 0, flg = 0] = bytes;
  if (bytes.length >= 2 && cmf === 0x78 && (cmf * 256 + flg) % 31 === 0 && (flg < 0x20 || flg > 0x7e)) return "zlib";
  return null;
}

/** The charsets a body may declare, by their WHATWG Encoding labels (Content-Type's charset parameter). */
type Charset = "utf-8" | "utf-16le" | "utf-16be" | "utf-16" | "latin1";
const LABELS: ReadonlyArray<[Charset, string]> = [
  ["utf-8", "utf-8 utf8 unicode-1-1-utf-8 unicode11utf8 unicode20utf8 x-unicode20utf8"],
  ["utf-16le", "utf-16le csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff"],
  ["utf-16be", "utf-16be unicodefffe"],
  // WHATWG reads a bare "utf-16" as little-endian, RFC 2781 as big-endian: the bytes' line breaks decide (utf16Order).
  ["utf-16", "utf-16"],
  // windows-1252's labels (ASCII's among them: the same bytes), ISO-8859-15's, and Python's "latin-1".
  [
    "latin1",
    "windows-1252 ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii x-cp1252 iso-8859-15 iso8859-15 iso_8859-15 latin9 latin-1",
  ],
];
const CHARSETS: ReadonlyMap<string, Charset> = new Map(LABELS.flatMap(([charset, labels]) => labels.split(" ").map((l) => [l, charset])));

export type BodyText = { ok: true; text: string } | { ok: false; slug: string; detail: string };

/**
 * The body as text: UTF-8 unless its charset says otherwise; UTF-16 when it starts with a UTF-16
 * byte-order mark (what Windows PowerShell 5 writes by default: read as UTF-8 its every other byte is a
 * NUL, and nothing matches) and what follows is UTF-16, or when its line breaks are two bytes, a NUL and a line feed (UTF-16 without
 * a byte-order mark: `iconv -t UTF-16LE`, .NET's Encoding.Unicode). A body that says UTF-16 but breaks its
 * lines with single bytes is no UTF-16, and is refused rather than read as garbage. `decode` reads UTF-8 as
 * TextDecoder does (Node passes a faster one, src/node/utf8.ts). Latin-1 family charsets are read as
 * ISO-8859-1 (Windows-1252's extra punctuation aside, which a log's meaning never rests on).
 */
export function readBodyText(bytes: Uint8Array, decode: (bytes: Uint8Array) => string, charset?: string): BodyText {
  const declared = charset?.trim().toLowerCase().replace(/^"|"$/g, "");
  const as = declared ? CHARSETS.get(declared) : undefined;
  if (declared && !as)
    return {
      ok: false,
      slug: "unsupported-charset",
      detail: `The body says charset=${declared.slice(0, 40)}, which is not read here; send UTF-8 (or UTF-16).`,
    };
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (le || be) {
    const rest = bytes.subarray(2);
    // Two stray bytes before a UTF-8 log (a PowerShell 5 file's mark, then text appended in UTF-8): its lines break in
    // single bytes and it holds no NUL, which no UTF-16 does (review 50a F3: read as UTF-16, it answered "no known bug").
    if (utf16Order(rest) === "bytes" && !rest.subarray(0, SAMPLE).includes(0)) return { ok: true, text: decode(rest) };
    // Likewise before one line of ASCII, which has no line break to tell it by (review 51a F3).
    if (asciiLine(rest)) return { ok: true, text: decode(rest) };
    return { ok: true, text: utf16(rest, le) };
  }
  if (as === "latin1") return { ok: true, text: fromCodes(bytes) };
  const order = utf16Order(bytes);
  if (as === "utf-16le" || as === "utf-16be" || as === "utf-16") {
    // UTF-16 of any script has NULs (its line breaks, its ASCII); UTF-8 text has none.
    if ((order === "bytes" && !bytes.subarray(0, SAMPLE).includes(0)) || asciiLine(bytes))
      return {
        ok: false,
        slug: "charset-mismatch",
        detail: `The body says charset=${declared}, but its line breaks are single bytes, as in UTF-8: send it without that charset, or encode it as it says.`,
      };
    const little = as === "utf-16" ? order !== "be" : as === "utf-16le";
    return { ok: true, text: utf16(bytes, little) };
  }
  return { ok: true, text: order === "le" || order === "be" ? utf16(bytes, order === "le") : decode(bytes) };
}

/**
 * How the first 64 KB break their lines: as UTF-16 little-endian (a line feed, then a NUL, at an even offset),
 * big-endian (a NUL, then a line feed), in single bytes (a line feed between two bytes that are no NUL), or
 * not at all (null). Text in any script breaks its lines so, where a share of NULs would not tell CJK or
 * box-drawing UTF-16 from ASCII.
 */
/**
 * The share of control bytes (NULs included; tab, line feed and carriage return aside). UTF-16 of ASCII is half NULs and
 * of Cyrillic half 0x04s, which UTF-8 text never holds so many of.
 */
function controlShare(bytes: Uint8Array, n: number): number {
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13) control++;
  }
  return n ? control / n : 0;
}
const MIN_CONTROL_SHARE = 0.25;

/**
 * Whether the bytes are one line of printable ASCII (tabs and a CR aside): UTF-16 of ASCII is half NULs, and UTF-16 of
 * another script almost never keeps both bytes of each of a few dozen characters printable ASCII.
 */
function asciiLine(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SAMPLE);
  if (n < MIN_ASCII_LINE) return false;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if ((b < 0x20 || b > 0x7e) && b !== 9 && b !== 13) return false;
  }
  return true;
}
const MIN_ASCII_LINE = 24;

/** Whether bytes are UTF-8 (a character cut at the sample's end aside). */
function validUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function utf16Order(bytes: Uint8Array): "le" | "be" | "bytes" | null {
  const n = Math.min(bytes.length, SAMPLE);
  let le = 0;
  let be = 0;
  let single = 0;
  // U+0000 beside a line break is no text's: a block of NULs a crash left in a log, after or before a line feed
  // (review 33a: a short paste with one such block was read as UTF-16 and answered "no known bug").
  const nulUnit = (k: number) => k >= 0 && k + 1 < bytes.length && bytes[k] === 0 && bytes[k + 1] === 0;
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < n; i = bytes.indexOf(0x0a, i + 1)) {
    const after = bytes[i + 1];
    const before = i > 0 ? bytes[i - 1] : undefined;
    if (i % 2 === 0 && after === 0) {
      if (!nulUnit(i - 2) && !nulUnit(i + 2)) le++;
    } else if (i % 2 === 1 && before === 0) {
      if (!nulUnit(i - 3) && !nulUnit(i + 1)) be++;
    } else if (after !== 0 && before !== 0) single++;
  }
  // A line feed and a NUL is no UTF-8 (which has no NULs); a few single-byte ones are UTF-16 characters of the
  // form U+xx0A (上 U+4E0A, a surrogate's low half). Random bytes hold hundreds of those against a pair or two.
  // One such pair alone is no sign of UTF-16 in bytes that read as UTF-8 text: UTF-8 holds a NUL before a line feed too
  // (`cat /proc/<pid>/cmdline; echo`: review 33d). UTF-16 is no valid UTF-8 (Chinese), or is full of control bytes
  // (ASCII's NULs, Cyrillic's 0x04s: review 33e).
  if (le + be === 1 && validUtf8(bytes.subarray(0, n)) && controlShare(bytes, n) < MIN_CONTROL_SHARE) return single > 0 ? "bytes" : null;
  if (le > 0 && be === 0 && single <= le * 4) return "le";
  if (be > 0 && le === 0 && single <= be * 4) return "be";
  if (le > (be + single) * 4) return "le";
  if (be > (le + single) * 4) return "be";
  return single > 0 && le === 0 && be === 0 ? "bytes" : null;
}

/** TextDecoder where the runtime has the encoding (a native decode), else null. */
function nativeDecoder(encoding: string): TextDecoder | null {
  try {
    return new TextDecoder(encoding);
  } catch {
    return null;
  }
}
const UTF16LE = nativeDecoder("utf-16le");

function utf16(bytes: Uint8Array, le: boolean): string {
  const even = bytes.subarray(0, bytes.length & ~1);
  if (UTF16LE) {
    if (le) return UTF16LE.decode(even);
    // Big-endian: swapped into little-endian order, then the native decode.
    const swapped = new Uint8Array(even.length);
    for (let i = 0; i < even.length; i += 2) {
      swapped[i] = even[i + 1] as number;
      swapped[i + 1] = even[i] as number;
    }
    return UTF16LE.decode(swapped);
  }
  const units = new Uint16Array(even.length >> 1);
  for (let i = 0, at = 0; i < units.length; i++, at += 2)
    units[i] = le ? (even[at] as number) | ((even[at + 1] as number) << 8) : ((even[at] as number) << 8) | (even[at + 1] as number);
  return fromCodes(units);
}

function fromCodes(codes: Uint8Array | Uint16Array): string {
  const parts: string[] = [];
  for (let i = 0; i < codes.length; i += 8192) parts.push(String.fromCharCode(...codes.subarray(i, i + 8192)));
  return parts.join("");
}

/**
 * Whether text is binary data: more than a twentieth of its first 64 KB are control characters other than
 * a terminal's (tab, line feed, carriage return, form feed, escape, shift in and out). A run of NULs counts
 * once: a log a crash cut short holds a block of them where the file was never written (ext4's zeroed tail),
 * and Docker's log stream frames each line with a few. A stray NUL, or bytes that are no UTF-8 (a GBK log),
 * leave it text.
 */
export function looksBinary(text: string): boolean {
  const n = Math.min(text.length, SAMPLE);
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) {
      while (i + 1 < n && text.charCodeAt(i + 1) === 0) i++;
      odd++;
    } else if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 27 && c !== 14 && c !== 15) odd++;
  }
  return n > 0 && odd > n / 20;
}
