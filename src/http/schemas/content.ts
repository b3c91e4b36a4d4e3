import type { z } from "@hono/zod-openapi";
import { problemSchema } from "../problem";

const requestIdHeader = {
  "X-Request-Id": { description: "This request's id; quote it when reporting a problem.", schema: { type: "string" as const } },
};

/** The headers every successful answer of the API routes carries. */
export const answerHeaders = {
  ...requestIdHeader,
  "X-KB-Version": { description: "The knowledge-base version that produced this answer.", schema: { type: "string" as const } },
};

/** A JSON response body, for `responses` of createRoute. */
export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  headers: answerHeaders,
  content: { "application/json": { schema } },
});

/** An error answer: always RFC 9457 problem+json. */
export const problemContent = (description: string) => ({
  description,
  headers: requestIdHeader,
  content: { "application/problem+json": { schema: problemSchema } },
});
