/**
 * Realistic logs for the benchmarks: generated journald/klog/containerd traffic (timestamps, hostnames,
 * pids, klog headers, multi-line `err=<` blocks, kernel ring-buffer lines) with real symptom lines from
 * the records' own examples (`examples[].log` in data/bugs) planted at a chosen share of lines.
 *
 * The hit pool keeps only example lines that the knowledge base's matcher hits on their own, in the
 * framing they are planted with; the noise is checked to hit nothing (see test/bench), so the share of
 * lines with a hit is the density asked for.
 */
import type { CompiledKb } from "../../src/engine/compile-kb";
import { isProbe } from "../../src/engine/compile-kb";
import type { BugRecord } from "../../src/kb/record-schema";

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;
const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const int = (rand: Rand, n: number) => Math.floor(rand() * n);
const hex = (rand: Rand, len: number) => {
  let s = "";
  while (s.length < len) s += int(rand, 0x100000000).toString(16).padStart(8, "0");
  return s.slice(0, len);
};
const pad = (n: number, w: number) => String(n).padStart(w, "0");

const HOSTS = ["ip-10-0-12-34", "ip-10-0-7-201", "worker-2", "node-a3f9", "gke-pool-1-7c1e2f-x9k2", "aks-nodepool1-31718369-vmss000002"];
const POD_NAMES = ["coredns-5d78c9869d-7xk2p", "app-7d9f8b6c4-qm2lz", "prometheus-0", "ingress-nginx-controller-6b8c9", "redis-cache-1"];
const NAMESPACES = ["kube-system", "default", "monitoring", "ingress-nginx", "payments"];
const GO_FILES = [
  "kubelet.go",
  "pod_workers.go",
  "kuberuntime_manager.go",
  "prober.go",
  "reconciler_common.go",
  "proxier.go",
  "server.go",
  "eviction_manager.go",
  "kubelet_node_status.go",
  "cpu_manager.go",
  "generic.go",
  "event.go",
];
const KLOG_MESSAGES = [
  (r: Rand) =>
    `"SyncLoop (PLEG): event for pod" pod="${pick(r, NAMESPACES)}/${pick(r, POD_NAMES)}" event={"ID":"${hex(r, 8)}-${hex(r, 4)}","Type":"ContainerStarted","Data":"${hex(r, 64)}"}`,
  (r: Rand) => `"Probe succeeded" probeType="Readiness" pod="${pick(r, NAMESPACES)}/${pick(r, POD_NAMES)}" containerName="app"`,
  (r: Rand) =>
    `"operationExecutor.VerifyControllerAttachedVolume started for volume \\"kube-api-access-${hex(r, 5)}\\"" pod="${pick(r, NAMESPACES)}/${pick(r, POD_NAMES)}"`,
  (r: Rand) => `"Syncing iptables rules" ipFamily="IPv${pick(r, ["4", "6"])}"`,
  (r: Rand) => `"SyncProxyRules complete" ipFamily="IPv4" elapsed="${int(r, 900)}.${int(r, 999)}ms"`,
  (_r: Rand) => `"Updating node status"`,
  (r: Rand) => `"RemoveContainer" containerID="${hex(r, 64)}"`,
  (r: Rand) => `"Started podSandbox" podSandboxID="${hex(r, 64)}"`,
  (_r: Rand) => `"Eviction manager: no resources are starved"`,
  (_r: Rand) => `"Fast updating node status as it just became ready"`,
  (r: Rand) =>
    `"Observed pod startup duration" pod="${pick(r, NAMESPACES)}/${pick(r, POD_NAMES)}" podStartSLOduration=${int(r, 30)}.${int(r, 999)}`,
];
const CONTAINERD_MESSAGES = [
  (r: Rand) => `StartContainer for \\"${hex(r, 64)}\\" returns successfully`,
  (r: Rand) =>
    `RunPodSandbox for &PodSandboxMetadata{Name:${pick(r, POD_NAMES)},Uid:${hex(r, 8)}-${hex(r, 4)},Namespace:${pick(r, NAMESPACES)},Attempt:0,} returns sandbox id \\"${hex(r, 64)}\\"`,
  (_r: Rand) => `ImageCreate event name:\\"registry.k8s.io/pause:3.9\\" labels:{key:\\"io.cri-containerd.image\\" value:\\"managed\\"}`,
  (r: Rand) => `shim disconnected id=${hex(r, 64)} namespace=k8s.io`,
  (r: Rand) => `cleaning up after shim disconnected id=${hex(r, 64)} namespace=k8s.io`,
  (r: Rand) => `PullImage \\"docker.io/library/nginx:1.25\\" returns image reference \\"sha256:${hex(r, 64)}\\"`,
];
const KERNEL_MESSAGES = [
  (r: Rand) => `IPv6: ADDRCONF(NETDEV_CHANGE): cali${hex(r, 11)}: link becomes ready`,
  (r: Rand) => `cni0: port ${1 + int(r, 9)}(veth${hex(r, 8)}) entered forwarding state`,
  (r: Rand) => `device veth${hex(r, 8)} entered promiscuous mode`,
  (r: Rand) => `EXT4-fs (nvme${int(r, 3)}n1p1): mounted filesystem with ordered data mode. Quota mode: none.`,
  (_r: Rand) =>
    `overlayfs: upperdir is in-use as upperdir/workdir of another mount, accessing files from both mounts will result in undefined behavior.`,
  (r: Rand) =>
    `audit: type=1400 audit(${1700000000 + int(r, 1e6)}.${int(r, 999)}:${int(r, 9999)}): apparmor="STATUS" operation="profile_replace" profile="cri-containerd.apparmor.d" pid=${int(r, 65535)} comm="apparmor_parser"`,
  (r: Rand) =>
    `systemd-journald[${int(r, 999)}]: Data hash table of /var/log/journal/${hex(r, 32)}/system.journal has a fill level at 75.0, suggesting rotation.`,
];
const SYSTEMD_MESSAGES = [
  (r: Rand) => `Started cri-containerd-${hex(r, 64)}.scope - libcontainer container ${hex(r, 64)}.`,
  (r: Rand) => `run-containerd-io.containerd.runtime.v2.task-k8s.io-${hex(r, 64)}-rootfs.mount: Deactivated successfully.`,
  (r: Rand) =>
    `Created slice kubepods-besteffort-pod${hex(r, 8)}_${hex(r, 4)}.slice - libcontainer container kubepods-besteffort-pod${hex(r, 8)}.slice.`,
  (_r: Rand) => `Starting sysstat-collect.service - system activity accounting tool...`,
];

