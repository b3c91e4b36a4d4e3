/**
 * A kernel release two distribution releases build (6.8.0-56-generic: Ubuntu 24.04's linux or 22.04's linux-hwe-6.8;
 * 5.11.0-22-generic: 21.04's linux or 20.04's linux-hwe-5.11), with no os-release or build string to say which, beside
 * the one release the paste names: an issue template's OS field ("- OS (e.g: `cat /etc/os-release`): Ubuntu 24.04.2
 * LTS", the os-release's PRETTY_NAME typed), or the sentence that names the kernel ("Hit this issue on Ubuntu 21.04,
 * kernel version 5.11.0-22-generic": review 72c F2). That release picks the candidate. It is named, not read: the person
 * may name the release they meant to run, so the package says so (KernelPackage.releaseNamed) and every answer on it
 * is hedged (verdict.ts, kernelChecks), as a release named for a whole-release record is (releaseChecks).
 */
import type { KernelFacts } from "../types";

export function withNamedRelease(kernel: KernelFacts | null, release: string | null): KernelFacts | null {
  const pkg = kernel?.package;
  if (!kernel || !pkg?.alternatives?.length || !release) return kernel;
  const candidates = [{ ecosystem: pkg.ecosystem ?? "", names: pkg.names }, ...pkg.alternatives];
  const chosen = candidates.find((c) => c.ecosystem === release);
  if (!chosen) return kernel;
  const { alternatives: _, decidedBy: __, ...rest } = pkg;
  const others = candidates.filter((c) => c !== chosen).map((c) => `${c.ecosystem} ${c.names.join(" or ")}`);
  const note = `${pkg.note} The text names ${release} (not read from the host: no os-release or build string says it), which makes it ${chosen.ecosystem} ${chosen.names.join(" or ")}, not ${others.join(" or ")}.`;
  return { ...kernel, package: { ...rest, ecosystem: chosen.ecosystem, names: chosen.names, note, releaseNamed: release } };
}
