import { describe, expect, it } from "vitest";
import { diagnoseBundle } from "../../src/engine/diagnose";
import { loadDataKb } from "../support/data-kb";
import { kubeletFlagRemovedMidUpgrade } from "../support/node-object-pastes";

const kb = (await loadDataKb()).compiled;
const FLAG = "kubelet-1.27-container-runtime-flag-removed";
const CRI_V1 = "kubelet-1.26-cri-v1-required";

/** The fleet's table with one row's status changed. */
const withStatus = (paste: string, node: string, status: string) =>
  paste.replace(new RegExp(`^(${node}\\s+)Ready(\\s+)`, "m"), (_, head: string, tail: string) => `${head}${status}${tail}`);

describe("nodes still below a kubelet removal (review 70b F6)", () => {
  it("names a Ready node below it, never a NotReady row: that row's version is what its kubelet last reported", () => {
    const below = (paste: string) => diagnoseBundle(kb, paste).findings.find((x) => x.id === FLAG)?.belowRemoval;
    expect(below(kubeletFlagRemovedMidUpgrade)).toEqual({ release: "1.27.0", hosts: ["worker-3"] });
    expect(below(withStatus(kubeletFlagRemovedMidUpgrade, "worker-3", "NotReady"))).toBeUndefined();
  });

  it("reads the release from a removal beside a runtime's requirement: kubelet 1.26 dropping CRI v1alpha2", () => {
    // containerd#7799 (the CRI v1 record's first example): the control plane upgraded from 1.25.5 to 1.26.0 and its kubelet
    // refused the runtime; its NotReady row still gives 1.25.5, and the worker not yet upgraded runs 1.25.5.
    const paste = [
      "$ kubectl get nodes -o wide",
      "NAME           STATUS     ROLES           AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION    CONTAINER-RUNTIME",
      "pikubemas001   NotReady   control-plane   90d   v1.25.5   10.0.0.10     <none>        Debian GNU/Linux 11 (bullseye)   5.15.61-v8+       containerd://1.6.21",
      "worker-1       Ready      <none>          90d   v1.25.5   10.0.0.11     <none>        Debian GNU/Linux 11 (bullseye)   5.15.61-v8+       containerd://1.6.21",
      "$ ssh pikubemas001 journalctl -u kubelet -n 1 --no-pager",
      'Dec 12 10:25:58 pikubemas001 kubelet[4943]: E1212 10:25:58.816968    4943 run.go:74] "command failed" err="failed to run Kubelet: validate service connection: CRI v1 runtime API is not implemented for endpoint \\"unix:///run/containerd/containerd.sock\\": rpc error: code = Unimplemented desc = unknown service runtime.v1.RuntimeService"',
    ].join("\n");
    const f = diagnoseBundle(kb, paste).findings.find((x) => x.id === CRI_V1);
    expect(f?.hosts).toEqual(["pikubemas001"]);
    expect(f?.belowRemoval).toEqual({ release: "1.26.0", hosts: ["worker-1"] });
  });
});
