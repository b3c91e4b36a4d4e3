/**
 * A web address in a search is a report's address, not words (review 68d F2: "https://bugzilla.redhat.com/show_bug.cgi?id=
 * 2282287" found nothing though a record cites it, and "see https://…" listed the records holding "https" and "com").
 * It is searched as what it is: the records citing it, and the ids it encodes.
 */

/** An address as typed in a search: scheme and all, up to the next space or closing quote or bracket. */
const URL_IN_TEXT = /\bhttps?:\/\/[^\s"'<>()[\]{}]+/gi;

/** The addresses in a search, without the sentence's punctuation after them ("see https://…/4273."). */
export const urlsIn = (text: string): string[] => [...text.matchAll(URL_IN_TEXT)].map((m) => m[0].replace(/[.,;:!?]+$/, ""));

/** The search's own words, its addresses taken out. */
export const withoutUrls = (text: string): string => text.replace(URL_IN_TEXT, " ").replace(/\s+/g, " ").trim();

/**
 * One source however it is written: no scheme, no `www.`, no fragment (`#issuecomment-…`), no trailing slash, the host in
 * lower case. The query stays (`show_bug.cgi?id=N` is one report of many). Null for what is no address.
 */
export function referenceKey(text: string): string | null {
  let u: URL;
  try {
    u = new URL(text.trim());
  } catch {
    return null;
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return null;
  const host = u.hostname.toLowerCase().replace(/^www\./, "");
  const port = u.port ? `:${u.port}` : "";
  return `${host}${port}${u.pathname.replace(/\/+$/, "")}${u.search}`;
}

/** A part of an address's path or query that is itself an id the records name as aliases. */
const PATH_IDS = /\b(CVE-\d{4}-\d{4,}|GHSA(?:-[0-9a-z]{4}){3}|USN-\d+-\d+)\b/gi;

/**
 * The ids an address encodes, as records write them: `owner/repo#N` from a GitHub issue or pull request, `RHBZ#N` from
 * Red Hat's Bugzilla, `LP#N` from Launchpad, and a CVE, GHSA or USN id anywhere in it (NVD, GitHub advisories, Ubuntu).
 */
export function idsInUrl(text: string): string[] {
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return [];
  }
  const host = u.hostname.toLowerCase().replace(/^www\./, "");
  const path = u.pathname;
  const out: string[] = [];
  const github = host === "github.com" ? /^\/([\w.-]+)\/([\w.-]+)\/(?:issues|pull)\/(\d+)/.exec(path) : null;
  if (github) out.push(`${github[1]}/${github[2]}#${github[3]}`);
  const bug = u.searchParams.get("id");
  if (host === "bugzilla.redhat.com" && bug && /^\d+$/.test(bug)) out.push(`RHBZ#${bug}`);
  const lp = /launchpad\.net$/.test(host) ? /(?:\+bug|\/bugs)\/(\d+)/.exec(path) : null;
  if (lp) out.push(`LP#${lp[1]}`);
  for (const m of `${path} ${u.search}`.matchAll(PATH_IDS)) out.push(m[1] ?? "");
  return [...new Set(out.filter(Boolean))];
}
