import type { AffectedRange } from "./range-types";

/** "6.6.57 ≤ v < 6.6.59", "v ≤ 1.1.11", "v ≥ 6.9": the same notation the API prints for a range. */
export function describeRange(r: AffectedRange): string {
  const low = r.introduced === "0" ? "" : `${r.introduced} ≤ `;
  if (r.fixed) return `${low}v < ${r.fixed}`;
  if (r.lastAffected) return `${low}v ≤ ${r.lastAffected}`;
  return r.introduced === "0" ? "every version" : `v ≥ ${r.introduced}`;
}

export function insideReason(version: string, r: AffectedRange): string {
  if (r.introduced !== "0") return `${version} is in ${describeRange(r)}`;
  if (r.fixed) return `${version} is before ${r.fixed}, where it was fixed`;
  if (r.lastAffected) return `${version} is at or before ${r.lastAffected}, the last affected version`;
  return "every version is affected and no fix is recorded";
}

export function fixedReason(version: string, r: AffectedRange): string {
  if (r.fixed) return `fixed in ${r.fixed}; ${version} is at or after it`;
  return `${version} is after ${r.lastAffected}, the last affected version`;
}

/** A requirement's range (`0` to the version a feature came in): its `fixed` is a minimum, no fix (review 31c). */
export const belowMinimumReason = (version: string, minimum: string) => `${version} is below ${minimum}, the minimum version`;
export const meetsMinimumReason = (version: string, minimum: string) => `${minimum} is the minimum version, and ${version} meets it`;

export function beforeReason(version: string, r: AffectedRange): string {
  return `${version} is before ${r.introduced}, the first affected version`;
}

export function prereleaseOfStartReason(version: string, r: AffectedRange): string {
  return `${version} is a pre-release of ${r.introduced}, the first affected release: a change can land in a release's pre-releases, which the record does not place`;
}

export function prereleaseOfFixReason(version: string, r: AffectedRange): string {
  return `${version} is a pre-release of ${r.fixed}, the first fixed release: the fix may or may not have landed in it`;
}

export function branchFixedReason(branch: string, r: AffectedRange): string {
  if (r.fixed) return `fixed in ${r.fixed} on your ${branch} branch`;
  return `the last affected release on your ${branch} branch was ${r.lastAffected}`;
}

export function mainlineFixedReason(branch: string, r: AffectedRange): string {
  if (r.fixed) return `fixed in ${r.fixed}, before your ${branch} branch began`;
  return `the last affected release was ${r.lastAffected}, before your ${branch} branch began`;
}

export const kernelBeforeReason = (r: AffectedRange) => `before ${r.introduced}, the first affected version`;

export const olderThanBackportsReason = (branch: string, earliest: AffectedRange, mainline: AffectedRange) =>
  `no affected range on the ${branch} branch: the ${mainline.introduced} mainline change is recorded on stable branches from ${earliest.introduced} on, and a ${branch}.y backport is not recorded`;

export const noBranchRangeReason = (branch: string) => `no affected range on the ${branch} branch`;

export function abiIntroducedReason(version: string, r: AffectedRange): string {
  // A range of one known-broken build and no fix (introduced and lastAffected one upload) places no later upload either.
  const single = r.fixed === undefined && r.lastAffected === r.introduced;
  const other = single
    ? "an earlier, unaffected upload of that ABI or a later one the record does not place"
    : "an earlier, unaffected upload of that ABI";
  const why = `so this could also be ${other}; \`uname -v\` would settle it`;
  return `${version} is the ABI of the first affected build (${r.introduced}); the upload number is unknown, ${why}`;
}

export function abiFixedReason(version: string, r: AffectedRange): string {
  const bound = r.fixed ? `the fix landed in ${r.fixed}` : `the last affected version is ${r.lastAffected}`;
  const ask = 'please send `uname -v` (e.g. "#137-Ubuntu SMP ...")';
  return `${bound}, in the same ABI as ${version}; the upload number decides it, so ${ask}`;
}
