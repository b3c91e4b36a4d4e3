/**
 * `known-bugs collect`: a bundle of the machine it runs on, with Node's own modules only. Each output
 * follows a `$ command` line, the shape the engine's bundle parser reads (src/engine/facts/bundle-sections.ts);
 * notes are `# ` lines, which the parser treats as commands, not logs. bin/collect.sh prints the same.
 */
import { execFile } from "node:child_process";
import { access, open, readdir, readFile } from "node:fs/promises";
import { hostname } from "node:os";
import { delimiter, join } from "node:path";
import { Redactor } from "./redact";

export interface CollectOptions {
  /** Seconds each command may take. */
  timeout: number;
  /** Last lines kept of each log. */
  lines: number;
  redact: boolean;
  /** Shown in the header. */
  version: string;
}

/** Kernel modules whose presence decides netfilter, IPVS and overlay bugs. */
const MODULES_PATTERN =
  "^(ip6?_tables|x_tables|xt_MARK|xt_mark|xt_conntrack|nf_tables|nft_compat|nf_conntrack|nf_nat|br_netfilter|ip_vs[a-z_]*|ip_set[a-z_]*|overlay|vxlan|ip6?table_[a-z]+) ";
const UNITS = ["kube-proxy", "kubelet", "containerd", "docker"];
const POD_LOGS = ["kube-proxy", "calico-node", "cilium", "kube-flannel"];
const SBIN = ["/usr/local/sbin", "/usr/sbin", "/sbin"];
/** Enough for the last few hundred lines of a container log without reading a large file whole. */
const TAIL_BYTES = 2 * 1024 * 1024;

type Output = { ok: true; text: string } | { ok: false; note: string };

export async function collect(opts: CollectOptions): Promise<string> {
  const out: string[] = [`# known-bugs collect ${opts.version} at ${new Date().toISOString().replace(/\.\d+Z$/, "Z")}`];
  const section = (command: string, result: Output) => {
    if (result.ok) out.push(`$ ${command}`, result.text.replace(/\s+$/, ""));
    else out.push(`# skipped: ${command}: ${result.note}`);
  };
  const run = (file: string, args: string[]) => runTool(file, args, opts.timeout);

  section("uname -a", await run("uname", ["-a"]));
  section("cat /proc/version", await readText("/proc/version"));
  if (await exists("/proc/version_signature")) section("cat /proc/version_signature", await readText("/proc/version_signature"));
  const osRelease = (await exists("/etc/os-release")) ? "/etc/os-release" : "/usr/lib/os-release";
  section(`cat ${osRelease}`, await readText(osRelease));
  for (const tool of ["iptables", "ip6tables", "nft", "kubelet", "containerd", "docker", "runc"])
    section(`${tool} --version`, await run(tool, ["--version"]));
  section(`grep -E '${MODULES_PATTERN}' /proc/modules`, await modules());

  const journal = await which("journalctl");
  const tail = String(opts.lines);
  const kernelLog = journal
    ? await run("journalctl", ["-k", "--no-pager", "-n", tail])
    : { ok: false as const, note: "journalctl not found" };
  if (kernelLog.ok && !noEntries(kernelLog.text)) section(`journalctl -k --no-pager -n ${tail}`, kernelLog);
  else {
    const dmesg = await run("dmesg", []);
    section(`dmesg | tail -n ${tail}`, dmesg.ok ? { ok: true, text: lastLines(dmesg.text, opts.lines) } : dmesg);
  }
  for (const unit of UNITS) {
    if (!journal) break;
    const log = await run("journalctl", ["-u", unit, "--no-pager", "-n", tail]);
    const command = `journalctl -u ${unit} --no-pager -n ${tail}`;
    if (log.ok && noEntries(log.text)) section(command, { ok: false, note: "no entries" });
    else section(command, log);
  }
  for (const file of await podLogs()) section(`tail -n ${tail} ${file}`, await tailFile(file, opts.lines));
  if (await which("kubectl"))
    section("kubectl get nodes -o wide", await run("kubectl", ["get", "nodes", "-o", "wide", "--request-timeout=5s"]));
  else section("kubectl get nodes -o wide", { ok: false, note: "kubectl not found" });

  const bundle = `${out.join("\n")}\n`;
  return opts.redact ? new Redactor().addHostnames([hostname()]).redact(bundle) : bundle;
}

