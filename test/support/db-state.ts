// Prints the state of a database file as JSON (run as a separate process after a kill -9).
import { createClient } from "@libsql/client";

const client = createClient({ url: `file:${process.argv[2]}` });
const one = async (sql: string) => Object.values((await client.execute(sql)).rows[0] ?? {})[0];
const state = {
  quickCheck: String(await one("PRAGMA quick_check")),
  version: String(await one("SELECT version FROM kb_meta WHERE id = 1")),
  recordCount: Number(await one("SELECT record_count FROM kb_meta WHERE id = 1")),
  bugs: Number(await one("SELECT count(*) FROM bugs")),
  // Records whose document is stored (in parts): a half-written import would leave some without.
  docs: Number(await one("SELECT count(DISTINCT bug_id) FROM bug_doc_parts")),
  fts: Number(await one("SELECT count(*) FROM bugs_fts")),
};
client.close();
console.log(JSON.stringify(state));
