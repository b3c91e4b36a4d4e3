import { apiServerHost, apiServerRanged, serverJudging } from "./api-server";
import { recordStart } from "./bug-start";
import { type CompiledKb, DOUBT_PROBE, IPTABLES_PROBE, MENTION_PROBE_MARKER, signatureKey } from "./compile-kb";
import {
  type ContextInput,
  type ContextRefuted,
  contextCaveat,
  contextRefuted,
  contextShown,
  type FoundLiterals,
  refutedCaveat,
  ruledOutReason,
} from "./context";
import { withDecideStep } from "./decide-with";
import { DEFAULT_DIAGNOSE_LIMIT, DIAGNOSE_FIELDS, type DiagnoseInput } from "./diagnose-input";
import type { ClosestRecord, Diagnosis, Finding, LogEvidence, NodeReport, PresentState, Verdict, VersionEvidence } from "./diagnosis";
import {
  CLIENT_VIA,
  type ExtractedFacts,
  extractFacts,
  factsFromFields,
  HEADING_VIA,
  type HostComponents,
  type LineRef,
  type MentionLine,
  type PreScan,
  readsThroughCluster,
  releaseEcosystem,
  sameMachine,
} from "./facts";
import { UPGRADE_READ } from "./facts/component-upgrades";
import { writtenBeforeBuild } from "./facts/kernel-built";
import { isBootBanner, isCrashHeader } from "./facts/kernel-mentions";
import { LOGIN_BANNER_VIA } from "./facts/kernel-shapes";
import { fileOfLine } from "./facts/log-files";
import { loggedDay } from "./facts/logged-day";
import { type FirstCommandFailure, firstCommandCaveat, firstCommandFailure, firstCommandReason, firstCommandStep } from "./first-command";
import { compareNodes, nodeHost } from "./fleet";
import { perVersions } from "./host-checks";
import { machinesBelow, startedPast } from "./kubelet-removal";
import { latestLoggedDay, loggedBeforeBug } from "./logged-before-bug";
import { namedInstead, notAsLogged } from "./logged-versions";
import { NAMED_MACHINES, namesOfHosts } from "./machine-lists";
import { type Hit, pasteText } from "./match";
import { withoutUnlistedModules } from "./module-bound";
import { type PrinterStanding, placeOnNodes, printerStanding } from "./node-findings";
import { pasteNotes } from "./paste-notes";
import { presentState } from "./present-state";
import { inDocumentation, quotedInProse, saidInProse } from "./prose-quote";
import { type ApproximateHit, closestRecords, type RecallScan, recallHits, resembledSignature } from "./recall";
import type { BugRecord } from "./record";
import {
  groupHits,
  independentWeights,
  matchedLines,
  messageStarts,
  type RecordHits,
  type Sighting,
  shownLogLines,
  sightedLines,
} from "./record-hits";
import { resemblesOnly } from "./resembles-only";
import {
  APPROXIMATE_CAP,
  confidenceOf,
  DECISIVE_WEIGHT,
  explainRootCause,
  HIGH_SCORE,
  identifiesAlone,
  LOW_CAP,
  rankFindings,
  relatedFindings,
  scoreAdvisory,
  scoreFinding,
} from "./score";
import { sharedOnly } from "./shared-only";
import {
  bareUnamePrinters,
  linePrinter,
  mayShareMachine,
  type NodeNames,
  nodeNames,
  ownHostElsewhere,
  printedBy,
  printersElsewhere,
  sharedNamePrinters,
  tablePrinter,
  unlistedPrinters,
} from "./symptom-hosts";
import { rangesForSymptoms, undatedVerdict } from "./symptom-ranges";
import type { KernelFacts, NodeRow } from "./types";
import { shownUnconfirmedSetup, type UnconfirmedSetup, unconfirmedSetupCaveat } from "./unconfirmed-setups";
import { unplacedBesideOutOfRange } from "./unplaced-lines";
import { causesLeft, confirmByShownCause } from "./unranged-causes";
import {
  alternativeComponents,
  BEFORE_UPGRADE_VIA,
  checksOfHosts,
  combinationChecks,
  componentsDisagree,
  componentsUnread,
  confirmBySymptom,
  decidedEcosystems,
  decideVerdict,
  distroChecks,
  doubtBySymptom,
  type HostVersions,
  hasKernelData,
  hedgeNamed,
  hostDistribution,
  IMAGE_OS,
  imageOsComponents,
  iptablesComponents,
  isKernelPackage,
  type LogMessage,
  mentionedChecks,
  missingDataReason,
  nodeComponents,
  pastPrintedBound,
  printedBeforeBounds,
  printedFromChecks,
  releaseChecks,
  SINGLE_HOST,
  type SymptomComponents,
  symptomChecks,
  undecidedHosts,
  versionChecks,
} from "./verdict";

const DOUBT_PROBE_PREFIX = `${DOUBT_PROBE}/`;
const NO_HITS: RecordHits = { evidence: [], sightings: [] };
/** A line this strong (an exact or reworded signature, not a resemblance) is the bug's own symptom. */
const SYMPTOM_WEIGHT = 0.5;

/**
 * Per symptom line, the alternatives its signatures name (`component`): every line the signatures saw, not only the
 * few the answer shows (a message repeated five times must not hide a line of none of them), and a message's output
 * on the next line as the message's.
 */
function symptomComponents(record: BugRecord, sightings: readonly Sighting[], shown: readonly LogEvidence[]): SymptomComponents {
  const byLine = new Map<number, Set<string>>();
  for (const s of sightings) {
    if (s.approximate === "similar" || s.weight < SYMPTOM_WEIGHT) continue;
    const component = record.signatures.find((sig) => sig.id === s.signature)?.component;
    for (const line of s.lines) {
      const named = byLine.get(line) ?? new Set<string>();
      if (component) named.add(component);
      byLine.set(line, named);
    }
  }
  // A line of none right after a named one that ends in a colon is that message's output (dockerd's AppArmor refusal
  // "… failed with output:" and apparmor_parser's error on the next line): it is that component's too. A line shown
  // only by number (past the few the answer shows) is not known to end so.
  const opens = new Set(shown.filter((e) => e.text.trimEnd().endsWith(":")).map((e) => e.line));
  for (const line of [...byLine.keys()].sort((a, b) => a - b)) {
    const named = byLine.get(line) as Set<string>;
    const before = byLine.get(line - 1);
    if (!named.size && before?.size && opens.has(line - 1)) for (const c of before) named.add(c);
  }
  return [...byLine.values()].map((named) => [...named]);
}

/** Diagnoses a raw bundle: sections (uname, os-release, nodes table, ...) and commands are detected, the rest is logs. */
export function diagnoseBundle(kb: CompiledKb, paste: string, limit = DEFAULT_DIAGNOSE_LIMIT, focus?: string): Diagnosis {
  const text = pasteText(paste);
  const { diagnosis, verdictOf, refutedOf, facts } = diagnoseHostBundle(kb, text, limit, SINGLE_HOST, focus);
  return withWhatNothingExplained(kb, diagnosis, text, { verdictOf, refutedOf }, facts);
}

/** One paste's answer with what its findings leave: the records closest to it and what the paste itself lost. */
function withWhatNothingExplained(
  kb: CompiledKb,
  diagnosis: Diagnosis,
  text: string,
  { verdictOf, refutedOf }: { verdictOf: VerdictOf; refutedOf: RefutedOf },
  facts: ExtractedFacts,
): Diagnosis {
  const notes = pasteNotes(text, diagnosis.findings);
  return {
    ...diagnosis,
    closest: closestFor(kb, diagnosis.findings, text, verdictOf, notReport(facts), refutedOf),
    ...(notes.length ? { notes } : {}),
  };
}

/**
 * The lines of a bundle that describe no failure, for the closest records' query (closestRecords): the host's identity
 * (uname, /proc/version, os-release, a container's os-release: "GNU/Linux x86_64" would liken any report to a record
 * that quotes a uname), the commands that printed it, and a collector's notes. Other output stays (`iptables -V`'s
 * backend, a nodes table), and so do a person's own commands ("$ firewall-cmd --reload", "$ ip -4 neigh show"): they
 * often say what was done or looked at.
 */
export function notReport(facts: Pick<ExtractedFacts, "sections" | "containerOs" | "gathering">): (line: number) => boolean {
  // A set, not a search per line, built only when a report with no finding is read for its closest records.
  let lines: Set<number> | undefined;
  return (line) => {
    if (!lines) {
      lines = new Set<number>([...facts.containerOs, ...facts.gathering]);
      for (const s of facts.sections) if (IDENTITY_SECTIONS.has(s.kind)) for (let n = s.lines[0]; n <= s.lines[1]; n++) lines.add(n);
    }
    return lines.has(line);
  };
}

const IDENTITY_SECTIONS: ReadonlySet<string> = new Set(["uname", "proc-version", "version-signature", "os-release"]);

/**
 * A record's verdict on the input's versions for a closest record (no signature matched it): `unknown` where they do
 * not settle it (see `settledVerdict`); undefined for a record with no version data.
 */
export type VerdictOf = (id: string) => Verdict | undefined;

/**
 * Whether a line of the input shows the setup a record's bug needs absent (its context's `refutedBy`): the record is then
 * no lead, neither a finding that only resembles a line nor a closest record (review 72a F5).
 */
export type RefutedOf = (id: string) => boolean;

/**
 * The last resort of a report no signature explained: the records closest to it by description,
 * for the reader to check (none when there is a finding), each with its verdict on the input's
 * versions where they decide it, so the reader can rule one out or in by version as well as by words
 * (an undecided one would only list versions missing for a record that is a guess). Each door asks
 * once, over all it was sent.
 */
export function closestFor(
  kb: CompiledKb,
  findings: readonly Finding[],
  text: string,
  verdictOf: VerdictOf,
  skip?: (line: number) => boolean,
  refuted: RefutedOf = () => false,
): ClosestRecord[] {
  if (findings.length || !text) return [];
  const titleOf = (id: string) => kb.records.find((r) => r.id === id)?.title ?? id;
  return closestRecords(kb.recall.descriptions, kb.recall.lexical, text, titleOf, skip)
    .filter((c) => !refuted(c.id))
    .map((c) => {
      const verdict = verdictOf(c.id);
      return verdict && verdict.status !== "unknown" ? { ...c, verdict } : c;
    });
}

/** One host's bundle, its evidence naming the host as `subject`; with the facts, for comparing hosts. */
export function diagnoseHostBundle(
  kb: CompiledKb,
  text: string,
  limit: number,
  subject: string,
  focus?: string,
  ownRow?: NodeRow,
): { diagnosis: Diagnosis; facts: ExtractedFacts; host: HostVersions; verdictOf: VerdictOf; refutedOf: RefutedOf } {
  const { hits, otherFault, found, pre, recall } = scan(kb, text);
  const read = extractFacts(text, pre);
  // A host whose bundle gives no versions of its own, judged on its row of a nodes table another host's bundle holds.
  const facts = ownRow && !read.kernel && !read.nodes.length ? { ...read, nodes: [ownRow] } : read;
  const host = singleHost(facts, subject);
  const isLog = (line: number) => !facts.notLogs.has(line);
  const exact = hits.filter((h) => isLog(h.line));
  const { diagnosis, verdictOf, refutedOf } = assemble(
    kb,
    facts,
    [...exact, ...recallHits(kb.recall, text, exact, isLog, recall)],
    limit,
    { others: [], logs: text, notHost: facts.containerOutput, otherFault, ...(found ? { found } : {}) },
    host,
    focus,
  );
  return { diagnosis, facts, host, verdictOf, refutedOf };
}

/** Diagnoses structured fields; evidence line numbers count lines of `logs`. */
export function diagnoseFields(kb: CompiledKb, sent: DiagnoseInput): Diagnosis {
  // Every field as a paste is read: a node's name copied from a page is the same text as the bundle's (review 62d F1).
  const input: DiagnoseInput = { ...sent };
  for (const field of DIAGNOSE_FIELDS) {
    const value = sent[field];
    if (value !== undefined) input[field] = pasteText(value);
  }
  const logs = input.logs ?? "";
  const { hits, otherFault, found, pre, recall } = scan(kb, logs);
  const recalled = logs ? recallHits(kb.recall, logs, hits, () => true, recall) : [];
  const others = [input.uname, input.procVersion, input.osRelease, input.nodes, input.iptablesVersion].filter((s): s is string => !!s);
  const facts = factsFromFields(input, pre);
  const context = { others, logs, notHost: facts.containerOutput, otherFault, ...(found ? { found } : {}) };
  const { diagnosis, verdictOf, refutedOf } = assemble(kb, facts, [...hits, ...recalled], input.limit ?? DEFAULT_DIAGNOSE_LIMIT, context);
  return withWhatNothingExplained(kb, diagnosis, logs, { verdictOf, refutedOf }, facts);
}

