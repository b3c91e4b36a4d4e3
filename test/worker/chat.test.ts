import { env, exports } from "cloudflare:workers";
import { afterAll, beforeAll, describe, vi } from "vitest";
import { type ChatHarness, chatContract, type SlackPost } from "../support/chat-contract";
import { importEd25519Private } from "../support/chat-signing";

// Inside workerd the Worker posts to Slack's real origin; the test's fetch stands in for Slack there,
// so every answer the Worker delivers through waitUntil is recorded.
const posts = new Map<string, SlackPost[]>();
/** What the stand-in answers the next posts to a URL with, in turn (Parameters<ChatHarness["script"]>). */
const scripts = new Map<string, Array<{ status: number; body?: string; headers?: Record<string, string> }>>();
const realFetch = globalThis.fetch;
let harness: ChatHarness;
let n = 0;

beforeAll(async () => {
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const request = new Request(input, init);
    // Discord's API too (a deferred answer's edit, on a slow machine): a test never reaches the internet.
    if (!request.url.startsWith("https://hooks.slack.com/") && !request.url.startsWith("https://discord.com/api/"))
      return realFetch(input, init);
    const list = posts.get(request.url) ?? [];
    list.push((await request.json()) as SlackPost);
    posts.set(request.url, list);
    const scripted = scripts.get(request.url)?.shift();
    if (scripted) return new Response(scripted.body ?? "", { status: scripted.status, headers: scripted.headers ?? {} });
    return new Response("ok");
  });
  harness = {
    fetch: (path, init) => exports.default.fetch(new Request(`https://known-bugs.test${path}`, init)),
    slackSecret: env.SLACK_SIGNING_SECRET,
    feedbackToken: env.FEEDBACK_TOKEN,
    discordKey: await importEd25519Private(JSON.parse(env.TEST_DISCORD_PRIVATE_JWK) as JsonWebKey),
    publicUrl: env.PUBLIC_URL,
    responseUrl: () => `https://hooks.slack.com/commands/T0001/${Date.now()}/${++n}`,
    async delivered(url, count = 1) {
      const until = Date.now() + 5000;
      while ((posts.get(url)?.length ?? 0) < count) {
        if (Date.now() > until) throw new Error(`expected ${count} posts to ${url}, got ${posts.get(url)?.length ?? 0}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return posts.get(url) ?? [];
    },
    // waitUntil work is not visible from here: give it time to run (a retry would post within it).
    settle: () => new Promise((r) => setTimeout(r, 300)),
    script: (url, answers) => scripts.set(url, [...answers]),
  };
});
afterAll(() => vi.restoreAllMocks());

describe("chat doors in the Worker (workerd + D1, answers through waitUntil)", () => {
  chatContract(() => harness);
});
