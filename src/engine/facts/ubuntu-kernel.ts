/**
 * Ubuntu kernels. `uname -r` is <base>-<ABI>-<flavour> and `uname -v` starts with #<upload>, so the
 * package version <base>-<ABI>.<upload> can be put back together
 * (https://wiki.ubuntu.com/Kernel/FAQ/GeneralVersionMeaning). The base ("6.8.0") is not the upstream
 * version: Ubuntu backports stable fixes without changing it; only /proc/version_signature says which
 * upstream release a build corresponds to.
 */
import type { KernelFacts, KernelPackage, OsFacts } from "../types";
import { ubuntuSeries } from "./os-release";
import { parseVersionSignature } from "./uname";

const RELEASE = /^(\d+\.\d+)\.(\d+)-(\d+)-([a-z][a-z0-9-]*)$/;
/**
 * Builds that encode the upstream version in the ABI: Ubuntu's mainline PPA (5.4.10-050410-generic,
 * 6.16.0-061600rc5-generic; a sublevel of 100 or more takes three digits: 5.15.169-0515169-generic) and System76's
 * Pop!_OS kernels (6.9.3-76060903-generic).
 */
const ENCODED = /^(\d+)\.(\d+)\.(\d+)-(76)?(\d{6,7})(rc\d+)?-(generic|lowlatency)(?:-64k)?$/;
/** `uname -v` of an Ubuntu build: "#58-Ubuntu SMP ..." or, for a backport, "#14~24.04.1-Ubuntu SMP ...". */
const BUILD = /^#(\d+(?:\.\d+)?)(~(\d\d\.\d\d)[\w.+~]*)?-Ubuntu\b/;

/** The kernel each LTS release shipped with; only these are used to guess a release without os-release. */
const LTS_SERIES: Record<string, string> = {
  "4.4": "16.04",
  "4.15": "18.04",
  "5.4": "20.04",
  "5.15": "22.04",
  "6.8": "24.04",
  "7.0": "26.04",
};
/** Every release's own kernel branch; on any other release that branch is a backport (HWE). */
const GA_SERIES: Record<string, string> = {
  ...LTS_SERIES,
  "5.8": "20.10",
  "5.11": "21.04",
  "5.13": "21.10",
  "5.19": "22.10",
  "6.2": "23.04",
  "6.5": "23.10",
  "6.11": "24.10",
  "6.14": "25.04",
  "6.17": "25.10",
};

/** Flavours only Ubuntu builds; a release ending in one of these is an Ubuntu kernel even without os-release. */
const FLAVOURS = new Set([
  "generic",
  "generic-64k",
  "generic-lpae",
  "lowlatency",
  "lowlatency-64k",
  "aws",
  "aws-64k",
  "azure",
  "azure-fde",
  "gcp",
  "gcp-64k",
  "gke",
  "gkeop",
  "oracle",
  "oracle-64k",
  "ibm",
  "kvm",
  "nvidia",
  "nvidia-64k",
  "oem",
  "raspi",
  "realtime",
  "intel-iotg",
  "fips",
  "aws-fips",
  "azure-fips",
  "gcp-fips",
]);

/** Flavours of other builders' kernels in Ubuntu's release shape: Proxmox VE, Alpine (lts, virt), Liquorix, XanMod. */
const OTHER_BUILDERS = /^(?:pve|lts|virt|liquorix(?:-amd64)?|xanmod\d*|edge)$/;

export function isUbuntuKernel(release: string, build: string | null, os: OsFacts | null): boolean {
  const m = RELEASE.exec(release);
  if (!m) return false;
  // Every build from Ubuntu's archive says so in uname -v ("#58-Ubuntu SMP", "#14~24.04.1-Ubuntu SMP"); one that does not
  // is another builder's (Debian's "… Debian 6.1.106-1", Proxmox's "PMX 6.8.12-2", Alpine's "#1-Alpine", Liquorix's), whatever
  // os-release a container or a guest printed beside it.
  if (build?.startsWith("#")) return /-Ubuntu\b/.test(build);
  if (build && /\bDebian \d/.test(build)) return false;
  if (OTHER_BUILDERS.test(m[4] ?? "")) return false;
  if (os?.id === "ubuntu") return true;
  return FLAVOURS.has(m[4] ?? "");
}

export interface EncodedUpstream {
  upstream: string;
  flavour: string;
  /** "ubuntu" for a mainline PPA build, "pop" for System76's. */
  distro: string;
}

export function ubuntuMainline(release: string): EncodedUpstream | null {
  const m = ENCODED.exec(release);
  if (!m) return null;
  const [, major, minor, patch, pop, abi, rc, flavour] = m;
  const encoded = [major, minor, patch].map((n) => String(n).padStart(2, "0")).join("");
  if (abi !== encoded || !flavour) return null;
  return { upstream: rc ? `${major}.${minor}-${rc}` : `${major}.${minor}.${patch}`, flavour, distro: pop ? "pop" : "ubuntu" };
}

