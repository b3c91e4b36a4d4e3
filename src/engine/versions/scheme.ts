import type { VersionScheme } from "../types";
import { compareComponentVersion } from "./component-version";
import { compareDpkg } from "./dpkg-version";
import { compareKernel, parseKernelVersion } from "./kernel-version";
import { comparePacman } from "./pacman-version";
import { isRepositoryEcosystem } from "./repositories";
import { compareRpmEvr } from "./rpm-version";

const DPKG_DISTROS = new Set(["ubuntu", "debian"]);
const RPM_DISTROS = new Set(["rhel", "centos", "rocky", "almalinux", "fedora", "amzn", "ol"]);

/**
 * Which ordering an ecosystem key from the knowledge base uses: "linux" (upstream kernel),
 * "ubuntu:22.04" / "debian:12" (dpkg), "rhel:9", "amzn:2023", ... (rpm), "arch" (pacman), a package repository's
 * ("download.docker.com:deb", as its packages' format orders them); any other key is a userland component ordered
 * like SemVer.
 */
export function schemeForEcosystem(ecosystem: string): VersionScheme {
  const key = ecosystem.trim().toLowerCase();
  if (key === "linux") return "linux";
  if (isRepositoryEcosystem(key)) return "dpkg";
  const distro = key.split(":")[0] ?? key;
  if (DPKG_DISTROS.has(distro)) return "dpkg";
  if (RPM_DISTROS.has(distro)) return "rpm";
  if (distro === "arch") return "pacman";
  return "semver";
}

const COMPARATORS: Record<VersionScheme, (a: string, b: string) => -1 | 0 | 1> = {
  linux: compareKernel,
  dpkg: compareDpkg,
  rpm: compareRpmEvr,
  pacman: comparePacman,
  semver: compareComponentVersion,
};

/**
 * How a version is written in each scheme, as far as the orderings read it: a kernel release, a Debian or RPM
 * version (an optional epoch, then a digit), Arch's pkgver-pkgrel, a component's dotted numbers with a pre-release or
 * build suffix. The dpkg, rpm and semver orderings order any text, so a range end written otherwise ("runc-1.2.1",
 * "1.2.l") would sort somewhere and silently place versions inside the range (review 34b).
 */
const WELL_FORMED: Record<Exclude<VersionScheme, "linux">, RegExp> = {
  dpkg: /^(?:\d+:)?\d[A-Za-z0-9.+~-]*$/,
  rpm: /^(?:\d+:)?\d[A-Za-z0-9._+~^-]*$/,
  pacman: /^(?:\d+:)?\d[A-Za-z0-9._+~]*(?:-\d+(?:\.\d+)?)?$/,
  semver: /^v?\d+(?:\.\d+)*(?:-[0-9A-Za-z.~-]+)?(?:\+[0-9A-Za-z.-]+)?$/,
};

/** Whether `text` is a version the scheme's ordering reads as one (see WELL_FORMED). */
export function isWellFormedVersion(scheme: VersionScheme, text: string): boolean {
  return scheme === "linux" ? parseKernelVersion(text) !== null : WELL_FORMED[scheme].test(text);
}

/**
 * Orders a and b in the given scheme: negative, zero or positive (always -1, 0 or 1).
 * Throws a RangeError for a string the "linux" scheme cannot read; the other schemes order anything.
 */
export function compareVersions(scheme: VersionScheme, a: string, b: string): number {
  return COMPARATORS[scheme](a, b);
}
