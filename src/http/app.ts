import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { requestId } from "hono/request-id";
import { htmlErrors } from "../web/html-errors";
import { webRoutes } from "../web/routes";
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
    const limit = bodyLimit({
      maxSize,
      onError: (c) => problemResponse(c, 413, "body-too-large", `The body is larger than the limit of ${maxSize} bytes.`),
    });
    return limit(c, next);
  });
  // Pages for people: errors as HTML for browsers, then the pages (mounted before the API routes,
  // so /bugs and /bugs/:id can answer a browser and pass API clients on).
  app.use(htmlErrors(deps));
  app.route("/", webRoutes(deps));
  app.route("/health", healthRoute);
  app.route("/diagnose", diagnoseRoute);
  app.route("/bugs", bugsRoute);
  app.notFound(notFound);
  app.onError(onError);
  return app;
}
