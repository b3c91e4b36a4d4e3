import type { CompiledKb } from "./compile-kb";
import { moduleListOf } from "./facts/module-list";
import type { Hit } from "./match";
import { lineEnd, lineStartsOf } from "./match/line-starts";
import type { ApproximateHit } from "./recall";
import type { BugRecord } from "./record";
import type { KernelFacts } from "./types";

/** A module-bound record's modules (its `context.modules`), by record id. */
export type ModuleBound = ReadonlyMap<string, NonNullable<NonNullable<BugRecord["context"]>["modules"]>>;

/**
 * Which records are module-bound, worked out once per knowledge base (compile-kb): read from every record on every
 * diagnosis, it was a walk of the whole knowledge base per request (issue #12).
 */
export function moduleBoundRecords(records: readonly BugRecord[]): ModuleBound {
  return new Map(records.flatMap((r) => (r.context?.modules ? [[r.id, r.context.modules] as const] : [])));
}

/**
 * A module-bound kernel bug's line in a report whose "Modules linked in:" list holds none of the bug's modules is another
 * fault's: the kernel said what was loaded when it wrote the line (review 70a F4: a kworker soft lockup beside btrfs, raid
 * and lkrg, no nfs, was "affected" for the NFS client's lockup on its generic line). The line is dropped, as a signature's
 * `unless` drops a line it shows to be another fault's: a finding there would put the bug's fix (a kernel update, a
 * reboot) first for a fault it is not, and a "not affected" would read as a version that rules it out, which none does.
 * Only on a kernel of a distribution whose configs build the code as a module (the record's `context.modules`): elsewhere
 * it may be built in, and never listed. A list cut short (an ellipsis) decides nothing.
 */
export function withoutUnlistedModules<H extends Hit | ApproximateHit>(
  kb: CompiledKb,
  hits: readonly H[],
  logs: string,
  kernelOf: (line: number) => KernelFacts | null,
): H[] {
  const bound = kb.moduleBound;
  if (!bound.size) return [...hits];
  let listOf: ReturnType<typeof moduleListOf> | undefined;
  const listAt = (line: number) => {
    if (!listOf) {
      // The lines as split("\n") gives them, sliced only where the list is looked for: not a string per line of the log.
      const starts = lineStartsOf(logs);
      listOf = moduleListOf((l) => (l >= 1 && l <= starts.length ? logs.slice(starts[l - 1], lineEnd(logs, starts, l - 1)) : undefined));
    }
    return listOf(line);
  };
  return hits.filter((hit) => {
    const id = "recordId" in hit && hit.recordId ? hit.recordId : kb.signatures.get(hit.key)?.record.id;
    const modules = id === undefined ? undefined : bound.get(id);
    if (!modules) return true;
    const distro = kernelOf(hit.line)?.distro;
    if (!distro || !modules.distributions.includes(distro)) return true;
    const list = listAt(hit.line);
    return !list || list.cut || modules.names.some((name) => list.names.has(name));
  });
}
