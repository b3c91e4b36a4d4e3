import { describe, expect, it } from "vitest";
import {
  compileMatcher,
  klogBlockHeaders,
  logicalLines,
  messageOf,
  normalizeLine,
  stripAnsi,
  unwrapVariants,
} from "../../src/engine/match";
import { XOR_MARK_KLOG } from "../support/seed-logs";

describe("messageOf: the program's message without pipeline framing", () => {
  it("removes journald framing and the klog header", () => {
    // https://github.com/kubernetes/kube-proxy/issues/25
    expect(
      messageOf(
        'Feb 17 11:12:14 k8s-192-168-3-26 kube-proxy[9234]: E0217 11:12:14.212635    9234 proxier.go:1432] "Failed to execute iptables-restore" err=<',
      ),
    ).toBe('"Failed to execute iptables-restore" err=<');
    expect(
      messageOf(
        'Feb 17 11:12:14 k8s-192-168-3-26 kube-proxy[9234]:         exit status 2: ip6tables-restore v1.8.7 (nf_tables): unknown option "--xor-mark"',
      ),
    ).toBe('exit status 2: ip6tables-restore v1.8.7 (nf_tables): unknown option "--xor-mark"');
  });

  it("removes dmesg clocks, plain and -T, also behind syslog framing", () => {
    // https://github.com/kubernetes/kubernetes/issues/18604
    expect(messageOf("[1454500.910215] nf_conntrack: table full, dropping packet")).toBe("nf_conntrack: table full, dropping packet");
    // https://github.com/kubernetes/kubernetes/issues/71261
    expect(messageOf("[Tue Nov 20 22:30:22 2018] nf_conntrack: table full, dropping packet")).toBe(
      "nf_conntrack: table full, dropping packet",
    );
    // https://github.com/wballard/starphleet/pull/352
    expect(messageOf("Feb 23 16:44:36 jobs kernel: [38775494.393661] nf_conntrack: table full,")).toBe("nf_conntrack: table full,");
  });

  it("removes RFC 3339 timestamps", () => {
    // Calico felix: https://github.com/projectcalico/calico/issues/4487
    expect(messageOf("2021-03-20 10:23:46.302 [WARNING][637] felix/table.go 1324: Failed to execute ip(6)tables-restore command")).toBe(
      "[WARNING][637] felix/table.go 1324: Failed to execute ip(6)tables-restore command",
    );
  });

  it("leaves a line without framing as it is", () => {
    // https://github.com/zfl9/ipt2socks/issues/56
    const line = 'ip6tables v1.8.10 (legacy): unknown option "--set-xmark"';
    expect(messageOf(line)).toBe(line);
  });
});

describe("logical lines of escaped values", () => {
  it("undoes two levels of escaping in Cilium's logfmt error and splits at the newlines", () => {
    // https://github.com/siderolabs/pkgs/pull/1065 (line shortened before "unable to run")
    const line =
      'level=error msg="iptables rules full reconciliation failed, will retry another one later" error="failed to install rules: iptables command: exit status 4 stderr=\\"Warning: Extension MARK revision 0 not supported, missing kernel module?\\\\nip6tables v1.8.8 (nf_tables):  RULE_APPEND failed (No such file or directory): rule in chain CILIUM_PRE_mangle\\\\n\\"" subsys=iptables';
    expect(logicalLines(line)).toEqual([
      'level=error msg="iptables rules full reconciliation failed, will retry another one later" error="failed to install rules: iptables command: exit status 4 stderr="Warning: Extension MARK revision 0 not supported, missing kernel module?',
      "ip6tables v1.8.8 (nf_tables):  RULE_APPEND failed (No such file or directory): rule in chain CILIUM_PRE_mangle",
      '"" subsys=iptables',
    ]);
  });

  it("shows a display form with escapes undone", () => {
    // https://github.com/rancher/rke2/issues/7438
    expect(
      normalizeLine(
        'E1217 15:37:53.421766       1 proxier.go:734] "Error cleaning up nftables rules" err="could not find nftables binary: exec: \\"nft\\": executable file not found in $PATH"',
      ),
    ).toBe('"Error cleaning up nftables rules" err="could not find nftables binary: exec: "nft": executable file not found in $PATH"');
  });
});

