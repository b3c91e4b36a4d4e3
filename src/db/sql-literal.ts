/**
 * Values as SQL literals, and what they weigh: `wrangler d1 execute --file` runs the import with its parameters inlined
 * (import-sql.ts), and D1 refuses any statement over 100,000 bytes of SQL text (SQLITE_TOOBIG, seen in workerd too).
 * So a row's size is what its literals weigh in UTF-8, quotes doubled, not its length as JSON.
 */

/** D1's limit on one statement's SQL text. */
export const D1_MAX_STATEMENT_BYTES = 100_000;

export function literal(v: unknown): string {
  if (v === null || v === undefined) return "NULL";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "NULL";
  if (typeof v === "boolean") return v ? "1" : "0";
  return `'${String(v).replaceAll("'", "''")}'`;
}

/** The UTF-8 bytes of one code point, an inlined quote counted twice. */
function codePointBytes(cp: number): number {
  if (cp === 0x27) return 2;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** The bytes `literal(v)` takes in the SQL text. */
export function literalBytes(v: unknown): number {
  if (typeof v !== "string") return literal(v).length;
  let n = 2;
  for (const ch of v) n += codePointBytes(ch.codePointAt(0) as number);
  return n;
}

/**
 * `text` cut into pieces whose literals weigh at most `maxBytes` each, on code point boundaries (a cut inside a
 * surrogate pair would store two halves that are no UTF-8). Joined in order they are `text` again.
 */
export function splitText(text: string, maxBytes: number): string[] {
  const parts: string[] = [];
  let start = 0;
  let at = 0;
  let bytes = 2;
  for (const ch of text) {
    const b = codePointBytes(ch.codePointAt(0) as number);
    if (bytes + b > maxBytes && at > start) {
      parts.push(text.slice(start, at));
      start = at;
      bytes = 2;
    }
    bytes += b;
    at += ch.length;
  }
  parts.push(text.slice(start));
  return parts;
}
