/**
 * Matcher throughput: synthetic knowledge bases of 100, 1,000 and 10,000 signatures against generated
 * journald/klog logs of 1, 4 and 16 MB. Prints MB/s and ms per diagnosis end to end (facts, one-pass
 * matching, verdicts, ranking): the median of back-to-back runs, as steady traffic sees it, and the
 * median of runs each after a full GC (cold caches); then the matcher alone, compile time
 * and memory per signature count, and ripgrep's time on the same literals when `rg` is on PATH.
 * Its logs plant very few hits (0.05% of lines, synthetic ones): a figure for the matcher's compile
 * and scan, not for what a user sees. `npm run bench` (bench/diagnose.bench.ts, bench/http.bench.ts)
 * measures whole diagnoses on realistic logs.
 *
 *   npm run bench:matcher    (BENCH_RUNS=9 for more runs per figure)
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { compileKnowledgeBase } from "../src/engine/compile-kb";
import { diagnoseBundle } from "../src/engine/diagnose";
import { compileMatcher, foldLiteral, requiredLiterals, type SignatureSpec } from "../src/engine/match/index";
import type { BugRecord } from "../src/kb/record-schema";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const MB = 1024 * 1024;

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20241113);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const int = (n: number) => Math.floor(rand() * n);

// Words as they appear in kernel, kubelet, kube-proxy, containerd and CNI logs.
const SOURCES = [
  "kernel",
  "kubelet",
  "kube-proxy",
  "containerd",
  "dockerd",
  "calico-node",
  "cilium-agent",
  "systemd",
  "NetworkManager",
  "iptables-restore",
  "ip6tables",
  "nf_conntrack",
  "xt_MARK",
  "EXT4-fs",
  "nvme",
  "overlayfs",
  "cgroup",
  "flanneld",
  "coredns",
  "etcd",
  "kube-apiserver",
  "runc",
  "crio",
  "ena",
  "mlx5_core",
  "bpf",
  "netfilter",
  "xfs",
  "btrfs",
  "iscsid",
] as const;
const VERBS = [
  "failed to",
  "unable to",
  "cannot",
  "error while trying to",
  "timed out waiting to",
  "refusing to",
  "could not",
  "giving up trying to",
  "retrying to",
  "skipping attempt to",
] as const;
const NOUNS = [
  "allocate",
  "mount",
  "sync",
  "program",
  "restore",
  "load",
  "attach",
  "detach",
  "create",
  "delete",
  "update",
  "resolve",
  "register",
  "open",
  "read",
  "write",
  "flush",
  "reserve",
  "probe",
  "initialise",
  "reconcile",
  "dial",
  "bind",
  "exec",
  "unmount",
] as const;
const OBJECTS = [
  "iptables rules",
  "ip6tables chain",
  "conntrack table",
  "netlink socket",
  "block device",
  "persistent volume",
  "kernel module",
  "bpf map",
  "cgroup v2 hierarchy",
  "overlay upper dir",
  "network namespace",
  "veth pair",
  "route table",
  "xfrm state",
  "nftables set",
  "sandbox container",
  "pod network",
  "inode bitmap",
  "journal superblock",
  "dma buffer",
  "irq vector",
  "page cache",
  "swap area",
  "tcp listener",
  "unix socket",
] as const;
const EXTRAS = [
  "after upgrade",
  "on ipv6",
  "for mark target",
  "with mask 0x4000",
  "revision 2",
  "in legacy mode",
  "in nf_tables mode",
  "due to missing extension",
  "because of quota",
  "while under pressure",
  "on node restart",
  "during drain",
  "during eviction",
  "for hostNetwork pod",
  "in init namespace",
  "with errno EINVAL",
  "with errno ENOENT",
  "with errno EBUSY",
  "with errno ENOSPC",
  "with status 2",
] as const;
const WORDS =
  "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu".split(
    " ",
  );

function literalText(i: number): string {
  // The trailing tag keeps 10,000 messages distinct, as real signatures of different bugs are.
  return `${pick(SOURCES)}: ${pick(VERBS)} ${pick(NOUNS)} ${pick(OBJECTS)} ${pick(EXTRAS)} ${pick(WORDS)}-${i.toString(36)}`;
}

interface Sig {
  spec: SignatureSpec;
  /** A line fragment that matches the signature. */
  sample: string;
}

