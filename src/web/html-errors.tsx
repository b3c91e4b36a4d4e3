import type { Context, MiddlewareHandler } from "hono";
import { getKbMeta, type KbMeta } from "../db/bug-queries";
import { formatBytes } from "../format-bytes";
import type { AppEnv } from "../http/app-env";
import { LIMITS } from "../http/limits";
import type { Problem } from "../http/problem";
import { typedRecordId } from "../kb/record-id";
import { prefersHtml } from "./negotiate";
import { ErrorPage } from "./pages/error";
import { PAGE_CSP, toHtml, varyOnAccept } from "./render";

/**
 * Every error of the app is problem+json, made by one handler. A browser gets the same error as a
 * page with the same status, in words, with a search box where that helps and never a stack trace.
 * Every page also gets its content security policy here.
 */
export function htmlErrors(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    await asPage(c);
    if ((c.res.headers.get("Content-Type") ?? "").startsWith("text/html") && !c.res.headers.has("Content-Security-Policy")) {
      c.res.headers.set("Content-Security-Policy", PAGE_CSP);
    }
  };
}

async function asPage(c: Context<AppEnv>): Promise<void> {
  if (!(c.res.headers.get("Content-Type") ?? "").startsWith("application/problem+json")) return;
  // A script's request to the API's own routes: its errors are problem+json as its answers are JSON or text, whatever
  // Accept says (review 67d F5: a browser-like Accept got a page for a 422 and JSON for a 200). No page posts there.
  if (scriptsOnly(c)) return;
  varyOnAccept(c.res);
  if (!prefersHtml(c)) return;
  let problem: Problem;
  try {
    problem = (await c.res.clone().json()) as Problem;
  } catch {
    return;
  }
  const search = c.req.path === "/bugs" ? c.req.query("q")?.trim().slice(0, LIMITS.queryChars) : undefined;
  const html = await toHtml(
    <ErrorPage
      kb={await kbOrNull(c.get("store"))}
      status={problem.status}
      heading={SLUG_HEADINGS[problem.type.split("/").pop() ?? ""]}
      detail={inWords(problem, c)}
      requestId={problem.requestId}
      q={problem.status === 404 ? wordsOf(new URL(c.req.url).pathname) : search || undefined}
      paste={c.req.method === "POST"}
      record={c.req.method === "POST" ? (typedRecordId(c.req.query("record") ?? "") ?? undefined) : undefined}
    />,
  );
  const headers = new Headers(c.res.headers);
  headers.set("Content-Type", "text/html; charset=UTF-8");
  headers.set("Cache-Control", "no-store");
  headers.delete("Content-Length");
  c.res = undefined;
  c.res = new Response(html, { status: problem.status, headers });
}

const scriptsOnly = (c: Context<AppEnv>) =>
  c.req.method !== "GET" && c.req.method !== "HEAD" && (c.req.path === "/diagnose" || c.req.path.startsWith("/integrations/"));

/**
 * Headings by what happened, where one status covers several (503: a wait, a paste too slow to check, or the service not
 * ready; review 66d F5: a paste too slow to check was "The service is not ready", and "try again later" brought it back).
 */
const SLUG_HEADINGS: Record<string, string> = {
  busy: "The service is busy",
  "diagnosis-timeout": "Your paste took too long to check",
};

