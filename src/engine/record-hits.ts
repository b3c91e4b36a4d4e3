/**
 * The log hits of one diagnosis, grouped by record: the evidence lines an answer shows (a few per
 * signature, each cut to a readable length) and every line each signature saw, which is what scoring,
 * the witness count and the context search read. A flood of one message is shown five times but
 * counted as what it is: the cap on what is shown must not turn its sixth copy into new evidence.
 */
import type { CompiledKb } from "./compile-kb";
import type { Evidence, LogEvidence } from "./diagnosis";
import { type FoldedText, foldLiteral, foldText, type Hit, requiredLiteralSets, wrappedBefore, wrapWidth } from "./match";
import { type ApproximateHit, resembledSignatureWeight } from "./recall";
import type { RecordSignature } from "./record";
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
   * termination message), the ones the signature's words are in (escapedSegments): `own` where its longest word is (every
   * place), `spans` with the messages its other words reach too (a signature matching across an escape covers both).
   */
  parts?: Map<number, { own: Set<number>; spans: Set<number> }>;
  /** Of a message a paste broke over lines and a reading joined (a wrap, a cut, a YAML fold): its first line's last line. */
  through?: Map<number, number>;
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
  /**
   * A resembling line's weight is at most that of the record's signature it rewords or cuts, if one. A resemblance only
   * lines read joined carry weighs no more than the record's weakest signature (review 71a F1: three messages glued into
   * one resembled the seccomp record at medium 0.51, where its own "RuntimeError: can't start new thread" earns 0.34): the
   * joining is a guess, and the finding is at most what the record's least telling line would have said.
   */
  const resembledCap = (recordId: string, hit: Hit | ApproximateHit) => {
    const terms = "terms" in hit ? hit.terms : undefined;
    const joined = hit.through !== undefined && hit.through > hit.line;
    const record = terms?.length || joined ? kb.records.find((r) => r.id === recordId) : undefined;
    const reworded = (record && terms?.length ? resembledSignatureWeight(kb.recall.lexical, terms, record.signatures) : null) ?? Infinity;
    const weakest = record && joined ? Math.min(...record.signatures.map((s) => s.weight)) : Infinity;
    return Math.min(reworded, weakest);
  };
  const escapesOf = escapesOnce();
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
        ? Math.min(similarWeight("coverage" in hit ? (hit.coverage ?? 0) : 0), resembledCap(recordId, hit))
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
    if (hit.through !== undefined && hit.through > hit.line) {
      sighting.through ??= new Map();
      sighting.through.set(hit.line, hit.through);
    }
    const exactSignature = approximate ? undefined : compiled?.signature;
    const escapes = exactSignature ? escapesOf(hit.line, hit.text) : null;
    if (exactSignature && escapes && !sighting.parts?.has(hit.line)) {
      const parts = partsOf(hit.text, escapes, exactSignature, read);
      if (parts) {
        sighting.parts ??= new Map();
        sighting.parts.set(hit.line, parts);
      }
    }
    const kind = `${recordId}/${signature}/${approximate ?? "exact"}`;
    const count = (shown.get(kind) ?? 0) + 1;
    shown.set(kind, count);
    if (count > LINES_PER_SIGNATURE) continue;
    const text = hit.text.length > MAX_EVIDENCE_CHARS ? aroundMatch(hit.text, exactSignature, read) : hit.text;
    const at = text.length > LONG_LINE && exactSignature ? anchorAt(text, exactSignature, read) : -1;
    const others = exactSignature ? otherCausesOf(exactSignature) : [];
    record.evidence.push({
      kind: "log",
      line: hit.line,
      text,
      signature,
      weight,
      ...(at >= 0 ? { matchAt: at } : {}),
      ...(hit.blockStart !== undefined ? { blockStart: hit.blockStart } : {}),
      ...(approximate ? { approximate } : {}),
      ...(others.length ? { alsoPrintedBy: others } : {}),
    });
  }
  return byRecord;
}

