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
