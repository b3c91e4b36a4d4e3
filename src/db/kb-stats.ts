import { count, sql } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Store } from "./create-db";
import { bugAliases, bugCommits, bugExamples, bugRanges, bugReferences, bugSignatures } from "./schema";

/** What the knowledge base covers, counted from the per-fact tables the import writes. */
export interface KbCoverage {
  /** Per ecosystem: how many records have a range there, and how many ranges. */
  ecosystems: Array<{ ecosystem: string; records: number; ranges: number }>;
  aliases: Record<string, number>;
  commits: Record<string, number>;
  signatures: Record<string, number>;
  references: Record<string, number>;
  examples: Record<string, number>;
}

async function countBy(store: Store, table: SQLiteTable, column: SQLiteColumn): Promise<Record<string, number>> {
  const rows = await store.db.select({ key: column, n: count() }).from(table).groupBy(column).orderBy(column);
  return Object.fromEntries(rows.map((r) => [String(r.key), Number(r.n)]));
}

export async function kbCoverage(store: Store): Promise<KbCoverage> {
  const [ecosystems, aliases, commits, signatures, references, examples] = await Promise.all([
    store.db
      .select({
        ecosystem: bugRanges.ecosystem,
        records: sql<number>`count(distinct ${bugRanges.bugId})`,
        ranges: count(),
      })
      .from(bugRanges)
      .groupBy(bugRanges.ecosystem)
      .orderBy(bugRanges.ecosystem),
    countBy(store, bugAliases, bugAliases.kind),
    countBy(store, bugCommits, bugCommits.role),
    countBy(store, bugSignatures, bugSignatures.kind),
    countBy(store, bugReferences, bugReferences.kind),
    countBy(store, bugExamples, bugExamples.expect),
  ]);
  return {
    ecosystems: ecosystems.map((e) => ({ ecosystem: e.ecosystem, records: Number(e.records), ranges: Number(e.ranges) })),
    aliases,
    commits,
    signatures,
    references,
    examples,
  };
}
