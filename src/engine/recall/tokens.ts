/**
 * Token signatures: each exact signature reduced, automatically, to its ordered distinctive words, so
 * the same message still matches when its wording around them moves: quoting and escaping changed
 * (`\"`, literal `\n` separators of a message quoted inside another), framing added, words in
 * between, or the line cut by an ellipsis (`systemctl status` prints `misconfigurati...ystemd"`).
 */

/** Words too common in logs to say anything on their own. */
const STOP = new Set(
  "a an the of to in on for is are was be been or and with at by as from this that it its into via not no but if then than when while will would can could has have had do does did".split(
    " ",
  ),
);

/** An ellipsis, as `systemctl status`, `kubectl describe` and chat clients print it. */
export const ELLIPSIS = "\u2026";

/**
 * The words of a line, lower-cased, with escape sequences (`\n`, `\t`, `\"`) and punctuation as
 * separators; an ellipsis becomes its own token so a word cut by it can match by prefix or suffix.
 */
export function lineTokens(line: string): string[] {
  // One walk over the lower-cased line; the same tokens as replacing `.{3,}` and U+2026 by " … ",
  // `\\[ntr]` by a space, dropping other backslashes, then splitting on [^a-z0-9_…]+ (in that order).
  // The token being read is `acc` (parts joined over dropped backslashes) plus text[from, i); a
  // separator ends it. No inner closure: tsx and wrangler keep function names, at a cost per call.
  const text = line.toLowerCase();
  const out: string[] = [];
  const n = text.length;
  let acc = "";
  let from = -1;
  for (let i = 0; i <= n; ) {
    const c = i < n ? text.charCodeAt(i) : 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95) {
      if (from < 0) from = i;
      i++;
      continue;
    }
    const next = c === 92 ? text.charCodeAt(i + 1) : 0;
    if (c === 92 && next !== 110 && next !== 116 && next !== 114) {
      // A dropped backslash joins what surrounds it.
      if (from >= 0) acc += text.slice(from, i);
      from = -1;
      i++;
      continue;
    }
    // A separator: the token read so far ends here.
    if (from >= 0) acc += text.slice(from, i);
    if (acc) out.push(acc);
    acc = "";
    from = -1;
    if (c === 92) {
      i += 2;
    } else if (c === 46) {
      let j = i + 1;
      while (text.charCodeAt(j) === 46) j++;
      // A value a tool elides itself ("--ignore-preflight-errors=...", kubeadm's footer) is no cut of the line: read
      // as one, it let a signature's missing last word pass as cut off (review 32d).
      if (j - i >= 3 && text.charCodeAt(i - 1) !== 61) out.push(ELLIPSIS);
      i = j;
    } else {
      if (c === 0x2026) out.push(ELLIPSIS);
      i++;
    }
  }
  return out;
}

/** Numbers, hex ids and one-letter words vary between reports; they never make a token signature. */
const distinctive = (t: string) => t.length >= 3 && !STOP.has(t) && !allDigits(t) && !hexId(t);

// What /^\d+$/ and /^(?:0x)?[0-9a-f]{6,}$/ say of a word, without a regex call: matching tests the
// words of every gap, and a call costs more than reading a short word.
const isDigit = (c: number) => c >= 48 && c <= 57;
const isHex = (c: number) => isDigit(c) || (c >= 97 && c <= 102);
export function allDigits(t: string): boolean {
  for (let i = 0; i < t.length; i++) if (!isDigit(t.charCodeAt(i))) return false;
  return t.length > 0;
}
export function hexId(t: string): boolean {
  // "0x" is a prefix only when what follows is a hex id; "0xabcdef" is also six-plus hex digits itself.
  const from = t.length >= 8 && t.charCodeAt(0) === 48 && t.charCodeAt(1) === 120 ? 2 : 0;
  if (t.length - from < 6) return false;
  for (let i = from; i < t.length; i++) if (!isHex(t.charCodeAt(i))) return false;
  return true;
}

