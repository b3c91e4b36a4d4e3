import { describe, expect, it } from "vitest";
import { signatureKey } from "../../src/engine/compile-kb";
import { diagnoseBundle, diagnoseFields } from "../../src/engine/diagnose";
import type { LogEvidence } from "../../src/engine/diagnosis";
import { renderTextReport } from "../../src/engine/report-text";
import { closestVersionsNote, evidenceExcerpt, matchSpans, summarizeDiagnosis, verdictLabel } from "../../src/engine/summary";
import { loadDataKb } from "../support/data-kb";
import { SEED_BUNDLE } from "../support/seed-bundle";
import { UNEVEN_FLEET, XOR_MARK_KLOG } from "../support/seed-logs";

const data = await loadDataKb();
const kb = data.compiled;
const lookup = (id: string, sig: string) => kb.signatures.get(signatureKey(id, sig))?.signature;
const XT = "xt-mark-ipv6-typo-2024";

describe("summary for doors that show every line", () => {
  it("gives each matching line once, in order, with the matched part of the line as sent", () => {
    const s = summarizeDiagnosis(diagnoseBundle(kb, SEED_BUNDLE), Number.POSITIVE_INFINITY, lookup);
    const xt = s.findings.find((f) => f.id === XT);
    const lines = xt?.evidenceLines ?? [];
    expect(lines.map((l) => l.line)).toEqual([...new Set(lines.map((l) => l.line))].sort((a, b) => a - b));
    const xor = lines.find((l) => l.text.includes("--xor-mark"));
    expect(xor?.highlights.length).toBeGreaterThan(0);
    const marked = xor?.highlights.map(([a, b]) => xor.text.slice(a, b)).join("|");
    expect(marked).toContain('ip6tables-restore v1.8.7 (nf_tables): unknown option "--xor-mark"');
    expect(marked).not.toContain("Feb 17 11:12:14");
  });

  it("keeps the whole fix when asked, the deciding version check first, and the nodes compared", () => {
    const d = diagnoseFields(kb, { uname: "5.15.0-127-generic", logs: XOR_MARK_KLOG, nodes: UNEVEN_FLEET });
    const s = summarizeDiagnosis(d, Number.POSITIVE_INFINITY, lookup);
    const xt = s.findings.find((f) => f.id === XT);
    const record = kb.records.find((r) => r.id === XT);
    expect(xt?.fixSteps.join("\n")).toBe(
      record?.fix
        .split("\n")
        .map((l) => l.trimEnd())
        .filter((l) => l.trim())
        .join("\n"),
    );
    expect(xt?.versionChecks[0]).toBe(xt?.versionEvidence);
    expect(s.nodes.map((n) => n.name)).toEqual(d.nodes.map((n) => n.name));
    expect(s.kb).toEqual(d.kb);
  });

  it("leaves highlights empty without a signature lookup, as the text report needs none", () => {
    const s = summarizeDiagnosis(diagnoseBundle(kb, SEED_BUNDLE));
    expect(s.findings.flatMap((f) => f.evidenceLines.flatMap((l) => l.highlights))).toEqual([]);
    // By default the fix is cut for a chat answer: whole steps, up to the first that acts, and a count of the rest.
    const xt = s.findings.find((f) => f.id === XT);
    expect(xt?.fixSteps.map((step) => step.slice(0, 12))).toEqual(["1. Confirm: ", "2. Upgrade t"]);
    expect(xt?.moreFixSteps).toBe(3);
  });

  it("finds literal spans case-insensitively in UTF-16 offsets, and none for a pattern RE2 refuses", () => {
    const text = "é€ Extension mark revision 0 not supported";
    const [span] = matchSpans(text, { kind: "literal", pattern: "Extension MARK revision 0", caseSensitive: false });
    expect(span && text.slice(span[0], span[1])).toBe("Extension mark revision 0");
    expect(matchSpans(text, { kind: "literal", pattern: "Extension MARK", caseSensitive: true })).toEqual([]);
    expect(matchSpans(text, { kind: "regex", pattern: "(a)\\1", caseSensitive: false })).toEqual([]);
  });
});

