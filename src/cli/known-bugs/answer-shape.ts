/**
 * What the CLI reads of a server's answers, checked loosely: a server newer than this CLI may add
 * fields, one older may lack later ones, and either is still an answer; anything else (a proxy's
 * JSON, a different service) ends in one line and exit 3, never in a TypeError while rendering.
 */
import { z } from "zod";
import { CliError, EXIT } from "./exit-codes";

/** The answer as `shape` reads it, or the CliError that names what it was not. */
export function checkedAnswer<T extends z.ZodType>(url: string, json: unknown, shape: T, what: string): z.output<T> {
  const checked = shape.safeParse(json);
  if (checked.success) return checked.data;
  const issue = checked.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
  throw new CliError(EXIT.server, `${url} answered with something other than ${what} (${where}${issue?.message ?? "invalid"})`);
}

/** A fact's level; one a newer server names and this CLI does not know falls back to `verified`. */
const level = {
  evidence: z.enum(["verified", "corroborated", "reported"]).optional().catch(undefined),
  verified: z.boolean().optional().catch(undefined),
};

const verdict = z.looseObject({ status: z.string(), reason: z.string().catch("") });

const finding = z.looseObject({
  id: z.string(),
  title: z.string().catch(""),
  confidence: z.string(),
  score: z.number().catch(0),
  verdict,
  evidence: z.array(z.looseObject({ kind: z.string() })).catch([]),
  unverified: z.array(z.string()).catch([]),
  references: z.array(z.string()).catch([]),
  fix: z.string().catch(""),
  reboot: z.string().catch("unknown"),
});

/**
 * `POST /diagnose`: what the report and `--fail-on` read (src/engine/report-text.ts): a kb, findings with an
 * id, a confidence and a verdict. A pinned CLI must keep failing the build on a newer server's findings.
 */
export const diagnosisAnswer = z.looseObject({
  kb: z.looseObject({ version: z.string(), records: z.number().catch(0) }),
  facts: z.looseObject({ kernel: z.unknown().catch(null), os: z.unknown().catch(null), nodes: z.array(z.unknown()).catch([]) }).catch({
    kernel: null,
    os: null,
    nodes: [],
  }),
  findings: z.array(finding),
  advisories: z.array(finding).catch([]),
  nodes: z
    .array(
      z.looseObject({
        outlier: z.boolean().catch(false),
        findings: z.array(z.string()).catch([]),
        differs: z.array(z.string()).catch([]),
      }),
    )
    .catch([]),
  closest: z
    .array(
      z.looseObject({
        id: z.string(),
        title: z.string().catch(""),
        sharedWords: z.array(z.string()).catch([]),
        verdict: verdict.optional().catch(undefined),
      }),
    )
    .catch([]),
  rootCause: z
    .looseObject({ id: z.string(), reason: z.string().catch("") })
    .nullable()
    .catch(null),
  // An older server sends none; a malformed list is dropped rather than breaking the report.
  notes: z.array(z.string()).optional().catch(undefined),
});

/** `GET /bugs`: what `known-bugs search` prints. */
export const searchAnswer = z.looseObject({
  items: z.array(
    z.looseObject({
      id: z.string(),
      title: z.string().catch(""),
      components: z.array(z.string()).catch([]),
      // An older server sends none; a malformed one is dropped rather than failing the search.
      idMatches: z
        .array(
          z.looseObject({ value: z.string(), kind: z.string(), status: z.enum(["verified", "corroborated", "reported", "misreported"]) }),
        )
        .optional()
        .catch(undefined),
    }),
  ),
  total: z.number().optional().catch(undefined),
});

/** `GET /bugs/:id`'s record: what `known-bugs show` prints. */
export const shownRecord = z.looseObject({
  id: z.string(),
  title: z.string().catch(""),
  summary: z.string().catch(""),
  components: z.array(z.string()).catch([]),
  aliases: z
    .array(z.looseObject({ value: z.string(), kind: z.string().catch(""), note: z.string().optional().catch(undefined), ...level }))
    .catch([]),
  affected: z
    .array(
      z.looseObject({
        ecosystem: z.string(),
        package: z.string(),
        ranges: z.array(
          z.looseObject({
            introduced: z.string(),
            fixed: z.string().optional().catch(undefined),
            lastAffected: z.string().optional().catch(undefined),
            introducedEvidence: z.string().optional().catch(undefined),
            fixedEvidence: z.string().optional().catch(undefined),
            symptoms: z.array(z.string()).optional().catch(undefined),
            ...level,
          }),
        ),
      }),
    )
    .catch([]),
  rootCause: z.string().catch(""),
  fix: z.string().catch(""),
  reboot: z.string().catch("unknown"),
  workarounds: z.array(z.string()).catch([]),
  unverified: z.array(z.string()).catch([]),
  references: z.array(z.looseObject({ url: z.string(), title: z.string().catch("") })).catch([]),
});
export type ShownRecord = z.output<typeof shownRecord>;
export const bugAnswer = z.looseObject({ bug: shownRecord });
