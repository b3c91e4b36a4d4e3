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
  const c0 = code(text, start, end);
  if (isUpper(c0)) return isKlogHeader(text, start, end, c0) || isSyslogDate(text, start, end);
  if (isDigit(c0)) return isIsoDate(text, start, end);
  if (c0 === 91) return isDmesgTime(text, start, end);
  if (isLower(c0) || c0 === 95) return isLogfmtKey(text, start, end);
  return false;
}

/** The character at `i` of the line at [start, end); NaN past its end, as charCodeAt past a string's end. */
const code = (text: string, i: number, end: number) => (i < end ? text.charCodeAt(i) : Number.NaN);
const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;
const digitsAt = (text: string, from: number, to: number, end: number) => {
  for (let i = from; i < to; i++) if (!isDigit(code(text, i, end))) return false;
  return true;
};

/** "I0217 " (I, W, E or F, then MMDD and a space). */
function isKlogHeader(text: string, s: number, end: number, c0: number): boolean {
  return (c0 === 73 || c0 === 87 || c0 === 69 || c0 === 70) && digitsAt(text, s + 1, s + 5, end) && code(text, s + 5, end) === 32;
}

/** "Feb 17 1" or "Feb  7 1": month, one or two spaces, one or two digits, a space, a digit. */
function isSyslogDate(text: string, s: number, end: number): boolean {
  if (!isLower(code(text, s + 1, end)) || !isLower(code(text, s + 2, end)) || code(text, s + 3, end) !== 32) return false;
  let i = code(text, s + 4, end) === 32 ? s + 5 : s + 4;
  if (!isDigit(code(text, i, end))) return false;
  i++;
  if (isDigit(code(text, i, end))) i++;
  return code(text, i, end) === 32 && isDigit(code(text, i + 1, end));
}

/** "2024-11-13". */
function isIsoDate(text: string, s: number, end: number): boolean {
  return (
    digitsAt(text, s, s + 4, end) &&
    code(text, s + 4, end) === 45 &&
    digitsAt(text, s + 5, s + 7, end) &&
    code(text, s + 7, end) === 45 &&
    digitsAt(text, s + 8, s + 10, end)
  );
}

/** "[12345.678]" or "[   12.345]". */
function isDmesgTime(text: string, s: number, end: number): boolean {
  let i = s + 1;
  while (code(text, i, end) === 32) i++;
  const intStart = i;
  while (isDigit(code(text, i, end))) i++;
  if (i === intStart || code(text, i, end) !== 46) return false;
  const fracStart = ++i;
  while (isDigit(code(text, i, end))) i++;
  return i > fracStart && code(text, i, end) === 93;
}

/** "level=", "time=", "msg_id=": lower-case letters and underscores, then "=". */
function isLogfmtKey(text: string, s: number, end: number): boolean {
  let i = s;
  for (let c = code(text, s, end); isLower(c) || c === 95; c = code(text, ++i, end));
  return i > s && code(text, i, end) === 61;
}
