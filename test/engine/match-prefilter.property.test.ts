import fc from "fast-check";
import { RE2JS } from "re2js";
import { describe, expect, it } from "vitest";
import { compileMatcher, foldLiteral, requiredLiteralSets } from "../../src/engine/match";

// The one-pass scan only confirms a regex on lines that hold its required literals. If that prefilter
// ever dropped a line the full RE2 regex matches, a signature would silently miss real logs. These
// properties check it on random regexes, with lines built to match them and lines of random noise.

type Node =
  | { t: "lit"; s: string }
  | { t: "class"; s: string }
  | { t: "digit" }
  | { t: "any" }
  | { t: "cat"; a: Node[] }
  | { t: "alt"; a: Node[] }
  | { t: "opt" | "star" | "plus"; n: Node };

const ALPHABET = "abcXYZ019 -_:/\"'.()[]";
const word = fc.string({ unit: fc.constantFrom(...ALPHABET.split("")), minLength: 1, maxLength: 6 });

const nodeArb: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    word.map((s): Node => ({ t: "lit", s })),
    fc.constantFrom("abc", "0-9", "a-cX", "^ab").map((s): Node => ({ t: "class", s })),
    fc.constant<Node>({ t: "digit" }),
    fc.constant<Node>({ t: "any" }),
    fc.array(tie("node"), { minLength: 2, maxLength: 4 }).map((a): Node => ({ t: "cat", a })),
    fc.array(tie("node"), { minLength: 2, maxLength: 3 }).map((a): Node => ({ t: "alt", a })),
    fc.tuple(fc.constantFrom<"opt" | "star" | "plus">("opt", "star", "plus"), tie("node")).map(([t, n]): Node => ({ t, n })),
  ),
})).node;

const escapeRegex = (s: string) => s.replace(/[\\^$.|?*+()[\]{}]/g, (c) => `\\${c}`);

function render(n: Node): string {
  switch (n.t) {
    case "lit":
      return escapeRegex(n.s);
    case "class":
      return `[${n.s}]`;
    case "digit":
      return "\\d";
    case "any":
      return ".";
    case "cat":
      return n.a.map(render).join("");
    case "alt":
      return `(?:${n.a.map(render).join("|")})`;
    default:
      return `(?:${render(n.n)})${{ opt: "?", star: "*", plus: "+" }[n.t]}`;
  }
}

/** A string the node matches, steered by a stream of random choices. */
function witness(n: Node, pick: () => number): string {
  switch (n.t) {
    case "lit":
      return n.s;
    case "class":
      return n.s === "^ab" ? "Z" : (n.s[0] as string);
    case "digit":
      return String(pick() % 10);
    case "any":
      return "q";
    case "cat":
      return n.a.map((x) => witness(x, pick)).join("");
    case "alt":
      return witness(n.a[pick() % n.a.length] as Node, pick);
    case "opt":
      return pick() % 2 ? witness(n.n, pick) : "";
    case "star":
      return Array.from({ length: pick() % 3 }, () => witness(n.n, pick)).join("");
    case "plus":
      return Array.from({ length: 1 + (pick() % 2) }, () => witness(n.n, pick)).join("");
  }
}

/** A regex with at least one required literal: the only kind the matcher accepts. */
const regexCase = fc
  .record({
    node: nodeArb,
    choices: fc.array(fc.nat(), { minLength: 64, maxLength: 64 }),
    before: fc.string({ maxLength: 12 }),
    after: fc.string({ maxLength: 12 }),
    noise: fc.string({ maxLength: 40 }),
    upper: fc.boolean(),
  })
  .map((c) => ({ ...c, pattern: render(c.node) }))
  .filter((c) => requiredLiteralSets(c.pattern, 3).length > 0 && !/[\n\r]/.test(c.before + c.after + c.noise));

function lineFor(c: { node: Node; choices: number[]; before: string; after: string; upper: boolean }): string {
  let i = 0;
  const pick = () => c.choices[i++ % c.choices.length] as number;
  const w = witness(c.node, pick);
  return `${c.before}${c.upper ? w.toUpperCase() : w}${c.after}`;
}

describe("regex literal prefilter", () => {
  it("every line RE2 matches holds a member of each required literal set", () => {
    fc.assert(
      fc.property(regexCase, (c) => {
        const re = RE2JS.compile(c.pattern, RE2JS.CASE_INSENSITIVE);
        for (const line of [lineFor(c), c.noise]) {
          if (!re.test(line)) continue;
          const folded = foldLiteral(line);
          for (const set of requiredLiteralSets(c.pattern, 3))
            expect(
              set.some((lit) => folded.includes(lit)),
              `${c.pattern} on ${line}`,
            ).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("the compiled matcher reports every line the full regex matches", () => {
    fc.assert(
      fc.property(regexCase, (c) => {
        const re = RE2JS.compile(c.pattern, RE2JS.CASE_INSENSITIVE);
        const matcher = compileMatcher([{ key: "r", kind: "regex", pattern: c.pattern, caseSensitive: false }]);
        const lines = [c.noise, lineFor(c), `prefix ${lineFor(c)}`];
        const hits = new Set(matcher.scan(lines.join("\n")).map((h) => h.line));
        lines.forEach((line, i) => {
          if (re.test(line)) expect(hits.has(i + 1), `${c.pattern} on line ${JSON.stringify(line)}`).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });
});
