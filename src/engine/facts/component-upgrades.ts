/**
 * Where a paste installs or upgrades a container or Kubernetes component: a package manager's command at a shell
 * prompt (`$ sudo apt-get install -y kubelet=1.24.0-00`, `# yum -y update docker-ce`, `$ sudo apt-get upgrade`) or
 * what dpkg prints as it does ("Setting up docker-ce (5:29.0.0-1~ubuntu.24.04~noble) ...", "Unpacking containerd.io
 * (1.7.24-1) over (1.7.22-1) ..."). That component's output printed before such a line shows the state before the
 * change: another time's, like output under a "before the upgrade" heading (output-heading.ts), so it is no reading
 * of the host that failed after it. Prose, a printed script, a build's steps and a container's shell (bundle-sections.ts
 * sets their lines apart) install nothing on the host, and a command at another host's prompt nothing on this one.
 */
import { PROMPT } from "./bundle-sections";
import { CHANGE_PACKAGE_STARTS, installedWith } from "./component-packages";
import { ansibleOneLine } from "./fan-out";
import type { LineRef } from "./iptables-version";
import { sameMachine } from "./uname-fleet";

/**
 * Markers of the lines read here (MENTION_MARKERS): a manager's name before its verb or options, or dpkg's output
 * for a component's package only (an install of hundreds of packages prints a line for each).
 */
export const UPGRADE_MARKERS = [
  ...["apt-get", "apt", "yum", "dnf", "zypper"].flatMap((tool) => [`${tool} install`, `${tool} upgrade`, `${tool} -`]),
  "apt-get dist-upgrade",
  "apt full-upgrade",
  "yum update",
  "dnf update",
  "yum downgrade",
  "dnf downgrade",
  "pacman -",
  "rpm -",
  "apk add",
  "apk upgrade",
  // A binary put in place by hand, as the upstream install steps do (see BY_HAND).
  "install -m",
  "bin/runc",
  "bin/crun",
  "bin/containerd",
  "bin/dockerd",
  "bin/kubelet",
  "tar ",
  "zypper in",
  "zypper up",
  "zypper dup",
  "zypper patch",
  "yum localinstall",
  "dnf localinstall",
  "dpkg -i ",
  "dpkg --install",
  "unattended-upgrade",
  "get.docker.com",
  "get-docker.sh",
  "aptitude ",
  "nala ",
  "pkcon ",
  "snap refresh",
  "snap install",
  ...CHANGE_PACKAGE_STARTS.flatMap((name) => [`setting up ${name}`, `unpacking ${name}`]),
];

/**
 * A package as a command or dpkg names it, its version, architecture or release pinned or not ("kubelet=1.24.0-00",
 * "containerd.io:amd64", "docker-ce-20.10.1-3.el7", "kubeadm-1.24.0-0.x86_64", "kubelet.x86_64").
 */
const PACKAGE_ARG = /^([a-z0-9][a-z0-9.+-]*?)(?:\.(?:x86_64|aarch64|noarch|s390x|ppc64le|armv7hl|i686))?(?:[=:/].*|-\d.*)?$/;
const componentsOf = (arg: string): readonly string[] => {
  const name = PACKAGE_ARG.exec(arg)?.[1];
  return name ? installedWith(name) : [];
};

/** What a line upgrades: some components, every package ("all"), or nothing. */
export type Upgraded = ReadonlySet<string> | "all";

