import { RE2JS } from "re2js";
import { charBoundary } from "./char-boundary";
import type { Diagnosis, Finding, LogEvidence, NodeReport, RootCause, Verdict, VersionEvidence } from "./diagnosis";
import { resemblesOnly as onlyResembles } from "./resembles-only";
import { sharedOnly } from "./shared-only";
import type { KernelFacts } from "./types";

/** How every door marks a kernel read from a person's sentence or a tool's path (KernelFacts.named, .via). */
export const namedKernelNote = (k: { via?: string }) =>
  k.via ? `read from ${k.via}, which may name another kernel than the running one` : "named in a sentence, not the kernel's own output";

/**
 * How every door words the kernel facts beside a running kernel a reboot at the prompt parted from the failure's
 * (Diagnosis.facts.failureKernel: review 69c F4); null where there is none.
 */
export const failureKernelNote = (facts: Pick<Diagnosis["facts"], "failureKernel">): string | null => {
  const k = facts.failureKernel;
  if (!k) return null;
  return `running now, after a reboot; the failure's own boot ran ${k.release}${k.line !== undefined ? ` (line ${k.line})` : ""}, which the verdicts judge`;
};

/** Versions any one of which may be the one ("6.1.106-1 or 6.1.106-2"; "a, b, or c"). */
export const anyOf = (versions: readonly string[]) => new Intl.ListFormat("en", { type: "disjunction" }).format(versions);

/**
 * How every door words the package a kernel was read as: a distribution release's ("ubuntu:22.04 package linux
 * 5.15.0-127.137 (exact)"), a distribution's whose release is not known (Debian testing's, judged on the
 * upstream version it names), or a mainline build's packaged for a distribution (judged on its upstream
 * version, hedged); null when the kernel was read as no package (vendor builds say so in their verdicts).
 */
export const kernelPackageNote = (k: Pick<KernelFacts, "package" | "upstream" | "upstreamCertainty" | "distro">): string | null => {
  const p = k.package;
  if (!p) return null;
  const pkg = `package ${p.names[0] ?? ""} ${p.version}`;
  if (p.ecosystem && !p.version && p.uploads?.length)
    return `${p.ecosystem} package ${p.names[0] ?? ""} ${anyOf(p.uploads)} (the uploads built under this ABI name)`;
  // Several releases' packages, as the verdicts judge each (review 72c F5: the header named one release, the verdict none).
  if (p.ecosystem && p.alternatives?.length) {
    const each = [{ ecosystem: p.ecosystem, names: p.names }, ...p.alternatives].map((c) => `${c.ecosystem} package ${c.names[0] ?? ""}`);
    return `${each.join(" or ")} ${p.version} (${p.certainty}; the release is not known)`;
  }
  if (p.ecosystem && p.releaseNamed) return `${p.ecosystem} ${pkg} (${p.certainty}; its release named in the text, not read from the host)`;
  if (p.ecosystem) return `${p.ecosystem} ${pkg} (${p.certainty})`;
  const hedge = k.upstreamCertainty === "exact" ? "" : ", hedged";
  if (!k.upstream) return `${k.distro ?? "a"} ${pkg} (${p.certainty}; its release is not known)`;
  if (k.distro === "vendor" || k.distro === "elrepo")
    return `a mainline build packaged for a distribution: judged as upstream ${k.upstream}${hedge}`;
  return `${k.distro ?? "a"} ${pkg}, its release not known: judged as upstream ${k.upstream}${hedge}`;
};

const STATUS_WORDS: Readonly<Record<string, string>> = { affected: "affected", "not-affected": "not affected", unknown: "unknown" };
const LEVEL_WORDS: Readonly<Record<string, string>> = { verified: "verified", corroborated: "corroborated", reported: "reported once" };
const SYMPTOM_WORDS: Readonly<Record<string, string>> = { "not-specific": "symptom not specific", refuted: "setup refuted" };

/**
 * How every door words a verdict: its status and the level the answer rests on ("affected (reported once)"). A word a
 * newer server sends and this build does not know (the CLI reads other servers' answers) is shown as sent.
 */
