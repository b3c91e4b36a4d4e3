import { isLogFramed } from "./facts/log-framing";

/**
 * A log message quoted inside a person's sentence ("If the kubelet log says `failed to run Kubelet: …`, run swapoff"): the
 * words between backticks, the line around them prose. A runbook, a guide or a question quotes messages so; what it quotes
 * may be happening, or not at all (review 66g F5: a runbook that said "none of them is happening right now" was high).
 */
/** A quote long enough to hold a message, not a name (containerd's own "`mirrors` cannot be set when `config_path` …"). */
const MIN_QUOTE = 12;
/** A word of prose: letters only, as sentences are made of (no paths, numbers, key=value pairs). */
const PROSE_WORD = /(?<![\w./:=-])[A-Za-z][a-z]+(?![\w./:=-])/g;
/** Prose around the quote: enough words outside the backticks to be a sentence, not a log line's framing. */
const MIN_PROSE_WORDS = 4;

/**
 * Double quotes a sentence puts around a message it reports ("If the kubelet log says "failed to run …"", "an error like
 * "…""): only right after a verb of saying or seeing. Log lines quote paths and names in double quotes themselves
 * (`error mounting "/var/lib/docker/…" to rootfs`), so a quote alone, even among words, is no sentence's.
 */
const SAID_QUOTE =
  /\b(?:says|said|see|sees|seeing|saw|shows|showed|prints|printed|like|reports|reported|complains|complained|mentions|mentioned)(?:\s+(?:an?|the)\s+(?:error|message|line)(?:\s+like)?)?\s*[:,]?\s*["\u201c]([^"\u201d]{12,})["\u201d]/i;

/**
 * A log's own framing: its header (a syslog or journald date, a klog header, an ISO date, dmesg's time, a logfmt key first)
 * or logfmt's keys anywhere. Runtimes quote in backticks inside their own messages (containerd's "`systemd_cgroup` only
 * works for …", crun's "writing file `devices.allow`"): a line so framed is printed, not a sentence (review 68i F1, F2).
 */
const LOGFMT_KEY = /\b(?:level|msg|time)=/;
const framedLog = (text: string) => isLogFramed(text.trimStart()) || LOGFMT_KEY.test(text);

/** Whether `text` holds a message in double quotes after a verb of saying or seeing, inside a sentence: one person's account. */
export function saidInProse(text: string): boolean {
  const said = SAID_QUOTE.exec(text);
  if (!said || framedLog(text)) return false;
  const outside = `${text.slice(0, said.index)} ${text.slice(said.index + said[0].length)}`;
  return (outside.match(PROSE_WORD)?.length ?? 0) + 1 >= MIN_PROSE_WORDS;
}

/** Whether `text` holds a message between backticks, or double quotes after a verb of saying, inside a sentence. */
export function quotedInProse(text: string): boolean {
  if (saidInProse(text)) return true;
  if (!text.includes("`") || framedLog(text)) return false;
  // Backticks pair in order: the odd parts are quoted (an unpaired last one quotes nothing).
  const parts = text.split("`");
  if (parts.length % 2 === 0) {
    const rest = parts.pop() ?? "";
    parts[parts.length - 1] += `\`${rest}`;
  }
  const quoted = parts.filter((_, i) => i % 2 === 1);
  if (!quoted.some((q) => q.trim().length >= MIN_QUOTE)) return false;
  const outside = parts.filter((_, i) => i % 2 === 0).join(" ");
  return (outside.match(PROSE_WORD)?.length ?? 0) >= MIN_PROSE_WORDS;
}

/** A changelog's bullet about a fix ("* Fix …", "* libct/cg/sd: fix "write /proc/self/attr/keycreate: …" (#3540)"). */
const CHANGELOG_FIX = /^\s*[-*+]\s+(?:\[[^\]]{0,40}\]\s*)?(?:[\w.-]{0,20}\/[\w./-]{0,30}:\s*)?(?:fix(?:e[sd]|ing)?|resolve[sd]?)\b/i;
/** A Markdown table's row: two cells or more between pipes (a troubleshooting guide's symptom | cause | fix). */
const TABLE_ROW = /^\s*\|(?:[^|]*\|){2,}\s*$/;
/** A cell that opens with a log's framing: the row is a log export's (CloudWatch's or Grafana's table copy), no guide's. */
const loggedCell = (row: string) => row.split("|").some((cell) => isLogFramed(cell.trim()));

/**
 * Whether `text` is documentation naming a message rather than a system printing it: a changelog's fix bullet or a row
 * of a Markdown table whose cells are no log lines (review 68g F3: release notes and a symptoms catalogue were medium root
 * causes; 68i F3: a CloudWatch table export's rows are the log).
 */
export const inDocumentation = (text: string): boolean => CHANGELOG_FIX.test(text) || (TABLE_ROW.test(text) && !loggedCell(text));
