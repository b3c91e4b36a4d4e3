import { loadConfig } from "../node/config";
import { formatProblems, importFromDir, openStore } from "../node/prepare-store";

const config = loadConfig();
const store = await openStore(config.DATABASE_URL, config.DATABASE_AUTH_TOKEN);
const outcome = await importFromDir(store, config.KB_DIR);
store.close();
if (!outcome.ok) {
  console.error(`nothing imported; the previous knowledge base stays in place:\n${formatProblems(outcome.problems)}`);
  process.exit(1);
}
console.log(`${outcome.changed ? "imported" : "unchanged"}: ${outcome.version}, ${outcome.records} records into ${config.DATABASE_URL}`);
