import { beforeAll, describe, expect, it } from "vitest";
import { hitLines, linePools, realisticLog } from "../../bench/lib/realistic-log";
import type { CompiledKb } from "../../src/engine/compile-kb";
import type { BugRecord } from "../../src/kb/record-schema";
import { loadDataKb } from "../support/data-kb";

// The bench's realistic logs: the share of lines with a record hit must be the density asked for,
// or its MB/s figures describe some other log.
let kb: CompiledKb;
let records: readonly BugRecord[];
beforeAll(async () => {
  const data = await loadDataKb();
  kb = data.compiled;
  records = data.records;
});

describe("the bench's realistic log generator", () => {
  it("has real example lines to plant, each one a hit on its own", () => {
    const { hits, misses } = linePools(kb, records);
    expect(hits.length).toBeGreaterThan(20);
    expect(misses.length).toBeGreaterThan(0);
    for (const line of hits.slice(0, 50)) expect(hitLines(kb, line).size).toBe(1);
  });

  it.each([0, 0.001, 0.01, 0.05, 0.3])("plants symptom lines on %s of the lines, and the noise hits nothing", (density) => {
    const log = realisticLog({ bytes: 512 * 1024, density, ...linePools(kb, records) });
    const hit = hitLines(kb, log.text).size;
    expect(hit).toBe(log.planted);
    expect(Math.abs(hit / log.lines - density)).toBeLessThanOrEqual(Math.max(0.1 * density, 2 / log.lines));
    expect(log.text.length).toBeGreaterThanOrEqual(512 * 1024);
  });
});
