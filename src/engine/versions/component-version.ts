/**
 * Ordering for userland component versions: Kubernetes ("v1.26.3", "1.28.0-rc.1", "v1.30.0+k3s1"),
 * iptables ("1.8.7"), containerd ("1.7.12"), runc ("1.0.0-rc93"), docker ("20.10.7").
 *
 * SemVer 2.0 precedence with two leniencies real tags need: any number of numeric core parts
 * ("1.28" == "1.28.0"), and identifiers that mix letters and digits compare naturally, because runc
 * tagged "1.0.0-rc9" before "1.0.0-rc10" without a dot (plain SemVer would put rc10 first).
 */

export interface ComponentVersion {
  core: string[];
  /** Dot-separated pre-release identifiers; empty for a release. */
  pre: string[];
  /** Build metadata ("k3s1"); ignored for ordering, as SemVer requires. */
  build: string | null;
}

export function parseComponentVersion(text: string): ComponentVersion {
  let rest = text.trim().replace(/^v(?=\d)/i, "");
  let build: string | null = null;
  const plus = rest.indexOf("+");
  if (plus !== -1) {
    build = rest.slice(plus + 1);
    rest = rest.slice(0, plus);
  }
  const hyphen = rest.indexOf("-");
  const core = hyphen === -1 ? rest : rest.slice(0, hyphen);
  const pre = hyphen === -1 ? [] : rest.slice(hyphen + 1).split(".");
  return { core: core.split("."), pre, build };
}

const sign = (n: number): -1 | 0 | 1 => (n < 0 ? -1 : n > 0 ? 1 : 0);
const NUMERIC = /^\d+$/;

function compareNumeric(a: string, b: string): -1 | 0 | 1 {
  const x = a.replace(/^0+(?=\d)/, "");
  const y = b.replace(/^0+(?=\d)/, "");
  return sign(x.length - y.length) || (x === y ? 0 : x < y ? -1 : 1);
}

/** "rc9" < "rc10": letter runs compare as text, digit runs as numbers. */
function compareNatural(a: string, b: string): -1 | 0 | 1 {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let k = 0; k < Math.min(pa.length, pb.length); k++) {
    const x = pa[k] ?? "";
    const y = pb[k] ?? "";
    const bothNumeric = NUMERIC.test(x) && NUMERIC.test(y);
    const c = bothNumeric ? compareNumeric(x, y) : x === y ? 0 : x < y ? -1 : 1;
    if (c) return c;
  }
  return sign(pa.length - pb.length);
}

function compareIdentifier(a: string, b: string): -1 | 0 | 1 {
  const na = NUMERIC.test(a);
  const nb = NUMERIC.test(b);
  if (na && nb) return compareNumeric(a, b);
  // SemVer: numeric identifiers have lower precedence than alphanumeric ones.
  if (na !== nb) return na ? -1 : 1;
  return compareNatural(a, b);
}

function compareCore(a: string[], b: string[]): -1 | 0 | 1 {
  for (let k = 0; k < Math.max(a.length, b.length); k++) {
    const c = compareIdentifier(a[k] ?? "0", b[k] ?? "0");
    if (c) return c;
  }
  return 0;
}

function comparePre(a: string[], b: string[]): -1 | 0 | 1 {
  // A pre-release sorts before its release.
  if (!a.length || !b.length) return sign(b.length - a.length);
  for (let k = 0; k < Math.min(a.length, b.length); k++) {
    const c = compareIdentifier(a[k] ?? "", b[k] ?? "");
    if (c) return c;
  }
  return sign(a.length - b.length);
}

/** SemVer-style ordering of two component versions: -1, 0 or 1. */
export function compareComponentVersion(a: string, b: string): -1 | 0 | 1 {
  const va = parseComponentVersion(a);
  const vb = parseComponentVersion(b);
  return compareCore(va.core, vb.core) || comparePre(va.pre, vb.pre);
}

