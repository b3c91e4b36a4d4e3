import { describe, expect, it } from "vitest";
import { diagnoseBundle, diagnoseFields } from "../../src/engine/diagnose";
import type { Diagnosis, Finding } from "../../src/engine/diagnosis";
import type { BugRecord, RecordAffected } from "../../src/engine/record";
import { loadDataKb } from "../support/data-kb";
import { FLANNEL_RECORD, K3S_FLANNEL_LINES, SYSBOX_RECORD, SYSBOX_VERSION_BESIDE_DIND } from "../support/undecided-pastes";
import { VERSION_OUTPUTS } from "../support/version-outputs";

const data = await loadDataKb();
const kb = data.compiled;

const findingOf = (d: Diagnosis, id: string): Finding | undefined => [...d.findings, ...d.advisories].find((f) => f.id === id);
/**
 * A distribution's changelog is read by a person for the fix ("look for it"): no version is in it to read (the kernel's, a
 * package listing's build judged on its upstream release).
 */
const CHANGELOG = /\bchangelog\b/;
/**
 * The version a record's own range gives for an entry, one the record calls affected where it can (the log shows the bug):
 * where the range began, else its last known bad, else the release before its fix.
 */
function rangeVersion(entry: RecordAffected): string {
  const range = entry.ranges[0];
  if (range?.introduced && range.introduced !== "0") return range.introduced;
  if (range?.lastAffected) return range.lastAffected;
  const fixed = range?.fixed ?? "1.0.0";
  const before = /^(\d+\.\d+)\.([1-9]\d*)$/.exec(fixed);
  return before ? `${before[1]}.${Number(before[2]) - 1}` : fixed;
}
/** The dist tag an RPM distribution's kernel releases carry ("el7", "amzn2023", "fc35"). */
const DIST_TAG: Readonly<Record<string, (release: string) => string>> = {
  rhel: (r) => `el${r}`,
  amzn: (r) => `amzn${r}`,
  fedora: (r) => `fc${r}`,
};
/**
 * The kernel release to feed for an entry: upstream's from its range; a distribution's build as the record's own examples
 * print one (their cited sources' uname or banner), else its range's build where that is a whole one.
 */
