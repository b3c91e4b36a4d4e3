/**
 * Parsers for the strings a kernel reports about itself: `uname -a`, `uname -r`, `uname -v`,
 * /proc/version and Ubuntu's /proc/version_signature.
 */

export interface UnameFacts {
  /** `uname -r`, e.g. "6.8.0-56-generic". */
  release: string | null;
  /** `uname -v`, e.g. "#58-Ubuntu SMP PREEMPT_DYNAMIC Thu Feb 13 ...". */
  build: string | null;
  machine: string | null;
  hostname: string | null;
  /** The last word of `uname -a` when it names the platform rather than GNU/Linux ("Android"). */
  platform?: string;
  /** Read from a person's sentence ("on kernel 5.4.0-42-generic"), not from output the kernel printed. */
  named?: true;
  /** What named it, when not a sentence (KernelFacts.via). */
  via?: string;
  /** A sentence claiming it as the host's kernel outright ("our nodes run kernel …"): output naming another release leaves two. */
  claimed?: true;
}

export interface VersionSignature {
  /** Ubuntu package version, e.g. "5.15.0-79.86". */
  packageVersion: string;
  flavour: string;
  /** The mainline version the Ubuntu kernel is based on, e.g. "5.15.111". */
  upstream: string;
  /** The `uname -r` this signature belongs to, e.g. "5.15.0-79-generic". */
  release: string;
}

const MACHINE = /^(x86_64|amd64|aarch64|arm64|armv[5-8]\w*|i[3-6]86|ppc64le|ppc64|s390x|riscv64|loongarch64|mips64\w*)$/;
/**
 * The kernel's Makefile always prints major.minor.sublevel; majors 2 to 9 cover every Linux so far. A
 * vendor's local version usually follows a separator, but some builds glue it on (Berryboot's
 * "4.14.72v7-aufs").
 */
