import { RE2JS } from "re2js";
import type { BugRecord } from "./record";

/**
 * Record context: what a bug needs around it beyond its log line ("a Raspberry Pi"). A message can
 * name a condition it does not prove (k3s prints its Raspberry Pi hint on every host whose memory
 * controller it cannot find), so a record that declares a context is high only when something else
 * in the input shows it: a kernel name, a board, an OS image. Otherwise the finding stays below high.
 */

/** Where to look: the other fields as given, and the log lines with the lines the record matched left out. */
export interface ContextInput {
  others: readonly string[];
  logs: string;
}

export type ContextCheck = (record: BugRecord, matchedLines: ReadonlySet<number>) => boolean;

/** Longest text searched per input: context shows up in headers, uname lines and early log lines. */
const MAX_CONTEXT_CHARS = 256 * 1024;

/** A record's context, compiled: what shows it, and the hint wording that names it without showing it. */
export interface CompiledContext {
  evidence: readonly RE2JS[];
  hints: readonly RE2JS[];
}

const compile = (patterns: readonly string[] = []) => patterns.map((p) => RE2JS.compile(p, RE2JS.CASE_INSENSITIVE));

export function compileContexts(records: readonly BugRecord[]): ReadonlyMap<string, CompiledContext> {
  const out = new Map<string, CompiledContext>();
  for (const r of records) if (r.context) out.set(r.id, { evidence: compile(r.context.evidence), hints: compile(r.context.hints) });
  return out;
}

/**
 * Whether the input shows the record's context outside the lines its own signatures matched. Lines
 * carrying a hint are skipped: a program that prints "on a Raspberry Pi" on every host proves nothing.
 */
export function contextShown(context: CompiledContext, input: ContextInput, matchedLines: ReadonlySet<number>): boolean {
  const any = (res: readonly RE2JS[], s: string) => res.some((re) => re.matcher(s).find());
  const shows = (s: string) => any(context.evidence, s) && !any(context.hints, s);
  if (input.others.some((s) => s?.slice(0, MAX_CONTEXT_CHARS).split("\n").some(shows))) return true;
  const lines = input.logs.slice(0, MAX_CONTEXT_CHARS).split("\n");
  return lines.some((l, i) => !matchedLines.has(i + 1) && l.length > 0 && shows(l));
}

/** The caveat an answer carries when the context is not shown. */
export const contextCaveat = (requires: string) =>
  `Not confirmed: this bug needs ${requires}, and nothing in the input shows it outside the matched lines; the finding stays below high until it does.`;
