/**
 * The CLI's HTTP client, on node:http(s) so an upload can report its progress. Every failure becomes
 * a CliError with one line a person can act on: the server is unreachable, timed out, or answered
 * with a problem (RFC 9457).
 */
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { CliError, EXIT } from "./exit-codes";

export interface RequestOptions {
  method?: "GET" | "POST";
  /** Text is sent as UTF-8; bytes as they are. */
  body?: string | Buffer;
  contentType?: string;
  /** The body's Content-Encoding (gzip for a gzipped file sent as it is). */
  contentEncoding?: string;
  timeoutSeconds: number;
  /** Where progress goes (stderr), or null for none. */
  progress: NodeJS.WriteStream | null;
}

export interface ClientResponse {
  status: number;
  headers: IncomingMessage["headers"];
  json: unknown;
}

const CHUNK = 64 * 1024;
/** Uploads smaller than this finish before a person would wonder. */
const PROGRESS_FROM = 512 * 1024;

export async function requestJson(base: string, path: string, opts: RequestOptions): Promise<ClientResponse> {
  let url: URL;
  try {
    url = new URL(path.replace(/^\//, ""), base.endsWith("/") ? base : `${base}/`);
  } catch {
    throw new CliError(EXIT.usage, `not a URL: ${base}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new CliError(EXIT.usage, `not an http(s) URL: ${base}`);
  const body = opts.body === undefined ? undefined : typeof opts.body === "string" ? Buffer.from(opts.body, "utf8") : opts.body;
  const res = await send(url, body, opts);
  const text = await readBody(res);
  const type = String(res.headers["content-type"] ?? "");
  let json: unknown = null;
  if (type.includes("json")) {
    try {
      json = JSON.parse(text);
    } catch {
      throw new CliError(EXIT.server, `${url.origin} answered ${res.statusCode} with invalid JSON`);
    }
  }
  const status = res.statusCode ?? 0;
  if (status >= 400) throw problemError(url, status, json, text);
  if (json === null) throw new CliError(EXIT.server, `${url.origin} answered ${status} with ${type || "no content type"}, not JSON`);
  return { status, headers: res.headers, json };
}

function send(url: URL, body: Buffer | undefined, opts: RequestOptions): Promise<IncomingMessage> {
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: opts.method ?? (body ? "POST" : "GET"),
      headers: {
        accept: "application/json",
        "user-agent": "known-bugs-cli",
        ...(body ? { "content-type": opts.contentType ?? "text/plain", "content-length": String(body.length) } : {}),
        ...(body && opts.contentEncoding ? { "content-encoding": opts.contentEncoding } : {}),
      },
    });
    const timer = setTimeout(() => req.destroy(new TimeoutError()), opts.timeoutSeconds * 1000);
    req.on("response", (res) => {
      clearTimeout(timer);
      res.on("error", () => {});
      resolve(res);
    });
    req.on("error", (e) => {
      clearTimeout(timer);
      reject(networkError(url, e, opts.timeoutSeconds));
    });
    if (body) void upload(req, body, opts.progress);
    else req.end();
  });
}

/** Writes the body in chunks, reporting progress on a terminal (\r) or as a few lines elsewhere. */
async function upload(req: ReturnType<typeof httpRequest>, body: Buffer, progress: NodeJS.WriteStream | null): Promise<void> {
  const show = progress && body.length >= PROGRESS_FROM ? progress : null;
  let lastQuarter = 0;
  for (let sent = 0; sent < body.length; ) {
    const chunk = body.subarray(sent, sent + CHUNK);
    sent += chunk.length;
    if (!req.write(chunk)) await new Promise<void>((r) => req.once("drain", r));
    if (req.destroyed) return;
    if (show) {
      const pct = Math.floor((sent / body.length) * 100);
      const line = `known-bugs: uploading ${mb(sent)} / ${mb(body.length)} MB (${pct}%)`;
      if (show.isTTY) show.write(`\r${line}`);
      else if (Math.floor(pct / 25) > lastQuarter) {
        lastQuarter = Math.floor(pct / 25);
        show.write(`${line}\n`);
      }
    }
  }
  if (show?.isTTY) show.write("\n");
  show?.write("known-bugs: uploaded; waiting for the diagnosis\n");
  req.end();
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

function readBody(res: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on("data", (c: Buffer) => chunks.push(c));
    res.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    res.on("error", reject);
  });
}

class TimeoutError extends Error {}

function networkError(url: URL, e: Error, timeoutSeconds: number): CliError {
  if (e instanceof TimeoutError) return new CliError(EXIT.server, `${url.origin} did not answer within ${timeoutSeconds} s (--timeout)`);
  const code = (e as NodeJS.ErrnoException).code;
  const why =
    code === "ECONNREFUSED"
      ? "connection refused; is the server running?"
      : code === "ENOTFOUND" || code === "EAI_AGAIN"
        ? `cannot resolve ${url.hostname}`
        : code === "ECONNRESET"
          ? "the connection was reset"
          : e.message;
  return new CliError(EXIT.server, `cannot reach ${url.origin}: ${why} (set KNOWN_BUGS_URL or --url, or use --local)`);
}

/** One line from a problem+json answer: status, title, detail, the fields at fault and the request id. */
function problemError(url: URL, status: number, json: unknown, text: string): CliError {
  const p = (json ?? {}) as { title?: string; detail?: string; requestId?: string; errors?: Array<{ path: string; message: string }> };
  const fields = p.errors?.length ? ` [${p.errors.map((e) => `${e.path}: ${e.message}`).join("; ")}]` : "";
  const detail = p.detail ?? (text.trim().split("\n")[0] ?? "").slice(0, 200);
  const id = p.requestId ? ` (request ${p.requestId})` : "";
  const code = status >= 500 ? EXIT.server : EXIT.usage;
  return new CliError(code, `${url.origin} answered ${status} ${p.title ?? ""}: ${detail}${fields}${id}`.replace(/ {2,}/g, " "));
}
