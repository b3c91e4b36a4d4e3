import { asc, eq } from "drizzle-orm";
import { type EvidenceLevel, evaluateRanges, schemeForEcosystem } from "../engine/versions";
import type { Store } from "./create-db";
import { bugRanges } from "./schema";

const UBUNTU_ABI = /^(\d+\.\d+\.\d+-\d+)(?:-[a-z][a-z0-9-]*)?$/;

/** Why a record's ranges contain the version asked about, and how firm the deciding ends are. */
export interface VersionMatch {
  ecosystem: string;
  version: string;
  /** The weakest evidence level of the range ends that decided it. */
  level: EvidenceLevel;
  /** false when only part of the version was known (an Ubuntu ABI without its upload number). */
  certain: boolean;
  reason: string;
}

/**
 * Records with a range in `ecosystem` that contains `version`, judged as the engine judges a host's
 * version (its scheme for the ecosystem; on "linux", stable-branch fixes count). Ranges of one package
 * are judged together, as in a record's `affected` entry.
 */
export async function bugsContaining(store: Store, ecosystem: string, version: string): Promise<Map<string, VersionMatch>> {
  const rows = await store.db
    .select()
    .from(bugRanges)
    .where(eq(bugRanges.ecosystem, ecosystem))
    .orderBy(asc(bugRanges.bugId), asc(bugRanges.seq));
  const entries = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = `${row.bugId}\u0000${row.package}`;
    entries.set(key, [...(entries.get(key) ?? []), row]);
  }
  const scheme = schemeForEcosystem(ecosystem);
  // `uname -r` on Ubuntu ("5.15.0-127-generic") gives only the ABI: compare at ABI granularity, as
  // the engine does for a host whose upload number is unknown.
  const abi = ecosystem.startsWith("ubuntu:") ? UBUNTU_ABI.exec(version.trim())?.[1] : undefined;
  const hit = new Map<string, VersionMatch>();
  for (const ranges of entries.values()) {
    const bugId = ranges[0]?.bugId;
    if (!bugId || hit.has(bugId)) continue;
    const verdict = evaluateRanges(
      scheme,
      abi ?? version,
      ranges.map((r) => ({
        introduced: r.introduced,
        fixed: r.fixed ?? undefined,
        lastAffected: r.lastAffected ?? undefined,
        evidence: r.evidence,
        introducedEvidence: r.introducedEvidence,
        fixedEvidence: r.fixedEvidence,
        source: "",
      })),
      { partial: abi !== undefined },
    );
    if (verdict.status === "affected")
      hit.set(bugId, { ecosystem, version, level: verdict.level, certain: verdict.certain, reason: verdict.reason });
  }
  return hit;
}
