import { calendarDay, lineTime, MONTH_NAMES, monthNumber } from "./log-times";

/** A calendar date as days since 1970-01-01 (UTC): the one day count the dated-line readers share. */
export const dayNumber = (year: number, month: number, day: number) => Date.UTC(year, month - 1, day) / 86_400_000;

/** A day count as the ISO date people read ("2024-03-10"). */
export const isoDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** A grep's file or line-number prefix ("/var/log/syslog.1:", "48213:"), a bracket, then the line's own date. */
const PREFIX = String.raw`^\s*(?:[\w./-]*:)?\[?`;
/** Go's standard logger ("2024/03/10 13:46:25 …"): gluetun, Traefik, many small daemons. */
const GO_LOG = new RegExp(`${PREFIX}(\\d{4})/(\\d\\d)/(\\d\\d) \\d\\d:\\d\\d:\\d\\d\\b`);
/** C's ctime() with its year after the time ("Tue Dec 10 02:57:00 2024 …"): OpenVPN 2.4 and older, other C daemons. */
const CTIME = new RegExp(
  `${PREFIX}(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (${MONTH_NAMES.join("|")}) +(\\d{1,2}) \\d\\d:\\d\\d:\\d\\d (\\d{4})\\b`,
);
/**
 * logrus's own stamp, anywhere in the line (`time="2023-10-10T…"`, JSON `"time":"2023-…"`): dockerd's, containerd's and
 * podman's messages, often behind a journal's year-less "Oct 10 12:00:01 host dockerd[1]:".
 */
const LOGRUS = /(?:\btime=|"time":\s*)"?(\d{4})-(\d\d)-(\d\d)T\d\d:\d\d/;
/** docker compose's service column ("gluetun        | "), before the service's own line. */
const COMPOSE_PREFIX = /^\s*[\w.-]+\s+\| /;
/** Before this year a line's date is a clock not yet set (the epoch, an RTC reset to 2000-01-01, Go's zero time), no time. */
const FIRST_YEAR = 2001;

function validDay(year: number, month: number, day: number): number | null {
  if (year < FIRST_YEAR || month < 1 || month > 12 || day < 1 || day > 31) return null;
  return dayNumber(year, month, day);
}

/**
 * The day a log line says it was written, where its own stamp carries a year: ISO 8601 and RFC 3339 (journalctl
 * `-o short-iso`, `kubectl logs --timestamps`, CRI log files, dpkg.log; behind docker compose's service column too), logrus's `time="…"`, Go's `2024/03/10 …` and
 * ctime's `… 2024`; null for a line without one ("Mar 10 13:46:25", klog's "I0310"), whose year may be any. The day is the
 * line's own, in whatever zone it was written: a comparison with it allows a day either way.
 */
export function loggedDay(line: string): number | null {
  const text = line.replace(COMPOSE_PREFIX, "");
  const t = lineTime(text);
  if (t?.year != null) {
    const { month, day } = calendarDay(t);
    return validDay(t.year, month, day);
  }
  const logrus = LOGRUS.exec(text);
  if (logrus) return validDay(Number(logrus[1]), Number(logrus[2]), Number(logrus[3]));
  const go = GO_LOG.exec(text);
  if (go) return validDay(Number(go[1]), Number(go[2]), Number(go[3]));
  const c = CTIME.exec(text);
  return c ? validDay(Number(c[3]), monthNumber(c[1] as string), Number(c[2])) : null;
}
