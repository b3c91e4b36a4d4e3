import { describe, expect, it } from "vitest";
import { diagnoseBundle } from "../../src/engine/diagnose";
import { loadDataKb } from "../support/data-kb";

// Lines a log export quoted, so that a record's words no longer read as printed (review 66b F3, F5): they matched only by
// their tokens, capped below high, or (CSV) on a weaker signature at low.
const exactOf = async (text: string, id: string) => {
  const f = diagnoseBundle((await loadDataKb()).compiled, text).findings.find((x) => x.id === id);
  return f?.evidence.filter((e) => e.kind === "log" && !e.approximate) ?? [];
};

describe("a log export's quoting", () => {
  it("reads a JSON string's \\u003c/\\u003e escapes as Go's encoders wrote them (Docker's json-file driver)", async () => {
    const veth =
      '{"log":"failed to create endpoint web on network bridge: failed to add the host (veth4e2a1b3) \\u003c=\\u003e sandbox (veth9c8d7e6) pair interfaces: operation not supported\\n","stream":"stderr","time":"2024-03-01T10:00:00.1Z"}';
    const [hit] = await exactOf(veth, "docker-veth-eopnotsupp-after-kernel-upgrade");
    expect(hit).toMatchObject({ line: 1 });
    // The evidence shows the line as pasted.
    expect(hit?.kind === "log" && hit.text).toContain("\\u003c=\\u003e");
    const loop =
      '{"log":"[FATAL] plugin/loop: Loop (127.0.0.1:55953 -\\u003e :53) detected for zone \\".\\", see https://coredns.io/plugins/loop#troubleshooting.\\n","stream":"stdout"}';
    expect(await exactOf(loop, "coredns-loop-systemd-resolved")).toHaveLength(1);
  });

  it("reads a CSV field's doubled quotes as one (CloudWatch Logs Insights' and Kibana's CSV downloads)", async () => {
    // The seed record's kube-proxy line as a Logs Insights CSV row.
    const csv = [
      "@timestamp,@message",
      '2024-11-13 16:15:07.931,"E1113 16:15:07.931291 1 proxier.go:1481] ""Failed to execute iptables-restore"" err=<"',
      '2024-11-13 16:15:07.931,"exit status 2: ip6tables-restore v1.8.4 (legacy): unknown option ""--xor-mark"""',
    ].join("\n");
    const hits = await exactOf(csv, "xt-mark-ipv6-typo-2024");
    expect(hits.map((h) => h.kind === "log" && h.signature)).toContain("ip6tables-unknown-mark-option");
    // Every field quoted (Splunk's, Python's QUOTE_ALL), or the message in another column than the last (review 66i F3).
    const line = 'exit status 2: ip6tables-restore v1.8.4 (legacy): unknown option ""--xor-mark""';
    for (const row of [`"2024-11-13 16:15:07.931","worker-2","${line}"`, `"2024-11-13 16:15:07.931","${line}","worker-2"`]) {
      const found = await exactOf(row, "xt-mark-ipv6-typo-2024");
      expect(
        found.map((h) => h.kind === "log" && h.signature),
        row,
      ).toContain("ip6tables-unknown-mark-option");
    }
  });
});

describe("an AppArmor audit record without its quotes (review 68b F2)", () => {
  it("reads as the kernel logs it: `ausearch -i`'s record and a ticket's retelling find the record the quoted one does", async () => {
    const kb = (await loadDataKb()).compiled;
    const USERNS = "ubuntu-apparmor-restrict-unprivileged-userns";
    const top = (paste: string) => diagnoseBundle(kb, paste).findings[0];
    const quoted = top(
      'apparmor="DENIED" operation="capable" profile="unprivileged_userns" comm="bwrap" capability=12 capname="net_admin"',
    );
    expect(quoted?.id).toBe(USERNS);
    for (const paste of [
      "type=AVC msg=audit(06/05/2024 10:11:12.346:124) : apparmor=DENIED operation=capable class=cap profile=unprivileged_userns pid=4322 comm=bwrap capability=sys_admin  capname=sys_admin",
      "journalctl shows apparmor=DENIED operation=capable profile=unprivileged_userns comm=bwrap capability=12 capname=net_admin",
    ]) {
      expect(top(paste)).toMatchObject({ id: USERNS, confidence: quoted?.confidence, score: quoted?.score });
      // The evidence shows the line as pasted.
      expect(top(paste)?.evidence.find((e) => e.kind === "log")?.text).toContain("profile=unprivileged_userns");
    }
  });
});

describe("a C program's errno text in the user's language (review 68b F1)", () => {
  it("reads as the C locale prints it: procps' sysctl under zh_CN and ja finds what the English line does", async () => {
    const kb = (await loadDataKb()).compiled;
    const BR = "br-netfilter-not-loaded";
    const lines = (errno: string) =>
      [
        `sysctl: cannot stat /proc/sys/net/bridge/bridge-nf-call-ip6tables: ${errno}`,
        `sysctl: cannot stat /proc/sys/net/bridge/bridge-nf-call-iptables: ${errno}`,
      ].join("\n");
    const english = diagnoseBundle(kb, lines("No such file or directory")).findings.find((f) => f.id === BR);
    expect(english?.confidence).toBe("medium");
    // glibc 2.36's zh_CN and ja catalogues (libc.mo) for ENOENT.
    for (const errno of ["没有那个文件或目录", "そのようなファイルやディレクトリはありません"]) {
      const f = diagnoseBundle(kb, lines(errno)).findings.find((x) => x.id === BR);
      expect(f, errno).toMatchObject({ confidence: english?.confidence, score: english?.score });
      // Exact evidence, shown as pasted.
      const log = f?.evidence.find((e) => e.kind === "log");
      expect(log?.kind === "log" && !log.approximate && log.text.includes(errno)).toBe(true);
    }
  });
});
