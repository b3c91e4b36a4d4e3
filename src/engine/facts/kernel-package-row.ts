/**
 * The running kernel's package version from a package listing pasted beside it: `dpkg -l`'s row for the image package
 * named after the release ("ii  linux-image-5.10.0-13-amd64  5.10.106-1  amd64  Linux 5.10 for 64-bit PCs (signed)").
 * A release names one ABI, and one version of its image package is installed at a time, so the row gives the package
 * version `uname -v` would have (review 33b: the answer asked for `dpkg -l 'linux-image-*'` the paste already held).
 */

/** The installed version of linux-image[-unsigned]-<release>, or null. Only lines holding that name are read. */
export function kernelPackageRow(text: string, release: string): string | null {
  const names = [`linux-image-${release}`, `linux-image-unsigned-${release}`];
  for (const name of names) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      // A row opens its line with the state: only the few characters before the name are looked at (a line holding
      // the name thousands of times must not be searched for its ends each time: review 33d).
      const from = Math.max(0, at - MAX_PREFIX);
      if (!STATE_BEFORE.test(`${from === 0 ? "\n" : ""}${text.slice(from, at)}`)) continue;
      const row = ROW.exec(text.slice(at, at + name.length + MAX_VERSION));
      if (row?.[1] === name && row[2]) return row[2];
    }
  }
  return null;
}
/** An installed or held `dpkg -l` row's state before its name ("ii  "), at its line's start, with the indent a paste may add. */
const STATE_BEFORE = /\n[ \t]{0,8}[ih]i[ \t]+$/;
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
