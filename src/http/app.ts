import { Hono } from "hono";
import { methodNotAllowed } from "hono/method-not-allowed";
import type { AppDeps, AppEnv } from "./app-env";
import { accessLog, stdoutSink } from "./middleware/access-log";
import { corsForApi } from "./middleware/cors";
import { hygiene } from "./middleware/hygiene";
import { rateLimit } from "./middleware/rate-limit";
import { requestBody, webDecoder } from "./middleware/request-body";
import { requestIds } from "./middleware/request-id";
import { notFound, onError } from "./on-error";
import { problemResponse } from "./problem";
import { bugsRoute } from "./routes/bugs.route";
import { diagnoseRoute } from "./routes/diagnose.route";
import { healthRoute } from "./routes/health.route";

/** The one app both entries serve: Node (libSQL file or remote) and the Worker (D1 or remote libSQL). */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  // Outermost first: ids and the access log see every answer, errors and 405s included.
  app.use(async (c, next) => {
    c.set("settings", deps.settings(c.env));
    await next();
  });
  app.use(requestIds);
  app.use(accessLog(deps.log ?? stdoutSink));
  app.use(hygiene);
  app.use(async (c, next) => {
    c.set("store", deps.store(c.env));
    c.set("diagnoser", deps.diagnoser(c.env));
    await next();
  });
  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) =>
        problemResponse(c, 405, "method-not-allowed", `${c.req.method} is not allowed here; use ${methods.join(", ")}.`, undefined, {
          Allow: methods.join(", "),
        }),
    }),
  );
  for (const path of ["/bugs", "/bugs/*", "/diagnose", "/health"]) app.use(path, corsForApi);
  app.use("/diagnose", rateLimit(deps, "diagnose"));
  app.use("/integrations/*", rateLimit(deps, "integrations"));
  const body = requestBody(deps.bodyDecoder ?? webDecoder);
  app.use("/diagnose", body);
  app.use("/integrations/*", body);
  app.route("/health", healthRoute);
  app.route("/diagnose", diagnoseRoute);
  app.route("/bugs", bugsRoute);
  app.notFound(notFound);
  app.onError(onError);
  return app;
}