function clock(r: Rand): { syslog: string; klog: string; iso: string } {
  const [h, m, s, us] = [int(r, 24), int(r, 60), int(r, 60), int(r, 1e6)];
  const t = `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}`;
  return { syslog: `Nov 13 ${t}`, klog: `1113 ${t}.${pad(us, 6)}`, iso: `2023-11-13T${t}.${pad(us, 6)}${pad(int(r, 999), 3)}Z` };
}

/** One generated record: usually one line, sometimes a klog multi-line `err=<` block (several lines). */
function noiseRecord(r: Rand): string[] {
  const c = clock(r);
  const host = pick(r, HOSTS);
  const klog = (sev: string, msg: string) => `${sev}${c.klog}    ${int(r, 99999)} ${pick(r, GO_FILES)}:${int(r, 2000)}] ${msg}`;
  const journald = (unit: string, msg: string) => `${c.syslog} ${host} ${unit}: ${msg}`;
  const kubelet = `kubelet[${1000 + int(r, 9000)}]`;
  const roll = r();
  if (roll < 0.4) return [journald(kubelet, klog(pick(r, ["I", "I", "I", "W"]), pick(r, KLOG_MESSAGES)(r)))];
  if (roll < 0.52) return [klog("I", pick(r, KLOG_MESSAGES)(r))];
  if (roll < 0.68)
    return [journald(`containerd[${500 + int(r, 500)}]`, `time="${c.iso}" level=info msg="${pick(r, CONTAINERD_MESSAGES)(r)}"`)];
  if (roll < 0.8) return [journald("kernel", pick(r, KERNEL_MESSAGES)(r))];
  if (roll < 0.93) return [journald("systemd[1]", pick(r, SYSTEMD_MESSAGES)(r))];
  // A klog multi-line value, as kubelet logs a wrapped error: `err=<`, tab-indented lines, ` > key=value`.
  const pod = `${pick(r, NAMESPACES)}/${pick(r, POD_NAMES)}`;
  const head = journald(kubelet, klog("E", `"Error syncing pod, skipping" err=<`));
  const body = [
    `\tfailed to "StartContainer" for "app" with CrashLoopBackOff: "back-off ${pick(r, ["10s", "20s", "40s", "1m20s", "5m0s"])} restarting failed container=app pod=${pod.split("/")[1]}_${pod.split("/")[0]}(${hex(r, 8)}-${hex(r, 4)})"`,
    `\tcontainer exited with status ${1 + int(r, 136)}`,
  ].slice(0, 1 + int(r, 2));
  return [head, ...body.map((b) => journald(kubelet, b)), journald(kubelet, ` > pod="${pod}" podUID="${hex(r, 8)}-${hex(r, 4)}"`)];
}

