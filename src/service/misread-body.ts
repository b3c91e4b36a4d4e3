import { isBlank } from "../engine/blank-text";
import { DIAGNOSE_FIELDS, type DiagnoseInput, diagnoseInputSchema } from "../engine/diagnose-input";
import { LIMITS } from "../http/limits";

/**
 * A bundle that was plainly sent the wrong way, told by its text: what curl's other options make of a file.
 * - `curl --data-urlencode logs@file` (or a form) sends `logs=%24+uname…`: the fields, URL-encoded. They
 *   are read as the fields they are (the JSON form's names). `--data-urlencode @file` sends the file alone,
 *   URL-encoded: read as the bundle it encodes.
 * - `curl -d @file` (and --data, --data-ascii) drops every line break, with any Content-Type set: the bundle
 *   arrives as one line with what were many lines run together, which no signature reads right (a terminal
 *   session's first prompt swallows the rest). Refused with how to send it; a log that truly is one line with
 *   several line starts in it goes in the JSON form. A body whose only line ends are CRs (classic Mac) is read with
 *   them as line breaks.
 * - The JSON form sent without `Content-Type: application/json` (curl's default type, or text/plain): its
 *   fields would be read as one line of log. Refused with the header to add.
 * Only curl's default form type is read as URL-encoded: a body labelled text/plain is taken as its text.
 */
export function misreadBody(
  text: string,
  form: boolean,
):
  | { input: DiagnoseInput }
  | { text: string }
  | { ok: false; status: 415 | 422; slug: string; detail: string; errors?: Array<{ path: string; message: string }> }
  | null {
  const pairs = form ? joinedParts(text, NAMED_FIELD) : 0;
  // More fields than any diagnosis form has: refused before they are parsed and compared (review 52g F1: 62,000 names
  // compared pairwise held the thread 10 s; F2: the answer named them all).
  if (pairs > LIMITS.formFields)
    return {
      ok: false,
      status: 422,
      slug: "form-too-complex",
      detail: `The URL-encoded form has ${pairs} fields; a diagnosis form has at most ${LIMITS.formFields} (${DIAGNOSE_FIELDS.join(", ")}, limit; or one bundle): send the file as it is with --data-binary @file, or the fields as JSON.`,
    };
  if (pairs >= 1) return urlEncodedFields(text);
  // `curl --data-urlencode @a --data-urlencode @b`: the files, each URL-encoded without a name, joined by "&".
  if (form && joinedParts(text, ENCODED_PART) >= 2 && /%0a/i.test(text)) return encodedParts(text);
  // `curl --data-urlencode @file`: the whole file URL-encoded, with no field name.
  if (form && UNNAMED_URLENCODED.test(text) && /%0a/i.test(text)) return { text: urlDecoded(text) };
  // JSON loses nothing when its line breaks go (and glued JSON lines no longer parse): never "lines run together".
  const json = parsedJson(text);
  const fields = json === undefined ? null : jsonForm(json);
  if (fields)
    return {
      ok: false,
      status: 415,
      slug: "json-without-content-type",
      detail: `The body is the JSON form (${fields.join(", ")}) sent as ${form ? "a form" : "text/plain"}: send it with Content-Type: application/json.`,
    };
  // Classic Mac line ends (a CR alone): the lines are all there, ended by CRs; read them as line breaks.
  if (!text.includes("\n") && text.indexOf("\r") !== text.lastIndexOf("\r")) return { text: text.replace(/\r/g, "\n") };
  if (json === undefined) {
    const starts = linesRunTogether(text);
    if (starts)
      return {
        ok: false,
        status: 422,
        slug: "line-breaks-lost",
        detail: `The body is one line of ${text.length} characters holding what look like ${starts} log lines or command outputs run together: curl's -d, --data and --data-ascii drop line breaks${form ? "" : ", whatever Content-Type is set"}. Send the file with --data-binary @file (or -T file); a log that really is one line goes in the JSON form ({"logs": "…"}, Content-Type: application/json).`,
      };
  }
  return null;
}

/**
 * What a form's value may hold unescaped: unreserved characters (and JavaScript's !'()*), "+", %XX escapes, and the
 * delimiters many encoders keep (Python's quote() keeps "/", JavaScript's encodeURI ":", ",", ";", "@", "?" and more:
 * review 51a F2), which a form parser takes as they are. Never a space or a line break: a log holds both.
 */
// Characters beyond ASCII too: an encoder that escapes only what a URL must (a browser's, review 52g F3) leaves "é" as it is.
const FORM_CHARS = String.raw`\w.~%+*!'()/:,;@?$\[\]\u0080-\uffff-`;
const FORM_VALUE = `[${FORM_CHARS}]`;
/** A whole body of URL-encoding's characters only. */
const UNNAMED_URLENCODED = new RegExp(String.raw`^${FORM_VALUE}+\s*$`);

/**
 * A value as a form parser decodes it: "+" a space, a malformed escape ("CPU at 50%", "%ZZ") kept as it is, never
 * the whole value left encoded (review 52a F3: the named fields were decoded so, the unnamed body was read still encoded).
 */
