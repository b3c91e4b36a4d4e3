import { Hono } from "hono";
import { getKbMeta } from "../../db/bug-queries";
import type { AppEnv } from "../app-env";
import { problemResponse } from "../problem";

export const healthRoute = new Hono<AppEnv>().get("/", async (c) => {
  const meta = await getKbMeta(c.get("store"));
  if (!meta) return problemResponse(c, 503, "kb-not-loaded", "The knowledge base has not been imported yet (npm run kb:import).");
  c.header("X-KB-Version", meta.version);
  return c.json({ status: "ok", kb: { version: meta.version, records: meta.recordCount, importedAt: meta.importedAt } });
});
