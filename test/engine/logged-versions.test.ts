import { describe, expect, it } from "vitest";
import { diagnoseBundle } from "../../src/engine/diagnose";
import { extractFacts } from "../../src/engine/facts";
import { loadDataKb } from "../support/data-kb";

// Whether the versions a paste read are those of the process that logged the symptom (review 46a). The record:
// containerd 1.6.3's loopback config (containerd/containerd#6876), affected [1.6.3, 1.6.4), both ends verified.
const kb = (await loadDataKb()).compiled;
const CNI = "containerd-1.6.3-loopback-cni-1.0.0";
const verdictOf = (text: string) => diagnoseBundle(kb, text).findings.find((f) => f.id === CNI)?.verdict;
/** A certain answer has no `certain` field; one that is not says `certain: false`. */
const certain = (text: string) => ({ ...verdictOf(text) }).certain !== false;
const failure = (program = "containerd[1123]") =>
  `Apr 28 10:01:22 node1 ${program}: time="2022-04-28T10:01:22.123456789Z" level=error msg="RunPodSandbox for &PodSandboxMetadata{Name:coredns-6d4b75cb6d-x2v9k,Namespace:kube-system,Attempt:0,} failed, error" error="failed to setup network for sandbox \\"8b1f0c2d7e\\": plugin type=\\"loopback\\" failed (add): incompatible CNI versions; config is \\"1.0.0\\", plugin supports [\\"0.1.0\\" \\"0.2.0\\" \\"0.3.0\\" \\"0.3.1\\" \\"0.4.0\\"]"`;
const version = (v: string) => `root@node1:~# containerd --version\ncontainerd containerd.io ${v} 212e8b6fa2f44b9c21b2798135fc6fb7c53efc16`;
const journal = (line: string) => `root@node1:~# journalctl -u containerd | grep loopback | tail -1\n${line}`;
const started = (v: string, pid: number) =>
  `Apr 28 10:31:02 node1 containerd[${pid}]: time="2022-04-28T10:31:02.911234567Z" level=info msg="starting containerd" revision=212e8b6f version=${v}`;

