import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import type { CompiledKb } from "../engine/compile-kb";
import { LIMITS } from "../http/limits";
import { CLIENT_CLOSED } from "../http/on-error";
import { ProblemError, restartingProblem } from "../http/problem";
import type { ServedDiagnosis } from "../service/cap-diagnosis";
import type { DiagnoseJob, JobOutcome } from "../service/diagnose-job";
import { type Caller, type Diagnoser, outcomeToDiagnosis } from "../service/diagnoser";
import type { PoolTask } from "./diagnosis-thread";

export interface PoolOptions {
  /** Threads (default: the cores, less one for the event loop, at least 1). */
  threads?: number;
  /** Jobs waiting for a thread before new ones get 503 (default LIMITS.queuePerThread per thread); one client may hold half. */
  maxQueue?: number;
  /**
   * Wall-clock budget per job on its thread (a job over it is abandoned and its thread replaced). A job waits for a
   * thread up to twice as long before it is refused as busy: one job that ran out its budget ahead of it (and its
   * thread's replacement compiling the knowledge base) must not use up the wait of the jobs behind it (review 33a).
   */
  timeoutMs: number;
  /** The thread's module (tests substitute one that can be made slow on purpose). */
  threadModule?: URL;
}

export interface PoolDiagnoser extends Diagnoser {
  close(): Promise<void>;
  /** Resolves when no job waits for a thread or runs on one (a stop lets taken work finish first). */
  idle(): Promise<void>;
  /**
   * Has every thread compile `kb` outside any job's time budget (at start, and after a timeout
   * replaced a thread); resolves with the slowest thread's milliseconds.
   */
  warm(kb: CompiledKb): Promise<number>;
  readonly threads: number;
}

/** A job that only makes a thread compile the knowledge base: an empty bundle is refused at once after it. */
const WARM_UP: DiagnoseJob = { form: "bundle", text: "" };

/**
 * Diagnosis off Node's event loop: a small piscina pool sized to the cores, a bounded queue (503 with
 * Retry-After when full) and a time budget per job (503 with Retry-After; the thread is terminated
 * and replaced, so a runaway diagnosis cannot keep a core). /health and the read API stay on the
 * event loop and answer while every thread is busy.
 */
