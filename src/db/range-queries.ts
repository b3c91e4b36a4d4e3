import { and, asc, eq, inArray } from "drizzle-orm";
import { ecosystemDistribution } from "../engine/facts/os-release";
import {
  type EvidenceLevel,
  evaluateRanges,
  isRepositoryEcosystem,
  repositoriesServing,
  repositoryBuild,
  repositoryServes,
  schemeForEcosystem,
  withoutVendorBuild,
} from "../engine/versions";
import type { Store } from "./create-db";
import { bugRanges } from "./schema";

const UBUNTU_ABI = /^(\d+\.\d+\.\d+-\d+)(?:-[a-z][a-z0-9-]*)?$/;

/** Why a record's ranges contain the version asked about, and how firm the deciding ends are. */
export interface VersionMatch {
  ecosystem: string;
  /** The package whose range holds it ("linux", "containerd.io"): a repository serves several. */
  package: string;
  version: string;
  /** The weakest evidence level of the range ends that decided it. */
  level: EvidenceLevel;
  /** false when only part of the version was known (an Ubuntu ABI without its upload number). */
  certain: boolean;
  reason: string;
}

/**
 * The ecosystems whose ranges a distribution release's packages are judged by: its own, and those of the package
 * repositories serving its family (Docker's apt repository for debian:12 and ubuntu:24.04), as the engine judges a
 * host's package listing.
 */
export function ecosystemsJudging(ecosystem: string): string[] {
  const family = ecosystemDistribution(ecosystem);
  return [ecosystem, ...(family ? repositoriesServing(family) : [])];
}

/** A component's version as the engine reads a host's: a vendor's build of a release is that release (review 30d). */
const judgedAs = (ecosystem: string, version: string) =>
  schemeForEcosystem(ecosystem) === "semver" ? withoutVendorBuild(ecosystem, version.trim()) : version.trim();

/**
 * Records with a range in `ecosystem` (or a repository serving it, ecosystemsJudging) that contains `version`,
 * judged as the engine judges a host's version (its scheme for the ecosystem; on "linux", stable-branch fixes
 * count; a repository's range only for a version in the repository's form). Ranges of one package are judged
 * together, as in a record's `affected` entry; with `pkg`, only that package's (a release's packages have their own
 * version streams: a kernel's version is also "in" runc's open-ended range).
 */
export async function bugsContaining(store: Store, ecosystem: string, version: string, pkg?: string): Promise<Map<string, VersionMatch>> {
  const inEcosystem = inArray(bugRanges.ecosystem, ecosystemsJudging(ecosystem));
  const rows = await store.db
    .select()
    .from(bugRanges)
    .where(pkg === undefined ? inEcosystem : and(inEcosystem, eq(bugRanges.package, pkg)))
    .orderBy(asc(bugRanges.bugId), asc(bugRanges.seq));
  const family = ecosystemDistribution(ecosystem);
  const entries = new Map<string, typeof rows>();
  for (const row of rows) {
    if (isRepositoryEcosystem(row.ecosystem) && !repositoryServes(row.ecosystem, family, version.trim())) continue;
    const key = `${row.bugId}\u0000${row.ecosystem}\u0000${row.package}`;
    entries.set(key, [...(entries.get(key) ?? []), row]);
  }
  // `uname -r` on Ubuntu ("5.15.0-127-generic") gives only the ABI: compare at ABI granularity, as
  // the engine does for a host whose upload number is unknown.
  const abi = ecosystem.startsWith("ubuntu:") ? UBUNTU_ABI.exec(version.trim())?.[1] : undefined;
  const hit = new Map<string, VersionMatch>();
  for (const ranges of entries.values()) {
    const first = ranges[0];
    const bugId = first?.bugId;
    if (!first || !bugId || hit.has(bugId)) continue;
    const own = first.ecosystem === ecosystem;
    const verdict = evaluateRanges(
      schemeForEcosystem(first.ecosystem),
      own
        ? (abi ?? judgedAs(first.ecosystem, version))
        : isRepositoryEcosystem(first.ecosystem)
          ? repositoryBuild(version.trim())
          : judgedAs(first.ecosystem, version),
      ranges.map((r) => ({
        introduced: r.introduced,
        fixed: r.fixed ?? undefined,
        lastAffected: r.lastAffected ?? undefined,
        evidence: r.evidence,
        introducedEvidence: r.introducedEvidence,
        fixedEvidence: r.fixedEvidence,
        source: "",
      })),
      { partial: own && abi !== undefined },
    );
    // A repository's range names its ecosystem: the version matched Docker's build, not the distribution's own.
    if (verdict.status === "affected")
      hit.set(bugId, {
        ecosystem: first.ecosystem,
        package: first.package,
        version,
        level: verdict.level,
        certain: verdict.certain,
        reason: verdict.reason,
      });
  }
  return hit;
}
