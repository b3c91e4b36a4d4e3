import { isBlank } from "../../engine/blank-text";
import { DIAGNOSE_FIELDS, diagnoseInputSchema, HOSTS_LIMITS, hostBundlesSchema } from "../../engine/diagnose-input";

export const SEED_LOG =
  'E1205 10:14:33.482910 1 proxier.go:1564] "Failed to execute iptables-restore" err=<\n\texit status 2: Warning: Extension MARK revision 0 not supported, missing kernel module?\n\tip6tables-restore v1.8.7 (nf_tables): unknown option "--xor-mark"\n>';

/**
 * The engine's own input definitions (the fields, or the hosts form), with the HTTP policy on top:
 * at least one field must say something, and `hosts` comes alone (each host's outputs go in its bundle).
 */
export const diagnoseBodySchema = diagnoseInputSchema
  .extend({
    hosts: hostBundlesSchema.optional().meta({
      description: `The hosts form, instead of the fields: one raw bundle per host (what \`known-bugs collect\` prints). Each host is diagnosed, the hosts are compared (\`hosts\` in the answer) and each finding names the hosts it hits. At most ${HOSTS_LIMITS.maxHosts} hosts with unique names and ${HOSTS_LIMITS.maxTotalBytes} bytes of bundles in all (413 beyond).`,
    }),
  })
  .superRefine((b, ctx) => {
    if (b.hosts) {
      for (const f of DIAGNOSE_FIELDS)
        if (b[f] !== undefined)
          ctx.addIssue({ code: "custom", path: [f], message: "not with hosts: put each host's outputs in its bundle" });
    } else if (DIAGNOSE_FIELDS.every((f) => isBlank(b[f] ?? ""))) {
      ctx.addIssue({ code: "custom", path: [], message: `send at least one of ${DIAGNOSE_FIELDS.join(", ")}, or hosts` });
    }
  })
  // zod's own .meta(), not .openapi(): the engine's schema was built by plain zod, maybe before the extension loaded.
  .meta({
    id: "DiagnoseInput",
    description:
      "Each field holds one command's output exactly as copied; `logs` may also hold a whole bundle. Or `hosts` alone: one bundle per host.",
    example: { uname: "5.15.0-127-generic", logs: SEED_LOG },
  });
