import { describe, expect, it } from "vitest";
import { compileMatcher, type Hit, type SignatureSpec } from "../../src/engine/match";
import { XOR_MARK_KLOG } from "../support/seed-logs";

const lit = (key: string, pattern: string, caseSensitive = false): SignatureSpec => ({ key, kind: "literal", pattern, caseSensitive });
const rx = (key: string, pattern: string, caseSensitive = false): SignatureSpec => ({ key, kind: "regex", pattern, caseSensitive });

const XT_MARK = [
  lit("xor-mark", 'unknown option "--xor-mark"'),
  lit("set-xmark", 'unknown option "--set-xmark"'),
  lit("mark-rev0", "Extension MARK revision 0 not supported"),
  rx("restore-failed", '"Failed to execute iptables-restore" err='),
  rx(
    "ip6-unknown-option",
    'ip6tables(?:-restore)? v1\\.8\\.\\d+ \\((?:legacy|nf_tables)\\): unknown option "--(?:xor-mark|set-xmark|set-mark|or-mark)"',
  ),
  rx("rule-append", "^ip6tables v[\\d.]+ \\(nf_tables\\):\\s+RULE_APPEND failed \\(No such file or directory\\)"),
];

const brief = (hits: Hit[]) => hits.map((h) => ({ key: h.key, line: h.line, ...(h.blockStart ? { blockStart: h.blockStart } : {}) }));

describe("scan: real log dialects", () => {
  const matcher = compileMatcher(XT_MARK);

  it("finds hits inside a klog err=< block and points them at the record's first line", () => {
    // kube-proxy on Bottlerocket 1.26.2 (the seed log): https://github.com/bottlerocket-os/bottlerocket/issues/4295
    const log = XOR_MARK_KLOG;
    const hits = matcher.scan(log);
    expect(brief(hits)).toEqual([
      { key: "restore-failed", line: 2 },
      { key: "xor-mark", line: 3, blockStart: 2 },
      { key: "ip6-unknown-option", line: 3, blockStart: 2 },
    ]);
    expect(hits[1]?.text).toBe('exit status 2: ip6tables-restore v1.8.4 (legacy): unknown option "--xor-mark"');
  });

  it("reads klog blocks framed by journald, including the ' >' end delimiter", () => {
    // k3s on Fedora 40, kernel 6.11.4-201.fc40 (German month names): https://github.com/k3s-io/k3s/issues/11175
    const log = [
      'Okt 26 01:54:40 ... k3s[20378]: E1026 01:54:40.885702   20378 proxier.go:1511] "Failed to execute iptables-restore" err=<',
      "Okt 26 01:54:40 ... k3s[20378]:         exit status 2: Ignoring deprecated --wait-interval option.",
      "Okt 26 01:54:40 ... k3s[20378]:         Warning: Extension MARK revision 0 not supported, missing kernel module?",
      'Okt 26 01:54:40 ... k3s[20378]:         ip6tables-restore v1.8.9 (legacy): unknown option "--xor-mark"',
      "Okt 26 01:54:40 ... k3s[20378]:         Error occurred at line: 31",
      "Okt 26 01:54:40 ... k3s[20378]:         Try `ip6tables-restore -h' or 'ip6tables-restore --help' for more information.",
      "Okt 26 01:54:40 ... k3s[20378]:  >",
    ].join("\n");
    expect(brief(matcher.scan(log))).toEqual([
      { key: "restore-failed", line: 1 },
      { key: "mark-rev0", line: 3, blockStart: 1 },
      { key: "xor-mark", line: 4, blockStart: 1 },
      { key: "ip6-unknown-option", line: 4, blockStart: 1 },
    ]);
  });

  it("reads a journald block whose end the paste cut off", () => {
    // kube-proxy on Ubuntu 22.04.5, 5.15.0-127-generic: https://github.com/kubernetes/kube-proxy/issues/25
    const log = [
      'Feb 17 11:12:14 k8s-192-168-3-26 kube-proxy[9234]: E0217 11:12:14.212635    9234 proxier.go:1432] "Failed to execute iptables-restore" err=<',
      'Feb 17 11:12:14 k8s-192-168-3-26 kube-proxy[9234]:         exit status 2: ip6tables-restore v1.8.7 (nf_tables): unknown option "--xor-mark"',
      "Feb 17 11:12:14 k8s-192-168-3-26 kube-proxy[9234]:         Error occurred at line: 11",
    ].join("\n");
    expect(brief(matcher.scan(log))).toEqual([
      { key: "restore-failed", line: 1 },
      { key: "xor-mark", line: 2, blockStart: 1 },
      { key: "ip6-unknown-option", line: 2, blockStart: 1 },
    ]);
  });

  it("sees through logfmt escaping and splits an escaped \\n into logical lines for regexes", () => {
    // Cilium on Talos, 6.6.58: https://github.com/siderolabs/pkgs/pull/1065
    const line =
      'level=error msg="iptables rules full reconciliation failed, will retry another one later" error="failed to install rules: cannot install static proxy rules: unable to run \'ip6tables -t mangle -A CILIUM_PRE_mangle -m socket --transparent ! -o lo -m mark ! --mark 0x00000e00/0x00000f00 -m mark ! --mark 0x00000800/0x00000f00 -m comment --comment cilium: any->pod redirect proxied traffic to host proxy -j MARK --set-mark 0x00000200\' iptables command: exit status 4 stderr=\\"Warning: Extension MARK revision 0 not supported, missing kernel module?\\\\nip6tables v1.8.8 (nf_tables):  RULE_APPEND failed (No such file or directory): rule in chain CILIUM_PRE_mangle\\\\n\\"" subsys=iptables';
    const hits = matcher.scan(line);
    // The regex is anchored at ^: only the logical line after the escaped newline can match it.
    expect(brief(hits)).toEqual([
      { key: "mark-rev0", line: 1 },
      { key: "rule-append", line: 1 },
    ]);
    expect(hits[0]?.text).toBe(line);
  });

  it('matches a quoted literal written as \\" inside a klog value', () => {
    // kube-proxy on Ubuntu 5.15.0-127: https://github.com/rancher/rke2/issues/7438
    const line =
      'E1217 15:37:53.421766       1 proxier.go:734] "Error cleaning up nftables rules" err="could not find nftables binary: exec: \\"nft\\": executable file not found in $PATH"';
    const m = compileMatcher([lit("no-nft", 'exec: "nft": executable file not found in $PATH', true)]);
    expect(brief(m.scan(line))).toEqual([{ key: "no-nft", line: 1 }]);
  });

  it("reads Calico felix's escaped multi-line errorOutput", () => {
    // Calico felix on arm64 (line shortened after the errorOutput value): https://github.com/projectcalico/calico/issues/4487
    const line =
      "2021-03-20 10:23:46.302 [WARNING][637] felix/table.go 1324: Failed to execute ip(6)tables-restore command error=exit status 2 errorOutput=\"iptables-nft-restore v1.8.4 (nf_tables): unknown arguments found on commandline\\nError occurred at line: 3\\nTry `iptables-nft-restore -h' or 'iptables-nft-restore --help' for more information.\\n\"";
    const m = compileMatcher([
      rx("nft-unknown-args", "^Error occurred at line: \\d+$"),
      lit("felix-restore", "Failed to execute ip(6)tables-restore command"),
    ]);
    expect(brief(m.scan(line))).toEqual([
      { key: "nft-unknown-args", line: 1 },
      { key: "felix-restore", line: 1 },
    ]);
  });
});

