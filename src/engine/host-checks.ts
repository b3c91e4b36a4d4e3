/**
 * A fleet's version checks, computed once per record for each distinct set of versions: a 5,000-node
 * table usually runs a handful of kernels, and a check depends on a host's versions, never on its name.
 * Each host gets the checks of the first host with its versions, named for itself.
 */
import type { VersionEvidence } from "./diagnosis";
import type { BugRecord } from "./record";
import type { HostVersions } from "./verdict";

type HostCheck<A extends unknown[]> = (record: BugRecord, host: HostVersions, ...args: A) => VersionEvidence[];

const fingerprints = new WeakMap<HostVersions, number>();
/** Each distinct set of versions seen, numbered: lookups then hash a number, not a long text. */
const numbered = new Map<string, number>();
let next = 0;
/** Past this many distinct sets the map is emptied (a long-running server sees new fleets); numbers are never reused. */
const MAX_NUMBERED = 100_000;

/** Everything about a host a check reads (its versions, without its name), as a number. */
export function versionsKey(host: HostVersions): number {
  let key = fingerprints.get(host);
  if (key === undefined) {
    const { subject: _, ...versions } = host;
    const text = JSON.stringify(versions);
    key = numbered.get(text);
    if (key === undefined) {
      if (numbered.size >= MAX_NUMBERED) numbered.clear();
      key = next++;
      numbered.set(text, key);
    }
    fingerprints.set(host, key);
  }
  return key;
}

/** `check`, answered from the first host with the same versions (and the same `argsKey` of the other arguments). */
export function perVersions<A extends unknown[]>(check: HostCheck<A>, argsKey: (...args: A) => string = () => ""): HostCheck<A> {
  // By the record itself, not its id: a record's advisory view (its regressions alone) shares the id.
  const byRecord = new WeakMap<BugRecord, Map<string, { subject: string; checks: VersionEvidence[] }>>();
  return (record, host, ...args) => {
    let cache = byRecord.get(record);
    if (!cache) {
      cache = new Map();
      byRecord.set(record, cache);
    }
    const key = `${versionsKey(host)}\n${argsKey(...args)}`;
    const hit = cache.get(key);
    if (!hit) {
      const checks = check(record, host, ...args);
      cache.set(key, { subject: host.subject, checks });
      return checks;
    }
    if (hit.subject === host.subject) return hit.checks;
    // Every check's subject starts with the host's (verdict.ts); only a single host says "your …".
    return hit.checks.map((c) =>
      c.subject.startsWith(hit.subject) ? { ...c, subject: host.subject + c.subject.slice(hit.subject.length) } : c,
    );
  };
}