function knowledgeBase(n: number): Sig[] {
  const sigs: Sig[] = [];
  for (let i = 0; i < n; i++) {
    const key = `bug-${i}/sig`;
    if (rand() < 0.15) {
      const src = pick(SOURCES);
      const [verb, noun, obj, tag] = [pick(VERBS), pick(NOUNS), pick(OBJECTS), `${pick(WORDS)}-${i.toString(36)}`];
      const pattern = `${src}\\[\\d+\\]: ${verb} ${noun} \\S+ ${obj}: error -\\d+ \\(${tag}\\)`;
      sigs.push({
        spec: { key, kind: "regex", pattern, caseSensitive: false },
        sample: `${src}[${int(99999)}]: ${verb} ${noun} /dev/sd${int(9)} ${obj}: error -${int(200)} (${tag})`,
      });
    } else {
      const text = literalText(i);
      sigs.push({ spec: { key, kind: "literal", pattern: text, caseSensitive: rand() < 0.1 }, sample: text });
    }
  }
  return sigs;
}

/** One record per signature, so the end-to-end figure includes grouping and ranking work. */
function records(sigs: Sig[]): BugRecord[] {
  return sigs.map(({ spec }) => {
    const [id = spec.key] = spec.key.split("/");
    const source = "https://example.org/synthetic";
    return {
      id,
      title: `synthetic ${id}`,
      summary: "synthetic record for the benchmark",
      components: ["bench"],
      aliases: [],
      commits: [],
      affected: [],
      signatures: [{ id: "sig", kind: spec.kind, pattern: spec.pattern, weight: 0.8, caseSensitive: spec.caseSensitive, source }],
      rootCause: "synthetic",
      fix: "synthetic",
      reboot: "not-required",
      workarounds: [],
      references: [{ url: source, title: "synthetic", kind: "docs", primary: true }],
      examples: [],
      unverified: [],
      relations: [],
    };
  });
}

const MONTHS = ["Jan", "Feb", "Mar", "Nov", "Dec"];
function noiseMessage(): string {
  switch (int(4)) {
    case 0:
      return `${pick(VERBS)} ${pick(NOUNS)} ${pick(OBJECTS)}: ${pick(WORDS)} ${pick(WORDS)} id=${int(1e9).toString(16)}`;
    case 1:
      return `"Syncing ${pick(OBJECTS)}" ipFamily="IPv${pick(["4", "6"])}" elapsed="${int(900)}ms" node="ip-10-0-${int(255)}-${int(255)}.ec2.internal"`;
    case 2:
      return `${pick(SOURCES)}: ${pick(NOUNS)} ${pick(OBJECTS)} ${pick(EXTRAS)} took ${int(5000)}us`;
    default:
      return `Observed ${pick(WORDS)} event for pod kube-system/${pick(SOURCES)}-${int(1e5).toString(36)} uid=${int(1e9).toString(16)}-${int(1e9).toString(16)}`;
  }
}

function logLine(message: string): string {
  const t = `${String(int(24)).padStart(2, "0")}:${String(int(60)).padStart(2, "0")}:${String(int(60)).padStart(2, "0")}`;
  const host = `ip-10-0-${int(255)}-${int(255)}`;
  if (rand() < 0.5) return `${pick(MONTHS)} ${1 + int(28)} ${t} ${host} ${pick(SOURCES)}[${int(65535)}]: ${message}`;
  return `${pick(["I", "W", "E"])}1113 ${t}.${String(int(1e6)).padStart(6, "0")}    ${int(9999)} proxier.go:${int(2000)}] ${message}`;
}

