import { describe, expect, it } from "vitest";
import { extractFacts, findSections, parseKubeletVersion, parseRuntimeVersion } from "../../src/engine/facts";

describe("kubelet and container runtime versions", () => {
  it("reads them as kubectl's VERSION and CONTAINER-RUNTIME columns write them", () => {
    expect(parseKubeletVersion("Kubernetes v1.26.3")).toBe("v1.26.3");
    expect(parseRuntimeVersion("containerd github.com/containerd/containerd v1.7.12 71909c1814c544ac47ab91d2e8b84718e517bb99")).toBe(
      "containerd://1.7.12",
    );
    expect(parseRuntimeVersion("containerd containerd.io 1.6.20 2806fc1057397dbaeefbea0e4e17bddfbd388f38")).toBe("containerd://1.6.20");
    expect(parseRuntimeVersion("containerd github.com/containerd/containerd/v2 v2.0.0 207ad711eabd375a01713109a8a197d197ff6542")).toBe(
      "containerd://2.0.0",
    );
    expect(parseRuntimeVersion("Docker version 24.0.7, build afdd53b")).toBe("docker://24.0.7");
  });

  it("reads the kubelet k3s and RKE2 embed from their --version", () => {
    // `k3s -v` as k3s-io/k3s#10655 shows it.
    expect(parseKubeletVersion("k3s version v1.30.3+k3s-b11486d3 (b11486d3)")).toBe("v1.30.3+k3s-b11486d3");
    expect(parseKubeletVersion("rke2 version v1.30.3+rke2r1 (f4c4ba1cd1c6d5d8e6b1f8b4f6d1e0c9b8a7f6e5)")).toBe("v1.30.3+rke2r1");
    expect(parseKubeletVersion("k3s version v1.30.3+k3s1 is out")).toBeNull();
  });

  it("does not take log lines that mention them for version output", () => {
    expect(parseKubeletVersion('I0217 11:12:14.1 server.go:650] "Kubelet version" kubeletVersion="v1.26.3"')).toBeNull();
    expect(parseRuntimeVersion('time="2024-11-13T16:15:07Z" level=info msg="starting containerd" version=v1.7.12')).toBeNull();
  });

  it("finds them as sections of a bundle, not logs, and as facts", () => {
    const bundle =
      "$ kubelet --version\nKubernetes v1.26.3\n$ containerd --version\ncontainerd containerd.io 1.6.20 2806fc10\nsome log line";
    const kinds = findSections(bundle.split("\n")).map((s) => s.kind);
    expect(kinds).toEqual(["kubelet-version", "runtime-version"]);
    const facts = extractFacts(bundle);
    expect(facts.kubelet).toBe("v1.26.3");
    expect(facts.runtime).toBe("containerd://1.6.20");
    expect(facts.notLogs.has(5)).toBe(false);
    expect(facts.notLogs.has(2)).toBe(true);
  });
});
