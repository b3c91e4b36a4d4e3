import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Spawned {
  proc: ChildProcess;
  /** http://127.0.0.1:<port> once listening; null when the process exited first. */
  url: string | null;
  /** Everything written so far to stdout and stderr. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal) once the process ends. */
  exited: Promise<number | string | null>;
  stop(): Promise<void>;
}

/** The real entry (`npm start`'s src/node/server.ts) as a child process on an ephemeral port of 127.0.0.1. */
export function spawnServer(
  env: Record<string, string>,
  opts: { uid?: number; gid?: number; script?: string; args?: string[]; onStderr?: (soFar: string) => void } = {},
): Promise<Spawned> {
  const proc = spawn(process.execPath, ["--import", "tsx", opts.script ?? "src/node/server.ts", ...(opts.args ?? [])], {
    // A budget far above the start-up guard's (twice the knowledge base's compile time, 5.6 s on a loaded CI machine):
    // only a test of that guard sets its own.
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "/tmp",
      PORT: "0",
      HOST: "127.0.0.1",
      ACCESS_LOG: "off",
      DIAGNOSE_TIMEOUT_MS: "60000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.gid ?? opts.uid } : {}),
  });
  let out = "";
  let err = "";
  proc.stdout?.on("data", (d: Buffer) => {
    out += d.toString();
  });
  proc.stderr?.on("data", (d: Buffer) => {
    err += d.toString();
    opts.onStderr?.(err);
  });
  // "close", not "exit": the process may exit before its last stderr line reaches us (a slow machine lost a start-up
  // failure's one line that way), and "close" waits for its stdio to end.
  const exited = new Promise<number | string | null>((resolve) => proc.once("close", (code, signal) => resolve(code ?? signal)));
  const stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGTERM");
    await exited;
  };
  return new Promise((resolve) => {
    const done = (url: string | null) => {
      clearInterval(poll);
      resolve({ proc, url, stdout: () => out, stderr: () => err, exited, stop });
    };
    const poll = setInterval(() => {
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m?.[1]) done(m[1]);
    }, 20);
    void exited.then(() => setTimeout(() => done(null), 50));
  });
}

/**
 * The real server on a database file of its own, with its access log on, for one test file: started in
 * beforeAll, stopped (and its directory removed) by the returned `close` in afterAll.
 */
export async function startLoggingServer(
  prefix: string,
  env: Record<string, string> = {},
): Promise<{ server: Spawned; url: string; port: number; close(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const server = await spawnServer({ DATABASE_URL: `file:${join(dir, "kb.db")}`, ACCESS_LOG: "on", ...env });
  if (!server.url) throw new Error(server.stderr());
  return {
    server,
    url: server.url,
    port: Number(new URL(server.url).port),
    close: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The lines a failed start printed: one line, no stack trace. */
export function oneLine(text: string): string {
  const lines = text.trim().split("\n");
  if (lines.length !== 1 || /^\s+at /m.test(text)) throw new Error(`expected one line, got:\n${text}`);
  return lines[0] ?? "";
}
