import { z } from "zod";
import { sharedEnvFields } from "../env-fields";

/** Node entry configuration, parsed once at start-up. */
const configSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  DATABASE_URL: z.string().min(1).default("file:.data/known-bugs.db"),
  ...sharedEnvFields,
  KB_DIR: z.string().min(1).default("data"),
});

export type NodeConfig = z.infer<typeof configSchema>;

export function loadConfig(env: Record<string, string | undefined> = process.env): NodeConfig {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}
