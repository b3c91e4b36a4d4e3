import { serve } from "@hono/node-server";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApp } from "./src/http/app";
import { importFromDir, openStore } from "./src/node/prepare-store";
import { realKb } from "./bench/lib/kb";
import { bundle, linePools, realisticLog } from "./bench/lib/realistic-log";
const dir = mkdtempSync(join(tmpdir(), "srvprof-"));
const store = await openStore(`file:${join(dir, "kb.db")}`);
await importFromDir(store, "data");
const app = createApp({ store: () => store, maxBodyBytes: () => 64 << 20 });
const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
await new Promise((r) => server.once("listening", r));
const url = `http://127.0.0.1:${(server.address() as any).port}`;
const { kb, records } = await realKb();
const pools = linePools(kb, records);
const body = new TextEncoder().encode(bundle(realisticLog({ bytes: 4 << 20, density: 0.01, ...pools }).text));
console.log("ascii?", body.every((b) => b < 128));
for (let i = 0; i < 40; i++) {
  const res = await fetch(`${url}/diagnose`, { method: "POST", headers: { "content-type": "text/plain" }, body });
  await res.arrayBuffer();
}
server.close();
process.exit(0);
