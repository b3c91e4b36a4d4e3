import type { Finding } from "./diagnosis";

/**
 * What the paste itself lost that an answer needs, and how to send it whole. `systemctl status` cuts a unit's journal
 * lines at the terminal's width in their middle (systemd's logs-show.c: ellipsize_mem keeps the start and the last
 * characters around "…", "..." under LANG=C), so a message's words past the cut are not in the paste at all. Review 39a:
 * at 80 columns most of the records' own examples lost their finding, and the answer said only that nothing matched.
 */
const UNIT_HEADER = /^\s*(?:[\u25cf\u25cb\u00d7*]\s+)?([\w@:.\\-]+\.(?:service|socket|scope|mount|timer|path))(?: - |$)/m;
const LOADED = /^\s*Loaded: (?:loaded|not-found|masked|error) \(/m;
/** A journal line of the status output cut in its middle or at its end. */
const CUT_LINE = /^[A-Z][a-z]{2} \d{1,2} \d\d:\d\d:\d\d \S+ .*(?:\u2026|\.\.\.)/m;

export function pasteNotes(text: string, findings: readonly Finding[]): string[] {
  if (findings.some((f) => f.confidence !== "low")) return [];
  if (!LOADED.test(text) || !CUT_LINE.test(text)) return [];
  const unit = UNIT_HEADER.exec(text)?.[1] ?? "<unit>";
  return [
    `The unit's log lines are cut at the terminal's width by systemctl status ("…" marks where): a message's words past the cut are not in the paste. Send the whole lines: \`systemctl status -l --no-pager ${unit}\`, or \`journalctl -u ${unit} --no-pager -n 200\`.`,
  ];
}
