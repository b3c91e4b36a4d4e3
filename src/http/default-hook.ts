import type { Hook } from "@hono/zod-openapi";
import type { AppEnv } from "./app-env";
import { problemResponse } from "./problem";

/** Field problems listed in one answer, and characters of each message: zod's message for unknown keys names every key. */
const MAX_ERRORS = 20;
const MAX_MESSAGE = 300;

const WHAT = { json: "the JSON body", query: "the query string", param: "the path", header: "the headers" } as const;

/**
 * The one validation hook of every route: zod issues become the API's problem+json, each with the
 * path of the field it is about. A bad JSON body is 422 (well-formed but wrong); anything else is 400.
 */
export const defaultHook: Hook<unknown, AppEnv, string, Response | undefined> = (result, c) => {
  if (result.success) return undefined;
  const issues = result.error.issues;
  const errors = issues.slice(0, MAX_ERRORS).map((i) => ({ path: i.path.join(".") || "(root)", message: cut(i.message) }));
  const status = result.target === "json" ? 422 : 400;
  const what = WHAT[result.target as keyof typeof WHAT] ?? `the ${result.target}`;
  const more = issues.length > errors.length ? ` and ${issues.length - errors.length} more` : "";
  return problemResponse(
    c,
    status,
    "invalid-fields",
    // A field names itself; a problem of the whole (an unknown key, no field at all) says what it is.
    `${what} has invalid fields: ${cut([...new Set(errors.map((e) => (e.path === "(root)" ? e.message : e.path)))].join("; "))}${more}`,
    errors,
  );
};

/** The problem echoes what the client sent only this far: an answer is no copy of a body. */
const cut = (s: string) => (s.length > MAX_MESSAGE ? `${s.slice(0, MAX_MESSAGE - 1)}…` : s);
