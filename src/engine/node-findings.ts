import type { BelowRemoval, Finding, NodeReport, Verdict, VerdictStatus, VersionEvidence } from "./diagnosis";
import { checksOfHosts, type HostVersions } from "./verdict";

/** Each node that printed a finding's lines, by name, with its own answer beside them (printerStanding). */
export type PrinterStanding = ReadonlyMap<string, VerdictStatus>;

/**
 * Each printing node's own answer: the finding's judgement (`judge`, which weighs the symptom the lines show) on that node's
 * own checks alone, as the hosts form judges each host's bundle (review 70b F3: a node whose check is a hedged "not affected",
 * which beside the symptom decides nothing, was "ruled out … look for another cause there" under a verdict that said
 * "the symptom suggests that backport"). Judged once per set of answers, as a fleet's nodes mostly share a few.
 */
export function printerStanding(
  shown: readonly HostVersions[],
  checks: readonly VersionEvidence[],
  hosts: readonly HostVersions[],
  judge: (checks: VersionEvidence[], hosts: HostVersions[]) => Verdict,
): PrinterStanding {
  const byHost = checksOfHosts(checks, hosts);
  const seen = new Map<string, VerdictStatus>();
  const out = new Map<string, VerdictStatus>();
  for (const h of shown) {
    const own = byHost.get(h.subject) ?? [];
    const key = own.map((c) => `${c.ecosystem}\0${c.value}\0${c.range}\0${c.result}\0${c.certain}\0${c.reason}`).join("\n");
    let status = seen.get(key);
    if (status === undefined) {
      status = judge(own, [h]).status;
      seen.set(key, status);
    }
    out.set(h.subject.replace(/^node /, ""), status);
  }
  return out;
}

/**
 * A paste of several nodes (a nodes table, a `tail` over their bundles, a loop's headings) says which node printed each
 * finding's lines as the hosts form does (review 67e F5: the same fleet sent as one paste had no `hosts`, `quietHosts`,
 * line hosts or `matched`, and scripts had to parse the verdict's words).
 *
 * `printing`: the nodes that printed every line of a finding, where each line resolves to one (diagnose.ts
 * machinesPrinting); `linesOf`: every line a finding's signatures matched; `nodeOf`: the node one line resolves to.
 * A finding whose lines do not all resolve names no hosts: which nodes show it, and so which are quiet, is not known.
 * `belowOf`: for a kubelet removal, the nodes still below it but those a finding names (kubelet-removal.ts machinesBelow).
 */
export function placeOnNodes(
  findings: Finding[],
  nodes: NodeReport[],
  printing: ReadonlyMap<string, readonly string[]>,
  standing: ReadonlyMap<string, PrinterStanding>,
  linesOf: (id: string) => readonly number[],
  nodeOf: (line: number) => string | null,
  belowOf: (id: string, named: readonly string[]) => BelowRemoval | undefined,
): void {
  if (nodes.length < 2) return;
  const matched = new Map<string, Set<string>>(nodes.map((n) => [n.name, new Set()]));
  for (const f of findings) {
    for (const line of linesOf(f.id)) {
      const node = nodeOf(line);
      if (node !== null) matched.get(node)?.add(f.id);
    }
    f.evidence = f.evidence.map((e) => {
      const node = e.kind === "log" && e.host === undefined ? nodeOf(e.line) : null;
      return node === null ? e : { ...e, host: node };
    });
    const hosts = printing.get(f.id);
    if (!hosts?.length) continue;
    f.hosts = [...hosts];
    const quiet = nodes.filter((n) => !hosts.includes(n.name) && n.inRange.includes(f.id)).map((n) => n.name);
    if (quiet.length) f.quietHosts = quiet;
    // A node that shows the symptom on versions its own checks rule out beside it: another cause there, as the hosts form
    // says (review 68c F1: "the version of worker-1, worker-2 is in the affected range"), whatever the finding's own verdict
    // (68i F4: the fleet "not affected" by the one node printing, which "shown on" listed as hit). Only as the finding's own
    // rules judge that node (review 70b F3); one they leave open is undecided, said where the finding is decided.
    const own = standing.get(f.id);
    const ruledOut = hosts.filter((h) => own?.get(h) === "not-affected");
    if (ruledOut.length) f.ruledOutOn = ruledOut;
    const undecided = f.verdict.status === "unknown" ? [] : hosts.filter((h) => own?.get(h) === "unknown");
    if (undecided.length) f.undecidedOn = undecided;
    // Nodes still below a kubelet removal, named beside a node that shows the removed setup (not one ruled out there).
    const below = ruledOut.length < hosts.length ? belowOf(f.id, [...hosts, ...quiet]) : undefined;
    if (below) f.belowRemoval = below;
  }
  for (const n of nodes) n.matched = [...(matched.get(n.name) ?? [])].sort();
}
