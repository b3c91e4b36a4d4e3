import { bodyLimit } from "hono/body-limit";
import { requestId } from "hono/request-id";
import { htmlErrors } from "../web/html-errors";
import { webRoutes } from "../web/routes";
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
  const routes = app.route("/", healthRouter).route("/", diagnoseRouter).route("/", bugsRouter).route("/", kbRouter);
  documentApi(app);
  app.notFound(notFound);
  app.onError(onError);
  return routes;
}

/** The API's type, for a typed client: `hc<AppType>(url)` from `hono/client`. */
export type AppType = ReturnType<typeof createApp>;
