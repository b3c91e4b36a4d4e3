/**
 * iptables names its version and backend in `iptables --version` ("iptables v1.8.7 (nf_tables)") and
 * in its error messages, which kube-proxy and CNI plugins copy into their logs
 * ("ip6tables-restore v1.8.7 (nf_tables): unknown option ..."). Releases before 1.8 print no backend.
 */
import type { IptablesFacts } from "../types";

/** What precedes " v1.8.7" in every binary name MENTION accepts; every mention holds one of them. */
export const IPTABLES_VERSION_MARKERS = ["tables v", "-legacy v", "-nft v", "-restore v", "-save v"];
const MENTION =
  /\b(ip6?tables(?:-(?:legacy|nft))?(?:-(?:restore|save))?(?:-(?:legacy|nft))?) v(\d+\.\d+(?:\.\d+)?)(?: \((legacy|nf_tables)\))?/;
/** The whole line is version output, not a log line that mentions a version. */
const VERSION_OUTPUT = new RegExp(`^${MENTION.source}\\s*$`);

export function parseIptablesVersion(line: string, lineNumber = 1): IptablesFacts | null {
  const m = MENTION.exec(line);
  if (!m?.[1] || !m[2]) return null;
  const binary = m[1];
  // "iptables-legacy v1.8.10" names its backend in the binary instead of in parentheses.
  const backend =
    (m[3] as IptablesFacts["backend"] | undefined) ?? (/-legacy/.test(binary) ? "legacy" : /-nft/.test(binary) ? "nf_tables" : null);
  return { version: m[2], backend, binary, line: lineNumber };
}

export const isIptablesVersionOutput = (line: string): boolean => VERSION_OUTPUT.test(line.trim());

/** A line that may name an iptables version, with its 1-based number in the text. */
export interface LineRef {
  text: string;
  line: number;
}

/**
 * The iptables the input shows: the output of `iptables --version` when present, otherwise the
 * version and backend mentioned most often in the logs (the first one on a tie). Outputs that name
 * different versions (the host's and a kube-proxy pod's, before and after an upgrade) decide nothing
 * by themselves: which one failed is not known, and taking the first would let the paste's order decide.
 */
export function findIptables(lines: readonly string[], firstLine = 1): IptablesFacts | null {
  return pickIptables(iptablesCandidates(lines, firstLine));
}

/** The lines that may name an iptables version, numbered from `firstLine`. */
export function iptablesCandidates(lines: readonly string[], firstLine = 1): LineRef[] {
  const candidates: LineRef[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.includes("tables") && mayNameVersion(line)) candidates.push({ text: line, line: firstLine + i });
  }
  return candidates;
}

/** Cheap gate: a mention always has one of the markers just before the version. */
const mayNameVersion = (line: string) => IPTABLES_VERSION_MARKERS.some((m) => line.includes(m));

/** The same choice over lines already known to hold a marker (the one-pass matcher finds them). */
export function pickIptables(candidates: readonly LineRef[]): IptablesFacts | null {
  const found: IptablesFacts[] = [];
  const outputs: IptablesFacts[] = [];
  for (const { text, line } of candidates) {
    const facts = parseIptablesVersion(text, line);
    if (!facts) continue;
    if (isIptablesVersionOutput(text)) outputs.push(facts);
    else found.push(facts);
  }
  const output = new Set(outputs.map((o) => o.version)).size === 1 ? (outputs[0] as IptablesFacts) : null;
  return pickMentioned(found, [...outputs, ...found], output);
}

/** The version and backend mentioned most often (the first on a tie), or `output`; no backend when the input shows two. */
function pickMentioned(
  mentions: readonly IptablesFacts[],
  found: readonly IptablesFacts[],
  output: IptablesFacts | null,
): IptablesFacts | null {
  const counts = new Map<string, { first: IptablesFacts; n: number }>();
  for (const f of mentions) {
    const key = `${f.version} ${f.backend}`;
    const seen = counts.get(key);
    if (seen) seen.n++;
    else counts.set(key, { first: f, n: 1 });
  }
  let best: { first: IptablesFacts; n: number } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  const chosen = output ?? best?.first ?? null;
  // The host's iptables and a container's (kube-proxy's image) often run different backends: when the
  // input shows both, which one a bug met is not known, and no backend is claimed.
  if (chosen?.backend && found.some((f) => f.backend && f.backend !== chosen.backend)) return { ...chosen, backend: null };
  return chosen;
}
