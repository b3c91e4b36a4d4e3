import { lineEnd } from "./line-starts";
import type { UnwrappedText } from "./unwrap-lines";

/**
 * YAML emitters fold a long flow scalar over the lines under its key at 80 columns (PyYAML and ruamel in `gcloud logging
 * read`'s default output, go-yaml in `kubectl get -o yaml`'s condition and termination messages), each break standing
 * for a space and a blank line for a line break. Review 39a F5: a textPayload folded between "no such file" and "or
 * directory" lost the signature that named the bug. The folded scalars are read as YAML reads them, one rebuilt line per
 * line of the value, a single-quoted one's `''` as the quote it stands for, and scanned again; the evidence shows the
 * rebuilt line. Review 40c F10: a payload of two messages (modprobe's, then iptables' `can''t initialize`) lost both.
 */

/**
 * A mapping key (or a sequence item's) whose flow scalar starts on its line: not `key:` alone, not a `|` or `>` block; or
 * a sequence item that is a quoted scalar itself (Ansible's `stderr_lines` as its YAML callback prints them).
 */
const KEY_WITH_SCALAR = /^(?:((?:- )?[\w.$@/-]+: )(?![|>][-+0-9]*\s*$)\S|(- )['"])/;
/** What a plain (unquoted) scalar never holds: a mapping's ": ", a comment's " #" (`docker version`'s `Client: …` block, talosctl's `kern: warning: …`). */
const NOT_PLAIN = /: |\s#|^[-#]\s/;
/** Pastes only, as for mail wraps: a machine-collected log of megabytes is no YAML document. */
const MAX_TEXT = 4 * 1024 * 1024;
/** A folded scalar of this many lines at 80 columns is 8 KB: longer runs of indented lines are something else. */
const MAX_FOLDED = 100;

/** The folded scalars of a YAML text joined into one line each (origin: the key's line), or null when there are none. */
export function yamlFoldVariant(text: string, lineStarts: readonly number[]): UnwrappedText | null {
  if (text.length > MAX_TEXT || (!text.includes(": ") && !text.includes("- '") && !text.includes('- "'))) return null;
  const lineAt = (l: number) => {
    const end = lineEnd(text, lineStarts, l);
    const start = lineStarts[l] as number;
    return text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
  };
  // -1 for a blank line and for one past the text (the blank-line peek reads two ahead).
  const indentOf = (l: number) => {
    if (l >= lineStarts.length) return -1;
    const start = lineStarts[l] as number;
    let i = start;
    while (text.charCodeAt(i) === 32) i++;
    return i < lineEnd(text, lineStarts, l) ? i - start : -1;
  };
  const origin: number[] = [];
  const through: number[] = [];
  const rebuilt: string[] = [];
  // Where the next `''` is: a one-line single-quoted scalar holding one is read too (found once, not searched per line).
  let doubled = text.indexOf("''");
  for (let l = 0; l < lineStarts.length; l++) {
    const indent = indentOf(l);
    if (indent < 0) continue;
    if (doubled >= 0 && doubled < (lineStarts[l] as number)) doubled = text.indexOf("''", lineStarts[l]);
    // Only a line the next one is indented under can start a fold, or one that holds a `''`: the key test runs on those alone.
    const folds = indentOf(l + 1) > indent || (indentOf(l + 1) < 0 && indentOf(l + 2) > indent);
    if (!folds && !(doubled >= 0 && doubled < lineEnd(text, lineStarts, l))) continue;
    const line = lineAt(l);
    const found = KEY_WITH_SCALAR.exec(line.slice(indent));
    const key = found?.[1] ?? found?.[2];
    if (!key) continue;
    // A scalar's lines are indented past its key (a sequence item's key sits after its "- "; a bare item's past the dash).
    const column = indent + (found?.[1]?.startsWith("- ") ? 2 : 0);
    const value = line.slice(indent + key.length);
    const quoted = value[0] === "'" || value[0] === '"';
    const lines = scalarLines(value, l, (k) => {
      if (k >= lineStarts.length) return null;
      const at = indentOf(k);
      // A blank line inside a quoted scalar is a line break of its value.
      return at > column ? lineAt(k).trimStart() : at < 0 && quoted ? "" : null;
    });
    if (lines < 0) {
      // An unclosed quote: the lines under it are no document's either (and are not read again, one by one).
      l -= lines + 1;
      continue;
    }
    const single = value[0] === "'" && value.includes("''", 1);
    if (lines < 2 && !single) continue;
    const unquoted = (part: string) => (value[0] === "'" ? part.replaceAll("''", "'") : part);
    let joined = line.slice(0, indent + key.length) + unquoted(value);
    let first = l;
    const close = (last: number) => {
      origin.push(first);
      through.push(last);
      rebuilt.push(joined);
    };
    for (let k = l + 1; k < l + lines; k++) {
      const part = unquoted(lineAt(k).trimStart());
      // The closing quote alone after a blank line ends a value that ended in a line break.
      if (joined === "" && part === value[0]) continue;
      if (part === "") {
        // A line of the value ends here; the next part opens the next.
        if (joined !== "") close(k - 1);
        joined = "";
        first = k + 1;
      } else if (joined === "") joined = part;
      // A double-quoted scalar's escaped line break joins without the space.
      else joined = joined.endsWith("\\") ? `${joined.slice(0, -1)}${part}` : `${joined} ${part}`;
    }
    if (joined !== "") close(l + lines - 1);
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
