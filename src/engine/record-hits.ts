/**
 * The log hits of one diagnosis, grouped by record: the evidence lines an answer shows (a few per
 * signature, each cut to a readable length) and every line each signature saw, which is what scoring,
 * the witness count and the context search read. A flood of one message is shown five times but
 * counted as what it is: the cap on what is shown must not turn its sixth copy into new evidence.
 */
import type { CompiledKb } from "./compile-kb";
import type { Evidence, LogEvidence } from "./diagnosis";
import { type FoldedText, foldLiteral, foldText, type Hit, requiredLiteralSets, wrappedBefore, wrapWidth } from "./match";
import type { ApproximateHit } from "./recall";
import { SIMILAR_SIGNATURE, similarWeight, tokenWeight } from "./score";

/** Evidence lines kept per signature: enough to show a pattern, not a whole flood. */
const LINES_PER_SIGNATURE = 5;
/** A pasted line can be megabytes long (a JSON log record, a containerd line): evidence shows this much of it. */
const MAX_EVIDENCE_CHARS = 4000;
/** Past this length a door may shorten a line (the text report shows 240 characters): say where the match is. */
const LONG_LINE = 200;

/** Every line (1-based) one signature saw for a record, however many the evidence shows. */
export interface Sighting {
  signature: string;
  weight: number;
  approximate?: "tokens" | "similar";
  lines: Set<number>;
  /**
   * Of a line holding several messages joined by escaped newlines (a JSON string: Ansible's `stderr`, `kubectl -o json`'s
   * termination message), which of them the signature matched (0-based, by the `\n` escapes before its words).
   */
  parts?: Map<number, Set<number>>;
}

export interface RecordHits {
  /** What the answer shows: at most LINES_PER_SIGNATURE lines per signature. */
  evidence: LogEvidence[];
  /** What the answer weighs: all of them. */
  sightings: Sighting[];
}

export function groupHits(kb: CompiledKb, hits: ReadonlyArray<Hit | ApproximateHit>): Map<string, RecordHits> {
  const byRecord = new Map<string, RecordHits>();
  // A reworded line of a signature is that signature's message again: one sighting, exact or not.
  const bySignature = new Map<string, Sighting>();
  const shown = new Map<string, number>();
  const read = searchOnce();
  for (const hit of hits) {
    const approximate = "approximate" in hit ? hit.approximate : undefined;
    const compiled = approximate === "similar" ? undefined : kb.signatures.get(hit.key);
    const recordId = approximate === "similar" ? ("recordId" in hit ? hit.recordId : undefined) : compiled?.record.id;
    if (!recordId) continue;
    // Resemblance only speaks for records that nothing more precise found.
    if (approximate === "similar" && byRecord.has(recordId)) continue;
    const signature = compiled?.signature.id ?? SIMILAR_SIGNATURE;
    const weight =
      approximate === "similar"
        ? similarWeight("coverage" in hit ? (hit.coverage ?? 0) : 0)
        : approximate === "tokens"
          ? tokenWeight(compiled?.signature.weight ?? 0)
          : (compiled?.signature.weight ?? 0);
    const record = byRecord.get(recordId) ?? { evidence: [], sightings: [] };
    byRecord.set(recordId, record);
    let sighting = bySignature.get(`${recordId}/${signature}`);
    if (!sighting) {
      sighting = { signature, weight, lines: new Set(), ...(approximate ? { approximate } : {}) };
      bySignature.set(`${recordId}/${signature}`, sighting);
      record.sightings.push(sighting);
    }
    sighting.lines.add(hit.line);
    const exactSignature = approximate ? undefined : compiled?.signature;
    if (exactSignature && hit.text.includes(ESCAPED_NEWLINE)) {
      const part = escapedPartAt(hit.text, anchorAt(hit.text, exactSignature, read));
      sighting.parts ??= new Map();
      const parts = sighting.parts.get(hit.line);
      if (parts) parts.add(part);
      else sighting.parts.set(hit.line, new Set([part]));
    }
    const kind = `${recordId}/${signature}/${approximate ?? "exact"}`;
    const count = (shown.get(kind) ?? 0) + 1;
    shown.set(kind, count);
    if (count > LINES_PER_SIGNATURE) continue;
    const text = hit.text.length > MAX_EVIDENCE_CHARS ? aroundMatch(hit.text, exactSignature, read) : hit.text;
    const at = text.length > LONG_LINE && exactSignature ? anchorAt(text, exactSignature, read) : -1;
    record.evidence.push({
      kind: "log",
      line: hit.line,
      text,
      signature,
      weight,
      ...(at >= 0 ? { matchAt: at } : {}),
      ...(hit.blockStart !== undefined ? { blockStart: hit.blockStart } : {}),
      ...(approximate ? { approximate } : {}),
    });
  }
  return byRecord;
}

