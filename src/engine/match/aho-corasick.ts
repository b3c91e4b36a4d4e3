/**
 * Aho-Corasick over case-folded literals: one pass over the text finds every literal on every line,
 * however many literals there are.
 *
 * The scanner ignores CR (CRLF logs) and backslashes (so `\"--xor-mark\"` escaped inside a logfmt or
 * JSON value reads as `"--xor-mark"`), folds case through the class map, and counts '\n' as it goes.
 * Literals given to the automaton must already be folded with `foldLiteral`.
 *
 * Layout: states are numbered breadth-first, so the shallow states where a scan spends nearly all its
 * time sit together at the start of one dense transition table (premultiplied by the row width). Rows
 * are kept only for as many states as `maxDenseBytes` allows; deeper states fall back to goto+fail
 * edges, which a scan only walks while the text keeps following a literal.
 */

/** Class 0: characters in no literal; 1: '\n'; 2: ignored (CR, backslash); 3..: the literals' alphabet. */
const OTHER = 0;
const NEWLINE = 1;
const IGNORED = 2;
const FIRST_LETTER = 3;

/** Dense rows beyond this many bytes become goto+fail states (Workers have 128 MB in all). */
const DEFAULT_MAX_DENSE_BYTES = 8 * 1024 * 1024;

let foldTable: Uint16Array | null = null;

/** Code unit to its lower-case code unit; built once per process because toLowerCase is slow. */
function folds(): Uint16Array {
  if (foldTable) return foldTable;
  const t = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) {
    if (c < 128) t[c] = c >= 65 && c <= 90 ? c + 32 : c;
    else if (c >= 0xd800 && c <= 0xdfff) t[c] = c;
    else {
      const lower = String.fromCharCode(c).toLowerCase();
      t[c] = lower.length === 1 ? lower.charCodeAt(0) : c;
    }
  }
  foldTable = t;
  return t;
}

/** Folds a literal the way the scanner reads text: lower case, CR and backslashes dropped. */
export function foldLiteral(s: string): string {
  const f = folds();
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 13 && c !== 92) out.push(f[c] as number);
  }
  return String.fromCharCode(...out);
}

/** A text folded as the scanner reads it (foldLiteral), and where an offset in it falls in the text as given. */
export interface FoldedText {
  text: string;
  written(offset: number): number;
}

/**
 * Folds a text (a log line) the way the scanner reads it, so that folded literals are found in it where the
 * scanner found them (`\"flannel\"` escaped in a logfmt value reads as `"flannel"`). The fold maps each code
 * unit to one, so only the dropped CRs and backslashes move offsets: their places are kept, no more.
 */
export function foldText(s: string): FoldedText {
  const f = folds();
  const units = new Uint16Array(s.length);
  let dropped = new Int32Array(16);
  let drops = 0;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 13 || c === 92) {
      if (drops === dropped.length) {
        const grown = new Int32Array(drops * 2);
        grown.set(dropped);
        dropped = grown;
      }
      // Where it would have been in the folded text.
      dropped[drops++] = n;
    } else units[n++] = f[c] as number;
  }
  // In chunks: a long line's code units would overflow one call's arguments.
  let text = "";
  for (let i = 0; i < n; i += 8192) text += String.fromCharCode(...units.subarray(i, Math.min(n, i + 8192)));
  const written = (offset: number) => {
    // Every character dropped at or before this place in the folded text came before it in the text as given.
    let lo = 0;
    let hi = drops;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((dropped[mid] as number) <= offset) lo = mid + 1;
      else hi = mid;
    }
    return offset + lo;
  };
  return { text, written: drops ? written : (offset) => offset };
}

