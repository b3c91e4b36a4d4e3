/**
 * The API server's node objects in every form kubectl prints them, read as the rows of a nodes table (review 70b F7: four
 * `kubectl describe nodes` blocks, `get nodes -o json`, and `cluster-info dump`'s NodeList each gave the node's kernel, and
 * the answer was "3 kernels, two machines: a nodes table would decide"):
 *
 * - `kubectl get nodes [-o wide]`: the table (kube-nodes.ts);
 * - `kubectl describe nodes`: a `Name:` block per node, its System Info's Kernel Version, OS Image, Container Runtime
 *   Version and Kubelet Version, its Addresses' InternalIP, its Conditions' Ready row;
 * - `kubectl get nodes -o json` (a List of Nodes, or one Node), `cluster-info dump`'s NodeList: `metadata.name` and
 *   `status.nodeInfo`, and a PodList's `spec.nodeName`, which places the pods whose logs the dump prints after it;
 * - `kubectl get nodes -o yaml`: the same fields, YAML's.
 *
 * Only the lines the facts are read from are the listing's (its `spans`): a node's conditions and events stay log lines,
 * which may show a symptom.
 */
import type { NodeRow } from "../types";
import { NODES_HEADER, parseNodesTableAt } from "./kube-nodes";

/** What the reader needs of the lines (readBundle's Lines, an array's). */
export interface ListingLines {
  readonly length: number;
  /** Line i (0-based), or "" past the end. */
  at(i: number): string;
}

/** Nodes read from one listing, the pods it places ("<namespace>/<name>" and its node), and where it is. */
export interface NodeListing {
  rows: NodeRow[];
  pods: Array<[pod: string, node: string]>;
  /** The lines (0-based, inclusive) the facts were read from: not log lines. */
  spans: Array<[number, number]>;
  /** Its last line (0-based). */
  last: number;
}

/** A bound on the nodes one listing gives: the fleet limit's (src/http/limits.ts counts a table's rows alike). */
const MAX_NODES = 5_000;

export class NodeListingReader {
  /** Each JSON object's closing line, by its opening line (0-based): counted in one pass at the first object asked for. */
  private closes: Map<number, number> | undefined;

  constructor(private readonly lines: ListingLines) {}

  /** The listing whose first line is line i (0-based), `t` trimmed, or null. */
  at(i: number, t: string): NodeListing | null {
    const first = t.charCodeAt(0);
    // "N": a table's NAME or a description's Name:; "{": JSON; "a", "i", "k": YAML's apiVersion:, items:, kind:.
    if (first === 78) return this.table(i, t) ?? several(describedNodes(this.lines, i));
    if (first === 123 && t === "{") return several(this.json(i));
    if ((first === 97 || first === 105 || first === 107) && YAML_START.test(this.lines.at(i))) return several(yamlNodes(this.lines, i));
    return null;
  }

  private table(i: number, t: string): NodeListing | null {
    if (!NODES_HEADER.test(t)) return null;
    const { lines } = this;
    const rows = parseNodesTableAt((k) => (i + k < lines.length ? lines.at(i + k) : undefined), i + 1);
    const last = rows.at(-1);
    return last ? { rows, pods: [], spans: [[i, last.line - 1]], last: last.line - 1 } : null;
  }

  private json(i: number): NodeListing | null {
    const { lines } = this;
    let kind: string | undefined;
    for (let k = i + 1; k < Math.min(lines.length, i + 12) && !kind; k++) kind = JSON_KIND.exec(lines.at(k))?.[1];
    if (!kind) return null;
    this.closes ??= objectCloses(lines);
    const close = this.closes.get(i);
    if (close === undefined) return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(Array.from({ length: close - i + 1 }, (_, k) => lines.at(i + k)).join("\n"));
    } catch {
      return null;
    }
    const top = record(parsed);
    const items = Array.isArray(top?.items) ? top.items : [parsed];
    const rows: NodeRow[] = [];
    const pods: Array<[string, string]> = [];
    const spans: Array<[number, number]> = [];
    // Each nodeInfo's lines, in the order the text gives them: the order of the objects that carry one.
    const infoLines: number[] = [];
    for (let k = i; k <= close; k++) if (NODE_INFO_KEY.test(lines.at(k))) infoLines.push(k);
    for (const item of items) {
      const o = record(item);
      const meta = record(o?.metadata);
      const name = typeof meta?.name === "string" ? meta.name : null;
      const info = record(record(o?.status)?.nodeInfo);
      const spec = record(o?.spec);
      if (name && typeof spec?.nodeName === "string" && !info) {
        const ns = typeof meta?.namespace === "string" ? meta.namespace : "default";
        pods.push([`${ns}/${name}`, spec.nodeName]);
        continue;
      }
      if (!info) continue;
      const at = infoLines.shift();
      if (!name || rows.length >= MAX_NODES) continue;
      const end = at === undefined ? undefined : objectEnd(lines, at, close);
      if (at !== undefined && end !== undefined) spans.push([at, end]);
      const labels = record(meta?.labels);
      rows.push(
        row({
          name,
          status: readyOf(record(o?.status)?.conditions),
          roles: rolesOf(labels ? Object.keys(labels) : []),
          internalIp: internalIpOf(record(o?.status)?.addresses),
          field: (key) => (typeof info[key] === "string" ? (info[key] as string) : null),
          line: (at ?? i) + 1,
        }),
      );
    }
    return rows.length || pods.length ? { rows, pods, spans, last: close } : null;
  }
}