/**
 * One weight per signature that saw a message no stronger signature saw: two patterns matching the same
 * message are one piece of evidence, not two, and a repeated message counts once. `messageOf` names a line's
 * message by its first line (messageStarts): one message over several lines (a terminal's wrap) is one.
 */
export function independentWeights(sightings: readonly Sighting[], messageOf: (line: number) => number = (l) => l): number[] {
  // One signature is one weight whatever its lines: no message to work out (messageOf may read the whole paste).
  if (sightings.length < 2) return sightings.map((s) => s.weight);
  // A message is a line's (its first line's), or one of the messages a line joins by escaped newlines (review 39a: two of
  // them inside Ansible's `stderr` counted as one, and a finding high in the plain log was medium there). A sighting
  // whose part of a line is not known covers the whole line.
  const wholeLines = new Set<number>();
  const partLines = new Set<number>();
  const partsSeen = new Set<string>();
  const weights: number[] = [];
  for (const { weight, lines, parts } of [...sightings].sort((a, b) => b.weight - a.weight)) {
    const messages = [...lines].flatMap((line) => {
      const m = messageOf(line);
      const on = parts?.get(line);
      return on ? [...on].map((part): [number, number] => [m, part]) : [[m, -1] as [number, number]];
    });
    const fresh = messages.some(([m, part]) => !wholeLines.has(m) && (part < 0 ? !partLines.has(m) : !partsSeen.has(`${m}:${part}`)));
    if (fresh) weights.push(weight);
    for (const [m, part] of messages) {
      if (part < 0) wholeLines.add(m);
      else {
        partLines.add(m);
        partsSeen.add(`${m}:${part}`);
      }
    }
  }
  return weights;
}

const ESCAPED_NEWLINE = "\\n";

/** Which of a line's messages joined by escaped newlines holds the offset (0 when unknown or the first). */
function escapedPartAt(line: string, at: number): number {
  let part = 0;
  for (let i = line.indexOf(ESCAPED_NEWLINE); i >= 0 && i < at; i = line.indexOf(ESCAPED_NEWLINE, i + 2)) part++;
  return part;
}

/** How far above a line the first line of its message is looked for. */
const MAX_MESSAGE_LINES = 50;

/**
 * The first line of the message each log line belongs to, in a paste wrapped at a fixed width (a terminal's or a mail
 * client's wrap, wrapWidth): a line the wrap broke off continues the line above it. Review 39a: a message wrapped at
 * 80 columns matched two signatures on two of its lines and counted as two witnesses, so it reached high, which one
 * message never does. In a paste that is not wrapped each line is a message: a program's unframed stderr line after its
 * framed log line ("Error: write …: operation not supported") is one of its own.
 */
export function messageStarts(text: string, lineAt: (line: number) => string | undefined): (line: number) => number {
  let width: number | null | undefined;
  const memo = new Map<number, number>();
  const clean = (line: number) => {
    const t = lineAt(line);
    return t?.endsWith("\r") ? t.slice(0, -1) : t;
  };
  return (line) => {
    width ??= wrapWidth(text)?.width ?? null;
    if (width === null) return line;
    const known = memo.get(line);
    if (known !== undefined) return known;
    let start = line;
    for (let k = line; k > Math.max(1, line - MAX_MESSAGE_LINES); k--) {
      const above = clean(k - 1);
      const here = clean(k);
      if (above === undefined || here === undefined || !wrappedBefore(above, here, width)) break;
      start = k - 1;
    }
    memo.set(line, start);
    return start;
  };
}

/** Every line the record's signatures saw. */
export const sightedLines = (hits: RecordHits): Set<number> => new Set(hits.sightings.flatMap((s) => [...s.lines]));

