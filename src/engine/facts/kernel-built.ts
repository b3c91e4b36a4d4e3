import { calendarDay, lineTime, MONTH_NAMES, monthNumber } from "./log-times";
import { dayNumber } from "./logged-day";

/**
 * The day a kernel was built, from its `uname -v`: "Fri Jan 10 21:18:28 UTC 2025" (Ubuntu, Fedora, RHEL, Amazon Linux),
 * "Sat, 04 Jan 2025 16:56:12 +0000" (Arch), or the package's date "(2024-11-22)" (Debian, Raspberry Pi OS).
 */
const MONTHS = MONTH_NAMES.join("|");
const STAMPED = new RegExp(`\\b(${MONTHS}) +(\\d{1,2}) \\d\\d:\\d\\d:\\d\\d (?:[A-Z]{2,5} )?(\\d{4})\\b`);
const ARCH_STAMPED = new RegExp(`\\b(\\d{1,2}) (${MONTHS}) (\\d{4}) \\d\\d:\\d\\d:\\d\\d\\b`);
const DATED = /\((\d{4})-(\d\d)-(\d\d)\)/;

export function builtOn(build: string): { year: number; day: number } | null {
  const s = STAMPED.exec(build);
  if (s) return { year: Number(s[3]), day: dayNumber(Number(s[3]), monthNumber(s[1] as string), Number(s[2])) };
  const a = ARCH_STAMPED.exec(build);
  if (a) return { year: Number(a[3]), day: dayNumber(Number(a[3]), monthNumber(a[2] as string), Number(a[1])) };
  const d = DATED.exec(build);
  return d ? { year: Number(d[1]), day: dayNumber(Number(d[1]), Number(d[2]), Number(d[3])) } : null;
}

/** Two days: any two zones' clocks, and a package's date against its build, differ by less. */
const MARGIN = 2;
/** Older than this before the build, a line's date is a clock not yet set (1970, a board without a battery), not a time. */
const REACH_WITH_YEAR = 2 * 366;

/**
 * Whether a log line's dated stamp (with its year: ISO, `-o short-iso`, RFC 3339 syslog) was written days before the kernel
 * it is judged on was built: another kernel logged it, one the machine ran before it installed this one (review 48g F2: a
 * failure from before the upgrade and reboot, read through a `--since` window, was judged "not affected, certain" on the
 * fixed kernel read now). Null where the build has no date.
 */
export function writtenBeforeBuild(build: string): ((text: string) => boolean) | null {
  const built = builtOn(build);
  if (!built) return null;
  return (text) => {
    // A date without a year says nothing here: a kernel built in November logs "Oct 19" eleven months later as well.
    const t = lineTime(text);
    if (!t || t.year === null) return false;
    const { month, day } = calendarDay(t);
    const before = built.day - dayNumber(t.year, month, day);
    return before >= MARGIN && before <= REACH_WITH_YEAR;
  };
}