/**
 * A listing of several nodes' objects, or its pods alone: one node's object (`kubectl describe node node-b`, `get node web-2
 * -o json`) stays what it was, a reading named in passing, which a heading may give another machine ("For comparison,
 * the working node:"), not a fleet of one whose kernel would judge the paste's lines.
 */
function several(listing: NodeListing | null): NodeListing | null {
  if (listing?.rows.length !== 1) return listing;
  return listing.pods.length ? { ...listing, rows: [], spans: [] } : null;
}

/** The listings of a text given as lines (a form's nodes field), first to last. */
export function readNodeListings(lines: readonly string[]): NodeListing[] {
  const text = { length: lines.length, at: (i: number) => lines[i] ?? "" };
  const reader = new NodeListingReader(text);
  const out: NodeListing[] = [];
  for (let i = 0; i < lines.length; i++) {
    const listing = reader.at(i, text.at(i).trim());
    if (!listing) continue;
    out.push(listing);
    i = listing.last;
  }
  return out;
}

/** A value as an object, or undefined. */
const record = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** The fields a row is made of, however the listing prints them (nodeInfo's keys). */
function row(o: {
  name: string;
  status: string;
  roles: string;
  internalIp: string | null;
  field: (key: "kernelVersion" | "osImage" | "containerRuntimeVersion" | "kubeletVersion") => string | null;
  line: number;
}): NodeRow {
  return {
    name: o.name,
    status: o.status,
    roles: o.roles,
    version: o.field("kubeletVersion") ?? "",
    internalIp: o.internalIp,
    osImage: o.field("osImage"),
    kernel: o.field("kernelVersion"),
    runtime: o.field("containerRuntimeVersion"),
    line: o.line,
  };
}

/**
 * The Ready condition as the table's STATUS says it (Ready, NotReady, Unknown); "<none>" where the object carries none
 * (a trimmed paste): never "", which is a machine read from its own uname (diagnose.ts readOneByOne).
 */
function readyOf(conditions: unknown): string {
  const ready = Array.isArray(conditions) ? conditions.map(record).find((c) => c?.type === "Ready") : undefined;
  return readyWord(typeof ready?.status === "string" ? ready.status : null);
}
const readyWord = (status: string | null) =>
  status === "True" ? "Ready" : status === "False" ? "NotReady" : status === "Unknown" ? "Unknown" : "<none>";

/** The roles the table prints from a node's labels (`node-role.kubernetes.io/<role>`), "<none>" for none. */
function rolesOf(labels: readonly string[]): string {
  const roles = labels.flatMap((l) => (l.startsWith(ROLE_LABEL) ? [l.slice(ROLE_LABEL.length)] : []));
  return roles.length ? roles.join(",") : "<none>";
}
const ROLE_LABEL = "node-role.kubernetes.io/";

function internalIpOf(addresses: unknown): string | null {
  const found = Array.isArray(addresses) ? addresses.map(record).find((a) => a?.type === "InternalIP") : undefined;
  return typeof found?.address === "string" ? found.address : null;
}

/** A JSON object's kind among its first lines. */
const JSON_KIND = /^\s*"kind":\s*"(Node|NodeList|List|PodList)"/;
const NODE_INFO_KEY = /^\s*"nodeInfo":\s*\{/;

/** The line (0-based) closing the object opened on line `at`, no later than `limit`. */
function objectEnd(lines: ListingLines, at: number, limit: number): number | undefined {
  const indent = lines.at(at).search(/\S/);
  for (let k = at + 1; k <= limit; k++) {
    const line = lines.at(k);
    if (line.search(/\S/) === indent && /^\s*\}/.test(line)) return k;
  }
  return undefined;
}

/**
 * Each line that is "{" alone, by the line closing its object: braces outside strings, counted once over the whole text
 * (a reader that scanned on from each "{" would take quadratic time over a paste of many unclosed ones).
 */
function objectCloses(lines: ListingLines): Map<number, number> {
  const closes = new Map<number, number>();
  const open: Array<[line: number, depth: number]> = [];
  let depth = 0;
  for (let k = 0; k < lines.length; k++) {
    const line = lines.at(k);
    if (!line.includes("{") && !line.includes("}")) continue;
    if (line.trim() === "{") open.push([k, depth]);
    let inString = false;
    for (let c = 0; c < line.length; c++) {
      const ch = line.charCodeAt(c);
      if (inString) {
        if (ch === 92) c++;
        else if (ch === 34) inString = false;
      } else if (ch === 34) inString = true;
      else if (ch === 123) depth++;
      else if (ch === 125) {
        depth--;
        while (open.length && (open.at(-1)?.[1] ?? 0) >= depth) {
          const [from] = open.pop() as [number, number];
          closes.set(from, k);
        }
      }
    }
  }
  return closes;
}

/** `kubectl describe node`'s fields: "Key:" at the block's left edge, its value after spaces. */
const FIELD = /^[A-Z][\w .()/-]*:(?:\s|$)/;
const DESCRIBED_NAME = /^Name:\s+([A-Za-z0-9][\w.-]*)\s*$/;
const SYSTEM_FIELD = /^\s+(Kernel Version|OS Image|Container Runtime Version|Kubelet Version):\s+(\S.*?)\s*$/;

/** `kubectl describe node(s)`: its blocks from line i on, one per node, while each is a node's (it has System Info). */
function describedNodes(lines: ListingLines, i: number): NodeListing | null {
  const indent = lines.at(i).search(/\S/);
  const rows: NodeRow[] = [];
  const spans: Array<[number, number]> = [];
  let last = -1;
  let at = i;
  while (at < lines.length && rows.length < MAX_NODES) {
    const name = DESCRIBED_NAME.exec(lines.at(at).slice(indent))?.[1];
    if (!name || lines.at(at).search(/\S/) !== indent) break;
    // The block: fields at its edge, their indented values, blank lines; it ends at the next Name: or any other line.
    let end = at;
    let k = at + 1;
    for (; k < lines.length; k++) {
      const line = lines.at(k);
      if (!line.trim()) continue;
      const own = line.slice(indent);
      if (line.search(/\S/) === indent && (DESCRIBED_NAME.test(own) || !FIELD.test(own))) break;
      if (line.search(/\S/) < indent) break;
      end = k;
    }
    const fields = new Map<string, string>();
    let system: [number, number] | null = null;
    let internalIp: string | null = null;
    let roles = "";
    let status = "<none>";
    for (let n = at + 1; n <= end; n++) {
      const line = lines.at(n);
      const own = line.slice(indent);
      if (own.startsWith("System Info:")) system = [n, n];
      else if (system && system[1] === n - 1 && /^\s/.test(own)) {
        system[1] = n;
        const m = SYSTEM_FIELD.exec(own);
        if (m?.[1] && m[2]) fields.set(m[1], m[2]);
      }
      if (own.startsWith("Roles:")) roles = own.slice(6).trim();
      internalIp ??= /^\s+InternalIP:\s+(\S+)\s*$/.exec(own)?.[1] ?? null;
      const ready = /^\s+Ready\s+(True|False|Unknown)\s/.exec(own)?.[1];
      if (ready) status = readyWord(ready);
    }
    if (!system || (!fields.has("Kernel Version") && !fields.has("Kubelet Version"))) break;
    const field = (key: string) => {
      const v = fields.get(key);
      return v && v !== "<none>" && v !== "<unknown>" ? v : null;
    };
    rows.push(
      row({
        name,
        status,
        roles,
        internalIp,
        field: (key) =>
          field(
            key === "kernelVersion"
              ? "Kernel Version"
              : key === "osImage"
                ? "OS Image"
                : key === "containerRuntimeVersion"
                  ? "Container Runtime Version"
                  : "Kubelet Version",
          ),
        line: at + 1,
      }),
    );
    // The Name: line and System Info's: what the node is, not what it logged.
    spans.push([at, at], system);
    last = end;
    at = k;
  }
  return rows.length ? { rows, pods: [], spans, last } : null;
}

/** A YAML document's first key at its left edge, as `kubectl get -o yaml` prints one. */
const YAML_START = /^(?:apiVersion|items|kind):(?:\s|$)/;
const YAML_NODE_KEYS: Record<string, "kernelVersion" | "osImage" | "containerRuntimeVersion" | "kubeletVersion"> = {
  kernelVersion: "kernelVersion",
  osImage: "osImage",
  containerRuntimeVersion: "containerRuntimeVersion",
  kubeletVersion: "kubeletVersion",
};
const indentOf = (line: string) => line.search(/\S/);
const yamlScalar = (v: string) => v.trim().replace(/^(["'])(.*)\1$/, "$2");

/**
 * `kubectl get node(s) -o yaml`: a List's items, or one Node, from line i to the document's end (its lines are indented,
 * list items, or keys at its left edge). Each node's `metadata.name`, its nodeInfo's fields, its Ready condition.
 */
function yamlNodes(lines: ListingLines, i: number): NodeListing | null {
  let end = i;
  for (let k = i + 1; k < lines.length; k++) {
    const line = lines.at(k);
    if (!line.trim()) continue;
    if (!/^[\s-]/.test(line) && !/^[\w.-]+:(?:\s|$)/.test(line)) break;
    end = k;
  }
  // Each object starts at its list item ("- apiVersion: v1" under items:), or the document is one.
  const starts = [i];
  for (let k = i; k <= end; k++) if (/^\s*- (?:apiVersion|kind|metadata):/.test(lines.at(k)) && indentOf(lines.at(k)) <= 2) starts.push(k);
  const rows: NodeRow[] = [];
  const spans: Array<[number, number]> = [];
  starts.forEach((from, s) => {
    const to = (starts[s + 1] ?? end + 1) - 1;
    let name: string | null = null;
    let metaIndent = -1;
    const info: Record<string, string> = {};
    let infoAt = -1;
    let infoIndent = -1;
    let readyStatus: string | null = null;
    let condition: Record<string, string> = {};
    let conditionsIndent = -1;
    let internalIp: string | null = null;
    // The object's own kind, at its first key's depth: a Cluster API Machine copies its Node's nodeInfo but is no node,
    // and its name is no node's (review 71i F3; the JSON reader reads only Node kinds too).
    let kind: string | null = null;
    let baseIndent = -1;
    const roles: string[] = [];
    const closeCondition = () => {
      if (condition.type === "Ready" && condition.status) readyStatus = condition.status;
      condition = {};
    };
    for (let k = from; k <= to; k++) {
      const line = lines.at(k);
      const own = line.replace(/^(\s*)- /, "$1  ");
      const indent = indentOf(own);
      const m = /^\s*([\w./-]+):\s*(.*)$/.exec(own);
      if (!m?.[1]) continue;
      const [, key, value = ""] = m as unknown as [string, string, string];
      if (baseIndent < 0) baseIndent = indent;
      if (key === "kind" && indent === baseIndent && kind === null) kind = yamlScalar(value);
      if (infoAt >= 0 && indent <= infoIndent) {
        spans.push([infoAt, k - 1]);
        infoAt = -1;
      }
      if (conditionsIndent >= 0 && indent <= conditionsIndent) {
        closeCondition();
        conditionsIndent = -1;
      }
      if (key === "metadata" && !value) metaIndent = indent;
      else if (key === "name" && metaIndent >= 0 && indent === metaIndent + 2 && name === null) name = yamlScalar(value);
      else if (key === "nodeInfo" && !value) {
        infoAt = k;
        infoIndent = indent;
      } else if (infoAt >= 0 && YAML_NODE_KEYS[key]) info[key] = yamlScalar(value);
      else if (key === "conditions" && !value) conditionsIndent = indent;
      else if (conditionsIndent >= 0) {
        if (/^\s*- /.test(line)) closeCondition();
        condition[key] = yamlScalar(value);
      } else if (key === "address" && /^\s*type:\s*InternalIP\s*$/.test(lines.at(k + 1))) internalIp ??= yamlScalar(value);
      else if (key.startsWith(ROLE_LABEL)) roles.push(key);
    }
    if (infoAt >= 0) spans.push([infoAt, to]);
    closeCondition();
    if (!name || !Object.keys(info).length || (kind !== null && kind !== "Node") || rows.length >= MAX_NODES) return;
    rows.push(
      row({
        name,
        status: readyWord(readyStatus),
        roles: rolesOf(roles),
        internalIp,
        field: (key) => info[key] ?? null,
        line: from + 1,
      }),
    );
  });
  return rows.length ? { rows, pods: [], spans, last: end } : null;
}
