import { and, asc, eq, inArray, like, or, type SQL, sql } from "drizzle-orm";
import { type IdMatch, idMatches, isNamedId } from "../kb/id-matches";
import { referenceKey } from "../kb/query-urls";
import { namedRecordIds } from "../kb/record-id";
import type { BugRecord } from "../kb/record-schema";
import type { Store } from "./create-db";
import { asSetupFault } from "./kb-setup";
import { bugsContaining, ecosystemsJudging, type VersionMatch } from "./range-queries";
import { bugAliases, bugCommits, bugDocParts, bugRanges, bugReferences, bugs, kbMeta } from "./schema";

export interface KbMeta {
  version: string;
  recordCount: number;
  importedAt: string;
}

/**
 * Every request that serves the knowledge base reads this first, so a database that was never migrated is
 * found here: SchemaMissingError (a 503 saying what to run), not an anonymous 500.
 */
export async function getKbMeta(store: Store): Promise<KbMeta | null> {
  try {
    const [row] = await store.db
      .select({ version: kbMeta.version, recordCount: kbMeta.recordCount, importedAt: kbMeta.importedAt })
      .from(kbMeta)
      .where(eq(kbMeta.id, 1));
    return row ?? null;
  } catch (err) {
    throw asSetupFault(store.kind, err);
  }
}

/**
 * A stored record. Records are validated before they are stored, so one that no longer parses was damaged in the
 * database: said as SQLite says damage (SQLITE_CORRUPT), so the answer and /health say the store is damaged rather than
 * a 500 of ours (review 33e).
 */
function storedRecord(doc: string): BugRecord {
  try {
    return JSON.parse(doc) as BugRecord;
  } catch {
    throw Object.assign(new Error("a stored record does not parse"), { code: "SQLITE_CORRUPT" });
  }
}

/**
 * The records `where` selects, in id order, each from its document's parts joined in order (one statement, so an import
 * committing meanwhile cannot mix two versions' parts). A record without parts has an empty document: damage, as above.
 */
async function storedRecords(store: Store, where?: SQL): Promise<BugRecord[]> {
  const rows = await store.db
    .select({ id: bugs.id, text: bugDocParts.text })
    .from(bugs)
    .leftJoin(bugDocParts, eq(bugDocParts.bugId, bugs.id))
    .where(where)
    .orderBy(asc(bugs.id), asc(bugDocParts.seq));
  const docs = new Map<string, string[]>();
  for (const { id, text } of rows) {
    const parts = docs.get(id) ?? [];
    parts.push(text ?? "");
    docs.set(id, parts);
  }
  return [...docs.values()].map((parts) => storedRecord(parts.join("")));
}

/** Every record, as validated at import time, for compiling the engine's knowledge base. */
export const loadRecords = (store: Store): Promise<BugRecord[]> => storedRecords(store);

/**
 * The version with its records. An import by another process may commit between two reads, so the
 * version is read again after the records, and the pair is kept only when it did not change.
 */
export async function loadVersionedRecords(store: Store): Promise<{ version: string; records: BugRecord[] } | null> {
  for (let attempt = 0; ; attempt++) {
    const before = await getKbMeta(store);
    if (!before) return null;
    const records = await loadRecords(store);
    const after = await getKbMeta(store);
    if (after?.version === before.version || attempt >= 4) return { version: before.version, records };
  }
}

export async function getBug(store: Store, id: string): Promise<BugRecord | null> {
  const [record] = await storedRecords(store, eq(bugs.id, id));
  return record ?? null;
}

export interface BugFilters {
  q?: string | undefined;
  component?: string | undefined;
  ecosystem?: string | undefined;
  unverified?: boolean | undefined;
  /** Match records holding any of the words instead of all (a pasted error line rarely matches whole). */
  anyTerm?: boolean | undefined;
  /** An alias exactly (CVE, distro bug, issue...), ignoring case. */
  alias?: string | undefined;
  /** A commit id or its prefix: the record's own commits and commit ids others cited. */
  commit?: string | undefined;
  /** A source URL exactly, as the record's references cite it. */
  reference?: string | undefined;
  /** With `ecosystem`: only records whose ranges there contain this version (the engine's comparison). */
  version?: string | undefined;
  /** With `version`: only this package's ranges judge it (a kernel's version is also "in" runc's open range). */
  package?: string | undefined;
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
  /** With a version filter: how the record's ranges contain it, at which evidence level. */
  versionMatch?: VersionMatch;
  /**
   * The record's aliases and commits the search names (a commit id, a CVE), each with how far it is confirmed:
   * a field report's commit the sources contradict says "misreported" wherever the search is shown.
   */
  idMatches?: IdMatch[];
}

