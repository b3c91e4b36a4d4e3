import { commandBefore } from "./component-upgrades";
import { OOPS_FRAMING_SOURCE } from "./oops-framing";

/**
 * journalctl's separator between two boots' entries when its output spans them (no `-b`, a `--since` window, a unit's
 * whole history): "-- Reboot --" up to systemd 247, "-- Boot <boot id> --" since 248 (systemd PR #17475).
 */
export const BOOT_MARK = /^-- (?:Reboot|Boot [0-9a-f]{32}) --$/;

/**
 * A command printing the running boot's log only: `journalctl -b` (`-xb`, `--boot`, `-b 0`, `-b0`; `-k`/`--dmesg`, which
 * imply it; not `-b -1`, a boot id, a copied journal: READS_PAST), `dmesg`, the kernel's ring buffer, and /var/log/dmesg, which
 * the boot writes anew (review 50g F4). Its lines ran on the kernel running now, whatever
 * their clock says.
 */
const READS_THIS_BOOT =
  /\bjournalctl\b[^|;&]*\s(?:(?:-[a-zA-Z]*b|--boot)(?:=?-?0)?|-[a-zA-Z]*k|--dmesg)\b|^(?:sudo\s+)?dmesg\b|\s\/var\/log\/dmesg(?![\w.-])/;
/** In any part of a `;` or `&&` chain ("sos report --batch; dmesg | grep …": review 56b F5's paste). */
export const readsThisBoot = (command: string): boolean =>
  command.length <= MAX_COMMAND && command.split(/;|&&|\|\|/).some((part) => READS_THIS_BOOT.test(part.trim()));

/** A journalctl command printing the newest entries first (`-r`, `-xr`, `--reverse`): earlier boots follow a separator. */
const READS_REVERSED = /\bjournalctl\b[^|;&]*\s(?:-[a-zA-Z]*r[a-zA-Z]*|--reverse)(?=\s|$)/;
export const readsReversed = (raw: string): boolean => raw.length <= MAX_COMMAND && READS_REVERSED.test(raw);

/**
 * Whether a line comes from a boot before the one a journal's output ends in: a boot separator follows it in the same
 * command's output (precedes it, in a reversed journal). Its lines ran on that boot's kernel, not the one read now
 * (review 48g F2: a unit's journal across the reboot that installed the fix was judged on the fixed kernel, certain).
 * `commands` are the paste's command and heading lines in order (each ends the output before it); `marks` the separators'
 * lines, in order; `reversed` the command lines of reversed journals.
 */
export function earlierBoot(
  commands: ReadonlyArray<readonly [number, ...unknown[]]>,
  marks: readonly number[],
  reversed: ReadonlySet<number>,
): (line: number) => boolean {
  if (!marks.length) return () => false;
  const outputOf = outputsOf(commands);
  return (line) => {
    const own = outputOf(line);
    // The first separator after the line (the last before it, reversed): a later or earlier one in the same output is
    // beyond it, and outputs are runs of lines, so this one alone decides.
    const next = firstAfter(marks, line);
    const mark = reversed.has(own) ? marks[next - 1] : marks[next];
    return mark !== undefined && mark !== line && outputOf(mark) === own;
  };
}

/**
 * A command that ends its machine's boot (`reboot`, `systemctl reboot`, `shutdown -r now`, `init 6`, a kexec, the power
 * off after which the machine answers again, sysrq's reboot, rpm-ostree's `--reboot`): the kernel runs anew, perhaps
 * another one (a kernel just installed). Not `systemctl soft-reboot`, which keeps the kernel, nor `shutdown -c` or `-k`.
 */
