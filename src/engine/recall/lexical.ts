/**
 * The lexical fallback: Okapi BM25 over each record's own text (title, summary, root cause, signature
 * patterns and descriptions, positive example logs), queried with one log line at a time. Written here
 * rather than taken from a library (MiniSearch, wink-bm25) because the gate needs the inverse document
 * frequency of every query word (how much of the line's distinctive weight the record explains), which
 * those libraries keep private, and the engine has to stay small and dependency-free in the Worker.
 */
import { isOopsFraming } from "../facts/oops-framing";
import { messageOf } from "../match/normalize-line";
import { driverName } from "./device-drivers";
import { type RecordErrnos, recordErrnos } from "./errno-texts";
import { allDigits, hexId, lineTokens } from "./tokens";

const K1 = 1.2;
const B = 0.75;

const STOP = new Set(
  "a an the of to in on for is are was be been or and with at by as from this that it its into via not no but if then than when while will would can could has have had do does did error failed failure err warning warn info level msg time unable cannot can't".split(
    " ",
  ),
);

const useful = (t: string) => t.length >= 3 && !STOP.has(t) && !allDigits(t) && !hexId(t) && !hasDigitRun(t);

/**
 * Whether a word holds three digits in a row (a pid, a port, a build number glued on), as /\d{3,}/ says,
 * without a regex call: every word of every line a query reads is tested.
 */
function hasDigitRun(t: string): boolean {
  let run = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    run = c >= 48 && c <= 57 ? run + 1 : 0;
    if (run === 3) return true;
  }
  return false;
}

/**
 * Identifiers joined by "-" or "_" (`bridge-nf-call-iptables`, `br_netfilter`, `--set-xmark`) are
 * terms of their own besides their parts: the parts are common words, the compound names one thing.
 * A sysctl written as a key (`net.bridge.bridge-nf-call-iptables`) or as a path
 * (`/proc/sys/net/bridge/bridge-nf-call-iptables`) yields the same compound, "_" and "-" alike. A
 * compound starts where a run of letters and digits starts (the lookbehind): trying every position of
 * a long run again would take quadratic time, and a match found there would be the same one.
 */
const COMPOUND = /(?<![a-z0-9])[a-z0-9]+(?:[-_][a-z0-9]+)+/g;

/**
 * The message of a log line for a query: pipeline framing, klog header and logfmt time/level keys dropped, and nothing of
 * a kernel report's framing (review 70a F1: oops-framing.ts).
 */
function messageText(line: string): string {
  const message = messageOf(line);
  if (isOopsFraming(message)) return "";
  return message.replace(LOGFMT_FRAME, " ").replace(KUBEADM_FRAME, " ").replace(CHILD_FAILED, " ").replace(ALLOC_FRAME, " ");
}
/**
 * The fields the kernel prints after every failed allocation ("page allocation failure: order:0, mode:0xa20(GFP_ATOMIC),
 * nodemask=(null),cpuset=/,mems_allowed=0", warn_alloc since 4.x) say nothing of which allocation failed: the stack below
 * does. Left in, any allocation failure (a NIC's RX refill, a laptop short of memory) resembled the one record whose example
 * quotes the header at medium (review 57c F1).
 */
const ALLOC_FRAME = /\bmode:0x[0-9a-f]+(?:\([^)\n]*\))?(?:,\s*nodemask=[^,\s]*)?(?:,\s*cpuset=[^,\s]*)?(?:,\s*mems_allowed=[\d,-]*)?/gi;
const LOGFMT_FRAME = /\b(?:time|ts|level|lvl)=(?:"[^"]*"|\S+)|\bmsg=/g;
/**
 * kubeadm's framing of any failed phase ("error execution phase preflight: [preflight] Some fatal errors occurred:", and
 * the footer naming --ignore-preflight-errors), which says nothing of which check failed: with it, "Port 6443 is in
 * use" resembled the one record whose example quotes kubeadm's preflight (review 32d).
 */
/**
 * What make says when a command of a target failed ("make[1]: *** [Makefile:10: image] Error 1") names no cause: the
 * cause is in the command's own lines before it. Left in, make's line alone resembled the one record whose example quotes
 * a Makefile, beside the failing command's line that named the cause.
 */
