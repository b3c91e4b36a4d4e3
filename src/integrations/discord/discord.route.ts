import { type Context, Hono } from "hono";
import { z } from "zod";
import { claimChatEvent, recordFeedback, voterKey } from "../../db/chat-queries";
import { logFailure } from "../../http/on-error";
import { problemResponse } from "../../http/problem";
import { answerFor } from "../answer";
import { type ChatEnv, chatFailure, diagnoserOf, offWithout, personTurn, signedBy, withOneLineNote } from "../chat-auth";
import { DISCORD_API_BASE } from "../chat-config";
import { chatInput } from "../chat-input";
import type { ChatDeps } from "../chat-routes";
import { discordMessageParts, discordMessageSchema, OWN_ANSWER, type UnreadNote, unreadNote } from "../message-parts";
import { PlatformRefusal, postAnswer } from "../platform-post";
import { deliveryKey } from "../request-auth";
import { feedbackRefSchema } from "../slack/slack-payloads";
import { fittingLines } from "../text-limits";
import { MESSAGE_COMMAND, SLASH_COMMAND } from "./commands";
import { DISCORD_LIMITS, type DiscordMessage, parseFeedbackCustomId, renderDiscord, renderDiscordText, SHARE_ID } from "./embeds";
import { verifyDiscordRequest } from "./verify";

// discord.com/developers/docs/interactions/receiving-and-responding
const PING = 1;
const APPLICATION_COMMAND = 2;
const MESSAGE_COMPONENT = 3;
const PONG = 1;
const CHANNEL_MESSAGE = 4;
const DEFERRED_CHANNEL_MESSAGE = 5;
const EPHEMERAL = 1 << 6;

/**
 * How long the answer may take before Discord is told it follows: Discord drops an interaction not answered within
 * 3 seconds ("The application did not respond"), and a diagnosis waits for a free thread on a busy pool (review 63e F1).
 */
const ANSWER_WAIT_MS = 2000;

const interactionSchema = z.looseObject({
  id: z.string().optional(),
  type: z.number().int(),
  guild_id: z.string().optional(),
  application_id: z
    .string()
    .regex(/^\d{1,25}$/)
    .optional(),
  token: z
    .string()
    .regex(/^[\w.-]{1,500}$/)
    .optional(),
  member: z.looseObject({ user: z.looseObject({ id: z.string() }) }).optional(),
  user: z.looseObject({ id: z.string() }).optional(),
  data: z
    .looseObject({
      name: z.string().optional(),
      custom_id: z.string().optional(),
      target_id: z.string().optional(),
      options: z.array(z.looseObject({ name: z.string(), value: z.unknown() })).optional(),
      resolved: z.looseObject({ messages: z.record(z.string(), discordMessageSchema).optional() }).optional(),
    })
    .optional(),
  message: z
    .looseObject({
      id: z.string().optional(),
      content: z.string().default(""),
      embeds: z.array(z.looseObject({})).default([]),
      components: z.array(z.looseObject({})).default([]),
    })
    .optional(),
});
type Interaction = z.infer<typeof interactionSchema>;

export function discordRoutes(deps: ChatDeps) {
  const discordSigned = signedBy(
    deps,
    (cfg) => cfg.discordPublicKey,
    (key, c, raw) =>
      verifyDiscordRequest(key, { signature: c.req.header("x-signature-ed25519"), timestamp: c.req.header("x-signature-timestamp") }, raw),
    "Discord",
  );

  return new Hono<ChatEnv>()
    .use(
      "*",
      offWithout(deps.config, (cfg) => cfg.discordPublicKey),
    )
    .post("/interactions", discordSigned, async (c) => {
      let json: unknown;
      try {
        json = JSON.parse(c.get("rawBody"));
      } catch {
        return problemResponse(c, 400, "malformed-json", "The body is not valid JSON.");
      }
      const parsed = interactionSchema.safeParse(json);
      if (!parsed.success) return problemResponse(c, 400, "bad-discord-payload", "The body is not a Discord interaction.");
      const i = parsed.data;
      if (i.type === PING) return c.json({ type: PONG });
      if (i.type === APPLICATION_COMMAND) return command(c, i, deps);
      if (i.type === MESSAGE_COMPONENT) return component(c, i);
      return problemResponse(c, 400, "unsupported-interaction", `This app does not handle interactions of type ${i.type}.`);
    });
}

const reply = (c: Context, message: Partial<DiscordMessage>, ephemeral: boolean) =>
  c.json({ type: CHANNEL_MESSAGE, data: { ...message, allowed_mentions: { parse: [] }, ...(ephemeral ? { flags: EPHEMERAL } : {}) } });

