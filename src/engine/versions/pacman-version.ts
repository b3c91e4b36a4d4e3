import { isAlnum, isAlpha, isDigit } from "./chars";

/**
 * Arch Linux ordering, ported from alpm_pkg_vercmp() in pacman's lib/libalpm/version.c (read in the
 * msys2 copy, https://github.com/msys2/msys2-pacman/blob/aa2196e3a9bd764c9a4e2d268f7bf69da3afc2b8/lib/libalpm/version.c,
 * whose only change is an MSYS-only epoch separator). pacman carries its own copy of an older
 * rpmvercmp: no "~"/"^" handling, and a longer run of separators wins.
 */

function alpmRpmvercmp(a: string, b: string): -1 | 0 | 1 {
  if (a === b) return 0;
  const at = (s: string, k: number) => s[k] ?? "";
  let one = 0;
  let two = 0;
  let ptr1 = 0;
  let ptr2 = 0;

  while (one < a.length && two < b.length) {
    while (one < a.length && !isAlnum(at(a, one))) one++;
    while (two < b.length && !isAlnum(at(b, two))) two++;
    if (!(one < a.length && two < b.length)) break;

    // "1.0" vs "1..0": the side with more separators here is newer.
    if (one - ptr1 !== two - ptr2) return one - ptr1 < two - ptr2 ? -1 : 1;

    ptr1 = one;
    ptr2 = two;
    const isNum = isDigit(at(a, ptr1));
    const inSegment = isNum ? isDigit : isAlpha;
    while (ptr1 < a.length && inSegment(at(a, ptr1))) ptr1++;
    while (ptr2 < b.length && inSegment(at(b, ptr2))) ptr2++;

    if (two === ptr2) return isNum ? 1 : -1;

    let s1 = a.slice(one, ptr1);
    let s2 = b.slice(two, ptr2);
    if (isNum) {
      s1 = s1.replace(/^0+/, "");
      s2 = s2.replace(/^0+/, "");
      if (s1.length !== s2.length) return s1.length > s2.length ? 1 : -1;
    }
    if (s1 !== s2) return s1 < s2 ? -1 : 1;
    one = ptr1;
    two = ptr2;
  }

  if (one >= a.length && two >= b.length) return 0;
  // A trailing alpha part ("1.5b") never beats the bare version ("1.5"); anything else left over wins.
  const restA = at(a, one);
  const restB = at(b, two);
  if ((restA === "" && !isAlpha(restB)) || isAlpha(restA)) return -1;
  return 1;
}

export interface PacmanVersion {
  epoch: string;
  pkgver: string;
  /** null when the string has no "-pkgrel". */
  pkgrel: string | null;
}

/** pacman's parseEVR(): [epoch:]pkgver[-pkgrel], epoch "0" when absent. */
export function parsePacmanVersion(text: string): PacmanVersion {
  const evr = text.trim();
  const digits = /^\d*/.exec(evr)?.[0] ?? "";
  let epoch = "0";
  let rest = evr;
  if (evr[digits.length] === ":") {
    epoch = digits === "" ? "0" : digits;
    rest = evr.slice(digits.length + 1);
  }
  const hyphen = rest.lastIndexOf("-");
  if (hyphen === -1) return { epoch, pkgver: rest, pkgrel: null };
  return { epoch, pkgver: rest.slice(0, hyphen), pkgrel: rest.slice(hyphen + 1) };
}

/** alpm_pkg_vercmp(): epoch, pkgver, then pkgrel only when both sides have one. */
export function comparePacman(a: string, b: string): -1 | 0 | 1 {
  if (a === b) return 0;
  const va = parsePacmanVersion(a);
  const vb = parsePacmanVersion(b);
  const byEpoch = alpmRpmvercmp(va.epoch, vb.epoch);
  if (byEpoch) return byEpoch;
  const byVersion = alpmRpmvercmp(va.pkgver, vb.pkgver);
  if (byVersion || va.pkgrel === null || vb.pkgrel === null) return byVersion;
  return alpmRpmvercmp(va.pkgrel, vb.pkgrel);
}
