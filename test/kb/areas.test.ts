import { describe, expect, it } from "vitest";
import { rangeLevels } from "../../src/engine/versions";
import { areaOf, DISTRO_FAMILIES, distroFamilyOf, recordAreas, summarizeAreas, summarizeDistros } from "../../src/kb/areas";
import { loadDataKb } from "../support/data-kb";

const kb = await loadDataKb();

describe("areas of free-text components", () => {
  it.each([
    ["kernel/netfilter/nf_conntrack", "kernel networking"],
    ["kernel ip_vs / ip_vs_* scheduler modules", "kernel networking"],
    ["kernel/drivers/net/ethernet/amazon/ena", "kernel networking"],
    ["kernel/overlayfs", "kernel storage"],
    ["kernel/bpf (verifier)", "kernel eBPF"],
    ["kernel/memcg", "cgroups"],
    ["systemd (cgroup driver)", "cgroups"],
    ["kernel/seccomp", "LSM / seccomp"],
    ["RHEL/CentOS 7 kernel", "kernel (other)"],
    ["containerd.io (Docker packages)", "runtimes"],
    ["kube-proxy (IPVS mode)", "kubernetes"],
    ["calico-node (felix)", "CNI"],
    ["iptables (nf_tables backend)", "iptables-nftables userspace"],
    ["tailscale", "other"],
  ])("%s -> %s", (component, area) => {
    expect(areaOf(component)).toBe(area);
  });

  it("a record is 'other' only when none of its components has an area", () => {
    expect(recordAreas({ components: ["tailscale", "kube-proxy", "kernel/netfilter/x_tables (xt_mark)"] })).toEqual([
      "kernel networking",
      "kubernetes",
    ]);
    expect(recordAreas({ components: ["tailscale"] })).toEqual(["other"]);
  });
});

describe("distro families of ecosystems", () => {
  it.each([
    ["ubuntu:22.04", "ubuntu"],
    ["debian:12", "debian"],
    ["rhel:7", "rhel & rebuilds"],
    ["rocky:9", "rhel & rebuilds"],
    ["amzn:2023", "amzn"],
    ["fedora:41", "fedora"],
    ["opensuse-tumbleweed", "suse"],
    ["sles:15", "suse"],
    ["flatcar", "flatcar"],
    ["bottlerocket", "bottlerocket"],
    ["cos", "cos"],
    ["talos", "talos"],
  ])("%s -> %s", (ecosystem, family) => {
    expect(distroFamilyOf(ecosystem)).toBe(family);
  });

  it.each(["linux", "kubernetes", "runc", "containerd", "cilium"])("upstream ecosystem %s has no distro family", (e) => {
    expect(distroFamilyOf(e)).toBeUndefined();
  });
});

describe("summaries over the shipped knowledge base", () => {
  it("lists every distro family, and its ends are exactly the ends of that family's ranges", () => {
    const distros = summarizeDistros(kb.records);
    expect(distros.map((d) => d.key)).toEqual([...DISTRO_FAMILIES]);
    const ubuntuEnds = kb.records.flatMap((r) =>
      r.affected.filter((a) => a.ecosystem.startsWith("ubuntu")).flatMap((a) => a.ranges.flatMap(rangeLevels)),
    );
    const ubuntu = distros.find((d) => d.key === "ubuntu");
    expect(ubuntu?.ends).toBe(ubuntuEnds.length);
    expect(ubuntu?.firmEnds).toBe(ubuntuEnds.filter((l) => l !== "reported").length);
    expect(ubuntu?.records).toBeGreaterThan(0);
  });

  it("puts every record in at least one area and counts it once per area", () => {
    const areas = summarizeAreas(kb.records);
    for (const r of kb.records) expect(recordAreas(r).length).toBeGreaterThan(0);
    const total = areas.reduce((n, a) => n + a.records, 0);
    expect(total).toBe(kb.records.reduce((n, r) => n + recordAreas(r).length, 0));
    for (const a of areas) expect(a.firmEnds).toBeLessThanOrEqual(a.ends);
  });
});
