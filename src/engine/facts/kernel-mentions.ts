/**
 * The one kernel a bundle's other output or its sentences name, when no uname or /proc/version section does:
 * each candidate line's readings (kernel-shapes.ts, kernel-prose.ts), then one release from all of them, output
 * outranking what a person wrote unless the two name different kernels in ways that leave it undecided.
 */
import { headersBuildKernel } from "./headers-build";
import type { LineRef } from "./iptables-version";
import { failedBesideCure } from "./kernel-contrasts";

/**
 * A package's description as `dpkg -l` prints it in its row ("ii  linux-headers-5.15.0-130  5.15.0-130.140  all  Header
 * files related to Linux kernel version 5.15.0") or `apt show` after "Description:": the package's words, no sentence
 * about the running kernel (review 48b F5).
 */
/**
 * `dkms status`'s row ("nvidia/535.129.03, 5.10.176-157.645.amzn2.x86_64, x86_64: installed"; before dkms 3, "nvidia,
 * 535.129.03, …"): a module built for each installed kernel, not the running one (review 61f L2).
 */
const DKMS_STATUS = /^\s*[\w.+-]+(?:\/|,\s)[\w.+-]+,\s+\d+\.\d+\.\d+\S*,\s+[\w-]+:\s+\w+/;
const PACKAGE_DESCRIPTION =
  /^\s*(?:[uihrp][nicuUfFhHWt]R?\s+[a-z0-9][a-z0-9.+:-]*\s+(?:\d+:)?\d[\w.+~:-]*\s+[a-z0-9]+\s|Description(?:-[a-z]{2}(?:_[A-Z]{2})?)?:)/;

import { changeCured, claimsHost, PROSE, proseRelease, proseRole, TROUBLE_STAYED, trimPunctuation, troubleElsewhere } from "./kernel-prose";
import {
  alongsideProse,
  EMBEDDED_UNAME,
  LOGIN_BANNER_VIA,
  lineVia,
  MENTIONS,
  notTheHostsBefore,
  otherReleaseAfter,
  QUOTE_MARK,
  quotedVia,
  ROLE_VIA,
  readShape,
  sameRelease,
  TYPED_VIA,
} from "./kernel-shapes";
import { kernelTransitions } from "./kernel-transitions";
import { asked } from "./named-versions";
import { outputHeadingVia, underFailingHeading } from "./output-heading";
import { RHEL_KERNEL_BASE } from "./rpm-kernel";
import { looksLikeRelease, parseProcVersion, parseUnameAll, type UnameFacts } from "./uname";

/**
 * A RHEL-family kernel's full release standing alone (`uname -r` pasted into a sentence or a table): a
 * RHEL major's own kernel line (el7's 3.10.0, el9's 5.14.0, …), a release and the architecture say it
 * is the kernel. Another package's version-release has the same shape (`podman-5:5.2.2-9.el9_5.x86_64`
 * in dnf's output, `python3 3.9.18-3.el9.x86_64` in a table), so only the kernel's own line for its
 * major counts. Not inside a path (a kernel-devel tree need not be the running kernel) or a package
 * name (`kernel-3.10.0-514.el7.x86_64` in `rpm -qa` is installed, not necessarily running). Fedora's kernel builds
 * number their release from 100 ("6.11.5-300.fc41.x86_64") and Amazon Linux's with two numbers ("5.10.176-157.645.amzn2",
 * "6.1.115-126.197.amzn2023"), where its other packages have one ("docker 25.0.6-1.amzn2023.0.2"): read so too (review
 * 61c F1).
 */
const RPM_KERNEL_RELEASE =
  /(?<![\w./:-])((\d+\.\d+\.\d+)-(?:\d[\w.]*?\.el(\d+)(?:_\d+)?|[1-9]\d{2}\.fc\d+|\d+\.\d+\.amzn2(?:023)?)\.(?:x86_64|aarch64))(?![\w/-]|\.\w)/g;

export interface KernelMention {
  uname: UnameFacts;
  line: number;
}

