import type { APIActionRowComponent, APIButtonComponentWithCustomId, APIEmbed, APIEmbedField } from "discord-api-types/v10";
import { rebootWords } from "../../engine/record";
import { closestVersionsNote, evidenceExcerpt, evidenceHeading, type FindingSummary, verdictLabel, verdictWhy } from "../../engine/summary";
import { idMatchText } from "../../kb/id-matches";
import { advisoriesHeading, type ChatAnswer, type ChatFinding, type ChatFix, recordUrl } from "../answer";
import { leftOutNote } from "../chat-input";
import { pairedTicks, spanFence } from "../code-spans";
import { chatFixStep } from "../fix-steps";
import { fullReportAction, hiddenFindingLine, hiddenHeading } from "../full-report";
import { shortAnswer } from "../short-answer";
import {
  type Cuttable,
  clamp,
  diagnosisHeadline,
  type FeedbackRef,
  fitAround,
  fittingLines,
  moreStepsLine,
  noMatchLine,
  plural,
  SHOWN_UNVERIFIED,
  wholeLines,
} from "../text-limits";

/** Discord's message and embed limits (discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const DISCORD_LIMITS = {
  content: 2000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  total: 6000,
  embeds: 10,
  customId: 100,
};

export const SHARE_ID = "share";
// discord-api-types' enums, by value: the package is CommonJS, and only its types are used at run time.
const ACTION_ROW = 1;
const BUTTON = 2;
const STYLE = { primary: 1, success: 3, danger: 4 } as const;
const COLOR = { high: 0xd93f0b, medium: 0xe4a11b, low: 0x95a5a6, info: 0x5865f2 } as const;

export interface DiscordMessage {
  content: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
}

/**
 * Text from the person (queries, host facts, node names): every Discord markdown character escaped,
 * link brackets too, so a pasted "[the fix](https://…)" cannot become a disguised link in the bot's answer.
 */
const md = (s: string) => s.replace(/([\\*_~`|[\]()<>#])/g, "\\$1");
/**
 * A command line in a code span: one that holds backticks itself is fenced by a longer run than any of its own, which
 * none of them can close (Discord's markdown; review 70d F4: two backticks around a line holding two closed nothing).
 */
const codeLine = (line: string) => {
  if (!line.includes("`")) return `\`${line}\``;
  const fence = spanFence(line);
  return `${fence} ${line} ${fence}`;
};
/**
 * Text from records and the engine (reasons, notes, summaries), which quotes the person's text (an
 * os-release name): emphasis, link brackets and the angle brackets of mentions, channels and timestamps
 * (`<@&id>`, `<#id>`, `<t:1:R>`: review 62d F2) escaped outside its `code` spans, which Discord shows
 * literally (a backslash there would show).
 */
const prose = (s: string) =>
  // Its backticks paired first: a lone one (iptables' "table `raw'") opened a span that ran on (review 70d F4).
  pairedTicks(s)
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 ? part : part.replace(/([\\*_~|[\]<>])/g, "\\$1")))
    .join("");
const code = (s: string) => `\`${s.replace(/`/g, "ˋ")}\``;

