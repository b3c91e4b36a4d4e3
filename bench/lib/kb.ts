/**
 * Knowledge bases for the benchmarks: the real one (data/, built and validated as the import does) and
 * synthetic ones of 1,000 and 10,000 signatures, i.e. the real records plus generated records (15% regexes)
 * in the vocabulary of kernel/kubelet/CNI logs, so real example lines still hit real records while the
 * automaton has the size of a large knowledge base. Also: the literals `grep -F -i -f` gets, and a timed grep.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { type CompiledKb, compileKnowledgeBase } from "../../src/engine/compile-kb";
import { IPTABLES_VERSION_MARKERS } from "../../src/engine/facts";
import { foldLiteral, requiredLiterals, type SignatureSpec } from "../../src/engine/match/index";
import { buildKnowledgeBase } from "../../src/kb/build-kb";
import type { BugRecord } from "../../src/kb/record-schema";
import { readKbFiles } from "../../src/node/kb-files";
import { type Rand, rng } from "./realistic-log";

export async function realKb(dataDir = "data"): Promise<{ kb: CompiledKb; records: BugRecord[] }> {
  const built = await buildKnowledgeBase(await readKbFiles(dataDir));
  if (!built.ok) throw new Error(`${dataDir}/ does not validate: ${built.problems.map((p) => `${p.file}: ${p.message}`).join("; ")}`);
  // As the server does: an imported (validated) knowledge base, regexes built on first use.
  return { kb: compileKnowledgeBase(built.kb.version, built.kb.records, { validated: true }), records: built.kb.records };
}

// Words as they appear in kernel, kubelet, kube-proxy, containerd and CNI logs.
export const SOURCES =
  "kernel kubelet kube-proxy containerd dockerd calico-node cilium-agent systemd NetworkManager iptables-restore ip6tables nf_conntrack xt_MARK EXT4-fs nvme overlayfs cgroup flanneld coredns etcd kube-apiserver runc crio ena mlx5_core bpf netfilter xfs btrfs iscsid".split(
    " ",
  );
export const VERBS = [
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
];
export const NOUNS =
  "allocate mount sync program restore load attach detach create delete update resolve register open read write flush reserve probe initialise reconcile dial bind exec unmount".split(
    " ",
  );
export const OBJECTS = [
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
];
export const EXTRAS = [
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
];
export const WORDS =
  "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu".split(
    " ",
  );

/** `n` generated signatures, each with a line fragment that matches it; the tag keeps them distinct, as real ones are. */
export function syntheticSignatures(n: number, seed = 20241113): { spec: SignatureSpec; sample: string }[] {
  const r: Rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const int = (k: number) => Math.floor(r() * k);
  const sigs: { spec: SignatureSpec; sample: string }[] = [];
  for (let i = 0; i < n; i++) {
    const key = `synthetic-${i}/sig`;
    const tag = `${pick(WORDS)}-${i.toString(36)}`;
    if (r() < 0.15) {
      const [src, verb, noun, obj] = [pick(SOURCES), pick(VERBS), pick(NOUNS), pick(OBJECTS)];
      sigs.push({
        spec: {
          key,
          kind: "regex",
          pattern: `${src}\\[\\d+\\]: ${verb} ${noun} \\S+ ${obj}: error -\\d+ \\(${tag}\\)`,
          caseSensitive: false,
        },
        sample: `${src}[${int(99999)}]: ${verb} ${noun} /dev/sd${int(9)} ${obj}: error -${int(200)} (${tag})`,
      });
    } else {
      const text = `${pick(SOURCES)}: ${pick(VERBS)} ${pick(NOUNS)} ${pick(OBJECTS)} ${pick(EXTRAS)} ${tag}`;
      sigs.push({ spec: { key, kind: "literal", pattern: text, caseSensitive: r() < 0.1 }, sample: text });
    }
  }
  return sigs;
}

/** One record per signature, so the end-to-end figure includes grouping and ranking work. */
export function syntheticRecords(specs: readonly SignatureSpec[]): BugRecord[] {
  return specs.map((spec) => {
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
      unrangedCauses: [],
      unconfirmedSetups: [],
    } as BugRecord;
  });
}

/** The real records plus generated ones up to `signatures` signatures in all. */
export function paddedKb(real: readonly BugRecord[], signatures: number): CompiledKb {
  const have = real.reduce((n, r) => n + r.signatures.length, 0);
  const extra = syntheticRecords(syntheticSignatures(Math.max(0, signatures - have)).map((s) => s.spec));
  return compileKnowledgeBase(`bench-${signatures}`, [...real, ...extra], { validated: true });
}

export const signatureCount = (kb: CompiledKb) => kb.signatures.size;

/** What the automaton searches for: each literal signature folded, each regex's required literals, the fact probes. */
export function kbLiterals(kb: CompiledKb): string[] {
  const lits = new Set<string>();
  for (const { signature: s } of kb.signatures.values()) {
    for (const l of s.kind === "literal" ? [foldLiteral(s.pattern)] : requiredLiterals(s.pattern)) lits.add(l);
  }
  for (const m of IPTABLES_VERSION_MARKERS) lits.add(foldLiteral(m));
  return [...lits];
}

export function writeLiterals(kb: CompiledKb, file: string): number {
  const lits = kbLiterals(kb);
  writeFileSync(file, `${lits.join("\n")}\n`);
  return lits.length;
}

/** Wall time of `grep -F -i -c -f literals file` (GNU grep, C locale as a log search would run). */
export function grepMs(literals: string, file: string): number {
  const t0 = performance.now();
  try {
    execFileSync("grep", ["-F", "-i", "-c", "-f", literals, file], { stdio: "pipe", env: { ...process.env, LC_ALL: "C" } });
  } catch (error) {
    if ((error as { status?: number }).status !== 1) throw error; // 1 = no line matched
  }
  return performance.now() - t0;
}

export const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
