import { builtBeforeBug } from "./built-before-bug";
import type { LogEvidence, Verdict, VersionEvidence } from "./diagnosis";
import { listedEcosystem } from "./facts/component-packages";
import { COMPOSE_LABEL, POD_LABEL } from "./facts/container-logs";
import { type DisputedComponent, mergeDisputes } from "./facts/host-components";
import { kernelFacts } from "./facts/kernel-facts";
import { CURED_KERNEL_VIA } from "./facts/kernel-shapes";
import { isLogFramed } from "./facts/log-framing";
import { distributionFamily, ecosystemDistribution } from "./facts/os-release";
import { upstreamOf } from "./facts/package-lists";
import { runtimeComponent } from "./facts/runtime-version";
import { KUBE_PROXY } from "./facts/tool-versions";
import { isSeriesRelease } from "./facts/uname";
import { versionsKey } from "./host-checks";
import { leavesQuoteOpen } from "./match/unwrap-lines";
import { QUOTE_MARKS } from "./quote-marks";
import type {
  RecordAffected as AffectedEntry,
  BugRecord,
  RecordNotTaken,
  RecordSignature,
  UnrangedCause,
  RecordRange as VersionRange,
} from "./record";
import { anyOf } from "./summary";
import type { IptablesFacts, KernelFacts, KernelPackage, NodeRow, OsFacts, VersionScheme } from "./types";
import { unrangedKernelPackage } from "./unranged-kernel-package";
import {
  branchEnd,
  compareVersions,
  componentBranch,
  describeRange,
  distributionEraDocker,
  distroBuildBase,
  type EvidenceLevel,
  endLevel,
  evaluateRanges,
  everyVersionAffected,
  isMainlineVersion,
  isRepositoryEcosystem,
  kernelBranch,
  kubernetesRelease,
  LEVEL_ORDER,
  parseKernelVersion,
  placeSeries,
  type RangeVerdict,
  rangeLevels,
  repositoriesServing,
  repositoryBuild,
  repositoryServes,
  schemeForEcosystem,
  upperBound,
  weakestLevel,
} from "./versions";

/** The versions we know about one machine: its kernel and whatever components the input revealed. */
export interface HostVersions {
  /** How evidence names this host: "your kernel" or "node worker-2". */
  subject: string;
  kernel: KernelFacts | null;
  /** Component ecosystem (kubernetes, iptables, containerd, docker, cri-o) to version. */
  components: Record<string, string>;
  /** The distribution release as an ecosystem key ("ubuntu:24.04", "rhel:7"), from os-release or the OS image. */
  release?: string | null;
  /** Components whose own readings disagree (two `runc --version` outputs): none of them decides. */
  disputed?: readonly DisputedComponent[];
  /** With no kernel: the releases the input's kernel output gave, when they disagree (no one of them is the host's). */
  kernelsGiven?: readonly string[];
  /**
   * Set for a nodes-table row of a node that is not Ready: its versions are what its kubelet last reported (a
   * kubelet that cannot start after an upgrade never updates them), so every check on them is hedged (not on `current`).
   */
  lastReported?: string;
  /** Beside `lastReported`: the components the node's own output printed now (its prompt's `containerd --version`), not hedged. */
  current?: ReadonlySet<string>;
  /** Beside `lastReported`: the row's kernel is the one the node's own `uname -a` printed now, so its checks are not hedged. */
  kernelCurrent?: true;
  /**
   * Of `current`, those whose version differs from the row's: changed since the node last reported, so perhaps after the
   * failure. Review 41a F3: the row's containerd 1.6.3 and the bug's own line beside the node's 1.6.4 now is no "not
   * affected, certain"; an affected version now is still certain.
   */
  changed?: ReadonlySet<string>;
  /** For a nodes-table row: the ecosystem of the CRI runtime its kubelet uses (CONTAINER-RUNTIME: "containerd"). */
  kubeletRuntime?: string;
  /** For a nodes-table row: its INTERNAL-IP, the address an `ssh` to it names. */
  address?: string;
  /** Components whose version in `components` only a client printed (`docker --version`): judged, hedged. */
  fromClient?: ReadonlySet<string>;
  /** Daemons that answered while their binary on disk printed a newer version (an upgrade not restarted into): that version. */
  onDisk?: Readonly<Record<string, string>>;
  /**
   * Versions read only after the paste changes their component (a package manager's upgrade or downgrade, a binary put in
   * place by hand), beside a failure logged before the change: set aside, and named where no other version is known.
   */
  readAfterChange?: Readonly<Record<string, string>>;
  /**
   * The host's own readings of the components the paste changes after the failure, read after the change, whether or not
   * an earlier one judges the failure: what the host runs now (review 69c F4; present-state.ts). Never a version named.
   */
  runsNow?: Readonly<Record<string, string>>;
  /** Versions the text names in passing ("Docker 20.10.6"), by ecosystem: weaker than `components`. */
  mentioned?: Readonly<Record<string, string>>;
  /**
   * This host is the cluster's API server (api-server.ts): its kubernetes is the version it answered to `kubectl version`
   * (ExtractedFacts.apiServer), kube-apiserver's own, no kubelet's.
   */
  apiServer?: true;
  /** Of `mentioned`, those read from output the report places elsewhere, with why (ExtractedFacts.namedElsewhere). */
  mentionedElsewhere?: Readonly<Record<string, string>>;
  /** Of `mentioned`, those the host's own output read that may not be the version that logged the symptom, with why (logged-versions.ts). */
  notAsLogged?: Readonly<Record<string, string>>;
  /** Installed packages a listing shows with their whole versions, by package name ("containerd.io": "1.7.24-1"). */
  packages?: Readonly<Record<string, string>>;
  /** Why a package's build is known where no listing gave it (a package manager's log, a sentence), by package name. */
  packageVia?: Readonly<Record<string, string>>;
  /** The release the text names in passing ("on Ubuntu 24.04"): weaker than `release`. */
  namedRelease?: string | null;
  /** The host's distribution, from its os-release or OS image (never from a name in passing). */
  distro?: Pick<OsFacts, "id" | "idLike" | "prettyName" | "variant"> | null;
  /**
   * A nodes-table row whose OS image or kernel build is Windows': the one place the input says, per host, that
   * no Linux runs there. An "Operating System: Windows" line in a bundle never sets it (WSL2 and Docker Desktop
   * run Linux under a Windows host that people name).
   */
  windowsNode?: true;
  /**
   * The input's own host judged beside a nodes table for the component versions it shows and no row
   * does (see diagnose.ts hostsOf): it carries no kernel, and a kernel bug never waits on it.
   */
  componentsOnly?: true;
}

/** How a component check names what it read: "your docker" for the one host, "node worker-2: docker" in a fleet. */
const componentSubject = (host: HostVersions, ecosystem: string) =>
  host.subject === SINGLE_HOST ? `your ${ecosystem}` : `${host.subject}: ${ecosystem}`;
/** How a version check names the ranges it read: "rhel:7 kernel", "ubuntu:24.04 linux-aws", or "docker" once, not "docker docker". */
const rangeLabel = (entry: Pick<AffectedEntry, "ecosystem" | "package">) =>
  entry.ecosystem === entry.package ? entry.package : `${entry.ecosystem} ${entry.package}`;

export const SINGLE_HOST = "your kernel";

/** Why the host's output before the paste upgrades a component judges a failure logged before (diagnose.ts beforeTheUpgrade). */
export const BEFORE_UPGRADE_VIA = "the version before the paste upgrades it, which a failure logged before the upgrade ran";

export const isKernelPackage = (name: string) => /^(linux|kernel)(-|$)/.test(name) && name !== "linux-firmware";

/** Whether an affected entry is a kernel's: upstream, or a distribution's kernel package (kernel, kernel-default, kernel6.12). */
export const isKernelEntry = (a: Pick<AffectedEntry, "ecosystem" | "package">) =>
  a.ecosystem === "linux" || isKernelPackage(a.package) || /^kernel\d/.test(a.package);

export const hasKernelData = (record: BugRecord) =>
  record.affected.some(
    (a) => a.ecosystem === "linux" || (a.ecosystem.includes(":") && isKernelPackage(a.package)) || a.ecosystem === "arch",
  );

function check(subject: string, entries: AffectedEntry[], value: string, partial: boolean): VersionEvidence {
  return checkRanges(subject, entries, value, partial).evidence;
}

/** A component's series a report names ("1.10.x": every 1.10 release). */
const COMPONENT_SERIES = /^(\d+)\.(\d+)\.x$/;

/**
 * A series judged whole (review 52c F3: "a 1.10.x container image" beside a record ranging 1.10.0 to 1.11.0 was "no version
 * given"): what its first and last releases both get when no range starts or ends inside it, else unknown, the exact
 * release deciding it. Null for a value that is no series.
 */
function componentSeriesCheck(
  subject: string,
  entries: AffectedEntry[],
  value: string,
  partial: boolean,
): ReturnType<typeof checkRanges> | null {
  const m = COMPONENT_SERIES.exec(value);
  const scheme = entries[0] ? schemeForEcosystem(entries[0].ecosystem) : null;
  if (!m || !scheme) return null;
  const [first, last] = [`${m[1]}.${m[2]}.0`, `${m[1]}.${m[2]}.${SERIES_END}`];
  const ranges = entries.flatMap((e) => e.ranges);
  const inside = (v: string | undefined) =>
    v !== undefined && v !== "0" && safeCompare(scheme, v, first) > 0 && safeCompare(scheme, v, last) <= 0;
  const split = ranges.find((r) => inside(r.introduced) || inside(r.fixed) || inside(r.lastAffected));
  const judged = checkRanges(subject, entries, first, partial);
  const whole = `every ${m[1]}.${m[2]} release (${value})`;
  if (!split && judged.evidence.result !== "unknown") {
    const reason =
      judged.evidence.result === "affected"
        ? `${whole} is in ${judged.evidence.range}`
        : `${whole} is outside the affected ranges (${judged.evidence.range})`;
    return { ...judged, evidence: { ...judged.evidence, value, reason } };
  }
  const reason = split
    ? `${value} names the ${m[1]}.${m[2]} series, which the range ${describeRange(split)} splits: the exact release decides it`
    : `${whole}: ${judged.evidence.reason}`;
  const { hedgedFrom: _, beforeStart: __, unlessBackported: ___, ...rest } = judged.evidence;
  return { evidence: { ...rest, value, result: "unknown", certain: false, reason }, decisive: null };
}

/** A version check, and the range that decided it (null when none did). */
function checkRanges(
  subject: string,
  entries: AffectedEntry[],
  value: string,
  partial: boolean,
): { evidence: VersionEvidence; decisive: VersionRange | null } {
  const series = componentSeriesCheck(subject, entries, value, partial);
  if (series) return series;
  const [first] = entries;
  if (!first) throw new Error("check() needs at least one affected entry");
  const ranges = entries.flatMap((e) => e.ranges);
  const untouched = notTakenOn(entries, value);
  if (untouched) {
    const evidence: VersionEvidence = {
      kind: "version",
      subject,
      value,
      ecosystem: rangeLabel(first),
      range: ranges.map(describeRange).join(", "),
      result: "not-affected",
      reason: `no release of the ${untouched.branch} branch had the bug: its curator found it did not take the change, or took it with its fix (see the source)`,
      certain: true,
      level: untouched.evidence,
      unverified: untouched.evidence === "reported",
      source: untouched.source,
    };
    return { evidence, decisive: null };
  }
  const scheme = schemeForEcosystem(first.ecosystem);
  const evaluated = evaluateRanges(scheme, value, ranges, { partial, minimum: entries.every((e) => e.kind === "requirement") });
  const decisive = evaluated.range ?? null;
  const result = hedgeUnconfirmed(evaluated, decisive, scheme, value);
  const evidence: VersionEvidence = {
    kind: "version",
    subject,
    value,
    ecosystem: rangeLabel(first),
    range: decisive ? describeRange(decisive) : ranges.map(describeRange).join(", "),
    result: result.status,
    reason: result.reason,
    certain: result.certain,
    level: result.level,
    unverified: result.level === "reported",
    // A pre-release of the first affected release is "not affected" by order alone: the symptom may confirm it (review 30d).
    ...((evaluated.status === "not-affected" || evaluated.prereleaseOfStart) && result.status === "unknown"
      ? { hedgedFrom: "not-affected" as const }
      : {}),
    // Before a first affected version nobody confirmed: "earliest seen failing", which says nothing of older versions
    // either way, so the bug's symptom does not make them affected (review 50f F1: RHEL 9.0's kernel, 530 builds before).
    ...(evaluated.status === "not-affected" &&
    !evaluated.prereleaseOfStart &&
    result.status === "unknown" &&
    decisive &&
    decisive.introduced !== "0" &&
    compareVersions(scheme, value, decisive.introduced) < 0
      ? { beforeStart: true as const }
      : {}),
    ...(result.status === "not-affected" && evaluated.unlessBackported ? { unlessBackported: true as const } : {}),
    ...(result.status === "unknown" && evaluated.status === "not-affected" && decisive && pastEndsBranch(scheme, value, decisive)
      ? { pastBranch: true as const }
      : {}),
    ...(decisive ? { source: decisive.source } : evaluated.status === "not-affected" ? { noDecidingRange: true as const } : {}),
  };
  return { evidence, decisive };
}

/**
 * The stable branch a curator found without the bug, when `value` is a kernel on one (a linux entry's `notTaken`).
 * One that rests on a single reading (one batch's release read, not the later ones) only informs: "not affected" is
 * said on verified or corroborated data alone; one read through a release (a changelog up to 6.12.118) covers no later one.
 */
function notTakenOn(entries: readonly AffectedEntry[], value: string): RecordNotTaken | undefined {
  if (!entries.some((e) => e.notTaken.length)) return undefined;
  const branch = kernelBranch(value);
  const covers = (n: RecordNotTaken) => n.through === undefined || safeCompare("linux", value, n.through) <= 0;
  return branch
    ? entries
        .flatMap((e) => (e.ecosystem === "linux" ? e.notTaken : []))
        .find((n) => n.branch === branch && n.evidence !== "reported" && covers(n))
    : undefined;
}

/**
 * "Not affected" is only said on verified or corroborated data. When the deciding end rests on one
 * report (a fix or a boundary someone reported but nobody confirmed) the answer is unknown, with the
 * reason kept. A reported `lastAffected` is the last version known to be broken, not a fix.
 */
function hedgeUnconfirmed<R extends VersionRange>(
  result: RangeVerdict<R>,
  range: R | null,
  scheme: VersionScheme,
  value: string,
): RangeVerdict<R> {
  if (result.status !== "not-affected" || result.level !== "reported") return result;
  const last = range?.lastAffected;
  const reason =
    last && compareVersions(scheme, value, last) > 0
      ? `${value} is after ${last}, the last version known to be affected; the first fixed version is not confirmed`
      : `not confirmed: ${result.reason} (that end rests on a single report)`;
  return { ...result, status: "unknown", certain: false, reason };
}

/** The x.y.z a kernel release starts with: "3.10.0" for "3.10.0-1160.el7.x86_64". */
const releaseBase = (release: string): string | null => /^(\d+\.\d+(?:\.\d+)?)/.exec(release)?.[1] ?? null;

/**
 * "Kernels older than X lack feature Y": every kernel whose own version is below X lacks it, vendor and
 * distro kernels included, unless the record names a backport into this kernel's package. "From X on,
 * feature Y is gone" (a removal) is judged the same way on the kernel's own version.
 */
function requirementCheck(entry: AffectedEntry, host: HostVersions, kernel: KernelFacts): VersionEvidence | null {
  const base = kernel.upstream ?? releaseBase(kernel.release);
  if (!base) return null;
  // A series alone ("5.14") is every 5.14.y: a bound inside it (5.14.3) splits the series and decides nothing.
  if (
    isSeriesRelease(kernel.release) &&
    entry.ranges.some((r) =>
      [r.introduced, r.fixed, r.lastAffected].some((v) => v !== undefined && kernelBranch(v) === kernel.release && !isMainlineVersion(v)),
    )
  )
    return null;
  const pkg = kernel.package;
  const backport = entry.backports.find(
    (b) =>
      (b.ecosystem === pkg?.ecosystem || b.ecosystem === kernel.distro) &&
      (!b.package || pkg?.names.includes(b.package)) &&
      (!b.since || (pkg && safeCompare(pkg.scheme, pkg.version, b.since) >= 0)),
  );
  const subject = `${host.subject} (${kernel.release}) as a ${base} kernel`;
  if (backport) {
    const since = backport.since ? ` since ${backport.since}` : "";
    return {
      kind: "version",
      subject,
      value: pkg?.version ?? base,
      ecosystem: `${backport.ecosystem} ${backport.package ?? pkg?.names[0] ?? "kernel"}`,
      range: `backport${since}`,
      result: "not-affected",
      reason: `${backport.ecosystem} ${backport.package ?? "kernels"} carry the feature${since} although based on an older kernel${backport.note ? ` (${backport.note})` : ""}`,
      certain: true,
      level: "verified",
      unverified: false,
      source: backport.source,
    };
  }
  const evidence = check(subject, [entry], base, false);
  const vendor = kernel.upstreamCertainty !== "exact" || kernel.package !== null;
  if (vendor && evidence.result !== "unknown") {
    evidence.reason +=
      entry.kind === "removal"
        ? `; a removal applies to any kernel from it on, ${kernel.distro ?? "vendor"} builds included`
        : `; a requirement applies to any kernel below it, ${kernel.distro ?? "vendor"} builds included, unless the record names a backport`;
  }
  return evidence;
}

function safeCompare(scheme: VersionScheme, a: string, b: string): number {
  try {
    return compareVersions(scheme, a, b);
  } catch {
    return -1;
  }
}

