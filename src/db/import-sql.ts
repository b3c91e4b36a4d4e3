import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "./create-db";
import { importQueries, type KbSnapshot } from "./kb-import";
import { literal } from "./sql-literal";

export interface SqlStatement {
  sql: string;
  params: unknown[];
}

/** The import as plain statements: for D1 batches in the Workers tests and for `wrangler d1 execute`. */
export function importStatements(db: Db, kb: KbSnapshot, now: Date): SqlStatement[] {
  return importQueries(db, kb, now).map(toStatement);
}

function toStatement(q: BatchItem<"sqlite">): SqlStatement {
  const query = q as unknown as { toSQL?: () => SqlStatement; getQuery?: () => SqlStatement };
  const s = query.toSQL?.() ?? query.getQuery?.();
  if (!s) throw new Error("drizzle query without SQL");
  return { sql: s.sql, params: s.params };
}

/** One SQL script with the parameters inlined, for `wrangler d1 execute --file`. */
export function importScript(statements: SqlStatement[]): string {
  return `${statements.map(inline).join(";\n")};\n`;
}

function inline({ sql, params }: SqlStatement): string {
  let i = 0;
  // Drizzle emits `?` placeholders only outside quoted identifiers and never inside literals.
  return sql.replace(/\?/g, () => literal(params[i++]));
}
