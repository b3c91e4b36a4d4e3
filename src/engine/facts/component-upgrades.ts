/**
 * Where a paste installs or upgrades a container or Kubernetes component: a package manager's command (`sudo
 * apt-get install -y kubelet=1.24.0-00`, `yum update docker-ce`, `apt-get upgrade`) or what it prints (dpkg's
 * "Setting up docker-ce (5:29.0.0-1~ubuntu.24.04~noble) ...", "Unpacking containerd.io (1.7.24-1) over (1.7.22-1)
 * ..."). A component's output printed before such a line shows the state before the change: another time's, like
 * output under a "before the upgrade" heading (output-heading.ts), so it is no reading of the host that failed after it.
 */

/** The packages' names as dpkg's output opens with them (a log of a big install must not crowd the mention lines). */
const PACKAGE_STARTS = ["docker", "containerd", "kube", "runc", "crun", "cri-o", "podman", "moby"];
/**
 * Markers of the lines read here (MENTION_MARKERS): a manager's verb after its name, or dpkg's output for a component's
 * package only (an install of hundreds of packages prints a line for each).
 */
export const UPGRADE_MARKERS = [
  "apt-get install",
  "apt-get upgrade",
  "apt-get dist-upgrade",
  "apt install",
  "apt upgrade",
  "apt full-upgrade",
  "yum install",
  "yum update",
  "yum upgrade",
  "dnf install",
  "dnf update",
  "dnf upgrade",
  "zypper in",
  "zypper up",
  "zypper dup",
  ...PACKAGE_STARTS.flatMap((name) => [`setting up ${name}`, `unpacking ${name}`]),
];

/** The packages the components ship in (Docker's, the distributions', Kubernetes' own), with a version or build after. */
const COMPONENT_PACKAGE =
  /^(?:kube(?:let|adm|ctl)|kubernetes-[\w-]+|docker(?:-ce|-ee|-engine|\.io)?|moby-engine|containerd(?:\.io)?|runc|crun|cri-o|podman)(?:[=:].*|-\d.*)?$/;
/** dpkg's lines as it installs a package: its name first. */
const PACKAGE_OUTPUT = /^\s*(?:Setting up|Unpacking) (\S+) \(/;
/** A manager's command, in any part of a `&&` or `;` chain, after a prompt or `sudo`. */
const MANAGER = /(?:^|[\s/])(apt-get|apt|yum|dnf|zypper|microdnf)\s+(.*)$/;
/** The verbs that change installed packages (apt's `update` only refreshes its lists). */
const VERBS: Readonly<Record<string, ReadonlySet<string>>> = {
  apt: new Set(["install", "upgrade", "dist-upgrade", "full-upgrade", "reinstall"]),
  yum: new Set(["install", "update", "upgrade", "reinstall", "distro-sync"]),
  zypper: new Set(["in", "install", "up", "update", "dup", "dist-upgrade"]),
};
/** Verbs that, without a package, upgrade everything installed. */
const EVERYTHING = new Set(["upgrade", "dist-upgrade", "full-upgrade", "update", "up", "dup", "distro-sync"]);
const FAMILY: Readonly<Record<string, string>> = {
  "apt-get": "apt",
  apt: "apt",
  yum: "yum",
  dnf: "yum",
  microdnf: "yum",
  zypper: "zypper",
};

/** Whether a line installs or upgrades a component's package, or upgrades everything. */
export function upgradesComponent(text: string): boolean {
  const out = PACKAGE_OUTPUT.exec(text);
  if (out) return COMPONENT_PACKAGE.test(out[1] ?? "");
  return text.split(/&&|;|\|\|/).some((part) => {
    const m = MANAGER.exec(part);
    if (!m) return false;
    const [verb, ...packages] = (m[2] ?? "").split(/\s+/).filter((w) => w && !w.startsWith("-"));
    if (!verb || !VERBS[FAMILY[m[1] ?? ""] ?? ""]?.has(verb)) return false;
    return packages.length ? packages.some((p) => COMPONENT_PACKAGE.test(p)) : EVERYTHING.has(verb);
  });
}
