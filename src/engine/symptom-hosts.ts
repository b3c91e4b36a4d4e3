/**
 * Which of a paste's nodes printed a finding's log lines, when the lines say so. A syslog or journald line names its
 * host after the date ("Dec 03 02:11:40 worker-1 kube-proxy[2211]: …", journalctl's short and short-iso formats), so a
 * nodes table beside one node's journal says whose versions the symptom speaks of: another node's kernel in range is
 * no verdict on the lines this one printed (review 32a: worker-1's own journal, on a kernel verified before the bug,
 * was "affected" by worker-2's kernel). Without a table, the same reading says when a paste's lines are another machine's
 * than its uname's (linePrinter, printersElsewhere: review 35b).
 */
import type { ExtractedFacts } from "./facts";
import { isLogFramed } from "./facts/log-framing";
import { isUnnamedHost, type MachineIndex, machineIndex, sameMachine } from "./facts/uname-fleet";
import type { HostVersions } from "./verdict";

// The date, then the host, then the program and its pid and a colon. The host is one token, no colon or bracket.
const SYSLOG_HOST =
  /^(?:[A-Z][a-z]{2} [ \d]?\d \d\d:\d\d:\d\d(?:\.\d+)?|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?) ([A-Za-z0-9][\w.-]*) [^\s:[\]]+(?:\[\d+\])?:/;

/** The host a syslog or journald line names, or null. */
export const syslogHost = (line: string): string | null => SYSLOG_HOST.exec(line)?.[1] ?? null;

/**
 * The nodes of a paste by name, built once per diagnosis: a lookup per host name a line gives, not a pass over every
 * node (review 32e: 20,000 rows beside a journal of as many hosts took two minutes). Same rule as sameMachine: the whole
 * name, or the short name where one side gives a bare short name (machineIndex).
 */
export type NodeNames = MachineIndex<HostVersions>;

export const nodeNames = (hosts: readonly HostVersions[]): NodeNames =>
  machineIndex(
    hosts.filter((h) => h.subject.startsWith("node ")),
    (h) => h.subject.slice(5),
    (h) => h.address,
  );

/**
 * The nodes every line of `lines` (the finding's hit lines, all of them: a sample would miss a node that printed the
 * symptom once after another's retries, review 32c) comes from, or null when a line names no host, or one that is no
 * single node of `names`. `printerOf` (linePrinter) says which machine printed a line: its journald or syslog host, else
 * the prompt or `ssh` target of the command before it (review 36b: a fleet dropped both, and a node that printed nothing
 * decided).
 */
export function printedBy(lines: Iterable<number>, names: NodeNames, printerOf: (line: number) => string | null): HostVersions[] | null {
  const found = new Set<HostVersions>();
  for (const line of lines) {
    const name = named(printerOf(line));
    if (name === null) return null;
    // A dshbak block several hosts printed names them all ("web-2,web-3").
    for (const one of name.split(",")) {
      const host = names.lookup(one);
      if (!host) return null;
      found.add(host);
    }
  }
  return found.size ? [...found] : null;
}

/**
 * When every line of `lines` names a node of `names` and some give a name several nodes share (a short name two FQDN rows
 * have: `ssh worker-1` beside worker-1.dc1 and worker-1.dc2), all the same one: the nodes the other lines name
 * (`shown`) and the nodes that shared name may be (`either`). The lines under it are one of theirs, and the paste does
 * not say which; printedBy gives null then, and the fleet's rule judged the lines on whichever node was in range (review
 * 42; review 44a F3: one line resolved to dc2 beside another under the shared name was "affected" on dc1). Else null.
 */
export function sharedNamePrinters(
  lines: Iterable<number>,
  names: NodeNames,
  printerOf: (line: number) => string | null,
): { shown: HostVersions[]; either: HostVersions[] } | null {
  let either: HostVersions[] | null = null;
  const shown = new Set<HostVersions>();
  for (const line of lines) {
    const name = named(printerOf(line));
    if (name === null || name.includes(",")) return null;
    const candidates = names.candidates(name);
    if (candidates.length === 1) shown.add(candidates[0] as HostVersions);
    else if (candidates.length < 2) return null;
    else if (either === null) either = candidates;
    else if (candidates.length !== either.length || candidates.some((c) => !either?.includes(c))) return null;
  }
  return either ? { shown: [...shown], either } : null;
}

/**
 * The nodes the bare prompts may be when the paste's unames under no named prompt name several of them (`$ uname -a` on
 * web-1, then on web-2) and every one of `lines` a command at a bare prompt printed, naming no machine of its own: the
 * lines may be any of theirs, and the paste does not say which. Null unless every such uname names one node of the table.
 */
