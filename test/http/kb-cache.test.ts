import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import type { KbMeta } from "../../src/db/bug-queries";
import type { Store } from "../../src/db/create-db";
import { importFromDir } from "../../src/node/prepare-store";
import { currentKb, kbMetaWithin } from "../../src/service/kb-cache";
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
    // Identity, compared as such: vitest's not.toBe deep-compares two compiled knowledge bases to word its message (20 s).
    expect(after === before).toBe(false);
    expect(after.version).not.toBe(before.version);
    expect(after.records.find((r) => r.id === "xt-mark-ipv6-typo-2024")?.title.endsWith("(edited)")).toBe(true);
  });
});

describe("the knowledge base's version, read once per KB_VERSION_TTL_MS", () => {
  const editAndImport = async (s: TestService, title: string) => {
    const file = join(s.dataDir, "bugs/xt-mark-ipv6-typo-2024.yaml");
    const doc = parseDocument(await readFile(file, "utf8"));
    doc.set("title", title);
    await writeFile(file, doc.toString());
    expect(await importFromDir(s.store, s.dataDir)).toMatchObject({ ok: true, changed: true });
  };
  const servedVersion = async (s: TestService, path: string) => (await s.app.request(path)).headers.get("x-kb-version");
  /** A diagnosis: the version its header names and the one its body says it used. */
  const diagnosed = async (s: TestService) => {
    const res = await s.app.request("/diagnose", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: 'unknown option "--xor-mark"',
    });
    return { header: res.headers.get("x-kb-version"), body: ((await res.json()) as { kb: { version: string } }).kb.version };
  };
  /** A service of its own (the TTL is per service's settings), cleaned up whatever the test does. */
  const withService = async (ttlMs: string, test: (s: TestService) => Promise<void>) => {
    const s = await startTestService({ diagnoser: "inline", env: { KB_VERSION_TTL_MS: ttlMs } });
    try {
      await test(s);
    } finally {
      await s.cleanup();
    }
  };

  it("is reused within the TTL: an import is served after it, or at once after /health reads it", async () => {
    await withService("600000", async (s) => {
      const before = await servedVersion(s, "/bugs/xt-mark-ipv6-typo-2024");
      await editAndImport(s, "edited while serving");
      expect(await servedVersion(s, "/bugs/xt-mark-ipv6-typo-2024")).toBe(before);
      const fresh = await servedVersion(s, "/health");
      expect(fresh).not.toBe(before);
      expect(await servedVersion(s, "/bugs/xt-mark-ipv6-typo-2024")).toBe(fresh);
      expect(await diagnosed(s)).toEqual({ header: fresh, body: fresh });
    });
  });

  it("is refreshed by a fresh read elsewhere (the chat doors'), so no route serves a version that read replaced", async () => {
    await withService("600000", async (s) => {
      const before = await servedVersion(s, "/bugs");
      await editAndImport(s, "edited before a chat request");
      const fresh = await currentKb(s.store);
      expect(fresh.version).not.toBe(before);
      expect(await servedVersion(s, "/bugs")).toBe(fresh.version);
      expect(await diagnosed(s)).toEqual({ header: fresh.version, body: fresh.version });
    });
  });

  it("when not compiled yet, is read again before compiling, and the answer is labelled with the base it used", async () => {
    await withService("600000", async (s) => {
      // A version no other test compiled, reused by /bugs, then replaced by an import the reuse does not see.
      await editAndImport(s, "a version only this test has");
      const reused = await servedVersion(s, "/bugs");
      await editAndImport(s, "imported while the old version is reused");
      const { header, body } = await diagnosed(s);
      expect(body).not.toBe(reused);
      expect(header).toBe(body);
      expect(await servedVersion(s, "/bugs")).toBe(body);
    });
  });

  it("keeps the read that started last when reads overlap, so a slow read never puts an older version back", async () => {
    // A store whose version reads the test answers by hand, in the order it chooses.
    const pending: Array<(rows: KbMeta[]) => void> = [];
    const query = () => new Promise<KbMeta[]>((resolve) => pending.push(resolve));
    const store = { db: { select: () => ({ from: () => ({ where: query }) }) } } as unknown as Store;
    const meta = (version: string): KbMeta => ({ version, recordCount: 1, importedAt: "2026-11-30T00:00:00.000Z" });
    const slow = kbMetaWithin(store, 0);
    const fast = kbMetaWithin(store, 0);
    pending[1]?.([meta("kb-new")]);
    await fast;
    pending[0]?.([meta("kb-old")]);
    await slow;
    expect((await kbMetaWithin(store, 60_000))?.version).toBe("kb-new");
  });

  it("hands a load it starts to keepAlive (the Worker's waitUntil), and nothing once the version is compiled", async () => {
    await withService("2000", async (s) => {
      await editAndImport(s, "a version only the keepAlive test has");
      const kept: Promise<unknown>[] = [];
      const kb = await currentKb(s.store, undefined, (work) => kept.push(work));
      expect(kept).toHaveLength(1);
      await expect(kept[0]).resolves.toBe(kb);
      await currentKb(s.store, undefined, (work) => kept.push(work));
      expect(kept).toHaveLength(1);
    });
  });

  it("is read on every request with a TTL of 0", async () => {
    await withService("0", async (s) => {
      const before = await servedVersion(s, "/bugs");
      await editAndImport(s, "edited with no reuse");
      expect(await servedVersion(s, "/bugs")).not.toBe(before);
    });
  });
});
