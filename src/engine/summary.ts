import type { Diagnosis, Finding, LogEvidence, NodeReport, VersionEvidence } from "./diagnosis";

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
}

export interface DiagnosisSummary {
  findings: FindingSummary[];
  advisories: FindingSummary[];
  /** Nodes (or hosts) that differ from their peers. */
  outliers: NodeReport[];
}

const FIX_STEPS = 3;

export function summarizeFinding(f: Finding, rank: number, fixSteps = FIX_STEPS): FindingSummary {
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
  };
}

export function summarizeDiagnosis(d: Diagnosis, fixSteps = FIX_STEPS): DiagnosisSummary {
  return {
    findings: d.findings.map((f, i) => summarizeFinding(f, i + 1, fixSteps)),
    advisories: d.advisories.map((f, i) => summarizeFinding(f, i + 1, fixSteps)),
    outliers: [...d.nodes, ...(d.hosts ?? [])].filter((n) => n.outlier),
  };
}

function firstLines(text: string, n: number): string[] {
  return text
    .split("\n")
    .map((l) => l.trimEnd())
    .filter((l) => l.trim())
    .slice(0, n);
}