function log(bytes: number, sigs: readonly Sig[]): { text: string; planted: number } {
  const lines: string[] = [];
  let size = 0;
  let planted = 0;
  while (size < bytes) {
    const real = rand() < 0.0005; // a few real hits, as in a log of a broken node
    const line = logLine(real ? pick(sigs).sample : noiseMessage());
    if (real) planted++;
    lines.push(line);
    size += line.length + 1;
  }
  return { text: lines.join("\n").slice(0, bytes), planted };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
/** Wall time of one call, after a full GC so that earlier garbage is not billed to it (caches start cold). */
function time(f: () => void): number {
  gc();
  return timeWarm(f);
}

/** Wall time of one call in a back-to-back series, as a server answering steady traffic sees it. */
function timeWarm(f: () => void): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

function hasRipgrep(): boolean {
  try {
    execFileSync("rg", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

function ripgrep(patterns: string, file: string): void {
  try {
    execFileSync("rg", ["-F", "-i", "-c", "-f", patterns, file], { stdio: "pipe" });
  } catch (error) {
    if ((error as { status?: number }).status !== 1) throw error; // 1 = no match
  }
}

const rg = hasRipgrep();
const dir = mkdtempSync(join(tmpdir(), "matcher-bench-"));
console.log(
  `node ${process.version}, median of ${RUNS} runs per figure at 16 MB, proportionally more for smaller logs${rg ? ", ripgrep on PATH" : ", ripgrep not found"}`,
);
try {
  for (const count of [100, 1000, 10000]) {
    const sigs = knowledgeBase(count);
    const specs = sigs.map((s) => s.spec);
    gc();
    const before = process.memoryUsage();
    // The server compiles an imported (already validated) knowledge base with deferred regexes;
    // kb:check and the import run the full compile that rejects unsafe regexes.
    let matcher = compileMatcher(specs, { deferRegexes: true });
    const compileMs = median(
      Array.from({ length: RUNS }, () =>
        time(() => {
          matcher = compileMatcher(specs, { deferRegexes: true });
        }),
      ),
    );
    const validateMs = median(Array.from({ length: RUNS }, () => time(() => compileMatcher(specs))));
    gc();
    const after = process.memoryUsage();
    const heap = (after.heapUsed - before.heapUsed + after.arrayBuffers - before.arrayBuffers) / MB;
    const s = matcher.stats;
    console.log(
      `signatures=${count} compile ${compileMs.toFixed(1)} ms (with full regex validation ${validateMs.toFixed(1)} ms), heap+buffers after compile +${heap.toFixed(1)} MB ` +
        `(${s.literals} literals, ${s.states} states, ${s.denseStates} dense x ${s.classes} classes, tables ${(s.tableBytes / MB).toFixed(1)} MB)`,
    );
    const patterns = join(dir, `patterns-${count}`);
    if (rg) {
      const lits = specs.flatMap((sp) => (sp.kind === "literal" ? [foldLiteral(sp.pattern)] : requiredLiterals(sp.pattern)));
      writeFileSync(patterns, `${lits.join("\n")}\n`);
    }
    const kb = compileKnowledgeBase(`bench-${count}`, records(sigs), { validated: true });
    for (const size of [1, 4, 16]) {
      const { text, planted } = log(size * MB, sigs);
      let hits = 0;
      let findings = 0;
      // Small logs get more runs: a 1 MB figure from a handful of 5 ms runs is mostly noise.
      const runs = RUNS * Math.max(1, 16 / size);
      for (let k = 0; k < runs; k++) diagnoseBundle(kb, text); // warm-up: JIT tiers, re2js's lazy DFA caches
      const diagnose = () => {
        findings = diagnoseBundle(kb, text, 10_000).findings.length;
      };
      const ms = median(Array.from({ length: runs * 2 }, () => timeWarm(diagnose)));
      const coldMs = median(Array.from({ length: runs }, () => time(diagnose)));
      const scanMs = median(
        Array.from({ length: runs * 2 }, () =>
          timeWarm(() => {
            hits = kb.matcher.scan(text).length;
          }),
        ),
      );
      const mbps = (t: number) => Math.round(text.length / MB / (t / 1000));
      let line =
        `signatures=${count} log=${size}MB ${mbps(ms)} MB/s ${ms.toFixed(1)} ms per diagnosis ` +
        `(after a full GC ${mbps(coldMs)} MB/s ${coldMs.toFixed(1)} ms; ${findings} findings; ` +
        `matcher alone ${mbps(scanMs)} MB/s, ${hits} hits, ${planted} planted)`;
      if (rg) {
        const file = join(dir, `log-${size}`);
        writeFileSync(file, text);
        const rgMs = median(Array.from({ length: 3 }, () => time(() => ripgrep(patterns, file))));
        line += `; rg -F -i -c ${rgMs.toFixed(1)} ms, ours/rg time ${(ms / rgMs).toFixed(2)}x`;
      }
      console.log(line);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
