import type { CompiledKb } from "../engine/compile-kb";
import { diagnoseBundle, diagnoseFields } from "../engine/diagnose";
import type { DiagnoseInput, HostBundle } from "../engine/diagnose-input";
import { checkHosts, diagnoseHosts } from "../engine/hosts";
import { checkFieldLimits, checkHostsLimits, checkTextLimits, type LimitBreach } from "../http/limits";
import { capDiagnosis, type ServedDiagnosis } from "./cap-diagnosis";

/**
 * One diagnosis to run, already validated by the route. A bundle may travel as the request's bytes,
 * so Node can hand them to a pool thread without copying and decode them there.
 */
export type DiagnoseJob =
  | { form: "bundle"; text: string | Uint8Array; limit?: number | undefined; focus?: string | undefined }
  | { form: "fields"; input: DiagnoseInput }
  | { form: "hosts"; hosts: HostBundle[]; limit?: number | undefined };

export type JobOutcome =
  | { ok: true; diagnosis: ServedDiagnosis }
  | { ok: false; status: 413 | 415 | 422; slug: string; detail: string; errors?: Array<{ path: string; message: string }> };

const decoder = new TextDecoder();
const webDecode = (bytes: Uint8Array) => decoder.decode(bytes);

/**
 * Limits, the engine, then the answer caps: the same steps inline (Worker) and in a pool thread (Node).
 * `decode` turns a bundle's bytes into text as TextDecoder does (Node passes a faster one).
 */
export function runDiagnoseJob(kb: CompiledKb, job: DiagnoseJob, decode: (bytes: Uint8Array) => string = webDecode): JobOutcome {
  if (job.form === "bundle") {
    if (typeof job.text !== "string" && isGzip(job.text))
      return {
        ok: false,
        status: 415,
        slug: "unsupported-encoding",
        detail: "The body is gzip-compressed but says no Content-Encoding: send it with Content-Encoding: gzip, or uncompressed.",
      };
    const text = typeof job.text === "string" ? job.text : bodyText(job.text, decode);
    if (!text.trim())
      return {
        ok: false,
        status: 422,
        slug: "empty-body",
        detail: "The body is empty: send logs, uname output or os-release as plain text.",
      };
    const breach = checkTextLimits(text);
    if (breach) return tooLarge(breach);
    return { ok: true, diagnosis: capDiagnosis(diagnoseBundle(kb, text, job.limit, job.focus)) };
  }
  if (job.form === "hosts") {
    // The engine's own rules first (count, names, total size), then the line, row and host limits.
    const problem = checkHosts(job.hosts);
    if (problem?.kind === "too-large") return { ok: false, status: 413, slug: "hosts-too-large", detail: problem.detail };
    if (problem) return { ok: false, status: 422, slug: problem.kind, detail: problem.detail, errors: problem.errors };
    const breach = checkHostsLimits(job.hosts);
    if (breach) return tooLarge(breach);
    return { ok: true, diagnosis: capDiagnosis(diagnoseHosts(kb, job.hosts, job.limit)) };
  }
  const breach = checkFieldLimits(job.input as Record<string, unknown>);
  if (breach) return tooLarge(breach);
  return { ok: true, diagnosis: capDiagnosis(diagnoseFields(kb, job.input)) };
}

/** gzip's magic bytes: compressed bytes sent without Content-Encoding are no log (they read as "no known bug"). */
const isGzip = (bytes: Uint8Array) => bytes[0] === 0x1f && bytes[1] === 0x8b;

/**
 * The body as text: UTF-8, or UTF-16 when it starts with a UTF-16 byte-order mark (what Windows
 * PowerShell 5 writes by default: read as UTF-8 its every other byte is a NUL, and nothing matches).
 */
function bodyText(bytes: Uint8Array, decode: (bytes: Uint8Array) => string): string {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (!le && !be) return decode(bytes);
  const units = new Uint16Array((bytes.length - 2) >> 1);
  for (let i = 0, at = 2; i < units.length; i++, at += 2)
    units[i] = le ? (bytes[at] as number) | ((bytes[at + 1] as number) << 8) : ((bytes[at] as number) << 8) | (bytes[at + 1] as number);
  const parts: string[] = [];
  for (let i = 0; i < units.length; i += 8192) parts.push(String.fromCharCode(...units.subarray(i, i + 8192)));
  return parts.join("");
}

const tooLarge = (b: LimitBreach): JobOutcome => ({ ok: false, status: 413, slug: b.slug, detail: b.detail });
