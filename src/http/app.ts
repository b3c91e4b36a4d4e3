import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { requestId } from "hono/request-id";
import type { AppDeps, AppEnv } from "./app-env";
import { notFound, onError } from "./on-error";
import { problemResponse } from "./problem";
import { bugsRoute } from "./routes/bugs.route";
import { diagnoseRoute } from "./routes/diagnose.route";
import { healthRoute } from "./routes/health.route";

/** The one app both entries serve: Node (libSQL file or remote) and the Worker (D1 or remote libSQL). */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use(requestId());
  app.use(async (c, next) => {
    c.header("X-Request-Id", c.get("requestId"));
    c.set("store", deps.store(c.env));
    await next();
  });
  app.use("/diagnose", (c, next) => {
    const maxSize = deps.maxBodyBytes(c.env);
    const tooLarge = () => problemResponse(c, 413, "body-too-large", `The body is larger than the limit of ${maxSize} bytes.`);
    // With a Content-Length the header decides, and the body stays untouched: on Node, reading
    // `c.req.raw.body` builds a web stream over the socket and the route's read then goes through it
    // (chunk by chunk, then copied), instead of @hono/node-server's direct read into one buffer.
    const length = c.req.header("content-length");
    if (length !== undefined && !c.req.header("transfer-encoding")) return Number(length) > maxSize ? tooLarge() : next();
    return bodyLimit({ maxSize, onError: tooLarge })(c, next);
  });
  app.route("/health", healthRoute);
  app.route("/diagnose", diagnoseRoute);
  app.route("/bugs", bugsRoute);
  app.notFound(notFound);
  app.onError(onError);
  return app;
}
