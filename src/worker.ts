import { z } from "zod";
import { createDb, type DbConfig, type Store } from "./db/create-db";
import { ConfigError, configError, sharedEnvFields } from "./env-fields";
import { createApp } from "./http/app";
import type { RateLimitBinding } from "./http/middleware/rate-limit";
import { chatConfigFromEnv } from "./integrations/chat-config";
import { inlineDiagnoser } from "./service/diagnoser";

/** Worker bindings: D1 as `DB`, or a remote libSQL/Turso database through DATABASE_URL. */
const envSchema = z
  .object({
    DB: z.custom<D1Database>((v) => typeof v === "object" && v !== null, "must be a D1 database binding").optional(),
    /** wrangler.toml `[[ratelimits]]`; without it the in-process limiter counts per isolate. */
    RATE_LIMITER: z
      .custom<RateLimitBinding>((v) => typeof (v as RateLimitBinding | undefined)?.limit === "function", "must be a rate-limit binding")
      .optional(),
    DATABASE_URL: z
      .string()
      .regex(/^(libsql|https?|wss?):\/\//, "must be a libsql://, https:// or wss:// URL")
      .optional(),
    ...sharedEnvFields,
  })
  .refine((env) => env.DB || env.DATABASE_URL, { path: ["DB"], message: "no database: bind a D1 database as DB or set DATABASE_URL" });

function dbConfig(env: z.infer<typeof envSchema>): DbConfig {
  // A remote libSQL URL wins when set: that is how a deployment chooses Turso over D1.
  if (env.DATABASE_URL) return { kind: "libsql", url: env.DATABASE_URL, authToken: env.DATABASE_AUTH_TOKEN };
  if (env.DB) return { kind: "d1", binding: env.DB };
  throw new Error("no database: bind a D1 database as DB or set DATABASE_URL");
}

// Bindings are fixed for the life of an isolate: parse them once, and build the store per request.
// Invalid ones are a ConfigError, kept too: the app answers every request 503 misconfigured and logs why.
const parsed = new WeakMap<object, z.infer<typeof envSchema> | ConfigError>();
function parseEnv(env: unknown): z.infer<typeof envSchema> {
  const key = env as object;
  let value = parsed.get(key);
  if (!value) {
    const result = envSchema.safeParse(env);
    value = result.success ? result.data : configError(result.error);
    parsed.set(key, value);
  }
  if (value instanceof ConfigError) throw value;
  return value;
}

/**
 * A D1 binding is one object for the isolate's life and holds no connection, so its store is built once
 * and the isolate's requests share its version read (kb-cache.ts). A remote libSQL client may hold a
 * socket, which one request may not use for another on Workers: that store is built per request.
 */
const d1Stores = new WeakMap<D1Database, Store>();
function storeFor(env: unknown): Store {
  const config = dbConfig(parseEnv(env));
  if (config.kind !== "d1") return createDb(config);
  let store = d1Stores.get(config.binding);
  if (!store) {
    store = createDb(config);
    d1Stores.set(config.binding, store);
  }
  return store;
}

const app = createApp({
  store: storeFor,
  settings: (env) => parseEnv(env),
  // Each request has its own CPU budget in an isolate; the limits of src/http/limits.ts keep it small.
  diagnoser: () => inlineDiagnoser,
  rateLimitBinding: (env) => parseEnv(env).RATE_LIMITER,
  clientAddress: (c) => c.req.header("cf-connecting-ip"),
  chat: (env) => chatConfigFromEnv(parseEnv(env)),
  // A chat answer is posted after the acknowledgement; waitUntil keeps the isolate alive until it is.
  background: (c, task) =>
    c.executionCtx.waitUntil(task().catch((err: unknown) => console.error(`[${c.get("requestId") ?? "-"}] background task failed`, err))),
});

export default app;
