import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { asksForHelp, type ChatAnswer, type ChatFinding } from "../../src/integrations/answer";
import { chatInput, MAX_INPUT_CHARS, slackToPlain } from "../../src/integrations/chat-input";
import { discordCommands } from "../../src/integrations/discord/commands";
import { DISCORD_LIMITS, renderDiscord } from "../../src/integrations/discord/embeds";
import { renderSlack, SLACK_LIMITS } from "../../src/integrations/slack/blocks";
import { DIAGNOSE_MESSAGE } from "../../src/integrations/slack/slack.route";
import { clamp } from "../../src/integrations/text-limits";

const huge = (n: number, s = "x") => s.repeat(n);

function finding(rank: number): ChatFinding {
  return {
    rank,
    id: `record-${rank}-${huge(40, "a")}`,
    title: huge(5000, "T"),
    confidence: "high",
    score: 0.9,
    verdict: { status: "affected", reason: huge(10_000, "r") },
    keyEvidence: { kind: "log", line: 1, text: `<!channel> ${huge(100_000, "e")}`, signature: "s", weight: 1 },
    versionEvidence: null,
    fixSteps: [huge(5000, "f"), huge(5000, "g"), huge(5000, "h")],
    moreFixSteps: 2,
    laterFixSteps: [`4. ${huge(500, "l")}`, `5. ${huge(500, "m")}`],
    reboot: "required",
    unverified: Array.from({ length: 20 }, () => huge(2000, "u")),
    reference: null,
    rootCauseNote: null,
    evidenceLines: [],
    matchedLines: 1,
    versionChecks: [],
    placement: [],
    shared: [],
    present: [],
    workarounds: [],
    references: [],
  };
}

const oversized: ChatAnswer = {
  kind: "diagnosis",
  kb: { version: "kb-0123456789abcdef", records: 50 },
  // A fleet's placement lines too: names are a row's, of any length.
  findings: [1, 2, 3].map((rank) => ({
    ...finding(rank),
    placement: [`shown on: ${huge(3000, "p")}`, `also in range: ${huge(3000, "q")}`],
  })),
  more: 40,
  hidden: Array.from({ length: 40 }, (_, i) => finding(i + 4)),
  advisories: Array.from({ length: 3 }, (_, i) => ({ ...finding(i + 4), id: `adv-${i}` })),
  moreAdvisories: 2,
  outliers: Array.from({ length: 200 }, (_, i) => ({
    name: `node-${i}-${huge(100, "n")}`,
    kernel: "5.15.0-127-generic",
    osImage: null,
    runtime: null,
    version: null,
    line: i + 2,
    outlier: true,
    differs: ["kernel"],
    inRange: [],
    findings: ["xt-mark-ipv6-typo-2024"],
    matched: [],
  })),
  closest: Array.from({ length: 3 }, (_, i) => ({
    id: `close-${i}`,
    title: huge(5000, "c"),
    sharedWords: Array.from({ length: 6 }, () => huge(500, "w")),
  })),
  facts: [huge(4000, "k")],
  notes: [huge(3000, "w")],
  truncated: { keptChars: 20_000, totalChars: 90_000, leftOut: { lines: [41, 700], chars: [4_001, 74_000] } },
};

/** An answer of its findings alone: no advisories, nodes, closest records, facts, notes or cut. */
const FINDINGS_ONLY = {
  ...oversized,
  more: 0,
  hidden: [],
  advisories: [],
  moreAdvisories: 0,
  outliers: [],
  closest: [],
  facts: [],
  notes: [],
  truncated: null,
} satisfies ChatAnswer;