const REBOOT = String.raw`(?:\/(?:usr\/)?s?bin\/)?(?:(?:reboot|poweroff|halt|systemctl\s+(?:-\S+\s+)*(?:reboot|kexec|poweroff|halt|(?:start|isolate)\s+(?:reboot|poweroff|kexec)\.target))(?:\s+(?:-\S+|now))*(?=\s*(?:[;&|'")}]|$))|shutdown\s+(?!(?:\S+\s+)*?-[a-zA-Z]*[ck](?:\s|$))(?:-\S+\s+)*(?:-[a-zA-Z]*[rhP][a-zA-Z]*|--reboot|--poweroff|--halt|now)|(?:tel)?init\s+[06]|kexec\s+(?:-e|--exec)|echo\s+[bo]\s*>\s*\/proc\/sysrq-trigger|rpm-ostree\s+\S+(?:\s+\S+)*?\s+(?:--reboot|-r))(?=[\s;&|'")}]|$)`;
const REBOOT_PART = new RegExp(`^${REBOOT}`);
/** sysrq's reboot written as a user may (`echo b | sudo tee /proc/sysrq-trigger`). */
const SYSRQ_TEE = /\becho\s+[bo]\s*\|\s*(?:sudo\s+)?tee\s+(?:-a\s+)?\/proc\/sysrq-trigger\b/;
/**
 * What runs the command after it on the same machine: a privilege (`sudo -u root`, `doas`), a wrapper (`nohup`, `time`,
 * `exec`), a group's or a loop's opening (`(`, `{`, `do`, `then`).
 */
const WRAPPER = /^(?:[({]\s*|(?:do|then|else|time|nohup|exec|doas|env)\s+)/;
/** A shell or `su` given the command as a string (`sudo sh -c "echo b > /proc/sysrq-trigger"`, `su -c reboot`). */
const STRING_COMMAND = /^(?:(?:ba|da|z)?sh\s+-c|su\s+(?:-\s+|-l\s+)?(?:[\w.-]+\s+)?-c)\s+(?:'([^']*)'|"([^"]*)"|(\S+))/;
const QUOTED = /^(?:'([^']*)'|"([^"]*)")/;
/**
 * Whether a command line reboots the machine it runs at: any part of a `;`, `&&`, `||` or `&` chain (`dnf upgrade -y kernel
 * && reboot`, `sync; reboot`, `(sleep 2; sudo reboot) &`: reviews 57b F1, 57e F1), behind a privilege or a wrapper, in a
 * string a shell or `su` runs, or as the command `ssh <host>` runs there (a jump host's `ssh root@nfs01 reboot`, `ssh nfs01
 * 'dnf -y upgrade kernel && reboot'`: reviews 56d F5, 57b F1) when the line starts with it, the line being the target's.
 * An ssh in a later part runs at another machine than the line's, and the command after an unquoted ssh command at the
 * prompt's own: neither is read (nor `ssh node1 last reboot`, whose remote command is `last`).
 */
export function rebootsMachine(command: string): boolean {
  if (command.length > MAX_COMMAND) return false;
  const remote = sshRemote(unwrap(command));
  if (remote === null) return reboots(command, 0);
  const quoted = QUOTED.exec(remote);
  return reboots(quoted ? (quoted[1] ?? quoted[2] ?? "") : (chainParts(remote)[0] ?? ""), 0);
}

function reboots(command: string, depth: number): boolean {
  if (SYSRQ_TEE.test(command)) return true;
  return chainParts(command).some((raw) => {
    const part = unwrap(raw.trim());
    const string = STRING_COMMAND.exec(part);
    if (string) return depth < 2 && reboots(string[1] ?? string[2] ?? string[3] ?? "", depth + 1);
    return !/^ssh\s/.test(part) && REBOOT_PART.test(part);
  });
}

/** A command without the wrappers before it (a few at most: `sudo nohup reboot`). */
function unwrap(part: string): string {
  let rest = part;
  for (let k = 0; k < 4; k++) {
    const wrapper = WRAPPER.exec(rest);
    const after = wrapper ? rest.slice(wrapper[0].length) : afterOptions(rest, "sudo", /^-[ugCDhprtTU]$/);
    if (after === null) break;
    rest = after.trimStart();
  }
  return rest;
}

/**
 * What follows a command's options (`sudo -u root reboot` → `reboot`), word by word (a pattern of alternatives would retry
 * every split of a run of options); null when the text is not that command, or is options only.
 */
