/**
 * From a kernel release string (plus, when known, `uname -v`, os-release and Ubuntu's version
 * signature) to the versions records are written against: the distro package and, where it can be
 * known, the upstream release. Each distro's rule lives in its own file; this one picks the rule.
 */
import type { KernelFacts, OsFacts } from "../types";
import { debianKernel, isDebianKernel } from "./debian-kernel";
import { isRpmKernel, rpmKernel, taglessRhelKernel } from "./rpm-kernel";
import { isSuseKernel, suseKernel } from "./suse-kernel";
import { isUbuntuKernel, ubuntuKernel, ubuntuMainline } from "./ubuntu-kernel";
import { machineOfRelease } from "./uname";

/**
 * Arch Linux: 6.11.6-arch1-1 (package linux 6.11.6.arch1-1), 6.6.59-1-lts (linux-lts 6.6.59-1) as `uname -r` prints
 * them, or the package version itself, as pacman prints it and users give it for their kernel ("Kernel version:
 * 6.11.5.arch1-1": review 62b F2).
 */
const ARCH = /^(\d+)\.(\d+)\.(\d+)(?:[-.](arch|zen|hardened)(\d+)-(\d+)(?:-(?:zen|hardened))?|-(\d+)-lts)$/;
/** A kernel.org release, perhaps with a local suffix: 6.6.58, 6.12.55+ (COS), 6.6.58-talos, 5.15.142-flatcar. */
const PLAIN = /^(\d+\.\d+\.\d+)(\+|-(talos|flatcar|coreos(?:-r\d+)?))?$/;
/** Image-based distributions that ship (lightly patched) upstream stable kernels. */
const IMAGE_DISTROS: Record<string, string> = {
  bottlerocket: "Bottlerocket",
  talos: "Talos",
  cos: "Container-Optimized OS",
  flatcar: "Flatcar",
  coreos: "Container Linux",
};

/**
 * VMware Photon OS: <version>-<release>.ph<N>[-<flavour>] ("4.19.84-1.ph3-esx"), package linux or
 * linux-<flavour> (esx, secure, rt, aws) of photon:N at version-release "4.19.84-1.ph3". Photon ships
 * upstream stable releases with its own patches.
 */
const PHOTON = /^((\d+\.\d+\.\d+)-\d+(?:\.\d+)*\.ph(\d+))(?:-(esx|secure|rt|aws|azure|generic))?$/;

const branchOf = (release: string): string | null => /^(\d+\.\d+)/.exec(release)?.[1] ?? null;

function archKernel(release: string): Partial<KernelFacts> | null {
  const m = ARCH.exec(release);
  if (!m) return null;
  const [, major, minor, patch, kind, kindRel, pkgrel, ltsRel] = m;
  const upstream = `${major}.${minor}.${patch}`;
  // Arch's pkgver drops a ".0" sublevel: kernel 6.11.0 is package 6.11.arch1.
  const pkgBase = patch === "0" ? `${major}.${minor}` : upstream;
  const isLts = ltsRel !== undefined;
  const name = isLts ? "linux-lts" : kind === "arch" ? "linux" : `linux-${kind}`;
  const version = isLts ? `${pkgBase}-${ltsRel}` : `${pkgBase}.${kind}${kindRel}-${pkgrel}`;
  return {
    distro: "arch",
    flavour: isLts ? "lts" : (kind ?? null),
    upstream,
    upstreamCertainty: "derived",
    package: {
      ecosystem: "arch",
      names: [name],
      version,
      scheme: "pacman",
      certainty: "exact",
      note: `Package ${name} ${version} read from ${release.includes(`.${kind}`) ? "its version" : "uname -r"}; Arch ships upstream stable releases with few patches.`,
    },
  };
}

/**
 * Alpine names its kernels like Arch's LTS ("6.6.54-0-lts"): its build ("#1-Alpine"), its os-release or a
 * package release of 0 (Arch's start at 1) tells them apart; another os-release (a container's) does not.
 */
const notArch = (release: string, build: string | null, os: OsFacts | null) =>
  (build !== null && /-Alpine\b/.test(build)) || os?.id === "alpine" || /-0-lts$/.test(release);

