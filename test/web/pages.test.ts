import { afterAll, beforeAll, describe } from "vitest";
import { pageContract } from "../support/page-contract";
import { startTestService, type TestService } from "../support/test-store";

const maxBodyBytes = 64 * 1024;
let service: TestService;
beforeAll(async () => {
  service = await startTestService({ maxBodyBytes });
});
afterAll(() => service.cleanup());

describe("pages on Node (libSQL file)", () => {
  pageContract((path, init) => Promise.resolve(service.app.request(path, init)), { maxBodyBytes });
});
