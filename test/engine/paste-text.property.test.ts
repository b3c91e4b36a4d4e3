import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BIDI_CONTROLS } from "../../src/engine/bidi-controls";
import { pasteText } from "../../src/engine/match";

// A paste's copied damage (fixed-width, zero-width and bidirectional characters, typographic quotes, a byte-order mark) is
// undone wherever it is. Issue #12: a paste is first searched for ESC or any character outside ASCII, and the damaged
// characters only from the first of those on; none may be missed, whatever comes before it.
const DAMAGE = ["\ufeff", "\u00a0", "\u2007", "\u202f", "\u2009", "\u200a", "\u200b", "\u200c", "\u200d", "\u2060", ...BIDI_CONTROLS];
const QUOTES = ["\u2018", "\u2019", "\u201c", "\u201d"];
const piece = fc.oneof(
  fc.constantFrom(...DAMAGE, ...QUOTES),
  fc.constantFrom("kubelet", " ", "\n", "\r\n", "\x1b", "\x1b[31m", "\x1b[0m", "é", "没有那个文件或目录", "—", "&quot;", "&amp;", "K"),
  fc.string({ maxLength: 3 }),
);
const paste = fc.array(piece, { maxLength: 20 }).map((ps) => ps.join(""));

describe("a paste's copied damage", () => {
  it("is undone wherever it is", () => {
    fc.assert(
      fc.property(paste, (p) => {
        const out = pasteText(p);
        for (const c of DAMAGE) expect(out).not.toContain(c);
        for (const c of QUOTES) expect(out).not.toContain(c);
      }),
      { numRuns: 3000 },
    );
  });
});