const urlDecoded = (text: string): string => new URLSearchParams(`x=${text.trim()}`).get("x") ?? "";

/** A URL-encoded part, perhaps without a name (a name=value pair's "=" is never escaped, a file's always is). */
const ENCODED_PART = new RegExp(`[=${FORM_CHARS}]+`, "y");
/** A form's name=value pair. */
const NAMED_FIELD = new RegExp(String.raw`[A-Za-z][\w.-]{0,40}=${FORM_VALUE}*`, "y");

/**
 * How many parts joined by "&" the body (trailing white space aside) is, when `part` matches each whole; 0 when one does
 * not. Walked part by part: a regex repeating a group per part keeps a backtracking entry per part in V8, and a body of
 * millions of short parts failing at its end overflowed its stack (reviews 51g F1, 52a F1: 500s).
 */
function joinedParts(text: string, part: RegExp): number {
  const body = text.trimEnd();
  let parts = 0;
  for (let start = 0; ; parts++) {
    const amp = body.indexOf("&", start);
    const end = amp < 0 ? body.length : amp;
    part.lastIndex = start;
    if (part.exec(body)?.[0].length !== end - start) return 0;
    if (amp < 0) return parts + 1;
    start = amp + 1;
  }
}
const NAMED_PART = /^[A-Za-z][\w.-]{0,40}=/;
/** Field names an answer repeats. */
const NAMES_SAID = 5;

/**
 * Several files sent with `--data-urlencode @file` are one bundle, in their order (review 42a F1: read still encoded, one
 * garbled line, "low, unknown" where the same files as fields were "high"); beside named fields they are refused.
 */
function encodedParts(text: string): { text: string } | { ok: false; status: 422; slug: string; detail: string } {
  const parts = text.trim().split("&");
  const named = parts.filter((p) => NAMED_PART.test(p)).map((p) => p.slice(0, p.indexOf("=")));
  if (named.length) {
    // The names said are a few: an answer is no copy of the body (review 52g F2: 5.6 MB of them).
    const names = [...new Set(named)];
    const said = `${names.slice(0, NAMES_SAID).join(", ")}${names.length > NAMES_SAID ? ` and ${names.length - NAMES_SAID} more` : ""}`;
    return {
      ok: false,
      status: 422,
      slug: "invalid-form",
      detail: `The URL-encoded body has ${parts.length - named.length} part(s) without a field name beside the field(s) ${said}: send each file under a diagnosis field (--data-urlencode logs@file), or the files as they are with --data-binary @file.`,
    };
  }
  return {
    text: parts
      .map(urlDecoded)
      .map((d) => (d.endsWith("\n") ? d : `${d}\n`))
      .join(""),
  };
}

function urlEncodedFields(
  text: string,
):
  | { input: DiagnoseInput }
  | { text: string }
  | { ok: false; status: 422; slug: string; detail: string; errors?: Array<{ path: string; message: string }> }
  | null {
  const params = new URLSearchParams(text.trim());
  const names = [...params.keys()];
  if (!names.some((n) => (DIAGNOSE_FIELDS as readonly string[]).includes(n))) {
    // A field holding encoded lines is a file sent with --data-urlencode under a name it does not know (review 36a:
    // `log@file` was read still encoded, a garbled line): the page form's own `bundle`, alone, is the bundle; another, or
    // `bundle` twice or beside another field, is refused (review 42a F1: read still encoded too).
    const [only] = names;
    const value = only !== undefined && names.length === 1 ? (params.get(only) ?? "") : "";
    if (only === "bundle" && names.length === 1)
      return !isBlank(value)
        ? { text: value }
        : {
            ok: false,
            status: 422,
            slug: "empty-body",
            detail: "The form's bundle is empty: send the file with --data-urlencode bundle@file.",
          };
    if (names.includes("bundle") || [...params.values()].some((v) => v.includes("\n"))) {
      const listed = [...new Set(names)].join(", ");
      const twice = names.find((n, i) => names.indexOf(n) !== i);
      return {
        ok: false,
        status: 422,
        slug: "invalid-form",
        detail:
          twice !== undefined
            ? `The form names ${twice} twice; send each field once (one bundle, or the diagnosis fields ${DIAGNOSE_FIELDS.join(", ")}).`
            : `The URL-encoded form's ${names.length > 1 ? `fields ${listed} are not diagnosis fields` : `field ${listed} is not a diagnosis field`} (${DIAGNOSE_FIELDS.join(", ")}; or one bundle alone): send --data-urlencode logs@file, or the file as it is with --data-binary @file.`,
      };
    }
    // Not the fields' names at all ("a=1", a log line that happens to look so): taken as a bundle.
    return null;
  }
  // No prototype: "toString" or "__proto__" is a field name like any other, never one "given twice" (review 60e F6).
  const raw: Record<string, unknown> = Object.create(null);
  for (const [name, value] of params) {
    if (Object.hasOwn(raw, name))
      return { ok: false, status: 422, slug: "invalid-form", detail: `The form names ${name} twice; send each field once.` };
    raw[name] = name === "limit" && /^\d+$/.test(value) ? Number(value) : value;
  }
  const parsed = diagnoseInputSchema.safeParse(raw);
  if (!parsed.success)
    return {
      ok: false,
      status: 422,
      slug: "invalid-form",
      detail: `The URL-encoded form's fields are not the diagnosis fields (${DIAGNOSE_FIELDS.join(", ")}, limit).`,
      errors: parsed.error.issues.map((i) => ({ path: i.path.join(".") || "(root)", message: i.message })),
    };
  if (DIAGNOSE_FIELDS.every((f) => isBlank(parsed.data[f] ?? "")))
    return {
      ok: false,
      status: 422,
      slug: "empty-body",
      detail: `The form's fields are empty: send at least one of ${DIAGNOSE_FIELDS.join(", ")}.`,
    };
  return { input: parsed.data };
}

