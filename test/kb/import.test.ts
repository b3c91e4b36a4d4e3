import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { getKbMeta } from "../../src/db/bug-queries";
import { bugDocParts } from "../../src/db/schema";
import { contentHash } from "../../src/kb/content-hash";
import { importFromDir } from "../../src/node/prepare-store";
import { XOR_MARK_KLOG } from "../support/seed-logs";
import { startTestService, type TestService } from "../support/test-store";

let service: TestService;
beforeEach(async () => {
  service = await startTestService();
});
afterEach(() => service.cleanup());

const XT_FILE = "bugs/xt-mark-ipv6-typo-2024.yaml";

async function servedState() {
  const meta = await getKbMeta(service.store);
  const list = (await (await service.app.request("/bugs?limit=200")).json()) as { total: number };
  const diag = await service.app.request("/diagnose", { method: "POST", headers: { "content-type": "text/plain" }, body: XOR_MARK_KLOG });
  const findings = ((await diag.json()) as { findings: { id: string }[] }).findings.map((f) => f.id);
  return { meta, total: list.total, findings };
}

describe("knowledge-base import", () => {
  it("changes nothing when the same data is imported again", async () => {
    const before = await getKbMeta(service.store);
    const again = await importFromDir(service.store, service.dataDir);
    expect(again).toMatchObject({ ok: true, changed: false });
    expect(await getKbMeta(service.store)).toEqual(before);
  });

  it("keeps the previous knowledge base served when a record is broken, and names file, field and problem", async () => {
    const before = await servedState();
    const good = await readFile(join(service.dataDir, XT_FILE), "utf8");
    await writeFile(join(service.dataDir, XT_FILE), good.replace(/^reboot: .*$/m, "reboot: maybe"));
    const outcome = await importFromDir(service.store, service.dataDir);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems).toContainEqual(
      expect.objectContaining({ file: expect.stringContaining("xt-mark-ipv6-typo-2024.yaml"), path: "reboot" }),
    );
    expect(await servedState()).toEqual(before);
  });

  it("rejects a regex that cannot run in linear time, naming the signature", async () => {
    const before = await servedState();
    const good = await readFile(join(service.dataDir, XT_FILE), "utf8");
    const broken = good.replace(
      /^signatures:\n/m,
      "signatures:\n  - id: backref\n    kind: regex\n    pattern: '(ip6tables)-restore \\1'\n    weight: 0.5\n    source: https://example.org/x\n",
    );
    await writeFile(join(service.dataDir, XT_FILE), broken);
    const outcome = await importFromDir(service.store, service.dataDir);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems).toContainEqual(expect.objectContaining({ path: "signatures.0.pattern" }));
    expect(await servedState()).toEqual(before);
  });

  it("rejects a record whose YAML does not parse, and a duplicate id, all at once", async () => {
    await writeFile(join(service.dataDir, "bugs/not-yaml.yaml"), "id: [unclosed\n");
    const xt = await readFile(join(service.dataDir, XT_FILE), "utf8");
    await writeFile(join(service.dataDir, "bugs/xt-copy.yaml"), xt.replace(/^id: .*$/m, "id: xt-copy"));
    const outcome = await importFromDir(service.store, service.dataDir);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const files = outcome.problems.map((p) => p.file);
    expect(files.some((f) => f.endsWith("not-yaml.yaml"))).toBe(true);
    expect(outcome.problems.some((p) => p.message.includes("alias") || p.message.includes("duplicate"))).toBe(true);
    await rm(join(service.dataDir, "bugs/not-yaml.yaml"));
  });

  it("versions what it stores: an edit that changes no stored field keeps the version, and the version is the stored documents' hash", async () => {
    const before = await getKbMeta(service.store);
    // A build whose schema stores another shape of the same files must not take an older build's store as current.
    const parts = await service.store.db.select().from(bugDocParts).orderBy(bugDocParts.bugId, bugDocParts.seq);
    const docs = new Map<string, string>();
    for (const p of parts) docs.set(p.bugId, (docs.get(p.bugId) ?? "") + p.text);
    expect(await contentHash([...docs].map(([file, text]) => ({ file, text })))).toBe(before?.version);
    // A comment in a record file stores nothing new.
    const xt = await readFile(join(service.dataDir, XT_FILE), "utf8");
    await writeFile(join(service.dataDir, XT_FILE), `# reviewed again\n${xt}`);
    expect(await importFromDir(service.store, service.dataDir)).toMatchObject({ ok: true, changed: false, version: before?.version });
  });

  it("replaces the knowledge base when a record changes", async () => {
    const before = await getKbMeta(service.store);
    const xt = await readFile(join(service.dataDir, XT_FILE), "utf8");
    const doc = parseDocument(xt);
    doc.set("title", `(edited) ${String(doc.get("title"))}`);
    await writeFile(join(service.dataDir, XT_FILE), doc.toString());
    const outcome = await importFromDir(service.store, service.dataDir);
    expect(outcome).toMatchObject({ ok: true, changed: true });
    const after = await getKbMeta(service.store);
    expect(after?.version).not.toBe(before?.version);
    const bug = (await (await service.app.request("/bugs/xt-mark-ipv6-typo-2024")).json()) as { bug: { title: string } };
    expect(bug.bug.title.startsWith("(edited)")).toBe(true);
  });
});
