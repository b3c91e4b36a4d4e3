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
  /** Seconds the whole exchange may take: connecting, uploading, and reading the answer to its end. */
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
  const where = shownBase(base);
  const { res, text } = await exchange(url, where, body, opts);
  const type = String(res.headers["content-type"] ?? "");
  let json: unknown = null;
  if (type.includes("json")) {
    try {
      json = JSON.parse(text);
    } catch {
      throw new CliError(EXIT.server, `${where} answered ${res.statusCode} with invalid JSON`);
    }
  }
  const status = res.statusCode ?? 0;
  // A redirect is not followed (a POST would be resent, or turned into a GET), but said: where the server went is the
  // --url to use (review 64f F6: an ingress forcing https read as "not JSON", exit 3, which CI recipes ignore).
  if (status >= 300 && status < 400) {
    const location = res.headers.location;
    throw new CliError(
      EXIT.usage,
      location
        ? `${where} answered ${status}, moved to ${new URL(location, url).href}: ${movedBase(path, new URL(location, url))}`
        : `${where} answered ${status} (a redirect) without saying where`,
    );
  }
  if (status >= 400) throw problemError(where, status, res, json, text);
  if (json === null) throw new CliError(EXIT.server, `${where} answered ${status} with ${type || "no content type"}, not JSON`);
  return { status, headers: res.headers, json };
}

/**
 * Sends the request and reads the answer to its end, all within --timeout: a server that sends its
 * headers and then stalls the body fails like one that never answers.
 */
function exchange(
  url: URL,
  where: string,
  body: Buffer | undefined,
  opts: RequestOptions,
): Promise<{ res: IncomingMessage; text: string }> {
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    let settled = false;
    let started: IncomingMessage | null = null;
    const fail = (e: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(
        e instanceof TimeoutError ? timeoutError(where, opts.timeoutSeconds, started) : networkError(url, where, e, opts.timeoutSeconds),
      );
    };
    const req = request(url, {
      method: opts.method ?? (body ? "POST" : "GET"),
      headers: {
        accept: "application/json",
        "user-agent": "known-bugs-cli",
        ...(body ? { "content-type": opts.contentType ?? "text/plain", "content-length": String(body.length) } : {}),
        ...(body && opts.contentEncoding ? { "content-encoding": opts.contentEncoding } : {}),
      },
    });
    const timer = setTimeout(() => {
      const e = new TimeoutError();
      fail(e);
      req.destroy(e);
    }, opts.timeoutSeconds * 1000);
    req.on("response", (res) => {
      started = res;
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", () => fail(new CutShortError()));
      res.on("close", () => {
        if (!res.complete) fail(new CutShortError());
      });
      res.on("end", () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ res, text: Buffer.concat(chunks).toString("utf8") });
      });
    });
    req.on("error", fail);
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

class TimeoutError extends Error {}
class CutShortError extends Error {}

function timeoutError(where: string, timeoutSeconds: number, started: IncomingMessage | null): CliError {
  const what = started ? `started answering (${started.statusCode}) but did not finish` : "did not answer";
  return new CliError(EXIT.server, `${where} ${what} within ${timeoutSeconds} s (--timeout)`);
}

function networkError(url: URL, where: string, e: Error, timeoutSeconds: number): CliError {
  if (e instanceof TimeoutError) return timeoutError(where, timeoutSeconds, null);
  if (e instanceof CutShortError) return new CliError(EXIT.server, `${where} closed the connection before its answer was complete`);
  const code = (e as NodeJS.ErrnoException).code;
  const why =
    code === "ECONNREFUSED"
      ? "connection refused; is the server running?"
      : code === "ENOTFOUND" || code === "EAI_AGAIN"
        ? `cannot resolve ${url.hostname}`
        : code === "ECONNRESET"
          ? "the connection was reset"
          : e.message;
  return new CliError(EXIT.server, `cannot reach ${where}: ${why} (set KNOWN_BUGS_URL or --url, or use --local)`);
}

/**
 * One line from a problem+json answer: status, title, detail, the fields at fault, the request id and
 * when to retry. A 429 (rate limited) is a temporary refusal by the server, like a 5xx: exit 3, not 2.
 */
