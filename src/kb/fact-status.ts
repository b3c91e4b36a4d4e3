import type { BugRecord, EvidenceLevel, VersionRange } from "../kb/record-schema";

/**
 * How far a fact can be trusted, as a person reads it: the record's evidence levels
 * (verified | corroborated | reported), and "misreported" for a cited id the sources contradict.
 */
export type Evidence = EvidenceLevel;
export type AliasStatus = Evidence | "misreported";

type Alias = BugRecord["aliases"][number];
/** Documents imported before evidence levels existed carry only `verified`. */
type Stored = { evidence?: EvidenceLevel | undefined; verified?: boolean | undefined };

export function evidenceOf(fact: Stored): Evidence {
  return fact.evidence ?? (fact.verified === false ? "reported" : "verified");
}

/** The level of one end of a range (`fixed` also stands for `lastAffected`). */
export function rangeEndEvidence(range: VersionRange, end: "introduced" | "fixed"): Evidence {
  const own = end === "introduced" ? range.introducedEvidence : range.fixedEvidence;
  return (own as EvidenceLevel | undefined) ?? evidenceOf(range);
}

/**
 * A cited id the record shows to be wrong (the field report's commit that does not exist) is worse
 * than unconfirmed: people should stop repeating it. The schema has no level for it, so an alias
 * resting on one report counts as misreported when its note says it was contradicted or never existed.
 */
const CONTRADICTED =
  /\b(?:no such [\w-]+ exists|does not exist|doesn't exist|never existed|no [\w-]+ with this (?:id|title|number)|contradicted|misreported|misattributed)\b/i;

export function aliasStatus(alias: Pick<Alias, "note"> & Stored): AliasStatus {
  const level = evidenceOf(alias);
  if (level === "reported" && alias.note && CONTRADICTED.test(alias.note)) return "misreported";
  return level;
}

export const STATUS_WORDS: Record<AliasStatus, string> = {
  verified: "verified",
  corroborated: "corroborated by several reports",
  reported: "unverified (one report)",
  misreported: "misreported: contradicted by the sources",
};

/** Every source of a fact, the main one first. */
export const sourcesOf = (fact: { source: string; sources?: readonly string[] | undefined }): string[] => [
  ...new Set([fact.source, ...(fact.sources ?? [])]),
];
