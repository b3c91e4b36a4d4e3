/**
 * Whether a node's row shows it started past a record's bug: the record is the kubelet refusing to start (a removed flag or
 * behaviour, a requirement: every kubelet removal and requirement the knowledge base holds is such a refusal — 1.24's
 * --network-plugin, 1.26's CRI v1, 1.27's --container-runtime, 1.35's cgroup v1, swap), and the row is Ready: its kubelet
 * reported the version the row gives, running, so it has already started on that configuration and is no "next to fail"
 * (review 70b F6: Ready cp-1 and worker-1 on 1.27.3 were "also in range, no symptom shown yet" beside worker-2's
 * "unknown flag: --container-runtime"). A record with a regression among its ranges, or of another component (a kernel bug
 * a Ready node can still hit, a runtime's removal a running daemon meets: schema 1 pulls, old API clients), stays in range.
 */

import type { BugRecord } from "./record";
import type { NodeRow } from "./types";

const READY = /^Ready\b/;

export function startedPast(record: BugRecord, row: NodeRow | undefined): boolean {
  if (!row || !READY.test(row.status)) return false;
  const entries = record.affected;
  return (
    entries.some((a) => a.ecosystem === "kubernetes" && a.package === "kubelet") &&
    entries.every((a) => a.kind === "removal" || a.kind === "requirement")
  );
}
