/**
 * What the version commands of the components beyond the container runtimes (runtime-version.ts) print, read as the
 * host's own output: each command the "to decide" step can name (decide-with.ts) has its reader here or beside the
 * runtimes', so that pasting the output it asked for decides the verdict (review 72b F2: `sysbox-runc --version` was not
 * read, `nft -V` and a CNI plugin's version line only as "a version the report names"). Each pattern follows the
 * program's own version printer, cited. A reading is written "ecosystem://version", as kubectl writes a runtime.
 */

import { POD_LABEL } from "./container-logs";

/**
 * containernetworking/plugins' binaries, whose version line names the plugins' release ("CNI bridge plugin v1.5.1"). Not
 * flannel's: since 1.0 that plugin is flannel-io/cni-plugin, numbered apart.
 */
export const CNI_PLUGIN_BINARIES = [
  "bridge",
  "loopback",
  "host-local",
  "portmap",
  "ptp",
  "macvlan",
  "ipvlan",
  "bandwidth",
  "firewall",
  "tuning",
  "vlan",
];

/**
 * One line that names its program: [ecosystem, pattern whose first group is the version].
 * - A CNI plugin run with no CNI_COMMAND prints its skel "about" string, `fmt.Sprintf("CNI %s plugin %s", pluginName,
 *   BuildVersion)` (containernetworking/plugins pkg/utils/buildversion, since v0.8.0), the release tag linked in by the
 *   release workflow ("CNI bridge plugin v1.5.1"); a build without it says "version unknown", which is no release.
 * - `nft -v` and `nft -V`: `printf("%s v%s (%s)\n", PACKAGE_NAME, PACKAGE_VERSION, RELEASE_NAME)` (nftables src/main.c),
 *   "nftables v1.1.0 (Commodore Bullmoose)"; `-V` adds its build options ("  cli: …") on the lines after.
 * - `netavark --version`: clap's "{name} {version}" of CARGO_PKG_VERSION (containers/netavark src/main.rs), "netavark 1.0.3".
 * - `systemctl --version`: "systemd 252 (252.22-1~deb12u1)", its package's version in parentheses (SYSTEMD_VERSION).
 */
export const SYSTEMD_VERSION = /^\s*systemd (\d{2,3})(?: \(\1(?:[.~+-][\w.~+-]*)?\))?\s*$/;
const LINES: ReadonlyArray<[ecosystem: string, pattern: RegExp]> = [
  ["cni-plugins", new RegExp(String.raw`^CNI (?:${CNI_PLUGIN_BINARIES.join("|")}) plugin v(\d+\.\d+\.\d+)$`)],
  ["nftables", /^nftables v(\d+\.\d+\.\d+(?:\.\d+)?) \([^()]+\)$/],
  ["netavark", /^netavark (\d+\.\d+\.\d+)$/],
  ["systemd", SYSTEMD_VERSION],
  // `xz --version`: "xz (XZ Utils) 5.4.1", then "liblzma 5.4.1" (xz's src/xz/message.c, message_version).
  ["xz", /^xz \(XZ Utils\) (\d+\.\d+\.\d+)$/],
  // A containerd release archive a listing names (`ls`, `ls -l`): the Makefile's RELEASE, "containerd-$(VERSION)-$(GOOS)-
  // $(GOARCH)", and its cri-containerd(-cni) and static siblings, ".tar.gz". Asked for where the binary it holds cannot run
  // (the loader refuses it, review 72b F5): the archive it was unpacked from names its release.
  [
    "containerd",
    /^(?:[-l][rwxsStT-]{9}[.+@]?\s+\d+\s+\S+\s+\S+\s+\d+\s+\w{3}\s+\d+\s+[\d:]+\s+)?(?:\S*\/)?(?:cri-containerd(?:-cni)?|containerd(?:-static)?)-(\d+\.\d+\.\d+)-linux-[a-z0-9]+\.tar\.gz$/,
  ],
];

/**
 * `sysbox-runc --version`: its cli.VersionPrinter prints "sysbox-runc", then one tab-indented "key: \tvalue" line each for
 * edition, version, commit, built at, built by and oci-specs (nestybox/sysbox-runc main.go; "edition" since 2021-03, before
 * it "platform"). sysbox-mgr and sysbox-fs print the same block under their own names, from the same release.
 */
const SYSBOX_HEADER = /^sysbox-(?:runc|mgr|fs)$/;
const SYSBOX_HEADER_END = /\bsysbox-(?:runc|mgr|fs)\s*$/;
const SYSBOX_FIELD = /^\s+([a-z-]+(?: [a-z]+)?):\s+(.*?)\s*$/;
/**
 * What a log pipeline puts before each line the block printed, as its reader fetched it: sysbox.service runs
 * `sysbox-runc --version && sysbox-mgr --version && sysbox-fs --version` as its own ExecStart, so its journal holds the
 * blocks ("Mar 03 06:47:43 host sh[11365]:         version:         0.5.0", nestybox/sysbox#637, #675); `kubectl logs`
 * adds `--prefix`'s "[pod/name/container] " and `--timestamps`' RFC 3339 time, a CRI log file its stream tag. Group 1 is
 * what names the printer (the label, the journal's host and tag): a block's lines all share it, its time may tick.
 */
