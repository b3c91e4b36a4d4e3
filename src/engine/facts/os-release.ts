/**
 * /etc/os-release: newline-separated KEY=value assignments in shell syntax (os-release(5)). Values may
 * be double-quoted (with \" \\ \$ \` escapes), single-quoted or bare.
 */
import type { OsFacts } from "../types";
import { isRepositoryEcosystem } from "../versions/repositories";

/** os-release keys are upper-case shell variable names; logfmt keys (level=, msg=) are lower-case. */
export const OS_RELEASE_LINE = /^[A-Z][A-Z0-9_]*=(?:"(?:[^"\\]|\\.)*"|'[^']*'|[^\s"'`$\\]*)\s*$/;

export function parseOsReleaseValues(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!OS_RELEASE_LINE.test(line)) continue;
    const eq = line.indexOf("=");
    values.set(line.slice(0, eq), unquote(line.slice(eq + 1).trim()));
  }
  return values;
}

function unquote(value: string): string {
  if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) {
    return value.slice(1, -1).replace(/\\(["\\$`])/g, "$1");
  }
  if (value.startsWith("'") && value.endsWith("'") && value.length >= 2) return value.slice(1, -1);
  return value;
}

/** One line of `lsb_release -a`: "Distributor ID:\tUbuntu", "Release:\t22.04", ... */
export const LSB_LINE = /^(Distributor ID|Description|Release|Codename|LSB Version):[ \t]*(.*)$/;
/** The line that makes a section `lsb_release -a` output. */
export const LSB_DISTRIBUTOR = /^[ \t]*Distributor ID:/m;
export const LSB_NO_MODULES = /^No LSB modules are available\.?$/;

/**
 * Ubuntu's official flavours (ubuntu.com/desktop/flavours): Ubuntu releases under another name, from Ubuntu's archive
 * with its kernels (their os-release says ID=ubuntu), which desktop "About" panels and people name them by.
 */
export const UBUNTU_FLAVOURS = "Kubuntu|Xubuntu|Lubuntu|Edubuntu|Ubuntu (?:MATE|Budgie|Studio|Kylin|Unity|Cinnamon)";
/**
 * A flavour's release: an Ubuntu one (April or October, 14.04 on). A flavour's own desktop has versions of its own
 * that look alike ("Ubuntu Budgie 10.10" is the Budgie desktop's 10.10).
 */
export const UBUNTU_FLAVOUR_RELEASE = "(?:1[4-9]|[2-9]\\d)\\.(?:04|10)";

/**
 * The ID_LIKE these distributions' own os-release carries, for where only their ID is known (a nodes
 * table's OS image, `lsb_release -a`). A distribution missing here has an unknown lineage.
 */
export const ID_LIKE: Record<string, (version: string | null) => string[]> = {
  ubuntu: () => ["debian"],
  debian: () => [],
  raspbian: () => ["debian"],
  // Ubuntu's derivatives run Ubuntu's kernels and packages: Mint's, KDE neon's, Pop!_OS's "ubuntu debian",
  // elementary's and Zorin's "ubuntu".
  linuxmint: () => ["ubuntu", "debian"],
  neon: () => ["ubuntu", "debian"],
  pop: () => ["ubuntu", "debian"],
  elementary: () => ["ubuntu"],
  zorin: () => ["ubuntu"],
  kali: () => ["debian"],
  // Amazon Linux 2023's os-release says ID_LIKE="fedora"; Amazon Linux 2's (and the AMI's) "centos rhel fedora".
  amzn: (v) => (v?.startsWith("2023") ? ["fedora"] : ["centos", "rhel", "fedora"]),
  rhel: () => ["fedora"],
  rocky: () => ["rhel", "centos", "fedora"],
  almalinux: () => ["rhel", "centos", "fedora"],
  centos: () => ["rhel", "fedora"],
  ol: () => ["fedora"],
  // Scientific Linux 7's os-release: ID="scientific", ID_LIKE="rhel centos fedora".
  scientific: () => ["rhel", "centos", "fedora"],
  // The names every release of these rebuilds gives (CloudLinux 7 "rhel fedora", 8 "rhel fedora centos").
  cloudlinux: () => ["rhel", "fedora"],
  eurolinux: () => ["rhel"],
  navy: () => ["rhel"],
  fedora: () => [],
  arch: () => [],
  manjaro: () => ["arch"],
  sles: () => ["suse"],
  "opensuse-leap": () => ["suse", "opensuse"],
  "opensuse-tumbleweed": () => ["opensuse", "suse"],
};

/** lsb_release's Distributor ID to the os-release ID the knowledge base uses. */
const LSB_IDS: Record<string, string> = {
  redhatenterpriseserver: "rhel",
  redhatenterprise: "rhel",
  redhatenterpriseworkstation: "rhel",
  amazonlinux: "amzn",
  amazon: "amzn",
  suse: "sles",
  "suse linux": "sles",
  opensuse: "opensuse-leap",
  "opensuse project": "opensuse-leap",
  oracleserver: "ol",
  rocky: "rocky",
  almalinux: "almalinux",
  elementaryos: "elementary",
  manjarolinux: "manjaro",
};

/**
 * `lsb_release -a` output, as some people send in place of /etc/os-release; null without a Distributor ID
 * or for a distributor whose lineage (ID_LIKE, which lsb_release does not print) is not known here: a
 * derivative read as a distribution of its own would rule out every bug of the one it derives from.
 */
export function parseLsbRelease(text: string, lines?: [number, number]): OsFacts | null {
  const v = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const m = LSB_LINE.exec(raw.trim());
    if (m?.[1]) v.set(m[1], (m[2] ?? "").trim());
  }
  const distributor = v.get("Distributor ID");
  if (!distributor) return null;
  const key = distributor.toLowerCase();
  const nonEmpty = (k: string) => {
    const value = v.get(k);
    return value && value !== "n/a" ? value : null;
  };
  const leapOrTumbleweed = (id: string) =>
    id === "opensuse-leap" && /tumbleweed/i.test(v.get("Description") ?? "") ? "opensuse-tumbleweed" : id;
  const id = leapOrTumbleweed(LSB_IDS[key] ?? key.replace(/\s+/g, ""));
  const idLike = ID_LIKE[id]?.(nonEmpty("Release"));
  if (!idLike) return null;
  return {
    id,
    idLike,
    versionId: nonEmpty("Release"),
    prettyName: nonEmpty("Description"),
    codename: nonEmpty("Codename"),
    ...(lines ? { lines } : {}),
  };
}

/**
 * The one line of /etc/redhat-release, /etc/system-release and their kin, which RHEL's family, Fedora and
 * Amazon Linux ship beside (or, before RHEL 7, instead of) os-release: "CentOS Linux release 7.9.2009 (Core)",
 * "Red Hat Enterprise Linux Server release 7.7 (Maipo)", "Fedora release 32 (Thirty Two)", "Oracle Linux
 * Server release 8.6", "CentOS Stream release 8". Groups: the name, the release, the codename.
 */
export const SYSTEM_RELEASE_LINE =
  /^(Red Hat Enterprise Linux(?: Server| Workstation| Client| ComputeNode)?|CentOS(?: Linux| Stream)?|Rocky Linux|AlmaLinux(?: Kitten)?|Oracle Linux Server|CloudLinux(?: Server)?|EuroLinux|NAVY Linux Enterprise|Scientific Linux|Fedora|Amazon Linux(?: AMI)?) release (\d+(?:\.\d+)*)(?: Beta)?(?: \(([^)]*)\))?$/;

