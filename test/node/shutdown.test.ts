import type { Context } from "hono";
import { describe, expect, it } from "vitest";
import { restartingProblem } from "../../src/http/problem";
import { chatFailure } from "../../src/integrations/chat-auth";
import { stopServing } from "../../src/node/shutdown";
import { expectProblem } from "../support/api-helpers";
import { startTestService, type TestService } from "../support/test-store";

const threadModule = new URL("../support/spin-thread.mjs", import.meta.url);
const post = (s: TestService, body: string, client: string) =>
  s.app.request("/diagnose", { method: "POST", headers: { "content-type": "text/plain", "x-test-client": client }, body });
const c = { get: (key: string) => (key === "requestId" ? "req-1" : undefined) } as unknown as Context;

describe("a stop while diagnoses are running and queued (review 68e F4)", { timeout: 90_000 }, () => {
  it("lets the work already taken finish before the threads close", async () => {
    const s = await startTestService({ pool: { threads: 1, timeoutMs: 20_000, threadModule } });
    try {
      const statuses: number[] = [];
      // As chat answers run: in the background, after their acknowledgement; one on the thread, one waiting for it.
      for (const [text, client] of [
        ["spin:1500", "10.0.0.1"],
        ["spin:10", "10.0.0.2"],
      ] as const)
        s.background.run(c, async () => {
          statuses.push((await post(s, text, client)).status);
        });
      await new Promise((r) => setTimeout(r, 300));
      await stopServing({ background: s.background, diagnoser: s.pool as NonNullable<TestService["pool"]>, boundMs: 30_000 });
      expect(statuses).toEqual([200, 200]);
    } finally {
      await s.cleanup();
    }
  });

  it("lets POST /diagnose requests already waiting for a thread finish too, not only chat's (review 68j F4)", async () => {
    const s = await startTestService({ pool: { threads: 1, timeoutMs: 20_000, threadModule } });
    try {
      const running = post(s, "spin:1500", "10.0.0.1");
      await new Promise((r) => setTimeout(r, 300));
      const waiting = post(s, "spin:10", "10.0.0.2");
      await new Promise((r) => setTimeout(r, 100));
      await stopServing({ background: s.background, diagnoser: s.pool as NonNullable<TestService["pool"]>, boundMs: 30_000 });
      expect([(await running).status, (await waiting).status]).toEqual([200, 200]);
    } finally {
      await s.cleanup();
    }
  });

  it("tells what the closing threads cut off that the server is restarting, never the time budget; a running job ends", async () => {
    const s = await startTestService({ pool: { threads: 1, timeoutMs: 20_000, threadModule }, env: { ACCESS_LOG: "on" } });
    try {
      const running = post(s, "spin:2000", "10.0.0.1");
      await new Promise((r) => setTimeout(r, 300));
      const waiting = post(s, "spin:10", "10.0.0.2");
      await new Promise((r) => setTimeout(r, 100));
      const closed = s.pool?.close();
      const res = await waiting;
      const body = await expectProblem(res, 503);
      expect(body.type).toMatch(/\/restarting$/);
      expect(body.detail).toBe("known-bugs is restarting; ask again in a few seconds.");
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      // The job on a thread is not stopped by the closing (piscina waits for it).
      expect((await running).status).toBe(200);
      await closed;
      // And a request after the closing, logged as the planned state it is, not a fault to page for (review 68j F4).
      expect((await expectProblem(await post(s, "x", "10.0.0.3"), 503)).type).toMatch(/\/restarting$/);
      expect(s.logs.filter((l) => l.problem === "restarting").map((l) => l.level)).toContain("warn");
      expect(s.logs.filter((l) => l.problem === "restarting").map((l) => l.level)).not.toContain("error");
    } finally {
      await s.cleanup();
    }
  });

  it("is said in the channel as a restart, not as a paste too big or a busy server", () => {
    const said = chatFailure(restartingProblem(), "req-1", "slack");
    expect(said).toEqual({ text: "known-bugs is restarting; ask again in a few seconds.", ours: false });
  });
});
