/**
 * A distribution release a report names in passing ("on a fresh Ubuntu 24.04 host", "CentOS 7.9",
 * "RHEL8", "Debian GNU/Linux 12", "Amazon Linux 2023"), as the ecosystem key records use. Weaker than
 * an os-release: the person may name the release they meant to run, so it is only ever hedged (see
 * verdict.ts, releaseChecks); of a kernel's package it decides only which release's, where the `uname -r` fits
 * several (named-release-choice.ts), hedged too.
 */
import type { LineRef } from "./iptables-version";
import { UBUNTU_FLAVOUR_RELEASE, UBUNTU_FLAVOURS } from "./os-release";

/** Each family: the ecosystem's prefix and the words that name it, then its release. */
const FAMILIES: ReadonlyArray<[prefix: string, names: string, release: string]> = [
  ["ubuntu", "Ubuntu(?: Server| Desktop)?", "(\\d{2}\\.\\d{2})(?:\\.\\d+)?"],
  ["ubuntu", UBUNTU_FLAVOURS, `(${UBUNTU_FLAVOUR_RELEASE})(?:\\.\\d+)?`],
  ["debian", "Debian(?: GNU/Linux)?", "(\\d{1,2})(?:\\.\\d+)?"],
  [
    "rhel",
    "RHEL|Red Hat Enterprise Linux(?: Server)?|CentOS(?: Linux| Stream)?|Rocky(?: Linux)?|Alma ?Linux|Oracle Linux(?: Server)?",
    "(\\d{1,2})(?:\\.\\d+)*",
  ],
  ["fedora", "Fedora(?: Linux| Server| Workstation| CoreOS)?", "(\\d{2})"],
  ["amzn", "Amazon Linux", "(2023|2)(?:\\.\\d+)*"],
];

/**
 * A release followed by another release ("Ubuntu 22.04 and 24.04", "CentOS 7/8", "Debian 11 -> 12") is
 * not the one host's: the list or the upgrade names several. Nor is an image's name: a tag after a
 * colon ("centos:centos7") or a repository before a slash ("rhel7/rhel-tools"). A sentence's full stop after it ends
 * nothing ("after I upgraded to Ubuntu 24.04.": review 61f L1).
 */
const NOT_A_LIST = "(?![\\w/]|\\.[\\w/]|\\s*(?:[,/&]|->|→|\\band\\b|\\bor\\b|\\bto\\b)\\s*v?\\d)";

const NAMED_RELEASES = FAMILIES.map(
  ([prefix, names, release]) => [prefix, new RegExp(`(?<![\\w/.:-])(?:${names}) ?v?${release}${NOT_A_LIST}`, "gi")] as const,
);

/**
 * Literals a line naming a release holds, lower-case, for the one-pass matcher: a family's name and
 * the space before its number, so that a name alone (an apt source, a package suffix) is not a candidate.
 */
export const NAMED_RELEASE_MARKERS = [
  ...["ubuntu ", "debian ", "rhel", "red hat enterprise linux ", "centos", "rocky", "almalinux", "alma linux "],
  ...["oracle linux ", "fedora ", "amazon linux "],
];

/** The one distribution release the candidate lines name, or null when they name none or several. */
export function pickNamedRelease(candidates: readonly LineRef[]): string | null {
  const found = namedReleases(candidates);
  return found.size === 1 ? ([...found][0] as string) : null;
}

/**
 * The one distribution the candidate lines name, whatever its releases ("upgraded from Ubuntu 20.04 to Ubuntu 24.04":
 * Ubuntu, release undecided), or null when they name none or several (review 61f L1).
 */
export function pickNamedDistribution(candidates: readonly LineRef[]): string | null {
  const families = new Set([...namedReleases(candidates)].map((r) => r.split(":")[0] as string));
  return families.size === 1 ? ([...families][0] as string) : null;
}

function namedReleases(candidates: readonly LineRef[]): Set<string> {
  const found = new Set<string>();
  for (const { text } of candidates) {
    for (const [prefix, re] of NAMED_RELEASES) {
      for (const m of text.matchAll(re)) found.add(`${prefix}:${m[1]}`);
    }
  }
  return found;
}
