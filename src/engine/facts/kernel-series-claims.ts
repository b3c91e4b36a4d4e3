/**
 * A kernel series a report states as its own host's, when nothing in it gives a release: a typed answer ("- Kernel: 6.9",
 * "**Kernel version:** 7.2.x", "Kernel version is 6.10 something") or a sentence claiming it outright ("We're on kernel
 * 6.9", "our nodes run kernel 7.2"). It stands for every release of the series, and the verdict judges it whole (an
 * answer only where every release of the series gets the same one: verdict.ts, plainSeriesCheck), hedged as named.
 *
 * A series in any other sentence stays unread (kernel-mentions.ts): a fix's, a requirement's, a question's or a
 * distribution default's as often as the host's. Read only as a last resort (facts/index.ts), it cancels no release the
 * paste gives (review 54a F4: "no kernel version given" beside "We're on kernel 6.9" for a bug of every 6.9.y).
 */
import type { LineRef } from "./iptables-version";
import { type KernelMention, kernelFormAnswer } from "./kernel-mentions";
import { claimsHost, proseRole, SENTENCE_REACH, troubleElsewhere } from "./kernel-prose";
import { QUOTE_MARK, TYPED_VIA } from "./kernel-shapes";
import { outputHeadingVia } from "./output-heading";

/**
 * A series and nothing more: "6.9", "6.9.x"; not "6.9.1", "6.9-rc3", "6.9+", "6.9_64" or "6.9.0-arch1". Majors 2 to 9,
 * the kernels that exist (a "kernel 1.2" is a chart's or a package's).
 */
const SERIES = String.raw`v?([2-9]\.\d{1,2})(?:\.[xX*])?(?![\w+*-]|\.\w)`;
/** Bold or italic Markdown around a label or a value (MD: perhaps none). */
const MD_MARK = String.raw`(?:\*\*|__|\*|_)`;
const MD = `${MD_MARK}?`;
/**
 * A label opening its line, an answer after it: "Kernel: 6.9", "- **Kernel version:** `7.2`", "Running kernel: 6.9.x",
 * "Kernel version is 6.10". Not "Host kernel:", a VM host's beside its guests' (review 48c F2), and not journald's
 * "host kernel: …", which never opens its line.
 */
const TYPED = new RegExp(
  String.raw`^(?:[-*•]\s+)?${MD}(?:(?:linux|running|current)\s+)?kernel(?:\s+(?:version|release))?(?: \(e\.g\. \`uname -a\`\))?${MD}(?:\s*:|\s+is\b)\s*(?:${MD_MARK}\s*)?\`?(?:linux\s+)?${SERIES}`,
  "i",
);
/** An issue form's answer under its "### Kernel Version" heading that is a series alone ("6.9", "`7.2.x`"). */
const FORM_ANSWER = new RegExp(String.raw`^\s*\`?(?:linux\s+)?${SERIES}\`?\s*$`, "i");
/** A series in a sentence ("on kernel 6.9", "kernel version is 7.2"): the host's only when the sentence claims it. */
const IN_PROSE = new RegExp(String.raw`\bkernel (?:version |release )?(?:is )?${SERIES}`, "gi");
/**
 * Words after an answer that make it no kernel the host runs: a bound, a requirement, a fix, a plan, another machine
 * ("6.9 or later", "7.2 (minimum)", "6.9 on my laptop").
 */
const NOT_THE_HOSTS_AFTER =
  /^\s*(?:\+|or (?:later|newer|above|higher|older|earlier|lower|below)|and (?:above|later|newer|up|older|below)|onwards)|\b(?:minimum|min|required|requires?|fix(?:ed|es)?|recommended|target|expected|planned|laptops?|workstations?|desktops?|elsewhere|other|another|containers?|guests?|old|previous)\b/i;
/**
 * A kernel-shaped version anywhere on the line ("6.10", "5.15.3"; not Node's "22.2.0" or yarn's "1.22.22"): a second one
 * beside the series names another machine's or another time's kernel ("We're on kernel 6.9 but the nodes run 6.10",
 * "- Kernel: 6.9 (working) / 6.10 (broken)", "guest kernel 5.10"), and the line decides none (review 55a F1, F3).
 */
