import { isBlank } from "../engine/blank-text";
import type { CompiledKb } from "../engine/compile-kb";
import { diagnoseBundle, diagnoseFields } from "../engine/diagnose";
import { DIAGNOSE_FIELDS, type DiagnoseInput, type HostBundle } from "../engine/diagnose-input";
import { checkHosts, diagnoseHosts } from "../engine/hosts";
import { checkFieldLimits, checkHostsLimits, checkTextLimits, type LimitBreach } from "../http/limits";
import { readBundleBytes, type SentAs } from "./bundle-bytes";
import { capDiagnosis, type ServedDiagnosis } from "./cap-diagnosis";
import { readJsonBody } from "./json-body";
import { misreadBody } from "./misread-body";
import { isFormRefusal, readPageForm, SCOPED_LIMIT } from "./page-form";
import { type NotLog, notLogDetail, notLogPart } from "./text-content";

/**
 * One diagnosis to run. A body travels as the request's bytes, so Node can hand them to a pool thread
 * without copying and decode (and for JSON parse and validate) them there; `sentAs` says how the request
 * labelled a bundle (curl's default form type, or text/plain with its charset).
 */
export type DiagnoseJob =
  | {
      form: "bundle";
      text: string | Uint8Array;
      limit?: number | undefined;
      focus?: string | undefined;
      sentAs?: SentAs | undefined;
    }
  | { form: "json"; bytes: Uint8Array; limit?: number | undefined }
  | { form: "fields"; input: DiagnoseInput }
  /** The lookup page's form (POST /check) as sent: read here, off Node's event loop (page-form.ts). */
  | { form: "page"; bytes: Uint8Array; contentType: string; maxBytes: number }
  | { form: "hosts"; hosts: HostBundle[]; limit?: number | undefined };

export type JobOutcome =
  | { ok: true; diagnosis: ServedDiagnosis }
  | { ok: false; status: 400 | 413 | 415 | 422; slug: string; detail: string; errors?: Array<{ path: string; message: string }> };

const decoder = new TextDecoder();
const webDecode = (bytes: Uint8Array) => decoder.decode(bytes);

/**
 * Limits, the engine, then the answer caps: the same steps inline (Worker) and in a pool thread (Node).
 * `decode` turns a bundle's bytes into text as TextDecoder does (Node passes a faster one).
 */
export function runDiagnoseJob(kb: CompiledKb, job: DiagnoseJob, decode: (bytes: Uint8Array) => string = webDecode): JobOutcome {
  if (job.form === "bundle") {
    const read = typeof job.text === "string" ? { ok: true as const, text: job.text } : readBundleBytes(job.text, decode, job.sentAs);
    if (!read.ok) return read;
    const text = read.text;
    if (isBlank(text))
      return {
        ok: false,
        status: 422,
        slug: "empty-body",
        detail: "The body is empty (white space or NUL bytes only): send logs, uname output or os-release as plain text.",
      };
    const part = typeof job.text === "string" ? notLogPart(text) : null;
    if (part) return notLog("The body", part);
    const misread = job.sentAs ? misreadBody(text, job.sentAs.form) : null;
    if (misread && "input" in misread)
      return runDiagnoseJob(kb, { form: "fields", input: { ...misread.input, limit: misread.input.limit ?? job.limit } }, decode);
    if (misread && "text" in misread)
      return runDiagnoseJob(kb, { form: "bundle", text: misread.text, limit: job.limit, focus: job.focus }, decode);
    if (misread) return misread;
    const breach = checkTextLimits(text);
    if (breach) return tooLarge(breach);
    return { ok: true, diagnosis: capDiagnosis(diagnoseBundle(kb, text, job.limit, job.focus)) };
  }
  if (job.form === "page") {
    const form = readPageForm(job.bytes, job.contentType, job.maxBytes, decode);
    if (isFormRefusal(form)) return form;
    const scoped = form.record === undefined ? undefined : kb.records.find((r) => r.id === form.record);
    // A typed paste is text already; a chosen file's bytes are read as POST /diagnose reads a body (UTF-16 from
    // PowerShell, a compressed or binary file refused: review 36a).
    const sentAs = typeof form.bundle === "string" ? {} : { sentAs: { form: false, upload: true } };
    const limit = scoped ? SCOPED_LIMIT : undefined;
    return runDiagnoseJob(kb, { form: "bundle", text: form.bundle, limit, focus: scoped?.id, ...sentAs }, decode);
  }
  if (job.form === "json") {
    const request = readJsonBody(job.bytes, decode, job.limit);
    return "ok" in request ? request : runDiagnoseJob(kb, request, decode);
  }
  if (job.form === "hosts") {
    // The engine's own rules first (count, names, total size), then the line, row and host limits.
    const problem = checkHosts(job.hosts);
    if (problem?.kind === "too-large") return { ok: false, status: 413, slug: "hosts-too-large", detail: problem.detail };
    if (problem) return { ok: false, status: 422, slug: problem.kind, detail: problem.detail, errors: problem.errors };
    const breach = checkHostsLimits(job.hosts);
    if (breach) return tooLarge(breach);
    for (const h of job.hosts) {
      const part = notLogPart(h.bundle);
      if (part) return notLog(`Host ${h.name}'s bundle`, part);
    }
    return { ok: true, diagnosis: capDiagnosis(diagnoseHosts(kb, job.hosts, job.limit)) };
  }
  const breach = checkFieldLimits(job.input as Record<string, unknown>);
  if (breach) return tooLarge(breach);
  for (const field of DIAGNOSE_FIELDS) {
    const value = job.input[field];
    const part = value ? notLogPart(value) : null;
    if (part) return notLog(`The field ${field}`, part);
  }
  return { ok: true, diagnosis: capDiagnosis(diagnoseFields(kb, job.input)) };
}

const tooLarge = (b: LimitBreach): JobOutcome => ({ ok: false, status: 413, slug: b.slug, detail: b.detail });
/** A text that is no log (review 60e F2): refused as the body's bytes are (bundle-bytes.ts), never read as "no known bug". */
const notLog = (where: string, part: NotLog): JobOutcome => ({
  ok: false,
  status: 415,
  slug: part.format === "binary" ? "not-text" : "compressed-body",
  detail: notLogDetail(where, part),
});
