/**
 * RPM-built kernels, whose `uname -r` is the package's version-release plus the architecture:
 * "5.14.0-427.13.1.el9_4.x86_64" is package kernel 5.14.0-427.13.1.el9_4. The dist tag names the
 * distribution: elN (RHEL and its rebuilds), fcN (Fedora), amznN (Amazon Linux), cmN/azlN (Azure Linux).
 * A rebuild's own numbering after the tag ("4.18.0-348.el8.0.2": CentOS 8.5's GA kernel; Rocky's
 * "5.14.0-162.12.1.el9_1.0.1") is the same RHEL package rebuilt: part of its release, compared as such.
 * A local suffix after the tag ("3.10.0-514.6.2.el7.toa.2.x86_64", CentOS's "el7.centos.plus") marks a
 * kernel rebuilt from that package with changes of its own: judged as the package, hedged.
 */
import type { KernelFacts, OsFacts } from "../types";
import { compareKernel } from "../versions/kernel-version";
import { RHEL_FAMILY } from "./os-release";

/** The architectures RPM builds a kernel package for. */
const ARCHES = "x86_64|aarch64|ppc64le|ppc64|s390x|s390|i686|i586|i386|armv7hl|armv7l|riscv64|noarch";
/** Longer than any real release: a longer "release" (prose run on) is not read as one. */
const MAX_RELEASE = 128;
const RPM_RELEASE = new RegExp(
  String.raw`^((\d+\.\d+\.\d+)(?:\.\d+)?-([\w.]+?)\.(el\d+a?(?:_\d+)?(?:uek)?(?:\.0\.\d+)?(?:\.elrepo)?|fc\d+|amzn\d+|cm\d+|azl\d+|oe\d{4}(?:sp\d+)?|oe1|ky\d+|al\d+|an\d+(?:_\d+)?|tl\d+|uel\d+))(?:\.(?!(?:${ARCHES})\b)([a-z][a-z0-9]*(?:\.\w+)*?))?(?:\.(${ARCHES}))?(?:\+(\w+))?$`,
);

export const isRpmKernel = (release: string): boolean => release.length <= MAX_RELEASE && RPM_RELEASE.test(release);