function photonKernel(release: string): Partial<KernelFacts> | null {
  const m = PHOTON.exec(release);
  if (!m) return null;
  const [, version = "", upstream = "", major = "", flavour] = m;
  const name = flavour ? `linux-${flavour}` : "linux";
  return {
    distro: "photon",
    flavour: flavour ?? null,
    upstream,
    upstreamCertainty: "derived",
    package: {
      ecosystem: `photon:${major}`,
      names: [name],
      version,
      scheme: "rpm",
      certainty: "exact",
      note: `Package ${name} ${version} of Photon OS ${major} read from uname -r; Photon patches the upstream ${upstream} it ships.`,
    },
  };
}

/** Builds that name their distribution in `uname -v`: "#1-NixOS SMP", "#1-Alpine SMP". */
const BUILD_DISTRO = /^#\d+-(NixOS|Alpine)\b/;

function plainKernel(release: string, build: string | null, os: OsFacts | null): Partial<KernelFacts> | null {
  const m = PLAIN.exec(release);
  if (!m?.[1]) return null;
  const suffix = m[3]?.replace(/-r\d+$/, "") ?? null;
  const distro = (os && IMAGE_DISTROS[os.id] ? os.id : null) ?? suffix ?? BUILD_DISTRO.exec(build ?? "")?.[1]?.toLowerCase() ?? null;
  // A bare kernel.org version with nothing else known is taken at its word; a distribution's build of
  // it (NixOS, OpenWrt, Gentoo: any os-release beside it) may carry patches, so the version is then
  // derived rather than exact.
  const exact = !distro && !m[2] && !os;
  return {
    distro,
    flavour: null,
    upstream: m[1],
    upstreamCertainty: exact ? "exact" : "derived",
    package: null,
  };
}

/**
 * A mainline release candidate built from kernel.org's tree: `uname -r` says "6.11.0-rc1" at the tag, "6.11.0-rc1+"
 * with changes on top, "6.11.0-rc6-00123-gabcdef012345" 123 commits past it (setlocalversion). Upstream it is
 * 6.11-rc1, before 6.11 itself. Derived, not exact, even at the tag: past it any commit up to the next candidate may
 * be in it (a fix merged for rc2), and few records range a merge window's candidates (a record whose change came in
 * through stable backports often has no mainline range at all), so an answer on a candidate is hedged.
 */
const CANDIDATE = /^(\d+\.\d+)(?:\.0)?-rc(\d+)(.*)$/;

function candidateKernel(release: string, os: OsFacts | null): Partial<KernelFacts> | null {
  const m = CANDIDATE.exec(release);
  if (!m) return null;
  const [, series, rc, rest] = m;
  return {
    distro: os && IMAGE_DISTROS[os.id] ? os.id : null,
    flavour: rest ? rest.replace(/^[-+]/, "") || "+" : null,
    upstream: `${series}-rc${rc}`,
    upstreamCertainty: "derived",
    package: null,
  };
}

/** Raspberry Pi OS puts the Debian package version in `uname -v`: "#1 SMP PREEMPT Debian 1:6.6.31-1+rpt1 (2024-05-29)". */
const RPI_BUILD = /\bDebian (?:\d+:)?(\d+\.\d+\.\d+)-[\w.~]*\+rpt\d*/;
/**
 * Other kernels built from Debian's source print its version there too (Kali's "Debian 6.1.20-2kali1",
 * SONiC's "6.1.0-11-2-arm64 … Debian 6.1.38-4"), some under their own name (Parrot's "6.1.0-1parrot1-amd64 … Parrot
 * 6.1.15-1parrot1": review 65a F1, judged as 6.1.0, "not affected" beside a 6.1.64 regression's symptom): the upstream
 * release under the ABI name's x.y.0, read where its series is the release's (buildRelease).
 */
const PACKAGE_BUILD = /\b[A-Z][A-Za-z]{2,15} (?:\d+:)?(\d+\.\d+)(\.\d+)-[\w.+~]+/g;
const RPI_RELEASE = /(?:\+rpt-rpi-|-rpi\d*-rpi-|-v[678]l?\+?$|-v8-16k\+?$|-v7l?\+?$|^\d+\.\d+\.\d+\+$)/;
/**
 * Android vendor kernels: "-perf-g<sha>", "-android<N>", or any release with `uname -a` ending in "Android". A bare
 * "-g<sha>" is any git-describe build (CONFIG_LOCALVERSION_AUTO: ChromeOS's, Steam Deck's, a custom one), a vendor's.
 */
