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
/** A captured log is stamped throughout: its start and its end tell, without a pass over all of a large one. */
const PROBE = 64 * 1024;

/** The text with every line's capture stamp removed (line count and order kept), or the text itself when it has none. */
export function withoutCaptureStamps(text: string): string {
  const stamped = text.length <= 2 * PROBE ? STAMP.test(text) : STAMP.test(text.slice(0, PROBE)) || STAMP.test(text.slice(-PROBE));
  return stamped ? text.replace(STAMPS, "") : text;
}
