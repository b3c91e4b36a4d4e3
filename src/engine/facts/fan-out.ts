/**
 * Fan-out tools' output: which host printed each line. A header above one host's output names it until the next header,
 * command or blank line, as an `ssh` target's output is named (review 37b: worker-2's lines under its own header were
 * judged on worker-1, a node in range that printed nothing):
 *
 * - ansible's ad-hoc command results, its `minimal` callback (`_command_generic_msg`: "%s | %s | rc=%s >>" with CHANGED,
 *   SUCCESS or FAILED, then the command's stdout and stderr) and a module's JSON result ("%s | FAILED! => {", "%s |
 *   SUCCESS => {", "%s | UNREACHABLE! => {"), which ends at its closing brace;
 * - pssh -i (psshlib's Task.report: "[1] 10:41:28 [SUCCESS] host", "[2] 10:41:29 [FAILURE] host Exited with error code
 *   1"; releases before 2.3 print the port after the host, "None" when none was given). Under -P the same line is
 *   printed after the host's output, which carries its own "host: " prefixes (review 38a): it heads nothing then;
 * - dshbak's and `clush -b`'s gathered blocks (dshbak(1): "a header block with the node name is added"): a rule of
 *   dashes, the hosts, a rule, read only after such a command (a markdown rule above a heading is none: review 38b).
 */
const ANSIBLE = /^([\w.:@-]+) \| (?:(?:CHANGED|SUCCESS|FAILED) \| rc=-?\d+ >>|(CHANGED|SUCCESS|FAILED!|UNREACHABLE!) => \{)$/;
const PSSH = /^\[\d+\] \d\d:\d\d:\d\d \[(?:SUCCESS|FAILURE)\] ([\w.:@[\]-]+)(?: |$)/;

/** A fan-out header: the host it names (an address whole, `host:port` whole), and whether its block is JSON. */
export interface FanOutHeader {
  host: string;
  json: boolean;
}

/** The header a line is, or null for any other line. */
export function fanOutHeader(line: string): FanOutHeader | null {
  const ansible = ANSIBLE.exec(line);
  const host = ansible?.[1] ?? PSSH.exec(line)?.[1];
  if (!host) return null;
  // pssh names `user@host:port` as it was given: the user is no part of the machine, the port is (two machines behind one
  // address or name, Vagrant's 127.0.0.1:2222 and localhost:2200: reviews 38a, 38b); a `uname -a` under it ties the label
  // to its host name. A bracketed IPv6 address without a port loses its brackets.
  const machine = host.replace(/^[^@]*@/, "").replace(/^\[([^\]]+)\]$/, "$1");
  const named = machine && (!machine.includes("[") || /^\[[\da-fA-F:.]+\]:\d+$/.test(machine));
  return named ? { host: machine, json: ansible?.[2] !== undefined } : null;
}

/** A rule of dashes, as dshbak and `clush -b` print above and below a block's host. */
export const DASH_RULE = /^-{4,}$/;
/**
 * The hosts a gathered block's header names ("web-2", dshbak -c's "web-[2-3]" or "web-a,web-b", clush -b's "web-[2-3]
 * (2)"), joined by commas: every one of them printed the block (review 38b: a block of two hosts on the fixed kernel was
 * judged on a third). "" when they cannot be listed.
 */
export function gatheredHosts(line: string): string {
  const list = line.replace(/\s+\(\d+\)$/, "");
  if (!/^[\w.:@[\],-]+$/.test(list)) return "";
  const hosts = expandHosts([list]);
  return hosts?.size ? [...hosts].join(",") : "";
}

/**
 * Whether a command's output comes with each line after its host's name and a colon: pdsh's and clush's (dshbak(1):
 * "the leading "node:" is stripped"), pssh's with -P, unless it is told not to (pdsh -N, clush -N) or gathers it (clush
 * -b or -B, a pipe to dshbak). Only the tool's own options count: they end at its first argument that is no option
 * (ClusterShell's parser stops there, as pdsh's does), so `journalctl -b` in the remote command is no clush -b (review
 * 38a). Null when not; else the hosts its -w (pdsh, clush) or -H (pssh) names, where they can be listed (`web-[1-3]`,
 * `a,b`; not a file, a group or a pattern too large), so that a log line's own "Error: …" names no host (review 38a).
 */
