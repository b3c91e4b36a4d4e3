import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CompiledContext, compileContexts, contextShown } from "../../src/engine/context";
import { loadDataKb } from "../support/data-kb";

// contextShown runs RE2 only on lines that hold an evidence pattern's required literals (printable
// ASCII lines; others always get RE2). It must answer as RE2 on every line does.
const kb = await loadDataKb();
const contexts = compileContexts(kb.records);
const withoutPrefilter = (c: CompiledContext): CompiledContext => ({ ...c, evidenceLiterals: c.evidenceLiterals.map(() => null) });

const WORDS = [
  "5.10.17-v7l+",
  "6.1.21-v8+",
  "v7+",
  "-v7",
  "rpt-rpi-v8",
  "+rpt-rpi-2712",
  "-raspi",
  "raspi",
  "Raspberry Pi",
  "raspberrypi",
  "RASPBERRY PI",
  "raspbian",
  "raspios",
  "BCM2711",
  "bcm2835",
  "bcm27",
  "Linux",
  "node",
  "cgroup",
  "memory",
  "/boot/cmdline.txt on a Raspberry Pi)",
  "cgroup_memory=1",
  "\\",
  "é",
  "\t",
  "\r",
  "İ",
  "\u212a",
];
const line = fc
  .tuple(fc.array(fc.constantFrom(...WORDS), { maxLength: 8 }), fc.constantFrom(" ", "", "\\"))
  .map(([ws, sep]) => ws.join(sep));
const text = fc.array(line, { maxLength: 12 }).map((ls) => ls.join("\n"));

describe("record context prefilter", () => {
  it("gives the answer RE2 on every line gives", () => {
    expect(contexts.size).toBeGreaterThan(0);
    fc.assert(
      fc.property(text, text, fc.array(fc.nat(12), { maxLength: 3 }), (logs, other, matched) => {
        for (const c of contexts.values()) {
          const input = { others: [other], logs };
          const lines = new Set(matched);
          expect(contextShown(c, input, lines)).toBe(contextShown(withoutPrefilter(c), input, lines));
          expect(contextShown(c, { others: [], logs }, lines)).toBe(contextShown(withoutPrefilter(c), { others: [], logs }, lines));
        }
      }),
      { numRuns: 500 },
    );
  });
});
