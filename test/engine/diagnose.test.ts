import { describe, expect, it } from "vitest";
import { diagnoseBundle, diagnoseFields } from "../../src/engine/diagnose";
import { printable, renderTextReport } from "../../src/engine/report-text";
import { loadDataKb } from "../support/data-kb";
import {
  IPVS_FALLBACK,
  UBUNTU_2204_OS_RELEASE,
  UNEVEN_FLEET,
  unameJammy127,
  XOR_MARK_JOURNALD,
  XOR_MARK_KLOG,
  xorMarkJournaldOf,
} from "../support/seed-logs";

const kb = (await loadDataKb()).compiled;
const XT = "xt-mark-ipv6-typo-2024";

describe("verdicts", () => {
  it("judges an Ubuntu kernel by its package, and says it is not certain without uname -v", () => {
    const d = diagnoseFields(kb, { uname: "5.15.0-127-generic", osRelease: UBUNTU_2204_OS_RELEASE, logs: XOR_MARK_JOURNALD });
    const xt = d.findings.find((f) => f.id === XT);
    expect(xt?.verdict).toMatchObject({ status: "affected", certain: false });
    expect(renderTextReport(d)).toMatch(/verdict: affected \(range [^;)]*; the version read may not be the failing one\)/);
    const version = xt?.evidence.find((e) => e.kind === "version");
    expect(version).toMatchObject({ kind: "version", ecosystem: "ubuntu:22.04 linux", result: "affected", certain: false });
  });

  it("is certain when uname -v gives the Ubuntu upload (#137 = 5.15.0-127.137)", () => {
    const uname = "Linux k8s 5.15.0-127-generic #137-Ubuntu SMP Fri Nov 8 15:21:01 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux";
    const d = diagnoseFields(kb, { uname, osRelease: UBUNTU_2204_OS_RELEASE, logs: XOR_MARK_JOURNALD });
    const version = d.findings[0]?.evidence.find((e) => e.kind === "version");
    expect(version).toMatchObject({ value: "5.15.0-127.137", result: "affected", certain: true });
  });

  it("says not affected before the first affected build and from the first fixed one on", () => {
    // xt-mark's jammy range: the first build with the cause and the first with the fix, both from Canonical's changelog.
    const before = diagnoseFields(kb, { uname: "5.15.0-126-generic", osRelease: UBUNTU_2204_OS_RELEASE, logs: XOR_MARK_JOURNALD });
    expect(before.findings.find((f) => f.id === XT)?.verdict).toMatchObject({ status: "not-affected", level: "verified" });
    const uname = "Linux k8s-192-168-3-26 5.15.0-131-generic #141-Ubuntu SMP Fri Jan 10 21:18:28 UTC 2025 x86_64 x86_64 x86_64 GNU/Linux";
    const after = diagnoseFields(kb, { uname, osRelease: UBUNTU_2204_OS_RELEASE, logs: XOR_MARK_JOURNALD });
    expect(after.findings.find((f) => f.id === XT)?.verdict).toMatchObject({ status: "not-affected", level: "verified" });
    // The fix's own ABI without `uname -v`: the upload number decides, and the answer asks for it.
    const abi = diagnoseFields(kb, { uname: "5.15.0-130-generic", osRelease: UBUNTU_2204_OS_RELEASE, logs: XOR_MARK_JOURNALD });
    const check = abi.findings.find((f) => f.id === XT)?.evidence.find((e) => e.kind === "version");
    expect(check).toMatchObject({ result: "unknown" });
    expect(check?.kind === "version" && check.reason).toMatch(/uname -v/);
  });

  it("demotes a matching log on a kernel the data says is fixed", () => {
    const xt = diagnoseFields(kb, { uname: "6.6.59", logs: XOR_MARK_JOURNALD }).findings.find((f) => f.id === XT);
    expect(xt?.verdict.status).toBe("not-affected");
    expect(xt?.confidence).not.toBe("high");
    expect(xt?.scoreComponents.version).toBeLessThan(1);
  });

  it("judges a plain upstream kernel on its stable branch", () => {
    const affected = diagnoseFields(kb, { uname: "6.6.58", logs: XOR_MARK_KLOG }).findings.find((f) => f.id === XT);
    expect(affected?.verdict.status).toBe("affected");
    const older = diagnoseFields(kb, { uname: "6.1.90", logs: XOR_MARK_KLOG }).findings.find((f) => f.id === XT);
    expect(older?.verdict).toMatchObject({ status: "not-affected" });
    expect(older?.verdict.reason).toMatch(/the first affected version/);
  });

  it("says unknown, and why, when no kernel is given", () => {
    const xt = diagnoseFields(kb, { logs: XOR_MARK_KLOG }).findings.find((f) => f.id === XT);
    expect(xt?.verdict.status).toBe("unknown");
    expect(xt?.verdict.reason).toMatch(/no kernel of the failing host was read .*`uname -a` there would decide/);
    // A release a question names is not read as the host's, and the answer does not say none was given (review 68e F3).
    const asked = diagnoseBundle(kb, `is 5.15.0-127-generic affected by this?\n${XOR_MARK_KLOG}`).findings.find((f) => f.id === XT);
    expect(asked?.verdict.reason).not.toMatch(/no kernel version given/);
    expect(asked?.verdict.reason).toMatch(/a release a question or a sentence names is not taken as its own/);
  });

  it("says unknown for a backporting distro kernel the record has no data for", () => {
    const d = diagnoseFields(kb, { uname: "5.14.0-427.13.1.el9_4.x86_64", logs: XOR_MARK_KLOG });
    const xt = d.findings.find((f) => f.id === XT);
    expect(xt?.verdict.status).toBe("unknown");
    expect(xt?.verdict.reason).toMatch(/no data in this record for rhel:9/);
  });

  it("lists an affected kernel without a symptom as a low advisory, apart from the findings", () => {
    const d = diagnoseFields(kb, { uname: "6.6.58" });
    expect(d.findings).toEqual([]);
    const xt = d.advisories.find((a) => a.id === XT);
    expect(xt?.confidence).toBe("low");
    expect(xt?.verdict.reason).toMatch(/no line of the log matches this bug's signatures, but/);
  });
});

