import type { DecideWith, Evidence, Verdict, VersionEvidence } from "./diagnosis";
import { distributionFamily } from "./facts/os-release";
import { CNI_PLUGIN_BINARIES } from "./facts/tool-versions";
import type { BugRecord, RecordAffected } from "./record";
import { fixStepItem, fixStepsOf, LOOKING_STEP } from "./summary";
import {
  componentGroups,
  hedgedReading,
  kernelReadUndecided,
  listingOf,
  NO_KERNEL_READ,
  notGiven,
  openByUnrangedCause,
  unreadAlternativesOf,
  upstreamJudgedBuilder,
} from "./verdict";

/**
 * The one next step an undecided or hedged verdict ends with: the command whose output would decide it (review 70d F6: the
 * doors said "unknown" and left the reader to guess what to run). Taken from the record's own confirm step where it names
 * the component's version command (crun's `podman info …`: PATH may show another crun than the one Podman runs), else from
 * one table per component kind below. Every command it can name has a reader of its output (facts/), so that pasting it
 * decides (review 72b F2; test/engine/decide-with-readers.test.ts holds the two together); and it never asks for one the
 * paste shows cannot answer: a component built into another program, a binary that fails to load.
 */

interface VersionCommand {
  command: string;
  /** What decides, in words, where no command the host runs prints it (then `command` is empty). */
  say?: string;
  /** Where, and anything the command's output needs reading for, after the command: "on the node that printed the line". */
  where?: string;
  /** Which commands in a record's confirm step read this component's version too. */
  reads: RegExp;
  /**
   * Where the binary itself cannot run (the loader refuses it), the command that lists the release archive it was unpacked
   * from, which names its release (tool-versions.ts reads the name).
   */
  archive?: string;
}

const PRINTED = " that printed the log's lines";
const ON_HOST = `on the host${PRINTED}`;
const ON_NODE = `on the node${PRINTED}`;
/** A cluster add-on's version is its image tag. */
const addOn = (name: string): VersionCommand => ({
  command: "kubectl get ds,deploy -A -o wide",
  where: `and read ${name}'s image tag in its IMAGES column`,
  reads: new RegExp(`${name}.*(?:image|-o wide|version)|(?:image|-o wide|version).*${name}`, "i"),
});

