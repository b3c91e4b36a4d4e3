/** `known-bugs search` and `known-bugs show`: the records, from the server or the local knowledge base. */
import type { CompiledKb } from "../../engine/compile-kb";
import { rebootWords } from "../../engine/record";
import { aliasStatus, STATUS_WORDS } from "../../kb/fact-status";
import { type IdMatch, idMatches, idMatchText } from "../../kb/id-matches";
import { referenceKey } from "../../kb/query-urls";
import { namedRecordIds, typedRecordId } from "../../kb/record-id";
import type { BugRecord } from "../../kb/record-schema";
import { firstFound, type SearchStep, searchSteps, stepNotice } from "../../kb/search-steps";
import { bugSummaryOf } from "../../kb/unverified";
import type { ShownRecord } from "./answer-shape";
import { type CliValues, positiveInt, timeoutSeconds } from "./args";
import { requestJson } from "./client";
import { serverUrl } from "./diagnose";
import { CliError, EXIT } from "./exit-codes";
import { loadLocalKb } from "./local";

type Found = {
  total?: number | undefined;
  items: Array<Pick<BugRecord, "id" | "title" | "components"> & { idMatches?: IdMatch[] | undefined }>;
};

export async function searchCommand(words: string[], values: CliValues): Promise<number> {
  if (!words.length) throw new CliError(EXIT.usage, "search needs words: known-bugs search --xor-mark");
  const limit = positiveInt(values.limit, "limit", 20);
  const find = await finder(values, words, limit);
  const steps = searchSteps(words.join(" "));
  // A script gets what it asked for, every word (GET /bugs's own answer); a person the search page's steps:
  // every word, else the ids the words name, else records holding some of them.
  if (values.json) {
    process.stdout.write(`${JSON.stringify(await find(steps[0] as SearchStep), null, 2)}\n`);
    return EXIT.ok;
  }
  const { step, found: shown } = await firstFound(steps, async (s) => {
    const found = await find(s);
    return { ...found, total: found.total ?? found.items.length };
  });
  const notice = shown.items.length ? stepNotice(step, shown.items) : null;
  if (!shown.items.length) process.stdout.write("No known bug matches.\n");
  else {
    if (notice) process.stdout.write(`${notice}, best first:\n`);
    const width = Math.max(...shown.items.map((i) => i.id.length));
    for (const i of shown.items) {
      process.stdout.write(`${i.id.padEnd(width)}  ${i.title}  [${i.components.join(", ")}]\n`);
      // The blamed commit pasted from a field write-up: say at once that the sources contradict it.
      for (const m of i.idMatches ?? [])
        process.stdout.write(`${" ".repeat(width)}  ${m.status === "misreported" ? "warning: " : ""}your search names ${idMatchText(m)}\n`);
    }
    const more = (shown.total ?? 0) - shown.items.length;
    if (more > 0) process.stdout.write(`(${more} more; --limit N)\n`);
  }
  return EXIT.ok;
}

/** One step of the search, on the server (GET /bugs's `match`) or locally. */
async function finder(values: CliValues, words: string[], limit: number): Promise<(step: SearchStep) => Promise<Found>> {
  const url = serverUrl(values);
  if (url) {
    const { checkedAnswer, searchAnswer } = await import("./answer-shape");
    return async (step) => {
      // An address is looked up as a source (`reference=`), as the search page does (review 68d F2).
      const what = step.kind === "reference" ? `reference=${encodeURIComponent(step.url)}` : `q=${encodeURIComponent(step.q)}`;
      const any = step.kind !== "reference" && step.anyTerm;
      const path = `/bugs?${what}&limit=${Math.min(limit, 100)}${any ? "&match=any" : ""}`;
      try {
        const res = await requestJson(url, path, { timeoutSeconds: timeout(values), progress: null });
        return checkedAnswer(url, res.json, searchAnswer, "a list of bugs");
      } catch (e) {
        // A server older than `match` refuses it: then there is nothing more to show.
        if (any && e instanceof CliError && e.exitCode === EXIT.usage) return { total: 0, items: [] };
        throw e;
      }
    };
  }
  const kb = await loadLocalKb(values.kb);
  // A record's own id, as the server takes it (a sentence's last word, a file path: review 50b F9), first.
  const own = new Set(namedRecordIds(words.join(" ")));
  return async (step) => {
    const cited = step.kind === "reference" ? referenceKey(step.url) : null;
    const holds = (r: BugRecord) =>
      step.kind === "reference"
        ? r.references.some((f) => referenceKey(f.url) === cited)
        : own.has(r.id) || (step.kind === "all" ? matchesAll(r, words) : matchesAny(r, step.kind === "ids" ? step.ids : words));
    const found = await ranked(kb, kb.records.filter(holds), words);
    const items = [...found.filter((r) => own.has(r.id)), ...found.filter((r) => !own.has(r.id))];
    // GET /bugs's own answer, field for field (review 67d F3: --local gave whole records, no `kb`, no `hasUnverified`,
    // which a script read as every record verified).
    return {
      kb: { version: kb.version, records: kb.records.length },
      total: items.length,
      items: items.slice(0, limit).map((r) => {
        const named = idMatches(r, words.join(" "));
        const summary = bugSummaryOf(r);
        return named.length ? { ...summary, idMatches: named } : summary;
      }),
      limit,
      offset: 0,
    };
  };
}

