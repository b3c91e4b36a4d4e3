import { and, asc, eq, inArray, like, sql } from "drizzle-orm";
import type { BugRecord } from "../kb/record-schema";
import type { Store } from "./create-db";
import { bugRanges, bugs, kbMeta } from "./schema";

export interface KbMeta {
  version: string;
  recordCount: number;
  importedAt: string;
}

export async function getKbMeta(store: Store): Promise<KbMeta | null> {
  const [row] = await store.db
    .select({ version: kbMeta.version, recordCount: kbMeta.recordCount, importedAt: kbMeta.importedAt })
    .from(kbMeta)
    .where(eq(kbMeta.id, 1));
  return row ?? null;
}

/** Every record, as validated at import time, for compiling the engine's knowledge base. */
export async function loadRecords(store: Store): Promise<BugRecord[]> {
  const rows = await store.db.select({ doc: bugs.doc }).from(bugs).orderBy(asc(bugs.id));
  return rows.map((r) => JSON.parse(r.doc) as BugRecord);
}

export async function getBug(store: Store, id: string): Promise<BugRecord | null> {
  const [row] = await store.db.select({ doc: bugs.doc }).from(bugs).where(eq(bugs.id, id));
  return row ? (JSON.parse(row.doc) as BugRecord) : null;
}

export interface BugFilters {
  q?: string | undefined;
  component?: string | undefined;
  ecosystem?: string | undefined;
  unverified?: boolean | undefined;
  /** Match records holding any of the words instead of all (a pasted error line rarely matches whole). */
  anyTerm?: boolean | undefined;
  limit: number;
  offset: number;
}

export interface BugSummary {
  id: string;
  title: string;
  summary: string;
  components: string[];
  reboot: string;
  hasUnverified: boolean;
}

/**
 * Turns what a person typed into a safe FTS5 query: every term becomes a quoted prefix phrase, so
 * "--xor-mark", "862c95d9859f" or "CVE-2024-50038" search as text, never as FTS operators.
 */
export function ftsQuery(q: string, anyTerm = false): string | null {
  const terms = q
    .split(/\s+/)
    .map((t) => t.replaceAll('"', ""))
    .filter((t) => /[\p{L}\p{N}]/u.test(t));
  return terms.length ? terms.map((t) => `"${t}"*`).join(anyTerm ? " OR " : " ") : null;
}

export async function listBugs(store: Store, f: BugFilters): Promise<{ total: number; items: BugSummary[] }> {
  const conditions = [];
  let ranked: string[] | null = null;
  if (f.q !== undefined) {
    const match = ftsQuery(f.q, f.anyTerm);
    if (!match) return { total: 0, items: [] };
    const rows = await store.db.all<{ bug_id: string }>(
      sql`SELECT bug_id FROM bugs_fts WHERE bugs_fts MATCH ${match} ORDER BY bm25(bugs_fts)`,
    );
    ranked = rows.map((r) => r.bug_id);
    if (!ranked.length) return { total: 0, items: [] };
    conditions.push(inArray(bugs.id, ranked));
  }
  if (f.component) conditions.push(like(bugs.components, `%${f.component.replaceAll(/[%_]/g, "")}%`));
  if (f.ecosystem) {
    conditions.push(
      inArray(bugs.id, store.db.selectDistinct({ id: bugRanges.bugId }).from(bugRanges).where(eq(bugRanges.ecosystem, f.ecosystem))),
    );
  }
  if (f.unverified !== undefined) conditions.push(eq(bugs.hasUnverified, f.unverified));
  const where = conditions.length ? and(...conditions) : undefined;
  const columns = {
    id: bugs.id,
    title: bugs.title,
    summary: bugs.summary,
    components: bugs.components,
    reboot: bugs.reboot,
    hasUnverified: bugs.hasUnverified,
  };
  if (ranked) {
    // Best match first (bm25); a knowledge base is small enough to page in memory.
    const position = new Map(ranked.map((id, i) => [id, i]));
    const all = await store.db.select(columns).from(bugs).where(where);
    all.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
    return { total: all.length, items: all.slice(f.offset, f.offset + f.limit) };
  }
  const [count] = await store.db.select({ n: sql<number>`count(*)` }).from(bugs).where(where);
  const items = await store.db.select(columns).from(bugs).where(where).orderBy(asc(bugs.id)).limit(f.limit).offset(f.offset);
  return { total: Number(count?.n ?? 0), items };
}

/** Several records by id (in no particular order), e.g. the hits of one search page. */
export async function getBugs(store: Store, ids: string[]): Promise<BugRecord[]> {
  if (!ids.length) return [];
  const rows = await store.db.select({ doc: bugs.doc }).from(bugs).where(inArray(bugs.id, ids));
  return rows.map((r) => JSON.parse(r.doc) as BugRecord);
}
