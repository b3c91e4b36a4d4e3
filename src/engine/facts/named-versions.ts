/**
 * Versions a report names in passing, for the components records range over ("Docker 20.10.6",
 * "containerd v2.2.0", dpkg's "Unpacking docker-ce (5:23.0.1-…)"). They count below every version a
 * host's own output gives, and only hedged (see verdict.ts, mentionedChecks).
 */
import { agreedPerKey } from "./agreed";
import { CHANGE_ARROW, CHANGE_TO_CJK } from "./change-arrows";
import { isPackageRecord } from "./component-changes";
import { componentPackage, LISTED_PACKAGES } from "./component-packages";
import { IMAGE_COMPONENTS, IMAGE_MARKERS, imageVersions } from "./image-tags";
import type { LineRef } from "./iptables-version";
import { changeCured, proseRole, TROUBLE_STAYED } from "./kernel-prose";
import {
  aptPolicyBuild,
  aptPolicyPackage,
  blockBuild,
  blockPackage,
  dpkgQueryBuild,
  dpkgQueryRow,
  isDisabledSnapRow,
  isUninstalledRow,
  listedBuild,
  listedPackage,
  offeredApkRow,
  PACKAGE_LIST_MARKERS,
  placedBuild,
  placedPackage,
} from "./package-lists";
import { CRUN_VERSION, runtimeComponent } from "./runtime-version";
import { CNI_PLUGIN_BINARIES, SYSTEMD_VERSION, TALOSCTL_NODE, TALOSCTL_TAG } from "./tool-versions";

/**
 * A Kubernetes binary's start-up line (kubelet, kube-proxy and the control plane all log it from their
 * server.go): `I0305 15:57:27.329438 16240 server.go:410] Version: v1.16.6`. Which binary wrote it the
 * line does not say, so it names the cluster's Kubernetes release, not the kubelet's (mentions.ts reads
 * the kubelet's own).
 */
export const KLOG_VERSION_MARKER = "] version: v";
/**
 * Kubernetes is v1.x. A pre-release ("v1.15.8-beta.0") is read whole, ordered before the release it precedes; a vendor's
 * build (`-eks-ad4801`, `-gke.100`, `+k3s1`) builds on the release it names (review 60a F2: EKS's and GKE's kubelets
 * print these, and their lines were read as no version).
 */
const KLOG_VERSION =
  /\bserver\.go:\d+\] Version: v(1\.\d+\.\d+(?:-(?:alpha|beta|rc)\.\d+)?)(?:[+-](?:k3s|rke2|eks|gke|aks)[\w.-]*)?(?![\w.-])/;
/**
 * `kubectl version`'s server part and `kubeadm version`, as the Kubernetes bug template asks for them:
 * `Server Version: version.Info{Major:"1", Minor:"25", GitVersion:"v1.25.6", ...}` (kubectl before 1.28),
 * `Server Version: v1.28.3+k3s1` (since), `kubeadm version: &version.Info{... GitVersion:"v1.25.6" ...}`.
 * The client's own version is kubectl's, not the cluster's. A vendor suffix (`-eks-2d98532`, `+k3s1`)
 * builds on the release it names; a pre-release is not that release.
 */
const KUBE_VERSION_INFO =
  /\b(?:Server Version|kubeadm version): &?version\.Info\{[^}]{0,200}?\bGitVersion:"v(1\.\d+\.\d+)(?:[+-](?:k3s|rke2|eks|gke|aks)[\w.-]*)?"/;
/** KUBE_VERSION_INFO's server part only: kubeadm's own version is the tool's, not the API server's. */
const KUBE_SERVER_INFO = new RegExp(KUBE_VERSION_INFO.source.replace("(?:Server Version|kubeadm version)", "Server Version"));
const KUBE_SERVER_VERSION = /^\s*Server Version: v(1\.\d+\.\d+)(?:[+-](?:k3s|rke2|eks|gke|aks)[\w.-]*)?\s*$/;
const KUBE_VERSION_MARKERS = ['gitversion:"v', "server version: v", "gitversion", "kubeletversion", "containerruntimeversion"];
/**
 * `kubectl version -o json` / `-o yaml`: the server's "gitVersion" under "serverVersion", after the client's (review 51d F2),
 * and a node's nodeInfo (`kubectl get node -o json` / `-o yaml`): its "kubeletVersion" and "containerRuntimeVersion"
 * beside the "kernelVersion" already read (review 51d F3). One field per line, JSON's or YAML's.
 */
