/**
 * Whose output a block of a command's output is, as a heading above it says: "docker version on my laptop:",
 * "Output from the working node (web-1), for comparison:", "Before the upgrade:". A kernel or a component's
 * version read under such a heading is perhaps another machine's or an earlier one's, so it is named (hedged,
 * ruling out only a bug the log shows nothing of) rather than the host's own. The version may sit deep inside the output (`docker info`
 * prints its Server Version and Kernel Version among sixty lines), so the block is walked up to its heading,
 * past the commands that printed it.
 */
import { hostHeading } from "./host-headings";
import { HEADING_FAILING, HEADING_OK, HEADING_OTHER_REPORT, HEADING_ROLE, ROLE_VIA } from "./kernel-shapes";

/** Command lines passed over between a heading and the output: a paste shows a few commands, then their output. */
const MAX_COMMANDS = 3;
/** Lines walked up from a reading: `docker info` prints about 60. */
const MAX_BLOCK_LINES = 80;
/**
 * A line of the output itself: indented, "Key: value" (values aligned with any run of blanks, as `kubectl
 * describe` and `crictl version` print them), its parts' header (`docker version`'s "Client:", "Server:
 * Docker Engine - Community"), an environment list's item ("- AMI: …", "- Linux kernel: …"; review 48c F5: the walk ended at
 * the list's first item, below "Healthy node for comparison:"), a `dpkg -l` row or header line, an `rpm -qa` name, a `yum`/`dnf list` row or
 * section header ("Installed Packages"), a bare version a `--format` or `--short` option prints ("27.3.1"; review 47a F1:
 * it ended the walk below "### vpn-staging (works)", so the working host's runc was judged the failing one's).
 */
const OUTPUT_LINE =
  /^(?:\s|v?\d[\w.+~:-]*\s*$|(?:[-*\u2022]\s+)?[A-Za-z][\w .()/-]{0,40}:[ \t]+\S|(?:Client|Server)(?::.*)?$|[uihrp][nicuUfFhHWt]R? {2,}[a-z0-9][\w.+:-]*[ \t]+\S|(?:Desired=|\| Status=|\|\/ Err\?=|\|\|\/ Name|\+\+\+-)|[a-z0-9][\w.+-]*-\d[\w.~^+-]*\.(?:x86_64|aarch64|noarch|s390x|ppc64le|armv7hl|i686)\s*$|[a-z0-9][\w.+-]*\.(?:x86_64|aarch64|noarch|s390x|ppc64le|armv7hl|i686)\s+\S+\s+\S+\s*$|(?:Installed|Available|Extra|Upgraded) Packages\s*$)/;
