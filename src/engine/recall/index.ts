/**
 * The recall tier below exact signatures. Token signatures (derived from every exact signature) find
 * the same message in other words around the same distinctive ones; the lexical fallback finds the
 * record whose own text best explains an error line nothing else explained. Both only bring a record
 * in as a hedged finding: its score is capped below "high" (see score.ts), so a clean log never
 * produces a high finding from them.
 */
import { isLogFramed, isLogFramedAt } from "../facts/log-framing";
import { isOopsFraming } from "../facts/oops-framing";
import { isWarning } from "../log-level";
import type { Hit } from "../match";
import { logicalLines, messageOf, unframe } from "../match/normalize-line";
import { endsInErrno, errnoDiffers, signatureErrnos } from "./errno-texts";
import { CUT, isFailure, isInformational, mayFail, WARNED } from "./failure-lines";
import { buildLexicalIndex, type LexicalIndex, type LexicalMatch } from "./lexical";
import { errnosAllow, lineResemblance, MAX_REPORT_LINES, reportResemblance } from "./resemblance";
import {
  contradictsNumbers,
  ELLIPSIS,
  endsInCutEscape,
  endsInWord,
  isChoice,
  lineTokens,
  MIN_TOKENS,
  matchTokens,
  mayBeKey,
  type StemKeyFilter,
  signatureNumbers,
  signatureTokens,
  stem,
  stemKeyFilter,
  type TokenSignature,
  WILD,
} from "./tokens";
import { forEachWindowLine, newlinesFrom } from "./window-lines";

export { closestRecords, reportLines } from "./closest";
export { FAILURE_MARKERS } from "./failure-lines";
export { lexicalTerms } from "./lexical";
export { resembledSignature, resembledSignatureWeight } from "./resemblance";
export { lineTokens, matchTokens, signatureTokens } from "./tokens";

/** The parts of a record the recall tier reads (a structural subset of the knowledge base's record). */
export interface RecallRecord {
  id: string;
  title: string;
  summary: string;
  rootCause: string;
  signatures: ReadonlyArray<{ id: string; kind: "literal" | "regex"; pattern: string; description?: string | undefined }>;
  examples: ReadonlyArray<{ log: string; expect: string }>;
  relations?: ReadonlyArray<{ id: string; kind: string }> | undefined;
  drivers?: readonly string[] | undefined;
}

export interface RecallTables {
  tokenSignatures: TokenSignature[];
  /** Anchor word → indexes into tokenSignatures. */
  byAnchor: Map<string, number[]>;
  /** The words that may select something in byAnchor (as themselves or by their stem). */
  anchorFilter: StemKeyFilter;
  lexical: LexicalIndex;
  /** BM25 over each record's description (title, summary, root cause): the closest records to a report nothing matched. */
  descriptions: LexicalIndex;
}

const MIN_ANCHOR = 4;
const MAX_ANCHOR_SHARE = 8;
/** Bounds on the work one diagnosis may do in the recall tier, whatever the size of the log. */
const MAX_LEXICAL_LINES = 60;
/** Lines of one quoted message judged on their own (an installer's stderr is a few lines). */
const MAX_QUOTED_LINES = 20;

/**
 * `symptomText` gives what of an example log the lexical fallback reads (the whole log by default):
 * the knowledge base leaves out the lines only a record's context signatures match (control-plane pods
 * in CrashLoopBackOff), which every other cause prints too and so would draw healthy traffic to it.
 */
