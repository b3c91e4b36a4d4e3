/**
 * Which log file a line of several files' output came from: `grep -H` / `zgrep` over a glob prefixes each line with its
 * file ("/var/log/kern.log.2.gz:May 26 …"), and `tail`/`head` of several files head each part "==> node-b.dmesg <==".
 * A rotated file's lines ran on whatever kernel that earlier boot had (review 50e F2), and a boot's banner in one file says
 * nothing of another file's lines (review 50e F1).
 */

/**
 * The system logs' own names, as a command or grep's prefix gives them relative to /var/log (after `cd /var/log`: review
 * 51b F2): Debian's and Ubuntu's rsyslog files, RHEL's and SUSE's.
 */
const LOG_NAME = String.raw`(?:syslog|messages|kern\.log|daemon\.log|auth\.log|user\.log|secure|dmesg|localmessages)`;
/** A rotation's suffix: numbered, compressed, or dated by logrotate's dateext (`-20240526`, `-2024052612`, `-2024-05-26`). */
const ROTATION = String.raw`(?:\.\d+|-(?:19|20)\d{6}(?:\d{2})?|-(?:19|20)\d\d-\d\d-\d\d)(?:\.(?:gz|xz|bz2|zst))?|\.(?:gz|xz|bz2|zst)`;
/**
 * A line grep or zgrep prefixed with its file: an absolute path, or a system log's name relative to /var/log before the
 * line's own time stamp (so that a message opening "dmesg: read kernel buffer failed" is no file's), then a colon.
 */
const FILE_PREFIX = new RegExp(
  String.raw`^(?:(\/[^\s:]{1,300}):(?=\S)|(${LOG_NAME}(?:${ROTATION})?):(?=[A-Z][a-z]{2} [ \d]\d |\d{4}-\d\d-\d\d|\[ *\d))`,
);
/** `tail` and `head` of several files: the part of each, headed by its name. */
const FILE_HEAD = /^==> (.{1,300}) <==$/;
/** A rotated log's name under /var/log, or a system log's rotated name relative to it. */
const ROTATED = new RegExp(String.raw`^(?:\/var\/log\/\S*?|${LOG_NAME})(?:${ROTATION})$`);

/** The file a grep over several files names at the start of the line, or null. */
export function fileOfLine(text: string): string | null {
  const first = text.charCodeAt(0);
  // Only a slash or a lower-case letter can open a prefix: most lines are not tried.
  if (first !== 47 && (first < 97 || first > 122)) return null;
  const prefix = FILE_PREFIX.exec(text);
  return prefix ? (prefix[1] ?? prefix[2] ?? null) : null;
}

/** Whether a line comes from a rotated log, as the file its grep prefix names says. */
export const fromRotatedFile = (text: string): boolean => {
  const file = fileOfLine(text);
  return file !== null && ROTATED.test(file);
};

/** Whether a line heads one file's part of `tail`'s or `head`'s output over several files. */
export const isFileHead = (text: string): boolean => text.startsWith("==> ") && FILE_HEAD.test(text.trimEnd());

/**
 * A rotated log's name anywhere in a command (`grep … /var/log/messages-2024-05-26`, or `zgrep … kern.log.2.gz` from within
 * /var/log), for bundle-sections' READS_PAST.
 */
export const ROTATED_IN_COMMAND = new RegExp(
  String.raw`\/var\/log\/\S*(?:${ROTATION})\b|(?:^|[\s'"=])(?:\.\/)?${LOG_NAME}(?:${ROTATION})(?![\w.-])`,
);
/** A system log's name relative to /var/log as a command's argument (`tail -f syslog`, `zgrep … messages-20240526`), for READS_HERE. */
export const LOG_NAME_IN_COMMAND = new RegExp(String.raw`\s(?:\.\/)?${LOG_NAME}(?:${ROTATION})?(?![\w.-])`);
