import { type AuthResult, checkTimestamp, hexToBytes, keyCache, utf8 } from "../request-auth";

const publicKey = keyCache((hex) => {
  const raw = hexToBytes(hex);
  if (raw?.length !== 32 || !raw) return Promise.reject(new Error("DISCORD_PUBLIC_KEY is not a 32-byte hex key"));
  return crypto.subtle.importKey("raw", raw, { name: "Ed25519" }, false, ["verify"]);
});

/**
 * Discord's interaction signing: Ed25519 signature (`X-Signature-Ed25519`, hex) of
 * `X-Signature-Timestamp` + raw body, checked against the application's public key with Web Crypto
 * (Node 22 and workerd both implement Ed25519). Timestamps more than five minutes off are refused too.
 */
export async function verifyDiscordRequest(
  publicKeyHex: string,
  headers: { signature: string | undefined; timestamp: string | undefined },
  rawBody: string,
  nowMs = Date.now(),
): Promise<AuthResult> {
  if (!headers.signature) return { ok: false, reason: "missing X-Signature-Ed25519" };
  const fresh = checkTimestamp(headers.timestamp, nowMs);
  if (!fresh.ok) return fresh;
  const signature = headers.signature.length === 128 ? hexToBytes(headers.signature) : null;
  if (!signature) return { ok: false, reason: "malformed signature" };
  const valid = await crypto.subtle.verify("Ed25519", await publicKey(publicKeyHex), signature, utf8(`${headers.timestamp}${rawBody}`));
  return valid ? { ok: true } : { ok: false, reason: "signature mismatch" };
}
