/**
 * The real Node server (src/node/server.ts, as `npm start` runs it) as a child process for the HTTP
 * benchmark and the load test: a fresh temporary libSQL file (migrated and loaded from data/ by the
 * server's own start-up), loopback, an ephemeral port, rate limiting and access logs off.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface RunningServer {
  url: string;
  pid: number;
  /** Resident set size of the server process, in MB (from /proc). */
  rssMb(): number;
  /** CPU time (user + system, all threads) the server process has used so far, in ms (10 ms ticks). */
  cpuMs(): number;
  stop(): Promise<void>;
}

const MB = 1024 * 1024;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      s.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function launch(env: Record<string, string>): Promise<{ proc: ChildProcess; url: string | null; output: () => string }> {
  // BENCH_SERVER_DIR: another checkout's server (its own code, node_modules and data/), to compare branches.
  const proc = spawn(process.execPath, ["--import", "tsx", "src/node/server.ts"], {
    cwd: process.env.BENCH_SERVER_DIR ?? process.cwd(),
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const collect = (d: Buffer) => {
    output += d.toString();
  };
  proc.stdout?.on("data", collect);
  proc.stderr?.on("data", collect);
  return new Promise((resolve) => {
    const timer = setTimeout(() => finish(null), 120_000);
    const poll = setInterval(() => {
      const m = /listening on http:\/\/[^:\s]+:(\d+)/.exec(output);
      if (m) finish(`http://127.0.0.1:${m[1]}`);
    }, 25);
    const finish = (url: string | null) => {
      clearInterval(poll);
      clearTimeout(timer);
      proc.off("exit", onExit);
      resolve({ proc, url, output: () => output });
    };
    const onExit = () => finish(null);
    proc.once("exit", onExit);
  });
}

/**
 * Starts the server on 127.0.0.1 port 0. A server whose configuration refuses PORT=0 (before the
 * hardening branch) gets a port the OS just handed out instead.
 */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), "known-bugs-http-bench-"));
  const env = {
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: `file:${join(dir, "kb.db")}`,
    KB_DIR: "data",
    MAX_BODY_BYTES: String(16 * MB),
    RATE_LIMIT_PER_MINUTE: "0",
    ACCESS_LOG: "off",
    ...extraEnv,
  };
  let started = await launch(env);
  if (!started.url && /PORT/.test(started.output())) started = await launch({ ...env, PORT: String(await freePort()) });
  const { proc, url } = started;
  if (!url || proc.pid === undefined) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`the server did not start:\n${started.output()}`);
  }
  const pid = proc.pid;
  const exited = new Promise<void>((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) resolve();
    else proc.once("exit", () => resolve());
  });
  return {
    url,
    pid,
    rssMb() {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      return m ? Number(m[1]) / 1024 : Number.NaN;
    },
    cpuMs() {
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return (Number(fields[11]) + Number(fields[12])) * 10;
    },
    async stop() {
      agent.destroy();
      proc.kill("SIGTERM");
      const killer = setTimeout(() => proc.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(killer);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const agent = new Agent({ keepAlive: true });

/**
 * POSTs a raw bundle and reads the whole answer; returns the wall time in ms and the status. node:http
 * writes the buffer as it is (fetch would copy it through a web stream first), so the time is the server's.
 */
export function postBundle(url: string, body: Uint8Array): Promise<{ ms: number; status: number; bytes: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/diagnose`,
      { method: "POST", agent, headers: { "content-type": "text/plain", "content-length": body.byteLength } },
      (res) => {
        let bytes = 0;
        res.on("data", (chunk: Buffer) => {
          bytes += chunk.length;
        });
        res.on("end", () => resolve({ ms: performance.now() - t0, status: res.statusCode ?? 0, bytes }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
