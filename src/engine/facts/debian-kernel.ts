/**
 * Debian kernels. `uname -r` carries an ABI name, not a version ("6.1.0-18-amd64"); the package
 * version ("6.1.76-1") is printed by `uname -v` ("#1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)").
 * https://kernel-handbook.debian.net/ch-versions.html. Since trixie the ABI name carries the upstream
 * version itself: "6.12.63+deb13-amd64".
 */
import type { KernelFacts, OsFacts } from "../types";
import { DEBIAN_ABI_UPLOADS } from "./debian-abi-uploads";
import { upstreamOf } from "./package-lists";

const FLAVOUR =
  "((?:cloud-|rt-)?(?:amd64|arm64)|686(?:-pae)?|armmp(?:-lpae)?|powerpc64le|s390x|marvell|rpi|loong64|riscv64|mips(?:32|64)r2(?:el)?|mips64r6(?:el)?|loongson-3|octeon|[45]kc-malta)";
/** 6.1.0-18-amd64, 6.1.0-0.deb11.17-amd64 (a newer kernel for an older release), 5.14.0-0.bpo.2-amd64 */
const ABI_RELEASE = new RegExp(`^(\\d+\\.\\d+)\\.(\\d+)-(\\d+|0\\.deb(\\d+)\\.\\d+|0\\.bpo\\.\\d+)-${FLAVOUR}$`);
/** 6.12.63+deb13-amd64 */
const VERSIONED_RELEASE = new RegExp(`^((\\d+\\.\\d+)\\.\\d+)\\+(?:deb(\\d+)|bpo)[\\w.]*-${FLAVOUR}$`);
/**
 * 6.11.10-amd64: testing and unstable from 6.11 until trixie's "+deb13" named the version and a flavour only. Debian's
 * only where `uname -v` prints that version as Debian's (review 65a F3: read as an unnamed vendor's): a board's
 * "6.6.58-arm64" built elsewhere is not.
 */
const FLAVOURED_RELEASE = new RegExp(`^((\\d+\\.\\d+)\\.\\d+)-${FLAVOUR}$`);
const BUILD_VERSION = /\bDebian (\d+\.\d+(?:\.\d+)?-[\w.+~]+)/;

/** Where a Debian kernel's package version is printed, when `uname -r` gave only its ABI name. */
const VERSION_FROM = "`uname -v` (\"#1 SMP … Debian 6.1.76-1 (2024-02-01)\") or `dpkg -l 'linux-image-*'` prints it";
/** The kernel branch each Debian release shipped with. */
export const GA_RELEASE: Record<string, string> = { "3.16": "8", "4.9": "9", "4.19": "10", "5.10": "11", "6.1": "12", "6.12": "13" };

/** A flavoured release whose build names Debian's package of the same upstream version. */
function flavouredByDebian(release: string, build: string | null): RegExpExecArray | null {
  const m = FLAVOURED_RELEASE.exec(release);
  const packageVersion = build ? BUILD_VERSION.exec(build)?.[1] : undefined;
  return m && packageVersion && upstreamOf(packageVersion) === m[1] ? m : null;
}

export function isDebianKernel(release: string, build: string | null, os: OsFacts | null): boolean {
  if (flavouredByDebian(release, build)) return true;
  if (!ABI_RELEASE.test(release) && !VERSIONED_RELEASE.test(release)) return false;
  if (build && BUILD_VERSION.test(build)) return true;
  // The flavour patterns above are Debian's own names, so the release alone is enough.
  return os === null || os.id === "debian" || os.idLike.includes("debian");
}

