import { type BugSummary, listBugs } from "../db/bug-queries";
import type { Store } from "../db/create-db";
import type { CompiledKb } from "../engine/compile-kb";
import { ADVISORY_OPENING, diagnoseBundle, TABLE_DOES_NOT_LIST } from "../engine/diagnose";
import type { Diagnosis, Finding, NodeReport, Verdict } from "../engine/diagnosis";
import {
  type DiagnosisSummary,
  type FindingSummary,
  failureKernelNote,
  fixStepsOf,
  kernelPackageNote,
  namedKernelNote,
  type RecordSummary,
  summarizeDiagnosis,
  summarizeRecord,
} from "../engine/summary";
import { ProblemError } from "../http/problem";
import { referenceKey } from "../kb/query-urls";
import { typedRecordId } from "../kb/record-id";
import { firstFound, searchSteps, stepFilters } from "../kb/search-steps";
import { currentKb } from "../service/kb-cache";
import { linesRunTogether } from "../service/misread-body";
import { LINE_BREAKS_LOST } from "./chat-auth";
import type { ChatInput } from "./chat-input";
import type { HiddenFinding } from "./full-report";
import type { UnreadNote } from "./message-parts";

/** Findings shown in a chat answer; the rest are counted, and the web page has them all. */
const SHOWN_FINDINGS = 3;
const SHOWN_ADVISORIES = 3;
const SEARCH_RESULTS = 5;

interface KbRef {
  version: string;
  records: number;
}

/**
 * A fix as chat shows it: the engine's first steps (FindingSummary.fixSteps), and the steps and closing notes after them,
 * which the line under the steps counts apart and names where a shown step refers to one (review 70d F5: "(step 3)" in a
 * shown step, step 3 not shown, and "3 more steps" for two steps and a note).
 */
export interface ChatFix {
  laterFixSteps: string[];
}
export type ChatFinding = FindingSummary & ChatFix;

/** `summary` with the steps of `fix` it leaves out. */
const withLaterSteps = <T extends Pick<FindingSummary, "fixSteps">>(summary: T, fix: string): T & ChatFix => ({
  ...summary,
  laterFixSteps: fixStepsOf(fix).slice(summary.fixSteps.length),
});

/**
 * A chat answer before any platform formatting: Slack's blocks and Discord's embeds are two renderings
 * of this, and its findings are the engine's one projection (summarizeDiagnosis), never re-ranked here.
 */
export type ChatAnswer =
  | { kind: "help" }
  | {
      kind: "diagnosis";
      kb: KbRef;
      findings: ChatFinding[];
      /** Findings beyond those shown: `hidden`, and those past the request's limit. */
      more: number;
      /** The findings past those shown, each named in a line (review 70d F3). */
      hidden: HiddenFinding[];
      advisories: ChatFinding[];
      /** Advisories beyond those shown. */
      moreAdvisories: number;
      outliers: NodeReport[];
      /** With no finding: the records closest to the paste by description (a search result, not a diagnosis). */
      closest: DiagnosisSummary["closest"];
      /** The host facts the verdicts were judged on, in words ("kernel 5.15.0-127-generic", ...). */
      facts: string[];
      /** What the paste itself lost and how to send it whole (Diagnosis.notes). */
      notes: string[];
      truncated: ChatInput["truncated"];
      /** The message's files, not read: the headline says what was matched is the text's only (review 68e F2). */
      unread?: UnreadNote;
    }
  | { kind: "record"; kb: KbRef; record: RecordSummary & ChatFix; unread?: UnreadNote }
  | { kind: "search"; kb: KbRef; query: string; total: number; items: SearchItem[]; unread?: UnreadNote };

/** A record a search found, with the ids the search names and how far each is confirmed (BugSummary.idMatches). */
export type SearchItem = Pick<BugSummary, "id" | "title" | "summary" | "idMatches">;

