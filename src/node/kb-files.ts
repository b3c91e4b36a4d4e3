import { readdir, readFile } from "node:fs/promises";
import { basename, join, relative } from "node:path";

export interface KbFile {
  /** Path relative to the repository root, as curators see it in errors. */
  file: string;
  text: string;
  /** Why a YAML file in the data folder is not read as a record (buildKnowledgeBase refuses it, naming the reason). */
  misplaced?: string;
}

/** How deep the search for misplaced record files looks: a data folder is a few levels at most. */
const MAX_DEPTH = 8;

/**
 * Reads every record file under data/bugs, in a stable order so the content hash is stable, and names any
 * YAML file elsewhere under data/ (the folder's root, a subfolder of bugs/): such a record was left out without a
 * word and its stored copy deleted by the next import (review 62c F2).
 */
export async function readKbFiles(dataDir: string): Promise<KbFile[]> {
  const dir = join(dataDir, "bugs");
  const names = (await readdir(dir)).filter(isRecordName).sort();
  const records = await Promise.all(
    names.map(async (name) => ({ file: shown(join(dir, name)), text: await readFile(join(dir, name), "utf8") })),
  );
  const others = (await yamlFilesUnder(dataDir, 0)).filter((path) => !(join(path, "..") === dir && isRecordName(basename(path))));
  return [...records, ...others.map((path) => ({ file: shown(path), text: "", misplaced: whyNotRead(path, dir) }))];
}

/** A record's file: `<id>.yaml` or `.yml`, in lower case as ids are (review 62f F2: `.YAML` was dropped without a word). */
const isRecordName = (name: string) => name.endsWith(".yaml") || name.endsWith(".yml");
const isYaml = (name: string) => /\.ya?ml$/i.test(name);
const whyNotRead = (path: string, dir: string) =>
  join(path, "..") === dir
    ? "a record file's name ends in .yaml or .yml, in lower case: rename it"
    : "a YAML file outside the bugs/ folder is not read as a record: move a record to bugs/<its id>.yaml, and keep other YAML out of the data folder";
const shown = (path: string) => relative(process.cwd(), path) || path;

async function yamlFilesUnder(dir: string, depth: number): Promise<string[]> {
  if (depth > MAX_DEPTH) return [];
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const found: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    // Hidden folders (.github) and installed packages are no curator's files.
    if (e.name.startsWith(".") || e.name === "node_modules") continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) found.push(...(await yamlFilesUnder(path, depth + 1)));
    else if (e.isFile() && isYaml(e.name)) found.push(path);
  }
  return found;
}
