import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { gunzipSync } from "node:zlib";
import { decodeUtf8 } from "../../node/utf8";
import { isGzip } from "../../service/body-text";
import { readBundleBytes } from "../../service/bundle-bytes";
import { CliError, EXIT } from "./exit-codes";

export interface Input {
  /** The host name in the hosts form: NAME of NAME=FILE, or the file name without its extension. */
  name: string;
  /** The bytes as read, for a server that decodes them itself (one bundle sent as it is). */
  bytes: Buffer;
  /** Whether `bytes` are gzip-compressed (sent with Content-Encoding: gzip). */
  gzip: boolean;
  /** The bytes as the server reads them: gunzipped, then UTF-8, or UTF-16 after its byte-order mark. */
  text: string;
  /** Where they were read: the file's path as given, or "stdin". */
  source: string;
}

/** "worker-2=/tmp/b.txt" names a host; a path with "=" before its first "/" is still a path when it exists. */
const NAMED = /^([\w.-]+)=(.+)$/;
/** A gzipped bundle is decompressed up to this size (a string cannot be much longer in V8). */
const MAX_GUNZIPPED = 512 * 1024 * 1024;

export async function readInputs(args: readonly string[]): Promise<Input[]> {
  const inputs: Input[] = [];
  for (const arg of args) {
    const named = NAMED.exec(arg);
    const [name, path] = named?.[1] && named[2] ? [named[1], named[2]] : [hostName(arg), arg];
    const bytes = path === "-" ? await readStdin() : await readPath(path);
    const source = path === "-" ? "stdin" : path;
    inputs.push({ name, bytes, source, ...decode(bytes, source) });
  }
  const seen = new Set<string>();
  for (const { name } of inputs) {
    if (seen.has(name)) throw new CliError(EXIT.usage, `two inputs are both named "${name}"; name them as NAME=FILE`);
    seen.add(name);
  }
  return inputs;
}

const hostName = (path: string) => (path === "-" ? "stdin" : basename(path).replace(/(?:\.(?:txt|log|bundle|out))?(?:\.gz)?$/i, ""));

/**
 * The text the server would read from these bytes: a gzipped file as if sent with Content-Encoding:
 * gzip (one layer, as the server decodes), then the server's own decoding (src/service/body-text.ts).
 */
function decode(bytes: Buffer, where: string): { gzip: boolean; text: string } {
  if (!isGzip(bytes)) return { gzip: false, text: readText(bytes, where) };
  let plain: Buffer;
  try {
    plain = gunzipSync(bytes, { maxOutputLength: MAX_GUNZIPPED });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ERR_BUFFER_TOO_LARGE" ? `larger than ${MAX_GUNZIPPED / 1024 / 1024} MB once decompressed` : "a corrupt gzip file";
    throw new CliError(EXIT.usage, `cannot read ${where}: ${why}`);
  }
  if (isGzip(plain)) throw new CliError(EXIT.usage, `cannot read ${where}: compressed twice; gunzip it once and retry`);
  return { gzip: true, text: readText(plain, where) };
}

/** The server's reading of a bundle's bytes; what it refuses (another compression, an archive, binary data) ends here. */
function readText(bytes: Uint8Array, where: string): string {
  const read = readBundleBytes(bytes, decodeUtf8);
  if (!read.ok) throw new CliError(EXIT.usage, `cannot read ${where}: ${read.detail}`);
  return read.text;
}

async function readPath(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(
      EXIT.usage,
      `cannot read ${path}: ${code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : (e as Error).message}`,
    );
  }
}

async function readStdin(): Promise<Buffer> {
  if (process.stdin.isTTY)
    throw new CliError(EXIT.usage, "no input: give FILEs, or pipe a bundle in (known-bugs collect | known-bugs diagnose -)");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