export function renderDiscord(answer: ChatAnswer, opts: { publicUrl?: string | undefined; shareButton?: boolean } = {}): DiscordMessage {
  const out: DiscordMessage = { content: "", embeds: [], components: [] };
  const action = fullReportAction(opts.publicUrl);
  // Each finding's vote buttons, with its embed: a finding left out for size leaves no buttons behind.
  const votes: Array<[APIEmbed, APIActionRowComponent<APIButtonComponentWithCustomId>]> = [];
  const findingOf = new Map<APIEmbed, FindingSummary>();
  /** What each list embed holds, for the note on what did not fit (review 68e F7). */
  const listOf = new Map<APIEmbed, string>();
  /** Embeds dropped last when the answer is over Discord's limit (fitEmbeds). */
  const kept = new Set<APIEmbed>();
  // What the message carried and the answer did not read, first (diagnoses say it in their headline and notes: 68e F2).
  const unread = (answer.kind === "record" || answer.kind === "search") && answer.unread ? `⚠️ ${md(answer.unread.note)}\n` : "";
  switch (answer.kind) {
    case "help":
      out.embeds.push({ title: "known-bugs", description: HELP, color: COLOR.info });
      return out;
    case "record": {
      const r = answer.record;
      const url = recordUrl(opts.publicUrl, r.id);
      out.embeds.push({
        title: clamp(r.title, DISCORD_LIMITS.title),
        ...(url ? { url } : {}),
        description: clamp(`${code(r.id)}\n${prose(r.summary)}`, DISCORD_LIMITS.description),
        fields: [...fixFields(r, url), ...(r.unverified.length ? [unverifiedField(r.unverified)] : [])],
        color: COLOR.info,
      });
      out.content = unread.trimEnd();
      break;
    }
    case "search": {
      out.content =
        unread +
        (answer.items.length
          ? `${plural(answer.total, "record")} ${answer.total === 1 ? "matches" : "match"} “${md(clamp(answer.query, 200))}”`
          : `No record matches “${md(clamp(answer.query, 200))}”. Paste log lines to diagnose them.`);
      if (answer.items.length)
        out.embeds.push({
          title: "Records",
          fields: answer.items.map((i) => {
            const url = recordUrl(opts.publicUrl, i.id);
            const named = (i.idMatches ?? []).map(
              (m) => `${m.status === "misreported" ? "⚠️ " : ""}Your search names ${prose(idMatchText(m))}`,
            );
            return field(
              clamp(i.title, DISCORD_LIMITS.fieldName),
              [url ? `[${code(i.id)}](${url})` : code(i.id), ...named, prose(clamp(i.summary, 300))].join("\n"),
            );
          }),
          color: COLOR.info,
        });
      break;
    }
    case "diagnosis": {
      const n = answer.findings.length + answer.more;
      // What matched is said of what was read: the part of a long input, the message's text beside files not read.
      const lines = [`**${diagnosisHeadline(answer, md)}**`];
      if (answer.unread) lines.push(`⚠️ ${md(answer.unread.note)}`);
      if (answer.facts.length) lines.push(`Read from the paste: ${md(answer.facts.join(" · "))}`);
      if (answer.truncated) lines.push(`✂️ ${leftOutNote(answer.truncated)} For all of it, ${action}.`);
      for (const note of answer.notes) lines.push(`⚠️ ${md(note)}`);
      out.content = clamp(lines.join("\n"), DISCORD_LIMITS.content);
      for (const f of answer.findings) {
        const embed = findingEmbed(f, opts.publicUrl, n > 1);
        out.embeds.push(embed);
        findingOf.set(embed, f);
        const row = feedbackRow(f, answer.kb.version);
        if (row) votes.push([embed, row]);
      }
      const extra: ListSection[] = [];
      if (answer.advisories.length)
        extra.push({
          part: "the advisories",
          heading: `**Advisories**: ${advisoriesHeading(answer.truncated !== null)}`,
          items: answer.advisories.map((a) => `• ${code(a.id)}: ${verdictLabel(a.verdict)}: ${prose(verdictWhy(a.verdict))}`),
          more: (left) => `${plural(left, "more advisory", "more advisories")} not shown.`,
          alsoLeft: answer.moreAdvisories,
        });
      if (answer.outliers.length)
        extra.push({
          part: "the nodes that differ",
          heading: "**Nodes that differ from their peers**:",
          items: answer.outliers.map(
            (o) =>
              `• ${md(o.name)}: differs in ${o.differs.join(", ")}; kernel ${md(o.kernel ?? "?")}${o.findings.length ? `; hit by ${o.findings.map(code).join(", ")}` : ""}`,
          ),
          more: (left) => `…and ${plural(left, "more node")} that differ: ${action} for the full report.`,
        });
      if (answer.closest.length)
        extra.push({
          part: "the closest records",
          heading: "**Closest records by description** (no signature matched: a search result to check, not a diagnosis):",
          items: answer.closest.map((c) => {
            const url = recordUrl(opts.publicUrl, c.id);
            const versions = c.verdict ? `; ${prose(closestVersionsNote(c.verdict))}` : "";
            return `• ${url ? `[${code(c.id)}](${url})` : code(c.id)} ${prose(c.title)}: shares ${prose(c.sharedWords.join(", "))}${versions}`;
          }),
          more: (left) => `…and ${plural(left, "more record")}.`,
        });
      if (extra.length) {
        // Advisories are kept, the first finding shrinking for them (fitEmbeds); outliers and the closest records take the room
        // the findings leave of the 6,000 characters, cut at whole items, instead of going whole (review 52e F3: a 90-node
        // list named no node with 2,600 characters free).
        const left = DISCORD_LIMITS.total - FOOTER_ROOM - out.embeds.reduce((n, e) => n + embedSize(e), 0);
        const room = answer.advisories.length || left < MIN_EXTRA ? DISCORD_LIMITS.description : Math.min(DISCORD_LIMITS.description, left);
        const embed = { description: wholeSections(extra, room), color: COLOR.info };
        out.embeds.push(embed);
        listOf.set(embed, andList(extra.map((x) => x.part)));
        // Advisories may be the answer's only "affected": kept before the first finding's fix steps. Outliers and the
        // closest records are not.
        if (answer.advisories.length) kept.add(embed);
      }
      if (!out.embeds.length) out.embeds.push({ description: noMatchLine(answer), color: COLOR.low });
      break;
    }
  }
  const footer = "kb" in answer ? { text: `known-bugs ${answer.kb.version} · ${plural(answer.kb.records, "record")}` } : null;
  const withFooter = () => {
    const last = out.embeds[out.embeds.length - 1];
    if (footer && last && !last.footer) last.footer = footer;
  };
  withFooter();
  const dropped = fitEmbeds(out.embeds, kept);
  // The footer (the knowledge base's version) goes on whatever embed is last after the cut.
  if (dropped.length) {
    withFooter();
    dropped.push(...fitEmbeds(out.embeds, kept));
  }
  out.components.push(...votes.filter(([embed]) => out.embeds.includes(embed)).map(([, row]) => row));
  // Only on an answer with embeds, which is what Share posts again: a line alone ("No record matches …") offered a button
  // that then said "There is no answer to share" (review 68e F6).
  if (opts.shareButton && out.embeds.length)
    out.components.push({ type: ACTION_ROW, components: [button(SHARE_ID, "Share in channel", STYLE.primary)] });
  if (dropped.length) {
    // Right under the heading, where a long "Read from the paste" line cannot push it past the 2,000 characters.
    const [heading = "", ...rest] = out.content.split("\n");
    // A finding left out is named, with its verdict: "1 more part" hid the one "affected" finding of three (review 57d F1).
    const gone = [...findingOf]
      .filter(([embed]) => !out.embeds.includes(embed))
      .map(([, f]) => `${f.rank}. ${code(f.id)} (${verdictLabel(f.verdict)})`);
    const named = gone.length ? `; not shown: ${gone.join(", ")}` : "";
    // The other parts by what they are ("finding 2's unverified notes", "the nodes that differ"): a general "findings, fix
    // steps, advisories or nodes" sent the reader looking for a missing finding where a caveat had gone (review 68e F7).
    const parts = new Set(
      dropped
        .filter((d) => out.embeds.includes(d.embed) || !findingOf.has(d.embed))
        .map((d) => partName(d, findingOf.get(d.embed), listOf)),
    );
    const what = andList([...parts, ...(gone.length ? [plural(gone.length, "finding")] : [])]);
    const note = `${what.charAt(0).toUpperCase()}${what.slice(1)} did not fit Discord's 6,000 characters${named}: ${action} for the full report.`;
    out.content = clamp([heading, note, ...rest].filter(Boolean).join("\n"), DISCORD_LIMITS.content);
  }
  // Every finding past the three shown is named, last, in the room the 2,000 characters leave (review 70d F3).
  if (answer.kind === "diagnosis" && answer.more) {
    const room = DISCORD_LIMITS.content - out.content.length - 1;
    const hidden = wholeLines(
      hiddenHeading(answer.more, action, (s) => `**${s}**`),
      answer.hidden.map((f) => hiddenFindingLine(f, prose, code)),
      (left) => `…and ${plural(left, "more finding")}.`,
      room,
      answer.more - answer.hidden.length,
    );
    out.content = clamp(`${out.content}\n${hidden}`, DISCORD_LIMITS.content);
  }
  return out;
}

