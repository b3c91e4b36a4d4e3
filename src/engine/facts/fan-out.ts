/**
 * The header a fan-out tool prints above one host's output, and the host it names. What follows it, until the next
 * header or command, is that host's, as an `ssh` target's output is (review 37b: worker-2's lines under its own header
 * were judged on worker-1, a node in range that printed nothing).
 *
 * - ansible's ad-hoc command results, its `minimal` callback (`_command_generic_msg`: "%s | %s | rc=%s >>" with CHANGED,
 *   SUCCESS or FAILED, then the command's stdout and stderr) and a module's JSON result ("%s | FAILED! => {", "%s |
 *   SUCCESS => {", "%s | UNREACHABLE! => {");
 * - pssh -i (psshlib's Task.report: "[1] 10:41:28 [SUCCESS] host", "[2] 10:41:29 [FAILURE] host Exited with error code
 *   1"; releases before 2.3 print the port after the host, "None" when none was given).
 *
 * A header naming several hosts (`clush -b`'s gathered "web-[1-2] (2)") is no one machine's and is not read here.
 */
const ANSIBLE = /^([\w.:@-]+) \| (?:(?:CHANGED|SUCCESS|FAILED) \| rc=-?\d+ >>|(?:CHANGED|SUCCESS|FAILED!|UNREACHABLE!) => \{)$/;
const PSSH = /^\[\d+\] \d\d:\d\d:\d\d \[(?:SUCCESS|FAILURE)\] ([\w.:@[\]-]+)(?: |$)/;

/** The host a fan-out header names (an address whole, a name as written), or null for any other line. */
export function fanOutHost(line: string): string | null {
  const host = (ANSIBLE.exec(line) ?? PSSH.exec(line))?.[1];
  if (!host) return null;
  // pssh names `user@host:port` as it was given; ansible its inventory name. Neither part is the machine.
  const machine = host
    .replace(/^[^@]*@/, "")
    .replace(/^\[([^\]]+)\](?::\d+)?$/, "$1")
    .replace(/^([^:]+):\d+$/, "$1");
  return machine && !machine.includes("[") ? machine : null;
}

/**
 * Whether a command's output comes with each line after its host's name and a colon: pdsh's and clush's (dshbak(1):
 * "the leading "node:" is stripped"), unless it is told not to (pdsh -N, clush -N) or gathers it (clush -b or -B, a pipe
 * to dshbak), whose blocks may name several hosts at once.
 */
export function prefixesHosts(command: string): boolean {
  if (/\|\s*dshbak\b/.test(command)) return false;
  if (PDSH.test(command)) return !/\s-[A-Za-z]*N\b/.test(command);
  if (CLUSH.test(command)) return !/\s(?:-[A-Za-z]*[bBN]\b|--dshbak\b)/.test(command);
  return false;
}
const PDSH = /(?:^|[\s;&(])pdsh\s/;
const CLUSH = /(?:^|[\s;&(])clush\s/;

/** A line of such output: the host, and what it printed. */
export const HOST_PREFIX = /^([A-Za-z0-9][\w.-]*): (.*)$/;

/**
 * ansible's one-line result (`ansible -o`, its `oneline` callback: "%s | %s | rc=%s | (stdout) %s", newlines escaped as
 * "\n", then " (stderr) %s" when there is any): the host, and its output when that is one line.
 */
const ANSIBLE_ONE_LINE = /^([\w.:@-]+) \| (?:CHANGED|SUCCESS|FAILED) \| rc=-?\d+ \| \(stdout\) (.*)$/;
export function ansibleOneLine(line: string): { host: string; output: string | null } | null {
  const m = ANSIBLE_ONE_LINE.exec(line);
  if (!m?.[1]) return null;
  const output = (m[2] ?? "").trim();
  return { host: m[1], output: output && !output.includes("\\n") && !output.includes(" (stderr) ") ? output : null };
}
