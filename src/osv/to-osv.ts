import type { AffectedEntry, BugRecord, VersionRange } from "../kb/record-schema";
import { OSV_SCHEMA_VERSION, type OsvAffected, type OsvRecord, type OsvReference } from "./osv-schema";

/** Our records are a local OSV database: OSV.dev does not aggregate it, hence the `x_` prefix. */
const osvId = (recordId: string) => `x_KNOWNBUGS-${recordId}`;

/**
 * OSV ecosystem and package name for one of ours, or null when OSV defines no matching ecosystem
 * (rhel needs a product-stream CPE, fedora/amzn/arch are not OSV ecosystems, and components such as
 * kubernetes or containerd are named by Go module paths we do not record). Those stay in
 * database_specific.unmapped_affected, unchanged.
 */
function osvPackage(entry: AffectedEntry): { ecosystem: string; name: string } | null {
  const [distro, release] = entry.ecosystem.split(":");
  if (entry.ecosystem === "linux") return { ecosystem: "Linux", name: "Kernel" }; // OSV: the only name is "Kernel"
  if (distro === "ubuntu" && release) {
    // OSV requires ":LTS" on LTS releases; Ubuntu's LTS releases are the even-year .04 ones.
    const [yy, mm] = release.split(".");
    const lts = mm === "04" && Number(yy) % 2 === 0;
    return { ecosystem: `Ubuntu:${release}${lts ? ":LTS" : ""}`, name: entry.package };
  }
  if (distro === "debian" && release) return { ecosystem: `Debian:${release}`, name: entry.package };
  if (distro === "rocky" && release) return { ecosystem: `Rocky Linux:${release}`, name: entry.package };
  if (distro === "almalinux" && release) return { ecosystem: `AlmaLinux:${release}`, name: entry.package };
  return null;
}

const rangeEvidence = (r: VersionRange) => ({
  evidence: r.evidence,
  introduced_evidence: r.introducedEvidence,
  // Only an end that exists has a level (review 66h F1: an open range said its fix was "verified").
  ...(r.fixed !== undefined || r.lastAffected !== undefined ? { fixed_evidence: r.fixedEvidence } : {}),
  source: r.source,
  ...(r.sources.length ? { sources: r.sources } : {}),
  ...(r.otherCauses ? { other_causes: r.otherCauses } : {}),
  ...(r.note ? { note: r.note } : {}),
});

/**
 * Whether OSV's reading of a range is what the record establishes. OSV takes every version at or past `introduced` and
 * before `fixed` (through `last_affected`) as affected and every other as not: a scanner never reads database_specific.
 * A start or an end that rests on one report says less (the product answers "unknown" past a reported last affected
 * build), so such a range goes to database_specific.unconfirmed_ranges, never to a scanner's events (review 64h F1:
 * 40 ranges ended on one report's build, read by scanners as "fixed after it"). Nor does a range of one of the bug's causes
 * (`otherCauses`): outside it the bug is undecided, where a scanner would read "not affected".
 */
const firmRange = (r: VersionRange) =>
  !r.otherCauses &&
  (r.introduced === "0" || r.introducedEvidence !== "reported") &&
  (r.fixed === undefined && r.lastAffected === undefined ? true : r.fixedEvidence !== "reported");

function ecosystemRange(r: VersionRange) {
  const end = r.fixed !== undefined ? [{ fixed: r.fixed }] : r.lastAffected !== undefined ? [{ last_affected: r.lastAffected }] : [];
  return { type: "ECOSYSTEM" as const, events: [{ introduced: r.introduced }, ...end], database_specific: rangeEvidence(r) };
}

/** Where a commit of `repo` ("owner/name") can be read: kernel.org for the Linux trees, GitHub otherwise. */
function repoUrl(repo: string): string {
  if (repo === "torvalds/linux" || repo === "stable/linux") return `https://git.kernel.org/pub/scm/linux/kernel/git/${repo}.git`;
  return `https://github.com/${repo}`;
}

const FULL_COMMIT = /^[0-9a-f]{40}$/;

type Commit = BugRecord["commits"][number];

/** Kernel-style branches ("6.6") of the releases a commit first shipped in. */
const branches = (c: Commit) => new Set(c.versions.map((v) => v.split(".").slice(0, 2).join(".")));
const shareBranch = (a: Commit, b: Commit) => [...branches(a)].some((x) => branches(b).has(x));

/**
 * One GIT range per repository, from full-length commits only, pairing each introducing commit with
 * a fixing commit of the same branch (by the releases they shipped in; a lone pair needs no branch).
 * An introducing commit without its fix would make the range claim every later commit of that tree,
 * which the record does not say: such commits stay in database_specific.commits only.
 */
function gitRanges(record: BugRecord): OsvAffected[] {
  const byRepo = new Map<string, Commit[]>();
  for (const c of record.commits) if (FULL_COMMIT.test(c.id)) byRepo.set(c.repo, [...(byRepo.get(c.repo) ?? []), c]);
  return [...byRepo].flatMap(([repo, commits]) => {
    const introduced = commits.filter((c) => c.role === "introduced");
    const fixed = commits.filter((c) => c.role === "fixed");
    const lonePair = introduced.length === 1 && fixed.length === 1;
    const keptIntroduced = introduced.filter((i) => lonePair || fixed.some((f) => shareBranch(i, f)));
    const keptFixed = fixed.filter((f) => lonePair || keptIntroduced.some((i) => shareBranch(i, f)));
    if (!keptIntroduced.length || !keptFixed.length) return [];
    const kept = [...keptIntroduced, ...keptFixed];
    return [
      {
        ranges: [
          {
            type: "GIT" as const,
            repo: repoUrl(repo),
            events: [...keptIntroduced.map((c) => ({ introduced: c.id })), ...keptFixed.map((c) => ({ fixed: c.id }))],
            database_specific: {
              commits: kept.map((c) => ({ id: c.id, role: c.role, title: c.title, versions: c.versions, evidence: c.evidence })),
            },
          },
        ],
      },
    ];
  });
}

