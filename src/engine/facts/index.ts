/**
 * Turns what a user pasted into facts: which kernel, which OS, which nodes, which iptables. Either one
 * raw bundle (sections found by shape, the rest is logs) or structured fields.
 */
import type { DiagnoseFields } from "../diagnose-input";
import type { BundleSection, IptablesFacts, KernelFacts, NodeRow, OsFacts } from "../types";
import { kubernetesRelease } from "../versions";
import { bootBannerOf, bootsApart, crashHeaderOf, earlierBoot, pastBootSelector } from "./boot-marks";
import { PROMPT, readBundle } from "./bundle-sections";
import { withoutCaptureStamps } from "./capture-stamps";
import { type ComponentChange, componentChanges, loggedInstalls, replacedVersions } from "./component-changes";
import { listedEcosystem } from "./component-packages";
import { beforeUpgrade, commandBefore, hostOfLine, restartedBy, UPGRADE_READ, upgradedBy, upgradesOn } from "./component-upgrades";
import { CONTAINER_LOG_COMMAND, containerLabelled } from "./container-logs";
import { printedByCrioVersion } from "./crio-version";
import { dockerVersionComponents } from "./docker-version";
import { ansibleOneLine, fanOutHeader } from "./fan-out";
import { machineOf as machineOfTarget } from "./fan-out-reader";
import { type ComponentReadings, type DisputedComponent, type HostComponents, hostComponents, namedComponents } from "./host-components";
import { findIptables, iptablesCandidates, type LineRef, pickIptables } from "./iptables-version";
import { kernelFacts } from "./kernel-facts";
import {
  bootBanners,
  crashHeaders,
  curedKernels,
  disputesKernel,
  isBootBanner,
  isCrashHeader,
  type KernelLine,
  kernelReleasesNamed,
  loginBannerOs,
  loginBanners,
  namesCure,
  pickKernelMention,
} from "./kernel-mentions";
import { buildOfPackage, installedKernelImages, kernelPackageRow } from "./kernel-package-row";
import { pickKernelSeries } from "./kernel-series-claims";
import { CURED_KERNEL_VIA, sameRelease, UNAME_R_TYPED } from "./kernel-shapes";
import { oneRowPerNode, osImageToOs } from "./kube-nodes";
import { fromRotatedFile } from "./log-files";
import { isLogFramed } from "./log-framing";
import {
  anotherKubeletProcess,
  asksDockerServer,
  changeLines,
  daemonStarts,
  daemonStartVersions,
  type MentionLine,
  mentionLines,
  pickComponentMentions,
  pickOsMention,
  pointsCrictl,
  sortMentions,
  upgradeLines,
} from "./mentions";
import { pickNamedDistribution, pickNamedRelease } from "./named-release";
import { withNamedRelease } from "./named-release-choice";
import {
  apiServerVersion,
  curedComponents,
  pickClientVersions,
  pickNamedVersions,
  pickPackageBuilds,
  pickProseBuilds,
  setsUpKubernetes,
} from "./named-versions";
import { readNodeListings } from "./node-objects";
import {
  ID_LIKE,
  LSB_DISTRIBUTOR,
  parseOsRelease,
  parseOsReleaseValues,
  SYSTEM_RELEASE_LINE,
  ubuntuLtsOf,
  withCosImage,
} from "./os-release";
import { outputHeadingVia } from "./output-heading";
import { upstreamOf } from "./package-lists";
import { eventPod, listsEvents, podNodes } from "./pod-logs";
import { picksOciRuntime } from "./podman-info";
import { remoteDaemonCommands } from "./remote-daemon";
import { parseKubeletVersion, parseRuntimeVersion } from "./runtime-version";
import { TextLines } from "./text-lines";
import { imageProgram } from "./tool-versions";
import { isSeriesRelease, parseSeriesOnly, parseUname, parseVersionSignature, type UnameFacts } from "./uname";
import { joinUnameNodes, machineAliases, machineIndex, sameMachine, unameNodes, withOwnBuild } from "./uname-fleet";

export { findSections, logLineNumbers, readBundle } from "./bundle-sections";
export type { HostComponents } from "./host-components";
export { findIptables, IPTABLES_VERSION_MARKERS, type LineRef, parseIptablesVersion, pickIptables } from "./iptables-version";
export { kernelFacts } from "./kernel-facts";
export { osImageToOs, parseNodesTable } from "./kube-nodes";
export { MENTION_MARKERS, type MentionLine } from "./mentions";
export { parseOsRelease, releaseEcosystem } from "./os-release";
export { readsThroughCluster } from "./pod-logs";
export { parseKubeletVersion, parseRuntimeVersion } from "./runtime-version";
export { parseUname, parseVersionSignature, type UnameFacts, type VersionSignature } from "./uname";
export { sameMachine } from "./uname-fleet";

export interface ExtractedFacts {
  /** The input split into lines; line numbers elsewhere are 1-based indexes into this. */
  lines: string[];
  /** One line by its 1-based number, without splitting the whole input (undefined past its end). */
  lineAt: (line: number) => string | undefined;
  sections: BundleSection[];
  kernel: KernelFacts | null;
  /** Components whose own readings disagree (two `runc --version` outputs, two `docker info`). */
  disputed: readonly DisputedComponent[];
  /** The CRI runtime the host's own `crictl version` or its containers' cgroup scopes name (mentions.ts); null for none. */
  criRuntime: string | null;
  /** With no kernel, the releases the input's own kernel output gave when they disagree (two pasted `uname -r`). */
  kernelsGiven?: string[];
  /** The host name the input's own `uname -a` printed, when one did: which row of a nodes table that host is. */
  unameHost: string | null;
  /** The machine whose named prompt or `ssh` target printed the kernel's reading, where one did (not a bare shell's). */
  kernelPrompt: string | null;
  /**
   * The machines whose prompts or `ssh` targets printed the readings of the paste's own versions ("admin@laptop:~$
   * containerd --version"), those of no node; null when any reading was printed under none (or there is none).
   */
  readingsHosts: readonly string[] | null;
  /**
   * The readings one machine's prompts printed, when they agree, else null: with no nodes table, when the paste's own
   * readings were read at two or more machines' prompts (a laptop's `containerd --version`, then minikube's); beside
   * several nodes, for a machine no row names (a laptop's).
   */
  readingsAt: (machine: string) => HostComponents | null;
  /** Where the paste's kernel is undecided (two kernels given), the kernel read at `machine`'s prompt or `ssh` target alone. */
  kernelAt: (machine: string) => KernelFacts | null;
  /** The host name of the paste's one uname printed under no named prompt: the machine of its bare prompts' output. */
  bareUnameHost: string | null;
  /** Every host name the unames printed under no named prompt name (two or more: the bare prompts were several machines'). */
  bareUnameHosts: readonly string[];
  /** Whether the command before a line was typed at a bare prompt (`$ docker run …`) outside an `ssh` session. */
  afterBareCommand: (line: number) => boolean;
  /**
   * The machine a line was printed on as the command before it says ("root@worker-2:~# journalctl …", "$ ssh worker-2
   * journalctl …"), "" when it fetched a pod's logs or ran in one through the cluster (any node's), else null.
   */
  commandHost: (line: number) => string | null;
  /** The line (1-based) of the command whose output a line is: the last command line at or before it; null for none. */
  commandAt: (line: number) => number | null;
  /**
   * The components a command of the paste reads the version of as a Kubernetes distribution bundles them (`k3s crictl
   * version`, `microk8s ctr version`, RKE2's /var/lib/rancher/rke2/bin/containerd: containerd; its bin/runc: runc): that
   * version is the bundled one (logged-versions.ts), on the machine the command ran on (commandHost; null for none named).
   */
  readsBundledRuntime: ReadonlyArray<{ ecosystem: string; on: string | null }>;
  /**
   * The Kubernetes distribution that runs a containerd and runc of its own the paste shows the cluster is (k3s, RKE2: a
   * node's `+k3s1` kubelet or `-k3s2` containerd, `k3s --version`): its pods' lines are its bundled runtime's (review 54d F1).
   */
  bundlingCluster: string | null;
  /**
   * For a line a command through the cluster printed (commandHost ""), the node the paste says it came from: the `Node:`
   * field of the pod's description above it, or the event's own source (`kubelet, worker-2`); else null.
   */
  clusterNode: (line: number) => string | null;
  /** Whether the command before a line ran in a container or printed a container's logs: a host name in its output is none. */
  inContainerCommand: (line: number) => boolean;
  /** Whether the command before a line ran on another machine through `ssh` or a fan-out tool (commandHost is then its target). */
  overSsh: (line: number) => boolean;
  /** Whether the command before a line read the logs of the machine its prompt names (journalctl, dmesg, `crictl logs`). */
  readHere: (line: number) => boolean;
  /** Whether a line was printed by a command reading an earlier boot's log or a copied one (bundle-sections.ts READS_PAST). */
  readPast: (line: number) => boolean;
  /** Whether a line was printed by a command reading the running boot's log only (`journalctl -b`, `dmesg`). */
  readNow: (line: number) => boolean;
  /**
   * Whether two lines ran under different boots: a journal's boot separator lies between them in one command's output, or
   * a reboot typed at their machine's prompt between their commands (boot-marks.ts).
   */
  bootsApart: (a: number, b: number) => boolean;
  /**
   * The kernel that logged the given lines, all of them: the one their crash's own header names (an oops's "Not tainted
   * <release>" within its report: boot-marks.ts crashHeaderOf), else the one their boot's banner shows ("Linux version …"
   * before them in one output, no boot separator between: bootBannerOf), its `line` the header's or banner's; null where
   * the paste shows neither, or the lines belong to different ones.
   */
  bootKernel: (lines: readonly number[]) => KernelFacts | null;
  /**
   * Where the paste's own unames give two kernels (`kernel` null) because a reboot typed at the machine's prompt parts its
   * boots: the one its unames read after the last reboot, the kernel the machine runs now (review 69c F4: two unames
   * around `apt install linux-image-… && reboot` gave no kernel at all). Null otherwise.
   */
  runningKernel: KernelFacts | null;
  /** Whether the command before a line ran a container CLI against another machine's daemon (commandHost: that machine). */
  daemonElsewhere: (line: number) => boolean;
  os: OsFacts | null;
  nodes: NodeRow[];
  iptables: IptablesFacts | null;
  /** kubelet version as kubectl shows it ("v1.26.3"), from `kubelet --version`. */
  kubelet: string | null;
  /** Container runtime as kubectl shows it ("containerd://1.6.20"), from the runtime's `--version`. */
  runtime: string | null;
  /** Components a host's own output names besides --version lines (`docker version`'s server part), by ecosystem. */
  components: Readonly<Record<string, string>>;
  /** Of those, the ones only a client printed (Docker's CLI, `docker --version`): the daemon's may differ. */
  fromClient: readonly string[];
  /**
   * Of those, the ones read from the cluster's own answer (the images kubectl printed of its workloads: an add-on's,
   * kube-proxy's): the same on every node, so no one machine's reading (diagnose.ts, anyNode).
   */
  clusterRead: ReadonlySet<string>;
  /** Of those, the daemons that answered while their binary on disk printed a newer version (HostComponents.onDisk). */
  onDisk: Readonly<Record<string, string>>;
  /**
   * In a paste of several machines (`nodes`), the components each one's own output shows under its prompt or `ssh`
   * target, by node name: that node's, not the paste's one host's (review 39b F3: web-1's `docker version` judged
   * web-2's runc line); a prompt naming two nodes' shared short name gives its reading to both, each to agree with its
   * row or dispute it. `components` then holds only the output no node's command printed.
   */
  nodeComponents: ReadonlyMap<string, readonly HostComponents[]>;
  /** Components the text names with one version each ("Docker 20.10.6", "runc v1.3.3"), by ecosystem. */
  named: Readonly<Record<string, string>>;
  /**
   * Of those, the ones only output the report places elsewhere gave: under a heading naming another machine or an
   * earlier state ("docker version on my laptop:"), or a daemon's start-up line (another node's in a gathered
   * journal, a restart's after the failure). Such a version is likely not the one that failed.
   */
  namedElsewhere: Readonly<Record<string, string>>;
  /** The version `kubectl version`'s server part printed (the API server's own answer), when one (named-versions.ts). */
  apiServer?: string;
  /**
   * The last line (1-based) where the paste installs or upgrades each component on the machine that printed a line, by
   * ecosystem ("*": every package, `apt-get upgrade`): a failure logged before it ran the version before it (see
   * diagnose.ts, beforeUpgrade).
   */
  upgradedAt: (line: number) => Readonly<Record<string, number>>;
  /**
   * What the host's output showed of a component before the paste upgrades it, by ecosystem: another time's, which
   * neither stands for the host nor cancels the upgrade's own version, but is the version a failure logged before the
   * upgrade ran (review 34d: a kubelet's `--version` before the upgrade left no version at all).
   */
  beforeUpgrade: Readonly<Record<string, string>>;
  /**
   * The version dpkg says an upgrade the paste runs replaced ("Unpacking containerd.io (1.6.4-1) over (1.6.3-1)"), by
   * ecosystem: the one a failure logged before that upgrade ran, where the paste showed none before it.
   */
  replaced: Readonly<Record<string, string>>;
  /**
   * The changes the paste shows of each component (component-changes.ts: upgrades a package manager's log records or the
   * paste runs, a daemon's start-ups), with their versions, times and machines where it says: a line the log dated
   * before a change ran another version than a reading taken now (logged-versions.ts).
   */
  changes: readonly ComponentChange[];
  /**
   * Installed packages with their whole versions, by package name ("containerd.io"): a listing's (`dpkg -l`, `rpm -qa`),
   * else the build a package manager's log installed last, else one a sentence names.
   */
  packages: Readonly<Record<string, string>>;
  /** Why a package's build is known, where no listing gave it (the log's or a sentence's, both hedged), by package name. */
  packageVia: Readonly<Record<string, string>>;
  /** The distribution release the text names in passing ("Ubuntu 24.04"), as an ecosystem key: weaker than an os-release. */
  namedRelease: string | null;
  /** The distribution the text names in passing, whatever its releases ("from Ubuntu 20.04 to Ubuntu 24.04": "ubuntu"). */
  namedDistribution: string | null;
  /** 1-based lines that are not logs: recognised sections and shell command lines. */
  notLogs: ReadonlySet<number>;
  /** The lines (1-based) of an os-release printed inside a container: the image's, no evidence of the host's OS. */
  containerOs: ReadonlySet<number>;
  /** Every line (1-based) a container printed, its os-release included: no evidence of the host's OS or release. */
  containerOutput: ReadonlySet<number>;
  /** The command lines (1-based) that print the host's identity (uname, /proc/version, os-release) and a collector's notes. */
  gathering: ReadonlySet<number>;
}