type Candidate = { ecosystem: string; names: string[] };

/**
 * The kernel judged as its distro package. When the input leaves the release open (the same
 * `uname -r` built for two releases), each candidate package is judged: one answer when they agree,
 * otherwise unknown with the fact that would decide.
 */
function packageCheck(record: BugRecord, host: HostVersions, kernel: KernelFacts, pkg: KernelPackage): VersionEvidence | null {
  const candidates: Candidate[] = [{ ecosystem: pkg.ecosystem ?? "", names: pkg.names }, ...(pkg.alternatives ?? [])];
  const judged = candidates.map((c) => {
    const entries = record.affected.filter((a) => a.ecosystem === c.ecosystem && c.names.includes(a.package));
    const name = entries[0]?.package ?? c.names[0] ?? "linux";
    const subject = `${host.subject} (${kernel.release}) as ${c.ecosystem} package ${name}`;
    const label = `${c.ecosystem} ${name}`;
    if (entries.length && !pkg.version && pkg.uploads?.length) return { label, evidence: uploadsCheck(subject, entries, pkg) };
    // An ABI name alone (Debian's "6.1.0-14-amd64") places no package version: say which output would.
    if (entries.length && !pkg.version && pkg.versionFrom) {
      const unplaced = check(subject, entries, "", false);
      return { label, evidence: { ...unplaced, reason: `its package version is not known: ${pkg.versionFrom}` } };
    }
    const own = entries.length ? packageVersionCheck(subject, entries, pkg.version, pkg.certainty === "partial") : null;
    const rebuilt = pkg.rebuildOf && c.ecosystem === pkg.ecosystem ? rebuildCheck(record, subject, pkg, pkg.rebuildOf, own) : null;
    return { label, evidence: rebuilt ?? own };
  });
  const [first] = judged;
  if (!first) return null;
  if (judged.length === 1) return first.evidence;
  const withData = judged.flatMap((j) => (j.evidence ? [j.evidence] : []));
  const [lead] = withData;
  if (!lead) return null;
  // The same answer, and unknown for the same reason: an unknown the bug's symptom may confirm (a "not affected" resting on
  // one report) is no upload number left to decide (review 50b F7: "the release does not matter" beside a 22.04 answer the
  // symptom did not turn, as it turned 24.04's).
  const same =
    withData.length === judged.length &&
    withData.every((e) => e.result === lead.result && e.hedgedFrom === lead.hedgedFrom && e.beforeStart === lead.beforeStart);
  if (same) {
    const others = judged.slice(1).map((j) => j.label);
    return { ...lead, reason: `${lead.reason}; as ${others.join(" or ")} the answer is the same, so the release does not matter` };
  }
  const each = judged.map((j) => `as ${j.label}: ${j.evidence ? `${j.evidence.result} — ${j.evidence.reason}` : "no data in this record"}`);
  const { hedgedFrom: _, ...undecided } = lead;
  return {
    ...undecided,
    subject: `${host.subject} (${kernel.release})`,
    result: "unknown",
    certain: false,
    reason: `the release is not known and the candidates disagree: ${each.join("; ")}. ${pkg.decidedBy ?? "/etc/os-release"} would decide`,
  };
}

/**
 * A backport rebuild judged by the build it rebuilds (KernelPackage.rebuildOf; review 72c F4: 20.04's linux-hwe-5.15
 * 5.15.0-130.140~20.04.1 was "affected" beside the symptom, its own entry ending at a build known broken, where the
 * record places the fix in 22.04's linux 5.15.0-130.140, which it rebuilds). Only a fix, at a primary source's level, that
 * the rebuilt build is at or past, and only where the rebuild's own entry decides nothing: its own data stands.
 */
function rebuildCheck(
  record: BugRecord,
  subject: string,
  pkg: KernelPackage,
  base: NonNullable<KernelPackage["rebuildOf"]>,
  own: VersionEvidence | null,
): VersionEvidence | null {
  if (own && own.result !== "unknown") return null;
  const entries = record.affected.filter((a) => a.ecosystem === base.ecosystem && base.names.includes(a.package));
  const fixedBefore = entries.some((e) =>
    e.ranges.some((r) => r.fixed !== undefined && r.fixedEvidence === "verified" && safeCompare("dpkg", base.version, r.fixed) >= 0),
  );
  if (!fixedBefore) return null;
  const judged = packageVersionCheck(subject, entries, base.version, false);
  if (judged.result !== "not-affected" || judged.level !== "verified" || judged.unlessBackported || judged.noDecidingRange) return null;
  const label = `${base.ecosystem} ${base.names[0] ?? "linux"}`;
  return {
    ...judged,
    value: pkg.version,
    reason: `judged by the build it rebuilds: ${pkg.version} is ${label} ${base.version} rebuilt for ${pkg.ecosystem} (a backport's version is the rebuilt build's with "~<release>.N" added), and ${judged.reason}`,
  };
}

function packageVersionCheck(subject: string, entries: AffectedEntry[], version: string, partial: boolean): VersionEvidence {
  const judged = check(subject, entries, version, partial);
  // A removal or requirement is about the version itself, whatever line it is on: an earlier line is before it (review
  // 35e: AL2023's 6.1 line against a change of its 6.12 line).
  return entries.every(byOwnVersion) ? judged : otherLine(judged, entries, version);
}

/**
 * An ABI name judged through the uploads its distribution built under it (review 56a F2: Debian's "6.1.0-24-amd64", as
 * `hostnamectl` and nodes tables print it, was unknown though both of its uploads lie inside the record's range): the
 * answer they all give, else unknown with the uploads the range splits.
 */
function uploadsCheck(subject: string, entries: AffectedEntry[], pkg: KernelPackage): VersionEvidence {
  const uploads = pkg.uploads ?? [];
  const judged = uploads.map((v) => ({ v, e: packageVersionCheck(subject, entries, v, false) }));
  const [lead] = judged;
  if (!lead) return check(subject, entries, "", false);
  const built = `its ABI name was built only by ${new Intl.ListFormat("en").format(uploads)} (the distribution's changelog)`;
  const same = judged.every(
    ({ e }) => e.result === lead.e.result && e.hedgedFrom === lead.e.hedgedFrom && e.beforeStart === lead.e.beforeStart,
  );
  if (same) {
    const each = judged.length > 1 ? `, and each gives this answer` : "";
    return { ...lead.e, value: anyOf(uploads), reason: `${built}${each}: ${lead.e.reason}` };
  }
  const { hedgedFrom: _, beforeStart: __, unlessBackported: ___, ...rest } = lead.e;
  const split = judged.map(({ v, e }) => `${v}: ${e.result}`).join("; ");
  return {
    ...rest,
    value: anyOf(uploads),
    result: "unknown",
    certain: false,
    reason: `${built}, and the record's ranges split them (${split}): ${pkg.versionFrom ?? "the package version"} would decide`,
  };
}

/**
 * A distribution's kernel ranges whose ends all lie on one upstream line speak of that line's builds only. Amazon Linux
 * ships parallel lines under one package (AL2's `kernel` is 4.14, 5.4, 5.10 or 5.15; AL2023 ships 6.1 and 6.12): AL2's
 * 5.15.43 of May 2022 is not "at or after" the 5.10 line's 2023 fix, nor AL2023's 6.1 build "before" the start of a
 * bug the record ranges on 6.12. Debian's backports and Fedora's rebases move one release's package to a later line,
 * which need not carry the earlier line's fix and may carry its own regression (review 32b: bullseye-backports'
 * 5.16.12-1~bpo11+1 was ruled out for certain by the 5.10 line's fix, where upstream's 5.16.3–5.16.16 range holds it).
 * Such a build is undecided here, and the record's upstream ranges judge it (ownKernelChecks).
 */
function otherLine(evidence: VersionEvidence, entries: readonly AffectedEntry[], version: string): VersionEvidence {
  // A "not affected" hedged to unknown (its end rests on one report) is no more about another line (review 32c).
  if (evidence.result !== "not-affected" && evidence.hedgedFrom !== "not-affected") return evidence;
  const line = (v: string) => /^(\d+)\.(\d+)(?:[.-]|$)/.exec(v);
  const ends = entries
    .flatMap((e) => e.ranges.flatMap((r) => [r.introduced, r.fixed, r.lastAffected]))
    .filter((v) => v !== undefined && v !== "0");
  const lines = new Set(
    ends.map(
      (v) =>
        line(v as string)
          ?.slice(1, 3)
          .join(".") ?? "?",
    ),
  );
  const [only] = lines;
  const own = line(version);
  if (lines.size !== 1 || !only || only === "?" || !own) return evidence;
  const [major, minor] = only.split(".").map(Number) as [number, number];
  const [ownMajor, ownMinor] = [Number(own[1]), Number(own[2])];
  if (ownMajor === major && ownMinor === minor) return evidence;
  const later = ownMajor > major || (ownMajor === major && ownMinor > minor);
  const { hedgedFrom: _, unlessBackported: __, ...rest } = evidence;
  return {
    ...rest,
    result: "unknown",
    certain: false,
    noDecidingRange: true,
    reason: `the record's ${evidence.ecosystem} ranges are about the ${only} line (${evidence.range}); ${version} is a build of the ${later ? "later" : "earlier"} ${ownMajor}.${ownMinor} line, which they do not speak of`,
  };
}

/**
 * A component's entry with the ranges that hold on the host's kernel: a range with `kernelFrom` (Falco 0.39.2 breaks on
 * 6.12 and later only) says nothing of a host whose kernel branch is known to be older (audit 35e: Falco 0.39.2 on
 * 6.6.60 was "affected, verified" by that range). An unknown kernel keeps every range; an entry left with none goes.
 */
function onHostKernel(entry: AffectedEntry, kernel: KernelFacts | null): AffectedEntry[] {
  const branch = kernel?.branch;
  if (!branch || !entry.ranges.some((r) => r.kernelFrom)) return [entry];
  const ranges = entry.ranges.filter((r) => !r.kernelFrom || compareVersions("linux", branch, r.kernelFrom) >= 0);
  return ranges.length ? [{ ...entry, ranges }] : [];
}

/** Requirements and removals are about a component's own version (a kernel's, a package's), whoever built it: no backport undoes them. */
const byOwnVersion = (a: AffectedEntry) => a.kind === "requirement" || a.kind === "removal";

/**
 * A kernel a person's sentence names (KernelFacts.named) is judged as any other, but nothing it gives is
 * certain: the sentence may name the kernel the host runs since, or another machine's ("works on my laptop
 * with kernel 4.15.0-91-generic"), not the one that failed. Like a component version named in passing
 * (mentionedChecks), a "not affected" it gives is hedged and gives way to any sign of the bug in the log
 * (namedOnly, doubtBySymptom).
 */
function kernelChecks(record: BugRecord, host: HostVersions): VersionEvidence[] {
  if (!host.kernel && host.kernelsGiven?.length) return givenKernelsCheck(record, host, host.kernelsGiven);
  const printedKernel = host.kernel?.printed ? releaseFirst(host.kernel.printed, host.kernel.package?.ecosystem) : null;
  const printed = printedKernel ? ownKernelChecks(record, { ...host, kernel: printedKernel }) : [];
  if (printed.length && printed.every((c) => c.result !== "unknown")) return printed;
  const checks = ownKernelChecks(record, host);
  const released = releaseNamedHedge(host.kernel);
  if (!host.kernel?.named) return released ? checks.map((c) => hedgeNamed(c, released)) : checks;
  // A uname is its kernel's own output: only when it was taken may differ from the failure's (review 69j F3).
  if (host.kernel.via === CURED_KERNEL_VIA) return checks.map((c) => hedgeNamed(c, CURED_KERNEL_VIA));
  const by = host.kernel.via ? `read from ${host.kernel.via}, perhaps another kernel's` : "the report names in a sentence";
  const what = `a kernel ${by}, not its own output${released ? `; ${released}` : ""}`;
  return checks.map((c) => hedgeNamed(c, what));
}

/**
 * Why a kernel's package answer is hedged when a release the text names chose it among the releases that build its
 * `uname -r` (KernelPackage.releaseNamed, review 72c F2); undefined when the host's own output decided the release.
 */
const releaseNamedHedge = (kernel: KernelFacts | null | undefined): string | undefined => {
  const release = kernel?.package?.releaseNamed;
  return release ? `its release, ${release}, is one the text names, not read from the host` : undefined;
};

/**
 * The printed kernel with the release a package listing's row named for it judged first, where its release string fits
 * several (review 56a F4: the header said 22.04's linux-hwe-6.8, as the row's "~22.04.1" does, and the verdict led with
 * 24.04's linux).
 */
function releaseFirst(kernel: KernelFacts, ecosystem: string | null | undefined): KernelFacts {
  const pkg = kernel.package;
  const at = pkg?.alternatives?.findIndex((a) => a.ecosystem === ecosystem) ?? -1;
  if (!pkg || at < 0 || !pkg.alternatives) return kernel;
  const chosen = pkg.alternatives[at] as { ecosystem: string; names: string[] };
  const rest = [{ ecosystem: pkg.ecosystem ?? "", names: pkg.names }, ...pkg.alternatives.filter((_, i) => i !== at)];
  return { ...kernel, package: { ...pkg, ecosystem: chosen.ecosystem, names: chosen.names, alternatives: rest } };
}

/** Kernels judged one by one when a paste gives several and says not which one failed; more decide nothing. */
const MAX_GIVEN_KERNELS = 8;

/**
 * The facts of each kernel a paste gives, read once per list (the host's `kernelsGiven`, one array for all its records),
 * not again for every record with kernel data (issue #12: ~50 records, each reading every release's string again).
 */
const givenFacts = new WeakMap<readonly string[], readonly KernelFacts[]>();
function givenKernels(given: readonly string[]): readonly KernelFacts[] {
  let facts = givenFacts.get(given);
  if (!facts) {
    facts = given.map((release) => kernelFacts(release));
    givenFacts.set(given, facts);
  }
  return facts;
}

/**
 * Several kernels given and none the host's own (two machines, a reboot, a list of the machines tried): the answer they
 * all give, whichever failed, hedged as a kernel the report names; none when they disagree or one is undecided (review
 * 52h F1: "4.4.0, 4.15.0 and 4.18.0", all before the record's 4.19, left "does not say which one failed").
 */
function givenKernelsCheck(record: BugRecord, host: HostVersions, given: readonly string[]): VersionEvidence[] {
  if (given.length > MAX_GIVEN_KERNELS || !hasKernelData(record)) return [];
  // Judged in turn, up to the first kernel that gives another answer than the first (more than one check counts as
  // "unknown"), or while the first gives none: the kernels after it would decide nothing.
  const each: VersionEvidence[][] = [];
  const answer = (checks: readonly VersionEvidence[]) => (checks.length === 1 ? checks[0]?.result : "unknown");
  for (const kernel of givenKernels(given)) {
    const checks = ownKernelChecks(record, { ...host, kernel, kernelsGiven: undefined });
    const [head] = each;
    if (head ? answer(checks) !== answer(head) : !checks[0] || checks[0].result === "unknown") return [];
    each.push(checks);
  }
  const [first] = each[0] ?? [];
  if (!first) return [];
  const level = weakest(each.flat());
  const subject = `${host.subject} (any of ${listed(given)})`;
  const reason = `${first.reason}; each kernel the input gives is judged alike, whichever failed`;
  const alike = { ...first, subject, value: given.join(", "), level, unverified: level === "reported", reason };
  return [hedgeNamed(alike, "kernels the report gives, none of them its own output")];
}

/**
 * A check on a version the report names rather than the host's own output printed: never certain, and a
 * "not affected" it gives is marked, for any sign of the bug in the log to overrule (doubtBySymptom). With
 * none (a door asking about one record) it stands, hedged: "unknown" there left the reader no wiser
 * although the report says which version it runs.
 */
const HEDGED_READING = " — ";
/** Whether a check's reading was hedged as not the failing one (hedgeNamed: named, another machine's, a listing's). */
export const hedgedReading = (c: Pick<VersionEvidence, "reason">) => c.reason.includes(HEDGED_READING);

export function hedgeNamed(c: VersionEvidence, what: string): VersionEvidence {
  // After a dash, not in parentheses: `what` has its own, and a verdict's reason quotes this one (review 70d F6).
  const named = { ...c, certain: false, reason: `${c.reason}${HEDGED_READING}${what}` };
  if (c.result !== "not-affected") return named;
  const { hedgedFrom: _, unlessBackported: __, ...rest } = named;
  return { ...rest, namedOnly: true };
}

