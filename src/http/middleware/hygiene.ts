import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "../app-env";

/**
 * Cache-Control by route: diagnoses and health are never stored (they are someone's logs, or live
 * state); the read API may be cached briefly (the KB changes only by import, and answers carry
 * X-KB-Version); errors are never cached. A route that sets its own Cache-Control keeps it.
 */
export function cachePolicy(method: string, path: string, status: number): string {
  if (status >= 400 || (method !== "GET" && method !== "HEAD")) return "no-store";
  // /kb says what the knowledge base covers: it changes with it, as /bugs does.
  if (path === "/bugs" || path.startsWith("/bugs/") || path === "/kb") return "public, max-age=60";
  if (path === "/openapi.json" || path === "/docs") return "public, max-age=300";
  return "no-store";
}

const secure = secureHeaders({
  // Cross-origin reads are governed by CORS; a resource policy of same-origin would only hinder them.
  crossOriginResourcePolicy: "cross-origin",
});

/** Security headers on every answer; a strict CSP on everything that is not an HTML page. */
export const hygiene: MiddlewareHandler<AppEnv> = async (c, next) => {
  await secure(c, next);
  const headers = c.res.headers;
  if (!headers.has("Cache-Control")) headers.set("Cache-Control", cachePolicy(c.req.method, c.req.path, c.res.status));
  // JSON and text never load anything; pages (src/web) set their own policy.
  if (!headers.has("Content-Security-Policy") && !(headers.get("Content-Type") ?? "").startsWith("text/html")) {
    headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
  }
};
