import type { Confidence, Finding, RelatedFinding, RootCause, ScoreComponents, VerdictStatus } from "./diagnosis";
import { sameMachine } from "./facts/uname-fleet";
import { type LogLevel, logLevel } from "./log-level";
import { namesOfHosts } from "./machine-lists";
import { resemblesOnly } from "./resembles-only";
import { levelWords } from "./summary";
import type { RelationEdge } from "./types";
import type { EvidenceLevel } from "./versions";

/**
 * How much the version verdict scales the log signal. A matching line on a kernel known to be fixed
 * stays visible but cannot reach "high": the line may come from another cause.
 */
const VERSION_FACTOR: Record<VerdictStatus | "not-gated", number> = {
  affected: 1,
  "not-gated": 0.92,
  unknown: 0.85,
  "not-affected": 0.5,
};

/** An affected-range match without a log symptom is only an advisory. */
export const ADVISORY_SCORE = 0.3;

/** How much the level of the deciding range ends scales the score: one report counts less than a primary source. */
const LEVEL_FACTOR: Record<EvidenceLevel, number> = { verified: 1, corroborated: 0.97, reported: 0.9 };

/** Independent signatures reinforce each other (noisy-OR); a repeated line counts once. */
export function signalStrength(weights: readonly number[]): number {
  return 1 - weights.reduce((miss, w) => miss * (1 - Math.min(Math.max(w, 0), 1)), 1);
}

/** The recall tier never reaches "high": its findings stay just below the line. */
export const APPROXIMATE_CAP = 0.74;
/** A token-signature line is the exact signature's evidence, discounted: its wording differed. */
export const tokenWeight = (exactWeight: number) => Math.min(exactWeight * 0.8, 0.72);
/** The evidence name of a line that resembles a record's text without matching any signature. */
export const SIMILAR_SIGNATURE = "similar-text";
/** A resembling line weighs 0.3 to 0.6, by how much of its distinctive words the record explains. */
export const similarWeight = (coverage: number) => round(0.3 + 0.3 * Math.min(Math.max((coverage - 0.7) / 0.3, 0), 1));

export function scoreFinding(
  weights: readonly number[],
  status: VerdictStatus,
  versionGated: boolean,
  certain: boolean,
  level: EvidenceLevel,
  approximateOnly = false,
): { score: number; components: ScoreComponents } {
  const signals = signalStrength(weights);
  let version = VERSION_FACTOR[versionGated ? status : "not-gated"];
  if (status === "affected" && !certain) version = 0.95;
  const verification = versionGated && status !== "unknown" ? LEVEL_FACTOR[level] : 1;
  const raw = round(signals * version * verification);
  const score = approximateOnly ? Math.min(raw, APPROXIMATE_CAP) : raw;
  return { score, components: { signals: round(signals), version, verification, matchedSignatures: weights.length } };
}

/** A version-range match without any log symptom: low, and lower when uncertain or resting on one report. */
export function scoreAdvisory(certain: boolean, level: EvidenceLevel): { score: number; components: ScoreComponents } {
  const verification = LEVEL_FACTOR[level];
  const score = round(ADVISORY_SCORE * (certain ? 1 : 0.8) * verification);
  return { score, components: { signals: 0, version: 1, verification, matchedSignatures: 0 } };
}

export const HIGH_SCORE = 0.75;

/**
 * High takes a score of 0.75 and a second witness: another signature on another line, a version
 * known to be affected, or the record's context shown outside the matched lines. One log line,
 * however specific its words, is printed by other causes too (a record's own message after a state
 * recovery, a benchmark re-run, a module loaded on the host but not in the container), so a finding
 * that rests on it alone stays medium until a fact agrees.
 */
export function confidenceOf(score: number, corroborated = true): Confidence {
  if (score >= HIGH_SCORE && corroborated) return "high";
  if (score >= MEDIUM_SCORE) return "medium";
  return "low";
}
export const MEDIUM_SCORE = 0.45;
/** The most a finding held at low scores (below MEDIUM_SCORE). */
export const LOW_CAP = 0.44;

