import type { Store } from "../db/create-db";

/**
 * Stores that answered a request with damage (SQLITE_CORRUPT, SQLITE_NOTADB): a file damaged while served, or a schema
 * changed under the process. Every answer
 * that meets it, and `/health` from then on, says so, where `/health` read only the one version row and said "ok" while
 * every other read failed (review 33a). Damage does not heal, so the mark lasts as long as the process (on a Worker,
 * its isolate).
 */
export interface StoreDamage {
  /** The problem's slug: a damaged file, or a schema another process changed under this one. */
  slug: "store-damaged" | "store-schema-changed";
  code: string;
  at: string;
}

const damaged = new WeakMap<Store, StoreDamage>();

const DAMAGE = /CORRUPT|NOTADB/;

/**
 * A query of a store that answered with the schema loaded naming a table or column of ours that is not there ("no such
 * column: bugs.verified"): another build's import migrated the file, or someone dropped a table, under this process
 * (review 63f F1: every search answered 500 while /health said "ok"). It does not heal until a restart either.
 */
const SCHEMA_GONE = /^(?:no such (?:table|column): |table \w+ has no column named )/;

/**
 * Marks `store` damaged when `code` (an error's, or its cause's) says the database is, or its schema changed when
 * `message` (the database's own message, quoting no user text) says a table or column of ours is gone; the damage, if any.
 */
export function noteStoreFault(store: Store | undefined, code: string | undefined, message?: string): StoreDamage | undefined {
  if (!store) return undefined;
  const slug = code && DAMAGE.test(code) ? "store-damaged" : message && SCHEMA_GONE.test(message) ? "store-schema-changed" : null;
  if (!slug) return undefined;
  const seen = damaged.get(store) ?? {
    slug,
    code: (slug === "store-damaged" ? (code ?? "") : (message ?? "")).slice(0, 80),
    at: new Date().toISOString(),
  };
  damaged.set(store, seen);
  return seen;
}

/** The damage a request met on `store`, if any. */
export const storeDamage = (store: Store): StoreDamage | undefined => damaged.get(store);

/** What an operator reads of a damaged store, in every answer that met it and on /health. */
export const storeDamageDetail = (d: StoreDamage) =>
  d.slug === "store-schema-changed"
    ? `The database answered "${d.code}" at ${d.at}: its schema no longer matches this build (another build's import migrated the file, or a table was dropped). Restart the service with the build that matches the database; its start migrates and re-imports as needed.`
    : `The database answered ${d.code} at ${d.at}: its file is damaged. Stop the service, move the file away and restart to rebuild it from data/.`;
