import { Hono } from "hono";
import { feedbackSummary } from "../db/chat-queries";
import type { AppEnv } from "../http/app-env";

/** For curators: which records draw "wrong" votes from the chat answers, most first. */
export const feedbackRoute = new Hono<AppEnv>().get("/summary", async (c) => {
  const records = await feedbackSummary(c.get("store"));
  const votes = records.reduce((n, r) => n + r.right + r.wrong, 0);
  return c.json({ votes, records });
});
