import type { Context, MiddlewareHandler } from "hono";
import type { KbMeta } from "../db/bug-queries";
import { KbNotLoadedError } from "../db/kb-setup";
import { kbMetaWithin } from "../service/kb-cache";
import type { AppEnv } from "./app-env";

/**
 * Reads which knowledge base is loaded, for the handler (`c.get("kbMeta")`) and for the X-KB-Version
 * header that every answer of these routes carries: at most once per KB_VERSION_TTL_MS per store, except
 * on /health, which always reads the database (and so refreshes what the other routes serve).
 *
 * Before the first import these routes answer 503 kb-not-loaded, all alike (an empty /bugs list, cacheable
 * for a minute, would say "no such bugs" when the truth is "nothing imported"). A database never migrated
 * answers 503 schema-missing from the read itself (getKbMeta).
 */
export const kbVersion: MiddlewareHandler<AppEnv> = async (c, next) => {
  const meta = await readMeta(c);
  if (!meta) throw new KbNotLoadedError(c.get("store").kind);
  await serve(c, next, meta.version);
};

/** The same for a route that answers without a knowledge base too (the chat feedback summary). */
export const kbVersionIfLoaded: MiddlewareHandler<AppEnv> = async (c, next) => {
  await serve(c, next, (await readMeta(c))?.version);
};

/** The knowledge base kbVersion found for this request (it answered 503 when there was none). */
export function loadedKb(c: Context<AppEnv>): KbMeta {
  const meta = c.get("kbMeta");
  if (!meta) throw new KbNotLoadedError(c.get("store").kind);
  return meta;
}

async function readMeta(c: Context<AppEnv>) {
  const ttl = c.req.path === "/health" ? 0 : c.get("settings").KB_VERSION_TTL_MS;
  const meta = await kbMetaWithin(c.get("store"), ttl);
  c.set("kbMeta", meta);
  return meta;
}

async function serve(c: Context<AppEnv>, next: () => Promise<void>, version: string | undefined) {
  await next();
  // A handler that answered from a compiled base says which version that was (see currentKb).
  if (version && !c.res.headers.has("X-KB-Version")) c.res.headers.set("X-KB-Version", version);
}