/** The one pass over the text: record signatures, and the engine's own probes for facts. */
function scan(
  kb: CompiledKb,
  text: string,
): { hits: Hit[]; otherFault: ReadonlyMap<string, number>; found: FoundLiterals | undefined; pre: PreScan; recall: RecallScan } {
  const hits: Hit[] = [];
  const iptablesLines = new Map<number, LineRef>();
  const mentionLines = new Map<number, MentionLine & { markers: Set<string> }>();
  const found = text ? kb.matcher.scanMarked(text) : { hits: [], marked: null, rejected: [], lineStarts: null, probes: null };
  // "record\nline" for each line a record's refuting signature, or a signature's `unless`, refused.
  const refused = new Set(
    found.rejected.flatMap((r) => {
      const s = kb.signatures.get(r.key);
      return s && (s.signature.refutes || r.unless) ? [`${s.record.id}\n${r.line}`] : [];
    }),
  );
  // Records one of whose signatures' `unless` showed a line itself to be another fault's (not a warning by its next
  // line), with the first such line.
  const otherFault = new Map<string, number>();
  for (const r of found.rejected) {
    const id = r.unless && !r.next ? kb.signatures.get(r.key)?.record.id : undefined;
    const first = id === undefined ? undefined : otherFault.get(id);
    if (id && (first === undefined || r.line < first)) otherFault.set(id, r.line);
  }
  // Signatures another line of the paste shows to be no symptom here (their `doubtedBy`): their hits are no evidence.
  const doubted = new Set(
    found.hits.flatMap((h) => (h.key.startsWith(DOUBT_PROBE_PREFIX) ? [h.key.slice(DOUBT_PROBE_PREFIX.length)] : [])),
  );
  for (const h of found.hits) {
    if (h.key.startsWith(DOUBT_PROBE_PREFIX)) {
      // The doubting line itself is the other cause's (a full disk's write, the process's own EMFILE): no resemblance to the
      // record it doubts is evidence of it either (review 68b: a disk-full npm line resembled the watch limit).
      const id = kb.signatures.get(h.key.slice(DOUBT_PROBE_PREFIX.length))?.record.id;
      if (id) refused.add(`${id}\n${h.line}`);
      continue;
    }
    if (doubted.has(h.key)) {
      const id = kb.signatures.get(h.key)?.record.id;
      if (id) refused.add(`${id}\n${h.line}`);
      continue;
    }
    const marker = MENTION_PROBE_MARKER.get(h.key);
    if (marker !== undefined) {
      // The line as first found, with every marker found on it (in it or in its unwrapped form).
      const mention = mentionLines.get(h.line) ?? { text: h.text, line: h.line, markers: new Set<string>() };
      mention.markers.add(marker);
      mentionLines.set(h.line, mention);
    } else if (!h.key.startsWith(IPTABLES_PROBE)) hits.push(h);
    else if (!iptablesLines.has(h.line)) iptablesLines.set(h.line, { text: h.text, line: h.line });
  }
  return {
    hits,
    otherFault,
    found: found.lineStarts && found.probes ? { ...found.probes, lineStarts: found.lineStarts } : undefined,
    pre: { iptablesLines: [...iptablesLines.values()], mentionLines: [...mentionLines.values()], lineStarts: found.lineStarts },
    recall: {
      marked: found.marked,
      refusedBy: (line, recordId) => refused.has(`${recordId}\n${line}`),
      doubted: (key) => doubted.has(key),
      doubtedResemblance: (recordId, terms) => {
        if (!doubted.size) return false;
        const record = kb.records.find((r) => r.id === recordId);
        const resembled = record ? resembledSignature(kb.recall.lexical, terms, record.signatures) : null;
        return !!resembled && doubted.has(signatureKey(recordId, resembled.id));
      },
      otherFault: (recordId) => otherFault.has(recordId),
    },
  };
}

/**
 * The versions the input shows for the machine it came from: its own readings, or `read`, the readings one machine's
 * prompt printed (ExtractedFacts.readingsAt).
 */
function singleHost(facts: ExtractedFacts, subject: string, read: HostComponents = facts): HostVersions {
  // `docker version`'s server part (the daemon's own) over the runtime's `--version` (the client binary's).
  const components = {
    ...nodeComponents({ version: read.kubelet ?? "", runtime: read.runtime }),
    ...read.components,
    ...iptablesComponents(facts.iptables),
    ...imageOsComponents(facts.os),
  };
  // Output printed before the paste upgrades a component is another time's: named only where nothing else gives its
  // version (review 34d: beside the upgrade's own version, "Setting up kubelet (1.24.0-00)", it cancelled it).
  const mentioned = { ...facts.named };
  const mentionedElsewhere = { ...facts.namedElsewhere };
  for (const [eco, version] of Object.entries(facts.beforeUpgrade))
    if (components[eco] === undefined && mentioned[eco] === undefined) {
      mentioned[eco] = version;
      mentionedElsewhere[eco] = HEADING_VIA;
    }
  return {
    subject,
    kernel: facts.kernel,
    ...(facts.kernelsGiven ? { kernelsGiven: facts.kernelsGiven } : {}),
    ...(read.disputed.length ? { disputed: read.disputed } : {}),
    components,
    release: releaseEcosystem(facts.os),
    mentioned,
    ...(Object.keys(mentionedElsewhere).length ? { mentionedElsewhere } : {}),
    ...(read.fromClient.length ? { fromClient: new Set(read.fromClient) } : {}),
    ...(Object.keys(read.onDisk).length ? { onDisk: read.onDisk } : {}),
    packages: facts.packages,
    packageVia: facts.packageVia,
    namedRelease: facts.namedRelease,
    distro: facts.os,
    ...(read.criRuntime ? { kubeletRuntime: read.criRuntime } : {}),
  };
}

/**
 * The hosts a record is judged on. Without a nodes table, the one host the input's own outputs describe
 * (uname, os-release, `--version` lines). With one, its rows, and the input's own host beside them when
 * it shows what no row shows: a uname pasted with the table is one machine of the cluster (the rows that
 * run its kernel and show no component version of their own are taken for it, and a row without a kernel
 * only when it bears the uname's host name and shows no other version of a component the host shows), and
 * a `kubelet --version` no row shows (a node that still reports its old kubelet while the new binary
 * fails to start) is judged beside the rows for its components only. A kernel a sentence names is no
 * output of the host: it neither adds the host nor drops a row.
 */
function hostsOf(facts: ExtractedFacts, nodeHosts: HostVersions[], single: HostVersions): HostVersions[] {
  const hasAny =
    Object.keys(single.components).length ||
    single.release ||
    single.namedRelease ||
    single.distro ||
    single.disputed?.length ||
    single.kernelsGiven?.length ||
    Object.keys(single.mentioned ?? {}).length ||
    // A package's build alone (a sentence's "containerd.io from 1.7.23-1 to 1.7.24-1": review 51h F3) is the host's too.
    Object.keys(single.packages ?? {}).length;
  if (!nodeHosts.length) return hasAny || single.kernel ? [single] : [];
  // Versions the text names in passing (a DaemonSet's image, an issue's "Calico 3.31.3") are the cluster's: every node
  // is judged with them, hedged as named (review 31c: beside a nodes table they were dropped, and a fixed Calico lost).
  const named = single.mentioned && Object.keys(single.mentioned).length ? single : null;
  // So are the versions the cluster itself answered (an add-on's or kube-proxy's image kubectl printed), as every node's own.
  const cluster = Object.entries(single.components).filter(([ecosystem]) => facts.clusterRead.has(ecosystem));
  const withCluster = cluster.length
    ? nodeHosts.map((h) => ({ ...h, components: { ...Object.fromEntries(cluster), ...h.components } }))
    : nodeHosts;
  const rows = named
    ? withCluster.map((h) => ({
        ...h,
        mentioned: { ...named.mentioned, ...h.mentioned },
        ...(named.mentionedElsewhere ? { mentionedElsewhere: { ...named.mentionedElsewhere, ...h.mentionedElsewhere } } : {}),
      }))
    : withCluster;
  const own = facts.kernel?.named ? undefined : facts.kernel?.release;
  // A row that shows a component version the host's own output does not show, or shows otherwise.
  const rowAdds = (h: HostVersions) => Object.entries(h.components).some(([ecosystem, v]) => single.components[ecosystem] !== v);
  // A row that shows another version of a component the host's own output shows: another machine.
  const rowDiffers = (h: HostVersions) =>
    Object.entries(h.components).some(([ecosystem, v]) => single.components[ecosystem] !== undefined && single.components[ecosystem] !== v);
  // A row without a kernel is the uname's host only when it bears the uname's host name.
  const unameRow = (h: HostVersions) => facts.unameHost !== null && sameMachine(h.subject.replace(/^node /, ""), facts.unameHost);
  // The uname's own row, NotReady, showing the kernel the uname printed now: that kernel is current, not only what the node
  // last reported (review 61b F1: its row's hedge made the uname's "not affected" unknown).
  const current = (h: HostVersions): HostVersions =>
    h.lastReported && h.kernel?.release === own && unameRow(h) ? { ...h, kernelCurrent: true } : h;
  if (own)
    return [
      single,
      ...rows.filter((h) => (h.kernel ? h.kernel.release !== own || rowAdds(h) : !unameRow(h) || rowDiffers(h))).map(current),
    ];
  // The host's own component versions that no row shows: judged beside the rows, for those only (a
  // kernel a sentence names does not come with it).
  const singleAdds = Object.entries(single.components).some(([ecosystem, v]) => !withCluster.some((h) => h.components[ecosystem] === v));
  return singleAdds ? [{ ...single, kernel: null, componentsOnly: true }, ...rows] : rows;
}

/**
 * The hosts as they stood when a record's symptom was logged. A component the paste upgrades on the host after the
 * symptom's first line ran its earlier version then: the host's reading of it (taken after the upgrade; output before it
 * is another time's, component-upgrades.ts) and a version named since (the upgrade's own) are left out, and what the
 * paste showed before the upgrade (ExtractedFacts.beforeUpgrade) decides, hedged (review 34a: runc 1.2.4, read after
 * the upgrade, ruled out the race its 1.2.2 had logged, certainly). Otherwise that earlier output is another time's
 * (singleHost names it only where nothing else gives the component's version).
 */
function asAtSymptom(
  hosts: HostVersions[],
  single: HostVersions,
  upgradesOn: (line: number) => Readonly<Record<string, number>>,
  beforeUpgrade: Readonly<Record<string, string>>,
  seen: RecordHits,
  printerOf: (line: number) => string | null,
): HostVersions[] {
  if (!seen.evidence.length) return hosts;
  let first = Number.POSITIVE_INFINITY;
  for (const s of seen.sightings) for (const line of s.lines) first = Math.min(first, line);
  // The upgrades on the machine that printed the symptom's first line.
  const upgradedAt = upgradesOn(first);
  if (!Object.keys(upgradedAt).length) return hosts;
  // The paste's own host, or its copy beside a nodes table (hostsOf: its components only), by its subject; and the node
  // that printed the line (review 41b F3: worker-2's upgrade at its own prompt left its 1.6.4 read after it "not affected,
  // certain" beside 1.6.3's own line, in a paste of two unames).
  const printer = printerOf(first);
  const node = (h: HostVersions) => printer !== null && h.subject.startsWith("node ") && sameMachine(h.subject.slice(5), printer);
  return hosts.map((h) =>
    h.subject === single.subject || node(h)
      ? beforeTheUpgrade(h, upgradedAt, beforeUpgrade, first)
      : withoutUpgradeNamed(h, single, upgradedAt, first),
  );
}

/**
 * Another node than the one upgraded, without the version the paste named since the upgrade (its own, spread to every
 * row as a version named in passing: hostsOf): it is the upgraded machine's (review 42b F9: worker-2's 1.6.4 after
 * its upgrade was listed as "node web-1: containerd 1.6.4").
 */
function withoutUpgradeNamed(host: HostVersions, single: HostVersions, upgradedAt: Readonly<Record<string, number>>, first: number) {
  const spread = Object.keys(host.mentioned ?? {}).filter(
    (e) =>
      UPGRADE_READ.has(e) && Math.max(upgradedAt[e] ?? 0, upgradedAt["*"] ?? 0) > first && host.mentioned?.[e] === single.mentioned?.[e],
  );
  if (!spread.length) return host;
  const mentioned = { ...host.mentioned };
  for (const e of spread) delete mentioned[e];
  return { ...host, mentioned };
}

/**
 * The kernel facts of the answer: the paste's kernel, or where a reboot at the prompt parted two (facts.kernel null), the
 * one the host runs now, with the failure's own boot's beside it, as the highest-ranked finding judged it (review 69c F4:
 * `facts.kernel` was null beside two unames, one of which judged the verdict).
 */
function kernelsOf(
  facts: ExtractedFacts,
  ranked: readonly Finding[],
  failureKernels: ReadonlyMap<string, KernelFacts>,
): Pick<Diagnosis["facts"], "kernel" | "failureKernel"> {
  if (facts.kernel || !facts.runningKernel) return { kernel: facts.kernel };
  const failed = ranked.map((f) => failureKernels.get(f.id)).find((k) => k !== undefined);
  return { kernel: facts.runningKernel, ...(failed ? { failureKernel: failed } : {}) };
}

/**
 * What the host runs now, for a finding whose verdict judged the failing version (present-state.ts): the kernel the paste
 * reads after a reboot at the prompt parted the failure's boot from it, else a component the paste changed after the
 * failure and read again after (HostVersions.runsNow). `version` are the version checks, as the finding's were made.
 */