const ANDROID_RELEASE = /-perf(?:[+-]|$)|-android\d+/;
/**
 * x.y.z, an optional fourth number, then the vendor's mark: after a dash, plus, underscore or tilde, a letter, or a dot
 * and a letter (the out-of-tree MPTCP kernel's "4.14.70.mptcp", review 63a F2: unread, every verdict unknown).
 */
const VENDOR = /^(\d+\.\d+\.\d+)(?:\.\d+)?((?:[-+_~a-z]|\.(?=[a-z])).*)?$/;
/** Alpine's flavours ("6.6.58-0-virt", "6.6.58-0-lts"; Arch's LTS, "-1-lts", is read before this). */
const ALPINE_RELEASE = /-\d+-(?:virt|lts|edge)$/;
/** Third-party kernels that name themselves in the release ("6.6.58-1-liquorix-amd64", "6.6.58-x64v3-xanmod1"). */
const OTHER_BUILDER = /-(liquorix|xanmod)/;

/**
 * Any other kernel.org-based vendor build (Android, Raspberry Pi, WSL, board vendors): judged on the
 * x.y.z it starts with, hedged, since the vendor may carry its own patches or miss stable fixes.
 */
function vendorKernel(release: string, build: string | null, os: OsFacts | null, platform: string | null): Partial<KernelFacts> | null {
  const m = VENDOR.exec(release);
  if (!m?.[1]) return null;
  const suffix = (m[2] ?? "").replace(/^[-+_~.]/, "");
  const rpiBuild = build ? RPI_BUILD.exec(build) : null;
  // The builder a build or a release names outranks an os-release, which may be a guest's or a container's.
  let distro: string | null =
    BUILD_DISTRO.exec(build ?? "")?.[1]?.toLowerCase() ??
    OTHER_BUILDER.exec(release)?.[1] ??
    (ALPINE_RELEASE.test(release) ? "alpine" : null) ??
    os?.id ??
    null;
  let upstream = m[1];
  if (platform === "Android" || ANDROID_RELEASE.test(release)) distro = "android";
  else if (rpiBuild?.[1]) {
    distro = "raspberrypi";
    // The Debian version in uname -v is the real upstream base ("6.1.0-rpi8-rpi-v8" is 6.1.73).
    upstream = rpiBuild[1];
  } else if (RPI_RELEASE.test(release) && (!os || os.id === "raspbian" || os.id === "debian")) distro = "raspberrypi";
  else if (/microsoft-standard/.test(release)) distro = "wsl";
  else if (/-pve$/.test(release)) {
    // Proxmox VE's kernels are Ubuntu's, built on a Debian userland (pve-kernel's ubuntu-kernel submodule).
    distro = "proxmox";
  } else {
    const packaged = build ? buildRelease(build, release) : undefined;
    if (packaged) upstream = packaged;
  }
  // An ABI name built from Debian's source ("6.1.0-rpi4-rpi-v8", "6.1.0-kali5-amd64") has x.y.0 where the release would be:
  // without the Debian version `uname -v` prints, the upstream release is not known (review 57e F4: 6.1.0-rpi4, built from
  // 6.1.54, was "not affected" as 6.1.0, before a 6.1.54 regression). So has a Proxmox kernel built from an Ubuntu series
  // that names its releases x.y.0 (the opt-in "6.11.0-2-pve", "6.14.0-2-pve"; pve-kernel's README: "We currently use the
  // Ubuntu kernel sources"), whose PMX build string names no sublevel either (review 62b F1: "not affected" as 6.11.0).
  const abiOnly = upstream === m[1] && ABI_NAMED.test(release);
  return {
    distro: distro ?? "vendor",
    flavour: suffix || null,
    upstream: abiOnly ? null : upstream,
    upstreamCertainty: abiOnly ? "unknown" : "derived",
    package: null,
    ...(abiOnly ? { seriesOnly: true as const } : {}),
  };
}
/**
 * An ABI name of a series: x.y.0, then Debian's shape of an ABI (a number, the builder's word and its number, then the
 * flavour: "1parrot1-amd64", review 65a F1), Raspberry Pi OS's and Kali's ("rpi4-rpi-v8", "kali5-amd64"), or Proxmox's
 * "2-pve". Not any word and number: PREEMPT_RT's "6.0.0-rt11" or a board's "6.6.0-sunxi64" is x.y.0 (review 65i F3).
 */
