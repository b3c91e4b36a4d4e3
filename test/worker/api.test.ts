import { env, exports } from "cloudflare:workers";
import { describe } from "vitest";
import { apiContract } from "../support/api-contract";
import { documentedContract } from "../support/documented-contract";
import { fleetFormsContract } from "../support/fleet-forms-contract";
import { recordsContract } from "../support/records-contract";
import type { Fetch } from "../support/seed-scenarios";

/**
 * Each contract as its own client (CF-Connecting-IP, the rate limiter's key): together they send more diagnoses in a minute
 * than the limit of 60 one client may, and a fast run landed the documented answers' 413 check on a 429.
 */
const clientFetch =
  (ip: string): Fetch =>
  (path, init) => {
    const headers = new Headers(init?.headers);
    if (!headers.has("cf-connecting-ip")) headers.set("cf-connecting-ip", ip);
    return exports.default.fetch(new Request(`https://known-bugs.test${path}`, { ...init, headers }));
  };
const maxBodyBytes = Number(env.MAX_BODY_BYTES);

describe("API contract in the Worker (workerd + D1)", () => {
  apiContract(clientFetch("203.0.113.201"), { maxBodyBytes });
});

describe("record lookups and OSV export in the Worker (workerd + D1)", () => {
  recordsContract(clientFetch("203.0.113.202"));
});

describe("documented answers in the Worker (workerd + D1)", () => {
  documentedContract(clientFetch("203.0.113.203"), { maxBodyBytes });
});

describe("fleet answers from every form of node listing in the Worker (workerd + D1)", () => {
  // Each request names its own client (203.0.113.100 to .109).
  fleetFormsContract(clientFetch("203.0.113.100"));
});
