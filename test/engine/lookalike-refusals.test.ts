import { beforeAll, describe, expect, it } from "vitest";
import type { CompiledKb } from "../../src/engine/compile-kb";
import { diagnoseBundle } from "../../src/engine/diagnose";
import { loadDataKb } from "../support/data-kb";

// The same words from another cause, in the real knowledge base: the line names what tells them apart (the account an
// RBAC denial is for, the x509 error Go returned, the XFS feature bit), and the record's own signature refuses it, so
// neither a signature nor a resemblance names the record (review 58c F1, F3; review 58a F1).
let kb: CompiledKb;
beforeAll(async () => {
  kb = (await loadDataKb()).compiled;
});
const finding = (paste: string, id: string) => diagnoseBundle(kb, paste).findings.find((f) => f.id === id);

describe("look-alikes a record's own signature refuses", () => {
  const endpointSlices = (account: string) =>
    `E1127 17:22:13.434647       7 reflector.go:148] k8s.io/client-go@v0.27.4/tools/cache/reflector.go:231: Failed to watch *v1.EndpointSlice: failed to list *v1.EndpointSlice: endpointslices.discovery.k8s.io is forbidden: User "system:serviceaccount:${account}" cannot list resource "endpointslices" in API group "discovery.k8s.io" at the cluster scope`;

  it("another controller's EndpointSlice denial is not CoreDNS's missing rule (ingress-nginx#10684, haproxy's ingress, Prometheus)", () => {
    // Prometheus run as its namespace's default account too (review 58f F2): only CoreDNS's namespace's default is CoreDNS's.
    for (const account of [
      "ingress-nginx:ingress-nginx",
      "haproxy:haproxy-kubernetes-ingress",
      "kube-system:calico-node",
      "monitoring:default",
    ])
      expect(finding(endpointSlices(account), "coredns-1.8-endpointslices-rbac-missing"), account).toBeUndefined();
    // CoreDNS's own account, a chart's <release>-coredns, RKE2's, and the default account of CoreDNS's namespace, which a
    // chart without its own account runs as.
    for (const account of [
      "kube-system:coredns",
      "kube-system:coredns-coredns",
      "kube-system:rke2-coredns-rke2-coredns",
      "kube-system:default",
      "coredns:default",
    ])
      expect(finding(endpointSlices(account), "coredns-1.8-endpointslices-rbac-missing")?.confidence, account).not.toBe("low");
  });

  it("an x509 error other than the legacy Common Name one is not the Go 1.15 record, in whatever framing", () => {
    const webhook =
      '4m52s       Warning   FailedCreate             replicaset/policystatus-65ccbc6575         Error creating: Internal error occurred: failed calling webhook "gensc.sfdc.internal": Post "https://gensc.nsaux-cs.svc:443/mutate?timeout=30s": x509: certificate is not valid for any names, but wanted to match gensc.nsaux-cs.svc';
    expect(finding(webhook, "go-1.15-x509-legacy-common-name")).toBeUndefined();
    expect(
      finding(
        webhook.replace(
          "is not valid for any names, but wanted to match gensc.nsaux-cs.svc",
          "relies on legacy Common Name field, use SANs instead",
        ),
        "go-1.15-x509-legacy-common-name",
      ),
    ).toBeDefined();
  });

  it("an overlay mount's EINVAL beside `docker info` showing d_type support is not the XFS ftype=0 record (review 63g F2)", () => {
    // docker/for-mac#3295: Docker in Docker, whose own docker info says the backing filesystem supports d_type.
    const einval =
      "docker: Error response from daemon: error creating overlay mount to /var/lib/docker/overlay2/1a501aab5208707a74ed2f8005f996bbddefe1d618b21f36bc47b8b25a1c2bfe-init/merged: invalid argument.";
    const info = (dtype: boolean) => `Storage Driver: overlay2\n Backing Filesystem: extfs\n Supports d_type: ${dtype}\n`;
    expect(finding(`${info(true)}${einval}`, "overlayfs-xfs-ftype0-no-dtype")).toBeUndefined();
    expect(finding(`${info(false)}${einval}`, "overlayfs-xfs-ftype0-no-dtype")?.confidence).not.toBe("low");
    expect(finding(einval, "overlayfs-xfs-ftype0-no-dtype")).toBeDefined();
  });

  it("an unknown XFS feature without the reflink bit is not the reflink record, and its 4.9 requirement says nothing of it", () => {
    const dmesg = (mask: string) =>
      [
        "$ uname -r",
        "4.18.0-477.27.1.el8_8.x86_64",
        "$ dmesg | tail -3",
        `[  100.734760] XFS (sdc): Superblock has unknown read-only compatible features (${mask}) enabled.`,
        "[  100.738030] XFS (sdc): Attempted to mount read-only compatible filesystem read-write.",
        "[  100.740897] XFS (sdc): Filesystem can only be safely mounted read only.",
      ].join("\n");
    // 0x8 is inobtcount: 4.18 "meets" reflink's 4.9, and was told it was not affected while it refused the mount.
    expect(finding(dmesg("0x8"), "xfs-reflink-csi-mkfs-old-kernel-mount-fails")).toBeUndefined();
    expect(finding(dmesg("0x80000000"), "xfs-reflink-csi-mkfs-old-kernel-mount-fails")).toBeUndefined();
    for (const mask of ["0x4", "0x6", "0xc"])
      expect(finding(dmesg(mask), "xfs-reflink-csi-mkfs-old-kernel-mount-fails"), mask).toBeDefined();
  });
});

