import { isBlank } from "../../engine/blank-text";
import { DEFAULT_DIAGNOSE_LIMIT, MAX_DIAGNOSE_LIMIT } from "../../engine/diagnose-input";
import type { Confidence, Diagnosis, Finding, Verdict } from "../../engine/diagnosis";
import { renderTextReport } from "../../engine/report-text";
import { type CliValues, positiveInt, timeoutSeconds } from "./args";
import { requestJson, serviceBase } from "./client";
import { CliError, EXIT } from "./exit-codes";
import { type Input, readInputs } from "./inputs";
import { loadLocalKb } from "./local";
import { Redactor } from "./redact";

const LEVELS: Record<Confidence, number> = { low: 1, medium: 2, high: 3 };

/** `known-bugs diagnose`: one bundle, or several hosts; the text report or JSON; --fail-on sets the exit status. */
export async function diagnoseCommand(args: string[], values: CliValues): Promise<number> {
  const failOn = failOnLevel(values["fail-on"]);
  // The contract's bound on both doors (review 63h F1: --local took 101, the server refused it).
  const limit = values.limit === undefined ? undefined : positiveInt(values.limit, "limit", DEFAULT_DIAGNOSE_LIMIT, MAX_DIAGNOSE_LIMIT);
  const url = serverUrl(values);
  let inputs = await readInputs(args.length ? args : ["-"]);
  if (values.redact) {
    const redactor = new Redactor();
    // What is sent is the redacted text, as UTF-8.
    inputs = inputs.map((i) => {
      const text = redactor.redact(i.text);
      return { ...i, text, bytes: Buffer.from(text, "utf8"), gzip: false };
    });
  }
  if (inputs.every((i) => isBlank(i.text))) throw new CliError(EXIT.usage, "the input is empty (white space or NUL bytes only)");
  // One host's empty file among several (a collect that failed on it): named by its file, before anything is sent (review
  // 67d F7: the server's refusal named it "hosts.17.bundle", and --local gave no reason at all).
  const empty = inputs.length > 1 ? inputs.find((i) => isBlank(i.text)) : undefined;
  if (empty)
    throw new CliError(EXIT.usage, `${empty.source} (host ${empty.name}) is empty: leave it out, or collect that host's bundle again`);
  const diagnosis = url ? await remote(url, inputs, limit, values) : await local(inputs, limit, values.kb);
  process.stdout.write(values.json ? `${JSON.stringify(diagnosis, null, 2)}\n` : renderTextReport(diagnosis));
  // A finding its versions surely rule out is a look-alike, not this host's bug: it does not fail a pipeline. Nor does one
  // whose host the paste shows running a version its range surely rules out after the failure (a reboot into the fixed
  // kernel, an upgrade read after it): the script asks whether the host is still broken, and the same host told in prose
  // already passed (review 69c F4). A hedged present state ("not certain") still fails, as a hedged verdict does. Nor does
  // one whose setup the paste refutes (`symptom: "refuted"`: an NFSv3 mount beside the NFSv4.1 record): its versions are
  // in range, but the host does not run what the bug needs, so this bug is not what broke it (review 71i F2).
  const ruledOut = (v: Pick<Verdict, "status" | "certain">) => v.status === "not-affected" && v.certain !== false;
  const fixedNow = (f: Finding) => f.verdict.now !== undefined && ruledOut(f.verdict.now);
  const refuted = (f: Finding) => f.verdict.symptom === "refuted";
  if (failOn && diagnosis.findings.some((f) => LEVELS[f.confidence] >= failOn && !ruledOut(f.verdict) && !fixedNow(f) && !refuted(f)))
    return EXIT.findings;
  return EXIT.ok;
}

function failOnLevel(value: string | undefined): number | null {
  if (value === undefined) return null;
  if (value in LEVELS) return LEVELS[value as Confidence];
  throw new CliError(EXIT.usage, `--fail-on takes high, medium or low, not "${value}"`);
}

/** The server to ask, or null for the embedded engine (--local). */
export function serverUrl(values: CliValues): string | null {
  if (values.local) {
    if (values.url) throw new CliError(EXIT.usage, "--local and --url exclude each other");
    return null;
  }
  // A knowledge base of one's own is read here, never the server's answer in its place (review 67d F2: `--kb DIR` with
  // KNOWN_BUGS_URL set asked the server, whose records answered as if they were DIR's).
  if (values.kb !== undefined) {
    if (values.url) throw new CliError(EXIT.usage, "--kb reads a local knowledge base and --url asks a server: give one of them");
    return null;
  }
  const url = values.url ?? process.env.KNOWN_BUGS_URL;
  if (!url) throw new CliError(EXIT.usage, "no server: set KNOWN_BUGS_URL or pass --url URL, or use --local for the embedded engine");
  // The endpoint given as the base (review 68f F4): asked at the base, said in one line.
  const { base, dropped, shown } = serviceBase(url);
  if (dropped)
    process.stderr.write(
      `known-bugs: ${values.url ? "--url" : "KNOWN_BUGS_URL"} is the service's base URL; asking ${shown} (without ${dropped})\n`,
    );
  return base;
}

async function remote(url: string, inputs: Input[], limit: number | undefined, values: CliValues): Promise<Diagnosis> {
  const seconds = timeoutSeconds(values, 120);
  const progress = values.quiet ? null : process.stderr;
  const single = inputs.length === 1 ? inputs[0] : undefined;
  // One bundle goes as the bytes read: the server decodes UTF-16 and (said with Content-Encoding) gzip itself.
  const res = single
    ? await requestJson(url, `/diagnose${limit ? `?limit=${limit}` : ""}`, {
        body: single.bytes,
        contentType: "text/plain",
        ...(single.gzip ? { contentEncoding: "gzip" } : {}),
        timeoutSeconds: seconds,
        progress,
      })
    : await requestJson(url, "/diagnose", {
        body: JSON.stringify({ hosts: inputs.map((i) => ({ name: i.name, bundle: i.text })), ...(limit ? { limit } : {}) }),
        contentType: "application/json",
        timeoutSeconds: seconds,
        progress,
      });
  return checkedDiagnosis(url, res.json);
}

/** The answer as the report and `--fail-on` read it (answer-shape.ts), kept whole for --json. */
async function checkedDiagnosis(url: string, json: unknown): Promise<Diagnosis> {
  const { checkedAnswer, diagnosisAnswer } = await import("./answer-shape");
  return checkedAnswer(url, json, diagnosisAnswer, "a diagnosis") as unknown as Diagnosis;
}

/** The embedded engine's answer with the API's caps, so `--json` is the server's shape, `truncated` included (review 37a). */
async function local(inputs: Input[], limit: number | undefined, kbDir: string | undefined): Promise<Diagnosis> {
  const kb = await loadLocalKb(kbDir);
  const { capDiagnosis } = await import("../../service/cap-diagnosis");
  const single = inputs.length === 1 ? inputs[0] : undefined;
  if (single) {
    const { diagnoseBundle } = await import("../../engine/diagnose");
    return capDiagnosis(diagnoseBundle(kb, single.text, limit));
  }
  const { diagnoseHosts, HostsLimitError } = await import("../../engine/hosts");
  try {
    return capDiagnosis(
      diagnoseHosts(
        kb,
        inputs.map((i) => ({ name: i.name, bundle: i.text })),
        limit,
      ),
    );
  } catch (e) {
    if (e instanceof HostsLimitError) throw new CliError(EXIT.usage, e.message);
    throw e;
  }
}
