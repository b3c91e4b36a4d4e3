import type { MiddlewareHandler } from "hono";
import { getKbMeta } from "../db/bug-queries";
import type { AppEnv } from "./app-env";

/**
 * Reads which knowledge base is loaded, once per request, for the handler (`c.get("kbMeta")`) and
 * for the X-KB-Version header that every answer of these routes carries.
 */
export const kbVersion: MiddlewareHandler<AppEnv> = async (c, next) => {
  const meta = await getKbMeta(c.get("store"));
  c.set("kbMeta", meta);
  await next();
  if (meta) c.res.headers.set("X-KB-Version", meta.version);
};