const CODE_FENCE = /^(?:```|~~~)[\w-]*$/;
/** A section's header inside the output ("Plugins:", "Security Options:", `kubectl describe`'s "Lease:", "System Info:"), when indented lines follow. */
const SECTION_HEADER = /^[A-Za-z][\w .()/-]{0,40}:$/;
/**
 * The command that printed the block (with or without a shell prompt, oh-my-zsh's "➜  dir git:(main)" among them); a line
 * ending in a colon is a heading instead.
 */
const COMMAND_LINE =
  /^(?:(?!#{2,}\s)\S*[$#%]\s+|\u279c\s+\S{1,60}(?:\s+git:\([^)\n]{0,60}\))?(?:\s+\u2717)?\s+)?(?:sudo\s+)?(?:\S*\/)?(?:docker|podman|nerdctl|containerd|ctr|crictl|runc|crun|kubelet|kubectl|kubeadm|k3s|rke2|iptables|ip6tables|iptables-\w+|journalctl|systemctl|grep|cat|dpkg|rpm|apt|yum|dnf|uname|hostnamectl)\b/;

/**
 * A heading's words as a plain line ending in its colon: Markdown's emphasis around it ("**Output from the upstream issue
 * (not our machine):**") and a Markdown heading's hashes dropped, the colon such a heading leaves out added (review 46b
 * F3: GitHub issues' headings hid the upstream maintainer's output under them).
 */
function asHeading(text: string): string {
  // A heading is short (a role word is read in MAX_ROLE_HEADING characters at most): a long line is no heading, and is not searched.
  if (text.length > MAX_HEADING) return text;
  const hashes = MARKDOWN_HEADING.exec(text);
  // A collapsible section's summary is a heading too (review 48c F3: "<summary>k8s-worker-02 (OK)</summary>").
  const summary = SUMMARY.exec(text)?.[1];
  const words = summary ?? (hashes ? text.slice(hashes[0].length).replace(CLOSING_HASHES, "") : text);
  // A link is one word of the heading, however long (review 46d F4: "From https://github.com/…/issues/6876#issuecomment-…:").
  const plain = words.replace(EMPHASIS, "$2").replace(LINK, "https://link").trim();
  return (hashes || summary !== undefined) && !plain.endsWith(":") ? `${plain}:` : plain;
}
const MAX_HEADING = 240;
const LINK = /https?:\/\/[^\s)]+?(?=:?$|[\s)])/g;
/**
 * An issue template's field, which the reporter answers about the failing machine: GitHub's default bug template asks
 * "**Desktop (please complete the following information):**" (its "Desktop" is no other machine).
 */
const TEMPLATE_ASKS = /\bplease (?:complete|provide|fill|paste|include|add)\b/i;
const MARKDOWN_HEADING = /^#{1,6}\s+/;
const SENTENCE_END = /[.!?]\s+(?=[A-Z])/;
const OTHERS = /\b(?:other|others|rest)\b/i;
/** Clauses, for the same reading within a sentence ("docker-01 works, the other two fail:"; review 48f F2). */
const CLAUSE_END = /[,;]\s+/;
/** A heading with a role word is short, two sentences at most ("Versions from docker-01, which still works. On the other …:"). */
const MAX_ROLE_HEADING = 100;

/**
 * Whether a heading's failure words are its own machine's: of its clauses, those that speak of other machines count
 * neither for the failure nor for the role ("This is docker-03, the one that fails. The other two are fine:" is the
 * failing one's, "Versions from docker-01, which still works. On the other two the container fails:" a working one's;
 * reviews 48d F6, 48e F6). Where the rest tell both (a failure and a machine that works: "The broken node is k8s-1.
 * Output from k8s-2, which works:", "docker-01 works, docker-02 and docker-03 fail:"), whose the output is the words do not
 * say surely: not the failing one's for certain (reviews 48f F2, 48g F1, F3).
 */
function failingOwn(heading: string): boolean {
  const clauses = heading.split(SENTENCE_END).flatMap((sentence) => sentence.split(CLAUSE_END));
  // One clause says it all of this machine ("The failing node (the other one works):").
  if (clauses.length === 1) return HEADING_FAILING.test(heading);
  const own = clauses.filter((clause) => !OTHERS.test(clause));
  const asHeadingEnd = (clause: string) => clause.replace(/:?\s*$/, ":");
  const failing = own.some((clause) => HEADING_FAILING.test(clause));
  const works = own.some((clause) => WORKS.test(clause) || HEADING_OK.test(asHeadingEnd(clause)));
  return failing && !works;
}
/**
 * A machine said to work, against which a failure in the same heading leaves its output undecided; other role words
 * ("on my laptop, kube-proxy errors") name the failing machine itself (review 48b F2).
 */
const WORKS = /(?<!\b(?:not|never|longer)\s|n['\u2019]t\s)\b(?:works|working|fine|healthy|unaffected)\b|\bno (?:problems?|issues?)\b/i;
const SUMMARY = /^(?:<details>\s*)?<summary>\s*(.*?)\s*<\/summary>$/i;
const CLOSING_HASHES = /\s+#+$/;
const EMPHASIS = /^(\*\*|__|\*|_)(.+)\1$/;

/** Whether a heading's words (`heading`, as asHeading gives them; `text` as written) give its output a role: another machine's or time's. */
const isRoleHeading = (heading: string, text: string) =>
  heading.length <= MAX_ROLE_HEADING && (HEADING_ROLE.test(heading) || (HEADING_OK.test(heading) && !!hostHeading(text)?.host));
/** Whether a role heading names the failing machine itself, or is a template's question the reporter answers. */
const namesFailing = (heading: string) => (failingOwn(heading) && !HEADING_OTHER_REPORT.test(heading)) || TEMPLATE_ASKS.test(heading);
/** A shell comment after a command: " # words". */
const COMMAND_COMMENT = /\s#\s+(\S[^#\n]{2,120})$/;

/** Why the output around line `line` (1-based) is perhaps not the host's; undefined when no heading says so. */
export function outputHeadingVia(lineAt: (line: number) => string, line: number): string | undefined {
  return outputRole(lineAt, line) === "other" ? ROLE_VIA : undefined;
}

/**
 * Whether a heading above the output says it is the failing machine's ("Environment of the failing node:", "node-a
 * (broken):"): beside it, output a heading gives to a working machine disputes nothing (review 53a F5).
 */
export const underFailingHeading = (lineAt: (line: number) => string, line: number): boolean => outputRole(lineAt, line) === "failing";

/** The role a heading above the output gives it: another machine's or time's, the failing machine's, or none. */
function outputRole(lineAt: (line: number) => string, line: number): "other" | "failing" | undefined {
  let commands = 0;
  let blanks = 0;
  for (let above = line - 1; above >= Math.max(1, line - MAX_BLOCK_LINES); above--) {
    const raw = lineAt(above);
    const text = raw.trim();
    // One blank line parts `docker version`'s client and server; two end what one command printed.
    blanks = text ? 0 : blanks + 1;
    if (blanks > 1) return undefined;
    // A Markdown code fence only frames the output (review 46a F3: an upstream reproduction pasted unquoted in one).
    if (!text || OUTPUT_LINE.test(raw) || CODE_FENCE.test(text)) continue;
    // The commands between the heading and their output ("docker version on my laptop:", "$ docker version").
    if (commands < MAX_COMMANDS && !text.endsWith(":") && COMMAND_LINE.test(text)) {
      // A comment on the command is a heading of its output ("$ uname -a   # jump host, not the worker"; review 52f F2).
      const comment = COMMAND_COMMENT.exec(text)?.[1];
      const said = comment ? asHeading(`${comment.trim()}:`) : "";
      if (comment && isRoleHeading(said, comment) && !namesFailing(said)) return "other";
      commands++;
      continue;
    }
    const heading = asHeading(text);
    if (isRoleHeading(heading, text)) return namesFailing(heading) ? "failing" : "other";
    // A header whose section follows, indented, is the output's own; anything else ends the walk, a heading naming a
    // failure saying whose the output is.
    if (!(SECTION_HEADER.test(raw) && /^\s+\S/.test(lineAt(above + 1))))
      return heading.length <= MAX_ROLE_HEADING && heading.endsWith(":") && HEADING_FAILING.test(heading) ? "failing" : undefined;
  }
  return undefined;
}
