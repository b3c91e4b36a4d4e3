import { BIDI_CONTROLS } from "./bidi-controls";
import type { Diagnosis, Finding, LogEvidence, NodeReport, VersionEvidence } from "./diagnosis";
import { rebootWords } from "./record";
import { resemblesOnly } from "./resembles-only";
import { sharedOnly } from "./shared-only";
import {
  closestVersionsNote,
  evidenceExcerpt,
  failureKernelNote,
  fixShowingDone,
  kernelPackageNote,
  NO_SPECIFIC_MATCH,
  namedKernelNote,
  RESEMBLES_NOTE,
  REWORDED_NOTE,
  sharedOnlySaid,
  summarizeFinding,
  verdictLabel,
  verdictWhy,
} from "./summary";

const MAX_UNVERIFIED = 3;
const MAX_LINE = 240;

/** A compact terminal report: per finding the id, confidence, verdict, evidence lines and fix. */
export function renderTextReport(d: Diagnosis & { truncated?: ReadonlyArray<{ note: string }> }): string {
  const out: string[] = [`known-bugs ${d.kb.version} (${d.kb.records} records)`];
  const k = d.facts.kernel;
  const read = k ? kernelPackageNote(k) : null;
  // Where it was read: at 2 a.m. the line to check when the answer looks wrong (review 54a F5).
  const at = k?.line !== undefined ? ` (read at line ${k.line})` : "";
  const failed = failureKernelNote(d.facts);
  if (k)
    out.push(
      `kernel: ${k.release}${read ? ` = ${read}` : ""}${k.named ? ` [${namedKernelNote(k)}]` : ""}${at}${failed ? `, ${failed}` : ""}`,
    );
  // In a fleet they are one host's, which the line read says (review 66c F7: a mixed fleet headed by one node's OS).
  const fleet = d.nodes.length > 1;
  const osAt = fleet && d.facts.os?.lines ? ` (read at line ${d.facts.os.lines[0]}; the nodes below may differ)` : "";
  const iptAt = fleet && d.facts.iptables ? ` (read at line ${d.facts.iptables.line}; the nodes below may differ)` : "";
  if (d.facts.os) out.push(`os: ${d.facts.os.prettyName ?? `${d.facts.os.id} ${d.facts.os.versionId ?? ""}`}${osAt}`);
  if (d.facts.iptables) out.push(`iptables: ${d.facts.iptables.version} (${d.facts.iptables.backend ?? "backend unknown"})${iptAt}`);
  out.push("");
  // Versions alone ("is my kernel hit?") answer by the known bugs they are in (review 65d F3), as the page heads them.
  // A finding that only resembles a line is counted apart, as the page and chat count it (review 70d F2: the text door had
  // no headline, so a resemblance read as a match here and as "no known bug matched" there).
  // So is one that matches only lines other causes print too (review 71a F4).
  const advised = d.advisories.length;
  const resembling = d.findings.filter((f) => resemblesOnly(f.evidence)).length;
  const shared = d.findings.filter((f) => sharedOnly(f.evidence)).length;
  const matched = d.findings.length - resembling - shared;
  const alike = resembling ? `; ${resembling} ${resembling === 1 ? "record resembles" : "records resemble"} a line` : "";
  out.push(
    matched
      ? `${matched} known ${matched === 1 ? "bug matches" : "bugs match"} the log${shared ? `; ${sharedOnlySaid(shared, true)}` : ""}${resembling ? `; ${resembling} more ${resembling === 1 ? "record resembles" : "records resemble"} a line` : ""}.`
      : shared
        ? `${NO_SPECIFIC_MATCH}; ${sharedOnlySaid(shared, false)}${alike}.`
        : advised
          ? `No log line matched; ${advised} known ${advised === 1 ? "bug affects" : "bugs affect"} your versions (advisories below)${alike}.`
          : `No known bug matched the log${alike}.`,
  );
  if (d.findings.length && !d.notes?.length) out.push("");
  for (const note of d.notes ?? []) out.push(`Note: ${note}`);
  if (d.notes?.length) out.push("");
  if (d.closest.length) {
    out.push("Closest records by description (no signature matched: a search result to check, not a diagnosis):");
    for (const c of d.closest) {
      out.push(`  - ${c.id}: ${c.title} (shares: ${c.sharedWords.join(", ")})`);
      if (c.verdict) out.push(`    ${closestVersionsNote(c.verdict)}`);
    }
    out.push("");
  }
  if (d.rootCause && d.findings.length > 1) out.push(`Likely root cause: ${d.rootCause.id}: ${d.rootCause.reason}`, "");
  for (const [i, f] of d.findings.entries()) out.push(...renderFinding(f, i + 1, d));
  if (d.advisories.length) {
    out.push("Advisories (your versions are in an affected range, but no line of the log matches their signatures):");
    for (const a of d.advisories)
      out.push(
        `  - ${a.id}: ${verdictLabel(a.verdict)}: ${verdictWhy(a.verdict)}${a.hosts?.length ? ` (hosts: ${a.hosts.join(", ")})` : ""}`,
      );
    out.push("");
  }
  if (d.hosts?.length) out.push(...renderHosts(d.hosts));
  const odd = d.nodes.filter((n) => n.outlier);
  if (odd.length) {
    out.push("Nodes that differ from their peers:");
    for (const n of odd) {
      const bugs = n.findings.length ? `; known bugs hitting it, not its peers: ${n.findings.join(", ")}` : "";
      out.push(`  - ${n.name} (line ${n.line}): differs in ${n.differs.join(", ")}; kernel ${n.kernel ?? "?"}${bugs}`);
    }
  }
  // What the answer left out (nodes, evidence beyond the caps): a reader must not take a cut list for all of it.
  for (const t of d.truncated ?? []) out.push(`Not shown: ${t.note}`);
  return `${printable(out.join("\n").trimEnd())}\n`;
}

