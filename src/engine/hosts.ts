/**
 * Per-host fleets: one raw bundle per host (what `known-bugs collect` prints). Each host is diagnosed
 * on its own, the hosts are compared like the rows of a kubectl nodes table (compareNodes), and the
 * findings are merged, each naming the hosts it hits. The seed incident was solved this way: the one
 * worker whose kernel differed was the one whose kube-proxy failed.
 */
import { BIDI_CONTROLS } from "./bidi-controls";
import { isBlank } from "./blank-text";
import type { CompiledKb } from "./compile-kb";
import { closestFor, diagnoseHostBundle, limitedBy, notReport, type RefutedOf, type VerdictOf } from "./diagnose";
import { DEFAULT_DIAGNOSE_LIMIT, HOSTS_LIMITS, type HostBundle } from "./diagnose-input";
import type { BelowRemoval, Diagnosis, Finding, NodeReport, Verdict, VersionEvidence } from "./diagnosis";
import type { ExtractedFacts } from "./facts";
import { sameMachine } from "./facts/uname-fleet";
import { compareNodes } from "./fleet";
import { type KubeletOf, machinesBelow } from "./kubelet-removal";
import { pasteText } from "./match";
import { reportLines } from "./recall";
import { shownLogLines } from "./record-hits";
import { explainRootCause, rankFindings, relatedFindings } from "./score";
import type { NodeRow } from "./types";
import { componentGroups, decideVerdict, type HostVersions, versionChecks } from "./verdict";

export type HostsProblem =
  | { kind: "too-many-hosts" | "invalid-hosts"; detail: string; errors: Array<{ path: string; message: string }> }
  | { kind: "too-large"; detail: string };

/** Log lines a merged finding keeps across hosts: enough to see the pattern on several hosts. */
const MAX_LOG_EVIDENCE = 20;

/**
 * Control characters (C0, C1) and the bidirectional marks, embeddings, overrides and isolates; not the zero-width joiners
 * scripts and emoji spell with (Persian's U+200C: review 62f F4).
 */
const UNSHOWABLE = new RegExp(`[\\p{Cc}${BIDI_CONTROLS}]`, "u");

/** Why a hosts request cannot be diagnosed (HOSTS_LIMITS, showable unique names, bundles not empty), or null when it can. */
export function checkHosts(hosts: readonly HostBundle[]): HostsProblem | null {
  if (hosts.length > HOSTS_LIMITS.maxHosts) {
    const message = `at most ${HOSTS_LIMITS.maxHosts} hosts per request, not ${hosts.length}`;
    return { kind: "too-many-hosts", detail: message, errors: [{ path: "hosts", message }] };
  }
  const errors: Array<{ path: string; message: string }> = [];
  if (!hosts.length) errors.push({ path: "hosts", message: "send at least one host" });
  const seen = new Set<string>();
  hosts.forEach((h, i) => {
    const name = h.name.trim();
    if (!name || name.length > HOSTS_LIMITS.maxNameLength)
      errors.push({ path: `hosts.${i}.name`, message: `a name of 1 to ${HOSTS_LIMITS.maxNameLength} characters` });
    // Shown in every answer: a control character moves a terminal's cursor, a bidirectional one reverses the words after
    // it on a page or in chat (review 62d F1).
    else if (UNSHOWABLE.test(name))
      errors.push({ path: `hosts.${i}.name`, message: "a name without control or bidirectional formatting characters" });
    else if (seen.has(name)) errors.push({ path: `hosts.${i}.name`, message: `"${name}" is named twice` });
    seen.add(name);
    if (isBlank(h.bundle)) errors.push({ path: `hosts.${i}.bundle`, message: "the bundle is empty (white space or NUL bytes only)" });
  });
  if (errors.length) return { kind: "invalid-hosts", detail: `the hosts are invalid: ${errors.map((e) => e.path).join(", ")}`, errors };
  const total = hosts.reduce((sum, h) => sum + utf8Length(h.bundle), 0);
  if (total > HOSTS_LIMITS.maxTotalBytes)
    return { kind: "too-large", detail: `the bundles hold ${total} bytes together; the limit is ${HOSTS_LIMITS.maxTotalBytes}` };
  return null;
}

/** Thrown by diagnoseHosts when checkHosts refuses the input. */
export class HostsLimitError extends Error {
  constructor(readonly problem: HostsProblem) {
    super(problem.detail);
  }
}

interface HostRun {
  name: string;
  diagnosis: Diagnosis;
  facts: ExtractedFacts;
  host: HostVersions;
  verdictOf: VerdictOf;
  refutedOf: RefutedOf;
}

