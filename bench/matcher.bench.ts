/**
 * Matcher throughput: synthetic knowledge bases of 100, 1,000 and 10,000 signatures against generated
 * journald/klog logs of 1, 4 and 16 MB. Prints MB/s and ms per diagnosis end to end (facts, one-pass
 * matching, verdicts, ranking): the median of back-to-back runs, as steady traffic sees it, and the
 * median of runs each after a full GC (cold caches); then the matcher alone, compile time
 * and memory per signature count, and ripgrep's time on the same literals when `rg` is on PATH.
 * Its logs plant very few hits (0.05% of lines, synthetic ones): a figure for the matcher's compile
 * and scan, not for what a user sees. `npm run bench` (bench/diagnose.bench.ts, bench/http.bench.ts)
 * measures whole diagnoses on realistic logs.
 *
 *   npm run bench:matcher    (BENCH_RUNS=9 for more runs per figure)
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { compileKnowledgeBase } from "../src/engine/compile-kb";
import { diagnoseBundle } from "../src/engine/diagnose";
import { compileMatcher, foldLiteral, requiredLiterals } from "../src/engine/match/index";
import { EXTRAS, NOUNS, OBJECTS, SOURCES, syntheticRecords, syntheticSignatures, VERBS, WORDS } from "./lib/kb";
import { rng } from "./lib/realistic-log";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const MB = 1024 * 1024;

const rand = rng(20241113);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const int = (n: number) => Math.floor(rand() * n);

const MONTHS = ["Jan", "Feb", "Mar", "Nov", "Dec"];
function noiseMessage(): string {
  switch (int(4)) {
    case 0:
      return `${pick(VERBS)} ${pick(NOUNS)} ${pick(OBJECTS)}: ${pick(WORDS)} ${pick(WORDS)} id=${int(1e9).toString(16)}`;
    case 1:
      return `"Syncing ${pick(OBJECTS)}" ipFamily="IPv${pick(["4", "6"])}" elapsed="${int(900)}ms" node="ip-10-0-${int(255)}-${int(255)}.ec2.internal"`;
    case 2:
      return `${pick(SOURCES)}: ${pick(NOUNS)} ${pick(OBJECTS)} ${pick(EXTRAS)} took ${int(5000)}us`;
    default:
      return `Observed ${pick(WORDS)} event for pod kube-system/${pick(SOURCES)}-${int(1e5).toString(36)} uid=${int(1e9).toString(16)}-${int(1e9).toString(16)}`;
  }
}

function logLine(message: string): string {
  const t = `${String(int(24)).padStart(2, "0")}:${String(int(60)).padStart(2, "0")}:${String(int(60)).padStart(2, "0")}`;
  const host = `ip-10-0-${int(255)}-${int(255)}`;
  if (rand() < 0.5) return `${pick(MONTHS)} ${1 + int(28)} ${t} ${host} ${pick(SOURCES)}[${int(65535)}]: ${message}`;
  return `${pick(["I", "W", "E"])}1113 ${t}.${String(int(1e6)).padStart(6, "0")}    ${int(9999)} proxier.go:${int(2000)}] ${message}`;
}

function log(bytes: number, sigs: readonly { sample: string }[]): { text: string; planted: number } {
  const lines: string[] = [];
  let size = 0;
  let planted = 0;
  while (size < bytes) {
    const real = rand() < 0.0005; // a few real hits, as in a log of a broken node
    const line = logLine(real ? pick(sigs).sample : noiseMessage());
    if (real) planted++;
    lines.push(line);
    size += line.length + 1;
  }
  return { text: lines.join("\n").slice(0, bytes), planted };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
/** Wall time of one call, after a full GC so that earlier garbage is not billed to it (caches start cold). */
function time(f: () => void): number {
  gc();
  return timeWarm(f);
}

/** Wall time of one call in a back-to-back series, as a server answering steady traffic sees it. */
function timeWarm(f: () => void): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

