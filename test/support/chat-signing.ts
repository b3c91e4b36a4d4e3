// Requests signed the way Slack and Discord sign them, with Web Crypto so the same helpers run on
// Node and inside workerd.

const utf8 = (s: string) => new TextEncoder().encode(s);
const hex = (b: ArrayBuffer) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, "0")).join("");
export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Slack: X-Slack-Signature = "v0=" + hex HMAC-SHA256(secret, "v0:" + timestamp + ":" + body). */
export async function slackHeaders(secret: string, body: string, timestamp = nowSeconds()): Promise<Record<string, string>> {
  const key = await crypto.subtle.importKey("raw", utf8(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = await crypto.subtle.sign("HMAC", key, utf8(`v0:${timestamp}:${body}`));
  return {
    "content-type": "application/x-www-form-urlencoded",
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": `v0=${hex(mac)}`,
  };
}

/** Discord: X-Signature-Ed25519 = hex Ed25519(private key, timestamp + body). */
export async function discordHeaders(privateKey: CryptoKey, body: string, timestamp = nowSeconds()): Promise<Record<string, string>> {
  const sig = await crypto.subtle.sign("Ed25519", privateKey, utf8(`${timestamp}${body}`));
  return { "content-type": "application/json", "x-signature-timestamp": String(timestamp), "x-signature-ed25519": hex(sig) };
}

export async function ed25519KeyPair(): Promise<{ privateKey: CryptoKey; publicKeyHex: string; privateJwk: JsonWebKey }> {
  const pair = (await crypto.subtle.generateKey({ name: "Ed25519" }, true, ["sign", "verify"])) as CryptoKeyPair;
  return {
    privateKey: pair.privateKey,
    publicKeyHex: hex((await crypto.subtle.exportKey("raw", pair.publicKey)) as ArrayBuffer),
    privateJwk: (await crypto.subtle.exportKey("jwk", pair.privateKey)) as JsonWebKey,
  };
}

/** Node writes `alg: "Ed25519"` into the JWK and workerd expects "EdDSA": the key works without it. */
export function importEd25519Private(jwk: JsonWebKey): Promise<CryptoKey> {
  const { alg: _alg, ...key } = jwk;
  return crypto.subtle.importKey("jwk", key, { name: "Ed25519" }, false, ["sign"]);
}

export function randomSecret(): string {
  return hex(crypto.getRandomValues(new Uint8Array(32)).buffer as ArrayBuffer);
}

/** A slash command's form body, as Slack posts it (text escaped the way Slack escapes it, unless it already is). */
export function slashCommandBody(fields: {
  text: string;
  responseUrl: string;
  triggerId: string;
  asSlackSends?: boolean;
  userId?: string;
}): string {
  return new URLSearchParams({
    token: "deprecated-verification-token",
    team_id: "T0001",
    team_domain: "example",
    channel_id: "C0001",
    channel_name: "incidents",
    user_id: fields.userId ?? "U0001",
    user_name: "oncall",
    command: "/known-bugs",
    text: fields.asSlackSends ? fields.text : slackEscape(fields.text),
    api_app_id: "A0001",
    response_url: fields.responseUrl,
    trigger_id: fields.triggerId,
  }).toString();
}

/** An interaction's form body: one `payload` field holding JSON. */
export const interactionBody = (payload: unknown) => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();

/** Slack escapes &, < and > in the text it sends. */
export const slackEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