/** The os-release ID of each name SYSTEM_RELEASE_LINE reads (by its first word); its ID_LIKE is ID_LIKE's. */
const SYSTEM_RELEASE_IDS: Record<string, string> = {
  Red: "rhel",
  CentOS: "centos",
  Rocky: "rocky",
  AlmaLinux: "almalinux",
  Oracle: "ol",
  CloudLinux: "cloudlinux",
  EuroLinux: "eurolinux",
  NAVY: "navy",
  Scientific: "scientific",
  Fedora: "fedora",
  Amazon: "amzn",
};

/** A release file's one line (SYSTEM_RELEASE_LINE), as os-release facts; null for any other text. */
export function parseSystemRelease(text: string, lines?: [number, number]): OsFacts | null {
  const m = SYSTEM_RELEASE_LINE.exec(text.trim());
  const id = m ? SYSTEM_RELEASE_IDS[(m[1] as string).split(" ")[0] as string] : undefined;
  if (!m || !id) return null;
  const versionId = m[2] as string;
  return {
    id,
    idLike: ID_LIKE[id]?.(versionId) ?? [],
    versionId,
    prettyName: m[0],
    codename: m[3] || null,
    ...(lines ? { lines } : {}),
  };
}

/** Keys naming a release without its distribution, which lines picked out of os-release may hold alone (review 49a F4). */
const RELEASE_NAMING_KEYS = ["PRETTY_NAME", "VERSION_ID", "VERSION", "VERSION_CODENAME", "UBUNTU_CODENAME"];
export const namesRelease = (values: ReadonlyMap<string, string>): boolean => RELEASE_NAMING_KEYS.some((k) => values.has(k));

