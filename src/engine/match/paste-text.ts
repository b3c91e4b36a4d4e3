/**
 * A paste as the engine reads it: what copying a log through terminals, documents and web pages does to its characters,
 * undone line for line, so that line numbers stay the user's (review 39a: each of these lost or lowered findings, and the
 * evidence shown kept the codes):
 * - ANSI colour and cursor codes, and a byte-order mark;
 * - non-breaking, thin and other fixed-width spaces, as rich-text views (Outlook, Teams, Confluence) and HTML pages copy
 *   them, and zero-width ones (Slack, Teams, Word);
 * - typographic quotes, as smart punctuation in a document the log passed through writes them;
 * - the HTML entities a page's source, an HTML console or JUnit XML shows for quotes, brackets and ampersands;
 * - bidirectional format characters (marks, embeddings, overrides, isolates), which a page in a right-to-left script
 *   copies and which no log means: shown back, an override in a node's or system's name reversed the engine's own
 *   words after it on the page and in chat (review 62d F1);
 * - a classic-Mac file's bare CR line ends (a paste without any LF but perhaps a last one).
 */
import { BIDI_CONTROLS } from "../bidi-controls";
import { ANSI } from "./normalize-line";

/**
 * The characters to undo, looked for with one regex (0.6-0.9 ms per MB: `includes` of a character above U+00FF scans at
 * ~0.7 ms per MB each on Node 22, 7 ms for all of them), and the entities, tried only where an ampersand is. Undone in
 * one pass too: each pass copies the paste, and a fresh 1 MB string costs ~8 ms here (its pages are new memory).
 */
const CHARACTERS = [
  "\x1b",
  "\ufeff",
  "\u00a0",
  "\u2007",
  "\u202f",
  "\u2009",
  "\u200a",
  "\u200b",
  "\u200c",
  "\u200d",
  "\u2060",
  ...BIDI_CONTROLS,
  "\u2018",
  "\u2019",
  "\u201c",
  "\u201d",
];
const DAMAGE = new RegExp(`[${CHARACTERS.join("")}]`, "g");
/**
 * Every damaged character but ESC lies outside ASCII: a paste of ASCII alone (most logs) holds none, which a search for any
 * character outside ASCII tells at half the cost of the class above (issue #12: 0.3 against 0.8 ms per MB); from the first
 * one found on, the class decides.
 */
const NON_ASCII = /[\u0080-\uffff]/;
function damaged(text: string): boolean {
  const from = text.includes("\x1b") ? 0 : text.search(NON_ASCII);
  if (from < 0) return false;
  DAMAGE.lastIndex = from;
  const found = DAMAGE.test(text);
  DAMAGE.lastIndex = 0;
  return found;
}
/** The entities undone, one definition for the search (sticky, at an ampersand) and the replacement. */
const ENTITY_SOURCE = "&(quot|apos|amp|lt|gt|#0*39|#[xX]0*27);";
const ENTITY_AT = new RegExp(ENTITY_SOURCE, "y");
function hasEntity(text: string): boolean {
  for (let at = text.indexOf("&"); at !== -1; at = text.indexOf("&", at + 1)) {
    ENTITY_AT.lastIndex = at;
    if (ENTITY_AT.test(text)) return true;
  }
  return false;
}
/**
 * Every damage but the entities, undone in one pass (a pass per kind made a copy of the paste each). ANSI sequences are
 * read whole, so no part of one is read as another kind.
 */
const UNDONE = new RegExp(`${ANSI.source}|[${CHARACTERS.filter((c) => c !== "\x1b").join("")}]`, "g");
/** What each damaged character becomes; zero-width (Slack, Teams, Word put them in) and bidirectional ones and ANSI sequences, nothing. */
function undone(c: string): string {
  switch (c) {
    case "\u00a0":
    case "\u2007":
    case "\u202f":
    case "\u2009":
    case "\u200a":
      return " ";
    case "\u2018":
    case "\u2019":
      return "'";
    case "\u201c":
    case "\u201d":
      return '"';
    default:
      return "";
  }
}

const ENTITY = new RegExp(ENTITY_SOURCE, "g");
const ENTITIES: Record<string, string> = { quot: '"', apos: "'", amp: "&", lt: "<", gt: ">" };

export function pasteText(text: string): string {
  // A text with CR line ends only (perhaps one final line feed an editor added) is one line to every reader otherwise.
  const lf = text.indexOf("\n");
  const lines = (lf === -1 || lf >= text.length - 1) && text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
  const damage = damaged(lines);
  if (!damage && !hasEntity(lines)) return lines;
  // Entities last, on what the characters left (a zero-width space inside `&quot;` hid it until then).
  const characters = damage ? lines.replace(UNDONE, undone) : lines;
  return hasEntity(characters) ? characters.replace(ENTITY, (_, name: string) => ENTITIES[name] ?? "'") : characters;
}
