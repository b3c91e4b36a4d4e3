import { z } from "zod";

/** Settings both entries read from their environment (Node's process.env, the Worker's bindings). */
export const sharedEnvFields = {
  DATABASE_AUTH_TOKEN: z.string().min(1).optional(),
  /** Largest accepted request body in bytes; 413 beyond it. */
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1024 * 1024),
  /** Slack app's signing secret: turns on /integrations/slack/*. */
  SLACK_SIGNING_SECRET: z.string().min(1).optional(),
  /** Discord application's public key (hex): turns on /integrations/discord/interactions. */
  DISCORD_PUBLIC_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, "must be the 64 hex characters of the application's public key")
    .optional(),
  /** Where people reach this service, e.g. https://known-bugs.example.com: chat answers link to its record pages. */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .transform((u) => u.replace(/\/+$/, ""))
    .optional(),
};
