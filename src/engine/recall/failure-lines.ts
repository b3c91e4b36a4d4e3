import { ELLIPSIS_CUT } from "../match/compile-matcher";

/**
 * Which log lines report a failure: only these are worth explaining by resemblance. Besides the words
 * of failure, every errno text (glibc's `strerror`) a tool prints when the kernel refuses (a message
 * can be only "…: text file busy"), the kernel's own alarms (a hung task, a call trace, a segfault),
 * a process that died (killed, core dumped, a non-zero exit status), states a daemon warns about
 * instead of failing ("X is disabled", "PLEG is not healthy", "loop detected", "another app is
 * holding the lock"), and a refusal worded without a failure word: iptables' "Chain 'KUBE-MARK-DROP'
 * does not exist", a runtime's "CRI v1 image API is not implemented" (the "no such" and "unknown" of
 * messages that spell the state out).
 */
// "non-fatal" says the opposite (kubeadm's preflight footer "you can make a check non-fatal", printed after any failed
// check: review 32d, where it resembled br_netfilter's example and led the answer).
const FAILURE =
  /\b(?:error|err|fail(?:s|ed|ure)?|unable|cannot|can't|couldn't|could not|denied|refused|invalid|not found|no such|timed? ?out|panic|(?<!\bnon-)fatal|unknown|not supported|unsupported|exceeded|overflow|exception|dropp(?:ed|ing)|reject(?:ed|ing)|oops|bug)\b|^[EF]\d{4} /i;
const FAILURE_STATE =
  /\b(?:does not exist|doesn't exist|not implemented|no space left on device|operation not permitted|not permitted|resource busy|read-only file system|too many open files|no buffer space|out of memory|is disabled|not healthy|unhealthy|not ready|(?:loop|deadlock|lockup)\b.{0,60}?\bdetected|(?:holding|held|waiting for)\b.{0,40}\block\b)\b/i;
/** strerror texts the words above miss (EINTR … EKEYEXPIRED), as glibc prints them. */
const ERRNO_TEXT =
  /\b(?:interrupted system call|input\/output error|argument list too long|exec format error|bad file descriptor|no child processes|resource temporarily unavailable|bad address|block device required|file exists|not a directory|is a directory|inappropriate ioctl|text file busy|file too large|illegal seek|too many links|broken pipe|numerical (?:argument|result) out of|resource deadlock|file name too long|no locks available|function not implemented|directory not empty|too many levels of symbolic links|address already in use|cannot assign requested address|network is (?:down|unreachable)|connection (?:reset|aborted)|software caused connection abort|transport endpoint is not connected|no route to host|host is (?:down|unreachable)|stale file handle|structure needs cleaning|value too large for defined data type|protocol not available|required key not available|key has expired|message too long|socket operation on non-socket)\b/i;
/**
 * The kernel's alarms and a process's death, in the words the kernel and shells print them. A wrapper's `exit status N:`
 * opening the tool's first line of stderr is no failure of that line when the line is a notice (review 69a F1: iptables
 * >= 1.8.8 prints "Ignoring deprecated --wait-interval option." before every failed restore, and kube-proxy's
 * "exit status 2: Ignoring deprecated …" resembled the IPv6 MARK record): the failure is on a later line of stderr.
 * A "Call Trace:" says a report describes a failure (for the closest records), but the line is an oops's framing, which
 * the recall tier never judges by resemblance (review 70a F1: oops-framing.ts).
 */
const DEATH_OR_ALARM =
  /\b(?:blocked for more than|call trace|segfault|core dumped|killed process|oom-kill|hung task|exit (?:status|code)[:= ]\s*[1-9]\d*(?!\d|:\s*(?:ignoring|deprecated|warning|notice|note)\b))/i;
/**
 * A command-line option with its value (`--fail-swap-on=false`, `-on-error=continue`): its words name a setting, not a
 * failure (review 73a F5: `kubelet --fail-swap-on=false`, the flag that turns the swap check off, resembled the swap
 * record, the flag's "fail" read as a failure).
 */
const OPTION = /(?<=^|[\s"'`(=,])--?[A-Za-z][\w.-]*(?:=[^\s"'`)]*)?/g;
/** Whether a line reports a failure, its options' names aside. */
export const isFailure = (line: string) => {
  const text = line.includes("-") ? line.replace(OPTION, " ") : line;
  return FAILURE.test(text) || FAILURE_STATE.test(text) || ERRNO_TEXT.test(text) || DEATH_OR_ALARM.test(text);
};

/**
 * Literals of which a line that isFailure, CUT or WARNED accepts holds at least one (one per
 * alternative, folded as the matcher reads text): the one-pass matcher marks their lines, so only
 * those lines (and lines opening with E/F, FAILURE's klog header) are tested here.
 */
export const FAILURE_MARKERS = [
  ...["err", "fail", "unable", "cannot", "can't", "couldn't", "could not", "denied", "refused", "invalid"],
  ...["not found", "no such", "timeout", "timedout", "time out", "timed out", "panic", "fatal", "unknown"],
  ...["not supported", "unsupported", "exceeded", "overflow", "exception", "dropp", "reject", "oops", "bug"],
  ...["no space left on device", "not permitted", "resource busy", "read-only file system", "too many open files"],
  ...["no buffer space", "out of memory", "is disabled", "not healthy", "unhealthy", "detected", "holding", "held"],
  ...["waiting for", "not ready", "...", "\u2026", "warn", "not exist", "n't exist", "not implemented"],
  ...["interrupted system call", "input/output error", "argument list too long", "exec format error", "bad file descriptor"],
  ...["no child processes", "resource temporarily unavailable", "bad address", "block device required", "file exists"],
  ...["not a directory", "is a directory", "inappropriate ioctl", "text file busy", "file too large", "illegal seek"],
  ...["too many links", "broken pipe", "numerical argument out of", "numerical result out of", "resource deadlock"],
  ...["file name too long", "no locks available", "function not implemented", "directory not empty", "too many levels"],
  ...["address already in use", "cannot assign requested address", "network is", "connection reset", "connection aborted"],
  ...["software caused connection abort", "transport endpoint is not connected", "no route to host", "host is"],
  ...["stale file handle", "structure needs cleaning", "value too large", "protocol not available", "required key not"],
  ...["key has expired", "message too long", "socket operation on non-socket"],
  ...["blocked for more than", "call trace", "segfault", "core dumped", "killed process", "oom-kill", "hung task"],
  ...["exit status", "exit code"],
];

/** A line cut by an ellipsis (`systemctl status`): its words may still match a signature's. */
export const CUT = ELLIPSIS_CUT;
/**
 * A warning: some records' messages are warnings ("Warning: iptables-legacy tables present"), so its
 * words may still match a signature's in another wording. Never judged by resemblance: healthy logs warn.
 */
export const WARNED = /\bwarn(?:ing)?\b/i;

/** Informational lines (klog I, logfmt level=info, a bracketed [INFO]) describe normal operation, whatever words they use. */
const INFO = /(?:^|\s|\]:\s)I\d{4} \d\d:\d\d:\d\d|\blevel=(?:info|debug)\b|\[(?:INFO|DEBUG)\]/;
/** Whether a line is informational; its framing is at its start, so only that is read. */
export const isInformational = (line: string) => INFO.test(line.slice(0, 200));

/** A line the matcher marked (1-based `line`), or one opening with E/F, which FAILURE's klog header accepts. */
export function mayFail(marked: Uint8Array, line: number, l: string): boolean {
  if (marked[line - 1] === 1) return true;
  const c = l.charCodeAt(0);
  return c === 69 || c === 70 || c === 101 || c === 102;
}
