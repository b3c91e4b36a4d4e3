/**
 * Installed packages as a package manager lists them: `dpkg -l` rows ("ii  libseccomp2:s390x
 * 2.4.1-2~bpo10+1  s390x  …"), `dpkg-query -W` rows ("libseccomp2:armhf\t2.3.3-4"), `rpm -qa`
 * names ("containerd.io-1.4.6-3.1.el7.x86_64"), `yum`/`dnf list installed` rows
 * ("containerd.io.x86_64   1.6.9-3.1.el7   @docker-ce-stable") and `apt list --installed` rows
 * ("containerd.io/jammy,now 1.7.24-1 amd64 [installed]"). Each names the
 * upstream version its package builds on; a distribution may carry its own patches on top, so these
 * count as versions named in passing (hedged; a listing's "not affected" stays unknown), not as the host's `--version`.
 */
import { LISTED_PACKAGES, listedEcosystem } from "./component-packages";

/** The record ecosystems a listing names a version of. */
export const LISTED_ECOSYSTEMS: readonly string[] = [...new Set(LISTED_PACKAGES.map((name) => listedEcosystem(name) as string))];

/** A `dpkg -l` row: its state ("ii" installed, "hi" held, "rc" removed, ...), name (with its architecture), version. */
const DPKG_ROW = /^\s*([uihrp][nicuUfFhHWt]R?)\s+([a-z0-9][a-z0-9.+-]*)(?::[a-z0-9]+)?\s+(?:\d+:)?(\d+\.\d+(?:\.\d+)?)/;
/**
 * A `dpkg-query -W` row: the name (with its architecture), a tab (spaces once copied) and the version,
 * nothing else. Like `dpkg -l`, dpkg-query also lists removed packages whose configuration files remain,
 * with their last version, and its default output has no state column to tell them apart: such a row
 * is as weak as any version named in passing.
 */
const DPKG_QUERY_ROW = /^\s*([a-z0-9][a-z0-9.+-]*)(?::[a-z0-9]+)?[\t ]+(?:\d+:)?(\d+\.\d+(?:\.\d+)?)[\w.+~:-]*\s*$/;
/** Only an installed (or held) package names the version that runs. */
const INSTALLED = /^[ih]i$/;
/**
 * An `rpm -qa` name (name-version-release.arch) as rpm prints it, at the line's start: dnf's indented
 * "Removed:" and "Upgraded:" blocks list packages that are no longer, or not yet, the installed ones.
 */
// A release may hold "+": RHEL 8's module builds ("runc-1.1.3-2.module+el8.6.0+16771+28dfca77.x86_64", review 31b). Docker CE
// 17.03 to 18.06 put the edition after the version ("docker-ce-18.06.1.ce-3.el7.x86_64", review 35a).
const RPM_NAME =
  /^([a-z0-9][a-z0-9.+-]*?)-(?:\d+:)?(\d+\.\d+(?:\.\d+)?)(?:\.ce)?(?:[~^][\w.]+)?-[\w.~^+]+\.(?:x86_64|aarch64|noarch|s390x|ppc64le|armv7hl|i686)\s*$/;

/**
 * A `yum list` / `dnf list` row: name.arch, version-release (epoch kept apart), and the repository it came
 * from. Only an installed package's repository is "@repo" (or "installed"): `yum list available` and
 * `--showduplicates` name the same packages from repositories without the "@", versions not installed.
 */
const YUM_ROW =
  /^([a-z0-9][a-z0-9.+-]*?)\.(?:x86_64|aarch64|noarch|s390x|ppc64le|armv7hl|i686)\s+((?:\d+:)?(\d+\.\d+(?:\.\d+)?)[\w.~^]*-[\w.~^+]+)\s+(?:@\S+|installed)\s*$/;

/**
 * An `apt list --installed` row: name/suites,now version architecture [installed(,automatic|,upgradable to: …)]. Only an
 * installed one: `apt list` without the flag (and `--upgradable`) lists versions a repository offers.
 */
