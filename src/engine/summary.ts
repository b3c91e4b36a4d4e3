import type { Diagnosis, Finding, LogEvidence, NodeReport, RootCause, VersionEvidence } from "./diagnosis";

/**
 * What every door shows first, in this order: findings by rank, each with its verdict and reason,
 * the first evidence line, the first fix steps and its doubts. The text report, the HTML page and the
 * chat apps all render this one projection, so a change in ranking or wording shows everywhere at once.
 */
export interface FindingSummary {
  rank: number;
  id: string;
  title: string;
  confidence: Finding["confidence"];
  score: number;
  verdict: Finding["verdict"];
  /** The first matching log line (lowest line number), when the finding came from the log. */
  firstEvidence: LogEvidence | null;
  /** The version check that decided the verdict, when there was one. */
  versionEvidence: VersionEvidence | null;
  /** The fix's first non-empty lines: what a tired operator does first. */
  fixSteps: string[];
  reboot: string;
  unverified: string[];
  reference: string | null;
  /** "root cause" for the likely root cause, else how this finding stands next to it (lesser problem, look-alike, ...). */
  rootCauseNote: string | null;
}

export interface DiagnosisSummary {
  /** The likely root cause and why, when one finding stands out. */
  rootCause: RootCause | null;
  findings: FindingSummary[];
  advisories: FindingSummary[];
  /** Nodes (or hosts) that differ from their peers. */
  outliers: NodeReport[];
}

const FIX_STEPS = 3;

export function summarizeFinding(f: Finding, rank: number, fixSteps = FIX_STEPS, rootCause: RootCause | null = null): FindingSummary {
  const logs = f.evidence.filter((e): e is LogEvidence => e.kind === "log");
  const firstEvidence = logs.reduce<LogEvidence | null>((first, e) => (!first || e.line < first.line ? e : first), null);
  const versions = f.evidence.filter((e): e is VersionEvidence => e.kind === "version");
  const versionEvidence = versions.find((e) => e.result === f.verdict.status) ?? versions[0] ?? null;
  return {
    rank,
    id: f.id,
    title: f.title,
    confidence: f.confidence,
    score: f.score,
    verdict: f.verdict,
    firstEvidence,
    versionEvidence,
    fixSteps: firstLines(f.fix, fixSteps),
    reboot: f.reboot,
    unverified: f.unverified,
    reference: f.references[0] ?? null,
    rootCauseNote: rootCauseNote(f, rootCause),
  };
}

export function summarizeDiagnosis(d: Diagnosis, fixSteps = FIX_STEPS): DiagnosisSummary {
  return {
    rootCause: d.rootCause ?? null,
    findings: d.findings.map((f, i) => summarizeFinding(f, i + 1, fixSteps, d.rootCause ?? null)),
    advisories: d.advisories.map((f, i) => summarizeFinding(f, i + 1, fixSteps)),
    outliers: [...d.nodes, ...(d.hosts ?? [])].filter((n) => n.outlier),
  };
}

function rootCauseNote(f: Finding, rootCause: RootCause | null): string | null {
  if (!rootCause) return null;
  if (rootCause.id === f.id) return `likely root cause: ${rootCause.reason}`;
  return rootCause.others.find((o) => o.id === f.id)?.reason ?? null;
}

function firstLines(text: string, n: number): string[] {
  return text
    .split("\n")
    .map((l) => l.trimEnd())
    .filter((l) => l.trim())
    .slice(0, n);
}

/** A record looked up by id (no log, so no verdict or evidence): what a door shows for it. */
export interface RecordSummary {
  id: string;
  title: string;
  summary: string;
  fixSteps: string[];
  reboot: string;
  unverified: string[];
  reference: string | null;
}

export function summarizeRecord(
  r: {
    id: string;
    title: string;
    summary: string;
    fix: string;
    reboot: string;
    unverified: readonly string[];
    references: readonly { url: string }[];
  },
  fixSteps = FIX_STEPS,
): RecordSummary {
  return {
    id: r.id,
    title: r.title,
    summary: r.summary,
    fixSteps: firstLines(r.fix, fixSteps),
    reboot: r.reboot,
    unverified: [...r.unverified],
    reference: r.references[0]?.url ?? null,
  };
}