export const verdictLabel = (v: Pick<Verdict, "status" | "level" | "certain" | "symptom">) => {
  const level = v.level ? ` (${levelWords(v)})` : "";
  // In range, but the symptom does not place the bug: a plain "affected" read as "you have it" (review 71a F2, F4).
  const symptom = v.status !== "not-affected" && v.symptom ? wordFor(SYMPTOM_WORDS, v.symptom) : undefined;
  if (symptom && v.status === "unknown") return `unknown, ${symptom}`;
  return symptom ? `in range${level}, ${symptom}` : `${wordFor(STATUS_WORDS, v.status)}${level}`;
};

/**
 * A verdict's level and hedge as two things: how strong the range's source is, and whether the version read is the one that
 * failed ("range verified; the version read may not be the failing one"). Review 70d F6: "verified, not certain" read as
 * self-contradictory.
 */
export const levelWords = (v: Pick<Verdict, "level" | "certain">) =>
  v.certain === false
    ? `range ${wordFor(LEVEL_WORDS, v.level ?? "reported")}; ${HEDGE_WORDS}`
    : wordFor(LEVEL_WORDS, v.level ?? "reported");
const HEDGE_WORDS = "the version read may not be the failing one";

/**
 * A verdict's reason, and where the verdict is unknown or hedged, the one step that would decide it (Verdict.decideWith,
 * review 70d F6): what every door says after the verdict's label.
 */
export const verdictWhy = (v: Pick<Verdict, "reason" | "decideWith">) =>
  v.decideWith ? `${v.reason}. To decide: ${v.decideWith.step}` : v.reason;

/** A word's own entry only: "constructor" is no status, whatever Object.prototype holds. */
const wordFor = (words: Readonly<Record<string, string>>, key: string): string =>
  Object.hasOwn(words, key) ? (words[key] as string) : key;

/** How every door words a closest record's verdict on the input's versions (no symptom matched it). */
export const closestVersionsNote = (v: Pick<Verdict, "status" | "level" | "certain" | "reason" | "decideWith">) =>
  `your versions: ${verdictLabel(v)}${v.reason ? `: ${verdictWhy(v)}` : ""}`;

/**
 * How every headline counts findings that match only lines other causes print too (FindingSummary.sharedOnly), after the
 * count of those that match: "1 record matches only a line other causes print too" (review 71a F4: "1 known bug matches
 * the log" on such a line alone).
 */
export const sharedOnlySaid = (n: number, more: boolean) =>
  `${n.toLocaleString("en-US")} ${more ? "more " : n === 1 ? "record " : "records "}${n === 1 ? "matches" : "match"} only a line other causes print too`;
/** The headline's opening where no finding matched a line of its bug's own, but one matched a line other causes print too. */
export const NO_SPECIFIC_MATCH = "No line specific to a known bug matched";

/** How every door words a line the engine only found to resemble a record (no signature matched it). */
export const RESEMBLES_NOTE = "resembles this bug's wording; no signature matched it";
/**
 * How every door words a line a token signature matched: its words in order, not its exact text, so a number or word the
 * signature does not read may differ (review 70d F1: the doors showed such a line as an exact match).
 */
export const REWORDED_NOTE = "reworded: matches the signature's words, not its exact text";
/** The note a door gives a line by how it matched (see LogEvidence.approximate); none for an exact match. */
export const approximateNote = (approximate: LogEvidence["approximate"]): string | null =>
  approximate === "similar" ? RESEMBLES_NOTE : approximate === "tokens" ? REWORDED_NOTE : null;

/** The heading over the one line a door shows, saying how many lines matched where more did (review 61a F4: a flood). */
export const evidenceHeading = (e: Pick<LogEvidence, "line" | "approximate">, matchedLines = 1) => {
  const how = approximateNote(e.approximate);
  const notes = [...(how ? [how] : []), ...(matchedLines > 1 ? [`one of ${matchedLines.toLocaleString("en-US")} matching lines`] : [])];
  const head = e.approximate === "similar" ? `Line ${e.line}` : `Evidence, line ${e.line}`;
  return notes.length ? `${head} (${notes.join(", ")})` : head;
};