function ownKernelChecks(record: BugRecord, host: HostVersions): VersionEvidence[] {
  const kernel = host.kernel;
  if (!kernel || kernel.emulatedBy) return [];
  const pkg = kernel.package;
  const distro = pkg?.ecosystem ? packageCheck(record, host, kernel, pkg) : null;
  if (distro && !undecidedByOwnData(distro)) return [upstreamConfirmed(distro, record, kernel)];
  const requirements = record.affected.filter((a) => a.ecosystem === "linux" && byOwnVersion(a));
  const fromRequirements = requirements.flatMap((entry) => requirementCheck(entry, host, kernel) ?? []);
  const upstream = record.affected.filter((a) => a.ecosystem === "linux" && !byOwnVersion(a));
  if (upstream.length && kernel.upstream && kernel.upstreamCertainty !== "unknown") {
    const evidence = unlistedBranch(
      check(`${host.subject} (${kernel.release}) as upstream ${kernel.upstream}`, upstream, kernel.upstream, false),
      record,
      kernel.upstream,
    );
    const builder = kernel.distro === "vendor" ? "the vendor" : (kernel.distro ?? "the distribution");
    // kernel.org's branch did not take the change; a distribution's or vendor's kernel may have, on its own (as a CVE fix).
    const ownBuild = kernel.distro || kernel.package || kernel.upstreamCertainty !== "exact" || host.distro;
    const backportOfItsOwn =
      evidence.result === "not-affected" &&
      ownBuild &&
      (notTakenOn(upstream, kernel.upstream) ||
        endedBeforeBackport(record, kernel.upstream) ||
        // kernel.org's sources built unchanged (Ubuntu's mainline PPA) took nothing early.
        (kernel.upstreamCertainty !== "exact" && beforeStartOnBranch(upstream, evidence, kernel.upstream)));
    if (kernel.upstreamCertainty !== "exact") {
      evidence.certain = false;
      evidence.reason += `; judged on the upstream version, and ${builder}${OWN_PATCHES}${backportOfItsOwn ? ", this change among them" : ""}`;
      if (evidence.result === "affected" && ownReleasesRanged(record, kernel.distro)) {
        evidence.level = "reported";
        evidence.unverified = true;
        evidence.reason += `, as the record's own ${kernel.distro} ranges say its builds of this release differ (no ${kernel.distro} release was given)`;
      }
    } else if (backportOfItsOwn) evidence.reason += `; ${builder} may have backported the change on its own`;
    if (backportOfItsOwn) {
      evidence.certain = false;
      evidence.unlessBackported = true;
    }
    // The distribution's own data shows the change reached this build's line (Tumbleweed's 6.19.11-1, before upstream's
    // 6.19.12): upstream's "before the start, unless backported" says nothing more of a later build of it.
    if (distro && evidence.unlessBackported && pkg && pastOwnStart(record, distro, pkg)) return [distro];
    return [...fromRequirements, distro ? besideOwnData(evidence, distro) : evidence];
  }
  if (distro) return [distro];
  const series =
    upstream.length && !kernel.upstream
      ? (seriesCheck(record, upstream, host, kernel) ?? plainSeriesCheck(record, upstream, host, kernel))
      : null;
  return series ? [...fromRequirements, series] : fromRequirements;
}

/**
 * Whether the record ranges an image OS's own releases (Talos, Flatcar), whose kernels carry that OS's patches: the
 * curator found its builds differ from upstream's, so its kernel's upstream number alone ("6.6.58-talos": Talos v1.8.2
 * patched 6.6.58, its main branch's builds of 6.6.58 did not) places it in an upstream range on no more than a report
 * (review 70a F2: "affected (verified)" on v1.8.2's fixed kernel).
 */
const ownReleasesRanged = (record: BugRecord, distro: string | null | undefined): boolean =>
  !!distro && IMAGE_OS.has(distro) && record.affected.some((a) => a.ecosystem === distro);

/**
 * A distribution's own "affected" that the record's upstream ranges confirm more firmly: a build of an upstream release
 * (Fedora's 6.11.5-300.fc41, Arch's 6.11.5.arch1) inside both its distribution's range, which rests on a report, and the
 * verified upstream one. Both say affected; the answer takes the firmer level and says where it comes from (review 64a
 * F1: the very build the record was written from read "reported once", a build outside Fedora's range "verified").
 */
function upstreamConfirmed(distro: VersionEvidence, record: BugRecord, kernel: KernelFacts): VersionEvidence {
  if (distro.result !== "affected" || !kernel.upstream || kernel.upstreamCertainty === "unknown") return distro;
  const upstream = record.affected.filter((a) => a.ecosystem === "linux" && !byOwnVersion(a));
  if (!upstream.length) return distro;
  const up = check(`upstream ${kernel.upstream}`, upstream, kernel.upstream, false);
  if (up.result !== "affected" || LEVEL_ORDER.indexOf(up.level) >= LEVEL_ORDER.indexOf(distro.level)) return distro;
  return {
    ...distro,
    level: up.level,
    unverified: up.level === "reported",
    reason: `${distro.reason}; its upstream release ${kernel.upstream} is in the record's upstream range ${up.range} (${up.level})`,
  };
}

/**
 * A distribution's kernel its own ranges leave open: the one report they rest on places it outside them but nobody
 * confirmed that end (Fedora's 5.10.19-200.fc33 before the one failing build seen, 5.10.22-200.fc33), or they are
 * about another line of its builds (AL2's 5.10 line for a 5.15 build). The record's upstream ranges then judge its
 * upstream version, as they do a distribution's kernel the record does not range at all, hedged (review 31a: the
 * symptom made 5.10.19-200.fc33 "affected" by that one report, where the verified 5.10.20 start rules it out).
 */
const undecidedByOwnData = (c: VersionEvidence) => c.result === "unknown" && (c.hedgedFrom === "not-affected" || !!c.noDecidingRange);

/** Whether a distribution's check was undecided past its deciding range's start (after a last affected build, unconfirmed). */
function pastOwnStart(record: BugRecord, distro: VersionEvidence, pkg: KernelPackage): boolean {
  const range = record.affected
    .filter((a) => a.ecosystem === pkg.ecosystem && pkg.names.includes(a.package))
    .flatMap((a) => a.ranges)
    .find((r) => describeRange(r) === distro.range);
  return !!range && range.introduced !== "0" && safeCompare(pkg.scheme, pkg.version, range.introduced) >= 0;
}

/**
 * The upstream check that stands in for a distribution's own undecided one (undecidedByOwnData), hedged, saying why its
 * own data, resting on one report or about another line, says no more.
 */
function besideOwnData(evidence: VersionEvidence, distro: VersionEvidence): VersionEvidence {
  const why = distro.noDecidingRange ? distro.reason : `the record's ${distro.ecosystem} ranges do not decide: ${distro.reason}`;
  // The distribution's own range places its build past a fix, though on a report: its upstream number alone then verifies
  // no "affected" (review 70a F3: Amazon Linux 2's 5.4.217 was "affected (verified)" by upstream's 5.6 fix, its own
  // backport of the series said by AWS).
  // Not a build before the first one a report saw failing: that says nothing of older builds (beforeStart).
  const leansFixed = evidence.result === "affected" && distro.hedgedFrom === "not-affected" && !distro.beforeStart;
  return {
    ...evidence,
    certain: false,
    ...(leansFixed ? { level: "reported" as const, unverified: true } : {}),
    reason: `${evidence.reason} (${why})`,
  };
}

/**
 * A kernel just before the first affected release of its own stable branch (6.11.3 beside 6.11.4–6.11.6): kernel.org's
 * release is outside the range, but a distribution's or vendor's build of it may have taken the change before
 * kernel.org did (Tumbleweed's 6.19.11-1 carried the cgroup rmdir backport that upstream shipped in 6.19.12), so it is
 * ruled out only unless it did, and the bug's own symptom makes it unknown (review 32b).
 */
function beforeStartOnBranch(upstream: readonly AffectedEntry[], evidence: VersionEvidence, value: string): boolean {
  const start = upstream.flatMap((e) => e.ranges).find((r) => describeRange(r) === evidence.range)?.introduced;
  // A mainline release or candidate (5.10.0, 5.10-rc7, a "5.10.0+" built from git) is no stable build: nobody took a
  // later stable branch's backport into it (the syzbot and bpf CI reports of 2020 beside 5.10.169's 2023 backport).
  // Nor a build many releases before the start (review 32c: 6.6.33-talos beside 6.6.57, months apart): a distribution
  // takes a stable change early by a release or a few, from the stable queue, not long ahead.
  const patch = (v: string) => Number(/^\d+\.\d+\.(\d+)/.exec(v)?.[1] ?? Number.NaN);
  const stable = !isMainlineVersion(value) && /^\d+\.\d+\.[1-9]/.test(value);
  return (
    stable &&
    !!start &&
    !isMainlineVersion(start) &&
    kernelBranch(start) === kernelBranch(value) &&
    safeCompare("linux", value, start) < 0 &&
    patch(start) - patch(value) <= EARLY_RELEASES
  );
}
/** How many stable releases ahead of kernel.org a distribution's build may have taken a change (Tumbleweed: one). */
const EARLY_RELEASES = 2;

/**
 * A kernel on a stable branch no range reaches and no `notTaken` entry names: the ranges say nothing of that branch.
 * "Not affected" is certain when a fix the record names is in a mainline release the kernel carries (a fix of 6.12
 * is in every 6.12.y and later), or when the branch is newer than every branch the record's ranges and notTaken
 * entries reach (forked from mainline after them: a curator checks the branches maintained when the change came).
 * A branch older than or between them may have taken a backport the record does not list: "not affected" only
 * unless it did, and the bug's own symptom makes it unknown (doubtBySymptom).
 */
function unlistedBranch(evidence: VersionEvidence, record: BugRecord, value: string): VersionEvidence {
  if (evidence.result !== "not-affected" || !(evidence.noDecidingRange || evidence.unlessBackported)) return evidence;
  // Older than every branch a backport reached (unlessBackported) or between them: a branch that had ended before
  // the first backport decides either way.
  const ended = endedBeforeBackport(record, value);
  if (ended) {
    const { noDecidingRange: _, unlessBackported: __, ...rest } = evidence;
    return {
      ...rest,
      certain: true,
      reason: ended.reason,
      level: ended.level,
      unverified: ended.level === "reported",
      source: ended.source,
    };
  }
  if (!evidence.noDecidingRange || evidence.unlessBackported) return evidence;
  const fix = mainlineFixOf(record, value);
  const { noDecidingRange: _, ...decided } = evidence;
  if (fix)
    return {
      ...decided,
      reason: `fixed in mainline ${fix.version} (${fix.commit.id.slice(0, 12)}), which your ${kernelBranch(value)} branch carries`,
      level: fix.commit.evidence,
      unverified: fix.commit.evidence === "reported",
      source: fix.commit.source,
    };
  const branch = kernelBranch(value);
  const known = record.affected
    .filter((a) => a.ecosystem === "linux")
    .flatMap((a) => [
      ...a.ranges.flatMap((r) => [r.introduced, r.fixed, r.lastAffected]).flatMap((v) => (v && v !== "0" ? (kernelBranch(v) ?? []) : [])),
      ...a.notTaken.map((n) => n.branch),
    ]);
  if (branch && known.length && known.every((b) => safeCompare("linux", branch, b) > 0)) return evidence;
  return {
    ...evidence,
    certain: false,
    unlessBackported: true,
    reason: `${evidence.reason}, and a ${branch}.y backport is not recorded`,
  };
}

/**
 * A kernel on a stable branch that had ended before the change first came to any stable release (a linux entry's
 * `firstBackport`): no release of it took the change by backport. Nor did it inherit it from mainline: a branch newer
 * than it took the change by backport (a range starting at a stable release), so mainline had it only after that
 * branch forked, and this one forked earlier. Resting on a single report, the first backport's date decides nothing.
 */
function endedBeforeBackport(record: BugRecord, value: string): { reason: string; level: EvidenceLevel; source: string } | undefined {
  const end = branchEnd(value);
  // A release past the branch's last (4.14.350 after 4.14.336) is someone's extended build, which may take CVE backports.
  if (!end || (end.last && safeCompare("linux", value, end.last) > 0)) return undefined;
  for (const entry of record.affected) {
    const first = entry.ecosystem === "linux" ? entry.firstBackport : undefined;
    if (!first || first.evidence === "reported" || end.date >= first.date) continue;
    const forkedBefore = entry.ranges.some(
      (r) =>
        r.introduced !== "0" && !isMainlineVersion(r.introduced) && safeCompare("linux", end.branch, kernelBranch(r.introduced) ?? "0") < 0,
    );
    if (forkedBefore)
      return {
        reason: `the ${end.branch} branch had ended (${end.last ? `${end.last}, ${end.date}` : `by ${end.date}`}) before the change's first stable backport (${first.release}, ${first.date}): no kernel.org ${end.branch} kernel took it`,
        level: first.evidence,
        source: first.source,
      };
  }
  return undefined;
}

/** A fix the record's commits place in a mainline release `value` is at or after (not one resting on a single report). */
function mainlineFixOf(record: BugRecord, value: string): { commit: BugRecord["commits"][number]; version: string } | undefined {
  return record.commits
    .filter((c) => c.role === "fixed" && c.evidence !== "reported" && /(?:^|\/)linux$/.test(c.repo))
    .flatMap((c) => c.versions.filter(isMainlineVersion).map((version) => ({ commit: c, version })))
    .find(({ version }) => safeCompare("linux", value, version) >= 0);
}

/** A release past any stable sublevel: the last of a series, as far as ranges go. */
const SERIES_END = 9999;
/**
 * A series alone with nothing else known of the kernel ("5.10" typed in the uname field): every 5.10.y.
 * Judged on the upstream ranges when they give every release of it the same answer: no range end falls inside the
 * series (a bound at 5.10.3 splits it), and its first and last releases agree. Hedged: a distribution's build of the
 * series may carry its own backports.
 */
function plainSeriesCheck(record: BugRecord, entries: AffectedEntry[], host: HostVersions, kernel: KernelFacts): VersionEvidence | null {
  // A series typed alone, or a vendor's ABI name of one (its builder named by the release, whatever os-release says).
  const series = kernel.seriesOnly ? kernel.branch : kernel.release;
  if (!series || !isSeriesRelease(series)) return null;
  // A distribution's kernel (os-release, a release named) carries that distribution's backports: not a kernel.org one.
  if (!kernel.seriesOnly && (kernel.distro || kernel.package || host.distro || host.release || host.namedRelease)) return null;
  const ends = entries.flatMap((e) => e.ranges.flatMap((r) => [r.introduced, r.fixed, r.lastAffected]));
  if (ends.some((v) => v !== undefined && kernelBranch(v) === series && !isMainlineVersion(v))) return null;
  const subject = `${host.subject} (${kernel.release}) as any ${series}.y kernel`;
  const first = unlistedBranch(check(subject, entries, `${series}.0`, false), record, `${series}.0`);
  const last = unlistedBranch(check(subject, entries, `${series}.${SERIES_END}`, false), record, `${series}.${SERIES_END}`);
  // Both unknown only as the same hedge (a "not affected" resting on one report) is still one answer, with its reason.
  if (first.result !== last.result || (first.result === "unknown" && !(first.hedgedFrom && last.hedgedFrom))) return null;
  // Any distribution's build of the series, for all we know: a "not affected" that no mainline fix before the series
  // explains holds unless that build backported the change.
  const fixedBefore =
    placeSeries(
      series,
      entries.flatMap((e) => e.ranges),
    )?.position === "fixed" || mainlineFixOf(record, `${series}.0`) !== undefined;
  return {
    ...first,
    value: series,
    reason: `${first.reason.replaceAll(`${series}.0`, `${series}.y`)}; every ${series}.y release gets this answer, and a distribution's build of ${series} may carry its own backports`,
    certain: false,
    ...(first.result === "not-affected" && !fixedBefore ? { unlessBackported: true as const } : {}),
  };
}

/**
 * Debian and Ubuntu build a kernel from one upstream series and stable updates (Ubuntu, past a
 * series' end, from newer stable series too): a bug that first appeared at a mainline release after
 * the series, and reached no older series, could only come in through the distribution's own
 * backport. Distributions that backport features into old series (RHEL, SUSE) are not judged so, nor
 * Ubuntu's cloud kernels (linux-azure, linux-aws, linux-gcp, …), which carry their vendor's driver
 * backports: only its generic and lowlatency kernels (and their HWE builds) are.
 */
const SERIES_BASED: Readonly<Record<string, string>> = { ubuntu: "Ubuntu", debian: "Debian" };
const UBUNTU_GENERIC = /^linux(?:-lowlatency)?(?:-hwe(?:-[\d.]+)?)?$/;

/** The kernel releases a record's commits name (the releases that carry its fix or its cause). */
const releasesOf = new WeakMap<BugRecord, string[]>();
/** The kernel releases a record's Linux commits shipped in: read for every record on every kernel-bearing paste, so kept. */
function kernelReleases(record: BugRecord): string[] {
  let releases = releasesOf.get(record);
  if (!releases) {
    releases = record.commits
      .filter((c) => /(?:^|\/)linux$/.test(c.repo))
      .flatMap((c) => c.versions.filter((v) => parseKernelVersion(v) !== null));
    releasesOf.set(record, releases);
  }
  return releases;
}

function seriesBased(kernel: KernelFacts): string | null {
  const distro = SERIES_BASED[kernel.distro ?? ""] ?? null;
  if (distro !== "Ubuntu") return distro;
  const pkg = kernel.package;
  const names = [...(pkg?.names ?? []), ...(pkg?.alternatives ?? []).flatMap((a) => a.names)];
  return names.length && names.every((n) => UBUNTU_GENERIC.test(n)) ? distro : null;
}

/**
 * A distro kernel whose upstream sublevel is unknown ("4.15.0-29-generic"), judged on its series
 * when that alone decides (placeSeries): a mainline fix before the series began is in its code;
 * a bug that began after it is absent unless backported, so that answer is not certain.
 */