export function rpmKernel(release: string, os: OsFacts | null): Partial<KernelFacts> | null {
  const m = release.length <= MAX_RELEASE ? RPM_RELEASE.exec(release) : null;
  if (!m) return null;
  const [, version = "", base = "", rel = "", tag = "", local, machine, variant] = m;
  const major = /\d+/.exec(tag)?.[0] ?? "";
  const kernelName = variant ? [`kernel-${variant}`, "kernel"] : ["kernel"];
  const rpm = (ecosystem: string | null, names: string[], note: string) => ({
    ecosystem,
    names,
    version,
    scheme: "rpm" as const,
    certainty: local ? ("partial" as const) : ("exact" as const),
    note: local
      ? `${note} The ".${local}" suffix marks a rebuild of ${version} with changes of its own: judged as that package, hedged.`
      : note,
  });
  const common = { machine: machine ?? null, flavour: variant ?? null };

  if (tag.endsWith(".elrepo")) {
    return {
      ...common,
      distro: "elrepo",
      upstream: base,
      upstreamCertainty: "derived",
      package: rpm(null, ["kernel-ml", "kernel-lt"], `ELRepo build of the mainline kernel ${base} for EL${major}; not a RHEL kernel.`),
    };
  }
  if (tag.endsWith("uek")) {
    return {
      ...common,
      distro: "ol",
      upstream: null,
      upstreamCertainty: "unknown",
      package: rpm(
        `ol:${major}`,
        ["kernel-uek"],
        `Oracle's Unbreakable Enterprise Kernel for Oracle Linux ${major}; Oracle backports fixes, so ${base} is not the upstream version.`,
      ),
    };
  }
  // "el7a": Red Hat's kernel-alt builds for EL7 (RHEL-ALT for ARM64 and POWER9, CentOS AltArch, "4.14.0-115.el7a.0.1"): a
  // package of its own, whose backports no range of RHEL 7's kernel (3.10.0) or of upstream 4.14.y speaks for (review 35a).
  if (/^el\d+a/.test(tag)) {
    return {
      ...common,
      distro: os && RHEL_FAMILY.has(os.id) ? os.id : "rhel",
      upstream: null,
      upstreamCertainty: "unknown",
      package: rpm(
        `rhel:${major}`,
        ["kernel-alt"],
        `Red Hat's kernel-alt for EL${major} (the "${tag.replace(/\..*/, "")}" tag): Red Hat backports fixes, so ${base} is not the upstream version, and it is not EL${major}'s kernel package.`,
      ),
    };
  }
  // Not the kernel line this RHEL major ships. Red Hat keeps one line per major: a newer base is a mainline build
  // packaged for EL (ELRepo's kernel-ml/kernel-lt rebuilt without their ".elrepo" mark, a SIG's LTS kernel, a local
  // build from their spec: "5.4.28-1.el7.x86_64" on CentOS 7). An older one is Red Hat's pre-GA build ("6.11.0-25.el10",
  // long release numbers), unless its one-digit build says it is one of those mainline builds too.
  const rhelBase = tag.startsWith("el") ? RHEL_KERNEL_BASE[major] : undefined;
  if (rhelBase && base !== rhelBase) {
    // Another RHEL major's line rebuilt for this one (CentOS 7 AltArch's "4.18.0-348.20.1.el7.aarch64" is RHEL 8's kernel).
    const lineOf = Object.entries(RHEL_KERNEL_BASE).find(([, b]) => b === base)?.[0];
    const build = /^[^.]*/.exec(release.slice(release.indexOf("-") + 1))?.[0] ?? "";
    if (!lineOf && (compareKernel(base, rhelBase) > 0 || /^[1-9]$/.test(build))) {
      return {
        ...common,
        distro: "vendor",
        upstream: base,
        upstreamCertainty: "derived",
        package: rpm(
          null,
          kernelName,
          `A ${base} kernel packaged for EL${major}, whose own kernel line is ${rhelBase}: a mainline build, not a RHEL kernel.`,
        ),
      };
    }
    // Yet Red Hat's: another major's line, or a pre-GA build of this one. Judged as that line's package, hedged.
    return {
      ...common,
      distro: os && RHEL_FAMILY.has(os.id) ? os.id : "rhel",
      upstream: null,
      upstreamCertainty: "unknown",
      package: {
        ...rpm(
          `rhel:${lineOf ?? major}`,
          kernelName,
          lineOf
            ? `RHEL ${lineOf}'s kernel line (${base}) rebuilt for EL${major}: judged as RHEL ${lineOf}'s package, hedged.`
            : `A Red Hat build of ${base} before RHEL ${major}'s kernel line (${rhelBase}), a pre-release: judged as RHEL ${major}'s package, hedged.`,
        ),
        certainty: "partial" as const,
      },
    };
  }
  if (tag.startsWith("el")) {
    const id = os && RHEL_FAMILY.has(os.id) ? os.id : "rhel";
    const rebuilt =
      id === "rhel"
        ? ""
        : ` ${os?.prettyName ?? id} rebuilds the RHEL ${major} kernel from Red Hat's sources, so it is matched as rhel:${major}.`;
    return {
      ...common,
      distro: id,
      upstream: null,
      upstreamCertainty: "unknown",
      package: rpm(
        `rhel:${major}`,
        kernelName,
        `RPM version read from uname -r; Red Hat backports fixes, so ${base} is not the upstream version.${rebuilt}`,
      ),
    };
  }
  // Distributions that keep their base's sublevel and merge stable fixes into their own numbering, as Red Hat does:
  // openEuler ("5.10.0-182.0.0.95.oe2203sp3", 20.03's "oe1"), Kylin ("4.19.90-24.4.v2101.ky10"), Alibaba Cloud Linux
  // ("5.10.134-18.al8"), Anolis ("5.10.134-13.an8"), TencentOS ("5.4.119-1.0009.tl3"), UOS ("uel20"). The base is not the
  // upstream version, and no record ranges them (review 33b, 33d). A rebuild of RHEL's own kernel line under such a tag
  // (Anolis's RHCK "4.18.0-348.an8") is RHEL's package, as Rocky's is.
  const backporter = BACKPORTERS.find((b) => b.tag.test(tag));
  if (backporter) {
    const release_ = backporter.release(tag);
    const rhel = backporter.elMajor === true && RHEL_KERNEL_BASE[release_] === base;
    return {
      ...common,
      distro: backporter.id,
      upstream: null,
      upstreamCertainty: "unknown",
      package: rhel
        ? rpm(
            `rhel:${release_}`,
            kernelName,
            `${backporter.name} rebuilds RHEL ${release_}'s kernel (${base}), so it is matched as rhel:${release_}.`,
          )
        : rpm(
            `${backporter.id}:${release_}`,
            kernelName,
            `RPM version read from uname -r; ${backporter.name} backports fixes into its own releases, so ${base} is not the upstream version.`,
          ),
    };
  }
  // A remix's build of a Fedora release, named in the release ("6.11.5-400.asahi.fc41": Fedora Asahi Remix): its own
  // package, not Fedora's kernel, judged on the upstream version it is built from, hedged.
  const remix = tag.startsWith("fc") ? /(?:^|\.)([a-z][a-z0-9]*)(?:\.|$)/.exec(rel.replace(/^0\.rc\d+\./, ""))?.[1] : undefined;
  if (remix && !/^(?:rc\d*|git\w*)$/.test(remix)) {
    return { ...common, distro: remix, upstream: base, upstreamCertainty: "derived", package: null };
  }
  if (tag.startsWith("fc")) {
    // Rawhide's builds of a release candidate: "6.11.0-0.rc1.17.fc41" is 6.11-rc1 (perhaps with later commits), not
    // 6.11.0; "0.rc0.<date>git…" is a merge-window snapshot before rc1, which no version places.
    const candidate = /^0\.rc(\d+)\./.exec(rel)?.[1];
    const [major_, minor_] = base.split(".");
    return {
      ...common,
      distro: "fedora",
      upstream: candidate === "0" ? null : candidate ? `${major_}.${minor_}-rc${candidate}` : base,
      upstreamCertainty: candidate === "0" ? "unknown" : "derived",
      package: rpm(
        `fedora:${major}`,
        kernelName,
        `RPM version read from uname -r; Fedora ships upstream stable releases, so ${base} is the upstream version.`,
      ),
    };
  }
  if (tag.startsWith("amzn")) {
    // AL2023 ships its later kernel lines as their own packages beside the default `kernel` (ALAS2023 advisories name
    // `kernel6.12`): a record may key a build either way (review 50c F1: a `kernel6.12` range never applied).
    const line = /^\d+\.\d+/.exec(base)?.[0];
    const names = major === "2023" && line ? [...kernelName, `kernel${line}`] : kernelName;
    return {
      ...common,
      distro: "amzn",
      upstream: base,
      upstreamCertainty: "derived",
      package: rpm(
        `amzn:${major}`,
        names,
        `RPM version read from uname -r; Amazon Linux rebases on upstream stable releases, so ${base} is taken as the upstream version.`,
      ),
    };
  }
  // Azure Linux (CBL-Mariner) versions add a fourth number to the upstream one: 5.15.131.1-2.cm2.
  const azure = tag.startsWith("cm") ? "mariner" : "azurelinux";
  return {
    ...common,
    distro: azure,
    upstream: base,
    upstreamCertainty: "derived",
    package: rpm(
      `${azure}:${major}`,
      kernelName,
      `RPM version read from uname -r; Azure Linux tracks upstream stable, so ${base} is taken as the upstream version.`,
    ),
  };
}

