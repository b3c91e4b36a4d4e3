/**
 * The body of a request answered without reading it all (a refusal, a 404, a GET that carries one, a
 * 413 mid-upload) is read and dropped after the answer, within bounds. Closing at once would reset a
 * large upload before the client read its answer; Node's own drain has no bound (a refused 100 GB
 * upload was read for 84 s, a GET announcing one held its connection until the keep-alive timeout), so
 * past the bounds the connection is dropped.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

/** What an unread body may cost, as @hono/node-server bounds its own drain. */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;
const DRAIN_TIMEOUT_MS = 500;

/** Reads and drops what is left of `req`'s body, dropping the connection past the bounds. */
export function drainBounded(req: IncomingMessage): void {
  if (req.complete) return;
  let bytes = 0;
  const { socket } = req;
  const stop = () => socket.destroy();
  // Unref'd: a pending drain never holds the process open at shutdown.
  const timer = setTimeout(stop, DRAIN_TIMEOUT_MS).unref();
  req.on("data", (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > MAX_DRAIN_BYTES) stop();
  });
  // The request emits no "close" once its answer is sent; the socket does, when the client goes away. Its listener goes
  // when the drain ends: a kept-alive connection carries many requests (review 37a: one listener more per request).
  const closed = () => clearTimeout(timer);
  socket.once("close", closed);
  req.on("end", () => {
    clearTimeout(timer);
    socket.off("close", closed);
  });
  req.resume();
}

/**
 * Bounds the drain of whatever body is left unread once `res` is sent. Ahead of Node's own "finish"
 * listener: that one dumps an unread body (dropping every "data" listener, so no byte would be counted)
 * unless a read is already under way.
 */
export function drainAfterAnswer(req: IncomingMessage, res: ServerResponse): void {
  res.prependOnceListener("finish", () => drainBounded(req));
}

/**
 * "100 Continue" only once the app starts reading the body, so a request it answers from its head alone
 * (413 for its Content-Length, 415 for its type, 429, 404) is answered before the client sends a byte of
 * a body it held back. Such a connection then closes: the client may still send that body (curl does
 * after a second), and it must not be read as the next request.
 */
export function continueOnRead(req: IncomingMessage, res: ServerResponse): void {
  const keepAlive = res.shouldKeepAlive;
  res.shouldKeepAlive = false;
  const read = req._read;
  // Readable asks `_read` for data when a reader first wants some: the app's body reader, or the drain.
  req._read = (size: number) => {
    req._read = read;
    if (!res.headersSent) {
      res.writeContinue();
      res.shouldKeepAlive = keepAlive;
    }
    read.call(req, size);
  };
}
