import { accessSync, constants, rmSync } from "node:fs";
import { copyFile, mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createDb, type Store } from "../db/create-db";
import { importKnowledgeBase } from "../db/kb-import";
import type { RecordProblem } from "../kb/parse-record";
import { reviewKnowledgeBase } from "../kb/review-kb";
import { buildStorableKb } from "./storable-kb";

export const MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../migrations");

/** A start-up failure an operator can act on: printed as one line, the process exits non-zero. */
export class StartupError extends Error {}

const isFile = (url: string) => url.startsWith("file:");

/**
 * How long a start waits for a remote database's first answer: a host that accepts the connection and never answers held
 * the start silent for the HTTP client's five minutes (review 61h F4), past any supervisor's patience.
 */
const REMOTE_ANSWER_MS = 15_000;

/** `work`, or an error naming the wait when it has not settled within `ms`. */
function answeredWithin<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
/**
 * An error's code, else its message. An empty code is none: libsql's "Unable to open connection to local database …: 14"
 * (a directory, an unreadable file) carries code "" and was printed as nothing at all (review 58e F4).
 */
const codeOf = (err: unknown): string => {
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  return String(e?.code || e?.cause?.code || (err as Error)?.message || err);
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
  // The copy lives as long as the process, whatever ends it (an error, SIGTERM's and SIGINT's stop both exit): review 42a
  // F5 found one 4 MB copy left in /tmp per start, which a service restarted in a loop would pile up.
  const removeCopy = () => rmSync(copyDir, { recursive: true, force: true });
  process.once("exit", removeCopy);
  const copy = join(copyDir, "kb.db");
  try {
    await copyFile(file, copy);
    await copyFile(`${file}-wal`, `${copy}-wal`).catch(() => {});
    const { store } = await openChecked(`file:${copy}`);
    return { store, readOnly: true };
  } catch (err) {
    removeCopy();
    process.removeListener("exit", removeCopy);
    // What is damaged is the operator's file, not the copy; and it cannot be rebuilt where it is (review 42a F6).
    if (err instanceof StartupError) throw new StartupError(err.message.replaceAll(copy, file).replace(REBUILD, READ_ONLY_REBUILD));
    throw new StartupError(`cannot read the database file ${file}: ${codeOf(err)}`);
  }
}

const REBUILD = "move it away and restart to rebuild it from data/";
const READ_ONLY_REBUILD =
  "its directory is read-only: replace the file, or make the directory writable and restart to rebuild it from data/";

/** A damaged file's one line, with what rebuilds it where it is (review 42a F6: a read-only directory cannot). */
function damagedFile(file: string, what: string): StartupError {
  let writable = true;
  try {
    accessSync(dirname(resolve(file)), constants.W_OK);
  } catch {
    writable = false;
  }
  return new StartupError(`the database file ${file} is damaged (${what}); ${writable ? REBUILD : READ_ONLY_REBUILD}`);
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
      if (verdict !== "ok") throw damagedFile(url.slice("file:".length), `quick_check: ${verdict.slice(0, 200)}`);
      try {
        await store.raw("PRAGMA journal_mode = WAL");
      } catch (err) {
        if (!/READONLY|CANTOPEN/.test(codeOf(err))) throw err;
        readOnly = true;
      }
    } else {
      await answeredWithin(store.raw("SELECT 1"), REMOTE_ANSWER_MS);
    }
  } catch (err) {
    store.close();
    if (err instanceof StartupError) throw err;
    const code = codeOf(err);
    if (/NOTADB|CORRUPT/.test(code)) throw damagedFile(url.slice("file:".length), code);
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

/**
 * Validates data/ as a whole, then imports it all or nothing. A bad record leaves the old KB served. `review`: also
 * kb:check's checks of the examples, signatures and readers (reviewKnowledgeBase), as the curator's kb:import does; a
 * server's start leaves them to kb:check (2-3 s of CPU per changed knowledge base).
 */
export async function importFromDir(store: Store, kbDir: string, opts: { force?: boolean; review?: boolean } = {}): Promise<ImportOutcome> {
  const built = await buildStorableKb(kbDir);
  if (!built.ok) return built;
  if (opts.review) {
    const { problems } = reviewKnowledgeBase(built.kb, built.fileOf);
    if (problems.length) return { ok: false, problems };
  }
  const { changed } = await importKnowledgeBase(store, built.kb, new Date(), opts);
  return { ok: true, version: built.kb.version, records: built.kb.records.length, changed };
}

export const formatProblems = (problems: RecordProblem[]) =>
  problems.map((p) => `  ${p.file}${p.line ? `:${p.line}` : ""}: ${p.path || "(file)"}: ${p.message}`).join("\n");

export { codeOf };
