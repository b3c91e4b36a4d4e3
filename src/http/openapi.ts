import type { OpenAPIHono } from "@hono/zod-openapi";
import { Scalar } from "@scalar/hono-api-reference";
import type { AppEnv } from "./app-env";

/** GET /openapi.json (OpenAPI 3.1, generated from the route contracts) and GET /docs (its reference page). */
export function documentApi(app: OpenAPIHono<AppEnv>) {
  app.doc31("/openapi.json", (c) => ({
    openapi: "3.1.0",
    info: {
      title: "known-bugs",
      version: "0.1.0",
      description:
        "Match pasted symptoms (logs, uname, os-release, kubectl nodes) to curated known bugs: ranked root causes, evidence and fixes. Errors are RFC 9457 problem+json; every answer of the API routes names its knowledge base in `X-KB-Version`.",
    },
    servers: [{ url: new URL(c.req.url).origin }],
  }));
  app.get("/docs", Scalar({ url: "/openapi.json", pageTitle: "known-bugs API" }));
}
