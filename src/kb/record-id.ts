/** What a record id looks like: a kebab-case slug ("xt-mark-ipv6-typo-2024", "runc-1.2.0-tun-tap-removed-from-default-devices"). */
export const RECORD_ID = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;
/** The longest id the API takes. */
export const MAX_RECORD_ID = 120;
/** The longest text read as one typed id: an id in quotes, its page's address, closing punctuation. */
const MAX_TYPED_ID = 400;

/**
 * The record id a person typed, when the whole text is one: trimmed, without the backticks or quotes chat formatting
 * adds, in lower case (a phone capitalises its first letter, a ticket's title upper-cases it: review 49b F1), without a
 * sentence's closing punctuation ("see xt-mark-ipv6-typo-2024.") or its record file's path and extension
 * ("data/bugs/xt-mark-ipv6-typo-2024.yaml": review 50b F9). Null where the text has no id's shape.
 */
export function typedRecordId(text: string): string | null {
  // An id with its page's address and some punctuation fits in a few hundred characters; a longer text is none, and the
  // patterns below would cost time growing with the square of a long run of "." or ")" (review 51a F1: 20,000 characters
  // of a chat message held the event loop for 0.4 s).
  if (text.length > MAX_TYPED_ID) return null;
  const id = text
    .trim()
    .replace(/^([`'"])(.*)\1$/s, "$2")
    .trim()
    .replace(/[.,;:!?)]+$/, "")
    .replace(/^(?:\S*\/)?bugs\/([^/\s?#]+?)(?:\.ya?ml)?\/?$/i, "$1")
    .replace(/\.ya?ml$/i, "")
    .toLowerCase();
  return id.length <= MAX_RECORD_ID && RECORD_ID.test(id) ? id : null;
}

/** Words a search may hold an id in, at most: a sentence, not a pasted log. */
const MAX_ID_WORDS = 20;

/**
 * The record ids a search may name: the whole text as one (typedRecordId), else each of its words, as a sentence's
 * ("see br-netfilter-not-loaded.") or a record page's address ("…/bugs/<id>") holds it (review 50i F3). Only ids of
 * real records count, so the caller looks each one up.
 */
export function namedRecordIds(text: string): string[] {
  const whole = typedRecordId(text);
  if (whole) return [whole];
  const words = text.trim().split(/\s+/);
  if (words.length > MAX_ID_WORDS) return [];
  return [...new Set(words.flatMap((w) => typedRecordId(w) ?? []).filter((id) => id.includes("-")))];
}
