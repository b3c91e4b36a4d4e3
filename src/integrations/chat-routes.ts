import { bodyLimit } from "hono/body-limit";
import type { AppDeps } from "../http/app-env";
import { createRouter } from "../http/create-router";
import { kbVersionIfLoaded } from "../http/kb-version";
import { problemResponse } from "../http/problem";
import { type ChatConfig, defaultRunInBackground, type RunInBackground } from "./chat-config";
import { documentChatWebhooks } from "./chat-webhooks.doc";
import { discordRoutes } from "./discord/discord.route";
import { feedbackRouter } from "./feedback/feedback.index";
import { slackRoutes } from "./slack/slack.route";

/** What the chat doors get from the app: their configuration and a way to work after the response. */
export interface ChatDeps {
  config: (env: unknown) => ChatConfig;
  background: RunInBackground;
}

/** Chat platforms send small bodies (Slack caps a message at 40,000 characters): 1 MB is ample. */
const MAX_CHAT_BODY = 1024 * 1024;

/** The chat doors and the curators' feedback summary, mounted on the app at "/". */
export function chatRoutes(deps: Pick<AppDeps, "chat" | "background">) {
  const chat: ChatDeps = { config: deps.chat ?? (() => ({})), background: deps.background ?? defaultRunInBackground };
  const limit = bodyLimit({
    maxSize: MAX_CHAT_BODY,
    onError: (c) => problemResponse(c, 413, "body-too-large", `The body is larger than the limit of ${MAX_CHAT_BODY} bytes.`),
  });
  const router = createRouter();
  documentChatWebhooks(router.openAPIRegistry);
  // Like every API answer, the summary names the knowledge base served (votes name their own).
  router.use("/feedback/summary", kbVersionIfLoaded);
  return router
    .use("/integrations/*", limit)
    .route("/integrations/slack", slackRoutes(chat))
    .route("/integrations/discord", discordRoutes(chat))
    .route("/", feedbackRouter);
}