export const splitLines = (text: string): string[] => {
  const lines = text.split("\n");
  return text.includes("\r") ? lines.map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l)) : lines;
};

interface KernelSource {
  uname: UnameFacts;
  line?: number;
  /** The machine whose output it is, as an `ssh` target or a fan-out header names it (unameNodes). */
  machine?: string | null;
  /**
   * The machine whose prompt or `ssh` target printed it: the paste's own machine, as a uname -a's host name names it
   * (review 48b F1: a `uname -r` at worker-1's prompt judged worker-2's line, certain). No node of a fleet: a log pasted
   * after a prompt's reading is no output of it.
   */
  prompt?: string | null;
}

/**
 * One kernel from several readings: the release from the most complete one (uname -a, /proc/version),
 * the build from the same reading or else from a separate `uname -v`.
 */
function combineKernel(sources: KernelSource[], signature: string | null, os: OsFacts | null, text: string): KernelFacts | null {
  const withRelease = sources.filter((s) => s.uname.release);
  // Two kernels for one machine (before and after an upgrade, two pastes): which one failed is not known,
  // and taking either would let the order of the paste decide the answer.
  if (new Set(withRelease.map((s) => s.uname.release)).size > 1) return null;
  const main = withRelease.find((s) => s.uname.build) ?? withRelease[0];
  const sigRelease = signature ? (parseVersionSignature(signature)?.release ?? null) : null;
  // The same for /proc/version_signature beside another reading of the host's kernel (an oops header, docker info).
  if (sigRelease && main?.uname.release && main.uname.release !== sigRelease) return null;
  const release = main?.uname.release ?? sigRelease;
  if (!release) return null;
  const build = main?.uname.build ?? sources.find((s) => !s.uname.release && s.uname.build)?.uname.build ?? null;
  let facts = kernelFacts(release, build, os, signature, main?.uname.platform ?? null);
  // No build string, but a listing of the release's image package beside it: the package version it names.
  const listed = !build && facts.package && facts.package.certainty !== "exact" ? kernelPackageRow(text, release) : null;
  const listedBuild = listed ? buildOfPackage(facts.distro, listed) : null;
  if (listed && listedBuild) {
    const read = kernelFacts(release, listedBuild, os, signature, main?.uname.platform ?? null);
    if (read.package && (read.package.certainty === "exact" || read.package.certainty === "derived")) {
      const note = `${read.package.note ?? ""} The version is a package listing's row for linux-image-${release}.`.trim();
      // Hedged: the row names the package installed, which a kernel not rebooted since an upgrade of it (Debian has
      // shipped several versions under one ABI name) or another machine's listing may not be (review 33d).
      facts = {
        ...read,
        build: null,
        package: { ...read.package, note },
        named: true,
        via: `a package listing's row for linux-image-${release} (the package installed)`,
        ...(main?.uname.named ? {} : { printed: facts }),
      };
    }
  }
  if (main?.uname.machine) facts.machine = main.uname.machine;
  if (main?.line !== undefined) facts.line = main.line;
  if (main?.uname.named) facts.named = true;
  if (main?.uname.via) facts.via = main.uname.via;
  return facts;
}

/**
 * The readings that name the machine they ran on: a uname -a's host name, outside a container (a container's uname
 * prints the host's kernel under the container's name, an id or "toolbox") and not in a sentence.
 */
const machineReadings = (sources: readonly KernelSource[], inContainer: ReadonlySet<number>) =>
  sources.filter((s) => s.uname.hostname && !s.uname.named && (s.line === undefined || !inContainer.has(s.line)));

/** The one uname -a among the readings that names a host, or undefined. */
function ownUname(sources: readonly KernelSource[], inContainer: ReadonlySet<number>): UnameFacts | undefined {
  const own = machineReadings(sources, inContainer);
  return own.length === 1 ? own[0]?.uname : undefined;
}

/**
 * The host name of the one machine the readings name (a uname -a's own, else the prompt's or `ssh` target's that printed
 * a reading without one), or null.
 */
const unameHostOf = (sources: readonly KernelSource[], inContainer: ReadonlySet<number> = new Set()): string | null =>
  oneMachine(sources, inContainer, (s) => s.uname.hostname ?? s.machine ?? s.prompt);

/** The one machine whose named prompt or `ssh` target printed the readings, or null (a bare shell's, or several). */
const kernelPromptOf = (sources: readonly KernelSource[], inContainer: ReadonlySet<number>): string | null =>
  oneMachine(sources, inContainer, (s) => s.machine ?? s.prompt);

/** The OS of the login banners every kernel reading comes from, when they name one release of one OS; else null. */
function kernelBannerOs(sources: readonly KernelSource[], lineAt: (line: number) => string | undefined): OsFacts | null {
  const named = new Set(sources.map((s) => (s.line === undefined ? null : loginBannerOs(lineAt(s.line) ?? ""))));
  const [image] = named;
  return named.size === 1 && image ? osImageToOs(image) : null;
}

/** The one machine `machineOf` gives every reading (outside a container, not in a sentence), or null. */
function oneMachine(
  sources: readonly KernelSource[],
  inContainer: ReadonlySet<number>,
  machineOf: (s: KernelSource) => string | null | undefined,
): string | null {
  const names = new Set(
    sources.filter((s) => !s.uname.named && (s.line === undefined || !inContainer.has(s.line))).map((s) => machineOf(s) ?? ""),
  );
  return names.size === 1 && !names.has("") ? ([...names][0] as string) : null;
}

/** What a caller that already scanned the text can hand over, so no second search is needed. */
export interface PreScan {
  /** Every line holding an iptables version marker (IPTABLES_VERSION_MARKERS). */
  iptablesLines: readonly LineRef[];
  /** Every line holding a mention marker (MENTION_MARKERS): a kernel, an OS or a component named by other output. */
  mentionLines: readonly MentionLine[];
  /** Each line's start offset, as the matcher's pass counted them over this very text (see MarkedScan). */
  lineStarts?: readonly number[] | null;
}

