import { describe, expect, it } from "vitest";
import { extractFacts } from "../../src/engine/facts";
import { parseNodesTable } from "../../src/engine/facts/kube-nodes";

const lines = (text: string) => text.split("\n");

describe("parseNodesTable", () => {
  it("reads OS-IMAGE with spaces and <none> external IPs", () => {
    // https://github.com/kubearmor/KubeArmor/issues/2505
    const rows = parseNodesTable(
      lines(`NAME                                      STATUS   ROLES    AGE     VERSION               INTERNAL-IP   EXTERNAL-IP       OS-IMAGE                             KERNEL-VERSION   CONTAINER-RUNTIME
gke-cluster-1-cos-pool-73eeead1-k6s1      Ready    <none>   6m30s   v1.34.4-gke.1130000   10.128.0.87   34.42.218.251     Container-Optimized OS from Google   6.12.55+         containerd://2.1.5
gke-cluster-1-ubuntu-pool-ec20df67-92hx   Ready    <none>   6m26s   v1.34.4-gke.1130000   10.128.0.90   34.123.108.138    Ubuntu 24.04.3 LTS                   6.8.0-1042-gke   containerd://2.1.5`),
      10,
    );
    expect(rows).toEqual([
      {
        name: "gke-cluster-1-cos-pool-73eeead1-k6s1",
        status: "Ready",
        roles: "<none>",
        version: "v1.34.4-gke.1130000",
        internalIp: "10.128.0.87",
        osImage: "Container-Optimized OS from Google",
        kernel: "6.12.55+",
        runtime: "containerd://2.1.5",
        line: 11,
      },
      {
        name: "gke-cluster-1-ubuntu-pool-ec20df67-92hx",
        status: "Ready",
        roles: "<none>",
        version: "v1.34.4-gke.1130000",
        internalIp: "10.128.0.90",
        osImage: "Ubuntu 24.04.3 LTS",
        kernel: "6.8.0-1042-gke",
        runtime: "containerd://2.1.5",
        line: 12,
      },
    ]);
  });

  it("survives a table whose alignment was broken by edited IPs, and a Windows node", () => {
    // https://github.com/Azure/AKS/issues/2749 (the reporter replaced the IPs with xx.xx)
    const rows = parseNodesTable(
      lines(`NAME                              STATUS   ROLES   AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION     CONTAINER-RUNTIME
aks-default-xxxxxxxx-vmss000000   Ready    agent   23m   v1.22.4   xx.xx.52.4     <none>        Ubuntu 18.04.6 LTS               5.4.0-1067-azure   containerd://1.5.5+azure
akswm000000                       Ready    agent   17m   v1.22.4   xx.xx.54.4     <none>        Windows Server 2019 Datacenter   10.0.17763.2366    docker://20.10.9`),
    );
    expect(rows.map((r) => [r.osImage, r.kernel, r.runtime, r.internalIp])).toEqual([
      ["Ubuntu 18.04.6 LTS", "5.4.0-1067-azure", "containerd://1.5.5+azure", "xx.xx.52.4"],
      ["Windows Server 2019 Datacenter", "10.0.17763.2366", "docker://20.10.9", "xx.xx.54.4"],
    ]);
  });

  it("reads a row a reporter wrapped in Markdown bold as the row, not its markers (review 61a F1)", () => {
    // akash-network/community#751: the odd node's row bolded from its name to its kernel.
    const rows = parseNodesTable(
      lines(`NAME       STATUS   ROLES                       AGE    VERSION        INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION     CONTAINER-RUNTIME
akash-1    Ready    control-plane,etcd,master   24d    v1.31.2+k3s1   10.240.0.62   <none>        Ubuntu 24.10         6.11.0-9-generic   containerd://1.7.22-k3s1
**akash-12   Ready    etcd                        147m   v1.31.2+k3s1   10.240.0.33   <none>        Ubuntu 24.04.1 LTS   6.8.0-49-generic**   containerd://1.7.22-k3s1`),
    );
    expect(rows.map((r) => [r.name, r.osImage, r.kernel])).toEqual([
      ["akash-1", "Ubuntu 24.10", "6.11.0-9-generic"],
      ["akash-12", "Ubuntu 24.04.1 LTS", "6.8.0-49-generic"],
    ]);
  });

  it("reads older tables without ROLES and INTERNAL-IP", () => {
    // https://github.com/kubernetes/kubernetes/issues/57010
    const rows = parseNodesTable(
      lines(`NAME      STATUS    ROLES     AGE       VERSION   EXTERNAL-IP   OS-IMAGE                       KERNEL-VERSION   CONTAINER-RUNTIME
uy02-07   Ready     <none>    4d        v1.8.4    <none>        Debian GNU/Linux 9 (stretch)   4.9.0-4-amd64    docker://Unknown`),
    );
    expect(rows[0]).toMatchObject({ name: "uy02-07", internalIp: null, osImage: "Debian GNU/Linux 9 (stretch)", kernel: "4.9.0-4-amd64" });
    // https://github.com/kubernetes/kubernetes/pull/46646 (no ROLES column at all)
    const old = parseNodesTable(
      lines(`NAME                             STATUS                     AGE       VERSION   EXTERNAL-IP      OS-IMAGE             KERNEL-VERSION       CONTAINER-RUNTIME
ip-10-22-168-211.ec2.internal    Ready                      73d       v1.6.4    24.111.11.60     Ubuntu 14.04.5 LTS   4.4.0-38-generic     docker://1.11.2`),
    );
    expect(old[0]).toMatchObject({ roles: "", osImage: "Ubuntu 14.04.5 LTS", kernel: "4.4.0-38-generic" });
  });

  it("reads plain `kubectl get nodes` and stops at the first line that is not a row", () => {
    // https://github.com/rancher/rke2/issues/6354
    const rows = parseNodesTable(
      lines(`NAME                                          STATUS   ROLES                       AGE     VERSION
ip-172-31-19-183.us-east-2.compute.internal   Ready    control-plane,etcd,master   9m10s   v1.30.3+rke2r1
ip-172-31-29-31.us-east-2.compute.internal    Ready    <none>                      4m28s   v1.30.3+rke2r1
===========DONE==============`),
    );
    expect(rows.map((r) => [r.roles, r.version, r.kernel])).toEqual([
      ["control-plane,etcd,master", "v1.30.3+rke2r1", null],
      ["<none>", "v1.30.3+rke2r1", null],
    ]);
  });

  it("reads no row with a cell no kubectl prints, and cuts a name past a DNS name's length (reviews 50a F2, 62d)", () => {
    const header =
      "NAME       STATUS   ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION       CONTAINER-RUNTIME";
    const row = (name: string, image = "Ubuntu 22.04.5 LTS") =>
      `${name}   Ready    <none>   40d   v1.30.5   10.0.0.11     <none>        ${image}   5.15.0-127-generic   containerd://1.7.22`;
    // A name at the DNS subdomain limit (253) is one; an OS image of 40,000 characters is no kubectl row.
    const longest = `${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(61)}`;
    expect(longest).toHaveLength(253);
    expect(parseNodesTable(lines(`${header}\n${row(longest)}`)).map((r) => r.name)).toEqual([longest]);
    // A name past it (a hand-edited table) is still a row, its name cut: dropped, the failing node's kernel went unjudged
    // and its healthy peers answered "not affected" (review 62d).
    const cut = parseNodesTable(lines(`${header}\n${row("worker-1")}\n${row(`${longest}x`)}`));
    expect(cut.map((r) => r.name)).toEqual(["worker-1", `${longest.slice(0, 252)}…`]);
    expect(cut[1]?.kernel).toBe("5.15.0-127-generic");
    expect(parseNodesTable(lines(`${header}\n${row("worker-1", "x".repeat(40_000))}`))).toEqual([]);
  });

  it("reads on past blank lines between rows, and stops at a blank line followed by anything else", () => {
    const [header, ...rows] = `NAME       STATUS   ROLES    AGE    VERSION
master-1   Ready    control-plane   412d   v1.26.3
worker-1   Ready    <none>   412d   v1.26.3`.split("\n");
    const split = parseNodesTable([header as string, rows[0] as string, "", "", rows[1] as string, "", "$ uname -r"]);
    expect(split.map((r) => [r.name, r.line])).toEqual([
      ["master-1", 2],
      ["worker-1", 5],
    ]);
    expect(parseNodesTable([header as string, rows[0] as string, "", "worker-1 is the one that fails"]).map((r) => r.name)).toEqual([
      "master-1",
    ]);
  });

  it("reads no row whose name holds a space (no Kubernetes name does): the table ends there", () => {
    const header = "NAME          STATUS   ROLES    AGE   VERSION";
    expect(
      parseNodesTable([header, "node-1        Ready    <none>   10d   v1.29.3", "node\u00a0002   Ready    <none>   10d   v1.29.3"]).map(
        (r) => r.name,
      ),
    ).toEqual(["node-1"]);
  });

  it("returns nothing without a header", () => {
    expect(parseNodesTable(lines("NAME READY STATUS RESTARTS AGE\nfoo 1/1 Running 0 1m"))).toEqual([]);
  });
});

