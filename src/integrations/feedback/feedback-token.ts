import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../../http/app-env";
import { notFound } from "../../http/on-error";
import { problemResponse } from "../../http/problem";

/**
 * The votes' summary is the curators': off (404, as a chat door is without its secret) unless FEEDBACK_TOKEN is set,
 * then only for `Authorization: Bearer <FEEDBACK_TOKEN>` (review 68f F5: public and unlimited, it published which
 * records users called wrong to anyone on the internet). The comparison takes the same time wherever they differ.
 */
export const feedbackToken: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = c.get("settings").FEEDBACK_TOKEN;
  if (!token) return notFound(c);
  const given = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header("authorization") ?? "")?.[1] ?? "";
  if (!sameText(given, token))
    return problemResponse(
      c,
      401,
      "unauthorized",
      "The feedback summary is the curators': send Authorization: Bearer with the service's FEEDBACK_TOKEN.",
      undefined,
      { "WWW-Authenticate": 'Bearer realm="known-bugs feedback"' },
    );
  await next();
};

function sameText(a: string, b: string): boolean {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < y.length; i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
  return diff === 0;
}