function kernelVersion(record: BugRecord, entry: RecordAffected): string {
  const version = rangeVersion(entry);
  const [distro, release] = entry.ecosystem.split(":");
  const tag = distro && release ? DIST_TAG[distro]?.(release) : undefined;
  if (!tag) return version;
  const printed = record.examples
    .flatMap(
      (e) => `${e.uname ?? ""} ${e.procVersion ?? ""} ${e.log}`.match(new RegExp(`\\b\\d+\\.\\d+\\.\\d+-[\\d.]+\\.${tag}\\b`, "g")) ?? [],
    )
    .at(0);
  return printed ?? version;
}
/** The machine a syslog or journal line of the example names, which printed its lines; else a name of no line's. */
const hostOf = (log: string) =>
  /^[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d (\S+) /m.exec(log)?.[1] ?? /^\S*@([\w.-]+)[:\s]/m.exec(log)?.[1] ?? "node-1";
const KERNEL_COMMAND = /^uname\b|^kubectl get nodes\b/;

/**
 * Every command the "to decide" step names, across the knowledge base: for each record's own examples, the step its verdict
 * ends with, then, fed that command's output, the next one (another component the bug needs), until the verdict is decided
 * or no command is left to ask.
 */
function decideChains(record: BugRecord): Array<{ example: string; command: string; fed: string; after: Finding | undefined }> {
  const steps: Array<{ example: string; command: string; fed: string; after: Finding | undefined }> = [];
  const label = (a: RecordAffected) => (a.ecosystem === a.package ? a.package : `${a.ecosystem} ${a.package}`);
  for (const example of record.examples) {
    if (example.expect === "absent") continue;
    const fields = { uname: example.uname, procVersion: example.procVersion, osRelease: example.osRelease, nodes: example.nodes };
    let logs = example.log;
    for (let step = 0; step < 4; step++) {
      const before = findingOf(diagnoseFields(kb, { ...fields, logs }), record.id);
      const command = before?.verdict.decideWith?.command;
      if (!command || CHANGELOG.test(command)) break;
      // A cause no range covers is decided by its setting's line, no version: test/engine/unranged-cause-check.test.ts.
      if (record.unrangedCauses?.some((c) => c.shownBy?.command === command)) break;
      const reader = VERSION_OUTPUTS.find((o) => o.command.test(command));
      if (!reader)
        throw new Error(`${record.id}: the step asks for \`${command}\`, which test/support/version-outputs.ts has no real output of`);
      // The component the step turns on where a hedged reading of it stands (the same kernel's upload), else any it reads.
      const hedged = before?.evidence.find((e) => e.kind === "version" && e.certain === false);
      const entry =
        record.affected.find((a) => reader.reads(a) && hedged?.kind === "version" && label(a) === hedged.ecosystem) ??
        record.affected.find(reader.reads);
      if (!entry) throw new Error(`${record.id}: \`${command}\`'s output reads none of its entries`);
      const fed = reader.output(
        KERNEL_COMMAND.test(command) ? kernelVersion(record, entry) : rangeVersion(entry),
        entry,
        hostOf(example.log),
      );
      if (fed === null) throw new Error(`${record.id}: no output of \`${command}\` for ${entry.ecosystem} ${entry.package}`);
      // The host's uname answers in the form's own field where the example gave it there; anything else beside the log.
      if (/^uname\b/.test(command) && fields.uname !== undefined) fields.uname = fed.split("\n").slice(1).join("\n");
      else logs = `${fed}\n${logs}`;
      steps.push({ example: example.title, command, fed, after: findingOf(diagnoseFields(kb, { ...fields, logs }), record.id) });
    }
  }
  return steps;
}

describe("the step that would decide a verdict names only commands whose output the service reads (review 72b F2)", () => {
  const chains = data.records.filter((r) => r.affected.length).map((r) => [r.id, decideChains(r)] as const);

  it("asks, across the knowledge base, for the version commands of every kind of component it ranges", () => {
    const asked = new Set(chains.flatMap(([, steps]) => steps.map((s) => s.command)));
    // The commands of review 72b F2 among them, and the ones that replaced the ones no paste could answer.
    for (const command of ["sysbox-runc --version", "nft --version", "/opt/cni/bin/bridge --version", "ls containerd-*-linux-*.tar.gz"])
      expect(asked).toContain(command);
    expect([...asked].some((c) => c.includes("get ds kube-proxy"))).toBe(true);
    expect(asked).not.toContain("flanneld --version");
    expect(asked.size).toBeGreaterThan(20);
  });

  it.each(chains)("%s: pasting the output it asks for decides it as the host's own reading", (_id, steps) => {
    for (const { example, command, fed, after } of steps) {
      const at = `${example}: \`${command}\` fed:\n${fed}`;
      expect(after, at).toBeDefined();
      // Read, not named in passing, and not asked for again.
      expect(after?.verdict.reason, at).not.toMatch(/a version the report names|not read from the host/);
      expect(after?.verdict.decideWith?.command, at).not.toBe(command);
      expect(
        after?.evidence.some((e) => e.kind === "version"),
        at,
      ).toBe(true);
    }
  });
});

describe("the step never asks for a command the paste shows cannot answer (review 72b F2, F5)", () => {
  const finding = (paste: string, id: string) => findingOf(diagnoseBundle(kb, paste), id);
  it("asks for no flanneld where k3s runs flannel, and says what would decide (the record has no k3s data)", () => {
    const step = finding(K3S_FLANNEL_LINES, FLANNEL_RECORD)?.verdict.decideWith;
    expect(step?.command).toBeUndefined();
    expect(step?.step).toMatch(/^flannel runs inside k3s on this host .*: the flannel that host's k3s release embeds decides/);
  });

  it("asks for flannel's image where flanneld logged the lines: v0.21's flanneld --version prints 'dev'", () => {
    const own = K3S_FLANNEL_LINES.replaceAll("k3s[20998]", "flanneld[21282]");
    expect(finding(own, FLANNEL_RECORD)?.verdict.decideWith?.command).toBe(
      "kubectl -n kube-flannel get ds kube-flannel-ds -o jsonpath='{..image}'",
    );
  });

  it("asks for kube-proxy's own version where the table's is the kubelet's, and that image decides it", () => {
    // kubernetes#90678's nodes table (RHEL 7's kernel, kubelet v1.18.2) and kubernetes#89520's kube-proxy lines.
    const table = [
      "NAME                 STATUS     ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE       KERNEL-VERSION           CONTAINER-RUNTIME",
      "ipvs-control-plane   Ready      master   46s   v1.18.2   172.18.0.4    <none>        Ubuntu 19.10   3.10.0-1127.el7.x86_64   containerd://1.3.3-14-g449e9269",
      "E0326 13:14:23.847364       1 proxier.go:1950] Failed to list IPVS destinations, error: parseIP Error ip=[253 0 0 16 2 69 0 0 221 232 251 54 204 98 3 124]",
    ].join("\n");
    const record = "kube-proxy-1.18-ipvs-parseip-rhel7-kernel";
    const hedged = finding(table, record)?.verdict;
    expect(hedged?.decideWith).toEqual({
      command: "kubectl -n kube-system get ds kube-proxy -o jsonpath='{..image}'",
      step: "the paste's 1.18.2 is the kubelet's, not kube-proxy's: run `kubectl -n kube-system get ds kube-proxy -o jsonpath='{..image}'`",
    });
    const image = (tag: string) =>
      `$ kubectl -n kube-system get ds kube-proxy -o jsonpath='{..image}'\nk8s.gcr.io/kube-proxy:${tag}\n${table}`;
    expect(finding(image("v1.18.2"), record)?.verdict).toMatchObject({ status: "affected" });
    expect(finding(image("v1.18.2"), record)?.verdict.certain).toBeUndefined();
    expect(finding(image("v1.18.3"), record)?.verdict).toMatchObject({ status: "not-affected" });
  });

  it("asks for the release archive, not `containerd --version`, where the loader refuses that containerd", () => {
    // containerd#7255: the 1.6.7 release binaries need glibc 2.34.
    const refused = [
      "./1.6.7/bin/containerd: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.34' not found (required by ./1.6.7/bin/containerd)",
      "./1.6.7/bin/containerd: /lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.32' not found (required by ./1.6.7/bin/containerd)",
    ].join("\n");
    const record = "containerd-1.6.7-release-binaries-glibc-2.34";
    const step = finding(refused, record)?.verdict.decideWith;
    expect(step?.command).toBe("ls containerd-*-linux-*.tar.gz");
    expect(step?.step).toMatch(/^the paste shows `containerd` failing to load .* cannot answer: the release archive/);
    const listed = `$ ls -l containerd-*-linux-*.tar.gz\n-rw-r--r-- 1 root root 31963457 Aug 26 09:12 containerd-1.6.7-linux-amd64.tar.gz\n${refused}`;
    expect(finding(listed, record)?.verdict).toMatchObject({ status: "affected", level: "verified" });
  });
});

describe("a version command's own output is the host's reading (review 72b F2's pastes)", () => {
  const verdictOf = (paste: string, id: string) => findingOf(diagnoseBundle(kb, paste), id)?.verdict;

  it("reads `sysbox-runc --version`'s block (sysbox#675) beside the dind error (ubuntu-dind#35)", () => {
    const verdict = verdictOf(SYSBOX_VERSION_BESIDE_DIND, SYSBOX_RECORD);
    expect(verdict).toMatchObject({ status: "affected", level: "verified" });
    expect(verdict?.certain).toBeUndefined();
    expect(verdict?.decideWith).toBeUndefined();
  });

  // sysbox.service's ExecStart runs `sysbox-runc --version` first: its block is in the unit's journal (sysbox#637, whose
  // host's apt says sysbox-ce 0.5.0), under each line's journal prefix.
  const DIND_ERROR = SYSBOX_VERSION_BESIDE_DIND.split("\n").at(-1) as string;
  const journal = (printer: string) =>
    [
      "Mar 03 06:47:43 coworker-NUC11TNHi5-2 systemd[1]: Started Sysbox container runtime.",
      "Mar 03 06:47:43 coworker-NUC11TNHi5-2 sh[11365]: sysbox-runc",
      "Mar 03 06:47:43 coworker-NUC11TNHi5-2 sh[11365]:         edition:         Community Edition (CE)",
      `Mar 03 06:47:43 coworker-NUC11TNHi5-2 ${printer}:         version:         0.5.0`,
      DIND_ERROR,
    ].join("\n");

  it.each([
    ["journalctl -u sysbox (sysbox#637)", journal("sh[11365]")],
    [
      "`kubectl logs --prefix --timestamps`",
      [
        "[pod/sysbox-deploy-k8s-7xk2p/sysbox-deploy-k8s] 2024-12-10T09:12:01.120394Z sysbox-runc",
        "[pod/sysbox-deploy-k8s-7xk2p/sysbox-deploy-k8s] 2024-12-10T09:12:01.120401Z         edition:         Community Edition (CE)",
        "[pod/sysbox-deploy-k8s-7xk2p/sysbox-deploy-k8s] 2024-12-10T09:12:01.120407Z         version:         0.5.0",
        DIND_ERROR,
      ].join("\n"),
    ],
  ])("reads `sysbox-runc --version`'s block behind a log's prefix: %s", (_form, paste) => {
    const verdict = verdictOf(paste, SYSBOX_RECORD);
    expect(verdict).toMatchObject({ status: "affected", level: "verified" });
    expect(verdict?.decideWith).toBeUndefined();
  });

  it("reads no sysbox block from another printer's line or a sentence", () => {
    // The version line another program logged is no field of sh's block; a person's words name no block.
    for (const paste of [journal("kubelet[902]"), `We upgraded sysbox-runc\nversion: 0.5.0 was the old one\n${DIND_ERROR}`]) {
      const verdict = verdictOf(paste, SYSBOX_RECORD);
      expect(verdict?.level, paste).not.toBe("verified");
      expect(verdict?.decideWith?.command, paste).toBe("sysbox-runc --version");
    }
  });

  it("reads a CNI plugin's version line (the Kubernetes standalone-kubelet tutorial's) beside podman#4114's error", () => {
    const paste = [
      "/opt/cni/bin/bridge --version",
      "CNI bridge plugin v1.5.1",
      "CNI protocol versions supported: 0.1.0, 0.2.0, 0.3.0, 0.3.1, 0.4.0, 1.0.0",
      'ERRO[0014] Error adding network: failed to create bridge "cni-podman0": could not add "cni-podman0": operation not supported',
    ].join("\n");
    const verdict = verdictOf(paste, "cni-bridge-0.8-vlan-filtering-eopnotsupp-kernel-config");
    expect(verdict).toMatchObject({ status: "not-affected", level: "verified" });
    expect(verdict?.certain).toBeUndefined();
  });

  it("reads `nft -V` (a netfilter-devel post's) beside firewalld#1366's journal", () => {
    const paste = [
      "/usr/local/sbin/nft -V",
      "nftables v1.1.0 (Commodore Bullmoose)",
      "lug 25 08:55:30 bianco500 firewalld[8067]: ERROR: 'python-nftables' failed: internal:0:0-0: Error: Could not process rule: File o directory non esistente",
    ].join("\n");
    const verdict = verdictOf(paste, "nftables-1.1.0-cache-recycle-index-rule-enoent-firewalld");
    expect(verdict).toMatchObject({ status: "affected", level: "verified" });
    expect(verdict?.reason).not.toContain("not read from the host");
  });
});
