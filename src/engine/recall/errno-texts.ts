/**
 * The errno texts (glibc's `strerror`) a text ends a message with, keyed by the words before them: what tells one failure
 * of a call from another ("Cannot open TUN/TAP dev /dev/net/tun: No such device (errno=19)" is no "… /dev/net/tun:
 * Operation not permitted (errno=1)", whatever words the two share). Longer texts first, so "no such device or address"
 * is not also read as "no such device".
 */
const ERRNO_TEXTS = [
  "no such device or address",
  "no such file or directory",
  "no such device",
  "no such process",
  "operation not permitted",
  "permission denied",
  "invalid argument",
  "operation not supported",
  "protocol not supported",
  "address family not supported by protocol",
  "device or resource busy",
  "text file busy",
  "file exists",
  "no space left on device",
  "read-only file system",
  "cannot allocate memory",
  "connection refused",
  "connection reset by peer",
  "too many open files",
  "address already in use",
  "function not implemented",
  "argument list too long",
  "exec format error",
  "input/output error",
  "bad file descriptor",
  "broken pipe",
  "network is unreachable",
  "no route to host",
  "resource temporarily unavailable",
  "not a directory",
  "is a directory",
  "directory not empty",
  "numerical result out of range",
];
const ERRNO = new RegExp(ERRNO_TEXTS.map((t) => t.replace(/[/]/g, "\\/")).join("|"), "gi");
/** The words a message names before its errno, as a key: the last two ("dev /dev/net/tun" of "…TUN/TAP dev /dev/net/tun: "). */
const WORDS_BEFORE = /([\w/.+-]+)\W+([\w/.+-]+)\W*$/;
/** How far before an errno text its words are read. */
const REACH = 80;

/** For each message a text ends with an errno text: the words before it, and the errno texts that follow them. */
export function errnoEndings(text: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const m of text.matchAll(ERRNO)) {
    const key = keyBefore(text, m.index ?? 0);
    if (key) out.set(key, (out.get(key) ?? new Set()).add(m[0].toLowerCase()));
  }
  return out;
}

/**
 * An errno's number beside its text ("mount error(13): Permission denied", "errno=19", "error -22") is the errno again, no
 * word of the message: without it "mount error(13)" and "mount error(22)" are one message ending two ways (review 68b F3:
 * a CIFS logon's EACCES resembled the 5.18.8 EINVAL record above that record's own line).
 */
const ERRNO_NUMBER = /\(\s*-?\d+\s*\)|\berrno\s*[=:]?\s*-?\d+|\berror\s+-\d+\b/gi;

function keyBefore(text: string, at: number): string | null {
  const w = WORDS_BEFORE.exec(text.slice(Math.max(0, at - REACH), at).replace(ERRNO_NUMBER, ""));
  return w ? `${w[1]} ${w[2]}`.toLowerCase() : null;
}

/**
 * Whether a line's messages end as the record's own text ends the same messages: a record that states this message
 * (the same words before the errno) with other errno texts only is about another failure of the call (review 60a F1:
 * ENODEV resembled runc's tun/tap EPERM record at medium). A message the record never ends with an errno decides nothing.
 */
export function errnoAgrees(line: string, record: ReadonlyMap<string, ReadonlySet<string>>): boolean {
  if (!record.size) return true;
  for (const [key, errnos] of errnoEndings(line)) {
    const own = record.get(key);
    if (own && ![...errnos].some((e) => own.has(e))) return false;
  }
  return true;
}
