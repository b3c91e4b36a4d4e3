import { describe, expect, it } from "vitest";
import { diagnoseBundle } from "../../src/engine/diagnose";
import type { Finding } from "../../src/engine/diagnosis";
import { explainRootCause, rankFindings } from "../../src/engine/score";
import { loadDataKb } from "../support/data-kb";

// Root-cause order on hand-made findings: what matters is the signal's strength, the verdict and the
// records' relations, not the raw score alone.
function finding(
  id: string,
  score: number,
  weight: number,
  status: Finding["verdict"]["status"],
  confidence: Finding["confidence"] = "high",
): Finding {
  return {
    id,
    title: id,
    score,
    confidence,
    verdict: { status, reason: "r", ...(status === "unknown" ? {} : { level: "verified" as const }) },
    evidence: [{ kind: "log", line: 1, text: "t", signature: `${id}-sig`, weight }],
    scoreComponents: { signals: weight, version: 1, verification: 1, matchedSignatures: 1 },
    fix: "f",
    reboot: "depends",
    workarounds: [],
    references: [],
    unverified: [],
  };
}

describe("rankFindings", () => {
  it("puts a decisive signature on an affected version above a higher-scoring generic symptom", () => {
    const generic = finding("generic-symptom", 0.9, 0.6, "unknown");
    const decisive = finding("kernel-bug", 0.8, 0.95, "affected");
    expect(rankFindings([generic, decisive]).map((f) => f.id)).toEqual(["kernel-bug", "generic-symptom"]);
  });

  it("keeps score order when the decisive finding's version is not known to be affected", () => {
    const generic = finding("generic-symptom", 0.9, 0.6, "unknown");
    const decisive = finding("kernel-bug", 0.8, 0.95, "unknown");
    expect(rankFindings([decisive, generic]).map((f) => f.id)).toEqual(["generic-symptom", "kernel-bug"]);
  });

  it("puts a masked bug before the complaint that masks it, unless its version is ruled out", () => {
    const relations = [{ from: "smoke", to: "cause", kind: "masks" as const, note: "n" }];
    const smoke = finding("smoke", 0.9, 0.95, "unknown");
    expect(rankFindings([smoke, finding("cause", 0.8, 0.95, "unknown")], relations).map((f) => f.id)).toEqual(["cause", "smoke"]);
    expect(rankFindings([smoke, finding("cause", 0.5, 0.95, "not-affected", "medium")], relations).map((f) => f.id)).toEqual([
      "smoke",
      "cause",
    ]);
  });

  it("puts a cause before what it explains", () => {
    const relations = [{ from: "cause", to: "consequence", kind: "explains" as const, note: "n" }];
    const ranked = rankFindings(
      [finding("consequence", 0.95, 0.95, "unknown"), finding("cause", 0.6, 0.7, "unknown", "medium")],
      relations,
    );
    expect(ranked.map((f) => f.id)).toEqual(["cause", "consequence"]);
  });

  it("says a look-alike that matched on a decisive line of its own is there too, and when no version decides (review 32d)", () => {
    const top = { ...finding("proxy-removed", 0.9, 0.95, "affected"), related: [] };
    const alike = {
      ...finding("upstream-removed", 0.85, 0.95, "unknown"),
      evidence: [{ kind: "log" as const, line: 2, text: "t", signature: "upstream-removed-sig", weight: 0.95 }],
      related: [{ id: "proxy-removed", kind: "confused-with" as const, note: "n" }],
    };
    const others = (f: Finding) => explainRootCause([top, f])?.others[0]?.reason;
    expect(others(alike)).toMatch(/^also present, on a line of its own \(often confused with proxy-removed/);
    // The line both matched is no line of its own.
    expect(others({ ...alike, evidence: top.evidence })).toMatch(/^a look-alike of proxy-removed/);
    const weak = { ...alike, evidence: [{ kind: "log" as const, line: 1, text: "t", signature: "s", weight: 0.5 }] };
    expect(others(weak)).toMatch(/^a look-alike of proxy-removed/);
    // A medium finding's exact line the first does not read is its own too, decisive or not (review 66c F3: the inotify
    // watch limit's ENOSPC line beside the instances limit's EMFILE line was "a look-alike"); a low one's is a lead only.
    const own = { ...alike, evidence: [{ kind: "log" as const, line: 3, text: "t", signature: "s", weight: 0.8 }] };
    expect(others({ ...own, confidence: "medium" })).toMatch(/^also present, on a line of its own \(often confused with proxy-removed/);
    expect(others({ ...own, confidence: "low" })).toMatch(/^a look-alike of proxy-removed/);
    expect(others(finding("versionless", 0.85, 0.95, "unknown"))).toMatch(/no version decides it/);
  });

  it("puts the look-alike the versions place in its range before the one they do not, whatever the scores", () => {
    const relations = [{ from: "profile-unloaded", to: "parser-missing", kind: "confused-with" as const, note: "n" }];
    const unloaded = finding("profile-unloaded", 0.78, 0.85, "unknown", "medium");
    const placed = finding("parser-missing", 0.57, 0.6, "affected", "medium");
    const ranked = rankFindings([unloaded, placed], relations);
    expect(ranked.map((f) => f.id)).toEqual(["parser-missing", "profile-unloaded"]);
    const withRelations = ranked.map((f) => ({
      ...f,
      related: [{ id: f.id === "parser-missing" ? "profile-unloaded" : "parser-missing", kind: "confused-with" as const, note: "n" }],
    }));
    expect(explainRootCause(withRelations)?.reason).toMatch(/profile-unloaded, a look-alike, matched more strongly \(0\.78\)/);
    // Neither placed, or the placed one ruled out: scores decide.
    expect(rankFindings([unloaded, { ...placed, verdict: { status: "unknown", reason: "r" } }], relations)[0]?.id).toBe("profile-unloaded");
    const ruledOut = { ...placed, verdict: { status: "not-affected" as const, reason: "r", level: "verified" as const } };
    expect(rankFindings([unloaded, ruledOut], relations)[0]?.id).toBe("profile-unloaded");
    // A hedged version (the CLI's alone, a package listing) swaps nothing, nor against a look-alike's own decisive line
    // (review 39b).
    const hedged = { ...placed, verdict: { ...placed.verdict, certain: false as const } };
    expect(rankFindings([unloaded, hedged], relations)[0]?.id).toBe("profile-unloaded");
    const ownLine = {
      ...unloaded,
      evidence: [...unloaded.evidence, { kind: "log" as const, line: 2, text: "t", signature: "audit", weight: 0.9 }],
    };
    expect(rankFindings([ownLine, placed], relations)[0]?.id).toBe("profile-unloaded");
  });

  it("answers Docker 23.0.1's runc AppArmor failure with the apparmor_parser regression first, and without a version the unloaded profile", async () => {
    // moby#44970: Docker 23.x with containerd 1.6 on an AppArmor kernel without apparmor_parser fails in runc with the same
    // line a profile unloaded for other reasons gives.
    const kb = (await loadDataKb()).compiled;
    const line =
      "docker: Error response from daemon: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: unable to apply apparmor profile: apparmor failed to apply profile: write /proc/self/attr/apparmor/exec: no such file or directory: unknown.";
    const ids = (text: string) => diagnoseBundle(kb, text).findings.map((f) => f.id);
    const daemon = (v: string) =>
      `$ docker version\nServer: Docker Engine - Community\n Engine:\n  Version:          ${v}\n  API version:      1.42 (minimum version 1.12)`;
    expect(ids(`${daemon("23.0.1")}\n${line}`)[0]).toBe("docker-23.0-containerd-1.6-apparmor-parser-missing");
    // The CLI's version alone may be another daemon's client (a dind service): hedged, it swaps nothing (review 39b).
    expect(ids(`Docker version 23.0.1, build a5ee5b1\n${line}`)[0]).toBe("apparmor-docker-default-profile-not-loaded");
    expect(ids(line)[0]).toBe("apparmor-docker-default-profile-not-loaded");
    expect(ids(`${daemon("24.0.7")}\n${line}`)[0]).toBe("apparmor-docker-default-profile-not-loaded");
    // A paste of two machines ties `docker version` to neither: web-1's Docker does not rank web-2's line (review 39b).
    const fleet = [
      "admin@web-1:~$ uname -a",
      "Linux web-1 5.10.0-21-amd64 #1 SMP Debian 5.10.162-1 (2023-01-21) x86_64 GNU/Linux",
      daemon("23.0.1").replace("$ docker version", "admin@web-1:~$ docker version"),
      "admin@web-2:~$ uname -a",
      "Linux web-2 5.10.0-26-amd64 #1 SMP Debian 5.10.197-1 (2023-09-29) x86_64 GNU/Linux",
      "admin@web-2:~$ docker run --rm -it alpine:3.17",
      line,
    ].join("\n");
    expect(ids(fleet)[0]).toBe("apparmor-docker-default-profile-not-loaded");
  });

  it("puts every record's cause before what it explains or masks, on the two records' own examples together", async () => {
    // Review 32d: containerd's config error before the kubelet's CRI v1 complaint it causes, the backend mixing before the
    // missing KUBE-MARK-DROP chain, the XFS allocation stall before the reserved sandbox name.
    const kb = await loadDataKb();
    const exampleOf = (id: string) => kb.records.find((r) => r.id === id)?.examples.find((e) => e.expect === "top1")?.log;
    const pairs = kb.records.flatMap((r) =>
      r.relations.flatMap((rel) => (rel.kind === "explains" ? [[r.id, rel.id]] : rel.kind === "masks" ? [[rel.id, r.id]] : [])),
    );
    expect(pairs.length).toBeGreaterThanOrEqual(4);
    for (const [cause = "", consequence = ""] of pairs) {
      const ids = diagnoseBundle(kb.compiled, `${exampleOf(cause)}\n${exampleOf(consequence)}`).findings.map((f) => f.id);
      expect(ids.indexOf(cause), `${cause} in ${ids}`).toBeGreaterThanOrEqual(0);
      expect(ids.indexOf(cause), `${cause} before ${consequence}: ${ids}`).toBeLessThan(ids.indexOf(consequence));
    }
  });

  it("ranks a high finding above one held below high, whatever their scores (review 58b F3)", async () => {
    // A "DNS broken" paste: CoreDNS's loop (high: its line and the node's stub resolver agree) and a conntrack-table line
    // scored higher but held at medium for want of a second witness. The medium one was named the likely root cause.
    const kb = (await loadDataKb()).compiled;
    const paste = [
      "$ kubectl -n kube-system logs coredns-5d78c9869d-7wz4q",
      ".:53",
      "CoreDNS-1.10.1",
      '[FATAL] plugin/loop: Loop (127.0.0.1:45314 -> :53) detected for zone ".", see https://coredns.io/plugins/loop#troubleshooting. Query: "HINFO 4547991504243258144.3688648895315093531."',
      "$ cat /etc/resolv.conf",
      "nameserver 127.0.0.53",
      "$ sudo dmesg -T | tail -n 3",
      "[Mon Jun 12 10:15:40 2023] nf_conntrack: nf_conntrack: table full, dropping packet",
      "[Mon Jun 12 10:15:45 2023] nf_conntrack: nf_conntrack: table full, dropping packet",
    ].join("\n");
    const d = diagnoseBundle(kb, paste);
    const ranked = d.findings.map((f) => `${f.id} ${f.confidence}`);
    expect(ranked.slice(0, 2)).toEqual(["coredns-loop-systemd-resolved high", "nf-conntrack-table-full medium"]);
    expect(d.findings[1]?.score).toBeGreaterThan(d.findings[0]?.score ?? 1);
    expect(d.rootCause?.id).toBe("coredns-loop-systemd-resolved");
    // Equal scores are no reason to put the medium one first either (the ids' order decided it).
    const tied = [finding("a-medium", 0.874, 0.95, "unknown", "medium"), finding("b-high", 0.874, 0.95, "unknown")];
    expect(rankFindings(tied).map((f) => f.id)).toEqual(["b-high", "a-medium"]);
  });

  it("calls a second bug on its own line, whose own versions are affected, a separate problem to fix too (review 58b F1)", async () => {
    // runc 1.1.3 after a daemon-reload: exec's /dev/pts bug (fixed in 1.1.4) and the GPU loss (fixed only in 1.1.7). The
    // GPU finding was "a weaker or generic symptom that other causes share", and upgrading to 1.1.4 leaves it.
    const kb = (await loadDataKb()).compiled;
    const paste = [
      "$ runc --version",
      "runc version 1.1.3",
      "commit: v1.1.3-0-g6724737",
      '$ docker info | grep -i -E "cgroup|runtime"',
      " Cgroup Driver: systemd",
      " Default Runtime: nvidia",
      "$ docker exec -it trainer-0 bash",
      "OCI runtime exec failed: exec failed: unable to start container process: open /dev/pts/0: operation not permitted: unknown",
      "$ docker exec trainer-0 nvidia-smi",
      "Failed to initialize NVML: Unknown Error",
    ].join("\n");
    const d = diagnoseBundle(kb, paste);
    expect(d.rootCause?.id).toBe("runc-1.1.3-exec-dev-pts-after-daemon-reload");
    const gpu = d.rootCause?.others.find((o) => o.id === "nvidia-gpu-lost-after-systemd-daemon-reload");
    expect(gpu?.reason).toMatch(
      /^also present on a line of its own, and its own versions are affected too \(verified\): a separate problem/,
    );
    expect(d.findings.find((f) => f.id === gpu?.id)?.verdict.status).toBe("affected");
  });

  it("calls a second bug on lines of its own, with no relation to the first, a separate problem, not a symptom of it (review 59c F1)", async () => {
    // CoreDNS 1.8.3's missing EndpointSlice rule, and the client node's conntrack insert failures: no record ties them.
    const kb = (await loadDataKb()).compiled;
    const paste = [
      "$ kubectl -n kube-system logs coredns-7d9b6c4f8-hx2kq --tail=3",
      "CoreDNS-1.8.3",
      'E0317 09:12:44.102233       1 reflector.go:138] pkg/mod/k8s.io/client-go@v0.20.2/tools/cache/reflector.go:167: Failed to watch *v1beta1.EndpointSlice: failed to list *v1beta1.EndpointSlice: endpointslices.discovery.k8s.io is forbidden: User "system:serviceaccount:kube-system:coredns" cannot list resource "endpointslices" in API group "discovery.k8s.io" at the cluster scope',
      "$ sudo conntrack -S | head -1",
      "cpu=0   \tfound=0 invalid=211 ignore=0 insert=0 insert_failed=96 drop=96 early_drop=0 error=0 search_restart=11020",
    ].join("\n");
    const d = diagnoseBundle(kb, paste);
    expect(d.rootCause?.id).toBe("coredns-1.8-endpointslices-rbac-missing");
    const race = d.rootCause?.others.find((o) => o.id === "conntrack-udp-dns-race-5s");
    expect(race?.reason).toBe("also matched, on lines of its own, on weaker evidence: perhaps a separate problem");
  });

  it("calls a finding read only from the root cause's own line another reading of it, not a separate problem (review 64c F2)", async () => {
    // NVIDIA/nvidia-docker#1750: dockerd's legacy iptables cannot find the nat table; the mixed-backends record's weaker
    // signatures read the same line, and "may be a separate problem" sent the reader after a second cause.
    const kb = (await loadDataKb()).compiled;
    const paste =
      "failed to start daemon: Error initializing network controller: error obtaining controller instance: failed to create NAT chain DOCKER: iptables failed: iptables -t nat -N DOCKER: iptables v1.8.4 (legacy): can't initialize iptables table `nat': Table does not exist (do you need to insmod?)";
    const d = diagnoseBundle(kb, paste);
    expect(d.rootCause?.id).toBe("iptables-legacy-nat-table-unavailable");
    const other = d.rootCause?.others.find((o) => o.id === "iptables-legacy-nft-mixed-backends");
    expect(other?.reason).toMatch(/^read from the same line as iptables-legacy-nat-table-unavailable, with no line of its own/);
  });

  it("holds a relation between findings only where one machine shows both: a stall on node-6 explains no timeout on node-7 (review 65c F2)", async () => {
    // runc#2039's XFS allocation stall (the record's explains edge to sandbox timeouts) and containerd#12438's reserved
    // sandbox name, each on its own node of a pdsh fan-out.
    const kb = (await loadDataKb()).compiled;
    const row = (n: number) =>
      `node-${n}   Ready    <none>   2y    v1.20.15   10.1.0.${n}      <none>        CentOS Linux 7 (Core)   3.10.0-957.21.3.el7.x86_64    containerd://1.4.13`;
    const xfs = (n: number) =>
      `node-${n}: Jul 02 03:11:09 node-${n} kernel: XFS: nginx(2514) possible memory allocation deadlock size 50184 in kmem_alloc (mode:0x250)`;
    const sandbox = (n: number) =>
      `node-${n}: Jul 02 03:15:07 node-${n} kubelet[5738]: E0702 03:15:07.693267    5738 kuberuntime_sandbox.go:72] "Failed to create sandbox for pod" err="rpc error: code = Unknown desc = failed to reserve sandbox name \\"web-2qr2j_prod_5dfb5e21_0\\": name \\"web-2qr2j_prod_5dfb5e21_0\\" is reserved for \\"62d706b05a7321e9067f83cf5db9b8ec1714a38668a01eb357a47895bc3e7980\\""`;
    const paste = (sandboxNode: number) =>
      [
        "$ kubectl get nodes -o wide",
        "NAME     STATUS   ROLES    AGE   VERSION    INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                KERNEL-VERSION                CONTAINER-RUNTIME",
        row(6),
        row(7),
        "$ pdsh -w node-[6-7] 'journalctl --no-pager -n 2'",
        xfs(6),
        sandbox(sandboxNode),
      ].join("\n");
    const XFS = "rhel7-xfs-kmem-alloc-deadlock";
    const SANDBOX = "cri-sandbox-name-reserved-after-timeout";
    // On one node, the stall explains the timeouts there: a consequence of it.
    const same = diagnoseBundle(kb, paste(6));
    expect(same.rootCause?.id).toBe(XFS);
    expect(same.rootCause?.others.find((o) => o.id === SANDBOX)?.reason).toMatch(/^a consequence of rhel7-xfs-kmem-alloc-deadlock/);
    // On two nodes, each is its own node's problem: no consequence, and no relation lifts the medium finding over the high one.
    const two = diagnoseBundle(kb, paste(7));
    const sandboxFinding = two.findings.find((f) => f.id === SANDBOX);
    expect(sandboxFinding?.related?.some((r) => r.id === XFS) ?? false).toBe(false);
    const reasons = two.rootCause?.others.map((o) => o.reason).join("\n") ?? "";
    expect(reasons).not.toMatch(/consequence/);
    expect(reasons).toMatch(/on node-\d, where .* does not show: a problem of that host's own/);
    // One machine whose lines name it two ways (a heading's name, its journal's host name after a rename) is one machine:
    // the relation holds (review 65i F1: "a problem of that host's own" of its own other line).
    const renamed = [
      "### node-6",
      "$ dmesg | tail -1",
      "[12345.678901] XFS: nginx(2514) possible memory allocation deadlock size 50184 in kmem_alloc (mode:0x250)",
      "$ journalctl -u kubelet -n 1",
      sandbox(6).replace("node-6: ", "").replace("node-6 kubelet", "ip-10-1-0-6 kubelet"),
      "### node-7",
      "$ uname -r",
      "3.10.0-957.21.3.el7.x86_64",
    ].join("\n");
    const one = diagnoseBundle(kb, renamed);
    expect(one.rootCause?.id).toBe(XFS);
    expect(one.rootCause?.others.find((o) => o.id === SANDBOX)?.reason).toMatch(/^a consequence of rhel7-xfs-kmem-alloc-deadlock/);
  });

  it("calls no finding 'on lines of its own' whose line a finding ranked above it holds, not only the root cause's (review 65c F4)", async () => {
    // traefik#12253's refusal by Docker 29 (the root cause), and a `docker run -p` whose DNAT rule has lost its chain
    // (moby#23154): firewalld's record reads that line, second; a GKE-only record reads the same line, third.
    const kb = (await loadDataKb()).compiled;
    const paste = [
      "[root@edge-1 ~]# docker version --format '{{.Server.Version}}'",
      "29.0.0",
      '2025-11-10T23:03:43Z ERR Failed to retrieve information of the docker client and server host error="Error response from daemon: client version 1.24 is too old. Minimum supported API version is 1.44, please upgrade your client to a newer version" providerName=docker',
      "[root@edge-1 ~]# docker run -d -p 8080:80 nginx",
      "docker: Error response from daemon: driver failed programming external connectivity on endpoint naughty_babbage (ca698c082b2f): iptables failed: iptables --wait -t nat -A DOCKER -p tcp -d 0/0 --dport 8080 -j DNAT --to-destination 172.17.0.2:8080 ! -i docker0: iptables: No chain/target/match by that name.",
    ].join("\n");
    const d = diagnoseBundle(kb, paste);
    expect(d.rootCause?.id).toBe("docker-29-minimum-api-1.44-old-clients");
    const ids = d.findings.map((f) => f.id);
    const second = d.findings[1];
    expect(second?.id).toBe("firewalld-reload-wipes-docker-chains");
    for (const o of d.rootCause?.others.slice(1) ?? []) {
      const f = d.findings.find((x) => x.id === o.id);
      const onSecondsLine = f?.evidence.every(
        (e) => e.kind !== "log" || second?.evidence.some((s) => s.kind === "log" && s.line === e.line),
      );
      if (onSecondsLine) expect(o.reason, `${o.id} after ${ids.join(", ")}`).not.toMatch(/on lines? of its own/);
    }
  });

  it("puts the MARK regression before kube-proxy's IPVS fallback for missing kernel modules, as for missing binaries (review 58f F4)", async () => {
    // The seed incident's shape with the other IPVS prerequisite missing: the fallback line comes first and scored higher.
    const kb = (await loadDataKb()).compiled;
    const paste = [
      "$ kubectl -n kube-system logs kube-proxy-7xq2n",
      'E0217 11:12:10.135771       1 server_others.go:274] "Can\'t use the IPVS proxier" err="IPVS proxier will not be used because the following required kernel modules are not loaded: [ip_vs_sh]"',
      'I0217 11:12:10.135832       1 server_others.go:206] "Using iptables Proxier"',
      'E0217 11:12:14.212635       1 proxier.go:1527] "Failed to execute iptables-restore" err=<',
      '\texit status 2: ip6tables-restore v1.8.7 (nf_tables): unknown option "--xor-mark"',
      "\tError occurred at line: 11",
      " >",
    ].join("\n");
    const d = diagnoseBundle(kb, paste);
    expect(d.findings.map((f) => f.id).slice(0, 2)).toEqual(["xt-mark-ipv6-typo-2024", "kube-proxy-ipvs-kernel-modules-missing"]);
    expect(d.rootCause?.others.find((o) => o.id === "kube-proxy-ipvs-kernel-modules-missing")?.reason).toMatch(
      /^a separate, lesser problem that can hide/,
    );
  });

  it("claims no difference of level between two fatal lines: their versions order them (review 62h F3)", async () => {
    // One host's two kubeadm runs (a public install note: swap on, then br_netfilter not loaded): both preflight checks are
    // [ERROR …] lines, so the reason may not say the other "does not say its process stopped".
    const kb = (await loadDataKb()).compiled;
    const run = (error: string) => [
      "[root@k8s-master-81 ~]# kubeadm init --kubernetes-version=1.22.3",
      "[init] Using Kubernetes version: v1.22.3",
      "[preflight] Running pre-flight checks",
      "error execution phase preflight: [preflight] Some fatal errors occurred:",
      `\t${error}`,
    ];
    const d = diagnoseBundle(
      kb,
      [
        ...run("[ERROR Swap]: running with swap on is not supported. Please disable swap"),
        "[root@k8s-master-81 ~]# swapoff -a",
        ...run(
          "[ERROR FileContent--proc-sys-net-bridge-bridge-nf-call-iptables]: /proc/sys/net/bridge/bridge-nf-call-iptables does not exist",
        ),
      ].join("\n"),
    );
    expect(d.findings.map((f) => f.id)).toEqual(expect.arrayContaining(["kubelet-fails-with-swap-on", "br-netfilter-not-loaded"]));
    expect(d.rootCause?.reason).not.toMatch(/does not say its process stopped|only warns or informs/);
  });

  it("calls a second failure on a fatal line of its own a separate problem to fix as well, no 'may be' (review 66c F5)", async () => {
    // kubeadm's two failed preflight checks, verbatim from containerd/containerd#8032: each aborts the join by itself.
    const kb = (await loadDataKb()).compiled;
    const d = diagnoseBundle(
      kb,
      [
        "[preflight] Running pre-flight checks",
        "error execution phase preflight: [preflight] Some fatal errors occurred:",
        '        [ERROR CRI]: container runtime is not running: output: time="2023-01-31T15:11:36+08:00" level=fatal msg="validate service connection: CRI v1 runtime API is not implemented for endpoint \\"unix:///var/run/containerd/containerd.sock\\": rpc error: code = Unimplemented desc = unknown service runtime.v1.RuntimeService"',
        ", error: exit status 1",
        "        [ERROR FileContent--proc-sys-net-bridge-bridge-nf-call-iptables]: /proc/sys/net/bridge/bridge-nf-call-iptables does not exist",
      ].join("\n"),
    );
    const second = d.rootCause?.others.find((o) => o.id !== d.rootCause?.id);
    expect(d.findings.map((f) => f.id)).toEqual(expect.arrayContaining(["kubelet-1.26-cri-v1-required", "br-netfilter-not-loaded"]));
    expect(second?.reason).toMatch(/^a separate problem to fix as well: its own line reports a fatal error too/);
  });

  it("says why a failure line leads a higher-scoring warning, though it gives itself no level (review 64c F7)", async () => {
    // kubernetes/minikube#9089's preflight warning beside dockerd's NAT chain failure (NVIDIA/nvidia-docker#1750).
    const kb = (await loadDataKb()).compiled;
    const d = diagnoseBundle(
      kb,
      [
        "        [WARNING FileContent--proc-sys-net-bridge-bridge-nf-call-iptables]: /proc/sys/net/bridge/bridge-nf-call-iptables does not exist",
        "failed to start daemon: Error initializing network controller: error obtaining controller instance: failed to create NAT chain DOCKER: iptables failed: iptables -t nat -N DOCKER: iptables v1.8.4 (legacy): can't initialize iptables table `nat': Table does not exist (do you need to insmod?)",
      ].join("\n"),
    );
    expect(d.findings.map((f) => f.id).slice(0, 2)).toEqual(["iptables-legacy-nat-table-unavailable", "br-netfilter-not-loaded"]);
    expect(d.findings[1]?.score).toBeGreaterThan(d.findings[0]?.score ?? 1);
    expect(d.rootCause?.reason).toMatch(/the line reports a failure, where br-netfilter-not-loaded \([\d.]+\) only warns or informs/);
  });

  it("puts a decisive line that reports a fatal error before one that only warns or goes on, when no version places either (review 60c F1)", async () => {
    // Two problems of one node, each on its own decisive line: kube-proxy's 1.9-era ipset fallback scored higher than
    // CoreDNS's fatal loop, and kubeadm's preflight warning for br_netfilter tied the kubelet's refusal to start.
    const kb = (await loadDataKb()).compiled;
    const ipset =
      "E0825 05:50:04.363750       1 server_others.go:340] can't determine whether to use ipvs proxy, error: error getting ipset version, error: executable file not found in $PATH";
    const loop = [
      "$ kubectl -n kube-system logs coredns-fb8b8dccf-cfkcd",
      "2019-06-09T13:54:40.288Z [INFO] CoreDNS-1.3.1",
      '2019-06-09T13:54:41.751Z [FATAL] plugin/loop: Loop (127.0.0.1:57365 -> :53) detected for zone ".", see https://coredns.io/plugins/loop#troubleshooting. Query: "HINFO 3116341138164139510.3359948439978079754."',
    ];
    const d = diagnoseBundle(kb, ["$ kubectl -n kube-system logs kube-proxy-7x2lq", ipset, ...loop].join("\n"));
    expect(d.findings.map((f) => f.id).slice(0, 2)).toEqual(["coredns-loop-systemd-resolved", "kube-proxy-ipvs-prereqs-missing"]);
    expect(d.findings[1]?.score).toBeGreaterThan(d.findings[0]?.score ?? 1);
    expect(d.rootCause?.reason).toMatch(/the line reports a fatal error, where kube-proxy-ipvs-prereqs-missing \([\d.]+\) does not say/);
    const preflight = [
      "[preflight] Running pre-flight checks",
      "        [WARNING FileContent--proc-sys-net-bridge-bridge-nf-call-iptables]: /proc/sys/net/bridge/bridge-nf-call-iptables does not exist",
      "# journalctl -xeu kubelet | tail -1",
      'error: failed to run Kubelet: failed to create kubelet: misconfiguration: kubelet cgroup driver: "systemd" is different from docker cgroup driver: "cgroupfs"',
    ];
    expect(diagnoseBundle(kb, preflight.join("\n")).rootCause?.id).toBe("kubelet-docker-cgroup-driver-mismatch");
    // Either order of the blocks: the level decides, not which came first.
    expect(diagnoseBundle(kb, [...loop, "$ kubectl -n kube-system logs kube-proxy-7x2lq", ipset].join("\n")).rootCause?.id).toBe(
      "coredns-loop-systemd-resolved",
    );
  });

  it("names no root cause when the best finding is low or ruled out", () => {
    expect(explainRootCause([finding("a", 0.3, 0.4, "unknown", "low")])).toBeNull();
    expect(explainRootCause([finding("a", 0.5, 0.95, "not-affected", "medium")])).toBeNull();
    expect(explainRootCause([finding("a", 0.9, 0.95, "affected")])?.reason).toMatch(
      /alone identifies this bug; the version is in the affected range \(verified\)/,
    );
  });
});

describe("what a second finding is to the root cause, said first (review 68c)", async () => {
  const kb = (await loadDataKb()).compiled;
  const note = (paste: string, id: string) => diagnoseBundle(kb, paste).rootCause?.others.find((o) => o.id === id)?.reason;

  it("calls a decisive line of its own a separate problem to fix, beside a root cause its versions decide (F3)", () => {
    // kube-proxy's --xor-mark on the affected 5.15.0-127 #137, and the kubelet refusing to run with swap on: the node
    // stays NotReady after the kernel's fix; "ranked after" alone sent the reader to fix the kernel only.
    const paste = [
      "Linux bmoore-v-1 5.15.0-127-generic #137-Ubuntu SMP Fri Nov 8 15:21:01 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux",
      'Feb 05 10:58:10 bmoore-v-1 kube-proxy[9234]:         exit status 2: ip6tables-restore v1.8.7 (nf_tables): unknown option "--xor-mark"',
      'Feb 05 10:58:14 bmoore-v-1 kubelet[12704]: E0205 10:58:14.917245   12704 run.go:72] "command failed" err="failed to run Kubelet: running with swap on is not supported, please disable swap!"',
    ].join("\n");
    expect(note(paste, "kubelet-fails-with-swap-on")).toMatch(
      /^a separate problem to fix as well, on a line of its own; .*ranked after xt-mark-ipv6-typo-2024$/,
    );
  });

  it("calls a finding another host shows, on versions that rule it out there, a look-alike there, not that host's problem (F5)", () => {
    const paste = [
      "==> worker-1 <==",
      "Linux worker-1 6.1.112 #1 SMP Thu Oct 10 09:01:02 UTC 2024 x86_64 GNU/Linux",
      '\texit status 2: ip6tables-restore v1.8.4 (legacy): unknown option "--xor-mark"',
      "",
      "==> worker-2 <==",
      "Linux worker-2 6.1.113 #1 SMP Mon Oct 21 17:07:44 UTC 2024 x86_64 GNU/Linux",
      "[843041.359054] neighbour: arp_cache: neighbor table overflow!",
      "[843041.364702] neighbour: arp_cache: neighbor table overflow!",
    ].join("\n");
    expect(note(paste, "xt-mark-ipv6-typo-2024")).toMatch(
      /^on worker-1, where neighbour-table-overflow does not show, but that host's versions rule this bug out: a look-alike there/,
    );
  });
});
