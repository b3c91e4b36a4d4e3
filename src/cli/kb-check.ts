// `npm run kb:check`: validates every record (schema, ids, aliases, regex safety, ranges), runs every
// example through the engine, checks every signature is exercised by an example, reports all problems
// at once, then summarises the knowledge base.

import { rangeLevels } from "../engine/versions";
import { EVIDENCE_TARGET, formatGroup, summarizeAreas, summarizeDistros } from "../kb/areas";
import { reviewKnowledgeBase } from "../kb/review-kb";
import { hasUnverifiedFacts } from "../kb/unverified";
import { formatProblems } from "../node/prepare-store";
import { buildStorableKb } from "../node/storable-kb";

// The directory given, else KB_DIR as every other script and the server read it (review 65h F2: a curator's KB_DIR copy
// was never checked, while kb:import imported it).
// `--unverified` lists the records holding unverified facts by id; without it a count (review 71c F3: 159 ids on one line
// told a curator nothing about their own record).
const args = process.argv.slice(2);
const listUnverified = args.includes("--unverified");
const dir = args.find((a) => !a.startsWith("--")) ?? process.env.KB_DIR ?? "data";
const built = await buildStorableKb(dir);
if (!built.ok) {
  console.error(`${built.problems.length} problem(s) in ${dir}/:\n${formatProblems(built.problems)}`);
  process.exit(1);
}
const { kb } = built;
const review = reviewKnowledgeBase(kb, built.fileOf);
if (review.problems.length) console.error(formatProblems(review.problems));

const count = (keys: string[]) => {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return [...m]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k, n]) => `${k} ${n}`)
    .join(", ");
};
const examples = kb.records.reduce((n, r) => n + r.examples.length, 0);
const signatures = kb.records.reduce((n, r) => n + r.signatures.length, 0);
console.log(`knowledge base ${kb.version} (${dir}/): ${kb.records.length} records, ${signatures} signatures, ${examples} examples`);
// Components are free text ("kernel/netfilter/nf_conntrack", "kube-proxy (IPVS mode)"): group by family.
const family = (c: string) => c.toLowerCase().split(/[/ (]/)[0] ?? c;
console.log(`by component: ${count(kb.records.flatMap((r) => [...new Set(r.components.map(family))]))}`);
console.log(`by ecosystem: ${count(kb.records.flatMap((r) => [...new Set(r.affected.map((a) => a.ecosystem))]))}`);
const ends = kb.records.flatMap((r) => r.affected.flatMap((a) => a.ranges.flatMap(rangeLevels)));
const firm = ends.filter((l) => l !== "reported").length;
const share = ends.length ? firm / ends.length : 1;
console.log(`range ends by evidence: ${count(ends)} (${Math.round(100 * share)}% verified or corroborated)`);
console.log(
  `evidence target (>= ${Math.round(100 * EVIDENCE_TARGET)}% of range ends verified or corroborated): ${
    share >= EVIDENCE_TARGET ? "met" : `NOT met - ${Math.ceil(EVIDENCE_TARGET * ends.length) - firm} more firm end(s) needed`
  }`,
);
console.log(`by area (records; firm/all range ends): ${summarizeAreas(kb.records).map(formatGroup).join(", ")}`);
console.log(`by distro (records with ranges; firm/all of its range ends): ${summarizeDistros(kb.records).map(formatGroup).join(", ")}`);
const unverified = kb.records.filter(hasUnverifiedFacts);
console.log(
  listUnverified
    ? `records with unverified facts (${unverified.length}): ${unverified.map((r) => r.id).join(", ") || "none"}`
    : `records with unverified facts: ${unverified.length} of ${kb.records.length} (each record's own are under \`unverified:\` and its ranges' evidence levels; \`npm run kb:check -- --unverified\` lists them)`,
);
if (review.problems.length) {
  console.error(
    `${review.failed} example(s) failed, ${review.untested} signature(s) untested, ${review.unhit} example(s) matched by no signature of their own, ${review.unread} ecosystem(s) unread`,
  );
  process.exit(1);
}
console.log("all examples pass");