export function fanOutCommand(command: string): FanOutCommand | null {
  const m = TOOL.exec(command);
  if (!m?.[1]) return talosctlCommand(command) ?? saltCommand(command) ?? labelledLoop(command);
  // parallel-ssh is pssh under the name Debian and Ubuntu install it as.
  const tool = (m[1] === "parallel-ssh" ? "pssh" : m[1]) as keyof typeof OPTIONS;
  const { withValue, unprefixed, prefixed, targets } = OPTIONS[tool];
  const pssh = tool === "pssh";
  let printing = !pssh;
  let gathered = /\|\s*dshbak\b/.test(command);
  const named: string[] = [];
  let listable = true;
  let unlabelled = false;
  const target = (flag: string, value: string | undefined) => {
    if (!targets.includes(flag)) return;
    if (value === undefined) listable = false;
    else
      named.push(
        ...value
          .replace(/^['"]|['"]$/g, "")
          .split(/\s+/)
          .filter(Boolean),
      );
  };
  const words = command
    .slice(m.index + m[0].length)
    .trim()
    .split(/\s+/);
  for (let k = 0; k < words.length; k++) {
    const word = words[k] ?? "";
    if (!word.startsWith("-") || word === "-") break;
    if (word.startsWith("--")) {
      const [name = "", value] = word.slice(2).split("=");
      if (unprefixed.long.includes(name)) gathered = true;
      if (prefixed.long.includes(name)) printing = true;
      if (withValue.long.includes(name) && value === undefined) k++;
      if (["nodes", "host"].includes(name)) target(tool === "clush" ? "w" : "H", value ?? words[k]);
      continue;
    }
    for (let c = 1; c < word.length; c++) {
      const flag = word[c] ?? "";
      // -N prints no labels at all; clush -b and -B gather the output into blocks.
      if (flag === "N" && unprefixed.short.includes(flag)) unlabelled = true;
      if (unprefixed.short.includes(flag)) gathered = true;
      if (prefixed.short.includes(flag)) printing = true;
      if (withValue.short.includes(flag)) {
        // The value is the rest of the word, or the next word; a quoted one runs to its closing quote.
        let value = c < word.length - 1 ? word.slice(c + 1) : words[++k];
        const quote = value?.[0];
        while (value && (quote === "'" || quote === '"') && (value.length < 2 || !value.endsWith(quote)) && k + 1 < words.length)
          value = `${value} ${words[++k]}`;
        target(flag, value);
        if ("hgaA".includes(flag)) listable = false;
        break;
      }
      if ("aA".includes(flag)) listable = false;
    }
  }
  const hosts = listable && named.length ? expandHosts(named) : null;
  // Without labels, the output is its one target's, as an `ssh` target's is (review 42b F5: `pdsh -N -w worker-2 apt-get
  // install …` upgraded the prompt's machine); of several, no one's.
  if (unlabelled) return hosts?.size === 1 ? { output: "unlabelled", hosts, continues: false } : null;
  if (!printing && !gathered) return null;
  return { output: gathered ? "gathered" : "prefixed", hosts, continues: pssh };
}

/**
 * Salt's remote execution (`salt 'w*' cmd.run 'uname -r'`, salt-ssh alike): its default outputter prints each minion's id
 * and a colon on a line of its own, then what the minion printed, indented ("keyed"); `--out=txt` prints "id: output"
 * lines, as pdsh does (review 70b F7: three kernels under their minions' ids were "3 kernels, which one failed?"). Its
 * target is a glob or a list of ids, so any id heads a block.
 */
function saltCommand(command: string): FanOutCommand | null {
  const at = command.search(SALT);
  if (at < 0) return null;
  const words = command.slice(at).split(/[|;&]/, 1)[0] ?? "";
  const txt = /\s--out(?:=|\s+)txt\b/.test(words);
  return { output: txt ? "prefixed" : "keyed", hosts: null, continues: false };
}
/** Salt at a command's start (after a prompt, a separator or sudo), then its target and a module function ("cmd.run"). */
const SALT = /(?:^|[;&(|]\s*|[$#%>]\s*|\bsudo\s+)salt(?:-ssh)?\s+(?=.*?\s[a-z_]+\.[a-z_]+(?:\s|$))/;

/** A salt minion's id heading its output, at the line's start: "worker-1:". */
export const MINION_HEAD = /^([A-Za-z0-9][\w.-]*):\s*$/;

/** Where talosctl is the command (its first occurrence; the words after it are read one by one, in linear time: review 54c F2). */
const TALOSCTL = /(?:^|[\s;&(]|[$#%>]\s*)talosctl\s/;
/**
 * Talos's kernel and service logs as talosctl prints them (`talosctl dmesg`, `talosctl logs`): every line after the node's
 * name or address and a colon ("10.5.0.7: kern:    alert: [2024-04-19T18:22:01.114364Z]: BUG: …", siderolabs/talos#3054),
 * a node the table may not list (review 54a F2: a lone row judged another node's crash). The nodes `-n`/`--nodes` names
 * (a comma list; talosctl has no ranges), or any prefix when none is named (the context's default nodes: review 54b F5).
 */
function talosctlCommand(command: string): FanOutCommand | null {
  const at = command.search(TALOSCTL);
  if (at < 0) return null;
  const words = command.slice(at).split(/[|;&]/, 1)[0]?.trim().split(/\s+/).slice(1);
  if (!words?.some((w) => w === "dmesg" || w === "logs")) return null;
  const named: string[] = [];
  for (let k = 0; k < words.length && named.length <= MAX_TALOS_NODES; k++) {
    const word = words[k] as string;
    const value = word === "-n" || word === "--nodes" ? words[++k] : /^(?:--nodes=|-n(?=[^-]))(.+)$/.exec(word)?.[1];
    if (value)
      named.push(
        ...value
          .replace(/^['"]|['"]$/g, "")
          .split(",")
          .filter(Boolean),
      );
  }
  if (named.length > MAX_TALOS_NODES) return null;
  const hosts = named.length ? new Set(named.map((n) => n.toLowerCase())) : null;
  return { output: "prefixed", hosts, continues: false };
}
const MAX_TALOS_NODES = 256;

/**
 * A shell loop that prints each machine's name and a colon before what it runs there over `ssh` (`for h in $(cat
 * workers.txt); do echo -n "$h: "; ssh $h runc --version; done`, `printf '%s: ' "$h"`): its lines are labelled as pdsh's
 * are (review 48a F7: "node1: runc version 1.2.2" gave no version at all). The hosts, where the loop lists them.
 */
function labelledLoop(command: string): FanOutCommand | null {
  const loop = LOOP.exec(command);
  if (!loop) return null;
  const [, name, list, body] = loop as unknown as [string, string, string, string];
  const variable = String.raw`["']?\$\{?${name}\}?`;
  const labels =
    new RegExp(String.raw`\becho\s+(?:-[ne]+\s+)*${variable}:`).test(body) ||
    new RegExp(String.raw`\bprintf\s+(["'])%s:\s*\1\s+${variable}`).test(body);
  if (!labels || !new RegExp(String.raw`\bssh\s+(?:-\S+\s+(?:\S+\s+)?)*?(?:\w+@)?${variable}`).test(body)) return null;
  const hosts = listedHosts(list);
  return { output: "prefixed", hosts: hosts ? new Set(hosts.map((w) => w.toLowerCase())) : null, continues: false };
}
const LOOP = /\bfor\s+(\w+)\s+in\s+([^;\n]+);\s*do\b(.*)$/;

/** The machines a shell loop's list names (`for h in node2 node3;`), or null for one it computes (`$(cat workers.txt)`). */
export function listedHosts(list: string): string[] | null {
  const words = list.trim().split(/\s+/);
  return words.length && words.every((w) => /^[A-Za-z0-9][\w.-]*$/.test(w)) ? words : null;
}

/** The list of the shell loop over `name` in a command line (`for name in …;`), or undefined. */
export const loopList = (command: string, name: string): string | undefined =>
  /^\w+$/.test(name) ? new RegExp(String.raw`\bfor\s+${name}\s+in\s+([^;\n]+);`).exec(command)?.[1] : undefined;

/** The one machine a fan-out command that prints no labels runs on (`pdsh -N -w worker-2 …`), or undefined. */
export function soleUnlabelledTarget(command: string): string | undefined {
  const fanOut = fanOutCommand(command);
  return fanOut?.output === "unlabelled" && fanOut.hosts?.size === 1 ? [...fanOut.hosts][0] : undefined;
}

/** How a fan-out command's output names its hosts (fanOutCommand). */
export interface FanOutCommand {
  /**
   * "prefixed": each line after "host: "; "gathered": blocks under a dshbak header (a rule, the hosts, a rule);
   * "unlabelled": no labels (-N), on one target only; "keyed": the host and a colon on a line of its own, its output
   * indented under it (salt).
   */
  output: "prefixed" | "gathered" | "unlabelled" | "keyed";
  /** The hosts its -w or -H lists, where they can be listed: a "word: " naming none of them is no host. */
  hosts: ReadonlySet<string> | null;
  /**
   * Whether a line without a prefix continues the host's line before it: pssh -P prefixes only the first line of each
   * chunk it reads, and with -i prints the output again, unprefixed, under the host's status line (review 38b).
   */
  continues: boolean;
}

/** The hosts of pdsh/ClusterShell host lists ("web-[1-3,5]", "a,b", "user@host"), or null for what cannot be listed. */
function expandHosts(lists: readonly string[]): ReadonlySet<string> | null {
  const hosts = new Set<string>();
  for (const list of lists) {
    // A file (^file, a path), a group (@group, -g), a regex or exclusion (pdsh -w /re/, -w -host) names no list here.
    if (/[\^@/*?]|^-/.test(list.replace(/^[^@,]*@(?=[^,]*$)/, ""))) return null;
    for (const item of list.split(/,(?![^[]*\])/)) {
      const host = item.replace(/^[^@]*@/, "").replace(/:\d+$/, "");
      for (const name of expandRanges(host)) {
        hosts.add(name.toLowerCase());
        if (hosts.size > MAX_TARGETS) return null;
      }
    }
  }
  return hosts;
}
const MAX_TARGETS = 10_000;

/** One host pattern's names: each bracket ("[1-3,05]") a set of numbers, zero-padded as written. */
function expandRanges(pattern: string): string[] {
  const open = pattern.indexOf("[");
  if (open === -1) return [pattern];
  const close = pattern.indexOf("]", open);
  if (close === -1) return [pattern];
  const head = pattern.slice(0, open);
  const rest = expandRanges(pattern.slice(close + 1));
  const out: string[] = [];
  for (const part of pattern.slice(open + 1, close).split(",")) {
    const [from = "", to = from] = part.split("-");
    const [a, b] = [Number(from), Number(to)];
    if (!/^\d+$/.test(from) || !/^\d+$/.test(to) || b < a || b - a > MAX_TARGETS) return [pattern];
    // Counted at each name: two brackets of 10,000 each would build 10^8 names before a check after the loop (review 54c F3).
    for (let n = a; n <= b; n++)
      for (const tail of rest) {
        out.push(`${head}${String(n).padStart(from.length, "0")}${tail}`);
        if (out.length > MAX_TARGETS) return out;
      }
  }
  return out;
}

const TOOL = /(?:^|[\s;&(]|[$#%>]\s*)(pdsh|clush|pssh|parallel-ssh)\s/;
/** A tool's options: those taking a value, those that drop the prefix, those that print it; short letters and long names. */
interface Flags {
  short: string;
  long: readonly string[];
}
const OPTIONS: Record<"pdsh" | "clush" | "pssh", { withValue: Flags; unprefixed: Flags; prefixed: Flags; targets: string }> = {
  pdsh: {
    withValue: { short: "wxgXlturRfMeFm", long: [] },
    unprefixed: { short: "N", long: [] },
    prefixed: { short: "", long: [] },
    targets: "w",
  },
  clush: {
    withValue: { short: "wxgXlturRfoOEsc", long: ["nodes", "group", "user", "fanout", "options", "worker", "groupsource", "color"] },
    unprefixed: { short: "bBN", long: ["dshbak", "dshbak-alias"] },
    prefixed: { short: "", long: [] },
    targets: "w",
  },
  pssh: {
    withValue: { short: "hHlpotOxXe", long: ["hosts", "host", "user", "par", "outdir", "timeout", "option", "extra-args", "errdir"] },
    unprefixed: { short: "", long: [] },
    prefixed: { short: "P", long: ["print"] },
    targets: "H",
  },
};

/** A line of such output: the host, and what it printed. */
export const HOST_PREFIX = /^([A-Za-z0-9][\w.-]*(?::\d+)?): (.*)$/;

/**
 * ansible's one-line result (`ansible -o`, its `oneline` callback: "%s | %s | rc=%s | (stdout) %s", newlines escaped as
 * "\n", then " (stderr) %s" when there is any): the host, and its output when that is one line.
 */
const ANSIBLE_ONE_LINE = /^([\w.:@-]+) \| (?:CHANGED|SUCCESS|FAILED) \| rc=-?\d+ \| \(stdout\) (.*)$/;
export function ansibleOneLine(line: string): { host: string; output: string | null; escaped: string } | null {
  const m = ANSIBLE_ONE_LINE.exec(line);
  if (!m?.[1]) return null;
  const output = (m[2] ?? "").trim();
  return {
    host: m[1],
    output: output && !output.includes("\\n") && !output.includes(" (stderr) ") ? output : null,
    // All it printed to stdout, its newlines still escaped (dpkg's lines of an upgrade: component-upgrades.ts).
    escaped: output.split(" (stderr) ")[0] ?? "",
  };
}
