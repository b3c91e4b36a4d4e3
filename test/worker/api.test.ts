import { env, exports } from "cloudflare:workers";
import { describe } from "vitest";
import { apiContract } from "../support/api-contract";

describe("API contract in the Worker (workerd + D1)", () => {
  apiContract((path, init) => exports.default.fetch(new Request(`https://known-bugs.test${path}`, init)), {
    maxBodyBytes: Number(env.MAX_BODY_BYTES),
  });
});
