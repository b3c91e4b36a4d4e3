/**
 * A kubelet refusing to start on what a release removed or requires (every kubelet removal and requirement the knowledge
 * base holds is such a refusal: 1.24's --network-plugin, 1.26's CRI v1, 1.27's --container-runtime, 1.35's cgroup v1, swap),
 * and where a fleet's running kubelets stand to it: started past it, or still below the release that removed it.
 */

import type { BelowRemoval } from "./diagnosis";
import type { BugRecord, RecordAffected } from "./record";
import type { NodeRow } from "./types";
import { compareComponentVersion, kubernetesRelease } from "./versions";

const READY = /^Ready\b/;

const isKubelet = (a: RecordAffected) => a.ecosystem === "kubernetes" && a.package === "kubelet";

/** A record of the kubelet refusing at start: a kubelet entry, and every entry a removal or a requirement. */
const refusesAtStart = (record: BugRecord) =>
  record.affected.some(isKubelet) && record.affected.every((a) => a.kind === "removal" || a.kind === "requirement");

/**
 * Whether a node's row shows it started past a record's bug: the record is the kubelet refusing to start, and the row is
 * Ready: its kubelet reported the version the row gives, running, so it has already started on that configuration and is
 * no "next to fail" (review 70b F6: Ready cp-1 and worker-1 on 1.27.3 were "also in range, no symptom shown yet" beside
 * worker-2's "unknown flag: --container-runtime"). A record with a regression among its ranges, or of another component (a
 * kernel bug a Ready node can still hit, a runtime's removal a running daemon meets: schema 1 pulls, old API clients),
 * stays in range.
 */
export function startedPast(record: BugRecord, row: NodeRow | undefined): boolean {
  return row !== undefined && READY.test(row.status) && refusesAtStart(record);
}

/**
 * The kubelet release a record's removal came in: the first release of its kubelet removal, where no range of it ends (a
 * removal has no fix: every later kubelet refuses too). Null for any other record, a kubelet requirement among them.
 */
function removalRelease(record: BugRecord): string | null {
  if (!refusesAtStart(record)) return null;
  const ranges = record.affected.filter((a) => isKubelet(a) && a.kind === "removal").flatMap((a) => a.ranges);
  if (!ranges.length || ranges.some((r) => r.fixed !== undefined || r.lastAffected !== undefined)) return null;
  return ranges.map((r) => r.introduced).sort(compareComponentVersion)[0] ?? null;
}

/**
 * Whether a machine's kubelet runs a release before `release`, the one that removed what it refuses: upgraded, it meets the
 * removal (review 70b F6: a node below it was named nowhere). A nodes-table row must be Ready, its kubelet reporting the
 * version running; a NotReady row's version is what it last reported, perhaps before the upgrade that broke it.
 */
function runsBelow(release: string, version: string | null | undefined, row?: Pick<NodeRow, "status">): boolean {
  if (!version || (row && !READY.test(row.status))) return false;
  return compareComponentVersion(kubernetesRelease(version), release) < 0;
}

/** A fleet's machine as the removal reads it: its kubelet's version, and its nodes-table row where the version is the row's. */
export interface KubeletOf {
  name: string;
  version: string | null | undefined;
  row?: Pick<NodeRow, "status"> | undefined;
}

/**
 * The machines still below a kubelet removal, but those the finding already names (`named`: the machines whose lines show
 * it, one at least not ruled out, and those in its range), and the release that removed it; undefined for another record,
 * or where none is below.
 */
export function machinesBelow(record: BugRecord, named: readonly string[], machines: readonly KubeletOf[]): BelowRemoval | undefined {
  const release = removalRelease(record);
  if (!release) return undefined;
  const hosts = machines.filter((m) => !named.includes(m.name) && runsBelow(release, m.version, m.row)).map((m) => m.name);
  return hosts.length ? { release, hosts } : undefined;
}
