import { describe, expect, it } from "vitest";
import { diagnoseFields } from "../../src/engine/diagnose";
import { loadDataKb } from "../support/data-kb";

// Look-alike bugs must be told apart: no positive example of one may rank the other first.
const PAIRS: Array<[string, string]> = [
  ["iptables-legacy-nft-mixed-backends", "xt-mark-ipv6-typo-2024"],
  ["kube-proxy-ipvs-prereqs-missing", "kube-proxy-ipvs-kernel-modules-missing"],
  ["nf-conntrack-table-full", "conntrack-udp-dns-race-5s"],
];

const kb = await loadDataKb();

describe.each(PAIRS)("%s and %s", (a, b) => {
  for (const [self, other] of [
    [a, b],
    [b, a],
  ] as const) {
    it(`no positive example of ${self} ranks ${other} first`, () => {
      const record = kb.records.find((r) => r.id === self);
      const positives = record?.examples.filter((e) => e.expect !== "absent") ?? [];
      expect(positives.length).toBeGreaterThanOrEqual(2);
      for (const e of positives) {
        const d = diagnoseFields(kb.compiled, { uname: e.uname, osRelease: e.osRelease, nodes: e.nodes, logs: e.log });
        expect(d.findings[0]?.id, e.title).not.toBe(other);
      }
    });
  }
});

// Co-occurring bugs: when two related records both match one log, the records' relations decide the
// order (a masked bug before the complaint that hid it, a cause before its consequence) and both
// findings say how they relate.
const ordered = kb.compiled.relations.filter((r) => r.kind !== "confused-with");
const firstPositive = (id: string) => kb.records.find((r) => r.id === id)?.examples.find((e) => e.expect !== "absent");

describe("co-occurring related bugs", () => {
  it("has at least one ordering relation to test", () => {
    expect(ordered.length).toBeGreaterThan(0);
  });

  for (const rel of ordered) {
    const [first, then] = rel.kind === "explains" ? [rel.from, rel.to] : [rel.to, rel.from];
    it(`${rel.from} ${rel.kind} ${rel.to}: ${first} ranks before ${then} when both show`, () => {
      const a = firstPositive(rel.from);
      const b = firstPositive(rel.to);
      for (const logs of [`${a?.log}\n${b?.log}`, `${b?.log}\n${a?.log}`]) {
        const d = diagnoseFields(kb.compiled, { logs });
        const ids = d.findings.map((f) => f.id);
        expect(ids).toContain(first);
        expect(ids).toContain(then);
        expect(ids.indexOf(first)).toBeLessThan(ids.indexOf(then));
        expect(d.findings.find((f) => f.id === then)?.related?.map((r) => r.id)).toContain(first);
      }
    });
  }

  it("names look-alikes on both findings when both match", () => {
    const rel = kb.compiled.relations.find((r) => r.kind === "confused-with" && r.from === "kube-proxy-ipvs-kernel-modules-missing");
    expect(rel).toBeDefined();
    const logs = `${firstPositive(rel?.from ?? "")?.log}\n${firstPositive(rel?.to ?? "")?.log}`;
    const d = diagnoseFields(kb.compiled, { logs });
    for (const [self, other] of [
      [rel?.from, rel?.to],
      [rel?.to, rel?.from],
    ]) {
      expect(d.findings.find((f) => f.id === self)?.related).toContainEqual(expect.objectContaining({ id: other, kind: "confused-with" }));
    }
  });
});