function seriesCheck(record: BugRecord, entries: AffectedEntry[], host: HostVersions, kernel: KernelFacts): VersionEvidence | null {
  const series = kernel.branch;
  const [first] = entries;
  if (!series || !first) return null;
  const placed = placeSeries(
    series,
    entries.flatMap((e) => e.ranges),
    kernelReleases(record),
  );
  // A record that ranges over some of this distribution's own builds shows it carried the bug itself.
  const family = kernel.distro ? distributionFamily(kernel.distro) : null;
  const ownBuilds = record.affected.some((a) => ecosystemDistribution(a.ecosystem) === family && isKernelPackage(a.package));
  const distro = ownBuilds ? null : seriesBased(kernel);
  if (!placed) return mainlineFixCheck(record, entries, host, kernel, series);
  if (placed.position === "before" && !distro) return null;
  const builder = SERIES_BASED[kernel.distro ?? ""] ?? (kernel.distro && kernel.distro !== "vendor" ? kernel.distro : "its builder");
  const reason =
    placed.position === "fixed"
      ? `fixed in mainline ${placed.range.fixed}, before the ${series} series began: a kernel built from ${series} carries the fix`
      : placed.position === "carried"
        ? `${placed.range.introduced}, the first affected version, is a mainline release at or before the ${series} series, and no recorded range ends it: a kernel built from ${series} carries the change unless ${builder} reverted it`
        : `${placed.range.introduced}, the first affected version, came after the ${series} series, and no recorded range or release of its commits reaches an older one: this ${distro} kernel, built from ${series}, has the bug only if ${distro} backported the change`;
  const status = placed.position === "carried" ? "affected" : "not-affected";
  const result = hedgeUnconfirmed(
    { status, reason, range: placed.range, certain: placed.position === "fixed", level: placed.level },
    placed.range,
    "linux",
    series,
  );
  return {
    kind: "version",
    subject: `${host.subject} (${kernel.release}) as a ${series} series kernel`,
    value: series,
    ecosystem: rangeLabel(first),
    range: describeRange(placed.range),
    result: result.status,
    reason: result.reason,
    certain: result.certain,
    level: result.level,
    unverified: result.level === "reported",
    ...(result.status === "unknown" ? { hedgedFrom: "not-affected" as const } : {}),
    // A series begun after the mainline fix is a whole branch past it.
    ...(result.status === "unknown" && placed.position === "fixed" ? { pastBranch: true as const } : {}),
    ...(placed.position === "before" ? { unlessBackported: true as const } : {}),
    ...(placed.range.source ? { source: placed.range.source } : {}),
  };
}

/**
 * A distro kernel's series that began after a mainline release carrying the record's fix, where the ranges end only
 * at stable releases (the fix's mainline release is in its commit's `versions`): every range closed, none reaching the
 * series, so a build of the series starts from fixed code (review 63a F1: Ubuntu 6.14 and 7.0 kernels were "unknown"
 * for a bug fixed in mainline 6.13 that Fedora's 6.16 was judged "not affected" for).
 */
function mainlineFixCheck(
  record: BugRecord,
  entries: AffectedEntry[],
  host: HostVersions,
  kernel: KernelFacts,
  series: string,
): VersionEvidence | null {
  const ranges = entries.flatMap((e) => e.ranges);
  const bounds = ranges.map(upperBound);
  if (!ranges.length || bounds.some((b) => b === undefined || safeCompare("linux", kernelBranch(b) ?? b, series) >= 0)) return null;
  const fix = mainlineFixOf(record, `${series}.0`);
  const [first] = entries;
  if (!fix || !first) return null;
  return {
    kind: "version",
    subject: `${host.subject} (${kernel.release}) as a ${series} series kernel`,
    value: series,
    ecosystem: rangeLabel(first),
    range: ranges.map(describeRange).join(", "),
    result: "not-affected",
    reason: `fixed in mainline ${fix.version} (${fix.commit.id.slice(0, 12)}), before the ${series} series began: a kernel built from ${series} carries the fix`,
    certain: true,
    level: fix.commit.evidence,
    unverified: fix.commit.evidence === "reported",
    ...(fix.commit.source ? { source: fix.commit.source } : {}),
  };
}

/**
 * A component judged on its own version. A distribution's build ("1.3.3-0ubuntu1~24.04.2") is judged by
 * the record's ranges for that release's package when the build is that release's own (ownBuild), and
 * otherwise on its upstream release, never certainly where the distribution may have backported a
 * change: an "affected" (the fix) and a "not affected" before the deciding range's first release (the
 * cause: RHEL's docker 1.13.1 carries the 2019 runc fix of Docker 18.09.2, whose symptom the log then
 * shows; see doubtBySymptom). A removal or a requirement is no backport: judged on the release alone.
 */
function componentChecks(
  record: BugRecord,
  host: HostVersions,
  components: Readonly<Record<string, string>> = host.components,
): VersionEvidence[] {
  const unused = unusedCriRuntime(record, host);
  return Object.entries(components).flatMap(([ecosystem, value]) => {
    if (ecosystem === unused) return [];
    const entries = record.affected.filter((a) => judgedBy(a, ecosystem)).flatMap((a) => onHostKernel(a, host.kernel));
    const release = host.release;
    const releasePackage = !!release && record.affected.some((a) => a.ecosystem === release && a.package === ecosystem);
    // Most records range nothing this host runs: nothing below judges a component without a range of its own or its release's.
    if (!entries.length && !releasePackage) return [];
    const distribution = release ?? (host.kernel?.named ? null : host.kernel?.package?.ecosystem);
    const packaged = distroBuildBase(value);
    // `iptables -V` names the upstream release a distribution's build started from, never its revision:
    // RHEL/CentOS 8's 1.8.2 carries 1.8.3's fixes (kubernetes#71305), so on a known distribution it is a build.
    const iptables = !!distribution && IPTABLES_ECOSYSTEM.test(ecosystem);
    // A release the record ranges this component's package on ships its own build, whose `--version` (crun's "0.17")
    // shows no build either: Ubuntu 22.04's crun 0.17 carries the fix its own range records (review 30c).
    const releaseBuild = releasePackage && !PRINTS_BUILD.has(ecosystem);
    const base =
      schemeForEcosystem(ecosystem) !== "semver"
        ? null
        : (packaged ??
          (distribution && (distributionEraDocker(ecosystem, value) || iptables || releaseBuild) ? value.trim().replace(/^v/, "") : null));
    const build = packaged
      ? "a distribution's build"
      : iptables
        ? `the iptables of ${distribution} (\`iptables -V\` shows no build)`
        : releaseBuild
          ? `the ${ecosystem} of ${release}, whose own build the record ranges apart (its version line shows no build)`
          : `docker 1.x on ${distribution}, possibly the distribution's own build`;
    const own =
      base && release && ownBuild(value, release) ? record.affected.filter((a) => a.ecosystem === release && a.package === ecosystem) : [];
    if (own.length) return [check(`${componentSubject(host, ecosystem)} (${value}) as ${release} package ${ecosystem}`, own, value, false)];
    if (!entries.length) return [];
    if (!base) return [onKernelsCheck(checkRanges(componentSubject(host, ecosystem), entries, value, false), entries, host)];
    const { evidence, decisive } = checkRanges(`${componentSubject(host, ecosystem)} (${value})`, entries, base, false);
    if (entries.every(byOwnVersion)) return [evidence];
    const start = decisive?.introduced;
    const beforeStart = !!start && start !== "0" && safeCompare("semver", base, start) < 0;
    if (evidence.result === "affected") {
      evidence.certain = false;
      evidence.reason += `; judged on the upstream release of ${build}, which may carry a backported fix`;
    } else if (evidence.result === "not-affected" && beforeStart) {
      evidence.certain = false;
      evidence.unlessBackported = true;
      evidence.reason += `; ${build}, which may carry the change backported`;
    }
    return [evidence];
  });
}

/**
 * An image OS's release in a range that holds only on some kernel branches (Bottlerocket's kernel-5.15 variants;
 * the entry's `onKernels`): the host's own kernel on another branch rules it out, as the entry's source does; a kernel
 * a sentence names only hedges that; with no kernel given, the release in range is affected, hedged (review 31a: an
 * aws-k8s-1.23 node on kernel 5.10 was "affected" for certain by the 5.15 variants' range).
 */
function onKernelsCheck(
  { evidence, decisive }: { evidence: VersionEvidence; decisive: VersionRange | null },
  entries: readonly AffectedEntry[],
  host: HostVersions,
): VersionEvidence {
  const only = entries.find((e) => decisive && e.ranges.includes(decisive))?.onKernels;
  if (!only || evidence.result !== "affected") return evidence;
  const kernel = host.kernel;
  const ownBranch = kernel ? (kernel.branch ?? kernelBranch(kernel.release)) : null;
  // Without a kernel, the variant the OS names (VARIANT_ID, a nodes table's image) says which kernel it is built on.
  const variant = host.distro?.variant;
  const variantBranch = !ownBranch && variant ? only.variants?.[variant] : undefined;
  const branch = ownBranch ?? variantBranch;
  const on = `only its builds on kernel ${only.branches.join(" or ")} carry the bug`;
  if (!branch) {
    const why = kernel ? `the kernel's branch (${kernel.release}) is not known` : "no kernel version was given";
    return { ...evidence, reason: `${evidence.reason}, but ${on}, and ${why}`, certain: false };
  }
  const runs = ownBranch && kernel ? `the host runs kernel ${kernel.release}` : `its variant ${variant} is built on kernel ${branch}`;
  if (only.branches.includes(branch)) return { ...evidence, reason: `${evidence.reason}, and ${runs}` };
  return {
    ...evidence,
    result: "not-affected",
    reason: `${evidence.reason}, but ${on}, and ${runs}`,
    certain: !(ownBranch && kernel?.named),
    level: only.evidence,
    unverified: only.evidence === "reported",
    source: only.source,
  };
}

/**
 * Components whose version line prints a distribution's build whole (Ubuntu's runc says "runc version 1.1.12-0ubuntu3.1"):
 * a bare number there is the upstream binary (the one Docker's containerd.io ships), not the release's own build (review 30d).
 */
const PRINTS_BUILD = new Set(["runc"]);

/**
 * Whether a distribution's build is the archive's own for the release ("ubuntu:22.04"): its revision names
 * the distribution and, where it names one, that release ("0ubuntu1~22.04.2", "+deb12u1", ".el9"). A PPA's
 * rebuild, another distribution's package in a container or a build without the mark is judged upstream.
 */
function ownBuild(value: string, release: string): boolean {
  const [family, version = ""] = release.split(":");
  if (/ppa/i.test(value)) return false;
  if (family === "ubuntu") {
    const named = /~(\d{2}\.\d{2})/.exec(value)?.[1];
    return /ubuntu/.test(value) && (!named || named === version);
  }
  if (family === "debian") return /\+deb(\d+)u/.exec(value)?.[1] === version.split(".")[0];
  if (family === "rhel") return /\.el(\d+)/.exec(value)?.[1] === version.split(".")[0];
  return false;
}

/**
 * Whether a build names another release of the host's distribution than the host's ("1.6.22-3.1.el8" on
 * rhel:7, "5:27.4.0-1~debian.11~bullseye" on debian:12): a container's or another machine's package,
 * which the host's release's ranges do not judge. Wider than ownBuild's marks: Docker's repository names
 * the release too ("~debian.12", "~ubuntu.22.04"), though its builds are not the archive's own.
 */
function namesOtherRelease(value: string, release: string): boolean {
  const [family = "", version = ""] = release.split(":");
  const named = buildReleaseVersion(value, family);
  return named !== undefined && named !== (family === "ubuntu" ? version : version.split(".")[0]);
}

/** The release of a distribution a package build's own revision names (".el7": 7; "~debian.12~", "+deb12u": 12; "~22.04"). */
function buildReleaseVersion(value: string, family: string): string | undefined {
  if (family === "rhel") return /\.el(\d+)/.exec(value)?.[1];
  if (family === "debian") return /~debian\.(\d+)/.exec(value)?.[1] ?? /\+deb(\d+)u/.exec(value)?.[1];
  if (family === "ubuntu") return /~(?:ubuntu\.)?(\d{2}\.\d{2})/.exec(value)?.[1];
  return undefined;
}

/**
 * With no release read, the release a build's own revision names, among those the record ranges the package on
 * ("containerd.io-1.6.22-3.1.el7" is a RHEL 7 family build: review 47a F5, judged on no range without an os-release).
 */
function releaseOfBuild(value: string, ranged: readonly string[]): string | null {
  const names = (release: string) => buildReleaseVersion(value, release.split(":")[0] ?? "") !== undefined;
  return ranged.find((release) => names(release) && !namesOtherRelease(value, release)) ?? null;
}

/**
 * The ecosystems some version check read ("docker", "ubuntu:22.04 linux"): computed once per record
 * for all hosts, since a fleet of thousands of nodes must not rebuild it for each (quadratic).
 */
export const decidedEcosystems = (checks: readonly VersionEvidence[]): ReadonlySet<string> =>
  // Another component's version that decided nothing (kubeletReadAs) leaves the ecosystem to a named version.
  new Set(checks.filter((c) => !(c.otherComponent && c.result === "unknown")).map((c) => c.ecosystem));

/**
 * The releases a hit line was printed before (RecordSignature.printedBefore: a message the fix removed), by ecosystem: a
 * reading of that ecosystem at or past the release, beside the line, is not the copy of the program that printed it.
 * Exact hits only, as printedFromChecks reads them.
 */
export function printedBeforeBounds(
  record: BugRecord,
  evidence: readonly LogEvidence[],
  messageOf: (e: LogEvidence) => LogMessage = (e) => ({ text: e.text, head: e.text }),
): Map<string, string> {
  const bounded = new Map(record.signatures.flatMap((sig) => (sig.printedBefore ? [[sig.id, sig] as const] : [])));
  const out = new Map<string, string>();
  if (!bounded.size) return out;
  for (const e of evidence) {
    const sig = bounded.get(e.signature);
    const bound = sig?.printedBefore;
    if (!bound || e.approximate || !printedLine(messageOf(e), sig)) continue;
    const scheme = schemeForEcosystem(bound.ecosystem);
    const seen = out.get(bound.ecosystem);
    if (seen === undefined || safeCompare(scheme, bound.version, seen) > 0) out.set(bound.ecosystem, bound.version);
  }
  return out;
}

/** Whether a check's version is at or past the release its ecosystem's line was printed before (printedBeforeBounds). */
export function pastPrintedBound(check: VersionEvidence, bounds: ReadonlyMap<string, string>): boolean {
  const bound = bounds.get(check.ecosystem);
  return bound !== undefined && safeCompare(schemeForEcosystem(check.ecosystem), check.value, bound) >= 0;
}

/**
 * What the log's own lines say of their program's version, where no version of it is read (`checked`: the ecosystems
 * other checks read): a line only releases from one on print (RecordSignature.printedFrom: Docker 29's daemon naming its
 * raised API minimum) places the program at that release or later. That decides where every such release gets one
 * answer: a range open from at or before it (affected), or every range ended by it (not affected). Exact hits only: a
 * resemblance dates nothing.
 */
export function printedFromChecks(
  record: BugRecord,
  host: HostVersions,
  evidence: readonly LogEvidence[],
  checked: ReadonlySet<string>,
  messageOf: (e: LogEvidence) => LogMessage = (e) => ({ text: e.text, head: e.text }),
): VersionEvidence[] {
  // Most records date nothing: their hit lines are not read again.
  const dating = new Map(record.signatures.filter((sig) => sig.printedFrom).map((sig) => [sig.id, sig]));
  if (!dating.size) return [];
  const names = new Set([...checked].flatMap((e) => e.split(" ")));
  const hit = new Set(evidence.filter((e) => !e.approximate && printedLine(messageOf(e), dating.get(e.signature))).map((e) => e.signature));
  const done = new Set<string>();
  return record.signatures.flatMap((sig) => {
    const printed = sig.printedFrom;
    if (!printed || !hit.has(sig.id) || names.has(printed.ecosystem) || done.has(printed.ecosystem)) return [];
    const entries = record.affected.filter((a) => a.ecosystem === printed.ecosystem);
    const [first] = entries;
    if (!first) return [];
    const scheme = schemeForEcosystem(printed.ecosystem);
    const from = printed.version;
    const ranges = entries.flatMap((e) => e.ranges);
    const startsBy = (r: VersionRange) => r.introduced === "0" || safeCompare(scheme, r.introduced, from) <= 0;
    const open = ranges.find((r) => upperBound(r) === undefined && startsBy(r));
    // Every range over by `from`: a fix at or before it, a last affected release before it.
    const over = ranges.every((r) =>
      r.fixed !== undefined
        ? safeCompare(scheme, r.fixed, from) <= 0
        : r.lastAffected !== undefined && safeCompare(scheme, r.lastAffected, from) < 0,
    );
    if (!open && !over) return [];
    done.add(printed.ecosystem);
    const level = weakestLevel([printed.evidence, ...(open ? [endLevel(open, "introduced")] : ranges.map((r) => endLevel(r, "upper")))]);
    const line = `the log's own line (${sig.id}) is printed only by ${printed.ecosystem} from ${from} on`;
    const check: VersionEvidence = {
      kind: "version",
      subject: `${componentSubject(host, printed.ecosystem)} (${from} or later, by its own line)`,
      value: from,
      ecosystem: rangeLabel(first),
      range: open ? describeRange(open) : ranges.map(describeRange).join(", "),
      result: open ? "affected" : "not-affected",
      reason: open
        ? `${line}, and every release from ${open.introduced === "0" ? "the first" : open.introduced} on is affected: no fix is recorded`
        : `${line}, and every recorded range ended by then`,
      certain: level !== "reported",
      level,
      unverified: level === "reported",
      source: printed.source,
    };
    return [check];
  });
}

/**
 * What may come before a program's message on a line it printed: nothing, labels ending in a colon ("Error response
 * from daemon: ", "Error: ", a Go error chain's "failed to create endpoint X on network bridge: ", with an id in parentheses
 * as dockerd names the endpoint's: review 39b), or a file and line
 * ("/etc/coredns/Corefile:5 - ", as CoreDNS names the Corefile line it refuses), then perhaps the directory of the program
 * the message names (buildah's "error running container: from /usr/bin/crun creating container for […]": review 54d F2).
 * Anything else (a denial, a question, a plan, a quote mark) is a person telling of the line (reviews 36d, 36e).
 */
