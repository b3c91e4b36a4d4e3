import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import type { Diagnosis } from "../../src/engine/diagnosis";
import { XOR_MARK_KLOG } from "../support/seed-logs";

const run = (args: string[], input: string) =>
  execFileSync("node_modules/.bin/tsx", ["src/cli/diagnose.ts", ...args], { input, encoding: "utf8" });

describe("diagnose CLI", () => {
  it("reads a bundle on stdin and prints the text report", () => {
    const out = run([], `6.6.58\n${XOR_MARK_KLOG}`);
    expect(out).toMatch(/1\. xt-mark-ipv6-typo-2024 \[high/);
    expect(out).toContain("verdict: affected");
  });

  it("prints the API's JSON answer with --json", () => {
    const d = JSON.parse(run(["--json"], XOR_MARK_KLOG)) as Diagnosis;
    expect(d.findings[0]?.id).toBe("xt-mark-ipv6-typo-2024");
    expect(d.kb.version).toMatch(/^kb-/);
  });
});
