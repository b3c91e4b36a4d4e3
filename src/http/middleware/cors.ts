import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import type { SharedSettings } from "../../env-fields";
import type { AppEnv } from "../app-env";

/**
 * CORS for the public read API and /diagnose: origins from CORS_ORIGINS (parsed once), no
 * credentials (the API has no cookies), and a preflight that allows the methods of the paths it is
 * mounted on, the headers a browser client sends (JSON bodies, compressed bodies, its own request id),
 * and exposes the ones it reads. A plain OPTIONS (no preflight) learns the same methods from `Allow`.
 */
export function corsForApi(methods: readonly string[]): MiddlewareHandler<AppEnv> {
  const allow = [...methods, "OPTIONS"].join(", ");
  const built = new WeakMap<SharedSettings, MiddlewareHandler>();
  return async (c, next) => {
    const settings = c.get("settings");
    let handler = built.get(settings);
    if (!handler) {
      handler = cors({
        origin: settings.CORS_ORIGINS === "*" ? "*" : settings.CORS_ORIGINS,
        allowMethods: [...methods],
        allowHeaders: ["Content-Type", "Content-Encoding", "Accept", "X-Request-Id"],
        exposeHeaders: [
          "X-Request-Id",
          "X-KB-Version",
          "Retry-After",
          "RateLimit-Policy",
          "RateLimit-Limit",
          "RateLimit-Remaining",
          "RateLimit-Reset",
        ],
        maxAge: 600,
      });
      built.set(settings, handler);
    }
    c.set("answersOptions", true);
    const answered = await handler(c, next);
    answered?.headers.set("Allow", allow);
    return answered;
  };
}