/**
 * What the person typed decides the answer: `help` or nothing → help; a record id → that record;
 * an issue link (or `owner/repo#123`) → the records citing it; anything the engine recognises (log
 * lines, uname, os-release) → a diagnosis; other single-line text (a CVE, a commit, words) → a search.
 */
export type RunDiagnosis = (kb: CompiledKb, text: string) => Promise<Diagnosis>;

/**
 * A request for the help: the word alone, or opening a short line ("help me", "help please": review 63e F4, which searched
 * the records for "help me"). A log line that opens with the word is longer than that.
 */
export const asksForHelp = (text: string): boolean =>
  /^(?:help|-h|--help|\?)$/i.test(text) || (/^help\b/i.test(text) && !text.includes("\n") && text.length <= 24);

/**
 * The answer to what the person sent; a file the message carried that was not read is said first in every kind of answer
 * (review 67h F1; 67j F3: a question with a screenshot was answered "no known bug matched" instead of the record it named),
 * a field of its own, so that a diagnosis's headline can say it too (review 68e F2: the note came under "no known bug matched").
 * `run` is the app's diagnoser (a worker-thread pool on Node, inline on the Worker) in production; the engine inline by default.
 */
export async function answerFor(
  store: Store,
  input: ChatInput,
  run: RunDiagnosis = async (kb, text) => diagnoseBundle(kb, text),
): Promise<ChatAnswer> {
  const answer = await answerForText(store, input, run);
  const unread = input.unread;
  if (!unread || answer.kind === "help") return answer;
  return { ...answer, unread };
}

async function answerForText(
  store: Store,
  input: ChatInput,
  run: RunDiagnosis = async (kb, text) => diagnoseBundle(kb, text),
): Promise<ChatAnswer> {
  const text = input.text;
  if (!text || asksForHelp(text)) return { kind: "help" };
  const kb = await currentKb(store);
  const ref: KbRef = { version: kb.version, records: kb.records.length };
  const single = !text.includes("\n");
  const id = single ? typedRecordId(text) : null;
  const record = id ? kb.records.find((r) => r.id === id) : undefined;
  if (record) return { kind: "record", kb: ref, record: withLaterSteps(summarizeRecord(record), record.fix) };
  const cited = single ? citingRecords(kb.records, text) : [];
  if (cited.length)
    return {
      kind: "search",
      kb: ref,
      query: text.slice(0, 200),
      total: cited.length,
      items: cited.slice(0, SEARCH_RESULTS).map((r) => ({ id: r.id, title: r.title, summary: r.summary })),
    };
  // Lines run together (an older Discord client drops a slash command option's line breaks): their answer would misread
  // them, as POST /diagnose refuses to (review 64e F4). Said in words, with what works.
  const glued = single ? linesRunTogether(text) : 0;
  if (glued)
    throw new ProblemError(
      422,
      LINE_BREAKS_LOST,
      `the text arrived as one line holding what look like ${glued} log lines run together, which would be misread: its line breaks were lost on the way.`,
    );
  const diagnosis = await run(kb, text);
  if (!single || diagnosis.findings.length || diagnosis.advisories.length || diagnosis.facts.kernel)
    return diagnosisAnswer(ref, diagnosis, input);
  // The search page's steps: every word, else the ids a question names ("is CVE-2025-40123 fixed?", "does
  // 862c95d9859f break kube-proxy?"). Not "some of the words": a sentence that names no record resembles some by
  // description (the closest records), which says more than records sharing one of its words.
  // The words searched are the first 200 characters; the ids, anywhere in the question.
  const steps = searchSteps(text, "all", 200).filter((s) => s.kind !== "some");
  const { step, found } = await firstFound(steps, (s) => listBugs(store, { ...stepFilters(s), limit: SEARCH_RESULTS, offset: 0 }));
  // A one-line comment beside a file not read ("kube-proxy on worker-3 is broken since the patch window, log attached") is
  // no description of the failure: records resembling its words ("window") are no lead, and nothing found is said of the
  // message's text, not as an empty search (review 68e F2).
  if (!found.total && input.unread) return diagnosisAnswer(ref, { ...diagnosis, closest: [] }, input);
  if (!found.total && diagnosis.closest.length) return diagnosisAnswer(ref, diagnosis, input);
  return {
    kind: "search",
    kb: ref,
    query: step.q,
    total: found.total,
    items: found.items.map((b) => ({ id: b.id, title: b.title, summary: b.summary, ...(b.idMatches ? { idMatches: b.idMatches } : {}) })),
  };
}

