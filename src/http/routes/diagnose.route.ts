import { Hono } from "hono";
import { diagnoseBundle, diagnoseFields } from "../../engine/diagnose";
import { renderTextReport } from "../../engine/report-text";
import { currentKb } from "../../service/kb-cache";
import type { AppEnv } from "../app-env";
import { ProblemError } from "../problem";
import { validate } from "../validate";
import { diagnoseBodySchema, diagnoseQuerySchema } from "./diagnose.schema";

export const diagnoseRoute = new Hono<AppEnv>().post("/", async (c) => {
  const query = validate(diagnoseQuerySchema, c.req.query(), 400, "the query string");
  const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const kb = await currentKb(c.get("store"));
  let diagnosis;
  if (type === "application/json") {
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      throw new ProblemError(400, "malformed-json", "The body is not valid JSON.");
    }
    const input = validate(diagnoseBodySchema, body, 422, "the JSON body");
    diagnosis = diagnoseFields(kb, { ...input, limit: input.limit ?? query.limit });
  } else if (type === "text/plain" || type === "application/x-www-form-urlencoded") {
    // curl --data-binary sends form-urlencoded unless told otherwise; the bytes are the raw bundle.
    const text = await c.req.text();
    if (!text.trim()) throw new ProblemError(422, "empty-body", "The body is empty: send logs, uname output or os-release as plain text.");
    diagnosis = diagnoseBundle(kb, text, query.limit);
  } else {
    throw new ProblemError(415, "unsupported-media-type", `Send application/json or text/plain, not "${type || "no content type"}".`);
  }
  c.header("X-KB-Version", kb.version);
  if (prefersText(c.req.header("accept"))) return c.text(renderTextReport(diagnosis));
  return c.json(diagnosis);
});

function prefersText(accept: string | undefined): boolean {
  if (!accept) return false;
  const text = accept.indexOf("text/plain");
  const json = accept.indexOf("application/json");
  return text >= 0 && (json < 0 || text < json);
}