const DPKG_OUTPUT = /^\s*(?:Setting up|Unpacking) (\S+) \(/;
/**
 * dpkg's output as a fan-out tool prints a host's: after pdsh's or clush's "host: " (fan-out.ts' HOST_PREFIX), or as
 * ansible's result holds it, a JSON `"stdout": "…\n…"` string, one `stdout_lines` item or the one-line form's `(stdout)`
 * part (`ansible -o`). The host is the line's printer
 * (fan-out-reader.ts), as for an `ssh` target's output (review 41b: an upgrade through pdsh or ansible was the bastion's,
 * and the failed node's later version was taken for the one it failed on).
 */
const FANNED_DPKG = /^\s*[A-Za-z0-9][\w.-]*(?::\d+)?: (?=(?:Setting up|Unpacking) )/;
const JSON_STRING = /^\s*(?:"(?:stdout|msg)"\s*:\s*)?"((?:[^"\\]|\\.)*)",?\s*$/;
/** The components dpkg's lines on `text` set up or unpack, in any of the forms above. */
function dpkgComponents(text: string): Upgraded | null {
  const out = DPKG_OUTPUT.exec(text.replace(FANNED_DPKG, ""));
  if (out) return setOf(componentsOf(out[1] ?? ""));
  const quoted = JSON_STRING.exec(text)?.[1] ?? ansibleOneLine(text.trim())?.escaped;
  if (quoted === undefined) return null;
  const parts = quoted.split(/\\(?:r\\)?n/).map((part) => DPKG_OUTPUT.exec(part)?.[1] ?? "");
  return setOf(parts.flatMap(componentsOf));
}
/** A manager's command after a shell prompt or `sudo`, in any part of a `&&` or `;` chain. */
const MANAGER =
  /(?:^|\s|\/)(apt-get|apt|aptitude|nala|pkcon|snap|yum|dnf|zypper|microdnf|pacman|rpm|apk|dpkg|unattended-upgrades?)(?:\s+(.*))?$/;
/**
 * A binary put in place by hand, as the upstream install steps do: `install -m 755 runc.amd64 /usr/local/sbin/runc`, `cp
 * crun /usr/bin/crun`, `tar Cxzvf /usr/local containerd-1.6.4-linux-amd64.tar.gz` (review 56b F3: containerd 1.6.4 read
 * after its tarball was unpacked ruled out, for certain, the 1.6.3 failure logged before it). The component is the one the
 * destination's file name, or the archive's name before its version, names.
 */
