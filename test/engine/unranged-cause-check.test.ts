import { describe, expect, it } from "vitest";
import { diagnoseBundle } from "../../src/engine/diagnose";
import type { Diagnosis, Finding } from "../../src/engine/diagnosis";
import { loadDataKb } from "../support/data-kb";

const kb = (await loadDataKb()).compiled;
const findingOf = (d: Diagnosis, id: string): Finding | undefined => [...d.findings, ...d.advisories].find((f) => f.id === id);

/**
 * A kernel past a requirement, beside the bug's own symptom, is left undecided by a cause no range covers (a kernel built
 * without the option): the check that decides is that option's, as the record's cited source runs it, not `uname` again.
 */
const RUNC = "runc-cgroupv2-old-kernel-bpf-device";
// frank-w/BPI-Router-Linux#124's error on the BPI-R4 (its kernel branches 6.9/6.10, built without CONFIG_CGROUP_BPF).
const BPI_R4 = [
  "Linux bpi-r4 6.10.0 #1 SMP Tue Jul 30 10:00:00 UTC 2024 aarch64 GNU/Linux",
  "docker: Error response from daemon: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: error setting cgroup config for procHooks process: bpf_prog_query(BPF_CGROUP_DEVICE) failed: invalid argument: unknown.",
].join("\n");
const ANTREA = "antrea-ovs-flows-rejected-kernel-conntrack-features";
// antrea#1652's agent line, on a kernel past the 4.6 AntreaProxy needs.
const ANTREA_LOG = [
  "Linux node-1 5.4.0-42-generic #46-Ubuntu SMP Fri Jul 10 00:24:02 UTC 2020 x86_64 x86_64 x86_64 GNU/Linux",
  "Received Vendor error: NXBAC_CT_DATAPATH_SUPPORT on ONFT_BUNDLE_ADD_MESSAGE message",
].join("\n");

describe("the step that decides an unranged cause names the cause's check", () => {
  it.each([
    [RUNC, BPI_R4, "zgrep CONFIG_CGROUP_BPF /proc/config.gz"],
    [ANTREA, ANTREA_LOG, "grep CONFIG_NF_CONNTRACK_ZONES= /boot/config-$(uname -r)"],
  ])("%s: the kernel meets the range, so the config check decides", (id, paste, command) => {
    const verdict = findingOf(diagnoseBundle(kb, paste), id)?.verdict;
    expect(verdict?.status).toBe("unknown");
    expect(verdict?.decideWith?.command).toBe(command);
    expect(verdict?.decideWith?.step).not.toMatch(/uname -r`/);
  });

  it("reads the check's output: an option not set shows the cause, set rules it out", () => {
    const unset = findingOf(
      diagnoseBundle(kb, `$ zgrep CONFIG_CGROUP_BPF /proc/config.gz\n# CONFIG_CGROUP_BPF is not set\n${BPI_R4}`),
      RUNC,
    );
    expect(unset?.verdict).toMatchObject({ status: "affected", level: "reported" });
    expect(unset?.verdict.reason).toContain("# CONFIG_CGROUP_BPF is not set");
    const set = findingOf(diagnoseBundle(kb, `$ zgrep CONFIG_CGROUP_BPF /proc/config.gz\nCONFIG_CGROUP_BPF=y\n${BPI_R4}`), RUNC);
    expect(set?.verdict.status).toBe("not-affected");
    expect(set?.verdict.decideWith).toBeUndefined();
  });

  it("reads Antrea's own check: CONFIG_NF_CONNTRACK_ZONES=y rules the kernel config out", () => {
    const paste = `$ grep CONFIG_NF_CONNTRACK_ZONES= /boot/config-$(uname -r)\nCONFIG_NF_CONNTRACK_ZONES=y\n${ANTREA_LOG}`;
    expect(findingOf(diagnoseBundle(kb, paste), ANTREA)?.verdict.status).toBe("not-affected");
  });

  it("a sentence naming the option is no setting", () => {
    const said = findingOf(diagnoseBundle(kb, `I think # CONFIG_CGROUP_BPF is not set on this board\n${BPI_R4}`), RUNC);
    expect(said?.verdict.status).toBe("unknown");
  });
});
