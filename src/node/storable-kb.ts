import { rowsOverStatementLimit } from "../db/kb-import";
import { type BuildResult, buildKnowledgeBase } from "../kb/build-kb";
import { readKbFiles } from "./kb-files";

/**
 * A knowledge-base directory validated for import: the records' own checks (buildKnowledgeBase), and the one bound
 * storage sets, a row that no D1 statement can hold (kb-import.ts), told on its file as kb:check tells every problem.
 */
export async function buildStorableKb(kbDir: string): Promise<BuildResult> {
  const built = await buildKnowledgeBase(await readKbFiles(kbDir));
  if (!built.ok) return built;
  const problems = rowsOverStatementLimit(built.kb.records).map(({ id, message }) => ({
    file: built.fileOf.get(id) ?? id,
    path: "",
    message,
  }));
  return problems.length ? { ok: false, problems } : built;
}
