import { describe, expect, it } from "vitest";
import { klogBlockHeadersInText } from "../../src/engine/match/klog-blocks";
import { isKlogHeader, unframe } from "../../src/engine/match/normalize-line";

/** The line-by-line walk the text version replaces (before it, the scan split whole logs into lines for it). */
function reference(lines: readonly string[], maxBlock: number): Map<number, number> {
  const headerOf = new Map<number, number>();
  const closes = (u: string) => u === ">" || u.startsWith("> ");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (!line.includes("=<") || !unframe(line).trimEnd().endsWith("=<")) continue;
    let j = i + 1;
    for (; j < lines.length && j - i <= maxBlock; j++) {
      const u = unframe(lines[j] as string).trimEnd();
      if (closes(u)) {
        headerOf.set(j, i);
        if (u.endsWith("=<")) continue;
        break;
      }
      if (isKlogHeader(lines[j] as string)) {
        j--;
        break;
      }
      headerOf.set(j, i);
    }
    i = j;
  }
  return headerOf;
}

const PIECES = [
  'E1113 16:15:07.931291 1 proxier.go:1481] "Failed to execute iptables-restore" err=<',
  'Nov 13 10:00:00 node kubelet[12]: E1113 10:00:00.000001    12 pod_workers.go:1301] "Error syncing pod" err=<',
  "\texit status 2: ip6tables-restore v1.8.4 (legacy): unknown option",
  "Nov 13 10:00:00 node kubelet[12]: \tfailed to StartContainer",
  " >",
  ' > pod="default/app"',
  " > next=<",
  'Nov 13 10:00:00 node kubelet[12]:  > pod="x"',
  'I1113 16:15:07.931308 1 proxier.go:858] "Sync failed" retryingTime="30s"',
  "a=< not at the end",
  '[   12.345678] E1113 16:15:07.931291 1 proxier.go:1481] "behind dmesg framing"',
  "\t[warn] a bracket, then > inside",
  "plain text line",
  "",
];

describe("klog blocks found in a whole text", () => {
  it("agree with the line-by-line walk on random logs", () => {
    let seed = 12345;
    const rand = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 4294967296;
    };
    for (let trial = 0; trial < 3000; trial++) {
      const lines = Array.from({ length: Math.floor(rand() * 30) }, () => PIECES[Math.floor(rand() * PIECES.length)] as string);
      const expected = [...reference(lines, 2000)];
      expect([...klogBlockHeadersInText(lines.join("\n"))]).toEqual(expected);
      // As the scan calls it: with the line starts its own pass counted.
      expect([...klogBlockHeadersInText(lines.join("\n"), lineStarts(lines))]).toEqual(expected);
    }
  });

  it("stops an unterminated block after 2,000 lines, as the walk does", () => {
    const lines = [PIECES[0] as string, ...Array.from({ length: 2500 }, () => "\tmore"), PIECES[0] as string, "\tx", " >"];
    expect([...klogBlockHeadersInText(lines.join("\n"))]).toEqual([...reference(lines, 2000)]);
    expect([...klogBlockHeadersInText(lines.join("\n"), lineStarts(lines))]).toEqual([...reference(lines, 2000)]);
  });
});

function lineStarts(lines: readonly string[]): number[] {
  const starts = [0];
  for (const l of lines.slice(0, -1)) starts.push((starts.at(-1) as number) + l.length + 1);
  return starts;
}
