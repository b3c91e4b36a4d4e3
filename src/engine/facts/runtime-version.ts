/**
 * The versions a kubectl nodes table shows per node, read from the host itself: `kubelet --version`
 * ("Kubernetes v1.26.3") and the container runtime's `--version`. Written the way kubectl writes them
 * ("v1.26.3", "containerd://1.6.20"), so a host compares with a table row.
 */

import { withoutVendorBuild } from "../versions";

/**
 * "Kubernetes v1.26.3" → "v1.26.3"; k3s and RKE2 embed the kubelet and print its release with their own
 * build after a "+": "k3s version v1.30.3+k3s-b11486d3 (b11486d3)", "rke2 version v1.30.3+rke2r1 (…)".
 */
const KUBELET = /^(?:Kubernetes|(?:k3s|rke2) version) (v\d+\.\d+\.\d+[\w.+-]*)(?: \([0-9a-f]+\))?$/;
/**
 * "containerd github.com/containerd/containerd v1.7.12 71909c18…", "containerd containerd.io 1.6.20 2806fc10…",
 * "containerd github.com/containerd/containerd/v2 v2.0.0 207ad711…", and `ctr --version`, which the same
 * package ships ("ctr github.com/containerd/containerd v1.7.12": cmd/ctr/app's VersionPrinter).
 */
// Debian's containerd prints its package's version where upstream prints the commit ("containerd
// github.com/containerd/containerd 1.7.24~ds1 1.7.24~ds1-10"): that build is read whole (review 34a: nothing was read).
const CONTAINERD =
  /^(?:containerd|ctr) (?:github\.com\/containerd\/containerd(?:\/v\d+)?|containerd\.io|\S+) v?(\d+\.\d+\.\d+[\w.+~-]*)(?: ([0-9a-f.]+|\d[\w.+~-]*))?$/;
/**
 * "Docker version 24.0.7, build afdd53b"; a distribution's docker.io or moby-engine prints its package's build there
 * ("build 24.0.7-0ubuntu4.1", "build 27.3.1-1.fc41"): read whole, as a distribution's build (review 34a: it was lost).
 */
const DOCKER = /^Docker version (\d+\.\d+\.\d+[\w.+~-]*), build ([\w.+~-]+)$/;
/**
 * A package revision after the version's dash: Ubuntu's and Debian's ("0ubuntu4.1", "1~deb12u1"), Fedora's, RHEL's and
 * Amazon's ("1.fc41"). Standing alone, only the RPM form names a distribution: an upstream commit may hold "deb" or
 * "build" ("4debf41", review 34c).
 */
const REVISION = /^(?:\d+(?:ubuntu|build|deb)\S*|\d[\w.]*\.(?:fc|el|amzn)\d+\S*|\S*[~+]deb\d+\S*)$/;
const RPM_REVISION = /^\d+(?:\.\d+)*\.(?:fc|el|amzn)\d+\S*$/;
/** "crio version 1.28.1". */
const CRIO = /^crio version (\d+\.\d+\.\d+[\w.+~-]*)$/;
/**
 * `runc --version`'s first line, alone on its line ("runc version 1.1.12"; its "commit:" and "spec:" lines
 * follow). No kubectl column shows runc, but the host's runc is what its runtime runs containers with. A distribution's
 * runc prints its own build: Ubuntu's the package version whole ("runc version 1.3.3-0ubuntu1~24.04.2", "1.1.12-0ubuntu3.1",
 * its `-ubuntu` revision), Debian's the repacked source ("runc version 1.1.5+ds1", "1.0.0~rc6+dfsg1", the package version
 * on its "commit:" line): read whole, so that the release's own ranges judge Ubuntu's build (componentChecks, ownBuild),
 * and upstream ranges judge a Debian build on its release, hedged as a distribution's build.
 */