function presentOf(
  record: BugRecord,
  checks: readonly VersionEvidence[],
  host: HostVersions | undefined,
  failureKernel: KernelFacts | null,
  lines: readonly number[],
  facts: ExtractedFacts,
  version: (record: BugRecord, host: HostVersions) => VersionEvidence[],
): PresentState | undefined {
  if (!host) return undefined;
  const running = facts.runningKernel;
  const at = running?.line;
  if (running && at !== undefined && failureKernel && running.release !== failureKernel.release) {
    // Every line of the failure before the reboot the running kernel was read after.
    if (lines.every((l) => l < at && facts.bootsApart(l, at))) {
      const now = { ...host, kernel: running, kernelsGiven: undefined, components: {}, mentioned: {}, mentionedElsewhere: {} };
      const said = presentState(
        record,
        checks,
        { component: "kernel", version: running.release, line: at, after: "the reboot" },
        version(record, now),
      );
      if (said) return said;
    }
  }
  for (const [component, v] of Object.entries(host.runsNow ?? {})) {
    const now: HostVersions = {
      ...host,
      kernel: null,
      kernelsGiven: undefined,
      components: { [component]: v },
      mentioned: {},
      mentionedElsewhere: {},
      readAfterChange: undefined,
      runsNow: undefined,
      notAsLogged: undefined,
    };
    const said = presentState(record, checks, { component, version: v, after: "the paste changes it" }, version(record, now));
    if (said) return said;
  }
  return undefined;
}

/** A host's components the paste upgrades after `first` (the symptom's line) left out, what it showed before named. */
function beforeTheUpgrade(
  own: HostVersions,
  upgradedAt: Readonly<Record<string, number>>,
  beforeUpgrade: Readonly<Record<string, string>>,
  first: number,
): HostVersions {
  const components = { ...own.components };
  const mentioned = { ...own.mentioned };
  const elsewhere = { ...own.mentionedElsewhere };
  const ecosystems = new Set([...Object.keys(components), ...Object.keys(mentioned), ...Object.keys(beforeUpgrade)]);
  // Only the components whose output before an upgrade is set apart as another time's: the host's reading of any other
  // (iptables, the image OS) may be from before the upgrade and stands. The later of the component's own upgrade and an
  // upgrade of everything (review 34d: an earlier install hid a later `dnf upgrade`).
  const later = [...ecosystems].filter((e) => UPGRADE_READ.has(e) && Math.max(upgradedAt[e] ?? 0, upgradedAt["*"] ?? 0) > first);
  if (!later.length) return own;
  const readAfterChange: Record<string, string> = {};
  // The host's own reading after the change (never a version named): what it runs now (review 69c F4).
  const runsNow: Record<string, string> = {};
  for (const eco of later) {
    const earlier = beforeUpgrade[eco];
    const read = components[eco] ?? mentioned[eco];
    if (read && !earlier) readAfterChange[eco] = read;
    const own = components[eco];
    if (own) runsNow[eco] = own;
    delete components[eco];
    if (earlier) {
      mentioned[eco] = earlier;
      elsewhere[eco] = BEFORE_UPGRADE_VIA;
    } else delete mentioned[eco];
  }
  return {
    ...own,
    components,
    mentioned,
    mentionedElsewhere: elsewhere,
    readAfterChange,
    ...(Object.keys(runsNow).length ? { runsNow } : {}),
  };
}
/** Whether a check is on the host named `subject` ("node web-2: docker …", not web-20's). */
const subjectOf = (c: VersionEvidence, subject: string) =>
  c.subject === subject || c.subject.startsWith(`${subject}:`) || c.subject.startsWith(`${subject} `);

/** A host with only the versions the paste names in passing (hedged): none of its own output is the machine's in question. */
function namedOnly(host: HostVersions): HostVersions {
  return {
    subject: host.subject,
    kernel: null,
    components: {},
    ...(host.mentioned ? { mentioned: host.mentioned } : {}),
    ...(host.mentionedElsewhere ? { mentionedElsewhere: host.mentionedElsewhere } : {}),
  };
}
/**
 * Whether the host's version of a component is only `docker version`'s client part (CLIENT_VIA). Not a bare `docker
 * --version` (HostVersions.fromClient): `dockerd --version` prints the same line, and is the daemon's.
 */
const clientOnly = (host: HostVersions, ecosystem: string) =>
  host.components[ecosystem] === undefined && host.mentionedElsewhere?.[ecosystem] === CLIENT_VIA;

/**
 * Why a "not affected" reading rules nothing out beside a line only other versions print, saying which versions print it
 * (review 70d F6: "printed only by another version" left the reader to guess which).
 */
const overruledByLine = (c: VersionEvidence, printedBefore: ReadonlyMap<string, string>, printedFrom: readonly VersionEvidence[]) => {
  // The component as the check names it ("your docker"), not its package ("docker-ce").
  const component = c.subject.split(" ").pop() ?? c.ecosystem;
  const before = printedBefore.get(c.ecosystem);
  if (before !== undefined) return `but the log's line is one only ${component} before ${before} prints`;
  const from = printedFrom.find((p) => p.ecosystem === c.ecosystem)?.value;
  return from !== undefined
    ? `but the log's line is one only ${component} ${from} or later prints`
    : "but the log's line is one other versions print";
};

/** The ecosystems other checks decided, as a key: the same set gives the same named and release checks. */
const decidedKey = (decided: ReadonlySet<string>) => [...decided].join("\n");

