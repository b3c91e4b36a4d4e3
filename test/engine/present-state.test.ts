import { describe, expect, it } from "vitest";
import { diagnoseBundle } from "../../src/engine/diagnose";
import { renderTextReport } from "../../src/engine/report-text";
import { summarizeDiagnosis } from "../../src/engine/summary";
import { loadDataKb } from "../support/data-kb";
import {
  CONTAINERD_NOT_UPGRADED,
  CONTAINERD_UPGRADE_TOLD,
  CONTAINERD_UPGRADED_TO_FIX,
  CRUN_UPGRADED_PAST_FIX,
  KERNEL_REBOOTED_INTO_FIX,
  KERNEL_REBOOTED_STILL_AFFECTED,
  RPI_KERNEL_REBOOTED_INTO_FIX,
} from "../support/upgrade-scenarios";

const kb = (await loadDataKb()).compiled;
const top = (text: string) => {
  const d = diagnoseBundle(kb, text);
  return { d, f: d.findings[0] };
};

describe("after the upgrade, the answer says what the host runs now (review 69c F4)", () => {
  it("a reboot into the fixed kernel: the verdict stays the failing kernel's, `now` names the running one, the upgrade step is marked done", () => {
    const { d, f } = top(KERNEL_REBOOTED_INTO_FIX);
    expect(f?.id).toBe("xt-mark-ipv6-typo-2024");
    // The failure-time judgement the 56b rule protects.
    expect(f?.verdict).toMatchObject({ status: "affected", level: "verified" });
    expect(f?.verdict.now).toEqual({
      component: "kernel",
      version: "5.15.0-130-generic",
      line: 12,
      status: "not-affected",
      fixed: true,
      reason:
        "the host now runs 5.15.0-130-generic (ubuntu:22.04 linux 5.15.0-130.140, read on line 12, after the reboot), the first fixed build",
      fixStep: 2,
    });
    // The JSON's kernel is the running one, the failure's beside it.
    expect(d.facts.kernel?.release).toBe("5.15.0-130-generic");
    expect(d.facts.failureKernel?.release).toBe("5.15.0-127-generic");
    expect(d.facts.failureKernel?.line).toBe(3);
    const text = renderTextReport(d);
    expect(text).toContain("kernel: 5.15.0-130-generic");
    expect(text).toContain("running now, after a reboot; the failure's own boot ran 5.15.0-127-generic (line 3)");
    expect(text).toContain("Since the failure: the host now runs 5.15.0-130-generic");
    expect(text).toContain("2. (The paste shows this done: the host now runs 5.15.0-130-generic.) Upgrade the kernel to a fixed build");
    const s = summarizeDiagnosis(d).findings[0];
    expect(s?.present).toEqual([
      expect.stringMatching(/^Since the failure: the host now runs 5\.15\.0-130-generic .*the first fixed build\.$/),
    ]);
    expect(s?.fixSteps.some((step) => step.startsWith("2. (The paste shows this done:"))).toBe(true);
    // The step after the one done is shown too: it is what is left to do.
    expect(s?.fixSteps.some((step) => step.startsWith("3. "))).toBe(true);
  });

  it("a reboot into a build still in range says so, and marks no step done", () => {
    const { f } = top(KERNEL_REBOOTED_STILL_AFFECTED);
    expect(f?.verdict.status).toBe("affected");
    expect(f?.verdict.now).toMatchObject({ version: "5.15.0-128-generic", status: "affected", fixed: false });
    expect(f?.verdict.now?.reason).toMatch(/still in the affected range/);
    expect(f?.verdict.now?.fixStep).toBeUndefined();
  });

  it("a distribution kernel judged on its upstream release: fixed, not certain", () => {
    const { d, f } = top(RPI_KERNEL_REBOOTED_INTO_FIX);
    expect(f?.verdict.status).toBe("affected");
    expect(f?.verdict.now).toMatchObject({ version: "6.1.0-rpi7-rpi-v8", status: "not-affected", fixed: true, certain: false, fixStep: 2 });
    expect(f?.verdict.now?.reason).toMatch(
      /^the host now runs 6\.1\.0-rpi7-rpi-v8 \(upstream 6\.1\.63, read on line 11, after the reboot\), at or after the fix 6\.1\.55; not certain/,
    );
    expect(d.facts.kernel?.release).toBe("6.1.0-rpi7-rpi-v8");
    expect(d.facts.failureKernel?.release).toBe("6.1.0-rpi4-rpi-v8");
  });

  it("a component upgraded and read again: the version read after the change, and the upgrade step marked done", () => {
    const { d, f } = top(CONTAINERD_UPGRADED_TO_FIX);
    expect(f?.verdict.status).toBe("affected");
    expect(f?.verdict.now).toEqual({
      component: "containerd",
      version: "1.6.4",
      status: "not-affected",
      fixed: true,
      reason: "the host now runs containerd 1.6.4 (read after the paste changes it), the first fixed version",
      fixStep: 2,
    });
    const text = renderTextReport(d);
    expect(text).toContain("Since the failure: the host now runs containerd 1.6.4");
    expect(text).toContain("2. (The paste shows this done: the host now runs containerd 1.6.4.) Upgrade containerd to 1.6.4 or later");
    // The failing version was the host's own `containerd --version` before the upgrade: no version the report names.
    expect(f?.verdict.reason).not.toMatch(/not read from the host/);
    expect(f?.verdict.reason).toMatch(/ — read from the host, but the version before the paste upgrades it/);
    const crun = top(CRUN_UPGRADED_PAST_FIX).f;
    expect(crun?.verdict.reason).toMatch(/ — read from the host, but the version before the paste upgrades it/);
    expect(crun?.verdict.status).toBe("affected");
    expect(crun?.verdict.now).toMatchObject({ component: "crun", version: "1.18.2", fixed: true, fixStep: 2 });
    expect(crun?.verdict.now?.reason).toBe("the host now runs crun 1.18.2 (read after the paste changes it), at or after the fix 1.18.1");
  });

  it("says nothing of the present where the paste changed nothing, or only a sentence names the new version", () => {
    for (const text of [CONTAINERD_NOT_UPGRADED, CONTAINERD_UPGRADE_TOLD]) {
      const { d, f } = top(text);
      expect(f?.id).toBe("containerd-1.6.3-loopback-cni-1.0.0");
      expect(f?.verdict.now).toBeUndefined();
      expect(renderTextReport(d)).not.toMatch(/Since the failure|The paste shows this done/);
      expect(d.facts.failureKernel).toBeUndefined();
    }
  });
});
