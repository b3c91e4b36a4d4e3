import type { Store } from "../db/create-db";

/**
 * Stores that answered a request with damage (SQLITE_CORRUPT, SQLITE_NOTADB): a file damaged while served. Every answer
 * that meets it, and `/health` from then on, says so, where `/health` read only the one version row and said "ok" while
 * every other read failed (review 33a). Damage does not heal, so the mark lasts as long as the process (on a Worker,
 * its isolate).
 */
export interface StoreDamage {
  code: string;
  at: string;
}

const damaged = new WeakMap<Store, StoreDamage>();

const DAMAGE = /CORRUPT|NOTADB/;

/** Marks `store` damaged when `code` (an error's, or its cause's) says the database is; the damage, if any. */
export function noteStoreFault(store: Store | undefined, code: string | undefined): StoreDamage | undefined {
  if (!store || !code || !DAMAGE.test(code)) return undefined;
  const seen = damaged.get(store) ?? { code: code.slice(0, 40), at: new Date().toISOString() };
  damaged.set(store, seen);
  return seen;
}

/** The damage a request met on `store`, if any. */
export const storeDamage = (store: Store): StoreDamage | undefined => damaged.get(store);

/** What an operator reads of a damaged store, in every answer that met it and on /health. */
export const storeDamageDetail = (d: StoreDamage) =>
  `The database answered ${d.code} at ${d.at}: its file is damaged. Stop the service, move the file away and restart to rebuild it from data/.`;