describe("the one evidence line a short door shows", () => {
  const example = (id: string, i: number) => data.records.find((r) => r.id === id)?.examples[i]?.log ?? "";

  it("is the line that best shows the bug: an exact signature's, the strongest, then the first", () => {
    // kube-proxy's informational "Setting conntrack hashsize" line comes first; the fatal write is the evidence.
    const HASH = "kube-proxy-conntrack-hashsize-non-init-netns";
    const log = example(HASH, 1);
    expect(log).toMatch(/Setting conntrack hashsize[\s\S]*operation not supported/);
    const f = summarizeDiagnosis(diagnoseBundle(kb, log)).findings.find((x) => x.id === HASH);
    expect(f?.keyEvidence?.text).toContain("operation not supported");
    const all = f?.evidenceLines.map((l) => l.line) ?? [];
    expect(Math.min(...all)).toBeLessThan(f?.keyEvidence?.line ?? 0);
  });

  it("keeps the matched words in view when the line is longer than the door's room", () => {
    const MEMSW = "cri-memsw-limit-without-swap-accounting";
    const log = example(MEMSW, 1);
    const at = log.indexOf("memory.memsw.limit_in_bytes");
    expect(at).toBeGreaterThan(400);
    const d = diagnoseBundle(kb, log);
    const e = d.findings.find((x) => x.id === MEMSW)?.evidence.find((x) => x.kind === "log");
    expect(e?.kind === "log" && e.matchAt).toBeGreaterThan(400);
    expect(evidenceExcerpt(e as LogEvidence, 240)).toMatch(/^….*memory\.memsw\.limit_in_bytes/);
    expect(evidenceExcerpt(e as LogEvidence, 240).length).toBeLessThanOrEqual(240);
    expect(renderTextReport(d)).toMatch(/line 1: ….*memory\.memsw\.limit_in_bytes/);
    // A capital whose lower case is longer ("İ" is two characters) does not move the match.
    const turkish = diagnoseBundle(kb, `${"İ".repeat(130)} ${log}`);
    const t = turkish.findings.find((x) => x.id === MEMSW)?.evidence.find((x): x is LogEvidence => x.kind === "log");
    expect(evidenceExcerpt(t as LogEvidence, 240)).toContain("memory.memsw.limit_in_bytes");
    // A regex's fixed words place the match too (a bare "." in `table .nat'`).
    const NAT = "iptables-legacy-nat-table-unavailable";
    expect(renderTextReport(diagnoseBundle(kb, example(NAT, 0)))).toMatch(/line \d+: ….*can't initialize iptables table `nat'/);
    // A logfmt line escapes the quotes the regex allows (`\\?"`): the words between them still place the match.
    const logfmt = `time="2024-05-01T10:00:00Z" level=error msg="RunPodSandbox for &PodSandboxMetadata{Name:coredns-5d78c9869d-abcde,Uid:0123456789abcdef,Namespace:kube-system,Attempt:0,} failed, error" error="failed to setup network for sandbox \\"0123456789abcdef0123456789abcdef\\": plugin type=\\"flannel\\" failed (add): failed to find plugin \\"flannel\\" in path [/opt/cni/bin]"`;
    const cni = diagnoseBundle(kb, logfmt).findings.find((x) => x.id === "cni-plugins-1.0-flannel-binary-removed");
    const cniLine = cni?.evidence.find((x): x is LogEvidence => x.kind === "log");
    expect(evidenceExcerpt(cniLine as LogEvidence, 240)).toContain('failed to find plugin \\"flannel\\" in path');
    // The longest of a regex's words places the match, not a short one found earlier ("lease" in "release").
    const helm = `Error: UPGRADE FAILED: unable to build kubernetes objects from release manifest: [resource mapping not found for name: "my-app" namespace: "" from "": no matches for kind "Ingress" in version "networking.k8s.io/v1beta1" ensure CRDs are installed first]`;
    const ingress = diagnoseBundle(kb, `${"x".repeat(300)} ${helm}`).findings.find((x) => x.id === "kubernetes-1.22-beta-apis-removed");
    for (const e of ingress?.evidence.filter((x): x is LogEvidence => x.kind === "log") ?? [])
      expect(evidenceExcerpt(e, 240)).toContain('no matches for kind "Ingress"');
    // A cut never splits a character.
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    for (const at of [undefined, 401, 402]) {
      for (const text of [`${"😀".repeat(200)} match here ${"😀".repeat(200)}`, `x${"😀".repeat(400)}`]) {
        const cut = evidenceExcerpt(at === undefined ? { text } : { text, matchAt: at }, 240);
        expect(lone.test(cut)).toBe(false);
        expect(cut.length).toBeLessThanOrEqual(240);
      }
    }
    // A short line, or one whose match shows at its start, is shown from its start.
    expect(evidenceExcerpt({ text: "abc", matchAt: 1 }, 240)).toBe("abc");
    expect(evidenceExcerpt({ text: `match ${"x".repeat(500)}`, matchAt: 0 }, 240)).toMatch(/^match x+…$/);
    expect(evidenceExcerpt({ text: `${"x".repeat(500)} match`, matchAt: 501 }, 240)).toMatch(/^…x+ match$/);
  });
});