const BY_HAND = /(?:^|\s|\/)(install|cp|mv|tar|wget|curl)\s+(.*)$/;
const INTO_BIN = /\/s?bin\/([a-z][\w.-]*)$/;
const RELEASE_ARCHIVE = /^(?:.*\/)?([a-z][a-z0-9-]*?)-v?\d+\.\d+[\w.-]*\.(?:tar\.gz|tgz|tar\.xz|tar\.zst|tar)$/;
/** tar's extracting option, bundled ("Cxzvf", "-xzf", "xvf") or long. */
const TAR_EXTRACT = /^(?:-?[A-Za-z]*x[A-Za-z]*|--extract|--get)$/;
/** A path or file name longer than this is no install step's (and is not searched by the patterns above). */
const MAX_WORD = 256;
function placedByHand(tool: string, words: readonly string[]): readonly string[] {
  const args = words.filter((w) => w.length <= MAX_WORD && (!w.startsWith("-") || (tool === "tar" && TAR_EXTRACT.test(w))));
  if (tool === "tar") {
    if (!words.some((w) => TAR_EXTRACT.test(w))) return [];
    return args.flatMap((a) => {
      const name = RELEASE_ARCHIVE.exec(a)?.[1];
      // A release's variants name it among other words: "cri-containerd-cni-1.6.4", "containerd-static-1.6.4" (56d F4).
      const named = name ? [name, ...name.split("-")].find((part) => ownComponent(part).length) : undefined;
      return named ? ownComponent(named) : [];
    });
  }
  // A download written straight into a bin directory (`wget -O /usr/local/sbin/runc …`, `curl -sSLo …`: review 57b F2).
  if (tool === "wget" || tool === "curl") {
    const to = downloadedTo(tool, words);
    const into = to ? INTO_BIN.exec(to)?.[1] : undefined;
    return into ? ownComponent(into) : [];
  }
  const name = INTO_BIN.exec(args.at(-1) ?? "")?.[1];
  // An installed binary copied from one bin directory to another is the same build (review 56d F6).
  if (args.length >= 2 && args.slice(0, -1).every((a) => /\/s?bin\//.test(a))) return [];
  return args.length >= 2 && name ? ownComponent(name) : [];
}
/** Where wget (`-O`, `--output-document`) or curl (`-o`, `--output`) writes, options bundled or not; undefined for none. */
function downloadedTo(tool: "wget" | "curl", words: readonly string[]): string | undefined {
  const [short, long] = tool === "wget" ? ["O", "--output-document"] : ["o", "--output"];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (w.startsWith(`${long}=`)) return w.slice(long.length + 1);
    if (w === long || (/^-[A-Za-z]+$/.test(w) && w.endsWith(short))) return words[i + 1];
  }
  return undefined;
}
/** The component a binary or a release archive is of, alone: a distribution's package pulls others in, a binary none. */
const ownComponent = (name: string): readonly string[] => installedWith(name).slice(0, 1);

/**
 * A daemon restarted at a prompt: `systemctl restart docker` (or `try-restart`, `reload-or-restart`, `start` after a stop),
 * `service containerd restart`, `rc-service crio restart`; its component, by the unit's name.
 */
const RESTART =
  /^(?:sudo\s+(?:-\S+\s+)*)?(?:systemctl\s+(?:-\S+\s+)*(?:restart|try-restart|reload-or-restart|start)((?:\s+[\w@.-]+)+)|(?:(?:rc-)?service|invoke-rc\.d|\/etc\/init\.d\/|\/etc\/rc\.d\/rc\.|snap\s+restart\s+)\s*([\w@.-]+)(?:\s+(?:restart|start))?)\s*$/;
const MAX_RESTART_LINE = 1000;
const DAEMON_UNITS: Readonly<Record<string, string>> = {
  docker: "docker",
  dockerd: "docker",
  containerd: "containerd",
  crio: "cri-o",
  "cri-o": "cri-o",
  kubelet: "kubernetes",
  podman: "podman",
};
/**
 * The components whose daemons a command line (its prompt first) restarts, in any part of a `&&` or `;` chain ("systemctl
 * daemon-reload && systemctl restart docker", "systemctl restart containerd docker": review 56d F3).
 */
export function restartedBy(text: string): string[] {
  const prompt = PROMPT.exec(text) ?? TRACE.exec(text);
  if (!prompt || text.length > MAX_RESTART_LINE) return [];
  const out = new Set<string>();
  for (const part of text.slice(prompt[0].length).split(/&&|;|\|\|/)) {
    const m = RESTART.exec(part.trim());
    // init.d and service scripts take their verb after the name: only a restart or a start counts.
    if (!m || (m[2] && !/\s(?:restart|start)\s*$/.test(part) && !/^\s*(?:sudo\s+)?snap\s/.test(part))) continue;
    for (const unit of (m[1] ?? m[2] ?? "").trim().split(/\s+/)) {
      const ecosystem = DAEMON_UNITS[unit.replace(/\.(?:service|socket)$/, "")];
      if (ecosystem) out.add(ecosystem);
    }
  }
  return [...out];
}

/** A command before the manager's that runs it elsewhere: in a container, a chroot, on another host. */
const ELSEWHERE =
  /\b(?:docker|podman|nerdctl|finch|buildah|kubectl|oc|crictl|ctr|lxc|incus|lxc-attach|pct|machinectl|systemd-nspawn|toolbox|distrobox|chroot|ssh|pdsh|clush|pssh|parallel-ssh|ansible)\b/;
/** A command as `set -x` traces it in a CI log ("+ apt-get install -y docker-ce"): run on the host like a prompt's. */
const TRACE = /^\s*\++ (?=\S)/;
/** Options that take the next word as their value (apt's `-o Dpkg::Options::=…`, `-t bookworm-backports`). */
const VALUED_OPTION = /^(?:-[otc]|--option|--target-release|--config-file|--setopt|--repo|--enablerepo|--disablerepo)$/;
/** Options that change nothing installed: a simulation or an answer of no. */
const CHANGES_NOTHING =
  /^(?:-s|--simulate|--just-print|--dry-run|--recon|--no-act|--assume-no|--downloadonly|--download-only|-d|--test|--print|-p)$/;
/**
 * What a manager prints when the command changed nothing: the package already at that version, not found, or an
 * error (apt's "E: …", dnf's "Error: …", "Nothing to do.").
 */
// apt's summary "0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded." changed nothing either (review 34a), nor
// a question answered no: apt's "Abort.", dnf's "Operation aborted.", yum's "Exiting on user command" (review 46a F7).
const NOTHING_DONE =
  /^E: |^Error: |\bNothing to do\b|\bUnable to locate package\b|\bNo match for argument\b|^0 upgraded, 0 newly installed, 0 to remove\b|^Abort\.$|^Operation aborted\.?$|^Exiting on user command\b/;
/**
 * The same said by one manager of its whole command: pacman stops its transaction at any "error: …" and says "there is
 * nothing to do"; rpm installs nothing of a set when one "is already installed". Not dnf's per-package "Package … is
 * already installed.", after which it changes the rest (review 56d F2).
 */
const NOTHING_DONE_BY: Readonly<Record<string, RegExp>> = {
  pacman: /^error: |\bthere is nothing to do\b/,
  rpm: /\bis already installed\b/,
};
/** Lines read after a command for what it printed, up to the next prompt. */
const OUTPUT_LINES = 40;
/** The verbs that change installed packages (apt's `update` only refreshes its lists). */
const VERBS: Readonly<Record<string, ReadonlySet<string>>> = {
  apt: new Set(["install", "upgrade", "dist-upgrade", "full-upgrade", "safe-upgrade", "reinstall"]),
  yum: new Set([
    "install",
    "localinstall",
    "update",
    "localupdate",
    "upgrade",
    "update-minimal",
    "upgrade-minimal",
    "reinstall",
    "distro-sync",
    "downgrade",
  ]),
  pkcon: new Set(["install", "install-local", "update"]),
  snap: new Set(["install", "refresh"]),
  zypper: new Set(["in", "install", "up", "update", "dup", "dist-upgrade", "patch"]),
  apk: new Set(["add", "upgrade"]),
};
/**
 * Managers whose operation is an option, not a verb: pacman's sync or upgrade (`-S`, `-Syu`, `-U <file>`; not a search,
 * an information or a download only: `-Ss`, `-Si`, `-Sw`, `-Sc`) and rpm's install, upgrade or freshen (`-i`, `-Uvh`,
 * `-F`), each given packages or package files.
 */
const OPERATION: Readonly<Record<string, RegExp>> = {
  pacman: /^(?:-(?:S(?![a-z]*[sicwgl])|U)[a-z]*|--sync|--upgrade)$/,
  rpm: /^(?:-[iUF][a-z]*|--install|--upgrade|--freshen)$/,
  // dpkg installing package files (Docker's "install from a package" steps), its output not always pasted (review 57b F2).
  dpkg: /^(?:-i|--install|--unpack)$/,
};
/** Verbs that, without a package, upgrade everything installed. */
const EVERYTHING = new Set([
  "upgrade",
  "dist-upgrade",
  "full-upgrade",
  "safe-upgrade",
  "update",
  "update-minimal",
  "upgrade-minimal",
  "up",
  "dup",
  "distro-sync",
  "patch",
  "refresh",
]);
const FAMILY: Readonly<Record<string, string>> = {
  "apt-get": "apt",
  apt: "apt",
  aptitude: "apt",
  nala: "apt",
  pkcon: "pkcon",
  snap: "snap",
  yum: "yum",
  dnf: "yum",
  microdnf: "yum",
  zypper: "zypper",
  apk: "apk",
  pacman: "pacman",
  rpm: "rpm",
  dpkg: "dpkg",
  "unattended-upgrade": "unattended",
  "unattended-upgrades": "unattended",
};

/**
 * What a line upgrades: a package manager's command at a shell prompt or in a `set -x` trace, or dpkg's output. Null
 * for anything else: prose naming the command, a script printed by `cat`, a Dockerfile step, a comment at a prompt,
 * a simulation, a command run in a container or on another host (`docker run … apt-get install`, `ssh node2 apt …`),
 * or a command whose output (`after`: up to `count` lines after it) says it changed nothing.
 */
export function upgradedBy(text: string, after: (count: number) => readonly string[] = () => []): Upgraded | null {
  const dpkg = dpkgComponents(text);
  if (dpkg) return dpkg;
  const prompt = PROMPT.exec(text) ?? TRACE.exec(text);
  if (!prompt || text.slice(prompt[0].length).startsWith("#")) return null;
  const printed = after(OUTPUT_LINES);
  const end = printed.findIndex((l) => PROMPT.test(l) || TRACE.test(l));
  const output = end < 0 ? printed : printed.slice(0, end);
  // Output read up to the window's end, no prompt after it: a list still running there may go on past it.
  const cut = end < 0 && printed.length >= OUTPUT_LINES;
  if (output.some((l) => NOTHING_DONE.test(l.trim()))) return null;
  const touched = new Set<string>();
  // Read once per command, whatever its chain repeats (review 57a F3: each part of `pacman -S a && pacman -S b && …` read
  // the whole output again).
  const refusedBy = new Map<string, boolean>();
  const refusal = (family: string) => {
    const refused = NOTHING_DONE_BY[family];
    if (!refused) return false;
    if (!refusedBy.has(family))
      refusedBy.set(
        family,
        output.some((l) => refused.test(l.trim())),
      );
    return refusedBy.get(family) === true;
  };
  let pacmanList: string[] | null | undefined;
  for (const part of text.split(/&&|;|\|\|/)) {
    // Docker's convenience script, piped from get.docker.com or run as downloaded: it installs or upgrades Docker's packages
    // (review 57e F2).
    const script = DOCKER_SCRIPT.exec(part);
    if (script && !ELSEWHERE.test(part.slice(0, script.index))) {
      for (const p of ["docker-ce", "containerd.io"]) for (const c of componentsOf(p)) touched.add(c);
      continue;
    }
    const m = MANAGER.exec(part);
    const hand = m ? null : BY_HAND.exec(part);
    if (hand && !ELSEWHERE.test(part.slice(0, hand.index))) {
      for (const c of placedByHand(hand[1] ?? "", (hand[2] ?? "").split(/\s+/).filter(Boolean))) touched.add(c);
      continue;
    }
    if (!m || ELSEWHERE.test(part.slice(0, m.index))) continue;
    const words = (m[2] ?? "").split(/\s+/).filter(Boolean);
    const family = FAMILY[m[1] ?? ""] ?? "";
    // unattended-upgrade's `-d` is its debug output, not a download only.
    if (words.some((w) => CHANGES_NOTHING.test(w) && !(family === "unattended" && w === "-d"))) continue;
    if (refusal(family)) continue;
    const operation = OPERATION[family];
    const args = words.filter((w, i) => !w.startsWith("-") && !VALUED_OPTION.test(words[i - 1] ?? ""));
    // A package file's name ("/var/cache/pacman/pkg/runc-1.1.15-1-x86_64.pkg.tar.zst") names its package.
    // So does a Debian package file's ("./docker-ce_26.0.1-1~ubuntu.22.04~jammy_amd64.deb": name_version_arch).
    const named = (list: readonly string[]) => list.map((p) => p.slice(p.lastIndexOf("/") + 1).replace(DEB_FILE, ""));
    // Package files named by a glob (`dpkg -i *.deb`, `apt install ./*.deb`): any package may be among them.
    if (args.some((a) => /[*?[]/.test(a) && /\.(?:deb|rpm|apk|pkg\.tar\.\w+)$/.test(a))) return "all";
    if (family === "unattended") {
      // It upgrades what its own log lists ("Packages that will be upgraded: docker-ce containerd.io"), else everything due.
      const listed = unattendedChanges(output);
      if (!listed) return "all";
      for (const p of listed) for (const c of componentsOf(p)) touched.add(c);
      continue;
    }
    if (operation) {
      const op = words.find((w) => operation.test(w));
      if (!op) continue;
      // pacman's own list of what its transaction changes ("Packages (2) curl-8.11.1-1 libcurl-8.11.1-1"), where its output
      // shows it: not what it skipped as up to date, nor a package the ones named pull (review 56d F6).
      if (family === "pacman" && pacmanList === undefined) pacmanList = pacmanChanges(output, cut);
      const listed = family === "pacman" ? pacmanList : null;
      if (listed) {
        // The list holds every package the transaction changes, its dependencies too: each is its own component only.
        for (const p of listed) for (const c of componentsOf(p).slice(0, 1)) touched.add(c);
        continue;
      }
      // pacman's full upgrade (`-Syu`, `-Su`) without packages upgrades everything.
      if (!args.length && family === "pacman" && /^-S[a-z]*u/.test(op)) return "all";
      for (const p of named(args)) for (const c of componentsOf(p)) touched.add(c);
      continue;
    }
    const [verb, ...packages] = args;
    if (!verb || !VERBS[family]?.has(verb)) continue;
    if (!packages.length && EVERYTHING.has(verb)) {
      // The manager's own list of what the upgrade changes, where its output shows it: not the packages apt kept back (review
      // 56b F4), nor those dnf's, yum's or zypper's transaction leaves out (review 57b F3).
      const listed =
        family === "apt" ? aptChanges(output, cut) : family === "yum" || family === "zypper" ? transactionChanges(output, cut) : null;
      if (!listed) return "all";
      for (const p of listed) for (const c of componentsOf(p)) touched.add(c);
      continue;
    }
    // apt says "… is already the newest version" of each package it leaves alone, and changes the others (review 57b: `-qq`
    // printed it for containerd.io alone, while docker-ce was upgraded).
    const kept = family === "apt" ? newestAlready(output) : null;
    for (const p of named(packages)) {
      if (kept?.has(PACKAGE_ARG.exec(p)?.[1] ?? p)) continue;
      for (const c of componentsOf(p)) touched.add(c);
    }
  }
  return setOf([...touched]);
}
const setOf = (components: readonly string[]): Upgraded | null => (components.length ? new Set(components) : null);

/** The packages apt's output says it left at the version installed ("containerd.io is already the newest version (1.6.31-1)."). */
function newestAlready(output: readonly string[]): ReadonlySet<string> {
  const kept = new Set<string>();
  for (const line of output) {
    const name = /^(\S+?)(?::[a-z0-9]+)? is already the newest version\b/.exec(line.trim())?.[1];
    if (name) kept.add(name);
  }
  return kept;
}
/** `curl -fsSL https://get.docker.com | sudo sh`, `sudo sh get-docker.sh`. */
const DOCKER_SCRIPT =
  /\bget\.docker\.com\b[^|]*\|\s*(?:sudo\s+(?:-\S+\s+)*)?(?:ba)?sh\b|(?:^|\s)(?:sudo\s+(?:-\S+\s+)*)?(?:ba)?sh\s+(?:-\S+\s+)*\S*get-docker\.sh\b/;
const DEB_FILE = /_[^_/]+_[a-z0-9]+\.deb$/;
/** unattended-upgrade's own list, on one line. */
const UNATTENDED_LIST = /^(?:\S+ \S+ INFO )?Packages that will be upgraded: (.*)$/;
function unattendedChanges(output: readonly string[]): string[] | null {
  for (const line of output) {
    const listed = UNATTENDED_LIST.exec(line.trim())?.[1];
    if (listed !== undefined) {
      const names = listed.split(/\s+/).filter(Boolean);
      return names.length <= MAX_LISTED ? names : null;
    }
  }
  return null;
}

/** apt's headings over the packages a transaction changes ("The following packages will be upgraded:"), each list indented below. */
const APT_CHANGE_LIST = /^The following (?:NEW )?packages will be (?:upgraded|installed|DOWNGRADED):$/;
/** pacman's transaction list, its packages with their versions, wrapped onto indented lines. */
const PACMAN_LIST = /^Packages \(\d+\)\s+(.*)$/;
/** The packages pacman's output lists as its transaction, or null where it shows none. */
function pacmanChanges(output: readonly string[], cut: boolean): string[] | null {
  const at = output.findIndex((l) => PACMAN_LIST.test(l.trim()));
  if (at < 0) return null;
  const words = [PACMAN_LIST.exec((output[at] as string).trim())?.[1] ?? ""];
  let next = at + 1;
  for (; next < output.length && /^\s{4,}\S/.test(output[next] as string); next++) words.push((output[next] as string).trim());
  // A list running to the end of a cut output may go on past it.
  if (cut && next >= output.length) return null;
  const names = words.join(" ").split(/\s+/).filter(Boolean);
  return names.length <= MAX_LISTED ? names : null;
}
/**
 * The most names a transaction's list is read for (a full upgrade of a desktop lists a few thousand): a longer one is read
 * as no list, so the command is judged by its own words (review 57a F2, F3).
 */
const MAX_LISTED = 10_000;

/**
 * dnf's and yum's transaction headings: the table before the question ("Upgrading:", a row per package, its name first) and
 * the summary after it ("Upgraded:", package builds side by side); zypper's "The following 2 packages are going to be
 * upgraded:" with the names below.
 */
const TRANSACTION_TABLE =
  /^(?:Upgrading|Updating|Installing|Downgrading|Reinstalling|Installing dependencies|Installing weak dependencies|Updating dependencies|Installing for dependencies|Updating for dependencies):$/;
const TRANSACTION_DONE =
  /^(?:Upgraded|Updated|Installed|Downgraded|Reinstalled|Dependency Updated|Dependency Installed)(?: \(\d+\))?:$|^The following (?:\d+ )?(?:NEW )?packages? (?:is|are) going to be (?:upgraded|installed|downgraded|reinstalled):$/;
/** The packages a dnf, yum or zypper transaction's output lists, or null where it shows none (the output was not pasted). */
function transactionChanges(output: readonly string[], cut: boolean): string[] | null {
  let listed: string[] | null = null;
  let section: "table" | "done" | null = null;
  for (const line of output) {
    const t = line.trim();
    if (TRANSACTION_TABLE.test(t)) section = "table";
    else if (TRANSACTION_DONE.test(t)) section = "done";
    else if (section && /^\s/.test(line) && t) {
      listed ??= [];
      // A table row names its package first (then its architecture, version, repository, size); a summary lists builds.
      const words = t.split(/\s+/);
      for (const name of section === "table" ? words.slice(0, 1) : words) listed.push(name);
      if (listed.length > MAX_LISTED) return null;
    } else section = null;
  }
  return cut && section ? null : listed;
}

/** The packages apt's output lists under its change headings, or null where it shows none (the output was not pasted). */
function aptChanges(output: readonly string[], cut: boolean): string[] | null {
  let listed: string[] | null = null;
  let inList = false;
  for (const line of output) {
    if (APT_CHANGE_LIST.test(line.trim())) {
      listed ??= [];
      inList = true;
    } else if (inList && /^\s/.test(line)) {
      for (const name of line.trim().split(/\s+/)) listed?.push(name);
      if ((listed?.length ?? 0) > MAX_LISTED) return null;
    } else inList = false;
  }
  return cut && inList ? null : listed;
}

/** The components a line of their output names ("Kubernetes v1.23.6", "containerd containerd.io 1.6.2", docker info's "Server Version"). */
const READING_COMPONENTS: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/kube/i, ["kubernetes"]],
  [/docker|server version/i, ["docker"]],
  // `docker version`'s server part ("Server: Docker Engine - Community") lists its containerd and runc below it.
  [/^\s*server:.*docker engine/i, ["containerd", "runc"]],
  [/containerd/i, ["containerd"]],
  [/\brunc\b/i, ["runc"]],
  [/\bcrun\b/i, ["crun"]],
  [/cri-?o\b/i, ["cri-o"]],
  [/podman/i, ["podman"]],
];
/** The components whose output before an upgrade of them is another time's. */
export const UPGRADE_READ: ReadonlySet<string> = new Set(READING_COMPONENTS.flatMap(([, components]) => components));

