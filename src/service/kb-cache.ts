import { getKbMeta, type KbMeta, loadVersionedRecords } from "../db/bug-queries";
import type { Store } from "../db/create-db";
import { KbNotLoadedError } from "../db/kb-setup";
import { type CompiledKb, compileKnowledgeBase } from "../engine/compile-kb";
import type { BugRecord } from "../kb/record-schema";

/**
 * Compiled knowledge bases by version, per process (per isolate on Workers). Compiling happens once
 * per version; each request only reads the one-row version to notice an import.
 */
/** Served knowledge bases keep the curated record (aliases, components): the doors show more than the engine reads. */
export type ServedKb = CompiledKb<BugRecord>;

const compiled = new Map<string, Promise<ServedKb>>();

/**
 * The last version read of each store, by the order the reads started in. The value, not the read's
 * promise: on Workers a promise one request started must not be awaited by another.
 */
const metaReads = new WeakMap<Store, { seq: number; at: number; meta: KbMeta | null }>();
let reads = 0;

/**
 * Which knowledge base the store holds, read at most once per `ttlMs` (0: every time). On the Worker each
 * read is a round trip to D1's primary, which may be far from the edge location that serves the request;
 * an import is then seen up to `ttlMs` later.
 */
export async function kbMetaWithin(store: Store, ttlMs: number): Promise<KbMeta | null> {
  const last = metaReads.get(store);
  if (last && Date.now() - last.at < ttlMs) return last.meta;
  const seq = ++reads;
  const at = Date.now();
  const meta = await getKbMeta(store);
  // Reads overlap: a slow one that started before a newer one must not put an older version back.
  if ((metaReads.get(store)?.seq ?? 0) < seq) metaReads.set(store, { seq, at, meta });
  return meta;
}

/**
 * The compiled knowledge base; pass the meta when the request already read it (kbVersion middleware).
 * Its `version` is the one to label the answer with: a version the request reused may be older.
 * `keepAlive` is handed a load this call starts, for the runtime to keep running past the request.
 */
export async function currentKb(store: Store, known?: KbMeta | null, keepAlive?: (work: Promise<unknown>) => void): Promise<ServedKb> {
  // A fresh read also refreshes what kbMetaWithin serves, so the requests that reuse it never ask for a
  // version this one has just replaced in `compiled`. A reused version not compiled here may be stale
  // (an import since): read it fresh before loading, so the base is stored under the version it is.
  let meta = known === undefined ? await kbMetaWithin(store, 0) : known;
  if (known && !compiled.has(known.version)) meta = await kbMetaWithin(store, 0);
  if (!meta) throw new KbNotLoadedError(store.kind);
  const version = meta.version;
  let kb = compiled.get(version);
  if (!kb) {
    // Version and records in one read: an import by another process in between must not mix them.
    kb = loadVersionedRecords(store).then((loaded) => {
      if (!loaded) throw new KbNotLoadedError(store.kind);
      return compileKnowledgeBase(loaded.version, loaded.records, { validated: true });
    });
    // Keep only the newest version: an import replaces the old one everywhere.
    compiled.clear();
    compiled.set(version, kb);
    kb.catch(() => compiled.delete(version));
    // Other requests await this load: on the Worker it must outlive this request if its client goes
    // away (a canceled request's pending I/O never settles, and its waiters would fail).
    keepAlive?.(kb.catch(() => undefined));
  }
  return kb;
}