describe("the text report's facts", () => {
  it("says at which line of the paste the kernel was read, so a wrong reading can be checked (review 54a F5)", () => {
    const paste = `$ hostnamectl\n  Operating System: Ubuntu 24.04.2 LTS\n            Kernel: Linux 6.8.0-57-generic\n$ journalctl -u kubelet\n${XOR_MARK_KLOG}`;
    expect(renderTextReport(diagnoseBundle(kb, paste))).toMatch(/^kernel: 6\.8\.0-57-generic = .* \(read at line 3\)$/m);
    // The fields form has a field of its own for it: no line to name.
    const fields = diagnoseFields(kb, { uname: "6.8.0-57-generic", logs: XOR_MARK_KLOG });
    expect(renderTextReport(fields)).toMatch(/^kernel: 6\.8\.0-57-generic = [^\n]*\)$/m);
    expect(renderTextReport(fields)).not.toContain("read at line");
  });
});

describe("verdict words", () => {
  it("shows a status or level a newer server sends as sent (the CLI renders other servers' answers), never 'undefined'", () => {
    const newer = { status: "partly-affected", level: "confirmed" } as unknown as Parameters<typeof verdictLabel>[0];
    expect(verdictLabel(newer)).toBe("partly-affected (confirmed)");
    expect(verdictLabel({ status: "constructor" } as unknown as Parameters<typeof verdictLabel>[0])).toBe("constructor");
    expect(closestVersionsNote({ status: "affected", reason: "" })).toBe("your versions: affected");
  });
});

describe("a line its record says other causes print too", () => {
  it("is said so in the summary and the text answer, with the causes the record names (review 69i F4, 69c F6)", () => {
    // CoreDNS 1.3.1+'s wording, as the loop plugin prints it; the record names other loops that print it too.
    const loop = `[FATAL] plugin/loop: Loop (127.0.0.1:45711 -> :53) detected for zone ".", see https://coredns.io/plugins/loop#troubleshooting. Query: "HINFO 4547991504243258144.3688648895315093531."`;
    const d = diagnoseBundle(kb, loop);
    const s = summarizeDiagnosis(d).findings.find((f) => f.id === "coredns-loop-systemd-resolved");
    expect(s?.shared).toEqual([expect.stringMatching(/^Other causes print the matched line too: another loop, through a local resolver/)]);
    expect(renderTextReport(d)).toContain("Other causes print the matched line too: another loop");
    // A line no other cause prints says nothing of the kind.
    const seed = summarizeDiagnosis(diagnoseBundle(kb, XOR_MARK_KLOG)).findings[0];
    expect(seed?.shared).toEqual([]);
  });
});
