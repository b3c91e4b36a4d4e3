/**
 * Record ecosystems no reader gives a version of: their ranges could never decide a verdict (review 31b). Kernels,
 * distribution releases and package repositories are the kernel's and os-release's to read.
 */
import { componentPackage } from "../engine/facts/component-packages";
import { isReleaseKey, RELEASE_KEY_EXAMPLES } from "../engine/facts/os-release";
import { READ_ECOSYSTEMS } from "../engine/read-ecosystems";
import type { BugRecord } from "../engine/record";
import { isKernelEntry } from "../engine/verdict";
import { everyVersionAffected } from "../engine/versions/ranges";
import { isRepositoryEcosystem } from "../engine/versions/repositories";

export interface UnreadEcosystem {
  recordId: string;
  index: number;
  ecosystem: string;
  /** The package no reader gives a version of, when the release itself is read. */
  package?: string;
  /** What to write instead, when the key looks like a distribution release in another form. */
  hint?: string;
}

/** Debian's and Ubuntu's kernel binary packages: their version is the source package's, which the readers give. */
const KERNEL_BINARY = /^linux-(?:image|headers|modules|tools|cloud-tools|buildinfo)(?:-|$)/;

/**
 * A distribution release's package is read by name: a kernel's source package (from uname, a listing) or a component's
 * package (listings, dpkg and rpm output). Any other name, a typo or a binary package's, is never read, and the range
 * never decides: the verdict said "no version given" beside the version read (review 64h F2).
 */
function unreadPackage(recordId: string, index: number, a: BugRecord["affected"][number]): UnreadEcosystem[] {
  if (KERNEL_BINARY.test(a.package))
    return [
      {
        recordId,
        index,
        ecosystem: a.ecosystem,
        package: a.package,
        hint: "a kernel is ranged by its source package (linux, linux-aws, linux-hwe-6.8), whose version the binaries share",
      },
    ];
  // A release every version of which is affected (nothing fixed: a policy of the release) is decided by the release.
  if (isKernelEntry(a) || componentPackage(a.package, true) || everyVersionAffected(a.ranges)) return [];
  return [
    {
      recordId,
      index,
      ecosystem: a.ecosystem,
      package: a.package,
      hint: "name the kernel's source package or a component's package as the listings give it (src/engine/facts/component-packages.ts), or add a reader",
    },
  ];
}

export function unreadEcosystems(records: readonly BugRecord[]): UnreadEcosystem[] {
  return records.flatMap((r) =>
    r.affected.flatMap((a, index) => {
      const key = a.ecosystem;
      // A distribution release, kernel or not, is read only in the form the readers give it (review 34b).
      if (key.includes(":") && !isRepositoryEcosystem(key))
        return isReleaseKey(key)
          ? unreadPackage(r.id, index, a)
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
