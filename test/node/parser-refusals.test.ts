import { Agent, request } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onRequestError } from "../../src/node/refused-request";
import { expectDocumented, type OpenApiDocument } from "../support/documented-schema";
import { type Spawned, startLoggingServer } from "../support/spawn-server";

// Requests Node's HTTP parser refuses before the app runs: the real server must still answer them as
// problem+json, log them without their bytes, and keep serving.
let server: Spawned;
let port: number;
let close: () => Promise<void> = async () => {};
beforeAll(async () => {
  const started = await startLoggingServer("known-bugs-parser-");
  ({ server, port, close } = started);
}, 120_000);
afterAll(() => close());

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

/** Sends a request head, then `bytes` of body as fast as the socket takes them, and reads the answer until the server closes. */
function rawUpload(head: string, bytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let got = "";
    socket.setTimeout(20_000, () => socket.destroy(new Error(`no answer: ${JSON.stringify(got)}`)));
    socket.on("data", (d) => {
      got += d.toString("latin1");
      if (got.includes("\r\n\r\n") && /content-length: (\d+)/i.test(got)) {
        const length = Number(/content-length: (\d+)/i.exec(got)?.[1]);
        if (got.length >= got.indexOf("\r\n\r\n") + 4 + length) socket.destroy();
      }
    });
    socket.on("error", reject);
    socket.on("close", () => resolve(got));
    socket.write(head);
    const chunk = Buffer.alloc(64 * 1024, 97);
    let sent = 0;
    const pump = () => {
      while (sent < bytes) {
        sent += chunk.length;
        if (!socket.write(chunk)) return void socket.once("drain", pump);
      }
    };
    pump();
  });
}

/** Sends a request head, then body bytes as fast as the socket takes them until the server closes: the answer and how much was sent. */
function uploadUntilClosed(head: string): Promise<{ response: string; sent: number }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let got = "";
    let sent = 0;
    let closed = false;
    socket.setTimeout(20_000, () => socket.destroy(new Error(`no close: ${JSON.stringify(got)}`)));
    socket.on("data", (d) => {
      got += d.toString("latin1");
    });
    // The server's reset ends the upload: an error here is the expected end.
    socket.on("error", () => {});
    socket.on("close", (hadError) => {
      closed = true;
      if (!got && !hadError) reject(new Error("closed without an answer"));
      resolve({ response: got, sent });
    });
    socket.write(head);
    const chunk = Buffer.alloc(256 * 1024, 97);
    const pump = () => {
      while (!closed && sent < 4 * 1024 ** 3) {
        sent += chunk.length;
        if (!socket.write(chunk)) return void socket.once("drain", pump);
      }
    };
    pump();
  });
}

function parse(response: string): { status: number; headers: string; body: Record<string, unknown> } {
  const [head = "", body = ""] = response.split("\r\n\r\n");
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]), headers: head.toLowerCase(), body: JSON.parse(body) };
}

