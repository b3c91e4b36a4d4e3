import { z } from "zod";

/**
 * The one definition of what a user sends for a diagnosis: structured fields, each a string exactly
 * as they copied it. The engine's `DiagnoseInput`, the facts fields, the HTTP contract (which adds
 * OpenAPI metadata) and the record examples are all derived from these fields.
 */
export const diagnoseFieldsShape = {
  uname: z.string().optional().describe("`uname -a` (or `uname -r`) output; several lines = several hosts."),
  procVersion: z.string().optional().describe("`cat /proc/version` output."),
  osRelease: z.string().optional().describe("`cat /etc/os-release` output."),
  logs: z.string().optional().describe("Log lines (journal, dmesg, container logs), or a whole bundle."),
  nodes: z.string().optional().describe("`kubectl get nodes -o wide` output."),
  iptablesVersion: z.string().optional().describe("`iptables --version` (or ip6tables/-restore) output."),
};

export const diagnoseLimitSchema = z
  .number()
  .int()
  .min(1)
  .max(100)
  .describe("At most this many findings and advisories each (default 10).");

export const diagnoseInputSchema = z.strictObject({
  ...diagnoseFieldsShape,
  limit: diagnoseLimitSchema.optional(),
});

export type DiagnoseInput = z.infer<typeof diagnoseInputSchema>;
/** The text fields alone: what fact extraction reads. */
export type DiagnoseFields = Omit<DiagnoseInput, "limit">;
