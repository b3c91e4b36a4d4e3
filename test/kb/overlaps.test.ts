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
