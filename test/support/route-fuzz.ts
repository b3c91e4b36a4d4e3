import fc from "fast-check";
import { expect } from "vitest";
import type { Fetch } from "./seed-scenarios";

/** Percent-encodes like a client would; a lone surrogate becomes malformed UTF-8, as some clients send. */
const enc = (t: string) => {
  try {
    return encodeURIComponent(t);
  } catch {
    return "%ED%A0%80";
  }
};
const text = fc.oneof(
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.constantFrom(
    "",
    "\u0000",
    "%00",
    "%",
    "%ZZ",
    "../..",
    "*",
    '"',
    "NEAR(",
    "a OR b",
    "xor-mark",
    "5.15.0-127-generic",
    "\uFFFF",
    "\uD800",
  ),
);
const path = fc.oneof(
  fc.constantFrom(
    "/diagnose",
    "/bugs",
    "/health",
    "/bugs/xt-mark-ipv6-typo-2024",
    "/bugs/",
    "/",
    "/integrations/slack",
    "//bugs",
    "/bugs/%00",
  ),
  text.map((t) => `/bugs/${enc(t)}`),
  text.map((t) => `/${enc(t)}`),
);
const query = fc
  .array(fc.tuple(fc.constantFrom("q", "limit", "offset", "component", "ecosystem", "unverified", "x", "q[]"), text), { maxLength: 4 })
  .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${enc(v)}`).join("&")}` : ""));
const method = fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD");
const contentType = fc.constantFrom(
  undefined,
  "text/plain",
  "application/json",
  "application/json; charset=utf-8",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "text/plain; charset=latin1",
  "application/xml",
  "",
  "garbage/\u0001",
);
const encoding = fc.constantFrom(undefined, "gzip", "deflate", "br", "identity", "gzip, gzip", "compress", "", "GZIP");
const body = fc.oneof(
  fc.string({ unit: "binary", maxLength: 2000 }),
  fc.json({ maxDepth: 3 }),
  fc
    .record(
      {
        logs: text,
        uname: text,
        nodes: text,
        osRelease: text,
        iptablesVersion: text,
        procVersion: text,
        limit: fc.oneof(fc.integer(), fc.double(), text),
      },
      { requiredKeys: [] },
    )
    .map((r) => JSON.stringify(r)),
  fc.uint8Array({ maxLength: 2000 }),
);

/**
 * Random requests: any path, method, query, headers, encoding and body. The promises: never a 500,
 * never a hang, every error is problem+json with the request id. `clientHeader` spreads requests
 * over clients so a rate limit does not turn the whole run into 429s.
 */
export async function fuzzRoutes(fetch: Fetch, opts: { numRuns: number; clientHeader?: string }) {
  let n = 0;
  await fc.assert(
    fc.asyncProperty(path, query, method, contentType, encoding, body, fc.option(text), async (p, q, m, type, enc, b, requestId) => {
      const headers: Record<string, string> = {};
      const safe = (v: string) => v.replace(/[^\t\x20-\x7e]/g, "");
      if (type !== undefined) headers["content-type"] = safe(type);
      if (enc !== undefined) headers["content-encoding"] = enc;
      if (requestId !== null) headers["x-request-id"] = safe(requestId);
      if (opts.clientHeader) headers[opts.clientHeader] = `198.18.${(n >> 8) & 255}.${n++ & 255}`;
      const init: RequestInit = { method: m, headers };
      if (m !== "GET" && m !== "HEAD") init.body = b;
      const start = performance.now();
      const res = await fetch(`${p}${q}`, init);
      const took = performance.now() - start;
      expect(res.status, `${m} ${p}${q}`).toBeLessThan(500);
      expect(took).toBeLessThan(2000);
      if (res.status >= 400 && m !== "HEAD") {
        expect(res.headers.get("content-type")).toContain("application/problem+json");
        const problem = (await res.json()) as { status: number; requestId: string };
        expect(problem.status).toBe(res.status);
        expect(problem.requestId).toBe(res.headers.get("x-request-id"));
      } else await res.arrayBuffer();
    }),
    { numRuns: opts.numRuns },
  );
}
