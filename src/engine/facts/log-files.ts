/**
 * Which log file a line of several files' output came from: `grep -H` / `zgrep` over a glob prefixes each line with its
 * file ("/var/log/kern.log.2.gz:May 26 …"), and `tail`/`head` of several files head each part "==> node-b.dmesg <==".
 * A rotated file's lines ran on whatever kernel that earlier boot had (review 50e F2), and a boot's banner in one file says
 * nothing of another file's lines (review 50e F1).
 */

/** A line grep or zgrep prefixed with its file: an absolute path, then a colon, then the line. */
const FILE_PREFIX = /^(\/[^\s:]{1,300}):(?=\S)/;
/** `tail` and `head` of several files: the part of each, headed by its name. */
const FILE_HEAD = /^==> (.{1,300}) <==$/;
/**
 * A rotated log's name: numbered, compressed, or dated by logrotate's dateext (`-20240526`, `-2024052612`, and with
 * `dateformat -%Y-%m-%d`, `-2024-05-26`), under /var/log.
 */
const ROTATED =
  /^\/var\/log\/\S*?(?:\.\d+|-(?:19|20)\d{6}(?:\d{2})?|-(?:19|20)\d\d-\d\d-\d\d)(?:\.(?:gz|xz|bz2|zst))?$|^\/var\/log\/\S*\.(?:gz|xz|bz2|zst)$/;

/** The file a grep over several files names at the start of the line, or null. */
export function fileOfLine(text: string): string | null {
  return text.charCodeAt(0) === 47 ? (FILE_PREFIX.exec(text)?.[1] ?? null) : null;
}

/** Whether a line comes from a rotated log, as the file its grep prefix names says. */
export const fromRotatedFile = (text: string): boolean => {
  const file = fileOfLine(text);
  return file !== null && ROTATED.test(file);
};

/** Whether a line heads one file's part of `tail`'s or `head`'s output over several files. */
export const isFileHead = (text: string): boolean => text.startsWith("==> ") && FILE_HEAD.test(text.trimEnd());

/** A rotated log's name anywhere in a command (`grep … /var/log/messages-2024-05-26`), for bundle-sections' READS_PAST. */
export const ROTATED_IN_COMMAND = /\/var\/log\/\S*(?:\.(?:\d+|gz|xz|bz2|zst)|-(?:19|20)\d{6}(?:\d{2})?|-(?:19|20)\d\d-\d\d-\d\d)\b/;
