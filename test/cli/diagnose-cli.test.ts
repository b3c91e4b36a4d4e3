import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import type { Diagnosis } from "../../src/engine/diagnosis";
import { writeTempFiles } from "../support/run-cli";
import { XOR_MARK_KLOG } from "../support/seed-logs";

const run = promisify(execFile);

describe("npm run diagnose (an alias of known-bugs diagnose --local)", () => {
  it("prints the API's JSON answer with --json for a file", async () => {
    const [file] = await writeTempFiles({ "bundle.txt": `6.6.58\n${XOR_MARK_KLOG}` });
    const { stdout } = await run("npm", ["run", "-s", "diagnose", "--", "--json", file ?? ""], { encoding: "utf8" });
    const d = JSON.parse(stdout) as Diagnosis;
    expect(d.findings[0]?.id).toBe("xt-mark-ipv6-typo-2024");
    expect(d.kb.version).toMatch(/^kb-/);
  });
});