const APT_LIST_ROW = /^([a-z0-9][a-z0-9.+-]*)\/\S+\s+((?:\d+:)?(\d+\.\d+(?:\.\d+)?)[\w.+~:-]*)\s+[a-z0-9]+\s+\[installed\b[^\]]*\]\s*$/;
/**
 * An `apt list --upgradable` row: the repository's newer version first, the installed one in "[upgradable from: …]"
 * (review 47a F4: the row was refused whole, its offer rightly, but the installed version it names with it too).
 */
const APT_UPGRADABLE_ROW =
  /^([a-z0-9][a-z0-9.+-]*)\/\S+\s+\S+\s+[a-z0-9]+\s+\[upgradable from: ((?:\d+:)?(\d+\.\d+(?:\.\d+)?)[\w.+~:-]*)\]\s*$/;

/** Debian's release architectures, as dpkg qualifies a package name with one ("libseccomp2:armhf"). */
const DEBIAN_ARCHITECTURES = ["amd64", "arm64", "armhf", "armel", "i386", "ppc64el", "s390x", "mips64el", "riscv64"];

/**
 * Literals a listing's line holds, for the one-pass matcher: a dpkg state column, an rpm architecture,
 * `apt-cache policy`'s "Installed:" line.
 */
export const PACKAGE_LIST_MARKERS = [
  ...["ii  ", "hi  ", ".x86_64", ".aarch64", ".noarch", ".s390x", ".ppc64le", "installed: ", " [installed", " [upgradable from: "],
  // `dpkg -s`'s, `rpm -qi`'s and `yum info`'s name lines, `apk info -v`'s release suffix, `snap list`'s channel.
  ...[
    "package: ",
    // dnf 5 pads its field names wider (review 46b F11).
    ...[8, 9, 10, 11, 12].map((n) => `name${" ".repeat(n)}:`),
    ...[..."0123456789"].map((d) => `-r${d}`),
    "/stable ",
    "/candidate ",
    "/beta ",
    "/edge ",
    // `zypper se -s`'s table rows and `apk policy`'s installed source (placedBuild); dnf 5's rows carry their architecture.
    "| package ",
    "lib/apk/db/installed",
  ],
  // dpkg's own lines as apt runs it, for the packages a record names only (every package of an upgrade gets them).
  ...LISTED_PACKAGES.flatMap((name) => [`unpacking ${name} `, `unpacking ${name}:`, `setting up ${name} `, `setting up ${name}:`]),
];

/**
 * Literals of a `dpkg-query -W` row: a package's name, then its architecture or the tab (two spaces
 * once copied). Not the bare "name:", which syslog writes before every message of a daemon. Lines they
 * mark are read as such rows only (dpkgQueryRow), never as prose: "containerd   1.6.21   0a1b…" is a table.
 */
export const PACKAGE_ROW_MARKERS = LISTED_PACKAGES.flatMap((name) => [
  ...DEBIAN_ARCHITECTURES.map((arch) => `${name}:${arch}`),
  `${name}\t`,
  `${name}  `,
]);

/** `apt-cache policy docker-ce`: the package's name alone on a line, then "  Installed: 5:26.0.0-1~ubuntu.22.04~jammy". */
const APT_POLICY_HEADER = /^([a-z0-9][a-z0-9.+-]*)(?::[a-z0-9]+)?:\s*$/;
const APT_POLICY_INSTALLED = /^\s+Installed:\s+(?:\d+:)?(\d+\.\d+(?:\.\d+)?)[\w.+~:-]*\s*$/;

/** The same line with the whole version, epoch and revision kept, as a distribution's package ranges give it. */
const APT_POLICY_INSTALLED_BUILD = /^\s+Installed:\s+((?:\d+:)?\d+\.\d+[\w.+~:-]*)\s*$/;

/**
 * The record ecosystem and upstream version an `apt-cache policy` block names as installed, from its
 * "Installed:" line and the package header on the line before (`lineBefore`); "(none)" names nothing.
 */
