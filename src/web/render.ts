import type { Context } from "hono";
import type { JSX } from "hono/jsx/jsx-runtime";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { matchesEtag, pageEtag } from "./negotiate";

/**
 * Pages load only what the app serves: its stylesheet and script, and the script's fetch of the paste
 * form; forms post only to the app; nothing may frame them.
 */
export const PAGE_CSP =
  "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export async function toHtml(node: JSX.Element): Promise<string> {
  return `<!doctype html>${await node}`;
}

/** A page that depends only on the knowledge base: ETag from its version and bytes, 304 when the browser has it. */
export async function cacheablePage(c: Context, kbVersion: string | null, node: JSX.Element): Promise<Response> {
  const body = await toHtml(node);
  c.header("Cache-Control", "no-cache");
  if (kbVersion) {
    const etag = pageEtag(kbVersion, body);
    c.header("ETag", etag);
    // A browser copies a 304's headers onto the page it kept: without the page's policy here, the API's
    // strict one (hygiene.ts, for answers that are not HTML) would replace it and block the stylesheet.
    if (matchesEtag(c, etag)) return c.body(null, 304, { "Content-Security-Policy": PAGE_CSP });
  }
  return c.html(body);
}

export async function page(c: Context, node: JSX.Element, status: ContentfulStatusCode = 200): Promise<Response> {
  return c.html(await toHtml(node), status);
}

/** `Vary: Accept` once, on every answer of a URL that serves both pages and JSON. */
export function varyOnAccept(res: Response): void {
  const vary = res.headers.get("Vary");
  if (!vary) res.headers.set("Vary", "Accept");
  else if (!/\baccept\b/i.test(vary)) res.headers.set("Vary", `${vary}, Accept`);
}