export function compileRecall(
  records: readonly RecallRecord[],
  keyOf: (recordId: string, signatureId: string) => string,
  symptomText: (record: RecallRecord, log: string) => string = (_, log) => log,
): RecallTables {
  const raw = records.flatMap((r) => {
    const warnings = warningLines(r);
    return r.signatures.map((s) => {
      const numbers = signatureNumbers(s.kind, s.pattern);
      const tokens = signatureTokens(s.kind, s.pattern);
      const warns = warnings.some((words) => matchTokens(tokens, words));
      const errnos = signatureErrnos(s.kind, s.pattern);
      return {
        key: keyOf(r.id, s.id),
        record: r.id,
        tokens,
        ...(numbers.length ? { numbers } : {}),
        ...(warns ? { warns } : {}),
        ...(errnos.length ? { errnos } : {}),
      };
    });
  });
  const usable = raw.filter((t) => t.tokens.filter((w) => w !== WILD).length >= MIN_TOKENS);
  // How many token signatures use each word: anchors are the rarest, so few lines are tried.
  const df = new Map<string, number>();
  for (const t of usable) for (const w of new Set(t.tokens)) if (w !== WILD && !isChoice(w)) df.set(w, (df.get(w) ?? 0) + 1);
  const tokenSignatures: TokenSignature[] = usable.map((t) => {
    const anchors = [...new Set(t.tokens)]
      .filter((w) => w.length >= MIN_ANCHOR && !isChoice(w))
      .sort((a, b) => (df.get(a) ?? 0) - (df.get(b) ?? 0) || b.length - a.length || a.localeCompare(b))
      .slice(0, 2);
    return {
      key: t.key,
      record: t.record,
      tokens: t.tokens,
      anchors,
      ...(t.numbers ? { numbers: t.numbers } : {}),
      ...(t.warns ? { warns: true as const } : {}),
      ...(t.errnos ? { errnos: t.errnos } : {}),
    };
  });
  // An anchor shared by many signatures selects nothing: those signatures stay exact-only, so a line
  // never costs more than a handful of token matches.
  const byAnchor = new Map<string, number[]>();
  tokenSignatures.forEach((t, i) => {
    for (const a of t.anchors) {
      if ((df.get(a) ?? 0) > MAX_ANCHOR_SHARE) continue;
      // Keyed by the word's stem too, so another grammatical form of an anchor still selects it.
      for (const key of new Set([a, stem(a)])) byAnchor.set(key, [...(byAnchor.get(key) ?? []), i]);
    }
  });
  const lexical = buildLexicalIndex(
    records.map((r) => ({
      id: r.id,
      text: [
        r.title,
        r.summary,
        r.rootCause,
        ...r.signatures.flatMap((s) => [s.pattern, s.description ?? ""]),
        ...r.examples.filter((e) => e.expect !== "absent").map((e) => symptomText(r, e.log).slice(0, 8000)),
      ].join("\n"),
      lookAlikes: (r.relations ?? []).filter((rel) => rel.kind === "confused-with").map((rel) => rel.id),
      drivers: r.drivers,
    })),
  );
  const descriptions = buildLexicalIndex(records.map((r) => ({ id: r.id, text: [r.title, r.summary, r.rootCause].join("\n") })));
  return { tokenSignatures, byAnchor, anchorFilter: stemKeyFilter(byAnchor.keys()), lexical, descriptions };
}

/**
 * The words of each line of a record's own examples (those showing the bug) whose framing says it warns: a token signature
 * holding one is a warning's, and reads warnings; any other is the failure's (see refusesWording).
 */
function warningLines(r: RecallRecord): string[][] {
  return r.examples.flatMap((e) => (e.expect === "absent" ? [] : e.log.split("\n").filter(isWarning).map(lineTokens)));
}

/**
 * Whether a line's wording says it is the softer message a token signature's failure grew out of (review 70d F1): a
 * warning where the signature is only ever a failure's in its record's examples (a pre-23 dockerd warning "The \"graph\"
 * config file option is deprecated. Please use \"data-root\"" read as Docker 23 refusing the key), or a message that says
 * "deprecated" where the signature does not (a deprecation notice read as the removal). Framing before the message
 * ("[DEPRECATION NOTICE] …") is no part of its wording.
 */
function refusesWording(sig: TokenSignature, words: readonly string[], warns: boolean): boolean {
  if (warns && !sig.warns) return true;
  if (sig.tokens.some(deprecationWord)) return false;
  const first = sig.tokens.find((t) => t !== WILD && !isChoice(t));
  const from = first === undefined ? 0 : words.findIndex((w) => w === first || stem(w) === stem(first));
  return from >= 0 && words.slice(from).some(deprecationWord);
}
const deprecationWord = (w: string) => w.startsWith("deprecat");

export interface ApproximateHit extends Hit {
  approximate: "tokens" | "similar";
  /** For "similar": the record it resembles, how much of the line it explains, and the shared words. */
  recordId?: string;
  coverage?: number;
  terms?: string[];
}

