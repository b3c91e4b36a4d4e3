/**
 * The searches one typed query tries, in order, until one finds a record: the same on the search page, in chat and in
 * `known-bugs search`. A query holding every word is the precise answer; a sentence that names an id ("does
 * 862c95d9859f break kube-proxy?") is about that id, not about "does" or "break"; a pasted error line carries words no
 * record holds (versions, exit codes), and records holding some of them beat nothing.
 */
import { idShapedWords } from "./id-matches";

export type SearchStep =
  /** Records holding every word. */
  | { kind: "all"; q: string; anyTerm: false }
  /** No record holds every word: records naming one of the ids the query writes. */
  | { kind: "ids"; q: string; anyTerm: true; ids: string[] }
  /** No record holds every word (nor names its ids): records holding some of them, best first. */
  | { kind: "some"; q: string; anyTerm: true };

/** At most this many ids of one query are searched: a question names one or two, a paste of hex ids is no question. */
const MAX_IDS = 4;

/** With `match: "any"` the person asked for records holding any word: that is the one search. */
export function searchSteps(q: string, match: "all" | "any" = "all"): SearchStep[] {
  if (match === "any") return [{ kind: "some", q, anyTerm: true }];
  const steps: SearchStep[] = [{ kind: "all", q, anyTerm: false }];
  if (q.trim().split(/\s+/).length < 2) return steps;
  const ids = [...new Set(idShapedWords(q))].slice(0, MAX_IDS);
  if (ids.length) steps.push({ kind: "ids", q: ids.join(" "), anyTerm: true, ids });
  steps.push({ kind: "some", q, anyTerm: true });
  return steps;
}

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

/** What the person is told when a later step answered, as a clause (nothing for records holding every word). */
export function stepNotice(step: SearchStep): string | null {
  if (step.kind === "ids") return `No record holds every word; records naming ${step.ids.join(", ")}`;
  if (step.kind === "some") return "No record holds every word; records holding some of them";
  return null;
}
