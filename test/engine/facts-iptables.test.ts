import { describe, expect, it } from "vitest";
import { findIptables, parseIptablesVersion } from "../../src/engine/facts/iptables-version";

describe("parseIptablesVersion", () => {
  it("reads `iptables -V`", () => {
    // https://github.com/k0sproject/k0s/issues/2157
    expect(parseIptablesVersion("iptables v1.8.8 (nf_tables)", 4)).toEqual({
      version: "1.8.8",
      backend: "nf_tables",
      binary: "iptables",
      line: 4,
    });
  });

  it("reads the version out of error messages", () => {
    // https://github.com/kubernetes/kubernetes/issues/99031
    expect(
      parseIptablesVersion(
        "E0212 11:16:50.751646       1 proxier.go:1619] Failed to execute iptables-restore: exit status 2 (ip6tables-restore v1.8.5 (legacy): ip6tables-restore: unable to initialize table 'nat'",
      ),
    ).toMatchObject({
      version: "1.8.5",
      backend: "legacy",
      binary: "ip6tables-restore",
    });
    // https://github.com/fwbuilder/fwbuilder/issues/108
    expect(parseIptablesVersion("iptables-restore v1.8.2 (legacy): Set doesn't exist.")?.binary).toBe("iptables-restore");
  });

  it("takes the backend from the binary's name, and none from iptables before 1.8", () => {
    // The brief's example
    expect(parseIptablesVersion("iptables-legacy v1.8.10")).toMatchObject({
      version: "1.8.10",
      backend: "legacy",
      binary: "iptables-legacy",
    });
    // https://github.com/kubernetes/kubernetes/pull/60978
    expect(parseIptablesVersion("iptables-restore v1.4.21")).toMatchObject({ version: "1.4.21", backend: null });
  });
});

describe("findIptables", () => {
  // journalctl lines from https://github.com/kubernetes/kube-proxy/issues/25
  const journal = [
    'Feb 17 11:12:14 k8s-192-168-3-26 kube-proxy[9234]: E0217 11:12:14.212635    9234 proxier.go:1432] "Failed to execute iptables-restore" err=<',
    'Feb 17 11:12:14 k8s-192-168-3-26 kube-proxy[9234]:         exit status 2: ip6tables-restore v1.8.7 (nf_tables): unknown option "--xor-mark"',
    "Feb 17 11:12:14 k8s-192-168-3-26 kube-proxy[9234]:         Error occurred at line: 11",
  ];

  it("finds a version mentioned in logs", () => {
    expect(findIptables(journal, 20)).toEqual({ version: "1.8.7", backend: "nf_tables", binary: "ip6tables-restore", line: 21 });
  });

  it("prefers `iptables --version` output over mentions in logs", () => {
    // The host's iptables (https://github.com/k0sproject/k0s/issues/2157) differs from the one in kube-proxy's image.
    expect(findIptables([...journal, "iptables v1.8.8 (nf_tables)"])).toMatchObject({ version: "1.8.8", line: 4 });
  });

  it("picks the most frequent mention", () => {
    // Messages from https://github.com/kubernetes/kubernetes/issues/99031 and https://github.com/telepresenceio/telepresence/issues/3726
    const logs = [
      "E0212 11:16:50.751646       1 proxier.go:1619] Failed to execute iptables-restore: exit status 2 (ip6tables-restore v1.8.5 (legacy): ip6tables-restore: unable to initialize table 'nat'",
      "2024-11-20 16:22:14.7339 error   failed to insert --uid-owner rule in OUTPUT: running [/sbin/iptables -t nat -I OUTPUT 3 -m owner --uid-owner 0 -j RETURN --wait]: exit status 4: iptables v1.8.10 (nf_tables):  RULE_INSERT failed (No such file or directory): rule in chain OUTPUT",
      "2024-11-20 16:22:14.7339 error   quit: failed to insert --uid-owner rule in OUTPUT: running [/sbin/iptables -t nat -I OUTPUT 3 -m owner --uid-owner 0 -j RETURN --wait]: exit status 4: iptables v1.8.10 (nf_tables):  RULE_INSERT failed (No such file or directory): rule in chain OUTPUT",
    ];
    // The version most lines name; the backend only when no line names the other (two programs' iptables).
    expect(findIptables(logs)).toMatchObject({ version: "1.8.10", backend: null, line: 2 });
    expect(findIptables(logs.slice(1))).toMatchObject({ version: "1.8.10", backend: "nf_tables", line: 1 });
  });

  it("returns null when iptables is not mentioned", () => {
    expect(findIptables(journal.slice(2))).toBeNull();
  });
});
