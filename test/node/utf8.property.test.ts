import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeUtf8 } from "../../src/node/utf8";

// The pool thread decodes request bodies with decodeUtf8; the Worker and every other door use TextDecoder.
// Both must read the same bytes as the same text, or the two runtimes would answer differently.
const reference = new TextDecoder();

describe("decodeUtf8 reads bytes as TextDecoder does", () => {
  it("on any bytes: invalid sequences, stray continuation bytes, surrogates encoded as UTF-8", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(decodeUtf8(bytes)).toBe(reference.decode(bytes));
      }),
      { numRuns: 5000 },
    );
  });

  it("on valid text of any plane, with or without a byte-order mark, and on plain ASCII", () => {
    const text = fc.oneof(fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), fc.string());
    fc.assert(
      fc.property(text, fc.boolean(), (s, bom) => {
        const bytes = new TextEncoder().encode(bom ? `\ufeff${s}` : s);
        expect(decodeUtf8(bytes)).toBe(reference.decode(bytes));
      }),
      { numRuns: 5000 },
    );
  });

  it("on a view into a larger buffer, as a request body arrives", () => {
    const whole = new TextEncoder().encode("xx…ok\u00e9yy");
    const view = whole.subarray(2, whole.length - 2);
    expect(decodeUtf8(view)).toBe("…ok\u00e9");
  });
});
