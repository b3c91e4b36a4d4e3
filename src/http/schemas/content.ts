import type { z } from "@hono/zod-openapi";
import { problemSchema } from "../problem";

/** A JSON response body, for `responses` of createRoute. */
export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** An error answer: always RFC 9457 problem+json. */
export const problemContent = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: problemSchema } },
});