/**
 * For each crash header or boot banner a heading or prompt gives to a machine no reading of `sources` names, that machine's
 * kernel. Only the kernel's own output (never a sentence's), outside a container, one reading per machine.
 */
function partKernelSources(
  sources: readonly KernelSource[],
  candidates: readonly LineRef[],
  lineAt: (line: number) => string | undefined,
  labelOf: (line: number) => string | null,
  apart: ReadonlySet<number>,
): KernelSource[] {
  const named = sources.flatMap((s) => [s.machine, s.uname.hostname].filter((m): m is string => !!m));
  const found: KernelSource[] = [];
  for (const c of candidates) {
    const text = lineAt(c.line) ?? "";
    if (apart.has(c.line) || !(isCrashHeader(text) || isBootBanner(text))) continue;
    const machine = labelOf(c.line);
    if (!machine || machine.includes(",") || named.some((m) => sameMachine(m, machine))) continue;
    const mention = pickKernelMention([c], (l) => lineAt(l) ?? "");
    if (!mention?.uname.release || mention.uname.named) continue;
    found.push({ uname: { ...mention.uname, hostname: mention.uname.hostname ?? machine }, line: c.line, machine, prompt: machine });
    named.push(machine);
  }
  return found;
}

/**
 * The host's iptables. What a container printed (`docker run … iptables --version`, `kubectl exec kube-proxy -- iptables
 * -V`) is the image's, which may be the one that failed (kube-proxy's) or not: it never stands for the host's (review 34a:
 * a debian:buster container's 1.8.2 was), and beside another host reading it leaves the backend undecided. So is what a
 * container's program logged with its own iptables' version ("iptables-restore v1.6.1: … unable to initialize table
 * 'raw'") where the paste shows the log is a container's: fetched by `docker logs`, `docker compose logs` or `kubectl
 * logs`, or behind their labels (review 72a F7: linuxserver/wireguard's wg-quick was the host's "iptables: 1.6.1").
 */
function hostIptables(marked: readonly LineRef[] | null, text: string, inContainer: (line: number) => boolean): IptablesFacts | null {
  const lines = marked ?? iptablesCandidates(splitLines(text));
  const image = lines.filter((l) => inContainer(l.line) || containerLabelled(l.text));
  const host = pickIptables(image.length ? lines.filter((l) => !image.includes(l)) : lines);
  const imageRead = image.length ? pickIptables(image) : null;
  return imageRead && (!host || imageRead.version !== host.version || imageRead.backend !== host.backend) ? null : host;
}

