/**
 * What a paste shows of a component at another time than now: an upgrade (or downgrade) a package manager's log
 * records — dpkg.log's "2022-04-28 10:30:55 upgrade containerd.io:amd64 1.6.3-1 1.6.4-1", apt's history.log "Upgrade:
 * containerd.io:amd64 (1.6.3-1, 1.6.4-1)", `yum history info`'s "Upgraded containerd.io-1.6.3-3.1.el8.x86_64",
 * pacman.log's "[ALPM] upgraded containerd (1.6.3-1 -> 1.6.4-1)" —, dpkg's own "Unpacking containerd.io (1.6.4-1) over
 * (1.6.3-1)", an upgrade typed in the paste, and a daemon's start-up lines naming several versions. A line the log
 * dated before such a change ran another version than the one read now (review 46a F1: containerd 1.6.4, read after
 * dpkg.log's upgrade from 1.6.3, ruled out for certain the 1.6.3 bug its journal had logged before it).
 */
import { CHANGE_PACKAGE_STARTS, componentPackage } from "./component-packages";
import type { LineRef } from "./iptables-version";
import { comparableTimes, type LogTime, lineTime, writtenAfter } from "./log-times";
import { upstreamOf } from "./package-lists";

/** Literals of the lines read here (MENTION_MARKERS). */
export const CHANGE_MARKERS = [
  ...CHANGE_PACKAGE_STARTS.flatMap((name) => [` upgrade ${name}`, ` downgrade ${name}`, `upgraded ${name}`, `downgraded ${name}`]),
  ...CHANGE_PACKAGE_STARTS.flatMap((name) => [`upgrade  ${name}`, `downgrade  ${name}`, `upgrade: ${name}`, `downgrade: ${name}`]),
  // yum 3's `yum history info` ("Updated containerd.io-1.6.3-…"), apk's "(1/1) Upgrading containerd (1.6.3-r0 -> 1.6.4-r0)",
  // its installs and removals ("Installing", "Purging", "Deleting"), pacman.log's ("[ALPM] installed runc (1.2.4-1)").
  ...CHANGE_PACKAGE_STARTS.flatMap((name) => [
    `updated ${name}`,
    `upgrading ${name} (`,
    `downgrading ${name} (`,
    `installing ${name} (`,
    `purging ${name} (`,
    `deleting ${name} (`,
    `] installed ${name} (`,
    `] reinstalled ${name} (`,
  ]),
  // pacman's console warning of a downgrade ("warning: downgrading package runc (1.2.0-1 => 1.1.15-1)") and dnf's
  // transaction line for the build it replaced ("  Cleanup          : runc-2:1.2.2-1.fc41.x86_64   2/2").
  ...CHANGE_PACKAGE_STARTS.map((name) => `downgrading package ${name} (`),
  // dnf and yum pad the action's name: a bare "cleanup " would make any log's "failed to cleanup …" a candidate.
  "cleanup  ",
  // apt's history.log lists a transaction's packages on one line, a component's often not first.
  "upgrade: ",
  ") over (",
  // dpkg.log's record of what it left installed or removed, yum.log's, apt's and yum's removals.
  ...CHANGE_PACKAGE_STARTS.flatMap((name) => [
    ` status installed ${name}`,
    ` status not-installed ${name}`,
    ` status config-files ${name}`,
    ` remove ${name}`,
    ` purge ${name}`,
    `updated: ${name}`,
    `installed: ${name}`,
    `erased: ${name}`,
    `erase ${name}`,
    `removed ${name}`,
    `update  ${name}`,
  ]),
  "remove: ",
  "purge: ",
  "install: ",
];

/** dpkg.log: date, time, action, package (with its architecture), version before ("<none>" for an install), after. */
const DPKG_LOG = /^\s*\d{4}-\d\d-\d\d \d\d:\d\d:\d\d (?:upgrade|downgrade) ([a-z0-9][a-z0-9.+-]*)(?::[a-z0-9]+)? (\S+) (\S+)\s*$/;
/** apt's history.log: "Upgrade: name:arch (before, after), name:arch (before, after)". */
const APT_HISTORY = /^\s*(?:Upgrade|Downgrade): (.*)$/;
const APT_HISTORY_ENTRY = /([a-z0-9][a-z0-9.+-]*)(?::[a-z0-9]+)? \(([^,()\s]+), ([^,()\s]+)\)/g;
/** `yum history info` and `dnf history info`: "Upgrade  name-version-release.arch @repo", "Upgraded name-… @@System". */
const YUM_HISTORY =
  /^\s*(Upgrade|Upgraded|Downgrade|Downgraded|Updated|Update)\s+([a-z0-9][a-z0-9.+-]*?)-(?:\d+:)?(\d+\.\d+[\w.~^]*-[\w.~^+]+)\.(?:x86_64|aarch64|noarch|s390x|ppc64le|armv7hl|i686)\b/;
