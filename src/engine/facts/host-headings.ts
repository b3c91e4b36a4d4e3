/**
 * Headings that name the machine the output under them comes from, as a report comparing machines writes them: a
 * Markdown heading or a line in bold whose words are one host name, perhaps with a note on how it fares ("### vpn-prod
 * (broken)", "**vpn-staging (works fine):**", "### Production"). What follows such a heading is that machine's, as what
 * follows its prompt is (review 47a F1: a working host's `runc --version` under its own heading was judged the failing
 * host's, "not affected", certain). Only a paste that heads two machines so is read as comparing them; a heading of the
 * same level or above that names none ends the machine's part, a deeper one ("#### Versions" under "## node-2", a bold
 * label) stays in it (review 47b F2).
 */
import { machineOf } from "./fan-out-reader";
import { NODES_HEADER, parseNodesTableAt } from "./kube-nodes";
import { MachineNames, sameMachine, shortName } from "./uname-fleet";

/**
 * A Markdown heading's hashes and words; a line in bold, alone or with a short note after it ("**node-2** (works)"); a
 * collapsible section's summary, as GitHub issues fold each machine's output (`<details><summary>worker-2 (works)
 * </summary>`; review 48a F3), and the section's end.
 */
const HEADING =
  /^(?:(#{1,6})\s+(.+?)(?:\s+#+)?|\*\*(.+?)\*\*((?:\s*\([^()\n]{1,40}\)|\s*[-\u2013\u2014:]\s*[^*\n]{1,30})?:?)|__(.+?)__|(?:<details>\s*)?<summary>\s*(?:<b>|<strong>)?(.+?)(?:<\/b>|<\/strong>)?\s*<\/summary>|(<\/details>))\s*$/i;
/**
 * A separator line around one host's name, as a loop over machines prints it (`echo "--- $h ---"`, "=== node-2 ===";
 * review 65c F1: a fleet pasted so was judged on the quiet host's kernel, "affected", certain). Three dashes or two equal
 * signs at least: journald's own markers ("-- Logs begin at …", "-- Reboot --") have two dashes; a `tail` file head
 * ("==> f <==") has its arrows. Only a separator naming a machine is a heading (SEPARATOR_LEVEL); any other is none, so a
 * section's separator ("--- dmesg ---") neither opens nor ends a machine's part.
 */
const SEPARATOR = /^(?:-{3,}|={2,})\s*([^\s<>=-][^<>]{0,80}?)\s*(?:-{3,}|={2,})$/;
const SEPARATOR_LEVEL = 2;
/** A line in bold ranks below every Markdown heading. */
const BOLD_LEVEL = 7;
/**
 * A summary ranks between: it opens a part that the next summary or the section's end closes, inside a Markdown heading's
 * part (a node's heading, then its logs folded) or not.
 */
const SUMMARY_LEVEL = 6.5;
/**
 * The name a heading's words give, before a note on how the machine fares: in brackets ("(broken)", "[OK]", perhaps with a
 * word or two after: "(OK) versions"), after a dash or a colon ("- OK", ": broken", "— works"); the name perhaps in
 * backticks, after a part's number ("2. ") or "On". Undefined where the words are no name and a note.
 */
const NAME_AND_NOTE =
  /^(?:\d{1,2}[.)]\s+)?(?:on\s+)?`?([^\s`()[\]:]+(?:\s[a-z0-9]{1,3}(?=[\s`:([]|$))?)`?(?:\s*:?\s*(?:\([^()\n]{1,40}\)|\[[^[\]\n]{1,40}\])(?:\s+[\w -]{1,30})?|\s+[-\u2013\u2014]\s+[^\n]{1,40}|\s*:\s+[^\n]{1,40})?\s*:?$/i;
/**
 * A host name as a report writes it: letters, digits, hyphens and dots, with a digit or a hyphen (a bare word such as
 * "Logs" names a section), an IPv4 address, a numbered or lettered machine ("Server 2", "VM B"), or the name of an
 * environment a report compares ("Production", "Staging").
 */
const HOST = /^(?=[^\s]*[-\d])[a-z][a-z0-9-]{1,62}(?:\.[a-z0-9-]{1,62}){0,4}$/i;
const ADDRESS = /^\d{1,3}(?:\.\d{1,3}){3}$/;
/** A note naming a service an address is ("(kubernetes svc)", "(kube-dns)"), not a machine by its role ("(ingress node)"; review 48d F3). */
const SERVICE_NOTE = /\b(?:svc|service|kube-dns|cluster-?ip|cluster ip|vip)\b/i;
const MACHINE_NOTE = /\b(?:node|worker|master|host|machine|server|box|vm|instance)\b/i;
const LABELLED = /^(?:server|node|host|vm|machine|worker|box|instance)\s[a-z0-9]{1,3}$/i;
const ENVIRONMENT = /^(?:prod|production|staging|stage|dev|development|test|testing|qa|uat|preprod|pre-prod|canary|sandbox)$/i;
/** No file ("docker-compose.yml") and no version ("v1.2.0"). */
const FILE_OR_VERSION = /\.(?:ya?ml|json|toml|conf|cfg|ini|log|txt|sh|md|service|go|py|js|ts)$|^v?\d/i;
/**
 * A part of a hyphenated title that names a section, not a machine ("container-logs", "system-info", "os-release",
 * "iptables-save", "host-packages", "vpn-container"; reviews 47b F3, 47c), read only in a title without a number: a
 * machine's name ends in one as often as not ("os-compute-01", review 47d F2).
 */
const TITLE_PART =
  /^(?:logs?|info|output|versions?|config|details?|errors?|status|events|describe|dmesg|journal|journalctl|syslog|trace|debug|results?|summary|environment|setup|reproduce|expected|actual|release|save|restore|compose|notes?|before|after|upgrade|downgrade|containers?|packages?|pkgs|os|kernel|system)$/i;
/** The first word of a report's numbered part ("Step-2", "Update-1", "Attempt-3"). */
const NUMBERED_PART =
  /^(?:steps?|update|edit|fix|workaround|solution|attempt|try|issue|comment|example|case|part|phase|round|option|run)$/i;
/**
 * A component, and its pods ("kube-proxy", "calico-node", "kube-proxy-5xj2k", "coredns-6d4b75cb6d-x2v9k"), which a
 * heading names far more often than a machine of that name; a node named after one ends in a number ("kube-worker-1").
 */
const COMPONENT =
  /^(?:aws-node|kube-flannel-ds|kube-(?:proxy|apiserver|controller-manager|scheduler|dns|flannel|router)|calico-(?:node|kube-controllers|typha)|cilium(?:-agent|-operator)?|coredns|etcd|containerd|cri-o|crio|dockerd?|kubelet|runc|crun|podman|flannel|istiod|istio-proxy|metrics-server|node-exporter|ingress-nginx|nginx-ingress)(?:-[a-z0-9]{8,10})?(?:-[a-z0-9]{5})?$/i;

/** A heading: the machine it names (lower case; null for none), its level (1–6 for Markdown's, 7 for bold), its words. */
export interface Heading {
  host: string | null;
  level: number;
  words: string;
}

/** What a line says as a heading; undefined for a line that is no heading. */
export function hostHeading(line: string): Heading | undefined {
  if (line.length > MAX_HEADING) return undefined;
  const separated = SEPARATOR.exec(line)?.[1];
  if (separated !== undefined) {
    const name = NAME_AND_NOTE.exec(separated)?.[1];
    return name && namesHost(name) ? { host: machineOf(name), level: SEPARATOR_LEVEL, words: separated } : undefined;
  }
  const m = HEADING.exec(line);
  if (!m) return undefined;
  const summary = m[6] !== undefined || m[7] !== undefined;
  const level = m[1]?.length ?? (summary ? SUMMARY_LEVEL : BOLD_LEVEL);
  const words = m[2] ?? (m[3] !== undefined ? `${m[3]}${m[4] ?? ""}` : (m[5] ?? m[6] ?? ""));
  const name = NAME_AND_NOTE.exec(words.trim())?.[1];
  // An address whose note names a service is that service's (review 48c F10: "### 10.96.0.10 (kube-dns) - OK").
  const service = name !== undefined && ADDRESS.test(name) && SERVICE_NOTE.test(words) && !MACHINE_NOTE.test(words);
  return { host: name && !service && namesHost(name) ? machineOf(name) : null, level, words };
}

/**
 * The machines a paste's headings name, in the order headed, and indexed: a heading naming none is looked up by its words,
 * among the first MAX_HEADED_MACHINES (a paste compares a handful of machines so; review 53d F1: matched against every
 * machine, 8,000 pairs of a machine's heading and a section's took 11 s).
 */
export class HeadedMachines {
  readonly names = new Set<string>();
  readonly index = new MachineNames();
  add(machine: string): void {
    if (this.names.size >= MAX_HEADED_MACHINES || this.names.has(machine)) return;
    this.names.add(machine);
    this.index.add(machine);
  }
}
const MAX_HEADED_MACHINES = 64;

/**
 * The machine a heading's part belongs to, in a paste comparing `machines` (those headed so far, lower case): the one it
 * names alone, or one of them it names among other words ("## Versions (node-2)", "## node-2 versions"; review 47c F6);
 * null for a heading of a section that names none; undefined for one that leaves the part as it is: a bold label (47c
 * F5) or a heading deeper than the machine's (`level`).
 */
export function headingMachine(heading: Heading, machines: HeadedMachines, level: number): string | null | undefined {
  if (heading.host) return heading.host;
  const split = heading.words.toLowerCase().split(/[^a-z0-9.-]+/);
  // A name written with a space for its hyphen ("Versions (node 2)" for node-2; review 47d's b06) is read joined too.
  const words = [...split, ...split.slice(1).map((word, i) => `${split[i]}-${word}`)].filter((word) => machines.index.has(word));
  // By its whole name or the first label of it ("worker-2.prod.example.com" for "worker-2": review 47d F3).
  const named = words.length ? [...machines.names].find((machine) => words.some((word) => sameMachine(word, machine))) : undefined;
  if (named) return named;
  return heading.level < BOLD_LEVEL && heading.level <= level ? null : undefined;
}
const MAX_HEADING = 120;

const namesHost = (words: string) =>
  ENVIRONMENT.test(words) ||
  ADDRESS.test(words) ||
  LABELLED.test(words) ||
  (HOST.test(words) &&
    !FILE_OR_VERSION.test(words) &&
    !COMPONENT.test(words) &&
    !(/\d/.test(words) ? NUMBERED_PART.test(words.split(/[-.]/)[0] ?? "") : words.split(/[-.]/).some((part) => TITLE_PART.test(part))));

/**
 * Whether the headings from line `from` (0-based, the paste's first host heading) on name two machines or more: only then
 * is the paste read as comparing machines; a single host's heading is a section of one report, which says nothing new.
 */
export function comparesHosts(lines: { readonly length: number; at(i: number): string }, from: number): boolean {
  let first: string | null = null;
  let files: FileMachines | null | undefined;
  for (let i = from; i < lines.length; i++) {
    const t = lines.at(i).trim();
    if (t.startsWith("==> ") && files === undefined) files = fileHeadsNameMachines(lines, i);
    const host = t.length <= MAX_HEADING && HEADING_START.test(t) ? hostHeading(t)?.host : fileHeading(lines, i, files)?.host;
    if (!host) continue;
    if (first === null) first = host;
    else if (host !== first) return true;
  }
  return false;
}

/**
 * Whether a heading names a machine by its name (not an address, an environment or "node 2") that is none of the machines
 * the paste named before it (a nodes table's rows, a uname's host, a prompt's): its part is that other machine's, as
 * under two machines' headings (review 54a F2: "### nfs-gw" over the NFS server's oops was judged on the lone row's kernel).
 */
export function headsAnotherMachine(heading: Heading, known: MachineNames): boolean {
  const host = heading.host;
  if (host === null || known.size === 0) return false;
  // An address only beside a table that lists its nodes' addresses (known then holds one: review 54b F3).
  return (HOST.test(host) || (ADDRESS.test(host) && known.anyAddress)) && !known.has(host);
}

/** A line that may be a Markdown heading, a line in bold, a summary or a separator (a cheap test before hostHeading). */
export const HEADING_START = /^(?:#|\*\*|__|<details>|<summary>|<\/details>|---|==(?!> ))/i;

/** A file's name after its folders: a machine's address with what follows it (`10.0.1.23-kubelet.log`, review 53c F1), else the name up to its first dot. */
const FILE_NAME = /^(?:(\d{1,3}(?:\.\d{1,3}){3})(?:[._-][^/\s]{1,40})?|([^/.\s]{1,63})(?:\.[^/\s]{1,40})?)$/;
/** A folder's name that may be a machine's (`worker-1/kubelet.log`, review 53a F1). */
const FOLDER = /^[A-Za-z0-9][\w.-]{0,62}$/;
/** The longest file head read: folders of 200 characters, a name of 104. */
const MAX_FILE_HEAD = 320;
/** How far into a file's part its machine's `uname -a` or prompt is looked for: collected files open with them. */
const FILE_PART_REACH = 200;
/** `uname -a`'s host after the kernel name; a prompt's host ("root@node-a:~#"). */
const UNAME_HOST = /^(?:Linux|GNU\/Linux) ([A-Za-z0-9][\w.-]{0,62}) \d+\.\d+\.\d+\S* #/;
const PROMPT_HOST = /^[\w.-]{1,32}@([A-Za-z0-9][\w.-]{0,62})[:\s][^\n]{0,80}?[$#] /;
/** A date in a name (`kubelet-2024-12-12`, `journal-20241212`): a rotated log's, no machine's. */
const DATED = /(?:19|20)\d\d-?[01]\d-?[0-3]\d/;
/** A word of a log's or a program's name (`kubelet-1.log`, `debug-1.log`): no machine's (review 53e F6). */
const PROGRAM_WORD =
  /^(?:kubelet|containerd|dockerd?|crio|runc|crun|podman|etcd|coredns|calico|cilium|flannel|proxy|kube|apiserver|scheduler)$/i;
/** How many folders above a file may name its machine (`worker-1/logs/kubelet.log`, `worker-2/var/log/pods/…/0.log`: reviews 53e F2, 53g F3). */
const FOLDER_REACH = 8;

/** The head of one file's part of `tail` or `head` over several files: the file's name without its extensions, and its folders, nearest first. */
interface FileHead {
  stem: string;
  folders: readonly string[];
}
function fileHead(line: string): FileHead | undefined {
  if (!line.startsWith("==> ")) return undefined;
  const t = line.trimEnd();
  if (t.length > MAX_FILE_HEAD || !t.endsWith(" <==")) return undefined;
  const path = t.slice(4, -4).split("/");
  const m = FILE_NAME.exec(path.at(-1) ?? "");
  if (!m) return undefined;
  const folders = path
    .slice(-1 - FOLDER_REACH, -1)
    .reverse()
    .filter((f) => FOLDER.test(f));
  return { stem: (m[1] ?? m[2]) as string, folders };
}

/**
 * What a paste's file parts show of their machines (fileHeading's `files`): the machines some part shows as the one it is
 * named after, and the nodes of a `kubectl get nodes` table the paste holds, by name and INTERNAL-IP; each indexed, so a
 * part's name is looked up, not compared with every machine (review 53f F1: 5,000 hosts' parts took 29 s).
 */
export interface FileMachines {
  shown: MachineNames;
  anyShown: boolean;
  nodes: MachineNames;
}

/**
 * A file's part of `tail -n +1 node-a.txt node-b.txt` as a heading: level 1 (each file ends the one before), naming the
 * machine the file (or a folder above it: `worker-1/kubelet.log`) is named after when that machine's own `uname -a` or
 * prompt follows in the part, or when `files` says the paste's file parts are machines': another part shows its own
 * machine (review 52e F1: the failing lines under `==> node-a.txt <==` were judged on node-b's kernel, "affected", certain;
 * 52f F1: `worker-3.txt`'s lines, with no uname of their own, on `bastion.txt`'s), or the name is a node's of the paste's
 * nodes table (53c F1). A machine's name with a word or a date after it (`node-a-kubelet.log`) is that machine's, the
 * longest such name first (53e F1: `gpu-node-spot`'s part was `gpu-node`'s); a name shaped as no machine's is none's
 * (`aws-node.log`, `kubelet-2024-12-12.log`, a pod's log: 53a F2, 53e F6). Undefined for a line that is no file head.
 */
export function fileHeading(
  lines: { readonly length: number; at(i: number): string },
  i: number,
  files: FileMachines | null = null,
): Heading | undefined {
  const head = fileHead(lines.at(i));
  if (head === undefined) return undefined;
  // A part showing its own machine names it, whatever the name's shape ("bastion.txt" under "Linux bastion …").
  const host = ownMachine(lines, i, head) ?? (files ? machineNamed(head, files) : null);
  return { host, level: 1, words: head.stem };
}

/** The machine `files` says a part is named after: by its name, else a folder's; a machine's name first, then a shape. */
function machineNamed(head: FileHead, files: FileMachines): string | null {
  const names = [head.stem, ...head.folders];
  const known = (n: string) => files.shown.has(n) || files.nodes.has(n);
  for (const name of names) {
    if (known(name)) return machineOf(name);
    // A known machine's name with a file's words or a date after it is that machine's file; with other words after it
    // (`node-1-gpu-kubelet.log` beside node-1), perhaps another machine's: that one, unknown (review 53g F4).
    const owner = ownerOf(name, known);
    if (owner) return machineOf(fileWords(name.slice(owner.length + 1)) ? owner : name);
  }
  // A bundle's folder with the machine's name among its own words: that machine's (review 67e F2).
  for (const folder of head.folders) {
    const within = nameWithin(folder, known);
    if (within) return machineOf(within);
  }
  if (!files.anyShown) return null;
  // A bundle's folder naming a machine the paste shows no part of (`sosreport-worker-1-gpu-2024-12-17-764303`): that
  // machine, given no version, rather than the fleet's answer on the others (review 67i F1).
  for (const folder of head.folders) {
    const core = bundleCore(folder);
    if (core && machineShaped(core)) return machineOf(core);
  }
  const shaped = names.find(machineShaped);
  return shaped === undefined ? null : machineOf(shaped);
}

/**
 * Whether a file's or folder's name may be a machine's, where the paste's file parts are machines': any host-like name but
 * a component's or its pod's, a program's, a section's or a dated log's. One that may be is taken for a machine the paste
 * gives no version of, "unknown", rather than the shown machine's (review 53g F2: Cluster API's
 * `capi-quickstart-md-0-55x6t-5649968bd7-sfzp6` was judged on the control plane's kernel, "not affected", certain).
 */
const machineShaped = (name: string): boolean =>
  namesHost(name) && !DATED.test(name) && !name.split(/[-_]/).some((part) => PROGRAM_WORD.test(part) || TITLE_PART.test(part));

/** Words a machine's files are named with after its name (`uname`, `kubelet`, `kube-proxy-0`), or a date. */
const FILE_WORD =
  /^(?:uname|kubelet|containerd|dockerd?|docker|crio|cri|runc|crun|podman|journal|journalctl|dmesg|syslog|messages|kern|kernel|logs?|info|versions?|os|release|iptables|ip6tables|nft|events|describe|status|pods?|network|cni|kube|proxy|boot|audit|debug|trace|output|sosreport|uptime|modules|sysctl|config|env|facts|bundle|report|collect|\d+)$/i;
const fileWords = (rest: string): boolean => DATED.test(rest) || rest.split(/[-_.]/).every((w) => FILE_WORD.test(w));

/**
 * The longest start of `name` that is a machine `known` knows, before a word or a date (`worker-1-kubelet`,
 * `worker-1_uname`, `worker-1-2024-12-12`; not `node-a-2`, perhaps another machine): undefined for none.
 */
function ownerOf(name: string, known: (name: string) => boolean): string | undefined {
  for (let at = name.length - 2; at > 0; at--) {
    const c = name.charAt(at);
    if (c !== "-" && c !== "_") continue;
    const rest = name.slice(at + 1);
    if (/^\d/.test(rest) && !DATED.test(rest)) continue;
    const start = name.slice(0, at);
    if (known(start)) return start;
  }
  return undefined;
}

/** At most how many of a name's words a machine's name within it spans (`ip-10-0-1-13` is five). */
const MAX_NAME_WORDS = 6;

/**
 * The longest run of whole words of `name` (split at `-`, `_` and `.`) that `known` knows, anywhere in it: a support
 * bundle's folder names its machine between its tool's words and a date or id (`sosreport-worker-1-2024-12-17-d04d02`,
 * `scc_worker-1_241217_1112`, `worker-1_sosreport`: review 67e F2, whose lines were judged on another host's kernel).
 */
function nameWithin(name: string, known: (name: string) => boolean): string | undefined {
  const words = [...name.matchAll(/[^-_.]+/g)];
  let best: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const start = words[i]?.index ?? 0;
    for (let j = i; j < Math.min(words.length, i + MAX_NAME_WORDS); j++) {
      const last = words[j];
      if (!last) break;
      const candidate = name.slice(start, (last.index ?? 0) + last[0].length);
      // Every other word is the bundle's own (its tool, a date, an id): beside another word (`worker-1-gpu`,
      // `gpu-worker-1`) the folder is another machine's, perhaps (review 67i F1: worker-1-gpu's lines on worker-1's kernel).
      const others = [...words.slice(0, i), ...words.slice(j + 1)];
      if ((best === undefined || candidate.length > best.length) && others.every((w) => BUNDLE_WORD.test(w[0])) && known(candidate))
        best = candidate;
    }
  }
  return best;
}
/**
 * A support bundle's folder without its own words around the machine's name (`sosreport-worker-1-gpu-2024-12-17-764303`
 * → `worker-1-gpu`), or undefined where it has none of them on both sides, or nothing else.
 */
function bundleCore(folder: string): string | undefined {
  const words = [...folder.matchAll(/[^-_.]+/g)];
  let first = 0;
  let last = words.length - 1;
  while (first <= last && BUNDLE_WORD.test(words[first]?.[0] ?? "")) first++;
  // A short number after a name's word is the name's own (`worker-1`), not a date's.
  const ownNumber = (k: number) => /^\d{1,2}$/.test(words[k]?.[0] ?? "") && !/^\d+$/.test(words[k - 1]?.[0] ?? "0");
  while (last >= first && BUNDLE_WORD.test(words[last]?.[0] ?? "") && !ownNumber(last)) last--;
  const from = words[first];
  const to = words[last];
  if (!from || !to || (first === 0 && last === words.length - 1)) return undefined;
  return folder.slice(from.index ?? 0, (to.index ?? 0) + to[0].length);
}
/** A support bundle's own words around a machine's name: its tool, a date's or time's digits, a hex id. */
const BUNDLE_WORD =
  /^(?:sosreport|sos|scc|supportconfig|must|gather|bundle|support|report|logs?|collect|archive|dump|debug|\d+|[0-9a-f]{4,})$/i;

/**
 * From line `from` (0-based) on, what the file parts show of their machines (FileMachines), or null where no part shows
 * the machine it is named after and none is named after a node of the paste's nodes table.
 */
export function fileHeadsNameMachines(lines: { readonly length: number; at(i: number): string }, from: number): FileMachines | null {
  const shown = new MachineNames();
  let anyShown = false;
  const heads: FileHead[] = [];
  for (let i = from; i < lines.length; i++) {
    const head = fileHead(lines.at(i));
    if (head === undefined) continue;
    const own = ownMachine(lines, i, head);
    if (own) {
      shown.add(own);
      anyShown = true;
    } else heads.push(head);
  }
  const nodes = heads.length ? tableNodes(lines) : new MachineNames();
  const named = heads.some((h) => [h.stem, ...h.folders].some((n) => nodes.has(n) || ownerOf(n, (m) => nodes.has(m))));
  return anyShown || named ? { shown, anyShown, nodes } : null;
}

/** The nodes of the paste's `kubectl get nodes` tables, by name and address (their rows read once, up to a bound). */
function tableNodes(lines: { readonly length: number; at(i: number): string }): MachineNames {
  const nodes = new MachineNames();
  let rows = 0;
  for (let i = 0; i < lines.length && rows < MAX_TABLE_NODES; i++) {
    const line = lines.at(i);
    if (!line.includes("STATUS") || !NODES_HEADER.test(line.trim())) continue;
    const table = parseNodesTableAt((k) => (i + k < lines.length ? lines.at(i + k) : undefined));
    for (const row of table) {
      nodes.add(row.name);
      if (row.internalIp) nodes.add(row.internalIp);
    }
    rows += table.length;
    i += table.length;
  }
  return nodes;
}
const MAX_TABLE_NODES = 5_000;

/**
 * The machine a file's part shows as its own, its `uname -a` or prompt naming the file (or a folder above it) or a name the
 * file's starts with (`worker-1-uname.txt` under "Linux worker-1 …"): that machine, else null.
 */
function ownMachine(lines: { readonly length: number; at(i: number): string }, i: number, head: FileHead): string | null {
  for (let n = i + 1; n < Math.min(lines.length, i + 1 + FILE_PART_REACH); n++) {
    const t = lines.at(n).trim();
    if (t.startsWith("==> ")) return null;
    const host = UNAME_HOST.exec(t)?.[1] ?? PROMPT_HOST.exec(t)?.[1];
    if (host === undefined) continue;
    if (sameMachine(host, head.stem)) return machineOf(head.stem);
    const folder = head.folders.find((f) => sameMachine(host, f));
    if (folder !== undefined) return machineOf(folder);
    const short = shortName(host).toLowerCase();
    if (ownerOf(head.stem.toLowerCase(), (m) => m === short)) return machineOf(short);
    if (head.folders.some((f) => nameWithin(f.toLowerCase(), (m) => m === short))) return machineOf(short);
  }
  return null;
}
