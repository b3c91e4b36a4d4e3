import { DMESG_CLOCK, KERNEL_LINE, REPORT_BOUNDARY } from "./boot-marks";

/**
 * The kernel's "Modules linked in:" list printed in the same report (oops, WARN, soft lockup) as a line: the modules loaded
 * when the kernel wrote that report, a fact about the machine at that moment (review 70a F4: a kworker soft lockup whose
 * list names no nfs module was "affected" for the NFS client's lockup). print_modules() writes the list in one report with
 * the failure line: after a soft lockup's or a WARN's first line, after an oops's call trace. A long list goes on in
 * continuation records (a line of module names only: fedora-coreos-tracker#1841's journal), and a paste may wrap it.
 */
export interface ModuleList {
  /** 1-based line of "Modules linked in:". */
  line: number;
  /** The module names (lower case, "-" read as "_" as the kernel does), with any name a line break may have split rejoined. */
  names: ReadonlySet<string>;
  /** The list ends in an ellipsis: a paste or a tool cut it, so a name missing from it may have been cut. */
  cut: boolean;
}

const LIST = /\bModules linked in:(.*)$/;
/** What a kernel line starts with: dmesg's clock (`<4>[ 12.3]`), dmesg -T's date, a journal's or syslog's "… kernel: ". */
const PREFIX = /^\s*(?:<\d>)?\[\s*\d+\.\d+\]\s?|^\s*\[[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4}\]\s?|^.*?\bkernel: /;
/** A line of module names only, as a list's continuation record or a wrap prints it: no colon, no frame, no word past them. */
const NAMES_ONLY = /^\s*(?:[\w-]+(?:\([A-Z+-]+\))?\s+)*[\w-]+(?:\([A-Z+-]+\))?\s*(?:\[last unloaded: [\w-]+(?:\([A-Z+-]+\))?\]\s*)?$/;
/** The first line of a report: print_modules() of an earlier or a later report is another moment's list. */
const REPORT_START =
  /\bBUG: |\bWARNING: |-{4,}\[ cut here \]|\bgeneral protection fault\b|\bINFO: task \S.* blocked for more than|\bINFO: rcu_\w+ (?:self-)?detected stall/;
/** A 6.11+ soft lockup's utilization lines ("#1: 100% system, …"), which come before its list. */
const UTILIZATION = /^\s*#\d+: +\d+% system,/;
/** How far from the line the list is looked for: an oops's call trace between them is some tens of lines. */
const REACH = 160;
const MAX_CONTINUATIONS = 8;

const bodyOf = (line: string) => line.replace(PREFIX, "");
const kernelLine = (line: string) =>
  PREFIX.test(line) || KERNEL_LINE.test(line) || KERNEL_LINE.test(bodyOf(line)) || UTILIZATION.test(line);
const names = (text: string) =>
  text
    .replace(/\[last unloaded:[^\]]*\]/, " ")
    .split(/\s+/)
    .map((t) =>
      t
        .replace(/\([A-Z+-]+\)$/, "")
        .replace(/-/g, "_")
        .toLowerCase(),
    )
    .filter((t) => /^\w+$/.test(t));

/**
 * Per line, the module list printed in its report, walking from it over the report's lines only (the kernel's, no report
 * ending or starting between, a dmesg clock that never runs back): down to the list, or up to it where the list came first
 * (a WARN's, before its call trace). Null where the paste shows none.
 */
export function moduleListOf(lineAt: (line: number) => string | undefined): (line: number) => ModuleList | null {
  const cache = new Map<number, ModuleList | null>();
  const listAt = (line: number): ModuleList | null => {
    let found = cache.get(line);
    if (found !== undefined) return found;
    found = readList(line, lineAt);
    cache.set(line, found);
    return found;
  };
  return (line) => {
    const own = LIST.test(lineAt(line) ?? "");
    if (own) return listAt(line);
    for (const step of [1, -1] as const) {
      let clock = step > 0 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
      for (let l = line + step; Math.abs(l - line) <= REACH; l += step) {
        const text = lineAt(l);
        if (text === undefined || !kernelLine(text)) break;
        if (LIST.test(text)) return listAt(l);
        if (REPORT_BOUNDARY.test(text) || REPORT_START.test(text)) break;
        const stamp = DMESG_CLOCK.exec(text);
        if (stamp) {
          const at = Number(stamp[1]);
          if (step > 0 ? at < clock : at > clock) break;
          clock = at;
        }
      }
    }
    return null;
  };
}

function readList(line: number, lineAt: (line: number) => string | undefined): ModuleList {
  const parts = [LIST.exec(lineAt(line) ?? "")?.[1] ?? ""];
  for (let l = line + 1; l <= line + MAX_CONTINUATIONS; l++) {
    const body = bodyOf(lineAt(l) ?? "");
    if (!body.trim() || !NAMES_ONLY.test(body)) break;
    parts.push(body);
  }
  const all = new Set<string>();
  parts.forEach((part, i) => {
    for (const name of names(part)) all.add(name);
    // A break may have split a name ("is" + "csi_tcp"): the two halves joined are read too.
    const next = parts[i + 1];
    const tail = names(part).at(-1);
    const head = next === undefined ? undefined : names(next)[0];
    if (tail && head) all.add(tail + head);
  });
  const last = (parts.at(-1) ?? "").trimEnd();
  return { line, names: all, cut: /(?:\u2026|\.\.\.)$/.test(last) };
}
