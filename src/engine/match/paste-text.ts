/**
 * A paste as the engine reads it: what copying a log through terminals, documents and web pages does to its characters,
 * undone line for line, so that line numbers stay the user's (review 39a: each of these lost or lowered findings, and the
 * evidence shown kept the codes):
 * - ANSI colour and cursor codes, and a byte-order mark;
 * - non-breaking, thin and other fixed-width spaces, as rich-text views (Outlook, Teams, Confluence) and HTML pages copy
 *   them, and zero-width ones (Slack, Teams, Word);
 * - typographic quotes, as smart punctuation in a document the log passed through writes them;
 * - the HTML entities a page's source, an HTML console or JUnit XML shows for quotes, brackets and ampersands;
 * - a classic-Mac file's bare CR line ends (a paste without any LF but perhaps a last one).
 */
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
  "\u2018",
  "\u2019",
  "\u201c",
  "\u201d",
];
const DAMAGE = new RegExp(`[${CHARACTERS.join("")}]`);
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
 * Every damage but the entities, undone kind by kind, each pass a fixed replacement and only where its kind occurs: a
 * replacement function costs ~7 ms per MB of a paste with any character above U+00FF (V8 builds its answer piece by
 * piece), a fixed one ~0.6 ms, so a few passes cost less than one with a function. ANSI sequences first and whole, so
 * no part of one is read as another kind; zero-width ones (Slack, Teams, Word put them in) and a byte-order mark go.
 */
const pass = (source: string, by: string) => ({ found: new RegExp(source), all: new RegExp(source, "g"), by });
const PASSES = [
  pass(ANSI.source, ""),
  pass("[\ufeff\u200b\u200c\u200d\u2060]", ""),
  pass("[\u00a0\u2007\u202f\u2009\u200a]", " "),
  pass("[\u2018\u2019]", "'"),
  pass("[\u201c\u201d]", '"'),
];

const ENTITY = new RegExp(ENTITY_SOURCE, "g");
const ENTITIES: Record<string, string> = { quot: '"', apos: "'", amp: "&", lt: "<", gt: ">" };

export function pasteText(text: string): string {
  // A text with CR line ends only (perhaps one final line feed an editor added) is one line to every reader otherwise.
  const lf = text.indexOf("\n");
  const lines = (lf === -1 || lf >= text.length - 1) && text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
  if (!DAMAGE.test(lines) && !hasEntity(lines)) return lines;
  // Entities last, on what the characters left (a zero-width space inside `&quot;` hid it until then).
  const characters = PASSES.reduce((done, { found, all, by }) => (found.test(done) ? done.replace(all, by) : done), lines);
  return hasEntity(characters) ? characters.replace(ENTITY, (_, name: string) => ENTITIES[name] ?? "'") : characters;
}