/** Facts from one raw bundle, e.g. `{ uname -a; cat /etc/os-release; kubectl get nodes -o wide; ... }`. */
export function extractFacts(text: string, pre?: PreScan): ExtractedFacts {
  // Output a CI runner or `kubectl logs --timestamps` captured: read without the stamps (the scan's lines were the stamped ones).
  const output = withoutCaptureStamps(text);
  if (output !== text) return extractFacts(output);
  const textLines = new TextLines(text, pre?.lineStarts ?? undefined);
  const read = readBundle(textLines);
  const { sections, notLogs, containerOs, containerOutput, gathering, containerCommands, localReads } = read;
  // A container's uname prints its host's kernel under the container's name: set apart, but for a node's debugging pod,
  // whose host is that node (review 53e F5: its `uname -r` beside the laptop's was "2 kernels").
  const kernelApart = read.nodeShellLines.size ? new Set([...containerOutput].filter((n) => !read.nodeShellLines.has(n))) : containerOutput;
  const lineAt = (line: number) => textLines.at(line - 1);
  // A container CLI's command run against another machine's daemon prints that machine's output, as an `ssh` command does.
  const remoteDaemon = remoteDaemonCommands(read.commandHosts, lineAt);
  // The daemon's version asked by a template is this host's, not a container's Docker (`kubectl exec … -- docker version
  // --format …`) nor one `DOCKER_HOST` or `-H` points at, nor another machine's over `ssh` (review 49g F5, F7, 49i F2).
  const ownDaemonAsked = (l: LineRef) =>
    asksDockerServer(l.text) && !containerCommands.has(l.line) && !remoteDaemon.has(l.line) && !read.sshCommands.has(l.line);
  const commandHosts = remoteDaemon.size
    ? read.commandHosts.map(([line, host]): [number, string | null] => [line, remoteDaemon.get(line) ?? host])
    : read.commandHosts;
  const sshCommands = remoteDaemon.size ? new Set([...read.sshCommands, ...remoteDaemon.keys()]) : read.sshCommands;
  const labelOf = hostOfLine(commandHosts);
  const overSsh = afterCommandOf(commandHosts, sshCommands);
  // A line of another boot: read by a command of another boot's journal or a copied one, or before a boot separator.
  const pastRead = afterCommandOf(commandHosts, read.pastReads);
  // The output of a command printing a container's or a pod's log: what its programs logged ran in its image.
  const containerLog = afterCommandOf(
    commandHosts,
    new Set(commandHosts.flatMap(([line]) => (CONTAINER_LOG_COMMAND.test(lineAt(line) ?? "") ? [line] : []))),
  );
  const beforeReboot = earlierBoot(commandHosts, read.bootMarks, read.reversedReads);
  // A grep over a glob prints each rotated file's lines under its name (review 50e F2: `zgrep … /var/log/messages*`).
  const readPast = (line: number) => pastRead(line) || beforeReboot(line) || fromRotatedFile(textLines.at(line - 1) ?? "");
  const osSection = pickOsSection(sections);
  // What other output names (see mentions.ts): a kernel, an OS, `docker info`'s and kubectl's component versions.
  const candidates = pre ? pre.mentionLines : mentionLines(text);
  const kernelSources: KernelSource[] = [];
  // Whether a line is in a gathered block (not under a command's host list, which says only that one of them printed it).
  const labelAt = commandBefore(commandHosts);
  const gatheredAt = (line: number) => read.gatheredBlocks.has(labelAt(line)?.[0] ?? 0);
  /** The lines of the paste's own uname and /proc/version outputs (not a log's banner, a crash's header or a login banner). */
  const unameLines = new Set<number>();
  let cured: string[] | undefined;
  for (const s of sections) {
    if (s.kind !== "uname" && s.kind !== "proc-version") continue;
    const parsed = parseUname(s.text);
    // A uname under a heading naming another machine or an earlier kernel ("docker info on my workstation:"), or printing the
    // release a sentence says the change to ended the trouble: perhaps after the failure (review 69c F1: "After upgrading
    // the kernel to 5.15.0-130 everything works again" above its uname ruled the bug its log showed out, "verified").
    const release = parsed?.release;
    cured ??= release ? curedKernels(candidates) : undefined;
    const via = release
      ? (outputHeadingVia((line) => textLines.at(line - 1), s.lines[0]) ??
        (cured?.some((r) => sameRelease(r, release)) ? CURED_KERNEL_VIA : undefined))
      : undefined;
    const uname = parsed && via ? { ...parsed, named: true as const, via } : parsed;
    const machine = read.nodeShellLines.get(s.lines[0]) ?? (overSsh(s.lines[0]) ? labelOf(s.lines[0]) : null);
    if (!uname) continue;
    // A reading several hosts printed (a dshbak or `clush -b` block of "web-2,web-3") is each one's: a gathering tool
    // shares a block only among hosts whose output is the same (clubak(1): "gather nodes with same output"), so each
    // host's kernel is the block's, as a `host: release` line of each would say (review 70b F2: folded kernels left
    // "2 kernels, which one failed?" beside the failing host's own line). Only a release without a host name is so
    // shared: a `uname -a` names its host, and hosts with their own names are never gathered.
    const hosts = !machine?.includes(",") ? [machine] : gatheredAt(s.lines[0]) && !uname.hostname ? machine.split(",") : [null];
    for (const host of hosts) kernelSources.push({ uname, line: s.lines[0], machine: host, prompt: labelOf(s.lines[0]) });
    unameLines.add(s.lines[0]);
  }
  // Ubuntu's login banner an `ssh` into a machine printed is that machine's kernel, as its uname there would be (review
  // 53c F4: a bastion's banner judged worker-2's lines; worker-2's own, after `ssh worker-2`, left "2 kernels" undecided).
  for (const banner of loginBanners(candidates)) {
    const machine = overSsh(banner.line) ? labelOf(banner.line) : null;
    if (!machine || machine.includes(",") || containerOutput.has(banner.line)) continue;
    // That machine's own output, no kernel named in passing: its host is the machine the session logged into.
    const { named: _named, ...own } = banner.uname;
    kernelSources.push({ uname: { ...own, hostname: machine }, line: banner.line, machine, prompt: machine });
  }
  // The machine a command or fan-out header names, by the host name its own uname printed where that is another.
  const aliases = machineAliases(kernelSources);
  const commandHost = aliases.size
    ? (line: number) => {
        const label = labelOf(line);
        return (label && aliases.get(label)) ?? label;
      }
    : labelOf;
  // A command line is no output, but one that sets up the cluster's release names it (review 34a: "$ kind create cluster
  // --image kindest/node:v1.29.2" was read only without its prompt), and so does `uname -r` typed with its answer after it
  // ("$ uname -r => 6.8.0-45-generic").
  const sorted = sortMentions(
    candidates.filter(
      (l) =>
        !notLogs.has(l.line) ||
        setsUpKubernetes(l.text) ||
        pointsCrictl(l.text) ||
        ownDaemonAsked(l) ||
        picksOciRuntime(l.text) ||
        UNAME_R_TYPED.test(l.text),
    ),
  );
  // A listing of what is installed names kernels that need not run (review 54a F1: `ls /lib/modules` after an upgrade).
  const mentions = read.installedOutput.size
    ? { ...sorted, kernel: sorted.kernel.filter((l) => !read.installedOutput.has(l.line)) }
    : sorted;
  // A package manager's command is a shell line (notLogs), dpkg's output a log line: both read, but not in a container.
  const upgrades = upgradeLines(candidates).flatMap((l) => {
    if (containerOutput.has(l.line)) return [];
    const upgraded = upgradedBy(l.text, (count) => textLines.slice(l.line, l.line + count));
    return upgraded ? [{ ...l, upgraded }] : [];
  });
  // What a container printed names the image's OS and release, not the host's.
  const hostOnly = (lines: readonly MentionLine[]) => lines.filter((l) => !containerOutput.has(l.line));
  // Output under a heading naming another machine or an earlier time (output-heading.ts), or printed before the paste
  // installs or upgrades a component (component-upgrades.ts).
  const underHeading = (line: number) => outputHeadingVia(lineAt, line) !== undefined;
  const upgradedLater = beforeUpgrade(upgrades, commandHost);
  // What the paste shows of the components at other times (component-changes.ts): logged upgrades, start-ups, typed ones.
  const changed = changeLines(candidates).filter((l) => !containerOutput.has(l.line));
  const elsewhere = (line: number) => upgradedLater(line, lineAt(line) ?? "") || underHeading(line);
  // The builds a package manager's log shows installed last, where no listing or reading gives the component's version.
  const installed = loggedInstalls(changed.filter((l) => !underHeading(l.line)));
  const namedHere = mentions.named.filter((l) => !underHeading(l.line));
  // Daemons' start-up lines, but not the one `crio version` prints of itself before its table (no start of the daemon).
  const startLines = mentions.components.filter((l) => !printedByCrioVersion(l.line, lineAt));
  const namedAway = mentions.named.filter((l) => underHeading(l.line));
  // Apart from the host's own: the output a heading places elsewhere (named), and the output printed before the paste
  // upgrades the component (another time's: it gives way to the upgrade's own version, and judges a failure logged before it).
  // Every form of the API server's node objects the paste printed, a table's rows or described, JSON or YAML objects: one
  // reader, so every consumer sees the same nodes (review 70b F7).
  const tableNodes = oneRowPerNode(read.nodeRows);
  // A crash's header or a boot's banner in a part a heading or prompt gives to a machine no uname of the paste names is that
  // machine's kernel, as a uname there would be (review 66c F2: node-a's WARN header, 6.1.14, was no reading of node-a, and
  // node-b's uname, 6.1.15, judged node-a's lines).
  // Without a uname, two parts' own headers are two machines' kernels too (not one undecided pair); one alone is the paste's.
  const partKernels = partKernelSources(kernelSources, mentions.kernel, lineAt, labelOf, kernelApart);
  if (kernelSources.length || partKernels.length > 1) kernelSources.push(...partKernels);
  const hostNodes = unameNodes(kernelSources);
  const nodes = hostNodes.length ? joinUnameNodes(tableNodes, hostNodes) : withOwnBuild(tableNodes, ownUname(kernelSources, kernelApart));
  // Beside several nodes, the host's own output is the node's whose prompt or `ssh` target printed it; a machine that is no
  // node, or several (a laptop, a bastion), gives another machine's (review 40a: a laptop's containerd judged worker-2's
  // line against worker-2's own row). Beside one node, a prompt naming it is that node's too, so its own reading can
  // disagree with its row (review 41b F7: web-2's own 23.0.2 beside its row's 23.0.1 was the paste's, and the row decided);
  // a prompt naming another machine stays the paste's own, as any unnamed output does.
  const index =
    nodes.length > 0
      ? machineIndex(
          nodes,
          (n) => n.name,
          (n) => n.internalIp,
        )
      : null;
  // Under bare prompts, the one machine the unames printed under no named prompt or `ssh` session name is the bare
  // shell's (one under another's prompt is no witness of it: review 44a); a row bearing its name is that node, whose own
  // readings can then disagree with its row (review 42b F6: web-2's own 1.6.4 under `$` beside its row's 1.6.3 was the
  // paste's, and the row decided "affected, certain").
  const bareHosts = new Set(
    machineReadings(kernelSources, kernelApart).flatMap((s) =>
      s.line !== undefined && commandHost(s.line) === null && s.uname.hostname ? [s.uname.hostname] : [],
    ),
  );
  const bareUnameHost = bareHosts.size === 1 ? ([...bareHosts][0] ?? null) : null;
  const unameNode = index && bareUnameHost ? index.candidates(bareUnameHost) : [];
  const machineOf = (line: number): Place | null => {
    const label = index ? commandHost(line) : null;
    if (label === null && unameNode.length === 1) return `${NODE_PLACE}${unameNode[0]?.name}`;
    if (!label || !index) return null;
    // A short name two nodes share is either one's (review 40c: dc2's own 1.6.3 dropped, dc1's row said "not affected").
    const found = index.candidates(label);
    if (found.length) return `${NODE_PLACE}${found.map((n) => n.name).join("\n")}`;
    return nodes.length > 1 ? "away" : null;
  };
  // A heading naming a machine labels the lines after it (commandHost) but runs nothing: no line is its output.
  const commandOf = commandBefore(read.headingLines.size ? commandHosts.filter(([line]) => !read.headingLines.has(line)) : commandHosts);
  // The machines whose commands printed the paste's own readings ("" for none named), as `place` files them.
  const ownPrinters = new Set<string>();
  const place = (line: number): Place => {
    if (underHeading(line)) return "away";
    // A daemon a URL names a node of (`docker -H ssh://web-2 version`) reports that node's versions, as `ssh web-2` would;
    // another (a context, an address no node has) is named, with what it is.
    if (remoteDaemon.has(commandOf(line)?.[0] ?? 0)) {
      const node = machineOf(line);
      return node && node !== "away" ? node : "daemon";
    }
    if (upgradedLater(line, lineAt(line) ?? "")) return "earlier";
    const node = machineOf(line);
    // A daemon's own log line ("starting containerd … version=1.6.3") is its machine's witness, named, not a version the
    // prompt read (review 44a: web-2's start-up line made a laptop's `containerd --version` web-2's too, "certain").
    if (!node && !isLogFramed(lineAt(line) ?? "")) ownPrinters.add(commandHost(line)?.toLowerCase() ?? "");
    return node ?? "own";
  };
  const inContainer = (line: number) => containerOutput.has(line);
  const readings = componentReadings(sections, mentions.components, textLines, place, inContainer);
  // The paste's own readings again, by the machine whose prompt printed each: built at the first finding that asks.
  let byPrompt: ReturnType<typeof componentReadings> | undefined;
  const readingsAt = (machine: string): HostComponents | null => {
    // Beside several nodes, a machine no row names: `place` files its readings as another machine's (review 45a F9).
    const offTable = index !== null && nodes.length > 1;
    if (!offTable && (index || ownPrinters.size < 2 || ownPrinters.has(""))) return null;
    const promptOf = (line: number, p: Place): string | null => {
      const host = commandHost(line)?.toLowerCase() ?? "";
      if (p === "own") return host;
      return offTable && p === "away" && host && !underHeading(line) && !index.candidates(host).length ? host : null;
    };
    byPrompt ??= componentReadings(
      sections,
      mentions.components,
      textLines,
      (line) => {
        const p = place(line);
        const host = promptOf(line, p);
        return host === null ? p : `${PROMPT_PLACE}${host}`;
      },
      inContainer,
    );
    const at = [...byPrompt.groups.keys()].filter((p) => p.startsWith(PROMPT_PLACE) && sameMachine(p.slice(PROMPT_PLACE.length), machine));
    const read = at.length === 1 ? hostComponents(byPrompt.of(at[0] as Place)) : null;
    return read && !read.disputed.length ? read : null;
  };
  const components = {
    own: readings.of("own"),
    away: readings.of("away"),
    earlier: readings.of("earlier"),
    daemon: readings.of("daemon"),
  };
  const { away, earlier } = components;
  const nodeComponents = new Map<string, HostComponents[]>();
  for (const [which, r] of readings.groups) {
    if (!which.startsWith(NODE_PLACE)) continue;
    const read = hostComponents(r);
    for (const name of which.slice(NODE_PLACE.length).split("\n")) nodeComponents.set(name, [...(nodeComponents.get(name) ?? []), read]);
  }
  // The kubelet's version from its start-up line, beside another kubelet process's lines (a restart after an upgrade):
  // that process's version may be another, so the start-up line's is named, as a daemon's start-up line is.
  const pids = components.own.mentioned.kubeletPids;
  const restarted = !components.own.kubelet.length && pids?.length ? anotherKubeletProcess(text, new Set(pids)) : false;
  const host = restarted
    ? hostComponents({ ...components.own, mentioned: { ...components.own.mentioned, kubelet: null } })
    : hostComponents(components.own);
  const restartedKubelet = restarted ? components.own.mentioned.kubelet : null;
  const signature = sections.find((s) => s.kind === "version-signature")?.text ?? null;
  // A claim, a typed answer, a quote or a tool's path naming another kernel than the bundle's own uname: two machines.
  const own = kernelSources.find((s) => s.uname.release)?.uname;
  const disputing = own !== undefined ? disputesKernel(mentions.kernel, own, lineAt) : null;
  const disputed = disputing !== null;
  let namedReleases: string[] = [];
  if (!kernelSources.length) {
    const mention = pickKernelMention(mentions.kernel, lineAt);
    // The host's own /proc/version_signature outranks a kernel a sentence names, as uname does.
    if (mention && !(mention.uname.named && signature))
      kernelSources.push({ ...mention, prompt: mention.line === undefined ? null : labelOf(mention.line) });
    // Several kernels named and none of them the host's: given, undecided (review 32a: "no kernel version given").
    else if (!mention && !signature) namedReleases = kernelReleasesNamed(mentions.kernel, lineAt);
  }
  // Then the kernels a package listing shows installed (`dpkg -l`, `apt list --installed`), where nothing else gives one:
  // the running one is among them, so each is a kernel the paste names, hedged (review 72c F3), though the listing is
  // kept from the readings above (installedOutput: review 54a F1, a kernel installed and not yet booted).
  if (!kernelSources.length && !signature && !namedReleases.length && !nodes.length && !namesCure(mentions.kernel, lineAt)) {
    const images = installedKernelImages(hostOnly(sorted.kernel));
    const [only] = images;
    if (only && images.length === 1) {
      const via = `a package listing's row for linux-image-${only.release} (a kernel installed)`;
      const uname = { release: only.release, build: null, machine: null, hostname: null, named: true as const, via };
      kernelSources.push({ uname, line: only.line, prompt: labelOf(only.line) });
    } else if (images.length > 1) namedReleases = images.map((i) => i.release);
  }
  // Last, a series the report states as its host's kernel ("We're on kernel 6.9"): where nothing else gives one, no nodes
  // table gives each node's, and no cure's kernel says the host has run another since (as pickKernelMention decides).
  if (!kernelSources.length && !signature && !namedReleases.length && !nodes.length && !namesCure(mentions.kernel, lineAt)) {
    const series = pickKernelSeries(mentions.kernel, lineAt);
    if (series) kernelSources.push({ ...series, prompt: labelOf(series.line) });
  }
  const releases = kernelSources.flatMap((k) => k.uname.release ?? []);
  const osRead = withCosImage(
    osSection ? osReleaseOf(osSection.text, osSection.lines) : pickOsMention(hostOnly(mentions.os), lineAt),
    text,
    releases,
  );
  // The machine whose login banner gives the kernel has the OS the same line names (review 53g F6: "Welcome to Ubuntu
  // 20.04.6 LTS (GNU/Linux 5.15.0-126-generic …)" left 20.04's linux-hwe-5.15 and 22.04's linux undecided).
  const bannerOs = kernelBannerOs(kernelSources, lineAt);
  // An os-release another machine's prompt printed (the bastion's, before `ssh worker-2`) is not the banner's machine's
  // (review 54b F4: worker-2's 6.8.0-1025-aws was judged as the bastion's 22.04 build, "not affected", verified).
  const osPrinter = osSection ? labelOf(osSection.lines[0]) : null;
  const bannerMachine = bannerOs ? kernelPromptOf(kernelSources, kernelApart) : null;
  const osOfAnother = osPrinter !== null && bannerMachine !== null && !sameMachine(osPrinter, bannerMachine);
  const kernelOs = osRead && !osOfAnother ? osRead : bannerOs;
  const kernelOn = (on: OsFacts | null) => (hostNodes.length || disputed ? null : combineKernel(kernelSources, signature, on, text));
  // An os-release cut to its VERSION_ID (`grep VERSION_ID /etc/os-release`) names no distribution; beside a kernel Ubuntu
  // built (its flavour or build says so) it is that Ubuntu release (review 49c F3: the answer asked for the line it had).
  const kernelRead = kernelOn(kernelOs);
  const ubuntuRelease = !osRead && osSection && kernelRead?.distro === "ubuntu" ? ubuntuVersionOnly(osSection) : null;
  const os = ubuntuRelease ?? osRead ?? (kernelRead ? bannerOs : null);
  // The one release the text names decides between the packages of a release string two releases build (hedged).
  const namedRelease = pickNamedRelease(hostOnly(mentions.releases));
  const kernel = withNamedRelease(ubuntuRelease ? kernelOn(ubuntuRelease) : kernelRead, namedRelease);
  // A kernel the log printed on one line (a boot banner, a crash header), read as the bundle's own kernel is.
  const kernelOfLine = ({ uname, line }: KernelLine): KernelFacts | null => {
    const source = [{ uname, line }];
    const read = combineKernel(source, null, osRead, text);
    const ubuntu = !osRead && osSection && read?.distro === "ubuntu" ? ubuntuVersionOnly(osSection) : null;
    return withNamedRelease(ubuntu ? combineKernel(source, null, ubuntu, text) : read, namedRelease);
  };
  // The boot banners and the boot each line was logged in, for a failure's own kernel (review 49g F8).
  const banners = bootBanners(mentions.kernel, lineAt);
  // A file's part of `tail` over several files is no later part of the same boot's log (review 50e F1).
  const apart = read.fileHeads.length ? [...read.bootMarks, ...read.fileHeads].sort((a, b) => a - b) : read.bootMarks;
  const bannerOf = bootBannerOf(
    commandHosts,
    apart,
    read.reversedReads,
    banners.map((b) => b.line),
    lineAt,
    textLines.length,
  );
  // The crash header each line belongs to, for a crash's own kernel (review 50b F2: pstore's saved oops beside the uname of
  // the kernel booted since was "2 kernels").
  const crashes = crashHeaders(mentions.kernel, lineAt);
  const crashOf = crashHeaderOf(
    commandHosts,
    apart,
    crashes.map((c) => c.line),
    CRASH_REACH,
    lineAt,
  );
  const rebooted = bootsApart(commandHosts, [], read.rebootCommands);
  const readNow = afterCommandOf(commandHosts, read.currentReads);
  // Each machine's first reboot, found once: a line is after a reboot of its machine when after that one.
  const firstReboot = new Map<string | null, number>();
  for (const r of read.rebootCommands) if (!firstReboot.has(labelOf(r))) firstReboot.set(labelOf(r), r);
  const afterReboot = (line: number) => (firstReboot.get(labelOf(line)) ?? Number.POSITIVE_INFINITY) < line;
  /**
   * The one kernel the paste's own unames give in the boot of every given line, where a reboot typed at the machine's
   * prompt parts it from the others': before `reboot` one release, after it another, and the failure on one side (review
   * 56b F5: "does not say which one failed" where the order decides). After the reboot only the running boot's own log
   * (`dmesg`, `journalctl -b`) is that boot's: a journal, a saved dmesg, kdump's or pstore's copy may print the boot
   * before (review 56d F1, F7), and an earlier boot's log read before it any boot; those decide nothing.
   */
  const unameOfBoot = (lines: readonly number[]): KernelLine | null => {
    if (!read.rebootCommands.length || kernelSources.length < 2) return null;
    if (lines.some((l) => readPast(l) || (afterReboot(l) && !readNow(l)))) return null;
    const own = kernelSources.filter((s): s is KernelSource & KernelLine => s.line !== undefined && !s.uname.named && !!s.uname.release);
    const onLinesMachine = (s: KernelLine) => lines.every((l) => labelOf(l) === labelOf(s.line));
    const inBoot = own.filter((s) => onLinesMachine(s) && lines.every((l) => !rebooted(s.line, l)));
    const [first] = inBoot;
    const apart = own.some((s) => onLinesMachine(s) && lines.every((l) => rebooted(s.line, l)));
    return first && apart && inBoot.every((s) => s.uname.release === first.uname.release) ? first : null;
  };
  /**
   * The kernel the machine runs now (ExtractedFacts.runningKernel): its own unames, all at one machine's prompt and naming
   * one host, the last after every reboot typed there, and one before a reboot reading another release. Only output the
   * machine printed counts, never a release a sentence names (review 69c F4).
   */
  const runningKernel = ((): KernelFacts | null => {
    if (kernel || hostNodes.length || !read.rebootCommands.length) return null;
    const own = kernelSources
      .filter((s): s is KernelSource & KernelLine => s.line !== undefined && unameLines.has(s.line) && !s.uname.named && !!s.uname.release)
      .sort((a, b) => a.line - b.line);
    const last = own.at(-1);
    if (!last || new Set(own.map((s) => labelOf(s.line))).size !== 1) return null;
    const names = own.flatMap((s) => (s.uname.hostname ? [s.uname.hostname] : []));
    if (names.some((n) => !sameMachine(n, names[0] ?? n))) return null;
    if (read.rebootCommands.some((r) => r > last.line && labelOf(r) === labelOf(last.line))) return null;
    const now = own.filter((s) => !rebooted(s.line, last.line));
    const before = own.filter((s) => rebooted(s.line, last.line));
    if (!before.length || now.some((s) => s.uname.release !== last.uname.release)) return null;
    if (before.every((s) => s.uname.release === last.uname.release)) return null;
    return kernelOfLine(now.find((s) => s.uname.build) ?? last);
  })();
  /**
   * The banner another command's output prints for the earlier boot the lines' own command reads (`journalctl -b -1 -k |
   * head -1` beside `journalctl -b -1 -u kubelet`), on the same machine: the one release such banners give, or none.
   */
  const bootOfLine = (line: number): string | null => {
    const command = commandOf(line)?.[0];
    const selector = command === undefined ? null : pastBootSelector(lineAt(command) ?? "");
    return selector === null ? null : `${labelOf(line) ?? ""}\n${selector}`;
  };
  const sameBootBanner = (lines: readonly number[]): KernelLine | undefined => {
    const boots = new Set(lines.map(bootOfLine));
    const [boot] = boots;
    if (boots.size !== 1 || !boot) return undefined;
    const inBoot = banners.filter((b) => bootOfLine(b.line) === boot);
    const [first] = inBoot;
    return first && inBoot.every((b) => b.uname.release === first.uname.release) ? first : undefined;
  };
  const bootKernel = (lines: readonly number[]): KernelFacts | null => {
    const crashed = new Set(lines.map(crashOf));
    const crash = crashed.size === 1 ? crashes.find((c) => c.line === [...crashed][0]) : undefined;
    if (crash) return kernelOfLine(crash);
    const at = new Set(lines.map(bannerOf));
    const line = at.size === 1 ? [...at][0] : null;
    const banner = (line != null ? banners.find((b) => b.line === line) : undefined) ?? sameBootBanner(lines);
    if (banner) return kernelOfLine(banner);
    const uname = unameOfBoot(lines);
    return uname ? kernelOfLine(uname) : null;
  };
  // A sentence claiming another kernel than the output's (review 31e): two kernels given, as two outputs are.
  const givenReleases = new Set([...releases, ...(disputing ? [disputing] : []), ...namedReleases]);
  let lines: string[] | null = null;
  return {
    // Built only when asked for: diagnosis itself never reads the lines of a log.
    get lines() {
      lines ??= splitLines(text);
      return lines;
    },
    lineAt: (n) => (n >= 1 && n <= textLines.length ? textLines.at(n - 1) : undefined),
    sections,
    // Several hosts' unames are judged node by node, like a kubectl table.
    kernel,
    ...(!kernel && !hostNodes.length && givenReleases.size > 1 ? { kernelsGiven: [...givenReleases] } : {}),
    unameHost: hostNodes.length ? null : unameHostOf(kernelSources, kernelApart),
    kernelPrompt: hostNodes.length ? null : kernelPromptOf(kernelSources, kernelApart),
    readingsHosts: ownPrinters.size && !ownPrinters.has("") ? [...ownPrinters] : null,
    readingsAt,
    kernelAt: (machine: string) => {
      if (kernel || hostNodes.length) return null;
      const at = (s: KernelSource) => s.uname.hostname ?? s.machine ?? s.prompt;
      const own = kernelSources.filter((s) => {
        const where = at(s);
        return !s.uname.named && where && sameMachine(where, machine) && (s.line === undefined || !kernelApart.has(s.line));
      });
      // Only where each kernel given is a machine's own reading: one the log dates (a boot's "Linux version") may be this
      // machine's earlier boot (the failing one, pasted after a rollback).
      const placed = new Set(kernelSources.flatMap((s) => (at(s) && !s.uname.named && s.uname.release ? [s.uname.release] : [])));
      if (!givenReleases.size || [...givenReleases].some((r) => !placed.has(r))) return null;
      return new Set(own.map((s) => s.uname.release)).size === 1
        ? withNamedRelease(combineKernel(own, signature, os, text), namedRelease)
        : null;
    },
    bareUnameHost,
    bareUnameHosts: [...bareHosts],
    afterBareCommand: afterCommandOf(commandHosts, read.bareCommands),
    commandHost,
    commandAt: (line) => commandOf(line)?.[0] ?? null,
    readsBundledRuntime: commandHosts.flatMap(([line, host]) =>
      bundledRead(line, (n) => lineAt(n) ?? "").map((ecosystem) => ({ ecosystem, on: host })),
    ),
    bundlingCluster: bundlingCluster(tableNodes, commandHosts, lineAt),
    clusterNode: clusterNodeOf(read, commandHosts, lineAt),
    inContainerCommand: afterCommandOf(commandHosts, containerCommands),
    overSsh,
    readHere: afterCommandOf(commandHosts, localReads),
    readPast,
    readNow,
    bootsApart: bootsApart(commandHosts, read.bootMarks, read.rebootCommands),
    bootKernel,
    runningKernel,
    daemonElsewhere: afterCommandOf(commandHosts, new Set(remoteDaemon.keys())),
    os,
    nodes,
    iptables: hostIptables(pre ? pre.iptablesLines : null, text, (line) => containerOutput.has(line) || containerLog(line)),
    kubelet: host.kubelet,
    runtime: host.runtime,
    components: host.components,
    fromClient: host.fromClient,
    clusterRead: new Set(sections.flatMap((s) => (s.kind === "workload-image" ? [s.text.slice(0, s.text.indexOf("://"))] : []))),
    onDisk: host.onDisk,
    nodeComponents,
    disputed: host.disputed,
    criRuntime: host.criRuntime,
    ...namedVersions(host.disputed, pickNamedVersions(namedHere, lineAt, mentions.packageRows), [
      // The first that gives the version kept says why it is named: a heading's or an upgrade's before the client's.
      [pickNamedVersions(namedAway, lineAt), HEADING_VIA],
      [namedComponents(away), HEADING_VIA],
      [namedComponents(components.daemon), REMOTE_DAEMON_VIA],
      [daemonStartVersions(startLines), DAEMON_START_VIA],
      [restartedKubelet ? { kubernetes: kubernetesRelease(restartedKubelet) } : {}, DAEMON_START_VIA],
      [pickClientVersions(mentions.named, lineAt), CLIENT_VIA],
      [loggedVersions(installed), LOGGED_VIA],
    ]),
    ...apiServerOf(namedHere, lineAt),
    upgradedAt: upgradesOn(upgrades, commandHost),
    beforeUpgrade: namedComponents(earlier),
    replaced: replacedVersions([...upgrades, ...changed]),
    changes: [
      ...componentChanges(changed, commandHost),
      // A change a sentence says cured the trouble: what the paste reads of that component may be from after it.
      ...curedComponents(namedHere).map(({ ecosystem, line }) => ({ ecosystem, from: null, to: null, at: null, on: commandHost(line) })),
      ...daemonStarts(startLines, commandHost),
      ...upgrades.flatMap((u) =>
        (u.upgraded === "all" ? [...UPGRADE_READ] : [...u.upgraded]).map((ecosystem) => ({
          ecosystem,
          from: null,
          to: null,
          at: null,
          on: commandHost(u.line),
        })),
      ),
      ...commandHosts.flatMap(([line]) => {
        if (containerCommands.has(line) || sshCommands.has(line)) return [];
        return restartedBy(lineAt(line) ?? "").map((ecosystem) => ({
          ecosystem,
          from: null,
          to: null,
          at: null,
          on: commandHost(line),
          restartedAt: line,
        }));
      }),
    ],
    // A listing before the paste upgrades the package is another time's, as a component's output is (review 30d: the
    // old `ii` row beside apt's "Setting up containerd.io (new)" lost both).
    ...packageBuilds(
      pickPackageBuilds(mentions.named, mentions.packageRows, elsewhere, (n) => lineAt(n) ?? ""),
      loggedBuilds(installed),
      // A listing under another machine's heading still names a distribution's build, judged (hedged) on its release's
      // package ranges, not as the upstream release in it (review 49d F1).
      pickPackageBuilds(
        mentions.named,
        mentions.packageRows,
        (l) => !underHeading(l) || upgradedLater(l, lineAt(l) ?? ""),
        (n) => lineAt(n) ?? "",
      ),
      pickProseBuilds(
        namedHere.filter((l) => !elsewhere(l.line)),
        (n) => lineAt(n) ?? "",
      ),
    ),
    namedRelease,
    namedDistribution: pickNamedDistribution(hostOnly(mentions.releases)),
    notLogs,
    containerOs,
    containerOutput,
    gathering,
  };
}

