import type { Context, MiddlewareHandler } from "hono";
import { rateLimiter } from "hono-rate-limiter";
import type { AppDeps, AppEnv } from "../app-env";
import { clientKey } from "../client-key";
import { problemResponse } from "../problem";

/** The Workers rate-limit binding (wrangler.toml `[[ratelimits]]`): one `limit()` call per request. */
export interface RateLimitBinding {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

/** The binding's period (wrangler.toml); it does not say when a key frees up, so clients wait a whole one. */
const BINDING_PERIOD_SECONDS = 60;

/**
 * Per-client limits on the expensive routes (/diagnose, /integrations/*): the platform's binding on
 * Workers, an in-process window on Node (RATE_LIMIT_PER_MINUTE, 0 = off). Over the limit: 429
 * problem+json with Retry-After. `group` keeps each route family's count apart.
 */
export function rateLimit(deps: AppDeps, group: string): MiddlewareHandler<AppEnv> {
  const keyOf = (c: Context<AppEnv>) => `${group}:${clientKey(deps.clientAddress?.(c))}`;
  const tooMany = (c: Context<AppEnv>, retryAfter: string) =>
    problemResponse(c, 429, "rate-limited", "Too many requests from this client; try again after the time in Retry-After.", undefined, {
      "Retry-After": retryAfter,
    });
  // Only a POST does the work: a preflight, or a GET answered 405 or a redirect, spends nothing.
  const skip = (c: Context<AppEnv>) => c.req.method !== "POST";
  // One in-process limiter per limit value (settings are parsed once, so this is one per process).
  const local = new Map<number, MiddlewareHandler<AppEnv>>();
  return async (c, next) => {
    const binding = deps.rateLimitBinding?.(c.env);
    if (binding) {
      return rateLimiter<AppEnv>({
        binding,
        keyGenerator: keyOf,
        skip,
        handler: (c) => tooMany(c, String(BINDING_PERIOD_SECONDS)),
      })(c, next);
    }
    const perMinute = c.get("settings").RATE_LIMIT_PER_MINUTE;
    if (perMinute === 0) return next();
    let limiter = local.get(perMinute);
    if (!limiter) {
      limiter = rateLimiter<AppEnv>({
        windowMs: 60_000,
        limit: perMinute,
        standardHeaders: "draft-6",
        keyGenerator: keyOf,
        skip,
        handler: (c) => tooMany(c, c.res.headers.get("Retry-After") ?? "60"),
      });
      local.set(perMinute, limiter);
    }
    return limiter(c, next);
  };
}
