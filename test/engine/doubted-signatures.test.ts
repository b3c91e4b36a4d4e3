import { describe, expect, it } from "vitest";
import { diagnoseBundle } from "../../src/engine/diagnose";
import { loadDataKb } from "../support/data-kb";

// A signature's `doubtedBy`: another line of the same paste that shows its line no symptom of the bug there.
const kb = (await loadDataKb()).compiled;
const PSP = "kubernetes-1.25-podsecuritypolicy-removed";
// The kind removed in 1.25, as kubectl reports it (the record's netdata#13667 example).
const pspLine = 'unable to recognize "kube-flannel.yml": no matches for kind "PodSecurityPolicy" in version "policy/v1beta1"';

describe("a signature another line of the paste doubts", () => {
  it("is no evidence when the same paste finds no mapping for core v1 kinds, which no release removed (review 60c F2)", () => {
    // jenkinsci/docker#895: kubectl found no mapping for "Service" and "ReplicationController" in "v1": no API server
    // was answering for them. Beside such lines the PSP line says the same, not that 1.25 removed PSP.
    const unmapped = [
      'unable to recognize "kube-flannel.yml": no matches for kind "ServiceAccount" in version "v1"',
      'unable to recognize "kube-flannel.yml": no matches for kind "DaemonSet" in version "apps/v1"',
    ];
    const ids = (lines: string[]) => diagnoseBundle(kb, lines.join("\n")).findings.map((f) => f.id);
    expect(ids([pspLine, ...unmapped])).not.toContain(PSP);
    expect(ids([...unmapped, pspLine])).not.toContain(PSP);
    // Alone, or beside another removed beta kind (a PodDisruptionBudget in policy/v1beta1) or a CRD's v1 kind not
    // installed, the PSP line is still its record's.
    expect(ids([pspLine])).toContain(PSP);
    expect(
      ids([pspLine, 'unable to recognize "sm.yaml": no matches for kind "ServiceMonitor" in version "monitoring.coreos.com/v1"']),
    ).toContain(PSP);
    // Nor does a manifest's typo doubt it: a Deployment was never core v1's, so the server did answer (review 60f F1).
    const typo =
      'error: resource mapping not found for name: "web" namespace: "" from "web.yaml": no matches for kind "Deployment" in version "v1"';
    expect(ids([pspLine, typo])).toContain(PSP);
  });
});
