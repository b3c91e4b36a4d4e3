/**
 * Before/after on a shared machine: another checkout's engine (BENCH_BASE_DIR, e.g. a `git archive` of
 * main with this node_modules linked in) and this one's, on the same realistic bundles and knowledge
 * bases, alternated run by run in one process so both see the same load. Prints the median CPU time
 * of each (process.cpuUsage) and their ratio. `npm run bench:compare` runs it with --single-threaded:
 * with V8's background threads, a process sometimes settled with the second-loaded engine's 4 MB scan
 * about 2× slower throughout, which reads as a false 0.6× ratio.
 *
 *   BENCH_BASE_DIR=/tmp/main npm run bench:compare
 */
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { CompiledKb } from "../src/engine/compile-kb";
import { compileKnowledgeBase } from "../src/engine/compile-kb";
import { diagnoseBundle } from "../src/engine/diagnose";
import type { BugRecord } from "../src/kb/record-schema";
import { median, realKb, syntheticRecords, syntheticSignatures } from "./lib/kb";
import { bundle, linePools, realisticLog } from "./lib/realistic-log";

const base = process.env.BENCH_BASE_DIR;
if (!base) throw new Error("set BENCH_BASE_DIR to the checkout to compare with");
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const from = (file: string) => import(pathToFileURL(resolve(base, file)).href);
const baseDiagnose = (await from("src/engine/diagnose.ts")).diagnoseBundle as typeof diagnoseBundle;
const baseCompile = (await from("src/engine/compile-kb.ts")).compileKnowledgeBase as typeof compileKnowledgeBase;

const { kb: real, records } = await realKb();
const pools = linePools(real, records);
const have = records.reduce((n, r) => n + r.signatures.length, 0);
const padded: BugRecord[] = [...records, ...syntheticRecords(syntheticSignatures(10_000 - have).map((s) => s.spec))];
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
console.log(`base ${base}; load average ${load()}; median of ${RUNS} alternated runs (CPU ms per diagnosis)`);
console.log("KB     bundle  hits     base    this   base/this  MB/s of CPU (this)");
for (const [name, recs] of [
  ["real", records],
  ["10k", padded],
] as const) {
  const a = baseCompile(`base-${name}`, recs, { validated: true }) as CompiledKb;
  const b = compileKnowledgeBase(`this-${name}`, recs, { validated: true });
  for (const mb of [1, 4]) {
    for (const d of [0.001, 0.01, 0.05, 0.3]) {
      const text = bundle(realisticLog({ bytes: mb * 1024 * 1024, density: d, ...pools, seed: 99 }).text);
      for (let k = 0; k < 2; k++) {
        baseDiagnose(a, text);
        diagnoseBundle(b, text);
      }
      const xa: number[] = [];
      const xb: number[] = [];
      for (let k = 0; k < RUNS; k++) {
        let c0 = process.cpuUsage();
        baseDiagnose(a, text);
        let c = process.cpuUsage(c0);
        xa.push((c.user + c.system) / 1000);
        c0 = process.cpuUsage();
        diagnoseBundle(b, text);
        c = process.cpuUsage(c0);
        xb.push((c.user + c.system) / 1000);
      }
      const [ma, mb2] = [median(xa), median(xb)];
      console.log(
        `${name.padEnd(6)} ${`${mb} MB`.padStart(6)} ${`${+(d * 100).toFixed(1)}%`.padStart(5)} ${ma.toFixed(1).padStart(8)} ${mb2.toFixed(1).padStart(7)} ${(ma / mb2).toFixed(2).padStart(11)} ${(mb / (mb2 / 1000)).toFixed(0).padStart(19)}`,
      );
    }
  }
}
console.log(`load average ${load()}`);
