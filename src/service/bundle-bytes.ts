import { compressedFormat, looksBinary, readBodyText } from "./body-text";

type Refusal = { ok: false; status: 415; slug: string; detail: string };

/**
 * A raw bundle's bytes as text, or why they are none: compressed bytes sent without Content-Encoding (gzip,
 * xz, a zip of a sosreport …), a charset this server does not read, binary data. Read as a log, each would
 * answer "no known bug" with the confidence of a clean log.
 */
export function readBundleBytes(
  bytes: Uint8Array,
  decode: (bytes: Uint8Array) => string,
  sentAs?: { charset?: string | undefined },
): { ok: true; text: string } | Refusal {
  const format = compressedFormat(bytes);
  if (format === "gzip" || format === "zlib")
    return refuse(
      "unsupported-encoding",
      `The body is ${format === "gzip" ? "gzip" : "deflate (zlib)"}-compressed but says no Content-Encoding: send it with Content-Encoding: ${format === "gzip" ? "gzip" : "deflate"}, or uncompressed.`,
    );
  if (format)
    return refuse(
      "compressed-body",
      `The body is ${format === "tar" || format === "zip" || format === "7z" ? `a ${format} archive` : `${format}-compressed`}: send the text itself (the logs and command outputs, decompressed and unpacked), or gzip with Content-Encoding: gzip.`,
    );
  const read = readBodyText(bytes, decode, sentAs?.charset);
  if (!read.ok) return refuse(read.slug, read.detail);
  if (looksBinary(read.text))
    return refuse(
      "not-text",
      "The body is not text (most of its start is NUL bytes, control characters or bytes that are no UTF-8): send the logs and command outputs as UTF-8 text.",
    );
  return read;
}

const refuse = (slug: string, detail: string): Refusal => ({ ok: false, status: 415, slug, detail });