/** By component kind: the kernel, then a component by its upstream name (or a Kubernetes component by its package). */
const KERNEL: VersionCommand = { command: "uname -a", where: ON_HOST, reads: /\buname\b|os-release|get nodes? .*-o wide/ };
const COMMANDS: Readonly<Record<string, VersionCommand>> = {
  kubernetes: { command: "kubelet --version", where: ON_NODE, reads: /\bkubelet --version|\bkubectl version|get nodes? .*-o wide/ },
  // kube-proxy runs as a DaemonSet whose image is its release; a kubelet's VERSION is not kube-proxy's (review 72b F2).
  "kube-proxy": {
    command: "kubectl -n kube-system get ds kube-proxy -o jsonpath='{..image}'",
    reads: /\bkube-proxy --version|\bds kube-proxy\b.*image/,
  },
  "kube-apiserver": { command: "kubectl version", reads: /\bkubectl version\b/ },
  docker: {
    command: "docker version",
    where: `${ON_HOST}, and read its Server part: the client's may differ`,
    reads: /\bdocker (?:version|info)\b/,
  },
  containerd: {
    command: "containerd --version",
    where: ON_HOST,
    reads: /\bcontainerd --version|\bctr version/,
    archive: "ls containerd-*-linux-*.tar.gz",
  },
  runc: { command: "runc --version", where: ON_HOST, reads: /\brunc --version/ },
  crun: { command: "crun --version", where: ON_HOST, reads: /\bcrun --version|OCIRuntime/ },
  "cri-o": { command: "crio --version", where: ON_HOST, reads: /\bcrio (?:--)?version/ },
  libseccomp: {
    command: "runc --version",
    where: `${ON_HOST}: it prints the libseccomp it was built with`,
    reads: /libseccomp|runc --version/,
  },
  systemd: { command: "systemctl --version", where: ON_HOST, reads: /\bsystemctl --version/ },
  "iptables-nft": { command: "iptables -V", where: ON_HOST, reads: /\biptables (?:-V|--version)/ },
  iptables: { command: "iptables -V", where: ON_HOST, reads: /\biptables (?:-V|--version)/ },
  nftables: { command: "nft --version", where: ON_HOST, reads: /\bnft (?:-[vV]|--version)/ },
  // The plugins' own binaries (not flannel's, numbered apart since 1.0): run with no CNI_COMMAND, one prints its release.
  "cni-plugins": {
    command: "/opt/cni/bin/bridge",
    where: `${ON_HOST}: run with no arguments, a plugin prints its version`,
    reads: new RegExp(String.raw`\/opt\/cni\/bin\/(?:${CNI_PLUGIN_BINARIES.join("|")})\b`),
  },
  sysbox: { command: "sysbox-runc --version", where: ON_HOST, reads: /\bsysbox-runc --version/ },
  talos: { command: "talosctl version", where: `against the node${PRINTED}`, reads: /\btalosctl version/ },
  netavark: { command: "podman info", where: `${ON_HOST}, and read its network backend's version`, reads: /netavark|podman info/ },
  criu: { command: "criu --version", where: ON_HOST, reads: /\bcriu --version/ },
  falco: { command: "falco --version", where: ON_HOST, reads: /\bfalco --version/ },
  "falcosecurity-libs": { command: "falco --version", where: `${ON_HOST}: it prints its Libs version`, reads: /\bfalco --version/ },
  traefik: { command: "traefik version", where: `in the container${PRINTED}`, reads: /\btraefik version/ },
  xz: { command: "xz --version", where: ON_HOST, reads: /\bxz --version/ },
  // SELinux policy, which no binary of its own reports: its package is its version (Fedora's and RHEL's RPM).
  "container-selinux": { command: "rpm -q container-selinux", where: ON_HOST, reads: /\brpm -q\b.*\bcontainer-selinux\b/ },
  coredns: addOn("coredns"),
  flannel: addOn("flannel"),
  calico: addOn("calico"),
  cilium: addOn("cilium"),
  antrea: addOn("antrea"),
  "aws-vpc-cni": addOn("amazon-k8s-cni"),
  "k8s-dns-node-cache": addOn("node-cache"),
  // An EKS AMI's release is in its name only (amazon-eks-node-al2023-…-v20250821): /etc/eks/release holds its base AMI's
  // id, build time, kernel and arch (awslabs/amazon-eks-ami templates/al2023/provisioners/install-worker.sh).
  "eks-ami": {
    command: "",
    say: "the node's EKS AMI name decides (amazon-eks-node-…-vYYYYMMDD, as the EC2 console or `aws ec2 describe-images` shows it)",
    reads: /\bdescribe-images\b/,
  },
};
/** A distribution's or a vendor's image release: its os-release, where the record's own step names no other. */
const IMAGE_RELEASE: VersionCommand = {
  command: "cat /etc/os-release",
  where: ON_HOST,
  reads: /os-release|apiclient get os|get nodes? .*-o wide/,
};
const IMAGE_OS: ReadonlySet<string> = new Set(["bottlerocket", "flatcar", "talos"]);

/** Package names that are a component under its packager's name (Docker's containerd.io, Debian's docker.io). */
const PACKAGED: Readonly<Record<string, string>> = {
  "containerd.io": "containerd",
  "docker-ce": "docker",
  "docker.io": "docker",
  "docker-engine": "docker",
  "moby-engine": "docker",
  "cri-o": "cri-o",
  "golang-github-containers-crun": "crun",
};

/**
 * Components built into another program, which prints their lines under its own name: k3s runs flannel inside its own
 * process (its journal's lines are `k3s[PID]:`), so no flanneld binary is there to ask. The host's k3s release decides,
 * where the record has data for k3s; else only that release's own record of what it embeds would.
 */
const EMBEDDED: ReadonlyArray<{ component: string; host: string; printedBy: RegExp }> = [
  { component: "flannel", host: "k3s", printedBy: /(?:^|\s)k3s(?:\[\d+\])?:\s/ },
];
const K3S: VersionCommand = { command: "k3s --version", where: ON_HOST, reads: /\bk3s --version/ };

/**
 * The dynamic loader refusing a binary: "./1.6.7/bin/containerd: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.34' not
 * found (required by ./1.6.7/bin/containerd)", "containerd: error while loading shared libraries: …". The binary never
 * ran, so its own `--version` prints the same error (review 72b F5).
 */
