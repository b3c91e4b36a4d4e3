import { type Context, Hono } from "hono";
import { claimChatEvent, recordFeedback, saveChatAnswer, takeChatAnswer, voterKey } from "../../db/chat-queries";
import type { Store } from "../../db/create-db";
import { logFailure } from "../../http/on-error";
import { problemResponse } from "../../http/problem";
import { answerFor, asksForHelp } from "../answer";
import { type ChatEnv, chatFailure, diagnoserOf, offWithout, personTurn, signedBy } from "../chat-auth";
import { type ChatConfig, SLACK_RESPONSE_ORIGINS } from "../chat-config";
import { chatInput, slackToPlain } from "../chat-input";
import type { ChatDeps } from "../chat-routes";
import { OWN_ANSWER, slackMessageParts, unreadNote } from "../message-parts";
import { PlatformRefusal, postAnswer } from "../platform-post";
import { deliveryKey } from "../request-auth";
import { ACTION, renderSlack, renderSlackText, type SlackMessage } from "./blocks";
import { feedbackRefSchema, interactionSchema, slashCommandSchema } from "./slack-payloads";
import { verifySlackRequest } from "./verify";

/** The shortcut's callback id, as declared in manifest.yaml. */
export const DIAGNOSE_MESSAGE = "diagnose_message";

