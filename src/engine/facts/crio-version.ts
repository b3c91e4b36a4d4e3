/**
 * `crio version`'s table, as CRI-O prints it from 1.18 on ("Version:          1.23.0", then "GitCommit:", "GoVersion:"
 * …; cri-o/cri-o#3166, #5135), and `crio --version`'s, whose first line ("crio version 1.23.0") runtime-version.ts reads
 * but which some builds print without the number (cri-o/cri-o#3845: "crio version " above the table). The issue
 * templates of CRI-O and Kata ask for it (review 47a F7: only the start-up line and that first line were read).
 */

/**
 * Literals of the table's own keys after its Version line (MENTION_MARKERS), written without a space, unlike `docker
 * version`'s "Git commit:" and "Go version:": the command above the table is a shell line, which no reader takes.
 */
export const CRIO_VERSION_MARKERS = ["gitcommit:", "goversion:"];

const KEY = /^\s*(?:GitCommit|GoVersion):/;
const VERSION = /^\s*Version:\s*v?(\d+\.\d+\.\d+[\w.+~-]*)\s*$/;
/**
 * The command that printed it, with a redirect or a pipe after it (`crio version 2>/dev/null`, `| head -3`; review 47b
 * F4), or the header line `crio --version` prints first.
 */
const CRIO = /(?:^|[\s/$#])crio(?:\s+-{1,2}[\w-]+)*\s+(?:version|--version)(?:\s+\d?>&?\s*\S+)*(?:\s*\|.*)?\s*$/;
/**
 * What the binary logs before the table: its warnings (cri-o/cri-o#3845) and its start line, in logrus's text formats
 * ("WARN[0000] …", "INFO[2022-01-03 10:25:00.000000000] Starting CRI-O, …", `time="…" level=info msg="…"`).
 */
const LOGGED = /^\s*(?:[A-Z]{4}\[[^\]\n]{1,40}\]|time="[^"\n]*" level=\w+)/;
const REACH = 4;

/**
 * Whether the line at `line` (1-based) is printed by a `crio version` or `crio --version` command a few lines above (its
 * warnings and its own "Starting CRI-O, version: …" log line come before the table): the binary's output, no start of the
 * daemon (review 48a F8: it was read as a restart, "the paste shows cri-o changed").
 */
export function printedByCrioVersion(line: number, lineAt: (line: number) => string | undefined): boolean {
  for (let n = line - 1; n >= Math.max(1, line - REACH); n--) {
    const text = lineAt(n) ?? "";
    if (text.length <= 200 && CRIO.test(text)) return true;
    if (!LOGGED.test(text)) return false;
  }
  return false;
}

/** The runtime the `crio version` table whose key line is at `line` (1-based) names ("cri-o://1.23.0"), or null. */
export function crioVersionTable(line: number, lineAt: (line: number) => string | undefined): string | null {
  if (!KEY.test(lineAt(line) ?? "")) return null;
  // The Version line is the table's first; GitCommit or GoVersion follows it at once, or after GitCommit.
  for (let v = line - 1; v >= Math.max(1, line - 2); v--) {
    const version = VERSION.exec(lineAt(v) ?? "")?.[1];
    if (!version) continue;
    for (let n = v - 1; n >= Math.max(1, v - REACH); n--) {
      const text = lineAt(n) ?? "";
      if (text.length <= 200 && CRIO.test(text)) return `cri-o://${version}`;
      if (!LOGGED.test(text)) return null;
    }
    return null;
  }
  return null;
}