/**
 * The host a line was printed on, as the prompt of the command before it names one ("root@node2:~# …"); null where
 * that prompt names none or no command comes before. `commands`: each command line with its prompt's host, in order.
 */
export function hostOfLine(commands: ReadonlyArray<readonly [number, string | null]>): (line: number) => string | null {
  const commandOf = commandBefore(commands);
  return (line) => commandOf(line)?.[1] ?? null;
}

/** The last of `commands` (each with its line first, in order) at or before a line, by binary search; undefined for none. */
export function commandBefore<C extends readonly [number, ...unknown[]]>(commands: readonly C[]): (line: number) => C | undefined {
  return (line) => {
    let lo = 0;
    let hi = commands.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((commands[mid] as C)[0] <= line) lo = mid + 1;
      else hi = mid;
    }
    return lo ? commands[lo - 1] : undefined;
  };
}

/**
 * Whether the output on a line (its text given) comes before an upgrade of a component it names, among `upgrades`
 * (each line with what it upgraded), on the same host where prompts name both.
 */
export function beforeUpgrade(
  upgrades: ReadonlyArray<LineRef & { upgraded: Upgraded }>,
  hostOf: (line: number) => string | null = () => null,
): (line: number, text: string) => boolean {
  if (!upgrades.length) return () => false;
  const hosts = upgrades.map((u) => hostOf(u.line));
  return (line, text) => {
    const host = hostOf(line);
    return upgrades.some(
      (u, i) =>
        u.line > line &&
        (host === null || hosts[i] === null || sameMachine(hosts[i] as string, host)) &&
        (u.upgraded === "all" ||
          READING_COMPONENTS.some(([re, named]) => named.some((c) => (u.upgraded as ReadonlySet<string>).has(c)) && re.test(text))),
    );
  };
}

