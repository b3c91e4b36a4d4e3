import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env";
import { watchedBody } from "../body-stream";
import { bodyTooLarge } from "../limits";
import { ProblemError, problemResponse } from "../problem";

/** A decoder for one Content-Encoding (null when this runtime cannot decode it), and the codings it decodes. */
export type BodyDecoder = {
  (encoding: string): TransformStream<Uint8Array, Uint8Array> | null;
  /** For a 415's Accept-Encoding and wording. */
  readonly encodings: readonly string[];
};

/** gzip and deflate through the web-standard DecompressionStream, which Node and workerd both have. */
export const webDecoder: BodyDecoder = Object.assign(
  (encoding: string) => {
    if (encoding === "gzip" || encoding === "x-gzip") return new DecompressionStream("gzip");
    if (encoding === "deflate") return new DecompressionStream("deflate");
    return null;
  },
  { encodings: ["gzip", "deflate"] },
);

/** "gzip or deflate", "gzip, deflate or br". */
const either = (encodings: readonly string[]) =>
  encodings.length > 1 ? `${encodings.slice(0, -1).join(", ")} or ${encodings.at(-1)}` : (encodings[0] ?? "");

/**
 * Content codings one body may stack. Clients compress once (twice at most, behind a proxy that
 * compresses again); each further layer is another decompressor over the whole body, and a few thousand
 * layers of gzip in a 100 KB body kept a core busy for minutes.
 */
const MAX_ENCODINGS = 2;

const tooLarge = (max: number, decoded: boolean) => new ProblemError(413, "body-too-large", bodyTooLarge(max, decoded));

/**
 * Request bodies of the routes that read them: at most MAX_BODY_BYTES as sent, and, when the
 * client compressed them (Content-Encoding: gzip, deflate, br where the runtime decodes it), at
 * most MAX_BODY_BYTES once decoded, counted while decoding so a zip bomb stops at the limit. An
 * encoding the server cannot decode is refused with 415, a corrupt stream with 400: compressed
 * bytes are never read as a log. `framing`: bytes a route allows around the text it limits (a form's
 * multipart framing), so a paste at the limit is still taken.
 */
export function requestBody(decoder: BodyDecoder, framing = 0): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // A transfer coding other than chunked is not decoded here (RFC 9112 §6.1: 501). Node's parser reads such a body as
    // chunked whatever coding precedes it, and it would be read as plain text (review 50a F5: `gzip, chunked`).
    const transfer = c.req.header("transfer-encoding");
    if (transfer?.split(",").some((t) => !/^\s*(?:chunked|identity)?\s*$/i.test(t)))
      return problemResponse(
        c,
        501,
        "unsupported-transfer-coding",
        "The body's Transfer-Encoding names a coding other than chunked, which is not decoded here: send it chunked or with a Content-Length, and compress it with Content-Encoding.",
      );
    const max = c.get("settings").MAX_BODY_BYTES + framing;
    const length = c.req.header("content-length");
    if (length !== undefined && Number(length) > max) {
      return problemResponse(c, 413, "body-too-large", bodyTooLarge(max));
    }
    const encodings = (c.req.header("content-encoding") ?? "")
      .toLowerCase()
      .split(",")
      .map((e) => e.trim())
      .filter((e) => e && e !== "identity");
    // An uncompressed body with a Content-Length is already bounded: leave it untouched. On Node, merely
    // reading `c.req.raw.body` builds a web stream over the socket, and the route's read then goes
    // through it (chunk by chunk, then copied) instead of @hono/node-server's direct read into one buffer
    // (4 MB body: about 5 ms more CPU and 15 ms more wall time per request).
    if (!encodings.length && length !== undefined) return next();
    if (encodings.length > MAX_ENCODINGS) {
      return problemResponse(
        c,
        415,
        "unsupported-encoding",
        `The body names ${encodings.length} content codings; at most ${MAX_ENCODINGS} are decoded here. Compress it once, as ${either(decoder.encodings)}.`,
        undefined,
        { "Accept-Encoding": decoder.encodings.join(", ") },
      );
    }
    const body = c.req.raw.body;
    if (!body) return next();
    const decoders: Array<TransformStream<Uint8Array, Uint8Array>> = [];
    // Codings are listed in the order they were applied; decode the last one first.
    for (const encoding of [...encodings].reverse()) {
      const d = decoder(encoding);
      if (!d) {
        return problemResponse(
          c,
          415,
          "unsupported-encoding",
          `Content-Encoding "${encoding.slice(0, 40)}" is not supported here; send the body uncompressed, or as ${either(decoder.encodings)}.`,
          undefined,
          { "Accept-Encoding": decoder.encodings.join(", ") },
        );
      }
      decoders.push(d);
    }
    const bytes = await readLimited(body, decoders, max, encodings.length > 0, c.req.raw.signal);
    if (encodings.length) c.set("contentDecoded", true);
    const headers = new Headers(c.req.raw.headers);
    headers.delete("content-encoding");
    headers.set("content-length", String(bytes.byteLength));
    // The client's signal goes with the request: a diagnosis waiting for a thread leaves when the client does.
    c.req.raw = new Request(c.req.raw.url, { method: c.req.raw.method, headers, body: bytes, signal: c.req.raw.signal });
    return next();
  };
}

/** Reads a (decoded) body into one buffer, stopping at `max` bytes. */
async function readLimited(
  body: ReadableStream<Uint8Array>,
  decoders: Array<TransformStream<Uint8Array, Uint8Array>>,
  max: number,
  decoded: boolean,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  const watched = watchedBody(body);
  let stream = watched.stream;
  for (const d of decoders) stream = stream.pipeThrough(d);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        await reader.cancel().catch(() => {});
        throw tooLarge(max, decoded);
      }
      chunks.push(value);
    }
  } catch (err) {
    // A client gone mid-body (its request's signal aborted, or the body's own stream failed: watchedBody) is no malformed
    // body: the error handler logs it as 499, never as the client's fault or ours (review 66f F2, 68f F1: workerd's
    // "Network connection lost" was a 400, or a 500, its signal not aborted).
    if (err instanceof ProblemError || signal?.aborted) throw err;
    if (watched.gone()) throw watched.gone();
    throw new ProblemError(
      400,
      "malformed-body",
      decoded ? "The body could not be decompressed: it does not match its Content-Encoding." : "The body could not be read.",
    );
  }
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}
