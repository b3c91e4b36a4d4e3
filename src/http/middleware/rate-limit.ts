import type { Context, MiddlewareHandler } from "hono";
import { MemoryStore, rateLimiter } from "hono-rate-limiter";
import type { AppDeps, AppEnv, AppVariables } from "../app-env";
import { clientKey } from "../client-key";
import { problemResponse } from "../problem";

/** The Workers rate-limit binding (wrangler.toml `[[ratelimits]]`): one `limit()` call per request. */
export interface RateLimitBinding {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

/**
 * The binding's period (wrangler.toml), as RATE_LIMIT_PERIOD_SECONDS repeats it: the binding says neither it nor when a
 * key frees up, so clients wait a whole one.
 */
const bindingPeriod = (c: { get(key: "settings"): AppVariables["settings"] }) => c.get("settings").RATE_LIMIT_PERIOD_SECONDS;
const WINDOW_MS = 60_000;

/** One request counted against a key: allowed, or refused with the seconds until the key frees up. */
export type Turn = { ok: true } | { ok: false; retryAfter: number };
/** What counting a turn reads of a request: its environment (the binding) and its settings. */
type TurnContext = { env: unknown; get(key: "settings"): AppVariables["settings"] };
/** Counts a request against a key (RATE_LIMIT_PER_MINUTE per key and minute, or the Workers binding's limit). */
export type TakeTurn = (c: TurnContext, key: string) => Promise<Turn>;

/** The key of a request's sender by its address: what the limits of /diagnose and of unsigned chat requests count. */
export const addressKey = (deps: Pick<AppDeps, "clientAddress">, c: Context) => clientKey(deps.clientAddress?.(c));

/**
 * Turns counted by key, for the limits a middleware cannot key (a chat request's person is known only once its
 * platform's signature is checked): the binding on Workers, hono-rate-limiter's window store on Node.
 */
export function turnsOf(deps: Pick<AppDeps, "rateLimitBinding">): TakeTurn {
  // One store per limit value (settings are parsed once, so this is one per process).
  const stores = new Map<number, MemoryStore<AppEnv>>();
  return async (c, key) => {
    const binding = deps.rateLimitBinding?.(c.env);
    if (binding) return (await binding.limit({ key })).success ? { ok: true } : { ok: false, retryAfter: bindingPeriod(c) };
    const perMinute = c.get("settings").RATE_LIMIT_PER_MINUTE;
    if (perMinute === 0) return { ok: true };
    let store = stores.get(perMinute);
    if (!store) {
      store = new MemoryStore<AppEnv>();
      // The store reads only the window from the middleware's options; it is used here without the middleware.
      store.init({ windowMs: WINDOW_MS } as Parameters<MemoryStore<AppEnv>["init"]>[0]);
      stores.set(perMinute, store);
    }
    const { totalHits, resetTime } = store.increment(key);
    if (totalHits <= perMinute) return { ok: true };
    return { ok: false, retryAfter: Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now() + WINDOW_MS) - Date.now()) / 1000)) };
  };
}

/** The 429 of a client over its limit. */
export const tooManyRequests = (c: Context, retryAfter: number | string) =>
  problemResponse(c, 429, "rate-limited", "Too many requests from this client; try again after the time in Retry-After.", undefined, {
    "Retry-After": String(retryAfter),
  });

/**
 * Per-client limits on /diagnose and /check (and the votes' summary): the platform's binding on Workers, an in-process window on Node
 * (RATE_LIMIT_PER_MINUTE, 0 = off). Over the limit: 429 problem+json with Retry-After. `group` keeps each route
 * family's count apart. The chat webhooks count by person instead (src/integrations/chat-auth.ts).
 */
export function rateLimit(deps: AppDeps, group: string, counted: readonly string[] = ["POST"]): MiddlewareHandler<AppEnv> {
  const keyOf = (c: Context<AppEnv>) => `${group}:${addressKey(deps, c)}`;
  // Only the method that does the work counts (a POST): a preflight, or a GET answered 405 or a redirect, spends nothing.
  const skip = (c: Context<AppEnv>) => !counted.includes(c.req.method);
  // One in-process limiter per limit value (settings are parsed once, so this is one per process).
  const local = new Map<number, MiddlewareHandler<AppEnv>>();
  return async (c, next) => {
    const binding = deps.rateLimitBinding?.(c.env);
    if (binding) {
      return rateLimiter<AppEnv>({
        binding,
        keyGenerator: keyOf,
        skip,
        handler: (c) => tooManyRequests(c, bindingPeriod(c)),
      })(c, next);
    }
    const perMinute = c.get("settings").RATE_LIMIT_PER_MINUTE;
    if (perMinute === 0) return next();
    let limiter = local.get(perMinute);
    if (!limiter) {
      limiter = rateLimiter<AppEnv>({
        windowMs: WINDOW_MS,
        limit: perMinute,
        standardHeaders: "draft-6",
        keyGenerator: keyOf,
        skip,
        handler: (c) => tooManyRequests(c, c.res.headers.get("Retry-After") ?? "60"),
      });
      local.set(perMinute, limiter);
    }
    return limiter(c, next);
  };
}