/** RPM distributions that backport into a fixed base, by their dist tag, with the release the tag names. */
const BACKPORTERS: ReadonlyArray<{ tag: RegExp; id: string; name: string; release: (tag: string) => string; elMajor?: true }> = [
  { tag: /^oe1$/, id: "openeuler", name: "openEuler", release: () => "20.03" },
  { tag: /^oe\d{4}/, id: "openeuler", name: "openEuler", release: (t) => `${t.slice(2, 4)}.${t.slice(4, 6)}` },
  { tag: /^ky\d+$/, id: "kylin", name: "Kylin", release: (t) => t.slice(2) },
  { tag: /^al\d+$/, id: "alinux", name: "Alibaba Cloud Linux", release: (t) => t.slice(2), elMajor: true },
  { tag: /^an\d+/, id: "anolis", name: "Anolis OS", release: (t) => /\d+/.exec(t)?.[0] ?? "", elMajor: true },
  // TencentOS's "tl3" is its own release 3 (EL8-compatible): no RHEL major to match a rebuild of RHEL's line by.
  { tag: /^tl\d+$/, id: "tencentos", name: "TencentOS", release: (t) => t.slice(2) },
  { tag: /^uel\d+$/, id: "uos", name: "UOS", release: (t) => t.slice(3) },
];

/** The kernel line each RHEL major ships (its kernel package's version, "<base>-<build>.elN"): another base is another package. */
export const RHEL_KERNEL_BASE: Readonly<Record<string, string>> = {
  "6": "2.6.32",
  "7": "3.10.0",
  "8": "4.18.0",
  "9": "5.14.0",
  "10": "6.12.0",
};
const TAGLESS = new RegExp(String.raw`^(\d+\.\d+\.\d+)-\d+(?:\.\d+)*(?:\.(${ARCHES}))?$`);

/**
 * A RHEL-family host's kernel written without its dist tag ("3.10.0-957" beside CentOS 7's os-release):
 * its base is the one that release ships, so it is that release's kernel, into which Red Hat backports
 * fixes, never the upstream 3.10.0. Which build it is exactly ("3.10.0-957" may stand for 957.27.2) is
 * not known either, so no package version is given: records' RHEL ranges need the full `uname -r`.
 */
export function taglessRhelKernel(release: string, os: OsFacts | null): Partial<KernelFacts> | null {
  const major = os?.versionId?.split(".")[0];
  if (!os || !major || !RHEL_FAMILY.has(os.id)) return null;
  const m = TAGLESS.exec(release);
  if (!m || m[1] !== RHEL_KERNEL_BASE[major]) return null;
  return { distro: os.id, upstream: null, upstreamCertainty: "unknown", package: null, flavour: null, machine: m[2] ?? null };
}
