import { charBoundary } from "../engine/char-boundary";
import { fixStepItem, NO_SPECIFIC_MATCH, resemblesOnly, sharedOnlySaid, verdictLabel } from "../engine/summary";
import type { ChatAnswer } from "./answer";
import { unreadSaid } from "./message-parts";

/** Cuts text to at most `max` characters, ending with an ellipsis when it had to cut. */
export function clamp(text: string, max: number): string {
  if (text.length <= max) return text;
  // Never between the halves of a surrogate pair: a lone half is no text, and Slack refuses the payload (review 33c).
  return `${text.slice(0, charBoundary(text, Math.max(0, max - 1))).trimEnd()}…`;
}

/** A line `fitAround` may cut to make room for the others. */
export interface Cuttable {
  cut: string;
}

/**
 * Lines joined by "\n" in `room` characters, where only the `Cuttable` ones (a verdict's reason, a root cause's note) are
 * cut, sharing what the whole lines leave: those (which machines show a finding, which are next, which other causes print
 * its line) are never the part clamped away (review 70b F5: a 2,600-character reason pushed "shown on" and the next to fail
 * out of the finding's section).
 */
export function fitAround(lines: ReadonlyArray<string | Cuttable>, room: number): string {
  const whole = lines.reduce((n, l) => n + (typeof l === "string" ? l.length : 0), 0) + Math.max(0, lines.length - 1);
  const cuttable = lines.flatMap((l, i) => (typeof l === "string" ? [] : [{ i, text: l.cut }]));
  // Shortest first: what one needs less of is left to the others.
  cuttable.sort((a, b) => a.text.length - b.text.length);
  const fitted = new Map<number, string>();
  let left = Math.max(0, room - whole);
  cuttable.forEach(({ i, text }, k) => {
    const share = Math.floor(left / (cuttable.length - k));
    const line = clamp(text, Math.max(1, share));
    fitted.set(i, line);
    left -= line.length;
  });
  return clamp(lines.map((l, i) => (typeof l === "string" ? l : (fitted.get(i) ?? ""))).join("\n"), room);
}

/** How many of `lines`, from the first, fit `room` characters joined by "\n" after `used` characters already taken. */
export function fittingLines(lines: readonly string[], room: number, used = 0): number {
  let size = used;
  let n = 0;
  for (const line of lines) {
    if (size + (size ? 1 : 0) + line.length > room) break;
    size += (size ? 1 : 0) + line.length;
    n++;
  }
  return n;
}

/**
 * A heading and as many whole lines as fit `room` characters, then how many were left out (`more` gets the
 * lines not shown plus `alsoLeft`, what the caller had left out before): cut mid-line, a list loses its count
 * and can end inside a link or a code span. With an empty heading the text starts with the first line.
 */
export function wholeLines(heading: string, lines: readonly string[], more: (left: number) => string, room: number, alsoLeft = 0): string {
  const join = (shown: readonly string[], tail: string[]) => [...(heading ? [heading] : []), ...shown, ...tail].join("\n");
  if (!alsoLeft && fittingLines(lines, room, heading.length) === lines.length) return join(lines, []);
  const reserve = more(lines.length + alsoLeft).length + 1;
  const shown = fittingLines(lines, room - reserve, heading.length);
  return join(lines.slice(0, shown), [more(lines.length - shown + alsoLeft)]);
}

/**
 * The line after a fix's shown steps: the numbered steps left out and the notes after them, counted apart ("2 more steps
 * and a note"), each later step a shown one refers to ("boot the last good one (step 3)") named by its first words, and
 * where they are (the record page, or its API path). `text` escapes the record's words for the platform (review 70d F5:
 * "3 more steps" for two steps and a note, and step 2's "(step 3)" pointed at nothing shown).
 */
export function moreStepsLine(
  later: readonly string[],
  shown: readonly string[],
  url: string | null,
  id: string,
  text: (s: string) => string,
): string {
  const items = later.map(fixStepItem);
  const steps = items.filter((i) => i.n !== null).length;
  const notes = items.length - steps;
  const counted = [
    ...(steps ? [plural(steps, "more step")] : []),
    ...(notes ? [notes === 1 ? "a note" : `${plural(notes, "note")}`] : []),
  ].join(" and ");
  const referred = new Set([...shown.join("\n").matchAll(/\bsteps? (\d+)\b/gi)].map((m) => Number(m[1])));
  const named = items.filter((i) => i.n !== null && referred.has(i.n)).map((i) => `step ${i.n}: ${text(clamp(firstWords(i.text), 120))}`);
  return `${counted}${named.length ? ` (${named.join("; ")})` : ""}: ${url ?? `GET /bugs/${encodeURIComponent(id)}`}`;
}

/** A step's opening: its first line up to its first colon or full stop ("boot the last good kernel and hold it"). */
const firstWords = (step: string) => (/^[^\n]*?(?=[:.](?:\s|$)|\n|$)/.exec(step)?.[0] ?? step).trim();

/** Unverified notes shown per finding; the record page has the rest. */
export const SHOWN_UNVERIFIED = 3;

