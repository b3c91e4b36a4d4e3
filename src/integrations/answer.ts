import { listBugs } from "../db/bug-queries";
import type { Store } from "../db/create-db";
import { diagnoseBundle } from "../engine/diagnose";
import type { Diagnosis, NodeReport } from "../engine/diagnosis";
import { type FindingSummary, type RecordSummary, summarizeDiagnosis, summarizeRecord } from "../engine/summary";
import { currentKb } from "../service/kb-cache";
import type { ChatInput } from "./chat-input";

/** Findings shown in a chat answer; the rest are counted, and the web page has them all. */
export const SHOWN_FINDINGS = 3;
const SHOWN_ADVISORIES = 3;
const SEARCH_RESULTS = 5;

export interface KbRef {
  version: string;
  records: number;
}

/**
 * A chat answer before any platform formatting: Slack's blocks and Discord's embeds are two renderings
 * of this, and its findings are the engine's one projection (summarizeDiagnosis), never re-ranked here.
 */
export type ChatAnswer =
  | { kind: "help" }
  | {
      kind: "diagnosis";
      kb: KbRef;
      findings: FindingSummary[];
      /** Findings beyond those shown. */
      more: number;
      advisories: FindingSummary[];
      outliers: NodeReport[];
      /** The host facts the verdicts were judged on, in words ("kernel 5.15.0-127-generic", ...). */
      facts: string[];
      truncated: ChatInput["truncated"];
    }
  | { kind: "record"; kb: KbRef; record: RecordSummary }
  | { kind: "search"; kb: KbRef; query: string; total: number; items: Array<{ id: string; title: string; summary: string }> };

const SLUG = /^[a-z0-9]+(?:[.-][a-z0-9]+)*$/;

/**
 * What the person typed decides the answer: `help` or nothing → help; a record id → that record;
 * anything the engine recognises (log lines, uname, os-release) → a diagnosis; other single-line text
 * (a CVE, a commit, an issue number, words) → a search of the records.
 */
export async function answerFor(store: Store, input: ChatInput): Promise<ChatAnswer> {
  const text = input.text;
  if (!text || /^(help|-h|--help|\?)$/i.test(text)) return { kind: "help" };
  const kb = await currentKb(store);
  const ref: KbRef = { version: kb.version, records: kb.records.length };
  const single = !text.includes("\n");
  if (single && SLUG.test(text)) {
    const record = kb.records.find((r) => r.id === text);
    if (record) return { kind: "record", kb: ref, record: summarizeRecord(record) };
  }
  const diagnosis = diagnoseBundle(kb, text);
  if (!single || diagnosis.findings.length || diagnosis.advisories.length || diagnosis.facts.kernel)
    return diagnosisAnswer(ref, diagnosis, input.truncated);
  const found = await listBugs(store, { q: text.slice(0, 200), limit: SEARCH_RESULTS, offset: 0 });
  return {
    kind: "search",
    kb: ref,
    query: text.slice(0, 200),
    total: found.total,
    items: found.items.map((b) => ({ id: b.id, title: b.title, summary: b.summary })),
  };
}

function diagnosisAnswer(kb: KbRef, d: Diagnosis, truncated: ChatInput["truncated"]): ChatAnswer {
  const s = summarizeDiagnosis(d);
  return {
    kind: "diagnosis",
    kb,
    findings: s.findings.slice(0, SHOWN_FINDINGS),
    more: Math.max(0, s.findings.length - SHOWN_FINDINGS),
    advisories: s.advisories.slice(0, SHOWN_ADVISORIES),
    outliers: s.outliers,
    facts: factLines(d),
    truncated,
  };
}

function factLines(d: Diagnosis): string[] {
  const out: string[] = [];
  const k = d.facts.kernel;
  if (k) out.push(`kernel ${k.release}${k.package ? ` (${k.package.ecosystem ?? "?"} ${k.package.version}, ${k.package.certainty})` : ""}`);
  const os = d.facts.os;
  if (os) out.push(os.prettyName ?? `${os.id} ${os.versionId ?? ""}`.trim());
  if (d.facts.iptables) out.push(`iptables ${d.facts.iptables.version}${d.facts.iptables.backend ? ` (${d.facts.iptables.backend})` : ""}`);
  return out;
}

/** The record page when PUBLIC_URL is set; null otherwise (the answer then names the id). */
export function recordUrl(publicUrl: string | undefined, id: string): string | null {
  return publicUrl ? `${publicUrl}/bugs/${encodeURIComponent(id)}` : null;
}