export function aptPolicyPackage(line: string, lineBefore: () => string): [ecosystem: string, version: string] | null {
  const version = line.length <= MAX_ROW ? APT_POLICY_INSTALLED.exec(line)?.[1] : undefined;
  const name = version ? aptPolicyName(lineBefore()) : undefined;
  const ecosystem = name ? listedEcosystem(name) : undefined;
  return ecosystem && version ? [ecosystem, reallyUpstream(line, version)] : null;
}

/**
 * The package and its whole installed build an `apt-cache policy` block names (review 46a F4: only its upstream version
 * was read, so a record's ranges over Ubuntu's or Docker's builds never applied, and the upstream range answered for a
 * build the record ranges apart), as listedBuild reads a `dpkg -l` row.
 */
export function aptPolicyBuild(line: string, lineBefore: () => string): [name: string, version: string] | null {
  const version = line.length <= MAX_ROW ? APT_POLICY_INSTALLED_BUILD.exec(line)?.[1] : undefined;
  const name = version ? aptPolicyName(lineBefore()) : undefined;
  return name && version && listedEcosystem(name) ? [name, version] : null;
}

const aptPolicyName = (header: string) => (header.length <= MAX_ROW ? APT_POLICY_HEADER.exec(header)?.[1] : undefined);

const MAX_ROW = 300;

/**
 * An installed package's block as `dpkg -s` ("Package: iptables", "Status: install ok installed", "Version: 1.8.2-4"),
 * `rpm -qi` and `yum info`/`dnf info` ("Name        : containerd.io", "Version     : 1.6.3", "Release     : 3.1.el8")
 * print it, read from its name line (review 46a F6: none of them was read). Not `apt-cache show` (no Status: it lists
 * what a repository offers), a dpkg block of a removed package ("deinstall ok config-files"), nor `yum info`'s
 * "Available Packages".
 */
const BLOCK_NAME = /^(Package|Name)\s*:\s+([a-z0-9][a-z0-9.+-]*)\s*$/;
const BLOCK_FIELD = /^(Version|Release|Epoch|Status|Installed)\s*:\s+(\S.*?)\s*$/;
const YUM_SECTION = /^(Installed|Available|Extra|Upgraded|Obsoleting) Packages\s*$/i;
/** Lines read after the name line: `dpkg -s` prints Version eight lines below Package, a blank line ends a block. */
const BLOCK_LINES = 14;
/**
 * Lines walked up from a `yum info` block to its section's header, past the blocks of the packages before it (review
 * 46b F5: six of Docker's packages put containerd.io's block ~70 lines under "Available Packages").
 */
const SECTION_REACH = 1000;

