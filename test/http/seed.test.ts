import { afterAll, beforeAll, describe } from "vitest";
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
