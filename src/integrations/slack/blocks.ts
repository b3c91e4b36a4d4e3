import type { ActionsBlock, Button, ContextBlock, KnownBlock, SectionBlock } from "@slack/types";
import { rebootWords } from "../../engine/record";
import { closestVersionsNote, evidenceExcerpt, evidenceHeading, type FindingSummary, verdictLabel, verdictWhy } from "../../engine/summary";
import { idMatchText } from "../../kb/id-matches";
import { advisoriesHeading, type ChatAnswer, type ChatFinding, type ChatFix, recordUrl } from "../answer";
import { leftOutNote } from "../chat-input";
import { pairedTicks } from "../code-spans";
import { chatFixStep } from "../fix-steps";
import { fullReportAction, hiddenFindingLine, hiddenHeading } from "../full-report";
import { OWN_ANSWER_BLOCK } from "../message-parts";
import { shortAnswer } from "../short-answer";
import {
  clamp,
  diagnosisHeadline,
  diagnosisNotification,
  type FeedbackRef,
  fitAround,
  moreStepsLine,
  noMatchLine,
  plural,
  unverifiedLines,
  wholeLines,
} from "../text-limits";

/** Block Kit limits (api.slack.com/reference/block-kit): enforced here, whatever the records say. */
export const SLACK_LIMITS = { sectionText: 3000, blocks: 50, headerText: 150, buttonValue: 2000, contextElements: 10, fallbackText: 3000 };

export const ACTION = { share: "share", right: "feedback_right", wrong: "feedback_wrong" } as const;

export interface SlackMessage {
  response_type?: "ephemeral" | "in_channel";
  /** The thread a message about a thread's message is posted in (api.slack.com/interactivity/handling#publishing_in_thread). */
  thread_ts?: string;
  replace_original?: boolean;
  delete_original?: boolean;
  text: string;
  blocks?: KnownBlock[];
}

export interface RenderOptions {
  publicUrl?: string | undefined;
  /** The id under which the answer is kept for its share button; no button without it. */
  shareId?: string | undefined;
  /** Who shared it, for the in-channel version. */
  sharedBy?: string | undefined;
}

/** `&`, `<` and `>` are Slack's control characters in mrkdwn and must be escaped in any text we quote. */
const mrkdwn = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
/** Text we quote, its backticks paired too: a lone one would open a code span that runs on (review 70d F4). */
const esc = (s: string) => mrkdwn(pairedTicks(s));
/** A command line in a code span; Slack's code spans cannot hold a backtick, so such a line stays as it is. */
const codeLine = (line: string) => (line.includes("`") ? esc(line) : `\`${esc(line)}\``);
/**
 * A log line in a preformatted block, as written: Slack has no longer fence, so a backtick at either end is kept off the
 * fence by a space (review 70d F4: a line ending in one made "````", which closed nothing), and "```" inside is no fence.
 */
