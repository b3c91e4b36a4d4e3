import { z } from "zod";
import { configError, sharedEnvFields } from "../env-fields";
import { wholeNumber } from "../whole-number";
import { StartupError } from "./prepare-store";

/** The URL schemes @libsql/client opens: a file, or a server. */
const LIBSQL_SCHEME = /^(?:file|libsql|https?|wss?):/i;

/** Node entry configuration, parsed once at start-up. */
const configSchema = z.object({
  /** 0 picks a free port (tests); the chosen one is printed. */
  PORT: wholeNumber().pipe(z.number().max(65535)).default(8787),
  /** Interface to listen on; all of them by default. */
  HOST: z.string().min(1).optional(),
  // "file:" with no path would open an in-memory store that every restart loses, without a word (review 61h).
  DATABASE_URL: z
    .string()
    .min(1)
    .refine((url) => !/^file:(?:\/\/)?$/.test(url.trim()), "file: needs a path, such as file:.data/known-bugs.db")
    // A plain path is what an operator types first (review 65f F3: the driver's bare "URL_INVALID" said nothing more).
    .refine((url) => LIBSQL_SCHEME.test(url.trim()), {
      error: (issue) =>
        `must be a libSQL URL: file:<path> for a file (file:${String(issue.input).trim()}), or libsql://, https://, http://, wss://, ws:// for a server`,
    })
    .default("file:.data/known-bugs.db"),
  ...sharedEnvFields,
  KB_DIR: z.string().min(1).default("data"),
  /** Diagnosis threads (default: cores less one, at least one). */
  DIAGNOSE_THREADS: wholeNumber().pipe(z.number().min(1).max(64)).optional(),
  /**
   * How long an idle keep-alive connection stays open, in milliseconds. Above the idle timeout of a load balancer in front
   * (AWS ALB's and nginx's upstream keepalive default to 60 s): closing first, the server let the balancer send a request
   * onto a closing connection and answer 502 (review 66f F5: Node's 5 s default).
   */
  KEEP_ALIVE_TIMEOUT_MS: wholeNumber().pipe(z.number().min(1000).max(600_000)).default(65_000),
  /** Behind a reverse proxy: rate-limit by the last X-Forwarded-For address instead of the socket's. */
  TRUST_PROXY: z
    .enum(["true", "false", "1", "0"])
    .transform((v) => v === "true" || v === "1")
    .default(false),
});

export type NodeConfig = z.infer<typeof configSchema>;

type Env = Record<string, string | undefined>;

/** The environment read through `schema`, or a StartupError naming every bad variable. */
function parseEnv<S extends z.ZodType>(schema: S, env: Env): z.infer<S> {
  const result = schema.safeParse(env);
  if (!result.success) throw new StartupError(configError(result.error).message);
  return result.data;
}

export const loadConfig = (env: Env = process.env): NodeConfig => parseEnv(configSchema, env);

/** What the store's scripts (kb:import, kb:feedback) read: a server's own settings (PORT, HOST) are not theirs to refuse. */
const storeSchema = configSchema.pick({ DATABASE_URL: true, DATABASE_AUTH_TOKEN: true, KB_DIR: true });

export const loadStoreConfig = (env: Env = process.env): z.infer<typeof storeSchema> => parseEnv(storeSchema, env);
