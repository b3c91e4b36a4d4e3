import { createRoute, z } from "@hono/zod-openapi";
import type { BugSummary } from "../../../db/bug-queries";
import { MAX_RECORD_ID, RECORD_ID } from "../../../kb/record-id";
import { bugRecordSchema } from "../../../kb/record-schema";
import { osvRecordSchema } from "../../../osv/osv-schema";
import { wholeNumber } from "../../../whole-number";
import { LIMITS } from "../../limits";
import { jsonContent, nodeHeadProblems, problemContent } from "../../schemas/content";
import { kbStampSchema } from "../../schemas/diagnosis.schema";
import type { Equal, Expect } from "../../schemas/type-equal";

/** A version of any scheme the ranges use (dpkg, rpm with its epoch, pacman, Linux, SemVer-like with a "v"). */
const VERSION_LIKE = /^v?\d[0-9A-Za-z.+~:^_-]*$/;

const listBugsQuerySchema = z
  .strictObject({
    // A control character no log line holds (NUL, ESC…) is a script's mistake: said, not answered "no record" (review
    // 64f F8). Tabs and line breaks are a pasted line's own.
    q: z
      .string()
      .trim()
      .min(1)
      .max(LIMITS.queryChars)
      .regex(/^(?:[\t\n\r]|\P{Cc})*$/u, "a search holds no control characters other than tabs and line breaks")
      .optional()
      .openapi({
        description:
          "Full-text search over titles, summaries, aliases, signatures and commit ids. A whole error line may be given: of a long one, the distinctive words are searched (not timestamps, hosts or process ids).",
        example: "xor-mark",
      }),
    match: z.enum(["all", "any"]).default("all").openapi({
      description:
        "`all` (default): records holding every word of `q`. `any`: records holding some of them, best first; for an error line pasted whole, whose versions, exit codes or paths no record holds.",
    }),
    // SQLite's LIKE reads its pattern up to a NUL: "%00" matched every record (review 42a F7). No name holds one.
    component: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^\P{Cc}*$/u, "a component's name holds no control characters")
      .optional()
      .openapi({ example: "iptables" }),
    ecosystem: z.string().trim().toLowerCase().min(1).max(100).optional().openapi({
      description:
        "Records with a range in this ecosystem, or, for a distribution release, in a package repository serving it (download.docker.com:deb for Debian and Ubuntu releases: its packages are judged on their hosts).",
      example: "ubuntu:22.04",
    }),
    // A tag as people type it: "V1.30.2" is "v1.30.2", which every scheme reads.
    version: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .transform((v) => v.replace(/^V(?=\d)/, "v"))
      .optional()
      .openapi({
        description:
          "With `ecosystem`: only records whose ranges there contain this version, compared in the ecosystem's own scheme (dpkg, rpm, pacman, upstream Linux with stable branches, SemVer-like).",
        example: "5.15.0-127.137",
      }),
    // A release's packages have their own version streams: a kernel's 5.15.0-127.137 is also "in" runc's open range.
    package: z.string().trim().toLowerCase().min(1).max(100).optional().openapi({
      description:
        'With `ecosystem` and `version`: judge the version only against this package\'s ranges ("linux", "linux-aws", "runc", "containerd.io"). Without it every package of the ecosystem is judged, and `versionMatch.package` names the one that matched.',
      example: "linux",
    }),
    alias: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .openapi({ description: "An alias, exactly (case ignored): CVE, distro bug, issue, USN...", example: "CVE-2024-50038" }),
    commit: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[0-9a-f]{4,40}$/, "a commit id or prefix: 4 to 40 hex digits")
      .optional()
      .openapi({
        description: "A commit id or its prefix: the record's own commits and commit ids that reports cite.",
        example: "0bfcb7b71e73",
      }),
    reference: z.url().max(2000).optional().openapi({ description: "Records citing this source URL, exactly." }),
    unverified: z
      .enum(["true", "false"])
      .transform((v) => v === "true")
      .optional()
      .openapi({ description: "Only records with (true) or without (false) unverified facts." }),
    // Types spelled out: the generator cannot see through the parsing of the query's text.
    limit: wholeNumber().pipe(z.number().min(1).max(200)).default(50).openapi({ type: "integer", minimum: 1, maximum: 200, default: 50 }),
    offset: wholeNumber().default(0).openapi({ type: "integer", minimum: 0, default: 0 }),
  })
  .refine((q) => q.version === undefined || q.ecosystem !== undefined, {
    path: ["version"],
    message: "give the ecosystem too (e.g. ecosystem=ubuntu:22.04): a version is only ordered within its ecosystem",
  })
  // Every scheme orders any string, so "banana" would land in an open-ended range and be answered as certain.
  .refine((q) => q.package === undefined || q.version !== undefined, {
    path: ["package"],
    message: "give the version too (e.g. ecosystem=ubuntu:22.04&package=linux&version=5.15.0-127.137): a package narrows a version query",
  })
  .refine((q) => q.version === undefined || VERSION_LIKE.test(q.version), {
    path: ["version"],
    message: 'not a version: one starts with a digit, after an optional "v" ("5.15.0-127.137", "1:1.7.24-1", "v1.30.2")',
  });