/** What the matcher's pass already knows about the lines, for the recall tier to use. */
export interface RecallScan {
  /** 0-based lines holding a FAILURE_MARKERS literal: the failure tests are spared on the others. */
  marked?: Uint8Array | null;
  /**
   * Whether one of the record's refuting signatures held the line's literals but refused it (its regex
   * says the state the line reports is not the bug's): the line then resembles that record only by
   * accident of shared words.
   */
  refusedBy?: (line: number, recordId: string) => boolean;
  /**
   * Whether a line of the report is another fault's by one of the record's own signatures (its `unless`: the IPv4 tool
   * printing the IPv6 bug's words): the report's words are then that fault's, and the report, or a line of it, resembles
   * the record only through them. Token signatures, ordered words of the record's own messages, still count.
   */
  otherFault?: (recordId: string) => boolean;
  /**
   * Whether another line of the report doubts the signature (its `doubtedBy`): its reworded form is no evidence either
   * (review 68g F4: promtail's logfmt fsnotify line beside the process's own EMFILE on accept4 and open).
   */
  doubted?: (signatureKey: string) => boolean;
  /** Whether a line sharing these words with the record resembles one of its signatures another line doubts. */
  doubtedResemblance?: (recordId: string, terms: readonly string[]) => boolean;
}

/**
 * The recall tier over one log: on each failure line (or a line cut by an ellipsis), the token
 * signatures whose anchor words it holds and whose exact signature did not match it; then, for a
 * failure line nothing explained, the record whose text best explains it, unless one of that record's
 * refuting signatures refused the line. Only the first and last 128 KB of a large log are read (see
 * window-lines.ts), so the work is bounded whatever the log's size.
 */
