import type { NodeRow } from "../types";
import type { UnameFacts } from "./uname";

/**
 * Several `uname -a` readings from different hosts (a loop over ssh, say) are a fleet: one node per
 * host, compared like the rows of a kubectl table. Readings of one host are one kernel, not a fleet.
 * A host read twice with two kernels (before and after an upgrade, two pastes) is a node whose kernel
 * is not known: taking either reading would let the order of the paste decide the answer.
 * `machine`: the host whose output the reading is, as its command or a fan-out tool's header names it (`ssh web-2
 * uname -r`, ansible's "web-2 | CHANGED | rc=0 >>"): it names a reading that prints no host name (`uname -r`), and
 * an address there is that node's (its uname's host name is what its journal prints).
 */
export function unameNodes(sources: ReadonlyArray<{ uname: UnameFacts; line?: number; machine?: string | null }>): NodeRow[] {
  const byHost = new Map<string, { uname: UnameFacts; line?: number; conflict: boolean; address: string | null }>();
  for (const s of sources) {
    const host = s.uname.hostname ?? s.machine;
    if (!host || !s.uname.release) continue;
    // Past the limit no fleet is read: its per-node work would grow without bound (review 38a: 250,000 `pdsh uname -r`
    // lines, 4 MB, took 110 s); the readings are then kernels given, undecided.
    if (byHost.size >= MAX_UNAME_NODES && !byHost.has(host)) return [];
    const address = s.machine && s.machine !== host && ADDRESS.test(s.machine) ? s.machine : null;
    const seen = byHost.get(host);
    if (!seen) byHost.set(host, { ...s, conflict: false, address });
    else if (seen.uname.release !== s.uname.release) seen.conflict = true;
    else if (seen.address !== address) seen.address = null;
  }
  if (byHost.size < 2) return [];
  return [...byHost].map(([name, s]) => ({
    name,
    status: "",
    roles: "",
    version: "",
    internalIp: s.address,
    osImage: null,
    kernel: s.conflict ? null : s.uname.release,
    runtime: null,
    build: s.conflict ? null : s.uname.build,
    line: s.line ?? 0,
  }));
}
/** Hosts a paste's unames may name as a fleet: Kubernetes' own bound on a cluster's nodes, as for table rows. */
export const MAX_UNAME_NODES = 5_000;
/** An IPv4 or IPv6 address, as an `ssh` target, a fan-out label or a journald host may give one. */
export const ADDRESS = /^(?:\d+\.\d+\.\d+\.\d+|[\da-f]*:[\da-f:]*)$/i;

/** A host name that names no machine: journald's before the hostname is set, a prompt's default (`root@localhost`). */
export const isUnnamedHost = (name: string): boolean => /^(?:localhost(?:\.localdomain)?|\(none\))$/i.test(name);

/** A node's short name: the table may list "node1.example.com" where uname printed "node1", or the reverse. */
export const shortName = (name: string) => name.split(".")[0] ?? name;
const isShort = (name: string) => !name.includes(".");
/** A machine name as compared: case aside (Kubernetes lower-cases node names), and a root's trailing dot (`ssh web-2.example.com.`). */
const machineKey = (name: string) => name.toLowerCase().replace(/(?<=.)\.$/, "");
/**
 * The host name EC2 gives the machine at an IPv4 address (`ssh 10.0.1.23` reaches the machine whose uname says
 * ip-10-0-1-23), or undefined for anything else.
 */
const ec2Name = (address: string): string | undefined =>
  /^\d+\.\d+\.\d+\.\d+$/.test(address) ? `ip-${address.replaceAll(".", "-")}` : undefined;
/** The address an EC2 host name (ip-10-0-1-23, ip-10-0-1-23.ec2.internal) is at, or undefined. */
const ec2Address = (name: string): string | undefined => /^ip-(\d+)-(\d+)-(\d+)-(\d+)$/.exec(shortName(name))?.slice(1).join(".");
/**
 * The names of more than one label that a whole name extends ("worker-1.dc2" of worker-1.dc2.example.com): a name a
 * search domain completes is the machine it completes to (review 42b F8: `admin@worker-1.dc2:/etc$` matched no row).
 */
function qualifiedPrefixes(name: string): string[] {
  if (ADDRESS.test(name)) return [];
  const labels = name.split(".");
  const out: string[] = [];
  for (let k = 2; k < labels.length; k++) out.push(labels.slice(0, k).join("."));
  return out;
}
/**
 * Whether a node's name and a host name are one machine: the same name, one the other completes (worker-1.dc2 and
 * worker-1.dc2.example.com), or the same short name where one side gives the bare short name (web1.us-east and
 * web1.eu-west are two machines).
 */