describe("evidence and ranking", () => {
  it("counts two signatures on the same line as one piece of evidence", () => {
    const xt = diagnoseFields(kb, { uname: "6.6.58", logs: XOR_MARK_JOURNALD }).findings.find((f) => f.id === XT);
    const logLines = new Set(xt?.evidence.filter((e) => e.kind === "log").map((e) => e.line));
    expect(xt?.scoreComponents.matchedSignatures).toBeLessThanOrEqual(logLines.size);
  });

  it("reports every problem in one log, each with its own evidence lines", () => {
    const d = diagnoseFields(kb, { logs: `${IPVS_FALLBACK}\n${XOR_MARK_KLOG}` });
    const ipvs = d.findings.find((f) => f.id === "kube-proxy-ipvs-prereqs-missing");
    const xt = d.findings.find((f) => f.id === XT);
    const lines = (f: typeof xt) => f?.evidence.flatMap((e) => (e.kind === "log" ? [e.line] : [])) ?? [];
    expect(lines(ipvs).every((l) => l <= 2)).toBe(true);
    expect(lines(xt).every((l) => l > 2)).toBe(true);
  });

  it("does not blame the IPv6-only MARK regression for the IPv4 tool's same complaint, even on an affected kernel", () => {
    // The fix (306ed1728e84) says the targets failed to load on IPv6 only: iptables-restore rejecting --xor-mark is another fault.
    const uname = "Linux k8s 5.15.0-127-generic #137-Ubuntu SMP Fri Nov 8 15:21:01 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux";
    const ipv4 = XOR_MARK_KLOG.replaceAll("ip6tables-restore", "iptables-restore");
    const d = diagnoseFields(kb, { uname, logs: ipv4 });
    expect(d.findings.map((f) => f.id)).not.toContain(XT);
    // The same lines from ip6tables are the bug's, at the confidence its framed signature gives.
    const xt = diagnoseFields(kb, { uname, logs: XOR_MARK_KLOG }).findings.find((f) => f.id === XT);
    expect(xt).toMatchObject({ confidence: "high", verdict: { status: "affected" } });
    // Android netd's message as a mail client wraps it (review 29a): the IPv4 tool's, read whole, is refused on every
    // line it covers; the IPv6 tool's is still the bug's.
    const wrapped = (tool: string) =>
      [
        "E IptablesRestoreController: -A bw_INPUT -j MARK --or-mark 0x100000",
        "E IptablesRestoreController: -------  ERROR -------",
        `E IptablesRestoreController: ${tool} v1.8.10 (legacy): MARK`,
        "target: kernel too old for --or-mark",
        "E IptablesRestoreController: Error occurred at line: 27",
      ].join("\n");
    expect(diagnoseFields(kb, { uname, logs: wrapped("iptables-restore") }).findings.map((f) => f.id)).not.toContain(XT);
    expect(diagnoseFields(kb, { uname, logs: wrapped("ip6tables-restore") }).findings.map((f) => f.id)).toContain(XT);
    // The warning iptables prints before its own line, from the IPv4 tool: on the next line or in one quoted stderr.
    const warned = (tool: string) =>
      `Warning: Extension MARK revision 0 not supported, missing kernel module?\n${tool} v1.8.7 (legacy): unknown option "--set-xmark"\nTry \`${tool} -h' or '${tool} --help' for more information.`;
    const quoted = (tool: string) =>
      `level=error msg="iptables rules full reconciliation failed" error="exit status 2 stderr=\\"Warning: Extension MARK revision 0 not supported, missing kernel module?\\n${tool} v1.8.8 (nf_tables): unknown option \\"--set-xmark\\"\\n\\""`;
    // k3s's kube-proxy block around the IPv4 tool's lines: its other lines ("exit status 2", "Error occurred at line")
    // share the record's words, but the block is the IPv4 tool's (review 29a: medium from a resemblance).
    const k3s = (tool: string) =>
      [
        'Okt 26 01:54:40 host k3s[20378]: E1026 01:54:40.885702   20378 proxier.go:1511] "Failed to execute iptables-restore" err=<',
        "Okt 26 01:54:40 host k3s[20378]:         exit status 2: Ignoring deprecated --wait-interval option.",
        "Okt 26 01:54:40 host k3s[20378]:         Warning: Extension MARK revision 0 not supported, missing kernel module?",
        `Okt 26 01:54:40 host k3s[20378]:         ${tool} v1.8.9 (legacy): unknown option "--xor-mark"`,
        "Okt 26 01:54:40 host k3s[20378]:         Error occurred at line: 31",
        `Okt 26 01:54:40 host k3s[20378]:         Try \`${tool} -h' or '${tool} --help' for more information.`,
        "Okt 26 01:54:40 host k3s[20378]:  >",
      ].join("\n");
    expect(diagnoseFields(kb, { uname, logs: k3s("ip6tables-restore") }).findings.find((f) => f.id === XT)?.confidence).toBe("high");
    for (const logs of [warned("iptables"), quoted("iptables"), k3s("iptables-restore")])
      expect(
        diagnoseFields(kb, { uname, logs }).findings.map((f) => f.id),
        logs,
      ).not.toContain(XT);
    for (const logs of [warned("ip6tables"), quoted("ip6tables")])
      expect(diagnoseFields(kb, { uname, logs }).findings.find((f) => f.id === XT)?.confidence, logs).toBe("high");
    // One journald line cut at a terminal's width anywhere in its framing ("… iptables-restore v1" / ".8.9 (legacy):
    // unknown option …"): the framing runs across the break, and is still the IPv4 tool's (review 29c).
    const journald = (tool: string) => `Okt 26 01:54:40 host k3s[20378]:         ${tool} v1.8.9 (legacy): unknown option "--xor-mark"`;
    const cut = (line: string, width: number) => `${line.slice(0, width)}\n${line.slice(width)}`;
    for (let width = 50; width < journald("iptables-restore").length - 2; width++) {
      const ids = (tool: string) => diagnoseFields(kb, { uname, logs: cut(journald(tool), width) }).findings.map((f) => f.id);
      expect(ids("iptables-restore"), `cut at ${width}`).not.toContain(XT);
      expect(ids("ip6tables-restore"), `cut at ${width}`).toContain(XT);
    }
  });

  it("keeps the MARK regression below high when the IPv4 tool fails with the same words in the same log", () => {
    // The regression broke the IPv6 target only: both tools refusing --xor-mark point at another cause (a missing MARK
    // module), so the IPv6 line alone no longer makes the bug confident, on an affected kernel or none (note31).
    const uname = "Linux k8s 5.15.0-127-generic #137-Ubuntu SMP Fri Nov 8 15:21:01 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux";
    const ipv4 = XOR_MARK_KLOG.replaceAll("ip6tables-restore", "iptables-restore");
    const ipv4Lines = ipv4.split("\n").length;
    for (const given of [{ uname }, {}]) {
      const both = diagnoseFields(kb, { ...given, logs: `${ipv4}\n${XOR_MARK_KLOG}` }).findings.find((f) => f.id === XT);
      expect(both?.confidence).toBe("medium");
      const refusedLine = ipv4.split("\n").findIndex((l) => l.includes("iptables-restore v")) + 1;
      expect(both?.unverified[0]).toBe(
        `Not confirmed: line ${refusedLine} prints this bug's words in a form its sources show to be another fault, which may explain the same words elsewhere in this log too; the finding stays below high.`,
      );
      // The IPv6 lines are still its evidence; none of the IPv4 tool's is.
      for (const e of both?.evidence ?? []) if (e.kind === "log") expect(e.line).toBeGreaterThan(ipv4Lines);
    }
    // Alone, the IPv6 tool's failure on the affected kernel stays the confident answer.
    expect(diagnoseFields(kb, { uname, logs: XOR_MARK_KLOG }).findings.find((f) => f.id === XT)?.confidence).toBe("high");
  });

  it("ignores the bundle's own sections when matching, and counts lines in the whole body", () => {
    const bundle = `$ uname -a\nLinux n1 6.6.58 #1 SMP x86_64 GNU/Linux\n${XOR_MARK_KLOG}`;
    const d = diagnoseBundle(kb, bundle);
    expect(d.facts.kernel?.release).toBe("6.6.58");
    const xt = d.findings.find((f) => f.id === XT);
    const body = bundle.split("\n");
    for (const e of xt?.evidence ?? []) if (e.kind === "log") expect(body[e.line - 1]).toBe(e.text);
    expect(xt?.verdict.status).toBe("affected");
  });
});

