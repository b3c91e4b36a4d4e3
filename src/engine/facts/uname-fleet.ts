import type { NodeRow } from "../types";
import type { UnameFacts } from "./uname";

/**
 * Several `uname -a` readings from different hosts (a loop over ssh, say) are a fleet: one node per
 * host, compared like the rows of a kubectl table. Readings of one host are one kernel, not a fleet.
 */
export function unameNodes(sources: ReadonlyArray<{ uname: UnameFacts; line?: number }>): NodeRow[] {
  const byHost = new Map<string, { uname: UnameFacts; line?: number }>();
  for (const s of sources) {
    const host = s.uname.hostname;
    if (host && s.uname.release && !byHost.has(host)) byHost.set(host, s);
  }
  if (byHost.size < 2) return [];
  return [...byHost].map(([name, s]) => ({
    name,
    status: "",
    roles: "",
    version: "",
    internalIp: null,
    osImage: null,
    kernel: s.uname.release,
    runtime: null,
    build: s.uname.build,
    line: s.line ?? 0,
  }));
}

/**
 * A kubectl table and several hosts' unames in one paste describe one fleet: each host the table
 * lacks joins it, and a table row without -o wide's kernel takes its host's. Dropping either side
 * would leave a node's kernel unjudged (or judge the fleet on one row).
 */
export function joinUnameNodes(table: readonly NodeRow[], hosts: readonly NodeRow[]): NodeRow[] {
  if (!hosts.length) return [...table];
  const byName = new Map(hosts.map((h) => [h.name, h]));
  const rows = table.map((row) => {
    const host = byName.get(row.name);
    return host && !row.kernel ? { ...row, kernel: host.kernel, build: host.build } : row;
  });
  const named = new Set(table.map((r) => r.name));
  return [...rows, ...hosts.filter((h) => !named.has(h.name))];
}