/**
 * What a person typed as a safe FTS5 query: every term a quoted prefix phrase, so "--xor-mark", "862c95d9859f" or
 * "CVE-2024-50038" search as text, never as FTS operators; all of them (or with `anyTerm`, any).
 */
function ftsMatch(terms: readonly string[], anyTerm: boolean): string {
  // A CVE, GHSA, issue or Launchpad id matches whole: "CVE-2024-5003" and "rancher/rke2#743" are other ids than
  // CVE-2024-50038 and rancher/rke2#7438, not their prefixes. Other words match as prefixes ("xor" finds "--xor-mark").
  const prefix = (t: string) => t.length > 1 && !isNamedId(t);
  return terms.map((t) => (prefix(t) ? `"${t}"*` : `"${t}"`)).join(anyTerm ? " OR " : " ");
}

/** The query's distinct words, quotes dropped; control characters (a NUL ends an FTS5 string early) separate them too. */
const queryWords = (q: string): string[] => [
  ...new Set(
    q
      .split(/[\s\p{Cc}]+/u)
      .map((t) => t.replaceAll('"', ""))
      .filter((t) => /[\p{L}\p{N}]/u.test(t)),
  ),
];

/**
 * The terms a search runs, and how many it had to choose from: all of them up to MAX_QUERY_TERMS. A pasted error line has
 * more, and its distinctive ones are kept: the message, not the timestamp, host, process id or glog header; of the
 * message's words, the rarest in the index (`rarity`: how many records hold each), a later one before an earlier one of
 * the same count. Review 68d F1: the first sixteen in line order were a Go error chain's generic wrappers ("failed to
 * create shim task: OCI runtime create failed: …"), its cause at the end was cut, and a record quoting another chain was
 * shown as holding every word.
 */
function searchTerms(q: string, anyTerm = false, rarity?: ReadonlyMap<string, number>): { kept: string[]; of: number; cut: boolean } {
  // The query runs on the event loop (libSQL's file driver is synchronous): each prefix term scans the
  // index, and a hundred one-letter prefixes took ~100 ms. Distinct terms only, a bounded number, and a
  // one-character term matched whole rather than as the prefix of every word.
  let distinct = queryWords(q);
  const of = distinct.length;
  if (distinct.length > MAX_QUERY_TERMS) {
    const telling = distinct.filter((t) => !isNoise(t));
    // A word no record holds only empties a search of every word (a temp file's name, an image reference): held last (review
    // 68j F2: ranked "rarest", it cut the record's own example line off its record).
    const held = (t: string) => {
      const n = rarity?.get(t);
      return n === undefined || n === 0 ? Number.POSITIVE_INFINITY : n;
    };
    const anyHeld = telling.some((t) => rarity?.get(t) !== 0);
    // Rarest first; of the same count, the later word (a chain's cause is its last clause). Named ids always.
    const ranked = rarity
      ? telling
          .map((t, i) => ({ t, i }))
          .sort((a, b) => Number(isNamedId(b.t)) - Number(isNamedId(a.t)) || held(a.t) - held(b.t) || b.i - a.i)
          .filter((x) => rarity.get(x.t) !== 0 || !anyHeld || isNamedId(x.t))
          .map((x) => x.t)
      : telling;
    distinct = [...ranked, ...distinct.filter(isNoise)];
  }
  // Records holding any word: "the", "was" or a timestamp would hold every record up; nor does a word no record holds.
  const telling = anyTerm ? distinct.filter((t) => !isNoise(t) && (rarity?.get(t) ?? 1) > 0) : [];
  if (telling.length) distinct = telling;
  const kept = distinct.slice(0, MAX_QUERY_TERMS);
  // Cut when words were dropped for the bound (a word dropped as noise, `anyTerm`'s "the" or a timestamp, is no cut).
  return { kept, of, cut: of > MAX_QUERY_TERMS };
}

/**
 * How many records hold each of the query's telling terms (the index's own document counts, one statement): read only
 * when there are more terms than a search takes. At most RARITY_TERMS are counted, the line's last (D1 binds at most 100
 * parameters per statement).
 */