describe("facts from the same pass", () => {
  it("reads the iptables version and backend from the log lines the matcher's probes found", () => {
    const bundle = diagnoseBundle(kb, XOR_MARK_KLOG);
    expect(bundle.facts.iptables).toMatchObject({ version: "1.8.4", backend: "legacy", binary: "ip6tables-restore", line: 3 });
    const fields = diagnoseFields(kb, { logs: XOR_MARK_JOURNALD });
    expect(fields.facts.iptables).toMatchObject({ version: "1.8.7", backend: "nf_tables", line: 2 });
    expect(diagnoseFields(kb, { logs: `iptables v1.8.8 (nf_tables)\n${XOR_MARK_JOURNALD}` }).facts.iptables?.version).toBe("1.8.8");
  });
});

describe("fleet comparison", () => {
  it("names no outlier when no value is held by a majority", () => {
    const rows = UNEVEN_FLEET.split("\n");
    const header = rows[0] ?? "";
    const tie = [header, rows[1], rows[3], rows[2]?.replace("5.15.0-126-generic", "5.15.0-125-generic")].join("\n");
    const d = diagnoseFields(kb, { nodes: tie });
    expect(d.nodes.filter((n) => n.outlier)).toEqual([]);
  });

  it("names each node in its own version checks, also where nodes share their versions", () => {
    // master-1 and worker-1 run the same kernel, OS and runtime: judged once, named twice.
    const d = diagnoseFields(kb, { nodes: UNEVEN_FLEET, logs: XOR_MARK_KLOG });
    const subjects = (d.findings.find((f) => f.id === XT)?.evidence ?? []).flatMap((e) => (e.kind === "version" ? [e.subject] : []));
    for (const node of ["master-1", "worker-1", "worker-2"]) expect(subjects.filter((s) => s.startsWith(`node ${node} `))).toHaveLength(1);
    expect(subjects.find((s) => s.startsWith("node worker-1 "))).toContain("5.15.0-126-generic");
  });

  it("judges each node when there is no single kernel, and says which node is affected", () => {
    const d = diagnoseFields(kb, { nodes: UNEVEN_FLEET, logs: XOR_MARK_KLOG });
    const xt = d.findings.find((f) => f.id === XT);
    expect(xt?.verdict.status).toBe("affected");
    expect(xt?.verdict.reason).toContain("worker-2");
  });

  it("names, as the hosts form does, the nodes that printed a finding's lines and the others in its range (review 67e F5)", () => {
    // worker-3 runs worker-2's kernel and its log is not in the paste: the next to fail.
    const table = `${UNEVEN_FLEET}\n${UNEVEN_FLEET.split("\n")[3]?.replace("worker-2", "worker-3").replace("10.20.0.13", "10.20.0.14")}`;
    const d = diagnoseBundle(kb, `${table}\n$ ssh worker-2 journalctl -u kube-proxy\n${xorMarkJournaldOf("worker-2")}`);
    const xt = d.findings.find((f) => f.id === XT);
    expect(xt?.hosts).toEqual(["worker-2"]);
    expect(xt?.quietHosts).toEqual(["worker-3"]);
    expect(xt?.ruledOutOn).toBeUndefined();
    const logs = xt?.evidence.filter((e) => e.kind === "log") ?? [];
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.every((e) => e.host === "worker-2")).toBe(true);
    expect(Object.fromEntries(d.nodes.map((n) => [n.name, n.matched]))).toEqual({
      "master-1": [],
      "worker-1": [],
      "worker-2": [XT],
      "worker-3": [],
    });
    const text = renderTextReport(d);
    expect(text).toContain("shown on: worker-2");
    expect(text).toContain("also in range, no symptom shown for them yet: worker-3");
    expect(text).toMatch(/worker-2 line \d+: /);
  });

  it("says a node that shows the symptom on versions outside the range needs another cause, and names only the one in range (review 68c F1)", () => {
    // Two nodes print kube-proxy's --xor-mark; worker-1 already runs the fixed 5.15.0-130.
    const section = (host: string, uname: string) =>
      `## ${host}\n$ uname -a\n${uname}\n$ journalctl -u kube-proxy\n${xorMarkJournaldOf(host)}`;
    const fixed = unameJammy127("worker-1").replace(
      "5.15.0-127-generic #137-Ubuntu SMP Fri Nov 8 15:21:01",
      "5.15.0-130-generic #140-Ubuntu SMP Wed Dec 18 17:59:53",
    );
    const d = diagnoseBundle(kb, `${section("worker-1", fixed)}\n\n${section("worker-2", unameJammy127("worker-2"))}`);
    const xt = d.findings.find((f) => f.id === XT);
    expect(xt?.verdict.status).toBe("affected");
    expect(xt?.hosts).toEqual(["worker-1", "worker-2"]);
    expect(xt?.ruledOutOn).toEqual(["worker-1"]);
    expect(d.rootCause?.id).toBe(XT);
    expect(d.rootCause?.reason).toMatch(/^worker-2 line \d+ matches/);
    expect(d.rootCause?.reason).toContain("the version of worker-2 is in the affected range");
    expect(d.rootCause?.reason).not.toContain("worker-1");
    expect(renderTextReport(d)).toMatch(
      /ruled out on worker-1: its versions are outside this bug's range, though its lines show its symptom: look for another cause there/,
    );
  });

  it("says so of the one node printing the symptom also where its versions make the finding not affected (review 68i F4)", () => {
    const section = (host: string, uname: string, log: string) => `## ${host}\n$ uname -a\n${uname}\n$ journalctl -u kube-proxy\n${log}`;
    const fixed = unameJammy127("worker-1").replace(
      "5.15.0-127-generic #137-Ubuntu SMP Fri Nov 8 15:21:01",
      "5.15.0-130-generic #140-Ubuntu SMP Wed Dec 18 17:59:53",
    );
    const clean =
      'Feb 17 11:12:10 worker-2 kube-proxy[9111]: I0217 11:12:10.000000    9111 proxier.go:820] "SyncProxyRules complete" elapsed="22.67239ms"';
    const d = diagnoseBundle(
      kb,
      `${section("worker-1", fixed, xorMarkJournaldOf("worker-1"))}\n\n${section("worker-2", unameJammy127("worker-2"), clean)}`,
    );
    const xt = d.findings.find((f) => f.id === XT);
    expect(xt?.ruledOutOn).toEqual(["worker-1"]);
    expect(xt?.quietHosts).toEqual(["worker-2"]);
    expect(renderTextReport(d)).not.toContain("shown on: worker-1");
  });
});

