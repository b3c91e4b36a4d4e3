import { env, exports } from "cloudflare:workers";
import { describe } from "vitest";
import { apiContract } from "../support/api-contract";
import { documentedContract } from "../support/documented-contract";
import { recordsContract } from "../support/records-contract";
import type { Fetch } from "../support/seed-scenarios";

const fetch: Fetch = (path, init) => exports.default.fetch(new Request(`https://known-bugs.test${path}`, init));
const maxBodyBytes = Number(env.MAX_BODY_BYTES);

describe("API contract in the Worker (workerd + D1)", () => {
  apiContract(fetch, { maxBodyBytes });
});

describe("record lookups and OSV export in the Worker (workerd + D1)", () => {
  recordsContract(fetch);
});

describe("documented answers in the Worker (workerd + D1)", () => {
  documentedContract(fetch, { maxBodyBytes });
});
