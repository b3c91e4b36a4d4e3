import type { RouteHandler } from "@hono/zod-openapi";
import { KbNotLoadedError } from "../../../db/kb-setup";
import type { AppEnv } from "../../app-env";
import type * as routes from "./health.routes";

export const health: RouteHandler<typeof routes.health, AppEnv> = (c) => {
  const meta = c.get("kbMeta");
  if (!meta) throw new KbNotLoadedError(c.get("store").kind);
  return c.json({ status: "ok" as const, kb: { version: meta.version, records: meta.recordCount, importedAt: meta.importedAt } }, 200);
};
