import { z } from "zod";

/**
 * The one definition of what a user sends for a diagnosis: structured fields, each a string exactly
 * as they copied it. The engine's `DiagnoseInput`, the facts fields, the HTTP contract (which adds
 * OpenAPI metadata) and the record examples are all derived from these fields.
 */
export const diagnoseFieldsShape = {
  /** `uname -a` (or `uname -r`) output; several lines = several hosts. */
  uname: z.string().optional(),
  /** `cat /proc/version` output. */
  procVersion: z.string().optional(),
  /** `cat /etc/os-release` output. */
  osRelease: z.string().optional(),
  /** Log lines: journal, dmesg, container logs, or a whole bundle. */
  logs: z.string().optional(),
  /** `kubectl get nodes -o wide` output. */
  nodes: z.string().optional(),
  /** `iptables --version` (or ip6tables/-restore) output. */
  iptablesVersion: z.string().optional(),
};

export const DIAGNOSE_FIELDS = Object.keys(diagnoseFieldsShape) as Array<keyof typeof diagnoseFieldsShape>;

/** At most this many findings and advisories each. */
export const diagnoseLimitSchema = z.number().int().min(1).max(100);

export const diagnoseInputSchema = z.strictObject({
  ...diagnoseFieldsShape,
  limit: diagnoseLimitSchema.optional(),
});

export type DiagnoseInput = z.infer<typeof diagnoseInputSchema>;
/** The text fields alone: what fact extraction reads. */
export type DiagnoseFields = Omit<DiagnoseInput, "limit">;
