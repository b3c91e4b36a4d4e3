import { describe, expect, it } from "vitest";
import { diagnoseBundle } from "../../src/engine/diagnose";
import { renderTextReport } from "../../src/engine/report-text";
import { loadDataKb } from "../support/data-kb";

const kb = (await loadDataKb()).compiled;
const TUN = "runc-1.2.0-tun-tap-removed-from-default-devices";

/**
 * binhex/arch-delugevpn#393 (review 72a F1): OpenVPN's EPERM on /dev/net/tun from a container whose Docker host is a
 * privileged LXC on Proxmox, the setup the runc 1.2.0 record's own sources (gluetun#2243) trace to the LXC's device rule.
 */
const EPERM = [
  "2024-03-10 13:46:25,257 DEBG 'start-script' stdout output:",
  "2024-03-10 13:46:25 ERROR: Cannot open TUN/TAP dev /dev/net/tun: Operation not permitted (errno=1)",
  "2024-03-10 13:46:25 Exiting due to fatal error",
];
const IN_LXC = [
  "Ok i tried running it through a privileged lxc in proxmox and now i got this.. try everything i've seen online. can't get it work",
  "",
  ...EPERM,
];

describe("a setup the record's symptom was not confirmed in lowers its finding one step", () => {
  it("an LXC guest's EPERM on /dev/net/tun is a lead (low) for the runc regression, and the answer says why", () => {
    const d = diagnoseBundle(kb, IN_LXC.join("\n"));
    const finding = d.findings.find((f) => f.id === TUN);
    expect(finding?.confidence).toBe("low");
    expect((finding?.unverified ?? []).join(" ")).toMatch(/the paste shows an LXC container \(Proxmox\).*\(line 1\).*one step lower/);
    expect(renderTextReport(d)).toContain("lxc.cgroup2.devices.allow");
  });

  it("a denied setup is none: 'bare metal, no LXC' keeps the level (review 73i F6)", () => {
    for (const denial of ["Host OS: Ubuntu 24.04 (bare metal, no LXC or VM)", "This is not in an LXC container", "running without LXC"]) {
      const finding = diagnoseBundle(kb, [denial, "", ...EPERM].join("\n")).findings.find((f) => f.id === TUN);
      expect(finding?.confidence, denial).toBe("medium");
    }
  });

  it("the same lines with nothing of LXC keep their level", () => {
    const finding = diagnoseBundle(kb, EPERM.join("\n")).findings.find((f) => f.id === TUN);
    expect(finding?.confidence).toBe("medium");
    expect((finding?.unverified ?? []).join(" ")).not.toMatch(/the paste shows an LXC/);
  });
});