export function recallHits(
  tables: RecallTables,
  text: string,
  exact: readonly Hit[],
  isLog: (line: number) => boolean,
  {
    marked = null,
    refusedBy = () => false,
    otherFault = () => false,
    doubted = () => false,
    doubtedResemblance = () => false,
  }: RecallScan = {},
): ApproximateHit[] {
  const exactOn = new Set(exact.map((h) => `${h.key}\n${h.line}`));
  const lastLine = lastFilledLine(text, marked?.length ?? 0);
  const explained = new Set(exact.map((h) => h.line));
  // The later parts of a message a paste cut over lines: the exact tier read it whole, at its first line.
  const partsRead = new Set(
    exact.flatMap((h) => (h.through === undefined ? [] : Array.from({ length: h.through - h.line }, (_, k) => h.line + 1 + k))),
  );
  const tokens: ApproximateHit[] = [];
  const similar: ApproximateHit[] = [];
  let tried = 0;
  // The token signatures a word (or its stem) anchors, looked up once per distinct word of the log.
  const anchored = new Map<string, readonly number[]>();
  const anchoredBy = (w: string): readonly number[] => {
    if (!mayBeKey(tables.anchorFilter, w)) return NONE;
    let found = anchored.get(w);
    if (!found) {
      const own = tables.byAnchor.get(w);
      const root = stem(w);
      const viaRoot = root !== w ? tables.byAnchor.get(root) : undefined;
      found = own && viaRoot ? [...own, ...viaRoot] : (own ?? viaRoot ?? NONE);
      anchored.set(w, found);
    }
    return found;
  };
  /**
   * The token signatures a line holds. `byNumbers`: the records one of whose signatures held the line's words but not its
   * number (another limit or version: another message, which no resemblance to that record brings back); `numbered`: a
   * signature's numbers were read, so a line repeating this wording with other numbers is judged again.
   */
  const tokenMatches = (text: string, nothingFollows = false): TokenJudgement => {
    const words = lineTokens(text);
    const candidates = new Set<number>();
    for (const w of words) for (const i of anchoredBy(w)) candidates.add(i);
    const at = words.indexOf(ELLIPSIS);
    const open = endsInWord(text) || (nothingFollows && endsInCutEscape(text));
    const held: number[] = [];
    const cutAfterWord: number[] = [];
    let warns: boolean | undefined;
    let byNumbers: Set<string> | undefined;
    let numbered = false;
    for (const i of candidates) {
      const sig = tables.tokenSignatures[i] as TokenSignature;
      // Most candidates fail: one call decides that; only a match is asked whether it needed the cut.
      if (!matchTokens(sig.tokens, words, at, open, nothingFollows)) continue;
      if (sig.numbers) {
        numbered = true;
        if (contradictsNumbers(sig.numbers, words)) {
          byNumbers ??= new Set();
          byNumbers.add(sig.record);
          continue;
        }
      }
      warns ??= isWarning(text);
      if (refusesWording(sig, words, warns) || errnoDiffers(sig.errnos, text)) continue;
      if (!open || matchTokens(sig.tokens, words, at)) held.push(i);
      else cutAfterWord.push(i);
    }
    // A line that could be cut from the messages of two records says only what they share: the part the
    // cut dropped (a flag's or a table's name) was what told them apart. Nor does a cut reading stand
    // beside another record's signature that the line holds whole.
    const recordOf = (i: number) => (tables.tokenSignatures[i] as TokenSignature).record;
    const cutRecords = new Set(cutAfterWord.map(recordOf));
    const heldRecords = new Set(held.map(recordOf));
    const heldByOthers = (r: string) => heldRecords.size > (heldRecords.has(r) ? 1 : 0);
    const sigs = cutRecords.size > 1 ? held : [...held, ...cutAfterWord.filter((i) => !heldByOthers(recordOf(i)))];
    return { sigs, byNumbers: byNumbers ?? NO_RECORDS, numbered };
  };
  const resemblance = (l: string): LexicalMatch | null => {
    tried++;
    const whole = lineResemblance(tables.lexical, l);
    if (whole || !l.includes("\\n")) return whole;
    // A message quoted inside another (an installer's JSON holding a tool's stderr) keeps its own lines
    // as escaped newlines: read whole, the failure is diluted by its neighbours, so each line is judged.
    for (const part of logicalLines(l).slice(0, MAX_QUOTED_LINES)) {
      if (tried >= MAX_LEXICAL_LINES) break;
      if (!isFailure(part) || isInformational(part) || isWarning(part)) continue;
      tried++;
      const m = lineResemblance(tables.lexical, part);
      if (m) return m;
    }
    return null;
  };
  /** `through`: the last line of a message read joined over lines (a resemblance only the joined lines carry). */
  const pushSimilar = (m: LexicalMatch, line: number, l: string, through?: number) =>
    similar.push({
      key: m.id,
      line,
      text: l,
      approximate: "similar",
      recordId: m.id,
      coverage: m.coverage,
      terms: m.terms,
      ...(through === undefined ? {} : { through }),
    });
  /**
   * Whether `m` may stand for `lines` lines from `line` on: its record refuted none of them, and none of its signatures
   * showed a line of the report to be another fault's (the IPv4 tool's lines around the one refused share its words).
   */
  const allowed = (m: LexicalMatch | null | undefined, line: number, lines = 1, byNumbers = NO_RECORDS): m is LexicalMatch => {
    if (!m || otherFault(m.id) || doubtedResemblance(m.id, m.terms) || byNumbers.has(m.id)) return false;
    for (let k = 0; k < lines; k++) if (refusedBy(line + k, m.id)) return false;
    return true;
  };
  /** Failure lines nothing explained, one per wording: the whole report's last resort. */
  const unexplained: Array<{ line: number; text: string }> = [];
  /** The log's lines while it is short: a short report without a word of failure is all evidence. */
  const shortReport: Array<{ line: number; text: string }> = [];
  // Logs repeat one message with other numbers: judge each distinct wording once (its token signatures again where their
  // numbers were read: the numbers are what differs).
  const seen = new Map<string, TokenJudgement & { similar: LexicalMatch | null | undefined; queued?: boolean }>();
  /** Records a signature refused by its numbers on a line of the report: the report's last-resort resemblance skips them. */
  const numberRefused = new Set<string>();
  /**
   * Whether no line carries on from this one: the paste's last, or one followed by a message of its own (a line opening
   * with a log framing: a timestamp, a klog header). A line cut short there stays cut, as at the paste's end: a report's
   * excerpt that stopped mid-message, with another report's log after it, is a two-report paste's first part.
   */
  const nothingFollows = (line: number, next: number) => {
    if (line === lastLine) return true;
    if (next < 0) return false;
    const end = text.indexOf("\n", next);
    return isLogFramedAt(text, next, end < 0 ? text.length : end);
  };
  /**
   * How the line was explained: a signature (exact or tokens), a resemblance, nothing; null past the work bound. `next`:
   * where the following line starts (-1: none).
   */
  const judgeLine = (l: string, line: number, failure: boolean, next: number): "signature" | "similar" | "none" | null => {
    if (partsRead.has(line)) return "signature";
    // A line nothing carries on from may be cut where another line would be wrapped: judged apart.
    const closed = nothingFollows(line, next);
    const key = closed ? `${l.replace(DIGITS, "#")}\n` : l.replace(DIGITS, "#");
    let judged = seen.get(key);
    let here: TokenJudgement | undefined;
    if (!judged) {
      // Past this many distinct wordings the tier stops: the work stays bounded on any log.
      if (seen.size >= MAX_DISTINCT_LINES) return null;
      here = tokenMatches(l, closed);
      judged = { ...here, similar: undefined };
      seen.set(key, judged);
    } else here = judged.numbered ? tokenMatches(l, closed) : judged;
    for (const r of here.byNumbers) numberRefused.add(r);
    let matched = false;
    for (const i of here.sigs) {
      const sig = tables.tokenSignatures[i] as TokenSignature;
      // A refuting signature of the record judged this very line not its symptom: a looser reading may not overrule it.
      if (exactOn.has(`${sig.key}\n${line}`) || refusedBy(line, sig.record) || doubted(sig.key)) continue;
      tokens.push({ key: sig.key, line, text: l, approximate: "tokens" });
      matched = true;
    }
    if (matched || explained.has(line)) return "signature";
    // A line whose own framing says it warns is never likened by resemblance, failure words or not (review 69a F2:
    // firewalld's `WARNING: COMMAND_FAILED: '… -D … -j DOCKER' failed: … Couldn't load target` at each Docker start
    // resembled the reload record its regex leaves out); token signatures above still read it.
    if (!failure || isInformational(l) || isWarning(l)) return "none";
    if (judged.similar === undefined) {
      if (tried >= MAX_LEXICAL_LINES) return "none";
      judged.similar = resemblance(l);
    }
    // A wording's resemblance is judged once; whether this line's record refuted it, line by line.
    const similarHere = allowed(judged.similar, line, 1, here.byNumbers) ? judged.similar : null;
    if (similarHere) pushSimilar(similarHere, line, l);
    else if (!judged.queued && unexplained.length < MAX_REPORT_LINES) {
      judged.queued = true;
      unexplained.push({ line, text: l });
    }
    return similarHere ? "similar" : "none";
  };
  // A failure line nothing explained may be one message split over lines (wrapped by a terminal, a
  // form or an error wrapper): judged again joined with its neighbours that continue it.
  const groups: SplitMessage[] = [];
  const open: SplitMessage[] = [];
  const closeGroup = (g: SplitMessage) => {
    open.splice(open.indexOf(g), 1);
    if (g.parts.length < 2) return;
    const joined = g.parts.join(" ");
    // The indented lines under a resembling failure line are its message's details: an errno text there that the record
    // never gives says another failure (review 71a F3: kubelet's "MountVolume.SetUp failed … Mounting … failed", whose
    // "detail = mount.nfs: Protocol family not supported" followed, resembled the EPROTONOSUPPORT record by its first line).
    // Lines around it that are not indented under it may be other messages a paste's prose put beside it.
    const details = g.resembled ? detailsOf(g) : [];
    if (g.resembled?.recordId && details.length && !errnosAllow(tables.lexical, g.resembled.recordId, details.join(" "))) {
      similar.splice(similar.indexOf(g.resembled), 1);
      g.resembled = null;
    }
    // Only what the lines say together: a signature one of them holds alone was judged on that line.
    const partWords = g.parts.map(lineTokens);
    const joinedJudgement = tokenMatches(joined);
    for (const r of joinedJudgement.byNumbers) numberRefused.add(r);
    const sigs = joinedJudgement.sigs.filter((i) => {
      const sig = tables.tokenSignatures[i] as TokenSignature;
      return !partWords.some(
        (w, k) =>
          exactOn.has(`${sig.key}\n${g.line + k}`) || refusedBy(g.line + k, sig.record) || doubted(sig.key) || matchTokens(sig.tokens, w),
      );
    });
    for (const i of sigs) {
      const sig = tables.tokenSignatures[i] as TokenSignature;
      // The evidence starts at the line where the message's words start.
      let from = 0;
      while (from + 1 < g.parts.length && matchTokens(sig.tokens, partWords.slice(from + 1).flat())) from++;
      tokens.push({ key: sig.key, line: g.line + from, text: g.parts.slice(from).join(" "), approximate: "tokens" });
    }
    // A part that states its own level as informational says what the message is, whatever word an envelope line put
    // before it (review 39a: gcloud's YAML export, "severity: ERROR" on every stderr line, above a healthy dockerd line).
    // So does a warning's first line for the lines that continue it (review 69a F2).
    if (sigs.length || g.resembled || tried >= MAX_LEXICAL_LINES || g.parts.some(isInformational) || isWarning(g.parts[0] ?? "")) return;
    const m = resemblance(joined);
    if (allowed(m, g.line, g.parts.length, joinedJudgement.byNumbers)) pushSimilar(m, g.line, joined, g.line + g.parts.length - 1);
  };
  // The previous line, kept as text and number (no allocation per line of a large log).
  let prevText = "";
  let prevLine = 0;
  // Whether line `line` continues the one before: only worked out when a message could use it, and
  // remembered for that line (one function for the walk, not a closure per line).
  let continuesLine = 0;
  let continues = false;
  const continuesPrev = (l: string, line: number) => {
    if (continuesLine !== line) {
      continuesLine = line;
      continues = isLog(line) && continuesMessage(l);
    }
    return continues;
  };
  forEachWindowLine(text, marked?.length ?? 0, (l, line, next) => {
    if (open.length) {
      for (const g of [...open]) {
        if (continuesPrev(l, line) && g.parts.length < MAX_SPLIT_LINES && g.length + l.length <= MAX_SPLIT_CHARS) {
          g.parts.push(l.trim());
          g.indents.push(indentOf(l));
          g.length += l.length;
        } else closeGroup(g);
      }
    }
    // A command typed at a prompt is no part of what the report says happened (a `$ grep … config.toml` line read whole
    // with the config line it printed resembled the CRI record once the knowledge base's words shifted).
    // Nor is a warning (review 69a F2: a paste of firewalld's start-up warnings alone).
    // Nor is a kernel report's framing, which every oops prints whatever bug it reports (review 70a F1): a trace is read by
    // its headline and its own frames.
    if (
      shortReport.length <= MAX_REPORT_LINES &&
      l.trim() &&
      isLog(line) &&
      !isInformational(l) &&
      !isWarning(l) &&
      !PROMPT_LINE.test(l) &&
      !framing(l)
    )
      shortReport.push({ line, text: l });
    const candidate = isLog(line) && (marked === null || mayFail(marked, line, l));
    const failure = candidate && isFailure(l) && !framing(l);
    const verdict = failure || (candidate && (CUT.test(l) || WARNED.test(l))) ? judgeLine(l, line, failure, next) : "signature";
    if (verdict === null) return false;
    // A resemblance is the weakest explanation: the whole message may still match a signature's words.
    if (verdict !== "signature" && failure && groups.length < MAX_SPLIT_MESSAGES) {
      const before = prevLine === line - 1 && prevText.trim() && isLog(prevLine) && continuesPrev(l, line) && !framing(prevText);
      const g: SplitMessage = {
        line: before ? prevLine : line,
        parts: before ? [prevText.trim(), l.trim()] : [l.trim()],
        indents: before ? [indentOf(prevText), indentOf(l)] : [indentOf(l)],
        length: (before ? prevText.length : 0) + l.length,
        resembled: verdict === "similar" ? (similar[similar.length - 1] ?? null) : null,
      };
      groups.push(g);
      open.push(g);
    }
    prevText = l;
    prevLine = line;
    return true;
  });
  for (const g of [...open]) closeGroup(g);
  // Nothing at all explained the report: its failure lines together may still resemble one record
  // clearly (a short report words one failure over several lines, each too short to decide alone).
  // A short report is also read whole when that says nothing: a kernel warning with no word of
  // failure, or a ticket that retells the incident in sentences rather than log lines.
  if (!exact.length && !tokens.length && !similar.length) {
    const whole =
      reportResemblance(tables.lexical, unexplained) ??
      (shortReport.length <= MAX_REPORT_LINES ? reportResemblance(tables.lexical, shortReport) : null);
    const id = whole?.recordId ?? "";
    if (whole && !refusedBy(whole.line, id) && !otherFault(id) && !numberRefused.has(id) && !doubtedResemblance(id, whole.terms ?? []))
      similar.push(whole);
  }
  // Resemblance last: a record that a token signature found needs no resemblance.
  return [...tokens, ...similar];
}

