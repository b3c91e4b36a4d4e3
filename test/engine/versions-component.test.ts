import { describe, expect, it } from "vitest";
import { compareComponentVersion, parseComponentVersion } from "../../src/engine/versions";

const ascending = (versions: string[]) => {
  for (let i = 0; i < versions.length - 1; i++) {
    const [a, b] = [versions[i] as string, versions[i + 1] as string];
    expect(compareComponentVersion(a, b), `${a} < ${b}`).toBe(-1);
    expect(compareComponentVersion(b, a), `${b} > ${a}`).toBe(1);
  }
};

describe("compareComponentVersion: Kubernetes", () => {
  it("puts release candidates before the release and ignores the leading v", () => {
    // v1.26.0-rc.0 -> v1.26.0-rc.1: https://github.com/poseidon/terraform-render-bootstrap/pull/338
    // v1.28.0-rc.0: https://github.com/siderolabs/talos/pull/7542
    // v1.28.0-rc.1: https://github.com/kubevirt/kubevirtci/pull/1069
    // v1.28.0 -> v1.28.1: https://github.com/poseidon/terraform-render-bootstrap/pull/364
    ascending(["v1.26.0-rc.0", "v1.26.0-rc.1", "v1.27.3+k3s1", "1.28.0-rc.0", "v1.28.0-rc.1", "v1.28.0", "1.28.1"]);
    expect(compareComponentVersion("v1.28.0", "1.28.0")).toBe(0);
  });

  it("ignores build metadata such as +k3s1, as SemVer requires", () => {
    // "v1.27.3+k3s1" in `kubectl get nodes`: https://github.com/osism/testbed/pull/1912
    expect(compareComponentVersion("v1.27.3+k3s1", "v1.27.3")).toBe(0);
    expect(parseComponentVersion("v1.27.3+k3s1")).toEqual({ core: ["1", "27", "3"], pre: [], build: "k3s1" });
  });
});

describe("compareComponentVersion: runc", () => {
  it("orders the undotted release candidates numerically (rc9 < rc91 < rc93 < rc94)", () => {
    // v1.0.0-rc9: https://github.com/alpinelinux/aports/pull/11793
    // v1.0.0-rc91: https://github.com/docker/containerd-packaging/pull/184
    // rc93: https://github.com/containers/conmon/pull/250 ; v1.0.0-rc94: https://github.com/k3s-io/k3s/pull/3305
    ascending(["1.0.0-rc9", "v1.0.0-rc91", "1.0.0-rc93", "v1.0.0-rc94", "1.0.0"]);
  });

  it("orders patch releases numerically", () => {
    // runc 1.1.9 (docker 24.0.7): https://github.com/LibreELEC/LibreELEC.tv/pull/8259
    // 1.1.11 and 1.1.12 (CVE-2024-21626 fix): https://github.com/opencontainers/runc/security/advisories/GHSA-xr7r-f8xq-vfvv
    // 1.1.14: https://github.com/openwrt/packages/pull/25063
    ascending(["1.0.0-rc93", "1.1.9", "1.1.11", "1.1.12", "1.1.14"]);
  });
});

describe("compareComponentVersion: docker, containerd, iptables", () => {
  it("orders docker engine versions", () => {
    // 20.10.5 / 20.10.7: https://github.com/docker-archive/compose-cli/pull/1748
    // 24.0.7: https://github.com/LibreELEC/LibreELEC.tv/pull/8259 ; 27.3.1: https://github.com/openwrt/packages/pull/25063
    ascending(["20.10.5", "20.10.7", "24.0.7", "27.3.1"]);
  });

  it("orders containerd versions with two-digit patch numbers", () => {
    // 1.7.8: https://github.com/LibreELEC/LibreELEC.tv/pull/8259 ; 1.7.12: https://github.com/tianon/dockerfiles/pull/605
    // 1.7.22: https://github.com/openwrt/packages/pull/25063 ; 1.7.28: https://github.com/tianon/dockerfiles/pull/1053
    ascending(["1.7.8", "1.7.12", "1.7.22", "1.7.28"]);
  });

  it("orders iptables versions and treats missing parts as zero", () => {
    // 1.8.7: https://github.com/openwrt/openwrt/pull/3831 ; 1.8.10: https://github.com/venomlinux/ports/pull/6806
    ascending(["1.8.7", "1.8.10"]);
    expect(compareComponentVersion("1.8", "1.8.0")).toBe(0);
  });
});
