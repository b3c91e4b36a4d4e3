/**
 * A kernel, an OS or a component named inside other output rather than by a section of its own (uname,
 * /proc/version, os-release, `--version`). The kernel: a boot log's "Linux version ..." line under
 * dmesg or journal framing, an oops or WARN header ("CPU: 0 PID: 1 Comm: x Not tainted 6.2.0-rc5 #2"),
 * the boot loader's `BOOT_IMAGE=…/vmlinuz-<release>` in /proc/cmdline or the boot log's "Command line:",
 * `docker info` and `kubectl describe node` ("Kernel Version: ..."), `docker version` ("KernelVersion:
 * ..."), `hostnamectl` ("Kernel: Linux ..."), or a person writing "on kernel 6.1.115-126.197.amzn2023".
 * The OS: `docker info`'s or `hostnamectl`'s "Operating System:", `kubectl describe node`'s "OS Image:",
 * read as the nodes table's OS-IMAGE column. The kubelet and runtime: `kubectl describe node`'s
 * "Kubelet Version" and "Container Runtime Version", the kubelet's own start-up line, `docker info`'s
 * "Server Version"; components named in passing are read by named-versions.ts, distribution releases
 * by named-release.ts. Each is read only when the text names one: two (an upgrade retold, the nodes of
 * `kubectl describe nodes`, a quoted fixed version) decide nothing. This file holds the one-pass scan's
 * markers and sorts the lines holding them; kernel-mentions.ts reads the kernel from its lines.
 */
import { type Automaton, buildAutomaton, foldLiteral, scanText } from "../match/aho-corasick";
import type { OsFacts } from "../types";
import { agreedPerKey } from "./agreed";
import { CHANGE_MARKERS, type ComponentChange } from "./component-changes";
import { UPGRADE_MARKERS } from "./component-upgrades";
import { CRIO_VERSION_MARKERS, crioVersionTable, printedByCrioVersion } from "./crio-version";
import { DOCKER_JSON_TO_JQ, dockerNumbered } from "./docker-version";
import type { LineRef } from "./iptables-version";
import { osFromId, osImageToOs } from "./kube-nodes";
import { lineTime } from "./log-times";
import { NAMED_RELEASE_MARKERS } from "./named-release";
import { KLOG_VERSION_MARKER, NAMED_MARKERS } from "./named-versions";
import { PACKAGE_LIST_MARKERS, PACKAGE_ROW_MARKERS } from "./package-lists";
import { PODMAN_RUNTIME_MARKERS, podmanRuntime } from "./podman-info";
import { runtimeComponent } from "./runtime-version";

/**
 * A system summary's "Kernel: 5.15.0-91-generic" (neofetch, inxi, a person's environment list), its value
 * aligned by more spaces or a tab ("Kernel:  5.10.23", review 52c F2): a digit must follow, or every journald
 * kernel line ("host kernel: ...", an oops trace's "kernel:  ? __die+0x20") would be a candidate.
 */
const KERNEL_LABEL_MARKERS = [..."23456789"]
  .flatMap((d) => [`kernel: ${d}`, `kernel:  ${d}`, `kernel:   ${d}`, `kernel:\t${d}`])
  // Wider alignment, and a label padded before its colon ("Kernel    : 5.15…", "Kernel\t\t: …"; review 52f F4): the
  // label's pattern still wants a release after the colon.
  .concat(["kernel:    ", "kernel\t", "kernel :", "kernel  "])
  .concat(["kernel: `", "kernel:**", "kernel**"]);
/**
 * Other output that prints `uname -r` under a label of its own: kubeadm's preflight system verification
 * ("KERNEL_VERSION: 5.4.0-197-generic", k8s.io/system-validators' kernel validator), Ubuntu's login banner
 * ("Welcome to Ubuntu 24.04.2 LTS (GNU/Linux 6.8.0-53-generic aarch64)", /etc/update-motd.d/00-header prints
 * uname -o, -r and -m), the Kubernetes bug template's "Kernel (e.g. `uname -a`):" answer, and the kernel's own
 * hung-task and oops lines ("      Not tainted 6.8.0-1026-aws #28-Ubuntu", kernel/hung_task.c and
 * lib/dump_stack.c print the taint flags, the release and the build's first word). What each is worth: MENTIONS.
 */
const LABELLED_RELEASE_MARKERS = ["kernel_version: ", "(gnu/linux ", "(e.g. `uname -a`)"];
/**
 * A program logging the machine's `uname -a` inside its own line: CRIU's "Running on <host> Linux
 * <release> <build> <machine>" (criu/log.c), a container image's "System information: Linux <host>
 * <release> #1 SMP ...". The build after the release ("#1 SMP", "#39~16.04.1-Ubuntu SMP") says it is
 * the kernel's own.
 */
const EMBEDDED_UNAME_MARKERS = [" smp ", " preempt "];
/**
 * Tools that look in the running kernel's own tree, `/lib/modules/$(uname -r)` or `/boot/config-$(uname -r)`,
 * and print the path when it fails: modprobe ("modprobe: FATAL: Module ip_vs not found in directory
 * /lib/modules/<release>", "modprobe: ERROR: ../libkmod/libkmod.c:586 kmod_search_moddep() could not open
 * moddep file '/lib/modules/<release>/modules.dep.bin'"), Docker's and k3s's check-config ("info: reading
 * kernel config from /boot/config-<release> ..."). In a container too: uname there gives the host's kernel.
 * kube-proxy's ipvs check reads `/lib/modules/$(uname -r)/modules.builtin` ("Failed to read file
 * /lib/modules/<release>/modules.builtin with error …", pkg/proxy/ipvs). Only modprobe's own lines: libkmod's
 * bare "could not open moddep file" also comes from dracut or modinfo building an initramfs for a kernel
 * being installed.
 */
