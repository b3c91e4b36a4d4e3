import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { compileKnowledgeBase } from "../../src/engine/compile-kb";
import { diagnoseBundle, diagnoseFields } from "../../src/engine/diagnose";
import type { VersionEvidence } from "../../src/engine/diagnosis";
import { diagnoseHosts } from "../../src/engine/hosts";
import { renderTextReport } from "../../src/engine/report-text";
import { nodeComponents } from "../../src/engine/verdict";
import { type AffectedRange, distroBuildBase, evaluateRanges } from "../../src/engine/versions";
import { parseRecordFile } from "../../src/kb/parse-record";
import { loadDataKb } from "../support/data-kb";
import { UNEVEN_FLEET, XOR_MARK_KLOG } from "../support/seed-logs";

// Verdicts from all the evidence: verified and corroborated ends decide, one report alone never says
// "not affected", and every answer says which level it rests on.
const A = "https://example.org/report-a";
const B = "https://example.org/report-b";

describe("evaluateRanges: a level per range end", () => {
  const range: AffectedRange = {
    introduced: "6.6.57",
    fixed: "6.6.59",
    evidence: "verified",
    fixedEvidence: "corroborated",
    source: A,
  };

  it("rests 'inside' on both ends and 'fixed' on the fix alone", () => {
    expect(evaluateRanges("linux", "6.6.58", [range])).toMatchObject({ status: "affected", level: "corroborated" });
    expect(evaluateRanges("linux", "6.6.60", [range])).toMatchObject({ status: "not-affected", level: "corroborated" });
    expect(evaluateRanges("linux", "6.6.50", [range])).toMatchObject({ status: "not-affected", level: "verified" });
  });

  it("rests 'inside' on a start of '0' given a level of its own, and not on a bare '0' (review 62c F3)", () => {
    // "Every release before the fix; where it began was not looked up": the start is a fact, one report's.
    const sinceEver: AffectedRange = { introduced: "0", fixed: "1.9.1", evidence: "verified", introducedEvidence: "reported", source: A };
    expect(evaluateRanges("semver", "1.8.7", [sinceEver])).toMatchObject({ status: "affected", level: "reported" });
    expect(evaluateRanges("semver", "1.9.2", [sinceEver])).toMatchObject({ status: "not-affected", level: "verified" });
    const bare: AffectedRange = { introduced: "0", fixed: "1.9.1", evidence: "verified", source: A };
    expect(evaluateRanges("semver", "1.8.7", [bare])).toMatchObject({ status: "affected", level: "verified" });
  });

  it("prefers the better-established range when two contain the version", () => {
    const reported: AffectedRange = { introduced: "6.6.50", fixed: "6.6.70", verified: false, source: B };
    expect(evaluateRanges("linux", "6.6.58", [reported, range]).range).toBe(range);
  });
});

/** The seed record with its upstream ranges replaced, compiled alone. */
async function seedWith(ranges: object[]) {
  const file = "data/bugs/xt-mark-ipv6-typo-2024.yaml";
  const doc = parseDocument(await readFile(file, "utf8"));
  doc.set("affected", [{ ecosystem: "linux", package: "linux", ranges }]);
  const parsed = parseRecordFile(file, doc.toString());
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join("; "));
  return compileKnowledgeBase("test", [parsed.record]);
}

const withoutCrashHeader = (log: string) =>
  log
    .split("\n")
    .filter((l) => !/Not tainted|Tainted: /.test(l))
    .join("\n");
const versionOf = (d: ReturnType<typeof diagnoseFields>) => d.findings[0]?.evidence.find((e): e is VersionEvidence => e.kind === "version");