describe("scan: line endings, colours and line numbers", () => {
  // Arch, 6.6.57-lts / 6.11.4: https://github.com/zfl9/ipt2socks/issues/56
  const arch = [
    "Warning: Extension MARK revision 0 not supported, missing kernel module?",
    'ip6tables v1.8.10 (legacy): unknown option "--set-xmark"',
    "Try `ip6tables -h' or 'ip6tables --help' for more information.",
  ];
  const matcher = compileMatcher(XT_MARK);

  it("numbers lines from 1 in the text given, with LF or CRLF", () => {
    const want = [
      { key: "mark-rev0", line: 2 },
      { key: "set-xmark", line: 3 },
      { key: "ip6-unknown-option", line: 3 },
    ];
    expect(brief(matcher.scan(["", ...arch].join("\n")))).toEqual(want);
    const crlf = matcher.scan(["", ...arch].join("\r\n"));
    expect(brief(crlf)).toEqual(want);
    expect(crlf[1]?.text).toBe(arch[1]);
  });

  it("gives each line's start as its pass counted them, also inside a matched literal; none when colours were stripped", () => {
    // The second line ends inside a literal (the automaton is deep in it when the newline comes).
    const text = ["", "Warning: Extension MARK revision 0", ...arch, ""].join("\r\n");
    const starts = [0];
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
    expect(matcher.scanMarked(text).lineStarts).toEqual(starts);
    // Only the root in dense rows: every newline after a literal's first letter is met on goto+fail edges.
    expect(compileMatcher(XT_MARK, { maxDenseBytes: 1 }).scanMarked(text).lineStarts).toEqual(starts);
    expect(matcher.scanMarked(`\x1b[31m${text}`).lineStarts).toBeNull();
  });

  it("strips ANSI colours before scanning without moving lines", () => {
    // containerlab on Fedora 40 logs through logrus; on a terminal logrus colours the level as
    // "\x1b[31mERRO\x1b[0m[0000] " (text_formatter.go, https://github.com/sirupsen/logrus/blob/master/text_formatter.go).
    // Message: https://github.com/srl-labs/containerlab/issues/2290
    const log = [
      "\x1b[34mINFO\x1b[0m[0000] Creating lab directory",
      "\x1b[31mERRO\x1b[0m[0000] failed deploy stage for node \"leaf2\": error while starting a container \"clab-lab1-leaf2\": netavark (exit code 1): unable to append rule '-j MARK  --set-xmark 0x2000/0x2000' to table 'nat': code: 2, msg: \x1b[1mWarning: Extension MARK revision 0 not supported\x1b[0m, missing kernel module?",
      'ip6tables v1.8.10 (nf_tables): unknown option "--set-xmark"',
    ].join("\n");
    const hits = matcher.scan(log);
    expect(brief(hits)).toEqual([
      { key: "mark-rev0", line: 2 },
      { key: "set-xmark", line: 3 },
      { key: "ip6-unknown-option", line: 3 },
    ]);
    expect(hits[0]?.text.startsWith("ERRO[0000] failed deploy stage")).toBe(true);
  });

  it("reports a signature once per line however often it occurs there", () => {
    const hits = matcher.scan(`${arch[0]} ${arch[0]}\n${arch[0]}`);
    expect(brief(hits)).toEqual([
      { key: "mark-rev0", line: 1 },
      { key: "mark-rev0", line: 2 },
    ]);
  });

  it("confirms case-sensitive literals exactly", () => {
    const m = compileMatcher([lit("mark", "Extension MARK revision 0", true)]);
    expect(m.scan(arch[0] as string)).toHaveLength(1);
    expect(m.scan("warning: extension mark revision 0 not supported")).toEqual([]);
  });

  it("runs a regex only where its literals are and still rejects near misses", () => {
    // ip6tables v1.8.10 from https://github.com/tailscale/tailscale/issues/13863, and a v1.6 line
    // that has the literals but not the version the regex asks for.
    const m = compileMatcher([rx("bad-value", 'ip6tables v1\\.8\\.\\d+ \\(nf_tables\\): MARK: bad value for option "--set-mark"')]);
    const ok = 'ip6tables v1.8.10 (nf_tables): MARK: bad value for option "--set-mark", or out of range (0-4294967295).';
    expect(brief(m.scan(`${ok}\n${ok.replace("v1.8.10", "v1.6.1")}`))).toEqual([{ key: "bad-value", line: 1 }]);
  });

  it("checks long lines around the hit instead of dropping them", () => {
    const filler = "x".repeat(40_000);
    const m = compileMatcher([rx("rev", "MARK revision \\d+ not supported")]);
    expect(brief(m.scan(`${filler} ${arch[0]} ${filler}`))).toEqual([{ key: "rev", line: 1 }]);
  });
});

