import type { BugRecord, VersionRange } from "../kb/record-schema";

/**
 * How far a fact can be trusted, as a person reads it. The record schema's evidence levels
 * (verified | corroborated | reported) are read when present; the older `verified` flag otherwise.
 */
export type Evidence = "verified" | "corroborated" | "reported";
export type AliasStatus = Evidence | "misreported";

type Alias = BugRecord["aliases"][number];
type Loose = { evidence?: unknown; verified?: unknown; introducedEvidence?: unknown; fixedEvidence?: unknown };

const LEVELS: readonly string[] = ["verified", "corroborated", "reported"];

export function evidenceOf(fact: object): Evidence {
  const e = (fact as Loose).evidence;
  if (typeof e === "string" && LEVELS.includes(e)) return e as Evidence;
  return (fact as Loose).verified === false ? "reported" : "verified";
}

/** The level of one end of a range: its own override, else the range's level. */
export function rangeEndEvidence(range: VersionRange, end: "introduced" | "fixed"): Evidence {
  const own = (range as Loose)[end === "introduced" ? "introducedEvidence" : "fixedEvidence"];
  if (typeof own === "string" && LEVELS.includes(own)) return own as Evidence;
  return evidenceOf(range);
}

/**
 * A cited id the record shows to be wrong (the field report's commit that does not exist) is worse
 * than unconfirmed: people should stop repeating it. The schema has no level for it yet, so an
 * unconfirmed alias counts as misreported when its note says it was contradicted or never existed.
 */
const CONTRADICTED =
  /\b(?:no such [\w-]+ exists|does not exist|doesn't exist|never existed|no [\w-]+ with this (?:id|title|number)|contradicted|misreported|misattributed)\b/i;

export function aliasStatus(alias: Alias): AliasStatus {
  const e = (alias as Loose).evidence;
  if (e === "misreported") return "misreported";
  const level = evidenceOf(alias);
  if (level !== "verified" && alias.note && CONTRADICTED.test(alias.note)) return "misreported";
  return level;
}

export const STATUS_WORDS: Record<AliasStatus, string> = {
  verified: "verified",
  corroborated: "corroborated by several reports",
  reported: "unverified (one report)",
  misreported: "misreported: contradicted by the sources",
};
