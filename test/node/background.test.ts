import type { Context } from "hono";
import { describe, expect, it } from "vitest";
import { createBackgroundTasks } from "../../src/node/background";

describe("work after the response (chat answers posted to Slack or Discord)", () => {
  it("logs a failure once, as one JSON line with the request id, without a stack trace or the user's text", async () => {
    const lines: string[] = [];
    const tasks = createBackgroundTasks((line) => lines.push(line));
    const c = { get: (key: string) => (key === "requestId" ? "req-1" : undefined) } as unknown as Context;
    tasks.run(c, async () => {
      throw new TypeError("fetch failed for the pasted line: user-secret", { cause: { code: "ENOTFOUND" } });
    });
    await tasks.drain();
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] ?? "") as { requestId: string; event: string; error: Record<string, string> };
    expect(entry).toMatchObject({ requestId: "req-1", event: "background task failed", error: { name: "TypeError", code: "ENOTFOUND" } });
    expect(lines[0]).not.toContain("user-secret");
    expect(lines[0]).not.toContain("\n");
  });
});
