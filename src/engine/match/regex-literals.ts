import { foldLiteral } from "./aho-corasick";

/**
 * Required literals of an RE2 regex: a set of strings of which every match contains at least one,
 * folded the way the scanner reads text. The one-pass scanner finds these; the regex itself then runs
 * only on the lines where one of them occurs.
 *
 * The parser walks RE2 syntax just far enough to track, per sub-expression, the exact strings it can
 * match (when there are few), the strings every match starts and ends with, and the best required set
 * found so far (the codesearch trigram-index idea, with whole literals instead of trigrams). Anything it
 * does not model becomes "no information", which is always safe. Patterns reach it after re2js has
 * accepted them, so it need not report syntax errors.
 */

/** A set of alternatives; an element "" means "no requirement". */
type StrSet = readonly string[];

/**
 * What we know of a sub-expression: the exact strings it matches (when few), the strings every match
 * starts and ends with, and `all`: sets of which a match contains one element each (a conjunction).
 */
interface Info {
  exact: StrSet | null;
  prefix: StrSet;
  suffix: StrSet;
  all: readonly StrSet[];
}

const MAX_SET = 32;
const MAX_CLASS = 8;
const MAX_REPEAT = 8;
/** Conjuncts kept per sub-expression; dropping one only weakens the filter, never breaks it. */
const MAX_ALL = 6;
const NOTHING: StrSet = [""];
const ANY: Info = { exact: null, prefix: NOTHING, suffix: NOTHING, all: [] };
const EMPTY = exact(NOTHING);

function exact(set: StrSet): Info {
  return { exact: set, prefix: set, suffix: set, all: [set] };
}

/** How selective a set is: the length of its shortest member (0 when it holds ""). */
function score(set: StrSet): number {
  let min = Number.POSITIVE_INFINITY;
  for (const s of set) min = Math.min(min, s.length);
  return set.length === 0 ? 0 : min;
}

function stronger(a: StrSet, b: StrSet): number {
  return score(b) - score(a) || a.length - b.length;
}

/** Useful conjuncts, strongest first, without duplicates. */
function conjunction(sets: readonly (StrSet | null)[]): StrSet[] {
  const unique = new Map<string, StrSet>();
  for (const set of sets) {
    if (set && score(set) > 0) unique.set(set.length === 1 ? (set[0] as string) : [...set].sort().join("\u0000"), set);
  }
  return [...unique.values()].sort(stronger).slice(0, MAX_ALL);
}

/** Drops sets another one implies: T implies S when every member of T contains a member of S. */
function withoutImplied(list: readonly StrSet[]): StrSet[] {
  // An implying set is at least as strong, so it sorts first (or ties); keeping the first of each
  // group never drops both.
  return list.filter((s, i) => !list.some((t, j) => j < i && t.every((x) => s.some((y) => x.includes(y)))));
}

function best(info: Info): StrSet {
  return conjunction([...info.all, info.exact, info.prefix, info.suffix])[0] ?? NOTHING;
}

function cross(a: StrSet, b: StrSet): StrSet | null {
  if (a.length * b.length > MAX_SET) return null;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return [...out];
}

function union(sets: readonly StrSet[]): StrSet | null {
  const out = new Set<string>();
  for (const set of sets) for (const s of set) out.add(s);
  return out.size > MAX_SET ? null : [...out];
}

function concat(a: Info, b: Info): Info {
  if (a.exact && b.exact) {
    const e = cross(a.exact, b.exact);
    if (e) return exact(e);
  }
  const pre = a.exact ? (cross(a.exact, b.exact ?? b.prefix) ?? a.exact) : a.prefix;
  const suf = b.exact ? (cross(a.exact ?? a.suffix, b.exact) ?? b.exact) : b.suffix;
  const join = cross(a.exact ?? a.suffix, b.exact ?? b.prefix);
  return { exact: null, prefix: pre, suffix: suf, all: conjunction([...a.all, ...b.all, join, pre, suf]) };
}