/** The ordered distinctive words of a signature; regex syntax is dropped, alternations and classes with it. */
export function signatureTokens(kind: "literal" | "regex", pattern: string): string[] {
  // A choice of single words ("table '(filter|nat|mangle)'") is one of them, not any word (review 50d F4: Docker 28's
  // 'raw' table matched the mixed-backends message); one with no distinctive word is dropped as any alternation is.
  const raw = (kind === "literal" ? pattern : regexText(pattern)).replace(PLAIN_GROUPS, (group, inner: string) =>
    choiceOf(inner) ? group : ` ${ALTERNATION_MARK} `,
  );
  // A dropped alternation may have been what told this failure from others ("failed to register
  // driver: (invalid argument|creating ipset ...)"): what is left must say a lot on its own.
  // Alternatives that end the message and name what failed ("unknown flag: --(?:network-plugin|cni-bin-dir)"): without
  // them the rest fits that failure for anything else (review 31c: "unknown flag: --container-runtime"), so the line
  // must go on with one of them, a choice of their first words.
  const tail = NAMED_TAIL.exec(raw);
  const choice = tail ? choiceOf(tail[1] as string) : null;
  const body = tail ? raw.slice(0, tail.index) : raw;
  const lost = body.includes(ALTERNATION_MARK) || body.includes(NAMED_MARK);
  // Where an alternation was dropped the line holds one of its alternatives: any words, like a wildcard.
  const full = body.replaceAll(ALTERNATION_MARK, OPEN_MARK).replace(NAMED_GROUPS, OPEN_MARK).replace(SEVERITY, " ");
  // "prog: message": the program's name is framing when another tool (or a wrapper) reports the same
  // failure; the message, its errno text aside, must still say enough on its own.
  const bare = full.replace(PROGRAM_PREFIX, "");
  const text = bare !== full && lineTokens(bare.replace(ERRNO, " ")).filter(distinctive).length >= MIN_TOKENS ? bare : full;
  const out: string[] = [];
  for (const piece of text.split(PLAIN_PIECES)) {
    if (piece.startsWith(PLAIN_MARK)) {
      out.push(choiceOf(piece.slice(1, -1)) as string);
      continue;
    }
    piece.split(OPEN_MARK).forEach((segment, k) => {
      if (k > 0 && out.length && out[out.length - 1] !== WILD) out.push(WILD);
      for (const t of lineTokens(segment)) if (distinctive(t) && t !== ELLIPSIS) out.push(t);
    });
  }
  while (out[out.length - 1] === WILD) out.pop();
  if (lost && out.filter((t) => t !== WILD).length < MIN_TOKENS_WITHOUT_ALTERNATION) return [];
  if (tail && !choice) return [];
  return choice ? [...out, choice] : out;
}

/**
 * A token that any of several words satisfies: CHOICE, then the words joined by "|". Never an anchor (no line holds it
 * as a word); `same` compares a line's word with each.
 */
const CHOICE = "\uE003";
export const isChoice = (t: string) => t.charCodeAt(0) === 0xe003;
/** The choice of each alternative's first word, or null when one has none (it would match anything). */
function choiceOf(alternatives: string): string | null {
  const firsts = alternatives.split(CHOICE_SEPARATOR).map((a) => lineTokens(a).find(distinctive));
  return firsts.every((w) => w !== undefined) ? `${CHOICE}${[...new Set(firsts)].join("|")}` : null;
}

/**
 * An alternative that names a thing rather than saying what went wrong: a flag, option or file name, one word joined by
 * dashes or underscores ("network-plugin|cni-bin-dir"), not an errno text ("No such file|Invalid argument").
 */