/**
 * Null when the text holds no ID=, no NAME= and no key naming a release (then it is not an os-release file, nor lines
 * picked out of one), unless it is `lsb_release -a` output or a release file's one line.
 */
export function parseOsRelease(text: string, lines?: [number, number]): OsFacts | null {
  const v = parseOsReleaseValues(text);
  const id = v.get("ID");
  // Lines a command picked out of the file keep what they say of the release (review 49a F4); osReleaseOf names it.
  if (!id && !v.get("NAME") && !(namesRelease(v) && !LSB_DISTRIBUTOR.test(text)))
    return parseLsbRelease(text, lines) ?? parseSystemRelease(text, lines);
  const nonEmpty = (key: string) => v.get(key) || null;
  const buildId = nonEmpty("BUILD_ID");
  const idLike = (v.get("ID_LIKE") ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  const ubuntuBase = UBUNTU_KERNEL_DERIVATIVES.has(id?.toLowerCase() ?? "")
    ? UBUNTU_LTS[(v.get("UBUNTU_CODENAME") ?? "").toLowerCase()]
    : undefined;
  return {
    // os-release(5): "If not set, a default of ID=linux may be used."
    id: (id || "linux").toLowerCase(),
    idLike,
    versionId: nonEmpty("VERSION_ID"),
    prettyName: nonEmpty("PRETTY_NAME") ?? nonEmpty("NAME"),
    codename: nonEmpty("VERSION_CODENAME") ?? nonEmpty("UBUNTU_CODENAME"),
    ...(buildId ? { buildId } : {}),
    ...(nonEmpty("VARIANT_ID") ? { variant: nonEmpty("VARIANT_ID") as string } : {}),
    ...(ubuntuBase ? { ubuntuBase } : {}),
    ...(lines ? { lines } : {}),
  };
}

/**
 * Ubuntu's derivatives that install Ubuntu's own kernel packages. Not Pop!_OS: System76 builds its own
 * `linux` package (pop-os/repo-release#45), whose ABI numbers are not Canonical's.
 */
const UBUNTU_KERNEL_DERIVATIVES: ReadonlySet<string> = new Set(["linuxmint", "neon", "elementary", "zorin"]);

/**
 * Ubuntu's LTS releases by codename (wiki.ubuntu.com/Releases): what Ubuntu's derivatives name in
 * UBUNTU_CODENAME. Only LTS releases: the derivatives that carry the key build on them.
 */
const UBUNTU_LTS: Readonly<Record<string, string>> = {
  trusty: "14.04",
  xenial: "16.04",
  bionic: "18.04",
  focal: "20.04",
  jammy: "22.04",
  noble: "24.04",
};

/**
 * Debian's releases by codename (https://www.debian.org/releases/). Testing and unstable carry no VERSION_ID: their
 * os-release names the release in preparation by VERSION_CODENAME ("trixie/sid" hosts say trixie), whose packages are
 * that release's builds (review 72b F4: a trixie host's nftables 1.1.0-2, which reverted the bug, was judged by the
 * upstream 1.1.0 range because no release was read).
 */
const DEBIAN_RELEASES: Readonly<Record<string, string>> = {
  buster: "10",
  bullseye: "11",
  bookworm: "12",
  trixie: "13",
  forky: "14",
  duke: "15",
};

const debianReleaseOf = (codename: string | null | undefined): string | null =>
  codename && Object.hasOwn(DEBIAN_RELEASES, codename.toLowerCase()) ? (DEBIAN_RELEASES[codename.toLowerCase()] ?? null) : null;

/** The release of an Ubuntu LTS by its codename ("jammy" → "22.04"), or null. */
export const ubuntuLtsOf = (codename: string): string | null =>
  Object.hasOwn(UBUNTU_LTS, codename.toLowerCase()) ? (UBUNTU_LTS[codename.toLowerCase()] ?? null) : null;

/**
 * The Ubuntu release whose kernel packages an Ubuntu kernel on this host comes from: Ubuntu's own VERSION_ID,
 * or a derivative's base. Not the host's release for other records: a derivative keeps its own defaults and
 * policies (Linux Mint 22 was asked to revert 24.04's AppArmor user-namespace restriction, linuxmint/mint22-beta#82).
 */
export function ubuntuSeries(os: Pick<OsFacts, "id" | "versionId" | "ubuntuBase"> | null): string | null {
  if (os?.id === "ubuntu" && os.versionId && /^\d+\.\d+/.test(os.versionId)) return os.versionId.split(".").slice(0, 2).join(".");
  return os?.ubuntuBase ?? null;
}

/**
 * A Container-Optimized OS image name: cos-113-18244-236-70, cos-stable-…, gke-1308-gke1128001-cos-113-18244-236-70-c-cgpv1-pre.
 * Groups: milestone (os-release VERSION_ID) and the build (BUILD_ID 18244.236.70).
 */
const COS_IMAGE = /\bcos-(?:[a-z]+-)*(\d{2,3})-(\d{4,6})-(\d{1,4})-(\d{1,4})\b(?![.\d])/g;

/** COS kernels are plain kernel.org versions with a "+": "6.1.100+". */
const COS_RELEASE = /^\d+\.\d+\.\d+\+$/;

/**
 * The COS image named in the text, when exactly one build is named there (a list of several images says
 * nothing about this machine). Fills in a COS os-release without BUILD_ID, or stands in for a missing one
 * unless a kernel the input gives is not a COS kernel (a log on an Ubuntu host may name a GKE image);
 * any other distribution's os-release is kept as it is.
 */
export function withCosImage(os: OsFacts | null, text: string, releases: readonly string[] = []): OsFacts | null {
  if ((os && os.id !== "cos") || os?.buildId || !text.includes("cos-")) return os;
  if (!os && releases.some((r) => !COS_RELEASE.test(r))) return null;
  const builds = new Map<string, string>();
  for (const m of text.matchAll(COS_IMAGE)) builds.set(`${m[2]}.${m[3]}.${m[4]}`, m[1] ?? "");
  const [only, ...others] = builds;
  if (!only || others.length) return os;
  const [buildId, milestone] = only;
  if (os) return { ...os, buildId, versionId: os.versionId ?? milestone };
  return { id: "cos", idLike: [], versionId: milestone, prettyName: null, codename: null, buildId };
}

/** RHEL and the distributions that rebuild it from Red Hat's sources (their os-release IDs). */
export const RHEL_FAMILY: ReadonlySet<string> = new Set([
  "rhel",
  "centos",
  "rocky",
  "almalinux",
  "ol",
  "cloudlinux",
  "eurolinux",
  "navy",
  "scientific",
]);

/**
 * The family an os-release ID, a kernel's distribution or an ecosystem's prefix belongs to, as records
 * key releases: RHEL's rebuilds are RHEL ("rhel:7" covers CentOS 7), Raspberry Pi OS is Debian.
 */
export function distributionFamily(id: string): string {
  if (RHEL_FAMILY.has(id)) return "rhel";
  return id === "raspbian" || id === "raspberrypi" ? "debian" : id;
}

/**
 * A record ecosystem that is a distribution release's ("ubuntu:24.04", "rhel:7", "arch"), by its family; null for
 * upstream ones and for a package repository's, which serves several distributions ("download.docker.com:deb").
 */
export function ecosystemDistribution(ecosystem: string): string | null {
  if (isRepositoryEcosystem(ecosystem)) return null;
  if (ecosystem.includes(":")) return distributionFamily(ecosystem.split(":")[0] as string);
  return ecosystem === "arch" ? "arch" : null;
}

/**
 * The release keys the readers give a host, by distribution (releaseEcosystem, named releases, the kernel packages'
 * readers: SUSE's codestreams, Photon's majors). A record's range under any other form is never read (review 34b:
 * "ubuntu:2404", "debian:bookworm", "rhel:9.4" passed kb:check and could never decide).
 */
const RELEASE_KEYS: Readonly<Record<string, RegExp>> = {
  ubuntu: /^\d{2}\.(?:04|10)$/,
  debian: /^\d{1,2}$/,
  rhel: /^\d{1,2}$/,
  fedora: /^\d{2}$/,
  // Amazon Linux 1's os-release says VERSION_ID="2018.03" (its releases 2014.03 to 2018.03).
  amzn: /^(?:2|2023|201[4-8])$/,
  sles: /^\d{2}\.\d$/,
  photon: /^\d$/,
  // Oracle's UEK kernels (rpm-kernel.ts: "el7uek" is ol:7), and the backporting RPM distributions' own releases
  // (rpm-kernel.ts BACKPORTERS: openEuler's "22.03", Kylin's, Alibaba Cloud Linux's, Anolis', TencentOS', UOS').
  ol: /^\d{1,2}$/,
  openeuler: /^\d{2}\.\d{2}$/,
  kylin: /^\d{1,2}$/,
  alinux: /^\d{1,2}$/,
  anolis: /^\d{1,2}$/,
  tencentos: /^\d{1,2}$/,
  uos: /^\d{1,2}$/,
};

/** Whether a record's ecosystem key is a distribution release in the form the readers give ("ubuntu:24.04", "rhel:9"). */
export function isReleaseKey(ecosystem: string): boolean {
  const [distro = "", release, ...rest] = ecosystem.split(":");
  return release !== undefined && !rest.length && (RELEASE_KEYS[distro]?.test(release) ?? false);
}

/** The release key forms, for a curator's message. */
export const RELEASE_KEY_EXAMPLES = "ubuntu:24.04, debian:12, rhel:9, fedora:41, amzn:2023, sles:15.5, photon:5, ol:8";

/**
 * The distribution release as records key their ecosystems ("ubuntu:24.04", "debian:12", "rhel:9",
 * "fedora:40", "amzn:2023"), or null for a distribution records do not key that way.
 */
export function releaseEcosystem(os: Pick<OsFacts, "id" | "idLike" | "versionId" | "codename"> | null): string | null {
  const version = os?.versionId ?? (os?.id === "debian" ? debianReleaseOf(os.codename) : null);
  if (!os || !version) return null;
  const major = version.split(".")[0];
  if (os.id === "ubuntu" && /^\d+\.\d+$/.test(version)) return `ubuntu:${version}`;
  if (os.id === "debian" && major) return `debian:${major}`;
  if (RHEL_FAMILY.has(os.id) && major) return `rhel:${major}`;
  if (os.id === "fedora" && major) return `fedora:${major}`;
  if (os.id === "amzn" && major) return `amzn:${major}`;
  return null;
}