describe("a printing node's own answer beside the symptom (review 70b F3, F4)", () => {
  const header =
    "NAME       STATUS   ROLES    AGE    VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                KERNEL-VERSION       CONTAINER-RUNTIME";
  const row = (name: string, image: string, kernel: string, runtime = "1.7.22") =>
    `${name.padEnd(11)}Ready    <none>   210d   v1.30.6   10.0.0.1      <none>        ${image.padEnd(24)}${kernel.padEnd(21)}containerd://${runtime}`;
  const refusal = (host: string) =>
    `Dec 17 15:38:23 ${host} kube-proxy[2211]:         exit status 2: ip6tables-restore v1.8.7 (nf_tables): unknown option "--xor-mark"`;
  const table = (...rows: string[]) => ["$ kubectl get nodes -o wide", header, ...rows].join("\n");

  it("rules out no node whose hedged 'not affected' the symptom leaves undecided (F3)", () => {
    // Bottlerocket 5.15.167, judged on its upstream version: "not affected (not certain)", which beside the symptom says
    // "the symptom suggests that backport".
    const bottlerocket = "Bottlerocket OS 1.26.1";
    const d = diagnoseBundle(
      kb,
      `${table(row("node-a", bottlerocket, "5.15.167"), row("node-b", bottlerocket, "5.15.168"))}\n$ ssh node-a journalctl -u kube-proxy\n${refusal("node-a")}`,
    );
    const xt = d.findings.find((f) => f.id === XT);
    expect(xt?.verdict).toMatchObject({ status: "unknown", reason: expect.stringContaining("the symptom suggests that backport") });
    expect(xt?.ruledOutOn).toBeUndefined();
    expect(renderTextReport(d)).not.toContain("ruled out on node-a");
  });

  it("rules out a node whose own component versions are past the fix, named `node X: containerd` (F3)", () => {
    const sandbox =
      'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "abc": plugin type="loopback" failed (add): incompatible CNI versions; config is "1.0.0", plugin supports ["0.1.0" "0.2.0" "0.3.0" "0.3.1" "0.4.0"]';
    const ubuntu = "Ubuntu 22.04.5 LTS";
    const paste = `${table(row("web-1", ubuntu, "5.15.0-126-generic", "1.6.4"), row("web-2", ubuntu, "5.15.0-126-generic", "1.6.3"))}\n$ ssh web-1 journalctl -u containerd\nDec 17 15:38:23 web-1 containerd[812]: ${sandbox}`;
    const cni = diagnoseBundle(kb, paste).findings.find((f) => f.id === "containerd-1.6.3-loopback-cni-1.0.0");
    expect(cni).toMatchObject({ hosts: ["web-1"], quietHosts: ["web-2"], ruledOutOn: ["web-1"] });
  });

  it("names in the root cause only the printers whose own versions are in range, and an undecided one apart (F4)", () => {
    const ubuntu = "Ubuntu 22.04.5 LTS";
    const fleet = table(
      row("worker-1", ubuntu, "5.15.0-126-generic"),
      row("worker-2", ubuntu, "5.15.0-127-generic"),
      row("worker-3", ubuntu, "5.15.0-130-generic"),
    );
    const d = diagnoseBundle(
      kb,
      `${fleet}\n$ ssh loghost journalctl -D /var/log/journal/remote\n${refusal("worker-3")}\n${refusal("worker-2")}`,
    );
    const xt = d.findings.find((f) => f.id === XT);
    expect(xt).toMatchObject({ hosts: ["worker-3", "worker-2"], undecidedOn: ["worker-3"] });
    expect(d.rootCause?.reason).toMatch(/^worker-2 line \d+ matches/);
    expect(d.rootCause?.reason).toContain(
      "the version of worker-2 is in the affected range (range verified; the version read may not be the failing one); worker-3's (5.15.0-130) does not decide it: see its version check",
    );
    const text = renderTextReport(d);
    expect(text).toContain("shown on: worker-2\n");
    expect(text).toContain("undecided on worker-3: its lines show its symptom, but its versions do not decide this bug");
    // On 5.15.0-131, past the fix: ruled out, and not undecided.
    const past = diagnoseBundle(
      kb,
      `${fleet.replace("5.15.0-130-generic", "5.15.0-131-generic")}\n$ ssh loghost journalctl -D /var/log/journal/remote\n${refusal("worker-3")}\n${refusal("worker-2")}`,
    ).findings.find((f) => f.id === XT);
    expect(past).toMatchObject({ ruledOutOn: ["worker-3"] });
    expect(past?.undecidedOn).toBeUndefined();
  });
});