/**
 * The other causes a record names for one signature's line, outside the bug: such a line is the bug's symptom, never alone
 * its proof (review 69a F3: CoreDNS's loop line "alone identifies" systemd-resolved, while the record's own caveat named
 * other causes of it). The record's `unrangedCauses` are not among them: they are this bug's own forms that no range
 * covers, which its title and verdict name (review 69j F5: "other causes" repeated the cause the verdict had just found;
 * 69i F1: kube-proxy's refusal was told as printed by kernels without nft_numgen).
 */
const otherCausesOf = (signature: RecordSignature): string[] => (signature.alsoPrintedBy ?? []).map((c) => c.cause);

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
  // A line a joined message took in is that message's (review 40b: a YAML fold's key line and its next line, each found
  // by another reading, were two witnesses).
  const joinedInto = new Map<number, number>();
  forEachJoinedLine(sightings, (line, first) => joinedInto.set(line, first));
  const messageAt = (line: number) => messageOf(joinedInto.get(line) ?? line);
  const wholeLines = new Set<number>();
  const partLines = new Set<number>();
  const partsSeen = new Set<string>();
  const weights: number[] = [];
  for (const { weight, lines, parts } of [...sightings].sort((a, b) => b.weight - a.weight)) {
    let fresh = false;
    const seen: Array<() => void> = [];
    for (const line of lines) {
      const m = messageAt(line);
      const on = parts?.get(line);
      if (!on) {
        fresh ||= !wholeLines.has(m) && !partLines.has(m);
        seen.push(() => wholeLines.add(m));
        continue;
      }
      fresh ||= !wholeLines.has(m) && [...on.own].some((part) => !partsSeen.has(`${m}:${part}`));
      seen.push(() => {
        partLines.add(m);
        for (const part of on.spans) partsSeen.add(`${m}:${part}`);
      });
    }
    if (fresh) weights.push(weight);
    for (const mark of seen) mark();
  }
  return weights;
}

/** One message of a quoted string that joins several by escaped newlines: [start, end) offsets on its line. */
type Segment = readonly [start: number, end: number];
const NO_SEGMENTS: readonly Segment[] = [];

/**
 * The messages of a line's double-quoted strings that join several by escaped newlines (a JSON value: Ansible's `stderr`,
 * `kubectl -o json`'s termination message; Go's %q), in order: a `\n` after an odd run of backslashes (`\\n` is an
 * escaped backslash before an "n") inside the string. A Windows path (`C:\new\node`) outside a string is none, and a
 * string without a break (Ansible's `stderr_lines` items, repeating `stderr`) holds no message of its own (review 40b).
 * One pass over the line.
 */
