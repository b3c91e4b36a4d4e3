import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { buildKnowledgeBase } from "../kb/build-kb";
import type { RecordProblem } from "../kb/parse-record";
import { osvRecordSchema } from "../osv/osv-schema";
import { toOsv } from "../osv/to-osv";
import { readKbFiles } from "./kb-files";

export type OsvExport = { ok: true; files: string[] } | { ok: false; problems: RecordProblem[] };

/** Writes every record of `dataDir` as `<outDir>/<OSV id>.json`, each checked against the OSV schema first. */
export async function exportOsv(dataDir: string, outDir: string, modified: Date): Promise<OsvExport> {
  const built = await buildKnowledgeBase(await readKbFiles(dataDir));
  if (!built.ok) return built;
  await mkdir(outDir, { recursive: true });
  const files: string[] = [];
  for (const record of built.kb.records) {
    const osv = osvRecordSchema.parse(toOsv(record, modified));
    const file = join(outDir, `${osv.id}.json`);
    await writeFile(file, `${JSON.stringify(osv, null, 2)}\n`);
    files.push(file);
  }
  return { ok: true, files };
}
