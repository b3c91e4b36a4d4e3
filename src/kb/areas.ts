import { rangeLevels } from "../engine/versions";
import type { BugRecord } from "./record-schema";

/**
 * The curator's view of the knowledge base: which area of the node stack a record is about (from its free-text
 * `components`) and which distribution families its ranges cover (from `affected[].ecosystem`). Used by
 * `npm run kb:check` to show where the records and the firm (verified or corroborated) range ends are.
 */

/** Share of range ends that must be verified or corroborated (issue #11). */
export const EVIDENCE_TARGET = 0.8;

export const AREAS = [
  "kernel networking",
  "kernel storage",
  "kernel eBPF",
  "cgroups",
  "kernel (other)",
  "runtimes",
  "kubernetes",
  "CNI",
  "iptables-nftables userspace",
  "LSM / seccomp",
  "other",
] as const;
export type Area = (typeof AREAS)[number];

// First matching rule wins for a component; a record gets the union over its components. Order matters: the
// cgroup and LSM rules come before the generic kernel and runtime rules so "kernel/memcg" counts as cgroups and
// "kernel/seccomp" as LSM / seccomp.
const AREA_RULES: readonly (readonly [Area, RegExp])[] = [
  ["cgroups", /cgroup|memcg|\bkmem\b|systemd \(cgroup/],
  ["LSM / seccomp", /apparmor|selinux|seccomp|landlock|memorydenywriteexecute/],
  ["kernel eBPF", /^kernel\/bpf|^kernel bpf|verifier|^libbpf\b/],
  [
    "kernel networking",
    /^kernel[/ ].*(net|ipvs|ip_vs|ip_set|xfrm|bridge|veth|vxlan|geneve|tcp|udp|conntrack|nf_|xt_|x_tables|ip6?_?tables|rtnetlink|neigh|ena\b|gvnic|mlx|hv_netvsc|tun)/,
  ],
  ["kernel storage", /^kernel[/ ].*(ext4|xfs|btrfs|overlay|nfs|cifs|smb|iomap|vfs|io_uring|block|fs\b|fuse|dio)|^(xfs|zfs)\b/],
  // Distro kernels named as a whole ("RHEL/CentOS 7 kernel", "amazon-linux-2/kernel-5.4").
  ["kernel (other)", /\bkernel\b/],
  ["iptables-nftables userspace", /^(iptables|ip6tables|iptables-restore|nft|nftables|ipset|conntrack-tools|firewalld|ebtables)\b/],
  ["CNI", /^(cni|cilium|calico|canal|flannel|kube-router|antrea|weave|multus|aws-vpc-cni|amazon-vpc-cni|podman\/netavark|netavark)\b/],
  [
    "kubernetes",
    /^(kubelet|kubeadm|kube-proxy|kube-controller-manager|kube-apiserver|kube-scheduler|coredns|kind|minikube|microk8s|k3s|rke2|kubespray|eks|crictl|cri-tools)\b/,
  ],
  [
    "runtimes",
    /^(runc|crun|containerd|containerd\.io|docker|moby|podman|cri-o|cri-dockerd|buildah|sysbox|lxc|lxd|incus|nvidia-container-toolkit|youki|gvisor|kata|rootlesskit|apptainer|bubblewrap)\b/,
  ],
];

/** The area of one free-text component ("kernel/netfilter/nf_conntrack", "kube-proxy (IPVS mode)"). */
export function areaOf(component: string): Area {
  const c = component.trim().toLowerCase();
  for (const [area, re] of AREA_RULES) if (re.test(c)) return area;
  return "other";
}

/** The areas a record is about: the union over its components ("other" only when nothing else matched). */
export function recordAreas(r: Pick<BugRecord, "components">): Area[] {
  const found = new Set(r.components.map(areaOf));
  if (found.size > 1) found.delete("other");
  return AREAS.filter((a) => found.has(a));
}

export const DISTRO_FAMILIES = [
  "ubuntu",
  "debian",
  "rhel & rebuilds",
  "amzn",
  "fedora",
  "suse",
  "flatcar",
  "bottlerocket",
  "cos",
  "talos",
  "arch",
] as const;
export type DistroFamily = (typeof DISTRO_FAMILIES)[number];

const DISTRO_RULES: readonly (readonly [DistroFamily, RegExp])[] = [
  ["ubuntu", /^ubuntu\b/],
  ["debian", /^debian\b/],
  ["rhel & rebuilds", /^(rhel|centos|rocky|almalinux|alma|ol|oracle-linux|oraclelinux)\b/],
  ["amzn", /^(amzn|amazon-linux|al2|al2023)\b/],
  ["fedora", /^fedora\b/],
  ["suse", /^(sles|suse|opensuse|sle-micro|sl-micro)/],
  ["flatcar", /^flatcar\b/],
  ["bottlerocket", /^bottlerocket\b/],
  ["cos", /^(cos|container-optimized-os)\b/],
  ["talos", /^talos\b/],
  ["arch", /^arch\b/],
];

/** The distribution family of an `affected[].ecosystem` ("ubuntu:22.04" → ubuntu); undefined for upstream ones. */
export function distroFamilyOf(ecosystem: string): DistroFamily | undefined {
  const e = ecosystem.trim().toLowerCase();
  return DISTRO_RULES.find(([, re]) => re.test(e))?.[0];
}

export interface GroupSummary<K extends string> {
  key: K;
  records: number;
  /** Range ends of those records (for distro families: only the ends of that family's ranges). */
  ends: number;
  firmEnds: number;
}

const firm = (levels: string[]) => levels.filter((l) => l !== "reported").length;

/** Records and range ends per area (a record counts once in each of its areas). */
export function summarizeAreas(records: readonly BugRecord[]): GroupSummary<Area>[] {
  return AREAS.map((key) => {
    const rs = records.filter((r) => recordAreas(r).includes(key));
    const ends = rs.flatMap((r) => r.affected.flatMap((a) => a.ranges.flatMap(rangeLevels)));
    return { key, records: rs.length, ends: ends.length, firmEnds: firm(ends) };
  }).filter((g) => g.records > 0);
}

/** Records with ranges per distribution family, and that family's range ends; every family is listed, even at 0. */
export function summarizeDistros(records: readonly BugRecord[]): GroupSummary<DistroFamily>[] {
  return DISTRO_FAMILIES.map((key) => {
    const affected = records.map((r) => r.affected.filter((a) => a.ranges.length > 0 && distroFamilyOf(a.ecosystem) === key));
    const ends = affected.flatMap((as) => as.flatMap((a) => a.ranges.flatMap(rangeLevels)));
    return { key, records: affected.filter((as) => as.length > 0).length, ends: ends.length, firmEnds: firm(ends) };
  });
}

/** "kernel networking 21 (40/52 ends firm)" */
export const formatGroup = (g: GroupSummary<string>): string =>
  g.ends ? `${g.key} ${g.records} (${g.firmEnds}/${g.ends} ends firm)` : `${g.key} ${g.records}`;
