import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CONTEXT_PROBE } from "../../src/engine/compile-kb";
import { type CompiledContext, type ContextInput, compileContexts, contextShown, type FoundLiterals } from "../../src/engine/context";
import { loadDataKb } from "../support/data-kb";

// contextShown runs RE2 only on lines that hold an evidence pattern's required literals, as RE2's case folding reads
// them (non-ASCII lines included: review 70c F2). It must answer as RE2 on every line does.
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
  // The long s, which RE2 folds to s and lower-casing does not: "raſpberry" is RE2's "raspberry".
  "\u017f",
  "Raſpberry Pi",
  "raſpbian",
  "\u212aindest/node",
  // Other records' context words.
  'VERSION_ID="24.04"',
  "Ubuntu 24.04",
  "mode: ipvs",
  "kindest/node",
  "metacopy=on",
  "apparmor_parser version 4.0.1",
  // Review 72a's: images, mounts, tools, and a sysctl's reading at the start of a line.
  "alpine:3.14",
  "bookworm",
  "Operation not permitted",
  "--tmpfs",
  "type=tmpfs",
  "podman",
  "rootless",
  "user namespaces",
  "vm.max_map_count = 262144",
  "vm.max_map_count = 65530",
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

  // What diagnose hands over: the literals the matcher's one pass found (null when it read the text without ANSI escapes).
  const foundBy = (logs: string): FoundLiterals | null => {
    const pass = kb.compiled.matcher.scanMarked(logs);
    if (!pass.lineStarts) return null;
    const prefix = `${CONTEXT_PROBE}/`;
    const hits = pass.hits
      .filter((h) => h.key.startsWith(prefix))
      .map((h) => ({ literal: Number(h.key.slice(prefix.length)), line: h.line - 1 }));
    return { hits, lineStarts: pass.lineStarts };
  };

  it("answers the same from the matcher's pass as from a search of its own, a line the window cuts included", () => {
    // The window is the logs' first 256 KB: padding puts the generated lines around its end.
    const padding = fc
      .integer({ min: 256 * 1024 - 300, max: 256 * 1024 + 10 })
      .map((n) => `${"x".repeat(79)}\n`.repeat(Math.ceil(n / 80)).slice(0, n));
    fc.assert(
      fc.property(fc.oneof(fc.constant(""), padding), text, fc.array(fc.nat(12), { maxLength: 3 }), (pad, tail, matched) => {
        const logs = pad + tail;
        const found = foundBy(logs);
        if (!found) return;
        const lines = new Set(matched.map((m) => m + logs.slice(0, pad.length).split("\n").length - 1));
        // One input for every record's check, as a diagnosis shares its window (ContextInput.window) among them.
        const fromPass: ContextInput = { others: [], logs, found };
        const searched: ContextInput = { others: [], logs };
        for (const c of contexts.values()) expect(contextShown(c, fromPass, lines)).toBe(contextShown(c, searched, lines));
        // Every literal on every line the search finds; the pass may find more (on a line the window cuts,
        // past the cut; in a wrapped message it rebuilt, on its first line), which only widens the prefilter.
        const [a, b] = [fromPass.window, searched.window];
        if (!a || !b) return;
        for (const l of b.present) expect(a.present.has(l)).toBe(true);
        // Each literal on each of its lines too: a record's check reads only the lines holding its own literals.
        for (const [literal, at] of b.linesOf) for (const l of at) expect(a.linesOf.get(literal)).toContain(l);
      }),
      { numRuns: 150 },
    );
  });
});