// Linux 2.x ended at 2.6 (2.6.32 is RHEL 6's): "2.17.0g" (the ENA driver's /sys/module/ena/version) or "2.2.6-1" (ZFS's)
// is a module's version, no kernel (review 31a). Debian's packaging lets an ABI name replace the sublevel: its own
// unreleased builds ("6.12+unreleased-amd64") and derivatives' ("6.11+parrot-amd64") print x.y, a plus and a word, the
// version only in `uname -v` (review 65a F2: the whole `uname -a` unread).
const RELEASE = /^(?!\d+\.\d+\.\d+\.\d+$)(?:2\.6|[3-9]\.\d+)(?:\.\d+(?:[-+_.~a-z][\w.+~-]*)?|\+[a-z][a-z\d]*-[\w.+~-]+)$/;
/** `uname -v` starts with the build counter and usually SMP/PREEMPT: "#1 SMP ...", "#58~22.04.1-Ubuntu SMP ...". */
const BUILD = /^#\d+\S*\s+(?:SMP|PREEMPT)\b/;
const PROC_VERSION = /^Linux version (\S+)\s+\(/;
const SIGNATURE = /^Ubuntu\s+(\d+\.\d+\.\d+)-(\d+)\.(\d+\S*?)-([a-z][a-z0-9-]*)\s+(\d+\.\d+(?:\.\d+)?)\s*$/;

/** Longer than any real `uname -r`: a longer run of text (prose, a blob) is not taken for one. */
const MAX_RELEASE = 128;
export const looksLikeRelease = (text: string): boolean => {
  const t = text.trim();
  return t.length <= MAX_RELEASE && RELEASE.test(t);
};
export const looksLikeBuild = (text: string): boolean => BUILD.test(text.trim());

/**
 * `uname -a`: "Linux <host> <release> <build ...> <machine> [<processor> <platform>] GNU/Linux". The
 * hostname is sometimes left out (`uname -srvmo`, tools that print uname without it, a pasted line
 * with the host removed): "Linux <release> <build ...> <machine> ...". Android prints "Android" where
 * others print "GNU/Linux".
 */
export function parseUnameAll(line: string): UnameFacts | null {
  const tokens = line.trim().split(/\s+/);
  if (tokens[0] !== "Linux" || tokens.length < 4) return null;
  const noHost = looksLikeRelease(tokens[1] ?? "") && tokens[2]?.startsWith("#") === true;
  const [hostname, release] = noHost ? [null, tokens[1]] : [tokens[1], tokens[2]];
  const buildAt = noHost ? 2 : 3;
  if (!release || !looksLikeRelease(release)) return null;
  if (!tokens[buildAt]?.startsWith("#")) return null;
  // The machine is the first architecture-looking word after the build; the processor string that
  // some systems print after it ("Intel(R) Xeon(R) CPU ...") may contain spaces.
  const at = tokens.findIndex((t, i) => i > buildAt && MACHINE.test(t));
  const last = tokens.at(-1);
  const end = at === -1 ? tokens.length - (last === "GNU/Linux" || last === "Android" ? 1 : 0) : at;
  return {
    release,
    build: tokens.slice(buildAt, end).join(" ") || null,
    machine: at === -1 ? null : (tokens[at] ?? null),
    hostname: hostname ?? null,
    ...(last === "Android" ? { platform: "Android" } : {}),
  };
}

/** /proc/version: "Linux version <release> (<builder>) (<compiler>) <build>". */
export function parseProcVersion(line: string): UnameFacts | null {
  const text = line.trim();
  const m = PROC_VERSION.exec(text);
  if (!m?.[1] || !looksLikeRelease(m[1])) return null;
  // The build is the part from the "#NN" counter on; the compiler string in between has parentheses.
  const build = /\s(#\d+\S*(?:\s.*)?)$/.exec(text.slice(m[0].length));
  return { release: m[1], build: build?.[1]?.trim() ?? null, machine: null, hostname: null };
}

/** /proc/version_signature (Ubuntu only): "Ubuntu 5.15.0-79.86-generic 5.15.111". */
export function parseVersionSignature(line: string): VersionSignature | null {
  const m = SIGNATURE.exec(line.trim());
  if (!m) return null;
  const [, base, abi, upload, flavour, upstream] = m;
  if (!base || !abi || !upload || !flavour || !upstream) return null;
  return {
    packageVersion: `${base}-${abi}.${upload}`,
    flavour,
    upstream,
    release: `${base}-${abi}-${flavour}`,
  };
}

/**
 * Any one of the kernel strings above, recognised by shape. A signature is reported as its release
 * (build unknown); pass the signature line itself to kernelFacts to use its upstream version.
 */
export function parseUname(text: string): UnameFacts | null {
  const line = text.trim();
  const parsed = parseUnameAll(line) ?? parseProcVersion(line);
  if (parsed) return parsed;
  const signature = parseVersionSignature(line);
  if (signature) return { release: signature.release, build: null, machine: null, hostname: null };
  if (looksLikeBuild(line)) return { release: null, build: line, machine: null, hostname: null };
  if (looksLikeRelease(line)) return { release: line, build: null, machine: machineOfRelease(line), hostname: null };
  return parseUnameShort(line);
}

/**
 * A kernel series typed where a release was asked for ("5.14", "6.1.x", "Linux 4.19"): no uname prints
 * one (3.0 on print a sublevel, 0 included), so a person wrote it, knowing the series and not the build.
 */
const SERIES_ONLY = /^(?:Linux\s+)?v?([2-7]\.\d{1,2})(?:\.x)?$/i;
/** A release that is a series alone ("5.14"): what parseSeriesOnly reads, never what uname prints. */
export const isSeriesRelease = (release: string): boolean => /^\d+\.\d+$/.test(release);

export function parseSeriesOnly(text: string): UnameFacts | null {
  const series = SERIES_ONLY.exec(text.trim())?.[1];
  return series ? { release: series, build: null, machine: null, hostname: null } : null;
}

/**
 * A host name as uname prints one (letters, digits, dots, dashes, underscores), and not a word that makes
 * the line a sentence or a label ("Linux kernel 5.4.3", "Linux Kernel: 5.4.0-42-generic", "Linux x86_64 ...").
 */
const HOST_NAME = /^[A-Za-z0-9][\w.-]*$/;
const NOT_A_HOST = /^(?:kernel|version|release|headers|image|v)$/i;
const isHostName = (t: string) => HOST_NAME.test(t) && !NOT_A_HOST.test(t) && !MACHINE.test(t) && !looksLikeRelease(t);
/** What uname prints after the release when the build is left out: the machine and the operating system. */
const isTail = (t: string) => MACHINE.test(t) || t === "GNU/Linux";

/**
 * Other flag sets: `uname -rv` ("<release> #58-Ubuntu SMP ..."), `uname -sr[m][o]` ("Linux <release>
 * [machine] [GNU/Linux]") and `uname -snr[mo]` ("Linux <host> <release> [machine] [GNU/Linux]", also what is left
 * of `uname -a` cut after the release). uname prints its fields in a fixed order (s n r v m p i o).
 */
export function parseUnameShort(line: string): UnameFacts | null {
  const tokens = line.trim().split(/\s+/);
  const [first = "", second = "", third] = tokens;
  if (looksLikeRelease(first) && looksLikeBuild(tokens.slice(1).join(" "))) {
    return { release: first, build: tokens.slice(1).join(" "), machine: null, hostname: null };
  }
  if (first === "Linux" && looksLikeRelease(second) && tokens.length <= 4 && tokens.slice(2).every(isTail)) {
    return {
      release: second,
      build: null,
      machine: tokens.slice(2).find((t) => MACHINE.test(t)) ?? machineOfRelease(second),
      hostname: null,
    };
  }
  const rest = tokens.slice(3);
  if (first === "Linux" && third && looksLikeRelease(third) && isHostName(second) && rest.length <= 2 && rest.every(isTail)) {
    return { release: third, build: null, machine: rest.find((t) => MACHINE.test(t)) ?? machineOfRelease(third), hostname: second };
  }
  return null;
}

/** RPM-built kernels end their release with the architecture: "5.14.0-427.13.1.el9_4.x86_64". */
export function machineOfRelease(release: string): string | null {
  const m = /\.(x86_64|aarch64|ppc64le|s390x|i686)(?:\+\w+)?$/.exec(release);
  return m?.[1] ?? null;
}
