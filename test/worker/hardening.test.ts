import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { expectProblem } from "../support/api-helpers";
import { hardeningContract } from "../support/hardening-contract";
import { fuzzRoutes } from "../support/route-fuzz";

const fetch = (path: string, init?: RequestInit) => exports.default.fetch(new Request(`https://known-bugs.test${path}`, init));

describe("hardening in the Worker (workerd + D1)", () => {
  hardeningContract(fetch, { maxBodyBytes: Number(env.MAX_BODY_BYTES), brotli: "refused" });

  it("limits /diagnose per client through the rate-limit binding: 429 problem with Retry-After", async () => {
    const send = (ip: string) =>
      fetch("/diagnose", { method: "POST", headers: { "content-type": "application/xml", "cf-connecting-ip": ip }, body: "<x/>" });
    let limited: Response | null = null;
    for (let i = 0; i < 200 && !limited; i++) {
      const res = await send("203.0.113.7");
      if (res.status === 429) limited = res;
      else expect(res.status).toBe(415);
    }
    expect(limited).not.toBeNull();
    if (!limited) return;
    await expectProblem(limited, 429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another client is not affected, nor are the read routes.
    expect((await send("203.0.113.8")).status).toBe(415);
    expect((await fetch("/health", { headers: { "cf-connecting-ip": "203.0.113.7" } })).status).toBe(200);
  });

  it("never answers random requests with a 500, and every error is problem+json", async () => {
    await fuzzRoutes(fetch, { numRuns: 150, clientHeader: "cf-connecting-ip" });
  }, 60_000);
});