function escapedSegments(line: string): readonly Segment[] {
  if (!line.includes("\\n") || !line.includes('"')) return NO_SEGMENTS;
  const segments: Segment[] = [];
  let open = -1;
  let breaks: number[] = [];
  // Only quotes and backslashes matter: jump from one to the next.
  const special = /["\\]/g;
  for (let m = special.exec(line); m; m = special.exec(line)) {
    const i = m.index;
    if (line.charCodeAt(i) === 92) {
      let end = i + 1;
      while (line.charCodeAt(end) === 92) end++;
      // An odd run escapes the character after it: a quote stays inside the string, an "n" is a line break.
      if ((end - i) % 2 === 1 && open >= 0 && line.charCodeAt(end) === 110) breaks.push(end - 1);
      special.lastIndex = (end - i) % 2 === 1 ? end + 1 : end;
      continue;
    }
    if (open < 0) open = i;
    else {
      let from = open;
      for (const b of breaks) {
        segments.push([from, b]);
        from = b;
      }
      if (breaks.length) segments.push([from, i]);
      open = -1;
      breaks = [];
    }
  }
  return segments;
}

/** A line's escaped messages and its lower case, worked out once for all the signatures that hit it. */
interface Escapes {
  segments: readonly Segment[];
  lower: string;
}

const MAX_SEGMENTS = 1000;

/** escapedSegments of the last line asked about (the hits come line by line), null for a line without them. */
function escapesOnce(): (line: number, text: string) => Escapes | null {
  let last = -1;
  let escapes: Escapes | null = null;
  return (line, text) => {
    if (line !== last) {
      last = line;
      const segments = escapedSegments(text);
      // A blob of thousands of joined messages (a dumped log in one JSON value) stays one line: its messages would
      // cost a set entry each per signature, and one witness more or less is not what it needs.
      escapes = segments.length && segments.length <= MAX_SEGMENTS ? { segments, lower: text.toLowerCase() } : null;
    }
    return escapes;
  };
}

/**
 * The messages (segments) of a line a signature's words are in; null when its longest word is in none of them (the line
 * then counts as one message for it).
 */
function partsOf(
  line: string,
  { segments, lower }: Escapes,
  signature: { kind: "literal" | "regex"; pattern: string },
  read: (line: string) => LineSearch,
): { own: Set<number>; spans: Set<number> } | null {
  // The segments are in order and apart: a binary search, however many a long JSON blob holds.
  const partAt = (offset: number) => {
    let lo = 0;
    let hi = segments.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [start, end] = segments[mid] as Segment;
      if (offset < start) hi = mid - 1;
      else if (offset >= end) lo = mid + 1;
      else return mid;
    }
    return -1;
  };
  // A word is looked for as written and with its quotes escaped, as a JSON string holds them (review 40c: a kubectl
  // message's `kind "CustomResourceDefinition"` was found at its first place only).
  const everywhere = (word: string) => {
    const found: number[] = [];
    for (const form of word.includes('"') ? [word, word.replaceAll('"', '\\"')] : [word])
      for (let i = lower.indexOf(form); i >= 0; i = lower.indexOf(form, i + form.length)) {
        const part = partAt(i);
        if (part >= 0) found.push(part);
      }
    return found;
  };
  const words = anchorsOf(signature);
  // Its longest word found, everywhere; else where the scanner's fold finds it (an escaped quote inside it).
  let own: number[] = [];
  for (const word of words) {
    own = everywhere(word);
    if (own.length) break;
  }
  if (!own.length) {
    const at = partAt(anchorAt(line, signature, read));
    if (at < 0) return null;
    own = [at];
  }
  // A match across an escape covers the messages between its longest word and another of its words that its own
  // message lacks; a word every message shares (LTP's `preadv03.c:`, a module's ` [mlx5_core]`) reaches no further
  // (review 40c: it covered the other failure's message and a deserved high was lost).
  const spans = new Set(own);
  for (const word of words) {
    const at = everywhere(word);
    for (const p of own) {
      if (at.includes(p) || !at.length) continue;
      const q = at.reduce((best, x) => (Math.abs(x - p) < Math.abs(best - p) ? x : best));
      for (let k = Math.min(p, q); k <= Math.max(p, q); k++) spans.add(k);
    }
  }
  return { own: new Set(own), spans };
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
  // Undefined until the paste's wrap is worked out, null when it is not wrapped: `??=` would work it out again on every
  // call of an unwrapped paste (a pass over the whole text per line asked about).
  let width: number | null | undefined;
  const memo = new Map<number, number>();
  const clean = (line: number) => {
    const t = lineAt(line);
    return t?.endsWith("\r") ? t.slice(0, -1) : t;
  };
  return (line) => {
    if (width === undefined) width = wrapWidth(text)?.width ?? null;
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

/** Each line a reading joined into a message after its first line (Sighting.through), with that first line. */
function forEachJoinedLine(sightings: readonly Sighting[], visit: (line: number, first: number) => void): void {
  for (const { through } of sightings) for (const [first, last] of through ?? []) for (let l = first + 1; l <= last; l++) visit(l, first);
}

/** Every line the record's signatures saw. */
export const sightedLines = (hits: RecordHits): Set<number> => new Set(hits.sightings.flatMap((s) => [...s.lines]));

/**
 * Every line the record's matched messages take, the lines a reading joined into one included: a context pattern on a
 * folded or wrapped message's last line is that message's own, no second witness (review 40b).
 */
export function matchedLines(hits: RecordHits): Set<number> {
  const lines = sightedLines(hits);
  forEachJoinedLine(hits.sightings, (line) => lines.add(line));
  return lines;
}

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