/** Diagnoses each host's bundle, compares the hosts and merges the findings (throws HostsLimitError beyond the limits). */
export function diagnoseHosts(kb: CompiledKb, hosts: readonly HostBundle[], limit = DEFAULT_DIAGNOSE_LIMIT): Diagnosis {
  const problem = checkHosts(hosts);
  if (problem) throw new HostsLimitError(problem);
  // Every finding of every host is kept until the merge; the limit applies to the merged list.
  const all = Math.max(kb.records.length, 1);
  const bundles = hosts.map((h) => pasteText(h.bundle));
  const first: HostRun[] = hosts.map((h, i) => {
    const name = h.name.trim();
    return { name, ...diagnoseHostBundle(kb, bundles[i] ?? "", all, `host ${name}`) };
  });
  // A kubectl table one bundle holds (from a host with a kubeconfig) names the versions of a host whose own bundle gives
  // none (`ssh worker-2 journalctl …`): that host is judged on its row, as the same paste in one bundle is (review 66c F1:
  // "no kernel version given" for worker-2, whose row the table held).
  const rows = first.flatMap((r) => r.facts.nodes);
  const runs = first.map((r, i) => {
    const row = r.facts.kernel || r.facts.nodes.length ? undefined : rows.find((n) => sameMachine(n.name, r.name));
    return row ? { name: r.name, ...diagnoseHostBundle(kb, bundles[i] ?? "", all, `host ${r.name}`, undefined, row) } : r;
  });
  // A host whose own versions are in range but whose log is quiet still takes part in the fleet's verdict.
  const kubelets = runs.map((r) => kubeletOf(r, rows));
  const merged = mergeFindings(
    runs,
    (d) => d.findings,
    (id, run) => quietHostVerdict(kb, id, run),
    (id, named) => {
      const record = kb.records.find((r) => r.id === id);
      return record ? machinesBelow(record, named, kubelets) : undefined;
    },
  );
  const related = relatedFindings(merged, kb.relations);
  for (const f of merged) {
    const r = related.get(f.id);
    if (r) f.related = r;
  }
  const ranked = rankFindings(merged, kb.relations);
  const findings = ranked.slice(0, limit);
  const findingIds = new Set(merged.map((f) => f.id));
  const advisories = mergeFindings(runs, (d) => d.advisories).filter((a) => !findingIds.has(a.id));
  // A kubectl table sent with one of the bundles (from a host with a kubeconfig) fills what a host's own bundle lacks.
  const tableRun = runs.find((r) => r.diagnosis.nodes.length);
  return {
    kb: { version: kb.version, records: kb.records.length },
    facts: { kernel: null, os: null, iptables: null, nodes: tableRun?.facts.nodes ?? [] },
    findings,
    advisories: advisories.slice(0, limit),
    ...limitedBy(limit, ranked.length, advisories.length),
    nodes: tableRun?.diagnosis.nodes ?? [],
    hosts: compareHosts(kb, runs),
    rootCause: explainRootCause(findings),
    // Each host's lines that may describe the failure (notReport), as one bundle's (closestFor).
    closest: findings.length
      ? []
      : closestFor(
          kb,
          findings,
          runs.map((r, i) => reportLines((bundles[i] ?? "").split("\n"), notReport(r.facts)).join("\n")).join("\n"),
          fleetVerdictOf(runs),
          undefined,
          // Refuted on every host's own lines: on one only, another host may still have the setup.
          (id) => runs.every((r) => r.refutedOf(id)),
        ),
  };
}

/**
 * A record's verdict over the fleet, for a closest record (no host shows it): as a merged finding's (fleetStatus),
 * in the words of the first host by name that gives it, and not affected only as certain as the least certain host.
 */
function fleetVerdictOf(runs: readonly HostRun[]): VerdictOf {
  return (id) => {
    const given = runs
      .flatMap((r) => {
        const verdict = r.verdictOf(id);
        return verdict ? [{ host: r.name, verdict }] : [];
      })
      .sort((a, b) => a.host.localeCompare(b.host));
    const status = fleetStatus(given.map((g) => g.verdict));
    const speaker = given.find((g) => g.verdict.status === status);
    if (!speaker) return undefined;
    const doubt = status === "not-affected" && given.some((g) => g.verdict.certain === false);
    return doubt ? { ...speaker.verdict, certain: false as const } : speaker.verdict;
  };
}

function compareHosts(kb: CompiledKb, runs: readonly HostRun[]): NodeReport[] {
  const table = new Map<string, NodeRow>();
  for (const r of runs) for (const row of r.facts.nodes) if (!table.has(row.name)) table.set(row.name, row);
  const rows = runs.map((r) => hostRow(r, table.get(r.name)));
  const logged = runs.map((r) => r.diagnosis.findings.map((f) => f.id));
  const reports: NodeReport[] = compareNodes(
    kb.records,
    rows,
    runs.map((r) => r.host),
    logged,
  );
  // A bug in a host's range by version alone counts only where that host's own answer raised it: an advisory there shows
  // the setup its record's context needs (review 64c F5: the table named bugs whose context no bundle showed).
  const raised = runs.map((r) => new Set([...r.diagnosis.findings, ...r.diagnosis.advisories].map((f) => f.id)));
  return reports.map((report, i) => {
    const own = (id: string) => raised[i]?.has(id) ?? false;
    return {
      ...report,
      inRange: report.inRange.filter(own),
      findings: report.findings.filter(own),
      iptables: rows[i]?.iptables ?? null,
    };
  });
}