export interface Automaton {
  readonly patterns: number;
  readonly states: number;
  /** States 0 .. denseStates-1 have a row in `delta`. */
  readonly denseStates: number;
  readonly classes: number;
  readonly tableBytes: number;
  readonly classMap: Uint16Array;
  /**
   * Row-major, entries premultiplied by `classes`. A negative entry ~t means "look closer": the target
   * has output, lies beyond the dense rows, or the character was '\n' (then t is the root).
   */
  readonly delta: Int32Array;
  readonly edgeStart: Int32Array;
  readonly edgeClass: Uint16Array;
  readonly edgeTo: Int32Array;
  readonly fail: Int32Array;
  /** Per state: the literal ending here, or -1. */
  readonly terminal: Int32Array;
  /** Per state: the nearest state on the fail chain with a terminal, or -1. */
  readonly dictLink: Int32Array;
}

/** Hits as parallel arrays, in text order: literal id, 0-based line, offset of the line start, offset of the hit end. */
export interface LiteralHits {
  /** Lines in the text (newlines + 1). */
  lines: number;
  /** Offset of each line's start: the pass counts lines anyway, and later readers of a large text need not split it again. */
  lineStarts: number[];
  pattern: number[];
  line: number[];
  lineStart: number[];
  end: number[];
}

export function buildAutomaton(literals: readonly string[], maxDenseBytes = DEFAULT_MAX_DENSE_BYTES): Automaton {
  const f = folds();
  const classOf = new Uint16Array(65536);
  let classes = FIRST_LETTER;
  for (const lit of literals) {
    for (let i = 0; i < lit.length; i++) {
      const c = lit.charCodeAt(i);
      if (classOf[c] === 0) classOf[c] = classes++;
    }
  }
  if (classes > 65535) throw new Error("too many distinct characters in literals");
  const classMap = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) classMap[c] = classOf[f[c] as number] as number;
  classMap[10] = NEWLINE;
  classMap[13] = IGNORED;
  classMap[92] = IGNORED;

  const trie = buildTrie(literals, classMap);
  const { states } = trie;
  const stride = classes;
  const denseStates = Math.max(1, Math.min(states, Math.floor(maxDenseBytes / (stride * 4))));
  const delta = new Int32Array(denseStates * stride);
  const fail = new Int32Array(states);
  const dictLink = new Int32Array(states).fill(-1);
  const { edgeStart, edgeClass, edgeTo, terminal } = trie;
  const hasOutput = (t: number) => (terminal[t] as number) >= 0 || (dictLink[t] as number) >= 0;
  const encode = (t: number) => (t >= denseStates || hasOutput(t) ? ~(t * stride) : t * stride);
  const ac: Automaton = {
    patterns: literals.length,
    states,
    denseStates,
    classes,
    tableBytes: 0,
    classMap,
    delta,
    edgeStart,
    edgeClass,
    edgeTo,
    fail,
    terminal,
    dictLink,
  };

  // Breadth-first: a state's fail target is shallower, hence already complete.
  for (let s = 0; s < states; s++) {
    const row = s * stride;
    const dense = s < denseStates;
    if (dense) {
      if (s === 0) delta[NEWLINE] = ~0;
      else {
        // A plain loop beats copyWithin's call overhead on rows this short.
        const from = (fail[s] as number) * stride;
        for (let c = 0; c < stride; c++) delta[row + c] = delta[from + c] as number;
      }
    }
    for (let e = edgeStart[s] as number; e < (edgeStart[s + 1] as number); e++) {
      const t = edgeTo[e] as number;
      const c = edgeClass[e] as number;
      const ft = s === 0 ? 0 : step(ac, fail[s] as number, c);
      fail[t] = ft;
      dictLink[t] = (terminal[ft] as number) >= 0 ? ft : (dictLink[ft] as number);
      if (dense) delta[row + c] = encode(t);
    }
    if (dense) delta[row + IGNORED] = encode(s);
  }
  const tableBytes =
    delta.byteLength + edgeStart.byteLength + edgeClass.byteLength + edgeTo.byteLength + (fail.byteLength + terminal.byteLength) * 2;
  return { ...ac, tableBytes };
}

interface Trie {
  states: number;
  edgeStart: Int32Array;
  edgeClass: Uint16Array;
  edgeTo: Int32Array;
  terminal: Int32Array;
}