function alternate(alts: readonly Info[]): Info {
  if (alts.every((a) => a.exact)) {
    const e = union(alts.map((a) => a.exact as StrSet));
    if (e) return exact(e);
  }
  // A match satisfies one alternative, so it contains a member of that alternative's best set.
  const either = union(alts.map(best));
  return {
    exact: null,
    prefix: union(alts.map((a) => a.exact ?? a.prefix)) ?? NOTHING,
    suffix: union(alts.map((a) => a.exact ?? a.suffix)) ?? NOTHING,
    all: either ? conjunction([either]) : [],
  };
}

function repeat(x: Info, min: number, max: number): Info {
  if (min === 0) {
    if (max === 1 && x.exact) return exact(union([x.exact, NOTHING]) ?? NOTHING);
    return ANY;
  }
  let acc = x;
  for (let i = 1; i < Math.min(min, MAX_REPEAT); i++) acc = concat(acc, x);
  return min === max && min <= MAX_REPEAT ? acc : concat(acc, ANY);
}

/** A character as the scanner sees it: '\n' never occurs inside a line, CR and backslash are skipped. */
function char(code: number): Info {
  if (code === 10) return ANY;
  return exact([foldLiteral(String.fromCodePoint(code))]);
}

const PERL_CLASSES = "dDsSwW";
const ASSERTIONS = "bBAz";
const SIMPLE_ESCAPES: Record<string, number> = { a: 7, f: 12, t: 9, n: 10, r: 13, v: 11 };

class Parser {
  private i = 0;
  constructor(private readonly p: string) {}

  run(): Info {
    return this.alternation();
  }

  private alternation(): Info {
    const alts = [this.concatenation()];
    while (this.p[this.i] === "|") {
      this.i++;
      alts.push(this.concatenation());
    }
    return alts.length === 1 ? (alts[0] as Info) : alternate(alts);
  }

  private concatenation(): Info {
    // Runs of exact pieces are merged first, so the costlier general concat runs once per boundary.
    const parts: Info[] = [];
    while (this.i < this.p.length && this.p[this.i] !== "|" && this.p[this.i] !== ")") {
      const x = this.repetition();
      const last = parts[parts.length - 1];
      const merged = last?.exact && x.exact ? cross(last.exact, x.exact) : null;
      if (merged) parts[parts.length - 1] = exact(merged);
      else parts.push(x);
    }
    return parts.reduce(concat, EMPTY);
  }

  private repetition(): Info {
    let x = this.atom();
    for (;;) {
      const c = this.p[this.i];
      let range: [number, number] | null = null;
      if (c === "*") range = [0, Number.POSITIVE_INFINITY];
      else if (c === "+") range = [1, Number.POSITIVE_INFINITY];
      else if (c === "?") range = [0, 1];
      else if (c === "{") range = this.counts();
      if (!range) return x;
      if (c !== "{") this.i++;
      if (this.p[this.i] === "?") this.i++; // non-greedy: same strings
      x = repeat(x, range[0], range[1]);
    }
  }

  /** `{n}`, `{n,}`, `{n,m}`; anything else is a literal brace in RE2. */
  private counts(): [number, number] | null {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(this.p.slice(this.i, this.i + 24));
    if (!m) return null;
    this.i += m[0].length;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === "" ? Number.POSITIVE_INFINITY : Number(m[3]);
    return [min, max];
  }

  private atom(): Info {
    const c = this.p.codePointAt(this.i) as number;
    const ch = String.fromCodePoint(c);
    this.i += ch.length;
    switch (ch) {
      case "(":
        return this.group();
      case "[":
        return this.charClass();
      case ".":
        return ANY;
      case "^":
      case "$":
        return EMPTY;
      case "\\":
        return this.escape();
      default:
        return char(c);
    }
  }

