/**
 * A contrast between two kernels in one line: "It works on kernel 6.1.55, but fails on kernel 6.6.58", "Mount failed on
 * kernel 6.6.58. But it works on kernel 6.1.55". The cure's release alone leaves no sentence to decide which kernel
 * failed (kernel-mentions.ts: the host ran both); beside it, a release the failure is stated against decides: it is
 * the failing host's, and the one where things work is not.
 */
import { OTHER_PEOPLE, proseRelease, proseRole } from "./kernel-prose";

/**
 * A failure's words right before a release ("fails on", "crashed with", "is broken on", "doesn't work under"), not denied
 * ("no longer fails on", "never crashed with", "doesn't fail on": those are a cure's words).
 */
const FAILED_BEFORE =
  /(?<!\b(?:not|never|longer|no)\s+|n['\u2019]t\s+)\b(?:fails?|failed|failing|breaks|broke|(?:is|was|are|were)\s+broken|crash(?:es|ed)?|panics?|panicked|hangs|hung|(?:does\s+not|doesn['\u2019]t|did\s+not|didn['\u2019]t|stopped|stops)\s+work(?:ing)?)(?:\s+(?:again|only|still|now|always))?\s+(?:on|with|under|in)\s+(?:the\s+)?(?:linux\s+)?$/i;
/** A question about the release ("Does it also fail on kernel 6.6.58?") states no failure. */
// The release's match may have taken the question mark ("kernel 6.6.58?").
const asks = (text: string, m: RegExpMatchArray) => m[0].endsWith("?") || /^[^.!?\n]*\?/.test(text.slice((m.index ?? 0) + m[0].length));
/**
 * Words anywhere before the failing release that retell someone else's report ("Someone on the list wrote that it works on
 * … but fails on …", "According to jepio it fails on …", "The Flatcar issue says …"): the failure is theirs, not the
 * host's (review 73i F5: the subject's scan stopped at the dots inside the first release).
 */
const RETOLD_BEFORE = new RegExp(String.raw`\b(?:${OTHER_PEOPLE}|wrote|writes|says|said|according to|claims?|claimed|mentioned)\b`, "i");
/** How far before a release its failure's words are read. */
const REACH = 48;

/**
 * The release a line states the failure against beside one where the trouble is absent, or null: not for a line with
 * no cure's release (a release alone is read as the host's already), nor for one with two failing releases.
 */
export function failedBesideCure(text: string, matches: readonly RegExpMatchArray[]): RegExpMatchArray | null {
  let failed: RegExpMatchArray | null = null;
  let cure = false;
  for (const m of matches) {
    const role = proseRole(text, m);
    if (role === "cure") cure = true;
    else if (
      role === "host" &&
      FAILED_BEFORE.test(text.slice(Math.max(0, (m.index ?? 0) - REACH), m.index ?? 0)) &&
      !asks(text, m) &&
      !RETOLD_BEFORE.test(text.slice(0, m.index ?? 0))
    ) {
      if (failed && proseRelease(failed) !== proseRelease(m)) return null;
      failed = m;
    }
  }
  return cure ? failed : null;
}
