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
  /** The last original line each rebuilt line came from, when the lines after the first hold nothing of their own. */
  through?: number[];
  /** Per rebuilt line, what its evidence shows when not the rebuilt line itself (a line rewritten in another form: the line as pasted). */
  shown?: string[];
}

/**
 * A line that opens a program's own message: its name and version banner (`iptables v1.8.7 (legacy): `) or its name and
 * a severity (`modprobe: FATAL: `, `docker: Error response …`, `tar: error: `; not "process: error during …", which
 * continues runc's message), or the source line that printed it (LTP's `preadv03.c:77: TFAIL: …`), or a CLI's bare "Error: "
 * (Podman's, Helm's, cobra's: review 51h F1, a command line before Podman's error was read as its start). Review 39b F4: modprobe's message, exactly 80 characters
 * long in a paste wrapped at 80, took iptables' next message for its continuation (by the wrap, or by a cut of the same
 * width, cut-lines.ts), and a deserved high was lost.
 */
const OPENS_MESSAGE =
  /^(?:[a-z][\w.+-]*(?:\[\d+\])?(?: v\d+(?:\.\d+)+(?: \([^)]*\))?: |: (?:(?:FATAL|ERROR|WARN(?:ING)?|Error|Warning|Fatal)\b|(?:error|warning|fatal):))|[\w-]+\.(?:c|cc|cpp|go|h|java|js|py|rs|ts):\d+:? |(?:Error|ERROR|Fatal|FATAL): )/;

/**
 * Whether `next` opens a program's own message (OPENS_MESSAGE) after `cur`, so no wrap or cut continues into it: not
 * where `cur` leaves a double quote open (dockerd quotes iptables' banner inside its `error="…"`) or ends on a colon
 * (the banner is the message another one quotes: `iptables failed: … -N DOCKER: iptables v1.8.7 (legacy): …`), nor where
 * a cut at the width may have split a word (`conntrac` / `k v1.4.4 (conntrack-tools): …`: review 40b). A space left at
 * the end of `cur` says nothing more: a real line may end in one (review 40c F7: modprobe's did, and took iptables' next
 * message for its continuation).
 */
export function opensMessage(cur: string, next: string, cutAtWidth: boolean): boolean {
  if (!OPENS_MESSAGE.test(next) || /:\s*$/.test(cur)) return false;
  if (cutAtWidth && /\w$/.test(cur) && /^\w/.test(next)) return false;
  return !leavesQuoteOpen(cur);
}

/** Whether a line leaves a double-quoted string open: an odd number of quotes no backslash escapes. */
export function leavesQuoteOpen(line: string): boolean {
  let quotes = 0;
  for (let i = line.indexOf('"'); i >= 0; i = line.indexOf('"', i + 1)) if (line[i - 1] !== "\\") quotes++;
  return quotes % 2 === 1;
}

const MIN_WIDTH = 64;
const MAX_WIDTH = 80;
/** Wrapping is a mail-paste problem; big texts are machine-collected logs and are not rewrapped. */
const MAX_TEXT = 4 * 1024 * 1024;

/**
 * Length histogram of the lines a wrapper could have broken (those with a space; a lone long token
 * stays whole); the last bucket counts lines longer than MAX_WIDTH. Null as soon as those abound.
 */
function lengthHistogram(text: string): Int32Array | null {
  const counts = new Int32Array(MAX_WIDTH + 2);
  let lines = 0;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    let len = end - start;
    if (len > 0 && text.charCodeAt(end - 1) === 13) len--;
    if (spaceAfterStart(text, start, end)) {
      const bucket = Math.min(len, MAX_WIDTH + 1);
      counts[bucket] = (counts[bucket] as number) + 1;
      lines++;
      if ((lines & 255) === 0 && (counts[MAX_WIDTH + 1] as number) > lines * 0.02) return null;
    }
    start = end + 1;
  }
  return counts;
}

/**
 * Whether the line [start, end) holds a space after its first character. Searched within the line:
 * `lastIndexOf(" ", end - 1)` would run back over every earlier line when this one has none, and a
 * body of lines without spaces took 1.5 s per MB (quadratic).
 */
function spaceAfterStart(text: string, start: number, end: number): boolean {
  for (let i = end - 1; i > start; i--) if (text.charCodeAt(i) === 32) return true;
  return false;
}

