import type { RouteHandler } from "@hono/zod-openapi";
import { getBug as findBug, listBugs as findBugs, type KbMeta } from "../../../db/bug-queries";
import { toOsv } from "../../../osv/to-osv";
import type { AppEnv } from "../../app-env";
import { loadedKb } from "../../kb-version";
import { ProblemError } from "../../problem";
import type * as routes from "./bugs.routes";

const stamp = (meta: KbMeta) => ({ version: meta.version, records: meta.recordCount });

export const listBugs: RouteHandler<typeof routes.listBugs, AppEnv> = async (c) => {
  const filters = c.req.valid("query");
  const page = await findBugs(c.get("store"), { ...filters, anyTerm: filters.match === "any" });
  return c.json({ kb: stamp(loadedKb(c)), ...page, limit: filters.limit, offset: filters.offset }, 200);
};

export const getBug: RouteHandler<typeof routes.getBug, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const bug = await findBug(c.get("store"), id);
  if (!bug) throw new ProblemError(404, "unknown-bug", `No known bug has the id "${id}".`);
  return c.json({ kb: stamp(loadedKb(c)), bug }, 200);
};

export const getBugOsv: RouteHandler<typeof routes.getBugOsv, AppEnv> = async (c) => {
  const { id } = c.req.valid("param");
  const bug = await findBug(c.get("store"), id);
  if (!bug) throw new ProblemError(404, "unknown-bug", `No known bug has the id "${id}".`);
  return c.json(toOsv(bug, new Date(loadedKb(c).importedAt)), 200);
};
