import { z } from "zod";

export const listBugsQuerySchema = z.strictObject({
  q: z.string().trim().min(1).max(200).optional(),
  component: z.string().trim().min(1).max(100).optional(),
  ecosystem: z.string().trim().min(1).max(100).optional(),
  unverified: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const bugIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, "bug ids are kebab-case slugs")
  .max(120);
