import { beforeAll, describe, expect, it } from "vitest";
import type { CompiledKb } from "../../src/engine/compile-kb";
import { diagnoseBundle, diagnoseFields } from "../../src/engine/diagnose";
import { loadDataKb } from "../support/data-kb";
import { unameJammy126, unameJammy127, xorMarkJournaldOf } from "../support/seed-logs";

const XT = "xt-mark-ipv6-typo-2024";
let kb: CompiledKb;
beforeAll(async () => {
  kb = (await loadDataKb()).compiled;
});

const kernels = (d: ReturnType<typeof diagnoseBundle>) => d.facts.nodes.map((n) => `${n.name} ${n.kernel}`);

// Fan-out tools print each host's output under its name (review 36b: read as no kernel, or as kernels of no host).
describe("kernels a fan-out tool printed host by host", () => {
  it("pdsh's `host: line` output of uname -a: each host a node, the symptom judged on the host that logged it", () => {
    const bundle = [
      "$ pdsh -w worker-[1-3] uname -a",
      `worker-1: ${unameJammy126("worker-1")}`,
      `worker-2: ${unameJammy127("worker-2")}`,
      "pdsh@admin: worker-3: ssh exited with exit code 255",
      "$ ssh worker-2 journalctl -u kube-proxy --no-pager | tail -3",
      xorMarkJournaldOf("worker-2"),
    ].join("\n");
    const d = diagnoseBundle(kb, bundle);
    expect(kernels(d)).toEqual(["worker-1 5.15.0-126-generic", "worker-2 5.15.0-127-generic"]);
    const mark = d.findings.find((f) => f.id === XT);
    expect(mark?.verdict.status).toBe("affected");
    expect(mark?.verdict.reason).toContain("node worker-2");
  });

  it("ansible's and pssh's per-host headers, and a uname field holding pdsh's lines", () => {
    const ansible = [
      "$ ansible workers -m command -a 'uname -r'",
      "worker-1 | CHANGED | rc=0 >>",
      "5.15.0-126-generic",
      "worker-2 | CHANGED | rc=0 >>",
      "5.15.0-127-generic",
    ].join("\n");
    expect(kernels(diagnoseBundle(kb, ansible))).toEqual(["worker-1 5.15.0-126-generic", "worker-2 5.15.0-127-generic"]);
    const pssh = ["[1] 10:41:28 [SUCCESS] worker-1", "6.8.0-45-generic", "[2] 10:41:29 [SUCCESS] worker-2", "6.8.0-49-generic"].join("\n");
    expect(kernels(diagnoseBundle(kb, pssh))).toEqual(["worker-1 6.8.0-45-generic", "worker-2 6.8.0-49-generic"]);
    const fields = diagnoseFields(kb, { uname: "$ pdsh -w worker-[1-2] uname -r\nworker-1: 6.8.0-45-generic\nworker-2: 6.8.0-49-generic" });
    expect(kernels(fields)).toEqual(["worker-1 6.8.0-45-generic", "worker-2 6.8.0-49-generic"]);
  });

  it("reads no host from a `name: release` line no fan-out tool printed, nor from pdsh running another command", () => {
    const labels = "Kernel: 5.15.0-127-generic\nPrevious: 5.15.0-126-generic";
    expect(diagnoseBundle(kb, labels).facts.nodes).toEqual([]);
    const other = "$ pdsh -w worker-[1-2] cat /etc/hostname\nworker-1: 5.15.0-126-generic\nworker-2: 5.15.0-127-generic";
    expect(diagnoseBundle(kb, other).facts.nodes).toEqual([]);
  });
});
