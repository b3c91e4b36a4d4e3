/**
 * The running kernel's package version from a package listing pasted beside it, for the image package named after the
 * release: `dpkg -l`'s row ("ii  linux-image-5.10.0-13-amd64  5.10.106-1  amd64  Linux 5.10 for 64-bit PCs (signed)"),
 * `apt list --installed`'s ("linux-image-6.1.0-24-amd64/stable-security,now 6.1.106-2 amd64 [installed,automatic]"),
 * `apt-cache policy`'s "Installed:" under the package's name, or `dpkg -s`'s "Version:" under its "Package:". A release
 * names one ABI, and one version of its image package is installed at a time, so the listing gives the package version
 * `uname -v` would have (review 33b: the answer asked for `dpkg -l 'linux-image-*'` the paste already held; 56a F1: the
 * same row in apt's forms).
 */
import type { LineRef } from "./iptables-version";
import { looksLikeRelease } from "./uname";

/** The installed version of linux-image[-unsigned]-<release>, or null. Only lines holding that name are read. */
export function kernelPackageRow(text: string, release: string): string | null {
  const names = [`linux-image-${release}`, `linux-image-unsigned-${release}`];
  for (const name of names) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      // A row opens its line with the state: only the few characters before the name are looked at (a line holding
      // the name thousands of times must not be searched for its ends each time: review 33d).
      const from = Math.max(0, at - MAX_PREFIX);
      const before = `${from === 0 ? "\n" : ""}${text.slice(from, at)}`;
      const row = STATE_BEFORE.test(before) ? ROW.exec(text.slice(at, at + name.length + MAX_VERSION)) : null;
      if (row?.[1] === name && row[2]) return row[2];
      if (!LINE_START.test(before)) continue;
      const after = text.slice(at + name.length, at + name.length + MAX_AFTER);
      const listed = APT_LIST_ROW.exec(after)?.[1] ?? APT_POLICY.exec(after)?.[1];
      if (listed) return listed;
      if (/(?:^|\n)[ \t]*Package:[ \t]*$/.test(before)) {
        const status = DPKG_STATUS.exec(after);
        if (status?.[1] && /\nStatus:[^\n]*\bok installed\b/.test(status[0])) return status[1];
      }
    }
  }
  return null;
}
/** An installed or held `dpkg -l` row's state before its name ("ii  "), at its line's start, with the indent a paste may add. */
const STATE_BEFORE = /\n[ \t]{0,8}[ih]i[ \t]+$/;
/** The name opening its line (apt's forms), or after dpkg -s's "Package: ". */
const LINE_START = /(?:^|\n)[ \t]{0,8}(?:Package:[ \t]*)?$/;
/** `apt list --installed`: the suites after a slash, the version, the architecture, and the installed mark. */
const APT_LIST_ROW = /^(?::[a-z0-9]+)?\/[\w,.-]+[ \t]+(\d[\w.+~:-]*)[ \t]+\S+[ \t]+\[installed\b/;
/** `apt-cache policy <name>`: the name, a colon, and its "Installed:" version on the next line ("(none)" is no version). */
const APT_POLICY = /^(?::[a-z0-9]+)?:[ \t]*\r?\n[ \t]+Installed:[ \t]+(\d[\w.+~:-]*)/;
/** `dpkg -s <name>`: its Status and its Version within the next lines of the same stanza. */
const DPKG_STATUS = /^[ \t]*\r?\n(?:(?!Package:)[^\n]{0,200}\n){0,12}?Version:[ \t]*(\d[\w.+~:-]*)/;
const MAX_AFTER = 1200;
const MAX_PREFIX = 24;
const MAX_VERSION = 120;
/** The name (perhaps with its architecture) and the version after it. */
const ROW = /^(\S+?)(?::[a-z0-9]+)?[ \t]+(\d[\w.+~:-]*)\s/;

/**
 * What `uname -v` of that package's build says of its version, for the distribution's kernel rules to read: Debian's
 * "Debian <version>", Ubuntu's "#<upload>[~<release>]-Ubuntu" (package 5.15.0-127.137 is upload #137).
 */
export function buildOfPackage(distro: string | null, version: string): string | null {
  if (distro === "debian") return `#1 SMP Debian ${version}`;
  if (distro !== "ubuntu") return null;
  const upload = /^\d+\.\d+\.\d+-\d+\.(\d+(?:\.\d+)?)(~[\w.+~]+)?$/.exec(version);
  return upload ? `#${upload[1]}${upload[2] ?? ""}-Ubuntu SMP` : null;
}

/**
 * The kernels a package listing shows installed, by their image packages' rows, where nothing else gives the kernel
 * (review 72c F3): `dpkg -l`'s ("ii  linux-image-5.15.0-127-generic  5.15.0-127.137  amd64  Signed kernel image generic")
 * and `apt list --installed`'s ("linux-image-6.1.0-26-amd64/stable-security,now 6.1.112-1 amd64 [installed,automatic]").
 * A host's own listing, as a component's rows are, but of kernels installed: the running one is among them, and which
 * one the listing does not say (a kernel installed since is not booted until a reboot), so each is a kernel the paste
 * names. A removed image's row ("rc") names none; Debian's unsigned image names its release with a suffix, its debug
 * symbols package none.
 */
export function installedKernelImages(candidates: readonly LineRef[]): Array<{ release: string; line: number }> {
  const found: Array<{ release: string; line: number }> = [];
  for (const { text, line } of candidates) {
    const release = (DPKG_IMAGE_ROW.exec(text) ?? APT_IMAGE_ROW.exec(text))?.[1];
    if (!release || /-dbg(?:sym)?$/.test(release) || !looksLikeRelease(release)) continue;
    if (!found.some((f) => f.release === release)) found.push({ release, line });
  }
  return found;
}
const IMAGE_RELEASE = String.raw`linux-image-(?:unsigned-)?(\d+\.\d+\.\d+-[\w.+~-]+?)(?:-unsigned)?`;
const DPKG_IMAGE_ROW = new RegExp(String.raw`^[ \t]{0,8}[ih]i[ \t]+${IMAGE_RELEASE}(?::[a-z0-9]+)?[ \t]+(?:\d+:)?\d[\w.+~:-]*[ \t]`);
const APT_IMAGE_ROW = new RegExp(String.raw`^[ \t]{0,8}${IMAGE_RELEASE}\/[\w,.-]+[ \t]+(?:\d+:)?\d[\w.+~:-]*[ \t]+\S+[ \t]+\[installed\b`);
