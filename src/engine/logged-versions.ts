/**
 * Whether the versions the paste read of its host are those of the process that logged a symptom. Two cases where they
 * may not be, so a reading is named (hedged: no certain answer rests on it) rather than read:
 * - the paste shows the component at another version at another time (an upgrade a package manager's log records or
 *   the paste runs, a daemon started at two versions: ExtractedFacts.changes), and every symptom line is one a log
 *   dated: it may be from before the change (review 46a F1: containerd 1.6.4, read after dpkg.log's upgrade from 1.6.3,
 *   ruled out for certain the 1.6.3 bug the journal had logged before it). A line a command printed as it ran is now's;
 * - every symptom line is a Kubernetes distribution's own (the journal files it under k3s, rke2, k0s or MicroK8s'
 *   daemons), which runs the containerd and runc it bundles, not the system's (review 46a F2: Docker's containerd.io
 *   1.6.4 ruled out, for certain, the loopback failure k3s's embedded containerd logged).
 */

import { sameBuild } from "./facts/host-components";
import { isLogFramed } from "./facts/log-framing";
import type { HostVersions } from "./verdict";

/** A syslog or journald line's tag after its date and host: the program the journal files the line under. */
const JOURNAL_TAG =
  /^\s*(?:[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d|\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:?\d\d)?) \S+ ([\w.@-]+?)(?:\[\d+\])?: /;
/** Programs that run a containerd and runc of their own inside (k3s and RKE2's agents, k0s, MicroK8s' snap daemons). */
const BUNDLING = /^(?:k3s|rke2|k0s|microk8s\.daemon-[\w-]+|snap\.microk8s\.daemon-[\w-]+)$/;
const BUNDLED = ["containerd", "runc"];

/** Why each of the host's components may not be the version that logged `lines` (empty when all are). */
export function notAsLogged(
  lines: readonly number[],
  lineAt: (line: number) => string | undefined,
  changes: Readonly<Record<string, readonly string[]>>,
  components: Readonly<Record<string, string>>,
): Map<string, string> {
  const why = new Map<string, string>();
  if (!lines.length) return why;
  const texts = lines.map((l) => lineAt(l) ?? "");
  const tags = texts.map((t) => JOURNAL_TAG.exec(t)?.[1]);
  const bundler = tags[0];
  if (bundler && BUNDLING.test(bundler) && tags.every((t) => t === bundler))
    for (const e of BUNDLED) if (components[e] !== undefined) why.set(e, `the log's lines are ${bundler}'s, which runs its own ${e}`);
  if (!texts.every(isLogFramed)) return why;
  for (const [ecosystem, versions] of Object.entries(changes)) {
    const now = components[ecosystem];
    if (now === undefined || why.has(ecosystem)) continue;
    const others = versions.filter((v) => v && !sameBuild(v, now));
    if (others.length)
      why.set(ecosystem, `the paste shows ${ecosystem} at ${others.join(" and ")} too, and a logged line may be from then`);
    else if (versions.includes("")) why.set(ecosystem, `the paste shows ${ecosystem} changed, and a logged line may be from before that`);
  }
  return why;
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
