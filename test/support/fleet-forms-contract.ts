import { expect, it } from "vitest";
import type { Diagnosis } from "../../src/engine/diagnosis";
import {
  clusterInfoDump,
  describedNodes,
  kubeletFlagRemovedMidUpgrade,
  machinesYaml,
  nodesJson,
  nodesYaml,
  saltFanOut,
  threeKernels,
} from "./node-object-pastes";
import type { Fetch } from "./seed-scenarios";

const XT = "xt-mark-ipv6-typo-2024";
const FLAG = "kubelet-1.27-container-runtime-flag-removed";

/** A fleet's answers whatever form the paste gives its nodes in (review 70b F6, F7), on every runtime. */
export function fleetFormsContract(fetch: Fetch) {
  // Each request a client of its own: the Worker's rate limit is shared by the contract's other requests.
  const diagnose = async (ip: string, body: string, accept = "application/json") => {
    const headers = { "content-type": "text/plain", "cf-connecting-ip": ip, accept };
    const res = await fetch("/diagnose", { method: "POST", headers, body });
    expect(res.status).toBe(200);
    return res;
  };
  const json = async (ip: string, body: string) => (await (await diagnose(ip, body)).json()) as Diagnosis;
  const text = async (ip: string, body: string) => (await diagnose(ip, body, "text/plain")).text();

  it("reads `kubectl describe nodes` as the nodes table, in JSON and text (review 70b F7)", async () => {
    const d = await json("203.0.113.100", describedNodes("worker-2"));
    const xt = d.findings.find((f) => f.id === XT);
    expect(xt?.verdict.status).toBe("affected");
    expect(xt?.hosts).toEqual(["worker-2"]);
    expect(d.nodes.map((n) => [n.name, n.kernel])).toEqual([
      ["cp-1", "5.15.0-126-generic"],
      ["worker-1", "5.15.0-126-generic"],
      ["worker-2", "5.15.0-127-generic"],
      ["worker-3", "5.15.0-130-generic"],
    ]);
    const report = await text("203.0.113.101", describedNodes("worker-2"));
    expect(report).toMatch(
      /verdict: affected \(range verified; the version read may not be the failing one\): node worker-2 \(5\.15\.0-127-generic\)/,
    );
    expect(report).toContain("shown on: worker-2");
    expect(report).not.toContain("kernels (");
  });

  it("reads `kubectl get nodes -o json` and `-o yaml` as the nodes table: the failing node judged, the next to fail named (review 70b F7)", async () => {
    const fromJson = (await json("203.0.113.102", nodesJson("worker-3"))).findings.find((f) => f.id === XT);
    expect(fromJson?.verdict).toMatchObject({ status: "unknown", reason: expect.stringContaining("node worker-3 (5.15.0-130-generic)") });
    expect(fromJson).toMatchObject({ hosts: ["worker-3"], quietHosts: ["worker-2"] });
    const fromYaml = await text("203.0.113.103", nodesYaml("worker-2"));
    expect(fromYaml).toMatch(
      /verdict: affected \(range verified; the version read may not be the failing one\): node worker-2 \(5\.15\.0-127-generic\)/,
    );
    expect(fromYaml).toContain("shown on: worker-2");
  });

  it("takes no node from an object that is not a Node: Cluster API's Machines copy nodeInfo (review 71i F3)", async () => {
    const d = await json("203.0.113.181", machinesYaml("worker-2"));
    expect(d.nodes).toEqual([]);
    expect(JSON.stringify(d.findings)).not.toContain("capi-md-0-");
  });

  it("places `cluster-info dump`'s pod logs on the node its PodList gives, and reads salt's minions as a fan-out (review 70b F7)", async () => {
    const dumped = (await json("203.0.113.104", clusterInfoDump("worker-3"))).findings.find((f) => f.id === XT);
    // Not "affected" on worker-2's row: the dump's logs are worker-3's pod's.
    expect(dumped?.verdict.status).toBe("unknown");
    expect(dumped).toMatchObject({ hosts: ["worker-3"], quietHosts: ["worker-2"] });
    expect(dumped?.evidence.find((e) => e.kind === "log")).toMatchObject({ host: "worker-3" });
    const salted = await text("203.0.113.105", saltFanOut("worker-2"));
    expect(salted).toMatch(
      /verdict: affected \(range verified; the version read may not be the failing one\): node worker-2 \(5\.15\.0-127-generic\)/,
    );
    expect(salted).toContain("shown on: worker-2");
  });

  it("counts the kernels an undecided answer lists, and names the reading that would decide (review 70b F7)", async () => {
    const xt = (await json("203.0.113.106", threeKernels)).findings.find((f) => f.id === XT);
    expect(xt?.verdict.status).toBe("unknown");
    expect(xt?.verdict.reason).toContain(
      "the input gives 3 kernels (5.15.0-126-generic, 5.15.0-127-generic, 5.15.0-130-generic: up to 3 machines",
    );
    expect(xt?.verdict.reason).not.toContain("two machines");
    expect(xt?.verdict.reason).toContain("does not say which one failed: no reading ties the log's lines to one of them");
    expect(await text("203.0.113.107", threeKernels)).toContain("up to 3 machines, or one across reboots");
  });

  it("names no Ready node a kubelet removal's next to fail: its kubelet started past the removed flag (review 70b F6)", async () => {
    const d = await json("203.0.113.108", kubeletFlagRemovedMidUpgrade);
    const flag = d.findings.find((f) => f.id === FLAG);
    expect(flag?.hosts).toEqual(["worker-2"]);
    expect(flag?.quietHosts).toBeUndefined();
    expect(d.nodes.filter((n) => n.inRange.includes(FLAG)).map((n) => n.name)).toEqual([]);
    const report = await text("203.0.113.109", kubeletFlagRemovedMidUpgrade);
    expect(report).toContain("shown on: worker-2");
    expect(report).not.toContain("also in range, no symptom shown for them yet");
  });

  it("names the Ready node still below a kubelet removal: hit when upgraded, if set up as the node it is shown on (review 70b F6)", async () => {
    const flag = (await json("203.0.113.118", kubeletFlagRemovedMidUpgrade)).findings.find((f) => f.id === FLAG);
    // worker-3's kubelet runs 1.26.6, before the 1.27.0 that removed --container-runtime; cp-1 and worker-1 started past it,
    // and worker-2's NotReady row is what it last reported, not a kubelet running below the removal.
    expect(flag?.belowRemoval).toEqual({ release: "1.27.0", hosts: ["worker-3"] });
    const report = await text("203.0.113.119", kubeletFlagRemovedMidUpgrade);
    expect(report).toMatch(
      /\n {3}shown on: worker-2\n {3}still below kubelet 1\.27\.0 \(hit when upgraded, if set up as worker-2\): worker-3\n/,
    );
  });

  it("names a host still below a kubelet removal in the hosts form too, by its own `kubelet --version` (review 70b F6)", async () => {
    // The same mid-upgrade fleet as `known-bugs collect` bundles: each host's kubelet version and kubelet journal.
    const bundle = (version: string, journal: string) =>
      `# known-bugs collect\n$ kubelet --version\nKubernetes ${version}\n$ journalctl -u kubelet --no-pager -n 500\n${journal}\n`;
    const started = (name: string) => `Jul 07 08:10:00 ${name} systemd[1]: Started kubelet: The Kubernetes Node Agent.`;
    const failing = kubeletFlagRemovedMidUpgrade.split("\n").slice(-3).join("\n");
    const hosts = [
      { name: "cp-1", bundle: bundle("v1.27.3", started("cp-1")) },
      { name: "worker-2", bundle: bundle("v1.27.3", failing) },
      { name: "worker-3", bundle: bundle("v1.26.6", started("worker-3")) },
    ];
    const res = await fetch("/diagnose", {
      method: "POST",
      headers: { "content-type": "application/json", "cf-connecting-ip": "203.0.113.120" },
      body: JSON.stringify({ hosts }),
    });
    expect(res.status).toBe(200);
    const flag = ((await res.json()) as Diagnosis).findings.find((f) => f.id === FLAG);
    expect(flag?.hosts).toEqual(["worker-2"]);
    expect(flag?.belowRemoval).toEqual({ release: "1.27.0", hosts: ["worker-3"] });
  });
}
