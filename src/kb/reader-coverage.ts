/**
 * Record ecosystems no reader gives a version of: their ranges could never decide a verdict (review 31b). Kernels,
 * distribution releases and package repositories are the kernel's and os-release's to read.
 */
import { ecosystemDistribution } from "../engine/facts/os-release";
import { READ_ECOSYSTEMS } from "../engine/read-ecosystems";
import type { BugRecord } from "../engine/record";
import { isKernelEntry } from "../engine/verdict";
import { isRepositoryEcosystem } from "../engine/versions/repositories";

export interface UnreadEcosystem {
  recordId: string;
  index: number;
  ecosystem: string;
}

export function unreadEcosystems(records: readonly BugRecord[]): UnreadEcosystem[] {
  return records.flatMap((r) =>
    r.affected.flatMap((a, index) =>
      isKernelEntry(a) ||
      ecosystemDistribution(a.ecosystem) !== null ||
      isRepositoryEcosystem(a.ecosystem) ||
      READ_ECOSYSTEMS.has(a.ecosystem)
        ? []
        : [{ recordId: r.id, index, ecosystem: a.ecosystem }],
    ),
  );
}