describe("chat renderers keep each platform's limits, whatever the records hold", () => {
  it("Slack: at most 50 blocks, 3,000 characters per text, 150 per header, 2,000 per button value", () => {
    const m = renderSlack(oversized, { publicUrl: "https://kb.example", shareId: "id" });
    expect(m.blocks?.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
    expect(m.text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
    for (const b of m.blocks ?? []) {
      const block = b as { type: string; text?: { text: string }; elements?: Array<{ text?: string | { text: string }; value?: string }> };
      if (block.type === "header") expect(block.text?.text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
      else expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
      for (const e of block.elements ?? []) {
        expect(typeof e.text === "string" ? e.text.length : 0).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
        expect(e.value?.length ?? 0).toBeLessThanOrEqual(SLACK_LIMITS.buttonValue);
      }
    }
    // A long list of nodes keeps whole lines and says how many it left out.
    const nodes = JSON.stringify(m.blocks).match(/Nodes that differ from their peers[^"]*/)?.[0] ?? "";
    expect(nodes).toMatch(/…and [\d,]+ more nodes that differ/);
    // The footer (knowledge-base version, share button) survives the cut.
    expect(m.blocks?.at(-1)).toMatchObject({ type: "actions", block_id: "share" });
  });

  it("Slack and Discord: without PUBLIC_URL, the hidden findings and a cut paste point at the CLI, never at POST /diagnose (review 70d F3)", () => {
    const answer: ChatAnswer = {
      ...FINDINGS_ONLY,
      findings: [1, 2, 3].map((rank) => ({ ...finding(rank), title: "t", verdict: { status: "unknown" as const, reason: "r" } })),
      more: 2,
      hidden: [{ ...finding(4), title: "A medium one", confidence: "medium", reboot: "required" }],
      truncated: { keptChars: 20_000, totalChars: 40_000, leftOut: { lines: [42, 247], chars: [3_953, 24_794] } },
    };
    const slack = JSON.stringify(renderSlack(answer));
    const discord = renderDiscord(answer).content;
    for (const text of [slack, discord]) {
      expect(text).toContain("2 more findings not shown");
      expect(text).toContain("save the whole log to a file and run `known-bugs diagnose FILE` for the full report");
      expect(text).toContain("For all of it, save the whole log to a file and run `known-bugs diagnose FILE`.");
      expect(text).toContain("4. A medium one");
      expect(text).toContain("medium confidence (0.90), verdict affected, reboot required");
      expect(text).toContain("…and 1 more finding.");
      expect(text).not.toContain("POST /diagnose");
    }
  });

  it("Slack: advisories say the level their verdict rests on, and how many were left out", () => {
    const level: ChatAnswer = {
      ...oversized,
      findings: [],
      more: 0,
      hidden: [],
      outliers: [],
      closest: [],
      facts: [],
      advisories: [{ ...finding(4), id: "adv", title: "t", verdict: { status: "affected", reason: "r", level: "reported" } }],
    };
    const all = JSON.stringify(renderSlack(level).blocks);
    expect(all).toContain("affected (reported once): r");
    expect(all).toContain("2 more advisories not shown");
  });

  it("Slack and Discord: among several findings, each says why it leads or what it is to the one that leads", () => {
    const small = (rank: number, note: string) => ({
      ...finding(rank),
      title: "t",
      verdict: { status: "affected" as const, reason: "r" },
      keyEvidence: null,
      fixSteps: [],
      unverified: [],
      rootCauseNote: note,
    });
    const answer: ChatAnswer = {
      ...FINDINGS_ONLY,
      findings: [
        small(1, "likely root cause: line 2 matches a signature that alone identifies this bug"),
        small(2, "a separate, lesser problem that can hide the first"),
      ],
    };
    for (const rendered of [JSON.stringify(renderSlack(answer).blocks), JSON.stringify(renderDiscord(answer).embeds)]) {
      expect(rendered).toContain("likely root cause: line 2 matches");
      expect(rendered).toContain("a separate, lesser problem that can hide the first");
    }
  });

  it("Slack and Discord: say what else prints a finding's matched line, as the record names it (review 69i F4, 69c F6)", () => {
    const shared = "Other causes print the matched line too: another loop, through a local resolver.";
    const small = {
      ...finding(1),
      title: "t",
      verdict: { status: "unknown" as const, reason: "r" },
      keyEvidence: null,
      fixSteps: [],
      unverified: [],
    };
    const answer: ChatAnswer = { ...FINDINGS_ONLY, findings: [{ ...small, shared: [shared] }] };
    for (const rendered of [JSON.stringify(renderSlack(answer).blocks), JSON.stringify(renderDiscord(answer).embeds)])
      expect(rendered).toContain("Other causes print the matched line too: another loop");
  });

  it("Slack and Discord: say what the host runs now right by the verdict, and the fix step the paste shows done (review 69c F4)", () => {
    const present = "Since the failure: the host now runs containerd 1.6.4 (read after the paste changes it), the first fixed version.";
    const done = "2. (The paste shows this done: the host now runs containerd 1.6.4.) Upgrade containerd to 1.6.4 or later.";
    const small = {
      ...finding(1),
      title: "t",
      verdict: { status: "affected" as const, reason: "r" },
      keyEvidence: null,
      fixSteps: [done],
      unverified: [],
    };
    const answer: ChatAnswer = { ...FINDINGS_ONLY, findings: [{ ...small, present: [present] }] };
    for (const rendered of [JSON.stringify(renderSlack(answer).blocks), JSON.stringify(renderDiscord(answer).embeds)]) {
      expect(rendered).toContain("Since the failure: the host now runs containerd 1.6.4");
      expect(rendered).toContain("The paste shows this done: the host now runs containerd 1.6.4.");
    }
  });

  it("Slack and Discord: a long reason is cut before the placement lines and other causes, never they (review 70b F5)", () => {
    const placement = ["shown on: web-1, web-2 and 60 more", "also in range, no symptom shown for them yet: web-90 and 7 more"];
    const shared = "Other causes print the matched line too: a CNI config declaring 1.0.0 against old plugins.";
    const long = {
      ...finding(1),
      title: "t",
      keyEvidence: null,
      fixSteps: [],
      unverified: [],
      rootCauseNote: `likely root cause: ${huge(5000, "n")}`,
      placement,
      shared: [shared],
    };
    // Two findings: the first says why it leads.
    const answer: ChatAnswer = { ...FINDINGS_ONLY, findings: [long, { ...long, rank: 2, id: "second" }] };
    const slack = (renderSlack(answer).blocks ?? []).flatMap((b) =>
      b.type === "section" && b.text && b.text.text.includes("verdict") ? [b.text.text] : [],
    );
    const discord = renderDiscord(answer).embeds[0]?.description ?? "";
    for (const [text, limit] of [
      [slack[0] ?? "", SLACK_LIMITS.sectionText],
      [discord, DISCORD_LIMITS.description],
    ] as const) {
      expect(text.length).toBeLessThanOrEqual(limit);
      for (const line of [...placement, shared]) expect(text).toContain(line);
      // Both cut lines keep a part: the reason, and why the finding leads.
      expect(text).toMatch(/rrrr+…/);
      expect(text).toMatch(/likely root cause: nnnn+…/);
    }
  });

  it("Slack and Discord: a finding that only resembles a line is not counted as a match in the headline (review 63e F3)", () => {
    const small = (rank: number, approximate?: "similar") => ({
      ...finding(rank),
      title: "t",
      verdict: { status: "unknown" as const, reason: "r" },
      keyEvidence: { kind: "log" as const, line: rank, text: "x", signature: "s", weight: 0.3, ...(approximate ? { approximate } : {}) },
      fixSteps: [],
      unverified: [],
    });
    const headlines = (findings: ChatFinding[]) => {
      const answer: ChatAnswer = { ...FINDINGS_ONLY, findings };
      const slack = renderSlack(answer).blocks?.[0] as unknown as { text: { text: string } };
      const discord = renderDiscord(answer).content ?? "";
      return [slack.text.text, discord.split("\n")[0]?.replaceAll("**", "")];
    };
    for (const h of headlines([small(1, "similar")])) expect(h).toBe("known-bugs: no known bug matched; 1 record resembles a line");
    for (const h of headlines([small(1), small(2), small(3, "similar")]))
      expect(h).toBe("known-bugs: 2 known bugs match; 1 more resembles a line");
    for (const h of headlines([small(1)])) expect(h).toBe("known-bugs: 1 known bug matches");
    // Slack's notification text (sidebar, push, screen readers) says it too (review 64e F6).
    expect(renderSlack({ ...FINDINGS_ONLY, findings: [small(1, "similar")] }).text).toMatch(
      /^known-bugs: no known bug matched; resembles t \(/,
    );
    expect(renderSlack({ ...FINDINGS_ONLY, findings: [small(1)] }).text).toMatch(/^known-bugs: t \(/);
  });

  it("Slack and Discord: a finding on a line other causes print too is counted apart, and its in-range verdict says so (review 71a F4)", () => {
    const small = (rank: number, sharedOnly?: true) => ({
      ...finding(rank),
      title: "t",
      verdict: {
        status: "affected" as const,
        reason: "r",
        level: "verified" as const,
        ...(sharedOnly ? { symptom: "not-specific" as const } : {}),
      },
      keyEvidence: { kind: "log" as const, line: rank, text: "x", signature: "s", weight: 0.4 },
      fixSteps: [],
      unverified: [],
      ...(sharedOnly ? { sharedOnly } : {}),
    });
    const headlines = (findings: ChatFinding[]) => {
      const answer: ChatAnswer = { ...FINDINGS_ONLY, findings };
      const slack = renderSlack(answer).blocks?.[0] as unknown as { text: { text: string } };
      const discord = renderDiscord(answer).content ?? "";
      return [slack.text.text, discord.split("\n")[0]?.replaceAll("**", "")];
    };
    for (const h of headlines([small(1, true)]))
      expect(h).toBe("known-bugs: no line specific to a known bug matched; 1 record matches only a line other causes print too");
    for (const h of headlines([small(1), small(2, true)]))
      expect(h).toBe("known-bugs: 1 known bug matches; 1 more matches only a line other causes print too");
    const answer: ChatAnswer = { ...FINDINGS_ONLY, findings: [small(1, true)] };
    expect(renderSlack(answer).text).toMatch(
      /^known-bugs: only a line other causes print too matches t \(.*in range \(verified\), symptom not specific\)/,
    );
    for (const rendered of [JSON.stringify(renderSlack(answer).blocks), JSON.stringify(renderDiscord(answer).embeds)]) {
      expect(rendered).toContain("in range (verified), symptom not specific");
      expect(rendered).not.toMatch(/verdict \*?\*?affected/);
    }
  });

  it("takes 'help' opening a short line as a request for the help, and a log line that opens with it as a log (review 63e F4)", () => {
    for (const text of ["help", "HELP", "help me", "help please", "--help", "?"]) expect(asksForHelp(text), text).toBe(true);
    for (const text of ["helper.go:12] failed to create pod sandbox: rpc error", "kubelet help me\nline two", "how do I use this"])
      expect(asksForHelp(text), text).toBe(false);
  });

  it("Slack: quoted log text cannot mention @channel or inject links", () => {
    const m = renderSlack(oversized);
    const all = JSON.stringify(m.blocks);
    expect(all).not.toContain("<!channel>");
    expect(all).toContain("&lt;!channel&gt;");
  });

  it("Discord: text a person wrote (an os-release name a reason quotes) cannot become a disguised link", () => {
    const lure = 'host runs Fedora 40 — see [the fix here](https://evil.example/fix) *now*; set `config_path = ""`';
    const answer: ChatAnswer = {
      ...oversized,
      findings: [{ ...finding(1), verdict: { status: "not-affected", reason: lure } }],
      advisories: [],
    };
    const all = JSON.stringify(renderDiscord(answer).embeds);
    expect(all).not.toContain("[the fix here](");
    expect(all).toContain("\\\\[the fix here\\\\]");
    // A code span is shown as written: no backslash appears inside it.
    expect(all).toContain('`config_path = \\"\\"`');
  });

  it("Discord: a role, channel or timestamp written in a name a reason quotes shows as written, not as a pill or a date", () => {
    const name = "<@&123456789012345678><t:1:R><#111111111111111111>";
    const answer: ChatAnswer = {
      ...oversized,
      findings: [
        { ...finding(1), verdict: { status: "affected", reason: `node ${name} (6.8.0-57-generic) as ubuntu:24.04 package linux` } },
      ],
      advisories: [],
    };
    const all = JSON.stringify(renderDiscord(answer).embeds);
    expect(all).not.toMatch(/(?<!\\\\)<[@#t]/);
    expect(all).toContain("\\\\<@&123456789012345678\\\\>");
  });

  it("Discord: a fix step longer than a field breaks between its bullets, never before a bullet's last line", () => {
    // The seed's second step lists per-distribution builds, several bullets wrapped over two or three lines.
    const bullet = (i: number) => `   - distro ${i}: ${huge(150, "b")}\n     ${huge(150, "c")}\n     ends here ${i}.`;
    const step = `2. Upgrade the kernel:\n${Array.from({ length: 6 }, (_, i) => bullet(i)).join("\n")}`;
    const answer: ChatAnswer = {
      ...oversized,
      findings: [{ ...finding(1), fixSteps: [step], moreFixSteps: 0, laterFixSteps: [], unverified: [] }],
      advisories: [],
    };
    const fields = renderDiscord(answer).embeds[0]?.fields ?? [];
    const fix = fields.filter((f) => f.name.startsWith("Fix"));
    expect(fix.length).toBeGreaterThan(1);
    for (const f of fix.slice(1)) expect(f.value).toMatch(/^- distro \d/);
    for (let i = 0; i < 6; i++)
      expect(fix.some((f) => f.value.includes(`- distro ${i}`) && f.value.includes(`ends here ${i}.`))).toBe(true);
  });

  it("cuts a text at a character, never between the halves of an emoji (review 33c)", () => {
    const cut = clamp(`conntrack ${"😀".repeat(100)}`, 150);
    expect(cut.length).toBeLessThanOrEqual(150);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(cut.endsWith("…")).toBe(true);
  });

  it("Discord: findings are left out for size before the advisories, which may be the answer's only 'affected' (review 33c)", () => {
    const small = (i: number): ChatFinding => ({
      ...finding(i),
      verdict: { status: "not-affected", reason: "before the first affected release" },
    });
    const advisory = { ...small(9), id: "adv-affected", verdict: { status: "affected" as const, reason: "in range" } };
    const answer: ChatAnswer = {
      ...oversized,
      findings: [small(1), small(2), small(3)],
      more: 0,
      hidden: [],
      advisories: [advisory],
      moreAdvisories: 0,
      outliers: [],
      closest: [],
    };
    const m = renderDiscord(answer);
    const text = JSON.stringify(m.embeds);
    expect(m.content).toMatch(/did not fit Discord's 6,000 characters/);
    expect(text).toContain("adv-affected");
    // The first finding (the likely root cause) stays too.
    expect(m.embeds[0]?.title).toMatch(/^1\./);
    // Alone with the advisories, a first finding too long for both gives way, not the advisories (review 33d).
    const long = renderDiscord({ ...answer, findings: [small(1)] });
    expect(JSON.stringify(long.embeds)).toContain("adv-affected");
    // A field it gives up (a fix step) is said (review 33e): four long advisories beside a finding with four long steps.
    const steps = {
      ...small(1),
      fixSteps: Array.from({ length: 4 }, (_, i) => `${i + 1}. ${huge(900, "s")}`),
      moreFixSteps: 0,
      laterFixSteps: [],
    };
    const advisories = Array.from({ length: 4 }, (_, i) => ({
      ...advisory,
      id: `adv-${i}`,
      verdict: { status: "affected" as const, reason: huge(900, "r") },
    }));
    const fields = (m: ReturnType<typeof renderDiscord>) => m.embeds[0]?.fields?.length ?? 0;
    const alone = renderDiscord({ ...answer, findings: [steps], advisories: [] });
    const crowded = renderDiscord({ ...answer, findings: [steps], advisories });
    expect(fields(crowded)).toBeLessThan(fields(alone));
    expect(crowded.content).toMatch(/did not fit Discord's 6,000 characters/);
    expect(JSON.stringify(crowded.embeds)).toContain("adv-3");
    expect(long.embeds[0]?.title).toMatch(/^1\./);
  });

  it("Discord: a later finding gives up its unverified notes before it goes whole, and one that goes is named (review 57d F1)", () => {
    // Three findings of about 1,800 characters each, the third the answer's only "affected": 363 characters over.
    const sized = (rank: number, status: "affected" | "unknown"): ChatFinding => ({
      ...finding(rank),
      title: `Finding ${rank}`,
      verdict: { status, reason: huge(600, "r") },
      keyEvidence: { kind: "log", line: rank, text: huge(300, "e"), signature: "s", weight: 1 },
      fixSteps: [huge(300, "f")],
      moreFixSteps: 0,
      laterFixSteps: [],
      unverified: [huge(640, "u")],
    });
    const answer: ChatAnswer = { ...FINDINGS_ONLY, findings: [sized(1, "unknown"), sized(2, "unknown"), sized(3, "affected")] };
    const room = renderDiscord(answer);
    expect(room.embeds.map((e) => e.title)).toEqual(["1. Finding 1", "2. Finding 2", "3. Finding 3"]);
    expect(room.embeds[2]?.fields?.map((f) => f.name)).not.toContain("Unverified");
    expect(room.content).toMatch(/\nFinding 3's unverified notes did not fit Discord's 6,000 characters: /);
    // Where even that is too little, the finding left out is named with its verdict.
    const tight = renderDiscord({
      ...answer,
      findings: answer.findings.map((f) => ({ ...f, verdict: { ...f.verdict, reason: huge(1900, "r") } })),
    });
    expect(tight.embeds.length).toBeLessThan(3);
    expect(tight.content).toMatch(/not shown: .*3\. `record-3-a+` \(affected\)/);
  });

  it("Discord: the note on what did not fit names what went: a finding's unverified notes, its later fix steps, a list (review 68e F7)", () => {
    // Two findings of about 2,700 characters each: the second's unverified notes are what goes (the reviewer's Cilium example).
    const sized = (rank: number, unverified: number, steps: number): ChatFinding => ({
      ...finding(rank),
      title: `Finding ${rank}`,
      verdict: { status: "affected", reason: huge(1200, "r") },
      keyEvidence: { kind: "log", line: rank, text: huge(300, "e"), signature: "s", weight: 1 },
      fixSteps: Array.from({ length: steps }, (_, i) => `${i + 1}. ${huge(900, "f")}`),
      moreFixSteps: 0,
      laterFixSteps: [],
      unverified: [huge(unverified, "u")],
    });
    const two = renderDiscord({ ...FINDINGS_ONLY, findings: [sized(1, 300, 1), sized(2, 900, 1)] });
    expect(two.embeds[1]?.fields?.map((f) => f.name)).toEqual(["Fix (reboot required)"]);
    expect(two.content.split("\n")[1]).toBe(
      "Finding 2's unverified notes did not fit Discord's 6,000 characters: save the whole log to a file and run `known-bugs diagnose FILE` for the full report.",
    );
    expect(two.content).not.toMatch(/findings, fix steps, advisories or nodes/);
    // Its later fix steps too, once its notes are not enough; each part once.
    const steps = renderDiscord({ ...FINDINGS_ONLY, findings: [sized(1, 300, 1), sized(2, 300, 3)] });
    expect(steps.content.split("\n")[1]).toBe(
      "Finding 2's unverified notes and finding 2's later fix steps did not fit Discord's 6,000 characters: save the whole log to a file and run `known-bugs diagnose FILE` for the full report.",
    );
    // A list left out whole is named as the list it is.
    const nodes = renderDiscord({
      ...FINDINGS_ONLY,
      findings: [sized(1, 300, 2), { ...sized(2, 300, 2), verdict: { status: "affected", reason: huge(2000, "r") } }],
      outliers: oversized.outliers.slice(0, 3),
    });
    expect(nodes.content.split("\n")[1]).toMatch(
      /^The nodes that differ and 1 finding did not fit Discord's 6,000 characters; not shown: 2\. `record-2-a+` \(affected\): /,
    );
  });

  it("Discord: a nodes list longer than the room the findings leave is cut at whole nodes, not dropped (review 52e F3)", () => {
    const one: ChatFinding = {
      ...finding(1),
      title: "ip6tables MARK target unusable after a late-2024 stable kernel backport",
      verdict: { status: "affected", reason: huge(600, "r") },
      keyEvidence: {
        kind: "log",
        line: 1,
        text: 'ip6tables-restore v1.8.7 (legacy): unknown option "--xor-mark"',
        signature: "s",
        weight: 1,
      },
      fixSteps: [huge(900, "f"), huge(900, "g")],
      moreFixSteps: 0,
      laterFixSteps: [],
      unverified: [],
    };
    const outliers = oversized.outliers.slice(0, 90).map((o, i) => ({ ...o, name: `ip-10-0-${i}-${i}.ec2.internal` }));
    const answer: ChatAnswer = {
      ...oversized,
      findings: [one],
      more: 0,
      hidden: [],
      advisories: [],
      outliers,
      closest: [],
      facts: [],
      notes: [],
      truncated: null,
    };
    const m = renderDiscord(answer);
    const text = JSON.stringify(m.embeds);
    expect(text).toContain("ip-10-0-0-0.ec2.internal");
    expect(text).toMatch(/…and \d+ more nodes that differ/);
    expect(m.content).not.toMatch(/did not fit/);
  });

  it("Discord: embed title 256, description 4,096, 25 fields of 1,024, 6,000 in all, 5 rows of buttons", () => {
    const m = renderDiscord(oversized, { publicUrl: "https://kb.example", shareButton: true });
    expect(m.content.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
    expect(m.embeds.length).toBeGreaterThanOrEqual(1);
    expect(m.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embeds);
    let total = 0;
    for (const e of m.embeds) {
      expect(e.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.title);
      expect(e.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.description);
      expect(e.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.fields);
      for (const f of e.fields ?? []) expect(f.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
      total += (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0);
      total += (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
    }
    expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.total);
    // What did not fit is said, and the knowledge base's version survives the cut.
    expect(m.content).toMatch(/did not fit Discord's 6,000 characters/);
    expect(m.embeds.at(-1)?.footer?.text).toContain("kb-0123456789abcdef");
    expect(m.components.length).toBeLessThanOrEqual(5);
    for (const row of m.components) for (const b of row.components) expect(b.custom_id.length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
    // Vote buttons only for the findings shown: none for one left out for size.
    const shown = m.embeds.flatMap((e) => (e.title ? [Number.parseInt(e.title, 10)] : []));
    const voted = m.components.flatMap((row) =>
      row.components.flatMap((b) => (b.label?.match(/^(\d+)\. Right/) ? [Number(b.label.split(".")[0])] : [])),
    );
    expect(shown.length).toBeLessThan(oversized.findings.length);
    expect(voted).toEqual(shown);
  });
});

describe("chat input", () => {
  it("undoes Slack's escaping and links, and drops code fences", () => {
    expect(slackToPlain('err=&lt;\nexit status 2 &amp;&amp; "--xor-mark" &gt;')).toBe('err=<\nexit status 2 && "--xor-mark" >');
    expect(slackToPlain("see <https://example.com/a|example.com/a> and <https://b.example>")).toBe(
      "see example.com/a and https://b.example",
    );
    expect(chatInput("```\nline one\nline two\n```").text).toBe("line one\nline two");
    // A fence on a line of text goes without adding a line: the lines keep their numbers (review 64e F9).
    expect(chatInput("the error:\n```line two\nline three```\nline four").text).toBe("the error:\nline two\nline three\nline four");
    // Unclosed links are left as sent, and each fails at the next "<" (they once ran on to the text's end).
    const unclosed = "<http:a|".repeat(5000);
    expect(slackToPlain(unclosed)).toBe(unclosed);
  });

  it("cuts long input at line ends, keeping its start and its end and every kept line's number", () => {
    const lines = Array.from({ length: 500 }, (_, i) => `line ${i + 1} ${huge(90, "l")}`);
    const text = lines.join("\n");
    const input = chatInput(text);
    const kept = input.text.split("\n");
    expect(kept).toHaveLength(lines.length);
    const [from, to] = input.truncated?.leftOut.lines ?? [0, 0];
    expect(from).toBeGreaterThan(1);
    expect(to).toBeLessThan(lines.length);
    for (let i = 1; i <= lines.length; i++) expect(kept[i - 1]).toBe(i >= from && i <= to ? "" : lines[i - 1]);
    const [first, last] = input.truncated?.leftOut.chars ?? [0, 0];
    expect(input.truncated).toMatchObject({ keptChars: text.length - (last - first + 1), totalChars: text.length });
    expect(input.truncated?.keptChars).toBeLessThanOrEqual(MAX_INPUT_CHARS);
    expect(text.slice(first - 1, last)).toBe(`\n${lines.slice(from - 1, to).join("\n")}\n`);
    expect(chatInput("short").truncated).toBeNull();
    // A cut with no line break near it never splits a character (an emoji's two UTF-16 halves).
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    for (const emoji of [`a${"😀".repeat(15_000)}`, `ab${"😀".repeat(15_000)}z`]) {
      const cut = chatInput(emoji);
      expect(lone.test(cut.text)).toBe(false);
      expect(cut.truncated?.keptChars).toBeLessThanOrEqual(MAX_INPUT_CHARS);
    }
  });
});

describe("what is registered with the platforms matches the routes", () => {
  it("the Slack manifest declares the command, the shortcut and interactivity on our paths, with the commands scope only", async () => {
    const manifest = parse(await readFile("src/integrations/slack/manifest.yaml", "utf8")) as {
      features: { slash_commands: Array<{ command: string; url: string }>; shortcuts: Array<{ type: string; callback_id: string }> };
      oauth_config: { scopes: { bot: string[]; user?: string[] } };
      settings: { interactivity: { is_enabled: boolean; request_url: string } };
    };
    expect(new URL(manifest.features.slash_commands[0]?.url ?? "").pathname).toBe("/integrations/slack/commands");
    expect(manifest.features.shortcuts).toEqual([expect.objectContaining({ type: "message", callback_id: DIAGNOSE_MESSAGE })]);
    expect(new URL(manifest.settings.interactivity.request_url).pathname).toBe("/integrations/slack/interactions");
    expect(manifest.oauth_config.scopes).toEqual({ bot: ["commands"] });
  });

  it("the Discord commands are /diagnose with a string option `log` and the Diagnose message command", () => {
    const slash = discordCommands.find((c) => c.type === 1);
    expect(slash?.name).toBe("diagnose");
    expect(slash?.options?.find((o) => o.name === "log")).toMatchObject({ type: 3, required: true });
    expect(discordCommands.find((c) => c.type === 3)?.name).toBe("Diagnose");
  });
});

describe("chat configuration, parsed once at the edge", () => {
  it("accepts the secrets and a public URL (without its trailing slash), and refuses a malformed key", async () => {
    const { loadConfig } = await import("../../src/node/config");
    const { chatConfigFromEnv } = await import("../../src/integrations/chat-config");
    const ok = loadConfig({ SLACK_SIGNING_SECRET: "s3cret", DISCORD_PUBLIC_KEY: "ab".repeat(32), PUBLIC_URL: "https://kb.example.org/" });
    expect(chatConfigFromEnv(ok)).toEqual({
      slackSigningSecret: "s3cret",
      discordPublicKey: "ab".repeat(32),
      publicUrl: "https://kb.example.org",
    });
    expect(chatConfigFromEnv(loadConfig({}))).toEqual({ slackSigningSecret: undefined, discordPublicKey: undefined, publicUrl: undefined });
    expect(() => loadConfig({ DISCORD_PUBLIC_KEY: "not-hex" })).toThrow(/DISCORD_PUBLIC_KEY/);
    expect(() => loadConfig({ PUBLIC_URL: "ftp://kb.example.org" })).toThrow(/PUBLIC_URL/);
  });
});
