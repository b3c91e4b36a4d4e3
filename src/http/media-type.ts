import type { Context } from "hono";
import { MIMEType } from "whatwg-mimetype";

/** The request's media type, lower case, without parameters ("application/json"); "" when it names none. */
export const mediaType = (c: Context): string => (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";

/** The request's charset parameter, as the WHATWG MIME type parser reads it (quoted or not); undefined when none. */
export const charsetOf = (c: Context): string | undefined => MIMEType.parse(c.req.header("content-type") ?? "")?.parameters.get("charset");

/**
 * The media type a request named, for a 415's words: quoted, or that it named none, or one that reads as no type
 * (review 36a: `Content-Type: ;;;` was answered `not "no content type"`).
 */
export function namedMediaType(c: Context): string {
  const type = mediaType(c);
  if (type) return `"${type.slice(0, 100)}"`;
  // Said after "not …" in the answers: "not no Content-Type" read badly (review 42a F12).
  return c.req.header("content-type")?.trim() ? "a Content-Type that names no media type" : "a body without a Content-Type";
}

/**
 * The supported type the client ranks highest, each weighed by the most specific range that matches it (RFC 9110 §12.5.1:
 * `text/plain` over `text/*` over `*\/*`), ties going to the first supported. hono's own match skips `*\/*`, so
 * `*\/*;q=0.1, text/plain;q=0.05` chose text over JSON (review 67d F8).
 */
export function byQuality(ranges: ReadonlyArray<{ type: string; q: number }>, config: { supports: string[]; default: string }): string {
  let best: { type: string; q: number } | null = null;
  for (const type of config.supports) {
    const [main] = type.split("/");
    const range =
      ranges.find((r) => r.type.toLowerCase() === type) ??
      ranges.find((r) => r.type.toLowerCase() === `${main}/*`) ??
      ranges.find((r) => r.type === "*/*" || r.type === "*");
    if (range && range.q > 0 && (best === null || range.q > best.q)) best = { type, q: range.q };
  }
  return best?.type ?? config.default;
}
