/**
 * From a kernel release string (plus, when known, `uname -v`, os-release and Ubuntu's version
 * signature) to the versions records are written against: the distro package and, where it can be
 * known, the upstream release. Each distro's rule lives in its own file; this one picks the rule.
 */
import type { KernelFacts, OsFacts } from "../types";
import { debianKernel, isDebianKernel } from "./debian-kernel";
import { isRpmKernel, rpmKernel } from "./rpm-kernel";
import { isUbuntuKernel, ubuntuKernel, ubuntuMainline } from "./ubuntu-kernel";
import { machineOfRelease } from "./uname";

/** Arch Linux: 6.11.6-arch1-1 (package linux 6.11.6.arch1-1), 6.6.59-1-lts (linux-lts 6.6.59-1). */
const ARCH = /^(\d+)\.(\d+)\.(\d+)-(?:(arch|zen|hardened)(\d+)-(\d+)(?:-(?:zen|hardened))?|(\d+)-lts)$/;
/** A kernel.org release, perhaps with a local suffix: 6.6.58, 6.12.55+ (COS), 6.6.58-talos, 5.15.142-flatcar. */
const PLAIN = /^(\d+\.\d+\.\d+)(\+|-(talos|flatcar|coreos(?:-r\d+)?))?$/;
/** Image-based distributions that ship (lightly patched) upstream stable kernels. */
const IMAGE_DISTROS: Record<string, string> = {
  bottlerocket: "Bottlerocket",
  talos: "Talos",
  cos: "Container-Optimized OS",
  flatcar: "Flatcar",
  coreos: "Container Linux",
};

const branchOf = (release: string): string | null => /^(\d+\.\d+)/.exec(release)?.[1] ?? null;

function archKernel(release: string): Partial<KernelFacts> | null {
  const m = ARCH.exec(release);
  if (!m) return null;
  const [, major, minor, patch, kind, kindRel, pkgrel, ltsRel] = m;
  const upstream = `${major}.${minor}.${patch}`;
  // Arch's pkgver drops a ".0" sublevel: kernel 6.11.0 is package 6.11.arch1.
  const pkgBase = patch === "0" ? `${major}.${minor}` : upstream;
  const isLts = ltsRel !== undefined;
  const name = isLts ? "linux-lts" : kind === "arch" ? "linux" : `linux-${kind}`;
  const version = isLts ? `${pkgBase}-${ltsRel}` : `${pkgBase}.${kind}${kindRel}-${pkgrel}`;
  return {
    distro: "arch",
    flavour: isLts ? "lts" : (kind ?? null),
    upstream,
    upstreamCertainty: "derived",
    package: {
      ecosystem: "arch",
      names: [name],
      version,
      scheme: "pacman",
      certainty: "exact",
      note: `Package ${name} ${version} read from uname -r; Arch ships upstream stable releases with few patches.`,
    },
  };
}

function plainKernel(release: string, os: OsFacts | null): Partial<KernelFacts> | null {
  const m = PLAIN.exec(release);
  if (!m?.[1]) return null;
  const suffix = m[3]?.replace(/-r\d+$/, "") ?? null;
  const distro = (os && IMAGE_DISTROS[os.id] ? os.id : null) ?? suffix;
  // A bare kernel.org version with nothing else known is taken at its word; a distribution's build of
  // it may carry patches, so the version is then derived rather than exact.
  const exact = !distro && !m[2];
  return {
    distro,
    flavour: null,
    upstream: m[1],
    upstreamCertainty: exact ? "exact" : "derived",
    package: null,
  };
}

/**
 * Facts about one kernel. `build` is `uname -v` (or the build part of `uname -a` or /proc/version);
 * `versionSignature` is the line of Ubuntu's /proc/version_signature.
 */
export function kernelFacts(release: string, build?: string | null, os?: OsFacts | null, versionSignature?: string | null): KernelFacts {
  const r = release.trim();
  const b = build?.trim() || null;
  const o = os ?? null;
  const base: KernelFacts = {
    release: r,
    build: b,
    upstream: null,
    upstreamCertainty: "unknown",
    branch: branchOf(r),
    flavour: null,
    distro: null,
    package: null,
    machine: machineOfRelease(r),
  };
  let specific: Partial<KernelFacts> | null = null;
  if (isRpmKernel(r)) specific = rpmKernel(r, o);
  else if (ARCH.test(r)) specific = archKernel(r);
  else if (ubuntuMainline(r) || isUbuntuKernel(r, b, o)) specific = ubuntuKernel(r, b, o, versionSignature ?? null);
  else if (isDebianKernel(r, b, o)) specific = debianKernel(r, b, o);
  else specific = plainKernel(r, o);
  return { ...base, ...(specific ?? { distro: o?.id ?? null }) };
}