describe("scan: logs wrapped by mail clients", () => {
  // Tailscale on NixOS, 6.11.4: https://github.com/tailscale/tailscale/issues/13863
  const tailscale =
    "#     - adding [-i tailscale0 -j MARK --set-mark 0x40000/0xff0000] in v6/filter/ts-forward: running [/nix/store/zpl4wlvc9a4ziq7b6ccrpxzn5mwc3frn-iptables-1.8.10/bin/ip6tables -t filter -A ts-forward -i tailscale0 -j MARK --set-mark 0x40000/0xff0000 --wait]: exit status 2: Warning: Extension MARK revision 0 not supported, missing kernel module?";
  const matcher = compileMatcher([lit("rev0", "Warning: Extension MARK revision 0 not supported, missing kernel module?")]);

  /** Greedy word wrap, as a mail client does before sending. */
  function wordWrap(text: string, width: number): string {
    const lines: string[] = [];
    let cur = "";
    for (const word of text.split(" ")) {
      if (cur !== "" && cur.length + 1 + word.length > width) {
        lines.push(cur);
        cur = word;
      } else cur = cur === "" ? word : `${cur} ${word}`;
    }
    return [...lines, cur].join("\n");
  }

  it("rejoins word-wrapped lines and reports the first original line", () => {
    const text = `Hi, kube-proxy on our nodes logs this since the upgrade:\n\n${wordWrap(tailscale, 72)}\n\nThanks`;
    expect(text.split("\n")).toHaveLength(10);
    expect(matcher.scan(tailscale.replace(/ /g, "\n"))).toEqual([]); // the wrapped message is not on one line
    const hits = matcher.scan(text);
    expect(brief(hits)).toEqual([{ key: "rev0", line: 3 }]);
    expect(hits[0]?.text).toBe(tailscale);
  });

  it("rejoins lines cut at a fixed width in the middle of words", () => {
    const cut = (tailscale.match(/.{1,76}/g) as string[]).join("\n");
    expect(brief(matcher.scan(`first line\n${cut}`))).toEqual([{ key: "rev0", line: 2 }]);
  });

  it("rejoins quoted-printable soft line breaks", () => {
    const qp = (tailscale.replace(/=/g, "=3D").match(/.{1,75}/g) as string[]).join("=\n");
    expect(brief(matcher.scan(qp))).toEqual([{ key: "rev0", line: 1 }]);
  });

  it("leaves normal logs with short lines alone", () => {
    const m = compileMatcher([lit("joined", "Error occurred at line: 16 Try")]);
    const log = ["Error occurred at line: 16", "Try `ip6tables-restore -h' or 'ip6tables-restore --help' for more information."].join("\n");
    expect(m.scan(log)).toEqual([]);
  });
});

