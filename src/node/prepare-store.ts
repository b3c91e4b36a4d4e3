import { copyFile, mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createDb, type Store } from "../db/create-db";
import { importKnowledgeBase } from "../db/kb-import";
import { buildKnowledgeBase } from "../kb/build-kb";
import type { RecordProblem } from "../kb/parse-record";
import { readKbFiles } from "./kb-files";

export const MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../migrations");

/** A start-up failure an operator can act on: printed as one line, the process exits non-zero. */
export class StartupError extends Error {}

const isFile = (url: string) => url.startsWith("file:");
const codeOf = (err: unknown): string => {
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  return String(e?.code ?? e?.cause?.code ?? (err as Error)?.message ?? err);
};
/** The URL without credentials or query, for messages. */
export const safeUrl = (url: string) => url.replace(/\/\/[^@/]*@/, "//").replace(/\?.*$/, "");
/**
 * A message with every URL's credentials and token parameters taken out: libsql's own errors repeat the whole URL
 * ("… from a URL that includes credentials: https://u:PW@host/v2/pipeline"; review 36a).
 */
export const withoutSecrets = (text: string) =>
  text.replace(/\/\/[^@/\s]*@/g, "//").replace(/([?&](?:authToken|auth_token|token)=)[^&\s]*/gi, "$1…");

/**
 * Opens the store, checks it and applies pending migrations. A local file is checked with
 * `PRAGMA quick_check` (a damaged file would otherwise crash the process on the first bad row) and
 * switched to WAL, so a second process (an import, another server) can read while one writes.
 * `readOnly` is true when the file cannot be written: the caller serves what it holds.
 */
export async function openStore(url: string, authToken?: string): Promise<Store> {
  return (await openCheckedStore(url, authToken)).store;
}

export async function openCheckedStore(url: string, authToken?: string): Promise<{ store: Store; readOnly: boolean }> {
  try {
    return await openChecked(url, authToken);
  } catch (err) {
    if (!isFile(url) || !(err instanceof StartupError) || !/READONLY|CANTOPEN/.test(err.message)) throw err;
  }
  // A WAL database in a directory we cannot write cannot even be read in place (SQLite needs its
  // -shm file there). Serve a private copy of what the file holds: the data stays read-only.
  const file = resolve(url.slice("file:".length));
  const copyDir = await mkdtemp(join(tmpdir(), "known-bugs-readonly-"));
  try {
    await copyFile(file, join(copyDir, "kb.db"));
    await copyFile(`${file}-wal`, join(copyDir, "kb.db-wal")).catch(() => {});
  } catch (err) {
    throw new StartupError(`cannot read the database file ${file}: ${codeOf(err)}`);
  }
  const { store } = await openChecked(`file:${join(copyDir, "kb.db")}`);
  return { store, readOnly: true };
}

async function openChecked(url: string, authToken?: string): Promise<{ store: Store; readOnly: boolean }> {
  if (isFile(url)) {
    try {
      await mkdir(dirname(resolve(url.slice("file:".length))), { recursive: true });
    } catch (err) {
      throw new StartupError(`cannot create the directory of ${url}: ${codeOf(err)}`);
    }
  }
  let store: Store;
  try {
    store = createDb({ kind: "libsql", url, authToken });
  } catch (err) {
    throw new StartupError(`cannot open the database ${safeUrl(url)}: ${codeOf(err)}`);
  }
  let readOnly = false;
  try {
    if (isFile(url)) {
      const check = await store.raw("PRAGMA quick_check");
      const verdict = check.map((r) => String(Object.values(r)[0])).join("; ");
      if (verdict !== "ok") {
        throw new StartupError(
          `the database file ${url.slice("file:".length)} is damaged (quick_check: ${verdict.slice(0, 200)}); move it away and restart to rebuild it from data/`,
        );
      }
      try {
        await store.raw("PRAGMA journal_mode = WAL");
      } catch (err) {
        if (!/READONLY|CANTOPEN/.test(codeOf(err))) throw err;
        readOnly = true;
      }
    } else {
      await store.raw("SELECT 1");
    }
  } catch (err) {
    store.close();
    if (err instanceof StartupError) throw err;
    const code = codeOf(err);
    if (/NOTADB|CORRUPT/.test(code)) {
      throw new StartupError(
        `the database file ${url.slice("file:".length)} is damaged (${code}); move it away and restart to rebuild it from data/`,
      );
    }
    throw new StartupError(`cannot reach the database ${safeUrl(url)}: ${code}`);
  }
  try {
    await store.migrate(MIGRATIONS_DIR);
  } catch (err) {
    const code = codeOf(err);
    if (!/READONLY/.test(code) && !readOnly) {
      store.close();
      throw new StartupError(`cannot migrate the database ${safeUrl(url)}: ${code.slice(0, 200)}`);
    }
    readOnly = true;
  }
  return { store, readOnly };
}

export type ImportOutcome = { ok: true; version: string; records: number; changed: boolean } | { ok: false; problems: RecordProblem[] };

/** Validates data/ as a whole, then imports it all or nothing. A bad record leaves the old KB served. */
export async function importFromDir(store: Store, kbDir: string, opts: { force?: boolean } = {}): Promise<ImportOutcome> {
  const built = await buildKnowledgeBase(await readKbFiles(kbDir));
  if (!built.ok) return built;
  const { changed } = await importKnowledgeBase(store, built.kb, new Date(), opts);
  return { ok: true, version: built.kb.version, records: built.kb.records.length, changed };
}

export const formatProblems = (problems: RecordProblem[]) =>
  problems.map((p) => `  ${p.file}${p.line ? `:${p.line}` : ""}: ${p.path || "(file)"}: ${p.message}`).join("\n");

export { codeOf };
