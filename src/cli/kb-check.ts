import { parseRecordFile, type RecordProblem } from "../kb/parse-record";
import { readKbFiles } from "../node/kb-files";

// Minimal first version: schema validation only. Extended with regex safety, duplicates and examples.
const files = await readKbFiles(process.argv[2] ?? "data");
const problems: RecordProblem[] = [];
for (const f of files) {
  const parsed = parseRecordFile(f.file, f.text);
  if (!parsed.ok) problems.push(...parsed.problems);
}
for (const p of problems) console.error(`${p.file}: ${p.path || "(file)"}: ${p.message}`);
console.log(`${files.length} records, ${problems.length} problems`);
process.exitCode = problems.length ? 1 : 0;