export async function showCommand(args: string[], values: CliValues): Promise<number> {
  const [id, extra] = args;
  if (!id || extra) throw new CliError(EXIT.usage, "show takes one bug id: known-bugs show xt-mark-ipv6-typo-2024");
  const url = serverUrl(values);
  let bug: ShownRecord;
  if (url) {
    const res = await requestJson(url, `/bugs/${encodeURIComponent(typedRecordId(id) ?? id)}`, {
      timeoutSeconds: timeout(values),
      progress: null,
    });
    const { checkedAnswer, bugAnswer } = await import("./answer-shape");
    bug = checkedAnswer(url, res.json, bugAnswer, "a bug record").bug;
  } else {
    const typed = typedRecordId(id) ?? id;
    const found = (await loadLocalKb(values.kb)).records.find((r) => r.id === typed);
    if (!found) throw new CliError(EXIT.usage, `no known bug has the id "${id}" (known-bugs search WORDS)`);
    bug = found;
  }
  process.stdout.write(values.json ? `${JSON.stringify(bug, null, 2)}\n` : renderRecord(bug));
  return EXIT.ok;
}

const timeout = (values: CliValues) => timeoutSeconds(values, 30);

/** Every word (case-insensitive) somewhere in the record's id, title, summary, aliases, commits or signatures. */
const matchesAll = (r: BugRecord, words: string[]): boolean => {
  const text = searchedText(r);
  return words.every((w) => text.includes(w.toLowerCase()));
};

/** Some word of three or more characters (not a version's "v1" or a "--") somewhere in the same text. */
const matchesAny = (r: BugRecord, words: string[]): boolean => {
  const text = searchedText(r);
  return wordsOf(words).some((w) => /[\p{L}\p{N}]{3}/u.test(w) && text.includes(w.toLowerCase()));
};

/** The words of the arguments: a quoted argument (an error line pasted whole) is its words. */
const wordsOf = (args: readonly string[]): string[] => args.flatMap((a) => a.split(/\s+/)).filter(Boolean);

function searchedText(r: BugRecord): string {
  return [
    r.id,
    r.title,
    r.summary,
    ...r.components,
    ...r.aliases.map((a) => a.value),
    ...r.commits.map((c) => `${c.id} ${c.title}`),
    ...r.signatures.map((s) => s.pattern),
  ]
    .join("\n")
    .toLowerCase();
}

/**
 * Best match first, as the server orders a search (bm25 over its full-text index, which is SQL, so
 * not reusable here): BM25 over the engine's lexical index of the records' text (title, summary, root
 * cause, signatures, example logs). Records the words do not score (a commit id, an alias) follow, in
 * the knowledge base's order.
 */
async function ranked(kb: CompiledKb<BugRecord>, records: BugRecord[], words: string[]): Promise<BugRecord[]> {
  const { rankText } = await import("../../engine/recall/lexical");
  const index = kb.recall.lexical;
  const order = new Map(rankText(index, words.join(" "), index.ids.length, index, { search: true }).map((r, i) => [r.id, i]));
  const last = order.size;
  return records
    .map((r, i) => ({ r, i, rank: order.get(r.id) ?? last }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map(({ r }) => r);
}

/** A fact's evidence level; records from an older server say only verified true/false. */
const level = (f: { evidence?: string; verified?: boolean }) => f.evidence ?? (f.verified ? "verified" : "reported");

function renderRecord(r: ShownRecord): string {
  const out = [`${r.id}: ${r.title}`, `components: ${r.components.join(", ")}`, "", r.summary.trim(), ""];
  if (r.aliases.length) {
    out.push("aliases:");
    // A cited id the sources contradict is worded as the record page words it, not as an unconfirmed one.
    for (const a of r.aliases) out.push(`  ${a.value} (${a.kind}, ${STATUS_WORDS[aliasStatus(a)]})${a.note ? `: ${a.note}` : ""}`);
  }
  if (r.affected.length) {
    out.push("affected:");
    for (const a of r.affected)
      for (const range of a.ranges) {
        const end = range.fixed ? `fixed ${range.fixed}` : range.lastAffected ? `last affected ${range.lastAffected}` : "no fix known";
        const ends =
          range.introducedEvidence === range.fixedEvidence
            ? level(range)
            : `introduced ${range.introducedEvidence}, end ${range.fixedEvidence}`;
        const scope = range.symptoms ? `, for the lines of ${range.symptoms.join(", ")}` : "";
        out.push(`  ${a.ecosystem} ${a.package}: from ${range.introduced}, ${end} (${ends})${scope}`);
      }
  }
  out.push(
    "",
    `root cause: ${r.rootCause.trim()}`,
    "",
    `fix (${rebootWords(r.reboot)}):`,
    ...r.fix
      .trim()
      .split("\n")
      .map((l) => `  ${l}`),
  );
  if (r.workarounds.length) out.push("workarounds:", ...r.workarounds.map((w) => `  - ${w.trim()}`));
  if (r.unverified.length) out.push("unverified:", ...r.unverified.map((u) => `  - ${u}`));
  out.push("references:", ...r.references.map((ref) => `  ${ref.url}  ${ref.title}`));
  return `${out.join("\n")}\n`;
}