export function debianKernel(release: string, build: string | null, os: OsFacts | null): Partial<KernelFacts> | null {
  const abi = ABI_RELEASE.exec(release);
  const versioned = abi ? null : VERSIONED_RELEASE.exec(release);
  const flavoured = abi || versioned ? null : flavouredByDebian(release, build);
  if (!abi && !versioned && !flavoured) return null;
  const branch = (abi?.[1] ?? versioned?.[2] ?? flavoured?.[2]) || "";
  const flavour = abi?.[5] ?? versioned?.[4] ?? flavoured?.[3] ?? null;
  const packageVersion = build ? (BUILD_VERSION.exec(build)?.[1] ?? null) : null;
  const notes: string[] = [];

  // A backport or an LTS update names the release it was built for: "deb11" in the ABI, "~bpo11+1"
  // or "~deb11u1" in the package version.
  // A plain ABI name ("5.10.0-11-amd64") on a release's own branch is that release's kernel (review 32c: bullseye's
  // 5.10 beside bookworm's os-release, an upgrade not yet rebooted into).
  const plain = abi !== null && /^\d+$/.test(abi[3] ?? "");
  const builtFor =
    abi?.[4] ?? versioned?.[3] ?? /~(?:bpo|deb)(\d+)/.exec(packageVersion ?? "")?.[1] ?? (plain ? (GA_RELEASE[branch] ?? null) : null);
  let series: string | null = null;
  const named = os?.id === "debian" && os.versionId ? (os.versionId.split(".")[0] ?? null) : null;
  // The build's own release outranks an os-release naming another (an upgrade not yet rebooted into, a container's).
  if (named && (!builtFor || builtFor === named)) {
    series = named;
  } else if (builtFor) {
    series = builtFor;
    const from =
      plain && !/~(?:bpo|deb)\d/.test(packageVersion ?? "")
        ? `the ABI name (${branch} is Debian ${series}'s own kernel)`
        : "the kernel's ABI name or package version";
    notes.push(`Debian ${series} read from ${from}${named ? `, though the os-release names ${named}` : ""}`);
  } else if (GA_RELEASE[branch]) {
    series = GA_RELEASE[branch] ?? null;
    notes.push(`Debian ${series} inferred: no Debian os-release, and ${branch} is the kernel that Debian ${series} shipped with`);
  }

  // On a release that shipped another branch, a security update comes as source package linux-<branch>
  // (~debNNu1) and a backport as linux (~bpoNN+1); without the package version both are possible.
  let names = ["linux"];
  if (series && GA_RELEASE[branch] !== series) {
    if (/~bpo/.test(packageVersion ?? "")) names = ["linux"];
    else if (/~deb\d+u/.test(packageVersion ?? "")) names = [`linux-${branch}`];
    else names = [`linux-${branch}`, "linux"];
  }

  // The release's own kernel under an ABI name: its changelog says which uploads built that name.
  const own = plain && !packageVersion && series !== null && GA_RELEASE[branch] === series;
  const uploads = own ? DEBIAN_ABI_UPLOADS[branch]?.[Number(abi?.[3])] : undefined;
  const uploadsUpstream = uploads && new Set(uploads.map(upstreamOf)).size === 1 ? upstreamOf(uploads[0]) : null;
  const upstream = packageVersion ? upstreamOf(packageVersion) : (versioned?.[1] ?? uploadsUpstream);
  if (packageVersion) notes.push(`package version ${packageVersion} read from uname -v`);
  else if (uploads)
    notes.push(
      `package version ${uploads.join(" or ")}: the uploads Debian's changelog lists under ABI ${abi?.[3]} (uname -v prints which)`,
    );
  else notes.push('package version unknown: uname -v ("#1 SMP ... Debian 6.1.76-1 ...") carries it');
  notes.push(`source package ${names.join(" or ")}`);

  return {
    distro: "debian",
    flavour,
    upstream,
    upstreamCertainty: upstream ? "derived" : "unknown",
    package: {
      ecosystem: series ? `debian:${series}` : null,
      names,
      version: packageVersion ?? "",
      scheme: "dpkg",
      certainty: packageVersion ? "exact" : "unknown",
      note: `${notes.join("; ")}.`,
      ...(packageVersion ? {} : { versionFrom: VERSION_FROM }),
      ...(uploads ? { uploads } : {}),
    },
  };
}
