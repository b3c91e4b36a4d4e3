import type { MiddlewareHandler } from "hono";
import { compress } from "hono/compress";
import type { AppEnv } from "../app-env";

/** Below this, gzip's header and trailer cost more than it saves (/health's 108 bytes became 118). */
const THRESHOLD = 1024;
const VARY_ENCODING = /(?:^|,)\s*accept-encoding\s*(?:,|$)/i;

/**
 * Answers compressed for a client that accepts gzip or deflate (Node only: Cloudflare's edge compresses a Worker's), with
 * `Vary: Accept-Encoding` on every answer of every route, HEAD and 304 included (RFC 9110 §15.4.5: a 304 sends the Vary the
 * 200 would). hono's compress honours its threshold only where Content-Length is set, which c.json and c.html do not
 * set (review 67j F4: every small answer went gzipped, and grew): the body is measured first, so that it can.
 */
export function compression(): MiddlewareHandler<AppEnv> {
  const compressed = compress({ threshold: THRESHOLD });
  return async (c, next) => {
    await compressed(c, async () => {
      await next();
      const res = c.res;
      // Only for a client that may get it compressed: a probe or a script that asks for no coding gets the body untouched.
      if (!c.req.header("Accept-Encoding")) return;
      if (!res.body || res.headers.has("Content-Length") || res.headers.has("Content-Encoding")) return;
      // The app's answers are whole strings already: reading them back costs a copy, not a wait.
      const bytes = await res.arrayBuffer();
      const headers = new Headers(res.headers);
      headers.set("Content-Length", String(bytes.byteLength));
      c.res = undefined;
      c.res = new Response(bytes, { status: res.status, statusText: res.statusText, headers });
    });
    const vary = c.res.headers.get("Vary");
    if (vary !== "*" && !(vary && VARY_ENCODING.test(vary)))
      c.res.headers.set("Vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
  };
}