/** The API speaks of bodies, fields and methods; a person pasted text into a form or followed a link. */
function inWords(problem: Problem, c: Context<AppEnv>): string {
  const slug = problem.type.split("/").pop() ?? "";
  const max = c.get("settings")?.MAX_BODY_BYTES;
  switch (slug) {
    case "empty-body":
      return "The paste is empty: paste logs, uname -a output or os-release, then check again.";
    case "body-too-large":
      return max ? `Your paste is larger than the limit of ${formatBytes(max)}.` : (problem.detail ?? problem.title);
    case "rate-limited":
      return `You have checked many pastes in a short time. Wait ${waitWords(c.res.headers.get("Retry-After"))}, then check again: the form keeps your paste (Back returns to it, if this page replaced it).`;
    // Every thread busy: a wait, not an outage (review 65d F5: "The service is not ready" with no time to wait).
    case "busy":
      return `Every diagnosis is taken by other pastes right now. Wait ${waitWords(c.res.headers.get("Retry-After"))}, then check again: the form keeps your paste.`;
    // The same paste takes as long again: what to send instead, as the 413's words say.
    case "diagnosis-timeout":
      return `Checking it took longer than ${secondsOf(Number(/(\d+) ms/.exec(problem.detail ?? "")?.[1]))} and was stopped; the same paste would take as long again. Paste the lines around the failure, with uname -a and /etc/os-release, rather than the whole log or a very large nodes table.`;
    case "method-not-allowed":
      return `${new URL(c.req.url).pathname.slice(0, 100)} is not a page to open: it takes ${c.res.headers.get("Allow") ?? "another method"} from scripts and forms.`;
    case "invalid-fields":
      return fieldWords(problem);
    default:
      return problem.detail ?? problem.title;
  }
}

/** A time budget in words: "10 seconds"; "the time allowed" where the answer does not say it. */
const secondsOf = (ms: number | undefined) => (ms ? `${Math.round(ms / 100) / 10} seconds` : "the time allowed");

/** "30" → "30 seconds"; "60" → "a minute". */
function waitWords(retryAfter: string | null): string {
  const seconds = Number(retryAfter);
  if (!Number.isFinite(seconds) || seconds <= 0) return "a minute";
  if (seconds === 60) return "a minute";
  if (seconds > 90) return `${Math.ceil(seconds / 60)} minutes`;
  return seconds === 1 ? "a second" : `${seconds} seconds`;
}

/** What each query or path field is, for a person. */
const FIELD_WORDS: Record<string, string> = {
  q: "the search words",
  limit: "the number of results per page",
  offset: "the result offset",
  component: "the component",
  ecosystem: "the ecosystem",
  version: "the version",
  alias: "the alias",
  commit: "the commit id",
  reference: "the reference",
  unverified: "the unverified filter",
  id: "the record id",
};

function fieldWords(problem: Problem): string {
  const errors = problem.errors ?? [];
  const tooLong = errors.find((e) => e.path === "q" && /too big|characters/i.test(e.message));
  if (tooLong) {
    return `The search is longer than ${LIMITS.queryChars.toLocaleString("en-US")} characters. Search for the distinctive part of the line (the message, not the timestamp or host), or paste the whole log into the paste form.`;
  }
  if (!errors.length) return problem.detail ?? problem.title;
  // One problem per field, the first, in the page's words where the validator's are jargon (review 67g F9: "the version
  // (Too small: expected string to have >=1 characters); the version (not a version: …)").
  const first = new Map<string, string>();
  for (const e of errors) if (!first.has(e.path)) first.set(e.path, e.message);
  const parts = [...first].slice(0, 3).map(([path, message]) => `${FIELD_WORDS[path] ?? path} ${inPageWords(message)}`);
  return `This address could not be read: ${parts.join("; ")}.`;
}

/** A validator's message for a person: an empty field is empty, an option names its choices; the API's own words as they are. */
function inPageWords(message: string): string {
  if (/^Too small: expected string to have >=1 character/i.test(message)) return "is empty";
  const choices = /^Invalid option: expected one of (.+)$/i.exec(message)?.[1];
  if (choices) return `takes one of ${choices.replace(/"/g, "").split("|").join(", ")}`;
  return `is not what the page expects (${message})`;
}

async function kbOrNull(store: AppEnv["Variables"]["store"] | undefined): Promise<KbMeta | null> {
  if (!store) return null;
  try {
    return await getKbMeta(store);
  } catch {
    // The error page must render even when the database is what failed.
    return null;
  }
}

/** "/bugs/xt-mark-typo" → "xt mark typo": something to search for instead. */
function wordsOf(path: string): string | undefined {
  let segment = path.split("/").filter(Boolean).pop() ?? "";
  try {
    segment = decodeURIComponent(segment);
  } catch {
    // keep it encoded
  }
  const last = segment.replace(/[^\p{L}\p{N}.]+/gu, " ").trim();
  return last.slice(0, 100) || undefined;
}
