import { mkdtemp, rm } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Spawned, spawnServer } from "../support/spawn-server";

// Requests Node's HTTP parser refuses before the app runs: the real server must still answer them as
// problem+json, log them without their bytes, and keep serving.
let dir: string;
let server: Spawned;
let port: number;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "known-bugs-parser-"));
  server = await spawnServer({ DATABASE_URL: `file:${join(dir, "kb.db")}`, ACCESS_LOG: "on" });
  if (!server.url) throw new Error(server.stderr());
  port = Number(new URL(server.url).port);
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

/** Sends raw bytes (then, once an answer arrived, `then`) and reads until the server closes the connection. */
function raw(bytes: string, then?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let got = "";
    let next = then;
    socket.setTimeout(10_000, () => socket.destroy(new Error(`no close after: ${JSON.stringify(got)}`)));
    socket.on("data", (d) => {
      got += d.toString("latin1");
      if (next !== undefined && got.includes("\r\n\r\n")) {
        socket.write(next);
        next = undefined;
      }
    });
    socket.on("error", reject);
    socket.on("close", () => resolve(got));
    socket.write(bytes);
  });
}

function parse(response: string): { status: number; headers: string; body: Record<string, unknown> } {
  const [head = "", body = ""] = response.split("\r\n\r\n");
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]), headers: head.toLowerCase(), body: JSON.parse(body) };
}

describe("requests Node's parser refuses get problem+json", { timeout: 60_000 }, () => {
  it("a header block over 16 KB: 431, and the header's bytes are neither echoed nor logged", async () => {
    const secret = "zq".repeat(10_000);
    const res = await raw(`POST /diagnose HTTP/1.1\r\nHost: x\r\nX-Pasted: ${secret}\r\n\r\n`);
    const { status, headers, body } = parse(res);
    expect(status).toBe(431);
    expect(headers).toContain("content-type: application/problem+json");
    expect(body).toMatchObject({
      status: 431,
      type: "https://known-bugs.dev/problems/headers-too-large",
      title: "Request Header Fields Too Large",
    });
    expect(res).not.toContain("zqzq");
    expect(server.stdout()).toMatch(/"event":"refused-by-parser","status":431,"code":"HPE_HEADER_OVERFLOW"/);
    expect(server.stdout()).not.toContain("zqzq");
  });

  it("a request line that is not HTTP, and a body both chunked and counted (request smuggling): 400", async () => {
    for (const bytes of [
      "GARBAGE\r\n\r\n",
      "POST /diagnose HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
    ]) {
      const { status, body } = parse(await raw(bytes));
      expect(status).toBe(400);
      expect(body).toMatchObject({ status: 400, type: "https://known-bugs.dev/problems/malformed-request" });
    }
  });

  it("a bad request after a good one on a kept-alive connection: the first answer whole, then the problem", async () => {
    const res = await raw("GET /health HTTP/1.1\r\nHost: x\r\n\r\n", "GARBAGE\r\n\r\n");
    expect(res.startsWith("HTTP/1.1 200")).toBe(true);
    const second = res.slice(res.indexOf("HTTP/1.1 400"));
    expect(parse(second).body).toMatchObject({ status: 400, type: "https://known-bugs.dev/problems/malformed-request" });
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });
});

describe("requests no web Request can be made of get problem+json", { timeout: 60_000 }, () => {
  it("HTTP/1.1 without a Host header: 400 missing-host (HTTP/1.0 needs none and is served)", async () => {
    const { status, headers, body } = parse(await raw("GET /health HTTP/1.1\r\n\r\n"));
    expect(status).toBe(400);
    expect(headers).toContain("content-type: application/problem+json");
    expect(headers).toContain("connection: close");
    expect(body).toMatchObject({ status: 400, type: "https://known-bugs.dev/problems/missing-host" });
    expect((await raw("GET /health HTTP/1.0\r\n\r\n")).startsWith("HTTP/1.1 200")).toBe(true);
  });

  it("a Host that is no host, a backslash in the path, an absolute URL that does not parse: 400, nothing echoed or logged", async () => {
    const cases: Array<[string, string]> = [
      ["GET /health HTTP/1.1\r\nHost: zq.example/zqpath\r\n\r\n", "invalid-host"],
      ["GET /health HTTP/1.1\r\nHost: zq zq\r\n\r\n", "invalid-url"],
      ["GET /bugs\\zq HTTP/1.1\r\nHost: x\r\n\r\n", "invalid-request-target"],
      ["GET http://[zq HTTP/1.1\r\nHost: x\r\n\r\n", "invalid-request-target"],
    ];
    for (const [bytes, slug] of cases) {
      const res = await raw(bytes);
      const { status, body } = parse(res);
      expect(status, bytes).toBe(400);
      expect(body, bytes).toMatchObject({ status: 400, type: `https://known-bugs.dev/problems/${slug}` });
      expect(res).not.toContain("zq");
      expect(server.stdout()).toContain(`"event":"refused-request","status":400,"reason":"${slug}"`);
    }
    expect(server.stdout()).not.toContain("zq");
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });
});
