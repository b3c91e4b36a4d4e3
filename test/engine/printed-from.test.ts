import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { compileKnowledgeBase } from "../../src/engine/compile-kb";
import { diagnoseBundle } from "../../src/engine/diagnose";
import type { Finding, VersionEvidence } from "../../src/engine/diagnosis";
import { renderTextReport } from "../../src/engine/report-text";
import { parseRecordFile } from "../../src/kb/parse-record";
import { loadDataKb } from "../support/data-kb";
import { DOCKER_29_VERSION } from "../support/tool-outputs";

// A line only releases from one on print dates its program where the paste gives no version of it: Docker 29's
// daemon names its raised API minimum in the refusal (the record's printedFrom, read in moby at the tags).
const ID = "docker-29-minimum-api-1.44-old-clients";
const FILE = `data/bugs/${ID}.yaml`;
// The daemon's refusal as moby's daemon/server/middleware/version.go words it, behind the CLI's "Error response from daemon".
const REFUSAL =
  "Error response from daemon: client version 1.41 is too old. Minimum supported API version is 1.44, please upgrade your client to a newer version";
const kb = (await loadDataKb()).compiled;
const finding = (d: { findings: Finding[] }) => d.findings.find((f) => f.id === ID);
const versionOf = (f: Finding | undefined) => f?.evidence.filter((e): e is VersionEvidence => e.kind === "version") ?? [];