function afterOptions(text: string, command: string, takesValue: RegExp): string | null {
  const words = text.split(/(\s+)/);
  if (words[0] !== command) return null;
  let at = 2;
  while (at < words.length && words[at]?.startsWith("-")) at += takesValue.test(words[at] as string) ? 4 : 2;
  return at < words.length ? words.slice(at).join("") : null;
}

/** The command `ssh [options] <host>` runs there ("" for none), or null when the text is no ssh command. */
function sshRemote(text: string): string | null {
  const afterHost = afterOptions(text, "ssh", /^-[a-zA-Z]*[BbcDEeFIiJLlmOoPpQRSWw]$/);
  if (afterHost === null) return null;
  return afterHost.replace(/^\S+\s*/, "").trim();
}
const chainParts = (command: string) => command.split(/;|&&|\|\||&(?!>)/);

/**
 * What systemd and sysvinit print when they refuse a reboot: polkit's "Failed to reboot system via logind: Interactive
 * authentication required.", a user's "Must be root." The boot goes on (review 57b F4).
 */
const REBOOT_REFUSED =
  /^Failed to (?:reboot|power off|halt) system via logind\b|^Failed to talk to init daemon\b|^Call to (?:Reboot|PowerOff|Halt) failed\b|^(?:reboot|poweroff|halt|shutdown): (?:Need to be root|must be superuser)|^Must be root\b/;
/** Whether the lines a reboot command printed (up to the next prompt) say it was refused. */
export const rebootRefused = (printed: readonly string[]): boolean => printed.some((l) => REBOOT_REFUSED.test(l.trim()));
const MAX_COMMAND = 1000;

/**
 * Whether one of the paste's reboot commands (their lines, in order) lies between two lines, typed at the machine both
 * lines' commands ran at: a failure printed before `reboot` ran on the kernel before it, whatever `uname` says after
 * (review 56b F1: the fixed kernel booted after the crash judged it "not affected", certain).
 */
function rebootedBetween(
  commands: ReadonlyArray<readonly [number, string | null]>,
  reboots: readonly number[],
): (a: number, b: number) => boolean {
  const commandOf = commandBefore(commands);
  const machineOf = (line: number) => commandOf(line)?.[1] ?? null;
  // Each machine's reboots in order, so that a question is one search, however many reboots other machines typed (review
  // 57a F1: walking every reboot between two lines cost unames × lines × reboots).
  const byMachine = new Map<string | null, number[]>();
  for (const r of reboots) {
    const machine = machineOf(r);
    const own = byMachine.get(machine);
    if (own) own.push(r);
    else byMachine.set(machine, [r]);
  }
  return (a, b) => {
    const [from, to] = a < b ? [a, b] : [b, a];
    const machine = machineOf(from);
    const own = machine === machineOf(to) ? byMachine.get(machine) : undefined;
    if (!own) return false;
    const next = own[firstAfter(own, from)];
    return next !== undefined && next < to;
  };
}

/**
 * Whether two lines ran under different boots' kernels: a boot separator lies between them in one command's output, or a
 * reboot command typed at their machine between their commands (rebootedBetween).
 */
export function bootsApart(
  commands: ReadonlyArray<readonly [number, string | null]>,
  marks: readonly number[],
  reboots: readonly number[] = [],
): (a: number, b: number) => boolean {
  const rebooted = reboots.length ? rebootedBetween(commands, reboots) : null;
  if (!marks.length) return rebooted ?? (() => false);
  const outputOf = outputsOf(commands);
  return (a, b) => {
    const [from, to] = a < b ? [a, b] : [b, a];
    return (outputOf(to) === outputOf(from) && crosses(marks, from, to)) || (rebooted?.(a, b) ?? false);
  };
}

/**
 * The boot a line was logged in, as the kernel's banner at that boot's start shows it ("Linux version …"): the last banner
 * before the line in the same command's output (the first after it, in a reversed journal), with no boot separator between
 * them and the boot not ended before the line (bootEnd). `banners` are the banners' lines, in order. Null where the output
 * shows no banner of the line's boot (a unit's journal, a rotated one, a separator since the last banner).
 */
