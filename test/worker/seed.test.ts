import { exports } from "cloudflare:workers";
import { describe } from "vitest";
import { hostsContract, hostsOverHttp, hostsScenarios } from "../support/hosts-scenarios";
import { overHttp, seedScenarios } from "../support/seed-scenarios";

describe("seed scenarios over HTTP in the Worker (workerd + D1)", () => {
  seedScenarios(overHttp((path, init) => exports.default.fetch(new Request(`https://known-bugs.test${path}`, init))));
});

describe("per-host fleets over HTTP in the Worker (workerd + D1)", () => {
  hostsScenarios(hostsOverHttp((path, init) => exports.default.fetch(new Request(`https://known-bugs.test${path}`, init))));
  hostsContract((path, init) => exports.default.fetch(new Request(`https://known-bugs.test${path}`, init)));
});
