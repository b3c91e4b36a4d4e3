import { problemBody } from "../http/problem";

/**
 * A problem answered outside the app (before or without a Hono context: Node's parser refused the
 * request, or no web Request could be built from it), in the API's one error shape, with a request id
 * the server made (in the body, X-Request-Id and the log line, as the app's answers have: review 36a)
 * and the API's strict content policy. By default the connection is closed after it: a client whose
 * framing was refused may have sent more that would be misread. A request whose framing was sound
 * keeps it (`close: false`).
 */
export interface BareProblem {
  status: number;
  title: string;
  requestId: string;
  headers: Record<string, string>;
  body: string;
}

export function bareProblem(status: number, slug: string, detail: string, { close = true } = {}): BareProblem {
  const requestId = crypto.randomUUID();
  const problem = problemBody(status, slug, detail, { requestId });
  const body = JSON.stringify(problem);
  return {
    status,
    title: problem.title,
    requestId,
    headers: {
      "Content-Type": "application/problem+json",
      "Content-Length": String(Buffer.byteLength(body)),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
      "X-Request-Id": requestId,
      ...(close ? { Connection: "close" } : {}),
    },
    body,
  };
}
