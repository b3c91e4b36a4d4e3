import { z } from "zod";

const field = z.string();

/** JSON body of POST /diagnose: each field a string exactly as the user copied it. */
export const diagnoseBodySchema = z
  .strictObject({
    uname: field.optional(),
    procVersion: field.optional(),
    osRelease: field.optional(),
    logs: field.optional(),
    nodes: field.optional(),
    iptablesVersion: field.optional(),
    limit: z.number().int().min(1).max(100).optional(),
  })
  .refine((b) => [b.uname, b.procVersion, b.osRelease, b.logs, b.nodes, b.iptablesVersion].some((v) => v?.trim()), {
    message: "send at least one of logs, uname, procVersion, osRelease, nodes, iptablesVersion",
  });

export const diagnoseQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
