import { type AliasStatus, aliasStatus, STATUS_WORDS } from "./fact-status";
import type { BugRecord } from "./record-schema";

/** An alias or commit of a hit that the query named, so "862c95d9859f" says at once that it is misreported. */
export interface IdMatch {
  value: string;
  kind: string;
  status: AliasStatus;
  note?: string | undefined;
}

/**
 * Aliases and commits of a hit that the query names, with how far each is confirmed: the whole query (a quoted
 * title, a CVE), one of its words exactly (`LP#2091990`, `moby/moby#47749`), or a commit id's hex prefix of 7 or more
 * digits (4 or more where the caller filtered by that commit: `?commit=862c`). Only those: a shorter number, a repository
 * name or a CVE one digit short names a different id, and the answer must not claim it.
 */
export function idMatches(record: BugRecord, q: string, opts: { commitPrefix?: number } = {}): IdMatch[] {
  const query = norm(q);
  const words = new Set(query.split(" ").map(bare).filter(Boolean));
  const prefixes = [...words].filter((w) => /^[0-9a-f]+$/.test(w) && w.length >= (opts.commitPrefix ?? 7));
  const names = (value: string, commit: boolean) => {
    const v = norm(value);
    return v === query || words.has(v) || (commit && prefixes.some((p) => v.startsWith(p)));
  };
  const out: IdMatch[] = [];
  // One commit given short and in full (306ed1728e84 and its 40 digits) is named once, as first listed.
  const named = (value: string) =>
    out.some(
      (m) =>
        m.value.toLowerCase() === value.toLowerCase() || (HEX_ID.test(m.value) && value.toLowerCase().startsWith(m.value.toLowerCase())),
    );
  for (const a of record.aliases) {
    if (!names(a.value, a.kind === "commit") || named(a.value)) continue;
    out.push({ value: a.value, kind: a.kind === "other" ? "" : a.kind, status: aliasStatus(a), note: a.note });
  }
  for (const commit of record.commits) {
    if (!names(commit.id, true) || named(commit.id)) continue;
    out.push({ value: commit.id.slice(0, 12), kind: `${commit.role} commit`, status: aliasStatus(commit) });
  }
  return out;
}

/**
 * Ids no log line is full of: a CVE, GHSA or USN id, an `owner/repo#123` issue, a Launchpad `LP#123`, a Red Hat
 * Bugzilla `RHBZ#123`.
 */
const NAMED_ID = /^(?:cve-\d{4}-\d{4,}|ghsa(?:-[0-9a-z]{4}){3}|usn-\d+-\d+|[\w.-]+\/[\w.-]+#\d+|lp#\d+|rhbz#\d+)$/i;
/**
 * A Launchpad or Red Hat bug as changelogs and people write it (review 68d F2): `LP: #2091990`, `LP #2091990`, `rhbz 2347256`,
 * `rhbz#2347256`, `bz#2347256` (Fedora's changelogs), each the one id the records write as `LP#…` or `RHBZ#…`.
 */
const SPELLED_ID = /\b(lp|rhbz|bz)\s*:?\s*#?\s*(\d{5,})\b/gi;

/** The text with its Launchpad and Red Hat bug ids written as records write them. */
export const spelledIds = (text: string): string =>
  text.replace(SPELLED_ID, (_, kind: string, n: string) => `${kind.toLowerCase() === "lp" ? "LP" : "RHBZ"}#${n}`);
/** A commit's hex digits (7 to 40, letters and digits both): also what a container or pod id looks like. */
const HEX_ID = /^(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{7,40}$/i;

/** A word a search keeps whatever else it drops: a named id (a pasted log's hex ids stay noise). */
export const isNamedId = (word: string): boolean => NAMED_ID.test(bare(word));

/** The id-shaped words of a one-line question ("is CVE-2025-40123 fixed?", "does 862c95d9859f break …?"). */
export const idShapedWords = (text: string): string[] =>
  spelledIds(text)
    .split(/\s+/)
    .map(bare)
    .filter((w) => NAMED_ID.test(w) || HEX_ID.test(w));

/**
 * One id match in plain words, for chat and the CLI as the search page shows it: "commit 862c95d9859f: misreported:
 * contradicted by the sources (the record gives the real one)".
 */
export const idMatchText = (m: IdMatch): string =>
  `${m.kind ? `${m.kind} ` : ""}${m.value}: ${STATUS_WORDS[m.status]}${m.status === "misreported" ? " (the record gives the real one)" : ""}`;

const norm = (s: string) => bare(spelledIds(s).toLowerCase().replace(/\s+/g, " "));
/** A word or query without the quotes, brackets and sentence punctuation around it (`862c95d9859f`, (CVE-…), "…?"). */
const bare = (s: string) =>
  s
    .trim()
    .replace(/[\u2010-\u2011]/g, "-")
    .replace(/^["'`([{<*_~]+|["'`)\]}>.,;:!?*_~]+$/g, "")
    .replace(/'s$/, "");
