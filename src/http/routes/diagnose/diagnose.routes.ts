import { createRoute, z } from "@hono/zod-openapi";
import { diagnoseLimitSchema } from "../../../engine/diagnose-input";
import { wholeNumber } from "../../../whole-number";
import {
  answerHeaders,
  busyRetryAfterHeader,
  nodeTransportProblems,
  problemContent,
  rateLimitHeaders,
  retryAfterHeader,
} from "../../schemas/content";
import { diagnoseBodySchema, SEED_LOG } from "../../schemas/diagnose-body";
import { servedDiagnosisSchema } from "../../schemas/diagnosis.schema";

/**
 * The raw-bundle media types. Typed as empty on purpose: Hono infers the JSON input of a route (and of
 * the typed client) only when every media type of the body has a zod schema, and a form type must
 * not get one (it would be parsed as a form). They are still documented and accepted at run time.
 */
const rawBundleContent: Record<never, never> = {
  "text/plain": { schema: z.string().openapi({ example: `$ uname -r\n5.15.0-127-generic\n${SEED_LOG}` }) },
  // Never parsed as a form: `curl --data-binary @bundle.txt` sends this type with the raw bytes.
  "application/x-www-form-urlencoded": { schema: { type: "string", description: "The raw bundle, read as text/plain." } },
};

const diagnoseQuerySchema = z.strictObject({
  limit: wholeNumber().pipe(diagnoseLimitSchema).optional().openapi({
    type: "integer",
    minimum: 1,
    maximum: 100,
    description: "At most this many findings and advisories each (default 10); a JSON body's `limit` wins.",
  }),
});

const BODY_DESCRIPTION = "A raw bundle (text/plain; curl's default form type is read the same way) or structured fields (JSON).";

/**
 * The body as the served route declares it (diagnose.index.ts): every media type as it is sent, none with a schema
 * for Hono to validate; service/json-body.ts reads JSON with diagnoseBodySchema.
 */
export const diagnoseBodyAsSent = {
  description: BODY_DESCRIPTION,
  content: { "application/json": { schema: { $ref: "#/components/schemas/DiagnoseInput" } }, ...rawBundleContent },
};

export const diagnose = createRoute({
  method: "post",
  path: "/diagnose",
  tags: ["Diagnosis"],
  summary: "Match logs and versions to known bugs: ranked root causes, evidence and fixes",
  description:
    "Send a raw bundle as text/plain (sections such as `uname -a`, os-release and `kubectl get nodes -o wide` are found by shape; the rest is logs), or the fields as JSON. `Accept: text/plain` ranked above JSON returns the compact text report.",
  request: {
    query: diagnoseQuerySchema,
    body: {
      description: BODY_DESCRIPTION,
      content: { "application/json": { schema: diagnoseBodySchema }, ...rawBundleContent },
    },
  },
  responses: {
    200: {
      description: "The diagnosis: JSON, or the compact text report when text/plain is preferred.",
      headers: { ...answerHeaders, ...rateLimitHeaders },
      content: {
        "application/json": { schema: servedDiagnosisSchema },
        "text/plain": { schema: z.string() },
      },
    },
    400: problemContent("A query parameter is invalid, or the JSON is malformed."),
    413: problemContent(
      "The body, as sent or decompressed, or its lines, node rows or hosts, are over the limits (src/http/limits.ts), or the hosts' bundles together are (`hosts-too-large`).",
    ),
    415: problemContent("The body is neither JSON nor text, or its Content-Encoding is not supported here."),
    422: problemContent(
      "The JSON body has invalid fields (hosts: too many, a name twice, an empty bundle) or far more members than a request holds (`json-too-complex`), or the text body is empty.",
    ),
    429: problemContent("Too many requests from this client; Retry-After says when to try again.", {
      ...retryAfterHeader,
      ...rateLimitHeaders,
    }),
    503: problemContent(
      "No knowledge base has been imported yet or the database has not been migrated (the detail says what to run), or the diagnosis ran over its time budget or every thread is busy (Retry-After).",
      busyRetryAfterHeader,
    ),
    ...nodeTransportProblems,
  },
});