/** Whether the command a line comes after is one of `kind` (readBundle's containerCommands or sshCommands). */
/**
 * ExtractedFacts.clusterNode: the `Node:` field above a line in the same pod's description (readBundle's describedNodes),
 * else the node the paste places the pod a command names on (`describe pod`, `logs`, `exec`, an event's `pod/NAME`) by
 * any placement it gives (its description's `Node:`, a `get pods -o wide` table, its Scheduled event: reviews 50d F1, 53c
 * F3, 70b F1), else the source an event line names (`kubectl get events`' and older `describe`'s "kubelet, worker-2").
 */
function clusterNodeOf(
  read: Pick<
    ReturnType<typeof readBundle>,
    "describedNodes" | "describedPods" | "commandPods" | "scheduledPods" | "contextNamespaces" | "listedPods"
  >,
  commands: ReadonlyArray<readonly [number, string | null]>,
  lineAt: (line: number) => string | undefined,
): (line: number) => string | null {
  const described = read.describedNodes;
  const fieldBefore = commandBefore(described);
  const commandOf = commandBefore(commands);
  const listing = new Map<number, boolean>();
  const eventCommand = (command: number) => {
    const known = listing.get(command);
    if (known !== undefined) return known;
    const lists = listsEvents(lineAt(command) ?? "");
    listing.set(command, lists);
    return lists;
  };
  const eventPodAt = (command: number, line: number) =>
    eventCommand(command) ? eventPod(lineAt(command) ?? "", lineAt(line) ?? "", read.contextNamespaces.get(command)) : null;
  // The pods a command names: the one it describes or runs in, the words of its `logs` that may be one.
  const podsOf = (command: number) => {
    const pod = read.describedPods.get(command);
    const named = read.commandPods.get(command) ?? [];
    return pod ? [pod, ...named] : named;
  };
  // Each pod's node, as its description, a `get pods -o wide` table or its Scheduled event places it; a pod placed on two
  // nodes (rescheduled between the commands) is on neither surely.
  const podNode = new Map<string, string | null>();
  const place = (pod: string, node: string) => podNode.set(pod, podNode.has(pod) && podNode.get(pod) !== node ? null : node);
  for (const [, node, command] of described) {
    const pod = read.describedPods.get(command);
    if (pod !== undefined) place(pod, node);
  }
  for (const [command] of commands)
    for (const [pod, node] of podNodes(lineAt(command) ?? "", lineAt, command, read.contextNamespaces.get(command)))
      place(pod, machineOfTarget(node));
  // A listing's pods (`cluster-info dump`'s PodList: its logs' sections follow it, review 70b F7).
  for (const [pod, node] of read.listedPods) place(pod, machineOfTarget(node));
  for (const [line, pod, node] of read.scheduledPods) {
    const machine = machineOfTarget(node);
    place(pod, machine);
    // The event names its namespace; the command showing it (`describe pod web-0`, an event row's `pod/web-0`) may name the
    // same pod by the context's, which the paste does not say: that pod, by name.
    const command = commandOf(line)?.[0];
    const name = pod.slice(pod.indexOf("/"));
    if (command === undefined) continue;
    for (const own of [...podsOf(command), eventPodAt(command, line)])
      if (own && own !== pod && own.endsWith(name) && own.length - name.length === own.indexOf("/")) place(own, machine);
  }
  return (line) => {
    const command = commandOf(line)?.[0];
    const field = fieldBefore(line);
    if (field && field[2] === command) return field[1] || null;
    if (!podNode.size || command === undefined) return eventSource(lineAt(line));
    const placed = new Set(podsOf(command).flatMap((p) => (podNode.has(p) ? [podNode.get(p)] : [])));
    if (placed.size === 1) return [...placed][0] || null;
    // An event about a pod the paste places (review 53c F3).
    const event = eventPodAt(command, line);
    const eventNode = event ? podNode.get(event) : undefined;
    return eventNode || eventSource(lineAt(line));
  };
}
/** The node an event line's source names (EVENT_SOURCE), else null. */
const eventSource = (text: string | undefined): string | null => {
  const source = EVENT_SOURCE.exec(text ?? "")?.[1];
  return source ? machineOfTarget(source) : null;
};
/** How far from a crash's header its trace's lines run: an oops with its registers, modules and call trace. */
const CRASH_REACH = 60;

