import { describe, expect, it } from "vitest";
import { unreadEcosystems } from "../../src/kb/reader-coverage";
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

  it("ranges only over components some reader gives a version of, so every range can decide (review 31b)", () => {
    expect(unreadEcosystems(kb.records)).toEqual([]);
    // A record ranging over a component no reader knows is caught.
    const [first] = kb.records;
    if (!first) throw new Error("no records");
    const ranged = { ...first, affected: [{ ...first.affected[0], ecosystem: "no-such-component", package: "x", ranges: [] }] };
    expect(unreadEcosystems([ranged as typeof first])).toEqual([{ recordId: first.id, index: 0, ecosystem: "no-such-component" }]);
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
