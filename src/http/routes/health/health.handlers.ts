import type { RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { ProblemError } from "../../problem";
import type * as routes from "./health.routes";

export const health: RouteHandler<typeof routes.health, AppEnv> = (c) => {
  const meta = c.get("kbMeta");
  if (!meta) throw new ProblemError(503, "kb-not-loaded", "The knowledge base has not been imported yet (npm run kb:import).");
  return c.json({ status: "ok" as const, kb: { version: meta.version, records: meta.recordCount, importedAt: meta.importedAt } }, 200);
};
