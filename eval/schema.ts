import { z } from "zod";

const nonEmpty = z.string().trim().min(1);
const url = z.url({ protocol: /^https?$/ });
const recordId = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, "a record id (kebab-case)");

/** The input exactly as the engine's two doors take it: a raw bundle, or DiagnoseInput fields. */
const fieldsSchema = z
  .object({
    uname: nonEmpty.optional(),
    procVersion: nonEmpty.optional(),
    osRelease: nonEmpty.optional(),
    logs: nonEmpty.optional(),
    nodes: nonEmpty.optional(),
    iptablesVersion: nonEmpty.optional(),
  })
  .strict()
  .refine((f) => Object.keys(f).length > 0, "fields needs at least one field");

const expectSchema = z
  .object({
    /** Single bug: this record must be the first finding. */
    top1: recordId.optional(),
    /** Two bugs: both records among the findings, the root cause first in the list. */
    present: z.array(recordId).min(2).optional(),
    /** Near miss: these look-alike records must not be high. */
    absentHigh: z.array(recordId).min(1).optional(),
    /** Clean log: no high finding at all. */
    noHigh: z.literal(true).optional(),
    /** The version verdict that the report makes knowable, for one record. */
    verdict: z
      .object({ record: recordId, status: z.enum(["affected", "not-affected", "unknown"]), why: nonEmpty })
      .strict()
      .optional(),
  })
  .strict();

export const evalCaseSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9./-]*$/, "lower-case id, e.g. xt-mark/rke2-ubuntu-2404"),
    kind: z.enum(["single", "two-bugs", "near-miss", "clean", "verdict"]),
    /** The public report(s) the text comes from; composites give one per excerpt. */
    urls: z.array(url).min(1),
    /** Two real reports' excerpts put together (two-bugs only). */
    composite: z.boolean().default(false),
    /** Versions as the reporter gave them (uname, kernel, distro, component versions), verbatim. */
    versions: z.record(z.string(), nonEmpty).default({}),
    bundle: nonEmpty.optional(),
    fields: fieldsSchema.optional(),
    expect: expectSchema,
    /** Provenance: who reported what, where in the thread, what was trimmed. */
    note: nonEmpty,
  })
  .strict()
  .superRefine((c, ctx) => {
    const issue = (message: string, path: string[] = []) => ctx.addIssue({ code: "custom", message, path });
    if ((c.bundle === undefined) === (c.fields === undefined)) issue("give exactly one of bundle or fields");
    const e = c.expect;
    if (c.kind === "single" && !e.top1) issue("a single-bug case needs expect.top1", ["expect"]);
    if (c.kind === "two-bugs" && !e.present) issue("a two-bugs case needs expect.present (two record ids)", ["expect"]);
    if (c.kind === "near-miss" && !e.absentHigh) issue("a near-miss case needs expect.absentHigh", ["expect"]);
    if (c.kind === "clean" && !e.noHigh) issue("a clean case needs expect.noHigh: true", ["expect"]);
    if (c.kind === "verdict" && !e.verdict) issue("a verdict case needs expect.verdict", ["expect"]);
    if (c.composite && c.kind !== "two-bugs") issue("only two-bugs cases are composites", ["composite"]);
    if (c.composite && c.urls.length < 2) issue("a composite names the URL of every excerpt", ["urls"]);
  });

export type EvalCase = z.infer<typeof evalCaseSchema>;
export const caseFileSchema = z.object({ cases: z.array(evalCaseSchema).min(1) }).strict();