/** The trie with states numbered breadth-first and each state's edges contiguous (CSR). */
function buildTrie(literals: readonly string[], classMap: Uint16Array): Trie {
  // Sorted literals share prefixes with their neighbour only, so insertion needs no lookups.
  const order = literals.map((_, i) => i).sort((a, b) => cmp(literals[a] as string, literals[b] as string));
  let states = 1;
  for (let k = 0; k < order.length; k++) {
    const cur = literals[order[k] as number] as string;
    const prev = k > 0 ? (literals[order[k - 1] as number] as string) : "";
    states += cur.length - lcp(prev, cur);
  }
  const parent = new Int32Array(states);
  const via = new Uint16Array(states);
  const depth = new Int32Array(states);
  const term = new Int32Array(states).fill(-1);
  const path = [0];
  let next = 1;
  let prev = "";
  for (const id of order) {
    const lit = literals[id] as string;
    const shared = lcp(prev, lit);
    path.length = shared + 1;
    for (let i = shared; i < lit.length; i++) {
      const t = next++;
      parent[t] = path[i] as number;
      via[t] = classMap[lit.charCodeAt(i)] as number;
      depth[t] = i + 1;
      path.push(t);
    }
    term[path[lit.length] as number] = id;
    prev = lit;
  }
  // Renumber breadth-first (a counting sort by depth).
  let maxDepth = 0;
  for (let t = 0; t < states; t++) maxDepth = Math.max(maxDepth, depth[t] as number);
  const firstAt = new Int32Array(maxDepth + 2);
  for (let t = 0; t < states; t++) firstAt[(depth[t] as number) + 1] = (firstAt[(depth[t] as number) + 1] as number) + 1;
  for (let d = 0; d <= maxDepth; d++) firstAt[d + 1] = (firstAt[d + 1] as number) + (firstAt[d] as number);
  const byDepth = new Int32Array(states);
  for (let t = 0; t < states; t++) {
    const d = depth[t] as number;
    byDepth[firstAt[d] as number] = t;
    firstAt[d] = (firstAt[d] as number) + 1;
  }
  const newId = new Int32Array(states);
  for (let i = 0; i < states; i++) newId[byDepth[i] as number] = i;
  const edgeStart = new Int32Array(states + 1);
  for (let t = 1; t < states; t++) {
    const p = newId[parent[t] as number] as number;
    edgeStart[p + 1] = (edgeStart[p + 1] as number) + 1;
  }
  for (let s = 0; s < states; s++) edgeStart[s + 1] = (edgeStart[s + 1] as number) + (edgeStart[s] as number);
  const fill = edgeStart.slice(0, states);
  const edgeClass = new Uint16Array(Math.max(1, states - 1));
  const edgeTo = new Int32Array(Math.max(1, states - 1));
  const terminal = new Int32Array(states).fill(-1);
  for (const old of byDepth) {
    const t = newId[old] as number;
    terminal[t] = term[old] as number;
    if (old === 0) continue;
    const p = newId[parent[old] as number] as number;
    const at = fill[p] as number;
    fill[p] = at + 1;
    edgeClass[at] = via[old] as number;
    edgeTo[at] = t;
  }
  return { states, edgeStart, edgeClass, edgeTo, terminal };
}

/** The state reached from `from` on class `cls`, following fail links to the dense rows. */
function step(ac: Automaton, from: number, cls: number): number {
  let s = from;
  for (;;) {
    if (s < ac.denseStates) {
      const v = ac.delta[s * ac.classes + cls] as number;
      return ((v < 0 ? ~v : v) / ac.classes) | 0;
    }
    for (let e = ac.edgeStart[s] as number, end = ac.edgeStart[s + 1] as number; e < end; e++) {
      if (ac.edgeClass[e] === cls) return ac.edgeTo[e] as number;
    }
    s = ac.fail[s] as number;
  }
}