interface SplitMessage {
  /** The first line of the message. */
  line: number;
  parts: string[];
  /** How far each part's line was indented. */
  indents: number[];
  length: number;
  /** The resemblance its failure line already found, if any: only a token signature adds anything. */
  resembled: ApproximateHit | null;
}
/** The parts after a group's resembling line indented deeper than it, up to the first that is not. */
function detailsOf(g: SplitMessage): string[] {
  const at = g.resembled ? g.resembled.line - g.line : -1;
  const under = g.indents[at] ?? 0;
  const out: string[] = [];
  for (let k = at + 1; k < g.parts.length && (g.indents[k] ?? 0) > under; k++) out.push(g.parts[k] ?? "");
  return out;
}
const indentOf = (l: string) => l.length - l.trimStart().length;
const MAX_SPLIT_LINES = 5;
const MAX_SPLIT_CHARS = 800;
const MAX_SPLIT_MESSAGES = 60;
/** A line typed at a shell prompt. */
const PROMPT_LINE = /^\s*(?:[$#] |\[?[\w.-]+@[\w.-]+[^\]\s]*\]?[#$] )/;
/** A shell prompt or a list bullet starts something new. */
const NEW_THING = /^(?:[$#>] |\[?[\w.@-]+@[\w.-]+[^\]]*\][#$] |[-*•] )/;

/** A kernel report's framing line (oops-framing.ts), read without the log pipeline's prefixes: no evidence of a bug. */
const framing = (l: string) => isOopsFraming(messageOf(l));

/**
 * Whether a line can continue the previous one: not blank, no log framing or prompt of its own, no oops framing, and no
 * failure message complete in itself (ownMessage).
 */
function continuesMessage(l: string): boolean {
  const t = l.trim();
  if (!t || t.length > MAX_SPLIT_CHARS / 2 || NEW_THING.test(t) || isOopsFraming(t) || ownMessage(t)) return false;
  return !isLogFramed(t) && unframe(l) === l.trimStart();
}

/**
 * Whether a line is a failure message of its own, which continues none before it (review 71a F1: nginx's
 * `pthread_create() failed (11: Resource temporarily unavailable)`, its `fork() failed while spawning "worker process"` and
 * Python's `BlockingIOError: [Errno 11] Resource temporarily unavailable`, three messages, were read as one split message
 * and resembled the seccomp record at medium, which no one of them did). Its head says so: a call's failure (`fork()
 * failed`), an error's name (`BlockingIOError:`, `Error:`, `fatal:`). A bare `word failed` may also be the second half of a
 * wrapped `… create failed: …`: it opens a message of its own only where it also ends one, with an errno text.
 */
const ownMessage = (t: string) => OWN_HEAD.test(t) || (FAILED_HEAD.test(t) && endsInErrno(t));
const OWN_HEAD = /^(?:[\w.$:-]+\(\)\s+failed\b|[A-Z]\w*(?:Error|Exception):|(?:error|fatal|panic):\s)/i;
const FAILED_HEAD = /^[\w.$-]+\s+failed\b/i;

/** What differs between repeats of one message: its numbers. */
const DIGITS = /\d+/g;
const MAX_DISTINCT_LINES = 1_000;
const NONE: readonly number[] = [];
const NO_RECORDS: ReadonlySet<string> = new Set();

/** What the token signatures made of one line (see tokenMatches). */
interface TokenJudgement {
  sigs: readonly number[];
  byNumbers: ReadonlySet<string>;
  numbered: boolean;
}

/** What a paste may end with after its last line of output: a code fence, or a shell's empty prompt. */
const PASTE_END = /^(?:```\w*|~~~|\$|#|[\w.-]+@[\w.-]+:\S*\s?[#$%])\s*$/;

/**
 * The 1-based number of the text's last line of output (blank lines, a closing code fence and an empty
 * shell prompt after it aside): where a paste cut short ends. `lines`, when known (> 0), is the text's
 * line count (newlines + 1).
 */
function lastFilledLine(text: string, lines: number): number {
  let end = text.trimEnd().length;
  // At most a few such lines: a paste ends with one fence or prompt, not a column of them.
  for (let k = 0; k < 3; k++) {
    const start = text.lastIndexOf("\n", end - 1) + 1;
    if (start <= 0 || !PASTE_END.test(text.slice(start, end).trim())) break;
    end = text.slice(0, start).trimEnd().length;
  }
  const total = lines > 0 ? lines : newlinesFrom(text, 0) + 1;
  return total - newlinesFrom(text, end);
}
