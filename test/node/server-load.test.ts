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
  const url = server.url as string;
  // Warm the pool thread (tsx, KB compile) so the figures are the steady state.
  await (await fetch(`${url}/diagnose`, { method: "POST", headers: { "content-type": "text/plain" }, body: "x" })).arrayBuffer();
  let inFlight = 8;
  const started = performance.now();
  const bundles = Array.from({ length: 8 }, async (_, i) => {
    const headers = { "content-type": "text/plain", "x-forwarded-for": `198.51.100.${i + 1}` };
    const res = await fetch(`${url}/diagnose`, { method: "POST", headers, body: bundle });
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
  const statuses = await Promise.all(bundles);
  const allMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  console.log(
    `/health while 8 × ${(bundle.length / 1048576).toFixed(1)} MB bundles were in flight: ${latencies.length} probes, p50 ${p(0.5).toFixed(1)} ms, p99 ${p(0.99).toFixed(1)} ms, max ${p(1).toFixed(1)} ms; all 8 answered in ${allMs.toFixed(0)} ms; statuses ${statuses.join(",")}`,
  );
  expect(latencies.length).toBeGreaterThanOrEqual(8);
  expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
  // With diagnosis on the event loop, the 8 diagnoses run back to back there and a typical probe waits
  // for half of one (p50 near allMs / 16). Off the loop a probe waits for nothing: both bounds are
  // relative to the same run, so a loaded machine slows both sides alike; the floor absorbs an idle
  // machine's noise.
  expect(p(0.5)).toBeLessThan(Math.max(50, allMs / 40));
  expect(p(0.99)).toBeLessThan(Math.max(300, allMs / 3));
}, 120_000);