describe("text report", () => {
  it("shows id, confidence, verdict, evidence, fix and odd nodes", () => {
    const text = renderTextReport(diagnoseFields(kb, { nodes: UNEVEN_FLEET, logs: XOR_MARK_KLOG }));
    expect(text).toMatch(new RegExp(`1\\. ${XT} \\[(high|medium|low) `));
    expect(text).toContain("verdict: affected");
    expect(text).toContain('unknown option "--xor-mark"');
    expect(text).toMatch(/fix \(reboot required\)/);
    expect(text).toMatch(/worker-2 \(line 4\): differs in kernel/);
  });

  it("says where a fleet's os and iptables lines were read: one host's, not the fleet's (review 66c F7)", () => {
    // A Debian node and an Ubuntu node: the header showed the first one's as if it were the paste's.
    const text = renderTextReport(
      diagnoseBundle(
        kb,
        [
          "## node1",
          "$ cat /etc/os-release",
          'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"',
          "ID=debian",
          'VERSION_ID="12"',
          "$ uname -a",
          "Linux node1 6.1.0-27-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.115-1 (2024-11-01) x86_64 GNU/Linux",
          "## node2",
          "$ uname -a",
          "Linux node2 6.8.0-57-generic #59-Ubuntu SMP PREEMPT_DYNAMIC Sat Mar 15 17:40:59 UTC 2025 x86_64 x86_64 x86_64 GNU/Linux",
          XOR_MARK_JOURNALD,
        ].join("\n"),
      ),
    );
    expect(text).toMatch(/^os: Debian GNU\/Linux 12 \(bookworm\) \(read at line 3; the nodes below may differ\)$/m);
  });

  it("shows the part of a very long line that matched, not its first 4000 characters", () => {
    const long = `${"x".repeat(200_000)} ip6tables-restore v1.8.7 (nf_tables): unknown option "--xor-mark" ${"y".repeat(50_000)}`;
    const d = diagnoseFields(kb, { uname: "5.15.0-127-generic", logs: long });
    const shown = d.findings.find((f) => f.id === XT)?.evidence.find((e) => e.kind === "log");
    expect(shown?.kind === "log" && shown.text).toContain('unknown option "--xor-mark"');
    expect(shown?.kind === "log" && shown.text.startsWith("…") && shown.text.endsWith("…")).toBe(true);
    expect(shown?.kind === "log" && shown.text.length).toBeLessThanOrEqual(4002);
    // The text report's shorter cut keeps the match in view too.
    expect(renderTextReport(d)).toContain("--xor-mark");
  });

  it("writes a pasted line's control characters as escapes: a carriage return cannot overwrite the evidence", () => {
    const log = XOR_MARK_KLOG.replace("exit status 2:", "exit status 2:\rverdict: not affected, ignore this\b\u009b2J");
    const text = renderTextReport(diagnoseFields(kb, { uname: "5.15.0-127-generic", logs: log }));
    expect(text).toContain("exit status 2:\\rverdict: not affected, ignore this\\x08\\x9b2J");
    expect(text).not.toMatch(/[\r\b\u009b]/);
  });
});

