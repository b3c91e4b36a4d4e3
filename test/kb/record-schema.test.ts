import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { buildKnowledgeBase } from "../../src/kb/build-kb";
import { parseRecordFile } from "../../src/kb/parse-record";
import { hasUnverifiedFacts } from "../../src/kb/unverified";

// Evidence levels (PLAN.md "Evidence levels"): old `verified` files stay valid, `evidence` and per-end
// overrides are read into one level per range end, and a corroborated fact needs two distinct sources.
const FILE = "data/bugs/xt-mark-ipv6-typo-2024.yaml";
const seedText = await readFile(FILE, "utf8");

/** The seed record with its first range (and anything else) edited through the YAML document. */
function edited(edit: (doc: ReturnType<typeof parseDocument>) => void) {
  const doc = parseDocument(seedText);
  edit(doc);
  return parseRecordFile(FILE, doc.toString());
}
const RANGE = ["affected", 0, "ranges", 0];
const A = "https://example.org/report-a";
const B = "https://example.org/report-b";

function setRange(doc: ReturnType<typeof parseDocument>, fields: Record<string, unknown>) {
  doc.deleteIn([...RANGE, "verified"]);
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) doc.deleteIn([...RANGE, k]);
    else doc.setIn([...RANGE, k], v);
  }
}

function firstRange(parsed: ReturnType<typeof parseRecordFile>) {
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join("; "));
  const range = parsed.record.affected[0]?.ranges[0];
  if (!range) throw new Error("no range");
  return range;
}

const problemsOf = (parsed: ReturnType<typeof parseRecordFile>) => (parsed.ok ? [] : parsed.problems.map((p) => `${p.path}: ${p.message}`));

