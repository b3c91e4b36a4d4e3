import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diagnoseBundle } from "../../src/engine/diagnose";
import {
  extractFacts,
  factsFromFields,
  findIptables,
  parseIptablesVersion,
  parseNodesTable,
  parseOsRelease,
  parseUname,
  parseVersionSignature,
  readBundle,
} from "../../src/engine/facts";
import { kernelFacts } from "../../src/engine/facts/kernel-facts";
import { lineStartsOf } from "../../src/engine/match/line-starts";
import { yamlFoldVariant } from "../../src/engine/match/yaml-folds";
import {
  compareComponentVersion,
  compareDpkg,
  compareKernel,
  comparePacman,
  compareRpmEvr,
  parseComponentVersion,
  parseDpkgVersion,
  parseKernelVersion,
  parsePacmanVersion,
  parseRpmEvr,
  rpmvercmp,
} from "../../src/engine/versions";
import { checkTextLimits } from "../../src/http/limits";
import { loadDataKb } from "../support/data-kb";

/**
 * Every parser of user text must take any input: never throw, never take long. Inputs mix random
 * Unicode (NUL and other control characters included) with the tokens the parsers look for, so the
 * runs reach deep into each grammar, and long runs of one token (the shape that makes a
 * backtracking regex explode).
 */
const TOKENS = [
  "Linux ",
  "version ",
  "#1 SMP ",
  "5.15.0-127-generic",
  "4.18.0-553.el8_10.x86_64",
  "6.6.57",
  "x86_64",
  " GNU/Linux",
  "-",
  ".",
  "_",
  "~",
  "+",
  ":",
  "=",
  '"',
  "'",
  "\\",
  " ",
  "\t",
  "\n",
  "\r\n",
  "\u0000",
  "$ ",
  "# ",
  "root@node:~# ",
  "uname -a",
  "cat /etc/os-release",
  "kubectl get nodes -o wide",
  "NAME     STATUS   ROLES   AGE   VERSION   INTERNAL-IP   OS-IMAGE   KERNEL-VERSION   CONTAINER-RUNTIME",
  "Ready",
  "<none>",
  "v1.26.3",
  "Ubuntu 22.04.5 LTS",
  "containerd://1.6.20",
  "ID=ubuntu",
  'VERSION_ID="22.04"',
  "PRETTY_NAME=",
  "iptables v1.8.7 (nf_tables)",
  "ip6tables-restore v1.8.4 (legacy)",
  "Ubuntu 5.15.0-127.137-generic 5.15.167",
  "1:",
  "0",
  "9",
  "a",
  "Z",
  "é",
  "\u202e",
  "😀",
];
const tokenText = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((t) => t.join(""));
const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  tokenText,
  fc.tuple(fc.constantFrom(...TOKENS), fc.integer({ min: 100, max: 3000 })).map(([t, n]) => t.repeat(n)),
  fc
    .tuple(tokenText, fc.constantFrom(...TOKENS), fc.integer({ min: 100, max: 2000 }), tokenText)
    .map(([a, t, n, b]) => a + t.repeat(n) + b),
);
const lines = anyText.map((t) => t.split("\n"));

/** Runs f on every generated input; fails on a throw or on any single call over `ms`. */
function totalAndFast<T>(arb: fc.Arbitrary<T>, f: (v: T) => unknown, ms = 250, numRuns = 300) {
  fc.assert(
    fc.property(arb, (v) => {
      const start = performance.now();
      f(v);
      const took = performance.now() - start;
      if (took > ms) throw new Error(`took ${took.toFixed(0)} ms`);
    }),
    { numRuns },
  );
}