/**
 * The last line each component is upgraded at (lastUpgrades) on the machine that printed a line: an upgrade at another
 * host's prompt is no upgrade of this one's (review 41a: node2's `apt-get install docker-ce` after node1's failed `docker
 * run` took node1's `docker info` for a reading after the upgrade). Where either names no machine, every upgrade counts.
 */
export function upgradesOn(
  upgrades: ReadonlyArray<LineRef & { upgraded: Upgraded }>,
  hostOf: (line: number) => string | null,
): (line: number) => Readonly<Record<string, number>> {
  const all = lastUpgrades(upgrades);
  if (!upgrades.length) return () => all;
  const hosts = upgrades.map((u) => hostOf(u.line));
  const named = hosts.filter((h) => h !== null);
  return (line) => {
    const host = hostOf(line);
    // Every upgrade counts when none names another machine than this line's.
    if (host === null || named.every((h) => sameMachine(h, host))) return all;
    return lastUpgrades(upgrades.filter((_, i) => hosts[i] === null || sameMachine(hosts[i] as string, host)));
  };
}

/** The last line each component is upgraded at, by ecosystem ("*" for an upgrade of every package). */
function lastUpgrades(upgrades: ReadonlyArray<LineRef & { upgraded: Upgraded }>): Record<string, number> {
  const at: Record<string, number> = {};
  for (const u of upgrades) for (const c of u.upgraded === "all" ? ["*"] : u.upgraded) at[c] = Math.max(at[c] ?? 0, u.line);
  return at;
}
