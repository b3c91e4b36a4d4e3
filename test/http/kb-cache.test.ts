import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { importFromDir } from "../../src/node/prepare-store";
import { currentKb } from "../../src/service/kb-cache";
import { startTestService, type TestService } from "../support/test-store";

let service: TestService;
beforeAll(async () => {
  service = await startTestService();
});
afterAll(() => service.cleanup());

describe("compiled knowledge base", () => {
  it("is built once per version and reused across requests", async () => {
    const first = await currentKb(service.store);
    await service.app.request("/diagnose", { method: "POST", headers: { "content-type": "text/plain" }, body: "6.6.58" });
    expect(await currentKb(service.store)).toBe(first);
  });

  it("is rebuilt when an import changes the version", async () => {
    const before = await currentKb(service.store);
    const file = join(service.dataDir, "bugs/xt-mark-ipv6-typo-2024.yaml");
    const doc = parseDocument(await readFile(file, "utf8"));
    doc.set("title", `${String(doc.get("title"))} (edited)`);
    await writeFile(file, doc.toString());
    expect(await importFromDir(service.store, service.dataDir)).toMatchObject({ ok: true, changed: true });
    const after = await currentKb(service.store);
    expect(after).not.toBe(before);
    expect(after.version).not.toBe(before.version);
    expect(after.records.find((r) => r.id === "xt-mark-ipv6-typo-2024")?.title.endsWith("(edited)")).toBe(true);
  });
});