/**
 * A log line, trimmed and shortened to `max` characters for a door that shows it in little room (the text
 * report, a chat message): its start when the matched words (matchAt) show there, else a window around them,
 * "…" where text was left out. A line the answer already cut around its match ("…" at both ends) shows its middle.
 */
export function evidenceExcerpt(e: Pick<LogEvidence, "text" | "matchAt">, max: number): string {
  const text = e.text.trim();
  if (text.length <= max) return text;
  const at = e.matchAt === undefined ? undefined : e.matchAt - (e.text.length - e.text.trimStart().length);
  // Cuts never split a character: a start inside a surrogate pair moves past it, an end before it.
  const part = (from: number, to: number) => {
    const start = charBoundary(text, from) === from ? from : from + 1;
    return text.slice(start, charBoundary(text, to));
  };
  const lead = Math.floor(max / 4);
  if (at === undefined && text.startsWith("…") && text.endsWith("…")) {
    const from = Math.floor((text.length - (max - 2)) / 2);
    return `…${part(from, from + max - 2)}…`;
  }
  if (at === undefined || at + lead < max - 1) return `${part(0, max - 1)}…`;
  const from = Math.max(1, at - lead);
  if (from + max - 1 >= text.length) return `…${part(text.length - (max - 1), text.length)}`;
  return `…${part(from, from + max - 2)}…`;
}

/**
 * What every door shows first, in this order: findings by rank, each with its verdict and reason,
 * the first evidence line, the first fix steps and its doubts. The text report, the HTML page and the
 * chat apps all render this one projection, so a change in ranking or wording shows everywhere at once.
 */
/**
 * A finding that is a lead, not a match (see resembles-only.ts), told from its summary: its key line is its best (an exact
 * match over a reworded one over a resemblance), so it resembles only where every line does.
 */
export const resemblesOnly = (f: Pick<FindingSummary, "keyEvidence">): boolean => onlyResembles(f.keyEvidence ? [f.keyEvidence] : []);

export interface FindingSummary {
  rank: number;
  id: string;
  title: string;
  confidence: Finding["confidence"];
  score: number;
  verdict: Finding["verdict"];
  /**
   * The log line that best shows the bug, when the finding came from the log: an exact signature's over a
   * reworded or resembling one, then the strongest signature's, then the first such line.
   */
  keyEvidence: LogEvidence | null;
  /** The version check that decided the verdict, when there was one. */
  versionEvidence: VersionEvidence | null;
  /**
   * The fix's first whole steps (each step's lines joined by "\n", blank lines dropped): what a tired operator
   * does first. Always every step up to and including the first one that acts (not "Confirm"/"Check"), then
   * more while they fit the room asked for; never a step cut in two.
   */
  fixSteps: string[];
  /** Steps of the fix left out of fixSteps (the record page has them). */
  moreFixSteps: number;
  reboot: string;
  unverified: string[];
  reference: string | null;
  /** "root cause" for the likely root cause, else how this finding stands next to it (lesser problem, look-alike, ...). */
  rootCauseNote: string | null;
  /** Every matching line once, in line order, with the signatures that saw it and where they matched. */
  evidenceLines: EvidenceLine[];
  /** How many log lines matched, the ones past the evidence cap (Finding.matchedLines) counted too. */
  matchedLines: number;
  /** Every version check, the deciding one first. */
  versionChecks: VersionEvidence[];
  /** Where the finding stands in a fleet, one line each (placementLines); empty for one machine. */
  placement: string[];
  /** The other causes the record names for the lines shown (their `alsoPrintedBy`), as one line; empty when none. */
  shared: string[];
  /** Every line matched is one other causes print too (shared-only.ts): every headline counts the finding apart (review 71a F4). */
  sharedOnly?: true;
  /** What the host runs now, where the paste changed it since the failure (Verdict.now), as one line; empty when not. */
  present: string[];
  workarounds: string[];
  references: string[];
}

