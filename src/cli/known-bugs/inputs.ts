import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { CliError, EXIT } from "./exit-codes";

export interface Input {
  /** The host name in the hosts form: NAME of NAME=FILE, or the file name without its extension. */
  name: string;
  text: string;
}

/** "worker-2=/tmp/b.txt" names a host; a path with "=" before its first "/" is still a path when it exists. */
const NAMED = /^([\w.-]+)=(.+)$/;

export async function readInputs(args: readonly string[]): Promise<Input[]> {
  const inputs: Input[] = [];
  for (const arg of args) {
    const named = NAMED.exec(arg);
    const [name, path] = named?.[1] && named[2] ? [named[1], named[2]] : [hostName(arg), arg];
    inputs.push({ name, text: path === "-" ? await readStdin() : await readPath(path) });
  }
  const seen = new Set<string>();
  for (const { name } of inputs) {
    if (seen.has(name)) throw new CliError(EXIT.usage, `two inputs are both named "${name}"; name them as NAME=FILE`);
    seen.add(name);
  }
  return inputs;
}

const hostName = (path: string) => (path === "-" ? "stdin" : basename(path).replace(/\.(?:txt|log|bundle|out)$/i, ""));

async function readPath(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(
      EXIT.usage,
      `cannot read ${path}: ${code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : (e as Error).message}`,
    );
  }
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY)
    throw new CliError(EXIT.usage, "no input: give FILEs, or pipe a bundle in (known-bugs collect | known-bugs diagnose -)");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
