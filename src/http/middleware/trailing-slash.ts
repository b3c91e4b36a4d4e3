import type { MiddlewareHandler } from "hono";

/**
 * A read of a path with a trailing slash ("/bugs/", a script's base URL) that found nothing is sent to the
 * path without it, query kept. Not `hono/trailing-slash`: it builds an absolute Location from the request's
 * URL, which on Node behind a proxy that ends TLS is http://<the upstream's host>; a relative Location
 * keeps the scheme and host the client used. Leading slashes collapse to one, so "//evil.example/" cannot
 * turn into a redirect to another site. The answer keeps the 404's headers (CORS, ids), not its body's type.
 */
export const trailingSlash: MiddlewareHandler = async (c, next) => {
  await next();
  const method = c.req.method;
  const url = new URL(c.req.url);
  const path = url.pathname;
  if (c.res.status !== 404 || (method !== "GET" && method !== "HEAD") || path === "/" || !path.endsWith("/")) return;
  c.res = new Response(null, { status: 301, headers: { Location: `/${path.replace(/^\/+|\/+$/g, "")}${url.search}` } });
  c.res.headers.delete("Content-Type");
  c.res.headers.delete("Content-Length");
};
