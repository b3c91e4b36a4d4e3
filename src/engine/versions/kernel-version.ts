/**
 * Upstream Linux version numbers as kernel.org tags them: "6.6.58", "5.15.0", "6.12", "6.12-rc3".
 * A release candidate sorts before its release, and "6.12" is the same release as "6.12.0".
 */

export interface KernelVersion {
  major: number;
  minor: number;
  patch: number;
  /** Release-candidate number for "6.12-rc3", null for a release. */
  rc: number | null;
}

const KERNEL_VERSION = /^v?(\d+)\.(\d+)(?:\.(\d+))?(?:-rc(\d+))?$/;

/**
 * Parsed versions, remembered: a fleet's every host is checked against every record's range ends, the same few hundred
 * strings parsed again for each (review 50a F1: 5,000 hosts' unames ran past the time budget). Bounded: cleared when full.
 */
const parsed = new Map<string, Readonly<KernelVersion> | null>();
const MAX_PARSED = 10_000;

export function parseKernelVersion(text: string): Readonly<KernelVersion> | null {
  const known = parsed.get(text);
  if (known !== undefined) return known;
  const m = KERNEL_VERSION.exec(text.trim());
  const v = m
    ? Object.freeze({
        major: Number(m[1]),
        minor: Number(m[2]),
        patch: m[3] === undefined ? 0 : Number(m[3]),
        rc: m[4] === undefined ? null : Number(m[4]),
      })
    : null;
  if (parsed.size >= MAX_PARSED) parsed.clear();
  parsed.set(text, v);
  return v;
}

function parseOrThrow(text: string): KernelVersion {
  const v = parseKernelVersion(text);
  if (!v) throw new RangeError(`"${text}" is not an upstream Linux version (expected e.g. 6.6.58 or 6.12-rc3)`);
  return v;
}

const sign = (n: number): -1 | 0 | 1 => (n < 0 ? -1 : n > 0 ? 1 : 0);
/** A release is the last of its candidates, so it ranks above every rc number. */
const rank = (v: KernelVersion) => v.rc ?? Number.POSITIVE_INFINITY;

export function compareKernelParsed(a: KernelVersion, b: KernelVersion): -1 | 0 | 1 {
  return sign(a.major - b.major) || sign(a.minor - b.minor) || sign(a.patch - b.patch) || sign(rank(a) - rank(b));
}

/** Orders two upstream versions; throws a RangeError when either is not one. */
export function compareKernel(a: string, b: string): -1 | 0 | 1 {
  return compareKernelParsed(parseOrThrow(a), parseOrThrow(b));
}

/** The stable branch "major.minor" a version belongs to: kernelBranch("6.6.58") === "6.6". */
export function kernelBranch(text: string): string | null {
  const v = parseKernelVersion(text);
  return v ? `${v.major}.${v.minor}` : null;
}

/** True for the points where a branch starts (6.12-rc1 … 6.12): mainline, not a stable backport. */
export function isMainlineVersion(text: string): boolean {
  const v = parseKernelVersion(text);
  return v !== null && v.patch === 0;
}
