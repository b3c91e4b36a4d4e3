import { describe, expect, it } from "vitest";
import { diagnoseBundle } from "../../src/engine/diagnose";
import { loadDataKb } from "../support/data-kb";

const kb = (await loadDataKb()).compiled;

describe("the step that would decide a distribution kernel judged on its upstream version (review 70d F6)", () => {
  it("points at that distribution's kernel changelog, not at uname again", () => {
    // A Fedora build of an in-range upstream release: uname says no more; whether Fedora's build carries the fix does.
    const paste = [
      "$ sudo mount -t nfs -o vers=4.1 10.0.0.5:/export /mnt",
      "mount.nfs: Protocol not supported",
      "Linux k8s-w1 6.5.6-300.fc39.x86_64 #1 SMP PREEMPT_DYNAMIC Fri Oct  6 19:57:21 UTC 2023 x86_64 GNU/Linux",
    ].join("\n");
    const f = diagnoseBundle(kb, paste).findings.find((x) => x.id === "nfs41-exchgid-pnfs-ds-protocol-not-supported-2023");
    expect(f?.verdict.decideWith).toEqual({
      command: "rpm -q --changelog kernel-$(uname -r)",
      step: "whether fedora's build carries the fix is what is missing: run `rpm -q --changelog kernel-$(uname -r)` on that host and look for it",
    });
  });
});
