import { createRouter } from "../../create-router";
import * as handlers from "./diagnose.handlers";
import * as routes from "./diagnose.routes";

const router = createRouter();
// The documented route: its JSON schema is in the OpenAPI document and types `hc<AppType>`.
router.openAPIRegistry.registerPath(routes.diagnose);

/**
 * Served without the validator that the JSON schema would add: a JSON body is read by service/json-body.ts, with the
 * same schema and problems, in the handler when small and where the diagnosis runs (a pool thread on Node) when large.
 * On the event loop, one 8.5 MB hosts body took ~65 ms and eight held /health for 775 ms (review 36a). The query is
 * still validated here. The cast keeps the documented route's types, which the
 * served one answers to.
 */
const served = {
  ...routes.diagnose,
  hide: true,
  request: { query: routes.diagnose.request.query, body: routes.diagnoseBodyAsSent },
} as unknown as typeof routes.diagnose;

export const diagnoseRouter = router.openapi(served, handlers.diagnose);