describe("a line that dates its own program", () => {
  it("decides the verdict where no version of the program is given: every release it dates is in an open range", () => {
    const f = finding(diagnoseBundle(kb, REFUSAL));
    expect(f?.verdict).toMatchObject({ status: "affected", level: "verified" });
    const [v] = versionOf(f);
    expect(v).toMatchObject({ result: "affected", value: "29.0.0", level: "verified", certain: true });
    expect(v?.subject).toBe("your docker (29.0.0 or later, by its own line)");
    expect(v?.reason).toMatch(/printed only by docker from 29\.0\.0 on, and every release from 29\.0\.0 on is affected/);
    expect(v?.source).toMatch(/moby\/moby\/blob\/docker-v29\.0\.0\//);
    // The text report says why, as the JSON does.
    expect(renderTextReport(diagnoseBundle(kb, REFUSAL))).toMatch(/29\.0\.0 or later, by its own line/);
    // Where `docker version` prints it under its client part: the client is the refused party, no version of the daemon
    // that printed the line (review 46a F5: unknown, on the client's 24.0.7).
    const client = "Client: Docker Engine - Community\n Version:           24.0.7\n API version:       1.43\n Go version:        go1.20.10";
    expect(finding(diagnoseBundle(kb, `$ docker version\n${client}\n${REFUSAL}`))?.verdict).toMatchObject({
      status: "affected",
      level: "verified",
    });
    // The terminal lists the deciding check first, then the client's, with its version and why it decides nothing
    // (review 61a F2: "your docker: … not-affected" stood first, bare, under an "affected" verdict).
    const checks = renderTextReport(diagnoseBundle(kb, `$ docker version\n${client}\n${REFUSAL}`))
      .split("\n")
      .filter((l) => l.startsWith("   version: "));
    expect(checks[0]).toMatch(/^ {3}version: your docker \(29\.0\.0 or later, by its own line\) against .*: affected \(verified\)$/);
    expect(checks[1]).toMatch(
      /^ {3}version: your docker 24\.0\.7 against .*: not affected \(range verified; the version read may not be the failing one\): .*client/,
    );
  });

  it("dates nothing from a sentence quoting the line: a denial, a question, a quote (review 36d)", () => {
    for (const told of [
      `It is not the Docker 29 problem: we never see "${REFUSAL.slice(28)}" in its log.`,
      `Will the daemon answer "${REFUSAL.slice(28)}" after the upgrade?`,
      `The CI job failed with '${REFUSAL.slice(28)}'`,
      // Plans and worries without a denial word (review 36e), and a long quoted line whose quote mark is far before the words.
      `Once we move the hosts to the new engine, old clients get ${REFUSAL.slice(28)}`,
      `I'm worried we'll hit ${REFUSAL.slice(28)} on the CI runners`,
      `Reading the Docker 29 release notes and the deprecation page before our upgrade window, the example they give is "${REFUSAL.slice(28)}"`,
    ]) {
      const f = finding(diagnoseBundle(kb, told));
      expect(
        versionOf(f).some((c) => c.subject.includes("by its own line")),
        told,
      ).toBe(false);
    }
    // A log line is the program's own, quotes and all (klog's err="…").
    const klog = `Jun 02 09:14:11 worker-9 kubelet[23514]: E0602 09:14:11.100000   23514 run.go:74] "command failed" err="failed to parse kubelet flag: unknown flag: --network-plugin"`;
    const kubelet = diagnoseBundle(kb, klog).findings.find((f) => f.id === "kubelet-1.24-network-plugin-flag-removed");
    expect(kubelet?.verdict).toMatchObject({ status: "affected", level: "verified" });
  });

  it("keeps the line's certain answer beside a version named in range: a node's kubeletVersion (review 51d F3)", () => {
    const klog = `Jun 02 09:14:11 worker-9 kubelet[23514]: E0602 09:14:11.100000   23514 run.go:74] "command failed" err="failed to parse kubelet flag: unknown flag: --network-plugin"`;
    const nodeInfo = (kubelet: string) =>
      `$ kubectl get node worker-9 -o json | jq .status.nodeInfo\n{\n  "containerRuntimeVersion": "containerd://1.6.20",\n  "kernelVersion": "5.15.0-91-generic",\n  "kubeletVersion": "${kubelet}",\n  "osImage": "Ubuntu 22.04.3 LTS"\n}`;
    const verdict = (given: string) =>
      diagnoseBundle(kb, `${given}\n${klog}`).findings.find((f) => f.id === "kubelet-1.24-network-plugin-flag-removed")?.verdict;
    // The named 1.24.1 is in range too: the line's own dating stands, certain (it was "a version the report names").
    for (const given of [nodeInfo("v1.24.1"), "We upgraded the cluster with kubespray; the nodes run Kubernetes v1.24.1."]) {
      expect(verdict(given), given).toMatchObject({
        status: "affected",
        level: "verified",
        reason: expect.stringContaining("by its own line"),
      });
      expect(verdict(given)?.certain, given).not.toBe(false);
    }
  });

  it("dates its program under what the tools that fetched the line put before it (review 39a), not under a person's (review 39b)", () => {
    const subject = (text: string) => versionOf(finding(diagnoseBundle(kb, text)))[0]?.subject;
    for (const shown of [
      `traefik-1  | ${REFUSAL}`, // docker compose logs
      `web.1.x8k2m1q9p0a7@node-1    | ${REFUSAL}`, // docker service logs
      `[pod/traefik-7d9f/traefik] ${REFUSAL}`, // kubectl logs --prefix
      `[2025-11-10T23:03:43.123Z] ${REFUSAL}`, // the Jenkins Timestamper
      // dockerd names the endpoint with its id in parentheses.
      `docker: Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint web (d26e8e1ad7d9): ${REFUSAL.slice(28)}`,
    ])
      expect(subject(shown), shown).toBe("your docker (29.0.0 or later, by its own line)");
    for (const told of [
      `> ${REFUSAL}\nThanks, will do.`, // someone else's mail, quoted
      `$ cat -n upgrade-notes.txt\n     7\t${REFUSAL}`, // a numbered notes file
      `$ grep -rn "too old" docs/\ndocs/upgrade.md:42:${REFUSAL}`, // a document
      `29.0    | ${REFUSAL}`, // a table's row
      `After the upgrade we expect to see this error: ${REFUSAL.slice(28)}`, // a sentence ending in a colon
    ])
      expect(subject(told), told).not.toBe("your docker (29.0.0 or later, by its own line)");
  });

  it("dates its program by a quoted line that is a log record whole, its framing after the quote marks (review 66b F6)", () => {
    // An issue's or a chat's quoted journal line: the record's own framing right after "> ". A quoted sentence stays told
    // (above: "> <refusal>" then "Thanks, will do.").
    const kubelet =
      'Mar 01 10:00:00 node-1 kubelet[812]: E0301 10:00:00.123456     812 run.go:74] "command failed" err="failed to parse kubelet flag: unknown flag: --network-plugin"';
    const f = diagnoseBundle(kb, `> ${kubelet}`).findings.find((x) => x.id === "kubelet-1.24-network-plugin-flag-removed");
    expect(f?.verdict.status).toBe("affected");
    expect(f?.verdict.reason).toMatch(/1\.24\.0 or later, by its own line/);
    const told = diagnoseBundle(kb, "> kubespray Error: failed to parse kubelet flag: unknown flag: --network-plugin").findings;
    expect(told.find((x) => x.id === "kubelet-1.24-network-plugin-flag-removed")?.verdict.status).toBe("unknown");
  });

  it("dates its program by a log line a terminal wrapped, not by a sentence the wrap reading joins to one (review 39b F5)", () => {
    const subject = (text: string) => versionOf(finding(diagnoseBundle(kb, text)))[0]?.subject;
    // A dockerd line cut every 80 characters, as an 80-column terminal copies it: the refusal sits whole on a line without
    // the journal's framing.
    const journal = `Nov 10 23:03:43 host-1 dockerd[812]: time="2025-11-10T23:03:43.123Z" level=error msg="${REFUSAL.slice(28)}"`;
    const cut = journal.match(/.{1,80}/g) ?? [];
    expect(cut[1]).toContain(REFUSAL.slice(28, 98));
    expect(subject(cut.join("\n"))).toBe("your docker (29.0.0 or later, by its own line)");
    // The kubelet's klog line in its journal, cut at 80 inside "command failed": the removed flag's line dates the kubelet.
    const kubelet = [
      'Dec 03 10:11:12 node1 kubelet[2211]: E1203 10:11:12.123456    2211 run.go:74] "c',
      'ommand failed" err="failed to parse kubelet flag: unknown flag: --network-plugin',
      '"',
    ].join("\n");
    const flag = diagnoseBundle(kb, kubelet).findings.find((f) => f.id === "kubelet-1.24-network-plugin-flag-removed");
    expect(versionOf(flag)[0]?.subject).toBe("your kubernetes (1.24.0 or later, by its own line)");
    // A person's sentence after a log line, in a paste wrapped at 80 columns, which the wrap reading joins to that line:
    // their words, not the daemon's line.
    const told = [
      'Nov 10 23:03:43 host-1 dockerd[812]: level=info msg="Loading containers: start."',
      'Nov 10 23:03:44 host-1 dockerd[812]: level=info msg="Loading containers: done."',
      `we never see ${REFUSAL.slice(28, 92)}`,
      REFUSAL.slice(93),
    ];
    expect(told.map((l) => l.length)).toEqual([80, 79, 77, 51]);
    expect(subject(told.join("\n"))).not.toBe("your docker (29.0.0 or later, by its own line)");
    // Nor a sentence without such words, about another machine (review 40b): its capital opens what the wrap joined.
    const other = [
      told[0],
      told[1],
      "The staging box, not this one, had client version 1.41 is too old. Minimum",
      "supported API version is 1.44, please upgrade your client to a newer version",
    ];
    expect(subject(other.join("\n"))).not.toBe("your docker (29.0.0 or later, by its own line)");
    // In lower case, as a list item or a quote too (review 40c): dockerd's line ended its message.
    for (const opening of ["the staging box, not this one, had", "- staging box had", '"', "> staging:"])
      expect(subject([told[0], told[1], `${opening} ${REFUSAL.slice(28, 70)}`, REFUSAL.slice(70)].join("\n")), opening).not.toBe(
        "your docker (29.0.0 or later, by its own line)",
      );
    // A line that leaves its message open still dates it, whatever the next line opens with (Traefik's, folded at 72).
    const traefik = [
      'time="2025-11-17T15:07:57Z" level=error msg="Provider connection error ',
      "Error response from daemon: client version 1.24 is too old. Minimum ",
      "supported API version is 1.44, please upgrade your client to a newer ",
      'version, retrying in 7.341891102s" providerName=docker',
    ];
    expect(subject(traefik.join("\n"))).toBe("your docker (29.0.0 or later, by its own line)");
  });

  it("gives way to any version of the program the paste gives: the daemon's binary, a package listing (review 36e)", () => {
    for (const given of [
      "$ dockerd --version\nDocker version 28.5.2, build 89c5e8f",
      "$ dpkg -l docker-ce | tail -1\nii  docker-ce  5:28.5.2-1~ubuntu.24.04~noble  amd64  Docker: the open-source application container engine",
    ]) {
      const f = finding(diagnoseBundle(kb, `${given}\n${REFUSAL}`));
      expect(
        versionOf(f).some((c) => c.subject.includes("by its own line")),
        given,
      ).toBe(false);
      expect(f?.verdict.status, given).not.toBe("affected");
    }
  });

  it("gives way to the program's own version wherever the paste gives one", () => {
    const f = finding(diagnoseBundle(kb, `$ docker version\n${DOCKER_29_VERSION.join("\n")}\n$ traefik\n${REFUSAL}`));
    const checks = versionOf(f);
    expect(checks.some((c) => c.subject.includes("by its own line"))).toBe(false);
    expect(checks).toContainEqual(expect.objectContaining({ value: "29.0.0", result: "affected" }));
  });
});

describe("what the ranges make of the release a line dates", () => {
  const SRC = "https://example.org/fixture";
  /** The Docker 29 record with its docker ranges replaced: the logic under test, not the data. */
  const kbWith = async (ranges: object[]) => {
    const doc = parseDocument(await readFile(FILE, "utf8"));
    doc.setIn(["affected", 0, "kind"], "regression");
    doc.setIn(["affected", 0, "ranges"], ranges);
    const parsed = parseRecordFile(FILE, doc.toString());
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join("; "));
    return compileKnowledgeBase("test", [parsed.record]);
  };
  const own = async (ranges: object[]) =>
    versionOf(finding(diagnoseBundle(await kbWith(ranges), REFUSAL))).find((c) => c.subject.includes("by its own line"));

  it("rules the bug out when every range ended by then, at the weakest level it rests on", async () => {
    const v = await own([{ introduced: "0", fixed: "28.0.0", evidence: "verified", source: SRC }]);
    expect(v).toMatchObject({ result: "not-affected", level: "verified" });
    expect(v?.reason).toMatch(/every recorded range ended by then/);
    const reported = await own([{ introduced: "0", fixed: "28.0.0", evidence: "reported", source: SRC }]);
    expect(reported).toMatchObject({ result: "not-affected", level: "reported", certain: false });
  });

  it("leaves it open when a range ends after the release it dates, or starts after it", async () => {
    expect(await own([{ introduced: "0", fixed: "29.2.0", evidence: "verified", source: SRC }])).toBeUndefined();
    expect(await own([{ introduced: "29.1.0", evidence: "verified", source: SRC }])).toBeUndefined();
  });
});

