import { isAlpha, isDigit } from "./chars";
/**
 * Debian version ordering (deb-version(5)): [epoch:]upstream[-revision], a port of verrevcmp() and
 * dpkg_version_compare() from dpkg's lib/dpkg/version.c
 * (https://github.com/guillemj/dpkg/blob/0bac29bc7ceb5e8eb7816a61720dc7ae1e4fe693/lib/dpkg/version.c).
 */

export interface DpkgVersion {
  epoch: number;
  upstream: string;
  revision: string;
}

/**
 * Splits like dpkg's parseversion(): the epoch ends at the first colon, the revision starts after the
 * last hyphen. Unlike dpkg it never rejects input: a non-numeric "epoch" is kept in the upstream part,
 * so odd strings still get a stable order instead of an exception.
 */
export function parseDpkgVersion(text: string): DpkgVersion {
  let rest = text.trim();
  let epoch = 0;
  const colon = rest.indexOf(":");
  if (colon > 0 && /^\d+$/.test(rest.slice(0, colon))) {
    epoch = Number(rest.slice(0, colon));
    rest = rest.slice(colon + 1);
  }
  const hyphen = rest.lastIndexOf("-");
  if (hyphen === -1) return { epoch, upstream: rest, revision: "" };
  return { epoch, upstream: rest.slice(0, hyphen), revision: rest.slice(hyphen + 1) };
}

/** dpkg's order(): "~" below the end of the string, letters below every other non-digit. */
function order(c: string): number {
  if (c === "") return 0;
  if (isDigit(c)) return 0;
  if (isAlpha(c)) return c.charCodeAt(0);
  if (c === "~") return -1;
  return c.charCodeAt(0) + 256;
}

function verrevcmp(a: string, b: string): number {
  let i = 0;
  let j = 0;
  const at = (s: string, k: number) => s[k] ?? "";
  while (i < a.length || j < b.length) {
    let firstDiff = 0;
    while ((i < a.length && !isDigit(at(a, i))) || (j < b.length && !isDigit(at(b, j)))) {
      const ac = order(at(a, i));
      const bc = order(at(b, j));
      if (ac !== bc) return ac - bc;
      i++;
      j++;
    }
    while (at(a, i) === "0") i++;
    while (at(b, j) === "0") j++;
    while (isDigit(at(a, i)) && isDigit(at(b, j))) {
      if (!firstDiff) firstDiff = at(a, i).charCodeAt(0) - at(b, j).charCodeAt(0);
      i++;
      j++;
    }
    if (isDigit(at(a, i))) return 1;
    if (isDigit(at(b, j))) return -1;
    if (firstDiff) return firstDiff;
  }
  return 0;
}

const sign = (n: number): -1 | 0 | 1 => (n < 0 ? -1 : n > 0 ? 1 : 0);

/** Debian policy ordering of two version strings: -1, 0 or 1. */
export function compareDpkg(a: string, b: string): -1 | 0 | 1 {
  const va = parseDpkgVersion(a);
  const vb = parseDpkgVersion(b);
  if (va.epoch !== vb.epoch) return va.epoch > vb.epoch ? 1 : -1;
  return sign(verrevcmp(va.upstream, vb.upstream)) || sign(verrevcmp(va.revision, vb.revision));
}

/**
 * Ubuntu kernel versions are "<upstream>-<ABI>.<upload>[~backport]" ("5.15.0-127.137~20.04.1").
 * `uname -r` shows only the ABI, so this cuts a full version down to "5.15.0-127" for comparisons at
 * that granularity. Versions without a numeric ABI come back unchanged.
 */
export function ubuntuKernelAbi(version: string): string {
  const v = parseDpkgVersion(version);
  const abi = /^\d+/.exec(v.revision)?.[0];
  if (!abi) return version.trim();
  return `${v.epoch ? `${v.epoch}:` : ""}${v.upstream}-${abi}`;
}
