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

/** A text as a terminal of `width` columns shows it: every longer line cut at exactly that column. */
const cutByTerminal = (lines: readonly string[], width: number) =>
  lines.flatMap((l) => Array.from({ length: Math.ceil(l.length / width) || 1 }, (_, k) => l.slice(k * width, (k + 1) * width))).join("\n");

describe("a message cut over lines by a terminal or a viewer", () => {
  // dockerd's message on a kernel without iptable_nat, from https://github.com/ironrobin/x13s-alarm/issues/18,
  // as `dockerd` in a terminal prints it (the journald framing gone).
  const message = [
    "failed to start daemon: Error initializing network controller: error obtaining controller instance: failed to register \"bridge\" driver: failed to create NAT chain DOCKER: iptables failed: iptables --wait -t nat -N DOCKER: iptables v1.8.10 (legacy): can't initialize iptables table `nat': Table does not exist (do you need to insmod?)",
    "Perhaps iptables or your kernel needs to be upgraded.",
    " (exit status 3)",
  ];
  const literal = "can't initialize iptables table `nat': Table does not exist";
  const matcher = compileMatcher([{ key: "nat", kind: "literal", pattern: literal, caseSensitive: false }]);

  it("finds a signature a terminal's cut split, at the message's first line, whatever the width", () => {
    for (const width of [90, 100, 128, 132, 150]) {
      const pasted = cutByTerminal(message, width);
      const lines = pasted.split("\n");
      // The cut falls inside the literal at these widths (that is what is tested).
      expect(
        lines.some((l) => l.includes(literal)),
        `width ${width}`,
      ).toBe(false);
      // Every part but the last is as long as the terminal is wide: the message is read as one line, and
      // its one piece of evidence points at its first line.
      const hits = matcher.scan(pasted);
      expect(
        hits.map((h) => h.line),
        `width ${width}`,
      ).toEqual([1]);
      expect(hits[0]?.text).toBe(message[0]);
    }
  });

  it("reads cut messages only in a paste-sized text, and joins at most 20 lines into one", () => {
    const pasted = cutByTerminal(message, 100);
    // Healthy lines after the paste, as a log collected with it would have (constructed).
    const filler = (bytes: number) => "\nkubelet: I1130 09:00:00.000000 1 server.go:1] healthy".repeat(Math.ceil(bytes / 53));
    expect(matcher.scan(pasted + filler(120 * 1024)).map((h) => h.line)).toEqual([1]);
    expect(matcher.scan(pasted + filler(130 * 1024))).toEqual([]);
    // A message cut into 30 lines: the join holds the 20 lines up to the literal, not the whole message.
    const long = `${"x".repeat(26 * 100 + 20)} ${message[0]}`;
    const lines = cutByTerminal([long], 100).split("\n");
    expect(lines.some((l) => l.includes(literal))).toBe(false);
    const hits = matcher.scan(lines.join("\n"));
    expect(hits).toHaveLength(1);
    expect(hits[0]?.text.length).toBeLessThanOrEqual(20 * 100);
    expect(hits[0]?.text).toContain(literal);
  });

  it("finds it where a viewer wrapped the line at a space and dropped the space", () => {
    const wrapped = [
      "failed to create NAT chain DOCKER: iptables v1.8.10 (legacy): can't initialize iptables table",
      "`nat': Table does not exist (do you need to insmod?)",
    ];
    expect(matcher.scan(wrapped.join("\n")).map((h) => [h.line, h.text])).toEqual([[1, wrapped.join(" ")]]);
  });

  it("joins nothing when no signature's wording runs across the break", () => {
    // Two separate kubelet records whose words a regex signature needs together (constructed lines).
    const regex = compileMatcher([
      {
        key: "sandbox-deadline",
        kind: "regex",
        pattern: "RunPodSandbox from runtime service failed.*DeadlineExceeded",
        caseSensitive: false,
      },
    ]);
    const records = [
      'E1130 09:13:37.123456    1234 log.go:32] "RunPodSandbox from runtime service failed" err="rpc error: code = Unknown desc = failed to reserve sandbox name"',
      'E1130 09:13:38.123456    1234 log.go:32] "PullImage from image service failed" err="rpc error: code = DeadlineExceeded desc = context deadline exceeded"',
    ];
    expect(regex.scan(records.join("\n"))).toEqual([]);
    expect(regex.scan(records.join(""))).toHaveLength(1);
  });

  it("joins nothing where the literal has fewer than three characters, or no word, on one side of the break", () => {
    // kubeadm's preflight failure ends on a colon and the next line is the next message: ": iptables v"
    // would run across the break with only ':' before it (constructed lines).
    const m = compileMatcher([{ key: "colon", kind: "literal", pattern: ": iptables v", caseSensitive: false }]);
    const lines = [
      "error execution phase preflight: [preflight] Some fatal errors occurred while checking this host:",
      "iptables v1.8.10 (legacy): can't initialize iptables table `nat': Table does not exist (do you need to insmod?)",
    ];
    expect(m.scan(lines.join("\n"))).toEqual([]);
    expect(m.scan(lines.join(" "))).toHaveLength(1);
  });

  it("counts a cut message once, at its first line, however many of its parts hold a signature", () => {
    // containerd 2.2.1's message, from https://github.com/amazonlinux/amazon-linux-2023/issues/1086, cut at 132 columns.
    const line =
      "failed to create containerd container: mount callback failed on /var/lib/containerd/tmpmounts/containerd-mount2113257072: openat etc/passwd: path escapes from parent";
    const m = compileMatcher([
      {
        key: "whole",
        kind: "regex",
        pattern: "mount callback failed on \\S+: openat etc/(passwd|group): path escapes from parent",
        caseSensitive: false,
      },
      { key: "tail", kind: "literal", pattern: "path escapes from parent", caseSensitive: false },
    ]);
    const cut = cutByTerminal([line], 132);
    expect(cut.split("\n")).toHaveLength(2);
    expect(m.scan(cut).map((h) => [h.key, h.line])).toEqual([
      ["whole", 1],
      ["tail", 1],
    ]);
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

  it("reports a message once when a wrapped record's continuation line holds it whole", () => {
    // The same paste with one record wrapped before its message rather than inside it.
    const lines = pasted.split("\n");
    lines.splice(5, 2, "Feb 23 16:44:36 jobs kernel: [38775494.495169] netfilter says the", "nf_conntrack: table full, dropping packet");
    const matcher = compileMatcher([
      { key: "conntrack-full", kind: "literal", pattern: "nf_conntrack: table full, dropping packet", caseSensitive: false },
    ]);
    const hits = matcher.scan(lines.join("\n"));
    // The line holding it, as pasted; the record's first line, rebuilt, is not reported again.
    expect(hits.map((h) => h.line)).toEqual([1, 2, 4, 7, 8]);
    expect(hits[3]?.text).toBe("nf_conntrack: table full, dropping packet");
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