export function bootBannerOf(
  commands: ReadonlyArray<readonly [number, ...unknown[]]>,
  marks: readonly number[],
  reversed: ReadonlySet<number>,
  banners: readonly number[],
  lineAt: (line: number) => string | undefined,
  lineCount: number,
): (line: number) => number | null {
  if (!banners.length) return () => null;
  const outputOf = outputsOf(commands);
  // Where each banner's boot ends, found once per banner: each walk stops at the next banner, so all walks read each line once.
  const ends = new Map<number, number | null>();
  return (line) => {
    const own = outputOf(line);
    const after = firstAfter(banners, line);
    const back = reversed.has(own);
    const banner = back ? (banners[after - 1] === line ? line : banners[after]) : banners[after - 1];
    if (banner === undefined || outputOf(banner) !== own || crosses(marks, banner, line)) return null;
    let end = ends.get(banner);
    if (end === undefined) {
      const next = back ? (banners[firstAfter(banners, banner) - 2] ?? 0) : (banners[firstAfter(banners, banner)] ?? lineCount + 1);
      end = bootEnd(banner, next, back ? -1 : 1, lineAt);
      ends.set(banner, end);
    }
    return end !== null && (back ? line < end : line > end) ? null : banner;
  };
}

/**
 * The last line of the boot a banner opens, walking in the order the kernel logged (`step` 1 down the paste, -1 up a
 * reversed journal) up to the next banner: a panic ends it ("Kernel panic - not syncing", with its own closing lines), and
 * a dmesg clock that runs back is another boot's (or another machine's) ring buffer. Review 51b F1: `cat
 * /var/crash/*​/vmcore-dmesg.txt | grep …` judged the second crash on the first dump's banner across its panic. Null
 * where neither is seen.
 */
