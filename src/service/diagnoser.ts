import type { CompiledKb } from "../engine/compile-kb";
import { ProblemError } from "../http/problem";
import type { ServedDiagnosis } from "./cap-diagnosis";
import { type DiagnoseJob, type JobOutcome, runDiagnoseJob } from "./diagnose-job";

export type { DiagnoseJob } from "./diagnose-job";

/**
 * Runs diagnoses for the routes, which never call the engine themselves: the Worker runs it inline
 * (each request has its own isolate budget), Node in a worker-thread pool so a large bundle cannot
 * block the event loop. Both enforce the limits of src/http/limits.ts.
 */
export interface Diagnoser {
  diagnose(kb: CompiledKb, job: DiagnoseJob, caller?: Caller): Promise<ServedDiagnosis>;
}

/**
 * Who asks, where jobs wait for a thread (Node's pool): clients (by address) take turns, and a request
 * whose client went away (`signal` aborted) leaves the queue instead of taking a thread.
 */
export interface Caller {
  client?: string;
  signal?: AbortSignal;
}

/** Turns a job's refusal into the problem the client sees. */
export function outcomeToDiagnosis(outcome: JobOutcome): ServedDiagnosis {
  if (outcome.ok) return outcome.diagnosis;
  throw new ProblemError(outcome.status, outcome.slug, outcome.detail, outcome.errors);
}

export const inlineDiagnoser: Diagnoser = {
  diagnose: async (kb, job) => outcomeToDiagnosis(runDiagnoseJob(kb, job)),
};
