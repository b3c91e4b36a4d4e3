import { describe, expect, it } from "vitest";
import { sameMachine } from "../../src/engine/facts/uname-fleet";
import { nodeNames, syslogHost } from "../../src/engine/symptom-hosts";
import type { HostVersions } from "../../src/engine/verdict";

const node = (name: string): HostVersions => ({ subject: `node ${name}`, kernel: null, components: {} });

describe("which node printed a line", () => {
  it("reads the host a syslog or journald line names after its date", () => {
    expect(syslogHost("Dec 03 02:11:40 worker-1 kube-proxy[2211]: E1203 x")).toBe("worker-1");
    expect(syslogHost("2024-12-03T02:11:40.123456+0000 ip-10-0-1-2.ec2.internal kubelet[9]: x")).toBe("ip-10-0-1-2.ec2.internal");
    // klog and CRI lines name no host.
    expect(syslogHost('E1203 02:11:40.1 1 proxier.go:1525] "Failed"')).toBeNull();
    expect(syslogHost("2024-12-03T02:11:40.123456789Z stderr F E1203 x")).toBeNull();
  });

  it("finds the one node a name is, as sameMachine says, in one lookup per name (review 32e: no pass over every node)", () => {
    const names = ["node1", "node1.dc1", "node1.dc2", "10.0.1.2", "10.0.1.3", "web-1.example.com", "Db-2", "w-2.dc2.example.com"];
    const index = nodeNames(names.map(node));
    // A trailing dot, a name a search domain completes ("w-2.dc2") or one that completes a row's: the same machine
    // (review 42b F8); another domain or a part of an address: another.
    for (const asked of [
      "node1",
      "node1.dc1",
      "node1.dc3",
      "10.0.1.2",
      "10.0.1",
      "web-1",
      "WEB-1.example.com",
      "web-1.example.com.",
      "db-2",
      "db-2.lan",
      "x",
      "w-2.dc2",
      "w-2.dc2.example",
      "w-2.dc1",
      "node1.dc1.example.com",
    ]) {
      const matches = names.filter((n) => sameMachine(n, asked));
      expect(index.lookup(asked)?.subject, asked).toBe(matches.length === 1 ? `node ${matches[0]}` : undefined);
    }
    expect(sameMachine("web-1.example.com.", "web-1.example.com")).toBe(true);
    expect(sameMachine("w-2.dc2", "w-2.dc2.example.com")).toBe(true);
    expect(sameMachine("w-2.dc1", "w-2.dc2.example.com")).toBe(false);
    expect(sameMachine("10.0.1", "10.0.1.2")).toBe(false);
    // A machine of the very name is the one, before a name it completes (review 44a F8).
    const both = nodeNames(["w-1.dc2", "w-1.dc2.example.com"].map(node));
    expect(both.lookup("w-1.dc2.example.com")?.subject).toBe("node w-1.dc2.example.com");
    expect(both.lookup("w-1.dc2")?.subject).toBe("node w-1.dc2");
    // EC2's name for an address is that address's machine, either way round.
    expect(sameMachine("10.0.1.12", "ip-10-0-1-12.ec2.internal")).toBe(true);
    expect(sameMachine("ip-10-0-1-12", "10.0.1.12")).toBe(true);
    expect(sameMachine("ip-10-0-1-12", "10.0.1.13")).toBe(false);
    expect(nodeNames([node("10.0.1.12")]).lookup("ip-10-0-1-12")?.subject).toBe("node 10.0.1.12");
  });
});
