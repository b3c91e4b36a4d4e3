import type { Context, MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";
import type { AppEnv, RuntimeAnswer } from "../app-env";
import { CLIENT_CLOSED } from "../on-error";

export type LogSink = (entry: Record<string, unknown>) => void;

export const stdoutSink: LogSink = (entry) => console.log(JSON.stringify(entry));

/**
 * One JSON line per request: method, path (never the query string), status, milliseconds, ids.
 * Bodies, queries and headers are never logged: they are the users' data. A 500 carries what
 * onError recorded about it (error name, code, where), so each one is logged once, compactly. A request
 * the runtime answered in the app's place is logged here too, once, with the status the client got.
 */
export function accessLog(sink: LogSink, answeredOutside?: (c: Context) => RuntimeAnswer | undefined): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const start = performance.now();
    try {
      await next();
    } finally {
      // With access logs off, a 500 is still logged: it is our bug, and nobody else will say so.
      if (c.get("settings").ACCESS_LOG === "on" || c.get("failure")) sink(entryFor(c, start, answeredOutside?.(c)));
    }
  };
}

function entryFor(c: Context<AppEnv>, start: number, outside: RuntimeAnswer | undefined): Record<string, unknown> {
  const failure = c.get("failure");
  const clientRequestId = c.get("clientRequestId");
  // A client gone before its answer was written received nothing: the answer's own status would log a diagnosis
  // nobody read as served (review 63f F5). Our own failure stays logged as the 500 it is.
  const left = !outside && c.req.raw.signal?.aborted === true && c.res.status < 500;
  const problem = left ? "client-closed" : (outside?.problem ?? c.get("problem"));
  const status = left ? CLIENT_CLOSED : (outside?.status ?? c.res.status);
  return {
    t: new Date().toISOString(),
    // A planned restart's 503 is the server's own state, no fault to page anyone for (review 68j F4).
    level: status >= 500 && problem !== "restarting" ? "error" : status >= 500 ? "warn" : "info",
    method: c.req.method,
    path: loggedPath(c),
    status,
    ms: Math.round((performance.now() - start) * 10) / 10,
    requestId: outside?.requestId ?? c.get("requestId"),
    ...(clientRequestId ? { clientRequestId } : {}),
    ...(problem ? { problem } : {}),
    ...(failure ? { error: failure } : {}),
  };
}

/** A record id's shape (data/bugs/*.yaml file names): no spaces, no "=", nothing a pasted secret needs. */
const RECORD_ID = /^[a-z0-9][a-z0-9._-]{0,99}$/i;

/**
 * The route that answered, as registered (`/bugs/:id`), never the path the client chose: a page address of words
 * ("/bugs/Bearer%20abc…" is a search, 302) or an unknown path kept them verbatim in the log (review 68f F3). A
 * parameter is filled in only where the route served it (2xx or 304: a record that exists) and it has a record id's
 * shape; a path no route registered is "(unmatched)". Patterns are ours, so no control character reaches the log
 * either (review 65f F6).
 */
function loggedPath(c: Context): string {
  const routes = matchedRoutes(c).filter((r) => !r.path.includes("*"));
  // The handler that answered (a method's), else the most specific middleware path (a 405, a trailing slash's 301).
  const route = routes.findLast((r) => r.method !== "ALL") ?? routes.at(-1);
  if (!route) return "(unmatched)";
  const served = (c.res.status >= 200 && c.res.status < 300) || c.res.status === 304;
  if (!served || !route.path.includes(":")) return route.path;
  const sent = new URL(c.req.url).pathname.split("/");
  return route.path
    .split("/")
    .map((part, i) => {
      const value = sent[i] ?? "";
      return part.startsWith(":") && RECORD_ID.test(value) ? value : part;
    })
    .join("/");
}
