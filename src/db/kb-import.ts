import { eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { BugRecord } from "../kb/record-schema";
import { bugSummaryOf } from "../kb/unverified";
import type { Db, Store } from "./create-db";
import { bugAliases, bugCommits, bugExamples, bugRanges, bugReferences, bugSignatures, bugs, kbMeta } from "./schema";

/** D1 allows at most 100 bound parameters per statement; stay under it for every driver. */
const MAX_PARAMS = 100;
/** D1 rejects statements over 100 KB (SQLITE_TOOBIG); a record's JSON can be tens of KB. */
const MAX_STATEMENT_BYTES = 50_000;

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

/** The tables derivedRows fills, by its keys. */
export const DERIVED_TABLES = { bugs, bugAliases, bugCommits, bugRanges, bugSignatures, bugReferences, bugExamples } as const;

export function importQueries(db: Db, kb: KbSnapshot, now: Date): BatchItem<"sqlite">[] {
  const rs = kb.records;
  const queries: BatchItem<"sqlite">[] = [
    db.run(sql`DELETE FROM bugs_fts`),
    ...[bugAliases, bugCommits, bugRanges, bugSignatures, bugReferences, bugExamples, bugs].map((t) => db.delete(t)),
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
      const rowBytes = JSON.stringify(row).length;
      if (params + rowParams > MAX_PARAMS || bytes + rowBytes > MAX_STATEMENT_BYTES) flush();
      chunk.push(row);
      params += rowParams;
      bytes += rowBytes;
    }
    flush();
  };
  const derived = derivedRows(rs);
  const docs = new Map(rs.map((r) => [r.id, JSON.stringify(r)]));
  insert(
    bugs,
    derived.bugs.map((row) => ({ ...row, doc: docs.get(row.id) as string })),
  );
  for (const key of ["bugAliases", "bugCommits", "bugRanges", "bugSignatures", "bugReferences", "bugExamples"] as const)
    insert<Record<string, unknown>>(DERIVED_TABLES[key], derived[key]);
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
