/**
 * Load test of the real Node server (a child process on 127.0.0.1, port 0, a fresh migrated libSQL
 * file loaded from data/): three runs, each
 *   1. autocannon: POST /diagnose with a small realistic bundle (uname, os-release, 40 journal lines,
 *      one of them a real symptom line) for LOAD_SECONDS (default 10) — throughput and latency p50/p99;
 *   2. 8 large realistic bundles (LOAD_LARGE_MB, default 8 MB, 1% symptom lines) sent at once, and
 *      meanwhile GET /health one request after another — its latency p50/p99/max;
 *   3. the same with 8 hosts-form JSON bodies of as many bytes (100 hosts, each a uname and its journal);
 * and the server's RSS before the first run and after each. Loopback only; stops by itself.
 *
 *   npm run load                (LOAD_SECONDS=5 LOAD_CONNECTIONS=16 LOAD_LARGE_MB=10 to change)
 */
import { loadavg } from "node:os";
import autocannon from "autocannon";
import { HOSTS_LIMITS } from "../src/engine/diagnose-input";
import { realKb } from "./lib/kb";
import { bundle, linePools, realisticLog } from "./lib/realistic-log";
import { startServer } from "./lib/server";

const SECONDS = Number(process.env.LOAD_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 16);
const LARGE_MB = Number(process.env.LOAD_LARGE_MB ?? 8);
const RUNS = 3;
const MB = 1024 * 1024;

const { kb, records } = await realKb();
const pools = linePools(kb, records);
const small = bundle(realisticLog({ bytes: 6 * 1024, density: 1 / 40, ...pools, seed: 5 }).text);
const large = new TextEncoder().encode(bundle(realisticLog({ bytes: LARGE_MB * MB, density: 0.01, ...pools, seed: 6 }).text));
// A JSON body is parsed where it is diagnosed, as a bundle is decoded there (review 36a: on the event loop, eight of these held /health 775 ms).
const hosts = Array.from({ length: 100 }, (_, i) => ({
  name: `node-${i}`,
  bundle: `Linux node-${i} 5.15.0-127-generic #137-Ubuntu SMP Fri Nov 8 15:21:01 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux\n${
    realisticLog({ bytes: (0.9 * Math.min(LARGE_MB * MB, HOSTS_LIMITS.maxTotalBytes)) / 100, density: 0.01, ...pools, seed: 100 + i }).text
  }`,
}));
const largeJson = new TextEncoder().encode(JSON.stringify({ hosts }));
const server = await startServer();
const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? Number.NaN;

async function smallBundles(): Promise<string> {
  const result = await autocannon({
    url: `${server.url}/diagnose`,
    method: "POST",
    headers: { "content-type": "text/plain" },
    body: small,
    connections: CONNECTIONS,
    duration: SECONDS,
  });
  const codes = Object.entries(result.statusCodeStats ?? {})
    .map(([code, { count }]) => `${code}: ${count ?? 0}`)
    .join(", ");
  const statuses = `statuses ${codes || "none"}; errors ${result.errors}, timeouts ${result.timeouts}`;
  return (
    `small bundles (${(small.length / 1024).toFixed(1)} KB, ${CONNECTIONS} connections, ${SECONDS} s): ${result.requests.average.toFixed(0)} req/s, ` +
    `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms (${statuses})`
  );
}

async function healthUnderLargeBundles(kind: "text" | "hosts"): Promise<string> {
  const [type, body] = kind === "text" ? ["text/plain", large] : ["application/json", largeJson];
  let inFlight = 8;
  const started = performance.now();
  const bundles = Array.from({ length: 8 }, async () => {
    try {
      const res = await fetch(`${server.url}/diagnose`, { method: "POST", headers: { "content-type": type }, body });
      await res.arrayBuffer();
      return res.status;
    } catch {
      return "error";
    } finally {
      inFlight--;
    }
  });
  const latencies: number[] = [];
  while (inFlight > 0) {
    const t0 = performance.now();
    const res = await fetch(`${server.url}/health`);
    await res.arrayBuffer();
    latencies.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 10));
  }
  const statuses = await Promise.all(bundles);
  const seconds = (performance.now() - started) / 1000;
  const f = (q: number) => quantile(latencies, q).toFixed(1);
  return (
    `/health while 8 × ${(body.length / MB).toFixed(1)} MB ${kind === "text" ? "bundles" : "hosts-form bodies"} were in flight (${seconds.toFixed(1)} s): ${latencies.length} probes, ` +
    `p50 ${f(0.5)} ms, p99 ${f(0.99)} ms, max ${f(1)} ms; bundle statuses ${statuses.join(",")}`
  );
}

try {
  console.log(
    `load test against ${server.url} (node ${process.version}, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")})`,
  );
  // One request first: the knowledge base is compiled on first use.
  await (await fetch(`${server.url}/diagnose`, { method: "POST", headers: { "content-type": "text/plain" }, body: small })).arrayBuffer();
  const before = server.rssMb();
  console.log(`server RSS after start and one diagnosis: ${before.toFixed(0)} MB`);
  for (let run = 1; run <= RUNS; run++) {
    console.log(`run ${run}: ${await smallBundles()}`);
    console.log(`run ${run}: ${await healthUnderLargeBundles("text")}`);
    console.log(`run ${run}: ${await healthUnderLargeBundles("hosts")}`);
    console.log(`run ${run}: server RSS ${server.rssMb().toFixed(0)} MB`);
  }
} finally {
  await server.stop();
}
