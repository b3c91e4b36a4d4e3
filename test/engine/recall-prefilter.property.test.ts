import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lineTokens, recallHits } from "../../src/engine/recall";
import { CUT, isFailure } from "../../src/engine/recall/failure-lines";
import { loadDataKb } from "../support/data-kb";

// Speed-ups of the recall tier must not change what it finds. The one-pass matcher marks the lines
// holding a failure word, and recall tests only those (plus unframed klog E/F lines); the one-walk
// tokeniser must give the tokens of the replace/split chain it replaced. Both are checked here
// against the plain versions on random text built from the words that decide them.
const kb = (await loadDataKb()).compiled;

const WORDS = [
  "error",
  "ERROR",
  "Err",
  "err=<",
  "stderr",
  "errors",
  "fail",
  "FAILED",
  "failure",
  "fails",
  "unable",
  "cannot",
  "can't",
  "couldn't",
  "could not",
  "denied",
  "refused",
  "invalid",
  "not found",
  "no such",
  "timeout",
  "timed out",
  "time out",
  "timedout",
  "panic",
  "fatal",
  "unknown",
  "not supported",
  "unsupported",
  "exceeded",
  "dropped",
  "dropping",
  "rejected",
  "oops",
  "bug",
  "debug",
  "...",
  "…",
  "..",
  "\\",
  "\\n",
  '\\"',
  "\r",
  "\x1b[31m",
  "E1113",
  "e0101",
  "F0217",
  "I0217",
  "level=info",
  "level=error",
  "kubelet[12]:",
  "Nov 13 10:00:00 host",
  "12345",
  "0xdeadbeef",
  "iptables",
  "xor-mark",
  "no space left on device",
  "Operation not permitted",
  "resource busy",
  "Read-only file system",
  "too many open files",
  "no buffer space",
  "out of memory",
  "is disabled",
  "PLEG is not healthy",
  "unhealthy",
  "loop",
  "deadlock",
  "lockup",
  "detected",
  "holding",
  "held",
  "waiting for",
  "lock",
  "block",
  "nf_conntrack",
  "table full",
  "ip6tables-restore",
  "MARK",
  "option",
  "--xor-mark",
  "unregister_netdevice",
  "usage count",
  "Text file busy",
  "Input/output error",
  "Broken pipe",
  "No route to host",
  "Network is unreachable",
  "connection reset by peer",
  "Stale file handle",
  "Directory not empty",
  "Too many levels of symbolic links",
  "Exec format error",
  "Address already in use",
  "Transport endpoint is not connected",
  "blocked for more than 120 seconds",
  "Call Trace:",
  "segfault at 0",
  "(core dumped)",
  "Killed process 42",
  "oom-kill",
  "exit status 1",
  "exit code: 137",
  "exit code 0",
  "NotReady",
  "not ready",
  "[INFO]",
  "[DEBUG]",
  "Warning:",
  "WARN",
  "warned",
  "Unhandled Exception:",
  "neighbor table overflow",
  "does not exist",
  "Doesn't exist",
  "not implemented",
  "# Warning: ip6tables-legacy tables present, use ip6tables-legacy to see them",
];
const exampleLines = kb.records.flatMap((r) => r.examples.flatMap((e) => e.log.split("\n"))).filter((l) => l.length < 400);
const line = fc.oneof(
  fc.array(fc.constantFrom(...WORDS), { maxLength: 12 }).map((ws) => ws.join(" ")),
  fc.array(fc.constantFrom(...WORDS), { maxLength: 12 }).map((ws) => ws.join("")),
  fc.constantFrom(...exampleLines),
);
const text = fc.array(line, { minLength: 1, maxLength: 30 }).map((ls) => ls.join("\n"));

describe("recall prefilter", () => {
  it("recall on the lines the matcher marks finds what it finds testing every line", () => {
    fc.assert(
      fc.property(text, (t) => {
        const { hits, marked } = kb.matcher.scanMarked(t);
        const all = () => true;
        expect(recallHits(kb.recall, t, hits, all, { marked })).toEqual(recallHits(kb.recall, t, hits, all, { marked: null }));
      }),
      { numRuns: 400 },
    );
  });

  it("marks every line the failure tests accept (a marker literal for every alternative)", () => {
    fc.assert(
      fc.property(text, (t) => {
        const { marked } = kb.matcher.scanMarked(t);
        // No marks at all (a text with ANSI escapes): recall then tests every line itself.
        if (marked === null) return;
        const unmarked = t.split("\n").filter((l, i) => (isFailure(l) || CUT.test(l)) && marked[i] !== 1 && !/^[EFef]/.test(l));
        expect(unmarked).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it("marks every line a failure word is on, and gives no marks for a text with ANSI escapes", () => {
    const { marked } = kb.matcher.scanMarked("ok\nkubelet: Error x\n\\.\\.\\.\ncannot\nCOULD NOT");
    // The matcher reads through backslashes, so "\.\.\." is marked as well: marks are a superset, and
    // recall's own tests then decide.
    expect([...(marked ?? [])]).toEqual([0, 1, 1, 1, 1]);
    expect(kb.matcher.scanMarked("\x1b[31merror\x1b[0m").marked).toBeNull();
  });
});

describe("lineTokens", () => {
  const ELLIPSIS = "\u2026";
  const chain = (l: string) =>
    l
      .toLowerCase()
      .replace(/\.{3,}|\u2026/g, ` ${ELLIPSIS} `)
      .replace(/\\[ntr]/g, " ")
      .replace(/\\/g, "")
      .split(/[^a-z0-9_\u2026]+/)
      .filter((t) => t.length > 0);
  it("gives the tokens of the replace/split chain", () => {
    const unit = fc.constantFrom(
      "a",
      "B",
      "z",
      "0",
      "_",
      ".",
      "..",
      "...",
      "\\",
      "\\n",
      "\\N",
      "\\t",
      "\\r",
      " ",
      "…",
      "é",
      "İ",
      "\u212a",
      "-",
      '"',
      "x",
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 16 }), (parts) => {
        const l = parts.join("");
        expect(lineTokens(l)).toEqual(chain(l));
      }),
      { numRuns: 2000 },
    );
  });
});
