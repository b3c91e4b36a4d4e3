import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";

export interface KbFile {
  /** Path relative to the repository root, as curators see it in errors. */
  file: string;
  text: string;
}

/** Reads every record file under data/bugs, in a stable order so the content hash is stable. */
export async function readKbFiles(dataDir: string): Promise<KbFile[]> {
  const dir = join(dataDir, "bugs");
  const names = (await readdir(dir)).filter((n) => n.endsWith(".yaml") || n.endsWith(".yml")).sort();
  return Promise.all(
    names.map(async (name) => ({ file: relative(process.cwd(), join(dir, name)) || name, text: await readFile(join(dir, name), "utf8") })),
  );
}