/** The answer as text alone, for an edit Discord refused for its embeds (review 68e F5); null for help. */
export function renderDiscordText(answer: ChatAnswer, opts: { publicUrl?: string | undefined } = {}): DiscordMessage | null {
  const content = shortAnswer(answer, opts.publicUrl, md);
  return content === null ? null : { content, embeds: [], components: [] };
}

function findingEmbed(f: ChatFinding, publicUrl: string | undefined, ranked: boolean): APIEmbed {
  const url = recordUrl(publicUrl, f.id);
  const lines: Array<string | Cuttable> = [
    `${code(f.id)} · **${f.confidence}** confidence (${f.score.toFixed(2)}) · verdict **${verdictLabel(f.verdict)}**`,
    // Among several findings, why this one leads or what it is to the one that does.
    ...(ranked && f.rootCauseNote ? [{ cut: `*${prose(f.rootCauseNote)}*` }] : []),
    { cut: prose(verdictWhy(f.verdict)) },
    // What the host runs now, where the paste changed it since the failure (review 69c F4).
    ...f.present.map(prose),
    // Which machines show it, which others are next, and where it is ruled out (review 68e F1): never the part cut (70b F5).
    ...f.placement.map(prose),
    ...f.shared.map(prose),
  ];
  if (f.keyEvidence)
    lines.push(
      "",
      `${evidenceHeading(f.keyEvidence, f.matchedLines)}:`,
      `\`\`\`\n${evidenceExcerpt(f.keyEvidence, 500).replace(/```/g, "'''")}\n\`\`\``,
    );
  const fields = [];
  if (f.fixSteps.length) fields.push(...fixFields(f, url));
  if (f.unverified.length) fields.push(unverifiedField(f.unverified));
  return {
    title: clamp(`${f.rank}. ${f.title}`, DISCORD_LIMITS.title),
    ...(url ? { url } : {}),
    description: fitAround(lines, DISCORD_LIMITS.description),
    fields,
    color: COLOR[f.confidence],
  };
}