/** yum.log (EL7): "Jul 18 03:12:40 Updated: containerd.io-1.6.22-3.1.el7.x86_64", what it left installed then. */
const YUM_LOG =
  /^\s*(?:[A-Z][a-z]{2} +\d{1,2} \d\d:\d\d:\d\d )?(?:Updated|Installed): (?:\d+:)?([a-z0-9][a-z0-9.+-]*?)-(\d+\.\d+[\w.~^]*-[\w.~^+]+)\.(?:x86_64|aarch64|noarch|s390x|ppc64le|armv7hl|i686)\s*$/;
/**
 * A removal the logs record: dpkg.log's "remove containerd.io:amd64 1.7.24-1 <none>" and "status not-installed", apt's
 * history "Remove:"/"Purge:" entries, yum's and dnf's "Erase"/"Removed", yum.log's "Erased:".
 */
const DPKG_REMOVED =
  /^\s*\d{4}-\d\d-\d\d \d\d:\d\d:\d\d (?:(?:remove|purge) ([a-z0-9][a-z0-9.+-]*)(?::[a-z0-9]+)? |status (?:not-installed|config-files) ([a-z0-9][a-z0-9.+-]*)(?::[a-z0-9]+)? )/;
const APT_REMOVED = /^\s*(?:Remove|Purge): (.*)$/;
/** apt's history.log "Install: containerd:amd64 (1.7.12-0ubuntu2~22.04.1, automatic), runc:amd64 (1.1.12-…)" (review 47d F8). */
const APT_INSTALLED = /^\s*(?:Install|Reinstall): (.*)$/;
const APT_INSTALLED_ENTRY = /([a-z0-9][a-z0-9.+-]*)(?::[a-z0-9]+)? \(([^,()\s]+)(?:, automatic)?\)/g;
const APT_REMOVED_ENTRY = /([a-z0-9][a-z0-9.+-]*)(?::[a-z0-9]+)? \(/g;
const YUM_REMOVED =
  /^\s*(?:(?:[A-Z][a-z]{2} +\d{1,2} \d\d:\d\d:\d\d )?Erased:|Erase|Removed?)\s+(?:\d+:)?([a-z0-9][a-z0-9.+-]*?)(?:-\d[\w.~^+-]*\.(?:x86_64|aarch64|noarch|s390x|ppc64le|armv7hl|i686))?(?:\s|$)/;
/** pacman.log: "[ALPM] upgraded containerd (1.6.3-1 -> 1.6.4-1)". */
const PACMAN_LOG = /\[ALPM\] (?:upgraded|downgraded) ([a-z0-9][a-z0-9.+-]*) \((\S+) -> (\S+)\)/;
/** apk's output: "(1/1) Upgrading containerd (1.6.3-r0 -> 1.6.4-r0)". */
const APK_UPGRADE = /^\s*\(\d+\/\d+\) (?:Upgrading|Downgrading) ([a-z0-9][a-z0-9.+-]*) \((\S+) -> (\S+)\)/;
/**
 * What pacman.log and apk record installed or removed: "[ALPM] installed runc (1.2.4-1)", "[ALPM] removed runc (1.2.2-1)",
 * "(1/2) Installing runc (1.1.14-r0)", "(1/1) Purging runc (1.2.2-r0)" (review 48a F4: a removal there left the build it
 * removed standing).
 */
const PACMAN_INSTALLED = /\[ALPM\] (?:re)?installed ([a-z0-9][a-z0-9.+-]*) \((\S+)\)/;
const APK_INSTALLED = /^\s*\(\d+\/\d+\) Installing ([a-z0-9][a-z0-9.+-]*) \((\S+)\)/;
const PACMAN_OR_APK_REMOVED = /\[ALPM\] removed ([a-z0-9][a-z0-9.+-]*) \(|^\s*\(\d+\/\d+\) (?:Purging|Deleting) ([a-z0-9][a-z0-9.+-]*) \(/;
/** dpkg's output as apt runs it: "Unpacking containerd.io (1.6.4-1) over (1.6.3-1) ...". */
const DPKG_OVER = /^\s*Unpacking ([a-z0-9][a-z0-9.+-]*)(?::[a-z0-9]+)? \((\S+)\) over \((\S+)\)/;
/** pacman's console warning as it downgrades: "warning: downgrading package runc (1.2.0-1 => 1.1.15-1)" (before, after). */
const PACMAN_DOWNGRADING = /^\s*warning: downgrading package ([a-z0-9][a-z0-9.+-]*) \((\S+) => (\S+)\)/;
/** dnf's and yum's transaction line for the build an upgrade or downgrade replaced: "Cleanup : runc-2:1.2.2-1.fc41.x86_64 2/2". */
const DNF_CLEANUP =
  /^\s*Cleanup\s*:\s*([a-z0-9][a-z0-9.+-]*?)-(?:\d+:)?(\d+\.\d+[\w.~^]*-[\w.~^+]+)\.(?:x86_64|aarch64|noarch|s390x|ppc64le|armv7hl|i686)\b/;

/**
 * A record pacman.log or apk writes of one package (an upgrade, an install, a removal): read here, in the log's order and
 * with its removals, not as a version a line names (named-versions.ts: apk's "Purging runc (1.2.2-r0)" was read as runc
 * 1.2.2 named; review 48a F4).
 */
export const isPackageRecord = (text: string): boolean =>
  PACMAN_LOG.test(text) ||
  PACMAN_INSTALLED.test(text) ||
  PACMAN_OR_APK_REMOVED.test(text) ||
  APK_UPGRADE.test(text) ||
  APK_INSTALLED.test(text);

/** A component's change the paste shows: its versions before and after, when and on which machine, where it says. */
export interface ComponentChange {
  ecosystem: string;
  /** The upstream release before the change and after it, where the record names them. */
  from: string | null;
  to: string | null;
  /** When, as the record dates it (dpkg.log, pacman.log, a start-up's journal line); null where it gives no time. */
  at: LogTime | null;
  /** The machine it was shown on (the command's host, a start-up's journal host); null where nothing names one. */
  on: string | null;
  /**
   * A daemon's start-up: the version that ran from then on. A package's change is of what is on disk, which a daemon
   * still running from before it does not run (review 46d F1).
   */
  started?: true;
  /**
   * A restart typed at a prompt (`systemctl restart docker`), by its line: the daemon runs anew, at whatever version is on
   * disk then, so a failure logged before it may have run another (review 56b F7, 55b F5). No version is known.
   */
  restartedAt?: number;
}

/** What one line says changed: each package with the versions before and after it, where the line gives them. */
function changesOn(text: string): Array<[name: string, from: string | undefined, to: string | undefined]> {
  const two = DPKG_LOG.exec(text) ?? PACMAN_LOG.exec(text) ?? APK_UPGRADE.exec(text);
  if (two) return [[two[1] as string, two[2], two[3]]];
  // dpkg's "Unpacking X (new) over (old)": the new version first.
  const over = DPKG_OVER.exec(text);
  if (over) return [[over[1] as string, over[3], over[2]]];
  // yum's and dnf's history: "Upgraded"/"Updated" name the version before, "Upgrade"/"Update" the one after.
  const yum = YUM_HISTORY.exec(text);
  if (yum)
    return [[yum[2] as string, /ed$/i.test(yum[1] as string) ? yum[3] : undefined, /ed$/i.test(yum[1] as string) ? undefined : yum[3]]];
  const history = APT_HISTORY.exec(text)?.[1];
  return history ? [...history.matchAll(APT_HISTORY_ENTRY)].map((m) => [m[1] as string, m[2], m[3]]) : [];
}

/**
 * The changes `lines` record (upgrades and downgrades a package manager's log records, dpkg's own output), each on the
 * machine `hostOf` gives its line; a component a package bundles (containerd.io's runc) changed too, at no version the
 * line gives.
 */
export function componentChanges(lines: readonly LineRef[], hostOf: (line: number) => string | null): ComponentChange[] {
  const out: ComponentChange[] = [];
  for (const { text, line } of lines) {
    if (text.length > MAX_LINE) continue;
    const at = lineTime(text);
    const on = hostOf(line);
    for (const [name, from, to] of changesOn(text)) {
      const p = componentPackage(name, true);
      if (!p) continue;
      out.push({ ecosystem: p.ecosystem, from: upstreamOf(from), to: upstreamOf(to), at, on });
      for (const b of p.bundles) out.push({ ecosystem: b, from: null, to: null, at, on });
    }
  }
  return out;
}

/**
 * The version an upgrade or downgrade the paste runs replaced, upstream, by ecosystem (one per ecosystem, or none), as
 * dpkg ("Unpacking containerd.io (1.6.4-1) over (1.6.3-1)"), pacman ("warning: downgrading package runc (1.2.0-1 =>
 * 1.1.15-1)") or dnf ("Cleanup : containerd.io-1.6.3-3.1.el8.x86_64") prints it: the version a failure logged before
 * the change ran (review 46a F7, 56b F4: "no version of containerd" beside the lines that name it).
 */
export function replacedVersions(lines: readonly LineRef[]): Record<string, string> {
  const found = new Map<string, Set<string>>();
  for (const { text } of lines) {
    if (text.length > MAX_LINE) continue;
    const over = DPKG_OVER.exec(text);
    const other = over ? null : (PACMAN_DOWNGRADING.exec(text) ?? (text.length <= MAX_ROW ? DNF_CLEANUP.exec(text) : null));
    const name = over?.[1] ?? other?.[1];
    const ecosystem = name ? componentPackage(name, true)?.ecosystem : undefined;
    const old = over ? upstreamOf(over[3] as string) : other ? upstreamOf(other[2] as string) : null;
    if (ecosystem && old) found.set(ecosystem, (found.get(ecosystem) ?? new Set()).add(old));
  }
  return Object.fromEntries([...found].flatMap(([e, versions]) => (versions.size === 1 ? [[e, [...versions][0] as string]] : [])));
}

/** dpkg.log's "2024-12-09 06:25:20 status installed containerd.io:amd64 1.7.24-1": the build dpkg left installed then. */
const DPKG_STATUS_INSTALLED = /^\s*\d{4}-\d\d-\d\d \d\d:\d\d:\d\d status installed ([a-z0-9][a-z0-9.+-]*)(?::[a-z0-9]+)? (\S+)\s*$/;

/**
 * The build of each component package a package manager's log shows installed last (in the paste's order): what the
 * last change left (dpkg.log, apt's history.log, yum/dnf history, pacman.log, apk, dpkg's "over" line) or dpkg.log's
 * "status installed" record (review 47a F2: with no listing beside it, "no version … was given"). Named, never the
 * host's own reading: the log may be another machine's, and a later change it does not show may have followed.
 */
export function loggedInstalls(lines: readonly LineRef[]): Record<string, string> {
  // Per package, in the paste's order: the build left installed (null for a removal), when the log dates it.
  const records = new Map<string, Array<{ build: string | null; at: LogTime | null }>>();
  for (const { text } of lines) {
    if (text.length > MAX_LINE) continue;
    const at = lineTime(text);
    const add = (name: string, build: string | null) => records.set(name, [...(records.get(name) ?? []), { build, at }]);
    const status = DPKG_STATUS_INSTALLED.exec(text) ?? YUM_LOG.exec(text) ?? PACMAN_INSTALLED.exec(text) ?? APK_INSTALLED.exec(text);
    if (status) add(status[1] as string, status[2] as string);
    const removed = DPKG_REMOVED.exec(text) ?? YUM_REMOVED.exec(text) ?? PACMAN_OR_APK_REMOVED.exec(text);
    if (removed) add((removed[1] ?? removed[2]) as string, null);
    const apt = APT_REMOVED.exec(text)?.[1];
    if (apt) for (const m of apt.matchAll(APT_REMOVED_ENTRY)) add(m[1] as string, null);
    const installs = APT_INSTALLED.exec(text)?.[1];
    if (installs) for (const m of installs.matchAll(APT_INSTALLED_ENTRY)) add(m[1] as string, m[2] as string);
    for (const [name, , to] of changesOn(text)) if (to && to !== "<none>") add(name, to);
  }
  // The latest by the log's own time where every record of a package is dated (rotated logs are often pasted newest
  // first: review 47c F4), else the last in the paste.
  const last = new Map<string, string | null>();
  for (const [name, own] of records) {
    const first = own[0]?.at;
    const dated = !!first && own.every((r) => r.at !== null && r.at.year !== null && comparableTimes(r.at, first));
    // Dated and undated records that disagree (dpkg.log's install, apt history's removal) cannot be ordered: none stands
    // (review 47d F7).
    const undatedDisagree = own.some((r) => r.at === null) && own.some((r) => r.at !== null) && new Set(own.map((r) => r.build)).size > 1;
    const latest = dated ? own.reduce((a, b) => (writtenAfter(b.at as LogTime, a.at as LogTime) ? b : a)) : own.at(-1);
    last.set(name, undatedDisagree ? null : (latest?.build ?? null));
  }
  return Object.fromEntries([...last].flatMap(([name, build]) => (build !== null && componentPackage(name, true) ? [[name, build]] : [])));
}

/** apt's history.log line for a big upgrade is long; a longer line is read no further. */
const MAX_LINE = 4000;
/**
 * A transaction row is a package's name and build (a few hundred characters at most): DNF_CLEANUP's name and version both
 * take digits and dashes, so a crafted row of thousands of them costs milliseconds each (review 57a F4).
 */
const MAX_ROW = 512;
