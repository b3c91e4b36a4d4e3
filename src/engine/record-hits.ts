/**
 * The log hits of one diagnosis, grouped by record: the evidence lines an answer shows (a few per
 * signature, each cut to a readable length) and every line each signature saw, which is what scoring,
 * the witness count and the context search read. A flood of one message is shown five times but
 * counted as what it is: the cap on what is shown must not turn its sixth copy into new evidence.
 */
import { RE2JS } from "re2js";
import type { CompiledKb } from "./compile-kb";
import type { LogEvidence } from "./diagnosis";
import type { Hit } from "./match";
import type { ApproximateHit } from "./recall";
import { SIMILAR_SIGNATURE, similarWeight, tokenWeight } from "./score";

/** Evidence lines kept per signature: enough to show a pattern, not a whole flood. */
const LINES_PER_SIGNATURE = 5;
/** A pasted line can be megabytes long (a JSON log record, a containerd line): evidence shows this much of it. */
const MAX_EVIDENCE_CHARS = 4000;

/** Every line (1-based) one signature saw for a record, however many the evidence shows. */
export interface Sighting {
  signature: string;
  weight: number;
  approximate?: "tokens" | "similar";
  lines: Set<number>;
}

export interface RecordHits {
  /** What the answer shows: at most LINES_PER_SIGNATURE lines per signature. */
  evidence: LogEvidence[];
  /** What the answer weighs: all of them. */
  sightings: Sighting[];
}

export function groupHits(kb: CompiledKb, hits: ReadonlyArray<Hit | ApproximateHit>): Map<string, RecordHits> {
  const byRecord = new Map<string, RecordHits>();
  // A reworded line of a signature is that signature's message again: one sighting, exact or not.
  const bySignature = new Map<string, Sighting>();
  const shown = new Map<string, number>();
  for (const hit of hits) {
    const approximate = "approximate" in hit ? hit.approximate : undefined;
    const compiled = approximate === "similar" ? undefined : kb.signatures.get(hit.key);
    const recordId = approximate === "similar" ? ("recordId" in hit ? hit.recordId : undefined) : compiled?.record.id;
    if (!recordId) continue;
    // Resemblance only speaks for records that nothing more precise found.
    if (approximate === "similar" && byRecord.has(recordId)) continue;
    const signature = compiled?.signature.id ?? SIMILAR_SIGNATURE;
    const weight =
      approximate === "similar"
        ? similarWeight("coverage" in hit ? (hit.coverage ?? 0) : 0)
        : approximate === "tokens"
          ? tokenWeight(compiled?.signature.weight ?? 0)
          : (compiled?.signature.weight ?? 0);
    const record = byRecord.get(recordId) ?? { evidence: [], sightings: [] };
    byRecord.set(recordId, record);
    let sighting = bySignature.get(`${recordId}/${signature}`);
    if (!sighting) {
      sighting = { signature, weight, lines: new Set(), ...(approximate ? { approximate } : {}) };
      bySignature.set(`${recordId}/${signature}`, sighting);
      record.sightings.push(sighting);
    }
    sighting.lines.add(hit.line);
    const kind = `${recordId}/${signature}/${approximate ?? "exact"}`;
    const count = (shown.get(kind) ?? 0) + 1;
    shown.set(kind, count);
    if (count > LINES_PER_SIGNATURE) continue;
    record.evidence.push({
      kind: "log",
      line: hit.line,
      text: hit.text.length > MAX_EVIDENCE_CHARS ? aroundMatch(hit.text, approximate ? undefined : compiled?.signature) : hit.text,
      signature,
      weight,
      ...(hit.blockStart !== undefined ? { blockStart: hit.blockStart } : {}),
      ...(approximate ? { approximate } : {}),
    });
  }
  return byRecord;
}

/**
 * One weight per signature that saw a line no stronger signature saw: two patterns matching the same
 * line are one piece of evidence, not two, and a repeated line counts once.
 */
export function independentWeights(sightings: readonly Sighting[]): number[] {
  const covered = new Set<number>();
  const weights: number[] = [];
  for (const { weight, lines } of [...sightings].sort((a, b) => b.weight - a.weight)) {
    if ([...lines].some((l) => !covered.has(l))) weights.push(weight);
    for (const l of lines) covered.add(l);
  }
  return weights;
}

/** Every line the record's signatures saw. */
export const sightedLines = (hits: RecordHits): Set<number> => new Set(hits.sightings.flatMap((s) => [...s.lines]));

/**
 * A line longer than MAX_EVIDENCE_CHARS, cut to the part the signature matched, with "…" where text was left
 * out: its start would show 4000 characters of a JSON record's other fields and not the words that decided.
 * A line a reworded or resembling reading found, or whose match cannot be placed, shows its start.
 */
function aroundMatch(line: string, signature: { kind: "literal" | "regex"; pattern: string } | undefined): string {
  const at = signature ? matchAt(line, signature) : null;
  if (!at) return `${line.slice(0, MAX_EVIDENCE_CHARS)}…`;
  const room = Math.max(0, MAX_EVIDENCE_CHARS - (at.end - at.start));
  const start = Math.max(0, Math.min(at.start - Math.floor(room / 2), line.length - MAX_EVIDENCE_CHARS));
  const end = Math.min(line.length, start + MAX_EVIDENCE_CHARS);
  return `${start > 0 ? "…" : ""}${line.slice(start, end)}${end < line.length ? "…" : ""}`;
}

/** Where the signature matches the line: a literal's case-folded occurrence, a regex's first match (RE2: linear). */
function matchAt(line: string, signature: { kind: "literal" | "regex"; pattern: string }): { start: number; end: number } | null {
  if (signature.kind === "literal") {
    const start = line.toLowerCase().indexOf(signature.pattern.toLowerCase());
    return start < 0 ? null : { start, end: start + signature.pattern.length };
  }
  try {
    const m = RE2JS.compile(signature.pattern, RE2JS.CASE_INSENSITIVE).matcher(line);
    return m.find() ? { start: m.start(), end: m.end() } : null;
  } catch {
    return null;
  }
}