/** Scans the whole text once and reports each literal at most once per line. */
export function scanText(ac: Automaton, text: string): LiteralHits {
  const lineStarts = [0];
  const hits: LiteralHits = { lines: 0, lineStarts, pattern: [], line: [], lineStart: [], end: [] };
  const lastLine = new Int32Array(ac.patterns).fill(-1);
  const { terminal, dictLink, delta, classMap: cmap, classes: stride, denseStates } = ac;
  const report = (state: number, line: number, lineStart: number, end: number) => {
    let t = (terminal[state] as number) >= 0 ? state : (dictLink[state] as number);
    while (t >= 0) {
      const p = terminal[t] as number;
      if (lastLine[p] !== line) {
        lastLine[p] = line;
        hits.pattern.push(p);
        hits.line.push(line);
        hits.lineStart.push(lineStart);
        hits.end.push(end);
      }
      t = dictLink[t] as number;
    }
  };
  const n = text.length;
  let line = 0;
  let lineStart = 0;
  let s = 0;
  for (let i = 0; i < n; i++) {
    s = delta[s + (cmap[text.charCodeAt(i)] as number)] as number;
    if (s >= 0) continue;
    s = ~s;
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = i + 1;
      lineStarts.push(lineStart);
      continue;
    }
    let t = (s / stride) | 0;
    if (c !== 13 && c !== 92) report(t, line, lineStart, i + 1);
    if (t < denseStates) continue;
    // Deep in a long literal: walk goto+fail edges until the text leaves it.
    while (t >= denseStates && ++i < n) {
      const cls = cmap[text.charCodeAt(i)] as number;
      if (cls === IGNORED) continue;
      if (cls === NEWLINE) {
        line++;
        lineStart = i + 1;
        lineStarts.push(lineStart);
        t = 0;
        break;
      }
      t = cls === OTHER ? 0 : step(ac, t, cls);
      if ((terminal[t] as number) >= 0 || (dictLink[t] as number) >= 0) report(t, line, lineStart, i + 1);
    }
    s = t * stride;
  }
  hits.lines = line + 1;
  return hits;
}

/**
 * Every literal occurrence, read with each '\n' as `newlineAs` (IGNORED: the line break was a cut
 * inside the text; a space's class: it stood for a space), as [literal id, end offset] pairs. For
 * finding literals that run across line breaks; `scanText` gives the per-line hits.
 */
export function scanAcrossLines(ac: Automaton, text: string, newlineAs: "cut" | "space"): { pattern: number[]; end: number[] } {
  const out = { pattern: [] as number[], end: [] as number[] };
  const { terminal, dictLink, delta, classes: stride, denseStates } = ac;
  const cmap = newlineAs === "cut" ? withNewlineAs(ac, IGNORED) : withNewlineAs(ac, ac.classMap[32] as number);
  const report = (state: number, end: number) => {
    for (let t = (terminal[state] as number) >= 0 ? state : (dictLink[state] as number); t >= 0; t = dictLink[t] as number) {
      out.pattern.push(terminal[t] as number);
      out.end.push(end);
    }
  };
  const n = text.length;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const cls = cmap[text.charCodeAt(i)] as number;
    let t: number;
    if (s < denseStates * stride) {
      const v = delta[s + cls] as number;
      if (v >= 0) {
        s = v;
        continue;
      }
      t = (~v / stride) | 0;
    } else t = cls === IGNORED ? s / stride : cls === OTHER ? 0 : step(ac, s / stride, cls);
    if (cls !== IGNORED && ((terminal[t] as number) >= 0 || (dictLink[t] as number) >= 0)) report(t, i + 1);
    s = t * stride;
  }
  return out;
}

const newlineMaps = new WeakMap<Automaton, Map<number, Uint16Array>>();

/** The automaton's class map with '\n' read as class `cls` (built once per automaton and class). */
function withNewlineAs(ac: Automaton, cls: number): Uint16Array {
  let maps = newlineMaps.get(ac);
  if (!maps) {
    maps = new Map();
    newlineMaps.set(ac, maps);
  }
  let map = maps.get(cls);
  if (!map) {
    map = ac.classMap.slice();
    map[10] = cls;
    maps.set(cls, map);
  }
  return map;
}

function lcp(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
