/**
 * How a bundle's bytes become text, shared by the server (src/service/diagnose-job.ts) and the
 * `known-bugs` CLI (src/cli/known-bugs/inputs.ts), so a file reads the same whichever of them reads it.
 */

/** gzip's magic bytes: compressed bytes sent without Content-Encoding are no log (they read as "no known bug"). */
export const isGzip = (bytes: Uint8Array) => bytes[0] === 0x1f && bytes[1] === 0x8b;

/**
 * The body as text: UTF-8, or UTF-16 when it starts with a UTF-16 byte-order mark (what Windows
 * PowerShell 5 writes by default: read as UTF-8 its every other byte is a NUL, and nothing matches).
 * `decode` reads UTF-8 as TextDecoder does (Node passes a faster one, src/node/utf8.ts).
 */
export function bodyText(bytes: Uint8Array, decode: (bytes: Uint8Array) => string): string {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (!le && !be) return decode(bytes);
  const units = new Uint16Array((bytes.length - 2) >> 1);
  for (let i = 0, at = 2; i < units.length; i++, at += 2)
    units[i] = le ? (bytes[at] as number) | ((bytes[at + 1] as number) << 8) : ((bytes[at] as number) << 8) | (bytes[at + 1] as number);
  const parts: string[] = [];
  for (let i = 0; i < units.length; i += 8192) parts.push(String.fromCharCode(...units.subarray(i, i + 8192)));
  return parts.join("");
}
