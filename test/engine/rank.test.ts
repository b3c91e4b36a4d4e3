import { describe, expect, it } from "vitest";
import { diagnoseBundle } from "../../src/engine/diagnose";
import type { Finding } from "../../src/engine/diagnosis";
import { explainRootCause, rankFindings } from "../../src/engine/score";
import { loadDataKb } from "../support/data-kb";

// Root-cause order on hand-made findings: what matters is the signal's strength, the verdict and the
// records' relations, not the raw score alone.
function finding(
  id: string,
  score: number,
  weight: number,
  status: Finding["verdict"]["status"],
  confidence: Finding["confidence"] = "high",
): Finding {
  return {
    id,
    title: id,
    score,
    confidence,
    verdict: { status, reason: "r", ...(status === "unknown" ? {} : { level: "verified" as const }) },
    evidence: [{ kind: "log", line: 1, text: "t", signature: `${id}-sig`, weight }],
    scoreComponents: { signals: weight, version: 1, verification: 1, matchedSignatures: 1 },
    fix: "f",
    reboot: "depends",
    workarounds: [],
    references: [],
    unverified: [],
  };
}

describe("rankFindings", () => {
  it("puts a decisive signature on an affected version above a higher-scoring generic symptom", () => {
    const generic = finding("generic-symptom", 0.9, 0.6, "unknown");
    const decisive = finding("kernel-bug", 0.8, 0.95, "affected");
    expect(rankFindings([generic, decisive]).map((f) => f.id)).toEqual(["kernel-bug", "generic-symptom"]);
  });

  it("keeps score order when the decisive finding's version is not known to be affected", () => {
    const generic = finding("generic-symptom", 0.9, 0.6, "unknown");
    const decisive = finding("kernel-bug", 0.8, 0.95, "unknown");
    expect(rankFindings([decisive, generic]).map((f) => f.id)).toEqual(["generic-symptom", "kernel-bug"]);
  });

  it("puts a masked bug before the complaint that masks it, unless its version is ruled out", () => {
    const relations = [{ from: "smoke", to: "cause", kind: "masks" as const, note: "n" }];
    const smoke = finding("smoke", 0.9, 0.95, "unknown");
    expect(rankFindings([smoke, finding("cause", 0.8, 0.95, "unknown")], relations).map((f) => f.id)).toEqual(["cause", "smoke"]);
    expect(rankFindings([smoke, finding("cause", 0.5, 0.95, "not-affected", "medium")], relations).map((f) => f.id)).toEqual([
      "smoke",
      "cause",
    ]);
  });

  it("puts a cause before what it explains", () => {
    const relations = [{ from: "cause", to: "consequence", kind: "explains" as const, note: "n" }];
    const ranked = rankFindings(
      [finding("consequence", 0.95, 0.95, "unknown"), finding("cause", 0.6, 0.7, "unknown", "medium")],
      relations,
    );
    expect(ranked.map((f) => f.id)).toEqual(["cause", "consequence"]);
  });

  it("says a look-alike that matched on a decisive line of its own is there too, and when no version decides (review 32d)", () => {
    const top = { ...finding("proxy-removed", 0.9, 0.95, "affected"), related: [] };
    const alike = {
      ...finding("upstream-removed", 0.85, 0.95, "unknown"),
      related: [{ id: "proxy-removed", kind: "confused-with" as const, note: "n" }],
    };
    const others = (f: Finding) => explainRootCause([top, f])?.others[0]?.reason;
    expect(others(alike)).toMatch(/^also present, on a line of its own \(often confused with proxy-removed/);
    const weak = { ...alike, evidence: [{ kind: "log" as const, line: 1, text: "t", signature: "s", weight: 0.5 }] };
    expect(others(weak)).toMatch(/^a look-alike of proxy-removed/);
    expect(others(finding("versionless", 0.85, 0.95, "unknown"))).toMatch(/no version decides it/);
  });

  it("puts every record's cause before what it explains or masks, on the two records' own examples together", async () => {
    // Review 32d: containerd's config error before the kubelet's CRI v1 complaint it causes, the backend mixing before the
    // missing KUBE-MARK-DROP chain, the XFS allocation stall before the reserved sandbox name.
    const kb = await loadDataKb();
    const exampleOf = (id: string) => kb.records.find((r) => r.id === id)?.examples.find((e) => e.expect === "top1")?.log;
    const pairs = kb.records.flatMap((r) =>
      r.relations.flatMap((rel) => (rel.kind === "explains" ? [[r.id, rel.id]] : rel.kind === "masks" ? [[rel.id, r.id]] : [])),
    );
    expect(pairs.length).toBeGreaterThanOrEqual(4);
    for (const [cause = "", consequence = ""] of pairs) {
      const ids = diagnoseBundle(kb.compiled, `${exampleOf(cause)}\n${exampleOf(consequence)}`).findings.map((f) => f.id);
      expect(ids.indexOf(cause), `${cause} in ${ids}`).toBeGreaterThanOrEqual(0);
      expect(ids.indexOf(cause), `${cause} before ${consequence}: ${ids}`).toBeLessThan(ids.indexOf(consequence));
    }
  });

  it("names no root cause when the best finding is low or ruled out", () => {
    expect(explainRootCause([finding("a", 0.3, 0.4, "unknown", "low")])).toBeNull();
    expect(explainRootCause([finding("a", 0.5, 0.95, "not-affected", "medium")])).toBeNull();
    expect(explainRootCause([finding("a", 0.9, 0.95, "affected")])?.reason).toMatch(
      /alone identifies this bug; the version is in the affected range \(verified\)/,
    );
  });
});
