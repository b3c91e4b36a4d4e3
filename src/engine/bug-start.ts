import type { BugRecord, RecordAffected } from "./record";
import { ownSystem } from "./verdict";
import { type EvidenceLevel, isRepositoryEcosystem } from "./versions";

/** The first day a record's bug could exist on any machine, and the range whose start gives it. */
export interface BugStart {
  /** YYYY-MM-DD: the earliest `introducedOn` of the record's ranges. */
  date: string;
  /** That range's component and first version as people name them: "runc 1.2.0-rc.1", "Linux 6.6.57". */
  release: string;
  level: EvidenceLevel;
}

/** What a record's ranges say of when its bug came into being. */
export interface StartReading {
  /** Null where a range is undated (or none is), or where the bug has no start (`timeless`). */
  start: BugStart | null;
  /** Ranges ([entry, range] indexes) whose missing `introducedOn` leaves the record without a start. */
  undated: ReadonlyArray<readonly [number, number]>;
  /** Why no date could give the record a start: its bug is older than any range, or has causes no range covers. */
  timeless?: string;
}

type Dated = Pick<BugRecord, "affected" | "distributionOnly" | "unrangedCauses">;

/**
 * A distribution's, image OS's or package repository's build of a component (ubuntu:24.04 runc, Talos, Docker's
 * containerd.io) carries an upstream change no earlier than upstream had it: beside the record's dated upstream ranges it
 * needs no date of its own. Not where the bug is the distribution's own (`distributionOnly`): its change may be too.
 */
const buildsUpstream = (record: Dated, a: RecordAffected) =>
  !record.distributionOnly && (ownSystem(a.ecosystem) !== null || isRepositoryEcosystem(a.ecosystem));

const releaseOf = (record: Dated, a: RecordAffected, introduced: string) =>
  a.ecosystem === "linux"
    ? `Linux ${introduced}`
    : buildsUpstream(record, a)
      ? `${a.ecosystem} ${a.package} ${introduced}`
      : `${a.ecosystem} ${introduced}`;

/**
 * When the record's bug came into being: the earliest start its ranges date (`introducedOn`), where every range that could
 * start earlier is dated. A range from the beginning ("0"), a range naming the bug's other causes, or causes no range
 * covers, leave it none: the symptom may then be this bug at any date.
 */
export function recordStart(record: Dated): StartReading {
  if (record.unrangedCauses?.length)
    return { start: null, undated: [], timeless: "the record names causes of its symptom that no range covers (unrangedCauses)" };
  const all = record.affected.flatMap((a, i) => a.ranges.map((r, j) => ({ a, r, at: [i, j] as const })));
  const open = all.find(({ r }) => r.introduced === "0");
  if (open) return { start: null, undated: [], timeless: `a ${open.a.ecosystem} range starts at "0": the bug is as old as that component` };
  const other = all.find(({ r }) => r.otherCauses);
  if (other) return { start: null, undated: [], timeless: `a ${other.a.ecosystem} range names other causes of the bug (otherCauses)` };
  const upstream = all.filter(({ a }) => !buildsUpstream(record, a));
  const undated = (upstream.length ? upstream : all).filter(({ r }) => !r.introducedOn).map(({ at }) => at);
  const dated = all.flatMap(({ a, r }) => (r.introducedOn ? [{ a, r, on: r.introducedOn }] : []));
  if (undated.length || !dated.length) return { start: null, undated };
  // The earliest; the first in the record's order among equals (its upstream range, as records list them).
  const first = dated.reduce((e, d) => (d.on.date < e.on.date ? d : e));
  return { start: { date: first.on.date, release: releaseOf(record, first.a, first.r.introduced), level: first.on.evidence }, undated };
}
