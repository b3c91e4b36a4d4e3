import type { Verdict, VersionEvidence } from "./diagnosis";
import { NAMED_MACHINES, namesOfHosts } from "./machine-lists";
import { checksOfHosts, type HostVersions } from "./verdict";

/**
 * The cluster's output the paste places on no node (a pod's events, logs, exec) beside rows on both sides of the bug's
 * range: "affected" holds for some node, not surely the pod's, which may run on a node outside the range: never certain,
 * and said (review 70b F1: `describe pod … | tail -3` was "affected (verified)", certain, on k8s-w2's row while the pod ran
 * on k8s-w1, past the fix).
 */
export function unplacedBesideOutOfRange(verdict: Verdict, checks: readonly VersionEvidence[], hosts: readonly HostVersions[]): Verdict {
  if (verdict.status !== "affected") return verdict;
  const outside = [...checksOfHosts(checks, hosts)]
    .filter(([subject, own]) => subject.startsWith("node ") && own.length > 0 && own.every((c) => c.result === "not-affected"))
    .map(([subject]) => subject.replace(/^node /, ""));
  if (!outside.length) return verdict;
  return {
    ...verdict,
    reason: `${verdict.reason} (the log's lines came through the cluster and the paste does not place them on a node: they may be ${namesOfHosts(outside, NAMED_MACHINES, "or")}'s, whose versions are outside the range)`,
    certain: false,
  };
}
