/** Requests signed longer ago (or further ahead) than this are refused, as Slack specifies: replays. */
const MAX_SIGNATURE_AGE_S = 5 * 60;

export type AuthResult = { ok: true } | { ok: false; reason: string };

const encoder = new TextEncoder();
export const utf8 = (s: string) => encoder.encode(s);

/** Strict hex decoding: null for odd lengths or non-hex characters (a malformed signature). */
export function hexToBytes(hex: string): Uint8Array<ArrayBuffer> | null {
  if (hex.length % 2 || !/^[0-9a-fA-F]*$/.test(hex)) return null;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function bytesToHex(bytes: ArrayBuffer | Uint8Array): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** A Unix-seconds timestamp header within MAX_SIGNATURE_AGE_S of now. */
/**
 * What makes a signed chat request the same delivery when it comes again: the platform's own id for
 * it (Slack's trigger id, Discord's interaction id), else the body's hash.
 */
export async function deliveryKey(id: string | undefined, rawBody: string): Promise<string> {
  return id ?? `body:${bytesToHex(await crypto.subtle.digest("SHA-256", utf8(rawBody)))}`;
}

export function checkTimestamp(header: string | undefined, nowMs: number): AuthResult {
  if (!header) return { ok: false, reason: "missing timestamp header" };
  if (!/^\d{1,12}$/.test(header)) return { ok: false, reason: "malformed timestamp" };
  if (Math.abs(nowMs / 1000 - Number(header)) > MAX_SIGNATURE_AGE_S) return { ok: false, reason: "stale timestamp" };
  return { ok: true };
}

/** Imported keys by secret, per isolate/process: importKey once, not per request. */
export function keyCache(importer: (secret: string) => Promise<CryptoKey>) {
  const keys = new Map<string, Promise<CryptoKey>>();
  return (secret: string): Promise<CryptoKey> => {
    let key = keys.get(secret);
    if (!key) {
      key = importer(secret);
      keys.set(secret, key);
      key.catch(() => keys.delete(secret));
    }
    return key;
  };
}
