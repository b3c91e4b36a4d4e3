import { type AuthResult, checkTimestamp, hexToBytes, keyCache, utf8 } from "../request-auth";

const hmacKey = keyCache((secret) =>
  crypto.subtle.importKey("raw", utf8(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]),
);

/**
 * Slack's request signing (api.slack.com/authentication/verifying-requests-from-slack): `v0=` + hex
 * HMAC-SHA256 of `v0:{X-Slack-Request-Timestamp}:{raw body}` with the signing secret. Web Crypto's
 * `verify` compares in constant time; timestamps more than five minutes off are refused.
 */
export async function verifySlackRequest(
  secret: string,
  headers: { signature: string | undefined; timestamp: string | undefined },
  rawBody: string,
  nowMs = Date.now(),
): Promise<AuthResult> {
  if (!headers.signature) return { ok: false, reason: "missing X-Slack-Signature" };
  const fresh = checkTimestamp(headers.timestamp, nowMs);
  if (!fresh.ok) return fresh;
  const [version, hex] = headers.signature.split("=", 2);
  const mac = version === "v0" && hex?.length === 64 ? hexToBytes(hex) : null;
  if (!mac) return { ok: false, reason: "malformed signature" };
  const valid = await crypto.subtle.verify("HMAC", await hmacKey(secret), mac, utf8(`v0:${headers.timestamp}:${rawBody}`));
  return valid ? { ok: true } : { ok: false, reason: "signature mismatch" };
}