const KUBE_FIELD = (name: string, value: string) => new RegExp(String.raw`^\s*"?${name}"?:\s*"?${value}"?,?\s*$`);
const KUBE_RELEASE = String.raw`v(1\.\d+\.\d+)(?:[+-](?:k3s|rke2|eks|gke|aks)[\w.-]*)?`;
const KUBE_GIT_VERSION = KUBE_FIELD("gitVersion", KUBE_RELEASE);
const KUBELET_FIELD = KUBE_FIELD("kubeletVersion", KUBE_RELEASE);
const RUNTIME_FIELD = KUBE_FIELD("containerRuntimeVersion", String.raw`((?:docker|containerd|cri-o):\/\/v?\d+\.\d+\.\d+[\w.+~-]*)`);
const VERSION_BLOCK = /^\s*"?(serverVersion|clientVersion)"?:\s*\{?\s*$/;
/** Lines from a version block's head to its gitVersion, at most (eleven fields in all). */
const VERSION_BLOCK_REACH = 12;
/** Whether the gitVersion on `line` is in `kubectl version`'s serverVersion block. */
function inServerVersion(line: number, lineAt: (line: number) => string): boolean {
  for (let n = line - 1; n >= Math.max(1, line - VERSION_BLOCK_REACH); n--) {
    const block = VERSION_BLOCK.exec(lineAt(n));
    if (block) return block[1] === "serverVersion";
  }
  return false;
}
/**
 * The Kubernetes release a command sets up a node with, kubelet included: kind's node image ("kind create
 * cluster --image kindest/node:v1.25.2", tagged by the release its kubelet runs), `minikube start
 * --kubernetes-version`, the k3s and RKE2 installers' `INSTALL_K3S_VERSION=v1.28.3+k3s1` (one binary). Not
 * kubeadm's or clusterctl's `--kubernetes-version` (the control plane's, or another cluster's: a kubelet may be
 * older). A command, perhaps run for another cluster than the one that failed: named, like a version in passing.
 */
const KUBE_RELEASE_CHOSEN =
  /(?:\bkindest\/node:|\bminikube start\b.*?--kubernetes-version[= ]["']?|\bINSTALL_(?:K3S|RKE2)_VERSION=["']?)v?(1\.\d+\.\d+)(?:\+(?:k3s|rke2r)\d+)?(?![\w.+-])/gi;
const KUBE_RELEASE_CHOSEN_MARKERS = ["kindest/node:v", "minikube start", "install_k3s_version=", "install_rke2_version="];
/** Whether a line sets up a cluster's Kubernetes release: read also when it is a command at a prompt, as it mostly is. */
// Only on a line holding one of its markers, cut as mention lines are (review 34d: the lazy `.*?` of a long command line
// of repeated "minikube start" took 20 s per MB).
export const setsUpKubernetes = (text: string): boolean => {
  const line = text.length > SETUP_LINE_CHARS ? text.slice(0, SETUP_LINE_CHARS) : text;
  const lower = line.toLowerCase();
  return KUBE_RELEASE_CHOSEN_MARKERS.some((m) => lower.includes(m)) && kubeReleaseChosen(line) !== undefined;
};
/** A command line is read this far for a setup command's release (as mentions.ts cuts a mention line). */
const SETUP_LINE_CHARS = 4000;
/** The one release a line's commands set up, or undefined when none or several ("kindest/node:v1.27.3, kindest/node:v1.28.0"). */
function kubeReleaseChosen(text: string): string | undefined {
  const releases = new Set(Array.from(text.matchAll(KUBE_RELEASE_CHOSEN), (m) => m[1] as string));
  return releases.size === 1 ? [...releases][0] : undefined;
}
const SYSTEMD_MARKERS = ["systemd 1", "systemd 2", "systemd 3"];

/**
 * Literals of a component named with its version in prose, titles, installers' and package managers'
 * output: the name, then a version, a word that announces one ("version", "engine", "to") or the
 * Markdown quote around one, so that log traffic naming the program on every line ("dockerd[812]:",
 * "containerd ... level=info") is not read.
 */
const namedMarkers = (names: readonly string[]) =>
  names.flatMap((n) => [
    `${n} v`,
    `${n} version`,
    `${n} engine`,
    `${n} server`,
    `${n} (`,
    `${n}(`,
    `${n} to `,
    `${n} from `,
    // Markdown: "Kubernetes `1.27.0`", "`containerd` `v2.3.5`", "`containerd.io` to `1.7.24-1`" (review 51h F3).
    `${n} \``,
    `${n}\` \``,
    `${n}\` to `,
    `${n}\` from `,
    // A change told with a verb before "from A to B" (CHANGED: "containerd was upgraded from", "went from", review 53a F4).
    ...["was ", "were ", "got ", "went ", "jumped ", "has been ", "had been ", "package "].map((w) => `${n} ${w}`),
    ...["upgraded", "updated", "bumped", "moved", "changed"].map((w) => `${n} ${w} from `),
    // An environment list: "- runc: 1.1.12", "- containerd: **1.7.2**", "**Kubernetes**: v1.28.2". Only
    // with a version's first character after the colon: syslog writes "host kubelet: E0413 …" on
    // every line of a daemon's log, and those lines would crowd the mentions read (MAX_MENTION_LINES).
    ...[..."0123456789v*`"].map((c) => `${n}: ${c}`),
    // The same with a space before the colon, or a full-width one ("- containerd : 1.6.12", "Docker：20.10.6": review 60a F5).
    ...[..."0123456789v"].map((c) => `${n} : ${c}`),
    `${n}\uff1a`,
    `${n} \uff1a`,
    `${n}**: `,
    ...[..."0123456789"].map((d) => `${n} ${d}`),
  ]);
/**
 * `docker version`'s client part, when it is all the output has (the daemon did not answer, or the
 * paste stops there): its "Version:" line right under "Client:", then its "API version:" line. The
 * daemon's part is read as the host's own (docker-version.ts); the client's is usually the same
 * release but need not be, so it counts as a version named in passing. podman's and nerdctl's
 * client parts are laid out otherwise (no indent, "API Version:", no API line). `docker info`'s client
 * part (Docker 23 on; 20.10's has no version) is read the same way: "Version:" under "Client:", then its
 * "Context:" and "Debug Mode:" lines (cli/command/system/info.go), which its server part does not print.
 */
const DOCKER_CLIENT_HEADER = /^Client:(?: Docker Engine - \w+)?\s*$/;
const DOCKER_CLIENT_VERSION = /^ +Version: +v?(\d+\.\d+\.\d+)(?:-ce|-ee)?\s*$/;
const DOCKER_API_VERSION = /^ +API version: +1\.\d+\b/;
const DOCKER_API_MARKER = "api version: ";
const DOCKER_INFO_DEBUG = /^ +Debug Mode: +(?:true|false)\s*$/;
const DOCKER_INFO_CONTEXT = /^ +Context: +\S+\s*$/;
const DOCKER_INFO_DEBUG_MARKER = "debug mode: ";

/**
 * A Markdown or e-mail quote's prefix (">", "> ", ">> ", "> > ") before a pasted part: one space after the last ">" is
 * the quote's, further indentation the output's own (" Version:"). Unlike kernel-shapes' QUOTE_MARK, which drops all
 * of it, this keeps the indentation the client part's lines are read by. The client's version is named anyway.
 */
const QUOTE_PREFIX = /^ {0,3}>(?: ?>)*(?: |(?=\S)|$)/;
const unquote = (line: string) => line.replace(QUOTE_PREFIX, "");

/**
 * A GitHub issue form's question as its "### " heading, a blank line, then the answer: a bare version
 * on its own line ("### What version of containerd are you using?", "", "1.7.2" in containerd's bug
 * form; "### runc version", "", "`1.1.12`"). The answer is the reporter's word, like a name in passing.
 * Read on the trimmed line, at most FORM_LINE characters, so the patterns' optional spaces cannot
 * backtrack over a long run of blanks.
 */
const FORM_QUESTION =
  /^### (?:(?:what|which) version of `?([\w.-]+)`? (?:are you using|are you running|is running)\??|`?([\w.-]+)`? version:?)$/i;
const FORM_ANSWER = /^`?v?(\d+\.\d+(?:\.\d+)?)(?:[-+~][\w.~+-]*)?`?$/;
const FORM_MARKERS = ["# what version of ", "# which version of "];
const FORM_LINE = 120;
/** After the blank line, the answer may sit inside a code fence. */
const FORM_GAP = 3;
/**
 * runc's own `--version` (and `--help`) output, whose first line a paste may drop: "commit: v1.1.3-0-g6724737f"
 * (`git describe --dirty --long` of the release tag, runc's Makefile) then "spec: 1.0.2-dev". The spec line says it
 * is runc's.
 */
// Only a build of the tag itself ("-0-g", not "-dirty"): "v1.1.3-27-g5fd4c4d1" is 27 commits later, maybe with the fix.
const RUNC_COMMIT = /^commit: v(\d+\.\d+\.\d+(?:-rc\.?\d+)?)-0-g[0-9a-f]{7,40}$/;
const RUNC_SPEC = /^spec: \d+\.\d+\.\d+/;
const RUNC_COMMIT_MARKER = "commit: v";

const TALOSCTL_TAG_MARKER = "tag:";

/**
 * The running cluster's CNI as its own CLI reports it (review 46a F6): `calicoctl version`'s "Cluster Version: v3.29.2"
 * two lines under its "Client Version:" (the client's is the calicoctl binary's), and `cilium version`'s "cilium image
 * (running): 1.19.5" (not its "(default)" or "(stable)" image, which name what the CLI would install).
 */
const CALICO_CLUSTER = /^\s*Cluster Version:\s+v(\d+\.\d+\.\d+)\s*$/;
const CALICO_CLIENT = /^\s*Client Version:\s+v\d/;
const CILIUM_RUNNING = /^\s*cilium image \(running\):\s+v?(\d+\.\d+\.\d+)\s*$/;
const CNI_CLI_MARKERS = ["cluster version:", "cilium image (running):"];

/** Docker Engine went from 1.13 to 17.03: a 2.x–16.x "Docker version" is Docker Desktop's or another tool's. */
const NOT_DOCKER_ENGINE = /^(?:[2-9]|1[0-6])\./;

/**
 * Versions one line's own shape names: an EKS AMI's name carries its release ("amazon-eks-node-al2023-x86_64-standard-1.33-v20250821"),
 * `falco --version` its libs' ("Libs version:  0.14.1", falco's own format has two spaces).
 */
const OTHER_NAMED: ReadonlyArray<[ecosystem: string, pattern: RegExp, marker: string]> = [
  ["eks-ami", /\bamazon-eks-(?:[\w.-]*?-)?v(\d{8})\b/, "amazon-eks-"],
  ["falcosecurity-libs", /^\s*Libs version:\s+(\d+\.\d+\.\d+)\s*$/, "libs version:"],
  // CRIU's log opens with its version ("(00.000029) Version: 3.17.1 (gitid 0)", criu/log.c print_versions); a git build's
  // `criu --version` adds "GitID: v4.1" (criu/config.c). Review 32b: the criu record's requirement read no version.
  ["criu", /\bVersion: (\d+\.\d+(?:\.\d+)?) \(gitid [\w.-]+\)/, "(gitid "],
  ["criu", /^\s*GitID:\s+v(\d+\.\d+(?:\.\d+)?)\s*$/, "gitid: v"],
];
const OTHER_NAMED_MARKERS = OTHER_NAMED.map(([, , marker]) => marker);

/**
 * CoreDNS's start-up banner, alone on its line ("CoreDNS-1.8.0", then "linux/amd64, go1.15.3, 054c9ae"): a daemon's
 * start-up line, named as the others are (another pod's, or a restart's). Its marker needs the version's "1.": pod
 * names ("coredns-5d78c9869d-x2kq") would crowd the lines read.
 */
// Not behind `kubectl logs --prefix`'s label: with a selector that prints several pods, the old ReplicaSet's banner would
// date the new pod's failure (review 59e F1 on 59c F2's reading).
const COREDNS_BANNER = /^\s*CoreDNS-(\d+\.\d+\.\d+)\s*$/;
const COREDNS_BANNER_MARKER = "coredns-1.";

/**
 * A Kubernetes distribution a template's answer names before the release it runs ("Version of Kubernetes: rke2 1.26.3",
 * "k8s: k3s v1.27.4"): those whose numbers are Kubernetes' own. Not RKE (RKE1 numbers its releases apart), OpenShift,
 * minikube or kind (their own versions).
 */
const KUBE_EDITIONS = ["rke2", "k3s", "k0s", "eks", "aks", "gke", "oke", "doks", "microk8s", "kubeadm", "upstream", "vanilla"];
export const NAMED_MARKERS = [
  DOCKER_API_MARKER,
  COREDNS_BANNER_MARKER,
  DOCKER_INFO_DEBUG_MARKER,
  RUNC_COMMIT_MARKER,
  TALOSCTL_TAG_MARKER,
  ...CNI_CLI_MARKERS,
  ...FORM_MARKERS,
  ...namedMarkers([
    ...["docker", "docker-ce", "containerd", "containerd.io", "runc", "crun"],
    ...[
      "kubernetes",
      "k8s",
      "kubelet",
      "kubeadm",
      "k3s",
      "rke2",
      "k0s",
      "coredns",
      "flannel",
      "cri-o",
      "crio",
      "calico",
      "calico-node",
      "xz",
      "xz-utils",
      "talos",
      // Review 31b/31c: components records range over that no reader named.
      "netavark",
      "sysbox",
      "sysbox-ce",
      "sysbox-runc",
      "traefik",
      "cilium",
      "antrea",
      "falco",
      "container-selinux",
      "nftables",
      "l-ipamd",
      // The VPC CNI by its names in a sentence ("aws-vpc-cni 1.10.1", "amazon-vpc-cni-k8s v1.10.x"; review 52c F3).
      "aws-vpc-cni",
      "amazon-vpc-cni",
      "amazon-vpc-cni-k8s",
      "cni-plugins",
      "cni plugins",
      "containernetworking-plugins",
      "kubernetes-cni",
      ...CNI_PLUGIN_BINARIES.map((b) => `cni ${b} plugin`),
    ],
  ]),
  // "Version of Kubernetes: rke2 1.26.3": the distribution's name after the colon (KUBE_EDITIONS).
  ...["kubernetes", "k8s", "kubelet", "kubeadm"].flatMap((n) => KUBE_EDITIONS.flatMap((e) => [`${n}: ${e} `, `${n} ${e} `])),
  ...IMAGE_MARKERS,
  ...OTHER_NAMED_MARKERS,
  KLOG_VERSION_MARKER,
  ...KUBE_VERSION_MARKERS,
  ...KUBE_RELEASE_CHOSEN_MARKERS,
  ...SYSTEMD_MARKERS,
  ...PACKAGE_LIST_MARKERS,
];

/**
 * Components named with their version in other words than a `--version` line: "Docker 20.10.6",
 * "Docker Engine: 28.5.2", "Docker server (version 23.0.0)", "containerd v2.2.0", "runc version
 * 1.1.12", "updated Docker to version 29.0.0", "Docker Engine version: `5:29.0.0-1~ubuntu.24.04~noble`",
 * "[init] Using Kubernetes version: v1.17.2", and a package manager's "Unpacking docker-ce
 * (5:23.0.1-1~debian.11~bullseye)". Keyed by the ecosystem records use.
 */
const COMPONENT_NAMES: ReadonlyArray<[ecosystem: string, names: string, base: readonly string[]]> = [
  ["docker", "docker(?:-ce)?(?: engine)?(?: server)?", ["docker"]],
  ["containerd", "containerd(?:\\.io)?", ["containerd"]],
  ["runc", "runc", ["runc"]],
  ["crun", "crun", ["crun"]],
  // k3s, RKE2 and k0s number their releases as the Kubernetes they ship ("k3s v1.36.2+k3s1", "rke2 v1.35.1+rke2r1": review
  // 61g F1), in prose as in their own start-up lines.
  ["kubernetes", "kubernetes|k8s|kubelet|kubeadm|k3s|rke2|k0s", ["kubernetes", "k8s", "kubelet", "kubeadm", "k3s", "rke2", "k0s"]],
  ["coredns", "coredns", ["coredns"]],
  ["flannel", "flannel", ["flannel"]],
  ["calico", "calico(?:-node)?", ["calico"]],
  // "Talos version: v1.12.4" in an issue's environment list; os-release's VERSION_ID is the host's own (verdict.ts).
  ["talos", "talos", ["talos"]],
  // `xz --version`'s first line ("xz (XZ Utils) 5.8.1"), often a container image's: named, never the host's own.
  ["xz", "xz(?: \\(XZ Utils\\))?|xz-utils", ["xz"]],
  ["cri-o", "cri-o|crio", ["cri-o", "crio"]],
  // `netavark --version` ("netavark 1.0.3"), `podman info`'s network backend.
  ["netavark", "netavark", ["netavark"]],
  // "Sysbox version: 0.6.5", dpkg's "Setting up sysbox-ce (0.6.5-0.linux)".
  ["sysbox", "sysbox(?:-ce|-runc)?", ["sysbox"]],
  ["traefik", "traefik", ["traefik"]],
  // cilium-agent's start-up line ("Cilium 1.15.3 f2d3c2c …"), `cilium version`'s lines.
  ["cilium", "cilium", ["cilium"]],
  ["antrea", "antrea", ["antrea"]],
  // Falco's start-up line and `falco --version`: "Falco version: 0.39.2 (x86_64)".
  ["falco", "falco", ["falco"]],
  ["container-selinux", "container-selinux", ["container-selinux"]],
  // `nft --version`: "nftables v1.1.0 (Commodore Bullet Eight)".
  ["nftables", "nftables", ["nftables"]],
  // The VPC CNI's ipamd start-up line: "Starting L-IPAMD v1.10.1 ...".
  ["aws-vpc-cni", "l-ipamd|aws-vpc-cni|amazon-vpc-cni(?:-k8s)?", ["l-ipamd", "vpc-cni"]],
  // A plugin binary's own version line ("CNI bridge plugin v1.5.1", its skel about string), and the packages' names.
  [
    "cni-plugins",
    `cni[- ]plugins|containernetworking-plugins|kubernetes-cni|cni (?:${CNI_PLUGIN_BINARIES.join("|")}) plugin`,
    ["cni", "containernetworking", "kubernetes-cni"],
  ],
];
/**
 * The distribution or edition a template's label names in parentheses: "K8S(RKE2) Version: v1.27.2+rke2r1", "Docker (CE)
 * 20.10.7". Only these: another word there is another product, whose own version follows ("Docker (Desktop) 4.30.0",
 * "Kubernetes (OpenShift) 4.14.3", "Kubernetes (kubectl) v1.30.0", the client's).
 */
const DISTRIBUTION_OF = "(?:\\s?\\((?:RKE2|RKE|K3s|k0s|EKS|AKS|GKE|OKE|DOKS|MicroK8s|kubeadm|upstream|vanilla|CE|EE)\\))?";
const KUBE_EDITION = `(?:(?:${KUBE_EDITIONS.join("|")})\\s+)?`;
/** What may wrap a name or a version: a quote, a Markdown code span or emphasis ("**1.7.2**"). */
const QUOTE = "(?:[`'\"]|\\*{1,3})?";
/**
 * The same before a version, and Markdown's underscore emphasis after a space ("Docker version __20.10.6__": review 60a F3);
 * not an underscore joined to the name ("docker_20.10.6~3-0~ubuntu-focal_amd64.deb" is a package file's name).
 */
const VALUE_QUOTE = "(?:[`'\"]|\\*{1,3}|(?<=\\s)_{1,2})?";
// Not a Debian "+really" version's first number: the release after "+really" is the one built (package-lists.ts).
// A development build ("runc version 1.1.0+dev") is no release either (review 34a).
// A series ("1.10.x", "28.X": every release of it) is read too; the verdict judges it whole or leaves it unknown (verdict.ts).
// Markdown's closing underscores may follow ("__20.10.6__"); a word joined by one may not ("20.10.6_amd64").
const VERSION =
  "v?(\\d+\\.\\d+\\.\\d+(?:-(?:ce|ee|rc\\.?\\d+|beta\\.?\\d+))?|\\d+\\.\\d+\\.[xX])(?![^\\W_]|_[^\\W_]|\\.\\d|\\+really|\\+dev)";
/** crun numbers its releases with two parts too ("crun 1.18", crun#1588's title): read so for crun only. */
const TWO_PART_VERSION = "v?(\\d+\\.\\d+\\.[xX]|\\d+\\.\\d+(?:\\.\\d+)?)(?!\\w|\\.\\d|\\+really|\\+dev)";
/**
 * A Kubernetes minor release named alone ("on kubernetes v1.25", review 60f F4) is every 1.25.z: read as the series
 * "1.25.x", which the verdict judges whole. Not one with "+" after ("Kubernetes 1.25+"): a requirement.
 */
const KUBE_MINOR_VERSION = `(?:${VERSION}|v?(1\\.[1-9]\\d?)(?![\\w+]|\\.\\w|-\\w))`;
const versionOf = (ecosystem: string) =>
  ecosystem === "crun" ? TWO_PART_VERSION : ecosystem === "kubernetes" ? KUBE_MINOR_VERSION : VERSION;
/** The version a name's pattern took: its release, or a Kubernetes minor's series (KUBE_MINOR_VERSION's second group). */
const takenVersion = (m: RegExpMatchArray): string | undefined => m[1] ?? (m[2] ? `${m[2]}.x` : undefined);
/**
 * How a sentence may tell a component's change before "from A to B": "containerd was upgraded from", "went from", "the
 * containerd.io package got bumped from" (review 53a F4).
 */
const CHANGED =
  "(?:\\s+package)?(?:\\s+(?:(?:was|were|got|has\\s+been|had\\s+been|been)\\s+)?(?:upgraded|updated|bumped|moved|changed|went|jumped))?";
/**
 * The release a change starts from, up to the word or arrow before the one it ends at: "from A to", "from A ->", or "A ->"
 * with an arrow alone ("containerd 1.6.2 -> 1.6.3", "containerd.io 1.7.23-1 → 1.7.24-1": review 61i F2); "A to" alone is
 * as often a range's ("1.6.2 to 1.6.5 are affected").
 */
const CHANGE_FROM = `(?:\\s+from\\s+(?:version\\s+)?${QUOTE}(?:\\d+:)?v?\\d+\\.\\d+[\\w.~+:-]{0,80}${QUOTE}\\s*(?:\\bto\\b|${CHANGE_ARROW})|\\s+${QUOTE}(?:\\d+:)?v?\\d+\\.\\d+[\\w.~+:-]{0,80}?${QUOTE}\\s*${CHANGE_ARROW})`;
const NAMED_VERSIONS = COMPONENT_NAMES.map(
  ([ecosystem, names, base]) =>
    [
      ecosystem,
      // The name, then at most "version", "to (version)", ":" or "(version" before the number, which
      // may be quoted and carry a package epoch ("`5:29.0.0-1~ubuntu…`").
      new RegExp(
        `(?:^|[^\\w/.-])(?:${names})${QUOTE}${DISTRIBUTION_OF}(?:\\s+version|\\s+to(?:\\s+version)?)?\\s*(?:(?::|\uff1a|\\((?:version\\s*)?)\\s*)?${ecosystem === "kubernetes" ? KUBE_EDITION : ""}${VALUE_QUOTE}(?:\\d+:)?${versionOf(ecosystem)}`,
        "gi",
      ),
      // dpkg and apt: "Unpacking docker-ce (5:23.0.1-1~debian.11~bullseye) over (...)", "Setting up runc (1.1.12-0ubuntu3)";
      // pacman's log, the version it leaves: "[ALPM] upgraded docker (1:27.5.1-1 -> 1:28.0.1-1)", "installed runc (1.2.4-1)".
      new RegExp(
        `\\b(?:Unpacking|Setting up|(?:up|down)graded|(?:re)?installed) (?:${names})(?::\\w+)? \\((?:[^()]*?(?:->|\u2192) )?(?:\\d+:)?(\\d+\\.\\d+${ecosystem === "crun" ? "(?:\\.\\d+)?" : "\\.\\d+"})(?![\\d.]|\\+really)`,
        "gi",
      ),
      base,
      // A change told "<name> from A to B" ("upgraded containerd from 1.6.2 to 1.6.3", "an update of docker-ce from
      // 5:25.0.5-1~… to 5:26.0.0-1~…"): B is the release the host ran after it, A no claim (review 52b F1).
      new RegExp(
        `(?:^|[^\\w/.-])(?:${names})${QUOTE}${DISTRIBUTION_OF}${CHANGED}${CHANGE_FROM}\\s*(?:version\\s+)?${QUOTE}(?:\\d+:)?${versionOf(ecosystem)}`,
        "gi",
      ),
    ] as const,
);

/**
 * The components a sentence tells a change of that cured the trouble ("Downgrading containerd.io to 1.7.23-1 fixed it",
 * "After upgrading containerd to 1.6.4 everything works again"), each with the line that tells it: the versions the paste
 * reads of them may be from after that cure, not the failing run's (review 61i F1). containerd.io's change is of the runc
 * it bundles too.
 */
export function curedComponents(candidates: readonly LineRef[]): Array<{ ecosystem: string; line: number }> {
  const out: Array<{ ecosystem: string; line: number }> = [];
  for (const { text, line } of candidates) {
    const lower = text.toLowerCase();
    for (const [[ecosystem, prose, , base, change], done] of NAMED_CHANGES) {
      if (!base.some((b) => lower.includes(b))) continue;
      const cured = [...text.matchAll(prose), ...text.matchAll(change)].some((m) => changeCured(text, fromName(m))) || toldDone(text, done);
      if (!cured) continue;
      out.push({ ecosystem, line });
      if (ecosystem === "containerd" && /containerd\.io/i.test(text))
        for (const bundled of componentPackage("containerd.io", true)?.bundles ?? []) out.push({ ecosystem: bundled, line });
    }
  }
  return out;
}

/**
 * A change of a component a sentence tells as done, whatever it says of the outcome ("We upgraded containerd to 1.6.4 this
 * morning and pods run now", "Updated containerd, pods are Running again", "containerd was bumped"): the versions the paste
 * reads of it may be from after the change too (review 69c F2: only a change said to cure was read, so everyday words of
 * an outcome left the new version judging the old failure "not affected (verified)").
 */
const DONE_VERB = String.raw`(?:upgraded|updated|bumped|downgraded|reverted|rolled\s+back)`;
/**
 * What may follow the name that makes the change another thing's than the component's version: its config, its log
 * level, a repository's key (review 69j F2: "updated the containerd config", "bumped containerd's log level").
 */
const NOT_THE_RELEASE = String.raw`(?!['\u2019]s\b|\s+(?:config\w*|settings?|toml|conf\b|log\w*|repo\w*|keys?\b|flags?\b|unit\b|drop-ins?|service\s+file|socket|registry|mirrors?|plugins?|certs?\b|certificates?|options?))`;
const NAMED_CHANGES = NAMED_VERSIONS.map((named) => {
  const names = COMPONENT_NAMES.find(([e]) => e === named[0])?.[1] ?? "";
  const done = new RegExp(
    String.raw`\b${DONE_VERB}\s+(?:(?:the|our|my|all|each|every)\s+)?(?:${names})(?![\w/-]|\.\w)${NOT_THE_RELEASE}|(?:^|[^\w/.-])(?:${names})(?:\s+package)?\s+(?:was|were|got|has\s+been|have\s+been|had\s+been)\s+${DONE_VERB}\b`,
    "gi",
  );
  return [named, done] as const;
});
/** Words before a told change that make it not done: denied, planned, advised or wished ("we haven't upgraded", "will be updated"). */
const NOT_DONE =
  /\b(?:not|never|plan\w*|will|going to|want\w* to|should|would|could|need\w* to|have to|try\w* to|if)\s+(?:\S+\s+){0,3}$|n['\u2019]t\s+(?:\S+\s+){0,2}$/i;
/**
 * Words that make a told change the one that brought the trouble ("after we upgraded containerd the error started", "since
 * containerd was upgraded every pod is stuck"): the failure ran the version it brought, which the reading after it is.
 */
const TROUBLE_BROUGHT =
  /\b(?:start(?:ed|s|ing)|began|begins|appear(?:ed|s)|broke|breaks|caused|causes|introduced|since|and now|came back|is back|returned|reappeared)\b/i;
/**
 * A change told of another machine, or in another's words: a changelog's bullet, a quoted report, "on node-2 only", "their
 * cluster" (review 69j F2): no change of the host whose reading the paste gives.
 */
const NOT_OURS =
  /^\s*(?:>|[-*]\s.*\(#\d+\))|\b(?:changelog|release notes?|says|claims|quoted|reported)\b|\bon\s+(?:node|worker|host|server|machine)[-\w]*(?:\s+only)?\b|\b(?:another|other)\s+(?:team|cluster|node|machine|host)s?\b|\btheir\b|\blast\s+(?:year|month|week)\b|\bago\b/i;
/**
 * A done change, unless the sentence says the trouble stayed, came with it or came back (then the failure ran the version
 * read after it), or tells another machine's or another's words; not inside a quotation.
 */
const toldDone = (text: string, done: RegExp): boolean =>
  !TROUBLE_STAYED.test(text) &&
  !TROUBLE_BROUGHT.test(text) &&
  !NOT_OURS.test(text) &&
  [...text.matchAll(done)].some((m) => {
    const at = (m.index ?? 0) + (/^[^\w]/.test(m[0]) ? 1 : 0);
    const quoted = (text.slice(0, at).match(/["\u201c\u201d]/g)?.length ?? 0) % 2 === 1;
    return !quoted && !NOT_DONE.test(text.slice(Math.max(0, at - 40), at));
  });

/** The record ecosystems a version named in passing is read for (kubernetes and systemd by their own lines). */
export const NAMED_ECOSYSTEMS: readonly string[] = [
  ...new Set([
    ...COMPONENT_NAMES.map(([e]) => e),
    ...IMAGE_COMPONENTS.map(([e]) => e),
    "kubernetes",
    "systemd",
    ...OTHER_NAMED.map(([e]) => e),
  ]),
];

/**
 * The version each component is named with, for the components the candidate lines name with one
 * version only. `lineAt` (1-based) reads a line that is not a candidate: the package header above
 * `apt-cache policy`'s "Installed:" line. `packageRows` are read as `dpkg-query -W` rows only.
 */
export function pickNamedVersions(
  candidates: readonly LineRef[],
  lineAt: (line: number) => string = () => "",
  packageRows: readonly LineRef[] = [],
): Record<string, string> {
  const found = new Map<string, Set<string>>();
  const add = (ecosystem: string, version: string) => {
    const seen = found.get(ecosystem) ?? new Set<string>();
    seen.add(withoutEdition(version));
    found.set(ecosystem, seen);
  };
  for (const { text, line } of candidates) {
    // A removed package's row still names its version: not the one running. A package manager's record is its log's.
    if (isUninstalledRow(text) || isDisabledSnapRow(text) || isPackageRecord(text)) continue;
    const kube =
      KLOG_VERSION.exec(text)?.[1] ?? KUBE_VERSION_INFO.exec(text)?.[1] ?? KUBE_SERVER_VERSION.exec(text)?.[1] ?? kubeReleaseChosen(text);
    if (kube) add("kubernetes", kube);
    const served = KUBE_GIT_VERSION.exec(text)?.[1];
    if (served && inServerVersion(line, lineAt)) add("kubernetes", served);
    const kubelet = KUBELET_FIELD.exec(text)?.[1];
    if (kubelet) add("kubernetes", kubelet);
    const runtime = runtimeComponent(RUNTIME_FIELD.exec(text)?.[1]);
    if (runtime) add(...runtime);
    const crun = CRUN_VERSION.exec(text)?.[1];
    if (crun) add("crun", crun);
    for (const image of imageVersions(text)) add(...image);
    const coredns = COREDNS_BANNER.exec(text)?.[1];
    if (coredns) add("coredns", coredns);
    for (const [ecosystem, pattern] of OTHER_NAMED) {
      const version = pattern.exec(text)?.[1];
      if (version) add(ecosystem, version);
    }
    const systemd = SYSTEMD_VERSION.exec(text)?.[1];
    if (systemd) add("systemd", systemd);
    const listed = offeredApkRow(line, lineAt)
      ? null
      : (listedPackage(text) ??
        aptPolicyPackage(text, () => lineAt(line - 1)) ??
        blockPackage(text, line, lineAt) ??
        placedPackage(text, line, lineAt));
    if (listed) add(...listed);
    const form = formAnswer(text, line, lineAt);
    if (form) add(...form);
    const runc = RUNC_COMMIT.exec(text.trim())?.[1];
    if (runc && RUNC_SPEC.test(lineAt(line + 1).trim())) add("runc", runc);
    const talos = TALOSCTL_TAG.exec(text)?.[1];
    if (talos && TALOSCTL_NODE.test(lineAt(line - 1))) add("talos", talos);
    const calico = CALICO_CLUSTER.exec(text)?.[1];
    if (calico && CALICO_CLIENT.test(lineAt(line - 2))) add("calico", calico);
    const cilium = CILIUM_RUNNING.exec(text)?.[1];
    if (cilium) add("cilium", cilium);
    const lower = text.toLowerCase();
    for (const [ecosystem, prose, dpkg, base, change] of NAMED_VERSIONS) {
      // A listing's row is read whole by its reader: its name and number again as words would cut a pre-release off the
      // build ("runc  1.0.0~rc10-0ubuntu1" as runc 1.0.0 beside the row's 1.0.0-rc10: two versions, none read; review 66h F3).
      if (!base.some((b) => lower.includes(b)) || listed?.[0] === ecosystem) continue;
      for (const m of text.matchAll(prose)) {
        // "Upgraded Docker 20.10.6 to 20.10.7", "Docker 20.10.6, 20.10.7 and 23.0": an upgrade retold or a list names no one
        // version the host runs here (a change told "from A to B" or with an arrow is read below, as B). Nor does a sentence's cure, fix,
        // requirement or bound ("after upgrading docker-ce to 17.09.1-ce the error is gone", "requires Docker
        // 20.10.0"), read as a kernel release is (kernel-prose.ts): such a version confirms the bug, not the host's.
        const rest = text.slice((m.index ?? 0) + m[0].length);
        // Nor one inside a quoted title or sentence of another report's (review 49d F4: 'the upstream report says "Docker
        // 20.10.6 with ipv6 disabled: …"' was read as the host's Docker).
        const version = hostsNamed(text, m, rest);
        if (version) add(ecosystem, version);
      }
      for (const m of text.matchAll(dpkg)) if (m[1]) add(ecosystem, m[1]);
      for (const m of text.matchAll(change)) {
        const version = hostsNamed(text, m, text.slice((m.index ?? 0) + m[0].length));
        if (version) add(ecosystem, version);
      }
    }
  }
  for (const { text } of packageRows) {
    const row = dpkgQueryRow(text);
    if (row) add(...row);
  }
  const out: Record<string, string> = {};
  for (const [ecosystem, versions] of found) {
    // A series gives way to an exact release named beside it: of its own series ("on Kubernetes 1.25: kind …
    // kindest/node:v1.25.2", config-sync#167), the two agree and the release says more; of another, the series is the
    // likelier to be a changelog's or a deprecation note's ("deprecated in Kubernetes v1.21" beside the cluster's 1.25.4:
    // review 61f F1).
    const exact = [...versions].filter((v) => !v.endsWith(".x"));
    const named = exact.length ? exact : [...versions];
    if (named.length === 1) out[ecosystem] = named[0] as string;
  }
  return out;
}

/**
 * The version the API server itself answered to `kubectl version` (its server part: `Server Version: version.Info{…
 * GitVersion:"v1.9.5"}`, `Server Version: v1.28.3+k3s1`, or `-o json|yaml`'s gitVersion under serverVersion; not kubeadm's
 * own version), when the lines give one. It is the apiserver's own output, as `docker version`'s server part is the
 * daemon's: for a kube-apiserver range it is no version named in passing (session 69 V: a 1.9.5 server's own answer was
 * "unknown" beside the symptom of the 1.25 PodSecurityPolicy removal, which an API server before 1.10 gives too).
 */
export function apiServerVersion(candidates: readonly LineRef[], lineAt: (line: number) => string = () => ""): string | undefined {
  const found = new Set<string>();
  for (const { text, line } of candidates) {
    const info = KUBE_SERVER_INFO.exec(text)?.[1];
    const served = KUBE_GIT_VERSION.exec(text)?.[1];
    const version = info ?? KUBE_SERVER_VERSION.exec(text)?.[1] ?? (served && inServerVersion(line, lineAt) ? served : undefined);
    if (version) found.add(version);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/** Docker's old edition suffix ("17.09.1-ce"): the release without it, as the ranges give it; a series as "1.10.x". */
const withoutEdition = (version: string) => version.replace(/-ce$|-ee$/, "").replace(/\.X$/, ".x");

/**
 * The Docker CLI's own version, from `docker version`'s or `docker info`'s client part, when one version: another
 * program than the daemon that printed the log, so named apart from what the host's output and sentences say.
 */
export function pickClientVersions(candidates: readonly LineRef[], lineAt: (line: number) => string = () => ""): Record<string, string> {
  const found = new Set<string>();
  for (const { text, line } of candidates) {
    // A quoted part ("> Client: …", wagoodman/dive#664) is read as written before the quote: the client's is named anyway.
    const client = DOCKER_API_VERSION.test(unquote(text))
      ? dockerClientVersion(unquote(lineAt(line - 1)), [unquote(lineAt(line - 2)), unquote(lineAt(line - 3))])
      : DOCKER_INFO_DEBUG.test(unquote(text)) && DOCKER_INFO_CONTEXT.test(unquote(lineAt(line - 1)))
        ? dockerClientVersion(unquote(lineAt(line - 2)), [unquote(lineAt(line - 3)), unquote(lineAt(line - 4))])
        : null;
    if (client && !answeredByPodman(line, (n) => unquote(lineAt(n)))) found.add(withoutEdition(client));
  }
  return found.size === 1 ? { docker: [...found][0] as string } : {};
}

/** Lines from the client's "API version:" to its output's "Server:" at most (the client part is about ten lines long). */
const CLIENT_PART_REACH = 20;
const PODMAN_ENGINE = /^\s+Podman Engine:\s*$/;
/**
 * Whether the `docker version` whose client part holds `line` (1-based) shows a daemon that is Podman ("Podman Engine:"
 * under "Server:": the docker CLI against Podman's socket): then no Docker daemon runs, and the CLI's version names none
 * (review 51d F1: the CLI's 26.0.0 was judged "affected" as the daemon's beside Podman 5.0.2).
 */
function answeredByPodman(line: number, lineAt: (line: number) => string): boolean {
  for (let n = line + 1; n <= line + CLIENT_PART_REACH; n++) {
    const text = lineAt(n);
    if (!text.trim() || /^\s/.test(text)) continue;
    if (!/^Server:/.test(text)) return false;
    for (let m = n + 1; m <= n + CLIENT_PART_REACH * 2; m++) {
      const next = lineAt(m);
      if (!/^\s/.test(next) || !next.trim()) return false;
      if (PODMAN_ENGINE.test(next)) return true;
    }
    return false;
  }
  return false;
}

/**
 * Whether a sentence names the version as the host's: not a cure's, a fix's, a requirement's or a bound's ("removed
 * since CoreDNS v1.5.0"), as kernel-prose.ts reads a kernel release's role. Unlike a kernel's, a component's failure
 * named with it counts ("it broke with containerd 1.6.3", "first seen on Docker 20.10.6"): the host ran that release.
 */
function hostsVersion(text: string, m: RegExpMatchArray): boolean {
  // "Docker 20.10.7 is not affected": a release compared, not the one that failed (a kernel so named may still be the host's).
  if (NOT_AFFECTED_AFTER.test(text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 40))) return false;
  const role = proseRole(text, m);
  if (role !== "other") return role === "host";
  const at = m.index ?? 0;
  const before = text.slice(Math.max(0, at - 40), at);
  if (BROKE_WITH.test(before)) return true;
  // A series after "since" is a change's bound, not a release the host ran: "Since Kubernetes 1.8 the kubelet refuses to
  // run with swap on" is a guide's account of a change (review 65g F2: read as the host's 1.8, "affected", high), where
  // "Since Docker 20.10.6, containers cannot bind" names the release the failure came with.
  if (!RELEASE_NAMED.test(m[0])) return false;
  return ONSET.test(before) && FAILURE_AFTER.test(text.slice(at + m[0].length, at + m[0].length + 160));
}
const RELEASE_NAMED = /\d+\.\d+\.\d+/;
const NOT_AFFECTED_AFTER = /^[`'"*]*,?\s+(?:is|was|seems|are)\s+(?:not|un)\s*affected\b/i;

/**
 * What before a version names the release the failure came with: "broke with", "first seen on"; a sentence opening "Since
 * Docker 20.10.6, …" or "broken since …" only when its clause tells a failure (FAILURE_AFTER): "As of Docker 26.0.0,
 * schema 1 images are refused" is a release note's, and "removed since CoreDNS v1.5.0" a change's bound.
 */
const BROKE_WITH =
  /\b(?:broke (?:in|with|on)|first seen (?:in|with|on)|(?:broken|failing|fails|failed|broke|breaks)\s+(?:since|as of|starting (?:with|from|in)))\s+(?:the\s+|a\s+)?$/i;
const ONSET = /(?:^|[.!?;:]\s+)(?:since|as of|starting (?:with|from|in))\s+(?:the\s+)?$/i;
const FAILURE_AFTER =
  /^[^.;!?]{0,120}?\b(?:fails?|failed|failing|broke|broken|breaks|errors?|cannot|can['\u2019]t|could not|couldn['\u2019]t|crash(?:es|ed)?|refuses?|unable)\b/i;

/**
 * The version a name's match gives as the host's (`rest`: the line after the match), or undefined: not one of an upgrade
 * retold or a list, a cure's, a fix's, a requirement's or a bound's, a question's, nor one quoted from another report.
 */
function hostsNamed(text: string, m: RegExpMatchArray, rest: string): string | undefined {
  const version = takenVersion(m);
  const named = fromName(m);
  const at = m.index ?? 0;
  if (!version || anotherVersionAfter(rest) || !hostsVersion(text, named) || asked(text, at, rest) || quoted(text, named.index ?? at))
    return undefined;
  return version;
}

/** The match from the component's name on: the character before it that the pattern takes belongs to the words before. */
function fromName(m: RegExpMatchArray): RegExpMatchArray {
  const skip = /^[^\w]/.test(m[0]) ? 1 : 0;
  return Object.assign([m[0].slice(skip)] as [string], { index: (m.index ?? 0) + skip }) as RegExpMatchArray;
}

/** Right after a named version, another one: the first of an upgrade retold ("to", "->", "→") or of a list. */
const ANOTHER_VERSION_AFTER = new RegExp(
  String.raw`^(?:[\`'"]|\*{1,2}|\))?\s*(?:${CHANGE_ARROW}|${CHANGE_TO_CJK}|,|\/|\b(?:to|and|or|vs\.?|then|through|thru)\b)\s*(?:version\s+)?(?:[\`'"]|\*{1,2})?v?(?:\d+:)?\d+\.\d+`,
  "i",
);
/** A package's revision before an arrow ("1:27.5.1-1 -> 1:28.0.1-1", pacman's log). */
const REVISION_BEFORE_ARROW = new RegExp(String.raw`^-[\w.+~]+(?=\s*${CHANGE_ARROW})`);
/**
 * A version right after, unless a component's name follows it: "Docker 26.0.0, 1.6.28 containerd" lists two components.
 * A package's revision may stand between ("1:27.5.1-1 -> 1:28.0.1-1", pacman's log).
 */
function anotherVersionAfter(text: string): boolean {
  const rest = text.replace(REVISION_BEFORE_ARROW, "");
  const m = ANOTHER_VERSION_AFTER.exec(rest);
  return !!m && !OTHER_COMPONENT.test(rest.slice(m[0].length).replace(/^[\d.]*[\w.+~-]*/, ""));
}
const OTHER_COMPONENT = /^\s*(?:docker|containerd|runc|crun|kubernetes|k8s|kubelet|kubeadm|coredns|flannel|cri-o|crio)\b/i;

/** Each component's names as a whole word, for an issue form's question. */
const FORM_NAMES = COMPONENT_NAMES.map(([ecosystem, names]) => [ecosystem, new RegExp(`^(?:${names})$`, "i")] as const);

/** An issue form's question about a component and its answer, a bare version: [ecosystem, version]. */
function formAnswer(text: string, line: number, lineAt: (line: number) => string): [string, string] | null {
  const question = text.trim();
  if (question.length > FORM_LINE || lineAt(line + 1).trim() !== "") return null;
  const q = FORM_QUESTION.exec(question);
  const name = q?.[1] ?? q?.[2];
  const ecosystem = name ? FORM_NAMES.find(([, whole]) => whole.test(name))?.[0] : undefined;
  if (!ecosystem) return null;
  for (let next = line + 2; next <= line + 1 + FORM_GAP; next++) {
    const answer = lineAt(next).trim();
    if (!answer || /^```\w*$/.test(answer)) continue;
    const version = answer.length <= FORM_LINE ? FORM_ANSWER.exec(answer)?.[1] : undefined;
    // Two-part versions are crun's way (1.8); any other component's answer names x.y.z.
    if (!version || (ecosystem !== "crun" && version.split(".").length < 3)) return null;
    return ecosystem === "docker" && NOT_DOCKER_ENGINE.test(version) ? null : [ecosystem, version];
  }
  return null;
}

/**
 * The client's version, when the line above an "API version:" line is its "Version:" and "Client:" heads
 * the part, right above or above one more line of it (Docker Desktop's " Cloud integration: v1.0.35").
 */
function dockerClientVersion(versionLine: string, [above, aboveThat]: [string, string]): string | null {
  const headed = DOCKER_CLIENT_HEADER.test(above) || (/^ +\S/.test(above) && DOCKER_CLIENT_HEADER.test(aboveThat));
  return headed ? (DOCKER_CLIENT_VERSION.exec(versionLine)?.[1] ?? null) : null;
}

/**
 * A package's whole build named in a sentence or a title, the packaging revision after the release ("container error
 * after upgrade to containerd.io 1.4.6-1", containerd#5547; "Bug: Containerd.io 1.7.24-1 | …"; "Containerd.io v 1.7.24-1 not
 * compatible", gluetun#2641, review 53b F4; "docker-ce
 * `5:27.4.0-1~ubuntu.24.04~noble`"): which build of the package the reporter ran, for the records that range a
 * package's builds (Docker's containerd.io bundles runc). The same words may stand between the name and the build as for a
 * version named in passing; a revision starts with a digit, or Alpine's "r" and one ("-ce" is Docker's old edition).
 */
const PROSE_BUILD = new RegExp(
  `(?:^|[^\\w/.-])(${LISTED_PACKAGES.map((n) => n.replace(/[.+]/g, "\\$&")).join("|")})${QUOTE}(?:\\s+version|\\s+to(?:\\s+version)?)?\\s*:?\\s*${QUOTE}(?:v\\s?)?((?:\\d+:)?\\d+\\.\\d+(?:\\.\\d+)?(?:[~+][\\w.]+)?-r?\\d[\\w~+]*(?:\\.[\\w~+]+)*)(?![\\w+~-]|\\.\\w)`,
  "gi",
);

/**
 * A package's change told as "<package> from (version) A to (version) B" ("an update of `containerd.io` from version
 * `1.7.23-1` to `1.7.24-1`": review 51h F3): B is the build the host ran after it; A, before it, is no claim.
 */
const PROSE_BUILD_CHANGE = new RegExp(
  `(?:^|[^\\w/.-])(${LISTED_PACKAGES.map((n) => n.replace(/[.+]/g, "\\$&")).join("|")})${QUOTE}(?:\\s+from\\s+(?:version\\s+)?${QUOTE}(?:v\\s?)?(?:\\d+:)?\\d+\\.[\\w.~+:-]*?${QUOTE}\\s*(?:\\bto\\b|${CHANGE_ARROW})|\\s+${QUOTE}(?:v\\s?)?(?:\\d+:)?\\d+\\.[\\w.~+:-]*?${QUOTE}\\s*${CHANGE_ARROW})\\s*(?:version\\s+)?${QUOTE}(?:v\\s?)?((?:\\d+:)?\\d+\\.\\d+(?:\\.\\d+)?(?:[~+][\\w.]+)?-r?\\d[\\w~+]*(?:\\.[\\w~+]+)*)(?![\\w+~-]|\\.\\w)`,
  "gi",
);

/**
 * The builds sentences name, by package name: as for a version named in passing, not a cure's, a fix's or a bound's, nor
 * one of an upgrade retold or a list; not a listing's row (its reader judges it: a removed package). A package manager's
 * log names its builds in parentheses (dpkg, pacman, apt's history) or joined to the name (yum): no sentence's shape.
 * One build per package, or none when the sentences disagree.
 */
export function pickProseBuilds(candidates: readonly LineRef[], lineAt: (line: number) => string = () => ""): Record<string, string> {
  return agreedPerKey(
    candidates.flatMap(({ text, line }) => {
      // A Markdown quote is someone else's words (an advisory, a forum post): no build of the reporter's.
      if (QUOTE_PREFIX.test(text)) return [];
      if (
        isUninstalledRow(text) ||
        listedBuild(text) ||
        dpkgQueryBuild(text) ||
        blockBuild(text, line, lineAt) ||
        placedBuild(text, line, lineAt)
      )
        return [];
      const changed = Array.from(text.matchAll(PROSE_BUILD_CHANGE)).flatMap(
        (m): Array<[string, string]> =>
          hostsVersion(text, fromName(m)) && !asked(text, m.index ?? 0, text.slice((m.index ?? 0) + m[0].length))
            ? [[(m[1] as string).toLowerCase(), m[2] as string]]
            : [],
      );
      if (changed.length) return changed;
      return Array.from(text.matchAll(PROSE_BUILD)).flatMap((m): Array<[string, string]> => {
        const at = m.index ?? 0;
        const rest = text.slice(at + m[0].length);
        const build = m[2] as string;
        const named = fromName(m);
        const claims =
          !anotherVersionAfter(rest) && hostsVersion(text, named) && !asked(text, at, rest) && !quoted(text, named.index ?? at);
        return claims ? [[(m[1] as string).toLowerCase(), build]] : [];
      });
    }),
  );
}

/**
 * Whether a version named at `at` is what a question asks about ("Is containerd.io 1.7.24-1 affected?", "Does anyone know if
 * containerd.io 1.7.24-1 has …?"), or a list a label gives as bad or good ("Known bad: …"): no claim of the reporter's own
 * (review 48c F8). A question about the failure after it ("We're on X, any idea what changed?") still names it, as does a
 * bug template's "Affected version:" field (review 48d F5).
 */
export function asked(text: string, at: number, rest: string): boolean {
  const sentence =
    text
      .slice(0, at)
      .split(/[.!?]\s/)
      .at(-1) ?? "";
  const weighs = OPENS_QUESTION.test(sentence) && ASKS_STATUS.test(`${sentence} ${/^[^.!?]*/.exec(rest)?.[0] ?? ""}`);
  const question = QUESTION_BEFORE.test(sentence) || PLANNED.test(sentence) || weighs;
  return (question && /^[^.!]*\?/.test(rest)) || BOUND_LABEL.test(sentence);
}
/**
 * A question a verb opens that weighs a release's standing ("Is this chart compatible with Kubernetes 1.24?", "Does
 * 5.10.178-162.673.amzn2.x86_64 fix this?": review 61f), not one asking whether a change made was the cause.
 */
const OPENS_QUESTION = /^\s*(?:is|are|does|do|can|could|will|would|should)\s/i;
const ASKS_STATUS = /\b(?:compatible|supported|supports?|affected|vulnerable|safe|tested|fixed|fix(?:es)?)\b/i;
/**
 * A change a question weighs ("Should we upgrade containerd.io to 1.7.25-1?"): the version it would bring, not the host's;
 * not one asking whether a change made was the cause ("Could the update to X last night be the cause?"; review 48f F3).
 */
const PLANNED =
  /^\s*(?:should|shall|can|could|would|do|will|must)\s+(?:we|i)\b[^.!?]*\b(?:upgrade|update|downgrade|roll back|move|switch|migrate|pin)(?:\s+\w+){0,3}\s*$/i;
const QUESTION_BEFORE =
  /(?:^|,\s*)(?:does|do|is|are|was|were|has|have|can|could|should|would|will|did)(?:\s+(?:the|this|that|version|build|package))?\s*[`'"*]*$|\b(?:know|knows|wonder(?:ing)?|ask(?:ing)?|sure|check(?:ing)?)\s+(?:if|whether)\s*[`'"*]*$/i;
// An advisory's "Affected versions:" lists bounds; a bug template's "Affected version:" is the reporter's (review 48d F5, 48e F4).
const BOUND_LABEL =
  /\b(?:known[- ](?:bad|good|broken)|affected (?:versions|builds|releases)|(?:bad|broken|fixed|good) (?:versions?|builds?|releases?))\s*:/i;
/**
 * Whether a version named at `at` sits inside a quoted title or sentence, another report's ("same as #1520 (\"openvpn
 * broken with containerd.io 1.7.24-1\")", 'the upstream report says "Docker 20.10.6 …"'): an odd number of double quotes
 * before it, on a line that is no JSON, logfmt or escaped log.
 */
function quoted(text: string, at: number): boolean {
  // JSON or an escaped log quotes its own fields.
  if (text.includes('\\"') || text.includes('":')) return false;
  const before = text.slice(0, at);
  if (((before.match(/"/g)?.length ?? 0) & 1) === 0) return false;
  // A field's value opened by `key="` (logfmt's msg="Cilium 1.18.4 …") is the program's own words, no quotation; another
  // field's on the line (DOCKER_OPTS="…") says nothing of this quote (review 49e F6).
  return !/\w="$/.test(before.slice(0, before.lastIndexOf('"') + 1));
}

/**
 * The installed packages a listing names with their whole versions (`dpkg -l`, `rpm -qa`, `dpkg-query -W`, `apt-cache
 * policy`, whose package header `lineAt` reads), by
 * package name: one version per package, or none when the listings disagree (two hosts', before and after).
 * `others` (1-based line) says which lines are under a heading naming another machine or an earlier time.
 */
export function pickPackageBuilds(
  candidates: readonly LineRef[],
  packageRows: readonly LineRef[] = [],
  others: (line: number) => boolean = () => false,
  lineAt: (line: number) => string = () => "",
): Record<string, string> {
  // A listing under another machine's or an earlier time's heading is left out: it says nothing of this host.
  return agreedPerKey([
    ...candidates.flatMap(({ text, line }) => {
      const build =
        listedBuild(text) ??
        aptPolicyBuild(text, () => lineAt(line - 1)) ??
        blockBuild(text, line, lineAt) ??
        placedBuild(text, line, lineAt);
      return build && !others(line) ? [build] : [];
    }),
    ...packageRows.flatMap(({ text, line }) => {
      const build = dpkgQueryBuild(text);
      return build && !others(line) ? [build] : [];
    }),
  ]);
}
