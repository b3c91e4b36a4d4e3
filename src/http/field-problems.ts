import type { z } from "zod";

/** Field problems listed in one answer, and characters of each message: zod's message for unknown keys names every key. */
const MAX_ERRORS = 20;
const MAX_MESSAGE = 300;

const WHAT = { json: "the JSON body", query: "the query string", param: "the path", header: "the headers" } as const;

export interface FieldProblems {
  status: 400 | 422;
  slug: "invalid-fields";
  detail: string;
  errors: Array<{ path: string; message: string }>;
}

/**
 * zod issues as the API's problem, each with the path of the field it is about: a bad JSON body is 422
 * (well-formed but wrong), anything else 400. One wording for the routes' validators and for a JSON body
 * validated where its diagnosis runs (service/json-body.ts).
 */
export function fieldProblems(target: string, issues: ReadonlyArray<z.core.$ZodIssue>): FieldProblems {
  const errors = issues.slice(0, MAX_ERRORS).map((i) => ({ path: i.path.join(".") || "(root)", message: cut(i.message) }));
  const what = WHAT[target as keyof typeof WHAT] ?? `the ${target}`;
  const more = issues.length > errors.length ? ` and ${issues.length - errors.length} more` : "";
  return {
    status: target === "json" ? 422 : 400,
    slug: "invalid-fields",
    // A field names itself; a problem of the whole (an unknown key, no field at all) says what it is.
    detail: `${what} has invalid fields: ${cut([...new Set(errors.map((e) => (e.path === "(root)" ? e.message : e.path)))].join("; "))}${more}`,
    errors,
  };
}

/** The problem echoes what the client sent only this far: an answer is no copy of a body. */
const cut = (s: string) => (s.length > MAX_MESSAGE ? `${s.slice(0, MAX_MESSAGE - 1)}…` : s);