describe("a failure the log dated, beside a version read after a change the paste shows (review 46a F1)", () => {
  it("rules nothing out for certain when the package manager's log records an upgrade from an affected version", () => {
    const dpkgLog =
      "root@node1:~# grep containerd /var/log/dpkg.log | tail -2\n2022-04-28 10:30:55 upgrade containerd.io:amd64 1.6.3-1 1.6.4-1\n2022-04-28 10:31:01 status installed containerd.io:amd64 1.6.4-1";
    const yumHistory =
      "[root@node1 ~]# yum history info 14\nCommand Line   : upgrade containerd.io\nPackages Altered:\n    Upgrade  containerd.io-1.6.4-3.1.el8.x86_64 @docker-ce-stable\n    Upgraded containerd.io-1.6.3-3.1.el8.x86_64 @@System";
    const aptHistory =
      "root@node1:~# tail -3 /var/log/apt/history.log\nStart-Date: 2022-04-28  10:30:50\nUpgrade: containerd.io:amd64 (1.6.3-1, 1.6.4-1)\nEnd-Date: 2022-04-28  10:31:03";
    const pacmanLog =
      "[root@node1 ~]# grep containerd /var/log/pacman.log\n[2022-04-28T10:30:55+0000] [ALPM] upgraded containerd (1.6.3-1 -> 1.6.4-1)";
    for (const change of [dpkgLog, yumHistory, aptHistory, pacmanLog]) {
      const v = verdictOf([change, version("1.6.4"), journal(failure())].join("\n"));
      expect(v?.status, change).toBe("unknown");
      expect(v?.reason, change).toContain("read from the host, but the paste shows containerd at 1.6.3 too");
    }
    // Without the record of the change, the reading decides.
    expect(verdictOf([version("1.6.4"), journal(failure())].join("\n"))?.status).toBe("not-affected");
    expect(certain([version("1.6.4"), journal(failure())].join("\n"))).toBe(true);
  });

  it("rules nothing out for certain when the daemon's own start-up lines show it restarted into another version", () => {
    const log = [failure(), started("1.6.4", 20417)].join("\n");
    const v = verdictOf(
      `${journal(`Apr 28 09:58:40 node1 containerd[1123]: level=info msg="starting containerd" version=1.6.3\n${log}`)}\n${version("1.6.4")}`,
    );
    expect(v?.status).toBe("unknown");
    // A start-up at the version read is no change.
    expect(certain(`${journal([started("1.6.4", 1123), failure()].join("\n"))}\n${version("1.6.4")}`)).toBe(true);
  });

  it("judges a journal read after an upgrade the paste runs as perhaps older, and a command's own output after it as now's", () => {
    const upgrade =
      "root@node1:~# apt-get install -y containerd.io\nUnpacking containerd.io (1.6.4-1) over (1.6.3-1) ...\nSetting up containerd.io (1.6.4-1) ...";
    expect(verdictOf([upgrade, version("1.6.4"), journal(failure())].join("\n"))?.status).toBe("unknown");
    // crictl's refusal printed as it ran, after the upgrade: the version read then is the one that failed.
    const live = `root@node1:~# crictl runp pod.json\n${failure()
      .replace(/^.*? error="/, "FATA[0001] run pod sandbox: rpc error: code = Unknown desc = ")
      .replace(/"$/, "")}`;
    expect(verdictOf([upgrade, version("1.6.4"), live].join("\n"))?.status).toBe("not-affected");
    expect(certain([upgrade, version("1.6.4"), live].join("\n"))).toBe(true);
  });

  it("reads a logged line as logged however it was gathered: wrapped, grepped from files, in any journal format (review 46b F2)", () => {
    const dpkgLog = "root@node1:~# grep upgrade /var/log/dpkg.log\n2022-04-28 10:30:55 upgrade containerd.io:amd64 1.6.3-1 1.6.4-1";
    const line = failure();
    const [head, tail] = [line.slice(0, line.indexOf(" plugin type")), line.slice(line.indexOf(" plugin type"))];
    for (const shown of [
      // The entry wrapped: its next line holds the signature and no frame.
      `root@node1:~# journalctl -u containerd | grep -A1 RunPodSandbox\n${head}\n${tail}`,
      `root@node1:~# grep loopback /var/log/syslog*\n/var/log/syslog.1:${line}`,
      `root@node1:~# grep -n loopback /var/log/syslog\n48213:${line}`,
      // Quoted, as a mail or a Markdown reply quotes it, after a command that reads no log (review 46b F2's b13).
      `> ${line}`,
      `root@node1:~# journalctl -u containerd -o short-full | grep loopback\n${line.replace("Apr 28 10:01:22", "Thu 2022-04-28 10:01:22 UTC")}`,
      `root@node1:~# tail -1 /var/log/remote.log\n${line.replace(/^Apr 28 10:01:22 node1 containerd\[1123\]:/, "<30>1 2022-04-28T10:01:22.123456+00:00 node1 containerd 1123 - -")}`,
    ]) {
      const v = verdictOf([dpkgLog, version("1.6.4"), shown].join("\n"));
      expect(v?.status, shown).toBe("unknown");
      expect(v?.reason, shown).toContain("1.6.3 too");
    }
  });

  it("reads as recorded an upgrade in yum 3's history and apk's output (review 46b F8)", () => {
    const yum3 =
      "[root@node1 ~]# yum history info 14\nPackages Altered:\n    Updated containerd.io-1.6.3-3.1.el7.x86_64 @docker-ce-stable\n    Update                1.6.4-3.1.el7.x86_64 @docker-ce-stable";
    const apk = "node1:~# apk upgrade containerd\n(1/1) Upgrading containerd (1.6.3-r0 -> 1.6.4-r0)\nOK: 312 MiB in 80 packages";
    for (const change of [yum3, apk])
      expect(verdictOf([change, version("1.6.4"), journal(failure())].join("\n"))?.status, change).toBe("unknown");
  });

  it("judges a line the log dated after every dated change on the version read after it (review 46b F7)", () => {
    const dpkgLog = (at: string) =>
      `root@node1:~# grep upgrade /var/log/dpkg.log\n2022-04-28 ${at} upgrade containerd.io:amd64 1.6.2-1 1.6.3-1`;
    // containerd 1.6.3 since 08:12, the failure at 10:01: the version read is the one that failed.
    const after = [dpkgLog("08:12:00"), version("1.6.3"), journal(failure())].join("\n");
    expect(verdictOf(after)?.status).toBe("affected");
    expect(certain(after)).toBe(true);
    // The same upgrade at 10:30, after the failure: the failure ran 1.6.2, not the 1.6.3 read now.
    const before = [dpkgLog("10:30:55"), version("1.6.3"), journal(failure())].join("\n");
    expect(certain(before)).toBe(false);
    // A start-up of another machine in a gathered journal is no change of this one's containerd.
    const gathered = journal(
      [
        'Apr 28 09:58:40 node1 containerd[1123]: level=info msg="starting containerd" version=1.6.3',
        'Apr 28 09:59:02 node2 containerd[988]: level=info msg="starting containerd" version=1.6.4',
        failure(),
      ].join("\n"),
    );
    expect(certain(`${gathered}\n${version("1.6.3")}`)).toBe(true);
    // Ubuntu's own containerd package bundles no runc: its upgrade says nothing of runc.
    expect(
      extractFacts("2022-04-28 10:30:55 upgrade containerd:amd64 1.5.9-0ubuntu3 1.5.9-0ubuntu3.1").changes.map((c) => c.ecosystem),
    ).toEqual(["containerd"]);
  });

  it("judges a line logged after a start-up on the version that start-up names, and compares no two zones (review 46c)", () => {
    // F1: started at 1.6.3, failed two minutes later, `--version` says 1.6.4 now (upgraded, not restarted).
    const startedOld = 'Apr 28 09:58:40 node1 containerd[1123]: level=info msg="starting containerd" version=1.6.3';
    expect(verdictOf(`${version("1.6.4")}\n${journal(`${startedOld}\n${failure()}`)}`)?.status).toBe("unknown");
    // F3: a gathered journal keeps each machine's start-ups: node1's own restart on 1.6.4 after its failure.
    const gathered = [
      startedOld,
      'Apr 28 09:59:02 node2 containerd[988]: level=info msg="starting containerd" version=1.6.4',
      failure(),
      'Apr 28 10:31:10 node1 containerd[2210]: level=info msg="starting containerd" version=1.6.4',
    ].join("\n");
    expect(verdictOf(`${version("1.6.4")}\n${journal(gathered)}`)?.status).toBe("unknown");
    // Review 46d F1: a package upgraded under a daemon that kept running: the start-up's version still ran.
    const underIt = `root@node1:~# grep upgrade /var/log/dpkg.log\n2022-04-28 08:00:12 upgrade containerd.io:amd64 1.6.3-1 1.6.4-1\n${version("1.6.4")}\n${journal(
      `${startedOld.replace("09:58:40", "07:30:00")}\n${failure()}`,
    )}`;
    expect(verdictOf(underIt)?.status).toBe("unknown");
    // F5: a UTC line against dpkg.log's local time says nothing of which came first.
    const dpkgLog = "root@node1:~# grep upgrade /var/log/dpkg.log\n2022-04-28 08:30:55 upgrade containerd.io:amd64 1.6.3-1 1.6.4-1";
    const utc = failure().replace(/^Apr 28 10:01:22/, "2022-04-28T12:01:22+0000");
    expect(verdictOf([dpkgLog, version("1.6.4"), journal(utc)].join("\n"))?.status).toBe("unknown");
  });

  it("hedges the row of the node that printed the line, read after the upgrade its own dpkg.log records (review 46b F4)", () => {
    const table = [
      "$ kubectl get nodes -o wide",
      "NAME    STATUS   ROLES           AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION      CONTAINER-RUNTIME",
      "node1   Ready    control-plane   40d   v1.24.0   10.0.0.11     <none>        Ubuntu 22.04 LTS     5.15.0-27-generic   containerd://1.6.4",
      "node2   Ready    <none>          40d   v1.24.0   10.0.0.12     <none>        Ubuntu 22.04 LTS     5.15.0-27-generic   containerd://1.6.4",
    ].join("\n");
    const ssh = `$ ssh node1 'grep upgrade /var/log/dpkg.log; journalctl -u containerd | grep loopback'\n2022-04-28 10:30:55 upgrade containerd.io:amd64 1.6.3-1 1.6.4-1\n${failure()}`;
    expect(verdictOf(`${table}\n${ssh}`)?.status).toBe("unknown");
    // Another node's upgrade, undated, is no change of node1's containerd (review 46b F14).
    const other = ssh
      .replace(
        "$ ssh node1 'grep upgrade /var/log/dpkg.log; journalctl -u containerd | grep loopback'",
        "$ ssh node2 'grep upgrade /var/log/apt/history.log'",
      )
      .replace("2022-04-28 10:30:55 upgrade containerd.io:amd64 1.6.3-1 1.6.4-1", "Upgrade: containerd.io:amd64 (1.6.3-1, 1.6.4-1)")
      .replace(failure(), `$ ssh node1 'journalctl -u containerd | grep loopback'\n${failure()}`);
    const node1At = (v: string) => `${table.replace("containerd://1.6.4\nnode2", `containerd://${v}\nnode2`)}\n${other}`;
    expect(verdictOf(node1At("1.6.3"))?.status).toBe("affected");
    expect(certain(node1At("1.6.3"))).toBe(true);
    // So may one shown over ssh to node1's address (review 46d F2).
    expect(verdictOf(`${table}\n${ssh.replace("$ ssh node1", "$ ssh 10.0.0.11")}`)?.status).toBe("unknown");
    // An upgrade shown at a prompt that names no machine may be node1's (review 46c F4).
    const bare = `$ grep upgrade /var/log/dpkg.log\n2022-04-28 10:30:55 upgrade containerd.io:amd64 1.6.3-1 1.6.4-1\n$ sudo journalctl -u containerd | grep loopback\n${failure()}`;
    expect(verdictOf(`${table}\nOn node1:\n${bare}`)?.status).toBe("unknown");
    // Without the record of the upgrade, node1's row decides.
    expect(verdictOf(`${table}\n${ssh.replace(/\n2022-04-28 10:30:55 upgrade.*$/m, "")}`)?.status).toBe("not-affected");
  });

  it("judges a failure printed before an upgrade on the version dpkg says it replaced (review 46a F7)", () => {
    const upgrade =
      "root@node1:~# apt-get install -y containerd.io\nUnpacking containerd.io (1.6.4-1) over (1.6.3-1) ...\nSetting up containerd.io (1.6.4-1) ...";
    const v = verdictOf([journal(failure()), upgrade, version("1.6.4")].join("\n"));
    expect(v).toMatchObject({ status: "affected", certain: false });
    expect(v?.reason).toContain("1.6.3");
    // A failure printed after it ran the new version: what dpkg replaced names nothing of it (review 46b a35).
    const live = `root@node1:~# crictl runp pod.json\nFATA[0001] run pod sandbox: rpc error: code = Unknown desc = ${failure()
      .replace(/^.*? error="/, "")
      .replace(/"$/, "")}`;
    const policy = "root@node1:~# apt-cache policy containerd.io | head -3\ncontainerd.io:\n  Installed: 1.6.3-1\n  Candidate: 1.6.4-1";
    expect(verdictOf([policy, upgrade, live].join("\n"))?.status).toBe("unknown");
  });

  it("counts a change a shell loop over ssh shows for each machine the loop names (review 47c)", () => {
    const nodes = [
      "$ kubectl get nodes -o wide",
      "NAME    STATUS   ROLES           AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION      CONTAINER-RUNTIME",
      "node1   Ready    control-plane   40d   v1.23.6   10.0.0.11     <none>        Ubuntu 20.04.4 LTS   5.4.0-109-generic   containerd://1.6.4",
    ].join("\n");
    const loop = `$ for n in node1 node2; do ssh $n "grep 'upgrade containerd' /var/log/dpkg.log"; done\n2022-04-28 10:30:55 upgrade containerd.io:amd64 1.6.3-1 1.6.4-1`;
    // node1 failed at 10:01, before the upgrade the loop shows at 10:30: its row's 1.6.4 is not what failed.
    expect(verdictOf([nodes, loop, `$ ssh node1 "journalctl -u containerd | tail -1"`, failure()].join("\n"))?.status).toBe("unknown");
  });

  it("takes no install answered no for an upgrade (review 46a F7)", () => {
    const aborted = [
      "root@node1:~# apt-get install containerd.io=1.6.4-1\nThe following packages will be upgraded:\n  containerd.io\nDo you want to continue? [Y/n] n\nAbort.",
      "[root@node1 ~]# dnf upgrade containerd.io\nUpgrading:\n containerd.io      x86_64        1.6.4-3.1.el8        docker-ce-stable    33 M\nIs this ok [y/N]: N\nOperation aborted.",
    ];
    for (const answer of aborted) {
      const text = [version("1.6.3"), answer, journal(failure())].join("\n");
      expect(verdictOf(text)?.status, answer).toBe("affected");
      expect(certain(text), answer).toBe(true);
    }
  });
});

