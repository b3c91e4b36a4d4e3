import type { z } from "@hono/zod-openapi";
import { problemSchema } from "../problem";

const text = { type: "string" as const };
const count = { type: "integer" as const, minimum: 0 };

const requestIdHeader = {
  "X-Request-Id": { description: "This request's id; quote it when reporting a problem.", required: true, schema: text },
};

/** The headers every successful answer of the API routes carries. */
export const answerHeaders = {
  ...requestIdHeader,
  "X-KB-Version": { description: "The knowledge-base version that produced this answer.", required: true, schema: text },
};

/** When to try again, on a 429 (a 503 carries it only when busy or over budget: `busyRetryAfterHeader`). */
export const retryAfterHeader = {
  "Retry-After": { description: "Seconds to wait before trying again.", required: true, schema: count },
};

/** The same on a 503: sent when the diagnosis threads are busy or the time budget ran out, not when no store is ready. */
export const busyRetryAfterHeader = {
  "Retry-After": {
    description: "Seconds to wait before trying again: sent when every thread is busy or the time budget ran out (review 64f F4).",
    schema: count,
  },
};

/**
 * The per-client limiter's counts (IETF draft-6 names) on the rate-limited routes' answers. Only the Node server's
 * in-process limiter sends them (when RATE_LIMIT_PER_MINUTE is not 0): the Workers binding reports no counts
 * (review 62a F6: sent, not documented).
 */
export const rateLimitHeaders = {
  "RateLimit-Policy": { description: "Node only: the limit and its window, as `limit;w=seconds`.", schema: text },
  "RateLimit-Limit": { description: "Node only: requests allowed per window.", schema: count },
  "RateLimit-Remaining": { description: "Node only: requests left in this window.", schema: count },
  "RateLimit-Reset": { description: "Node only: seconds until the window resets.", schema: count },
};

/** A JSON response body, for `responses` of createRoute. */
export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  headers: answerHeaders,
  content: { "application/json": { schema } },
});

/** An error answer: always RFC 9457 problem+json; `headers`: any it carries besides the request id. */
export const problemContent = (description: string, headers: object = {}) => ({
  description,
  headers: { ...requestIdHeader, ...headers },
  content: { "application/problem+json": { schema: problemSchema } },
});

/**
 * What the Node server answers before the app sees a request on any route: its parser's 16 KB bound on the request
 * line and headers, said as the URL's (414) when the URL alone passed it (review 68f F2: a long `q` was "send fewer
 * headers", and neither status was in the contract of the GET routes).
 */
export const nodeHeadProblems = {
  414: problemContent(
    "Node only: the URL is longer than 16 KB: shorten it (`q` takes at most 1,000 characters), or POST the text to /diagnose (the connection closes).",
  ),
  431: problemContent("Node only: the request's header block is larger than 16 KB (the connection closes)."),
};

/**
 * What the Node server answers before the app reads a body (src/node/refused-request.ts, client-error.ts), on the
 * routes that take one (review 62a F4/F5: README said so, the contract did not).
 */
export const nodeTransportProblems = {
  408: problemContent(
    "Node only: the request was not received within 60 s (a slow upload): send less, or compress it (the connection closes).",
  ),
  ...nodeHeadProblems,
  417: problemContent("Node only: an Expect header other than 100-continue."),
  501: problemContent(
    "A Transfer-Encoding naming a coding other than chunked (`gzip, chunked`), where the runtime passes that header on (Node does; workerd reads the framing itself, and compressed bytes without Content-Encoding are then a 415): compress with Content-Encoding instead.",
  ),
};
