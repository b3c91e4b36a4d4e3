import type { IptablesFacts, KernelFacts, NodeRow, OsFacts } from "./types";
import type { EvidenceLevel } from "./versions";

export type VerdictStatus = "affected" | "not-affected" | "unknown";
export type Confidence = "high" | "medium" | "low";

export interface LogEvidence {
  kind: "log";
  /** 1-based, in the text the user sent (the `logs` field for JSON, the whole body for text/plain). */
  line: number;
  text: string;
  signature: string;
  weight: number;
  /**
   * On a long line: where in `text` (0-based, UTF-16) the signature's fixed words start, so that a door showing
   * part of the line shows the words that decided, not only the line's start.
   */
  matchAt?: number;
  /** For a line inside a klog `err=<` block: the block's first line. */
  blockStart?: number;
  /** Set when the recall tier (token signature or lexical similarity) found it, not an exact signature. */
  approximate?: "tokens" | "similar";
  /**
   * In the hosts form: the host whose bundle holds the line (line numbers count lines of that bundle). In a paste of
   * several nodes: the node that printed the line, where the paste shows which (node-findings.ts).
   */
  host?: string;
  /**
   * Other causes the record names for this line (its signature's `alsoPrintedBy`), in words: the line is this bug's
   * symptom, but it does not alone identify it (review 69a F3).
   */
  alsoPrintedBy?: string[];
}

export interface VersionEvidence {
  kind: "version";
  /** What was checked, e.g. "kernel package ubuntu:22.04 linux" or "upstream kernel" or "node worker-2". */
  subject: string;
  value: string;
  ecosystem: string;
  range: string;
  result: VerdictStatus;
  reason: string;
  certain: boolean;
  /**
   * How well the deciding range end(s) are established: verified (a primary source), corroborated
   * (two or more independent reports with exact versions) or reported (one report).
   */
  level: EvidenceLevel;
  /** Kept for older clients: true when `level` is "reported" (the deciding end rests on one report). */
  unverified: boolean;
  /**
   * Set on an unknown result that the ranges would have answered "not-affected" through an end that
   * rests on a single report: the data leans one way but does not decide.
   */
  hedgedFrom?: "not-affected";
  /**
   * Set when not-affected holds only unless a backport the record does not list brought the change: a
   * distribution's build predating the bug's first release (a Debian or Ubuntu kernel's series; a distribution's
   * package of a component, as RHEL's docker 1.13.1), a distribution's or vendor's kernel on a branch the
   * record's curator found without the change, or a kernel on a stable branch older than or between those the
   * record covers. The bug's own symptom in the log makes the verdict unknown instead.
   */
  unlessBackported?: true;
  /**
   * Set when no single range decided the result: no range of the record lies on the version's own release line,
   * and the answer rests on the record's ranges together (every line the bug reached is listed). Beside the bug's
   * symptom a "not affected" that rests on one report then stays unknown, never "affected": the symptom places
   * the version in no range.
   */
  noDecidingRange?: true;
  /**
   * Set beside `hedgedFrom` when the end resting on one report is the range's first affected version and the version is
   * before it: that report is the earliest seen failing, which says nothing of older versions, so the bug's symptom
   * leaves the verdict unknown rather than making it affected.
   */
  beforeStart?: true;
  /**
   * Set beside `hedgedFrom` when the version is past the end resting on one report by a whole release branch or more
   * (runc 1.1.4 past a fix reported in 1.0.0-rc91; a kernel series begun after a mainline fix): the symptom does not
   * stretch that report's end so far, so the verdict stays unknown rather than affected (review 68g F2).
   */
  pastBranch?: true;
  /**
   * Set on a not-affected read from a version the report only names (a sentence, a typed answer, another
   * machine's heading) or a NotReady node last reported, not the host's own current output: any sign of the bug in the log (a line of it, or one
   * resembling it) makes the verdict unknown instead, since the version that failed may be another.
   */
  namedOnly?: true;
  /**
   * Set on the not-affected of a Linux-only bug for a Windows node: the bug's own symptom in the log shows a
   * Linux host the nodes given do not, and makes the verdict unknown instead.
   */
  onlyLinux?: true;
  /**
   * Set when the version read is another component's (the kubelet's for the API server's or kube-proxy's): it
   * can say "affected", hedged, never "not affected"; an undecided one leaves the answer to a version of the
   * component itself named in the text.
   */
  otherComponent?: true;
  source?: string;
}

export type Evidence = LogEvidence | VersionEvidence;