function bootEnd(banner: number, next: number, step: 1 | -1, lineAt: (line: number) => string | undefined): number | null {
  let clock = Number.NEGATIVE_INFINITY;
  let panicked = false;
  for (let l = banner + step; step > 0 ? l < next : l > next; l += step) {
    const text = lineAt(l) ?? "";
    const stamp = DMESG_CLOCK.exec(text);
    const at = stamp ? Number(stamp[1]) : null;
    // A panic's own closing lines ("---[ end Kernel panic", "Kernel Offset:", "Rebooting in 10 seconds..") stay its boot's.
    if (panicked && !PANIC_TAIL.test(text)) return l - step;
    if (at !== null && at < clock) return l - step;
    if (at !== null) clock = at;
    panicked ||= PANIC.test(text);
  }
  return null;
}
const PANIC = /\bKernel panic - not syncing\b/;
const PANIC_TAIL = /---\[ end Kernel panic|\bKernel Offset: |\bRebooting in \d+ seconds|\bKernel panic - not syncing\b|^\s*$/;

/**
 * The crash header (an oops's "… Not tainted 6.8.10-300.fc40 #1") a failure line belongs to: the nearest header within
 * `reach` lines of it in the same command's output, no boot separator between, and the kernel's lines all the way from
 * one to the other (the crash's own report, not another message logged near it). Null where none is.
 */
export function crashHeaderOf(
  commands: ReadonlyArray<readonly [number, ...unknown[]]>,
  marks: readonly number[],
  headers: readonly number[],
  reach: number,
  lineAt: (line: number) => string | undefined,
): (line: number) => number | null {
  if (!headers.length) return () => null;
  const outputOf = outputsOf(commands);
  // The kernel's lines all the way, no report ending or starting between them (its "end trace", a panic's last lines, the
  // next report's "cut here"), and a dmesg clock that never runs back (another machine's ring buffer after this one's:
  // review 50g F1).
  const oneReport = (from: number, to: number) => {
    let clock = Number.NEGATIVE_INFINITY;
    for (let l = from; l <= to; l++) {
      const text = lineAt(l) ?? "";
      if (!KERNEL_LINE.test(text) || (l > from && l < to && REPORT_BOUNDARY.test(text))) return false;
      const stamp = DMESG_CLOCK.exec(text);
      if (stamp) {
        const at = Number(stamp[1]);
        if (at < clock) return false;
        clock = at;
      }
    }
    return true;
  };
  return (line) => {
    const after = firstAfter(headers, line);
    // The header opens its report: a failure line a few lines above it (the "BUG:" line, "#PF:" lines, "Oops:") is of
    // that report; one further above is another's.
    const near = [headers[after - 1], headers[after]]
      .filter(
        (h): h is number => h !== undefined && (h <= line ? line - h <= reach : h - line <= HEADER_AFTER) && outputOf(h) === outputOf(line),
      )
      .sort((a, b) => Math.abs(a - line) - Math.abs(b - line));
    for (const header of near) {
      if (!crosses(marks, header, line) && oneReport(Math.min(header, line), Math.max(header, line))) return header;
    }
    return null;
  };
}

/**
 * A line the kernel logged, as dmesg ("[ 3049.260114] …", with a level "<4>[…"), journald or syslog ("… kernel: …"),
 * pstore ("Panic#1 Part1 …") or kdump's vmcore-dmesg keep it, or a line of a report with those prefixes cut: x86's
 * registers (PKRU and the debug registers too: review 51b F3), arm64's ("pc : ", "x29: ", "pstate: ", "Call trace:"), a
 * 6.10+ header's taint line, a lockup's irq event stamps, the exit note. The report's framing is oops-framing.ts's.
 */
export const KERNEL_LINE = new RegExp(
  String.raw`\bkernel: |^\s*(?:<\d>)?\[\s*\d+\.\d+\]|^Panic#\d+ Part\d+ |^\s*(?:${OOPS_FRAMING_SOURCE}|RIP|CPU|Code|Tainted: |Workqueue|pc : |lr : |note: |\? |[\w.]+\+0x[0-9a-f]+\/0x[0-9a-f]+)`,
);

/**
 * Lines from a report's first line to its header: "BUG: …", "#PF: …", "Oops: …", then "CPU: …"; a soft lockup's module
 * list and, since Linux 6.11, its irq event stamps come first (review 50i F1: 8 lines missed them).
 */
const HEADER_AFTER = 30;
/** A report's end or the next one's start: its "end trace", a panic's last lines, a WARN's "cut here". */
export const REPORT_BOUNDARY = /---\[ end (?:trace|Kernel panic)|-{4,}\[ cut here \]|Kernel panic - not syncing|Kernel Offset: /;
/** dmesg's clock, seconds since boot ("[ 3049.260140]"). */
export const DMESG_CLOCK = /\[\s*(\d+\.\d+)\]/;

/** The command (or heading) whose output a line is, by its line; 0 before the first. */
function outputsOf(commands: ReadonlyArray<readonly [number, ...unknown[]]>): (line: number) => number {
  const commandOf = commandBefore(commands);
  return (line) => commandOf(line)?.[0] ?? 0;
}

/** Whether one of the (ordered) separator lines lies between two lines. */
function crosses(marks: readonly number[], a: number, b: number): boolean {
  const [from, to] = a < b ? [a, b] : [b, a];
  const mark = marks[firstAfter(marks, from)];
  return mark !== undefined && mark < to;
}

/** The index of the first of the (ordered) lines after `line`; `marks.length` when none is. */
function firstAfter(marks: readonly number[], line: number): number {
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((marks[mid] as number) <= line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** journalctl's boot selector: `-b -1`, `-xb -1`, `--boot=-2`, `-b 3`, a boot id; not the running boot's (`-b`, `-b 0`). */
const PAST_BOOT_SELECTOR = /\bjournalctl\b[^|;&]*\s(?:-[a-zA-Z]*b|--boot)(?:\s+|=)?(-(?!0\b)\d+|[1-9]\d*|[0-9a-f]{32})\b/;

/**
 * The earlier boot a command reads (`journalctl -b -1 -k`, `journalctl --boot=-1 -u kubelet`): "-1", "3" or a boot id,
 * or null. Two commands naming the same one on one machine read one boot: a banner one of them prints is the other's
 * lines' kernel too (review 60b F2: `journalctl -b -1 -k | head -1` beside `journalctl -b -1 -u kubelet | grep …`).
 */
export function pastBootSelector(command: string): string | null {
  return command.length > 2000 ? null : (PAST_BOOT_SELECTOR.exec(command)?.[1] ?? null);
}
