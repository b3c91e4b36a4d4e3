import { spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable, Writable } from "node:stream";
import { serve } from "@hono/node-server";
import { afterAll } from "vitest";
import { startTestService, type TestService } from "./test-store";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs bin/known-bugs.mjs as a user would, with `node` from PATH; never blocks the event loop (a test server may share it). */
export function runCli(
  args: string[],
  opts: { input?: string | Uint8Array; env?: Record<string, string | undefined>; stdoutTo?: string } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, KNOWN_BUGS_URL: undefined, ...opts.env };
    // `> FILE`: the report goes to that file (/dev/full: a full disk), and stdout reads as "".
    const out = opts.stdoutTo === undefined ? "pipe" : openSync(opts.stdoutTo, "w");
    const child = spawn("node", ["bin/known-bugs.mjs", ...args], { env: env as NodeJS.ProcessEnv, stdio: ["pipe", out, "pipe"] });
    if (typeof out === "number") closeSync(out);
    const { stdin, stderr: err } = child as typeof child & { stdin: Writable; stderr: Readable };
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (c: Buffer) => {
      stdout += c.toString("utf8");
    });
    err.on("data", (c: Buffer) => {
      stderr += c.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    stdin.on("error", () => {});
    stdin.end(opts.input ?? "");
  });
}

/**
 * Runs the CLI with one of its outputs closed after its first chunk, as `| head -c 1` (or `2>&1 >/dev/null |
 * head -c 1`) does; the other output is what it printed.
 */
export function runCliClosingEarly(args: string[], closed: "stdout" | "stderr" = "stdout"): Promise<{ code: number; other: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("node", ["bin/known-bugs.mjs", ...args], { stdio: ["ignore", "pipe", "pipe"] });
    const [shut, kept] = closed === "stdout" ? [child.stdout, child.stderr] : [child.stderr, child.stdout];
    let other = "";
    shut.once("data", () => shut.destroy());
    kept.on("data", (c: Buffer) => {
      other += c.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, other }));
  });
}

/** The real Node app on an ephemeral port of 127.0.0.1, over a migrated temporary libSQL file. */
export async function startHttpService(
  opts: { maxBodyBytes?: number } = {},
): Promise<TestService & { url: string; close(): Promise<void> }> {
  const service = await startTestService(opts);
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: service.app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    ...service,
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      await service.cleanup();
    },
  };
}

/** A fake server on an ephemeral port of 127.0.0.1 that answers as `handle` says (a stall, a 429, an odd body). */
export async function startFakeServer(
  handle: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The temporary directories a test file's writeTempFiles made, removed once its tests are done. */
const tempDirs: string[] = [];
afterAll(async () => {
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A new temporary directory, removed after the test file's tests. */
export async function tempDir(prefix = "known-bugs-cli-"): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** Writes files (text as UTF-8, or bytes) into a new temporary directory; returns their paths in order. */
export async function writeTempFiles(files: Record<string, string | Uint8Array>): Promise<string[]> {
  const dir = await tempDir();
  return Promise.all(
    Object.entries(files).map(async ([name, text]) => {
      const path = join(dir, name);
      await writeFile(path, text);
      return path;
    }),
  );
}