describe("a pod's log on a k3s or RKE2 cluster, beside the system's own runc (review 54d F1)", () => {
  // k3s runs its pods with the runc it bundles (release-1.31 moved it to 1.2.1, k3s-io/k3s#11216), not /usr/bin/runc:
  // before, the host's 1.1.12 judged the pod's TUN error "not affected", verified.
  const TAP = "runc-1.2.0-tun-tap-removed-from-default-devices";
  const tun =
    "$ kubectl logs -n vpn openvpn-0\n2025-01-03 10:12:44 ERROR: Cannot open TUN/TAP dev /dev/net/tun: Operation not permitted (errno=1)";
  const runc = "$ runc --version\nrunc version 1.1.12\ncommit: v1.1.12-0-g51d5e946\nspec: 1.0.2-dev";
  const row = (version: string, runtime: string) =>
    `$ kubectl get nodes -o wide\nNAME     STATUS   ROLES                  AGE   VERSION        INTERNAL-IP    EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION     CONTAINER-RUNTIME\nhomelab  Ready    control-plane,master   20d   ${version.padEnd(14)} 192.168.1.10   <none>        Ubuntu 24.04.1 LTS   6.8.0-51-generic   ${runtime}`;
  const tap = (text: string) => diagnoseBundle(kb, text).findings.find((f) => f.id === TAP)?.verdict;

  it("judges it on no host runc for certain, whether `k3s --version` or the node's builds say so", () => {
    for (const k3s of ["$ k3s --version\nk3s version v1.31.3+k3s1 (6e6af988)", row("v1.31.3+k3s1", "containerd://1.7.23-k3s2")])
      expect(tap([tun, k3s, runc].join("\n")), k3s).toMatchObject({
        status: "unknown",
        reason: expect.stringContaining("the log's lines are k3s's, which runs its own runc"),
      });
    // A kubeadm node's pod runs the host's runc: it decides.
    expect(tap([tun, row("v1.31.3", "containerd://1.7.23"), runc].join("\n"))).toMatchObject({ status: "not-affected" });
  });
});