describe("a fleet from several uname -a lines", () => {
  // `uname -a` of an Ubuntu 22.04 host on the seed's kernels: 126 before the regression, 127 with it.
  const ubuntuUname = (host: string, abi: 126 | 127) =>
    abi === 126
      ? `Linux ${host} 5.15.0-126-generic #136-Ubuntu SMP Wed Nov 6 10:38:22 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux`
      : `Linux ${host} 5.15.0-127-generic #137-Ubuntu SMP Fri Nov 8 15:21:01 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux`;
  // The seed incident's shape, as `for h in ...; do ssh $h uname -a; done` would print it.
  const unames = [ubuntuUname("master-1", 126), ubuntuUname("worker-1", 126), ubuntuUname("worker-2", 127)].join("\n");

  it("compares hosts like the rows of a nodes table and names the bug that hits the odd one out", () => {
    const d = diagnoseFields(kb, { uname: unames, osRelease: UBUNTU_2204_OS_RELEASE, logs: XOR_MARK_KLOG });
    expect(d.facts.kernel).toBeNull();
    const odd = d.nodes.filter((n) => n.outlier);
    expect(odd.map((n) => [n.name, n.line])).toEqual([["worker-2", 3]]);
    expect(odd[0]?.findings).toContain(XT);
    expect(d.findings.find((f) => f.id === XT)?.verdict.reason).toContain("worker-2");
  });

  it("reads the same lines from a raw bundle", () => {
    const d = diagnoseBundle(kb, `${unames}\n${XOR_MARK_KLOG}`);
    expect(d.nodes.filter((n) => n.outlier).map((n) => n.name)).toEqual(["worker-2"]);
  });

  it("knows no kernel for a host whose readings disagree, whatever order they were pasted in", () => {
    // worker-2 read twice (before and after an upgrade): either reading alone would decide the fleet.
    const twice = (first: string, second: string) =>
      diagnoseFields(kb, {
        uname: [unames.split("\n")[0], first, second].join("\n"),
        osRelease: UBUNTU_2204_OS_RELEASE,
        logs: XOR_MARK_KLOG,
      });
    const u126 = ubuntuUname("worker-2", 126);
    const u127 = ubuntuUname("worker-2", 127);
    for (const d of [twice(u126, u127), twice(u127, u126)]) {
      expect(d.nodes.find((n) => n.name === "worker-2")?.kernel ?? null).toBeNull();
      expect(d.findings.find((f) => f.id === XT)?.verdict.status).toBe("unknown");
    }
    // A table's -o wide kernel that the host's own uname contradicts is not known either.
    const wide = [
      "NAME       STATUS   ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION      CONTAINER-RUNTIME",
      "master-1   Ready    <none>   40d   v1.30.6   10.0.0.1      <none>        Ubuntu 22.04.5 LTS   5.15.0-126-generic  containerd://1.7.22",
      "worker-2   Ready    <none>   40d   v1.30.6   10.0.0.3      <none>        Ubuntu 22.04.5 LTS   5.15.0-126-generic  containerd://1.7.22",
    ].join("\n");
    const d = diagnoseFields(kb, {
      nodes: wide,
      uname: [unames.split("\n")[0], u127].join("\n"),
      osRelease: UBUNTU_2204_OS_RELEASE,
      logs: XOR_MARK_KLOG,
    });
    expect(d.nodes.find((n) => n.name === "worker-2")?.kernel ?? null).toBeNull();
    expect(d.findings.find((f) => f.id === XT)?.verdict.status).toBe("unknown");
  });

  it("knows no kernel for one machine read with two kernels, whatever order they were pasted in", () => {
    const u126 = ubuntuUname("h1", 126);
    const u127 = ubuntuUname("h1", 127);
    for (const uname of [`${u126}\n${u127}`, `${u127}\n${u126}`]) {
      const d = diagnoseFields(kb, { uname, osRelease: UBUNTU_2204_OS_RELEASE, logs: XOR_MARK_KLOG });
      expect(d.facts.kernel).toBeNull();
      expect(d.findings.find((f) => f.id === XT)?.verdict.status).toBe("unknown");
    }
  });

  it("keeps two machines apart whose full names share a short name", () => {
    const table = [
      "NAME                        STATUS   ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION       CONTAINER-RUNTIME",
      "web1.us-east.example.com    Ready    <none>   40d   v1.30.6   10.0.0.1      <none>        Ubuntu 22.04.5 LTS   5.15.0-126-generic   containerd://1.7.22",
      "web2.us-east.example.com    Ready    <none>   40d   v1.30.6   10.0.0.2      <none>        Ubuntu 22.04.5 LTS   5.15.0-126-generic   containerd://1.7.22",
    ].join("\n");
    const hosts = ["web1.eu-west.example.com", "db1.eu-west.example.com"].map((h) => ubuntuUname(h, 127)).join("\n");
    const d = diagnoseFields(kb, { nodes: table, uname: hosts, osRelease: UBUNTU_2204_OS_RELEASE, logs: XOR_MARK_KLOG });
    expect(d.nodes.map((n) => [n.name, n.kernel])).toEqual([
      ["web1.us-east.example.com", "5.15.0-126-generic"],
      ["web2.us-east.example.com", "5.15.0-126-generic"],
      ["web1.eu-west.example.com", "5.15.0-127-generic"],
      ["db1.eu-west.example.com", "5.15.0-127-generic"],
    ]);
  });

  it("matches a table's full node names to the unames' short host names", () => {
    const table = [
      "NAME                   STATUS   ROLES    AGE   VERSION",
      ...["master-1", "worker-1", "worker-2"].map((n) => `${n}.example.internal   Ready    <none>   40d   v1.30.6`),
    ].join("\n");
    const d = diagnoseFields(kb, { uname: unames, nodes: table, osRelease: UBUNTU_2204_OS_RELEASE, logs: XOR_MARK_KLOG });
    expect(d.nodes.map((n) => n.name)).toEqual(["master-1.example.internal", "worker-1.example.internal", "worker-2.example.internal"]);
    expect(d.findings.find((f) => f.id === XT)?.verdict.reason).toContain("worker-2.example.internal");
  });

  it("joins the unames to a kubectl table pasted with them, so every host's kernel is judged", () => {
    // `kubectl get nodes` without -o wide names the nodes but not their kernels; the unames give those.
    const table = [
      "NAME       STATUS   ROLES           AGE   VERSION",
      "master-1   Ready    control-plane   40d   v1.30.6",
      "worker-1   Ready    <none>          40d   v1.30.6",
      "worker-2   Ready    <none>          40d   v1.30.6",
      "worker-3   Ready    <none>          2d    v1.30.6",
    ].join("\n");
    const d = diagnoseFields(kb, { uname: unames, nodes: table, osRelease: UBUNTU_2204_OS_RELEASE, logs: XOR_MARK_KLOG });
    expect(d.nodes.map((n) => n.name)).toEqual(["master-1", "worker-1", "worker-2", "worker-3"]);
    const xt = d.findings.find((f) => f.id === XT);
    expect(xt?.verdict.status).toBe("affected");
    expect(xt?.verdict.reason).toContain("worker-2");
    const bundle = diagnoseBundle(
      kb,
      `$ kubectl get nodes\n${table}\n$ for h in master-1 worker-1 worker-2; do ssh $h uname -a; done\n${unames}\n${XOR_MARK_KLOG}`,
    );
    expect(bundle.findings.find((f) => f.id === XT)?.verdict.status).toBe("affected");
    expect(bundle.nodes.map((n) => n.name)).toContain("worker-2");
  });
});