describe("evidence levels in records", () => {
  it("says a range without its source as what to add, not in the schema library's words (review 64h F4)", () => {
    const parsed = edited((doc) => doc.deleteIn([...RANGE, "source"]));
    expect(problemsOf(parsed)).toEqual([expect.stringMatching(/^affected\.0\.ranges\.0\.source: a source URL is needed here/)]);
  });

  it("reads the older verified flag as a level on every end", () => {
    const verified = firstRange(edited((doc) => setRange(doc, { verified: true })));
    expect(verified).toMatchObject({ evidence: "verified", introducedEvidence: "verified", fixedEvidence: "verified", verified: true });
    const reported = firstRange(edited((doc) => setRange(doc, { verified: false })));
    expect(reported).toMatchObject({ evidence: "reported", introducedEvidence: "reported", fixedEvidence: "reported", verified: false });
  });

  it("lets each end override the range's level", () => {
    const range = firstRange(edited((doc) => setRange(doc, { evidence: "verified", fixedEvidence: "reported" })));
    expect(range).toMatchObject({ evidence: "verified", introducedEvidence: "verified", fixedEvidence: "reported", verified: false });
  });

  it("accepts corroborated with two distinct sources and rejects it with one", () => {
    const ok = firstRange(edited((doc) => setRange(doc, { evidence: "corroborated", source: A, sources: [B] })));
    expect(ok).toMatchObject({ evidence: "corroborated", fixedEvidence: "corroborated", sources: [B] });
    const same = edited((doc) => setRange(doc, { evidence: "corroborated", source: A, sources: [A] }));
    expect(problemsOf(same)).toEqual([expect.stringMatching(/sources: corroborated needs at least 2 distinct/)]);
    const perEnd = edited((doc) => setRange(doc, { evidence: "verified", fixedEvidence: "corroborated", source: A, sources: undefined }));
    expect(problemsOf(perEnd)).toEqual([expect.stringMatching(/corroborated needs at least 2 distinct/)]);
  });

  it("counts one thread once however it is linked: a query string, the repository's case, its issue or pull request (review 66h F4)", () => {
    const thread = "https://github.com/moby/moby/issues/41562";
    for (const again of [
      "https://github.com/Moby/Moby/issues/41562?notification_referrer_id=NT_kwDOABCD",
      "https://github.com/moby/moby/pull/41562",
      "https://www.github.com/moby/moby/issues/41562/",
    ]) {
      const twice = edited((doc) => setRange(doc, { evidence: "corroborated", source: thread, sources: [again] }));
      expect(problemsOf(twice), again).toEqual([expect.stringMatching(/corroborated needs at least 2 distinct/)]);
    }
    // A tracker's own parameter names what is linked: two Bugzilla bugs are two reports (review 66i F4); a tracking one not.
    const bugs = edited((doc) =>
      setRange(doc, {
        evidence: "corroborated",
        source: "https://bugzilla.redhat.com/show_bug.cgi?id=1507149",
        sources: ["https://bugzilla.redhat.com/show_bug.cgi?id=2055362"],
      }),
    );
    expect(problemsOf(bugs)).toEqual([]);
    const tracked = edited((doc) =>
      setRange(doc, {
        evidence: "corroborated",
        source: "https://bugzilla.redhat.com/show_bug.cgi?id=1507149",
        sources: ["https://bugzilla.redhat.com/show_bug.cgi?id=1507149&utm_source=mail"],
      }),
    );
    expect(problemsOf(tracked)).toEqual([expect.stringMatching(/corroborated needs at least 2 distinct/)]);
    // Another thread of the same repository is another report.
    const two = edited((doc) =>
      setRange(doc, { evidence: "corroborated", source: thread, sources: ["https://github.com/moby/moby/issues/41563"] }),
    );
    expect(problemsOf(two)).toEqual([]);
  });

  it("refuses an alias not written in its kind's form, saying the form (review 66h F5)", () => {
    const alias = (value: string, kind: string) =>
      problemsOf(
        edited((doc) => {
          doc.setIn(["aliases", 0, "value"], value);
          doc.setIn(["aliases", 0, "kind"], kind);
        }),
      ).filter((p) => p.startsWith("aliases.0.value"));
    expect(alias("CVE 2024 50038", "cve")).toEqual([expect.stringMatching(/a cve alias is written CVE-YYYY-NNNN/)]);
    expect(alias("https://github.com/opencontainers/runc/issues/3952", "issue")).toEqual([expect.stringMatching(/owner\/repo#N/)]);
    expect(alias("traefik/traefik#12256", "commit")).toEqual([expect.stringMatching(/a pull request is an issue alias/)]);
    expect(alias("CVE-2024-50038", "cve")).toEqual([]);
    expect(alias("306ed1728e84", "commit")).toEqual([]);
  });

  it("takes verified only with a primary source among the fact's URLs, not a report thread alone", () => {
    const ISSUE = "https://github.com/kubernetes/kubernetes/issues/126971";
    const COMMIT = "https://github.com/torvalds/linux/commit/306ed1728e8438caed30332e1ab46b28c25fe3d8";
    const threadOnly = edited((doc) => setRange(doc, { evidence: "verified", source: ISSUE, sources: undefined }));
    expect(problemsOf(threadOnly)).toEqual([expect.stringMatching(/source: verified needs a primary source .* is a report thread/)]);
    // Only the verified end counts: a reported range from one thread is what the level says.
    expect(problemsOf(edited((doc) => setRange(doc, { evidence: "reported", source: ISSUE, sources: undefined })))).toEqual([]);
    expect(
      problemsOf(edited((doc) => setRange(doc, { evidence: "reported", fixedEvidence: "verified", source: ISSUE, sources: undefined }))),
    ).toHaveLength(1);
    // The thread may stay beside the primary it led to.
    expect(problemsOf(edited((doc) => setRange(doc, { evidence: "verified", source: ISSUE, sources: [COMMIT] })))).toEqual([]);
    const commit = edited((doc) => {
      doc.setIn(["commits", 0, "source"], ISSUE);
      doc.deleteIn(["commits", 0, "sources"]);
    });
    expect(problemsOf(commit)).toEqual([expect.stringMatching(/^commits\.0\.source: verified needs a primary source/)]);
    // An issue alias cited by its own thread is verified by it (under a moved owner too); by another thread, not.
    const alias = (kind: string, value: string, source: string) =>
      problemsOf(
        edited((doc) => {
          doc.setIn(["aliases", 0, "kind"], kind);
          doc.setIn(["aliases", 0, "value"], value);
          doc.setIn(["aliases", 0, "source"], source);
        }),
      );
    expect(alias("issue", "kubernetes/kubernetes#126971", ISSUE)).toEqual([]);
    expect(alias("issue", "containers/podman#9733", "https://github.com/podman-container-tools/podman/issues/9733")).toEqual([]);
    expect(alias("issue", "kubernetes/kubernetes#126972", ISSUE)).toEqual([
      expect.stringMatching(/^aliases\.0\.source: verified needs a primary/),
    ]);
    expect(alias("distro-bug", "RHBZ#2321325", "https://github.com/tailscale/tailscale/issues/13863")).toHaveLength(1);
    expect(alias("distro-bug", "RHBZ#2321325", "https://bugzilla.redhat.com/show_bug.cgi?id=2321325")).toEqual([]);
    // A search term (a sysctl's name) claims nothing to verify.
    expect(alias("other", "net.ipv4.tcp_tw_recycle", ISSUE)).toEqual([]);
    // A pull request verifies the issues of its own project it fixes, not another project's issue or a distribution's
    // bug it names (review 67g F4a).
    expect(alias("issue", "moby/libnetwork#1090", "https://github.com/moby/libnetwork/pull/2275")).toEqual([]);
    expect(alias("issue", "aws/amazon-vpc-cni-k8s#1854", "https://github.com/cilium/cilium/pull/36857")).toEqual([
      expect.stringMatching(/^aliases\.0\.source: a verified issue alias is read in its own thread/),
    ]);
    expect(alias("distro-bug", "LP#2091990", "https://github.com/cilium/cilium/pull/36857")).toEqual([
      expect.stringMatching(/^aliases\.0\.source: a verified distro-bug alias is read in its own thread/),
    ]);
    // A distribution's changelog that names it is a primary source.
    expect(alias("distro-bug", "LP#2091990", "https://sources.debian.org/src/linux/6.1.106-3/debian/changelog/")).toEqual([]);
  });

  it("takes another project's pull request as a report for ranges and commits, its own project's as primary (review 70e F1)", async () => {
    // The seed's linux 6.6 range and its 306ed1728e84 commit, cited by a pull request alone.
    const OTHER = "https://github.com/cilium/cilium/pull/36857";
    const cited = (source: string) =>
      problemsOf(
        edited((doc) => {
          setRange(doc, { evidence: "verified", source, sources: undefined });
          doc.setIn(["commits", 0, "source"], source);
          doc.deleteIn(["commits", 0, "sources"]);
        }),
      );
    expect(cited(OTHER)).toEqual([
      expect.stringMatching(
        /^commits\.0\.source: verified needs a primary source .*cilium\/cilium\/pull\/36857 is another project's pull request/,
      ),
      expect.stringMatching(/^affected\.0\.ranges\.0\.source: verified needs a primary source .*is another project's pull request/),
    ]);
    // The kernel takes no pull requests: one in a linux repository is a fork's, not upstream's word.
    expect(cited("https://github.com/raspberrypi/linux/pull/6500")).toHaveLength(2);
    // Reported or corroborated, the same pull request is what the level says.
    expect(problemsOf(edited((doc) => setRange(doc, { evidence: "reported", source: OTHER, sources: undefined })))).toEqual([]);
    // A project's own pull request verifies its own releases: Docker's engine is moby/moby.
    const dockerRange = async (source: string) => {
      const file = "data/bugs/docker-28.0.0-ipset-modules-required.yaml";
      const doc = parseDocument(await readFile(file, "utf8"));
      doc.setIn(["affected", 0, "ranges", 0, "source"], source);
      doc.deleteIn(["affected", 0, "ranges", 0, "sources"]);
      return problemsOf(parseRecordFile(file, doc.toString()));
    };
    expect(await dockerRange("https://github.com/moby/moby/pull/49530")).toEqual([]);
    expect(await dockerRange("https://github.com/containerbase/base/pull/4160")).toEqual([
      expect.stringMatching(/^affected\.0\.ranges\.0\.source: .*containerbase\/base\/pull\/4160 is another project's pull request/),
    ]);
    // The reviewer's case: AL2023's fix verified on an issue comment and Bottlerocket's and Heroku's pull requests.
    const file = "data/bugs/al2023-bottlerocket-6.1-io-uring-hang-2024.yaml";
    const doc = parseDocument(await readFile(file, "utf8"));
    const entry = (doc.toJS().affected as { ecosystem: string }[]).findIndex((a) => a.ecosystem === "amzn:2023");
    const range = ["affected", entry, "ranges", 0];
    doc.setIn([...range, "evidence"], "verified");
    const sources = (doc.getIn([...range, "sources"]) as { toJSON(): string[] }).toJSON();
    doc.setIn(
      [...range, "sources"],
      sources.filter((u) => !u.includes("CHANGELOG")),
    );
    expect(problemsOf(parseRecordFile(file, doc.toString()))).toEqual([
      expect.stringMatching(new RegExp(`^affected\\.${entry}\\.ranges\\.0\\.source: .*are other projects' pull requests`)),
    ]);
  });

  it("refuses a fix step too long for a chat answer to show whole, naming the step", () => {
    const long = edited((doc) =>
      doc.set("fix", `1. Confirm with \`uname -r\`.\n2. Upgrade:\n${"   - a build of some flavour\n".repeat(60)}`),
    );
    expect(problemsOf(long)).toEqual([expect.stringMatching(/^fix: step 2 has \d+ characters, more than 1500: split it/)]);
  });

  it("applies the same rules to aliases and commits", () => {
    const alias = edited((doc) => {
      doc.deleteIn(["aliases", 0, "verified"]);
      doc.setIn(["aliases", 0, "evidence"], "corroborated");
    });
    expect(problemsOf(alias)).toEqual([expect.stringMatching(/^aliases\.0\.sources: corroborated/)]);
    const commit = edited((doc) => doc.setIn(["commits", 0, "evidence"], "reported"));
    expect(problemsOf(commit)).toEqual([expect.stringMatching(/^commits\.0\.verified: verified: true means evidence: verified/)]);
  });

  it("requires a level and refuses one that contradicts the verified flag", () => {
    expect(problemsOf(edited((doc) => setRange(doc, {})))).toEqual([expect.stringMatching(/evidence: give evidence/)]);
    expect(problemsOf(edited((doc) => setRange(doc, { verified: false, evidence: "corroborated", sources: [B] })))).toEqual([
      expect.stringMatching(/verified: false means evidence: reported/),
    ]);
    expect(problemsOf(edited((doc) => setRange(doc, { verified: true, fixedEvidence: "reported", fixed: undefined })))).toContainEqual(
      expect.stringMatching(/fixedEvidence needs a fixed or lastAffected end/),
    );
  });

  it("asks what is known after a verified lastAffected end, and judges the builds after a reported one unknown (review 67b F1)", () => {
    const bare = edited((doc) => setRange(doc, { evidence: "verified", fixed: undefined, lastAffected: "5.15.0-127.137" }));
    expect(problemsOf(bare)).toEqual([
      expect.stringMatching(/^affected\.0\.ranges\.0\.fixedEvidence: say how certain .* lastAffected 5\.15\.0-127\.137/),
    ]);
    const said = edited((doc) =>
      setRange(doc, { evidence: "verified", fixed: undefined, lastAffected: "5.15.0-127.137", fixedEvidence: "reported" }),
    );
    expect(firstRange(said).fixedEvidence).toBe("reported");
    // A range reported throughout needs no more words: its end is no firmer than the rest.
    const reported = edited((doc) => setRange(doc, { evidence: "reported", fixed: undefined, lastAffected: "5.15.0-127.137" }));
    expect(firstRange(reported).fixedEvidence).toBe("reported");
  });

  it("counts a record with a reported end as carrying unverified facts", () => {
    const parsed = edited((doc) => setRange(doc, { evidence: "verified" }));
    if (!parsed.ok) throw new Error("record did not parse");
    const range = firstRange(parsed);
    const clean = {
      ...parsed.record,
      unverified: [],
      aliases: [],
      commits: [],
      affected: [{ ...parsed.record.affected[0], ranges: [range] }],
    };
    const record = clean as typeof parsed.record;
    expect(hasUnverifiedFacts(record)).toBe(false);
    range.fixedEvidence = "reported";
    expect(hasUnverifiedFacts(record)).toBe(true);
  });
});

describe("a repository's package builds", () => {
  it("refuses a docker-ce end without its epoch, or with the release it was built for (review 65h F1)", async () => {
    // Every docker-ce .deb since 18.09 is "5:<version>-1~<distro>…": an end without the epoch sorts before every real build.
    const withEnds = async (introduced: string, fixed: string) => {
      const doc = parseDocument(seedText);
      doc.addIn(["affected"], {
        ecosystem: "download.docker.com:deb",
        package: "docker-ce",
        ranges: [{ introduced, fixed, evidence: "verified", source: "https://docs.docker.com/engine/release-notes/25.0/" }],
      });
      const built = await buildKnowledgeBase([{ file: FILE, text: doc.toString() }]);
      return built.ok ? [] : built.problems.map((p) => `${p.path}: ${p.message}`);
    };
    const at = (problems: string[]) => problems.filter((p) => /^affected\.\d+\.ranges\.0\./.test(p));
    expect(at(await withEnds("25.0.0-1", "25.0.1-1"))).toEqual([
      expect.stringMatching(/introduced: docker-ce's builds in download\.docker\.com:deb carry the epoch 5: write "5:25\.0\.0-1"/),
      expect.stringMatching(/fixed: docker-ce's builds .* write "5:25\.0\.1-1"/),
    ]);
    expect(at(await withEnds("5:25.0.0-1~ubuntu.22.04~jammy", "5:25.0.1-1"))).toEqual([
      expect.stringMatching(/introduced: .*names the release it was built for: write the build without "~ubuntu\.22\.04~jammy"/),
    ]);
    expect(at(await withEnds("5:25.0.0-1", "5:25.0.1-1"))).toEqual([]);
  });

  it("refuses a Debian or Ubuntu end written as upstream writes a pre-release (review 66h F2)", async () => {
    // "1.0.0-rc93" reads in dpkg's order as 1.0.0, revision rc93: bullseye's fixed runc 1.0.0~rc93+ds1-5+b2 sorts before it.
    const ending = async (fixed: string) => {
      const doc = parseDocument(seedText);
      doc.addIn(["affected"], {
        ecosystem: "debian:11",
        package: "runc",
        kind: "requirement",
        ranges: [{ introduced: "0", fixed, evidence: "verified", source: "https://github.com/opencontainers/runc/commit/6dfbe9b80707" }],
      });
      const built = await buildKnowledgeBase([{ file: FILE, text: doc.toString() }]);
      return (built.ok ? [] : built.problems.map((p) => `${p.path}: ${p.message}`)).filter((p) => /ranges\.0\.fixed/.test(p));
    };
    expect(await ending("1.0.0-rc93")).toEqual([
      expect.stringMatching(/reads in dpkg's order as 1\.0\.0, revision rc93.*1\.0\.0~rc93\+ds1-1/),
    ]);
    expect(await ending("1.0.0~rc93+ds1-1")).toEqual([]);
  });
});

describe("relations and requirements", () => {
  it("rejects a relation to a record that does not exist, or to itself", async () => {
    const doc = parseDocument(seedText);
    doc.set("relations", [{ id: "no-such-record", kind: "masks", note: "n" }]);
    const built = await buildKnowledgeBase([{ file: FILE, text: doc.toString() }]);
    expect(built.ok ? [] : built.problems.map((p) => `${p.path}: ${p.message}`)).toContainEqual(
      expect.stringMatching(/^relations\.0\.id: relation to "no-such-record"/),
    );
    // A relation to a record whose own file failed is no dangling one: that file's problem is said once (review 69b F6).
    const other = seedText.replace(/^id: .*$/m, "id: other-record").replace(/fixed: "[^"]+"/, "fixed: 4.10");
    const both = await buildKnowledgeBase([
      { file: FILE, text: doc.toString().replace("no-such-record", "other-record") },
      { file: "data/bugs/other-record.yaml", text: other },
    ]);
    const said = both.ok ? [] : both.problems.map((p) => `${p.file} ${p.path}: ${p.message}`);
    expect(said).toContainEqual(expect.stringMatching(/other-record\.yaml .*fixed: .*\(quote it: YAML reads 4\.10 as the number 4\.1\)/));
    expect(said.filter((p) => p.includes("relation to"))).toEqual([]);
    doc.set("relations", [{ id: "xt-mark-ipv6-typo-2024", kind: "explains", note: "n" }]);
    expect(problemsOf(parseRecordFile(FILE, doc.toString()))).toContainEqual(expect.stringMatching(/cannot relate to itself/));
  });

  it("tells a duplicate alias on every record that claims it, each with its line, in file order (review 70e F5)", async () => {
    // The reviewer's mistake: falco's CVE-2024-50063 added to the calico record, which sorts first.
    const CALICO = "data/bugs/calico-ebpf-ctlb-tailcall-einval-cve-2025-40123.yaml";
    const FALCO = "data/bugs/falco-modern-ebpf-tailcall-sys-exit-einval-6.12-6.6.57.yaml";
    const calico = parseDocument(await readFile(CALICO, "utf8"));
    const aliases = calico.get("aliases") as { items: unknown[] };
    calico.addIn(["aliases"], { value: "CVE-2024-50063", kind: "cve", verified: false, source: "https://example.org/a-report" });
    const calicoText = calico.toString();
    const falcoText = await readFile(FALCO, "utf8");
    const built = await buildKnowledgeBase([
      { file: FALCO, text: falcoText },
      { file: CALICO, text: calicoText },
    ]);
    const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;
    const calicoLine = lineOf(calicoText, "value: CVE-2024-50063");
    const falcoLine = lineOf(falcoText, "value: CVE-2024-50063");
    expect(built.ok ? [] : built.problems.map((p) => `${p.file}:${p.line} ${p.path}: ${p.message}`)).toEqual([
      `${CALICO}:${calicoLine} aliases.${aliases.items.length - 1}.value: alias "CVE-2024-50063" is also claimed by falco-modern-ebpf-tailcall-sys-exit-einval-6.12-6.6.57 (${FALCO}:${falcoLine})`,
      `${FALCO}:${falcoLine} aliases.0.value: alias "CVE-2024-50063" is also claimed by calico-ebpf-ctlb-tailcall-einval-cve-2025-40123 (${CALICO}:${calicoLine})`,
    ]);
  });

  it("refuses a commit id that is not the commit its source page shows (review 69b F5)", () => {
    const page = "https://github.com/torvalds/linux/commit/306ed1728e8438caed30332e1ab46b28c25fe3d8";
    const commit = (id: string, repo = "torvalds/linux") =>
      edited((doc) => {
        doc.setIn(["commits", 0, "id"], id);
        doc.setIn(["commits", 0, "repo"], repo);
        doc.setIn(["commits", 0, "source"], page);
      });
    expect(problemsOf(commit("0bfcb7b71e735560077a42847f69597ec7dcc326"))).toContainEqual(
      expect.stringMatching(/^commits\.0\.id: 0bfcb7b71e73\S* is not the commit its source shows \(306ed1728e84 of torvalds\/linux\)/),
    );
    expect(problemsOf(commit("306ed1728e84"))).toEqual([]);
    // Another repository's commit page may name this one (a backport's "upstream commit"): not held to it.
    expect(problemsOf(commit("0bfcb7b71e735560077a42847f69597ec7dcc326", "stable/linux"))).toEqual([]);
  });

  it("refuses a commit id with a digit lost or added in copying, as commit and as alias (review 70e F3)", () => {
    const whole = "306ed1728e8438caed30332e1ab46b28c25fe3d8";
    const asCommit = (id: string) => problemsOf(edited((doc) => doc.setIn(["commits", 0, "id"], id)));
    expect(asCommit(whole.slice(0, 39))).toContainEqual(
      expect.stringMatching(/^commits\.0\.id: a whole commit id has 40 hex digits .* this one has 39/),
    );
    expect(asCommit(`${whole}a`)).toContainEqual(expect.stringMatching(/this one has 41/));
    expect(asCommit(whole)).toEqual([]);
    expect(asCommit(whole.slice(0, 12))).toEqual([]);
    const asAlias = (value: string) =>
      problemsOf(
        edited((doc) => {
          doc.setIn(["aliases", 0, "kind"], "commit");
          doc.setIn(["aliases", 0, "value"], value);
        }),
      ).filter((p) => p.startsWith("aliases.0.value"));
    expect(asAlias(whole.slice(0, 39))).toContainEqual(
      expect.stringMatching(/a commit alias is written a commit's hash \(7 to 16 .* or all 40\)/),
    );
    expect(asAlias(whole.slice(0, 12))).toEqual([]);
  });

  it("reads a requirement as introduced 0 up to the first version with the feature", () => {
    const bad = edited((doc) => doc.setIn(["affected", 0, "kind"], "requirement"));
    expect(problemsOf(bad).some((p) => /a requirement range is introduced: "0"/.test(p))).toBe(true);
    const backportsOnRegression = edited((doc) => doc.setIn(["affected", 0, "backports"], [{ ecosystem: "rhel:7", source: A }]));
    expect(problemsOf(backportsOnRegression)).toContainEqual(expect.stringMatching(/backports only apply to kind: requirement/));
  });
});

describe("record context", () => {
  const withContext = (evidence: string[]) => edited((doc) => doc.set("context", { requires: "a test board", evidence, source: A }));

  it("accepts RE2 patterns with what the bug needs, in words, and a source", () => {
    const parsed = withContext(["\\bboard-x\\b"]);
    expect(problemsOf(parsed)).toEqual([]);
    expect(parsed.ok && parsed.record.context).toMatchObject({ requires: "a test board", evidence: ["\\bboard-x\\b"] });
  });

  it("refuses a pattern RE2 cannot compile (no backreferences or lookaround)", () => {
    expect(problemsOf(withContext(["(?<=x)board"])).join("\n")).toMatch(/context\.evidence\.0: must be an RE2 regex/);
  });
  it("lets a signature of the record show the context by itself, and refuses an id the record does not have", () => {
    const shownBy = (ids: string[]) =>
      edited((doc) => doc.set("context", { requires: "a test board", evidence: ["board-x"], shownBy: ids, source: A }));
    const own = parseRecordFile(FILE, seedText);
    const first = own.ok ? (own.record.signatures[0]?.id ?? "") : "";
    expect(problemsOf(shownBy([first]))).toEqual([]);
    expect(problemsOf(shownBy(["no-such-signature"])).join("\n")).toMatch(/context\.shownBy\.0: no signature "no-such-signature"/);
  });
});

describe("a range that dates some signatures' lines", () => {
  it("names signatures of the record, and refuses an id it does not have", () => {
    const own = parseRecordFile(FILE, seedText);
    const first = own.ok ? (own.record.signatures[0]?.id ?? "") : "";
    const scoped = (ids: string[]) => edited((doc) => doc.setIn([...RANGE, "symptoms"], ids));
    expect(firstRange(scoped([first])).symptoms).toEqual([first]);
    expect(problemsOf(scoped(["no-such-signature"])).join("\n")).toMatch(
      /affected\.0\.ranges\.0\.symptoms\.0: no signature "no-such-signature"/,
    );
  });
});

describe("other causes of a signature's line (review 69a F3)", () => {
  it("accept a cause whose source the record cites, and refuse one citing nothing it references", () => {
    const own = parseRecordFile(FILE, seedText);
    const cited = own.ok ? (own.record.references[0]?.url ?? "") : "";
    const cause = (source: string) => edited((doc) => doc.setIn(["signatures", 0, "alsoPrintedBy"], [{ cause: "another setup", source }]));
    expect(problemsOf(cause(cited))).toEqual([]);
    expect(problemsOf(cause("https://example.org/not-cited")).join("\n")).toMatch(
      /signatures\.0\.alsoPrintedBy\.0\.source: cite a source among the record's references/,
    );
    expect(problemsOf(edited((doc) => doc.setIn(["signatures", 0, "alsoPrintedBy"], []))).join("\n")).toMatch(
      /signatures\.0\.alsoPrintedBy/,
    );
  });
});

describe("unranged causes", () => {
  it("accept a cause whose source the record cites, and refuse one citing nothing it references", () => {
    const own = parseRecordFile(FILE, seedText);
    const cited = own.ok ? (own.record.references[0]?.url ?? "") : "";
    const cause = (source: string) => edited((doc) => doc.set("unrangedCauses", [{ cause: "a setup no range covers", source }]));
    expect(problemsOf(cause(cited))).toEqual([]);
    expect(problemsOf(cause("https://example.org/not-cited")).join("\n")).toMatch(
      /unrangedCauses\.0\.source: cite a source among the record's references/,
    );
    // The line that shows the cause: an RE2 pattern holding its literal as written, from a cited source.
    const shown = (shownBy: Record<string, string>) =>
      edited((doc) => doc.set("unrangedCauses", [{ cause: "a setup no range covers", source: cited, shownBy }]));
    expect(problemsOf(shown({ pattern: "^x_key = on", literal: "x_key", source: cited }))).toEqual([]);
    expect(problemsOf(shown({ pattern: "^x_key = on", literal: "y_key", source: cited })).join("\n")).toMatch(/shownBy\.literal/);
    expect(problemsOf(shown({ pattern: "(?<=x)key", literal: "key", source: cited })).join("\n")).toMatch(
      /shownBy\.pattern: must be an RE2 regex/,
    );
    expect(problemsOf(shown({ pattern: "^x_key", literal: "x_key", source: "https://example.org/nope" })).join("\n")).toMatch(
      /shownBy\.source: cite a source/,
    );
  });
});

describe("distribution-only records", () => {
  it("accept the mark only when every affected entry is a distribution release's", () => {
    // The seed record's ranges are upstream kernels (linux) and distribution packages: no distribution's bug alone.
    expect(problemsOf(edited((doc) => doc.set("distributionOnly", true))).join("\n")).toMatch(
      /distributionOnly: needs every affected entry to be a distribution release's/,
    );
    const ubuntuOnly = edited((doc) => {
      doc.set("distributionOnly", true);
      const own = parseRecordFile(FILE, seedText);
      const ubuntu = own.ok ? own.record.affected.filter((a) => a.ecosystem.startsWith("ubuntu:")).length : 0;
      expect(ubuntu).toBeGreaterThan(0);
      doc.set(
        "affected",
        doc.get("affected").items.filter((item: { get: (k: string) => unknown }) => String(item.get("ecosystem")).startsWith("ubuntu:")),
      );
    });
    expect(problemsOf(ubuntuOnly)).toEqual([]);
  });

  it("refuse the mark on a package repository's ranges, which serve several distributions", async () => {
    const TUN = "data/bugs/runc-1.2.0-tun-tap-removed-from-default-devices.yaml";
    const doc = parseDocument(await readFile(TUN, "utf8"));
    doc.set("distributionOnly", true);
    // Its ranges: runc's, then Docker's apt containerd.io; the repository's alone is left.
    expect(doc.getIn(["affected", 1, "ecosystem"])).toBe("download.docker.com:deb");
    doc.deleteIn(["affected", 0]);
    expect(problemsOf(parseRecordFile(TUN, doc.toString())).join("\n")).toMatch(/distributionOnly: needs every affected entry/);
  });
});

describe("records about one device driver (review 72a F6)", () => {
  const ENA = "data/bugs/aws-ena-tx-timeout-device-reset.yaml";

  it("name the driver their positive examples' device lines name, and no other", async () => {
    const doc = parseDocument(await readFile(ENA, "utf8"));
    expect(doc.toJS().drivers).toEqual(["ena"]);
    expect(problemsOf(parseRecordFile(ENA, doc.toString()))).toEqual([]);
    doc.set("drivers", ["bnxt_en"]);
    expect(problemsOf(parseRecordFile(ENA, doc.toString()))).toEqual([
      expect.stringMatching(/^drivers\.0: no device line of a positive example names bnxt_en/),
      expect.stringMatching(/^drivers: a positive example's device line names ena: list it/),
    ]);
    // The seed record's examples are iptables' and kube-proxy's lines: no device's.
    expect(problemsOf(edited((seed) => seed.set("drivers", ["ena"])))).toEqual([
      expect.stringMatching(/^drivers\.0: no device line of a positive example names ena/),
    ]);
  });
});

const NEWLIBC = "data/bugs/new-libc-images-on-old-docker-seccomp.yaml";
const newLibcText = await readFile(NEWLIBC, "utf8");

describe("a signature's component", () => {
  const component = (value: string) => {
    const doc = parseDocument(newLibcText);
    doc.setIn(["signatures", 0, "component"], value);
    return problemsOf(parseRecordFile(NEWLIBC, doc.toString())).join("\n");
  };

  it("names a component the record ranges, never a distribution's release or one it does not", () => {
    expect(component("docker")).toBe("");
    expect(component("libseccomp")).toBe("");
    expect(component("containerd")).toMatch(/signatures\.0\.component: must name a component the record ranges \(docker, libseccomp\)/);
    const seed = parseDocument(seedText);
    seed.setIn(["signatures", 0, "component"], "ubuntu:24.04");
    expect(problemsOf(parseRecordFile(FILE, seed.toString())).join("\n")).toMatch(/component: must name a component the record ranges/);
  });
});

describe("a signature's printedFrom and printedBefore", () => {
  const DOCKER29 = "data/bugs/docker-29-minimum-api-1.44-old-clients.yaml";
  const withPrinted = async (printed: object, field = "printedFrom") => {
    const doc = parseDocument(await readFile(DOCKER29, "utf8"));
    doc.setIn(["signatures", 0, field], printed);
    const built = await buildKnowledgeBase([{ file: DOCKER29, text: doc.toString() }]);
    return built.ok ? [] : built.problems.map((p) => `${p.path}: ${p.message}`);
  };

  it("names an ecosystem the record ranges, with a version of its scheme and a source", async () => {
    const src = "https://github.com/moby/moby/blob/docker-v29.0.0/daemon/config/config.go#L66";
    expect(await withPrinted({ ecosystem: "docker", version: "29.0.0", evidence: "verified", source: src })).toEqual([]);
    expect(await withPrinted({ ecosystem: "containerd", version: "2.0.0", evidence: "verified", source: src })).toContainEqual(
      expect.stringMatching(/signatures\.0\.printedFrom\.ecosystem: must name an ecosystem the record ranges \(docker, traefik\)/),
    );
    expect(await withPrinted({ ecosystem: "docker", version: "docker-29", evidence: "verified", source: src })).toContainEqual(
      'signatures.0.printedFrom.version: "docker-29" is no docker version',
    );
    expect((await withPrinted({ ecosystem: "docker", version: "29.0.0", evidence: "verified" })).join("\n")).toMatch(/printedFrom\.source/);
    // printedBefore (a message the fix removed) is checked alike.
    expect(await withPrinted({ ecosystem: "docker", version: "29.3.0", evidence: "verified", source: src }, "printedBefore")).toEqual([]);
    expect(
      await withPrinted({ ecosystem: "containerd", version: "2.0.0", evidence: "verified", source: src }, "printedBefore"),
    ).toContainEqual(expect.stringMatching(/signatures\.0\.printedBefore\.ecosystem: must name an ecosystem the record ranges/));
    expect(
      await withPrinted({ ecosystem: "docker", version: "docker-29", evidence: "verified", source: src }, "printedBefore"),
    ).toContainEqual('signatures.0.printedBefore.version: "docker-29" is no docker version');
  });
});

describe("refuting signatures", () => {
  it("accept refutes on a regex and refuse it on a literal", () => {
    const own = parseRecordFile(FILE, seedText);
    const kinds = own.ok ? own.record.signatures.map((s) => s.kind) : [];
    const regex = kinds.indexOf("regex");
    const literal = kinds.indexOf("literal");
    expect(regex).toBeGreaterThanOrEqual(0);
    expect(literal).toBeGreaterThanOrEqual(0);
    expect(problemsOf(edited((doc) => doc.setIn(["signatures", regex, "refutes"], true)))).toEqual([]);
    expect(problemsOf(edited((doc) => doc.setIn(["signatures", literal, "refutes"], true))).join("\n")).toMatch(
      new RegExp(`signatures\\.${literal}\\.refutes: refutes applies to a regex`),
    );
  });
});

describe("affected kinds", () => {
  const withKind = (kind: string, range: Record<string, unknown>) =>
    edited((doc) => {
      doc.setIn(["affected", 0, "kind"], kind);
      // The seed's linux entry lists branches without the change (notTaken) and its first stable backport, which only
      // a regression may carry.
      doc.deleteIn(["affected", 0, "notTaken"]);
      doc.deleteIn(["affected", 0, "firstBackport"]);
      doc.setIn(["affected", 0, "ranges"], [Object.fromEntries(Object.entries(range).filter(([, v]) => v !== undefined))]);
    });

  it("accepts a removal from its first version without the feature, with no fix", () => {
    expect(
      problemsOf(withKind("removal", { introduced: "4.12", fixed: undefined, lastAffected: undefined, evidence: "verified", source: A })),
    ).toEqual([]);
  });

  it("takes the stable branches a curator found without the change, on a linux regression, and none that has a range", () => {
    const notTaken = (index: number, branch: string) =>
      edited((doc) =>
        doc.setIn(["affected", index, "notTaken"], [{ branch, evidence: "verified", source: "https://lore.kernel.org/all/x@y/" }]),
      );
    const ok = notTaken(0, "5.10");
    expect(problemsOf(ok)).toEqual([]);
    expect(ok.ok && ok.record.affected[0]?.notTaken[0]).toMatchObject({ branch: "5.10", evidence: "verified", verified: true });
    expect(problemsOf(notTaken(0, "6.6")).join("\n")).toMatch(/the 6\.6 branch has a range: it took the change/);
    expect(problemsOf(notTaken(1, "5.10")).join("\n")).toMatch(/notTaken applies to a linux regression's stable branches/);
    expect(problemsOf(notTaken(0, "5.10.x")).join("\n")).toMatch(/a stable branch/);
    const through = edited((doc) =>
      doc.setIn(
        ["affected", 0, "notTaken"],
        [{ branch: "5.10", through: "5.15.3", evidence: "verified", source: "https://lore.kernel.org/all/x@y/" }],
      ),
    );
    expect(problemsOf(through).join("\n")).toMatch(/through must be a release of the 5\.10 branch/);
  });

  it("takes a linux regression's first stable backport where one of its ranges starts, and no range on a branch ended before it", () => {
    const LORE = "https://lore.kernel.org/all/x@y/";
    const first = (index: number, release: string, date: string, ranges?: object[]) =>
      edited((doc) => {
        doc.setIn(["affected", index, "firstBackport"], { release, date, evidence: "verified", source: LORE });
        if (ranges) doc.setIn(["affected", index, "ranges"], ranges);
      });
    // The seed's ranges start at 5.15.168, 6.1.113, 6.6.57 and 6.11.4.
    const ok = first(0, "6.6.57", "2024-10-17");
    expect(problemsOf(ok)).toEqual([]);
    expect(ok.ok && ok.record.affected[0]?.firstBackport).toMatchObject({ release: "6.6.57", date: "2024-10-17", evidence: "verified" });
    expect(problemsOf(first(0, "6.6.58", "2024-10-17")).join("\n")).toMatch(/no range starts at 6\.6\.58/);
    expect(problemsOf(first(0, "6.12", "2024-10-17")).join("\n")).toMatch(/6\.12 is no stable release/);
    expect(problemsOf(first(0, "6.6.57", "17 Oct 2024")).join("\n")).toMatch(/date/i);
    expect(problemsOf(first(1, "6.6.57", "2024-10-17")).join("\n")).toMatch(/firstBackport applies to a linux regression/);
    // 6.9.12, the 6.9 branch's last release, came out on 2024-07-27: a 6.9.y range contradicts a later first backport.
    const ranges = [
      { introduced: "6.6.57", fixed: "6.6.58", evidence: "verified", source: LORE },
      { introduced: "6.9.5", fixed: "6.9.6", evidence: "verified", source: LORE },
    ];
    expect(problemsOf(first(0, "6.6.57", "2024-08-01", ranges)).join("\n")).toMatch(
      /a range starts on the 6\.9 branch, which had ended \(6\.9\.12, 2024-07-27\) before 2024-08-01/,
    );
    expect(problemsOf(first(0, "6.9.5", "2024-07-01", ranges))).toEqual([]);
  });

  it("refuses a removal with a fix or from the beginning", () => {
    expect(problemsOf(withKind("removal", { introduced: "4.12", fixed: "4.13", evidence: "verified", source: A })).join("\n")).toMatch(
      /a removal range/,
    );
    expect(problemsOf(withKind("removal", { introduced: "0", fixed: undefined, evidence: "verified", source: A })).join("\n")).toMatch(
      /a removal range/,
    );
  });
});

describe("what a curator's slip would hide (review 34b)", () => {
  const built = async (edit: (doc: ReturnType<typeof parseDocument>) => void) => {
    const doc = parseDocument(seedText);
    edit(doc);
    const result = await buildKnowledgeBase([{ file: FILE, text: doc.toString() }]);
    return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
  };

  it("refuses a range end or a kernel commit's release that its ecosystem's scheme does not read as a version", async () => {
    // Sorted as text, "runc-1.2.1" placed every later release inside the range: "1.2.5 is in 1.2.0 ≤ v < runc-1.2.1".
    for (const fixed of ["runc-1.2.1", "1.2.l", "1..2.1", "one.two"]) {
      const problems = await built((doc) => {
        doc.setIn(
          ["affected"],
          [{ ecosystem: "runc", package: "runc", ranges: [{ introduced: "1.2.0", fixed, evidence: "reported", source: A }] }],
        );
      });
      expect(problems, fixed).toContainEqual(expect.stringMatching(/^affected\.0\.ranges\.0\.fixed: ".*" is no semver version/));
    }
    expect(
      await built((doc) => {
        doc.setIn(
          ["affected"],
          [{ ecosystem: "runc", package: "runc", ranges: [{ introduced: "1.2.0", fixed: "v1.2.1", evidence: "reported", source: A }] }],
        );
      }),
    ).toEqual([]);
    expect(await built((doc) => doc.setIn(["commits", 0, "versions"], ["v6.12-ish"]))).toContainEqual(
      expect.stringMatching(/^commits\.0\.versions\.0: "v6\.12-ish" is no kernel release/),
    );
  });

  it("counts one URL written two ways once, and takes a forge's issue on any host, in any case, for a report thread", () => {
    for (const twice of [`${A}/`, `${A}#top`, A.replace("https:", "http:"), A.replace("example.org", "Example.ORG")]) {
      const same = edited((doc) => setRange(doc, { evidence: "corroborated", source: A, sources: [twice] }));
      expect(problemsOf(same), twice).toEqual([expect.stringMatching(/sources: corroborated needs at least 2 distinct/)]);
    }
    for (const thread of [
      "https://GitHub.com/opencontainers/runc/issues/4466",
      "https://codeberg.org/forgejo/forgejo/issues/1234",
      "https://news.ycombinator.com/item?id=1",
      "https://bbs.archlinux.org/viewtopic.php?id=1",
    ]) {
      const only = edited((doc) => setRange(doc, { evidence: "verified", source: thread, sources: undefined }));
      expect(problemsOf(only), thread).toEqual([expect.stringMatching(/verified needs a primary source/)]);
    }
  });

  it("takes no repository's front page (its bare root or README) for the primary source of a verified fact (review 69b F4)", () => {
    const STABLE_MAIL = "https://lore.kernel.org/all/1621413120117226@kroah.com/";
    for (const front of [
      "https://github.com/JonathonReinhart/linux-netns-sysctl-verify",
      "https://github.com/JonathonReinhart/linux-netns-sysctl-verify/",
      "https://www.github.com/JonathonReinhart/linux-netns-sysctl-verify#readme",
      "https://github.com/JonathonReinhart/linux-netns-sysctl-verify/blob/master/README.md",
      "https://gitlab.com/some-group/some-notes/-/blob/main/README",
      "https://codeberg.org/someone/notes",
      "https://raw.githubusercontent.com/JonathonReinhart/linux-netns-sysctl-verify/master/README.md",
    ]) {
      const range = edited((doc) => setRange(doc, { evidence: "verified", source: front, sources: undefined }));
      expect(problemsOf(range), front).toEqual([
        expect.stringMatching(
          /^affected\.0\.ranges\.0\.source: verified needs a primary source .* is a repository's front page \(its root or README\)/,
        ),
      ]);
      // Beside the stable mail it points to, it may stay; a reported fact from it says what it is.
      expect(problemsOf(edited((doc) => setRange(doc, { evidence: "verified", source: STABLE_MAIL, sources: [front] }))), front).toEqual(
        [],
      );
      expect(problemsOf(edited((doc) => setRange(doc, { evidence: "reported", source: front, sources: undefined }))), front).toEqual([]);
    }
    // A thread and a front page together are still no primary, and each is named for what it is.
    const both = edited((doc) =>
      setRange(doc, {
        evidence: "verified",
        source: "https://github.com/JonathonReinhart/linux-netns-sysctl-verify",
        sources: ["https://github.com/kubernetes-sigs/kind/issues/2240"],
      }),
    );
    expect(problemsOf(both)).toEqual([expect.stringMatching(/front page \(its root or README\); .*issues\/2240 is a report thread/)]);
    // A path into the repository names what was read: a commit, a tag's tree, a changelog, a file other than the README.
    for (const primary of [
      "https://github.com/torvalds/linux/commit/2671fa4dc0109d3fb581bc3078fdf17b5d9080f6",
      "https://github.com/containerd/containerd/releases/tag/v1.6.3",
      "https://github.com/opencontainers/runc/blob/v1.1.6/CHANGELOG.md",
      "https://github.com/kubernetes/kubernetes/blob/5ff739ee834cea7166a24a77a432215503c55e76/cmd/kube-proxy/app/conntrack.go",
      "https://github.com/moby/moby/tree/v20.10.0/docs",
    ]) {
      expect(problemsOf(edited((doc) => setRange(doc, { evidence: "verified", source: primary, sources: undefined }))), primary).toEqual(
        [],
      );
    }
  });

  it("refuses a URL holding a space, a quote or a backslash, which WHATWG parsing would encode into another link", () => {
    for (const bad of [`${A} (comment)`, `${A}/a b`, `${A}"`, `${A}\\x`]) {
      const parsed = edited((doc) => setRange(doc, { evidence: "reported", source: bad }));
      expect(problemsOf(parsed), bad).toContainEqual(expect.stringMatching(/source: a URL holds no space/));
    }
    expect(problemsOf(edited((doc) => setRange(doc, { evidence: "reported", source: `${A}/a%20b?x=1#c` })))).toEqual([]);
  });

  it("says the line of a field a problem is in, and that a version read as a number needs quotes", () => {
    const text = seedText.replace(/fixed: "[^"]+"/, "fixed: 1.10");
    const parsed = parseRecordFile(FILE, text);
    const line = text.slice(0, text.indexOf("fixed: 1.10")).split("\n").length;
    expect(parsed.ok ? [] : parsed.problems).toContainEqual(
      expect.objectContaining({ line, message: expect.stringMatching(/expected string, received number \(quote it: YAML reads 1\.10/) }),
    );
  });

  it("refuses a file holding a byte that is not UTF-8, with its line", () => {
    // readKbFiles decodes leniently: the byte arrives as U+FFFD, which would be stored so.
    const text = seedText.replace(/^title: "/m, 'title: "caf\uFFFD ');
    const parsed = parseRecordFile(FILE, text);
    expect(parsed.ok ? [] : parsed.problems).toEqual([
      expect.objectContaining({ line: expect.any(Number), message: expect.stringMatching(/not UTF-8/) }),
    ]);
  });
});
