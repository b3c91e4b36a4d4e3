import { describe, expect, it } from "vitest";
import { diagnoseFields } from "../../src/engine/diagnose";
import { checkFieldLimits, checkHostsLimits, checkTextLimits, LIMITS } from "../../src/http/limits";
import { capDiagnosis } from "../../src/service/cap-diagnosis";
import { loadDataKb } from "../support/data-kb";
import { XOR_MARK_JOURNALD } from "../support/seed-logs";

describe("input limits", () => {
  it("counts lines, kubectl rows and uname hosts, and names what went over", () => {
    // A file of exactly the limit's lines, each ending in a line break (`wc -l` says 200000), is within it.
    expect(checkTextLimits("a\n".repeat(LIMITS.lines))).toBeNull();
    expect(checkTextLimits(`${"a\n".repeat(LIMITS.lines)}a`)?.detail).toMatch(/has more than 200,000 lines/);
    expect(checkTextLimits("a\n".repeat(LIMITS.lines + 1))?.detail).toMatch(/has more than 200,000 lines/);
    const header = "NAME STATUS ROLES AGE VERSION";
    const table = (n: number) => [header, ...Array.from({ length: n }, (_, i) => `n${i} Ready <none> 1d v1.30.0`)].join("\n");
    expect(checkTextLimits(table(LIMITS.nodeRows))).toBeNull();
    expect(checkTextLimits(table(LIMITS.nodeRows + 1))?.detail).toMatch(/node rows/);
    // Rows of separate tables each count; blank lines between rows do not end a table (the parser reads on), and
    // what follows them ends it unless it holds a node's status.
    expect(checkTextLimits(`${table(LIMITS.nodeRows)}\n\n${table(1)}`)?.detail).toMatch(/node rows/);
    const spaced = (n: number) => table(n).split("\n").join("\n\n");
    expect(checkTextLimits(spaced(LIMITS.nodeRows))).toBeNull();
    // The scan stops one past the limit: the count it says is a bound (review 36a: "5,001 rows" for 58,000).
    expect(checkTextLimits(spaced(LIMITS.nodeRows + 1))?.detail).toMatch(/more than 5,000 kubectl node rows/);
    expect(checkTextLimits(spaced(LIMITS.nodeRows * 3))?.detail).toMatch(/more than 5,000 kubectl node rows/);
    const tableThenLogs = `${table(LIMITS.nodeRows)}\n\n${"worker-1 kubelet restarted\n".repeat(10)}`;
    expect(checkTextLimits(tableThenLogs)).toBeNull();
    // A NotReady node's kubelet log after its table: one line naming "Ready" is no run of rows.
    const journal = `Nov 13 10:00:00 worker-2 kubelet[1234]: I1113 setters.go:568] "Node became not ready" node="worker-2" condition={"type":"Ready"}\n${'Nov 13 10:00:01 worker-2 kubelet[1234]: E1113 kubelet.go:2855] "Container runtime network not ready"\n'.repeat(LIMITS.nodeRows + 10)}`;
    expect(checkTextLimits(`${table(3)}\n\n${journal}`)).toBeNull();
    expect(checkTextLimits(`${table(3)}\n${journal}`)).toBeNull();
    // Journal lines that name a node status are no rows: a row's second word is its STATUS.
    const notReady = `Nov 13 10:00:00 node2 kubelet[1234]: I1113 kubelet_node_status.go:700] "Recording event message for node" node="node2" event="NodeNotReady"\n`;
    expect(checkTextLimits(`${table(2)}\n${notReady.repeat(LIMITS.nodeRows + 10)}`)).toBeNull();
    // Lines are read whole: a header or a uname padded past any prefix still counts.
    expect(checkTextLimits(table(LIMITS.nodeRows + 1).replace("NAME ", `NAME${" ".repeat(250)}`))?.detail).toMatch(/node rows/);
    const padded = Array.from(
      { length: LIMITS.unameHosts + 1 },
      (_, i) => `Linux${" ".repeat(400)}h${i} 5.15.0-91-generic #101-Ubuntu SMP x86_64 GNU/Linux`,
    );
    expect(checkTextLimits(padded.join("\n"))?.detail).toMatch(/hosts/);
    // A uname line counts as a host inside a table too (the parser reads it as one, not as a row).
    const unameRows = Array.from(
      { length: LIMITS.unameHosts + 1 },
      (_, i) => `Linux h${i} 5.15.0-91-generic #101-Ubuntu SMP x86_64 GNU/Linux Ready`,
    );
    expect(checkTextLimits(`NAME   STATUS   AGE   VERSION\n${unameRows.join("\n")}`)?.detail).toMatch(/hosts|nodes/);
    // A header behind white space the parser trims (a no-break space, a BOM, CR) still starts a table.
    for (const lead of ["\u00a0", "\ufeff", "\r", " ".repeat(300)])
      expect(checkTextLimits(`${lead}${table(LIMITS.nodeRows + 1)}`)?.detail).toMatch(/node rows/);
    const unames = (n: number) => Array.from({ length: n }, (_, i) => `Linux h${i} 6.1.0-13-amd64 #1 SMP x86_64 GNU/Linux`).join("\n");
    expect(checkTextLimits(unames(LIMITS.unameHosts))).toBeNull();
    expect(checkTextLimits(unames(LIMITS.unameHosts + 1))?.detail).toMatch(/hosts/);
    // The same host repeated is one host.
    expect(
      checkTextLimits(
        Array(LIMITS.unameHosts + 5)
          .fill("Linux same 6.1.0 #1 SMP x86_64")
          .join("\n"),
      ),
    ).toBeNull();
  });

  it("counts a table's rows and the unames pasted with it as one fleet, in a text or across fields", () => {
    // The engine joins them into one list of nodes, so together they may not pass the node limit.
    const half = Math.ceil(LIMITS.fleetNodes / 2) + 1;
    const table = ["NAME STATUS ROLES AGE VERSION", ...Array.from({ length: half }, (_, i) => `n${i} Ready <none> 1d v1.30.0`)].join("\n");
    const unames = Array.from({ length: half }, (_, i) => `Linux h${i} 6.1.0-13-amd64 #1 SMP x86_64 GNU/Linux`).join("\n");
    expect(checkTextLimits(table)).toBeNull();
    expect(checkTextLimits(unames)).toBeNull();
    expect(checkTextLimits(`${table}\n\n${unames}`)?.detail).toMatch(/nodes \(kubectl table rows and uname -a hosts together\)/);
    expect(checkFieldLimits({ nodes: table, uname: unames })?.detail).toMatch(/uname -a hosts together/);
    expect(checkFieldLimits({ nodes: table, uname: unames.split("\n").slice(0, 10).join("\n") })).toBeNull();
  });

  it("counts a node once when its table row and its uname name it, and counts uname -snrm hosts too", () => {
    const n = Math.ceil(LIMITS.fleetNodes * 0.6);
    const names = Array.from({ length: n }, (_, i) => `n${i}`);
    const table = ["NAME STATUS ROLES AGE VERSION", ...names.map((name) => `${name}.example.com Ready <none> 1d v1.30.0`)].join("\n");
    const unames = names.map((name) => `Linux ${name} 6.1.0-13-amd64 #1 SMP x86_64 GNU/Linux`).join("\n");
    // The engine joins each row to its host: n nodes, not 2n; the same unames in another field add none.
    expect(checkFieldLimits({ nodes: table, uname: unames, logs: unames })).toBeNull();
    // Two full names with one short name are two machines.
    const other = names.map((name) => `Linux ${name}.eu-west.example.com 6.1.0-13-amd64 #1 SMP x86_64 GNU/Linux`).join("\n");
    expect(checkFieldLimits({ nodes: table, uname: other })?.detail).toMatch(/uname -a hosts together/);
    // `uname -snrm` (no build) is a host to the parser, so to the limit.
    const short = Array.from({ length: LIMITS.unameHosts + 1 }, (_, i) => `Linux h${i} 5.15.0-${i}-generic x86_64`).join("\n");
    expect(checkFieldLimits({ uname: short })?.detail).toMatch(/hosts/);
  });

  it("limits each structured field and the per-host form", () => {
    expect(checkFieldLimits({ uname: "x".repeat(LIMITS.fieldChars + 1) })?.detail).toMatch(/uname field/);
    expect(checkFieldLimits({ logs: "x".repeat(LIMITS.fieldChars + 1) })).toBeNull();
    expect(checkFieldLimits({ logs: "a\n".repeat(LIMITS.lines + 1), limit: 3 })?.detail).toMatch(/logs field has .* lines/);
    const hosts = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `h${i}`, bundle: "uname -a output" }));
    expect(checkHostsLimits(hosts(LIMITS.hosts))).toBeNull();
    expect(checkHostsLimits(hosts(LIMITS.hosts + 1))?.detail).toMatch(/hosts/);
  });
});