type KbRecord = Awaited<ReturnType<typeof currentKb>>["records"][number];

/**
 * An issue or report people paste as a link (or as GitHub's `owner/repo#123`): the records that cite
 * it as a reference, an alias source or an example source.
 */
function citingRecords(records: readonly KbRecord[], text: string): KbRecord[] {
  const short = /^([\w.-]+\/[\w.-]+)#(\d+)$/.exec(text);
  const wanted = short ? [`https://github.com/${short[1]}/issues/${short[2]}`, `https://github.com/${short[1]}/pull/${short[2]}`] : [text];
  const keys = new Set(wanted.map(urlKey).filter((k): k is string => k !== null));
  if (!keys.size) return [];
  const cites = (url: string | undefined) => url !== undefined && keys.has(referenceKey(url) ?? "");
  return records.filter(
    (r) => r.references.some((f) => cites(f.url)) || r.aliases.some((a) => cites(a.source)) || r.examples.some((e) => cites(e.source)),
  );
}

/**
 * A URL as the one source it names (query-urls.ts, as the search page compares it: review 68d F2); null when the text is
 * not one. Its query stays: `show_bug.cgi?id=N` is one bug of many.
 */
const urlKey = (text: string): string | null => (/^https?:\/\/\S+$/i.test(text) ? referenceKey(text) : null);

function diagnosisAnswer(kb: KbRef, diagnosis: Diagnosis, { truncated }: ChatInput): ChatAnswer {
  const d = truncated ? hedgedByCut(diagnosis, truncated) : diagnosis;
  const s = summarizeDiagnosis(d);
  return {
    kind: "diagnosis",
    kb,
    findings: s.findings.slice(0, SHOWN_FINDINGS).map((f, i) => withLaterSteps(f, d.findings[i]?.fix ?? "")),
    // Findings past the request's limit are not shown either (review 60e F4: "10 known bugs match" where 30 did).
    more: Math.max(0, s.findings.length - SHOWN_FINDINGS) + (d.limited?.findings ?? 0),
    hidden: s.findings
      .slice(SHOWN_FINDINGS)
      .map(({ rank, id, title, confidence, score, verdict, reboot }) => ({ rank, id, title, confidence, score, verdict, reboot })),
    advisories: s.advisories.slice(0, SHOWN_ADVISORIES).map((a, i) => withLaterSteps(a, d.advisories[i]?.fix ?? "")),
    moreAdvisories: Math.max(0, s.advisories.length - SHOWN_ADVISORIES) + (d.limited?.advisories ?? 0),
    outliers: s.outliers,
    closest: s.closest,
    facts: factLines(d),
    notes: s.notes,
    truncated,
  };
}

/** What the advisories' heading says of them: of the lines read only, when a long input was cut (review 65e F4). */
export const advisoriesHeading = (truncated: boolean): string =>
  `your versions are in an affected range, but no line ${truncated ? "read (some were left out)" : "of the log"} matches their signatures:`;

/**
 * A "not affected" read from the part of a long paste that was kept holds only for the versions in it: the lines left
 * out may hold another host's (a nodes table's rows past the first 4,000 characters) or a later upgrade's. Hedged, and
 * saying so (review 32a: a 200-node table cut in chat answered "your versions are not affected by it" for certain,
 * where the one node in range was in the cut).
 */
