import { z } from "zod";
import { diagnoseFieldsShape } from "../engine/diagnose-input";

/**
 * The curated bug record: one YAML file per bug in data/bugs/<id>.yaml.
 * Every fact carries its own `source` and an explicit `verified` flag, because the API has to say
 * which facts it leaned on were unconfirmed.
 */

const url = z.url({ protocol: /^https?$/ });
/** Kebab-case; dots are allowed so version-named ids such as "debian-6.1.64-ext4-dio-corruption" stay as the leads named them. */
const slug = z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, "must be a kebab-case slug (a-z, 0-9, dashes and dots)");
const nonEmpty = z.string().trim().min(1);

export const referenceSchema = z.strictObject({
  url,
  title: nonEmpty,
  /** primary = the upstream commit, the distro bug or advisory, or the project's own issue. */
  kind: z.enum(["commit", "advisory", "distro-bug", "issue", "mailing-list", "docs", "report", "blog"]),
  primary: z.boolean().default(false),
});

export const aliasSchema = z.strictObject({
  value: nonEmpty,
  kind: z.enum(["cve", "commit", "distro-bug", "issue", "ghsa", "usn", "other"]),
  /** false = "reported": someone cited it, but we could not confirm it. */
  verified: z.boolean(),
  source: url,
  note: nonEmpty.optional(),
});

export const commitSchema = z.strictObject({
  role: z.enum(["introduced", "fixed"]),
  /** e.g. "torvalds/linux", "kubernetes/kubernetes", "opencontainers/runc" */
  repo: nonEmpty,
  id: z.string().regex(/^[0-9a-f]{7,40}$/, "must be a lowercase hex commit id (7 to 40 characters)"),
  title: nonEmpty,
  /** Release(s) that first contain this commit, e.g. "6.12" or "5.15.170". */
  versions: z.array(nonEmpty).default([]),
  verified: z.boolean(),
  source: url,
  note: nonEmpty.optional(),
});

/**
 * OSV-style events: affected when introduced <= v < fixed (or v <= lastAffected). A `lastAffected`
 * marked `verified: false` means "the last version known to be affected": later versions are judged
 * unknown, not fixed.
 */
export const rangeSchema = z
  .strictObject({
    introduced: nonEmpty.default("0"),
    fixed: nonEmpty.optional(),
    lastAffected: nonEmpty.optional(),
    verified: z.boolean(),
    source: url,
    note: nonEmpty.optional(),
  })
  .refine((r) => !(r.fixed && r.lastAffected), { message: "give either fixed or lastAffected, not both" });

/**
 * Ecosystems:
 * - "linux": upstream kernel versions (stable branches as separate ranges, e.g. 5.15.168 to 5.15.170);
 * - "<distro>:<release>" for distro packages: ubuntu:22.04, debian:12 (dpkg), rhel:9, fedora:41,
 *   amzn:2, amzn:2023 (rpm), arch (pacman);
 * - a component name for userland versions: kubernetes, iptables, containerd, runc, docker, systemd, ...
 */
export const affectedSchema = z.strictObject({
  ecosystem: z.string().regex(/^[a-z0-9][a-z0-9._-]*(?::[a-z0-9._-]+)?$/, 'must look like "linux", "ubuntu:22.04" or "containerd"'),
  /** Source package for distros (linux, linux-azure, linux-hwe-6.8, kernel); component name otherwise. */
  package: nonEmpty,
  ranges: z.array(rangeSchema).min(1),
  note: nonEmpty.optional(),
});

export const signatureSchema = z.strictObject({
  id: slug,
  kind: z.enum(["literal", "regex"]),
  /** Literal text, or an RE2-syntax regex (linear time; no backreferences or lookaround). */
  pattern: z.string().min(4),
  /** How strongly one matching line points at this bug, in (0, 1]. */
  weight: z.number().gt(0).lte(1),
  caseSensitive: z.boolean().default(false),
  description: nonEmpty.optional(),
  source: url,
});

/** An example's inputs are the engine's diagnose fields, except `logs`, which examples call `log`. */
export const exampleFieldsSchema = z.object(diagnoseFieldsShape).omit({ logs: true });

export const exampleSchema = z.strictObject({
  title: nonEmpty,
  source: url,
  ...exampleFieldsSchema.shape,
  log: z.string().default(""),
  /** top1: this bug ranks first; present: among the findings; absent: not matched with high confidence. */
  expect: z.enum(["top1", "present", "absent"]),
  verdict: z.enum(["affected", "not-affected", "unknown"]).optional(),
  note: nonEmpty.optional(),
});

export const bugRecordSchema = z
  .strictObject({
    id: slug,
    title: nonEmpty,
    summary: nonEmpty,
    components: z.array(nonEmpty).min(1),
    aliases: z.array(aliasSchema).default([]),
    commits: z.array(commitSchema).default([]),
    affected: z.array(affectedSchema).default([]),
    signatures: z.array(signatureSchema).min(1),
    rootCause: nonEmpty,
    fix: nonEmpty,
    reboot: z.enum(["required", "not-required", "depends"]),
    workarounds: z.array(nonEmpty).default([]),
    references: z.array(referenceSchema).min(2),
    examples: z.array(exampleSchema).min(1),
    /** Facts we could not confirm, in words; shown by the API whenever it uses this record. */
    unverified: z.array(nonEmpty).default([]),
  })
  .superRefine((r, ctx) => {
    if (!r.references.some((ref) => ref.primary)) {
      ctx.addIssue({ code: "custom", path: ["references"], message: "needs at least one primary reference" });
    }
    const positives = r.examples.filter((e) => e.expect !== "absent").length;
    if (positives < 2)
      ctx.addIssue({
        code: "custom",
        path: ["examples"],
        message: `needs at least 2 positive examples (top1 or present), has ${positives}`,
      });
    if (positives === r.examples.length)
      ctx.addIssue({ code: "custom", path: ["examples"], message: "needs at least 1 negative example (expect: absent)" });
    const seen = new Set<string>();
    r.signatures.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: "custom", path: ["signatures", i, "id"], message: `duplicate signature id "${s.id}"` });
      seen.add(s.id);
    });
  });

export type BugRecord = z.infer<typeof bugRecordSchema>;
export type BugRecordInput = z.input<typeof bugRecordSchema>;
export type Signature = z.infer<typeof signatureSchema>;
export type AffectedEntry = z.infer<typeof affectedSchema>;
export type VersionRange = z.infer<typeof rangeSchema>;
export type Example = z.infer<typeof exampleSchema>;
