/**
 * When a log line says it was written, as far as the paste lets two such times be compared: journald's and syslog's
 * dates ("Apr 28 10:01:22", with fractions, or with a year: "2022-04-28T10:01:22+0000", "Thu 2022-04-28 10:01:22 UTC"),
 * dpkg.log's ("2022-04-28 10:30:55") and pacman.log's ("[2022-04-28T10:30:55+0000]"), after a grep's file or line
 * prefix. Each is the host's wall clock (journald and dpkg write local time), so two of one host compare as written.
 */
export interface LogTime {
  /** The year, where the line gives one. */
  year: number | null;
  /** Month, day, hour, minute and second as one number that orders them. */
  at: number;
  /** The zone the line prints ("Z", "+0000", "UTC"), or null for the host's wall clock (journald's short format, dpkg.log). */
  zone: string | null;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
/** A month's three-letter name as logs and `uname -v` print it ("Jan"), one alternative each, in order. */
export const MONTH_NAMES = MONTHS.map((m) => `${m[0]?.toUpperCase()}${m.slice(1)}`);
/** The month (1-12) a three-letter name gives, any case; 0 for none. */
export const monthNumber = (name: string): number => MONTHS.indexOf(name.toLowerCase()) + 1;
/** A grep's file or line-number prefix ("/var/log/syslog.1:", "48213:"), then the line's own date. */
const PREFIX = String.raw`^\s*(?:[\w./-]*:)?\[?(?:[A-Z][a-z]{2} )?`;
const SYSLOG_DATE = new RegExp(`${PREFIX}([A-Z][a-z]{2}) ([ \\d]\\d) (\\d\\d):(\\d\\d):(\\d\\d)\\b`);
const ISO_DATE = new RegExp(
  `${PREFIX}(\\d{4})-(\\d\\d)-(\\d\\d)[T ](\\d\\d):(\\d\\d)(?::(\\d\\d))?(?:\\.\\d+)?(Z|[+-]\\d\\d:?\\d\\d| [A-Z]{2,5}\\b)?`,
);

const stamp = (month: number, day: number, h: number, m: number, s: number) => (((month * 32 + day) * 24 + h) * 60 + m) * 60 + s;

/** The month (1-12) and day of a time. */
export function calendarDay(t: LogTime): { month: number; day: number } {
  const days = Math.floor(t.at / (24 * 3600));
  return { month: Math.floor(days / 32), day: days % 32 };
}

/** The time a line's own date gives, or null. */
export function lineTime(text: string): LogTime | null {
  const iso = ISO_DATE.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s] = iso.map(Number) as number[];
    return { year: y as number, at: stamp(mo as number, d as number, h as number, mi as number, s || 0), zone: iso[7]?.trim() ?? null };
  }
  const sys = SYSLOG_DATE.exec(text);
  const month = sys ? monthNumber(sys[1] as string) : 0;
  if (!sys || !month) return null;
  return { year: null, at: stamp(month, Number(sys[2]), Number(sys[3]), Number(sys[4]), Number(sys[5])), zone: null };
}

/** Where a year is missing the other's is taken, so a line is after another only within this reach (two months). */
const REACH_WITHOUT_YEAR = stamp(2, 0, 0, 0, 0) - stamp(0, 0, 0, 0, 0);

/** A zone's offset from UTC in seconds, where the zone is one ("Z", "UTC", "+0100", "-05:00"); null for a name or none. */
function offsetOf(zone: string | null): number | null {
  if (zone === null) return null;
  const z = zone.trim();
  if (z === "Z" || z === "UTC" || z === "GMT") return 0;
  const m = /^([+-])(\d\d):?(\d\d)$/.exec(z);
  return m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60) : null;
}

/**
 * Whether two times can be ordered: the same zone (or both the host's wall clock), or two zones whose offsets say where
 * each stands (review 48a F5: pacman.log's "+0200" in October and "+0100" in December, one host across a change of
 * summer time). Never a zone and a wall clock (review 46c F5: a UTC failure before a local-time upgrade).
 */
export function comparableTimes(a: LogTime, b: LogTime): boolean {
  return a.zone === b.zone || (offsetOf(a.zone) !== null && offsetOf(b.zone) !== null);
}

/** Whether `later` was written after `earlier`: a year either leaves out is taken as the same, within two months only. */
export function writtenAfter(later: LogTime, earlier: LogTime): boolean {
  if (!comparableTimes(later, earlier)) return false;
  if (later.year !== null && earlier.year !== null && later.year !== earlier.year) return later.year > earlier.year;
  // Both in UTC where the zones differ: a stamp minus its offset orders as well across a midnight.
  const shift = later.zone === earlier.zone ? 0 : (offsetOf(earlier.zone) ?? 0) - (offsetOf(later.zone) ?? 0);
  const by = later.at - earlier.at + shift;
  return by > 0 && (later.year !== null && earlier.year !== null ? true : by <= REACH_WITHOUT_YEAR);
}