const PRINTED_BEFORE =
  /^\s*(?:[\w./-]+:\d+\s+-\s+|[A-Za-z][\w ./-]{0,100}(?: \([0-9a-f]{6,64}\))?:\s+)*(?:(?:from\s+)?\/(?:[\w.-]+\/){1,8})?$/;

/**
 * Whether a hit line's message (the line, or in a wrapped paste the lines it continues: `messageOf` of printedFromChecks)
 * is a program's output, which dates the program, and not a person's sentence quoting it (review 36d: "we never see
 * 'client version 1.24 is too old. Minimum supported API version is 1.44'" was Docker 29, verified): a log line, or a
 * line whose message only a CLI's labels come before.
 */
function printedLine(message: LogMessage, sig: RecordSignature | undefined): boolean {
  if (!sig) return false;
  const labelled = message.text.replace(TOOL_LABELS, "");
  // A quoted line that is a log record whole (its framing right after the "> ", as an issue or a chat quotes a log) dates
  // its program as the unquoted record does; a quoted sentence still does not (review 66b F6).
  const unquoted = labelled.replace(QUOTE_MARKS, "");
  const text = unquoted !== labelled && isLogFramed(unquoted.trim()) ? unquoted : labelled;
  if (isLogFramed(text.trim())) {
    if (message.text.length === message.head.length) return true;
    // Lines a wrap joined to a log line: only a message the line did not end goes on in them, and no word there is a
    // person's. A line that closes its quotes and ends on a quote or a full stop ended its message: what the wrap reading
    // joined to it is another's (review 40b/40c: "The staging box, not this one, had client version 1.41 is too old…",
    // or the same in lower case, a list item, a quote, after dockerd's `msg="Loading containers: done."` line).
    const at = messageStart(message.text, sig);
    if (at < 0) return false;
    if (at < message.head.length) return true;
    return !endsMessage(message.head) && !TOLD.test(message.text.slice(message.head.length, at));
  }
  // Where the whole message starts, not the signature's longest words (matchAt: review 36e, a long line's quote mark).
  const at = messageStart(text, sig);
  if (at < 0) return false;
  const before = text.slice(0, at);
  return PRINTED_BEFORE.test(before) && !TOLD.test(before);
}

/** A hit line's whole message (in a wrapped paste, with the lines it continues or the lines joined to it) and its first line. */
export interface LogMessage {
  text: string;
  /** The message's first line as pasted: where its framing is. */
  head: string;
}

/**
 * What a tool that fetched the line put before it, machine-made (review 39a: the verdict a line dates its program by
 * was lost under them): `docker compose logs` and `docker service logs` (`web-1  | `, a service's name), `kubectl logs
 * --prefix` (`[pod/web-0/app] `) and the Jenkins Timestamper (`[2024-05-01T10:00:00.123Z] `). Not a mail's `> ` or a
 * line number of `cat -n` or `grep -n`: a quoted mail and a numbered file are as often notes or docs (review 39b).
 */
const TOOL_LABELS = new RegExp(String.raw`^(?:${COMPOSE_LABEL}|${POD_LABEL}|\[\d{4}-\d\d-\d\dT[\d:.]+Z?\] )+`);

/** A person's words among the labels: a sentence ending in a colon ("we expect to see this error: "), not a CLI's. */
const TOLD =
  /\b(?:i|we|you|our|us|my|your|they|expect(?:ed|s)?|should|would|will|might|could|see|saw|seen|docs?|warns?|says?|said|about)\b/i;

