/**
 * Aho-Corasick over case-folded literals: one pass over the text finds every literal on every line,
 * however many literals there are.
 *
 * The scanner ignores CR (CRLF logs) and backslashes (so `\"--xor-mark\"` escaped inside a logfmt or
 * JSON value reads as `"--xor-mark"`), folds case through the class map, and counts '\n' as it goes.
 * Literals given to the automaton must already be folded with `foldLiteral`.
 */

/** Class 0: characters in no literal; 1: '\n'; 2: ignored (CR, backslash); 3..: the literals' alphabet. */
const OTHER = 0;
const NEWLINE = 1;
const IGNORED = 2;
const FIRST_LETTER = 3;

/** Dense tables above this many bytes fall back to goto+fail (Workers have 128 MB in all). */
const DEFAULT_MAX_DENSE_BYTES = 64 * 1024 * 1024;

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

export function isIgnoredCode(c: number): boolean {
  return c === 13 || c === 92;
}

/** Folds a literal the way the scanner reads text: lower case, CR and backslashes dropped. */
export function foldLiteral(s: string): string {
  const f = folds();
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isIgnoredCode(c)) out += String.fromCharCode(f[c] as number);
  }
  return out;
}

export interface Automaton {
  readonly patterns: number;
  readonly states: number;
  readonly classes: number;
  readonly dense: boolean;
  readonly tableBytes: number;
  readonly classMap: Uint16Array;
  /** Dense: transitions premultiplied by `classes`; a negative entry ~t marks a state with output (or '\n'). */
  readonly delta: Int32Array;
  /** Per state id: the literal ending here, or -1. */
  readonly terminal: Int32Array;
  /** Per state id: the nearest state on the fail chain with a terminal, or -1. */
  readonly dictLink: Int32Array;
  /** Sparse fallback only. */
  readonly sparse: SparseGoto | null;
}

interface SparseGoto {
  edgeStart: Int32Array;
  edgeClass: Uint16Array;
  edgeTo: Int32Array;
  fail: Int32Array;
  hasOutput: Uint8Array;
}

/** Hits as parallel arrays, in text order: literal id, 0-based line, offset of the line start, offset of the hit end. */
export interface LiteralHits {
  pattern: number[];
  line: number[];
  lineStart: number[];
  end: number[];
  /** Lines in the text (a trailing text without '\n' counts as one). */
  lines: number;
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

  // Sorted literals share prefixes with their neighbour, so the trie size is known before building it.
  const order = literals.map((_, i) => i).sort((a, b) => cmp(literals[a] as string, literals[b] as string));
  let trieStates = 1;
  for (let k = 0; k < order.length; k++) {
    const cur = literals[order[k] as number] as string;
    const prev = k > 0 ? (literals[order[k - 1] as number] as string) : "";
    trieStates += cur.length - lcp(prev, cur);
  }
  const states = trieStates + 1; // + the state reached on '\n'
  const denseBytes = states * classes * 4;
  if (denseBytes > maxDenseBytes) return buildSparse(literals, order, classMap, classes, trieStates);

  const stride = classes;
  const delta = new Int32Array(states * stride).fill(-1);
  const terminal = new Int32Array(states).fill(-1);
  insertSorted(literals, order, classMap, (s, cls, next) => {
    delta[s * stride + cls] = next;
  }, (s, cls) => delta[s * stride + cls] as number, terminal);

  const fail = new Int32Array(states);
  const dictLink = new Int32Array(states).fill(-1);
  const queue = new Int32Array(states);
  let head = 0;
  let tail = 0;
  for (let c = 0; c < stride; c++) {
    const t = delta[c] as number;
    if (t < 0) delta[c] = 0;
    else {
      fail[t] = 0;
      queue[tail++] = t;
    }
  }
  while (head < tail) {
    const s = queue[head++] as number;
    const row = s * stride;
    const failRow = (fail[s] as number) * stride;
    for (let c = FIRST_LETTER; c < stride; c++) {
      const t = delta[row + c] as number;
      if (t < 0) delta[row + c] = delta[failRow + c] as number;
      else {
        const ft = delta[failRow + c] as number;
        fail[t] = ft;
        dictLink[t] = (terminal[ft] as number) >= 0 ? ft : (dictLink[ft] as number);
        queue[tail++] = t;
      }
    }
  }

  // Premultiply and mark output states negative, so the hot loop has one table read and one branch.
  const nl = trieStates;
  delta.copyWithin(nl * stride, 0, stride);
  for (let s = 0; s < states; s++) {
    const row = s * stride;
    delta[row + OTHER] = 0;
    delta[row + NEWLINE] = nl;
    delta[row + IGNORED] = s;
    for (let c = 0; c < stride; c++) {
      const t = delta[row + c] as number;
      const out = t === nl || (terminal[t] as number) >= 0 || (dictLink[t] as number) >= 0;
      delta[row + c] = out ? ~(t * stride) : t * stride;
    }
  }
  return { patterns: literals.length, states, classes, dense: true, tableBytes: denseBytes, classMap, delta, terminal, dictLink, sparse: null };
}

function insertSorted(
  literals: readonly string[],
  order: readonly number[],
  classMap: Uint16Array,
  setGoto: (s: number, cls: number, next: number) => void,
  getGoto: (s: number, cls: number) => number,
  terminal: Int32Array,
): void {
  let next = 1;
  for (const id of order) {
    const lit = literals[id] as string;
    let s = 0;
    for (let i = 0; i < lit.length; i++) {
      const cls = classMap[lit.charCodeAt(i)] as number;
      let t = getGoto(s, cls);
      if (t < 0) {
        t = next++;
        setGoto(s, cls, t);
      }
      s = t;
    }
    terminal[s] = id;
  }
}

