import { z } from "zod";
import { wholeNumber } from "./whole-number";

/**
 * "*" or a comma-separated list of origins (scheme://host[:port]); parsed once, at start-up, each written as browsers send
 * it in Origin (RFC 6454 §6.2: lowercase scheme and host, no default port), since CORS compares the strings (review 66f F3:
 * "https://App.Example.com" or "https://b.example:443" matched no browser's request, and CORS was silently off). Set but
 * empty (a compose file passing an unset variable through) is unset, the default "*", as DATABASE_AUTH_TOKEN's is unset.
 */
const origins = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? "*" : v),
  z
    .string()
    .trim()
    .transform((text, ctx) => {
      if (text === "*") return "*" as const;
      const list = text
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
      const out: string[] = [];
      for (const origin of list) {
        if (!/^https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?$/.test(origin)) {
          ctx.addIssue({ code: "custom", message: `"${origin}" is not an origin such as https://example.com` });
          continue;
        }
        // The shape passed; a port past 65535 is still no origin (review 66i F5: a bare ERR_INVALID_URL at start-up).
        const parsed = URL.canParse(origin) ? new URL(origin).origin : null;
        if (parsed) out.push(parsed);
        else ctx.addIssue({ code: "custom", message: `"${origin}" is not an origin such as https://example.com` });
      }
      return [...new Set(out)];
    }),
);

/** The largest MAX_BODY_BYTES: half of what one V8 string holds. */
export const MAX_BODY_CEILING = 256 * 1024 * 1024;

/** Settings both entries read from their environment (Node's process.env, the Worker's bindings). */
export const sharedEnvFields = {
  // Set but empty (a compose file passing an unset variable through) is no token, not a bad one (review 61h).
  DATABASE_AUTH_TOKEN: z.preprocess((v) => (v === "" ? undefined : v), z.string().min(1).optional()),
  /** Largest accepted request body in bytes, after decompression too; 413 beyond it. */
  // At most 256 MiB: a body is decoded as one string, and V8's strings end at about 512 MiB (2^29 - 24 characters), so a
  // larger limit admitted bodies that ended in a 500 after seconds of work (review 64f F1).
  MAX_BODY_BYTES: wholeNumber()
    .pipe(z.number().min(1024).max(MAX_BODY_CEILING))
    .default(10 * 1024 * 1024),
  /** Origins allowed to call the read API and /diagnose from a browser: "*" (default) or a list. */
  CORS_ORIGINS: origins.default("*"),
  /**
   * The Workers rate-limit binding's period, as wrangler.toml's `[[ratelimits]]` sets it (10 or 60 seconds): the binding
   * does not report it, and a 429's Retry-After and the chat's wait say it (review 66f F6: always 60). Node's own limiter
   * counts per minute whatever this says.
   */
  RATE_LIMIT_PERIOD_SECONDS: z
    .enum(["10", "60"], { error: "must be 10 or 60, the periods the Workers rate-limit binding allows" })
    .transform(Number)
    .default(60),
  /** Requests per minute per client on /diagnose and /integrations/* (in-process limiter; 0 = off). */
  RATE_LIMIT_PER_MINUTE: wholeNumber().default(60),
  /**
   * How long a read of the loaded knowledge base's version is reused, in milliseconds (0: read on every
   * request). An import by another process, or into D1, is served this much later at most; /health reads it every time.
   */
  KB_VERSION_TTL_MS: wholeNumber().pipe(z.number().max(600_000)).default(2000),
  /** Wall-clock budget of one diagnosis, in milliseconds (503 beyond it). */
  DIAGNOSE_TIMEOUT_MS: wholeNumber().pipe(z.number().min(50).max(300_000)).default(10_000),

  /** One JSON line per request on stdout ("off" where the platform logs requests itself, or in tests). */
  ACCESS_LOG: z.enum(["on", "off"]).default("on"),
  /** Slack app's signing secret: turns on /integrations/slack/*. */
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  /** Discord application's public key (hex): turns on /integrations/discord/interactions. */
  DISCORD_PUBLIC_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, "must be the 64 hex characters of the application's public key")
    .optional(),
  /**
   * The curators' bearer token for GET /feedback/summary, which is 404 without it (review 68f F5: public, unlimited, on
   * a service on the internet). At least 16 characters; set but empty is unset.
   */
  FEEDBACK_TOKEN: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().min(16, "must be at least 16 characters (a random token: openssl rand -hex 16)").optional(),
  ),
  /** Where people reach this service, e.g. https://known-bugs.example.com: chat answers link to its record pages. */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .transform((u) => u.replace(/\/+$/, ""))
    .optional(),
};

export const sharedEnvSchema = z.object(sharedEnvFields);
export type SharedSettings = z.infer<typeof sharedEnvSchema>;

/**
 * Settings that do not parse. The message names each variable with zod's reason, which quotes no value
 * (a CORS origin aside, which is public): Node prints it and refuses to start; the Worker, which has no
 * start-up, logs it on every request and answers 503 `misconfigured` naming only the variables.
 */
export class ConfigError extends Error {
  constructor(
    readonly variables: string[],
    message: string,
  ) {
    super(message);
    this.name = "ConfigError";
  }
}

/** The one wording of invalid configuration, for both entries. */
export function configError(error: z.ZodError): ConfigError {
  const issues = error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  const variables = [...new Set(error.issues.map((i) => String(i.path[0] ?? "(settings)")))];
  return new ConfigError(variables, `invalid configuration: ${issues.join("; ")}`);
}
