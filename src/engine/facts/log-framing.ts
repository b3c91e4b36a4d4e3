/**
 * Whether a line opens with a log framing: a syslog/journald date ("Feb 17 11:", "Feb  7 11:"), a klog
 * header ("I0217 "), an ISO date ("2024-11-13"), a dmesg time ("[ 12.345]") or a logfmt key ("level=").
 * No bundle section or shell prompt starts that way, so such lines are logs. Hand-written with
 * charCodeAt because it runs on every line of a 16 MB log.
 */
export function isLogFramed(line: string): boolean {
  return isLogFramedAt(line, 0, line.length);
}

/** The same for the line at [start, end) of a larger text, read in place. */
export function isLogFramedAt(text: string, start: number, end: number): boolean {
  // Past the line's end reads NaN, as charCodeAt past a string's end does.
  const at = (i: number) => (start + i < end ? text.charCodeAt(start + i) : Number.NaN);
  const c0 = at(0);
  if (isUpper(c0)) return isKlogHeader(at, c0) || isSyslogDate(at);
  if (isDigit(c0)) return isIsoDate(at);
  if (c0 === 91) return isDmesgTime(at);
  if (isLower(c0) || c0 === 95) return isLogfmtKey(at);
  return false;
}

type At = (i: number) => number;
const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;
const digitsAt = (at: At, from: number, to: number) => {
  for (let i = from; i < to; i++) if (!isDigit(at(i))) return false;
  return true;
};

/** "I0217 " (I, W, E or F, then MMDD and a space). */
function isKlogHeader(at: At, c0: number): boolean {
  return (c0 === 73 || c0 === 87 || c0 === 69 || c0 === 70) && digitsAt(at, 1, 5) && at(5) === 32;
}

/** "Feb 17 1" or "Feb  7 1": month, one or two spaces, one or two digits, a space, a digit. */
function isSyslogDate(at: At): boolean {
  if (!isLower(at(1)) || !isLower(at(2)) || at(3) !== 32) return false;
  let i = at(4) === 32 ? 5 : 4;
  if (!isDigit(at(i))) return false;
  i++;
  if (isDigit(at(i))) i++;
  return at(i) === 32 && isDigit(at(i + 1));
}

/** "2024-11-13". */
function isIsoDate(at: At): boolean {
  return digitsAt(at, 0, 4) && at(4) === 45 && digitsAt(at, 5, 7) && at(7) === 45 && digitsAt(at, 8, 10);
}

/** "[12345.678]" or "[   12.345]". */
function isDmesgTime(at: At): boolean {
  let i = 1;
  while (at(i) === 32) i++;
  const intStart = i;
  while (isDigit(at(i))) i++;
  if (i === intStart || at(i) !== 46) return false;
  const fracStart = ++i;
  while (isDigit(at(i))) i++;
  return i > fracStart && at(i) === 93;
}

/** "level=", "time=", "msg_id=": lower-case letters and underscores, then "=". */
function isLogfmtKey(at: At): boolean {
  let i = 0;
  for (let c = at(0); isLower(c) || c === 95; c = at(++i));
  return i > 0 && at(i) === 61;
}
