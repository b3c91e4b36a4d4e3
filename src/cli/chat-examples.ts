// The README's chat pictures, made from real answers: the app (real routes, a real libSQL store with
// data/ imported) gets a slash command signed as Slack signs it and a /diagnose interaction signed as
// Discord signs it, for a real excerpt (the Ubuntu example of xt-mark-ipv6-typo-2024). The answers'
// JSON is saved next to the SVG mocks drawn from it.
//   npm run chat:examples            (writes docs/chat/)
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getBug } from "../db/bug-queries";
import { sharedEnvSchema } from "../env-fields";
import { createApp } from "../http/app";
import { createBackgroundTasks } from "../node/background";
import { importFromDir, openStore } from "../node/prepare-store";
import { inlineDiagnoser } from "../service/diagnoser";
import { discordSvg, slackSvg } from "./chat-preview-svg";

const OUT = "docs/chat";
const PUBLIC_URL = "https://known-bugs.example.com";
const utf8 = (s: string) => new TextEncoder().encode(s);
const hex = (b: ArrayBuffer) => Buffer.from(b).toString("hex");

const dir = await mkdtemp(join(tmpdir(), "known-bugs-chat-"));
const store = await openStore(`file:${join(dir, "kb.db")}`);
try {
  const imported = await importFromDir(store, "data");
  if (!imported.ok) throw new Error("data/ does not validate: run npm run kb:check");
  const example = (await getBug(store, "xt-mark-ipv6-typo-2024"))?.examples.find((e) => e.uname?.includes("-generic"));
  if (!example?.uname) throw new Error("xt-mark-ipv6-typo-2024 has no Ubuntu example");
  const paste = `$ uname -r\n${example.uname}\n${example.log.trimEnd()}`;

  // Slack's end: a response_url listener on 127.0.0.1 that keeps the first answer posted to it.
  let answered: (body: unknown) => void = () => {};
  const slackAnswer = new Promise<unknown>((resolve) => {
    answered = resolve;
  });
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    res.end("ok");
    answered(JSON.parse(Buffer.concat(chunks).toString("utf8")));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const secret = hex(crypto.getRandomValues(new Uint8Array(32)).buffer);
  const keys = (await crypto.subtle.generateKey({ name: "Ed25519" }, true, ["sign", "verify"])) as CryptoKeyPair;
  const publicKey = hex((await crypto.subtle.exportKey("raw", keys.publicKey)) as ArrayBuffer);
  const background = createBackgroundTasks();
  const chat = { slackSigningSecret: secret, discordPublicKey: publicKey, publicUrl: PUBLIC_URL, slackResponseOrigins: [origin] };
  const settings = sharedEnvSchema.parse({ ACCESS_LOG: "off", RATE_LIMIT_PER_MINUTE: "0" });
  const app = createApp({
    store: () => store,
    settings: () => settings,
    diagnoser: () => inlineDiagnoser,
    chat: () => chat,
    background: background.run,
  });
  const now = String(Math.floor(Date.now() / 1000));

  const form = new URLSearchParams({
    command: "/known-bugs",
    text: paste.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"),
    response_url: `${origin}/commands/T0001/1/x`,
    trigger_id: "example.1",
    user_id: "U0001",
    channel_id: "C0001",
  }).toString();
  const key = await crypto.subtle.importKey("raw", utf8(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = hex(await crypto.subtle.sign("HMAC", key, utf8(`v0:${now}:${form}`)));
  const ack = await app.request("/integrations/slack/commands", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-slack-request-timestamp": now, "x-slack-signature": `v0=${mac}` },
    body: form,
  });
  if (ack.status !== 200) throw new Error(`Slack command: HTTP ${ack.status} ${await ack.text()}`);
  const slack = (await slackAnswer) as Parameters<typeof slackSvg>[0];
  server.close();

  const interaction = JSON.stringify({
    type: 2,
    id: "1",
    // No token: the answer is the reply itself, never deferred to an edit of it.
    data: { id: "c1", name: "diagnose", type: 1, options: [{ name: "log", type: 3, value: paste }] },
    member: { user: { id: "42" } },
  });
  const sig = hex(await crypto.subtle.sign("Ed25519", keys.privateKey, utf8(`${now}${interaction}`)));
  const res = await app.request("/integrations/discord/interactions", {
    method: "POST",
    headers: { "content-type": "application/json", "x-signature-timestamp": now, "x-signature-ed25519": sig },
    body: interaction,
  });
  if (res.status !== 200) throw new Error(`Discord interaction: HTTP ${res.status} ${await res.text()}`);
  const discord = ((await res.json()) as { data: Parameters<typeof discordSvg>[0] }).data;
  await background.drain();

  await mkdir(OUT, { recursive: true });
  const caption = `known-bugs answering the ${example.title} excerpt (${example.source})`;
  await writeFile(join(OUT, "slack-answer.json"), `${JSON.stringify(slack, null, 2)}\n`);
  await writeFile(join(OUT, "discord-answer.json"), `${JSON.stringify(discord, null, 2)}\n`);
  await writeFile(join(OUT, "slack-answer.svg"), slackSvg(slack, `Slack: ${caption}`));
  await writeFile(join(OUT, "discord-answer.svg"), discordSvg(discord, `Discord: ${caption}`));
  await writeFile(join(OUT, "input.txt"), `${paste}\n`);
  console.log(`wrote ${OUT}/{slack,discord}-answer.{json,svg} and input.txt (${imported.version})`);
} finally {
  store.close();
  await rm(dir, { recursive: true, force: true });
}