function assemble(
  kb: CompiledKb,
  facts: ExtractedFacts,
  hits: Array<Hit | ApproximateHit>,
  limit: number,
  context: ContextInput,
  single = singleHost(facts, SINGLE_HOST),
  focus?: string,
): { diagnosis: Diagnosis; verdictOf: VerdictOf; refutedOf: RefutedOf } {
  const nodeHosts = facts.nodes.map((node) => nodeHost(node, facts.nodeComponents.get(node.name)));
  const allHosts = hostsOf(facts, nodeHosts, single);
  const byRecord = groupHits(
    kb,
    withoutUnlistedModules(kb, hits, context.logs, (line) => facts.bootKernel([line]) ?? facts.kernel),
  );
  const findings: Finding[] = [];
  const advisories: Finding[] = [];
  /** The nodes of the nodes table that printed each finding's lines, where every line resolves to one (score.ts, Printers). */
  const machinesPrinting = new Map<string, string[]>();
  /** Each printing node's own answer, by finding (printerStanding). */
  const standings = new Map<string, PrinterStanding>();
  // Only records with a log hit can be findings, and only version-gated ones can be advisories. The API server's own
  // answer to `kubectl version` judges its records with no host beside it (api-server.ts).
  const server = facts.apiServer;
  const candidates = allHosts.length
    ? kb.records.filter((r) => byRecord.has(r.id) || r.affected.length > 0)
    : kb.records.filter((r) => byRecord.has(r.id) || (server !== undefined && apiServerRanged(r)));
  const given = givenVersions(allHosts, facts.namedDistribution !== null);
  // A fleet's nodes mostly share a few sets of versions: each set is judged once per record.
  // Every record's verdict, for the focus and the closest records (closestFor), which are no findings.
  const judged = new Map<string, Verdict | (() => Verdict)>();
  const checksOf = {
    version: perVersions(versionChecks),
    mentioned: perVersions(mentionedChecks, decidedKey),
    distro: perVersions(distroChecks),
    release: perVersions(releaseChecks, decidedKey),
  };
  // The nodes by name, for the symptom-host check: built once, at the first finding beside a nodes table.
  let names: NodeNames | undefined;
  const namesOf = () => {
    names ??= nodeNames(allHosts);
    return names;
  };
  // Which machine printed a line: its journald host, else the prompt or `ssh` target of the command before it.
  const printerOf = linePrinter(facts.lineAt, facts);
  const fetchedThroughCluster = (line: number) => {
    const at = facts.commandAt(line);
    return at !== null && readsThroughCluster(facts.lineAt(at) ?? "");
  };
  // The machine the paste's own output is: its uname's, else the one whose prompt or `ssh` target printed every version
  // it read (review 42b F2: web-1's `containerd --version` ruled out web-2's line, with no uname in the paste).
  const ownMachine: OwnMachine | null = facts.unameHost
    ? { names: [facts.unameHost], by: facts.kernel?.via === LOGIN_BANNER_VIA ? "its login banner" : "its uname" }
    : facts.readingsHosts
      ? {
          names: facts.readingsHosts,
          by: `the ${facts.readingsHosts.length > 1 ? "prompts or headings" : "prompt or heading"} its versions were read under`,
        }
      : null;
  const nodePrinter = tablePrinter(printerOf, facts, namesOf);
  // Whether a line may be the output of a machine that printed a record's lines, for a line refuting its context.
  const onTheirMachine = (lines: readonly number[]) => (line: number) => mayShareMachine(lines, line, printerOf, ownMachine?.names ?? []);
  const contextOf = (record: BugRecord, seen: RecordHits) => recordContextShown(kb, record, context, seen, onTheirMachine);
  // One message over several lines is one piece of evidence (review 39a).
  const messageOf = messageStarts(context.logs, facts.lineAt);
  // A hit line with the lines of its message before it, a wrap's break read as a space, and the message's first line (review
  // 39b F5: a klog line hard-wrapped at 80 left its signature on a line without the framing that dates the program).
  const wholeMessage = (e: LogEvidence): LogMessage => {
    const start = messageOf(e.line);
    const parts: string[] = [];
    for (let l = start; l <= e.line; l++) parts.push(facts.lineAt(l)?.replace(/\r$/, "") ?? "");
    const head = parts[0] ?? e.text;
    // The hit's own text last: its line, or the lines a wrap or cut joined from it on.
    parts[parts.length - 1] = e.text;
    return { text: parts.join(" "), head };
  };
  // Lines written days before the kernel read now was built ran on another kernel: one the machine ran before this one
  // was installed (review 48g F2). Only a kernel's own output dates its build: a sentence's release is no build.
  const kernelRead = facts.kernel?.build && !facts.kernel.named ? facts.kernel : null;
  const beforeBuild = kernelRead?.build ? writtenBeforeBuild(kernelRead.build) : null;
  const predatesKernel = (line: number) => beforeBuild?.(facts.lineAt(line) ?? "") === true;
  // Machines read one by one (a fan-out's unames, a loop's headings) are no nodes table: the cluster may hold others, and
  // the lines fetched through it may be theirs (review 67e F1: ansible's unames of two workers, a third unreachable, made
  // kube-proxy's `--xor-mark` fetched with `kubectl logs` "not affected, verified"). Read once, not per candidate.
  const noTable = !facts.nodes.length || facts.nodes.every(readOneByOne);
  // A symptom line's own date, else its message's first line's (a wrapped message is dated once, where it starts).
  const dayOfLine = (line: number) => loggedDay(facts.lineAt(line) ?? "") ?? loggedDay(facts.lineAt(messageOf(line)) ?? "");
  // The paste's latest dated line, read once and only when some finding's lines all predate its bug.
  let latest: number | null | undefined;
  const latestDay = () => {
    if (latest === undefined) latest = latestLoggedDay(facts.lines);
    return latest;
  };
  /** The kernel of the failure's own boot, by finding, where a reboot since parts it from the running one (review 69c F4). */
  const failureKernels = new Map<string, KernelFacts>();
  for (const candidate of candidates) {
    const seen = byRecord.get(candidate.id) ?? NO_HITS;
    const logEvidence = seen.evidence;
    // A line that only resembles the record, beside one showing the setup its bug needs absent, leaves nothing of the bug:
    // no lead. A line of its own stays one, saying why it is not the cause (review 72a F5: elk-docker#99's read-only sysctl
    // write resembled the vm.max_map_count record beside the reporter's own reading of 262144, its check's limit).
    if (resemblesOnly(logEvidence) && contextOf(candidate, seen).kind === "refuted") continue;
    const { record, undated } = rangesForSymptoms(candidate, logEvidence);
    // A failure logged before the upgrade ran what the paste showed before it, else what dpkg says the upgrade replaced.
    let hosts = asAtSymptom(allHosts, single, facts.upgradedAt, { ...facts.replaced, ...facts.beforeUpgrade }, seen, printerOf);
    const symptomLines = () => seen.sightings.flatMap((s) => [...s.lines]);
    // A record of the API server's ranges only, beside its own answer to `kubectl version`: judged on that answer, the
    // cluster's, whichever machine printed the lines and whatever a node's kubelet runs (review 69i F2). No machine's
    // readings below (a printer's prompt, a kernel, a node's row) are the API server's.
    const apiServer = serverJudging(server, record, symptomLines, facts.upgradedAt);
    // Every symptom line a daemon elsewhere answered (`export DOCKER_HOST=ssh://web-2`, then `docker-compose up`): the
    // paste's own machine's versions are not that daemon's machine's (review 41a F1: Docker 29's refusal was judged on the
    // CLI's local Docker 28, "not affected, certain"); what the paste shows of that daemon (named) and the line's own decide.
    const answeredElsewhere = !facts.nodes.length && logEvidence.length > 0 && symptomLines().every(facts.daemonElsewhere);
    if (answeredElsewhere) hosts = hosts.map((h) => (h.subject === single.subject ? namedOnly(h) : h));
    // Every symptom line printed at one machine whose prompts read versions apart from the paste's others (no nodes
    // table, readings at several machines' prompts; or beside several nodes, a machine no row names): its own readings
    // judge the lines (review 44a F9: unknown, "versions that disagree", where minikube's own `containerd --version` was
    // read at the prompt that printed the line; review 45a F9: "no version of laptop is given" beside the laptop's own).
    const readAt = logEvidence.length && !apiServer ? readingsOfPrinter(symptomLines(), printerOf, facts) : null;
    if (readAt) hosts = [singleHost(facts, single.subject, readAt.read), ...hosts.filter((h) => h.subject !== single.subject)];
    // Two kernels read at two machines' prompts, and every line printed at one of them by a command reading its logs: that
    // machine's kernel (review 48c F9: "does not say which one failed").
    // Not a log of an earlier boot or a copied journal: its lines ran on whatever kernel they had (review 48e F1, F2).
    const kernelAt =
      !facts.kernel && facts.kernelsGiven && logEvidence.length && !symptomLines().some(facts.readPast)
        ? shownPrinter(symptomLines(), printerOf, facts)
        : null;
    // Where the command's machine and the journal's host field disagree (a renamed clone, a forwarded journal), the lines
    // are neither surely (review 48e F7).
    const agreed = (l: number) => {
      const by = facts.commandHost(l);
      return !!by && !!kernelAt && sameMachine(by, kernelAt);
    };
    const printedKernel = kernelAt && symptomLines().every(agreed) ? facts.kernelAt(kernelAt) : null;
    if (printedKernel)
      hosts = hosts.map((h) => (h.subject === single.subject ? { ...h, kernel: printedKernel, kernelsGiven: undefined } : h));
    // The kernel that logged every symptom line, as their crash's own header or their boot's banner shows it (failureBoot),
    // whatever the paste read after a reboot (review 49g F8: the failing boot's 5.15.0-127 #137 beside the `uname -r` of
    // the 130 booted since asked for `uname -v`; 50b F2: a saved oops beside a newer uname).
    const boot = !facts.nodes.length && logEvidence.length ? failureBoot(facts, symptomLines(), printerOf) : null;
    const bootKernel = boot?.kernel ?? null;
    if (bootKernel) hosts = hosts.map((h) => (h.subject === single.subject ? { ...h, kernel: bootKernel, kernelsGiven: undefined } : h));
    // The readings of a component the paste shows at another time, or that a distribution's own log line ran bundled, are
    // named instead: not the version that logged the symptom, perhaps (logged-versions.ts). The paste's own host's, and
    // the row of the node that printed every symptom line (review 46b F4: a row read after the upgrade the node's
    // dpkg.log records).
    if (logEvidence.length) {
      const lines = symptomLines();
      const printers = new Set(lines.map(printerOf));
      const printer = printers.size === 1 ? [...printers][0] : null;
      const node = (h: HostVersions) => h.subject.startsWith("node ") && !!printer && sameMachine(h.subject.slice(5), printer);
      hosts = hosts.map((h) =>
        h.subject === single.subject || node(h) ? namedInstead(h, notAsLogged(lines, facts, h.components, printer ?? null)) : h,
      );
    }
    if (apiServer) hosts = [apiServerHost(apiServer)];
    const own = hosts.flatMap((h) => checksOf.version(record, h));
    // Versions named in passing count too, hedged; a release alone only judges a finding (its log shows the bug).
    const decided = decidedEcosystems(own);
    const named = hosts.flatMap((h) => checksOf.mentioned(record, h, decided));
    // A distribution's bug on hosts that all run another distribution: that alone decides.
    const elsewhere = hosts.flatMap((h) => checksOf.distro(record, h));
    // No nodes table, a uname of one machine and every symptom line another's (review 35b).
    const { away, apart } =
      !facts.nodes.length && logEvidence.length > 0 && !answeredElsewhere && !apiServer
        ? ownOutputApart(symptomLines(), printerOf, facts, ownMachine)
        : { away: null, apart: null };
    // One machine's log dates the program its own lines came from, where nothing gave its version (review 36e: a version
    // the paste gives, however hedged, is often the host's own, a package listing or `dockerd --version`): a paste that
    // gives no version at all is that one machine's too; lines another machine printed date nothing of this one.
    // A nodes table beside the journal of some of its nodes: the symptom is judged on the nodes that printed it.
    // A one-row table too (review 36d: a worker that fails to join is no row of `kubectl get nodes` on its control plane).
    const hitLines = facts.nodes.length > 0 && logEvidence.length ? symptomLines() : [];
    const shown = hitLines.length ? printedBy(hitLines, namesOf(), nodePrinter) : null;
    // In a fleet, the one node that printed every line (review 41b F5: Docker 29's refusal on web-2 dated nothing).
    const printer = shown?.length === 1 ? hosts.find((h) => h.subject === shown[0]?.subject) : undefined;
    const printedOn = away
      ? undefined
      : hosts.length === 1
        ? hosts[0]
        : (printer ?? (!hosts.length && !facts.nodes.length ? single : undefined));
    // The printing host's own checks (in a fleet, another node's version says nothing of this one's line).
    const onPrinter = (c: VersionEvidence) => printedOn !== undefined && (hosts.length < 2 || subjectOf(c, printedOn.subject));
    // A version only a client printed (`docker version`'s client part) is not the daemon's that logged
    // the line: what the line's own wording dates stands beside it (review 46a F5: a 24.0.7 client, refused by Docker
    // 29's own line, made that line's "affected" unknown).
    const byClient = (c: VersionEvidence) => printedOn !== undefined && clientOnly(printedOn, c.ecosystem.split(" ")[0] ?? "");
    const decidedHere = decidedEcosystems([...own, ...named].filter((c) => onPrinter(c) && !byClient(c)));
    const dated = printedOn && logEvidence.length ? printedFromChecks(record, printedOn, logEvidence, decidedHere, wholeMessage) : [];
    // What the lines date whatever versions were read, worked out once, where a version read stands beside them.
    let undatedRead: VersionEvidence[] | undefined;
    const linesDate = () =>
      (undatedRead ??= printedOn && logEvidence.length ? printedFromChecks(record, printedOn, logEvidence, new Set(), wholeMessage) : []);
    // Beside versions that all put the program in range too, none of them certain (a nodeInfo's kubeletVersion, named),
    // what the line dates stands: its certain answer is not lost to their hedged one (review 51d F3).
    const agreeing =
      !dated.length && decidedHere.size
        ? linesDate().filter((p) => {
            const same = [...own, ...named].filter((c) => onPrinter(c) && c.ecosystem === p.ecosystem);
            return p.result === "affected" && same.every((c) => c.result === "affected" && c.certain === false);
          })
        : [];
    const printed = [...dated, ...agreeing];
    // A reading ruling the bug out beside a line only versions in range print (Docker 29's refusal beside a `docker version`
    // of 28.5.2): they cannot both be the daemon that failed, so the reading rules nothing out, and the line, perhaps
    // another daemon's, decides nothing either: unknown, saying why (review 41b: `sudo docker compose` after an export,
    // whose sudo kept the variable, was "not affected").
    const overruled = own.some((c) => c.result === "not-affected" && onPrinter(c))
      ? linesDate().filter(
          (p) => p.result === "affected" && own.some((c) => c.ecosystem === p.ecosystem && c.result === "not-affected" && onPrinter(c)),
        )
      : [];
    // Likewise a reading at or past the release a message was printed before (the fix removed it: crun's "unknown version
    // specified" beside `crun --version` 1.23.1, another crun on PATH than the one run: review 51h F1).
    const before = logEvidence.length ? printedBeforeBounds(record, logEvidence, wholeMessage) : new Map<string, string>();
    const ruledOut = (c: VersionEvidence) =>
      c.result === "not-affected" && onPrinter(c) && (overruled.some((p) => p.ecosystem === c.ecosystem) || pastPrintedBound(c, before));
    const ownNow =
      overruled.length || before.size ? own.map((c) => (ruledOut(c) ? hedgeNamed(c, overruledByLine(c, before, overruled)) : c)) : own;
    if (printed.length && printedOn && !hosts.length) hosts = [printedOn];
    // With no table, the cluster's output (`kubectl get events` at a laptop) may be any node's: versions read at a named
    // machine's prompt judge it as versions that may not be the ones that failed (review 45a F11: "not affected, certain"
    // on the laptop's containerd). So do a bare shell's, where every line is one it fetched through the cluster (`kubectl
    // logs`, `describe`, `get events`): what that shell read (its uname, its `docker info`) is the machine kubectl ran on,
    // a workstation as often as a node (review 59d F1: a Fedora laptop's kernel judged kube-proxy's EKS log "affected",
    // certain); elsewhere a bare shell's are the paste's one machine's. What a line's own wording dates (printed) holds for
    // whichever machine printed it.
    const fetched = noTable && logEvidence.length > 0 && symptomLines().every(fetchedThroughCluster);
    const anyNode =
      !apiServer &&
      noTable &&
      (facts.readingsHosts !== null || facts.kernelPrompt !== null || fetched) &&
      logEvidence.length > 0 &&
      !away &&
      !apart &&
      !readAt &&
      symptomLines().every((l) => facts.commandHost(l) === "" && printerOf(l) === null);
    // The kernel too, where a machine's name places it (review 48c F5: cp-1's `uname -rv` judged a kube-proxy pod's log).
    // So is each machine read one by one, where no line is tied to one of them.
    // Not a component the cluster itself answered for (an add-on's image kubectl printed): every node runs that one.
    const onMachine = (c: VersionEvidence) =>
      (readHere(c) && !c.ecosystem.split(" ").some((word) => facts.clusterRead.has(word))) ||
      ((facts.kernelPrompt !== null || fetched) && c.subject.startsWith(SINGLE_HOST)) ||
      (hosts.length > 1 && !c.subject.startsWith(SINGLE_HOST));
    // A log of an earlier boot or a copied journal ran on that boot's kernel, not the one read now (review 48e F1).
    // Unless the kernel was read in that same log (a crash header's "Not tainted 6.8.10-…").
    const kernelLine = (bootKernel ?? facts.kernel)?.line;
    const pastBoot =
      logEvidence.length > 0 && symptomLines().every(facts.readPast) && !(kernelLine !== undefined && facts.readPast(kernelLine));
    // The kernel read in another boot's lines than the failure's: a banner before the journal's boot separator, or one an
    // earlier boot's journal printed, beside a failure logged after it (review 49c F1: the clean boot's 126 banner judged
    // the next boot's failure "not affected", certain). A failure logged in the banner's own boot too is that kernel's.
    const otherBoot =
      !pastBoot &&
      kernelLine !== undefined &&
      logEvidence.length > 0 &&
      symptomLines().every((l) => facts.bootsApart(kernelLine, l) || (facts.readPast(kernelLine) && !facts.readPast(l)));
    const bannerApart = !pastBoot && !otherBoot && boot?.apart === true;
    // Not lines of the running boot's own log (`journalctl -b`, `dmesg`): dated before the build, their clock was not set
    // yet (review 49c F2: a board without a clock battery starts at systemd's build date).
    const predates =
      !pastBoot &&
      !otherBoot &&
      !bannerApart &&
      !boot?.inBoot &&
      logEvidence.length > 0 &&
      symptomLines().every((l) => predatesKernel(l) && !facts.readNow(l));
    const via = pastBoot ? PAST_BOOT_VIA : otherBoot ? OTHER_BOOT_VIA : bannerApart ? BANNER_APART_VIA : BEFORE_BUILD_VIA;
    const hedged = (c: VersionEvidence) => {
      const why =
        anyNode && onMachine(c)
          ? ANY_NODE_VIA
          : (pastBoot || otherBoot || bannerApart || predates) && c.subject.startsWith(SINGLE_HOST)
            ? via
            : null;
      // A "not affected" already hedged for another reason (a distribution's kernel judged on its upstream release) still
      // rests on the kernel read now, where every symptom line is an earlier boot's: said, and beside the symptom no longer
      // "not affected" (review 51f F6: rotated logs' lockups judged on the Fedora kernel booted since). So does one read on a
      // machine that may not be the pod's node (review 59d F1: a Fedora laptop's 6.11.10, judged on its upstream release).
      const elsewhere = (pastBoot && why === via) || why === ANY_NODE_VIA;
      return why && (c.certain !== false || (elsewhere && c.result === "not-affected")) ? hedgeNamed(c, why) : c;
    };
    const booted = (c: VersionEvidence) =>
      bootKernel && c.subject.startsWith(SINGLE_HOST) ? { ...c, reason: `${c.reason} (${bootVia(bootKernel, facts.lineAt)})` } : c;
    const ownRead = (anyNode || pastBoot || otherBoot || bannerApart || predates ? ownNow.map(hedged) : ownNow).map(booted);
    const checks =
      elsewhere.length && elsewhere.length === hosts.length
        ? elsewhere
        : [
            ...ownRead,
            ...named,
            ...printed,
            ...(logEvidence.length ? hosts.flatMap((h) => checksOf.release(record, h, decided)).map(anyNode ? hedged : (c) => c) : []),
          ];
    const symptom = logEvidence.some((e) => e.approximate !== "similar" && e.weight >= SYMPTOM_WEIGHT);
    // A line other causes print too suggests no backport, however strong (review 69a F3).
    const decisive = logEvidence.some((e) => e.approximate !== "similar" && e.weight >= DECISIVE_WEIGHT && !e.alsoPrintedBy?.length);
    // What may overrule a version's unconfirmed end: the symptom the system printed, not one a sentence quotes (review 68g
    // F2: a Bottlerocket note's quoted runc error made runc 1.1.12 "affected"), nor a line other causes print too (review
    // 72b F3: Cilium's own regressions print the 4.19 verifier line, which made 4.19.300, past the last affected release
    // reported, "affected").
    const overrules =
      logEvidence.some((e) => e.approximate !== "similar" && e.weight >= SYMPTOM_WEIGHT && !e.alsoPrintedBy?.length) &&
      !logEvidence.every((e) => quotedInProse(e.text));
    // Whose lines they are matters only among alternatives (a handful of records): no pass over a flood's lines otherwise.
    const components = alternativeComponents(record).length > 1 ? symptomComponents(record, seen.sightings, logEvidence) : [];
    // Where every symptom line is read alternatives' own (dockerd's message, Docker's version read), another
    // alternative's undecided version (a newer runc's, its fix resting on one report) says nothing of a line it did not
    // print. Its version in range still counts: the host runs a component the record calls affected (review 26c).
    const judge = (checks: VersionEvidence[], hosts: HostVersions[]): Verdict => {
      const symptomOwn = symptomChecks(record, checks, components);
      const deciding =
        symptomOwn.length < checks.length && symptomOwn.length
          ? checks.filter((c) => symptomOwn.includes(c) || c.result !== "unknown")
          : checks;
      const verdict = undecidedHosts(
        record,
        confirmByShownCause(
          record,
          doubtBySymptom(
            record,
            confirmBySymptom(decideVerdict(record, deciding, hosts, checks), symptomOwn, overrules),
            checks,
            symptom,
            logEvidence.length > 0,
            hosts,
            components,
            decisive,
            causesLeft(record, context),
          ),
          symptom,
          context,
        ),
        hosts,
      );
      return undatedVerdict(record, undated, verdict);
    };
    // A record the log shows nothing of is worth a warning only with a version in range; otherwise its verdict (the plain
    // judge: no line places it on any machine) is worked out only when asked (a door's focus): most of the knowledge
    // base has no line in a paste, and judging each of them was a good part of every diagnosis's fixed cost.
    if (!logEvidence.length && !checks.some((c) => c.result === "affected")) {
      judged.set(record.id, () => judge(checks, hosts));
      continue;
    }
    // Which node printed the lines says nothing of the API server's answer (review 69i F2): its one host judges them.
    const placed = apiServer ? [] : hitLines;
    const unlisted = placed.length && !shown ? unlistedPrinters(placed, namesOf(), nodePrinter) : null;
    const either = placed.length && !shown && !unlisted ? sharedNamePrinters(placed, namesOf(), nodePrinter) : null;
    // A bare line under several nodes' bare unames stays the fleet's (a node in range printed it), unless a bare reading is
    // contradicted by every one of those nodes' rows: then it may be any of theirs, or none (review 44a F10).
    const bareNodes = placed.length && !shown && !unlisted && !either ? bareUnamePrinters(placed, namesOf(), nodePrinter, facts) : null;
    const bare = bareNodes ? clashingOn(checks, bareNodes) : null;
    // Every symptom line came through the cluster's API, naming no node (printerOf gives none): one of the table's nodes'.
    const viaCluster = placed.length > 0 && !shown && !unlisted && !either && !bare && placed.every((l) => facts.commandHost(l) === "");
    const offCluster = viaCluster ? ownOutputOffCluster(facts, namesOf()) : null;
    // The cluster's output beside a reading every node's row contradicts (one read at a bare prompt): the reading may be
    // a node's own, disputing its row, or another machine's; the lines any node's (review 45a F5: "affected, certain" on
    // the bare reading beside two rows past the fix).
    const clusterClash =
      viaCluster && !offCluster
        ? clashingOn(
            checks,
            hosts.filter((h) => h.subject.startsWith("node ")),
          )
        : null;
    const onHosts = away
      ? judgedOffOwnMachine(checks, hosts, away, ownMachine as OwnMachine, judge)
      : apart
        ? noted(
            judge(
              checks.filter((c) => !apart.drop(c)),
              hosts,
            ),
            apart.note,
          )
        : unlisted
          ? unlisted.listed.length
            ? alsoUnlisted(
                // The paste's own uname is one of the printers' when it names an unlisted one: its checks stay (review 33e).
                judgedWhereShown(
                  checks,
                  hosts,
                  unlisted.listed,
                  unameOfAny(facts.unameHost, unlisted.unlisted),
                  judge,
                  facts.readingsHosts,
                ),
                unlisted.unlisted,
              )
            : judgedOffTable(checks, hosts, unlisted.unlisted, facts.unameHost, judge, facts.readingsHosts)
          : shown && shown.length < hosts.length
            ? judgedWhereShown(checks, hosts, shown, facts.unameHost, judge, facts.readingsHosts)
            : either
              ? judgedOnEither(checks, hosts, either, facts.unameHost, judge, facts.readingsHosts)
              : bare
                ? judgedOnEither(checks, hosts, { shown: [], either: bare }, facts.unameHost, judge, facts.readingsHosts, BARE_UNAMES)
                : clusterClash
                  ? judgedOnEither(
                      checks,
                      hosts,
                      { shown: [], either: clusterClash },
                      facts.unameHost,
                      judge,
                      facts.readingsHosts,
                      ANY_NODE,
                    )
                  : offCluster
                    ? noted(
                        unplacedBesideOutOfRange(
                          judge(
                            checks.filter((c) => !offCluster.drop(c)),
                            hosts.filter((h) => !offCluster.dropHost(h)),
                          ),
                          checks.filter((c) => !offCluster.drop(c)),
                          hosts,
                        ),
                        offCluster.note,
                      )
                    : viaCluster
                      ? unplacedBesideOutOfRange(judge(checks, hosts), checks, hosts)
                      : judge(checks, hosts);
    const note = apiServer
      ? null
      : (readAt?.note ?? (printedKernel ? `the log's lines are ${kernelAt}'s, judged on the kernel read at its prompt` : null));
    const judgedNow = note ? noted(onHosts, note) : onHosts;
    // What the host runs now, where the paste changed it after the failure: said beside the verdict, which stays the
    // failing version's (review 69c F4).
    const now =
      logEvidence.length && !facts.nodes.length
        ? presentOf(
            record,
            checks,
            hosts.find((h) => h.subject === single.subject),
            bootKernel,
            symptomLines(),
            facts,
            checksOf.version,
          )
        : undefined;
    // Lines all logged before the bug existed are not this bug, whatever the versions read (review 72a F1).
    const predated = logEvidence.length ? loggedBeforeBug(recordStart(candidate).start, symptomLines(), dayOfLine, latestDay) : null;
    const verdict: Verdict = predated ?? (now ? { ...judgedNow, now } : judgedNow);
    if (!predated && now?.component === "kernel" && bootKernel) failureKernels.set(record.id, bootKernel);
    judged.set(record.id, verdict);
    if (logEvidence.length) {
      // Which nodes of the paste's nodes table printed its lines, where every line resolves to one (printedBy): the root
      // cause's relations hold only between findings one node shows (review 65c F2). Names as lines print them are not
      // compared: a heading's "node-6" and its journal's "ip-10-1-0-6" are one machine (review 65i F1).
      if (shown) {
        machinesPrinting.set(
          record.id,
          shown.map((h) => h.subject.replace(/^node /, "")),
        );
        standings.set(record.id, printerStanding(shown, checks, hosts, judge));
      }
      findings.push(
        buildFinding(
          record,
          seen,
          checks,
          verdict,
          contextOf(record, seen),
          given,
          messageOf,
          context.otherFault?.get(record.id),
          predated !== null,
          firstCommandFailure(record.breaksRunning, sightedLines(seen), facts, context.logs),
          record.unconfirmedSetups?.length ? shownUnconfirmedSetup(record, context) : null,
        ),
      );
    } else if (verdict.status === "affected" && showsContext(contextOf(record, NO_HITS))) {
      // Without a symptom only a regression is worth a warning: a kernel that lacks a feature (or
      // dropped one) matters only to a setup that uses it, and then the log shows it. Components that
      // must meet warn only when one host has them all in range (combinationChecks).
      const regression = record.together ? null : advisoryView(record);
      if (regression === record) advisories.push(buildAdvisory(record, checks, verdict));
      else if (regression) {
        const own = hosts.flatMap((h) => checksOf.version(regression, h));
        const ownVerdict = decideVerdict(regression, own, hosts);
        if (ownVerdict.status === "affected") advisories.push(buildAdvisory(record, own, ownVerdict));
      } else {
        const pair = combinationChecks(record, hosts);
        if (pair) advisories.push(buildAdvisory(record, pair, decideVerdict(record, pair, hosts)));
      }
    }
  }
  // A node's bugs are those this answer raised (a finding, or an advisory: a regression whose context the input shows), in
  // its range: not every record whose ranges hold its versions, requirements, removals and other setups' bugs among them
  // (review 65d F1: every Ubuntu 22.04 row listed AppArmor 4's runc bug and ten more, beside no advisory at all).
  // A regression in range of fewer than half the nodes still singles out its outliers (`findings`, "not its peers"):
  // listed too, where it is the difference (review 65i F2: the one row that explained an outlier's build went).
  const raised = new Set([...findings, ...advisories].map((f) => f.id));
  const recordsById = new Map(facts.nodes.length > 1 ? kb.records.map((r) => [r.id, r]) : []);
  const nodes: NodeReport[] =
    facts.nodes.length > 1
      ? compareNodes(
          // A record the API server's own answer judges is in no node's range (review 69i F2).
          kb.records.filter((r) => (raised.has(r.id) || advisoryView(r) !== null) && !(server !== undefined && apiServerRanged(r))),
          facts.nodes,
          nodeHosts,
          [],
          checksOf.version,
        ).map((n, i) => {
          // A Ready row whose kubelet started past the record's refusal at start is not in its range (review 70b F6).
          const started = (id: string) => startedPast(recordsById.get(id) as BugRecord, facts.nodes[i]);
          return {
            ...n,
            inRange: n.inRange.filter((id) => (raised.has(id) || n.findings.includes(id)) && !started(id)),
            findings: n.findings.filter((id) => !started(id)),
          };
        })
      : [];
  // Which node printed each finding's lines, named as the hosts form names a host's (placeOnNodes), and which nodes' kubelets
  // run below a removal (review 70b F6).
  const kubelets = facts.nodes.map((row, i) => ({ name: row.name, version: nodeHosts[i]?.components.kubernetes, row }));
  placeOnNodes(
    findings,
    nodes,
    machinesPrinting,
    standings,
    (id) => byRecord.get(id)?.sightings.flatMap((s) => [...s.lines]) ?? [],
    (line) => {
      const by = printedBy([line], namesOf(), nodePrinter);
      return by?.length === 1 ? (by[0]?.subject.replace(/^node /, "") ?? null) : null;
    },
    (id, named) => {
      const record = recordsById.get(id);
      return record ? machinesBelow(record, named, kubelets) : undefined;
    },
  );
  const related = relatedFindings(findings, kb.relations, machinesPrinting);
  for (const f of findings) {
    const r = related.get(f.id);
    if (r) f.related = r;
  }
  const allRanked = rankFindings(findings, kb.relations, allHosts.length <= 1, machinesPrinting);
  const ranked = allRanked.slice(0, limit);
  /**
   * A record's verdict with no line of it: "affected" undecided where the input does not show what the bug needs around
   * it. A version past the fix is not affected whatever the setup (review 49i: Docker 20.10.7 was "unknown" beside a
   * bug that needs ipv6.disable=1).
   */
  const lineless = (record: BugRecord): Verdict => {
    const found = judged.get(record.id);
    const verdict = typeof found === "function" ? found() : (found ?? unjudged(kb, record.id, allHosts));
    if (verdict.status !== "affected" || byRecord.has(record.id) || !record.context) return verdict;
    const shown = contextOf(record, NO_HITS);
    if (showsContext(shown)) return verdict;
    const missing =
      shown.kind === "refuted" ? `, and ${shown.refuted.shows} here (line ${shown.refuted.line})` : ", which the input does not show";
    return { status: "unknown", reason: `${verdict.reason}; but the bug needs ${record.context.requires}${missing}` };
  };
  const verdictOf: VerdictOf = (id) => {
    const record = kb.records.find((r) => r.id === id);
    return record?.affected.length ? withDecideStep(record, settledVerdict(record, lineless(record), allHosts)) : undefined;
  };
  const diagnosis: Diagnosis = {
    kb: { version: kb.version, records: kb.records.length },
    facts: { ...kernelsOf(facts, ranked, failureKernels), os: facts.os, iptables: facts.iptables, nodes: facts.nodes },
    findings: ranked,
    advisories: rankFindings(advisories).slice(0, limit),
    ...limitedBy(limit, allRanked.length, advisories.length),
    nodes,
    rootCause: explainRootCause(ranked, machinesPrinting, allHosts.length > 1),
    // Filled by the door (closestFor), which knows all the text it was sent.
    closest: [],
    ...(focus ? { focus: { id: focus, verdict: focusVerdict(kb, focus, lineless, allHosts) } } : {}),
  };
  const refutedOf: RefutedOf = (id) => {
    const record = kb.records.find((r) => r.id === id);
    return record?.context !== undefined && contextOf(record, byRecord.get(id) ?? NO_HITS).kind === "refuted";
  };
  return { diagnosis, verdictOf, refutedOf };
}