const NAMED_ALTERNATIVE = /(?:^|\|)(?:\\?-)*[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+)+(?=\||$)/;
/** Marks where regexText dropped a group of alternatives. */
const ALTERNATION_MARK = "\uE001";
/** Encloses, in regexText's text, a group of alternatives that name a thing; its "|" written as CHOICE_SEPARATOR. */
const NAMED_MARK = "\uE002";
const CHOICE_SEPARATOR = "\uE004";
/** Encloses, in regexText's text, a group of single-word alternatives (`filter|nat|mangle`), "|" written as CHOICE_SEPARATOR. */
const PLAIN_MARK = "\uE005";
const PLAIN_GROUPS = /\uE005([^\uE005]*)\uE005/g;
/** Splits a text around its single-word groups, keeping them. */
const PLAIN_PIECES = /(\uE005[^\uE005]*\uE005)/;
/** Whether text[from, to) is glued to a word on either side (`calico_(connect|sendmsg)`): part of a word, no word itself. */
const inWord = (text: string, from: number, to: number) => /\w/.test(text[from - 1] ?? "") || /\w/.test(text[to] ?? "");
/** A group's alternatives, each one word. */
const PLAIN_WORDS = /^\w+(?:\|\w+)+$/;
const NAMED_GROUPS = /\uE002[^\uE002]*\uE002/g;
/** Such a group ending the text: nothing after it but spaces and punctuation. */
const NAMED_TAIL = /\uE002([^\uE002]*)\uE002[^A-Za-z0-9\uE000-\uE002]*$/;
const MIN_TOKENS_WITHOUT_ALTERNATION = 5;
/** strerror texts: shared by every failure of that kind, they never identify one on their own. */
const ERRNO =
  /no such file or directory|permission denied|operation not permitted|too many open files|no space left on device|invalid argument|cannot allocate memory|device or resource busy|file exists|operation not supported|not supported|connection refused|connection reset by peer|input\/output error|read-only file system|resource temporarily unavailable|disk quota exceeded|not a directory|is a directory|broken pipe|timed out/gi;

/**
 * In a token signature, "any words here": where the regex itself allows any run of text (`\S+` for a
 * path, `.*`), a rewrapped or longer path between the words is no rewording.
 */
export const WILD = "*";
/** Marks such a run in a regex's text; survives regexText's replacements. */
const OPEN_MARK = "\uE000";
/** The words (path parts, ids) a wildcard may stand for in a line. */
const MAX_OPEN_WORDS = 16;

/** A message's leading program name, as `prog: ` (no spaces in it, not a path). */
const PROGRAM_PREFIX = /^\s*[a-z][\w.-]*: (?=\S)/i;

/**
 * The same word in another release's grammar: "cannot find" / "cannot found", "failed to bind" /
 * "bound", plural and tense endings. Used when comparing words, never to build a signature.
 */
export function stem(w: string): string {
  const irregular = w.length <= MAX_IRREGULAR ? IRREGULAR.get(w) : undefined;
  if (irregular) return irregular;
  if (w.length <= 4 || hasDigit(w)) return w;
  if (w.endsWith("ies")) return `${w.slice(0, -3)}y`;
  if (w.endsWith("ing") && w.length > 5) return w.slice(0, -3);
  if (w.endsWith("ed") && w.length > 5) return w.slice(0, w.endsWith("ied") ? -3 : -2);
  if (w.endsWith("es") && /(?:ss|sh|ch|x)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) return w.slice(0, -1);
  return w;
}
const IRREGULAR = new Map(
  "found:find bound:bind got:get gotten:get held:hold lost:lose made:make sent:send wrote:write written:write ran:run took:take taken:take began:begin begun:begin"
    .split(" ")
    .map((p) => p.split(":") as [string, string]),
);
/**
 * Which words may be, or stem to, one of a set of keys: a table of the keys' first two letters (stem
 * keeps a word's first two letters, its irregular forms aside, whose own are added) and their least
 * length (stem never lengthens a word). A word it refuses can be neither, so the lookups it spares
 * (a Map lookup hashes the fresh word, then stem, then another) would have found nothing.
 */
export interface StemKeyFilter {
  pairs: Uint8Array;
  minLength: number;
}
/** The first two letters as a table index (a one-letter word reads its second as 0, like a one-letter key). */
const pairOf = (w: string) => ((w.charCodeAt(0) & 127) << 7) | (w.charCodeAt(1) & 127);
export function stemKeyFilter(keys: Iterable<string>): StemKeyFilter {
  const pairs = new Uint8Array(128 * 128);
  let minLength = Number.POSITIVE_INFINITY;
  for (const k of [...keys, ...IRREGULAR.keys()]) {
    pairs[pairOf(k)] = 1;
    minLength = Math.min(minLength, k.length);
  }
  return { pairs, minLength };
}
/** False only for a word that neither is nor stems to a key of the filter. */
export const mayBeKey = (filter: StemKeyFilter, w: string) => w.length >= filter.minLength && filter.pairs[pairOf(w)] === 1;

