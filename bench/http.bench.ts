/**
 * The same realistic bundles over HTTP: the real Node server (a child process on 127.0.0.1, port 0,
 * a migrated temporary libSQL file loaded from data/) answers `POST /diagnose` with bodies of 1, 4 and
 * 10 MB. Each figure is the median of several requests, next to the whole diagnosis in this process on the
 * same text and GNU `grep -F -i -c -f` on the same file with the knowledge base's literals, in the same run.
 *
 *   npm run bench        (after bench/diagnose.bench.ts)
 *   BENCH_RUNS=9 npx tsx bench/http.bench.ts
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { diagnoseBundle } from "../src/engine/diagnose";
import { grepMs, median, realKb, writeLiterals } from "./lib/kb";
import { bundle, linePools, realisticLog } from "./lib/realistic-log";
import { postBundle, startServer } from "./lib/server";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const WARM_UP = 5;
const MB = 1024 * 1024;
const CASES: [number, number][] = [
  [1, 0.01],
  [4, 0.01],
  [10, 0.01],
  [1, 0.3],
  [4, 0.3],
  [10, 0.3],
];

const dir = mkdtempSync(join(tmpdir(), "known-bugs-http-bench-"));
const { kb, records } = await realKb();
const pools = linePools(kb, records);
const literals = join(dir, "literals.txt");
writeLiterals(kb, literals);
const server = await startServer();
console.log(
  `\nOver HTTP: POST /diagnose (text/plain) to the real Node server at ${server.url}, real KB (${kb.signatures.size} signatures); ` +
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}; ${RUNS} requests per figure (median)`,
);
console.log(
  "body   hits   HTTP ms   MB/s  in-process ms  HTTP/in-process  grep ms  HTTP/grep  server CPU ms  in-process CPU ms  status  answer",
);
/** Largest HTTP / in-process time at realistic density: the goal is 1.5. */
let worstRatio = 0;
try {
  // First request: the server compiles the knowledge base (and, with a pool, each thread loads).
  for (let k = 0; k < 3; k++) await postBundle(server.url, new TextEncoder().encode("Linux node 6.1.0 #1 SMP x86_64 GNU/Linux"));
  for (const [size, density] of CASES) {
    const text = bundle(realisticLog({ bytes: size * MB, density, ...pools }).text);
    const body = new TextEncoder().encode(text);
    const file = join(dir, `bundle-${size}-${density}.log`);
    writeFileSync(file, body);
    // Both sides warmed alike: the pool thread's engine, like this process's, reaches steady state
    // (its JIT tiers) only after a few diagnoses of a bundle this size.
    for (let k = 0; k < WARM_UP; k++) {
      await postBundle(server.url, body);
      diagnoseBundle(kb, text);
    }
    const http: number[] = [];
    const local: number[] = [];
    const greps: number[] = [];
    let status = 0;
    let answer = 0;
    let serverCpu = 0;
    let localCpu = 0;
    for (let k = 0; k < RUNS; k++) {
      const cpu0 = server.cpuMs();
      const r = await postBundle(server.url, body);
      serverCpu += server.cpuMs() - cpu0;
      http.push(r.ms);
      status = r.status;
      answer = r.bytes;
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      diagnoseBundle(kb, text);
      const c = process.cpuUsage(c0);
      local.push(performance.now() - t0);
      localCpu += (c.user + c.system) / 1000;
      greps.push(grepMs(literals, file));
    }
    const [h, l, g] = [median(http), median(local), median(greps)];
    if (density <= 0.05) worstRatio = Math.max(worstRatio, h / l);
    console.log(
      `${`${size} MB`.padEnd(6)} ${`${+(density * 100).toFixed(1)}%`.padStart(4)} ${h.toFixed(1).padStart(9)} ${(body.length / MB / (h / 1000)).toFixed(0).padStart(6)} ` +
        `${l.toFixed(1).padStart(14)} ${(h / l).toFixed(2).padStart(16)} ${g.toFixed(1).padStart(8)} ${(h / g).toFixed(1).padStart(10)} ${(serverCpu / RUNS).toFixed(0).padStart(13)} ${(localCpu / RUNS).toFixed(0).padStart(17)}  ${status}     ${(answer / 1024).toFixed(0)} KB`,
    );
  }
  console.log(
    `\nGoal (realistic density): over HTTP within 1.5× of in-process: worst ${worstRatio.toFixed(2)}×, ${worstRatio <= 1.5 ? "met" : "MISSED"}`,
  );
} finally {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