export function sameMachine(a: string, b: string): boolean {
  const [x, y] = [machineKey(a), machineKey(b)];
  if (x === y) return true;
  const ec2 = ec2Name(x) ?? ec2Name(y);
  if (ec2) return ec2 === shortName(ADDRESS.test(x) ? y : x);
  if (isShort(x) || isShort(y)) return shortName(x) === shortName(y);
  const [shorter, longer] = x.length < y.length ? [x, y] : [y, x];
  return !ADDRESS.test(longer) && longer.startsWith(`${shorter}.`);
}

/** Machine names a paste gave, asked as sameMachine would answer against each of them, in one lookup. */
export class MachineNames {
  private readonly names = new Set<string>();
  private readonly shorts = new Set<string>();
  private readonly prefixes = new Set<string>();
  /** Whether a machine was named by its IPv4 address (a nodes table's INTERNAL-IP). */
  anyAddress = false;
  add(name: string): void {
    const n = machineKey(name);
    if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(n)) this.anyAddress = true;
    this.names.add(n);
    this.shorts.add(shortName(n));
    for (const p of qualifiedPrefixes(n)) this.prefixes.add(p);
  }
  get size(): number {
    return this.names.size;
  }
  has(name: string): boolean {
    const n = machineKey(name);
    if (this.names.has(n)) return true;
    if (isShort(n)) return this.shorts.has(n);
    return this.names.has(shortName(n)) || this.prefixes.has(n) || qualifiedPrefixes(n).some((p) => this.names.has(p));
  }
}

/**
 * A kubectl table and several hosts' unames in one paste describe one fleet: each host the table
 * lacks joins it, and a table row without -o wide's kernel takes its host's. A row whose kernel the
 * uname contradicts has no known kernel (which one the failing log came from is not known). Dropping
 * either side would leave a node's kernel unjudged, or judge the fleet on one reading.
 */
export function joinUnameNodes(table: readonly NodeRow[], hosts: readonly NodeRow[]): NodeRow[] {
  if (!hosts.length) return [...table];
  const exact = new Map(hosts.map((h) => [h.name, h]));
  const byShort = uniqueBy(hosts, (h) => shortName(h.name));
  const tableShort = uniqueBy(table, (r) => shortName(r.name));
  const joined = new Set<NodeRow>();
  const rows = table.map((row) => {
    const short = shortName(row.name);
    // By short name only where one side gives the bare short name: web1.us-east and web1.eu-west are two machines.
    const candidate = tableShort.get(short) === row ? byShort.get(short) : undefined;
    const host = exact.get(row.name) ?? (candidate && (isShort(row.name) || isShort(candidate.name)) ? candidate : undefined);
    if (!host) return row;
    joined.add(host);
    if (!row.kernel) return { ...row, kernel: host.kernel, build: host.build ?? null };
    if (host.kernel !== row.kernel) return { ...row, kernel: null, build: null };
    // The same release: the uname's build (its upload number, "#140-Ubuntu") is the one the table leaves out.
    return row.build || !host.build ? row : { ...row, build: host.build };
  });
  return [...rows, ...hosts.filter((h) => !joined.has(h))];
}

/** A paste's machines by name, for a lookup per name a line gives (not a pass over every machine). */
export interface MachineIndex<T> {
  /** The one machine `name` is, or undefined for none or several ("node1" beside node1.dc1 and node1.dc2). */
  lookup(name: string): T | undefined;
  /** Whether `name` is any machine of the index, one or several. */
  lists(name: string): boolean;
  /** Every machine `name` may be: one, none, or several ("worker-1" beside worker-1.dc1 and worker-1.dc2). */
  candidates(name: string): T[];
  /** Whether every machine's address is known (an -o wide table's INTERNAL-IP): an address none has is then no machine's. */
  allAddressed: boolean;
}

/**
 * The machines by the rule of sameMachine: the whole name, or the short name where one side gives a bare short name; an
 * address (`ssh 10.0.0.12`) is the machine whose INTERNAL-IP it is (review 37b: it matched no node's name, and a node in
 * range that printed nothing decided).
 */
