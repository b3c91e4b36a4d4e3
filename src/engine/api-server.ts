/**
 * The cluster's API server as a host of its own. `kubectl version`'s server part is the API server's own answer
 * (ExtractedFacts.apiServer): one fact of the cluster, not of a node. A record whose every range is the API server's (the
 * 1.22 beta-API and 1.25 PodSecurityPolicy removals) is judged on that answer alone, beside a nodes table as on one host:
 * never on a node's kubelet VERSION column (a kubelet may lag its API server), and never named as a node's (review 69i
 * F2: a 1.25.16 kubelet decided the removal beside a 1.24.17 server, and a 1.25.16 server was put on w1's row, which
 * runs 1.24.17).
 */
import type { BugRecord } from "./record";
import type { HostVersions } from "./verdict";

/** How evidence names the API server: "the API server: kubernetes: 1.25.16 is in v ≥ 1.25.0 …". */
export const API_SERVER = "the API server";

/** Whether every range of a record is the API server's own (kube-apiserver's): the records its answer decides. */
export const apiServerRanged = (record: BugRecord): boolean =>
  record.affected.length > 0 && record.affected.every((a) => a.ecosystem === "kubernetes" && a.package === "kube-apiserver");

/** The API server as the one host such a record is judged on: its answer is its own output, judged as a host's reading. */
export const apiServerHost = (version: string): HostVersions => ({
  subject: API_SERVER,
  kernel: null,
  components: { kubernetes: version },
  apiServer: true,
});

/**
 * The API server's answer a record is judged on, where the paste gives one and the record's ranges are all the API
 * server's. Not where the paste upgrades Kubernetes after the symptom's first line: the server that answered the failure
 * may be the one before it, and the reading of the hosts as they stood then (diagnose.ts asAtSymptom) stands.
 */
export function serverJudging(
  server: string | undefined,
  record: BugRecord,
  symptomLines: () => readonly number[],
  upgradesOn: (line: number) => Readonly<Record<string, number>>,
): string | undefined {
  if (server === undefined || !apiServerRanged(record)) return undefined;
  const lines = symptomLines();
  if (!lines.length) return server;
  // A loop, not Math.min(...lines): a flood's lines are too many arguments.
  let first = Number.POSITIVE_INFINITY;
  for (const line of lines) first = Math.min(first, line);
  const upgradedAt = upgradesOn(first);
  return Math.max(upgradedAt.kubernetes ?? 0, upgradedAt["*"] ?? 0) > first ? undefined : server;
}
