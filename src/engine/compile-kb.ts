import { type CompiledContext, compileContexts, contextLiterals } from "./context";
import { IPTABLES_VERSION_MARKERS, MENTION_MARKERS } from "./facts";
import { compileMatcher, foldLiteral, type Matcher } from "./match";
import { type ModuleBound, moduleBoundRecords } from "./module-bound";
import { compileRecall, FAILURE_MARKERS, type RecallTables } from "./recall";
import type { BugRecord, RecordSignature as Signature } from "./record";
import type { RelationEdge } from "./types";

export interface CompiledSignature {
  record: BugRecord;
  signature: Signature;
}

/**
 * A knowledge base ready to diagnose with: built once per version and reused across requests. `R` is
 * the caller's record type (curation's full record); the engine reads only the BugRecord part of it.
 */
export interface CompiledKb<R extends BugRecord = BugRecord> {
  version: string;
  records: readonly R[];
  matcher: Matcher;
  signatures: ReadonlyMap<string, CompiledSignature>;
  /** Every record's declared relations, for root-cause ranking. */
  relations: readonly RelationEdge[];
  /** Token signatures and the lexical index of the recall tier. */
  recall: RecallTables;
  /** Per record that declares a context: the compiled patterns that show it. */
  contexts: ReadonlyMap<string, CompiledContext>;
  /** Per module-bound record (its `context.modules`): the modules whose list must name one (module-bound.ts). */
  moduleBound: ModuleBound;
}

export const signatureKey = (recordId: string, signatureId: string) => `${recordId}/${signatureId}`;

/**
 * Engine-owned probes ride in the same one-pass matcher as the records' signatures, so fact
 * extraction needs no second search of a large log. Their keys never collide with record ids.
 */
export const IPTABLES_PROBE = "fact:iptables";
export const MENTION_PROBE = "fact:mention";
/** A signature's `doubtedBy` line: `${DOUBT_PROBE}/<signature key>`. */
export const DOUBT_PROBE = "fact:doubt";
/** Whether a hit is one of the engine's probes (every probe key starts so), not a record's signature. */
export const isProbe = (key: string) => key.startsWith("fact:");
const PROBES = [
  ...IPTABLES_VERSION_MARKERS.map((pattern, i) => ({
    key: `${IPTABLES_PROBE}/${i}`,
    kind: "literal" as const,
    pattern,
    caseSensitive: true,
  })),
  ...MENTION_MARKERS.map((pattern, i) => ({ key: `${MENTION_PROBE}/${i}`, kind: "literal" as const, pattern, caseSensitive: false })),
];
/** The mention marker each mention probe's key stands for. */
export const MENTION_PROBE_MARKER: ReadonlyMap<string, string> = new Map(MENTION_MARKERS.map((m, i) => [`${MENTION_PROBE}/${i}`, m]));

/**
 * An example log without the lines that only the record's context signatures (weight below a
 * symptom's) match: what the lexical fallback should liken a report's lines to is the bug's symptom.
 */
function symptomLines(
  matcher: Matcher,
  signatures: ReadonlyMap<string, CompiledSignature>,
): (record: { id: string }, log: string) => string {
  const withContext = new Set([...signatures.values()].filter((s) => s.signature.weight < CONTEXT_WEIGHT).map((s) => s.record.id));
  return (record, log) => {
    if (!withContext.has(record.id)) return log;
    const weights = new Map<number, number>();
    for (const hit of matcher.scan(log)) {
      const s = signatures.get(hit.key);
      if (s?.record.id === record.id) weights.set(hit.line, Math.max(weights.get(hit.line) ?? 0, s.signature.weight));
    }
    const drop = new Set([...weights].filter(([, w]) => w < CONTEXT_WEIGHT).map(([line]) => line));
    return drop.size
      ? log
          .split("\n")
          .filter((_, i) => !drop.has(i + 1))
          .join("\n")
      : log;
  };
}
/** A signature weighing less than this marks context (a shared symptom of many causes), not the bug. */
const CONTEXT_WEIGHT = 0.5;

/**
 * Throws MatcherCompileError (listing every bad pattern) when a signature cannot run in linear time.
 * `validated`: the records passed a full compile at import, so regexes may be built on first use.
 */
export function compileKnowledgeBase<R extends BugRecord>(
  version: string,
  records: readonly R[],
  opts: { validated?: boolean } = {},
): CompiledKb<R> {
  const signatures = new Map<string, CompiledSignature>();
  for (const record of records) {
    for (const signature of record.signatures) signatures.set(signatureKey(record.id, signature.id), { record, signature });
  }
  const matcher = compileMatcher(
    [
      ...[...signatures].map(([key, { signature: s }]) => ({
        key,
        kind: s.kind,
        pattern: s.pattern,
        caseSensitive: s.caseSensitive,
        refutes: s.refutes === true,
        ...(s.unless === undefined ? {} : { unless: s.unless }),
        ...(s.unlessNext === undefined ? {} : { unlessNext: s.unlessNext }),
      })),
      ...PROBES,
      ...[...signatures].flatMap(([key, { signature: s }]) =>
        s.doubtedBy === undefined
          ? []
          : [{ key: `${DOUBT_PROBE}/${key}`, kind: "regex" as const, pattern: s.doubtedBy, caseSensitive: false }],
      ),
    ],
    // The recall tier's failure words and the record contexts' evidence literals ride in the same pass, so neither needs
    // a pass of its own.
    { deferRegexes: opts.validated ?? false, markers: FAILURE_MARKERS.map(foldLiteral), probes: contextLiterals(records) },
  );
  const recall = compileRecall(records, signatureKey, symptomLines(matcher, signatures));
  const relations = records.flatMap((r) => (r.relations ?? []).map((rel) => ({ from: r.id, to: rel.id, kind: rel.kind, note: rel.note })));
  return {
    version,
    records,
    matcher,
    signatures,
    relations,
    recall,
    contexts: compileContexts(records),
    moduleBound: moduleBoundRecords(records),
  };
}
