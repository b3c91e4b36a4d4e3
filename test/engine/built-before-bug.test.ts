import { beforeAll, describe, expect, it } from "vitest";
import { builtBeforeBug } from "../../src/engine/built-before-bug";
import type { CompiledKb } from "../../src/engine/compile-kb";
import { diagnoseBundle } from "../../src/engine/diagnose";
import { kernelFacts } from "../../src/engine/facts/kernel-facts";
import type { BugRecord } from "../../src/engine/record";
import { loadDataKb } from "../support/data-kb";

// A kernel whose own `uname -v` dates its build well before a bug's change existed cannot carry it: a distribution's
// build the record has no data for is then "not affected", at the level of the record's dated start, instead of
// "unknown (no data for ubuntu kernels)". The memcg record's start is dated (4 Jul 2023, mm-commits) and its every
// range is a kernel's; its symptom line is kubelet's, from the record's kubernetes#120837 example.
const ID = "memcg-kmem-limit-in-bytes-dropped-6.1.54";
const SYMPTOM =
  'Failed to update stats for container "/": openat2 /sys/fs/cgroup/memory/memory.kmem.limit_in_bytes: no such file or directory, continuing to push stats';
// Ubuntu 20.04's kernel of July 2020 and Ubuntu 22.04's of November 2023, as the suite's other tests print them.
const FOCAL_2020 = "Linux host 5.4.0-42-generic #46-Ubuntu SMP Fri Jul 10 00:24:02 UTC 2020 x86_64 x86_64 x86_64 GNU/Linux";
const JAMMY_2023 = "Linux node1 5.15.0-91-generic #101-Ubuntu SMP Tue Nov 14 13:30:08 UTC 2023 x86_64 x86_64 x86_64 GNU/Linux";

let kb: CompiledKb;
let record: BugRecord;
beforeAll(async () => {
  const loaded = await loadDataKb();
  kb = loaded.compiled;
  record = loaded.records.find((r) => r.id === ID) as BugRecord;
});
const verdictOf = (paste: string) => diagnoseBundle(kb, paste).findings.find((f) => f.id === ID)?.verdict;

describe("a kernel built before the bug's change existed", () => {
  it("is not affected, at the start's level, and the answer says when each was", () => {
    const verdict = verdictOf(`$ uname -a\n${FOCAL_2020}\n${SYMPTOM}`);
    expect(verdict).toMatchObject({ status: "not-affected", level: "verified" });
    expect(verdict?.reason).toContain("built on 2020-07-10");
    expect(verdict?.reason).toContain("2023-07-04");
  });

  it("stays undecided when the build is later than the change: a vendor may have backported it", () => {
    expect(verdictOf(`$ uname -a\n${JAMMY_2023}\n${SYMPTOM}`)).toMatchObject({ status: "unknown" });
  });

  it("reads no day from a reproducible build's fixed stamp (NixOS prints 1980 on every kernel)", () => {
    // As on lore and in NixOS users' reports: "#1-NixOS SMP PREEMPT_DYNAMIC Tue Jan  1 00:00:00 UTC 1980".
    const host = (build: string) => ({
      subject: "your kernel",
      components: {},
      kernel: kernelFacts("5.4.0-42-generic", build),
    });
    expect(builtBeforeBug(record, [host("#1-NixOS SMP PREEMPT_DYNAMIC Tue Jan  1 00:00:00 UTC 1980")])).toBeNull();
    expect(builtBeforeBug(record, [host("#46-Ubuntu SMP Fri Jul 10 00:24:02 UTC 2020")])).toMatchObject({ status: "not-affected" });
  });
});
