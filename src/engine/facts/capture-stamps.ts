/**
 * The timestamp a capturing tool puts before every line of another program's output: GitHub Actions' logs
 * ("2024-05-02T10:11:12.1234567Z "), `kubectl logs --timestamps` and `docker logs -t` (RFC 3339 in UTC, nanoseconds).
 * The output under it keeps its own shape (`docker version`'s "Server:" block, an os-release file, a nodes table),
 * which the fact readers find by its lines' starts: they read it without the stamp. Only this UTC "Z" form followed by
 * a space is a stamp: journald's `-o short-iso` ("2024-05-02T10:11:12+0000 host unit[1]: …") and a program's own
 * dated lines are log framing, which the readers already take as logs.
 */
const STAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?Z(?: |$)/m;
const STAMPS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?Z(?: |$)/gm;
/** A captured log is stamped throughout: its start or its end tells, without a pass over all of a large one. */
const PROBE = 64 * 1024;
/**
 * The share of a window's lines that must carry the stamp. A capture stamps every line; a log where some programs date
 * their own lines this way (Traefik's "2025-11-10T23:03:43Z ERR …" among journald's) is read as it is, and costs nothing.
 */
const STAMPED_SHARE = 0.9;

/** The text with every line's capture stamp removed (line count and order kept), or the text itself when it has none. */
export function withoutCaptureStamps(text: string): string {
  const stamped =
    text.length <= 2 * PROBE
      ? capturedThroughout(text)
      : capturedThroughout(text.slice(0, PROBE)) || capturedThroughout(text.slice(-PROBE));
  return stamped ? text.replace(STAMPS, "") : text;
}

function capturedThroughout(window: string): boolean {
  // Most texts have no stamp at all: one search decides that before anything is counted.
  if (!STAMP.test(window)) return false;
  // Lines, not counting the empty one after a final newline.
  let lines = window.endsWith("\n") ? 0 : 1;
  for (let at = window.indexOf("\n"); at !== -1; at = window.indexOf("\n", at + 1)) lines++;
  let stamped = 0;
  STAMPS.lastIndex = 0;
  while (STAMPS.exec(window) !== null) stamped++;
  // A capture stamps its blank lines too (GitHub Actions, kubectl): every line counts.
  return stamped >= STAMPED_SHARE * lines;
}