async function command(c: Context<ChatEnv>, i: Interaction, deps: ChatDeps) {
  const data = i.data;
  let text: string;
  let unread: UnreadNote | null = null;
  let share = false;
  if (data?.name === SLASH_COMMAND) {
    const option = (name: string) => data.options?.find((o) => o.name === name)?.value;
    text = typeof option("log") === "string" ? (option("log") as string) : "";
    share = option("share") === true;
  } else if (data?.name === MESSAGE_COMMAND && data.target_id) {
    const target = data.resolved?.messages?.[data.target_id];
    const parts = target ? discordMessageParts(target, i.application_id) : { text: "", unread: [], ours: false };
    if (parts.ours) return reply(c, { content: OWN_ANSWER }, true);
    text = parts.text;
    unread = unreadNote(parts.unread, "discord");
    if (!text.trim()) return reply(c, { content: `That message has no text to diagnose.${unread ? ` ${unread.note}` : ""}` }, true);
  } else {
    return problemResponse(c, 400, "unknown-command", `This app has no command named "${data?.name ?? ""}".`);
  }
  // Discord sends each interaction once, with its own id: the same signed body again within the signature's window is a
  // replay, which gets no second diagnosis (review 42a F8; Slack's retries are claimed the same way).
  if (!(await claimChatEvent(c.get("store"), "discord", await deliveryKey(i.id, c.get("rawBody")))))
    return reply(c, { content: "This interaction was already answered." }, true);
  const userId = i.member?.user.id ?? i.user?.id;
  const person = userId ? `discord:${i.guild_id ?? ""}:${userId}` : undefined;
  const refusal = await personTurn(c, deps.turns, person);
  if (refusal) return reply(c, { content: refusal }, true);
  const cfg = c.get("chatConfig");
  const input = chatInput(text, unread);
  const slash = data?.name === SLASH_COMMAND;
  const answer: Promise<{ message: Partial<DiscordMessage>; ephemeral: boolean; plain?: DiscordMessage | null }> = answerFor(
    c.get("store"),
    input,
    diagnoserOf(c, person),
  ).then(
    (a) => {
      const shown = slash ? withOneLineNote(a, input.text, "discord") : a;
      return {
        message: renderDiscord(shown, { publicUrl: cfg.publicUrl, shareButton: !share }),
        ephemeral: !share,
        plain: renderDiscordText(shown, { publicUrl: cfg.publicUrl }),
      };
    },
    (err: unknown) => {
      const failure = chatFailure(err, c.get("requestId"), "discord");
      if (failure.ours) logFailure(c.get("requestId"), "discord answer failed", err);
      return { message: { content: failure.text }, ephemeral: true };
    },
  );
  // A diagnosis of a message (at most 6,000 characters) takes milliseconds, so the answer is the reply itself; on a busy
  // pool the reply says the answer follows (a deferred response, private unless shared) and the answer edits it in.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = i.application_id && i.token ? new Promise<null>((r) => (timer = setTimeout(() => r(null), ANSWER_WAIT_MS))) : null;
  const first = await (late ? Promise.race([answer, late]) : answer);
  clearTimeout(timer);
  if (first) return reply(c, first.message, first.ephemeral);
  const url = `${cfg.discordApiBase ?? DISCORD_API_BASE}/webhooks/${i.application_id}/${i.token}/messages/@original`;
  deps.background(c, async () => {
    const { message, plain } = await answer;
    try {
      await editOriginal(url, message);
    } catch (err) {
      // Refused for its embeds (a 4xx): said again as text, and the refusal logged (review 68e F5: "thinking…" for ever).
      if (!(err instanceof PlatformRefusal && err.refusedContent && plain)) throw err;
      logFailure(c.get("requestId"), "discord refused the answer; editing it in as text", err);
      await editOriginal(url, plain);
    }
  });
  return c.json({ type: DEFERRED_CHANNEL_MESSAGE, data: share ? {} : { flags: EPHEMERAL } });
}

/**
 * Puts the answer into the deferred response (Discord's "Edit Original Interaction Response"; the token is its auth),
 * retrying a 429 or a 5xx (platform-post.ts).
 */
async function editOriginal(url: string, message: Partial<DiscordMessage>): Promise<void> {
  await postAnswer("Discord", url, "PATCH", { ...message, allowed_mentions: { parse: [] } });
}

async function component(c: Context<ChatEnv>, i: Interaction) {
  const customId = i.data?.custom_id ?? "";
  const userId = i.member?.user.id ?? i.user?.id;
  if (customId === SHARE_ID) {
    // Discord sends the message the button sits on, ephemeral or not: post it again, for everyone.
    const message = i.message;
    if (!message?.embeds.length) return reply(c, { content: "There is no answer to share." }, true);
    const components = message.components.filter((row) => !JSON.stringify(row).includes(`"custom_id":"${SHARE_ID}"`));
    // The answer's own text (its heading, what was read from the paste, what was left out) under who shared it, in whole lines.
    const by = userId ? `Shared by <@${userId}>` : "Shared";
    const lines = message.content ? message.content.split("\n") : [];
    const kept = lines.slice(0, fittingLines(lines, DISCORD_LIMITS.content, by.length));
    return c.json({
      type: CHANNEL_MESSAGE,
      data: {
        content: [by, ...kept].join("\n"),
        embeds: message.embeds,
        components,
        allowed_mentions: { parse: [] },
      },
    });
  }
  const parsed = parseFeedbackCustomId(customId);
  const ref = parsed && feedbackRefSchema.safeParse(parsed);
  if (!parsed || !ref?.success) return problemResponse(c, 400, "unknown-component", "This button is not one of this app's.");
  // A signed interaction replayed within the signature's window counts once (Discord gives each its own id).
  if (await claimChatEvent(c.get("store"), "discord", await deliveryKey(i.id, c.get("rawBody")))) {
    const voter = await voterKey("discord", i.guild_id, userId, ref.data);
    await recordFeedback(c.get("store"), { ...ref.data, vote: parsed.vote, platform: "discord", ...(voter ? { voter } : {}) });
  }
  return reply(
    c,
    {
      content: `Thanks: recorded **${parsed.vote}** for \`${ref.data.findingId}\` (verdict ${ref.data.verdict}, ${ref.data.kbVersion}). Curators review the records that draw wrong votes.`,
    },
    true,
  );
}