const CHILD_FAILED = /\bmake(?:\[\d+\])?: \*\*\* \[[^\]\n]*\] Error \d+/gi;
const KUBEADM_FRAME =
  /\berror execution phase [\w/-]+:|\[preflight\](?: Some fatal errors occurred:)?|\bIf you know what you are doing, you can make a check non-fatal with `?--ignore-preflight-errors=\.{3}`?/gi;

/** The terms of a text: its useful words and its useful compounds. */
export function lexicalTerms(text: string): string[] {
  const out = lineTokens(text).filter(useful);
  for (const m of text
    .toLowerCase()
    .replace(/\\[ntr]/g, " ")
    .matchAll(COMPOUND)) {
    const c = m[0].replace(/_/g, "-");
    if (c.length >= 6 && /[a-z]{2}/.test(c) && !hasDigitRun(c)) out.push(c);
  }
  return out;
}

export interface LexicalDoc {
  id: string;
  text: string;
  /** Records this one is known to be confused with (its `confused-with` relations, either way). */
  lookAlikes?: readonly string[];
  /** The device drivers whose messages all its signatures are (its `drivers`), if any. */
  drivers?: readonly string[] | undefined;
}

export interface LexicalIndex {
  ids: string[];
  /** Per document: term frequencies. */
  tf: Array<Map<string, number>>;
  length: number[];
  avgLength: number;
  /** Documents containing each term. */
  df: Map<string, number>;
  /** Per document: BM25's length normalisation, K1 * (1 - B + B * length / avgLength). */
  norm: Float64Array;
  /** Per term: the documents holding it and how often (parallel arrays), so a query only visits those. */
  postings: Map<string, { docs: Int32Array; tfs: Float64Array }>;
  /** Per document: the documents of its declared look-alikes. */
  lookAlikes: Array<ReadonlySet<number>>;
  /** By document id: the errno texts it gives, by the messages they end (errno-texts.ts). */
  errnos: ReadonlyMap<string, RecordErrnos>;
  /** By document id: the device drivers whose messages it is about, for those that say (device-drivers.ts). */
  drivers: ReadonlyMap<string, ReadonlySet<string>>;
}

