import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import worker from "../../src/worker";
import { expectProblem } from "../support/hardening-contract";

/**
 * The Worker in states a deployment can be left in: invalid vars, a D1 never migrated, a D1 migrated and
 * never loaded. The real Worker module is called with the test bindings changed (a new bindings object is
 * a new parse, as a redeploy with other vars is).
 */
const call = async (bindings: object, path: string, init?: RequestInit) => {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(`https://known-bugs.test${path}`, init), bindings, ctx);
  await waitOnExecutionContext(ctx);
  return res;
};
const bindings = (over: Record<string, unknown>) => ({ ...env, ...over });

/** The JSON lines the Worker wrote to its log (console.log: the access log) during `run`. */
async function logged(run: () => Promise<void>): Promise<Array<Record<string, unknown>>> {
  const spy = vi.spyOn(console, "log").mockImplementation(() => {});
  try {
    await run();
    return spy.mock.calls.flatMap(([line]) => {
      try {
        return [JSON.parse(String(line)) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  } finally {
    spy.mockRestore();
  }
}

const diagnose = { method: "POST", headers: { "content-type": "text/plain" }, body: 'unknown option "--xor-mark"' };

/** A problem answer with the request id and the headers every answer carries. */
async function expectServedProblem(res: Response, status: number, slug: string) {
  const body = await expectProblem(res, status);
  expect(body.type).toBe(`https://known-bugs.dev/problems/${slug}`);
  expect(body.requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(res.headers.get("x-request-id")).toBe(body.requestId);
  expect(res.headers.get("cache-control")).toBe("no-store");
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
  return body;
}

afterEach(() => vi.restoreAllMocks());

describe("a Worker with invalid settings", () => {
  it.each([
    ["MAX_BODY_BYTES", "10MB"],
    ["CORS_ORIGINS", "https://app.example.com/"],
  ])("answers every route 503 misconfigured naming %s, with a request id and the usual headers, and logs why", async (name, value) => {
    const bad = bindings({ [name]: value });
    const lines = await logged(async () => {
      for (const path of ["/health", "/bugs", "/", "/docs"]) {
        const body = await expectServedProblem(await call(bad, path), 503, "misconfigured");
        expect(body.detail).toContain(name);
        expect(body.detail).not.toContain(value);
      }
      await expectServedProblem(await call(bad, "/diagnose", diagnose), 503, "misconfigured");
    });
    // One line per request, even with ACCESS_LOG off (the test bindings), naming the variable and why: Node's words.
    expect(lines).toHaveLength(5);
    for (const line of lines) {
      expect(line).toMatchObject({ level: "error", status: 503, error: { name: "ConfigError" } });
      expect(String((line.error as { message: string }).message)).toMatch(new RegExp(`^invalid configuration: ${name}: `));
    }
  });

  it("names a secret that does not parse without quoting it", async () => {
    const secret = "not-a-key-but-someones-secret";
    const bad = bindings({ DISCORD_PUBLIC_KEY: secret });
    const lines = await logged(async () => {
      const body = await expectServedProblem(await call(bad, "/health"), 503, "misconfigured");
      expect(body.detail).toContain("DISCORD_PUBLIC_KEY");
      expect(JSON.stringify(body)).not.toContain(secret);
    });
    expect(JSON.stringify(lines)).toContain("DISCORD_PUBLIC_KEY");
    expect(JSON.stringify(lines)).not.toContain(secret);
  });

  it("without a database binding says so, as a setting", async () => {
    const body = await expectServedProblem(await call(bindings({ DB: undefined }), "/health"), 503, "misconfigured");
    expect(body.detail).toContain("DB");
  });
});
