import type { Context } from "hono";
import { accepts } from "hono/accepts";
import { byQuality } from "../http/media-type";

/**
 * A browser asks for text/html first; API clients (curl's and fetch's `*\/*`, or application/json)
 * keep getting JSON from the same URL.
 */
export const prefersHtml = (c: Context): boolean =>
  accepts(c, { header: "Accept", supports: ["application/json", "text/html"], default: "application/json", match: byQuality }) ===
  "text/html";

/** Weak, because a compressing proxy or middleware may re-encode the bytes. */
export function pageEtag(kbVersion: string, body: string): string {
  return `W/"${kbVersion}.${fnv(body)}"`;
}

export function matchesEtag(c: Context, etag: string): boolean {
  const header = c.req.header("If-None-Match");
  if (!header) return false;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((t) => {
    const tag = t.trim();
    return tag === "*" || tag.replace(/^W\//, "") === bare;
  });
}

function fnv(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}
