import type { DecideWith, Evidence, Verdict, VersionEvidence } from "./diagnosis";
import { distributionFamily } from "./facts/os-release";
import type { BugRecord } from "./record";
import { fixStepItem, fixStepsOf, LOOKING_STEP } from "./summary";
import { upstreamJudgedBuilder } from "./verdict";

/**
 * The one next step an undecided or hedged verdict ends with: the command whose output would decide it (review 70d F6: the
 * doors said "unknown" and left the reader to guess what to run). Taken from the record's own confirm step where it names
 * the component's version command (crun's `podman info …`: PATH may show another crun than the one Podman runs), else from
 * one table per component kind below.
 */

interface VersionCommand {
  command: string;
  /** Where, and anything the command's output needs reading for, after the command: "on the node that printed the line". */
  where?: string;
  /** Which commands in a record's confirm step read this component's version too. */
  reads: RegExp;
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

/** By component kind: the kernel, then a component by its upstream name. */
const KERNEL: VersionCommand = { command: "uname -a", where: ON_HOST, reads: /\buname\b|os-release|get nodes? .*-o wide/ };
const COMMANDS: Readonly<Record<string, VersionCommand>> = {
  kubernetes: { command: "kubelet --version", where: ON_NODE, reads: /\bkubelet --version|\bkubectl version|get nodes? .*-o wide/ },
  docker: {
    command: "docker version",
    where: `${ON_HOST}, and read its Server part: the client's may differ`,
    reads: /\bdocker (?:version|info)\b/,
  },
  containerd: { command: "containerd --version", where: ON_HOST, reads: /\bcontainerd --version|\bctr version/ },
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
  nftables: { command: "nft --version", where: ON_HOST, reads: /\bnft (?:-v|--version)/ },
  "cni-plugins": {
    command: "/opt/cni/bin/bridge",
    where: `${ON_HOST}: run with no arguments, a plugin prints its version`,
    reads: /\/opt\/cni\/bin\//,
  },
  sysbox: { command: "sysbox-runc --version", where: ON_HOST, reads: /\bsysbox-runc --version/ },
  talos: { command: "talosctl version", where: `against the node${PRINTED}`, reads: /\btalosctl version/ },
  netavark: { command: "podman info", where: `${ON_HOST}, and read its network backend's version`, reads: /netavark|podman info/ },
  criu: { command: "criu --version", where: ON_HOST, reads: /\bcriu --version/ },
  falco: { command: "falco --version", where: ON_HOST, reads: /\bfalco --version/ },
  "falcosecurity-libs": { command: "falco --version", where: `${ON_HOST}: it prints its Libs version`, reads: /\bfalco --version/ },
  traefik: { command: "traefik version", where: `in the container${PRINTED}`, reads: /\btraefik version/ },
  xz: { command: "xz --version", where: ON_HOST, reads: /\bxz --version/ },
  coredns: addOn("coredns"),
  flannel: addOn("flannel"),
  calico: addOn("calico"),
  cilium: addOn("cilium"),
  antrea: addOn("antrea"),
  "aws-vpc-cni": addOn("amazon-k8s-cni"),
  "k8s-dns-node-cache": addOn("node-cache"),
};
/** A distribution's or a vendor's image release: its os-release, where the record's own step names no other. */
const IMAGE_RELEASE: VersionCommand = {
  command: "cat /etc/os-release",
  where: ON_HOST,
  reads: /os-release|apiclient get os|get nodes? .*-o wide/,
};
const IMAGE_OS: ReadonlySet<string> = new Set(["bottlerocket", "flatcar", "eks-ami", "talos"]);

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
 * The next step of a verdict that is unknown or hedged (certain: false); none for a decided one, nor for a record with no
 * version data (only its symptom identifies it: no version command decides it). Where the paste already read the component,
 * the step says what that reading lacks rather than asking for it again.
 */
function decideWith(record: Pick<BugRecord, "fix" | "affected">, verdict: Verdict, evidence: readonly Evidence[]): DecideWith | null {
  if (verdict.status !== "unknown" && verdict.certain !== false) return null;
  if (!record.affected.length) return null;
  const checks = evidence.filter((e): e is VersionEvidence => e.kind === "version");
  const turning = turningCheck(verdict, checks);
  const first = record.affected[0];
  const table = turning ? commandFor(turning.ecosystem) : first ? commandFor(first.ecosystem, first.package) : KERNEL;
  const own = recordCommand(record, table.reads);
  const command = own?.command ?? table.command;
  // A command of the record's own that reads the cluster (kubectl) runs anywhere; one on the host, where the line was printed.
  const where =
    own && own.command !== table.command ? (/^(?:kubectl|talosctl|aws|apiclient)\b/.test(command) ? "" : ON_HOST) : (table.where ?? "");
  const run = `run \`${command}\`${own?.then ? ` ${own.then},` : ""}${where ? ` ${where}` : ""}`;
  if (!turning) return { command, step: run };
  // The paste has a reading of it already: say what that reading lacks rather than asking for it again.
  const patched = table === KERNEL ? distributionPatches(turning.reason) : null;
  if (patched) return patched;
  // An undecided reading (an Ubuntu ABI without its upload) lacks a part; a hedged one may be another machine's or copy's.
  const lacks = turning.result === "unknown" ? "does not settle it" : "may not be the version that failed";
  // A release the paste names ("ubuntu:24.04") is a release, not a version of the component.
  const what = turning.value.includes(":") ? `release ${turning.value}` : turning.value;
  return { command, step: `the paste's ${what} ${lacks}: ${run}` };
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
  if (!command) return null;
  return { command, step: `whether ${by}'s build carries the fix is what is missing: run \`${command}\` on that host and look for it` };
}

/** A verdict with its next step (decideWith), where it has one. */
export function withDecideStep(record: Pick<BugRecord, "fix" | "affected">, verdict: Verdict, evidence: readonly Evidence[] = []): Verdict {
  const step = decideWith(record, verdict, evidence);
  if (!step) return verdict;
  // With no line of the log (an advisory, a door's check against one record), no machine printed one: the host, the node.
  const lines = evidence.some((e) => e.kind === "log");
  return { ...verdict, decideWith: lines ? step : { ...step, step: step.step.replaceAll(PRINTED, "") } };
}
