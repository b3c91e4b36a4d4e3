import { parse as parseYaml, YAMLParseError } from "yaml";
import { type BugRecord, bugRecordSchema } from "./record-schema";

export interface RecordProblem {
  file: string;
  /** Dotted field path inside the record, e.g. "signatures.2.pattern"; empty for file-level problems. */
  path: string;
  message: string;
}

export type ParsedRecord = { ok: true; file: string; record: BugRecord } | { ok: false; file: string; problems: RecordProblem[] };

/** Parses and validates one record file. Never throws: every problem is reported with its field path. */
export function parseRecordFile(file: string, text: string): ParsedRecord {
  let raw: unknown;
  try {
    raw = parseYaml(text, { prettyErrors: true, uniqueKeys: true });
  } catch (err) {
    const message = err instanceof YAMLParseError ? err.message : String(err);
    return { ok: false, file, problems: [{ file, path: "", message: `invalid YAML: ${message}` }] };
  }
  const result = bugRecordSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => ({ file, path: issue.path.join("."), message: issue.message }));
    return { ok: false, file, problems };
  }
  const expected = file.replace(/^.*\//, "").replace(/\.ya?ml$/, "");
  if (result.data.id !== expected) {
    return { ok: false, file, problems: [{ file, path: "id", message: `id "${result.data.id}" must match the file name "${expected}"` }] };
  }
  return { ok: true, file, record: result.data };
}