/**
 * The release branch a component version belongs to: its first two core numbers ("18.09.2" → "18.9",
 * "v1.28.3" → "1.28"), leading zeros dropped since kubelet reports Docker 18.09.2 as "docker://18.9.2".
 * Null for a version with fewer than two numeric core parts.
 */
export function componentBranch(text: string): string | null {
  const [major, minor] = parseComponentVersion(text).core;
  if (major === undefined || minor === undefined || !NUMERIC.test(major) || !NUMERIC.test(minor)) return null;
  return `${Number(major)}.${Number(minor)}`;
}

/**
 * Docker numbered its releases 1.x until 1.13.1 (February 2017) and YY.MM from 17.03 on; distributions kept
 * shipping patched 1.x builds for years after (RHEL 7's and CentOS's "docker-1.13.1-91.git07f3374.el7",
 * Debian's and Ubuntu's docker.io), whose `docker version` and nodes table show a bare "1.13.1". On a host
 * known to run a distribution such a docker may be the distribution's build.
 */
export const distributionEraDocker = (ecosystem: string, value: string) => ecosystem === "docker" && /^v?1\.\d+\.\d+$/.test(value.trim());

/** A vendor's build of a release, not a pre-release of it: Docker's edition, k3s's and RKE2's containerd. */
export const VENDOR_BUILD = /-(?:ce|ee)(?:-\d+)?$|-k3s\.?\d+(?:\.\d+)?$/;
/** A provider's build of a Kubernetes release ("v1.26.0-eks-5e0fdde", "v1.27.3-gke.100", "v1.15.4-k3s.1"). */
export const KUBE_VENDOR_BUILD = /-(?:eks|gke|k3s)[.-]?[\w.]*$/;

/** A component version with a vendor's build suffix dropped, as the engine reads a host's ("1.35.0-gke.100" is 1.35.0). */
export const withoutVendorBuild = (ecosystem: string, version: string): string =>
  version.replace(ecosystem === "kubernetes" ? KUBE_VENDOR_BUILD : VENDOR_BUILD, "");

/** A kubelet's version as kubectl prints it ("v1.26.0-eks-5e0fdde") as the Kubernetes release it is ("1.26.0"). */
export const kubernetesRelease = (version: string): string => withoutVendorBuild("kubernetes", version.replace(/^v/, ""));

/**
 * A distribution's build of a release: Debian's and Ubuntu's package revision ("1.3.3-0ubuntu1~24.04.2",
 * "1.6.20~ds1-1+b1", an epoch "5:24.0.7-1~ubuntu.22.04~jammy"), an RPM release ("1.13.1-91.git07f3374.el7",
 * "1.7.13-1.fc40"), a repacked source ("+dfsg1"), Debian's pre-release tilde ("1.0.0~rc95"). Read as SemVer
 * the revision is a pre-release (1.3.3-0ubuntu1 before 1.3.3) and "~rc95" a later release than any; it is
 * the upstream release with the distribution's patches, which may include backported changes. A pre-release
 * ("1.0.0-rc93"), build metadata ("+k3s1") and a vendor's tag ("v1.26.0-eks-5e0fdde") are none.
 */
const UPSTREAM = /^v?\d+(?:\.\d+){1,3}(?:-(?:rc|alpha|beta)\d+)?$/;

/** The upstream release of a distribution's build ("1.3.3" for "1.3.3-0ubuntu1~24.04.2"), or null for none. */
export function distroBuildBase(version: string): string | null {
  const original = version.trim();
  const upstream = original
    .replace(/^\d+:/, "")
    .replace(/-\d[\w.~+]*$/, "")
    .replace(/[~+](?:ds|dfsg)\d*/g, "")
    .replace(/~(rc|alpha|beta)\.?(\d+)/, "-$1$2");
  return upstream !== original && UPSTREAM.test(upstream) ? upstream : null;
}