describe("a failure a Kubernetes distribution logged, beside the system's own runtime (review 46a F2)", () => {
  it("judges k3s's line on no system containerd for certain", () => {
    const k3s = (v: string) =>
      [version(v), "root@node1:~# k3s --version\nk3s version v1.23.6+k3s1 (418c3fa8)", journal(failure("k3s[811]"))].join("\n");
    expect(verdictOf(k3s("1.6.4"))).toMatchObject({ status: "unknown" });
    expect(verdictOf(k3s("1.6.4"))?.reason).toContain("the log's lines are k3s's, which runs its own containerd");
    expect(verdictOf(k3s("1.6.3"))).toMatchObject({ status: "affected", certain: false });
    // In the journal's other formats and under the agent's unit, and from k3s's own containerd log (review 46b F1).
    const k3sLine = failure("k3s[811]");
    for (const shown of [
      k3sLine.replace("Apr 28 10:01:22", "Apr 28 10:01:22.123456"),
      k3sLine.replace("k3s[811]", "k3s-agent[811]"),
      k3sLine.replace(/^Apr 28 10:01:22 node1 k3s\[811\]:/, "<30>1 2022-04-28T10:01:22.123456+00:00 node1 k3s 811 - -"),
      `root@node1:~# tail -n1 /var/lib/rancher/k3s/agent/containerd/containerd.log\n${k3sLine.replace(/^.*?k3s\[811\]: /, "")}`,
    ]) {
      const text = [version("1.6.4"), shown.startsWith("root@") ? shown : journal(shown)].join("\n");
      expect(verdictOf(text)?.status, shown).toBe("unknown");
    }
    // The distribution's own runtime read by its own tools is the one that logged the line (review 46b F6).
    for (const own of [
      "root@node1:~# k3s crictl version\nVersion:  0.1.0\nRuntimeName:  containerd\nRuntimeVersion:  v1.6.3-k3s1\nRuntimeApiVersion:  v1",
      "root@node1:~# k3s ctr version\nClient:\n  Version:  v1.6.3-k3s1\n  Revision: \n  Go version: go1.17.8\n\nServer:\n  Version:  v1.6.3-k3s1\n  Revision: \n  UUID: 3f0a2c1e-8a4b-4c4e-9f0e-1d2c3b4a5e6f",
    ]) {
      const text = [own, journal(failure("k3s[811]"))].join("\n");
      expect(verdictOf(text)?.status, own).toBe("affected");
      expect(certain(text), own).toBe(true);
    }
    // MicroK8s' own binary and crictl pointed at k3s's socket read the bundled runtime too (review 46c F10).
    for (const own of [
      "root@node1:~# /snap/microk8s/current/bin/containerd --version\ncontainerd github.com/containerd/containerd v1.6.3 a05d175400b1145e5e6a735a6710579d181e7fb0",
      "root@node1:~# crictl --runtime-endpoint unix:///run/k3s/containerd/containerd.sock version\nVersion:  0.1.0\nRuntimeName:  containerd\nRuntimeVersion:  v1.6.3\nRuntimeApiVersion:  v1",
    ])
      expect(certain([own, journal(failure("k3s[811]"))].join("\n")), own).toBe(true);
    // `k3s ctr version` reads k3s's containerd, not the runc it bundles: the system's runc says nothing of k3s's line.
    const pts = `Apr 28 10:01:22 node1 k3s[811]: E0428 10:01:22.1 811 remote_runtime.go:1] "ExecSync from runtime service failed" err="rpc error: code = Unknown desc = failed to exec in container: failed to start exec: OCI runtime exec failed: exec failed: unable to start container process: open /dev/pts/0: operation not permitted: unknown"`;
    const ctr =
      "root@node1:~# k3s ctr version\nClient:\n  Version:  v1.6.6-k3s1\n  Revision: \n  Go version: go1.17.8\n\nServer:\n  Version:  v1.6.6-k3s1\n  Revision: \n  UUID: 3f0a2c1e-8a4b-4c4e-9f0e-1d2c3b4a5e6f";
    const runcVerdict = diagnoseBundle(
      kb,
      [ctr, "root@node1:~# runc --version\nrunc version 1.1.4\ncommit: v1.1.4-0-g5fd4c4d1\nspec: 1.0.2-dev", journal(pts)].join("\n"),
    ).findings.find((f) => f.id === "runc-1.1.3-exec-dev-pts-after-daemon-reload")?.verdict;
    expect(runcVerdict?.status).toBe("unknown");
    // Nor does one that could not reach k3s's containerd, whatever its own client printed (review 46d F3).
    const unreached =
      'root@node1:~# k3s ctr version\nClient:\n  Version:  v1.6.3-k3s1\n  Revision:\n  Go version: go1.17.5\nctr: failed to dial "/run/k3s/containerd/containerd.sock": context deadline exceeded';
    expect(verdictOf([unreached, version("1.6.4"), journal(failure("k3s[811]"))].join("\n"))?.status).toBe("unknown");
    // Nor another machine's k3s (review 46d F3: `ssh edge-2 k3s crictl version` beside edge-1's line).
    const otherK3s =
      "root@node1:~# ssh edge-2 k3s crictl version\nVersion:  0.1.0\nRuntimeName:  containerd\nRuntimeVersion:  v1.6.8-k3s1\nRuntimeApiVersion:  v1alpha2";
    expect(verdictOf([otherK3s, version("1.6.4"), journal(failure("k3s[811]"))].join("\n"))?.status).toBe("unknown");
    // A k3s command that asks no version reads no bundled runtime (review 46c F2).
    const ps = "root@node1:~# k3s crictl ps -a | head -2\nCONTAINER           IMAGE               CREATED             STATE";
    expect(verdictOf([ps, version("1.6.4"), journal(failure("k3s[811]"))].join("\n"))?.status).toBe("unknown");
    // The system containerd's own line is judged on the system containerd.
    expect(verdictOf(k3s("1.6.4").replace("k3s[811]", "containerd[1123]"))?.status).toBe("not-affected");
    expect(certain(k3s("1.6.4").replace("k3s[811]", "containerd[1123]"))).toBe(true);
  });
});