export interface EvidenceLine {
  line: number;
  text: string;
  signatures: string[];
  blockStart?: number;
  /** [start, end) offsets in `text` of what the signatures matched; empty when they matched a normalised view only. */
  highlights: Array<[number, number]>;
  /** No signature matched the line: it only resembles the record's wording (see RESEMBLES_NOTE). */
  resembles?: true;
  /** Only token signatures matched the line: its words, not its exact text (see REWORDED_NOTE). */
  reworded?: true;
}

export interface DiagnosisSummary {
  kb: Diagnosis["kb"];
  facts: Diagnosis["facts"];
  /** The likely root cause and why, when one finding stands out. */
  rootCause: RootCause | null;
  findings: FindingSummary[];
  advisories: FindingSummary[];
  /** Nodes (or hosts) that differ from their peers. */
  outliers: NodeReport[];
  /** Every node compared, in input order (empty unless several nodes were given). */
  nodes: NodeReport[];
  /** With no finding: the records closest to the report by description, a search result (see Diagnosis.closest). */
  closest: Diagnosis["closest"];
  /** The verdict on the one record a door asked about (see Diagnosis.focus). */
  focus?: Diagnosis["focus"];
  /** What the served answer left out beyond its caps (nodes, evidence), in words, for every door to say. */
  leftOut: string[];
  /** What the paste itself lost and how to send it whole (see Diagnosis.notes), for every door to say. */
  notes: string[];
}

/** What a signature looks for, so a door can show where it matched; doors pass the compiled KB's signatures. */
export interface SignatureSpec {
  kind: "literal" | "regex";
  pattern: string;
  caseSensitive: boolean;
}
export type SignatureLookup = (recordId: string, signatureId: string) => SignatureSpec | undefined;

/**
 * Characters of fix a short answer (the chat apps) shows, counted over whole steps: one Discord field. The steps up
 * to the first that acts are shown even past it (xt-mark-ipv6-typo-2024's first two take 1,180 characters).
 */
export const FIX_ROOM = 1024;

const EXACTNESS = { exact: 2, tokens: 1, similar: 0 } as const;
/** Whether log line `a` shows the bug better than `b` (see FindingSummary.keyEvidence). */
const stronger = (a: LogEvidence, b: LogEvidence) =>
  (EXACTNESS[a.approximate ?? "exact"] - EXACTNESS[b.approximate ?? "exact"] || a.weight - b.weight || b.line - a.line) > 0;

export function summarizeFinding(
  f: Finding,
  rank: number,
  fixRoom = FIX_ROOM,
  rootCause: RootCause | null = null,
  lookup?: SignatureLookup,
): FindingSummary {
  const logs = f.evidence.filter((e): e is LogEvidence => e.kind === "log");
  const keyEvidence = logs.reduce<LogEvidence | null>((best, e) => (!best || stronger(e, best) ? e : best), null);
  const versions = f.evidence.filter((e): e is VersionEvidence => e.kind === "version");
  const versionEvidence = versions.find((e) => e.result === f.verdict.status) ?? versions[0] ?? null;
  return {
    rank,
    id: f.id,
    title: f.title,
    confidence: f.confidence,
    score: f.score,
    verdict: f.verdict,
    keyEvidence,
    versionEvidence,
    ...firstSteps(fixShowingDone(f.fix, f.verdict), fixRoom),
    reboot: f.reboot,
    unverified: f.unverified,
    reference: f.references[0] ?? null,
    rootCauseNote: rootCauseNote(f, rootCause),
    evidenceLines: evidenceLines(f.id, logs, lookup),
    matchedLines: f.matchedLines ?? new Set(logs.map((e) => e.line)).size,
    versionChecks: versionEvidence ? [versionEvidence, ...versions.filter((v) => v !== versionEvidence)] : [],
    placement: placementLines(f),
    shared: sharedLines(logs),
    ...(sharedOnly(logs) ? { sharedOnly: true as const } : {}),
    present: presentLines(f.verdict),
    workarounds: f.workarounds,
    references: f.references,
  };
}