/** A longer word is no irregular form: spares hashing it (a word of a line is a fresh string). */
const MAX_IRREGULAR = Math.max(...[...IRREGULAR.keys()].map((w) => w.length));
function hasDigit(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (isDigit(w.charCodeAt(i))) return true;
  return false;
}
const same = (w: string, t: string): boolean =>
  w === t ||
  (w.charCodeAt(0) === t.charCodeAt(0) && (stemOf(w) === stemOf(t) || numbered(w, t) || ipv6Twin(w, t))) ||
  (isChoice(t) &&
    t
      .slice(1)
      .split("|")
      .some((a) => same(w, a)));
/**
 * `stem`, remembered: a line's words are compared with many signatures' (each comparison stems both), and a
 * string once hashed is looked up far faster than it is stemmed again. Bounded: cleared past MAX_STEMS.
 */
const stems = new Map<string, string>();
const MAX_STEMS = 20_000;
function stemOf(w: string): string {
  let s = stems.get(w);
  if (s === undefined) {
    if (stems.size >= MAX_STEMS) stems.clear();
    s = stem(w);
    stems.set(w, s);
  }
  return s;
}
/**
 * ip6tables prints iptables' messages with its own name ("ip6tables-legacy tables present"): a line's
 * ip6tables word stands for a signature's iptables. Never the reverse: an ip6tables-only bug stays so.
 */
const ipv6Twin = (w: string, t: string) => t.startsWith("iptables") && w.startsWith("ip6") && w.slice(3) === t.slice(2);
/** A device or interface name with its number glued on: "veth571e062" for a pattern's `veth[0-9a-f]+`. */
const numbered = (w: string, t: string) => w.length > t.length && t.length >= 3 && w.startsWith(t) && ID_SUFFIX.test(w.slice(t.length));
const ID_SUFFIX = /^[0-9a-f]*\d[0-9a-f]*$/;

/**
 * A log level written into the pattern (`[FATAL]`, `level=error`, `ERRO[`) is framing: another tool or
 * a title retold by hand says the same message under another level, or none.
 */
const SEVERITY = /\[(?:fatal|error|err|warn|warning|info|debug)\]|\blevel=\w+|\b(?:ERRO|WARN|FATA|INFO|DEBU)\[/gi;

/**
 * The literal text a regex requires, roughly: groups with alternatives, classes and escapes removed. `forNumbers`: the
 * text signatureNumbers reads, where an escaped dot stays DOT and what varies (a class, `\d`, any character, a quantifier
 * on a digit) is VARIES, so a version written out (`1\.44`) is told from the start of one (`1\.\d+`, `2\.3[2-4]`).
 */
function regexText(pattern: string, forNumbers = false): string {
  const varies = forNumbers ? VARIES : " ";
  let p = (forNumbers ? pattern.replace(/\\\./g, DOT).replace(/(?<!\\)\{\d*,?\d*\}/g, VARIES) : pattern)
    .replace(/\\S[+*]|\.[+*]\??|(?<!\\)\[\^[^\]]*\][+*]/g, OPEN_MARK)
    .replace(/\\[dDsSwWbB]/g, (c) => ("sbB".includes(c[1] as string) ? " " : varies))
    .replace(/(?<!\\)\[(?:\\.|[^\]\\])*\]/g, varies);
  // Innermost groups first; a group with alternatives is optional text, a plain group is kept.
  for (let round = 0; round < 8; round++) {
    const next = p.replace(/\((?:\?:|\?i\)|\?P?<\w+>)?([^()]*)\)[?*]?/g, (group, body: string, at: number, whole: string) =>
      body.includes("|")
        ? NAMED_ALTERNATIVE.test(body)
          ? ` ${NAMED_MARK}${body.replaceAll("|", CHOICE_SEPARATOR)}${NAMED_MARK} `
          : PLAIN_WORDS.test(body) && !/[?*]$/.test(group) && !inWord(whole, at, at + group.length)
            ? ` ${PLAIN_MARK}${body.replaceAll("|", CHOICE_SEPARATOR)}${PLAIN_MARK} `
            : ` ${ALTERNATION_MARK} `
        : ` ${body} `,
    );
    if (next === p) break;
    p = next;
  }
  if (p.includes("|")) return "";
  // An optional letter or digit inside a word (`ip6?tables`) is left out: the word's common form stays whole.
  p = p.replace(/(?<=[A-Za-z0-9])[A-Za-z0-9]\?(?=[A-Za-z0-9])/g, "");
  if (forNumbers) p = p.replace(/(?<=\d)[?*+{]/g, VARIES).replace(/(?<!\\)\./g, VARIES);
  return p.replace(/\\(.)/g, "$1").replace(/[.*+?{}^$]/g, " ");
}
/** In regexText's text for numbers: what varies there (see regexText). */
const VARIES = "\uE006";
/** In regexText's text for numbers: a literal dot, the separator of a version's parts. */
const DOT = "\uE007";

