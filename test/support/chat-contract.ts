import { expect, it } from "vitest";
import { expectProblem } from "./api-helpers";
import { discordHeaders, interactionBody, nowSeconds, slackEscape, slackHeaders, slashCommandBody } from "./chat-signing";
import { expectDocumented, type OpenApiDocument } from "./documented-schema";
import { kubeletFlagRemovedMidUpgrade } from "./node-object-pastes";
import { COREDNS_LOOP_NO_LEVEL, RELEASE_PLZ_GLIBC } from "./reworded-pastes";
import { UBUNTU_2204_OS_RELEASE, XOR_MARK_JOURNALD, XOR_MARK_KLOG } from "./seed-logs";
import { type Fetch, RETOLD_DNS_TICKET, RETOLD_DNS_TICKET_ON_4_19 } from "./seed-scenarios";
import { CRUN_DECIDE_COMMAND, CRUN_PAST_ITS_LINE } from "./undecided-pastes";

const XT = "xt-mark-ipv6-typo-2024";
const SLACK_COMMANDS = "/integrations/slack/commands";
const SLACK_INTERACTIONS = "/integrations/slack/interactions";
const DISCORD = "/integrations/discord/interactions";
/** The chat doors' share per person and minute on both runtimes: wrangler.toml's binding, the Node harness's setting. */
const PER_MINUTE = 60;

/** The seed incident as an on-call engineer pastes it: uname, os-release and kube-proxy's klog block. */
export const SEED_PASTE = `Linux worker-2 5.15.0-127-generic #137-Ubuntu SMP Fri Nov 8 15:21:01 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux\n${UBUNTU_2204_OS_RELEASE}\n${XOR_MARK_KLOG}`;

/** Four real two-bug pastes in one message (overlay on XFS, Docker's port, a CNI sandbox, Ubuntu's userns and MARK, a TUN device, schema 1 images). */
const MANY_FINDINGS_PASTE =
  '3.10.0-693.2.2.el7.x86_64\nWARNING: overlay: the backing xfs filesystem is formatted without d_type support, which leads to incorrect behavior. Reformat the filesystem with ftype=1 to enable d_type support. Running without d_type support will not be supported in future releases.\nServer Version: 17.06.2-ce\nStorage Driver: overlay\n Backing Filesystem: xfs\n Supports d_type: false\n# docker run --name bind -d --restart=always   --publish 53:53/tcp --publish 53:53/udp --publish 10000:10000/tcp --security-opt seccomp=unconfined   --volume /srv/docker/bind:/data   sameersbn/bind:latest\n7bcb75a86cec4f5d187939208104e32b83419a6b11eabf655be97b69befb246c\ndocker: Error response from daemon: driver failed programming external connectivity on endpoint bind (14e1a51512de042991a14eab288fa25d20be36ef0d49235270617c9d61e19910): iptables failed: iptables --wait -t nat -A DOCKER -p tcp -d 0/0 --dport 10000 -j DNAT --to-destination 172.17.0.2:10000 ! -i docker0: iptables: No chain/target/match by that name.\n (exit status 1).\n  Warning  FailedCreatePodSandBox  60s               kubelet            Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "d9f4c91394d548cca1b189e665fd0532f158bb5bb4407153aa48e1af40afe2f0": plugin type="calico" failed (add): error getting ClusterInformation: connection is unauthorized: Unauthorized\n  Normal   SandboxChanged          5s (x5 over 60s)  kubelet            Pod sandbox changed, it will be killed and re-created.\nAfter my machine was powered on, all pods did not wake up and reported the error "failed to reserve sandbox name \\" xxxx \\ ": name \\" xxx \\ "is reserved for \\" 9d423d30a81701807be0b8664a85380287b605ddd915c4fa8ae195801b25ba9e \\ ""\nLinux cloudron 6.8.0-56-generic #58-Ubuntu SMP PREEMPT_DYNAMIC Fri Feb 14 15:33:28 UTC 2025 x86_64 x86_64 x86_64 GNU/Linux\n\u25b8 Jail Active: /home/username/folder\n  Status bar: enabled\nbwrap: setting up uid map: Permission denied\nWarning: Extension MARK revision 0 not supported, missing kernel module?\nip6tables v1.8.10 (nf_tables):  RULE_APPEND failed (No such file or directory): rule in chain POSTROUTING\n2024-12-04 18:05:45,744 DEBG \'start-script\' stdout output:\n2024-12-04 18:05:45 ERROR: Cannot open TUN/TAP dev /dev/net/tun: Operation not permitted (errno=1)\n2024-12-04 18:05:45 Exiting due to fatal error\nUnable to find image \'teknologist/webnut:latest\' locally\nlatest: Pulling from teknologist/webnut\ndocker: [DEPRECATION NOTICE] Docker Image Format v1 and Docker Image manifest version 2, schema 1 support is disabled by default and will be removed in an upcoming release. Suggest the author of docker.io/teknologist/webnut:latest to upgrade the image to the OCI Format or Docker Image manifest v2, schema 2. More information at https://docs.docker.com/go/deprecated-image-specs/.\nSee \'docker run --help\'.';

/** How a runtime's tests reach the app and see what it posts to Slack's response_url. */
export interface ChatHarness {
  fetch: Fetch;
  /** The service's FEEDBACK_TOKEN (the votes' summary is the curators': review 68f F5). */
  feedbackToken: string;
  slackSecret: string;
  discordKey: CryptoKey;
  publicUrl: string;
  /** A fresh response_url whose deliveries this harness records. */
  responseUrl(): string;
  /** The JSON bodies posted to `url`, once at least `n` have arrived (fails after a few seconds). */
  delivered(url: string, n?: number): Promise<SlackPost[]>;
  /** Resolves when the app's background work (answers after the acknowledgement) is done. */
  settle(): Promise<void>;
  /** The next posts to `url` are answered these ways, in turn (Slack refusing or rate-limiting); those after, 200 "ok". */
  script(url: string, answers: Array<{ status: number; body?: string; headers?: Record<string, string> }>): void;
}

interface SlackBlock {
  type: string;
  block_id?: string;
  text?: { text: string };
  elements?: Array<{ type: string; text?: string | { text: string }; action_id?: string; value?: string }>;
}
export interface SlackPost {
  response_type?: string;
  replace_original?: boolean;
  delete_original?: boolean;
  thread_ts?: string;
  text: string;
  blocks?: SlackBlock[];
}

const blockTexts = (m: SlackPost) =>
  (m.blocks ?? []).flatMap((b) => [
    b.text?.text ?? "",
    ...(b.elements ?? []).map((e) => (typeof e.text === "string" ? e.text : (e.text?.text ?? ""))),
  ]);
const buttons = (m: SlackPost) => (m.blocks ?? []).flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : []));

let triggers = 0;
const triggerId = () => `${Date.now()}.${++triggers}.test`;