export function summarizeDiagnosis(
  d: Diagnosis & { truncated?: ReadonlyArray<{ note: string }> },
  fixRoom = FIX_ROOM,
  lookup?: SignatureLookup,
): DiagnosisSummary {
  return {
    kb: d.kb,
    facts: d.facts,
    rootCause: d.rootCause ?? null,
    findings: d.findings.map((f, i) => summarizeFinding(f, i + 1, fixRoom, d.rootCause ?? null, lookup)),
    advisories: d.advisories.map((f, i) => summarizeFinding(f, i + 1, fixRoom, null, lookup)),
    outliers: [...d.nodes, ...(d.hosts ?? [])].filter((n) => n.outlier),
    nodes: d.nodes,
    closest: d.closest,
    ...(d.focus ? { focus: d.focus } : {}),
    leftOut: (d.truncated ?? []).map((t) => t.note),
    notes: d.notes ?? [],
  };
}

/**
 * What else prints the lines shown, as the record names it: said in every door beside the verdict, since a strong line so
 * shared is this bug's symptom but not alone its proof (review 69i F4, 69c F6: only the JSON carried it).
 */
function sharedLines(logs: readonly LogEvidence[]): string[] {
  const causes = [...new Set(logs.flatMap((e) => e.alsoPrintedBy ?? []))];
  return causes.length ? [`Other causes print the matched line too: ${causes.join("; ")}.`] : [];
}

/**
 * What the host runs now beside a verdict on the version that failed, as every door says it right by the verdict (review
 * 69c F4: the answer judged the failing 5.15.0-127 and never said the host already ran the fixed 5.15.0-130).
 */
const presentLines = (v: Pick<Verdict, "now">): string[] => (v.now ? [`Since the failure: ${v.now.reason}.`] : []);

/** How a fix step the paste shows done starts, after its number. */
const DONE_NOTE = "(The paste shows this done:";

/**
 * The fix as written, with the step the paste shows done (Verdict.now.fixStep: the upgrade to a fixed version, read
 * after it) marked so after its number, not repeated as advice (review 69c F4). Every door shows the fix through this.
 */
export function fixShowingDone(fix: string, v: Pick<Verdict, "now">): string {
  const now = v.now;
  if (now?.fixStep === undefined) return fix;
  const runs = now.component === "kernel" ? now.version : `${now.component} ${now.version}`;
  return fix.replace(new RegExp(`^(${now.fixStep}[.)]\\s+)`, "m"), (head) => `${head}${DONE_NOTE} the host now runs ${runs}.) `);
}

/** How many machines a placement line names before it counts the rest: a chat line, not a table. */
const NAMES_SHOWN = 8;

const namesList = (names: readonly string[]) =>
  names.length <= NAMES_SHOWN ? names.join(", ") : `${names.slice(0, NAMES_SHOWN).join(", ")} and ${names.length - NAMES_SHOWN} more`;

/**
 * Where a finding stands among several machines (the hosts form, or a paste of several nodes), as every door says it:
 * the machines whose lines show it, the others in its range with no symptom shown yet (the next to fail: review 68e F1),
 * those still below the kubelet release that removed what they refuse (review 70b F6), and those whose own versions rule
 * it out although their lines show its symptom (review 68c F1, F2).
 */