describe("parsers never throw and stay fast on any input", () => {
  it("bundle sections", () => totalAndFast(lines, (l) => readBundle(l)));
  it("whole bundles and structured fields", () => {
    totalAndFast(anyText, (t) => extractFacts(t));
    totalAndFast(
      fc.record({ uname: anyText, osRelease: anyText, nodes: anyText, iptablesVersion: anyText, logs: anyText, procVersion: anyText }),
      (f) => factsFromFields(f),
    );
  });
  it("uname, /proc/version and version_signature", () => {
    totalAndFast(anyText, (t) => {
      const u = parseUname(t);
      if (u?.release) kernelFacts(u.release, u.build, null);
      parseVersionSignature(t);
    });
  });
  it("os-release", () => totalAndFast(anyText, (t) => parseOsRelease(t)));
  it("kubectl nodes tables", () =>
    totalAndFast(
      fc.tuple(fc.constantFrom(TOKENS[25] as string, "NAME STATUS AGE VERSION", " NAME  STATUS  ROLES  AGE  VERSION"), lines),
      ([h, l]) => parseNodesTable([h, ...l]),
    ));
  it("iptables versions", () =>
    totalAndFast(lines, (l) => {
      findIptables(l);
      for (const line of l.slice(0, 20)) parseIptablesVersion(line);
    }));
  it("input limits", () => totalAndFast(anyText, (t) => checkTextLimits(t)));
  // Two readers with grammars of their own: YAML's folded values (a version that peeked past the text's end looped on a
  // text starting with a space) and a shell session's daemon settings (read through whole bundles).
  const shellText = (tokens: readonly string[]) =>
    fc.oneof(
      fc.array(fc.constantFrom(...tokens), { maxLength: 80 }).map((t) => t.join("")),
      fc.tuple(fc.constantFrom(...tokens), fc.integer({ min: 100, max: 3000 })).map(([t, n]) => t.repeat(n)),
    );
  const YAML = [
    "textPayload: '",
    'message: "',
    "- '",
    '- "',
    "''",
    "'",
    '"',
    "\\",
    "\n",
    "\n\n",
    "  ",
    " ",
    "key:",
    ": ",
    "|",
    ">",
    "#",
    "a b",
    "x",
  ];
  it("YAML folds", () => totalAndFast(shellText(YAML), (t) => yamlFoldVariant(t, lineStartsOf(t))));
  const SHELL = [
    "admin@web-1:~$ ",
    "$ ",
    "\n",
    " ",
    "export DOCKER_HOST=",
    "declare -x DOCKER_CONTEXT=",
    "set -gx CONTAINER_HOST ",
    "DOCKER_HOST=",
    "export DOCKER_HOST",
    "unset DOCKER_TLS_VERIFY DOCKER_HOST",
    "ssh://admin@web-2",
    "tcp://[::1]:2376",
    "unix:///var/run/docker.sock",
    "docker context use ",
    "default",
    "docker -H ",
    "docker --context ",
    "docker-compose ",
    "podman --remote ",
    "podman --url ",
    "eval $(minikube docker-env)",
    'eval "$(docker-machine env web-2 -u)"',
    "(",
    ")",
    "# ",
    "; ",
    "&& ",
    "'",
    '"',
    "-x ",
    "docker version",
    "docker: Error response from daemon: ",
  ];
  it("shell sessions' daemon settings", () => totalAndFast(shellText(SHELL), (t) => extractFacts(t)));
});

describe("version comparisons are total orders on any input", () => {
  const version = fc.oneof(
    fc.string({ unit: "binary", maxLength: 40 }),
    fc
      .array(fc.constantFrom("0", "1", "9", "10", "127", ".", "-", "~", "+", ":", "_", "a", "rc", "el8", "ubuntu", "^"), { maxLength: 12 })
      .map((t) => t.join("")),
  );
  const comparers: Array<[string, (a: string, b: string) => number, (t: string) => unknown]> = [
    ["dpkg", compareDpkg, parseDpkgVersion],
    ["rpm", compareRpmEvr, parseRpmEvr],
    ["rpmvercmp", rpmvercmp, (t) => t],
    ["pacman", comparePacman, parsePacmanVersion],
    // compareKernel refuses (RangeError) what parseKernelVersion does not accept: callers parse first.
    ["kernel", (a, b) => (parseKernelVersion(a) && parseKernelVersion(b) ? compareKernel(a, b) : 0), parseKernelVersion],
    ["component", compareComponentVersion, parseComponentVersion],
  ];
  for (const [name, compare, parse] of comparers) {
    it(`${name}: parses anything, compares reflexively and antisymmetrically`, () => {
      fc.assert(
        fc.property(version, version, (a, b) => {
          parse(a);
          expect(compare(a, a)).toBe(0);
          expect(Math.sign(compare(a, b)) + Math.sign(compare(b, a))).toBe(0);
        }),
        { numRuns: 500 },
      );
    });
  }
});

describe("the whole engine stays linear on many lines", () => {
  // A body of one short line repeated: each line costs little, so a reader that looks at the other
  // lines for each one (quadratic) takes seconds on 512 KB, where a linear one takes tens of ms. Four
  // such shapes were found by hand (test/engine/long-lines.test.ts); this looks for more.
  const line = fc.array(fc.constantFrom(...TOKENS.filter((t) => !/[\r\n]/.test(t))), { minLength: 1, maxLength: 6 }).map((t) => t.join(""));
  it("diagnoses 512 KB of one repeated line in well under 3 s", { timeout: 180_000 }, async () => {
    const kb = (await loadDataKb()).compiled;
    fc.assert(
      fc.property(line, (l) => {
        const text = `${l}\n`.repeat(Math.ceil((512 * 1024) / (l.length + 1)));
        const start = performance.now();
        diagnoseBundle(kb, text);
        const took = performance.now() - start;
        if (took > 3000) throw new Error(`took ${took.toFixed(0)} ms on ${JSON.stringify(l)}`);
      }),
      { numRuns: 25 },
    );
  });
});
