/**
 * A cause of a bug's symptom that no version range covers, shown by the input itself (containerd's
 * `disabled_plugins = ["cri"]` beside kubelet's "CRI v1 runtime API is not implemented"): beside the symptom the bug
 * then applies whatever the versions say, and the answer quotes the line. Versions past every range only leave such a
 * bug undecided (verdict.ts, doubtBySymptom); the line decides it.
 */
import { RE2JS } from "re2js";
import type { ContextInput } from "./context";
import type { Verdict } from "./diagnosis";
import type { BugRecord, UnrangedCause } from "./record";

/** A config line is short; a longer one is no config's. */
const MAX_LINE = 1000;
/** Lines tried per input: the literal is a config key, found a few times at most in a real paste. */
const MAX_TRIES = 50;

const compiled = new WeakMap<UnrangedCause, RE2JS>();
const patternOf = (cause: UnrangedCause, pattern: string): RE2JS => {
  let re = compiled.get(cause);
  if (!re) {
    re = RE2JS.compile(pattern);
    compiled.set(cause, re);
  }
  return re;
};

/**
 * The last line of `text` that sets the cause's key (`disabled_plugins = …`, also as `grep -n` prints it), trimmed, or
 * null: a config regenerated after an old one is the one in force. `skip`: 1-based lines that are not the host's.
 */
function lastSetting(text: string, key: string, skip: ReadonlySet<number> | undefined): string | null {
  let at = text.indexOf(key);
  let last: string | null = null;
  // The line number, counted on from the last line tried: one pass over the text in all.
  let counted = 0;
  let number = 1;
  for (let tries = 0; at >= 0 && tries < MAX_TRIES; tries++) {
    const start = text.lastIndexOf("\n", at) + 1;
    const newline = text.indexOf("\n", at);
    const end = newline < 0 ? text.length : newline;
    if (skip?.size) {
      for (let i = text.indexOf("\n", counted); i >= 0 && i < start; i = text.indexOf("\n", i + 1)) number++;
      counted = start;
    }
    const line = text.slice(start, end);
    // A container's output (its own config) is not the host's; nor is prose or a comment naming the key.
    if (line.length <= MAX_LINE && !skip?.has(number) && setsKey(line, key)) last = line.trim();
    at = newline < 0 ? -1 : text.indexOf(key, end);
  }
  return last;
}

/**
 * Whether the line assigns the key, at its start or after `grep -n`'s "file:line:" (not "# key = …", not a sentence), or
 * is a kernel config's own "# CONFIG_X is not set" (Kconfig writes an option set to n so; `zgrep` prints it).
 */
const setsKey = (line: string, key: string): boolean => {
  const rest = line.replace(GREP_PREFIX, "").trimStart();
  return rest.startsWith(key) ? /^\s*=/.test(rest.slice(key.length)) : rest.trimEnd() === `# ${key} is not set`;
};
const GREP_PREFIX = /^\S+?:\d+:/;

/** The last line of the input setting the cause's key (the host's first, then the other fields'), or null. */
function causeSetting(cause: UnrangedCause, context: ContextInput): string | null {
  const { shownBy } = cause;
  if (!shownBy) return null;
  return (
    lastSetting(context.logs, shownBy.literal, context.notHost) ??
    context.others.map((text) => lastSetting(text, shownBy.literal, undefined)).find((l) => l !== null) ??
    null
  );
}

/** Whether a setting line is the one the cause's pattern describes. */
const showsCause = (cause: UnrangedCause, line: string): boolean =>
  !!cause.shownBy && patternOf(cause, cause.shownBy.pattern).matcher(line.replace(GREP_PREFIX, "")).find();

/** The record's unranged cause the input shows, with the line that shows it, or null. */
export function shownCause(record: BugRecord, context: ContextInput): { cause: UnrangedCause; line: string } | null {
  for (const cause of record.unrangedCauses ?? []) {
    const line = causeSetting(cause, context);
    if (line && showsCause(cause, line)) return { cause, line };
  }
  return null;
}

/**
 * The record's unranged causes the input leaves open: not those whose setting in force it shows set otherwise
 * (`CONFIG_CGROUP_BPF=y` from the running kernel's config), which the output the "to decide" step asked for rules out.
 */
export function causesLeft(record: BugRecord, context: ContextInput): readonly UnrangedCause[] {
  const causes = record.unrangedCauses ?? [];
  if (!causes.some((c) => c.shownBy?.inForce)) return causes;
  return causes.filter((cause) => {
    const line = cause.shownBy?.inForce ? causeSetting(cause, context) : null;
    return line === null || showsCause(cause, line);
  });
}

/**
 * Beside the bug's own symptom, a cause the input shows makes the bug apply, unless a version rules it out for certain
 * (a component the cause does not touch: a kubelet before the CRI v1 requirement prints another message).
 */
export function confirmByShownCause(record: BugRecord, verdict: Verdict, symptom: boolean, context: ContextInput): Verdict {
  if (!symptom || verdict.status === "affected" || (verdict.status === "not-affected" && verdict.certain !== false)) return verdict;
  if (!record.unrangedCauses?.some((c) => c.shownBy)) return verdict;
  const shown = shownCause(record, context);
  if (!shown) return verdict;
  return {
    status: "affected",
    reason: `the input shows ${shown.cause.cause} ("${shown.line}"), which gives this bug's symptom whatever the versions; the versions alone: ${verdict.reason}`,
    level: "reported",
  };
}
