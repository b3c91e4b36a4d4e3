/**
 * `kubectl get nodes [-o wide]` tables. Every column is one word except OS-IMAGE ("Ubuntu 22.04.5
 * LTS"), so a row is read word by word from both ends and OS-IMAGE is what is left in the middle.
 * That survives pasted tables whose alignment broke (edited IPs, tabs); when the word count does not
 * fit, the columns' positions under the header are used instead.
 */
import type { NodeRow, OsFacts } from "../types";
import { ID_LIKE, UBUNTU_FLAVOUR_RELEASE, UBUNTU_FLAVOURS } from "./os-release";

/** Older kubectl had no ROLES or INTERNAL-IP column; only NAME, STATUS, AGE and VERSION are always there. */
export const NODES_HEADER = /^NAME\s+STATUS\s+(?:ROLES\s+)?AGE\s+VERSION\b/;

interface Column {
  name: string;
  start: number;
}

export function headerColumns(header: string): Column[] {
  return [...header.matchAll(/\S+/g)].map((m) => ({ name: m[0], start: m.index ?? 0 }));
}

function byWords(row: string, columns: Column[]): Map<string, string> | null {
  const words = row.trim().split(/\s+/);
  const image = columns.findIndex((c) => c.name === "OS-IMAGE");
  if (image === -1) {
    return words.length === columns.length ? new Map(columns.map((c, i) => [c.name, words[i] ?? ""])) : null;
  }
  const after = columns.length - image - 1;
  if (words.length < columns.length) return null;
  const cells = new Map<string, string>();
  columns.forEach((c, i) => {
    if (i < image) cells.set(c.name, words[i] ?? "");
    else if (i > image) cells.set(c.name, words[words.length - (columns.length - i)] ?? "");
  });
  cells.set("OS-IMAGE", words.slice(image, words.length - after).join(" "));
  return cells;
}

function byPosition(row: string, columns: Column[]): Map<string, string> {
  return new Map(columns.map((c, i) => [c.name, row.slice(c.start, columns[i + 1]?.start ?? row.length).trim()]));
}

/**
 * A row's cells without the Markdown emphasis a reporter wrapped round part of the row ("**akash-12 … 6.8.0-49-generic**",
 * akash-network/community#751, review 61a F1): no node name, kernel or runtime starts or ends with one.
 */
function unmarked(cells: Map<string, string>): Map<string, string> {
  for (const [name, cell] of cells) cells.set(name, cell.replace(EMPHASIS_ENDS, ""));
  return cells;
}
const EMPHASIS_ENDS = /^(?:\*{1,3}|_{2,3})|(?:\*{1,3}|_{2,3})$/g;

const orNull = (v: string | undefined) => (v && v !== "<none>" && v !== "<unknown>" ? v : null);

/** Parses a table whose header is lines[0] (see parseNodesTableAt). */
export const parseNodesTable = (lines: readonly string[], firstLine = 1): NodeRow[] => parseNodesTableAt((k) => lines[k], firstLine);

/**
 * Parses a table whose header is line 0 of `lineAt` (undefined past the text's end). `firstLine` is
 * the header's 1-based line number in the text the user sent. Reading stops at the first line that is
 * not a row (blank lines between rows aside), and lines are read one by one: a text of many headers must not copy the rest of itself
 * for each (that took 18 s for 1 MB of headers).
 */
/** The longest cell of a real row: a node's name, at most a DNS subdomain's 253 characters; the other cells are shorter. */
const MAX_CELL = 253;

