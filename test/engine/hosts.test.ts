import { describe, expect, it } from "vitest";
import { HOSTS_LIMITS } from "../../src/engine/diagnose-input";
import { checkHosts, diagnoseHosts, HostsLimitError } from "../../src/engine/hosts";
import { renderTextReport } from "../../src/engine/report-text";
import { loadDataKb } from "../support/data-kb";
import { hostBundle, hostsScenarios, SEED_FLEET } from "../support/hosts-scenarios";
import { unameJammy126, unameJammy127, XOR_MARK_JOURNALD } from "../support/seed-logs";

const kb = (await loadDataKb()).compiled;

describe("per-host fleets through the engine", () => {
  hostsScenarios(async (hosts, limit) => diagnoseHosts(kb, hosts, limit));

  it("compares kubelet, runtime and iptables read from each host's own bundle", () => {
    const extra = (kubelet: string, runtime: string, ipt: string) =>
      `$ kubelet --version\n${kubelet}\n$ containerd --version\n${runtime}\n$ iptables --version\n${ipt}\n`;
    const fleet = [
      {
        name: "a",
        bundle: hostBundle(
          unameJammy126("a"),
          extra(
            "Kubernetes v1.26.3",
            "containerd github.com/containerd/containerd v1.6.20 2806fc1057397dbaeefbea0e4e17bddfbd388f38",
            "iptables v1.8.7 (nf_tables)",
          ),
        ),
      },
      {
        name: "b",
        bundle: hostBundle(
          unameJammy126("b"),
          extra(
            "Kubernetes v1.26.3",
            "containerd github.com/containerd/containerd v1.6.20 2806fc1057397dbaeefbea0e4e17bddfbd388f38",
            "iptables v1.8.7 (nf_tables)",
          ),
        ),
      },
      {
        name: "c",
        bundle: hostBundle(
          unameJammy126("c"),
          extra(
            "Kubernetes v1.25.9",
            "containerd containerd.io 1.6.20 2806fc1057397dbaeefbea0e4e17bddfbd388f38",
            "iptables v1.8.7 (legacy)",
          ),
        ),
      },
    ];
    const d = diagnoseHosts(kb, fleet);
    const c = d.hosts?.find((h) => h.name === "c");
    expect(c).toMatchObject({ version: "v1.25.9", runtime: "containerd://1.6.20", iptables: "1.8.7 (legacy)", outlier: true });
    expect(c?.differs).toEqual(["version", "iptables"]);
    expect(d.hosts?.find((h) => h.name === "a")).toMatchObject({ version: "v1.26.3", iptables: "1.8.7 (nf_tables)", outlier: false });
  });

  it("takes a kubelet version a host did not report as unknown, not as the odd one out (review 67d F1)", () => {
    const kubelet = "$ kubelet --version\nKubernetes v1.29.4\n";
    const skipped = "$ kubelet --version\n# skipped: kubelet --version timed out after 10 s\n";
    const one = diagnoseHosts(kb, [
      { name: "node-1", bundle: hostBundle(unameJammy126("node-1"), kubelet) },
      { name: "node-2", bundle: hostBundle(unameJammy126("node-2"), kubelet) },
      { name: "node-3", bundle: hostBundle(unameJammy126("node-3"), skipped) },
    ]);
    expect(one.hosts?.find((h) => h.name === "node-3")).toMatchObject({ version: null, outlier: false, differs: [] });
    // Two plain Docker hosts and one node: the node is not the odd one out for having a kubelet; a kernel still differs.
    const two = diagnoseHosts(kb, [
      { name: "w1", bundle: hostBundle(unameJammy127("w1"), "") },
      { name: "w2", bundle: hostBundle(unameJammy126("w2"), "") },
      { name: "w3", bundle: hostBundle(unameJammy126("w3"), kubelet) },
    ]);
    expect(two.hosts?.find((h) => h.name === "w3")).toMatchObject({ version: "v1.29.4", outlier: false });
    expect(two.hosts?.find((h) => h.name === "w1")).toMatchObject({ version: null, outlier: true, differs: ["kernel"] });
  });

  it("lets the host whose finding a second fact corroborates speak for the bug, whatever the hosts' order", () => {
    // The record's example denial (containerd#10542); one host also sends its os-release, which shows AppArmor 4's Ubuntu.
    const denial =
      'Aug 03 16:07:23 h32.lab kernel: audit: type=1400 audit(1722681443.231:255): apparmor="DENIED" operation="signal" class="signal" profile="cri-containerd.apparmor.d" pid=6528 comm="runc" requested_mask="receive" denied_mask="receive" signal=kill peer="runc"';
    const noble = `$ cat /etc/os-release\nNAME="Ubuntu"\nVERSION_ID="24.04"\nID=ubuntu\nVERSION_CODENAME=noble\n$ journalctl -k\n${denial}\n`;
    const hosts = { a: noble, b: `$ journalctl -k\n${denial}\n` };
    for (const order of [
      ["a", "b"],
      ["b", "a"],
    ] as const) {
      const d = diagnoseHosts(
        kb,
        order.map((name) => ({ name, bundle: hosts[name] })),
      );
      const f = d.findings.find((x) => x.id === "apparmor4-runc-profile-container-stop-signal-denied");
      expect(f?.confidence, order.join(",")).toBe("high");
      expect(f?.hosts?.sort()).toEqual(["a", "b"]);
    }
  });

  it("counts a quiet host whose own runtime is past a removal, but not one a range resting on context cannot judge", () => {
    // containerd 2.0 refuses schema 1 images (a removal: no advisory); worker-1 shows the refusal's line on 1.7.20.
    const S1 = "schema1-image-pull-disabled-docker-26-containerd-2";
    const log = kb.records.find((r) => r.id === S1)?.examples.find((e) => e.log.includes("containerd v2.0"))?.log ?? "";
    const fleet = (quiet: string) => [
      { name: "worker-1", bundle: `containerd github.com/containerd/containerd v1.7.20 8fc6bcff\n${log}` },
      { name: "worker-2", bundle: `${quiet}\nall quiet` },
    ];
    const on = (quiet: string) => diagnoseHosts(kb, fleet(quiet)).findings.find((f) => f.id === S1);
    const in2 = on("containerd github.com/containerd/containerd/v2 v2.0.0 207ad711");
    expect(in2?.verdict).toMatchObject({ status: "affected", level: "verified" });
    expect(in2?.verdict.reason).toMatch(/^host worker-2: containerd: 2\.0\.0/);
    expect(in2?.hosts).toEqual(["worker-1", "worker-2"]);
    expect(on("containerd github.com/containerd/containerd v1.7.22 8fc6bcff")?.verdict.status).toBe("not-affected");
    // The AppArmor 4 record needs AppArmor 4's Ubuntu around its versions: Docker 26.0.0 alone on a quiet host is no witness.
    const AA4 = "apparmor4-runc-profile-container-stop-signal-denied";
    const denial =
      'kernel: audit: type=1400 audit(1722681443.231:255): apparmor="DENIED" operation="signal" class="signal" profile="docker-default" pid=6528 comm="runc" requested_mask="receive" denied_mask="receive" signal=kill peer="runc"';
    const docker = (v: string) =>
      `$ docker version\nServer: Docker Engine - Community\n Engine:\n  Version:          ${v}\n  API version:      1.45 (minimum version 1.24)`;
    const aa4 = diagnoseHosts(kb, [
      { name: "a", bundle: `${docker("26.1.3")}\n${denial}` },
      { name: "b", bundle: `${docker("26.0.0")}\nall quiet` },
    ]).findings.find((f) => f.id === AA4);
    expect(aa4?.verdict.status).not.toBe("affected");
  });

  it("takes what a host's bundle lacks from a kubectl table sent by another host", () => {
    const table = `$ kubectl get nodes -o wide\nNAME       STATUS   ROLES           AGE    VERSION   INTERNAL-IP    EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION       CONTAINER-RUNTIME
master-1   Ready    control-plane   412d   v1.26.3   10.20.0.11     <none>        Ubuntu 22.04.5 LTS   5.15.0-126-generic   containerd://1.6.20
worker-2   Ready    <none>          412d   v1.26.3   10.20.0.13     <none>        Ubuntu 22.04.5 LTS   5.15.0-127-generic   containerd://1.6.20\n`;
    const fleet = [{ ...SEED_FLEET[0], bundle: `${SEED_FLEET[0]?.bundle}${table}` }, SEED_FLEET[2]].map((h) => ({
      name: h?.name ?? "",
      bundle: h?.bundle ?? "",
    }));
    const d = diagnoseHosts(kb, fleet);
    expect(d.hosts?.find((h) => h.name === "worker-2")?.runtime).toBe("containerd://1.6.20");
    expect(d.nodes.map((n) => n.name)).toEqual(["master-1", "worker-2"]);
  });

  it("judges a host whose bundle has no versions on its row of another host's table, and names only hosts in range (review 66c F1)", () => {
    // `ssh worker-2 journalctl …` gives no uname; the table comes from master-1, which has a kubeconfig. master-1, out of
    // range itself, was named among the hosts hit, with worker-2's row's verdict, and worker-2 was "no kernel version given".
    const table = `$ kubectl get nodes -o wide\nNAME       STATUS   ROLES           AGE    VERSION   INTERNAL-IP    EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION       CONTAINER-RUNTIME
master-1   Ready    control-plane   412d   v1.26.3   10.20.0.11     <none>        Ubuntu 22.04.5 LTS   5.15.0-126-generic   containerd://1.6.20
worker-2   Ready    <none>          412d   v1.26.3   10.20.0.13     <none>        Ubuntu 22.04.5 LTS   5.15.0-127-generic   containerd://1.6.20\n`;
    const journal = [
      "$ journalctl -u kube-proxy --no-pager -n 3",
      'Feb 17 11:12:14 worker-2 kube-proxy[9234]: E0217 11:12:14.212635    9234 proxier.go:1432] "Failed to execute iptables-restore" err=<',
      'Feb 17 11:12:14 worker-2 kube-proxy[9234]:         exit status 2: ip6tables-restore v1.8.7 (nf_tables): unknown option "--xor-mark"',
      "Feb 17 11:12:14 worker-2 kube-proxy[9234]:         Error occurred at line: 11",
    ].join("\n");
    const d = diagnoseHosts(kb, [
      { name: "master-1", bundle: `${unameJammy126("master-1")}\n${table}` },
      { name: "worker-2", bundle: journal },
    ]);
    const xt = d.findings.find((f) => f.id === "xt-mark-ipv6-typo-2024");
    expect(xt?.hosts).toEqual(["worker-2"]);
    expect(xt?.verdict.status).toBe("affected");
    expect(xt?.verdict.reason).toMatch(/worker-2 \(5\.15\.0-127-generic\)/);
    expect(xt?.verdict.reason).not.toMatch(/no line of the log matches/);
  });

  it("finds a quiet host's own row by the rule its row is found by: a short name against the table's FQDN (review 66i F1)", () => {
    const table = (name: (n: string) => string) => `$ kubectl get nodes -o wide
NAME                    STATUS   ROLES           AGE    VERSION   INTERNAL-IP    EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION       CONTAINER-RUNTIME
${name("master-1")}   Ready    control-plane   412d   v1.26.3   10.20.0.11     <none>        Ubuntu 22.04.5 LTS   5.15.0-127-generic   containerd://1.6.20
${name("worker-2")}   Ready    <none>          412d   v1.26.3   10.20.0.13     <none>        Ubuntu 22.04.5 LTS   5.15.0-127-generic   containerd://1.6.20`;
    const worker = hostBundle(unameJammy127("worker-2"), XOR_MARK_JOURNALD);
    for (const name of [(n: string) => n, (n: string) => `${n}.corp.example`]) {
      const d = diagnoseHosts(kb, [
        { name: "master-1", bundle: table(name) },
        { name: "worker-2", bundle: worker },
      ]);
      expect(d.findings.find((f) => f.id === "xt-mark-ipv6-typo-2024")?.quietHosts, name("x")).toEqual(["master-1"]);
    }
  });

  it("says of a host whose lines show the bug but whose own versions rule it out that its symptom has another cause (review 66c F4)", () => {
    const host = (name: string, release: string) => ({
      name,
      bundle: `$ uname -r\n${release}\n$ dmesg | tail -1\n[  912.001100] kube-proxy: exit status 2: ip6tables-restore v1.8.9 (legacy): unknown option "--xor-mark"`,
    });
    const d = diagnoseHosts(kb, [host("worker-1", "6.6.58"), host("worker-2", "6.6.60")]);
    const xt = d.findings.find((f) => f.id === "xt-mark-ipv6-typo-2024");
    expect(xt?.verdict.status).toBe("affected");
    expect(xt?.hosts).toEqual(["worker-1", "worker-2"]);
    // In a field of its own, every door saying it: not a doubt of the record's among theirs (review 68c F2).
    expect(xt?.ruledOutOn).toEqual(["worker-2"]);
    expect(xt?.unverified.join(" ")).not.toContain("worker-2");
    expect(renderTextReport(d)).toContain("ruled out on worker-2: its versions are outside this bug's range");
  });

  it("names the host of the root cause's line, and calls another host's own finding that host's problem (review 64c F1)", () => {
    // MichaIng/DietPi#5752 (k3s stops: no memory cgroup) beside a Raspbian worker's iptables-legacy warning: two
    // machines' unrelated failures. Both have a line 13, and the DietPi fatal was "may be a separate problem" of the other.
    const dietpi = [
      "- Kernel version",
      "  Linux DietPi 5.15.61-v8+ #1579 SMP PREEMPT Fri Aug 26 11:16:44 BST 2022 aarch64 GNU/Linux",
      "Cluster crashes with the following error",
      'level=fatal msg="failed to find memory cgroup (v2)"',
    ].join("\n");
    const worker = [
      'PRETTY_NAME="Raspbian GNU/Linux 10 (buster)"',
      "ID=raspbian",
      'VERSION_ID="10"',
      "$ sudo iptables -L | wc",
      "# Warning: iptables-legacy tables present, use iptables-legacy to see them",
      "18606 393165 3159290",
    ].join("\n");
    const d = diagnoseHosts(kb, [
      { name: "DietPi", bundle: dietpi },
      { name: "pi4-worker", bundle: worker },
    ]);
    const top = d.rootCause;
    const topHost = d.findings.find((f) => f.id === top?.id)?.hosts?.[0];
    expect(top?.reason).toMatch(new RegExp(`^${topHost} line \\d+ matches`));
    const other = top?.others.find((o) => o.id !== top.id);
    const otherHost = d.findings.find((f) => f.id === other?.id)?.hosts?.[0];
    expect(otherHost).not.toBe(topHost);
    expect(other?.reason).toBe(`on ${otherHost}, where ${top?.id} does not show: a problem of that host's own`);
  });

  it("lists against a host only the bugs its own answer raises: a record's context the bundle does not show is no hit (review 64c F5)", () => {
    // k3s-io/k3s#3852's Raspberry Pi (5.10.52-v7l+, k3s on the host) beside two hosts with no kernel read: the table
    // named the Calico eBPF crash and kind's conntrack sysctl for it, whose setups no bundle showed.
    const pi = "Linux ef2d5f59 5.10.52-v7l+ #1441 SMP Tue Aug 3 18:10:09 BST 2021 armv7l GNU/Linux\nk3s version v1.21.3+k3s1";
    const d = diagnoseHosts(kb, [
      { name: "ef2d5f59", bundle: pi },
      { name: "other-1", bundle: "all quiet" },
      { name: "other-2", bundle: "all quiet" },
    ]);
    const host = d.hosts?.find((h) => h.name === "ef2d5f59");
    const raised = new Set([...d.findings, ...d.advisories].map((f) => f.id));
    for (const id of [...(host?.inRange ?? []), ...(host?.findings ?? [])]) expect(raised.has(id), id).toBe(true);
    expect(host?.findings).not.toContain("bpf-adjust-room-gso-skb-segment-bug");
    expect(host?.findings).not.toContain("kube-proxy-nf-conntrack-max-readonly-netns-5.12.2");
  });

  it("refuses too many hosts, duplicate names and too much text, in one place", () => {
    const many = Array.from({ length: HOSTS_LIMITS.maxHosts + 1 }, (_, i) => ({ name: `h${i}`, bundle: "x" }));
    expect(checkHosts(many)?.kind).toBe("too-many-hosts");
    expect(
      checkHosts([
        { name: "a", bundle: "x" },
        { name: "a", bundle: "y" },
      ]),
    ).toMatchObject({ kind: "invalid-hosts", errors: [{ path: "hosts.1.name" }] });
    expect(checkHosts([{ name: "a", bundle: " " }])).toMatchObject({ kind: "invalid-hosts", errors: [{ path: "hosts.0.bundle" }] });
    // Shown in every answer: an override would reverse the words after it (review 62d F1), an escape obey the terminal.
    for (const name of ["worker-2\u202e", "worker\u200f-2", "worker-2\x1b[2J"])
      expect(checkHosts([{ name, bundle: "x" }])).toMatchObject({ kind: "invalid-hosts", errors: [{ path: "hosts.0.name" }] });
    // A Persian name spells with a zero-width non-joiner: a name, not a trick (review 62f F4).
    expect(checkHosts([{ name: "\u06a9\u0627\u0631\u200c\u06af\u0627\u0647", bundle: "x" }])).toBeNull();
    const half = "é".repeat(HOSTS_LIMITS.maxTotalBytes / 4 + 1); // two bytes each in UTF-8
    expect(
      checkHosts([
        { name: "a", bundle: half },
        { name: "b", bundle: half },
      ])?.kind,
    ).toBe("too-large");
    expect(checkHosts([{ name: "a", bundle: half }])).toBeNull();
    expect(() => diagnoseHosts(kb, many)).toThrow(HostsLimitError);
  });
});
