import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildKnowledgeBase } from "../../src/kb/build-kb";
import { readKbFiles } from "../../src/node/kb-files";
import { exportOsv } from "../../src/node/osv-export";
import { osvRecordSchema } from "../../src/osv/osv-schema";
import { toOsv } from "../../src/osv/to-osv";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "known-bugs-osv-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("npm run kb:osv", () => {
  it("writes every record of data/ as one OSV file that the OSV schema accepts", async () => {
    const built = await buildKnowledgeBase(await readKbFiles("data"));
    if (!built.ok) throw new Error("data/ is invalid");
    const modified = new Date("2026-11-29T12:00:00Z");
    const result = await exportOsv("data", dir, modified);
    if (!result.ok) throw new Error("export failed");
    const names = (await readdir(dir)).sort();
    expect(names).toEqual(built.kb.records.map((r) => `x_KNOWNBUGS-${r.id}.json`).sort());
    for (const name of names) {
      const osv = osvRecordSchema.parse(JSON.parse(await readFile(join(dir, name), "utf8")));
      expect(`${osv.id}.json`).toBe(name);
      expect(osv.modified).toBe("2026-11-29T12:00:00Z");
      const record = built.kb.records.find((r) => `x_KNOWNBUGS-${r.id}` === osv.id);
      // Nothing is dropped: each affected entry is either an OSV package or kept in database_specific.
      const mapped = osv.affected?.filter((a) => a.package).length ?? 0;
      const unmapped = (osv.database_specific?.unmapped_affected as unknown[] | undefined)?.length ?? 0;
      const unconfirmed = (osv.database_specific?.unconfirmed_affected as unknown[] | undefined)?.length ?? 0;
      const conditional = (osv.database_specific?.conditional_affected as { entries: unknown[] } | undefined)?.entries.length ?? 0;
      expect(mapped + unmapped + unconfirmed + conditional, name).toBe(record?.affected.length);
      // A scanner reads each package alone: only a regression of a record that needs nothing else (review 66h F1: every
      // kernel from 4.12 on "affected" by a removal, or from 6.13 on by CRIU's half of a pair, for good).
      for (const a of osv.affected ?? []) {
        if (!a.package) continue;
        expect(record?.together?.length ?? 0, name).toBe(0);
        expect((a.database_specific as { kind?: string }).kind, name).toBe("regression");
      }
      // An open range names no level for an end it does not have.
      for (const a of osv.affected ?? [])
        for (const r of a.ranges ?? [])
          if (r.type === "ECOSYSTEM" && !r.events.some((e) => "fixed" in e || "last_affected" in e))
            expect((r.database_specific as Record<string, unknown>).fixed_evidence, name).toBeUndefined();
      // A scanner reads only the events: none of them rests on one report (review 64h F1).
      for (const a of osv.affected ?? [])
        for (const r of a.ranges ?? []) {
          const levels = r.database_specific as { introduced_evidence?: string; fixed_evidence?: string } | undefined;
          if (r.type !== "ECOSYSTEM") continue;
          if (r.events.some((e) => "fixed" in e || "last_affected" in e)) expect(levels?.fixed_evidence, name).not.toBe("reported");
          if (r.events.some((e) => "introduced" in e && e.introduced !== "0"))
            expect(levels?.introduced_evidence, name).not.toBe("reported");
        }
    }
  });
});

describe("one cause's range of a bug with another (otherCauses)", () => {
  it("stays out of a scanner's events: outside it the bug is undecided, where a scanner would read not affected", async () => {
    const built = await buildKnowledgeBase(await readKbFiles("data"));
    if (!built.ok) throw new Error("data/ is invalid");
    const xt = built.kb.records.find((r) => r.id === "xt-mark-ipv6-typo-2024");
    if (!xt) throw new Error("no seed record");
    // The seed's Ubuntu 22.04 range, given another cause: no longer in the events a scanner reads.
    const jammy = (other: boolean) => ({
      ...xt,
      affected: xt.affected
        .filter((a) => a.ecosystem === "ubuntu:22.04" && a.package === "linux")
        .map((a) => ({ ...a, ranges: a.ranges.map((g) => (other ? { ...g, otherCauses: "another path" } : g)) })),
    });
    const events = (other: boolean) =>
      toOsv(jammy(other), new Date("2026-12-07T00:00:00Z")).affected?.flatMap((a) =>
        (a.ranges ?? []).filter((r) => r.type === "ECOSYSTEM"),
      ) ?? [];
    expect(events(false).length).toBeGreaterThan(0);
    expect(events(true)).toEqual([]);
  });
});

describe("the OSV schema we validate against", () => {
  const valid = {
    schema_version: "1.7.5",
    id: "x_KNOWNBUGS-example",
    modified: "2026-11-29T12:00:00Z",
    affected: [
      {
        package: { ecosystem: "Ubuntu:22.04:LTS", name: "linux" },
        ranges: [{ type: "ECOSYSTEM", events: [{ introduced: "0" }, { fixed: "1" }] }],
      },
    ],
  };
  const withRange = (range: object) => ({ ...valid, affected: [{ ranges: [range] }] });

  it("accepts a well-formed entry", () => {
    expect(osvRecordSchema.safeParse(valid).success).toBe(true);
  });

  it("rejects what the OSV JSON Schema rejects", () => {
    const bad: Array<[string, unknown]> = [
      ["modified not in UTC", { ...valid, modified: "2026-11-29T12:00:00+01:00" }],
      ["an ecosystem OSV does not define", { ...valid, affected: [{ package: { ecosystem: "fedora:40", name: "kernel" } }] }],
      ["no introduced event", withRange({ type: "ECOSYSTEM", events: [{ fixed: "1" }] })],
      [
        "fixed and last_affected together",
        withRange({ type: "ECOSYSTEM", events: [{ introduced: "0" }, { fixed: "2" }, { last_affected: "1" }] }),
      ],
      ["a GIT range without repo", withRange({ type: "GIT", events: [{ introduced: "0" }] })],
      [
        "a short commit in a GIT range",
        withRange({ type: "GIT", repo: "https://example.org/r.git", events: [{ introduced: "0bfcb7b71e73" }] }),
      ],
      ["two event kinds in one event", withRange({ type: "ECOSYSTEM", events: [{ introduced: "0", fixed: "1" }] })],
      ["an unknown reference type", { ...valid, references: [{ type: "BLOG", url: "https://example.org" }] }],
    ];
    for (const [what, entry] of bad) expect(osvRecordSchema.safeParse(entry).success, what).toBe(false);
  });
});