const LOADER_REFUSED = /(?:^|\s)(?:\S*\/)?([\w.+-]+): (?:\/\S+: version `GLIBC_[\d.]+' not found|error while loading shared libraries:)/;

const isKernel = (name: string) => name === "linux" || /^(?:linux|kernel)(?:-|\d|$)/.test(name);

/** The package query of a distribution family, for a package the table has no command of its own for. */
function packageQuery(ecosystem: string, pkg: string): VersionCommand {
  const family = distributionFamily(ecosystem.split(":")[0] ?? ecosystem);
  const command =
    family === "arch"
      ? `pacman -Q ${pkg}`
      : ["ubuntu", "debian", "download.docker.com"].includes(family)
        ? `dpkg -l ${pkg}`
        : `rpm -q ${pkg}`;
  return { command, where: ON_HOST, reads: new RegExp(`\\b(?:dpkg -l|rpm -q|pacman -Q)\\b.*\\b${pkg.replace(/[.+]/g, "\\$&")}\\b`) };
}

/** The command that reads one range's component: `ecosystem` as a check labels it ("crun", "ubuntu:24.04 crun", "rhel:7 kernel"). */
function commandFor(ecosystem: string, pkg?: string): VersionCommand {
  const [eco = ecosystem, label] = ecosystem.split(" ");
  const name = pkg ?? label ?? eco;
  if (isKernel(name) || isKernel(eco)) return KERNEL;
  const component = PACKAGED[name] ?? name;
  const known = COMMANDS[component] ?? COMMANDS[eco];
  if (known) return known;
  if (IMAGE_OS.has(eco) || (name === eco && eco.includes(":"))) return IMAGE_RELEASE;
  if (eco.includes(":") || eco === "arch") return packageQuery(eco, name);
  return { command: `${component} --version`, where: ON_HOST, reads: new RegExp(`\\b${component.replace(/[.+]/g, "\\$&")} --version`) };
}

/**
 * A package's entry whose every range holds for a whole distribution release (introduced "0", no end: Ubuntu 24.04's
 * AppArmor restriction): the release decides it (README "Releases"), not the package's version, which no range splits. Not
 * a kernel's: there the release only stands for its own kernel, which uname reads.
 */
const wholeRelease = (entry: RecordAffected) =>
  entry.ecosystem.includes(":") &&
  !isKernel(entry.package) &&
  entry.ranges.every((r) => r.introduced === "0" && !r.fixed && !r.lastAffected);

/** The command for an entry, the release's own where its ranges are the whole release's. */
const commandOfEntry = (entry: RecordAffected): VersionCommand =>
  wholeRelease(entry) ? IMAGE_RELEASE : commandFor(entry.ecosystem, entry.package);

/**
 * The record's own confirm step's command for the component, where it names one (`podman info --format …`), with the words
 * that go with it up to the end of the sentence ("then run that path with --version").
 */
function recordCommand(record: Pick<BugRecord, "fix">, reads: RegExp): { command: string; then: string } | null {
  return confirmCommands(record.fix).find((c) => reads.test(c.command)) ?? null;
}

/**
 * Every command a fix's confirm steps name in backticks, in order, with the words after it (placeholders left out), read
 * once per fix text: a diagnosis asks for them at every undecided finding and advisory (28 times in a 1 MB bundle at 1%
 * hits, issue #12), and a knowledge base has a few hundred fixes. Bounded: cleared when full.
 */
function confirmCommands(fix: string): ReadonlyArray<{ command: string; then: string }> {
  const known = commandsByFix.get(fix);
  if (known) return known;
  const commands: Array<{ command: string; then: string }> = [];
  for (const step of fixStepsOf(fix)) {
    if (!LOOKING_STEP.test(step.trimStart())) continue;
    const text = fixStepItem(step).text.replace(/\s+/g, " ");
    for (const m of text.matchAll(/`([^`\n]+)`/g)) {
      const command = m[1]?.trim() ?? "";
      if (!command || /[<…]|\.\.\./.test(command)) continue;
      const after = text.slice((m.index ?? 0) + m[0].length);
      const then = /^\s+(then [^.;()]*?)\s*(?:[.;(]|$)/.exec(after)?.[1] ?? "";
      commands.push({ command, then });
    }
  }
  if (commandsByFix.size >= MAX_FIXES) commandsByFix.clear();
  commandsByFix.set(fix, commands);
  return commands;
}
const commandsByFix = new Map<string, ReadonlyArray<{ command: string; then: string }>>();
const MAX_FIXES = 5000;

