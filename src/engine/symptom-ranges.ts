import type { BugRecord, RecordRange } from "./record";

/**
 * The record as the lines shown judge it: a range that dates some signatures' lines only (RecordRange.symptoms) holds
 * beside a hit of one of them, not beside the others' alone (review 53a F3: crun 1.18.2 beside Docker's deny-rule error,
 * fixed in 1.18.1, was "affected (verified)" on the range of the devices.allow error seen still in 1.18.2). Without hits
 * (an advisory), or where no range of an entry would hold, the record is judged whole.
 */
export function rangesForSymptoms(record: BugRecord, shown: ReadonlyArray<{ readonly signature: string }>): BugRecord {
  if (!shown.length || !record.affected.some((a) => a.ranges.some((r) => r.symptoms))) return record;
  const ids = new Set(shown.map((e) => e.signature));
  const holds = (r: RecordRange) => !r.symptoms || r.symptoms.some((id) => ids.has(id));
  return {
    ...record,
    affected: record.affected.map((a) => {
      const ranges = a.ranges.filter(holds);
      return ranges.length === a.ranges.length || !ranges.length ? a : { ...a, ranges };
    }),
  };
}
