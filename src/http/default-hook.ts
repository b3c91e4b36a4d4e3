import type { Hook } from "@hono/zod-openapi";
import type { AppEnv } from "./app-env";
import { fieldProblems } from "./field-problems";
import { problemResponse } from "./problem";

/** The one validation hook of every route: zod issues become the API's problem+json (field-problems.ts). */
export const defaultHook: Hook<unknown, AppEnv, string, Response | undefined> = (result, c) => {
  if (result.success) return undefined;
  const p = fieldProblems(result.target, result.error.issues);
  return problemResponse(c, p.status, p.slug, p.detail, p.errors);
};
