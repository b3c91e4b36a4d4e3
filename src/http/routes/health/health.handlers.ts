import type { RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env";
import { loadedKb } from "../../kb-version";
import { ProblemError } from "../../problem";
import { storeDamage, storeDamageDetail } from "../../store-damage";
import type * as routes from "./health.routes";

export const health: RouteHandler<typeof routes.health, AppEnv> = (c) => {
  // Before an import, or without a schema, the kbVersion middleware has answered 503.
  const meta = loadedKb(c);
  const damage = storeDamage(c.get("store"));
  if (damage) throw new ProblemError(503, damage.slug, storeDamageDetail(damage));
  const warning = c.get("kbWarning")?.(meta.version);
  return c.json(
    {
      status: "ok" as const,
      kb: { version: meta.version, records: meta.recordCount, importedAt: meta.importedAt, ...(warning ? { warning } : {}) },
    },
    200,
  );
};