export function createPoolDiagnoser(opts: PoolOptions): PoolDiagnoser {
  const threads = opts.threads ?? Math.max(1, availableParallelism() - 1);
  const pool = new Piscina({
    filename: (opts.threadModule ?? new URL("./diagnosis-thread.mjs", import.meta.url)).href,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 60_000,
  });
  // Jobs wait here, not in piscina's queue: a job's time budget starts on its thread, and clients take turns.
  const queue = fairQueue(threads, opts.maxQueue ?? threads * LIMITS.queuePerThread, opts.timeoutMs * WAIT_PER_BUDGET);
  // The records of a version are encoded once and shared by reference with every thread.
  const shared = new WeakMap<CompiledKb, SharedArrayBuffer>();
  const recordsOf = (kb: CompiledKb) => {
    let buffer = shared.get(kb);
    if (!buffer) {
      const bytes = new TextEncoder().encode(JSON.stringify(kb.records));
      buffer = new SharedArrayBuffer(bytes.byteLength);
      new Uint8Array(buffer).set(bytes);
      shared.set(kb, buffer);
    }
    return buffer;
  };
  let closing = false;
  let closed = Promise.resolve();
  // Jobs taken (waiting or running), for a stop to let them finish before the threads close (review 68j F4: queued pastes
  // were told "restarting" at once, though the stop had a bound to finish them in).
  let taken = 0;
  const onIdle: Array<() => void> = [];
  const settle = () => {
    taken--;
    if (taken === 0) for (const resolve of onIdle.splice(0)) resolve();
  };
  return {
    threads,
    idle: () => (taken === 0 ? Promise.resolve() : new Promise<void>((resolve) => onIdle.push(resolve))),
    async diagnose(kb: CompiledKb, job: DiagnoseJob, caller: Caller = {}): Promise<ServedDiagnosis> {
      const task: PoolTask = { version: kb.version, records: recordsOf(kb), job };
      // The request's bytes move to the thread instead of being copied.
      const bytes =
        job.form === "json" || job.form === "page"
          ? job.bytes
          : job.form === "bundle" && typeof job.text !== "string"
            ? job.text
            : undefined;
      const transferList: ArrayBuffer[] = bytes && isWholeBuffer(bytes) ? [bytes.buffer as ArrayBuffer] : [];
      if (closing) throw restartingProblem();
      taken++;
      try {
        await queue.admit(caller.client ?? "unknown", caller.signal);
      } catch (err) {
        settle();
        throw err;
      }
      let outcome: JobOutcome;
      let warming = false;
      try {
        outcome = await pool.run(task, { signal: jobSignal(opts.timeoutMs, caller.signal), transferList });
      } catch (err) {
        // Stopped by the pool's closing, not by its budget (review 68e F4: worded as the 10 s timeout).
        if (closing) throw restartingProblem();
        // The replacement thread starts and compiles before its first job: it does so in this job's place,
        // so the next job's budget starts on a ready thread (inside it, a timeout would replace it again).
        if (isTimeout(err)) {
          warming = true;
          void warmOne(kb)
            .catch(() => {})
            .finally(() => queue.release());
        }
        throw caller.signal?.aborted && isTimeout(err) ? gone() : poolProblem(err, opts.timeoutMs);
      } finally {
        if (!warming) queue.release();
        settle();
      }
      return outcomeToDiagnosis(outcome);
    },
    async warm(kb: CompiledKb): Promise<number> {
      const times = await Promise.all(Array.from({ length: threads }, () => warmOne(kb)));
      return Math.max(...times);
    },
    close: () => {
      // What waits for a thread leaves now, and what runs is stopped: both told the server is restarting.
      if (!closing) {
        closing = true;
        queue.leaveAll(restartingProblem());
        closed = pool.close({ force: true });
      }
      return closed;
    },
  };

  async function warmOne(kb: CompiledKb): Promise<number> {
    const t0 = performance.now();
    await pool.run({ version: kb.version, records: recordsOf(kb), job: WARM_UP } satisfies PoolTask);
    return performance.now() - t0;
  }
}

/**
 * Admission to the threads: a job runs at once while a thread is free and nobody waits; otherwise it
 * waits in its client's queue, and the queues take turns, so one client's burst of large bundles delays
 * another client's bundle by at most one job per thread. Refused as busy (503): a client already holding
 * half the waiting places, a full queue, or a wait longer than `maxWaitMs`.
 */
