import type { Context, MiddlewareHandler } from "hono";
import { getKbMeta, type KbMeta } from "../db/bug-queries";
import type { AppEnv } from "../http/app-env";
import type { Problem } from "../http/problem";
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
  varyOnAccept(c.res);
  if (!prefersHtml(c)) return;
  let problem: Problem;
  try {
    problem = (await c.res.clone().json()) as Problem;
  } catch {
    return;
  }
  const html = await toHtml(
    <ErrorPage
      kb={await kbOrNull(c.get("store"))}
      status={problem.status}
      detail={PEOPLE_WORDS[problem.type.split("/").pop() ?? ""] ?? problem.detail ?? problem.title}
      requestId={problem.requestId}
      q={problem.status === 404 ? wordsOf(new URL(c.req.url).pathname) : undefined}
      maxBytes={problem.status === 413 ? c.get("settings")?.MAX_BODY_BYTES : undefined}
    />,
  );
  const headers = new Headers(c.res.headers);
  headers.set("Content-Type", "text/html; charset=UTF-8");
  headers.set("Cache-Control", "no-store");
  headers.delete("Content-Length");
  c.res = undefined;
  c.res = new Response(html, { status: problem.status, headers });
}

/** The API speaks of bodies and fields; a person pasted text into a form. */
const PEOPLE_WORDS: Record<string, string> = {
  "empty-body": "The paste is empty: paste logs, uname -a output or os-release, then check again.",
};

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