const ABI_NAMED = /^\d+\.\d+\.0-(?:rpi\d+-rpi-|kali\d+-|\d+[a-z]+\d+-[a-z]|\d+-pve$)/;

/**
 * The upstream release a package build in `uname -v` names ("Debian 6.1.20-2kali1", "Parrot 6.1.15-1parrot1"), where its
 * series is the release's own: a build of another series is no reading of this kernel.
 */
function buildRelease(build: string, release: string): string | undefined {
  const series = /^\d+\.\d+/.exec(release)?.[0];
  for (const m of build.matchAll(PACKAGE_BUILD)) if (m[1] === series) return `${m[1]}${m[2]}`;
  return undefined;
}

/**
 * Debian's packaging with an ABI name in place of the sublevel: its own unreleased builds ("6.12+unreleased-amd64") and
 * derivatives' ("6.11+parrot-amd64"). The release names only the series; the upstream release is the package version
 * `uname -v` prints ("Debian 6.11.5-1parrot1"), where it has the release's series (review 65a F2).
 */
const SERIES_ABI = /^\d+\.\d+\+([a-z][a-z\d]*-[\w.+~-]+)$/;

function seriesAbiKernel(release: string, build: string | null, os: OsFacts | null): Partial<KernelFacts> | null {
  const m = SERIES_ABI.exec(release);
  if (!m) return null;
  const upstream = build ? buildRelease(build, release) : undefined;
  return {
    distro: os?.id ?? "vendor",
    flavour: m[1] ?? null,
    upstream: upstream ?? null,
    upstreamCertainty: upstream ? "derived" : "unknown",
    package: null,
    ...(upstream ? {} : { seriesOnly: true as const }),
  };
}

/**
 * No Linux kernel at all, only its system calls served by something else, which prints a fixed release: gVisor's Sentry
 * ("Linux runsc 4.4.0 #1 SMP Sun Jan 10 15:06:54 PST 2016", whatever the host runs) and WSL 1's translation layer
 * ("4.4.0-19041-Microsoft", the Windows build number in place of an ABI). No kernel range speaks of them.
 */
const GVISOR_BUILD = "#1 SMP Sun Jan 10 15:06:54 PST 2016";
const WSL1 = /^4\.4\.0-\d+-Microsoft$/;
function emulatedKernel(release: string, build: string | null): Partial<KernelFacts> | null {
  const layer = WSL1.test(release) ? "WSL 1" : build?.startsWith(GVISOR_BUILD) ? "gVisor" : null;
  return layer ? { distro: null, flavour: null, upstream: null, upstreamCertainty: "unknown", package: null, emulatedBy: layer } : null;
}

/**
 * Facts about one kernel. `build` is `uname -v` (or the build part of `uname -a` or /proc/version);
 * `versionSignature` is the line of Ubuntu's /proc/version_signature.
 */
export function kernelFacts(
  release: string,
  build?: string | null,
  os?: OsFacts | null,
  versionSignature?: string | null,
  platform?: string | null,
): KernelFacts {
  const r = release.trim();
  const b = build?.trim() || null;
  const o = os ?? null;
  const base: KernelFacts = {
    release: r,
    build: b,
    upstream: null,
    upstreamCertainty: "unknown",
    branch: branchOf(r),
    flavour: null,
    distro: null,
    package: null,
    machine: machineOfRelease(r),
  };
  let specific: Partial<KernelFacts> | null = null;
  const stand = emulatedKernel(r, b);
  if (stand) specific = stand;
  else if (isRpmKernel(r)) specific = rpmKernel(r, o);
  else if (ARCH.test(r) && !notArch(r, b, o)) specific = archKernel(r);
  else if (PHOTON.test(r)) specific = photonKernel(r);
  else if (isSuseKernel(r, o)) specific = suseKernel(r, b, o);
  else if (ubuntuMainline(r) || isUbuntuKernel(r, b, o)) specific = ubuntuKernel(r, b, o, versionSignature ?? null);
  else if (isDebianKernel(r, b, o)) specific = debianKernel(r, b, o);
  else if (platform === "Android") specific = vendorKernel(r, b, o, platform);
  else
    specific =
      taglessRhelKernel(r, o) ??
      plainKernel(r, b, o) ??
      candidateKernel(r, o) ??
      seriesAbiKernel(r, b, o) ??
      vendorKernel(r, b, o, platform ?? null);
  return { ...base, ...(specific ?? { distro: o?.id ?? null }) };
}
