import { describe, expect, it } from "vitest";
import { idShapedWords } from "../../src/kb/id-matches";
import { referenceKey } from "../../src/kb/query-urls";
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

describe("an address or a changelog's bug id in the query (review 68d F2)", () => {
  it("looks an address up as the source it is, then the ids it encodes, never its words", () => {
    const steps = searchSteps("see https://github.com/docker/cli/issues/4273.");
    expect(steps.map((s) => s.kind)).toEqual(["reference", "ids"]);
    expect(steps[0]?.kind === "reference" && steps[0].url).toBe("https://github.com/docker/cli/issues/4273");
    expect(steps[1]?.q).toBe("docker/cli#4273");
    expect(searchSteps("https://bugzilla.redhat.com/show_bug.cgi?id=2282287")[1]?.q).toBe("RHBZ#2282287");
    expect(searchSteps("https://bugs.launchpad.net/ubuntu/+source/linux/+bug/2091990")[1]?.q).toBe("LP#2091990");
    expect(searchSteps("https://nvd.nist.gov/vuln/detail/CVE-2024-50038")[1]?.q).toBe("CVE-2024-50038");
    expect(searchSteps("https://ubuntu.com/security/notices/USN-7179-1")[1]?.q).toBe("USN-7179-1");
    // The person's own words besides the address are searched, every one of them.
    expect(searchSteps("xor-mark https://example.org/a").map((s) => [s.kind, s.q])).toEqual([
      ["reference", "https://example.org/a"],
      ["all", "xor-mark"],
    ]);
  });

  it("compares an address however it is written: scheme, www., fragment and trailing slash aside, its query kept", () => {
    const key = referenceKey("https://github.com/docker/cli/issues/4273");
    expect(referenceKey("http://www.github.com/docker/cli/issues/4273/#issuecomment-1")).toBe(key);
    expect(referenceKey("https://bugzilla.redhat.com/show_bug.cgi?id=1")).not.toBe(
      referenceKey("https://bugzilla.redhat.com/show_bug.cgi?id=2"),
    );
    expect(referenceKey("not an address")).toBeNull();
  });

  it("reads a Launchpad or Red Hat bug as changelogs write it as the one id records write", () => {
    expect(idShapedWords("LP: #2091990")).toEqual(["LP#2091990"]);
    expect(idShapedWords("fixed in rhbz 2347256 and rhbz#2328985")).toEqual(["RHBZ#2347256", "RHBZ#2328985"]);
    expect(searchSteps("LP: #2091990")[0]?.q).toBe("LP#2091990");
  });
});
