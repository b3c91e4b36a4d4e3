import type { BugRecord } from "./record-schema";

/** True when any fact of the record is marked unconfirmed; the API and kb:check both surface it. */
export const hasUnverifiedFacts = (r: BugRecord): boolean =>
  r.unverified.length > 0 ||
  r.aliases.some((a) => !a.verified) ||
  r.commits.some((c) => !c.verified) ||
  r.affected.some((a) => a.ranges.some((g) => !g.verified));
