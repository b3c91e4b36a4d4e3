import type { Verdict } from "./diagnosis";
import type { BugRecord, RecordAffected, RecordRange } from "./record";

/** The record as the lines shown judge it, and the entries that date none of those lines. */
export interface RangesForSymptoms {
  record: BugRecord;
  /** Entries each of whose ranges names the lines it dates (`symptoms`), none of them shown: they judge nothing here. */
  undated: readonly RecordAffected[];
}

/**
 * The record as the lines shown judge it: a range that dates some signatures' lines only (RecordRange.symptoms) holds
 * beside a hit of one of them, not beside the others' alone (review 53a F3: crun 1.18.2 beside Docker's deny-rule error,
 * fixed in 1.18.1, was "affected (verified)" on the range of the devices.allow error seen still in 1.18.2). Without hits
 * (an advisory) the record is judged whole. An entry none of whose ranges dates a line shown, where those lines are the
 * record's own signatures', says nothing of them (review 69b F1: kube-proxy's refusal of kernels below 5.13 dated the
 * nftables sync failure that a kernel without nft_numgen gives at any version): it is left out, or, when every entry is,
 * the record is judged whole and the verdict is no answer (`undatedVerdict`).
 */
export function rangesForSymptoms(record: BugRecord, shown: ReadonlyArray<{ readonly signature: string }>): RangesForSymptoms {
  if (!shown.length || !record.affected.some((a) => a.ranges.some((r) => r.symptoms))) return { record, undated: [] };
  const ids = new Set(shown.map((e) => e.signature));
  const own = record.signatures.some((s) => ids.has(s.id));
  const holds = (r: RecordRange) => !r.symptoms || r.symptoms.some((id) => ids.has(id));
  const undated = own ? record.affected.filter((a) => !a.ranges.some(holds)) : [];
  const dated = record.affected.filter((a) => !undated.includes(a));
  return {
    record: {
      ...record,
      affected: (dated.length ? dated : record.affected).map((a) => {
        const ranges = a.ranges.filter(holds);
        return ranges.length === a.ranges.length || !ranges.length ? a : { ...a, ranges };
      }),
    },
    undated: dated.length ? [] : undated,
  };
}

/**
 * The verdict where every entry of the record dates other lines than those shown: whatever the versions, unknown. The
 * range's own answer is told (a kernel below kube-proxy's minimum is worth knowing), with the causes of the line shown
 * that no range covers.
 */
export function undatedVerdict(record: BugRecord, undated: readonly RecordAffected[], verdict: Verdict): Verdict {
  if (!undated.length || verdict.status === "unknown") return verdict;
  const ids = [...new Set(undated.flatMap((a) => a.ranges.flatMap((r) => r.symptoms ?? [])))];
  // The line in words a person reads, not the signature's id (review 69j F6): a literal as printed, else its description.
  const dates = ids.map((id) => {
    const s = record.signatures.find((x) => x.id === id);
    if (!s) return id;
    return s.kind === "literal" ? `"${s.pattern}"` : (s.description?.split(/ \(|[.;:]\s/)[0]?.trim() ?? id);
  });
  const others = (record.unrangedCauses ?? []).map((c) => c.cause);
  const cause = others.length
    ? `${others.join(" or ")} ${others.length > 1 ? "give" : "gives"} the line shown, whatever the versions`
    : "the versions say nothing of the line shown";
  // The conclusion first, then what the range alone would say (review 69c F6: the range's answer came first, in its words).
  return {
    status: "unknown",
    reason: `the versions decide only ${dates.join(" or ")}, which the log does not show; ${cause} (on that range alone: ${verdict.reason})`,
  };
}
