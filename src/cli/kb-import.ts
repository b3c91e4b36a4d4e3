import { loadStoreConfig } from "../node/config";
import { codeOf, formatProblems, importFromDir, openStore, StartupError } from "../node/prepare-store";
import { failStartup } from "../node/startup-failure";

async function importKb(): Promise<number> {
  const config = loadStoreConfig();
  const store = await openStore(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN);
  try {
    // The curator's import refuses what kb:check refuses (review 62c F1).
    const outcome = await importFromDir(store, config.KB_DIR, { review: true }).catch((err: unknown) => {
      // The records' folder failing (ENOENT, EACCES: a system call named) is said so; the store's own errors stay its own.
      if ((err as NodeJS.ErrnoException).syscall) throw new StartupError(`cannot read the records in ${config.KB_DIR}/: ${codeOf(err)}`);
      throw err;
    });
    if (!outcome.ok) {
      console.error(`nothing imported; the previous knowledge base stays in place:\n${formatProblems(outcome.problems)}`);
      return 1;
    }
    console.log(
      `${outcome.changed ? "imported" : "unchanged"}: ${outcome.version}, ${outcome.records} records into ${config.DATABASE_URL}`,
    );
    return 0;
  } finally {
    store.close();
  }
}

process.exitCode = await importKb().catch(failStartup);
