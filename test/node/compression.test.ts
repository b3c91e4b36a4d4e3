import { mkdtemp, rm } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, inflateSync } from "node:zlib";
import { afterAll, beforeAll, expect, it } from "vitest";
import { SEED_BUNDLE } from "../support/seed-bundle";
import { type Spawned, spawnServer } from "../support/spawn-server";

let dir: string;
let server: Spawned;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "known-bugs-compress-"));
  server = await spawnServer({ DATABASE_URL: `file:${join(dir, "kb.db")}`, RATE_LIMIT_PER_MINUTE: "0" });
  if (!server.url) throw new Error(server.stderr());
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

/** The raw bytes and headers as sent (fetch would decode them behind the test's back). */
function raw(path: string, headers: Record<string, string>, body?: string) {
  const url = new URL(path, server.url as string);
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; bytes: Buffer }>((resolve, reject) => {
    const req = request(url, { method: body === undefined ? "GET" : "POST", headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

const textDiagnosis = { "content-type": "text/plain", accept: "application/json" };

it("sends a diagnosis compressed to a client that accepts gzip or deflate, and the same answer", async () => {
  const plain = await raw("/diagnose", textDiagnosis, SEED_BUNDLE);
  expect(plain.headers["content-encoding"]).toBeUndefined();
  const answer = JSON.parse(plain.bytes.toString("utf8"));
  expect(answer.rootCause.id).toBe("xt-mark-ipv6-typo-2024");

  const gzip = await raw("/diagnose", { ...textDiagnosis, "accept-encoding": "gzip, deflate, br" }, SEED_BUNDLE);
  expect(gzip.status).toBe(200);
  expect(gzip.headers["content-encoding"]).toBe("gzip");
  expect(gzip.headers.vary).toMatch(/accept-encoding/i);
  expect(gzip.bytes.length).toBeLessThan(plain.bytes.length / 2);
  expect(JSON.parse(gunzipSync(gzip.bytes).toString("utf8")).findings).toEqual(answer.findings);

  const deflate = await raw("/diagnose", { ...textDiagnosis, "accept-encoding": "deflate" }, SEED_BUNDLE);
  expect(deflate.headers["content-encoding"]).toBe("deflate");
  expect(JSON.parse(inflateSync(deflate.bytes).toString("utf8")).findings).toEqual(answer.findings);
}, 60_000);

it("compresses the pages and the read API for a client that accepts it, and nothing for one that does not", async () => {
  const page = await raw("/bugs/xt-mark-ipv6-typo-2024", { accept: "text/html", "accept-encoding": "gzip" });
  expect(page.headers["content-encoding"]).toBe("gzip");
  expect(gunzipSync(page.bytes).toString("utf8")).toContain("<h1");

  const list = await raw("/bugs", { accept: "application/json", "accept-encoding": "gzip" });
  expect(list.headers["content-encoding"]).toBe("gzip");
  expect(JSON.parse(gunzipSync(list.bytes).toString("utf8")).items.length).toBeGreaterThan(0);

  const problem = await raw("/bugs/no-such-record", { accept: "application/json", "accept-encoding": "gzip" });
  expect(problem.status).toBe(404);
  expect(problem.headers["content-type"]).toMatch(/^application\/problem\+json/);
  // A problem is small: sent as it is.
  expect(problem.headers["content-encoding"]).toBeUndefined();
  expect(JSON.parse(problem.bytes.toString("utf8")).status).toBe(404);

  // A load balancer's probe or a script that asks for nothing gets plain bytes.
  const health = await raw("/health", {});
  expect(health.headers["content-encoding"]).toBeUndefined();
  expect(JSON.parse(health.bytes.toString("utf8")).status).toBe("ok");
}, 60_000);

it("leaves answers under 1 KB alone, and says Vary: Accept-Encoding on every answer, HEAD and 304 too (review 67j F4)", async () => {
  const small = await raw("/health", { "accept-encoding": "gzip" });
  expect(small.bytes.length).toBeLessThan(1024);
  expect(small.headers["content-encoding"]).toBeUndefined();
  expect(small.headers.vary).toMatch(/accept-encoding/i);
  const page = await raw("/", { accept: "text/html", "accept-encoding": "gzip" });
  expect(page.headers["content-encoding"]).toBe("gzip");
  const etag = String(page.headers.etag);
  const again = await raw("/", { accept: "text/html", "accept-encoding": "gzip", "if-none-match": etag });
  expect(again.status).toBe(304);
  expect(again.headers.vary).toMatch(/accept-encoding/i);
  const head = await new Promise<Record<string, string | string[] | undefined>>((resolve, reject) => {
    const req = request(new URL("/health", server.url as string), { method: "HEAD", headers: { "accept-encoding": "gzip" } }, (res) => {
      res.resume();
      resolve(res.headers);
    });
    req.on("error", reject);
    req.end();
  });
  expect(head.vary).toMatch(/accept-encoding/i);
  expect(head["content-encoding"]).toBeUndefined();
}, 60_000);
