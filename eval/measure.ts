import type { CompiledKb } from "../src/engine/compile-kb";
import { diagnoseBundle, diagnoseFields } from "../src/engine/diagnose";
import type { Diagnosis, Finding } from "../src/engine/diagnosis";
import { hasKernelData } from "../src/engine/verdict";
import type { BugRecord } from "../src/kb/record-schema";
import { createBm25 } from "./bm25";
import type { LoadedCase } from "./load";

/** One expectation checked on one case. */
export interface Check {
  metric:
    | "top1"
    | "closest"
    | "shown"
    | "shownFirst"
    | "cleanQuiet"
    | "second"
    | "bothPresent"
    | "nearMiss"
    | "nearMissShownFirst"
    | "clean"
    | "verdict"
    | "kernelVerdict"
    | "bm25Top1"
    | "bm25NearMiss";
  pass: boolean;
  expected: string;
  got: string;
}

export interface CaseResult {
  case: LoadedCase;
  diagnosis: Diagnosis;
  checks: Check[];
}

/** Runs a case through the same engine entry points the API uses. */
export function diagnoseCase(kb: CompiledKb, c: LoadedCase): Diagnosis {
  return c.bundle !== undefined ? diagnoseBundle(kb, c.bundle) : diagnoseFields(kb, { ...c.fields });
}

/** The text a user pasted, for the BM25 baseline. */
export function caseText(c: LoadedCase): string {
  return c.bundle ?? Object.values(c.fields ?? {}).join("\n");
}

const describe = (f: Finding | undefined) => (f ? `${f.id} (${f.confidence} ${f.score})` : "no finding");

