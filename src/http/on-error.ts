import type { ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { KbNotLoadedError } from "../service/kb-cache";
import { ProblemError, problemResponse } from "./problem";

export const onError: ErrorHandler = (err, c) => {
  if (err instanceof ProblemError) return problemResponse(c, err.status, err.slug, err.message, err.errors);
  if (err instanceof KbNotLoadedError)
    return problemResponse(c, 503, "kb-not-loaded", "The knowledge base has not been imported yet (npm run kb:import).");
  if (err instanceof HTTPException && err.status < 500) return fromHttpException(err, c);
  // Our bug: log it with the request id, never leak the message or stack to the client.
  console.error(`[${c.get("requestId") ?? "-"}]`, err);
  return problemResponse(c, 500, "internal", "Something went wrong on our side. Quote the request id when reporting it.");
};

/** Hono's own rejections (body parsing, the route's media-type gate) in the API's words. */
function fromHttpException(err: HTTPException, c: Parameters<ErrorHandler>[1]) {
  if (err.status === 415) {
    const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim() || "no content type";
    return problemResponse(c, 415, "unsupported-media-type", `Send application/json or text/plain, not "${type}".`);
  }
  if (err.status === 400 && err.message.startsWith("Malformed JSON"))
    return problemResponse(c, 400, "malformed-json", "The body is not valid JSON.");
  return problemResponse(c, err.status, "http", err.message || "request rejected");
}

export const notFound: NotFoundHandler = (c) =>
  problemResponse(c, 404, "not-found", `No route for ${c.req.method} ${new URL(c.req.url).pathname}`);
