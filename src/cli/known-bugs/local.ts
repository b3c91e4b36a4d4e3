/**
 * `--local`: the embedded engine over the knowledge base in data/ (or --kb / KB_DIR), validated the
 * way kb:check does. Loaded on demand, so `collect` and the server commands need nothing but Node.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { CompiledKb } from "../../engine/compile-kb";
import type { BugRecord } from "../../kb/record-schema";
import { CliError, EXIT } from "./exit-codes";

/** The package's own data/: found upwards from this file, in a checkout (src/cli/…) or the built bin (dist/…). */
export function packageDataDir(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "data", "bugs"))) return join(dir, "data");
    dir = dirname(dir);
  }
  return null;
}

export async function loadLocalKb(kbDir: string | undefined): Promise<CompiledKb<BugRecord>> {
  const dir = kbDir ?? process.env.KB_DIR ?? packageDataDir();
  if (!dir || !existsSync(join(dir, "bugs")))
    throw new CliError(EXIT.usage, `no knowledge base at ${dir ? resolve(dir) : "data/"}: pass --kb DIR (a folder holding bugs/*.yaml)`);
  const [{ buildKnowledgeBase }, { readKbFiles }] = await Promise.all([import("../../kb/build-kb"), import("../../node/kb-files")]);
  const built = await buildKnowledgeBase(await readKbFiles(dir));
  if (!built.ok) {
    const first = built.problems[0];
    const more = built.problems.length > 1 ? ` (and ${built.problems.length - 1} more; run npm run kb:check)` : "";
    // One line (review 42a F11: YAML's code frame made four more, and an empty path left ": :").
    const where = [first?.file, first?.path].filter(Boolean).join(": ");
    const message = (first?.message ?? "").split("\n")[0]?.trim();
    throw new CliError(EXIT.server, `the knowledge base in ${dir} is invalid: ${where}: ${message}${more}`);
  }
  return built.kb.compiled;
}
