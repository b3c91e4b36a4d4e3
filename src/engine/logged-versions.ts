/**
 * Whether the versions the paste read of a host are those of the process that logged a symptom. Two cases where they
 * may not be, so a reading is named (hedged: no certain answer rests on it) rather than read:
 * - the paste shows the component at another version at another time (an upgrade a package manager's log records or
 *   the paste runs, a daemon started at two versions: ExtractedFacts.changes), and a symptom line is not the output of
 *   a command that ran as the paste was made: a log's line (however gathered: journalctl in any of its formats, grep
 *   over rotated files, a wrapped entry's next line) may be from before the change (review 46a F1: containerd 1.6.4,
 *   read after dpkg.log's upgrade from 1.6.3, ruled out for certain the 1.6.3 bug the journal had logged before it);
 * - every symptom line is a Kubernetes distribution's own (the journal files it under k3s, RKE2, k0s or MicroK8s'
 *   daemons, or it comes from their own containerd log), which runs the containerd and runc it bundles, not the system's
 *   (review 46a F2: Docker's containerd.io 1.6.4 ruled out, for certain, the loopback failure k3s's containerd logged).
 */
import type { ExtractedFacts } from "./facts";
import type { ComponentChange } from "./facts/component-changes";
import { sameBuild } from "./facts/host-components";
import { isLogFramed } from "./facts/log-framing";
import { type LogTime, lineTime, writtenAfter } from "./facts/log-times";
import { sameMachine } from "./facts/uname-fleet";
import type { HostVersions } from "./verdict";

/** What of the paste's facts says who logged a line and when, and what changed when (ExtractedFacts). */
export type LineSource = Pick<ExtractedFacts, "lineAt" | "commandAt" | "readsBundledRuntime" | "bundlingCluster" | "changes">;

/**
 * A journald or syslog line's tag after its date and host: `journalctl`'s short, short-precise, short-iso and short-full
 * dates ("Apr 28 10:01:22.123456", "2022-04-28T10:01:22+0000", "Thu 2022-04-28 10:01:22 UTC"), then "host tag[pid]:".
 */
const JOURNAL_TAG =
  /^\s*(?:[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d(?:\.\d+)?|(?:[A-Z][a-z]{2} )?\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d| [A-Z]{2,5})?) \S+ ([\w.@-]+?)(?:\[\d+\])?: /;
/** RFC 5424's header: "<30>1 2022-04-28T10:01:22.123456+00:00 host app-name procid msgid". */
const RFC5424_TAG = /^\s*<\d{1,3}>1 \S+ \S+ ([\w.@-]+) \S+ \S+ /;
/** Programs that run a containerd and runc of their own inside: k3s's and RKE2's server and agent, k0s, MicroK8s' snap daemons. */
const BUNDLING = /^(?:k3s(?:-agent|-server)?|rke2(?:-agent|-server)?|k0s(?:worker|controller)?|(?:snap\.)?microk8s\.daemon-[\w-]+)$/;
/** Their own containerd's log files, read by the command a line follows ("tail /var/lib/rancher/k3s/agent/containerd/containerd.log"). */
const BUNDLED_LOG = /\/var\/lib\/rancher\/(k3s|rke2)\/|\/var\/snap\/(microk8s)\/|\/var\/lib\/(k0s)\//;
const BUNDLED = ["containerd", "runc"];
/** A build the distributions number as their own ("1.6.3-k3s1", RKE2's "-k3s" builds too). */
const BUNDLED_BUILD = /-(?:k3s|rke2|k0s)\d*/;

/**
 * A command that reads what was logged before (a journal, a log file, a pod's or container's log, a description's
 * events) rather than runs the action that failed: its output's lines are of any time.
 */
const READS_LOGS =
  /\b(?:journalctl|dmesg|tail|cat|zcat|less|more|head|grep|egrep|zgrep|rg|awk|sed|logs|describe|events|syslog|log)\b|\/var\/log\//;
/**
 * Whether what the paste shows on machine `on` may be `machine`'s: one named by no machine, by its address or through
 * the cluster ("") may be any (review 46d F2); null `machine` is any.
 */
const mayBeOn = (on: string | null, machine: string | null): boolean =>
  // A fan-out block's or a shell loop's several machines ("node1,node2"): any of them.
  on?.includes(",")
    ? on.split(",").some((one) => mayBeOn(one, machine))
    : !on || LOOP_VARIABLE.test(on) || ADDRESS.test(on) || machine === null || sameMachine(on, machine);
/** A shell loop's unlisted machines (`$h`, xargs' `{}`): any of the paste's. */
const LOOP_VARIABLE = /^(?:\$|\{\}$)/;
/** An IPv4 or IPv6 address naming a machine (`ssh 10.0.0.11`). */
const ADDRESS = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[\da-f:]*:[\da-f:]+)$/i;
/** A command's output farther below it than this is read as no output of it. */
const OUTPUT_REACH = 40;

/** The program that logged a line, as its journal or syslog header names it; undefined when none does. */
function taggedBy(text: string): string | undefined {
  return JOURNAL_TAG.exec(text)?.[1] ?? RFC5424_TAG.exec(text)?.[1];
}

/** A pod's or container's log fetched through the cluster or the CRI (`kubectl logs`, `crictl logs`). */
const PODS_LOG = /\b(?:kubectl|kubecolor|oc|k|crictl)\b[^|;&]{0,120}?\slogs(?:\s|$)/;

/**
 * The Kubernetes distribution whose bundled runtime printed a line, by its tag or its log file, or a pod's log on a cluster
 * the paste shows is one (review 54d F1: a k3s node's host runc judged its pod's line); undefined for none.
 */
