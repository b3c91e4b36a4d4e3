import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Store } from "../../src/db/create-db";
import { type SharedSettings, sharedEnvSchema } from "../../src/env-fields";
import { createApp } from "../../src/http/app";
import type { LogSink } from "../../src/http/middleware/access-log";
import type { ChatConfig } from "../../src/integrations/chat-config";
import { createBackgroundTasks } from "../../src/node/background";
import { nodeDecoder } from "../../src/node/body-decoder";
import { createPoolDiagnoser, type PoolDiagnoser } from "../../src/node/diagnosis-pool";
import { importFromDir, openStore } from "../../src/node/prepare-store";
import { type Diagnoser, inlineDiagnoser } from "../../src/service/diagnoser";

export interface TestService {
  store: Store;
  app: ReturnType<typeof createApp>;
  dataDir: string;
  /** Work the app runs after its responses (chat answers); `drain()` waits for it. */
  background: ReturnType<typeof createBackgroundTasks>;
  /** The diagnosis threads (null for "inline"). */
  pool: PoolDiagnoser | null;
  /** Every access/error log line the app wrote. */
  logs: Array<Record<string, unknown>>;
  cleanup(): Promise<void>;
}

export interface TestServiceOptions {
  maxBodyBytes?: number;
  /** Environment-style settings (as strings), parsed like the entries parse them. */
  env?: Record<string, string>;
  /** "pool": diagnoses in worker threads as on Node (default); "inline": as on the Worker. */
  diagnoser?: "pool" | "inline";
  pool?: { threads?: number; maxQueue?: number; timeoutMs?: number; threadModule?: URL };
  /** The chat doors' secrets (off when absent). */
  chat?: ChatConfig;
}

/** A real migrated libSQL file with a copy of data/ imported, behind the real app. */
export async function startTestService(opts: TestServiceOptions = {}): Promise<TestService> {
  const dir = await mkdtemp(join(tmpdir(), "known-bugs-"));
  const dataDir = join(dir, "data");
  await cp("data", dataDir, { recursive: true });
  const store = await openStore(`file:${join(dir, "kb.db")}`);
  const outcome = await importFromDir(store, dataDir);
  if (!outcome.ok) throw new Error(`test knowledge base invalid: ${JSON.stringify(outcome.problems.slice(0, 5))}`);
  const settings: SharedSettings = sharedEnvSchema.parse({
    MAX_BODY_BYTES: String(opts.maxBodyBytes ?? 10 * 1024 * 1024),
    RATE_LIMIT_PER_MINUTE: "0",
    ...opts.env,
  });
  let pool: PoolDiagnoser | null = null;
  let diagnoser: Diagnoser = inlineDiagnoser;
  if ((opts.diagnoser ?? "pool") === "pool") {
    pool = createPoolDiagnoser({ threads: 1, timeoutMs: settings.DIAGNOSE_TIMEOUT_MS, ...opts.pool });
    diagnoser = pool;
  }
  const background = createBackgroundTasks();
  const logs: Array<Record<string, unknown>> = [];
  const log: LogSink = (entry) => logs.push(entry);
  const app = createApp({
    store: () => store,
    settings: () => settings,
    diagnoser: () => diagnoser,
    chat: () => opts.chat ?? {},
    background: background.run,
    log,
    bodyDecoder: nodeDecoder,
    clientAddress: (c) => c.req.header("x-test-client"),
  });
  return {
    store,
    app,
    dataDir,
    logs,
    background,
    pool,
    cleanup: async () => {
      await background.drain();
      await pool?.close();
      store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