describe("a table printed again", () => {
  const HEADER =
    "NAME     STATUS   ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION       CONTAINER-RUNTIME";
  const row = (name: string, status: string, kernel: string) =>
    `${name.padEnd(8)} ${status.padEnd(8)} <none>   5d    v1.31.2   10.0.0.1      <none>        Ubuntu 22.04.5 LTS   ${kernel}   containerd://1.7.22`;

  it("lists each node once, as its last row says (kubectl get nodes -w; review 33a)", () => {
    const watch = [
      HEADER,
      ...Array.from({ length: 400 }, (_, i) => row(`node-${i % 4}`, i >= 396 && i % 4 === 1 ? "NotReady" : "Ready", "5.15.0-127-generic")),
    ];
    const nodes = extractFacts(watch.join("\n")).nodes;
    expect(nodes.map((n) => n.name)).toEqual(["node-0", "node-1", "node-2", "node-3"]);
    expect(nodes.find((n) => n.name === "node-1")?.status).toBe("NotReady");
    expect(nodes.every((n) => n.kernel === "5.15.0-127-generic")).toBe(true);
  });

  it("leaves a kernel its rows disagree on undecided (a watch across an upgrade)", () => {
    const table = [
      HEADER,
      row("node-0", "Ready", "5.15.0-126-generic"),
      row("node-1", "Ready", "5.15.0-126-generic"),
      row("node-0", "Ready", "5.15.0-127-generic"),
    ];
    const nodes = extractFacts(table.join("\n")).nodes;
    expect(nodes).toHaveLength(2);
    expect(nodes.find((n) => n.name === "node-0")?.kernel).toBeNull();
    expect(nodes.find((n) => n.name === "node-1")?.kernel).toBe("5.15.0-126-generic");
  });
});
