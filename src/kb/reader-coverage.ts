/**
 * Record ecosystems no reader gives a version of: their ranges could never decide a verdict (review 31b). Kernels,
 * distribution releases and package repositories are the kernel's and os-release's to read.
 */
import { isReleaseKey, RELEASE_KEY_EXAMPLES } from "../engine/facts/os-release";
import { READ_ECOSYSTEMS } from "../engine/read-ecosystems";
import type { BugRecord } from "../engine/record";
import { isKernelEntry } from "../engine/verdict";
import { isRepositoryEcosystem } from "../engine/versions/repositories";

export interface UnreadEcosystem {
  recordId: string;
  index: number;
  ecosystem: string;
  /** What to write instead, when the key looks like a distribution release in another form. */
  hint?: string;
}

export function unreadEcosystems(records: readonly BugRecord[]): UnreadEcosystem[] {
  return records.flatMap((r) =>
    r.affected.flatMap((a, index) => {
      const key = a.ecosystem;
      // A distribution release, kernel or not, is read only in the form the readers give it (review 34b).
      if (key.includes(":") && !isRepositoryEcosystem(key))
        return isReleaseKey(key)
          ? []
          : [
              {
                recordId: r.id,
                index,
                ecosystem: key,
                hint: `a distribution's release is keyed as the readers give it: ${RELEASE_KEY_EXAMPLES}`,
              },
            ];
      return isKernelEntry(a) || key === "arch" || isRepositoryEcosystem(key) || READ_ECOSYSTEMS.has(key)
        ? []
        : [{ recordId: r.id, index, ecosystem: key }];
    }),
  );
}
