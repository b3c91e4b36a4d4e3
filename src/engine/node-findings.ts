import type { Finding, NodeReport, VersionEvidence } from "./diagnosis";

/**
 * A paste of several nodes (a nodes table, a `tail` over their bundles, a loop's headings) says which node printed each
 * finding's lines as the hosts form does (review 67e F5: the same fleet sent as one paste had no `hosts`, `quietHosts`,
 * line hosts or `matched`, and scripts had to parse the verdict's words).
 *
 * `printing`: the nodes that printed every line of a finding, where each line resolves to one (diagnose.ts
 * machinesPrinting); `linesOf`: every line a finding's signatures matched; `nodeOf`: the node one line resolves to.
 * A finding whose lines do not all resolve names no hosts: which nodes show it, and so which are quiet, is not known.
 */
export function placeOnNodes(
  findings: Finding[],
  nodes: NodeReport[],
  printing: ReadonlyMap<string, readonly string[]>,
  linesOf: (id: string) => readonly number[],
  nodeOf: (line: number) => string | null,
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
    // A node that shows the symptom on versions its own checks rule out: another cause there, as the hosts form says
    // (review 68c F1: "the version of worker-1, worker-2 is in the affected range"), whatever the finding's own verdict (68i
    // F4: the fleet "not affected" by the one node printing, which "shown on" listed as hit).
    const ruledOut = hosts.filter((h) => ruledOutBy(ownChecks(f, h)));
    if (ruledOut.length) f.ruledOutOn = ruledOut;
  }
  for (const n of nodes) n.matched = [...(matched.get(n.name) ?? [])].sort();
}

/** A node's own version checks among a finding's evidence (their subject names it: "node worker-1 (5.15.0-130-generic) …"). */
const ownChecks = (f: Finding, node: string): VersionEvidence[] =>
  f.evidence.filter((e): e is VersionEvidence => e.kind === "version" && e.subject.startsWith(`node ${node} `));

/** Checks that all rule the bug out; a node with none of its own is not ruled out. */
const ruledOutBy = (checks: readonly VersionEvidence[]) => checks.length > 0 && checks.every((c) => c.result === "not-affected");