const preformatted = (line: string) => {
  const body = mrkdwn(line.replace(/```/g, "'''"));
  return `\`\`\`${body.startsWith("`") ? " " : ""}${body}${body.endsWith("`") ? " " : ""}\`\`\``;
};

const section = (text: string): SectionBlock => ({
  type: "section",
  text: { type: "mrkdwn", text: clamp(text, SLACK_LIMITS.sectionText) },
});
const context = (...texts: string[]): ContextBlock => ({
  type: "context",
  elements: texts.slice(0, SLACK_LIMITS.contextElements).map((t) => ({ type: "mrkdwn", text: clamp(t, SLACK_LIMITS.sectionText) })),
});
const header = (text: string): KnownBlock => ({ type: "header", text: { type: "plain_text", text: clamp(text, SLACK_LIMITS.headerText) } });
const link = (url: string | null, text: string) => (url ? `<${url}|${esc(text)}>` : esc(text));

/** Slack shows `text` in notifications and reads `<…>` there as mentions and links: every quoted part is escaped. */
export function renderSlack(answer: ChatAnswer, opts: RenderOptions = {}): SlackMessage {
  const { blocks, text } = body(answer, opts);
  if (opts.sharedBy) blocks.unshift(context(`Shared by <@${opts.sharedBy}>`));
  const tail: KnownBlock[] = [];
  // Its block id marks the message as this app's answer, should someone run the shortcut on it (message-parts.ts).
  if ("kb" in answer)
    tail.push({ ...context(`known-bugs \`${answer.kb.version}\` · ${plural(answer.kb.records, "record")}`), block_id: OWN_ANSWER_BLOCK });
  // What the message carried and the answer did not read, first (diagnoses say it in their headline and notes: 68e F2).
  if ((answer.kind === "record" || answer.kind === "search") && answer.unread)
    blocks.unshift(context(`:warning: ${esc(answer.unread.note)}`));
  if (opts.shareId) {
    tail.push({
      type: "actions",
      block_id: "share",
      elements: [button(ACTION.share, "Share in channel", opts.shareId, "primary")],
    });
  }
  // Never more than 50 blocks: findings go first, the footer always stays.
  const kept = blocks.slice(0, SLACK_LIMITS.blocks - tail.length);
  return { text: clamp(text, SLACK_LIMITS.fallbackText), blocks: [...kept, ...tail] };
}

/** The answer as text alone, for a response_url that refused its blocks (review 68e F5); null for help. */
export function renderSlackText(answer: ChatAnswer, opts: RenderOptions = {}): SlackMessage | null {
  const text = shortAnswer(answer, opts.publicUrl, esc);
  return text === null ? null : { text };
}

function body(answer: ChatAnswer, opts: RenderOptions): { blocks: KnownBlock[]; text: string } {
  switch (answer.kind) {
    case "help":
      return { blocks: [section(HELP)], text: "known-bugs: paste a log excerpt, a bug id, a CVE or commit id, or search words." };
    case "record": {
      const r = answer.record;
      const blocks: KnownBlock[] = [
        header(r.title),
        section(`${link(recordUrl(opts.publicUrl, r.id), r.id)}\n${esc(clamp(r.summary, 1200))}`),
        fixSection(r, recordUrl(opts.publicUrl, r.id)),
      ];
      if (r.unverified.length) blocks.push(context(...unverifiedLines(r.unverified, (u) => `:warning: Unverified: ${esc(u)}`)));
      return { blocks, text: `${r.id}: ${esc(r.title)}` };
    }
    case "search": {
      if (!answer.items.length)
        return {
          blocks: [section(`No record matches “${esc(answer.query)}”. Paste log lines to diagnose them, or \`/known-bugs help\`.`)],
          text: "known-bugs: no record matches",
        };
      const blocks: KnownBlock[] = [header(`Records matching “${answer.query}”`)];
      for (const item of answer.items) {
        const named = (item.idMatches ?? []).map(
          (m) => `${m.status === "misreported" ? ":warning: " : ""}Your search names ${esc(idMatchText(m))}`,
        );
        blocks.push(
          section(
            [`*${link(recordUrl(opts.publicUrl, item.id), item.title)}*  \`${item.id}\``, ...named, esc(clamp(item.summary, 300))].join(
              "\n",
            ),
          ),
        );
      }
      if (answer.total > answer.items.length)
        blocks.push(context(`${answer.total - answer.items.length} more; a more precise search narrows them.`));
      return {
        blocks,
        text: `known-bugs: ${plural(answer.total, "record")} ${answer.total === 1 ? "matches" : "match"} “${esc(answer.query)}”`,
      };
    }
    case "diagnosis":
      return diagnosis(answer, opts);
  }
}

function diagnosis(answer: Extract<ChatAnswer, { kind: "diagnosis" }>, opts: RenderOptions): { blocks: KnownBlock[]; text: string } {
  const blocks: KnownBlock[] = [];
  const n = answer.findings.length + answer.more;
  // What matched is said of what was read: the part of a long input, the message's text beside files not read.
  blocks.push(header(diagnosisHeadline(answer)));
  const notes: string[] = [];
  if (answer.unread) notes.push(`:warning: ${esc(answer.unread.note)}`);
  if (answer.facts.length) notes.push(`Read from the paste: ${esc(answer.facts.join(" · "))}`);
  const action = fullReportAction(opts.publicUrl);
  if (answer.truncated) notes.push(`:scissors: ${leftOutNote(answer.truncated)} For all of it, ${action}.`);
  for (const note of answer.notes) notes.push(`:warning: ${esc(note)}`);
  if (notes.length) blocks.push(context(...notes));
  for (const f of answer.findings) blocks.push(...finding(f, answer.kb.version, opts, n > 1), { type: "divider" });
  // Every finding past the three shown is named, with what to do for the whole report (review 70d F3).
  if (answer.more)
    blocks.push(
      section(
        wholeLines(
          hiddenHeading(answer.more, action, (s) => `*${s}*`),
          answer.hidden.map((f) =>
            hiddenFindingLine(
              f,
              (t) => link(recordUrl(opts.publicUrl, f.id), t),
              (id) => `\`${id}\``,
            ),
          ),
          (left) => `…and ${plural(left, "more finding")}.`,
          SLACK_LIMITS.sectionText,
          answer.more - answer.hidden.length,
        ),
      ),
    );
  if (answer.advisories.length)
    blocks.push(
      section(
        wholeLines(
          `*Advisories*: ${advisoriesHeading(answer.truncated !== null)}`,
          answer.advisories.map(
            (a) =>
              `• ${link(recordUrl(opts.publicUrl, a.id), a.title)} (\`${a.id}\`): ${verdictLabel(a.verdict)}: ${esc(verdictWhy(a.verdict))}`,
          ),
          (left) => `${plural(left, "more advisory", "more advisories")} not shown.`,
          SLACK_LIMITS.sectionText,
          answer.moreAdvisories,
        ),
      ),
    );
  if (answer.outliers.length)
    blocks.push(
      section(
        wholeLines(
          "*Nodes that differ from their peers*:",
          answer.outliers.map(
            (o) =>
              `• ${esc(o.name)}: differs in ${o.differs.join(", ")}; kernel ${esc(o.kernel ?? "?")}${o.findings.length ? `; known bugs hitting it, not its peers: ${o.findings.map((id) => `\`${id}\``).join(", ")}` : ""}`,
          ),
          (left) => `…and ${plural(left, "more node")} that differ: ${action} for the full report.`,
          SLACK_LIMITS.sectionText,
        ),
      ),
    );
  if (answer.closest.length)
    blocks.push(
      section(
        wholeLines(
          "*Closest records by description* (no signature matched: a search result to check, not a diagnosis):",
          answer.closest.map(
            (c) =>
              `• ${link(recordUrl(opts.publicUrl, c.id), c.title)} (\`${c.id}\`): shares ${esc(c.sharedWords.join(", "))}${c.verdict ? `; ${esc(closestVersionsNote(c.verdict))}` : ""}`,
          ),
          (left) => `…and ${plural(left, "more record")}.`,
          SLACK_LIMITS.sectionText,
        ),
      ),
    );
  else if (!n && !answer.advisories.length)
    blocks.push(
      section(
        `${noMatchLine(answer)} ${answer.truncated ? `For all of it, ${action}; or try search words or a CVE id.` : "Try search words or a CVE id."}`,
      ),
    );
  // The notification text (sidebar, push, screen readers) says what the headline says (reviews 64e F6, 68e F2).
  return { blocks, text: diagnosisNotification(answer, esc, (title) => esc(clamp(title, 1000))) };
}

function finding(f: ChatFinding, kbVersion: string, opts: RenderOptions, ranked: boolean): KnownBlock[] {
  const url = recordUrl(opts.publicUrl, f.id);
  const head = [
    `*${f.rank}. ${link(url, f.title)}*`,
    `\`${f.id}\` · *${f.confidence}* confidence (${f.score.toFixed(2)}) · verdict *${verdictLabel(f.verdict)}*`,
    // Among several findings, why this one leads or what it is to the one that does.
    ...(ranked && f.rootCauseNote ? [{ cut: `_${esc(f.rootCauseNote)}_` }] : []),
    { cut: esc(verdictWhy(f.verdict)) },
    // What the host runs now, where the paste changed it since the failure (review 69c F4).
    ...f.present.map(esc),
    // Which machines show it, which others are next, and where it is ruled out (review 68e F1): never the part cut (70b F5).
    ...f.placement.map(esc),
    ...f.shared.map(esc),
  ];
  const blocks: KnownBlock[] = [section(fitAround(head, SLACK_LIMITS.sectionText))];
  if (f.keyEvidence) {
    blocks.push(section(`${evidenceHeading(f.keyEvidence, f.matchedLines)}:\n${preformatted(evidenceExcerpt(f.keyEvidence, 500))}`));
  }
  if (f.fixSteps.length) blocks.push(fixSection(f, url));
  if (f.unverified.length) blocks.push(context(...unverifiedLines(f.unverified, (u) => `:warning: Unverified: ${esc(u)}`)));
  blocks.push(feedbackButtons(f, kbVersion));
  return blocks;
}

/** The fix's whole steps (as many as the section holds), then how many more there are and a link to them. */
function fixSection(f: Pick<FindingSummary, "id" | "fixSteps" | "reboot"> & ChatFix, url: string | null): SectionBlock {
  const all = [...f.fixSteps, ...f.laterFixSteps];
  return section(
    wholeLines(
      `*Fix* (${esc(rebootWords(f.reboot))}):`,
      f.fixSteps.map((step) => chatFixStep(step, codeLine, esc)),
      (left) => moreStepsLine(all.slice(all.length - left), all.slice(0, all.length - left), url && `<${url}>`, f.id, esc),
      SLACK_LIMITS.sectionText,
      f.laterFixSteps.length,
    ),
  );
}

function feedbackButtons(f: FindingSummary, kbVersion: string): ActionsBlock {
  const ref: FeedbackRef = { kbVersion, findingId: f.id, verdict: f.verdict.status };
  const value = JSON.stringify(ref);
  return {
    type: "actions",
    block_id: `feedback-${f.rank}`,
    elements: [button(ACTION.right, "Right diagnosis", value), button(ACTION.wrong, "Wrong diagnosis", value, "danger")],
  };
}

function button(actionId: string, text: string, value: string, style?: "primary" | "danger"): Button {
  return {
    type: "button",
    action_id: actionId,
    text: { type: "plain_text", text },
    value: clamp(value, SLACK_LIMITS.buttonValue),
    ...(style ? { style } : {}),
  };
}

const HELP = [
  "*/known-bugs* matches what you paste against curated known bugs and answers with the verdict and the fix.",
  "• `/known-bugs <log lines>`: diagnose a log excerpt; add a `uname -a` line (and os-release) for a verdict on your versions",
  "• `/known-bugs <bug id>`: one record, e.g. `/known-bugs xt-mark-ipv6-typo-2024`",
  "• `/known-bugs CVE-2024-50038` (or a commit id, an issue number, words): search the records",
  "• `/known-bugs share <…>`: answer in the channel instead of only to you (or press *Share in channel*)",
  "• On any message: *⋯ → Diagnose with known-bugs*",
  "Answers are private until shared. *Right* / *Wrong* record your vote (the finding, the verdict, the knowledge-base version; never your text).",
].join("\n");
