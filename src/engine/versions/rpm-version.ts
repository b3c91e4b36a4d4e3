import { isAlnum, isAlpha, isDigit } from "./chars";
/**
 * RPM version ordering, ported from rpm's own C: rpmvercmp() in rpmio/rpmvercmp.cc (with the "~"
 * pre-release and "^" post-release separators) and rpmverCmp()/parseEVR() in rpmio/rpmver.c
 * (https://github.com/rpm-software-management/rpm/blob/2d860a8550e86428536b844e37af35512684f1f2/rpmio/rpmvercmp.cc,
 * https://github.com/rpm-software-management/rpm/blob/ad6645171751005a8eeb2b15304a8b70dbc6357c/rpmio/rpmver.c).
 */

// rpm's risdigit/risalpha are ASCII-only: any other byte, including non-ASCII, is a separator.

/** rpmvercmp(a, b): 1 when a is newer, 0 when the same version, -1 when b is newer. */
export function rpmvercmp(a: string, b: string): -1 | 0 | 1 {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  const at = (s: string, k: number) => s[k] ?? "";

  while (i < a.length || j < b.length) {
    while (i < a.length && !isAlnum(at(a, i)) && at(a, i) !== "~" && at(a, i) !== "^") i++;
    while (j < b.length && !isAlnum(at(b, j)) && at(b, j) !== "~" && at(b, j) !== "^") j++;
    const ca = at(a, i);
    const cb = at(b, j);

    // "~" sorts before everything, even the end of the string.
    if (ca === "~" || cb === "~") {
      if (ca !== "~") return 1;
      if (cb !== "~") return -1;
      i++;
      j++;
      continue;
    }

    // "^" is like "~" except that the end of the string (the base version) sorts before it.
    if (ca === "^" || cb === "^") {
      if (ca === "") return -1;
      if (cb === "") return 1;
      if (ca !== "^") return 1;
      if (cb !== "^") return -1;
      i++;
      j++;
      continue;
    }

    if (ca === "" || cb === "") break;

    const isNum = isDigit(ca);
    const inSegment = isNum ? isDigit : isAlpha;
    let ei = i;
    let ej = j;
    while (ei < a.length && inSegment(at(a, ei))) ei++;
    while (ej < b.length && inSegment(at(b, ej))) ej++;

    // Segments of different types: the numeric one is newer.
    if (ej === j) return isNum ? 1 : -1;

    let one = a.slice(i, ei);
    let two = b.slice(j, ej);
    if (isNum) {
      one = one.replace(/^0+/, "");
      two = two.replace(/^0+/, "");
      if (one.length !== two.length) return one.length > two.length ? 1 : -1;
    }
    if (one !== two) return one < two ? -1 : 1;
    i = ei;
    j = ej;
  }

  if (i >= a.length && j >= b.length) return 0;
  return i >= a.length ? -1 : 1;
}

export interface RpmEvr {
  /** null when the string had no "N:" prefix; compared as "0". */
  epoch: string | null;
  version: string;
  /** null when the string had no "-release". */
  release: string | null;
}

/** rpm's parseEVR(): digits then ":" make the epoch; the release follows the last "-". */
export function parseRpmEvr(text: string): RpmEvr {
  const evr = text.trim();
  const digits = /^\d*/.exec(evr)?.[0] ?? "";
  let epoch: string | null = null;
  let rest = evr;
  if (evr[digits.length] === ":") {
    epoch = digits === "" ? "0" : digits;
    rest = evr.slice(digits.length + 1);
  }
  const hyphen = rest.lastIndexOf("-");
  if (hyphen === -1) return { epoch, version: rest, release: null };
  return { epoch, version: rest.slice(0, hyphen), release: rest.slice(hyphen + 1) };
}

function compareValues(a: string | null, b: string | null): -1 | 0 | 1 {
  if (a === null && b === null) return 0;
  if (b === null) return 1;
  if (a === null) return -1;
  return rpmvercmp(a, b);
}

/**
 * rpmverCmp(): epoch, then version, then release. A missing release sorts below any release
 * ("5.14.0" < "5.14.0-427.el9"), as in rpm's rpmver API.
 */
export function compareRpmEvr(a: string, b: string): -1 | 0 | 1 {
  const va = parseRpmEvr(a);
  const vb = parseRpmEvr(b);
  return compareValues(va.epoch ?? "0", vb.epoch ?? "0") || compareValues(va.version, vb.version) || compareValues(va.release, vb.release);
}