const KERNEL_SHAPED = /(?<![\w.])v?[2-9]\.\d{1,2}(?!\d)/g;
/** A list names several kernels ("we run kernel 4.9, 4.14 and 4.19", "kernel 6.9/6.10"): none of them the host's alone. */
const LIST_AFTER = /^\s*(?:[,/&]|and\b|or\b)\s*(?:kernel\s+)?v?\d/i;
/** A question asks which kernel; it states none. */
const QUESTION = /\?/;
/** Series read in one line at most. */
const MAX_PER_LINE = 8;
/** Lines of a report read for a series at most: a typed answer or a claim sits near the top. */
const MAX_LINES = 200;

/**
 * The one series the candidate lines state as the host's kernel, or null for none or several. Not a quoted line (another
 * report's words), nor one under a heading naming another machine or an earlier time ("### build-01 (works)": review 55a
 * F2), nor one naming a second kernel-shaped version or saying the trouble is elsewhere.
 */
export function pickKernelSeries(candidates: readonly LineRef[], lineAt?: (line: number) => string): KernelMention | null {
  let found: KernelMention | null = null;
  for (const { text, line } of candidates.slice(0, MAX_LINES)) {
    if (QUOTE_MARK.test(text) || secondVersion(text)) continue;
    if (lineAt && outputHeadingVia(lineAt, line) !== undefined) continue;
    // An issue form's field (cilium's "### Kernel Version"), answered with a series alone (review 55a F5).
    const form = kernelFormAnswer(text, line, lineAt);
    const answered = form === null ? undefined : FORM_ANSWER.exec(form)?.[1];
    for (const release of answered ? [typedSeries(answered)] : seriesStated(text)) {
      if (found && found.uname.release !== release.release) return null;
      found ??= { uname: release, line };
    }
  }
  return found;
}

/** Whether the line holds kernel-shaped versions of two series ("6.9" and "6.10"; "6.9" and "6.9.1" are one). */
function secondVersion(text: string): boolean {
  let first: string | undefined;
  for (const m of text.matchAll(KERNEL_SHAPED)) {
    const series = m[0].replace(/^v/, "");
    first ??= series;
    if (series !== first) return true;
  }
  return false;
}

/** A series read as the host's: typed into the report, or claimed in a sentence. */
const series = (release: string, typed: boolean): KernelMention["uname"] => ({
  release,
  build: null,
  machine: null,
  hostname: null,
  named: true,
  ...(typed ? { via: TYPED_VIA } : { claimed: true as const }),
});
const typedSeries = (release: string) => series(release, true);

function seriesStated(text: string): Array<KernelMention["uname"]> {
  const trimmed = text.trim();
  const typed = TYPED.exec(trimmed);
  if (typed?.[1]) {
    const rest = trimmed.slice(typed[0].length);
    const away = NOT_THE_HOSTS_AFTER.test(rest) || LIST_AFTER.test(rest) || QUESTION.test(rest) || troubleElsewhere(rest, 0);
    return away ? [] : [series(typed[1], true)];
  }
  const out: Array<KernelMention["uname"]> = [];
  let read = 0;
  for (const m of text.matchAll(IN_PROSE)) {
    // A line that names the kernel this often is no sentence about the host: the work stays bounded on any line.
    if (++read > MAX_PER_LINE) return [];
    const release = m[1];
    const end = (m.index ?? 0) + m[0].length;
    const sentence = text.slice(end, end + SENTENCE_REACH).split(/[.!;](?:\s|$)/)[0] ?? "";
    if (!release || QUESTION.test(sentence) || NOT_THE_HOSTS_AFTER.test(sentence) || LIST_AFTER.test(sentence)) continue;
    if (troubleElsewhere(text, end)) continue;
    if (proseRole(text, m) === "host" && claimsHost(text, m)) out.push(series(release, false));
  }
  return out;
}
