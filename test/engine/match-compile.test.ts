import { describe, expect, it } from "vitest";
import { compileMatcher, MatcherCompileError, requiredLiteralSets, requiredLiterals, type SignatureSpec } from "../../src/engine/match";

const rx = (key: string, pattern: string): SignatureSpec => ({ key, kind: "regex", pattern, caseSensitive: false });
const lit = (key: string, pattern: string): SignatureSpec => ({ key, kind: "literal", pattern, caseSensitive: false });

function problemsOf(sigs: SignatureSpec[]) {
  try {
    compileMatcher(sigs);
  } catch (error) {
    expect(error).toBeInstanceOf(MatcherCompileError);
    return (error as MatcherCompileError).problems;
  }
  throw new Error("expected compileMatcher to throw");
}

describe("required literals of a regex", () => {
  it("takes the longest literal run of a concatenation, folded to lower case", () => {
    expect(requiredLiterals('unknown option "--\\S+"')).toEqual(['unknown option "--']);
    expect(requiredLiterals("Warning: Extension MARK revision \\d+ not supported")).toEqual(["warning: extension mark revision "]);
  });

  it("expands small alternations and optional parts into several literals", () => {
    expect(requiredLiterals("ip6tables(-restore)?: (xor|or)-mark").sort()).toEqual([
      "ip6tables-restore: or-mark",
      "ip6tables-restore: xor-mark",
      "ip6tables: or-mark",
      "ip6tables: xor-mark",
    ]);
    expect(requiredLiterals("[Ee]rror occurred at line")).toEqual(["error occurred at line"]);
  });

  it("keeps every independent literal, so a line needs all of them before the regex runs", () => {
    expect(requiredLiteralSets("kube-proxy\\[\\d+\\]: .*Failed to execute iptables-restore")).toEqual([
      ["failed to execute iptables-restore"],
      ["kube-proxy["],
      ["]: "],
    ]);
  });

  it("drops characters the scanner skips (CR, backslash) and stops at escapes for classes", () => {
    expect(requiredLiterals("C:\\\\Windows\\\\System32")).toEqual(["c:windowssystem32"]);
    expect(requiredLiterals("\\x{41}BC\\d+")).toEqual(["abc"]);
  });

  it("finds nothing in patterns without a fixed part", () => {
    expect(requiredLiterals("\\d+\\.\\d+\\.\\d+")).toEqual([]);
    expect(requiredLiterals("(?:abc)?x*")).toEqual([]);
    expect(requiredLiterals("ab|cd")).toEqual([]); // two characters are too short
  });
});

describe("compile errors", () => {
  it("rejects what RE2 cannot run in linear time, with a reason", () => {
    const problems = problemsOf([
      rx("backref", '(unknown option) "--\\S+" \\1'),
      rx("lookahead", 'unknown option(?= "--xor-mark")'),
      rx("lookbehind", "(?<!ip6)tables v1\\.8"),
      rx("atomic", "(?>MARK revision) 0"),
    ]);
    expect(problems.map((p) => [p.key, p.message])).toEqual([
      ["backref", "backreferences are not supported (regexes must run in linear time)"],
      ["lookahead", "lookaround (lookahead or lookbehind) is not supported (regexes must run in linear time)"],
      ["lookbehind", "lookaround (lookahead or lookbehind) is not supported (regexes must run in linear time)"],
      ["atomic", "atomic groups are not supported (regexes must run in linear time)"],
    ]);
  });

  it("collects every problem into one error", () => {
    const problems = problemsOf([
      lit("ok", "Extension MARK revision 0 not supported"),
      rx("no-literal", "v\\d+\\.\\d+\\.\\d+"),
      rx("syntax", "unknown option [mark"),
      lit("short", "\\\\ab\\\\"),
      lit("multi-line", "Error occurred at line: 16\nTry"),
      lit("ok", "duplicate key"),
    ]);
    expect(problems).toEqual([
      {
        key: "no-literal",
        pattern: "v\\d+\\.\\d+\\.\\d+",
        message: expect.stringMatching(/^no literal of 3\+ characters that every match contains/),
      },
      { key: "syntax", pattern: "unknown option [mark", message: expect.stringMatching(/^not valid RE2 syntax: missing closing \]/) },
      { key: "short", pattern: "\\\\ab\\\\", message: "literal has fewer than 3 characters once CR and backslashes are ignored" },
      {
        key: "multi-line",
        pattern: "Error occurred at line: 16\nTry",
        message: "literal contains a line break; signatures match within one line",
      },
      { key: "ok", pattern: "duplicate key", message: "duplicate signature key" },
    ]);
  });

  it("says which signatures failed in the error message", () => {
    expect(() => compileMatcher([rx("bad", "(a)\\1xyz")])).toThrow(/bad: backreferences are not supported/);
  });
});