/**
 * The report as a terminal shows it safely: a control character from a pasted log or a host name (a lone
 * carriage return, a backspace, an escape, C1's CSI) would move the cursor and overwrite what came before
 * it ("…exit status 2:\rverdict: not affected"), and a bidirectional override reverses the words after it, so
 * each is written as its escape instead. Line breaks and tabs are the report's own layout.
 */
const CONTROL = new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f${BIDI_CONTROLS}]`, "g");
/** Also for the CLI's own messages, which quote its arguments (a record id, a file's path: review 62d F3). */
export const printable = (text: string) =>
  text.replace(CONTROL, (c) => {
    if (c === "\r") return "\\r";
    const code = c.charCodeAt(0);
    return code > 0xff ? `\\u${code.toString(16).padStart(4, "0")}` : `\\x${code.toString(16).padStart(2, "0")}`;
  });

function renderHosts(hosts: NodeReport[]): string[] {
  const out = ["Hosts:"];
  for (const h of hosts) {
    const ipt = h.iptables ? `, iptables ${h.iptables}` : "";
    const kube = h.version ? `, kubelet ${h.version}` : "";
    const runtime = h.runtime ? `, ${h.runtime}` : "";
    const mark = h.outlier ? `  <- differs in ${h.differs.join(", ")}` : "";
    out.push(`  - ${h.name}: kernel ${h.kernel ?? "?"}, ${h.osImage ?? "os ?"}${kube}${runtime}${ipt}${mark}`);
    if (h.findings.length) out.push(`    known bugs hitting it, not its peers: ${h.findings.join(", ")}`);
  }
  out.push("");
  return out;
}

function renderFinding(f: Finding, rank: number, d: Diagnosis): string[] {
  const s = summarizeFinding(f, rank, undefined, d.rootCause ?? null);
  const lines = [
    `${s.rank}. ${s.id} [${s.confidence} ${s.score.toFixed(2)}] ${s.title}`,
    ...(s.rootCauseNote && d.findings.length > 1 && s.id !== d.rootCause?.id ? [`   note: ${s.rootCauseNote}`] : []),
    `   verdict: ${verdictLabel(s.verdict)}: ${s.verdict.reason}`,
    ...(s.verdict.decideWith ? [`   to decide: ${s.verdict.decideWith.step}`] : []),
  ];
  for (const p of [...s.present, ...s.placement, ...s.shared]) lines.push(`   ${p}`);
  const byLine = new Map<string, { shown: LogEvidence; signatures: string[]; reworded: boolean; exact: boolean }>();
  for (const e of f.evidence) {
    if (e.kind !== "log") continue;
    const where = `${e.host ? `${e.host} ` : ""}line ${e.line}`;
    const entry = byLine.get(where) ?? { shown: e, signatures: [], reworded: false, exact: false };
    entry.signatures.push(e.approximate === "similar" ? RESEMBLES_NOTE : e.signature);
    if (e.approximate === "tokens") entry.reworded = true;
    if (!e.approximate) entry.exact = true;
    // Where another signature placed its match on the line, the excerpt can show it.
    if (entry.shown.matchAt === undefined && e.matchAt !== undefined) entry.shown = e;
    byLine.set(where, entry);
  }
  // A line only token signatures matched says so, as every door does (review 70d F1: it read as an exact match).
  for (const [where, { shown, signatures, reworded, exact }] of byLine)
    lines.push(
      `   ${where}: ${evidenceExcerpt(shown, MAX_LINE)}   <- ${signatures.join(", ")}${reworded && !exact ? ` (${REWORDED_NOTE})` : ""}`,
    );
  // The check that decided the verdict first, as every door lists them (summarizeFinding); each with the value judged and,
  // past the first, why it said what it said (review 61a F2: a client's "not affected" read bare under an "affected" verdict).
  const versions = f.evidence.filter((e): e is VersionEvidence => e.kind === "version");
  const deciding = versions.find((e) => e.result === f.verdict.status);
  for (const e of deciding ? [deciding, ...versions.filter((v) => v !== deciding)] : versions) {
    // A level says what an answer rests on; an undecided check has none to give, and a hedged one says so.
    // Under a finding whose symptom does not place the bug, an in-range row says so too, never a bare "affected" (review 71i F2).
    const label = verdictLabel({
      status: e.result,
      level: e.result === "unknown" ? undefined : e.level,
      ...(e.certain ? {} : { certain: false as const }),
      ...(f.verdict.symptom ? { symptom: f.verdict.symptom } : {}),
    });
    const value = e.subject.includes(e.value) ? "" : ` ${e.value}`;
    const why = e === deciding ? "" : `: ${evidenceExcerpt({ text: e.reason }, MAX_LINE)}`;
    lines.push(`   version: ${e.subject}${value} against ${e.ecosystem} ${e.range}: ${label}${why}`);
  }
  // A terminal report names the doubts, not all of them: the record (GET /bugs/:id) has the rest.
  for (const u of f.unverified.slice(0, MAX_UNVERIFIED)) lines.push(`   unverified: ${u}`);
  if (f.unverified.length > MAX_UNVERIFIED) lines.push(`   unverified: (${f.unverified.length - MAX_UNVERIFIED} more in the record)`);
  lines.push(`   fix (${rebootWords(f.reboot)}): ${fixShowingDone(f.fix, f.verdict).trim().split("\n").join("\n        ")}`);
  if (f.references[0]) lines.push(`   see: ${f.references.slice(0, 3).join("  ")}`);
  lines.push("");
  return lines;
}
