/**
 * The engine's view of a known-bug record: the fields diagnosis reads. The engine owns this shape;
 * curation (src/kb: the zod schema, validation, the curator's tools) produces records that satisfy it
 * and imports the engine, never the other way round (Biome's noRestrictedImports enforces it).
 */
import type { EvidenceLevel } from "./versions";

export interface RecordRange {
  /** "0" means "since the beginning". */
  introduced: string;
  fixed?: string | undefined;
  lastAffected?: string | undefined;
  evidence: EvidenceLevel;
  introducedEvidence: EvidenceLevel;
  /** Covers `fixed` or `lastAffected`. */
  fixedEvidence: EvidenceLevel;
  /** true only when every end the range has is verified (kept for older readers). */
  verified: boolean;
  source: string;
  sources: readonly string[];
  /**
   * The kernel branch from which a component's range holds ("6.12": Falco 0.39.2 breaks on 6.12 and later only): a host
   * whose kernel branch is known to be older is outside it whatever its component's version.
   */
  kernelFrom?: string | undefined;
  /**
   * Ids of the record's signatures whose lines this range dates ("crun 1.18's deny-rule error was fixed in 1.18.1, its
   * devices.allow error was still seen in 1.18.2"): beside hits of the record's other signatures only, it does not hold.
   */
  symptoms?: readonly string[] | undefined;
  /** The bug's other cause, which this range does not cover (versions/range-types.ts). */
  otherCauses?: string | undefined;
  /** The first day a build carrying the change this range starts with could exist (bug-start.ts), where a curator read it. */
  introducedOn?: RecordIntroducedOn | undefined;
  note?: string | undefined;
}

/**
 * The first day any build containing a range's introducing change could exist: the earlier of the day the change landed
 * upstream (a development build) and the day of the first affected release, tag or package upload.
 */
export interface RecordIntroducedOn {
  /** YYYY-MM-DD. */
  date: string;
  evidence: EvidenceLevel;
  verified: boolean;
  /** Its own source, else the range's. */
  source: string;
  sources: readonly string[];
  note?: string | undefined;
}

export interface RecordBackport {
  ecosystem: string;
  package?: string | undefined;
  since?: string | undefined;
  source: string;
  note?: string | undefined;
}

/** A stable branch a curator checked and found without the change (linux regressions). */
export interface RecordNotTaken {
  branch: string;
  /** The last release of the branch its source covers; a later one is not covered. */
  through?: string | undefined;
  evidence: EvidenceLevel;
  verified: boolean;
  source: string;
  sources: readonly string[];
  note?: string | undefined;
}

/** The first kernel.org stable release that carried the change (linux regressions that came by backport). */
export interface RecordFirstBackport {
  release: string;
  /** The day it was announced (YYYY-MM-DD): a branch whose last release came before it never took the change. */
  date: string;
  evidence: EvidenceLevel;
  verified: boolean;
  source: string;
  sources: readonly string[];
  note?: string | undefined;
}

/**
 * The kernel branches an image OS's release range holds on (Bottlerocket's kernel-5.15 variants): its releases'
 * variants on another kernel never carried the bug, as `source` shows.
 */
export interface RecordOnKernels {
  branches: readonly string[];
  /** The kernel branch of each variant the source names, for a host known only by its variant. */
  variants?: Readonly<Record<string, string>> | undefined;
  evidence: EvidenceLevel;
  verified: boolean;
  source: string;
  sources: readonly string[];
  note?: string | undefined;
}

export interface RecordAffected {
  /** regression: the ranges carry the bug; requirement: versions below `fixed` lack a feature; removal: versions from `introduced` on lack it. */
  kind: "regression" | "requirement" | "removal";
  backports: readonly RecordBackport[];
  notTaken: readonly RecordNotTaken[];
  firstBackport?: RecordFirstBackport | undefined;
  onKernels?: RecordOnKernels | undefined;
  ecosystem: string;
  package: string;
  ranges: readonly RecordRange[];
  note?: string | undefined;
}

export interface RecordSignature {
  id: string;
  kind: "literal" | "regex";
  pattern: string;
  weight: number;
  caseSensitive: boolean;
  /** Its regex refusing a line that holds its literals shows the bug absent there (see the record schema). */
  refutes?: true | undefined;
  /** A framing of the same words that is another fault: a line it matches is no hit, and recall never likens it to the record. */
  unless?: string | undefined;
  /** The same, for the line after the signature's (the tool a warning belongs to prints its name there). */
  unlessNext?: string | undefined;
  /** Another line of the paste that shows this line no symptom of the bug there (see the record schema). */
  doubtedBy?: string | undefined;
  /** The alternative this line is the symptom of (its own message, or one naming it): its version decides beside it. */
  component?: string | undefined;
  /** Only `ecosystem` from `version` on prints this line (see the record schema): the line dates its program. */
  printedFrom?: PrintedBound | undefined;
  /** Only `ecosystem` before `version` prints this line (the fix removed it): a reading past it is another copy's. */
  printedBefore?: PrintedBound | undefined;
  /** Other causes that print this line (see the record schema): it is this bug's symptom, never alone its proof. */
  alsoPrintedBy?: ReadonlyArray<{ cause: string; source: string }> | undefined;
  description?: string | undefined;
  source: string;
}

/** Some releases of one ecosystem print a signature's line: from a release on, or only before one. */
export interface PrintedBound {
  ecosystem: string;
  version: string;
  evidence: EvidenceLevel;
  source: string;
}

