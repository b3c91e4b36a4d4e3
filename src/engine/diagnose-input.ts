import { z } from "zod";

/**
 * The one definition of what a user sends for a diagnosis: structured fields, each a string exactly
 * as they copied it. The engine's `DiagnoseInput`, the facts fields, the HTTP contract (which adds
 * OpenAPI metadata) and the record examples are all derived from these fields.
 */
export const diagnoseFieldsShape = {
  uname: z.string().optional().describe("`uname -a` (or `uname -r`) output; several lines = several hosts."),
  procVersion: z.string().optional().describe("`cat /proc/version` output."),
  osRelease: z
    .string()
    .optional()
    .describe("`cat /etc/os-release` output, `lsb_release -a` output, or a release file's one line (`cat /etc/redhat-release`)."),
  logs: z.string().optional().describe("Log lines (journal, dmesg, container logs), or a whole bundle."),
  nodes: z.string().optional().describe("`kubectl get nodes -o wide` output."),
  iptablesVersion: z.string().optional().describe("`iptables --version` (or ip6tables/-restore) output."),
};

export const DIAGNOSE_FIELDS = Object.keys(diagnoseFieldsShape) as Array<keyof typeof diagnoseFieldsShape>;

/** The most findings (and advisories) one answer lists, and how many it lists when the caller does not say. */
export const MAX_DIAGNOSE_LIMIT = 100;
export const DEFAULT_DIAGNOSE_LIMIT = 10;
export const diagnoseLimitSchema = z
  .number()
  .int()
  .min(1)
  .max(MAX_DIAGNOSE_LIMIT)
  .describe(`At most this many findings and advisories each (default ${DEFAULT_DIAGNOSE_LIMIT}).`);

export const diagnoseInputSchema = z.strictObject({
  ...diagnoseFieldsShape,
  limit: diagnoseLimitSchema.optional(),
});

export type DiagnoseInput = z.infer<typeof diagnoseInputSchema>;

/** The limits of the hosts form, for every door (HTTP, CLI): decided here only. */
export const HOSTS_LIMITS = {
  maxHosts: 100,
  /** Sum of the bundles' sizes in UTF-8 bytes. */
  maxTotalBytes: 8 * 1024 * 1024,
  maxNameLength: 100,
} as const;

/** One host of the hosts form: a name and its raw bundle (what `known-bugs collect` prints). */
export const hostBundleSchema = z.strictObject({
  name: z.string().trim().min(1).max(HOSTS_LIMITS.maxNameLength),
  bundle: z.string(),
});
export type HostBundle = z.infer<typeof hostBundleSchema>;

/** The hosts form: one raw bundle per host, each diagnosed and the hosts compared. */
export const hostBundlesSchema = z.array(hostBundleSchema).min(1).max(HOSTS_LIMITS.maxHosts);
/** The text fields alone: what fact extraction reads. */
export type DiagnoseFields = Omit<DiagnoseInput, "limit">;
