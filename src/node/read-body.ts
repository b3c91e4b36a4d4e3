import type { IncomingMessage } from "node:http";
import type { Context } from "hono";
import { CLIENT_CLOSED, CLIENT_CLOSED_DETAIL } from "../http/on-error";
import { ProblemError } from "../http/problem";

/**
 * The request body straight from Node's socket into one buffer of exactly Content-Length bytes: one
 * copy, where `c.req.arrayBuffer()` makes three (the chunks, Buffer.concat, then ArrayBuffer.slice).
 * The buffer is its ArrayBuffer's only view, so it moves to a pool thread without a copy. Only for a
 * body the request-body middleware left untouched (no Content-Encoding, a Content-Length); otherwise,
 * or off Node, undefined.
 */
export function readNodeBody(c: Context): Promise<Uint8Array> | undefined {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (!incoming || incoming.readableDidRead || incoming.readableEnded) return undefined;
  const encoded = (incoming.headers["content-encoding"] ?? "")
    .toLowerCase()
    .split(",")
    .some((e) => e.trim() && e.trim() !== "identity");
  const length = Number(incoming.headers["content-length"]);
  if (encoded || !Number.isSafeInteger(length) || length < 0) return undefined;
  return new Promise((resolve, reject) => {
    const out = Buffer.allocUnsafeSlow(length);
    let at = 0;
    // A body that stops short (the client reset the connection, or closed it before sending what it announced) is
    // a client gone, logged as such (499), not a malformed request.
    const fail = () => {
      cleanup();
      reject(new ProblemError(CLIENT_CLOSED, "client-closed", CLIENT_CLOSED_DETAIL));
    };
    const onData = (chunk: Buffer) => {
      if (at + chunk.byteLength > length) return fail();
      out.set(chunk, at);
      at += chunk.byteLength;
    };
    const onEnd = () => {
      cleanup();
      if (at === length) resolve(out);
      else reject(new ProblemError(CLIENT_CLOSED, "client-closed", CLIENT_CLOSED_DETAIL));
    };
    const cleanup = () => {
      incoming.off("data", onData);
      incoming.off("end", onEnd);
      incoming.off("error", fail);
      incoming.off("aborted", fail);
    };
    incoming.on("data", onData);
    incoming.once("end", onEnd);
    incoming.once("error", fail);
    incoming.once("aborted", fail);
  });
}
