/**
 * Headings that name the machine the output under them comes from, as a report comparing machines writes them: a
 * Markdown heading or a line in bold whose words are one host name, perhaps with a note on how it fares ("### vpn-prod
 * (broken)", "**vpn-staging (works fine):**"). What follows such a heading is that machine's, as what follows its prompt
 * is (review 47a F1: a working host's `runc --version` under its own heading was judged the failing host's, "not
 * affected", certain). Only a paste that heads two machines so is read as comparing them; any other heading ends the
 * machine's part.
 */
import { machineOf } from "./fan-out-reader";

/** A Markdown heading's words, or a whole line in bold. */
const HEADING = /^(?:#{1,6}\s+(.+?)(?:\s+#+)?|\*\*(.+?)\*\*|__(.+?)__)\s*$/;
/** A trailing colon and a short note in parentheses after the name: "(broken)", "(works fine)", "(staging)". */
const NOTE = /\s*:?\s*(?:\([^()\n]{1,40}\)\s*)?:?$/;
/**
 * A host name as a report writes it: letters, digits, hyphens and dots, with a digit or a hyphen (a bare word such as
 * "Logs" or "Versions" names a section, not a machine), no version ("v1.2.0") and no file ("docker-compose.yml").
 */
const HOST = /^(?=[^\s]*[-\d])[a-z][a-z0-9-]{1,62}(?:\.[a-z0-9-]{1,62}){0,4}$/i;
const FILE = /\.(?:ya?ml|json|toml|conf|cfg|ini|log|txt|sh|md|service|go|py|js|ts)$/i;
/**
 * Components a heading names much more often than a machine does ("### kube-proxy", "### calico-node"), a report's
 * numbered parts ("### Step-2", "**Update-1:**") and versions ("### v1.2.0").
 */
const NOT_A_HOST =
  /^(?:v\d|(?:kube|kubelet|calico|cilium|flannel|coredns|containerd|docker|etcd|cri-o|crio|runc|crun|podman|helm|istio|step|attempt|try|test|case|example|option|update|edit|solution|workaround|fix|part|phase|round|run|logs?|output|config|version|issue|comment)\b)/i;

/**
 * What a line says as a heading: a machine's name (lower case), null for a heading that names none (it ends a machine's
 * part), undefined for a line that is no heading.
 */
export function hostHeading(line: string): string | null | undefined {
  if (line.length > MAX_HEADING) return undefined;
  const m = HEADING.exec(line);
  if (!m) return undefined;
  const words = (m[1] ?? m[2] ?? m[3] ?? "").replace(NOTE, "");
  return HOST.test(words) && !FILE.test(words) && !NOT_A_HOST.test(words) ? machineOf(words) : null;
}
const MAX_HEADING = 120;

/**
 * Whether the headings from line `from` (0-based, the paste's first host heading) on name two machines or more: only then
 * is the paste read as comparing machines; a single host's heading is a section of one report, which says nothing new.
 */
export function comparesHosts(lines: { readonly length: number; at(i: number): string }, from: number): boolean {
  let first: string | null = null;
  for (let i = from; i < lines.length; i++) {
    const t = lines.at(i).trimStart();
    const host = t.length <= MAX_HEADING && HEADING_START.test(t) ? hostHeading(t.trimEnd()) : undefined;
    if (!host) continue;
    if (first === null) first = host;
    else if (host !== first) return true;
  }
  return false;
}
/** A line that may be a Markdown heading or a line in bold (a cheap test before hostHeading). */
export const HEADING_START = /^(?:#|\*\*|__)/;
