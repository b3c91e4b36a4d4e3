import { type Context, Hono } from "hono";
import type { CompiledKb } from "../../engine/compile-kb";
import { diagnoseBundle, diagnoseFields } from "../../engine/diagnose";
import type { Diagnosis } from "../../engine/diagnosis";
import { checkHosts, diagnoseHosts, type HostBundle } from "../../engine/hosts";
import { renderTextReport } from "../../engine/report-text";
import { currentKb } from "../../service/kb-cache";
import type { AppEnv } from "../app-env";
import { ProblemError } from "../problem";
import { validate } from "../validate";
import { diagnoseBodySchema, diagnoseHostsBodySchema, diagnoseQuerySchema } from "./diagnose.schema";

export const diagnoseRoute = new Hono<AppEnv>().post("/", async (c) => {
  const query = validate(diagnoseQuerySchema, c.req.query(), 400, "the query string");
  const kb = await currentKb(c.get("store"));
  const diagnosis = await diagnoseRequest(c, kb, query.limit);
  c.header("X-KB-Version", kb.version);
  if (prefersText(c.req.header("accept"))) return c.text(renderTextReport(diagnosis));
  return c.json(diagnosis);
});

async function diagnoseRequest(c: Context<AppEnv>, kb: CompiledKb, limit: number | undefined): Promise<Diagnosis> {
  const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "application/json") {
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      throw new ProblemError(400, "malformed-json", "The body is not valid JSON.");
    }
    if (body !== null && typeof body === "object" && "hosts" in body) {
      const input = validate(diagnoseHostsBodySchema, body, 422, "the JSON body");
      return diagnoseHostsRequest(kb, input.hosts, input.limit ?? limit);
    }
    const input = validate(diagnoseBodySchema, body, 422, "the JSON body");
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

/** The hosts form; its limits are the engine's (HOSTS_LIMITS), answered as problems. */
function diagnoseHostsRequest(kb: CompiledKb, hosts: HostBundle[], limit: number | undefined): Diagnosis {
  const problem = checkHosts(hosts);
  if (problem?.kind === "too-large") throw new ProblemError(413, "hosts-too-large", problem.detail);
  if (problem) throw new ProblemError(422, problem.kind, problem.detail, problem.errors);
  return diagnoseHosts(kb, hosts, limit);
}

/** Text only when the client ranks text/plain above JSON (curl's default Accept gets JSON). */
function prefersText(accept: string | undefined): boolean {
  if (!accept) return false;
  const text = accept.indexOf("text/plain");
  const json = accept.indexOf("application/json");
  return text >= 0 && (json < 0 || text < json);
}
