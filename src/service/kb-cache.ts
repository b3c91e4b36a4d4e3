import { getKbMeta, type KbMeta, loadVersionedRecords } from "../db/bug-queries";
import type { Store } from "../db/create-db";
import { type CompiledKb, compileKnowledgeBase } from "../engine/compile-kb";
import type { BugRecord } from "../kb/record-schema";

/**
 * Compiled knowledge bases by version, per process (per isolate on Workers). Compiling happens once
 * per version; each request only reads the one-row version to notice an import.
 */
/** Served knowledge bases keep the curated record (aliases, components): the doors show more than the engine reads. */
export type ServedKb = CompiledKb<BugRecord>;

const compiled = new Map<string, Promise<ServedKb>>();

export class KbNotLoadedError extends Error {}

/** The compiled knowledge base; pass the meta when the request already read it (kbVersion middleware). */
export async function currentKb(store: Store, known?: KbMeta | null): Promise<ServedKb> {
  const meta = known === undefined ? await getKbMeta(store) : known;
  if (!meta) throw new KbNotLoadedError("the knowledge base has not been imported");
  let kb = compiled.get(meta.version);
  if (!kb) {
    // Version and records in one read: an import by another process in between must not mix them.
    kb = loadVersionedRecords(store).then((loaded) => {
      if (!loaded) throw new KbNotLoadedError("the knowledge base has not been imported");
      return compileKnowledgeBase(loaded.version, loaded.records, { validated: true });
    });
    // Keep only the newest version: an import replaces the old one everywhere.
    compiled.clear();
    compiled.set(meta.version, kb);
    kb.catch(() => compiled.delete(meta.version));
  }
  return kb;
}