/** The package and its whole installed build a package block names, from its name line (1-based `line`), or null. */
export function blockBuild(text: string, line: number, lineAt: (line: number) => string): [name: string, version: string] | null {
  const head = text.length <= MAX_ROW ? BLOCK_NAME.exec(text) : null;
  const name = head?.[2];
  if (!head || !name || !listedEcosystem(name)) return null;
  const fields = new Map<string, string>();
  for (let n = line + 1; n <= line + BLOCK_LINES; n++) {
    const next = lineAt(n);
    if (!next.trim() || BLOCK_NAME.test(next)) break;
    const m = next.length <= MAX_ROW ? BLOCK_FIELD.exec(next) : null;
    if (m) fields.set(m[1] as string, m[2] as string);
  }
  // zypper info describes the best available package: "Installed : No" or "Status : not installed" names none installed
  // (review 46b a45), "Status : out-of-date (version 1.6.2-150000.69.1 installed)" the one that is (46c F9).
  const status = fields.get("Status") ?? "";
  const outdated = ZYPPER_OUTDATED.exec(status)?.[1];
  const version = outdated ?? fields.get("Version");
  if (!version || /^no$/i.test(fields.get("Installed") ?? "") || /\bnot installed\b/i.test(status)) return null;
  if (outdated) return [name, outdated];
  if (head[1] === "Package") return INSTALLED_STATUS.test(status) ? [name, version] : null;
  // Up to the section's header, or to the command that printed the blocks (`rpm -qi` prints no section).
  for (let n = line - 1; n >= Math.max(1, line - SECTION_REACH); n--) {
    const above = lineAt(n).trim();
    const section = YUM_SECTION.exec(above)?.[1];
    if (section) {
      if (section.toLowerCase() !== "installed") return null;
      break;
    }
    if (PACKAGE_COMMAND.test(above)) break;
  }
  const release = fields.get("Release");
  const epoch = fields.get("Epoch");
  return [name, `${epoch && epoch !== "0" && epoch !== "(none)" ? `${epoch}:` : ""}${version}${release ? `-${release}` : ""}`];
}
const INSTALLED_STATUS = /^install ok installed$|^hold ok installed$/;
const ZYPPER_OUTDATED = /^out-of-date \(version (\S+) installed\)/;
/** A package manager's command line (with or without a prompt), where a walk up its output stops. */
const PACKAGE_COMMAND = /(?:^|[\s$#%>])(?:sudo\s+)?(?:rpm|yum|dnf|microdnf|zypper|apk|dpkg|dpkg-query|apt|apt-get|apt-cache)\s+-?\w/;

/**
 * A distribution's spelling of an upstream pre-release right after its release number ("1.0.0~rc10-0ubuntu1",
 * "1.7.0~rc.1-1", "1.0.0~rc93+ds1-5+b2"): the pre-release upstream tagged, which sorts before the release (review 66h F3:
 * Ubuntu's runc 1.0.0~rc10 was read as 1.0.0, past a fix in 1.0.0-rc93, "not affected").
 */
const PRE_RELEASE = /^~((?:rc|alpha|beta|pre|dev)[\w.]*?)(?=[-+~]|$)/i;
/** The version with a pre-release a package build spells after `at` in `whole`, in the upstream form ("1.0.0-rc10"). */
const withPreRelease = (version: string, whole: string, at: number): string => {
  const pre = PRE_RELEASE.exec(whole.slice(at))?.[1];
  return pre ? `${version}-${pre}` : version;
};

/** The upstream release a package's whole version builds on ("5:24.0.7-1~ubuntu.22.04~jammy" → 24.0.7), or null. */
export const upstreamOf = (version: string | undefined): string | null => {
  const m = version ? /^(?:\d+:)?(\d+\.\d+(?:\.\d+)?)/.exec(version) : null;
  return m?.[1] && version ? withPreRelease(m[1], version, m[0].length) : null;
};

/** The record ecosystem and upstream version a package block names, or null. */
export function blockPackage(text: string, line: number, lineAt: (line: number) => string): [ecosystem: string, version: string] | null {
  return packageOfBuild(blockBuild(text, line, lineAt), false);
}

/** The record ecosystem and upstream release of a package's whole build, or null (`dockerIsUpstream`: componentPackage's). */
function packageOfBuild(
  build: [name: string, version: string] | null,
  dockerIsUpstream: boolean,
): [ecosystem: string, version: string] | null {
  const upstream = upstreamOf(build?.[1]);
  const ecosystem = build ? listedEcosystem(build[0], dockerIsUpstream) : undefined;
  return ecosystem && upstream ? [ecosystem, reallyUpstream(build?.[1] ?? "", upstream)] : null;
}

/**
 * Listings whose row says it is installed only by where it stands (review 46c F11, 47a): dnf 5's `dnf list --installed`
 * ("containerd.io.x86_64  1.6.3-3.1.fc36  docker-ce-stable", no "@" before the repository as dnf 4 wrote it) under its
 * "Installed packages" header; `zypper se -s`'s table row whose status is "i" or "i+" ("v" is another version
 * available); `apk policy`'s version whose sources list "lib/apk/db/installed".
 */
const DNF_ROW =
  /^([a-z0-9][a-z0-9.+-]*?)\.(?:x86_64|aarch64|noarch|s390x|ppc64le|armv7hl|i686)\s+((?:\d+:)?\d+\.\d+[\w.~^]*-[\w.~^+]+)\s+\S+\s*$/;
const ZYPPER_ROW = /^i\+?\s*\|\s*([a-z0-9][a-z0-9.+-]*)\s*\|\s*package\s*\|\s*((?:\d+:)?\d+\.\d+[\w.+~-]*)\s*\|/;
const APK_POLICY_INSTALLED = /^\s+lib\/apk\/db\/installed\s*$/;
const APK_POLICY_VERSION = /^\s+(\d+\.\d+[\w.~+]*-r\d+):\s*$/;
const APK_POLICY_HEADER = /^([a-z0-9][a-z0-9.+-]*) policy:\s*$/;
/** Lines walked up from an `apk policy` version to its package's header: a few versions, each with its sources. */
const APK_POLICY_REACH = 30;

/** The package and its whole installed build such a row names, from its line (1-based `line`), or null. */
export function placedBuild(text: string, line: number, lineAt: (line: number) => string): [name: string, version: string] | null {
  if (text.length > MAX_ROW) return null;
  const zypper = ZYPPER_ROW.exec(text);
  if (zypper) return listedEcosystem(zypper[1] as string) ? [zypper[1] as string, zypper[2] as string] : null;
  const dnf = DNF_ROW.exec(text);
  if (dnf) {
    if (!listedEcosystem(dnf[1] as string)) return null;
    // Up past the rows before it to the section's header: dnf 5 prints "Installed packages", then "Available packages".
    for (let n = line - 1; n >= Math.max(1, line - SECTION_REACH); n--) {
      const above = lineAt(n).trim();
      if (DNF_ROW.test(above)) continue;
      return YUM_SECTION.exec(above)?.[1]?.toLowerCase() === "installed" ? [dnf[1] as string, dnf[2] as string] : null;
    }
    return null;
  }
  if (!APK_POLICY_INSTALLED.test(text)) return null;
  // The version line above its sources, then the package's header above the versions.
  let version: string | undefined;
  for (let n = line - 1; n >= Math.max(1, line - APK_POLICY_REACH); n--) {
    const above = lineAt(n);
    version ??= APK_POLICY_VERSION.exec(above)?.[1];
    const name = APK_POLICY_HEADER.exec(above)?.[1];
    if (name) return version && listedEcosystem(name, true) ? [name, version] : null;
    if (!/^\s/.test(above)) return null;
  }
  return null;
}

/** The record ecosystem and upstream version such a row names, or null. */
export function placedPackage(text: string, line: number, lineAt: (line: number) => string): [ecosystem: string, version: string] | null {
  return packageOfBuild(placedBuild(text, line, lineAt), true);
}

/**
 * Alpine's `apk info -v` ("runc-1.1.3-r0") and `apk list --installed` ("runc-1.1.3-r0 x86_64 {runc} (Apache-2.0)
 * [installed]") rows, and `snap list`'s ("docker  20.10.6   1125   latest/stable  canonical✓  -"): their upstream
 * versions (review 46a F6). Alpine names its Docker package "docker" (a meta package) and "docker-engine"; the docker snap
 * is Docker.
 */
const APK_ROW = /^([a-z0-9][a-z0-9.+-]*?)-(\d+\.\d+(?:\.\d+)?)[\w.~+]*-r\d+(?:\s+\S+\s+\{[^}\n]*\}\s+\([^)\n]*\)\s+\[installed\])?\s*$/;
/** `apk list -u`'s row: the repository's newer package, then the installed one it upgrades ("[upgradable from: containerd-1.6.3-r0]"). */
const APK_UPGRADABLE_ROW =
  /^([a-z0-9][a-z0-9.+-]*?)-\d[\w.~+]*-r\d+\s+\S+\s+\{[^}\n]*\}\s+\([^)\n]*\)\s+\[upgradable from: \1-(\d+\.\d+(?:\.\d+)?)[\w.~+]*-r\d+\]\s*$/;
