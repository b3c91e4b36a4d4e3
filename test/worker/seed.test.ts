import { exports } from "cloudflare:workers";
import { describe } from "vitest";
import { overHttp, seedScenarios } from "../support/seed-scenarios";

describe("seed scenarios over HTTP in the Worker (workerd + D1)", () => {
  seedScenarios(overHttp((path, init) => exports.default.fetch(new Request(`https://known-bugs.test${path}`, init))));
});
