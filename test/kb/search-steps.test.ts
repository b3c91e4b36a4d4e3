import { describe, expect, it } from "vitest";
import { searchSteps, stepNotice } from "../../src/kb/search-steps";

describe("the searches a typed query tries", () => {
  it("searches the ids a question names after its words, named ids before hex ones, from the whole text", () => {
    const line = "ctr 1a2b3c4d5e6f 2b3c4d5e6f7a 3c4d5e6f7a8b 4d5e6f7a8b9c 862c95d9859f GHSA-xxxx-yyyy-zzzz";
    const ids = searchSteps(line).find((s) => s.kind === "ids");
    // Review 30a: a line of container ids crowded the commit and the advisory out.
    expect(ids?.kind === "ids" && ids.ids[0]).toBe("GHSA-xxxx-yyyy-zzzz");
    const long = `${"word ".repeat(60)}is it CVE-2024-50038?`;
    const steps = searchSteps(long, "all", 200);
    expect(steps[0]?.q.length).toBe(200);
    expect(steps.find((s) => s.kind === "ids")?.q).toBe("CVE-2024-50038");
  });

  it("stops at the ids when the question names a CVE, an advisory or an issue; a hex id may be a log's", () => {
    expect(searchSteps("is CVE-2099-12345 fixed?").map((s) => s.kind)).toEqual(["all", "ids"]);
    expect(searchSteps("container 3f4e5a6b7c8d keeps crashing").map((s) => s.kind)).toEqual(["all", "ids", "some"]);
    expect(searchSteps("xor-mark ip6tables", "any").map((s) => s.kind)).toEqual(["any"]);
    expect(searchSteps("--xor-mark").map((s) => s.kind)).toEqual(["all"]);
  });

  it("names only the ids the shown records hold, and nothing for the search that was asked for", () => {
    const [, ids] = searchSteps("container 3f4e5a6b7c8d crashed, is it CVE-2024-50038?");
    if (!ids) throw new Error("no ids step");
    const held = [{ idMatches: [{ value: "CVE-2024-50038", kind: "cve", status: "verified" as const }] }];
    expect(stepNotice(ids, held)).toBe("No record holds every word; records naming CVE-2024-50038");
    expect(stepNotice(ids, [{}])).toBe("No record holds every word; records mentioning CVE-2024-50038, 3f4e5a6b7c8d");
    expect(stepNotice(searchSteps("a b", "any")[0] as never, [])).toBeNull();
  });
});
