import type { RunInBackground } from "../integrations/chat-config";

/**
 * Node's stand-in for the Worker's waitUntil: work runs after the response, failures are logged with
 * the request id, and `drain()` waits for what is still running (shutdown, tests).
 */
export function createBackgroundTasks(log: (...args: unknown[]) => void = console.error) {
  const pending = new Set<Promise<unknown>>();
  const run: RunInBackground = (c, task) => {
    const tracked: Promise<unknown> = task
      .catch((err: unknown) => log(`[${c.get("requestId") ?? "-"}] background task failed`, err))
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
