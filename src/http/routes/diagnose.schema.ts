import { z } from "zod";
import { HOSTS_LIMITS } from "../../engine/hosts";

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

/** JSON body of POST /diagnose, hosts form: one raw bundle per host (what `known-bugs collect` prints). */
export const diagnoseHostsBodySchema = z.strictObject({
  hosts: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1).max(HOSTS_LIMITS.maxNameLength),
        bundle: z.string(),
      }),
    )
    .min(1),
  limit: z.number().int().min(1).max(100).optional(),
});

export const diagnoseQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
