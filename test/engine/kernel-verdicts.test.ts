import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { compileKnowledgeBase } from "../../src/engine/compile-kb";
import { diagnoseBundle, diagnoseFields } from "../../src/engine/diagnose";
import type { VersionEvidence } from "../../src/engine/diagnosis";
import { extractFacts, factsFromFields, releaseEcosystem } from "../../src/engine/facts";
import { osImageToOs } from "../../src/engine/facts/kube-nodes";
import { diagnoseHosts } from "../../src/engine/hosts";
import { renderTextReport } from "../../src/engine/report-text";
import { parseRecordFile } from "../../src/kb/parse-record";
import { loadDataKb } from "../support/data-kb";
import { UBUNTU_2204_OS_RELEASE, XOR_MARK_JOURNALD, XOR_MARK_KLOG } from "../support/seed-logs";

// Verdicts for kernels whose identity the input leaves partly open: Ubuntu cloud/HWE kernels without
// the release, vendor kernels judged on their upstream base, SUSE codestreams, lsb_release output.
const SRC = "https://example.org/fixture";

/** The seed record with synthetic `affected` data, compiled alone: the logic under test, not the data. */
async function kbWith(affected: object[]) {
  const file = "data/bugs/xt-mark-ipv6-typo-2024.yaml";
  const doc = parseDocument(await readFile(file, "utf8"));
  doc.set("affected", affected);
  // Its commits name the seed's releases, which the series rule reads too.
  doc.set("commits", []);
  const parsed = parseRecordFile(file, doc.toString());
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join("; "));
  return compileKnowledgeBase("test", [parsed.record]);
}

const range = (introduced: string, fixed?: string) => ({ introduced, ...(fixed ? { fixed } : {}), evidence: "verified", source: SRC });
const versionOf = (d: ReturnType<typeof diagnoseFields>) => d.findings[0]?.evidence.find((e): e is VersionEvidence => e.kind === "version");

