import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { feedbackSummary, recordFeedback } from "../../src/db/chat-queries";
import { fixStepsOf } from "../../src/engine/summary";
import { type ChatHarness, chatContract, diagnoseCommand, SEED_PASTE, type SlackPost } from "../support/chat-contract";
import { discordHeaders, ed25519KeyPair, randomSecret, slackHeaders, slashCommandBody } from "../support/chat-signing";
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
  const feedbackToken = randomSecret();
  service = await startTestService({
    chat: { slackSigningSecret: slackSecret, discordPublicKey: keys.publicKeyHex, publicUrl, slackResponseOrigins: [hooks.origin] },
    // The Worker's binding allows 60 a minute (wrangler.toml): the contract counts on the same share here.
    env: { RATE_LIMIT_PER_MINUTE: "60", FEEDBACK_TOKEN: feedbackToken },
  });
  harness = {
    fetch: (path, init) => Promise.resolve(service.app.request(path, init)),
    feedbackToken,
    slackSecret,
    discordKey: keys.privateKey,
    publicUrl,
    responseUrl: () => hooks.url(),
    delivered: (url, n = 1) => hooks.waitFor(url, n) as Promise<SlackPost[]>,
    settle: () => service.background.drain(),
    script: (url, answers) => hooks.script(url, answers),
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

  it("defers a Discord answer that a busy pool holds past two seconds, and edits it in when ready (review 63e F1)", {
    timeout: 60_000,
  }, async () => {
    const keys = await ed25519KeyPair();
    const threadModule = new URL("../support/spin-thread.mjs", import.meta.url);
    const busy = await startTestService({
      chat: { discordPublicKey: keys.publicKeyHex, discordApiBase: `${hooks.origin}/api` },
      pool: { threads: 1, threadModule },
    });
    try {
      const held = busy.app.request("/diagnose", { method: "POST", headers: { "content-type": "text/plain" }, body: "spin:5000" });
      await new Promise((r) => setTimeout(r, 300));
      const command = { ...diagnoseCommand(SEED_PASTE), application_id: "1234", token: `tok-${Date.now()}` };
      const body = JSON.stringify(command);
      const started = Date.now();
      const res = await busy.app.request("/integrations/discord/interactions", {
        method: "POST",
        headers: await discordHeaders(keys.privateKey, body),
        body,
      });
      // Within Discord's 3 seconds: "thinking…", private as the answer will be.
      expect(Date.now() - started).toBeLessThan(3000);
      expect(await res.json()).toEqual({ type: 5, data: { flags: 64 } });
      const [edit] = (await hooks.waitFor(`${hooks.origin}/api/webhooks/1234/${command.token}/messages/@original`, 1, 20_000)) as {
        embeds: { title?: string }[];
        allowed_mentions: unknown;
      }[];
      expect(JSON.stringify(edit?.embeds)).toContain("`xt-mark-ipv6-typo-2024` · **high** confidence");
      expect(edit?.allowed_mentions).toEqual({ parse: [] });
      await held;
      await busy.background.drain();
    } finally {
      await busy.cleanup();
    }
  });

  it("edits a deferred Discord answer in again after a 429 (its retry_after), as text when refused for its embeds, and logs the refusal's status and code (review 68e F5)", {
    timeout: 60_000,
  }, async () => {
    const keys = await ed25519KeyPair();
    const threadModule = new URL("../support/spin-thread.mjs", import.meta.url);
    const busy = await startTestService({
      chat: { discordPublicKey: keys.publicKeyHex, discordApiBase: `${hooks.origin}/api`, publicUrl: harness.publicUrl },
      pool: { threads: 1, threadModule },
    });
    const logged: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((line: unknown) => void logged.push(String(line)));
    try {
      const held = busy.app.request("/diagnose", { method: "POST", headers: { "content-type": "text/plain" }, body: "spin:3000" });
      await new Promise((r) => setTimeout(r, 300));
      const deferred = async (user: string, answers: Parameters<HookListener["script"]>[1]) => {
        const command = {
          ...diagnoseCommand(SEED_PASTE),
          application_id: "1234",
          token: `tok-${user}-${Date.now()}`,
          member: { user: { id: user } },
        };
        const url = `${hooks.origin}/api/webhooks/1234/${command.token}/messages/@original`;
        hooks.script(url, answers);
        const body = JSON.stringify(command);
        const res = await busy.app.request("/integrations/discord/interactions", {
          method: "POST",
          headers: await discordHeaders(keys.privateKey, body),
          body,
        });
        expect(((await res.json()) as { type: number }).type).toBe(5);
        return (await hooks.waitFor(url, 2, 20_000)) as DiscordAnswer[];
      };
      const [limited, refused] = await Promise.all([
        deferred("501", [
          { status: 429, body: JSON.stringify({ message: "You are being rate limited.", retry_after: 0.3, global: false }) },
        ]),
        deferred("502", [{ status: 400, body: JSON.stringify({ code: 50035, message: "Invalid Form Body", errors: {} }) }]),
      ]);
      // Rate-limited: the same edit again, once Discord's retry_after has passed.
      expect(limited[1]).toEqual(limited[0]);
      expect(JSON.stringify(limited[1]?.embeds)).toContain("`xt-mark-ipv6-typo-2024`");
      // Refused: the headline, the top finding with its verdict and the record's link, as content alone.
      expect(refused[0]?.embeds.length).toBeGreaterThan(0);
      expect(refused[1]?.embeds).toEqual([]);
      expect(refused[1]?.components).toEqual([]);
      expect(refused[1]?.content).toMatch(
        /^known-bugs: 1 known bug matches\n1\. .+ \(xt-mark-ipv6-typo-2024\): high confidence, verdict affected \(verified\): /,
      );
      expect(refused[1]?.content).toContain(`${harness.publicUrl}/bugs/xt-mark-ipv6-typo-2024`);
      await held;
      await busy.background.drain();
      // The refusal's HTTP status and Discord's error code are logged, nothing the person sent.
      const line = logged.find((l) => l.includes("discord refused the answer"));
      expect(JSON.parse(line ?? "{}")).toMatchObject({
        level: "error",
        error: { name: "PlatformRefusal", status: "400", code: "50035", message: "Discord refused the answer: HTTP 400 50035" },
      });
      expect(line).not.toContain("xor-mark");
    } finally {
      spy.mockRestore();
      await busy.cleanup();
    }
  });

  it("queues each person in the channel apart, and says a busy pool is busy (review 63e F2)", { timeout: 60_000 }, async () => {
    // One diagnosis thread held by a script's bundle; every chat command comes from the platform's one address.
    const keys = await ed25519KeyPair();
    const threadModule = new URL("../support/spin-thread.mjs", import.meta.url);
    const busy = await startTestService({ chat: { discordPublicKey: keys.publicKeyHex }, pool: { threads: 1, maxQueue: 4, threadModule } });
    try {
      const ask = async (user: string) => {
        const body = JSON.stringify({ ...diagnoseCommand(SEED_PASTE), member: { user: { id: user } }, guild_id: "G1" });
        const res = await busy.app.request("/integrations/discord/interactions", {
          method: "POST",
          headers: await discordHeaders(keys.privateKey, body),
          body,
        });
        return ((await res.json()) as { data: { content?: string; embeds?: unknown[] } }).data;
      };
      const held = busy.app.request("/diagnose", { method: "POST", headers: { "content-type": "text/plain" }, body: "spin:3000" });
      await new Promise((r) => setTimeout(r, 300));
      // Four people at once: each waits in their own turn (by address they were one client, with two places).
      const answers = await Promise.all(["101", "102", "103", "104"].map(ask));
      for (const a of answers) expect(a.embeds?.length, a.content).toBeGreaterThan(0);
      // One person's third command while two of theirs wait is refused, in words that say to try again.
      const again = busy.app.request("/diagnose", { method: "POST", headers: { "content-type": "text/plain" }, body: "spin:3000" });
      await new Promise((r) => setTimeout(r, 300));
      const three = await Promise.all([ask("105"), ask("105"), ask("105")]);
      const refused = three.filter((a) => !a.embeds?.length);
      expect(refused).toHaveLength(1);
      expect(refused[0]?.content).toMatch(/^known-bugs is busy right now: .*try again/);
      expect((await held).status).toBe(200);
      await again;
    } finally {
      await busy.cleanup();
    }
  });

  it("answers another method on a configured chat route with 405 and Allow: POST", async () => {
    const res = await service.app.request("/integrations/slack/commands");
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
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

interface Embed {
  title?: string;
  description?: string;
  fields?: Array<{ name: string; value: string }>;
}
interface DiscordAnswer {
  content: string;
  embeds: Embed[];
  components: Array<{ components: Array<{ custom_id: string }> }>;
}

/** A Discord interaction signed as Discord signs it, answered by the real app. */
async function discordAnswer(payload: unknown): Promise<DiscordAnswer> {
  const body = JSON.stringify(payload);
  const res = await service.app.request("/integrations/discord/interactions", {
    method: "POST",
    headers: await discordHeaders(harness.discordKey, body),
    body,
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: DiscordAnswer }).data;
}
/** Each rendering check as a person of its own: they ask for more answers than one person's share of a minute. */
let askers = 0;
const diagnose = (log: string) => discordAnswer({ ...diagnoseCommand(log), member: { user: { id: `render-${++askers}` } } });

let slackTriggers = 0;
/** A /known-bugs command signed as Slack signs it; resolves with the answer posted to its response_url. */
async function slackAnswer(text: string): Promise<SlackPost> {
  const responseUrl = hooks.url();
  const body = slashCommandBody({ text, responseUrl, triggerId: `full-${Date.now()}-${++slackTriggers}`, userId: `URENDER${++askers}` });
  const res = await service.app.request("/integrations/slack/commands", {
    method: "POST",
    headers: await slackHeaders(harness.slackSecret, body),
    body,
  });
  expect(res.status).toBe(200);
  const [answer] = (await hooks.waitFor(responseUrl, 1)) as SlackPost[];
  return answer as SlackPost;
}
const slackTexts = (m: SlackPost) =>
  (m.blocks ?? []).flatMap((b) => [b.text?.text ?? "", ...(b.elements ?? []).map((e) => (typeof e.text === "string" ? e.text : ""))]);

/**
 * A fix's text as words: code spans, markdown escapes and line breaks (a chat answer joins wrapped lines) left out, and
 * quote marks (chat shows iptables' `raw' quoting as ‘raw’: review 70d F4).
 */
const words = (s: string) =>
  s
    .replace(/\\([\\*_~|[\]<>])/g, "$1")
    .replace(/[`'‘’ˋ]/g, "")
    .replace(/\s+/g, " ")
    .trim();

/**
 * A fix as a chat answer shows it: whole steps from the first, at least one that acts (not Confirm/Check) when
 * the record has one, and, when steps are left out, a last line counting them and linking the record page.
 */
function expectWholeSteps(id: string, fix: string, shown: string) {
  const lines = shown.split("\n");
  // "2 more steps and a note (step 3: …): <url>": numbered steps and closing notes counted apart (review 70d F5).
  const moreLine = /^(?:(\d+) more steps?)?(?:(?:^| and )(a|\d+) notes?)?(?: \(step \d+: .*\))?: (\S+)$/.exec(lines.at(-1) ?? "");
  const body = words((moreLine ? lines.slice(0, -1) : lines).join("\n"));
  const steps = fixStepsOf(fix);
  // Never cut inside a step: what is shown is the record's first steps, whole.
  const n = steps.findIndex((_, i) => words(steps.slice(0, i + 1).join("\n")) === body) + 1;
  expect(n, `${id}: whole steps shown`).toBeGreaterThan(0);
  const later = steps.slice(n);
  const numbered = later.filter((step) => /^\d+[.)]\s/.test(step)).length;
  const counted = moreLine ? [Number(moreLine[1] ?? 0), moreLine[2] === "a" ? 1 : Number(moreLine[2] ?? 0)] : undefined;
  expect(counted, `${id}: left-out steps and notes counted`).toEqual(later.length ? [numbered, later.length - numbered] : undefined);
  if (moreLine) expect(moreLine[3]).toMatch(new RegExp(`^<?${harness.publicUrl}/bugs/${id}>?$`));
  const acts = (step: string) => /^\d+[.)]\s/.test(step) && !/^\d+[.)]\s+(?:confirm|check)\b/i.test(step);
  if (steps.some(acts)) expect(steps.slice(0, n).some(acts), `${id}: shows a step that acts`).toBe(true);
}

describe("chat answers show what the person needs, whole (Node)", () => {
  it("Discord and Slack: every record's fix is shown in whole steps up to one that acts, then counted and linked", async () => {
    const list = (await (await service.app.request("/bugs?limit=200")).json()) as { total: number; items: Array<{ id: string }> };
    expect(list.items.length).toBe(list.total);
    let cut = 0;
    for (const { id } of list.items) {
      const record = ((await (await service.app.request(`/bugs/${id}`)).json()) as { bug: { fix: string } }).bug;
      const answer = await diagnose(id);
      const fields = answer.embeds[0]?.fields?.filter((f) => f.name.startsWith("Fix")) ?? [];
      for (const f of fields) expect(f.value.length).toBeLessThanOrEqual(1024);
      const shown = fields.map((f) => f.value).join("\n");
      expectWholeSteps(id, record.fix, shown);
      if (/(?:more steps?|notes?)(?: \(.*\))?: \S+$/.test(shown)) cut++;
    }
    // Most fixes fit whole; the few long ones are cut at a step and say so.
    expect(cut).toBeGreaterThan(0);
    expect(cut).toBeLessThan(list.total / 4);

    const xt = "xt-mark-ipv6-typo-2024";
    const xtFix = ((await (await service.app.request(`/bugs/${xt}`)).json()) as { bug: { fix: string } }).bug.fix;
    for (const answer of [await slackAnswer(SEED_PASTE), await slackAnswer(xt)]) {
      const section = slackTexts(answer).find((t) => t.startsWith("*Fix*")) ?? "";
      expect(section).toContain("2. Upgrade the kernel to a fixed build and reboot:");
      const unescaped = section.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
      expectWholeSteps(xt, xtFix, unescaped.split("\n").slice(1).join("\n"));
    }
  });

  it("Discord and Slack: a fix's commands in code spans, their stars kept, and its wrapped lines joined (review 64e F1/F7)", async () => {
    // Discord read the stars of `for foo in /proc/*/fd/*` as emphasis and ate them: the command listed nothing.
    const id = "inotify-max-user-watches-exhausted";
    const discord =
      (await diagnose(id)).embeds[0]?.fields
        ?.filter((f) => f.name.startsWith("Fix"))
        .map((f) => f.value)
        .join("\n") ?? "";
    expect(discord).toMatch(/^ *`for foo in \/proc\/\*\/fd\/\*; do readlink -f \$foo; done \|grep inotify/m);
    expect(discord).toMatch(/^ *`cat \/proc\/sys\/fs\/inotify\/max_user_watches`$/m);
    // A sentence the record wraps is one line, as a chat client wraps it to its own width.
    expect(discord).toContain("the limit is low (8192 in the reports; kubernetes#10421):");
    const slack = slackTexts(await slackAnswer(id)).find((t) => t.startsWith("*Fix*")) ?? "";
    expect(slack).toMatch(/^ *`for foo in \/proc\/\*\/fd\/\*; do readlink -f \$foo; done \|grep inotify/m);
  });
});

describe("Discord's lists (Node)", () => {
  it("cut at whole items with a count of the rest: nodes in the extra embed, unverified notes in their field", async () => {
    const row = (name: string, kernel: string, runtime: string, version: string) =>
      `${name}   Ready    <none>   412d   ${version}   10.20.0.12   <none>   Ubuntu 22.04.5 LTS   ${kernel}   ${runtime}`;
    const fleet = [
      "NAME   STATUS   ROLES   AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE   KERNEL-VERSION   CONTAINER-RUNTIME",
      ...Array.from({ length: 62 }, (_, i) => row(`w-${i}`, "5.15.0-126-generic", "containerd://1.6.20", "v1.26.3")),
      // 60 nodes that differ, listed in more than the 4,096 characters of an embed's description.
      ...Array.from({ length: 60 }, (_, i) =>
        row(`canary-pool-eu-west-1a-ip-10-20-30-${i}`, `5.15.0-${130 + i}-generic`, `containerd://1.7.${i}`, "v1.27.1"),
      ),
    ].join("\n");
    const nodes = (await diagnose(fleet)).embeds.find((e) => e.description?.startsWith("**Nodes that differ"))?.description ?? "";
    const lines = nodes.split("\n").slice(1);
    const more = /^…and (\d+) more nodes that differ/.exec(lines.at(-1) ?? "");
    const items = lines.slice(0, -1);
    expect(items.length).toBeGreaterThan(10);
    for (const item of items)
      expect(item).toMatch(
        /^• canary-pool-eu-west-1a-ip-10-20-30-\d+: differs in kernel, runtime, version; kernel 5\.15\.0-\d+-generic(?:; hit by `[a-z0-9.-]+`(?:, `[a-z0-9.-]+`)*)?$/,
      );
    // Each says the same of its node but its own kernel (review 61a F3: Discord left the kernel out).
    expect(new Set(items.map((i) => i.replace(/^[^:]+/, "").replace(/kernel \S+;?/, "kernel"))).size).toBe(1);
    expect(items.length + Number(more?.[1])).toBe(60);

    const xt = ((await (await service.app.request("/bugs/xt-mark-ipv6-typo-2024")).json()) as { bug: { unverified: string[] } }).bug;
    const field = (await diagnose(SEED_PASTE)).embeds[0]?.fields?.find((f) => f.name === "Unverified")?.value ?? "";
    const plain = (s: string) => s.replace(/\\([\\*_~|[\]])/g, "$1");
    const shown = field.split("\n");
    const rest = /^…and (\d+) more unverified notes in the record\.$/.exec(shown.at(-1) ?? "");
    const notes = shown.slice(0, -1);
    for (const [i, note] of notes.entries()) expect(plain(note)).toBe(`⚠️ ${xt.unverified[i]}`);
    expect(notes.length + Number(rest?.[1])).toBe(xt.unverified.length);
  });
});

describe("Slack's notification text (Node)", () => {
  it("escapes record titles and the person's search words, as the blocks do", async () => {
    const record = await slackAnswer("kube-proxy-ipvs-prereqs-missing");
    expect(record.text).toContain("(&lt;=1.25) or exits (&gt;=1.26)");
    const search = await slackAnswer("kube-proxy <ipvs>");
    expect(search.text).toMatch(/^known-bugs: .*“kube-proxy &lt;ipvs&gt;”$/);
    for (const m of [record, search]) expect(m.text).not.toMatch(/[<>]/);
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
      // Nor does any other method name the route (review 36a: GET said 405 "use POST", which then was 404).
      for (const method of ["GET", "OPTIONS", "PUT"]) {
        const other = await bare.app.request(path, { method });
        expect(other.status, `${method} ${path}`).toBe(404);
        expect(other.headers.get("allow")).toBeNull();
      }
    }
  });

  it("nor the feedback summary without FEEDBACK_TOKEN, token or no token (review 68f F5: public to anyone)", async () => {
    for (const headers of [{}, { authorization: "Bearer 0123456789abcdef0123" }] as Array<Record<string, string>>) {
      const res = await bare.app.request("/feedback/summary", { headers });
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
  });
});

describe("a chat answer's count", () => {
  it("counts the findings the diagnosis's limit left out as not shown (review 60e F4: '10 known bugs match' where 30 did)", async () => {
    const { diagnoseBundle } = await import("../../src/engine/diagnose");
    const { answerFor } = await import("../../src/integrations/answer");
    const run = async (kb: Parameters<typeof diagnoseBundle>[0], text: string) => ({
      ...diagnoseBundle(kb, text),
      limited: { findings: 20, advisories: 3 },
    });
    const answer = await answerFor(service.store, { text: SEED_PASTE, truncated: null, unread: null }, run);
    if (answer.kind !== "diagnosis") throw new Error(`expected a diagnosis, got ${answer.kind}`);
    expect(answer.findings.length + answer.more).toBeGreaterThanOrEqual(21);
    expect(answer.moreAdvisories).toBeGreaterThanOrEqual(3);
  });
});