const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * A signature this strong identifies its bug on its own (the curator guide's 0.9–1 band, with slack), unless its record
 * names other causes of its line (identifiesAlone). The weight still ranks: a strong line outranks a weak one either way.
 */
export const DECISIVE_WEIGHT = 0.85;

/**
 * Whether a piece of evidence is a line that alone identifies its bug: an exact hit of a decisive signature whose record
 * names no other cause of it (review 69a F3: CoreDNS's loop line "alone identified" the systemd-resolved cause while the
 * record's own caveat named two others).
 */
export const identifiesAlone = (e: Finding["evidence"][number]): boolean =>
  e.kind === "log" && !e.approximate && e.weight >= DECISIVE_WEIGHT && !e.alsoPrintedBy?.length;

/**
 * Whether `f` matched a signature of at least `minWeight` on a line none of `other`'s evidence is on: exactly, or with
 * `reworded` also as a reworded match (a CSV export's doubled quotes cut a regex down to its tokens: review 59c F1).
 */
/** The lines of the input a finding's log evidence sits on. */
const logLines = (f: Finding): number[] => f.evidence.flatMap((e) => (e.kind === "log" ? [e.line] : []));

function lineOfItsOwn(f: Finding, other: Finding | readonly Finding[], minWeight = 0, reworded = false): boolean {
  const taken = new Set((Array.isArray(other) ? other : [other]).flatMap(logLines));
  return f.evidence.some(
    (e) => e.kind === "log" && (!e.approximate || (reworded && e.approximate !== "similar")) && e.weight >= minWeight && !taken.has(e.line),
  );
}
const decisiveLineOfItsOwn = (f: Finding, other: Finding) => lineOfItsOwn(f, other, DECISIVE_WEIGHT);

/** " (verified)", " (range corroborated; the version read …)": the level of an affected verdict, as every door words it (review 70d F6). */
const levelNote = (f: Finding) => (f.verdict.level ? ` (${levelWords(f.verdict)})` : "");

/** The weight of the strongest signature matched exactly (not reworded, not resembled); 0 when none. */
const strongestExactWeight = (evidence: Finding["evidence"]): number =>
  evidence.reduce((w, e) => (e.kind === "log" && !e.approximate ? Math.max(w, e.weight) : w), 0);
const strongestSignal = (f: Finding) => strongestExactWeight(f.evidence);

/**
 * A decisive signature on a version known to be affected: the strongest claim to be the root cause.
 * It outranks prerequisite warnings and generic symptoms whatever their scores.
 */
const isDecisiveAndAffected = (f: Finding) =>
  f.verdict.status === "affected" && f.confidence !== "low" && strongestSignal(f) >= DECISIVE_WEIGHT;

/** Can this finding take precedence through a relation? Not when its version is ruled out or its signal is weak. */
const canLead = (f: Finding) => f.verdict.status !== "not-affected" && f.confidence !== "low";

const byScore = (a: Finding, b: Finding) => b.score - a.score || a.id.localeCompare(b.id);

const CONFIDENCE_RANK: Record<Confidence, number> = { high: 2, medium: 1, low: 0 };
/**
 * A finding the answer calls high before one it holds below high, whatever their scores: a single message scored 0.87 but
 * capped at medium for want of a second witness ("not confirmed") ranked above a high finding of 0.86 and was named the
 * likely root cause (review 58b F3: a conntrack-table line over CoreDNS's loop in a "DNS broken" paste).
 */
const byConfidence = (a: Finding, b: Finding) => CONFIDENCE_RANK[b.confidence] - CONFIDENCE_RANK[a.confidence];

/**
 * Of two look-alikes, the one the versions place in its affected range for certain, and the other; nulls when neither
 * or both are placed, or when the other matched a decisive line of its own (review 39b: a high finding on its own audit
 * line stays first, and a hedged version, `docker --version` alone or a package listing, swaps nothing).
 */
function placedByVersion(a: Finding, b: Finding): [Finding, Finding] | [null, null] {
  const inRange = (f: Finding) => f.verdict.status === "affected" && f.verdict.certain !== false;
  if (inRange(a) === inRange(b)) return [null, null];
  const [placed, other] = inRange(a) ? [a, b] : [b, a];
  return decisiveLineOfItsOwn(other, placed) ? [null, null] : [placed, other];
}

const LEVEL_RANK: Record<LogLevel, number> = { fatal: 0, other: 1, "warning-or-info": 2 };
/** The most severe level among a finding's decisive lines; undefined when it has none. */
/** Whether `f` matched exactly on a line that reports a fatal error, none of `others`' lines. */
function onFatalLine(f: Finding, others: readonly Finding[] = []): boolean {
  const taken = new Set(others.flatMap(logLines));
  return f.evidence.some((e) => e.kind === "log" && !e.approximate && !taken.has(e.line) && logLevel(e.text) === "fatal");
}

function decisiveLevel(f: Finding): number | undefined {
  let rank: number | undefined;
  for (const e of f.evidence)
    if (e.kind === "log" && !e.approximate && e.weight >= DECISIVE_WEIGHT) rank = Math.min(rank ?? 2, LEVEL_RANK[logLevel(e.text)]);
  return rank;
}

/**
 * Of the findings a decisive line identifies, at one confidence and neither placed by its versions, the one whose line
 * says its process died goes before one whose line only warns or informs: CoreDNS's "[FATAL] plugin/loop: Loop … detected"
 * before kube-proxy's fallback on a missing ipset, the kubelet's refusal to start before kubeadm's "[WARNING FileContent…
 * bridge-nf-call-iptables]" (review 60c F1: the warning was named the likely root cause). Only their places among
 * themselves change: every other finding keeps its rank.
 */
function failuresFirst(sorted: Finding[]): Finding[] {
  const out = [...sorted];
  const groups = new Map<string, number[]>();
  sorted.forEach((f, i) => {
    if (isDecisiveAndAffected(f) || f.verdict.status === "not-affected" || decisiveLevel(f) === undefined) return;
    groups.set(f.confidence, [...(groups.get(f.confidence) ?? []), i]);
  });
  for (const slots of groups.values()) {
    const members = slots.map((i) => sorted[i] as Finding);
    const ordered = members
      .map((f, k) => ({ f, k, rank: decisiveLevel(f) as number }))
      .sort((a, b) => a.rank - b.rank || a.k - b.k)
      .map((x) => x.f);
    slots.forEach((slot, k) => {
      out[slot] = ordered[k] as Finding;
    });
  }
  return out;
}

/**
 * The machines whose lines each finding was read from, by record id: a pasted nodes table's nodes, where every line of the
 * finding resolves to one; the hosts form's findings name theirs in `hosts`.
 */
export type Printers = ReadonlyMap<string, readonly string[]>;

/** A machine's name with the version its own check judged ("worker-3's (5.15.0-130-generic)"), where the evidence has one. */
function versionOf(f: Finding, machine: string): string {
  const own = f.evidence.find(
    (e) => e.kind === "version" && (e.subject.startsWith(`node ${machine} `) || e.subject.startsWith(`node ${machine}:`)),
  );
  return own?.kind === "version" ? `${machine}'s (${own.value})` : `${machine}'s versions`;
}

const machinesOf = (f: Finding, printers?: Printers): readonly string[] | undefined => (f.hosts?.length ? f.hosts : printers?.get(f.id));

/**
 * Whether two findings are shown by different machines only: no relation of their records holds between them there (an
 * XFS stall on node-6 is no cause of sandbox timeouts on node-7, review 65c F2). Unknown printers relate as before.
 */
function apart(a: Finding, b: Finding, printers?: Printers): boolean {
  const ma = machinesOf(a, printers);
  const mb = machinesOf(b, printers);
  return !!ma?.length && !!mb?.length && !ma.some((m) => mb.some((n) => sameMachine(m, n)));
}

/** "a before b" constraints from the relations among present findings. */
function precedence(
  present: ReadonlyMap<string, Finding>,
  relations: readonly RelationEdge[],
  versionsTied: boolean,
  printers?: Printers,
): Array<[string, string]> {
  const edges: Array<[string, string]> = [];
  for (const r of relations) {
    const from = present.get(r.from);
    const to = present.get(r.to);
    if (!from || !to || apart(from, to, printers)) continue;
    // explains: the cause goes first. masks / prerequisite-of: the masked (or dependent) bug goes first. confused-with:
    // look-alikes, where the versions place one in its affected range and not the other, the one they place goes first
    // (a shared line scored higher on the other's weight says nothing of which it is).
    const [first, then] =
      r.kind === "explains"
        ? [from, to]
        : r.kind === "masks" || r.kind === "prerequisite-of"
          ? [to, from]
          : r.kind === "confused-with" && versionsTied
            ? placedByVersion(from, to)
            : [null, null];
    if (first && then && canLead(first)) edges.push([first.id, then.id]);
  }
  return edges;
}

/**
 * Root-cause order: decisive-and-affected findings first, then the rest by score; then the records'
 * relations among the findings present (a cause before what it explains, a masked bug before the
 * complaint that hid it), keeping that order otherwise. `versionsTied`: the versions judged are the machine's that
 * printed the lines (one machine's paste, or each host of the hosts form); in a paste of several machines a verdict may
 * say which nodes are in range where no line says which node printed the symptom (review 39b: web-1's Docker ranked
 * web-2's line), so look-alikes keep their scores' order.
 */
export function rankFindings(
  findings: Finding[],
  relations: readonly RelationEdge[] = [],
  versionsTied = true,
  printers?: Printers,
): Finding[] {
  const base = failuresFirst(
    [...findings].sort(
      (a, b) => Number(isDecisiveAndAffected(b)) - Number(isDecisiveAndAffected(a)) || byConfidence(a, b) || byScore(a, b),
    ),
  );
  const present = new Map(base.map((f) => [f.id, f]));
  const edges = precedence(present, relations, versionsTied, printers);
  if (!edges.length) return base;
  const before = new Map<string, Set<string>>();
  for (const [a, b] of edges) before.set(b, (before.get(b) ?? new Set()).add(a));
  const out: Finding[] = [];
  const placed = new Set<string>();
  while (out.length < base.length) {
    const ready = base.find((f) => !placed.has(f.id) && [...(before.get(f.id) ?? [])].every((id) => placed.has(id)));
    // A cycle of relations: fall back to the base order.
    const next = ready ?? base.find((f) => !placed.has(f.id));
    if (!next) break;
    out.push(next);
    placed.add(next.id);
  }
  return out;
}

const INVERSE: Record<RelationEdge["kind"], RelatedFinding["kind"]> = {
  masks: "masked-by",
  explains: "explained-by",
  "prerequisite-of": "requires",
  "confused-with": "confused-with",
};

/** Each finding's relations to the other findings of the same answer, seen from its side. */
export function relatedFindings(
  findings: readonly Finding[],
  relations: readonly RelationEdge[],
  printers?: Printers,
): Map<string, RelatedFinding[]> {
  const byId = new Map(findings.map((f) => [f.id, f]));
  const out = new Map<string, RelatedFinding[]>();
  const add = (id: string, r: RelatedFinding) => {
    const list = out.get(id) ?? [];
    if (!list.some((x) => x.id === r.id && x.kind === r.kind)) list.push(r);
    out.set(id, list);
  };
  for (const r of relations) {
    const from = byId.get(r.from);
    const to = byId.get(r.to);
    if (!from || !to || apart(from, to, printers)) continue;
    add(r.from, { id: r.to, kind: r.kind, note: r.note });
    add(r.to, { id: r.from, kind: INVERSE[r.kind], note: r.note });
  }
  return out;
}

/** Why the first finding is the likely root cause, and what the others are relative to it. */
export function explainRootCause(ranked: readonly Finding[], printers?: Printers, fleet = false): RootCause | null {
  const top = ranked[0];
  // A finding that only resembles a line is a lead, not a match: no root cause (review 70d F2, resembles-only.ts).
  if (!top || !canLead(top) || resemblesOnly(top.evidence)) return null;
  const why: string[] = [];
  // A line of a machine whose versions rule the bug out is no witness of it: another's, where one shows it too.
  // A line that alone identifies the bug first; else a strong line other causes print too, named as such (review 69a F3).
  const decisives = top.evidence
    .filter((e) => e.kind === "log" && !e.approximate && e.weight >= DECISIVE_WEIGHT)
    .sort((a, b) => Number(identifiesAlone(b)) - Number(identifiesAlone(a)));
  // A line of a machine whose versions leave the bug open is a witness only after one whose versions are in range (review
  // 70b F4).
  const apartFrom = (names: readonly string[] | undefined) => (e: (typeof decisives)[number]) =>
    e.kind === "log" && !(e.host && names?.includes(e.host));
  const decisive =
    decisives.find((e) => apartFrom(top.ruledOutOn)(e) && apartFrom(top.undecidedOn)(e)) ??
    decisives.find(apartFrom(top.ruledOutOn)) ??
    decisives[0];
  // Led by a relation over a finding that scored higher (review 32e: "the strongest log evidence" was then untrue).
  const over = ranked.slice(1).find((f) => f.score > top.score && f.related?.some((r) => r.id === top.id));
  const relation = over?.related?.find((r) => r.id === top.id)?.kind;
  // Led by its line's level over a finding that scored higher (failuresFirst): say so, or the order reads as a mistake.
  const outscored = over ? undefined : ranked.slice(1).find((f) => f.score > top.score && decisiveLevel(f) !== undefined);
  if (decisive?.kind === "log")
    why.push(
      `${decisive.host ? `${decisive.host} ` : ""}line ${decisive.line} matches "${decisive.signature}", ${
        decisive.alsoPrintedBy?.length
          ? `a line of this bug that other causes print too (${decisive.alsoPrintedBy.join("; ")}), so it does not alone identify it`
          : "a signature that alone identifies this bug"
      }` +
        // Only where the other's line is less severe: two fatal lines are ordered by their versions (review 62h F3).
        (outscored && decisiveLevel(top) === LEVEL_RANK.fatal && (decisiveLevel(outscored) ?? 0) > LEVEL_RANK.fatal
          ? `, and the line reports a fatal error, where ${outscored.id} (${outscored.score}) ${decisiveLevel(outscored) === LEVEL_RANK["warning-or-info"] ? "only warns or informs" : "does not say its process stopped"}`
          : // A line that gives itself no level over a warning: the order is its doing too (review 64c F7: said nothing).
            outscored && decisiveLevel(top) === LEVEL_RANK.other && decisiveLevel(outscored) === LEVEL_RANK["warning-or-info"]
            ? `, and the line reports a failure, where ${outscored.id} (${outscored.score}) only warns or informs`
            : ""),
    );
  else if (over && relation === "explained-by") why.push(`it explains ${over.id}, which matched more strongly (${over.score})`);
  else if (over && relation === "masks") why.push(`${over.id} matched more strongly (${over.score}) but can hide it`);
  else if (over && relation === "confused-with")
    why.push(`${over.id}, a look-alike, matched more strongly (${over.score}), but the versions place this one in its range`);
  else why.push(`it has the strongest log evidence (${top.confidence}, ${top.score})`);
  // In a fleet, whose version: the machines that printed its lines, the one thing to act on (review 65c F5).
  // Only those whose own versions are in range: one they leave open is named apart, with its version (review 70b F4: "the
  // version of worker-3, worker-2 is in the affected range" beside worker-3's undecided 5.15.0-130).
  const printing = fleet ? machinesOf(top, printers) : undefined;
  const where = printing?.filter((m) => !top.ruledOutOn?.includes(m) && !top.undecidedOn?.includes(m));
  const undecided = printing?.filter((m) => top.undecidedOn?.includes(m)) ?? [];
  if (top.verdict.status === "affected") {
    why.push(`the version${where?.length ? ` of ${namesOfHosts(where)}` : ""} is in the affected range${levelNote(top)}`);
    if (undecided.length)
      why.push(
        `${namesOfHosts(undecided.map((m) => versionOf(top, m)))} ${undecided.length > 1 ? "do" : "does"} not decide it: see ${undecided.length > 1 ? "their version checks" : "its version check"}`,
      );
  } else if (top.verdict.status === "unknown") why.push("the version data does not decide it");
  const others = ranked.slice(1).map((f, i) => ({ id: f.id, reason: otherReason(top, f, ranked.slice(0, i + 1), printers) }));
  return { id: top.id, reason: `${why.join("; ")}.`, others };
}

/**
 * Why a finding after the root cause is there. `above`: the findings ranked before it, the root cause first: a line one of
 * them holds is no line of its own (review 65c F4: a GKE-only record read from firewalld's line, ranked second, was
 * "perhaps a separate problem" because only the first finding's lines were compared).
 */
function otherReason(top: Finding, f: Finding, above: readonly Finding[], printers?: Printers): string {
  // In a fleet, a finding only on hosts the first does not show on is those hosts' own problem: no relation, look-alike
  // or "separate problem" of a cause seen on another machine (review 64c F1), in the hosts form or a pasted fleet (65c F2).
  const own = machinesOf(f, printers);
  if (own?.length && apart(top, f, printers)) {
    const whose = own.length === 1 ? "that host's" : "those hosts'";
    // Its versions there rule it out: the symptom there is another cause's, not this bug on that host (review 68c F5: "a
    // problem of that host's own" above "not affected" on the same host).
    return f.verdict.status === "not-affected"
      ? `on ${own.join(", ")}, where ${top.id} does not show, but ${whose} versions rule this bug out: a look-alike there; look for another cause`
      : `on ${own.join(", ")}, where ${top.id} does not show: a problem of ${whose} own`;
  }
  const rel = f.related?.find((r) => r.id === top.id);
  if (rel?.kind === "masks") return `a separate, lesser problem that can hide ${top.id}: ${rel.note}`;
  // A consequence that is also this bug on its own versions (a kubelet too new for the containerd read) needs its own
  // fix after the cause's (review 32e).
  if (rel?.kind === "explained-by")
    return isDecisiveAndAffected(f)
      ? `here a consequence of ${top.id} (${rel.note}), and its own versions are affected too: fix both`
      : `a consequence of ${top.id}: ${rel.note}`;
  if (rel?.kind === "prerequisite-of") return `a precondition, not the cause: ${rel.note}`;
  // A look-alike that matched on a decisive line of its own, not ruled out by its versions, is there too (review 32d:
  // CoreDNS's removed `proxy` and `upstream` both in one Corefile): "a look-alike" told the reader to drop it.
  // The same line scored for both (a runc message two causes print) is no line of its own. A medium finding's exact line the
  // first does not read is one, decisive or not (review 66c F3: inotify's ENOSPC watch line, 0.8, beside the instances
  // limit's EMFILE line was "a look-alike", and the reader raised one limit of two).
  if (rel?.kind === "confused-with")
    return (decisiveLineOfItsOwn(f, top) || (f.confidence !== "low" && lineOfItsOwn(f, top))) && f.verdict.status !== "not-affected"
      ? `also present, on a line of its own (often confused with ${top.id}: ${rel.note})`
      : `a look-alike of ${top.id}: ${rel.note}`;
  if (f.verdict.status === "not-affected")
    return `its version is outside the affected range${f.verdict.certain === false ? " (not certain)" : ""}: ${f.verdict.reason}`;
  if (isDecisiveAndAffected(top) && !isDecisiveAndAffected(f)) {
    // A bug of its own whose versions place it in range needs its own fix (review 58b F1: runc 1.1.3's /dev/pts bug first,
    // the GPU loss that needs runc 1.1.7 was called "a weaker or generic symptom" of it).
    const own = lineOfItsOwn(f, above, 0, true);
    if (f.verdict.status === "affected" && f.confidence !== "low" && own)
      return `also present on a line of its own, and its own versions are affected too${levelNote(f)}: a separate problem to fix as well`;
    // What it is first, then why it comes second: a decisive or fatal line of its own is a problem of its own whatever the
    // versions say (review 68c F3: the kubelet refusing swap, beside the kernel's MARK bug, was only "ranked after").
    const fatal = onFatalLine(f, above);
    if (own && f.confidence !== "low" && (fatal || strongestSignal(f) >= DECISIVE_WEIGHT))
      return `a separate problem to fix as well, on a line of its own${fatal ? " that reports a fatal error" : ""}; ${
        f.verdict.level === undefined ? "no version decides it" : "its versions do not confirm it"
      }, so it is ranked after ${top.id}`;
    if (strongestSignal(f) >= DECISIVE_WEIGHT)
      return f.verdict.level === undefined
        ? "also matched; no version decides it, so it is ranked after the one whose versions do"
        : "also matched, but its versions do not confirm it";
    // No relation ties it to the first and its lines are its own: weaker evidence of another problem, no symptom of the
    // first (review 59c F1: CoreDNS's RBAC denial beside conntrack's insert_failed was called one).
    return own
      ? "also matched, on lines of its own, on weaker evidence: perhaps a separate problem"
      : "a weaker or generic symptom that other causes share";
  }
  // Read only from the first's own lines (a message two records' signatures share): no sign of a second problem
  // (review 64c F2: "may be a separate problem" sent the reader after a second cause the paste gave no line of).
  const holders = onlyOnLinesOf(f, above);
  if (holders.length)
    return `read from the same line as ${holders.map((h) => h.id).join(" and ")}, with no line of its own: another reading of that message`;
  // Two failures each on a fatal line of its own (kubeadm's two failed preflight checks, each aborting the join): no
  // "may be", and no order between them but the ranking's (review 66c F5: the reader fixed one and failed again on the other).
  if (f.confidence !== "low" && onFatalLine(top) && onFatalLine(f, above))
    return `a separate problem to fix as well: its own line reports a fatal error too (${f.confidence}, ${f.score})`;
  return `also matched (${f.confidence}, ${f.score}); may be a separate problem`;
}

/** The findings among `others` whose lines hold every log line of `f` (none when it has a line of its own), first ranked first. */
function onlyOnLinesOf(f: Finding, others: readonly Finding[]): Finding[] {
  const lines = logLines(f);
  if (!lines.length) return [];
  const holders = others.filter((o) => logLines(o).some((l) => lines.includes(l)));
  const taken = new Set(holders.flatMap(logLines));
  return lines.every((l) => taken.has(l)) ? holders : [];
}