// A development build ("1.1.0+dev", its commit "v1.1.0-383-gdf474535") is no release: it may hold any change made
// since, so it is not read, as docker info's git builds are not (review 34a: it was judged as 1.1.0, certainly).
// A package's revision after the release is a distribution's build too: Ubuntu's "-0ubuntu…", Debian's "-1+deb12u1",
// Microsoft's moby-runc "1.4.3-1" (review 65h F3: read only as a version named in passing), judged on its upstream release.
const RUNC = /^runc version (\d+\.\d+\.\d+(?:(?:-rc\.?\d+)?|(?:~rc\.?\d+)?(?:\+(?:ds|dfsg)\d*)|-(?!\d+-g[0-9a-f]{7,})\d[\w.~+]*))$/;
/**
 * `crun --version`'s first line, alone on its line ("crun version 1.17"; "commit:", "rundir:", "spec:" and its features
 * follow): crun numbers most releases with two parts ("crun version 0.17", "1.8"). The runtime podman and CRI-O run
 * containers with, as runc is Docker's (review 30b: it was read as a version the report names). A git build's longer
 * number is no release.
 */
export const CRUN_VERSION = /^\s*crun version (\d+\.\d+(?:\.\d+)?)\s*$/;
/**
 * `runc --version`'s last line, "libseccomp: 2.5.4": the libseccomp runc builds every container's seccomp filter with
 * (Docker's static runc carries its own), which decides whether the filter knows a syscall. slirp4netns, bypass4netns
 * and sysbox-runc print the same words about their own library, so bundle-sections.ts reads the line only inside
 * runc's block.
 */
const LIBSECCOMP = /^libseccomp: (\d+\.\d+\.\d+)$/;

export function parseKubeletVersion(line: string): string | null {
  return KUBELET.exec(line.trim())?.[1] ?? null;
}

/** The runtime as kubectl's CONTAINER-RUNTIME column names it (and runc, crun and runc's libseccomp, as "runc://", "crun://", "libseccomp://"), or null. */
export function parseRuntimeVersion(line: string): string | null {
  const t = line.trim();
  const containerd = CONTAINERD.exec(t);
  if (containerd?.[1]) {
    const build = containerd[2]?.startsWith(`${containerd[1]}-`) ? containerd[2] : containerd[1];
    return `containerd://${build}`;
  }
  const docker = DOCKER.exec(t);
  if (docker?.[1]) return `docker://${distroBuild(docker[1], docker[2] ?? "") ?? docker[1]}`;
  const crio = CRIO.exec(t)?.[1];
  if (crio) return `cri-o://${crio}`;
  const runc = RUNC.exec(t)?.[1];
  if (runc) return `runc://${runc}`;
  const crun = CRUN_VERSION.exec(t)?.[1];
  if (crun) return `crun://${crun}`;
  const libseccomp = LIBSECCOMP.exec(t)?.[1];
  return libseccomp ? `libseccomp://${libseccomp}` : null;
}

/**
 * A runtime as kubectl writes it, as [ecosystem, version]: "containerd://1.6.20" → ["containerd", "1.6.20"].
 * Only a version: kubectl shows "docker://Unknown" for a runtime it could not ask. Docker's "18.06.2-ce" names
 * the edition and k3s's "1.7.20-k3s1" its build, not a pre-release: read as SemVer they would sort before
 * 18.06.2 and 1.7.20. An ecosystem may hold digits ("k8s-dns-node-cache", tool-versions.ts).
 */
export function runtimeComponent(runtime: string | null | undefined): [ecosystem: string, version: string] | null {
  const m = runtime?.match(/^([a-z][a-z0-9-]*):\/\/v?(\d.*)$/);
  return m?.[1] && m[2] ? [m[1], withoutVendorBuild(m[1], m[2])] : null;
}

/**
 * The distribution's build a Docker build string names for `version` ("24.0.7-0ubuntu4.1" for 24.0.7; Fedora's
 * "1.fc41" for 27.3.1, written "27.3.1-1.fc41"), or null for upstream's git commit ("afdd53b").
 */
export function distroBuild(version: string, build: string): string | null {
  if (build.startsWith(`${version}-`)) return REVISION.test(build.slice(version.length + 1)) ? build : null;
  return RPM_REVISION.test(build) ? `${version}-${build}` : null;
}
