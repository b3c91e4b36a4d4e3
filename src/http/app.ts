import { bodyLimit } from "hono/body-limit";
import { requestId } from "hono/request-id";
import type { AppDeps } from "./app-env";
import { createRouter } from "./create-router";
import { kbVersion } from "./kb-version";
import { notFound, onError } from "./on-error";
import { documentApi } from "./openapi";
import { problemResponse } from "./problem";
import { bugsRouter } from "./routes/bugs/bugs.index";
import { diagnoseRouter } from "./routes/diagnose/diagnose.index";
import { healthRouter } from "./routes/health/health.index";
import { kbRouter } from "./routes/kb/kb.index";

/** The one app both entries serve: Node (libSQL file or remote) and the Worker (D1 or remote libSQL). */
export function createApp(deps: AppDeps) {
  const app = createRouter();
  app.use(requestId());
  app.use(async (c, next) => {
    c.header("X-Request-Id", c.get("requestId"));
    c.set("store", deps.store(c.env));
    await next();
  });
  for (const path of ["/health", "/kb", "/bugs", "/bugs/*", "/diagnose"]) app.use(path, kbVersion);
  app.use("/diagnose", async (c, next) => {
    const maxSize = deps.maxBodyBytes(c.env);
    const tooLarge = () => problemResponse(c, 413, "body-too-large", `The body is larger than the limit of ${maxSize} bytes.`);
    // With a Content-Length the header decides, and the body stays untouched: on Node, reading
    // `c.req.raw.body` builds a web stream over the socket and the route's read then goes through it
    // (chunk by chunk, then copied), instead of @hono/node-server's direct read into one buffer.
    const length = c.req.header("content-length");
    if (length !== undefined && !c.req.header("transfer-encoding")) {
      if (Number(length) > maxSize) return tooLarge();
      return next();
    }
    return bodyLimit({ maxSize, onError: tooLarge })(c, next);
  });
  const routes = app.route("/", healthRouter).route("/", diagnoseRouter).route("/", bugsRouter).route("/", kbRouter);
  documentApi(app);
  app.notFound(notFound);
  app.onError(onError);
  return routes;
}

/** The API's type, for a typed client: `hc<AppType>(url)` from `hono/client`. */
export type AppType = ReturnType<typeof createApp>;
