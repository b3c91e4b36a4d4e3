import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppDeps } from "../http/app-env";
import { createRouter } from "../http/create-router";
import { kbVersionIfLoaded } from "../http/kb-version";
import { addressKey, type TakeTurn, turnsOf } from "../http/middleware/rate-limit";
import { problemResponse } from "../http/problem";
import { type ChatConfig, defaultRunInBackground, type RunInBackground } from "./chat-config";
import { documentChatWebhooks } from "./chat-webhooks.doc";
import { discordRoutes } from "./discord/discord.route";
import { feedbackRouter } from "./feedback/feedback.index";
import { feedbackToken } from "./feedback/feedback-token";
import { slackRoutes } from "./slack/slack.route";

/** What the chat doors get from the app: their configuration, a way to work after the response, and the rate limit. */
export interface ChatDeps {
  config: (env: unknown) => ChatConfig;
  background: RunInBackground;
  /** Counts a chat request against a key: its person's once signed, its sender's address when it is not. */
  turns: TakeTurn;
  /** The sender's address key (the platform's servers for every signed request). */
  addressOf: (c: Context) => string;
}

/** Chat platforms send small bodies (Slack caps a message at 40,000 characters): 1 MB is ample. */
const MAX_CHAT_BODY = 1024 * 1024;

/** The chat doors and the curators' feedback summary, mounted on the app at "/". */
export function chatRoutes(deps: Pick<AppDeps, "chat" | "background" | "rateLimitBinding" | "clientAddress">) {
  const chat: ChatDeps = {
    config: deps.chat ?? (() => ({})),
    background: deps.background ?? defaultRunInBackground,
    turns: turnsOf(deps),
    addressOf: (c) => addressKey(deps, c),
  };
  const limit = bodyLimit({
    maxSize: MAX_CHAT_BODY,
    onError: (c) => problemResponse(c, 413, "body-too-large", `The body is larger than the limit of ${MAX_CHAT_BODY} bytes.`),
  });
  const router = createRouter();
  documentChatWebhooks(router.openAPIRegistry);
  router.openAPIRegistry.registerComponent("securitySchemes", "feedbackToken", {
    type: "http",
    scheme: "bearer",
    description: "The service's FEEDBACK_TOKEN.",
  });
  // The curators' only (review 68f F5); like every API answer, the summary names the knowledge base served.
  router.use("/feedback/summary", feedbackToken);
  router.use("/feedback/summary", kbVersionIfLoaded);
  return router
    .use("/integrations/*", limit)
    .route("/integrations/slack", slackRoutes(chat))
    .route("/integrations/discord", discordRoutes(chat))
    .route("/", feedbackRouter);
}
