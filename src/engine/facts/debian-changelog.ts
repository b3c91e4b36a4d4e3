/**
 * Which uploads of Debian's `linux` package built each ABI name, read from the package's debian/changelog. Debian's
 * `uname -r` before trixie names an ABI ("6.1.0-24-amd64"), not a version: the ABI is raised by an upload whose
 * changelog says "Bump ABI to 24" (or "Set ABI to 1" at a branch's first upload), and every later upload of the branch
 * keeps it until the next bump. From the upload that says "Delete ABI name suffix" (with "Generate kernel ABI name suffix
 * automatically if not configured") each upload takes the next number: bookworm's 6.1.148-1 is 6.1.0-39, 6.1.170-3 is
 * 6.1.0-47 and 6.1.176-1 is 6.1.0-50, as the archive's linux-image-6.1.0-47-amd64 and -50-amd64 say; bullseye's 5.10.251-5
 * to 5.10.262-1 are 5.10.0-43 to -46 (review 57e F3: the first version kept 6.1.148-1 under ABI 38).
 */

/** Per ABI number, the package versions built under it, oldest first. */
export type AbiUploads = Record<number, string[]>;

export interface BranchAbis {
  /** The upstream branch of the changelog's newest upload ("6.1"): the release's own, the only one it tells in full. */
  branch: string;
  uploads: AbiUploads;
  /** The branch's ABI is generated, one number per upload, so every list is closed, its last one too. */
  ended: boolean;
  /** Uploads after the branch's first numeric ABI whose ABI the changelog leaves open ("Set ABI to trunk"). */
  unplaced: string[];
}

const HEADER = /^linux \(([^)\s]+)\)/;
const ABI_LINE = /^\s+\*\s+(?:Set|Bump) ABI to (\S+)/;
const SUFFIX_DELETED = /^\s+\*\s+(?:d\/c\/defines: )?Delete ABI name suffix/;

interface Upload {
  version: string;
  abi: string | undefined;
  suffixDeleted: boolean;
}

function uploadsNewestFirst(changelog: string): Upload[] {
  const uploads: Upload[] = [];
  for (const line of changelog.split("\n")) {
    const header = HEADER.exec(line);
    if (header?.[1]) {
      uploads.push({ version: header[1], abi: undefined, suffixDeleted: false });
      continue;
    }
    const current = uploads.at(-1);
    if (!current) continue;
    const abi = ABI_LINE.exec(line)?.[1];
    if (abi !== undefined) current.abi = abi;
    if (SUFFIX_DELETED.test(line)) current.suffixDeleted = true;
  }
  return uploads;
}

const branchOf = (version: string) => /^(\d+\.\d+)/.exec(version)?.[1];

/**
 * The ABI table of the changelog's own branch. Other branches in it are another release's history, cut where this
 * release's line left them (bookworm's changelog lists 5.10 only as far as unstable took it, not bullseye's updates),
 * so they are not read.
 */
export function changelogAbis(changelog: string): BranchAbis | null {
  const newestFirst = uploadsNewestFirst(changelog);
  const branch = branchOf(newestFirst[0]?.version ?? "");
  if (!branch) return null;
  const own: BranchAbis = { branch, uploads: {}, ended: false, unplaced: [] };
  // Branches interleave (release candidates in experimental beside the previous branch in unstable): only this
  // branch's uploads move its ABI.
  let abi: number | null = null;
  for (const upload of newestFirst.reverse()) {
    if (branchOf(upload.version) !== branch) continue;
    if (upload.suffixDeleted) own.ended = true;
    if (upload.abi !== undefined) abi = /^\d+$/.test(upload.abi) ? Number(upload.abi) : null;
    // Generated: the next number, unless this very upload set one (bullseye's 5.10.244-1 bumped to 36 as it deleted the suffix).
    else if (own.ended && abi !== null) abi += 1;
    if (abi === null) {
      if (Object.keys(own.uploads).length) own.unplaced.push(upload.version);
    } else {
      own.uploads[abi] = [...(own.uploads[abi] ?? []), upload.version];
    }
  }
  return own;
}

/**
 * The ABIs whose list of uploads is complete: on a branch still named by ABI the last one may yet gain uploads, and
 * a gap the changelog leaves ("Set ABI to trunk" after numbered ones) makes every list uncertain.
 */
export function closedAbis(read: BranchAbis): AbiUploads | null {
  if (read.unplaced.length) return null;
  const abis = Object.keys(read.uploads).map(Number);
  const last = Math.max(...abis);
  return Object.fromEntries(Object.entries(read.uploads).filter(([abi]) => read.ended || Number(abi) !== last));
}
