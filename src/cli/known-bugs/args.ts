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
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CliError(EXIT.usage, `${(e as Error).message} (known-bugs --help)`);
  }
}

export function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new CliError(EXIT.usage, `--${name} takes a positive whole number, not "${value}"`);
  return n;
}
