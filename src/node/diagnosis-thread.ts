/**
 * The body of a pool thread: compiles each knowledge-base version once (from the records the main
 * thread shares, so the thread answers with exactly the version the request was served with) and
 * runs diagnosis jobs against it.
 */
import { type CompiledKb, compileKnowledgeBase } from "../engine/compile-kb";
import type { BugRecord } from "../kb/record-schema";
import { type DiagnoseJob, type JobOutcome, runDiagnoseJob } from "../service/diagnose-job";
import { crossingError } from "./thread-error";
import { decodeUtf8 } from "./utf8";

export interface PoolTask {
  version: string;
  /** UTF-8 JSON of the version's records, shared (not copied) between threads. */
  records: SharedArrayBuffer;
  job: DiagnoseJob;
}

let current: CompiledKb | null = null;
const decoder = new TextDecoder();

export function runPoolTask(task: PoolTask): JobOutcome {
  try {
    if (current?.version !== task.version) {
      // SharedArrayBuffer views cannot be decoded directly; one copy per version, not per request.
      const json = decoder.decode(new Uint8Array(task.records).slice());
      current = compileKnowledgeBase(task.version, JSON.parse(json) as BugRecord[], { validated: true });
    }
    return runDiagnoseJob(current, task.job, decodeUtf8);
  } catch (err) {
    throw crossingError(err);
  }
}
