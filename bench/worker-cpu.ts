/**
 * CPU time a Worker's request is charged, measured in-process with process.cpuUsage() (user + system), for
 * comparison with the Workers Free plan's 10 ms per request. Each run is a new Node process (a new isolate:
 * nothing compiled, nothing JIT-warmed) started with --single-threaded, so V8's GC and compiler work is
 * done on the measured thread as in workerd. In order, in each process:
 *
 *   compile     what the first request to need the knowledge base pays in a new isolate: parse the records'
 *               JSON as D1 returns it and compileKnowledgeBase (src/service/kb-cache.ts currentKb)
 *   first seed  the first diagnosis after that (the seed bundle: 708 bytes), which builds what the engine
 *               builds on first use
 *   seed, one line, nodes 10 / 30 / 100 rows: warm, the median of RUNS diagnoses each, with the answer
 *               serialised to JSON as the route does (inlineDiagnoser's path: runDiagnoseJob, limits included)
 *
 * The D1 reads, the HTTP layer and workerd's own overhead are not counted: the figures are lower bounds of
 * what a request is charged.
 *
 *   node --single-threaded --import tsx bench/worker-cpu.ts        (PROCESSES=5 RUNS=15 by default)
 */
import { execFileSync } from "node:child_process";
import { loadavg } from "node:os";
import { compileKnowledgeBase } from "../src/engine/compile-kb";
import type { BugRecord } from "../src/kb/record-schema";
import { runDiagnoseJob } from "../src/service/diagnose-job";
import { nodesTable } from "../test/support/large-inputs";
import { SEED_BUNDLE } from "../test/support/seed-bundle";
import { median } from "./lib/kb";

const PROCESSES = Number(process.env.PROCESSES ?? 5);
const RUNS = Number(process.env.RUNS ?? 15);

const cpuMs = (work: () => unknown): number => {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

async function child(): Promise<Record<string, number>> {
  // Not measured: on the Worker this is D1's I/O, and the rows arrive as the JSON text of each record.
  const { buildKnowledgeBase } = await import("../src/kb/build-kb");
  const { readKbFiles } = await import("../src/node/kb-files");
  const built = await buildKnowledgeBase(await readKbFiles("data"));
  if (!built.ok) throw new Error("data/ does not validate");
  const docs = built.kb.records.map((r) => JSON.stringify(r));
  const version = built.kb.version;

  let kb!: ReturnType<typeof compileKnowledgeBase<BugRecord>>;
  const out: Record<string, number> = {};
  out.compile = cpuMs(() => {
    kb = compileKnowledgeBase(
      version,
      docs.map((d) => JSON.parse(d) as BugRecord),
      { validated: true },
    );
  });
  const diagnose = (text: string) => () => {
    const outcome = runDiagnoseJob(kb, { form: "bundle", text });
    if (!outcome.ok) throw new Error(outcome.detail);
    JSON.stringify(outcome.diagnosis);
  };
  out["first seed"] = cpuMs(diagnose(SEED_BUNDLE));
  const inputs: Record<string, string> = {
    seed: SEED_BUNDLE,
    "one line": 'iptables-restore: unknown option "--xor-mark"',
    "nodes 10": nodesTable(10),
    "nodes 30": nodesTable(30),
    "nodes 100": nodesTable(100),
  };
  for (const [name, text] of Object.entries(inputs)) {
    const first = cpuMs(diagnose(text));
    const times = Array.from({ length: RUNS }, () => cpuMs(diagnose(text)));
    out[`${name} (first)`] = first;
    out[name] = median(times);
  }
  return out;
}

if (process.argv.includes("--child")) {
  console.log(JSON.stringify(await child()));
} else {
  const results: Array<Record<string, number>> = [];
  for (let i = 0; i < PROCESSES; i++) {
    const line = execFileSync(process.execPath, ["--single-threaded", "--import", "tsx", import.meta.filename, "--child"], {
      env: { ...process.env, RUNS: String(RUNS) },
      encoding: "utf8",
    });
    results.push(JSON.parse(line.trim().split("\n").pop() ?? "{}") as Record<string, number>);
  }
  const fmt = (n: number) => (n >= 10 ? n.toFixed(0) : n.toFixed(1));
  console.log(
    `${PROCESSES} new processes, warm figures the median of ${RUNS}; load average ${loadavg()[0]?.toFixed(1)}; CPU ms (min–max over processes)`,
  );
  for (const key of Object.keys(results[0] ?? {})) {
    const xs = results.map((r) => r[key] ?? Number.NaN).sort((a, b) => a - b);
    console.log(`  ${key.padEnd(20)} ${fmt(xs[0] ?? Number.NaN)}–${fmt(xs[xs.length - 1] ?? Number.NaN)}`);
  }
}
