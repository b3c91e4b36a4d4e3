import type { MiddlewareHandler } from "hono";
import { MIMEType } from "whatwg-mimetype";
import type { AppEnv } from "../app-env";
import { LIMITS } from "../limits";
import { problemResponse } from "../problem";

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
