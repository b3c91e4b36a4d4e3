import { recordStart } from "./bug-start";
import type { Verdict } from "./diagnosis";
import { builtOn } from "./facts/kernel-built";
import { dayNumber, isoDay } from "./facts/logged-day";
import { START_MARGIN_DAYS } from "./logged-before-bug";
import type { BugRecord } from "./record";
import { type HostVersions, isKernelEntry } from "./verdict";

/**
 * A build date earlier than Linux itself is a reproducible build's fixed stamp, not a day: NixOS stamps every kernel
 * "Tue Jan  1 00:00:00 UTC 1980", others the Unix epoch.
 */
const FIRST_LINUX_YEAR = 1991;

/**
 * The verdict on a kernel bug whose versions decide nothing for the host's kernel (a distribution's build the record has no
 * data for: Ubuntu 18.04's 4.15.0-212 beside a 6.6.y stable regression), where that kernel's own `uname -v` dates its build
 * well before the bug's change existed anywhere: a kernel built then cannot carry it, whatever its vendor backported later.
 * Null otherwise. Only for a record whose every range is a kernel's (a runtime's range is another cause no build date
 * rules out), on the one host's own output (a release a sentence names has no build), and with the record's start dated
 * from its sources (bug-start.ts): the same margin as for a line logged before the bug (logged-before-bug.ts).
 */
export function builtBeforeBug(record: BugRecord, hosts: readonly HostVersions[]): Verdict | null {
  const kernel = hosts.length === 1 ? hosts[0]?.kernel : null;
  if (!kernel?.build || kernel.named || !record.affected.every(isKernelEntry)) return null;
  const built = builtOn(kernel.build);
  if (!built || built.year < FIRST_LINUX_YEAR) return null;
  const { start } = recordStart(record);
  if (!start) return null;
  const [year, month, day] = start.date.split("-").map(Number) as [number, number, number];
  if (built.day >= dayNumber(year, month, day) - START_MARGIN_DAYS) return null;
  return {
    status: "not-affected",
    level: start.level,
    reason: `your kernel (${kernel.release}) was built on ${isoDay(built.day)} (its \`uname -v\`), before ${start.release}'s change existed (it dates from ${start.date}, ${start.level}): a kernel built before a change cannot carry it`,
  };
}
