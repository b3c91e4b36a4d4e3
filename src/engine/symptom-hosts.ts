/**
 * Which of a paste's nodes printed a finding's log lines, when the lines say so. A syslog or journald line names its
 * host after the date ("Dec 03 02:11:40 worker-1 kube-proxy[2211]: …", journalctl's short and short-iso formats), so a
 * nodes table beside one node's journal says whose versions the symptom speaks of: another node's kernel in range is
 * no verdict on the lines this one printed (review 32a: worker-1's own journal, on a kernel verified before the bug,
 * was "affected" by worker-2's kernel).
 */
import type { LogEvidence } from "./diagnosis";
import type { HostVersions } from "./verdict";

// The date, then the host, then the program and its pid and a colon. The host is one token, no colon or bracket.
const SYSLOG_HOST =
  /^(?:[A-Z][a-z]{2} [ \d]?\d \d\d:\d\d:\d\d(?:\.\d+)?|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?) ([A-Za-z0-9][\w.-]*) [^\s:[\]]+(?:\[\d+\])?:/;

/** A host name as a nodes table and a syslog line may both write it: lower case, the first label of an FQDN. */
const shortName = (name: string) => name.toLowerCase().split(".")[0] ?? "";

/**
 * The hosts every one of `evidence`'s lines comes from (a klog block's lines, from the block's first line), or null
 * when a line names no host, or one no host of `hosts` is. `lineAt` gives a line of the text by its 1-based number.
 */
export function printedBy(
  evidence: readonly LogEvidence[],
  hosts: readonly HostVersions[],
  lineAt: (line: number) => string | undefined,
): HostVersions[] | null {
  const byName = new Map<string, HostVersions>();
  for (const h of hosts) if (h.subject.startsWith("node ")) byName.set(shortName(h.subject.slice(5)), h);
  if (byName.size < 2) return null;
  const found = new Set<HostVersions>();
  for (const e of evidence) {
    const text = e.blockStart ? lineAt(e.blockStart) : e.text;
    const name = text === undefined ? undefined : SYSLOG_HOST.exec(text)?.[1];
    const host = name === undefined ? undefined : byName.get(shortName(name));
    if (!host) return null;
    found.add(host);
  }
  return found.size ? [...found] : null;
}