/** The first unverified notes, each through `note`, then a count of the rest. */
export function unverifiedLines(notes: readonly string[], note: (text: string) => string): string[] {
  const shown = notes.slice(0, SHOWN_UNVERIFIED).map(note);
  const more = notes.length - SHOWN_UNVERIFIED;
  if (more > 0) shown.push(`…and ${plural(more, "more unverified note")} in the record.`);
  return shown;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** A feedback button's payload: which answer the vote is about. Never any pasted text. */
export interface FeedbackRef {
  kbVersion: string;
  findingId: string;
  verdict: string;
}

type DiagnosisAnswer = Extract<ChatAnswer, { kind: "diagnosis" }>;

/**
 * A diagnosis's headline on every platform, `quote` escaping file names for it. What was matched is said of what was read:
 * "the part read" of a long input cut, "the message's text" beside files not read, which it names (review 68e F2: "no known
 * bug matched" headlined a message whose log was its unread snippet, and the notification said only that).
 */
export function diagnosisHeadline(a: DiagnosisAnswer, quote: (s: string) => string = (s) => s): string {
  const n = a.findings.length + a.more;
  const unread = a.unread ? unreadSaid(a.unread, quote) : null;
  if (n) return headlineOf(n, a.findings, a.more, unread);
  const read = a.unread
    ? a.truncated
      ? " the part of the message's text read"
      : " the message's text"
    : a.truncated
      ? " the part read"
      : "";
  return `known-bugs: ${unread ? `${unread}; ` : ""}no known bug matched${read}`;
}

/**
 * Slack's notification text for a diagnosis (sidebar, push, screen readers): the top finding, said as a resemblance where it
 * is one (review 64e F6), and of the message's text where files went unread (68e F2); else the headline.
 */
export function diagnosisNotification(a: DiagnosisAnswer, quote: (s: string) => string, title: (s: string) => string): string {
  const top = a.findings[0];
  if (!top) return diagnosisHeadline(a, quote);
  const unread = a.unread ? unreadSaid(a.unread, quote) : null;
  const resembles = resemblesOnly(top);
  const opening = resembles
    ? `${unread ? `${unread}; ` : ""}no known bug matched${unread ? " the message's text" : ""}; resembles `
    : top.sharedOnly
      ? `${unread ? `${unread}; ` : ""}only a line other causes print too matches `
      : "";
  const scope = unread && !resembles ? `: matches the message's text (${unread})` : "";
  return `known-bugs: ${opening}${title(top.title)} (${top.id}, ${top.confidence} confidence, ${verdictLabel(top.verdict)})${scope}`;
}

/**
 * The headline of a diagnosis in chat: how many known bugs the log matches, and, where the versions rule out every
 * shown one for certain, that too ("1 known bug matches" alone reads as "you have it"). Scoped to those bugs: an
 * advisory below may still find the versions in another bug's range; a hedged verdict keeps the plain count, and so does
 * a verdict beside which another of the paste's machines is in range (review 51e F2: the failing node was out of range,
 * worker-2 in it, and the headline said "your versions are not affected"). A finding that only resembles a line (no
 * signature matched) is counted apart: "1 known bug matches" above it claimed a match (review 63e F3).
 */
function headlineOf(
  n: number,
  findings: DiagnosisAnswer["findings"],
  more: number,
  /** The files not read, said ("the file x.log was not read"): what matched is the message's text's. */
  unread: string | null,
): string {
  const resembling = findings.filter(resemblesOnly).length;
  // A finding that matches only lines other causes print too is counted apart as well (review 71a F4).
  const shared = findings.filter((f) => f.sharedOnly).length;
  const matched = n - resembling - shared;
  const resemble = `${resembling === 1 ? "resembles" : "resemble"} a line`;
  const alike = resembling ? `; ${plural(resembling, "record")} ${resemble}` : "";
  if (!matched && shared)
    return unread
      ? `known-bugs: ${unread}; ${NO_SPECIFIC_MATCH.toLowerCase()} the message's text; ${sharedOnlySaid(shared, false)}${alike}`
      : `known-bugs: ${NO_SPECIFIC_MATCH.toLowerCase()}; ${sharedOnlySaid(shared, false)}${alike}`;
  if (!matched)
    return unread
      ? `known-bugs: ${unread}; no known bug matched the message's text; ${plural(resembling, "record")} ${resemble}`
      : `known-bugs: no known bug matched; ${plural(resembling, "record")} ${resemble}`;
  const head = `known-bugs: ${plural(matched, "known bug")} ${matched === 1 ? "matches" : "match"}`;
  const scope = unread ? ` (${unread})` : "";
  const of = unread ? " the message's text" : "";
  const apart = `${shared ? `; ${sharedOnlySaid(shared, true)}` : ""}${resembling ? `; ${resembling} more ${resemble}` : ""}`;
  if (apart) return `${head}${of}${apart}${scope}`;
  const ruledOut =
    !more &&
    findings.length > 0 &&
    findings.every(
      (f) => f.verdict.status === "not-affected" && f.verdict.certain !== false && !f.versionChecks?.some((c) => c.result === "affected"),
    );
  if (ruledOut) return `${head}${of || " the log"}; your versions are not affected by ${n === 1 ? "it" : "them"}${scope}`;
  return `${head}${of}${scope}`;
}

/** What an answer with nothing found says below its headline, of what was read (the headline names files not read). */
export function noMatchLine(a: DiagnosisAnswer): string {
  if (a.unread) return "No record's log signature matched the message's text, and no version range applies.";
  if (a.truncated)
    return "No record's log signature matched the lines read, and no version range applies; the lines left out were not read.";
  return "No record's log signature matched these lines, and no version range applies.";
}
