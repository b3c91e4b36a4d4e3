/**
 * The level a log line gives itself in its framing: klog's letter (F0825, W0825), logrus' and slog's `level=fatal`, a
 * bracketed `[FATAL]`/`[WARNING ...]` (CoreDNS, kubeadm's preflight), kubeadm's `[ERROR <check>]:` (a failed preflight
 * check aborts: "[preflight] Some fatal errors occurred"), Go's `panic:` and `fatal error:` (opening the line or after
 * journald's tag), and logrus' terminal form (`WARN[0000]`, `FATA[2019-11-14T18:15:28Z]`: its TextFormatter prints the
 * level's first four letters, upper-cased, then the seconds since start or the time in brackets; podman, docker's CLI,
 * rke and containerd's CLI print it). Only the framing is read (its first 200 characters): the message's own words ("error getting ipset
 * version") say what went wrong, not whether the process went on.
 */
/** "warning-or-info": the process went on (klog W and I, level=warn/info/debug, [WARNING], [INFO]). */
export type LogLevel = "fatal" | "warning-or-info" | "other";

/** logrus' terminal form: four upper-case letters, then `[0000]` or `[<timestamp>]` (sirupsen/logrus text_formatter.go). */
const LOGRUS = (level: string) => String.raw`(?:^|[\s:\]])(?:${level})\[[\dT:.+Z -]{4,40}\]`;
const FATAL_LOGRUS = new RegExp(LOGRUS("FATA|PANI"));
const WARN_LOGRUS = new RegExp(LOGRUS("WARN"));
const INFO_LOGRUS = new RegExp(LOGRUS("INFO|DEBU|TRAC"));

const FATAL =
  /(?:^|[\s:\]])F\d{4} \d\d:\d\d:\d\d|\blevel=(?:fatal|panic|crit(?:ical)?)\b|"level":\s*"(?:fatal|panic)"|\[(?:FATAL|PANIC|CRIT(?:ICAL)?)\]|\[ERROR [A-Z][\w.-]*\]:|(?:^\s*|\]:\s*)(?:panic|fatal error): /i;
/**
 * A warning's level word: klog's W, `level=warn(ing)`, `[WARNING]`, and a bare `WARNING:`/`warn:` opening the message
 * (at the line's start, after journald's tag, or after a timestamp: firewalld's `2020-09-09 10:22:24 WARNING:`). The
 * kernel's `WARNING: CPU: 3 PID: …` and `WARNING: at …` are no level but a WARN_ON splat, an alarm of its own.
 */
const WARN =
  /(?:^|[\s:\]])W\d{4} \d\d:\d\d:\d\d|\blevel=warn(?:ing)?\b|"level":\s*"warn(?:ing)?"|\[WARN(?:ING)?\b|(?:^\s*|\]:\s*|\d\d:\d\d:\d\d(?:[.,]\d+)?\s+)warn(?:ing)?:\s(?!CPU:|at\s)/i;
const INFO = /(?:^|[\s:\]])I\d{4} \d\d:\d\d:\d\d|\blevel=(?:info|debug)\b|"level":\s*"(?:info|debug)"|\[(?:INFO|DEBUG)\b/i;

export function logLevel(line: string): LogLevel {
  const framing = line.slice(0, 200);
  if (FATAL.test(framing) || FATAL_LOGRUS.test(framing)) return "fatal";
  return WARN.test(framing) || WARN_LOGRUS.test(framing) || INFO.test(framing) || INFO_LOGRUS.test(framing) ? "warning-or-info" : "other";
}

/** Whether the line's own framing says it is a warning: the process went on, whatever failure its message words. */
export function isWarning(line: string): boolean {
  const framing = line.slice(0, 200);
  return (WARN.test(framing) || WARN_LOGRUS.test(framing)) && !FATAL.test(framing) && !FATAL_LOGRUS.test(framing);
}