describe("scanMarked: the lines a signature's own regex refused", () => {
  it("reports a line that held a regex's literals but failed it, and not a line that lacked them or matched", () => {
    const matcher = compileMatcher([rx("insert-failed", "insert_failed=[1-9][0-9]*"), lit("plain", "no such device")]);
    const log = ["cpu=0 insert_failed=0 drop=0", "cpu=1 insert_failed=42 drop=0", "cpu=2 drop=0", "no such device"].join("\n");
    const { hits, rejected } = matcher.scanMarked(log);
    expect(brief(hits)).toEqual([
      { key: "insert-failed", line: 2 },
      { key: "plain", line: 4 },
    ]);
    expect(rejected).toEqual([{ key: "insert-failed", line: 1 }]);
  });

  it("has a refuting regex judge every line holding its trigger literal, its other literals or not", () => {
    const pattern = "no matches for kind \\W{1,2}PodSecurityPolicy\\W{1,2} in version \\W{1,2}policy/v1beta1\\b";
    const log = [
      'error: unable to recognize "psp.yaml": no matches for kind "PodSecurityPolicy" in version "policy/v1beta1"',
      'error: unable to recognize "pdb.yaml": no matches for kind "PodDisruptionBudget" in version "policy/v1beta1"',
      "all resources applied",
    ].join("\n");
    const refuting = compileMatcher([{ ...rx("psp", pattern), refutes: true }]).scanMarked(log);
    expect(brief(refuting.hits)).toEqual([{ key: "psp", line: 1 }]);
    expect(refuting.rejected).toEqual([{ key: "psp", line: 2 }]);
    // Nor is a line an ellipsis cut ("policy/v1..."): the regex may have failed on what was cut away.
    const cut = compileMatcher([{ ...rx("psp", pattern), refutes: true }]).scanMarked(
      'no matches for kind "PodSecurityPolicy" in version "policy/v1...',
    );
    expect(cut.rejected).toEqual([]);
    // An ordinary regex skips a line that lacks one of its literals: nothing to judge there.
    expect(compileMatcher([rx("psp", pattern)]).scanMarked(log).rejected).toEqual([]);
  });
});