export function parseNodesTableAt(lineAt: (k: number) => string | undefined, firstLine = 1): NodeRow[] {
  const header = lineAt(0);
  if (header === undefined || !NODES_HEADER.test(header.trim())) return [];
  const indent = header.length - header.trimStart().length;
  const columns = headerColumns(header.slice(indent));
  const rows: NodeRow[] = [];
  for (let i = 1; ; i++) {
    // Blank lines inside a table (a paste split in two, a chat answer's left-out middle) do not end it
    // when a row follows them; anything else after them does.
    let line = lineAt(i);
    while (line !== undefined && !line.trim() && rows.length) line = lineAt(++i);
    if (line === undefined) break;
    const raw = line.slice(indent).replace(/\s+$/, "");
    if (!raw.trim() || NODES_HEADER.test(raw.trim())) break;
    const cells = unmarked(byWords(raw, columns) ?? byPosition(raw, columns));
    const named = cells.get("NAME") ?? "";
    // A name past a DNS subdomain's length (a hand-edited table) still names a row: cut, it is read, not dropped with its
    // kernel (review 62d: the failing node's row was left out and its healthy peers answered "not affected").
    const name = named.length > MAX_CELL ? `${named.slice(0, MAX_CELL - 1)}…` : named;
    if (name !== named) cells.set("NAME", name);
    const status = cells.get("STATUS") ?? "";
    const version = cells.get("VERSION") ?? "";
    // A row has a node name (one word: no Kubernetes name holds a space), a status like Ready/NotReady and a
    // kubelet version like v1.29.3; anything else ends the table.
    if (!name || /\s/.test(name) || !/^(?:(?:Not)?Ready|Unknown)\b/.test(status) || !/^v\d+\.\d+/.test(version)) break;
    // Nor does kubectl print a cell longer than a name may be (a DNS subdomain, 253 characters): a row that does is no
    // node's, and its cells would be carried whole into the answer (review 50a F2: 39 KB cells made a 14 MB answer).
    if ([...cells.values()].some((c) => c.length > MAX_CELL)) break;
    rows.push({
      name,
      status,
      roles: cells.get("ROLES") ?? "",
      version,
      internalIp: orNull(cells.get("INTERNAL-IP")),
      osImage: orNull(cells.get("OS-IMAGE")),
      kernel: orNull(cells.get("KERNEL-VERSION")),
      runtime: orNull(cells.get("CONTAINER-RUNTIME")),
      line: firstLine + i,
    });
  }
  return rows;
}

/**
 * One row per node: a table printed again (`kubectl get nodes -w`, two pastes of it) lists a node once per print, and
 * each row would otherwise be judged as a machine of its own (review 33a: 5,000 rows of 5 nodes took a diagnosis past
 * its time budget). The last row printed stands; a version its rows disagree on (a watch across an upgrade) is left
 * undecided, since which one failed is not known.
 */
export function oneRowPerNode(rows: readonly NodeRow[]): NodeRow[] {
  const byName = new Map<string, NodeRow>();
  for (const row of rows) {
    const seen = byName.get(row.name);
    // Deleted first, so the node takes the place of its last row.
    byName.delete(row.name);
    if (!seen) byName.set(row.name, row);
    else
      byName.set(row.name, {
        ...row,
        kernel: seen.kernel === row.kernel ? row.kernel : null,
        runtime: seen.runtime === row.runtime ? row.runtime : null,
        osImage: seen.osImage === row.osImage ? row.osImage : null,
        version: seen.version === row.version ? row.version : "",
      });
  }
  return byName.size === rows.length ? [...rows] : [...byName.values()];
}

/** An os-release's facts from its ID and VERSION_ID alone, with the ID_LIKE the distribution's own os-release carries. */
export const osFromId = (id: string, versionId: string | null, prettyName: string, codename: string | null = null): OsFacts => ({
  id,
  idLike: ID_LIKE[id]?.(versionId) ?? [],
  versionId,
  prettyName,
  codename,
});

