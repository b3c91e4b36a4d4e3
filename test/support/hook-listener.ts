import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** What a platform answers a post with, instead of 200 "ok". */
export interface ScriptedAnswer {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}

/** A stand-in for Slack's response_url endpoint: a real HTTP listener on 127.0.0.1, port 0. */
export interface HookListener {
  origin: string;
  url(): string;
  received(path: string): unknown[];
  waitFor(url: string, n: number, timeoutMs?: number): Promise<unknown[]>;
  /** Holds the answer to every request until `release()` (to show the ack does not wait for delivery). */
  hold(): { release(): void };
  /** The next posts to `url` are answered these ways, in turn (a 429, a 500, a refusal); those after, 200. */
  script(url: string, answers: ScriptedAnswer[]): void;
  close(): Promise<void>;
}

export async function startHookListener(): Promise<HookListener> {
  const bodies = new Map<string, unknown[]>();
  const scripts = new Map<string, ScriptedAnswer[]>();
  let gate: Promise<void> | null = null;
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const list = bodies.get(req.url ?? "") ?? [];
    list.push(JSON.parse(Buffer.concat(chunks).toString("utf8")));
    bodies.set(req.url ?? "", list);
    if (gate) await gate;
    const scripted = scripts.get(req.url ?? "")?.shift();
    if (scripted) res.writeHead(scripted.status, { "content-type": "text/plain", ...scripted.headers }).end(scripted.body ?? "");
    else res.writeHead(200, { "content-type": "text/plain" }).end("ok");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let n = 0;
  return {
    origin,
    url: () => `${origin}/hooks/${++n}`,
    received: (path) => bodies.get(path) ?? [],
    async waitFor(url, count, timeoutMs = 5000) {
      const path = new URL(url).pathname;
      const until = Date.now() + timeoutMs;
      while ((bodies.get(path)?.length ?? 0) < count) {
        if (Date.now() > until) throw new Error(`expected ${count} posts to ${path}, got ${bodies.get(path)?.length ?? 0}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return bodies.get(path) ?? [];
    },
    hold() {
      let release = () => {};
      gate = new Promise<void>((r) => {
        release = () => {
          gate = null;
          r();
        };
      });
      return { release };
    },
    script: (url, answers) => scripts.set(new URL(url).pathname, [...answers]),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