/** How many distinct lines (of each host, in the hosts form) a finding's log evidence shows. */
export const shownLogLines = (evidence: readonly Evidence[]): number =>
  new Set(evidence.flatMap((e) => (e.kind === "log" ? [`${e.host ?? ""}\n${e.line}`] : []))).size;

/**
 * A line longer than MAX_EVIDENCE_CHARS, cut to the part the signature matched, with "…" where text was left
 * out: its start would show 4000 characters of a JSON record's other fields and not the words that decided.
 * The match is placed by the signature's fixed words (anchorAt): never a regex over a line megabytes long for
 * each of its signatures. A line a reworded or resembling reading found, or whose words are not in it as
 * written, shows its start.
 */
function aroundMatch(
  line: string,
  signature: { kind: "literal" | "regex"; pattern: string } | undefined,
  read: (line: string) => LineSearch,
): string {
  const start = signature ? anchorAt(line, signature, read) : -1;
  if (start < 0) return `${line.slice(0, MAX_EVIDENCE_CHARS)}…`;
  const from = Math.max(0, Math.min(start - Math.floor(MAX_EVIDENCE_CHARS / 2), line.length - MAX_EVIDENCE_CHARS));
  const to = Math.min(line.length, from + MAX_EVIDENCE_CHARS);
  return `${from > 0 ? "…" : ""}${line.slice(from, to)}${to < line.length ? "…" : ""}`;
}

/**
 * Where the signature's fixed words start in the line (0-based, in the line as written): the longest of the
 * words every match holds (a literal itself; of a regex, its required literals, regex-literals.ts) found in
 * the line read as the scanner reads it, the earliest of equals; -1 when none is there.
 */
function anchorAt(line: string, signature: { kind: "literal" | "regex"; pattern: string }, read: (line: string) => LineSearch): number {
  const search = read(line);
  let best = "";
  let at = -1;
  // Longest first: once one is found, only words as long can still win.
  for (const anchor of anchorsOf(signature)) {
    if (anchor.length < best.length) break;
    const i = search(anchor);
    if (i >= 0 && (at < 0 || i < at)) [best, at] = [anchor, i];
  }
  return at;
}

/** Where a folded word is in one line, as an offset in the line as written; -1 when it is not there. */
type LineSearch = (word: string) => number;

/**
 * A line's search, remembered for the next calls: a long line's evidence is cut once per signature that matched
 * it, and its cut text then read too (two entries, most recent first, so a long line stays while its cuts come
 * and go). One per grouping, so no line outlives the diagnosis that read it. The native lower case answers
 * first (a line whose lower case is as long has the same offsets); the scanner's fold, which drops CRs and
 * backslashes (an escaped `\"flannel\"`) and maps offsets back, only for a word that is not found so.
 */
function searchOnce(): (line: string) => LineSearch {
  let recent: Array<{ line: string; search: LineSearch }> = [];
  return (line) => {
    const hit = recent.find((r) => r.line === line);
    if (hit) {
      recent = [hit, ...recent.filter((r) => r !== hit)];
      return hit.search;
    }
    const lower = line.toLowerCase();
    const plain = lower.length === line.length;
    let folded: FoldedText | null = null;
    const search: LineSearch = (word) => {
      const i = plain ? lower.indexOf(word) : -1;
      if (i >= 0) return i;
      folded ??= foldText(line);
      const j = folded.text.indexOf(word);
      return j < 0 ? -1 : folded.written(j);
    };
    recent = [{ line, search }, ...recent.slice(0, 1)];
    return search;
  };
}

const anchors = new Map<string, readonly string[]>();
/**
 * A signature's fixed words, folded as the scanner reads them, longest first, of four characters or more (shorter ones are found anywhere): a
 * literal itself; of a regex, the literals every match holds one of (`unknown option "--xor-mark"` of `…v1\.8\.\d+
 * \(nf_tables\): unknown option "--xor-mark"`), as the scanner's prefilter reads them.
 */
function anchorsOf(signature: { kind: "literal" | "regex"; pattern: string }): readonly string[] {
  let found = anchors.get(signature.pattern);
  if (found === undefined) {
    const words = signature.kind === "literal" ? [foldLiteral(signature.pattern)] : requiredLiteralSets(signature.pattern, 4).flat();
    found = [...new Set(words.filter((w) => w.length >= 4))].sort((a, b) => b.length - a.length);
    anchors.set(signature.pattern, found);
  }
  return found;
}