function hasRipgrep(): boolean {
  try {
    execFileSync("rg", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

function ripgrep(patterns: string, file: string): void {
  try {
    execFileSync("rg", ["-F", "-i", "-c", "-f", patterns, file], { stdio: "pipe" });
  } catch (error) {
    if ((error as { status?: number }).status !== 1) throw error; // 1 = no match
  }
}

const rg = hasRipgrep();
const dir = mkdtempSync(join(tmpdir(), "matcher-bench-"));
console.log(
  `node ${process.version}, median of ${RUNS} runs per figure at 16 MB, proportionally more for smaller logs${rg ? ", ripgrep on PATH" : ", ripgrep not found"}`,
);
try {
  for (const count of [100, 1000, 10000]) {
    const sigs = syntheticSignatures(count);
    const specs = sigs.map((s) => s.spec);
    gc();
    const before = process.memoryUsage();
    // The server compiles an imported (already validated) knowledge base with deferred regexes;
    // kb:check and the import run the full compile that rejects unsafe regexes.
    let matcher = compileMatcher(specs, { deferRegexes: true });
    const compileMs = median(
      Array.from({ length: RUNS }, () =>
        time(() => {
          matcher = compileMatcher(specs, { deferRegexes: true });
        }),
      ),
    );
    const validateMs = median(Array.from({ length: RUNS }, () => time(() => compileMatcher(specs))));
    gc();
    const after = process.memoryUsage();
    const heap = (after.heapUsed - before.heapUsed + after.arrayBuffers - before.arrayBuffers) / MB;
    const s = matcher.stats;
    console.log(
      `signatures=${count} compile ${compileMs.toFixed(1)} ms (with full regex validation ${validateMs.toFixed(1)} ms), heap+buffers after compile +${heap.toFixed(1)} MB ` +
        `(${s.literals} literals, ${s.states} states, ${s.denseStates} dense x ${s.classes} classes, tables ${(s.tableBytes / MB).toFixed(1)} MB)`,
    );
    const patterns = join(dir, `patterns-${count}`);
    if (rg) {
      const lits = specs.flatMap((sp) => (sp.kind === "literal" ? [foldLiteral(sp.pattern)] : requiredLiterals(sp.pattern)));
      writeFileSync(patterns, `${lits.join("\n")}\n`);
    }
    const kb = compileKnowledgeBase(`bench-${count}`, syntheticRecords(sigs.map((s) => s.spec)), { validated: true });
    for (const size of [1, 4, 16]) {
      const { text, planted } = log(size * MB, sigs);
      let hits = 0;
      let findings = 0;
      // Small logs get more runs: a 1 MB figure from a handful of 5 ms runs is mostly noise.
      const runs = RUNS * Math.max(1, 16 / size);
      for (let k = 0; k < runs; k++) diagnoseBundle(kb, text); // warm-up: JIT tiers, re2js's lazy DFA caches
      const diagnose = () => {
        findings = diagnoseBundle(kb, text, 10_000).findings.length;
      };
      const ms = median(Array.from({ length: runs * 2 }, () => timeWarm(diagnose)));
      const coldMs = median(Array.from({ length: runs }, () => time(diagnose)));
      const scanMs = median(
        Array.from({ length: runs * 2 }, () =>
          timeWarm(() => {
            hits = kb.matcher.scan(text).length;
          }),
        ),
      );
      const mbps = (t: number) => Math.round(text.length / MB / (t / 1000));
      let line =
        `signatures=${count} log=${size}MB ${mbps(ms)} MB/s ${ms.toFixed(1)} ms per diagnosis ` +
        `(after a full GC ${mbps(coldMs)} MB/s ${coldMs.toFixed(1)} ms; ${findings} findings; ` +
        `matcher alone ${mbps(scanMs)} MB/s, ${hits} hits, ${planted} planted)`;
      if (rg) {
        const file = join(dir, `log-${size}`);
        writeFileSync(file, text);
        const rgMs = median(Array.from({ length: 3 }, () => time(() => ripgrep(patterns, file))));
        line += `; rg -F -i -c ${rgMs.toFixed(1)} ms, ours/rg time ${(ms / rgMs).toFixed(2)}x`;
      }
      console.log(line);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
