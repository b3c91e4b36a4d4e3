import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { journald } from "../support/large-inputs";
import { type Spawned, spawnServer } from "../support/spawn-server";

let dir: string;
let server: Spawned;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "known-bugs-load-"));
  // Behind a (pretend) proxy, so that the eight bundles come from eight clients: one client may hold only half the queue.
  server = await spawnServer({
    DATABASE_URL: `file:${join(dir, "kb.db")}`,
    RATE_LIMIT_PER_MINUTE: "0",
    DIAGNOSE_THREADS: "1",
    TRUST_PROXY: "true",
  });
  if (!server.url) throw new Error(server.stderr());
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

it("answers /health in milliseconds while 8 large bundles are diagnosed", async () => {
  const bundle = journald(4, 200);
  await probeHealthWhile(
    "8 × 4.0 MB bundles (POST /diagnose)",
    Array.from({ length: 8 }, () => ({ path: "/diagnose", headers: { "content-type": "text/plain" }, body: bundle })),
  );
}, 120_000);

it("answers /health in milliseconds while 8 large pastes from the lookup page's form are read and diagnosed", async () => {
  // The page's two encodings: a chosen file (multipart) and a typed paste (URL-encoded); the forms are read where the
  // diagnosis runs, not on the event loop (review 61h F1: eight 6.5 MB forms held /health for up to 2.6 s).
  const bundle = journald(3, 200);
  const multipart = () => {
    const form = new FormData();
    form.set("bundle", new Blob([bundle], { type: "text/plain" }), "journal.txt");
    return { path: "/check", headers: {}, body: form };
  };
  const urlencoded = () => ({
    path: "/check",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ bundle }).toString(),
  });
  await probeHealthWhile(
    "8 × 3.0 MB pastes (POST /check)",
    Array.from({ length: 8 }, (_, i) => (i % 2 ? multipart() : urlencoded())),
  );
}, 120_000);

/** Sends the requests at once, each from its own client, and probes /health until all have answered. */
async function probeHealthWhile(what: string, requests: Array<{ path: string; headers: Record<string, string>; body: BodyInit }>) {
  const url = server.url as string;
  // Warm the pool thread (tsx, KB compile) so the figures are the steady state.
  await (await fetch(`${url}/diagnose`, { method: "POST", headers: { "content-type": "text/plain" }, body: "x" })).arrayBuffer();
  let inFlight = requests.length;
  const started = performance.now();
  const answers = requests.map(async ({ path, headers, body }, i) => {
    const res = await fetch(`${url}${path}`, { method: "POST", headers: { ...headers, "x-forwarded-for": `198.51.100.${i + 1}` }, body });
    await res.arrayBuffer();
    inFlight--;
    return res.status;
  });
  const latencies: number[] = [];
  // Probe from the start, with little pause between probes: on a fast run the 8 answers come within ~0.6 s.
  await new Promise((r) => setTimeout(r, 20));
  while (inFlight > 0 && latencies.length < 400) {
    const start = performance.now();
    const res = await fetch(`${url}/health`);
    await res.arrayBuffer();
    latencies.push(performance.now() - start);
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 2));
  }
  const statuses = await Promise.all(answers);
  const allMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  console.log(
    `/health while ${what} were in flight: ${latencies.length} probes, p50 ${p(0.5).toFixed(1)} ms, p99 ${p(0.99).toFixed(1)} ms, max ${p(1).toFixed(1)} ms; all answered in ${allMs.toFixed(0)} ms; statuses ${statuses.join(",")}`,
  );
  expect(latencies.length).toBeGreaterThanOrEqual(8);
  expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
  // With the work on the event loop, it runs back to back there and a typical probe waits for half of
  // one (p50 near allMs / 16), the slowest for the work that arrived at once (eight forms parsed there:
  // 1.9 s of a 6.5 s run). Off the loop a probe waits for nothing: the bounds are relative to the same
  // run, so a loaded machine slows both sides alike; the floors absorb an idle machine's noise.
  expect(p(0.5)).toBeLessThan(Math.max(50, allMs / 40));
  expect(p(0.99)).toBeLessThan(Math.max(300, allMs / 3));
  expect(p(1)).toBeLessThan(Math.max(500, allMs / 8));
}
