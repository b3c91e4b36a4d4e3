/**
 * Requests the app never sees because no web Request can be made of them: an HTTP/1.1 request
 * without a Host header (RFC 9112 §3.2: a server must answer 400), and those @hono/node-server cannot
 * turn into a URL (a Host header that is no host name, a backslash in the path, a request target that
 * makes no http(s) URL). Node and the adapter answered them with a bare 400 and no body; they get
 * problem+json like every other error, and one log line naming the reason, never the request's bytes.
 * The request's framing is sound, so the connection stays usable: its unread body is read and dropped
 * after the answer, within bounds (unread-body.ts).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { RequestError } from "@hono/node-server";
import { describeFailure } from "../http/on-error";
import { bareProblem } from "./bare-problem";
import { drainBounded } from "./unread-body";

type Log = (entry: Record<string, unknown>) => void;

const MISSING_HOST = { slug: "missing-host", detail: "An HTTP/1.1 request needs a Host header." };
const INVALID_HOST = { slug: "invalid-host", detail: "The Host header is not a host name with an optional port." };
const DUPLICATE_HOST = { slug: "duplicate-host", detail: "The request has more than one Host header; send one." };
/** RFC 9110 §7.2's Host: an IP literal or a reg-name (unreserved, pct-encoded, sub-delims), then an optional port. */
const HOST_SYNTAX = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9\-._~!$&'()*+,;=%]*)(?::\d*)?$/;

/**
 * The adapter's RequestError messages (src/request.ts of @hono/node-server), as a slug and a sentence.
 * ("Missing host header" never comes: the listener's default host name stands in for an absent one.)
 */
function reasonOf(err: RequestError): { slug: string; detail: string } {
  if (/host header/i.test(err.message)) return INVALID_HOST;
  if (/backslash/i.test(err.message)) return { slug: "invalid-request-target", detail: "The request path holds a backslash." };
  if (/absolute/i.test(err.message)) return { slug: "invalid-request-target", detail: "The request target is not a valid absolute URL." };
  return { slug: "invalid-url", detail: "The request target (with the Host header) does not make an http or https URL." };
}

/**
 * Answers an HTTP/1.1 request without a Host header (Node's own check is turned off so that the
 * answer is a problem), with more than one (RFC 9112 §3.2: a server must answer 400; Node keeps the
 * first and drops the rest, so a proxy reading the last would route by another host: review 36a),
 * and any request whose Host is no host name (the adapter would refuse it too, but only after
 * "100 Continue"); returns whether it did. HTTP/1.0 needs no Host and is served.
 * `awaitsContinue`: the client waits for "100 Continue" before its body, which it now may never send,
 * so the connection closes after the answer instead of waiting for that body.
 */
export function refuseHost(req: IncomingMessage, res: ServerResponse, log: Log, awaitsContinue = false): boolean {
  const host = req.headers.host;
  const missing = host === undefined && req.httpVersionMajor === 1 && req.httpVersionMinor >= 1;
  const refusal = missing
    ? MISSING_HOST
    : hostLines(req.rawHeaders) > 1
      ? DUPLICATE_HOST
      : host !== undefined && !HOST_SYNTAX.test(host)
        ? INVALID_HOST
        : null;
  if (!refusal) return false;
  const { headers, body, requestId } = bareProblem(400, refusal.slug, refusal.detail, { close: awaitsContinue });
  log({ t: new Date().toISOString(), level: "info", requestId, event: "refused-request", status: 400, reason: refusal.slug });
  res.writeHead(400, headers).end(body);
  if (!awaitsContinue) drainBounded(req);
  return true;
}

/** Host lines of a request (rawHeaders alternates names and values). */
function hostLines(raw: readonly string[]): number {
  let n = 0;
  for (let i = 0; i < raw.length; i += 2) if (raw[i]?.toLowerCase() === "host") n++;
  return n;
}

/**
 * The adapter's error handler: a request it could not build is a client's error (400, logged in the
 * access log's sink); anything else the app let escape (Hono's onError answers all it sees, so this is
 * the server's own bug) is a 500 like the app's, logged always, by its name only, as the app logs one.
 */
export function onRequestError(log: Log, logError: (line: string) => void = console.error) {
  return (err: unknown): Response => {
    if (err instanceof RequestError) {
      const { slug, detail } = reasonOf(err);
      const problem = bareProblem(400, slug, detail, { close: false });
      log({
        t: new Date().toISOString(),
        level: "info",
        requestId: problem.requestId,
        event: "refused-request",
        status: 400,
        reason: slug,
      });
      return new Response(problem.body, { status: 400, headers: problem.headers });
    }
    const problem = bareProblem(500, "internal", "Something went wrong on our side.", { close: false });
    logError(JSON.stringify({ level: "error", requestId: problem.requestId, event: "unhandled-error", error: describeFailure(err) }));
    return new Response(problem.body, { status: 500, headers: problem.headers });
  };
}

/**
 * Node's answer to an Expect header other than 100-continue ("checkExpectation"), which it would otherwise
 * give as a bare 417 with no body and no log line (RFC 9110 §10.1.1: a server may answer 417 to an
 * expectation it cannot meet). The body the client held back is never sent: the connection closes.
 */
export function refuseExpectation(req: IncomingMessage, res: ServerResponse, log: Log): void {
  const { headers, body, requestId } = bareProblem(
    417,
    "expectation-failed",
    'The Expect header asks for something this server does not do; send no Expect header, or "Expect: 100-continue".',
  );
  log({ t: new Date().toISOString(), level: "info", requestId, event: "refused-request", status: 417, reason: "expectation-failed" });
  res.writeHead(417, headers).end(body);
  req.resume();
}