function bundlerOf(line: number, source: LineSource): string | undefined {
  const tag = taggedBy(source.lineAt(line) ?? "");
  if (tag && BUNDLING.test(tag)) return tag;
  const command = source.commandAt(line);
  const typed = command === null ? "" : (source.lineAt(command) ?? "");
  const file = BUNDLED_LOG.exec(typed);
  if (file) return file[1] ?? file[2] ?? file[3];
  return source.bundlingCluster && typed.length <= MAX_COMMAND && PODS_LOG.test(typed) ? source.bundlingCluster : undefined;
}
const MAX_COMMAND = 1000;

/**
 * Whether a line is the output of a command that ran as the paste was made (a `docker run`'s or `crictl runp`'s own
 * error): unframed, not indented (a logged entry's next line), below a command that reads no log.
 */
function printedNow(line: number, source: LineSource): boolean {
  const text = source.lineAt(line) ?? "";
  // A quoted line (Markdown's or a mail's "> ") is no command's output either (review 46b F2's b13).
  if (isLogFramed(text) || /^\s|^>/.test(text)) return false;
  const command = source.commandAt(line);
  return command !== null && command < line && line - command <= OUTPUT_REACH && !READS_LOGS.test(source.lineAt(command) ?? "");
}

/**
 * Why each of a host's components may not be the version that logged `lines` (empty when all are). `machine` is the host
 * (a node's name, or the machine the symptom lines' journal names; null for any): a change shown on another machine is
 * no change of this one (review 46b F14), one shown on no named machine may be (46c F4).
 */
export function notAsLogged(
  lines: readonly number[],
  source: LineSource,
  components: Readonly<Record<string, string>>,
  machine: string | null,
): Map<string, string> {
  const why = new Map<string, string>();
  if (!lines.length) return why;
  // Unless the version read is the bundled one: read by the distribution's own tool on this machine, or a build it names
  // (review 46b F6; 46c F2: `k3s ctr version` reads k3s's containerd, not its runc; 46d F3: not another machine's).
  const bundler = bundlerOf(lines[0] as number, source);
  if (bundler && lines.every((l) => bundlerOf(l, source) === bundler))
    for (const e of BUNDLED) {
      const version = components[e];
      const bundledRead = source.readsBundledRuntime.some((r) => r.ecosystem === e && mayBeOn(r.on, machine));
      if (version !== undefined && !bundledRead && !BUNDLED_BUILD.test(version))
        why.set(e, `the log's lines are ${bundler}'s, which runs its own ${e}`);
    }
  // A restart before the first line is the daemon that logged it starting; one after, a daemon the reading may be of.
  const first = lines.reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY);
  const changes = source.changes.filter((c) => mayBeOn(c.on, machine) && (c.restartedAt === undefined || c.restartedAt > first));
  // Output printed at the prompt ran the version read now, unless the daemon was restarted since.
  const restarted = changes.some((c) => c.restartedAt !== undefined);
  if (!changes.length || (!restarted && lines.every((l) => printedNow(l, source)))) return why;
  const written = lines.map((l) => lineTime(source.lineAt(l) ?? ""));
  for (const [ecosystem, now] of Object.entries(components)) {
    const of = changes.filter((c) => c.ecosystem === ecosystem);
    if (!of.length || why.has(ecosystem) || ranAfter(written, of, now)) continue;
    const others = [...new Set(of.flatMap((c) => [c.from, c.to]).filter((v): v is string => !!v && !sameBuild(v, now)))];
    why.set(
      ecosystem,
      others.length
        ? `the paste shows ${ecosystem} at ${others.join(" and ")} too, and a logged line may be from then`
        : of.every((c) => c.restartedAt !== undefined)
          ? `the paste restarts ${ecosystem} after the failure, and the daemon that logged it may have run another version`
          : `the paste shows ${ecosystem} changed, and a logged line may be from before that`,
    );
  }
  return why;
}

/**
 * Whether every symptom line was written after every change of a component, by the dates of both, and the last change
 * left the version read now (or names none) (review 46b F7: the kubelet's flag error six seconds after dpkg.log's upgrade to 1.24.0; 46c
 * F1: a failure after a start-up at 1.6.3 ran 1.6.3, whatever `--version` says now). Not when any is undated.
 */
function ranAfter(written: ReadonlyArray<LogTime | null>, changes: readonly ComponentChange[], now: string): boolean {
  const dated = changes.filter((c): c is ComponentChange & { at: LogTime } => c.at !== null);
  if (dated.length < changes.length || !written.every((w) => w !== null && dated.every((c) => writtenAfter(w, c.at)))) return false;
  // What ran: the last start-up where the paste shows one, else the last change (a package's scripts restart its daemon).
  const starts = dated.filter((c) => c.started);
  const last = (starts.length ? starts : dated).reduce((a, b) => (writtenAfter(b.at, a.at) ? b : a));
  // A change that names no version (containerd.io's upgrade, for the runc it bundles) left what is installed now.
  return last.to === null ? last.from === null : sameBuild(last.to, now);
}

/** The host with the components `why` names no longer read but named (hedged), each with why. */
export function namedInstead(host: HostVersions, why: ReadonlyMap<string, string>): HostVersions {
  if (!why.size) return host;
  const components = { ...host.components };
  const mentioned = { ...host.mentioned };
  const notAsLogged: Record<string, string> = { ...host.notAsLogged };
  for (const [ecosystem, reason] of why) {
    const version = components[ecosystem];
    if (version === undefined) continue;
    delete components[ecosystem];
    mentioned[ecosystem] = version;
    notAsLogged[ecosystem] = reason;
  }
  return { ...host, components, mentioned, notAsLogged };
}