export interface Verdict {
  status: VerdictStatus;
  reason: string;
  /** The evidence level the affected / not-affected answer rests on; absent when unknown. */
  level?: EvidenceLevel;
  /**
   * False when the answer rests on a reading that is not certain: a version the report names rather than
   * the host's own output, a package listing, a kernel build whose upload is unknown. `level` says how well
   * the range end is established; this, whether the version read is the one that failed. Absent when certain.
   */
  certain?: false;
  /**
   * What the host runs now, where the paste changes what the verdict judged after the failure (a reboot at the prompt
   * into another kernel, an upgrade whose component's own output is read after it): the verdict stays the failing
   * version's (README, 56b), and this says the present state beside it (review 69c F4). Absent otherwise.
   */
  now?: PresentState;
  /**
   * Beside an "affected" answer, where the log's symptom does not place the bug although the versions are in its range
   * (and "refuted" beside an "unknown" one too, whose reason then says the paste rules the bug out: review 73a F3):
   * "not-specific" where every line matched is one other causes print too (shared-only.ts, review 71a F4), "refuted" where
   * a line shows the setup the bug needs absent (the record's `context.refutedBy`: an NFSv3 mount beside the NFSv4.1
   * record, review 71a F2) or the symptom is a fresh container's first output, of a bug that breaks running containers only
   * (the record's `breaksRunning`, first-command.ts: review 73a F1). Every door then says "in range, …" in place of "affected". Absent otherwise.
   */
  symptom?: "not-specific" | "refuted";
  /**
   * On an unknown or hedged verdict of a record with version data: the one command that would decide it, and the step in
   * words every door shows after the reason (review 70d F6; decide-with.ts). Absent on a decided verdict.
   */
  decideWith?: DecideWith;
}

/** The next step an undecided or hedged verdict ends with (review 70d F6). */
export interface DecideWith {
  /**
   * The command, as typed: "crun --version", "uname -a". Absent where no command the host can run decides it (flannel built
   * into k3s, for a record with no k3s data): `step` then says what would.
   */
  command?: string;
  /**
   * The step in words, the command in backticks: "run `uname -a` on the host that printed the log's lines", or, where the
   * paste already read that version, what the reading lacks first.
   */
  step: string;
}

/**
 * The version the host's own output read after the paste changed it, judged against the same record (review 69c F4). Only
 * output the host printed after the change counts, never a version a sentence names.
 */
export interface PresentState {
  /** What changed: "kernel", or the component's ecosystem ("containerd"). */
  component: string;
  /** The version read after the change, as printed ("5.15.0-130-generic", "1.6.4"). */
  version: string;
  /** The line that printed it, where one did (a kernel's uname). */
  line?: number;
  /**
   * That version against the record's ranges: "not-affected" (at or after the fix, or before the bug, as `reason` says),
   * "affected" (still in the range) or "unknown".
   */
  status: VerdictStatus;
  /** True where the version is at or after the fix of the range the failing version was in. */
  fixed: boolean;
  /** False where that answer rests on a reading that is not certain (a distribution's kernel judged upstream). */
  certain?: false;
  /** In words, as every door says it: "the host now runs 5.15.0-130-generic (…), the first fixed build". */
  reason: string;
  /** The number of the fix's step the paste shows done (its upgrade), where the version is fixed. */
  fixStep?: number;
}

export interface ScoreComponents {
  /** Noisy-OR of the weights of the distinct signatures that matched, in [0, 1]. */
  signals: number;
  /** Multiplier from the version verdict. */
  version: number;
  /** Multiplier for leaning on unverified facts (1 when none). */
  verification: number;
  matchedSignatures: number;
}

/**
 * How another finding of the same answer relates to this one, from either record's `relations`:
 * masks / masked-by, explains / explained-by, prerequisite-of / requires, confused-with.
 */
export interface RelatedFinding {
  id: string;
  kind: "masks" | "masked-by" | "explains" | "explained-by" | "prerequisite-of" | "requires" | "confused-with";
  note: string;
}

