import type { MiddlewareHandler } from "hono";
import { HOSTS_LIMITS } from "../../engine/diagnose-input";
import type { AppEnv } from "../app-env";
import { problemResponse } from "../problem";

/**
 * Separators (`,` and `:` outside strings) a JSON request body may hold. The largest valid diagnosis
 * request, the hosts form, uses four per host and a few more for its other fields; what is far beyond
 * that cannot be one. Bytes alone do not bound the work: JSON.parse of a 7 MB object of 600,000 keys
 * held the event loop for 0.7 s, and its validation for 0.3 s more, where 10 MB of logs in one string
 * parse in milliseconds.
 */
export const MAX_JSON_SEPARATORS = 10 * HOSTS_LIMITS.maxHosts;

const JSON_TYPE = /^application\/([a-z.-]+\+)?json$/;

/**
 * Whether `text` holds more than `max` separators outside its strings. Strings are skipped with
 * indexOf (most of a request is one long log), so the scan is linear and stops at the first one over.
 * Malformed JSON is left to JSON.parse.
 */
export function separatorsOver(text: string, max: number): boolean {
  let count = 0;
  let at = 0;
  while (at < text.length) {
    const quote = text.indexOf('"', at);
    const end = quote < 0 ? text.length : quote;
    for (let i = at; i < end; i++) {
      const c = text.charCodeAt(i);
      if ((c === 44 || c === 58) && ++count > max) return true;
    }
    if (quote < 0) return false;
    // The closing quote is the first one not escaped, i.e. after an even run of backslashes.
    let close = text.indexOf('"', quote + 1);
    for (;;) {
      if (close < 0) return false;
      let backslashes = 0;
      while (text.charCodeAt(close - 1 - backslashes) === 92) backslashes++;
      if (backslashes % 2 === 0) break;
      close = text.indexOf('"', close + 1);
    }
    at = close + 1;
  }
  return false;
}

/**
 * Refuses (422) a JSON body with more members than any diagnosis request has, before the route's
 * validator parses it. The text read here is the one the validator parses (Hono caches the body).
 */
export const jsonMembers: MiddlewareHandler<AppEnv> = async (c, next) => {
  const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (c.req.method !== "POST" || !JSON_TYPE.test(type)) return next();
  if (separatorsOver(await c.req.text(), MAX_JSON_SEPARATORS)) {
    return problemResponse(
      c,
      422,
      "json-too-complex",
      `The JSON body has more than ${MAX_JSON_SEPARATORS} members and elements; a diagnosis request has a few fields, or at most ${HOSTS_LIMITS.maxHosts} hosts.`,
    );
  }
  return next();
};

/** Fields of the page's paste form, and a margin: a browser sends `bundle` and, scoped, `record`. */
export const MAX_FORM_FIELDS = 16;

/**
 * Whether a form body holds more than `max` fields: `&`-separated pairs of a URL-encoded form, or
 * parts of a multipart one (by its boundary). Both are ASCII, which UTF-8 decoding keeps as it is
 * whatever bytes surround it; the string search is V8's (a boundary of 70 dashes cannot make it
 * compare 70 bytes at every position, as a naive byte loop would).
 */
export function formFieldsOver(bytes: Uint8Array, contentType: string, max: number): boolean {
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  // n pairs have n - 1 separators; n parts have n + 1 boundaries (the last one closes the body).
  if (type === "application/x-www-form-urlencoded") return occurrencesOver(decoder.decode(bytes), "&", bytes.length ? 1 : 0, max);
  if (type !== "multipart/form-data") return false;
  const boundary = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  // Without a boundary there are no parts to count: the form parser refuses the body.
  return boundary ? occurrencesOver(decoder.decode(bytes), `--${boundary[1] ?? boundary[2]}`, -1, max) : false;
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
