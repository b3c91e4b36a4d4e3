import { describe, expect, it } from "vitest";
import { runExample, untestedSignatures } from "../../src/kb/run-examples";
import { loadDataKb } from "../support/data-kb";

// Every record carries real example logs with an expected outcome; each one is a test.
const kb = await loadDataKb();

describe("knowledge base", () => {
  it("has at least 40 records", () => {
    expect(kb.records.length).toBeGreaterThanOrEqual(40);
  });

  it("exercises every signature with a real example line of its own record", () => {
    expect(untestedSignatures(kb.compiled)).toEqual([]);
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