describe("scanMarked: a signature's `unless`, a framing of its words that is another fault", () => {
  const v4 = 'exit status 2: iptables-restore v1.8.7 (legacy): unknown option "--xor-mark"';
  const v6 = 'exit status 2: ip6tables-restore v1.8.7 (legacy): unknown option "--xor-mark"';
  const unless = 'iptables(-restore)? v[0-9][0-9.]*( \\([a-z_]+\\))?: unknown option [\\\\"]*--xor-mark';

  it("drops a literal's hit on a line the regex matches, and reports the line as refused by it", () => {
    const { hits, rejected } = compileMatcher([{ ...lit("xor-mark", 'unknown option "--xor-mark"'), unless }]).scanMarked(
      [v4, v6].join("\n"),
    );
    expect(brief(hits)).toEqual([{ key: "xor-mark", line: 2 }]);
    expect(rejected).toEqual([{ key: "xor-mark", line: 1, unless: true }]);
  });

  it("reads the framing in a JSON-escaped message and in any case, like the literal", () => {
    const escaped =
      'err="exit status 2: IPTABLES-RESTORE v1.8.4 (nf_tables): unknown option \\"--xor-mark\\"\\nError occurred at line: 12"';
    const { hits, rejected } = compileMatcher([{ ...lit("xor-mark", 'unknown option "--xor-mark"'), unless }]).scanMarked(escaped);
    expect(hits).toEqual([]);
    expect(rejected).toEqual([{ key: "xor-mark", line: 1, unless: true }]);
  });

  it("reads `unlessNext` on the line after the hit's: a warning whose tool names itself there", () => {
    const warning = lit("rev0", "Extension MARK revision 0 not supported");
    const matcher = compileMatcher([
      { ...warning, unlessNext: "(^|[^0-9a-z_-])iptables(-restore)?( v[0-9][0-9.]*)?( \\([a-z_]+\\))? ?: " },
    ]);
    const w = "Warning: Extension MARK revision 0 not supported, missing kernel module?";
    const log = [
      w,
      'iptables v1.8.7 (legacy): unknown option "--set-xmark"',
      w,
      'ip6tables v1.8.7 (legacy): unknown option "--set-xmark"',
      w,
    ].join("\r\n");
    const { hits, rejected } = matcher.scanMarked(log);
    // The IPv6 tool's warning and one with no line after it are hits; the IPv4 tool's is refused.
    expect(brief(hits)).toEqual([
      { key: "rev0", line: 3 },
      { key: "rev0", line: 5 },
    ]);
    expect(rejected).toEqual([{ key: "rev0", line: 1, unless: true, next: true }]);
    // Only another line of the same program: journald's tags naming two programs are two outputs (review 29c:
    // tailscaled's IPv6 warning, then firewalld's own iptables complaint).
    const twoPrograms = [
      `Oct 22 09:14:03 fedora tailscaled[1353]: running [/usr/sbin/ip6tables -A ts-forward]: exit status 2: ${w}`,
      "Oct 22 09:14:03 fedora firewalld[812]: WARNING: COMMAND_FAILED: '/usr/sbin/iptables -w10 -D FORWARD' failed: iptables: Bad rule",
    ].join("\n");
    expect(brief(matcher.scanMarked(twoPrograms).hits)).toEqual([{ key: "rev0", line: 1 }]);
  });

  it("refuses to compile an `unless` that is not RE2", () => {
    expect(() => compileMatcher([{ ...lit("xor-mark", 'unknown option "--xor-mark"'), unless: "(?<!ip6)tables" }])).toThrow(/lookaround/);
  });
});

