import type { VersionScheme } from "../types";
import { compareComponentVersion } from "./component-version";
import { compareDpkg } from "./dpkg-version";
import { compareKernel } from "./kernel-version";
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
 * Orders a and b in the given scheme: negative, zero or positive (always -1, 0 or 1).
 * Throws a RangeError for a string the "linux" scheme cannot read; the other schemes order anything.
 */
export function compareVersions(scheme: VersionScheme, a: string, b: string): number {
  return COMPARATORS[scheme](a, b);
}