export interface TokenSignature {
  key: string;
  /** The record the signature belongs to. */
  record: string;
  tokens: string[];
  /** The rarest tokens across the knowledge base: a line must hold one of them to be tried at all. */
  anchors: string[];
  /** The numbers the signature states (signatureNumbers), when it states any. */
  numbers?: readonly NumberMark[];
  /** A line of its record's examples that warns holds it: it reads warnings too (see recall's refusesWording). */
  warns?: true;
  /** The errno texts the signature states outside its alternatives (signatureErrnos), when it states any. */
  errnos?: readonly string[];
}

/**
 * A number of three or more digits a signature states (a limit, an errno, a helper's id), a negative errno of any
 * length, or a version it writes out (`1\.44`, "v1.35", a prefix such as `1\.6\.[0-9]+`'s 1.6), with the distinctive words
 * around it: tokens drop numbers, so without it "Processed 1000001 insn" matched the 131073-instruction limit's message
 * (review 50d F2: the 4.19-only record ranked first on a 6.1 kernel's million-instruction line), and "Minimum supported API
 * version is 1.24" Docker 29's 1.44 one (review 70d F1). A version's `value` holds its dots.
 */
export interface NumberMark {
  after: string;
  value: string;
  before: string | null;
}
/** How far past the word before it a line's number may stand for a mark's. */
const NUMBER_REACH = 3;

/** The numbers a signature states after one of its words (a number opening it is the line's framing as often). */
export function signatureNumbers(kind: "literal" | "regex", pattern: string): NumberMark[] {
  const raw = kind === "literal" ? pattern : regexText(pattern);
  const words = lineTokens(raw.replace(/[\uE000-\uE005]/g, " "));
  // A negative number is an errno as a C call returns it ("failed to load: -7"): short, but what tells E2BIG from EINVAL
  // (review 59c F4: libbpf's -22 matched the -7 signature's tokens).
  const errnos = new Set([...raw.matchAll(/(?<![\w.-])-(\d{1,3})(?!\w)/g)].map((m) => m[1]));
  const marks: NumberMark[] = [];
  words.forEach((w, i) => {
    if (!allDigits(w) || (w.length < 3 && !errnos.has(w))) return;
    const after = words.slice(0, i).findLast(distinctive);
    if (after !== undefined) marks.push({ after, value: w, before: words.slice(i + 1).find(distinctive) ?? null });
  });
  return [...marks, ...versionMarks(kind === "literal" ? pattern.replaceAll(".", DOT) : regexText(pattern, true))];
}