export function slackRoutes(deps: ChatDeps) {
  const slackSigned = signedBy(
    deps,
    (cfg) => cfg.slackSigningSecret,
    (secret, c, raw) =>
      verifySlackRequest(
        secret,
        { signature: c.req.header("x-slack-signature"), timestamp: c.req.header("x-slack-request-timestamp") },
        raw,
      ),
    "Slack",
  );

  return new Hono<ChatEnv>()
    .use(
      "*",
      offWithout(deps.config, (cfg) => cfg.slackSigningSecret),
    )
    .post("/commands", slackSigned, async (c) => {
      const fields = new URLSearchParams(c.get("rawBody"));
      // Slack checks the certificate of a command URL now and then with a signed ssl_check=1 request.
      if (fields.get("ssl_check") === "1") return ack(c);
      const form = slashCommandSchema.safeParse(Object.fromEntries(fields));
      if (!form.success) {
        // Slack sends a form; a JSON body is no slash command at all (review 42a: it was told of its response_url).
        const type = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase();
        const detail =
          type === "application/x-www-form-urlencoded"
            ? "The slash command lacks a valid response_url."
            : "A slash command is the form Slack sends (application/x-www-form-urlencoded, with a response_url).";
        return problemResponse(c, 400, "bad-slack-payload", detail);
      }
      const cfg = c.get("chatConfig");
      const responseUrl = checkedResponseUrl(cfg, form.data.response_url);
      if (!responseUrl) return problemResponse(c, 400, "bad-response-url", "The response_url is not Slack's.");
      let text = slackToPlain(form.data.text).trim();
      const shareWord = /^share(?:\s+|$)/i.exec(text);
      if (shareWord) text = text.slice(shareWord[0].length);
      const input = chatInput(text);
      if (!input.text || asksForHelp(input.text)) return c.json({ response_type: "ephemeral", ...renderSlack({ kind: "help" }) });
      if (!(await firstDelivery(c, form.data.trigger_id))) return ack(c);
      const person = slackPerson(form.data.team_id, form.data.user_id);
      const refusal = await personTurn(c, deps.turns, person);
      if (refusal) return c.json({ response_type: "ephemeral", text: refusal });
      const store = c.get("store");
      const run = diagnoserOf(c, person);
      deps.background(c, () => deliverAnswer(c, store, cfg, responseUrl, async () => answerFor(store, input, run), Boolean(shareWord)));
      return ack(c);
    })
    .post("/interactions", slackSigned, async (c) => {
      const raw = new URLSearchParams(c.get("rawBody")).get("payload");
      let json: unknown;
      try {
        json = JSON.parse(raw ?? "");
      } catch {
        return problemResponse(c, 400, "bad-slack-payload", "The interaction has no JSON payload field.");
      }
      const parsed = interactionSchema.safeParse(json);
      if (!parsed.success) return ack(c); // a kind of interaction this app does not use
      const p = parsed.data;
      const cfg = c.get("chatConfig");
      const store = c.get("store");
      if (p.type === "message_action") {
        if (p.callback_id !== DIAGNOSE_MESSAGE) return ack(c);
        const responseUrl = checkedResponseUrl(cfg, p.response_url);
        if (!responseUrl) return problemResponse(c, 400, "bad-response-url", "The response_url is not Slack's.");
        if (!(await firstDelivery(c, p.trigger_id))) return ack(c);
        const parts = slackMessageParts(p.message, p.api_app_id);
        const unread = unreadNote(parts.unread, "slack");
        const input = chatInput(slackToPlain(parts.text), unread);
        const person = slackPerson(p.team?.id, p.user?.id);
        // A shortcut's own response shows nothing: a refusal goes to response_url like an answer.
        const refusal = input.text && !parts.ours ? await personTurn(c, deps.turns, person) : null;
        const run = diagnoserOf(c, person);
        const answer = async () => {
          if (parts.ours) throw new UserFacing(OWN_ANSWER);
          if (!input.text) throw new UserFacing(`That message has no text to diagnose.${unread ? ` ${unread.note}` : ""}`);
          if (refusal) throw new UserFacing(refusal);
          return answerFor(store, input, run);
        };
        // In the thread the message is in: incident work happens there (review 67h F4). A message outside any thread is
        // answered in the channel, as before (an answer hidden in a new thread under it would go unseen).
        const thread = p.message.thread_ts;
        deps.background(c, () => deliverAnswer(c, store, cfg, responseUrl, answer, false, thread));
        return ack(c);
      }
      if (p.type !== "block_actions") return ack(c);
      const clicked = p.actions[0];
      const responseUrl = p.response_url ? checkedResponseUrl(cfg, p.response_url) : null;
      if (!clicked || !responseUrl) return ack(c);
      if (!(await firstDelivery(c, p.trigger_id))) return ack(c);
      if (clicked.action_id === ACTION.share) {
        deps.background(c, () => shareAnswer(store, cfg, responseUrl, clicked.value ?? "", p.user?.id));
        return ack(c);
      }
      if (clicked.action_id === ACTION.right || clicked.action_id === ACTION.wrong) {
        const ref = feedbackRefSchema.safeParse(safeJson(clicked.value));
        if (!ref.success) return problemResponse(c, 400, "bad-feedback", "The feedback button carries no valid finding.");
        const vote = clicked.action_id === ACTION.right ? "right" : "wrong";
        const voter = await voterKey("slack", p.team?.id, p.user?.id, ref.data);
        await recordFeedback(store, { ...ref.data, vote, platform: "slack", ...(voter ? { voter } : {}) });
        const thanks: SlackMessage = {
          response_type: "ephemeral",
          replace_original: false,
          text: `Thanks: recorded *${vote}* for \`${ref.data.findingId}\` (verdict ${ref.data.verdict}, ${ref.data.kbVersion}). Curators review the records that draw wrong votes.`,
        };
        deps.background(c, () => postToSlack(cfg, responseUrl, thanks));
      }
      return ack(c);
    });
}

/** Who asked, for the diagnosis queue's turns: the workspace and the user Slack's signed payload names. */
const slackPerson = (team: string | undefined, user: string | undefined) => (user ? `slack:${team ?? ""}:${user}` : undefined);

/** Slack wants a 200 within 3 seconds; the answer follows through response_url. */
const ack = (c: Context) => c.body(null, 200);

/**
 * True unless this request was handled already. Slack resends a request it thinks failed (with
 * X-Slack-Retry-Num); the trigger id (or, without one, the body) is the same, so the store refuses
 * the second claim and the retry is acknowledged without a second answer.
 */
async function firstDelivery(c: Context<ChatEnv>, triggerId: string | undefined): Promise<boolean> {
  return claimChatEvent(c.get("store"), "slack", await deliveryKey(triggerId, c.get("rawBody")));
}