const PIPELINE_PREFIX = new RegExp(
  String.raw`^((?:${POD_LABEL})?)(?:<\d{1,3}>)?(?:[A-Z][a-z]{2} {1,2}\d{1,2} \d\d:\d\d:\d\d(?:\.\d+)?|(?:[A-Z][a-z]{2} )?\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d| [A-Z]{2,5})?)( \S+ [^\s:[\]]+(?:\[\d+\])?:| (?:stdout|stderr) [FP])? |^(${POD_LABEL})`,
);
const SYSBOX_FIELD_KEYS = new Set(["edition", "platform", "version", "commit", "built at", "built by", "oci-specs"]);
/**
 * `falco --version`: "Falco version: %s", then "Libs version:  %s", "Plugin API:", "Engine:", "Driver:"
 * (falcosecurity/falco userspace/falco/app/actions/print_version.cpp). Not Falco's start-up line, which adds the
 * architecture ("Falco version: 0.39.2 (x86_64)", load_config.cpp): a daemon's start-up line is another run's.
 */
const FALCO_VERSION = /^Falco version: (\d+\.\d+\.\d+)$/;
const FALCO_LIBS = /^Libs version:\s+(\d+\.\d+\.\d+)$/;
/**
 * `traefik version`: "Version:      3.6.0" then "Codename:     ramequin", "Go version:", "Built:", "OS/Arch:" (traefik
 * cmd/version/version.go's template; the release's goreleaser links in the tag without its "v").
 */
const TRAEFIK_VERSION = /^Version:\s+v?(\d+\.\d+\.\d+)$/;
const TRAEFIK_CODENAME = /^Codename:\s+\S/;
/**
 * `talosctl version`'s server part: per node a "\tNODE:        <address>" line, then the node's own version block,
 * "\tTag:         v1.7.0" first (talosctl cmd/talos/version.go, printVersionResponse; pkg/machinery/version). The
 * client's Tag, under "Client:", is the talosctl binary's. Only a release tag, not a build past one.
 */
export const TALOSCTL_TAG = /^\s*Tag:\s+v(\d+\.\d+\.\d+)\s*$/;
export const TALOSCTL_NODE = /^\s*NODE:\s+\S/;
/**
 * `criu --version`: "Version: %s", and "GitID: %s" only for a git build (checkpoint-restore/criu criu/config.c): alone,
 * "Version: 4.0" names no program, so it is read after the command or with its GitID line.
 */
const CRIU_VERSION = /^Version: (\d+\.\d+(?:\.\d+)?)$/;
const CRIU_GITID = /^GitID: \S/;
/**
 * `flanneld --version`: `fmt.Fprintln(os.Stderr, version.Version)`, the tag alone ("v0.22.0", flannel main.go), so it is
 * read only after the command. Releases v0.21.0 to v0.21.5 print "dev": their Makefile linked the tag into a package
 * path the code had left (flannel 3a943f17, "fix incorrect version setting", first in v0.22.0).
 */
const FLANNELD_COMMAND = /(?:^|[\s/])flanneld\s+(?:-{1,2}version)\b/;
const FLANNELD_VERSION = /^v(\d+\.\d+\.\d+)$/;
const CRIU_COMMAND = /(?:^|[\s/])criu\s+(?:-V|--version)\b/;
/**
 * `kube-proxy --version`: "Kubernetes v1.18.2", as every Kubernetes binary prints its release (component-base's
 * version flag): kube-proxy's own, which a kubelet's may not be. Written as the ecosystem of its package, kube-proxy.
 */
const KUBE_PROXY_COMMAND = /(?:^|[\s/])kube-proxy\s+--version\b/;
const KUBE_PROXY_VERSION = /^Kubernetes v(1\.\d+\.\d+)(?:[+-][\w.-]+)?$/;
/** The ecosystem a kube-proxy reading is written under: kube-proxy's package, which judges that package's ranges. */
export const KUBE_PROXY = "kube-proxy";

/** What a reader found: its readings, the lines they rest on (0-based, [first, last]). */
interface ToolVersions {
  readings: Array<[ecosystem: string, version: string]>;
  from: number;
  to: number;
}

/** The lines a reader reads: the bundle's, by 0-based index. */
interface Lines {
  length: number;
  at(i: number): string;
}

/**
 * The versions a component's own version command printed at line `i` (0-based), or null. `command` is the command line
 * right before it, if any: the output of some commands ("v0.22.0", "Version: 4.0") names no program.
 */
