import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getBug, getKbMeta, loadRecords } from "../../src/db/bug-queries";
import { createDb } from "../../src/db/create-db";
import { derivedRows } from "../../src/db/kb-import";
import { storedKbDamage } from "../../src/db/kb-verify";
import { literal } from "../../src/db/sql-literal";
import { MIGRATIONS_DIR, openStore } from "../../src/node/prepare-store";
import { buildStorableKb } from "../../src/node/storable-kb";

// Migration 0006 moved the records' documents from bugs.doc into bug_doc_parts: a store an older build imported must keep
// serving its version after the migration, with no import (a D1 is migrated by `wrangler d1 migrations apply` alone).
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "known-bugs-doc-parts-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** migrations/ as it was before 0006: the same files, the journal cut there. */
async function migrationsBefore(tag: string): Promise<string> {
  const out = join(dir, "migrations-before");
  await cp(MIGRATIONS_DIR, out, { recursive: true });
  const journal = JSON.parse(await readFile(join(out, "meta/_journal.json"), "utf8")) as { entries: Array<{ tag: string }> };
  journal.entries = journal.entries.slice(
    0,
    journal.entries.findIndex((e) => e.tag === tag),
  );
  await writeFile(join(out, "meta/_journal.json"), JSON.stringify(journal));
  return out;
}

describe("migration 0006 (documents in parts)", () => {
  it("keeps a store imported before it serving the same version and records, undamaged", async () => {
    const built = await buildStorableKb("data");
    if (!built.ok) throw new Error("data/ is invalid");
    const url = `file:${join(dir, "old.db")}`;
    const old = createDb({ kind: "libsql", url });
    await old.migrate(await migrationsBefore("0006_bug_doc_parts"));
    // What the import wrote before 0006: each document whole in bugs.doc, beside the rows derived from it.
    const rows = derivedRows(built.kb.records);
    const docs = new Map(built.kb.records.map((r) => [r.id, JSON.stringify(r)]));
    const script: string[] = [];
    const insert = (table: string, row: Record<string, unknown>) =>
      script.push(
        `INSERT INTO ${table} (${Object.keys(row).join(", ")}) VALUES (${Object.values(row)
          .map((v) => literal(typeof v === "object" && v !== null ? JSON.stringify(v) : v))
          .join(", ")})`,
      );
    const column = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).replace(/^primary$/, "is_primary");
    const snake = (row: object) => Object.fromEntries(Object.entries(row).map(([k, v]) => [column(k), v]));
    for (const b of rows.bugs) insert("bugs", snake({ ...b, doc: docs.get(b.id) }));
    for (const [table, key] of [
      ["bug_aliases", "bugAliases"],
      ["bug_commits", "bugCommits"],
      ["bug_ranges", "bugRanges"],
      ["bug_signatures", "bugSignatures"],
      ["bug_references", "bugReferences"],
      ["bug_examples", "bugExamples"],
    ] as const)
      for (const row of rows[key]) insert(table, snake(row));
    for (const f of rows.fts) insert("bugs_fts", f);
    insert("kb_meta", {
      id: 1,
      version: built.kb.version,
      record_count: built.kb.records.length,
      imported_at: "2026-01-01T00:00:00Z",
    });
    old.close();
    const client = createClient({ url });
    await client.executeMultiple(`BEGIN;\n${script.join(";\n")};\nCOMMIT;`);
    client.close();

    const store = await openStore(url);
    try {
      expect((await getKbMeta(store))?.version).toBe(built.kb.version);
      expect(await storedKbDamage(store)).toBeNull();
      expect(await loadRecords(store)).toEqual(built.kb.records);
      expect(await getBug(store, "xt-mark-ipv6-typo-2024")).toEqual(built.kb.records.find((r) => r.id === "xt-mark-ipv6-typo-2024"));
    } finally {
      store.close();
    }
  });
});
