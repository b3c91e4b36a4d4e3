import { verdictLabel, verdictWhy } from "../engine/summary";
import { type ChatAnswer, recordUrl } from "./answer";
import { fullReportAction } from "./full-report";
import { clamp, diagnosisHeadline, plural } from "./text-limits";

/** Room for the short answer: well under both platforms' plain-text limits (Slack's 3,000 notification, Discord's 2,000). */
const SHORT_ANSWER_CHARS = 1_500;

/**
 * The answer as a few lines of text, for a platform that refused the rich one (review 68e F5: a refused answer was
 * silence): the headline, the top finding with its verdict, its record's link, and where the whole report is. `quote`
 * escapes text for the platform's markup. Null for help, which has nothing to shorten.
 */
export function shortAnswer(a: ChatAnswer, publicUrl: string | undefined, quote: (s: string) => string): string | null {
  const link = (id: string) => recordUrl(publicUrl, id) ?? `GET /bugs/${encodeURIComponent(id)}`;
  const lines: string[] = [];
  switch (a.kind) {
    case "help":
      return null;
    case "record":
      lines.push(`known-bugs: ${a.record.id}: ${quote(clamp(a.record.title, 300))}`, link(a.record.id));
      break;
    case "search":
      lines.push(
        `known-bugs: ${plural(a.total, "record")} ${a.total === 1 ? "matches" : "match"} “${quote(clamp(a.query, 200))}”`,
        ...a.items.map((i) => `• ${i.id}: ${link(i.id)}`),
      );
      break;
    case "diagnosis": {
      lines.push(diagnosisHeadline(a, quote));
      const top = a.findings[0] ?? a.advisories[0];
      if (top) {
        lines.push(
          `${top === a.findings[0] ? `${top.rank}. ` : "Advisory: "}${quote(clamp(top.title, 300))} (${top.id}): ${top.confidence} confidence, verdict ${verdictLabel(top.verdict)}: ${quote(clamp(verdictWhy(top.verdict), 800))}`,
          link(top.id),
        );
      }
      break;
    }
  }
  const tail = `The platform refused the full answer: this is its start; ${fullReportAction(publicUrl)} for the full report.`;
  return `${clamp(lines.join("\n"), SHORT_ANSWER_CHARS - tail.length - 1)}\n${tail}`;
}
