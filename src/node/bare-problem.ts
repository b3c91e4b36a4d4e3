import { problemBody } from "../http/problem";

/**
 * A problem answered outside the app (before or without a Hono context: Node's parser refused the
 * request, or no web Request could be built from it), in the API's one error shape. By default the
 * connection is closed after it: a client whose framing was refused may have sent more that would be
 * misread. A request whose framing was sound keeps it (`close: false`).
 */
export interface BareProblem {
  status: number;
  title: string;
  headers: Record<string, string>;
  body: string;
}

export function bareProblem(status: number, slug: string, detail: string, { close = true } = {}): BareProblem {
  const problem = problemBody(status, slug, detail);
  const body = JSON.stringify(problem);
  return {
    status,
    title: problem.title,
    headers: {
      "Content-Type": "application/problem+json",
      "Content-Length": String(Buffer.byteLength(body)),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      ...(close ? { Connection: "close" } : {}),
    },
    body,
  };
}
