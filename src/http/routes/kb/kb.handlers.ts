import type { RouteHandler } from "@hono/zod-openapi";
import { kbCoverage } from "../../../db/kb-stats";
import type { AppEnv } from "../../app-env";
import { loadedKb } from "../../kb-version";
import type * as routes from "./kb.routes";

export const kb: RouteHandler<typeof routes.kb, AppEnv> = async (c) => {
  const meta = loadedKb(c);
  const coverage = await kbCoverage(c.get("store"));
  return c.json({ kb: { version: meta.version, records: meta.recordCount, importedAt: meta.importedAt }, coverage }, 200);
};
