import { createRouter } from "../../create-router";
import * as handlers from "./diagnose.handlers";
import * as routes from "./diagnose.routes";

export const diagnoseRouter = createRouter().openapi(routes.diagnose, handlers.diagnose);