describe("Ubuntu kernels whose release the ABI does not decide", () => {
  // 6.8.0-1021-aws: linux-aws on 24.04 or linux-aws-6.8 on 22.04 (seen in https://github.com/NVIDIA/gpu-operator/pull/1227).
  const UNAME = "6.8.0-1021-aws";

  it("names both candidate packages", () => {
    const k = extractFacts(UNAME).kernel;
    expect(k?.package).toMatchObject({
      ecosystem: "ubuntu:24.04",
      names: ["linux-aws"],
      alternatives: [{ ecosystem: "ubuntu:22.04", names: ["linux-aws-6.8"] }],
    });
    expect(k?.package?.decidedBy).toMatch(/os-release.*uname -v/);
  });

  it("answers when every candidate gives the same verdict, and says the release does not matter", async () => {
    const kb = await kbWith([
      { ecosystem: "ubuntu:24.04", package: "linux-aws", ranges: [range("6.8.0-1010.10")] },
      { ecosystem: "ubuntu:22.04", package: "linux-aws-6.8", ranges: [range("6.8.0-1010.10~22.04.1")] },
    ]);
    const d = diagnoseFields(kb, { uname: UNAME, logs: XOR_MARK_KLOG });
    expect(d.findings[0]?.verdict.status).toBe("affected");
    expect(versionOf(d)?.reason).toMatch(/as ubuntu:22\.04 linux-aws-6\.8 the answer is the same, so the release does not matter/);
  });

  it("says unknown, and which fact would decide, when the candidates disagree or one has no data", async () => {
    const disagree = await kbWith([
      { ecosystem: "ubuntu:24.04", package: "linux-aws", ranges: [range("6.8.0-1010.10")] },
      { ecosystem: "ubuntu:22.04", package: "linux-aws-6.8", ranges: [range("6.8.0-1030.32~22.04.1")] },
    ]);
    const d = diagnoseFields(disagree, { uname: UNAME, logs: XOR_MARK_KLOG });
    expect(d.findings[0]?.verdict.status).toBe("unknown");
    expect(d.findings[0]?.verdict.reason).toMatch(
      /candidates disagree: as ubuntu:24\.04 linux-aws: affected .*as ubuntu:22\.04 linux-aws-6\.8: not-affected/,
    );
    expect(d.findings[0]?.verdict.reason).toMatch(/#NN~22\.04\.1-Ubuntu.*would decide/);

    const oneSided = await kbWith([{ ecosystem: "ubuntu:24.04", package: "linux-aws", ranges: [range("6.8.0-1010.10")] }]);
    const partial = diagnoseFields(oneSided, { uname: UNAME, logs: XOR_MARK_KLOG });
    expect(partial.findings[0]?.verdict.reason).toMatch(/as ubuntu:22\.04 linux-aws-6\.8: no data in this record/);
  });

  it("never says the release does not matter where one candidate's unknown is one the symptom confirms and the other's not (review 50b F7)", async () => {
    // 24.04: past the last affected build, which rests on one report (the symptom makes it affected); 22.04: the ABI of
    // the last affected build, which the upload number decides (the symptom does not).
    const kb = await kbWith([
      {
        ecosystem: "ubuntu:24.04",
        package: "linux-aws",
        ranges: [{ introduced: "6.8.0-1010.10", lastAffected: "6.8.0-1019.20", evidence: "reported", source: SRC }],
      },
      {
        ecosystem: "ubuntu:22.04",
        package: "linux-aws-6.8",
        ranges: [{ ...range("6.8.0-1010.10~22.04.1"), lastAffected: "6.8.0-1021.22~22.04.1", fixedEvidence: "verified" }],
      },
    ]);
    const d = diagnoseFields(kb, { uname: UNAME, logs: XOR_MARK_KLOG });
    expect(d.findings[0]?.verdict.reason).not.toMatch(/does not matter/);
    expect(d.findings[0]?.verdict).toMatchObject({ status: "unknown", reason: expect.stringContaining("candidates disagree") });
  });

  it("needs no candidates once os-release or uname -v names the release", async () => {
    const kb = await kbWith([{ ecosystem: "ubuntu:24.04", package: "linux-aws", ranges: [range("6.8.0-1010.10")] }]);
    const osRelease = 'NAME="Ubuntu"\nVERSION_ID="24.04"\nID=ubuntu';
    expect(diagnoseFields(kb, { uname: UNAME, osRelease, logs: XOR_MARK_KLOG }).findings[0]?.verdict.status).toBe("affected");
    expect(extractFacts(`${osRelease}\n${UNAME}`).kernel?.package?.alternatives).toBeUndefined();
  });
});

describe("vendor kernels are judged on their upstream version, hedged", () => {
  it("gives an Android -perf kernel a verdict from the upstream ranges, not certain", async () => {
    const kb = await kbWith([{ ecosystem: "linux", package: "linux", ranges: [range("3.10.80", "3.10.90")] }]);
    // https://github.com/termux/termux-packages/issues/378
    const uname = "Linux localhost 3.10.84-perf-gfc8e9bb #1 SMP PREEMPT Thu May 5 20:48:38 2016 aarch64 Android";
    const d = diagnoseFields(kb, { uname, logs: XOR_MARK_KLOG });
    expect(d.findings[0]?.verdict.status).toBe("affected");
    expect(versionOf(d)).toMatchObject({ certain: false, value: "3.10.84" });
    expect(versionOf(d)?.reason).toMatch(/judged on the upstream version, and android may carry its own patches/);
  });

  it("rules out past the fix on a vendor kernel, not certain, in every door and for a fleet that has one", async () => {
    const kb = await kbWith([{ ecosystem: "linux", package: "linux", ranges: [range("3.10.80", "3.10.90")] }]);
    // The Android kernel of termux-packages#378 with a later sublevel, beside an upstream kernel of the same release.
    const vendor = "Linux localhost 3.10.95-perf-gfc8e9bb #1 SMP PREEMPT Thu May 5 20:48:38 2016 aarch64 Android";
    const upstream = "Linux node 3.10.95 #1 SMP Thu May 5 20:48:38 2016 x86_64 GNU/Linux";
    const single = diagnoseFields(kb, { uname: vendor, logs: XOR_MARK_KLOG });
    expect(single.findings[0]?.verdict).toMatchObject({ status: "not-affected", certain: false });
    expect(renderTextReport(single)).toMatch(/verdict: not affected \(range verified; the version read may not be the failing one\)/);
    expect(diagnoseFields(kb, { uname: upstream, logs: XOR_MARK_KLOG }).findings[0]?.verdict).not.toHaveProperty("certain");
    // Not affected on every host, and as certain as the least certain host, whichever host's answer leads.
    for (const [a, b] of [
      ["a-host", "b-host"],
      ["b-host", "a-host"],
    ] as const) {
      const d = diagnoseHosts(kb, [
        { name: a, bundle: `${vendor}\n${XOR_MARK_KLOG}` },
        { name: b, bundle: `${upstream}\n${XOR_MARK_KLOG}` },
      ]);
      expect(d.findings[0]?.verdict).toMatchObject({ status: "not-affected", certain: false });
    }
  });

  it("reads a Raspberry Pi kernel's upstream version from the Debian version in uname -v", async () => {
    const kb = await kbWith([{ ecosystem: "linux", package: "linux", ranges: [range("6.6.30", "6.6.40")] }]);
    // https://github.com/jacobalberty/unifi-docker/issues/756
    const uname = "Linux rpi4 6.6.31+rpt-rpi-v8 #1 SMP PREEMPT Debian 1:6.6.31-1+rpt1 (2024-05-29) aarch64 GNU/Linux";
    const d = diagnoseFields(kb, { uname, logs: XOR_MARK_KLOG });
    expect(d.findings[0]?.verdict.status).toBe("affected");
    expect(versionOf(d)?.reason).toMatch(/raspberrypi may carry its own patches/);
  });

  it("reads no upstream release from an ABI name alone: 6.1.0-rpi4-rpi-v8 is 6.1.54, not 6.1.0 (review 57e F4)", async () => {
    const kb = await kbWith([{ ecosystem: "linux", package: "linux", ranges: [range("6.1.54", "6.1.55")] }]);
    const at = (uname: string) => diagnoseFields(kb, { uname, logs: XOR_MARK_KLOG }).findings[0]?.verdict;
    // Before: "not affected … as upstream 6.1.0: before 6.1.54".
    expect(extractFacts("$ uname -r\n6.1.0-rpi4-rpi-v8").kernel).toMatchObject({ upstream: null, upstreamCertainty: "unknown" });
    expect(at("6.1.0-rpi4-rpi-v8")?.status).toBe("unknown");
    // raspberrypi/linux's own uname strings give the Debian version that decides.
    expect(at("Linux pi 6.1.0-rpi4-rpi-v8 #1 SMP PREEMPT Debian 1:6.1.54-1+rpt2 (2023-10-05) aarch64 GNU/Linux")?.status).toBe("affected");
  });
});

describe("an image OS's kernel where the record ranges that OS's releases apart (review 70a F2)", () => {
  // cilium/cilium#35874: "Talos Linux v1.8.2 (Linux 6.6.58)", its oops line "Tainted: G O 6.6.58-talos #1". Talos v1.8.2
  // patched its 6.6.58 (siderolabs/pkgs#1066), its main branch's builds of 6.6.58 did not.
  const OOPS = "[40145.624361] CPU: 18 PID: 234918 Comm: conn48291 Tainted: G           O       6.6.58-talos #1";
  const TALOS_182 = 'NAME="Talos"\nID=talos\nVERSION_ID=v1.8.2\nPRETTY_NAME="Talos (v1.8.2)"';
  const advisory = (d: ReturnType<typeof diagnoseFields>) => d.advisories?.find((a) => a.id === "xt-mark-ipv6-typo-2024")?.verdict;

  it("takes the upstream range on a -talos kernel as a report only, and the Talos release, when given, decides", async () => {
    const kb = await loadDataKb();
    const kernelOnly = diagnoseFields(kb.compiled, { logs: OOPS });
    // Before: "affected (verified, not certain)" for every 6.6.58-talos, the fixed v1.8.2 included.
    expect(advisory(kernelOnly)).toMatchObject({ status: "affected", level: "reported", certain: false });
    expect(advisory(kernelOnly)?.reason).toMatch(/the record's own talos ranges say its builds of this release differ/);
    // With the host's os-release, Talos v1.8.2 is outside Talos' own range: no advisory.
    expect(advisory(diagnoseFields(kb.compiled, { osRelease: TALOS_182, logs: OOPS }))).toBeUndefined();
    // v1.9.0-alpha.0 shipped 6.6.57 without the fix.
    const alpha = diagnoseFields(kb.compiled, { osRelease: "ID=talos\nVERSION_ID=v1.9.0-alpha.0", uname: "6.6.57-talos" });
    expect(advisory(alpha)).toMatchObject({ status: "affected", level: "verified" });
  });

  it("keeps the upstream range's level on a -talos kernel when the record ranges no Talos release", async () => {
    const kb = await kbWith([{ ecosystem: "linux", package: "linux", ranges: [range("6.6.57", "6.6.59")] }]);
    const d = diagnoseFields(kb, { logs: `${OOPS}\n${XOR_MARK_KLOG}` });
    expect(versionOf(d)).toMatchObject({ result: "affected", level: "verified", certain: false });
  });
});

describe("a distribution's kernel its own range places past a fix on a report (review 70a F3)", () => {
  // awslabs/amazon-eks-ami#1078: an EKS node on Amazon Linux 2's 5.4.217; AWS backported the conntrack clash fixes into
  // AL2's 5.4 builds (#357, the CHANGELOG's v20210501 entry), which upstream's 5.6 fix alone knows nothing of.
  const UNAME =
    "Linux ip-10-0-1-2.ec2.internal 5.4.217-126.408.amzn2.x86_64 #1 SMP Wed Oct 26 20:37:27 UTC 2022 x86_64 x86_64 x86_64 GNU/Linux";

  it("no longer verifies an upstream 'affected' on the number alone", async () => {
    const kb = await kbWith([
      { ecosystem: "linux", package: "linux", ranges: [range("0", "5.6")] },
      {
        ecosystem: "amzn:2",
        package: "kernel",
        ranges: [{ introduced: "5.4", fixed: "5.4.117-58.216.amzn2", evidence: "reported", source: SRC }],
      },
    ]);
    const d = diagnoseFields(kb, { uname: UNAME, logs: XOR_MARK_KLOG });
    expect(versionOf(d)).toMatchObject({ result: "affected", level: "reported", certain: false });
    expect(versionOf(d)?.reason).toMatch(/the record's amzn:2 kernel ranges do not decide/);
    // A build its own range still places in the bug keeps upstream's level.
    const old = diagnoseFields(kb, { uname: UNAME.replace("5.4.217-126.408", "5.4.91-41.139"), logs: XOR_MARK_KLOG });
    expect(versionOf(old)).toMatchObject({ result: "affected", level: "verified" });
  });

  it("answers the DNS race record so on the reviewer's AL2 node", async () => {
    const kb = await loadDataKb();
    // The DNS words of the report show the record's context (lookups through NAT).
    const logs = "network issues like failed liveness probes, DNS resolution problems, etc";
    const d = diagnoseFields(kb.compiled, { uname: UNAME, logs });
    // Before: "affected (verified, not certain)" from upstream's 5.6 fix.
    expect(d.advisories?.find((a) => a.id === "conntrack-udp-dns-race-5s")?.verdict).toMatchObject({
      status: "affected",
      level: "reported",
    });
  });
});

describe("a stable branch the record's curator found without the change", () => {
  // A mainline change backported to 5.15.y and 6.6.y only (the TUN GSO record's shape): 5.10.y is older than both.
  const ranges = [range("6.11-rc1", "6.11-rc2"), range("6.6.44", "6.6.46"), range("5.15.165", "5.15.167")];
  const on = async (uname: string, notTaken: object[] = []) =>
    diagnoseFields(await kbWith([{ ecosystem: "linux", package: "linux", ranges, notTaken }]), { uname, logs: XOR_MARK_KLOG }).findings[0]
      ?.verdict;

  it("is not affected, for certain and at the level of what shows it, even beside the bug's symptom", async () => {
    const taken = [{ branch: "5.10", evidence: "verified", source: SRC }];
    expect(await on("5.10.200", taken)).toMatchObject({ status: "not-affected", level: "verified" });
    expect((await on("5.10.200", taken))?.certain).toBeUndefined();
    expect((await on("5.10.200", taken))?.reason).toMatch(/no release of the 5\.10 branch had the bug/);
    // One read through a release (a changelog up to 5.10.250) covers no later one.
    const through = [{ branch: "5.10", through: "5.10.250", evidence: "verified", source: SRC }];
    expect(await on("5.10.200", through)).toMatchObject({ status: "not-affected", level: "verified" });
    expect(await on("5.10.260", through)).toMatchObject({ status: "unknown" });
    // One resting on a single reading (one batch's release read, not the later ones) only informs.
    expect(await on("5.10.200", [{ branch: "5.10", evidence: "reported", source: SRC }])).toMatchObject({ status: "unknown" });
    // Unchecked, the branch is open: not affected only unless it took an unrecorded backport, and the symptom says it may have.
    expect(await on("5.10.200")).toMatchObject({ status: "unknown" });
    // Another branch the list does not name stays as the ranges say.
    expect(await on("5.4.280", taken)).toMatchObject({ status: "unknown" });
    expect(await on("5.15.166", taken)).toMatchObject({ status: "affected" });
  });

  it("holds for a distribution's or vendor's kernel on that branch only unless it backported the change itself", async () => {
    const taken = [{ branch: "5.10", evidence: "verified", source: SRC }];
    const kb = await kbWith([{ ecosystem: "linux", package: "linux", ranges, notTaken: taken }]);
    // Amazon Linux 2's 5.10, Android's, a series typed alone: any of them may carry the change as its own CVE fix.
    for (const uname of ["5.10.223-212.873.amzn2.x86_64", "5.10.224-android12-9-g0123456789ab", "5.10"]) {
      const d = diagnoseFields(kb, { uname, logs: XOR_MARK_KLOG });
      expect(d.findings[0]?.verdict, uname).toMatchObject({ status: "unknown" });
      expect(d.findings[0]?.verdict.reason, uname).toMatch(/the symptom suggests that backport/);
      expect(versionOf(d), uname).toMatchObject({ result: "not-affected", certain: false, unlessBackported: true });
    }
    // kernel.org's own 5.10.y is the branch the curator checked: certain.
    expect(versionOf(diagnoseFields(kb, { uname: "5.10.223", logs: XOR_MARK_KLOG }))).toMatchObject({ certain: true });
  });
});

describe("a stable branch that had ended before the change's first stable backport", () => {
  // A change first backported to 6.6.64 (9 Dec 2024) and to 6.12.5: the eBPF verifier record's shape.
  const ranges = [range("6.6.64", "6.6.70"), range("6.12.5", "6.12.8")];
  const firstBackport = (date: string, evidence = "verified") => ({ release: "6.6.64", date, evidence, source: SRC });
  const diagnose = async (uname: string, first = firstBackport("2024-12-09")) =>
    diagnoseFields(await kbWith([{ ecosystem: "linux", package: "linux", ranges, firstBackport: first }]), { uname, logs: XOR_MARK_KLOG });
  const check = async (uname: string, first?: ReturnType<typeof firstBackport>) => versionOf(await diagnose(uname, first));
  const verdict = async (uname: string, first?: ReturnType<typeof firstBackport>) => (await diagnose(uname, first)).findings[0]?.verdict;

  it("is not affected, for certain, on kernel.org's branches that ended before that day, even beside the bug's symptom", async () => {
    // 6.4.16 (13 Sep 2023) and 6.9.12 (27 Jul 2024) were the last of their branches; both forked before 6.12 took it by backport.
    for (const [uname, last] of [
      ["6.4.16", "6.4.16, 2023-09-13"],
      ["6.9.3", "6.9.12, 2024-07-27"],
    ]) {
      expect(await check(uname as string), uname).toMatchObject({ result: "not-affected", certain: true, level: "verified", source: SRC });
      expect((await check(uname as string))?.reason, uname).toContain(
        `had ended (${last}) before the change's first stable backport (6.6.64, 2024-12-09)`,
      );
    }
  });

  it("decides on a branch older than every one a backport reached, beside a mainline range, as on one between them", async () => {
    // The TUN GSO record's shape: a mainline change (6.11-rc1) backported to 6.6.y and 6.10.y.
    const withMainline = [range("6.11-rc1", "6.11-rc2"), range("6.6.44", "6.6.46"), range("6.10.3", "6.10.5")];
    const kb = await kbWith([
      {
        ecosystem: "linux",
        package: "linux",
        ranges: withMainline,
        firstBackport: { release: "6.6.44", date: "2024-08-03", evidence: "verified", source: SRC },
      },
    ]);
    const on = (uname: string) => versionOf(diagnoseFields(kb, { uname, logs: XOR_MARK_KLOG }));
    // 5.14 ended in 2021 and forked before 6.6: older than every branch the change reached, as 6.9 is between them.
    for (const uname of ["5.14.21", "6.9.3"]) expect(on(uname), uname).toMatchObject({ result: "not-affected", certain: true });
    expect(on("5.14.21")?.reason).toContain("the 5.14 branch had ended (5.14.21, 2021-11-21)");
    // A release past the branch's last (an extended build someone kept going) may have taken the change as a CVE fix.
    expect(on("5.14.30")).toMatchObject({ result: "not-affected", unlessBackported: true });
  });

  it("decides nothing when the branch ended after that day, the date rests on one report, or the branch's end is not known", async () => {
    // Open branches, older than the ranges: not affected only unless they took an unrecorded backport, which the symptom suggests.
    expect(await verdict("6.4.16", firstBackport("2023-06-01"))).toMatchObject({ status: "unknown" });
    expect(await verdict("6.4.16", firstBackport("2024-12-09", "reported"))).toMatchObject({ status: "unknown" });
    // A branch the table of ended branches does not list (none of its end's mails was read) stays open.
    expect(await verdict("5.13.9")).toMatchObject({ status: "unknown" });
    expect(await check("5.13.9")).toMatchObject({ result: "not-affected", unlessBackported: true });
    // One whose end only a later mail states ("6.10.y is long end-of-life", 18 Oct 2024) had ended by that mail's day.
    expect(await check("6.10.9")).toMatchObject({ result: "not-affected", certain: true });
    expect((await check("6.10.9"))?.reason).toContain("the 6.10 branch had ended (by 2024-10-18)");
    expect(await verdict("6.4.16")).toMatchObject({ status: "not-affected" });
  });

  it("takes an LTS branch's end as any other: 5.4 and 6.11 ended before the cgroup rmdir change reached 6.19.12", async () => {
    // The cgroup rmdir record's change came first to 6.19.12 (11 Apr 2026); 5.4.302 (3 Dec 2025) was 5.4's last,
    // 6.11.11 (5 Dec 2024) 6.11's.
    const data = (await loadDataKb()).compiled;
    const ID = "cgroup-rmdir-drain-dying-hang-6.19.11-7.0";
    const log = data.records.find((r) => r.id === ID)?.examples[0]?.log ?? "";
    for (const [uname, last] of [
      ["5.4.302", "the 5.4 branch had ended (5.4.302, 2025-12-03)"],
      ["6.11.10", "the 6.11 branch had ended (6.11.11, 2024-12-05)"],
    ] as const) {
      const finding = diagnoseFields(data, { uname, logs: log }).findings.find((f) => f.id === ID);
      expect(finding?.verdict, uname).toMatchObject({ status: "not-affected", level: "verified" });
      expect(finding?.verdict.reason, uname).toContain(`${last} before the change's first stable backport`);
    }
  });

  it("holds for a distribution's kernel on such a branch only unless it backported the change itself", async () => {
    // Arch's build of 6.4.4 may carry patches of its own.
    const c = await check("6.4.4-arch1-1");
    expect(c).toMatchObject({ result: "not-affected", certain: false, unlessBackported: true });
    expect(await verdict("6.4.4-arch1-1")).toMatchObject({ status: "unknown" });
    expect(c?.reason).toMatch(/had ended \(6\.4\.16, 2023-09-13\).*arch may carry its own patches, this change among them$/);
  });
});

describe("a distribution's kernel its own ranges leave open, judged by the upstream ranges", () => {
  // Fedora 41's one failing build seen is 6.11.5-300.fc41 (one report); upstream's cause came into 6.11.4 (verified).
  const kb = () =>
    kbWith([
      { ecosystem: "linux", package: "linux", ranges: [range("6.11.4", "6.11.6")] },
      {
        ecosystem: "fedora:41",
        package: "kernel",
        ranges: [{ introduced: "6.11.5-300.fc41", lastAffected: "6.11.5-300.fc41", evidence: "reported", source: SRC }],
      },
    ]);
  const fedora = 'NAME="Fedora Linux"\nID=fedora\nVERSION_ID=41';
  const verdictOf = async (uname: string, logs = XOR_MARK_KLOG) => diagnoseFields(await kb(), { uname, osRelease: fedora, logs });

  it("never lets the symptom make a build before upstream's verified start 'affected' on the one report (review 32a)", async () => {
    const before = await verdictOf("6.11.3-300.fc41.x86_64");
    expect(before.findings[0]?.verdict.status).toBe("unknown");
    expect(before.findings[0]?.verdict.reason).toMatch(
      /before 6\.11\.4, the first affected version.*fedora:41 kernel ranges do not decide/,
    );
  });

  it("answers in and past upstream's range, hedged, where the one report decides nothing", async () => {
    const inRange = (await verdictOf("6.11.4-301.fc41.x86_64")).findings[0]?.verdict;
    expect(inRange).toMatchObject({ status: "affected", level: "verified", certain: false });
    const past = (await verdictOf("6.11.7-300.fc41.x86_64")).findings[0]?.verdict;
    expect(past).toMatchObject({ status: "not-affected", level: "verified", certain: false });
    // Its own range still decides where it does: the build the report saw failing.
    const seen = (await verdictOf("6.11.5-300.fc41.x86_64")).findings[0]?.verdict;
    expect(seen?.status).toBe("affected");
    expect(seen?.reason).toMatch(/fedora:41/);
  });

  it("takes the verified upstream level where both its own range and upstream's say affected (review 64a F1)", async () => {
    // The build the report saw failing was "reported once", weaker than a build outside Fedora's range (6.11.4-301).
    const seen = (await verdictOf("6.11.5-300.fc41.x86_64")).findings[0]?.verdict;
    expect(seen).toMatchObject({ status: "affected", level: "verified" });
    expect(seen?.reason).toMatch(
      /fedora:41.*its upstream release 6\.11\.5 is in the record's upstream range 6\.11\.4 ≤ v < 6\.11\.6 \(verified\)/,
    );
  });
});

describe("a range end resting on one report is no second witness (review 64h F3)", () => {
  it("holds one message at medium beside a build past a reported start that nothing ends", async () => {
    // One report's first failing Fedora build, and no end: every later build reads "affected (reported once)", which is
    // the curator's inference, not a second fact.
    const kb = await kbWith([
      {
        ecosystem: "fedora:41",
        package: "kernel",
        ranges: [{ introduced: "6.11.5-300.fc41", evidence: "reported", source: SRC }],
      },
    ]);
    const fedora = 'NAME="Fedora Linux"\nID=fedora\nVERSION_ID=41';
    const f = diagnoseFields(kb, { uname: "6.13.9-200.fc41.x86_64", osRelease: fedora, logs: XOR_MARK_KLOG }).findings[0];
    expect(f?.verdict).toMatchObject({ status: "affected", level: "reported" });
    expect(f?.confidence).toBe("medium");
    // A verified range is a second witness, as before.
    const verified = await kbWith([{ ecosystem: "fedora:41", package: "kernel", ranges: [range("6.11.5-300.fc41")] }]);
    const g = diagnoseFields(verified, { uname: "6.13.9-200.fc41.x86_64", osRelease: fedora, logs: XOR_MARK_KLOG }).findings[0];
    expect(g?.confidence).toBe("high");
  });
});

describe("a distribution's series begun after the mainline release of the record's fix (review 63a F1)", () => {
  it("is not affected when the ranges end only at stable releases and the fix commit names its mainline release", async () => {
    // nfs-client-softlockup-6.11: ranges 6.11-6.11.11 and 6.12-6.12.2, fix 66f9dac9077c in mainline 6.13.
    const kb = (await loadDataKb()).compiled;
    const lockup = "[ 4021.117622] watchdog: BUG: soft lockup - CPU#1 stuck for 372s! [kworker/1:2:1203905]";
    const verdictOn = (uname: string) =>
      diagnoseFields(kb, { logs: lockup, uname }).findings.find((f) => f.id === "nfs-client-softlockup-6.11")?.verdict;
    const hwe = verdictOn("Linux n1 6.14.0-33-generic #33~24.04.1-Ubuntu SMP PREEMPT_DYNAMIC Fri Sep 19 17:02:30 UTC 2 x86_64 GNU/Linux");
    expect(hwe).toMatchObject({ status: "not-affected", level: "verified" });
    expect(hwe?.reason).toContain("fixed in mainline 6.13 (66f9dac9077c), before the 6.14 series began");
    // A series the ranges reach stays with them: Ubuntu 24.10's 6.11 build is not judged by the 6.13 fix.
    expect(
      verdictOn("Linux n1 6.11.0-9-generic #9-Ubuntu SMP PREEMPT_DYNAMIC Mon Oct 14 13:19:59 UTC 2024 x86_64 GNU/Linux")?.status,
    ).not.toBe("not-affected");
  });
});

describe("a distribution's build of a later line than its ranges speak of (Debian's backports)", () => {
  it("is judged by the upstream range on its own line, never 'fixed' by the earlier line's fix (review 32b)", async () => {
    const kb = await kbWith([
      { ecosystem: "linux", package: "linux", ranges: [range("5.10.103", "5.10.113"), range("5.16.3", "5.16.16")] },
      { ecosystem: "debian:11", package: "linux", ranges: [range("5.10.103-1", "5.10.113-1")] },
    ]);
    const bullseye = 'PRETTY_NAME="Debian GNU/Linux 11 (bullseye)"\nID=debian\nVERSION_ID="11"';
    const at = (uname: string) => diagnoseFields(kb, { uname, osRelease: bullseye, logs: XOR_MARK_KLOG }).findings[0]?.verdict;
    const backport = await at("Linux h 5.16.0-0.bpo.4-amd64 #1 SMP PREEMPT Debian 5.16.12-1~bpo11+1 (2022-03-08) x86_64 GNU/Linux");
    expect(backport).toMatchObject({ status: "affected", level: "verified", certain: false });
    expect(backport?.reason).toMatch(/5\.16\.12 is in 5\.16\.3 ≤ v < 5\.16\.16.*about the 5\.10 line/);
    // The release's own line is still judged by its own ranges, for certain.
    const own = await at("Linux h 5.10.0-14-amd64 #1 SMP Debian 5.10.113-1 (2022-04-29) x86_64 GNU/Linux");
    expect(own).toMatchObject({ status: "not-affected", level: "verified" });
    expect(own?.certain).toBeUndefined();
  });
});

describe("a Debian ABI name whose uploads a range splits", () => {
  it("says unknown, naming the uploads on each side and the output that decides", async () => {
    // ABI 10 of bookworm is 6.1.37-1, 6.1.38-1 and 6.1.38-2 (its changelog); a range starting at 6.1.38-1 splits it.
    const kb = await kbWith([{ ecosystem: "debian:12", package: "linux", ranges: [range("6.1.38-1", "6.1.52-1")] }]);
    const bookworm = 'NAME="Debian GNU/Linux"\nVERSION_ID="12"\nID=debian';
    const at = (uname: string) => diagnoseFields(kb, { uname, osRelease: bookworm, logs: XOR_MARK_KLOG }).findings[0]?.verdict;
    const split = at("6.1.0-10-amd64");
    expect(split?.status).toBe("unknown");
    expect(split?.reason).toMatch(/6\.1\.37-1: not-affected; 6\.1\.38-1: affected; 6\.1\.38-2: affected\): `uname -v`/);
    // The next ABI lies wholly inside, the one before wholly below.
    expect(at("6.1.0-11-amd64")).toMatchObject({ status: "affected", level: "verified" });
    expect(at("6.1.0-9-amd64")).toMatchObject({ status: "not-affected", level: "verified" });
  });
});

describe("a stable range that ends at the next branch's release", () => {
  it("marks its own branch's end: a kernel of that next branch is judged by its own branch's range, never 'fixed'", async () => {
    // Review 31c: 5.12.1 read "fixed in 5.12 on your 5.12 branch" beside 5.12's own range from 5.12.2 on.
    const kb = await kbWith([{ ecosystem: "linux", package: "linux", ranges: [range("5.11.19", "5.12"), range("5.12.2")] }]);
    const at = (release: string) => versionOf(diagnoseFields(kb, { logs: XOR_MARK_KLOG, uname: release }));
    expect(at("5.12.1")).toMatchObject({ result: "not-affected", certain: true });
    expect(at("5.12.1")?.reason).toMatch(/before 5\.12\.2, the first affected version/);
    expect(at("5.12.1")?.reason).not.toMatch(/fixed/);
    expect(at("5.11.19")?.result).toBe("affected");
    expect(at("5.12.3")?.result).toBe("affected");
    // A range of the branch's own release candidates, fixed by its release, is a fix on that branch.
    const rc = await kbWith([{ ecosystem: "linux", package: "linux", ranges: [range("5.12-rc3", "5.12")] }]);
    expect(versionOf(diagnoseFields(rc, { logs: XOR_MARK_KLOG, uname: "5.12.1" }))?.reason).toMatch(/fixed in 5\.12 on your 5\.12 branch/);
  });
});

describe("a mainline release candidate", () => {
  // The bug of a change merged for 6.11-rc1 and fixed in 6.11-rc2 (the TUN GSO record's mainline range).
  const ranges = [range("6.11-rc1", "6.11-rc2"), range("6.10.3", "6.10.5")];
  const verdictOn = async (uname: string) => {
    const d = diagnoseFields(await kbWith([{ ecosystem: "linux", package: "linux", ranges }]), { uname, logs: XOR_MARK_KLOG });
    return { verdict: d.findings[0]?.verdict, check: versionOf(d) };
  };

  it("is judged as the candidate it is, before the release, never as x.y.0", async () => {
    // Hedged even at the tag: few records range a merge window's candidates.
    expect(extractFacts("6.11.0-rc1").kernel).toMatchObject({ upstream: "6.11-rc1", upstreamCertainty: "derived", branch: "6.11" });
    expect((await verdictOn("6.11.0-rc1")).verdict).toMatchObject({ status: "affected" });
    // 6.11.0 itself, and a later candidate, carry the fix.
    expect((await verdictOn("6.11.0")).verdict).toMatchObject({ status: "not-affected" });
    expect((await verdictOn("6.11.0-rc4")).verdict).toMatchObject({ status: "not-affected" });
  });

  it("is read from Fedora's rawhide builds too, and a merge-window snapshot is placed nowhere", async () => {
    expect(extractFacts("6.11.0-0.rc1.17.fc41.x86_64").kernel).toMatchObject({ upstream: "6.11-rc1", distro: "fedora" });
    expect(extractFacts("6.11.0-0.rc0.20240725git1a2b3c4d5e6f.1.fc41.x86_64").kernel).toMatchObject({ upstream: null });
    expect(extractFacts("6.10.3-200.fc40.x86_64").kernel).toMatchObject({ upstream: "6.10.3" });
  });

  it("is hedged when built past the tag, where a commit up to the next candidate may be in it", async () => {
    for (const uname of ["6.11.0-rc1+", "6.11.0-rc1-00123-gabcdef012345"]) {
      expect(extractFacts(uname).kernel, uname).toMatchObject({ upstream: "6.11-rc1", upstreamCertainty: "derived" });
      expect((await verdictOn(uname)).check, uname).toMatchObject({ result: "affected", certain: false });
    }
  });
});

describe("a RHEL-family kernel written without its dist tag", () => {
  const CENTOS7 =
    'NAME="CentOS Linux"\nVERSION="7 (Core)"\nID="centos"\nID_LIKE="rhel fedora"\nVERSION_ID="7"\nPRETTY_NAME="CentOS Linux 7 (Core)"\n';

  it("is not judged on upstream 3.10.0: Red Hat backports fixes, and the full uname -r would decide", async () => {
    const kb = await kbWith([{ ecosystem: "linux", package: "linux", ranges: [range("0", "4.19")] }]);
    const d = diagnoseFields(kb, { uname: "3.10.0-957", osRelease: CENTOS7, logs: XOR_MARK_KLOG });
    expect(d.findings[0]?.verdict.status).toBe("unknown");
    expect(d.findings[0]?.verdict.reason).toMatch(/no data in this record for centos kernels/);
    // Without the os-release nothing says whose 3.10.0 it is: judged on it, hedged, as before.
    expect(versionOf(diagnoseFields(kb, { uname: "3.10.0-957", logs: XOR_MARK_KLOG }))).toMatchObject({
      result: "affected",
      certain: false,
    });
  });

  it("judges a mainline kernel packaged for EL7 on its upstream version, hedged: RHEL 7's kernel is 3.10.0", async () => {
    const kb = await kbWith([{ ecosystem: "linux", package: "linux", ranges: [range("5.4.20", "5.4.30")] }]);
    // https://github.com/KritzelKratzel/rocksclusters-recipes/blob/HEAD/kernel/README.md
    const uname = "Linux host 5.4.28-1.el7.x86_64 #1 SMP Mon Mar 30 21:49:53 CEST 2020 x86_64 x86_64 x86_64 GNU/Linux";
    const d = diagnoseFields(kb, { uname, osRelease: CENTOS7, logs: XOR_MARK_KLOG });
    expect(d.findings[0]?.verdict).toMatchObject({ status: "affected", certain: false });
    expect(versionOf(d)).toMatchObject({ value: "5.4.28", certain: false });
    // The facts line says how it was read, not a package of no distribution.
    expect(renderTextReport(d)).toContain(
      "kernel: 5.4.28-1.el7.x86_64 = a mainline build packaged for a distribution: judged as upstream 5.4.28, hedged",
    );
  });
});

describe("Debian and Ubuntu kernels known only by their series", () => {
  // An Ubuntu 18.04 and a RHEL 8 kernel as `uname -r` prints them: neither names its stable sublevel.
  const UBUNTU = "4.15.0-29-generic";
  const RHEL = "4.18.0-348.el8.x86_64";
  const diagnose = async (release: string, affected: object[]) =>
    diagnoseFields(await kbWith(affected), { uname: release, logs: XOR_MARK_KLOG });
  const judge = async (release: string, ranges: object[]) =>
    versionOf(await diagnose(release, [{ ecosystem: "linux", package: "linux", ranges }]));

  it("rules out a bug that first appeared at a later mainline release, hedged: only a backport could bring it in", async () => {
    const v = await judge(UBUNTU, [range("6.11", "6.11.11"), range("6.12", "6.12.2")]);
    expect(v).toMatchObject({ result: "not-affected", certain: false, level: "verified", value: "4.15", unlessBackported: true });
    expect(v?.reason).toMatch(/6\.11, the first affected version, came after the 4\.15 series.*only if Ubuntu backported the change/);
  });

  it("lets the bug's own symptom in the log make that unknown: it suggests the backport", async () => {
    // XOR_MARK_KLOG is the seed record's own decisive line.
    const d = await diagnose(UBUNTU, [{ ecosystem: "linux", package: "linux", ranges: [range("6.11", "6.11.11")] }]);
    expect(d.findings[0]?.verdict.status).toBe("unknown");
    expect(d.findings[0]?.verdict.reason).toMatch(/the log shows this bug's own symptom, although 6\.11/);
  });

  it("does not rule it out for a distribution that backports features into old series, or a cloud kernel", async () => {
    expect(await judge(RHEL, [range("6.11", "6.11.11")])).toBeUndefined();
    // Ubuntu's linux-azure carries Hyper-V driver backports from newer series.
    expect(await judge("5.15.0-1050-azure", [range("6.3", "6.6.92")])).toBeUndefined();
    expect(await judge("5.15.0-91-lowlatency", [range("6.3", "6.6.92")])).toMatchObject({ result: "not-affected" });
  });

  it("finds a change no range ends in every series from its mainline release on, hedged: the build may have reverted it", async () => {
    // A layout change or a removal in mainline 4.16, never undone: 4.15 predates it, 4.18 and 4.19 start from it.
    const open = [range("4.16")];
    const v = await judge(RHEL, open);
    expect(v).toMatchObject({ result: "affected", certain: false, value: "4.18" });
    expect(v?.reason).toMatch(
      /4\.16, the first affected version, is a mainline release at or before the 4\.18 series, and no recorded range ends it: a kernel built from 4\.18 carries the change unless rhel reverted it/,
    );
    expect(await judge("4.19.0-26-amd64", open)).toMatchObject({ result: "affected", certain: false });
    // Before the change, a series-based distribution's kernel is ruled out only unless backported; RHEL's is not judged.
    expect(await judge(UBUNTU, open)).toMatchObject({ result: "not-affected", unlessBackported: true });
    expect(await judge("4.15.0-1050-azure", open)).toBeUndefined();
    // A range open from a stable release (a backport) says nothing of later series, nor does one open from "0".
    expect(await judge(RHEL, [range("4.14.100")])).toBeUndefined();
  });

  it("does not rule it out when the record ranges over some of the distribution's own builds", async () => {
    // Ubuntu carried the bug in 24.04's kernel: its 22.04 HWE build of the same series may too.
    const d = await diagnose(
      "Linux h 6.8.0-52-generic #53~22.04.1-Ubuntu SMP PREEMPT_DYNAMIC Mon Jan 13 18:47:53 UTC 2025 x86_64 x86_64 x86_64 GNU/Linux",
      [
        { ecosystem: "linux", package: "linux", ranges: [range("6.9", "6.10")] },
        { ecosystem: "ubuntu:24.04", package: "linux", ranges: [range("6.8.0-40.40", "6.8.0-60.63")] },
      ],
    );
    expect(d.facts.kernel?.package).toMatchObject({ ecosystem: "ubuntu:22.04", names: ["linux-hwe-6.8"] });
    expect(d.findings[0]?.evidence.some((e) => e.kind === "version" && e.unlessBackported)).toBe(false);
  });

  it("judges an Ubuntu build on its signature's stable base only hedged: Ubuntu picks later fixes (review 68a F2)", async () => {
    const kb = (await loadDataKb()).compiled;
    // Tailscale's TUN EINVAL (a 5.15.165-5.15.166 stable regression; the record has no Ubuntu data) on 5.15.0-122.132,
    // whose signature names 5.15.165: in range, but not certain; it was "affected (verified)", certain.
    const logs = "wg: Failed to write packets to TUN device: write /dev/net/tun: invalid argument";
    const d = diagnoseBundle(
      kb,
      `Linux w1 5.15.0-122-generic #132-Ubuntu SMP Thu Aug 29 13:45:52 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux\n$ cat /proc/version_signature\nUbuntu 5.15.0-122.132-generic 5.15.165\n${logs}`,
    );
    const tun = d.findings.find((f) => f.id === "tun-gso-einval-virtio-net-hdr-2024");
    expect(tun?.verdict).toMatchObject({ status: "affected", certain: false });
    expect(tun?.verdict.reason).toContain("ubuntu may carry its own patches");
  });

  it("does not rule it out for a series the record's commits name: a fix backported there shows the bug was there", async () => {
    // hv-netvsc: ranges from 6.3, and its fix "Cc: stable # 6.1.x" released in 6.1.140.
    const kb = (await loadDataKb()).compiled;
    const logs = "hv_netvsc 000d3a8b-1234 eth0: nvsp_rndis_pkt_complete error status: 2";
    const finding = (uname: string) =>
      diagnoseFields(kb, { uname, logs }).findings.find((f) => f.id === "hv-netvsc-nvsp-rndis-pkt-complete-error-status-2");
    // Kernels known by their series alone (bullseye's build of 6.1, buster's 4.19: no changelog table names their uploads).
    expect(finding("6.1.0-0.deb11.13-amd64")?.evidence.some((e) => e.kind === "version" && e.unlessBackported)).toBe(false);
    // Buster's 4.19, a branch alive when 5.15.y, 6.1.y and 6.2.y took the message (68a F1, 68h F1): never ruled out.
    expect(finding("4.19.0-26-amd64")?.verdict.status).toBe("unknown");
    // 6.1.y took the message in 6.1.16, the fix in 6.1.140: between them, affected (it was "not affected, verified").
    expect(finding("6.1.120")?.verdict).toMatchObject({ status: "affected", level: "verified" });
    expect(finding("6.1.140")?.verdict.status).toBe("not-affected");
  });

  it("does not rule it out when the bug reached a stable series by a backport, or the series has a range", async () => {
    // A stable backport may reach an older series, or Ubuntu's picks from newer stable series.
    expect(await judge(UBUNTU, [range("5.10.20", "5.10.24"), range("5.12")])).toBeUndefined();
    expect(await judge(UBUNTU, [range("4.15", "4.15.10")])).toBeUndefined();
    expect(await judge(UBUNTU, [range("0", "6.12")])).toBeUndefined();
  });

  it("rules out a bug fixed in mainline before the series began, for any distribution", async () => {
    for (const release of [UBUNTU, RHEL]) {
      const v = await judge(release, [range("4.9", "4.14"), range("4.9", "4.9.80")]);
      expect(v, release).toMatchObject({ result: "not-affected", certain: true, level: "verified" });
      expect(v?.reason).toMatch(/fixed in mainline 4\.14, before the 4\.1[58] series began/);
    }
    // Fixed only in a stable series: whether mainline ever had it, and where the fix went, is not known.
    expect(await judge(UBUNTU, [range("4.14.50", "4.14.60")])).toBeUndefined();
    // A stable range after the mainline fix (a backport brought it back) may have reached later series.
    expect(await judge("6.5.0-45-generic", [range("5.10", "5.16"), range("6.1.54", "6.1.55")])).toBeUndefined();
    // A fix in a release candidate is not before a build of that release's series.
    expect(await judge("6.12.0-1-generic", [range("6.12-rc1", "6.12-rc5")])).toBeUndefined();
    // A stable-only range whose end marks the next release fixed nothing in mainline.
    expect(await judge("6.8.0-45-generic", [range("6.6.57", "6.7")])).toBeUndefined();
  });

  it("never says not affected from a single report, nor lets the symptom make that affected", async () => {
    const reported = { introduced: "6.11", fixed: "6.11.11", evidence: "reported", source: SRC };
    const d = await diagnose(UBUNTU, [{ ecosystem: "linux", package: "linux", ranges: [reported] }]);
    expect(versionOf(d)).toMatchObject({ result: "unknown", hedgedFrom: "not-affected", unlessBackported: true });
    // The same as on a verified start: weaker data may not give a stronger answer.
    expect(d.findings[0]?.verdict.status).toBe("unknown");
  });

  it("judges a nodes table's other nodes beside the uname's host, and no Windows node as a Linux kernel", async () => {
    const kb = (await loadDataKb()).compiled;
    const header =
      "NAME    STATUS   ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION    CONTAINER-RUNTIME";
    const row = (name: string, image: string, kernel: string) =>
      `${name}   Ready    <none>   5d    v1.28.2   10.0.0.1      <none>        ${image.padEnd(32)} ${kernel.padEnd(17)} containerd://1.7.2`;
    // The MARK bug's ip6tables wording (the record's EKS example line): 6.6.58 is in range, 5.15.200 past the fix.
    const logs = "ip6tables-restore v1.8.7 (legacy): MARK target: kernel too old for --or-mark";
    const debian = "Debian GNU/Linux 12 (bookworm)";
    const nodes = [header, row("node1", debian, "5.15.200"), row("node2", debian, "6.6.58")].join("\n");
    const mark = diagnoseFields(kb, { uname: "Linux node1 5.15.200 #1 SMP x86_64 GNU/Linux", nodes, logs }).findings.find(
      (f) => f.id === "xt-mark-ipv6-typo-2024",
    );
    expect(mark?.verdict).toMatchObject({ status: "affected" });
    expect(mark?.verdict.reason).toMatch(/node node2/);
    // A row with the uname's own kernel, or the uname's own host without a kernel (no -o wide), adds no second
    // judgement of that machine; another node without a kernel leaves the bug open.
    const plain = (name: string) => `NAME       STATUS   ROLES    AGE    VERSION\n${name}   Ready    <none>   412d   v1.26.3`;
    const verdictWith = (table: string) =>
      diagnoseFields(kb, { uname: "Linux node1 5.15.200 #1 SMP x86_64 GNU/Linux", nodes: table, logs }).findings.find(
        (f) => f.id === "xt-mark-ipv6-typo-2024",
      )?.verdict;
    for (const table of [plain("node1"), [header, row("node1", debian, "5.15.200")].join("\n")])
      expect(verdictWith(table)?.status).toBe("not-affected");
    expect(verdictWith(plain("worker-1"))).toMatchObject({ status: "unknown", reason: expect.stringMatching(/node worker-1/) });
    // A Windows node's KERNEL-VERSION (10.0.17763.2686) is no Linux 10.0 kernel: overlayfs metacopy (from 4.19) stays ruled out on the 4.14 node.
    const windows = [header, row("lin1", debian, "4.14.300"), row("win1", "Windows Server 2019 Datacenter", "10.0.17763.2686")].join("\n");
    const exdev = "dpkg: error: error creating new backup file '/var/lib/dpkg/status-old': Invalid cross-device link";
    const d = diagnoseFields(kb, { nodes: windows, logs: exdev });
    // Not "affected" as a Linux 10.0 kernel would be; the 4.14 node, before metacopy's 4.19 (a reported start since review
    // 70e F1: moby#38296 is no kernel source), is left open beside the symptom.
    expect(d.findings.find((f) => f.id === "overlayfs-metacopy-exdev-docker-build")?.verdict.status).toBe("unknown");
    // Nor a Semi-Annual Channel image, which names no year.
    const sac = [header, row("lin1", debian, "4.14.300"), row("win2", "Windows Server Datacenter", "10.0.19042.1466")].join("\n");
    expect(
      diagnoseFields(kb, { nodes: sac, logs: exdev }).findings.find((f) => f.id === "overlayfs-metacopy-exdev-docker-build")?.verdict
        .status,
    ).toBe("unknown");
    // Nor a node whose image name is not known, when its kernel is a Windows build number.
    const unknownImage = [header, row("lin1", debian, "4.14.300"), row("win3", "Microsoft Azure Edition", "10.0.20348.2527")].join("\n");
    expect(
      diagnoseFields(kb, { nodes: unknownImage, logs: exdev }).findings.find((f) => f.id === "overlayfs-metacopy-exdev-docker-build")
        ?.verdict.status,
    ).toBe("unknown");
    // Its containerd and kubelet still count; no kernel range does.
    expect(d.nodes.find((n) => n.name === "win1")?.inRange).not.toContain("overlayfs-metacopy-exdev-docker-build");
    expect(d.nodes.find((n) => n.name === "win1")?.inRange).not.toContain("tcp-tw-recycle-removed-4.12");
  });

  /** An Ubuntu 22.04 nodes table (`kubectl get nodes -o wide`) of [name, kernel] rows. */
  const ubuntuNodes = (rows: Array<[string, string]>) =>
    [
      "NAME          STATUS   ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION       CONTAINER-RUNTIME",
      ...rows.map(
        ([name, kernel]) =>
          `${name.padEnd(13)} Ready    <none>   5d    v1.31.2   10.0.0.1      <none>        Ubuntu 22.04.5 LTS   ${kernel}   containerd://1.7.22`,
      ),
    ].join("\n");
  const journal = (host: string) => XOR_MARK_JOURNALD.replaceAll("k8s-192-168-3-26", host);

  it("reads a log line glued after a `uname -a` on one line as a log line, the uname still read (review 65e F1)", async () => {
    const kb = (await loadDataKb()).compiled;
    // A chat client that drops a paste's line breaks: the uname, then kube-proxy's journald line, on one line.
    const line =
      'Linux worker-3 5.15.0-127-generic #137-Ubuntu SMP Fri Nov 8 15:21:01 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux Feb 17 11:12:14 worker-3 kube-proxy[9234]:         exit status 2: ip6tables-restore v1.8.7 (nf_tables): unknown option "--xor-mark"';
    const d = diagnoseBundle(kb, line);
    expect(d.facts.kernel?.release).toBe("5.15.0-127-generic");
    const f = d.findings.find((x) => x.id === "xt-mark-ipv6-typo-2024");
    expect(f?.verdict).toMatchObject({ status: "affected", level: "verified" });
    expect(d.advisories.map((a) => a.id)).not.toContain("xt-mark-ipv6-typo-2024");
  });

  it("reads a loop's separator lines naming each host as that host's part: the quiet host in range is named, not judged (review 65c F1)", async () => {
    const kb = (await loadDataKb()).compiled;
    const uname = (host: string, release: string, build: string) =>
      `Linux ${host} ${release} ${build} SMP Fri Nov 8 15:21:01 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux`;
    const quiet = 'I1113 16:15:07.931317 1 proxier.go:820] "SyncProxyRules complete" elapsed="22.67239ms"';
    const part = (mark: string, host: string, release: string, build: string, log: string) =>
      `${mark.replace("$h", host)}\n${uname(host, release, build)}\n${log}`;
    for (const mark of ["--- $h ---", "=== $h ===", "===== $h ====="]) {
      const paste = [
        `$ for h in worker-1 worker-2; do echo "${mark}"; ssh $h 'uname -a; journalctl -u kube-proxy -o cat -n 4'; done`,
        part(mark, "worker-1", "5.15.0-127-generic", "#137-Ubuntu", quiet),
        part(mark, "worker-2", "5.15.0-130-generic", "#140-Ubuntu", XOR_MARK_KLOG),
      ].join("\n");
      const f = diagnoseBundle(kb, paste).findings.find((x) => x.id === "xt-mark-ipv6-typo-2024");
      // Only worker-2, on the first fixed build, printed it: never "affected" for certain on worker-1's quiet kernel.
      expect(f?.verdict, mark).toMatchObject({ status: "not-affected", level: "verified" });
      expect(f?.verdict.reason, mark).toMatch(
        /the log's lines are node worker-2's, and node worker-1 .* is in range, but no line of the paste shows this bug on it/,
      );
    }
    // journald's own markers ("-- Logs begin at …", "-- Reboot --") and a section's separator name no host: the part stays worker-2's.
    const marked = [
      part("--- $h ---", "worker-1", "5.15.0-127-generic", "#137-Ubuntu", quiet),
      part(
        "--- $h ---",
        "worker-2",
        "5.15.0-130-generic",
        "#140-Ubuntu",
        `-- Logs begin at Mon 2024-11-11 08:00:01 UTC. --\n--- kube-proxy ---\n${XOR_MARK_KLOG}`,
      ),
    ].join("\n");
    expect(diagnoseBundle(kb, marked).findings.find((x) => x.id === "xt-mark-ipv6-typo-2024")?.verdict.reason).toMatch(
      /the log's lines are node worker-2's/,
    );
  });

  it("lists for each node only the bugs the answer raised, never a range's every record (review 65d F1)", async () => {
    const kb = (await loadDataKb()).compiled;
    const nodes = ubuntuNodes([
      ["worker-1", "5.15.0-126-generic"],
      ["worker-2", "5.15.0-127-generic"],
      ["worker-3", "5.15.0-126-generic"],
    ]);
    const d = diagnoseFields(kb, { nodes, logs: journal("worker-2") });
    const raised = new Set([...d.findings, ...d.advisories].map((f) => f.id));
    const worker2 = d.nodes.find((n) => n.name === "worker-2");
    expect(worker2?.inRange).toContain("xt-mark-ipv6-typo-2024");
    expect(worker2?.findings).toEqual(["xt-mark-ipv6-typo-2024"]);
    // Beyond what the answer raised, only a regression that singles the node out from its peers (review 65i F2).
    for (const n of d.nodes) for (const id of n.inRange) expect(raised.has(id) || n.findings.includes(id), `${n.name}: ${id}`).toBe(true);
    // A requirement, a removal and a bug of a setup the paste does not show (AppArmor 4 confining runc is 23.10's and
    // 24.04's) are in these nodes' ranges, and no advisory: not listed.
    const quiet = diagnoseFields(kb, { nodes, logs: "" });
    for (const n of quiet.nodes) {
      expect(n.inRange).not.toContain("apparmor4-runc-profile-container-stop-signal-denied");
      expect(n.inRange).not.toContain("kubelet-fails-with-swap-on");
    }
    // The one node on a build its peers have left behind keeps the regression that tells it apart (review 65i F2): AL2's
    // seccomp leak, fixed in 5.10.178-162.673.amzn2 (the EKS AMI changelog the record cites).
    const al2 = [
      "NAME     STATUS   ROLES    AGE   VERSION               INTERNAL-IP   EXTERNAL-IP   OS-IMAGE         KERNEL-VERSION                  CONTAINER-RUNTIME",
      ...[1, 2, 3, 4].map(
        (i) =>
          `node-${i}   Ready    <none>   9d    v1.25.9-eks-0a21954   10.0.0.${i}      <none>        Amazon Linux 2   ${i === 1 ? "5.10.176-157.645.amzn2.x86_64" : "5.10.178-162.673.amzn2.x86_64"}   containerd://1.6.19`,
      ),
    ].join("\n");
    const outlier = diagnoseFields(kb, { nodes: al2 }).nodes.find((n) => n.name === "node-1");
    expect(outlier?.findings).toContain("al2-5.10-seccomp-errno-524");
    expect(outlier?.inRange).toContain("al2-5.10-seccomp-errno-524");
  });

  it("judges the symptom on the nodes whose journal lines the log shows, naming another node in range (review 32a)", async () => {
    const kb = (await loadDataKb()).compiled;
    const nodes = ubuntuNodes([
      ["worker-1", "5.15.0-126-generic"],
      ["worker-2", "5.15.0-127-generic"],
    ]);
    const mark = (logs: string) => diagnoseFields(kb, { nodes, logs }).findings.find((f) => f.id === "xt-mark-ipv6-typo-2024")?.verdict;
    // worker-1 printed it, on a kernel verified before the bug: not this bug there; worker-2 is named, in range.
    const one = mark(journal("worker-1"));
    expect(one).toMatchObject({ status: "not-affected", level: "verified" });
    expect(one?.reason).toMatch(
      /the log's lines are node worker-1's, and node worker-2 .* is in range, but no line of the paste shows this bug on it/,
    );
    // worker-2 printed it: affected there, hedged as its ABI alone is.
    expect(mark(journal("worker-2"))).toMatchObject({ status: "affected", certain: false });
    // The root cause says whose version it is, the one thing to act on (review 65c F5).
    expect(diagnoseFields(kb, { nodes, logs: journal("worker-2") }).rootCause?.reason).toMatch(
      /the version of worker-2 is in the affected range \(range verified; the version read may not be the failing one\)/,
    );
    // A line with no host leaves the fleet's verdict as it was.
    expect(mark(XOR_MARK_KLOG)?.status).toBe("affected");
    // A journal line of a host the table does not list: no node's kernel is that host's, whichever way the table points
    // (review 33c: the table without the failing node's row gave "not affected" for certain by the others' kernels).
    const laptop = mark(journal("laptop"));
    expect(laptop?.status).toBe("unknown");
    expect(laptop?.reason).toMatch(/laptop's, which the nodes table does not list.*node worker-2 .* is in range/);
    // Some printers listed, some not: the listed ones are judged, the others named (review 33d).
    const mixed = mark(`${journal("worker-2")}\n${journal("laptop")}`);
    expect(mixed?.status).toBe("affected");
    expect(mixed?.reason).toMatch(/laptop printed them too, and the nodes table does not list it/);
    // The paste's own uname is the unlisted printer's: its kernel judges its lines (review 33e).
    const healthyNodes = ubuntuNodes([
      ["worker-1", "5.15.0-126-generic"],
      ["worker-2", "5.15.0-126-generic"],
    ]);
    const laptopUname = "$ uname -a\nLinux laptop 5.15.0-127-generic #137-Ubuntu SMP Fri Nov 8 15:21:01 UTC 2024 x86_64 GNU/Linux";
    const own = diagnoseBundle(
      kb,
      `${laptopUname}\n$ kubectl get nodes -o wide\n${healthyNodes}\n${journal("worker-1")}\n${journal("laptop")}`,
    );
    expect(own.findings.find((f) => f.id === "xt-mark-ipv6-typo-2024")?.verdict.status).toBe("affected");
    const ruledOut = diagnoseFields(kb, {
      nodes: ubuntuNodes([
        ["worker-1", "5.15.0-126-generic"],
        ["worker-3", "5.15.0-126-generic"],
      ]),
      logs: journal("pool-b-9qw1z"),
    });
    expect(ruledOut.findings.find((f) => f.id === "xt-mark-ipv6-typo-2024")?.verdict.status).toBe("unknown");
    // Every line counts, not the few the answer quotes (review 32c: worker-1's retries hid worker-2's one block).
    const retries = [...Array.from({ length: 12 }, () => journal("worker-1")), journal("worker-2")].join("\n");
    expect(mark(retries)).toMatchObject({ status: "affected", certain: false });
    // Another node's own uname in the paste is that node's kernel, not the one whose journal shows the symptom.
    const uname = "$ uname -a\nLinux worker-2 5.15.0-127-generic #137-Ubuntu SMP Fri Nov 8 15:21:01 UTC 2024 x86_64 GNU/Linux";
    const withUname = diagnoseBundle(kb, `${uname}\n$ kubectl get nodes -o wide\n${nodes}\n${journal("worker-1")}`);
    expect(withUname.findings.find((f) => f.id === "xt-mark-ipv6-typo-2024")?.verdict.status).toBe("not-affected");
  });

  it("takes a host several nodes may be for none the table leaves out (review 33d)", async () => {
    const kb = (await loadDataKb()).compiled;
    const nodes = ubuntuNodes([
      ["node1.dc1", "5.15.0-127-generic"],
      ["node1.dc2", "5.15.0-127-generic"],
    ]);
    const mark = diagnoseFields(kb, { nodes, logs: journal("node1") }).findings.find((f) => f.id === "xt-mark-ipv6-typo-2024")?.verdict;
    expect(mark?.status).toBe("affected");
  });

  it("tells nodes named by address or by names sharing a first label apart (review 32c)", async () => {
    const kb = (await loadDataKb()).compiled;
    const nodes = ubuntuNodes([
      ["10.0.1.2", "5.15.0-127-generic"],
      ["10.0.1.3", "5.15.0-126-generic"],
    ]);
    const mark = diagnoseFields(kb, { nodes, logs: journal("10.0.1.2") }).findings.find((f) => f.id === "xt-mark-ipv6-typo-2024")?.verdict;
    expect(mark).toMatchObject({ status: "affected" });
    expect(mark?.reason).toMatch(/node 10\.0\.1\.2/);
  });

  it("leaves a fleet undecided when a node no data judges stands beside the node it rules out", async () => {
    const kb = (await loadDataKb()).compiled;
    const nodes = [
      "NAME    STATUS   ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION       CONTAINER-RUNTIME",
      "node1   Ready    <none>   5d    v1.28.2   10.0.0.1      <none>        Ubuntu 18.04.6 LTS   4.15.0-213-generic   containerd://1.7.2",
      "node2   Ready    <none>   5d    v1.28.2   10.0.0.2      <none>        Ubuntu 24.10         6.11.0-9-generic     containerd://1.7.2",
    ].join("\n");
    // The nfs-client-softlockup-6.11 record's line (weight 0.35: not its symptom on its own).
    const logs = "watchdog: BUG: soft lockup - CPU#3 stuck for 22s! [kworker/u16:2:1234]";
    const finding = diagnoseFields(kb, { nodes, logs }).findings.find((f) => f.id === "nfs-client-softlockup-6.11");
    expect(finding?.verdict.status).toBe("unknown");
    expect(finding?.verdict.reason).toMatch(/node node2: no version data decides it/);
    const one = diagnoseFields(kb, { uname: "4.15.0-213-generic", logs }).findings.find((f) => f.id === "nfs-client-softlockup-6.11");
    expect(one?.verdict.status).toBe("not-affected");
  });
});

describe("a kernel's package version from a listing pasted beside it", () => {
  it("reads the running release's image package from dpkg -l's rows (review 33b)", async () => {
    // hostnamectl names the ABI only; `dpkg -l 'linux-image-*'` lists two images, the running one among them.
    const paste = [
      "  Operating System: Debian GNU/Linux 11 (bullseye)",
      "            Kernel: Linux 5.10.0-13-amd64",
      "$ dpkg -l 'linux-image-*' | grep ^ii",
      "ii  linux-image-5.10.0-12-amd64       5.10.103-1   amd64        Linux 5.10 for 64-bit PCs (signed)",
      "ii  linux-image-5.10.0-13-amd64       5.10.106-1   amd64        Linux 5.10 for 64-bit PCs (signed)",
    ].join("\n");
    expect(extractFacts(paste).kernel?.package).toMatchObject({ ecosystem: "debian:11", version: "5.10.106-1" });
    const ubuntu = extractFacts("5.15.0-127-generic\nii  linux-image-5.15.0-127-generic 5.15.0-127.137 amd64 Signed kernel image generic");
    expect(ubuntu.kernel?.package?.version).toBe("5.15.0-127.137");
    // A removed package's row ("rc") is no running kernel's.
    expect(extractFacts(paste.replace("ii  linux-image-5.10.0-13", "rc  linux-image-5.10.0-13")).kernel?.package?.version).toBeFalsy();
    // Beside the symptom, the record's Debian 11 range decides.
    const kb = (await loadDataKb()).compiled;
    const symptom =
      'Mar 10 14:18:31 srv01 dockerd[1297]: time="2022-03-10T14:18:31.277303894+01:00" level=warning msg="Failed Adding rSA{Dst: 10.55.2.11, Src: 10.55.2.10, Proto: esp, Mode: transport, SPI: 0xd457eb22, ReqID: 0xd0c4e3, ReplayWindow: 0, Mark: <nil>, OutputMark: 0, Ifid: 0, Auth: <nil>, Crypt: <nil>, Aead: {Name: rfc4106(gcm(aes)), Key: , ICV length: 64}, Encap: <nil>, ESN: false}: invalid argument"';
    const f = diagnoseBundle(kb, `${paste}\n${symptom}`).findings.find((x) => x.id === "xfrm-if-id-0-encrypted-overlay-2022");
    expect(f?.verdict.status).toBe("affected");
  });

  it("reads the same package's installed version from apt list, apt-cache policy and dpkg -s (review 56a F1)", () => {
    const head = "  Operating System: Debian GNU/Linux 12 (bookworm)\n            Kernel: Linux 6.1.0-24-amd64";
    const versionOf = (listing: string) => extractFacts(`${head}\n${listing}`).kernel?.package?.version;
    expect(
      versionOf(
        "$ apt list --installed 'linux-image-*'\nlinux-image-6.1.0-24-amd64/stable-security,now 6.1.106-2 amd64 [installed,automatic]",
      ),
    ).toBe("6.1.106-2");
    expect(
      versionOf(
        "$ apt-cache policy linux-image-6.1.0-24-amd64\nlinux-image-6.1.0-24-amd64:\n  Installed: 6.1.106-2\n  Candidate: 6.1.106-2",
      ),
    ).toBe("6.1.106-2");
    const status = (state: string) =>
      `$ dpkg -s linux-image-6.1.0-24-amd64\nPackage: linux-image-6.1.0-24-amd64\nStatus: ${state}\nPriority: optional\nSection: kernel\nArchitecture: amd64\nSource: linux-signed-amd64 (6.1.106+2)\nVersion: 6.1.106-2`;
    expect(versionOf(status("install ok installed"))).toBe("6.1.106-2");
    // What is not installed gives no version: an upgradable row's candidate, a policy's "(none)", a removed package.
    expect(versionOf("linux-image-6.1.0-24-amd64/stable-security 6.1.106-3 amd64 [upgradable from: 6.1.106-2]")).toBeFalsy();
    expect(versionOf("linux-image-6.1.0-24-amd64:\n  Installed: (none)\n  Candidate: 6.1.106-2")).toBeFalsy();
    expect(versionOf(status("deinstall ok config-files"))).toBeFalsy();
  });
});

describe("a listing's row beside the kernel's own output", () => {
  it("judges on the printed release wherever it decides, the row's build only where it does not (review 49a F2)", async () => {
    // Not rebooted since the patch run: dpkg lists 126 (running) and 127 (installed); `uname -r` prints 126, before the
    // MARK regression's first 22.04 build (5.15.0-127.137), whatever its upload.
    const kb = (await loadDataKb()).compiled;
    const paste = `E1204 02:13:07.931291       1 proxier.go:1481] "Failed to execute iptables-restore" err=<
\texit status 2: ip6tables-restore v1.8.7 (nf_tables): unknown option "--xor-mark"
 >
root@k8s-w1:~# dpkg -l | grep linux-image
ii  linux-image-5.15.0-126-generic        5.15.0-126.136        amd64        Signed kernel image generic
ii  linux-image-5.15.0-127-generic        5.15.0-127.137        amd64        Signed kernel image generic
root@k8s-w1:~# uname -r
5.15.0-126-generic
${UBUNTU_2204_OS_RELEASE}`;
    const xt = diagnoseBundle(kb, paste).findings.find((f) => f.id === "xt-mark-ipv6-typo-2024");
    expect(xt?.verdict).toMatchObject({ status: "not-affected", level: "verified" });
    expect(xt?.verdict.certain).not.toBe(false);
    // The row still gives the build (the answer says so), and a sentence's kernel stays a sentence's.
    expect(extractFacts(paste).kernel).toMatchObject({
      package: { version: "5.15.0-126.136" },
      printed: { release: "5.15.0-126-generic" },
    });
    const said = paste.replace("root@k8s-w1:~# uname -r\n5.15.0-126-generic", "we run kernel 5.15.0-126-generic");
    expect(extractFacts(said).kernel?.printed).toBeUndefined();
  });

  it("judges the printed release first as the release the row names, as the kernel line says (review 56a F4)", async () => {
    const kb = (await loadDataKb()).compiled;
    const paste = `ubuntu@node-a:~$ uname -r
6.8.0-57-generic
ubuntu@node-a:~$ dpkg -l | grep linux-image
ii  linux-image-6.8.0-57-generic           6.8.0-57.59~22.04.1                     amd64        Signed kernel image generic
ubuntu@node-a:~$ sudo journalctl -u kube-proxy | tail -1
Feb 17 11:12:14 node-a kube-proxy[9234]:         exit status 2: ip6tables-restore v1.8.7 (nf_tables): unknown option "--xor-mark"`;
    expect(extractFacts(paste).kernel?.package?.ecosystem).toBe("ubuntu:22.04");
    const xt = diagnoseBundle(kb, paste).findings.find((f) => f.id === "xt-mark-ipv6-typo-2024");
    // Before: "as ubuntu:24.04 package linux", under a kernel line naming 22.04's linux-hwe-6.8.
    expect(xt?.verdict.reason).toMatch(/^your kernel \(6\.8\.0-57-generic\) as ubuntu:22\.04 package linux-hwe-6\.8/);
  });
});

describe("a kernel known only by the series a person names", () => {
  const judge = async (input: { uname?: string; logs?: string }, ranges: object[], kind?: string) =>
    versionOf(
      diagnoseFields(await kbWith([{ ecosystem: "linux", package: "linux", ...(kind ? { kind } : {}), ranges }]), {
        ...input,
        logs: `${input.logs ?? ""}\n${XOR_MARK_KLOG}`,
      }),
    );

  it("reads a series typed in the uname field (5.14, 6.1.x, Linux 4.19) and judges it where the series decides", async () => {
    for (const uname of ["6.12", "6.12.x", "Linux 6.12"]) {
      const v = await judge({ uname }, [range("6.9", "6.10")]);
      expect(v, uname).toMatchObject({ result: "not-affected", value: "6.12" });
      expect(v?.reason).toMatch(/fixed in mainline 6\.10, before the 6\.12 series began/);
    }
    // A requirement below the series' start, or past its end, holds for every build of it.
    expect(await judge({ uname: "5.4" }, [range("0", "5.13")], "requirement")).toMatchObject({ result: "affected" });
    expect(await judge({ uname: "5.15" }, [range("0", "5.13")], "requirement")).toMatchObject({ result: "not-affected" });
    // A bound inside the series splits it: 5.14.1 and 5.14.9 differ.
    expect(await judge({ uname: "5.14" }, [range("0", "5.14.3")], "requirement")).toBeUndefined();
  });

  it("keeps the host's kernel beside a workaround that makes a warning go away, and reads a fix's release as another's", () => {
    // Review 27c: "goes away" after the host's claim is a workaround's, and "never goes away with" denies a cure.
    for (const logs of [
      "Our nodes run kernel 6.1.55 and the warning goes away if we drop caches.",
      "I'm on kernel 6.1.55 and the error goes away after restarting kubelet",
    ])
      expect(extractFacts(logs).kernel?.release, logs).toBe("6.1.55");
    expect(extractFacts("It never goes away with kernel 6.1.64.").kernel?.release).toBe("6.1.64");
    expect(extractFacts("We run kernel 6.1.55.\nKernel 6.1.70 contains the fix.").kernel?.release).toBe("6.1.55");
    expect(extractFacts("The problem goes away with kernel 6.1.70.").kernel).toBeNull();
  });

  it("never reads a series from prose that claims no host's kernel: fixes, questions, lists, conditions, a distribution's default", async () => {
    for (const logs of [
      "Reproduced on kernel 6.12, 6.9 and 6.10:",
      "We upgraded kernel 6.12 to 6.9 and now it fails",
      "The 6.12 kernel has the fix",
      "This was fixed with kernel 6.12.",
      "Does this also happen on kernel 6.12?",
      "Ubuntu 24.10 ships kernel 6.12 by default.",
      "Ubuntu 24.10 has kernel 6.12, built without the option.",
      "CentOS 10 default kernel 6.12 is above the minimum.",
      "Since kernel 6.12 the option is gone.",
      "The minimum kernel version is 6.12.",
      "Workaround: upgrade Debian to kernel 6.12.",
      "It works fine on Ubuntu 24.10 with kernel 6.12.",
      "Fedora 41 (kernel 6.12) works, Fedora 40 (kernel 6.9) fails.",
      // Review 34c found a claimed series read from lists ("we run kernel 4.9, 4.14 and 4.19"), questions, conditions ("If
      // the kernel is 5.4 or older"), another host's, and beside a pasted uname: none of these is a claim.
      "I am on Debian trixie (kernel 6.12).",
      "we run kernel 6.12, 6.9 and 6.10",
      "We're on kernel 6.12 / 6.9.",
      "- Kernel: 6.12, 6.9",
      "If the kernel is 6.12 or older, set this flag.",
      "Are we on kernel 6.12?",
      "We run kernel 6.12 on the other cluster.",
      "Kernel: 6.12 (minimum)",
      "Does this affect Ubuntu 24.10 kernel 6.12?",
      // Review 55a: a typed pair or range, a claim whose line moves the failure to another machine or kernel, a claimant
      // who does not see the failure, a quoted reporter's claim.
      "- Kernel: 6.12 (working) / 6.9 (broken)",
      "### Kernel Version\n\n6.12 / 6.9\n",
      "- Kernel: 6.12 - 6.14 (tried several, all the same)",
      "**Kernel version:** 6.12 → 6.9 (upgraded yesterday, still failing)",
      "We're on kernel 6.12 but the CI runners run 6.9, and that's where it breaks:",
      "We run kernel 6.12 on the hosts and the builds run in microVMs (guest kernel 5.10).",
      "We're on kernel 6.12 on our dev laptops.",
      "FWIW we're on kernel 6.12 and can't reproduce this at all.",
      "Our prod servers run kernel 6.12 with no problems; it only fails on the GitHub Actions runners.",
      "> We're on kernel 6.12 and every build dies with this.",
    ])
      expect((await judge({ logs }, [range("6.9", "6.10")]))?.result, logs).toBeUndefined();
    // Nor does one cancel the release a sentence states (a review's case: the fix's series beside the host's release).
    const d = diagnoseFields(await kbWith([{ ecosystem: "linux", package: "linux", ranges: [range("6.9", "6.10")] }]), {
      logs: `Our nodes run kernel 6.9.3.\nDoes this also happen on kernel 6.12?\n${XOR_MARK_KLOG}`,
    });
    expect(d.facts.kernel?.release).toBe("6.9.3");
  });

  it("reads a series a report states as its host's (a claim, a typed answer) where it names no release, judged whole and hedged", async () => {
    // Review 54a F4: "We're on kernel 6.9." beside the 6.9-only bug's log was "no kernel version given".
    const kb = await kbWith([{ ecosystem: "linux", package: "linux", ranges: [range("6.9", "6.10")] }]);
    for (const said of [
      "yarn install fails since this morning's update. We're on kernel 6.9.",
      "Our nodes run kernel 6.9.x and the agent crashes.",
      "- Kernel: 6.9",
      "**Kernel version:** `6.9`",
      "Kernel version is 6.9 something.",
      // An issue form's field, answered with the series alone (cilium's form; review 55a F5).
      "### Kernel Version\n\n6.9\n\n### Relevant log output\n",
    ]) {
      const d = diagnoseFields(kb, { logs: `${said}\n${XOR_MARK_KLOG}` });
      expect(d.facts.kernel, said).toMatchObject({ release: "6.9", named: true });
      expect(d.findings[0]?.verdict, said).toMatchObject({ status: "affected", certain: false });
      expect(d.findings[0]?.verdict.reason, said).toMatch(
        /your kernel \(6\.9\) as any 6\.9\.y kernel: .*every 6\.9\.y release gets this answer/,
      );
    }
    // Beside the bug's symptom, a series a sentence names rules nothing out: the report may name another kernel.
    const other = diagnoseFields(kb, { logs: `We run kernel 6.12 on every node.\n${XOR_MARK_KLOG}` }).findings[0];
    expect(other?.evidence.find((e) => e.kind === "version")).toMatchObject({ result: "not-affected", value: "6.12" });
    expect(other?.verdict.status).toBe("unknown");
    // A series that a range end splits decides nothing: 6.9.1 and 6.9.9 differ.
    const split = await kbWith([{ ecosystem: "linux", package: "linux", ranges: [range("6.9.4", "6.10")] }]);
    expect(versionOf(diagnoseFields(split, { logs: `We're on kernel 6.9.\n${XOR_MARK_KLOG}` }))).toBeUndefined();
    // A series typed under a heading naming another machine is that machine's (review 55a F2).
    expect(extractFacts(`### build-01 (works)\n- Kernel: 6.9\n### build-02 (broken)\n${XOR_MARK_KLOG}`).kernel).toBeNull();
    // The template's own label reads as any typed label does; Node's or yarn's versions on the line are no kernel's.
    for (const said of ["- Kernel (e.g. `uname -a`): 6.9", "We're on kernel 6.9 with Node 22.2.0 and yarn 1.22.22."])
      expect(extractFacts(said).kernel?.release, said).toBe("6.9");
    // Last resort only: a release the paste gives, even one a sentence names, is read and the series is not.
    for (const logs of [
      "We're on kernel 6.9.\nLinux node-1 6.12.3 #1 SMP PREEMPT_DYNAMIC x86_64 GNU/Linux",
      "We're on kernel 6.9. Kernel 6.12.3 fixed it.",
    ])
      expect(extractFacts(logs).kernel?.release, logs).not.toBe("6.9");
  });

  it("judges a typed series against ranges on other branches when every release of it gets one answer, hedged", async () => {
    // Stable-only ranges on 6.6: no 5.10.y release is in one, and every one of them is older than 6.6.
    const ranges = [range("6.6.64", "6.6.70")];
    const v = await judge({ uname: "5.10" }, ranges);
    expect(v).toMatchObject({ result: "not-affected", value: "5.10", certain: false });
    expect(v?.reason).toMatch(
      /no affected range on the 5\.10 branch, and a 5\.10\.y backport is not recorded; every 5\.10\.y release gets this answer, and a distribution's build of 5\.10 may carry its own backports/,
    );
    // A distribution's kernel known by its series is another rule's (seriesCheck): not judged as a kernel.org one.
    const d = diagnoseFields(await kbWith([{ ecosystem: "linux", package: "linux", ranges }]), {
      uname: "5.10",
      osRelease: 'NAME="Rocky Linux"\nID="rocky"\nID_LIKE="rhel centos fedora"\nVERSION_ID="9.4"',
      logs: XOR_MARK_KLOG,
    });
    expect(versionOf(d)).toBeUndefined();
    // Nor one whose distribution is typed rather than pasted (nf-conntrack-table-full's example: "CentOS 7.2").
    for (const osRelease of ["CentOS 7.2", "Rocky Linux 9.4", "Ubuntu 22.04.3 LTS"]) {
      const typed = diagnoseFields(await kbWith([{ ecosystem: "linux", package: "linux", ranges }]), {
        uname: "5.10",
        osRelease,
        logs: XOR_MARK_KLOG,
      });
      expect(versionOf(typed), osRelease).toBeUndefined();
    }
    expect(factsFromFields({ osRelease: "CentOS 7.2" })).toMatchObject({ os: null, namedRelease: "rhel:7" });
    expect(factsFromFields({ osRelease: "Ubuntu 22.04.3 LTS" }).os).toMatchObject({ id: "ubuntu", versionId: "22.04" });
  });

  it("gives way to a release of the same series the procVersion field prints", async () => {
    const d = diagnoseFields(await kbWith([{ ecosystem: "linux", package: "linux", ranges: [range("6.6.44", "6.6.46")] }]), {
      uname: "6.6",
      procVersion: "Linux version 6.6.44 (builder@host) (gcc 13) #1 SMP PREEMPT_DYNAMIC Sat Aug  3 10:00:00 UTC 2024",
      logs: XOR_MARK_KLOG,
    });
    expect(d.facts.kernel?.release).toBe("6.6.44");
    expect(d.findings[0]?.verdict).toMatchObject({ status: "affected" });
  });

  it("gives way to a release of the same series the logs name", async () => {
    const d = diagnoseFields(await kbWith([{ ecosystem: "linux", package: "linux", ranges: [range("6.9", "6.10")] }]), {
      uname: "6.9",
      logs: `Linux version 6.9.3-arch1-1 (linux@archlinux) (gcc (GCC) 14.1.1 20240522, GNU ld (GNU Binutils) 2.42.0) #1 SMP PREEMPT_DYNAMIC Fri, 31 May 2024 15:14:45 +0000\n${XOR_MARK_KLOG}`,
    });
    expect(d.facts.kernel?.release).toBe("6.9.3-arch1-1");
    expect(versionOf(d)).toMatchObject({ result: "affected" });
    // A release a sentence names is not the kernel printing itself: the typed series stands.
    const fixedIn = diagnoseFields(await kbWith([{ ecosystem: "linux", package: "linux", ranges: [range("6.9", "6.9.5")] }]), {
      uname: "6.9",
      logs: `This was fixed in kernel 6.9.5, per the stable changelog.\n${XOR_MARK_KLOG}`,
    });
    expect(fixedIn.facts.kernel?.release).toBe("6.9");
    expect(fixedIn.findings[0]?.verdict.status).toBe("unknown");
  });

  it("leaves a distribution release whose every kernel is affected to decide", async () => {
    // RHEL 7's kernels all lack the feature: "3.10" typed for a CentOS 7 host cannot change that.
    const kb = (await loadDataKb()).compiled;
    const d = diagnoseFields(kb, {
      uname: "3.10",
      osRelease: 'NAME="CentOS Linux"\nVERSION="7 (Core)"\nID="centos"\nID_LIKE="rhel fedora"\nVERSION_ID="7"',
      logs: "Error: could not get runtime: cannot re-exec process",
    });
    const f = d.findings.find((x) => x.id === "rhel7-user-namespaces-disabled-rootless-containers");
    expect(f?.verdict.status).toBe("affected");
    expect(f?.verdict.reason).toMatch(/only the series 3\.10 given/);
  });

  it("says that uname -r would decide when the series does not", async () => {
    const d = diagnoseFields(await kbWith([{ ecosystem: "linux", package: "linux", ranges: [range("6.6.64", "6.6.70")] }]), {
      uname: "6.6",
      logs: XOR_MARK_KLOG,
    });
    expect(d.findings[0]?.verdict).toMatchObject({ status: "unknown" });
    expect(d.findings[0]?.verdict.reason).toMatch(/only the kernel's series is known \(6\.6\).*`uname -r` would/);
  });
});

describe("SUSE kernels", () => {
  it("judges an SLE codestream kernel by its kernel-default package, never by its base version", async () => {
    const kb = await kbWith([
      { ecosystem: "linux", package: "linux", ranges: [range("5.14", "5.15")] },
      { ecosystem: "sles:15.5", package: "kernel-default", ranges: [range("5.14.21-150500.55.30", "5.14.21-150500.55.44")] },
    ]);
    // A real SLE 15 SP5 `uname -r` (an Ansible lab's `uname -a` output in public code; page URL not recorded).
    const facts = extractFacts("5.14.21-150500.55.39-default").kernel;
    expect(facts?.package).toMatchObject({
      ecosystem: "sles:15.5",
      names: ["kernel-default"],
      version: "5.14.21-150500.55.39",
      scheme: "rpm",
    });
    const d = diagnoseFields(kb, { uname: "5.14.21-150500.55.39-default", logs: XOR_MARK_KLOG });
    expect(versionOf(d)).toMatchObject({ result: "affected", ecosystem: "sles:15.5 kernel-default" });
  });

  it("reads MicroOS's kernel as Tumbleweed's, whose packages it is built from (review 32b)", () => {
    const microos = 'NAME="openSUSE MicroOS"\nID="opensuse-microos"\nID_LIKE="suse opensuse opensuse-tumbleweed microos sl-micro"';
    const k = extractFacts(`$ uname -r\n7.2.0-1-default\n$ cat /etc/os-release\n${microos}`).kernel;
    expect(k).toMatchObject({ upstream: "7.2.0", package: { ecosystem: "opensuse-tumbleweed", version: "7.2.0-1" } });
  });
});

describe("a vendor's or distribution's build just before its branch's first affected release", () => {
  const kb = () => kbWith([{ ecosystem: "linux", package: "linux", ranges: [range("6.11.4", "6.11.6")] }]);

  it("is ruled out only unless it took the change early: beside the symptom, unknown (review 32b)", async () => {
    for (const uname of ["6.11.3-zen1-1-zen", "6.11.3-76061103-generic", "6.11.3-1-default"]) {
      const beside = diagnoseFields(await kb(), { uname, logs: XOR_MARK_KLOG }).findings[0]?.verdict;
      expect(beside?.status, uname).toBe("unknown");
      expect(beside?.reason, uname).toMatch(/the symptom suggests that backport/);
    }
    // kernel.org's own release, a mainline build, kernel.org's sources built unchanged (Ubuntu's mainline PPA) and a build
    // many releases before the start (review 32c) stay outside the range.
    for (const uname of ["6.11.3", "6.11.0-rc7+", "6.11.3-061103-generic", "6.11.0-1-zen", "6.11.1-76061101-generic"])
      expect(diagnoseFields(await kb(), { uname, logs: XOR_MARK_KLOG }).findings[0]?.verdict.status, uname).not.toBe("unknown");
  });

  it("keeps a distribution's own sign that it took the change early over upstream's start (review 32c: Tumbleweed)", async () => {
    const tumbleweed = await kbWith([
      { ecosystem: "linux", package: "linux", ranges: [range("6.19.12", "7.0")] },
      {
        ecosystem: "opensuse-tumbleweed",
        package: "kernel-default",
        ranges: [{ introduced: "6.19.11-1", lastAffected: "6.19.11-1", evidence: "reported", source: SRC }],
      },
    ]);
    const osRelease = 'NAME="openSUSE Tumbleweed"\nID="opensuse-tumbleweed"\nID_LIKE="opensuse suse"';
    const later = diagnoseFields(tumbleweed, { uname: "6.19.11-2-default", osRelease, logs: XOR_MARK_KLOG }).findings[0]?.verdict;
    expect(later).toMatchObject({ status: "affected", certain: false });
    expect(later?.reason).toMatch(/opensuse-tumbleweed/);
  });
});

describe("a distribution's kernel package that spans upstream lines", () => {
  it("is not judged 'at or after' a fix on one line when its build is of a later line", async () => {
    const kb = (await loadDataKb()).compiled;
    // AL2's kernel-5.10 leak was fixed in 5.10.178-162.673.amzn2 (the record's amzn:2 range); AL2 also ships
    // kernel-5.15, whose May 2022 build predates that fix.
    const errno524 = "error loading seccomp filter into kernel: error loading seccomp filter: errno 524";
    const verdict = (uname: string) =>
      diagnoseFields(kb, { uname, logs: errno524 }).findings.find((f) => f.id === "al2-5.10-seccomp-errno-524")?.verdict;
    // Not "not affected" by the 5.10 line's fix: the upstream 5.15 range (fixed in 5.15.86) judges it, hedged as a vendor's build.
    expect(verdict("5.15.43-20.123.amzn2.x86_64")).toMatchObject({ status: "affected", certain: false });
    expect(verdict("5.10.184-175.731.amzn2.x86_64")?.status).toBe("not-affected");
    expect(verdict("5.10.176-157.645.amzn2.x86_64")?.status).toBe("affected");
    // Nor "before" their start when its build is of an earlier line: AL2023 ships 6.1 beside the 6.12 the ENA record ranges.
    const data = await loadDataKb();
    const ena = data.records.find((r) => r.id === "al2023-6.12.92-ena-2.17.0-eni-detach-panic");
    // The examples without their crash header, which names the kernel that crashed (it would decide: review 50b F2).
    const withoutCrashHeader = (log = "") =>
      log
        .split("\n")
        .filter((l) => !/Not tainted|Tainted: /.test(l))
        .join("\n");
    const onSixOne = diagnoseFields(data.compiled, {
      uname: "6.1.175-219.357.amzn2023.x86_64",
      logs: withoutCrashHeader(ena?.examples[0]?.log),
    });
    expect(onSixOne.findings.find((f) => f.id === ena?.id)?.verdict.status).toBe("unknown");
    // A distribution that rebases one package from line to line carries the earlier line's fix: Fedora 40 on 6.11.
    const nfsd = data.records.find((r) => r.id === "nfsd-show-gpf-6.8.10");
    const rebased = diagnoseFields(data.compiled, { uname: "6.11.10-200.fc40.x86_64", logs: withoutCrashHeader(nfsd?.examples[0]?.log) });
    expect(rebased.findings.find((f) => f.id === nfsd?.id)?.verdict.status).toBe("not-affected");
  });
});

describe("Amazon Linux 2023's kernel lines as their own packages", () => {
  it("applies a range keyed by AL2023's line package (kernel6.12) as one keyed `kernel` (review 50c F1)", async () => {
    const data = await loadDataKb();
    const record = data.records.find((r) => r.id === "calico-ebpf-ctlb-tailcall-einval-cve-2025-40123");
    expect(record?.affected.some((a) => a.ecosystem === "amzn:2023" && a.package === "kernel6.12")).toBe(true);
    expect(extractFacts("6.12.53-69.119.amzn2023.x86_64").kernel?.package?.names).toEqual(["kernel", "kernel6.12"]);
    const log = record?.examples.find((e) => e.expect !== "absent")?.log ?? "";
    const verdict = diagnoseFields(data.compiled, { uname: "6.12.53-69.119.amzn2023.x86_64", logs: log }).findings.find(
      (f) => f.id === record?.id,
    )?.verdict;
    expect(verdict?.reason).toContain("as amzn:2023 package kernel6.12");
  });
});

describe("Photon OS kernels", () => {
  it("are judged by the record's photon ranges, not by an upstream requirement their version clears", async () => {
    const kb = (await loadDataKb()).compiled;
    // Antrea needs CONFIG_NF_CONNTRACK_ZONES, which Photon OS 3 kernels gained in 4.19.87-4 (the record's photon:3 entry);
    // upstream's own requirement (4.6) says nothing of Photon's configuration.
    const antrea = (uname: string) =>
      diagnoseFields(kb, {
        uname,
        logs: "Received bundle error msg: [4 4 0 72 0 0 0 25 79 78 70 0 0 0 8 253 0 0 0 0 0 0 0 0]",
      }).findings.find((f) => f.id === "antrea-ovs-flows-rejected-kernel-conntrack-features");
    const old = antrea("Linux  4.19.84-1.ph3-esx #1-photon SMP Tue Nov 19 00:39:50 UTC 2019 x86_64 GNU/Linux");
    expect(old?.verdict.status).toBe("affected");
    expect(old?.evidence.find((e) => e.kind === "version")).toMatchObject({ ecosystem: "photon:3 linux-esx", result: "affected" });
    const fixed = antrea("4.19.154-3.ph3-esx");
    expect(fixed?.evidence.find((e) => e.kind === "version" && e.ecosystem.startsWith("photon"))).toMatchObject({ result: "not-affected" });
  });
});

describe("lsb_release -a in place of os-release", () => {
  // https://github.com/CybercentreCanada/assemblyline4_docs/pull/145
  const LSB = "No LSB modules are available.\nDistributor ID:\tUbuntu\nDescription:\tUbuntu 20.04.4 LTS\nRelease:\t20.04\nCodename:\tfocal";

  it("is read as the OS and is not a log", () => {
    const facts = extractFacts(`${LSB}\n${XOR_MARK_KLOG}`);
    expect(facts.os).toMatchObject({ id: "ubuntu", versionId: "20.04", codename: "focal", prettyName: "Ubuntu 20.04.4 LTS" });
    for (const line of [1, 2, 3, 4, 5]) expect(facts.notLogs.has(line)).toBe(true);
  });

  it("is accepted in the osRelease field", async () => {
    const d = diagnoseFields((await loadDataKb()).compiled, { osRelease: LSB });
    expect(d.facts.os).toMatchObject({ id: "ubuntu", versionId: "20.04" });
  });

  it("gives an Ubuntu derivative its lineage, which lsb_release does not print, and never rules Ubuntu's bugs out on it", async () => {
    const kb = (await loadDataKb()).compiled;
    const mint = "Distributor ID:\tLinuxmint\nDescription:\tLinux Mint 20.3\nRelease:\t20.3\nCodename:\tuna";
    expect(extractFacts(mint).os).toMatchObject({ id: "linuxmint", idLike: ["ubuntu", "debian"] });
    // The Ubuntu-only CRIU record's own symptom on Mint: Mint runs Ubuntu's kernels (was "not affected").
    const criu = "Error (criu/files-reg.c:1338): Can't lookup mount=795 for fd=-3 path=/bin/sh";
    const f = diagnoseFields(kb, { osRelease: mint, logs: criu }).findings.find(
      (x) => x.id === "ubuntu-overlayfs-sauce-criu-cant-lookup-mount-lp1857257",
    );
    expect(f?.verdict.status).toBe("unknown");
  });

  it("reads nothing from a distributor whose lineage is unknown, and prefers the os-release file beside it", () => {
    expect(extractFacts("Distributor ID:\tFooLinux\nDescription:\tFoo Linux 1\nRelease:\t1").os).toBeNull();
    const both = `${mint()}\nNAME="Linux Mint"\nVERSION="20.3 (Una)"\nID=linuxmint\nID_LIKE=ubuntu\nVERSION_ID="20.3"\nUBUNTU_CODENAME=focal`;
    expect(extractFacts(both).os).toMatchObject({ id: "linuxmint", idLike: ["ubuntu"] });
    expect(extractFacts("Distributor ID:\topenSUSE\nDescription:\topenSUSE Tumbleweed\nRelease:\t20200213").os?.id).toBe(
      "opensuse-tumbleweed",
    );
    function mint() {
      return "Distributor ID:\tLinuxmint\nDescription:\tLinux Mint 20.3\nRelease:\t20.3\nCodename:\tuna";
    }
  });
});

describe("a release file's one line (/etc/redhat-release, /etc/system-release) in place of os-release", () => {
  // Each as a report pasted it.
  const LINES: Array<[line: string, id: string, version: string, ecosystem: string, url: string]> = [
    ["CentOS Linux release 7.4.1708 (Core)", "centos", "7.4.1708", "rhel:7", "https://github.com/kubernetes/kubernetes/issues/58956"],
    [
      "Red Hat Enterprise Linux Server release 7.7 (Maipo)",
      "rhel",
      "7.7",
      "rhel:7",
      "https://github.com/podman-container-tools/podman/pull/1431",
    ],
    ["CentOS Linux release 8.3.2011", "centos", "8.3.2011", "rhel:8", "https://github.com/moby/moby/issues/41775"],
    ["Oracle Linux Server release 8.6", "ol", "8.6", "rhel:8", "https://github.com/oracle/vagrant-projects/issues/449"],
    ["AlmaLinux release 9.3 (Shamrock Pampas Cat)", "almalinux", "9.3", "rhel:9", "https://github.com/vdsm/virtual-dsm/issues/676"],
    ["Fedora release 32 (Thirty Two)", "fedora", "32", "fedora:32", "https://github.com/JJ/alpine-raku/issues/20"],
    // The line as Vivado's netlist headers quote it in public firmware repositories ("running 64-bit Scientific
    // Linux release 7.9 (Nitrogen)"); the URL is the distribution's own site.
    ["Scientific Linux release 7.9 (Nitrogen)", "scientific", "7.9", "rhel:7", "https://www.scientificlinux.org/"],
  ];

  for (const [line, id, version, ecosystem, url] of LINES) {
    it(`reads "${line}" (${url}) as the OS, not as a log line`, () => {
      const facts = extractFacts(`$ cat /etc/redhat-release\n${line}\n${XOR_MARK_KLOG}`);
      expect(facts.os).toMatchObject({ id, versionId: version, prettyName: line, lines: [2, 2] });
      expect(releaseEcosystem(facts.os)).toBe(ecosystem);
      expect(facts.notLogs.has(2)).toBe(true);
    });
  }

  it("is accepted in the osRelease field, and decides a range keyed by the release", async () => {
    const kb = await kbWith([{ ecosystem: "rhel:7", package: "kernel", ranges: [range("0")] }]);
    const d = diagnoseFields(kb, { osRelease: "CentOS Linux release 7.2.1511 (Core)", logs: XOR_MARK_KLOG });
    expect(d.facts.os).toMatchObject({ id: "centos", versionId: "7.2.1511" });
    expect(d.findings[0]?.verdict.status).toBe("affected");
    const other = diagnoseFields(kb, { osRelease: "Rocky Linux release 9.2 (Blue Onyx)", logs: XOR_MARK_KLOG });
    expect(other.findings[0]?.verdict.status).not.toBe("affected");
  });

  it("reads Amazon Linux's /etc/system-release with the ID_LIKE its os-release gives", () => {
    // The strings of trivy's Amazon Linux analyzer tests (aquasecurity/trivy pkg/fanal/analyzer/os/amazonlinux).
    expect(extractFacts("Amazon Linux release 2 (Karoo)").os).toMatchObject({
      id: "amzn",
      versionId: "2",
      idLike: ["centos", "rhel", "fedora"],
    });
    expect(extractFacts("Amazon Linux release 2023 (Amazon Linux)").os).toMatchObject({
      id: "amzn",
      versionId: "2023",
      idLike: ["fedora"],
    });
  });

  it("gives way to the host's os-release, and is not read from a container's output or a list of releases", () => {
    const hostOs = 'PRETTY_NAME="Ubuntu 24.04.1 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nID=ubuntu\nID_LIKE=debian';
    expect(extractFacts(`CentOS Linux release 7.9.2009 (Core)\n${hostOs}`).os).toMatchObject({ id: "ubuntu", versionId: "24.04" });
    expect(extractFacts("$ docker run --rm centos:7 cat /etc/redhat-release\nCentOS Linux release 7.9.2009 (Core)").os).toBeNull();
    expect(
      extractFacts("Step 3/5 : RUN cat /etc/redhat-release\n ---> Running in 7c1f2a\nCentOS Linux release 7.9.2009 (Core)").os,
    ).toBeNull();
    expect(extractFacts("CentOS Linux release 7.9.2009 (Core)\nRocky Linux release 8.6 (Green Obsidian)").os).toBeNull();
    expect(extractFacts("$ cat /etc/redhat-release\nCentOS Linux release 7.9.2009 (Core)").os).toMatchObject({ id: "centos" });
  });

  it("an os-release printed inside a container is the image's, not the host's, past a pull's progress or in a shell there", () => {
    const alpine = 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.19.1\nPRETTY_NAME="Alpine Linux v3.19"';
    const pull =
      "Unable to find image 'alpine:3.19' locally\n3.19: Pulling from library/alpine\n4abcf2066143: Pull complete\nDigest: sha256:6457d53f\nStatus: Downloaded newer image for alpine:3.19";
    for (const command of [
      "$ docker run --rm alpine:3.19 cat /etc/os-release",
      "docker exec web cat /etc/os-release",
      `$ docker run --rm alpine:3.19 cat /etc/os-release\n${pull}`,
      "$ podman container run --rm alpine cat /etc/os-release",
      "$ docker compose exec app cat /etc/os-release",
      "$ sudo nerdctl -n k8s.io exec 3f2a cat /etc/os-release",
      "$ kubectl -n app exec -it web-0 -- cat /etc/os-release",
      '$ kubectl exec -it web-0 -- cat /etc/os-release\nDefaulted container "web" out of: web, istio-proxy (init)',
      "# crictl exec 3f2a cat /etc/os-release",
      "$ docker exec -it web bash\nroot@3f2a1b2c3d4e:/# cat /etc/os-release",
      // A shell opened in the container, whatever its prompt; a set -x trace; a fence or a label before the output.
      "$ kubectl exec -it buildkit-0 -- sh\n/ # cat /etc/os-release",
      "$ docker exec -it x sh\n~ $ cat /etc/os-release",
      "$ docker exec -it x bash\nsh-5.1# cat /etc/os-release",
      "[user@fedora ~]$ distrobox enter noble\n📦[user@noble ~]$ cat /etc/os-release",
      "[user@fedora ~]$ toolbox enter\n⬢[user@toolbox ~]$ cat /etc/os-release",
      "+ docker run --rm alpine:3.19 cat /etc/os-release",
      "$ docker run --rm alpine:3.19 cat /etc/os-release\n```",
      "$ docker run --rm alpine:3.19 cat /etc/os-release\nOutput:",
      // Review 26d's transcripts: a bare prompt inside, /bin/sh, kubectl run and debug, sudo -E, ssh, Podman's pull, a
      // platform warning, another shell's prompt.
      "$ kubectl exec -it mypod -- sh\n$ cat /etc/os-release",
      "root@node1:~# kubectl exec -it mypod -- /bin/sh\n/ # cat /etc/os-release",
      "$ kubectl exec -it mypod -- bash -l\nroot@mypod:/# cat /etc/os-release",
      "$ kubectl debug node/node1 -it --image=ubuntu:24.04\nCreating debugging pod node-debugger-node1-pdx84 with container debugger on node node1.\nIf you don't see a command prompt, try pressing enter.\nroot@node1:/# cat /etc/os-release",
      "$ kubectl run -it --rm tmp --image=ubuntu:24.04 --restart=Never -- cat /etc/os-release",
      "$ sudo -E docker run --rm ubuntu:24.04 cat /etc/os-release",
      "$ ssh node2 docker run --rm ubuntu:24.04 cat /etc/os-release",
      '$ podman run --rm ubuntu:24.04 cat /etc/os-release\nResolved "ubuntu" as an alias (/etc/containers/registries.conf.d/000-shortnames.conf)\nTrying to pull docker.io/library/ubuntu:24.04...\nGetting image source signatures\nCopying blob 9c704ecd0c69 done   |\nWriting manifest to image destination',
      "$ docker run --rm ubuntu:24.04 cat /etc/os-release\nWARNING: The requested image's platform (linux/arm64) does not match the detected host platform (linux/amd64/v4) and no specific platform was requested",
      "PS C:\\Users\\me> kubectl exec -it mypod -- sh\n/ # cat /etc/os-release",
      "\u279c  ~ docker run --rm ubuntu:24.04 cat /etc/os-release",
      // Review 26e's: any warning before the output, oc debug, bash --login, lxc shell, incus exec, CentOS's bracket prompt
      // with Docker's hex host name, a nested su's exit, a host path only listed from inside.
      "$ docker run --rm ubuntu:24.04 cat /etc/os-release\nWARNING: IPv4 forwarding is disabled. Networking will not work.",
      "$ kubectl exec web cat /etc/os-release\nkubectl exec [POD] [COMMAND] is DEPRECATED and will be removed in a future version. Use kubectl exec [POD] -- [COMMAND] instead.",
      "$ oc debug node/node1\nStarting pod/node1-debug ...\nsh-4.4# cat /etc/os-release",
      "$ kubectl exec -it web -- bash --login\nroot@web:/# cat /etc/os-release",
      "$ lxc shell c1\nroot@c1:~# cat /etc/os-release",
      "$ incus exec c1 -- cat /etc/os-release",
      "[root@3f2a1b2c3d4e /]# cat /etc/os-release",
      "$ docker exec -it web bash\nroot@web:/# su - app\napp@web:~$ exit\nlogout\nroot@web:/# cat /etc/os-release",
      "$ docker exec -it web sh\n/ # ls /host/etc/os-release\n/host/etc/os-release\n/ # cat /etc/os-release",
      // Review 26f's: an -it command whose container prompt follows, a client's or another machine's exit inside the
      // shell, nsenter into a container's namespaces, a GitLab job in an image, a heredoc.
      "$ docker run -it --rm \\\n  -v /srv:/srv debian:12 bash\nroot@probe:/# cat /etc/os-release",
      "$ docker exec -it db bash\nroot@db:/# mysql -u root\nmysql> exit\nBye\nroot@db:/# cat /etc/os-release",
      "$ docker exec -it web bash\nroot@web:/# ssh backup@10.0.0.9\nbackup@bk:~$ exit\nlogout\nConnection to 10.0.0.9 closed.\nroot@web:/# cat /etc/os-release",
      "$ sudo nsenter -t $(docker inspect -f {{.State.Pid}} web) -m -u -p bash\nroot@web:/# cat /etc/os-release",
      "Using Docker executor with image debian:12 ...\n$ cat /etc/os-release",
      "$ docker exec -i web sh <<'EOF'\n> cat /etc/os-release\n> EOF",
      // A shell fed by a pipe or a file prints the image's too, up to the host's next command.
      "$ echo 'cat /etc/os-release' | docker exec -i web sh",
      // Review 27a's: a placeholder (`<pod-name>`) or `||` before the runner is no redirect or pipe: a shell still opens.
      "$ kubectl exec -it <pod-name> -- sh\n# cat /etc/os-release",
      "$ docker exec -it <container> bash\n# cat /etc/os-release",
      "$ docker start web || docker exec -it web sh\n# cat /etc/os-release",
      "echo 'cat /etc/os-release' | sudo docker exec -i web sh",
      "$ docker exec -i web sh < probe.sh",
      "$ kubectl debug node/node1 -it --image=ubuntu:24.04\nroot@node1:/# chroot /host\n# uname -r\n6.1.0-18-amd64\n# exit\nroot@node1:/# cat /etc/os-release",
    ])
      expect(extractFacts(`${command}\n${alpine}`), command).toMatchObject({ os: null, namedRelease: null });
    // Nor does any other output of the container name its release (review 26f: lsb_release -ds, /etc/issue).
    for (const output of ["lsb_release -ds\nUbuntu 24.04.1 LTS", "cat /etc/issue\nUbuntu 24.04.1 LTS \\n \\l"])
      expect(
        extractFacts(`$ docker run --rm ubuntu:24.04 ${output}\n$ docker --version\nDocker version 25.0.3, build 4debf41`).namedRelease,
        output,
      ).toBeNull();
    // Nor does the image's os-release name its release in passing (review 26e: "ubuntu:24.04 (named in the text)").
    const noble = 'PRETTY_NAME="Ubuntu 24.04.1 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nVERSION="24.04.1 LTS (Noble Numbat)"\nID=ubuntu';
    expect(extractFacts(`$ docker run --rm registry.example.com/app:1.4 cat /etc/os-release\n${noble}`)).toMatchObject({
      os: null,
      namedRelease: null,
    });
    // The host's own: read through chroot /host or a mount of /, and after the shell is left (exit, or the host's prompt again).
    const debian = 'NAME="Debian GNU/Linux"\nVERSION_ID="12"\nID=debian';
    for (const host of [
      "$ kubectl debug node/gke-pool-1-abc -it --image=busybox -- chroot /host cat /etc/os-release",
      "$ docker run -v /:/host alpine cat /host/etc/os-release",
      "user@host:~$ docker exec -it web bash\nroot@3f2a1b2c3d4e:/# ls\nuser@host:~$ cat /etc/os-release",
      `$ docker exec -it web bash\nroot@3f2a1b2c3d4e:/# cat /etc/os-release\n${alpine}\nroot@3f2a1b2c3d4e:/# exit\n$ cat /etc/os-release`,
      // An exec that never started, an exit with a status; a one-shot `-it` command (no shell) before the host's own.
      "docker exec -it web bash\nError response from daemon: container 3f2a1b2c3d4e is not running\n\ncat /etc/os-release",
      'kubectl exec -it web -- bash\nOCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in $PATH: unknown\ncommand terminated with exit code 126\ncat /etc/os-release',
      "kubectl exec -it web -- sh\n/ # ls\nbin\n/ # exit 0\ncat /etc/os-release",
      "$ docker exec -it web nginx -v\nnginx version: nginx/1.25.3\n$ cat /etc/os-release",
      // A sentence that names a runner, an issue form's later heading, a trace's own command.
      "It fails whenever the CI job does docker run -it ci-image bash on this host.\n\nHost OS:",
      "```\n$ docker run --rm alpine unshare -Ur id\nunshare: write failed /proc/self/uid_map: Operation not permitted\n```\n**Environment**\nOS:",
      "+ docker run --rm alpine unshare -Ur id\nunshare: write failed /proc/self/uid_map: Operation not permitted\n+ cat /etc/os-release",
      // chroot /host from a debugging shell reads the host's own files until its exit.
      "$ kubectl debug node/node1 -it --image=ubuntu -- bash\nroot@node1:/# chroot /host\n# cat /etc/os-release",
      // A shell fed by a pipe or a file leaves when its input ends: the host's next command is the host's.
      `$ echo 'cat /etc/os-release' | docker exec -i web sh\n${alpine}\n$ cat /etc/os-release`,
      `$ docker exec -i web sh < probe.sh\n${alpine}\n$ cat /etc/os-release`,
      // One of the host's files printed from a shell in a container (its root mounted at /host), at BusyBox's or
      // `oc debug`'s prompt; a sentence comparing with "<" or naming `<image>` runs nothing.
      "$ kubectl exec -it ds/node-shell -- sh\n/ # cat /host/etc/os-release",
      "$ oc debug node/node1\nStarting pod/node1-debug ...\nsh-4.4# cat /host/etc/os-release",
      "docker run hangs when the memory limit is < 512m on our hosts\ncat /etc/os-release",
      "Steps: docker run --privileged <image>\nEnvironment:\ncat /etc/os-release",
      // An image build prints no os-release: a release query after it on the line runs on the host (review 29a); so do
      // the host's commands after a build step, finished or failed.
      "$ docker build -q . && cat /etc/os-release",
      "root@node1:~# docker build -t app . ; cat /etc/os-release",
      "root@node1:~# docker build -t app .\nStep 2/2 : RUN apt-get install -y foo\n ---> Running in 5a6b7c8d9e0f\nE: Unable to locate package foo\nThe command '/bin/sh -c apt-get install -y foo' returned a non-zero code: 100\nroot@node1:~# cat /etc/os-release",
      '[root@node1 ~]# podman build -t app .\nSTEP 2/2: RUN dnf -y install foo\nError: building at STEP "RUN dnf -y install foo": exit status 1\n[root@node1 ~]# cat /etc/os-release',
    ])
      expect(extractFacts(`${host}\n${debian}`).os, host).toMatchObject({ id: "debian" });
    // The host's file read once from the shell, then the container's own: the host's stands, the image's is set apart.
    const both = extractFacts(
      `$ kubectl exec -it ds/node-shell -- sh\n/ # cat /host/etc/os-release\n${debian}\n/ # cat /etc/os-release\n${alpine}`,
    );
    expect(both.os).toMatchObject({ id: "debian" });
    expect([...both.containerOs]).toEqual([7, 8, 9, 10]);
    // Where it is not clear whose it is, it is set apart, and names no release either (unknown, not an image's OS):
    // a Markdown session in several blocks, a host file listed (not printed) inside the shell.
    for (const unsure of [
      "Inside the pod:\n```\nkubectl exec -it web-0 -- sh\n/ # apk add curl\nERROR: unable to select packages\n```\nOn the node:\n```\ncat /etc/os-release",
      "$ kubectl exec -it ds/node-shell -- sh\n/ # ls -l /host/etc/os-release\n-rw-r--r-- 1 root root 267 Jan  1 00:00 /host/etc/os-release\n/ # cat /etc/os-release",
      // One command printing the host's file and the image's: the two run together (review 27a).
      `$ kubectl exec -it ds/x -- sh\n/ # cat /host/etc/os-release /etc/os-release\n${alpine}`,
      `$ kubectl exec -it ds/x -- sh\n/ # cat /etc/os-release; echo ----; cat /host/etc/os-release\n${alpine}\n----`,
    ])
      expect(extractFacts(`${unsure}\n${debian}`), unsure).toMatchObject({ os: null, namedRelease: null });
    const lsb =
      "No LSB modules are available.\nDistributor ID:\tUbuntu\nDescription:\tUbuntu 20.04.6 LTS\nRelease:\t20.04\nCodename:\tfocal";
    expect(extractFacts(`$ docker run --rm ubuntu:20.04 lsb_release -a\n${lsb}`).os).toBeNull();
    // The host's own, in any order beside a container's output; and prose naming docker run is no command.
    expect(extractFacts(`$ cat /etc/os-release\n${alpine}`).os).toMatchObject({ id: "alpine" });
    expect(extractFacts(`$ docker run --rm alpine echo hi\nhi\n$ cat /etc/os-release\n${alpine}`).os).toMatchObject({ id: "alpine" });
    expect(extractFacts(`docker run hangs on our hosts\n$ cat /etc/os-release\n${alpine}`).os).toMatchObject({ id: "alpine" });
  });

  it("reads a line that starts with a container command but tells a failure as a log line: its signature and versions count", async () => {
    const kb = (await loadDataKb()).compiled;
    const told =
      "docker run --sysctl net.ipv4.conf.eth0.forwarding=1 alpine fails with: error during container init: open /proc/sys/net/ipv4/conf/eth0/forwarding: no such file or directory";
    expect(diagnoseBundle(kb, told).findings.map((f) => f.id)).toContain("docker-26.0.0-interface-sysctl-eth0-enoent");
    expect(extractFacts("docker run hangs on our hosts with kernel 5.15.0-1031-aws, docker 26.0.0").kernel?.release).toBe(
      "5.15.0-1031-aws",
    );
  });

  it("takes no context from a container's os-release: AppArmor 4's record is no advisory on a Debian 12 host running an Ubuntu 24.04 image", async () => {
    const kb = (await loadDataKb()).compiled;
    const ubuntu = 'PRETTY_NAME="Ubuntu 24.04.1 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nID=ubuntu\nID_LIKE=debian';
    const host = `$ cat /etc/os-release\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nID=debian\n$ uname -r\n6.1.0-18-amd64\n$ docker version\nServer: Docker Engine - Community\n Engine:\n  Version:          24.0.7\n  API version:      1.43 (minimum version 1.12)`;
    const APPARMOR4 = "apparmor4-runc-profile-container-stop-signal-denied";
    const advised = (text: string) => diagnoseBundle(kb, text).advisories.map((a) => a.id);
    expect(advised(`${host}\n$ docker run --rm ubuntu:24.04 cat /etc/os-release\n${ubuntu}`)).not.toContain(APPARMOR4);
    // The same os-release as the host's own shows the context: the engine in range is then an advisory.
    expect(advised(`$ uname -r\n6.8.0-45-generic\n$ cat /etc/os-release\n${ubuntu}\n${host.split("\n").slice(6).join("\n")}`)).toContain(
      APPARMOR4,
    );
  });

  it("is not read inside prose or a log line", () => {
    for (const text of [
      "we upgraded to CentOS Linux release 7.9.2009 (Core) last week",
      "Jul 14 15:22:06 node1 kernel: CentOS Linux release 7.2.1511 (Core)",
      "CentOS Linux release 7.9.2009 (Core) and CentOS Linux release 8.3.2011",
    ]) {
      expect(extractFacts(text).os).toBeNull();
    }
  });
});

describe("image-based distributions, judged on the OS release that ships the kernel", () => {
  // Talos, Flatcar and Bottlerocket version the whole image; their records give ranges in that ecosystem.
  const cases = [
    {
      id: "talos",
      osRelease: 'NAME="Talos"\nID=talos\nVERSION_ID=v1.12.2\nPRETTY_NAME="Talos (v1.12.2)"',
      inside: "1.12.2",
      osImage: "Talos (v1.12.2)",
      uname: "6.18.5-talos",
    },
    {
      id: "flatcar",
      osRelease: 'NAME="Flatcar Container Linux by Kinvolk"\nID=flatcar\nVERSION_ID=3033.2.1',
      inside: "3033.2.1",
      osImage: "Flatcar Container Linux by Kinvolk 3033.2.1 (Oklo)",
      uname: "5.15.19-flatcar",
    },
    {
      id: "bottlerocket",
      osRelease: 'NAME=Bottlerocket\nID=bottlerocket\nVERSION_ID=1.14.0\nPRETTY_NAME="Bottlerocket OS 1.14.0 (aws-k8s-1.26)"',
      inside: "1.14.0",
      osImage: "Bottlerocket OS 1.14.0 (aws-k8s-1.26)",
      uname: "5.15.108",
    },
  ];

  for (const c of cases) {
    it(`${c.id}: the os-release version decides, inside and after the range`, async () => {
      const kb = await kbWith([{ ecosystem: c.id, package: c.id, ranges: [range(c.inside, `${c.inside}9`)] }]);
      const inside = diagnoseFields(kb, { uname: c.uname, osRelease: c.osRelease, logs: XOR_MARK_KLOG });
      expect(inside.findings[0]?.verdict.status).toBe("affected");
      expect(versionOf(inside)?.reason).toContain(c.inside);
      const after = diagnoseFields(kb, {
        uname: c.uname,
        osRelease: c.osRelease.replaceAll(c.inside, `${c.inside}9`),
        logs: XOR_MARK_KLOG,
      });
      expect(after.findings[0]?.verdict.status).toBe("not-affected");
    });

    it(`${c.id}: a nodes table's OS image decides per node`, async () => {
      const kb = await kbWith([{ ecosystem: c.id, package: c.id, ranges: [range(c.inside, `${c.inside}9`)] }]);
      const table = [
        "NAME STATUS ROLES AGE VERSION INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME",
        `w1 Ready <none> 1d v1.31.0 10.0.0.1 <none> ${c.osImage} ${c.uname} containerd://1.7.20`,
      ].join("\n");
      const d = diagnoseFields(kb, { nodes: table, logs: XOR_MARK_KLOG });
      expect(d.findings[0]?.verdict.status).toBe("affected");
    });
  }
});

describe("an image-based OS's own range beside the upstream ranges its kernel's version falls in", () => {
  it("rules the build out for certain when the OS's range does: its range is about that build (review 31a)", async () => {
    // Flatcar 3033.2.3 shipped the revert on 5.10.102, which upstream's range puts in 5.10.94 ≤ v < 5.10.107.
    const kb = await kbWith([
      { ecosystem: "linux", package: "linux", ranges: [range("5.10.94", "5.10.107")] },
      { ecosystem: "flatcar", package: "flatcar", ranges: [range("3033.2.2", "3033.2.3")] },
    ]);
    const at = (version: string) =>
      diagnoseFields(kb, {
        uname: "5.10.102-flatcar",
        osRelease: `NAME="Flatcar Container Linux by Kinvolk"\nID=flatcar\nVERSION_ID=${version}`,
        logs: XOR_MARK_KLOG,
      }).findings[0]?.verdict;
    expect(at("3033.2.3")).toMatchObject({ status: "not-affected", level: "verified" });
    expect(at("3033.2.3")?.certain).toBeUndefined();
    expect(at("3033.2.3")?.reason).toMatch(/fixed in 3033\.2\.3.*outweighs your kernel \(5\.10\.102-flatcar\)/);
    expect(at("3033.2.2")?.status).toBe("affected");
    // Another release line is no later or earlier build of the one the range is about (review 31d: beta 3139.1.0).
    for (const other of ["3139.1.0", "2605.26.1"]) expect(at(other)?.status, other).toBe("affected");
    // Without the OS's own reading, the upstream range still answers, hedged.
    const upstreamOnly = diagnoseFields(kb, { uname: "5.10.102-flatcar", logs: XOR_MARK_KLOG }).findings[0]?.verdict;
    expect(upstreamOnly).toMatchObject({ status: "affected", certain: false });
  });
});

describe("an image-based OS's range that holds only on some of its kernels (onKernels)", () => {
  // Bottlerocket builds each variant on its own kernel: 1.13.5's aws-k8s-1.23 runs 5.10, its aws-k8s-1.24 runs 5.15.
  const onKernels = { branches: ["5.15"], evidence: "verified", source: SRC };
  const osRelease = (variant: string) =>
    `NAME=Bottlerocket\nID=bottlerocket\nVERSION="1.13.5 (${variant})"\nVARIANT_ID=${variant}\nVERSION_ID=1.13.5`;
  const verdictOn = async (fields: { uname?: string; osRelease?: string; nodes?: string }) => {
    const kb = await kbWith([{ ecosystem: "bottlerocket", package: "bottlerocket", onKernels, ranges: [range("1.10.0", "1.14.0")] }]);
    return diagnoseFields(kb, { ...fields, logs: XOR_MARK_KLOG }).findings[0]?.verdict;
  };

  it("rules a release in range out, for certain, on a kernel of another branch (review 31a: aws-k8s-1.23 on 5.10)", async () => {
    const v = await verdictOn({ uname: "5.10.178", osRelease: osRelease("aws-k8s-1.23") });
    expect(v).toMatchObject({ status: "not-affected", level: "verified" });
    expect(v?.certain).toBeUndefined();
    expect(v?.reason).toMatch(/only its builds on kernel 5\.15 carry the bug, and the host runs kernel 5\.10\.178/);
  });

  it("keeps it affected on the named branch, and hedged when no kernel is given", async () => {
    const on = await verdictOn({ uname: "5.15.102", osRelease: osRelease("aws-k8s-1.24") });
    expect(on).toMatchObject({ status: "affected" });
    expect(on?.certain).toBeUndefined();
    const unknownKernel = await verdictOn({ osRelease: osRelease("aws-k8s-1.24") });
    expect(unknownKernel).toMatchObject({ status: "affected", certain: false });
    expect(unknownKernel?.reason).toMatch(/no kernel version was given/);
  });

  it("takes the kernel a variant is built on from the entry's variants, where no kernel is given (review 32c)", async () => {
    const kb = await kbWith([
      {
        ecosystem: "bottlerocket",
        package: "bottlerocket",
        onKernels: { ...onKernels, variants: { "aws-k8s-1.23": "5.10", "aws-k8s-1.24": "5.15" } },
        ranges: [range("1.10.0", "1.14.0")],
      },
    ]);
    const at = (fields: { osRelease?: string; nodes?: string }) =>
      diagnoseFields(kb, { ...fields, logs: XOR_MARK_KLOG }).findings[0]?.verdict;
    expect(at({ osRelease: osRelease("aws-k8s-1.23") })).toMatchObject({ status: "not-affected", level: "verified" });
    expect(at({ osRelease: osRelease("aws-k8s-1.23") })?.reason).toMatch(/its variant aws-k8s-1\.23 is built on kernel 5\.10/);
    expect(at({ osRelease: osRelease("aws-k8s-1.24") })?.status).toBe("affected");
    // A variant the source does not name stays hedged; a nodes table's image name carries the variant too.
    expect(at({ osRelease: osRelease("metal-k8s-1.24") })).toMatchObject({ status: "affected", certain: false });
    const table = [
      "NAME STATUS ROLES AGE VERSION INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME",
      "w1 Ready <none> 1d v1.23.17 10.0.0.1 <none> Bottlerocket OS 1.13.5 (aws-k8s-1.23) <none> containerd://1.6.20",
    ].join("\n");
    expect(osImageToOs("Bottlerocket OS 1.13.5 (aws-k8s-1.23)")).toMatchObject({ id: "bottlerocket", variant: "aws-k8s-1.23" });
    expect(at({ nodes: table })?.status).toBe("not-affected");
  });

  it("judges each node of a nodes table on its own kernel", async () => {
    const table = [
      "NAME STATUS ROLES AGE VERSION INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME",
      "w1 Ready <none> 1d v1.23.17 10.0.0.1 <none> Bottlerocket OS 1.13.5 (aws-k8s-1.23) 5.10.178 containerd://1.6.20+bottlerocket",
    ].join("\n");
    expect((await verdictOn({ nodes: table }))?.status).toBe("not-affected");
    const newer = `${table}\nw2 Ready <none> 1d v1.24.13 10.0.0.2 <none> Bottlerocket OS 1.13.5 (aws-k8s-1.24) 5.15.102 containerd://1.6.20+bottlerocket`;
    expect((await verdictOn({ nodes: newer }))?.status).toBe("affected");
  });

  it("is refused by kb:check on an entry that is no image OS's", async () => {
    const file = "data/bugs/xt-mark-ipv6-typo-2024.yaml";
    const doc = parseDocument(await readFile(file, "utf8"));
    doc.set("affected", [{ ecosystem: "linux", package: "linux", onKernels, ranges: [range("6.1.0", "6.1.9")] }]);
    const parsed = parseRecordFile(file, doc.toString());
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.map((p) => p.message).join()).toMatch(/image OS/);
  });
});

describe("Container-Optimized OS, judged on its build", () => {
  // COS's VERSION_ID is the milestone (113); records give ranges in ecosystem `cos` as the build (BUILD_ID, 18244.236.70).
  const osRelease = (build: string) =>
    `NAME="Container-Optimized OS"\nID=cos\nPRETTY_NAME="Container-Optimized OS from Google"\nVERSION_ID=113\nBUILD_ID=${build}`;
  const cosKb = () => kbWith([{ ecosystem: "cos", package: "cos", ranges: [range("18244.236.26", "18244.236.88")] }]);

  it("the os-release BUILD_ID decides, ordered numerically part by part", async () => {
    const kb = await cosKb();
    const at = (build: string) => diagnoseFields(kb, { uname: "6.1.100+", osRelease: osRelease(build), logs: XOR_MARK_KLOG });
    expect(at("18244.236.70").findings[0]?.verdict.status).toBe("affected");
    expect(versionOf(at("18244.236.70"))?.reason).toContain("18244.236.70");
    expect(at("18244.236.9").findings[0]?.verdict.status).toBe("not-affected");
    expect(at("18244.236.88").findings[0]?.verdict.status).toBe("not-affected");
    expect(at("18244.291.46").findings[0]?.verdict.status).toBe("not-affected");
  });

  it("a COS image name in the input stands in for os-release", async () => {
    const kb = await cosKb();
    const image = "boot disk: projects/gke-node-images/global/images/gke-1308-gke1128001-cos-113-18244-236-70-c-cgpv1-pre";
    const d = diagnoseFields(kb, { uname: "6.1.100+", logs: `${image}\n${XOR_MARK_KLOG}` });
    expect(d.facts.os).toMatchObject({ id: "cos", buildId: "18244.236.70" });
    expect(d.findings[0]?.verdict.status).toBe("affected");
  });

  it("a COS image named in the logs of a host whose kernel is not COS's says nothing about that host", async () => {
    const kb = await cosKb();
    const image = "boot disk: projects/gke-node-images/global/images/gke-1308-gke1128001-cos-113-18244-236-70-c-cgpv1-pre";
    for (const input of [
      { uname: "Linux ci-runner 5.15.0-127-generic #137-Ubuntu SMP x86_64 GNU/Linux", logs: `${image}\n${XOR_MARK_KLOG}` },
      {
        logs: `$ uname -a\nLinux ci-runner 5.15.0-127-generic #137-Ubuntu SMP x86_64 GNU/Linux\n$ cat build.log\n${image}\n${XOR_MARK_KLOG}`,
      },
    ]) {
      const d = diagnoseFields(kb, input);
      expect(d.facts.os?.id, JSON.stringify(input).slice(0, 60)).not.toBe("cos");
      expect(d.findings[0]?.verdict.status).not.toBe("affected");
    }
  });

  it("without a build (the nodes table's OS image names none) the verdict stays open", async () => {
    const kb = await cosKb();
    const table = [
      "NAME STATUS ROLES AGE VERSION INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME",
      "w1 Ready <none> 1d v1.31.0 10.0.0.1 <none> Container-Optimized OS from Google 6.1.100+ containerd://1.7.20",
    ].join("\n");
    expect(diagnoseFields(kb, { nodes: table, logs: XOR_MARK_KLOG }).findings[0]?.verdict.status).not.toBe("affected");
    const noBuild = diagnoseFields(kb, { uname: "6.1.100+", osRelease: "ID=cos\nVERSION_ID=113", logs: XOR_MARK_KLOG });
    expect(noBuild.findings[0]?.verdict.status).toBe("unknown");
  });
});

describe("a component's bug that shows only on newer kernels", () => {
  // netavark before 1.1.0 cannot delete interfaces on kernels from 5.19 (its fix commit 13c03cb220e4; audit 36c: 1.0.3 on
  // 5.17 was "affected, verified"). Fedora 36's GA kernel and its netavark package, as `uname -r` and `rpm -q` print them.
  const NETAVARK = "netavark-1.0-teardown-eopnotsupp-kernel-5.19";
  const TEARDOWN = "netavark: failed to delete if podman4: Received a netlink error message Operation not supported (os error 95)";
  const paste = (kernel: string) =>
    `$ uname -r\n${kernel}\n$ cat /etc/os-release\nNAME="Fedora Linux"\nVERSION="36 (Workstation Edition)"\nID=fedora\nVERSION_ID=36\n$ rpm -q netavark\nnetavark-1.0.3-3.fc36.x86_64\n${TEARDOWN}`;
  const verdict = async (kernel: string) =>
    diagnoseBundle((await loadDataKb()).compiled, paste(kernel)).findings.find((f) => f.id === NETAVARK)?.verdict;

  it("needs both: an old netavark on a kernel before 5.19 is not affected, on a later one it is", async () => {
    expect(await verdict("5.17.5-300.fc36.x86_64")).toMatchObject({
      status: "not-affected",
      reason: expect.stringMatching(/needs netavark with linux/),
    });
    expect(await verdict("5.19.16-200.fc36.x86_64")).toMatchObject({ status: "affected", level: "verified" });
  });
});

describe("several kernels given and none the host's own", () => {
  it("gives the answer every one of them gives, hedged, and stays unknown where they part (review 52h F1)", async () => {
    const kb = (await loadDataKb()).compiled;
    const id = "tcp-tw-recycle-removed-4.12";
    const line = "sysctl: cannot stat /proc/sys/net/ipv4/tcp_tw_recycle: No such file or directory";
    const verdictOf = (text: string) => diagnoseBundle(kb, text).findings.find((f) => f.id === id)?.verdict;
    // Both from 4.12 on, where the sysctl is gone: affected whichever failed, not certain.
    const both = verdictOf(`${line}\nSame on my two other boxes, one with kernel 4.15.0 and one with kernel 5.4.0.`);
    expect(both).toMatchObject({ status: "affected", certain: false });
    expect(both?.reason).toContain("each kernel the input gives is judged alike");
    // One before 4.12, one after: which one failed decides it.
    const parted = verdictOf(`${line}\nSame on my two other boxes, one with kernel 4.9.0 and one with kernel 5.4.0.`);
    expect(parted).toMatchObject({ status: "unknown" });
    expect(parted?.reason).toContain("does not say which one failed");
  });
});

describe("a kernel behaviour one distribution kept that every kernel had before upstream changed it", () => {
  // RHEL 7 keeps mountpoints busy in other mount namespaces by default; upstream kernels did too before 3.18's lazy detach
  // (review 56c F1: Debian 8's 3.16 was "not affected (verified)" as "not RHEL 7"). Docker 1.11.1 as kubernetes-anywhere#95
  // and moby#21969 show it.
  const MAY_DETACH = "rhel7-may-detach-mounts-container-remove-busy";
  const SHM =
    "Error response from daemon: Unable to remove filesystem for f91045865885: remove /var/lib/docker/containers/f91045865885/shm: device or resource busy";
  const MERGED =
    'Error response from daemon: driver "overlay2" failed to remove root filesystem for 22136564e833: remove /var/lib/docker/overlay2/3cece7f31f5c/merged: device or resource busy';
  const finding = async (text: string) => diagnoseBundle((await loadDataKb()).compiled, text).findings.find((f) => f.id === MAY_DETACH);

  it("judges another distribution's kernel from before the change affected, hedged, and a later one not affected", async () => {
    const uname = (release: string, build: string) => `Linux kubmaster ${release} #1 SMP ${build} x86_64 GNU/Linux`;
    const debian8 = await finding(
      `${uname("3.16.0-4-amd64", "Debian 3.16.7-ckt25-1 (2016-03-06)")}\nDocker version 1.11.1, build 5604cbe\n${SHM}`,
    );
    expect(debian8?.verdict).toMatchObject({ status: "affected", certain: false });
    expect(debian8?.verdict.reason).toContain("below 3.18");
    const debian9 = await finding(
      `${uname("4.9.0-3-amd64", "Debian 4.9.30-2+deb9u5 (2017-09-19)")}\nDocker version 1.11.1, build 5604cbe\n${SHM}`,
    );
    expect(debian9?.verdict.status).toBe("not-affected");
  });

  it("is no high finding on removal errors alone, with nothing that shows such a kernel (review 56c F2)", async () => {
    expect((await finding(`${MERGED}\n${SHM}`))?.confidence).toBe("medium");
    expect((await finding(`$ uname -r\n3.10.0-693.el7.x86_64\n${MERGED}\n${SHM}`))?.confidence).toBe("high");
  });
});

describe("a reboot typed at the prompt", () => {
  // nfsd_show's GPF on Fedora 40's 6.8.10-300 (fixed in 6.8.12-300.fc40), the record's own fix steps: `dnf upgrade kernel`,
  // reboot. Review 56b F1: the fixed kernel booted after the crash judged it "not affected", certain; F5: two unames parted by
  // the reboot were "does not say which one failed" where the order decides.
  const NFSD = "nfsd-show-gpf-6.8.10";
  const GPF = [
    "[ 3049.260633] general protection fault, probably for non-canonical address 0x66fb103e19e9cc89: 0000 [#1] PREEMPT SMP NOPTI",
    "[ 3049.263003] RIP: 0010:_raw_spin_lock_irqsave+0x19/0x40",
    "[ 3049.270371] Call Trace:",
    "[ 3049.272803]  __percpu_counter_sum+0xd/0x70",
    "[ 3049.273219]  nfsd_show+0x4f/0x1d0 [nfsd]",
    "[ 3049.273666]  seq_read_iter+0x11d/0x4d0",
  ].join("\n");
  const P = "[root@nfs01 ~]#";
  const uname = (release: string) => `${P} uname -r\n${release}`;
  const crash = `${P} dmesg | grep -A5 "general protection"\n${GPF}`;
  const upgrade = `${P} dnf upgrade -y kernel\nInstalled:\n  kernel-6.8.12-300.fc40.x86_64\n\nComplete!`;
  const reboot = `${P} reboot\nConnection to nfs01 closed by remote host.\n$ ssh root@nfs01`;
  // The knowledge base read once for the many pastes below.
  const data = loadDataKb();
  const verdictOf = async (...parts: string[]) =>
    diagnoseBundle((await data).compiled, parts.join("\n")).findings.find((f) => f.id === NFSD)?.verdict;

  it("does not judge a crash printed before it on the kernel booted after it", async () => {
    const after = await verdictOf(crash, upgrade, reboot, uname("6.8.12-300.fc40.x86_64"));
    expect(after?.status).toBe("unknown");
    expect(after?.reason).toContain("another boot's lines than the failure's");
    // Without the reboot the same lines ran on the kernel read after them.
    expect((await verdictOf(crash, uname("6.8.12-300.fc40.x86_64")))?.status).toBe("not-affected");
  });

  it("judges the failure on the kernel read in its own boot, on either side of the reboot", async () => {
    const after = await verdictOf(uname("6.8.9-300.fc40.x86_64"), reboot, uname("6.8.10-300.fc40.x86_64"), crash);
    expect(after).toMatchObject({ status: "affected", level: "verified" });
    expect(after?.reason).toContain("in the failure's own boot");
    const before = await verdictOf(uname("6.8.10-300.fc40.x86_64"), crash, upgrade, reboot, uname("6.8.12-300.fc40.x86_64"));
    expect(before).toMatchObject({ status: "affected", level: "verified" });
    // A journal read after the reboot may print the boot before it: which kernel failed stays open.
    const journal = `${P} journalctl --since yesterday | grep -A5 "general protection"\n${GPF}`;
    const open = await verdictOf(uname("6.8.10-300.fc40.x86_64"), reboot, uname("6.8.12-300.fc40.x86_64"), journal);
    expect(open?.status).toBe("unknown");
    expect(open?.reason).toContain("does not say which one failed");
  });

  it("places no failure a saved copy, kdump or the boot before prints after it in the boot after it (review 56d F1, F7)", async () => {
    // Before: "not affected (verified) … in the failure's own boot" on the fixed kernel booted after the crash.
    for (const read of [
      `${P} grep -A5 "general protection" /root/dmesg-2024-05-30.txt`,
      `${P} grep -A5 "general protection" /var/crash/127.0.0.1-2024-05-30-10:02:11/vmcore-dmesg.txt`,
      `${P} journalctl -b -1 -k | grep -A5 "general protection"`,
    ]) {
      const v = await verdictOf(uname("6.8.10-300.fc40.x86_64"), upgrade, reboot, uname("6.8.12-300.fc40.x86_64"), `${read}\n${GPF}`);
      expect(v?.status, read).toBe("unknown");
    }
    // The running boot's own log, read in a chain after another command, is that boot's.
    const chained = `${P} sos report --batch >/dev/null; dmesg | grep -A5 "general protection"\n${GPF}`;
    expect(await verdictOf(uname("6.8.9-300.fc40.x86_64"), reboot, uname("6.8.10-300.fc40.x86_64"), chained)).toMatchObject({
      status: "affected",
    });
  });

  it("judges an earlier boot's failure on the banner another command prints for that same boot (review 60b F2)", async () => {
    // `journalctl -b -1 -k | head -1` gives the failing boot's "Linux version" line; the failure is grepped from the same
    // boot by another command; `uname -r` says what runs now. Before: "2 kernels … does not say which one failed".
    const banner = (boot: string) =>
      `${P} journalctl -b ${boot} -k | head -1\nMay 30 10:01:02 nfs01 kernel: Linux version 6.8.10-300.fc40.x86_64 (mockbuild@cf3a2b6e2ab34a4f8e1c4e2f0c1a7f35) (gcc (GCC) 14.1.1 20240522 (Red Hat 14.1.1-4), GNU ld version 2.41-37.fc40) #1 SMP PREEMPT_DYNAMIC Fri May 17 21:20:54 UTC 2024`;
    const failure = `${P} journalctl -b -1 -k | grep -A5 "general protection"\n${GPF}`;
    expect(await verdictOf(banner("-1"), failure, uname("6.8.12-300.fc40.x86_64"))).toMatchObject({
      status: "affected",
      level: "verified",
    });
    // Another boot's banner, or another machine's, decides nothing.
    expect((await verdictOf(banner("-2"), failure, uname("6.8.12-300.fc40.x86_64")))?.status).toBe("unknown");
    const elsewhere = banner("-1").replace(P, "[root@nfs02 ~]#");
    expect((await verdictOf(elsewhere, failure, uname("6.8.12-300.fc40.x86_64")))?.status).toBe("unknown");
  });

  it("parts the boots of a machine rebooted through ssh from a jump host, or with shutdown --reboot (review 56d F5)", async () => {
    const jump = "[admin@bastion ~]$";
    const remote = [
      `${jump} ssh root@nfs01 'dmesg | grep -A5 "general protection"'`,
      GPF,
      `${jump} ssh root@nfs01 reboot`,
      "Connection to nfs01 closed by remote host.",
      `${jump} ssh root@nfs01 uname -r`,
      "6.8.12-300.fc40.x86_64",
    ];
    expect((await verdictOf(...remote))?.status).toBe("unknown");
    const longOption = await verdictOf(crash, upgrade, `${P} shutdown --reboot now`, uname("6.8.12-300.fc40.x86_64"));
    expect(longOption?.status).toBe("unknown");
  });

  it("reads a reboot anywhere in a chain, through ssh's quoted command, and as kexec, sysrq, a power off or rpm-ostree's (review 57b F1)", async () => {
    // Each was "not affected (verified)" on the fixed kernel booted after the crash; AWS's guides type `dnf upgrade -y && reboot`.
    for (const typed of [
      `${P} dnf upgrade -y kernel && reboot`,
      `${P} sync; reboot`,
      `$ ssh root@nfs01 'dnf -y upgrade kernel && reboot'`,
      `${P} kexec -e`,
      `${P} echo b > /proc/sysrq-trigger`,
      `${P} poweroff`,
      `${P} rpm-ostree upgrade --reboot`,
      // Review 57e F1: sysrq as a user writes it, in a shell's string, a subshell sent to the background, behind a wrapper.
      `${P} echo b | sudo tee /proc/sysrq-trigger`,
      `${P} sudo sh -c "echo b > /proc/sysrq-trigger"`,
      `${P} dnf upgrade -y kernel && (sleep 2; sudo reboot) &`,
      `${P} sudo -u root nohup reboot`,
      `${P} sudo systemctl start reboot.target`,
    ]) {
      const v = await verdictOf(crash, upgrade, typed, uname("6.8.12-300.fc40.x86_64"));
      expect(v?.status, typed).toBe("unknown");
    }
    // A reboot refused by polkit, a cancelled or warning-only shutdown and a kexec that only loads leave the boot as it was:
    // the crash ran on the kernel read after them, for certain.
    for (const typed of [
      `${P} reboot\nFailed to set wall message, ignoring: Interactive authentication required.\nFailed to reboot system via logind: Interactive authentication required.`,
      `${P} shutdown -c`,
      `${P} shutdown -k now`,
      `${P} kexec -l /boot/vmlinuz-6.8.12-300.fc40.x86_64 --reuse-cmdline`,
      // The command ssh runs is `last` (review 57e F5); a reboot's word in other commands.
      `$ ssh root@nfs01 last reboot`,
      `${P} systemctl status reboot.target`,
      `${P} grep -r reboot /etc/cron.d`,
    ]) {
      const v = await verdictOf(uname("6.8.10-300.fc40.x86_64"), crash, typed, uname("6.8.10-300.fc40.x86_64"));
      expect(v, typed).toMatchObject({ status: "affected", level: "verified" });
      expect(v?.certain, typed).not.toBe(false);
    }
    // A script's comment printed by cat reads as a bare root prompt's line: words after `reboot` make it prose (57e F5).
    const bare = (release: string) => `$ uname -r\n${release}`;
    const script = "$ cat /etc/cron.weekly/kernel-update\n#!/bin/sh\n# reboot only when a new kernel was installed";
    const journal = `$ journalctl -k -b | grep -A5 "general protection"\n${GPF}`;
    const commented = await verdictOf(bare("6.8.10-300.fc40.x86_64"), script, journal);
    expect(commented).toMatchObject({ status: "affected", level: "verified" });
    expect(commented?.certain).not.toBe(false);
  });
});

describe("the nf_conntrack_max record's 4.4 branch, read through 4.4.270 (review 69b F4)", () => {
  // The stable batch that brought "Make global sysctls readonly in non-init netns" to 4.9.269, 4.14.233 and 4.19.191 did
  // not bring it to 4.4 (4.4.269-rc1's 190 patches; the 4.4.270-rt222 shortlog of v4.4.267..v4.4.270): a kernel.org 4.4
  // kernel up to 4.4.270 never refuses the write. Before, every 4.4 kernel was "no affected range on the 4.4 branch".
  const ID = "kube-proxy-nf-conntrack-max-readonly-netns-5.12.2";
  const LOG =
    "kind-control-plane\nF0513 15:57:17.447425       1 server.go:495] open /proc/sys/net/netfilter/nf_conntrack_max: permission denied";
  const verdictOf = async (uname: string) =>
    diagnoseFields((await loadDataKb()).compiled, { uname, logs: LOG }).findings.find((f) => f.id === ID)?.verdict;

  it("is not affected up to 4.4.270, and unknown after it or on a distribution's build", async () => {
    for (const release of ["4.4.250", "4.4.270"]) {
      const v = await verdictOf(release);
      expect(v, release).toMatchObject({ status: "not-affected", level: "verified" });
      expect(v?.reason, release).toMatch(/no release of the 4\.4 branch had the bug/);
    }
    // A later 4.4.y was not read, and ELRepo's build may carry what kernel.org's did not.
    expect(await verdictOf("4.4.280")).toMatchObject({ status: "unknown" });
    expect(await verdictOf("4.4.270-1.el7.elrepo.x86_64")).toMatchObject({ status: "unknown" });
    // The branches beside it keep their ranges.
    expect(await verdictOf("4.9.269")).toMatchObject({ status: "affected", level: "verified" });
  });
});

describe("a vendor's ABI name of a series (x.y.0), its stable release unknown", () => {
  // Proxmox's opt-in kernels are built from Ubuntu's series, which names every build x.y.0: "6.14.0-2-pve" is some 6.14.z
  // (pve-kernel's README: "We currently use the Ubuntu kernel sources"; the release in pveversion -v output).
  const uname = (release: string) =>
    `root@worker2:~# uname -a\nLinux worker2 ${release} #1 SMP PREEMPT_DYNAMIC PMX ${release.replace("-pve", "")} (2025-04-10T17:57Z) x86_64 GNU/Linux`;
  const verdictOf = async (release: string, id: string, log: string) =>
    diagnoseBundle((await loadDataKb()).compiled, `${uname(release)}\n${log}`).findings.find((f) => f.id === id);

  it("is judged as any release of its series where every one gets one answer (review 62f F1: unknown after 62b F1)", async () => {
    // k3s in an LXC on such a host: the conntrack record's range is open from 5.12.2, so every 6.14.z is in it.
    const f = await verdictOf(
      "6.14.0-2-pve",
      "kube-proxy-nf-conntrack-max-readonly-netns-5.12.2",
      "write /proc/self/oom_score_adj: permission denied\nFailed to set sysctl: open /proc/sys/net/netfilter/nf_conntrack_max: permission denied",
    );
    expect(f?.verdict).toMatchObject({ status: "affected", certain: false });
    expect(f?.verdict.reason).toMatch(/as any 6\.14\.y kernel/);
  });

  it("is unknown, saying why, where the record's ranges split the series (review 62b F1: 'not affected' as 6.11.0)", async () => {
    // The MARK regression is 6.11.4 to 6.11.6 upstream: which 6.11.z this build carries decides, and it is not named.
    const f = await verdictOf(
      "6.11.0-2-pve",
      "xt-mark-ipv6-typo-2024",
      'ip6tables v1.8.10 (nf_tables): MARK: bad value for option "--set-mark", or out of range (0-4294967295).',
    );
    expect(f?.verdict.status).toBe("unknown");
    expect(f?.verdict.reason).toMatch(/names the 6\.11 series but not its stable release/);
    expect(f?.verdict.reason).not.toMatch(/backports fixes/);
  });
});

describe("Debian's packaging with an ABI word in place of the sublevel (review 65a F2, F3)", () => {
  // Parrot 6.3's "Linux parrot 6.11+parrot-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.11.5-1parrot1 (2024-12-13) x86_64
  // GNU/Linux" (a public driver README in the code index) and Debian's own unreleased builds, "6.10+unreleased-amd64 …
  // Debian 6.10.11-1~bpo12+1r8169p1" (a netdev thread); before, the whole `uname -a` was unread: "no kernel version given".
  const MARK = 'ip6tables v1.8.10 (nf_tables): MARK: bad value for option "--set-mark", or out of range (0-4294967295).';
  const verdictOf = async (text: string) =>
    diagnoseBundle((await loadDataKb()).compiled, `${text}\n${MARK}`).findings.find((f) => f.id === "xt-mark-ipv6-typo-2024");

  it("is judged on the upstream release its Debian build names", async () => {
    const f = await verdictOf(
      "$ uname -a\nLinux parrot 6.11+parrot-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.11.5-1parrot1 (2024-12-13) x86_64 GNU/Linux",
    );
    expect(f?.verdict).toMatchObject({ status: "affected", certain: false });
    expect(f?.verdict.reason).toMatch(/6\.11\.5/);
  });

  it("names only its series without the build, and says the stable release is not known", async () => {
    expect(extractFacts("$ uname -r\n6.12+unreleased-amd64").kernel).toMatchObject({ branch: "6.12", upstream: null, seriesOnly: true });
    const f = await verdictOf("$ uname -r\n6.11+parrot-amd64");
    expect(f?.verdict.status).toBe("unknown");
    expect(f?.verdict.reason).toMatch(/names the 6\.11 series but not its stable release/);
  });

  it("reads testing's and unstable's plain x.y.z-<flavour> as Debian's package where uname -v names it", () => {
    // "Linux debian 6.11.10-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.11.10-1 (2024-11-23) x86_64 GNU/Linux", in public
    // notes on upgrading to trixie (code index); it was an unnamed vendor's kernel.
    const k = extractFacts("Linux debian 6.11.10-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.11.10-1 (2024-11-23) x86_64 GNU/Linux").kernel;
    expect(k).toMatchObject({ distro: "debian", upstream: "6.11.10", package: { names: ["linux"], version: "6.11.10-1" } });
    // Without Debian's build of that version, a flavour word alone is no Debian kernel (a board's own build).
    expect(extractFacts("Linux b 6.6.58-arm64 #1 SMP PREEMPT Fri Nov 1 10:00:00 UTC 2024 aarch64 GNU/Linux").kernel?.distro).toBe("vendor");
  });
});

describe("a crash's header in a part a heading gives to a machine (review 66c F2)", () => {
  // The WARN and its header from oracle/linux-uek#15, the release set to 6.1.14 (in the record's 6.1.13 to 6.1.15 range);
  // the conntrack line is that record's own wording. node-a's header was no reading of node-a: node-b's uname judged
  // node-a's lines, "no version of node-a is given … on node-b's versions: affected (your kernel (6.1.14) …)".
  const WARN = [
    "[  236.276791] ------------[ cut here ]------------",
    "[  236.278671] WARNING: CPU: 5 PID: 0 at net/core/stream.c:212 sk_stream_kill_queues+0xc5/0xd2",
    "[  236.289602] CPU: 5 PID: 0 Comm: swapper/5 Tainted: G        W         6.1.14 #1",
  ].join("\n");
  const CONNTRACK = "[88213.102214] nf_conntrack: nf_conntrack: table full, dropping packet";
  const warnOf = async (text: string) =>
    diagnoseBundle((await loadDataKb()).compiled, text).findings.find((f) => f.id === "tcp-sk-stream-kill-queues-warn-stable-2023");

  it("is that machine's kernel beside another part's uname", async () => {
    const f = await warnOf(
      `--- node-a ---\n$ dmesg | grep -A2 'cut here'\n${WARN}\n--- node-b ---\n$ uname -r\n6.1.15\n$ dmesg | tail -1\n${CONNTRACK}`,
    );
    expect(f?.verdict).toMatchObject({ status: "affected", level: "verified" });
    expect(f?.verdict.reason).toMatch(/node-a \(6\.1\.14\)/);
    expect(f?.verdict.reason).not.toMatch(/node-b/);
  });

  it("and each part's own header is its machine's, where no part has a uname", async () => {
    const other = WARN.replace("Tainted: G        W         6.1.14", "Not tainted 6.1.15").replace("CPU: 5", "CPU: 2");
    const f = await warnOf(`--- node-a ---\n${WARN}\n--- node-b ---\n${other}\n${CONNTRACK}`);
    expect(f?.verdict.status).toBe("affected");
    expect(f?.verdict.reason).toMatch(/node-a \(6\.1\.14\)/);
  });
});

describe("a kernel a sentence says the change to ended the trouble", () => {
  const data = loadDataKb();
  const id = "xt-mark-ipv6-typo-2024";
  const uname = "$ uname -a\nLinux worker-1 5.15.0-130-generic #140-Ubuntu SMP Wed Dec 4 12:00:00 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux";
  const verdictOf = async (text: string) => diagnoseBundle((await data).compiled, text).findings.find((f) => f.id === id)?.verdict;

  it("reads its uname as perhaps booted after the failure: beside the bug's line it decides nothing (review 69c F1)", async () => {
    const story = `${XOR_MARK_KLOG}\nAfter upgrading the kernel to 5.15.0-130 everything works again.\n${uname}\n${UBUNTU_2204_OS_RELEASE}`;
    const told = await verdictOf(story);
    // It was "not affected (verified)", certain, with no root cause, on the bug's own line.
    expect(told?.status).toBe("unknown");
    expect(told?.reason).toMatch(/the only version placing it outside the affected range may not be the one that failed/);
    // The same uname with no such sentence is the failing run's: the fixed build rules the bug out.
    expect((await verdictOf(`${XOR_MARK_KLOG}\n${uname}\n${UBUNTU_2204_OS_RELEASE}`))?.status).toBe("not-affected");
    // A change that did not help leaves the uname the failing run's.
    const stayed = `${XOR_MARK_KLOG}\nUpgrading the kernel to 5.15.0-130 did not help.\n${uname}\n${UBUNTU_2204_OS_RELEASE}`;
    expect((await verdictOf(stayed))?.status).toBe("not-affected");
    // A cure of another trouble, one the trouble came back after, another's claim: the uname is the
    // failing one's (review 69j F3).
    for (const sentence of [
      "Upgrading the kernel to 5.15.0-130 fixed our conntrack table-full drops last month. Now kube-proxy fails on this node:",
      "Upgrading the kernel to 5.15.0-130 fixed it for two days, then it came back:",
      "Canonical's changelog claims upgrading the kernel to 5.15.0-130 fixes the ip6tables regression. We run it:",
    ])
      expect((await verdictOf(`${XOR_MARK_KLOG}\n${sentence}\n${uname}\n${UBUNTU_2204_OS_RELEASE}`))?.status, sentence).toBe(
        "not-affected",
      );
  });
});