export function evaluate(kb: CompiledKb, records: readonly BugRecord[], cases: readonly LoadedCase[]): CaseResult[] {
  const bm25 = createBm25(records.map((r) => ({ id: r.id, text: `${r.title}\n${r.summary}` })));
  const byId = new Map(records.map((r) => [r.id, r]));
  return cases.map((c) => {
    const diagnosis = diagnoseCase(kb, c);
    const { findings } = diagnosis;
    const e = c.expect;
    const checks: Check[] = [];
    const find = (id: string) => findings.find((f) => f.id === id);
    if (c.kind === "single" && e.top1) {
      checks.push({ metric: "top1", pass: findings[0]?.id === e.top1, expected: `${e.top1} first`, got: describe(findings[0]) });
      // A report with no finding gets the records closest to it by description: is the right one among them?
      const ids = diagnosis.closest.map((r) => r.id);
      if (!findings.length)
        checks.push({
          metric: "closest",
          pass: ids.includes(e.top1),
          expected: `${e.top1} among the closest`,
          got: ids.join(", ") || "none",
        });
      // What the reader is shown: the right record as the first finding, or among the closest when nothing matched.
      checks.push({
        metric: "shown",
        pass: findings[0]?.id === e.top1 || (!findings.length && ids.includes(e.top1)),
        expected: `${e.top1} first or among the closest`,
        got: findings.length ? describe(findings[0]) : ids.join(", ") || "nothing",
      });
      // The top of the answer, as a reader sees it: the first finding, or the first closest record when none.
      const first = findings[0]?.id ?? ids[0];
      checks.push({ metric: "shownFirst", pass: first === e.top1, expected: `${e.top1} shown first`, got: first ?? "nothing" });
      const best = bm25(caseText(c))[0];
      checks.push({ metric: "bm25Top1", pass: best?.id === e.top1, expected: `${e.top1} first`, got: best?.id ?? "nothing" });
    }
    if (c.kind === "two-bugs" && e.present) {
      const [, second] = e.present;
      if (second) checks.push({ metric: "second", pass: !!find(second), expected: `${second} present`, got: describe(find(second)) });
      const missing = e.present.filter((id) => !find(id));
      checks.push({
        metric: "bothPresent",
        pass: missing.length === 0,
        expected: `${e.present.join(" + ")} present`,
        got: missing.length ? `missing ${missing.join(", ")}` : "all present",
      });
    }
    if (e.absentHigh) {
      const high = e.absentHigh.map(find).filter((f): f is Finding => f?.confidence === "high");
      checks.push({
        metric: "nearMiss",
        pass: high.length === 0,
        expected: `${e.absentHigh.join(", ")} not high`,
        got: high.length ? high.map(describe).join(", ") : "not high",
      });
      // The other side of reading the top of the answer: the look-alike at its top, as a finding or the first closest record.
      const shownFirst = findings[0]?.id ?? diagnosis.closest[0]?.id;
      checks.push({
        metric: "nearMissShownFirst",
        pass: !shownFirst || !e.absentHigh.includes(shownFirst),
        expected: `${e.absentHigh.join(", ")} not shown first`,
        got: shownFirst ?? "nothing",
      });
      // BM25 has no confidence and never abstains: its analogue of "high" is ranking the look-alike first.
      const best = bm25(caseText(c))[0];
      checks.push({
        metric: "bm25NearMiss",
        pass: !best || !e.absentHigh.includes(best.id),
        expected: `${e.absentHigh.join(", ")} not first`,
        got: best?.id ?? "nothing",
      });
    }
    if (e.noHigh) {
      const high = findings.filter((f) => f.confidence === "high");
      checks.push({
        metric: "clean",
        pass: high.length === 0,
        expected: "no high finding",
        got: high.length ? high.map(describe).join(", ") : "none high",
      });
      // The search fallback's noise: a healthy log should not send the reader to read records.
      checks.push({
        metric: "cleanQuiet",
        pass: diagnosis.closest.length === 0,
        expected: "no closest records",
        got: diagnosis.closest.map((r) => r.id).join(", ") || "none",
      });
    }
    if (e.verdict) {
      const record = e.verdict.record;
      // Without its symptom in the log, the engine answers for a record through an advisory when the
      // version is in a regression range, or through a closest record's verdict when the report's words
      // are close to the record's description, and stays silent otherwise: silence is its not-affected
      // answer on a version-only report, and on any report for a record with regression ranges
      // (requirements and removals warn only when the log shows the setup, so there silence says nothing).
      const shown =
        (find(record) ?? diagnosis.advisories.find((a) => a.id === record))?.verdict ??
        diagnosis.closest.find((r) => r.id === record)?.verdict;
      const hasRegression = byId.get(record)?.affected.some((a) => a.kind === "regression" && a.ranges.length > 0) ?? false;
      const silentIsNotAffected = e.verdict.status === "not-affected" && (c.kind === "verdict" || hasRegression);
      const verdict: Check = {
        metric: "verdict",
        pass: shown?.status === e.verdict.status || (!shown && silentIsNotAffected),
        expected: `${record}: ${e.verdict.status}`,
        got: shown ? `${shown.status} (${shown.reason})` : "not shown (no finding, advisory or closest record)",
      };
      checks.push(verdict);
      // The target is the kernel verdict: the same check, counted apart for records with kernel ranges.
      const rec = byId.get(record);
      if (rec && hasKernelData(rec)) checks.push({ ...verdict, metric: "kernelVerdict" });
    }
    return { case: c, diagnosis, checks };
  });
}

export interface MetricLine {
  metric: Check["metric"];
  label: string;
  pass: number;
  total: number;
}

const LABELS: Record<Check["metric"], string> = {
  top1: "single bug: right record first (engine)",
  closest: "single bug, no finding: right record among the closest",
  shown: "single bug: right record first, or among the closest if no finding",
  shownFirst: "single bug: right record at the top (finding, else first closest)",
  bm25Top1: "single bug: right record first (naive BM25 over titles+summaries)",
  second: "two bugs: second bug present",
  bothPresent: "two bugs: both present",
  nearMiss: "near-miss precision: look-alike not high",
  nearMissShownFirst: "near-miss: look-alike not at the top (finding, else first closest)",
  bm25NearMiss: "near-miss: look-alike not ranked first (naive BM25 baseline)",
  clean: "clean-log precision: no high finding",
  cleanQuiet: "clean log: no closest records offered (informational)",
  verdict: "version verdict right",
  kernelVerdict: "kernel verdict right (records with kernel ranges)",
};

export function summarize(results: readonly CaseResult[]): MetricLine[] {
  return (Object.keys(LABELS) as Check["metric"][]).map((metric) => {
    const checks = results.flatMap((r) => r.checks.filter((c) => c.metric === metric));
    return { metric, label: LABELS[metric], pass: checks.filter((c) => c.pass).length, total: checks.length };
  });
}
