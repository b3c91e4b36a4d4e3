/**
 * Requests the app never sees because no web Request can be made of them: an HTTP/1.1 request
 * without a Host header (RFC 9112 §3.2: a server must answer 400), and those @hono/node-server cannot
 * turn into a URL (a Host header that is no host name, a backslash in the path, an absolute URL that
 * does not parse). Node and the adapter answered them with a bare 400 and no body; they get
 * problem+json like every other error, and one log line naming the reason, never the request's bytes.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { RequestError } from "@hono/node-server";
import { bareProblem } from "./bare-problem";

type Log = (entry: Record<string, unknown>) => void;

const NO_HOST = { slug: "missing-host", detail: "An HTTP/1.1 request needs a Host header." };

/** The adapter's RequestError messages (src/listener.ts, src/request.ts of @hono/node-server), as a slug and a sentence. */
function reasonOf(err: RequestError): { slug: string; detail: string } {
  if (/host header/i.test(err.message))
    return { slug: "invalid-host", detail: "The Host header is not a host name with an optional port." };
  if (/backslash/i.test(err.message)) return { slug: "invalid-request-target", detail: "The request path holds a backslash." };
  if (/absolute/i.test(err.message)) return { slug: "invalid-request-target", detail: "The request target is not a valid absolute URL." };
  return { slug: "invalid-url", detail: "The Host header and the request path do not make a valid URL." };
}

function logged(log: Log, status: number, reason: string): void {
  log({ t: new Date().toISOString(), level: status >= 500 ? "error" : "info", event: "refused-request", status, reason });
}

/**
 * Answers an HTTP/1.1 request without a Host header (Node's own check is turned off so that the
 * answer is a problem); returns whether it did. HTTP/1.0 needs none and is served.
 */
export function refuseWithoutHost(req: IncomingMessage, res: ServerResponse, log: Log): boolean {
  if (req.httpVersionMajor !== 1 || req.httpVersionMinor < 1 || req.headers.host !== undefined) return false;
  const { status, headers, body } = bareProblem(400, NO_HOST.slug, NO_HOST.detail);
  logged(log, status, NO_HOST.slug);
  res.writeHead(status, headers).end(body);
  return true;
}

/**
 * The adapter's error handler: a request it could not build is a client's error (400); anything else
 * the app let escape is the server's (500), logged by its name only, since its message may quote input.
 */
export function onRequestError(log: Log) {
  return (err: unknown): Response => {
    const { slug, detail, status } =
      err instanceof RequestError
        ? { ...reasonOf(err), status: 400 }
        : { slug: "internal-error", detail: "The server failed to answer this request.", status: 500 };
    logged(log, status, err instanceof RequestError ? slug : `unhandled ${err instanceof Error ? err.name : typeof err}`);
    const problem = bareProblem(status, slug, detail);
    return new Response(problem.body, { status, headers: problem.headers });
  };
}
