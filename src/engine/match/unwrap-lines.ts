import { unframe } from "./normalize-line";

/**
 * Logs pasted through a mail client arrive wrapped at a fixed width (word wrap at ~72, hard cuts, or
 * quoted-printable soft breaks "=\n"), which splits a message across lines. Detect that, rebuild the long
 * lines, and keep for each rebuilt line the first original line it came from.
 */

export interface UnwrappedText {
  text: string;
  /** Rebuilt line (0-based) to the first original line it came from. */
  origin: number[];
  /** Whether the rebuilt line differs from the original line (joined or decoded). */
  changed: boolean[];
}

const MIN_WIDTH = 64;
const MAX_WIDTH = 80;
/** Wrapping is a mail-paste problem; big texts are machine-collected logs and are not rewrapped. */
const MAX_TEXT = 4 * 1024 * 1024;

/** Line-length histogram (last bucket: longer than MAX_WIDTH); null as soon as long lines abound. */
function lengthHistogram(text: string): Int32Array | null {
  const counts = new Int32Array(MAX_WIDTH + 2);
  let lines = 0;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    let len = end - start;
    if (len > 0 && text.charCodeAt(end - 1) === 13) len--;
    const bucket = Math.min(len, MAX_WIDTH + 1);
    counts[bucket] = (counts[bucket] as number) + 1;
    lines++;
    start = end + 1;
    if ((lines & 255) === 0 && (counts[MAX_WIDTH + 1] as number) > lines * 0.02) return null;
  }
  return counts;
}

/** The wrap width when most long lines end near one width and almost none exceed it; else null. */
export function wrapWidth(text: string): number | null {
  if (text.length > MAX_TEXT) return null;
  const counts = lengthHistogram(text);
  if (!counts) return null;
  let long = 0;
  for (let len = 40; len <= MAX_WIDTH + 1; len++) long += counts[len] as number;
  const over = counts[MAX_WIDTH + 1] as number;
  if (long < 3 || over > long * 0.02) return null;
  let width = MAX_WIDTH;
  while (width >= MIN_WIDTH && counts[width] === 0) width--;
  if (width < MIN_WIDTH) return null;
  let near = 0;
  for (let len = width - 12; len <= width; len++) near += counts[len] as number;
  return near >= 3 && near >= long * 0.5 ? width : null;
}

function splitLines(text: string): string[] {
  return text.split("\n").map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
}

/** Quoted-printable: soft breaks joined, =XX decoded as UTF-8. */
function unwrapQuotedPrintable(lines: readonly string[]): UnwrappedText {
  const out: UnwrappedText = { text: "", origin: [], changed: [] };
  const rebuilt: string[] = [];
  let acc = "";
  let first = 0;
  let joining = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (!joining) first = i;
    if (line.endsWith("=") && i + 1 < lines.length) {
      acc += line.slice(0, -1);
      joining = true;
      continue;
    }
    const decoded = decodeQuotedPrintable(acc + line);
    rebuilt.push(decoded);
    out.origin.push(first);
    out.changed.push(joining || decoded !== line);
    acc = "";
    joining = false;
  }
  out.text = rebuilt.join("\n");
  return out;
}

function decodeQuotedPrintable(s: string): string {
  return s.replace(/(?:=[0-9A-F]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run.replace(/=/g, "%"));
    } catch {
      return run.replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
    }
  });
}

/**
 * Width wrap. A line was broken when the next line's first word would not have fitted on it, or when
 * it is exactly `width` long (a hard cut, possibly mid-word). A hard cut is ambiguous: the second
 * variant joins those with a space instead of nothing.
 */
function unwrapWidth(lines: readonly string[], width: number, hardCutJoiner: string): { result: UnwrappedText; ambiguous: boolean } {
  const rebuilt: string[] = [];
  const result: UnwrappedText = { text: "", origin: [], changed: [] };
  let ambiguous = false;
  for (let i = 0; i < lines.length; ) {
    let acc = lines[i] as string;
    const first = i;
    while (i + 1 < lines.length) {
      const cur = lines[i] as string;
      const next = lines[i + 1] as string;
      const joiner = joinerFor(cur, next, width, hardCutJoiner);
      if (joiner === null) break;
      if (cur.length === width && joiner === hardCutJoiner && !cur.endsWith(" ")) ambiguous = true;
      acc += joiner + next;
      i++;
    }
    rebuilt.push(acc);
    result.origin.push(first);
    result.changed.push(i > first);
    i++;
  }
  result.text = rebuilt.join("\n");
  return { result, ambiguous };
}

function joinerFor(cur: string, next: string, width: number, hardCutJoiner: string): string | null {
  if (next.trim() === "" || cur.length < width - 20) return null;
  // A new log record (journald, ISO timestamp, dmesg clock) never continues the previous line.
  if (unframe(next) !== next.trimStart()) return null;
  if (cur.endsWith(" ")) return ""; // format=flowed keeps the space at the break
  if (cur.length === width) return hardCutJoiner;
  if (/^\s/.test(next)) return null;
  const firstWord = /^\S*/.exec(next)?.[0] ?? "";
  return cur.length + 1 + firstWord.length > width ? " " : null;
}

/** Rebuilt versions of a wrapped text (one or two), or none when the text does not look wrapped. */
export function unwrapVariants(text: string): UnwrappedText[] {
  if (text.length > MAX_TEXT) return [];
  if (text.includes("=\n") || text.includes("=\r\n")) {
    const lines = splitLines(text);
    const soft = lines.filter((l) => l.endsWith("=") && l.length >= 40 && l.length <= 77).length;
    if (soft >= 2 && lines.every((l) => l.length <= 78)) return [unwrapQuotedPrintable(lines)];
  }
  const width = wrapWidth(text);
  if (width === null) return [];
  const lines = splitLines(text);
  const a = unwrapWidth(lines, width, "");
  return a.ambiguous ? [a.result, unwrapWidth(lines, width, " ").result] : [a.result];
}
