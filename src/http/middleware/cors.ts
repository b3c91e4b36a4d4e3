import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import type { SharedSettings } from "../../env-fields";
import type { AppEnv } from "../app-env";

const built = new WeakMap<SharedSettings, MiddlewareHandler>();

/**
 * CORS for the public read API and /diagnose: origins from CORS_ORIGINS (parsed once), no
 * credentials (the API has no cookies), and a preflight that allows the headers a browser client
 * sends (JSON bodies, compressed bodies, its own request id) and exposes the ones it reads.
 */
export const corsForApi: MiddlewareHandler<AppEnv> = (c, next) => {
  const settings = c.get("settings");
  let handler = built.get(settings);
  if (!handler) {
    handler = cors({
      origin: settings.CORS_ORIGINS === "*" ? "*" : settings.CORS_ORIGINS,
      allowMethods: ["GET", "HEAD", "POST"],
      allowHeaders: ["Content-Type", "Content-Encoding", "Accept", "X-Request-Id"],
      exposeHeaders: ["X-Request-Id", "X-KB-Version", "Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"],
      maxAge: 600,
    });
    built.set(settings, handler);
  }
  return handler(c, next);
};