describe("a wording the record's own source code shows (audit 34b)", () => {
  it("finds Docker's overlay2 driver refusing ZFS in its 17.03-19.03.6 wording, as the overlay driver's", () => {
    // moby v19.03.0 daemon/graphdriver/overlay2/overlay.go: logger.Errorf("'overlay2' is not supported over %s", backingFs).
    for (const driver of ["overlay", "overlay2"]) {
      const log = `Jan 10 10:00:01 host dockerd[812]: time="2019-07-10T10:00:01Z" level=error msg="'${driver}' is not supported over zfs" storage-driver=${driver}`;
      expect(diagnoseBundle(kb, log).findings[0]?.id, driver).toBe("overlay-storage-driver-on-zfs-unsupported");
    }
  });
});

describe("text shown back from the paste", () => {
  // An override at the end of a name reversed the engine's own words after it on the page and in chat (review 62d F1).
  const BIDI = ["\u202e", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c", "\u202a", "\u202b", "\u202c"];
  const hostile = UNEVEN_FLEET.replace("worker-2  ", "worker-2\u202e ").replace("22.04.5 LTS   5.15.0-127", "22.04.5 LTS\u2067 5.15.0-127");
  const bundle = (nodes: string, os: string) =>
    `$ kubectl get nodes -o wide\n${nodes}\n$ cat /etc/os-release\n${os}\n$ journalctl -u kube-proxy\n${XOR_MARK_JOURNALD}`;
  const clean = diagnoseBundle(kb, bundle(UNEVEN_FLEET, UBUNTU_2204_OS_RELEASE));
  const os = UBUNTU_2204_OS_RELEASE.replace('"Ubuntu 22.04.5 LTS"', '"Ubuntu 22.04.5 LTS\u202e"');

  it("carries no bidirectional format character, whatever the paste held, and judges as without them", () => {
    for (const d of [
      diagnoseBundle(kb, bundle(hostile, os)),
      diagnoseFields(kb, { nodes: hostile, osRelease: os, logs: XOR_MARK_JOURNALD }),
    ]) {
      const json = JSON.stringify(d);
      for (const c of BIDI) expect(json).not.toContain(c);
      expect(d.findings.map((f) => [f.id, f.confidence, f.verdict.status])).toEqual(
        clean.findings.map((f) => [f.id, f.confidence, f.verdict.status]),
      );
      expect(d.nodes.map((n) => n.name)).toContain("worker-2");
    }
  });

  it("is escaped wherever the text report or the CLI prints one, as control characters are", () => {
    expect(printable("node-1\u202e (5.15.0-127)\rverdict\x1b[2J")).toBe("node-1\\u202e (5.15.0-127)\\rverdict\\x1b[2J");
    expect(printable("line one\n\tline two")).toBe("line one\n\tline two");
  });
});