const noEntries = (text: string) => text.replace(/\n/g, "") === "-- No entries --";

function lastLines(text: string, n: number): string {
  const lines = text.replace(/\s+$/, "").split("\n");
  return lines.slice(-n).join("\n");
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** The last lines of a file that may be large: only its end is read. */
export async function tailFile(path: string, lines: number): Promise<Output> {
  try {
    const handle = await open(path, "r");
    try {
      const { size } = await handle.stat();
      const length = Math.min(size, TAIL_BYTES);
      const buffer = Buffer.alloc(length);
      await handle.read(buffer, 0, length, size - length);
      const text = buffer.toString("utf8");
      // A partial first line is dropped unless the whole file was read.
      return { ok: true, text: lastLines(length < size ? text.slice(text.indexOf("\n") + 1) : text, lines) };
    } finally {
      await handle.close();
    }
  } catch (e) {
    return { ok: false, note: errorNote(e) };
  }
}

async function readText(path: string): Promise<Output> {
  try {
    return { ok: true, text: await readFile(path, "utf8") };
  } catch (e) {
    return { ok: false, note: errorNote(e) };
  }
}

/** Looks a tool up on PATH and in the sbin directories a non-root PATH often lacks. */
async function which(tool: string): Promise<string | null> {
  const dirs = [...(process.env.PATH ?? "").split(delimiter), ...SBIN].filter(Boolean);
  for (const dir of dirs) {
    const path = join(dir, tool);
    try {
      await access(path, 1); // X_OK
      return path;
    } catch {}
  }
  return null;
}

async function runTool(tool: string, args: string[], timeoutSeconds: number): Promise<Output> {
  const path = await which(tool);
  if (!path) return { ok: false, note: `${tool} not found` };
  return new Promise((resolve) => {
    execFile(
      path,
      args,
      {
        timeout: timeoutSeconds * 1000,
        maxBuffer: 32 * 1024 * 1024,
        env: { ...process.env, LC_ALL: "C", SYSTEMD_PAGER: "", PAGER: "cat", SYSTEMD_COLORS: "0" },
      },
      (error, stdout, stderr) => {
        const text = stdout.trim() ? stdout : stderr;
        if (!error) return resolve({ ok: true, text });
        if (error.killed || error.signal === "SIGTERM") return resolve({ ok: false, note: `timed out after ${timeoutSeconds} s` });
        const why = (firstLine(stderr) || firstLine(stdout) || error.message).slice(0, 300);
        resolve({ ok: false, note: `exit status ${error.code ?? "?"}: ${why}` });
      },
    );
  });
}

async function modules(): Promise<Output> {
  const all = await readText("/proc/modules");
  if (!all.ok) return all;
  const re = new RegExp(MODULES_PATTERN);
  const found = all.text.split("\n").filter((l) => re.test(l));
  return found.length ? { ok: true, text: found.join("\n") } : { ok: false, note: "none of the modules of interest is loaded" };
}

/** kube-proxy and CNI agents' container logs, where the kubelet keeps them. */
async function podLogs(): Promise<string[]> {
  try {
    const names = await readdir("/var/log/containers");
    return names
      .filter((n) => POD_LOGS.some((p) => n.startsWith(`${p}-`)) && n.endsWith(".log"))
      .sort()
      .map((n) => join("/var/log/containers", n));
  } catch {
    return [];
  }
}

const firstLine = (s: string) => s.trim().split("\n")[0]?.trim() ?? "";

function errorNote(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "not present";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  return e instanceof Error ? e.message : String(e);
}
