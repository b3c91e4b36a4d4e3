import { execFile } from "node:child_process";
import { hostname } from "node:os";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { tailFile } from "../../src/cli/known-bugs/collect";
import { hostnamesIn, Redactor } from "../../src/cli/known-bugs/redact";
import { extractFacts } from "../../src/engine/facts";
import { runCli, writeTempFiles } from "../support/run-cli";
import { UNEVEN_FLEET, XOR_MARK_JOURNALD } from "../support/seed-logs";

const sh = promisify(execFile);
const commandLines = (bundle: string) => bundle.split("\n").filter((l) => /^[$#] /.test(l));

describe("known-bugs collect on this machine", () => {
  it("prints a bundle whose kernel and OS the engine reads, with a note for each missing tool", async () => {
    const r = await runCli(["collect", "--timeout", "5"]);
    expect(r.code).toBe(0);
    const lines = commandLines(r.stdout);
    expect(lines[0]).toMatch(/^# known-bugs collect \S+ at \d{4}-/);
    expect(lines).toContain("$ uname -a");
    const facts = extractFacts(r.stdout);
    const release = (await sh("uname", ["-r"])).stdout.trim();
    expect(facts.kernel?.release).toBe(release);
    expect(facts.os).not.toBeNull();
    // Every tool is either shown or skipped with a reason; none fails silently.
    for (const tool of ["iptables", "ip6tables", "nft", "kubelet", "containerd", "docker", "runc"]) {
      expect(
        lines.some((l) => l === `$ ${tool} --version` || l.startsWith(`# skipped: ${tool} --version: `)),
        tool,
      ).toBe(true);
    }
    expect(lines.some((l) => l.startsWith("$ kubectl get nodes") || l.startsWith("# skipped: kubectl get nodes -o wide: "))).toBe(true);
  });

  it("bin/collect.sh prints the same sections with sh only", async () => {
    const [node, shell] = await Promise.all([
      runCli(["collect", "--timeout", "5"]),
      sh("sh", ["bin/collect.sh"], { env: { ...process.env, KNOWN_BUGS_TIMEOUT: "5" } }),
    ]);
    // Timestamps differ (header, a failing kubectl's error line); the command lines and notes do not.
    const strip = (b: string) =>
      commandLines(b)
        .slice(1)
        .map((l) => l.replace(/\d\d:\d\d:\d\d\.\d+\s+\d+ /, ""));
    expect(strip(shell.stdout)).toEqual(strip(node.stdout));
    expect(extractFacts(shell.stdout).kernel?.release).toBe(extractFacts(node.stdout).kernel?.release);
  });

  it("--redact leaves no hostname or address of this machine, and the bundle still parses", async () => {
    const [plain, redacted] = await Promise.all([runCli(["collect", "--timeout", "5"]), runCli(["collect", "--redact", "--timeout", "5"])]);
    const name = hostname();
    const ips = new Set(plain.stdout.match(/\b(?:\d{1,3}\.){3}\d{1,3}\b/g) ?? []);
    expect(redacted.stdout).not.toMatch(new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`));
    for (const ip of ips) if (!ip.startsWith("127.") && ip !== "0.0.0.0") expect(redacted.stdout).not.toContain(ip);
    expect(extractFacts(redacted.stdout).kernel?.release).toBe(extractFacts(plain.stdout).kernel?.release);
  });
});

describe("container logs", () => {
  it("keeps the last lines of a large log without reading it whole", async () => {
    const lines = Array.from({ length: 60_000 }, (_, i) => `2024-11-13T16:15:07.931291Z stderr F line ${i} ${"x".repeat(40)}`);
    const [file] = await writeTempFiles({ "kube-proxy.log": `${lines.join("\n")}\n` });
    const out = await tailFile(file ?? "", 3);
    expect(out).toEqual({ ok: true, text: lines.slice(-3).join("\n") });
    expect(await tailFile("/no/such/file", 3)).toEqual({ ok: false, note: "not present" });
  });
});

describe("redaction", () => {
  const bundle = `$ uname -a
Linux k8s-192-168-3-26 5.15.0-127-generic #137-Ubuntu SMP Fri Nov 8 15:21:01 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux
${XOR_MARK_JOURNALD}
I1129 09:31:26.751639       1 node.go:136] Successfully retrieved node IP: 192.168.49.2
I1129 09:31:26.751870       1 server_others.go:111] kube-proxy node IP is an IPv4 address (192.168.49.2), assume IPv4 operation
kubeadm join 10.20.0.11:6443 --token abcdef.0123456789abcdef --discovery-token-ca-cert-hash sha256:${"a".repeat(64)}
Authorization: Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQifQ.c2lnbmF0dXJl
route to fe80::1c2a:3bff:fe4d:5e6f via 2001:470:1f0b:1::2, MAC 52:54:00:12:34:56 at 11:12:14
${UNEVEN_FLEET}`;
  const out = new Redactor().redact(bundle);

  it("replaces IPs, hostnames and tokens, the same value always by the same placeholder", () => {
    for (const secret of [
      "k8s-192-168-3-26",
      "192.168.49.2",
      "10.20.0.11",
      "10.20.0.13",
      "abcdef.0123456789abcdef",
      "eyJhbGciOi",
      "fe80::1c2a",
      "2001:470:1f0b",
      "master-1",
      "worker-2",
    ])
      expect(out, secret).not.toContain(secret);
    expect(out.match(/192\.0\.2\.1\b/g)?.length).toBe(2); // 192.168.49.2, twice
    expect(out).toContain("Linux host-1 5.15.0-127-generic #137-Ubuntu");
    expect(out).toContain("Feb 17 11:12:14 host-1 kube-proxy[9234]:");
    expect(out).toMatch(/--token REDACTED-TOKEN-\d+ /);
    expect(out).toMatch(/Bearer REDACTED-TOKEN-\d+/);
    expect(out).toContain("2001:db8::1");
    expect(out).toContain("at 11:12:14"); // times and MACs are not addresses
    expect(out).toContain("52:54:00:12:34:56");
  });

  it("keeps what the engine reads: kernel, versions, the nodes table and the log lines", () => {
    const facts = extractFacts(out);
    expect(facts.kernel?.release).toBe("5.15.0-127-generic");
    expect(facts.nodes.map((n) => n.kernel)).toEqual(["5.15.0-126-generic", "5.15.0-126-generic", "5.15.0-127-generic"]);
    expect(facts.nodes.every((n) => /^host-\d+$/.test(n.name))).toBe(true);
    expect(out).toContain('ip6tables-restore v1.8.7 (nf_tables): unknown option "--xor-mark"');
    expect(new Redactor().redact(bundle)).toBe(out); // deterministic
  });

  it("finds the hostnames a shell prompt, hostnamectl and docker info show (review 63h F2)", () => {
    // moby/moby#23358's prompt and docker info (Name: and No Proxy: name the host); hostnamectl's summary.
    const text = [
      "[root@mnowak ~]# docker info",
      "Server Version: 1.11.1",
      "Docker Root Dir: /var/lib/docker",
      " Name: mo-05782c99c",
      "No Proxy: localhost,mo-05782c99c",
      "admin@web-1:~$ hostnamectl",
      "   Static hostname: db-7",
      "Name: coredns-5d78c9869d-abcde", // kubectl describe's object, not a host
    ].join("\n");
    expect(hostnamesIn(text).sort()).toEqual(["db-7", "mnowak", "mo-05782c99c", "web-1"]);
    const out = new Redactor().redact(text);
    for (const name of ["mnowak", "mo-05782c99c", "web-1", "db-7"]) expect(out).not.toContain(name);
    expect(out).toContain("coredns-5d78c9869d-abcde");
  });

  it("replaces a hostname that is a common word only where a hostname stands", () => {
    const text = "Linux ubuntu 6.8.0-56-generic #58-Ubuntu SMP x86_64 GNU/Linux\nID=ubuntu\nMar 01 10:00:00 ubuntu kubelet[1]: started";
    expect(hostnamesIn(text)).toEqual(["ubuntu"]);
    const r = new Redactor().redact(text);
    expect(r).toBe("Linux host-1 6.8.0-56-generic #58-Ubuntu SMP x86_64 GNU/Linux\nID=ubuntu\nMar 01 10:00:00 host-1 kubelet[1]: started");
  });
});