/**
 * A finding's verdict on the nodes whose lines the log shows (printedBy): the other nodes' checks are left out, and
 * one of them in range is named beside it, for its own log is not in the paste. Checks no node owns (the paste's own
 * output, a version the text names) stay.
 */
function judgedWhereShown(
  checks: readonly VersionEvidence[],
  hosts: readonly HostVersions[],
  shown: readonly HostVersions[],
  unameHost: string | null,
  judge: (checks: VersionEvidence[], hosts: HostVersions[]) => Verdict,
  readingsHosts: readonly string[] | null,
): Verdict {
  // The paste's own output (a uname, a kubelet --version) may be any node's, the one that printed the lines among them,
  // unless its uname names another machine (review 32c: worker-2's `uname -a` beside worker-1's journal).
  const own = new Set(shown.map((h) => h.subject));
  // Only its kernel, though: a command's output (`kubelet --version`) may come from the node that printed the lines.
  const elsewhere = ownHostElsewhere(unameHost, shown);
  // Its component versions, unless the prompt they were read at names another machine (review 42b F1: a laptop's
  // `containerd --version` of 1.6.3 made web-2's line "affected, certain" beside web-2's own row at 1.6.4).
  const readAway = readingsHosts?.every((r) => ownHostElsewhere(r, shown)) === true;
  const other = (subject: string) => !own.has(subject) && subject.startsWith("node ");
  const away = new Set([
    ...[...checksOfHosts(checks, hosts)].filter(([subject]) => other(subject)).flatMap(([, c]) => c),
    ...(elsewhere ? checks.filter((c) => c.subject.startsWith(`${SINGLE_HOST} (`)) : []),
    ...(readAway ? checks.filter(readHere) : []),
  ]);
  const verdict = judge(
    checks.filter((c) => !away.has(c)),
    hosts.filter((h) => !other(h.subject) && !(elsewhere && h.subject === SINGLE_HOST)),
  );
  // A few of them, and how many more (review 70b F5: 62 printers' names made a 2,600-character reason).
  const names = namesOfHosts(shown.map((h) => h.subject));
  // A version read where no prompt names the machine, beside the printing node's own of another answer, may be that
  // node's or another machine's, and the paste does not say (review 44a F1: a bare `$ containerd --version` of 1.6.3 made
  // web-2's line "affected, certain" beside web-2's row at 1.6.4): unknown, naming both.
  const clash = readAway
    ? undefined
    : disagreeing(
        checks.filter(readHere),
        checks.filter((c) => shown.some((h) => subjectOf(c, h.subject))),
      );
  if (clash)
    return {
      status: "unknown",
      reason: `the log's lines are ${names}'s, and the versions disagree: ${clash.map((c) => `${c.subject} ${c.value}: ${c.result.replace("-", " ")}`).join("; ")}; the paste does not say which machine the first was read on`,
    };
  // The versions read at another machine's prompt are said apart.
  const inRange = [...away].find((c) => c.result === "affected" && !readHere(c));
  const read = readAway && checks.some(readHere) ? `; ${readElsewhere(readingsHosts ?? [])}` : "";
  const said = `the log's lines are ${names}'s${read}`;
  if (verdict.status === "affected" || !inRange) return { ...verdict, reason: `${verdict.reason} (${said})` };
  return {
    ...verdict,
    // True whether that node printed quiet lines or none (review 66c F6: "no line of its log" beside its quiet lines).
    reason: `${verdict.reason}; ${said}, and ${inRange.subject} is in range, but no line of the paste shows this bug on it`,
  };
}

