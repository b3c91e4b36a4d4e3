/**
 * Where a string may be cut without splitting a character: `at`, or one code unit earlier when `at` falls
 * between the two halves of a surrogate pair (an emoji, a CJK extension character). A lone half left by a cut
 * is no text: `encodeURIComponent` throws on it, and a chat client shows a replacement mark.
 */
export function charBoundary(text: string, at: number): number {
  if (at <= 0 || at >= text.length) return Math.max(0, Math.min(at, text.length));
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff ? at - 1 : at;
}
