import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Store } from "../../src/db/create-db";
import { createApp } from "../../src/http/app";
import type { ChatConfig } from "../../src/integrations/chat-config";
import { createBackgroundTasks } from "../../src/node/background";
import { importFromDir, openStore } from "../../src/node/prepare-store";

export interface TestService {
  store: Store;
  app: ReturnType<typeof createApp>;
  dataDir: string;
  /** Work the app runs after its responses (chat answers); `drain()` waits for it. */
  background: ReturnType<typeof createBackgroundTasks>;
  cleanup(): Promise<void>;
}

/** A real migrated libSQL file with a copy of data/ imported, behind the real app. */
export async function startTestService(opts: { maxBodyBytes?: number; chat?: ChatConfig } = {}): Promise<TestService> {
  const dir = await mkdtemp(join(tmpdir(), "known-bugs-"));
  const dataDir = join(dir, "data");
  await cp("data", dataDir, { recursive: true });
  const store = await openStore(`file:${join(dir, "kb.db")}`);
  const outcome = await importFromDir(store, dataDir);
  if (!outcome.ok) throw new Error(`test knowledge base invalid: ${JSON.stringify(outcome.problems.slice(0, 5))}`);
  const background = createBackgroundTasks();
  const app = createApp({
    store: () => store,
    maxBodyBytes: () => opts.maxBodyBytes ?? 10 * 1024 * 1024,
    chat: () => opts.chat ?? {},
    background: background.run,
  });
  return {
    store,
    app,
    dataDir,
    background,
    cleanup: async () => {
      await background.drain();
      store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
