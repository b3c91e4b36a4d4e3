import { z } from "zod";

/**
 * A chat message's text as the person sees it, and what of it the app cannot read (review 67h F1: a log in a file,
 * snippet or attachment was left unread, and the words beside it answered "no known bug matched" as if it had been).
 * Alert bots put their lines in Slack's attachments and section blocks and Discord's embeds: those are the sender's text
 * and read. A link's preview is not (the platform made it: review 67j F2, a pasted issue link no longer found the records
 * citing it). Files are not read (Slack needs another scope to fetch them; Discord's client turns a long paste into
 * `message.txt`): they are named in the answer, with what to send instead.
 */
export interface MessageParts {
  text: string;
  /** The files the message carries that were not read. */
  unread: UnreadFile[];
  /** The message is this app's own answer (a shared diagnosis): running it again would diagnose the app's words. */
  ours: boolean;
}

export interface UnreadFile {
  name: string;
  /** A text file (a paste Discord turned into `message.txt`, a snippet), whose lines could be sent as text. */
  text: boolean;
}

/**
 * The block every answer of this app ends with (its knowledge base's version), by which a message is known to be the app's
 * own where Slack does not say which app posted it (review 67j F1: buttons told it, and only some answers carry any).
 */
export const OWN_ANSWER_BLOCK = "known-bugs-answer";

/**
 * An array whose odd elements are skipped one by one, and an odd array is none: a message is never left unanswered, nor
 * a good part unread, for a part of a shape not foreseen here (review 67j F5: one odd sibling dropped the log beside it).
 */
const tolerant = <T extends z.ZodType>(element: T) =>
  z
    .array(element.nullable().catch(null))
    .nullish()
    .catch([])
    .transform((items) => (items ?? []).filter((i): i is NonNullable<z.output<T>> => i != null));
const word = z.string().optional().catch(undefined);

const slackAttachment = z.looseObject({
  pretext: word,
  title: word,
  text: word,
  fields: tolerant(z.looseObject({ title: word, value: word })),
  // A link's preview (Slack's unfurl), not text anyone sent.
  from_url: word,
  original_url: word,
  app_unfurl_url: word,
  is_app_unfurl: z.boolean().optional().catch(undefined),
});

/** The parts of a Slack message a shortcut sends (api.slack.com/reference/interaction-payloads/shortcuts). */
export const slackMessageSchema = z.looseObject({
  text: z.string().catch(""),
  /** Set on a message in a thread (the thread's first message's ts): answers about it go to that thread. */
  thread_ts: word,
  app_id: word,
  bot_profile: z.looseObject({ app_id: word }).optional().catch(undefined),
  files: tolerant(z.looseObject({ name: word, title: word, mimetype: word, mode: word })),
  attachments: tolerant(slackAttachment),
  blocks: tolerant(
    z.looseObject({
      type: word,
      block_id: word,
      text: z.looseObject({ text: word }).optional().catch(undefined),
      fields: tolerant(z.looseObject({ text: word })),
    }),
  ),
});
export type SlackChatMessage = z.infer<typeof slackMessageSchema>;

/**
 * A Slack message's text: its `text`, then what its attachments and section blocks hold that `text` does not (a bot's
 * `text` is the notification's fallback; a person's rich_text blocks repeat `text`, and are not read twice). `appId`, the
 * payload's `api_app_id`, tells this app's own messages, as does the block every answer ends with.
 */
export function slackMessageParts(m: SlackChatMessage, appId: string | undefined): MessageParts {
  const parts = [m.text];
  for (const a of m.attachments) {
    if (a.from_url || a.original_url || a.app_unfurl_url || a.is_app_unfurl) continue;
    parts.push(...[a.pretext, a.title, a.text, ...a.fields.map((f) => fieldLine(f.title, f.value))].filter(present));
  }
  for (const b of m.blocks) if (b.type === "section") parts.push(...[b.text?.text, ...b.fields.map((f) => f.text)].filter(present));
  const poster = m.app_id ?? m.bot_profile?.app_id;
  const ours = (appId !== undefined && poster === appId) || m.blocks.some((b) => b.block_id === OWN_ANSWER_BLOCK);
  const unread = m.files.map((f) => ({
    name: f.name ?? f.title ?? "a file",
    text: f.mode === "snippet" || (f.mimetype ?? "").startsWith("text/") || TEXT_FILE.test(f.name ?? ""),
  }));
  return { text: distinct(parts).join("\n"), unread, ours };
}