async function termRarity(store: Store, q: string, anyTerm: boolean): Promise<Map<string, number> | undefined> {
  if (!searchTerms(q, anyTerm).cut) return undefined;
  const telling = queryWords(q)
    .filter((t) => !isNoise(t))
    .slice(-RARITY_TERMS);
  if (!telling.length) return undefined;
  // One statement, one parameter: D1 refuses a compound SELECT of many terms ("too many terms in compound SELECT").
  const rows = await store.db.all<{ i: number; n: number }>(
    sql`SELECT CAST(j.key AS INTEGER) AS i, (SELECT count(*) FROM bugs_fts WHERE bugs_fts MATCH j.value) AS n FROM json_each(${JSON.stringify(telling.map((t) => ftsMatch([t], false)))}) AS j`,
  );
  const out = new Map<string, number>();
  for (const r of rows) {
    const t = telling[Number(r.i)];
    if (t !== undefined) out.set(t, Number(r.n));
  }
  // A term past the counted ones ranks as the commonest.
  return out;
}

/** The terms of one query whose document counts are read: a 1,000-character line has fewer distinct words. */
const RARITY_TERMS = 64;

/** More words than any search needs (of an error line pasted whole, the distinctive ones are kept). */
const MAX_QUERY_TERMS = 16;

/** Short words every log line has. */
// And an address's parts, where one is typed without its scheme or split by a paste (review 68d F2).
const COMMON = new Set([
  "a",
  "an",
  "the",
  "to",
  "of",
  "in",
  "on",
  "at",
  "for",
  "and",
  "or",
  "is",
  "was",
  "with",
  "by",
  "from",
  "http",
  "https",
  "www",
  "com",
]);
const MONTHS = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)$/i;

/**
 * A word of a log line that says little about which bug it is: a timestamp, count or process id (more
 * digits than letters: "11:12:14.212635", "k8s-192-168-3-26", "v1.8.7"), a month, a glog header
 * ("E0217") or a common short word.
 */
function isNoise(term: string): boolean {
  const bare = term.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  // A CVE or an issue has more digits than letters, and is the one word that names the record.
  if (isNamedId(bare)) return false;
  if (COMMON.has(bare.toLowerCase()) || MONTHS.test(bare) || /^[IWEF]\d{4}$/.test(bare)) return true;
  const letters = bare.match(/\p{L}/gu)?.length ?? 0;
  const digits = bare.match(/\p{N}/gu)?.length ?? 0;
  return digits >= letters;
}

export async function listBugs(store: Store, f: BugFilters): Promise<{ total: number; items: BugSummary[]; searched?: SearchedWords }> {
  const page = await findBugs(store, f);
  if ((f.q ?? f.alias ?? f.commit) === undefined || !page.items.length) return page;
  const ids = page.items.map((b) => b.id);
  const records = new Map((await getBugs(store, ids)).map((r) => [r.id, r]));
  const items = page.items.map((b) => {
    const record = records.get(b.id);
    if (!record) return b;
    // Every filter that names an id: a `commit=` prefix matched the record already, however short (4+ digits).
    const found = [
      ...(f.q !== undefined ? idMatches(record, f.q) : []),
      ...(f.alias !== undefined ? idMatches(record, f.alias) : []),
      ...(f.commit !== undefined ? idMatches(record, f.commit, { commitPrefix: 4 }) : []),
    ].filter((m, i, all) => all.findIndex((o) => o.value === m.value) === i);
    return found.length ? { ...b, idMatches: found } : b;
  });
  return { ...page, items };
}

/** The words a search ran, when a long query had more than it takes (review 68d F1: said, never "every word"). */
export interface SearchedWords {
  words: string[];
  of: number;
}

