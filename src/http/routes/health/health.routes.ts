import { createRoute, z } from "@hono/zod-openapi";
import { jsonContent, nodeHeadProblems, problemContent } from "../../schemas/content";

const healthSchema = z
  .object({
    status: z.literal("ok"),
    kb: z.object({
      version: z.string().openapi({ example: "kb-0123456789abcdef" }),
      records: z.number().int(),
      importedAt: z.string().openapi({ format: "date-time" }),
      warning: z.string().optional().openapi({
        description:
          "Present when this version is not what the deployment's data/ holds: start-up could not import data/ (invalid records, a read-only or busy store) and serves the version the store had.",
        example: "data/ was not imported at start (2 problems in its records); serving the previous knowledge base",
      }),
    }),
  })
  .openapi("Health");

export const health = createRoute({
  method: "get",
  path: "/health",
  tags: ["Service"],
  summary: "Is the service up, and which knowledge base does it serve?",
  responses: {
    200: jsonContent(healthSchema, "The service answers with this knowledge base."),
    ...nodeHeadProblems,
    503: problemContent(
      "No knowledge base has been imported yet (`kb-not-loaded`), the database has not been migrated (`schema-missing`), a request met the database damaged (`store-damaged`) or its schema changed under the process by another build's import or a dropped table (`store-schema-changed`), or the Worker's settings are invalid (`misconfigured`, on every route): the detail says what to fix.",
    ),
  },
});
