import { expect, it } from "vitest";
import type { Diagnosis } from "../../src/engine/diagnosis";
import { apiClient } from "./api-client";
import { expectProblem, listBugs, post, SEED_INPUT, XT } from "./api-helpers";
import { OPENVPN_TUNSETIFF_2020 } from "./dated-pastes";
import { FIRESHARE_PIDS_LIMIT, VAST_CSI_PROTOCOL_FAMILY } from "./errno-pastes";
import { UBSAN_FRAMING, UBSAN_REPORT } from "./oops-pastes";
import { COMPOSE_MIN_API_1_25, COREDNS_LOOP_NO_LEVEL, GRAPH_DEPRECATION_WARNING, RELEASE_PLZ_GLIBC } from "./reworded-pastes";
import { UBUNTU_2204_OS_RELEASE, XOR_MARK_KLOG } from "./seed-logs";
import { type Fetch, RETOLD_DNS_TICKET, RETOLD_DNS_TICKET_ON_4_19 } from "./seed-scenarios";
import { ELK_LXC_SYSCTL_READONLY, FIREWALLD_DOCKER_CLEANUP, IPV6NAT_LEGACY_DOCKER_CHAIN, K3D_505_VERSIONS } from "./setup-pastes";
import { DOCKER_STATUS_PAGER_CHOPPED, TAILSCALED_STATUS_OWN_ELLIPSIS } from "./status-pastes";
import {
  CRUN_DECIDE_COMMAND,
  CRUN_PAST_ITS_LINE,
  CRUN_RECORD,
  FLANNEL_RECORD,
  HEDGE_WORDS,
  K3S_FLANNEL_LINES,
  SYSBOX_RECORD,
  SYSBOX_VERSION_BESIDE_DIND,
} from "./undecided-pastes";
import { CONTAINERD_UPGRADED_TO_FIX, KERNEL_REBOOTED_INTO_FIX } from "./upgrade-scenarios";