/**
 * The fix's whole steps in as many fields as they need (1,024 characters each: the steps up to the first that
 * acts can take more), then how many more there are and a link to them. A step longer than a field (a list of
 * per-distribution builds) goes on over the next fields at whole lines; only a single line that long is cut.
 */
function fixFields(f: Pick<FindingSummary, "id" | "fixSteps" | "reboot"> & ChatFix, url: string | null) {
  const room = DISCORD_LIMITS.fieldValue;
  const values = runs(
    f.fixSteps
      .map((step) => chatFixStep(step, codeLine, prose))
      .flatMap((step) => (step.length > room ? runs(bulletsOf(step, room), room) : [step])),
    room,
  );
  if (f.laterFixSteps.length) {
    const more = moreStepsLine(f.laterFixSteps, f.fixSteps, url, f.id, prose);
    const last = values.length - 1;
    if (last >= 0 && fittingLines([values[last] ?? "", more], DISCORD_LIMITS.fieldValue) === 2) values[last] += `\n${more}`;
    else values.push(more);
  }
  return values.map((v, i) => field(i ? "Fix (continued)" : `Fix (${rebootWords(f.reboot)})`, v));
}

/**
 * A long step's lines grouped by its bullets ("- Fedora 41: …" and the lines indented under it), so that a field
 * break falls between bullets, never before a bullet's last line (review 32a); a bullet longer than `room` is split
 * at its lines.
 */
function bulletsOf(step: string, room: number): string[] {
  const bullets: string[][] = [];
  for (const line of step.split("\n")) {
    const last = bullets[bullets.length - 1];
    const indent = (l: string) => /^\s*/.exec(l)?.[0].length ?? 0;
    const opener = last?.[0];
    // A line indented deeper than the bullet's marker continues it; another marker or a shallower line starts anew.
    if (last && opener && /^\s*[-*]\s/.test(opener) && !/^\s*[-*]\s/.test(line) && indent(line) > indent(opener)) last.push(line);
    else bullets.push([line]);
  }
  return bullets.flatMap((b) => (b.join("\n").length > room ? b : [b.join("\n")]));
}

/** Items joined by line breaks into runs of at most `room` characters (an item longer than that is a run of its own). */
function runs(items: readonly string[], room: number): string[] {
  const out: string[] = [];
  let rest = items;
  while (rest.length) {
    const n = Math.max(1, fittingLines(rest, room));
    out.push(rest.slice(0, n).join("\n"));
    rest = rest.slice(n);
  }
  return out;
}

