/**
 * How a bundle's bytes become text, shared by the server (src/service/diagnose-job.ts) and the
 * `known-bugs` CLI (src/cli/known-bugs/inputs.ts), so a file reads the same whichever of them reads it.
 * Bytes that are no text (a compressed file, an archive, binary data) and a charset that cannot be read are
 * refused with the reason, never read as a log: read as one, they answer "no known bug" with confidence.
 */

/** gzip's magic bytes: compressed bytes sent without Content-Encoding are no log (they read as "no known bug"). */
export const isGzip = (bytes: Uint8Array) => bytes[0] === 0x1f && bytes[1] === 0x8b;

/** Compressed files and archives, by the magic bytes their formats start with. */
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
 * The compressed or archive format the bytes are in, or null: gzip, xz, zstd, bzip2 ("BZh" and a block
 * size digit), zip, 7z, tar (its "ustar" mark), and zlib (deflate): a method byte 0x78 whose header checksum
 * holds and whose second byte is not printable text.
 */
export function compressedFormat(bytes: Uint8Array): string | null {
  if (isGzip(bytes)) return "gzip";
  for (const [name, magic, at] of FORMATS) {
    if (!startsWith(bytes, magic, at)) continue;
    if (name === "bzip2" && !((bytes[3] ?? 0) >= 0x31 && (bytes[3] ?? 0) <= 0x39 && bytes[4] === 0x31 && bytes[5] === 0x41)) continue;
    return name;
  }
  const [cmf = 0, flg = 0] = bytes;
  if (bytes.length >= 2 && cmf === 0x78 && (cmf * 256 + flg) % 31 === 0 && (flg < 0x20 || flg > 0x7e)) return "zlib";
  return null;
}

/** The charsets a body may declare, by their WHATWG labels (Content-Type's charset parameter). */
type Charset = "utf-8" | "utf-16le" | "utf-16be" | "utf-16" | "latin1";
const CHARSETS: Readonly<Record<string, Charset>> = {
  "utf-8": "utf-8",
  utf8: "utf-8",
  "us-ascii": "utf-8",
  ascii: "utf-8",
  "utf-16le": "utf-16le",
  "utf-16be": "utf-16be",
  "utf-16": "utf-16",
  "iso-8859-1": "latin1",
  latin1: "latin1",
  "iso-8859-15": "latin1",
  "windows-1252": "latin1",
  cp1252: "latin1",
};

export type BodyText = { ok: true; text: string } | { ok: false; slug: string; detail: string };

/**
 * The body as text: UTF-8 unless its charset says otherwise; UTF-16 when it starts with a UTF-16
 * byte-order mark (what Windows PowerShell 5 writes by default: read as UTF-8 its every other byte is a
 * NUL, and nothing matches), or when its bytes are laid out as UTF-16 text without one (`iconv -t
 * UTF-16LE`). `decode` reads UTF-8 as TextDecoder does (Node passes a faster one, src/node/utf8.ts).
 * Latin-1 family charsets are read as ISO-8859-1 (Windows-1252's extra punctuation aside, which a log's
 * meaning never rests on).
 */
export function readBodyText(bytes: Uint8Array, decode: (bytes: Uint8Array) => string, charset?: string): BodyText {
  const declared = charset?.trim().toLowerCase().replace(/^"|"$/g, "");
  const as = declared ? CHARSETS[declared] : undefined;
  if (declared && !as)
    return {
      ok: false,
      slug: "unsupported-charset",
      detail: `The body says charset=${declared.slice(0, 40)}, which is not read here; send UTF-8 (or UTF-16).`,
    };
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (le || be) return { ok: true, text: utf16(bytes.subarray(2), le) };
  if (as === "latin1") return { ok: true, text: latin1(bytes) };
  if (as === "utf-16le" || as === "utf-16be") return { ok: true, text: utf16(bytes, as === "utf-16le") };
  const laidOut = utf16Layout(bytes);
  // "utf-16" without a byte-order mark is big-endian (RFC 2781) unless the bytes plainly say otherwise.
  if (as === "utf-16") return { ok: true, text: utf16(bytes, laidOut === "le") };
  return { ok: true, text: laidOut ? utf16(bytes, laidOut === "le") : decode(bytes) };
}

/**
 * Whether the bytes are ASCII-range text in UTF-16 without a byte-order mark: in the first 4 KB nearly every
 * odd byte (little-endian) or even byte (big-endian) is a NUL and nearly none of the others, which no UTF-8
 * text does.
 */
function utf16Layout(bytes: Uint8Array): "le" | "be" | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 16) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const half = n / 2;
  if (odd >= half * 0.9 && even <= half * 0.1) return "le";
  if (even >= half * 0.9 && odd <= half * 0.1) return "be";
  return null;
}

function utf16(bytes: Uint8Array, le: boolean): string {
  const units = new Uint16Array(bytes.length >> 1);
  for (let i = 0, at = 0; i < units.length; i++, at += 2)
    units[i] = le ? (bytes[at] as number) | ((bytes[at + 1] as number) << 8) : ((bytes[at] as number) << 8) | (bytes[at + 1] as number);
  return fromCodes(units);
}

function latin1(bytes: Uint8Array): string {
  return fromCodes(bytes);
}

function fromCodes(codes: Uint8Array | Uint16Array): string {
  const parts: string[] = [];
  for (let i = 0; i < codes.length; i += 8192) parts.push(String.fromCharCode(...codes.subarray(i, i + 8192)));
  return parts.join("");
}

/** Characters read: enough to tell text from binary data, few enough to cost nothing. */
const SAMPLE = 64 * 1024;

/**
 * Whether decoded text is binary data rather than text: more than a tenth of its first 64 KB are NULs,
 * other control characters than a terminal's (tab, line feed, carriage return, form feed, escape) or
 * replacement characters (bytes that were no UTF-8). A log with a stray NUL or a bad byte is still text.
 */
export function looksBinary(text: string): boolean {
  const n = Math.min(text.length, SAMPLE);
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 27) || c === 0xfffd) odd++;
  }
  return n > 0 && odd > n / 10;
}
