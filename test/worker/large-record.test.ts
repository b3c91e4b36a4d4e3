import { applyD1Migrations, createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { loadRecords } from "../../src/db/bug-queries";
import { createDb } from "../../src/db/create-db";
import { importScript, importStatements } from "../../src/db/import-sql";
import { contentHash } from "../../src/kb/content-hash";
import worker from "../../src/worker";
import { GROWN_ID, GROWN_MIN_BYTES, grownRecord } from "../support/grown-record";
import { XOR_MARK_KLOG } from "../support/seed-logs";

/**
 * A record larger than one D1 statement (100 KB of SQL), loaded into D1 as `npm run kb:sql` and `wrangler d1 execute
 * --file` load it (each statement with its parameters inlined), then served by the real Worker module from that D1.
 * Before, its document was one statement and D1 refused it (SQLITE_TOOBIG).
 */
const grown = async () => {
  const records = (await loadRecords(createDb({ kind: "d1", binding: env.DB }))).map((r) => (r.id === GROWN_ID ? grownRecord(r) : r));
  const version = await contentHash(records.map((r) => ({ file: r.id, text: JSON.stringify(r) })));
  return { version, records };
};
let kb: Awaited<ReturnType<typeof grown>>;

beforeAll(async () => {
  kb = await grown();
  await applyD1Migrations(env.LARGE_RECORD_DB, env.TEST_MIGRATIONS);
  const statements = importStatements(createDb({ kind: "d1", binding: env.LARGE_RECORD_DB }).db, kb, new Date());
  await env.LARGE_RECORD_DB.batch(statements.map((s) => env.LARGE_RECORD_DB.prepare(importScript([s]))));
});

const call = async (path: string, init?: RequestInit) => {
  const ctx = createExecutionContext();
  const headers = { "cf-connecting-ip": "203.0.113.45", ...init?.headers };
  const res = await worker.fetch(
    new Request(`https://known-bugs.test${path}`, { ...init, headers }),
    { ...env, DB: env.LARGE_RECORD_DB },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return res;
};

describe("a record larger than one D1 statement, in the Worker (workerd + D1)", () => {
  it("is served whole by GET /bugs/:id, as imported", async () => {
    const want = kb.records.find((r) => r.id === GROWN_ID);
    expect(JSON.stringify(want).length).toBeGreaterThan(GROWN_MIN_BYTES);
    const res = await call(`/bugs/${GROWN_ID}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { bug: unknown; kb: { version: string } };
    expect(body.kb.version).toBe(kb.version);
    expect(body.bug).toEqual(JSON.parse(JSON.stringify(want)));
  });

  it("is diagnosed from its stored document", async () => {
    const res = await call("/diagnose", { method: "POST", headers: { "content-type": "text/plain" }, body: XOR_MARK_KLOG });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { findings: Array<{ id: string }> }).findings[0]?.id).toBe(GROWN_ID);
  });
});