/** The first unverified notes, whole, as many as fit a field, then a count of the rest (the record has them). */
const unverifiedField = (notes: readonly string[]) =>
  field(
    "Unverified",
    wholeLines(
      "",
      notes.slice(0, SHOWN_UNVERIFIED).map((u) => `⚠️ ${prose(u)}`),
      (left) => `…and ${plural(left, "more unverified note")} in the record.`,
      DISCORD_LIMITS.fieldValue,
      Math.max(0, notes.length - SHOWN_UNVERIFIED),
    ),
  );

/** A list under a heading: cut at whole items, and the items left out counted (`alsoLeft`: those left out before). */
interface ListSection {
  /** What the list is, should it not fit ("the advisories"). */
  part: string;
  heading: string;
  items: string[];
  more: (left: number) => string;
  alsoLeft?: number;
}

/**
 * Lists one after another, blank-line apart, within `room` characters: each takes what the lists after it leave
 * (their heading and count), so a long list of nodes cannot push the closest records out unmentioned.
 */
function wholeSections(sections: readonly ListSection[], room: number): string {
  const least = (s: ListSection) => s.heading.length + 1 + s.more(s.items.length + (s.alsoLeft ?? 0)).length + 2;
  const out: string[] = [];
  let used = 0;
  sections.forEach((s, i) => {
    const later = sections.slice(i + 1).reduce((n, t) => n + least(t), 0);
    const text = wholeLines(s.heading, s.items, s.more, room - used - (used ? 2 : 0) - later, s.alsoLeft);
    used += (used ? 2 : 0) + text.length;
    out.push(text);
  });
  return clamp(out.join("\n\n"), room);
}

const field = (name: string, value: string) => ({
  name: clamp(name, DISCORD_LIMITS.fieldName),
  value: clamp(value || "-", DISCORD_LIMITS.fieldValue),
});

/** custom_id carries the vote's subject: `fb|r|<verdict>|<kb version>|<finding id>` (100 characters at most). */
function feedbackCustomId(vote: "right" | "wrong", ref: FeedbackRef): string {
  return ["fb", vote === "right" ? "r" : "w", ref.verdict, ref.kbVersion, ref.findingId].join("|");
}

export function parseFeedbackCustomId(id: string): ({ vote: "right" | "wrong" } & FeedbackRef) | null {
  const [fb, v, verdict, kbVersion, findingId] = id.split("|");
  if (fb !== "fb" || (v !== "r" && v !== "w") || !verdict || !kbVersion || !findingId) return null;
  return { vote: v === "r" ? "right" : "wrong", verdict, kbVersion, findingId };
}

function feedbackRow(f: FindingSummary, kbVersion: string): APIActionRowComponent<APIButtonComponentWithCustomId> | null {
  const ref = { kbVersion, findingId: f.id, verdict: f.verdict.status };
  const right = feedbackCustomId("right", ref);
  const wrong = feedbackCustomId("wrong", ref);
  if (Math.max(right.length, wrong.length) > DISCORD_LIMITS.customId) return null;
  return {
    type: ACTION_ROW,
    components: [button(right, `${f.rank}. Right diagnosis`, STYLE.success), button(wrong, `${f.rank}. Wrong diagnosis`, STYLE.danger)],
  };
}

function button(customId: string, label: string, style: APIButtonComponentWithCustomId["style"]): APIButtonComponentWithCustomId {
  return { type: BUTTON, custom_id: customId, label, style };
}

const embedSize = (e: APIEmbed) =>
  (e.title?.length ?? 0) +
  (e.description?.length ?? 0) +
  (e.footer?.text.length ?? 0) +
  (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);

/** A part of the answer left out for size: an embed whole, or one of its fields. */
interface Dropped {
  embed: APIEmbed;
  field?: APIEmbedField;
}

/** A part left out, as the answer's note names it: whose fields, or which lists. */
function partName(d: Dropped, finding: FindingSummary | undefined, listOf: ReadonlyMap<APIEmbed, string>): string {
  if (!d.field) return listOf.get(d.embed) ?? "a part of this answer";
  const whose = finding ? `finding ${finding.rank}'s` : "the record's";
  if (d.field.name === "Unverified") return `${whose} unverified notes`;
  if (d.field.name.startsWith("Fix")) return `${whose} later fix steps`;
  return `${whose} ${d.field.name.toLowerCase()}`;
}

