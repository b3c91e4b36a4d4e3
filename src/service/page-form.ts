import { parseMultipart } from "@remix-run/multipart-parser";
import { MIMEType } from "whatwg-mimetype";
import { bodyTooLarge, LIMITS } from "../http/limits";

/** Room for the multipart framing around the pasted text; the text itself gets the API's limit. */
export const FORM_OVERHEAD = 16 * 1024;

/** A paste scoped to one record looks deeper than the default ten findings, so that record is found. */
export const SCOPED_LIMIT = 100;

/** What the lookup page's form (POST /check) sends: the paste, and the record a record page's form is scoped to. */
export interface PageForm {
  /** Typed into the text area (text), or a file chosen in the form (its bytes, read as POST /diagnose reads a body). */
  bundle: string | Uint8Array;
  record?: string;
}

export interface FormRefusal {
  ok: false;
  status: 400 | 413 | 422;
  slug: string;
  detail: string;
}

/**
 * Reads the page's form from the request's bytes where the diagnosis runs (a pool thread on Node), never on
 * the event loop: eight 6.5 MB forms decoded by fetch's form parser held /health for up to 2.6 s (review 61h).
 * The multipart parser is @remix-run/multipart-parser's synchronous one (any runtime, bounded parts and sizes);
 * a URL-encoded form is URLSearchParams, as fetch reads one. `decode` turns a typed field's bytes into text.
 */
export function readPageForm(
  bytes: Uint8Array,
  contentType: string,
  maxBytes: number,
  decode: (bytes: Uint8Array) => string,
): PageForm | FormRefusal {
  // Counted before parsing: a 6 MB multipart body of 100,000 one-byte fields costs 1.5 s in a form parser.
  if (formFieldsOver(bytes, contentType, MAX_FORM_FIELDS))
    return refuse(422, "form-too-complex", `The form has more than ${MAX_FORM_FIELDS} fields; the paste form sends two.`);
  const fields = parseForm(bytes, contentType, decode);
  if (!fields) return refuse(400, "invalid-form", UNPARSED);
  // A field sent twice (`-F bundle=@a -F bundle=@b`) is two pastes: the last alone would be diagnosed without a word
  // about the first (review 42a F2), so it is refused as POST /diagnose refuses a repeated field.
  const repeated = fields.find((f, i) => fields.findIndex((g) => g.name === f.name) !== i);
  if (repeated) return refuse(422, "invalid-form", `The form names ${cut(repeated.name)} twice; send one paste as \`bundle\`.`);
  const bundle = fields.find((f) => f.name === "bundle")?.value;
  // Only the form's own field: another name (curl's `-F logs=@file`) is a wrong form, not an empty paste (review 36a).
  if (bundle === undefined) {
    // Names cut short: a form's field name can be a whole pasted log (`--data-urlencode @file`) (review 37a).
    const names = fields
      .slice(0, 5)
      .map((f) => cut(f.name))
      .join(", ");
    return refuse(
      422,
      "invalid-form",
      `The form has no \`bundle\` field${names ? ` (it has ${names})` : ""}: the lookup page sends its paste as \`bundle\`; send other fields as JSON to POST /diagnose.`,
    );
  }
  // A text area's line ends travel as CRLF (HTML's form encoding) however the paste had them: counted as typed, so a paste
  // under the limit the page states is taken (review 62f F5: 4,058 lines' CRs made a 199 KB paste "larger than 195 KB").
  const size = typeof bundle === "string" ? new TextEncoder().encode(bundle.replaceAll("\r\n", "\n")).length : bundle.byteLength;
  if (size > maxBytes) return refuse(413, "body-too-large", bodyTooLarge(maxBytes));
  if (!size || (typeof bundle === "string" && !bundle.trim()))
    return refuse(422, "empty-body", "The paste is empty: paste logs, uname -a output or /etc/os-release into the form.");
  const record = fields.find((f) => f.name === "record")?.value;
  return { bundle, ...(typeof record === "string" ? { record } : {}) };
}

export function isFormRefusal(form: PageForm | FormRefusal): form is FormRefusal {
  return "ok" in form;
}

const MAX_FORM_FIELDS = LIMITS.formFields;

const UNPARSED =
  "The form does not parse as multipart/form-data or application/x-www-form-urlencoded (a truncated upload, or a boundary that does not match).";

type Field = { name: string; value: string | Uint8Array };

/** The form's fields in order (a file's as bytes), or null when the body does not parse as its type says. */
function parseForm(bytes: Uint8Array, contentType: string, decode: (bytes: Uint8Array) => string): Field[] | null {
  const type = MIMEType.parse(contentType);
  if (type?.essence === "application/x-www-form-urlencoded")
    return [...new URLSearchParams(decode(bytes))].map(([name, value]) => ({ name, value }));
  const boundary = type?.essence === "multipart/form-data" ? type.parameters.get("boundary") : undefined;
  if (!boundary) return null;
  try {
    const fields: Field[] = [];
    // No size bound of the parser's own (its default is 2 MB a part): a part over the limit is refused by its size
    // below, as the text area's is; the framing allowance of the body's limit lets it through to be measured.
    const whole = bytes.byteLength;
    for (const part of parseMultipart(bytes, {
      boundary,
      maxParts: MAX_FORM_FIELDS,
      maxHeaderSize: FORM_OVERHEAD,
      maxFileSize: whole,
      maxTotalSize: whole,
    })) {
      // A part with no name is no field (fetch's parser skips it too).
      if (!part.name) continue;
      fields.push({ name: part.name, value: part.filename === undefined ? decode(part.bytes) : part.bytes });
    }
    return fields;
  } catch {
    // A truncated body, a missing boundary, headers that are not UTF-8: the sender's fault (review 36a: a 500).
    return null;
  }
}

const cut = (name: string) => (name.length > 40 ? `${name.slice(0, 39)}…` : name);

const refuse = (status: FormRefusal["status"], slug: string, detail: string): FormRefusal => ({ ok: false, status, slug, detail });

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
  if (type?.essence === "application/x-www-form-urlencoded")
    return occurrencesOver(textDecoder.decode(bytes), "&", bytes.length ? 1 : 0, max);
  const boundary = type?.essence === "multipart/form-data" ? type.parameters.get("boundary") : undefined;
  // Without a boundary there are no parts to count: the form parser refuses the body.
  return boundary ? occurrencesOver(textDecoder.decode(bytes), `--${boundary}`, -1, max) : false;
}

const textDecoder = new TextDecoder();

/** Whether `from` plus the occurrences of `needle` in `text` (without overlaps) exceed `max`; stops at the first one over. */
function occurrencesOver(text: string, needle: string, from: number, max: number): boolean {
  let count = from;
  for (let at = text.indexOf(needle); count <= max && at >= 0; at = text.indexOf(needle, at + needle.length)) count++;
  return count > max;
}
