/**
 * `known-bugs`: diagnose bundles against a server (KNOWN_BUGS_URL / --url) or the embedded engine
 * (--local), collect a bundle on this machine, search and show records. Run through bin/known-bugs.mjs.
 */
import { printable } from "../../engine/report-text";
import { type CliValues, parse, positiveInt, timeoutSeconds } from "./args";
import { collect } from "./collect";
import { diagnoseCommand } from "./diagnose";
import { CliError, EXIT } from "./exit-codes";
import { readInputs } from "./inputs";
import { searchCommand, showCommand } from "./records";
import { Redactor } from "./redact";

export const CLI_VERSION = "0.1.0";

const HELP = `known-bugs ${CLI_VERSION}: match logs and versions to curated known bugs

Usage:
  known-bugs diagnose [FILE…|-] [--url URL | --local] [--json] [--fail-on high|medium|low] [--limit N] [--redact]
      One file (or stdin, "-") is one bundle; several files are several hosts, named after the
      files (worker-2.txt → worker-2) or as NAME=FILE, and compared with each other.
  known-bugs collect [--redact] [--lines N] [--timeout S] [-o FILE]
      Prints this machine's bundle: uname, os-release, iptables/nft, runtimes, kernel modules,
      kernel and kube-proxy/kubelet/containerd/docker logs, kubectl get nodes. bin/collect.sh
      prints the same with sh only.
  known-bugs search WORDS… [--url URL | --local] [--json] [--limit N]
      Best match first. A word starting with "--" that is no option here (--xor-mark) is a word.
  known-bugs show ID [--url URL | --local] [--json]
  known-bugs redact [FILE|-]     IPs, hostnames and tokens replaced by placeholders

Options:
  --url URL        the server (default: $KNOWN_BUGS_URL)
  --local          the embedded engine and the knowledge base in data/ (--kb DIR or $KB_DIR to choose)
  --json           the API's JSON instead of the text report
  --fail-on LEVEL  exit 1 when a finding has this confidence or higher
  --timeout S      seconds the whole exchange with the server may take (default 120; search and show 30),
                   or each collected command (default 10)
  --quiet          no progress on stderr

Exit status: 0 done (no finding at or above --fail-on), 1 a finding at or above --fail-on,
2 usage error, input refused (4xx) or a redirect (use the address it names), 3 no diagnosis (server
unreachable, timeout, rate-limited (429), 5xx, invalid local knowledge base).
`;

/** Runs one command line; returns the exit status. */
export async function main(argv: string[]): Promise<number> {
  try {
    const { values, positionals } = parse(argv);
    const [command, ...args] = positionals;
    if (values.version) {
      process.stdout.write(`${CLI_VERSION}\n`);
      return EXIT.ok;
    }
    if (values.help || !command || command === "help") {
      process.stdout.write(HELP);
      return command || values.help ? EXIT.ok : EXIT.usage;
    }
    refuseForeignOptions(command, values);
    switch (command) {
      case "diagnose":
        return await diagnoseCommand(args, values);
      case "collect": {
        const bundle = await collect({
          timeout: timeoutSeconds(values, 10),
          lines: positiveInt(values.lines, "lines", 300),
          redact: values.redact ?? false,
          version: CLI_VERSION,
        });
        if (values.output) await writeOutput(values.output, bundle);
        else process.stdout.write(bundle);
        return EXIT.ok;
      }
      case "search":
        return await searchCommand(args, values);
      case "show":
        return await showCommand(args, values);
      case "redact": {
        const inputs = await readInputs(args.length ? args : ["-"]);
        const redactor = new Redactor();
        for (const input of inputs) process.stdout.write(redactor.redact(input.text));
        return EXIT.ok;
      }
      default:
        throw new CliError(EXIT.usage, `unknown command "${command}" (known-bugs --help)`);
    }
  } catch (e) {
    if (e instanceof CliError) {
      // Messages quote the arguments (an id, a path): their control characters are shown, not obeyed (review 62d F3).
      process.stderr.write(`known-bugs: ${printable(e.message)}\n`);
      return e.exitCode;
    }
    process.stderr.write(`known-bugs: unexpected error: ${printable(e instanceof Error ? (e.stack ?? e.message) : String(e))}\n`);
    return EXIT.server;
  }
}

/**
 * The options each command reads: any other is a usage error naming the command, never dropped without a word (review
 * 67d F2: `diagnose -o report.txt` wrote nothing and exited as if it had, a CI artifact missing).
 */
const TAKES: Record<string, readonly string[]> = {
  diagnose: ["url", "local", "kb", "json", "fail-on", "limit", "timeout", "redact", "quiet"],
  collect: ["timeout", "lines", "redact", "output"],
  search: ["url", "local", "kb", "json", "limit", "timeout"],
  show: ["url", "local", "kb", "json", "timeout"],
  redact: [],
};

function refuseForeignOptions(command: string, values: CliValues): void {
  const takes = TAKES[command];
  if (!takes) return;
  const foreign = Object.keys(values).filter((k) => values[k as keyof CliValues] !== undefined && !takes.includes(k) && k !== "help");
  if (!foreign.length) return;
  const named = foreign.map((k) => `--${k}`).join(", ");
  const output = foreign.includes("output") && command !== "collect" ? ": redirect its output instead (> FILE)" : "";
  throw new CliError(EXIT.usage, `${command} does not take ${named}${output} (known-bugs --help)`);
}

/** `collect -o FILE`: a path that cannot be written is the user's to fix (status 2), in one line. */
async function writeOutput(file: string, text: string): Promise<void> {
  try {
    (await import("node:fs")).writeFileSync(file, text);
  } catch (e) {
    throw new CliError(EXIT.usage, `cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}
