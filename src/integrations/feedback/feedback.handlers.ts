import type { RouteHandler } from "@hono/zod-openapi";
import { feedbackSummary as readSummary } from "../../db/chat-queries";
import type { AppEnv } from "../../http/app-env";
import type * as routes from "./feedback.routes";

export const feedbackSummary: RouteHandler<typeof routes.feedbackSummary, AppEnv> = async (c) => {
  const records = await readSummary(c.get("store"));
  return c.json({ votes: records.reduce((n, r) => n + r.right + r.wrong, 0), records }, 200);
};
