import { createRouter } from "../../create-router";
import * as handlers from "./kb.handlers";
import * as routes from "./kb.routes";

export const kbRouter = createRouter().openapi(routes.kb, handlers.kb);
