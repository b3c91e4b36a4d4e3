import { applyD1Migrations, createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import worker from "../../src/worker";
import { expectProblem } from "../support/api-helpers";
import { discordHeaders, importEd25519Private } from "../support/chat-signing";

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

const READS = ["/health", "/kb", "/bugs", "/bugs?q=mark", "/bugs/xt-mark-ipv6-typo-2024", "/bugs/xt-mark-ipv6-typo-2024/osv"];
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
    ["RATE_LIMIT_PERIOD_SECONDS", "30"],
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
    const lines = await logged(async () => {
      const body = await expectServedProblem(await call(bindings({ DB: undefined }), "/health"), 503, "misconfigured");
      expect(body.detail).toContain("DB");
    });
    expect(JSON.stringify(lines)).toContain("bind a D1 database as DB or set DATABASE_URL");
  });
});

describe("a Worker whose D1 was never migrated", () => {
  it("answers 503 schema-missing with the wrangler commands, and logs the database's own message", async () => {
    const bare = bindings({ DB: env.UNMIGRATED_DB });
    const lines = await logged(async () => {
      for (const path of [...READS, "/"]) {
        const body = await expectServedProblem(await call(bare, path), 503, "schema-missing");
        expect(body.detail).toContain("npx wrangler d1 migrations apply known-bugs --remote");
        expect(body.detail).toContain("wrangler d1 execute known-bugs --remote --file kb.sql");
      }
      await expectServedProblem(await call(bare, "/diagnose", diagnose), 503, "schema-missing");
    });
    expect(lines.length).toBeGreaterThanOrEqual(READS.length + 2);
    for (const line of lines) expect(line).toMatchObject({ status: 503, error: { message: "no such table: kb_meta" } });
  });
});

describe("a Worker whose D1 is migrated but holds no knowledge base", () => {
  beforeAll(async () => {
    await applyD1Migrations(env.EMPTY_DB, env.TEST_MIGRATIONS);
  });
  const empty = () => bindings({ DB: env.EMPTY_DB });

  it("answers every knowledge-base route 503 kb-not-loaded with D1's import, never kb:import", async () => {
    for (const path of READS) {
      const body = await expectServedProblem(await call(empty(), path), 503, "kb-not-loaded");
      expect(body.detail).toContain("npm run -s kb:sql > kb.sql && npx wrangler d1 execute known-bugs --remote --file kb.sql");
      expect(body.detail).not.toContain("kb:import");
    }
    const body = await expectServedProblem(await call(empty(), "/diagnose", diagnose), 503, "kb-not-loaded");
    expect(body.detail).toContain("wrangler d1 execute");
  });

  it("tells a chat user the same", async () => {
    const key = await importEd25519Private(JSON.parse(env.TEST_DISCORD_PRIVATE_JWK) as JsonWebKey);
    const payload = JSON.stringify({
      type: 2,
      id: "1",
      application_id: "1",
      token: "t",
      data: { id: "c1", name: "diagnose", type: 1, options: [{ name: "log", type: 3, value: 'unknown option "--xor-mark"' }] },
      member: { user: { id: "42" } },
    });
    const res = await call(empty(), "/integrations/discord/interactions", {
      method: "POST",
      headers: await discordHeaders(key, payload),
      body: payload,
    });
    expect(res.status).toBe(200);
    const content = ((await res.json()) as { data: { content: string } }).data.content;
    expect(content).toContain("wrangler d1 execute known-bugs --remote --file kb.sql");
    expect(content).not.toContain("kb:import");
  });
});

describe("a client that leaves mid-upload (review 66f F2, 68f F1)", () => {
  it("is logged as 499 client-closed at info, as on Node, for a plain and a gzip body", async () => {
    // As workerd fails a dropped upload (review 68f F1, seen under wrangler dev): the body's read rejects with "Network
    // connection lost." while request.signal is still not aborted (enable_request_signal fires later, or never).
    const log = new TextEncoder().encode("Mar 01 10:00:00 node kubelet[1]: line of a long upload\n".repeat(500));
    const gzip = new Uint8Array(await new Response(new Blob([log]).stream().pipeThrough(new CompressionStream("gzip"))).arrayBuffer());
    for (const encoding of [undefined, "gzip"]) {
      const bytes = encoding ? gzip : log;
      let sent = 0;
      // The first half arrives, then the connection is lost.
      const body = new ReadableStream<Uint8Array>({
        pull(ctrl) {
          if (sent++ < 1) return ctrl.enqueue(bytes.slice(0, bytes.length >> 1));
          ctrl.error(new Error("Network connection lost."));
        },
      });
      const headers: Record<string, string> = { "content-type": "text/plain", ...(encoding ? { "content-encoding": encoding } : {}) };
      let status = 0;
      const lines = await logged(async () => {
        const init = { method: "POST", headers, body, duplex: "half" } as RequestInit;
        status = (await call(bindings({ ACCESS_LOG: "on" }), "/diagnose", init)).status;
      });
      // Neither the client's fault (400 malformed-body, as a decoder's error is) nor ours: what happened, in the log too.
      expect(status, String(encoding)).toBe(499);
      const line = lines.find((l) => l.path === "/diagnose");
      expect(line, String(encoding)).toMatchObject({ status: 499, level: "info", problem: "client-closed" });
    }
  });
});

describe("the rate-limit binding's period (review 66f F6)", () => {
  it("is the Retry-After of its 429, as RATE_LIMIT_PERIOD_SECONDS says (the binding does not report it)", async () => {
    const ten = bindings({ RATE_LIMIT_PERIOD_SECONDS: "10" });
    let limited: Response | null = null;
    for (let i = 0; i < 200 && !limited; i++) {
      const res = await call(ten, "/diagnose", {
        method: "POST",
        headers: { "content-type": "application/xml", "cf-connecting-ip": "203.0.113.66" },
        body: "<x/>",
      });
      if (res.status === 429) limited = res;
    }
    expect(limited?.headers.get("retry-after")).toBe("10");
  });
});

describe("the access log's path (review 68f F3)", () => {
  it("is the route that answered, never words a client put in the path; a record id only when served", async () => {
    const asked = [
      ["/bugs/Bearer%20abc.def.ghi", { headers: { accept: "text/html" } }],
      ["/bugs/password=hunter2%20token"],
      ["/anything/secret-of-user"],
      ["/bugs/xt-mark-ipv6-typo-2024"],
    ] as const;
    const statuses: number[] = [];
    const lines = await logged(async () => {
      for (const [path, init] of asked) statuses.push((await call(bindings({ ACCESS_LOG: "on" }), path, init)).status);
    });
    expect(lines.map((l) => `${l.status} ${l.path}`)).toEqual([
      `${statuses[0]} /bugs/:id`,
      `${statuses[1]} /bugs/:id`,
      "404 (unmatched)",
      "200 /bugs/xt-mark-ipv6-typo-2024",
    ]);
    expect(statuses.slice(0, 2)).toEqual([302, 400]);
    expect(JSON.stringify(lines)).not.toMatch(/secret|Bearer|hunter2/);
  });
});