describe("scan: a kernel stack trace decoded by scripts/decode_stacktrace.sh", () => {
  // The script writes each frame `func+0x19/0x30 [module]` as `func (file.c:line …) module`: records name the kernel's form.
  const matcher = compileMatcher([
    rx("nfs-rip", "RIP: \\S+:decode_getfattr_attrs\\+0x[0-9a-f]+/0x[0-9a-f]+ \\[nfsv4\\]"),
    rx("segment", "skb_segment\\+0x[0-9a-f]+/0x[0-9a-f]+"),
  ]);

  it("finds a frame of a module and a built-in one, and shows each line as pasted", () => {
    const moduleLine = "[  402.112901] RIP: 0010:decode_getfattr_attrs (fs/nfs/nfs4xdr.c:4518 fs/nfs/nfs4xdr.c:4636) nfsv4";
    const builtIn = "[39914.857231] skb_segment (net/core/skbuff.c:4519)";
    const hits = matcher.scan(
      ["BUG: kernel NULL pointer dereference, address: 0000000000000008", moduleLine, "Call Trace:", builtIn].join("\n"),
    );
    expect(hits.map((h) => ({ key: h.key, line: h.line, text: h.text }))).toEqual([
      { key: "nfs-rip", line: 2, text: moduleLine },
      { key: "segment", line: 4, text: builtIn },
    ]);
  });

  it("reads addr2line's discriminator, a path with '+' and an assembly file's frame", () => {
    const lines = [
      "[   12.000001] RIP: 0010:decode_getfattr_attrs (fs/nfs/nfs4xdr.c:4518 (discriminator 3)) nfsv4",
      "[   12.000002] ? skb_segment (/usr/src/kernels/6.6.28+debug/net/core/skbuff.c:4519)",
      "[   12.000003] skb_segment (arch/x86/lib/memcpy_64.S:38)",
    ];
    expect(matcher.scan(lines.join("\n")).map((h) => ({ key: h.key, line: h.line }))).toEqual([
      { key: "nfs-rip", line: 1 },
      { key: "segment", line: 2 },
      { key: "segment", line: 3 },
    ]);
  });

  it("reads a decoded trace a mail client wrapped, at its first line, showing the joined line", () => {
    // A mail body wrapped at 72 columns (word wrap); the decoded RIP line runs over three lines.
    const filler = (n: number) =>
      `[   12.0000${n}] CPU: ${n} PID: 1253 Comm: kworker/1:4 Not tainted 6.6.28 #1 Hardware name: Dell Inc. PowerEdge T640/0TWW5Y`;
    const rip = "[   15.114364] RIP: 0010:decode_getfattr_attrs (fs/nfs/nfs4xdr.c:4518 fs/nfs/nfs4xdr.c:4636) nfsv4";
    const wrap = (line: string) => {
      const out: string[] = [];
      let cur = "";
      for (const w of line.split(" ")) {
        if (cur && `${cur} ${w}`.length > 72) {
          out.push(cur);
          cur = w;
        } else cur = cur ? `${cur} ${w}` : w;
      }
      return [...out, cur];
    };
    const lines = [...[1, 2, 3, 4, 5, 6].map(filler), rip, filler(7), filler(8)].flatMap(wrap);
    const at = lines.indexOf(wrap(rip)[0] as string) + 1;
    const hits = matcher.scan(lines.join("\n")).filter((h) => h.key === "nfs-rip");
    expect(hits).toEqual([expect.objectContaining({ key: "nfs-rip", line: at, text: rip })]);
  });

  it("reads a hostile paste of locations in time that grows with its length only", () => {
    // A run of digits the locations could split many ways, and a dotted name tried from every dot (quadratic once).
    // And marks without a frame's parenthesis, on one line or hard-cut at 76 columns (a mail client rebuilds it whole).
    const marks = "a.c:1 ".repeat(50_000);
    const hostile = [
      `RIP: 0010:f (a.c:${"123.c:".repeat(40)}1`,
      `${"a.".repeat(200_000)}a (x.c:1`,
      "x (a.c:1 ".repeat(50_000),
      marks,
      (marks.match(/.{1,76}/g) ?? []).join("\n"),
    ];
    for (const text of hostile) {
      const started = performance.now();
      expect(matcher.scan(text)).toEqual([]);
      expect(performance.now() - started, text.slice(0, 40)).toBeLessThan(250);
    }
  });

  it("reads nothing else as a frame: a call with a Go file, prose in parentheses, another module's frame", () => {
    const others = [
      "panic: runtime error (main.go:42)",
      "decode_getfattr_attrs (see fs/nfs/nfs4xdr.c for details) nfsv4",
      "RIP: 0010:decode_getfattr_attrs (fs/nfs/nfs4xdr.c:4518) nfsd",
      "skb_segment_list (net/core/skbuff.c:4300)",
    ];
    expect(matcher.scan(others.join("\n"))).toEqual([]);
  });

  it("finds the record's own oops line decoded, through the whole engine", async () => {
    const { loadDataKb } = await import("../support/data-kb");
    const { diagnoseBundle } = await import("../../src/engine/diagnose");
    const kb = (await loadDataKb()).compiled;
    const id = "mlx5-esw-port-metadata-null-deref-6.6.28-talos-1.7.0";
    const record = kb.records.find((r) => r.id === id);
    const own = record?.examples.flatMap((e) => e.log.split("\n")).find((l) => l.includes("RIP: 0010:esw_port_metadata_get+"));
    expect(own).toBeTruthy();
    const decoded = (own ?? "").replace(
      /esw_port_metadata_get\+0x[0-9a-f]+\/0x[0-9a-f]+ \[mlx5_core\]/,
      "esw_port_metadata_get (drivers/net/ethernet/mellanox/mlx5/core/eswitch_offloads.c:2442) mlx5_core",
    );
    expect(decoded).not.toBe(own);
    const finding = diagnoseBundle(kb, decoded).findings.find((f) => f.id === id);
    const line = finding?.evidence.find((e) => e.kind === "log");
    expect(line).toMatchObject({ text: decoded.trim(), signature: "rip-esw-port-metadata-get" });
    expect(line?.kind === "log" && line.approximate).toBeFalsy();
  });
});
