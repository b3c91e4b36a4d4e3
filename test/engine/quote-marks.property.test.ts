import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildAutomaton, foldLiteral, scanText } from "../../src/engine/match";
import { decodedQuotesVariant, QUOTE_MARKS } from "../../src/engine/match/decoded-quotes";
import { lineStartsOf } from "../../src/engine/match/line-starts";

// Issue #12: the lines an export quoted are those the matcher's one pass marks (it reads text case folded, without CRs
// and backslashes, so it marks more lines than hold a mark), each then read for the mark as written, not found by a search
// of the whole text per mark. The variant must be the one those searches give, the cap on lines included.
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
);
const text = fc.array(piece, { maxLength: 24 }).map((ps) => ps.join(""));

describe("export-quoted lines found by the matcher's pass", () => {
  it("are the lines a search of the text finds", () => {
    fc.assert(
      fc.property(text, (t) => {
        const starts = lineStartsOf(t);
        expect(decodedQuotesVariant(t, starts, passMarks(t))).toEqual(decodedQuotesVariant(t, starts));
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
});
