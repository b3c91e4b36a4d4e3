import type { z } from "zod";
import { ProblemError } from "./problem";

/** Validates with zod and turns every issue into a field-level problem (status 400 or 422). */
export function validate<S extends z.ZodType>(schema: S, value: unknown, status: 400 | 422, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = result.error.issues.map((i) => ({ path: i.path.join(".") || "(root)", message: i.message }));
  throw new ProblemError(status, "invalid-fields", `${what} has invalid fields: ${errors.map((e) => e.path).join(", ")}`, errors);
}
