import { createRoute, z } from "@hono/zod-openapi";
import type { FeedbackByRecord } from "../../db/chat-queries";
import { jsonContent, problemContent, retryAfterHeader } from "../../http/schemas/content";
import type { Equal, Expect } from "../../http/schemas/type-equal";

const feedbackByRecordSchema = z
  .object({
    findingId: z.string().openapi({ example: "xt-mark-ipv6-typo-2024" }),
    right: z.number().int(),
    wrong: z.number().int(),
    wrongShare: z.number().openapi({ description: "wrong / (right + wrong), three decimals." }),
    lastVoteAt: z.string().openapi({ format: "date-time" }),
    kbVersions: z.array(z.string()).openapi({ description: "Knowledge-base versions the votes were cast on, newest vote first." }),
    wrongByVerdict: z.record(z.string(), z.number().int()).openapi({ description: "Wrong votes per verdict the answer gave." }),
  })
  .openapi("FeedbackByRecord");

type _Checks = [Expect<Equal<z.infer<typeof feedbackByRecordSchema>, FeedbackByRecord>>];

const feedbackSummarySchema = z.object({ votes: z.number().int(), records: z.array(feedbackByRecordSchema) }).openapi("FeedbackSummary");

export const feedbackSummary = createRoute({
  method: "get",
  path: "/feedback/summary",
  tags: ["Chat"],
  summary: "Which records draw wrong votes from the chat answers",
  security: [{ feedbackToken: [] }],
  description:
    "Only with FEEDBACK_TOKEN set, for `Authorization: Bearer <FEEDBACK_TOKEN>`. Votes from the Right / Wrong buttons of the Slack and Discord answers, per record, most wrong votes first. Only the finding, its verdict, the knowledge-base version, the platform and the time are kept: never the pasted text, never who voted.",
  responses: {
    200: jsonContent(feedbackSummarySchema, "Votes per record."),
    401: problemContent("No `Authorization: Bearer` with the service's FEEDBACK_TOKEN.", {
      "WWW-Authenticate": { description: "Bearer", schema: { type: "string" } },
    }),
    404: problemContent("FEEDBACK_TOKEN is not set: the summary is off (`npm run kb:feedback` reads it from the database)."),
    429: problemContent("Too many requests from this client (RATE_LIMIT_PER_MINUTE, as on /diagnose).", retryAfterHeader),
    500: problemContent("The votes could not be read."),
    // Review 62a F4: an unmigrated database answered a 503 the contract did not list.
    503: problemContent(
      "The database has not been migrated (`schema-missing`), or the service is misconfigured (`misconfigured`): the detail says what to run or set.",
    ),
  },
});
