import { describe, expect, it } from "vitest";
import { buildKnowledgeBase } from "../../src/kb/build-kb";
import { runExample } from "../../src/kb/run-examples";
import { readKbFiles } from "../../src/node/kb-files";

// Every record carries real example logs with an expected outcome; each one is a test.
const built = await buildKnowledgeBase(await readKbFiles("data"));
if (!built.ok) throw new Error(`data/ is invalid:\n${built.problems.map((p) => `${p.file}: ${p.path}: ${p.message}`).join("\n")}`);
const { kb } = built;

describe("knowledge base", () => {
  it("has at least 40 records", () => {
    expect(kb.records.length).toBeGreaterThanOrEqual(40);
  });
});

for (const record of kb.records) {
  describe(record.id, () => {
    record.examples.forEach((example, i) => {
      it(`example ${i + 1} (${example.expect}): ${example.title}`, () => {
        const outcome = runExample(kb.compiled, record, example, i);
        expect(outcome.failure).toBeUndefined();
      });
    });
  });
}