describe("one pass over many signatures", () => {
  // Synthetic: 10,000 distinct kernel-style messages, the scale the matcher is built for.
  const words = [
    "nf_conntrack",
    "table",
    "full",
    "dropping",
    "packet",
    "xt_MARK",
    "revision",
    "ip6tables",
    "mount",
    "EXT4-fs",
    "error",
    "device",
    "nvme0n1",
    "timeout",
    "reset",
    "controller",
    "cgroup",
    "memory",
    "oom",
    "kill",
  ];
  const sigs: SignatureSpec[] = [];
  for (let i = 0; i < 10_000; i++) {
    const text = `${words[i % 20]} ${words[Math.floor(i / 20) % 20]} ${words[Math.floor(i / 400) % 20]} #${i}`;
    sigs.push(i % 7 === 0 ? rx(`s${i}`, `${text.replace(/[.#]/g, "\\$&")} code=\\d+`) : lit(`s${i}`, `${text};`));
  }
  const planted = [3, 7, 700, 4321, 9999];
  const log = [
    "Feb 17 11:12:14 node kernel: nf_conntrack: table full, dropping packet",
    ...planted.map((i) => {
      const text = `${words[i % 20]} ${words[Math.floor(i / 20) % 20]} ${words[Math.floor(i / 400) % 20]} #${i}`;
      return i % 7 === 0 ? `Feb 17 11:12:15 node kernel: ${text.toUpperCase()} code=110` : `Feb 17 11:12:15 node kernel: ${text};`;
    }),
    "Feb 17 11:12:16 node kernel: nf_conntrack table full dropping #3 code=x",
  ].join("\n");

  it("compiles 10,000 signatures and finds exactly the planted ones", () => {
    const matcher = compileMatcher(sigs);
    expect(matcher.stats.signatures).toBe(10_000);
    expect(matcher.scan(log).map((h) => [h.key, h.line])).toEqual(planted.map((i, k) => [`s${i}`, k + 2]));
  });

  it("gives the same hits when most states use goto+fail instead of dense rows", () => {
    const dense = compileMatcher(sigs);
    const sparse = compileMatcher(sigs, { maxDenseBytes: 64 * 1024 });
    expect(sparse.stats.denseStates).toBeLessThan(sparse.stats.states / 10);
    expect(sparse.scan(log)).toEqual(dense.scan(log));
  });
});

describe("deferred regexes (serving an already validated knowledge base)", () => {
  // kube-proxy on Ubuntu 22.04, https://github.com/kubernetes/kube-proxy/issues/25
  const log = `Feb 17 11:12:14 k8s-192-168-3-26 kube-proxy[9234]:         exit status 2: ip6tables-restore v1.8.7 (nf_tables): unknown option "--xor-mark"`;
  const sigs = [
    rx("xt/ip6", 'ip6tables(-restore)? v\\S+ \\((legacy|nf_tables)\\): unknown option "--(xor|set-x)mark"'),
    lit("xt/lit", "--xor-mark"),
  ];

  it("finds the same hits as a full compile", () => {
    expect(compileMatcher(sigs, { deferRegexes: true }).scan(log)).toEqual(compileMatcher(sigs).scan(log));
  });

  it("leaves rejecting unsafe regexes to the full compile", () => {
    expect(problemsOf([rx("bad", "(ip6tables)-restore \\1")])[0]?.message).toMatch(/linear time/);
    expect(() => compileMatcher([rx("bad", "(ip6tables)-restore \\1")], { deferRegexes: true })).not.toThrow();
  });
});