const bugIdParams = z.object({
  id: z
    .string()
    .regex(RECORD_ID, "bug ids are kebab-case slugs")
    .max(MAX_RECORD_ID)
    .openapi({ param: { name: "id", in: "path" }, example: "xt-mark-ipv6-typo-2024" }),
});

const bugSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    summary: z.string(),
    components: z.array(z.string()),
    reboot: z.string(),
    hasUnverified: z.boolean(),
    versionMatch: z
      .object({
        ecosystem: z.string(),
        package: z.string().openapi({ description: 'The package whose range holds the version ("linux", "containerd.io").' }),
        version: z.string(),
        level: z.enum(["verified", "corroborated", "reported"]),
        certain: z.boolean(),
        reason: z.string(),
      })
      .optional()
      .openapi({
        description: "Given with a version filter: how the record's ranges contain it, and how firm the deciding range ends are.",
      }),
    idMatches: z
      .array(
        z.object({
          value: z.string(),
          kind: z.string().openapi({
            description:
              'The alias kind ("cve", "commit", "distro-bug", …) or the role of a commit of the record ("fixed commit", "introduced commit"); empty for another id.',
          }),
          status: z.enum(["verified", "corroborated", "reported", "misreported"]),
          note: z.string().optional(),
        }),
      )
      .optional()
      .openapi({
        description:
          'Given with a search: the record\'s aliases and commits the search names, and how far each is confirmed; "misreported" is an id a field report cited that the sources contradict (the record gives the real one).',
      }),
  })
  .openapi("BugSummary");

type _Checks = [Expect<Equal<z.infer<typeof bugSummarySchema>, BugSummary>>];

const bugListSchema = z
  .object({
    kb: kbStampSchema,
    total: z.number().int(),
    items: z.array(bugSummarySchema),
    limit: z.number().int(),
    offset: z.number().int(),
    searched: z
      .object({ words: z.array(z.string()), of: z.number().int() })
      .optional()
      .openapi({
        description:
          "Present when `q` had more distinct words than a search takes: the words searched (the rarest in the knowledge base) and how many it had. The hits hold these, not necessarily every word of `q`.",
      }),
  })
  .openapi("BugList");

const bugSchema = z.object({ kb: kbStampSchema, bug: bugRecordSchema.meta({ id: "BugRecord" }) }).openapi("Bug");

export const listBugs = createRoute({
  method: "get",
  path: "/bugs",
  tags: ["Known bugs"],
  summary: "Search and filter the known bugs",
  request: { query: listBugsQuerySchema },
  responses: {
    200: jsonContent(bugListSchema, "One page of matching records, best match first when searching."),
    400: problemContent("A query parameter is invalid."),
    ...nodeHeadProblems,
    503: problemContent(
      "No knowledge base has been imported yet (`kb-not-loaded`), or the database has not been migrated (`schema-missing`): the detail says what to run.",
    ),
  },
});

export const getBug = createRoute({
  method: "get",
  path: "/bugs/{id}",
  tags: ["Known bugs"],
  summary: "One whole record: ranges, commits, signatures, references and examples",
  request: { params: bugIdParams },
  responses: {
    200: jsonContent(bugSchema, "The record, with the source and verification of every fact."),
    400: problemContent("The id is not a bug id."),
    404: problemContent("No known bug has this id."),
    ...nodeHeadProblems,
    503: problemContent(
      "No knowledge base has been imported yet (`kb-not-loaded`), or the database has not been migrated (`schema-missing`): the detail says what to run.",
    ),
  },
});

export const getBugOsv = createRoute({
  method: "get",
  path: "/bugs/{id}/osv",
  tags: ["Known bugs"],
  summary: "One record in the OSV format, for OSV tooling and scanners",
  description:
    "OSV 1.7.5 (https://ossf.github.io/osv-schema/): ECOSYSTEM ranges where OSV defines the ecosystem (Linux, Ubuntu, Debian), GIT ranges from paired full-length commits, and the rest (signatures, evidence levels, ecosystems OSV lacks) in database_specific. `modified` is the time the knowledge base was imported. `npm run kb:osv` writes every record.",
  request: { params: bugIdParams },
  responses: {
    200: jsonContent(osvRecordSchema.meta({ id: "OsvRecord" }), "The record as an OSV entry."),
    400: problemContent("The id is not a bug id."),
    404: problemContent("No known bug has this id."),
    ...nodeHeadProblems,
    503: problemContent(
      "No knowledge base has been imported yet (`kb-not-loaded`), or the database has not been migrated (`schema-missing`): the detail says what to run.",
    ),
  },
});