const MODULE_TREE_MARKERS = [
  "found in directory /lib/modules/",
  "moddep file '/lib/modules/",
  "kernel config from /boot/config-",
  "failed to read file /lib/modules/",
  // The headers tree a module build entered (headers-build.ts).
  "directory '/usr/src/linux-headers-",
  "directory `/usr/src/linux-headers-",
  "directory ‘/usr/src/linux-headers-",
  "directory '/usr/src/kernels/",
  "directory `/usr/src/kernels/",
  "directory ‘/usr/src/kernels/",
  "directory '/usr/lib/modules/",
  "directory `/usr/lib/modules/",
  "directory ‘/usr/lib/modules/",
];
/** Literals (case-insensitive) a line naming a kernel, an OS or a component holds, by what it may name. */
// "kernel." and "kernel," end a sentence that names a release before the word ("on the Linux 6.1.55 kernel.").
const KERNEL_MARKERS = [
  "linux version ",
  ...MODULE_TREE_MARKERS,
  "kernel ",
  // A kernel image package's name, read in a sentence (kernel-prose.ts) or a listing's row (kernel-package-row.ts).
  "linux-image-",
  "kernel.",
  "kernel,",
  // An issue title's "kernel==4.12.14" (kernel-prose.ts).
  "kernel=",
  // A GitHub issue form's field heading, "### Kernel" ending its line (kernel-mentions.ts).
  "# kernel",
  "# linux kernel",
  "# host kernel",
  "# os kernel",
  // A form's field for the host's system or its uname, whose answer may open with the kernel's release (kernel-mentions.ts).
  "operating system",
  "# os",
  "uname -a`",
  // Falco's driver file, named after a kernel release (kernel-shapes.ts).
  "falco_",
  // "the Linux 6.9.3 kernel" ending its line: the scanner's markers cannot see a line's end after "kernel".
  ...[..."23456789"].map((d) => `linux ${d}`),
  "kernel: linux ",
  // needrestart -b's running kernel (kernel-shapes.ts).
  "needrestart-kcur:",
  // pveversion's "pve-manager/8.0.3/bbf3993334bfa916 (running kernel: 6.2.16-3-pve)" (kernel-shapes.ts).
  "(running kernel: ",
  "kernelversion",
  // A command typed with its output on one line ("uname -r: 5.15.0-127-generic", kernel-shapes.ts).
  "uname -r",
  '"ansible_kernel":',
  "ansible_kernel:",
  "boot_image=",
  "tainted",
  ...KERNEL_LABEL_MARKERS,
  // A summary's kernel label in Chinese, Russian or Japanese (kernel-shapes.ts).
  ...["\u5185\u6838\uff1a", "\u5185\u6838:", "\u5185\u6838 ", "\u5185\u6838\u7248\u672c"],
  ...["\u044f\u0434\u0440\u043e", "\u044f\u0434\u0440\u0430"],
  "\u30ab\u30fc\u30cd\u30eb",
  ...LABELLED_RELEASE_MARKERS,
  ...EMBEDDED_UNAME_MARKERS,
];
/** An RPM kernel's release names itself by its dist tag and architecture ("centos 7.2  3.10.0-514.el7.x86_64"). */
const RPM_ARCH_MARKERS = [".x86_64", ".aarch64"];
/**
 * neofetch's and fastfetch's "OS: <distribution> …" for the distributions an OS image is read for (kube-nodes.ts): a
 * bare "os: " would make every "repos: " or "photos: " line a candidate and crowd the mentions read (MAX_MENTION_LINES).
 */
const FETCH_OS_MARKERS = [
  ...["ubuntu", "kubuntu", "xubuntu", "lubuntu", "edubuntu", "debian", "amazon", "bottlerocket", "talos", "flatcar"],
  ...["container", "red hat", "rocky", "almalinux", "centos", "oracle", "scientific", "fedora", "cbl-mariner", "azure"],
  ...["suse", "opensuse", "arch"],
].map((name) => `os: ${name}`);
const OS_MARKERS = ["operating system: ", "os image: ", "distribution: ", "distro: ", ...FETCH_OS_MARKERS];
/**
 * The systemd scope a CRI runtime names a container's cgroup with, as the kubelet's and the runtime's own lines print its
 * path ("…/crio-35fa56fb8d2a.scope/memory.memsw.limit_in_bytes", "…/cri-containerd-4f2c….scope"): the runtime that ran it
 * (review 47a F6's l05: two runtimes installed, no `crictl version`).
 */