describe("answer caps", () => {
  const node = (i: number, outlier: boolean) => ({
    name: `n${i}`,
    kernel: "k",
    osImage: null,
    runtime: null,
    version: null,
    line: i + 2,
    outlier,
    differs: [],
    inRange: [],
    findings: outlier ? ["bug"] : [],
    matched: [],
  });
  it("keeps outliers first within the cap, and says how many nodes it left out", () => {
    const nodes = Array.from({ length: 500 }, (_, i) => node(i, i === 450));
    const d = {
      kb: { version: "kb-x", records: 1 },
      facts: { kernel: null, os: null, iptables: null, nodes: nodes.map((n) => ({ name: n.name }) as never) },
      findings: [],
      advisories: [],
      rootCause: null,
      nodes,
      closest: [],
    };
    const capped = capDiagnosis(d, { nodes: 100, evidencePerFinding: 10 });
    expect(capped.nodes).toHaveLength(100);
    expect(capped.nodes.map((n) => n.name)).toContain("n450");
    expect(capped.facts.nodes).toHaveLength(100);
    expect(capped.truncated).toEqual([
      { what: "nodes", shown: 100, total: 500, note: expect.stringMatching(/400 of 500 nodes not shown/) },
    ]);
    expect(capDiagnosis({ ...d, nodes: nodes.slice(0, 5), facts: { ...d.facts, nodes: [] } }).truncated).toBeUndefined();
  });

  it("keeps the version checks that decided a verdict when it cannot keep them all (review 33c)", async () => {
    // Sixty Ubuntu nodes, one (worker-50) on the first affected kernel, and worker-50's own journal of the seed's bug.
    const rows = Array.from(
      { length: 60 },
      (_, i) =>
        `worker-${i}      Ready    <none>   5d    v1.31.2   10.0.0.${i}      <none>        Ubuntu 22.04.5 LTS   5.15.0-${i === 50 ? 127 : 126}-generic   containerd://1.7.22`,
    );
    const nodes = [
      "NAME          STATUS   ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION       CONTAINER-RUNTIME",
      ...rows,
    ].join("\n");
    const kb = (await loadDataKb()).compiled;
    const d = diagnoseFields(kb, { nodes, logs: XOR_MARK_JOURNALD.replaceAll("k8s-192-168-3-26", "worker-50") });
    const mark = capDiagnosis(d).findings.find((f) => f.id === "xt-mark-ipv6-typo-2024");
    expect(mark?.verdict.status).toBe("affected");
    const kept = mark?.evidence.filter((e) => e.kind === "version") ?? [];
    expect(kept.length).toBeLessThan(60);
    expect(kept.some((e) => e.kind === "version" && e.result === "affected" && e.subject.startsWith("node worker-50 "))).toBe(true);
  });
});