export function machineIndex<T>(
  machines: readonly T[],
  nameOf: (m: T) => string,
  addressOf: (m: T) => string | null | undefined,
): MachineIndex<T> {
  const full = new Map<string, T[]>();
  const byShort = new Map<string, T[]>();
  const bare = new Map<string, T[]>();
  const byAddress = new Map<string, T[]>();
  const byPrefix = new Map<string, T[]>();
  let addressed = 0;
  const add = (map: Map<string, T[]>, key: string, m: T) => {
    const list = map.get(key);
    if (list) list.push(m);
    else map.set(key, [m]);
  };
  for (const m of machines) {
    const name = machineKey(nameOf(m));
    const address = addressOf(m);
    if (address) {
      addressed++;
      add(byAddress, address.toLowerCase(), m);
    }
    add(full, name, m);
    add(byShort, shortName(name), m);
    if (!name.includes(".")) add(bare, name, m);
    for (const p of qualifiedPrefixes(name)) add(byPrefix, p, m);
  }
  const matches = (name: string) => {
    const n = machineKey(name);
    // An address is the machine it is the INTERNAL-IP of, or the name EC2 gives it (ip-10-0-1-12).
    if (ADDRESS.test(n)) return new Set([...(byAddress.get(n) ?? []), ...(full.get(n) ?? []), ...(byShort.get(ec2Name(n) ?? "") ?? [])]);
    const found = isShort(n)
      ? [...(full.get(n) ?? []), ...(byShort.get(n) ?? [])]
      : // A qualified name: itself, the machine of its bare short name, and (only where no machine has it whole: review 44a
        // F8, rows worker-1.dc2 and worker-1.dc2.example.com) one it completes or that completes it.
        [
          ...(full.get(n) ?? []),
          ...(bare.get(shortName(n)) ?? []),
          ...(full.has(n) ? [] : [...(byPrefix.get(n) ?? []), ...qualifiedPrefixes(n).flatMap((p) => full.get(p) ?? [])]),
        ];
    // An EC2 host name is also the row named by its address.
    const at = ec2Address(n);
    return new Set(at ? [...found, ...(full.get(at) ?? [])] : found);
  };
  return {
    lookup(name) {
      const found = matches(name);
      return found.size === 1 ? [...found][0] : undefined;
    },
    lists: (name) => matches(name).size > 0,
    candidates: (name) => [...matches(name)],
    allAddressed: machines.length > 0 && addressed === machines.length,
  };
}

/** Rows by a key, keeping only keys that one row has. */
function uniqueBy(rows: readonly NodeRow[], key: (row: NodeRow) => string): Map<string, NodeRow> {
  const out = new Map<string, NodeRow>();
  const twice = new Set<string>();
  for (const row of rows) {
    const k = key(row);
    if (out.has(k)) twice.add(k);
    else out.set(k, row);
  }
  for (const k of twice) out.delete(k);
  return out;
}

/**
 * The host name each label's readings print, where it is another than the label (an inventory name, an address,
 * `host:port` above `uname -a`): the machine the label's lines come from is that uname's node (review 38a: `web2`'s
 * lines were "no version of web2 is given" beside web2's own uname, ip-10-0-1-12). A label whose readings name two
 * hosts ties to none.
 */
export function machineAliases(sources: ReadonlyArray<{ uname: UnameFacts; machine?: string | null }>): Map<string, string> {
  const aliases = new Map<string, string>();
  const torn = new Set<string>();
  for (const s of sources) {
    const label = s.machine;
    const host = s.uname.hostname;
    if (!label || !host || sameMachine(label, host)) continue;
    const seen = aliases.get(label);
    if (seen !== undefined && seen !== host) torn.add(label);
    else aliases.set(label, host);
  }
  for (const label of torn) aliases.delete(label);
  return aliases;
}

/**
 * A nodes table with the one `uname -a` the paste gives: the row of that machine takes the uname's build when both name
 * the same release (review 38b: node-b's `#140-Ubuntu` beside its row's bare 5.15.0-130-generic, and the answer asked
 * for `uname -v`). A uname of a machine no row names adds no node: it may be the laptop's or the bastion's.
 */
export function withOwnBuild(table: readonly NodeRow[], uname: UnameFacts | undefined): NodeRow[] {
  const host = uname?.hostname;
  if (!host || !uname.release || !uname.build || uname.named) return [...table];
  return table.map((row) =>
    sameMachine(row.name, host) && row.kernel === uname.release && !row.build ? { ...row, build: uname.build } : row,
  );
}
