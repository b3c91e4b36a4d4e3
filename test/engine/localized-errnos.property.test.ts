import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ERRNO_TRANSLATIONS } from "../../src/engine/match/errno-translations";
import { englishErrnos, translatedErrnoOffsets } from "../../src/engine/match/localized-errnos";

// Review 69s (issue #12): the translated-errno search states, in a lookahead, the character the 517 alternatives start
// with, so that the ~30,000 colons of a 1 MB journal fail at once. It must find and write back exactly what the bare
// alternation (review 68b F1) does.
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const bare = new RegExp(
  `([:：] ?)(${ERRNO_TRANSLATIONS.map(([t]) => t)
    .sort((a, b) => b.length - a.length)
    .map(literal)
    .join("|")})`,
  "g",
);
const english = new Map(ERRNO_TRANSLATIONS);

const piece = fc.oneof(
  fc.constantFrom(...ERRNO_TRANSLATIONS.map(([t]) => t)),
  fc.constantFrom(...ERRNO_TRANSLATIONS.map(([t]) => t.slice(0, 3))),
  fc.constantFrom(":", "：", ": ", "：", " ", "\n", "15:22:30", "kernel: ", "No such file", "é", "-", "]", "^", "\\"),
  fc.string({ maxLength: 4 }),
);
const text = fc.array(piece, { maxLength: 16 }).map((ps) => ps.join(""));

describe("translated errno texts", () => {
  it("are found and written back as the bare alternation does", () => {
    fc.assert(
      fc.property(text, (t) => {
        expect([...translatedErrnoOffsets(t)]).toEqual([...t.matchAll(bare)].map((m) => m.index));
        expect(englishErrnos(t)).toBe(
          t.replace(bare, (_, colon: string, x: string) => `${colon === "：" ? ": " : colon}${english.get(x) ?? x}`),
        );
      }),
      { numRuns: 2000 },
    );
  });
});