function buildSparse(literals: readonly string[], order: readonly number[], classMap: Uint16Array, classes: number, trieStates: number): Automaton {
  const states = trieStates;
  // Children are created in sorted-literal order, so each state's edges are contiguous once grouped by parent.
  const parent = new Int32Array(states).fill(-1);
  const viaClass = new Uint16Array(states);
  const children = new Map<number, number>();
  const terminal = new Int32Array(states).fill(-1);
  insertSorted(literals, order, classMap, (s, cls, next) => {
    parent[next] = s;
    viaClass[next] = cls;
    children.set(s * classes + cls, next);
  }, (s, cls) => children.get(s * classes + cls) ?? -1, terminal);
  const edgeStart = new Int32Array(states + 1);
  for (let t = 1; t < states; t++) (edgeStart[(parent[t] as number) + 1] as number)++;
  for (let s = 0; s < states; s++) edgeStart[s + 1] = (edgeStart[s + 1] as number) + (edgeStart[s] as number);
  const fill = edgeStart.slice(0, states);
  const edgeClass = new Uint16Array(states);
  const edgeTo = new Int32Array(states);
  for (let t = 1; t < states; t++) {
    const p = parent[t] as number;
    const at = (fill[p] as number);
    fill[p] = at + 1;
    edgeClass[at] = viaClass[t] as number;
    edgeTo[at] = t;
  }
  const rootRow = new Int32Array(classes);
  for (let e = edgeStart[0] as number; e < (edgeStart[1] as number); e++) rootRow[edgeClass[e] as number] = edgeTo[e] as number;
  const fail = new Int32Array(states);
  const dictLink = new Int32Array(states).fill(-1);
  const sparse: SparseGoto = { edgeStart, edgeClass, edgeTo, fail, hasOutput: new Uint8Array(states) };
  const queue = new Int32Array(states);
  let head = 0;
  let tail = 0;
  for (let e = edgeStart[0] as number; e < (edgeStart[1] as number); e++) queue[tail++] = edgeTo[e] as number;
  while (head < tail) {
    const s = queue[head++] as number;
    for (let e = edgeStart[s] as number; e < (edgeStart[s + 1] as number); e++) {
      const t = edgeTo[e] as number;
      const ft = sparseStep(sparse, rootRow, fail[s] as number, edgeClass[e] as number);
      fail[t] = ft;
      dictLink[t] = (terminal[ft] as number) >= 0 ? ft : (dictLink[ft] as number);
      queue[tail++] = t;
    }
  }
  for (let s = 0; s < states; s++) sparse.hasOutput[s] = (terminal[s] as number) >= 0 || (dictLink[s] as number) >= 0 ? 1 : 0;
  const tableBytes = rootRow.byteLength + edgeStart.byteLength + edgeClass.byteLength + edgeTo.byteLength + fail.byteLength * 2 + terminal.byteLength + states;
  return { patterns: literals.length, states, classes, dense: false, tableBytes, classMap, delta: rootRow, terminal, dictLink, sparse };
}

function sparseStep(g: SparseGoto, rootRow: Int32Array, from: number, cls: number): number {
  let s = from;
  for (;;) {
    if (s === 0) return rootRow[cls] as number;
    for (let e = g.edgeStart[s] as number, end = g.edgeStart[s + 1] as number; e < end; e++) {
      if (g.edgeClass[e] === cls) return g.edgeTo[e] as number;
    }
    s = g.fail[s] as number;
  }
}

/** Scans the whole text once and reports each literal at most once per line. */
export function scanText(ac: Automaton, text: string): LiteralHits {
  const hits: LiteralHits = { pattern: [], line: [], lineStart: [], end: [], lines: 0 };
  const lastLine = new Int32Array(ac.patterns).fill(-1);
  const report = (state: number, line: number, lineStart: number, end: number) => {
    let t = (ac.terminal[state] as number) >= 0 ? state : (ac.dictLink[state] as number);
    while (t >= 0) {
      const p = ac.terminal[t] as number;
      if (lastLine[p] !== line) {
        lastLine[p] = line;
        hits.pattern.push(p);
        hits.line.push(line);
        hits.lineStart.push(lineStart);
        hits.end.push(end);
      }
      t = ac.dictLink[t] as number;
    }
  };
  const n = text.length;
  let line = 0;
  let lineStart = 0;
  if (ac.dense) {
    const delta = ac.delta;
    const cmap = ac.classMap;
    const stride = ac.classes;
    let s = 0;
    for (let i = 0; i < n; i++) {
      s = delta[s + (cmap[text.charCodeAt(i)] as number)] as number;
      if (s < 0) {
        s = ~s;
        const c = text.charCodeAt(i);
        if (c === 10) {
          line++;
          lineStart = i + 1;
        } else if (c !== 13 && c !== 92) report((s / stride) | 0, line, lineStart, i + 1);
      }
    }
  } else {
    const g = ac.sparse as SparseGoto;
    const cmap = ac.classMap;
    let s = 0;
    for (let i = 0; i < n; i++) {
      const cls = cmap[text.charCodeAt(i)] as number;
      if (cls < FIRST_LETTER) {
        if (cls === NEWLINE) {
          s = 0;
          line++;
          lineStart = i + 1;
        } else if (cls === OTHER) s = 0;
        continue;
      }
      s = sparseStep(g, ac.delta, s, cls);
      if (g.hasOutput[s] === 1) report(s, line, lineStart, i + 1);
    }
  }
  hits.lines = n > 0 && text.charCodeAt(n - 1) !== 10 ? line + 1 : line;
  return hits;
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