function fairQueue(threads: number, maxWaiting: number, maxWaitMs: number) {
  /** Per client, its waiting jobs in arrival order; the Map's order is the turn order. */
  const waiting = new Map<string, Waiter[]>();
  const perClient = Math.max(1, Math.ceil(maxWaiting / 2));
  let queued = 0;
  let running = 0;
  const busy = () => poolProblem(new Error("queue is at limit"), maxWaitMs) as ProblemError;
  const waitedTooLong = () =>
    new ProblemError(503, "busy", `Every diagnosis thread stayed busy for ${maxWaitMs} ms; try again shortly.`, undefined, {
      "Retry-After": "2",
    });
  const next = () => {
    while (running < threads) {
      const turn = waiting.entries().next();
      if (turn.done) return;
      const [client, jobs] = turn.value;
      const job = jobs.shift() as Waiter;
      queued--;
      // To the back of the turn order: the next free thread goes to another client.
      waiting.delete(client);
      if (jobs.length) waiting.set(client, jobs);
      running++;
      job.start();
    }
  };
  /**
   * A full queue makes room for a client holding fewer places than another: the newest job of the client
   * holding the most leaves with 503 (longest-queue drop), so no few clients can keep the rest out.
   */
  const longestAbove = (places: number): Waiter | undefined => {
    let longest: Waiter[] | undefined;
    for (const jobs of waiting.values()) if (jobs.length > (longest?.length ?? places)) longest = jobs;
    return longest?.at(-1);
  };
  return {
    admit(client: string, signal?: AbortSignal): Promise<void> {
      if (signal?.aborted) return Promise.reject(gone());
      if (running < threads && queued === 0) {
        running++;
        return Promise.resolve();
      }
      const own = waiting.get(client) ?? [];
      if (own.length >= perClient) return Promise.reject(busy());
      if (queued >= maxWaiting) {
        const evicted = longestAbove(own.length + 1);
        if (!evicted) return Promise.reject(busy());
        evicted.leave(busy());
      }
      return new Promise<void>((resolve, reject) => {
        const job: Waiter = {
          start: () => {
            clearTimeout(timer);
            signal?.removeEventListener("abort", onAbort);
            resolve();
          },
          leave: (why) => {
            clearTimeout(timer);
            signal?.removeEventListener("abort", onAbort);
            const jobs = waiting.get(client);
            const at = jobs?.indexOf(job) ?? -1;
            if (!jobs || at < 0) return;
            jobs.splice(at, 1);
            queued--;
            if (!jobs.length) waiting.delete(client);
            reject(why);
          },
        };
        const onAbort = () => job.leave(gone());
        const timer = setTimeout(() => job.leave(waitedTooLong()), maxWaitMs);
        signal?.addEventListener("abort", onAbort, { once: true });
        own.push(job);
        if (!waiting.has(client)) waiting.set(client, own);
        queued++;
      });
    },
    release() {
      running--;
      next();
    },
    /** Every waiting job leaves with `why` (the pool is closing). */
    leaveAll(why: ProblemError) {
      for (const jobs of [...waiting.values()]) for (const job of [...jobs]) job.leave(why);
    },
  };
}

const gone = () => new ProblemError(CLIENT_CLOSED, "client-closed", "The client closed the connection before its diagnosis was done.");

/** How many job budgets a job may wait for a thread (see PoolOptions.timeoutMs). */
const WAIT_PER_BUDGET = 2;
/**
 * How long a running job goes on once its client has left: a small job ends sooner than a thread is replaced, a large
 * one is stopped instead of keeping its thread for the rest of its budget (review 33a: a client hanging up after half a
 * second held the only thread for ten).
 */
const ORPHAN_GRACE_MS = 1_000;

/** A running job's signal: its time budget, or its client gone for ORPHAN_GRACE_MS. */
function jobSignal(timeoutMs: number, client?: AbortSignal): AbortSignal {
  const budget = AbortSignal.timeout(timeoutMs);
  if (!client) return budget;
  const orphaned = new AbortController();
  const onGone = () => {
    const timer = setTimeout(() => orphaned.abort(new DOMException("the client left", "AbortError")), ORPHAN_GRACE_MS);
    budget.addEventListener("abort", () => clearTimeout(timer), { once: true });
  };
  if (client.aborted) onGone();
  else client.addEventListener("abort", onGone, { once: true });
  return AbortSignal.any([budget, orphaned.signal]);
}

/** A job waiting for a thread: started when its turn comes, or made to leave with a problem. */
interface Waiter {
  start(): void;
  leave(why: ProblemError): void;
}

const isTimeout = (err: unknown) => {
  const name = (err as { name?: string })?.name;
  return name === "AbortError" || name === "TimeoutError";
};

const isWholeBuffer = (bytes: Uint8Array) =>
  bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;

function poolProblem(err: unknown, timeoutMs: number): unknown {
  const message = (err as { message?: string })?.message ?? "";
  if (isTimeout(err)) {
    return new ProblemError(
      503,
      "diagnosis-timeout",
      `The diagnosis took longer than ${timeoutMs} ms and was stopped. Send a smaller bundle (fewer lines or nodes), or try again later.`,
      undefined,
      { "Retry-After": "5" },
    );
  }
  if (message.includes("queue is at limit") || message.includes("No task queue available")) {
    return new ProblemError(503, "busy", "Every diagnosis thread is busy and the queue is full; try again shortly.", undefined, {
      "Retry-After": "2",
    });
  }
  return err;
}
