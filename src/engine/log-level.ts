/**
 * The level a log line gives itself in its framing: klog's letter (F0825, W0825), logrus' and slog's `level=fatal`, a
 * bracketed `[FATAL]`/`[WARNING ...]` (CoreDNS, kubeadm's preflight), kubeadm's `[ERROR <check>]:` (a failed preflight
 * check aborts: "[preflight] Some fatal errors occurred"), Go's `panic:` and `fatal error:` (opening the line or after
 * journald's tag). Only the framing is read (its first 200 characters): the message's own words ("error getting ipset
 * version") say what went wrong, not whether the process went on.
 */
/** "warning-or-info": the process went on (klog W and I, level=warn/info/debug, [WARNING], [INFO]). */
export type LogLevel = "fatal" | "warning-or-info" | "other";

const FATAL =
  /(?:^|[\s:\]])F\d{4} \d\d:\d\d:\d\d|\blevel=(?:fatal|panic|crit(?:ical)?)\b|"level":\s*"(?:fatal|panic)"|\[(?:FATAL|PANIC|CRIT(?:ICAL)?)\]|\[ERROR [A-Z][\w.-]*\]:|(?:^\s*|\]:\s*)(?:panic|fatal error): /i;
const WARNING =
  /(?:^|[\s:\]])[WI]\d{4} \d\d:\d\d:\d\d|\blevel=(?:warn(?:ing)?|info|debug)\b|"level":\s*"(?:warn(?:ing)?|info|debug)"|\[(?:WARN(?:ING)?|INFO|DEBUG)\b/i;

export function logLevel(line: string): LogLevel {
  const framing = line.slice(0, 200);
  return FATAL.test(framing) ? "fatal" : WARNING.test(framing) ? "warning-or-info" : "other";
}