export function buildLexicalIndex(docs: readonly LexicalDoc[]): LexicalIndex {
  const tf: Array<Map<string, number>> = [];
  const length: number[] = [];
  const df = new Map<string, number>();
  for (const d of docs) {
    const counts = new Map<string, number>();
    let n = 0;
    for (const t of lexicalTerms(d.text)) {
      counts.set(t, (counts.get(t) ?? 0) + 1);
      n++;
    }
    for (const t of counts.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    tf.push(counts);
    length.push(n);
  }
  const avgLength = length.reduce((a, b) => a + b, 0) / Math.max(1, length.length);
  const lists = new Map<string, Array<[number, number]>>();
  tf.forEach((counts, d) => {
    for (const [t, f] of counts) {
      const list = lists.get(t);
      if (list) list.push([d, f]);
      else lists.set(t, [[d, f]]);
    }
  });
  const postings = new Map<string, { docs: Int32Array; tfs: Float64Array }>();
  for (const [t, list] of lists) postings.set(t, { docs: Int32Array.from(list, ([d]) => d), tfs: Float64Array.from(list, ([, f]) => f) });
  const norm = Float64Array.from(length, (l) => K1 * (1 - B + (B * l) / avgLength));
  const byId = new Map(docs.map((d, i) => [d.id, i]));
  const lookAlikes = docs.map(() => new Set<number>());
  docs.forEach((d, i) => {
    for (const id of d.lookAlikes ?? []) {
      const j = byId.get(id);
      if (j === undefined || j === i) continue;
      lookAlikes[i]?.add(j);
      lookAlikes[j]?.add(i);
    }
  });
  const errnos = new Map(docs.map((d) => [d.id, recordErrnos(d.text)]));
  const drivers = new Map(docs.flatMap((d) => (d.drivers?.length ? [[d.id, new Set(d.drivers.map(driverName))] as const] : [])));
  return { ids: docs.map((d) => d.id), tf, length, avgLength, df, norm, postings, lookAlikes, errnos, drivers };
}

export interface LexicalMatch {
  id: string;
  score: number;
  /** Share of the line's distinctive weight (IDF of its known words) that the record's text holds. */
  coverage: number;
  /** The distinctive words of the line found in the record. */
  terms: string[];
  /** How many distinct words of the line those terms stand for, a compound's parts included. */
  words: number;
  /** Whether a term is a compound of three or more parts that only this record's text holds, with a rare word beside it (isAnchor). */
  anchored: boolean;
  /** The best other record's score, to tell a clear winner from a tie. */
  runnerUp: number;
}

/** How distinctive a word is across the records' texts (BM25's inverse document frequency). */
export const idf = (index: LexicalIndex, t: string) => {
  const n = index.ids.length;
  const d = index.df.get(t) ?? 0;
  return Math.log(1 + (n - d + 0.5) / (d + 0.5));
};

/**
 * Whether a word can tell records apart: some record's text holds it, and not more than a quarter of them (a word in
 * more explains nothing, and would make every query visit them all).
 */
export function tellsApart(index: LexicalIndex, t: string): boolean {
  const d = index.df.get(t);
  return d !== undefined && d <= Math.max(8, index.ids.length / 4);
}

/** Per-call scratch (queries run one at a time): scores by document, and the documents touched. */
let scratch = new Float64Array(0);
let touchedScratch = new Int32Array(0);

/** The record whose text best explains one log line, with how much of the line it explains. */
export function bestMatch(index: LexicalIndex, line: string): LexicalMatch | null {
  return bestMatchOfText(index, messageText(line));
}

/** The record whose text best explains several log lines together, each read without its framing. */
export function bestMatchOfLines(index: LexicalIndex, lines: readonly string[]): LexicalMatch | null {
  return bestMatchOfText(index, lines.map(messageText).join("\n"));
}

function bestMatchOfText(index: LexicalIndex, text: string): LexicalMatch | null {
  const scored = scoreText(index, text);
  if (!scored) return null;
  const { query, weights, total, touched, count, scores } = scored;
  let best = -1;
  let bestScore = 0;
  const touchedScores = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const d = touched[k] as number;
    const score = scores[d] as number;
    scores[d] = 0;
    touchedScores[k] = score;
    if (score > bestScore || (score === bestScore && best >= 0 && d < best)) {
      bestScore = score;
      best = d;
    }
  }
  if (best < 0) return null;
  const counts = index.tf[best] as Map<string, number>;
  // The runner-up is the best rival. A declared look-alike of the best (a `confused-with` relation) whose words
  // of the line the best holds too, and more, explains nothing the best does not: the line holds what tells
  // them apart (two inotify limits share the word "inotify"; only one prints "too many open files"). Any other
  // record stays a rival: that a record's text holds every word of a line is no sign it is the line's cause.
  let second = 0;
  const lookAlikes = index.lookAlikes[best];
  for (let k = 0; k < count; k++) {
    const d = touched[k] as number;
    const score = touchedScores[k] as number;
    if (d === best || score <= second) continue;
    if (lookAlikes?.has(d)) {
      const other = index.tf[d] as Map<string, number>;
      const ownWord = query.some((t) => other.has(t) && !counts.has(t));
      const bestHasMore = query.some((t) => counts.has(t) && !other.has(t));
      if (!ownWord && bestHasMore) continue;
    }
    second = score;
  }
  const terms = query.filter((t) => counts.has(t));
  const explained = query.reduce((s, t, q) => (counts.has(t) ? s + (weights[q] as number) : s), 0);
  const words = new Set(terms.flatMap((t) => t.split("-"))).size;
  const anchored = terms.some((t) => isAnchor(index, t, terms));
  return {
    id: index.ids[best] as string,
    score: bestScore,
    coverage: total ? explained / total : 0,
    terms,
    words,
    anchored,
    runnerUp: second,
  };
}

