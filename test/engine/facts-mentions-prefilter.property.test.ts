import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MENTION_MARKERS } from "../../src/engine/facts";
import { type MentionLines, sortMentions } from "../../src/engine/facts/mentions";
import { compileMatcher, foldLiteral } from "../../src/engine/match";

// sortMentions only searches a line for the markers the one-pass matcher saw on it. It must sort the
// lines as searching every marker does: the matcher sees at least the markers the lower-cased line holds.
const matcher = compileMatcher(MENTION_MARKERS.map((pattern, i) => ({ key: String(i), kind: "literal", pattern, caseSensitive: false })));
const withMarkers = (text: string, line: number) => ({
  text,
  line,
  markers: new Set(matcher.scan(text).map((h) => MENTION_MARKERS[Number(h.key)] as string)),
});

const PIECES = [
  ...MENTION_MARKERS.slice(0, 40),
  "Kernel ",
  "DOCKER v",
  "kubelet\\ version",
  "Linux\r version ",
  "LİNUX VERSION ",
  "\u212aernel ",
  "tainted",
  "Server Version: ",
  "containerd 1.7",
  "Ubuntu 24.04",
  "CENTOS7",
  "amazon linux ",
  "é",
  " ",
  "x",
];
const line = fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map((ps) => ps.join(""));

describe("mention prefilter", () => {
  it("keeps to markers the matcher reads as toLowerCase does", () => {
    // Lower-case ASCII as folded, and none ending in the "i" that "İ" lowers to (with a combining dot).
    for (const m of MENTION_MARKERS) {
      expect(foldLiteral(m)).toBe(m);
      expect(m.endsWith("i")).toBe(false);
    }
  });

  it("sorts lines as searching every marker does", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (texts) => {
        const plain = texts.map((text, i) => ({ text, line: i + 1 }));
        const scanned = texts.map((text, i) => withMarkers(text, i + 1));
        const lines = (m: MentionLines) => [m.kernel, m.os, m.components, m.named, m.releases].map((ls) => ls.map((l) => l.line));
        expect(lines(sortMentions(scanned))).toEqual(lines(sortMentions(plain)));
      }),
      { numRuns: 1000 },
    );
  });
});
