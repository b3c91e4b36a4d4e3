/**
 * SUSE kernels: `uname -r` is <version>-<release>-<flavour> with SUSE's own flavours (default, azure,
 * rt, kvmsmall, 64kb, ...). SLE codestreams put the service pack in the release ("150500" is
 * SLE 15 SP5, also used by Leap 15.5), so "5.14.21-150500.55.39-default" is kernel-default of SLE 15
 * SP5; the base version (5.14.21) is not the upstream release, as SUSE backports fixes into it.
 * Tumbleweed tracks upstream stable releases ("6.7.4-1-default"). `uname -v` ends with the
 * kernel-source commit in parentheses: "#1 SMP PREEMPT_DYNAMIC Tue Dec 5 10:06:35 UTC 2023 (2e4092e)".
 */
import type { KernelFacts, OsFacts } from "../types";

const FLAVOURS = "default|azure|rt|kvmsmall|64kb|preempt|vanilla|debug|zfcpdump|lpae|pae";
const RELEASE = new RegExp(`^(\\d+\\.\\d+\\.\\d+)-([\\w.]+)-(${FLAVOURS})$`);
/** SLE codestream releases: 150500.55.39 = SLE 15 SP5, 160000.x = SLE 16.0. */
const CODESTREAM = /^(1[5-9])(\d\d)00\.[\d.]+$/;
const SOURCE_COMMIT = /\(([0-9a-f]{7,12})\)\s*$/;
/** os-release IDs of SUSE's enterprise kernels (Leap ships SLE's). */
const ENTERPRISE_IDS = /^(sles|sled|sles_sap|sle-micro|sl-micro|opensuse-leap|opensuse-leap-micro)$/;
const SUSE_IDS = /^(sles|sled|sles_sap|sle-micro|sl-micro|opensuse|opensuse-leap|opensuse-tumbleweed|opensuse-microos|opensuse-slowroll)$/;

export function isSuseKernel(release: string, os: OsFacts | null): boolean {
  const m = RELEASE.exec(release);
  if (!m) return false;
  // "default" and the codestream release are SUSE's alone; other flavours need os-release to agree.
  return m[3] === "default" || CODESTREAM.test(m[2] ?? "") || (os !== null && (SUSE_IDS.test(os.id) || os.idLike.includes("suse")));
}

export function suseKernel(release: string, build: string | null, os: OsFacts | null): Partial<KernelFacts> | null {
  const m = RELEASE.exec(release);
  if (!m) return null;
  const [, base = "", rel = "", flavour = ""] = m;
  const notes: string[] = [];
  const commit = build ? SOURCE_COMMIT.exec(build)?.[1] : undefined;
  if (commit) notes.push(`kernel-source commit ${commit} read from uname -v`);
  const stream = CODESTREAM.exec(rel);
  // MicroOS is built from Tumbleweed's packages, its kernel included (its os-release's ID_LIKE says so; review 32b).
  const tumbleweed = os !== null && (/^opensuse-(?:tumbleweed|slowroll|microos)$/.test(os.id) || os.idLike.includes("opensuse-tumbleweed"));
  const name = `kernel-${flavour}`;
  const version = `${base}-${rel}`;
  if (stream) {
    const sp = Number(stream[2]);
    const series = `${stream[1]}.${sp}`;
    notes.push(
      `SLE ${stream[1]}${sp ? ` SP${sp}` : ""} codestream read from the release ${rel} (also the kernel of Leap ${series}); ${base} is SUSE's base, not the upstream release`,
    );
    return {
      distro: "suse",
      flavour,
      upstream: null,
      upstreamCertainty: "unknown",
      package: {
        ecosystem: `sles:${series}`,
        names: [name],
        version,
        scheme: "rpm",
        certainty: "derived",
        note: `${[...notes, `package ${name} ${version} from uname -r (the RPM release may carry one more component)`].join("; ")}.`,
      },
    };
  }
  // Tumbleweed and OBS kernel:stable builds track upstream stable releases with a small release
  // number ("6.7.4-1"). Everything else is an enterprise kernel that backports instead: a SLE or Leap
  // host, a .0 base (SL Micro 6.x, SLE 16), or a release numbered like SLE's pre-codestream
  // service packs ("5.3.18-24.37" is SLE 15 SP2, "4.12.14-122.x" SLE 12 SP5).
  const enterpriseOs = os !== null && ENTERPRISE_IDS.test(os.id);
  const smallRelease = Number(/^\d+/.exec(rel)?.[0] ?? "NaN") < 10;
  const tracksUpstream = tumbleweed || (!enterpriseOs && base.split(".")[2] !== "0" && smallRelease);
  notes.push(
    tracksUpstream
      ? `${base} taken as the upstream release: SUSE's rolling kernels follow upstream stable`
      : `${base}-${rel} is an enterprise codestream that backports fixes; its upstream release is unknown`,
  );
  return {
    distro: tumbleweed ? "opensuse-tumbleweed" : "suse",
    flavour,
    upstream: tracksUpstream ? base : null,
    upstreamCertainty: tracksUpstream ? "derived" : "unknown",
    package: {
      ecosystem: tumbleweed ? "opensuse-tumbleweed" : null,
      names: [name],
      version,
      scheme: "rpm",
      certainty: "derived",
      note: `${notes.join("; ")}.`,
    },
  };
}