/** A host as a nodes-table row: what its bundle shows, then what a kubectl table says about it. */
function hostRow(run: HostRun, row: NodeRow | undefined): NodeRow {
  const { facts } = run;
  const ipt = facts.iptables;
  return {
    name: run.name,
    status: row?.status ?? "",
    roles: row?.roles ?? "",
    version: facts.kubelet ?? row?.version ?? "",
    internalIp: row?.internalIp ?? null,
    osImage: facts.os?.prettyName ?? row?.osImage ?? null,
    kernel: facts.kernel?.release ?? row?.kernel ?? null,
    runtime: facts.runtime ?? row?.runtime ?? null,
    build: facts.kernel?.build ?? null,
    iptables: ipt ? `${ipt.version}${ipt.backend ? ` (${ipt.backend})` : ""}` : null,
    line: facts.kernel?.line ?? 0,
  };
}

/**
 * One finding per known bug, spoken for by one host: among the hosts whose finding has the fleet's
 * verdict (fleetStatus), the one a second fact corroborates (high), then the best score, then the first
 * name, so the answer does not depend on the order the hosts were sent in. Its score, confidence and
 * verdict go together; the log lines of every host that hit the bug follow (each naming its host), and
 * the hosts' version checks.
 */
function mergeFindings(
  runs: readonly HostRun[],
  pick: (d: Diagnosis) => Finding[],
  quiet?: (id: string, run: HostRun) => QuietHost | null,
  belowOf?: (id: string, named: readonly string[]) => BelowRemoval | undefined,
): Finding[] {
  const byId = new Map<string, HostHit[]>();
  for (const r of runs) {
    for (const f of pick(r.diagnosis)) {
      const list = byId.get(f.id) ?? [];
      list.push({ host: r.name, finding: f });
      byId.set(f.id, list);
    }
  }
  const merged: Finding[] = [];
  for (const [id, hits] of byId) {
    // The hosts that do not show the bug, judged on their own versions: one in range makes the fleet affected.
    const shown = new Set(hits.map((h) => h.host));
    const others = quiet ? runs.flatMap((r) => (shown.has(r.name) ? [] : (quiet(id, r) ?? []))) : [];
    const status = fleetStatus([...hits.map((h) => h.finding.verdict), ...others.map((o) => o.verdict)]);
    const speakers = hits.filter((h) => h.finding.verdict.status === status);
    const lead = best(speakers.length ? speakers : hits);
    // A verdict no host with the symptom gives (affected only on a quiet host) is that host's, and names it.
    const voice = speakers.length ? null : (others.find((o) => o.verdict.status === status) ?? null);
    const ordered = [lead, ...hits.filter((h) => h !== lead)];
    // Not affected only when every host is: only as certain as the least certain of them.
    const doubt = status === "not-affected" && hits.some((h) => h.finding.verdict.certain === false);
    const verdict = voice?.verdict ?? lead.finding.verdict;
    const logs = ordered.flatMap((h) => h.finding.evidence.filter((e) => e.kind === "log").map((e) => ({ ...e, host: h.host })));
    // Every quiet host in range, not only the one that gives the verdict: the next to fail (review 28a).
    const quietInRange = others.filter((o) => o.verdict.status === "affected");
    const versions = [
      ...ordered.flatMap((h) => h.finding.evidence.filter((e) => e.kind === "version")),
      ...quietInRange.flatMap((o) => o.versions),
    ];
    const quietHosts = quietInRange.filter((o) => o !== voice).map((o) => o.host);
    const shownLogs = logs.slice(0, MAX_LOG_EVIDENCE);
    const ruledOut = status === "not-affected" ? [] : hits.filter((h) => h.finding.verdict.status === "not-affected").map((h) => h.host);
    // A host its own versions leave open beside its symptom, where the fleet's answer is decided (review 70b F3).
    const undecided = status === "unknown" ? [] : hits.filter((h) => h.finding.verdict.status === "unknown").map((h) => h.host);
    // Each host's lines it matched, not only those its evidence shows (review 36a: 2 of 100 hosts' lines shown, none said left out).
    const matched = hits.reduce((n, h) => n + matchedLinesOf(h.finding), 0);
    // Hosts still below a kubelet removal, named beside a host that shows the removed setup (not one ruled out there).
    const below = status !== "not-affected" && ruledOut.length < hits.length ? belowOf?.(id, [...shown, ...quietHosts]) : undefined;
    const { matchedLines: _, ...leadFinding } = lead.finding;
    merged.push({
      ...leadFinding,
      verdict: doubt ? { ...verdict, certain: false as const, ...doubtStep(hits) } : verdict,
      evidence: [...shownLogs, ...versions],
      ...(matched > shownLogLines(shownLogs) ? { matchedLines: matched } : {}),
      hosts: [...hits.map((h) => h.host), ...(voice ? [voice.host] : [])],
      // A host whose lines show the symptom but whose own versions rule the bug out is said to need another cause (review
      // 66c F4: a host on the fixed kernel read as one more host the affected bug hits), in a field of its own: no doubt of
      // the record's among theirs (review 68c F2: the thirteenth of them, which the text report did not show).
      ...(ruledOut.length ? { ruledOutOn: ruledOut } : {}),
      ...(undecided.length ? { undecidedOn: undecided } : {}),
      ...(quietHosts.length ? { quietHosts } : {}),
      ...(below ? { belowRemoval: below } : {}),
    });
  }
  return merged.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

/**
 * A host's kubelet as a removal reads it: its own `kubelet --version`, else the version its row of a nodes table gives (one
 * a bundle holds), which only a Ready row's running kubelet reported now.
 */
function kubeletOf(run: HostRun, rows: readonly NodeRow[]): KubeletOf {
  if (run.facts.kubelet) return { name: run.name, version: run.facts.kubelet };
  const row = rows.find((n) => sameMachine(n.name, run.name));
  return { name: run.name, version: row?.version, row };
}

/** The lines a finding's signatures matched: more than its evidence shows when a flood was cut. */
const matchedLinesOf = (f: Finding): number => f.matchedLines ?? shownLogLines(f.evidence);

/** A host that does not show a bug, affected by its versions. */
interface QuietHost {
  host: string;
  verdict: Verdict;
  versions: VersionEvidence[];
}

/**
 * A host that does not show a bug but is affected by it: its own advisory (a regression in range, with the context
 * the bug needs), or, for a removal or requirement, its own output's versions in a range that stands on its own (no
 * context the bug needs, no components that must meet, certain and not resting on one report).
 */
function quietHostVerdict(kb: CompiledKb, id: string, run: HostRun): QuietHost | null {
  const advisory = run.diagnosis.advisories.find((a) => a.id === id);
  const versionsOf = (f: Finding) => f.evidence.filter((e): e is VersionEvidence => e.kind === "version");
  // Its own versions, not another node's row of a nodes table its bundle holds (review 66c F1: master-1's bundle held the
  // table, whose worker-2 row was in range, and master-1, out of range itself, was named among the hosts hit).
  // A row is the host's own by the same rule its row is found by (a short name against the table's FQDN: review 66i F1).
  const own = (e: VersionEvidence) => {
    const node = /^node (\S+)/.exec(e.subject)?.[1];
    return node === undefined || sameMachine(node, run.name);
  };
  if (advisory?.evidence.some((e) => e.kind === "version" && e.result === "affected" && own(e)))
    return { host: run.name, verdict: advisory.verdict, versions: versionsOf(advisory).filter(own) };
  if (advisory) return null;
  const record = kb.records.find((r) => r.id === id);
  if (!record || record.context || componentGroups(record)) return null;
  const checks = versionChecks(record, run.host);
  const verdict = decideVerdict(record, checks, [run.host]);
  const firm = verdict.status === "affected" && verdict.certain !== false && verdict.level !== "reported";
  return firm ? { host: run.name, verdict, versions: checks } : null;
}

/** A fleet's "not affected" hedged by one host's: that host's next step (review 70d F6). */
const doubtStep = (hits: readonly HostHit[]) => {
  const step = hits.find((h) => h.finding.verdict.certain === false && h.finding.verdict.decideWith)?.finding.verdict.decideWith;
  return step ? { decideWith: step } : {};
};

interface HostHit {
  host: string;
  finding: Finding;
}

/** The hit that speaks for the others: a second fact corroborates it (high), then the best score, then the first name. */
function best(hits: readonly HostHit[]): HostHit {
  const rank = (h: HostHit) => h.finding.score + (h.finding.confidence === "high" ? 1 : 0);
  return hits.reduce((a, b) => (rank(b) > rank(a) || (rank(b) === rank(a) && b.host < a.host) ? b : a));
}

/**
 * The verdict for every host that shows the bug: affected when one is, not affected only when all are,
 * otherwise unknown. One host's "not affected" cannot speak for another host in range.
 */
function fleetStatus(verdicts: readonly Verdict[]): Verdict["status"] {
  if (verdicts.some((v) => v.status === "affected")) return "affected";
  return verdicts.every((v) => v.status === "not-affected") ? "not-affected" : "unknown";
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
