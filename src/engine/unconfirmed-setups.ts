/**
 * A setup in which a record's symptom was not confirmed to be its bug (the record's `unconfirmedSetups`, sourced): a
 * paste showing one (in any line, a person's words included: "I run it in a privileged LXC on Proxmox") leaves the bug
 * possible but weaker, one step lower, and the answer names the setup and its line (review 72a F1: a Proxmox LXC guest's
 * EPERM on /dev/net/tun was the runc 1.2.0 regression at medium, though its own LXC device rule was the likelier cause).
 */
import { RE2JS } from "re2js";
import type { ContextInput } from "./context";
import type { BugRecord } from "./record";

type Setup = NonNullable<BugRecord["unconfirmedSetups"]>[number];

/** What a paste shows of a setup the record's symptom was not confirmed in: the setup, and its line (1-based in `logs`, if there). */
export interface UnconfirmedSetup {
  setup: string;
  line?: number;
}

const compiled = new WeakMap<Setup, RE2JS>();
const patternOf = (setup: Setup): RE2JS => {
  let re = compiled.get(setup);
  if (!re) {
    re = RE2JS.compile(setup.pattern, RE2JS.CASE_INSENSITIVE);
    compiled.set(setup, re);
  }
  return re;
};

/** A denial right before the setup's words: "bare metal, no LXC", "not in an LXC", "without LXC" (review 73i F6). */
const DENIED_BEFORE = /\b(?:no|not|without|non|never|nor)\b[\s-]+(?:(?:in|on|a|an|the|any|using|inside|under)\s+)*$/i;
/** Whether a text shows the setup: a match of its pattern not denied right before it. */
function shows(re: RE2JS, text: string): boolean {
  const m = re.matcher(text);
  while (m.find()) if (!DENIED_BEFORE.test(text.slice(Math.max(0, m.start() - 40), m.start()))) return true;
  return false;
}

/** The first setup of the record's `unconfirmedSetups` the input shows, or null. */
export function shownUnconfirmedSetup(record: BugRecord, context: Pick<ContextInput, "logs" | "others">): UnconfirmedSetup | null {
  const setups = record.unconfirmedSetups ?? [];
  const lines = setups.length ? context.logs.split("\n") : [];
  for (const setup of setups) {
    const re = patternOf(setup);
    const at = lines.findIndex((l) => shows(re, l));
    if (at >= 0) return { setup: setup.setup, line: at + 1 };
    if (context.others.some((text) => shows(re, text))) return { setup: setup.setup };
  }
  return null;
}

/** The caveat a finding lowered by such a setup carries. */
export const unconfirmedSetupCaveat = (shown: UnconfirmedSetup): string =>
  `the paste shows ${shown.setup}${shown.line ? ` (line ${shown.line})` : ""}, where this symptom was not confirmed to be this bug: that setup's own cause is as likely, so the finding is one step lower`;
