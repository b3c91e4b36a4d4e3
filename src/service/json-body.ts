/**
 * A JSON request body read where its diagnosis runs (a pool thread on Node, inline on the Worker) when large, never on
 * the event loop: decoding, counting, parsing and validating one 8.5 MB hosts body took ~65 ms of the event loop, and
 * eight of them at once held /health for 775 ms (review 36a). A small one the route reads itself. The same schema and
 * the same problems as a route's validator (http/field-problems.ts).
 */
import type { DiagnoseInput, HostBundle } from "../engine/diagnose-input";
import { fieldProblems } from "../http/field-problems";
import { LIMITS } from "../http/limits";
import { diagnoseBodySchema } from "../http/schemas/diagnose-body";
import type { JobOutcome } from "./diagnose-job";

/** What a JSON body asks: the fields, or the hosts form. */
export type JsonRequest = { form: "fields"; input: DiagnoseInput } | { form: "hosts"; hosts: HostBundle[]; limit?: number | undefined };

type Refusal = Extract<JobOutcome, { ok: false }>;

const MAX_JSON_TOKENS = LIMITS.jsonTokens;

/**
 * The body's request, or the problem with it: more tokens than any request holds (422, counted before
 * parsing), not JSON (400), invalid fields (422). `limit` (the query's) gives way to the body's own.
 */
export function readJsonBody(bytes: Uint8Array, decode: (bytes: Uint8Array) => string, limit?: number): JsonRequest | Refusal {
  const text = decode(bytes);
  if (tokensOver(text, MAX_JSON_TOKENS)) {
    return {
      ok: false,
      status: 422,
      slug: "json-too-complex",
      detail: `The JSON body has more than ${MAX_JSON_TOKENS} strings, members, elements and nested values; a diagnosis request has a few fields, or at most ${LIMITS.hosts} hosts.`,
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // PowerShell and .NET write UTF-16 unless told otherwise: say so, not only "not JSON" (review 42a).
    const detail = looksUtf16(bytes)
      ? "The body is not valid JSON: it is UTF-16 (a UTF-16 byte-order mark, or a NUL beside each character), and JSON is read as UTF-8 (RFC 8259): send it as UTF-8."
      : "The body is not valid JSON.";
    return { ok: false, status: 400, slug: "malformed-json", detail };
  }
  // JSON.parse keeps a name's last value without a word: `{"logs": "<the symptom>", "logs": "nothing"}` answered "no known
  // bug" (review 42a F3), where the form door refuses a field sent twice.
  const twice = repeatedMember(text);
  if (twice !== null)
    return {
      ok: false,
      status: 422,
      slug: "invalid-fields",
      detail: `The JSON body names ${twice.length > 40 ? `${twice.slice(0, 39)}…` : twice} twice in one object; send each field once.`,
      errors: [{ path: twice.slice(0, 100), message: "given twice" }],
    };
  const parsed = diagnoseBodySchema.safeParse(value);
  if (!parsed.success) return { ok: false, ...fieldProblems("json", parsed.error.issues) };
  const { hosts, ...input } = parsed.data;
  if (hosts) return { form: "hosts", hosts, limit: input.limit ?? limit };
  return { form: "fields", input: { ...input, limit: input.limit ?? limit } };
}

/** A UTF-16 byte-order mark, or JSON's first two characters each with a NUL byte beside it. */
const looksUtf16 = (b: Uint8Array): boolean =>
  (b[0] === 0xff && b[1] === 0xfe) ||
  (b[0] === 0xfe && b[1] === 0xff) ||
  (b.length >= 4 && ((b[1] === 0 && b[3] === 0) || (b[0] === 0 && b[2] === 0)));

/** What counts outside strings; a quote starts a string (which counts too). */
const TOKEN = /[",:[{]/g;
/** A string's closing quote: the first one after an even run of backslashes (none, or escaped backslashes). */
const STRING_END = /(?<!\\)(?:\\\\)*"/g;
// V8 runs a regex's first execution in its interpreter and compiles it for the next: a 10 MB body must not be the first.
TOKEN.exec("{");
STRING_END.exec('"');

/** What opens or closes a value, and a string's opening quote. */
const STRUCTURE = /[[{}\]"]/g;
/** A member name's colon after its closing quote. */
const NAME_COLON = /\s*:/y;

/**
 * The first member name one object of well-formed JSON `text` gives twice, or null. Run after tokensOver, so the walk is
 * over a bounded number of values; strings are skipped by the regex engine, as there.
 */
export function repeatedMember(text: string): string | null {
  const objects: Array<Set<string> | null> = [];
  STRUCTURE.lastIndex = 0;
  for (let m = STRUCTURE.exec(text); m; m = STRUCTURE.exec(text)) {
    const c = m[0];
    if (c === "{") objects.push(new Set());
    else if (c === "[") objects.push(null);
    else if (c === "}" || c === "]") objects.pop();
    else {
      STRING_END.lastIndex = m.index + 1;
      if (!STRING_END.exec(text)) return null;
      const end = STRING_END.lastIndex;
      STRUCTURE.lastIndex = end;
      const names = objects.at(-1);
      NAME_COLON.lastIndex = end;
      if (!names || !NAME_COLON.test(text)) continue;
      const raw = text.slice(m.index + 1, end - 1);
      // Compared as JSON.parse reads it: "l\u006fgs" is "logs" (review 60e F1: an escaped repeat slipped past, the last won).
      const name = raw.includes("\\") ? decodedName(raw) : raw;
      if (names.has(name)) return name;
      names.add(name);
    }
  }
  return null;
}

/** A member name's escapes decoded; the raw text when it is no valid JSON string (JSON.parse refuses it anyway). */
function decodedName(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

/**
 * Whether `text` holds more than `max` tokens. Bytes alone do not bound the work of parsing: JSON.parse of
 * a 7 MB object of 600,000 keys took 0.7 s (and its validation 0.3 s more), of 10 MB of nested brackets
 * 3.7 s, where 10 MB of logs in one string parse in milliseconds. Both searches are the regex engine's,
 * token to token and to each string's end (10 MB of escaped quotes is one native search, not five million
 * steps of a loop), so the scan is linear and stops at the first token over the bound. Malformed JSON is
 * left to JSON.parse.
 */
export function tokensOver(text: string, max: number): boolean {
  let count = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    if (++count > max) return true;
    if (m[0] !== '"') continue;
    STRING_END.lastIndex = m.index + 1;
    if (!STRING_END.exec(text)) return false;
    TOKEN.lastIndex = STRING_END.lastIndex;
  }
  return false;
}