describe("verdicts say the level they rest on", () => {
  it("answers not affected from a corroborated fix, and says so in the API and the text report", async () => {
    const kb = await seedWith([
      { introduced: "6.6.57", fixed: "6.6.59", evidence: "verified", fixedEvidence: "corroborated", source: A, sources: [B] },
    ]);
    const d = diagnoseFields(kb, { uname: "6.6.60", logs: XOR_MARK_KLOG });
    expect(d.findings[0]?.verdict).toMatchObject({ status: "not-affected", level: "corroborated" });
    expect(versionOf(d)).toMatchObject({ result: "not-affected", level: "corroborated", unverified: false });
    expect(renderTextReport(d)).toMatch(/verdict: not affected \(corroborated\): /);
  });

  it("never says not affected from a single report; the version check alone is unknown, and still affected inside it", async () => {
    const kb = await seedWith([{ introduced: "6.6.57", fixed: "6.6.59", evidence: "verified", fixedEvidence: "reported", source: A }]);
    const fixed = diagnoseFields(kb, { uname: "6.6.60", logs: XOR_MARK_KLOG });
    expect(versionOf(fixed)).toMatchObject({ result: "unknown", hedgedFrom: "not-affected" });
    expect(versionOf(fixed)?.reason).toMatch(/not confirmed: fixed in 6\.6\.59.*single report/);
    const inside = diagnoseFields(kb, { uname: "6.6.58", logs: XOR_MARK_KLOG });
    expect(inside.findings[0]?.verdict).toMatchObject({ status: "affected", level: "reported" });
    expect(versionOf(inside)).toMatchObject({ level: "reported", unverified: true });
    // The text report says so on the verdict and on the check, and an undecided check claims no level.
    const text = renderTextReport(inside);
    expect(text).toMatch(/verdict: affected \(reported once\): /);
    // An undecided check beside another verdict says why it decided nothing (review 61a F2).
    expect(renderTextReport(fixed)).toMatch(/version: [^\n]*: unknown: not confirmed: fixed in 6\.6\.59/);
  });

  it("lets the bug's own symptom outweigh the single report that would rule the version out", async () => {
    const kb = await seedWith([{ introduced: "6.6.57", fixed: "6.6.59", evidence: "verified", fixedEvidence: "reported", source: A }]);
    const past = diagnoseFields(kb, { uname: "6.6.61", logs: XOR_MARK_KLOG });
    // Hedged: the report behind the fix still says otherwise (review 30b: it was "affected" and certain).
    expect(past.findings[0]?.verdict).toMatchObject({ status: "affected", level: "reported", certain: false });
    expect(past.findings[0]?.verdict.reason).toMatch(/the log shows this bug's symptom.*single report/);
    expect(past.findings[0]?.unverified[0]).toMatch(/single report/);
    // Without the symptom the data does not decide: no advisory either way.
    const silent = diagnoseFields(kb, { uname: "6.6.61", logs: "nothing to see" });
    expect(silent.findings).toEqual([]);
    expect(silent.advisories).toEqual([]);
  });

  it("never lets the symptom stretch a reported end over a whole release branch (review 68g F2)", async () => {
    // A mainline fix resting on one report: a 5.15 kernel is a whole series past it; a 5.0.y one is on its own line.
    const kb = await seedWith([{ introduced: "4.19", fixed: "5.0", evidence: "verified", fixedEvidence: "reported", source: A }]);
    const far = diagnoseFields(kb, { uname: "5.15.10", logs: XOR_MARK_KLOG });
    expect(versionOf(far)).toMatchObject({ result: "unknown", hedgedFrom: "not-affected", pastBranch: true });
    expect(far.findings[0]?.verdict.status).toBe("unknown");
    expect(diagnoseFields(kb, { uname: "5.0.3", logs: XOR_MARK_KLOG }).findings[0]?.verdict).toMatchObject({
      status: "affected",
      level: "reported",
    });
    // A component too: runc 1.1.4, printed by the host, beside containerd's report of a runc without cgroup v2 support,
    // whose fix (1.0.0-rc91) rests on one report (it was "affected", reported once).
    const real = (await loadDataKb()).compiled;
    const runc = diagnoseBundle(
      real,
      [
        "$ runc --version",
        "runc version 1.1.4",
        "commit: v1.1.4-0-g5fd4c4d1",
        'Jan 10 10:00:01 node1 containerd[812]: time="2023-01-10T10:00:01Z" level=error msg="RunPodSandbox failed" error="failed to create containerd task: failed to create shim: OCI runtime create failed: this version of runc doesn\'t work on cgroups v2: unknown"',
      ].join("\n"),
    ).findings.find((f) => f.id === "runtime-pre-cgroupv2-on-unified-host");
    expect(runc?.verdict.status).toBe("unknown");
  });

  it("never lets the symptom place a version before a first affected version resting on one report inside the range (review 50f F1)", async () => {
    // The start is the earliest build seen failing: older builds are not known either way, and a line of the bug's kind
    // may have another cause there. Past a reported fix, the symptom still decides (above).
    const kb = await seedWith([{ introduced: "6.6.57", fixed: "6.6.70", evidence: "reported", fixedEvidence: "verified", source: A }]);
    const before = diagnoseFields(kb, { uname: "6.6.20", logs: XOR_MARK_KLOG });
    expect(versionOf(before)).toMatchObject({ result: "unknown", hedgedFrom: "not-affected", beforeStart: true });
    expect(before.findings[0]?.verdict).toMatchObject({ status: "unknown", reason: expect.stringContaining("the first affected version") });
    // Inside the range, affected as before.
    expect(diagnoseFields(kb, { uname: "6.6.60", logs: XOR_MARK_KLOG }).findings[0]?.verdict.status).toBe("affected");
  });

  it("leaves a bug needing two components unknown when one is before a start resting on one report (review 51e F1)", async () => {
    // rhel9-landlock-abi6-xz-sandbox-einval needs a rhel:9 kernel from 5.14.0-603.el9 (reported once) with xz 5.8.0–5.8.1:
    // Rocky 9.6's 5.14.0-570 is older than any kernel seen failing, so xz in range alone does not make the host affected.
    const kb = (await loadDataKb()).compiled;
    const paste = (kernel: string) =>
      `$ uname -r\n${kernel}\n$ cat /etc/os-release\nNAME="Rocky Linux"\nVERSION="9.6 (Blue Onyx)"\nID="rocky"\nID_LIKE="rhel centos fedora"\nVERSION_ID="9.6"\nPLATFORM_ID="platform:el9"\nWe use xz 5.8.1 from conda-forge.\n$ tar -cJf out.tar.xz build/\nxz: Failed to enable the sandbox`;
    const verdict = (kernel: string) =>
      diagnoseBundle(kb, paste(kernel)).findings.find((f) => f.id === "rhel9-landlock-abi6-xz-sandbox-einval")?.verdict;
    expect(verdict("5.14.0-570.17.1.el9_6.x86_64")).toMatchObject({
      status: "unknown",
      reason: expect.stringContaining("the first affected version (that end rests on a single report)"),
    });
    // A kernel inside the range with xz in range: affected.
    expect(verdict("5.14.0-611.5.1.el9_7.x86_64")?.status).toBe("affected");
  });

  it("never lets the symptom place a kernel on a branch no range reaches inside one: the record may only be incomplete", async () => {
    // A bug of the 4.19.y stable line alone (both ends reported once): a 5.16 kernel printing the same kind of line
    // (cilium#18591's "Processed 1000001 insn") is on no recorded line, so the answer is unknown, not affected.
    const kb = await seedWith([{ introduced: "4.19.207", lastAffected: "4.19.235", evidence: "reported", source: A }]);
    const d = diagnoseFields(kb, { uname: "5.16.5", logs: XOR_MARK_KLOG });
    expect(versionOf(d)).toMatchObject({ result: "unknown", hedgedFrom: "not-affected", noDecidingRange: true });
    expect(d.findings[0]?.verdict.status).toBe("unknown");
    expect(d.findings[0]?.verdict.reason).toMatch(/no affected range on the 5\.16 branch \(that end rests on a single report\)/);
    // On its own line, past the last release known to be broken, the symptom still decides.
    const onLine = diagnoseFields(kb, { uname: "4.19.240", logs: XOR_MARK_KLOG });
    expect(onLine.findings[0]?.verdict).toMatchObject({ status: "affected", level: "reported" });
  });

  it("calls a version after the last one known to be broken unknown, not fixed, and lets the symptom decide", async () => {
    const kb = await seedWith([
      { introduced: "6.6.57", lastAffected: "6.6.58", evidence: "verified", fixedEvidence: "reported", source: A },
    ]);
    const d = diagnoseFields(kb, { uname: "6.6.60", logs: XOR_MARK_KLOG });
    expect(versionOf(d)).toMatchObject({ result: "unknown", hedgedFrom: "not-affected" });
    expect(versionOf(d)?.reason).toMatch(/6\.6\.60 is after 6\.6\.58, the last version known to be affected/);
    expect(d.findings[0]?.verdict).toMatchObject({ status: "affected", level: "reported" });
    // The last affected version and those before it are affected on the range's own evidence (audit 34: they were
    // "reported once" because the end's evidence speaks of what comes after it).
    for (const uname of ["6.6.57", "6.6.58"])
      expect(diagnoseFields(kb, { uname, logs: XOR_MARK_KLOG }).findings[0]?.verdict, uname).toMatchObject({
        status: "affected",
        level: "verified",
      });
  });

  it("keeps a verified or corroborated fix above the symptom: the line may have another cause", async () => {
    const kb = await seedWith([{ introduced: "6.6.57", fixed: "6.6.59", evidence: "verified", source: A }]);
    const d = diagnoseFields(kb, { uname: "6.6.61", logs: XOR_MARK_KLOG });
    expect(d.findings[0]?.verdict).toMatchObject({ status: "not-affected", level: "verified" });
    expect(d.findings[0]?.confidence).not.toBe("high");
  });

  it("answers not affected before a verified start even when the fix is only reported", async () => {
    const kb = await seedWith([{ introduced: "6.6.57", fixed: "6.6.59", evidence: "verified", fixedEvidence: "reported", source: A }]);
    const d = diagnoseFields(kb, { uname: "6.6.50", logs: XOR_MARK_KLOG });
    expect(d.findings[0]?.verdict).toMatchObject({ status: "not-affected", level: "verified" });
  });

  it("scores a verdict on one report lower than the same verdict on a primary source", async () => {
    const verified = await seedWith([{ introduced: "6.6.57", fixed: "6.6.59", evidence: "verified", source: A }]);
    const reported = await seedWith([{ introduced: "6.6.57", fixed: "6.6.59", evidence: "reported", source: A }]);
    const score = async (kb: typeof verified) => diagnoseFields(kb, { uname: "6.6.58", logs: XOR_MARK_KLOG }).findings[0]?.score ?? 0;
    expect(await score(reported)).toBeLessThan(await score(verified));
  });
});

const data = (await loadDataKb()).compiled;

describe("a distribution's build of a component", () => {
  it("is judged on its upstream release, not as a pre-release of it, and hedged where it says affected", async () => {
    const kb = (await loadDataKb()).compiled;
    // runc as Ubuntu's docker.io shows it (opencontainers/runc#4971 reports 1.3.3-0ubuntu1~24.04.2).
    const runc = (version: string) =>
      diagnoseFields(kb, {
        // With a tmpfs mount, the setup the bug needs: the version alone warns of nothing (review 72a F2).
        logs: `Server:\n Engine:\n  Version:          28.2.2\n  API version:      1.50\n runc:\n  Version:          ${version}\n  GitCommit:\n$ docker run --rm --tmpfs /scratch busybox true\n`,
      }).advisories.find((a) => a.id === "runc-nov-2025-tmpfs-mode-0755");
    const ubuntu = runc("1.3.3-0ubuntu1~24.04.2");
    const upstream = runc("1.3.3");
    expect(upstream?.verdict.status).toBe("affected");
    expect(ubuntu?.verdict.status).toBe("affected");
    const check = ubuntu?.evidence.find((e) => e.kind === "version");
    expect(check).toMatchObject({ value: "1.3.3", certain: false });
    expect(check?.subject).toContain("1.3.3-0ubuntu1~24.04.2");
    // On the release whose package the record ranges over, that package's own data decides.
    const noble = 'NAME="Ubuntu"\nVERSION_ID="24.04"\nID=ubuntu\nID_LIKE=debian\n';
    const server =
      "Server:\n Engine:\n  Version:          28.2.2\n  API version:      1.50\n runc:\n  Version:          1.3.3-0ubuntu1~24.04.2\n$ docker run --rm --tmpfs /scratch busybox true\n";
    const onNoble = diagnoseFields(kb, { osRelease: noble, logs: server }).advisories.find((a) => a.id === "runc-nov-2025-tmpfs-mode-0755");
    expect(onNoble?.evidence.find((e) => e.kind === "version")).toMatchObject({ ecosystem: "ubuntu:24.04 runc", certain: true });
  });

  it("judges a build after a last-affected one that no source names fixed as unknown, not 'not affected' (review 67b F1)", () => {
    // Ubuntu 22.04's ~22.04.3 (the USN-7851-2 regression update) beside the bug's own ls row: nothing read says it fixed this.
    const jammy = 'NAME="Ubuntu"\nVERSION_ID="22.04"\nID=ubuntu\nID_LIKE=debian\n';
    const logs = [
      "$ runc --version",
      "runc version 1.3.3-0ubuntu1~22.04.3",
      "spec: 1.2.1",
      "$ docker run --rm --tmpfs /my-tmp ubuntu ls -la /my-tmp",
      "total 0",
      "drwxr-xr-x 2 root root 40 Nov 5 17:54 .",
    ].join("\n");
    const f = diagnoseFields(data, { osRelease: jammy, logs }).findings.find((x) => x.id === "runc-nov-2025-tmpfs-mode-0755");
    expect(f?.verdict.status).toBe("unknown");
    const onFirst = diagnoseFields(data, { osRelease: jammy, logs: logs.replace("~22.04.3", "~22.04.2") }).findings.find(
      (x) => x.id === "runc-nov-2025-tmpfs-mode-0755",
    );
    expect(onFirst?.verdict).toMatchObject({ status: "affected", level: "verified" });
  });

  it("reads Debian's pre-release tilde as a pre-release, not a release after every other", () => {
    // Debian 10's runc 1.0.0~rc6+dfsg1 is before 1.0.0-rc93.
    expect(distroBuildBase("1.0.0~rc6+dfsg1")).toBe("1.0.0-rc6");
    expect(distroBuildBase("1.0.0~rc95-0ubuntu1~20.04.2")).toBe("1.0.0-rc95");
    expect(distroBuildBase("5:24.0.7-1~ubuntu.22.04~jammy")).toBe("24.0.7");
    for (const tag of ["1.0.0-rc93", "2.0.0-beta.0", "v1.26.0-eks-5e0fdde", "1.30.4+k3s1"]) expect(distroBuildBase(tag), tag).toBeNull();
  });

  it("never rules a bug out on a distribution's build older than the bug's start while the log shows the symptom", async () => {
    const kb = (await loadDataKb()).compiled;
    // RHEL's own docker 1.13.1 carries Docker 18.09.2's runc fix backported (moby/moby#38876, the record's example).
    const rhelDocker = [
      "Server:",
      " Version:         1.13.1",
      " API version:     1.26 (minimum version 1.12)",
      " Package version: docker-1.13.1-91.git07f3374.el7.centos.x86_64",
      " Git commit:      07f3374/1.13.1",
    ].join("\n");
    const symptom =
      'container_linux.go:247: starting container process caused "process_linux.go:258: applying cgroup configuration for process caused \\"nsenter: could not ensure we are a cloned binary\\""';
    const el7 = "Linux h 3.10.0-327.el7.x86_64 #1 SMP Thu Nov 19 22:10:57 UTC 2015 x86_64 x86_64 x86_64 GNU/Linux";
    const f = diagnoseFields(kb, { uname: el7, logs: `${rhelDocker}\n${symptom}` }).findings.find(
      (x) => x.id === "runc-cve-2019-5736-fix-old-kernels-init-p-broken-pipe",
    );
    expect(f?.verdict.status).not.toBe("not-affected");
  });

  it("reads a bare docker 1.x on a distribution's host as possibly that distribution's build", async () => {
    const kb = (await loadDataKb()).compiled;
    // The same RHEL build as `docker info` and a nodes table show it: "1.13.1", no package string.
    const info = "Server Version: 1.13.1\nStorage Driver: overlay2\nCgroup Driver: systemd";
    const symptom = "nsenter: could not ensure we are a cloned binary";
    const runcRecord = (uname?: string) =>
      diagnoseFields(kb, { ...(uname ? { uname } : {}), logs: `${info}\n${symptom}` }).findings.find(
        (x) => x.id === "runc-cve-2019-5736-fix-old-kernels-init-p-broken-pipe",
      );
    const el7 = "Linux h 3.10.0-957.5.1.el7.x86_64 #1 SMP Fri Feb 1 14:54:57 UTC 2019 x86_64 x86_64 x86_64 GNU/Linux";
    const onEl7 = runcRecord(el7);
    expect(onEl7?.verdict.status).not.toBe("not-affected");
    const docker = onEl7?.evidence.find((e) => e.kind === "version" && e.subject.startsWith("your docker"));
    expect(docker).toMatchObject({ result: "not-affected", certain: false });
    // With nothing saying which distribution runs it, 1.13.1 is upstream Docker's release, judged as such.
    const bare = runcRecord();
    expect(bare?.evidence.find((e) => e.kind === "version" && e.subject.startsWith("your docker"))).toMatchObject({ certain: true });
  });

  it("uses a release's own package ranges only for that release's own build, and lets no name in passing override them", async () => {
    const kb = (await loadDataKb()).compiled;
    const jammy = 'NAME="Ubuntu"\nVERSION_ID="22.04"\nID=ubuntu\nID_LIKE=debian\n';
    const server = (runc: string) =>
      `Server:\n Engine:\n  Version:          28.2.2\n  API version:      1.50\n runc:\n  Version:          ${runc}\n`;
    const symptom = "open sysctl net.ipv4.ip_unprivileged_port_start file: reopen fd 8: permission denied";
    const verdict = (runc: string, extra = "") =>
      diagnoseFields(kb, { osRelease: jammy, logs: `${server(runc)}${symptom}\n${extra}` }).findings.find(
        (f) => f.id === "runc-2025-cve-fix-lxc-apparmor-sysctl-denied",
      )?.verdict;
    // Debian's build under a container's Ubuntu os-release is no Ubuntu build: judged upstream, and the symptom leaves it open.
    expect(verdict("1.1.5+ds1")?.status).toBe("unknown");
    // Ubuntu's own 22.04 build is judged by Ubuntu's data, and "runc 1.3.3" named in a sentence does not override it.
    expect(verdict("1.1.12-0ubuntu2~22.04.1", "runc 1.3.3 broke this")).toMatchObject({ status: "not-affected" });
  });

  it("judges a removal on a distribution's build by its release alone: no distribution backports a removal", async () => {
    const data = await loadDataKb();
    const kb = data.compiled;
    const example = data.records.find((r) => r.id === "docker-23-graph-option-removed")?.examples[0];
    const server = "Server:\n Engine:\n  Version:          20.10.24+dfsg1\n  API version:      1.41\n";
    const f = diagnoseFields(kb, { logs: `${server}${example?.log ?? ""}` }).findings.find(
      (x) => x.id === "docker-23-graph-option-removed",
    );
    expect(f?.verdict.status).toBe("not-affected");
  });

  it("reads a provider's Kubernetes build as its release", () => {
    expect(nodeComponents({ version: "v1.26.0-eks-5e0fdde", runtime: "containerd://1.5.9" }).kubernetes).toBe("1.26.0");
    expect(nodeComponents({ version: "v1.27.3-gke.100", runtime: null }).kubernetes).toBe("1.27.3");
  });
});

describe("a pre-release of the release a range starts or ends at", () => {
  const removal: AffectedRange = { introduced: "1.35.0", evidence: "verified", source: A };
  const fixed: AffectedRange = { introduced: "1.2.0", fixed: "1.2.4", evidence: "verified", source: A };

  it("is undecided: a change lands in a release's pre-releases, which a range starting at the release does not place", () => {
    // Review 30c: kubelet 1.35.0-rc.1 printing the 1.35 removal was "not affected", certain.
    expect(evaluateRanges("semver", "1.35.0-rc.1", [removal])).toMatchObject({ status: "unknown", certain: false });
    expect(evaluateRanges("semver", "1.34.2", [removal])).toMatchObject({ status: "not-affected", certain: true });
    expect(evaluateRanges("semver", "1.2.4-rc.1", [fixed])).toMatchObject({ status: "unknown", certain: false });
    expect(evaluateRanges("semver", "1.2.3", [fixed])).toMatchObject({ status: "affected", certain: true });
  });

  it("lets the bug's own symptom confirm a pre-release of its first release, hedged (review 30d)", () => {
    const id = "kubelet-1.35-refuses-cgroupv1";
    const log = data.records.find((r) => r.id === id)?.examples.find((e) => e.expect !== "absent")?.log ?? "";
    const verdict = (v: string, logs: string) =>
      diagnoseBundle(data, `$ kubelet --version\nKubernetes ${v}\n${logs}`).findings.find((f) => f.id === id)?.verdict;
    expect(verdict("v1.35.0-rc.1", log)).toMatchObject({ status: "affected", certain: false });
    expect(verdict("v1.34.2", log)?.status).toBe("not-affected");
  });

  it("orders by the range's own pre-releases where it names them", () => {
    const rc: AffectedRange = { introduced: "1.4.0-rc.3", fixed: "1.4.0", evidence: "verified", source: A };
    expect(evaluateRanges("semver", "1.4.0-rc.2", [rc]).status).toBe("not-affected");
    expect(evaluateRanges("semver", "1.4.0-rc.4", [rc]).status).toBe("affected");
  });
});

describe("a fix that ends one of a bug's causes only", () => {
  it("never rules the NVML loss out on runc 1.1.7 or later: the NVIDIA hook's devices are lost with any runc (review 67f F1)", () => {
    // utkuozdemir/nvidia_gpu_exporter#110's `docker info` (shortened), beside NVML's error.
    const logs = [
      "$ docker info",
      " Cgroup Driver: systemd",
      " Runtimes: io.containerd.runc.v2 nvidia runc",
      " runc version: v1.1.7-0-g860f061",
      "May 24 19:25:41 hades docker[1915067]: Failed to initialize NVML: Unknown Error",
    ].join("\n");
    const verdictOn = (runc: string) =>
      diagnoseFields(data, { logs: logs.replace("v1.1.7-0-g860f061", runc) }).findings.find(
        (f) => f.id === "nvidia-gpu-lost-after-systemd-daemon-reload",
      )?.verdict;
    // Past the runc path's fix, or before its start (review 67i F2): undecided, saying which cause it rules out.
    for (const runc of ["v1.1.7-0-g860f061", "v1.1.12-0-g51d5e94", "v1.1.2-0-ga916309"])
      expect(verdictOn(runc), runc).toMatchObject({ status: "unknown", reason: expect.stringContaining("rules out one cause only") });
    // Inside it, the runc path's own verified range.
    expect(verdictOn("v1.1.3-0-g6724737")).toMatchObject({ status: "affected", level: "verified" });
  });

  it("evaluates a range with another cause: inside as ever, outside unknown, never not affected", () => {
    const oneCause: AffectedRange = {
      introduced: "1.1.3",
      fixed: "1.1.7",
      evidence: "verified",
      otherCauses: "the hook's path",
      source: A,
    };
    expect(evaluateRanges("semver", "1.1.4", [oneCause])).toMatchObject({ status: "affected", level: "verified", certain: true });
    for (const v of ["1.1.2", "1.1.7", "1.2.0"])
      expect(evaluateRanges("semver", v, [oneCause]), v).toMatchObject({ status: "unknown", certain: false });
  });
});

describe("a record with distribution ranges only", () => {
  it("says a plain upstream kernel is one it has no data for, without a distro kernel's backport caveat", () => {
    // Review 30c: "no data in this record for this kernel kernels (5.16.10); upstream ranges do not apply to a distro kernel".
    const id = "nfs4-qnap-mount-5.16.10";
    // Without the example's own crash header, which names the kernel that crashed (it would decide: review 50b F2).
    const log = withoutCrashHeader(data.records.find((r) => r.id === id)?.examples.find((e) => e.expect !== "absent")?.log ?? "");
    const verdict = diagnoseFields(data, { uname: "5.16.10", logs: log }).findings.find((f) => f.id === id)?.verdict;
    expect(verdict).toMatchObject({
      status: "unknown",
      reason: "no data in this record for upstream kernels (5.16.10). Ranges known: fedora:35",
    });
  });
});

describe("a requirement whose symptom another cause gives too", () => {
  it("leaves a kernel past kube-proxy's minimum undecided beside the nftables sync failure (review 31c: it was ruled out)", () => {
    const id = "kube-proxy-nftables-kernel-requirements";
    const log = data.records.find((r) => r.id === id)?.examples.find((e) => e.expect !== "absent")?.log ?? "";
    const verdict = (release: string) => diagnoseBundle(data, `$ uname -r\n${release}\n${log}`).findings.find((f) => f.id === id)?.verdict;
    for (const release of ["6.6.43-talos", "6.1.62"]) {
      expect(verdict(release)?.status, release).toBe("unknown");
      // Each cause the record names, each on its own source (audit 34).
      expect(verdict(release)?.reason, release).toMatch(
        /built without the nf_tables fib expression .* or a kernel built without the nf_tables numgen expression .* give too/,
      );
    }
  });

  it("tells the kernel's place below the minimum but decides nothing by it beside the sync failure (review 69b F1)", () => {
    // The range dates kube-proxy's own refusal; a kube-proxy that reached a sync was not refused, and the sync fails for a
    // missing expression module at any kernel version: 5.4 below the minimum was "affected (verified)".
    const id = "kube-proxy-nftables-kernel-requirements";
    const log = data.records.find((r) => r.id === id)?.examples.find((e) => e.expect !== "absent")?.log ?? "";
    const verdict = (release: string, lines: string) =>
      diagnoseBundle(data, `$ uname -r\n${release}\n${lines}`).findings.find((f) => f.id === id)?.verdict;
    const below = verdict("5.4.0-150-generic", log);
    expect(below?.status).toBe("unknown");
    expect(below?.reason).toMatch(/5\.4\.\d+ is below 5\.13, the minimum version/);
    expect(below?.reason).toMatch(
      /^the versions decide only kube-proxy's own refusal of a kernel below its minimum, which the log does not show/,
    );
    expect(below?.reason).toMatch(/numgen expression .* give the line shown, whatever the versions/);
    // Its own refusal is what the range dates: there the kernel decides.
    const refusal = "kube-proxy in nftables mode requires kernel 5.13 or later";
    expect(verdict("5.4.0-150-generic", refusal)).toMatchObject({ status: "affected", level: "verified" });
    // The refusal is the range's own line: no kernel built without a module prints it (review 69i F1, 69c F3).
    const refused = diagnoseBundle(data, `$ uname -r\n5.4.0-150-generic\n${refusal}`);
    const line = refused.findings.find((f) => f.id === id)?.evidence.find((e) => e.kind === "log");
    expect(line).not.toHaveProperty("alsoPrintedBy");
    expect(refused.rootCause?.reason).not.toMatch(/other causes print too/);
    // The record's unranged causes are this bug's own forms, named in the verdict: no "other causes" of its lines (69j F5).
    const synced = diagnoseBundle(data, `$ uname -r\n5.4.0-150-generic\n${log}`).findings.find((f) => f.id === id);
    expect(synced?.evidence.find((e) => e.kind === "log")).not.toHaveProperty("alsoPrintedBy");
    expect(verdict("5.4.0-150-generic", `${refusal}\n${log}`)).toMatchObject({ status: "affected", level: "verified" });
  });
});

describe("a kernel fix that does not end the symptom (audit 34b)", () => {
  it("leaves a kernel past the nf_nat fix unknown beside VXLAN's bad checksum: offload still breaks there", () => {
    const id = "vxlan-udp-csum-offload-63s";
    const log = data.records.find((r) => r.id === id)?.examples.find((e) => e.expect === "top1")?.log ?? "";
    const verdict = (release: string) => diagnoseBundle(data, `$ uname -r\n${release}\n${log}`).findings.find((f) => f.id === id)?.verdict;
    // Ubuntu 20.04's 5.8 carries the fix, and calico#4865 saw the symptom there.
    expect(verdict("5.8.0")?.status).toBe("unknown");
    expect(verdict("5.8.0")?.reason).toMatch(/VXLAN checksum offload still breaking on kernels that carry the nf_nat fix/);
    expect(verdict("5.4.30")?.status).toBe("affected");
  });
});

describe("two kernels given for no one host", () => {
  it("says so, and what would decide, instead of 'no kernel version given' (review 31c)", () => {
    const id = "kube-proxy-nf-conntrack-max-readonly-netns-5.12.2";
    const log = data.records.find((r) => r.id === id)?.examples.find((e) => e.expect !== "absent")?.log ?? "";
    const verdict = diagnoseBundle(data, `user@laptop:~$ uname -r\n5.11.18\nuser@ci:~$ uname -r\n5.12.4\n${log}`).findings.find(
      (f) => f.id === id,
    )?.verdict;
    expect(verdict?.status).toBe("unknown");
    expect(verdict?.reason).toMatch(/^the input gives 2 kernels \(5\.11\.18, 5\.12\.4: .*\) and does not say which one failed/);
    // A sentence claiming another kernel than the output's is a second kernel too (review 31e).
    const uname = "$ uname -a\nLinux laptop 5.11.18 #1 SMP PREEMPT Mon May 3 10:00:00 UTC 2021 x86_64 GNU/Linux";
    const claimed = diagnoseBundle(data, `Our nodes run kernel 5.12.4.\n${uname}\n${log}`).findings.find((f) => f.id === id)?.verdict;
    expect(claimed?.status).toBe("unknown");
    expect(claimed?.reason).toMatch(/^the input gives 2 kernels \(5\.11\.18, 5\.12\.4: /);
  });

  it("says a component's versions disagree, not that none was given, and names no record key for a release (review 31b)", () => {
    const id = "runc-1.1.3-exec-dev-pts-after-daemon-reload";
    const log = data.records.find((r) => r.id === id)?.examples.find((e) => e.expect !== "absent")?.log ?? "";
    const runc = (v: string) => `$ runc --version\nrunc version ${v}\ncommit: v${v}-0-g6724737f\nspec: 1.0.2-dev`;
    const two = diagnoseBundle(data, `${runc("1.1.3")}\n${runc("1.1.4")}\n${log}`).findings.find((f) => f.id === id)?.verdict;
    expect(two?.status).toBe("unknown");
    // Each version named, for the reader to tell which one is the failing machine's (review 54d W1).
    expect(two?.reason).toMatch(/versions of runc that disagree \(1\.1\.3 and 1\.1\.4: two machines/);
    const none = diagnoseBundle(data, log).findings.find((f) => f.id === id)?.verdict;
    expect(none?.reason).toMatch(/^no version of runc was given/);
  });
});

describe("a version named beside a nodes table", () => {
  it("judges every node with it: a DaemonSet's fixed Calico image is the cluster's (review 31c: it was dropped; 72b F2: read)", () => {
    const id = "calico-ebpf-ctlb-tailcall-einval-cve-2025-40123";
    const log = data.records.find((r) => r.id === id)?.examples.find((e) => e.expect !== "absent")?.log ?? "";
    const paste = (tag: string) =>
      [
        "NAME STATUS ROLES AGE VERSION INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME",
        "cp-1 Ready control-plane 12d v1.34.1 10.5.0.2 <none> Talos (v1.11.5) 6.12.57-talos containerd://2.1.5",
        "$ kubectl -n calico-system get ds calico-node -o jsonpath='{..image}'",
        `docker.io/calico/node:${tag}`,
        log,
      ].join("\n");
    const verdict = (tag: string) => diagnoseBundle(data, paste(tag)).findings.find((f) => f.id === id)?.verdict;
    // kubectl's own answer of the DaemonSet's image is the cluster's reading, every node's, not a version named in passing
    // (review 72b F2: the step that would decide asks for exactly this command).
    expect(verdict("v3.31.3")).toMatchObject({ status: "not-affected", level: "verified" });
    expect(verdict("v3.31.3")?.reason).toMatch(/node cp-1: calico: fixed in 3\.31\.3/);
    // In range, hedged by the other component only: Talos's kernel judged on its upstream release.
    expect(verdict("v3.30.4")).toMatchObject({ status: "affected", certain: false });
    expect(verdict("v3.30.4")?.reason).not.toMatch(/no version of calico|not read from the host/);
  });
});

describe("a bug of two components, one read in range for certain and the other named out of it", () => {
  it("is no 'affected': the kernel in range says nothing of kube-proxy's version (review 31c)", () => {
    const id = "kube-proxy-1.18-ipvs-parseip-rhel7-kernel";
    const log = data.records.find((r) => r.id === id)?.examples.find((e) => e.expect !== "absent")?.log ?? "";
    const el7 = "$ uname -a\nLinux node1 3.10.0-1127.el7.x86_64 #1 SMP Tue Mar 31 23:36:51 UTC 2020 x86_64 x86_64 x86_64 GNU/Linux";
    const verdict = (v: string) =>
      diagnoseBundle(data, `${el7}\nI0601 10:00:00.000000       1 server.go:583] Version: v${v}\n${log}`).findings.find((f) => f.id === id)
        ?.verdict;
    for (const v of ["1.18.3", "1.17.4", "1.19.0"]) expect(verdict(v)?.status, v).toBe("unknown");
    expect(verdict("1.18.1")).toMatchObject({ status: "affected", certain: false });
  });
});

describe("a change a release branch took in one of its pre-releases", () => {
  it("leaves the branch's earlier pre-releases out: runc 1.4.0-rc.2 predates the sysctl change of rc.3 (review 30b)", () => {
    const id = "runc-2025-cve-fix-lxc-apparmor-sysctl-denied";
    const log = data.records.find((r) => r.id === id)?.examples.find((e) => e.expect !== "absent")?.log ?? "";
    const verdict = (v: string) =>
      diagnoseBundle(data, `$ runc --version\nrunc version ${v}\nspec: 1.2.1\n${log}`).findings.find((f) => f.id === id)?.verdict;
    expect(verdict("1.4.0-rc.2")).toMatchObject({ status: "not-affected", level: "verified" });
    for (const v of ["1.4.0-rc.3", "1.4.1", "1.3.6"]) expect(verdict(v), v).toMatchObject({ status: "affected", level: "verified" });
    // 1.3.6 is the last 1.3 release read, not a fix: a later one is no "not affected (verified)" (audit 34).
    expect(verdict("1.3.7")).toMatchObject({ status: "affected", level: "reported", certain: false });
  });
});

describe("a CNI add-on's image tag", () => {
  it("places the cluster's flannel in a record's range, hedged: the manifest may be another revision's", () => {
    const id = "flannel-0.21-empty-random-fully-arg-old-iptables";
    const log = data.records.find((r) => r.id === id)?.examples.find((e) => e.expect !== "absent")?.log ?? "";
    const pods = (tag: string) =>
      `$ kubectl get pods -n kube-flannel -o wide\nkube-flannel-ds-7x2kq   1/1   Running   0   5m   docker.io/flannel/flannel:${tag}\n${log}`;
    const verdict = (tag: string) => diagnoseBundle(data, pods(tag)).findings.find((f) => f.id === id)?.verdict;
    expect(verdict("v0.21.3")).toMatchObject({ status: "affected", certain: false });
    // Out of range beside the symptom: a named version does not rule the bug out.
    expect(verdict("v0.20.2")?.status).toBe("unknown");
  });
});

describe("a bug of one iptables backend", () => {
  it("is ruled out by the other backend, judged by version on its own, and left open without one", async () => {
    const kb = (await loadDataKb()).compiled;
    // The nf_tables -C bug of 1.8.1/1.8.2 (kubernetes#82361); `iptables -V` as kubernetes#71305 shows it.
    const verdict = (version: string) =>
      diagnoseFields(kb, {
        logs: `# iptables -V\n${version}\niptables: Bad rule (does a matching rule exist in that chain?).`,
      }).findings.find((f) => f.id === "iptables-nft-1.8.1-1.8.2-check-bug")?.verdict;
    expect(verdict("iptables v1.8.2 (legacy)")?.status).toBe("not-affected");
    expect(verdict("iptables v1.8.2 (nf_tables)")?.status).toBe("affected");
    expect(verdict("iptables v1.8.3 (nf_tables)")?.status).toBe("not-affected");
    expect(verdict("iptables v1.8.2")?.status).toBe("unknown");
    // The host's iptables and kube-proxy's image on different backends: which one the bug met is not known.
    const both = "iptables v1.8.2 (legacy)\n$ kubectl -n kube-system exec kube-proxy-x7k2p -- iptables -V\niptables v1.8.2 (nf_tables)";
    expect(verdict(both)?.status).toBe("unknown");
  });
});

describe("requirements: kernels older than X lack feature Y", () => {
  const RUNC = "runc-cgroupv2-old-kernel-bpf-device";
  const record = data.records.find((r) => r.id === RUNC);
  const log = record?.examples[0]?.log ?? "";

  it("applies to a distro kernel below X although its upstream base is not known exactly", () => {
    const d = diagnoseFields(data, { uname: "3.10.0-1160.el7.x86_64", logs: log });
    const f = d.findings.find((x) => x.id === RUNC);
    expect(f?.verdict).toMatchObject({ status: "affected", level: "verified" });
    expect(f?.verdict.reason).toMatch(/3\.10\.0.*requirement applies to any kernel below it/);
  });

  it("warns without a symptom only for regressions: a missing feature matters to a setup that uses it", () => {
    const d = diagnoseFields(data, {
      uname: "3.10.0-1160.el7.x86_64",
      logs: "Jan 01 00:00:00 node1 systemd[1]: Started Session 1 of user root.",
    });
    expect(d.advisories.map((a) => a.id)).not.toContain(RUNC);
    expect(d.advisories.map((a) => a.id)).not.toContain("tcp-tw-recycle-removed-4.12");
  });

  it("clears a distro kernel whose own version has the feature", () => {
    // The requirement alone: the record's unranged cause (a kernel built without cgroup BPF) leaves any kernel past the
    // range undecided beside the symptom (review 72c F1), which is not what this rule is about.
    if (!record) throw new Error("record missing");
    const kb = compileKnowledgeBase("test", [{ ...record, unrangedCauses: [] }]);
    const d = diagnoseFields(kb, { uname: "5.14.0-427.13.1.el9_4.x86_64", logs: log });
    expect(d.findings.find((x) => x.id === RUNC)?.verdict.status).toBe("not-affected");
    // With the record's own data, the same kernel beside the symptom is undecided, never affected.
    expect(
      diagnoseFields(data, { uname: "5.14.0-427.13.1.el9_4.x86_64", logs: log }).findings.find((x) => x.id === RUNC)?.verdict.status,
    ).toBe("unknown");
  });

  it("clears a kernel whose package the record names as carrying a backport", async () => {
    if (!record) throw new Error("record missing");
    const entry = record.affected[0];
    if (!entry) throw new Error("no affected entry");
    const backported = {
      ...record,
      unrangedCauses: [],
      affected: [{ ...entry, backports: [{ ecosystem: "rhel:7", package: "kernel", since: "3.10.0-1000.el7", source: A }] }],
    };
    const kb = compileKnowledgeBase("test", [backported]);
    const d = diagnoseFields(kb, { uname: "3.10.0-1160.el7.x86_64", logs: log });
    expect(d.findings[0]?.verdict).toMatchObject({ status: "not-affected" });
    expect(d.findings[0]?.verdict.reason).toMatch(/carry the feature since 3\.10\.0-1000\.el7/);
    const older = diagnoseFields(kb, { uname: "3.10.0-957.el7.x86_64", logs: log });
    expect(older.findings[0]?.verdict.status).toBe("affected");
  });
});

describe("removals: from kernel X on, feature Y is gone", () => {
  const TW = "tcp-tw-recycle-removed-4.12";
  const log = data.records.find((r) => r.id === TW)?.examples[0]?.log ?? "";

  it("applies to a distro kernel at or above X by its own version, whoever built it", () => {
    const f = diagnoseFields(data, { uname: "5.14.0-284.11.1.el9_2.x86_64", logs: log }).findings.find((x) => x.id === TW);
    expect(f?.verdict.status).toBe("affected");
    expect(f?.verdict.reason).toMatch(/5\.14\.0.*a removal applies to any kernel from it on/);
  });

  it("clears a kernel below X, vendor builds included", () => {
    const f = diagnoseFields(data, { uname: "3.10.0-1160.el7.x86_64", logs: log }).findings.find((x) => x.id === TW);
    expect(f?.verdict.status).toBe("not-affected");
  });

  it("judges no kernel from the fixed release gVisor or WSL 1 prints (review 33b)", () => {
    for (const uname of [
      "Linux runsc 4.4.0 #1 SMP Sun Jan 10 15:06:54 PST 2016 x86_64 GNU/Linux",
      "Linux DESKTOP-6PNTD6B 4.4.0-17763-Microsoft #1217-Microsoft Mon May 05 16:09:00 PST 2020 x86_64 x86_64 x86_64 GNU/Linux",
    ]) {
      const f = diagnoseFields(data, { uname, logs: log }).findings.find((x) => x.id === TW);
      expect(f?.verdict.status, uname).toBe("unknown");
      expect(f?.verdict.reason).toMatch(/no Linux kernel's release/);
    }
  });
});

describe("removed flags, options and API versions: a version alone warns of regressions only", () => {
  // `docker --version` as bitwarden/server#6732 and many READMEs quote it.
  const DOCKER_29 = "Docker version 29.1.3, build f52814d";
  const DOCKER_20_10_6 = "Docker version 20.10.6, build 370c289";
  const API = "docker-29-minimum-api-1.44-old-clients";
  const dockerEntries = (id: string) => data.records.find((r) => r.id === id)?.affected.filter((a) => a.ecosystem === "docker") ?? [];
  const removals = data.records
    .filter((r) => dockerEntries(r.id).length && dockerEntries(r.id).every((a) => a.kind === "removal"))
    .map((r) => r.id);

  it("does not warn every Docker 29 host of the options and API versions Docker dropped", () => {
    // Docker 23's "graph" key, 26's schema 1 pulls, 28's raw-table rules, 29's API floor.
    expect(removals).toEqual(expect.arrayContaining([API, "docker-23-graph-option-removed"]));
    const d = diagnoseFields(data, { logs: DOCKER_29 });
    expect(d.advisories.map((a) => a.id).filter((id) => removals.includes(id))).toEqual([]);
  });

  it("still judges a finding its log shows by that version", () => {
    const log = data.records.find((r) => r.id === API)?.examples[0]?.log ?? "";
    const f = diagnoseFields(data, { logs: `${DOCKER_29}\n${log}` }).findings[0];
    expect(f).toMatchObject({ id: API, verdict: { status: "affected" } });
  });

  it("still warns of two components that cannot run together, from one host's versions", () => {
    // The seed fleet (kubelet 1.26.3) with containerd 1.5.13, which serves no CRI v1 (kubelet-1.26-cri-v1-required's requirement).
    const CRI = "kubelet-1.26-cri-v1-required";
    const old = diagnoseFields(data, { nodes: UNEVEN_FLEET.replaceAll("containerd://1.6.20", "containerd://1.5.13") });
    expect(old.advisories.find((a) => a.id === CRI)?.verdict.status).toBe("affected");
    expect(diagnoseFields(data, { nodes: UNEVEN_FLEET }).advisories.map((a) => a.id)).not.toContain(CRI);
  });

  it("hedges what the Docker CLI's version alone says: the daemon that printed the log may be another", () => {
    const RAW = "docker-28-iptables-raw-table-required";
    const log = data.records.find((r) => r.id === RAW)?.examples[0]?.log ?? "";
    // Only a Docker 28 daemon prints this line: beside it, the CLI's 27.5.1 decides nothing.
    const cli = diagnoseFields(data, { logs: `Docker version 27.5.1, build 9f9e405\n${log}` }).findings.find((f) => f.id === RAW);
    expect(cli?.verdict.status).toBe("unknown");
    expect(cli?.verdict.reason).toContain("the docker client's version, `docker --version`; the daemon's may differ");
    const server = "Server:\n Engine:\n  Version:          27.5.1\n  API version:      1.47 (minimum version 1.24)";
    // The daemon's own 27.5.1 cannot be the one that printed it either (review 41b): neither rules the bug in or out.
    const daemon = diagnoseFields(data, { logs: `${server}\n${log}` }).findings.find((f) => f.id === RAW);
    expect(daemon?.verdict).toMatchObject({ status: "unknown", reason: expect.stringContaining("but the log's line is one only docker") });
  });

  it("still warns of a regression in the version given, without a symptom", () => {
    // On a kernel booted without IPv6, which the bug needs (its context).
    const d = diagnoseFields(data, { logs: `BOOT_IMAGE=/vmlinuz-5.4.0-73-generic root=UUID=9c1e ro ipv6.disable=1\n${DOCKER_20_10_6}` });
    expect(d.advisories.map((a) => a.id)).toContain("docker-20.10.6-ipv6-disabled-userland-proxy-tcp6");
  });
});

describe("components that must meet: a version alone warns only when a host has all of them", () => {
  const MNT = "rhel7-may-detach-mounts-container-remove-busy";
  const record = data.records.find((r) => r.id === MNT);
  const example = record?.examples[0];
  // `docker version`'s server part as Docker 17.x printed it.
  const server = (version: string) => `Server:\n Version:      ${version}\n API version:  1.30 (minimum version 1.12)`;

  it("warns of RHEL 7's mount leak only with a Docker too old to set fs.may_detach_mounts itself", () => {
    expect(record?.together).toBeDefined();
    const kernelOnly = diagnoseFields(data, { uname: example?.uname });
    expect(kernelOnly.advisories.map((a) => a.id)).not.toContain(MNT);
    const newer = diagnoseFields(data, { uname: example?.uname, logs: server("17.09.1-ce") });
    expect(newer.advisories.map((a) => a.id)).not.toContain(MNT);
    const both = diagnoseFields(data, { uname: example?.uname, logs: server("17.06.0-ce") });
    expect(both.advisories.map((a) => a.id)).toContain(MNT);
  });

  it("never answers a bug of two components certainly on one of them while the other's version was not given", () => {
    // Review 30b: an in-range RHEL 7 kernel with the symptom, and no Docker version, was "affected" and certain.
    const symptom = example?.log.split("\n")[1] ?? "";
    const f = diagnoseFields(data, { uname: example?.uname, logs: symptom }).findings.find((x) => x.id === MNT);
    expect(f?.verdict).toMatchObject({ status: "affected", certain: false });
    expect(f?.verdict.reason).toMatch(/no version of docker was given, and the bug needs/);
    // The hedge is the missing version's: the level stays the kernel range's, with no "single report" note (review 60a F6).
    const kernel = f?.evidence.find((e): e is VersionEvidence => e.kind === "version" && e.result === "affected");
    expect(kernel?.level).toBeDefined();
    expect(f?.verdict.level).toBe(kernel?.level);
    if (kernel?.level !== "reported") expect(f?.unverified.join(" ")).not.toContain("rests on a single report");
  });

  it("answers neither way when the release a sentence names and a Docker the report names disagree beside the symptom", () => {
    const symptom = example?.log.split("\n")[1] ?? "";
    // `docker info` cut after its client part: the client's version stands for the daemon's, hedged.
    const client = "Client: Docker Engine - Community\n Version:    20.10.7\n Context:    default\n Debug Mode: false";
    const d = diagnoseFields(data, { logs: `We see this on our CentOS 7 servers.\n${client}\n${symptom}` });
    const f = d.findings.find((x) => x.id === MNT);
    expect(f?.verdict.status).toBe("unknown");
    expect(f?.verdict.reason).toMatch(/20\.10\.7 is at or after it/);
    // The host's own kernel in range says nothing of Docker's version: the hedged Docker past the fix leaves it open
    // beside the symptom (review 31c; the daemon may be older than the client).
    const own = diagnoseFields(data, { uname: example?.uname, logs: `${client}\n${symptom}` }).findings.find((x) => x.id === MNT);
    expect(own?.verdict.status).toBe("unknown");
    expect(own?.verdict.reason).toMatch(/20\.10\.7 is at or after it/);
    // A version a sentence gives as the cure or the fix confirms the bug: it is no reading of the host that failed.
    for (const cure of ["After upgrading docker-ce to 17.09.1-ce the error is gone.", "Upgrading Docker to 17.12.0 fixed it for us."]) {
      const cured = diagnoseFields(data, { logs: `We see this on our CentOS 7 servers.\n${symptom}\n${cure}` });
      expect(cured.findings.find((x) => x.id === MNT)?.verdict, cure).toMatchObject({ status: "affected", certain: false });
    }
  });

  it("keeps a record with a cause no range covers as consistent: a named component past the range answers as a read one does", () => {
    // Kubernetes 1.26 needs CRI v1, which containerd 1.6.0 brought (review 27a: a named 1.6.15 gave "affected" while the
    // host's own gave unknown). Without the symptom (the page's check): not affected, hedged.
    const CRI = "kubelet-1.26-cri-v1-required";
    const focus = diagnoseBundle(data, "We run Kubernetes 1.26.1 with containerd 1.6.15 on Ubuntu 22.04.", 5, CRI).focus;
    expect(focus?.verdict).toMatchObject({ status: "not-affected", certain: false });
  });

  it("counts a fleet's node in range only when it has every component in range", () => {
    // Three CentOS 7 nodes (the seed fleet's layout); only the odd one runs a kubelet of the affected 1.18 releases.
    const KP = "kube-proxy-1.18-ipvs-parseip-rhel7-kernel";
    const centos = UNEVEN_FLEET.replaceAll("Ubuntu 22.04.5 LTS", "CentOS Linux 7 (Core)").replace(
      /5\.15\.0-12[67]-generic/g,
      "3.10.0-1127.el7.x86_64",
    );
    const lines = centos.split("\n");
    const nodes = [
      lines[0],
      lines[1]?.replace("v1.26.3", "v1.19.0"),
      lines[2]?.replace("v1.26.3", "v1.19.0"),
      lines[3]?.replace("v1.26.3", "v1.18.1"),
    ].join("\n");
    const d = diagnoseFields(data, { nodes });
    expect(d.nodes.find((n) => n.name === "worker-2")?.findings).toContain(KP);
    expect(d.nodes.filter((n) => n.name !== "worker-2").flatMap((n) => n.findings)).not.toContain(KP);
  });

  describe("the February 2019 runc with a kernel before 3.17 (docker with linux)", () => {
    const RUNC = "runc-cve-2019-5736-fix-old-kernels-init-p-broken-pipe";
    const SYMPTOM =
      'docker: Error response from daemon: OCI runtime create failed: container_linux.go:344: starting container process caused "process_linux.go:293: copying bootstrap data to pipe caused \\"write init-p: broken pipe\\"": unknown.';
    const TRUSTY = "Linux host 3.13.0-165-generic #215-Ubuntu SMP Wed Jan 16 11:46:47 UTC 2019 x86_64 x86_64 x86_64 GNU/Linux";
    const FOCAL = "Linux host 5.4.0-42-generic #46-Ubuntu SMP Fri Jul 10 00:24:02 UTC 2020 x86_64 x86_64 x86_64 GNU/Linux";
    const docker = (v: string) => `Docker version ${v}, build 6d37f41`;
    const runc = (uname: string, logs: string) => diagnoseFields(data, { uname, logs }).findings.find((f) => f.id === RUNC);

    it("rules the bug out on a kernel with memfd_create, whatever Docker says, and says why", () => {
      const f = runc(FOCAL, `${docker("18.09.2")}\n${SYMPTOM}`);
      expect(f?.verdict).toMatchObject({ status: "not-affected", level: "verified" });
      expect(f?.verdict.reason).toContain("the bug needs docker with linux");
      expect(f?.confidence).not.toBe("high");
    });

    it("finds it on 3.13 with Docker 18.06.2-ce (the edition suffix is no pre-release)", () => {
      const f = runc(TRUSTY, `${docker("18.06.2-ce")}\n${SYMPTOM}`);
      expect(f?.verdict.status).toBe("affected");
      expect(f?.verdict.reason).not.toContain("says otherwise");
    });

    it("rules it out by a Docker that predates the runc change on a branch that bundles runc (18.06.1-ce)", () => {
      const server = "Server:\n Engine:\n  Version:          18.06.1-ce\n  API version:      1.38 (minimum version 1.12)";
      const f = runc(TRUSTY, `${server}\n${SYMPTOM}`);
      expect(f?.verdict).toMatchObject({ status: "not-affected", level: "verified" });
    });

    it("does not rule it out by the Docker CLI's version alone beside the symptom: the daemon that failed may be newer", () => {
      // Nor does the old kernel rule it in: it says nothing of Docker's version (review 31c).
      const f = runc(TRUSTY, `${docker("18.06.1-ce")}\n${SYMPTOM}`);
      expect(f?.verdict.status).toBe("unknown");
      expect(f?.verdict.reason).toMatch(/the docker client's version, `docker --version`; the daemon's may differ/);
      // Without the symptom (a door's check of this record): not affected, hedged.
      const focus = diagnoseBundle(data, `$ uname -a\n${TRUSTY}\n$ docker --version\n${docker("18.06.1-ce")}`, 5, RUNC).focus;
      expect(focus?.verdict).toMatchObject({ status: "not-affected", certain: false });
    });

    it("leaves an old kernel's answer unknown when Docker's version is before the start one report gives (18.09 takes runc from containerd.io)", () => {
      // 18.09.1 is before 18.09.2, the first docker-ce seen failing (introducedEvidence: reported), so it decides nothing
      // either way, and the bug needs both (review 51e F1; it was "affected", reported once).
      const f = runc(TRUSTY, `${docker("18.09.1")}\n${SYMPTOM}`);
      expect(f?.verdict.status).toBe("unknown");
      expect(f?.verdict.reason).toMatch(
        /your docker does not decide it: .*the first affected version \(that end rests on a single report\)/,
      );
    });

    it("never rests on the kernel alone at a primary source's level when no Docker version is given", () => {
      const el7 = "Linux host 3.10.0-1160.el7.x86_64 #1 SMP Mon Oct 19 16:18:59 UTC 2020 x86_64 x86_64 x86_64 GNU/Linux";
      const f = runc(el7, SYMPTOM);
      // Hedged for the missing version, at the kernel range's own level (review 60a F6: it said "reported once").
      expect(f?.verdict).toMatchObject({ status: "affected", level: "verified", certain: false });
      expect(f?.verdict.reason).toContain("no version of docker was given");
      expect(f?.confidence).not.toBe("high");
    });

    it("neither rules it out nor in when a kernel a sentence names and the Docker CLI's version disagree beside the symptom", () => {
      const logs = (sentence: string) => `${docker("18.09.2")}\n${SYMPTOM}\n${sentence}`;
      const answer = diagnoseFields(data, { logs: logs("The host is on kernel 5.4.0-42-generic.") });
      const named = answer.findings.find((f) => f.id === RUNC);
      // Both readings are hedged (the failure may have come before that kernel; the daemon's version may differ
      // from the CLI's): "affected" would rest on the weaker of two readings that contradict each other.
      expect(named?.verdict.status).toBe("unknown");
      expect(named?.verdict.reason).toContain("names in a sentence");
      expect(renderTextReport(answer)).toContain(
        "kernel: 5.4.0-42-generic = ubuntu:20.04 package linux or ubuntu:18.04 package linux-hwe-5.4 5.4.0-42 (partial; the release is not known) [named in a sentence",
      );
      // The cure's kernel is no reading of the host that failed at all.
      const cure = diagnoseFields(data, { logs: logs("Upgrading to kernel 5.4.0-42-generic fixed it.") });
      expect(cure.facts.kernel).toBeNull();
      expect(cure.findings.find((f) => f.id === RUNC)?.verdict.status).toBe("affected");
    });

    it("warns without a symptom only when the host has both: an affected Docker on an old kernel", () => {
      const ids = (uname: string) => diagnoseFields(data, { uname, logs: docker("18.06.2-ce") }).advisories.map((a) => a.id);
      expect(ids(TRUSTY)).toContain(RUNC);
      expect(ids(FOCAL)).not.toContain(RUNC);
    });
  });

  it("rules RHEL 7's leak out on another distribution's kernel, and hedges a series-only kernel", () => {
    const bionic = "Linux itrmsdev04 4.15.0-91-generic #92-Ubuntu SMP Fri Feb 28 11:09:48 UTC 2020 x86_64 x86_64 x86_64 GNU/Linux";
    const log = `${server("17.06.0-ce")}\n${example?.log ?? ""}`;
    const f = diagnoseFields(data, { uname: bionic, logs: log }).findings.find((x) => x.id === MNT);
    expect(f?.verdict.status).toBe("not-affected");
    // Not as "no RHEL 7 kernel" any more: every kernel from upstream's lazy detach on (review 56c F1).
    expect(f?.verdict.reason).toContain("3.18 is the minimum version, and 4.15.0 meets it");
    // A fleet of such hosts is ruled out as one host is (the example's prompt names itrmsdev04, one of its nodes).
    const nodes = [
      "NAME   STATUS   ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION      CONTAINER-RUNTIME",
      "itrmsdev04   Ready    <none>   9d    v1.9.3    10.0.0.1      <none>        Ubuntu 18.04.2 LTS   4.15.0-91-generic   docker://17.6.0",
      "itrmsdev05   Ready    <none>   9d    v1.9.3    10.0.0.2      <none>        Ubuntu 18.04.2 LTS   4.15.0-91-generic   docker://17.6.0",
    ].join("\n");
    const fleet = diagnoseFields(data, { nodes, logs: example?.log ?? "" }).findings.find((x) => x.id === MNT);
    expect(fleet?.verdict.status).toBe("not-affected");
    // A sentence naming the rows' kernel does not stand in for the rows.
    const told = diagnoseFields(data, { nodes, logs: `All our nodes run kernel 4.15.0-91-generic.\n${example?.log ?? ""}` });
    expect(told.findings.find((x) => x.id === MNT)?.verdict.status).toBe("not-affected");
    // A kernel a sentence names rules nothing out: it may be another machine's, and here says so ("my laptop").
    const centos7 = 'NAME="CentOS Linux"\nVERSION="7 (Core)"\nID="centos"\nID_LIKE="rhel fedora"\nVERSION_ID="7"\n';
    const laptop = `${log}\nThe same compose file on my Ubuntu laptop with kernel 4.15.0-91-generic has no problem.`;
    const said = diagnoseFields(data, { osRelease: centos7, logs: laptop });
    expect(said.facts.kernel).toBeNull();
    // Corroborated since review 70e F1: RHEL 7's default rests on Docker's and CRI-O's pull requests, no Red Hat source.
    expect(said.findings.find((x) => x.id === MNT)?.verdict).toMatchObject({ status: "affected", level: "corroborated" });
    // Nor does one a sentence says has no problem: the trouble's absence (config-sync#167's "on Kubernetes 1.24, no issues").
    const fine = diagnoseFields(data, {
      osRelease: centos7,
      logs: `${log}\nThe same compose file with kernel 4.15.0-91-generic has no problem.`,
    });
    expect(fine.facts.kernel).toBeNull();
    expect(fine.findings.find((x) => x.id === MNT)?.verdict).toMatchObject({ status: "affected", level: "corroborated" });
    const named = diagnoseFields(data, {
      osRelease: centos7,
      logs: `${log}\nThe same compose file runs with kernel 4.15.0-91-generic.`,
    });
    expect(named.facts.kernel?.named).toBe(true);
    // Since upstream kernels from 3.18 are ranged (review 56c F1), the named 4.15 would rule it out: named, it leaves it
    // open beside the symptom, and the old Docker no longer makes it "affected" either.
    expect(named.findings.find((x) => x.id === MNT)?.verdict.status).toBe("unknown");
    // Rows that each rule the bug out by Docker's own version rule it out together (Virtuozzo's kernel: no data).
    const vz =
      "itrmsdev04   Ready    <none>   9d    v1.17.3   10.0.0.1      <none>        Virtuozzo Linux 7    3.10.0-1160.80.1.vz7.191.4   docker://19.3.5";
    const vzNodes = [nodes.split("\n")[0], vz, vz.replace("itrmsdev04 ", "itrmsdev05 ")].join("\n");
    const fixedDocker = diagnoseFields(data, { nodes: vzNodes, logs: example?.log ?? "" }).findings.find((x) => x.id === MNT);
    expect(fixedDocker?.verdict.status).toBe("not-affected");
    // A kernel only the os-release places (EulerOS 2.0 builds RHEL 7's 3.10.0) is no other distribution's for sure.
    const euler =
      "Linux itrmsdev04 3.10.0-862.14.1.5.h249.eulerosv2r7.x86_64 #1 SMP Fri Jan 11 00:00:00 UTC 2019 x86_64 x86_64 x86_64 GNU/Linux";
    const osRelease = 'NAME="EulerOS"\nVERSION="2.0 (SP5)"\nID="euleros"\nVERSION_ID="2.0"\nPRETTY_NAME="EulerOS 2.0 (SP5)"\n';
    const e = diagnoseFields(data, { uname: euler, osRelease, logs: log }).findings.find((x) => x.id === MNT);
    // Affected: its 3.10.0 is below upstream's lazy detach too (the record's linux requirement, corroborated).
    expect(e?.verdict).toMatchObject({ status: "affected", level: "corroborated" });
    // A kernel that is another release's package (RHEL 8's, Oracle's UEK) is not the RHEL 7 kernel the bug needs: the old
    // Docker alone does not make it "affected" (review 30c); both are past upstream's lazy detach, which rules them out.
    for (const release of ["4.18.0-80.el8.x86_64", "4.1.12-124.el7uek.x86_64"]) {
      const uname = `Linux itrmsdev04 ${release} #1 SMP Fri Jan 11 00:00:00 UTC 2019 x86_64 x86_64 x86_64 GNU/Linux`;
      const other = diagnoseFields(data, { uname, logs: log }).findings.find((x) => x.id === MNT);
      expect(other?.verdict.status, release).toBe("not-affected");
    }
  });

  describe("a fleet: the components must meet on one node", () => {
    const RUNC = "runc-cve-2019-5736-fix-old-kernels-init-p-broken-pipe";
    const SYMPTOM =
      'docker: Error response from daemon: OCI runtime create failed: container_linux.go:344: starting container process caused "process_linux.go:293: copying bootstrap data to pipe caused \\"write init-p: broken pipe\\"": unknown.';
    const table = (rows: string[]) =>
      [
        "NAME   STATUS   ROLES    AGE   VERSION    INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                KERNEL-VERSION          CONTAINER-RUNTIME",
        ...rows,
      ].join("\n");
    const BIONIC =
      "w1     Ready    <none>   9d    v1.13.3    10.0.0.1      <none>        Ubuntu 18.04.2 LTS      4.15.0-45-generic       docker://18.9.2";
    const CENTOS =
      "w2     Ready    <none>   9d    v1.13.3    10.0.0.2      <none>        CentOS Linux 7 (Core)   3.10.0-957.el7.x86_64   docker://18.6.1";
    const finding = (rows: string[]) => diagnoseFields(data, { nodes: table(rows), logs: SYMPTOM }).findings.find((f) => f.id === RUNC);

    it("is not affected when no node has both an old kernel and an affected Docker", () => {
      expect(finding([BIONIC, CENTOS])?.verdict.status).toBe("not-affected");
    });

    it("is affected when one node has both, judged on that node", () => {
      const f = finding([BIONIC, CENTOS.replace("docker://18.6.1", "docker://18.9.2")]);
      expect(f?.verdict.status).toBe("affected");
      expect(f?.verdict.reason).toMatch(/^node w2/);
    });
  });

  // A CentOS 7 host's uname and a one-row `kubectl get nodes -o wide` table.
  const EL7 = "Linux web 3.10.0-693.el7.x86_64 #1 SMP Tue Aug 22 21:09:27 UTC 2017 x86_64 x86_64 x86_64 GNU/Linux";
  const oneRow = (row: string) =>
    `NAME   STATUS   ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                KERNEL-VERSION          CONTAINER-RUNTIME\n${row}`;

  it("judges a table row that shares the uname's kernel on the runtime it shows", () => {
    const nodes = oneRow(
      "n1     Ready    <none>   9d    v1.9.2    10.0.0.3      <none>        CentOS Linux 7 (Core)   3.10.0-693.el7.x86_64   docker://17.6.0",
    );
    const warned = (runtime: string) =>
      diagnoseFields(data, { uname: EL7, nodes: nodes.replace("docker://17.6.0", runtime) }).advisories.map((a) => a.id);
    expect(warned("docker://17.6.0")).toContain(MNT);
    expect(warned("docker://17.12.0")).not.toContain(MNT);
  });

  it("finds each host's checks in the hosts form whatever its name holds", () => {
    const nodes = oneRow(
      "u1     Ready    <none>   9d    v1.9.2    10.0.0.3      <none>        Ubuntu 16.04.3 LTS      4.4.0-87-generic        docker://17.6.0",
    );
    const bundle = [EL7, server("17.06.0-ce"), nodes, example?.log ?? ""].join("\n");
    const verdictAs = (name: string) => diagnoseHosts(data, [{ name, bundle }]).findings.find((f) => f.id === MNT)?.verdict;
    const plain = verdictAs("web-1");
    expect(plain?.status).toBe("affected");
    for (const name of ["web-1 (prod)", "10.0.0.5:22"])
      expect(verdictAs(name)).toMatchObject({ status: plain?.status, level: plain?.level });
  });

  it("counts the versions as a second witness only when the components meet", () => {
    // kube-proxy's parseIP failure with a kubelet outside 1.18.0-1.18.2 on a CentOS 7 kernel: the kernel alone is in range.
    const KP = "kube-proxy-1.18-ipvs-parseip-rhel7-kernel";
    const kp = data.records.find((r) => r.id === KP)?.examples[0];
    const uname = "Linux node 3.10.0-1127.el7.x86_64 #1 SMP Tue Mar 31 23:36:51 UTC 2020 x86_64 x86_64 x86_64 GNU/Linux";
    // One line: two of the record's signatures on two lines would be a second witness of their own.
    const line = kp?.log.split("\n")[0] ?? "";
    const f = diagnoseFields(data, { uname, logs: `Kubernetes v1.18.5\n${line}` }).findings.find((x) => x.id === KP);
    expect(f?.verdict).toMatchObject({ status: "affected", certain: false });
    expect(f?.confidence).not.toBe("high");
  });

  it("still judges a finding by any component in range: the version shown may not be the one the bug needs", () => {
    // kube-proxy's bug, judged with the kubelet's version a nodes table shows: the log decides.
    const KP = "kube-proxy-1.18-ipvs-parseip-rhel7-kernel";
    const kp = data.records.find((r) => r.id === KP)?.examples[0];
    const nodes = UNEVEN_FLEET.replaceAll("v1.26.3", "v1.19.0")
      .replaceAll("Ubuntu 22.04.5 LTS", "CentOS Linux 7 (Core)")
      .replace(/5\.15\.0-12[67]-generic/g, "3.10.0-1127.el7.x86_64");
    const f = diagnoseFields(data, { nodes, logs: kp?.log ?? "" }).findings.find((x) => x.id === KP);
    expect(f?.verdict.status).toBe("affected");
  });
});

describe("a kernel on a stable branch no range reaches and no notTaken entry names", () => {
  // A change known only by its stable backports (the seed's shape, with its 5.15.y and 6.11.y ranges kept): the
  // ranges say nothing of 5.4.y, older than both, or 6.8.y, between them.
  const ranges = [
    { introduced: "5.15.168", fixed: "5.15.170", evidence: "verified", source: A },
    { introduced: "6.11.4", fixed: "6.11.6", evidence: "verified", source: A },
  ];

  it("is not affected only unless the branch took an unrecorded backport: unknown beside the bug's symptom", async () => {
    const kb = await seedWith(ranges);
    for (const uname of ["5.4.280", "6.8.12"]) {
      const d = diagnoseFields(kb, { uname, logs: XOR_MARK_KLOG });
      expect(versionOf(d), uname).toMatchObject({ result: "not-affected", certain: false, unlessBackported: true });
      expect(d.findings[0]?.verdict, uname).toMatchObject({ status: "unknown" });
      expect(d.findings[0]?.verdict.reason, uname).toMatch(/backport is not recorded; the symptom suggests that backport/);
    }
  });

  it("is not affected for certain on a branch newer than every one the record covers: it forked from mainline after them", async () => {
    const kb = await seedWith(ranges.slice(0, 1));
    const d = diagnoseFields(kb, { uname: "6.8.12", logs: XOR_MARK_KLOG });
    expect(d.findings[0]?.verdict).toMatchObject({ status: "not-affected", level: "verified" });
    expect(versionOf(d)?.certain).toBe(true);
  });

  it("judges a series typed alone by the same mainline fix, and a vendor's build on a notTaken branch only unless it backported", () => {
    const seed = data.records.find((r) => r.id === "xt-mark-ipv6-typo-2024");
    const log = seed?.examples[0]?.log ?? "";
    expect(diagnoseFields(data, { uname: "6.13", logs: log }).findings.find((f) => f.id === seed?.id)?.verdict.status).toBe("not-affected");
    // "5.10.201+": a kernel built locally or by a vendor, on a branch its curator found without the change.
    const tun = data.records.find((r) => r.id === "tun-gso-einval-virtio-net-hdr-2024");
    const vendor = diagnoseFields(data, { uname: "5.10.201+", logs: tun?.examples[0]?.log ?? "" }).findings.find((f) => f.id === tun?.id);
    expect(vendor?.verdict.status).toBe("unknown");
  });

  it("never reads a stable-only range's end at the next release as a mainline fix", () => {
    // cgroup-rmdir: 6.19.12 up to 7.0 marks the end of the 6.19 branch; the 7.0 range is the bug's mainline one.
    const cgroup = data.records.find((r) => r.id === "cgroup-rmdir-drain-dying-hang-6.19.11-7.0");
    const verdict = diagnoseFields(data, { uname: "7.1.2", logs: cgroup?.examples[0]?.log ?? "" }).findings.find(
      (f) => f.id === cgroup?.id,
    )?.verdict;
    expect(verdict?.status).not.toBe("affected");
    expect(verdict?.reason).not.toMatch(/fixed in 7\.0, before your 7\.1 branch began/);
  });

  it("is not affected for certain from the mainline release of a fix the record names, on every branch from it on", async () => {
    // The seed's fix 306ed1728e84 is in mainline 6.12 (its commits' versions): 6.13.y and later carry it.
    const kb = await seedWith(ranges);
    const d = diagnoseFields(kb, { uname: "6.13.2", logs: XOR_MARK_KLOG });
    expect(d.findings[0]?.verdict).toMatchObject({ status: "not-affected", level: "verified" });
    expect(d.findings[0]?.verdict.reason).toMatch(/fixed in mainline 6\.12 \(306ed1728e84\), which your 6\.13 branch carries/);
  });
});

describe("a kernel on a stable branch older than every one a backported change is recorded on", () => {
  // Calico's record: the 6.18 change reached 6.1.156 and later branches; its curator found 5.4, 5.10 and 5.15
  // without it (notTaken), and nothing is recorded of 5.13.y, whose end the table of ended branches does not list.
  const CALICO = "calico-ebpf-ctlb-tailcall-einval-cve-2025-40123";
  const uname = "Linux n1 5.13.19 #1 SMP PREEMPT_DYNAMIC Fri Oct 24 10:00:00 UTC 2025 x86_64 GNU/Linux";
  const log = data.records.find((r) => r.id === CALICO)?.examples[0]?.log ?? "";

  it("is not affected on a branch that had ended before the change's first stable backport, whatever the symptom", () => {
    const on419 = uname.replace("5.13.19", "4.19.325");
    const verdict = diagnoseFields(data, { uname: on419, logs: log }).findings.find((f) => f.id === CALICO)?.verdict;
    expect(verdict).toMatchObject({ status: "not-affected", level: "verified" });
    expect(verdict?.reason).toMatch(/the 4\.19 branch had ended \(4\.19\.325, 2024-12-05\) before the change's first stable backport/);
  });

  it("is no certain 'not affected': beside the bug's own line it is unknown, and says which backport would explain it", () => {
    const verdict = diagnoseFields(data, { uname, logs: log }).findings.find((f) => f.id === CALICO)?.verdict;
    expect(verdict?.status).toBe("unknown");
    expect(verdict?.reason).toMatch(
      /no affected range on the 5\.13 branch: .* a 5\.13\.y backport is not recorded; the symptom suggests that backport/,
    );
  });

  it("beside a shared symptom, is unknown without saying the symptom suggests the backport", () => {
    // OpenVPN's tun EPERM (weight 0.6) comes from LXC guests and container configs too; Ubuntu 24.04's runc 1.1.12 build
    // predates runc 1.2.0's removal, and no source says a distribution took that regression (review 59a F1).
    const TUN = "runc-1.2.0-tun-tap-removed-from-default-devices";
    const logs = "2024-12-12 10:02:11 ERROR: Cannot open TUN/TAP dev /dev/net/tun: Operation not permitted (errno=1)";
    const components = " containerd:\n  Version:          1.7.12\n runc:\n  Version:          1.1.12-0ubuntu3\n";
    const paste = `$ docker version\nServer:\n Engine:\n  Version:          24.0.7\n${components}$ docker logs openvpn\n${logs}\n`;
    const f = diagnoseBundle(data, paste).findings.find((x) => x.id === TUN);
    expect(f?.verdict.status).toBe("unknown");
    expect(f?.verdict.reason).not.toMatch(/suggests that backport/);
    expect(f?.verdict.reason).toMatch(/a symptom other causes share too, which does not say whether it did/);
  });

  it("in a fleet, is unknown when one node is ruled out only so, whatever its peers' kernels say", () => {
    // node-a's 6.2.16 is past the 6.x ranges; node-b's 6.0.19 may have taken the change unrecorded.
    const row = (name: string, kernel: string) =>
      `${name}   Ready    <none>   10d   v1.30.4   10.0.0.1      <none>        Debian GNU/Linux 12 (bookworm)   ${kernel}   containerd://1.7.20`;
    const nodes = [
      "NAME     STATUS   ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION   CONTAINER-RUNTIME",
      row("node-a", "6.2.16"),
      row("node-b", "6.0.19"),
    ].join("\n");
    const verdict = diagnoseFields(data, { nodes, logs: log }).findings.find((f) => f.id === CALICO)?.verdict;
    expect(verdict?.status).toBe("unknown");
    // Both Debian builds are ruled out only so (6.2's branch ended before the backport, unless Debian took it itself).
    expect(verdict?.reason).toMatch(/^node node-[ab] .*the symptom suggests that backport/);
  });

  it("is not affected on a branch its curator found without the change, whatever the symptom", () => {
    const on515 = uname.replace("5.13.19", "5.15.195");
    const verdict = diagnoseFields(data, { uname: on515, logs: log }).findings.find((f) => f.id === CALICO)?.verdict;
    expect(verdict).toMatchObject({ status: "not-affected", level: "verified" });
    expect(verdict?.reason).toMatch(/no release of the 5\.15 branch had the bug/);
  });
});

describe("a node that is not Ready: its row's versions are what its kubelet last reported", () => {
  // A kubelet upgraded to 1.26 that cannot start never updates its Node: the row still says v1.25.5. The row is the
  // example's own host (its journal names pikubemas001), a one-row table's node.
  const CRI = "kubelet-1.26-cri-v1-required";
  const log = data.records.find((r) => r.id === CRI)?.examples[0]?.log ?? "";
  const table = (status: string) =>
    `NAME     STATUS   ROLES           AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION      CONTAINER-RUNTIME
pikubemas001   ${status.padEnd(8)} control-plane   90d   v1.25.5   10.0.0.11     <none>        Ubuntu 22.04.5 LTS   5.15.0-126-generic   containerd://1.7.2`;
  const verdictOf = (status: string) =>
    diagnoseFields(data, { nodes: table(status), logs: log }).findings.find((f) => f.id === CRI)?.verdict;

  it("never rules a bug out on a NotReady row's version while the log shows the bug", () => {
    expect(log).toContain("CRI v1 runtime API is not implemented");
    const stale = verdictOf("NotReady");
    expect(stale?.status).toBe("unknown");
    expect(stale?.reason).toMatch(/what the NotReady node last reported, perhaps before an upgrade/);
  });

  it("reads a Ready row's versions as current: only the cause no range covers leaves the bug open", () => {
    const ready = verdictOf("Ready");
    expect(ready?.status).toBe("unknown");
    expect(ready?.reason).not.toMatch(/NotReady/);
    expect(ready?.reason).toMatch(/leaves the CRI plugin off.* too whatever the versions, though /);
  });

  it("answers affected where the input shows the cause no range covers: containerd.io's config with the CRI plugin off", () => {
    // /etc/containerd/config.toml as Docker's containerd.io package ships it (docker/containerd-packaging).
    const config = '$ grep -v "^#" /etc/containerd/config.toml\ndisabled_plugins = ["cri"]';
    const shown = diagnoseFields(data, { nodes: table("Ready"), logs: `${config}\n${log}` }).findings.find((f) => f.id === CRI)?.verdict;
    expect(shown).toMatchObject({ status: "affected", level: "reported" });
    expect(shown?.reason).toContain('("disabled_plugins = ["cri"]")');
    // As grep -n prints it, and in TOML's other quotes.
    for (const line of ['/etc/containerd/config.toml:15:disabled_plugins = ["cri"]', "disabled_plugins = ['cri']"]) {
      const v = diagnoseFields(data, { nodes: table("Ready"), logs: `${line}\n${log}` }).findings.find((f) => f.id === CRI)?.verdict;
      expect(v?.status, line).toBe("affected");
    }
    // Commented out, another plugin disabled, a sentence or an instruction about the line, or a config regenerated
    // after it (review 27c): no cause shown, the answer stays undecided.
    for (const other of [
      '#disabled_plugins = ["cri"]',
      'disabled_plugins = ["io.containerd.internal.v1.opt"]',
      'disabled_plugins = ["cri"] was in my config, I removed it and restarted containerd; still:',
      '    disabled_plugins = ["cri"]   <- comment this line',
      `${config}\n$ containerd config default | sudo tee /etc/containerd/config.toml\nversion = 2\ndisabled_plugins = []`,
    ]) {
      const v = diagnoseFields(data, { nodes: table("Ready"), logs: `${other}\n${log}` }).findings.find((f) => f.id === CRI)?.verdict;
      expect(v?.status, other).toBe("unknown");
    }
    // Without the symptom the line alone makes no finding and no warning.
    const quiet = diagnoseFields(data, { nodes: table("Ready"), logs: config });
    expect([...quiet.findings, ...quiet.advisories].map((f) => f.id)).not.toContain(CRI);
  });
});

describe("alternative components: a version of one rules the bug out only for that one", () => {
  // Docker 26 or containerd 2 refuses schema 1 images; the kubelet drives containerd on a host with any Docker.
  const SCHEMA1 = "schema1-image-pull-disabled-docker-26-containerd-2";
  const log = data.records.find((r) => r.id === SCHEMA1)?.examples.find((e) => e.log.includes("containerd v2.0"))?.log ?? "";
  // `docker version`'s server part: the daemon's own version (the CLI's alone is hedged).
  const docker = (v: string) =>
    `$ docker version\nServer: Docker Engine - Community\n Engine:\n  Version:          ${v}\n  API version:      1.44 (minimum version 1.24)`;
  const containerd = (v: string) => `$ containerd --version\ncontainerd containerd.io ${v} 2806fc1057397dbaeefbea0e4e17bddfbd388f38`;
  const verdictOf = (logs: string) => diagnoseFields(data, { logs }).findings.find((f) => f.id === SCHEMA1)?.verdict;

  it("hedges Docker 25's not-affected while containerd's version is not given, and says which is missing", () => {
    // Asked about the one record with no log: the version read rules it out for Docker only.
    const asked = diagnoseBundle(data, docker("25.0.3"), 10, SCHEMA1).focus?.verdict;
    expect(asked).toMatchObject({ status: "not-affected", certain: false });
    expect(asked?.reason).toMatch(/the bug also lies in containerd, whose version was not given/);
  });

  it("keeps that hedged answer beside the read component's own message, and is unknown beside another's", () => {
    // dockerd's own AppArmor refusal on Docker 24.0.7 (its vendored containerd code, not the host's containerd daemon).
    const APPARMOR = "docker-23.0-containerd-1.6-apparmor-parser-missing";
    const refusal =
      'docker: Error response from daemon: AppArmor enabled on system but the docker-default profile could not be loaded: running `apparmor_parser apparmor_parser --version` failed with output: error: exec: "apparmor_parser": executable file not found in $PATH.';
    const own = diagnoseFields(data, { logs: `${docker("24.0.7")}\n${refusal}` }).findings.find((f) => f.id === APPARMOR)?.verdict;
    expect(own).toMatchObject({ status: "not-affected", certain: false });
    // The record's own examples print apparmor_parser's error on the line after "… failed with output:": dockerd's too.
    for (const example of data.records.find((r) => r.id === APPARMOR)?.examples.slice(0, 2) ?? []) {
      expect(example.log).toMatch(/failed with output: *\n/);
      const verdict = diagnoseFields(data, { logs: `${docker("24.0.7")}\n${example.log}` }).findings.find(
        (f) => f.id === APPARMOR,
      )?.verdict;
      expect(verdict, example.title).toMatchObject({ status: "not-affected", certain: false });
    }
    // However often dockerd repeats it (the answer shows five lines per signature), a line of none still counts.
    const generic = 'Error: exec: "apparmor_parser": executable file not found in $PATH';
    const repeated = `${docker("24.0.7")}\n${Array(7).fill(refusal).join("\n")}\n${generic}`;
    expect(diagnoseFields(data, { logs: repeated }).findings.find((f) => f.id === APPARMOR)?.verdict?.status).toBe("unknown");
    expect(renderTextReport(diagnoseFields(data, { logs: `${docker("24.0.7")}\n${refusal}` }))).toMatch(
      /not affected \(range (verified|corroborated|reported once); the version read may not be the failing one\)/,
    );
    // "… since containerd v2.0" is containerd's own refusal: Docker 25's version says nothing of it.
    expect(log).toContain("containerd v2.0");
    const verdict = verdictOf(`${docker("25.0.3")}\n${log}`);
    expect(verdict?.status).toBe("unknown");
    expect(verdict?.reason).toMatch(/the bug also lies in containerd, whose version would decide it, though /);
    // runc's own refusal of a cgroup v2 host beside a Docker past its fix: runc's version decides.
    const CGROUPV2 = "runtime-pre-cgroupv2-on-unified-host";
    const runc = "docker: Error response from daemon: OCI runtime create failed: this version of runc doesn't work on cgroups v2: unknown.";
    const old = diagnoseFields(data, { logs: `${docker("20.10.12")}\n${runc}` }).findings.find((f) => f.id === CGROUPV2)?.verdict;
    expect(old?.status).toBe("unknown");
    expect(old?.reason).toMatch(/the bug also lies in runc, whose version would decide it, though /);
    // … and with runc's own version in `docker version`, runc alone is judged: its fix rests on one report, so the
    // symptom makes it affected, whatever Docker's version says.
    const withRunc = `${docker("20.10.12")}\n runc:\n  Version:          1.0.0-rc92\n  GitCommit:        v1.0.0-rc92-0-gff819c7e\n${runc}`;
    const rc92 = diagnoseFields(data, { logs: withRunc }).findings.find((f) => f.id === CGROUPV2)?.verdict;
    expect(rc92).toMatchObject({ status: "affected", level: "reported" });
    expect(rc92?.reason).toMatch(/^your runc: /);
    // A line of none of them beside dockerd's own message still leaves runc and containerd deciding.
    const daemon = "failed to start daemon: Devices cgroup isn't mounted";
    const both = `${docker("20.10.12")}\ndocker: Error response from daemon: cgroups: cgroup mountpoint does not exist: unknown.\n${daemon}`;
    expect(diagnoseFields(data, { logs: both }).findings.find((f) => f.id === CGROUPV2)?.verdict?.status).toBe("unknown");
    expect(
      diagnoseFields(data, { logs: `${docker("20.10.12")}\n${daemon}` }).findings.find((f) => f.id === CGROUPV2)?.verdict,
    ).toMatchObject({
      status: "not-affected",
      certain: false,
    });
    // dockerd's own line with Docker's version past its fix: a runc beside it, undecided (its fix rests on one report),
    // says nothing of a line runc did not print, and is no longer called unread.
    const undecidedRunc = `$ runc --version\nrunc version 1.0.0-rc93\ncommit: 12644e614e25b05da6fd08a38ffa0cfe1903fdec\nspec: 1.0.2-dev\n`;
    const docker20 = diagnoseFields(data, { logs: `${docker("20.10.12")}\n${undecidedRunc}${daemon}` }).findings.find(
      (f) => f.id === CGROUPV2,
    )?.verdict;
    expect(docker20).toMatchObject({ status: "not-affected", certain: false });
    expect(docker20?.reason).toMatch(/the bug also lies in containerd, whose version was not given$/);
    // Another alternative's version in range still counts beside that line: the host runs a component in range.
    const oldRunc = `$ runc --version\nrunc version 1.0.0-rc10\ncommit: dc9208a3303feef5b3839f4323d9beb36df0a9dd\nspec: 1.0.1-dev\n`;
    expect(
      diagnoseFields(data, { logs: `${docker("20.10.24")}\n${oldRunc}${daemon}` }).findings.find((f) => f.id === CGROUPV2)?.verdict,
    ).toMatchObject({ status: "affected" });
    // dockerd's line with no Docker version given: runc's version, whatever its fix rests on, confirms nothing of it.
    const runcOnly = `$ runc --version\nrunc version 1.1.12\ncommit: v1.1.12-0-g51d5e94\nspec: 1.0.2-dev\n${daemon}`;
    expect(diagnoseFields(data, { logs: runcOnly }).findings.find((f) => f.id === CGROUPV2)?.verdict?.status).toBe("unknown");
    // An AppArmor denial names the engine whose profile refused the signal.
    const AA4 = "apparmor4-runc-profile-container-stop-signal-denied";
    const denial = (profile: string) =>
      `kernel: audit: type=1400 audit(1722681443.231:255): apparmor="DENIED" operation="signal" class="signal" profile="${profile}" pid=6528 comm="runc" requested_mask="receive" denied_mask="receive" signal=kill peer="runc"`;
    const aa4 = (profile: string) =>
      diagnoseFields(data, { logs: `${docker("26.1.3")}\n${denial(profile)}` }).findings.find((f) => f.id === AA4)?.verdict;
    expect(aa4("docker-default")).toMatchObject({ status: "not-affected", certain: false });
    expect(aa4("cri-containerd.apparmor.d")?.reason).toMatch(/the bug also lies in containerd, whose version would decide it, though /);
  });

  it("rules nothing out beside a symptom a cause no range covers gives too (a containerd config with the CRI plugin off)", () => {
    const CRI = "kubelet-1.26-cri-v1-required";
    const refused =
      '\t[ERROR CRI]: container runtime is not running: output: time="2024-03-01T10:00:00Z" level=fatal msg="validate service connection: validate CRI v1 runtime API for endpoint \\"unix:///var/run/containerd/containerd.sock\\": rpc error: code = Unimplemented desc = unknown service runtime.v1.RuntimeService"';
    const verdict = (containerd: string) =>
      diagnoseBundle(
        data,
        `$ containerd --version\ncontainerd containerd.io ${containerd} ae07eda36dd25f8a1b98dfbf587313b99c0190bb\n${refused}`,
      ).findings.find((f) => f.id === CRI)?.verdict;
    // containerd 1.6 serves CRI v1: its version rules out the old-runtime cause only.
    expect(verdict("1.6.28")).toMatchObject({ status: "unknown" });
    expect(verdict("1.6.28")?.reason).toMatch(/a containerd config that leaves the CRI plugin off .*whatever the versions, though /);
    expect(verdict("1.5.13")).toMatchObject({ status: "affected" });
  });

  it("leaves alternatives unknown beside a symptom no one of them prints, naming those whose version decides", () => {
    // A 32-bit ARM host: Docker 20.10.12 knows clone3, but the libseccomp runc builds its profile with may not know
    // the time64 calls (Alpine 3.13's notes); coreutils' sleep in the container prints the refusal.
    const NEWLIBC = "new-libc-images-on-old-docker-seccomp";
    const pi = data.records.find((r) => r.id === NEWLIBC)?.examples.find((e) => e.log.includes("realtime clock"))?.log ?? "";
    expect(pi).toContain("cannot read realtime clock");
    const logs = (extra: string) => `${docker("20.10.12")}\n${extra}${pi}`;
    const on = (extra: string) => diagnoseFields(data, { logs: logs(extra) }).findings.find((f) => f.id === NEWLIBC)?.verdict;
    expect(on("")).toMatchObject({ status: "unknown" });
    expect(on("")?.reason).toMatch(/the bug also lies in libseccomp, whose version would decide it, though /);
    expect(renderTextReport(diagnoseFields(data, { logs: logs("") }))).toMatch(
      /verdict: unknown: your docker: the log shows this bug's own symptom, and the bug also lies in libseccomp/,
    );
    expect(on("ii  libseccomp2:armhf  2.3.3-4  armhf  high level interface to Linux seccomp filter\n")).toMatchObject({
      status: "affected",
    });
    // `runc --version` names the libseccomp runc builds filters with: the host's own output decides, both ways.
    const runc = (v: string) => `$ runc --version\nrunc version 1.0.2\ncommit: v1.0.2-0-g52b36a2\nspec: 1.0.2-dev\nlibseccomp: ${v}\n`;
    expect(on(runc("2.3.3"))).toMatchObject({ status: "affected", level: "verified" });
    expect(on(runc("2.3.3"))?.certain).toBeUndefined();
    expect(on(runc("2.5.4"))).toMatchObject({ status: "not-affected", level: "verified" });
  });

  it("is certain once every alternative is read, and affected when any one is in range", () => {
    const both = verdictOf(`${docker("25.0.3")}\n${containerd("1.7.27")}\n${log}`);
    expect(both).toMatchObject({ status: "not-affected" });
    expect(both?.certain).toBeUndefined();
    expect(verdictOf(`${docker("25.0.3")}\n${containerd("2.0.4")}\n${log}`)).toMatchObject({ status: "affected" });
  });

  it("takes the one CRI runtime a node runs as ruling the other out (containerd, not CRI-O)", () => {
    const MEMSW = "cri-memsw-limit-without-swap-accounting";
    const memsw = data.records.find((r) => r.id === MEMSW)?.examples[0]?.log ?? "";
    const nodes = `NAME       STATUS   ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION      CONTAINER-RUNTIME
worker-1   Ready    <none>   10d   v1.25.4   10.0.0.11     <none>        Ubuntu 20.04.5 LTS   5.4.0-135-generic   containerd://1.6.12`;
    const verdict = diagnoseFields(data, { nodes, logs: memsw }).findings.find((f) => f.id === MEMSW)?.verdict;
    expect(verdict).toMatchObject({ status: "not-affected" });
    expect(verdict?.certain).toBeUndefined();
    // A host's `containerd --version` does not say which runtime its kubelet drives: CRI-O stays unread.
    const ctr = "$ containerd --version\ncontainerd github.com/containerd/containerd v1.6.12 a05d175400b1145e5e6a735a6710579d181e7fb0";
    // Beside runc's memsw error, which neither runtime prints itself, CRI-O's version would decide (a cgroupfs path).
    const unscoped = memsw.replace(/cri-containerd-([0-9a-f]+)\.scope/, "$1");
    const host = diagnoseFields(data, { logs: `${ctr}\n${unscoped}` }).findings.find((f) => f.id === MEMSW)?.verdict;
    expect(host).toMatchObject({ status: "unknown" });
    expect(host?.reason).toContain("the bug also lies in cri-o");
    // The container's cgroup scope names the runtime that ran it ("cri-containerd-<id>.scope"): containerd's version decides.
    const scoped = diagnoseFields(data, { logs: `${ctr}\n${memsw}` }).findings.find((f) => f.id === MEMSW)?.verdict;
    expect(scoped).toMatchObject({ status: "not-affected" });
  });

  it("reads another component beside a removal as the setup that trips over it; a version before the removal beside its line decides nothing", () => {
    // Docker 29's API floor; Traefik's range names the old clients that meet it, and no version of Traefik is needed.
    const API = "docker-29-minimum-api-1.44-old-clients";
    expect(data.records.find((r) => r.id === API)?.affected.map((a) => a.ecosystem)).toEqual(["docker", "traefik"]);
    const trips = data.records.find((r) => r.id === API)?.examples[0]?.log ?? "";
    const at = (v: string) => diagnoseFields(data, { logs: `${docker(v)}\n${trips}` }).findings.find((f) => f.id === API)?.verdict;
    // Only a Docker 29 daemon refuses so: a 28.5.2 read beside the refusal is not the daemon that refused (review 41b).
    expect(at("28.5.2")).toMatchObject({ status: "unknown", reason: expect.stringContaining("but the log's line is one only docker") });
    expect(at("29.1.3")).toMatchObject({ status: "affected" });
  });
});