/** The chat doors' promises on every runtime, driven by requests signed as Slack and Discord sign them. */
export function chatContract(h: () => ChatHarness) {
  // A client of its own: the summary counts against the limit of /diagnose, which other tests spend.
  const summary = (token = h().feedbackToken, client = "203.0.113.141") =>
    h().fetch("/feedback/summary", {
      headers: { authorization: `Bearer ${token}`, "cf-connecting-ip": client, "x-test-client": client },
    });
  const slack = async (path: string, body: string, extra: Record<string, string> = {}, timestamp?: number) =>
    h().fetch(path, { method: "POST", headers: { ...(await slackHeaders(h().slackSecret, body, timestamp)), ...extra }, body });
  const discord = async (payload: unknown, timestamp?: number, extra: Record<string, string> = {}) => {
    const body = JSON.stringify(payload);
    return h().fetch(DISCORD, { method: "POST", headers: { ...(await discordHeaders(h().discordKey, body, timestamp)), ...extra }, body });
  };
  const command = async (text: string, opts: { responseUrl?: string; trigger?: string; asSlackSends?: boolean; userId?: string } = {}) => {
    const responseUrl = opts.responseUrl ?? h().responseUrl();
    const res = await slack(
      SLACK_COMMANDS,
      slashCommandBody({
        text,
        responseUrl,
        triggerId: opts.trigger ?? triggerId(),
        asSlackSends: opts.asSlackSends ?? false,
        ...(opts.userId ? { userId: opts.userId } : {}),
      }),
    );
    return { res, responseUrl };
  };

  /** A click on an answer's Share button, as Slack posts it, answered at `url`. */
  const shareClick = (url: string, value: string | undefined) =>
    slack(
      SLACK_INTERACTIONS,
      interactionBody({
        type: "block_actions",
        trigger_id: triggerId(),
        response_url: url,
        user: { id: "U0003" },
        container: { type: "message", is_ephemeral: true },
        actions: [{ action_id: "share", block_id: "share", value, type: "button" }],
      }),
    );

  async function expect401(res: Response) {
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const body = (await res.json()) as { status: number; requestId?: string };
    expect(body.status).toBe(401);
    expect(body.requestId).toBeTruthy();
  }

  it("Slack: acknowledges /known-bugs at once and posts the diagnosis to response_url, privately, naming the seed bug", async () => {
    const { res, responseUrl } = await command(SEED_PASTE);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
    const [answer] = await h().delivered(responseUrl);
    expect(answer?.response_type).toBe("ephemeral");
    const texts = blockTexts(answer as SlackPost).join("\n");
    expect(texts).toContain(`\`${XT}\``);
    expect(texts).toContain("verdict *affected (verified)*");
    expect(texts).toContain('unknown option "--xor-mark"');
    expect(texts).toContain(`<${h().publicUrl}/bugs/${XT}|`);
    expect(answer?.text).toContain(XT);
    // Slack's limits: 50 blocks, 3,000 characters per section.
    expect(answer?.blocks?.length).toBeLessThanOrEqual(50);
    for (const b of answer?.blocks ?? []) expect(b.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
    const ids = buttons(answer as SlackPost).map((b) => b.action_id);
    expect(ids).toContain("share");
    expect(ids).toContain("feedback_right");
    expect(ids).toContain("feedback_wrong");
  });

  it("Slack and Discord: answers count per person, not per platform address: over their share a person is told in words when to ask again, and a colleague is still answered (review 64e F2)", async () => {
    // Every signed request comes from the platform's servers: by address, one busy channel spent everyone's answers.
    const paste = "kubelet: nothing to see here";
    const asker = `${Date.now()}`;
    const ask = (user: string) => discord({ ...diagnoseCommand(paste), member: { user: { id: user } }, guild_id: "G-limit" });
    const refusal = /answered you as often this minute as it answers one person; ask again in about \d+ s\./;
    for (let k = 0; k < PER_MINUTE; k++) expect((await ask(asker)).status).toBe(200);
    const over = (await (await ask(asker)).json()) as { type: number; data: { content: string; flags: number; embeds?: unknown[] } };
    expect(over.data.content).toMatch(refusal);
    expect(over.data.flags).toBe(64);
    expect(over.data.embeds).toBeUndefined();
    const colleague = (await (await ask(`${asker}-2`)).json()) as { data: { content?: string; embeds?: unknown[] } };
    expect(colleague.data.content ?? "").not.toMatch(refusal);
    expect(colleague.data.embeds?.length).toBeGreaterThan(0);
    const user = `U${asker}`;
    for (let k = 0; k < PER_MINUTE; k++) expect((await command(paste, { userId: user })).res.status).toBe(200);
    const { res, responseUrl } = await command(paste, { userId: user });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ response_type: "ephemeral", text: expect.stringMatching(refusal) });
    const other = await command(paste, { userId: `${user}2` });
    expect((await other.res.text()).trim()).toBe("");
    const [answer] = await h().delivered(other.responseUrl);
    expect(answer?.text).not.toMatch(refusal);
    await h().settle();
    // The refused command got its words at once: nothing was posted to its response_url.
    expect(await h().delivered(responseUrl, 0)).toEqual([]);
  });

  it("Slack and Discord: unsigned requests count by their sender's address: beyond the share, 429 problem+json with Retry-After", async () => {
    // Its own sender on either runtime (the Worker reads CF-Connecting-IP; the Node harness, its test header).
    const own = { "cf-connecting-ip": "198.51.100.77", "x-test-client": "198.51.100.77" };
    const forged = () =>
      h().fetch(DISCORD, {
        method: "POST",
        headers: { ...own, "x-signature-ed25519": "00", "x-signature-timestamp": `${nowSeconds()}` },
        body: "{}",
      });
    for (let k = 0; k < PER_MINUTE; k++) await expect401(await forged());
    const over = await forged();
    expect(over.status).toBe(429);
    expect(over.headers.get("content-type")).toContain("application/problem+json");
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
    // Signed requests from the platform are another matter: still answered.
    const res = await discord({ type: 1, id: `ping-${crypto.randomUUID()}` }, undefined, own);
    expect(await res.json()).toEqual({ type: 1 });
  });

  it("Slack and Discord: a retold incident no signature matches gets the closest records, marked as not a diagnosis", async () => {
    const { responseUrl } = await command(RETOLD_DNS_TICKET);
    const [answer] = await h().delivered(responseUrl);
    const texts = blockTexts(answer as SlackPost).join("\n");
    expect(texts).toContain("known-bugs: no known bug matched");
    expect(texts).toMatch(/\*Closest records by description\* \(no signature matched: a search result to check, not a diagnosis\)/);
    expect(texts).toContain(`<${h().publicUrl}/bugs/conntrack-udp-dns-race-5s|`);
    const res = await discord(diagnoseCommand(RETOLD_DNS_TICKET));
    const body = (await res.json()) as { data: DiscordData };
    const all = body.data.embeds.map((e) => e.description ?? "").join("\n");
    expect(all).toContain("**Closest records by description**");
    expect(all).toContain(`[\`conntrack-udp-dns-race-5s\`](${h().publicUrl}/bugs/conntrack-udp-dns-race-5s)`);
  });

  it("Slack and Discord: a closest record carries its verdict where the pasted versions decide it", async () => {
    const { responseUrl } = await command(RETOLD_DNS_TICKET_ON_4_19);
    const [answer] = await h().delivered(responseUrl);
    const slack = blockTexts(answer as SlackPost).join("\n");
    expect(slack).toMatch(/\(`conntrack-udp-dns-race-5s`\): shares [^\n]*; your versions: affected \([^)]*\): your kernel \(4\.19\.0\)/);
    const res = await discord(diagnoseCommand(RETOLD_DNS_TICKET_ON_4_19));
    const all = ((await res.json()) as { data: DiscordData }).data.embeds.map((e) => e.description ?? "").join("\n");
    expect(all).toMatch(/`conntrack-udp-dns-race-5s`\][^\n]*; your versions: affected \([^)]*\): your kernel \(4\.19\.0\)/);
  });

  it("Slack and Discord: a flood of one message says how many lines matched, not only the one shown (review 61a F4)", async () => {
    // The conntrack table's overflow, as dmesg repeats it (the record's own line), forty times.
    const flood = Array.from({ length: 40 }, (_, i) => `[${1000 + i}.123456] nf_conntrack: nf_conntrack: table full, dropping packet`).join(
      "\n",
    );
    // A client of its own: the Worker limits each client's chat requests (60 a minute), which the other tests spend.
    const own = { "cf-connecting-ip": "203.0.113.81" };
    const responseUrl = h().responseUrl();
    const body = slashCommandBody({ text: flood, responseUrl, triggerId: triggerId(), asSlackSends: false });
    expect((await slack(SLACK_COMMANDS, body, own)).status).toBe(200);
    const [answer] = await h().delivered(responseUrl);
    expect(blockTexts(answer as SlackPost).join("\n")).toContain("one of 40 matching lines");
    const res = await discord(diagnoseCommand(flood), undefined, own);
    const all = ((await res.json()) as { data: DiscordData }).data.embeds.map((e) => e.description ?? "").join("\n");
    expect(all).toContain("one of 40 matching lines");
  });

  it("Slack and Discord: a reworded line is labelled so, and a finding that only resembles a line is no root cause (review 70d F1, F2)", async () => {
    // A client of its own: the Worker limits each client's chat requests, which the other tests spend.
    const own = { "cf-connecting-ip": "203.0.113.180" };
    const answers = async (paste: string) => {
      const responseUrl = h().responseUrl();
      const body = slashCommandBody({ text: paste, responseUrl, triggerId: triggerId(), asSlackSends: false });
      expect((await slack(SLACK_COMMANDS, body, own)).status).toBe(200);
      const [answer] = await h().delivered(responseUrl);
      const res = await discord(diagnoseCommand(paste), undefined, own);
      const { data } = (await res.json()) as { data: DiscordData };
      const embeds = data.embeds.flatMap((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])]);
      return { slack: answer as SlackPost, discord: [data.content, ...embeds].join("\n") };
    };
    const reworded = await answers(COREDNS_LOOP_NO_LEVEL);
    expect(blockTexts(reworded.slack).join("\n")).toContain(
      "Evidence, line 2 (reworded: matches the signature's words, not its exact text)",
    );
    expect(reworded.discord).toContain("Evidence, line 2 (reworded: matches the signature's words, not its exact text)");
    const lead = await answers(RELEASE_PLZ_GLIBC);
    expect(lead.slack.text).toMatch(/^known-bugs: no known bug matched; resembles /);
    for (const all of [[lead.slack.text, ...blockTexts(lead.slack)].join("\n"), lead.discord]) {
      expect(all).toContain("containerd-1.6.7-release-binaries-glibc-2.34");
      expect(all).not.toMatch(/root cause/i);
    }
  });

  it("Slack and Discord: an undecided verdict ends with the command that would decide it (review 70d F6)", async () => {
    // A client of its own: the Worker limits each client's chat requests, which the other tests spend.
    const own = { "cf-connecting-ip": "203.0.113.112" };
    const responseUrl = h().responseUrl();
    const body = slashCommandBody({ text: CRUN_PAST_ITS_LINE, responseUrl, triggerId: triggerId(), asSlackSends: false });
    expect((await slack(SLACK_COMMANDS, body, own)).status).toBe(200);
    const [answer] = await h().delivered(responseUrl);
    const res = await discord(diagnoseCommand(CRUN_PAST_ITS_LINE), undefined, own);
    const { data } = (await res.json()) as { data: DiscordData };
    const embeds = data.embeds.flatMap((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])]);
    const slackText = blockTexts(answer as SlackPost).join("\n");
    for (const all of [slackText, [data.content, ...embeds].join("\n")]) {
      expect(all).toContain(`To decide: the paste's 1.23.1 may not be the version that failed: run \`${CRUN_DECIDE_COMMAND}\``);
      expect(all).not.toContain("printed only by another version");
    }
  });

  it("Slack and Discord: a node still below a kubelet removal is named under the finding, as in every door (review 70b F6)", async () => {
    // A client of its own: the Worker limits each client's chat requests, which the other tests spend.
    const own = { "cf-connecting-ip": "203.0.113.121" };
    const responseUrl = h().responseUrl();
    const body = slashCommandBody({ text: kubeletFlagRemovedMidUpgrade, responseUrl, triggerId: triggerId(), asSlackSends: false });
    expect((await slack(SLACK_COMMANDS, body, own)).status).toBe(200);
    const [answer] = await h().delivered(responseUrl);
    const res = await discord(diagnoseCommand(kubeletFlagRemovedMidUpgrade), undefined, own);
    const { data } = (await res.json()) as { data: DiscordData };
    const embeds = data.embeds.flatMap((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])]);
    for (const all of [blockTexts(answer as SlackPost).join("\n"), embeds.join("\n")])
      expect(all).toContain("still below kubelet 1.27.0 (hit when upgraded, if set up as worker-2): worker-3");
  });

  it("Slack: answers help at once for empty text and for `help`", async () => {
    for (const text of ["", "help"]) {
      const { res } = await command(text);
      expect(res.status).toBe(200);
      const body = (await res.json()) as SlackPost;
      expect(body.response_type).toBe("ephemeral");
      expect(blockTexts(body).join("\n")).toContain("/known-bugs <log lines>");
    }
  });

  it("Slack: finds the records citing a pasted issue link (as Slack links it) or owner/repo#number", async () => {
    for (const text of ["<https://github.com/kubernetes/kube-proxy/issues/25>", "kubernetes/kube-proxy#25"]) {
      const { responseUrl } = await command(text, { asSlackSends: true });
      const [answer] = await h().delivered(responseUrl);
      expect(blockTexts(answer as SlackPost).join("\n")).toContain(`\`${XT}\``);
    }
  });

  it("Slack: looks up a record by id and searches by CVE", async () => {
    const byId = await command(XT);
    const [record] = await h().delivered(byId.responseUrl);
    expect(blockTexts(record as SlackPost).join("\n")).toContain(`<${h().publicUrl}/bugs/${XT}|${XT}>`);
    // In any case, or in backticks: a ticket's title upper-cases it, a phone capitalises its first letter (review 49b F1).
    for (const typed of [XT.toUpperCase(), `Xt${XT.slice(2)}`, `\`${XT}\``]) {
      const [shown] = await h().delivered((await command(typed)).responseUrl);
      expect(shown?.text, typed).not.toMatch(/records? match/);
      expect(blockTexts(shown as SlackPost).join("\n"), typed).toContain(`<${h().publicUrl}/bugs/${XT}|${XT}>`);
    }
    const byCve = await command("CVE-2024-50038");
    const [search] = await h().delivered(byCve.responseUrl);
    expect(search?.text).toContain("CVE-2024-50038");
    expect(blockTexts(search as SlackPost).join("\n")).toContain(`\`${XT}\``);
  });

  it("Slack and Discord: a search by the field report's commit says the sources contradict it", async () => {
    // On-call people paste the commit a write-up blamed (review 28a): the answer must not let it pass as the cause.
    const { responseUrl } = await command("862c95d9859f");
    const [search] = await h().delivered(responseUrl);
    const texts = blockTexts(search as SlackPost).join("\n");
    expect(texts).toContain(`\`${XT}\``);
    expect(texts).toContain(
      ":warning: Your search names commit 862c95d9859f: misreported: contradicted by the sources (the record gives the real one)",
    );
    expect(search?.text).toMatch(/^known-bugs: 1 record matches /);
    const res = await discord(diagnoseCommand("862c95d9859f"));
    const answer = ((await res.json()) as { data: DiscordData }).data;
    expect(answer.content).toMatch(/^1 record matches /);
    expect(answer.embeds[0]?.fields?.[0]?.value).toContain("⚠️ Your search names commit 862c95d9859f: misreported");
    // A question about an id finds its record by the id (review 29b: "no record matches").
    // Any of the ids it names (review 29c: a container's hex id beside it gave "no record matches"); chat's bold too.
    const asked = await command("container 3f4e5a6b7c8d crashed, is it *CVE-2024-50038*?");
    const [answered] = await h().delivered(asked.responseUrl);
    expect(blockTexts(answered as SlackPost).join("\n")).toContain("Your search names cve CVE-2024-50038: verified");
    // An id past the 200 characters of words searched is still the question's (review 30a).
    const long = await command(
      `the nodes keep flapping between ready and notready every few minutes since the upgrade, ${"and more ".repeat(14)}is it CVE-2024-50038?`,
    );
    const [longAnswer] = await h().delivered(long.responseUrl);
    expect(blockTexts(longAnswer as SlackPost).join("\n")).toContain("Your search names cve CVE-2024-50038: verified");
    // A verified id is named as verified, with no warning.
    const cve = await command("CVE-2024-50038");
    const [verified] = await h().delivered(cve.responseUrl);
    const cveTexts = blockTexts(verified as SlackPost).join("\n");
    expect(cveTexts).toContain("Your search names cve CVE-2024-50038: verified");
    expect(cveTexts).not.toContain(":warning:");
  });

  it("Slack and Discord: a headline says so when the versions rule out every bug the log matches", async () => {
    // The seed's lines on the kernel before the regression (5.15.0-126): the MARK bug matches, not affected (verified).
    const before = SEED_PASTE.replace("5.15.0-127-generic #137-Ubuntu SMP Fri Nov 8", "5.15.0-126-generic #136-Ubuntu SMP Wed Nov 6");
    const { responseUrl } = await command(before);
    const [answer] = await h().delivered(responseUrl);
    expect(blockTexts(answer as SlackPost)[0]).toBe("known-bugs: 1 known bug matches the log; your versions are not affected by it");
    const res = await discord(diagnoseCommand(before));
    expect(((await res.json()) as { data: DiscordData }).data.content).toMatch(
      /^\*\*known-bugs: 1 known bug matches the log; your versions are not affected by it\*\*/,
    );
    // On the affected kernel the headline is the plain count.
    const seed = await command(SEED_PASTE);
    const [affected] = await h().delivered(seed.responseUrl);
    expect(blockTexts(affected as SlackPost)[0]).toBe("known-bugs: 1 known bug matches");
    // So it is when the failing node is out of range but another of the paste's nodes is in it (review 51e F2).
    const fleet = `$ kubectl get nodes -o wide
NAME       STATUS   ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION       CONTAINER-RUNTIME
worker-1   Ready    <none>   40d   v1.30.4   10.0.0.11     <none>        Ubuntu 22.04.5 LTS   5.15.0-126-generic   containerd://1.7.22
worker-2   Ready    <none>   40d   v1.30.4   10.0.0.12     <none>        Ubuntu 22.04.5 LTS   5.15.0-127-generic   containerd://1.7.22
${XOR_MARK_JOURNALD.replaceAll("k8s-192-168-3-26", "worker-1")}`;
    const mixed = await command(fleet);
    const [inRange] = await h().delivered(mixed.responseUrl);
    expect(blockTexts(inRange as SlackPost)[0]).toBe("known-bugs: 1 known bug matches");
    const fleetRes = await discord(diagnoseCommand(fleet));
    const fleetAnswer = ((await fleetRes.json()) as { data: DiscordData }).data;
    expect(fleetAnswer.content).toMatch(/^\*\*known-bugs: 1 known bug matches\*\*/);
    // Which node shows it, and which other is in its range, as every door says (review 68e F1: chat named neither).
    for (const text of [blockTexts(inRange as SlackPost).join("\n"), JSON.stringify(fleetAnswer.embeds)]) {
      expect(text).toContain("ruled out on worker-1: its versions are outside this bug's range");
      expect(text).toContain("also in range, no symptom shown for them yet: worker-2");
    }
  });

  it("Slack: `share` answers in the channel, without a share button", async () => {
    const { responseUrl } = await command(`share ${XOR_MARK_KLOG}`);
    const [answer] = await h().delivered(responseUrl);
    expect(answer?.response_type).toBe("in_channel");
    expect(answer?.text).toContain(XT);
    expect(buttons(answer as SlackPost).map((b) => b.action_id)).not.toContain("share");
  });

  it("Slack: refuses a bad signature, a stale timestamp and missing headers with 401 problem+json", async () => {
    const body = slashCommandBody({ text: XOR_MARK_KLOG, responseUrl: h().responseUrl(), triggerId: triggerId() });
    const good = await slackHeaders(h().slackSecret, body);
    await expect401(await h().fetch(SLACK_COMMANDS, { method: "POST", headers: await slackHeaders("not-the-secret", body), body }));
    await expect401(await h().fetch(SLACK_COMMANDS, { method: "POST", headers: good, body: `${body}&text=tampered` }));
    await expect401(
      await h().fetch(SLACK_COMMANDS, { method: "POST", headers: await slackHeaders(h().slackSecret, body, nowSeconds() - 6 * 60), body }),
    );
    await expect401(await h().fetch(SLACK_COMMANDS, { method: "POST", headers: { ...good, "x-slack-signature": "v0=zz" }, body }));
    for (const missing of ["x-slack-signature", "x-slack-request-timestamp"]) {
      const headers = { ...good };
      delete headers[missing as keyof typeof headers];
      await expect401(await h().fetch(SLACK_COMMANDS, { method: "POST", headers, body }));
    }
    await expect401(
      await h().fetch(SLACK_INTERACTIONS, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body }),
    );
    // A signed JSON body is no slash command: said so, not "lacks a valid response_url" (review 42a).
    const json = JSON.stringify({ text: XOR_MARK_KLOG });
    const res = await slack(SLACK_COMMANDS, json, { "content-type": "application/json" });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { detail: string }).detail).toContain("the form Slack sends");
  });

  it("Slack: an answer response_url rate-limits (429) is posted again, a 5xx not twice, and one refused for its blocks is said as text (review 68e F5, 68j F3)", async () => {
    // Its own client and person: the Worker limits each client's chat requests, which the other tests spend.
    const own = { "cf-connecting-ip": "203.0.113.92" };
    const answered = async (answers: Parameters<ChatHarness["script"]>[1]) => {
      const responseUrl = h().responseUrl();
      h().script(responseUrl, answers);
      const body = slashCommandBody({ text: SEED_PASTE, responseUrl, triggerId: triggerId(), asSlackSends: false, userId: "U-REFUSED" });
      expect((await slack(SLACK_COMMANDS, body, own)).status).toBe(200);
      // The retry waits its turn: the answer's work done first (a cold pool may take seconds).
      await h().settle();
      return h().delivered(responseUrl, 2);
    };
    // A 429 asking for a second: the same answer again, once. A 500 is not posted again: Slack may have posted it already,
    // and the channel would read it twice (review 68j F3).
    const responseUrl = h().responseUrl();
    h().script(responseUrl, [{ status: 500, body: "internal_error" }]);
    const once = slashCommandBody({ text: SEED_PASTE, responseUrl, triggerId: triggerId(), asSlackSends: false, userId: "U-REFUSED" });
    expect((await slack(SLACK_COMMANDS, once, own)).status).toBe(200);
    await h().settle();
    const [failed] = await h().delivered(responseUrl, 1);
    expect(blockTexts(failed as SlackPost).join("\n")).toContain(`\`${XT}\``);
    expect(await h().delivered(responseUrl)).toHaveLength(1);
    const [limited, afterWait] = await answered([{ status: 429, headers: { "retry-after": "1" } }]);
    expect(afterWait).toEqual(limited);
    // Refused for what its blocks hold: the answer's headline, top finding, verdict and record link, as text alone.
    const [rich, plain] = await answered([{ status: 400, body: "invalid_blocks" }]);
    expect(rich?.blocks?.length).toBeGreaterThan(0);
    expect(plain?.blocks).toBeUndefined();
    expect(plain?.response_type).toBe("ephemeral");
    expect(plain?.text).toMatch(
      new RegExp(`^known-bugs: 1 known bug matches\n1\\. .+ \\(${XT}\\): high confidence, verdict affected \\(verified\\): `),
    );
    expect(plain?.text).toContain(`\n${h().publicUrl}/bugs/${XT}\n`);
    // It says what a chat user can do for the whole report: the page's paste form (review 70d F3: "one POST /diagnose away").
    expect(plain?.text).toMatch(new RegExp(`; paste the whole log at ${h().publicUrl}/ for the full report\\.$`));
  });

  it("Slack: a retry of the same command (X-Slack-Retry-Num) does not answer twice", async () => {
    const responseUrl = h().responseUrl();
    const body = slashCommandBody({ text: XOR_MARK_KLOG, responseUrl, triggerId: triggerId() });
    const first = await slack(SLACK_COMMANDS, body);
    const retry = await slack(SLACK_COMMANDS, body, { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" });
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    await h().delivered(responseUrl, 1);
    await h().settle();
    expect(await h().delivered(responseUrl)).toHaveLength(1);
  });

  it("Slack: the message shortcut diagnoses that message's text", async () => {
    const responseUrl = h().responseUrl();
    const payload = messageShortcut(responseUrl, `\`\`\`${slackEscape(SEED_PASTE)}\`\`\``);
    const res = await slack(SLACK_INTERACTIONS, interactionBody(payload));
    expect(res.status).toBe(200);
    const [answer] = await h().delivered(responseUrl);
    expect(answer?.text).toContain(XT);
  });

  it("Slack: a message's attachments and sections are read, its files named as not read, its own answers not diagnosed again (review 67h F1, F3)", async () => {
    const ask = async (message: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
      const responseUrl = h().responseUrl();
      const payload = { ...messageShortcut(responseUrl, ""), ...extra, message: { type: "message", ts: "1700000000.000200", ...message } };
      expect((await slack(SLACK_INTERACTIONS, interactionBody(payload))).status).toBe(200);
      const [answer] = await h().delivered(responseUrl);
      return JSON.stringify(answer);
    };
    // A comment beside a snippet: the words are diagnosed, and the answer says first that the file was not.
    const filed = await ask({
      text: "kube-proxy on worker-3 keeps failing since the patch window, log attached",
      files: [{ name: "kube-proxy.log", mode: "snippet" }],
    });
    expect(filed).toContain("The file kube-proxy.log was not read");
    // A file alone: no text, and what to send instead.
    expect(await ask({ text: "", files: [{ name: "kube-proxy.log" }] })).toContain("The file kube-proxy.log was not read");
    // An alert bot's lines in an attachment, and in a section block under a fallback headline: read.
    expect(await ask({ text: "[FIRING:1] KubeProxyErrors", attachments: [{ title: "kube-proxy", text: SEED_PASTE }] })).toContain(XT);
    expect(
      await ask({ text: "[FIRING:1] KubeProxyErrors", blocks: [{ type: "section", text: { type: "mrkdwn", text: SEED_PASTE } }] }),
    ).toContain(XT);
    // Parts of a shape the app does not foresee are no reason to leave the message unanswered.
    expect(await ask({ text: SEED_PASTE, blocks: [{ type: "section", fields: "odd" }], attachments: { a: 1 }, files: [1] })).toContain(XT);
    // The app's own answer, shared in the channel: not diagnosed as a log, whether Slack names the app that posted it or
    // only the answer's own footer block tells it (review 67j F1).
    const ownFooter = { type: "context", block_id: "known-bugs-answer", elements: [{ type: "mrkdwn", text: "known-bugs" }] };
    for (const own of [
      await ask({ text: `known-bugs: 1 record matches (${XT})`, app_id: "A0KB", bot_id: "B0001" }, { api_app_id: "A0KB" }),
      await ask({ text: "known-bugs: no known bug matched", bot_id: "B0001", blocks: [ownFooter] }),
    ]) {
      expect(own).toContain("known-bugs' own answer");
      expect(own).not.toContain("Evidence");
    }
    // Another bot's alert with a "share" button of its own is diagnosed.
    const alert = await ask(
      {
        text: "[FIRING:1] KubeProxyErrors",
        bot_id: "B0999",
        app_id: "A0ALERT",
        blocks: [
          { type: "section", text: { type: "mrkdwn", text: SEED_PASTE } },
          { type: "actions", elements: [{ type: "button", action_id: "share", value: "x" }] },
        ],
      },
      { api_app_id: "A0KB" },
    );
    expect(alert).toContain(XT);
    // A link's preview is Slack's, not the person's: the link alone finds the records citing it.
    const linked = await ask({
      text: "<https://github.com/opencontainers/runc/issues/4971>",
      attachments: [
        {
          from_url: "https://github.com/opencontainers/runc/issues/4971",
          service_name: "GitHub",
          title: "tmpfs mode",
          text: "runc 1.3.3 makes tmpfs 0755",
        },
      ],
    });
    expect(linked).toContain("runc-nov-2025-tmpfs-mode-0755");
    // A question with a screenshot: the record it names, and the file said not read, with advice for an image.
    const question = await ask({ text: XT, files: [{ name: "screen.png", mimetype: "image/png" }] });
    expect(question).toContain("The file screen.png was not read");
    expect(question).toContain("Paste the log's lines as text");
  });

  it("Slack and Discord: a message whose log is in a file not read is headlined so, never 'no known bug matched' alone (review 68e F2)", async () => {
    // Its own client and people: the Worker limits each client's chat requests, which the other tests spend.
    const own = { "cf-connecting-ip": "203.0.113.91" };
    const comment = "kube-proxy on worker-3 is broken since the patch window, log attached";
    const shortcut = async (text: string, file: string) => {
      const responseUrl = h().responseUrl();
      const payload = {
        ...messageShortcut(responseUrl, ""),
        user: { id: "U-UNREAD" },
        message: { type: "message", ts: "1700000000.000300", text, files: [{ name: file, mimetype: "text/plain", mode: "snippet" }] },
      };
      expect((await slack(SLACK_INTERACTIONS, interactionBody(payload), own)).status).toBe(200);
      const [answer] = await h().delivered(responseUrl);
      return answer as SlackPost;
    };
    const none = "known-bugs: the file kube-proxy.log was not read; no known bug matched the message's text";
    const slackNone = await shortcut(comment, "kube-proxy.log");
    // The headline and the notification (sidebar, push) both, and no records resembling the comment's words ("window").
    expect(blockTexts(slackNone)[0]).toBe(none);
    expect(slackNone.text).toBe(none);
    expect(JSON.stringify(slackNone)).toContain("The file kube-proxy.log was not read: only the message's text is.");
    expect(JSON.stringify(slackNone)).not.toContain("Closest records");
    // What the text itself shows is still found, and said to be the text's.
    const slackFound = await shortcut(SEED_PASTE, "more.log");
    expect(blockTexts(slackFound)[0]).toBe("known-bugs: 1 known bug matches the message's text (the file more.log was not read)");
    expect(slackFound.text).toMatch(
      new RegExp(`^known-bugs: .*\\(${XT}, .*\\): matches the message's text \\(the file more\\.log was not read\\)$`),
    );
    const diagnoseMessage = async (content: string, filename: string) => {
      const res = await discord(
        {
          type: 2,
          id: `m-${crypto.randomUUID()}`,
          application_id: "1",
          data: {
            id: "c2",
            name: "Diagnose",
            type: 3,
            target_id: "m9",
            resolved: { messages: { m9: { id: "m9", content, attachments: [{ filename, content_type: "text/plain; charset=utf-8" }] } } },
          },
          member: { user: { id: "D-UNREAD" } },
        },
        undefined,
        own,
      );
      return ((await res.json()) as { data: DiscordData }).data;
    };
    const discordNone = await diagnoseMessage(comment, "message.txt");
    expect(discordNone.content.split("\n")[0]).toBe(
      "**known-bugs: the file message.txt was not read; no known bug matched the message's text**",
    );
    expect(JSON.stringify(discordNone)).not.toContain("Closest records");
    const discordFound = await diagnoseMessage(SEED_PASTE, "message.txt");
    expect(discordFound.content.split("\n")[0]).toBe(
      "**known-bugs: 1 known bug matches the message's text (the file message.txt was not read)**",
    );
    expect(discordFound.embeds[0]?.description).toContain(XT);
  });

  it("Slack: a long message is diagnosed at its start and its end, and the answer says which lines were left out", async () => {
    // Over the 20,000 characters diagnosed, under the 64 KB body limit of the workerd tests.
    const filler = Array.from(
      { length: 300 },
      (_, i) => `I1113 16:15:${String(i % 60).padStart(2, "0")}.000000 1 proxier.go:820] "SyncProxyRules complete" elapsed="22ms"`,
    );
    const shortcut = async (text: string) => {
      const responseUrl = h().responseUrl();
      const payload = messageShortcut(responseUrl, text);
      expect((await slack(SLACK_INTERACTIONS, interactionBody(payload))).status).toBe(200);
      const [answer] = await h().delivered(responseUrl);
      return { answer, texts: blockTexts(answer as SlackPost).join("\n") };
    };
    // The error at the end of the log, where errors usually are.
    const tail = `${filler.join("\n")}\n\n${XOR_MARK_KLOG}`;
    const { answer, texts } = await shortcut(tail);
    expect(answer?.text).toContain(XT);
    expect(texts).toMatch(
      /only its start and end were diagnosed \([\d,]+ of [\d,]+ characters\); characters [\d,]+–[\d,]+ \(lines \d+–\d+\) were left out/,
    );
    // Kept lines keep their numbers: the block's decisive line (its fourth: a blank line and two klog lines before it) is quoted with its line.
    expect(texts).toMatch(
      new RegExp(
        `Evidence, line ${filler.length + 4}:\\n\`\`\`exit status 2: ip6tables-restore v1\\.8\\.4 \\(legacy\\): unknown option "--xor-mark"`,
      ),
    );
    // Nothing found is said of the part read only.
    const { answer: none, texts: noneTexts } = await shortcut(filler.join("\n"));
    expect(none?.text).toBe("known-bugs: no known bug matched the part read");
    expect(noneTexts).toContain("the lines left out were not read");
    // An advisory says no line *read* matches: the bug's line may be among those left out (review 65e F4: it said "no
    // line of the log matches" of a log whose matching line was in the cut).
    const uname = "Linux worker-3 5.15.0-127-generic #137-Ubuntu SMP Fri Nov 8 15:21:01 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux";
    const middle = `${uname}\n${filler.slice(0, 60).join("\n")}\n${XOR_MARK_KLOG}\n${filler.slice(60).join("\n")}`;
    const { texts: cutTexts } = await shortcut(middle);
    expect(cutTexts).toMatch(/no line read matches this bug's signatures \(lines \d+–\d+ were left out\)/);
    expect(cutTexts).not.toContain("no line of the log matches");
  });

  it("Slack and Discord: a message quoted whole is read as the paste it quotes (review 65e F3)", async () => {
    // People quote a colleague's paste (Slack's and Discord's "> " blockquote) before running the shortcut on it.
    const quoted = SEED_PASTE.split("\n")
      .map((l) => (l ? `> ${l}` : ">"))
      .join("\n");
    const responseUrl = h().responseUrl();
    expect((await slack(SLACK_INTERACTIONS, interactionBody(messageShortcut(responseUrl, slackEscape(quoted))))).status).toBe(200);
    const [answer] = await h().delivered(responseUrl);
    const texts = blockTexts(answer as SlackPost).join("\n");
    expect(texts).toContain("verdict *affected (verified)*");
    expect(texts).not.toContain("quoted line");
    const res = await discord(diagnoseCommand(quoted), undefined, { "cf-connecting-ip": "203.0.113.84" });
    const all = ((await res.json()) as { data: DiscordData }).data.embeds.map((e) => e.description ?? "").join("\n");
    expect(all).toContain("affected (verified)");
    // Under the person's own sentence, the quoted paste is theirs too (review 66e F2: its uname unread, "no kernel version
    // given", medium).
    const asked = `worker-3 kube-proxy is failing since the patch window, anyone seen this?\n${quoted}`;
    const again = await discord(diagnoseCommand(asked), undefined, { "cf-connecting-ip": "203.0.113.85" });
    const said = ((await again.json()) as { data: DiscordData }).data.embeds.map((e) => e.description ?? "").join("\n");
    expect(said).toContain("affected (verified)");
    expect(said).not.toContain("no kernel of the failing host was read");
    // A sentence saying the quote is another's keeps it another's: hedged as a quoted line (review 66i F2).
    const theirs = `${quoted}\nSomeone posted this in the kube-proxy issue tracker, not from our cluster. Would it hit us?`;
    const hedged = await discord(diagnoseCommand(theirs), undefined, { "cf-connecting-ip": "203.0.113.86" });
    const text = JSON.stringify(((await hedged.json()) as { data: unknown }).data);
    expect(text).toMatch(/quoted line/);
  });

  it("Slack: a long nodes table cut in its middle is still read from its kept rows, so the answer names the broken nodes", async () => {
    // 170 nodes; the last 15 run the broken kernel. Only the table's start and end are diagnosed in chat.
    const header =
      "NAME            STATUS   ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION       CONTAINER-RUNTIME";
    const rows = Array.from({ length: 170 }, (_, i) => {
      const name = `ip-10-0-0-${i}`.padEnd(15);
      const kernel = i < 155 ? "5.15.0-126-generic" : "5.15.0-127-generic";
      return `${name} Ready    <none>   40d   v1.26.3   10.0.0.${String(i).padEnd(5)} <none>        Ubuntu 22.04.5 LTS   ${kernel}   containerd://1.6.20`;
    });
    const responseUrl = h().responseUrl();
    const payload = messageShortcut(responseUrl, `$ kubectl get nodes -o wide\n${header}\n${rows.join("\n")}\n${XOR_MARK_KLOG}`);
    expect((await slack(SLACK_INTERACTIONS, interactionBody(payload))).status).toBe(200);
    const [answer] = await h().delivered(responseUrl);
    const texts = blockTexts(answer as SlackPost).join("\n");
    expect(texts).toContain("were left out");
    expect(answer?.text).toContain(XT);
    expect(texts).toMatch(/affected \((?:range )?verified/);
    expect(texts).not.toMatch(/not affected \(verified\)/);
  });

  it("Slack: a cut that left out the one node in range never says 'not affected' for certain (review 32a)", async () => {
    // 170 nodes; only node 40 runs the broken kernel, and its row lies in the part left out.
    const header =
      "NAME            STATUS   ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION       CONTAINER-RUNTIME";
    const rows = Array.from({ length: 170 }, (_, i) => {
      const name = `ip-10-0-0-${i}`.padEnd(15);
      const kernel = i === 40 ? "5.15.0-127-generic" : "5.15.0-126-generic";
      return `${name} Ready    <none>   40d   v1.26.3   10.0.0.${String(i).padEnd(5)} <none>        Ubuntu 22.04.5 LTS   ${kernel}   containerd://1.6.20`;
    });
    const responseUrl = h().responseUrl();
    const payload = messageShortcut(responseUrl, `$ kubectl get nodes -o wide\n${header}\n${rows.join("\n")}\n${XOR_MARK_KLOG}`);
    expect((await slack(SLACK_INTERACTIONS, interactionBody(payload))).status).toBe(200);
    const [answer] = await h().delivered(responseUrl);
    const texts = blockTexts(answer as SlackPost);
    expect(texts.join("\n")).toContain("were left out");
    expect(texts[0]).toBe("known-bugs: 1 known bug matches");
    expect(texts.join("\n")).toMatch(/not affected \(range verified; the version read may not be the failing one\)/);
    expect(texts.join("\n")).toMatch(/were left out, and may hold other versions/);
  });

  it("Slack and Discord: every finding past the three shown is named with its confidence, verdict and reboot, and the full report is the page's paste form (review 70d F3)", async () => {
    // Four real two-bug pastes in one message: ten findings, seven past the three shown, four of those medium.
    const paste = MANY_FINDINGS_PASTE;
    const own = { "cf-connecting-ip": "203.0.113.240", "x-test-client": "203.0.113.240" };
    const api = await h().fetch("/diagnose", { method: "POST", headers: { "content-type": "text/plain", ...own }, body: paste });
    const { findings } = (await api.json()) as { findings: Array<{ id: string }> };
    const hidden = findings.slice(3).map((f) => f.id);
    expect(hidden.length).toBeGreaterThanOrEqual(4);
    const res = await discord(diagnoseCommand(paste), undefined, { "cf-connecting-ip": "203.0.113.241" });
    const content = ((await res.json()) as { data: DiscordData }).data.content;
    const { responseUrl } = await command(paste);
    const [answer] = await h().delivered(responseUrl);
    const slack = blockTexts(answer as SlackPost).join("\n");
    for (const text of [slack, content.replace(/\\([\\*_~|[\]<>])/g, "$1")]) {
      expect(text).toContain(`${hidden.length} more findings not shown`);
      expect(text).toContain(`paste the whole log at ${h().publicUrl}/ for the full report`);
      expect(text).not.toContain("POST /diagnose");
      // One line each: rank, id, confidence, verdict and reboot.
      for (const [i, id] of hidden.entries())
        expect(text).toMatch(
          new RegExp(
            `• ${i + 4}\\. .*\\(\`${id}\`\\): (high|medium|low) confidence \\(\\d\\.\\d\\d\\), verdict .+, (reboot required|no reboot needed|reboot may be needed)`,
          ),
        );
    }
    expect(content.length).toBeLessThanOrEqual(2000);
    for (const b of answer?.blocks ?? []) expect(b.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
  });

  it("Slack and Discord: backticks in record prose and in log lines never leave a code span open, and commands keep theirs (review 70d F4)", async () => {
    // Real pastes: iptables' `raw' quoting, which the record's fix quotes (telnetdoogie/synology-docker#48), and a kubeadm
    // warning pasted in backticks (geerlingguy/ansible-role-kubernetes#27), its evidence line starting and ending in one.
    const synology =
      'Start container speedtest-tracker-dsl failed: {"message":"failed to set up container networking: failed to create endpoint speedtest-tracker-dsl on network speedtest-tracker-dsl_default: Unable to enable DIRECT ACCESS FILTERING - DROP rule:  (iptables failed: iptables --wait -t raw -A PREROUTING -d 172.18.0.2 ! -i docker-41d47e9e -j DROP: iptables v1.8.3 (legacy): can\'t initialize iptables table `raw\': Table does not exist (do you need to insmod?)\\nPerhaps iptables or your kernel needs to be upgraded.\\n (exit status 3))"}.';
    const ipvs =
      "`[WARNING RequiredIPVSKernelModulesAvailable]: the IPVS proxier will not be used, because the following required kernel modules are not loaded: [ip_vs_wrr ip_vs_sh ip_vs ip_vs_rr] or no builtin kernel ipvs support: map[nf_conntrack_ipv4:{} ip_vs:{} ip_vs_rr:{} ip_vs_wrr:{} ip_vs_sh:{}]`";
    const ips = ["203.0.113.242", "203.0.113.243"];
    for (const [i, paste] of [synology, ipvs].entries()) {
      const res = await discord(diagnoseCommand(paste), undefined, { "cf-connecting-ip": ips[i] as string });
      const data = ((await res.json()) as { data: DiscordData }).data;
      const { responseUrl } = await command(paste);
      const [answer] = await h().delivered(responseUrl);
      const slackFields = blockTexts(answer as SlackPost);
      const discordFields = [data.content, ...data.embeds.flatMap((e) => [e.description ?? "", ...(e.fields ?? []).map((f) => f.value)])];
      for (const field of [...slackFields, answer?.text ?? ""]) expect(spansClose(field), field).toBe(true);
      for (const field of discordFields) expect(spansClose(field.replace(/\\`/g, "")), field).toBe(true);
      if (paste === synology) {
        // The commands after the quote are code again, not prose with escaped underscores and stars.
        const slackFix = slackFields.find((t) => t.startsWith("*Fix*")) ?? "";
        expect(slackFix).toContain("table ‘raw’");
        expect(slackFix).toContain("`modprobe iptable_raw`");
        const discordFix = data.embeds[0]?.fields?.find((f) => f.name.startsWith("Fix"))?.value ?? "";
        expect(discordFix).toContain("`find /lib/modules/$(uname -r) -name 'iptable_raw.ko*'`");
      }
    }
  });

  it("Slack and Discord: a cut fix counts its later steps apart from its closing note, and names a later step a shown one refers to (review 70d F5)", async () => {
    // The MARK record's fix: steps 1–2 shown, step 2 ending "boot the last good one (step 3)"; steps 3, 4 and a note left.
    const said = `2 more steps and a note (step 3: If no fixed kernel is available yet, boot the last good kernel and hold it): ${h().publicUrl}/bugs/${XT}`;
    const res = await discord(diagnoseCommand(SEED_PASTE), undefined, { "cf-connecting-ip": "203.0.113.244" });
    const fields = ((await res.json()) as { data: DiscordData }).data.embeds[0]?.fields ?? [];
    const values = fields.filter((f) => f.name.startsWith("Fix")).map((f) => f.value);
    expect(values.join("\n")).toContain(said);
    const { responseUrl } = await command(SEED_PASTE);
    const [answer] = await h().delivered(responseUrl);
    const fix = blockTexts(answer as SlackPost).find((t) => t.startsWith("*Fix*")) ?? "";
    expect(fix).toContain("(step 3)");
    expect(fix).toContain(said.replace(`${h().publicUrl}/bugs/${XT}`, `<${h().publicUrl}/bugs/${XT}>`));
    expect(fix).not.toContain("3 more steps");
  });

  it("Discord: nodes whose rows a chat cut left out are not said to be missing from the nodes table (review 70b F8)", async () => {
    // 100 nodes, every one printing the error: rows 32–79 of the table lie in the part a chat answer leaves out.
    const nodes = Array.from({ length: 100 }, (_, i) => `ip-10-20-${Math.floor(i / 10)}-${100 + i}`);
    const paste = [
      "$ kubectl get nodes -o wide",
      "NAME STATUS ROLES AGE VERSION INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME",
      ...nodes.map(
        (n, i) =>
          `${n}.ec2.internal Ready <none> 88d v1.30.6 10.20.${Math.floor(i / 10)}.${100 + i} <none> Ubuntu 22.04.5 LTS 5.15.0-127-generic containerd://1.7.22`,
      ),
      "$ journalctl -D /srv/journal-remote -u kube-proxy -o short | grep xor-mark",
      ...nodes.map(
        (n) => `Dec 17 15:38:23 ${n} kube-proxy[2211]: exit status 2: ip6tables-restore v1.8.7 (nf_tables): unknown option "--xor-mark"`,
      ),
    ].join("\n");
    const res = await discord(diagnoseCommand(paste), undefined, { "cf-connecting-ip": "203.0.113.245" });
    const data = ((await res.json()) as { data: DiscordData }).data;
    expect(data.content).toContain("(lines 32–79) were left out");
    const said = data.embeds.map((e) => e.description ?? "").join("\n");
    expect(said).toContain(XT);
    // The machines whose rows were cut are said to be in the rows read no more, and where their rows went is said.
    expect(said).toContain("the nodes table's rows read do not list them (its rows went on in lines 32–79, which were left out)");
    expect(said).not.toContain("the nodes table does not list");
  });

  it("Slack: Share in channel posts the private answer for everyone, once", async () => {
    const { responseUrl } = await command(XOR_MARK_KLOG);
    const [privateAnswer] = await h().delivered(responseUrl);
    const share = buttons(privateAnswer as SlackPost).find((b) => b.action_id === "share");
    expect(share?.value).toBeTruthy();
    const click = (url: string) => shareClick(url, share?.value);
    const shareUrl = h().responseUrl();
    expect((await click(shareUrl)).status).toBe(200);
    const [shared, removed] = await h().delivered(shareUrl, 2);
    expect(shared?.response_type).toBe("in_channel");
    expect(shared?.text).toBe(privateAnswer?.text);
    expect(blockTexts(shared as SlackPost).join("\n")).toContain("Shared by <@U0003>");
    expect(buttons(shared as SlackPost).map((b) => b.action_id)).not.toContain("share");
    expect(removed?.delete_original).toBe(true);
    const again = h().responseUrl();
    await click(again);
    const [refused] = await h().delivered(again);
    expect(refused?.text).toContain("can no longer be shared");
  });

  it("Slack: an answer about a message in a thread goes to that thread, and so does its share (review 67h F4)", async () => {
    const responseUrl = h().responseUrl();
    const payload = {
      ...messageShortcut(responseUrl, SEED_PASTE),
      message: { type: "message", text: SEED_PASTE, ts: "1733000000.000200", thread_ts: "1733000000.000100" },
    };
    expect((await slack(SLACK_INTERACTIONS, interactionBody(payload))).status).toBe(200);
    const [privateAnswer] = await h().delivered(responseUrl);
    expect(privateAnswer?.thread_ts).toBe("1733000000.000100");
    const share = buttons(privateAnswer as SlackPost).find((b) => b.action_id === "share");
    const shareUrl = h().responseUrl();
    await shareClick(shareUrl, share?.value);
    const [shared] = await h().delivered(shareUrl, 2);
    expect(shared).toMatchObject({ response_type: "in_channel", thread_ts: "1733000000.000100" });
  });

  it("feedback: the summary answers only the holder of FEEDBACK_TOKEN, under the limit of /diagnose (review 68f F5)", async () => {
    const client = "203.0.113.142";
    const bare = await h().fetch("/feedback/summary", { headers: { "cf-connecting-ip": client, "x-test-client": client } });
    const body = await expectProblem(bare.clone(), 401);
    expect(body.detail).toContain("FEEDBACK_TOKEN");
    expect(bare.headers.get("www-authenticate")).toMatch(/^Bearer/);
    await expectProblem(await summary(`${h().feedbackToken}x`, client), 401);
    await expectProblem(await summary("short", client), 401);
    const doc = (await (await h().fetch("/openapi.json")).json()) as OpenApiDocument;
    await expectDocumented(doc, "get", "/feedback/summary", bare);
    expect((await summary(undefined, client)).status).toBe(200);
    // The limit of /diagnose, per client: 60 a minute on both runtimes here.
    let limited: Response | null = null;
    for (let i = 0; i < 200 && !limited; i++) {
      const res = await summary(undefined, "203.0.113.143");
      if (res.status === 429) limited = res;
      else expect(res.status).toBe(200);
    }
    expect(limited, "no 429").not.toBeNull();
    if (limited) {
      await expectProblem(limited.clone(), 429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      await expectDocumented(doc, "get", "/feedback/summary", limited);
    }
  });

  it("feedback: Slack and Discord votes are recorded without the pasted text and summarised per record", async () => {
    const { responseUrl } = await command(SEED_PASTE);
    const [answer] = await h().delivered(responseUrl);
    const wrong = buttons(answer as SlackPost).find((b) => b.action_id === "feedback_wrong");
    const before = (await (await summary()).json()) as {
      records: Array<{ findingId: string; wrong: number; right: number }>;
    };
    const wrongBefore = before.records.find((r) => r.findingId === XT)?.wrong ?? 0;
    const rightBefore = before.records.find((r) => r.findingId === XT)?.right ?? 0;
    const thanksUrl = h().responseUrl();
    const vote = await slack(
      SLACK_INTERACTIONS,
      interactionBody({
        type: "block_actions",
        trigger_id: triggerId(),
        response_url: thanksUrl,
        actions: [{ action_id: "feedback_wrong", value: wrong?.value }],
      }),
    );
    expect(vote.status).toBe(200);
    const [thanks] = await h().delivered(thanksUrl);
    expect(thanks?.text).toContain("recorded *wrong*");
    expect(thanks?.replace_original).toBe(false);

    const d = await discord(diagnoseCommand(SEED_PASTE));
    const data = ((await d.json()) as { data: DiscordData }).data;
    const right = data.components.flatMap((r) => r.components).find((b) => b.custom_id.startsWith("fb|r|"));
    expect(right?.custom_id).toContain(XT);
    const discordVote = {
      type: 3,
      id: `vote-${crypto.randomUUID()}`,
      token: "t",
      application_id: "1",
      data: { custom_id: right?.custom_id, component_type: 2 },
      member: { user: { id: "42" } },
    };
    const click = await discord(discordVote);
    const clickBody = (await click.json()) as { type: number; data: { content: string; flags: number } };
    expect(clickBody.data.content).toContain("recorded **right**");
    expect(clickBody.data.flags).toBe(64);
    // The same signed interaction replayed: answered alike, counted once.
    expect((await discord(discordVote)).status).toBe(200);
    // A replayed /diagnose gets no second diagnosis (review 42a F8).
    const replayed = diagnoseCommand(SEED_PASTE);
    expect(((await (await discord(replayed)).json()) as { data: { embeds?: unknown[] } }).data.embeds?.length).toBeGreaterThan(0);
    const again = (await (await discord(replayed)).json()) as { data: { content: string; embeds?: unknown[]; flags: number } };
    expect(again.data).toMatchObject({ content: "This interaction was already answered.", flags: 64 });
    expect(again.data.embeds).toBeUndefined();

    const doc = (await (await h().fetch("/openapi.json")).json()) as OpenApiDocument;
    await expectDocumented(doc, "get", "/feedback/summary", await summary());
    const res = await summary();
    expect(res.status).toBe(200);
    const raw = await res.text();
    const votes = JSON.parse(raw) as {
      votes: number;
      records: Array<{ findingId: string; wrong: number; right: number; kbVersions: string[]; wrongByVerdict: Record<string, number> }>;
    };
    const xt = votes.records.find((r) => r.findingId === XT);
    expect(xt?.wrong).toBe(wrongBefore + 1);
    expect(xt?.right).toBe(rightBefore + 1);
    expect(xt?.wrongByVerdict.affected).toBeGreaterThanOrEqual(1);
    expect(xt?.kbVersions[0]).toMatch(/^kb-[0-9a-f]{16}$/);
    expect(raw).not.toContain("xor-mark");
    expect(raw).not.toContain("ip6tables-restore");
  });

  it("feedback: one person's clicks on one answer are one vote, the last counting (review 64e F3)", async () => {
    // A client of its own: the Worker limits each client's chat requests (60 a minute), which the other tests spend.
    const own = { "cf-connecting-ip": "203.0.113.82" };
    const responseUrl = h().responseUrl();
    const body = slashCommandBody({ text: SEED_PASTE, responseUrl, triggerId: triggerId(), asSlackSends: false });
    expect((await slack(SLACK_COMMANDS, body, own)).status).toBe(200);
    const [answer] = await h().delivered(responseUrl);
    const button = (id: string) => buttons(answer as SlackPost).find((b) => b.action_id === id)?.value;
    const counts = async () => {
      const s = (await (await summary()).json()) as {
        records: Array<{ findingId: string; wrong: number; right: number }>;
      };
      const r = s.records.find((x) => x.findingId === XT);
      return { right: r?.right ?? 0, wrong: r?.wrong ?? 0 };
    };
    const before = await counts();
    // A click on the private answer's buttons, or on its copy shared in the channel (another message, the same buttons).
    const click = (action: string, user: string, messageTs = "1733540000.000100") =>
      slack(
        SLACK_INTERACTIONS,
        interactionBody({
          type: "block_actions",
          trigger_id: triggerId(),
          response_url: h().responseUrl(),
          user: { id: user },
          team: { id: "T1" },
          container: { message_ts: messageTs },
          actions: [{ action_id: action, value: button(action) }],
        }),
        own,
      );
    // Five clicks of one person (each its own delivery, as Slack sends them), then a change of mind.
    for (let k = 0; k < 5; k++) expect((await click("feedback_wrong", "U-ONE")).status).toBe(200);
    expect(await counts()).toEqual({ right: before.right, wrong: before.wrong + 1 });
    expect((await click("feedback_right", "U-ONE")).status).toBe(200);
    expect(await counts()).toEqual({ right: before.right + 1, wrong: before.wrong });
    // Another person's vote on the same answer is theirs.
    expect((await click("feedback_wrong", "U-TWO")).status).toBe(200);
    expect(await counts()).toEqual({ right: before.right + 1, wrong: before.wrong + 1 });
    // The same answer shared in the channel is a new message with the same buttons: one person's vote on both is one
    // vote (review 65e F5: it counted twice).
    expect((await click("feedback_wrong", "U-TWO", "1733540099.000200")).status).toBe(200);
    expect(await counts()).toEqual({ right: before.right + 1, wrong: before.wrong + 1 });
  });

  it("Discord: a log whose line breaks a client dropped is said in words, not misread (review 64e F4)", async () => {
    // Older Discord clients turn a pasted option's line breaks into spaces (discord/discord-api-docs#2381).
    const own = { "cf-connecting-ip": "203.0.113.83" };
    const res = await discord(diagnoseCommand(SEED_PASTE.split("\n").join(" ")), undefined, own);
    expect(res.status).toBe(200);
    const data = ((await res.json()) as { data: { content: string; embeds?: unknown[]; flags: number } }).data;
    expect(data.content).toMatch(/arrived as one line holding what look like \d+ log lines run together.*Apps → Diagnose/);
    expect(data.embeds ?? []).toEqual([]);
    expect(data.flags).toBe(64);
    // In Slack, Slack's own way, and no word of Discord (review 65e F6).
    const { responseUrl } = await command(SEED_PASTE.split("\n").join(" "));
    const [slackAnswer] = await h().delivered(responseUrl);
    expect(slackAnswer?.text).toMatch(/run together.*message shortcut on it \(⋯ More actions → Diagnose with known-bugs\)/);
    expect(slackAnswer?.text).not.toContain("Discord");
  });

  it("Discord: a one-line log that matched nothing says its line breaks may have been lost, and how to keep them (review 66e F1)", async () => {
    // A command line glued before its output (containers/netavark#864's report, as the records quote it): fewer line
    // starts than a refusal needs, so it is diagnosed, finds nothing, and used to say only "no known bug matched".
    const glued =
      "# podman run docker.io/busybox Error: netavark: failed to configure bridge and veth interface: failed while configuring network interface: failed to create a bridge interface podman0: Received a netlink error message Operation not supported (os error 95)";
    const own = { "cf-connecting-ip": "203.0.113.84" };
    const res = await discord(diagnoseCommand(glued), undefined, own);
    const data = ((await res.json()) as { data: { content: string } }).data;
    expect(data.content).toMatch(/no known bug matched/);
    expect(data.content).toMatch(/arrived as one line: if you pasted several, their line breaks may have been lost.*Apps → Diagnose/);
    // A question of a few words is no log: no such note.
    const short = await discord(diagnoseCommand("why does podman fail to create the bridge interface on my machine today"), undefined, own);
    expect(((await short.json()) as { data: { content?: string } }).data.content ?? "").not.toMatch(/line breaks/);
  });

  it("Discord: answers PING with PONG, and refuses bad signatures, stale timestamps and missing headers with 401", async () => {
    const ping = await discord({ type: 1, id: "1", application_id: "1", token: "t", version: 1 });
    expect(ping.status).toBe(200);
    expect(await ping.json()).toEqual({ type: 1 });
    const body = JSON.stringify({ type: 1 });
    const good = await discordHeaders(h().discordKey, body);
    await expect401(await h().fetch(DISCORD, { method: "POST", headers: good, body: JSON.stringify({ type: 1, id: "x" }) }));
    await expect401(
      await h().fetch(DISCORD, { method: "POST", headers: await discordHeaders(h().discordKey, body, nowSeconds() - 6 * 60), body }),
    );
    await expect401(await h().fetch(DISCORD, { method: "POST", headers: { ...good, "x-signature-ed25519": "00".repeat(64) }, body }));
    for (const missing of ["x-signature-ed25519", "x-signature-timestamp"]) {
      const headers = { ...good };
      delete headers[missing as keyof typeof headers];
      await expect401(await h().fetch(DISCORD, { method: "POST", headers, body }));
    }
  });

  it("Discord: /diagnose log:<excerpt> answers privately with an embed naming the seed bug, within Discord's limits", async () => {
    const res = await discord(diagnoseCommand(SEED_PASTE));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { type: number; data: DiscordData };
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(64);
    const top = body.data.embeds[0];
    expect(top?.description).toContain(`\`${XT}\``);
    expect(top?.description).toContain("verdict **affected (verified)**");
    expect(top?.url).toBe(`${h().publicUrl}/bugs/${XT}`);
    expect(top?.fields?.map((f) => f.name).join()).toContain("Fix");
    let total = 0;
    for (const e of body.data.embeds) {
      expect(e.title?.length ?? 0).toBeLessThanOrEqual(256);
      expect(e.description?.length ?? 0).toBeLessThanOrEqual(4096);
      expect(e.fields?.length ?? 0).toBeLessThanOrEqual(25);
      for (const f of e.fields ?? []) expect(f.value.length).toBeLessThanOrEqual(1024);
      total += (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0);
      total += (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
    }
    expect(total).toBeLessThanOrEqual(6000);
    expect(body.data.components.flatMap((r) => r.components).map((b) => b.custom_id)).toContain("share");
  });

  it("Discord: the Diagnose message command reads embeds, names attachments as not read, and knows its own answers (review 67h F1, F3)", async () => {
    const diagnoseMessage = async (message: Record<string, unknown>) => {
      const res = await discord({
        type: 2,
        id: `m-${crypto.randomUUID()}`,
        application_id: "1",
        data: { id: "c2", name: "Diagnose", type: 3, target_id: "m1", resolved: { messages: { m1: { id: "m1", ...message } } } },
        member: { user: { id: "42" } },
      });
      return JSON.stringify(((await res.json()) as { data: DiscordData }).data);
    };
    // Discord turns a long paste into message.txt: the answer says it was not read, and how to send it.
    const attached = await diagnoseMessage({ content: "kube-proxy keeps failing, log below", attachments: [{ filename: "message.txt" }] });
    expect(attached).toContain("The file message.txt was not read");
    expect(await diagnoseMessage({ content: "", attachments: [{ filename: "message.txt" }] })).toContain(
      "The file message.txt was not read",
    );
    // A webhook's embed holds the log.
    expect(await diagnoseMessage({ content: "", embeds: [{ title: "kube-proxy errors", description: SEED_PASTE }] })).toContain(XT);
    // A link's preview (Discord's "article" embed) is not the person's text: the link finds the records citing it (67j F2).
    const linked = await diagnoseMessage({
      content: "https://github.com/opencontainers/runc/issues/4971",
      embeds: [{ type: "article", title: "tmpfs mode 0755", description: "runc 1.3.3 makes tmpfs 0755" }],
    });
    expect(linked).toContain("runc-nov-2025-tmpfs-mode-0755");
    // A question with a screenshot: the record it names, the image said not read (67j F3).
    const question = await diagnoseMessage({ content: XT, attachments: [{ filename: "image.png", content_type: "image/png" }] });
    expect(question).toContain("The file image.png was not read");
    expect(question).toContain(XT);
    // The app's own answer (its author is the application).
    expect(await diagnoseMessage({ content: `**known-bugs: 1 known bug matches** ${XT}`, author: { id: "1" } })).toContain(
      "known-bugs' own answer",
    );
  });

  it("Discord: an answer of a line alone offers no Share button it would then refuse (review 68e F6)", async () => {
    const own = { "cf-connecting-ip": "203.0.113.93" };
    const res = await discord({ ...diagnoseCommand("frobnicator quux zebra"), member: { user: { id: "D-NOSHARE" } } }, undefined, own);
    const data = ((await res.json()) as { data: DiscordData }).data;
    expect(data.content).toMatch(/^No record matches “frobnicator quux zebra”/);
    expect(data.embeds ?? []).toEqual([]);
    expect((data.components ?? []).flatMap((r) => r.components).map((b) => b.custom_id)).not.toContain("share");
    // An answer with embeds still has it (the seed's: see the /diagnose test above).
  });

  it("Discord: the Diagnose message command reads the target message, and Share posts it for everyone", async () => {
    // No token: the answer is the reply, never deferred (see diagnoseCommand).
    const res = await discord({
      type: 2,
      id: "2",
      data: {
        id: "c2",
        name: "Diagnose",
        type: 3,
        target_id: "m1",
        resolved: { messages: { m1: { id: "m1", content: `\`\`\`\n${SEED_PASTE}\n\`\`\`` } } },
      },
      member: { user: { id: "42" } },
    });
    const answer = ((await res.json()) as { data: DiscordData }).data;
    expect(answer.embeds[0]?.description).toContain(XT);
    const shared = await discord({
      type: 3,
      id: "4",
      application_id: "1",
      token: "t",
      data: { custom_id: "share", component_type: 2 },
      member: { user: { id: "42" } },
      message: { id: "m2", flags: 64, content: answer.content, embeds: answer.embeds, components: answer.components },
    });
    const body = (await shared.json()) as { type: number; data: DiscordData };
    expect(body.type).toBe(4);
    expect(body.data.flags).toBeUndefined();
    // The answer's own text goes with it: its heading and the host facts read from the paste, each with its line.
    expect(answer.content).toMatch(
      /^\*\*known-bugs: \d+ known bugs? match(es)?\*\*\nRead from the paste: kernel 5\.15\.0-127-generic .*\\?\(line 1\\?\)/,
    );
    expect(body.data.content).toBe(`Shared by <@42>\n${answer.content}`);
    expect(body.data.embeds).toEqual(answer.embeds);
    expect(body.data.components.flatMap((r) => r.components).map((b) => b.custom_id)).not.toContain("share");
  });
}

/**
 * Whether every code span of a chat field closes, as Slack's and Discord's markdown read them: fenced blocks aside, each run
 * of backticks opens a span that only a run as long closes (review 70d F4).
 */
function spansClose(text: string): boolean {
  const runs: string[] = text.replace(/```[\s\S]*?```/g, "").match(/`+/g) ?? [];
  for (let i = 0; i < runs.length; i++) {
    const close = runs.indexOf(runs[i] as string, i + 1);
    if (close < 0) return false;
    i = close;
  }
  return true;
}

interface DiscordData {
  content: string;
  flags?: number;
  embeds: Array<{
    title?: string;
    url?: string;
    description?: string;
    fields?: Array<{ name: string; value: string }>;
    footer?: { text: string };
  }>;
  components: Array<{ components: Array<{ custom_id: string }> }>;
}

/** Slack's "diagnose this message" shortcut on a message of `text`, as Slack posts it. */
const messageShortcut = (responseUrl: string, text: string) => ({
  type: "message_action",
  callback_id: "diagnose_message",
  trigger_id: triggerId(),
  response_url: responseUrl,
  user: { id: "U0002" },
  channel: { id: "C0001" },
  message: { type: "message", text, ts: "1700000000.000100" },
});

/** Discord's /diagnose command with its `log` option, as Discord sends it. */
// Discord gives each interaction its own id: the same id and body again is a replay, which gets no second answer.
// Without the interaction's application id and token (which Discord always sends), the answer is never deferred: the
// reply is the answer, however slow a loaded machine makes it; the deferred path has its own test (test/integrations).
export const diagnoseCommand = (log: string) => ({
  type: 2,
  id: `cmd-${crypto.randomUUID()}`,
  data: { id: "c1", name: "diagnose", type: 1, options: [{ name: "log", type: 3, value: log }] },
  member: { user: { id: "42" } },
});
