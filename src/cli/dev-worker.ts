// `npm run dev:worker`: migrate the local D1, import data/ into it when it changed, then `wrangler dev`.
import { spawnSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { kbSqlScript } from "../node/kb-script";

const wrangler = (args: string[], capture = false) => {
  const run = spawnSync("npx", ["wrangler", ...args], { stdio: capture ? ["ignore", "pipe", "inherit"] : "inherit", encoding: "utf8" });
  if (run.status !== 0) process.exit(run.status ?? 1);
  return run.stdout ?? "";
};

wrangler(["d1", "migrations", "apply", "DB", "--local"]);
const { version, records, script } = await kbSqlScript("data");
const current = wrangler(["d1", "execute", "DB", "--local", "--json", "--command", "SELECT version FROM kb_meta WHERE id = 1"], true);
if (current.includes(`"${version}"`)) {
  console.log(`local D1 already holds knowledge base ${version}`);
} else {
  await mkdir(".wrangler", { recursive: true });
  await writeFile(".wrangler/kb-import.sql", script);
  wrangler(["d1", "execute", "DB", "--local", "--file", ".wrangler/kb-import.sql"]);
  console.log(`imported knowledge base ${version} (${records} records) into the local D1`);
}
wrangler(["dev", "--port", process.env.PORT ?? "8787"]);