/** Whether a log line ended its message: its quotes closed (none escaped left open) and a quote or a full stop last. */
function endsMessage(line: string): boolean {
  return /["'.!?)\]]\s*$/.test(line) && !leavesQuoteOpen(line);
}

/** Each dating signature's pattern, compiled once (null where JavaScript reads no RE2 pattern of it). */
const messagePatterns = new WeakMap<RecordSignature, RegExp | null>();

/** Where a signature's message starts on a line, or -1 (only for the few signatures that date their program). */
function messageStart(text: string, sig: RecordSignature): number {
  if (sig.kind === "literal")
    return (sig.caseSensitive ? text : text.toLowerCase()).indexOf(sig.caseSensitive ? sig.pattern : sig.pattern.toLowerCase());
  let pattern = messagePatterns.get(sig);
  if (pattern === undefined) {
    try {
      pattern = new RegExp(sig.pattern, sig.caseSensitive ? "" : "i");
    } catch {
      pattern = null;
    }
    messagePatterns.set(sig, pattern);
  }
  return pattern?.exec(text)?.index ?? -1;
}

/**
 * Versions the text only names in passing, for the ecosystems no output of the host itself decided
 * (`decided`: decidedEcosystems of its versionChecks). Such a version may not be the running one, so it
 * is never certain, and a "not affected" it gives gives way to any sign of the bug in the log (hedgeNamed).
 */
export function mentionedChecks(record: BugRecord, host: HostVersions, decided: ReadonlySet<string>): VersionEvidence[] {
  if (!host.mentioned || platformCheck(record, host)) return [];
  // "ubuntu:22.04 runc" decided runc too: the host's own build of it.
  const names = new Set([...decided].flatMap((e) => e.split(" ")));
  const open = Object.fromEntries(Object.entries(host.mentioned).filter(([ecosystem]) => !names.has(ecosystem)));
  return componentChecks(record, host, open).map((c) => {
    const ecosystem = c.ecosystem.split(" ")[0] ?? "";
    const notLogging = host.notAsLogged?.[ecosystem];
    if (notLogging) return hedgeNamed(c, `read from the host, but ${notLogging}`);
    const elsewhere = host.mentionedElsewhere?.[ecosystem];
    // The host's own output before the paste upgrades the component is no version the report names (review 69c F4: "not
    // read from the host" of `containerd --version`'s 1.6.3, printed at the host's prompt before the upgrade).
    if (elsewhere === BEFORE_UPGRADE_VIA) return hedgeNamed(c, `read from the host, but ${elsewhere}`);
    if (elsewhere) return hedgeNamed(c, `a version the report names, not read from the host: ${elsewhere}`);
    const listing = listedBuildOf(host, ecosystem, c.value);
    if (listing) return hedgeNamed(c, `${LISTING_READ}: ${listing}, ${LISTING_PATCHED}`);
    return hedgeNamed(c, "a version the report names, not read from the host");
  });
}

/**
 * The package listing's build (`rpm -q crun`'s "crun-1.18.1-1.fc41") the host's version of a component was read from,
 * where a listing of the host's own gave it (review 53b F3: it was called "a version the report names").
 */
function listedBuildOf(host: HostVersions, ecosystem: string, version: string): string | undefined {
  const listed = Object.entries(host.packages ?? {}).find(
    ([name, build]) => !host.packageVia?.[name] && listedEcosystem(name) === ecosystem && upstreamOf(build) === version,
  );
  return listed ? `${listed[0]} ${listed[1]}` : undefined;
}

export function versionChecks(record: BugRecord, host: HostVersions): VersionEvidence[] {
  const platform = platformCheck(record, host);
  if (platform) return [platform];
  const read = componentChecks(record, host).map((c) => daemonRead(clientRead(kubernetesReadAs(record, c, host), host), host));
  // kube-proxy's own version, where read, judges its ranges in place of the kubelet's standing for it (kubeletReadAs).
  const components = host.components[KUBE_PROXY] === undefined ? read : read.filter((c) => !c.otherComponent);
  const backend = otherBackendChecks(record, host);
  // A bug of one iptables backend on a host that runs the other: the backend decides, whatever a package's build says.
  const packages = backend.length ? [] : packageChecks(record, host, ownComponents(record, components));
  const kernel = kernelChecks(record, host);
  const checks = [...kernel, ...components, ...packages, ...backend];
  // A version a node last reported may not be the one that failed: hedged, and any sign of the bug overrules a "not affected".
  // Not one its own output printed now ("ubuntu:22.04 containerd" is containerd's build, "kubernetes kubelet" Kubernetes').
  const stale = host.lastReported;
  if (!stale) return checks;
  const named = (c: VersionEvidence, set: ReadonlySet<string> | undefined) => c.ecosystem.split(" ").some((word) => set?.has(word));
  return checks.map((c) => {
    if (host.kernelCurrent && kernel.includes(c)) return c;
    if (!named(c, host.current)) return hedgeNamed(c, stale);
    if (c.result === "affected" || !named(c, host.changed)) return c;
    return hedgeNamed(c, "its own output now; the node last reported another version, perhaps the one that failed");
  });
}

/**
 * A distribution's package build a listing shows (`dpkg -l`'s "ii  containerd.io  1.7.24-1"), judged by the record's
 * ranges for that package on the host's release ("debian:12 containerd.io"), or on a repository that serves every
 * release alike ("download.docker.com:deb containerd.io"): the very version string those ranges give. Hedged: an
 * affected answer is not certain, a not-affected one unknown (never ruling a bug out, unlike a version named in
 * passing with no sign of the bug in the log): a listing is often another machine's or a container's (`docker run
 * debian:12 dpkg -l`), `dpkg-query -W` also lists removed packages, and a narrow terminal cuts dpkg's version column
 * ("1.3.3-0ubunt"). Kernel packages are the kernel's to judge (kernelChecks).
 */
function packageChecks(record: BugRecord, host: HostVersions, decided: ReadonlySet<string>): VersionEvidence[] {
  const { release, packages } = host;
  if (!packages) return [];
  // A build of a component the host's own output already gave (containerd.io's runc beside `docker version`'s runc):
  // the running binary's version wins over a listing, which may be another machine's or a removed package's.
  const upstream = upstreamComponents(record);
  const builds = (a: AffectedEntry) => componentOf(a.ecosystem, a.package, upstream) ?? (upstream.length === 1 ? upstream[0] : undefined);
  // A release the records do not range (Raspbian, Linux Mint) still names its family through its ID or ID_LIKE.
  const lineage = host.distro ? [host.distro.id, ...host.distro.idLike].map(distributionFamily) : [];
  const family =
    (release ? ecosystemDistribution(release) : null) ?? lineage.find((f) => repositoriesServing(f).length) ?? lineage[0] ?? null;
  const listed = (a: AffectedEntry) => packages[a.package];
  // With no release read, a build whose revision names one is that release's own (an el7 RPM installs on EL7 only),
  // unless the host's own kernel names another release of the family (review 47c F2: an el7 image's listing beside an
  // el9 kernel; 47d F5: Oracle's el7uek kernel is EL7's).
  const kernelBuild = host.kernel && !host.kernel.named ? host.kernel.release : "";
  const releaseOf = (a: AffectedEntry) => {
    if (release) return release;
    const named = releaseOfBuild(
      listed(a) ?? "",
      record.affected.filter((b) => b.package === a.package && b.ecosystem.includes(":")).map((b) => b.ecosystem),
    );
    return named && !(kernelBuild && namesOtherRelease(kernelBuild, named)) ? named : null;
  };
  // A repository's build (Docker's containerd.io) is the same on every release it serves: no release needed.
  const fromRepository = (a: AffectedEntry) =>
    isRepositoryEcosystem(a.ecosystem) && repositoryServes(a.ecosystem, family, listed(a) as string);
  const unused = unusedCriRuntime(record, host);
  const entries = record.affected.filter(
    (a) =>
      !isKernelEntry(a) &&
      listed(a) !== undefined &&
      (unused === undefined || listedEcosystem(a.package, true) !== unused) &&
      !decided.has(builds(a) ?? "") &&
      (fromRepository(a) || (a.ecosystem === releaseOf(a) && !namesOtherRelease(listed(a) as string, a.ecosystem))),
  );
  return [...new Set(entries.map((a) => a.package))].map((name) => {
    const version = packages[name] as string;
    const own = entries.filter((a) => a.package === name);
    const repository = own.every(fromRepository);
    const where = repository ? (own[0] as AffectedEntry).ecosystem : releaseOf(own[0] as AffectedEntry);
    const judged = repository ? repositoryBuild(version) : version;
    const c = check(`${componentSubject(host, `${where} package ${name}`)} (${version})`, own, judged, false);
    const via = host.packageVia?.[name] ?? "a package listing, perhaps another machine's or a removed package's";
    const listed = { ...c, certain: false, reason: `${c.reason} (${via})` };
    if (c.result !== "not-affected") return listed;
    // No `hedgedFrom`: that would let the bug's symptom turn a fixed build into "affected" (confirmBySymptom), and a
    // listing's build past the fix beside a shared symptom (LXC guests print OpenVPN's EPERM too) decides nothing.
    const { hedgedFrom: _, unlessBackported: __, ...rest } = listed;
    return { ...rest, result: "unknown" as const, reason: `not decided: ${listed.reason}` };
  });
}

/**
 * Whose version a host's kubernetes is: the API server's own answer to `kubectl version` on the API server's host
 * (api-server.ts), said so and not hedged, as `docker version`'s server part is the daemon's (session 69 V, review 69i
 * F2); on any other host its kubelet's (kubeletReadAs).
 */
function kubernetesReadAs(record: BugRecord, c: VersionEvidence, host: HostVersions): VersionEvidence {
  if (c.ecosystem.split(" ")[0] !== "kubernetes") return c;
  if (host.apiServer) return { ...c, reason: `${c.reason} (its own answer to \`kubectl version\`)` };
  // kube-proxy's own version (its `--version`, its DaemonSet's image: tool-versions.ts), no kubelet's.
  if (c.subject.startsWith(componentSubject(host, KUBE_PROXY))) return c;
  return kubeletReadAs(record, c);
}

/**
 * A host's Kubernetes version is its kubelet's (a nodes table's VERSION, `kubelet --version`). Judged by it,
 * another component's range (the API server's, kube-proxy's) can only say "affected", hedged: the version
 * skew policy never lets a kubelet be newer than its API server, and before 1.25 kept kube-proxy on the
 * kubelet's minor release (patch releases free; since then up to three minors either way), so a kubelet in
 * range makes the component possibly so, while a kubelet out of range says nothing of it. That "not affected"
 * is unknown, and leaves the answer to a version of the component itself (`kubectl version`'s Server Version).
 */
function kubeletReadAs(record: BugRecord, c: VersionEvidence): VersionEvidence {
  const entries = record.affected.filter((a) => a.ecosystem === "kubernetes");
  if (!entries.length || entries.some(readsOwnVersion)) return c;
  const other = [...new Set(entries.map((a) => a.package))].join(" or ");
  const { hedgedFrom: _, unlessBackported: __, ...rest } = c;
  const hedged = { ...rest, certain: false, otherComponent: true as const, reason: `${c.reason} (the kubelet's version, not ${other}'s)` };
  return c.result === "not-affected" ? { ...hedged, result: "unknown", reason: `not decided: ${hedged.reason}` } : hedged;
}

/**
 * A version only the Docker CLI printed (`docker --version`, no daemon output beside it) is the client's: the
 * daemon that failed may be another (a CI job's CLI talking to a dind service, a remote context, a CLI
 * upgraded on its own). Like a version the report names, it answers hedged, and a "not affected" gives way
 * to any sign of the bug in the log (hedgeNamed, doubtBySymptom).
 */
function clientRead(c: VersionEvidence, host: HostVersions): VersionEvidence {
  const ecosystem = c.ecosystem.split(" ")[0] ?? "";
  if (!host.fromClient?.has(ecosystem) || !c.subject.startsWith(componentSubject(host, ecosystem))) return c;
  return hedgeNamed(c, `the ${ecosystem} client's version, \`${ecosystem} --version\`; the daemon's may differ`);
}

/**
 * A version the running daemon answered (`crictl version`) beside a newer one its binary on disk printed (`containerd
 * --version`): the daemon's judges, since it is the process that runs the containers, hedged (the two may still be two
 * machines'); the answer names the binary's, which a restart would bring in (review 54d F4).
 */
function daemonRead(c: VersionEvidence, host: HostVersions): VersionEvidence {
  const ecosystem = c.ecosystem.split(" ")[0] ?? "";
  const disk = host.onDisk?.[ecosystem];
  if (disk === undefined || !c.subject.startsWith(componentSubject(host, ecosystem))) return c;
  const note = `${c.value} is what the running daemon reports; its binary on disk (\`${ecosystem} --version\`) is the newer ${disk}: upgraded, and the daemon not restarted since`;
  return { ...c, certain: false, reason: `${c.reason}. ${note}` };
}

/**
 * A record marked `linuxOnly` (its root cause is a Linux facility: AppArmor, seccomp, cgroups, iptables)
 * on a Windows node of a nodes table: the component releases it names run there too, but without that
 * facility, so the node is not affected whatever its versions.
 */
function platformCheck(record: BugRecord, host: HostVersions): VersionEvidence | null {
  if (!record.linuxOnly || !host.windowsNode) return null;
  return {
    kind: "version",
    subject: `${hostName(host)}: ${host.distro?.prettyName ?? "Windows"}`,
    value: "windows",
    ecosystem: "platform",
    range: "Linux hosts only",
    result: "not-affected",
    reason: "this bug lives in a Linux facility of its components (the record's root cause), and the node runs Windows",
    certain: true,
    level: "verified",
    unverified: false,
    onlyLinux: true,
  };
}

/**
 * A record whose every component one host's own output puts in range: that combination is the bug
 * itself, whatever the entries' kinds, so it warns without a symptom. The components are its `together`
 * groups, or its pair (pairGroups). The affected checks of the first such host; null when there is none.
 */
export function combinationChecks(record: BugRecord, hosts: readonly HostVersions[]): VersionEvidence[] | null {
  const groups = componentGroups(record);
  if (!groups) return null;
  // Each group as the labels its entries' checks carry (rangeLabel: "rhel:7 kernel", "docker").
  const labels = groups.map((group) => new Set(record.affected.filter((a) => group.includes(a.ecosystem)).map(rangeLabel)));
  for (const host of hosts) {
    const affected = versionChecks(record, host).filter((c) => c.result === "affected");
    if (labels.every((group) => affected.some((c) => group.has(c.ecosystem)))) return affected;
  }
  return null;
}

/**
 * A removal in one component and a requirement in another, and no regression: a pair that cannot run
 * together (kubelet 1.26 dropped CRI v1alpha2; containerd before 1.6 serves nothing else), each ecosystem
 * its own component. Two removals are alternatives (Docker 26 or containerd 2 refusing schema 1), not a
 * pair. Null otherwise.
 */
function pairGroups(record: BugRecord): string[][] | null {
  const kinds = new Set(record.affected.map((a) => a.kind));
  if (!kinds.has("removal") || !kinds.has("requirement") || kinds.has("regression")) return null;
  // A kernel's ecosystems (upstream, photon:3) are views of one component, the kernel.
  const kernels = [...new Set(record.affected.filter(isKernelEntry).map((a) => a.ecosystem))];
  const others = [...new Set(record.affected.filter((a) => !isKernelEntry(a)).map((a) => a.ecosystem))].map((e) => [e]);
  return kernels.length ? [kernels, ...others] : others;
}

/** The components a record's bug needs together: its `together` groups, or its removal+requirement pair; null for one component. */
export function componentGroups(record: BugRecord): ReadonlyArray<readonly string[]> | null {
  const groups = record.together ?? pairGroups(record);
  return groups && groups.length >= 2 ? groups : null;
}

/**
 * The component an entry (or a check's label, "debian:12 containerd") is a version of, when a record
 * names alternatives (Docker 26 or containerd 2 refusing schema 1 images): an upstream component by its
 * ecosystem (iptables' backends as one), the kernel with the image-based OS that ships it. A release's
 * package is the upstream component of its name; another (containerd.io, which also bundles runc) is a
 * build of one the record names, not an alternative of its own.
 */
function componentOf(ecosystem: string, pkg: string, upstream: readonly string[]): string | null {
  if (ecosystem === "platform") return "*";
  if (isKernelEntry({ ecosystem, package: pkg }) || IMAGE_OS.has(ecosystem) || ecosystem === "cos") return "kernel";
  if (!ecosystem.includes(":")) return IPTABLES_ECOSYSTEM.test(ecosystem) ? "iptables" : ecosystem;
  return upstream.includes(pkg) ? pkg : null;
}

/**
 * A record's alternative components (no `together`, see componentOf) that no check read: the bug is
 * in any of them, so a version of one ruling it out says nothing of another (a Docker 25 host's
 * containerd 2, driven by the kubelet, still refuses the image). Empty for a record of one component.
 */
function unreadAlternatives(record: BugRecord, checks: readonly VersionEvidence[], hosts: readonly HostVersions[]): string[] {
  const named = alternativeComponents(record);
  if (named.length < 2) return [];
  const read = componentsRead(record, checks);
  if (read.has("*")) return [];
  // A node's kubelet uses one CRI runtime, which its row names: the other cannot be the one that failed. A
  // host's `containerd --version` says no such thing (the kubelet may drive CRI-O beside it).
  // Docker (dockershim, cri-dockerd) runs containerd beneath it.
  const kubelet = new Set(hosts.map((h) => (h.kubeletRuntime === "docker" ? "containerd" : h.kubeletRuntime)));
  const rowsOnly = hosts.length > 0 && !kubelet.has(undefined);
  return named.filter((c) => !read.has(c) && !(rowsOnly && CRI_RUNTIMES.includes(c) && !kubelet.has(c)));
}

const CRI_RUNTIMES = ["containerd", "cri-o"];

/**
 * For a record whose bug lies in either CRI runtime, the one the host's kubelet does not use, as its nodes row, its
 * `crictl version` or its containers' cgroup scopes name the one it does (mentions.ts; review 47a F6: a node's
 * containerd.io, there for Docker, was judged "affected" for a CRI bug on a kubelet that crictl showed running a fixed
 * CRI-O). Docker (dockershim, cri-dockerd) runs containerd.
 */
function unusedCriRuntime(record: BugRecord, host: HostVersions): string | undefined {
  const used = host.kubeletRuntime === "docker" ? "containerd" : host.kubeletRuntime;
  if (!used || !CRI_RUNTIMES.includes(used)) return undefined;
  const alternatives = alternativeComponents(record);
  return CRI_RUNTIMES.every((c) => alternatives.includes(c)) ? CRI_RUNTIMES.find((c) => c !== used) : undefined;
}

/**
 * What a record alone decides, worked out once per record object (a knowledge base's records do not change): asked for
 * every record with version data on every host of every diagnosis, it rebuilt the same lists each time (issue #12).
 */
function perRecord<T>(of: (record: BugRecord) => T): (record: BugRecord) => T {
  const memo = new WeakMap<BugRecord, T>();
  return (record) => {
    let value = memo.get(record);
    if (value === undefined) {
      value = of(record);
      memo.set(record, value);
    }
    return value;
  };
}

/** The clause a kernel judged on its upstream version ends its reason with, after who built it ("fedora"). */
const OWN_PATCHES = " may carry its own patches";
/**
 * Who built a kernel its check judged on the upstream version ("fedora"), or on its series ("… unless Ubuntu reverted it",
 * "… only if debian backported the change"), read from the check's reason: the one place the clauses are written and
 * read, so decide-with.ts can point at that builder's changelog (review 70d F6).
 */
export const upstreamJudgedBuilder = (reason: string): string | undefined =>
  new RegExp(`\\b(\\w+)${OWN_PATCHES}|\\bunless (\\w+) reverted it\\b|\\bonly if (\\w+) backported the change\\b`)
    .exec(reason)
    ?.slice(1)
    .find((builder) => builder !== undefined);

/** The components a record's bug may lie in, any one enough (see componentOf); one for most records. */
export const alternativeComponents = perRecord((record): readonly string[] => {
  const upstream = upstreamComponents(record);
  // Beside a removal (Docker 29's API floor), another component's range names the setups that trip over it
  // (Traefik's pinned client): before the removal, they do not.
  const removals = record.affected.filter((a) => a.kind === "removal");
  const entries = removals.length ? removals : record.affected;
  return [...new Set(entries.flatMap((a) => componentOf(a.ecosystem, a.package, upstream) ?? []))];
});

const upstreamComponents = perRecord((record): readonly string[] => [
  ...new Set(record.affected.filter((a) => !a.ecosystem.includes(":")).map((a) => a.ecosystem)),
]);

/** The components the host's own output decided (a certain check, not a hedged one). */
function ownComponents(record: BugRecord, checks: readonly VersionEvidence[]): Set<string> {
  return componentsRead(
    record,
    checks.filter((c) => c.certain && c.result !== "unknown"),
  );
}

/** The components the checks read; a check's label is its ecosystem and package ("docker docker-ce"), or several ecosystems ("ubuntu:24.04, …"). */
function componentsRead(record: BugRecord, checks: readonly VersionEvidence[]): Set<string> {
  const upstream = upstreamComponents(record);
  return new Set(
    checks.flatMap((c) =>
      c.ecosystem.split(", ").flatMap((label) => {
        const [ecosystem = "", pkg = ecosystem] = label.split(" ");
        return componentOf(ecosystem, pkg, upstream) ?? [];
      }),
    ),
  );
}

/**
 * Each symptom line's alternative components, from its signatures' `component` (empty: a line of none of them), as
 * componentOf names them. One line may match several signatures (dockerd's AppArmor refusal holds the generic exec
 * error too): it is the named component's.
 */
export type SymptomComponents = ReadonlyArray<readonly string[]>;

function symptomOf(record: BugRecord, components: SymptomComponents): { named: Set<string>; unnamed: boolean } {
  const upstream = upstreamComponents(record);
  const named = new Set(components.flatMap((line) => line.flatMap((c) => componentOf(c, c, upstream) ?? [])));
  return { named, unnamed: components.some((line) => line.length === 0) };
}

/**
 * Alternatives read only in part, beside the bug's own symptom: the unread ones whose version decides. A symptom line
 * that is an unread alternative's (its signature's `component`) names that one; a line of none of them (a program in
 * the container under Docker's seccomp profile and the host's libseccomp, runc beneath both engines) says nothing of
 * which failed, and every unread one decides; only when every symptom line is a read component's own (dockerd's
 * AppArmor refusal on a Docker past the fix) does its "not affected" stand, hedged.
 */
function decidingUnread(
  record: BugRecord,
  checks: readonly VersionEvidence[],
  hosts: readonly HostVersions[],
  components: SymptomComponents,
): string[] {
  const unread = unreadAlternatives(record, checks, hosts);
  if (!unread.length || !components.length) return [];
  const symptom = symptomOf(record, components);
  const named = unread.filter((c) => symptom.named.has(c));
  if (named.length) return named;
  return symptom.unnamed ? unread : [];
}

/**
 * The checks that can confirm a symptom: where every symptom line is one alternative's own (runc's "this version of
 * runc doesn't work on cgroups v2"), only those components' checks, perhaps none; another alternative's version
 * (Docker's) says nothing of it. Otherwise all of them.
 */
export function symptomChecks(
  record: BugRecord,
  checks: readonly VersionEvidence[],
  components: SymptomComponents,
): readonly VersionEvidence[] {
  if (!components.length || componentGroups(record)) return checks;
  const symptom = symptomOf(record, components);
  if (symptom.unnamed || !symptom.named.size) return checks;
  // Their own checks only: none (dockerd's line, no Docker version given) confirms nothing, whatever runc's says.
  return checks.filter((c) => [...componentsRead(record, [c])].some((r) => symptom.named.has(r)));
}

/** A record's `together` groups in words: "kubernetes with linux or rhel:7". */
export const describeTogether = (groups: ReadonlyArray<readonly string[]>) => groups.map((g) => g.join(" or ")).join(" with ");

/**
 * A distribution release the record says is affected whole (every version of the package in it, none
 * fixed: Ubuntu 24.04's AppArmor user-namespace restriction, RHEL 7's kernel without user namespaces)
 * is decided by the release alone, when no version of that package is known (`decided`:
 * decidedEcosystems of the host's versionChecks). Only for a finding, whose log shows the bug: alone, a release says nothing of a
 * package's use. A kernel is then assumed to be the distribution's own, so the answer is hedged.
 */
export function releaseChecks(record: BugRecord, host: HostVersions, decided: ReadonlySet<string>): VersionEvidence[] {
  // A release named in passing may be the one the person meant to run: it can only say affected, hedged.
  const named = !host.release;
  const release = host.release ?? host.namedRelease;
  if (!release) return [];
  return record.affected.flatMap((entry) => {
    const ecosystem = rangeLabel(entry);
    if (entry.ecosystem !== release || decided.has(ecosystem)) return [];
    // A kernel known only by its series ("3.10" typed for a CentOS 7 host) leaves the release to decide.
    if (isKernelPackage(entry.package) && host.kernel && !isSeriesRelease(host.kernel.release)) return [];
    const every = everyVersionAffected(entry.ranges);
    if (!every?.range) return [];
    return [
      {
        kind: "version" as const,
        subject: `${hostName(host)}: ${release}${named ? " (named in the text, not read from the host)" : ""}`,
        value: release,
        ecosystem,
        range: describeRange(every.range),
        result: "affected" as const,
        reason: isKernelPackage(entry.package)
          ? `every ${entry.package} of ${release} is affected, none fixed; judged on the release, assuming its own kernel (${host.kernel ? `only the series ${host.kernel.release} given` : "no uname given"})`
          : `every ${entry.package} of ${release} is affected; none is fixed`,
        certain: !named && !isKernelPackage(entry.package),
        level: every.level,
        unverified: every.level === "reported",
        ...(every.range.source ? { source: every.range.source } : {}),
      },
    ];
  });
}

const FAMILY_NAMES: Record<string, string> = {
  ubuntu: "Ubuntu",
  rhel: "RHEL (and rebuilds)",
  debian: "Debian",
  fedora: "Fedora",
  amzn: "Amazon Linux",
};

/** How a check names the host: "your host" for the one machine, "node worker-2" in a fleet. */
const hostName = (host: HostVersions) => (host.subject === SINGLE_HOST ? "your host" : host.subject);

/**
 * A record marked `distributionOnly` (Ubuntu's AppArmor policy, RHEL 7's kernel default) is its
 * distributions' bug: a host whose os-release names another distribution, and none it derives from
 * (ID_LIKE), is not affected, whatever its versions. Without an os-release, a kernel the release string
 * shows to be a distribution's own package ("4.4.0-1096-aws" is Ubuntu's linux-aws, "3.10.0-1160.el7" RHEL's)
 * names the host's distribution: a kernel is the host's, whatever a container prints. A name in passing never decides.
 */
export function distroChecks(record: BugRecord, host: HostVersions): VersionEvidence[] {
  // An image OS is inspected from containers (Bottlerocket's admin and control containers, a debug pod), whose
  // os-release is another distribution's: only its kernel, another distribution's own build, rules the host out
  // (review 63i F1: Bottlerocket 1.12.0 was "not affected" beside its control container's Amazon Linux 2 os-release).
  const imageOs = record.affected.every((a) => IMAGE_OS.has(a.ecosystem));
  const os = imageOs ? kernelDistribution(host.kernel) : hostDistribution(host);
  if (!os || !record.distributionOnly || !record.affected.length) return [];
  const families = record.affected.map((a) => ownSystem(a.ecosystem));
  if (families.some((f) => f === null)) return [];
  const own = new Set([os.id, ...os.idLike].map(distributionFamily));
  if (families.some((f) => own.has(f as string))) return [];
  // A kernel of another distribution than the os-release's (a container's os-release pasted with the
  // host's uname): which one is the host's, the input does not say.
  const kernelFamily = host.kernel?.distro && host.kernel.distro !== "vendor" ? distributionFamily(host.kernel.distro) : null;
  if (kernelFamily && !own.has(kernelFamily)) return [];
  const ecosystems = [...new Set(record.affected.map((a) => a.ecosystem))].join(", ");
  const levels = record.affected.flatMap((a) => a.ranges.flatMap(rangeLevels));
  const level = weakestLevel(levels);
  return [
    {
      kind: "version",
      subject: `${hostName(host)}: ${os.prettyName ?? os.id}`,
      value: os.id,
      ecosystem: ecosystems,
      range: `only ${ecosystems}`,
      result: "not-affected",
      reason: `this bug lives only in ${[...new Set(families)].map((f) => FAMILY_NAMES[f as string] ?? f).join(", ")} builds (ranges: ${ecosystems}), and the host runs ${os.prettyName ?? os.id}`,
      certain: true,
      level,
      unverified: level === "reported",
    },
  ];
}

/**
 * The system whose own bug a `distributionOnly` entry's ecosystem names: a distribution release's family, or an image OS
 * (Bottlerocket, Talos, Flatcar: their os-release ID is the ecosystem), whose build settings are its own (review 63g F1:
 * a CentOS host's hung-task panic was Bottlerocket's bug at medium, "unknown: no version of bottlerocket was given").
 */
export const ownSystem = (ecosystem: string): string | null =>
  ecosystemDistribution(ecosystem) ?? (IMAGE_OS.has(ecosystem) ? ecosystem : null);

/** The host's distribution: its os-release's or OS image's, else the one its own kernel package shows; null when neither says. */
export const hostDistribution = (host: HostVersions): Pick<OsFacts, "id" | "idLike" | "prettyName"> | null =>
  host.distro ?? kernelDistribution(host.kernel);

/** What the distribution's own os-release says it derives from (ID_LIKE), for a host known by its kernel alone. */
const KERNEL_ID_LIKE: Readonly<Record<string, string[]>> = { ubuntu: ["debian"], amzn: ["centos", "rhel", "fedora"], rhel: ["fedora"] };

/** The distribution whose own package a kernel is, as its release string shows (Ubuntu's 4.4.0-1096-aws, RHEL's .el7 build). */
function kernelDistribution(kernel: KernelFacts | null): Pick<OsFacts, "id" | "idLike" | "prettyName"> | null {
  // A kernel a sentence, a quote or another machine's output names ("works on my laptop with 6.8.0-31-generic") is no host's.
  if (!kernel || kernel.named || !kernel.distro || kernel.distro === "vendor") return null;
  const ecosystem = kernel.package?.ecosystem;
  const family = ecosystem ? ecosystemDistribution(ecosystem) : distributionFamily(kernel.distro);
  if (!family) return null;
  const name = FAMILY_NAMES[family] ?? family;
  return {
    id: family,
    idLike: KERNEL_ID_LIKE[family] ?? [],
    prettyName: `${/^[AEIOU]/.test(name) ? "an" : "a"} ${name} kernel (${kernel.release})`,
  };
}

interface ComponentChecks {
  ecosystems: readonly string[];
  kernel: boolean;
  /** Whether the version the engine reads for these ecosystems is the component's own (see readsOwnVersion). */
  decisive: boolean;
  checks: VersionEvidence[];
}

/**
 * Whether the version the engine reads for the entry's ecosystem is its package's own. The kubernetes
 * version a host shows is the kubelet's (`kubelet --version`, a nodes table's VERSION), which need not be
 * kube-proxy's or the apiserver's; every other ecosystem is read from the component itself.
 */
const readsOwnVersion = (a: AffectedEntry) => a.ecosystem !== "kubernetes" || a.package === "kubelet" || a.package === "kubernetes";

/**
 * Whether a component read under `ecosystem` judges an entry: its own ecosystem's, or a Kubernetes package read on its own
 * (kube-proxy's `--version` or image, tool-versions.ts), whose ranges the records write under kubernetes.
 */
const judgedBy = (a: AffectedEntry, ecosystem: string) =>
  a.ecosystem === ecosystem || (ecosystem === KUBE_PROXY && a.ecosystem === "kubernetes" && a.package === KUBE_PROXY);

/**
 * The checks of each component a record needs together, by the ecosystem the check names first
 * ("rhel:7 kernel" is rhel:7's), for one host. Null for a record of one component.
 */
function checksByGroup(record: BugRecord, checks: readonly VersionEvidence[], groups = componentGroups(record)): ComponentChecks[] | null {
  if (!groups) return null;
  return groups.map((group) => {
    const entries = record.affected.filter((a) => group.includes(a.ecosystem));
    // A release's own package ("ubuntu:22.04 runc") is its component's check too.
    const own = checks.filter((c) => c.ecosystem.split(" ").some((e) => group.includes(e)));
    return {
      ecosystems: group,
      kernel: entries.every(isKernelEntry),
      // Or where what was read is the component's own (kube-proxy's `--version`), none read from another (kubeletReadAs).
      decisive: entries.every((a) => isKernelEntry(a) || readsOwnVersion(a)) || (own.length > 0 && own.every((c) => !c.otherComponent)),
      checks: own,
    };
  });
}

/**
 * The checks of each host, by the host's subject that starts the check's: the subject itself, or it
 * followed by " (" (a kernel check) or ":" (a component's). A host named in the hosts form may hold
 * those characters itself, so the longest subject that fits wins. A single host's checks say "your …".
 */
export function checksOfHosts(checks: readonly VersionEvidence[], hosts: readonly HostVersions[]): Map<string, VersionEvidence[]> {
  const subjects = new Set(hosts.map((h) => h.subject));
  const out = new Map<string, VersionEvidence[]>();
  for (const c of checks) {
    let key = subjects.has(SINGLE_HOST) && c.subject.startsWith("your ") ? SINGLE_HOST : null;
    for (
      let at = c.subject.length;
      key === null && at > 0;
      at = Math.max(c.subject.lastIndexOf(" (", at - 1), c.subject.lastIndexOf(":", at - 1))
    ) {
      if (subjects.has(c.subject.slice(0, at))) key = c.subject.slice(0, at);
    }
    if (key === null) continue;
    const own = out.get(key);
    if (own) own.push(c);
    else out.set(key, [c]);
  }
  return out;
}

/**
 * A kernel component made only of distributions' kernels (RHEL 7's) on a host whose kernel is surely
 * another distribution's: its release string names that distribution's package (an Ubuntu 4.15), or the
 * host is a Windows node. A kernel whose distribution only the os-release suggests (EulerOS and Anolis
 * build RHEL 7's 3.10.0; an os-release pasted from a container) rules nothing out.
 */
function otherDistribution(group: ComponentChecks, record: BugRecord, host: HostVersions | undefined): VersionEvidence | null {
  if (!host || !group.kernel || group.checks.length) return null;
  const families = group.ecosystems.map(ecosystemDistribution);
  if (families.some((f) => f === null)) return null;
  const kernel = host.kernel;
  const windows = host.distro?.id === "windows";
  // A release a sentence names rules nothing out (see kernelChecks).
  const own = kernel?.package?.ecosystem && !kernel.named ? ecosystemDistribution(kernel.package.ecosystem) : null;
  if (!windows && (!kernel || !own || families.includes(own))) return null;
  const level = weakestLevel(
    record.affected.filter((a) => group.ecosystems.includes(a.ecosystem)).flatMap((a) => a.ranges.flatMap(rangeLevels)),
  );
  const needs = `the bug needs a ${group.ecosystems.join(" or ")} kernel`;
  return {
    kind: "version",
    subject: kernel ? `${hostName(host)} (${kernel.release})` : hostName(host),
    value: kernel?.release ?? "windows",
    ecosystem: group.ecosystems.join(", "),
    range: `only ${group.ecosystems.join(", ")} kernels`,
    result: "not-affected",
    reason: windows ? `a Windows node runs no Linux kernel, and ${needs}` : `this is a ${kernel?.package?.ecosystem} kernel, and ${needs}`,
    certain: true,
    level,
    unverified: level === "reported",
  };
}

/** Whether a component the bug needs was judged and found not in range, or undecided, while another is in range. */
export function componentsDisagree(record: BugRecord, checks: readonly VersionEvidence[]): boolean {
  return checksByGroup(record, checks)?.some((g) => g.checks.length > 0 && !g.checks.some((c) => c.result === "affected")) ?? false;
}

/** Whether some component the bug needs has no version check at all (none given): it contradicts nothing, nor confirms. */
export function componentsUnread(record: BugRecord, checks: readonly VersionEvidence[]): boolean {
  return checksByGroup(record, checks)?.some((g) => g.checks.length === 0) ?? false;
}

/**
 * Folds the checks of one host (or a fleet) into one verdict; any affected check makes the bug apply.
 * A bug whose components must meet (the February 2019 runc with a kernel before 3.17) is judged host
 * by host: on a host it is ruled out when one component is, by certain checks of a version that is
 * the component's own (or by a kernel of another distribution than the one it needs); a component
 * that is undecided, read from another component (the kubelet's version for kube-proxy's) or not given
 * leaves an "affected" hedged (not certain, at its range's level), and its version no witness for high. `read`: every check made, when `checks` are only
 * the ones that decide (the symptom's own components'), so that alternatives read but not deciding are not called unread.
 */
export function decideVerdict(
  record: BugRecord,
  checks: VersionEvidence[],
  hosts: HostVersions[],
  read: readonly VersionEvidence[] = checks,
): Verdict {
  if (!record.affected.length) return { status: "unknown", reason: "this bug is not tied to versions; the log evidence decides" };
  const components = componentGroups(record);
  if (hosts.length > 1 && components) return fleetVerdict(record, checks, hosts);
  const groups = checksByGroup(record, checks, components);
  const needs = describeTogether(components ?? []);
  const ruledOut =
    groups?.find((g) => g.decisive && g.checks.length && g.checks.every((c) => c.result === "not-affected" && c.certain))?.checks ??
    groups?.flatMap((g) => otherDistribution(g, record, hosts[0]) ?? []);
  if (ruledOut?.length) {
    const first = strongest(ruledOut);
    return { status: "not-affected", reason: `${first.subject}: ${first.reason} (the bug needs ${needs})`, level: weakest(ruledOut) };
  }
  const affected = checks.filter((c) => c.result === "affected");
  const ownImage = components ? undefined : imageReleaseRuling(checks, affected);
  if (ownImage) return ownImage;
  if (affected.length) {
    const first = strongest(affected);
    const others = affected.length > 1 ? ` (and ${affected.length - 1} more)` : "";
    const said = `${first.subject}: ${first.reason}${others}`;
    // Certain when each component the bug needs has a certain reading in range (any one, for alternatives).
    const hedge = uncertainUnless(
      groups ? groups.every((g) => !g.checks.length || g.checks.some((c) => c.result === "affected" && c.certain)) : first.certain,
    );
    const open = groups?.find((g) => g.checks.length && !g.checks.some((c) => c.result === "affected"))?.checks;
    if (open) {
      const against = strongest(open);
      const outOfRange = open.every((c) => c.result === "not-affected");
      // A component the bug needs, out of range by readings that are not certain (a version the report names, a
      // client's for the daemon's): the answer follows that reading, hedged (doubtBySymptom turns it into unknown beside
      // the bug's own symptom, or beside a cause no range covers). Another component's reading in range, however
      // certain (the host's own uname), says nothing of this one (review 31c: a RHEL 7 kernel made kube-proxy 1.19
      // "affected" by the 1.18.0–1.18.2 bug).
      if (outOfRange)
        return {
          status: "not-affected",
          reason: `the bug needs ${needs}, and ${against.subject} is outside its range: ${against.reason}; ${said}`,
          level: weakest(open),
          certain: false,
        };
      // A needed component before the first version anyone saw failing, where that start rests on one report: nothing says
      // it is affected, so neither is the bug (review 51e F1: Rocky 9.6's kernel, 33 builds before the xz/Landlock
      // record's reported start, was "affected" on xz 5.8.1 alone).
      if (open.some((c) => c.beforeStart))
        return {
          status: "unknown",
          reason: `${said}; but the bug needs ${needs}, and ${against.subject} does not decide it: ${against.reason}`,
        };
      // Hedged whatever the reading in range: a component the bug needs is undecided (review 30b). The level stays the
      // range's: the hedge is the missing fact's, not a weaker source's (review 60a F6: "reported once" beside a
      // corroborated range).
      return {
        status: "affected",
        reason: `${said}; but the bug needs ${needs}, and ${against.subject} does not decide it: ${against.reason}`,
        level: first.level,
        certain: false,
      };
    }
    // A component nothing judged (no version given, or none of its ranges applies to the kernel given) is no evidence
    // either way: affected by what was read, never certain (review 30b: an unread xz beside an in-range kernel).
    const unseen = groups?.find((g) => !g.checks.length);
    if (unseen) {
      const kernel = unseen.kernel ? hosts[0]?.kernel : null;
      const why = !kernel
        ? notGiven(unseen.ecosystems)
        : isSeriesRelease(kernel.release)
          ? `only the kernel's series (${kernel.release}) is known, which does not decide ${unseen.ecosystems.join(" or ")}`
          : `no range of ${unseen.ecosystems.join(" or ")} applies to the kernel given`;
      // The host's kernel known as a release's package no range of the group names (an el8 kernel for a RHEL 7 bug, an
      // Ubuntu kernel for upstream ranges, as a lone kernel record answers it) is undecided, not "affected" by the other
      // component alone (review 30c); a kernel a sentence names may be another machine's, and one no package names
      // (EulerOS's rebuild of RHEL 7's 3.10.0) may be a build of the needed one.
      const other = kernel && !kernel.named ? kernel.package?.ecosystem : undefined;
      if (other && !unseen.ecosystems.includes(other))
        return { status: "unknown", reason: `${said}; but ${why}, and the bug needs ${needs}` };
      // Likewise a flavour of a release the record ranges, but not this flavour: the release alone is no evidence (review
      // 71b F1: a 24.04 linux-gcp kernel beside ranges of linux, linux-aws and linux-azure was "affected, verified" on
      // Falco 0.39.1 alone), as packageCheck matches entries on the package too.
      const unranged = unrangedKernelPackage(record, unseen.ecosystems, kernel);
      if (unranged)
        return {
          status: "unknown",
          reason: `${said}; but this record has no data for ${unranged.label} (${kernel?.release}; it ranges ${listed(unranged.ranged)} there), and the bug needs ${needs}`,
        };
      return { status: "affected", reason: `${said}; but ${why}, and the bug needs ${needs}`, level: first.level, certain: false };
    }
    const level = groups ? weakestLevel(groups.map((g) => strongest(g.checks.filter((c) => c.result === "affected")).level)) : first.level;
    return { status: "affected", reason: said, level, ...hedge };
  }
  if (checks.length && checks.every((c) => c.result === "not-affected")) {
    // Every check rules it out, so the answer is only as certain as the least certain of them, and
    // holds only for the components read: an alternative nothing read may be the one that failed.
    const first = strongest(checks);
    const unread = components ? [] : unreadAlternatives(record, read, hosts);
    return {
      status: "not-affected",
      reason: `${first.subject}: ${first.reason}${unread.length ? `; but ${alsoLiesIn(unread)}, ${unread.length > 1 ? "whose versions were" : "whose version was"} not given` : ""}`,
      level: weakest(checks),
      ...uncertainUnless(!unread.length && checks.every((c) => c.certain)),
    };
  }
  const built = builtBeforeBug(record, hosts);
  if (built) return built;
  const unknown = checks.find((c) => c.result === "unknown");
  if (unknown) return { status: "unknown", reason: `${unknown.subject}: ${unknown.reason}` };
  return { status: "unknown", reason: missingDataReason(record, hosts) };
}

/**
 * An image-based OS's own range (Flatcar 3033.2.3, which shipped the revert) rules out, for certain, the very build
 * the host runs, while upstream ranges read on its kernel's version only put it in range hedged ("flatcar may carry
 * its own patches"): the OS's range is the one about that build, and it outweighs them (review 31a: 3033.2.3 was
 * "affected" by 5.10.102's upstream range, and told to upgrade to the release it ran). Null otherwise.
 */
function imageReleaseRuling(checks: readonly VersionEvidence[], affected: readonly VersionEvidence[]): Verdict | null {
  // Only on the release line the OS's range is about: Flatcar's beta 3139.1.0 is no later build of stable 3033.2.x, nor LTS
  // 2605.x an earlier one (review 31d: 3139.1.0 on 5.15.25 was ruled out for certain by 3033.2.4's fix).
  const sameLine = (c: VersionEvidence) => {
    const major = /^\d+/.exec(c.value)?.[0];
    return major !== undefined && new RegExp(`(?:^|[^\\d.])${major}\\.`).test(c.range);
  };
  const own = checks.filter((c) => IMAGE_OS.has(c.ecosystem) && c.result === "not-affected" && c.certain && sameLine(c));
  const first = own.length ? strongest(own) : undefined;
  if (!first || !affected.length || !affected.every((c) => c.ecosystem === "linux" && !c.certain)) return null;
  const kernel = strongest([...affected]);
  return {
    status: "not-affected",
    reason: `${first.subject}: ${first.reason}; it outweighs ${kernel.subject}, in range only as an upstream version: ${kernel.reason}`,
    level: first.level,
  };
}

/**
 * A fleet's verdict on a bug whose components must meet: each host's own (its checks only), then the
 * bug applies if it does on some host (the best-established such answer), is ruled out if it is on
 * every host, and is otherwise undecided. Pooled, one host's old kernel and another's affected runtime
 * would have looked like a host with both.
 */
function fleetVerdict(record: BugRecord, checks: readonly VersionEvidence[], hosts: readonly HostVersions[]): Verdict {
  const byHost = checksOfHosts(checks, hosts);
  const each = hosts.map((h) => decideVerdict(record, byHost.get(h.subject) ?? [], [h]));
  const rank = (v: Verdict) => LEVELS.indexOf(v.level ?? "reported");
  const affected = each.filter((v) => v.status === "affected").sort((a, b) => rank(a) - rank(b));
  if (affected[0]) return affected[0];
  if (each.every((v) => v.status === "not-affected")) {
    const level = weakestLevel(each.map((v) => v.level ?? "reported"));
    return { status: "not-affected", reason: each[0]?.reason ?? "", level, ...uncertainUnless(each.every((v) => v.certain !== false)) };
  }
  return each.find((v) => v.status === "unknown") ?? { status: "unknown", reason: missingDataReason(record, [...hosts]) };
}

/**
 * The log shows the bug's own symptom, and the only data that would rule this version out is not certain:
 * it rests on a single report (a fix or a last-affected version nobody confirmed; not a start: beforeStart), whether the version is the
 * host's own output or one the report names: the symptom outweighs it, so the answer is affected, hedged (`certain:
 * false`: that report, or where the version was read, still says otherwise; review 30b). A package
 * listing's build past a verified fix is no such data (packageChecks leaves it unknown). A verified or corroborated
 * end still rules the version out whatever the log says (the line may come from another cause).
 */
export function confirmBySymptom(verdict: Verdict, checks: readonly VersionEvidence[], symptom: boolean): Verdict {
  if (!symptom || verdict.status !== "unknown" || !checks.length) return verdict;
  if (!checks.every((c) => c.result === "unknown" && c.hedgedFrom === "not-affected")) return verdict;
  // A series before the bug's first release rests on the kernel's series, not on that report: with the
  // symptom, doubtBySymptom's unknown stands (a verified start would give no more). A version on a line no range
  // reaches: the symptom places it in no range, so it says no more than that the record may be incomplete.
  // Nor does it stretch a reported end over a whole release branch (review 68g F2: a conntrack race reported fixed in 5.0
  // was "affected" on 5.15; runc 1.1.4 on a 1.0.0-rc91 fix).
  if (checks.some((c) => c.unlessBackported || c.noDecidingRange || c.beforeStart || c.pastBranch)) return verdict;
  const [first] = checks as [VersionEvidence];
  return {
    status: "affected",
    reason: `${first.subject}: the log shows this bug's symptom, and the only data placing ${first.value} outside the affected range is not certain: ${first.reason}`,
    level: "reported",
    certain: false,
  };
}

/**
 * The log shows the bug's own symptom, and what rules the version out is only that the kernel's series
 * predates the bug (unlessBackported): the symptom says the distribution may well have backported the
 * change, so the answer is unknown. Likewise when a version the report only names takes part in ruling
 * it out (namedOnly) and the log shows anything of the bug (`seen`: a signature's line, however weak, or a
 * line resembling its wording): the version that failed may be another. Reviews 28b and 28c tried keeping a hedged
 * "not affected" there, for every named version and then for one a sentence claims as the host's: contrasts people
 * write ("I tested with Docker 25.0.3 yesterday and it was OK", "our old nodes run kernel …", "we are on … now, after
 * the rollback") ruled out the bug the log points at and dropped it as the root cause. Only a bug the log shows
 * nothing of (a door's check against one record) is ruled out by a named version, hedged. A bug of alternative components ruled out only for the ones read is unknown beside
 * its own symptom, unless every symptom line is a read component's (`components`: each symptom line's signatures'
 * `component`): the unread one's version decides (decidingUnread). Nor do versions past every range rule out a bug
 * whose symptom a cause no range covers gives too (`unrangedCauses`). Only a `decisive` line (one that alone identifies
 * the bug) is said to suggest a backport.
 */
export function doubtBySymptom(
  record: BugRecord,
  verdict: Verdict,
  checks: readonly VersionEvidence[],
  symptom: boolean,
  seen: boolean,
  hosts: readonly HostVersions[],
  components: SymptomComponents,
  decisive: boolean,
  causes: readonly UnrangedCause[] = record.unrangedCauses ?? [],
): Verdict {
  if (verdict.status !== "not-affected" || !(symptom || seen)) return verdict;
  const ruledOut = checks.filter((c) => c.result === "not-affected");
  const [first] = ruledOut;
  if (!first) return verdict;
  // The answer rests on a named version only when it is not certain (a together record ruled out by a certain component is not).
  const named = verdict.certain === false ? ruledOut.find((c) => c.namedOnly) : undefined;
  if (seen && named)
    return {
      status: "unknown",
      reason: `${named.subject}: the log shows signs of this bug, and the only version placing it outside the affected range may not be the one that failed: ${named.reason}`,
    };
  if (!symptom) return verdict;
  // A cause no range covers gives the same symptom (containerd's CRI plugin disabled by its config): past the ranges
  // is no way out of it.
  const others = causes.map((c) => c.cause);
  if (others.length)
    return {
      status: "unknown",
      reason: `${first.subject}: the log shows this bug's own symptom, which ${others.join(" or ")} ${others.length > 1 ? "give" : "gives"} ${UNRANGED_TOO}, though ${first.reason}`,
    };
  // Alternatives ruled out only for the ones read, beside a symptom that is not the read one's own message.
  const unread = verdict.certain === false && !componentGroups(record) ? decidingUnread(record, ruledOut, hosts, components) : [];
  if (unread.length)
    return {
      status: "unknown",
      reason: `${first.subject}: the log shows this bug's own symptom, and ${alsoLiesIn(unread)}, ${unread.length > 1 ? "whose versions" : "whose version"} would decide it, though ${first.reason}`,
    };
  // Only Linux prints a Linux-only bug's symptom: the log came from a host the nodes given do not show.
  if (ruledOut.every((c) => c.onlyLinux))
    return {
      status: "unknown",
      reason: `${first.subject}: the log shows this bug's own symptom, which only a Linux host prints, and the nodes ruled out run Windows`,
    };
  // Host by host in a fleet: one node ruled out only unless its branch took the change may be the one whose
  // log shows the bug, whatever its peers' kernels say.
  const byHost = hosts.length > 1 ? [...checksOfHosts(ruledOut, hosts).values()] : [ruledOut];
  const doubted = byHost.find((own) => own.length > 0 && own.every((c) => c.unlessBackported))?.[0];
  if (!doubted) return verdict;
  return {
    status: "unknown",
    // Only a line that alone identifies the bug suggests the backport; a shared symptom (OpenVPN's tun EPERM, LXC's too) leaves
    // it open without pointing at it (review 59a F1). Ruled out it is not: RHEL's docker 1.13.1 did take runc's 2019 fix.
    reason: `${doubted.subject}: the log shows this bug's own symptom, although ${doubted.reason}; ${decisive ? "the symptom suggests that backport" : "a symptom other causes share too, which does not say whether it did"}`,
  };
}

/**
 * A fleet's "not affected" on a kernel bug needs every host's kernel ruled out: a host whose kernel no
 * check judged (a node whose kernel no range or rule covers, a host that sent no uname) leaves the bug
 * open. A Windows node runs no Linux kernel. Component bugs keep the answer of the hosts that show the
 * component: a node running another runtime cannot have a containerd bug.
 */
export function undecidedHosts(record: BugRecord, verdict: Verdict, hosts: readonly HostVersions[]): Verdict {
  // A bug whose components must meet was judged host by host already (fleetVerdict).
  if (verdict.status !== "not-affected" || hosts.length < 2 || !hasKernelData(record) || componentGroups(record)) return verdict;
  // Judged once per set of versions: a fleet's nodes mostly share a few.
  const judged = new Map<string, boolean>();
  const isJudged = (h: HostVersions) => {
    const key = versionsKey(h);
    let known = judged.get(key);
    if (known === undefined) {
      known = kernelChecks(record, h).length > 0 || distroChecks(record, h).length > 0;
      judged.set(key, known);
    }
    return known;
  };
  const open = hosts.filter((h) => h.distro?.id !== "windows" && !h.componentsOnly && !isJudged(h));
  const [first] = open;
  if (!first) return verdict;
  const more = open.length > 1 ? ` (and ${open.length - 1} more)` : "";
  return { status: "unknown", reason: `${first.subject}: no version data decides it${more}, although ${verdict.reason}` };
}

const LEVELS: readonly EvidenceLevel[] = ["verified", "corroborated", "reported"];
/** A verdict's mark when the reading it rests on is not certain (a version the report names, a listing, an upload unknown). */
const uncertainUnless = (certain: boolean): Pick<Verdict, "certain"> => (certain ? {} : { certain: false });
const strongest = (checks: VersionEvidence[]): VersionEvidence =>
  [...checks].sort(
    (a, b) => Number(b.certain) - Number(a.certain) || LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level),
  )[0] as VersionEvidence;
