/**
 * Views of one log line in the dialects people paste, for regex confirmation and display. The original
 * line stays the evidence; these views only decide whether a signature matched and show the message.
 */

/** Longest text a regex is run on; longer lines are cut around the hit, never dropped. */
export const MAX_CONFIRM_CHARS = 16 * 1024;

// CSI (colours, cursor) and OSC (titles, hyperlinks) sequences; neither contains '\n'.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ESC is the point
export const ANSI = /\x1b\[[0-9;?:]*[ -/]*[@-~]|\x1b\][^\x07\x1b\n]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;

/** Removes ANSI escape sequences; line count and line order are unchanged. */
export function stripAnsi(text: string): string {
  return text.includes("\x1b") ? text.replace(ANSI, "") : text;
}

/**
 * Line prefixes added by the logging pipeline rather than the program: journald/syslog short and ISO
 * formats ("Feb 17 11:12:14 host kube-proxy[9234]: "), an RFC 3339 timestamp with an optional CRI
 * stream tag ("2024-11-13T16:15:07.931291Z stderr F "), and the kernel's dmesg clock ("[  12.345678] ").
 */
const FRAMING: readonly RegExp[] = [
  /^(?:<\d{1,3}>)?(?:[A-Z][a-z]{2} {1,2}\d{1,2} \d{2}:\d{2}:\d{2}(?:\.\d+)?|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?) \S+ [^\s:[\]]+(?:\[\d+\])?: /,
  /^\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?\]?\s+(?:(?:stdout|stderr) [FP] )?/,
  /^\[\s*\d+\.\d+\]\s*/,
  /^\[[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}\]\s*/,
];

/** The klog header: severity, date, time, thread id, file:line ("E1113 16:15:07.931291 1 proxier.go:1481] "). */
const KLOG_HEADER = /^[IWEF]\d{4} \d{2}:\d{2}:\d{2}\.\d{6}\s+\d+ [^\s\]]+:\d+\] /;

/** Whether a framing can start with this character: `<` (syslog priority), `[`, a digit or an upper-case letter. */
const mayBeFramed = (c: number) => c === 60 || c === 91 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);

/** The line without pipeline framing, CR or leading indentation (klog block lines are indented). */
export function unframe(line: string): string {
  let m = line.endsWith("\r") ? line.slice(0, -1) : line;
  for (let round = 0; round < FRAMING.length; round++) {
    const before = m;
    // Most lines a log walk meets (indented block lines, messages) cannot start a framing: no regex runs.
    if (mayBeFramed(m.charCodeAt(0))) for (const re of FRAMING) m = m.replace(re, "").trimStart();
    else m = m.trimStart();
    if (m === before) break;
  }
  return m.trimStart();
}

/** The program's message: framing and the klog header removed. */
export function messageOf(line: string): string {
  return unframe(line).replace(KLOG_HEADER, "");
}

/** True when the line, once unframed, starts a new klog record. */
export function isKlogHeader(line: string): boolean {
  return startsKlogRecord(unframe(line));
}

/** The same for a line already unframed. */
export function startsKlogRecord(unframed: string): boolean {
  return KLOG_HEADER.test(unframed);
}

const ESCAPES: Record<string, string> = { '"': '"', "'": "'", "\\": "\\", n: "\n", r: "", t: "\t", "/": "/" };
/** A JSON `\uXXXX` escape's character: Go's encoders write `<`, `>` and `&` so ("\u003c=\u003e", review 66b F3). */
const unicodeEscape = (hex: string) => String.fromCharCode(Number.parseInt(hex, 16));

/**
 * Undoes logfmt/JSON string escaping, up to three levels deep: Cilium logs an iptables error whose
 * stderr was itself quoted, so a real newline arrives as `\\n` and a quote as `\"`.
 */
export function unescapeValue(s: string): string {
  let out = s;
  for (let level = 0; level < 3 && out.includes("\\"); level++) {
    const next = out.replace(/\\(?:(["'\\nrt/])|u([0-9a-fA-F]{4}))/g, (_, c: string | undefined, hex: string | undefined) =>
      c !== undefined ? (ESCAPES[c] as string) : unicodeEscape(hex ?? "0"),
    );
    if (next === out) break;
    out = next;
  }
  return out;
}

/**
 * Logical lines of one physical line: the message with escapes undone, split where an escaped
 * newline was (a logfmt value holding a multi-line stderr is several lines of output).
 */
export function logicalLines(line: string): string[] {
  return logicalLinesOf(messageOf(line));
}

function logicalLinesOf(message: string): string[] {
  if (!message.includes("\\")) return [message];
  return unescapeValue(message)
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/**
 * Every view a signature may match: the line as written, its message, and its logical lines.
 * `around` is the offset of the hit within the line; lines longer than MAX_CONFIRM_CHARS are cut to a
 * window around it.
 */
export function lineViews(line: string, around = 0): string[] {
  let raw = line.endsWith("\r") ? line.slice(0, -1) : line;
  if (raw.length > MAX_CONFIRM_CHARS) {
    const from = Math.max(0, Math.min(around - MAX_CONFIRM_CHARS / 2, raw.length - MAX_CONFIRM_CHARS));
    raw = raw.slice(from, from + MAX_CONFIRM_CHARS);
  }
  const message = messageOf(raw);
  const views = new Set<string>([raw, message, ...logicalLinesOf(message)]);
  return [...views];
}

/** For display: the message of a line with escapes undone and escaped newlines kept as line breaks. */
export function normalizeLine(line: string): string {
  return logicalLines(stripAnsi(line)).join("\n");
}
