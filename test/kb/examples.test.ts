import { describe, expect, it } from "vitest";
import { compileKnowledgeBase } from "../../src/engine/compile-kb";
import { unreadEcosystems } from "../../src/kb/reader-coverage";
import { examplesWithoutOwnHit, runExample, untestedSignatures } from "../../src/kb/run-examples";
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
    // A distribution release in a form no reader gives a host never decides either (review 34b).
    // Every key a reader gives passes: Oracle's UEK packages (ol:7), Amazon Linux 1 (amzn:2018), SUSE's codestreams.
    for (const ecosystem of [
      "ubuntu:24.04",
      "debian:12",
      "rhel:9",
      "fedora:41",
      "amzn:2018",
      "amzn:2017",
      "sles:15.5",
      "photon:5",
      "ol:7",
      "openeuler:22.03",
      "kylin:10",
      "anolis:8",
    ]) {
      const key = { ...first, affected: [{ ...first.affected[0], ecosystem, package: "linux", ranges: [] }] };
      expect(unreadEcosystems([key as typeof first]), ecosystem).toEqual([]);
    }
    for (const ecosystem of ["ubuntu:2404", "ubuntu:24.4", "debian:bookworm", "rhel:9.4", "amzn:2024", "debain:12"]) {
      const typo = { ...first, affected: [{ ...first.affected[0], ecosystem, package: "linux", ranges: [] }] };
      expect(unreadEcosystems([typo as typeof first]), ecosystem).toEqual([
        expect.objectContaining({ ecosystem, hint: expect.stringMatching(/ubuntu:24\.04, debian:12, rhel:9/) }),
      ]);
    }
  });

  it("ranges a distribution release's package only by a name some reader gives (review 64h F2)", () => {
    // A typo, or the binary package a curator sees in dpkg -l, passed and the verdict said "no version given".
    const [first] = kb.records;
    if (!first) throw new Error("no records");
    const withPackage = (pkg: string, ranges = first.affected[0]?.ranges ?? []) =>
      ({ ...first, affected: [{ ...first.affected[0], ecosystem: "ubuntu:22.04", package: pkg, ranges }] }) as typeof first;
    expect(unreadEcosystems([withPackage("linx")])).toEqual([
      expect.objectContaining({
        ecosystem: "ubuntu:22.04",
        package: "linx",
        hint: expect.stringMatching(/source package|component's package/),
      }),
    ]);
    expect(unreadEcosystems([withPackage("linux-image-generic")])).toEqual([
      expect.objectContaining({ package: "linux-image-generic", hint: expect.stringMatching(/source package \(linux, linux-aws/) }),
    ]);
    for (const pkg of ["linux", "linux-aws", "linux-hwe-6.8", "runc", "containerd.io", "docker.io", "iptables"])
      expect(unreadEcosystems([withPackage(pkg)]), pkg).toEqual([]);
  });

  it("finds every positive example by a signature of its own record, unless it is marked as the recall tier's (review 34b)", () => {
    expect(examplesWithoutOwnHit(kb.compiled)).toEqual([]);
    // An example whose wording its signatures no longer match is named, even where recall still finds it first.
    const record = kb.records.find((r) => r.id === "xt-mark-ipv6-typo-2024");
    if (!record) throw new Error("no seed record");
    const drifted = { ...record, examples: record.examples.map((e) => ({ ...e, log: e.log.replaceAll("--xor-mark", "--xor-mask") })) };
    const positives = drifted.examples.flatMap((e, index) => (e.expect === "absent" ? [] : [index]));
    const compiled = compileKnowledgeBase("test", [drifted]);
    const unhit = examplesWithoutOwnHit(compiled).map((u) => u.index);
    expect(unhit.length).toBeGreaterThan(0);
    expect(positives).toEqual(expect.arrayContaining(unhit));
    const marked = { ...drifted, examples: drifted.examples.map((e) => ({ ...e, recall: true as const })) };
    expect(examplesWithoutOwnHit(compileKnowledgeBase("test", [marked]))).toEqual([]);
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