/** The check a hedged or undecided verdict turns on: an undecided one, else a hedged one, else none (no version was read). */
const turningCheck = (verdict: Verdict, checks: readonly VersionEvidence[]): VersionEvidence | undefined =>
  checks.find((c) => c.result === verdict.status && c.certain === false) ??
  checks.find((c) => c.certain === false) ??
  checks.find((c) => c.result === "unknown");

/**
 * The entry of a component the bug needs that no reading gave, as the verdict says (notGiven, NO_KERNEL_READ): what
 * decides is that component's version, not another read already (review 72b: the criu record asked `criu --version` again
 * beside criu 4.0 read, while its kernel was the one missing).
 */
function unreadEntry(record: BugRecord, verdict: Verdict, lines: readonly string[]): RecordAffected | undefined {
  const reason = verdict.reason;
  // A group the bug needs, or one component by its ecosystem ("no version of cri-o was given: the kubelet runs its pods
  // with it here"), or an alternative it also lies in ("the bug also lies in libseccomp, whose version would decide it").
  const ecosystems = [...new Set(record.affected.map((a) => a.ecosystem))];
  const group =
    componentGroups(record)?.find((g) => reason.includes(notGiven(g))) ??
    ecosystems.map((e) => [e]).find((g) => reason.includes(notGiven(g))) ??
    unreadAlternativesOf(reason);
  const entry = namedByLines(
    record.affected.filter((a) => group.includes(a.ecosystem)),
    lines,
  );
  if (entry) return entry;
  return reason.includes(NO_KERNEL_READ) ? record.affected.find((a) => isKernel(a.ecosystem) || isKernel(a.package)) : undefined;
}

/** How the log's lines name a component's program ("crio-<id>.scope", a CRI-O container's cgroup), beside its ecosystem. */
const PROGRAM_NAMES: Readonly<Record<string, readonly string[]>> = { "cri-o": ["crio", "cri-o"] };

/**
 * Of alternative entries (containerd or CRI-O), the first whose program the log's lines name (a container's cgroup scope,
 * its error's words), else the first: the one whose version decides them.
 */
function namedByLines(entries: readonly RecordAffected[], lines: readonly string[]): RecordAffected | undefined {
  if (entries.length < 2) return entries[0];
  const names = (a: RecordAffected) => PROGRAM_NAMES[a.ecosystem] ?? [a.ecosystem];
  const text = lines.join("\n").toLowerCase();
  return entries.find((a) => names(a).some((n) => new RegExp(`(?:^|[^\\w-])${n}(?![\\w])`).test(text))) ?? entries[0];
}

/**
 * The next step of a verdict that is unknown or hedged (certain: false); none for a decided one, nor for a record with no
 * version data (only its symptom identifies it: no version command decides it). Where the paste already read the component,
 * the step says what that reading lacks rather than asking for it again.
 */