/**
 * A finding's verdict when its log lines are one of several nodes' that share the name they give (sharedNamePrinters):
 * judged on each as if it printed them; an answer they all give stands, hedged when any is; where they differ, unknown,
 * saying how each is judged (a short `ssh worker-1` beside worker-1.dc1, in range, and worker-1.dc2, past the fix, was
 * "high, affected" on dc1's row, whichever node printed it).
 */
function judgedOnEither(
  checks: readonly VersionEvidence[],
  hosts: readonly HostVersions[],
  printers: { shown: readonly HostVersions[]; either: readonly HostVersions[] },
  unameHost: string | null,
  judge: (checks: VersionEvidence[], hosts: HostVersions[]) => Verdict,
  readingsHosts: readonly string[] | null,
  why = "the name they give is each one's",
): Verdict {
  const { shown, either } = printers;
  // Each node the shared name may be, with the nodes the other lines name.
  const each = either.map((h) => ({
    host: h,
    verdict: judgedWhereShown(checks, hosts, shown.includes(h) ? shown : [...shown, h], unameHost, judge, readingsHosts),
  }));
  const names = namesOfHosts(
    either.map((h) => h.subject),
    NAMED_MACHINES,
    "or",
  );
  const [first] = each;
  if (first && each.every((e) => e.verdict.status === first.verdict.status && e.verdict.level === first.verdict.level))
    return {
      ...first.verdict,
      // Each candidate's reason names it as the lines' host: the first's is shown as such.
      reason: `the log's lines are ${names}'s (${why}), and judged as each one's, every one gives this answer; as ${first.host.subject}'s: ${first.verdict.reason}`,
      ...(each.some((e) => e.verdict.certain === false) ? { certain: false as const } : {}),
    };
  // Said by answer, each answer's machines bounded (review 70b F5: a table's every node was listed one by one).
  const byStatus = new Map<string, string[]>();
  for (const e of each) byStatus.set(e.verdict.status, [...(byStatus.get(e.verdict.status) ?? []), e.host.subject]);
  return {
    status: "unknown",
    reason: `the log's lines are ${names}'s (${why}), and the versions decide differently: ${[...byStatus]
      .map(([status, subjects]) => `${namesOfHosts(subjects)}: ${status}`)
      .join("; ")}`,
  };
}

/** Why a bare prompt's lines are either of several nodes' (bareUnamePrinters). */
const BARE_UNAMES = "the bare prompts printed each one's uname";
/** Why the cluster's output is any of its nodes'. */
const ANY_NODE = "they came through the cluster, from one of its nodes";

/** Why the kernel read now may not be the one that logged a past boot's lines (pastBoot). */
const PAST_BOOT_VIA =
  "the log's lines are an earlier boot's or a copied journal's, and the kernel read now may not be the one that logged them";

/**
 * The boot the symptom lines were logged in, as the crash they belong to names its kernel (an oops's header within its
 * trace's reach) or its banner ("Linux version …" before them in one output, no boot separator between) shows it, printed where they were and from the same file of a grep over several (review 50e F2: a later boot's
 * banner in kern.log.1 above an earlier boot's crash in kern.log.2.gz). `kernel`: the banner's, where it gives another than
 * the paste's kernel or more of it (a build where the paste read `uname -r`). `apart`: the paste's kernel was itself read
 * from a banner, of other lines than the failure's (another machine's journal, another file's, another boot's: review 50e
 * F1): no symptom line is in that banner's boot, and the banner is no running boot's (`dmesg`, `journalctl -b`: that one
 * is the running kernel, as a uname is). `inBoot`: the lines are in that boot, whose clock then dates nothing (review
 * 50b F5: a banner and its failure stamped before the kernel's build on a board without a clock).
 */
function failureBoot(
  facts: ExtractedFacts,
  lines: readonly number[],
  printerOf: (line: number) => string | null,
): { kernel: KernelFacts | null; apart: boolean; inBoot: boolean } {
  const text = (l: number) => facts.lineAt(l) ?? "";
  // Printed by the same machine (a journal's FQDN and its prompt's short name are one), and from the same file of a grep over
  // several.
  const samePrinter = (a: string | null, b: string | null) => a === b || (a !== null && b !== null && sameMachine(a, b));
  const sameSource = (l: number, k: number) => samePrinter(printerOf(l), printerOf(k)) && fileOfLine(text(l)) === fileOfLine(text(k));
  const booted = facts.bootKernel(lines);
  const banner = booted?.line;
  const own = banner !== undefined && lines.every((l) => sameSource(l, banner));
  const read = facts.kernel;
  if (own && booted) {
    const more = !read || read.named || read.release !== booted.release || (!read.build && booted.build !== null);
    return { kernel: more ? booted : null, apart: false, inBoot: true };
  }
  // The paste's kernel read from a banner or a crash's header in the log (not /proc/version's same words), and no symptom
  // line in that boot or report (review 50g F1: another node's WARN judged this node's crash).
  const at = read?.line;
  if (
    at === undefined ||
    !(isBootBanner(text(at)) || isCrashHeader(text(at))) ||
    facts.sections.some((s) => s.lines[0] <= at && at <= s.lines[1])
  )
    return { kernel: null, apart: false, inBoot: false };
  const inItsBoot = (l: number) => facts.bootKernel([l])?.line === at && sameSource(l, at);
  return { kernel: null, apart: !lines.some(inItsBoot) && !facts.readNow(at), inBoot: false };
}

/** Why a kernel read from another boot's banner than the failure's may not be the one that logged it (failureBoot). */
const BANNER_APART_VIA =
  "the kernel was read from a boot's \"Linux version\" line or a crash's header in other lines than the failure's (another machine's, file's, boot's or crash's)";

/** Where the kernel of the failure's own boot was read (failureBoot). */
const bootVia = (k: KernelFacts, lineAt: (line: number) => string | undefined) => {
  const text = lineAt(k.line ?? 0) ?? "";
  if (isBootBanner(text)) return `the kernel the failure's own boot ran, as its "Linux version" line ${k.line} shows`;
  if (isCrashHeader(text)) return `the kernel the crash itself names, on its header's line ${k.line}`;
  return `the kernel read on line ${k.line}, in the failure's own boot: a reboot at the prompt parts it from the paste's other kernel`;
};

/** Why a kernel read in another boot's lines may not be the one that logged the failure (otherBoot). */
const OTHER_BOOT_VIA = "the kernel was read in another boot's lines than the failure's, and the boot that failed may have run another";

/** Why the kernel read now did not log lines written before it was built (predates). */
const BEFORE_BUILD_VIA = "the log's lines were written days before the kernel read now was built: an earlier kernel logged them";

/** A machine read from its own uname, not a row of `kubectl get nodes` (which always has a status). */
const readOneByOne = (n: NodeRow) => n.status === "";

/** Why a version read at a named machine's prompt may not be the one that failed, with no table (anyNode). */
const ANY_NODE_VIA = "the log's lines came through the cluster, perhaps from another machine than the one the paste read";

/** `nodes`, when a reading of the paste's own contradicts every one of their rows (disagreeing); else null. */
function clashingOn(checks: readonly VersionEvidence[], nodes: readonly HostVersions[]): readonly HostVersions[] | null {
  const read = checks.filter(readHere);
  if (!read.length || !nodes.length) return null;
  return nodes.every((h) =>
    disagreeing(
      read,
      checks.filter((c) => subjectOf(c, h.subject)),
    ),
  )
    ? nodes
    : null;
}

/**
 * A finding's verdict when its log lines are some host's the nodes table does not list: no node's versions speak of
 * them (review 33c: a table without the failing node gave "not affected" for certain by the others' kernels). Only the
 * paste's own output judges, unless its uname names another machine.
 */
function judgedOffTable(
  checks: readonly VersionEvidence[],
  hosts: readonly HostVersions[],
  printers: readonly string[],
  unameHost: string | null,
  judge: (checks: VersionEvidence[], hosts: HostVersions[]) => Verdict,
  readingsHosts: readonly string[] | null,
): Verdict {
  const elsewhere = unameOfAny(unameHost, printers) !== null;
  // Nor do versions read at prompts naming other machines (review 45a F2: a laptop's containerd judged the events of a pod
  // on a worker the table does not list).
  const readAway = readingsHosts?.every((r) => !printers.some((p) => sameMachine(p, r))) === true;
  const kept = (subject: string) => !subject.startsWith("node ") && !(elsewhere && subject.startsWith(SINGLE_HOST));
  const own = checks.filter((c) => kept(c.subject) && !(readAway && readHere(c)));
  const names = namesOfHosts(printers);
  const inRange = checks.find((c) => c.subject.startsWith("node ") && c.result === "affected");
  const said = `the log's lines are ${names}'s, which ${TABLE_DOES_NOT_LIST}: its nodes' versions do not decide${inRange ? ` (${inRange.subject} is in range, but no line of the paste shows this bug on it)` : ""}`;
  // The table's nodes had versions the record ranges, and none of them is the host that printed the lines.
  if (!own.length && checks.length) return { status: "unknown", reason: `no version of ${names} is given; ${said}` };
  const verdict = judge(
    own,
    hosts.filter((h) => kept(h.subject)),
  );
  return { ...verdict, reason: `${verdict.reason} (${said})` };
}

/**
 * A finding's verdict when the paste has no nodes table and every one of its log lines names another machine than its
 * own (review 35b: the master's `uname -a` beside worker-2's kube-proxy journal ruled the MARK regression out for
 * certain; review 42b F2: web-1's `containerd --version` at its prompt, web-2's line at web-2's). The paste's own output
 * (the uname, a `docker version` beside it) is that machine's, so it judges nothing of the lines: unknown, naming both,
 * unless no version of the paste's own decided anything anyway.
 */
function judgedOffOwnMachine(
  checks: readonly VersionEvidence[],
  hosts: readonly HostVersions[],
  printers: readonly string[],
  ownMachine: OwnMachine,
  judge: (checks: VersionEvidence[], hosts: HostVersions[]) => Verdict,
): Verdict {
  const verdict = judge([...checks], [...hosts]);
  if (!checks.some((c) => c.subject.startsWith("your "))) return verdict;
  const names = namesOfHosts(printers);
  const name = namesOfHosts(ownMachine.names);
  const another = ownMachine.names.length > 1 ? "other machines" : "another machine";
  // What the paste's own versions give, as theirs: the answer for the lines' host too if it runs the same.
  const theirs = verdict.status === "unknown" ? "" : `; on ${name}'s versions: ${verdict.status.replace("-", " ")} — ${verdict.reason}`;
  return {
    status: "unknown",
    reason: `no version of ${names} is given: the log's lines are ${names}'s, and the paste's own output is ${name}'s (${ownMachine.by}), ${another}${theirs}`,
  };
}

/** What of the paste's own output judges nothing of a finding's lines (ownOutputApart). */
interface OwnOutputApart {
  /** Every line's machine, when all of them are another than every machine the paste's own output is: judgedOffOwnMachine. */
  away: string[] | null;
  /** The checks of the paste's own output to leave out, and why, when its uname and its readings are two machines'. */
  apart: { drop: (c: VersionEvidence) => boolean; note: string } | null;
}

