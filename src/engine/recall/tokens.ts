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
  const text = line
    .toLowerCase()
    .replace(/\.{3,}|\u2026/g, ` ${ELLIPSIS} `)
    .replace(/\\[ntr]/g, " ")
    .replace(/\\/g, "");
  return text.split(/[^a-z0-9_\u2026]+/).filter((t) => t.length > 0);
}

/** Numbers, hex ids and one-letter words vary between reports; they never make a token signature. */
const distinctive = (t: string) => t.length >= 3 && !STOP.has(t) && !/^\d+$/.test(t) && !/^(?:0x)?[0-9a-f]{6,}$/.test(t);

/** The ordered distinctive words of a signature; regex syntax is dropped, alternations and classes with it. */
export function signatureTokens(kind: "literal" | "regex", pattern: string): string[] {
  const text = (kind === "literal" ? pattern : regexText(pattern)).replace(SEVERITY, " ");
  const out: string[] = [];
  for (const t of lineTokens(text)) if (distinctive(t) && t !== ELLIPSIS) out.push(t);
  return out;
}

/**
 * A log level written into the pattern (`[FATAL]`, `level=error`, `ERRO[`) is framing: another tool or
 * a title retold by hand says the same message under another level, or none.
 */
const SEVERITY = /\[(?:fatal|error|err|warn|warning|info|debug)\]|\blevel=\w+|\b(?:ERRO|WARN|FATA|INFO|DEBU)\[/gi;

/** The literal text a regex requires, roughly: groups with alternatives, classes and escapes removed. */
function regexText(pattern: string): string {
  let p = pattern.replace(/\\[dDsSwWbB]/g, " ").replace(/(?<!\\)\[(?:\\.|[^\]\\])*\]/g, " ");
  // Innermost groups first; a group with alternatives is optional text, a plain group is kept.
  for (let round = 0; round < 8; round++) {
    const next = p.replace(/\((?:\?:|\?i\)|\?P?<\w+>)?([^()]*)\)[?*]?/g, (_, body: string) => (body.includes("|") ? " " : ` ${body} `));
    if (next === p) break;
    p = next;
  }
  if (p.includes("|")) return "";
  return p.replace(/\\(.)/g, "$1").replace(/[.*+?{}^$]/g, " ");
}

export interface TokenSignature {
  key: string;
  tokens: string[];
  /** The rarest tokens across the knowledge base: a line must hold one of them to be tried at all. */
  anchors: string[];
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
 */
export function matchTokens(sig: readonly string[], line: readonly string[]): boolean {
  const at = line.indexOf(ELLIPSIS);
  if (at >= 0) return matchAroundEllipsis(sig, line.slice(0, at), line.slice(at + 1));
  return inOrder(sig, line, null);
}

/** Whether words in order (gaps as in matchTokens) hold all of `sig`; the last (or first) may be cut. */
function inOrder(sig: readonly string[], words: readonly string[], cutAt: "end" | "start" | null): boolean {
  let i = 0;
  let extra = 0;
  for (let k = 0; k < sig.length; k++) {
    const t = sig[k] as string;
    let between = 0;
    let found = -1;
    for (let j = i; j < words.length; j++) {
      const w = words[j] as string;
      const cutHere = (cutAt === "end" && j === words.length - 1 && k === sig.length - 1) || (cutAt === "start" && j === 0 && k === 0);
      if (w === t || (cutHere && w.length >= 3 && (cutAt === "end" ? t.startsWith(w) : t.endsWith(w)))) {
        found = j;
        break;
      }
      if (k > 0 && distinctive(w) && !sig.includes(w)) between++;
    }
    if (found < 0 || between > MAX_GAP_WORDS) return false;
    extra += between;
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
  return head + tail >= Math.max(MIN_TOKENS + 1, Math.ceil(sig.length * 0.5));
}
