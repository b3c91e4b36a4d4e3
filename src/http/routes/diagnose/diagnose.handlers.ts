import type { RouteHandler } from "@hono/zod-openapi";
import { accepts } from "hono/accepts";
import { renderTextReport } from "../../../engine/report-text";
import type { ServedDiagnosis } from "../../../service/cap-diagnosis";
import { readJsonBody } from "../../../service/json-body";
import { currentKb } from "../../../service/kb-cache";
import type { AppEnv } from "../../app-env";
import { byQuality, charsetOf, mediaType, namedMediaType } from "../../media-type";
import { ProblemError } from "../../problem";
import type * as routes from "./diagnose.routes";

/** JSON bodies up to this size are read on the event loop (parsing 64 KB takes about 0.2 ms). */
const INLINE_JSON_BYTES = 64 * 1024;
const utf8 = new TextDecoder();

type DiagnoseContext = Parameters<RouteHandler<typeof routes.diagnose, AppEnv>>[0];

export const diagnose: RouteHandler<typeof routes.diagnose, AppEnv> = async (c) => {
  const diagnosis = await diagnoseRequest(c);
  c.header("Cache-Control", "no-store");
  c.header("X-KB-Version", diagnosis.kb.version);
  // q-values honoured; no Accept, */* or a browser's list gets JSON.
  const type = accepts(c, {
    header: "Accept",
    supports: ["application/json", "text/plain"],
    default: "application/json",
    match: byQuality,
  });
  if (type === "text/plain") return c.text(renderTextReport(diagnosis), 200);
  return c.json(diagnosis, 200);
};

/** The engine runs in the diagnoser (a worker thread on Node, inline on the Worker), never here. */
async function diagnoseRequest(c: DiagnoseContext): Promise<ServedDiagnosis> {
  const kb = await currentKb(c.get("store"), c.get("kbMeta"), c.get("keepAlive"));
  const { limit } = c.req.valid("query");
  const type = mediaType(c);
  if (type === "application/json") {
    // JSON is UTF-8 (RFC 8259 §8.1): a body labelled otherwise is refused, never misread as "not valid JSON" (review 37a).
    const charset = charsetOf(c)?.toLowerCase();
    if (charset && charset !== "utf-8" && charset !== "utf8")
      throw new ProblemError(
        415,
        "unsupported-charset",
        `JSON is read as UTF-8 (RFC 8259); send it as UTF-8, not ${charset.slice(0, 40)}.`,
      );
    const bytes = await c.get("bodyBytes")();
    // A large body is parsed and validated where the diagnosis runs (service/json-body.ts), never on the event loop; a
    // small one here, in well under a millisecond, so a malformed one is answered at once, not after the queue
    // (review 37a: a 400 came 5 s late, or as 503 busy).
    if (bytes.byteLength > INLINE_JSON_BYTES) return c.get("diagnoser").diagnose(kb, { form: "json", bytes, limit });
    const request = readJsonBody(bytes, (b) => utf8.decode(b), limit);
    if ("ok" in request) throw new ProblemError(request.status, request.slug, request.detail, request.errors);
    return c.get("diagnoser").diagnose(kb, request);
  }
  if (type === "text/plain" || type === "application/x-www-form-urlencoded") {
    // curl --data-binary sends form-urlencoded unless told otherwise; the bytes are the raw bundle.
    // They go to the diagnoser undecoded: on Node a pool thread decodes them, off the event loop.
    const bytes = await c.get("bodyBytes")();
    const sentAs = { form: type === "application/x-www-form-urlencoded", charset: charsetOf(c), decoded: c.get("contentDecoded") };
    return c.get("diagnoser").diagnose(kb, { form: "bundle", text: bytes, limit, sentAs });
  }
  throw new ProblemError(415, "unsupported-media-type", `Send application/json or text/plain, not ${namedMediaType(c)}.`);
}
