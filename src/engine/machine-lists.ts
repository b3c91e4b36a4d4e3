/** How many machines a sentence names before "and N more": a reason, a root cause, a placement line. */
export const NAMED_MACHINES = 4;

/**
 * Machines named in a sentence, the first few and "and N more": a paste may name thousands (review 33e: a 29,000-character
 * reason; review 70b F5: 62 printers in a verdict's reason pushed the "shown on" and "next to fail" lines out of the chat
 * answer's clamped section). `word` joins them ("or" for machines one of which it is).
 */
export const namesOfHosts = (names: readonly string[], shown = NAMED_MACHINES, word = "and") =>
  names.length > shown ? `${names.slice(0, shown).join(", ")} and ${names.length - shown} more` : names.join(` ${word} `);
