import type { Hook } from "@hono/zod-openapi";
import type { AppEnv } from "./app-env";
import { problemResponse } from "./problem";

const WHAT = { json: "the JSON body", query: "the query string", param: "the path", header: "the headers" } as const;

/**
 * The one validation hook of every route: zod issues become the API's problem+json, each with the
 * path of the field it is about. A bad JSON body is 422 (well-formed but wrong); anything else is 400.
 */
export const defaultHook: Hook<unknown, AppEnv, string, Response | undefined> = (result, c) => {
  if (result.success) return undefined;
  const errors = result.error.issues.map((i) => ({ path: i.path.join(".") || "(root)", message: i.message }));
  const status = result.target === "json" ? 422 : 400;
  const what = WHAT[result.target as keyof typeof WHAT] ?? `the ${result.target}`;
  return problemResponse(c, status, "invalid-fields", `${what} has invalid fields: ${errors.map((e) => e.path).join(", ")}`, errors);
};
