/**
 * What a paste shows of a component at another time than now: an upgrade (or downgrade) a package manager's log
 * records — dpkg.log's "2022-04-28 10:30:55 upgrade containerd.io:amd64 1.6.3-1 1.6.4-1", apt's history.log "Upgrade:
 * containerd.io:amd64 (1.6.3-1, 1.6.4-1)", `yum history info`'s "Upgraded containerd.io-1.6.3-3.1.el8.x86_64",
 * pacman.log's "[ALPM] upgraded containerd (1.6.3-1 -> 1.6.4-1)" —, dpkg's own "Unpacking containerd.io (1.6.4-1) over
 * (1.6.3-1)", an upgrade typed in the paste, and a daemon's start-up lines naming several versions. A line the log
 * dated before such a change ran another version than the one read now (review 46a F1: containerd 1.6.4, read after
 * dpkg.log's upgrade from 1.6.3, ruled out for certain the 1.6.3 bug its journal had logged before it).
 */
import type { LineRef } from "./iptables-version";
import { type LogTime, lineTime } from "./log-times";

/** The packages' names as the logs open with them (a log of a big upgrade must not crowd the mention lines). */
const PACKAGE_STARTS = ["docker", "containerd", "kube", "runc", "crun", "cri-o", "podman", "moby"];
/** Literals of the lines read here (MENTION_MARKERS). */
export const CHANGE_MARKERS = [
  ...PACKAGE_STARTS.flatMap((name) => [` upgrade ${name}`, ` downgrade ${name}`, `upgraded ${name}`, `downgraded ${name}`]),
  ...PACKAGE_STARTS.flatMap((name) => [`upgrade  ${name}`, `downgrade  ${name}`, `upgrade: ${name}`, `downgrade: ${name}`]),
  // yum 3's `yum history info` ("Updated containerd.io-1.6.3-…"), apk's "(1/1) Upgrading containerd (1.6.3-r0 -> 1.6.4-r0)".
  ...PACKAGE_STARTS.flatMap((name) => [`updated ${name}`, `upgrading ${name} (`, `downgrading ${name} (`]),
  // apt's history.log lists a transaction's packages on one line, a component's often not first.
  "upgrade: ",
  ") over (",
];

/** The component a package ships (containerd.io bundles runc, whose version its own does not give). */
const PACKAGE_COMPONENT: ReadonlyArray<readonly [RegExp, string, readonly string[]]> = [
  [/^(?:kubelet|kubeadm|kubernetes-(?:node|kubelet|kubeadm))$/, "kubernetes", []],
  [/^(?:docker(?:-ce|-ee|-engine|\.io)?|moby-engine)$/, "docker", []],
  // Docker's containerd.io bundles runc; the distributions' containerd does not (Debian and Ubuntu ship runc apart).
  [/^containerd\.io$/, "containerd", ["runc"]],
  [/^containerd$/, "containerd", []],
  [/^runc$/, "runc", []],
  [/^crun$/, "crun", []],
  [/^cri-o$/, "cri-o", []],
  [/^podman$/, "podman", []],
];

/** dpkg.log: date, time, action, package (with its architecture), version before ("<none>" for an install), after. */
const DPKG_LOG = /^\s*\d{4}-\d\d-\d\d \d\d:\d\d:\d\d (?:upgrade|downgrade) ([a-z0-9][a-z0-9.+-]*)(?::[a-z0-9]+)? (\S+) (\S+)\s*$/;
/** apt's history.log: "Upgrade: name:arch (before, after), name:arch (before, after)". */
const APT_HISTORY = /^\s*(?:Upgrade|Downgrade): (.*)$/;
const APT_HISTORY_ENTRY = /([a-z0-9][a-z0-9.+-]*)(?::[a-z0-9]+)? \(([^,()\s]+), ([^,()\s]+)\)/g;
/** `yum history info` and `dnf history info`: "Upgrade  name-version-release.arch @repo", "Upgraded name-… @@System". */
const YUM_HISTORY =
  /^\s*(?:Upgrade|Upgraded|Downgrade|Downgraded|Updated|Update)\s+([a-z0-9][a-z0-9.+-]*?)-(?:\d+:)?(\d+\.\d+[\w.~^]*)-[\w.~^+]+\.(?:x86_64|aarch64|noarch|s390x|ppc64le|armv7hl|i686)\b/;
/** pacman.log: "[ALPM] upgraded containerd (1.6.3-1 -> 1.6.4-1)". */
const PACMAN_LOG = /\[ALPM\] (?:upgraded|downgraded) ([a-z0-9][a-z0-9.+-]*) \((\S+) -> (\S+)\)/;
/** apk's output: "(1/1) Upgrading containerd (1.6.3-r0 -> 1.6.4-r0)". */
const APK_UPGRADE = /^\s*\(\d+\/\d+\) (?:Upgrading|Downgrading) ([a-z0-9][a-z0-9.+-]*) \((\S+) -> (\S+)\)/;
/** dpkg's output as apt runs it: "Unpacking containerd.io (1.6.4-1) over (1.6.3-1) ...". */
const DPKG_OVER = /^\s*Unpacking ([a-z0-9][a-z0-9.+-]*)(?::[a-z0-9]+)? \((\S+)\) over \((\S+)\)/;