function sourceNames(flavour: string, branch: string, backport: boolean): string {
  const family = flavour.replace(/-(64k|lpae|fips)$/, "");
  if (family === "generic") return backport ? `linux-hwe-${branch}` : "linux";
  if (family === "lowlatency") return backport ? `linux-lowlatency-hwe-${branch}` : "linux-lowlatency";
  if (family === "oem") return `linux-oem-${branch}`;
  return backport ? `linux-${family}-${branch}` : `linux-${family}`;
}

const LTS_ORDER = ["16.04", "18.04", "20.04", "22.04", "24.04", "26.04"];
const previousLts = (series: string): string | null => {
  const i = LTS_ORDER.indexOf(series);
  return i > 0 ? (LTS_ORDER[i - 1] ?? null) : null;
};

export function ubuntuKernel(
  release: string,
  build: string | null,
  os: OsFacts | null,
  versionSignature: string | null,
): Partial<KernelFacts> | null {
  const mainline = ubuntuMainline(release);
  if (mainline) {
    // The mainline PPA builds kernel.org sources unchanged; System76 patches its builds.
    return {
      distro: mainline.distro,
      flavour: mainline.flavour,
      upstream: mainline.upstream,
      upstreamCertainty: mainline.distro === "ubuntu" ? "exact" : "derived",
      package: null,
    };
  }
  const m = RELEASE.exec(release);
  if (!m) return null;
  const [, branch = "", sublevel, abi, flavour = ""] = m;
  const base = `${branch}.${sublevel}-${abi}`;
  const b = build ? BUILD.exec(build.trim()) : null;
  const signature = versionSignature ? parseVersionSignature(versionSignature) : null;
  const sig = signature?.release === release ? signature : null;
  const notes: string[] = [];

  let version = base;
  let certainty: KernelPackage["certainty"] = "partial";
  if (sig) {
    version = sig.packageVersion;
    certainty = "exact";
    notes.push(`package version ${version} read from /proc/version_signature`);
  } else if (b) {
    version = `${base}.${b[1]}${b[2] ?? ""}`;
    certainty = "derived";
    notes.push(`package version ${version} = ABI ${base} from uname -r plus upload #${b[1]} from uname -v`);
  } else {
    notes.push(`only the ABI ${base} is known; the upload number (#NN in uname -v) would give the package version`);
  }

  // Which Ubuntu release: os-release says it; else a backport build names it ("~22.04.1"); else guess
  // from the kernel branch each release shipped with.
  const backportSeries = b?.[3] ?? /~(\d\d\.\d\d)/.exec(sig?.packageVersion ?? "")?.[1] ?? null;
  // The build itself names the release it was built for: a backport's suffix ("#59~22.04.1"), or none on a release's
  // own kernel branch (OEM kernels aside, built for an LTS on a later release's branch with no suffix). Beside an
  // os-release of another release, the running kernel is the build's: an upgrade not yet rebooted into, or an
  // os-release a container or another machine printed (review 32b).
  const builtFor = backportSeries ?? (b && !/^oem/.test(flavour) ? (GA_SERIES[branch] ?? null) : null);
  const named = ubuntuSeries(os);
  const osSeries = named && builtFor && builtFor !== named ? null : named;
  if (named && !osSeries) notes.push(`the build is Ubuntu ${builtFor}'s, though the os-release names ${named}`);
  let series: string | null = osSeries;
  if (series) {
    if (os?.id !== "ubuntu") notes.push(`Ubuntu ${series} from the os-release's UBUNTU_CODENAME (${os?.id} builds on it)`);
  } else if (backportSeries) {
    series = backportSeries;
    notes.push(`Ubuntu ${series} read from the backport suffix of the build`);
  } else if (named && builtFor) {
    series = builtFor;
    notes.push(`Ubuntu ${series} read from the build: ${branch} is its own kernel, and the build carries no backport suffix`);
  } else if (LTS_SERIES[branch]) {
    series = LTS_SERIES[branch] ?? null;
    notes.push(`Ubuntu ${series} inferred: no os-release, and ${branch} is the kernel that ${series} shipped with`);
  } else {
    notes.push(`Ubuntu release unknown: no os-release, and ${branch} is not the kernel of an LTS release`);
  }
  // A release's own branch that is no LTS's (5.8, 6.5, 6.11): the previous LTS's backport of it (20.04's linux-hwe-5.8,
  // the common case) or that release's own kernel. Both judged, as for an LTS's branch below (review 56a F3: "no data
  // for ubuntu kernels" beside a record ranging 20.04's linux-hwe-5.8).
  const ownRelease = !series && !b && !sig ? (GA_SERIES[branch] ?? null) : null;
  const ltsBefore = ownRelease ? ([...LTS_ORDER].reverse().find((lts) => lts < ownRelease) ?? null) : null;
  if (ownRelease && ltsBefore) {
    const hwe = sourceNames(flavour, branch, true);
    const own = sourceNames(flavour, branch, false);
    notes.push(`Ubuntu ${ltsBefore}'s backport ${hwe}, or Ubuntu ${ownRelease}'s own ${own}: /etc/os-release or uname -v would tell`);
    return {
      distro: "ubuntu",
      flavour,
      upstream: null,
      upstreamCertainty: "unknown",
      package: {
        ecosystem: `ubuntu:${ltsBefore}`,
        names: [hwe],
        version,
        scheme: "dpkg",
        certainty,
        note: `${notes.join("; ")}.`,
        alternatives: [{ ecosystem: `ubuntu:${ownRelease}`, names: [own] }],
        decidedBy: `/etc/os-release (VERSION_ID), or uname -v: a "#NN~${ltsBefore}.1-Ubuntu" build is ${ltsBefore}'s ${hwe}, a plain "#NN-Ubuntu" build is ${ownRelease}'s ${own}`,
      },
    };
  }

  // Without os-release and without uname -v, an LTS's own branch is also the previous LTS's backport
  // (HWE or cloud): 6.8.0-1021-aws is linux-aws on 24.04 or linux-aws-6.8 on 22.04.
  const guessed = series !== null && !osSeries && !backportSeries && !b && !sig;
  const previous = guessed ? previousLts(series ?? "") : null;
  let names: string[];
  if (series) {
    const backport = backportSeries !== null || GA_SERIES[branch] !== series;
    names = [sourceNames(flavour, branch, backport)];
    if (backport && !backportSeries) notes.push(`${branch} is not the kernel ${series} shipped with, so this is a backport`);
  } else {
    names = [sourceNames(flavour, branch, true), sourceNames(flavour, branch, false)];
  }
  notes.push(`source package ${names.join(" or ")}`);

  const rebuildOf = series ? rebuiltBuild(version, flavour, branch, series, names) : null;
  if (rebuildOf) notes.push(`a rebuild of Ubuntu ${rebuildOf.ecosystem.slice(7)}'s ${rebuildOf.names[0]} ${rebuildOf.version}`);
  const alternatives = previous ? [{ ecosystem: `ubuntu:${previous}`, names: [sourceNames(flavour, branch, true)] }] : [];
  if (previous) notes.push(`or Ubuntu ${previous}'s backport ${alternatives[0]?.names[0]}: /etc/os-release or uname -v would tell`);
  return {
    distro: "ubuntu",
    flavour,
    upstream: sig?.upstream ?? null,
    // The signature's upstream is the stable release Ubuntu last rebased on, not what the build carries: Ubuntu picks
    // fixes and changes of later ones (5.15.0-130.140 says 5.15.168 and has 5.15.170's xt_mark fix). Judged on it, hedged,
    // as Debian's uname -v (review 68a F2: "not affected, verified", certain, where the build alone said unknown).
    upstreamCertainty: sig ? "derived" : "unknown",
    package: {
      ecosystem: series ? `ubuntu:${series}` : null,
      names,
      version,
      scheme: "dpkg",
      certainty,
      note: `${notes.join("; ")}.`,
      ...(rebuildOf ? { rebuildOf } : {}),
      ...(previous
        ? {
            alternatives,
            decidedBy: `/etc/os-release (VERSION_ID), or uname -v: a "#NN~${previous}.1-Ubuntu" build is ${previous}'s ${alternatives[0]?.names[0]}, a plain "#NN-Ubuntu" build is ${series}'s ${names[0]}`,
          }
        : {}),
    },
  };
}

/**
 * The build a backport's version names: Ubuntu's kernel packaging makes a backport's version the version of the build it
 * rebuilds, from the release whose own kernel it is, with "~<release>.N" appended ("startnewrelease" in
 * debian/rules.d/1-maintainer.mk: the master changelog's version, then BACKPORT_SUFFIX and ".1"; LP#1902957: "~SERIES for a
 * backport to an older series"). So 20.04's linux-hwe-5.15 5.15.0-130.140~20.04.1 is 22.04's linux 5.15.0-130.140, and
 * 22.04's linux-aws-6.8 6.8.0-1021.23~22.04.1 is 24.04's linux-aws 6.8.0-1021.23. Null for a release's own kernel.
 */
function rebuiltBuild(
  version: string,
  flavour: string,
  branch: string,
  series: string,
  names: readonly string[],
): KernelPackage["rebuildOf"] | null {
  const m = /^([^~]+)~(\d\d\.\d\d)\.\d+$/.exec(version);
  const own = GA_SERIES[branch];
  if (!m?.[1] || m[2] !== series || !own || own === series) return null;
  const base = sourceNames(flavour, branch, false);
  return names[0] === base ? null : { ecosystem: `ubuntu:${own}`, names: [base], version: m[1] };
}
