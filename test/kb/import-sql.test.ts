import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getBug, getKbMeta, listBugs } from "../../src/db/bug-queries";
import type { Store } from "../../src/db/create-db";
import { kbSqlScript } from "../../src/node/kb-script";
import { openStore } from "../../src/node/prepare-store";

// The SQL script `npm run dev:worker` and `npm run kb:sql` hand to `wrangler d1 execute`, run here
// against a migrated SQLite file: parameters inlined, quotes escaped, nothing lost.
let dir: string;
let store: Store;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "known-bugs-sql-"));
  const url = `file:${join(dir, "kb.db")}`;
  store = await openStore(url);
  const { script } = await kbSqlScript("data");
  const client = createClient({ url });
  await client.executeMultiple(script);
  client.close();
});
afterAll(async () => {
  store.close();
  await rm(dir, { recursive: true, force: true });
});

describe("knowledge-base SQL script", () => {
  it("loads every record, its version and its search index", async () => {
    const { version, records } = await kbSqlScript("data");
    expect(await getKbMeta(store)).toMatchObject({ version, recordCount: records });
    const all = await listBugs(store, { limit: 500, offset: 0 });
    expect(all.total).toBe(records);
    const found = await listBugs(store, { q: "862c95d9859f", limit: 10, offset: 0 });
    expect(found.items.map((i) => i.id)).toContain("xt-mark-ipv6-typo-2024");
  });

  it("keeps text with quotes and newlines byte for byte", async () => {
    const bug = await getBug(store, "xt-mark-ipv6-typo-2024");
    const klog = bug?.examples.find((e) => e.log.includes(`unknown option "--xor-mark"`));
    expect(klog?.log).toContain("Try `ip6tables-restore -h' or 'ip6tables-restore --help'");
  });
});