const CRI_SCOPE = /(?:^|[/\s"'])(crio|cri-containerd)-[0-9a-f]{12,64}\.scope\b/;
const CRI_SCOPE_MARKERS = ["/crio-", "/cri-containerd-"];
/**
 * A CRI socket a paste names for the kubelet: its flag (`ps`, its unit, kubeadm-flags.env), a KubeletConfiguration's field,
 * kubeadm's node annotation. Each may be another node's (`ssh node2 cat …`), a configuration planned or a guide's: none
 * decides the runtime, but one naming another runtime than `crictl version` leaves crictl's word undecided (reviews 48a
 * F1, 48c F1, 48d F1: a CRI-O node's kubelet beside a crictl that found containerd's socket first).
 */
const SOCKET = String.raw`["']?(?:unix:\/\/)?(\/\S*?(crio|containerd|cri-dockerd|dockershim)\S*?\.sock)\b`;
const KUBELET_ENDPOINT = new RegExp(
  String.raw`(?:--container-runtime-endpoint[=\s]|\bcontainerRuntimeEndpoint:\s*|\bkubeadm\.alpha\.kubernetes\.io\/cri-socket:\s*)${SOCKET}`,
);
/**
 * crictl pointed at a socket for the whole shell or by its config file (`export CONTAINER_RUNTIME_ENDPOINT=…`,
 * /etc/crictl.yaml's `runtime-endpoint:`, `crictl config runtime-endpoint …` writing it; review 48d F2, 48e F3): it answers
 * for that socket, no more.
 */
const CRICTL_CONFIGURED = /^\s*runtime-endpoint:\s*\S/;
const CRICTL_EXPORTED = /\bexport\s+CONTAINER_RUNTIME_ENDPOINT=\S|\bcrictl\s+config\s+(?:--set\s+)?runtime-endpoint\b/;
/** Whether a command line points crictl at a socket for the rest of the shell: read though it is a command (index.ts). */
export const pointsCrictl = (text: string): boolean => CRICTL_EXPORTED.test(text);
const KUBELET_ENDPOINT_MARKERS = [
  "--container-runtime-endpoint",
  "containerruntimeendpoint:",
  "kubeadm.alpha.kubernetes.io/cri-socket:",
  "runtime-endpoint:",
  "export container_runtime_endpoint=",
  "crictl config",
];
const ENDPOINT_RUNTIME: Readonly<Record<string, string>> = {
  crio: "cri-o",
  containerd: "containerd",
  "cri-dockerd": "docker",
  dockershim: "docker",
};
/**
 * A `crictl` command given its endpoint (`-r`, `--runtime-endpoint`, the CONTAINER_RUNTIME_ENDPOINT that flag reads, a
 * config file of its own: `--config`; reviews 48c F6, 48e F3): it names the runtime that answers there, no more.
 */
const CRICTL_ENDPOINT_CHOSEN =
  /\bcrictl\s+(?:\S+\s+)*?(?:-r|--runtime-endpoint|-c|--config)[\s=]|\bCONTAINER_RUNTIME_ENDPOINT=\S+\s+(?:sudo\s+(?:-E\s+)?)?crictl\b/;
/** Lines from `crictl version`'s RuntimeName up to its command: its "Version:" line, perhaps a warning of the endpoint guessed. */
const CRICTL_COMMAND_REACH = 4;
/**
 * The daemon's version asked by a template (`docker version --format '{{.Server.Version}}'`, `docker info -f
 * '{{.ServerVersion}}'`), which prints it alone on the next line (review 49d F4: the host's own 20.10.7 went unread
 * beside a quoted report's 20.10.6).
 */
const DOCKER_SERVER_FORMAT =
  /\bdocker\s+(?:version|info|system\s+info)\b.*\s(?:--format|-f)[=\s]*(["']?)\{\{\s*(?:json\s+)?\.(?:Server\.Version|ServerVersion)\s*\}\}\1(?:\s+2>(?:&1|\s*\/dev\/null))?\s*$/;
/** The same value picked by `jq` from the JSON answer (`docker info --format json | jq -r .ServerVersion`; review 50i F2). */
const DOCKER_SERVER_JQ = new RegExp(
  String.raw`${DOCKER_JSON_TO_JQ}\s+(?:-r\s+|--raw-output\s+)?(["']?)\.(?:Server\.Version|ServerVersion)\2\s*$`,
);
// `{{json …}}` prints the same value as a JSON string (review 50b F8), as `jq` without `-r` does.
const DOCKER_SERVER_FORMAT_MARKERS = [".server.version", ".serverversion"];
export const asksDockerServer = (text: string): boolean => DOCKER_SERVER_FORMAT.test(text) || DOCKER_SERVER_JQ.test(text);
const BARE_VERSION = /^\s*"?v?(\d+\.\d+\.\d+[\w.+~-]*?)"?\s*$/;
const COMPONENT_MARKERS = [
  ...DOCKER_SERVER_FORMAT_MARKERS,
  "server version: ",
  "storage driver: ",
  "cgroup driver: ",
  "logging driver: ",
  "docker root dir: ",
  "default runtime: ",
  "init version: ",
  "runtimename: ",
  "runtimeversion: ",
  "runc version: ",
  ...PODMAN_RUNTIME_MARKERS,
  ...CRIO_VERSION_MARKERS,
  ...CRI_SCOPE_MARKERS,
  ...KUBELET_ENDPOINT_MARKERS,
];
const COMPONENT_MARKERS_NODE = [
  "kubelet version: ",
  "container runtime version: ",
  'kubeletversion="',
  KLOG_VERSION_MARKER,
  'msg="starting containerd"',
  'msg="docker daemon"',
  "starting cri-o, version: ",
];
/** All of them, and the named versions' (named-versions.ts), once each: the one-pass matcher finds the lines that hold one. */
export const MENTION_MARKERS = [
  ...new Set([
    ...KERNEL_MARKERS,
    ...RPM_ARCH_MARKERS,
    ...OS_MARKERS,
    ...COMPONENT_MARKERS,
    ...COMPONENT_MARKERS_NODE,
    ...NAMED_MARKERS,
    ...PACKAGE_ROW_MARKERS,
    ...NAMED_RELEASE_MARKERS,
    ...UPGRADE_MARKERS,
    ...CHANGE_MARKERS,
  ]),
];

/**
 * A line holding a mention marker, as the one-pass matcher found it: with the markers it saw there.
 * The matcher folds case as toLowerCase does on these markers (lower-case ASCII, none ending in "i",
 * the one ASCII letter a non-ASCII capital lowers to, as "i̇") and also reads through CRs and
 * backslashes, so it sees at least the markers the lower-cased line holds: the others need no search.
 */
export interface MentionLine extends LineRef {
  markers?: ReadonlySet<string>;
}

/**
 * The candidate lines sorted by what they may name, each tested once. Only the first lines of each kind are read
 * (MAX_MENTION_LINES), out of the first MAX_CANDIDATES: a report names its versions in its header, its title or its
 * first command outputs, and a large log whose traffic says "docker " on every line must not cost a pass of regexes
 * per line. Per kind, so that a long `dpkg -l` listing does not crowd out the `docker info` after it (review 34a).
 */
export interface MentionLines {
  kernel: LineRef[];
  os: LineRef[];
  components: LineRef[];
  named: LineRef[];
  /** Lines that may be `dpkg-query -W` rows (package-lists.ts), read as nothing else. */
  packageRows: LineRef[];
  releases: LineRef[];
}
const MAX_MENTION_LINES = 2000;
/** Candidate lines looked at, at most: sorting one costs a few microseconds, reading it far more. */
const MAX_CANDIDATES = 10_000;
/** A version sits near its marker at a line's start; a longer line (a JSON blob) is read this far only. */
const MAX_MENTION_CHARS = 4000;
export function sortMentions(candidates: readonly MentionLine[]): MentionLines {
  const out: MentionLines = { kernel: [], os: [], components: [], named: [], packageRows: [], releases: [] };
  // The lines read as anything but a package row or a listing's row share one budget; those rows have their own.
  let shared = 0;
  let listed = 0;
  for (const whole of candidates.slice(0, MAX_CANDIDATES)) {
    if (shared >= MAX_MENTION_LINES && listed >= MAX_MENTION_LINES && out.packageRows.length >= MAX_MENTION_LINES) break;
    const c = cut(whole);
    const lower = c.text.toLowerCase();
    const has = (markers: ReadonlySet<string>) => holds(c, lower, markers);
    if (has(PACKAGE_ROWS) && out.packageRows.length < MAX_MENTION_LINES) out.packageRows.push(c);
    // A listing's row ("ii  zlib1g …", "bash-5.1.8-9.el9.x86_64") marks nothing but itself: its own budget too. An
    // RPM row holds the kernel's architecture marker (a pasted `uname -r` holds it too): read as a kernel candidate as
    // well, within that kind's own cap (review 34d: 2,100 `rpm -qa` rows hid the `docker info` after them).
    if (has(LISTING) && !has(NAMED_BUT_LISTING) && !has(OS) && !has(COMPONENT) && !has(COMPONENT_NODE) && !has(RELEASES)) {
      if (listed < MAX_MENTION_LINES) {
        out.named.push(c);
        if (has(KERNEL) && out.kernel.length < MAX_MENTION_LINES) out.kernel.push(c);
        listed++;
      }
      continue;
    }
    if (shared >= MAX_MENTION_LINES) continue;
    let taken = false;
    const take = (kind: LineRef[]) => {
      kind.push(c);
      taken = true;
    };
    if (has(KERNEL)) take(out.kernel);
    if (has(OS)) take(out.os);
    if (has(COMPONENT) || has(COMPONENT_NODE)) take(out.components);
    if (has(NAMED)) take(out.named);
    if (has(RELEASES)) take(out.releases);
    if (taken) shared++;
  }
  return out;
}

/**
 * The candidate lines that may install or upgrade a component (component-upgrades.ts), shell command lines
 * included: a package manager's command is one, unlike what sortMentions reads.
 */
export function upgradeLines(candidates: readonly MentionLine[]): LineRef[] {
  return candidates.slice(0, MAX_MENTION_LINES).flatMap((whole) => {
    const c = cut(whole);
    return holds(c, c.text.toLowerCase(), UPGRADES) ? [c] : [];
  });
}

/** The candidate lines that may record a component's change (component-changes.ts): a package manager's log, dpkg's output. */
export function changeLines(candidates: readonly MentionLine[]): LineRef[] {
  return candidates.slice(0, MAX_MENTION_LINES).flatMap((whole) => {
    const c = cut(whole);
    return holds(c, c.text.toLowerCase(), CHANGES) ? [c] : [];
  });
}

const cut = (line: MentionLine): MentionLine =>
  line.text.length > MAX_MENTION_CHARS ? { ...line, text: line.text.slice(0, MAX_MENTION_CHARS) } : line;
/** Of a kind's markers, only those the matcher saw on the line can be in it (some 200 searches otherwise). */
const holds = (c: MentionLine, lower: string, markers: ReadonlySet<string>) =>
  c.markers ? [...c.markers].some((m) => markers.has(m) && lower.includes(m)) : [...markers].some((m) => lower.includes(m));
const KERNEL = new Set([...KERNEL_MARKERS, ...RPM_ARCH_MARKERS]);
const OS = new Set(OS_MARKERS);
const COMPONENT = new Set(COMPONENT_MARKERS);
const COMPONENT_NODE = new Set(COMPONENT_MARKERS_NODE);
const NAMED = new Set(NAMED_MARKERS);
const PACKAGE_ROWS = new Set(PACKAGE_ROW_MARKERS);
const LISTING = new Set(PACKAGE_LIST_MARKERS);
const NAMED_BUT_LISTING = new Set(NAMED_MARKERS.filter((m) => !LISTING.has(m)));
const RELEASES = new Set(NAMED_RELEASE_MARKERS);
const UPGRADES = new Set(UPGRADE_MARKERS);
const CHANGES = new Set(CHANGE_MARKERS);

const OS_MENTION = /\b(?:Operating System|OS Image):\s*(\S.*?)\s*$/i;

/**
 * A summary's label as the tool prints it: at the line's start or after the logo's gap of spaces, never after a word
 * ("Container OS:") or a bullet ("- OS:", an issue form's answer). Two spaces, not a run: a run of them would be tried
 * at every start (quadratic on a long line of spaces).
 */
const FETCH_AT = "(?:^\\s*|\\s\\s)";
const FETCH_OS = new RegExp(`${FETCH_AT}OS:\\s+(\\S.*)$`);
/** The architecture neofetch and fastfetch print after the OS's name. */
const FETCH_ARCH = / (?:x86_64|amd64|aarch64|arm64|armv[67]l|i686|riscv64)$/;
const FETCH_LABEL = new RegExp(`${FETCH_AT}(?:Host|Kernel|Uptime|Packages|Shell|CPU|GPU|Memory|DE|WM|Terminal|Resolution):\\s+\\S`);
/** Labels only the tools print (a person's environment list gives a kernel and a CPU, not an uptime or a package count). */
const FETCH_ONLY = new RegExp(`${FETCH_AT}(?:Uptime|Packages|Shell|DE|WM|Terminal|Resolution):\\s+\\S`);
/** A summary's line is short: a longer one beside the OS line is not the tool's. */
const FETCH_LINE = 300;
/** The summary's labels sit on the lines right around its OS line. */
const FETCH_REACH = 3;

/** inxi's System section: "Distro: Ubuntu 22.04.5 LTS (Jammy Jellyfish)" (a derivative adds " base: Ubuntu 22.04 jammy"). */
const INXI_DISTRO = /(?:^|\s)Distro:\s+(\S.*?)(?:\s+base:.*)?\s*$/;
/** inxi's kernel field, in the same section: "Kernel: 5.15.0-127-generic arch: x86_64 bits: 64" (older: "… x86_64 bits: 64"). */
const INXI_KERNEL = /(?:^|\s)Kernel:\s+\S+\s(?:[^\n]{0,60}?\s)?bits:\s*\d/;

/**
 * inxi's "Distro:" read only in its System section (its Kernel field, with the word size, on the line or a few around):
 * a person's "Distro: Ubuntu" in an issue form is an answer, read as a release named in passing (review 36b).
 */
function inxiDistro(text: string, line: number, lineAt: (line: number) => string | undefined): string | undefined {
  const image = text.length <= FETCH_LINE ? INXI_DISTRO.exec(text)?.[1] : undefined;
  if (!image) return undefined;
  for (let n = line - FETCH_REACH; n <= line + FETCH_REACH; n++) {
    const other = lineAt(n) ?? "";
    if (other.length <= FETCH_LINE && INXI_KERNEL.test(other)) return image;
  }
  return undefined;
}

/**
 * neofetch's and fastfetch's "OS: Ubuntu 22.04.3 LTS x86_64" (after the distribution's logo, when pasted whole),
 * read only inside such a summary: two more of its labels within a few lines, one of them a label only the tools print.
 * An issue form's "OS: Ubuntu 22.04" is a person's answer, read as a release named in passing.
 */
function fetchSummaryOs(text: string, line: number, lineAt: (line: number) => string | undefined): string | undefined {
  const image = text.length <= FETCH_LINE ? FETCH_OS.exec(text)?.[1]?.trimEnd().replace(FETCH_ARCH, "") : undefined;
  if (!image) return undefined;
  let labels = 0;
  let toolOnly = false;
  for (let n = line - FETCH_REACH; n <= line + FETCH_REACH; n++) {
    const other = n === line ? "" : (lineAt(n) ?? "");
    if (other.length > FETCH_LINE) continue;
    if (FETCH_LABEL.test(other)) labels++;
    toolOnly ||= FETCH_ONLY.test(other);
  }
  return labels >= 2 && toolOnly ? image : undefined;
}

/**
 * `podman info`'s host distribution, which podman reads from the host's os-release (ID, VERSION_ID, VERSION_CODENAME,
 * VARIANT_ID), as a block under its own header:
 *     distribution:
 *       codename: jammy
 *       distribution: ubuntu
 *       version: "22.04"
 * Read only as that block (the header right above, nothing but those keys beside it): "distribution: stable" in other
 * YAML names no host.
 */
// Podman on RHEL quotes os-release's own quotes ("distribution: '\"rhel\"'", RHEL 8 and 9): two levels of quotes.
const PODMAN_DISTRIBUTION = /^(\s+)distribution:\s*["']{0,2}([a-z][a-z0-9._-]*)["']{0,2}\s*$/;
const PODMAN_DISTRIBUTION_KEY = /^(\s+)(codename|distribution|variant|version):\s*["']{0,2}([\w.+-]*)["']{0,2}\s*$/;
const PODMAN_DISTRIBUTION_HEADER = /^(\s*)distribution:\s*$/;

function podmanDistribution(line: number, lineAt: (line: number) => string | undefined): { image: string; os: OsFacts } | null {
  const indent = PODMAN_DISTRIBUTION.exec(lineAt(line) ?? "")?.[1];
  if (indent === undefined) return null;
  const keys = new Map<string, string>();
  const sibling = (n: number) => {
    const m = PODMAN_DISTRIBUTION_KEY.exec(lineAt(n) ?? "");
    return m && m[1] === indent ? m : null;
  };
  let first = line;
  // The block holds four keys at most: a header further up, or none, makes it another file's.
  for (const step of [-1, 1]) {
    for (let n = step < 0 ? line : line + 1; Math.abs(n - line) <= 4; n += step) {
      const m = sibling(n);
      if (!m) break;
      if (step < 0) first = n;
      keys.set(m[2] as string, m[3] as string);
    }
  }
  const header = PODMAN_DISTRIBUTION_HEADER.exec(lineAt(first - 1) ?? "");
  if (!header || (header[1] as string).length >= indent.length) return null;
  const id = keys.get("distribution") as string;
  const version = keys.get("version");
  const versionId = version && /^\d+(?:\.\d+)*$/.test(version) ? version : null;
  const image = versionId ? `${id} ${versionId}` : id;
  return { image, os: osFromId(id, versionId, image, keys.get("codename") || null) };
}

/**
 * The one OS the candidate lines name (as a nodes table's OS-IMAGE would, or `podman info`'s distribution block when
 * `lineAt` gives the lines around it), or null for none or several.
 */
export function pickOsMention(candidates: readonly LineRef[], lineAt?: (line: number) => string | undefined): OsFacts | null {
  let found: { image: string; os: OsFacts } | null = null;
  for (const { text, line } of candidates) {
    const image =
      OS_MENTION.exec(text)?.[1] ?? (lineAt ? (fetchSummaryOs(text, line, lineAt) ?? inxiDistro(text, line, lineAt)) : undefined);
    const named = image ? osImageToOs(image) : null;
    const mention = image && named ? { image, os: named } : lineAt ? podmanDistribution(line, lineAt) : null;
    if (!mention) continue;
    // One host's OS however each tool words it ("Ubuntu 22.04.4 LTS", podman's "ubuntu 22.04"): compared as id and release.
    const key = `${mention.os.id} ${mention.os.versionId ?? ""}`;
    if (found && found.image !== key) return null;
    found ??= { image: key, os: { ...mention.os, lines: [line, line] } };
  }
  return found?.os ?? null;
}

/**
 * `docker info`'s "Server Version" (its driver and root-dir lines tell it from `kubectl version`'s). Podman
 * answers `docker info` on its Docker-compatible socket with its own version; its root dir, containers'
 * storage, tells it from Docker's.
 */
const DOCKER_INFO_SERVER = /^\s*Server Version:\s*(?=(\d+\.\d+\.\d+[\w.+~-]*))\1\s*$/;
// Its runtime lines too, which `docker info | grep -i runtime` keeps without the drivers (review 54d F3: its runc was lost,
// and a shell's `runc --version` judged alone).
const DOCKER_INFO_STORAGE = /^\s*(?:Storage Driver|Cgroup Driver|Logging Driver|Docker Root Dir|Default Runtime|init version):\s*\S/;
// `nerdctl info` prints driver lines and containerd's version as "Server Version" too, and Podman's Docker API its own (with a
// root dir of its own choosing: review 51f F2): only Docker's numbering (dockerNumbered) says the version is Docker's.

/**
 * A year.month version (17.03 on) in a "Server Version" line is Docker's even when the paste left out the driver
 * lines (an excerpt of `docker info`): kubectl prints "v1.x" or a version.Info there, nerdctl containerd's 1.x or
 * 2.x, and Podman's socket its own 4.x or 5.x.
 */
const dockerYearNumbered = (version: string) => Number(version.split(".")[0]) >= 17;
const PODMAN_ROOT_DIR = /^\s*Docker Root Dir:\s*\S*\/containers\/storage\b/;
/**
 * `docker info`'s runc, as `git describe` names its build ("runc version: v1.1.14-0-g2c9f560": the tag, commits
 * since, the commit) or as a distribution packages it ("1.1.12-0ubuntu2~22.04.1"); its containerd line names only a
 * commit. Read beside docker info's driver lines: the runc Docker runs containers with.
 */
const DOCKER_INFO_RUNC = /^\s*runc version:\s*v?(?=(\d+\.\d+\.\d+[\w.+~:-]*))\1\s*$/;
/** `git describe` of the tag itself ("-0-g…"); "v1.1.3-27-g5fd4c4d1" is 27 commits later, maybe with the fix: not read. */
const GIT_DESCRIBE = /-0-g[0-9a-f]{7,40}$/;
/** Not a release either: commits past the tag, or a build from a modified tree ("-dirty"). */
const LATER_COMMIT = /-[1-9]\d*-g[0-9a-f]{7,40}(?:-dirty)?$|-dirty$/;
/** `crictl version`: "RuntimeName:  containerd", "RuntimeVersion:  v1.7.20" (the CRI runtime the kubelet talks to). */
const CRICTL_RUNTIME_NAME = /^\s*RuntimeName:\s*(containerd|cri-o|docker)\s*$/;
const CRICTL_RUNTIME_VERSION = /^\s*RuntimeVersion:\s*v?(\d+\.\d+\.\d+[\w.+~-]*)\s*$/;
/** `kubectl describe node`'s "Kubelet Version: v1.26.3" and "Container Runtime Version: containerd://1.6.9". */
const KUBELET_VERSION = /^\s*Kubelet Version:\s*(?=(v\d+\.\d+\.\d+[\w.+-]*))\1\s*$/;
const RUNTIME_VERSION = /^\s*Container Runtime Version:\s*(?=((?:containerd|docker|cri-o):\/\/\d+\.\d+\.\d+[\w.+~-]*))\1\s*$/;
/**
 * The kubelet's own start-up line: `"Kubelet version" kubeletVersion="v1.27.3"` (structured, 1.21 on)
 * or, under the kubelet's journal framing, `kubelet[5736]: I0917 … server.go:425] Version: v1.15.3`.
 */
const KUBELET_LOG_STRUCTURED = /"Kubelet version" kubeletVersion="(?=(v\d+\.\d+\.\d+[\w.+-]*))\1"/;
const KUBELET_FRAMING = /\bkubelet\[\d+\]:/;
const SERVER_GO_VERSION = /\bserver\.go:\d+\] Version: (?=(v\d+\.\d+\.\d+[\w.+-]*))\1\s*$/;
const kubeletLogVersion = (text: string) =>
  KUBELET_LOG_STRUCTURED.exec(text)?.[1] ?? (KUBELET_FRAMING.test(text) ? SERVER_GO_VERSION.exec(text)?.[1] : undefined);
const KUBELET_PID = /\bkubelet\[(\d+)\]:/;

const isDigitCode = (c: number) => c >= 48 && c <= 57;
/** Occurrences of the kubelet's journal framing read at most from each end, looking for another process's. */
const MAX_KUBELET_FRAMES = 10_000;
/**
 * Whether the text holds a kubelet journal line of another process than `pids` (a restart: the kubelet that failed after
 * an upgrade dies before it logs its version, so the only version line is the old process's; review 31c). Read from both
 * ends (the restarted process is most often at the end of a day's journal; review 31e), with indexOf, not a regex over a
 * large journal, at most MAX_KUBELET_FRAMES framings from each end, each framing's digits only.
 */
export function anotherKubeletProcess(text: string, pids: ReadonlySet<string>): boolean {
  const other = (at: number) => {
    // The digits right after the bracket, and "]:" after them (a PID has at most 10): never a search to the text's end.
    let end = at + 8;
    while (end < text.length && end - at - 8 <= 10 && isDigitCode(text.charCodeAt(end))) end++;
    return end > at + 8 && text.charCodeAt(end) === 93 && text.charCodeAt(end + 1) === 58 && !pids.has(text.slice(at + 8, end));
  };
  for (
    let at = text.lastIndexOf("kubelet["), n = 0;
    at >= 0 && n < MAX_KUBELET_FRAMES;
    n++, at = at ? text.lastIndexOf("kubelet[", at - 1) : -1
  )
    if (other(at)) return true;
  for (let at = text.indexOf("kubelet["), n = 0; at >= 0 && n < MAX_KUBELET_FRAMES; n++, at = text.indexOf("kubelet[", at + 8))
    if (other(at)) return true;
  return false;
}

/**
 * The kubelet and runtime versions `docker info`, `kubectl describe node` and `crictl version` name, written as
 * a nodes table writes them ("v1.26.3", "docker://24.0.7"): the kubelet's
 * when one, and one runtime per ecosystem (Docker's and the containerd under it), each left out when the
 * lines name several.
 */
export function pickComponentMentions(
  candidates: readonly LineRef[],
  lineAt?: (line: number) => string | undefined,
): { kubelet: string | null; kubeletPids?: string[]; runtimes: string[]; criRuntime?: string } {
  const one = (values: Array<string | undefined>) => {
    const distinct = new Set(values.filter((v): v is string => !!v));
    return distinct.size === 1 ? ([...distinct][0] as string) : null;
  };
  const podman = candidates.some((c) => PODMAN_ROOT_DIR.test(c.text));
  const driverLines = candidates.some((c) => DOCKER_INFO_STORAGE.test(c.text));
  const described = candidates.map((c) => KUBELET_VERSION.exec(c.text)?.[1]);
  const logged = candidates.flatMap((c) => {
    const version = kubeletLogVersion(c.text);
    return version ? [{ version, pid: KUBELET_PID.exec(c.text)?.[1] }] : [];
  });
  const kubelet = one([...described, ...logged.map((l) => l.version)]);
  // Only the start-up lines' processes, when they alone gave the version: what another process logged may be a newer kubelet's.
  const pids = described.some(Boolean) ? [] : logged.flatMap((l) => l.pid ?? []);
  const crictlName = one(candidates.map((c) => CRICTL_RUNTIME_NAME.exec(c.text)?.[1]));
  // Each version crictl printed: two that disagree (two machines, a daemon restarted between) are a dispute, not none.
  const crictlVersions = [...new Set(candidates.flatMap((c) => CRICTL_RUNTIME_VERSION.exec(c.text)?.[1] ?? []))];
  // The CRI runtime crictl talked to, else the one whose scope names the containers' cgroups (one each).
  const scoped = one(candidates.map((c) => CRI_SCOPE.exec(c.text)?.[1]));
  const scopedRuntime = scoped === "crio" ? "cri-o" : scoped === "cri-containerd" ? "containerd" : undefined;
  // crictl pointed at a socket (by hand, for the shell, by its config) says nothing of the kubelet's; one that found its own
  // may have guessed an idle runtime's: beside a scope or a named socket naming the other one, it decides nothing (47d F4).
  const versionLine = candidates.find((c) => CRICTL_RUNTIME_NAME.test(c.text))?.line ?? 0;
  const crictlChosen =
    candidates.some((c) => CRICTL_CONFIGURED.test(c.text) || (CRICTL_EXPORTED.test(c.text) && c.line < versionLine)) ||
    candidates.some((c) => CRICTL_RUNTIME_NAME.test(c.text) && crictlEndpointChosen(c.line, lineAt));
  const crictlRuntime = crictlName && crictlVersions.length && !crictlChosen ? crictlName : undefined;
  const endpoints = candidates.flatMap((c) => {
    const socket = KUBELET_ENDPOINT.exec(c.text)?.[2];
    return socket ? [ENDPOINT_RUNTIME[socket]] : [];
  });
  const disputed = (runtime: string) => (scopedRuntime !== undefined && scopedRuntime !== runtime) || endpoints.some((r) => r !== runtime);
  const criRuntime = crictlRuntime ? (disputed(crictlRuntime) ? undefined : crictlRuntime) : scopedRuntime;
  const runtimes = [
    ...candidates.map((c) => RUNTIME_VERSION.exec(c.text)?.[1]),
    ...(podman
      ? []
      : candidates
          .map((c) => DOCKER_INFO_SERVER.exec(c.text)?.[1])
          .map((v) => (v && (driverLines ? dockerNumbered(v) : dockerYearNumbered(v)) ? `docker://${v}` : undefined))),
    ...(crictlName ? crictlVersions.map((v) => `${crictlName}://${v}`) : []),
    ...(driverLines
      ? candidates
          .map((c) => DOCKER_INFO_RUNC.exec(c.text)?.[1])
          .map((v) => (v && !LATER_COMMIT.test(v) ? `runc://${v.replace(GIT_DESCRIBE, "")}` : undefined))
      : []),
    ...(lineAt ? candidates.map((c) => podmanRuntime(c.line, lineAt)) : []),
    // In Docker's numbering only: the docker CLI against Podman's socket answers with Podman's version (review 51f F1).
    ...(lineAt ? candidates.map((c) => (asksDockerServer(c.text) ? BARE_VERSION.exec(lineAt(c.line + 1) ?? "")?.[1] : undefined)) : []).map(
      (v) => (v && dockerNumbered(v) ? `docker://${v}` : undefined),
    ),
    ...(lineAt ? candidates.map((c) => crioVersionTable(c.line, lineAt)) : []),
    // The start line `crio version` logs of itself before its table (or alone, the table cut): the binary's own version.
    ...(lineAt ? candidates.map((c) => (printedByCrioVersion(c.line, lineAt) ? crioStart(c.text) : undefined)) : []),
  ].filter((r): r is string => !!r);
  // Each distinct reading: a runtime named with two versions is disputed where they are weighed (hostComponents).
  return {
    kubelet,
    ...(kubelet && pids.length ? { kubeletPids: pids } : {}),
    runtimes: [...new Set(runtimes)],
    ...(criRuntime ? { criRuntime } : {}),
  };
}

/** Whether the `crictl version` whose RuntimeName is on `line` (1-based) was given its endpoint on its command line. */
function crictlEndpointChosen(line: number, lineAt?: (line: number) => string | undefined): boolean {
  if (!lineAt) return false;
  for (let n = line - 1; n >= Math.max(1, line - CRICTL_COMMAND_REACH); n--) {
    const above = lineAt(n) ?? "";
    if (/\bcrictl\b/.test(above)) return CRICTL_ENDPOINT_CHOSEN.test(above);
  }
  return false;
}

/**
 * The versions the daemons' own start-up lines name: containerd's `msg="starting containerd" revision=…
 * version=v1.6.3` (cmd/containerd/server) and dockerd's `msg="Docker daemon" commit=… graphdriver=overlay2
 * version=26.0.0` (cmd/dockerd/daemon.go) and CRI-O's "Starting CRI-O, version: 1.23.0, git: …" (which `crio version`
 * prints too from 1.20 on), as runtimes ("containerd://1.6.3"), one per runtime or none.
 * Named, not the host's own: a journal gathered from several nodes holds other hosts' start-ups, and a
 * restart after the failure (a downgrade tried as a workaround) names the version that did not fail.
 */
export function daemonStartVersions(candidates: readonly LineRef[]): Record<string, string> {
  return agreedPerKey(
    candidates.flatMap(({ text }) => {
      const c = runtimeComponent(daemonStartVersion(text));
      return c ? [c] : [];
    }),
  );
}

/**
 * The daemons' start-ups as changes: each starts the version its line names, from its time on, on the machine its
 * journal line names (else the one `hostOf` gives its line). A journal gathered from several machines holds each one's
 * (review 46b F7, 46c F3: node2's start-up is no change of node1's containerd, node1's own restart is).
 */
export function daemonStarts(candidates: readonly LineRef[], hostOf: (line: number) => string | null): ComponentChange[] {
  return candidates.flatMap(({ text, line }) => {
    const c = runtimeComponent(daemonStartVersion(text));
    return c
      ? [
          {
            ecosystem: c[0],
            from: null,
            to: c[1],
            at: lineTime(text),
            on: JOURNAL_HOST.exec(text)?.[1] ?? hostOf(line),
            started: true as const,
          },
        ]
      : [];
  });
}
/** The host field of a journald or syslog line ("Apr 28 10:01:22 node1 containerd[1123]:"). */
const JOURNAL_HOST = /^\s*(?:[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d(?:\.\d+)?|\d{4}-\d\d-\d\dT\S+) (\S+) [\w.@-]+(?:\[\d+\])?: /;

const CONTAINERD_START = /\bmsg="starting containerd"[^\n]{0,200}?\bversion=v?(\d+\.\d+\.\d+[\w.+~-]*)/;
const DOCKERD_START = /\bmsg="Docker daemon"[^\n]{0,200}?\bversion=v?(\d+\.\d+\.\d+[\w.+~-]*)/;
/** CRI-O's own start line, which `crio version` prints too from 1.20 on ("Starting CRI-O, version: 1.23.0, git: …"). */
// A development build ("1.29.1-dev") is no release, as runc's "+dev" is not.
const CRIO_START = /\bStarting CRI-O, version: v?(\d+\.\d+\.\d+[\w.+~-]*?)(?<![-+.]dev),? /;
const crioStart = (text: string): string | undefined => {
  const version = CRIO_START.exec(text)?.[1];
  return version ? `cri-o://${version}` : undefined;
};
function daemonStartVersion(text: string): string | undefined {
  const containerd = CONTAINERD_START.exec(text)?.[1];
  if (containerd) return `containerd://${containerd}`;
  const crio = crioStart(text);
  if (crio) return crio;
  const docker = DOCKERD_START.exec(text)?.[1];
  return docker ? `docker://${docker}` : undefined;
}

let markerScanner: Automaton | null = null;

/**
 * Lines of `text` that hold a marker, for callers without the matcher's pass: one scan with the same
 * automaton that pass uses, since testing each of the hundreds of markers against a long text takes
 * hundreds of times longer.
 */
export function mentionLines(text: string): LineRef[] {
  markerScanner ??= buildAutomaton(MENTION_MARKERS.map(foldLiteral));
  const { line: hitLines, lineStart } = scanText(markerScanner, text);
  const out: LineRef[] = [];
  for (let i = 0; i < hitLines.length; i++) {
    const line = hitLines[i] as number;
    if (out.at(-1)?.line === line + 1) continue;
    const start = lineStart[i] as number;
    const end = text.indexOf("\n", start);
    out.push({ text: text.slice(start, end < 0 ? text.length : end), line: line + 1 });
  }
  return out;
}
