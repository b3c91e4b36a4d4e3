import type { MiddlewareHandler } from "hono";
import { kbMetaWithin } from "../service/kb-cache";
import type { AppEnv } from "./app-env";

/**
 * Reads which knowledge base is loaded, for the handler (`c.get("kbMeta")`) and for the X-KB-Version
 * header that every answer of these routes carries: at most once per KB_VERSION_TTL_MS per store, except
 * on /health, which always reads the database (and so refreshes what the other routes serve).
 */
export const kbVersion: MiddlewareHandler<AppEnv> = async (c, next) => {
  const ttl = c.req.path === "/health" ? 0 : c.get("settings").KB_VERSION_TTL_MS;
  // A database never migrated fails this read: 503 schema-missing (getKbMeta).
  const meta = await kbMetaWithin(c.get("store"), ttl);
  c.set("kbMeta", meta);
  await next();
  // A handler that answered from a compiled base says which version that was (see currentKb).
  if (meta && !c.res.headers.has("X-KB-Version")) c.res.headers.set("X-KB-Version", meta.version);
};
