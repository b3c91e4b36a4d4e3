import { afterAll, beforeAll, describe } from "vitest";
import { apiContract } from "../support/api-contract";
import { startTestService, type TestService } from "../support/test-store";

const maxBodyBytes = 64 * 1024;
let service: TestService;
beforeAll(async () => {
  service = await startTestService({ maxBodyBytes });
});
afterAll(() => service.cleanup());

describe("API contract on Node (libSQL file)", () => {
  apiContract((path, init) => Promise.resolve(service.app.request(path, init)), { maxBodyBytes });
});