export interface Finding {
  id: string;
  title: string;
  score: number;
  confidence: Confidence;
  verdict: Verdict;
  evidence: Evidence[];
  scoreComponents: ScoreComponents;
  fix: string;
  reboot: string;
  workarounds: string[];
  references: string[];
  /** Unverified facts of the record that this answer used or that the record carries. */
  unverified: string[];
  /** Other findings of this answer that the records relate to this one (absent when none). */
  related?: RelatedFinding[];
  /**
   * The hosts this finding hits: in the hosts form its log lines' hosts, or for an advisory its version range's; in a
   * paste of several nodes, the nodes that printed its lines, where every line resolves to one.
   */
  hosts?: string[];
  /** Beside `hosts`: other hosts (or nodes) whose own versions are in the bug's range although no line of theirs shows it. */
  quietHosts?: string[];
  /**
   * Beside `hosts`, for a kubelet removal (a flag or behaviour a kubelet release removed): the other machines whose kubelet
   * runs a release before it. Upgraded to it or later, they hit this bug if set up as the machines it is shown on, which
   * alone the paste shows with the removed setup (review 70b F6: they were named nowhere).
   */
  belowRemoval?: BelowRemoval;
  /**
   * Of `hosts`: those whose own versions rule the bug out although their lines show its symptom, where the finding is not
   * ruled out as a whole: another cause there (review 66c F4, 68c F1, F2).
   */
  ruledOutOn?: string[];
  /**
   * Of `hosts`: those whose own versions do not decide the bug beside its symptom (an Ubuntu ABI without its upload, a
   * version ruled out only hedged), where the finding as a whole is decided: neither hit nor ruled out (review 70b F3, F4).
   */
  undecidedOn?: string[];
  /**
   * How many lines of the input (of all hosts, in the hosts form) its signatures matched, when `evidence` shows fewer:
   * it shows a flood's pattern (five lines per signature, twenty across hosts), and this says how big the flood was.
   */
  matchedLines?: number;
}

/** The machines of a fleet still below the kubelet release that removed what a finding's machines refuse. */
export interface BelowRemoval {
  /** The kubelet release that removed it ("1.27.0"). */
  release: string;
  hosts: string[];
}

/** Which finding most likely caused the trouble, and why; the others are named with their relation. */
export interface RootCause {
  id: string;
  reason: string;
  /** Other findings that are separate, lesser problems, consequences or look-alikes, each with why. */
  others: Array<{ id: string; reason: string }>;
}

export interface NodeReport {
  name: string;
  kernel: string | null;
  osImage: string | null;
  runtime: string | null;
  version: string | null;
  /** "1.8.7 (nf_tables)": only hosts (the hosts form) report it; a kubectl table does not show it. */
  iptables?: string | null;
  line: number;
  outlier: boolean;
  /** Which attributes differ from the majority of nodes. */
  differs: Array<"kernel" | "osImage" | "runtime" | "version" | "iptables">;
  /** Known bugs this answer raised (a finding or an advisory) whose affected ranges include this node. */
  inRange: string[];
  /** Known bugs that hit this node and not the majority of its peers. */
  findings: string[];
  /** Known bugs whose signatures matched lines this node printed (its own bundle's, in the hosts form). */
  matched: string[];
}

export interface Diagnosis {
  kb: { version: string; records: number };
  facts: {
    /**
     * The host's kernel. Where a reboot at the prompt parts the paste's boots and its unames give two kernels, the one it
     * runs now, after the last reboot (review 69c F4), and `failureKernel` the one the failure's own boot ran.
     */
    kernel: KernelFacts | null;
    /** Beside a running `kernel` a reboot parted from the failure: the kernel of the failure's own boot, which its verdict judges. */
    failureKernel?: KernelFacts;
    os: OsFacts | null;
    iptables: IptablesFacts | null;
    nodes: NodeRow[];
  };
  findings: Finding[];
  advisories: Finding[];
  nodes: NodeReport[];
  /** The likely root cause among the findings; null when no finding is at least medium and not ruled out. */
  rootCause: RootCause | null;
  /** Only in the hosts form: each host compared with its peers, like `nodes`. */
  hosts?: NodeReport[];
  /**
   * When no finding matched a report that describes a failure: the records whose descriptions share
   * the most distinctive words with it, closest first. A search result to check, not a diagnosis.
   */
  closest: ClosestRecord[];
  /**
   * Only when a door asked about one record (the lookup page's check against a bug): its verdict on the
   * input's versions, also when it is neither a finding nor an advisory.
   */
  focus?: { id: string; verdict: Verdict };
  /** What the paste itself lost that the answer needed, and how to send it whole (lines a terminal cut); absent when none. */
  notes?: string[];
  /** How many findings and advisories matched beyond the caller's `limit` and were left out; absent when none were. */
  limited?: { findings: number; advisories: number };
}

/** A record close to a report by its description's words alone (no signature matched). */
export interface ClosestRecord {
  id: string;
  title: string;
  /** The report's words the record's description holds, rarest first. */
  sharedWords: string[];
  /**
   * The record's verdict on the input's versions, as a finding of it would have (no symptom matched, so none of the
   * symptom's confirmation): affected or not affected, only where the versions decide it.
   */
  verdict?: Verdict;
}
