import type { Finding } from "./diagnosis";
import { firstStatusCut } from "./status-cut";

/**
 * What the paste itself lost that an answer needs, and how to send it whole. `systemctl status` cuts a unit's journal
 * lines at the terminal's width (status-cut.ts), so a message's words past the cut are not in the paste at all. Review
 * 39a: at 80 columns most of the records' own examples lost their finding, and the answer said only that nothing matched.
 */
const UNIT_HEADERS = /^[ \t]*(?:[\u25cf\u25cb\u00d7*][ \t]+)?([\w@:.\\-]+\.(?:service|socket|scope|mount|timer|path))(?: - |$)/gm;
const LOADED = /^[ \t]*Loaded: (?:loaded|not-found|masked|error) \(/m;

export function pasteNotes(text: string, findings: readonly Finding[]): string[] {
  if (findings.some((f) => f.confidence !== "low")) return [];
  // Searched only where systemctl's words are: a paste of blank lines must not cost a search per line.
  const cut = text.includes("Loaded: ") && LOADED.test(text) ? firstStatusCut(text) : undefined;
  if (cut === undefined) return [];
  // The unit whose block holds the first cut line (review 39b: a second status block's cut line named the first unit).
  let unit = "<unit>";
  for (const m of text.slice(0, cut.at).matchAll(UNIT_HEADERS)) unit = m[1] ?? unit;
  const where = cut.mark ? `"${cut.mark}" marks where` : "its pager chopped them, marking nothing";
  return [
    `The unit's log lines are cut at the terminal's width by systemctl status (${where}): a message's words past the cut are not in the paste. Send the whole lines: \`systemctl status -l --no-pager ${unit}\`, or \`journalctl -u ${unit} --no-pager -n 200\`.`,
  ];
}