const FRAMED = /^(?:[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d |[IWEF]\d{4} |\d{4}-\d\d-\d\d[T ]|\[ *\d+\.\d+\]|time=|\{)/;

/** A real example line as a node would log it: lines that carry their own framing stay as they are. */
function frame(r: Rand, line: string): string {
  if (FRAMED.test(line)) return line;
  const c = clock(r);
  return `${c.syslog} ${pick(r, HOSTS)} ${pick(r, ["kubelet[2841]", "containerd[912]", "dockerd[1203]", "kernel"])}: ${line}`;
}

/** Lines with at least one record hit (the engine's own fact probes do not count). */
export function hitLines(kb: CompiledKb, text: string): Set<number> {
  const lines = new Set<number>();
  for (const h of kb.matcher.scan(text)) if (!isProbe(h.key)) lines.add(h.line);
  return lines;
}

/** Every line of every example log, trimmed, distinct. */
export function exampleLines(records: readonly BugRecord[]): string[] {
  const lines = new Set<string>();
  for (const r of records) for (const e of r.examples) for (const l of e.log.split("\n")) if (l.trim()) lines.add(l.trimEnd());
  return [...lines];
}

/**
 * The planting pool: example lines the matcher hits on their own once framed (each paired with its framing),
 * and the rest of the example lines (near misses, context) that hit nothing, mixed into the noise as real traffic.
 */
export function linePools(kb: CompiledKb, records: readonly BugRecord[], seed = 7): { hits: string[]; misses: string[] } {
  const r = rng(seed);
  const hits: string[] = [];
  const misses: string[] = [];
  for (const line of exampleLines(records)) {
    if (line.length > 8000) continue; // a pasted megabyte-long line is not traffic
    const framed = frame(r, line);
    if (hitLines(kb, framed).size) hits.push(framed);
    else if (hitLines(kb, line).size === 0 && !/^\s/.test(line)) misses.push(framed);
  }
  return { hits, misses };
}

export interface RealisticLog {
  text: string;
  lines: number;
  /** Lines planted from the hit pool. */
  planted: number;
}

/**
 * About `bytes` of log where `density` of the lines are planted symptom lines. Multi-line noise records
 * count as several lines. A share of the noise is real example lines that hit nothing.
 */
export function realisticLog(opts: {
  bytes: number;
  density: number;
  hits: readonly string[];
  misses: readonly string[];
  seed?: number;
}): RealisticLog {
  const r = rng(opts.seed ?? 20241113);
  const out: string[] = [];
  let size = 0;
  let planted = 0;
  // Plant by error diffusion so the share is exact at any size, spread out rather than clustered.
  let owed = 0;
  while (size < opts.bytes) {
    owed += opts.density;
    let record: string[];
    if (owed >= 1 && opts.hits.length) {
      owed -= 1;
      planted++;
      record = [pick(r, opts.hits)];
    } else if (opts.misses.length && r() < 0.01) {
      record = [pick(r, opts.misses)];
    } else {
      record = noiseRecord(r);
      owed += opts.density * (record.length - 1);
    }
    for (const line of record) {
      out.push(line);
      size += line.length + 1;
    }
  }
  // Each line counted its newline: the text ends with one, as a collected log does.
  return { text: `${out.join("\n")}\n`, lines: out.length, planted };
}

/** A collected bundle: uname and os-release sections in front of the log, as `collect` prints them. */
export function bundle(log: string): string {
  return [
    "$ uname -a",
    "Linux ip-10-0-12-34.ec2.internal 5.10.186-179.751.amzn2.x86_64 #1 SMP Tue Aug 1 20:51:38 UTC 2023 x86_64 x86_64 x86_64 GNU/Linux",
    "$ cat /etc/os-release",
    'NAME="Amazon Linux"',
    'VERSION="2"',
    'ID="amzn"',
    'ID_LIKE="centos rhel fedora"',
    'VERSION_ID="2"',
    'PRETTY_NAME="Amazon Linux 2"',
    "$ journalctl -b --no-pager",
    log,
  ].join("\n");
}
