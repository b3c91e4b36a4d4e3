/**
 * Plain data shapes shared by the engine's modules. The engine is pure TypeScript: no Node, Workers
 * or database APIs, so the same code runs in the Worker, on Node and in the CLI.
 */

/** A version scheme decides how two version strings of an ecosystem are ordered. */
export type VersionScheme = "linux" | "dpkg" | "rpm" | "pacman" | "semver";

/** How sure we are that a derived value is right. */
export type Certainty = "exact" | "derived" | "partial" | "unknown";

export interface OsFacts {
  id: string; // "ubuntu", "debian", "rhel", "rocky", "fedora", "amzn", "arch", ...
  idLike: string[];
  versionId: string | null; // "22.04", "12", "9.4", "2", "2023"
  prettyName: string | null;
  codename: string | null;
  /**
   * The Ubuntu LTS a derivative builds on ("22.04"), from its os-release's UBUNTU_CODENAME (Linux Mint,
   * elementary OS, Zorin OS, KDE neon): the release whose kernel packages it installs from Ubuntu's archive.
   */
  ubuntuBase?: string;
  /** os-release BUILD_ID when given; Container-Optimized OS versions its images by it ("18244.236.70"). */
  buildId?: string;
  /** os-release VARIANT_ID, or the variant an image OS's name carries ("aws-k8s-1.24" of Bottlerocket): its kernel. */
  variant?: string;
  /** Line range (1-based, inclusive) in the text the user sent, when it came from the bundle. */
  lines?: [number, number];
}

export interface KernelPackage {
  /** Ecosystem key as used by records: "ubuntu:22.04", "debian:12", "rhel:9", "fedora:40", "amzn:2", "arch". */
  ecosystem: string | null;
  /** Source package name(s) that could have built this kernel, most likely first: ["linux-hwe-6.8", "linux"]. */
  names: string[];
  /** Version in the ecosystem's own scheme, e.g. "6.8.0-56.58", "6.1.76-1", "5.14.0-427.13.1.el9_4". */
  version: string;
  scheme: VersionScheme;
  /** exact: read from the input; derived: computed by a documented rule; partial: only an ABI prefix is known. */
  certainty: Certainty;
  note: string;
  /**
   * Other (ecosystem, package) pairs the same `uname -r` could be when the input does not say which
   * release built it: "6.8.0-1021-aws" is linux-aws on 24.04 or linux-aws-6.8 on 22.04. The verdict
   * is given when every candidate agrees, and otherwise names the fact that would decide.
   */
  alternatives?: Array<{ ecosystem: string; names: string[] }>;
  /** What would settle the alternatives, in words. */
  decidedBy?: string;
  /**
   * The release that chose this package among the alternatives, where the text named it ("Ubuntu 24.04.2 LTS" in an
   * issue template's OS field) and nothing the host printed did: every answer on the package is hedged.
   */
  releaseNamed?: string;
  /**
   * A backport's build names the build it rebuilds ("5.15.0-130.140~20.04.1" is 22.04's linux 5.15.0-130.140 rebuilt
   * for 20.04): that build's release, source package and version. A fix the record places in that build is in this one.
   */
  rebuildOf?: { ecosystem: string; names: string[]; version: string };
  /** With no version known (Debian's `uname -r` is an ABI name): the output that prints it, in words. */
  versionFrom?: string;
  /**
   * With an ABI name alone, where the distribution's changelog lists them: every package version built under that
   * name (Debian's 6.1.0-24 is 6.1.106-1 or 6.1.106-2). A verdict all of them share is the kernel's.
   */
  uploads?: string[];
}

export interface KernelFacts {
  /** As printed by `uname -r`. */
  release: string;
  /** `uname -v` text when known, e.g. "#58-Ubuntu SMP PREEMPT_DYNAMIC Thu Feb 13 ...". */
  build: string | null;
  /** Upstream kernel version this build corresponds to, e.g. "6.6.58", or null when unknowable. */
  upstream: string | null;
  /** exact: a plain/stable-tracking kernel; derived: e.g. Debian's uname -v; unknown: heavy backporters. */
  upstreamCertainty: Certainty;
  /** Upstream branch "major.minor". */
  branch: string | null;
  /** "generic", "aws", "azure", "gcp", "oracle", "lowlatency", "amd64", "cloud-amd64", "lts", ... */
  flavour: string | null;
  distro: string | null; // "ubuntu", "debian", "rhel", "fedora", "amzn", "arch", ...
  package: KernelPackage | null;
  machine: string | null; // "x86_64", "aarch64"
  /** Where in the input the kernel was read, 1-based line, when from the bundle. */
  line?: number;
  /**
   * A release a person's sentence names ("on kernel 5.4.0-42-generic"), not output the kernel printed:
   * likely the host's, but perhaps the one it runs since (an upgrade retold) or another machine's, so
   * nothing it gives is certain, and a "not affected" it gives yields to any sign of the bug in the log (verdict.ts, kernelChecks).
   */
  named?: true;
  /** What named it, when not a sentence: a tool's path that may be another kernel's ("modprobe's module path"). */
  via?: string;
  /** No kernel's release but a fixed one printed by what serves the system calls ("gVisor", "WSL 1"): no range judges it. */
  emulatedBy?: string;
  /**
   * An ABI name a vendor built from a series that names its releases x.y.0 whatever stable sublevel they carry
   * ("6.14.0-2-pve", "6.1.0-rpi7-rpi-v8"): its upstream is unknown but its series is not, so it is judged as any
   * release of that series would be (verdict.ts, plainSeriesCheck).
   */
  seriesOnly?: true;
  /**
   * The kernel as its own output gave it, where a package listing's row supplied its build (`via` then names the row):
   * it decides alone wherever the build does not matter (review 49a F2: `dpkg -l` beside `uname -r` hedged a verdict the
   * release decided).
   */
  printed?: Omit<KernelFacts, "printed">;
}

export interface NodeRow {
  name: string;
  status: string;
  roles: string;
  version: string; // kubelet version, "v1.26.3"
  internalIp: string | null;
  osImage: string | null; // "Ubuntu 22.04.5 LTS"
  kernel: string | null; // "5.15.0-127-generic"
  runtime: string | null; // "containerd://1.7.12"
  /** `uname -v` build string, when the node came from a `uname -a` line rather than a kubectl table. */
  build?: string | null;
  /** "1.8.7 (nf_tables)", when the node is a host whose bundle showed `iptables --version`. */
  iptables?: string | null;
  line: number; // 1-based, in the text the user sent
}

export interface IptablesFacts {
  version: string; // "1.8.7"
  backend: "legacy" | "nf_tables" | null;
  binary: string; // "ip6tables-restore"
  line: number;
}

/** One recognised section of a raw bundle; lines are 1-based and inclusive, in the text the user sent. */
export interface BundleSection {
  kind:
    | "uname"
    | "proc-version"
    | "version-signature"
    | "os-release"
    | "nodes"
    | "iptables-version"
    | "kubelet-version"
    | "runtime-version"
    /** A component's own version command's output beyond the runtimes' (tool-versions.ts): `text` is the reading, "sysbox://0.6.1". */
    | "tool-version"
    /** An image kubectl printed of the cluster's workloads (image-tags.ts): the cluster's own answer, `text` as a tool-version's. */
    | "workload-image";
  lines: [number, number];
  text: string;
}

/** One record's declared relation to another (records' `relations`), as the ranking reads it. */
export interface RelationEdge {
  from: string;
  to: string;
  kind: "masks" | "explains" | "confused-with" | "prerequisite-of";
  note: string;
}