describe("a line only releases before a fix print (printedBefore)", () => {
  // crun-unknown-oci-version-podman5: crun dropped its "unknown version specified" check in 1.14.3 (read in crun's source
  // at the tags), so a crun that says it is newer beside the message is another copy than the one Podman ran (review 51h F1).
  const CRUN = "crun-unknown-oci-version-podman5";
  const paste = (version: string) =>
    `$ podman run --rm --network macvlan-net alpine ping -c 1 8.8.8.8\nError: OCI runtime error: crun: unknown version specified\n\n$ crun --version\ncrun version ${version}\ncommit: d20b23dba05e822b93b82f2f34fd5dada433e0c2\nspec: 1.0.0`;
  const verdict = (version: string) => diagnoseBundle(kb, paste(version)).findings.find((f) => f.id === CRUN)?.verdict;

  it("rules nothing out by a version past it: unknown, saying the line is another version's", () => {
    for (const version of ["1.14.3", "1.23.1"])
      expect(verdict(version), version).toMatchObject({
        status: "unknown",
        reason: expect.stringContaining("but the log's line is one only crun before 1.14.3 prints"),
      });
    // Before it, the reading is the one that printed the line: in range.
    expect(verdict("1.14.1")).toMatchObject({ status: "affected", level: "verified" });
    // Without the line, the version past the fix still rules the bug out (no advisory).
    expect(diagnoseBundle(kb, "$ crun --version\ncrun version 1.23.1").advisories.map((a) => a.id)).not.toContain(CRUN);
  });

  it("dates the line buildah wraps too, the program named by its path (review 54d F2: 'not affected', verified)", () => {
    // podman#22152's `podman build` step, as the record's example quotes it.
    const step =
      "$ podman build -t myapp .\nerror running container: from /usr/bin/crun creating container for [/bin/sh -c microdnf -y upgrade --refresh]: unknown version specified\n: exit status 1";
    const built = (version: string) =>
      diagnoseBundle(kb, `${step}\n$ crun --version\ncrun version ${version}\nspec: 1.0.0`).findings.find((f) => f.id === CRUN)?.verdict;
    expect(built("1.14.4")).toMatchObject({
      status: "unknown",
      reason: expect.stringContaining("the log's line is one only crun before 1.14.3 prints"),
    });
    expect(built("1.14.1")).toMatchObject({ status: "affected" });
    // A person's sentence before the path is no program's output: "I think it came from /usr/bin/…" dates nothing.
    const told = `I think it came from /usr/bin/crun creating container for [/bin/sh]: unknown version specified\n$ crun --version\ncrun version 1.14.4`;
    expect(diagnoseBundle(kb, told).findings.find((f) => f.id === CRUN)?.verdict.reason ?? "").not.toContain(
      "the log's line is one only crun",
    );
  });
});