async function findBugs(store: Store, f: BugFilters): Promise<{ total: number; items: BugSummary[]; searched?: SearchedWords }> {
  const db = store.db;
  const conditions = [];
  // Ids decided outside SQL (search rank, version ranges): filtered and paged in memory, which also
  // keeps D1's 100-parameter limit out of reach. A knowledge base is small enough for that.
  const decided: Array<{ has(id: string): boolean }> = [];
  let matches: Map<string, VersionMatch> | null = null;
  let ranked: string[] | null = null;
  let searched: SearchedWords | undefined;
  if (f.q !== undefined) {
    const terms = searchTerms(f.q, f.anyTerm, await termRarity(store, f.q, f.anyTerm ?? false));
    const match = terms.kept.length ? ftsMatch(terms.kept, f.anyTerm ?? false) : null;
    if (terms.cut) searched = { words: terms.kept, of: terms.of };
    // A record's own id, typed in any case, finds that record first: the index holds no ids, so the look-alikes that
    // name it in their text came first, and an id with a version in it found nothing (review 49b F1).
    // As a sentence's word or a page's address too (review 50i F3).
    const named = namedRecordIds(f.q);
    const found = named.length ? await db.select({ id: bugs.id }).from(bugs).where(inArray(bugs.id, named)) : [];
    const exact = named.filter((id) => found.some((r) => r.id === id));
    if (!match && !exact.length) return { total: 0, items: [] };
    const rows = match
      ? await db.all<{ bug_id: string }>(sql`SELECT bug_id FROM bugs_fts WHERE bugs_fts MATCH ${match} ORDER BY bm25(bugs_fts)`)
      : [];
    ranked = [...exact, ...rows.map((r) => r.bug_id).filter((id) => !exact.includes(id))];
    decided.push(new Set(ranked));
  }
  // The component's own characters, as a substring (instr, no pattern: "%" names no component, not every one; and D1 refuses
  // a LIKE pattern of more than 50 bytes, so a long one was a 500 on the Worker: review 68j F1).
  if (f.component) conditions.push(sql`instr(lower(${bugs.components}), lower(${f.component})) > 0`);
  if (f.ecosystem) {
    conditions.push(
      inArray(
        bugs.id,
        db
          .selectDistinct({ id: bugRanges.bugId })
          .from(bugRanges)
          .where(inArray(bugRanges.ecosystem, ecosystemsJudging(f.ecosystem))),
      ),
    );
    if (f.version !== undefined) {
      matches = await bugsContaining(store, f.ecosystem, f.version, f.package);
      decided.push(matches);
    }
  }
  if (f.alias !== undefined) {
    const alias = f.alias.toLowerCase();
    conditions.push(
      inArray(bugs.id, db.selectDistinct({ id: bugAliases.bugId }).from(bugAliases).where(sql`lower(${bugAliases.value}) = ${alias}`)),
    );
  }
  if (f.commit !== undefined) {
    // Validated as hex, so the prefix holds no LIKE wildcards.
    const prefix = `${f.commit.toLowerCase()}%`;
    conditions.push(
      or(
        inArray(bugs.id, db.selectDistinct({ id: bugCommits.bugId }).from(bugCommits).where(like(bugCommits.commitId, prefix))),
        inArray(
          bugs.id,
          db
            .selectDistinct({ id: bugAliases.bugId })
            .from(bugAliases)
            .where(and(eq(bugAliases.kind, "commit"), sql`lower(${bugAliases.value}) LIKE ${prefix}`)),
        ),
      ),
    );
  }
  if (f.reference !== undefined) {
    // The source however it is written: scheme, `www.`, a #fragment or a trailing slash make no other source (review 68d
    // F2). The rows holding its host and path are read, and compared by key.
    const key = referenceKey(f.reference);
    const rows = key
      ? await db
          .select({ id: bugReferences.bugId, url: bugReferences.url })
          .from(bugReferences)
          // A substring, not a LIKE pattern: D1 refuses patterns of more than 50 bytes (review 68j F1: a third of the records'
          // own sources were a 500 on the Worker).
          .where(sql`instr(lower(${bugReferences.url}), lower(${key.replace(/[?#].*$/, "")})) > 0`)
      : [];
    if (key) decided.push(new Set(rows.filter((r) => referenceKey(r.url) === key).map((r) => r.id)));
    else
      conditions.push(
        inArray(bugs.id, db.selectDistinct({ id: bugReferences.bugId }).from(bugReferences).where(eq(bugReferences.url, f.reference))),
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
  if (decided.length) {
    const all = (await db.select(columns).from(bugs).where(where).orderBy(asc(bugs.id))).filter((b) =>
      decided.every((ids) => ids.has(b.id)),
    );
    if (ranked) {
      // Best match first (bm25).
      const position = new Map(ranked.map((id, i) => [id, i]));
      all.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
    }
    const page = all.slice(f.offset, f.offset + f.limit);
    return {
      total: all.length,
      items: matches ? page.map((b) => withMatch(b, matches.get(b.id))) : page,
      ...(searched ? { searched } : {}),
    };
  }
  const [count] = await db.select({ n: sql<number>`count(*)` }).from(bugs).where(where);
  const items = await db.select(columns).from(bugs).where(where).orderBy(asc(bugs.id)).limit(f.limit).offset(f.offset);
  return { total: Number(count?.n ?? 0), items };
}

const withMatch = (b: BugSummary, versionMatch: VersionMatch | undefined): BugSummary => (versionMatch ? { ...b, versionMatch } : b);

/** Several records by id (in no particular order), e.g. the hits of one search page. */
export async function getBugs(store: Store, ids: string[]): Promise<BugRecord[]> {
  const out: BugRecord[] = [];
  // In slices: D1 binds at most 100 parameters per statement.
  for (let i = 0; i < ids.length; i += 50) {
    out.push(...(await storedRecords(store, inArray(bugs.id, ids.slice(i, i + 50)))));
  }
  return out;
}