export interface RecordExample {
  title: string;
  source: string;
  uname?: string | undefined;
  procVersion?: string | undefined;
  osRelease?: string | undefined;
  nodes?: string | undefined;
  log: string;
  expect: "top1" | "present" | "absent";
  verdict?: "affected" | "not-affected" | "unknown" | undefined;
  /** Found by the recall tier on purpose: no signature holds its wording. */
  recall?: true | undefined;
  note?: string | undefined;
}

/** A commit the record cites; the engine reads which releases carry it. */
export interface RecordCommit {
  role: "introduced" | "fixed";
  /** "torvalds/linux", "stable/linux", "opencontainers/runc", … */
  repo: string;
  id: string;
  /** Releases that first contain it: "6.12", "6.1.140". */
  versions: readonly string[];
  evidence: EvidenceLevel;
  source: string;
}

export interface RecordRelation {
  id: string;
  kind: "masks" | "explains" | "confused-with" | "prerequisite-of";
  note: string;
  source?: string | undefined;
}

/** What the bug needs around it beyond its log line, and patterns that show it in an input. */
export interface RecordContext {
  /** In words: "a Raspberry Pi (its kernel, board or OS image)". */
  requires: string;
  /** RE2 patterns, case-insensitive; one must match outside the lines this record's signatures matched. */
  evidence: readonly string[];
  /** RE2 patterns, case-insensitive: wording printed on any host that names the context without showing it; such lines never count. */
  hints?: readonly string[] | undefined;
  /** Ids of this record's signatures whose line shows the context by itself: the program prints it only in that setup. */
  shownBy?: readonly string[] | undefined;
  /** The kernel modules the context is, and the distributions whose kernels build them as modules (facts/module-list.ts). */
  modules?: { names: readonly string[]; distributions: readonly string[]; source: string } | undefined;
  /** Lines the software prints only without the context, each with what it shows in words (context.ts, review 70d F7). */
  refutedBy?: readonly ContextRefutation[] | undefined;
  /** A container's output shows or refutes the context too: a setting it reads as its host has it, or the workload itself. */
  fromContainers?: true | undefined;
  source: string;
}

/** A line that shows a record's context absent: an RE2 pattern (case-insensitive), what it shows, and its wording's source. */
interface ContextRefutation {
  pattern: string;
  /** In words, as the answer says it: "kube-proxy runs in iptables mode". */
  shows: string;
  source: string;
}

/**
 * A bug that breaks containers that were already running, after an event (systemd re-applying a scope's device rules on
 * `systemctl daemon-reload`): a container started afterwards works, so its symptom printed by a fresh container's first
 * command is another cause's.
 */
export interface RecordBreaksRunning {
  /** The event, as the answer says it after "after": "a later `systemctl daemon-reload` on the host". */
  after: string;
  /** An RE2 pattern (case-insensitive) of a line showing the event: beside one, the paste may show the bug's own sequence. */
  event: string;
  source: string;
  sources: readonly string[];
  note?: string | undefined;
}

/** A cause of the bug's symptom no range covers, and the line that shows it where an input holds one. */
export interface UnrangedCause {
  cause: string;
  source: string;
  shownBy?: { pattern: string; literal: string; source: string; inForce?: true | undefined; command?: string | undefined } | undefined;
}

export interface BugRecord {
  id: string;
  title: string;
  summary: string;
  rootCause: string;
  fix: string;
  reboot: string;
  workarounds: readonly string[];
  references: ReadonlyArray<{ url: string }>;
  affected: readonly RecordAffected[];
  commits: readonly RecordCommit[];
  signatures: readonly RecordSignature[];
  examples: readonly RecordExample[];
  /** Facts the record could not confirm, in words. */
  unverified: readonly string[];
  relations: readonly RecordRelation[];
  /** Absent for most records: the log line alone is enough. */
  context?: RecordContext | undefined;
  /**
   * Causes of the same symptom that no version range covers (containerd's CRI plugin disabled by its config): beside
   * the symptom, versions past every range do not rule the bug out. Absent or empty for most records.
   */
  unrangedCauses?: ReadonlyArray<UnrangedCause> | undefined;
  /** The bug breaks containers that were already running, after an event: a fresh container works (first-command.ts). */
  breaksRunning?: RecordBreaksRunning | undefined;
  /** Setups in which the symptom was not confirmed to be this bug: one a paste shows lowers the finding a step. */
  unconfirmedSetups?: ReadonlyArray<{ setup: string; pattern: string; source: string }> | undefined;
  /**
   * The bug lives only in the builds or policy of the distributions its `affected` names (a distribution's
   * patch, kernel default or policy), so a host whose os-release names another distribution is not affected.
   */
  distributionOnly?: boolean | undefined;
  /** The bug lives in a Linux facility of its components (cgroups, AppArmor, seccomp, iptables): a Windows node is not affected. */
  linuxOnly?: boolean | undefined;
  /** The device drivers whose messages all its signatures are: a line naming another driver never resembles it. */
  drivers?: readonly string[] | undefined;
  /**
   * The bug needs one version in range from each group of ecosystems at once (kube-proxy 1.18.0-1.18.2
   * with a kernel before 3.18: [["kubernetes"], ["linux", "rhel:7"]]); the ecosystems of one group are
   * views of one component. It gates warnings without a symptom (combinationChecks); a finding's verdict
   * still takes any entry in range.
   */
  together?: ReadonlyArray<readonly string[]> | undefined;
}

/** A record's `reboot` in words, the same on every door ("reboot not-required" read as a typo). */
export function rebootWords(reboot: string): string {
  if (reboot === "required") return "reboot required";
  if (reboot === "not-required") return "no reboot needed";
  if (reboot === "depends") return "reboot may be needed";
  return `reboot ${reboot}`;
}
