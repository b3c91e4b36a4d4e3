import { z } from "zod";

/**
 * A chat message's text as the person sees it, and what of it the app cannot read (review 67h F1: a log in a file,
 * snippet or attachment was left unread, and the words beside it answered "no known bug matched" as if it had been).
 * Alert bots put their lines in Slack's attachments and section blocks and Discord's embeds: those are text and read.
 * Files are not (Slack needs another scope to fetch them; Discord's client turns a long paste into `message.txt`): they
 * are named in the answer, with what to send instead.
 */
export interface MessageParts {
  text: string;
  /** The files the message carries that were not read, by name. */
  unread: string[];
  /** The message is this app's own answer (a shared diagnosis): running it again would diagnose the app's words. */
  ours: boolean;
}

// Every part but the text falls back to none when Slack or Discord sends a shape not foreseen here: a message is
// never left unanswered for a part the app only reads in passing (an unparsed payload is acknowledged and dropped).
const slackField = z.looseObject({ title: z.string().optional(), value: z.string().optional() });
const slackText = z.looseObject({ text: z.string().optional() });

/** The parts of a Slack message a shortcut sends (api.slack.com/reference/interaction-payloads/shortcuts). */
export const slackMessageSchema = z.looseObject({
  text: z.string().default(""),
  /** Set on a message in a thread (the thread's first message's ts): answers about it go to that thread. */
  thread_ts: z.string().optional().catch(undefined),
  bot_id: z.string().optional(),
  files: z.array(z.looseObject({ name: z.string().optional(), title: z.string().optional() })).catch([]),
  attachments: z
    .array(
      z.looseObject({
        pretext: z.string().optional(),
        title: z.string().optional(),
        text: z.string().optional(),
        fields: z.array(slackField).default([]),
      }),
    )
    .catch([]),
  blocks: z
    .array(
      z.looseObject({
        type: z.string().optional(),
        text: slackText.optional(),
        fields: z.array(slackText).default([]),
        elements: z.unknown().optional(),
      }),
    )
    .catch([]),
});
export type SlackChatMessage = z.infer<typeof slackMessageSchema>;

/**
 * A Slack message's text: its `text`, then what its attachments and section blocks hold that `text` does not (a bot's
 * `text` is the notification's fallback; a person's rich_text blocks repeat `text`, and are not read twice). `ownActions`
 * are this app's button ids, which mark a message as its own answer.
 */
export function slackMessageParts(m: SlackChatMessage, ownActions: readonly string[]): MessageParts {
  const parts = [m.text];
  for (const a of m.attachments) parts.push(...[a.pretext, a.title, a.text, ...a.fields.map(fieldLine)].filter(present));
  for (const b of m.blocks) if (b.type === "section") parts.push(...[b.text?.text, ...b.fields.map((f) => f.text)].filter(present));
  const ours = m.bot_id !== undefined && m.blocks.some((b) => JSON.stringify(b.elements ?? "").match(actionIds(ownActions)) !== null);
  return { text: distinct(parts).join("\n"), unread: m.files.map((f) => f.name ?? f.title ?? "a file"), ours };
}

/** The parts of a Discord message a message command resolves (discord.com/developers/docs/resources/message). */
export const discordMessageSchema = z.looseObject({
  content: z.string().default(""),
  author: z.looseObject({ id: z.string() }).optional(),
  attachments: z.array(z.looseObject({ filename: z.string().optional() })).catch([]),
  embeds: z
    .array(
      z.looseObject({
        title: z.string().optional(),
        description: z.string().optional(),
        fields: z.array(z.looseObject({ name: z.string().optional(), value: z.string().optional() })).default([]),
      }),
    )
    .catch([]),
});
export type DiscordChatMessage = z.infer<typeof discordMessageSchema>;

/** A Discord message's text: its content, then its embeds' (an alert bot's or webhook's); `appId` tells its own answers. */
export function discordMessageParts(m: DiscordChatMessage, appId: string | undefined): MessageParts {
  const parts = [m.content];
  for (const e of m.embeds)
    parts.push(...[e.title, e.description, ...e.fields.map((f) => fieldLine({ title: f.name, value: f.value }))].filter(present));
  return {
    text: distinct(parts).join("\n"),
    unread: m.attachments.map((a) => a.filename ?? "a file"),
    ours: appId !== undefined && m.author?.id === appId,
  };
}

/** What the answer says of the files it did not read, or null when there are none. */
export function unreadNote(unread: readonly string[], door: "slack" | "discord"): string | null {
  if (!unread.length) return null;
  const names = unread.slice(0, 3).join(", ") + (unread.length > 3 ? ` and ${unread.length - 3} more` : "");
  const which = unread.length > 1 ? `The files ${names} were` : `The file ${names} was`;
  const how =
    door === "discord"
      ? "Discord turns a long paste into a file: send its lines in parts, or POST the file to /diagnose."
      : "Paste its lines as text in a message, or POST the file to /diagnose.";
  return `${which} not read: only the message's text is. ${how}`;
}

/** The answer to a run on the app's own answer. */
export const OWN_ANSWER = "That message is known-bugs' own answer: run Diagnose on the message it answered, or paste the log again.";

const present = (s: string | undefined): s is string => s !== undefined && s.trim() !== "";
const fieldLine = (f: { title?: string | undefined; value?: string | undefined }) =>
  f.title && f.value ? `${f.title}: ${f.value}` : (f.value ?? f.title ?? "");
/** Each part once, in order: a fallback that repeats a block's text is not read twice. */
function distinct(parts: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of parts) {
    const t = p.trim();
    if (t && !out.some((o) => o.includes(t))) out.push(p);
  }
  return out;
}
const actionIds = (ids: readonly string[]) => new RegExp(`"action_id":"(?:${ids.map((i) => i.replace(/[^\w-]/g, "")).join("|")})"`);
