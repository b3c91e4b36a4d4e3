import type { OpenAPIHono } from "@hono/zod-openapi";
import { Scalar } from "@scalar/hono-api-reference";
import type { AppEnv } from "./app-env";

/**
 * The reference page's script, pinned: Scalar's page is rendered in the browser by this bundle.
 * Serving it ourselves would need @scalar/api-reference (+330 MB installed) and a Workers assets
 * pipeline for one 4.8 MB file, so the page loads it from jsDelivr at a fixed version instead.
 */
const SCALAR_SCRIPT = "https://cdn.jsdelivr.net/npm/@scalar/api-reference@1.72.1/dist/browser/standalone.js";
/**
 * Subresource Integrity for that file: jsDelivr's /npm/ path serves the package's own file, so its hash is that of
 * dist/browser/standalone.js in the npm tarball (`npm pack @scalar/api-reference@1.72.1`, then
 * `openssl dgst -sha384 -binary … | base64`). A CDN serving anything else, the browser does not run it.
 */
const SCALAR_INTEGRITY = "sha384-U11tb2XnKvmwt8RlTvnwUnYgrN+ur4Xyh9htLhjajWNR/Oyl5AX5DEz00qRmlrmK";

/** GET /openapi.json (OpenAPI 3.1, generated from the route contracts) and GET /docs (its reference page). */
export function documentApi(app: OpenAPIHono<AppEnv>) {
  // Generating the document takes ~20 ms: do it once per process (isolate), on first request, when
  // every route is registered; only `servers` depends on the request.
  let document: ReturnType<typeof app.getOpenAPI31Document> | undefined;
  app.get("/openapi.json", (c) => {
    document ??= app.getOpenAPI31Document({
      openapi: "3.1.0",
      info: {
        title: "known-bugs",
        version: "0.1.0",
        description:
          "Match pasted symptoms (logs, uname, os-release, kubectl nodes) to curated known bugs: ranked root causes, evidence and fixes. Errors are RFC 9457 problem+json; every answer of the API routes names its knowledge base in `X-KB-Version`.",
      },
    });
    // No `servers`: OpenAPI's default ("/") is wherever the document was fetched from. The request's
    // own Host in a publicly cached answer would let one crafted request point others elsewhere.
    return c.json(document);
  });
  app.use("/docs", async (c, next) => {
    await next();
    // The app's page policy (its own script only) would leave this page blank: it runs the pinned
    // bundle from jsDelivr and an inline script and style of its own; it shows nothing a user sent.
    c.res.headers.set("Content-Security-Policy", DOCS_CSP);
    // Scalar's page names the script without its hash: the tag gets it here.
    if (c.res.ok) {
      const tag = `<script src="${SCALAR_SCRIPT}"`;
      const page = (await c.res.text()).replace(tag, `${tag} integrity="${SCALAR_INTEGRITY}" crossorigin="anonymous"`);
      const headers = new Headers(c.res.headers);
      headers.delete("content-length");
      c.res = new Response(page, { status: c.res.status, headers });
    }
  });
  app.get("/docs", Scalar({ url: "/openapi.json", pageTitle: "known-bugs API", cdn: SCALAR_SCRIPT }));
}

const DOCS_CSP =
  "default-src 'none'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; font-src 'self' data: https://cdn.jsdelivr.net https://fonts.scalar.com; img-src 'self' data: https:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
