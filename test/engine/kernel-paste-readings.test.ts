import { readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { type CompiledKb, compileKnowledgeBase } from "../../src/engine/compile-kb";
import { diagnoseBundle } from "../../src/engine/diagnose";
import type { VersionEvidence } from "../../src/engine/diagnosis";
import { extractFacts } from "../../src/engine/facts";
import { renderTextReport } from "../../src/engine/report-text";
import { parseRecordFile } from "../../src/kb/parse-record";
import { loadDataKb } from "../support/data-kb";

// Kernel strings a paste gives that the engine did not use (review 72c F2, F3, F4, F5): a release named beside an Ubuntu
// kernel two releases build, a kernel image package's name, and a backport rebuild of a fixed build. Real knowledge base.
const XT = "xt-mark-ipv6-typo-2024";
const FALCO = "falco-modern-ebpf-tailcall-sys-exit-einval-6.12-6.6.57";
/** Cilium PR 36859's log (https://github.com/cilium/cilium/pull/36859), as its description quotes it. */
const CILIUM_IP6TABLES = [
  `msg="Failed to install iptables rules" error="cannot install static proxy rules: unable to run 'ip6tables -t mangle -A CILIUM_PRE_mangle -m socket --transparent -m mark ! --mark 0x00000e00/0x00000f00 -m mark ! --mark 0x00000800/0x00000f00 -m comment --comment cilium: any->pod redirect proxied traffic to host proxy -j MARK --set-mark 0x00000200' iptables command: exit status 1 stderr=\\"Warning: Extension MARK revision 0 not supported, missing kernel module?\\\\nip6tables: No chain/target/match by that name.\\\\n\\"" subsys=iptables`,
].join("\n");
/** Falco's modern probe rejected (falco#3443, the record's own example). */
const FALCO_SYS_EXIT = "libbpf: prog 'sys_exit': failed to load: -22";

let kb: CompiledKb;
beforeAll(async () => {
  kb = (await loadDataKb()).compiled;
});
const finding = (paste: string, id: string) => diagnoseBundle(kb, paste).findings.find((f) => f.id === id);
const versionCheck = (paste: string, id: string) => finding(paste, id)?.evidence.find((e): e is VersionEvidence => e.kind === "version");

describe("a release the paste names picks the package of an Ubuntu kernel two releases build (review 72c F2)", () => {
  // The Kubernetes issue template's environment lines, as kubernetes-sigs/kueue#3794 fills them
  // (https://github.com/kubernetes-sigs/kueue/issues/3794): 6.8 is 24.04's own kernel and 22.04's HWE one.
  const KUEUE = ["- OS (e.g: `cat /etc/os-release`): Ubuntu 22.04.5 LTS", "- Kernel (e.g. `uname -a`): Linux 6.8.0-49-generic"];

  it("takes an issue template's OS field and a sentence's release as the kernel's, and says it was named", () => {
    const kueue = extractFacts(KUEUE.join("\n")).kernel;
    expect(kueue?.package).toMatchObject({ ecosystem: "ubuntu:22.04", names: ["linux-hwe-6.8"], releaseNamed: "ubuntu:22.04" });
    expect(kueue?.package).not.toHaveProperty("alternatives");
    // vmware-tanzu/community-edition#891 (https://github.com/vmware-tanzu/community-edition/issues/891), its first line.
    const tanzu = extractFacts("Hit this issue on Ubuntu 21.04, kernel version 5.11.0-22-generic.").kernel;
    expect(tanzu?.package).toMatchObject({ ecosystem: "ubuntu:21.04", names: ["linux"], releaseNamed: "ubuntu:21.04" });
    // A release no candidate is (5.11 was never 22.04's) decides nothing; nor do two releases.
    expect(extractFacts("On Ubuntu 22.04, kernel version 5.11.0-22-generic.").kernel?.package?.alternatives).toHaveLength(1);
    expect(extractFacts("From Ubuntu 22.04 to Ubuntu 24.04: kernel 6.8.0-49-generic.").kernel?.package?.alternatives).toHaveLength(1);
  });

  it("judges the named release's package, hedged, where the candidates disagree; unknown without it", () => {
    // The same template's lines with the release 6.8.0-56-generic that jamesmcm/vopono#297's Ubuntu 24.04 host printed
    // (https://github.com/jamesmcm/vopono/issues/297: "Linux cloudron 6.8.0-56-generic #58-Ubuntu …"), its build left out
    // as a template's answer often leaves it: 24.04's linux has the tail-call check from 6.8.0-56.58, 22.04's linux-hwe-6.8
    // from 6.8.0-57.59~22.04.1 (Canonical's OSV data for CVE-2024-50063, the record's sources).
    const template = (os: string) =>
      [`- OS (e.g: \`cat /etc/os-release\`): ${os}`, "- Kernel (e.g. `uname -a`): 6.8.0-56-generic", FALCO_SYS_EXIT].join("\n");
    const noble = finding(template("Ubuntu 24.04.2 LTS"), FALCO);
    expect(noble?.verdict).toMatchObject({ status: "affected", certain: false });
    expect(noble?.verdict.reason).toContain("as ubuntu:24.04 package linux");
    expect(noble?.verdict.reason).toContain("its release, ubuntu:24.04, is one the text names, not read from the host");
    // 22.04's build is before the check: "not affected" on a named release gives way to the bug's own line.
    const jammy = finding(template("Ubuntu 22.04.5 LTS"), FALCO);
    expect(jammy?.verdict.status).toBe("unknown");
    expect(jammy?.verdict.reason).toContain("as ubuntu:22.04 package linux-hwe-6.8");
    const unnamed = finding(["- Kernel (e.g. `uname -a`): 6.8.0-56-generic", FALCO_SYS_EXIT].join("\n"), FALCO);
    expect(unnamed?.verdict.reason).toContain("the release is not known and the candidates disagree");
  });

  it("heads the answer with the release its verdict uses: every candidate while none is known (review 72c F5)", () => {
    const text = (paste: string) => renderTextReport(diagnoseBundle(kb, paste)).split("\n")[1];
    expect(text(KUEUE.join("\n"))).toContain(
      "= ubuntu:22.04 package linux-hwe-6.8 6.8.0-49 (partial; its release named in the text, not read from the host)",
    );
    expect(text("- Kernel (e.g. `uname -a`): 6.8.0-56-generic")).toContain(
      "= ubuntu:24.04 package linux or ubuntu:22.04 package linux-hwe-6.8 6.8.0-56 (partial; the release is not known)",
    );
  });
});

describe("a kernel image package's name is the kernel it installs (review 72c F3)", () => {
  it("reads it where a sentence says the host runs or moved to it, hedged as a named kernel", () => {
    // The reviewer's rewording of cilium PR 36859's sentence, its kernel string as the PR names it.
    const paste = `We are on linux-image-5.15.0-127-generic.\n${CILIUM_IP6TABLES}`;
    expect(extractFacts(paste).kernel).toMatchObject({ release: "5.15.0-127-generic", named: true });
    expect(finding(paste, XT)?.verdict).toMatchObject({ status: "affected", certain: false });
    expect(finding(paste, XT)?.verdict.reason).toContain("a kernel the report names in a sentence");
    // Debian's unsigned image and dpkg's architecture qualifier name the same release.
    expect(extractFacts("after upgrading to linux-image-6.1.0-26-amd64-unsigned:amd64 it broke").kernel?.release).toBe("6.1.0-26-amd64");
  });

  it("reads no kernel from a cause's build, a bound, advice or a package tool's own lines", () => {
    for (const line of [
      // Cilium PR 36859 itself: the cause's build, as "caused by kernel …" is.
      "This seems to be the consequence of a regression backported by Canonical into linux-image-5.15.0-127-generic.",
      // erhhung/homelab-k8s's README (the holdout case's source): a bound.
      "This turns out to be a Linux kernel bug in `linux-image-6.8.0-56-generic` and above",
      "Workaround: downgrade to linux-image-5.15.0-126-generic",
      "Setting up linux-image-6.8.0-57-generic (6.8.0-57.59) ...",
      "Unpacking linux-image-6.8.0-57-generic (6.8.0-57.59) over (6.8.0-56.58) ...",
      "Install: linux-image-6.1.0-38-rt-armmp:armhf (6.1.147-1, automatic)",
      "Packages that will be upgraded: linux-image-5.15.0-127-generic linux-modules-5.15.0-127-generic",
      "dpkg: error processing package linux-image-5.15.0-127-generic (--configure):",
      "  linux-image-6.8.0-57-generic linux-modules-6.8.0-57-generic",
    ])
      expect(extractFacts(line).kernel, line).toBeNull();
  });

  it("reads a package listing's installed image rows as the kernels installed, where nothing else gives one", () => {
    // dpkg -l's rows as kernel-package-row.ts reads them beside a uname, for the build tailscale#14410 and cilium#36859 hit.
    const row = (state: string, abi: number, upload: number) =>
      `${state}  linux-image-5.15.0-${abi}-generic         5.15.0-${abi}.${upload}                          amd64        Signed kernel image generic`;
    const one = ["$ dpkg -l | grep linux-image", row("ii", 127, 137), row("rc", 125, 135), CILIUM_IP6TABLES].join("\n");
    expect(extractFacts(one).kernel).toMatchObject({
      release: "5.15.0-127-generic",
      named: true,
      package: { ecosystem: "ubuntu:22.04", names: ["linux"], version: "5.15.0-127.137" },
    });
    expect(finding(one, XT)?.verdict).toMatchObject({ status: "affected", level: "verified", certain: false });
    // Two installed: which one runs the listing does not say; 5.15.0-126 is before the cause, 5.15.0-127 not.
    const two = ["$ dpkg -l | grep linux-image", row("ii", 126, 136), row("ii", 127, 137), CILIUM_IP6TABLES].join("\n");
    const facts = extractFacts(two);
    expect(facts.kernel).toBeNull();
    expect(facts.kernelsGiven).toEqual(["5.15.0-126-generic", "5.15.0-127-generic"]);
    expect(finding(two, XT)?.verdict.status).toBe("unknown");
  });
});

describe("a backport rebuild is judged by the build it rebuilds, where its own ranges decide nothing (review 72c F4)", () => {
  // Ubuntu 20.04's linux-hwe-5.15 build 5.15.0-139.149~20.04.1 as public boot logs print it ("Linux version
  // 5.15.0-139-generic (buildd@lcy02-amd64-067) … #149~20.04.1-Ubuntu SMP Wed Apr 16 08:29:56 UTC 2025 (Ubuntu
  // 5.15.0-139.149~20.04.1-generic 5.15.178)"): a rebuild of 22.04's linux 5.15.0-139.149, past the fix the record verifies
  // there (5.15.0-130.140, Canonical's jammy changelog). Its own 20.04 entry ends at 5.15.0-127.137~20.04.1, a build known
  // broken, so alone it says nothing of later ones.
  const FOCAL_HWE = "Linux node-1 5.15.0-139-generic #149~20.04.1-Ubuntu SMP Wed Apr 16 08:29:56 UTC 2025 x86_64 x86_64 x86_64 GNU/Linux";
  const paste = (uname: string) => `NAME="Ubuntu"\nVERSION_ID="20.04"\n$ uname -a\n${uname}\n${CILIUM_IP6TABLES}`;

  it("carries the rebuilt build's verified fix, and says which build judged it", () => {
    expect(extractFacts(paste(FOCAL_HWE)).kernel?.package).toMatchObject({
      ecosystem: "ubuntu:20.04",
      names: ["linux-hwe-5.15"],
      version: "5.15.0-139.149~20.04.1",
      rebuildOf: { ecosystem: "ubuntu:22.04", names: ["linux"], version: "5.15.0-139.149" },
    });
    const f = finding(paste(FOCAL_HWE), XT);
    expect(f?.verdict).toMatchObject({ status: "not-affected", level: "verified" });
    expect(f?.verdict.reason).toContain(
      "judged by the build it rebuilds: 5.15.0-139.149~20.04.1 is ubuntu:22.04 linux 5.15.0-139.149 rebuilt for ubuntu:20.04",
    );
  });

  it("leaves the rebuild's own data standing: the first broken focal build stays affected", () => {
    // eval's focal HWE uname on the first broken build (tailscale#14410's 22.04 build rebuilt for 20.04).
    const first =
      "Linux ip-10-0-1-5 5.15.0-127-generic #137~20.04.1-Ubuntu SMP Fri Nov 15 14:46:54 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux";
    expect(versionCheck(paste(first), XT)).toMatchObject({ result: "affected", ecosystem: "ubuntu:20.04 linux-hwe-5.15" });
  });

  it("carries a fix at a primary source's level only, not one that rests on one report", async () => {
    const file = "data/bugs/xt-mark-ipv6-typo-2024.yaml";
    const text = await readFile(file, "utf8");
    const judged = (fixedEvidence: string) => {
      const doc = parseDocument(text);
      const ranges = (introduced: string, end: object) => [
        { introduced, ...end, evidence: "verified", source: "https://example.org/fixture" },
      ];
      doc.set("affected", [
        { ecosystem: "ubuntu:22.04", package: "linux", ranges: ranges("5.15.0-127.137", { fixed: "5.15.0-130.140", fixedEvidence }) },
        {
          ecosystem: "ubuntu:20.04",
          package: "linux-hwe-5.15",
          ranges: ranges("5.15.0-127.137~20.04.1", { lastAffected: "5.15.0-127.137~20.04.1", fixedEvidence: "reported" }),
        },
      ]);
      doc.set("commits", []);
      const parsed = parseRecordFile(file, doc.toString());
      if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join("; "));
      return diagnoseBundle(compileKnowledgeBase("test", [parsed.record]), paste(FOCAL_HWE)).findings.find((x) => x.id === XT)?.verdict;
    };
    expect(judged("verified")?.status).toBe("not-affected");
    const reported = judged("reported");
    expect(reported?.status).not.toBe("not-affected");
    expect(reported?.reason).not.toContain("judged by the build it rebuilds");
  });
});
