import type { MiddlewareHandler } from "hono";
import { MIMEType } from "whatwg-mimetype";
import type { AppEnv } from "../app-env";
import { LIMITS } from "../limits";
import { mediaType } from "../media-type";
import { problemResponse } from "../problem";

/**
 * Bytes alone do not bound the work of parsing: JSON.parse of a 7 MB object of 600,000 keys held the event
 * loop for 0.7 s (and its validation 0.3 s more), of 10 MB of nested brackets 3.7 s, where 10 MB of logs in
 * one string parse in milliseconds. So JSON tokens and form fields are counted first (LIMITS).
 */
const MAX_JSON_TOKENS = LIMITS.jsonTokens;

const JSON_TYPE = /^application\/([a-z.-]+\+)?json$/;
/** What counts outside strings; a quote starts a string (which counts too). */
const TOKEN = /[",:[{]/g;
/** A string's closing quote: the first one after an even run of backslashes (none, or escaped backslashes). */
const STRING_END = /(?<!\\)(?:\\\\)*"/g;
// V8 runs a regex's first execution in its interpreter and compiles it for the next: a 10 MB body must not be the first.
TOKEN.exec("{");
STRING_END.exec('"');

/**
 * Whether `text` holds more than `max` tokens. Both searches are the regex engine's, token to token and
 * to each string's end (10 MB of escaped quotes is one native search, not five million steps of a loop),
 * so the scan is linear and stops at the first token over the bound. Malformed JSON is left to JSON.parse.
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

/**
 * Refuses (422) a JSON body with more tokens than any diagnosis request has, before the route's
 * validator parses it. The text read here is the one the validator parses (Hono caches the body).
 */
export const jsonMembers: MiddlewareHandler<AppEnv> = async (c, next) => {
  const type = mediaType(c);
  if (c.req.method !== "POST" || !JSON_TYPE.test(type)) return next();
  if (tokensOver(await c.req.text(), MAX_JSON_TOKENS)) {
    return problemResponse(
      c,
      422,
      "json-too-complex",
      `The JSON body has more than ${MAX_JSON_TOKENS} strings, members, elements and nested values; a diagnosis request has a few fields, or at most ${LIMITS.hosts} hosts.`,
    );
  }
  return next();
};

const MAX_FORM_FIELDS = LIMITS.formFields;

/**
 * Whether a form body holds more than `max` fields: `&`-separated pairs of a URL-encoded form, or
 * parts of a multipart one (by its boundary, read from the header as the WHATWG MIME type parser that
 * fetch's form parser uses reads it: a quoted boundary, its escapes and a repeated parameter alike).
 * Both are ASCII, which UTF-8 decoding keeps as it is whatever bytes surround it; the string search is
 * V8's (a boundary of 70 dashes cannot make it compare 70 bytes at every position).
 */
export function formFieldsOver(bytes: Uint8Array, contentType: string, max: number): boolean {
  const type = MIMEType.parse(contentType);
  // n pairs have n - 1 separators; n parts have n + 1 boundaries (the last one closes the body).
  if (type?.essence === "application/x-www-form-urlencoded") return occurrencesOver(decoder.decode(bytes), "&", bytes.length ? 1 : 0, max);
  const boundary = type?.essence === "multipart/form-data" ? type.parameters.get("boundary") : undefined;
  // Without a boundary there are no parts to count: the form parser refuses the body.
  return boundary ? occurrencesOver(decoder.decode(bytes), `--${boundary}`, -1, max) : false;
}

const decoder = new TextDecoder();

/** Whether `from` plus the occurrences of `needle` in `text` (without overlaps) exceed `max`; stops at the first one over. */
function occurrencesOver(text: string, needle: string, from: number, max: number): boolean {
  let count = from;
  for (let at = text.indexOf(needle); count <= max && at >= 0; at = text.indexOf(needle, at + needle.length)) count++;
  return count > max;
}

/**
 * Refuses (422) a form with more fields than the page's form has, before it is parsed: a 6 MB
 * multipart body of 100,000 one-byte fields held the event loop for 1.5 s in the form parser.
 */
export const formFields: MiddlewareHandler<AppEnv> = async (c, next) => {
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (formFieldsOver(bytes, c.req.header("content-type") ?? "", MAX_FORM_FIELDS)) {
    return problemResponse(c, 422, "form-too-complex", `The form has more than ${MAX_FORM_FIELDS} fields; the paste form sends two.`);
  }
  return next();
};
