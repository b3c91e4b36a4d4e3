import { createDb } from "../db/create-db";
import { importScript, importStatements, type SqlStatement } from "../db/import-sql";
import { formatProblems } from "./prepare-store";
import { buildStorableKb } from "./storable-kb";

/** Validates data/ and renders the all-or-nothing import as SQL statements (D1 has no libSQL client). */
export async function kbStatements(kbDir: string): Promise<{ version: string; records: number; statements: SqlStatement[] }> {
  const built = await buildStorableKb(kbDir);
  if (!built.ok) throw new Error(`knowledge base in ${kbDir}/ is invalid; nothing to import:\n${formatProblems(built.problems)}`);
  // Only the query builders are needed, never a connection.
  const builder = createDb({ kind: "libsql", url: ":memory:" });
  const statements = importStatements(builder.db, built.kb, new Date());
  builder.close();
  return { version: built.kb.version, records: built.kb.records.length, statements };
}

export async function kbSqlScript(kbDir: string): Promise<{ version: string; records: number; script: string }> {
  const { version, records, statements } = await kbStatements(kbDir);
  return { version, records, script: importScript(statements) };
}
