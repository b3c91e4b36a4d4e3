import { getTableName } from "drizzle-orm";
import { contentHash } from "../kb/content-hash";
import type { BugRecord } from "../kb/record-schema";
import type { Store } from "./create-db";
import { DERIVED_TABLES, derivedRows } from "./kb-import";
import type { bugs } from "./schema";

export interface StoredKbDamage {
  /**
   * "text": a document that is no UTF-8 (reading it as text aborts the native driver); "hash": documents that differ;
   * "derived": a value the import derives from a document (a title, a summary, a range, the search index) that is not it.
   */
  kind: "text" | "hash" | "derived";
  why: string;
  /** The version the store names. */
  stored?: string;
}

/**
 * Whether the stored records are the ones their version names. The version is a hash of the records as imported
 * (build-kb.ts), so hashing the stored documents again tells a record changed or damaged inside its text, which
 * `PRAGMA quick_check` does not see (review 33a: a changed digit was served as a verified range under the old
 * version; one byte that is no UTF-8 made the native driver abort the process on its first read). The documents are
 * read as bytes for that reason, and decoded here. A store an older build imported, whose version named the files'
 * bytes, hashes to another version too (olderBuildVersion tells it apart).
 */
export async function storedKbDamage(store: Store): Promise<StoredKbDamage | null> {
  const [meta] = await store.raw("SELECT version FROM kb_meta WHERE id = 1");
  if (!meta) return null;
  // Each part is whole code points (kb-import.ts cuts between them), so each decodes alone.
  const rows = await store.raw(
    "SELECT b.id AS id, CAST(p.text AS BLOB) AS part FROM bugs b LEFT JOIN bug_doc_parts p ON p.bug_id = b.id ORDER BY b.id, p.seq",
  );
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  const docs = new Map<string, string>();
  for (const row of rows) {
    const id = String(row.id);
    const bytes = row.part instanceof ArrayBuffer ? new Uint8Array(row.part) : (row.part as Uint8Array | null);
    if (!bytes) return { kind: "hash", why: `record ${id.slice(0, 80)} has no document` };
    try {
      docs.set(id, (docs.get(id) ?? "") + decoder.decode(bytes));
    } catch {
      return { kind: "text", why: `record ${id.slice(0, 80)} is not valid UTF-8` };
    }
  }
  const files = [...docs].map(([file, text]) => ({ file, text }));
  const unreadable = await textNotUtf8(store, decoder);
  if (unreadable) return { kind: "text", why: unreadable };
  const version = await contentHash(files);
  if (version === meta.version) {
    const derived = await derivedDamage(store, files);
    return derived ? { kind: "derived", why: derived } : null;
  }
  const stored = String(meta.version);
  return {
    kind: "hash",
    why: `its ${files.length} records hash to ${version}, not to the version it names (${stored.slice(0, 40)})`,
    stored,
  };
}

/**
 * The first table whose rows are not what the import derives from the stored documents (derivedRows), or null. The search,
 * the list and the ranges' queries read these, not the documents: a changed letter there was served (review 42a F4).
 */
async function derivedDamage(store: Store, files: ReadonlyArray<{ file: string; text: string }>): Promise<string | null> {
  const expected = derivedRows(files.map((f) => JSON.parse(f.text) as BugRecord));
  const tables: Array<[string, unknown[], Array<Record<string, unknown>>]> = [];
  for (const key of Object.keys(DERIVED_TABLES) as Array<keyof typeof DERIVED_TABLES>) {
    const rows = (await store.db.select().from(DERIVED_TABLES[key] as typeof bugs)) as Array<Record<string, unknown>>;
    tables.push([getTableName(DERIVED_TABLES[key]), expected[key], rows]);
  }
  tables.push([
    "bugs_fts",
    expected.fts,
    await store.raw("SELECT bug_id, title, summary, aliases, signatures, commits, components FROM bugs_fts"),
  ]);
  for (const [table, want, have] of tables) {
    const a = want.map(canonical).sort();
    const b = have.map(canonical).sort();
    if (a.length !== b.length) return `${table} holds ${b.length} rows where the records give ${a.length}`;
    const at = a.findIndex((row, i) => row !== b[i]);
    if (at >= 0) return `a ${table} row is not what its record gives`;
  }
  return null;
}

/** A row as one string, its keys in order and an absent value as null (the column's NULL). */
const canonical = (row: unknown): string =>
  JSON.stringify(
    Object.fromEntries(
      Object.entries(row as Record<string, unknown>)
        .map(([k, v]) => [k, v ?? null])
        .sort(([x], [y]) => (String(x) < String(y) ? -1 : 1)),
    ),
  );

/** The version a build from before the version named the records as stored (bab76125) gave data/: its files' bytes. */
export const olderBuildVersion = (files: ReadonlyArray<{ file: string; text: string }>) => contentHash(files);

/**
 * The first text cell of any table that is no UTF-8, read as bytes (review 36a: a damaged byte in `bugs.summary`, which
 * the document's hash does not cover, passed the start-up check and the first search reading it aborted the process).
 * The tables and their TEXT columns come from the schema the store itself holds: the check follows any migration.
 */
async function textNotUtf8(store: Store, decoder: TextDecoder): Promise<string | null> {
  const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const tables = await store.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
  for (const { name } of tables) {
    const table = String(name);
    const columns = (await store.raw(`PRAGMA table_info(${quote(table)})`))
      .filter((c) => /TEXT|CHAR|CLOB/i.test(String(c.type)))
      .map((c) => String(c.name));
    if (!columns.length) continue;
    const rows = await store.raw(
      `SELECT ${columns.map((c) => `CAST(${quote(c)} AS BLOB) AS ${quote(c)}`).join(", ")} FROM ${quote(table)}`,
    );
    for (const row of rows)
      for (const column of columns) {
        const cell = row[column];
        const bytes = cell instanceof ArrayBuffer ? new Uint8Array(cell) : cell instanceof Uint8Array ? cell : null;
        if (!bytes) continue;
        try {
          decoder.decode(bytes);
        } catch {
          return `a ${table}.${column} value is not valid UTF-8`;
        }
      }
  }
  return null;
}
