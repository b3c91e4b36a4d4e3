import { createRoute, z } from "@hono/zod-openapi";
import type { KbCoverage } from "../../../db/kb-stats";
import { jsonContent, nodeHeadProblems, problemContent } from "../../schemas/content";
import type { Equal, Expect } from "../../schemas/type-equal";

const counts = (what: string) => z.record(z.string(), z.number().int()).openapi({ description: `How many ${what}, by kind.` });

const coverageSchema = z.object({
  ecosystems: z.array(z.object({ ecosystem: z.string(), records: z.number().int(), ranges: z.number().int() })),
  aliases: counts("aliases (cve, distro-bug, commit, ...)"),
  commits: counts("introducing and fixing commits"),
  signatures: counts("log signatures (literal, regex)"),
  references: counts("references (commit, advisory, issue, ...)"),
  examples: counts("examples (top1, present, absent)"),
});

type _Checks = [Expect<Equal<z.infer<typeof coverageSchema>, KbCoverage>>];

const kbSchema = z
  .object({
    kb: z.object({ version: z.string(), records: z.number().int(), importedAt: z.string() }),
    coverage: coverageSchema,
  })
  .openapi("KnowledgeBase");

export const kb = createRoute({
  method: "get",
  path: "/kb",
  tags: ["Known bugs"],
  summary: "What the knowledge base covers: ecosystems, aliases, commits, signatures, references, examples",
  responses: {
    200: jsonContent(kbSchema, "The loaded knowledge base and what it covers."),
    ...nodeHeadProblems,
    503: problemContent(
      "No knowledge base has been imported yet (`kb-not-loaded`), or the database has not been migrated (`schema-missing`): the detail says what to run.",
    ),
  },
});