/**
 * With no nodes table, which of the paste's own output is another machine's than the one that printed a finding's lines:
 * all of it (its uname's machine, else the prompts its versions were read at: review 35b, review 42b F2), or, when its
 * uname and its readings name two machines, the part whose machine did not print them: each judges only its own
 * machine's lines (review 44a F5: a laptop's containerd decided the line a bare prompt printed under web-1's uname).
 */
function ownOutputApart(
  lines: readonly number[],
  printerOf: (line: number) => string | null,
  facts: Pick<ExtractedFacts, "unameHost" | "readingsHosts">,
  ownMachine: OwnMachine | null,
): OwnOutputApart {
  const { unameHost, readingsHosts } = facts;
  const ownAway = ownMachine ? printersElsewhere(lines, printerOf, ownMachine.names) : null;
  if (!unameHost || !readingsHosts?.some((r) => !sameMachine(r, unameHost))) return { away: ownAway, apart: null };
  const readAway = printersElsewhere(lines, printerOf, readingsHosts);
  if (ownAway && readAway) return { away: ownAway, apart: null };
  if (ownAway)
    return {
      away: null,
      apart: {
        drop: (c) => c.subject.startsWith(`${SINGLE_HOST} (`),
        note: `the paste's uname is ${unameHost}'s, another machine: its kernel not judged`,
      },
    };
  if (readAway) return { away: null, apart: { drop: readHere, note: readElsewhere(readingsHosts) } };
  return { away: null, apart: null };
}

/**
 * Beside a nodes table, when every line of a finding came through the cluster's API (`kubectl get events`, `describe`,
 * `logs`: printerOf names no machine for them), the lines are one of its nodes': the paste's own output read at a machine
 * no row names (a laptop's `containerd --version` at its prompt, its uname) judges nothing of them (review 44a F4: the
 * laptop's containerd 1.6.3 made the events' line "high, affected, certain" beside the one node's row at 1.6.4). A reading
 * at a bare prompt may be a node's: it stays. Null when nothing of the paste's own output is off the table.
 */
function ownOutputOffCluster(
  facts: Pick<ExtractedFacts, "unameHost" | "readingsHosts">,
  names: NodeNames,
): { drop: (c: VersionEvidence) => boolean; dropHost: (h: HostVersions) => boolean; note: string } | null {
  const offTable = (machine: string) => !names.lists(machine);
  const readAway = facts.readingsHosts?.every(offTable) === true;
  const unameAway = facts.unameHost !== null && offTable(facts.unameHost);
  if (!readAway && !unameAway) return null;
  const machines = [
    ...new Set([...(readAway ? (facts.readingsHosts ?? []) : []), ...(unameAway && facts.unameHost ? [facts.unameHost] : [])]),
  ];
  return {
    drop: (c) => (readAway && readHere(c)) || (unameAway && c.subject.startsWith(`${SINGLE_HOST} (`)),
    dropHost: (h) => unameAway && h.subject === SINGLE_HOST,
    note: `the log's lines came through the cluster, from one of its nodes; the paste's own output is ${namesOfHosts(machines)}'s, which ${TABLE_DOES_NOT_LIST}: not judged`,
  };
}

/**
 * The readings of the one machine whose prompt printed every one of `lines` (printerOf), when its prompts read versions
 * apart from the paste's others (ExtractedFacts.readingsAt: several machines' prompts with no table, or a machine no row
 * names beside several nodes) and they agree; else null.
 */
type PrinterFacts = Pick<ExtractedFacts, "readHere" | "inContainerCommand" | "overSsh" | "commandHost" | "clusterNode" | "containerOutput">;

/**
 * The one machine a command that reads its logs printed every line on (journalctl, `crictl logs`, `docker run`, through
 * ssh), or the cluster's output names (a pod's `Node:`); else null. A line pasted under a version reading's output is no
 * output of it, and may be any machine's (review 45a F10). Not what a container's shell printed: a container that names
 * no machine may be a node of its own (a kind node no row lists), whose versions are not its host's (review 45a F8).
 */
function shownPrinter(lines: readonly number[], printerOf: (line: number) => string | null, facts: PrinterFacts): string | null {
  const shows = (l: number) =>
    !facts.containerOutput.has(l) &&
    (facts.readHere(l) ||
      facts.inContainerCommand(l) ||
      facts.overSsh(l) ||
      (facts.commandHost(l) === "" && facts.clusterNode(l) !== null));
  if (!lines.every(shows)) return null;
  const [first, ...rest] = lines.map(printerOf);
  return first && rest.every((p) => p && sameMachine(p, first)) ? first : null;
}

function readingsOfPrinter(
  lines: readonly number[],
  printerOf: (line: number) => string | null,
  facts: Pick<ExtractedFacts, "readingsAt" | "readingsHosts"> & PrinterFacts & HostComponents,
): { read: HostComponents; note: string } | null {
  const first = shownPrinter(lines, printerOf, facts);
  if (!first) return null;
  const read = facts.readingsAt(first);
  // Its readings are the paste's own ones already: nothing to say apart.
  if (!read || (!facts.disputed.length && sameReadings(read, facts))) return null;
  const others = (facts.readingsHosts ?? []).filter((h) => !sameMachine(h, first));
  // Beside a table, the verdict already says whose the lines are.
  const note = others.length
    ? `the log's lines are ${first}'s, judged on the versions read at its prompt; those read at ${namesOfHosts(others)}'s are another machine's`
    : `judged on the versions read at ${first}'s prompt`;
  return { read, note };
}

/** Whether two sets of readings give the same versions. */
const sameReadings = (a: HostComponents, b: HostComponents): boolean =>
  a.kubelet === b.kubelet &&
  a.runtime === b.runtime &&
  Object.keys(a.components).length === Object.keys(b.components).length &&
  Object.entries(a.components).every(([ecosystem, version]) => b.components[ecosystem] === version);

/** A check of a component the paste's own output read ("your containerd"), not of its kernel or OS. */
const readHere = (c: VersionEvidence) => c.subject.startsWith("your ") && !c.subject.startsWith(SINGLE_HOST);
/** Why the versions read at other machines' prompts judge nothing here. */
const readElsewhere = (machines: readonly string[]) =>
  `the versions the paste read are ${namesOfHosts(machines)}'s, ${machines.length > 1 ? "other machines" : "another machine"}: not judged`;

/** A certain check of `read` and a certain one of `shown` on the same component that answer differently, or undefined. */
function disagreeing(read: readonly VersionEvidence[], shown: readonly VersionEvidence[]): [VersionEvidence, VersionEvidence] | undefined {
  for (const c of read) {
    if (c.result === "unknown" || !c.certain) continue;
    // A node's version it may have reported before an upgrade (NotReady) is no certain witness against it.
    const other = shown.find((t) => t.ecosystem === c.ecosystem && t.certain && t.result !== "unknown" && t.result !== c.result);
    if (other) return [c, other];
  }
  return undefined;
}

/** A verdict with a note on what it left out, in brackets after its reason. */
const noted = (verdict: Verdict, note: string): Verdict => ({ ...verdict, reason: `${verdict.reason} (${note})` });

/** The machines the paste's own output is, and what says so. */
interface OwnMachine {
  names: readonly string[];
  by: string;
}

/** A verdict on the listed nodes that printed the lines, naming the hosts that printed them too and the table does not list. */
function alsoUnlisted(verdict: Verdict, unlisted: readonly string[]): Verdict {
  const hedged = verdict.status === "not-affected" ? { certain: false as const } : {};
  const them = unlisted.length > 1 ? "them" : "it";
  return {
    ...verdict,
    ...hedged,
    reason: `${verdict.reason}; ${namesOfHosts(unlisted)} printed them too, and ${TABLE_DOES_NOT_LIST} ${them}: not judged`,
  };
}

/** The uname's host name when it is one of `printers`, else null (then no uname is kept out as another machine's). */
const unameOfAny = (unameHost: string | null, printers: readonly string[]) =>
  unameHost !== null && printers.some((p) => sameMachine(p, unameHost)) ? null : unameHost;

/**
 * What a verdict says of machines no row of the nodes table names; a chat answer whose cut left out rows of the table says
 * it of the rows read (answer.ts: review 70b F8), and finds the words by this one definition.
 */
export const TABLE_DOES_NOT_LIST = "the nodes table does not list";
/** The door's check against one record: its verdict as judged (a finding's), else as a record with no line of it. */
function focusVerdict(kb: CompiledKb, id: string, lineless: (record: BugRecord) => Verdict, hosts: readonly HostVersions[]): Verdict {
  const record = kb.records.find((r) => r.id === id);
  return record ? withDecideStep(record, lineless(record)) : unjudged(kb, id, hosts);
}

/**
 * A closest record's verdict as far as the versions settle it, else `unknown`. Its report only resembles the bug, so a
 * "not affected" resting on a version that may not be the one that failed (one a sentence names: perhaps a laptop's)
 * decides nothing, as beside a line resembling the bug (doubtBySymptom); and a bug whose components must meet is
 * "affected" only where one host has them all in range, as for an advisory (combinationChecks).
 */
function settledVerdict(record: BugRecord, verdict: Verdict, hosts: readonly HostVersions[]): Verdict {
  const unsettled =
    (verdict.status === "not-affected" && verdict.certain === false) ||
    (verdict.status === "affected" && record.together !== undefined && !combinationChecks(record, hosts));
  return unsettled ? { status: "unknown", reason: verdict.reason } : verdict;
}

/** A record the loop never judged: no line of it and no version data it could read. */
function unjudged(kb: CompiledKb, id: string, hosts: readonly HostVersions[]): Verdict {
  const record = kb.records.find((r) => r.id === id);
  if (!record?.affected.length) return { status: "unknown", reason: "this record has no version data: only its symptom identifies it" };
  return { status: "unknown", reason: hosts.length ? missingDataReason(record, [...hosts]) : "no version was given" };
}

/**
 * Whether the input shows what the record needs around its log line (see context.ts): a line of one
 * of its `shownBy` signatures, or an evidence pattern outside the lines it matched. A finding can be
 * high only then (shown outside the matched lines, it is also a second witness); a version alone (no
 * log evidence) warns of such a record only then, since an old engine on a host without the context
 * (AppArmor 4's runc profile) is not affected.
 */
function recordContextShown(
  kb: CompiledKb,
  record: BugRecord,
  context: ContextInput,
  seen: RecordHits,
  onTheirMachine: (lines: readonly number[]) => (line: number) => boolean,
): ContextShown {
  const patterns = kb.contexts.get(record.id);
  if (!patterns) return { kind: "not-needed" };
  const matched = matchedLines(seen);
  const elsewhere = () => contextShown(patterns, context, matched);
  const shownBy = record.context?.shownBy ?? [];
  // The matched line shows the context by itself: whether another line shows it too only matters for
  // the witness count, and the search is asked only then (it reads the lines holding its literals). Only an exact match
  // shows it: a reworded one reads the signature's words, not the numbers that name the setup (review 71a F2: kubelet's
  // one-line `-o vers=3 … Output: mount.nfs: Protocol not supported` was the NFSv4.1 signature's `-o vers=4.1` by tokens).
  if (seen.sightings.some((s) => !s.approximate && shownBy.includes(s.signature))) return { kind: "by-its-line", elsewhere };
  if (elsewhere()) return { kind: "elsewhere" };
  // Only where nothing shows the context is a line showing it absent read (review 70d F7): beside kube-proxy asked for
  // IPVS mode, its "Using iptables Proxier" is the fallback the IPVS bug causes, not another setup.
  const refuted = contextRefuted(patterns, context, onTheirMachine([...matched]));
  return refuted ? { kind: "refuted", refuted } : { kind: "no" };
}

/**
 * Whether the input shows a record's context: it needs none, its matched line shows it by itself (and
 * perhaps another line too, asked on demand), another line or field shows it, nothing does, or nothing does and a line
 * shows it absent (its `refutedBy`).
 */
type ContextShown =
  | { kind: "not-needed" | "elsewhere" | "no" }
  | { kind: "by-its-line"; elsewhere: () => boolean }
  | { kind: "refuted"; refuted: ContextRefuted };

/** Whether a record's context is shown (or needs no showing). */
const showsContext = (c: ContextShown) => c.kind !== "no" && c.kind !== "refuted";

/** The record as an advisory sees it: its regression ranges only; null when it has none. */
function advisoryView(record: BugRecord): BugRecord | null {
  const regressions = record.affected.filter((a) => a.kind === "regression");
  if (regressions.length === record.affected.length) return record;
  return regressions.length ? { ...record, affected: regressions } : null;
}