describe("klog multi-line blocks", () => {
  it("maps every line of a block, end delimiter included, to the record's first line", () => {
    // The seed log without its first line: https://github.com/bottlerocket-os/bottlerocket/issues/4295
    const lines = XOR_MARK_KLOG.split("\n").slice(1, 7);
    expect([...klogBlockHeaders(lines)]).toEqual([
      [1, 0],
      [2, 0],
      [3, 0],
      [4, 0],
    ]);
  });

  it("ends an unterminated block at the next klog record", () => {
    // The same report with the end delimiter lost in the paste.
    const lines = [
      'E1113 16:15:07.931291 1 proxier.go:1481] "Failed to execute iptables-restore" err=<',
      'exit status 2: ip6tables-restore v1.8.4 (legacy): unknown option "--xor-mark"',
      'I1113 16:15:07.931308 1 proxier.go:858] "Sync failed" retryingTime="30s"',
      "Error occurred at line: 16",
    ];
    expect([...klogBlockHeaders(lines)]).toEqual([[1, 0]]);
  });
});

describe("ANSI colours", () => {
  it("are removed without changing the number of lines", () => {
    // logrus colours the level on a terminal: https://github.com/sirupsen/logrus/blob/master/text_formatter.go
    // Message from https://github.com/srl-labs/containerlab/issues/2290
    const text = '\x1b[31mERRO\x1b[0m[0000] failed deploy stage for node "leaf2"\n\x1b[34mINFO\x1b[0m[0000] Creating lab directory';
    expect(stripAnsi(text)).toBe('ERRO[0000] failed deploy stage for node "leaf2"\nINFO[0000] Creating lab directory');
  });
});

describe("mail-wrapped pastes", () => {
  // Pasted into a pull request after a mail client wrapped it: https://github.com/wballard/starphleet/pull/352
  const pasted = [
    "obs kernel: [38775494.392631] nf_conntrack: table full, dropping packet",
    "Feb 23 16:44:36 jobs kernel: [38775494.393661] nf_conntrack: table full,",
    "dropping packet",
    "Feb 23 16:44:36 jobs kernel: [38775494.494836] nf_conntrack: table full,",
    "dropping packet",
    "Feb 23 16:44:36 jobs kernel: [38775494.495169] nf_conntrack: table full,",
    "dropping packet",
    "Feb 23 16:44:36 jobs kernel: [38775494.495196] nf_conntrack: table full,",
    "dropping packet",
  ].join("\n");

  it("finds the signature on every wrapped record, at the record's first line", () => {
    const matcher = compileMatcher([
      { key: "conntrack-full", kind: "literal", pattern: "nf_conntrack: table full, dropping packet", caseSensitive: false },
    ]);
    const hits = matcher.scan(pasted);
    expect(hits.map((h) => h.line)).toEqual([1, 2, 4, 6, 8]);
    expect(hits[1]?.text).toBe("Feb 23 16:44:36 jobs kernel: [38775494.393661] nf_conntrack: table full, dropping packet");
  });

  it("never joins a line onto a new log record", () => {
    const [variant] = unwrapVariants(pasted);
    expect(variant?.origin).toEqual([0, 1, 3, 5, 7]);
  });

  it("does not rewrap ordinary logs whose lines happen to share a width", () => {
    // dmesg -T, every line 68 characters: https://github.com/kubernetes/kubernetes/issues/71261
    const dmesg = [
      "[Tue Nov 20 22:30:22 2018] nf_conntrack: table full, dropping packet",
      "[Tue Nov 20 22:30:27 2018] nf_conntrack: table full, dropping packet",
      "[Tue Nov 20 22:30:27 2018] nf_conntrack: table full, dropping packet",
      "[Tue Nov 20 22:30:27 2018] nf_conntrack: table full, dropping packet",
    ].join("\n");
    expect(unwrapVariants(dmesg)).toEqual([]);
  });
});
