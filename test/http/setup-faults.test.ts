import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Store } from "../../src/db/create-db";
import { describeFailure } from "../../src/http/on-error";
import { openStore } from "../../src/node/prepare-store";

/**
 * The app on libSQL in the states a Worker on Turso can meet (Node migrates its database at start, so it
 * meets only the second): a database never migrated, and one migrated that holds no knowledge base.
 * The same code answers the Worker on D1 (test/worker/setup-faults.test.ts), with D1's commands.
 */
let dir: string;
let unmigrated: Store;
let empty: Store;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "known-bugs-setup-"));
  unmigrated = createDb({ kind: "libsql", url: `file:${join(dir, "unmigrated.db")}` });
  empty = await openStore(`file:${join(dir, "empty.db")}`);
});
afterAll(async () => {
  unmigrated.close();
  empty.close();
  await rm(dir, { recursive: true, force: true });
});

describe("describeFailure on database errors", () => {
  it("keeps SQLite's message when it names only our schema, and drops one quoting user text", async () => {
    const missing = await unmigrated.db.run("SELECT version FROM kb_meta").catch((e: unknown) => e);
    expect(describeFailure(missing)).toMatchObject({ message: "no such table: kb_meta" });
    // An FTS5 query's syntax error quotes the search words: never logged.
    const fts = await empty.raw(`SELECT * FROM bugs_fts WHERE bugs_fts MATCH 'user-secret"'`).catch((e: unknown) => e);
    expect(fts).toBeInstanceOf(Error);
    expect(JSON.stringify(describeFailure(fts))).not.toContain("user-secret");
    expect(describeFailure(fts).message).toBeUndefined();
    // A column an FTS5 query named is the user's word, unless it is one of ours.
    const column = await empty.raw(`SELECT * FROM bugs_fts WHERE bugs_fts MATCH 'secretcol: x'`).catch((e: unknown) => e);
    expect(JSON.stringify(describeFailure(column))).not.toContain("secretcol");
  });
});
