import type { Context, MiddlewareHandler } from "hono";
import type { AppVariables } from "../http/app-env";
import { notFound } from "../http/on-error";
import { problemResponse } from "../http/problem";
import type { RunDiagnosis } from "./answer";
import type { ChatConfig } from "./chat-config";
import type { AuthResult } from "./request-auth";

export type ChatEnv = { Variables: AppVariables & { rawBody: string; chatConfig: ChatConfig } };

/** The app's diagnoser for a chat answer: the same limits and pool as POST /diagnose. */
export function diagnoserOf(c: { get(key: "diagnoser"): AppVariables["diagnoser"] }): RunDiagnosis {
  const diagnoser = c.get("diagnoser");
  return (kb, text) => diagnoser.diagnose(kb, { form: "bundle", text });
}

/**
 * A platform's routes without its secret: 404 for every method (they do not exist for this deployment),
 * never a 405 that names a method.
 */
export function offWithout(
  config: (env: unknown) => ChatConfig,
  secretOf: (cfg: ChatConfig) => string | undefined,
): MiddlewareHandler<ChatEnv> {
  return async (c, next) => {
    if (secretOf(config(c.env))) return next();
    c.set("routeOff", true);
    return notFound(c);
  };
}

/**
 * The gate of every chat route (behind offWithout): 401 problem+json unless the request is signed by the
 * platform. The raw body, exactly as signed, is kept for the handler.
 */
export function signedBy(
  config: (env: unknown) => ChatConfig,
  secretOf: (cfg: ChatConfig) => string | undefined,
  verify: (secret: string, c: Context<ChatEnv>, rawBody: string) => Promise<AuthResult>,
  platform: string,
): MiddlewareHandler<ChatEnv> {
  return async (c, next) => {
    const cfg = config(c.env);
    const secret = secretOf(cfg);
    if (!secret) return notFound(c);
    // Bytes, decoded once: the signature covers them exactly (workerd warns on .text() of a form body).
    const rawBody = new TextDecoder().decode(await c.req.arrayBuffer());
    const auth = await verify(secret, c, rawBody);
    if (!auth.ok) return problemResponse(c, 401, "bad-signature", `The request is not signed by ${platform} (${auth.reason}).`);
    c.set("rawBody", rawBody);
    c.set("chatConfig", cfg);
    await next();
  };
}