/** A version written out in regexText's text for numbers: not glued to a word, nor next to what varies. */
const VERSION = /(?<![\w\uE006\uE007])v?(\d+(?:\uE007\d+)+)(?![\w\uE006])/g;
/** Marks (any words, dropped alternatives, what varies) in that text: no word across one stands next to the version. */
const ANY_MARK = /[\uE000-\uE006]/;

/**
 * The versions a signature writes out, each with the distinctive word right before it (only small words between, no
 * wildcard, no other number: "plugin supports [0.1.0 0.2.0 …]" states the list's first only) and the one after.
 */
function versionMarks(text: string): NumberMark[] {
  const marks: NumberMark[] = [];
  for (const m of text.matchAll(VERSION)) {
    const head = text.slice(0, m.index).split(ANY_MARK).pop() ?? "";
    const words = lineTokens(head);
    const at = words.findLastIndex(distinctive);
    if (at < 0 || words.slice(at + 1).some(allDigits)) continue;
    const tail = text.slice(m.index + m[0].length).split(ANY_MARK)[0] ?? "";
    const value = (m[1] as string).replaceAll(DOT, ".");
    marks.push({ after: words[at] as string, value, before: lineTokens(tail).find(distinctive) ?? null });
  }
  return marks;
}

/**
 * Whether a line's words state another number where a signature states one (NumberMark): another message. Where the word
 * before the number comes more than once ("client version 1.24 is too old. Minimum supported API version is 1.44"), the
 * line states the signature's number if any of them is followed by it. Versions agree on the parts both write out (1.4
 * and 1.4.6; v2 and 2.0).
 */
export function contradictsNumbers(marks: readonly NumberMark[], words: readonly string[]): boolean {
  return marks.some((mark) => statesOther(mark, words));
}
function statesOther({ after, value, before }: NumberMark, words: readonly string[]): boolean {
  const parts = value.split(".");
  let other = false;
  for (let i = 0; i < words.length; i++) {
    if (!same(words[i] as string, after)) continue;
    const stated = numberAfter(words, i + 1, before);
    if (!stated) continue;
    if (parts.every((p, k) => k >= stated.length || stated[k] === p)) return false;
    other = true;
  }
  return other;
}
/** The number (its parts: a version's dots are separators to lineTokens) a line states within reach of `from`. */
function numberAfter(words: readonly string[], from: number, before: string | null): string[] | null {
  for (let j = from; j < Math.min(words.length, from + NUMBER_REACH); j++) {
    const w = words[j] as string;
    if (before !== null && same(w, before)) return null;
    const first = allDigits(w) ? w : w.charCodeAt(0) === 118 && allDigits(w.slice(1)) ? w.slice(1) : null;
    if (first === null) continue;
    const parts = [first];
    for (let k = j + 1; k < words.length && allDigits(words[k] as string); k++) parts.push(words[k] as string);
    return parts;
  }
  return null;
}

/** At least this many words, or the signature says too little once its exact form is gone. */
export const MIN_TOKENS = 3;

/** Other words allowed between two matched words, and in all: a token signature tolerates framing, not rewording. */
const MAX_GAP_WORDS = 1;
const MAX_EXTRA_WORDS = 2;

/**
 * Whether the line holds the signature's tokens in order. Between two of them the line may carry
 * numbers, ids and small words, and at most one other word (two in all): an inserted word can change
 * the meaning ("-j DROP" versus "-m mark ... -j DROP"). A line cut by an ellipsis is matched around it.
 * `at` is where the line's ellipsis is (-1: none), for a caller that tries many signatures on one line.
 */
export function matchTokens(
  sig: readonly string[],
  line: readonly string[],
  at = line.indexOf(ELLIPSIS),
  cutAfterWord = false,
  nothingFollows = false,
): boolean {
  if (at >= 0) return matchAroundEllipsis(sig, line.slice(0, at), line.slice(at + 1));
  // A paste or a terminal may cut the line's last word without marking it ("cannot allocate memor").
  return inOrder(sig, line, null) || inOrder(sig, line, "end", UNMARKED_CUT) || cutAtEnd(sig, line, cutAfterWord, nothingFollows);
}

