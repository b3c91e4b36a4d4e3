import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Spawned, startLoggingServer } from "../support/spawn-server";

// A client that goes away mid-body is no bug of ours: its request is logged as a client's doing (499, info),
// never as a 500 that would wake whoever watches the error rate, nor as a malformed body. The real server, whose
// text and form bodies are read straight from the socket (read-body.ts) and JSON bodies through the adapter.
let server: Spawned;
let port: number;
let close: () => Promise<void> = async () => {};
beforeAll(async () => {
  const started = await startLoggingServer("known-bugs-closed-", { RATE_LIMIT_PER_MINUTE: "0" });
  ({ server, port, close } = started);
}, 120_000);
afterAll(() => close());

/** Sends the head and part of a body announcing 1000 bytes, then resets (or, `end`, closes) the connection. */
function abandon(contentType: string, part: string, how: "reset" | "end"): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1", () => {
      socket.write(`POST /diagnose HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ${contentType}\r\nContent-Length: 1000\r\n\r\n${part}`);
      setTimeout(() => (how === "reset" ? socket.resetAndDestroy() : socket.end()), 100);
    });
    socket.on("close", () => resolve());
    socket.on("error", () => resolve());
    // A half-closed connection may stay open for an answer nobody reads: the exchange ends here either way.
    setTimeout(() => {
      socket.destroy();
      resolve();
    }, 2000);
  });
}

/** The access log lines of /diagnose written after `since` characters of output. */
async function diagnoseLines(since: number): Promise<Array<Record<string, unknown>>> {
  for (let k = 0; k < 50; k++) {
    const lines = server
      .stdout()
      .slice(since)
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((e) => e.path === "/diagnose");
    if (lines.length) return lines;
    await new Promise((r) => setTimeout(r, 20));
  }
  return [];
}

describe("a client that closes the connection mid-body", { timeout: 60_000 }, () => {
  it("is logged as 499 at info level, for JSON, text and form bodies, reset or closed", async () => {
    for (const [type, part] of [
      ["application/json", '{"logs":"abc'],
      ["text/plain", "Linux node1 5.15.0"],
      ["application/x-www-form-urlencoded", "bundle=abc"],
    ] as const) {
      for (const how of ["reset", "end"] as const) {
        const since = server.stdout().length;
        await abandon(type, part, how);
        const [entry] = await diagnoseLines(since);
        expect(entry, `${type} ${how}`).toMatchObject({ status: 499, level: "info" });
        expect(entry?.error, `${type} ${how}`).toBeUndefined();
      }
    }
    // Nothing of them is logged as an error, by the app or by the server around it.
    expect(server.stdout()).not.toMatch(/"level":"error"/);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });
});

describe("a client that closes the connection while its diagnosis runs", { timeout: 60_000 }, () => {
  it("is logged as 499, not as the 200 nobody received (review 63f F5)", async () => {
    // A whole 4 MB journal: read in full, then diagnosed for longer than the client waits.
    const line =
      "Nov 29 02:14:07 node1 kubelet[1234]: I1129 02:14:07.123456    1234 reconciler.go:224] operationExecutor.VerifyControllerAttachedVolume started\n";
    const body = line.repeat(Math.ceil((4 * 2 ** 20) / line.length));
    const since = server.stdout().length;
    await new Promise<void>((resolve) => {
      const socket = connect(port, "127.0.0.1", () => {
        socket.write(
          `POST /diagnose HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`,
        );
        socket.write(body, () => setTimeout(() => socket.destroy(), 30));
      });
      socket.on("close", () => resolve());
      socket.on("error", () => resolve());
    });
    const [entry] = await diagnoseLines(since);
    expect(entry).toMatchObject({ status: 499, level: "info", problem: "client-closed" });
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });
});
