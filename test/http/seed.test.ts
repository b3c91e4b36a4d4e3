import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOSTS_LIMITS } from "../../src/engine/diagnose-input";
import { hostsContract, hostsOverHttp, hostsScenarios } from "../support/hosts-scenarios";
import { overHttp, seedScenarios } from "../support/seed-scenarios";
import { startTestService, type TestService } from "../support/test-store";

let service: TestService;
beforeAll(async () => {
  service = await startTestService();
});
afterAll(() => service.cleanup());

describe("seed scenarios over HTTP on Node", () => {
  seedScenarios(overHttp((path, init) => Promise.resolve(service.app.request(path, init))));
});

describe("per-host fleets over HTTP on Node", () => {
  hostsScenarios(hostsOverHttp((path, init) => Promise.resolve(service.app.request(path, init))));
  hostsContract((path, init) => Promise.resolve(service.app.request(path, init)));
});

describe("per-host fleets: the total size limit", () => {
  it("refuses bundles over the total size with 413 even when the body limit allows them", async () => {
    const big = await startTestService({ maxBodyBytes: 2 * HOSTS_LIMITS.maxTotalBytes });
    try {
      const half = "x".repeat(HOSTS_LIMITS.maxTotalBytes / 2 + 1);
      const res = await big.app.request("/diagnose", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          hosts: [
            { name: "a", bundle: half },
            { name: "b", bundle: half },
          ],
        }),
      });
      expect(res.status).toBe(413);
      expect(((await res.json()) as { type: string }).type).toBe("https://known-bugs.dev/problems/hosts-too-large");
    } finally {
      await big.cleanup();
    }
  });
});
