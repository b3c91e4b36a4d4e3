import type { Context } from "hono";
import { logFailure } from "../http/on-error";

/** What the chat doors need from configuration; each platform is off (404) without its secret. */
export interface ChatConfig {
  slackSigningSecret?: string | undefined;
  /** Hex Ed25519 public key of the Discord application. */
  discordPublicKey?: string | undefined;
  /** Base URL of the record pages (`${publicUrl}/bugs/<id>`); no links without it. */
  publicUrl?: string | undefined;
  /**
   * Origins Slack's response_url may point at. Slack's own by default; a deployment never changes it,
   * tests point it at a local listener. Anything else is refused, so a payload cannot make us post elsewhere.
   */
  slackResponseOrigins?: readonly string[];
  /** Discord's API, where a deferred answer is edited in (tests point it at a local listener). */
  discordApiBase?: string;
}

export const SLACK_RESPONSE_ORIGINS = ["https://hooks.slack.com"];
export const DISCORD_API_BASE = "https://discord.com/api/v10";

/** The settings both entries parse from their environment (see src/env-fields.ts). */
export function chatConfigFromEnv(env: {
  SLACK_SIGNING_SECRET?: string | undefined;
  DISCORD_PUBLIC_KEY?: string | undefined;
  PUBLIC_URL?: string | undefined;
}): ChatConfig {
  return { slackSigningSecret: env.SLACK_SIGNING_SECRET, discordPublicKey: env.DISCORD_PUBLIC_KEY, publicUrl: env.PUBLIC_URL };
}

/**
 * Runs work after the response is sent: the Worker's waitUntil, a tracked promise on Node. The work
 * is a function so that an entry may start it only once the response is on its way.
 */
export type RunInBackground = (c: Context, task: () => Promise<unknown>) => void;

/** For entries that give none: the platform's waitUntil when there is one, else a logged promise. */
export const defaultRunInBackground: RunInBackground = (c, task) => {
  const logged = task().catch((err: unknown) => logFailure(c.get("requestId"), "background task failed", err));
  let ctx: { waitUntil(p: Promise<unknown>): void } | undefined;
  try {
    ctx = c.executionCtx;
  } catch {
    // Node has no execution context: the promise runs on its own.
  }
  ctx?.waitUntil(logged);
};