/** Adds a version to an ecosystem's list once (the lists of ExtractedFacts.changes). */
export function addVersion(out: Record<string, string[]>, ecosystem: string, version: string): void {
  const seen = out[ecosystem];
  if (!seen) out[ecosystem] = [version];
  else if (!seen.includes(version)) seen.push(version);
}

/** The upstream release a package's version builds on ("5:24.0.7-1~ubuntu.22.04~jammy" → 24.0.7), or null. */
const upstreamOf = (version: string) => /^(?:\d+:)?(\d+\.\d+(?:\.\d+)?)/.exec(version)?.[1] ?? null;

/** What one line says changed: the package and the versions it names (before and after, where given). */
function changeOn(text: string): [name: string, versions: string[]] | null {
  const dpkg = DPKG_LOG.exec(text) ?? PACMAN_LOG.exec(text) ?? DPKG_OVER.exec(text) ?? APK_UPGRADE.exec(text);
  if (dpkg) return [dpkg[1] as string, [dpkg[2] as string, dpkg[3] as string]];
  const yum = YUM_HISTORY.exec(text);
  if (yum) return [yum[1] as string, [yum[2] as string]];
  return null;
}

/**
 * The versions `lines` show each component at as it changed (upgrades and downgrades the logs record, dpkg's own
 * output), upstream releases by ecosystem; a component a package bundles (containerd.io's runc) changed too, at no
 * version the line gives ("").
 */
export function componentChanges(lines: readonly LineRef[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (name: string, versions: readonly string[]) => {
    const [, ecosystem, bundled] = PACKAGE_COMPONENT.find(([re]) => re.test(name)) ?? [];
    if (!ecosystem || !bundled) return;
    for (const v of versions) {
      const upstream = upstreamOf(v);
      if (upstream) addVersion(out, ecosystem, upstream);
    }
    for (const b of bundled) addVersion(out, b, "");
  };
  for (const { text } of lines) {
    if (text.length > MAX_LINE) continue;
    const one = changeOn(text);
    if (one) add(...one);
    const history = APT_HISTORY.exec(text)?.[1];
    if (history) for (const m of history.matchAll(APT_HISTORY_ENTRY)) add(m[1] as string, [m[2] as string, m[3] as string]);
  }
  return out;
}

/**
 * When each component changed, as the logs that record it date the change (dpkg.log, pacman.log; null where the record
 * gives no time: apt's history.log, yum's, apk's, dpkg's output), by ecosystem: a line the log dated after every change
 * ran the version read now (review 46b F7: kubelet 1.24.0's flag error six seconds after dpkg.log's upgrade from 1.23.6).
 */
export function changeTimes(lines: readonly LineRef[]): Record<string, Array<LogTime | null>> {
  const out: Record<string, Array<LogTime | null>> = {};
  const add = (ecosystem: string, at: LogTime | null) => {
    const times = out[ecosystem];
    if (times) times.push(at);
    else out[ecosystem] = [at];
  };
  for (const { text } of lines) {
    if (text.length > MAX_LINE) continue;
    const names = [changeOn(text)?.[0], ...[...(APT_HISTORY.exec(text)?.[1] ?? "").matchAll(APT_HISTORY_ENTRY)].map((m) => m[1])];
    const at = lineTime(text);
    for (const name of names) {
      const [, ecosystem, bundled] = PACKAGE_COMPONENT.find(([re]) => name !== undefined && re.test(name)) ?? [];
      if (!ecosystem || !bundled) continue;
      for (const e of [ecosystem, ...bundled]) add(e, at);
    }
  }
  return out;
}

/**
 * The version dpkg's "Unpacking containerd.io (1.6.4-1) over (1.6.3-1)" replaced, upstream, by ecosystem (one per
 * ecosystem, or none): the version a failure logged before that upgrade ran (review 46a F7: "no version of containerd"
 * beside the line that names it).
 */
export function replacedVersions(lines: readonly LineRef[]): Record<string, string> {
  const found = new Map<string, Set<string>>();
  for (const { text } of lines) {
    const m = text.length <= MAX_LINE ? DPKG_OVER.exec(text) : null;
    const ecosystem = m ? PACKAGE_COMPONENT.find(([re]) => re.test(m[1] as string))?.[1] : undefined;
    const old = m ? upstreamOf(m[3] as string) : null;
    if (ecosystem && old) found.set(ecosystem, (found.get(ecosystem) ?? new Set()).add(old));
  }
  return Object.fromEntries([...found].flatMap(([e, versions]) => (versions.size === 1 ? [[e, [...versions][0] as string]] : [])));
}

/** apt's history.log line for a big upgrade is long; a longer line is read no further. */
const MAX_LINE = 4000;