const SNAP_ROW = /^([a-z0-9][a-z0-9-]*)\s+(\d+\.\d+(?:\.\d+)?)\S*\s+\d+\s+[\w.-]+\/(?:stable|candidate|beta|edge)\S*\s+\S+\s+\S+\s*$/;
/** `snap list --all` lists the old revisions it keeps too, their Notes "disabled" (review 46b F12): none runs. */
const DISABLED_NOTE = /\sdisabled\s*$/;
export const isDisabledSnapRow = (line: string): boolean => line.length <= MAX_ROW && SNAP_ROW.test(line) && DISABLED_NOTE.test(line);

function apkOrSnapRow(line: string): [ecosystem: string, version: string] | null {
  if (line.length > MAX_ROW) return null;
  const m = APK_ROW.exec(line) ?? APK_UPGRADABLE_ROW.exec(line) ?? SNAP_ROW.exec(line);
  const ecosystem = m?.[1] ? listedEcosystem(m[1], true) : undefined;
  return ecosystem && m?.[2] ? [ecosystem, m[2]] : null;
}

/**
 * Whether an apk row (1-based `line`) is a repository's offer: printed by `apk search` or by `apk list` without
 * `--installed` (review 46b F5: `apk search runc` read as the runc installed), as the command above its rows says.
 */
