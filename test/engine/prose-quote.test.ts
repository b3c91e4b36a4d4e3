import { describe, expect, it } from "vitest";
import { diagnoseBundle } from "../../src/engine/diagnose";
import { inDocumentation, quotedInProse, saidInProse } from "../../src/engine/prose-quote";
import { loadDataKb } from "../support/data-kb";

describe("a message quoted in a sentence", () => {
  it("is told apart from a log line, including one whose own words hold backticks", () => {
    expect(quotedInProse("If the kubelet log says `failed to run Kubelet: running with swap on is not supported`, run swapoff.")).toBe(
      true,
    );
    // containerd's own message quotes its keys: a log line, not a sentence quoting one.
    expect(
      quotedInProse(
        'failed to load plugin io.containerd.grpc.v1.cri" error="invalid plugin config: `mirrors` cannot be set when `config_path` is provided',
      ),
    ).toBe(false);
    expect(quotedInProse("`nf_conntrack: table full, dropping packet`")).toBe(false);
    expect(quotedInProse("kernel: nf_conntrack: table full, dropping packet")).toBe(false);
  });

  it("in double quotes, right after a verb of saying or seeing; a log line's own quotes are no sentence's (review 68g F1)", () => {
    expect(
      quotedInProse(
        'If the kubelet log says "failed to run Kubelet: running with swap on is not supported, please disable swap!" run swapoff -a.',
      ),
    ).toBe(true);
    expect(
      quotedInProse(
        "You'll know this is the case if you see an error like \u201cOCI runtime create failed: this version of runc doesn't work\u201d.",
      ),
    ).toBe(true);
    // Docker and klog quote paths and messages themselves, among plenty of words.
    expect(
      quotedInProse(
        'docker: Error response from daemon: error while creating mount source path "/var/lib/docker/volumes/data/_data": mkdir /var/lib/docker: read-only file system.',
      ),
    ).toBe(false);
    expect(quotedInProse('E0217 11:12:14.212635 9234 proxier.go:1432] "Failed to execute iptables-restore" err=<')).toBe(false);
  });

  it("under the host's own version output is still one account: the version does not show the message happened (review 68g F1)", async () => {
    const kb = await loadDataKb();
    const paste = [
      "$ kubelet --version",
      "Kubernetes v1.27.3",
      "Our runbook for new nodes, step 4:",
      'If the kubelet log says "failed to run Kubelet: running with swap on is not supported, please disable swap!" run swapoff -a and remove the swap line from /etc/fstab. None of our nodes show it now.',
    ].join("\n");
    const told = diagnoseBundle(kb.compiled, paste).findings.find((f) => f.id === "kubelet-fails-with-swap-on");
    expect(told?.confidence).not.toBe("high");
    expect(told?.unverified.join(" ")).toMatch(/quotes this bug's message inside a sentence/);
  });

  it("with a version a sentence names is one account, never high (review 66g F5: a runbook's quotes were high, affected)", async () => {
    const kb = await loadDataKb();
    const runbook = [
      "# Node troubleshooting runbook",
      "None of them is happening right now; use it as a reference when you are paged.",
      "If the kubelet log says `failed to run Kubelet: running with swap on is not supported, please disable swap!`,",
      "run `swapoff -a` and remove the swap line from /etc/fstab.",
      "All nodes run Ubuntu 22.04 with kernel 5.15.0-91-generic, containerd 1.6.28 and Kubernetes v1.28.7.",
    ].join("\n");
    const told = diagnoseBundle(kb.compiled, runbook).findings.find((f) => f.id === "kubelet-fails-with-swap-on");
    expect(told?.verdict.status).toBe("affected");
    expect(told?.confidence).toBe("medium");
    expect(told?.unverified.join(" ")).toMatch(/quotes this bug's message inside a sentence/);
    // The kubelet's own line beside the same named version is the system's output: high.
    const logged = diagnoseBundle(
      kb.compiled,
      `${runbook.split("\n").at(-1)}\nMar 01 10:00:00 node-1 kubelet[812]: E0301 10:00:00.123456     812 run.go:74] "command failed" err="failed to run Kubelet: running with swap on is not supported, please disable swap! or set --fail-swap-on flag to false. /proc/swaps contained: [Filename\\t\\t\\t\\tType\\t\\tSize\\t\\tUsed\\t\\tPriority /dev/sda2                               partition\\t1003516\\t\\t0\\t\\t-2]"`,
    ).findings.find((f) => f.id === "kubelet-fails-with-swap-on");
    expect(logged?.confidence).toBe("high");
  });
});

describe("documentation that names a message (review 68g F3)", () => {
  it("is a changelog's fix bullet or a table's row, not a log line", () => {
    expect(inDocumentation('* Fix "write /proc/self/attr/keycreate: permission denied" on older SELinux policies (#3540).')).toBe(true);
    expect(inDocumentation(' * libct/cg/sd: fix "write /proc/self/attr/keycreate: permission denied" on older SELinux policies')).toBe(
      true,
    );
    expect(inDocumentation("- Fixed `Error starting userland proxy: listen tcp6 [::]:80` when IPv6 is disabled moby/moby#42322")).toBe(
      true,
    );
    expect(inDocumentation("| Swap on | `running with swap on is not supported` | swapoff -a |")).toBe(true);
    expect(
      inDocumentation(
        'Feb 05 10:58:14 n1 kubelet[12704]: E0205 run.go:72] "command failed" err="failed to run Kubelet: running with swap on is not supported"',
      ),
    ).toBe(false);
    expect(inDocumentation("- name: fix permissions")).toBe(false);
  });

  it("keeps a record only documentation names at low, with no root cause", async () => {
    const kb = await loadDataKb();
    const d = diagnoseBundle(
      kb.compiled,
      '### Fixed\n* Fix "write /proc/self/attr/keycreate: permission denied" on older SELinux policies (#3540).',
    );
    const f = d.findings.find((x) => x.id === "runc-selinux-keycreate-rhel7");
    expect(f?.confidence).toBe("low");
    expect(f?.unverified.join(" ")).toMatch(/every line of it is documentation/);
    expect(d.rootCause).toBeNull();
  });
});

describe("a log line's own quotes are no sentence's (review 68i)", () => {
  it("never reads a line of the records' own examples as a sentence's report of a message or as documentation (F1)", async () => {
    const kb = await loadDataKb();
    const lines = kb.records.flatMap((r) =>
      r.examples.filter((e) => e.expect === "top1").flatMap((e) => e.log.split("\n").map((line) => ({ id: r.id, line }))),
    );
    expect(lines.length).toBeGreaterThan(1000);
    // The rules that hold whatever the versions say; backticks alone (a tool's own words quote so too) weigh only beside
    // versions no output printed (toldOnly).
    const told = lines.filter((l) => saidInProse(l.line) || inDocumentation(l.line));
    expect(told.map((l) => `${l.id}: ${l.line}`)).toEqual([]);
  });

  it("keeps a journal line with backticks, under the host's own version, high (F1), and its symptom confirming a reported end (F2)", async () => {
    const kb = (await loadDataKb()).compiled;
    const ctd = diagnoseBundle(
      kb,
      [
        "$ containerd --version",
        "containerd containerd.io 1.6.21 3dce8eb055cbb6872793272b4f20ed16117344f8",
        'Sep 18 10:46:45 node1 containerd[17742]: time="2023-09-18T10:46:45.452545123Z" level=warning msg="failed to load plugin io.containerd.grpc.v1.cri" error="invalid plugin config: `systemd_cgroup` only works for runtime io.containerd.runtime.v1.linux"',
      ].join("\n"),
    ).findings.find((f) => f.id === "containerd-systemd-cgroup-option-cri-plugin-not-loaded");
    expect(ctd?.confidence).toBe("high");
    expect(ctd?.unverified.join(" ")).not.toMatch(/inside a sentence/);
    const crun = diagnoseBundle(
      kb,
      [
        "$ crun --version",
        "crun version 1.18.3",
        'Oct 24 06:37:22 kube71-sg crio[1675]: time="2024-10-24 06:37:22.288118821Z" level=error msg="Container creation error: writing file `devices.allow`: Operation not permitted\\n" id=9f180776 name=/runtime.v1.RuntimeService/CreateContainer',
      ].join("\n"),
    ).findings.find((f) => f.id === "crun-1.18-systemd-device-rules-regression");
    expect(crun?.verdict).toMatchObject({ status: "affected", level: "reported" });
  });

  it("reads a log export's Markdown table as the log, not as documentation (F3)", async () => {
    const kb = (await loadDataKb()).compiled;
    const table = [
      "| @timestamp | @message |",
      "|---|---|",
      '| 2026-02-05 10:58:14.917 | E0205 10:58:14.917245   12704 run.go:72] "command failed" err="failed to run Kubelet: running with swap on is not supported, please disable swap! or set --fail-swap-on flag to false" |',
    ].join("\n");
    const d = diagnoseBundle(kb, table);
    expect(d.findings[0]).toMatchObject({ id: "kubelet-fails-with-swap-on", confidence: "medium" });
    expect(d.rootCause?.id).toBe("kubelet-fails-with-swap-on");
  });
});
