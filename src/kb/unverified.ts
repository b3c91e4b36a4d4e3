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

/**
 * A record as a list shows it (GET /bugs's items, the import's `bugs` row, `search --json --local`): one definition, so
 * the CLI's local answer is the server's shape field for field (review 67d F3).
 */
export const bugSummaryOf = (r: BugRecord) => ({
  id: r.id,
  title: r.title,
  summary: r.summary,
  components: r.components,
  reboot: r.reboot,
  hasUnverified: hasUnverifiedFacts(r),
});
