import type { RouteHandler } from "@hono/zod-openapi";
import type { Context } from "hono";
import { accepts } from "hono/accepts";
import type { CompiledKb } from "../../../engine/compile-kb";
import { diagnoseBundle, diagnoseFields } from "../../../engine/diagnose";
import type { HostBundle } from "../../../engine/diagnose-input";
import type { Diagnosis } from "../../../engine/diagnosis";
import { checkHosts, diagnoseHosts } from "../../../engine/hosts";
import { renderTextReport } from "../../../engine/report-text";
import { currentKb } from "../../../service/kb-cache";
import type { AppEnv } from "../../app-env";
import { ProblemError } from "../../problem";
import type * as routes from "./diagnose.routes";

type DiagnoseContext = Parameters<RouteHandler<typeof routes.diagnose, AppEnv>>[0];

export const diagnose: RouteHandler<typeof routes.diagnose, AppEnv> = async (c) => {
  const diagnosis = await diagnoseRequest(c);
  // q-values honoured; no Accept, */* or a browser's list gets JSON.
  const type = accepts(c, { header: "Accept", supports: ["application/json", "text/plain"], default: "application/json" });
  if (type === "text/plain") return c.text(renderTextReport(diagnosis), 200);
  return c.json(diagnosis, 200);
};

async function diagnoseRequest(c: DiagnoseContext): Promise<Diagnosis> {
  const kb = await currentKb(c.get("store"), c.get("kbMeta"));
  const { limit } = c.req.valid("query");
  const type = mediaType(c);
  if (type === "application/json") {
    const { hosts, ...input } = c.req.valid("json");
    if (hosts) return diagnoseHostsRequest(kb, hosts, input.limit ?? limit);
    return diagnoseFields(kb, { ...input, limit: input.limit ?? limit });
  }
  if (type === "text/plain" || type === "application/x-www-form-urlencoded") {
    // curl --data-binary sends form-urlencoded unless told otherwise; the bytes are the raw bundle.
    const text = await c.req.text();
    if (!text.trim()) throw new ProblemError(422, "empty-body", "The body is empty: send logs, uname output or os-release as plain text.");
    return diagnoseBundle(kb, text, limit);
  }
  throw new ProblemError(415, "unsupported-media-type", `Send application/json or text/plain, not "${type || "no content type"}".`);
}

/** The hosts form; its limits are the engine's (checkHosts), answered as problems. */
function diagnoseHostsRequest(kb: CompiledKb, hosts: HostBundle[], limit: number | undefined): Diagnosis {
  const problem = checkHosts(hosts);
  if (problem?.kind === "too-large") throw new ProblemError(413, "hosts-too-large", problem.detail);
  if (problem) throw new ProblemError(422, problem.kind, problem.detail, problem.errors);
  return diagnoseHosts(kb, hosts, limit);
}

const mediaType = (c: Context) => (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
