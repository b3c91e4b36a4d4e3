import { describe, expect, it } from "vitest";
import { diagnoseFields } from "../../src/engine/diagnose";
import { lineStartsOf } from "../../src/engine/match/line-starts";
import { yamlFoldVariant } from "../../src/engine/match/yaml-folds";
import { loadDataKb } from "../support/data-kb";

// `gcloud logging read` prints entries as YAML, folding a long textPayload at 80 columns (review 39a F5: the signature
// split between "no such file" and "or directory" was lost). The line is the apparmor record's example.
const kb = (await loadDataKb()).compiled;
const ID = "apparmor-docker-default-profile-not-loaded";
const LINE =
  'rpc error: code = 2 desc = oci runtime error: exec failed: container_linux.go:247: starting container process caused "apparmor failed to apply profile: no such file or directory"';
const entry = (payload: string[]) =>
  [
    "---",
    "insertId: x0",
    "logName: projects/p/logs/stderr",
    "severity: ERROR",
    ...payload,
    "timestamp: '2024-05-01T10:00:00.123456789Z'",
  ].join("\n");
const find = (logs: string) => diagnoseFields(kb, { logs }).findings.find((f) => f.id === ID);
const variantOf = (text: string) => yamlFoldVariant(text, lineStartsOf(text));

describe("a YAML document's folded scalars", () => {
  it("reads a folded payload as the one line it is, as PyYAML and go-yaml fold it", () => {
    const plain = find(LINE);
    expect(plain).toBeDefined();
    for (const payload of [
      // PyYAML (gcloud): single-quoted, folded at the last space before 80 columns.
      [
        "textPayload: 'rpc error: code = 2 desc = oci runtime error: exec failed: container_linux.go:247:",
        '  starting container process caused "apparmor failed to apply profile: no such file',
        `  or directory"'`,
      ],
      // Double-quoted, with an escaped break inside a word.
      [`textPayload: "${LINE.slice(0, 100).replace(/"/g, '\\"')}\\`, `  ${LINE.slice(100).replace(/"/g, '\\"')}"`],
    ]) {
      const f = find(entry(payload));
      expect(f, payload[0]).toMatchObject({ confidence: plain?.confidence, score: plain?.score });
      // The evidence is the payload's first line, read whole.
      expect(f?.evidence.find((e) => e.kind === "log")).toMatchObject({
        line: 5,
        text: expect.stringContaining("no such file or directory"),
      });
    }
  });

  it("counts a folded message once, with what its own last line shows (review 40b)", () => {
    // The kubelet's swap refusal, folded: two readings find it on two of the fold's lines, one message still.
    const swap = entry([
      "textPayload: 'Feb 05 10:58:14 bmoore-v-1 kubelet[12704]: E0205 10:58:14.917245   12704",
      '  run.go:72] "command failed" err="failed to run Kubelet: running with swap on is',
      "  not supported, please disable swap >'",
    ]);
    const plain =
      'Feb 05 10:58:14 bmoore-v-1 kubelet[12704]: E0205 10:58:14.917245   12704 run.go:72] "command failed" err="failed to run Kubelet: running with swap on is not supported, please disable swap >';
    const SWAP = "kubelet-fails-with-swap-on";
    const at = (logs: string) => diagnoseFields(kb, { logs }).findings.find((f) => f.id === SWAP);
    expect(at(swap)?.confidence).toBe(at(plain)?.confidence);
    expect(at(swap)?.scoreComponents.matchedSignatures).toBe(at(plain)?.scoreComponents.matchedSignatures);
  });

  it("joins only what YAML folds: no block of key-value output, no plain scalar holding ': ', no unclosed quote", () => {
    for (const text of [
      // `docker version`'s blocks: a plain value cannot hold the ": " of the lines under it.
      "Client: Docker Engine - Community\n Version:           24.0.1\n API version:       1.43",
      // talosctl's kernel log: "kern: warning: …" is no plain scalar.
      "kern: warning: [2026-02-06T01:31:33.774368243Z]: ------------[ cut here ]------------\n kern: warning: [2026-02-06T01:31:33.77Z]: verifier bug",
      // A block scalar keeps its lines; a key without a value opens a mapping.
      "message: |\n  first line\n  second line",
      "resource:\n  labels:\n    cluster_name: c1",
      // A quote that never closes.
      "textPayload: 'rpc error: code = 2 desc = oci runtime error\n  starting container process caused\n  and more",
    ])
      expect(variantOf(text), text).toBeNull();
    const folded = variantOf("textPayload: 'a b c\n  d e'\nseverity: ERROR\nmessage: plain words folded\n  over two lines");
    expect(folded).toMatchObject({
      origin: [0, 3],
      through: [1, 4],
      text: "textPayload: 'a b c d e'\nmessage: plain words folded over two lines",
    });
  });

  it("reads a blank line inside a quoted value as the line break it is, and '' as one quote (review 40c F10)", () => {
    // modprobe's and iptables' messages in one payload, as gcloud and kubectl's termination message print them.
    const NAT = "iptables-legacy-nat-table-unavailable";
    const modprobe = "modprobe: FATAL: Module ip_tables not found in directory /lib/modules/6.1.21-v8+";
    const iptables = "iptables v1.8.7 (legacy): can't initialize iptables table `nat': Table does not exist (do you need to insmod?)";
    const at = (logs: string) => diagnoseFields(kb, { logs }).findings.find((f) => f.id === NAT);
    const plain = at(`${modprobe}\n${iptables}`);
    expect(plain?.confidence).toBe("high");
    const gcloud = entry([
      `textPayload: '${modprobe}`,
      "",
      "  iptables v1.8.7 (legacy): can''t initialize iptables table `nat'': Table does not",
      "  exist (do you need to insmod?)'",
    ]);
    const kubectl = [
      "status:",
      "  containerStatuses:",
      "  - lastState:",
      "      terminated:",
      "        exitCode: 1",
      `        message: '${modprobe}`,
      "",
      "          iptables v1.8.7 (legacy): can''t initialize iptables table `nat'': Table",
      "          does not exist (do you need to insmod?)",
      "",
      "          '",
      "        reason: Error",
    ].join("\n");
    for (const logs of [gcloud, kubectl]) expect(at(logs), logs).toMatchObject({ confidence: plain?.confidence, score: plain?.score });
    // One rebuilt line per line of the value, each shown from its own first line.
    expect(variantOf(kubectl)).toMatchObject({ origin: [5, 7], through: [5, 8] });
    // A bare quoted item (Ansible's stderr_lines) folds too, and a one-line value's '' is read as its quote.
    expect(variantOf("stderr_lines:\n- 'a b\n  c d'\n- 'can''t e'")?.text).toBe("- 'a b c d'\n- 'can't e'");
    // A text that starts with a space and ends in a key's line: the blank-line peek past its end must not loop.
    expect(variantOf(" x\nkey: 'a'")).toBeNull();
  });
});