/**
 * Whether a shared term anchors a line to the record: a compound of three or more parts that only this record's text holds,
 * beside another shared word few records hold (not one of the compound's parts, nor its "_" spelling). A compound made of
 * generic words names a setting, not the fault (review 70a F6: "systemd.unified_cgroup_hierarchy=1, 'kubeadm init'
 * failed", a sentence retelling a 2023 kubelet's failure, named the pre-cgroup-v2 runtime record, which alone quotes the
 * setting, beside the report's quoted error that it did not explain).
 */
function isAnchor(index: LexicalIndex, t: string, terms: readonly string[]): boolean {
  if (t.split("-").length < 3 || index.df.get(t) !== 1) return false;
  const parts = t.split("-");
  return terms.some(
    (o) => o !== t && o.replace(/_/g, "-") !== t && !parts.includes(o) && (index.df.get(o) ?? Infinity) <= ANCHOR_COMPANION_DF,
  );
}
/** How many records may hold the word an anchor needs beside it: as few as a word that tells records apart at the least. */
const ANCHOR_COMPANION_DF = 8;

/** One record of a ranking: its score and the query's terms its text holds, rarest first. */
export interface RankedDoc {
  id: string;
  score: number;
  terms: string[];
}

/** How a ranking reads its query: by default as a report's text, as a search's few words with `search`. */
export interface RankOptions {
  /**
   * A search's words: one word ranks (a report needs two words that tell records apart), and words in
   * many records still count, with their low weight (in a report they would make every query visit
   * them all; a search is a few words a person chose).
   */
  search?: boolean;
}

/**
 * The `limit` records whose text best explains a text, best first (ties by index order). `rarity`, an
 * index over more of the same records' text, judges how distinctive each word is: a short text (a
 * description) rarely uses everyday words, which would make them look distinctive.
 */
export function rankText(index: LexicalIndex, text: string, limit: number, rarity = index, opts: RankOptions = {}): RankedDoc[] {
  const scored = scoreText(index, text, rarity, opts);
  if (!scored) return [];
  const { query, weights, touched, count, scores } = scored;
  const ranked: Array<{ d: number; score: number }> = [];
  for (let k = 0; k < count; k++) {
    const d = touched[k] as number;
    ranked.push({ d, score: scores[d] as number });
    scores[d] = 0;
  }
  ranked.sort((a, b) => b.score - a.score || a.d - b.d);
  const rarest = query.map((t, q) => ({ t, w: weights[q] as number })).sort((a, b) => b.w - a.w || a.t.localeCompare(b.t));
  return ranked.slice(0, limit).map(({ d, score }) => {
    const counts = index.tf[d] as Map<string, number>;
    return { id: index.ids[d] as string, score, terms: rarest.filter(({ t }) => counts.has(t)).map(({ t }) => t) };
  });
}

/**
 * BM25 of every record holding a word of the text (each word weighted by its rarity in `rarity`),
 * accumulated in the shared scratch array (the
 * caller reads `scores` at the `touched` documents and resets them to 0); null when the text has
 * fewer than two words that tell records apart.
 */
function scoreText(index: LexicalIndex, text: string, rarity = index, opts: RankOptions = {}) {
  const query = [...new Set(lexicalTerms(text))].filter((t) => (opts.search ? index.df.has(t) : tellsApart(index, t)));
  if (query.length < (opts.search ? 1 : 2)) return null;
  const weights = query.map((t) => idf(rarity, t));
  const total = weights.reduce((a, b) => a + b, 0);
  // Scores accumulate in a scratch array; `touched` lists the documents in the order first reached.
  const n = index.ids.length;
  if (scratch.length < n) {
    scratch = new Float64Array(n);
    touchedScratch = new Int32Array(n);
  }
  const scores = scratch;
  const touched = touchedScratch;
  let count = 0;
  for (let q = 0; q < query.length; q++) {
    const list = index.postings.get(query[q] as string);
    if (!list) continue;
    const w = weights[q] as number;
    const { docs, tfs } = list;
    for (let k = 0; k < docs.length; k++) {
      const d = docs[k] as number;
      const f = tfs[k] as number;
      const prev = scores[d] as number;
      if (prev === 0) touched[count++] = d;
      scores[d] = prev + w * ((f * (K1 + 1)) / (f + (index.norm[d] as number)));
    }
  }
  return { query, weights, total, touched, count, scores };
}
