/** Cuts text to at most `max` characters, ending with an ellipsis when it had to cut. */
export function clamp(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/** Unverified notes shown per finding; the record page has the rest. */
export const SHOWN_UNVERIFIED = 3;

/** The first unverified notes, each through `note`, then a count of the rest. */
export function unverifiedLines(notes: readonly string[], note: (text: string) => string): string[] {
  const shown = notes.slice(0, SHOWN_UNVERIFIED).map(note);
  const more = notes.length - SHOWN_UNVERIFIED;
  if (more > 0) shown.push(`…and ${plural(more, "more unverified note")} in the record.`);
  return shown;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** A feedback button's payload: which answer the vote is about. Never any pasted text. */
export interface FeedbackRef {
  kbVersion: string;
  findingId: string;
  verdict: string;
}
