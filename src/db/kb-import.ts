import { eq, getTableName, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { BugRecord } from "../kb/record-schema";
import { bugSummaryOf } from "../kb/unverified";
import type { Db, Store } from "./create-db";
import { bugAliases, bugCommits, bugDocParts, bugExamples, bugRanges, bugReferences, bugSignatures, bugs, kbMeta } from "./schema";
import { D1_MAX_STATEMENT_BYTES, literalBytes, splitText } from "./sql-literal";

/** D1 allows at most 100 bound parameters per statement; stay under it for every driver. */
const MAX_PARAMS = 100;
/** What several rows of one INSERT may weigh together, as inlined SQL. */
const MAX_STATEMENT_BYTES = 50_000;
/**
 * What one row may weigh as inlined SQL: D1's limit less room for the statement's own text (an INSERT's table and
 * column names, the FTS insert's). A row over it cannot be imported into D1 at all (rowsOverStatementLimit).
 */
const MAX_ROW_BYTES = D1_MAX_STATEMENT_BYTES - 2_000;
/** What one part of a record's document weighs: one part per statement, whatever the record's size. */
const DOC_PART_BYTES = 40_000;

export interface KbSnapshot {
  version: string;
  records: readonly BugRecord[];
}

export async function currentKbVersion(store: Store): Promise<string | null> {
  const [row] = await store.db.select({ version: kbMeta.version }).from(kbMeta).where(eq(kbMeta.id, 1));
  return row?.version ?? null;
}

/**
 * Replaces the whole knowledge base in one atomic batch, or does nothing when the same version is
 * already loaded. Callers validate first (buildKnowledgeBase), so a bad record never gets here.
 */
export async function importKnowledgeBase(
  store: Store,
  kb: KbSnapshot,
  now = new Date(),
  { force = false }: { force?: boolean } = {},
): Promise<{ changed: boolean }> {
  // `force`: the stored version's records are damaged (kb-verify.ts), so the same version is written again.
  if (!force && (await currentKbVersion(store)) === kb.version) return { changed: false };
  await store.batch(importQueries(store.db, kb, now));
  return { changed: true };
}

/**
 * What the import writes beside each record's document, derived from the records alone: the columns and tables search and
 * the read API answer from. One definition, so the start-up check (kb-verify.ts) can tell a derived value that no longer
 * is its document's (review 42a F4: a changed letter in `bugs.summary` was served by search while the record was right).
 */
export function derivedRows(rs: readonly BugRecord[]) {
  return {
    bugs: rs.map(bugSummaryOf),
    bugAliases: rs.flatMap((r) => r.aliases.map((a) => ({ bugId: r.id, value: a.value, kind: a.kind, verified: a.verified }))),
    bugCommits: rs.flatMap((r) =>
      r.commits.map((c) => ({ bugId: r.id, commitId: c.id, role: c.role, repo: c.repo, title: c.title, verified: c.verified })),
    ),
    bugRanges: rs.flatMap((r) =>
      r.affected
        .flatMap((a) => a.ranges.map((g) => ({ ecosystem: a.ecosystem, package: a.package, g })))
        .map(({ ecosystem, package: pkg, g }, seq) => ({
          bugId: r.id,
          seq,
          ecosystem,
          package: pkg,
          introduced: g.introduced,
          fixed: g.fixed ?? null,
          lastAffected: g.lastAffected ?? null,
          evidence: g.evidence,
          introducedEvidence: g.introducedEvidence,
          fixedEvidence: g.fixedEvidence,
        })),
    ),
    bugSignatures: rs.flatMap((r) =>
      r.signatures.map((s) => ({ bugId: r.id, signatureId: s.id, kind: s.kind, pattern: s.pattern, weight: s.weight })),
    ),
    bugReferences: rs.flatMap((r) =>
      r.references.map((f, seq) => ({ bugId: r.id, seq, url: f.url, title: f.title, kind: f.kind, primary: f.primary })),
    ),
    bugExamples: rs.flatMap((r) => r.examples.map((e, seq) => ({ bugId: r.id, seq, title: e.title, source: e.source, expect: e.expect }))),
    fts: rs.map((r) => ({
      bug_id: r.id,
      title: r.title,
      summary: r.summary,
      aliases: r.aliases.map((a) => a.value).join(" "),
      signatures: r.signatures.map((s) => s.pattern).join("\n"),
      commits: r.commits.map((c) => `${c.id} ${c.id.slice(0, 12)} ${c.title}`).join("\n"),
      components: r.components.join(" "),
    })),
  };
}

/** A record's document as the rows of bug_doc_parts: joined in `seq` order, `JSON.stringify(record)`. */
const docParts = (r: BugRecord) => splitText(JSON.stringify(r), DOC_PART_BYTES).map((text, seq) => ({ bugId: r.id, seq, text }));

/** What a row weighs as inlined SQL: its values' literals and the separators between them. */
const rowSqlBytes = (row: Record<string, unknown>) => Object.values(row).reduce<number>((n, v) => n + literalBytes(v) + 2, 2);

/**
 * The rows of a record that one D1 statement cannot hold, with what to shorten: the document is split into parts of
 * any number, but every other row (a signature, an example's title, the search index's row) is written whole. The
 * bound `npm run kb:check` tells a curator, and the import's refusal before it writes anything.
 */
export function rowsOverStatementLimit(rs: readonly BugRecord[]): Array<{ id: string; message: string }> {
  const out: Array<{ id: string; message: string }> = [];
  for (const r of rs) {
    const derived = derivedRows([r]);
    const tables: Array<[string, Array<Record<string, unknown>>]> = [
      ...(Object.keys(DERIVED_TABLES) as Array<keyof typeof DERIVED_TABLES>).map((key): [string, Array<Record<string, unknown>>] => [
        getTableName(DERIVED_TABLES[key]),
        derived[key],
      ]),
      ["bugs_fts", derived.fts],
    ];
    for (const [table, rows] of tables)
      for (const row of rows) {
        const bytes = rowSqlBytes(row);
        if (bytes <= MAX_ROW_BYTES) continue;
        const [column, largest] = Object.entries(row)
          .map(([k, v]): [string, number] => [k, literalBytes(v)])
          .reduce((a, b) => (b[1] > a[1] ? b : a));
        out.push({
          id: r.id,
          message: `its ${table} row is ${bytes} bytes as SQL (${column}: ${largest}); one D1 statement holds at most ${D1_MAX_STATEMENT_BYTES}, a row ${MAX_ROW_BYTES}: shorten what makes ${column}`,
        });
      }
  }
  return out;
}

/** The tables derivedRows fills, by its keys. */
export const DERIVED_TABLES = { bugs, bugAliases, bugCommits, bugRanges, bugSignatures, bugReferences, bugExamples } as const;

export function importQueries(db: Db, kb: KbSnapshot, now: Date): BatchItem<"sqlite">[] {
  const rs = kb.records;
  const queries: BatchItem<"sqlite">[] = [
    db.run(sql`DELETE FROM bugs_fts`),
    ...[bugDocParts, bugAliases, bugCommits, bugRanges, bugSignatures, bugReferences, bugExamples, bugs].map((t) => db.delete(t)),
  ];
  const insert = <T extends Record<string, unknown>>(table: Parameters<Db["insert"]>[0], rows: T[]) => {
    let chunk: T[] = [];
    let params = 0;
    let bytes = 0;
    const flush = () => {
      if (chunk.length) queries.push(db.insert(table).values(chunk as never));
      chunk = [];
      params = 0;
      bytes = 0;
    };
    for (const row of rows) {
      const rowParams = Object.keys(row).length;
      const rowBytes = rowSqlBytes(row);
      if (params + rowParams > MAX_PARAMS || bytes + rowBytes > MAX_STATEMENT_BYTES) flush();
      chunk.push(row);
      params += rowParams;
      bytes += rowBytes;
    }
    flush();
  };
  const over = rowsOverStatementLimit(rs);
  if (over.length) throw new Error(over.map((o) => `${o.id}: ${o.message}`).join("\n"));
  const derived = derivedRows(rs);
  for (const key of Object.keys(DERIVED_TABLES) as Array<keyof typeof DERIVED_TABLES>)
    insert<Record<string, unknown>>(DERIVED_TABLES[key], derived[key]);
  insert(bugDocParts, rs.flatMap(docParts));
  for (const f of derived.fts) {
    queries.push(
      db.run(sql`INSERT INTO bugs_fts (bug_id, title, summary, aliases, signatures, commits, components) VALUES (
        ${f.bug_id}, ${f.title}, ${f.summary}, ${f.aliases}, ${f.signatures}, ${f.commits}, ${f.components})`),
    );
  }
  queries.push(
    db
      .insert(kbMeta)
      .values({ id: 1, version: kb.version, recordCount: rs.length, importedAt: now.toISOString() })
      .onConflictDoUpdate({ target: kbMeta.id, set: { version: kb.version, recordCount: rs.length, importedAt: now.toISOString() } }),
  );
  return queries;
}