export function bareUnamePrinters(
  lines: Iterable<number>,
  names: NodeNames,
  printerOf: (line: number) => string | null,
  facts: Pick<ExtractedFacts, "bareUnameHosts" | "afterBareCommand">,
): HostVersions[] | null {
  if (facts.bareUnameHosts.length < 2) return null;
  for (const line of lines) if (printerOf(line) !== null || !facts.afterBareCommand(line)) return null;
  const nodes = facts.bareUnameHosts.map((h) => names.lookup(h));
  return nodes.every((n) => n !== undefined) ? [...new Set(nodes)] : null;
}

/** A printer that names a machine, or null (none, the paste's own unnamed one, journald's "localhost"). */
const named = (printer: string | null): string | null =>
  printer === null || printer === OWN_OUTPUT || isUnnamedHost(printer) ? null : printer;

/**
 * When every line names its host: the nodes of `names` among them and the hosts that are no node of the table at all (a
 * journal of one machine beside a nodes table of others: a `-l` selector, another cluster, a `--hostname-override` name).
 * Null when a line names no host, or a host several nodes may be, or none is unlisted (printedBy then decides). The
 * table's versions are no verdict on an unlisted host (review 33c); the listed ones are still judged (review 33d).
 */
export function unlistedPrinters(
  lines: Iterable<number>,
  names: NodeNames,
  printerOf: (line: number) => string | null,
): { listed: HostVersions[]; unlisted: string[] } | null {
  const listed = new Set<HostVersions>();
  const unlisted = new Set<string>();
  for (const line of lines) {
    const printer = named(printerOf(line));
    if (printer === null) return null;
    for (const name of printer.split(",")) {
      const host = names.lookup(name);
      if (host) listed.add(host);
      // An address no node's name gives may be a node's own (its INTERNAL-IP) unless the table gives every node's.
      else if (names.lists(name) || (/^[\d.]+$|:/.test(name) && !names.allAddressed)) return null;
      else unlisted.add(name);
    }
  }
  return unlisted.size ? { listed: [...listed], unlisted: [...unlisted] } : null;
}

/** Whether the paste's own host (its uname's host name, `unameHost`) is another machine than every node in `shown`. */
export const ownHostElsewhere = (unameHost: string | null, shown: readonly HostVersions[]): boolean =>
  unameHost !== null && !shown.some((h) => sameMachine(h.subject.replace(/^node /, ""), unameHost));

/** What of a paste's facts says which machine printed a line. */
export type PrinterFacts = Pick<
  ExtractedFacts,
  "commandHost" | "clusterNode" | "containerOutput" | "inContainerCommand" | "bareUnameHost" | "afterBareCommand"
>;

/** The machine the paste's bare uname names, for a line a command at a bare prompt printed; else null. */
const bareCommandPrinter = (facts: Pick<ExtractedFacts, "bareUnameHost" | "afterBareCommand">, line: number): string | null =>
  facts.bareUnameHost !== null && facts.afterBareCommand(line) ? facts.bareUnameHost : null;

/**
 * The machine that printed a line, as the paste says: its syslog or journald host, else the command before it (an `ssh`
 * target, a prompt's host); for a container's lines only the command's machine (a kind node's journal through `docker
 * exec` runs on that machine's kernel under the container's name; `crictl logs` at worker-2's prompt are worker-2's:
 * review 36b); for pod logs through the cluster the node the output names (clusterNode), else none (any node's);
 * OWN_OUTPUT for a log line naming no host (or its indented continuation) under no command naming one (review 35f: the
 * failing node's bare klog beside a peer's journal); null for a sentence quoting the error, which is no machine's.
 */
export function linePrinter(lineAt: (line: number) => string | undefined, facts: PrinterFacts): (line: number) => string | null {
  return (n) => {
    const by = facts.commandHost(n);
    // Through the cluster, a pod may be on any node, unless the output names it (its description's `Node:`, an event's
    // source): review 44a, a laptop's containerd judged the events of a pod `kubectl describe` placed on web-2.
    // A journal's line names its own host, and no description prints one (review 45a F3): none then, as before.
    if (by === "") return syslogHost(lineAt(n) ?? "") ? null : facts.clusterNode(n);
    // What a command at a bare prompt printed is the machine the paste's bare uname names (review 42b F6).
    const bare = by === null ? bareCommandPrinter(facts, n) : null;
    if (facts.containerOutput.has(n) || facts.inContainerCommand(n)) return by ?? bare;
    const journal = syslogHost(lineAt(n) ?? "");
    // journald's short host name under a command naming its whole one is that one (review 42b F8: `ssh
    // worker-1.dc2.example.com journalctl` printing `worker-1` was either of two nodes).
    if (journal && by && sameMachine(journal, by)) return by.length > journal.length ? by : journal;
    return journal ?? by ?? bare ?? (inHostlessLog(n, lineAt) ? OWN_OUTPUT : null);
  };
}

