import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { printable } from "../engine/report-text";

/** RFC 9457 problem details: the one error shape of the whole API. */
export const problemSchema = z
  .object({
    type: z.string().openapi({ example: "https://known-bugs.dev/problems/invalid-fields" }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    /** Field-level problems, with paths such as "logs" or "nodes". */
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi("Problem");

export type Problem = z.infer<typeof problemSchema>;

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  404: "Not Found",
  405: "Method Not Allowed",
  408: "Request Timeout",
  413: "Content Too Large",
  414: "URI Too Long",
  415: "Unsupported Media Type",
  417: "Expectation Failed",
  422: "Unprocessable Content",
  431: "Request Header Fields Too Large",
  429: "Too Many Requests",
  500: "Internal Server Error",
  501: "Not Implemented",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** Thrown anywhere in a request; the app's one onError handler renders it. */
export class ProblemError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly slug: string,
    detail: string,
    readonly errors?: Problem["errors"],
    /** Extra response headers, e.g. Retry-After on 429 and 503. */
    readonly headers?: Record<string, string>,
  ) {
    super(detail);
  }
}

/** A problem's body; `instance` and `requestId` only where a request was read far enough to have them. */
export function problemBody(
  status: number,
  slug: string,
  detail: string,
  more: Pick<Problem, "instance" | "requestId" | "errors"> = {},
): Problem {
  // Details quote what the sender chose (a form's field name, a JSON key): its control and bidirectional characters are
  // shown as escapes, not obeyed by the page or terminal that shows the problem (review 62f F3).
  return {
    type: `https://known-bugs.dev/problems/${slug}`,
    title: TITLES[status] ?? "Error",
    status,
    detail: printable(detail),
    ...(more.instance ? { instance: more.instance } : {}),
    ...(more.requestId ? { requestId: more.requestId } : {}),
    ...(more.errors?.length ? { errors: more.errors.map((e) => ({ ...e, path: printable(e.path), message: printable(e.message) })) } : {}),
  };
}

export function problemResponse(
  c: Context,
  status: ContentfulStatusCode,
  slug: string,
  detail: string,
  errors?: Problem["errors"],
  headers?: Record<string, string>,
) {
  const requestId = c.get("requestId") as string | undefined;
  // The access log names the problem: an operator tells a full queue from a job over its budget (review 33a).
  c.set("problem", slug);
  const body = problemBody(status, slug, detail, {
    instance: new URL(c.req.url).pathname,
    ...(requestId ? { requestId } : {}),
    ...(errors ? { errors } : {}),
  });
  return c.body(JSON.stringify(body), status, { ...headers, "Content-Type": "application/problem+json" });
}

/**
 * The server is stopping (a deploy, a restart) and could not finish this job: no time budget spent, nothing to shrink
 * (review 68e F4: a queued six-line paste was told it "took longer than 10000 ms"; send a smaller bundle).
 */
export const RESTARTING = "restarting";
export const restartingProblem = () =>
  new ProblemError(503, RESTARTING, "known-bugs is restarting; ask again in a few seconds.", undefined, { "Retry-After": "5" });
