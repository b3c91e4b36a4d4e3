import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { getBug, getKbMeta, loadRecords } from "../../src/db/bug-queries";
import { importScript } from "../../src/db/import-sql";
import { kbStatements } from "../../src/node/kb-script";
import { importFromDir, openStore } from "../../src/node/prepare-store";
import { GROWN_ID, GROWN_MIN_BYTES, grownRecord } from "../support/grown-record";
import { XOR_MARK_KLOG } from "../support/seed-logs";
import { startTestService, type TestService } from "../support/test-store";

// A record is not bounded by one D1 statement (100 KB of SQL): curators grow records with distribution ranges. Only a
// single row the import writes whole (a summary, a signature) is, and kb:check says which.
let service: TestService;
beforeEach(async () => {
  service = await startTestService({ diagnoser: "inline" });
});
afterEach(() => service.cleanup());

const recordFile = () => join(service.dataDir, "bugs", `${GROWN_ID}.yaml`);
const editRecord = async (edit: (r: Record<string, unknown>) => Record<string, unknown>) =>
  writeFile(recordFile(), stringify(edit(parse(await readFile(recordFile(), "utf8")))));

describe("a record larger than one D1 statement", () => {
  it("is imported on Node, served whole by GET /bugs/:id, and diagnosed from its stored document", async () => {
    await editRecord((r) => grownRecord(r as { affected: [] }));
    const outcome = await importFromDir(service.store, service.dataDir);
    expect(outcome, JSON.stringify(outcome).slice(0, 500)).toMatchObject({ ok: true, changed: true });
    const stored = (await loadRecords(service.store)).find((r) => r.id === GROWN_ID);
    expect(JSON.stringify(stored).length).toBeGreaterThan(GROWN_MIN_BYTES);
    expect(stored?.affected.map((a) => a.package)).toContain("linux-aws-flavour-1");

    const res = await service.app.request(`/bugs/${GROWN_ID}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { bug: unknown; kb: { version: string } };
    expect(body.kb.version).toBe(outcome.ok && outcome.version);
    expect(body.bug).toEqual(JSON.parse(JSON.stringify(stored)));
    const diag = await service.app.request("/diagnose", { method: "POST", headers: { "content-type": "text/plain" }, body: XOR_MARK_KLOG });
    expect(((await diag.json()) as { findings: Array<{ id: string }> }).findings[0]?.id).toBe(GROWN_ID);
  });

  it("is written by kb:sql in statements D1 accepts (each at most 100,000 bytes), and loads back the same", async () => {
    await editRecord((r) => grownRecord(r as { affected: [] }));
    const { version, statements } = await kbStatements(service.dataDir);
    const sizes = statements.map((s) => new TextEncoder().encode(importScript([s])).length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(100_000);
    const url = `file:${join(service.dataDir, "..", "script.db")}`;
    const store = await openStore(url);
    try {
      const client = createClient({ url });
      await client.executeMultiple(importScript(statements));
      client.close();
      expect((await getKbMeta(store))?.version).toBe(version);
      await importFromDir(service.store, service.dataDir);
      expect(await getBug(store, GROWN_ID)).toEqual(await getBug(service.store, GROWN_ID));
      expect(await loadRecords(store)).toEqual(await loadRecords(service.store));
    } finally {
      store.close();
    }
  });
});

describe("a value too large for one D1 statement", () => {
  it("is refused with the row and field to shorten, and the served knowledge base is kept", async () => {
    const before = await getKbMeta(service.store);
    // A summary is stored whole in its bugs row and the search index: a real summary repeated past 100 KB.
    await editRecord((r) => ({ ...r, summary: Array.from({ length: 400 }, () => r.summary).join(" ") }));
    const outcome = await importFromDir(service.store, service.dataDir);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems).toContainEqual(
      expect.objectContaining({
        file: expect.stringMatching(new RegExp(`${GROWN_ID}\\.yaml$`)),
        message: expect.stringMatching(/^its bugs row is \d+ bytes as SQL \(summary: \d+\); one D1 statement holds at most 100000/),
      }),
    );
    expect(await getKbMeta(service.store)).toEqual(before);
  });
});
