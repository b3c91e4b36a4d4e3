import { LineCounter, parseDocument, YAMLParseError } from "yaml";
import { type BugRecord, bugRecordSchema } from "./record-schema";

export interface RecordProblem {
  file: string;
  /** Dotted field path inside the record, e.g. "signatures.2.pattern"; empty for file-level problems. */
  path: string;
  /** The 1-based line of the field (or of the nearest enclosing one that is in the file), when known. */
  line?: number;
  message: string;
}

/** What a schema message about a version or a pattern read as a number means in YAML terms. */
const NUMBER_READ = /expected string, received number/;

export type ParsedRecord = { ok: true; file: string; record: BugRecord } | { ok: false; file: string; problems: RecordProblem[] };

/**
 * What YAML made of the number written: the value as typed and as read (review 69b F6: "4.10" was told "YAML reads 1.10 as
 * the number 1.1").
 */
function numberHint(node: unknown, text: string): string {
  const scalar = node as { value?: unknown; range?: [number, number, number] } | null;
  if (typeof scalar?.value !== "number" || !scalar.range) return " (quote it: YAML reads an unquoted version as a number)";
  const typed = text.slice(scalar.range[0], scalar.range[1]).trim();
  return typed === String(scalar.value) ? ` (quote it: "${typed}")` : ` (quote it: YAML reads ${typed} as the number ${scalar.value})`;
}

/** The 1-based line of the field at `path` (or of the nearest enclosing one that is in the document). */
function nodeLine(doc: ReturnType<typeof parseDocument>, lines: LineCounter, path: readonly PropertyKey[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | null | undefined;
    if (node && typeof node === "object" && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

/**
 * The line of a field of a record file that validated, for a problem only the set of records shows (an alias another
 * record claims too: review 70e F5 found it told without a line).
 */
export function fieldLine(text: string, path: string): number | undefined {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  return nodeLine(
    doc,
    lines,
    path.split(".").map((k) => (/^\d+$/.test(k) ? Number(k) : k)),
  );
}

/** Parses and validates one record file. Never throws: every problem is reported with its field path. */
export function parseRecordFile(file: string, text: string): ParsedRecord {
  const lines = new LineCounter();
  // A byte that is not UTF-8 reaches here as U+FFFD (the files are decoded leniently): stored so, it would be lost.
  const replaced = text.indexOf("\uFFFD");
  if (replaced >= 0)
    return {
      ok: false,
      file,
      problems: [
        {
          file,
          path: "",
          line: text.slice(0, replaced).split("\n").length,
          message: "holds U+FFFD, the mark of a byte that is not UTF-8 (or a replacement character typed in): save the file as UTF-8",
        },
      ],
    };
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true, lineCounter: lines });
  let raw: unknown;
  try {
    const [error] = doc.errors;
    if (error) throw error;
    raw = doc.toJS();
  } catch (err) {
    const message = err instanceof YAMLParseError ? err.message : String(err);
    return { ok: false, file, problems: [{ file, path: "", message: `invalid YAML: ${message}` }] };
  }
  const result = bugRecordSchema.safeParse(raw);
  if (!result.success) {
    const lineOf = (path: readonly PropertyKey[]) => nodeLine(doc, lines, path);
    const problems = result.error.issues.map((issue) => {
      const line = lineOf(issue.path);
      const hint = NUMBER_READ.test(issue.message) ? numberHint(doc.getIn(issue.path, true), text) : "";
      return { file, path: issue.path.join("."), ...(line ? { line } : {}), message: `${issue.message}${hint}` };
    });
    return { ok: false, file, problems };
  }
  const expected = file.replace(/^.*\//, "").replace(/\.ya?ml$/, "");
  if (result.data.id !== expected) {
    return { ok: false, file, problems: [{ file, path: "id", message: `id "${result.data.id}" must match the file name "${expected}"` }] };
  }
  return { ok: true, file, record: result.data };
}
