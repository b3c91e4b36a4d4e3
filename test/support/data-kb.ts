import { buildKnowledgeBase, type KnowledgeBase } from "../../src/kb/build-kb";
import { readKbFiles } from "../../src/node/kb-files";

/** The repository's own knowledge base, validated exactly as kb:check and the import do. */
export async function loadDataKb(): Promise<KnowledgeBase> {
  const built = await buildKnowledgeBase(await readKbFiles("data"));
  if (!built.ok) throw new Error(`data/ is invalid:\n${built.problems.map((p) => `${p.file}: ${p.path}: ${p.message}`).join("\n")}`);
  return built.kb;
}