/** "a", "a and b", "a, b and c". */
const andList = (items: readonly string[]) =>
  items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items.at(-1)}` : (items[0] ?? "");

/** Room set aside for the footer (the knowledge base's version and record count) on the last embed. */
const FOOTER_ROOM = 80;
/** Below this, lists after the findings are not cut to fit: the embed goes whole and the answer says a part did not fit. */
const MIN_EXTRA = 300;

/** What a first finding keeps of its description when it shrinks for the kept parts: its verdict and reason lines. */
const MIN_FIRST_DESCRIPTION = 600;

/**
 * At most 10 embeds and 6,000 characters across them: later embeds go first, then descriptions shrink.
 * Returns the parts left out (embeds and fields), for the answer to say which.
 */
function fitEmbeds(embeds: APIEmbed[], kept: ReadonlySet<APIEmbed> = new Set()): Dropped[] {
  const out: Dropped[] = embeds.splice(DISCORD_LIMITS.embeds).map((embed) => ({ embed }));
  for (const e of embeds) for (const field of e.fields?.splice(DISCORD_LIMITS.fields) ?? []) out.push({ embed: e, field });
  let total = embeds.reduce((n, e) => n + embedSize(e), 0);
  // The last findings go first; the first one (the likely root cause) and `kept` (the advisories, a few lines that may be
  // the only "affected" of the answer: review 33c) only when nothing else is left to drop.
  const dropAt = (at: number) => {
    const [dropped] = embeds.splice(at, 1);
    total -= dropped ? embedSize(dropped) : 0;
    if (dropped) out.push({ embed: dropped });
  };
  const popField = (embed: APIEmbed) => {
    const field = embed.fields?.pop();
    total -= field ? field.name.length + field.value.length : 0;
    if (field) out.push({ embed, field });
  };
  // A later finding first gives up its last fields (what is unverified, the later fix steps), keeping its verdict and first
  // fix field, before any finding goes whole (review 57d F1: the one "affected" finding of three went whole, 363 characters
  // over, where its unverified notes alone were 655).
  for (let at = embeds.length - 1; total > DISCORD_LIMITS.total && at > 0; at--) {
    const embed = embeds[at] as APIEmbed;
    if (kept.has(embed) || !embed.fields) continue;
    while (total > DISCORD_LIMITS.total && embed.fields.length > 1) popField(embed);
  }
  for (let at = embeds.length - 1; total > DISCORD_LIMITS.total && at > 0; at--) if (!kept.has(embeds[at] as APIEmbed)) dropAt(at);
  // Left with the first finding and the kept parts: the end of the first finding's description (its evidence excerpt),
  // then its last fields (references, the last fix steps) give way before a kept part does (review 33d: a long first
  // finding still pushed the advisories out).
  const first = embeds[0];
  if (first?.description && total > DISCORD_LIMITS.total && embeds.length > 1) {
    const room = Math.max(MIN_FIRST_DESCRIPTION, first.description.length - (total - DISCORD_LIMITS.total));
    total -= first.description.length - Math.min(room, first.description.length);
    first.description = clamp(first.description, room);
  }
  // Fields it gives up are parts left out too: the answer's note counts them (review 33e: fix steps went without a word).
  while (first && total > DISCORD_LIMITS.total && embeds.length > 1 && (first.fields?.length ?? 0) > 1) popField(first);
  while (total > DISCORD_LIMITS.total && embeds.length > 1) dropAt(embeds.length - 1);
  if (first && total > DISCORD_LIMITS.total && first.description) {
    first.description = clamp(first.description, Math.max(0, first.description.length - (total - DISCORD_LIMITS.total)));
  }
  return out;
}

const HELP = [
  "Matches what you paste against curated known bugs and answers with the verdict and the fix.",
  "• `/diagnose log:<log lines>`: diagnose an excerpt; add a `uname -a` line (and os-release) for a verdict on your versions",
  "• `/diagnose log:xt-mark-ipv6-typo-2024`: one record by id; a CVE, commit id or words search the records",
  "• `share:True` answers in the channel; otherwise only you see the answer until you press **Share in channel**",
  "• On any message: **Apps → Diagnose**",
  "**Right** / **Wrong** record your vote (the finding, the verdict, the knowledge-base version; never your text).",
].join("\n");
