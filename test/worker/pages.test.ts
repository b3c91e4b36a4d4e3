import { env, exports } from "cloudflare:workers";
import { describe } from "vitest";
import { pageContract } from "../support/page-contract";

describe("pages in the Worker (workerd + D1)", () => {
  pageContract((path, init) => exports.default.fetch(new Request(`https://known-bugs.test${path}`, init)), {
    maxBodyBytes: Number(env.MAX_BODY_BYTES),
  });
});
