import { beforeAll, describe, expect, it } from "vitest";
import { EVAL_SETS, type LoadedCase, loadCases, reportKey, urlsInText } from "../../eval/load";
import { evaluate } from "../../eval/measure";
import type { KnowledgeBase } from "../../src/kb/build-kb";
import { readKbFiles } from "../../src/node/kb-files";
import { loadDataKb } from "../support/data-kb";

// The eval sets are a measurement, not a gate: these tests check that every case is well-formed, comes
// from a report no record uses (and, across the development and held-out sets, no other set uses), and
// runs through the engine; they never assert the figures.
let kb: KnowledgeBase;
const casesByDir = new Map<string, LoadedCase[]>();

/** The fewest cases each set must hold. */
const MIN_CASES: Record<string, number> = {
  "eval/cases": 150,
  "eval/holdout": 40,
  "eval/holdout2": 30,
  "eval/holdout3": 50,
  "eval/holdout4": 50,
  "eval/holdout5": 50,
  "eval/holdout6": 50,
  "eval/holdout7": 50,
  "eval/holdout8": 50,
  "eval/holdout9": 50,
  "eval/holdout10": 50,
  "eval/holdout11": 50,
  "eval/holdout12": 50,
  "eval/holdout13": 50,
  "eval/holdout14": 50,
  "eval/holdout15": 50,
  "eval/holdout16": 50,
  "eval/holdout17": 30,
  "eval/holdout18": 100,
  "eval/holdout19": 80,
  "eval/holdout20": 90,
  "eval/holdout21": 90,
  "eval/holdout22": 70,
  "eval/holdout23": 60,
  "eval/holdout24": 30,
  "eval/holdout25": 40,
  "eval/holdout26": 60,
  "eval/holdout27": 30,
  "eval/holdout28": 30,
  "eval/holdout29": 30,
  "eval/holdout30": 30,
  "eval/holdout31": 35,
  "eval/holdout32": 35,
  "eval/holdout33": 25,
  "eval/holdout34": 30,
  "eval/holdout35": 35,
  "eval/holdout36": 30,
  "eval/holdout37": 30,
  "eval/holdout38": 25,
  "eval/holdout39": 25,
  "eval/holdout40": 20,
  "eval/holdout41": 25,
  "eval/holdout42": 25,
  "eval/holdout43": 20,
  "eval/holdout44": 25,
  "eval/holdout45": 20,
  "eval/holdout46": 20,
};

/**
 * Kinds a set may lack, and why: by holdout40 (and again for holdout43) the collectors found no report of a record's bug
 * that no record or earlier set already uses (counts only, blind), so the set measures near-misses, two bugs, clean logs
 * and verdicts.
 */
const KINDS_NOT_FOUND: Readonly<Record<string, readonly string[]>> = {
  "eval/holdout40": ["single"],
  "eval/holdout43": ["single"],
  // Two collectors found no unused two-bugs report for their 40 records (both reported unused reports nearly gone).
  "eval/holdout48": ["two-bugs"],
};

beforeAll(async () => {
  kb = await loadDataKb();
  for (const { dir } of EVAL_SETS) {
    const loaded = await loadCases(dir);
    expect(loaded.problems).toEqual([]);
    casesByDir.set(dir, loaded.cases);
  }
});

describe.each(EVAL_SETS.map((s) => ({ ...s })))("eval set $dir", ({ dir }) => {
  const cases = () => casesByDir.get(dir) ?? [];

  it("has enough cases of every kind", () => {
    expect(cases().length).toBeGreaterThanOrEqual(MIN_CASES[dir] ?? 1);
    for (const kind of ["single", "two-bugs", "near-miss", "clean"]) {
      const found = cases().filter((c) => c.kind === kind).length;
      if (KINDS_NOT_FOUND[dir]?.includes(kind)) expect(found, `${dir} lists ${kind} as not found`).toBe(0);
      else expect(found, kind).toBeGreaterThan(0);
    }
  });

  it("names only records that exist", () => {
    const ids = new Set(kb.records.map((r) => r.id));
    const named = cases().flatMap((c) => [
      c.expect.top1,
      ...(c.expect.present ?? []),
      ...(c.expect.absentHigh ?? []),
      c.expect.verdict?.record,
    ]);
    expect(named.filter((id): id is string => !!id && !ids.has(id))).toEqual([]);
  });

  it("uses no report that a record cites (examples, references, sources)", async () => {
    const recordUrls = new Map<string, string>();
    for (const f of await readKbFiles("data")) for (const u of urlsInText(f.text)) recordUrls.set(reportKey(u), f.file);
    const clashes = cases().flatMap((c) =>
      c.urls.filter((u) => recordUrls.has(reportKey(u))).map((u) => `${c.id}: ${u} (${recordUrls.get(reportKey(u))})`),
    );
    expect(clashes).toEqual([]);
  });

  it("runs every case through the engine without error", () => {
    const results = evaluate(kb.compiled, kb.records, cases());
    expect(results).toHaveLength(cases().length);
    for (const r of results) expect(r.checks.length, r.case.id).toBeGreaterThan(0);
  });
});

describe("eval sets together", () => {
  it("use no report in two sets (the development set and every held-out set)", () => {
    const sets = EVAL_SETS.map(({ dir }) => casesByDir.get(dir) ?? []);
    const shared = sets.flatMap((later, i) => {
      const earlierKeys = new Map(sets.slice(0, i).flatMap((s) => s.flatMap((c) => c.urls.map((u) => [reportKey(u), c.id] as const))));
      return later.flatMap((c) =>
        c.urls.filter((u) => earlierKeys.has(reportKey(u))).map((u) => `${c.id}: ${u} (also ${earlierKeys.get(reportKey(u))})`),
      );
    });
    expect(shared).toEqual([]);
  });

  it("matches the same report key for comment anchors and pull/issue links", () => {
    expect(reportKey("https://github.com/a/b/issues/12#issuecomment-1")).toBe(reportKey("https://github.com/a/b/pull/12/"));
    expect(reportKey("https://github.com/a/b/issues/12")).not.toBe(reportKey("https://github.com/a/b/issues/13"));
    // One file of a repository at any ref (a branch, HEAD, a commit) is one report: a later set took a write-up an
    // earlier one had used at `blob/HEAD` by its commit's URL, and a record cited one a held-out case uses.
    expect(reportKey("https://github.com/a/b/blob/HEAD/docs/x.md")).toBe(reportKey("https://github.com/a/b/blob/f94501be/docs/x.md"));
    expect(reportKey("https://github.com/a/b/blob/main/docs/x.md")).not.toBe(reportKey("https://github.com/a/b/blob/main/docs/y.md"));
  });
});