describe("a line every such host prints is no symptom on its own (review 58c F2)", () => {
  it("a kubelet that kubeadm has not joined yet, and a pod's SandboxChanged event, name no record above low", () => {
    const unjoined =
      "Dec 27 22:45:01 worker2 kubelet[15002]: F1227 22:45:01.558412   15002 server.go:261] failed to run Kubelet: unable to load bootstrap kubeconfig: stat /etc/kubernetes/bootstrap-kubelet.conf: no such file or directory";
    expect(finding(unjoined, "kubelet-client-certificate-expired")?.confidence ?? "low").toBe("low");
    const event =
      " Normal   SandboxChanged         3m (x8 over 3m)  kubelet, hostname.net  Pod sandbox changed, it will be killed and re-created.";
    expect(finding(event, "containerd-cgroupfs-on-cgroupv2-restarts")?.confidence ?? "low").toBe("low");
  });

  it("a node task in state D on a kernel in the io_uring hang's range is no evidence beside an NFS outage (reviews 58f F1, 67f F6)", () => {
    const paste = [
      "Linux build-7 6.1.0-27-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.115-1 (2024-11-01) x86_64 GNU/Linux",
      "[Mon Dec  2 10:01:13 2024] nfs: server filer01.corp.local not responding, still trying",
      "[Mon Dec  2 10:03:51 2024] task:node            state:D stack:0     pid:4121  ppid:4099   flags:0x00000002",
      "[Mon Dec  2 10:03:51 2024]  rpc_wait_bit_killable+0x11/0x70 [sunrpc]",
    ].join("\n");
    // The task's own stack waits in the NFS client's RPC layer: the hang's line is doubted (it was a low lead).
    const f = finding(paste, "al2023-bottlerocket-6.1-io-uring-hang-2024");
    expect(f?.evidence.some((e) => e.kind === "log") ?? false).toBe(false);
    // An NFS outage alone, the task's stack not shown, doubts nothing (review 67i F4): a lead on the kernel's range.
    const alone = finding(
      paste
        .split("\n")
        .filter((l) => !l.includes("rpc_wait"))
        .join("\n"),
      "al2023-bottlerocket-6.1-io-uring-hang-2024",
    );
    expect(alone?.verdict).toMatchObject({ status: "affected", level: "verified" });
    expect(alone?.confidence).toBe("low");
  });
});