/**
 * The wrap width when the text looks wrapped: almost no breakable line is longer than some width in
 * 64..80, and most long lines stop where the next line's first word would not have fitted.
 */
export function wrapWidth(text: string): { width: number; hardCut: boolean } | null {
  if (text.length > MAX_TEXT) return null;
  const counts = lengthHistogram(text);
  if (!counts) return null;
  let long = 0;
  for (let len = 40; len <= MAX_WIDTH + 1; len++) long += counts[len] as number;
  if (long < 2 || (counts[MAX_WIDTH + 1] as number) > long * 0.02) return null;
  let width = MAX_WIDTH;
  while (width >= MIN_WIDTH && counts[width] === 0) width--;
  if (width < MIN_WIDTH) return null;
  const lines = splitLines(text);
  let broken = 0;
  for (let i = 0; i + 1 < lines.length; i++) if (wrappedBefore(lines[i] as string, lines[i + 1] as string, width)) broken++;
  if (broken < 2 || broken < long * 0.3) return null;
  // Word wrap leaves ragged lengths; a hard cut (mid-word) fills nearly every line to the width.
  return { width, hardCut: (counts[width] as number) >= long * 0.6 };
}

/**
 * Whether `next` continues `cur`, broken by a wrap at `width`: `cur` is long and holds a space, `next` has no framing of
 * its own, and `next`'s first word would not have fitted after `cur`.
 */
export function wrappedBefore(cur: string, next: string, width: number): boolean {
  if (cur.length < 40 || !cur.includes(" ") || next.trim() === "" || unframe(next) !== next.trimStart()) return false;
  if (opensMessage(cur, next, cur.length === width)) return false;
  return cur.length + 1 + (/^\S*/.exec(next)?.[0].length ?? 0) > width;
}

function splitLines(text: string): string[] {
  return text.split("\n").map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
}

/** Whether a line (a trailing CR aside) is longer than `max`; stops at the first one. */
function hasLineLongerThan(text: string, max: number): boolean {
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const len = end > start && text.charCodeAt(end - 1) === 13 ? end - start - 1 : end - start;
    if (len > max) return true;
    start = end + 1;
  }
  return false;
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
 * it is exactly `width` long (with `hardCutJoiner` "" for a cut mid-word). A hard cut may also have
 * fallen on a space, so hard-cut texts get a second variant joining those lines with a space.
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
      const joiner = joinerFor(cur, next, width, hardCutJoiner, acc);
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

function joinerFor(cur: string, next: string, width: number, hardCutJoiner: string, message = cur): string | null {
  if (next.trim() === "") return null;
  // A new log record (journald, ISO timestamp, dmesg clock) or a program's new message never continues the previous line
  // (`message`: the lines joined so far, whose open quote a banner inside it may follow).
  if (unframe(next) !== next.trimStart() || opensMessage(message, next, cur.length === width)) return null;
  const firstWord = /^\S*/.exec(next)?.[0] ?? "";
  // A short line ended on its own, unless what followed was a token too long to fit after it.
  if (cur.length < width - 20 && firstWord.length < 20) return null;
  if (cur.endsWith(" ")) return ""; // format=flowed keeps the space at the break
  if (cur.length === width) return hardCutJoiner;
  if (/^\s/.test(next)) return null;
  return cur.length + 1 + firstWord.length > width ? " " : null;
}

/** Rebuilt versions of a wrapped text (one or two), or none when the text does not look wrapped. */
export function unwrapVariants(text: string): UnwrappedText[] {
  if (text.length > MAX_TEXT) return [];
  // Quoted-printable keeps every line within 78 characters: one longer line rules it out, before a search.
  if (!hasLineLongerThan(text, 78) && (text.includes("=\n") || text.includes("=\r\n"))) {
    const lines = splitLines(text);
    const soft = lines.filter((l) => l.endsWith("=") && l.length >= 40 && l.length <= 77).length;
    if (soft >= 2 && lines.every((l) => l.length <= 78)) return [unwrapQuotedPrintable(lines)];
  }
  const wrap = wrapWidth(text);
  if (wrap === null) return [];
  const lines = splitLines(text);
  if (!wrap.hardCut) return [unwrapWidth(lines, wrap.width, " ").result];
  const a = unwrapWidth(lines, wrap.width, "");
  return a.ambiguous ? [a.result, unwrapWidth(lines, wrap.width, " ").result] : [a.result];
}
