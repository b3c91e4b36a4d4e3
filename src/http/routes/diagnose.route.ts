import { type Context, Hono } from "hono";
import type { CompiledKb } from "../../engine/compile-kb";
import { renderTextReport } from "../../engine/report-text";
import type { ServedDiagnosis } from "../../service/cap-diagnosis";
import { currentKb } from "../../service/kb-cache";
import type { AppEnv } from "../app-env";
import { ProblemError } from "../problem";
import { validate } from "../validate";
import { diagnoseBodySchema, diagnoseQuerySchema } from "./diagnose.schema";

export const diagnoseRoute = new Hono<AppEnv>().post("/", async (c) => {
  const query = validate(diagnoseQuerySchema, c.req.query(), 400, "the query string");
  const kb = await currentKb(c.get("store"));
  const diagnosis = await diagnoseRequest(c, kb, query.limit);
  c.header("X-KB-Version", kb.version);
  c.header("Cache-Control", "no-store");
  if (prefersText(c.req.header("accept"))) return c.text(renderTextReport(diagnosis));
  return c.json(diagnosis);
});

async function diagnoseRequest(c: Context<AppEnv>, kb: CompiledKb, limit: number | undefined): Promise<ServedDiagnosis> {
  const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "application/json") {
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      throw new ProblemError(400, "malformed-json", "The body is not valid JSON.");
    }
    const input = validate(diagnoseBodySchema, body, 422, "the JSON body");
    return c.get("diagnoser").diagnose(kb, { form: "fields", input: { ...input, limit: input.limit ?? limit } });
  }
  if (type === "text/plain" || type === "application/x-www-form-urlencoded") {
    // curl --data-binary sends form-urlencoded unless told otherwise; the bytes are the raw bundle.
    // They go to the diagnoser undecoded: on Node a pool thread decodes them, off the event loop.
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    return c.get("diagnoser").diagnose(kb, { form: "bundle", text: bytes, limit });
  }
  throw new ProblemError(415, "unsupported-media-type", `Send application/json or text/plain, not "${type || "no content type"}".`);
}

/** Text only when the client ranks text/plain above JSON (curl's default Accept gets JSON). */
function prefersText(accept: string | undefined): boolean {
  if (!accept) return false;
  const text = accept.indexOf("text/plain");
  const json = accept.indexOf("application/json");
  return text >= 0 && (json < 0 || text < json);
}
