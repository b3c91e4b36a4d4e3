import type { KnowledgeBase } from "./build-kb";
import type { RecordProblem } from "./parse-record";
import { unreadEcosystems } from "./reader-coverage";
import { examplesWithoutOwnHit, runAllExamples, untestedSignatures } from "./run-examples";

/** What the review found, by kind, for kb:check's closing count. */
export interface KbReview {
  problems: RecordProblem[];
  failed: number;
  untested: number;
  unhit: number;
  unread: number;
}

/**
 * The checks a built knowledge base must pass beyond its schema: every example gives its expected answer, every
 * signature matches a line of its record's examples, every example is matched by its own record, and every ranged
 * ecosystem has a reader. kb:check reports them and kb:import refuses on them: a record kb:check rejects was imported
 * and served (review 62c F1). `fileOf` names each record's file, as the build read it.
 */
export function reviewKnowledgeBase(kb: KnowledgeBase, fileOf: ReadonlyMap<string, string>): KbReview {
  const at = (id: string) => fileOf.get(id) ?? id;
  const failures = runAllExamples(kb.compiled).filter((o) => !o.passed);
  const untested = untestedSignatures(kb.compiled);
  const unhit = examplesWithoutOwnHit(kb.compiled);
  const unread = unreadEcosystems(kb.records);
  const problems: RecordProblem[] = [
    ...failures.map((f) => ({ file: at(f.recordId), path: `examples.${f.index}`, message: `(${f.expect}) "${f.title}": ${f.failure}` })),
    ...untested.map((u) => ({
      file: at(u.recordId),
      path: `signatures.${u.index}`,
      message: `"${u.signatureId}" matches no line of the record's examples; add the real log line it was written for`,
    })),
    ...unhit.map((u) => ({
      file: at(u.recordId),
      path: `examples.${u.index}`,
      message: `"${u.title}": no signature of this record matches it; fix the signature, or mark the example recall: true if only the recall tier is meant to find it`,
    })),
    ...unread.map((u) => ({
      file: at(u.recordId),
      path: `affected.${u.index}`,
      message: u.package
        ? `"${u.ecosystem}" package "${u.package}": no reader gives a version of that package, so its ranges can never decide; ${u.hint}`
        : `"${u.ecosystem}": no reader gives a version of it, so its ranges can never decide; ${u.hint ?? "add one (src/engine/facts) or range a component that has one"}`,
    })),
  ];
  return { problems, failed: failures.length, untested: untested.length, unhit: unhit.length, unread: unread.length };
}