const REFERENCE_TYPES: Record<BugRecord["references"][number]["kind"], OsvReference["type"]> = {
  commit: "GIT",
  advisory: "ADVISORY",
  "distro-bug": "REPORT",
  issue: "REPORT",
  "mailing-list": "DISCUSSION",
  docs: "WEB",
  report: "REPORT",
  blog: "ARTICLE",
};

function references(record: BugRecord): OsvReference[] {
  const roleOf = (url: string) => record.commits.find((c) => url.includes(c.id) || url.includes(c.id.slice(0, 12)))?.role;
  return record.references.map((ref) => {
    const role = ref.kind === "commit" ? roleOf(ref.url) : undefined;
    return { type: role === "fixed" ? "FIX" : role === "introduced" ? "INTRODUCED" : REFERENCE_TYPES[ref.kind], url: ref.url };
  });
}

function details(record: BugRecord): string {
  const list = (items: readonly string[]) => items.map((i) => `- ${i}`).join("\n");
  return [
    record.summary,
    `## Root cause\n\n${record.rootCause}`,
    `## Fix (reboot: ${record.reboot})\n\n${record.fix}`,
    ...(record.workarounds.length ? [`## Workarounds\n\n${list(record.workarounds)}`] : []),
    ...(record.unverified.length ? [`## Not confirmed\n\n${list(record.unverified)}`] : []),
  ].join("\n\n");
}

/**
 * The record in the OSV format. `aliases` stays empty on purpose: OSV aliases mean "the same
 * vulnerability", and the CVEs our records cite are related ones (e.g. the CVE whose backported fix
 * caused the regression), so they go to `related`; every alias is in database_specific.aliases.
 */
export function toOsv(record: BugRecord, modified: Date): OsvRecord {
  const mapped: OsvAffected[] = [];
  const unmapped: AffectedEntry[] = [];
  const unconfirmed: AffectedEntry[] = [];
  // A scanner reads every `affected` entry alone: a requirement or a removal (every kernel from 4.12 on "lacks
  // tcp_tw_recycle"), or one half of a pair that must meet (criu before 4.1 with a kernel from 6.13), read so, flags every
  // such version for good, with no fix to clear it (review 66h F1). The product warns of neither alone: kept apart.
  const conditional: AffectedEntry[] = [];
  for (const entry of record.affected) {
    if (entry.kind !== "regression" || record.together?.length) {
      conditional.push(entry);
      continue;
    }
    const pkg = osvPackage(entry);
    if (!pkg) {
      unmapped.push(entry);
      continue;
    }
    const firm = entry.ranges.filter(firmRange);
    const loose = entry.ranges.filter((r) => !firmRange(r));
    if (!firm.length) {
      unconfirmed.push(entry);
      continue;
    }
    mapped.push({
      package: pkg,
      ranges: firm.map(ecosystemRange),
      database_specific: {
        known_bugs_ecosystem: entry.ecosystem,
        kind: entry.kind,
        ...(entry.note ? { note: entry.note } : {}),
        ...(loose.length ? { unconfirmed_ranges: loose.map(ecosystemRange) } : {}),
      },
    });
  }
  const related = record.aliases.filter((a) => ["cve", "ghsa", "usn"].includes(a.kind)).map((a) => a.value);
  return {
    schema_version: OSV_SCHEMA_VERSION,
    id: osvId(record.id),
    modified: `${modified.toISOString().slice(0, 19)}Z`,
    aliases: [],
    ...(related.length ? { related } : {}),
    summary: record.title,
    details: details(record),
    affected: [...mapped, ...gitRanges(record)],
    references: references(record),
    database_specific: {
      record: record.id,
      components: record.components,
      reboot: record.reboot,
      evidence_levels: {
        verified: "a primary source states it (upstream/stable commit, distro advisory or OSV data, changelog)",
        corroborated: "two or more independent field reports with exact versions",
        reported: "one report",
      },
      aliases: record.aliases.map((a) => ({
        value: a.value,
        kind: a.kind,
        evidence: a.evidence,
        source: a.source,
        ...(a.note ? { note: a.note } : {}),
      })),
      commits: record.commits.map((c) => ({
        repo: c.repo,
        id: c.id,
        role: c.role,
        title: c.title,
        versions: c.versions,
        evidence: c.evidence,
        source: c.source,
      })),
      signatures: record.signatures.map((s) => ({
        id: s.id,
        kind: s.kind,
        pattern: s.pattern,
        weight: s.weight,
        case_sensitive: s.caseSensitive,
        source: s.source,
        ...(s.description ? { description: s.description } : {}),
      })),
      ...(unmapped.length ? { unmapped_affected: unmapped } : {}),
      // Requirements, removals and the entries of a pair that must meet (`together`): true only with their conditions.
      ...(conditional.length
        ? { conditional_affected: { entries: conditional, ...(record.together?.length ? { together: record.together } : {}) } }
        : {}),
      // Entries whose every range rests on one report at an end (see firmRange): kept whole, out of scanners' reach.
      ...(unconfirmed.length ? { unconfirmed_affected: unconfirmed } : {}),
      ...(record.relations.length ? { relations: record.relations } : {}),
      unverified: record.unverified,
    },
  };
}
