/**
 * A kernel change told as a pair of releases: "after upgrading the kernel from 6.8.0-55-generic to 6.8.0-57-generic",
 * "kernel 6.8.9 -> 6.9.1 broke it", "downgrading the kernel from 6.8.0-57-generic to 6.8.0-55-generic fixed it". The pair
 * says which release the failure ran on, where each release alone would be read as the host's (the first) or as none
 * (review 59d F3): an upgrade's target unless its clause says it cured the trouble (then the release before it failed);
 * a downgrade's start when its clause says the trouble went, its target when it says the trouble stayed, and neither
 * when it says nothing (a downgrade is as often the step that broke things as the cure); neither for a change only
 * advised or planned ("… from A to B should fix it": review 60d F4).
 */
import { ARROW_CHARS, CHANGE_ARROW } from "./change-arrows";
import { OUTCOME_END, outcomeCured, outcomePlanned, TROUBLE_STAYED, trimPunctuation } from "./kernel-prose";

/** A kernel release in a sentence, not taking an arrow (change-arrows.ts) into itself ("6.8.0-55-generic->6.8.0-57-generic"). */
const RELEASE = String.raw`v?(\d+\.\d+\.\d+(?:[^\s,;'"\`()[\]=${ARROW_CHARS}~-]|-(?!-?>)|~(?!>))*)`;
const ARROW = String.raw`\s*${CHANGE_ARROW}\s*`;
/** A change's verb between "kernel" and its first release ("kernel was upgraded from", "kernel update:"). */
const CHANGE = String.raw`(?:\s+(?:was|got|has been|had been|have been|were|is))?(?:\s+(?:upgraded|updated|upgrade|update|bumped|bump|moved|changed|switched|jumped|downgraded|downgrade|rolled back|reverted))?`;
/**
 * The pair behind the word "kernel" (the change is the kernel's, not another package's the sentence also names):
 * "kernel from A to B", "kernel A -> B", "kernels A → B", "kernel update: A => B". " to " alone joins no pair: "kernel
 * 6.6.64 to 6.6.69" is as often a range the bug spans.
 */
const TRANSITION = new RegExp(
  String.raw`\b(?:linux\s+)?kernels?(?:\s+(?:version|release|image|package)s?)?${CHANGE}(?:(?:\s+from|\s*:)?\s+\`?${RELEASE}\`?${ARROW}|\s+from\s+\`?${RELEASE}\`?\s+to\s+)(?:(?:the\s+)?(?:linux\s+)?kernel\s+)?\`?${RELEASE}`,
  "gi",
);
/** A downgrade's words before the pair or inside it ("downgrading the kernel from", "rolled the kernel back from"). */
const DOWNGRADE = /\b(?:downgrad\w*|roll(?:ed|ing)?\b(?:\s+\S+){0,3}?\s+back|revert\w*|went back|go(?:ing)? back|boot(?:ed|ing)? back)\b/i;
/** Words before the pair read for its direction: its own sentence's, up to this far. */
const BEFORE_REACH = 60;
/** How far after the pair its clause is read for the outcome. */
const AFTER_REACH = 80;

export interface KernelTransition {
  /** Both releases, as the line writes them: neither is read again as a release of its own. */
  releases: [string, string];
  /** The release the failure ran on, or undefined when the sentence does not say. */
  failed?: string;
  /** The release that ended the trouble, when the sentence says one did. */
  cure?: string;
}

/** Release numbers in order (6.8.0-57-generic: 6, 8, 0, 57), for a direction when no verb gives one. */
const numbers = (release: string): number[] => (release.match(/\d+/g) ?? []).map(Number);
function older(a: string, b: string): boolean {
  const x = numbers(a);
  const y = numbers(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return (x[i] as number) < (y[i] as number);
  return x.length < y.length;
}

/** The kernel changes a line tells as pairs of releases. */
export function kernelTransitions(text: string): KernelTransition[] {
  const out: KernelTransition[] = [];
  for (const m of text.matchAll(TRANSITION)) {
    const from = trimPunctuation(m[1] ?? m[2] ?? "");
    const to = trimPunctuation(m[3] ?? "");
    if (!from || !to || from === to) continue;
    const at = m.index ?? 0;
    const sentence =
      text
        .slice(Math.max(0, at - BEFORE_REACH), at)
        .split(/[.!?;](?:\s|$)/)
        .at(-1) ?? "";
    const verb = DOWNGRADE.test(sentence) || DOWNGRADE.test(m[0]);
    const down = verb || (!/\b(?:upgrad|updat|bump)/i.test(sentence + m[0]) && older(to, from));
    const rest = text.slice(at + m[0].length, at + m[0].length + AFTER_REACH);
    const until = rest.search(OUTCOME_END);
    const said = until < 0 ? rest : rest.slice(0, until);
    const releases: [string, string] = [from, to];
    const cured = outcomeCured(said);
    const stayed = TROUBLE_STAYED.test(said);
    // A change advised or planned ("… from A to B should fix it", "we will upgrade …") names no release that ran.
    if (!cured && !stayed && outcomePlanned(`${sentence} ${said}`)) {
      out.push({ releases });
      continue;
    }
    if (down) out.push(cured ? { releases, failed: from, cure: to } : stayed ? { releases, failed: to } : { releases });
    else out.push(cured ? { releases, failed: from, cure: to } : { releases, failed: to });
  }
  return out;
}