/** The refusal, as /diagnose's contract documents it (review 62a F4: README named Node's 417 and 431, /docs did not). */
async function expectInContract(
  status: number,
  headers: string,
  body: Record<string, unknown>,
  route = ["post", "/diagnose"],
): Promise<void> {
  const doc = (await (await fetch(`${server.url}/openapi.json`)).json()) as OpenApiDocument;
  const id = /x-request-id: (\S+)/.exec(headers)?.[1] ?? "";
  const answer = new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/problem+json", "x-request-id": id },
  });
  await expectDocumented(doc, route[0] as "get" | "post", route[1] ?? "/diagnose", answer);
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
    // Its own request id, as every answer has, in the header, the body and the log line (review 36a).
    const id = /x-request-id: ([0-9a-f-]{36})/.exec(headers)?.[1];
    expect(body.requestId).toBe(id);
    expect(server.stdout()).toContain(`"requestId":"${id}","event":"refused-by-parser","status":431,"code":"HPE_HEADER_OVERFLOW"`);
    expect(server.stdout()).not.toContain("zqzq");
    await expectInContract(status, headers, body);
  });

  it("a URL over 16 KB: 414 uri-too-long saying to shorten q or POST the text, in one piece or several (review 68f F2)", async () => {
    const words = "zq".repeat(10_000);
    for (const parts of [1, 3]) {
      const bytes = `GET /bugs?q=${words} HTTP/1.1\r\nHost: x\r\n\r\n`;
      const res = await new Promise<string>((resolve, reject) => {
        const socket = connect(port, "127.0.0.1");
        let got = "";
        socket.setTimeout(10_000, () => socket.destroy(new Error(`no close after: ${JSON.stringify(got)}`)));
        socket.on("data", (d) => {
          got += d.toString("latin1");
        });
        socket.on("error", reject);
        socket.on("close", () => resolve(got));
        const step = Math.ceil(bytes.length / parts);
        const send = (at: number): unknown =>
          at < bytes.length && socket.write(bytes.slice(at, at + step), () => setTimeout(() => send(at + step), 20));
        send(0);
      });
      const { status, headers, body } = parse(res);
      expect(status, `${parts} part(s)`).toBe(414);
      expect(body).toMatchObject({ status: 414, type: "https://known-bugs.dev/problems/uri-too-long", title: "URI Too Long" });
      expect(body.detail).toContain("shorten `q`");
      expect(body.detail).toContain("POST the text to /diagnose");
      expect(res).not.toContain("zqzq");
      await expectInContract(status, headers, body, ["get", "/bugs"]);
    }
    // Headers too large on a GET route stay 431, and are in its contract too.
    const { status, headers, body } = parse(await raw(`GET /bugs?q=xor HTTP/1.1\r\nHost: x\r\nCookie: ${words}\r\n\r\n`));
    expect(status).toBe(431);
    await expectInContract(status, headers, body, ["get", "/bugs"]);
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
      // What to do, not only what was wrong (review 66f F7).
      expect(body.detail).toMatch(/send it with an HTTP client/);
    }
  });

  it("a body the parser refuses after the app began reading it: one log line, with the status and id the client got", async () => {
    // A first chunk the app reads, then a chunk size that is no number: the parser answers, not the app (review 36a: two lines).
    const head = "POST /diagnose HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n";
    const res = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, "127.0.0.1");
      let got = "";
      socket.setTimeout(10_000, () => socket.destroy(new Error(`no close: ${JSON.stringify(got)}`)));
      socket.on("data", (d) => {
        got += d.toString("latin1");
      });
      socket.on("error", reject);
      socket.on("close", () => resolve(got));
      socket.write(head, () => setTimeout(() => socket.write("ZZ\r\n"), 300));
    });
    const { status, headers, body } = parse(res);
    expect(status).toBe(400);
    const id = String(body.requestId);
    expect(headers).toContain(`x-request-id: ${id}`);
    // The app's line for the request comes once its handler ends.
    await new Promise((r) => setTimeout(r, 500));
    const lines = server
      .stdout()
      .split("\n")
      .filter((l) => l.includes(id));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/"path":"\/diagnose","status":400,.*"problem":"malformed-request"/);
  });

  it("a bad request after a good one on a kept-alive connection: the first answer whole, then the problem", async () => {
    const res = await raw("GET /health HTTP/1.1\r\nHost: x\r\n\r\n", "GARBAGE\r\n\r\n");
    expect(res.startsWith("HTTP/1.1 200")).toBe(true);
    const second = res.slice(res.indexOf("HTTP/1.1 400"));
    expect(parse(second).body).toMatchObject({ status: 400, type: "https://known-bugs.dev/problems/malformed-request" });
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });
});

describe("requests answered without reading their bodies", { timeout: 60_000 }, () => {
  it("leave nothing behind on a kept-alive connection, however many come (review 37a: a listener per request)", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      for (let i = 0; i < 15; i++) {
        const status = await new Promise<number>((resolve, reject) => {
          const req = request(
            `${server.url}/diagnose?limit=abc`,
            { method: "POST", agent, headers: { "content-type": "text/plain" } },
            (res) => {
              res.resume();
              res.on("end", () => resolve(res.statusCode ?? 0));
            },
          );
          req.on("error", reject);
          // The answer (a bad query) comes before the rest of the body: the server drains it after answering.
          req.setHeader("content-length", "2000");
          req.write("x".repeat(10));
          setTimeout(() => req.end("x".repeat(1990)), 50);
        });
        expect(status).toBe(400);
      }
    } finally {
      agent.destroy();
    }
    expect(server.stderr()).not.toMatch(/MaxListenersExceeded/);
  });
});