/** A one-line body shorter than this is a line, whatever it holds. */
const MIN_GLUED = 300;
/** Line starts inside one line that say it was many. */
const MIN_GLUED_STARTS = 3;
/**
 * Where a log line or an output starts, found inside the one line: syslog's and journald's "Nov 13 06:31:23",
 * klog's "E1113 18:29:16.556814", an RFC 3339 time (not one a field quotes or assigns: `time="2024-…"`,
 * `"lastHeartbeatTime":"2024-…"` are inside one line), os-release's KEY= lines and `uname -a`'s "Linux host
 * 5.15…" run onto what came before.
 */
const LINE_START =
  /(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d\d:\d\d:\d\d\b|\b[IWEF]\d{4} \d\d:\d\d:\d\d\.\d{6}\b|(?<!["'=:\d])\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d|[^\s=](?:PRETTY_NAME|VERSION_ID|ID_LIKE|VERSION_CODENAME)=|\bLinux \S+ \d+\.\d+\.\d+\S* #\d|\[ *\d+\.\d{6}\]|(?:^|\s)[\w.-]+@[\w.-]+:\S*[$#] /g;
/**
 * What may stand between two framings of ONE record, which a log shipper stacks at its head (its own time, then
 * journald's, then klog's: "Mar 01 10:00:00.123 i-0abc kubelet ERROR Nov 12 12:19:21.490717 node kubelet[4756]: E1112 …",
 * review 66b F1: refused as three lines run together): a time's fraction and zone, a host, then a program's tag or a level.
 */
const FRACTION = /^[.,]\d+(?:Z|[+-]\d\d:?\d\d)?/;
const FRAMING_WORD = /^[\w./[\]:-]+$/;
const FRAMING_END =
  /^(?:[\w./-]+(?:\[\d+\])?:|TRACE|DEBUG|INFO|NOTICE|WARN(?:ING)?|ERROR|ERR|CRIT(?:ICAL)?|FATAL|ALERT|EMERG|std(?:out|err)|[FP])$/i;
const MAX_FRAMING_WORDS = 4;
const stackedFraming = (between: string): boolean => {
  const words = between.replace(FRACTION, "").trim().split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  return words.length <= MAX_FRAMING_WORDS && words.every((w) => FRAMING_WORD.test(w)) && FRAMING_END.test(words.at(-1) ?? "");
};

/**
 * How many log lines or outputs one line of text holds run together (what lost its line breaks), or 0 when it is no
 * such line: shorter than MIN_GLUED, or fewer than MIN_GLUED_STARTS starts. Chat reads it too: older Discord clients
 * drop the line breaks of a slash command's option (review 64e F4).
 */
export function linesRunTogether(text: string): number {
  if (text.includes("\n") || text.length < MIN_GLUED) return 0;
  const starts = gluedStarts(text);
  return starts >= MIN_GLUED_STARTS ? starts : 0;
}

function gluedStarts(text: string): number {
  const head = text.slice(0, 1_000_000);
  let n = 0;
  let end = -1;
  for (const m of head.matchAll(LINE_START)) {
    // A framing right after another one's, with only a host and a tag between, is the same line's.
    const stacked = end >= 0 && stackedFraming(head.slice(end, m.index));
    end = m.index + m[0].length;
    if (!stacked && ++n >= 50) break;
  }
  return n;
}

/** The text as a JSON object or array, or undefined when it is none (most bundles: a log is no JSON document). */
function parsedJson(text: string): unknown {
  const t = text.trim();
  const object = t.startsWith("{") && t.endsWith("}");
  if (!object && !(t.startsWith("[") && t.endsWith("]"))) return undefined;
  try {
    return JSON.parse(t);
  } catch {
    return undefined;
  }
}

/** The JSON form's names, when the value is a JSON object of them and nothing else. */
function jsonForm(value: unknown): string[] | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const names = Object.keys(value);
  const known = new Set<string>([...DIAGNOSE_FIELDS, "hosts", "limit"]);
  return names.length && names.every((n) => known.has(n)) && names.some((n) => n !== "limit") ? names : null;
}
