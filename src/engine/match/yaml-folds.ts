import { lineEnd } from "./line-starts";
import type { UnwrappedText } from "./unwrap-lines";

/**
 * YAML emitters fold a long flow scalar over the lines under its key at 80 columns (PyYAML and ruamel in `gcloud logging
 * read`'s default output, go-yaml in `kubectl get -o yaml`'s condition and termination messages), each break standing
 * for a space. Review 39a F5: a textPayload folded between "no such file" and "or directory" lost the signature that
 * named the bug. The folded scalars are joined, as YAML reads them, and scanned again; the evidence shows the joined line.
 */

/** A mapping key (or a sequence item's) whose flow scalar starts on its line: not `key:` alone, not a `|` or `>` block. */
const KEY_WITH_SCALAR = /^((?:- )?[\w.$@/-]+: )(?![|>][-+0-9]*\s*$)\S/;
/** What a plain (unquoted) scalar never holds: a mapping's ": ", a comment's " #" (`docker version`'s `Client: …` block, talosctl's `kern: warning: …`). */
const NOT_PLAIN = /: |\s#|^[-#]\s/;
/** Pastes only, as for mail wraps: a machine-collected log of megabytes is no YAML document. */
const MAX_TEXT = 4 * 1024 * 1024;
/** A folded scalar of this many lines at 80 columns is 8 KB: longer runs of indented lines are something else. */
const MAX_FOLDED = 100;

/** The folded scalars of a YAML text joined into one line each (origin: the key's line), or null when there are none. */
export function yamlFoldVariant(text: string, lineStarts: readonly number[]): UnwrappedText | null {
  if (text.length > MAX_TEXT || !text.includes(": ")) return null;
  const lineAt = (l: number) => {
    const end = lineEnd(text, lineStarts, l);
    const start = lineStarts[l] as number;
    return text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
  };
  const indentOf = (l: number) => {
    const start = lineStarts[l] as number;
    let i = start;
    while (text.charCodeAt(i) === 32) i++;
    return i < lineEnd(text, lineStarts, l) ? i - start : -1;
  };
  const origin: number[] = [];
  const through: number[] = [];
  const rebuilt: string[] = [];
  for (let l = 0; l + 1 < lineStarts.length; l++) {
    const indent = indentOf(l);
    // Only a line the next one is indented under can start a fold: the key test runs on those alone.
    if (indent < 0 || indentOf(l + 1) <= indent) continue;
    const line = lineAt(l);
    const key = KEY_WITH_SCALAR.exec(line.slice(indent))?.[1];
    if (!key) continue;
    // A scalar's lines are indented past its key (a sequence item's key sits after its "- ").
    const column = indent + (key.startsWith("- ") ? 2 : 0);
    const lines = scalarLines(line.slice(indent + key.length), l, (k) =>
      k < lineStarts.length && indentOf(k) > column ? lineAt(k).trimStart() : null,
    );
    if (lines < 0) {
      // An unclosed quote: the lines under it are no document's either (and are not read again, one by one).
      l -= lines + 1;
      continue;
    }
    if (lines < 2) continue;
    let joined = line;
    for (let k = l + 1; k < l + lines; k++) {
      const part = lineAt(k).trimStart();
      // A double-quoted scalar's escaped line break joins without the space.
      joined = joined.endsWith("\\") ? `${joined.slice(0, -1)}${part}` : `${joined} ${part}`;
    }
    origin.push(l);
    through.push(l + lines - 1);
    rebuilt.push(joined);
    l += lines - 1;
  }
  if (!origin.length) return null;
  return { text: rebuilt.join("\n"), origin, changed: origin.map(() => true), through };
}

/**
 * How many lines one flow scalar takes, from its value on the key's line at `l`, the lines under it given by `under`
 * (null past them): a quoted one up to its closing quote, a plain one while no line holds what a plain scalar cannot
 * (0 when one does). Minus the lines read when a quote never closes.
 */
function scalarLines(value: string, l: number, under: (k: number) => string | null): number {
  const quote = value[0];
  if (quote !== "'" && quote !== '"') {
    if (NOT_PLAIN.test(value)) return 0;
    let k = l + 1;
    for (let part = under(k); part !== null && k - l <= MAX_FOLDED; part = under(++k)) if (NOT_PLAIN.test(part)) return 0;
    return k - l;
  }
  let k = l;
  for (let part: string | null = value; part !== null && k - l <= MAX_FOLDED; part = under(++k)) {
    for (let i = k === l ? 1 : 0; i < part.length; i++) {
      const c = part[i];
      if (quote === '"' && c === "\\") i++;
      else if (c === quote && quote === "'" && part[i + 1] === "'") i++;
      else if (c === quote) return k - l + 1;
    }
  }
  return -(k - l);
}
