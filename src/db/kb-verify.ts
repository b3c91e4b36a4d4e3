import { contentHash } from "../kb/content-hash";
import type { Store } from "./create-db";

export interface StoredKbDamage {
  /** "text": a document that is no UTF-8 (reading it as text aborts the native driver); "hash": documents that differ. */
  kind: "text" | "hash";
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
  const rows = await store.raw("SELECT id, CAST(doc AS BLOB) AS doc FROM bugs ORDER BY id");
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  const files: Array<{ file: string; text: string }> = [];
  for (const row of rows) {
    const id = String(row.id);
    const bytes = row.doc instanceof ArrayBuffer ? new Uint8Array(row.doc) : (row.doc as Uint8Array | null);
    if (!bytes) return { kind: "hash", why: `record ${id.slice(0, 80)} has no document` };
    try {
      files.push({ file: id, text: decoder.decode(bytes) });
    } catch {
      return { kind: "text", why: `record ${id.slice(0, 80)} is not valid UTF-8` };
    }
  }
  const unreadable = await textNotUtf8(store, decoder);
  if (unreadable) return { kind: "text", why: unreadable };
  const version = await contentHash(files);
  if (version === meta.version) return null;
  const stored = String(meta.version);
  return {
    kind: "hash",
    why: `its ${rows.length} records hash to ${version}, not to the version it names (${stored.slice(0, 40)})`,
    stored,
  };
}

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
