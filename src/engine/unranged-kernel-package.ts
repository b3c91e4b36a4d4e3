import type { BugRecord } from "./record";
import type { KernelFacts } from "./types";

/** A host kernel's distribution package that a record ranges the release of, but not that package. */
interface UnrangedKernelPackage {
  /** "ubuntu:24.04 package linux-gcp": the kernel as the record would have to name it. */
  label: string;
  /** The packages the record does range in that release ("linux, linux-aws"). */
  ranged: string[];
}

/**
 * The host kernel's (release, package) pair when the record has entries for that release but none for the package
 * (nor for any candidate pair the same `uname -r` could be): an Ubuntu 24.04 linux-gcp build against a record that
 * ranges only 24.04's linux, linux-aws and linux-azure. Each flavour is its own source package with its own build
 * numbers, so another flavour's range says nothing of it; the release alone is no evidence (review 71b F1: a 24.04
 * GCP kernel counted as "in" a record of three other flavours, and Falco 0.39.1 alone made it "affected, verified").
 * Null when the kernel names no package, when the record has no entry in its release (a foreign release, answered
 * apart), or when some entry names its package.
 */
export function unrangedKernelPackage(
  record: BugRecord,
  ecosystems: readonly string[],
  kernel: KernelFacts | null | undefined,
): UnrangedKernelPackage | null {
  const pkg = kernel?.package;
  if (!kernel || kernel.named || !pkg?.ecosystem) return null;
  const candidates = [{ ecosystem: pkg.ecosystem, names: pkg.names }, ...(pkg.alternatives ?? [])];
  const inRelease = (ecosystem: string) => record.affected.filter((a) => a.ecosystem === ecosystem && ecosystems.includes(a.ecosystem));
  const release = candidates.find((c) => inRelease(c.ecosystem).length);
  if (!release) return null;
  if (candidates.some((c) => inRelease(c.ecosystem).some((a) => c.names.includes(a.package)))) return null;
  const ranged = [...new Set(inRelease(release.ecosystem).map((a) => a.package))];
  return { label: `${pkg.ecosystem} package ${pkg.names[0] ?? "linux"}`, ranged };
}
