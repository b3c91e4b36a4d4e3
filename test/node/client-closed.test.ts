import { type AddressInfo, connect } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestService, type TestService } from "../support/test-store";

// A client that goes away mid-body is no bug of ours: its request is logged as a client's doing (499, info),
// never as a 500 that would wake whoever watches the error rate.
let service: TestService;
let port = 0;
let close: () => void = () => {};
beforeAll(async () => {
  service = await startTestService();
  await new Promise<void>((resolve) => {
    const server = serve({ fetch: service.app.fetch, port: 0, hostname: "127.0.0.1" }, (info: AddressInfo) => {
      port = info.port;
      resolve();
    });
    close = () => server.close();
  });
});
afterAll(async () => {
  close();
  await service.cleanup();
});

/** Sends the head and part of a body announcing 1000 bytes, then closes the connection. */
function abandon(path: string, contentType: string, part: string): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1", () => {
      socket.write(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ${contentType}\r\nContent-Length: 1000\r\n\r\n${part}`);
      setTimeout(() => socket.destroy(), 100);
    });
    socket.on("close", () => resolve());
    socket.on("error", () => resolve());
  });
}

async function logFor(path: string, since: number): Promise<Record<string, unknown> | undefined> {
  for (let k = 0; k < 50; k++) {
    const entry = service.logs.slice(since).find((e) => e.path === path);
    if (entry) return entry;
    await new Promise((r) => setTimeout(r, 20));
  }
  return undefined;
}

describe("a client that closes the connection mid-body", () => {
  it("is logged as 499 at info level, for JSON, text and form bodies alike", async () => {
    for (const [type, part] of [
      ["application/json", '{"logs":"abc'],
      ["text/plain", "Linux node1 5.15.0"],
      ["application/x-www-form-urlencoded", "bundle=abc"],
    ] as const) {
      const since = service.logs.length;
      await abandon("/diagnose", type, part);
      const entry = await logFor("/diagnose", since);
      expect(entry, type).toMatchObject({ status: 499, level: "info" });
      expect(entry?.error, type).toBeUndefined();
    }
  });
});
