import { SCRIPT } from "./script";
import { STYLE } from "./style";

/** FNV-1a, enough to tell one revision of an asset from the next in its URL. */
function revision(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

export interface Asset {
  path: string;
  type: string;
  body: string;
}

/** URLs carry the content's revision, so a browser may keep them for a year. */
export const ASSETS = {
  style: { path: `/assets/style.${revision(STYLE)}.css`, type: "text/css; charset=utf-8", body: STYLE },
  script: { path: `/assets/app.${revision(SCRIPT)}.js`, type: "text/javascript; charset=utf-8", body: SCRIPT },
} satisfies Record<string, Asset>;
