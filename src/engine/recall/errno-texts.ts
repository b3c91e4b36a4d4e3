/**
 * The errno texts (glibc's `strerror`) a text ends a message with, keyed by the words before them: what tells one failure
 * of a call from another ("Cannot open TUN/TAP dev /dev/net/tun: No such device (errno=19)" is no "… /dev/net/tun:
 * Operation not permitted (errno=1)", whatever words the two share). Longer texts first, so "no such device or address"
 * is not also read as "no such device".
 *
 * Every text that shares words with another is here too, as glibc words it (sysdeps/gnu/errlist.h, bminor/glibc
 * 3d7d5c10): without its own entry a neighbour reads as a rewording of the listed one (review 71a F3: EPFNOSUPPORT's
 * "Protocol family not supported" matched EPROTONOSUPPORT's "Protocol not supported" with "family" taken for noise).
 * ENOTSUP is EOPNOTSUPP on Linux ("Operation not supported"); its own "Not supported" is the Hurd's.
 */
const ERRNO_TEXTS = [
  "no such device or address",
  "no such file or directory",
  "no such device",
  "no such process",
  "no child processes",
  "operation not permitted",
  "operation not possible due to rf-kill",
  "operation now in progress",
  "operation already in progress",
  "permission denied",
  "invalid cross-device link",
  "invalid argument",
  "operation not supported",
  "protocol family not supported",
  "protocol not supported",
  "protocol not available",
  "protocol wrong type for socket",
  "protocol driver not attached",
  "socket type not supported",
  "address family not supported by protocol",
  "device or resource busy",
  "text file busy",
  "file exists",
  "no space left on device",
  "read-only file system",
  "cannot allocate memory",
  "cannot assign requested address",
  "connection refused",
  "connection reset by peer",
  "connection timed out",
  "too many open files in system",
  "too many open files",
  "too many levels of symbolic links",
  "too many links",
  "address already in use",
  "function not implemented",
  "argument list too long",
  "exec format error",
  "input/output error",
  "remote i/o error",
  "bad file descriptor",
  "file descriptor in bad state",
  "broken pipe",
  "network is unreachable",
  "network is down",
  "no route to host",
  "host is down",
  "transport endpoint is not connected",
  "transport endpoint is already connected",
  "resource temporarily unavailable",
  "resource deadlock avoided",
  "not a directory",
  "is a directory",
  "directory not empty",
  "numerical result out of range",
  "numerical argument out of domain",
  "no buffer space available",
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
 * a CIFS logon's EACCES resembled the 5.18.8 EINVAL record above that record's own line). So is nginx's "(11: " before
 * its text ("pthread_create() failed (11: Resource temporarily unavailable)") and Python's "[Errno 11]": left in, the
 * message was keyed "failed 11", no call the record names, and EAGAIN passed beside a record whose `pthread_create
 * failed` ends EPERM only (review 71a F1). A call's parentheses ("fork()") are punctuation, as any other.
 */
const ERRNO_NUMBER = /\(\s*-?\d+\s*[):]|\[\s*errno\s+-?\d+\s*\]|\berrno\s*[=:]?\s*-?\d+|\berror\s+-\d+\b/gi;

function keyBefore(text: string, at: number): string | null {
  const w = WORDS_BEFORE.exec(text.slice(Math.max(0, at - REACH), at).replace(ERRNO_NUMBER, ""));
  return w ? `${w[1]} ${w[2]}`.toLowerCase() : null;
}

/** The errno texts a record's text gives: by the message they end (errnoEndings), and all of them. */
export interface RecordErrnos {
  byMessage: ReadonlyMap<string, ReadonlySet<string>>;
  all: ReadonlySet<string>;
}

export const recordErrnos = (text: string): RecordErrnos => ({ byMessage: errnoEndings(text), all: errnoTextsIn(text) });

/**
 * Whether a line's messages end as the record's own text ends the same messages: a record that states this message
 * (the same words before the errno) with other errno texts only is about another failure of the call (review 60a F1:
 * ENODEV resembled runc's tun/tap EPERM record at medium). A message the record never ends with an errno decides nothing.
 * Nor may a line's errno texts be all ones the record never gives, where it gives some (review 71a F3: "mount.nfs:
 * Protocol family not supported", EPFNOSUPPORT, resembled the EPROTONOSUPPORT record by the words the two texts share).
 */
export function errnoAgrees(line: string, record: RecordErrnos): boolean {
  if (!record.all.size) return true;
  const own = errnoTextsIn(line);
  if (own.size && ![...own].some((e) => record.all.has(e))) return false;
  for (const [key, errnos] of errnoEndings(line)) {
    const stated = record.byMessage.get(key);
    if (stated && ![...errnos].some((e) => stated.has(e))) return false;
  }
  return true;
}

/** Whether a text ends with an errno text, its number or a closing bracket or stop after it aside. */
export function endsInErrno(text: string): boolean {
  const tail = text.trimEnd().replace(ERRNO_TAIL, "");
  const m = [...tail.slice(-REACH).matchAll(ERRNO)].at(-1);
  return !!m && (m.index ?? 0) + m[0].length === Math.min(tail.length, REACH);
}
/** What may follow a message's errno text: its number ("(errno=19)"), the bracket its text opened, a full stop. */
const ERRNO_TAIL = /(?:\s*\(\s*errno\s*[=:]?\s*-?\d+\s*\)|\s*\(\s*-?\d+\s*\)|[)\].]|\s)+$/i;

/** The errno texts a text holds, in lower case. */
export function errnoTextsIn(text: string): Set<string> {
  return new Set([...text.matchAll(ERRNO)].map((m) => m[0].toLowerCase()));
}

/**
 * The errno texts a signature states as its message's own: a regex's alternatives are left out (one of them may be
 * followed by any errno: "failed to register driver: (invalid argument|creating ipset …)"), and so are its escapes.
 */
export function signatureErrnos(kind: "literal" | "regex", pattern: string): string[] {
  let text = pattern;
  if (kind === "regex") {
    for (let prev = ""; prev !== text; ) {
      prev = text;
      text = text.replace(ALTERNATIVES, " ");
    }
    text = text.replace(/\\s[+*?]?/g, " ").replace(/\\(.)/g, "$1");
  }
  return [...errnoTextsIn(text)];
}
/** An innermost group holding alternatives. */
const ALTERNATIVES = /\([^()]*\|[^()]*\)/g;

/**
 * Whether a line ends a message with other errno texts than the signature states (review 71a F3): its words are then
 * another failure's, however many of the signature's they share ("Protocol family not supported" is EPFNOSUPPORT, no
 * rewording of "Protocol not supported"). A line without an errno text, or holding one the signature states, decides
 * nothing here.
 */
export function errnoDiffers(signature: readonly string[] | undefined, line: string): boolean {
  if (!signature?.length) return false;
  const own = errnoTextsIn(line);
  return own.size > 0 && !signature.some((e) => own.has(e));
}