/** Only Slack's own origin (or what a test configures): a payload cannot make us post elsewhere. */
function checkedResponseUrl(cfg: ChatConfig, url: string): URL | null {
  try {
    const parsed = new URL(url);
    return (cfg.slackResponseOrigins ?? SLACK_RESPONSE_ORIGINS).includes(parsed.origin) ? parsed : null;
  } catch {
    return null;
  }
}

/** An error whose message is written for the person in the channel. */
class UserFacing extends Error {}

async function deliverAnswer(
  c: Context<ChatEnv>,
  store: Store,
  cfg: ChatConfig,
  responseUrl: URL,
  answer: () => ReturnType<typeof answerFor>,
  shareNow: boolean,
  thread?: string,
): Promise<void> {
  let message: SlackMessage;
  /** The answer as text alone, should Slack refuse its blocks. */
  let plain: SlackMessage | null = null;
  const inThread = thread ? { thread_ts: thread } : {};
  try {
    const a = await answer();
    const opts = { publicUrl: cfg.publicUrl };
    const text = renderSlackText(a, opts);
    if (text) plain = { response_type: shareNow ? "in_channel" : "ephemeral", ...inThread, ...text };
    if (shareNow || a.kind === "help") {
      message = { response_type: shareNow ? "in_channel" : "ephemeral", ...inThread, ...renderSlack(a, opts) };
    } else {
      // The share button posts the answer as it is now, so keep that rendering for a while (with its thread).
      const shareId = crypto.randomUUID();
      await saveChatAnswer(store, "slack", shareId, { ...inThread, ...renderSlack(a, opts) });
      message = { response_type: "ephemeral", ...inThread, ...renderSlack(a, { ...opts, shareId }) };
    }
  } catch (err) {
    const failure = err instanceof UserFacing ? { text: err.message, ours: false } : chatFailure(err, c.get("requestId"), "slack");
    message = { response_type: "ephemeral", ...inThread, text: failure.text };
    if (failure.ours) logFailure(c.get("requestId"), "slack answer failed", err);
  }
  try {
    await postToSlack(cfg, responseUrl, message);
  } catch (err) {
    // Refused for its blocks (a 4xx): said again as text, and the refusal logged (review 68e F5: the person saw nothing).
    if (!(err instanceof PlatformRefusal && err.refusedContent && plain)) throw err;
    logFailure(c.get("requestId"), "slack refused the answer; posting it as text", err);
    await postToSlack(cfg, responseUrl, plain);
  }
}

async function shareAnswer(store: Store, cfg: ChatConfig, responseUrl: URL, shareId: string, userId: string | undefined): Promise<void> {
  const saved = (await takeChatAnswer(store, "slack", shareId)) as SlackMessage | null;
  if (!saved) {
    await postToSlack(cfg, responseUrl, {
      response_type: "ephemeral",
      replace_original: false,
      text: "This answer can no longer be shared (answers are kept for an hour, and shared once). Run the command again with `share`.",
    });
    return;
  }
  const blocks = [...(saved.blocks ?? [])];
  if (userId) blocks.unshift({ type: "context", elements: [{ type: "mrkdwn", text: `Shared by <@${userId}>` }] });
  const inThread = saved.thread_ts ? { thread_ts: saved.thread_ts } : {};
  await postToSlack(cfg, responseUrl, { response_type: "in_channel", replace_original: false, ...inThread, text: saved.text, blocks });
  await postToSlack(cfg, responseUrl, { delete_original: true, text: "" });
}

/** Posts to a response_url (retrying a 429 or a 5xx: platform-post.ts), only ever Slack's own. */
async function postToSlack(cfg: ChatConfig, url: URL, message: SlackMessage): Promise<void> {
  if (!checkedResponseUrl(cfg, url.href)) throw new Error(`refusing to post to ${url.origin}`);
  await postAnswer("Slack", url, "POST", message);
}

function safeJson(value: string | undefined): unknown {
  try {
    return JSON.parse(value ?? "");
  } catch {
    return null;
  }
}
