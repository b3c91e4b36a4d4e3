import { createRouter } from "../../create-router";
import * as handlers from "./bugs.handlers";
import * as routes from "./bugs.routes";

export const bugsRouter = createRouter()
  .openapi(routes.listBugs, handlers.listBugs)
  .openapi(routes.getBug, handlers.getBug)
  .openapi(routes.getBugOsv, handlers.getBugOsv);
