import type { RouteHandler } from "@hono/zod-openapi";
import { kbCoverage } from "../../../db/kb-stats";
import type { AppEnv } from "../../app-env";
import { ProblemError } from "../../problem";
import type * as routes from "./kb.routes";

export const kb: RouteHandler<typeof routes.kb, AppEnv> = async (c) => {
  const meta = c.get("kbMeta");
  if (!meta) throw new ProblemError(503, "kb-not-loaded", "The knowledge base has not been imported yet (npm run kb:import).");
  const coverage = await kbCoverage(c.get("store"));
  return c.json({ kb: { version: meta.version, records: meta.recordCount, importedAt: meta.importedAt }, coverage }, 200);
};
