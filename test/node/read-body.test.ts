import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProblemError } from "../../src/http/problem";
import { readNodeBody } from "../../src/node/read-body";

// A server whose one route reports how the body was read: straight from the socket, or not at all.
let url = "";
let close: () => void = () => {};
beforeAll(async () => {
  const app = new Hono();
  app.post("/echo", async (c) => {
    try {
      const read = readNodeBody(c);
      if (!read) return c.json({ direct: false });
      const bytes = await read;
      const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
      return c.json({ direct: true, whole, text: new TextDecoder().decode(bytes) });
    } catch (err) {
      return c.json({ error: err instanceof ProblemError ? err.status : 500 });
    }
  });
  await new Promise<void>((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) => {
      url = `http://127.0.0.1:${info.port}`;
      resolve();
    });
    close = () => server.close();
  });
});
afterAll(() => close());

function post(
  headers: Record<string, string | number>,
  chunks: Array<string | Buffer>,
  endEarly = false,
): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/echo`, { method: "POST", headers }, (res) => {
      let data = "";
      res.on("data", (d: Buffer) => {
        data += d.toString();
      });
      res.on("end", () => resolve(JSON.parse(data) as Record<string, unknown>));
    });
    req.on("error", (err) => (endEarly ? resolve({ aborted: true }) : reject(err)));
    for (const c of chunks) req.write(c);
    if (endEarly) setTimeout(() => req.destroy(), 50);
    else req.end();
  });
}

describe("readNodeBody", () => {
  it("reads a body sent in many chunks into one buffer of its exact length, its ArrayBuffer's only view", async () => {
    const parts = Array.from({ length: 50 }, (_, i) => `line ${i} ${"x".repeat(1000)}\n`);
    const body = parts.join("");
    const got = await post({ "content-type": "text/plain", "content-length": Buffer.byteLength(body) }, parts);
    expect(got).toEqual({ direct: true, whole: true, text: body });
  });

  it("reads UTF-8 and empty bodies", async () => {
    expect(await post({ "content-length": Buffer.byteLength("näh …") }, ["näh …"])).toMatchObject({ direct: true, text: "näh …" });
    expect(await post({ "content-length": 0 }, [])).toMatchObject({ direct: true, text: "" });
  });

  it("leaves compressed and chunked bodies to the standard read", async () => {
    expect(await post({ "content-encoding": "gzip", "content-length": 3 }, ["abc"])).toEqual({ direct: false });
    expect(await post({ "transfer-encoding": "chunked" }, ["abc"])).toEqual({ direct: false });
    expect(await post({ "content-encoding": "identity", "content-length": 3 }, ["abc"])).toMatchObject({ direct: true, text: "abc" });
  });

  it("a client that sends less than its Content-Length and goes away does not hang the read", async () => {
    const got = await post({ "content-length": 1000 }, ["only a little"], true);
    expect(got).toEqual({ aborted: true });
    // The server is still serving.
    expect(await post({ "content-length": 2 }, ["ok"])).toMatchObject({ direct: true, text: "ok" });
  });
});
