import { MAX_DIAGNOSE_LIMIT } from "../engine/diagnose-input";
import type { Diagnosis, Finding } from "../engine/diagnosis";
import { shownLogLines } from "../engine/record-hits";
import { ANSWER_CAPS } from "../http/limits";

/** What an answer left out, so a reader knows the list they see is not the whole list. */
export interface Truncation {
  /** "nodes", or "evidence of <finding id>". */
  what: string;
  shown: number;
  total: number;
  note: string;
}

export interface ServedDiagnosis extends Diagnosis {
  truncated?: Truncation[];
}

/**
 * Bounds the size of an answer: a fleet of thousands of nodes or a finding judged node by node
 * would otherwise answer with tens of megabytes. The nodes that matter (outliers, nodes with
 * findings) are kept first; counts of what was left out are reported in `truncated`.
 */
export function capDiagnosis(d: Diagnosis, caps: { nodes: number; evidencePerFinding: number } = ANSWER_CAPS): ServedDiagnosis {
  const truncated: Truncation[] = [];
  let { nodes, facts } = d;
  if (d.nodes.length > caps.nodes) {
    const weight = (n: Diagnosis["nodes"][number]) => (n.outlier ? 2 : 0) + (n.findings.length ? 1 : 0);
    const kept = d.nodes
      .map((n, i) => ({ n, i, w: weight(n) }))
      .sort((a, b) => b.w - a.w || a.i - b.i)
      .slice(0, caps.nodes)
      .sort((a, b) => a.i - b.i)
      .map((x) => x.n);
    const names = new Set(kept.map((n) => n.name));
    nodes = kept;
    facts = { ...facts, nodes: facts.nodes.filter((n) => names.has(n.name)) };
    truncated.push({
      what: "nodes",
      shown: kept.length,
      total: d.nodes.length,
      note: `${d.nodes.length - kept.length} of ${d.nodes.length} nodes not shown (outliers and nodes with findings first).`,
    });
  } else if (facts.nodes.length > caps.nodes) {
    facts = { ...facts, nodes: facts.nodes.slice(0, caps.nodes) };
    truncated.push({
      what: "nodes",
      shown: caps.nodes,
      total: d.facts.nodes.length,
      note: `${d.facts.nodes.length - caps.nodes} of ${d.facts.nodes.length} nodes not shown.`,
    });
  }
  const capFinding = (f: Finding): Finding => {
    const capped = capEvidence(f);
    const lines = linesLeftOut(capped);
    if (lines) truncated.push(lines);
    return capped;
  };
  const capEvidence = (f: Finding): Finding => {
    if (f.evidence.length <= caps.evidencePerFinding) return f;
    // Log lines first (what the user sees), then version checks, each in their original order.
    const logs = f.evidence.filter((e) => e.kind === "log");
    const versions = f.evidence.filter((e) => e.kind !== "log");
    const logShown = Math.min(logs.length, Math.max(caps.evidencePerFinding - Math.min(versions.length, caps.evidencePerFinding / 2), 0));
    const evidence = [...logs.slice(0, logShown), ...deciding(f, versions, caps.evidencePerFinding - logShown)];
    truncated.push({
      what: `evidence of ${f.id}`,
      shown: evidence.length,
      total: f.evidence.length,
      note: `${f.evidence.length - evidence.length} of ${f.evidence.length} evidence entries of ${f.id} not shown (${logs.length - logShown} log entries, ${versions.length - (evidence.length - logShown)} version checks).`,
    });
    return { ...f, evidence };
  };
  // The caller's limit, which the engine applied: the weakest findings and advisories past it (review 60e F4: 20 of 30
  // findings left out without a word, and Discord's headline counted 10).
  for (const [what, left, shown] of [
    ["findings", d.limited?.findings ?? 0, d.findings.length],
    ["advisories", d.limited?.advisories ?? 0, d.advisories.length],
  ] as const)
    if (left)
      truncated.push({
        what,
        shown,
        total: shown + left,
        note: `${left} of ${shown + left} ${what} not shown (${shown === 1 ? "the strongest is" : `the ${shown} strongest are`}; ask for more with limit, up to ${MAX_DIAGNOSE_LIMIT}).`,
      });
  const findings = d.findings.map(capFinding);
  const advisories = d.advisories.map(capFinding);
  if (!truncated.length) return d;
  return { ...d, facts, findings, advisories, nodes, truncated };
}

/**
 * The matched lines a finding does not show: the engine shows a few per signature (review 36a: 2,990 of 3,000 lines,
 * every line of 98 hosts, left out while `truncated` said no log line was).
 */
function linesLeftOut(f: Finding): Truncation | null {
  const shown = shownLogLines(f.evidence);
  const total = Math.max(f.matchedLines ?? 0, shown);
  if (total <= shown) return null;
  return {
    what: `log lines of ${f.id}`,
    shown,
    total,
    note: `${total - shown} of ${total} log lines that ${f.id}'s signatures matched (its evidence keeps five lines per signature${f.hosts ? ", twenty entries across hosts" : ""}).`,
  };
}

/**
 * The version checks an answer keeps when it cannot keep them all: those that gave the verdict's result, then those of
 * the hosts its reason names, then the rest, each in table order (review 33c: the first 38 of a fleet's 60 checks, all
 * "not affected", hid the one node that made the verdict "affected").
 */
function deciding(f: Finding, versions: Finding["evidence"], room: number): Finding["evidence"] {
  const rank = (e: Finding["evidence"][number]) => {
    if (e.kind !== "version") return 2;
    if (e.result === f.verdict.status) return 0;
    return f.verdict.reason.includes(e.subject) ? 1 : 2;
  };
  return versions
    .map((e, i) => ({ e, i, r: rank(e) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .slice(0, Math.max(room, 0))
    .sort((a, b) => a.i - b.i)
    .map((x) => x.e);
}
