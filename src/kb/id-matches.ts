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
 * Aliases and commits of a hit that the query names, with how far each is confirmed: the whole query
 * (a commit prefix, a CVE, a quoted title), or an id-like word of it (digits, five characters or more).
 */
export function idMatches(record: BugRecord, q: string): IdMatch[] {
  const query = norm(q);
  const idWords = query.split(/\s+/).filter((t) => /\d/.test(t) && t.length >= 5);
  const names = (value: string) => {
    const v = norm(value);
    if (v === query || (query.length >= 7 && v.startsWith(query))) return true;
    const tokens = new Set([v, ...v.split(/[^a-z0-9]+/)]);
    return idWords.some((t) => tokens.has(t) || (/^[0-9a-f]{7,}$/.test(t) && v.startsWith(t)));
  };
  const out: IdMatch[] = record.aliases
    .filter((a) => names(a.value))
    .map((a) => ({ value: a.value, kind: a.kind === "other" ? "" : a.kind, status: aliasStatus(a), note: a.note }));
  for (const commit of record.commits) {
    if (names(commit.id) && !out.some((m) => commit.id.startsWith(m.value)))
      out.push({
        value: commit.id.slice(0, 12),
        kind: `${commit.role} commit`,
        status: aliasStatus(commit),
      });
  }
  return out;
}

/**
 * One id match in plain words, for chat and the CLI as the search page shows it: "commit 862c95d9859f: misreported:
 * contradicted by the sources (the record gives the real one)".
 */
export const idMatchText = (m: IdMatch): string =>
  `${m.kind ? `${m.kind} ` : ""}${m.value}: ${STATUS_WORDS[m.status]}${m.status === "misreported" ? " (the record gives the real one)" : ""}`;

const norm = (s: string) => s.toLowerCase().replaceAll('"', "").trim().replace(/\s+/g, " ");
