import { methodNotAllowed } from "hono/method-not-allowed";
import { ConfigError, sharedEnvSchema } from "../env-fields";
import { defaultRunInBackground } from "../integrations/chat-config";
import { chatRoutes } from "../integrations/chat-routes";
import { FORM_OVERHEAD } from "../service/page-form";
import { htmlErrors } from "../web/html-errors";
import { webRoutes } from "../web/routes";
import type { AppDeps } from "./app-env";
import { readBody } from "./body-stream";
import { clientKey } from "./client-key";
import { createRouter } from "./create-router";
import { kbVersion } from "./kb-version";
import { accessLog, stdoutSink } from "./middleware/access-log";
import { compression } from "./middleware/compression";
import { corsForApi } from "./middleware/cors";
import { hygiene } from "./middleware/hygiene";
import { rateLimit } from "./middleware/rate-limit";
import { requestBody, webDecoder } from "./middleware/request-body";
import { requestIds } from "./middleware/request-id";
import { trailingSlash } from "./middleware/trailing-slash";
import { notFound, onError } from "./on-error";
import { documentApi } from "./openapi";
import { problemResponse } from "./problem";
import { bugsRouter } from "./routes/bugs/bugs.index";
import { diagnoseRouter } from "./routes/diagnose/diagnose.index";
import { healthRouter } from "./routes/health/health.index";
import { kbRouter } from "./routes/kb/kb.index";

/** What the ids, log and headers read while a Worker's own settings are invalid. */
const DEFAULT_SETTINGS = sharedEnvSchema.parse({});

/** The one app both entries serve: Node (libSQL file or remote) and the Worker (D1 or remote libSQL). */
export function createApp(deps: AppDeps) {
  const app = createRouter();
  // Outermost first: ids and the access log see every answer, errors and 405s included.
  app.use(async (c, next) => {
    c.set("kbWarning", deps.kbWarning);
    try {
      c.set("settings", deps.settings(c.env));
    } catch (err) {
      // Node refuses to start on bad settings; a Worker has no start, so it serves the refusal instead,
      // through the ids, log and headers below (which read only defaults).
      if (!(err instanceof ConfigError)) throw err;
      c.set("settings", DEFAULT_SETTINGS);
      c.set("misconfigured", err);
    }
    await next();
  });
  app.use(requestIds);
  app.use(accessLog(deps.log ?? stdoutSink, deps.answeredOutside));
  // Outside the headers below, so that it sees their Vary and Cache-Control (review 66f F8: a 1 MB answer went out whole).
  if (deps.compressAnswers) app.use(compression());
  app.use(hygiene);
  // "/bugs/" or "/health/" (a copied link, a script's base URL) is the page or resource without the slash.
  app.use(trailingSlash);
  app.use(async (c, next) => {
    const bad = c.get("misconfigured");
    if (!bad) return next();
    c.set("failure", { name: bad.name, message: bad.message.slice(0, 500) });
    const names = bad.variables.join(", ");
    return problemResponse(
      c,
      503,
      "misconfigured",
      `The service is misconfigured: ${names} ${bad.variables.length > 1 ? "are" : "is"} invalid. Its operator must correct ${bad.variables.length > 1 ? "them" : "it"}; the log says why.`,
    );
  });
  app.use(async (c, next) => {
    c.set("store", deps.store(c.env));
    const diagnoser = deps.diagnoser(c.env);
    const client = clientKey(deps.clientAddress?.(c));
    // A caller may name who asks where the address does not (a chat platform's servers send every person's command).
    c.set("diagnoser", {
      diagnose: (kb, job, caller) => diagnoser.diagnose(kb, job, { client: caller?.client ?? client, signal: c.req.raw.signal }),
    });
    c.set("keepAlive", (work) => (deps.background ?? defaultRunInBackground)(c, () => work));
    c.set("bodyBytes", () => deps.bodyBytes?.(c) ?? readBody(c.req.raw));
    await next();
  });
  // Every error below, the limiter's 429 and the 405 included, reaches a browser as a page in words.
  app.use(htmlErrors());
  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, routed) => {
        // A route this deployment turned off does not exist for any method (review 36a: GET said "use POST", POST was 404).
        if (c.get("routeOff")) return c.res;
        const methods = c.get("answersOptions") ? [...routed, "OPTIONS"] : routed;
        return problemResponse(c, 405, "method-not-allowed", `${c.req.method} is not allowed here; use ${methods.join(", ")}.`, undefined, {
          Allow: methods.join(", "),
        });
      },
    }),
  );
  const readCors = corsForApi(["GET", "HEAD"]);
  // The read API's own paths only (an OPTIONS on /bugs/a/b/c is a 404, as its GET), each with a trailing slash too: the
  // redirect to the path without it must reach a browser's script.
  // The contract too: browser-based OpenAPI tools load it by URL from their own origin (review 66f F9).
  const readPaths = ["/bugs", "/bugs/:id", "/bugs/:id/osv", "/kb", "/health", "/openapi.json"];
  for (const path of readPaths.flatMap((p) => [p, `${p}/`])) app.use(path, readCors);
  app.use("/diagnose", corsForApi(["POST"]));
  // The paste form (/check) is a diagnosis too: the same limiter, so one count for both.
  const diagnoseLimit = rateLimit(deps, "diagnose");
  app.use("/diagnose", diagnoseLimit);
  app.use("/check", diagnoseLimit);
  // The votes' summary reads the whole votes table per call: the same limit, its own count (review 68f F5).
  app.use("/feedback/summary", rateLimit(deps, "feedback", ["GET", "HEAD"]));
  // The chat webhooks count by person once signed, and unsigned requests by address (src/integrations/chat-auth.ts):
  // every signed one comes from the platform's servers, so by address one channel's incident was one client (64e F2).
  const body = requestBody(deps.bodyDecoder ?? webDecoder);
  app.use("/diagnose", body);
  // The paste form's upload may come compressed too (review 36a: a gzip form read as no field at all).
  app.use("/check", requestBody(deps.bodyDecoder ?? webDecoder, FORM_OVERHEAD));
  app.use("/integrations/*", body);
  for (const path of ["/health", "/kb", "/bugs", "/bugs/*", "/diagnose"]) app.use(path, kbVersion);
  // Pages for people, mounted before the API routes, so /bugs and /bugs/:id can answer a browser and
  // pass API clients on.
  app.route("/", webRoutes());
  const routes = app
    .route("/", healthRouter)
    .route("/", diagnoseRouter)
    .route("/", bugsRouter)
    .route("/", kbRouter)
    .route("/", chatRoutes(deps));
  documentApi(app);
  app.notFound(notFound);
  app.onError(onError);
  return routes;
}

/** The API's type, for a typed client: `hc<AppType>(url)` from `hono/client`. */
export type AppType = ReturnType<typeof createApp>;
