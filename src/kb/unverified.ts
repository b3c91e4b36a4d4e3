import { rangeLevels } from "../engine/versions";
import type { BugRecord } from "./record-schema";

/**
 * True when any fact of the record rests on a single report (evidence: reported, or the older
 * verified: false), or the record lists unconfirmed facts in words; the API and kb:check surface it.
 */
export const hasUnverifiedFacts = (r: BugRecord): boolean =>
  r.unverified.length > 0 ||
  r.aliases.some((a) => a.evidence === "reported") ||
  r.commits.some((c) => c.evidence === "reported") ||
  r.affected.some((a) => a.ranges.some((g) => rangeLevels(g).includes("reported")));
