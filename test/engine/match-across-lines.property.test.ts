import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildAutomaton, foldLiteral, scanAcrossLines } from "../../src/engine/match/aho-corasick";

// A message cut over lines is found where a literal runs across a line break (cut-lines.ts): the scan
// that finds those must report exactly the literal's occurrences in the text as it reads it, a line
// break dropped ("cut") or read as a space, whatever part of the automaton (dense rows or goto+fail
// edges) the text walks through.

const literalArb = fc.string({ unit: fc.constantFrom(..."abAB :\\".split("")), minLength: 1, maxLength: 6 }).map(foldLiteral);
const textArb = fc.string({ unit: fc.constantFrom(..."abAB :\n\r\\x".split("")), maxLength: 80 });

/** Every occurrence, as `id@end`, found naively in the text as the scan reads it. */
function naive(literals: readonly string[], text: string, mode: "cut" | "space"): string[] {
  let read = "";
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === "\r" || c === "\\" || (c === "\n" && mode === "cut")) continue;
    read += c === "\n" ? " " : c.toLowerCase();
    at.push(i);
  }
  const out: string[] = [];
  literals.forEach((lit, id) => {
    for (let j = read.indexOf(lit); j >= 0; j = read.indexOf(lit, j + 1)) out.push(`${id}@${(at[j + lit.length - 1] as number) + 1}`);
  });
  return out.sort();
}

describe("scanAcrossLines", () => {
  it("reports every literal occurrence in the text read without its line breaks, or with them as spaces", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          literalArb.filter((l) => l.length > 0),
          { minLength: 1, maxLength: 8 },
        ),
        textArb,
        (literals, text) => {
          // All rows dense, none dense, and a few: the goto+fail walk must agree with the table.
          for (const maxDenseBytes of [8 * 1024 * 1024, 1, 64]) {
            const ac = buildAutomaton(literals, maxDenseBytes);
            for (const mode of ["cut", "space"] as const) {
              const found = scanAcrossLines(ac, text, mode);
              const got = found.pattern.map((p, k) => `${p}@${found.end[k]}`).sort();
              expect(got).toEqual(naive(literals, text, mode));
            }
          }
        },
      ),
      { numRuns: 1500 },
    );
  });
});
