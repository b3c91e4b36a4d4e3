/**
 * Whether text says nothing: white space and NUL bytes only. A log a crash zeroed (ext4's unwritten tail, `head -c 1000
 * /dev/zero`) is as empty as a blank one, not a log with no known bug in it (review 58e).
 */
export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!blankCode(text.charCodeAt(i))) return false;
  return true;
}

/** NUL, or what String.prototype.trim removes (tested by code, not a regex per character: a body may be 10 MB of them). */
const blankCode = (c: number) =>
  c === 0 ||
  c === 32 ||
  (c >= 9 && c <= 13) ||
  (c >= 128 &&
    (c === 0xa0 ||
      c === 0x1680 ||
      (c >= 0x2000 && c <= 0x200a) ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0x202f ||
      c === 0x205f ||
      c === 0x3000 ||
      c === 0xfeff));
