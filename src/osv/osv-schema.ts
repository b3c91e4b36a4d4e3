import { z } from "zod";

/**
 * The OSV fields this project emits, as zod. Written from the OSV schema 1.7.5
 * (https://ossf.github.io/osv-schema/ and its JSON Schema, validation/schema.json in ossf/osv-schema):
 * no npm package ships that JSON Schema, and tests may not download it. Each constraint below is one
 * the JSON Schema states; fields we never emit (severity, credits, upstream, withdrawn) are left out.
 */
export const OSV_SCHEMA_VERSION = "1.7.5";

/** The ecosystems OSV 1.7.5 defines (`$defs.ecosystemName`), as a `name` or `name:suffix` pattern. */
const OSV_ECOSYSTEMS =
  "AlmaLinux|Alpaquita|Alpine|Android|Azure Linux|BellSoft Hardened Containers|Bioconductor|Bitnami|Chainguard|CleanStart|ConanCenter|CRAN|crates\\.io|Debian|Docker Hardened Images|Echo|FreeBSD|GHC|GitHub Actions|Go|Hackage|Hex|Julia|Kubernetes|Linux|Mageia|Maven|MinimOS|npm|NuGet|opam|openEuler|openSUSE|OSS-Fuzz|Packagist|Photon OS|Pub|PyPI|Red Hat|Rocky Linux|Root|RubyGems|SUSE|SwiftURL|TuxCare|Ubuntu|VSCode|Wolfi|GIT";

/** RFC 3339 in UTC ending in "Z" (`$defs.timestamp`). */
const timestamp = z
  .string()
  .regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?Z$/, "an RFC 3339 UTC time ending in Z");
const fullCommit = /^(0|[a-f0-9]{40}|[a-f0-9]{64})$/;
const databaseSpecific = z.record(z.string(), z.unknown());

const eventSchema = z.union([
  z.strictObject({ introduced: z.string() }),
  z.strictObject({ fixed: z.string() }),
  z.strictObject({ last_affected: z.string() }),
  z.strictObject({ limit: z.string() }),
]);

const rangeSchema = z
  .strictObject({
    type: z.enum(["GIT", "SEMVER", "ECOSYSTEM"]),
    repo: z.string().optional(),
    events: z.array(eventSchema).min(1),
    database_specific: databaseSpecific.optional(),
  })
  .superRefine((r, ctx) => {
    if (!r.events.some((e) => "introduced" in e))
      ctx.addIssue({ code: "custom", path: ["events"], message: "events must contain an introduced event" });
    if (r.events.some((e) => "last_affected" in e) && r.events.some((e) => "fixed" in e))
      ctx.addIssue({ code: "custom", path: ["events"], message: "last_affected and fixed events are mutually exclusive" });
    if (r.type === "GIT") {
      if (!r.repo) ctx.addIssue({ code: "custom", path: ["repo"], message: "GIT ranges require a repo" });
      for (const [i, e] of r.events.entries()) {
        if (!fullCommit.test(Object.values(e)[0] ?? ""))
          ctx.addIssue({ code: "custom", path: ["events", i], message: "GIT ranges must use full-length commit hashes" });
      }
    }
  });

const osvAffectedSchema = z.strictObject({
  package: z
    .strictObject({
      ecosystem: z.string().regex(new RegExp(`^(${OSV_ECOSYSTEMS})(:.+)?$`), "an ecosystem OSV defines"),
      name: z.string(),
      purl: z.string().optional(),
    })
    .optional(),
  ranges: z.array(rangeSchema).optional(),
  versions: z.array(z.string()).optional(),
  ecosystem_specific: databaseSpecific.optional(),
  database_specific: databaseSpecific.optional(),
});

const osvReferenceSchema = z.strictObject({
  type: z.enum(["ADVISORY", "ARTICLE", "DETECTION", "DISCUSSION", "REPORT", "FIX", "INTRODUCED", "GIT", "PACKAGE", "EVIDENCE", "WEB"]),
  url: z.url(),
});

/** Ids: a known database prefix, or `x_` for a local database that OSV.dev does not aggregate. */
export const osvRecordSchema = z.strictObject({
  schema_version: z.string(),
  id: z.string().regex(/^x_[A-Za-z0-9]+-\S+$/, 'a local id: "x_<DB>-<ENTRYID>"'),
  modified: timestamp,
  published: timestamp.optional(),
  aliases: z.array(z.string()).optional(),
  related: z.array(z.string()).optional(),
  summary: z.string().optional(),
  details: z.string().optional(),
  affected: z.array(osvAffectedSchema).optional(),
  references: z.array(osvReferenceSchema).optional(),
  database_specific: databaseSpecific.optional(),
});

export type OsvRecord = z.infer<typeof osvRecordSchema>;
export type OsvAffected = z.infer<typeof osvAffectedSchema>;
export type OsvReference = z.infer<typeof osvReferenceSchema>;
