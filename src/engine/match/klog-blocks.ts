import { isKlogHeader, unframe } from "./normalize-line";

/**
 * klog prints a multi-line value as `key=<`, the value's lines indented by a tab, then ` >`
 * (k8s.io/klog/v2 internal/serialize keyvalues.go, writeStringValue). Those lines belong to the record
 * that opened the block, so evidence for a hit inside one should point at the record's first line.
 */

/** A block never runs longer than this; an unterminated one (a truncated paste) stops here. */
const MAX_BLOCK_LINES = 2000;

function closes(unframed: string): boolean {
  return unframed === ">" || unframed.startsWith("> ");
}

/**
 * For each line (0-based) inside a klog multi-line value, the line of the record that opened it.
 * journald framing is looked through, so a block logged via journald is found as well.
 */
export function klogBlockHeaders(lines: readonly string[]): Map<number, number> {
  const headerOf = new Map<number, number>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (!line.includes("=<") || !unframe(line).trimEnd().endsWith("=<")) continue;
    let j = i + 1;
    for (; j < lines.length && j - i <= MAX_BLOCK_LINES; j++) {
      const u = unframe(lines[j] as string).trimEnd();
      if (closes(u)) {
        headerOf.set(j, i);
        if (u.endsWith("=<")) continue; // ` > next=<`: another multi-line value of the same record
        break;
      }
      if (isKlogHeader(lines[j] as string)) {
        j--; // a new record: the paste lost the block's end
        break;
      }
      headerOf.set(j, i);
    }
    i = j;
  }
  return headerOf;
}
