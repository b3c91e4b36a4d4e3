import { eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { BugRecord } from "../kb/record-schema";
import { hasUnverifiedFacts } from "../kb/unverified";
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
  insert(
    bugs,
    rs.map((r) => ({
      id: r.id,
      title: r.title,
      summary: r.summary,
      components: r.components,
      reboot: r.reboot,
      hasUnverified: hasUnverifiedFacts(r),
      doc: JSON.stringify(r),
    })),
  );
  insert(
    bugAliases,
    rs.flatMap((r) => r.aliases.map((a) => ({ bugId: r.id, value: a.value, kind: a.kind, verified: a.verified }))),
  );
  insert(
    bugCommits,
    rs.flatMap((r) =>
      r.commits.map((c) => ({ bugId: r.id, commitId: c.id, role: c.role, repo: c.repo, title: c.title, verified: c.verified })),
    ),
  );
  insert(
    bugRanges,
    rs.flatMap((r) =>
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
  );
  insert(
    bugSignatures,
    rs.flatMap((r) => r.signatures.map((s) => ({ bugId: r.id, signatureId: s.id, kind: s.kind, pattern: s.pattern, weight: s.weight }))),
  );
  insert(
    bugReferences,
    rs.flatMap((r) => r.references.map((f, seq) => ({ bugId: r.id, seq, url: f.url, title: f.title, kind: f.kind, primary: f.primary }))),
  );
  insert(
    bugExamples,
    rs.flatMap((r) => r.examples.map((e, seq) => ({ bugId: r.id, seq, title: e.title, source: e.source, expect: e.expect }))),
  );
  for (const r of rs) {
    queries.push(
      db.run(sql`INSERT INTO bugs_fts (bug_id, title, summary, aliases, signatures, commits, components) VALUES (
        ${r.id}, ${r.title}, ${r.summary},
        ${r.aliases.map((a) => a.value).join(" ")},
        ${r.signatures.map((s) => s.pattern).join("\n")},
        ${r.commits.map((c) => `${c.id} ${c.id.slice(0, 12)} ${c.title}`).join("\n")},
        ${r.components.join(" ")})`),
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
