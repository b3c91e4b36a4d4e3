import { afterAll, beforeAll, describe, it } from "vitest";
import { fuzzRoutes } from "../support/route-fuzz";
import { startTestService, type TestService } from "../support/test-store";

let service: TestService;
beforeAll(async () => {
  service = await startTestService({ maxBodyBytes: 64 * 1024, diagnoser: "inline" });
});
afterAll(() => service.cleanup());

describe("random requests never break the app on Node", () => {
  it("never a 500, never slow, errors are problem+json with the request id", async () => {
    await fuzzRoutes((path, init) => Promise.resolve(service.app.request(path, init)), { numRuns: 400 });
  }, 120_000);
});
