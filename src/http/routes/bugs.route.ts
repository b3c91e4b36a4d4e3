import { Hono } from "hono";
import { getBug, getKbMeta, listBugs } from "../../db/bug-queries";
import type { AppEnv } from "../app-env";
import { ProblemError } from "../problem";
import { validate } from "../validate";
import { bugIdSchema, listBugsQuerySchema } from "./bugs.schema";

export const bugsRoute = new Hono<AppEnv>()
  .get("/", async (c) => {
    const filters = validate(listBugsQuerySchema, c.req.query(), 400, "the query string");
    const store = c.get("store");
    const [meta, page] = await Promise.all([getKbMeta(store), listBugs(store, filters)]);
    if (meta) c.header("X-KB-Version", meta.version);
    return c.json({
      kb: meta && { version: meta.version, records: meta.recordCount },
      ...page,
      limit: filters.limit,
      offset: filters.offset,
    });
  })
  .get("/:id", async (c) => {
    const id = validate(bugIdSchema, c.req.param("id"), 400, "the bug id");
    const store = c.get("store");
    const [meta, bug] = await Promise.all([getKbMeta(store), getBug(store, id)]);
    if (!bug) throw new ProblemError(404, "unknown-bug", `No known bug has the id "${id}".`);
    if (meta) c.header("X-KB-Version", meta.version);
    return c.json({ kb: meta && { version: meta.version, records: meta.recordCount }, bug });
  });
