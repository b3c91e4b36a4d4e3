import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feedbackSummary, recordFeedback } from "../../src/db/chat-queries";
import { type ChatHarness, chatContract, SEED_PASTE, type SlackPost } from "../support/chat-contract";
import { ed25519KeyPair, randomSecret, slackHeaders, slashCommandBody } from "../support/chat-signing";
import { type HookListener, startHookListener } from "../support/hook-listener";
import { startTestService, type TestService } from "../support/test-store";

let service: TestService;
let hooks: HookListener;
let harness: ChatHarness;

beforeAll(async () => {
  hooks = await startHookListener();
  const slackSecret = randomSecret();
  const keys = await ed25519KeyPair();
  const publicUrl = "https://known-bugs.example.org";
  service = await startTestService({
    chat: { slackSigningSecret: slackSecret, discordPublicKey: keys.publicKeyHex, publicUrl, slackResponseOrigins: [hooks.origin] },
  });
  harness = {
    fetch: (path, init) => Promise.resolve(service.app.request(path, init)),
    slackSecret,
    discordKey: keys.privateKey,
    publicUrl,
    responseUrl: () => hooks.url(),
    delivered: (url, n = 1) => hooks.waitFor(url, n) as Promise<SlackPost[]>,
    settle: () => service.background.drain(),
  };
});
afterAll(async () => {
  await service.cleanup();
  await hooks.close();
});

describe("chat doors on Node (libSQL file, response_url on a local listener)", () => {
  chatContract(() => harness);

  it("acknowledges before the answer is delivered: the ack never waits for response_url", async () => {
    const held = hooks.hold();
    try {
      const responseUrl = hooks.url();
      const body = slashCommandBody({ text: SEED_PASTE, responseUrl, triggerId: `held-${Date.now()}` });
      const res = await service.app.request("/integrations/slack/commands", {
        method: "POST",
        headers: await slackHeaders(harness.slackSecret, body),
        body,
      });
      expect(res.status).toBe(200);
      // The answer reaches the listener, which has not answered it yet: the ack came first.
      await hooks.waitFor(responseUrl, 1);
      expect(service.background.pending).toBe(1);
    } finally {
      held.release();
    }
    await service.background.drain();
    expect(service.background.pending).toBe(0);
  });

  it("refuses a response_url that is not Slack's (nor the configured origin)", async () => {
    const body = slashCommandBody({ text: SEED_PASTE, responseUrl: "http://169.254.169.254/latest", triggerId: `ssrf-${Date.now()}` });
    const res = await service.app.request("/integrations/slack/commands", {
      method: "POST",
      headers: await slackHeaders(harness.slackSecret, body),
      body,
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
  });

  it("acknowledges Slack's signed ssl_check without answering", async () => {
    const body = "ssl_check=1&token=deprecated";
    const res = await service.app.request("/integrations/slack/commands", {
      method: "POST",
      headers: await slackHeaders(harness.slackSecret, body),
      body,
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
    expect(service.background.pending).toBe(0);
  });

  it("summarises votes per record, most wrong votes first", async () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const vote = { kbVersion: "kb-0000000000000000", verdict: "affected", platform: "slack" } as const;
    await recordFeedback(service.store, { ...vote, findingId: "zz-often-wrong", vote: "wrong" }, now);
    await recordFeedback(service.store, { ...vote, findingId: "zz-often-wrong", vote: "wrong", verdict: "unknown" }, now);
    await recordFeedback(service.store, { ...vote, findingId: "zz-often-wrong", vote: "right" }, now);
    await recordFeedback(service.store, { ...vote, findingId: "zz-always-right", vote: "right" }, now);
    const summary = await feedbackSummary(service.store);
    const wrongFirst = summary.filter((r) => r.findingId.startsWith("zz-"));
    expect(wrongFirst.map((r) => r.findingId)).toEqual(["zz-often-wrong", "zz-always-right"]);
    expect(wrongFirst[0]).toMatchObject({ wrong: 2, right: 1, wrongShare: 0.667, wrongByVerdict: { affected: 1, unknown: 1 } });
    expect(summary.findIndex((r) => r.findingId === "zz-often-wrong")).toBeLessThan(
      summary.findIndex((r) => r.findingId === "zz-always-right"),
    );
  });
});

describe("chat doors when not configured", () => {
  let bare: TestService;
  beforeAll(async () => {
    bare = await startTestService();
  });
  afterAll(() => bare.cleanup());

  it("answer 404 for every chat route without their secrets, even when signed", async () => {
    const body = slashCommandBody({ text: "help", responseUrl: "https://hooks.slack.com/commands/x", triggerId: "t" });
    for (const path of ["/integrations/slack/commands", "/integrations/slack/interactions", "/integrations/discord/interactions"]) {
      const res = await bare.app.request(path, { method: "POST", headers: await slackHeaders("any", body), body });
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
  });

  it("still serve the (empty) feedback summary", async () => {
    const res = await bare.app.request("/feedback/summary");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ votes: 0, records: [] });
  });
});