describe("requests no web Request can be made of get problem+json", { timeout: 60_000 }, () => {
  it("HTTP/1.1 without a Host header: 400 missing-host (HTTP/1.0 needs none and is served)", async () => {
    const { status, headers, body } = parse(await raw("GET /health HTTP/1.1\r\nConnection: close\r\n\r\n"));
    expect(status).toBe(400);
    expect(headers).toContain("content-type: application/problem+json");
    expect(body).toMatchObject({ status: 400, type: "https://known-bugs.dev/problems/missing-host" });
    expect((await raw("GET /health HTTP/1.0\r\n\r\n")).startsWith("HTTP/1.1 200")).toBe(true);
  });

  it("CONNECT (a client taking the server for a proxy): 501 as problem+json and a log line, never a silent close", async () => {
    const { status, headers, body } = parse(await raw("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n"));
    expect(status).toBe(501);
    expect(body).toMatchObject({ status: 501, type: "https://known-bugs.dev/problems/not-implemented", title: "Not Implemented" });
    expect(headers).toContain(`x-request-id: ${body.requestId}`);
    expect(server.stdout()).toContain(`"requestId":"${body.requestId}","event":"refused-request","status":501,"reason":"connect"`);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });

  it("two Host headers: 400 duplicate-host (RFC 9112 §3.2), whichever one a proxy would read", async () => {
    const { status, headers, body } = parse(
      await raw("GET /health HTTP/1.1\r\nHost: a.example\r\nHost: b.example\r\nConnection: close\r\n\r\n"),
    );
    expect(status).toBe(400);
    expect(body).toMatchObject({ status: 400, type: "https://known-bugs.dev/problems/duplicate-host" });
    expect(headers).toContain(`x-request-id: ${body.requestId}`);
    expect((await raw("GET /health HTTP/1.1\r\nHost: a.example\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 200")).toBe(true);
  });

  it("an Expect header other than 100-continue: 417 expectation-failed as problem+json, and the server keeps serving", async () => {
    const { status, headers, body } = parse(
      await raw("POST /diagnose HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nExpect: foo\r\n\r\n"),
    );
    expect(status).toBe(417);
    expect(headers).toContain("content-type: application/problem+json");
    expect(body).toMatchObject({ status: 417, type: "https://known-bugs.dev/problems/expectation-failed", title: "Expectation Failed" });
    expect(headers).toContain(`x-request-id: ${body.requestId}`);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    await expectInContract(status, headers, body);
  });

  it("a large upload refused for its Host still gets its answer; one that waits for 100 Continue gets the 400 instead", async () => {
    // The body keeps arriving after the answer: closing at once would reset the connection before the client read it.
    const big = await rawUpload(
      "POST /diagnose HTTP/1.1\r\nHost: zq zq\r\nContent-Type: text/plain\r\nContent-Length: 4194304\r\n\r\n",
      4_194_304,
    );
    expect(parse(big).status).toBe(400);
    const waiting = await raw(
      "POST /diagnose HTTP/1.1\r\nContent-Type: text/plain\r\nContent-Length: 262144\r\nExpect: 100-continue\r\n\r\n",
    );
    expect(waiting).not.toContain("100 Continue");
    expect(parse(waiting).body).toMatchObject({ status: 400, type: "https://known-bugs.dev/problems/missing-host" });
    const badHost = await raw(
      "POST /diagnose HTTP/1.1\r\nHost: zq zq\r\nContent-Type: text/plain\r\nContent-Length: 262144\r\nExpect: 100-continue\r\n\r\n",
    );
    expect(badHost).not.toContain("100 Continue");
    expect(parse(badHost).body).toMatchObject({ status: 400, type: "https://known-bugs.dev/problems/invalid-host" });
  });

  it("sends 100 Continue only when the body is read: a body over the limit is refused before the client sends it", async () => {
    const started = Date.now();
    const refused = await raw(
      "POST /diagnose HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 104857600\r\nExpect: 100-continue\r\n\r\n",
    );
    expect(refused.startsWith("HTTP/1.1 413"), refused.slice(0, 80)).toBe(true);
    expect(refused).not.toContain("100 Continue");
    // The connection closes at once: the client may still send the body it held back.
    expect(refused.toLowerCase()).toContain("connection: close");
    expect(Date.now() - started).toBeLessThan(5_000);
    const body = 'ip6tables-restore v1.8.4 (legacy): unknown option "--xor-mark"\n';
    const served = await raw(
      `POST /diagnose HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n`,
      body,
    );
    expect(served.startsWith("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200"), served.slice(0, 80)).toBe(true);
    expect(parse(served.slice(served.indexOf("HTTP/1.1 200"))).body).toMatchObject({ findings: [{ id: "xt-mark-ipv6-typo-2024" }] });
  });

  it("drains a refused request's body only so far: a body that does not come in time ends the connection", async () => {
    for (const head of [
      "POST /diagnose HTTP/1.1\r\nContent-Type: text/plain\r\nContent-Length: 100000000000\r\n\r\n",
      "POST /diagnose HTTP/1.1\r\nHost: zq zq\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n",
    ]) {
      // raw() resolves when the server closes: it must not wait for the body that never comes.
      const started = Date.now();
      const { status } = parse(await raw(head));
      expect(status, head).toBe(400);
      expect(Date.now() - started, head).toBeLessThan(5_000);
    }
  });

  it("drains the body of any request answered without reading it only so far: a GET with a body that never comes", async () => {
    // No route reads a GET's body (the adapter makes none), so Node alone would wait for all of it.
    for (const head of [
      "GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000000\r\n\r\n",
      "GET /nowhere HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n",
    ]) {
      const started = Date.now();
      const response = await raw(head);
      expect(Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1]), head).toBeGreaterThanOrEqual(200);
      expect(Date.now() - started, head).toBeLessThan(5_000);
    }
    // However fast it comes, at most MAX_DRAIN_BYTES (64 MB) of it is read before the connection is dropped
    // (Node's own dump would read on until the timer; loopback carries some 300 MB in its 500 ms).
    const fast = await uploadUntilClosed("GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000000\r\n\r\n");
    expect(fast.response).toMatch(/^HTTP\/1\.1 200/);
    expect(fast.sent).toBeLessThan(128 * 1024 * 1024);
    // A body that does come is read and dropped, and the connection serves the next request.
    const both = await raw(
      "GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello",
      "GET /nowhere HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    expect(both).toMatch(/^HTTP\/1\.1 200[\s\S]*HTTP\/1\.1 404/);
  });

  it("a Host that is no host, a backslash in the path, an absolute URL that does not parse: 400, nothing echoed or logged", async () => {
    const cases: Array<[string, string]> = [
      ["GET /health HTTP/1.1\r\nHost: zq.example/zqpath\r\n\r\n", "invalid-host"],
      ["GET /health HTTP/1.1\r\nHost: zq zq\r\n\r\n", "invalid-host"],
      ["GET /health HTTP/1.1\r\nHost: zq@a\r\n\r\n", "invalid-host"],
      ["GET /bugs\\zq HTTP/1.1\r\nHost: x\r\n\r\n", "invalid-request-target"],
      ["GET http://[zq HTTP/1.1\r\nHost: x\r\n\r\n", "invalid-request-target"],
    ];
    for (const [bytes, slug] of cases) {
      // Connection: close ends each exchange at once (a refusal keeps a kept-alive connection open).
      const res = await raw(bytes.replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n"));
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

describe("an error escaping the app", () => {
  it("is a 500 problem, logged always by its name, never its message", async () => {
    const accessLog: Array<Record<string, unknown>> = [];
    const errors: string[] = [];
    const res = onRequestError(
      (e) => accessLog.push(e),
      (l) => errors.push(l),
    )(new TypeError("zq secret from the request"));
    expect(res.status).toBe(500);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({ status: 500, type: "https://known-bugs.dev/problems/internal" });
    expect(errors).toHaveLength(1);
    expect(JSON.parse(errors[0] as string)).toMatchObject({ level: "error", event: "unhandled-error", error: { name: "TypeError" } });
    expect(errors.join("")).not.toContain("zq");
    expect(accessLog).toEqual([]);
  });
});
