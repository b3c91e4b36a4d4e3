import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { namedRecordIds, RECORD_ID, typedRecordId } from "../../src/kb/record-id";

// The record ids a search, the page's form or a chat message names: typed alone, in a sentence, as its file or page.
describe("record ids a person types", () => {
  it("reads an id typed alone, quoted, capitalised, with its file's path or its page's address", () => {
    for (const typed of [
      "xt-mark-ipv6-typo-2024",
      "`xt-mark-ipv6-typo-2024`",
      "Xt-mark-ipv6-typo-2024.",
      "data/bugs/xt-mark-ipv6-typo-2024.yaml",
      "https://known-bugs.example/bugs/xt-mark-ipv6-typo-2024",
    ])
      expect(typedRecordId(typed), typed).toBe("xt-mark-ipv6-typo-2024");
    expect(namedRecordIds("is this xt-mark-ipv6-typo-2024 or kube-proxy-ipvs-prereqs-missing?")).toEqual([
      "xt-mark-ipv6-typo-2024",
      "kube-proxy-ipvs-prereqs-missing",
    ]);
  });

  it("reads no id from a text longer than an id's address: a chat message of one long run of punctuation (review 51a F1)", () => {
    for (const run of [".", ")", "/", "bugs/"]) {
      expect(typedRecordId(`a${run.repeat(20_000)}b`)).toBeNull();
      expect(namedRecordIds(`${run.repeat(20_000)} xt-mark-ipv6-typo-2024`)).toEqual(["xt-mark-ipv6-typo-2024"]);
    }
  });

  it("never names anything but an id's shape, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), (text) => {
        for (const id of namedRecordIds(text)) expect(id).toMatch(RECORD_ID);
      }),
    );
  });
});