export function readToolVersions(lines: Lines, i: number, command: string | null): ToolVersions | null {
  const t = lines.at(i).trim();
  const one = (ecosystem: string, version: string, to = i): ToolVersions => ({ readings: [[ecosystem, version]], from: i, to });
  for (const [ecosystem, pattern] of LINES) {
    const version = pattern.exec(t)?.[1];
    if (version) return one(ecosystem, version);
  }
  if (SYSBOX_HEADER_END.test(t)) return sysboxBlock(lines, i);
  const falco = FALCO_VERSION.exec(t)?.[1];
  if (falco) {
    const libs = FALCO_LIBS.exec(lines.at(i + 1).trim())?.[1];
    return libs
      ? {
          readings: [
            ["falco", falco],
            ["falcosecurity-libs", libs],
          ],
          from: i,
          to: i + 1,
        }
      : one("falco", falco);
  }
  const traefik = TRAEFIK_VERSION.exec(t)?.[1];
  if (traefik && TRAEFIK_CODENAME.test(lines.at(i + 1).trim())) return one("traefik", traefik, i + 1);
  const talos = TALOSCTL_NODE.test(t) ? TALOSCTL_TAG.exec(lines.at(i + 1))?.[1] : undefined;
  if (talos) return one("talos", talos, i + 1);
  const criu = CRIU_VERSION.exec(t)?.[1];
  if (criu && ((command !== null && CRIU_COMMAND.test(command)) || CRIU_GITID.test(lines.at(i + 1).trim()))) return one("criu", criu);
  if (command === null) return null;
  const flannel = FLANNELD_COMMAND.test(command) ? FLANNELD_VERSION.exec(t)?.[1] : undefined;
  if (flannel) return one("flannel", flannel);
  const proxy = KUBE_PROXY_COMMAND.test(command) ? KUBE_PROXY_VERSION.exec(t)?.[1] : undefined;
  return proxy ? one(KUBE_PROXY, proxy) : null;
}

/**
 * A line behind the log pipeline's prefix (PIPELINE_PREFIX): what names its printer, and the program's own output with
 * its indentation kept; a line with none is its own output.
 */
function behindPrefix(line: string): { printer: string; printed: string } {
  const prefix = PIPELINE_PREFIX.exec(line);
  return prefix
    ? { printer: prefix[3] ?? `${prefix[1] ?? ""}${prefix[2] ?? ""}`, printed: line.slice(prefix[0].length) }
    : { printer: "", printed: line };
}

/**
 * The versions a version command printed at a log line (0-based): the sysbox block behind a pipeline's prefix, whose
 * lines a reader fetched from the journal or a pod's log. Only the whole block, each line's message its printer's alone:
 * a sentence naming sysbox-runc is no header, and a field line of another printer ends the block.
 */
export function readLoggedToolVersions(lines: Lines, i: number): ToolVersions | null {
  return SYSBOX_HEADER_END.test(lines.at(i)) ? sysboxBlock(lines, i) : null;
}

/** The sysbox block whose header is at `i`: its version field, read over the block's own lines only (behind one printer's prefix). */
function sysboxBlock(lines: Lines, i: number): ToolVersions | null {
  const header = behindPrefix(lines.at(i));
  if (!SYSBOX_HEADER.test(header.printed.trim())) return null;
  let version: string | undefined;
  let to = i;
  for (let k = i + 1; k < Math.min(lines.length, i + 1 + SYSBOX_FIELD_KEYS.size); k++) {
    const line = behindPrefix(lines.at(k));
    const field = line.printer === header.printer ? SYSBOX_FIELD.exec(line.printed) : null;
    if (!field?.[1] || !SYSBOX_FIELD_KEYS.has(field[1])) break;
    if (field[1] === "version") version = /^(\d+\.\d+\.\d+)$/.exec(field[2] ?? "")?.[1];
    to = k;
  }
  return version ? { readings: [["sysbox", version]], from: i, to } : null;
}

/**
 * The components whose program runs in a container image rather than on the host (Traefik as its image; the xz an image
 * ships, whose own sandbox fails inside it): a reading printed in a container is that program's own, not an image's copy
 * of a host program (review 30d). xz printed on the host stays a version the report names: the host's xz is not the
 * image's that failed.
 */
const IMAGE_PROGRAMS: Readonly<Record<string, "image" | "anywhere">> = { traefik: "anywhere", xz: "image" };

/** Whether a reading is read at all where it was printed: an image-only program's (xz's) only inside a container. */
export const readsOutput = (ecosystem: string, inContainer: boolean): boolean => inContainer || IMAGE_PROGRAMS[ecosystem] !== "image";

/** Whether a reading printed in a container is that program's own (an image program's), not an image's copy of a host one. */
export const imageProgram = (reading: string): boolean => reading.slice(0, reading.indexOf("://")) in IMAGE_PROGRAMS;

/** The ecosystems these readers give a version of (read-ecosystems.ts). */
export const TOOL_ECOSYSTEMS: readonly string[] = [
  ...LINES.map(([ecosystem]) => ecosystem),
  ...["sysbox", "falco", "falcosecurity-libs", "traefik", "talos", "criu", "flannel"],
];