const weakest = (checks: VersionEvidence[]): EvidenceLevel =>
  checks.reduce<EvidenceLevel>((w, c) => (LEVELS.indexOf(c.level) > LEVELS.indexOf(w) ? c.level : w), "verified");

/** The first few of many values, and how many more: a paste may name thousands of kernels (review 32c). */
const listed = (values: readonly string[], shown = 4) =>
  values.length > shown ? `${values.slice(0, shown).join(", ")} and ${values.length - shown} more` : values.join(", ");

/**
 * How a verdict says a component the bug needs was not read at all, and that no kernel was: the "to decide" step asks for
 * that component's version (decide-with.ts), which these words name.
 */
export const notGiven = (ecosystems: readonly string[]) => `no version of ${ecosystems.join(" or ")} was given`;
export const NO_KERNEL_READ = "no kernel of the failing host was read";
/**
 * How a verdict says the host's kernel was read but no data of the record decides it (none for its build, its vendor's series
 * name, an emulated release): no command decides it, and the "to decide" step says so (decide-with.ts).
 */
const NO_DATA_FOR = "no data in this record for";
const NO_KERNEL_RANGE = "so no kernel range decides this";
/** How a verdict says a cause no range covers leaves it open, and the reader of those words (decide-with.ts). */
const UNRANGED_TOO = "too whatever the versions";
export const openByUnrangedCause = (reason: string): boolean => reason.includes(UNRANGED_TOO);
const VENDOR_CHANGELOG = "the vendor's changelog for that build would";
export const kernelReadUndecided = (reason: string): boolean =>
  [NO_DATA_FOR, NO_KERNEL_RANGE, VENDOR_CHANGELOG].some((clause) => reason.includes(clause));
