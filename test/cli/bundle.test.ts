import { execFile } from "node:child_process";
import { copyFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Diagnosis } from "../../src/engine/diagnosis";
import { SEED_FLEET } from "../support/hosts-scenarios";
import { writeTempFiles } from "../support/run-cli";

const run = promisify(execFile);
let dir: string;

// What a user copies to a host: the one file `npm run build:cli` writes, run by Node alone, away from node_modules.
beforeAll(async () => {
  await run("npm", ["run", "-s", "build:cli"]);
  dir = await mkdtemp(join(tmpdir(), "known-bugs-bundle-"));
  await copyFile("dist/known-bugs.mjs", join(dir, "known-bugs.mjs"));
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("the built bundle (dist/known-bugs.mjs)", () => {
  it("collects with no package installed", async () => {
    const { stdout } = await run("node", [join(dir, "known-bugs.mjs"), "collect", "--timeout", "5"], { cwd: dir });
    expect(stdout).toMatch(/^# known-bugs collect /);
    expect(stdout).toContain("$ uname -a");
  });

  it("diagnoses the seed fleet with the embedded engine over a given knowledge base", async () => {
    const files = await writeTempFiles(Object.fromEntries(SEED_FLEET.map((h) => [`${h.name}.txt`, h.bundle])));
    const { stdout } = await run(
      "node",
      [join(dir, "known-bugs.mjs"), "diagnose", "--local", "--kb", resolve("data"), "--json", ...files],
      {
        cwd: dir,
      },
    );
    const d = JSON.parse(stdout) as Diagnosis;
    expect(d.hosts?.filter((h) => h.outlier).map((h) => h.name)).toEqual(["worker-2"]);
  });
});