function decideWith(record: BugRecord, verdict: Verdict, evidence: readonly Evidence[]): DecideWith | null {
  if (verdict.status !== "unknown" && verdict.certain !== false) return null;
  if (!record.affected.length) return null;
  // The paste shows the setup the bug needs absent: no version read would make it the cause (review 73a F3).
  if (verdict.symptom === "refuted") return { step: RULED_OUT };
  const cause = causeCheck(record, verdict);
  if (cause) return cause;
  const checks = evidence.filter((e): e is VersionEvidence => e.kind === "version");
  const lines = evidence.flatMap((e) => (e.kind === "log" ? [e.text] : []));
  const missing = unreadEntry(record, verdict, lines);
  const turning = missing ? undefined : turningCheck(verdict, checks);
  const entry = missing ?? (turning ? undefined : namedByLines(record.affected, lines));
  const table = entry ? commandOfEntry(entry) : turning ? commandFor(turning.ecosystem) : KERNEL;
  const cannot = cannotAnswer(record, table, lines);
  if (cannot) return cannot;
  if (table.say) return { step: table.say };
  const run = runStep(record, table);
  if (!turning && !missing) {
    // The host's kernel, or the component's version, was read, and what leaves the verdict open is not the reading (no data
    // for that build; a cause no range covers): asking for it again adds nothing (review 72b F2).
    if (table === KERNEL && kernelReadUndecided(verdict.reason)) return { step: READ_ALREADY("the paste's kernel") };
    // The paste's one host's reading ("your runc"), not a node's beside lines of another node's.
    const read = checks.find((c) => c.certain !== false && c.subject.startsWith("your ") && commandFor(c.ecosystem) === table);
    if (read) return { step: READ_ALREADY(`the paste's ${read.value}`) };
  }
  if (!turning) return run;
  // The paste has a reading of it already: say what that reading lacks rather than asking for it again.
  const patched = table === KERNEL ? distributionPatches(turning.reason) : null;
  if (patched) return patched;
  // A release the paste names ("ubuntu:24.04") is a release, not a version of the component.
  const what = turning.value.includes(":") ? `release ${turning.value}` : turning.value;
  // The kubelet's version standing for another component's (kube-proxy's): that component's own decides.
  const other = turning.otherComponent ? turning.ecosystem.split(" ")[1] : undefined;
  if (other) return { ...run, step: `the paste's ${what} is the kubelet's, not ${other}'s: ${run.step}` };
  const listed = listingOf(turning.reason);
  if (listed && PACKAGE_QUERY.test(run.command)) return listingPatches(listed);
  // Read from the host and complete: its command prints nothing more (review 72b F2: `runc --version` asked again beside
  // the runc it printed). What leaves it undecided is the record's data or another cause, which the reason says.
  if (!hedgedReading(turning) && !incompleteReading(turning)) return { step: READ_ALREADY(`the paste's ${what}`) };
  // An undecided reading (an Ubuntu ABI without its upload) lacks a part; a hedged one may be another machine's or copy's.
  const lacks = turning.result === "unknown" ? "does not settle it" : "may not be the version that failed";
  return { ...run, step: `the paste's ${what} ${lacks}: ${run.step}` };
}

/**
 * The step of a verdict a cause no range covers leaves open (the versions already meet every range: a kernel past the
 * requirement built without the option it needs): the command that prints that cause's setting on the host, as the
 * record's source gives it (its shownBy reads the output), not the versions' command again. Of the causes the reason
 * names, the first whose setting a command prints.
 */
function causeCheck(record: BugRecord, verdict: Verdict): DecideWith | null {
  if (verdict.status !== "unknown" || !openByUnrangedCause(verdict.reason)) return null;
  const cause = record.unrangedCauses?.find((c) => c.shownBy?.command && verdict.reason.includes(c.cause));
  const command = cause?.shownBy?.command;
  if (!command) return null;
  return { command, step: `the versions meet every range, and a cause no range covers is left: run \`${command}\` ${ON_HOST}` };
}

/** The step where the paste's own reading is complete and the verdict still open: the reason says what leaves it so. */
const RULED_OUT = "none: the paste shows the setup this bug needs absent (see the caveat), so no version would make it the cause";
const READ_ALREADY = (what: string) =>
  `${what} was read from the host, and no version command adds to it: the reason says what leaves it undecided`;

/** A package manager's query of what is installed: asked again beside its own answer, it prints the same build. */
const PACKAGE_QUERY = /^(?:dpkg -l|rpm -q|pacman -Q|apt-cache policy)\b/;

/**
 * A host reading its command would complete, as the check's reason says: a kernel's ABI name whose upload `uname -v` tells
 * (versions/range-text.ts: "`uname -v` would settle it"; verdict.ts: "its ABI name was built only by …", "… would decide"),
 * a series the exact release places (verdict.ts, componentSeriesCheck: "the exact release decides it").
 */
const incompleteReading = (c: VersionEvidence) =>
  /`uname -v` would settle it|\bits ABI name was built only by\b|\bwould decide\b|\bthe exact release decides it\b/.test(c.reason);

/**
 * A build a package listing shows, judged on its upstream release: whether the distribution's build carries the fix is what
 * is missing, which its package's changelog says (a listing again says nothing more).
 */
