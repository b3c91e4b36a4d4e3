import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Store } from "../../src/db/create-db";
import { createApp } from "../../src/http/app";
import { importFromDir, openStore } from "../../src/node/prepare-store";

export interface TestService {
  store: Store;
  app: ReturnType<typeof createApp>;
  dataDir: string;
  cleanup(): Promise<void>;
}

/** A real migrated libSQL file with a copy of data/ imported, behind the real app. */
export async function startTestService(opts: { maxBodyBytes?: number } = {}): Promise<TestService> {
  const dir = await mkdtemp(join(tmpdir(), "known-bugs-"));
  const dataDir = join(dir, "data");
  await cp("data", dataDir, { recursive: true });
  const store = await openStore(`file:${join(dir, "kb.db")}`);
  const outcome = await importFromDir(store, dataDir);
  if (!outcome.ok) throw new Error(`test knowledge base invalid: ${JSON.stringify(outcome.problems.slice(0, 5))}`);
  const app = createApp({ store: () => store, maxBodyBytes: () => opts.maxBodyBytes ?? 10 * 1024 * 1024 });
  return {
    store,
    app,
    dataDir,
    cleanup: async () => {
      store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