/**
 * Whether a line's text ends in a word (then a cut may have fallen after it). One that ends in other
 * characters ("Unknown directive '.'", a closing quote) was quoted or printed whole up to there.
 */
export function endsInWord(line: string): boolean {
  // trimEnd drops what \s matches; a regex ending in \s*$ would try every word character of the line.
  const t = line.trimEnd();
  return t.length > 0 && isWordChar(t.charCodeAt(t.length - 1));
}
const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || isDigit(c) || c === 95;
/**
 * Whether a line nothing carries on from (the paste's last, or one followed by a framed log line) ends in a word and
 * then a lone backslash: cut inside an escape (`…stats for \` of `\"/system.slice…`), which no message ends with. Only
 * there: elsewhere a trailing backslash continues a command on the next line, which is there.
 */
export const endsInCutEscape = (line: string): boolean => /[A-Za-z0-9_]\s*(?<!\\)\\\s*$/.test(line);
/** The shortest unmarked cut word that still counts as the start of the signature's last word. */
const UNMARKED_CUT = 4;

/**
 * A line cut short without a mark (a pager's `less -S` at the terminal's width, a truncated paste or
 * title): it ends inside one of the signature's words ("$P" of "$PATH") or, when the caller allows it
 * (`cutAfterWord`: the text ends in that word, see endsInWord), on the space after one ("…executable file
 * not found" of "… not found in $PATH"), after most of the signature in order.
 * The part cut off must not be what tells one failure from another: an errno text or a state
 * ("…pair interfaces: o" could go on "operation not supported" or "cannot allocate memory").
 */
function cutAtEnd(sig: readonly string[], lineWords: readonly string[], cutAfterWord: boolean, nothingFollows: boolean): boolean {
  // A line nothing carries on from (the paste's last, or one a framed log line follows) cut after small words a
  // signature never keeps ("…ip_vs failed with"): cut after the word before them, a whole word then. Only there:
  // elsewhere the next line may carry on ("…dereference at" above an address). A number or an id at the end is what the
  // line says.
  let end = lineWords.length;
  if (cutAfterWord && nothingFollows) while (end > 0 && STOP.has(lineWords[end - 1] as string)) end--;
  const trimmed = end < lineWords.length;
  const line = trimmed ? lineWords.slice(0, end) : lineWords;
  const last = line[line.length - 1];
  const words = sig.filter((t) => t !== WILD).length;
  if (last === undefined || words < MIN_TOKENS + 2) return false;
  const least = mostOf(words);
  for (let k = sig.length - 1; k > 0; k--) {
    const head = sig.slice(0, k);
    if (head.filter((t) => t !== WILD).length < least) return false;
    // Cut after a whole word: the line's last word must be where the signature's head ends (an earlier
    // occurrence standing in for it would leave the line going on after the head, saying something else).
    const whole = sig[k - 1] as string;
    const afterWhole = cutAfterWord && whole !== WILD && same(last, whole) && !dropsTelling(sig.slice(k));
    if (afterWhole && inOrder(head, line, null) && !inOrder(head, line.slice(0, -1), null)) return true;
    const cut = sig[k] as string;
    if (trimmed || cut === WILD || cut === last || !cut.startsWith(last)) continue;
    if (dropsTelling(sig.slice(k + 1))) return false;
    return inOrder(head, line.slice(0, -1), null);
  }
  return false;
}
/** How much of a signature a line cut short must still hold. */
const CUT_SHARE = 0.75;
/** Words of the errno texts and states that tell failures apart: a cut may not drop one. */
const TELLING = new Set(
  "denied permitted permission supported operation exist exists busy directory file memory space allocate argument invalid refused reset unreachable timed timeout found loop full".split(
    " ",
  ),
);
/** Words every failure message has: the words of a signature a cut left must hold another. */
const GENERIC = new Set("error errors failed failure fail unable cannot exit status code fatal warning msg level err".split(" "));
/** The words a line cut short (marked or not) must still hold of a signature of `words` words. */
const mostOf = (words: number) => Math.max(MIN_TOKENS + 1, Math.ceil(words * CUT_SHARE));
/** Whether the part of a signature a cut dropped holds what tells failures apart. */
const dropsTelling = (dropped: readonly string[]) => dropped.some((t) => TELLING.has(t));

