import { logFailure } from "../http/on-error";
import type { RunInBackground } from "../integrations/chat-config";

/**
 * Node's stand-in for the Worker's waitUntil: work runs after the response, failures are logged with
 * the request id, and `drain()` waits for what is still running (shutdown, tests).
 */
export function createBackgroundTasks(log: (line: string) => void = console.error) {
  const pending = new Set<Promise<unknown>>();
  const run: RunInBackground = (c, task) => {
    // Started on the next turn of the event loop, after the acknowledgement has been written.
    const tracked: Promise<unknown> = new Promise<void>((resolve) => setImmediate(resolve))
      .then(task)
      .catch((err: unknown) => logFailure(c.get("requestId"), "background task failed", err, log))
      .finally(() => pending.delete(tracked));
    pending.add(tracked);
  };
  return {
    run,
    get pending() {
      return pending.size;
    },
    async drain(): Promise<void> {
      while (pending.size) await Promise.allSettled([...pending]);
    },
  };
}
