import type { NodeReport } from "./diagnosis";
import { kernelFacts, osImageToOs, releaseEcosystem } from "./facts";
import { type HostComponents, mergeDisputes, sameBuild } from "./facts/host-components";
import { runtimeComponent } from "./facts/runtime-version";
import { versionsKey } from "./host-checks";
import type { BugRecord } from "./record";
import type { NodeRow } from "./types";
import { combinationChecks, type HostVersions, imageOsComponents, nodeComponents, versionChecks } from "./verdict";

type Attribute = NodeReport["differs"][number];
const ATTRIBUTES: Attribute[] = ["kernel", "osImage", "runtime", "version", "iptables"];

/**
 * A node as the verdict judges it: its row's versions, with the components its own output under its prompt shows
 * (ExtractedFacts.nodeComponents). Where the two give one component two versions, neither decides, except that a package
 * build is its release (review 40a: Ubuntu's 26.1.3-0ubuntu1~22.04.1 beside the row's docker://26.1.3 was a dispute), the
 * row's runtime (its daemon's word) outranks a Docker CLI's version, and the node's own output outranks what a NotReady
 * node's kubelet last reported (review 40a: an upgraded kubelet's `--version` beside its stale row).
 */
export function nodeHost(node: NodeRow, readings: readonly HostComponents[] = []): HostVersions {
  const image = node.osImage ? osImageToOs(node.osImage) : null;
  // A Windows node's KERNEL-VERSION is Windows' build (10.0.17763.2686), no Linux kernel; the build says
  // Windows when the image name is one osImageToOs does not know.
  const windows = image?.id === "windows" || (node.kernel !== null && WINDOWS_BUILD.test(node.kernel));
  const os =
    windows && image?.id !== "windows" ? { id: "windows", idLike: [], versionId: null, prettyName: node.osImage, codename: null } : image;
  const runtime = runtimeComponent(node.runtime)?.[0];
  const components = { ...nodeComponents(node), ...imageOsComponents(os) };
  const disputed = readings.flatMap((r) => r.disputed);
  const fromClient = new Set(readings.flatMap((r) => r.fromClient));
  const stale = NOT_REPORTING.test(node.status);
  // What the node's own output printed now, beside what its NotReady row last reported (review 40c F9).
  const current = new Set<string>();
  // Those whose own version differs from the row's: upgraded (or downgraded) since the row, perhaps after the failure.
  const changed = new Set<string>();
  for (const own of readings)
    for (const [ecosystem, version] of Object.entries({
      ...nodeComponents({ version: own.kubelet ?? "", runtime: own.runtime }),
      ...own.components,
    })) {
      const row = components[ecosystem];
      if (row === undefined) {
        components[ecosystem] = version;
        current.add(ecosystem);
        continue;
      }
      // The row's runtime is its daemon's word: beside it, a version is no longer only a client's.
      const client = fromClient.delete(ecosystem);
      if (sameBuild(row, version)) components[ecosystem] = version.length > row.length ? version : row;
      else if (client) continue;
      else if (stale) {
        components[ecosystem] = version;
        changed.add(ecosystem);
      } else disputed.push({ ecosystem, versions: [row, version] });
      current.add(ecosystem);
    }
  for (const { ecosystem } of disputed) delete components[ecosystem];
  // A binary on disk the node's own daemon overruled, where that daemon's version is the one judged.
  const onDisk: Record<string, string> = {};
  for (const own of readings)
    for (const [ecosystem, version] of Object.entries(own.onDisk))
      if (components[ecosystem] !== undefined && components[ecosystem] === own.components[ecosystem]) onDisk[ecosystem] = version;
  return {
    subject: `node ${node.name}`,
    kernel: node.kernel && !windows ? kernelFacts(node.kernel, node.build ?? null, os) : null,
    components,
    ...(disputed.length ? { disputed: mergeDisputes(disputed) } : {}),
    ...(fromClient.size ? { fromClient } : {}),
    ...(Object.keys(onDisk).length ? { onDisk } : {}),
    release: releaseEcosystem(os),
    distro: os,
    ...(windows ? { windowsNode: true as const } : {}),
    ...(runtime ? { kubeletRuntime: runtime } : {}),
    ...(node.internalIp ? { address: node.internalIp } : {}),
    ...(stale ? { lastReported: `what the ${node.status} node last reported, perhaps before an upgrade`, current, changed } : {}),
  };
}