  private group(): Info {
    if (this.p[this.i] === "?") {
      const flags = /^\?(P?<[^>]*>|[imsU-]*:|[imsU-]*\))/.exec(this.p.slice(this.i));
      if (!flags) return ANY; // re2js accepted it, so this is syntax we do not model
      this.i += (flags[0] as string).length;
      if (flags[0].endsWith(")")) return EMPTY; // (?i) etc.: flags only; case is folded anyway
    }
    const inner = this.alternation();
    if (this.p[this.i] === ")") this.i++;
    return inner;
  }

  private escape(): Info {
    const c = this.p[this.i++] ?? "";
    if (c === "Q") {
      const end = this.p.indexOf("\\E", this.i);
      const text = this.p.slice(this.i, end < 0 ? this.p.length : end);
      this.i = end < 0 ? this.p.length : end + 2;
      let acc = EMPTY;
      for (const ch of text) acc = concat(acc, char(ch.codePointAt(0) as number));
      return acc;
    }
    if (ASSERTIONS.includes(c)) return EMPTY;
    if (PERL_CLASSES.includes(c) || c === "p" || c === "P" || c === "C") {
      if ((c === "p" || c === "P") && this.p[this.i] === "{") this.i = this.p.indexOf("}", this.i) + 1;
      else if (c === "p" || c === "P") this.i++;
      return ANY;
    }
    const code = this.escapedCode(c);
    return code === null ? ANY : char(code);
  }

  /** The code point of an escape that stands for one character (inside or outside a class). */
  private escapedCode(c: string): number | null {
    if (c in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[c] as number;
    if (c === "x") {
      if (this.p[this.i] === "{") {
        const end = this.p.indexOf("}", this.i);
        const code = Number.parseInt(this.p.slice(this.i + 1, end), 16);
        this.i = end + 1;
        return code;
      }
      const code = Number.parseInt(this.p.slice(this.i, this.i + 2), 16);
      this.i += 2;
      return code;
    }
    if (c >= "0" && c <= "7") {
      const m = /^[0-7]{0,2}/.exec(this.p.slice(this.i)) as RegExpExecArray;
      this.i += m[0].length;
      return Number.parseInt(c + m[0], 8);
    }
    if (/[A-Za-z0-9]/.test(c)) return null;
    return c.codePointAt(0) ?? null;
  }

  /** Small classes such as `[Ee]` or `[-_]` become exact sets; anything wider carries no literal. */
  private charClass(): Info {
    let negated = false;
    if (this.p[this.i] === "^") {
      negated = true;
      this.i++;
    }
    const codes = new Set<string>();
    let wide = false;
    let first = true;
    while (this.i < this.p.length && (first || this.p[this.i] !== "]")) {
      first = false;
      if (this.p.startsWith("[:", this.i)) {
        const end = this.p.indexOf(":]", this.i);
        this.i = end < 0 ? this.p.length : end + 2;
        wide = true;
        continue;
      }
      const lo = this.classChar();
      if (lo === null) {
        wide = true;
        continue;
      }
      let hi = lo;
      if (this.p[this.i] === "-" && this.p[this.i + 1] !== "]" && this.i + 1 < this.p.length) {
        this.i++;
        hi = this.classChar() ?? lo;
      }
      if (hi - lo >= 64) wide = true;
      for (let code = lo; code <= hi && !wide; code++) {
        if (code !== 10) codes.add(foldLiteral(String.fromCodePoint(code))); // a line has no '\n'
      }
    }
    this.i++; // ']'
    if (negated || wide || codes.size > MAX_CLASS || codes.size === 0) return ANY;
    return exact([...codes]);
  }

  private classChar(): number | null {
    const c = this.p.codePointAt(this.i) as number;
    this.i += c > 0xffff ? 2 : 1;
    if (c !== 92) return c;
    const e = this.p[this.i++] ?? "";
    if (PERL_CLASSES.includes(e) || e === "p" || e === "P") {
      if ((e === "p" || e === "P") && this.p[this.i] === "{") this.i = this.p.indexOf("}", this.i) + 1;
      else if (e === "p" || e === "P") this.i++;
      return null;
    }
    return this.escapedCode(e);
  }
}

/**
 * Sets of folded strings such that every match of `pattern` contains a member of each set, strongest
 * first; only sets whose members all have at least `minLength` characters. Empty when there is none.
 */
export function requiredLiteralSets(pattern: string, minLength = 3): string[][] {
  const info = new Parser(pattern).run();
  return withoutImplied(conjunction([...info.all, info.exact, info.prefix, info.suffix]))
    .filter((set) => score(set) >= minLength)
    .map((set) => [...set]);
}

/** One set of folded strings of which every match of `pattern` contains one; empty when there is none. */
export function requiredLiterals(pattern: string, minLength = 3): string[] {
  return requiredLiteralSets(pattern, minLength)[0] ?? [];
}
