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
};
