/**
 * Every bound on the work one request may cause, in one place. The body size comes from the
 * environment (MAX_BODY_BYTES); the rest are fixed here so both runtimes enforce the same numbers, and
 * what they let through fits a Workers Paid-plan request (30 s of CPU by default, 128 MB): beyond them,
 * a clear 413, not a platform kill. They do not make a diagnosis fit the Free plan's 10 ms: compiling
 * the knowledge base, which the first diagnosis in each isolate pays, costs about 0.3 s of CPU, and a warm
 * 10-row nodes table about 20 ms (README, "Limits, load and abuse"; `npm run bench:worker`).
 */
import { HOSTS_LIMITS } from "../engine/diagnose-input";
import { NODES_HEADER } from "../engine/facts/kube-nodes";
import { shortName } from "../engine/facts/uname-fleet";
import { formatBytes } from "../format-bytes";

export const LIMITS = {
  /** Lines in one text: a bundle, or the `logs` field (~100 bytes a line: 10 MB of journald is ~100k). */
  lines: 200_000,
  /** Rows of `kubectl get nodes` tables: Kubernetes supports clusters of up to 5,000 nodes. */
  nodeRows: 5_000,
  /** Hosts read from `uname -a` lines of different hosts. */
  unameHosts: 5_000,
  /** Nodes of one fleet: table rows and uname hosts join into one list (a table with its hosts' unames). */
  fleetNodes: 5_000,
  /** Hosts in the per-host form ({"hosts": [...]}, known-bugs collect): the engine's own limit. */
  hosts: HOSTS_LIMITS.maxHosts,
  /** Characters of one structured field other than `logs` (uname, os-release, iptables ...). */
  fieldChars: 1024 * 1024,
  /** Requests waiting for a pool thread before the server answers 503 (Node). */
  queuePerThread: 8,
  /**
   * Tokens of a JSON body (strings, `,` `:`, `[` `{`) counted before it is parsed: the largest valid request,
   * the hosts form, uses about nine per host (see service/json-body.ts).
   */
  jsonTokens: 20 * HOSTS_LIMITS.maxHosts,
  /** Fields of the page's paste form counted before it is parsed: the page sends `bundle` and, scoped, `record`. */
  formFields: 16,
  /**
   * Characters of a search (`q`): a whole error line, which may be a klog line with a structured `err=`
   * of several hundred characters, while its URL stays under the 16 KB header limit even fully
   * percent-encoded (1,000 UTF-16 units are at most 3,000 UTF-8 bytes, 9,000 characters encoded).
   */
  queryChars: 1_000,
} as const;

/** What an answer shows at most; beyond it, the answer summarises and says what it left out. */
export const ANSWER_CAPS = {
  /** Node reports (outliers and nodes with findings first). */
  nodes: 200,
  /** Evidence entries per finding or advisory (log lines first, then version checks). */
  evidencePerFinding: 40,
} as const;

/** A limit a request went past: rendered as a 413 problem naming the limit and the count. */
export interface LimitBreach {
  slug: string;
  detail: string;
}

/** A count the scan stopped at, one past the limit, is only a bound (review 36a: "5,001 rows" for 58,000). */
const counted = (count: number, limit: number) =>
  count === limit + 1 ? `more than ${limit.toLocaleString("en-US")}` : count.toLocaleString("en-US");

const TOO_MANY = (what: string, count: number, limit: number, field?: string): LimitBreach => ({
  slug: "input-too-large",
  detail: `${field ? `The ${field} field has` : "The input has"} ${counted(count, limit)} ${what}; the limit is ${limit.toLocaleString("en-US")}. Send less, or split it.`,
});

/** What the uname parser reads as a host: `uname -a`, and `uname -snr[m]` without the build. */
/** `uname -a` (or `-snrm`): "Linux", the host name, a release. */
const UNAME_LINE = /^\s*Linux\s+(\S+)\s+\d+\.\d+\S*(?:\s|$)/;

/** The node names seen so far across the texts of one request (a bundle, or the fields together): a table's row and its host's uname are one node. */
interface FleetTally {
  names: Set<string>;
  /** Nodes counted, a name and its bare short name being one (the engine joins them: uname-fleet.ts). */
  nodes: number;
}

const FLEET_TOO_LARGE = (count: number): LimitBreach => ({
  slug: "input-too-large",
  detail: `The input names ${counted(count, LIMITS.fleetNodes)} nodes (kubectl table rows and uname -a hosts together); the limit is ${LIMITS.fleetNodes.toLocaleString("en-US")}. Send less, or split it.`,
});

/**
 * Counts lines, kubectl table rows and `uname -a` hosts in one pass over the text, stopping as soon as
 * a limit is passed. Lines are read whole, as the parsers read them, from their first character that is not
 * white space (a no-break space, a BOM, CR and tabs included). Rows are counted from each table header on,
 * over blank lines, while each line's second word is a node status (Ready, NotReady, Unknown): every row
 * the parser reads is one (its STATUS cell follows NAME: kube-nodes.ts), so a text that passes here cannot
 * make the engine read more. A `uname -a` line counts as a host wherever it is, in a table too.
 */
