import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Store } from "../../src/db/create-db";
import { sharedEnvSchema } from "../../src/env-fields";
import { createApp } from "../../src/http/app";
import { describeFailure } from "../../src/http/on-error";
import { openStore } from "../../src/node/prepare-store";
import { inlineDiagnoser } from "../../src/service/diagnoser";
import { expectProblem } from "../support/api-helpers";
import { expectDocumented, type OpenApiDocument } from "../support/documented-schema";
import { startTestService } from "../support/test-store";

/**
 * The app on libSQL in the states a Worker on Turso can meet (Node migrates its database at start, so it
 * meets only the second): a database never migrated, and one migrated that holds no knowledge base.
 * The same code answers the Worker on D1 (test/worker/setup-faults.test.ts), with D1's commands.
 */
let dir: string;
let unmigrated: Store;
let empty: Store;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "known-bugs-setup-"));
  unmigrated = createDb({ kind: "libsql", url: `file:${join(dir, "unmigrated.db")}` });
  empty = await openStore(`file:${join(dir, "empty.db")}`);
});
afterAll(async () => {
  unmigrated.close();
  empty.close();
  await rm(dir, { recursive: true, force: true });
});

const FEEDBACK_TOKEN = "feedback-token-0123456789";
function appOn(store: Store) {
  const logs: Array<Record<string, unknown>> = [];
  const settings = sharedEnvSchema.parse({ ACCESS_LOG: "off", FEEDBACK_TOKEN });
  const app = createApp({ store: () => store, settings: () => settings, diagnoser: () => inlineDiagnoser, log: (e) => logs.push(e) });
  return { app, logs };
}

const READS = ["/health", "/kb", "/bugs", "/bugs?q=mark", "/bugs/xt-mark-ipv6-typo-2024", "/bugs/xt-mark-ipv6-typo-2024/osv"];
const diagnose = { method: "POST", headers: { "content-type": "text/plain" }, body: 'unknown option "--xor-mark"' };

describe("the app on a libSQL database never migrated", () => {
  it("answers 503 schema-missing saying to run kb:import, and logs the database's message", async () => {
    const { app, logs } = appOn(unmigrated);
    for (const path of [...READS, "/"]) {
      const res = await app.request(path);
      const body = await expectProblem(res, 503);
      expect(body.type).toMatch(/schema-missing$/);
      expect(body.detail).toContain("`npm run kb:import`");
      expect(body.detail).not.toContain("wrangler");
      expect(res.headers.get("cache-control")).toBe("no-store");
    }
    expect((await expectProblem(await app.request("/diagnose", diagnose), 503)).type).toMatch(/schema-missing$/);
    expect(logs.length).toBe(READS.length + 2);
    // Each line names the problem, so an operator tells one 503 from another (review 33a).
    for (const line of logs)
      expect(line).toMatchObject({ status: 503, problem: "schema-missing", error: { message: "no such table: kb_meta" } });
  });

  it("answers the chat votes' summary 503 schema-missing, as its contract says (review 62a F4: undocumented)", async () => {
    const { app } = appOn(unmigrated);
    const res = await app.request("/feedback/summary", { headers: { authorization: `Bearer ${FEEDBACK_TOKEN}` } });
    expect((await expectProblem(res.clone(), 503)).type).toMatch(/schema-missing$/);
    const doc = (await (await app.request("/openapi.json")).json()) as OpenApiDocument;
    await expectDocumented(doc, "get", "/feedback/summary", res);
  });
});

describe("the app on a migrated libSQL database nothing was imported into", () => {
  it("answers every knowledge-base route 503 kb-not-loaded (GET /bugs too, uncached)", async () => {
    const { app } = appOn(empty);
    for (const path of READS) {
      const res = await app.request(path);
      const body = await expectProblem(res, 503);
      expect(body.type).toMatch(/kb-not-loaded$/);
      expect(body.detail).toContain("`npm run kb:import`");
      expect(body.detail).not.toContain("wrangler");
      expect(res.headers.get("cache-control")).toBe("no-store");
    }
    expect((await expectProblem(await app.request("/diagnose", diagnose), 503)).type).toMatch(/kb-not-loaded$/);
  });
});

describe("describeFailure on database errors", () => {
  it("keeps SQLite's message when it names only our schema, and drops one quoting user text", async () => {
    const missing = await unmigrated.db.run("SELECT version FROM kb_meta").catch((e: unknown) => e);
    expect(describeFailure(missing)).toMatchObject({ message: "no such table: kb_meta" });
    // An FTS5 query's syntax error quotes the search words: never logged.
    const fts = await empty.raw(`SELECT * FROM bugs_fts WHERE bugs_fts MATCH 'user-secret"'`).catch((e: unknown) => e);
    expect(fts).toBeInstanceOf(Error);
    expect(JSON.stringify(describeFailure(fts))).not.toContain("user-secret");
    expect(describeFailure(fts).message).toBeUndefined();
    // A column an FTS5 query named is the user's word, unless it is one of ours.
    const column = await empty.raw(`SELECT * FROM bugs_fts WHERE bugs_fts MATCH 'secretcol: x'`).catch((e: unknown) => e);
    expect(JSON.stringify(describeFailure(column))).not.toContain("secretcol");
  });
});

describe("a schema changed under the running process (review 63f F1)", () => {
  it("answers 503 store-schema-changed, not 500, and /health says so from then on", async () => {
    const service = await startTestService({ diagnoser: "inline" });
    try {
      expect((await service.app.request("/bugs?q=conntrack")).status).toBe(200);
      // Another build's import, or an operator, drops what this build's queries read.
      await service.store.raw("DROP TABLE bugs_fts");
      const res = await service.app.request("/bugs?q=conntrack", { headers: { accept: "application/json" } });
      const problem = await expectProblem(res, 503);
      expect(problem.type).toMatch(/store-schema-changed$/);
      expect(problem.detail).toContain("no such table: bugs_fts");
      expect((await expectProblem(await service.app.request("/health"), 503)).type).toMatch(/store-schema-changed$/);
    } finally {
      await service.cleanup();
    }
  });
});

describe("a stored record that no longer parses (review 33e)", () => {
  it.each([
    ["a part changed", "UPDATE bug_doc_parts SET text = '{not json' WHERE bug_id = 'xt-mark-ipv6-typo-2024' AND seq = 0"],
    ["its parts gone", "DELETE FROM bug_doc_parts WHERE bug_id = 'xt-mark-ipv6-typo-2024'"],
  ])("%s: answers 503 store-damaged, logged once, and /health says so from then on", async (_name, damage) => {
    const service = await startTestService({ diagnoser: "inline" });
    try {
      expect((await service.app.request("/health")).status).toBe(200);
      await service.store.raw(damage);
      const res = await service.app.request("/bugs/xt-mark-ipv6-typo-2024", { headers: { accept: "application/json" } });
      expect((await expectProblem(res, 503)).type).toMatch(/store-damaged$/);
      expect((await expectProblem(await service.app.request("/health"), 503)).type).toMatch(/store-damaged$/);
      expect(service.logs.filter((l) => l.status === 503 && l.problem === "store-damaged").length).toBeGreaterThanOrEqual(1);
    } finally {
      await service.cleanup();
    }
  });
});