export function offeredApkRow(line: number, lineAt: (line: number) => string): boolean {
  // A row that says it is installed is, whatever the command's flags (review 46b F16: `apk list | grep runc`).
  const row = lineAt(line);
  if (!APK_ROW.test(row) || APK_INSTALLED_ROW.test(row)) return false;
  let n = line - 1;
  while (n >= 1 && line - n <= SECTION_REACH && APK_ROW.test(lineAt(n))) n--;
  const command = n >= 1 ? lineAt(n) : "";
  return APK_OFFER.test(command) && !APK_INSTALLED.test(command);
}
const APK_OFFER = /\bapk\s+(?:search|list)\b/;
const APK_INSTALLED_ROW = /\[installed\]\s*$/;
const APK_INSTALLED = /\s(?:--installed|-I)\b/;

/** A `dpkg -l` row of a package that is not installed (removed "rc", half-installed "iU", ...): it names no running version. */
export function isUninstalledRow(line: string): boolean {
  const state = line.length <= MAX_ROW ? DPKG_ROW.exec(line)?.[1] : undefined;
  return state !== undefined && !INSTALLED.test(state);
}

/** The record ecosystem and upstream version a listing's line names, or null. */
export function listedPackage(line: string): [ecosystem: string, version: string] | null {
  // A listing's row is short; a long line is no row, and the name patterns need not scan it.
  if (line.length > MAX_ROW) return null;
  const row = DPKG_ROW.exec(line);
  const yum = row ? null : (YUM_ROW.exec(line) ?? APT_LIST_ROW.exec(line) ?? APT_UPGRADABLE_ROW.exec(line));
  const m = row
    ? INSTALLED.test(row[1] as string)
      ? [row[0], row[2], row[3]]
      : null
    : yum
      ? [yum[0], yum[1], yum[3]]
      : RPM_NAME.exec(line);
  const ecosystem = m?.[1] ? listedEcosystem(m[1]) : undefined;
  return ecosystem && m?.[2] ? [ecosystem, reallyUpstream(line, m[2])] : apkOrSnapRow(line);
}

/** The record ecosystem and upstream version a `dpkg-query -W` row names, or null. */
export function dpkgQueryRow(line: string): [ecosystem: string, version: string] | null {
  const m = line.length <= MAX_ROW ? DPKG_QUERY_ROW.exec(line) : null;
  const ecosystem = m?.[1] ? listedEcosystem(m[1]) : undefined;
  return ecosystem && m?.[2] ? [ecosystem, reallyUpstream(line, m[2])] : null;
}