/** The API's promises that hold on every runtime: search, records, formats and every error case. */
export function apiContract(fetch: Fetch, opts: { maxBodyBytes: number }) {
  const api = apiClient(fetch);

  it("reports health with the knowledge-base version and record count", async () => {
    const res = await api.health.$get();
    if (res.status !== 200) throw new Error(`health answered ${res.status}`);
    const body = await res.json();
    expect(body.status).toBe("ok");
    expect(body.kb.version).toMatch(/^kb-[0-9a-f]{16}$/);
    expect(body.kb.records).toBeGreaterThanOrEqual(2);
    expect(res.headers.get("x-kb-version")).toBe(body.kb.version);
  });

  for (const q of ["862c95d9859f", "0bfcb7b71e73", "306ed1728e84", "--xor-mark", "CVE-2024-50038"]) {
    it(`finds xt-mark when searching for ${q}`, async () => {
      const res = await api.bugs.$get({ query: { q } });
      if (res.status !== 200) throw new Error(`search answered ${res.status}`);
      const body = await res.json();
      expect(body.items.map((i) => i.id)).toContain(XT);
    });
  }

  it("finds a record by its own id first, typed in any case or quoted (review 49b F1)", async () => {
    // The index holds no ids: records naming this one in their text came first, and an id with a version found nothing.
    // As a sentence's last word, its record file's path or its page's address too (reviews 50b F9, 50i F3).
    for (const q of [
      XT,
      XT.toUpperCase(),
      `Xt${XT.slice(2)}`,
      ` \`${XT}\` `,
      `${XT}.`,
      `${XT},`,
      `data/bugs/${XT}.yaml`,
      `${XT}.yaml`,
      `see ${XT}.`,
      `https://kb.example.org/bugs/${XT}`,
      `bugs/${XT}.yml`,
    ]) {
      const found = await listBugs(api, { q });
      expect(found.items[0]?.id, q).toBe(XT);
    }
    const everything = await listBugs(api, { limit: "200" });
    const versioned = everything.items.find((i) => /\d\.\d/.test(i.id));
    if (versioned) expect((await listBugs(api, { q: versioned.id.toUpperCase() })).items[0]?.id).toBe(versioned.id);
  });

  it("looks up a long source address and a long component without a 500 (review 68j F1)", async () => {
    // D1 refuses LIKE patterns of more than 50 bytes: a third of the records' own sources were a 500 on the Worker (F1).
    const cited = await listBugs(api, { reference: "https://lore.kernel.org/all/20250513000604.1396-4-mhklinux@outlook.com/" });
    expect(cited.items.map((i) => i.id)).toContain("hv-netvsc-nvsp-rndis-pkt-complete-error-status-2");
    expect((await listBugs(api, { component: "c".repeat(49) })).total).toBe(0);
  });

  it("ranks the best match first and filters by ecosystem", async () => {
    const best = await listBugs(api, { q: "xor-mark" });
    expect(best.items[0]?.id).toBe(XT);
    const ubuntu = await listBugs(api, { ecosystem: "ubuntu:22.04", limit: "200" });
    expect(ubuntu.items.map((i) => i.id)).toContain(XT);
    const none = await listBugs(api, { q: "zzzz-no-such-term" });
    expect(none.total).toBe(0);
    // A component filter matches component names; LIKE's wildcards in it are characters, not "every record".
    const kubeProxy = await listBugs(api, { component: "kube-proxy", limit: "200" });
    expect(kubeProxy.items.map((i) => i.id)).toContain(XT);
    expect((await listBugs(api, { component: "%" })).total).toBe(0);
    // "_" is a character of component names (x_tables), not any one character.
    expect((await listBugs(api, { component: "x_tables" })).items.map((i) => i.id)).toContain(XT);
    expect((await listBugs(api, { component: "x_tab_es" })).total).toBe(0);
  });

  it("returns the whole record, with ranges and references, and labels the reported commit id", async () => {
    const res = await api.bugs[":id"].$get({ param: { id: XT } });
    if (res.status !== 200) throw new Error(`GET /bugs/${XT} answered ${res.status}`);
    const { bug } = await res.json();
    expect(bug.affected.length).toBeGreaterThan(0);
    expect(bug.references.length).toBeGreaterThanOrEqual(2);
    expect(bug.aliases.find((a) => a.value.startsWith("862c95d9859f"))?.verified).toBe(false);
  });

  it("answers a text/plain bundle with line numbers counted in the whole body", async () => {
    const bundle = `$ uname -r\n5.15.0-127-generic\n$ cat /etc/os-release\n${UBUNTU_2204_OS_RELEASE}\n${XOR_MARK_KLOG}`;
    const res = await post(fetch, bundle, "text/plain");
    expect(res.status).toBe(200);
    const d = (await res.json()) as Diagnosis;
    expect(d.findings[0]?.id).toBe(XT);
    const lines = bundle.split("\n");
    for (const e of d.findings[0]?.evidence ?? []) {
      if (e.kind === "log") expect(lines[e.line - 1]).toBe(e.text);
    }
  });

  it("reads a log copied through a web page, a rich-text document or an old Mac editor as its plain form (review 39a)", async () => {
    const bundle = `$ uname -r\n5.15.0-127-generic\n$ cat /etc/os-release\n${UBUNTU_2204_OS_RELEASE}\n${XOR_MARK_KLOG}`;
    const answer = async (text: string) => {
      const res = await post(fetch, text, "text/plain");
      expect(res.status).toBe(200);
      const f = ((await res.json()) as Diagnosis).findings[0];
      return (
        f && { id: f.id, confidence: f.confidence, verdict: f.verdict.status, lines: f.evidence.map((e) => e.kind === "log" && e.line) }
      );
    };
    const plain = await answer(bundle);
    expect(plain?.id).toBe(XT);
    const copies = {
      // Outlook, Teams and Confluence copy spaces as U+00A0; smart punctuation turns quotes typographic.
      richText: bundle
        .replaceAll(" ", "\u00a0")
        .replace(/"([^"\n]*)"/g, "\u201c$1\u201d")
        .replaceAll("'", "\u2019"),
      // A page's source or an HTML console escapes quotes and brackets.
      html: bundle
        .replaceAll("&", "&amp;")
        .replaceAll('"', "&quot;")
        .replaceAll("'", "&#39;")
        .replaceAll("<", "&lt;")
        .replaceAll(">", "&gt;"),
      // A classic-Mac file: CR line ends only, after a byte-order mark, and the last line feed an editor added.
      classicMac: `\ufeff${bundle.replaceAll("\n", "\r")}\r\n`,
      // Zero-width spaces (Slack, Teams, Word) and thin spaces.
      zeroWidth: bundle
        .replaceAll("ip6tables-restore", "ip6tables\u200b-restore")
        .replaceAll("--xor", "\u2060--xor")
        .replaceAll(": ", ":\u2009"),
    };
    for (const [how, text] of Object.entries(copies)) expect(await answer(text), how).toEqual(plain);
  });

  it("says when systemctl status cut the log's lines and how to send them whole, in JSON and in the text report (review 39a)", async () => {
    const status = [
      "\u25cf docker.service - Docker Application Container Engine",
      "     Loaded: loaded (/lib/systemd/system/docker.service; enabled; vendor preset: enabled)",
      "     Active: activating (auto-restart) (Result: exit-code) since Wed 2024-05-01 09:58:12 UTC; 2s ago",
      "",
      "May 01 10:00:00 node-1 dockerd[812]: failed to start daemon: error initializing graphdriver: \u2026 ftype=0",
    ].join("\n");
    const res = await post(fetch, status, "text/plain");
    const d = (await res.json()) as Diagnosis;
    expect(d.findings.filter((f) => f.confidence !== "low")).toEqual([]);
    expect(d.notes?.[0]).toMatch(/cut at the terminal's width by systemctl status.*systemctl status -l --no-pager docker\.service/);
    const text = await (
      await fetch("/diagnose", { method: "POST", body: status, headers: { "content-type": "text/plain", accept: "text/plain" } })
    ).text();
    expect(text).toMatch(/^Note: The unit's log lines are cut/m);
    // The unit whose block holds the cut line is named, not the first block's (review 39b).
    const two = `\u25cf kubelet.service - kubelet\n     Loaded: loaded (/lib/systemd/system/kubelet.service; enabled)\n\n${status.replaceAll("docker", "containerd")}`;
    expect(((await (await post(fetch, two, "text/plain")).json()) as Diagnosis).notes?.[0]).toMatch(/--no-pager containerd\.service/);
    // Sent whole (systemctl status -l), there is nothing to say.
    const whole = status.replace("\u2026", "overlay2 is not supported over xfs with");
    expect(((await (await post(fetch, whole, "text/plain")).json()) as Diagnosis).notes).toBeUndefined();
  });

  it('tells systemctl status cutting lines (with an ellipsis, or through its pager with no mark) from a message\'s own "..." (review 72a F4)', async () => {
    const notes = async (paste: string) => {
      const res = await fetch("/diagnose", {
        method: "POST",
        headers: { "content-type": "text/plain", "cf-connecting-ip": "203.0.113.193" },
        body: paste,
      });
      return ((await res.json()) as Diagnosis).notes;
    };
    // tailscaled's own "..." ends a line narrower than lines the same terminal showed whole: nothing was cut.
    expect(await notes(TAILSCALED_STATUS_OWN_ELLIPSIS)).toBeUndefined();
    // Two lines chopped at one column by the pager, marked by nothing; systemd's own "Starting ..." is not where.
    expect((await notes(DOCKER_STATUS_PAGER_CHOPPED))?.[0]).toMatch(
      /cut at the terminal's width by systemctl status \(its pager chopped them, marking nothing\).*--no-pager docker\.service/,
    );
  });

  it("reads a message a terminal cut over lines as one, and points at its first line", async () => {
    // The seed's kube-proxy line as a 150-column terminal shows it: the cut falls inside "unknown option".
    const line =
      'E0217 11:12:14.212635    9234 proxier.go:1432] "Failed to execute iptables-restore" err="exit status 2: ip6tables-restore v1.8.7 (nf_tables): unknown option \\"--xor-mark\\""';
    const cut = `${line.slice(0, 150)}\n${line.slice(150)}`;
    expect(cut.split("\n").some((l) => l.includes("unknown option"))).toBe(false);
    const res = await post(fetch, cut, "text/plain");
    expect(res.status).toBe(200);
    const finding = ((await res.json()) as Diagnosis).findings.find((f) => f.id === XT);
    const exact = finding?.evidence.filter((e) => e.kind === "log" && !e.approximate) ?? [];
    expect(exact.map((e) => e.kind === "log" && [e.line, e.text])).toContainEqual([1, line]);
  });

  it("judges a finding on the os-release alone where a record says the whole release is affected", async () => {
    const osRelease = 'NAME="Ubuntu"\nVERSION_ID="24.04"\nID=ubuntu\nVERSION_CODENAME=noble';
    const res = await post(fetch, `${osRelease}\nbwrap: setting up uid map: Permission denied`, "text/plain");
    expect(res.status).toBe(200);
    const finding = ((await res.json()) as Diagnosis).findings.find((f) => f.id === "ubuntu-apparmor-restrict-unprivileged-userns");
    // At the level the record gives the release's range.
    const record = (await (await fetch("/bugs/ubuntu-apparmor-restrict-unprivileged-userns")).json()) as {
      bug: { affected: Array<{ ecosystem: string; ranges: Array<{ introducedEvidence: string }> }> };
    };
    const range = record.bug.affected.find((a) => a.ecosystem === "ubuntu:24.04")?.ranges[0];
    expect(finding?.verdict).toMatchObject({ status: "affected", level: range?.introducedEvidence });
    expect(finding?.evidence.some((e) => e.kind === "version" && e.value === "ubuntu:24.04")).toBe(true);
  });

  it("reads a decoded kernel trace's frame and judges an EL-packaged mainline kernel on its upstream version, hedged", async () => {
    // decode_stacktrace.sh's form of the mlx5 record's RIP line, under a mainline 6.6.28 packaged for EL7 (RHEL 7 ships 3.10.0).
    const body = [
      "Linux host 6.6.28-1.el7.x86_64 #1 SMP PREEMPT_DYNAMIC x86_64 x86_64 x86_64 GNU/Linux",
      "[   15.174498] RIP: 0010:esw_port_metadata_get (drivers/net/ethernet/mellanox/mlx5/core/eswitch_offloads.c:2442) mlx5_core",
    ].join("\n");
    const res = await post(fetch, body, "text/plain");
    expect(res.status).toBe(200);
    const d = (await res.json()) as Diagnosis;
    expect(d.facts.kernel).toMatchObject({ upstream: "6.6.28", upstreamCertainty: "derived" });
    const f = d.findings.find((x) => x.id === "mlx5-esw-port-metadata-null-deref-6.6.28-talos-1.7.0");
    expect(f?.evidence.find((e) => e.kind === "log")).toMatchObject({ line: 2, signature: "rip-esw-port-metadata-get" });
    expect(f?.verdict).toMatchObject({ status: "affected", certain: false });
  });

  it("judges a finding on a version the report names in passing, hedged, and on docker version's daemon part", async () => {
    // The docker-20.10.6 record's own message (fixed in 20.10.7).
    const failure = "Error starting userland proxy: listen tcp6 [::]:9982: socket: address family not supported by protocol";
    const judge = async (body: string) => {
      const res = await post(fetch, body, "text/plain");
      expect(res.status).toBe(200);
      return ((await res.json()) as Diagnosis).findings.find((f) => f.id === "docker-20.10.6-ipv6-disabled-userland-proxy-tcp6");
    };
    const named = await judge(`Since Docker 20.10.6 this fails:\n${failure}`);
    expect(named?.verdict).toMatchObject({ status: "affected", certain: false });
    expect(named?.evidence.find((e) => e.kind === "version")).toMatchObject({ value: "20.10.6", certain: false });
    const daemon = await judge(`Server: Docker Engine - Community\n Engine:\n  Version:          20.10.7\n${failure}`);
    expect(daemon?.verdict.status).toBe("not-affected");
    expect(daemon?.verdict).not.toHaveProperty("certain");
  });

  it("never warns a Windows node of a Linux-only runtime bug, but still the Linux node beside it", async () => {
    // containerd 1.6.3 fails with CNI plugins' loopback 1.0.0: CNI on Linux. (The apparmor_parser record this used warns only
    // where the paste shows the parser missing since review 49d F2; this one where it shows a loopback before 1.0, the
    // kubernetes-cni 0.8 package, since review 72a F2.)
    const header = "NAME STATUS ROLES AGE VERSION INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME";
    const win = "akswin000000 Ready agent 10d v1.27.3 10.240.0.35 <none> Windows Server 2022 Datacenter 10.0.20348.1787 containerd://1.6.3";
    const lin = "aksnpl000001 Ready agent 10d v1.27.3 10.240.0.36 <none> Ubuntu 22.04.2 LTS 5.15.0-1041-azure containerd://1.6.3";
    const cni = "The nodes' CNI plugins come from the kubernetes-cni 0.8.7 package.";
    const advisory = async (rows: string[]) => {
      const res = await post(fetch, JSON.stringify({ nodes: [header, ...rows].join("\n"), logs: cni }), "application/json");
      expect(res.status).toBe(200);
      return ((await res.json()) as Diagnosis).advisories.find((a) => a.id === "containerd-1.6.3-loopback-cni-1.0.0");
    };
    expect(await advisory([win])).toBeUndefined();
    const mixed = await advisory([win, lin]);
    expect(mixed?.verdict.status).toBe("affected");
    const versions = mixed?.evidence.filter((e) => e.kind === "version") ?? [];
    expect(versions).toContainEqual(
      expect.objectContaining({ subject: expect.stringMatching(/^node akswin000000/), result: "not-affected" }),
    );
    expect(versions).toContainEqual(expect.objectContaining({ subject: expect.stringMatching(/^node aksnpl000001/), result: "affected" }));
    // A bug of the same releases that holds on Windows too (kubelet 1.26 needs CRI v1; containerd 1.5 lacks it) still warns there.
    const cri = await post(
      fetch,
      JSON.stringify({ nodes: [header, win.replace("v1.27.3", "v1.29.0").replace("1.6.3", "1.5.9")].join("\n") }),
      "application/json",
    );
    const kubelet = ((await cri.json()) as Diagnosis).advisories.find((a) => a.id === "kubelet-1.26-cri-v1-required");
    expect(kubelet?.verdict.status).toBe("affected");
  });

  it("says in JSON which nodes of a pasted fleet show a finding and which others are in its range, as the hosts form does (review 67e F5)", async () => {
    const header = "NAME STATUS ROLES AGE VERSION INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME";
    const row = (name: string, kernel: string) =>
      `${name} Ready <none> 40d v1.30.4 10.0.0.1 <none> Ubuntu 22.04.5 LTS ${kernel} containerd://1.7.22`;
    const paste = [
      header,
      row("worker-1", "5.15.0-126-generic"),
      row("worker-2", "5.15.0-127-generic"),
      row("worker-3", "5.15.0-127-generic"),
      'Nov 29 10:00:01 worker-2 kube-proxy[812]: ip6tables-restore v1.8.7 (legacy): unknown option "--xor-mark"',
    ].join("\n");
    // A client of its own: the Worker's rate limit is shared by the contract's other requests.
    const headers = { "content-type": "text/plain", "cf-connecting-ip": "203.0.113.68" };
    const res = await fetch("/diagnose", { method: "POST", headers, body: paste });
    expect(res.status).toBe(200);
    const d = (await res.json()) as Diagnosis;
    const xt = d.findings.find((f) => f.id === "xt-mark-ipv6-typo-2024");
    expect(xt).toMatchObject({ hosts: ["worker-2"], quietHosts: ["worker-3"] });
    expect(xt?.evidence.find((e) => e.kind === "log")).toMatchObject({ host: "worker-2", line: 5 });
    expect(d.nodes.map((n) => [n.name, n.matched])).toEqual([
      ["worker-1", []],
      ["worker-2", ["xt-mark-ipv6-typo-2024"]],
      ["worker-3", []],
    ]);
  });

  it("judges each Ubuntu kernel flavour on its own range, and one the record does not range as undecided (review 71b F1, F2)", async () => {
    const FALCO = "falco-modern-ebpf-tailcall-sys-exit-einval-6.12-6.6.57";
    const BPF = "bpf-adjust-room-gso-skb-segment-bug";
    const paste = (uname: string, release: string, lines: string) =>
      `$ uname -a\nLinux node1 ${uname} SMP Mon Oct 14 12:00:00 UTC 2024 x86_64 GNU/Linux\n$ cat /etc/os-release\nNAME="Ubuntu"\nVERSION_ID="${release}"\nID=ubuntu\n${lines}`;
    const falco =
      "$ falco --version\nFalco version: 0.39.1\n[libs]: libbpf: prog 'sys_exit': failed to load: -22\n[libs]: libpman: failed to load BPF object (errno: 22 | message: Invalid argument)\n";
    const oops = "[ 1234.567890] kernel BUG at net/core/skbuff.c:4490!\n[ 1234.567950] RIP: 0010:skb_segment+0x5d4/0xe30\n";
    // Each request a client of its own: the Worker's rate limit is shared by the contract's other requests.
    const verdict = async (ip: string, body: string, id: string) => {
      const res = await fetch("/diagnose", { method: "POST", headers: { "content-type": "text/plain", "cf-connecting-ip": ip }, body });
      expect(res.status).toBe(200);
      return ((await res.json()) as Diagnosis).findings.find((f) => f.id === id)?.verdict;
    };
    // Canonical's OSV data: 24.04 linux-gcp first carries the tail-call check in 6.8.0-1026.28; 22.04 linux-gcp fixed the
    // skb_segment BUG in 5.15.0-1071.79. Falco 0.39.1 on the GCP build before the check was "affected, verified".
    expect(await verdict("203.0.113.161", paste("6.8.0-1020-gcp #22-Ubuntu", "24.04", falco), FALCO)).toMatchObject({
      status: "not-affected",
      level: "verified",
    });
    expect(await verdict("203.0.113.162", paste("6.8.0-1026-gcp #28-Ubuntu", "24.04", falco), FALCO)).toMatchObject({
      status: "affected",
      level: "verified",
    });
    expect(await verdict("203.0.113.163", paste("5.15.0-1070-gcp #78-Ubuntu", "22.04", oops), BPF)).toMatchObject({
      status: "affected",
      level: "verified",
    });
    expect(await verdict("203.0.113.164", paste("5.15.0-1071-gcp #79-Ubuntu", "22.04", oops), BPF)).toMatchObject({
      status: "not-affected",
      level: "verified",
    });
    // A flavour neither record ranges (Canonical has no fixed build for it): undecided, saying which package has no data.
    const tegra = await verdict("203.0.113.165", paste("6.8.0-1012-nvidia-tegra #12-Ubuntu", "24.04", falco), FALCO);
    expect(tegra?.status).toBe("unknown");
    expect(tegra?.reason).toMatch(/no data for ubuntu:24\.04 package linux-nvidia-tegra \(6\.8\.0-1012-nvidia-tegra; it ranges /);
    const realtime = await verdict("203.0.113.166", paste("5.15.0-1032-realtime #35-Ubuntu", "22.04", oops), BPF);
    expect(realtime?.status).toBe("unknown");
    expect(realtime?.reason).toMatch(
      /^no data in this record for ubuntu:22\.04 package linux-realtime \(5\.15\.0-1032-realtime; it ranges /,
    );
  });

  it("judges a pod's events trimmed by `tail` or `grep` on the node the paste places the pod, in JSON and text (review 70b F1)", async () => {
    const row = (name: string, runtime: string) =>
      `${name}    Ready    <none>   91d   v1.23.6   192.168.5.1   <none>   Ubuntu 20.04.4 LTS   5.4.0-109-generic   containerd://${runtime}`;
    const nodes = [
      "$ kubectl get nodes -o wide",
      "NAME      STATUS   ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION      CONTAINER-RUNTIME",
      row("k8s-w1", "1.6.4"),
      row("k8s-w2", "1.6.3"),
    ];
    const failed =
      '  Warning  FailedCreatePodSandBox  2m (x41 over 12m)  kubelet  Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "5a9c0e1f": plugin type="loopback" failed (add): incompatible CNI versions; config is "1.0.0", plugin supports ["0.1.0" "0.2.0" "0.3.0" "0.3.1" "0.4.0"]';
    const events = [
      "$ kubectl describe pod nginx-6799fc88d8-8kq2l | grep -A3 Events:",
      "Events:",
      "  Normal   Scheduled  12m  default-scheduler  Successfully assigned default/nginx-6799fc88d8-8kq2l to k8s-w1",
      failed,
    ];
    const diagnose = async (ip: string, lines: string[], accept = "application/json") => {
      // A client of its own: the Worker's rate limit is shared by the contract's other requests.
      const headers = { "content-type": "text/plain", "cf-connecting-ip": ip, accept };
      const res = await fetch("/diagnose", { method: "POST", headers, body: lines.join("\n") });
      expect(res.status).toBe(200);
      return res;
    };
    const CNI = "containerd-1.6.3-loopback-cni-1.0.0";
    // The scheduler's event places the pod on k8s-w1, past the fix ("affected (verified)", certain, on k8s-w2's row before).
    const placed = ((await (await diagnose("203.0.113.221", [...nodes, ...events])).json()) as Diagnosis).findings.find(
      (f) => f.id === CNI,
    );
    expect(placed?.verdict).toMatchObject({ status: "not-affected", reason: expect.stringContaining("the log's lines are node k8s-w1's") });
    // Its own versions rule the bug out beside the symptom there: another cause (review 70b F3).
    expect(placed).toMatchObject({ hosts: ["k8s-w1"], quietHosts: ["k8s-w2"], ruledOutOn: ["k8s-w1"] });
    const text = await (await diagnose("203.0.113.222", [...nodes, ...events], "text/plain")).text();
    expect(text).toMatch(/verdict: not affected \(verified\): node k8s-w1/);
    expect(text).toContain("ruled out on k8s-w1: its versions are outside this bug's range");
    // Nothing places it: affected on k8s-w2's row, never certain, saying the pod may be on k8s-w1.
    const unplaced = [...nodes, "$ kubectl describe pod nginx-6799fc88d8-8kq2l | tail -1", failed];
    const hedged = ((await (await diagnose("203.0.113.223", unplaced)).json()) as Diagnosis).findings.find((f) => f.id === CNI);
    expect(hedged?.verdict).toMatchObject({ status: "affected", certain: false, reason: expect.stringContaining("they may be k8s-w1's") });
  });

  it("rules a printing node out, or names it in range, only as its own versions decide beside the symptom, in JSON and text (review 70b F3, F4)", async () => {
    const diagnose = async (ip: string, body: string, accept = "application/json") => {
      // A client of its own: the Worker's rate limit is shared by the contract's other requests.
      const res = await fetch("/diagnose", {
        method: "POST",
        headers: { "content-type": "text/plain", "cf-connecting-ip": ip, accept },
        body,
      });
      expect(res.status).toBe(200);
      return res;
    };
    const header =
      "NAME       STATUS   ROLES    AGE    VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                KERNEL-VERSION       CONTAINER-RUNTIME";
    const row = (name: string, image: string, kernel: string) =>
      `${name.padEnd(11)}Ready    <none>   210d   v1.30.6   10.0.0.1      <none>        ${image.padEnd(24)}${kernel.padEnd(21)}containerd://1.7.22`;
    const refusal = (host: string) =>
      `Dec 17 15:38:23 ${host} kube-proxy[2211]:         exit status 2: ip6tables-restore v1.8.7 (nf_tables): unknown option "--xor-mark"`;
    // F4: worker-3's 5.15.0-130 leaves the upload open; worker-2's 5.15.0-127 is in range. Both print the refusal.
    const ubuntu = "Ubuntu 22.04.5 LTS";
    const central = [
      "$ kubectl get nodes -o wide",
      header,
      row("worker-1", ubuntu, "5.15.0-126-generic"),
      row("worker-2", ubuntu, "5.15.0-127-generic"),
      row("worker-3", ubuntu, "5.15.0-130-generic"),
      "$ ssh loghost 'journalctl -D /var/log/journal/remote -u kube-proxy --no-pager | grep xor-mark'",
      refusal("worker-3"),
      refusal("worker-2"),
    ].join("\n");
    const d = (await (await diagnose("203.0.113.224", central)).json()) as Diagnosis;
    const xt = d.findings.find((f) => f.id === XT);
    expect(xt).toMatchObject({ hosts: ["worker-3", "worker-2"], undecidedOn: ["worker-3"] });
    expect(xt?.ruledOutOn).toBeUndefined();
    expect(d.rootCause?.reason).toContain("the version of worker-2 is in the affected range");
    expect(d.rootCause?.reason).toContain("worker-3's (5.15.0-130) does not decide it");
    const text = await (await diagnose("203.0.113.225", central, "text/plain")).text();
    expect(text).toContain("shown on: worker-2\n");
    expect(text).toMatch(/undecided on worker-3: its lines show its symptom, but its versions do not decide this bug/);
    // F3: a node whose hedged "not affected" (Bottlerocket, judged on upstream 5.15.167) decides nothing beside the symptom.
    const bottlerocket = "Bottlerocket OS 1.26.1";
    const vendor = [
      "$ kubectl get nodes -o wide",
      header,
      row("node-a", bottlerocket, "5.15.167"),
      row("node-b", bottlerocket, "5.15.168"),
      "$ ssh node-a journalctl -u kube-proxy --no-pager | grep xor-mark",
      refusal("node-a"),
    ].join("\n");
    const own = ((await (await diagnose("203.0.113.226", vendor)).json()) as Diagnosis).findings.find((f) => f.id === XT);
    expect(own?.verdict).toMatchObject({ status: "unknown", reason: expect.stringContaining("the symptom suggests that backport") });
    expect(own?.ruledOutOn).toBeUndefined();
    const vendorText = await (await diagnose("203.0.113.227", vendor, "text/plain")).text();
    expect(vendorText).toContain("shown on: node-a");
    expect(vendorText).not.toMatch(/ruled out on node-a/);
  });

  it("names a few of a big fleet's printers in the verdict's reason and counts the rest, in JSON and text (review 70b F5)", async () => {
    const names = Array.from({ length: 12 }, (_, i) => `worker-${String(i + 1).padStart(2, "0")}`);
    const paste = [
      "$ kubectl get nodes -o wide",
      "NAME        STATUS   ROLES    AGE    VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION       CONTAINER-RUNTIME",
      ...names.map(
        (n) =>
          `${n}   Ready    <none>   210d   v1.30.6   10.0.0.1      <none>        Ubuntu 22.04.5 LTS   5.15.0-127-generic   containerd://1.7.22`,
      ),
      "$ ssh loghost 'journalctl -D /var/log/journal/remote -u kube-proxy --no-pager | grep xor-mark'",
      ...names
        .slice(0, 10)
        .map(
          (n) =>
            `Dec 17 15:38:23 ${n} kube-proxy[2211]:         exit status 2: ip6tables-restore v1.8.7 (nf_tables): unknown option "--xor-mark"`,
        ),
    ].join("\n");
    // A client of its own: the Worker's rate limit is shared by the contract's other requests.
    const post = (ip: string, accept: string) =>
      fetch("/diagnose", { method: "POST", headers: { "content-type": "text/plain", "cf-connecting-ip": ip, accept }, body: paste });
    const d = (await (await post("203.0.113.219", "application/json")).json()) as Diagnosis;
    const xt = d.findings.find((f) => f.id === XT);
    expect(xt?.hosts).toHaveLength(10);
    expect(xt?.quietHosts).toEqual(["worker-11", "worker-12"]);
    // Four names and a count, not ten ("node worker-01 and node worker-02 and …" before).
    expect(xt?.verdict.reason).toContain("the log's lines are node worker-01, node worker-02, node worker-03, node worker-04 and 6 more's");
    expect(xt?.verdict.reason).not.toContain("worker-05");
    expect(d.rootCause?.reason).toContain("the version of worker-01, worker-02, worker-03, worker-04 and 6 more is in the affected range");
    const text = await (await post("203.0.113.220", "text/plain")).text();
    expect(text).toContain("shown on: worker-01, worker-02, worker-03, worker-04, worker-05, worker-06, worker-07, worker-08 and 2 more");
    expect(text).toContain("also in range, no symptom shown for them yet: worker-11 (not certain), worker-12 (not certain)");
  });

  it("says a symptom logged before its bug existed is not that bug, in the JSON and the text report (review 72a F1)", async () => {
    // A client of its own: the Worker's rate limit is shared by the contract's other requests.
    const post = (ip: string, accept: string) =>
      fetch("/diagnose", {
        method: "POST",
        headers: { "content-type": "text/plain", "cf-connecting-ip": ip, accept },
        body: OPENVPN_TUNSETIFF_2020,
      });
    const d = (await (await post("203.0.113.182", "application/json")).json()) as Diagnosis;
    const tun = d.findings.find((f) => f.id === "runc-1.2.0-tun-tap-removed-from-default-devices");
    expect(tun?.verdict).toMatchObject({
      status: "not-affected",
      level: "verified",
      reason: "the line was logged on 2020-07-08, before runc 1.2.0-rc.1 existed (its change dates from 2022-05-04, verified)",
    });
    expect(tun?.confidence).toBe("low");
    const text = await (await post("203.0.113.183", "text/plain")).text();
    expect(text).toContain("verdict: not affected (verified): the line was logged on 2020-07-08, before runc 1.2.0-rc.1 existed");
  });

  it("names no bug from a line that only warns or gives notice: firewalld's clean-up warnings, iptables' deprecation notice (review 69a F2, F1)", async () => {
    const diagnose = async (ip: string, body: string) => {
      // A client of its own: the Worker's rate limit is shared by the contract's other requests.
      const res = await fetch("/diagnose", { method: "POST", headers: { "content-type": "text/plain", "cf-connecting-ip": ip }, body });
      expect(res.status).toBe(200);
      return (await res.json()) as Diagnosis;
    };
    // Docker deleting its old jumps at start, before its DOCKER chain exists: firewalld warns at each start.
    const warnings = ["PREROUTING -m addrtype --dst-type LOCAL", "OUTPUT -m addrtype --dst-type LOCAL ! --dst 127.0.0.0/8"].map(
      (rule) =>
        `Mar 04 08:12:31 web-3 firewalld[812]: WARNING: COMMAND_FAILED: '/usr/sbin/iptables -w10 -t nat -D ${rule} -j DOCKER' failed: iptables v1.8.4 (legacy): Couldn't load target \`DOCKER':No such file or directory`,
    );
    const firewalld = await diagnose("203.0.113.71", warnings.join("\n"));
    expect(firewalld.findings.map((f) => f.id)).not.toContain("firewalld-reload-wipes-docker-chains");
    expect(firewalld.rootCause ?? null).toBeNull();
    // An IPv4 restore failure under iptables >= 1.8.8's notice names no IPv6-only record.
    const restore = [
      'E0304 08:12:31.118734       1 proxier.go:1556] "Failed to execute iptables-restore" err=<',
      "\texit status 2: Ignoring deprecated --wait-interval option.",
      "\tiptables-restore v1.8.9 (nf_tables): Couldn't load target `KUBE-SEP-7KQ3HFZ2XWXG4ZOE':No such file or directory",
      "\tError occurred at line: 212",
      ' > ipFamily="IPv4"',
    ].join("\n");
    const kubeProxy = await diagnose("203.0.113.72", restore);
    expect(kubeProxy.findings.map((f) => f.id)).not.toContain("xt-mark-ipv6-typo-2024");
    expect(kubeProxy.rootCause?.id).not.toBe("xt-mark-ipv6-typo-2024");
  });

  it("ends an undecided verdict with the one command that would decide it, in plain words, in JSON and text (review 70d F6)", async () => {
    const send = (ip: string, accept: string) =>
      // A client of its own: the Worker's rate limit is shared by the contract's other requests.
      fetch("/diagnose", {
        method: "POST",
        headers: { "content-type": "text/plain", accept, "cf-connecting-ip": ip },
        body: CRUN_PAST_ITS_LINE,
      });
    const json = await send("203.0.113.110", "application/json");
    expect(json.status).toBe(200);
    const crun = ((await json.json()) as Diagnosis).findings.find((f) => f.id === CRUN_RECORD);
    expect(crun?.verdict.status).toBe("unknown");
    // The record's confirm step: the crun Podman runs, which the paste's `crun --version` on PATH may not be.
    expect(crun?.verdict.decideWith).toEqual({
      command: CRUN_DECIDE_COMMAND,
      step: `the paste's 1.23.1 may not be the version that failed: run \`${CRUN_DECIDE_COMMAND}\` then run that path with --version, on the host that printed the log's lines`,
    });
    // One level of words: no parenthesis inside another, and which versions print the line, not "another version".
    expect(crun?.verdict.reason).not.toMatch(/\([^)]*\(/);
    expect(crun?.verdict.reason).toContain("the log's line is one only crun before 1.14.3 prints");
    const text = await (await send("203.0.113.111", "text/plain")).text();
    expect(text).toContain(`   to decide: the paste's 1.23.1 may not be the version that failed: run \`${CRUN_DECIDE_COMMAND}\``);
    // The range's level and the reading's hedge, as two things, never "verified, not certain".
    expect(text).toContain(`not affected (${HEDGE_WORDS})`);
    expect(text).not.toContain("not certain");
  });

  it("reads the output of the command the step asks for as the host's, and asks for none the paste shows cannot answer (review 72b F2)", async () => {
    const send = async (ip: string, accept: string, body: string) => {
      // A client of its own: the Worker's rate limit is shared by the contract's other requests.
      const res = await fetch("/diagnose", {
        method: "POST",
        headers: { "content-type": "text/plain", accept, "cf-connecting-ip": ip },
        body,
      });
      expect(res.status).toBe(200);
      return res;
    };
    // `sysbox-runc --version`'s block decides, as the host's own reading: no step left.
    const sysbox = (
      (await (await send("203.0.113.246", "application/json", SYSBOX_VERSION_BESIDE_DIND)).json()) as Diagnosis
    ).findings.find((f) => f.id === SYSBOX_RECORD);
    expect(sysbox?.verdict).toMatchObject({ status: "affected", level: "verified" });
    expect(sysbox?.verdict.certain).toBeUndefined();
    expect(sysbox?.verdict.decideWith).toBeUndefined();
    // flannel inside k3s: no flanneld to ask, and no command at all (the record has no k3s data); the text report says what would.
    const flannel = ((await (await send("203.0.113.247", "application/json", K3S_FLANNEL_LINES)).json()) as Diagnosis).findings.find(
      (f) => f.id === FLANNEL_RECORD,
    );
    expect(flannel?.verdict.decideWith?.command).toBeUndefined();
    expect(flannel?.verdict.decideWith?.step).toContain("flannel runs inside k3s on this host");
    const text = await (await send("203.0.113.248", "text/plain", K3S_FLANNEL_LINES)).text();
    expect(text).toContain("   to decide: flannel runs inside k3s on this host");
    expect(text).not.toContain("run `flanneld --version`");
  });

  it("names no bug from a kernel oops's framing: a UBSAN report's Hardware name, Call Trace and dump_stack_lvl lines (review 70a F1)", async () => {
    const diagnose = async (ip: string, body: string) => {
      // A client of its own: the Worker's rate limit is shared by the contract's other requests.
      const res = await fetch("/diagnose", { method: "POST", headers: { "content-type": "text/plain", "cf-connecting-ip": ip }, body });
      expect(res.status).toBe(200);
      return (await res.json()) as Diagnosis;
    };
    const ubsan = await diagnose("203.0.113.170", UBSAN_REPORT.join("\n"));
    expect(ubsan.findings.map((f) => f.id)).not.toContain("veth-queue-alloc-enomem-many-cpus");
    expect(ubsan.rootCause ?? null).toBeNull();
    const alone = await diagnose("203.0.113.171", UBSAN_FRAMING.join("\n"));
    expect(alone.findings).toEqual([]);
    expect(alone.closest).toEqual([]);
  });

  it("names no record by a setting's compound of generic words in a sentence beside the quoted error (review 70a F6)", async () => {
    // cri-o/cri-o#7569 (Rocky 9.3, 2023): the pre-cgroup-v2 runtime record alone quotes `systemd.unified_cgroup_hierarchy`.
    const body = [
      "on rockylinux 9.3 with systemd.unified_cgroup_hierarchy=0, 'kubeadm init' work well.",
      "but on rockylinux 9.3 default with systemd.unified_cgroup_hierarchy=1, 'kubeadm init' failed.",
      "kubulet failed to boot with the error 'cgroup manager.Set failed: openat2 /sys/fs/cgroup/kubepods.slice/cpu.weight: no such file or directory'",
    ].join("\n");
    // A client of its own: the Worker's rate limit is shared by the contract's other requests.
    const res = await fetch("/diagnose", {
      method: "POST",
      headers: { "content-type": "text/plain", "cf-connecting-ip": "203.0.113.172" },
      body,
    });
    expect(res.status).toBe(200);
    const d = (await res.json()) as Diagnosis;
    expect(d.findings).toEqual([]);
    expect(d.closest.map((c) => c.id)).toContain("runtime-pre-cgroupv2-on-unified-host");
  });

  it("names no bug from a reworded line whose number or level says another message: an older daemon's API minimum, a pre-23 daemon's graph warning (review 70d F1)", async () => {
    const diagnose = async (ip: string, body: string, accept = "application/json") => {
      // A client of its own: the Worker's rate limit is shared by the contract's other requests.
      const headers = { "content-type": "text/plain", accept, "cf-connecting-ip": ip };
      const res = await fetch("/diagnose", { method: "POST", headers, body });
      expect(res.status).toBe(200);
      return res;
    };
    // Docker 29's signature states its minimum, 1.44: a daemon's 1.25 is another daemon's refusal, by tokens or resemblance.
    const compose = (await (await diagnose("203.0.113.230", COMPOSE_MIN_API_1_25)).json()) as Diagnosis;
    expect(compose.findings.map((f) => f.id)).not.toContain("docker-29-minimum-api-1.44-old-clients");
    expect(compose.rootCause ?? null).toBeNull();
    // A warning of the key Docker 23 refuses in other words: the daemon went on.
    const graph = (await (await diagnose("203.0.113.231", GRAPH_DEPRECATION_WARNING)).json()) as Diagnosis;
    expect(graph.findings.map((f) => f.id)).not.toContain("docker-23-graph-option-removed");
    // A reworded line still matches, and the text door says it was reworded, as the JSON does.
    const loop = (await (await diagnose("203.0.113.232", COREDNS_LOOP_NO_LEVEL)).json()) as Diagnosis;
    const line = loop.findings.find((f) => f.id === "coredns-loop-systemd-resolved")?.evidence.find((e) => e.kind === "log");
    expect(line).toMatchObject({ line: 2, approximate: "tokens" });
    const text = await (await diagnose("203.0.113.233", COREDNS_LOOP_NO_LEVEL, "text/plain")).text();
    expect(text).toMatch(/line 2: .*<- coredns-loop-detected-for-zone \(reworded: matches the signature's words, not its exact text\)/);
  });

  it("names no bug from complete EAGAIN messages read as one, nor from a neighbouring errno text, in JSON and text (review 71a F1, F3)", async () => {
    const diagnose = async (ip: string, body: string, accept = "application/json") => {
      // A client of its own: the Worker's rate limit is shared by the contract's other requests.
      const headers = { "content-type": "text/plain", accept, "cf-connecting-ip": ip };
      const res = await fetch("/diagnose", { method: "POST", headers, body });
      expect(res.status).toBe(200);
      return res;
    };
    // A PID limit's EAGAIN from nginx, its master and Python: no seccomp (EPERM) bug, no "disable seccomp" fix.
    const pids = (await (await diagnose("203.0.113.130", FIRESHARE_PIDS_LIMIT)).json()) as Diagnosis;
    expect(pids.findings.map((f) => f.id)).not.toContain("new-libc-images-on-old-docker-seccomp");
    const pidsText = await (await diagnose("203.0.113.131", FIRESHARE_PIDS_LIMIT, "text/plain")).text();
    expect(pidsText).not.toMatch(/new-libc-images-on-old-docker-seccomp \[/);
    // EPFNOSUPPORT ("Protocol family not supported") is no rewording of the NFSv4.1 record's EPROTONOSUPPORT.
    const nfs = (await (await diagnose("203.0.113.132", VAST_CSI_PROTOCOL_FAMILY)).json()) as Diagnosis;
    expect(nfs.findings.map((f) => f.id)).not.toContain("nfs41-exchgid-pnfs-ds-protocol-not-supported-2023");
    expect(nfs.closest.map((c) => c.id)).toContain("nfs41-exchgid-pnfs-ds-protocol-not-supported-2023");
    const nfsText = await (await diagnose("203.0.113.133", VAST_CSI_PROTOCOL_FAMILY, "text/plain")).text();
    expect(nfsText).not.toMatch(/reworded/);
  });

  it("makes a finding that only resembles a line a lead: no root cause, and the text door's headline counts it apart (review 70d F2)", async () => {
    const headers = { "content-type": "text/plain", "cf-connecting-ip": "203.0.113.178" };
    const d = (await (await fetch("/diagnose", { method: "POST", headers, body: RELEASE_PLZ_GLIBC })).json()) as Diagnosis;
    // Low since review 72a F2: nothing shows containerd's 1.6.7 release tarball, the setup its bug needs.
    expect(d.findings[0]).toMatchObject({ id: "containerd-1.6.7-release-binaries-glibc-2.34", confidence: "low" });
    expect(d.findings[0]?.evidence.filter((e) => e.kind === "log").every((e) => e.approximate === "similar")).toBe(true);
    expect(d.rootCause ?? null).toBeNull();
    const res = await fetch("/diagnose", {
      method: "POST",
      headers: { ...headers, accept: "text/plain", "cf-connecting-ip": "203.0.113.179" },
      body: RELEASE_PLZ_GLIBC,
    });
    const text = await res.text();
    expect(text.split("\n")[2]).toBe("No known bug matched the log; 1 record resembles a line.");
    expect(text).not.toMatch(/root cause/i);
  });

  it("takes no host for Windows from a line naming Windows: WSL2's kubelet still has the Linux-only bug it logs", async () => {
    const swap =
      'E1201 08:00:00.000000    1234 run.go:74] "command failed" err="failed to run Kubelet: running with swap on is not supported, please disable swap!"';
    const uname = "Linux DESKTOP-1 5.15.133.1-microsoft-standard-WSL2 #1 SMP Thu Oct 5 21:02:42 UTC 2023 x86_64 x86_64 x86_64 GNU/Linux";
    const verdictOf = async (body: string) => {
      const res = await post(fetch, body, "text/plain");
      expect(res.status).toBe(200);
      return ((await res.json()) as Diagnosis).findings.find((f) => f.id === "kubelet-fails-with-swap-on")?.verdict;
    };
    expect((await verdictOf(`${uname}\nOperating System: Windows 11 Home\nKubelet Version: v1.28.2\n${swap}`))?.status).toBe("affected");
    expect((await verdictOf(`Host operating system: Windows 11; the cluster runs in WSL2.\n${swap}`))?.status).not.toBe("not-affected");
    // A nodes table of Windows nodes only, beside the symptom only Linux prints: undecided, never ruled out.
    const header = "NAME STATUS ROLES AGE VERSION INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME";
    const win = "akswin000000 Ready agent 10d v1.28.2 10.240.0.35 <none> Windows Server 2022 Datacenter 10.0.20348.1787 containerd://1.7.1";
    const fleet = await verdictOf(`${header}\n${win}\n\n${swap}`);
    expect(fleet?.status).toBe("unknown");
    expect(fleet?.reason).toMatch(/only a Linux host prints, and the nodes ruled out run Windows/);
  });

  it("judges an API server's removal by a kubelet's version only one way: a kubelet may lag its API server", async () => {
    const refusal =
      'Error: UPGRADE FAILED: unable to build kubernetes objects from new release manifest: error validating "": error validating data: [no matches for kind "Ingress" in version "extensions/v1beta1"]';
    const header = "NAME STATUS ROLES AGE VERSION INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME";
    const verdictWith = async (kubelet: string) => {
      const nodes = `${header}\nn1 Ready <none> 10d ${kubelet} 10.0.0.5 <none> Ubuntu 20.04.1 LTS 5.4.0-42-generic containerd://1.5.5`;
      const res = await post(fetch, `${nodes}\n\n${refusal}`, "text/plain");
      expect(res.status).toBe(200);
      return ((await res.json()) as Diagnosis).findings.find((f) => f.id === "kubernetes-1.22-beta-apis-removed")?.verdict;
    };
    // 1.21 kubelets may run under a 1.22 API server: undecided, never "not affected"…
    expect((await verdictWith("v1.21.5"))?.status).toBe("unknown");
    // …unless the API server's own version is given (`kubectl version`), which the kubelet's leaves to decide.
    const kubectl = "$ kubelet --version\nKubernetes v1.21.5\n$ kubectl version --short\nClient Version: v1.22.4\nServer Version: v1.22.4";
    const server = await post(fetch, `${kubectl}\n${refusal}`, "text/plain");
    const named = ((await server.json()) as Diagnosis).findings.find((f) => f.id === "kubernetes-1.22-beta-apis-removed");
    expect(named?.verdict.status).toBe("affected");
    // A 1.23 kubelet's API server is 1.23 or later: past the removal.
    expect(await verdictWith("v1.23.4")).toMatchObject({ status: "affected" });
    // Another kind's refusal (a GA API on an older cluster) is refused by the record's own pattern.
    const other = await post(fetch, 'no matches for kind "Ingress" in version "networking.k8s.io/v1"', "text/plain");
    expect(((await other.json()) as Diagnosis).findings.map((f) => f.id)).not.toContain("kubernetes-1.22-beta-apis-removed");
  });

  it("judges an API server's removal on its own answer to `kubectl version` beside a nodes table, never on a node's row (review 69i F2)", async () => {
    const psp = "kubernetes-1.25-podsecuritypolicy-removed";
    const kubectl = (server: string) => `$ kubectl version\nClient Version: v1.29.2\nKustomize Version: v5.0.4\nServer Version: ${server}`;
    const nodes = (name: string, kubelet: string) =>
      [
        "$ kubectl get nodes -o wide",
        "NAME STATUS ROLES AGE VERSION INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME",
        `${name} Ready <none> 1y ${kubelet} 10.0.0.2 <none> Ubuntu 22.04.3 LTS 5.15.0-91-generic containerd://1.6.24`,
      ].join("\n");
    const refusal =
      'Error: INSTALLATION FAILED: unable to build kubernetes objects from release manifest: resource mapping not found for name: "app-psp" namespace: "" from "": no matches for kind "PodSecurityPolicy" in version "policy/v1beta1"';
    // Clients of their own: the Worker's rate limit is shared by the contract's other requests.
    const diagnose = async (ip: string, body: string) => {
      const headers = { "content-type": "text/plain", "cf-connecting-ip": ip };
      const res = await fetch("/diagnose", { method: "POST", headers, body });
      expect(res.status).toBe(200);
      const finding = ((await res.json()) as Diagnosis).findings.find((f) => f.id === psp);
      const text = await (await fetch("/diagnose", { method: "POST", headers: { ...headers, accept: "text/plain" }, body })).text();
      return { finding, text };
    };
    // A 1.24.17 server beside a 1.25.16 kubelet (a skew the policy forbids, but pasted): the server's own answer decides,
    // for certain; the kubelet's column, "not kube-apiserver's", decides nothing.
    const skew = await diagnose("203.0.113.173", `${kubectl("v1.24.17")}\n${nodes("n1", "v1.25.16")}\n${refusal}`);
    expect(skew.finding?.verdict).toMatchObject({ status: "not-affected", level: "verified" });
    expect(skew.finding?.verdict.certain).not.toBe(false);
    expect(skew.finding?.verdict.reason).toMatch(
      /^the API server: kubernetes: 1\.24\.17 is before 1\.25\.0.*own answer to `kubectl version`/,
    );
    expect(skew.finding?.evidence.filter((e) => e.kind === "version").map((e) => e.subject)).toEqual(["the API server: kubernetes"]);
    expect(skew.text).toMatch(/verdict: not affected \(verified\): the API server: kubernetes: 1\.24\.17 is before 1\.25\.0/);
    expect(skew.text).not.toMatch(/node n1: kubernetes/);
    // Mid-upgrade: the server on 1.25.16, worker w1 still on 1.24.17. Affected, for certain, and the server's version is
    // no node's: w1 runs 1.24.17.
    const upgrade = await diagnose("203.0.113.174", `${kubectl("v1.25.16")}\n${nodes("w1", "v1.24.17")}\n${refusal}`);
    expect(upgrade.finding?.verdict).toMatchObject({ status: "affected", level: "verified" });
    expect(upgrade.finding?.verdict.certain).not.toBe(false);
    expect(upgrade.finding?.verdict.reason).toMatch(/^the API server: kubernetes: 1\.25\.16 is in v ≥ 1\.25\.0/);
    expect(upgrade.text).toMatch(/verdict: affected \(verified\): the API server: kubernetes: 1\.25\.16/);
    expect(upgrade.text).not.toMatch(/node w1: kubernetes 1\.25\.16/);
    // Without the server's answer the kubelet's column still judges it, hedged, as before.
    const column = await diagnose("203.0.113.175", `${nodes("n1", "v1.25.16")}\n${refusal}`);
    expect(column.finding?.verdict).toMatchObject({ status: "affected", certain: false });
    expect(column.finding?.verdict.reason).toMatch(
      /^node n1: kubernetes: 1\.25\.16 is in v ≥ 1\.25\.0 \(the kubelet's version, not kube-apiserver's\)/,
    );
    expect(column.text).toMatch(
      /verdict: affected \(range verified; the version read may not be the failing one\): node n1: kubernetes: 1\.25\.16/,
    );
  });

  it("judges an Ubuntu kernel known only by its series when the series decides, hedged", async () => {
    // The nfs-client-softlockup-6.11 record's symptom on a kernel built from 4.15, long before 6.11.
    const uname = "Linux nfs1 4.15.0-29-generic #31-Ubuntu SMP Tue Jul 17 15:39:52 UTC 2018 x86_64 x86_64 x86_64 GNU/Linux";
    const res = await post(fetch, `${uname}\nwatchdog: BUG: soft lockup - CPU#3 stuck for 22s! [kworker/u16:2:1234]`, "text/plain");
    expect(res.status).toBe(200);
    const finding = ((await res.json()) as Diagnosis).findings.find((f) => f.id === "nfs-client-softlockup-6.11");
    expect(finding?.verdict).toMatchObject({ status: "not-affected", level: "verified" });
    expect(finding?.verdict.reason).toMatch(/only if Ubuntu backported the change/);
    expect(finding?.evidence.find((e) => e.kind === "version")).toMatchObject({ value: "4.15", certain: false });
  });

  it("judges a Debian kernel hostnamectl names by its ABI alone through the uploads built under it, in JSON and text (review 56a F2)", async () => {
    const hostnamectl = (abi: number) =>
      [
        "Operating System: Debian GNU/Linux 12 (bookworm)",
        `          Kernel: Linux 6.1.0-${abi}-amd64`,
        "    Architecture: x86-64",
        "Sep 02 09:14:11 vpn-gw tailscaled[812]: wg: Failed to write packets to TUN device: write /dev/net/tun: invalid argument",
      ].join("\n");
    const tun = "tun-gso-einval-virtio-net-hdr-2024";
    const res = await post(fetch, hostnamectl(24), "text/plain");
    expect(res.status).toBe(200);
    const d = (await res.json()) as Diagnosis;
    expect(d.facts.kernel?.package).toMatchObject({ ecosystem: "debian:12", uploads: ["6.1.106-1", "6.1.106-2"] });
    expect(d.findings.find((f) => f.id === tun)?.verdict).toMatchObject({ status: "affected", level: "verified" });
    const text = await (await post(fetch, hostnamectl(25), "text/plain", "text/plain")).text();
    expect(text).toMatch(/kernel: 6\.1\.0-25-amd64 = debian:12 package linux 6\.1\.106-3 \(the uploads built under this ABI name\)/);
    expect(text).toMatch(/verdict: not affected \(verified\): .*built only by 6\.1\.106-3 \(the distribution's changelog\)/);
  });

  it("names where a kernel read from a tool's path came from, hedges its verdict and never rules the bug out with it", async () => {
    // modprobe looks in /lib/modules/$(uname -r) of the machine it ran on, which may not be the host (an Ansible run, modprobe -S).
    const judge = async (release: string) => {
      const res = await post(
        fetch,
        `modprobe: FATAL: Module ip6_tables not found in directory /lib/modules/${release}\n${XOR_MARK_KLOG}`,
        "text/plain",
      );
      expect(res.status).toBe(200);
      return (await res.json()) as Diagnosis;
    };
    const affected = await judge("5.15.168");
    expect(affected.facts.kernel).toMatchObject({ release: "5.15.168", named: true, via: expect.stringContaining("modprobe") });
    expect(affected.findings.find((f) => f.id === XT)?.verdict.status).toBe("affected");
    expect(affected.findings.find((f) => f.id === XT)?.evidence.find((e) => e.kind === "version")).toMatchObject({ certain: false });
    expect((await judge("6.6.60")).findings.find((f) => f.id === XT)?.verdict.status).toBe("unknown");
  });

  it("judges an Ubuntu kernel two releases build as the release an issue template names, hedged, and heads the answer with it (review 72c F2, F5)", async () => {
    // The Kubernetes template's OS and kernel lines (kubernetes-sigs/kueue#3794 fills them so) with the 24.04 release
    // jamesmcm/vopono#297's host printed, and Falco's rejected probe (falco#3443): 24.04's linux has the tail-call check
    // from 6.8.0-56.58, 22.04's linux-hwe-6.8 only from 6.8.0-57.59~22.04.1.
    const body = [
      "- OS (e.g: `cat /etc/os-release`): Ubuntu 24.04.2 LTS",
      "- Kernel (e.g. `uname -a`): 6.8.0-56-generic",
      "libbpf: prog 'sys_exit': failed to load: -22",
    ].join("\n");
    const headers = { "content-type": "text/plain", "cf-connecting-ip": "203.0.113.10" };
    const d = (await (await fetch("/diagnose", { method: "POST", body, headers })).json()) as Diagnosis;
    expect(d.facts.kernel?.package).toMatchObject({ ecosystem: "ubuntu:24.04", names: ["linux"], releaseNamed: "ubuntu:24.04" });
    const falco = d.findings.find((f) => f.id === "falco-modern-ebpf-tailcall-sys-exit-einval-6.12-6.6.57");
    expect(falco?.verdict).toMatchObject({ status: "affected", certain: false });
    expect(falco?.verdict.reason).toContain("its release, ubuntu:24.04, is one the text names, not read from the host");
    const text = await (await fetch("/diagnose", { method: "POST", body, headers: { ...headers, accept: "text/plain" } })).text();
    expect(text).toContain("= ubuntu:24.04 package linux 6.8.0-56 (partial; its release named in the text, not read from the host)");
  });

  it("reads a kernel image package a sentence says the host runs as a named kernel, never a package tool's line about one (review 72c F3)", async () => {
    // Cilium PR 36859's kernel (https://github.com/cilium/cilium/pull/36859) in the reviewer's rewording, with its log.
    const log =
      'stderr="Warning: Extension MARK revision 0 not supported, missing kernel module?\\nip6tables: No chain/target/match by that name.\\n"';
    const headers = { "content-type": "text/plain", "cf-connecting-ip": "203.0.113.12" };
    const judge = async (line: string) =>
      (await (await fetch("/diagnose", { method: "POST", body: `${line}\n${log}`, headers })).json()) as Diagnosis;
    const named = await judge("We are on linux-image-5.15.0-127-generic.");
    expect(named.facts.kernel).toMatchObject({ release: "5.15.0-127-generic", named: true });
    expect(named.findings.find((f) => f.id === XT)?.verdict).toMatchObject({ status: "affected", certain: false });
    expect((await judge("Setting up linux-image-5.15.0-127-generic (5.15.0-127.137) ...")).facts.kernel).toBeNull();
  });

  it("judges a focal HWE rebuild by the jammy build it rebuilds, past that build's verified fix (review 72c F4)", async () => {
    // 20.04's linux-hwe-5.15 5.15.0-139.149~20.04.1 as public boot logs print its build; cilium PR 36859's ip6tables log.
    const body = [
      'NAME="Ubuntu"',
      'VERSION_ID="20.04"',
      "$ uname -a",
      "Linux node-1 5.15.0-139-generic #149~20.04.1-Ubuntu SMP Wed Apr 16 08:29:56 UTC 2025 x86_64 x86_64 x86_64 GNU/Linux",
      'stderr="Warning: Extension MARK revision 0 not supported, missing kernel module?\\nip6tables: No chain/target/match by that name.\\n"',
    ].join("\n");
    const headers = { "content-type": "text/plain", "cf-connecting-ip": "203.0.113.11" };
    const d = (await (await fetch("/diagnose", { method: "POST", body, headers })).json()) as Diagnosis;
    expect(d.facts.kernel?.package?.rebuildOf).toEqual({ ecosystem: "ubuntu:22.04", names: ["linux"], version: "5.15.0-139.149" });
    const xt = d.findings.find((f) => f.id === XT);
    expect(xt?.verdict).toMatchObject({ status: "not-affected", level: "verified" });
    expect(xt?.verdict.reason).toContain("judged by the build it rebuilds");
  });

  it("gives a compact text report when asked for text/plain", async () => {
    const res = await api.diagnose.$post({ json: SEED_INPUT, query: {} }, { headers: { accept: "text/plain" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    expect(text).toContain(XT);
    expect(text).toMatch(/verdict: affected/);
    expect(text).toContain("--xor-mark");
    expect(text).toMatch(/fix \(reboot/);
  });

  it("says how many findings its limit left out, in JSON and in the text report (review 60e F4)", async () => {
    // The seed's two findings: the MARK regression and kube-proxy's missing ipset.
    const ipset =
      "E0825 05:50:04.363750       1 server_others.go:340] can't determine whether to use ipvs proxy, error: error getting ipset version, error: executable file not found in $PATH";
    const body = `${ipset}\n${XOR_MARK_KLOG}`;
    // A client of its own, as above.
    const headers = { "content-type": "text/plain", "cf-connecting-ip": "203.0.113.62" };
    const one = await fetch("/diagnose?limit=1", { method: "POST", body, headers });
    const d = (await one.json()) as Diagnosis & { truncated?: Array<{ what: string; shown: number; total: number; note: string }> };
    expect(d.findings).toHaveLength(1);
    expect(d.limited?.findings).toBeGreaterThanOrEqual(1);
    const cut = d.truncated?.find((t) => t.what === "findings");
    expect(cut).toMatchObject({ shown: 1, total: 1 + (d.limited?.findings ?? 0) });
    const text = await (await fetch("/diagnose?limit=1", { method: "POST", body, headers: { ...headers, accept: "text/plain" } })).text();
    expect(text).toMatch(/Not shown: \d+ of \d+ findings not shown/);
    // Under the limit, nothing is said left out.
    const all = (await (await fetch("/diagnose", { method: "POST", body, headers })).json()) as Diagnosis;
    expect(all.limited).toBeUndefined();
  });

  it("warns a -talos kernel of an upstream range only as a report where the record ranges Talos releases apart (review 70a F2)", async () => {
    // cilium/cilium#35874: Talos v1.8.2's oops line. Its 6.6.58 carries the fix (siderolabs/pkgs#1066); main's 6.6.58 did not.
    const oops = "[40145.624361] CPU: 18 PID: 234918 Comm: conn48291 Tainted: G           O       6.6.58-talos #1";
    const advisory = async (body: string, ip: string) => {
      const headers = { "content-type": "text/plain", "cf-connecting-ip": ip };
      const d = (await (await fetch("/diagnose", { method: "POST", body, headers })).json()) as Diagnosis;
      return d.advisories.find((a) => a.id === "xt-mark-ipv6-typo-2024")?.verdict;
    };
    expect(await advisory(oops, "203.0.113.237")).toMatchObject({ status: "affected", level: "reported", certain: false });
    expect(await advisory(`NAME="Talos"\nID=talos\nVERSION_ID=v1.8.2\n${oops}`, "203.0.113.238")).toBeUndefined();
  });

  it("verifies no upstream 'affected' on a distribution's kernel its own range places past a fix (review 70a F3)", async () => {
    // awslabs/amazon-eks-ami#1078: Amazon Linux 2's 5.4.217, after AWS's backport of the conntrack clash fixes.
    const body =
      "What happened: nodes flap between Ready and NotReady, DNS resolution problems\n- Kernel: `5.4.217-126.408.amzn2.x86_64 #1 SMP Fri Oct 14 17:08:46 UTC 2022 x86_64 x86_64 x86_64 GNU/Linux`";
    const headers = { "content-type": "text/plain", "cf-connecting-ip": "203.0.113.239" };
    const d = (await (await fetch("/diagnose", { method: "POST", body, headers })).json()) as Diagnosis;
    expect(d.advisories.find((a) => a.id === "conntrack-udp-dns-race-5s")?.verdict).toMatchObject({
      status: "affected",
      level: "reported",
    });
  });

  it("does not say a line alone identifies a bug when its record names other causes of that line (review 69a F3)", async () => {
    // coredns/coredns#2255's own reproduction: CoreDNS 1.2.5 with `proxy . 10.20.30.40`, an upstream that never answers.
    const body =
      '[FATAL] plugin/loop: Forwarding loop detected in "." zone. Exiting. See https://coredns.io/plugins/loop#troubleshooting. Probe query: "HINFO 1132263262137561571.8670159584435333845.".';
    // A client of its own (the Worker's rate limit is per client).
    const headers = { "content-type": "text/plain", "cf-connecting-ip": "203.0.113.211" };
    const d = (await (await fetch("/diagnose", { method: "POST", body, headers })).json()) as Diagnosis;
    expect(d.rootCause?.id).toBe("coredns-loop-systemd-resolved");
    expect(d.rootCause?.reason).not.toMatch(/alone identifies/);
    expect(d.rootCause?.reason).toMatch(/other causes print too .*upstream that forwards back to CoreDNS/);
    expect(d.rootCause?.reason).toMatch(/CoreDNS 1\.2\.3 to 1\.2\.5 whose upstream did not answer at start.*fixed in 1\.2\.6/);
    const [line] = d.findings.find((f) => f.id === "coredns-loop-systemd-resolved")?.evidence ?? [];
    expect(line).toMatchObject({ kind: "log", signature: "coredns-loop-forwarding-loop-detected-in-zone" });
    expect(line?.kind === "log" ? line.alsoPrintedBy : undefined).toHaveLength(2);
  });

  it("reads the kernel's module list as a fact for a module-bound kernel bug (review 70a F4)", async () => {
    // lkrg-org/lkrg#446's soft lockup and module list (no nfs), under a Fedora 6.11 uname (k3s-io/k3s#11175's).
    const uname = "Linux fedora 6.11.4-201.fc40.x86_64 #1 SMP PREEMPT_DYNAMIC Sun Oct 20 15:04:22 UTC 2024 x86_64 GNU/Linux";
    const lockup = "[Thu Oct 30 06:21:23 2025] watchdog: BUG: soft lockup - CPU#1 stuck for 372s! [kworker/1:2:1203905]";
    const list = (first: string) =>
      `[Thu Oct 30 06:21:23 2025] Modules linked in: ${first}tls ip6_tables nf_conntrack_netlink xt_nat veth xt_MASQUERADE bridge stp llc overlay btrfs raid10 raid456 lkrg(OE) dm_multipath ip_tables x_tables autofs4`;
    const cpu =
      "[Thu Oct 30 06:21:23 2025] CPU: 1 UID: 0 PID: 1203905 Comm: kworker/1:2 Tainted: G           OEL     6.11.4-201.fc40.x86_64 #1";
    const ask = async (body: string, ip: string) => {
      const headers = { "content-type": "text/plain", "cf-connecting-ip": ip };
      const d = (await (await fetch("/diagnose", { method: "POST", body, headers })).json()) as Diagnosis;
      return d.findings.find((f) => f.id === "nfs-client-softlockup-6.11");
    };
    const NEEDS_NFS = /Not confirmed: this bug needs the NFS client/;
    // The list printed with the lockup names no NFS module: the lockup is another fault's, not "affected" for the NFS bug.
    expect(await ask([uname, lockup, list(""), cpu].join("\n"), "203.0.113.212")).toBeUndefined();
    // It names nfs: the lockup stays this bug's candidate, and the module list shows what the bug needs.
    const loaded = await ask([uname, lockup, list("nfsv4 dns_resolver nfs lockd grace "), cpu].join("\n"), "203.0.113.213");
    expect(loaded?.verdict.status).toBe("affected");
    expect(loaded?.unverified.join("\n")).not.toMatch(NEEDS_NFS);
    // No list printed: nothing is known of the modules, and the finding says what it needs.
    const bare = await ask([uname, lockup].join("\n"), "203.0.113.214");
    expect(bare?.verdict.status).toBe("affected");
    expect(bare?.unverified.join("\n")).toMatch(NEEDS_NFS);
  });

  it("after the upgrade at the prompt, says what the host runs now beside the failing version's verdict, in JSON and text (review 69c F4)", async () => {
    // Clients of their own (the Worker's rate limit is per client).
    const json = { "content-type": "text/plain", "cf-connecting-ip": "203.0.113.216" };
    const d = (await (await fetch("/diagnose", { method: "POST", body: KERNEL_REBOOTED_INTO_FIX, headers: json })).json()) as Diagnosis;
    const xt = d.findings.find((f) => f.id === XT);
    expect(xt?.verdict).toMatchObject({ status: "affected", level: "verified" });
    expect(xt?.verdict.now).toMatchObject({
      component: "kernel",
      version: "5.15.0-130-generic",
      line: 12,
      status: "not-affected",
      fixed: true,
      fixStep: 2,
    });
    expect(d.facts.kernel?.release).toBe("5.15.0-130-generic");
    expect(d.facts.failureKernel?.release).toBe("5.15.0-127-generic");
    const up = (await (
      await fetch("/diagnose", {
        method: "POST",
        body: CONTAINERD_UPGRADED_TO_FIX,
        headers: { ...json, "cf-connecting-ip": "203.0.113.217" },
      })
    ).json()) as Diagnosis;
    expect(up.findings[0]?.verdict).toMatchObject({ status: "affected", now: { component: "containerd", version: "1.6.4", fixed: true } });
    const text = await (
      await fetch("/diagnose", {
        method: "POST",
        body: KERNEL_REBOOTED_INTO_FIX,
        headers: { ...json, accept: "text/plain", "cf-connecting-ip": "203.0.113.218" },
      })
    ).text();
    expect(text).toContain("Since the failure: the host now runs 5.15.0-130-generic");
    expect(text).toContain("(The paste shows this done: the host now runs 5.15.0-130-generic.)");
    expect(text).toContain("the failure's own boot ran 5.15.0-127-generic (line 3)");
  });

  it("holds a finding at a lead where the paste refutes the context it needs, in JSON and in text (review 70d F7)", async () => {
    // kubernetes/kubernetes#66454: kube-proxy 1.11 probing IPVS through libnetwork, then saying it runs iptables mode.
    const body = [
      "# kubectl logs kube-proxy-t4x8x -n kube-system",
      'time="2018-07-20T05:19:33Z" level=warning msg="Running modprobe ip_vs failed with message: `modprobe: ERROR: could not insert \'ip_vs\': Exec format error`, error: exit status 1"',
      'time="2018-07-20T05:19:33Z" level=error msg="Could not get ipvs family information from the kernel. It is possible that ipvs is not enabled in your kernel. Native loadbalancing will not work until this is fixed."',
      'W0720 05:19:33.061016       1 server_others.go:289] Flag proxy-mode="" unknown, assuming iptables proxy',
      "I0720 05:19:33.061964       1 server_others.go:138] Using iptables Proxier.",
    ].join("\n");
    const ask = (accept: string, ip: string) =>
      fetch("/diagnose", { method: "POST", body, headers: { "content-type": "text/plain", accept, "cf-connecting-ip": ip } });
    const d = (await (await ask("application/json", "203.0.113.228")).json()) as Diagnosis;
    const f = d.findings.find((x) => x.id === "kube-proxy-ipvs-kernel-modules-missing");
    expect(f?.confidence).toBe("low");
    const REFUTED =
      /Refuted: kube-proxy was asked for no proxy mode and runs in iptables mode here \(line 4: "W0720 .*? assuming iptables proxy"\), and this bug needs kube-proxy asked to run in IPVS mode/;
    expect(f?.unverified.join("\n")).toMatch(REFUTED);
    expect(f?.unverified.join("\n")).not.toMatch(/nothing in the input shows it/);
    const text = await (await ask("text/plain", "203.0.113.229")).text();
    expect(text).toMatch(/kube-proxy-ipvs-kernel-modules-missing \[low /);
    expect(text).toMatch(REFUTED);
  });

  it("says an NFSv3 mount on an in-range kernel refutes the NFSv4.1 record: in range, setup refuted, never affected (review 71a F2)", async () => {
    // helm/charts#22250's kubelet event (an NFSv3 PV) with a Fedora 39 GA kernel line, as review 71a's input 06b; and the
    // one-line form kubelet also prints, the mount's options on the line of its error.
    const uname = "Linux k8s-w1 6.5.6-300.fc39.x86_64 #1 SMP PREEMPT_DYNAMIC Fri Oct  6 19:57:21 UTC 2023 x86_64 GNU/Linux";
    const split = [
      'Warning  FailedMount  5m38s  kubelet, minikube  MountVolume.SetUp failed for volume "pvc-accf2a00" : mount failed: exit status 32',
      "Mounting command: systemd-run",
      "Mounting arguments: --description=Kubernetes transient mount for /var/lib/kubelet/pods/1d18/volumes/kubernetes.io~nfs/pvc-accf2a00 --scope -- mount -t nfs -o vers=3 10.109.85.240:/export/pvc-accf2a00 /var/lib/kubelet/pods/1d18/volumes/kubernetes.io~nfs/pvc-accf2a00",
      "Output: Running scope as unit: run-radfcacd2775e4143b2c048ec8b62d417.scope",
      "mount.nfs: Protocol not supported",
      "",
      "$ uname -a",
      uname,
    ].join("\n");
    const oneLine = [
      'MountVolume.SetUp failed for volume "pv-nfs" : mount failed: exit status 32 Mounting command: mount Mounting arguments: -t nfs -o vers=3 10.0.0.5:/export/data /var/lib/kubelet/pods/x/volumes/kubernetes.io~nfs/pv-nfs Output: mount.nfs: Protocol not supported',
      uname,
    ].join("\n");
    const ask = (body: string, accept: string, ip: string) =>
      fetch("/diagnose", { method: "POST", body, headers: { "content-type": "text/plain", accept, "cf-connecting-ip": ip } });
    for (const [body, ips, line] of [
      [split, ["203.0.113.151", "203.0.113.152"], 3],
      [oneLine, ["203.0.113.153", "203.0.113.154"], 1],
    ] as const) {
      const d = (await (await ask(body, "application/json", ips[0])).json()) as Diagnosis;
      const f = d.findings.find((x) => x.id === "nfs41-exchgid-pnfs-ds-protocol-not-supported-2023");
      expect(f?.confidence).toBe("low");
      // Backwards compatible: the status is the versions' answer; `symptom` says the paste refutes the bug.
      expect(f?.verdict).toMatchObject({ status: "affected", symptom: "refuted" });
      expect(f?.unverified[0]).toMatch(new RegExp(`^Refuted: the mount asks for NFSv3 \\(or NFSv2\\) here \\(line ${line}: ".*-o vers=3 `));
      const text = await (await ask(body, "text/plain", ips[1])).text();
      expect(text).toMatch(
        /\n {3}verdict: in range \(range verified; the version read may not be the failing one\), setup refuted: your kernel \(6\.5\.6-300\.fc39\.x86_64\)/,
      );
      expect(text).not.toMatch(/verdict: affected/);
      // Its version row says so too, never a bare "affected" under "setup refuted" (review 71i F2).
      expect(text).toMatch(
        /\n {3}version: your kernel .*: in range \(range verified; the version read may not be the failing one\), setup refuted/,
      );
    }
  });

  it("asks for no version where the paste refutes the setup: an NFSv3 mount with no kernel read is ruled out, not 'run uname -r' (review 73a F3)", async () => {
    // helm/charts#22250's kubelet event (an NFSv3 PV) alone, as review 73a's input 01: no kernel of the host is in it.
    const body = [
      'Warning  FailedMount  5m38s  kubelet, minikube  MountVolume.SetUp failed for volume "pvc-accf2a00" : mount failed: exit status 32',
      "Mounting command: systemd-run",
      "Mounting arguments: --description=Kubernetes transient mount for /var/lib/kubelet/pods/1d18/volumes/kubernetes.io~nfs/pvc-accf2a00 --scope -- mount -t nfs -o vers=3 10.109.85.240:/export/pvc-accf2a00 /var/lib/kubelet/pods/1d18/volumes/kubernetes.io~nfs/pvc-accf2a00",
      "Output: Running scope as unit: run-radfcacd2775e4143b2c048ec8b62d417.scope",
      "mount.nfs: Protocol not supported",
    ].join("\n");
    const ask = (accept: string, ip: string) =>
      fetch("/diagnose", { method: "POST", body, headers: { "content-type": "text/plain", accept, "cf-connecting-ip": ip } });
    const d = (await (await ask("application/json", "203.0.113.190")).json()) as Diagnosis;
    const f = d.findings.find((x) => x.id === "nfs41-exchgid-pnfs-ds-protocol-not-supported-2023");
    expect(f?.verdict).toMatchObject({ status: "unknown", symptom: "refuted" });
    expect(f?.verdict.reason).toMatch(
      /^ruled out by the paste whatever the versions: the mount asks for NFSv3 \(or NFSv2\) here \(line 3\)/,
    );
    expect(f?.verdict.decideWith?.command).toBeUndefined();
    expect(f?.verdict.decideWith?.step).toMatch(/^none: the paste shows the setup this bug needs absent/);
    const text = await (await ask("text/plain", "203.0.113.191")).text();
    expect(text).toMatch(/\n {3}verdict: unknown, setup refuted: ruled out by the paste/);
    expect(text).toMatch(/\n {3}to decide: none: /);
    expect(text).not.toMatch(/to decide: run/);
  });

  it("says a line other causes print too is no match of its own: headline and verdict, in JSON and in text (review 71a F4)", async () => {
    const ask = (body: string, accept: string, ip: string) =>
      fetch("/diagnose", { method: "POST", body, headers: { "content-type": "text/plain", accept, "cf-connecting-ip": ip } });
    // OpenSandbox#495: a pids limit of 512 prints CPython's "can't start new thread", a line the seccomp record shares.
    const threads = "Fixes Issue #447, #493: RuntimeError: can't start new thread";
    const d = (await (await ask(threads, "application/json", "203.0.113.155")).json()) as Diagnosis;
    const f = d.findings.find((x) => x.id === "new-libc-images-on-old-docker-seccomp");
    const line = f?.evidence.find((e) => e.kind === "log");
    expect(line?.kind === "log" && line.alsoPrintedBy?.join(" ")).toMatch(/pids or threads limit/);
    const text = await (await ask(threads, "text/plain", "203.0.113.156")).text();
    expect(text).toContain("\nNo line specific to a known bug matched; 1 record matches only a line other causes print too.\n");
    expect(text).not.toContain("known bug matches the log");
    // The generic NFS line alone on an in-range kernel: the versions are in range, the symptom is not specific to the bug.
    const nfs = [
      "mount.nfs: Protocol not supported",
      "Linux k8s-w1 6.5.6-300.fc39.x86_64 #1 SMP PREEMPT_DYNAMIC Fri Oct  6 19:57:21 UTC 2023 x86_64 GNU/Linux",
    ].join("\n");
    const n = (await (await ask(nfs, "application/json", "203.0.113.157")).json()) as Diagnosis;
    expect(n.findings[0]?.verdict).toMatchObject({ status: "affected", symptom: "not-specific" });
    const nText = await (await ask(nfs, "text/plain", "203.0.113.158")).text();
    expect(nText).toMatch(
      /\n {3}verdict: in range \(range verified; the version read may not be the failing one\), symptom not specific: your kernel/,
    );
    expect(nText).toContain("Other causes print the matched line too: an NFSv3 mount from an image without /etc/protocols");
  });

  it("warns of a bug that needs a setup by version only where the paste shows the setup: a healthy version dump is quiet (review 72a F2)", async () => {
    const ask = (body: string, accept = "application/json") =>
      fetch("/diagnose", { method: "POST", body, headers: { "content-type": "text/plain", accept, "cf-connecting-ip": "203.0.113.187" } });
    const advisories = async (body: string) => ((await (await ask(body)).json()) as Diagnosis).advisories.map((a) => a.id);
    // Docker 20.10.2 is before 20.10.10, but an old engine fails only the images on a newer libc.
    const NEW_LIBC = "new-libc-images-on-old-docker-seccomp";
    expect(await advisories(K3D_505_VERSIONS)).toEqual([]);
    const text = await (await ask(K3D_505_VERSIONS, "text/plain")).text();
    expect(text).not.toContain(NEW_LIBC);
    expect(text).not.toContain("Advisories");
    for (const image of ["$ docker run --rm -it alpine:3.14 make", "FROM golang:1.20-bookworm"]) {
      expect(await advisories(`${K3D_505_VERSIONS}\n${image}`), image).toContain(NEW_LIBC);
    }
    // The records swept with it: a version in range warns beside the setup its bug needs, never on the version alone.
    const RUNC_TMPFS = "runc-nov-2025-tmpfs-mode-0755";
    const runc = "runc version 1.3.3\ncommit: v1.3.3-0-gd842d771\nspec: 1.2.1";
    expect(await advisories(runc)).not.toContain(RUNC_TMPFS);
    expect(await advisories(`${runc}\n$ docker run --rm --tmpfs /scratch alpine ls -ld /scratch`)).toContain(RUNC_TMPFS);
    const USERNS = "rhel7-user-namespaces-disabled-rootless-containers";
    const el7 = "Linux node1 3.10.0-1160.119.1.el7.x86_64 #1 SMP Tue Jun 4 14:43:51 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux";
    expect(await advisories(el7)).not.toContain(USERNS);
    expect(await advisories(`${el7}\n[ci@node1 ~]$ podman run --rm busybox true`)).toContain(USERNS);
  });

  it("offers no lead whose setup the paste refutes: a vm.max_map_count already at the check's limit (review 72a F5)", async () => {
    const ask = (body: string, accept = "application/json") =>
      fetch("/diagnose", { method: "POST", body, headers: { "content-type": "text/plain", accept, "cf-connecting-ip": "203.0.113.188" } });
    const ES = "elasticsearch-vm-max-map-count-too-low";
    // The read-only sysctl write resembles the record's wording; the reading at the ELK container's prompt is the host's
    // (the sysctl is not namespaced) and meets the bootstrap check, so neither a finding nor a closest record.
    const d = (await (await ask(ELK_LXC_SYSCTL_READONLY)).json()) as Diagnosis;
    expect(d.findings.map((f) => f.id)).not.toContain(ES);
    expect(d.closest.map((c) => c.id)).not.toContain(ES);
    expect(await (await ask(ELK_LXC_SYSCTL_READONLY, "text/plain")).text()).not.toContain(ES);
    // A reading below the limit leaves the resemblance its lead.
    const low = ELK_LXC_SYSCTL_READONLY.replace("vm.max_map_count = 262144", "vm.max_map_count = 65530");
    expect(((await (await ask(low)).json()) as Diagnosis).findings.map((f) => f.id)).toContain(ES);
    // The check's own failure shows the low value itself: a reading raised after it is the fix, which refutes nothing.
    const fixed = [
      "ERROR: [1] bootstrap checks failed",
      "[1]: max virtual memory areas vm.max_map_count [65530] is too low, increase to at least [262144]",
      "$ sudo sysctl -w vm.max_map_count=262144",
      "vm.max_map_count = 262144",
    ].join("\n");
    const f = ((await (await ask(fixed)).json()) as Diagnosis).findings.find((x) => x.id === ES);
    expect(f?.confidence).not.toBe("low");
    expect(f?.unverified.join("\n")).not.toMatch(/Refuted/);
  });

  it("names the backend split in a legacy iptables that cannot find a component's chain, as a lead other causes share (review 72a F3)", async () => {
    const ask = (body: string, accept = "application/json") =>
      fetch("/diagnose", { method: "POST", body, headers: { "content-type": "text/plain", accept, "cf-connecting-ip": "203.0.113.189" } });
    const MIXED = "iptables-legacy-nft-mixed-backends";
    const d = (await (await ask(IPV6NAT_LEGACY_DOCKER_CHAIN)).json()) as Diagnosis;
    const f = d.findings.find((x) => x.id === MIXED);
    expect(f?.confidence).toBe("low");
    const line = f?.evidence.find((e) => e.kind === "log");
    expect(line?.kind === "log" && line.alsoPrintedBy?.join(" ")).toMatch(/chain not created yet/);
    expect(await (await ask(IPV6NAT_LEGACY_DOCKER_CHAIN, "text/plain")).text()).toMatch(
      new RegExp(`${MIXED} \\[low [^\\n]*\\n(?:.*\\n)*?.*Other causes print the matched line too: a jump to a chain not created yet`),
    );
    // firewalld's warnings while Docker cleans up jumps to chains it has not created yet are no backend split.
    const w = (await (await ask(FIREWALLD_DOCKER_CLEANUP)).json()) as Diagnosis;
    expect(w.findings.map((x) => x.id)).not.toContain(MIXED);
  });

  it("names the records closest by description in the text report when nothing matched", async () => {
    const res = await fetch("/diagnose", {
      method: "POST",
      headers: { "content-type": "text/plain", accept: "text/plain" },
      body: RETOLD_DNS_TICKET,
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain("No known bug matched the log.");
    expect(text).toMatch(
      /Closest records by description \(no signature matched: a search result to check, not a diagnosis\):\n {2}- conntrack-udp-dns-race-5s: /,
    );
  });

  it("gives the closest records' verdicts on the input's versions, in JSON and in the text report", async () => {
    const json = (await (await post(fetch, RETOLD_DNS_TICKET_ON_4_19, "text/plain")).json()) as Diagnosis;
    const dns = json.closest.find((c) => c.id === "conntrack-udp-dns-race-5s");
    expect(dns?.verdict?.status).toBe("affected");
    const res = await fetch("/diagnose", {
      method: "POST",
      headers: { "content-type": "text/plain", accept: "text/plain" },
      body: RETOLD_DNS_TICKET_ON_4_19,
    });
    expect(await res.text()).toMatch(
      /\n {2}- conntrack-udp-dns-race-5s: [^\n]*\n {4}your versions: affected \([^)]*\): your kernel \(4\.19\.0\)/,
    );
  });

  it("rejects malformed JSON with 400", async () => {
    await expectProblem(await post(fetch, '{"logs": "x"', "application/json"), 400);
  });

  it("rejects an unsupported content type with 415", async () => {
    expect((await expectProblem(await post(fetch, "<logs/>", "application/xml"), 415)).detail).toContain('not "application/xml"');
    // A header that names no media type is said so (review 36a: `not "no content type"`).
    expect((await expectProblem(await post(fetch, "x", ";;;"), 415)).detail).toContain("names no media type");
  });

  it("rejects a body over the limit with 413 that says what to do (review 65f F2: a byte count and nothing more)", async () => {
    const body = await expectProblem(await post(fetch, "x".repeat(opts.maxBodyBytes + 1), "text/plain"), 413);
    expect(body.detail).toContain(`(${opts.maxBodyBytes} bytes)`);
    expect(body.detail).toMatch(/Send the log's last lines, one host per request, or run `known-bugs diagnose --local` \(no limit\)/);
  });

  it("rejects invalid fields with 422 and names their paths", async () => {
    const body = await expectProblem(await post(fetch, JSON.stringify({ logs: 42, log: "typo" }), "application/json"), 422);
    const paths = (body.errors ?? []).map((e) => e.path);
    expect(paths).toContain("logs");
    // A problem of the whole body says what it is, not "(root)": the misspelt key is named.
    const typo = await expectProblem(await post(fetch, JSON.stringify({ log: "x" }), "application/json"), 422);
    expect(typo.detail).toContain('"log"');
    expect(typo.detail).not.toContain("(root)");
  });

  it("quotes a sender's names in a refusal with their bidirectional characters escaped, not obeyed (review 62f F3)", async () => {
    const own = (body: string, type: string) =>
      fetch("/diagnose", { method: "POST", headers: { "content-type": type, "cf-connecting-ip": "203.0.113.62" }, body });
    const key = await expectProblem(await own('{"logs":"x","\u202euname":"y"}', "application/json"), 422);
    const form = await fetch("/check", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "cf-connecting-ip": "203.0.113.62" },
      body: `${encodeURIComponent("\u200f\u202akernel: nf_conntrack: table full")}=x`,
    });
    const page = (await form.json()) as { detail: string };
    expect(form.status).toBe(422);
    for (const text of [JSON.stringify(key), page.detail]) {
      expect(text).not.toMatch(/[\u202a-\u202e\u200e\u200f]/);
      expect(text).toMatch(/\\u202[ae]/);
    }
  });

  it("rejects an empty diagnosis request with 422", async () => {
    await expectProblem(await post(fetch, "{}", "application/json"), 422);
    // Blank, or a log a crash zeroed: nothing to diagnose, not "no known bug" (review 58e).
    // A few NULs too: the binary-data check took them for "not text" (review 62a F3).
    for (const text of [" \n\t\n", "\0".repeat(1000), `\n${"\0".repeat(500)}\n`, "\0\0\0\0", " \0", "\0"]) {
      const body = await expectProblem(await post(fetch, text, "text/plain"), 422);
      expect(body.detail).toMatch(/^The body is empty/);
    }
    // The same in every door: a JSON field, a form's field or bundle, a host's bundle (review 60e F3). A client of its
    // own: the Worker's rate limit counts this contract's diagnoses per client.
    const own = (body: string, type: string) =>
      fetch("/diagnose", { method: "POST", headers: { "content-type": type, "cf-connecting-ip": "203.0.113.61" }, body });
    const zeros = "\0".repeat(4096);
    await expectProblem(await own(JSON.stringify({ logs: zeros }), "application/json"), 422);
    await expectProblem(await own(JSON.stringify({ hosts: [{ name: "a", bundle: `${zeros}\n` }] }), "application/json"), 422);
    await expectProblem(await own(`logs=${"%00".repeat(64)}`, "application/x-www-form-urlencoded"), 422);
    await expectProblem(await own(`bundle=${"%00".repeat(64)}`, "application/x-www-form-urlencoded"), 422);
    // A form's field named as an object's inherited property is no field "given twice" (review 60e F6).
    const inherited = await expectProblem(await own("logs=x&toString=y", "application/x-www-form-urlencoded"), 422);
    expect(inherited.detail).not.toContain("twice");
  });

  it("answers an unknown bug with 404", async () => {
    await expectProblem(await fetch("/bugs/no-such-bug"), 404);
  });

  it("rejects a bad query parameter with 400", async () => {
    await expectProblem(await fetch("/bugs?limit=-3"), 400);
    await expectProblem(await fetch("/diagnose?limit=abc", { method: "POST", body: "x", headers: { "content-type": "text/plain" } }), 400);
  });

  it("rejects JSON that is not an object, or a limit out of range, with 422", async () => {
    await expectProblem(await post(fetch, "[1, 2]", "application/json"), 422);
    const body = await expectProblem(await post(fetch, JSON.stringify({ logs: "x", limit: 0 }), "application/json"), 422);
    expect((body.errors ?? []).map((e) => e.path)).toContain("limit");
  });

  it("treats any text as logs and search operators as words, and refuses binary noise as no text, never a 500", async () => {
    const codes = Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    const noise = String.fromCharCode(...codes);
    expect((await expectProblem(await post(fetch, noise, "text/plain"), 415)).detail).toContain("not text");
    // The same with its control characters (other than tab and line breaks) blanked: text, however odd.
    const blanked = String.fromCharCode(...codes.map((c) => (c < 32 && c !== 9 && c !== 10 && c !== 13 ? 32 : c)));
    expect((await post(fetch, blanked, "text/plain")).status).toBe(200);
    expect((await post(fetch, `${"a".repeat(60_000)} unknown option "--xor-mark"`, "text/plain")).status).toBe(200);
    for (const q of ['"', "*", "NEAR(", "a OR", "^x", "col:val", "(((", "-"]) {
      const res = await fetch(`/bugs?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
    }
    // Ninety repeated one-letter words (each was once a prefix scan of the whole index) still search.
    const repeated = await fetch(`/bugs?q=${encodeURIComponent(`${"a ".repeat(90)}xor-mark`)}`);
    expect(repeated.status).toBe(200);
  });

  it("searches a pasted error line: every word by default (none holds them all), some of them with match=any, best first", async () => {
    const line = encodeURIComponent('ip6tables-restore v1.8.4 (legacy): unknown option "--xor-mark"');
    const all = (await (await fetch(`/bugs?q=${line}`)).json()) as { total: number };
    expect(all.total).toBe(0);
    const some = (await (await fetch(`/bugs?q=${line}&match=any`)).json()) as { total: number; items: { id: string }[] };
    expect(some.total).toBeGreaterThan(1);
    expect(some.items[0]?.id).toBe(XT);
    // Common words and timestamps do not hold every record up: only the telling words count.
    const everything = ((await (await fetch("/bugs?limit=1")).json()) as { total: number }).total;
    const told = (await (await fetch(`/bugs?q=${encodeURIComponent("the was at 12:01:02 xor-mark")}&match=any`)).json()) as {
      total: number;
    };
    expect(told.total).toBeLessThan(everything / 4);
    await expectProblem(await fetch("/bugs?q=x&match=some"), 400);
  });

  it("answers an unknown route with a problem, not an HTML page", async () => {
    await expectProblem(await fetch("/no/such/route"), 404);
  });

  it("answers a POST /diagnose error as problem+json however much Accept prefers a page, as its answers are never pages (review 67d F5)", async () => {
    // A client of its own on the Worker (its limiter's key), so that the contract's other diagnoses keep their share.
    const headers = { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "cf-connecting-ip": "203.0.113.209" };
    const empty = await fetch("/diagnose", {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: '{"log":""}',
    });
    await expectProblem(empty, 422);
    const wrongType = await fetch("/diagnose", { method: "POST", headers: { ...headers, "content-type": "image/png" }, body: "x" });
    await expectProblem(wrongType, 415);
  });

  it("weighs a wildcard's q as RFC 9110 does: */* above text/plain is JSON (review 67d F8)", async () => {
    const ask = (accept: string) =>
      fetch("/diagnose", {
        method: "POST",
        headers: { accept, "content-type": "application/json", "cf-connecting-ip": "203.0.113.210" },
        body: JSON.stringify(SEED_INPUT),
      });
    expect((await ask("*/*;q=0.1, text/plain;q=0.05")).headers.get("content-type")).toContain("application/json");
    expect((await ask("text/*;q=0.5, application/json;q=0.2")).headers.get("content-type")).toContain("text/plain");
  });

  it("honours q-values when choosing between JSON and the text report", async () => {
    const cases: Array<[string, string]> = [
      ["text/plain;q=0, application/json", "application/json"],
      ["text/plain;q=0", "application/json"],
      ["application/json;q=0.5, text/plain;q=0.9", "text/plain"],
      ["application/json, text/plain", "application/json"],
      ["text/html,application/xhtml+xml,*/*;q=0.8", "application/json"],
      ["text/*", "text/plain"],
    ];
    for (const [accept, expected] of cases) {
      const res = await api.diagnose.$post({ json: SEED_INPUT, query: {} }, { headers: { accept } });
      expect(res.status, accept).toBe(200);
      expect(res.headers.get("content-type"), accept).toContain(expected);
      const body = await res.text();
      expect(body, accept).toContain(XT);
    }
  });

  it("names the knowledge-base version on every answer of the API routes, errors included", async () => {
    const version = ((await (await fetch("/health")).json()) as { kb: { version: string } }).kb.version;
    for (const res of [
      await fetch("/bugs?q=mark"),
      await fetch(`/bugs/${XT}`),
      await fetch("/bugs/no-such-bug"),
      await post(fetch, "x", "text/plain"),
    ]) {
      expect(res.headers.get("x-kb-version"), res.url).toBe(version);
    }
  });
}
