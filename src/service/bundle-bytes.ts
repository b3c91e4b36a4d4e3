import { isBlank } from "../engine/blank-text";
import { compressedFormat, readBodyText } from "./body-text";
import { notLogDetail, notLogPart } from "./text-content";

type Refusal = { ok: false; status: 415; slug: string; detail: string };

/**
 * How a raw bundle reached the service, where it changes what the service says: a form's type, the charset it named,
 * a Content-Encoding already undone (bytes still compressed were compressed twice), a file uploaded through the page's
 * form (whose sender sets no header).
 */
export interface SentAs {
  form: boolean;
  charset?: string | undefined;
  decoded?: boolean | undefined;
  upload?: boolean | undefined;
}

/**
 * A raw bundle's bytes as text, or why they are none: compressed bytes sent without Content-Encoding (gzip,
 * xz, a zip of a sosreport …), a charset this server does not read, binary data. Read as a log, each would
 * answer "no known bug" with the confidence of a clean log.
 */
export function readBundleBytes(
  bytes: Uint8Array,
  decode: (bytes: Uint8Array) => string,
  sentAs?: Omit<SentAs, "form">,
): { ok: true; text: string } | Refusal {
  const format = compressedFormat(bytes);
  // What each sender can do about it (review 42a: a doubly gzipped body was told it "says no Content-Encoding", and a
  // person uploading a .gz file through the page was told to set a header).
  const what = sentAs?.upload ? "The uploaded file" : "The body";
  const instead = sentAs?.upload ? "upload the text itself (the logs and command outputs, decompressed and unpacked)" : null;
  if (format === "gzip" || format === "zlib") {
    const name = format === "gzip" ? "gzip" : "deflate (zlib)";
    const header = format === "gzip" ? "gzip" : "deflate";
    return refuse(
      "unsupported-encoding",
      instead
        ? `${what} is ${name}-compressed: ${instead}.`
        : sentAs?.decoded
          ? `The body is still ${name}-compressed once its Content-Encoding is undone: it was compressed twice; compress it once, or name both (Content-Encoding: ${header}, ${header}).`
          : `The body is ${name}-compressed but says no Content-Encoding: send it with Content-Encoding: ${header}, or uncompressed.`,
    );
  }
  if (format)
    return refuse(
      "compressed-body",
      `${what} is ${format === "tar" || format === "zip" || format === "7z" ? `a ${format} archive` : `${format}-compressed`}: ${instead ?? "send the text itself (the logs and command outputs, decompressed and unpacked), or gzip with Content-Encoding: gzip"}.`,
    );
  const read = readBodyText(bytes, decode, sentAs?.charset);
  if (!read.ok) return refuse(read.slug, read.detail);
  // White space and NUL bytes alone are an empty body (422 in every door), not binary data (review 62a F3: four NULs were a 415).
  if (isBlank(read.text)) return read;
  // Binary data at the start, or a compressed file's bytes anywhere (text, then a .gz file joined to it: review 60e F2).
  const part = notLogPart(read.text);
  if (part) return refuse(part.format === "binary" ? "not-text" : "compressed-body", notLogDetail(what, part));
  return read;
}

const refuse = (slug: string, detail: string): Refusal => ({ ok: false, status: 415, slug, detail });
