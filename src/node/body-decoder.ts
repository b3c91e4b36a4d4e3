import { Duplex } from "node:stream";
import { createBrotliDecompress } from "node:zlib";
import { type BodyDecoder, webDecoder } from "../http/middleware/request-body";

/** gzip and deflate as on the Worker, plus brotli through Node's zlib (workerd has no brotli DecompressionStream). */
export const nodeDecoder: BodyDecoder = (encoding) =>
  encoding === "br" ? (Duplex.toWeb(createBrotliDecompress()) as unknown as TransformStream<Uint8Array, Uint8Array>) : webDecoder(encoding);
