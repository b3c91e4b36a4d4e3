import { expect, it } from "vitest";
import type { Diagnosis } from "../../src/engine/diagnosis";
import { post, SEED_INPUT } from "./api-helpers";
import { expectDocumented, type OpenApiDocument } from "./documented-schema";
import { UBUNTU_2204_OS_RELEASE, XOR_MARK_KLOG } from "./seed-logs";
import type { Fetch } from "./seed-scenarios";

/** The API documents itself, and every route's real answers match what it documents, on every runtime. */
export function documentedContract(fetch: Fetch, opts: { maxBodyBytes: number }) {
  it("serves its OpenAPI 3.1 document and a reference page", async () => {
    const res = await fetch("/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(Object.keys(doc.paths).sort()).toEqual(expect.arrayContaining(["/bugs", "/bugs/{id}", "/diagnose", "/health"]));
    const docs = await fetch("/docs");
    expect(docs.status).toBe(200);
    expect(docs.headers.get("content-type")).toContain("text/html");
    const page = await docs.text();
    expect(page).toContain("/openapi.json");
    // The page's script is pinned to one version, never "latest", and its policy lets that script run.
    expect(page).toMatch(/@scalar\/api-reference@\d+\.\d+\.\d+\//);
    // …and carries its hash, so a CDN serving another file runs nothing.
    expect(page).toMatch(/<script src="https:\/\/cdn\.jsdelivr\.net\/[^"]+" integrity="sha384-[A-Za-z0-9+/]{64}" crossorigin="anonymous"/);
    expect(docs.headers.get("content-security-policy")).toMatch(/script-src [^;]*https:\/\/cdn\.jsdelivr\.net/);
    // The document names no server: a client resolves it where it fetched it, whatever Host a request claimed.
    expect(doc).not.toHaveProperty("servers");
  });

  it("gives real answers of every route that validate against their documented schemas", async () => {
    const doc = (await (await fetch("/openapi.json")).json()) as OpenApiDocument;
    const check = async (method: string, path: string, res: Response, status: number) => {
      expect(res.status, `${method} ${path}`).toBe(status);
      return expectDocumented(doc, method, path, res);
    };
    const health = (await check("get", "/health", await fetch("/health"), 200)) as { kb: { version: string } };
    await check("get", "/bugs", await fetch("/bugs?q=xor-mark"), 200);
    await check("get", "/bugs", await fetch("/bugs?limit=200"), 200);
    await check("get", "/bugs", await fetch("/bugs?limit=-3"), 400);
    await check("get", "/bugs", await fetch("/bugs?ecosystem=ubuntu:22.04&version=5.15.0-127.137"), 200);
    // Any string orders somewhere: a word is refused, not answered as a version in an open-ended range.
    for (const version of ["banana", "not%20a%20version", "-1"])
      await check("get", "/bugs", await fetch(`/bugs?ecosystem=ubuntu:22.04&version=${version}`), 400);
    await check("get", "/bugs", await fetch("/bugs?alias=CVE-2024-50038&commit=0bfcb7b"), 200);
    await check("get", "/kb", await fetch("/kb"), 200);
    const list = (await (await fetch("/bugs?limit=200")).json()) as { items: { id: string }[] };
    // Every record in the knowledge base, not just one: the record schema is the widest answer.
    for (const { id } of list.items) {
      await check("get", "/bugs/{id}", await fetch(`/bugs/${id}`), 200);
      await check("get", "/bugs/{id}/osv", await fetch(`/bugs/${id}/osv`), 200);
    }
    await check("get", "/bugs/{id}/osv", await fetch("/bugs/no-such-bug/osv"), 404);
    await check("get", "/bugs/{id}", await fetch("/bugs/no-such-bug"), 404);
    await check("get", "/bugs/{id}", await fetch("/bugs/Not_A_Slug"), 400);
    const json = JSON.stringify({ ...SEED_INPUT, nodes: undefined });
    const d = (await check("post", "/diagnose", await post(fetch, json, "application/json"), 200)) as Diagnosis;
    expect(d.kb.version).toBe(health.kb.version);
    expect(d.findings.length).toBeGreaterThan(0);
    await check("post", "/diagnose", await post(fetch, json, "application/json", "text/plain"), 200);
    const bundle = `$ uname -a\nLinux worker-2 5.15.0-127-generic #137-Ubuntu SMP Fri Nov 8 15:21:01 UTC 2024 x86_64 GNU/Linux\n$ cat /etc/os-release\n${UBUNTU_2204_OS_RELEASE}\n${XOR_MARK_KLOG}`;
    const fromBundle = (await check("post", "/diagnose", await post(fetch, bundle, "text/plain"), 200)) as Diagnosis;
    expect(fromBundle.facts.kernel?.release).toBe("5.15.0-127-generic");
    await check("post", "/diagnose", await post(fetch, "{}", "application/json"), 422);
    await check("post", "/diagnose", await post(fetch, "{", "application/json"), 400);
    await check("post", "/diagnose", await post(fetch, "<x/>", "application/xml"), 415);
    await check("post", "/diagnose", await post(fetch, "x".repeat(opts.maxBodyBytes + 1), "text/plain"), 413);
  });
}