/**
 * "NotReady", "Unknown" (",SchedulingDisabled" too): a kubelet that does not report now, so the row's versions are
 * what it last reported. A host read from its own `uname -a` line has no status at all: its output is current.
 */
const NOT_REPORTING = /^(?:NotReady|Unknown)\b/;

/** Windows' build number as kubelet reports it (10.0.17763.2686), which no Linux release looks like. */
const WINDOWS_BUILD = /^10\.0\.\d{5}(?:\.\d+)?$/;

/**
 * A node's value, or null where it reported none: a host's bundle without `kubelet --version` (a collector's timeout, a
 * plain Docker host) or a machine read from its uname leaves the kubelet's version empty, which is no version that
 * differs (review 67d F1: the one host that did not report its kubelet was the fleet's odd one out).
 */
const reported = (v: string | null | undefined): string | null => (v === undefined || v === "" ? null : v);

/** The value most nodes share, or null when no value is held by more than half of them. */
function majority(values: Array<string | null>): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  for (const [value, n] of counts) if (n * 2 > values.length) return value;
  return null;
}

/**
 * Compares nodes (each with its host versions, from nodeHost): which known bugs' ranges each node falls in, which nodes differ from the majority,
 * and which bugs hit the odd ones out but not their peers. That difference solved the seed incident.
 * `logged` (per node, when each node sent its own logs) adds the bugs whose signatures matched there.
 * A value a node did not report (null) is unknown, not a difference.
 */
export function compareNodes(
  records: readonly BugRecord[],
  nodes: readonly NodeRow[],
  hosts: readonly HostVersions[],
  logged: ReadonlyArray<readonly string[]> = [],
  checks: typeof versionChecks = versionChecks,
): NodeReport[] {
  const versioned = records.filter((r) => r.affected.length > 0);
  // A record whose components must meet is in a node's range only when all of them are (combinationChecks). Answered
  // once per set of versions: a table's rows share a few, and a row's name and address decide nothing here.
  const byVersions = new Map<string, string[]>();
  const inRange = hosts.map((host) => {
    const key = versionsKey(host);
    let ids = byVersions.get(key);
    if (!ids) {
      ids = versioned
        .filter((r) => (r.together ? combinationChecks(r, [host]) !== null : checks(r, host).some((c) => c.result === "affected")))
        .map((r) => r.id);
      byVersions.set(key, ids);
    }
    return ids;
  });
  const majorities = Object.fromEntries(ATTRIBUTES.map((a) => [a, majority(nodes.map((n) => reported(n[a])))])) as Record<
    Attribute,
    string | null
  >;
  const hits = nodes.map((_, i) => [...new Set([...(inRange[i] ?? []), ...(logged[i] ?? [])])]);
  const peerCount = new Map<string, number>();
  for (const ids of hits) for (const id of ids) peerCount.set(id, (peerCount.get(id) ?? 0) + 1);

  return nodes.map((node, i) => {
    const differs = ATTRIBUTES.filter((a) => majorities[a] !== null && reported(node[a]) !== null && node[a] !== majorities[a]);
    const ids = inRange[i] ?? [];
    // A bug "hits this node and not its peers" when fewer than half of the nodes are in its range (or logged it).
    const findings = (hits[i] ?? []).filter((id) => (peerCount.get(id) ?? 0) * 2 < nodes.length);
    return {
      name: node.name,
      kernel: node.kernel,
      osImage: node.osImage,
      runtime: node.runtime,
      version: reported(node.version),
      ...(node.iptables !== undefined ? { iptables: node.iptables } : {}),
      line: node.line,
      outlier: differs.length > 0,
      differs,
      inRange: ids,
      findings,
      matched: [...(logged[i] ?? [])],
    };
  });
}
