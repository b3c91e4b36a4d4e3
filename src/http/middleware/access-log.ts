import type { Context, MiddlewareHandler } from "hono";
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
    level: status >= 500 ? "error" : "info",
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

/**
 * The path as it came, percent-encoded (the URL parser encodes what arrived raw): Hono's decoded path put a client's
 * control characters and bidi overrides ("/bugs/%E2%80%AEevil") into the log as text (review 65f F6). 200 characters at most.
 */
function loggedPath(c: Context): string {
  let path: string;
  try {
    path = new URL(c.req.url).pathname;
  } catch {
    path = encodeURI(c.req.path);
  }
  return path.length > 200 ? `${path.slice(0, 200)}…` : path;
}
