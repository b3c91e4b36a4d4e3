import { createRouter } from "../../http/create-router";
import * as handlers from "./feedback.handlers";
import * as routes from "./feedback.routes";

export const feedbackRouter = createRouter().openapi(routes.feedbackSummary, handlers.feedbackSummary);
