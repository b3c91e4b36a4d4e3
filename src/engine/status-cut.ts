import { ELLIPSIS_CUT } from "./match/compile-matcher";

/**
 * Where `systemctl status` cut a unit's journal lines at the terminal's width, told from a message's own "...".
 *
 * systemd prints the journal lines under a unit's status in one of two ways, both bounded by the terminal's width:
 * - on a terminal without a pager (`--no-pager`), print_multiline (src/shared/logs-show.c) prints a message whole when
 *   it fits, and otherwise ellipsize_mem (src/basic/string-util.c) shortens it to the columns left after the line's
 *   header: its first 90% and its last characters around "…" ("..." when the locale is not UTF-8), or its start and the
 *   ellipsis when the message's first line runs past 300 characters. A cut line fills the terminal to its last column;
 * - through the pager (systemctl's default on a terminal), lines are printed whole (get_output_flags sets
 *   OUTPUT_FULL_WIDTH) and less, started with LESS=FRSXMK (src/shared/pager.c), chops them at the terminal's width,
 *   marking nothing.
 * Either way no line of the output is wider than a cut one. A message's own "..." (systemd's "Starting
 * apparmor.service - Load AppArmor profiles...", tailscaled's `wgengine.NewUserspaceEngine(tun "tailscale0") ...`)
 * sits on a line narrower than others the same terminal showed whole, and is no cut (review 72a F4).
 */

/** A journal line as systemctl status shows it: "Aug 23 20:23:11 host ident[pid]: message" (output_short). */
const JOURNAL_LINE = /^[ \t]*[A-Z][a-z]{2} \d{1,2} \d\d:\d\d:\d\d \S+ \S/;
/** A message's later lines, which print_multiline indents under its first. */
const CONTINUATION = /^[ \t]+\S/;
/**
 * Lines chopped by the pager carry no mark: only several lines, of different messages, ending at the same column (the
 * widest of the output) show it, and no terminal is narrower than this (the width of a VT100, the usual default).
 */
const MIN_TERMINAL_COLUMNS = 80;
/** The header of a journal line and its numbers, so that one message logged again is told from another message. */
const HEADER_AND_NUMBERS = /^[ \t]*[A-Z][a-z]{2} \d{1,2} \d\d:\d\d:\d\d \S+ |\d+/g;

interface JournalLine {
  at: number;
  text: string;
  width: number;
}

/** A journal line a status output cut: its offset in the paste, and the ellipsis marking the cut (none: the pager's). */
export interface StatusCut {
  at: number;
  mark?: string;
}

/** The first journal line a status output cut, if any. */
export function firstStatusCut(text: string): StatusCut | undefined {
  let run: JournalLine[] = [];
  let at = 0;
  for (const line of text.split("\n")) {
    if (JOURNAL_LINE.test(line)) {
      const shown = line.trimEnd();
      run.push({ at, text: shown, width: [...shown].length });
    } else if (!(run.length && CONTINUATION.test(line))) {
      const cut = cutIn(run);
      if (cut !== undefined) return cut;
      run = [];
    }
    at += line.length + 1;
  }
  return cutIn(run);
}

/** The first line of one run of consecutive journal lines that the terminal's width cut. */
function cutIn(run: readonly JournalLine[]): StatusCut | undefined {
  if (!run.length) return undefined;
  const width = run.reduce((w, l) => Math.max(w, l.width), 0);
  const widest = run.filter((l) => l.width === width);
  const chopped = width >= MIN_TERMINAL_COLUMNS && new Set(widest.map((l) => l.text.replace(HEADER_AND_NUMBERS, ""))).size > 1;
  for (const l of widest) {
    const mark = ELLIPSIS_CUT.exec(l.text)?.[0];
    if (mark) return { at: l.at, mark };
    if (chopped) return { at: l.at };
  }
  return undefined;
}
