/**
 * Which of a paste's nodes printed a finding's log lines, when the lines say so. A syslog or journald line names its
 * host after the date ("Dec 03 02:11:40 worker-1 kube-proxy[2211]: …", journalctl's short and short-iso formats), so a
 * nodes table beside one node's journal says whose versions the symptom speaks of: another node's kernel in range is
 * no verdict on the lines this one printed (review 32a: worker-1's own journal, on a kernel verified before the bug,
 * was "affected" by worker-2's kernel).
 */
import { sameMachine } from "./facts/uname-fleet";
import type { HostVersions } from "./verdict";

// The date, then the host, then the program and its pid and a colon. The host is one token, no colon or bracket.
const SYSLOG_HOST =
  /^(?:[A-Z][a-z]{2} [ \d]?\d \d\d:\d\d:\d\d(?:\.\d+)?|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?) ([A-Za-z0-9][\w.-]*) [^\s:[\]]+(?:\[\d+\])?:/;

/** The host a syslog or journald line names, or null. */
export const syslogHost = (line: string): string | null => SYSLOG_HOST.exec(line)?.[1] ?? null;

/** The one node of `hosts` that `name` is (sameMachine), or undefined for none or several ("node1" beside node1.dc1 and node1.dc2). */
function nodeNamed(hosts: readonly HostVersions[], name: string): HostVersions | undefined {
  const found = hosts.filter((h) => h.subject.startsWith("node ") && sameMachine(h.subject.slice(5), name));
  return found.length === 1 ? found[0] : undefined;
}

/**
 * The nodes every line of `lines` (the finding's hit lines, all of them: a sample would miss a node that printed the
 * symptom once after another's retries, review 32c) comes from, or null when a line names no host, or one that is no
 * single node of `hosts`. `lineAt` gives a line of the text by its 1-based number.
 */
export function printedBy(
  lines: Iterable<number>,
  hosts: readonly HostVersions[],
  lineAt: (line: number) => string | undefined,
): HostVersions[] | null {
  const found = new Set<HostVersions>();
  const seen = new Map<string, HostVersions | undefined>();
  for (const line of lines) {
    const name = syslogHost(lineAt(line) ?? "");
    if (name === null) return null;
    if (!seen.has(name)) seen.set(name, nodeNamed(hosts, name));
    const host = seen.get(name);
    if (!host) return null;
    found.add(host);
  }
  return found.size ? [...found] : null;
}

/** Whether the paste's own host (its uname's host name, `unameHost`) is another machine than every node in `shown`. */
export const ownHostElsewhere = (unameHost: string | null, shown: readonly HostVersions[]): boolean =>
  unameHost !== null && !shown.some((h) => sameMachine(h.subject.replace(/^node /, ""), unameHost));
