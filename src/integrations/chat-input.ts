/** Inputs beyond this are cut (at a line end) and the answer says so: a chat paste, not a bundle upload. */
export const MAX_INPUT_CHARS = 20_000;

export interface ChatInput {
  text: string;
  truncated: { keptChars: number; totalChars: number } | null;
}

/**
 * The text a person pasted, as the engine should see it: code fences removed, trimmed, and cut to
 * MAX_INPUT_CHARS at a line end (keeping the start, where `uname -a` and os-release usually sit).
 */
export function chatInput(raw: string): ChatInput {
  const text = stripFences(raw).trim();
  if (text.length <= MAX_INPUT_CHARS) return { text, truncated: null };
  const cut = text.lastIndexOf("\n", MAX_INPUT_CHARS);
  const kept = text.slice(0, cut > MAX_INPUT_CHARS / 2 ? cut : MAX_INPUT_CHARS).trimEnd();
  return { text: kept, truncated: { keptChars: kept.length, totalChars: text.length } };
}

function stripFences(text: string): string {
  return text.replace(/^[ \t]*```[a-z]*[ \t]*$/gim, "").replace(/```/g, "\n");
}

/**
 * Slack sends message and command text with `&`, `<` and `>` escaped and links as `<url|label>`; the
 * engine needs the characters the log had (`err=<` in klog blocks, say).
 */
export function slackToPlain(text: string): string {
  // Neither part of a link holds "<" (Slack escapes it), so an unclosed "<http:…|" fails at the next "<":
  // with [^>] the match ran on to the text's end from every one of them (40k characters: 0.4 s).
  return text
    .replace(/<((?:https?|mailto):[^<>|\s]+)\|([^<>]+)>/g, "$2")
    .replace(/<((?:https?|mailto):[^<>\s]+)>/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
