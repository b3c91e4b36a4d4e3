import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { nodeTransportProblems, problemContent, retryAfterHeader } from "../http/schemas/content";

const signed = (platform: string, headers: string) =>
  `Signed by ${platform} (${headers}); 404 unless this deployment configured the ${platform} app. The body is the platform's own payload, read exactly as signed.`;

/**
 * The chat webhooks in /openapi.json. Their bodies are Slack's and Discord's formats (validated in the
 * handlers, after the signature check), so they are documented here rather than through zod routes.
 */
export function documentChatWebhooks(registry: OpenAPIHono["openAPIRegistry"]) {
  const common = {
    401: problemContent("The signature is missing, wrong, or older than five minutes."),
    404: problemContent("This deployment has no secret for the platform."),
    413: problemContent("The body is larger than 1 MB."),
    // Unsigned requests count by address (review 42a F9: the contract said nothing of a limit). Signed ones come from the
    // platform's servers whoever asked, so their answers count per person, and a person over their share is told so in
    // the channel (a 429 would show as the platform's own error): review 64e F2.
    429: problemContent(
      "Too many unsigned requests from this address (RATE_LIMIT_PER_MINUTE, or the Worker's binding); Retry-After says when to try again. Signed requests are never refused with 429: each person's answers count apart, and a person over their share is answered, privately, with when to ask again.",
      retryAfterHeader,
    ),
    ...nodeTransportProblems,
  };
  const form = { content: { "application/x-www-form-urlencoded": { schema: z.object({}).passthrough() } } };
  registry.registerPath({
    method: "post",
    path: "/integrations/slack/commands",
    tags: ["Chat"],
    summary: "Slack slash command /known-bugs",
    description: `${signed("Slack", "X-Slack-Signature, X-Slack-Request-Timestamp")} Acknowledged at once (empty 200, or help as JSON); the answer is posted to response_url.`,
    request: { body: form },
    responses: {
      200: { description: "Acknowledged." },
      400: problemContent("No usable response_url."),
      ...common,
    },
  });
  registry.registerPath({
    method: "post",
    path: "/integrations/slack/interactions",
    tags: ["Chat"],
    summary: "Slack interactivity: the Diagnose shortcut and the answer's buttons",
    description: `${signed("Slack", "X-Slack-Signature, X-Slack-Request-Timestamp")} Acknowledged at once; answers go to response_url.`,
    request: { body: form },
    responses: {
      200: { description: "Acknowledged." },
      400: problemContent("A payload this app cannot use."),
      ...common,
    },
  });
  registry.registerPath({
    method: "post",
    path: "/integrations/discord/interactions",
    tags: ["Chat"],
    summary: "Discord interactions: PING, /diagnose, the Diagnose message command and the answer's buttons",
    description: signed("Discord", "X-Signature-Ed25519, X-Signature-Timestamp"),
    request: { body: { content: { "application/json": { schema: z.object({ type: z.number().int() }).passthrough() } } } },
    responses: {
      200: {
        description:
          "The interaction response: PONG, a message with embeds, or, when the answer takes over 2 s, a deferred response (type 5) that the answer then edits in through the interaction's token.",
        content: { "application/json": { schema: z.object({ type: z.number().int() }).passthrough() } },
      },
      400: problemContent("Not an interaction this app handles."),
      ...common,
    },
  });
}