function problemError(where: string, status: number, res: IncomingMessage, json: unknown, text: string): CliError {
  const headers = res.headers;
  const p = (json ?? {}) as { title?: string; detail?: string; requestId?: string; errors?: Array<{ path: string; message: string }> };
  const fields = p.errors?.length ? ` [${p.errors.map((e) => `${e.path}: ${e.message}`).join("; ")}]` : "";
  const detail = typeof p.detail === "string" ? p.detail : pageSummary(text);
  const id = p.requestId ? ` (request ${p.requestId})` : "";
  const retry = retryAfter(headers["retry-after"]);
  const code = status >= 500 || status === 429 ? EXIT.server : EXIT.usage;
  // A bare 500 or a proxy's page names no title: no stray " :" (review 42a F12).
  const title = typeof p.title === "string" && p.title ? ` ${p.title}` : "";
  // An empty body says the status line's reason phrase, not a dangling colon (review 68f F4: "answered 500: ").
  const words = detail || fields ? `${title}: ${detail}${fields}` : title || (res.statusMessage ? ` ${res.statusMessage}` : "");
  // The request id after the cut words, so a long detail never cuts it off (what an operator needs to find the log line).
  return new CliError(code, `${where} answered ${status}${printable(words)}${printable(id)}${retry}`);
}

/**
 * The base URL as given, for error lines: origin and path (review 68f F4: only the origin was printed, so a base URL
 * with a path, or a wrong one, was not shown), never credentials or a query.
 */
function shownBase(base: string): string {
  try {
    const u = new URL(base);
    return `${u.origin}${u.pathname.replace(/\/+$/, "")}`;
  } catch {
    return base;
  }
}

/**
 * The service's base URL from one that names an endpoint (`--url http://host/diagnose`, as the README's curl line
 * reads: review 68f F4, a bare 404 for /diagnose/diagnose): the route taken off, and the route it named, to say so.
 */
// Not /bugs: a service served under a /bugs prefix by a proxy is as likely as the list route given (review 68j F5: a proxy's
// /bugs base was cut and its 404 said).
const ROUTES = ["diagnose", "check"];
export function serviceBase(given: string): { base: string; dropped?: string; shown?: string } {
  let u: URL;
  try {
    u = new URL(given);
  } catch {
    return { base: given };
  }
  const route = ROUTES.find((r) => new RegExp(`/${r}/?$`).test(u.pathname));
  if (!route) return { base: given };
  u.pathname = u.pathname.replace(new RegExp(`/${route}/?$`), "/");
  u.search = "";
  u.hash = "";
  const base = u.href.replace(/\/$/, "");
  return { base, dropped: `/${route}`, shown: shownBase(base) };
}

/**
 * What a server's (or a proxy's) words may put on the user's terminal: one line, no control characters (a carriage
 * return let the retry hint overwrite the line; an escape sequence recoloured it), at most MAX_SERVER_TEXT characters
 * (review 58e F6).
 */
const MAX_SERVER_TEXT = 300;
function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what is removed.
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ").replace(/ {2,}/g, " ");
  return flat.length > MAX_SERVER_TEXT ? `${flat.slice(0, MAX_SERVER_TEXT - 1)}…` : flat;
}

/** A body that is no problem+json: an HTML page's title ("413 Request Entity Too Large" from nginx), else its first line. */
function pageSummary(text: string): string {
  const title = /<title[^>]*>([^<]{1,200})<\/title>/i.exec(text.slice(0, 4096))?.[1]?.trim();
  if (title) return title;
  return (text.trim().split("\n")[0] ?? "").slice(0, 200);
}

/** Retry-After as seconds or an HTTP date, worded; empty when absent or unreadable. */
function retryAfter(value: string | undefined): string {
  const v = value?.trim();
  if (!v) return "";
  if (/^\d+$/.test(v)) return `; retry after ${Number(v)} s`;
  const at = Date.parse(v);
  return Number.isNaN(at) ? "" : `; retry after ${new Date(at).toISOString()}`;
}

/**
 * What --url to use after a redirect: the new address with the request's own path and query taken off its end (an
 * ingress forcing https moves /diagnose to https://host/diagnose; --url is the base: review 67d F4, where the whole
 * endpoint given back as --url ended in a 404 for /diagnose/diagnose).
 */
function movedBase(endpoint: string, moved: URL): string {
  const tail = `/${endpoint.replace(/^\//, "")}`;
  // A proxy may add a slash after the path (`/bugs/?q=…`).
  const whole = `${moved.pathname.replace(/(.)\/$/, "$1")}${moved.search}`;
  if (whole.endsWith(tail)) return `use --url ${moved.origin}${whole.slice(0, whole.length - tail.length)}`;
  // Not this endpoint at another base: a sign-in page (oauth2-proxy, Cloudflare Access) or another service, perhaps
  // (review 67j F6: "the endpoint moved there" sent a person to set --url to a login page).
  return "not this endpoint at another address (a sign-in page or another service?): give --url the service's own base address";
}