/** How a verdict names the alternative components no reading gave (unreadAlternatives), and the reader of those words. */
const alsoLiesIn = (components: readonly string[]) => `the bug also lies in ${components.join(" and ")}`;
export const unreadAlternativesOf = (reason: string): string[] =>
  /\bthe bug also lies in (.+?), whose versions? /.exec(reason)?.[1]?.split(" and ") ?? [];
/** How a check says its version was read from the host's package listing, and the reader of those words (decide-with.ts). */
const LISTING_READ = "read from the host's package listing";
const LISTING_PATCHED = "a build its distribution may patch";
export const listingOf = (reason: string): { name: string; build: string } | undefined => {
  const m = new RegExp(`${LISTING_READ}: (\\S+) (\\S+), ${LISTING_PATCHED}`).exec(reason);
  return m?.[1] && m[2] ? { name: m[1], build: m[2] } : undefined;
};

export function missingDataReason(record: BugRecord, hosts: HostVersions[]): string {
  const kernels = hosts.map((h) => h.kernel).filter((k): k is KernelFacts => k !== null);
  const ecosystems = [...new Set(record.affected.map((a) => a.ecosystem))].join(", ");
  const given = hosts.find((h) => h.kernelsGiven?.length)?.kernelsGiven;
  if (!kernels.length && given && hasKernelData(record))
    // Counted, and the missing reading named: which machine printed the lines (review 70b F7: "two machines" was said of
    // three and four kernels, and "a nodes table would decide" beside the paste's own node objects).
    return `the input gives ${given.length} kernels (${listed(given)}: ${given.length === 2 ? "two machines, or one before and after a reboot" : `up to ${given.length} machines, or one across reboots`}) and does not say which one failed: no reading ties the log's lines to one of them. The failing machine's own uname -a beside its lines, or each kernel tied to its machine's name (a nodes table or its node objects, a fan-out tool's host labels) with the lines' machine named, would decide. This record has version data for ${ecosystems}`;
  // Not "no kernel version given": a release named in a question or in passing may stand in the text (review 68e F3:
  // "is 5.15.0-127-generic affected …?" was told no kernel was given), read on purpose as no host's own (README).
  if (!kernels.length && hasKernelData(record))
    return `${NO_KERNEL_READ} (a release a question or a sentence names is not taken as its own): \`uname -a\` there would decide; this record has version data for ${ecosystems}`;
  const k = kernels[0];
  if (k && hasKernelData(record) && isSeriesRelease(k.release))
    return `only the kernel's series is known (${k.release}), and it does not decide this record's ranges: \`uname -r\` would. Ranges known: ${ecosystems}`;
  // A vendor's x.y.0 ABI name: its series is known, its stable sublevel is not (review 62f F1: "backports fixes" said).
  if (k?.seriesOnly && k.branch && hasKernelData(record))
    return `${k.release} names the ${k.branch} series but not its stable release (${k.distro === "vendor" || !k.distro ? "its vendor" : k.distro} names every build of the series ${k.branch}.0), and the series does not decide this record's ranges: ${VENDOR_CHANGELOG}. Ranges known: ${ecosystems}`;
  if (k?.emulatedBy && hasKernelData(record))
    return `${k.release} is no Linux kernel's release: ${k.emulatedBy} serves the system calls itself and prints a fixed one whatever the machine runs, ${NO_KERNEL_RANGE}. Ranges known: ${ecosystems}`;
  if (k && hasKernelData(record)) {
    const where = k.package?.ecosystem ?? k.distro;
    // A plain upstream release no range of the record covers (its ranges are distributions'): no backport caveat.
    if (!where) return `${NO_DATA_FOR} upstream kernels (${k.release}). Ranges known: ${ecosystems}`;
    // A release the record ranges, but not this kernel's package in it: name the package, or "no data for ubuntu:22.04"
    // beside "Ranges known: ubuntu:22.04" contradicts itself (review 71b F2).
    const unranged = unrangedKernelPackage(record, [...new Set(record.affected.map((a) => a.ecosystem))], k);
    if (unranged)
      return `${NO_DATA_FOR} ${unranged.label} (${k.release}; it ranges ${listed(unranged.ranged)} there); upstream ranges do not apply to a distro kernel that backports fixes. Ranges known: ${ecosystems}`;
    return `${NO_DATA_FOR} ${where} kernels (${k.release}); upstream ranges do not apply to a distro kernel that backports fixes. Ranges known: ${ecosystems}`;
  }
  const ownBuilds = (e: string) => ecosystemDistribution(e) !== null || isRepositoryEcosystem(e);
  const components = [...new Set(record.affected.filter((a) => !ownBuilds(a.ecosystem)).map((a) => a.ecosystem))];
  const disputes = mergeDisputes(hosts.flatMap((h) => h.disputed ?? [])).filter((d) => components.includes(d.ecosystem));
  if (disputes.length) {
    // Each version named (review 54d W1: "versions that disagree" named none, and the reader had to find them).
    const versions = (v: readonly string[]) => (v.length === 2 ? v.join(" and ") : listed(v));
    const given =
      disputes.length === 1
        ? versions(disputes[0]?.versions ?? [])
        : disputes.map((d) => `${d.ecosystem} ${versions(d.versions)}`).join("; ");
    return `the input gives versions of ${disputes.map((d) => d.ecosystem).join(" and ")} that disagree (${given}: two machines, or before and after an upgrade), and does not say which one failed`;
  }
  // A distribution's own package builds are ranged apart: say so in words, not as the records' keys ("rhel:7").
  const releases = [...new Set(record.affected.filter((a) => ownBuilds(a.ecosystem)).map((a) => a.ecosystem))];
  const apart = releases.length ? ` (the record also ranges the builds of ${releases.join(", ")})` : "";
  // The other CRI runtime's version, given, is not the kubelet's (review 48a F1's c04: "no version of containerd" misread).
  const unused = hosts.flatMap((h) => {
    const other = unusedCriRuntime(record, h);
    return other && (h.components[other] ?? h.mentioned?.[other]) ? [other] : [];
  })[0];
  const needed = components.filter((c) => c !== unused);
  if (unused && needed.length)
    return `no version of ${needed.join(" or ")} was given: the kubelet runs its pods with it here, and the ${unused} the paste shows is the other runtime${apart}`;
  // Read only after the paste changed it, beside a failure logged before (review 56b F3: "no version of containerd was
  // given" beside the 1.6.4 read after the tarball was unpacked).
  const after = components.flatMap((c) => {
    const v = hosts.find((h) => h.readAfterChange?.[c])?.readAfterChange?.[c];
    return v ? [`${c} ${v}`] : [];
  });
  if (after.length)
    return `no version of ${components.join(" or ")} that logged the failure was given: ${after.join(" and ")} was read only after the paste changes it (an upgrade, a downgrade or a binary put in place), and the failure was logged before${apart}`;
  return components.length ? `no version of ${components.join(" or ")} was given${apart}` : `no version given for ${ecosystems}`;
}

/** Component versions we can read from a kubectl nodes row. */
export function nodeComponents(node: Pick<NodeRow, "version" | "runtime">): Record<string, string> {
  const components: Record<string, string> = {};
  // A provider's build of a release ("v1.26.0-eks-5e0fdde", "v1.27.3-gke.100", "v1.15.4-k3s.1") is that release, no pre-release of it.
  if (node.version) components.kubernetes = kubernetesRelease(node.version);
  const runtime = runtimeComponent(node.runtime);
  if (runtime) components[runtime[0]] = runtime[1];
  return components;
}

/**
 * Image-based distributions are versioned as a whole (Talos v1.12.2, Flatcar 3033.2.1, Bottlerocket
 * 1.14.0): their records give ranges in the OS's own ecosystem, which the OS version decides.
 * Container-Optimized OS is judged on its build (os-release BUILD_ID 18244.236.70, image
 * cos-113-18244-236-70), since VERSION_ID is only the milestone (113).
 */
export const IMAGE_OS: ReadonlySet<string> = new Set(["talos", "flatcar", "bottlerocket"]);
const COS_BUILD = /^\d+\.\d+\.\d+$/;

export function imageOsComponents(os: Pick<OsFacts, "id" | "versionId" | "buildId"> | null): Record<string, string> {
  if (os?.id === "cos") return os.buildId && COS_BUILD.test(os.buildId) ? { cos: os.buildId } : {};
  const version = os?.versionId?.replace(/^v(?=\d)/, "");
  return os && version && IMAGE_OS.has(os.id) ? { [os.id]: version } : {};
}

export function iptablesComponents(iptables: IptablesFacts | null): Record<string, string> {
  if (!iptables) return {};
  // Under its backend's own key too, for a bug of one backend only (iptables-nft 1.8.1/1.8.2's -C). A release before
  // 1.8.0, which brought the nf_tables backend, prints none and has only the legacy one (review 50f F3: 1.4.21 left
  // "no version of iptables-nft was given").
  const named = iptables.backend ?? (safeCompare("semver", iptables.version, "1.8.0") < 0 ? "legacy" : null);
  const backend = named ? BACKEND_ECOSYSTEMS[named] : null;
  return { iptables: iptables.version, ...(backend ? { [backend]: iptables.version } : {}) };
}

export const BACKEND_ECOSYSTEMS = { nf_tables: "iptables-nft", legacy: "iptables-legacy" } as const;
const IPTABLES_ECOSYSTEM = /^iptables(?:-nft|-legacy)?$/;

/**
 * A bug of one iptables backend (a record's `iptables-nft` or `iptables-legacy` ranges) on a host whose
 * iptables names the other backend (`iptables v1.8.2 (legacy)`): not affected, whatever the version.
 */
function otherBackendChecks(record: BugRecord, host: HostVersions): VersionEvidence[] {
  const [nft, legacy] = [BACKEND_ECOSYSTEMS.nf_tables, BACKEND_ECOSYSTEMS.legacy];
  for (const [needed, runs] of [
    [nft, legacy],
    [legacy, nft],
  ] as const) {
    const entries = record.affected.filter((a) => a.ecosystem === needed);
    const version = host.components[runs];
    if (!entries.length || version === undefined || host.components[needed] !== undefined) continue;
    const level = weakestLevel(entries.flatMap((a) => a.ranges.flatMap(rangeLevels)));
    return [
      {
        kind: "version",
        subject: componentSubject(host, "iptables"),
        value: `${version} (${runs})`,
        ecosystem: needed,
        range: `the ${needed} backend only`,
        result: "not-affected",
        reason: `this bug is in iptables' ${needed === nft ? "nf_tables" : "legacy"} backend, and your iptables ${version} runs the ${needed === nft ? "legacy" : "nf_tables"} one`,
        certain: true,
        level,
        unverified: level === "reported",
      },
    ];
  }
  return [];
}

/**
 * Whether `value` lies past the range's reported fix on a later release branch (a kernel's x.y series, a component's x.y).
 * A last affected version with no fix known is no such end: nothing says a later branch dropped the bug (review 68i F2).
 */
function pastEndsBranch(scheme: VersionScheme, value: string, range: VersionRange): boolean {
  const end = range.fixed;
  if (!end || compareVersions(scheme, value, end) < 0) return false;
  const branch = scheme === "linux" ? kernelBranch : scheme === "semver" ? componentBranch : null;
  if (!branch) return false;
  const [ours, its] = [branch(value), branch(end)];
  return ours !== null && its !== null && ours !== its;
}
