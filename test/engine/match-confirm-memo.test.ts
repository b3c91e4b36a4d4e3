import { describe, expect, it } from "vitest";
import { compileMatcher } from "../../src/engine/match";

// Regex confirmations are remembered per message within one scan; a flood of one error must still give
// exactly the hits a fresh test of every line gives, whichever view (raw line or message) matches.
describe("regex confirmation over a flood of repeated messages", () => {
  const matcher = compileMatcher([
    {
      key: "framed/only",
      kind: "regex",
      pattern: "^Nov 1\\d \\S+ \\S+ kubelet\\[\\d+\\]: volume busy on /dev/sd[a-z]$",
      caseSensitive: false,
    },
    { key: "message/only", kind: "regex", pattern: "^volume busy on /dev/sd[a-z]$", caseSensitive: false },
    { key: "never", kind: "regex", pattern: "volume busy on /dev/nvme\\d", caseSensitive: false },
  ]);

  it("finds every line of the flood, framed or not, and no line twice", () => {
    const lines: string[] = [];
    for (let i = 0; i < 300; i++) {
      const t = `Nov 1${i % 10} 10:${String(i % 60).padStart(2, "0")}:00 node-${i % 7}`;
      lines.push(i % 3 === 0 ? "volume busy on /dev/sdb" : `${t} kubelet[${100 + i}]: volume busy on /dev/sd${"abc"[i % 3]}`);
    }
    const hits = matcher.scan(lines.join("\n"));
    const byKey = (key: string) => hits.filter((h) => h.key === key).map((h) => h.line);
    const all = lines.map((_, i) => i + 1);
    expect(byKey("message/only")).toEqual(all);
    expect(byKey("framed/only")).toEqual(all.filter((n) => (n - 1) % 3 !== 0));
    expect(byKey("never")).toEqual([]);
  });
});