export function placementLines(
  f: Pick<Finding, "hosts" | "quietHosts" | "belowRemoval" | "ruledOutOn" | "undecidedOn" | "evidence">,
): string[] {
  const out: string[] = [];
  const ruledOut = f.ruledOutOn ?? [];
  const undecided = f.undecidedOn ?? [];
  const shown = (f.hosts ?? []).filter((h) => !ruledOut.includes(h) && !undecided.includes(h));
  if (shown.length) out.push(`shown on: ${namesList(shown)}`);
  if (f.quietHosts?.length) {
    // A machine judged on part of its version (an Ubuntu ABI without its upload) is in range "not certain", as its check says.
    const hedged = (m: string) =>
      f.evidence.some(
        (e) =>
          e.kind === "version" &&
          (e.subject.startsWith(`host ${m} `) || e.subject.startsWith(`node ${m} `)) &&
          e.result === "affected" &&
          e.certain === false,
      );
    out.push(`also in range, no symptom shown for them yet: ${namesList(f.quietHosts.map((m) => (hedged(m) ? `${m} (not certain)` : m)))}`);
  }
  // Below a kubelet removal: the paste shows the removed setup only on the machines it is shown on (review 70b F6).
  if (f.belowRemoval) {
    const setUp = (f.hosts ?? []).filter((h) => !ruledOut.includes(h));
    const as = setUp.length === 1 ? setUp[0] : "those it is shown on";
    out.push(`still below kubelet ${f.belowRemoval.release} (hit when upgraded, if set up as ${as}): ${namesList(f.belowRemoval.hosts)}`);
  }
  // Neither hit nor ruled out: what its version check asks for decides it (review 70b F3).
  if (undecided.length)
    out.push(
      `undecided on ${namesList(undecided)}: ${undecided.length > 1 ? "their lines show" : "its lines show"} its symptom, but ${undecided.length > 1 ? "their versions do" : "its versions do"} not decide this bug: see ${undecided.length > 1 ? "their version checks" : "its version check"}`,
    );
  if (ruledOut.length)
    out.push(
      `ruled out on ${namesList(ruledOut)}: ${ruledOut.length > 1 ? "their versions are" : "its versions are"} outside this bug's range, though ${ruledOut.length > 1 ? "their lines show" : "its lines show"} its symptom: look for another cause there`,
    );
  return out;
}

function rootCauseNote(f: Finding, rootCause: RootCause | null): string | null {
  if (!rootCause) return null;
  if (rootCause.id === f.id) return `likely root cause: ${rootCause.reason}`;
  return rootCause.others.find((o) => o.id === f.id)?.reason ?? null;
}

/**
 * A fix as its steps: a numbered line ("2. Upgrade ...") starts one and its indented lines continue it; an
 * unindented paragraph outside the numbering (a warning before step 1, a note after the last) is a step of its own.
 */
export function fixStepsOf(fix: string): string[] {
  const steps: string[][] = [];
  let numbered = false;
  for (const line of fix.split("\n")) {
    const l = line.trimEnd();
    if (!l.trim()) continue;
    const last = steps[steps.length - 1];
    if (/^\d+[.)]\s/.test(l)) {
      steps.push([l]);
      numbered = true;
    } else if (!last || (numbered && !/^\s/.test(l))) {
      steps.push([l]);
      numbered = false;
    } else last.push(l);
  }
  return steps.map((s) => s.join("\n"));
}

/**
 * A step's number and its text: wrapped lines joined with a space; a bullet ("- …") on a line of its own, its wrapped
 * lines joined to it; a line indented past the text it follows (a command, a config block) kept apart as written.
 */
export function fixStepItem(step: string): { n: number | null; text: string } {
  const [first = "", ...rest] = step.split("\n");
  const head = /^(\d+)[.)]\s+/.exec(first);
  // The column a wrapped line of the current paragraph or bullet starts at.
  let wrapAt = head ? head[0].length : (/^\s*/.exec(first)?.[0].length ?? 0);
  const base = wrapAt;
  let text = head ? first.slice(head[0].length) : first.trim();
  let inBlock = false;
  for (const line of rest) {
    const indent = /^\s*/.exec(line)?.[0].length ?? 0;
    const words = line.trim();
    if (/^[-*\u2022]\s/.test(words)) {
      text += `\n${words}`;
      wrapAt = indent + 2;
      inBlock = false;
    } else if (indent > wrapAt) {
      // A block keeps its own indentation relative to the step's text.
      text += `\n${line.slice(base)}`;
      inBlock = true;
    } else if (inBlock) {
      text += `\n${words}`;
      inBlock = false;
    } else text += ` ${words}`;
  }
  return { n: head ? Number(head[1]) : null, text };
}

