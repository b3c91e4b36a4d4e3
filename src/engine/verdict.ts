import type { AffectedEntry, BugRecord, VersionRange } from "../kb/record-schema";
import type { Verdict, VersionEvidence } from "./diagnosis";
import type { IptablesFacts, KernelFacts, NodeRow, VersionScheme } from "./types";
import { compareVersions, describeRange, evaluateRanges, type RangeVerdict, schemeForEcosystem } from "./versions";

/** The versions we know about one machine: its kernel and whatever components the input revealed. */
export interface HostVersions {
  /** How evidence names this host: "your kernel" or "node worker-2". */
  subject: string;
  kernel: KernelFacts | null;
  /** Component ecosystem (kubernetes, iptables, containerd, docker, cri-o) to version. */
  components: Record<string, string>;
}

const isKernelPackage = (name: string) => /^(linux|kernel)(-|$)/.test(name) && name !== "linux-firmware";

const hasKernelData = (record: BugRecord) =>
  record.affected.some(
    (a) => a.ecosystem === "linux" || (a.ecosystem.includes(":") && isKernelPackage(a.package)) || a.ecosystem === "arch",
  );

function check(subject: string, entries: AffectedEntry[], value: string, partial: boolean): VersionEvidence {
  const [first] = entries;
  if (!first) throw new Error("check() needs at least one affected entry");
  const ranges = entries.flatMap((e) => e.ranges);
  const scheme = schemeForEcosystem(first.ecosystem);
  const evaluated = evaluateRanges(scheme, value, ranges, { partial });
  const decisive = evaluated.range ?? null;
  const result = hedgeUnconfirmed(evaluated, decisive, scheme, value);
  return {
    kind: "version",
    subject,
    value,
    ecosystem: `${first.ecosystem} ${first.package}`,
    range: decisive ? describeRange(decisive) : ranges.map(describeRange).join(", "),
    result: result.status,
    reason: result.reason,
    certain: result.certain,
    unverified: decisive ? !decisive.verified : ranges.some((r) => !r.verified),
    ...(decisive ? { source: decisive.source } : {}),
  };
}

/**
 * "Not affected" is only said on confirmed data. When the deciding range is unverified (a fix or a
 * boundary someone reported but we could not confirm) the answer is unknown, with the reason kept.
 * An unverified `lastAffected` is the last version known to be broken, not a fix.
 */
function hedgeUnconfirmed<R extends VersionRange>(
  result: RangeVerdict<R>,
  range: R | null,
  scheme: VersionScheme,
  value: string,
): RangeVerdict<R> {
  if (result.status !== "not-affected" || !(range ? !range.verified : result.unverified)) return result;
  const last = range?.lastAffected;
  const reason =
    last && compareVersions(scheme, value, last) > 0
      ? `${value} is after ${last}, the last version known to be affected; the first fixed version is not confirmed`
      : `not confirmed: ${result.reason} (that range is marked unverified in the record)`;
  return { ...result, status: "unknown", certain: false, reason };
}

function kernelChecks(record: BugRecord, host: HostVersions): VersionEvidence[] {
  const kernel = host.kernel;
  if (!kernel) return [];
  const pkg = kernel.package;
  if (pkg?.ecosystem) {
    const distro = record.affected.filter((a) => a.ecosystem === pkg.ecosystem && pkg.names.includes(a.package));
    if (distro.length) {
      return [
        check(`${host.subject} (${kernel.release}) as package ${distro[0]?.package}`, distro, pkg.version, pkg.certainty === "partial"),
      ];
    }
  }
  const upstream = record.affected.filter((a) => a.ecosystem === "linux");
  if (upstream.length && kernel.upstream && kernel.upstreamCertainty !== "unknown") {
    const evidence = check(`${host.subject} (${kernel.release}) as upstream ${kernel.upstream}`, upstream, kernel.upstream, false);
    if (kernel.upstreamCertainty !== "exact") {
      evidence.certain = false;
      evidence.reason += `; judged on the upstream version, and ${kernel.distro ?? "this distro"} may carry its own patches`;
    }
    return [evidence];
  }
  return [];
}

function componentChecks(record: BugRecord, host: HostVersions): VersionEvidence[] {
  return Object.entries(host.components).flatMap(([ecosystem, value]) => {
    const entries = record.affected.filter((a) => a.ecosystem === ecosystem);
    return entries.length ? [check(`${host.subject}: ${ecosystem}`, entries, value, false)] : [];
  });
}

export function versionChecks(record: BugRecord, host: HostVersions): VersionEvidence[] {
  return [...kernelChecks(record, host), ...componentChecks(record, host)];
}

/** Folds the checks of one or more hosts into one verdict; any affected check makes the bug apply. */
export function decideVerdict(record: BugRecord, checks: VersionEvidence[], hosts: HostVersions[]): Verdict {
  if (!record.affected.length) return { status: "unknown", reason: "this bug is not tied to versions; the log evidence decides" };
  const affected = checks.filter((c) => c.result === "affected");
  if (affected.length) {
    const first = affected[0] as VersionEvidence;
    const others = affected.length > 1 ? ` (and ${affected.length - 1} more)` : "";
    const hedge = first.certain ? "" : " (not certain)";
    return { status: "affected", reason: `${first.subject}: ${first.reason}${hedge}${others}` };
  }
  if (checks.length && checks.every((c) => c.result === "not-affected")) {
    const first = checks[0] as VersionEvidence;
    return { status: "not-affected", reason: `${first.subject}: ${first.reason}` };
  }
  const unknown = checks.find((c) => c.result === "unknown");
  if (unknown) return { status: "unknown", reason: `${unknown.subject}: ${unknown.reason}` };
  return { status: "unknown", reason: missingDataReason(record, hosts) };
}

function missingDataReason(record: BugRecord, hosts: HostVersions[]): string {
  const kernels = hosts.map((h) => h.kernel).filter((k): k is KernelFacts => k !== null);
  const ecosystems = [...new Set(record.affected.map((a) => a.ecosystem))].join(", ");
  if (!kernels.length && hasKernelData(record)) return `no kernel version given; this record has version data for ${ecosystems}`;
  const k = kernels[0];
  if (k && hasKernelData(record)) {
    const where = k.package?.ecosystem ?? k.distro ?? "this kernel";
    return `no data in this record for ${where} kernels (${k.release}); upstream ranges do not apply to a distro kernel that backports fixes. Ranges known: ${ecosystems}`;
  }
  return `no version given for ${ecosystems}`;
}

/** Component versions we can read from a kubectl nodes row. */
export function nodeComponents(node: Pick<NodeRow, "version" | "runtime">): Record<string, string> {
  const components: Record<string, string> = {};
  if (node.version) components.kubernetes = node.version.replace(/^v/, "");
  const runtime = node.runtime?.match(/^([a-z-]+):\/\/v?(.+)$/);
  if (runtime?.[1] && runtime[2]) components[runtime[1]] = runtime[2];
  return components;
}

export function iptablesComponents(iptables: IptablesFacts | null): Record<string, string> {
  return iptables ? { iptables: iptables.version } : {};
}
