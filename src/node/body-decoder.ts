import { Duplex } from "node:stream";
import { createBrotliDecompress } from "node:zlib";
import { type BodyDecoder, webDecoder } from "../http/middleware/request-body";

/** gzip and deflate as on the Worker, plus brotli through Node's zlib (workerd has no brotli DecompressionStream). */
export const nodeDecoder: BodyDecoder = Object.assign((encoding: string) => (encoding === "br" ? brotli() : webDecoder(encoding)), {
  encodings: [...webDecoder.encodings, "br"],
});

/**
 * Node's brotli decoder stops at the end of the first brotli stream and drops what follows: text sent as
 * `br` ("5.15.0-127-generic …" reads as an empty stream after its first byte) would be an empty body, and
 * junk after a stream would vanish. Bytes the decoder never took make the body corrupt, as gzip's and
 * deflate's decoders say of theirs.
 */
function brotli(): TransformStream<Uint8Array, Uint8Array> {
  const decoder = createBrotliDecompress();
  let fed = 0;
  const count = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      fed += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  const web = Duplex.toWeb(decoder) as unknown as TransformStream<Uint8Array, Uint8Array>;
  count.readable.pipeTo(web.writable).catch(() => {});
  const whole = new TransformStream<Uint8Array, Uint8Array>({
    flush(controller) {
      if (decoder.bytesWritten < fed) controller.error(new TypeError("the body does not match its brotli Content-Encoding"));
    },
  });
  return { writable: count.writable, readable: web.readable.pipeThrough(whole) };
}
