import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { KbUnavailableError, SchemaMissingError } from "../db/kb-setup";
import { safeDatabaseMessage } from "../db/sqlite-errors";
import type { AppEnv } from "./app-env";
import { namedMediaType } from "./media-type";
import { ProblemError, problemResponse } from "./problem";
import { noteStoreFault, storeDamageDetail } from "./store-damage";

export const onError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof ProblemError) return problemResponse(c, err.status, err.slug, err.message, err.errors, err.headers);
  // The client closed the connection while its body was being read: no bug of ours, and nobody to answer.
  if (clientClosed(err, c)) return problemResponse(c, CLIENT_CLOSED, "client-closed", CLIENT_CLOSED_DETAIL);
  if (err instanceof KbUnavailableError) {
    // A database never migrated is the operator's to fix, so its log line says what failed, even with access logs off.
    if (err instanceof SchemaMissingError) c.set("failure", describeFailure(err.cause ?? err));
    return problemResponse(c, 503, err.slug, err.message);
  }
  if (err instanceof HTTPException && err.status < 500) return fromHttpException(err, c);
  // Our bug: the access log line of this request records it once, without the message (it may quote
  // user input, e.g. a failed query's parameters; a database's own message is kept when it quotes none);
  // the client gets the request id to report.
  const failure = describeFailure(err);
  c.set("failure", failure);
  // A damaged database is the operator's to fix, as a missing schema is: said as such, here and on /health.
  // Documents are validated before they are stored: one the ORM's JSON column cannot parse back was damaged in the file.
  const unparsable = failure.name === "SyntaxError" && /sqlite-core\/columns\//.test(failure.at ?? "");
  const damage = noteStoreFault(c.get("store"), unparsable ? "SQLITE_CORRUPT" : failure.code, failure.message);
  if (damage) return problemResponse(c, 503, damage.slug, storeDamageDetail(damage));
  return problemResponse(c, 500, "internal", "Something went wrong on our side. Quote the request id when reporting it.");
};

/**
 * A failure outside a request's own answer (a chat answer posted after the acknowledgement): one JSON
 * line, as compact as the access log's, never a stack trace or what the user sent.
 */
export function logFailure(requestId: string | undefined, event: string, err: unknown, log: (line: string) => void = console.error): void {
  log(JSON.stringify({ level: "error", requestId: requestId ?? null, event, error: describeFailure(err) }));
}

/**
 * A failure in the server's own words, quoting nothing the user sent (a chat platform's HTTP status and error code): its
 * message and status are logged whole (review 68e F5: "Slack refused the answer … HTTP 500" was logged as {"name":"Error"}).
 */
export class OperatorError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly code?: string,
  ) {
    super(message);
  }
}

/**
 * Error class, code, an OperatorError's message and status, the database's message when it quotes nothing the user sent ("no such table: kb_meta",
 * "database is locked": src/db/sqlite-errors.ts) and the first stack frame of our own code: enough to find
 * it, nothing the user sent.
 */
export function describeFailure(err: unknown): Record<string, string> {
  const out: Record<string, string> = { name: err instanceof Error ? err.name || err.constructor.name : typeof err };
  const cause = err instanceof Error ? (err.cause as { code?: unknown } | undefined) : undefined;
  const code = (err as { code?: unknown })?.code ?? cause?.code;
  if (typeof code === "string" || typeof code === "number") out.code = String(code).slice(0, 40);
  const message = err instanceof OperatorError ? err.message : safeDatabaseMessage(err);
  if (message) out.message = message.slice(0, 200);
  if (err instanceof OperatorError && err.status !== undefined) out.status = String(err.status);
  const frame = err instanceof Error ? err.stack?.split("\n").find((l) => l.includes("/src/")) : undefined;
  const at = frame?.match(/(src\/[^\s)]+)/)?.[1];
  if (at) out.at = at;
  return out;
}

/**
 * nginx's "client closed request": logged as what happened (at info level, as a client's doing), never
 * as a 500. Nobody receives the answer.
 */
export const CLIENT_CLOSED = 499 as ContentfulStatusCode;
export const CLIENT_CLOSED_DETAIL = "The client closed the connection before the request was answered.";
const CLOSED_CODES = new Set(["ECONNRESET", "ECONNABORTED", "EPIPE", "ERR_STREAM_PREMATURE_CLOSE"]);

/** Whether reading the request failed because the client went away (a reset socket, an aborted stream). */
function clientClosed(err: unknown, c: Context<AppEnv>): boolean {
  if (c.req.raw.signal?.aborted) return true;
  const code = (err as { code?: unknown })?.code ?? ((err as { cause?: { code?: unknown } })?.cause?.code as unknown);
  return (typeof code === "string" && CLOSED_CODES.has(code)) || (err instanceof Error && err.name === "AbortError");
}

/** Hono's own rejections (body parsing, the route's media-type gate) in the API's words. */
function fromHttpException(err: HTTPException, c: Parameters<ErrorHandler>[1]) {
  if (err.status === 415) {
    return problemResponse(c, 415, "unsupported-media-type", `Send application/json or text/plain, not ${namedMediaType(c)}.`);
  }
  if (err.status === 400 && err.message.startsWith("Malformed JSON"))
    return problemResponse(c, 400, "malformed-json", "The body is not valid JSON.");
  return problemResponse(c, err.status, "http", err.message || "request rejected");
}

/** The routes a body is sent to: a base URL ending in "/" sends "/diagnose/" or "//diagnose" (review 66f F7). */
const POSTED_ROUTES = ["/diagnose", "/check"];

export const notFound: NotFoundHandler = (c: Context) => {
  const path = new URL(c.req.url).pathname;
  const meant = POSTED_ROUTES.find((route) => path.replace(/\/{2,}/g, "/").replace(/\/$/, "") === route);
  const hint = meant && meant !== path ? `; send it to ${c.req.method} ${meant} (no extra slash)` : "";
  return problemResponse(c, 404, "not-found", `No route for ${c.req.method} ${path.slice(0, 200)}${hint}`);
};