/** A step that only looks (confirms or checks the diagnosis) rather than acts. */
export const LOOKING_STEP = /^(?:\d+[.)]\s+)?(?:confirm|check)\b/i;

/** The steps up to and including the first that acts, then more while the whole steps fit `room` characters. */
function firstSteps(fix: string, room: number): { fixSteps: string[]; moreFixSteps: number } {
  const steps = fixStepsOf(fix);
  // A step the paste shows done is no action left: the next one is shown too.
  const acting = steps.findIndex((s) => !LOOKING_STEP.test(s) && !s.replace(/^\d+[.)]\s+/, "").startsWith(DONE_NOTE));
  const shown = steps.slice(0, acting < 0 ? steps.length : acting + 1);
  let size = shown.join("\n").length;
  for (const step of steps.slice(shown.length)) {
    if (size + 1 + step.length > room) break;
    shown.push(step);
    size += 1 + step.length;
  }
  return { fixSteps: shown, moreFixSteps: steps.length - shown.length };
}

function evidenceLines(recordId: string, logs: LogEvidence[], lookup: SignatureLookup | undefined): EvidenceLine[] {
  const byLine = new Map<number, EvidenceLine>();
  for (const e of logs) {
    let entry = byLine.get(e.line);
    if (!entry) {
      entry = { line: e.line, text: e.text, signatures: [], highlights: [] };
      if (e.blockStart !== undefined) entry.blockStart = e.blockStart;
      byLine.set(e.line, entry);
    }
    // The line's best match says how it matched: an exact signature's over a reworded one's over a resemblance.
    const was = entry.resembles ? "similar" : entry.reworded ? "tokens" : entry.signatures.length ? "exact" : undefined;
    const how = was && EXACTNESS[was] >= EXACTNESS[e.approximate ?? "exact"] ? was : (e.approximate ?? "exact");
    delete entry.resembles;
    delete entry.reworded;
    if (how === "similar") entry.resembles = true;
    if (how === "tokens") entry.reworded = true;
    if (entry.signatures.includes(e.signature)) continue;
    entry.signatures.push(e.signature);
    const spec = lookup?.(recordId, e.signature);
    if (spec) entry.highlights = mergeSpans([...entry.highlights, ...matchSpans(entry.text, spec)]);
  }
  return [...byLine.values()].sort((a, b) => a.line - b.line);
}

const MAX_SPANS = 8;
const patterns = new Map<string, RE2JS | null>();

/** Where a signature matches the line as sent; RE2 (linear time) for literals and regexes alike. */
export function matchSpans(text: string, spec: SignatureSpec): Array<[number, number]> {
  const key = `${spec.kind}:${spec.caseSensitive ? 1 : 0}:${spec.pattern}`;
  let re = patterns.get(key);
  if (re === undefined) {
    try {
      re = RE2JS.compile(
        spec.kind === "literal" ? RE2JS.quote(spec.pattern) : spec.pattern,
        spec.caseSensitive ? 0 : RE2JS.CASE_INSENSITIVE,
      );
    } catch {
      re = null;
    }
    if (patterns.size > 2000) patterns.clear();
    patterns.set(key, re);
  }
  if (!re) return [];
  const spans: Array<[number, number]> = [];
  const m = re.matcher(text);
  while (spans.length < MAX_SPANS && m.find()) {
    if (m.end() > m.start()) spans.push([m.start(), m.end()]);
    else break;
  }
  return spans;
}

function mergeSpans(spans: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else out.push([s[0], s[1]]);
  }
  return out;
}

/** A record looked up by id (no log, so no verdict or evidence): what a door shows for it. */
export interface RecordSummary {
  id: string;
  title: string;
  summary: string;
  /** As FindingSummary's. */
  fixSteps: string[];
  moreFixSteps: number;
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
  fixRoom = FIX_ROOM,
): RecordSummary {
  return {
    id: r.id,
    title: r.title,
    summary: r.summary,
    ...firstSteps(r.fix, fixRoom),
    reboot: r.reboot,
    unverified: [...r.unverified],
    reference: r.references[0]?.url ?? null,
  };
}