function buildFinding(
  record: BugRecord,
  seen: RecordHits,
  checks: VersionEvidence[],
  verdict: Finding["verdict"],
  context: ContextShown,
  given: GivenVersions,
  messageOf: (line: number) => number,
  otherFaultLine?: number,
  predated = false,
  firstRun: FirstCommandFailure | null = null,
  unconfirmed: UnconfirmedSetup | null = null,
): Finding {
  const logEvidence = seen.evidence;
  const inContext = showsContext(context);
  const weights = independentWeights(seen.sightings, messageOf);
  // The verdict's own certainty: a reading in range that is certain (Bottlerocket's os-release) decides it, whatever
  // another agreeing one hedges (the kernel judged on its upstream version). Requiring every agreeing reading to be
  // certain made a second, hedged confirmation lower the score (review 58d's Bottlerocket 1.27.1 paste fell to low
  // when the record gained upstream ranges).
  const certain = verdict.certain !== false;
  const level = verdict.level ?? "verified";
  const approximateOnly = logEvidence.every((e) => e.approximate);
  // A resemblance is no symptom: where the only version read is out of range (hedged, so the verdict says unknown beside
  // it), it weighs as that "not affected" does (review 51c F2: a setup line like another bug's, Docker 20.10.6 beside a
  // 28.0.0-only record, came first at medium).
  const resembles = resemblesOnly(logEvidence);
  const outOfRange = checks.some((c) => c.result === "not-affected") && !checks.some((c) => c.result === "affected");
  const status = resembles && verdict.status === "unknown" && outOfRange ? "not-affected" : verdict.status;
  const scored = scoreFinding(weights, status, record.affected.length > 0, certain, level, approximateOnly);
  // Out of its context, a record's finding stays below high; one that only resembles a line, with nothing of what the
  // record needs shown either, is a lead (low): two weak facts (review 63c: a dockerd modprobe warning in a build
  // container resembled kube-proxy's IPVS modules record at medium, with no sign of IPVS mode).
  // A line showing the context absent makes any finding that needs it a lead (review 70d F7: the IPVS modules record at
  // medium beside kube-proxy's own "Using iptables Proxier.").
  const refuted = context.kind === "refuted" ? context.refuted : null;
  const inContextScore = inContext ? scored.score : Math.min(scored.score, resembles || refuted ? LOW_CAP : APPROXIMATE_CAP);
  // Nor does a strong line other causes print too place the host (review 69a F3).
  const unplaced = record.distributionOnly === true && !given.distribution && !logEvidence.some(identifiesAlone);
  // Lines that only document the message (a changelog's fix, a symptoms table's row): a lead to read, no sighting.
  const documented = logEvidence.length > 0 && logEvidence.every((e) => inDocumentation(e.text));
  // Lines logged before the bug existed (loggedBeforeBug) are a lead at most: another cause printed the same words then.
  // So is a symptom a fresh container's first command printed, of a bug that breaks running ones only (first-command.ts).
  const score = unplaced || documented || predated || firstRun ? Math.min(inContextScore, LOW_CAP) : inContextScore;
  const leansOnReported = verdict.status !== "unknown" && level === "reported";
  // A witness only matters to a finding that could be high. A report where the record's own signature shows its words
  // to be another fault's (the IPv4 tool failing with the IPv6 bug's message) has that fault to explain the same words
  // elsewhere too: nothing vouches for this bug then.
  const otherFault = otherFaultLine !== undefined && score >= HIGH_SCORE;
  const corroborated = score >= HIGH_SCORE && !otherFault && secondWitness(record, seen, checks, verdict, context, messageOf);
  // A setup the record's symptom was not confirmed in, shown by the paste: one step lower (high to medium, medium to low).
  const stepped = unconfirmed ? Math.min(score, score >= HIGH_SCORE && corroborated ? APPROXIMATE_CAP : LOW_CAP) : score;
  // Why the answer is weaker than it looks, most telling first: the verdict's data, then what keeps it below high.
  const caveats = [
    ...(leansOnReported ? [REPORTED_CAVEAT] : []),
    ...(unplaced && inContextScore > LOW_CAP ? [unplacedCaveat(record)] : []),
    ...(documented && inContextScore > LOW_CAP ? [DOCUMENTED_CAVEAT] : []),
    ...(firstRun && record.breaksRunning ? [firstCommandCaveat(record.breaksRunning, firstRun)] : []),
    ...(!inContext && record.context
      ? [refuted ? refutedCaveat(record.context.requires, refuted) : contextCaveat(record.context.requires)]
      : []),
    ...(unconfirmed ? [unconfirmedSetupCaveat(unconfirmed)] : []),
    ...(otherFault ? [otherFaultCaveat(otherFaultLine)] : []),
    ...(inContext && !corroborated && !otherFault && score >= HIGH_SCORE
      ? [toldOnly(seen, checks) ? TOLD_CAVEAT : oneWitnessCaveat(record, given)]
      : []),
  ];
  // In range, but the log's symptom does not place the bug: said so in place of "affected" (review 71a F2, F4). Undecided
  // beside a line that shows the setup absent, no version reading can make it the cause: the reason says so, and no step
  // asks for one (review 73a F3: an NFSv3 mount beside the NFSv4.1 record was told to run `uname -r`).
  const symptom =
    (refuted && verdict.status !== "not-affected") || (firstRun && verdict.status === "affected")
      ? "refuted"
      : verdict.status === "affected" && sharedOnly(logEvidence)
        ? "not-specific"
        : undefined;
  // Likewise a failure at a fresh container's first command, for a bug that breaks containers that worked (review 73i F9:
  // the verdict said "no version of runc was given" beside a step saying the paste rules it out).
  const judged =
    refuted && record.context && verdict.status === "unknown"
      ? { ...verdict, reason: ruledOutReason(record.context.requires, refuted) }
      : firstRun && record.breaksRunning && verdict.status === "unknown"
        ? { ...verdict, reason: firstCommandReason(record.breaksRunning, firstRun) }
        : verdict;
  const finding = common(
    record,
    stepped,
    symptom ? { ...judged, symptom } : judged,
    [...logEvidence.sort((a, b) => a.line - b.line), ...checks],
    scored.components,
    caveats,
    corroborated,
  );
  // No version decides a symptom the bug does not print: the step says so in place of a version command.
  const decided =
    firstRun && finding.verdict.decideWith
      ? { ...finding, verdict: { ...finding.verdict, decideWith: { step: firstCommandStep(firstRun) } } }
      : finding;
  const matched = sightedLines(seen).size;
  return matched > shownLogLines(logEvidence) ? { ...decided, matchedLines: matched } : decided;
}

/**
 * Whether something besides one log line vouches for the finding (see confidenceOf): a second
 * signature seen on a line of its own, a version the record's ranges place in the affected range, or
 * the record's context shown outside the matched lines. A version the log's own symptom made
 * "affected" (confirmBySymptom) is that line again, and a resemblance is no witness.
 */
function secondWitness(
  record: BugRecord,
  seen: RecordHits,
  checks: readonly VersionEvidence[],
  verdict: Finding["verdict"],
  context: ContextShown,
  messageOf: (line: number) => number,
): boolean {
  // A bug whose components must meet is not witnessed by one component's versions while another's say
  // otherwise or do not decide, nor while another's was not given (it contradicts nothing, but confirms nothing either:
  // a CentOS 7 kernel and runc's line with no Docker version stay below high).
  const versionsMeet = !componentsDisagree(record, checks) && !componentsUnread(record, checks);
  // A range end that rests on one report witnesses nothing on its own: one report's build, or every build after it where
  // nothing ends the range (review 64h F3: a 2025 kernel past one 2022 report's first failing build read as high). A
  // version a sentence names, beside messages that sentences only quote, is one person's account twice, not the system's
  // (review 66g F5: a runbook's quotes and its fleet's release were high, "affected").
  const affectedChecks = checks.filter((c) => c.result === "affected");
  if (verdict.status === "affected" && verdict.level !== "reported" && versionsMeet && affectedChecks.length && !toldOnly(seen, checks))
    return true;
  // A distribution's own bug is told from the same failure elsewhere by its distribution, not by its setup: a rootless
  // tool's other line beside its refusal is no second witness that the host runs RHEL 7 (review 72a F2 sweep: Talos'
  // zeroed user.max_user_namespaces, podman's "rootless containers" warning beside its refusal, went high).
  const setupWitnesses = record.distributionOnly !== true;
  if (setupWitnesses && context.kind === "elsewhere") return true;
  if (
    independentWeights(
      seen.sightings.filter((s) => s.approximate !== "similar"),
      messageOf,
    ).length >= 2
  )
    return true;
  return setupWitnesses && context.kind === "by-its-line" && context.elsewhere();
}

/**
 * Messages only quoted in sentences: a person's account that the message was printed, or would be. A version the host
 * printed places it in range but does not show the message happened (review 68g F1: a runbook's "If the kubelet log says
 * …", under the host's own `kubelet --version`, was high, affected, the root cause).
 */
const toldOnly = (seen: RecordHits, checks: readonly VersionEvidence[]) =>
  seen.evidence.length > 0 &&
  seen.evidence.every((e) => quotedInProse(e.text)) &&
  // Backticks alone may be a tool's own words among prose-like ones: there only a version no output printed keeps it so.
  (seen.evidence.every((e) => saidInProse(e.text)) || checks.every((c) => c.result !== "affected" || !c.certain));
const TOLD_CAVEAT =
  "Not confirmed: the input quotes this bug's message inside a sentence (as a runbook, a question or a guide does); nothing the system printed shows it. The finding stays below high until the host's own log shows the message.";

const DOCUMENTED_CAVEAT =
  "Not confirmed: every line of it is documentation (a changelog's fix, a row of a table of symptoms): it names this bug's message, it does not show a system printed it.";

const REPORTED_CAVEAT = "The version range behind this verdict rests on a single report (evidence: reported).";

/**
 * A distribution's own bug (`distributionOnly`) on a host nothing places in a distribution rests on its line, and a line
 * short of decisive is printed by other platforms' setups too (unshare's EINVAL on WSL1 or on a kernel built without user
 * namespaces, review 61e F2): the finding stays low until the host's os-release, its kernel's own package or a sentence
 * names its distribution.
 */
const unplacedCaveat = (record: BugRecord) =>
  `Held at low: this bug lives only in ${[...new Set(record.affected.map((a) => a.ecosystem))].join(", ")} builds, and nothing in the input says which distribution the host runs (paste /etc/os-release or uname -a); other systems print this message for other reasons.`;

const otherFaultCaveat = (line: number) =>
  `Not confirmed: line ${line} prints this bug's words in a form its sources show to be another fault, which may explain the same words elsewhere in this log too; the finding stays below high.`;

/** What the input already gave: a caveat does not ask for it again. */
interface GivenVersions {
  kernel: boolean;
  /** Component ecosystems some host's output or text named a version of. */
  components: ReadonlySet<string>;
  /** Whether some host's distribution is known: its os-release or OS image, its kernel's own package, or a sentence. */
  distribution: boolean;
}

const givenVersions = (hosts: readonly HostVersions[], distributionNamed = false): GivenVersions => ({
  kernel: hosts.some((h) => h.kernel !== null),
  components: new Set(hosts.flatMap((h) => [...Object.keys(h.components), ...Object.keys(h.mentioned ?? {})])),
  distribution: distributionNamed || hosts.some((h) => hostDistribution(h) !== null || !!h.release || !!h.namedRelease),
});

function oneWitnessCaveat(record: BugRecord, given: GivenVersions): string {
  // What would show a version the record's ranges decide, and is not in the input yet: the kernel's
  // uname -r, a component's own version (a kernel given but outside the record's data would not help).
  // An image OS's release (Talos', ranged beside a kernel bug's upstream ranges: review 70a F2) is no second fact for a
  // host whose distribution is known to be another.
  const components = record.affected.filter(
    (a) =>
      a.ecosystem !== "linux" &&
      a.ecosystem !== "arch" &&
      !isKernelPackage(a.package) &&
      !given.components.has(a.ecosystem) &&
      !(given.distribution && IMAGE_OS.has(a.ecosystem)),
  );
  const sources = [
    ...new Set([
      ...(hasKernelData(record) && !given.kernel ? ["uname -r"] : []),
      ...components.map((a) => `${a.ecosystem.includes(":") ? a.package : a.ecosystem} version`),
    ]),
  ];
  const version = sources.length ? `a version in the affected range (${sources.join(", ")}), or ` : "";
  return `Not confirmed: the only evidence is one message, which other causes can print too. The finding stays below high until a second fact agrees: ${version}another of this bug's symptoms.`;
}

/**
 * How an advisory's reason opens: no line matched the record's signatures. Not "no symptom in the log": the log may show
 * it in another tool's words (review 63b F2: a Go program's `fork/exec …: invalid argument` was the only line).
 */
export const ADVISORY_OPENING = "no line of the log matches this bug's signatures, but";

function buildAdvisory(record: BugRecord, checks: VersionEvidence[], verdict: Finding["verdict"]): Finding {
  const affected = checks.filter((c) => c.result === "affected");
  const level = verdict.level ?? "reported";
  const { score, components } = scoreAdvisory(
    affected.every((c) => c.certain),
    level,
  );
  const advisoryVerdict = { ...verdict, reason: `${ADVISORY_OPENING} ${verdict.reason}` };
  return {
    ...common(record, score, advisoryVerdict, checks, components, level === "reported" ? [REPORTED_CAVEAT] : []),
    confidence: "low",
  };
}

function common(
  record: BugRecord,
  score: number,
  verdict: Finding["verdict"],
  evidence: Finding["evidence"],
  scoreComponents: Finding["scoreComponents"],
  caveats: readonly string[],
  corroborated = true,
): Finding {
  const unverified = [...caveats, ...record.unverified];
  return {
    id: record.id,
    title: record.title,
    score,
    confidence: confidenceOf(score, corroborated),
    verdict: withDecideStep(record, verdict, evidence),
    evidence,
    scoreComponents,
    fix: record.fix,
    reboot: record.reboot,
    workarounds: [...record.workarounds],
    references: record.references.map((r) => r.url),
    unverified,
  };
}

/** What the caller's limit left out, as the answer says it (Diagnosis.limited): nothing when it left nothing out. */
export function limitedBy(limit: number, findings: number, advisories: number): { limited?: { findings: number; advisories: number } } {
  const left = { findings: Math.max(0, findings - limit), advisories: Math.max(0, advisories - limit) };
  return left.findings || left.advisories ? { limited: left } : {};
}
