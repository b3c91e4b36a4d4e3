// `npm run eval`: measures the engine on eval/cases (the development set: real field reports no record
// example uses) and on every held-out set of EVAL_SETS (more such reports, kept away from the engine's
// developers until it is measured), and prints the figures and every miss of each. A measurement, not
// a gate: it exits 0 whatever the figures.
import { existsSync } from "node:fs";
import { buildKnowledgeBase } from "../src/kb/build-kb";
import { readKbFiles } from "../src/node/kb-files";
import { formatProblems } from "../src/node/prepare-store";
import { EVAL_SETS, type LoadedCase, loadCases } from "./load";
import { type Check, evaluate, summarize } from "./measure";

/** Figures that are not misses of their own: the baseline's, the sum of two others, the fallback's noise, a subset of verdicts. */
const INFORMATIONAL = new Set<Check["metric"]>([
  "bm25Top1",
  "bm25NearMiss",
  "shown",
  "shownFirst",
  "nearMissShownFirst",
  "cleanQuiet",
  "kernelVerdict",
]);

const built = await buildKnowledgeBase(await readKbFiles(process.env.KB_DIR ?? "data"));
if (!built.ok) {
  console.error(`the knowledge base is invalid:\n${formatProblems(built.problems)}`);
  process.exit(2);
}
// EVAL_SKIP (comma-separated dirs) keeps a held-out set that is still being collected out of the
// developers' sight until its one measurement.
const skipped = new Set((process.env.EVAL_SKIP ?? "").split(",").filter(Boolean));
const sets: { label: string; cases: LoadedCase[] }[] = [];
for (const { label, dir } of EVAL_SETS) {
  if (skipped.has(dir) || (dir !== "eval/cases" && !existsSync(dir))) continue;
  const { cases, problems } = await loadCases(dir);
  if (problems.length) {
    console.error(`eval cases are invalid:\n${problems.map((p) => `${p.file}: ${p.message}`).join("\n")}`);
    process.exit(2);
  }
  sets.push({ label, cases });
}
const { kb } = built;
const pct = (p: number, t: number) => (t ? `${((100 * p) / t).toFixed(1)}%` : "n/a");
const out: string[] = [];
out.push(`known-bugs eval — kb ${kb.version} (${kb.records.length} records), ${new Date().toISOString().slice(0, 10)}`);
for (const [i, { label, cases }] of sets.entries()) {
  const results = evaluate(kb.compiled, kb.records, cases);
  const byKind = new Map<string, number>();
  for (const c of cases) byKind.set(c.kind, (byKind.get(c.kind) ?? 0) + 1);
  const covered = new Set(cases.flatMap((c) => [c.expect.top1, ...(c.expect.present ?? [])]).filter(Boolean));
  const lookAlikes = new Set(cases.flatMap((c) => c.expect.absentHigh ?? []));
  if (i > 0) out.push("");
  out.push(`== ${label}`);
  out.push(
    `${cases.length} cases: ${[...byKind].map(([k, n]) => `${n} ${k}`).join(", ")}; records with a positive case: ${covered.size}/${kb.records.length}, named as a look-alike: ${lookAlikes.size}`,
  );
  out.push("");
  for (const m of summarize(results))
    out.push(`${m.label.padEnd(70)} ${String(m.pass).padStart(4)}/${String(m.total).padEnd(4)} ${pct(m.pass, m.total)}`);
  const misses = results.filter((r) => r.checks.some((c) => !c.pass && !INFORMATIONAL.has(c.metric)));
  out.push("", `misses (${misses.length} cases):`);
  for (const r of misses) {
    out.push(`- ${r.case.id} [${r.case.kind}] ${r.case.urls.join(" ")}`);
    for (const c of r.checks.filter((c) => !c.pass && !INFORMATIONAL.has(c.metric)))
      out.push(`    ${c.metric}: expected ${c.expected}; got ${c.got}`);
    const top = r.diagnosis.findings.slice(0, 3).map((f) => `${f.id} ${f.confidence} ${f.score}`);
    out.push(`    top findings: ${top.length ? top.join(" | ") : "none"}`);
  }
  // The development set lists the records no case covers yet (where new cases are wanted); the held-out
  // set only counts them.
  const uncovered = kb.records.map((r) => r.id).filter((id) => !covered.has(id));
  if (i === 0 && uncovered.length) out.push("", `records without a positive case: ${uncovered.join(", ")}`);
}
console.log(out.join("\n"));