function hedgedByCut(d: Diagnosis, truncated: NonNullable<ChatInput["truncated"]>): Diagnosis {
  const [from, to] = truncated.leftOut.lines;
  // An advisory's "no line of the log matches" speaks of the lines read only (review 65e F4: the matching line was in the cut).
  const unread = (f: Finding): Finding => ({
    ...f,
    verdict: {
      ...f.verdict,
      reason: f.verdict.reason.replace(
        ADVISORY_OPENING,
        `no line read matches this bug's signatures (lines ${from}–${to} were left out), but`,
      ),
    },
  });
  const hedge = <T extends { verdict?: Verdict | undefined }>(x: T): T =>
    x.verdict?.status === "not-affected"
      ? {
          ...x,
          verdict: {
            ...x.verdict,
            certain: false,
            reason: `${x.verdict.reason}; but lines ${from}–${to} of the input were left out, and may hold other versions`,
          },
        }
      : x;
  const rows = rowsCut(d, from, to);
  return {
    ...d,
    findings: d.findings.map((f) => hedge(rows(f))),
    advisories: d.advisories.map((a) => hedge(rows(unread(a)))),
    closest: d.closest.map(hedge),
  };
}

/**
 * A nodes table whose rows run into the cut (a row read right before or right after it) may list, in the lines left out,
 * the machines a verdict says it does not: said of the rows read, and where the others went (review 70b F8: "the nodes
 * table does not list them" beside a cut that had left out ten of its rows). The table is not kept whole instead: a
 * fleet's table can be longer than the 20,000 characters a chat answer reads, and would push out the log's end, where the
 * errors are. A table that ends before the cut keeps the engine's words.
 */
function rowsCut(d: Diagnosis, from: number, to: number): (f: Finding) => Finding {
  if (!d.nodes.some((n) => n.line === from - 1 || n.line === to + 1)) return (f) => f;
  const unlisted = new RegExp(`${TABLE_DOES_NOT_LIST}( them| it)?`, "g");
  const said = (_: string, them = "") =>
    `the nodes table's rows read do not list${them} (its rows went on in lines ${from}–${to}, which were left out)`;
  return (f) =>
    f.verdict.reason.includes(TABLE_DOES_NOT_LIST)
      ? { ...f, verdict: { ...f.verdict, reason: f.verdict.reason.replace(unlisted, said) } }
      : f;
}

/**
 * What the paste's own outputs gave, each with its line, as the text report and the page say it: what was read, not what
 * each verdict was judged on (review 57d F2: "Judged on" named a bastion's kernel beside a worker's iptables, over a
 * verdict that said the bastion was another machine).
 */
function factLines(d: Diagnosis): string[] {
  const out: string[] = [];
  const at = (line: number | undefined) => (line ? ` (line ${line})` : "");
  const k = d.facts.kernel;
  const read = k ? kernelPackageNote(k) : null;
  const failed = failureKernelNote(d.facts);
  if (k)
    out.push(
      `kernel ${k.release}${read ? ` (${read})` : ""}${k.named ? ` [${namedKernelNote(k)}]` : ""}${at(k.line)}${failed ? `, ${failed}` : ""}`,
    );
  const os = d.facts.os;
  if (os) out.push(`${os.prettyName ?? `${os.id} ${os.versionId ?? ""}`.trim()}${at(os.lines?.[0])}`);
  const ipt = d.facts.iptables;
  if (ipt) out.push(`iptables ${ipt.version}${ipt.backend ? ` (${ipt.backend})` : ""}${at(ipt.line)}`);
  return out;
}

/** The record page when PUBLIC_URL is set; null otherwise (the answer then names the id). */
export function recordUrl(publicUrl: string | undefined, id: string): string | null {
  return publicUrl ? `${publicUrl}/bugs/${encodeURIComponent(id)}` : null;
}