/**
 * Debian's "+really" versions name the upstream release a package went back to under a higher number
 * ("5.6.1+really5.4.5-1": xz-utils 5.4.5, after the 5.6 backdoor): that release is what it builds.
 */
const REALLY = /\d\+really(\d+\.\d+(?:\.\d+)?)/;
const reallyUpstream = (line: string, version: string) => {
  const really = REALLY.exec(line)?.[1];
  if (really) return really;
  // The row's release number followed by a pre-release ("ii  runc  1.0.0~rc10-0ubuntu1  amd64"): that pre-release.
  // A plain search, no pattern compiled per row: the number with its tilde, not inside a longer number.
  for (let at = line.indexOf(`${version}~`); at >= 0; at = line.indexOf(`${version}~`, at + 1))
    if (at === 0 || !/[\w.]/.test(line[at - 1] ?? "")) return withPreRelease(version, line, at + version.length);
  return version;
};

/** A `dpkg -l` row with its whole version (epoch and revision), as the package's own ranges give it. */
const DPKG_ROW_BUILD = /^\s*([ih]i)\s+([a-z0-9][a-z0-9.+-]*)(?::[a-z0-9]+)?\s+(\d+:)?(\d+\.\d+[\w.+~:-]*)\s/;
/** An `rpm -qa` name, its version and release kept ("containerd.io-1.4.6-3.1.el7.x86_64" → "1.4.6-3.1.el7"). */
const RPM_NAME_BUILD =
  /^([a-z0-9][a-z0-9.+-]*?)-((?:\d+:)?\d+\.\d+[\w.~^]*-[\w.~^+]+)\.(?:x86_64|aarch64|noarch|s390x|ppc64le|armv7hl|i686)\s*$/;
/** A `dpkg-query -W` row with its whole version. */
const DPKG_QUERY_BUILD = /^\s*([a-z0-9][a-z0-9.+-]*)(?::[a-z0-9]+)?[\t ]+((?:\d+:)?\d+\.\d+[\w.+~:-]*)\s*$/;

/**
 * The package and its whole version (the distribution's or Docker's build, epoch and revision kept) an
 * installed package's listing names, for the records that range over a distribution's package builds
 * ("debian:12 containerd.io 1.7.24-1"): null for a package no record ecosystem names.
 */
export function listedBuild(line: string): [name: string, version: string] | null {
  if (line.length > MAX_ROW) return null;
  const row = DPKG_ROW_BUILD.exec(line);
  const found = row
    ? [row[2], `${row[3] ?? ""}${row[4]}`]
    : (YUM_ROW.exec(line)?.slice(1, 3) ??
      APT_LIST_ROW.exec(line)?.slice(1, 3) ??
      APT_UPGRADABLE_ROW.exec(line)?.slice(1, 3) ??
      RPM_NAME_BUILD.exec(line)?.slice(1, 3) ??
      DPKG_ACTION_BUILD.exec(line)?.slice(1, 3));
  const [name, version] = found ?? [];
  return name && version && listedEcosystem(name) ? [name, version] : null;
}

/**
 * The build dpkg unpacks or sets up as apt runs it, the one the host has after it ("Unpacking containerd.io (1.7.24-1)
 * over (1.7.23-1) ...", "Setting up containerd.io (1.7.24-1) ..."; review 30c: an upgrade's new build was not read).
 */
const DPKG_ACTION_BUILD = /^\s*(?:Unpacking|Setting up) ([a-z0-9][a-z0-9.+-]*)(?::[a-z0-9]+)? \(((?:\d+:)?\d+\.\d+[\w.+~:-]*)\)/;

/** The same for a `dpkg-query -W` row. */
export function dpkgQueryBuild(line: string): [name: string, version: string] | null {
  const m = line.length <= MAX_ROW ? DPKG_QUERY_BUILD.exec(line) : null;
  return m?.[1] && m[2] && listedEcosystem(m[1]) ? [m[1], m[2]] : null;
}
