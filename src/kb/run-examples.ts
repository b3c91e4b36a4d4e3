import { type CompiledKb, signatureKey } from "../engine/compile-kb";
import { diagnoseFields } from "../engine/diagnose";
import type { Diagnosis } from "../engine/diagnosis";
import type { BugRecord, RecordExample as Example } from "../engine/record";
import { exampleFieldsSchema } from "./record-schema";

export interface ExampleOutcome {
  recordId: string;
  index: number;
  title: string;
  expect: Example["expect"];
  passed: boolean;
  /** What went wrong, in words a curator can act on. */
  failure?: string;
}

/** Runs one record example through the engine exactly as the API would, and checks its expectation. */
export function runExample(kb: CompiledKb, record: BugRecord, example: Example, index: number): ExampleOutcome {
  // Parsing with the fields schema keeps exactly the engine's input fields of the example.
  const d = diagnoseFields(kb, { ...exampleFieldsSchema.parse(example), logs: example.log, limit: 100 });
  const failure = check(d, record.id, example);
  return { recordId: record.id, index, title: example.title, expect: example.expect, passed: !failure, ...(failure ? { failure } : {}) };
}

function check(d: Diagnosis, id: string, example: Example): string | undefined {
  const position = d.findings.findIndex((f) => f.id === id);
  const finding = d.findings[position];
  const ranking = d.findings
    .slice(0, 3)
    .map((f) => `${f.id} (${f.confidence} ${f.score})`)
    .join(", ");
  if (example.expect === "top1" && position !== 0) return `expected ${id} first; got ${ranking || "no findings"}`;
  if (example.expect === "present" && position < 0) return `expected ${id} among the findings; got ${ranking || "no findings"}`;
  if (example.expect === "absent" && finding?.confidence === "high") return `expected ${id} not to be high; it scored ${finding.score}`;
  if (example.verdict) {
    const verdict = finding?.verdict ?? d.advisories.find((a) => a.id === id)?.verdict;
    if (verdict && verdict.status !== example.verdict)
      return `expected verdict ${example.verdict}; got ${verdict.status}: ${verdict.reason}`;
    if (!verdict && example.expect !== "absent") return `expected verdict ${example.verdict}; ${id} was not reported`;
  }
  return undefined;
}

export function runAllExamples(kb: CompiledKb): ExampleOutcome[] {
  return kb.records.flatMap((r) => r.examples.map((e, i) => runExample(kb, r, e, i)));
}

/**
 * Positive examples (top1, present) that no signature of their own record hits, unless marked `recall: true`: a
 * signature edited out of matching its example would otherwise go unseen while the recall tier still finds the
 * example (review 34b).
 */
export function examplesWithoutOwnHit(kb: CompiledKb): Array<{ recordId: string; index: number; title: string }> {
  return kb.records.flatMap((r) => {
    const own = new Set(r.signatures.map((s) => signatureKey(r.id, s.id)));
    return r.examples.flatMap((e, index) =>
      e.expect === "absent" || e.recall || kb.matcher.scan(e.log).some((h) => own.has(h.key))
        ? []
        : [{ recordId: r.id, index, title: e.title }],
    );
  });
}

/** Signatures no example of their own record exercises: untested patterns, most likely typos. */
export function untestedSignatures(kb: CompiledKb): Array<{ recordId: string; signatureId: string; index: number }> {
  return kb.records.flatMap((r) => {
    const hit = new Set(r.examples.flatMap((e) => kb.matcher.scan(e.log).map((h) => h.key)));
    return r.signatures.flatMap((s, index) => (hit.has(signatureKey(r.id, s.id)) ? [] : [{ recordId: r.id, signatureId: s.id, index }]));
  });
}
