/**
 * Whether a line opens with a log framing: a syslog/journald date ("Feb 17 11:", "Feb  7 11:"), a klog
 * header ("I0217 "), an ISO date ("2024-11-13"), a dmesg time ("[ 12.345]") or a logfmt key ("level=").
 * No bundle section or shell prompt starts that way, so such lines are logs. Hand-written with
 * charCodeAt because it runs on every line of a 16 MB log.
 */
export function isLogFramed(line: string): boolean {
  const c0 = line.charCodeAt(0);
  if (isUpper(c0)) return isKlogHeader(line, c0) || isSyslogDate(line);
  if (isDigit(c0)) return isIsoDate(line);
  if (c0 === 91) return isDmesgTime(line);
  if (isLower(c0) || c0 === 95) return isLogfmtKey(line);
  return false;
}

const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;
const digitsAt = (s: string, from: number, to: number) => {
  for (let i = from; i < to; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
};

/** "I0217 " (I, W, E or F, then MMDD and a space). */
function isKlogHeader(s: string, c0: number): boolean {
  return (c0 === 73 || c0 === 87 || c0 === 69 || c0 === 70) && digitsAt(s, 1, 5) && s.charCodeAt(5) === 32;
}

/** "Feb 17 1" or "Feb  7 1": month, one or two spaces, one or two digits, a space, a digit. */
function isSyslogDate(s: string): boolean {
  if (!isLower(s.charCodeAt(1)) || !isLower(s.charCodeAt(2)) || s.charCodeAt(3) !== 32) return false;
  let i = s.charCodeAt(4) === 32 ? 5 : 4;
  if (!isDigit(s.charCodeAt(i))) return false;
  i++;
  if (isDigit(s.charCodeAt(i))) i++;
  return s.charCodeAt(i) === 32 && isDigit(s.charCodeAt(i + 1));
}

/** "2024-11-13". */
function isIsoDate(s: string): boolean {
  return digitsAt(s, 0, 4) && s.charCodeAt(4) === 45 && digitsAt(s, 5, 7) && s.charCodeAt(7) === 45 && digitsAt(s, 8, 10);
}

/** "[12345.678]" or "[   12.345]". */
function isDmesgTime(s: string): boolean {
  let i = 1;
  while (s.charCodeAt(i) === 32) i++;
  const intStart = i;
  while (isDigit(s.charCodeAt(i))) i++;
  if (i === intStart || s.charCodeAt(i) !== 46) return false;
  const fracStart = ++i;
  while (isDigit(s.charCodeAt(i))) i++;
  return i > fracStart && s.charCodeAt(i) === 93;
}

/** "level=", "time=", "msg_id=": lower-case letters and underscores, then "=". */
function isLogfmtKey(s: string): boolean {
  let i = 0;
  for (let c = s.charCodeAt(0); isLower(c) || c === 95; c = s.charCodeAt(++i));
  return i > 0 && s.charCodeAt(i) === 61;
}
