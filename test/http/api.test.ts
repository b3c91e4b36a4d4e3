import { afterAll, beforeAll, describe } from "vitest";
import { apiContract } from "../support/api-contract";
import { documentedContract } from "../support/documented-contract";
import { fleetFormsContract } from "../support/fleet-forms-contract";
import { recordsContract } from "../support/records-contract";
import type { Fetch } from "../support/seed-scenarios";
import { startTestService, type TestService } from "../support/test-store";

const maxBodyBytes = 64 * 1024;
let service: TestService;
beforeAll(async () => {
  service = await startTestService({ maxBodyBytes });
});
afterAll(() => service.cleanup());

const fetch: Fetch = (path, init) => Promise.resolve(service.app.request(path, init));

describe("API contract on Node (libSQL file)", () => {
  apiContract(fetch, { maxBodyBytes });
});

describe("record lookups and OSV export on Node (libSQL file)", () => {
  recordsContract(fetch);
});

describe("documented answers on Node (libSQL file)", () => {
  documentedContract(fetch, { maxBodyBytes });
});

describe("fleet answers from every form of node listing on Node (libSQL file)", () => {
  fleetFormsContract(fetch);
});
