import { expect, it } from "vitest";
import { UBUNTU_2204_OS_RELEASE, XOR_MARK_KLOG } from "./seed-logs";
import type { Fetch } from "./seed-scenarios";

const XT = "xt-mark-ipv6-typo-2024";

async function expectProblem(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  const body = (await res.json()) as { status: number; title: string; detail: string; requestId?: string; errors?: { path: string }[] };
  expect(body.status).toBe(status);
  expect(body.requestId).toBeTruthy();
  expect(res.headers.get("x-request-id")).toBe(body.requestId);
  return body;
}

const post = (fetch: Fetch, body: BodyInit, type: string, accept?: string) =>
  fetch("/diagnose", { method: "POST", headers: { "content-type": type, ...(accept ? { accept } : {}) }, body });

/** The API's promises that hold on every runtime: search, records, formats and every error case. */
export function apiContract(fetch: Fetch, opts: { maxBodyBytes: number }) {
  it("reports health with the knowledge-base version and record count", async () => {
    const res = await fetch("/health");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; kb: { version: string; records: number } };
    expect(body.status).toBe("ok");
    expect(body.kb.version).toMatch(/^kb-[0-9a-f]{16}$/);
    expect(body.kb.records).toBeGreaterThanOrEqual(2);
    expect(res.headers.get("x-kb-version")).toBe(body.kb.version);
  });

  for (const q of ["862c95d9859f", "0bfcb7b71e73", "306ed1728e84", "--xor-mark", "CVE-2024-50038"]) {
    it(`finds xt-mark when searching for ${q}`, async () => {
      const res = await fetch(`/bugs?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { items: { id: string }[] };
      expect(body.items.map((i) => i.id)).toContain(XT);
    });
  }

  it("ranks the best match first and filters by ecosystem", async () => {
    const best = (await (await fetch("/bugs?q=xor-mark")).json()) as { items: { id: string }[] };
    expect(best.items[0]?.id).toBe(XT);
    const ubuntu = (await (await fetch("/bugs?ecosystem=ubuntu:22.04&limit=200")).json()) as { items: { id: string }[] };
    expect(ubuntu.items.map((i) => i.id)).toContain(XT);
    const none = (await (await fetch("/bugs?q=zzzz-no-such-term")).json()) as { total: number };
    expect(none.total).toBe(0);
  });

  it("returns the whole record, with ranges and references, and labels the reported commit id", async () => {
    const res = await fetch(`/bugs/${XT}`);
    expect(res.status).toBe(200);
    const { bug } = (await res.json()) as {
      bug: { affected: unknown[]; references: unknown[]; aliases: { value: string; verified: boolean }[] };
    };
    expect(bug.affected.length).toBeGreaterThan(0);
    expect(bug.references.length).toBeGreaterThanOrEqual(2);
    expect(bug.aliases.find((a) => a.value.startsWith("862c95d9859f"))?.verified).toBe(false);
  });

  it("answers a text/plain bundle with line numbers counted in the whole body", async () => {
    const bundle = `$ uname -r\n5.15.0-127-generic\n$ cat /etc/os-release\n${UBUNTU_2204_OS_RELEASE}\n${XOR_MARK_KLOG}`;
    const res = await post(fetch, bundle, "text/plain");
    expect(res.status).toBe(200);
    const d = (await res.json()) as { findings: { id: string; evidence: { kind: string; line?: number; text?: string }[] }[] };
    expect(d.findings[0]?.id).toBe(XT);
    const lines = bundle.split("\n");
    for (const e of d.findings[0]?.evidence ?? []) {
      if (e.kind === "log") expect(lines[(e.line ?? 0) - 1]).toBe(e.text);
    }
  });

  it("gives a compact text report when asked for text/plain", async () => {
    const res = await post(
      fetch,
      JSON.stringify({ uname: "5.15.0-127-generic", osRelease: UBUNTU_2204_OS_RELEASE, logs: XOR_MARK_KLOG }),
      "application/json",
      "text/plain",
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    expect(text).toContain(XT);
    expect(text).toMatch(/verdict: affected/);
    expect(text).toContain("--xor-mark");
    expect(text).toMatch(/fix \(reboot/);
  });

  it("rejects malformed JSON with 400", async () => {
    await expectProblem(await post(fetch, '{"logs": "x"', "application/json"), 400);
  });

  it("rejects an unsupported content type with 415", async () => {
    await expectProblem(await post(fetch, "<logs/>", "application/xml"), 415);
  });

  it("rejects a body over the limit with 413", async () => {
    await expectProblem(await post(fetch, "x".repeat(opts.maxBodyBytes + 1), "text/plain"), 413);
  });

  it("rejects invalid fields with 422 and names their paths", async () => {
    const body = await expectProblem(await post(fetch, JSON.stringify({ logs: 42, log: "typo" }), "application/json"), 422);
    const paths = (body.errors ?? []).map((e) => e.path);
    expect(paths).toContain("logs");
  });

  it("rejects an empty diagnosis request with 422", async () => {
    await expectProblem(await post(fetch, "{}", "application/json"), 422);
  });

  it("answers an unknown bug with 404", async () => {
    await expectProblem(await fetch("/bugs/no-such-bug"), 404);
  });

  it("rejects a bad query parameter with 400", async () => {
    await expectProblem(await fetch("/bugs?limit=-3"), 400);
    await expectProblem(await fetch("/diagnose?limit=abc", { method: "POST", body: "x", headers: { "content-type": "text/plain" } }), 400);
  });

  it("rejects JSON that is not an object, or a limit out of range, with 422", async () => {
    await expectProblem(await post(fetch, "[1, 2]", "application/json"), 422);
    const body = await expectProblem(await post(fetch, JSON.stringify({ logs: "x", limit: 0 }), "application/json"), 422);
    expect((body.errors ?? []).map((e) => e.path)).toContain("limit");
  });

  it("treats any text as logs, binary noise and search operators included, without a 500", async () => {
    const noise = String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    expect((await post(fetch, noise, "text/plain")).status).toBe(200);
    expect((await post(fetch, `${"a".repeat(60_000)} unknown option "--xor-mark"`, "text/plain")).status).toBe(200);
    for (const q of ['"', "*", "NEAR(", "a OR", "^x", "col:val", "(((", "-"]) {
      const res = await fetch(`/bugs?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
    }
  });

  it("answers an unknown route with a problem, not an HTML page", async () => {
    await expectProblem(await fetch("/no/such/route"), 404);
  });
}
