import { beforeAll, describe, expect, it } from "vitest";
import type { CompiledKb } from "../../src/engine/compile-kb";
import { diagnoseBundle } from "../../src/engine/diagnose";
import { extractFacts } from "../../src/engine/facts";
import { renderTextReport } from "../../src/engine/report-text";
import { loadDataKb } from "../support/data-kb";

// Kernel strings a paste gives that the engine did not use (review 72c): a release named beside an Ubuntu kernel two
// releases build (F2, F5). Real knowledge base.
const FALCO = "falco-modern-ebpf-tailcall-sys-exit-einval-6.12-6.6.57";
/** Falco's modern probe rejected (falco#3443, the record's own example). */
const FALCO_SYS_EXIT = "libbpf: prog 'sys_exit': failed to load: -22";

let kb: CompiledKb;
beforeAll(async () => {
  kb = (await loadDataKb()).compiled;
});
const finding = (paste: string, id: string) => diagnoseBundle(kb, paste).findings.find((f) => f.id === id);

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
