import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { VersionEvidence } from "../../src/engine/diagnosis";
import { kernelFacts } from "../../src/engine/facts/kernel-facts";
import type { BugRecord } from "../../src/engine/record";
import { type HostVersions, versionChecks } from "../../src/engine/verdict";
import { loadDataKb } from "../support/data-kb";

// Several kernels given and none the host's own: the answer is the one every kernel gives alone, and none where they
// disagree or the first leaves it open. Issue #12: each release's facts are read once per list, and the kernels are
// judged only up to the first that disagrees; the answer must be the one judging each kernel alone gives.
const KERNELS = [
  "5.10.186-179.751.amzn2.x86_64",
  "4.9.140-l4t-r32.4",
  "3.10.0-1160.el7.x86_64",
  "5.15.0-91-generic",
  "6.6.12",
  "6.1.0-9-amd64",
  "4.19.295",
  "6.8.0-1015-azure",
  "5.4.0-150-generic",
  "6.12.1-arch1-1",
];

let records: readonly BugRecord[] = [];
beforeAll(async () => {
  records = (await loadDataKb()).records;
});

const alone = (record: BugRecord, release: string): VersionEvidence[] =>
  versionChecks(record, { subject: "your host", kernel: kernelFacts(release), components: {} });
const answer = (checks: readonly VersionEvidence[]) => (checks.length === 1 ? checks[0]?.result : "unknown");

describe("kernels a paste gives, none its host's own", () => {
  it("give the answer each gives alone, none where they disagree", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...KERNELS), { minLength: 2, maxLength: 5 }), (given) => {
        const host: HostVersions = { subject: "your host", kernel: null, components: {}, kernelsGiven: given };
        for (const record of records) {
          const got = versionChecks(record, host);
          const each = given.map((release) => alone(record, release));
          const first = each[0]?.[0];
          const agree = new Set(each.map(answer)).size === 1 && first !== undefined && first.result !== "unknown";
          expect(got.length, record.id).toBe(agree ? 1 : 0);
          if (agree) expect([got[0]?.result, got[0]?.value]).toEqual([first.result, given.join(", ")]);
        }
      }),
      { numRuns: 60 },
    );
  });
});