/** An event's source as older kubectl prints it (`kubelet, worker-2`): the kubelet and the node it runs on. */
const EVENT_SOURCE = /\skubelet, ([A-Za-z0-9][\w.-]*)\s/;

function afterCommandOf(commands: ReadonlyArray<readonly [number, string | null]>, kind: ReadonlySet<number>) {
  const commandOf = commandBefore(commands);
  return (line: number): boolean => kind.size > 0 && kind.has(commandOf(line)?.[0] ?? 0);
}

/**
 * The os-release the bundle gives: a KEY=value file, then `lsb_release -a`, before a release file's one line
 * (which a container's or an image's output prints as readily as the host's), and of one-line release
 * files only one that every such line agrees with (a list of releases names no host).
 */
function pickOsSection(sections: readonly BundleSection[]): BundleSection | undefined {
  const os = sections.filter((s) => s.kind === "os-release");
  const full = os.filter((s) => !SYSTEM_RELEASE_LINE.test(s.text.trim()));
  // The os-release file itself says what the distribution derives from; lsb_release does not.
  const own = full.find((s) => !LSB_DISTRIBUTOR.test(s.text)) ?? full[0];
  if (own) return own;
  return new Set(os.map((s) => s.text.trim())).size === 1 ? os[0] : undefined;
}

/**
 * Whose output a line is: the host's own, another machine's or time's by a heading (away), before an upgrade, or beside
 * several nodes the own output of one of them (NODE_PLACE and its name, or the names it may be, a line each).
 */
