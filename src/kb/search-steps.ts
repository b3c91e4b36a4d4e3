/**
 * The searches one typed query tries, in order, until one finds a record: the same on the search page, in chat and in
 * `known-bugs search`. A query holding every word is the precise answer; a sentence that names an id ("does
 * 862c95d9859f break kube-proxy?") is about that id, not about "does" or "break"; a pasted error line carries words no
 * record holds (versions, exit codes), and records holding some of them beat nothing.
 */
import { type IdMatch, idShapedWords, isNamedId, spelledIds } from "./id-matches";
import { idsInUrl, urlsIn, withoutUrls } from "./query-urls";

export type SearchStep =
  /** The records citing an address the query gives, however it is written (scheme, `www.`, `#fragment`, trailing slash). */
  | { kind: "reference"; q: string; url: string }
  /** Records holding every word. */
  | { kind: "all"; q: string; anyTerm: false }
  /** What the person asked for with `match=any`: records holding some of the words. */
  | { kind: "any"; q: string; anyTerm: true }
  /** No record holds every word: records naming one of the ids the query writes (GET /bugs matches a named id whole). */
  | { kind: "ids"; q: string; anyTerm: true; ids: string[]; fromAddress?: true }
  /** No record holds every word (nor names its ids): records holding some of them, best first. */
  | { kind: "some"; q: string; anyTerm: true };

/** At most this many ids of one query are searched: a question names one or two, a paste of hex ids is no question. */
const MAX_IDS = 4;

/**
 * `maxQuery` caps the text the word searches read (a chat message is long); the ids are taken from the whole text. A
 * question naming a CVE, GHSA, issue or Launchpad id that no record names gets no "some of the words" step: the
 * records holding "fixed" or "is" are no answer to it. A hex id may be a log's container id, so it does not stop them.
 */
export function searchSteps(q: string, match: "all" | "any" = "all", maxQuery = Number.POSITIVE_INFINITY): SearchStep[] {
  // An address is searched as the source it is and the ids it encodes, never as words ("https", "com": review 68d F2).
  const urls = urlsIn(q).slice(0, MAX_URLS);
  const text = spelledIds(urls.length ? withoutUrls(q).replace(FILLER, " ").trim() : q);
  const words = text.slice(0, maxQuery);
  if (match === "any") return [{ kind: "any", q: words || q, anyTerm: true }];
  // Named ids first: a line of container ids before the commit must not crowd the commit out.
  const shaped = [...new Set([...urls.flatMap(idsInUrl), ...idShapedWords(text)])];
  const named = shaped.filter(isNamedId);
  const ids = [...named, ...shaped.filter((w) => !isNamedId(w))].slice(0, MAX_IDS);
  const idsStep: SearchStep[] = ids.length
    ? [{ kind: "ids", q: ids.join(" "), anyTerm: true, ids, ...(urls.length ? { fromAddress: true as const } : {}) }]
    : [];
  const several = words.split(/\s+/).length >= 2;
  // A log line holding an address: its words are searched as any line's are (some of them, failing every one).
  const some: SearchStep[] = several && !named.length ? [{ kind: "some", q: words, anyTerm: true }] : [];
  // The sources first, then the ids they encode; the other words after them.
  if (urls.length)
    return [
      ...urls.map((url): SearchStep => ({ kind: "reference", q: url, url })),
      ...idsStep,
      ...(words ? [{ kind: "all" as const, q: words, anyTerm: false as const }, ...some] : []),
    ];
  const steps: SearchStep[] = [{ kind: "all", q: words, anyTerm: false }];
  if (!several) return steps;
  return [...steps, ...idsStep, ...some];
}

/** The words a sentence wraps an address in ("see https://…", "as in https://…"): no part of what is searched. */
const FILLER = /\b(?:see|also|as|in|at|cf|per|via|from|the|link|url|issue|bug|report)\b[:.,]?/gi;

/**
 * A query that may be a log line, which the search page also hands to the engine's signatures (review 68d F1): three
 * words or more. A record's signature is written for its log line, and names the record better than
 * the words it shares with others.
 */
export const readsAsLogLine = (q: string): boolean => q.trim().split(/\s+/).length >= 3;

/** At most this many addresses of one query are looked up (a question gives one, a pasted page's footer many). */
const MAX_URLS = 2;

/** A step as GET /bugs's search filters (src/db/bug-queries.ts BugFilters). */
export const stepFilters = (step: SearchStep) =>
  step.kind === "reference" ? { q: undefined, anyTerm: false, reference: step.url } : { q: step.q, anyTerm: step.anyTerm };

/** Runs the steps until one finds a record; the last step's answer (nothing) otherwise. */
export async function firstFound<T extends { total: number }>(
  steps: readonly SearchStep[],
  run: (step: SearchStep) => Promise<T>,
): Promise<{ step: SearchStep; found: T }> {
  let last: { step: SearchStep; found: T } | null = null;
  for (const step of steps) {
    last = { step, found: await run(step) };
    if (last.found.total > 0) return last;
  }
  // searchSteps always returns one step at least.
  return last as { step: SearchStep; found: T };
}

/**
 * What the person is told when a later step answered, as a clause (nothing for the search they asked for). The ids
 * named are those the shown records hold (their `idMatches`), not every id-shaped word of the query.
 */
export function stepNotice(
  step: SearchStep,
  hits: ReadonlyArray<{ idMatches?: readonly IdMatch[] | undefined }>,
  searched?: { words: readonly string[]; of: number },
): string | null {
  // A long line's words were chosen: the hits hold those, which is what is said, never "every word" (review 68d F1).
  const chosen = searched ? `its ${searched.words.length} rarest words of ${searched.of} (${searched.words.join(" ")})` : null;
  if (chosen && step.kind === "all") return `Records holding ${chosen}`;
  if (chosen && (step.kind === "some" || step.kind === "any"))
    return `${step.kind === "some" ? "No record holds every word; r" : "R"}ecords holding some of ${chosen}`;
  if (step.kind === "ids") {
    const held = [...new Set(hits.flatMap((h) => (h.idMatches ?? []).map((m) => m.value)))];
    // An address's ids are what it was searched as: its words were never searched (review 68d F2).
    if (step.fromAddress) return `Records naming ${(held.length ? held : step.ids).join(", ")}, which the address names`;
    return held.length
      ? `No record holds every word; records naming ${held.join(", ")}`
      : `No record holds every word; records mentioning ${step.ids.join(", ")}`;
  }
  if (step.kind === "some") return "No record holds every word; records holding some of them";
  if (step.kind === "reference") return `Records citing ${step.url}`;
  return null;
}
