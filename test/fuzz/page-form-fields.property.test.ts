import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tokensOver } from "../../src/service/json-body";
import { formFieldsOver } from "../../src/service/page-form";

/** The tokens a JSON text of `value` holds: each string (keys too), a colon per member, commas between members and elements, each array and object. */
function tokens(value: unknown): number {
  if (typeof value === "string") return 1;
  if (Array.isArray(value)) return 1 + Math.max(0, value.length - 1) + value.reduce((n: number, v) => n + tokens(v), 0);
  if (value && typeof value === "object") {
    const members = Object.values(value);
    return 1 + 2 * members.length + Math.max(0, members.length - 1) + members.reduce((n: number, v) => n + tokens(v), 0);
  }
  return 0;
}

describe("the JSON member bound", () => {
  it("counts exactly the strings, separators and nested values, whatever the strings hold (quotes, backslashes, brackets)", () => {
    const text = fc.string({ unit: fc.constantFrom("a", ",", ":", '"', "\\", "\n", "é", "[", "{") });
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4, stringUnit: "grapheme" }), fc.array(text, { maxLength: 5 }), (value, strings) => {
        const doc = { value, strings };
        const n = tokens(doc);
        for (const json of [JSON.stringify(doc), JSON.stringify(doc, null, 2)]) {
          expect(tokensOver(json, n)).toBe(false);
          expect(tokensOver(json, n - 1)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("counts a form's fields as the browser encodes them, whatever the values hold", async () => {
    const field = fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 40 }));
    await fc.assert(
      fc.asyncProperty(fc.array(field, { minLength: 1, maxLength: 30 }), async (fields) => {
        const pairs = new URLSearchParams(fields);
        const form = new FormData();
        for (const [k, v] of fields) form.append(k, v);
        for (const body of [pairs, form]) {
          const res = new Response(body);
          const bytes = new Uint8Array(await res.arrayBuffer());
          const type = res.headers.get("content-type") ?? "";
          expect(formFieldsOver(bytes, type, fields.length)).toBe(false);
          expect(formFieldsOver(bytes, type, fields.length - 1)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
