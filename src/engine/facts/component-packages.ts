/**
 * The packages the records' components ship in, as Debian/Ubuntu, RPM distributions, Alpine, Arch, the snap store,
 * Docker's and Kubernetes' repositories name them: one table for every reader of a package's name (listings
 * (package-lists.ts), a package manager's log of changes (component-changes.ts), install commands and dpkg's output
 * (component-upgrades.ts)).
 */

export interface ComponentPackage {
  /** The record ecosystem the package's version is a release of. */
  ecosystem: string;
  /** What it ships besides, at a version its own does not give: Docker's containerd.io bundles runc. */
  bundles: readonly string[];
  /**
   * What installing it may upgrade with it, as a dependency at a matching release: the distributions' containerd
   * depends on their runc (Debian and Ubuntu ship runc apart). A change log lists such a dependency on its own line.
   */
  pulls: readonly string[];
  /**
   * A tool shipped beside the component at its release (kubeadm beside the kubelet): its change may come with the
   * component's, its listed version is not the running component's (kubeadm is upgraded first, the kubelet after).
   */
  beside?: true;
}

const only = (ecosystem: string): ComponentPackage => ({ ecosystem, bundles: [], pulls: [] });

const PACKAGES: Readonly<Record<string, ComponentPackage>> = {
  "docker-ce": only("docker"),
  "docker-ee": only("docker"),
  "docker.io": only("docker"),
  "docker-engine": only("docker"),
  "moby-engine": only("docker"),
  containerd: { ecosystem: "containerd", bundles: [], pulls: ["runc"] },
  "containerd.io": { ecosystem: "containerd", bundles: ["runc"], pulls: [] },
  runc: only("runc"),
  crun: only("crun"),
  podman: only("podman"),
  "cri-o": only("cri-o"),
  kubelet: only("kubernetes"),
  "kubernetes-node": only("kubernetes"),
  "kubernetes-kubelet": only("kubernetes"),
  kubeadm: { ...only("kubernetes"), beside: true },
  "kubernetes-kubeadm": { ...only("kubernetes"), beside: true },
  libseccomp2: only("libseccomp"),
  libseccomp: only("libseccomp"),
  iptables: only("iptables"),
  nftables: only("nftables"),
  systemd: only("systemd"),
  criu: only("criu"),
  netavark: only("netavark"),
  xz: only("xz"),
  "xz-utils": only("xz"),
  // Review 31b/31c: these records' own ecosystems had no reader at all.
  "container-selinux": only("container-selinux"),
  "sysbox-ce": only("sysbox"),
  // The CNI plugins as distributions and Kubernetes' repositories package them, at the plugins' release.
  "containernetworking-plugins": only("cni-plugins"),
  "kubernetes-cni": only("cni-plugins"),
  falco: only("falco"),
};

/**
 * "docker" is Docker's own release as Alpine, Arch and the snap store package it; Debian's and Ubuntu's "docker" is a
 * system-tray docklet, and RHEL 7's is Red Hat's own Docker 1.13 line, whose version is no upstream release. A change
 * of it may still be Docker's.
 */
const DOCKER = only("docker");

/** A package by its exact name; `dockerIsUpstream` where the name "docker" is Docker's own release (above). */
export function componentPackage(name: string, dockerIsUpstream: boolean): ComponentPackage | undefined {
  return name === "docker" ? (dockerIsUpstream ? DOCKER : undefined) : PACKAGES[name];
}

/** The record ecosystem a listing of the package names the running version of (not a tool beside it), or undefined. */
export function listedEcosystem(name: string, dockerIsUpstream = false): string | undefined {
  const p = componentPackage(name, dockerIsUpstream);
  return p && !p.beside ? p.ecosystem : undefined;
}

/** The packages whose listed version is a component's. */
export const LISTED_PACKAGES: readonly string[] = Object.keys(PACKAGES).filter((name) => listedEcosystem(name));

/** What installing or upgrading the package may change: its component, what it bundles and what it may pull with it. */
export function installedWith(name: string): readonly string[] {
  const p = componentPackage(name, true);
  return p ? [p.ecosystem, ...p.bundles, ...p.pulls] : [];
}

/**
 * The packages' names as a package manager's output opens with them, for the container and Kubernetes components whose
 * changes are read (a log of a big upgrade must not crowd the mention lines).
 */
export const CHANGE_PACKAGE_STARTS = ["docker", "containerd", "kube", "runc", "crun", "cri-o", "podman", "moby"];
