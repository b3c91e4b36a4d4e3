/**
 * A fleet's version checks, computed once per record for each distinct set of versions: a 5,000-node
 * table usually runs a handful of kernels, and a check depends on a host's versions, never on its name.
 * Each host gets the checks of the first host with its versions, named for itself. Nothing outlives a
 * diagnosis: the caches belong to the functions perVersions returns, and a host's key to the host.
 */
import type { VersionEvidence } from "./diagnosis";
import type { BugRecord } from "./record";
import type { HostVersions } from "./verdict";

type HostCheck<A extends unknown[]> = (record: BugRecord, host: HostVersions, ...args: A) => VersionEvidence[];

const keys = new WeakMap<HostVersions, string>();

/**
 * Everything about a host a check reads (its versions, without its name or address), as one string per host: a
 * map keyed by the same string object hashes it once, however often it is looked up. A node's address only ties
 * an `ssh` target to it: keyed by it, no two rows of a table shared their checks, and 3,000 rows took ~4 s.
 */
export function versionsKey(host: HostVersions): string {
  let key = keys.get(host);
  if (key === undefined) {
    const { subject: _, address: __, ...versions } = host;
    key = JSON.stringify(versions, setsAsLists);
    keys.set(host, key);
  }
  return key;
}

/** JSON writes a Set as `{}`: two hosts of different `fromClient` or `current` sets would share one key. */
const setsAsLists = (_key: string, value: unknown) => (value instanceof Set ? [...value].sort() : value);

interface Answer {
  subject: string;
  checks: VersionEvidence[];
}

/** `check`, answered from the first host with the same versions (and the same `argsKey` of the other arguments). */
export function perVersions<A extends unknown[]>(check: HostCheck<A>, argsKey: (...args: A) => string = () => ""): HostCheck<A> {
  // By the record itself, not its id: a record's advisory view (its regressions alone) shares the id. The other
  // arguments before the versions: a record is judged with the same few for every host, so a fleet of distinct
  // kernels makes one map per record, keyed by each host's own key string (its hash computed once).
  const byRecord = new WeakMap<BugRecord, Map<string, Map<string, Answer>>>();
  return (record, host, ...args) => {
    let byArgs = byRecord.get(record);
    if (!byArgs) {
      byArgs = new Map();
      byRecord.set(record, byArgs);
    }
    const argKey = argsKey(...args);
    let answers = byArgs.get(argKey);
    if (!answers) {
      answers = new Map();
      byArgs.set(argKey, answers);
    }
    const versions = versionsKey(host);
    const hit = answers.get(versions);
    if (!hit) {
      const checks = check(record, host, ...args);
      answers.set(versions, { subject: host.subject, checks });
      return checks;
    }
    if (hit.subject === host.subject) return hit.checks;
    // Every check's subject starts with the host's (verdict.ts); only a single host says "your …".
    return hit.checks.map((c) =>
      c.subject.startsWith(hit.subject) ? { ...c, subject: host.subject + c.subject.slice(hit.subject.length) } : c,
    );
  };
}