function listingPatches({ name, build }: { name: string; build: string }): DecideWith {
  const rpm = /\.(?:el|fc|amzn)\d/.test(build);
  const command = rpm ? `rpm -q --changelog ${name.replace(/:\w+$/, "")}` : `apt changelog ${name.replace(/:\w+$/, "")}`;
  return {
    command,
    step: `whether the distribution's build ${build} carries the fix is what is missing: run \`${command}\` on that host and look for it`,
  };
}

/** The step that runs a command, the record's own where its confirm step names one for the component. */
function runStep(record: Pick<BugRecord, "fix">, table: VersionCommand): DecideWith & { command: string } {
  const own = recordCommand(record, table.reads);
  const command = own?.command ?? table.command;
  // A command of the record's own that reads the cluster (kubectl) runs anywhere; one on the host, where the line was printed.
  const where =
    own && own.command !== table.command ? (/^(?:kubectl|talosctl|aws|apiclient)\b/.test(command) ? "" : ON_HOST) : (table.where ?? "");
  return { command, step: `run \`${command}\`${own?.then ? ` ${own.then},` : ""}${where ? ` ${where}` : ""}` };
}

/**
 * The step where the paste shows the component's own command cannot answer (review 72b F2, F5): it runs built into another
 * program (flannel in k3s: no flanneld there), or its binary is one the loader refuses (its `--version` fails the same way).
 */
function cannotAnswer(record: Pick<BugRecord, "fix" | "affected">, table: VersionCommand, lines: readonly string[]): DecideWith | null {
  const embedded = EMBEDDED.find((e) => table === COMMANDS[e.component] && lines.some((l) => e.printedBy.test(l)));
  if (embedded) {
    const inside = `${embedded.component} runs inside ${embedded.host} on this host (the log's lines are ${embedded.host}'s), so no ${embedded.component} binary of its own is there to ask`;
    if (record.affected.some((a) => a.ecosystem === embedded.host))
      return { command: K3S.command, step: `${inside}: run \`${K3S.command}\` ${K3S.where}` };
    return {
      step: `${inside}: the ${embedded.component} that host's ${embedded.host} release embeds decides, which this record has no ${embedded.host} data for; that release's notes name it`,
    };
  }
  const program = (runStep(record, table).command.split(/\s+/)[0] ?? "").split("/").pop() ?? "";
  const refused = lines.some((l) => LOADER_REFUSED.exec(l)?.[1] === program);
  if (!program || !refused) return null;
  const cannot = `the paste shows \`${program}\` failing to load (the loader refuses it), so its own \`--version\` cannot answer`;
  if (table.archive)
    return {
      command: table.archive,
      step: `${cannot}: the release archive it was unpacked from names its version: run \`${table.archive}\` where it was downloaded`,
    };
  return { step: `${cannot}: the package or release archive it was installed from names its version` };
}

/**
 * A kernel read from the host's own output but judged on its upstream version: what is missing is whether its distribution's
 * build carries the fix, which the package's changelog says (uname says nothing more).
 */
function distributionPatches(reason: string): DecideWith | null {
  const by = upstreamJudgedBuilder(reason);
  if (!by) return null;
  const family = distributionFamily(by.toLowerCase());
  const command = ["ubuntu", "debian"].includes(family)
    ? "apt changelog linux-image-$(uname -r)"
    : ["rhel", "fedora", "amzn", "ol"].includes(family)
      ? "rpm -q --changelog kernel-$(uname -r)"
      : null;
  const missing = `whether ${by === "vendor" ? "its vendor" : by}'s build carries the fix is what is missing`;
  // No package manager's changelog to name (Flatcar's, Arch's, a vendor's own build): uname again would say nothing more.
  if (!command) return { step: `${missing}: that build's changelog or source would say` };
  return { command, step: `${missing}: run \`${command}\` on that host and look for it` };
}

/** A verdict with its next step (decideWith), where it has one. */
export function withDecideStep(record: BugRecord, verdict: Verdict, evidence: readonly Evidence[] = []): Verdict {
  const step = decideWith(record, verdict, evidence);
  if (!step) return verdict;
  // With no line of the log (an advisory, a door's check against one record), no machine printed one: the host, the node.
  const lines = evidence.some((e) => e.kind === "log");
  return { ...verdict, decideWith: lines ? step : { ...step, step: step.step.replaceAll(PRINTED, "") } };
}
