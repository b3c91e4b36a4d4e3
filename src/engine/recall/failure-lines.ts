/**
 * Which log lines report a failure: only these are worth explaining by resemblance. Besides the words
 * of failure, the errno texts (`strerror`) a tool prints when the kernel refuses (a message can be
 * only "…: no space left on device"), and states a daemon warns about instead of failing ("X is
 * disabled", "PLEG is not healthy", "loop detected", "another app is holding the lock").
 */
const FAILURE =
  /\b(?:error|err|fail(?:s|ed|ure)?|unable|cannot|can't|couldn't|could not|denied|refused|invalid|not found|no such|timed? ?out|panic|fatal|unknown|not supported|unsupported|exceeded|dropp(?:ed|ing)|reject(?:ed|ing)|oops|bug)\b|^[EF]\d{4} /i;
const FAILURE_STATE =
  /\b(?:no space left on device|operation not permitted|not permitted|resource busy|read-only file system|too many open files|no buffer space|out of memory|is disabled|not healthy|unhealthy|(?:loop|deadlock|lockup)\b.{0,60}?\bdetected|(?:holding|held|waiting for)\b.{0,40}\block\b)\b/i;
export const isFailure = (line: string) => FAILURE.test(line) || FAILURE_STATE.test(line);

/**
 * Literals of which a line that FAILURE, FAILURE_STATE or CUT accepts holds at least one (one per
 * alternative, folded as the matcher reads text): the one-pass matcher marks their lines, so only
 * those lines (and lines opening with E/F, FAILURE's klog header) are tested here.
 */
export const FAILURE_MARKERS = [
  ...["err", "fail", "unable", "cannot", "can't", "couldn't", "could not", "denied", "refused", "invalid"],
  ...["not found", "no such", "timeout", "timedout", "time out", "timed out", "panic", "fatal", "unknown"],
  ...["not supported", "unsupported", "exceeded", "dropp", "reject", "oops", "bug"],
  ...["no space left on device", "not permitted", "resource busy", "read-only file system", "too many open files"],
  ...["no buffer space", "out of memory", "is disabled", "not healthy", "unhealthy", "detected", "holding", "held"],
  ...["waiting for", "...", "\u2026"],
];

/** A line cut by an ellipsis (`systemctl status`): its words may still match a signature's. */
export const CUT = /\.\.\.|\u2026/;

/** Informational lines (klog I, logfmt level=info) describe normal operation, whatever words they use. */
export const INFO = /(?:^|\s|\]:\s)I\d{4} \d\d:\d\d:\d\d|\blevel=(?:info|debug)\b/;

/** A line the matcher marked (1-based `line`), or one opening with E/F, which FAILURE's klog header accepts. */
export function mayFail(marked: Uint8Array, line: number, l: string): boolean {
  if (marked[line - 1] === 1) return true;
  const c = l.charCodeAt(0);
  return c === 69 || c === 70 || c === 101 || c === 102;
}