/** OS-IMAGE is the node's PRETTY_NAME; these patterns turn the common ones back into ID and VERSION_ID. */
const IMAGES: Array<[RegExp, (m: RegExpExecArray, image: string) => OsFacts]> = [
  [/^Ubuntu (\d+\.\d+)/, (m, s) => osFromId("ubuntu", m[1] ?? null, s)],
  // KDE's "About this System" names the flavour ("Operating System: Kubuntu 24.04").
  [new RegExp(`^(?:${UBUNTU_FLAVOURS}) (${UBUNTU_FLAVOUR_RELEASE})(?!\\d)`), (m, s) => osFromId("ubuntu", m[1] ?? null, s)],
  [/^Debian GNU\/Linux (\d+)(?: \((\w+)\))?/, (m, s) => osFromId("debian", m[1] ?? null, s, m[2] ?? null)],
  [/^Amazon Linux (\d+)/, (m, s) => osFromId("amzn", m[1] ?? null, s)],
  // "Bottlerocket OS 1.13.5 (aws-k8s-1.24)": the variant names the kernel it is built on.
  [
    /^Bottlerocket OS (\d+\.\d+\.\d+)(?: \(([\w.-]+)\))?/,
    (m, s) => ({ ...osFromId("bottlerocket", m[1] ?? null, s), ...(m[2] ? { variant: m[2] } : {}) }),
  ],
  [/^Talos \(v(\d+\.\d+\.\d+)/, (m, s) => osFromId("talos", m[1] ?? null, s)],
  [/^Talos\b/, (_m, s) => osFromId("talos", null, s)],
  [/^Container-Optimized OS/, (_m, s) => osFromId("cos", null, s)],
  [/^Flatcar Container Linux by \w+ (\d+\.\d+\.\d+)/, (m, s) => osFromId("flatcar", m[1] ?? null, s)],
  [/^Container Linux by CoreOS (\d+\.\d+\.\d+)/, (m, s) => osFromId("coreos", m[1] ?? null, s)],
  [/^Red Hat Enterprise Linux CoreOS\b/, (_m, s) => osFromId("rhcos", null, s)],
  [/^Red Hat Enterprise Linux(?: Server)? (\d+(?:\.\d+)?)/, (m, s) => osFromId("rhel", m[1] ?? null, s)],
  [/^Rocky Linux (\d+(?:\.\d+)?)/, (m, s) => osFromId("rocky", m[1] ?? null, s)],
  [/^AlmaLinux (\d+(?:\.\d+)?)/, (m, s) => osFromId("almalinux", m[1] ?? null, s)],
  [/^CentOS (?:Linux|Stream) (\d+)/, (m, s) => osFromId("centos", m[1] ?? null, s)],
  [/^Oracle Linux Server (\d+(?:\.\d+)?)/, (m, s) => osFromId("ol", m[1] ?? null, s)],
  // Scientific Linux 7's PRETTY_NAME: "Scientific Linux 7.9 (Nitrogen)".
  [/^Scientific Linux (\d+(?:\.\d+)?)/, (m, s) => osFromId("scientific", m[1] ?? null, s)],
  [/^Fedora (?:Linux )?(\d+)/, (m, s) => osFromId("fedora", m[1] ?? null, s)],
  [/^Fedora CoreOS (\d+)/, (m, s) => osFromId("fedora", m[1] ?? null, s)],
  [/^CBL-Mariner\/Linux/, (_m, s) => osFromId("mariner", null, s)],
  [/^Azure Linux (\d+(?:\.\d+)?)/, (m, s) => osFromId("azurelinux", m[1] ?? null, s)],
  [/^SUSE Linux Enterprise Server (\d+)(?: SP(\d+))?/, (m, s) => osFromId("sles", m[2] ? `${m[1]}.${m[2]}` : (m[1] ?? null), s)],
  [/^openSUSE Leap (\d+\.\d+)/, (m, s) => osFromId("opensuse-leap", m[1] ?? null, s)],
  // The rolling releases' PRETTY_NAME ("openSUSE Tumbleweed", KDE's "openSUSE Tumbleweed 20260405", "openSUSE MicroOS",
  // "openSUSE Tumbleweed-Slowroll"): their os-release IDs, whose kernel follows Tumbleweed's (review 54a F3).
  [/^openSUSE Tumbleweed-Slowroll\b/, (_m, s) => osFromId("opensuse-slowroll", null, s)],
  [/^openSUSE Tumbleweed\b/, (_m, s) => osFromId("opensuse-tumbleweed", null, s)],
  [/^openSUSE MicroOS\b/, (_m, s) => osFromId("opensuse-microos", null, s)],
  [/^Arch Linux\b/, (_m, s) => osFromId("arch", null, s)],
  [/^Windows Server (\d{4})/, (m, s) => osFromId("windows", m[1] ?? null, s)],
  // The Semi-Annual Channel's images name no year ("Windows Server Datacenter").
  [/^Windows\b/, (_m, s) => osFromId("windows", null, s)],
];

/** A guess at os-release's ID and VERSION_ID from a node's OS-IMAGE; null when the image is not known. */
export function osImageToOs(osImage: string): OsFacts | null {
  const image = osImage.trim();
  for (const [pattern, build] of IMAGES) {
    const m = pattern.exec(image);
    if (m) return build(m, image);
  }
  return null;
}
