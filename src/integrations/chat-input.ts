import { charBoundary } from "../engine/char-boundary";
import { QUOTE_MARKS } from "../engine/quote-marks";
import type { UnreadNote } from "./message-parts";
/**
 * Inputs beyond this are cut (at line ends) and the answer says so: a chat paste, not a bundle upload. It keeps
 * each chat answer's work small and alike on both runtimes (a Workers Free-plan request has 10 ms of CPU); the
 * whole text goes to POST /diagnose.
 */
export const MAX_INPUT_CHARS = 20_000;
/** Of those, the start kept, where `uname -a` and os-release usually sit; the rest is the end, where errors usually sit. */
export const HEAD_CHARS = 4_000;

export interface ChatInput {
  text: string;
  /**
   * What a long input lost: the start and the end were kept, and the lines between (1-based, as the engine
   * numbers them; `chars` 1-based too) were left out. The text keeps their line breaks, so line numbers match.
   */
  truncated: { keptChars: number; totalChars: number; leftOut: { lines: [number, number]; chars: [number, number] } } | null;
  /** What the message carried that was not read (its files), said first in the answer (message-parts.ts). */
  unread: UnreadNote | null;
}

/**
 * The text a person pasted, as the engine should see it: code fences removed, trimmed, and, past
 * MAX_INPUT_CHARS, cut to its first HEAD_CHARS and its last characters at line ends, the lines between
 * replaced by empty ones so that every kept line keeps its number.
 */
export function chatInput(raw: string, unread: UnreadNote | null = null): ChatInput {
  const text = unquoted(stripFences(raw)).trim();
  if (text.length <= MAX_INPUT_CHARS) return { text, truncated: null, unread };
  // The head ends before a line break, the tail starts after one (a hard cut only for a line longer than half the room).
  const headCut = text.lastIndexOf("\n", HEAD_CHARS);
  const headEnd = headCut > HEAD_CHARS / 2 ? headCut : charBoundary(text, HEAD_CHARS);
  const tailRoom = MAX_INPUT_CHARS - headEnd;
  const tailCut = text.indexOf("\n", text.length - tailRoom);
  // A hard cut inside a character moves past it: the head back, the tail forward, so the room is never exceeded.
  const hardTail = text.length - tailRoom;
  const tailStart =
    tailCut >= 0 && tailCut < text.length - tailRoom / 2
      ? tailCut + 1
      : charBoundary(text, hardTail) === hardTail
        ? hardTail
        : hardTail + 1;
  const gap = text.slice(headEnd, tailStart);
  const breaks = gap.replace(/[^\n]/g, "");
  const head = text.slice(0, headEnd);
  const firstLine = head.split("\n").length + (text[headEnd] === "\n" ? 1 : 0);
  const lastLine = firstLine + breaks.length - (text[headEnd] === "\n" ? 1 : 0) - (text[tailStart - 1] === "\n" ? 1 : 0);
  return {
    text: `${head}${breaks}${text.slice(tailStart)}`,
    truncated: {
      keptChars: headEnd + (text.length - tailStart),
      totalChars: text.length,
      leftOut: { lines: [firstLine, Math.max(firstLine, lastLine)], chars: [headEnd + 1, tailStart] },
    },
    unread,
  };
}

const n = (x: number) => x.toLocaleString("en-US");

/** What every chat answer says of a long input: which part was read and which left out. */
export function leftOutNote(t: NonNullable<ChatInput["truncated"]>): string {
  const [from, to] = t.leftOut.lines;
  return `Long input: only its start and end were diagnosed (${n(t.keptChars)} of ${n(t.totalChars)} characters); characters ${n(t.leftOut.chars[0])}–${n(t.leftOut.chars[1])} (${from === to ? `in line ${n(from)}` : `lines ${n(from)}–${n(to)}`}) were left out.`;
}

/**
 * A message quoted whole (every line but blank ones after "> ", Slack's and Discord's blockquote, nested or not) is the
 * chat's formatting of one paste, not another report's words: the quote marks go, every line keeping its number (review
 * 65e F3: `> $ uname -r` went unread, and a quoted `uname -a` was hedged as perhaps another report's). So is one quoted
 * block under or over the person's own sentences ("worker-3 kube-proxy is failing since the patch window, anyone seen
 * this?"): their comment on their paste (review 66e F2: its uname unread, "no kernel version given"). A quote beside output
 * or beside another quote stays: it may be another report's.
 */
function unquoted(text: string): string {
  const lines = text.split("\n");
  const filled = lines.flatMap((l, i) => (l.trim() === "" ? [] : [i]));
  const quoted = filled.filter((i) => QUOTE_MARKS.test(lines[i] ?? ""));
  if (!quoted.length) return text;
  const first = quoted[0] ?? 0;
  const last = quoted.at(-1) ?? 0;
  const own = filled.filter((i) => !QUOTE_MARKS.test(lines[i] ?? ""));
  // One block (no line of the person's between its lines), the rest sentences, none saying the quote is another's ("someone
  // posted this in the falco issue tracker, not from our cluster": review 66i F2, read as the host's own, unhedged).
  if (own.some((i) => i > first && i < last) || !own.every((i) => isSentence(lines[i] ?? ""))) return text;
  if (own.some((i) => ANOTHERS.test(lines[i] ?? ""))) return text;
  return lines.map((l) => l.replace(QUOTE_MARKS, "")).join("\n");
}
/** Output's marks: a time, a prompt, a bracket or brace opening the line, a key=value or key: value field. */
const OUTPUT_MARK = /\d\d:\d\d:\d\d|^\s*(?:[$#%]\s|[\w.-]+@[\w.-]+[:\s])|^\s*[[{(<|]|\w=\S|^\s*[\w.-]+:\s/;
/** Words that say a quote is another's: its poster, where it was posted, that it is not the person's own. */
const ANOTHERS =
  /\b(?:someone|somebody|another (?:user|team|person|report|cluster)|(?:he|she|they) (?:posted|got|had|ran)|posted|reported|upstream|issue tracker|(?:github|gitlab) issue|forum|thread|mailing list|quoting|not (?:from )?(?:our|my)\b|not ours|not mine)/i;
/** A person's sentence: words, none of output's marks. */
const isSentence = (line: string) => !OUTPUT_MARK.test(line) && (line.match(/[A-Za-z]{2,}/g)?.length ?? 0) >= 3;

function stripFences(text: string): string {
  // A fence on a line of its own goes; one opening or closing a line of text ("```Jun 23 …", "… failed```") goes without
  // a line break, which would shift every later line's number by one (review 64e F9); one inside a line splits it.
  return text
    .replace(/^[ \t]*```[a-z]*[ \t]*$/gim, "")
    .replace(/^([ \t]*)```/gm, "$1")
    .replace(/```[ \t]*$/gm, "")
    .replace(/```/g, "\n");
}

/**
 * Slack sends message and command text with `&`, `<` and `>` escaped and links as `<url|label>`; the
 * engine needs the characters the log had (`err=<` in klog blocks, say).
 */
export function slackToPlain(text: string): string {
  // Neither part of a link holds "<" (Slack escapes it), so an unclosed "<http:…|" fails at the next "<":
  // with [^>] the match ran on to the text's end from every one of them (40k characters: 0.4 s).
  return text
    .replace(/<((?:https?|mailto):[^<>|\s]+)\|([^<>]+)>/g, "$2")
    .replace(/<((?:https?|mailto):[^<>\s]+)>/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