/**
 * Beside a nodes table, which machine printed a line (`printerOf`: linePrinter), read against the table's nodes: a
 * container's own host name is that node's when a row names it (kind's and k3d's nodes are containers, whose journal
 * `docker exec kind-worker2 journalctl` prints: review 36d); a prompt naming no node (a laptop running `minikube ssh`,
 * `gcloud compute ssh`, `docker exec` on a kind node) names no printer, since only a journald host or an `ssh` target
 * names a machine off the table (review 36e).
 */
export function tablePrinter(
  printerOf: (line: number) => string | null,
  facts: Pick<
    ExtractedFacts,
    "lineAt" | "commandHost" | "containerOutput" | "inContainerCommand" | "overSsh" | "readHere" | "bareUnameHost" | "afterBareCommand"
  >,
  namesOf: () => NodeNames,
): (line: number) => string | null {
  return (line) => {
    const journal = syslogHost(facts.lineAt(line) ?? "");
    if (journal && (facts.containerOutput.has(line) || facts.inContainerCommand(line)) && namesOf().lookup(journal)) return journal;
    const printer = printerOf(line);
    // A node the cluster's output names (a pod's `Node:`, an event's source) is a machine, listed or not (review 45a F2: a
    // worker the table does not list was taken for "one of its nodes", "not affected, certain" on another row).
    if (printer !== null && facts.commandHost(line) === "") return printer;
    // A bare prompt's output is the bare uname's machine, a node or not (review 42b F6: `$ docker run` under `Linux web-3
    // …` was judged on web-2's row, in range, "affected"): no laptop's command reaching a node.
    if (printer !== null && !journal && printer === bareCommandPrinter(facts, line)) return printer;
    // A command reading its own machine's logs (journalctl at the bastion that ran pdsh) printed that machine's lines
    // (review 37b); another (`minikube ssh`, `docker exec` on a kind node) may have fetched a node's.
    if (printer && !journal && !facts.overSsh(line) && !facts.readHere(line) && !namesOf().lists(printer)) return null;
    return printer;
  };
}

/**
 * The hosts that printed `lines` when those that name one (their syslog or journald host, else the command before them)
 * all name another machine than every one of `own` (the paste's own: its uname's, or the prompts its versions were read
 * at); else null. A line that names none (a sentence quoting the error, review 35d) may be any machine's, so it neither
 * makes nor breaks the case; journald's "localhost" (lines logged before the hostname was set) names none.
 */
export function printersElsewhere(
  lines: readonly number[],
  printerOf: (line: number) => string | null,
  own: readonly string[],
): string[] | null {
  const printers = new Set<string>();
  for (const line of lines) {
    const printer = printerOf(line);
    if (printer === null || isUnnamedHost(printer)) continue;
    if (printer === OWN_OUTPUT || own.some((name) => sameMachine(printer, name))) return null;
    printers.add(printer.toLowerCase());
  }
  return printers.size ? [...printers] : null;
}
/**
 * Whether line `line` may be the output of a machine that printed one of `lines`: false only when the paste names the
 * machine of `line` and of each of `lines` (a journald or syslog host, the `ssh` target or prompt of the command before
 * it, `own` for a log line naming no host: the paste's own machine, when its uname or prompts name it) and none is the
 * same. Review 70d F7: a line showing a record's context absent speaks of its own machine only.
 */
export function mayShareMachine(
  lines: readonly number[],
  line: number,
  printerOf: (line: number) => string | null,
  own: readonly string[],
): boolean {
  const machine = (n: number): readonly string[] | null => {
    const printer = printerOf(n);
    if (printer === OWN_OUTPUT) return own.length ? own : null;
    // A dshbak block several hosts printed names them all ("web-2,web-3").
    return printer === null || isUnnamedHost(printer) ? null : printer.split(",");
  };
  const theirs = machine(line);
  if (!theirs || !lines.length) return true;
  const printers = lines.map(machine);
  return printers.some((p) => p === null || p.some((a) => theirs.some((b) => sameMachine(a, b))));
}

/** How far up an indented continuation line is followed to the log line it continues (a klog `err=<` block). */
const MAX_CONTINUATION = 20;

/** Whether line `n` is a log line naming no host, or an indented continuation of one. */
function inHostlessLog(n: number, lineAt: (n: number) => string | undefined): boolean {
  for (let k = n; k >= 1 && k > n - MAX_CONTINUATION; k--) {
    const line = lineAt(k) ?? "";
    if (!line.trim() || /^\s/.test(line)) continue;
    return isLogFramed(line.trim()) && syslogHost(line) === null;
  }
  return false;
}
/** The printer of a log line the paste's own machine printed: no name, but the uname's. */
const OWN_OUTPUT = "\0own";
