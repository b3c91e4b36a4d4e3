import { describe, expect, it } from "vitest";
import { diagnoseFields } from "../../src/engine/diagnose";
import { renderTextReport } from "../../src/engine/report-text";
import { loadDataKb } from "../support/data-kb";

// The veth record covers two causes of one line: a kernel package upgraded without a reboot, and a kernel built without
// the veth or bridge modules (moby#39188), which no reboot cures (review 73a F4).
const data = await loadDataKb();
const VETH = "docker-veth-eopnotsupp-after-kernel-upgrade";
// containers/podman#12246: podman 3.3.1 on a custom 5.10.75 kernel.
const PODMAN_12246 = [
  "# podman --version",
  "podman version 3.3.1",
  "",
  "# podman run -it --name mybusybox  docker.io/library/busybox",
  'Error: error configuring network namespace for container 670d4af03e7c805a9fd12b14cde25e473b89302710e316e7501ac150de4c4726: error adding pod mybusybox_mybusybox to CNI network "podman": failed to make veth pair: operation not supported',
  "",
  "The kernel version is 5.10.75",
].join("\n");

describe("a record of two causes heads and badges its fix for both (review 73a F4)", () => {
  it("names the kernel without the modules beside the upgrade, and does not promise that a reboot fixes it", () => {
    const d = diagnoseFields(data.compiled, { logs: PODMAN_12246 });
    const f = d.findings.find((x) => x.id === VETH);
    expect(f?.title).toMatch(/after a kernel package upgrade without reboot, or on a kernel built without veth\/bridge/);
    expect(f?.reboot).not.toBe("required");
    const text = renderTextReport(d);
    expect(text).not.toContain("fix (reboot required)");
    expect(text).toContain("fix (reboot may be needed)");
  });
});
