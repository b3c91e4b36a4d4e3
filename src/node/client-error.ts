/**
 * Requests Node's HTTP parser refuses before the app sees them (a header block past 16 KB, a request
 * line that is not HTTP, a body both chunked and counted, a request that took longer than the
 * request timeout): answered as problem+json like every other error, instead of Node's bare status
 * line. Each is logged as one line with Node's error code, never the bytes that were sent.
 */
import type { Socket } from "node:net";
import type { RuntimeAnswer } from "../http/app-env";
import { bareProblem } from "./bare-problem";

interface ParserError extends Error {
  code?: string;
  /** The chunk the parser was reading, and where in it the error arose (node_http_parser.cc). */
  rawPacket?: Buffer;
  bytesParsed?: number;
}

/**
 * Whether the 16 KB head limit was passed by the request target itself (review 68f F2: a long `q` was told to "send
 * fewer headers"). The parser counts the request line with the headers and reports the overflow where the field it
 * was reading ends: after a request target comes " HTTP/", after a header's value a line break.
 */
const targetOverflowed = (err: ParserError) =>
  err.rawPacket !== undefined &&
  typeof err.bytesParsed === "number" &&
  err.rawPacket.subarray(err.bytesParsed, err.bytesParsed + 6).toString("latin1") === " HTTP/";

/** Node's own choice of status per parser error (lib/_http_server.js), with a slug and a sentence each. */
function statusOf(err: ParserError): { status: number; slug: string; detail: string } {
  if (err.code === "HPE_HEADER_OVERFLOW" && targetOverflowed(err))
    return {
      status: 414,
      slug: "uri-too-long",
      detail: "the URL is longer than 16 KB: shorten `q` (at most 1,000 characters), or POST the text to /diagnose",
    };
  switch (err.code) {
    // Each says what to do (review 66f F7: "not received in time" named neither the bound nor a remedy).
    case "HPE_HEADER_OVERFLOW":
      return {
        status: 431,
        slug: "headers-too-large",
        detail: "the request's header block is larger than 16 KB: send fewer or shorter headers",
      };
    case "HPE_CHUNK_EXTENSIONS_OVERFLOW":
      return {
        status: 413,
        slug: "chunk-extensions-too-large",
        detail: "the request's chunk extensions are too large: send the body without them",
      };
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return {
        status: 408,
        slug: "request-timeout",
        detail:
          "the request was not received within 60 s: send less (the part of the log around the failure), compress it (Content-Encoding: gzip), or send from a faster link",
      };
    default:
      return {
        status: 400,
        slug: "malformed-request",
        detail: "the request is not well-formed HTTP/1.1: send it with an HTTP client such as curl (curl --data-binary @file URL)",
      };
  }
}

/** A refused request's answer, as bytes for the socket (there is no response object yet), and its id. */
function socketAnswer(status: number, slug: string, detail: string): { requestId: string; bytes: string } {
  const { title, headers, body, requestId } = bareProblem(status, slug, detail);
  return {
    requestId,
    bytes: [`HTTP/1.1 ${status} ${title}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), "", body].join("\r\n"),
  };
}

/** The response Node is writing on the socket, if any (node:_http_server keeps it there). */
type HttpSocket = Socket & { _httpMessage?: { headersSent?: boolean } | null; [ANSWERED]?: RuntimeAnswer };

/** Where a socket keeps the answer this listener gave in place of the app's. */
const ANSWERED = Symbol("answered by the parser");

/**
 * The answer this listener gave on a request the app was still reading (review 36a: the parser's line and the app's
 * 400 or 499 for the same request, logged twice): the app's access log writes the request's one line with it.
 */
export const answeredOnSocket = (socket: Socket | undefined): RuntimeAnswer | undefined => (socket as HttpSocket | undefined)?.[ANSWERED];

/**
 * The server's `clientError` listener. As Node's default one does, it answers only when no response
 * on the connection has started (an answer must not splice into one half sent), and closes the
 * connection once the answer is out, whether or not the client closes its side; a reset connection
 * gets nothing.
 */
export function onClientError(log: (entry: Record<string, unknown>) => void) {
  return (err: ParserError, socket: HttpSocket) => {
    if (err.code === "ECONNRESET" || !socket.writable || socket._httpMessage?.headersSent) {
      socket.destroy();
      return;
    }
    const { status, slug, detail } = statusOf(err);
    const answer = socketAnswer(status, slug, detail);
    // A request the app holds is logged by the app, once: with this answer's status, unless the client itself ended
    // the connection mid-body (HPE_INVALID_EOF_STATE), which the app logs as a client that went away (499).
    if (socket._httpMessage) {
      if (err.code !== "HPE_INVALID_EOF_STATE") socket[ANSWERED] = { status, problem: slug, requestId: answer.requestId };
    } else
      log({
        t: new Date().toISOString(),
        level: "info",
        requestId: answer.requestId,
        event: "refused-by-parser",
        status,
        code: err.code ?? "unknown",
      });
    socket.end(answer.bytes, () => socket.destroy());
  };
}

/**
 * The server's `connect` listener. Node hands a CONNECT request (a client that takes this server for a proxy)
 * to it and, without one, drops the socket with no answer and no log line (review 36a): it gets a 501
 * problem and one log line, and the connection closes (the client may already be sending a tunnel's bytes).
 */
export function onConnect(log: (entry: Record<string, unknown>) => void) {
  return (_req: unknown, socket: Socket) => {
    const answer = socketAnswer(501, "not-implemented", "CONNECT is not served here: this server is no proxy.");
    log({
      t: new Date().toISOString(),
      level: "info",
      requestId: answer.requestId,
      event: "refused-request",
      status: 501,
      reason: "connect",
    });
    if (!socket.writable) return void socket.destroy();
    socket.end(answer.bytes, () => socket.destroy());
  };
}
