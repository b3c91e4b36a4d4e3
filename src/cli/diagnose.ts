// `npm run -s diagnose -- [--json] [file...]`: the engine without a server. Reads a bundle from the
// files given, or from stdin: `{ uname -a; journalctl -u kube-proxy; } | npm run -s diagnose`.
import { readFile } from "node:fs/promises";
import { diagnoseBundle } from "../engine/diagnose";
import { renderTextReport } from "../engine/report-text";
import { buildKnowledgeBase } from "../kb/build-kb";
import { readKbFiles } from "../node/kb-files";
import { formatProblems } from "../node/prepare-store";

const args = process.argv.slice(2);
const json = args.includes("--json");
const files = args.filter((a) => a !== "--json");

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

const text = files.length ? (await Promise.all(files.map((f) => readFile(f, "utf8")))).join("\n") : await readStdin();
const built = await buildKnowledgeBase(await readKbFiles(process.env.KB_DIR ?? "data"));
if (!built.ok) {
  console.error(`the knowledge base is invalid:\n${formatProblems(built.problems)}`);
  process.exit(2);
}
const diagnosis = diagnoseBundle(built.kb.compiled, text);
process.stdout.write(json ? `${JSON.stringify(diagnosis, null, 2)}\n` : renderTextReport(diagnosis));