/**
 * The one kernel the candidate lines name, or null when they name none or several. The kernel's own
 * output (a boot log, docker info, an oops header) outranks a sentence. A cure's kernel is one the host
 * ran too, so beside it no sentence decides which kernel failed.
 */
export function pickKernelMention(candidates: readonly LineRef[], lineAt?: (line: number) => string): KernelMention | null {
  const output: KernelMention[] = [];
  const named: KernelMention[] = [];
  let cure = false;
  for (const { text, line } of candidates) {
    const mentioned = readingsAt(text, line, lineAt);
    // A logged uname beside another release in the same line ("…; upgrade to kernel 5.15.0-91-generic") is one of two.
    if (mentioned.conflict) return null;
    cure ||= mentioned.cure;
    // Output under a heading naming another machine or an earlier kernel is read as named, as on its own line.
    const heading = lineAt && mentioned.kernels.some((u) => !u.named) ? outputHeadingVia(lineAt, line) : undefined;
    for (const found of mentioned.kernels) {
      const uname = heading && !found.named ? { ...found, named: true as const, via: heading } : found;
      (uname.named ? named : output).push({ uname, line });
    }
  }
  if (output.length) {
    const own = oneKernel(output);
    // Output beside a typed answer, a quoted line or a tool's path naming another release: two machines' lines (a
    // laptop's docker info beside the answer typed for the cluster, a trace quoted from upstream), or two kernels'.
    // A sentence gives way to output (its kernel is as often the one before an upgrade, a fix's or a comparison's),
    // unless it claims the host's kernel outright ("our nodes run kernel 6.6.58", HOST_CLAIM_BEFORE).
    if (!own) return null;
    const agrees = agreesWith(own.uname);
    // Beside output a heading says is the failing machine's ("Environment of the failing node:", "node-a (broken):"), a
    // working machine's the headings give away disputes nothing (review 53a F5: the failing node's kernel was "2 kernels").
    const failing = own.line !== undefined && lineAt !== undefined && underFailingHeading(lineAt, own.line);
    const disputing = (n: KernelMention) => (n.uname.via || n.uname.claimed) && !(failing && n.uname.via === ROLE_VIA);
    return named.some((n) => disputing(n) && !agrees(n.uname.release ?? "")) ? null : own;
  }
  return cure ? null : oneKernel(named);
}

/**
 * The distinct releases the candidate lines name, for saying which kernels a paste gives when pickKernelMention finds
 * no one of them the host's ("kernel 6.6.58-talos" on the nodes, "works on my laptop with kernel 6.6.54": two kernels
 * given, not none). Read only then, on the few candidate lines.
 */
export function kernelReleasesNamed(candidates: readonly LineRef[], lineAt?: (line: number) => string): string[] {
  const releases: string[] = [];
  for (const { text, line } of candidates)
    for (const { release } of readingsAt(text, line, lineAt).kernels)
      if (release && !releases.some((r) => sameRelease(r, release))) releases.push(release);
  return releases;
}

/**
 * The releases sentences name as the kernel a change to ended the trouble ("After upgrading the kernel to 5.15.0-130
 * everything works again", "Downgrading the kernel to 5.15.0-124 fixed the issue"): the host ran it once the trouble was
 * over, so output printing it may be from after the failure (review 69c F1).
 */
export function curedKernels(candidates: readonly LineRef[]): string[] {
  const releases: string[] = [];
  for (const { text } of candidates) {
    const named = [...text.matchAll(PROSE)];
    // A cure of another trouble, another time or machine's, in another's words, or one the trouble came back after is no
    // cure of the paste's failure (review 69j F3: "fixed our conntrack drops last month. Now kube-proxy fails on this node").
    if (!named.length || ANOTHER_CURE.test(text) || TROUBLE_STAYED.test(text)) continue;
    for (const m of named) {
      const release = proseRelease(m);
      if (release && changeCured(text, m) && !releases.some((r) => sameRelease(r, release))) releases.push(release);
    }
  }
  return releases;
}
const ANOTHER_CURE =
  /\b(?:came back|come back|is back|returned|reappeared|(?:fails?|failed|failing|broke|crash\w*|happen\w*)\s+again|now\b.{0,40}\b(?:fails?|failing|broken|crash\w*)|last\s+(?:year|month|week)|ago|changelog|release notes?|claims?|says|supposedly|on\s+(?:node|worker|host|server|machine)[-\w]*|(?:another|other)\s+(?:team|cluster|node|machine|host)s?|(?:our|the|its)\s+(?:conntrack|dns|disk|memory|oom)\b)/i;