export function checkTextLimits(text: string, field?: string, fleet: FleetTally = { names: new Set(), nodes: 0 }): LimitBreach | null {
  let lines = 0;
  let rows = 0;
  let inTable = false;
  const hosts = new Set<string>();
  let start = 0;
  // A final line break ends the last line; it does not start another (`wc -l` counts the same way).
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    lines++;
    if (lines > LIMITS.lines) return TOO_MANY("lines", countLines(text), LIMITS.lines, field);
    LEADING_SPACE.lastIndex = start;
    LEADING_SPACE.exec(text);
    const at = Math.min(LEADING_SPACE.lastIndex, end);
    const blank = at === end;
    // Only lines that could be a table header, a row or a uname line are looked at more closely.
    const line = !blank && (inTable || text.startsWith("NAME", at) || text.startsWith("Linux", at)) ? text.slice(at, end) : "";
    if (inTable && !blank && !ROW.test(line)) inTable = false;
    if (inTable && !blank) {
      if (++rows > LIMITS.nodeRows) return TOO_MANY("kubectl node rows", rows, LIMITS.nodeRows, field);
      if (addNode(fleet, /^\S*/.exec(line)?.[0] ?? "")) return FLEET_TOO_LARGE(fleet.nodes);
    } else if (!inTable && NODES_HEADER.test(line)) inTable = true;
    const uname = UNAME_LINE.exec(line);
    if (uname) {
      const host = uname[1] ?? "";
      hosts.add(host);
      if (hosts.size > LIMITS.unameHosts) return TOO_MANY("hosts in uname -a lines", hosts.size, LIMITS.unameHosts, field);
      if (addNode(fleet, host)) return FLEET_TOO_LARGE(fleet.nodes);
    }
    start = end + 1;
  }
  return null;
}

/** White space at a line's start, the line break excepted (sticky: read from `lastIndex`). */
const LEADING_SPACE = /[^\S\n]*/y;
/** A nodes-table row: a name, then a STATUS cell (Ready, NotReady, Ready,SchedulingDisabled, Unknown). */
const ROW = /^\S+\s+(?:NotReady|Ready|Unknown)/;

/**
 * Counts a node by name; true past the limit. A table's "node1.example.com" and a uname's "node1" are one
 * node, as the engine joins them; two full names are two nodes even with one short name (uname-fleet.ts).
 */
function addNode(fleet: FleetTally, name: string): boolean {
  const short = shortName(name);
  const seen = fleet.names.has(name) || (name === short ? fleet.names.has(`.${short}`) : fleet.names.has(short));
  fleet.names.add(name);
  // ".node1": some full name has this short name, for a bare "node1" that comes later.
  if (name !== short) fleet.names.add(`.${short}`);
  if (!seen) fleet.nodes++;
  return fleet.nodes > LIMITS.fleetNodes;
}

function countLines(text: string): number {
  let n = text.endsWith("\n") ? 0 : 1;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/** Limits of the structured form: `logs` like a bundle, the other fields are short command outputs. */
export function checkFieldLimits(fields: Record<string, unknown>): LimitBreach | null {
  const fleet: FleetTally = { names: new Set(), nodes: 0 };
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value !== "string") continue;
    if (name !== "logs" && name !== "nodes" && value.length > LIMITS.fieldChars) {
      return {
        slug: "input-too-large",
        detail: `The ${name} field is ${value.length} characters long; the limit is ${LIMITS.fieldChars}.`,
      };
    }
    const breach = checkTextLimits(value, name, fleet);
    if (breach) return breach;
  }
  return null;
}

/**
 * Limits of the per-host form ({"hosts": [{ name, bundle }]}): at most LIMITS.hosts hosts, and all
 * bundles together within the line, row and host limits of one text (they are diagnosed together).
 */
export function checkHostsLimits(hosts: ReadonlyArray<{ name: string; bundle: string }>): LimitBreach | null {
  if (hosts.length > LIMITS.hosts) {
    return { slug: "input-too-large", detail: `The request names ${hosts.length} hosts; the limit is ${LIMITS.hosts}. Split the fleet.` };
  }
  return checkTextLimits(hosts.map((h) => h.bundle).join("\n"), "hosts");
}

/**
 * The 413 of a body over MAX_BODY_BYTES (`decoded`: counted once decompressed), saying what to do, as the other limits'
 * answers do (review 65f F2: a byte count and nothing more).
 */
export const bodyTooLarge = (max: number, decoded = false): string =>
  `The body is larger than the limit of ${formatBytes(max)} (${max} bytes)${decoded ? " once decompressed: compressing does not help" : ""}. Send the log's last lines, one host per request, or run \`known-bugs diagnose --local\` (no limit).`;
