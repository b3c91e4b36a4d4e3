import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createDb, type Store } from "../db/create-db";
import { importKnowledgeBase } from "../db/kb-import";
import { buildKnowledgeBase } from "../kb/build-kb";
import type { RecordProblem } from "../kb/parse-record";
import { readKbFiles } from "./kb-files";

export const MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../migrations");

export async function openStore(url: string, authToken?: string): Promise<Store> {
  if (url.startsWith("file:")) await mkdir(dirname(resolve(url.slice("file:".length))), { recursive: true });
  const store = createDb({ kind: "libsql", url, authToken });
  await store.migrate(MIGRATIONS_DIR);
  return store;
}

export type ImportOutcome = { ok: true; version: string; records: number; changed: boolean } | { ok: false; problems: RecordProblem[] };

/** Validates data/ as a whole, then imports it all or nothing. A bad record leaves the old KB served. */
export async function importFromDir(store: Store, kbDir: string): Promise<ImportOutcome> {
  const built = await buildKnowledgeBase(await readKbFiles(kbDir));
  if (!built.ok) return built;
  const { changed } = await importKnowledgeBase(store, built.kb);
  return { ok: true, version: built.kb.version, records: built.kb.records.length, changed };
}

export const formatProblems = (problems: RecordProblem[]) =>
  problems.map((p) => `  ${p.file}: ${p.path || "(file)"}: ${p.message}`).join("\n");