/** The parts of a Discord message a message command resolves (discord.com/developers/docs/resources/message). */
export const discordMessageSchema = z.looseObject({
  content: z.string().catch(""),
  author: z.looseObject({ id: z.string() }).optional().catch(undefined),
  attachments: tolerant(z.looseObject({ filename: word, content_type: word })),
  embeds: tolerant(
    z.looseObject({
      /** "rich" for a bot's or webhook's own embed; a link's preview is "article", "link", "image", "video", "gifv". */
      type: word,
      title: word,
      description: word,
      fields: tolerant(z.looseObject({ name: word, value: word })),
    }),
  ),
});
export type DiscordChatMessage = z.infer<typeof discordMessageSchema>;

/** A Discord message's text: its content, then its own embeds' (an alert bot's or webhook's); `appId` tells its own answers. */
export function discordMessageParts(m: DiscordChatMessage, appId: string | undefined): MessageParts {
  const parts = [m.content];
  for (const e of m.embeds) {
    if (e.type !== undefined && e.type !== "rich") continue;
    parts.push(...[e.title, e.description, ...e.fields.map((f) => fieldLine(f.name, f.value))].filter(present));
  }
  const unread = m.attachments.map((a) => ({
    name: a.filename ?? "a file",
    text: (a.content_type ?? "").startsWith("text/") || TEXT_FILE.test(a.filename ?? ""),
  }));
  return { text: distinct(parts).join("\n"), unread, ours: appId !== undefined && m.author?.id === appId };
}

/**
 * The files a message carried that the answer did not read: said in the answer's headline (review 68e F2: "known-bugs: no
 * known bug matched" headlined a message whose log was in its unread snippet) and, whole, first among its notes.
 */
export interface UnreadNote {
  /** The files' names as the headline gives them (the first three). */
  names: string[];
  /** How many files went unread. */
  count: number;
  /** The whole note: which files, that only the message's text was read, and what to send instead. */
  note: string;
}

/** Names in a headline beyond this many characters are counted instead, so the headline keeps what it says of them. */
const HEADLINE_NAMES = 60;

/** "the file kube-proxy.log was not read" (names through `quote`, the platform's escaping); long names counted instead. */
export function unreadSaid(u: Pick<UnreadNote, "names" | "count">, quote: (s: string) => string = (s) => s): string {
  const listed = u.names.join(", ") + (u.count > u.names.length ? ` and ${u.count - u.names.length} more` : "");
  if (listed.length > HEADLINE_NAMES) return u.count > 1 ? `the ${u.count} attached files were not read` : "the attached file was not read";
  return u.count > 1 ? `the files ${quote(listed)} were not read` : `the file ${quote(listed)} was not read`;
}

/** What the answer says of the files it did not read, or null when there are none. */
export function unreadNote(unread: readonly UnreadFile[], door: "slack" | "discord"): UnreadNote | null {
  if (!unread.length) return null;
  const names = unread.slice(0, 3).map((f) => f.name);
  const all = names.join(", ") + (unread.length > 3 ? ` and ${unread.length - 3} more` : "");
  const which = unread.length > 1 ? `The files ${all} were` : `The file ${all} was`;
  // Advice for what the file is: a paste turned into a file can be sent as text; a screenshot cannot.
  const how = !unread.some((f) => f.text)
    ? "Paste the log's lines as text, or POST them to /diagnose."
    : door === "discord"
      ? "Discord turns a long paste into a file: send its lines in parts, or POST the file to /diagnose."
      : "Paste its lines as text in a message, or POST the file to /diagnose.";
  return { names, count: unread.length, note: `${which} not read: only the message's text is. ${how}` };
}

/** The answer to a run on the app's own answer. */
export const OWN_ANSWER = "That message is known-bugs' own answer: run Diagnose on the message it answered, or paste the log again.";

const TEXT_FILE = /\.(?:txt|log|out|json|ya?ml)$/i;
const present = (s: string | undefined): s is string => s !== undefined && s.trim() !== "";
const fieldLine = (title: string | undefined, value: string | undefined) =>
  title && value ? `${title}: ${value}` : (value ?? title ?? "");
/** Each part once, in order: a fallback that repeats a block's text is not read twice. */
function distinct(parts: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of parts) {
    const t = p.trim();
    if (t && !out.some((o) => o.includes(t))) out.push(p);
  }
  return out;
}
