import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CompiledContext,
  type ContextInput,
  compileContexts,
  contextRefuted,
  contextShown,
  type FoundLiterals,
} from "../../src/engine/context";
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
  // Other records' evidence and refutations, long enough for a paste cut over lines to run them across a break.
  "Linux version 6.6.12-generic",
  "Kernel Version: 3.10.0-1160.el7.x86_64",
  "Using iptables Proxier.",
  "Modules linked in: ip_vs nf_conntrack",
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
    return pass.lineStarts && pass.probes ? { ...pass.probes, lineStarts: pass.lineStarts } : null;
  };

  // A paste cut at a terminal's width, so that the matcher rebuilds messages that ran across a break (cut-lines.ts).
  const cut = fc
    .tuple(fc.array(fc.constantFrom(...WORDS), { minLength: 8, maxLength: 40 }), fc.integer({ min: 60, max: 90 }))
    .map(([ws, width]) => {
      const joined = ws.join(" ");
      const lines: string[] = [];
      for (let at = 0; at < joined.length; at += width) lines.push(joined.slice(at, at + width));
      return lines.join("\n");
    });

  it("answers the same from the matcher's pass as from a search of its own, a line the window cuts included", () => {
    // The window is the logs' first 256 KB: padding puts the generated lines around its end.
    const padding = fc
      .integer({ min: 256 * 1024 - 300, max: 256 * 1024 + 10 })
      .map((n) => `${"x".repeat(79)}\n`.repeat(Math.ceil(n / 80)).slice(0, n));
    fc.assert(
      fc.property(fc.oneof(fc.constant(""), padding), fc.oneof(text, cut), fc.array(fc.nat(12), { maxLength: 3 }), (pad, tail, matched) => {
        const logs = pad + tail;
        const found = foundBy(logs);
        if (!found) return;
        const lines = new Set(matched.map((m) => m + logs.slice(0, pad.length).split("\n").length - 1));
        // One input for every record's check, as a diagnosis shares its window (ContextInput.window) among them.
        const fromPass: ContextInput = { others: [], logs, found };
        const searched: ContextInput = { others: [], logs };
        for (const c of contexts.values()) {
          expect(contextShown(c, fromPass, lines)).toBe(contextShown(c, searched, lines));
          expect(contextRefuted(c, fromPass, () => true)).toEqual(contextRefuted(c, searched, () => true));
        }
        // The same literals on the same lines, in the same order: the pass reads each line as the search does (a message
        // it rebuilt from a cut is on no line a pattern reads), and a record's check reads only those lines.
        const [a, b] = [fromPass.window, searched.window];
        if (!a || !b) return;
        expect(a.present).toEqual(b.present);
        expect(a.linesOf).toEqual(b.linesOf);
      }),
      { numRuns: 150 },
    );
  });
});