/** Whether words in order (gaps as in matchTokens) hold all of `sig`; the last (or first) may be cut. */
function inOrder(sig: readonly string[], words: readonly string[], cutAt: "end" | "start" | null, minCut = 3): boolean {
  // The first word may also occur in the framing before the message ("failed to create endpoint ...:
  // failed to add ..."): each occurrence is a possible start.
  const first = sig[0];
  if (first === undefined || first === WILD || isChoice(first) || cutAt === "start") return inOrderFrom(sig, words, cutAt, minCut, 0);
  // `same` needs the first letters equal: tested here first, it spares a call per word of the line.
  const letter = first.charCodeAt(0);
  for (let start = 0; start < words.length; start++) {
    const w = words[start] as string;
    if (w.charCodeAt(0) === letter && same(w, first) && inOrderFrom(sig, words, cutAt, minCut, start)) return true;
  }
  return false;
}

function inOrderFrom(
  sig: readonly string[],
  words: readonly string[],
  cutAt: "end" | "start" | null,
  minCut: number,
  from: number,
): boolean {
  let i = from;
  let extra = 0;
  let open = false;
  for (let k = 0; k < sig.length; k++) {
    const t = sig[k] as string;
    if (t === WILD) {
      open = true;
      continue;
    }
    let between = 0;
    let found = -1;
    const maxBetween = open ? MAX_OPEN_WORDS : MAX_GAP_WORDS;
    for (let j = i; j < words.length; j++) {
      const w = words[j] as string;
      const cutHere =
        (cutAt === "end" && j === words.length - 1 && k === sig.length - 1) ||
        (cutAt === "start" && j === 0 && (k === 0 || (k === 1 && sig[0] === WILD)));
      if (same(w, t) || (cutHere && w.length >= minCut && (cutAt === "end" ? t.startsWith(w) : t.endsWith(w)))) {
        found = j;
        break;
      }
      // One word too many in this gap already fails the match: the rest of the line need not be read.
      if (k > 0 && distinctive(w) && !sig.includes(w) && ++between > maxBetween) return false;
    }
    if (found < 0) return false;
    if (!open) extra += between;
    open = false;
    i = found + 1;
  }
  return extra <= MAX_EXTRA_WORDS;
}

/**
 * A line cut by an ellipsis: the longest start of the signature before it and the longest end of the
 * signature after it (the words at the cut may be partial) must together cover most of the signature.
 */
function matchAroundEllipsis(sig: readonly string[], before: readonly string[], after: readonly string[]): boolean {
  let head = 0;
  for (let k = sig.length; k > 0; k--) {
    if (inOrder(sig.slice(0, k), before, "end")) {
      head = k;
      break;
    }
  }
  let tail = 0;
  for (let m = sig.length - head; m > 0; m--) {
    if (inOrder(sig.slice(sig.length - m), after, "start")) {
      tail = m;
      break;
    }
  }
  const words = (part: readonly string[]) => part.filter((t) => t !== WILD).length;
  const kept = [...sig.slice(0, head), ...sig.slice(sig.length - tail)];
  // What the cut left must say what failed, not only that something did (review 50d F4: "error failed … exit status" of
  // tc's 'Failed to load prog' was read in a dockerd line cut at its endpoint's id).
  if (kept.every((t) => t === WILD || GENERIC.has(t))) return false;
  const covered = words(kept);
  // Only one side of the cut holds the signature: the line is cut short with a mark ("…" at its end, or a
  // start cut off), and then, as for a line cut short without one, most of the signature must be there and
  // what the cut dropped must not be what tells failures apart.
  if (head === 0 || tail === 0) {
    const dropped = head === 0 ? sig.slice(0, sig.length - tail) : sig.slice(head);
    return covered >= mostOf(words(sig)) && !dropsTelling(dropped);
  }
  return covered >= Math.max(MIN_TOKENS + 1, Math.ceil(words(sig) * 0.5));
}
