import { type CompiledKb, compileKnowledgeBase } from "../engine/compile-kb";
import { MatcherCompileError } from "../engine/match";
import { compareVersions, isWellFormedVersion, repositoryEndProblem, schemeForEcosystem } from "../engine/versions";
import { contentHash, type SourceFile } from "./content-hash";
import { fieldLine, parseRecordFile, type RecordProblem } from "./parse-record";
import type { BugRecord } from "./record-schema";

export interface KnowledgeBase {
  version: string;
  records: BugRecord[];
  compiled: CompiledKb<BugRecord>;
}

/** `fileOf`: each record's file, as the files were named (for a later check's problems). */
export type BuildResult = { ok: true; kb: KnowledgeBase; fileOf: ReadonlyMap<string, string> } | { ok: false; problems: RecordProblem[] };

/**
 * Validates every record file and the set as a whole (ids, aliases, regex safety), collecting all
 * problems at once. Nothing is imported unless this succeeds.
 */
export async function buildKnowledgeBase(sources: ReadonlyArray<SourceFile & { misplaced?: string }>): Promise<BuildResult> {
  const problems: RecordProblem[] = [];
  // A YAML file the reader does not take as a record (kb-files.ts), named with the reason rather than left out.
  for (const f of sources) if (f.misplaced) problems.push({ file: f.file, path: "", message: f.misplaced });
  const files = sources.filter((f) => !f.misplaced);
  // No record files at all (an empty volume mounted over bugs/, a sparse checkout) is no knowledge base: imported, it
  // replaced the served one and answered every paste "no known bug", while /health said ok (review 58e F1).
  if (!files.length) problems.push({ file: "bugs/", path: "", message: "no record files: a knowledge base needs at least one record" });
  const records: BugRecord[] = [];
  const fileOf = new Map<string, string>();
  const unparsed = new Set<string>();
  for (const f of files) {
    const parsed = parseRecordFile(f.file, f.text);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      unparsed.add(f.file.replace(/^.*\//, "").replace(/\.ya?ml$/, ""));
      continue;
    }
    const earlier = fileOf.get(parsed.record.id);
    if (earlier) problems.push({ file: f.file, path: "id", message: `duplicate id "${parsed.record.id}", also in ${earlier}` });
    fileOf.set(parsed.record.id, f.file);
    records.push(parsed.record);
  }
  problems.push(...duplicateAliases(records, fileOf, new Map(files.map((f) => [f.file, f.text]))));
  problems.push(...danglingRelations(records, fileOf, unparsed));
  for (const r of records) problems.push(...rangeProblems(r, fileOf.get(r.id) ?? r.id));
  records.sort((a, b) => a.id.localeCompare(b.id));

  // The version names what is stored, the records as validated (the schema's defaults and normal forms included), not
  // the files' bytes: a build whose schema stores another shape of the same files gets another version, so a store
  // an older build filled is re-imported at start instead of serving documents this build's code does not expect.
  const version = await contentHash(records.map((r) => ({ file: r.id, text: JSON.stringify(r) })));
  let compiled: CompiledKb<BugRecord> | null = null;
  try {
    compiled = compileKnowledgeBase(version, records);
  } catch (err) {
    if (!(err instanceof MatcherCompileError)) throw err;
    problems.push(...err.problems.map((p) => signatureProblem(p.key, p.message, records, fileOf)));
  }
  if (problems.length || !compiled) return { ok: false, problems };
  return { ok: true, kb: { version, records, compiled }, fileOf };
}

/**
 * An alias claimed by more than one record, told on every claim with its line, in file order: nothing says which file
 * changed, and told only on the second file it named the record that was not edited and no line for the new claim (review
 * 70e F5).
 */
function duplicateAliases(records: BugRecord[], fileOf: Map<string, string>, textOf: Map<string, string>): RecordProblem[] {
  const claims = new Map<string, { id: string; value: string; file: string; path: string }[]>();
  for (const r of records) {
    const file = fileOf.get(r.id) ?? r.id;
    r.aliases.forEach((a, i) => {
      const key = a.value.toLowerCase();
      claims.set(key, [...(claims.get(key) ?? []), { id: r.id, value: a.value, file, path: `aliases.${i}.value` }]);
    });
  }
  // Lines only for the claims told: reading a file's lines parses it again.
  const located = <C extends { file: string; path: string }>(c: C): C & { line?: number } => {
    const text = textOf.get(c.file);
    const line = text === undefined ? undefined : fieldLine(text, c.path);
    return { ...c, ...(line ? { line } : {}) };
  };
  const problems: RecordProblem[] = [];
  for (const all of claims.values()) {
    if (new Set(all.map((c) => c.id)).size < 2) continue;
    const told = all.map(located);
    for (const c of told) {
      const others = told.filter((o) => o.id !== c.id).map((o) => `${o.id} (${o.file}${o.line ? `:${o.line}` : ""})`);
      problems.push({
        file: c.file,
        path: c.path,
        ...(c.line ? { line: c.line } : {}),
        message: `alias "${c.value}" is also claimed by ${others.join(", ")}`,
      });
    }
  }
  return problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/**
 * A relation must point at a record of this knowledge base. One whose file failed to validate is there, its own problems
 * said (review 69b F6: a correct relation was reported as pointing at "no record here").
 */
function danglingRelations(records: BugRecord[], fileOf: Map<string, string>, unparsed: ReadonlySet<string>): RecordProblem[] {
  const ids = new Set(records.map((r) => r.id));
  return records.flatMap((r) =>
    r.relations.flatMap((rel, i) =>
      ids.has(rel.id) || unparsed.has(rel.id)
        ? []
        : [{ file: fileOf.get(r.id) ?? r.id, path: `relations.${i}.id`, message: `relation to "${rel.id}", which is no record here` }],
    ),
  );
}

function signatureProblem(key: string, message: string, records: BugRecord[], fileOf: Map<string, string>): RecordProblem {
  const [recordId = key, signatureId] = key.split("/");
  const record = records.find((r) => r.id === recordId);
  const index = record?.signatures.findIndex((s) => s.id === signatureId) ?? -1;
  return { file: fileOf.get(recordId) ?? recordId, path: index >= 0 ? `signatures.${index}.pattern` : "signatures", message };
}

/**
 * A range's ends (and a signature's printedFrom and printedBefore) must be versions of its ecosystem's scheme, and go forwards in its ordering, or it silently matches
 * nothing (or, written otherwise, "runc-1.2.1", everything after its start). A kernel commit's releases are read too.
 */
function rangeProblems(record: BugRecord, file: string): RecordProblem[] {
  const problems: RecordProblem[] = [];
  record.commits.forEach((commit, i) => {
    if (!/(?:^|\/)linux$/.test(commit.repo)) return;
    commit.versions.forEach((v, j) => {
      if (!isWellFormedVersion("linux", v))
        problems.push({ file, path: `commits.${i}.versions.${j}`, message: `"${v}" is no kernel release (write it as 6.12 or 6.12.3)` });
    });
  });
  record.signatures.forEach((sig, i) => {
    for (const field of ["printedFrom", "printedBefore"] as const) {
      const printed = sig[field];
      if (printed && !isWellFormedVersion(schemeForEcosystem(printed.ecosystem), printed.version))
        problems.push({
          file,
          path: `signatures.${i}.${field}.version`,
          message: `"${printed.version}" is no ${printed.ecosystem} version`,
        });
    }
  });
  record.affected.forEach((entry, i) => {
    const scheme = schemeForEcosystem(entry.ecosystem);
    entry.ranges.forEach((range, j) => {
      const ends = {
        introduced: range.introduced === "0" ? undefined : range.introduced,
        fixed: range.fixed,
        lastAffected: range.lastAffected,
      };
      const malformed = Object.entries(ends).filter(([, v]) => v !== undefined && !isWellFormedVersion(scheme, v));
      for (const [key, v] of malformed)
        problems.push({
          file,
          path: `affected.${i}.ranges.${j}.${key}`,
          message: `"${v}" is no ${scheme} version, so ${entry.ecosystem} versions would be ordered against it as text; write the release's version alone (e.g. 1.2.1, 6.8.0-57.59)`,
        });
      if (malformed.length) return;
      for (const [key, v] of Object.entries(ends)) {
        const wrong = v === undefined ? null : (repositoryEndProblem(entry.ecosystem, entry.package, v) ?? dpkgEndProblem(scheme, v));
        if (wrong) problems.push({ file, path: `affected.${i}.ranges.${j}.${key}`, message: wrong });
      }
      const end = range.fixed ?? range.lastAffected;
      if (range.introduced === "0" || !end) return;
      const order = compareVersions(scheme, range.introduced, end);
      if (order > 0 || (order === 0 && range.fixed)) {
        problems.push({
          file,
          path: `affected.${i}.ranges.${j}`,
          message: `introduced ${range.introduced} is not before ${range.fixed ? "fixed" : "lastAffected"} ${end} (${scheme} ordering)`,
        });
      }
    });
  });
  return problems;
}

/**
 * A dpkg end whose revision starts with a letter is an upstream pre-release written as upstream writes it ("1.0.0-rc93"):
 * dpkg reads it as 1.0.0, revision rc93, after every real build of the pre-release (Debian writes 1.0.0~rc93+ds1-1), so a
 * fixed build is judged affected (review 66h F2: "affected (verified)", high, on bullseye's fixed runc).
 */
function dpkgEndProblem(scheme: string, version: string): string | null {
  if (scheme !== "dpkg") return null;
  const revision = /-([A-Za-z][^-]*)$/.exec(version)?.[1];
  if (!revision) return null;
  const upstream = version.slice(0, -revision.length - 1);
  return `"${version}" reads in dpkg's order as ${upstream}, revision ${revision}, after every build of the pre-release; write the distribution's build, which spells a pre-release with ~ (e.g. ${upstream}~${revision}+ds1-1)`;
}