type Place = "own" | "away" | "earlier" | "daemon" | `${typeof NODE_PLACE}${string}` | `${typeof PROMPT_PLACE}${string}`;
const NODE_PLACE = "node:";
/** The paste's own output, by the machine its prompt names (readingsAt). */
const PROMPT_PLACE = "prompt:";

/**
 * Every reading of the kubelet, the container runtime and `docker version` in the bundle, gathered by whose output it is
 * (`place`, 1-based line) in one pass, whatever the number of groups. A binary's `--version` printed in a container is
 * never the host's or a node's own: it goes with `away`.
 */
function componentReadings(
  sections: readonly BundleSection[],
  mentioned: readonly LineRef[],
  lines: TextLines,
  place: (line: number) => Place,
  inContainer: (line: number) => boolean,
): { of: (which: Place) => ComponentReadings; groups: ReadonlyMap<Place, ComponentReadings> } {
  // A binary's own `--version` printed in a container (`podman run … crun --version`) is the image's binary: named,
  // never the host's (review 30d). `docker version` there still reports the daemon the CLI talks to.
  const sectionPlace = (line: number): Place => {
    const p = place(line);
    return p !== "away" && p !== "earlier" && inContainer(line) ? "away" : p;
  };
  const gathered = new Map<Place, { kubelet: string[]; runtime: string[]; mentioned: LineRef[] }>();
  const group = (which: Place) => {
    const seen = gathered.get(which);
    if (seen) return seen;
    const g = { kubelet: [] as string[], runtime: [] as string[], mentioned: [] as LineRef[] };
    gathered.set(which, g);
    return g;
  };
  for (const s of sections) {
    if (s.kind === "tool-version" || s.kind === "workload-image") {
      // An image's program (Traefik, an image's xz) printed in a container is that program's own reading (tool-versions.ts).
      group(imageProgram(s.text) ? place(s.lines[0]) : sectionPlace(s.lines[0])).runtime.push(s.text);
      continue;
    }
    const parse = s.kind === "kubelet-version" ? parseKubeletVersion : s.kind === "runtime-version" ? parseRuntimeVersion : null;
    const value = parse?.(s.text);
    if (value) group(sectionPlace(s.lines[0]))[s.kind === "kubelet-version" ? "kubelet" : "runtime"].push(value);
  }
  for (const m of mentioned) group(place(m.line)).mentioned.push(m);
  const server = dockerVersionComponents(lines, place);
  for (const which of Object.keys(server) as Place[]) group(which);
  const at = (line: number) => lines.at(line - 1);
  const groups = new Map<Place, ComponentReadings>();
  for (const [which, g] of gathered)
    groups.set(which, {
      kubelet: g.kubelet,
      runtime: g.runtime,
      mentioned: pickComponentMentions(g.mentioned, at),
      server: server[which] ?? {},
    });
  const none: ComponentReadings = { kubelet: [], runtime: [], mentioned: pickComponentMentions([], at), server: {} };
  return { of: (which) => groups.get(which) ?? none, groups };
}

export const CLIENT_VIA = "the docker client's version (docker version's client part); the daemon's may differ";
const REMOTE_DAEMON_VIA = "what a daemon on another machine reported (DOCKER_HOST, a docker context, -H)";
export const HEADING_VIA = "output the report places on another machine, in a container or at another time";
const DAEMON_START_VIA = "a daemon's start-up line (another node's, or a restart's after the failure)";
const LOGGED_VIA = "the version a package manager's log last installed (perhaps another machine's, or changed since)";

/** The upstream release of each component a log's last installs name (loggedInstalls). */
const loggedVersions = (installed: Readonly<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(installed).flatMap(([name, build]) => {
      const ecosystem = listedEcosystem(name, true);
      const upstream = upstreamOf(build);
      return ecosystem && upstream ? [[ecosystem, upstream]] : [];
    }),
  );
const NAMED_BUILD_VIA = "a version the report names, not read from the host";

/** Each package's build from the strongest source that gives one (a listing, a package manager's log, a sentence), and why. */
function packageBuilds(
  listed: Readonly<Record<string, string>>,
  logged: Readonly<Record<string, string>>,
  away: Readonly<Record<string, string>>,
  named: Readonly<Record<string, string>>,
): { packages: Record<string, string>; packageVia: Record<string, string> } {
  const packages = { ...named, ...away, ...logged, ...listed };
  const via = (name: string) => (name in logged ? LOGGED_VIA : name in away ? HEADING_VIA : NAMED_BUILD_VIA);
  const packageVia = Object.fromEntries(Object.keys(packages).flatMap((name) => (name in listed ? [] : [[name, via(name)]])));
  return { packages, packageVia };
}

