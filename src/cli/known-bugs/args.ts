import { parseArgs } from "node:util";
import { CliError, EXIT } from "./exit-codes";

const OPTIONS = {
  url: { type: "string" },
  local: { type: "boolean" },
  kb: { type: "string" },
  json: { type: "boolean" },
  "fail-on": { type: "string" },
  limit: { type: "string" },
  timeout: { type: "string" },
  redact: { type: "boolean" },
  lines: { type: "string" },
  output: { type: "string", short: "o" },
  quiet: { type: "boolean", short: "q" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean" },
} as const;

export type CliValues = ReturnType<typeof parse>["values"];

export function parse(argv: string[]) {
  try {
    return parseArgs({ args: searchWords(argv), options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    // node:util's message may run over lines ("--limit -1": "… argument is ambiguous.\nDid you forget …"): one line.
    throw new CliError(EXIT.usage, `${(e as Error).message.replace(/\s*\n\s*/g, " ")} (known-bugs --help)`);
  }
}

export function positiveInt(value: string | undefined, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new CliError(EXIT.usage, `--${name} takes a positive whole number, not "${value}"`);
  if (n > max) throw new CliError(EXIT.usage, `--${name} takes at most ${max}, not "${value}"`);
  return n;
}

/**
 * The longest --timeout a timer can keep: Node runs a longer delay after 1 ms (a "did not answer" at once, and every
 * collected command skipped: review 58e F5). 2^31 - 1 ms, in whole seconds (about 24 days).
 */
const MAX_TIMEOUT_SECONDS = Math.floor((2 ** 31 - 1) / 1000);
export const timeoutSeconds = (values: CliValues, fallback: number) =>
  positiveInt(values.timeout, "timeout", fallback, MAX_TIMEOUT_SECONDS);

/**
 * `search --xor-mark`: a search for an option's name (ip6tables' `--xor-mark`, kube-proxy's
 * `--proxy-mode`). After the search command, a word starting with "--" that names no option of
 * known-bugs is a search word, not an unknown option: the words go after a "--", in their order.
 */
function searchWords(argv: string[]): string[] {
  const end = argv.indexOf("--");
  const head = end < 0 ? argv : argv.slice(0, end);
  const tail = end < 0 ? [] : argv.slice(end + 1);
  const options: string[] = [];
  const words: string[] = [];
  let command: string | undefined;
  for (let i = 0; i < head.length; i++) {
    const arg = head[i] as string;
    if (arg.startsWith("-") && arg !== "-") {
      const name = arg.startsWith("--") ? arg.slice(2).split("=")[0] : undefined;
      const known = name === undefined || name in OPTIONS;
      if (command === "search" && !known) {
        words.push(arg);
        continue;
      }
      options.push(arg);
      // A string option's value is the next argument unless written --name=value.
      const option = name === undefined ? shortOption(arg) : OPTIONS[name as keyof typeof OPTIONS];
      if (option?.type === "string" && !arg.includes("=") && i + 1 < head.length) options.push(head[++i] as string);
      continue;
    }
    if (command === undefined) {
      command = arg;
      options.push(arg);
    } else words.push(arg);
  }
  if (command !== "search") return argv;
  return [...options, "--", ...words, ...tail];
}

const shortOption = (arg: string) => Object.values(OPTIONS).find((o) => "short" in o && arg === `-${o.short}`);
