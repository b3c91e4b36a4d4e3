/**
 * Backticks in text a chat answer quotes, made safe for Slack's and Discord's markdown, where a backtick opens a code
 * span and the next one closes it (review 70d F4: iptables' own quote style in a record, "table `raw'", opened a span
 * that ran on: the commands after it lost their code formatting, and on Discord their `_` and `*` showed escaped).
 */

/** iptables' and GNU's `x' quoting: a backtick, a word, an apostrophe that ends the word (not "it's", not "`x'`"). */
const GRAVE_QUOTE = /`([^`\s']+)'(?![\w`])/y;
/** What an unpaired backtick becomes: the modifier letter grave accent, which opens no span. */
const LONE_TICK = "ˋ";

/**
 * Record prose or a quoted line with its backticks paired: each code span kept as written, `x' quoting turned into
 * ‘x’, and a backtick that no later one closes neutralised, so that a span can never open in one field and run on.
 */
export function pairedTicks(s: string): string {
  if (!s.includes("`")) return s;
  let out = "";
  let i = 0;
  while (i < s.length) {
    const tick = s.indexOf("`", i);
    if (tick < 0) return out + s.slice(i);
    out += s.slice(i, tick);
    GRAVE_QUOTE.lastIndex = tick;
    const quote = GRAVE_QUOTE.exec(s);
    if (quote) {
      out += `‘${quote[1]}’`;
      i = GRAVE_QUOTE.lastIndex;
      continue;
    }
    const close = s.indexOf("`", tick + 1);
    if (close < 0) {
      out += LONE_TICK;
      i = tick + 1;
      continue;
    }
    out += s.slice(tick, close + 1);
    i = close + 1;
  }
  return out;
}

/** The backticks of the longest run in `s` and one more: a code span's fence that no run inside it can close. */
export const spanFence = (s: string): string => "`".repeat(Math.max(0, ...[...s.matchAll(/`+/g)].map((m) => m[0].length)) + 1);