/** The whole builds among them (a revision after the release), for the records that range a package's builds. */
const loggedBuilds = (installed: Readonly<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(Object.entries(installed).filter(([name, build]) => build.includes("-") && listedEcosystem(name)));

/** A kubelet's or containerd's build as k3s and RKE2 number them ("v1.31.3+k3s1", "v1.30.4+rke2r1", "1.7.23-k3s2"). */
const BUNDLING_BUILD = /[+-](k3s|rke2)\d/;
/** `k3s --version` and `rke2 --version`: "k3s version v1.31.3+k3s1 (6e6af988)". */
const BUNDLING_VERSION_COMMAND = /\b(k3s|rke2)\s+(?:--version|-v|version)\s*$/;

/** The one distribution bundling its runtime that the nodes table's every row, or its own version command, names; else null. */
function bundlingCluster(
  rows: readonly NodeRow[],
  commandHosts: ReadonlyArray<readonly [number, string | null]>,
  lineAt: (line: number) => string | undefined,
): string | null {
  const ofRows = rows.map((r) => BUNDLING_BUILD.exec(`${r.version} ${r.runtime ?? ""}`)?.[1]);
  // A row of another build (a plain kubeadm node beside k3s ones) leaves the pods' runtime open.
  if (ofRows.some((d) => d === undefined) && ofRows.some((d) => d !== undefined)) return null;
  const named = new Set(ofRows.filter((d): d is string => d !== undefined));
  for (const [line] of commandHosts) {
    const asked = BUNDLING_VERSION_COMMAND.exec(lineAt(line) ?? "")?.[1];
    if (asked) named.add(asked);
  }
  return named.size === 1 ? ([...named][0] as string) : null;
}

/**
 * A distribution's own runtime asked its version: k3s's and k0s's embedded ctr and crictl, MicroK8s', RKE2's and k3s's
 * binaries (not `k3s crictl ps`, which prints none: review 46c F2).
 */
const BUNDLED_TOOL =
  /(\b(?:k3s|k0s)\s+(?:ctr|crictl)|\bmicrok8s(?:\.|\s+)(?:ctr|crictl)|\/var\/lib\/rancher\/(?:k3s|rke2)\/\S*\bbin\/(?:containerd|ctr|crictl|runc)|\/snap\/microk8s\/\S*\bbin\/(?:containerd|ctr|runc)|\bcrictl\s+(?:--runtime-endpoint|-r)[\s=]\S*\/(?:k3s|rke2|k0s|microk8s)\/\S*)\s+(?:version|--version|-v)\b/;
/**
 * The component a bundled tool's version command (1-based `line`) read: runc's own binary, else the containerd it talks
 * to; none where no version follows it (review 46d F3: `k3s ctr version` that failed to dial the socket).
 */
function bundledRead(line: number, lineAt: (line: number) => string): string[] {
  // A command line is short; a long one is no such command, and the pattern's paths need not be tried along it.
  const command = lineAt(line);
  const tool = command.length <= MAX_TOOL_LINE ? BUNDLED_TOOL.exec(command) : null;
  if (!tool) return [];
  let printed = false;
  for (let n = line + 1; n <= line + VERSION_OUTPUT_LINES; n++) {
    const next = lineAt(n);
    if (PROMPT.test(next)) break;
    // `ctr version` prints its own client's version before it fails to reach the daemon.
    if (UNREACHED.test(next)) return [];
    printed ||= VERSION_PRINTED.test(next);
  }
  return printed ? [/\brunc$/.test(tool[1] ?? "") ? "runc" : "containerd"] : [];
}
const MAX_TOOL_LINE = 1000;
const UNREACHED = /failed to dial|context deadline exceeded|connection refused|no such file or directory|permission denied/i;
/** `ctr version` prints its server's version by its ninth line; `crictl version` its runtime's by its third. */
const VERSION_OUTPUT_LINES = 10;
const VERSION_PRINTED = /\bv?\d+\.\d+\.\d+/;

/**
 * What sentences, forms and the host's other output name, then what output the report places elsewhere adds
 * (`elsewhere`, each with why: ExtractedFacts.namedElsewhere). A component whose own readings disagree (`disputed`:
 * before and after an upgrade, two machines' `docker info`) is named by none of them either.
 */
function namedVersions(
  disputed: readonly DisputedComponent[],
  stated: Record<string, string>,
  elsewhere: ReadonlyArray<readonly [Readonly<Record<string, string>>, string]>,
): Pick<ExtractedFacts, "named" | "namedElsewhere"> {
  const named = withNamed(stated, ...elsewhere.map(([versions]) => versions));
  for (const { ecosystem } of disputed) delete named[ecosystem];
  const namedElsewhere: Record<string, string> = {};
  for (const ecosystem of Object.keys(named)) {
    if (stated[ecosystem] !== undefined) continue;
    const why = elsewhere.find(([versions]) => versions[ecosystem] === named[ecosystem])?.[1];
    if (why) namedElsewhere[ecosystem] = why;
  }
  return { named, namedElsewhere };
}

/**
 * The versions a report names, with those another machine's output and the daemons' start-up lines show: one
 * per ecosystem, or none when any two disagree.
 */
function withNamed(named: Record<string, string>, ...more: ReadonlyArray<Readonly<Record<string, string>>>): Record<string, string> {
  const out = { ...named };
  const dropped = new Set<string>();
  for (const versions of more) {
    for (const [ecosystem, version] of Object.entries(versions)) {
      if (dropped.has(ecosystem)) continue;
      if (out[ecosystem] === undefined) out[ecosystem] = version;
      else if (out[ecosystem] !== version) {
        delete out[ecosystem];
        dropped.add(ecosystem);
      }
    }
  }
  return out;
}

const nonEmptyLines = (text: string | undefined) =>
  splitLines(text ?? "")
    .map((l) => l.trim())
    .filter(Boolean);

/** An os-release section holding an Ubuntu release's VERSION_ID ("22.04") and no distribution, as Ubuntu's; else null. */
function ubuntuVersionOnly(section: BundleSection): OsFacts | null {
  const values = parseOsReleaseValues(section.text);
  const versionId = values.get("VERSION_ID") ?? "";
  if (values.has("ID") || values.has("NAME") || !/^\d\d\.(?:04|10)$/.test(versionId)) return null;
  return { id: "ubuntu", idLike: ["debian"], versionId, prettyName: null, codename: null, lines: section.lines };
}

/**
 * os-release text, or a paste of it cut before its ID line (`head -2 /etc/os-release`: PRETTY_NAME and NAME): its name
 * then says which distribution it is, as a nodes table's OS image does. os-release(5)'s default of ID=linux is for a
 * file without ID, not a paste that lost it (review 32d: "Ubuntu 24.04.2 LTS" read as no Ubuntu, and an Ubuntu-only
 * bug ruled out for certain). A name that says nothing known leaves no distribution at all.
 */
function osReleaseOf(text: string, lines?: [number, number]): OsFacts | null {
  const os = parseOsRelease(text, lines);
  if (os?.id !== "linux" || /^\s*ID=/m.test(text)) return os;
  const values = parseOsReleaseValues(text);
  const name = values.get("NAME") ?? "";
  const version = values.get("VERSION") ?? values.get("VERSION_ID") ?? "";
  const named = [os.prettyName ?? "", `${name} ${version}`.trim()].flatMap((n) => (n ? (osImageToOs(n) ?? []) : []))[0];
  if (named) return { ...os, id: named.id, idLike: named.idLike, versionId: os.versionId ?? named.versionId };
  // Lines picked out of it (`grep VERSION /etc/os-release`): an Ubuntu LTS's codename, its VERSION_ID agreeing (review 49a F4).
  const lts = ubuntuLtsOf(os.codename ?? "");
  if (lts && (os.versionId ?? lts) === lts) return { ...os, id: "ubuntu", idLike: ["debian"], versionId: lts };
  const first = name.split(/\s/)[0]?.toLowerCase() ?? "";
  // Own keys only: a name such as "constructor" is no key of the table's prototype to call.
  const lineage = Object.hasOwn(ID_LIKE, first) ? ID_LIKE[first] : undefined;
  return lineage ? { ...os, id: first, idLike: lineage(os.versionId) } : null;
}

/** The API server's own answer among the lines the host's output names versions on (ExtractedFacts.apiServer). */
function apiServerOf(lines: readonly LineRef[], lineAt: (line: number) => string): Pick<ExtractedFacts, "apiServer"> {
  const version = apiServerVersion(lines, lineAt);
  return version ? { apiServer: version } : {};
}

/**
 * Facts from structured fields. `lines`, `sections` and `notLogs` describe `logs`; a node's
 * line counts lines of `nodes`. A field left empty may still be filled from a bundle pasted into logs.
 */
export function factsFromFields(fields: DiagnoseFields, pre?: PreScan): ExtractedFacts {
  const fromLogs = extractFacts(fields.logs ?? "", pre);
  const fieldReleases = splitLines(fields.uname ?? "").flatMap((l) => parseUname(l.trim())?.release ?? []);
  // A distribution typed in the field rather than pasted ("Ubuntu 22.04.3 LTS", "CentOS 7.2"): read as a nodes
  // table's OS image is, or else as a release a person names (hedged wherever it decides).
  const typed = fields.osRelease?.trim() && !osReleaseOf(fields.osRelease) ? nonEmptyLines(fields.osRelease) : [];
  const typedOs = typed.length === 1 ? osImageToOs(typed[0] as string) : null;
  const typedRelease = typed.length && !typedOs ? pickNamedRelease(typed.map((text, i) => ({ text, line: i + 1 }))) : null;
  // An os-release pasted into the logs counts as is (it has lines); a COS image name in the logs must also fit the uname field.
  const os = fields.osRelease?.trim()
    ? withCosImage(osReleaseOf(fields.osRelease) ?? typedOs, fields.logs ?? "")
    : fromLogs.os?.lines
      ? fromLogs.os
      : withCosImage(null, fields.logs ?? "", [...fieldReleases, ...(fromLogs.kernel ? [fromLogs.kernel.release] : [])]);

  // Each field is known to be kernel output, so every line is read by shape without needing a prompt.
  // Lines keep their 1-based number within the `uname` field, so a node read from one can be found.
  // A fan-out tool's output pasted there (ansible's "web-2 | CHANGED | rc=0 >>" or one-line result, pssh's "[2] …
  // [SUCCESS] web-2") names the host of each reading (review 37b: "no kernel version given").
  let machine: string | null = null;
  const kernelLines = [
    ...splitLines(fields.uname ?? "").map((raw, i) => {
      const text = raw.trim();
      const result = ansibleOneLine(text);
      if (result) return { text: result.output ?? "", line: i + 1, machine: result.host };
      machine = fanOutHeader(text)?.host ?? machine;
      return { text, line: i + 1, machine };
    }),
    ...nonEmptyLines(fields.procVersion).map((text) => ({ text, line: undefined, machine: null })),
  ].filter((l) => l.text && fanOutHeader(l.text) === null);
  const signature = kernelLines.find((l) => parseVersionSignature(l.text))?.text ?? null;
  const sources = kernelLines.flatMap((l) => {
    const uname = parseVersionSignature(l.text) ? null : (parseUname(l.text) ?? parseSeriesOnly(l.text));
    return uname ? [l.line === undefined ? { uname } : { uname, line: l.line, machine: l.machine }] : [];
  });
  const hostNodes = unameNodes(sources);
  // kernel.line counts lines of a bundle; field line numbers only locate nodes. A series typed in the uname field
  // ("6.6") gives way to a release of it the procVersion field prints ("Linux version 6.6.44 …"): the same kernel.
  const all = sources.map(({ uname }) => ({ uname }));
  const releases = all.map((r) => r.uname.release ?? "").filter((r) => !isSeriesRelease(r));
  const readings = all.filter((r) => !isSeriesRelease(r.uname.release ?? "") || !releases.some((x) => x.startsWith(`${r.uname.release}.`)));
  // A series typed in the field ("5.14") gives way to a release of that series the logs show the kernel
  // print itself, build string and all (uname -a, /proc/version, an oops header): a release named in a
  // sentence ("fixed in kernel 5.14.9") need not be the host's.
  const series =
    !signature && readings.length === 1 && isSeriesRelease(readings[0]?.uname.release ?? "") ? readings[0]?.uname.release : null;
  const kernel = withNamedRelease(
    hostNodes.length
      ? null
      : series && fromLogs.kernel?.branch === series && fromLogs.kernel.build
        ? fromLogs.kernel
        : readings.length || signature
          ? combineKernel(readings, signature, os, `${fields.uname ?? ""}\n${fields.logs ?? ""}`)
          : fromLogs.kernel,
    typedRelease ?? fromLogs.namedRelease,
  );

  // The nodes field takes every form the bundle does (node-objects.ts: a table, described or JSON or YAML objects).
  const listed = readNodeListings(splitLines(fields.nodes ?? "")).flatMap((l) => l.rows);
  const tableNodes = listed.length ? oneRowPerNode(listed) : fromLogs.nodes;
  const nodes = tableNodes.length || hostNodes.length ? joinUnameNodes(tableNodes, hostNodes) : fromLogs.nodes;

  const iptables = (fields.iptablesVersion ? findIptables(splitLines(fields.iptablesVersion)) : null) ?? fromLogs.iptables;
  return {
    get lines() {
      return fromLogs.lines;
    },
    lineAt: fromLogs.lineAt,
    sections: fromLogs.sections,
    kernel,
    // The logs' kernels that decided nothing, when no field gave one either (review 32c: "no kernel version given").
    ...(!kernel && !hostNodes.length && !readings.length && fromLogs.kernelsGiven ? { kernelsGiven: fromLogs.kernelsGiven } : {}),
    unameHost: hostNodes.length ? null : (unameHostOf(sources) ?? (readings.length ? null : fromLogs.unameHost)),
    // A field's kernel was typed, at no prompt.
    kernelPrompt: hostNodes.length || readings.length ? null : fromLogs.kernelPrompt,
    readingsHosts: fromLogs.readingsHosts,
    readingsAt: fromLogs.readingsAt,
    kernelAt: readings.length ? () => null : fromLogs.kernelAt,
    bareUnameHost: fromLogs.bareUnameHost,
    bareUnameHosts: fromLogs.bareUnameHosts,
    afterBareCommand: fromLogs.afterBareCommand,
    commandHost: fromLogs.commandHost,
    commandAt: fromLogs.commandAt,
    readsBundledRuntime: fromLogs.readsBundledRuntime,
    bundlingCluster: fromLogs.bundlingCluster,
    clusterNode: fromLogs.clusterNode,
    inContainerCommand: fromLogs.inContainerCommand,
    overSsh: fromLogs.overSsh,
    readHere: fromLogs.readHere,
    readPast: fromLogs.readPast,
    readNow: fromLogs.readNow,
    bootsApart: fromLogs.bootsApart,
    bootKernel: fromLogs.bootKernel,
    // A kernel a field gives is the one judged; the logs' running one only where none was given.
    runningKernel: kernel ? null : fromLogs.runningKernel,
    daemonElsewhere: fromLogs.daemonElsewhere,
    os,
    nodes,
    iptables,
    kubelet: fromLogs.kubelet,
    runtime: fromLogs.runtime,
    components: fromLogs.components,
    fromClient: fromLogs.fromClient,
    clusterRead: fromLogs.clusterRead,
    onDisk: fromLogs.onDisk,
    nodeComponents: fromLogs.nodeComponents,
    disputed: fromLogs.disputed,
    criRuntime: fromLogs.criRuntime,
    named: fromLogs.named,
    namedElsewhere: fromLogs.namedElsewhere,
    ...(fromLogs.apiServer ? { apiServer: fromLogs.apiServer } : {}),
    upgradedAt: fromLogs.upgradedAt,
    beforeUpgrade: fromLogs.beforeUpgrade,
    replaced: fromLogs.replaced,
    changes: fromLogs.changes,
    packages: fromLogs.packages,
    packageVia: fromLogs.packageVia,
    namedRelease: typedRelease ?? fromLogs.namedRelease,
    namedDistribution: typedRelease?.split(":")[0] ?? fromLogs.namedDistribution,
    notLogs: fromLogs.notLogs,
    containerOs: fromLogs.containerOs,
    containerOutput: fromLogs.containerOutput,
    gathering: fromLogs.gathering,
  };
}
