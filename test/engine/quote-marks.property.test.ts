import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildAutomaton, foldLiteral, scanText } from "../../src/engine/match";
import { decodedQuotesVariant, QUOTE_MARKS } from "../../src/engine/match/decoded-quotes";
import { ERRNO_TRANSLATIONS } from "../../src/engine/match/errno-translations";
import { lineStartsOf } from "../../src/engine/match/line-starts";

// Issue #12: the lines an export quoted are those the matcher's one pass marks (it reads text case folded, without CRs
// and backslashes, so it marks more lines than hold a mark), each then read for the mark as written, not found by a search
// of the whole text per mark; and a translated errno is looked for only on the lines holding a character outside ASCII,
// the only ones it can change, where the cap on lines cannot be reached. The variant must be the one the searches of the
// whole text give, the cap included.
const automaton = buildAutomaton(QUOTE_MARKS.map(foldLiteral));
function passMarks(text: string): Uint8Array {
  const found = scanText(automaton, text);
  const marks = new Uint8Array(found.lines);
  found.pattern.forEach((p, k) => {
    const line = found.line[k] as number;
    marks[line] = (marks[line] as number) | (1 << p);
  });
  return marks;
}

const piece = fc.constantFrom(
  '""',
  '"\\"',
  '"\r"',
  '"',
  "\\u003c",
  "\\u003E",
  "\\\\u0026",
  "u00",
  "\\u",
  "apparmor=",
  "APPARMOR=",
  "apparmor=DENIED",
  'apparmor="DENIED"',
  "AppArmor=",
  "apparmor\\=",
  "operation=capable",
  " profile=cri-containerd.apparmor.d",
  ",",
  "2024-11-13 16:15:07.931,",
  '"unknown option ""--xor-mark"""',
  " ",
  "\n",
  "\r\n",
  "\\",
  "x",
  "没有那个文件或目录",
  ": Keine Berechtigung",
  ": ",
  ":",
  "：",
  "é",
);
const translation = fc.constantFrom(...ERRNO_TRANSLATIONS.map(([t]) => t));
// Spread over plain lines too: a translated errno is looked for line by line where few lines may hold one (else in one search).
const text = fc
  .tuple(fc.array(fc.oneof(piece, translation), { maxLength: 24 }), fc.boolean())
  .map(([ps, spread]) => (spread ? ps.join("").replaceAll("\n", `\n${"plain line\n".repeat(10)}`) : ps.join("")));

describe("export-quoted lines found by the matcher's pass", () => {
  it("are the lines a search of the text finds", () => {
    fc.assert(
      fc.property(text, (t) => {
        const starts = lineStartsOf(t);
        const variant = decodedQuotesVariant(t, starts, passMarks(t));
        expect(variant).toEqual(decodedQuotesVariant(t, starts));
        // Without the line starts, every mark and translated errno is found by a search of the whole text.
        expect(variant).toEqual(decodedQuotesVariant(t));
      }),
      { numRuns: 3000 },
    );
  });

  it("stop at the same line where a paste holds more marked lines than are read", () => {
    const lines: string[] = [];
    for (let i = 0; i < 36_000; i++) {
      lines.push(
        i % 3 === 0 ? `"\\" not doubled ${i}` : i % 3 === 1 ? `x,"say ""hi"" ${i}"` : `type=AVC apparmor=DENIED operation=open name=/f${i}`,
      );
    }
    const t = lines.join("\n");
    const starts = lineStartsOf(t);
    const variant = decodedQuotesVariant(t, starts, passMarks(t));
    expect(variant?.origin.length).toBe(20_000);
    expect(variant).toEqual(decodedQuotesVariant(t, starts));
  });

  it("count the lines an errno written in ASCII alone is on towards the cap, as the search did", () => {
    // Such a line is not written back (only a line holding a character outside ASCII can be), but it took a place under the cap.
    const ascii = Array.from({ length: 19_990 }, (_, i) => `x${i}: Is een map`);
    const chinese = Array.from({ length: 30 }, (_, i) => `y${i}: 没有那个文件或目录`);
    const t = [...ascii, ...chinese].join("\n");
    const starts = lineStartsOf(t);
    const variant = decodedQuotesVariant(t, starts, passMarks(t));
    expect(variant?.origin.length).toBe(10);
    expect(variant).toEqual(decodedQuotesVariant(t, starts));
  });
});