/** Whether a candidate line names a cure's kernel ("kernel 6.12.3 fixed it"): the host has run another kernel since. */
export const namesCure = (candidates: readonly LineRef[], lineAt?: (line: number) => string): boolean =>
  candidates.some(({ text, line }) => readingsAt(text, line, lineAt).cure);

/**
 * A GitHub issue form's field: its label as a heading ("### Kernel Version", "### Linux kernel version (uname -r)"), the
 * typed answer under it, up to the next heading. Read as a typed answer when that answer is one release alone (two
 * lines of releases, or words, name no one kernel).
 */
// Read on the trimmed line, at most FORM_HEADING_LINE characters, so no optional spaces can backtrack over a long run.
// The only parenthesis is the command the answer comes from ("(uname -r)"): "(before the upgrade)", "(laptop)" or
// "(minimum)" would make it another kernel.
const FORM_KERNEL_HEADING = /^#{2,4}\s+(?:(?:linux|host|os)\s+)?kernel(?:\s+version)?(?:\s*\([^()]{0,20}\buname\b[^()]{0,20}\))?\??$/i;
const FORM_HEADING_LINE = 80;
const FORM_RELEASE_ANSWER = /^\s*`?(?:Linux\s+)?(\d+\.\d+\.\d+[^\s`,;]*)`?\s*$/;
const FORM_HEADING = /^\s*#{1,6}\s/;
/** Lines of an answer read at most, blank ones included: a form's answer is short. */
const FORM_ANSWER_LINES = 6;

/**
 * A form's field for the host's system rather than its kernel, or for `uname`'s output: Home Assistant OS's "### What
 * version of Home Assistant Operating System is installed?", node_exporter's "### Host operating system: output of `uname
 * -a`", "### OS version". Its answer names the kernel only when it opens with a release whose flavour or candidate tag
 * makes it one ("6.6.44-haos, Home Assistant OS 13.0", "Linux 6.6.0-rc1 vanilla self compiled"): a system's own version
 * ("Alpine 3.19.1", "3.19.1", "Ubuntu 22.04.3 LTS") has none. Not a field for another time or machine ("last working
 * version", "client OS").
 */
const FORM_SYSTEM_HEADING = /^#{2,4}\s.{0,60}(?:\b(?:operating system|OS)\b|`uname -[ar]`)/i;
const FORM_SYSTEM_NOT_THE_HOSTS =
  /\b(?:last|working|worked|before|previous|prior|old|expected|minimum|required|supported|fixed|other|client|remote|guest|laptop|desktop|server|nas|storage|target|router|hypervisor|peer|upstream|downstream)\b/i;
const FORM_SYSTEM_ANSWER = /^\s*`?(?:Linux\s+)?(\d+\.\d+\.\d+-[\w.+~-]*?[A-Za-z][\w.+~-]*)`?(?:[\s,;]|$)/;

function issueFormAnswer(text: string, line: number, lineAt: ((line: number) => string) | undefined): UnameFacts | null {
  const answer = kernelFormAnswer(text, line, lineAt);
  const system = answer === null ? systemFormAnswer(text, line, lineAt) : null;
  const release =
    answer !== null ? FORM_RELEASE_ANSWER.exec(answer)?.[1] : system !== null ? FORM_SYSTEM_ANSWER.exec(system)?.[1] : undefined;
  return release && looksLikeRelease(release) ? { release, build: null, machine: null, hostname: null, named: true, via: TYPED_VIA } : null;
}

/** The one line answering a form's kernel field whose heading is `text` (at `line`), or null (no such heading, or two lines). */
export const kernelFormAnswer = (text: string, line: number, lineAt: ((line: number) => string) | undefined): string | null =>
  formAnswer(text, line, lineAt, (heading) => FORM_KERNEL_HEADING.test(heading));

const systemFormAnswer = (text: string, line: number, lineAt: ((line: number) => string) | undefined): string | null =>
  formAnswer(text, line, lineAt, (heading) => FORM_SYSTEM_HEADING.test(heading) && !FORM_SYSTEM_NOT_THE_HOSTS.test(heading));

/** The one line answering the form field whose heading is `text` (at `line`) when `asks` it, or null (two lines, or none). */
function formAnswer(
  text: string,
  line: number,
  lineAt: ((line: number) => string) | undefined,
  asks: (heading: string) => boolean,
): string | null {
  const heading = text.trim();
  if (!lineAt || heading.length > FORM_HEADING_LINE || !asks(heading)) return null;
  const answer: string[] = [];
  for (let n = line + 1; n <= line + FORM_ANSWER_LINES; n++) {
    const next = lineAt(n);
    if (next === undefined || FORM_HEADING.test(next)) break;
    if (next.trim()) answer.push(next);
  }
  return answer.length === 1 ? (answer[0] as string) : null;
}

/**
 * The kernels a candidate line names, with what the lines around it complete (a form's answer, a module build's headers
 * under its command, a wrapped oops header).
 */
function readingsAt(text: string, line: number, lineAt: ((line: number) => string) | undefined): ReturnType<typeof mentionsIn> {
  const answer = issueFormAnswer(text, line, lineAt) ?? headersBuildKernel(text, line, lineAt);
  return answer ? { kernels: [answer], cure: false } : mentionsIn(unwrapTaint(text, line, lineAt));
}

/** The kernel's boot banner as dmesg and the journal keep it ("Linux version 5.15.0-127-generic (buildd@…"). */
const BOOT_LINE = /\bLinux version \d+\.\d+\.\d+\S* \((?:[^()\s]*@|gcc|clang)/;
export const isBootBanner = (text: string): boolean => BOOT_LINE.test(text);
/** An oops, WARN or hung-task header's taint, which the kernel prints before its own release. */
const TAINT_HEADER = /\b(?:Not tainted|Tainted: [A-Z])/;
export const isCrashHeader = (text: string): boolean => TAINT_HEADER.test(text);
/** An oops or WARN header cut after its taint by a mail client's wrapping: the release opens the next line. */
const TAINT_AT_END = /\b(?:Not tainted|Tainted: [A-Z]+(?: +[A-Z]+)*)(?: +-{4,})?\s*$/;
/** The next line's start, past the quote marks of a reply quoting both lines ("> ", "> > "): the release and build. */
const RELEASE_OPENS = /^\s*\d+\.\d+\.\d+\S* #\d/;

/**
 * The header whole, when a mailed oops wraps it ("CPU: 0 PID: 93 Comm: test_maps Not tainted" then
 * "5.10.0-rc7-02263-g0e12c0271887-dirty #51"): lib/dump_stack.c prints the release and build right after the taint.
 * A quoted header stays quoted (its own marks open the joined line), and is read as a quote.
 */
function unwrapTaint(text: string, line: number, lineAt: ((line: number) => string) | undefined): string {
  if (!lineAt || !TAINT_AT_END.test(text)) return text;
  const next = lineAt(line + 1)?.replace(QUOTE_MARK, "");
  return next !== undefined && RELEASE_OPENS.test(next) ? `${text.trimEnd()} ${next.trimStart()}` : text;
}

/** A kernel the log printed on one line, with the line: a boot's banner or a crash's header. */
export interface KernelLine {
  line: number;
  uname: UnameFacts;
}

/**
 * The crash headers among the candidate lines, in line order, each with the kernel it names: an oops, WARN or hung task
 * prints its own kernel after its taint ("CPU: 3 PID: 41872 Comm: nfsstat Not tainted 6.8.10-300.fc40.x86_64 #1").
 */
export const crashHeaders = (candidates: readonly LineRef[], lineAt?: (line: number) => string): KernelLine[] =>
  kernelLines(candidates, TAINT_HEADER, lineAt);

/**
 * The boot banners among the candidate lines, in line order, each with the kernel it booted: the kernel's own first line
 * of a boot ("Linux version 5.15.0-127-generic (buildd@…) … #137-Ubuntu SMP …"), not a quoted or retold one.
 */
export const bootBanners = (candidates: readonly LineRef[], lineAt?: (line: number) => string): KernelLine[] =>
  kernelLines(candidates, BOOT_LINE, lineAt);

/** Ubuntu's login banner, which /etc/update-motd.d/00-header prints on the machine a session logs into. */
const LOGIN_BANNER = /\bWelcome to [^()]{1,80} \(GNU\/Linux \d/;
/** The OS a login banner names ("Welcome to Ubuntu 22.04.5 LTS (GNU/Linux …)"): 00-header prints lsb_release's description. */
const LOGIN_BANNER_OS = /\bWelcome to ([^()]{1,80}) \(GNU\/Linux \d/;
export const loginBannerOs = (text: string): string | null => LOGIN_BANNER_OS.exec(text)?.[1] ?? null;

/**
 * The login banners among the candidate lines, each with the kernel it names: the machine's that the session an `ssh`
 * opened logged into (review 53c F4), read as that machine's.
 */
export const loginBanners = (candidates: readonly LineRef[]): KernelLine[] =>
  kernelLines(candidates, LOGIN_BANNER, undefined, (u) => u.via === LOGIN_BANNER_VIA);

/**
 * The candidate lines of one kind (`shape`), in line order, each with the kernel it prints (`printed`: not a quoted or
 * retold one, unless the kind's own reading says otherwise).
 */
function kernelLines(
  candidates: readonly LineRef[],
  shape: RegExp,
  lineAt?: (line: number) => string,
  printed: (uname: UnameFacts) => boolean = (u) => !u.named && !u.via,
): KernelLine[] {
  const found: KernelLine[] = [];
  for (const { text, line } of candidates) {
    if (!shape.test(text)) continue;
    const uname = readingsAt(text, line, lineAt).kernels.find(printed);
    if (uname?.release) found.push({ line, uname });
  }
  return found.sort((a, b) => a.line - b.line);
}

/**
 * The release the candidate lines name as another kernel than `own` (the bundle's uname or /proc/version) in a way that
 * leaves it undecided, as beside output in pickKernelMention: a sentence claiming the host's kernel outright, a
 * typed answer, a quoted line or a tool's path ("Our nodes run kernel 6.6.58" beside a laptop's `uname -a`), a crash
 * header naming another build (from `journalctl -k -b -1` before an upgrade, beside the `uname` taken after it: review
 * 35a, the crash's build was "not affected" by the running one's), or the log's last boot banner naming one.
 */
export function disputesKernel(candidates: readonly LineRef[], own: UnameFacts, lineAt?: (line: number) => string): string | null {
  const agrees = agreesWith(own);
  // The last boot the log shows, and the kernel it booted: the one its later lines ran on.
  let lastBoot: string | undefined;
  for (const { text, line } of candidates) {
    // Of the kernel's own output, a crash's header names the kernel that failed; a boot line ("Linux version …") counts
    // only as the log's last boot (below): an earlier boot's came before a reboot into the uname's kernel (review 35d),
    // and `docker info` or `kubectl describe node` may be another machine's.
    const crash = TAINT_HEADER.test(text);
    const boot = BOOT_LINE.test(text);
    const kernels = readingsAt(text, line, lineAt).kernels;
    if (boot) lastBoot = kernels.find((u) => !u.named)?.release ?? lastBoot;
    const other = kernels.find((u) => (u.named ? u.via || u.claimed : crash) && !agrees(u.release ?? ""));
    if (other) return other.release ?? null;
  }
  // The log's lines after its last boot ran that boot's kernel: another than the uname's is a second kernel (review 35f:
  // `journalctl -b -1` of the failing boot pasted after a rollback).
  return lastBoot !== undefined && !agrees(lastBoot) ? lastBoot : null;
}

const suffixParts = (release: string) =>
  release
    .replace(/^\d+\.\d+\.\d+/, "")
    .split(/[-.+_~]/)
    .filter(Boolean);
/**
 * Whether a kernel a person wrote is the one the output shows, written another way: cut short, the package's
 * version ("5.15.0-127.137" for 5.15.0-127-generic #137-Ubuntu, "6.6.58-lts" for 6.6.58-1-lts) or the upstream
 * release the build names ("6.1.115" for 6.1.0-27-amd64 #1 SMP Debian 6.1.115-1).
 */
function agreesWith(output: UnameFacts): (written: string) => boolean {
  const release = output.release ?? "";
  const base = /^\d+\.\d+\.\d+/.exec(release)?.[0];
  // Only the build's version-shaped words ("#137-Ubuntu", "Debian 6.1.115-1"), never its date or time: "Fri Feb 14
  // 15:33:28" would make "6.8.0-33" or "-14" agree with anything.
  const build = output.build ?? "";
  const versions = [...build.matchAll(/(?<![\w.])\d+\.\d+\.\d+[\w.+~-]{0,60}/g)].map((v) => trimPunctuation(v[0]));
  const known = new Set(suffixParts(release));
  const upload = /^#(\d+)/.exec(build)?.[1];
  const seen = new Map<string, boolean>();
  const decide = (written: string): boolean => {
    if (sameRelease(written, release) || versions.some((v) => sameRelease(written, v))) return true;
    // Ubuntu's package version, <base>-<ABI>.<upload>, for the release <base>-<ABI>-<flavour>.
    const ubuntu = /^(\d+\.\d+\.\d+-\d+)\.(\d+)(?:~[\d.]+)?$/.exec(written);
    if (ubuntu && release.startsWith(`${ubuntu[1]}-`) && (!upload || upload === ubuntu[2])) return true;
    return !!base && written.startsWith(base) && suffixParts(written).every((p) => known.has(p));
  };
  return (written) => {
    const known = seen.get(written);
    if (known !== undefined) return known;
    const answer = decide(written);
    seen.set(written, answer);
    return answer;
  };
}

/** The one release the readings give (the fullest, with a build string if any), or null for none or several. */
function oneKernel(readings: readonly KernelMention[]): KernelMention | null {
  let found: KernelMention | null = null;
  for (const r of readings) {
    if (found && !sameRelease(found.uname.release ?? "", r.uname.release ?? "")) return null;
    const fuller = (r.uname.release?.length ?? 0) > (found?.uname.release?.length ?? 0);
    if (!found || fuller || (!found.uname.build && r.uname.build && r.uname.release === found.uname.release)) found = r;
  }
  return found;
}

/** The kernels one line names (its output shape's one, or every release its prose names as the host's), and whether it names a cure's. */
function mentionsIn(text: string): { kernels: UnameFacts[]; cure: boolean; conflict?: true } {
  const at = text.indexOf("Linux version ");
  if (at >= 0) {
    // The kernel's own line carries its build ("#1 SMP …"): "fixed in Linux version 6.6.60 (commit …)" is prose.
    const proc = parseProcVersion(text.slice(at));
    if (proc?.build && !notTheHostsBefore(text, at)) {
      const via = quotedVia(text, proc.release ?? "") ?? lineVia(text, at, at + 14 + (proc.release?.length ?? 0));
      return alongsideProse(text, [via ? { ...proc, named: true, via } : proc]);
    }
  }
  const found = EMBEDDED_UNAME.exec(text);
  // A fix's words before it ("Fixed in Linux builder 6.6.60 #1 SMP …") make it no host's.
  const embedded = found && !notTheHostsBefore(text, found.index) ? found : null;
  const uname = embedded ? parseUnameAll(text.slice(embedded.index)) : null;
  const bare = (release: string | undefined, named?: true): UnameFacts[] => {
    const r = release === undefined ? undefined : trimPunctuation(release);
    return r && looksLikeRelease(r) ? [{ release: r, build: null, machine: null, hostname: null, ...(named ? { named } : {}) }] : [];
  };
  if (!uname?.release) {
    for (const shape of MENTIONS) {
      const m = shape.re.exec(text);
      if (m) return readShape(text, shape, m, bare);
    }
  }
  let cure = false;
  let twoKernels = false;
  const read = (m: RegExpMatchArray, release: string | undefined, named?: true): UnameFacts[] => {
    const role = proseRole(text, m);
    if (role === "cure" && bare(release).length) cure = true;
    // A claimant who does not see the failure ("we're on kernel 6.9.1 and can't reproduce"; review 55a F4) names no
    // kernel of the failing machine.
    const end = (m.index ?? 0) + m[0].length;
    // Nor does a question about a release ("Is 5.10.176-157.645.amzn2.x86_64 affected?": review 61f L2).
    if (role !== "host" || troubleElsewhere(text, end) || asked(text, m.index ?? 0, text.slice(end))) return [];
    const claimed = claimsHost(text, m);
    // A claim whose line gives another machine another release ("We're on kernel 6.9.1 but the CI runners run 6.10.3",
    // "… in dev and 6.10.3 in prod": review 55a F3) names two kernels, as a label's line does; not a fix's or a bound's
    // release the prose itself placed ("it was fixed in kernel 6.1.115").
    if (claimed && release && otherReleaseAfter(text.slice(end), trimPunctuation(release), placed)) twoKernels = true;
    return bare(release, named).map((u) => (claimed ? { ...u, claimed: true as const } : u));
  };
  // A series alone ("kernel 5.10") is never read: in a sentence it is as often a fix's, a question's, a
  // distribution's default or a requirement as the host's, and beside the host's stated release it would cancel it.
  const described = PACKAGE_DESCRIPTION.test(text) || DKMS_STATUS.test(text);
  // A pair of releases told as a change ("kernel 6.8.9 -> 6.9.1 broke it") says itself which one failed: neither is read alone.
  const moves = described ? [] : kernelTransitions(text);
  const moved = new Set(moves.flatMap((t) => t.releases));
  const named = described ? [] : [...text.matchAll(PROSE)].filter((m) => !moved.has(proseRelease(m)));
  // "Works on kernel 6.1.55, fails on kernel 6.6.58": the release the failure is stated against decides, the cure's
  // is no reason to read none.
  const matches = failedBesideCure(text, named) ? named.filter((m) => proseRole(text, m) !== "cure") : named;
  // A release the prose already placed (as the host's, the cure's or another's) is not read again by its shape.
  const placed = new Set([...moved, ...named.map(proseRelease)]);
  const prose = [...moves.flatMap((t) => bare(t.failed, true)), ...matches.flatMap((m) => read(m, proseRelease(m), true))];
  // An RPM release is the kernel's own output only when it stands alone (a pasted `uname -r`); in a sentence it is named.
  const rpm = (described ? [] : [...text.matchAll(RPM_KERNEL_RELEASE)]).flatMap((m) => {
    const [, release, base, major] = m;
    if (!release || placed.has(release) || (major !== undefined && RHEL_KERNEL_BASE[major] !== base)) return [];
    return read(m, release, text.trim() === release ? undefined : true);
  });
  if (twoKernels) return { kernels: [], cure, conflict: true };
  const others = [...prose, ...rpm].filter((u) => u.release !== uname?.release);
  if (uname?.release && embedded) {
    // Another uname -a further on the line ("… for control plane && Linux node-1 6.6.58 #1 SMP …"): two kernels.
    const next = EMBEDDED_UNAME.exec(text.slice(embedded.index + embedded[0].length));
    if (others.length || (next && next[1] !== uname.release)) return { kernels: [], cure, conflict: true };
    const releaseEnd = text.indexOf(uname.release, embedded.index) + uname.release.length;
    const via = quotedVia(text, uname.release) ?? lineVia(text, embedded.index, releaseEnd);
    return { kernels: [via ? { ...uname, named: true, via } : uname], cure };
  }
  return { kernels: others, cure };
}
