import type { UnwrappedText } from "./unwrap-lines";

/**
 * Lines of a paste written back in another form (a decoded stack frame in the kernel's own, an export's quoting undone), as
 * a variant to scan again: each of `lines` (0-based, any order) that `rewrite` changes, its evidence showing the line as
 * pasted. Null when it changes none.
 */
export function rewrittenLines(
  lines: Iterable<number>,
  lineAt: (line: number) => string,
  rewrite: (line: string) => string,
): UnwrappedText | null {
  const origin: number[] = [];
  const rebuilt: string[] = [];
  const shown: string[] = [];
  for (const l of [...lines].sort((a, b) => a - b)) {
    const line = lineAt(l);
    const written = rewrite(line);
    if (written === line) continue;
    origin.push(l);
    rebuilt.push(written);
    shown.push(line.endsWith("\r") ? line.slice(0, -1) : line);
  }
  return origin.length ? { text: rebuilt.join("\n"), origin, changed: origin.map(() => true), shown } : null;
}
