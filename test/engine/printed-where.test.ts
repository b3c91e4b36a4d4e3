import { describe, expect, it } from "vitest";
import { diagnoseBundle, diagnoseFields } from "../../src/engine/diagnose";
import type { Verdict } from "../../src/engine/diagnosis";
import { extractFacts } from "../../src/engine/facts";
import { loadDataKb } from "../support/data-kb";
import { UBUNTU_2204_OS_RELEASE, unameJammy126, unameJammy127, XOR_MARK_KLOG, xorMarkJournaldOf } from "../support/seed-logs";

// Whose machine printed a finding's lines, and whose versions judge them (reviews 35b and 35d). Ubuntu 22.04's 5.15.0-126
// is before the MARK regression's first build and 5.15.0-127 in it (Canonical's changelog, the record's jammy range).
const kb = (await loadDataKb()).compiled;
const XT = "xt-mark-ipv6-typo-2024";
// The kernel's boot banners of Ubuntu 22.04's 5.15.0-127 #137 (in the MARK regression's range) and 5.15.0-130 #140 (fixed).
const BANNER_127 =
  "Dec 01 03:10:02 worker-7 kernel: Linux version 5.15.0-127-generic (buildd@lcy02-amd64-064) (gcc (Ubuntu 11.4.0-1ubuntu1~22.04) 11.4.0, GNU ld (GNU Binutils for Ubuntu) 2.38) #137-Ubuntu SMP Fri Nov 8 15:21:01 UTC 2024 (Ubuntu 5.15.0-127.137-generic 5.15.167)";
const BANNER_130 =
  "Dec 02 04:02:11 worker-7 kernel: Linux version 5.15.0-130-generic (buildd@lcy02-amd64-071) (gcc (Ubuntu 11.4.0-1ubuntu1~22.04) 11.4.0, GNU ld (GNU Binutils for Ubuntu) 2.38) #140-Ubuntu SMP Wed Dec 18 17:59:53 UTC 2024 (Ubuntu 5.15.0-130.140-generic 5.15.173)";
const verdictOf = (text: string) => diagnoseBundle(kb, text).findings.find((f) => f.id === XT)?.verdict;
// kube-proxy's refusal as `crictl logs` prints a container's log: klog lines, no host.
const CRICTL = `E0217 11:12:14.212635       1 proxier.go:1432] "Failed to execute iptables-restore" err=<
        exit status 2: ip6tables-restore v1.8.7 (nf_tables): unknown option "--xor-mark"
        Error occurred at line: 11`;

describe("a uname of one machine beside another machine's lines", () => {
  it("decides nothing of a journal whose lines name another host, a sentence quoting the error beside it or not", () => {
    const master = `${unameJammy126("k8s-master-1")}\n${UBUNTU_2204_OS_RELEASE}\n`;
    const said = 'kube-proxy on worker-2 keeps failing with: unknown option "--xor-mark" (IPv6 services broken)\n';
    for (const paste of [master + xorMarkJournaldOf("worker-2"), said + master + xorMarkJournaldOf("worker-2")])
      expect(verdictOf(paste)).toMatchObject({ status: "unknown", reason: expect.stringContaining("the log's lines are worker-2's") });
  });

  it("takes an ssh command's output as the target's, not the jump host's", () => {
    const viaBastion = (uname: string) =>
      `${uname}\n${UBUNTU_2204_OS_RELEASE}\nadmin@bastion:~$ ssh -i ~/.ssh/k8s worker-2 sudo crictl logs 3f2a1b9c8d7e\n${CRICTL}`;
    // The bastion's own uname judges nothing of worker-2's container log...
    expect(verdictOf(viaBastion(`admin@bastion:~$ uname -a\n${unameJammy126("bastion")}`))?.status).toBe("unknown");
    // ...and worker-2's, fetched through the same jump host, decides.
    expect(verdictOf(viaBastion(`admin@bastion:~$ ssh worker-2 uname -a\n${unameJammy127("worker-2")}`))).toMatchObject({
      status: "affected",
      level: "verified",
    });
  });

  it("takes the last hop of a chain of ssh as the machine a command ran on (review 53g F1)", () => {
    const own = `admin@bastion:~$ uname -a\n${unameJammy126("bastion")}\n${UBUNTU_2204_OS_RELEASE}`;
    for (const chain of [
      "ssh -t bastion ssh worker-2 sudo crictl logs 3f2a1b9c8d7e",
      "ssh bastion -t ssh worker-2 sudo crictl logs 3f2a1b9c8d7e",
      "ssh bastion 'ssh worker-2 sudo crictl logs 3f2a1b9c8d7e'",
    ])
      expect(verdictOf(`${own}\nme@laptop:~$ ${chain}\n${CRICTL}`), chain).toMatchObject({
        status: "unknown",
        reason: expect.stringContaining("no version of worker-2 is given"),
      });
  });

  it("takes a pod's logs fetched with kubectl over ssh, or in a session on another machine, as the cluster's (review 53g F1)", () => {
    // kubectl prints the pod's node's lines wherever it runs: the bastion's kernel past the fix (5.15.0-131 on 22.04) does
    // not judge them for certain (before: "not affected", verified, on the bastion's kernel).
    const bastion = "5.15.0-131-generic #141-Ubuntu SMP Fri Jan 10 21:18:28 UTC 2025";
    const logs = "kubectl logs -n kube-system kube-proxy-7xkq2";
    for (const paste of [
      `me@laptop:~$ ssh bastion uname -rv\n${bastion}\nme@laptop:~$ ssh bastion ${logs}\n${CRICTL}`,
      `me@laptop:~$ ssh bastion\n$ uname -rv\n${bastion}\n$ ${logs}\n${CRICTL}`,
      // The remote command quoted (review 54b F1).
      `me@laptop:~$ ssh bastion uname -rv\n${bastion}\nme@laptop:~$ ssh -t bastion '${logs}'\n${CRICTL}`,
    ])
      expect(verdictOf(paste), paste).toMatchObject({ status: "unknown", reason: expect.stringContaining("came through the cluster") });
    // A container's log fetched over ssh stays the target's: its kernel decides.
    expect(
      verdictOf(`me@laptop:~$ ssh worker-2 uname -rv\n${bastion}\nme@laptop:~$ ssh worker-2 sudo crictl logs 3f2a1b9c8d7e\n${CRICTL}`),
    ).toMatchObject({
      status: "not-affected",
    });
  });

  it("takes Ubuntu's login banner after an `ssh` as the kernel of the machine logged into (review 53c F4)", () => {
    const banner = (release: string) =>
      `Welcome to Ubuntu 22.04.5 LTS (GNU/Linux ${release} x86_64)\n\n * Documentation:  https://help.ubuntu.com\n\nLast login: Tue Dec  3 01:58:12 2024 from 10.0.0.5`;
    // The bastion's banner judges nothing of worker-2's lines (before: "affected", high, on the bastion's kernel).
    const bastion = `me@laptop:~$ ssh ops@bastion\n${banner("5.15.0-127-generic")}\nops@bastion:~$ ssh worker-2 sudo crictl logs 3f2a1b9c8d7e\n${CRICTL}`;
    expect(verdictOf(bastion)).toMatchObject({ status: "unknown", reason: expect.stringContaining("no version of worker-2 is given") });
    expect(verdictOf(bastion)?.reason).toContain("(its login banner)");
    // worker-2's own banner, its shell's lines after it, beside the bastion's uname: worker-2's kernel judges them
    // (before: "2 kernels", undecided); its release is the bastion's os-release's, not worker-2's, so the ABI alone is read.
    const worker = `ops@bastion:~$ uname -a\n${unameJammy127("bastion")}\n${UBUNTU_2204_OS_RELEASE}\nops@bastion:~$ ssh worker-2\n${banner("5.15.0-126-generic")}\nops@worker-2:~$ sudo crictl logs 3f2a1b9c8d7e\n${CRICTL}`;
    expect(verdictOf(worker)?.reason).toContain("node worker-2 (5.15.0-126-generic)");
    // Both releases' packages are tried (22.04's linux, 20.04's linux-hwe-5.15), and they agree.
    expect(verdictOf(worker)).toMatchObject({ status: "not-affected", reason: expect.stringContaining("the release does not matter") });
  });

  it("reads the OS a login banner names with its kernel, where no os-release is pasted (review 53g F6)", () => {
    // 5.15.0-126-generic is 22.04's linux or 20.04's linux-hwe-5.15: the banner's release says which (before: undecided).
    const session = (os: string) =>
      `me@laptop:~$ ssh worker-2\nWelcome to ${os} (GNU/Linux 5.15.0-126-generic x86_64)\n\n * Documentation:  https://help.ubuntu.com\n\nops@worker-2:~$ sudo crictl logs 3f2a1b9c8d7e\n${CRICTL}`;
    expect(verdictOf(session("Ubuntu 22.04.5 LTS"))).toMatchObject({
      status: "not-affected",
      reason: expect.stringContaining("ubuntu:22.04"),
    });
    expect(verdictOf(session("Ubuntu 20.04.6 LTS"))).toMatchObject({
      status: "not-affected",
      reason: expect.stringContaining("as ubuntu:20.04 package linux-hwe-5.15"),
    });
    expect(verdictOf(session("Ubuntu 20.04.6 LTS"))?.reason).not.toContain("ubuntu:22.04");
    expect(extractFacts(session("Ubuntu 20.04.6 LTS")).os).toMatchObject({ id: "ubuntu", versionId: "20.04" });
    // The paste's own os-release outranks it, and a banner that gives no kernel judged gives no OS.
    expect(extractFacts(`${UBUNTU_2204_OS_RELEASE}\n${session("Ubuntu 20.04.6 LTS")}`).os?.versionId).toBe("22.04");
    // But not for the banner's kernel when another machine's prompt printed that os-release (review 54b F4: the
    // bastion's 22.04 judged worker-2's kernel).
    const bastion = `me@laptop:~$ ssh bastion\nops@bastion:~$ cat /etc/os-release\n${UBUNTU_2204_OS_RELEASE}\nops@bastion:~$ ${session("Ubuntu 20.04.6 LTS").replace("me@laptop:~$ ", "")}`;
    expect(extractFacts(bastion).kernel?.package?.ecosystem).toBe("ubuntu:20.04");
  });

  it("takes a kernel read without a host name (uname -r, /proc/version, hostnamectl) as the machine whose prompt or ssh target printed it (review 48b F1)", () => {
    // Worker-1's kernel is past the fix (5.15.0-131 on 22.04); worker-2's line failed. Before: "not affected", certain.
    const failing = `admin@bastion:~$ ssh worker-2 sudo crictl logs 3f2a1b9c8d7e\n${CRICTL}`;
    for (const reading of [
      "admin@worker-1:~$ uname -rv\n5.15.0-131-generic #141-Ubuntu SMP Fri Jan 10 21:18:28 UTC 2025",
      "admin@bastion:~$ ssh worker-1 cat /proc/version\nLinux version 5.15.0-131-generic (buildd@lcy02-amd64-045) (x86_64-linux-gnu-gcc-12 (Ubuntu 12.3.0-1ubuntu1~22.04) 12.3.0, GNU ld (GNU Binutils for Ubuntu) 2.38) #141-Ubuntu SMP Fri Jan 10 21:18:28 UTC 2025",
      "admin@worker-1:~$ hostnamectl\n Static hostname: worker-1\nOperating System: Ubuntu 22.04.5 LTS\n          Kernel: Linux 5.15.0-131-generic",
    ]) {
      const verdict = verdictOf(`${reading}\n${failing}`);
      expect(verdict, reading).toMatchObject({ status: "unknown", reason: expect.stringContaining("no version of worker-2 is given") });
    }
    // A pod's log through the cluster (`kubectl logs` at cp-1's prompt) may be any node's: cp-1's kernel judges it hedged
    // (review 48c F5), and so does a bare shell's (review 59d F1: kubectl runs on a workstation as often as on a node).
    const podLog = `ubuntu@cp-1:~$ kubectl -n kube-system logs kube-proxy-7xk2p --tail=3\n${CRICTL}`;
    for (const tool of ["stern -n kube-system kube-proxy-7xk2p", "kubetail kube-proxy -n kube-system"]) {
      const tailed = `ubuntu@cp-1:~$ uname -rv\n5.15.0-131-generic #141-Ubuntu SMP Fri Jan 10 21:18:28 UTC 2025\n${UBUNTU_2204_OS_RELEASE}\nubuntu@cp-1:~$ ${tool}\n${CRICTL}`;
      expect(verdictOf(tailed), tool).toMatchObject({ status: "unknown" });
    }
    const atCp = verdictOf(
      `ubuntu@cp-1:~$ uname -rv\n5.15.0-131-generic #141-Ubuntu SMP Fri Jan 10 21:18:28 UTC 2025\n${UBUNTU_2204_OS_RELEASE}\n${podLog}`,
    );
    expect(atCp).toMatchObject({ status: "unknown", reason: expect.stringContaining("came through the cluster") });
    const bare = verdictOf(
      `$ uname -a\n${unameJammy127("k8s-w3")}\n${UBUNTU_2204_OS_RELEASE}\n$ kubectl -n kube-system logs kube-proxy-7xk2p\n${CRICTL}`,
    );
    expect(bare).toMatchObject({ status: "affected", level: "verified", certain: false });
    // Two kernels read at two machines' prompts, the log printed at one of them by a command reading it: that machine's
    // kernel decides (review 48c F9: "does not say which one failed").
    const two = `admin@worker-1:~$ uname -rv\n5.15.0-127-generic #137-Ubuntu SMP Fri Nov 8 15:21:01 UTC 2024\nadmin@worker-2:~$ uname -rv\n5.15.0-131-generic #141-Ubuntu SMP Fri Jan 10 21:18:28 UTC 2025\n${UBUNTU_2204_OS_RELEASE}\nadmin@worker-2:~$ sudo crictl logs 3f2a1b9c8d7e\n${CRICTL}`;
    expect(verdictOf(two)).toMatchObject({
      status: "not-affected",
      reason: expect.stringContaining("worker-2's, judged on the kernel read at its prompt"),
    });
    // Not a previous boot's journal, on whatever kernel that boot ran (review 48e F1), nor a journal whose host field
    // disagrees with the prompt that read it (48e F7).
    const previous = two.replace("sudo crictl logs 3f2a1b9c8d7e", "journalctl -b -1 -u kube-proxy -o cat");
    expect(verdictOf(previous)?.status).toBe("unknown");
    const oneKernelBefore = `admin@worker-2:~$ uname -rv\n5.15.0-131-generic #141-Ubuntu SMP Fri Jan 10 21:18:28 UTC 2025\n${UBUNTU_2204_OS_RELEASE}\nadmin@worker-2:~$ journalctl -b -1 -u kube-proxy -o cat\n${CRICTL}`;
    expect(verdictOf(oneKernelBefore)).toMatchObject({ status: "unknown", reason: expect.stringContaining("an earlier boot's") });
    // Its flags combined (review 48f F1); the current boot's journal is no earlier one.
    expect(verdictOf(oneKernelBefore.replace("-b -1", "-xb -1"))?.status).toBe("unknown");
    expect(verdictOf(oneKernelBefore.replace("-b -1", "-b 0"))?.status).toBe("not-affected");
    // A rotated log too: numbered, compressed, or named by its date (logrotate's dateext, RHEL's default: review 50b F1).
    const grepped = (file: string) => oneKernelBefore.replace("journalctl -b -1 -u kube-proxy -o cat", `grep -h kube-proxy ${file}`);
    for (const file of ["/var/log/syslog.1", "/var/log/syslog.2.gz", "/var/log/messages-20240526", "/var/log/kern.log-2024052612"])
      expect(verdictOf(grepped(file)), file).toMatchObject({ status: "unknown", reason: expect.stringContaining("an earlier boot's") });
    for (const file of ["/var/log/messages", "/var/log/pods/kube-system_kube-proxy-2x7/kube-proxy/0.log"])
      expect(verdictOf(grepped(file))?.status, file).toBe("not-affected");
    // Named relative to /var/log after `cd /var/log` (review 51b F2), or grep's prefix naming such a file.
    const inLogDir = (command: string) =>
      oneKernelBefore.replace(
        "admin@worker-2:~$ journalctl -b -1 -u kube-proxy -o cat",
        `admin@worker-2:~$ cd /var/log
admin@worker-2:/var/log$ ${command}`,
      );
    for (const command of [
      "zgrep -h kube-proxy syslog.3.gz syslog.2.gz",
      "grep -h kube-proxy messages-20240526",
      "zcat kern.log.2.gz | grep kube-proxy",
    ])
      expect(verdictOf(inLogDir(command)), command).toMatchObject({
        status: "unknown",
        reason: expect.stringContaining("an earlier boot's"),
      });
    const prefixed = `admin@worker-2:~$ uname -rv\n5.15.0-131-generic #141-Ubuntu SMP Fri Jan 10 21:18:28 UTC 2025\n${UBUNTU_2204_OS_RELEASE}\nadmin@worker-2:/var/log$ zgrep xor-mark syslog*\n${xorMarkJournaldOf(
      "worker-2",
    )
      .split("\n")
      .map((l) => `syslog.2.gz:${l}`)
      .join("\n")}`;
    expect(verdictOf(prefixed)).toMatchObject({ status: "unknown", reason: expect.stringContaining("an earlier boot's") });
    // A distribution's kernel judged on its upstream release ("not affected", hedged) is unknown beside the symptom too when
    // every symptom line is an earlier boot's (review 51f F6: only an upstream kernel's certain answer was hedged).
    const lockups = (command: string) =>
      `root@nfs-cl2:~# uname -r\n6.12.4-200.fc41.x86_64\nroot@nfs-cl2:~# cd /var/log/\nroot@nfs-cl2:/var/log# ${command}\n${[22, 48, 74]
        .map(
          (s) => `Dec  2 14:20:05 nfs-cl2 kernel: [81234.551020] watchdog: BUG: soft lockup - CPU#5 stuck for ${s}s! [kworker/u32:3:9931]`,
        )
        .join("\n")}`;
    const lockup = (command: string) =>
      diagnoseBundle(kb, lockups(command)).findings.find((f) => f.id === "nfs-client-softlockup-6.11")?.verdict;
    expect(lockup("zgrep -h 'soft lockup' kern.log.2.gz kern.log.3.gz")).toMatchObject({
      status: "unknown",
      reason: expect.stringContaining("an earlier boot's"),
    });
    expect(lockup("journalctl -k | grep 'soft lockup'")).toMatchObject({ status: "not-affected", certain: false });
    // The current file so named is the running boot's.
    for (const command of ["grep -h kube-proxy syslog", "tail -n 20 syslog"])
      expect(verdictOf(inLogDir(command))?.status, command).toBe("not-affected");
    const renamed = two
      .replace("sudo crictl logs 3f2a1b9c8d7e\n", "journalctl -u kube-proxy\n")
      .replace(CRICTL, xorMarkJournaldOf("worker-1"));
    expect(verdictOf(renamed)?.status).toBe("unknown");
    // Read at the failing machine's own prompt, it decides.
    const own = `root@worker-2:~# uname -r\n5.15.0-127-generic\n${UBUNTU_2204_OS_RELEASE}\nroot@worker-2:~# journalctl -u kube-proxy -o cat -n 4\n${CRICTL}`;
    expect(verdictOf(own)?.status).toBe("affected");
  });

  it("takes an address ssh reaches as a machine, and `ssh` only as the command run (not `systemctl restart ssh`)", () => {
    const bastion = `admin@bastion:~$ uname -a\n${unameJammy126("bastion")}\n${UBUNTU_2204_OS_RELEASE}\n`;
    expect(verdictOf(`${bastion}admin@bastion:~$ ssh ec2-user@10.0.1.23 sudo crictl logs 3f2a1b9c8d7e\n${CRICTL}`)).toMatchObject({
      status: "unknown",
      reason: expect.stringContaining("the log's lines are 10.0.1.23's"),
    });
    const own = `root@worker-2:~# uname -a\n${unameJammy127("worker-2")}\n${UBUNTU_2204_OS_RELEASE}\nroot@worker-2:~# systemctl restart ssh kube-proxy; journalctl -u kube-proxy -o cat -n 4\n${CRICTL}`;
    expect(verdictOf(own)).toMatchObject({ status: "affected", level: "verified" });
  });

  it("takes a log line naming no host as the paste's own, beside a peer's journal shown for comparison", () => {
    const paste = `uname -a and os-release on the failing node:\n${unameJammy127("worker-2")}\n${UBUNTU_2204_OS_RELEASE}\n\nkube-proxy log on it:\n${CRICTL}\n\nworker-3 shows the same in its journal:\n${xorMarkJournaldOf("worker-3")}`;
    expect(verdictOf(paste)).toMatchObject({ status: "affected", level: "verified" });
  });

  it("reads a container's uname and a container's journal as the machine's own kernel", () => {
    // `docker run … uname -a` prints the host's kernel under the container's id; a kind node's journal is a container's.
    const inContainer = `root@worker-2:~# docker run --rm ubuntu:22.04 uname -a\n${unameJammy127("3f2a1b9c8d7e")}\n${UBUNTU_2204_OS_RELEASE}\nroot@worker-2:~# journalctl -u kube-proxy\n${xorMarkJournaldOf("worker-2")}`;
    expect(verdictOf(inContainer)).toMatchObject({ status: "affected", level: "verified" });
    const kind = `me@laptop:~$ uname -a\n${unameJammy127("laptop")}\n${UBUNTU_2204_OS_RELEASE}\nme@laptop:~$ docker exec kind-control-plane journalctl -u kube-proxy\n${xorMarkJournaldOf("kind-control-plane")}`;
    expect(verdictOf(kind)).toMatchObject({ status: "affected", level: "verified" });
  });
});

describe("a container's log or command, read on the machine the runtime runs on (review 36b)", () => {
  const worker1 = `ubuntu@worker-1:~$ uname -a\n${unameJammy127("worker-1")}\n${UBUNTU_2204_OS_RELEASE}\n`;

  it("takes `crictl logs` and `docker logs` at a prompt as that machine's: another machine's uname decides nothing", () => {
    for (const fetch of ["sudo crictl logs 3f2a1b | tail -3", "sudo docker logs kube-proxy 2>&1 | tail -3", "podman logs kube-proxy"])
      expect(verdictOf(`${worker1}ubuntu@worker-2:~$ ${fetch}\n${CRICTL}`), fetch).toMatchObject({
        status: "unknown",
        reason: expect.stringContaining("the log's lines are worker-2's"),
      });
    // At the uname's own machine's prompt, its kernel judges them; through the cluster's API a pod may be on any node.
    expect(verdictOf(`${worker1}ubuntu@worker-1:~$ sudo crictl logs 3f2a1b\n${CRICTL}`)).toMatchObject({ status: "affected" });
    expect(verdictOf(`${worker1}ubuntu@worker-2:~$ kubectl -n kube-system logs kube-proxy-x7k2p\n${CRICTL}`)).toMatchObject({
      status: "affected",
    });
  });

  it("reads a fleet's symptom lines by the prompt or ssh target that printed them, not by any node in range", () => {
    const fleet = `${worker1}ubuntu@worker-2:~$ uname -a\n${unameJammy126("worker-2")}\n`;
    for (const printed of [
      `ubuntu@worker-2:~$ sudo journalctl -u kube-proxy -o cat | tail -3\n${CRICTL}`,
      `ubuntu@worker-2:~$ sudo crictl logs 3f2a1b\n${CRICTL}`,
      `ubuntu@worker-1:~$ ssh worker-2 sudo crictl logs 3f2a1b\n${CRICTL}`,
    ])
      expect(verdictOf(fleet + printed), printed).toMatchObject({
        status: "not-affected",
        level: "verified",
        reason: expect.stringContaining("the log's lines are node worker-2's"),
      });
    // Prompts of other shapes end the earlier prompt's reach and name their host (review 36d: Flatcar's, Photon's, fish's,
    // a host-only one, PowerShell running ssh were read as the first prompt's machine).
    for (const prompt of [
      "core@worker-2 ~ $ sudo crictl logs 3f2a1b",
      "root@worker-2 [ ~ ]# crictl logs 3f2a1b",
      "admin@worker-2 ~> sudo crictl logs 3f2a1b",
      "worker-2 ~ # crictl logs 3f2a1b",
      "worker-2% sudo crictl logs 3f2a1b",
      "PS C:\\Users\\admin> ssh worker-2 sudo crictl logs 3f2a1b",
      "\u279c  ~ ssh worker-2 sudo crictl logs 3f2a1b",
    ])
      expect(verdictOf(`${fleet}${prompt}\n${CRICTL}`), prompt).toMatchObject({
        status: "not-affected",
        reason: expect.stringContaining("the log's lines are node worker-2's"),
      });
    // worker-1's own lines, on its kernel in range.
    expect(verdictOf(`${fleet}ubuntu@worker-1:~$ sudo crictl logs 3f2a1b\n${CRICTL}`)).toMatchObject({ status: "affected" });
  });
});

describe("a one-row nodes table beside another machine's lines (review 36d)", () => {
  it("judges the lines on no row when their host is no node of the table", () => {
    const table = `admin@k8s-cp-1:~$ kubectl get nodes -o wide
NAME       STATUS   ROLES           AGE    VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION       CONTAINER-RUNTIME
k8s-cp-1   Ready    control-plane   412d   v1.30.4   10.0.0.10     <none>        Ubuntu 22.04.5 LTS   5.15.0-126-generic   containerd://1.7.12
`;
    expect(
      verdictOf(`${table}admin@k8s-cp-1:~$ ssh worker-2 sudo journalctl -u kube-proxy\n${xorMarkJournaldOf("worker-2")}`),
    ).toMatchObject({
      status: "unknown",
      reason: expect.stringContaining("which the nodes table does not list"),
    });
    // The row's own lines are judged on it.
    expect(verdictOf(`${table}admin@k8s-cp-1:~$ sudo journalctl -u kube-proxy\n${xorMarkJournaldOf("k8s-cp-1")}`)).toMatchObject({
      status: "not-affected",
    });
  });

  it("judges lines that came through the cluster on its nodes, not on a laptop's uname or readings (review 44a F4)", () => {
    const table = `me@laptop:~$ kubectl get nodes -o wide
NAME    STATUS   ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION       CONTAINER-RUNTIME
web-2   Ready    <none>   40d   v1.24.1   10.0.1.12     <none>        Ubuntu 22.04.5 LTS   5.15.0-126-generic   containerd://1.6.4
`;
    // The laptop's kernel is in the MARK regression's range, the one node's is not: kube-proxy's log is the node's.
    const laptop = `me@laptop:~$ uname -a\n${unameJammy127("laptop")}\n`;
    expect(verdictOf(`${table}${laptop}me@laptop:~$ kubectl logs -n kube-system kube-proxy-7xk2p\n${CRICTL}`)).toMatchObject({
      status: "not-affected",
      reason: expect.stringContaining(
        "the log's lines came through the cluster, from one of its nodes; the paste's own output is laptop's",
      ),
    });
    // The laptop's containerd 1.6.3 beside the node's 1.6.4, the sandbox failure in the cluster's events or a pod's description.
    const CNI =
      'plugin type="loopback" failed (add): incompatible CNI versions; config is "1.0.0", plugin supports ["0.1.0" "0.2.0" "0.3.0" "0.3.1" "0.4.0"]';
    const reading = "me@laptop:~$ containerd --version\ncontainerd containerd.io 1.6.3 a05d175400b1145e5e6a735a6710579d181e7fb0\n";
    for (const command of ["kubectl get events", "kubectl describe pod web-0"]) {
      const event = `me@laptop:~$ ${command}\n2m  Warning  FailedCreatePodSandBox  pod/web-0  Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "abc": ${CNI}`;
      const cni = diagnoseBundle(kb, `${table}${reading}${event}`).findings.find((f) => f.id === "containerd-1.6.3-loopback-cni-1.0.0");
      expect(cni?.verdict, command).toMatchObject({
        status: "not-affected",
        reason: expect.stringMatching(/^node web-2: containerd: fixed in 1\.6\.4/),
      });
      // A reading at a node's own prompt is that node's, and stays.
      const atNode = `${table.replace("me@laptop", "me@web-2")}${reading.replace("me@laptop", "me@web-2")}${event}`;
      expect(diagnoseBundle(kb, atNode).findings.find((f) => f.id === cni?.id)?.verdict.reason, command).not.toMatch(/through the cluster/);
    }
  });
});

describe("a pod's node, as the cluster's output names it", () => {
  const CNI =
    'plugin type="loopback" failed (add): incompatible CNI versions; config is "1.0.0", plugin supports ["0.1.0" "0.2.0" "0.3.0" "0.3.1" "0.4.0"]';
  const sandbox = `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "abc": ${CNI}`;
  const cniVerdict = (text: string) =>
    diagnoseBundle(kb, text).findings.find((f) => f.id === "containerd-1.6.3-loopback-cni-1.0.0")?.verdict;
  const reading = (prompt: string, version: string) =>
    `${prompt} containerd --version\ncontainerd containerd.io ${version} a05d175400b1145e5e6a735a6710579d181e7fb0`;
  const describe = (prompt: string, node: string) =>
    `${prompt} kubectl describe pod web-0\nName:         web-0\nNamespace:    default\nNode:         ${node}\nEvents:\n  Warning  FailedCreatePodSandBox  2m  kubelet  ${sandbox}`;
  const rows = [
    "NAME    STATUS   ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION      CONTAINER-RUNTIME",
    "web-1   Ready    <none>   40d   v1.24.1   10.0.1.11     <none>        Ubuntu 22.04.3 LTS   5.15.0-88-generic   containerd://1.6.3",
    "web-2   Ready    <none>   40d   v1.24.1   10.0.1.12     <none>        Ubuntu 22.04.3 LTS   5.15.0-88-generic   containerd://1.6.4",
  ].join("\n");

  it("judges a described pod's events on the node its `Node:` field names (review 44a)", () => {
    // No table: the laptop's containerd is not web-2's, in range or past the fix.
    for (const version of ["1.6.3", "1.6.4"])
      expect(cniVerdict([reading("me@laptop:~$", version), describe("me@laptop:~$", "web-2/10.0.1.12")].join("\n")), version).toMatchObject(
        {
          status: "unknown",
          reason: expect.stringContaining(
            "no version of web-2 is given: the log's lines are web-2's, and the paste's own output is laptop's",
          ),
        },
      );
    // Read at web-2's own prompt, its version decides.
    expect(cniVerdict([reading("me@web-2:~$", "1.6.3"), describe("me@web-2:~$", "web-2/10.0.1.12")].join("\n"))?.status).toBe("affected");
    // Beside a table: web-2's row, not web-1's in range.
    expect(cniVerdict(`$ kubectl get nodes -o wide\n${rows}\n${describe("$", "web-2/10.0.1.12")}`)).toMatchObject({
      status: "not-affected",
      reason: expect.stringContaining("the log's lines are node web-2's, and node web-1: containerd is in range"),
    });
    // A pod no node runs (`<none>`) names none: one of the cluster's nodes.
    expect(cniVerdict(`$ kubectl get nodes -o wide\n${rows}\n${describe("$", "<none>")}`)?.reason).not.toContain("node web-2's");
    // The command's flags before the resource (review 45a F7: the wrong node's "high, affected, certain" came back).
    const namespaced = describe("$", "web-2/10.0.1.12").replace("describe pod", "describe -n prod pod");
    expect(cniVerdict(`$ kubectl get nodes -o wide\n${rows}\n${namespaced}`)?.status).toBe("not-affected");
    // A node the table does not list is a machine off it, whose version is not given (review 45a F2: "not affected,
    // certain" on the other row), and the laptop's reading is not its.
    const oneRow = rows.split("\n").slice(0, 2).join("\n");
    expect(
      cniVerdict(
        `me@laptop:~$ kubectl get nodes -o wide\n${oneRow}\n${reading("me@laptop:~$", "1.6.3")}\n${describe("me@laptop:~$", "web-2")}`,
      ),
    ).toMatchObject({
      status: "unknown",
      reason: expect.stringContaining("no version of web-2 is given; the log's lines are web-2's, which the nodes table does not list"),
    });
    // A journal's line after the description names its own host: the description's node is not its (review 45a F3).
    const journal = `Dec 04 10:01:02 web-1 containerd[812]: ${CNI}`;
    expect(
      cniVerdict(`$ kubectl get nodes -o wide\n${rows}\n${describe("$", "web-2").split("\nEvents:")[0]}\n${journal}`)?.status,
    ).not.toBe("not-affected");
  });

  it("judges a pod's logs on the node the pod's own description names (review 50d F1)", () => {
    // The CNI error as the pod's own output (an init container's log, say), fetched through the cluster.
    const podLog = (command: string) => `$ ${command}\n${sandbox}`;
    const placed = (node: string, logs: string) =>
      `$ kubectl get nodes -o wide\n${rows}\n${describe("$", `${node}/10.0.1.12`).split("\nEvents:")[0]}\n${podLog(logs)}`;
    for (const logs of ["kubectl logs web-0", "kubectl logs -p pod/web-0 -c init --tail 20", "oc logs web-0 | tail -5"]) {
      expect(cniVerdict(placed("web-2", logs)), logs).toMatchObject({
        status: "not-affected",
        reason: expect.stringContaining("the log's lines are node web-2's"),
      });
      expect(cniVerdict(placed("web-1", logs)), logs).toMatchObject({ status: "affected", reason: expect.stringContaining("node web-1") });
    }
    // Another pod's logs (another name, or the same name in another namespace: review 50e F3), or a pod described twice on
    // two nodes, stay any node's (in range on web-1: affected, not certain).
    for (const text of [
      placed("web-2", "kubectl logs web-1-7f9c"),
      placed("web-2", "kubectl logs -n prod web-0"),
      `${placed("web-2", "kubectl logs web-0")}\n${describe("$", "web-1/10.0.1.11").split("\nEvents:")[0]}\n${podLog("kubectl logs web-0")}`,
    ])
      expect(cniVerdict(text)?.reason).not.toContain("the log's lines are node web-2's");
    // Named the same way in both commands, a namespace places it.
    const prod = placed("web-2", "kubectl logs -n prod web-0").replace(
      "kubectl describe pod web-0",
      "kubectl describe pod web-0 --namespace=prod",
    );
    expect(cniVerdict(prod)?.reason).toContain("the log's lines are node web-2's");
  });

  it("judges a pod's logs on the node a `get pods -o wide` table places it (review 50e F4)", () => {
    const pods = (node1: string, flags = "-n kube-system") => `$ kubectl ${flags} get pods -o wide
NAME            READY   STATUS    RESTARTS      AGE   IP           NODE    NOMINATED NODE   READINESS GATES
web-0           1/1     Running   2 (3h ago)    40d   10.0.1.11    ${node1}   <none>           <none>
web-1           1/1     Running   0             40d   10.0.1.12    web-1   <none>           <none>`;
    const logs = (flags = "-n kube-system") => `$ kubectl ${flags} logs web-0\n${sandbox}`;
    const table = `$ kubectl get nodes -o wide\n${rows}`;
    expect(cniVerdict(`${table}\n${pods("web-2")}\n${logs()}`)).toMatchObject({
      status: "not-affected",
      reason: expect.stringContaining("the log's lines are node web-2's"),
    });
    expect(cniVerdict(`${table}\n${pods("web-1")}\n${logs()}`)?.reason).toContain("node web-1");
    // Another namespace's pod of that name is not placed by it.
    expect(cniVerdict(`${table}\n${pods("web-2")}\n${logs("-n prod")}`)?.reason).not.toContain("the log's lines are node web-2's");
    // A command line longer than anyone types is not read as one (review 50h F1: the pattern's cost grew with it).
    const padded = `${pods("web-2").replace("get pods -o wide", `get pods -o wide -l ${"x".repeat(1_000)}`)}`;
    expect(cniVerdict(`${table}\n${padded}\n${logs()}`)?.reason).not.toContain("the log's lines are node web-2's");
    // A namespace kubens, set-context or `oc project` chose names the commands after it (review 51b F4).
    const prodAndStaging = `$ kubectl get pods -A -o wide
NAMESPACE    NAME    READY   STATUS    RESTARTS   AGE   IP           NODE    NOMINATED NODE   READINESS GATES
prod         web-0   1/1     Running   0          40d   10.0.1.11    web-2   <none>           <none>
staging      web-0   1/1     Running   0          40d   10.0.1.12    web-1   <none>           <none>`;
    for (const choose of [
      "kubens prod",
      "kubectl config set-context --current --namespace=prod",
      "kubectl config set-context $(kubectl config current-context) --namespace prod",
      "oc project prod",
    ]) {
      const chosen = `${table}\n${prodAndStaging}\n$ ${choose}\n${logs("")}`;
      expect(cniVerdict(chosen)?.reason, choose).toContain("the log's lines are node web-2's");
      expect(
        cniVerdict(chosen.replace(/prod$/m, "staging").replace(/--namespace[= ]prod/, "--namespace=staging"))?.reason,
        choose,
      ).toContain("node web-1");
    }
    // Back to a namespace the paste does not show: no pod of the table is that one.
    expect(cniVerdict(`${table}\n${prodAndStaging}\n$ kubens -\n${logs("")}`)?.reason).not.toContain("the log's lines are node web-2's");
    // Its rows without the header (`-A … | grep`, review 50g F3), each namespace first.
    const grepped = `$ kubectl get pods -A -o wide | grep web-\nkube-system   web-0   1/1   Running   0   40d   10.0.1.11   web-2   <none>   <none>\nkube-system   web-1   1/1   Running   0   40d   10.0.1.12   web-1   <none>   <none>`;
    expect(cniVerdict(`${table}\n${grepped}\n${logs()}`)?.reason).toContain("the log's lines are node web-2's");
  });

  it("judges an event about a pod on the node a `get pods -o wide` table places that pod (review 53c F3)", () => {
    const table = `$ kubectl get nodes -o wide\n${rows}`;
    const events = (flags: string, ns: string) =>
      `$ kubectl get events ${flags} --field-selector type=Warning\n${ns ? "NAMESPACE   " : ""}LAST SEEN   TYPE      REASON                   OBJECT      MESSAGE\n${ns ? `${ns.padEnd(12)}` : ""}2m          Warning   FailedCreatePodSandBox   pod/web-0   ${sandbox}`;
    const placed = (node: string) =>
      `$ kubectl -n prod get pod web-0 -o wide\nNAME    READY   STATUS              RESTARTS   AGE   IP       NODE    NOMINATED NODE   READINESS GATES\nweb-0   0/1     ContainerCreating   0          2m    <none>   ${node}   <none>           <none>`;
    // The pod is web-2's (1.6.4): not web-1's 1.6.3, "affected", certain.
    for (const [flags, ns] of [
      ["-A", "prod"],
      ["-n prod", ""],
    ] as const) {
      expect(cniVerdict(`${table}\n${events(flags, ns)}\n${placed("web-2")}`), flags).toMatchObject({
        status: "not-affected",
        reason: expect.stringContaining("the log's lines are node web-2's"),
      });
      expect(cniVerdict(`${table}\n${events(flags, ns)}\n${placed("web-1")}`), flags).toMatchObject({ status: "affected" });
    }
    // Another namespace's pod of that name places nothing.
    expect(cniVerdict(`${table}\n${events("-n staging", "")}\n${placed("web-2")}`)?.reason).not.toContain(
      "the log's lines are node web-2's",
    );
    // `kubectl events` (1.26 on) prints the object's kind capitalised (review 53e F4).
    const newer = `$ kubectl events -n prod --types=Warning\nLAST SEEN   TYPE      REASON                   OBJECT      MESSAGE\n2m          Warning   FailedCreatePodSandBox   Pod/web-0   ${sandbox}`;
    expect(cniVerdict(`${table}\n${newer}\n${placed("web-2")}`)?.reason).toContain("the log's lines are node web-2's");
  });

  it("judges every command naming its pod on the node any placement in the paste gives it (review 70b F1)", () => {
    const table = `$ kubectl get nodes -o wide\n${rows}`;
    const pods = (node: string) =>
      `$ kubectl get pods -o wide\nNAME    READY   STATUS              RESTARTS   AGE   IP       NODE    NOMINATED NODE   READINESS GATES\nweb-0   0/1     ContainerCreating   0          12m   <none>   ${node}   <none>           <none>`;
    const scheduled = (node: string) =>
      `  Normal   Scheduled               12m                default-scheduler  Successfully assigned default/web-0 to ${node}`;
    const failed = `  Warning  FailedCreatePodSandBox  2m (x41 over 12m)  kubelet            ${sandbox}`;
    // `describe pod` trimmed to its events: the pod listing places it, or its own Scheduled event does.
    const onWeb2 = { status: "not-affected", reason: expect.stringContaining("the log's lines are node web-2's") };
    expect(cniVerdict(`${table}\n${pods("web-2")}\n$ kubectl describe pod web-0 | tail -1\n${failed}`)).toMatchObject(onWeb2);
    expect(
      cniVerdict(`${table}\n$ kubectl describe pod web-0 | grep -A3 Events:\nEvents:\n${scheduled("web-2")}\n${failed}`),
    ).toMatchObject(onWeb2);
    // A command run in the pod prints its node's output; so does an event row of `get events`, placed by its Scheduled row.
    expect(cniVerdict(`${table}\n${pods("web-2")}\n$ kubectl exec -it web-0 -c cni -- tail -1 /var/log/cni.log\n${sandbox}`)).toMatchObject(
      onWeb2,
    );
    const events = `$ kubectl get events\nLAST SEEN   TYPE      REASON                   OBJECT      MESSAGE\n12m         Normal    Scheduled                pod/web-0   Successfully assigned default/web-0 to web-2\n2m          Warning   FailedCreatePodSandBox   pod/web-0   ${sandbox}`;
    expect(cniVerdict(`${table}\n${events}`)).toMatchObject(onWeb2);
    // Placed on web-1, in range: affected there.
    expect(cniVerdict(`${table}\n${pods("web-1")}\n$ kubectl describe pod web-0 | tail -1\n${failed}`)).toMatchObject({
      status: "affected",
      reason: expect.stringContaining("node web-1"),
    });
    // Another pod's Scheduled event places nothing of web-0's.
    const other = `${table}\n$ kubectl describe pod web-0 | tail -2\n${scheduled("web-2").replace("web-0", "web-9")}\n${failed}`;
    expect(cniVerdict(other)?.reason).not.toContain("the log's lines are node web-2's");
  });

  it("never calls the cluster's unplaced output certainly affected beside a node outside the range (review 70b F1)", () => {
    // No placement: the pod may be on web-2, past the fix, as well as on web-1, in range.
    const unplaced = `$ kubectl get nodes -o wide\n${rows}\n$ kubectl describe pod web-0 | tail -1\n  Warning  FailedCreatePodSandBox  2m  kubelet  ${sandbox}`;
    expect(cniVerdict(unplaced)).toMatchObject({
      status: "affected",
      certain: false,
      reason: expect.stringContaining("the paste does not place them on a node: they may be web-2's, whose versions are outside the range"),
    });
    // Every node in range: affected, as before, certain.
    const inRange = unplaced.replace("containerd://1.6.4", "containerd://1.6.3");
    expect(cniVerdict(inRange)?.certain).not.toBe(false);
    expect(cniVerdict(inRange)?.reason).not.toContain("may be");
  });

  it("judges the cluster's output with no table on the paste's own versions as ones that may not be the failing node's (review 45a F11)", () => {
    for (const command of ["kubectl get events", "kubectl logs web-0"]) {
      const events = `me@laptop:~$ ${command}\n2m  Warning  FailedCreatePodSandBox  pod/web-0  ${sandbox}`;
      // Past the fix: it rules nothing out ("not affected, certain" before).
      expect(cniVerdict(`${reading("me@laptop:~$", "1.6.4")}\n${events}`), command).toMatchObject({
        status: "unknown",
        reason: expect.stringContaining("perhaps from another machine than the one the paste read"),
      });
      // In range: affected, not certain.
      expect(cniVerdict(`${reading("me@laptop:~$", "1.6.3")}\n${events}`), command).toMatchObject({ status: "affected", certain: false });
    }
  });

  it("judges lines a bare shell's `kubectl logs` fetched on that shell's versions as ones that may not be the pod's node's (review 59d F1)", () => {
    // kube-proxy's EKS log fetched from a workstation, beside the workstation's own `docker info` (Fedora 41, in range).
    const laptop = (kernel: string) =>
      [
        "$ kubectl logs -n kube-system kube-proxy-7xk2p --tail=3",
        'E1113 16:15:07.931291       1 proxier.go:1481] "Failed to execute iptables-restore" err=<',
        '        exit status 2: ip6tables-restore v1.8.4 (legacy): unknown option "--xor-mark"',
        "$ docker info",
        "Server:",
        " Server Version: 27.3.1",
        ` Kernel Version: ${kernel}`,
        " Operating System: Fedora Linux 41 (Workstation Edition)",
      ].join("\n");
    const verdict = (kernel: string) => verdictOf(laptop(kernel));
    expect(verdict("6.11.5-300.fc41.x86_64")).toMatchObject({ status: "affected", certain: false });
    // Past the fix, the laptop's kernel rules nothing out beside the bug's own line ("not affected, certain" before).
    expect(verdict("6.11.10-300.fc41.x86_64")?.status).toBe("unknown");
  });

  it("rules nothing out on machines read one by one beside lines fetched through the cluster (review 67e F1)", () => {
    // A fan-out's unames are the machines it reached, not the cluster: the pod may run on one it did not.
    const fetchedLog = ["$ kubectl -n kube-system logs kube-proxy-7xk2p", CRICTL].join("\n");
    const ansible = (kernel: string) =>
      [
        "$ ansible workers -m shell -a 'uname -r'",
        "worker-1 | CHANGED | rc=0 >>",
        kernel,
        "worker-2 | CHANGED | rc=0 >>",
        kernel,
        "worker-3 | UNREACHABLE! => {",
        '    "changed": false,',
        '    "unreachable": true',
        "}",
        fetchedLog,
      ].join("\n");
    const pdsh = (kernel: string) =>
      ["[admin@bastion ~]$ pdsh -w worker-[1-2] uname -r", `worker-1: ${kernel}`, `worker-2: ${kernel}`, fetchedLog].join("\n");
    for (const paste of [ansible, pdsh]) {
      expect(verdictOf(paste("5.15.0-126-generic")), paste("")).toMatchObject({
        status: "unknown",
        reason: expect.stringContaining("came through the cluster"),
      });
      // In range on every machine read: affected, as a reading that may not be the failing machine's.
      expect(verdictOf(paste("5.15.0-127-generic"))).toMatchObject({ status: "affected", certain: false });
    }
    // A nodes table lists the whole cluster: its rows still decide.
    const table = [
      "$ kubectl get nodes -o wide",
      "NAME       STATUS   ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION       CONTAINER-RUNTIME",
      "worker-1   Ready    <none>   9d    v1.31.2   10.0.1.11     <none>        Ubuntu 22.04.5 LTS   5.15.0-126-generic   containerd://1.7.22",
      "worker-2   Ready    <none>   9d    v1.31.2   10.0.1.12     <none>        Ubuntu 22.04.5 LTS   5.15.0-126-generic   containerd://1.7.22",
      fetchedLog,
    ].join("\n");
    expect(verdictOf(table)?.status).toBe("not-affected");
  });

  it("judges a laptop's own line on the laptop's own reading beside several rows (review 45a F9)", () => {
    const laptop = `${reading("me@laptop:~$", "1.6.3")}\nme@laptop:~$ sudo crictl logs 1a2b3c\n${CNI}`;
    const pastFix = rows.replace("containerd://1.6.3", "containerd://1.6.4");
    // Before: unknown, "no version of laptop is given", beside the laptop's own `containerd --version`.
    expect(cniVerdict(`me@laptop:~$ kubectl get nodes -o wide\n${pastFix}\n${laptop}`)).toMatchObject({
      status: "affected",
      reason: expect.stringContaining("judged on the versions read at laptop's prompt"),
    });
    // The rows' versions still judge nothing of it.
    expect(cniVerdict(`me@laptop:~$ kubectl get nodes -o wide\n${pastFix}\n${laptop.replace("1.6.3 a05", "1.6.4 a05")}`)?.status).toBe(
      "not-affected",
    );
  });

  it("leaves the cluster's output undecided beside a bare reading every row contradicts (review 45a F5)", () => {
    const events = `$ kubectl get events\n2m  Warning  FailedCreatePodSandBox  pod/web-0  ${sandbox}`;
    const pastFix = rows.replace("containerd://1.6.3", "containerd://1.6.4");
    expect(cniVerdict(`$ kubectl get nodes -o wide\n${pastFix}\n${reading("$", "1.6.3")}\n${events}`)).toMatchObject({
      status: "unknown",
      reason: expect.stringContaining("they came through the cluster, from one of its nodes"),
    });
    // A bare reading a row agrees with is that node's, perhaps: the rows decide as before.
    expect(cniVerdict(`$ kubectl get nodes -o wide\n${pastFix}\n${reading("$", "1.6.4")}\n${events}`)?.status).toBe("not-affected");
  });

  it("judges an event on the node its source names (`kubelet, web-2`), as older kubectl prints it", () => {
    const events = `$ kubectl get events\nLAST SEEN   TYPE      REASON                   OBJECT      SOURCE           MESSAGE\n2m          Warning   FailedCreatePodSandBox   pod/web-0   kubelet, web-2   ${sandbox}`;
    expect(cniVerdict(`$ kubectl get nodes -o wide\n${rows}\n${events}`)).toMatchObject({
      status: "not-affected",
      reason: expect.stringContaining("the log's lines are node web-2's"),
    });
    expect(cniVerdict(`$ kubectl get nodes -o wide\n${rows}\n${events.replace("kubelet, web-2", "kubelet, web-1")}`)).toMatchObject({
      status: "affected",
    });
  });
});

describe("prompts and commands that name no node (review 36e)", () => {
  const row = (name: string, kernel: string) =>
    `${name.padEnd(9)}Ready    <none>          9d    v1.30.4   10.0.0.${name.length}     <none>        Ubuntu 22.04.5 LTS   ${kernel}   containerd://1.7.12`;
  const header =
    "NAME     STATUS   ROLES           AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION       CONTAINER-RUNTIME";

  it("reads a shell's own version prompt (sh-4.2$, bash-5.1#) as no host", () => {
    for (const prompt of ["sh-4.2$", "bash-5.1#"])
      expect(
        verdictOf(`${prompt} uname -a\n${unameJammy127("ip-10-0-2-41")}\n${prompt} sudo crictl logs 3f2a1b\n${CRICTL}`),
        prompt,
      ).toMatchObject({
        status: "affected",
      });
  });

  it("takes a laptop's prompt running a command on a node (minikube ssh) as no printer, not a machine off the table", () => {
    const table = `me@laptop:~$ kubectl get nodes -o wide\n${header}\n${row("minikube", "5.15.0-127-generic")}\n`;
    expect(verdictOf(`${table}me@laptop:~$ minikube ssh -- sudo crictl logs 3f2a1b\n${CRICTL}`)).toMatchObject({
      status: "affected",
      reason: expect.stringMatching(/^node minikube /),
    });
  });

  it("ends kubectl get nodes' reach at its table: a node's log pasted after it is not the prompt's machine's", () => {
    const table = `admin@k8s-cp-1:~$ kubectl get nodes -o wide\n${header}\n${row("k8s-cp-1", "5.15.0-126-generic")}\n${row("worker-2", "5.15.0-127-generic")}\n`;
    const verdict = verdictOf(`${table}\nAnd this is the kube-proxy log on worker-2:\n${CRICTL}`);
    expect(verdict?.status).not.toBe("not-affected");
  });
});

describe("a node's own root reached through `kubectl debug node/NAME` (review 53c F2)", () => {
  const uname = (host: string, abi: number) =>
    `Linux ${host} 6.8.0-${abi}-generic #${abi + 2}-Ubuntu SMP PREEMPT_DYNAMIC Wed Feb 12 23:42:21 UTC 2025 x86_64 x86_64 x86_64 GNU/Linux`;
  const session = (kernel: string) => `me@laptop:~$ kubectl debug node/worker-2 -it --image=busybox
Creating debugging pod node-debugger-worker-2-6xkq2 with container debugger on node worker-2.
If you don't see a command prompt, try pressing enter.
/ # chroot /host
# uname -r
${kernel}
# crictl logs --tail 4 $(crictl ps -q --name kube-proxy)
${XOR_MARK_KLOG}
# exit
/ # exit
me@laptop:~$`;
  const mark = (text: string) => diagnoseBundle(kb, text).findings.find((f) => f.id === "xt-mark-ipv6-typo-2024")?.verdict;

  it("judges the lines read there on that node's kernel, not the laptop's", () => {
    // The laptop's 6.8.0-55 is before the range, the node's 6.8.0-57 in it: the node's decides.
    const paste = `me@laptop:~$ uname -a\n${uname("laptop", 55)}\n${session("6.8.0-57-generic")}`;
    expect(mark(paste)).toMatchObject({ status: "affected" });
    expect(mark(paste)?.reason).toContain("the log's lines are worker-2's");
    // The shell asked for on the command line (`-- chroot /host`, review 53e F5: "2 kernels").
    const oneLiner = paste.replace("--image=busybox\n", "--image=busybox -- chroot /host\n").replace("/ # chroot /host\n", "");
    expect(oneLiner).toContain("-- chroot /host");
    expect(mark(oneLiner)).toMatchObject({ status: "affected" });
    // And the other way round: the node's kernel before the range rules it out, whatever the laptop runs.
    expect(mark(`me@laptop:~$ uname -a\n${uname("laptop", 57)}\n${session("6.8.0-55-generic")}`)?.status).toBe("not-affected");
  });

  it("reads a uname in the debugging pod without chroot as the node's kernel, and its os-release as the image's (review 53e F5)", () => {
    // Any container shares its host's kernel, and the debugging pod's host is the node: its `uname -r` is worker-2's, and
    // /host holds worker-2's files (before: "2 kernels", undecided).
    const pod = (image: string, prompt: string, kernel: string, laptop = 55) => `me@laptop:~$ uname -a\n${uname("laptop", laptop)}
me@laptop:~$ kubectl debug node/worker-2 -it --image=${image}
Creating debugging pod node-debugger-worker-2-6xkq2 with container debugger on node worker-2.
${prompt}uname -r
${kernel}
${prompt}tail -n 4 /host/var/log/pods/kube-system_kube-proxy-7x2kq_0a1b/kube-proxy/0.log
${XOR_MARK_KLOG}
${prompt}exit
me@laptop:~$`;
    for (const [image, prompt] of [
      ["busybox", "/ # "],
      ["ubuntu", "root@worker-2:/# "],
    ] as const) {
      expect(mark(pod(image, prompt, "6.8.0-57-generic")), image).toMatchObject({
        status: "affected",
        reason: expect.stringContaining("worker-2"),
      });
      expect(mark(pod(image, prompt, "6.8.0-55-generic", 57))?.status, image).toBe("not-affected");
    }
    // The image's own os-release is no machine's.
    const release = pod("ubuntu", "root@worker-2:/# ", "6.8.0-57-generic").replace(
      "root@worker-2:/# exit",
      'root@worker-2:/# cat /etc/os-release\nNAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.20.3\nroot@worker-2:/# exit',
    );
    expect(extractFacts(release).os?.id).not.toBe("alpine");
  });
});

describe("talosctl's logs, each line after its node (review 54a F2)", () => {
  const MLX5 = "mlx5-esw-port-metadata-null-deref-6.6.28-talos-1.7.0";
  const row = (name: string, ip: string, talos: string, kernel: string) =>
    `${name.padEnd(15)} Ready      <none>          41d   v1.30.0   ${ip.padEnd(14)} <none>        Talos (v${talos})   ${kernel.padEnd(16)} containerd://1.7.16`;
  const paste = (node: string, rows: string[]) => `$ kubectl get nodes -o wide
NAME            STATUS     ROLES           AGE   VERSION   INTERNAL-IP    EXTERNAL-IP   OS-IMAGE         KERNEL-VERSION   CONTAINER-RUNTIME
${rows.join("\n")}

$ talosctl -n ${node} dmesg
${node}: kern:    alert: [2024-04-19T18:22:01.114364Z]: BUG: unable to handle page fault for address: 0000000000001118
${node}: kern:    alert: [2024-04-19T18:22:01.174498Z]: RIP: 0010:esw_port_metadata_get+0x19/0x30 [mlx5_core]
${node}: kern:    warning: [2024-04-19T18:22:01.359456Z]:  esw_offloads_init+0x181/0x1a0 [mlx5_core]
${node}: kern:    warning: [2024-04-19T18:22:01.364967Z]:  mlx5_eswitch_init+0x4be/0x6e0 [mlx5_core]`;
  const verdict = (text: string) => diagnoseBundle(kb, text).findings.find((f) => f.id === MLX5)?.verdict;

  it("judges a node the table does not list on nothing of the table's (before: the lone row's Talos 1.7.1, 'not affected')", () => {
    const fixed = row("talos-cp-1", "10.5.0.2", "1.7.1", "6.6.29-talos");
    for (const node of ["10.5.0.7", "talos-w-2"])
      expect(verdict(paste(node, [fixed])), node).toMatchObject({
        status: "unknown",
        reason: expect.stringContaining(`the log's lines are ${node}'s`),
      });
    // Without -n (the context's default nodes) each line still names its node (review 54b F5).
    const bare = paste("10.5.0.7", [fixed]).replace("talosctl -n 10.5.0.7 dmesg", "talosctl dmesg");
    expect(verdict(bare)).toMatchObject({ status: "unknown", reason: expect.stringContaining("the log's lines are 10.5.0.7's") });
    // The node the prefix names, by its address, when the table lists it.
    const broken = row("talos-w-1", "10.5.0.3", "1.7.0", "6.6.28-talos");
    expect(verdict(paste("10.5.0.3", [fixed, broken]))?.reason).toContain("node talos-w-1");
  });
});

describe("a heading naming another machine than the paste's own (review 54a F2)", () => {
  const NFSD = "nfsd-show-gpf-6.8.10";
  // Fedora 40's 6.8.12-300.fc40 is past the nfsd_show fix: the lone node's kernel says nothing of the NFS server's oops.
  const TABLE = `$ kubectl get nodes -o wide
NAME    STATUS   ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION           CONTAINER-RUNTIME
k8s-1   Ready    <none>   12d   v1.29.5   10.0.0.21     <none>        Fedora CoreOS 40.20240602.3.0    6.8.12-300.fc40.x86_64   cri-o://1.29.4`;
  const UNAME = "$ uname -a\nLinux k8s-1 6.8.12-300.fc40.x86_64 #1 SMP PREEMPT_DYNAMIC Thu May 30 16:26:00 UTC 2024 x86_64 GNU/Linux";
  const OOPS = `[ 9114.607417] BUG: kernel NULL pointer dereference, address: 0000000000000068
[ 9114.622013] Oops: 0000 [#16] PREEMPT SMP PTI
[ 9114.638561] RIP: 0010:nfsd_show+0x39/0x18e [nfsd]`;
  const verdict = (text: string) => diagnoseBundle(kb, text).findings.find((f) => f.id === NFSD)?.verdict;

  it("takes the part under it for that machine's, whose versions no one gave (before: 'not affected', certain, on the row)", () => {
    for (const own of [TABLE, UNAME])
      expect(verdict(`${own}\n\n### nfs-gw\n\`\`\`\n${OOPS}\n\`\`\``), own).toMatchObject({
        status: "unknown",
        reason: expect.stringMatching(/no version of nfs-gw is given/),
      });
    // An address the table's INTERNAL-IP column does not list is another machine too (review 54b F3).
    expect(verdict(`${TABLE}\n\n### 10.0.0.9\n${OOPS}`)).toMatchObject({
      status: "unknown",
      reason: expect.stringMatching(/no version of 10\.0\.0\.9/),
    });
    // A heading naming the paste's own machine, by name or address, or an environment, changes nothing.
    for (const heading of ["### k8s-1", "### 10.0.0.21", "### production"])
      expect(verdict(`${TABLE}\n\n${heading}\n${OOPS}`), heading).toMatchObject({ status: "not-affected" });
  });
});

describe("kind's nodes are containers (review 36d)", () => {
  it("reads a node container's journal through `docker exec` as that node's, when a row names it", () => {
    const row = (name: string, role: string) =>
      `${name.padEnd(19)}Ready    ${role.padEnd(14)} 5m    v1.30.0   172.18.0.${name.length}    <none>        Debian GNU/Linux 12 (bookworm)   5.15.0-127-generic   containerd://1.7.15`;
    const kind = `me@laptop:~$ kubectl get nodes -o wide
NAME               STATUS   ROLES          AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION       CONTAINER-RUNTIME
${row("kind-control-plane", "control-plane")}
${row("kind-worker2", "<none>")}
me@laptop:~$ docker exec kind-worker2 journalctl -u kube-proxy
${xorMarkJournaldOf("kind-worker2")}`;
    // Judged on the node (its kernel is the laptop's Ubuntu one, whose release the Debian image's OS leaves open).
    expect(verdictOf(kind)?.reason).toMatch(/^node kind-worker2 \(5\.15\.0-127-generic\).*the log's lines are node kind-worker2's/);
    // A command run in the node's container prints that node's lines too, journald or not: the laptop's own containerd
    // judges nothing of them (review 44a F4: "high, affected, certain" on the laptop's 1.6.3 beside the rows' 1.6.4).
    const CNI =
      'plugin type="loopback" failed (add): incompatible CNI versions; config is "1.0.0", plugin supports ["0.1.0" "0.2.0" "0.3.0" "0.3.1" "0.4.0"]';
    const crictl = kind
      .replace(/^kind-control-plane .*\n/m, "")
      .replaceAll("containerd://1.7.15", "containerd://1.6.4")
      .replace(/me@laptop:~\$ docker exec[\s\S]*$/, "")
      .concat(`me@laptop:~$ containerd --version\ncontainerd containerd.io 1.6.3 a05d175400b1145e5e6a735a6710579d181e7fb0\n`)
      .concat(`me@laptop:~$ docker exec -it kind-worker2 crictl logs 1a2b3c\n${CNI}`);
    const cni = diagnoseBundle(kb, crictl).findings.find((f) => f.id === "containerd-1.6.3-loopback-cni-1.0.0")?.verdict;
    expect(cni).toMatchObject({ status: "not-affected", reason: expect.stringContaining("node kind-worker2: containerd: fixed in 1.6.4") });
    // A shell opened in the node's container is a session on that node, as `ssh` into it would be: its prompt's commands
    // print the node's lines (review 44a F4: "high, affected, certain" on the laptop's 1.6.3 through `bash` in it).
    const shell = crictl.replace(
      "me@laptop:~$ docker exec -it kind-worker2 crictl logs 1a2b3c\n",
      "me@laptop:~$ docker exec -it kind-worker2 bash\nroot@kind-worker2:/# crictl logs 1a2b3c\n",
    );
    expect(shell).not.toBe(crictl);
    // Whatever prompt the node's shell prints (BusyBox's `/ #`, a shell's version), or none pasted (review 45a F1: the
    // laptop's containerd decided again, "high, affected, certain").
    for (const prompt of ["root@kind-worker2:/# ", "/ # ", "~ # ", "sh-5.1# ", ""])
      expect(
        diagnoseBundle(kb, shell.replace("root@kind-worker2:/# ", prompt)).findings.find(
          (f) => f.id === "containerd-1.6.3-loopback-cni-1.0.0",
        )?.verdict,
        prompt,
      ).toMatchObject({
        status: "not-affected",
        reason: expect.stringContaining("node kind-worker2: containerd: fixed in 1.6.4"),
      });
  });
});

describe("another kernel in the paste's output", () => {
  it("takes the log's last boot as the kernel its later lines ran: the failing boot pasted after a rollback", () => {
    const rollback = `root@worker-2:~# uname -a\n${unameJammy126("worker-2")}\nroot@worker-2:~# journalctl -b -1 --no-pager | grep -E 'Linux version|xor-mark'
${BANNER_127.replace(" worker-7 ", " worker-2 ")}
${xorMarkJournaldOf("worker-2")}`;
    // The failing boot's own banner names its kernel (review 49g F8; it was "2 kernels", unknown).
    expect(verdictOf(rollback)).toMatchObject({
      status: "affected",
      level: "verified",
      reason: expect.stringContaining('"Linux version" line 4'),
    });
    expect(verdictOf(rollback)?.certain).not.toBe(false);
    // Other lines between the banner and the failure: still its own boot's, as long as no separator comes between.
    expect(
      verdictOf(rollback.replace("5.15.167)\n", "5.15.167)\nDec 01 03:10:09 worker-2 systemd[1]: Started kubelet.service.\n"))?.status,
    ).toBe("affected");
  });

  it("judges a failure on its own boot's banner, in a journal spanning a reboot (review 49g F8)", () => {
    const uname130 = "root@worker-7:~# uname -r\n5.15.0-130-generic";
    // Forward: the 127 boot's banner, its failure, the separator, the 130 boot's banner; `uname -r` read on 130 since.
    const spanning = (mark: string) =>
      `root@worker-7:~# journalctl --since "2 days ago" --no-pager | grep -E 'Linux version|xor-mark|^-- '\n${BANNER_127}\n${xorMarkJournaldOf(
        "worker-7",
      )}\n${mark}\n${BANNER_130}\n${uname130}\n${UBUNTU_2204_OS_RELEASE}`;
    for (const mark of ["-- Boot 4e1d0c6a9b2f47a8b1c3d5e7f9a0b2c4 --", "-- Reboot --"])
      expect(verdictOf(spanning(mark)), mark).toMatchObject({ status: "affected", level: "verified" });
    // Newest first: a boot's banner follows its lines.
    const reversed = `root@worker-7:~# journalctl -r --no-pager | grep -E 'Linux version|xor-mark|^-- '\n${BANNER_130}\n-- Reboot --\n${xorMarkJournaldOf(
      "worker-7",
    )}\n${BANNER_127}\n${uname130}\n${UBUNTU_2204_OS_RELEASE}`;
    expect(verdictOf(reversed)).toMatchObject({ status: "affected", level: "verified" });
    // A separator between the banner and the failure: the failing boot's banner is not in the paste.
    const cut = `root@worker-7:~# journalctl --since "2 days ago" --no-pager\n${BANNER_127}\n-- Reboot --\n${xorMarkJournaldOf("worker-7")}\n${uname130}\n${UBUNTU_2204_OS_RELEASE}`;
    expect(verdictOf(cut)?.reason).not.toContain('"Linux version"');
    // Another machine's banner above the failure (two journals pasted without commands): not the failure's boot.
    const twoHosts = `${BANNER_127.replace(" worker-7 ", " worker-3 ")}\n${xorMarkJournaldOf("worker-7")}\n${uname130}\n${UBUNTU_2204_OS_RELEASE}`;
    expect(verdictOf(twoHosts)?.reason).not.toContain('"Linux version"');
    // A banner in another command's output than the failure's says nothing of the failure's boot.
    const apart = `root@worker-7:~# journalctl -k -b -1 | head -1\n${BANNER_127}\nroot@worker-7:~# journalctl -u kube-proxy --no-pager\n${xorMarkJournaldOf(
      "worker-7",
    )}\n${uname130}`;
    expect(verdictOf(apart)?.reason).not.toContain('"Linux version"');
  });

  it("ends a banner's boot at a panic or where the dmesg clock runs back: two saved dumps grepped together (review 51b F1)", () => {
    // nfsd-show-gpf-6.8.10: fedora:40 kernel 6.8.10-300.fc40 ≤ v < 6.8.12-300.fc40; the first dump's boot ran 6.8.9.
    const nfsd = (text: string) => diagnoseBundle(kb, text).findings.find((f) => f.id === "nfsd-show-gpf-6.8.10")?.verdict;
    const dumps = (between: string, at: string) =>
      `[root@nfs01 ~]# cat /var/crash/*/vmcore-dmesg.txt | grep -E "Linux version|RIP:|nfsd_show|Kernel panic"
[    0.000000] Linux version 6.8.9-300.fc40.x86_64 (mockbuild@a2b1c4e2d0f7) (gcc (GCC) 14.0.1 20240411 (Red Hat 14.0.1-0), GNU ld version 2.41-34.fc40) #1 SMP PREEMPT_DYNAMIC Thu May  2 18:50:49 UTC 2024
[ 8812.402117] RIP: 0010:i40e_clean_rx_irq+0x3a1/0xdd0 [i40e]
${between}[${at}] RIP: 0010:_raw_spin_lock_irqsave+0x19/0x40
[${at}]  nfsd_show+0x4f/0x1d0 [nfsd]
[root@nfs01 ~]# uname -r
6.8.12-300.fc40.x86_64`;
    // The first boot's panic ends it, and a clock back at 4521 s is another boot's ring buffer: the banner is not the nfsd
    // crash's boot (it was "not affected", certain, on 6.8.9).
    for (const paste of [
      dumps("[ 8812.415907] Kernel panic - not syncing: Fatal exception in interrupt\n", "345933.260633"),
      dumps("", " 4521.260633"),
    ])
      expect(nfsd(paste)?.reason).not.toContain('"Linux version"');
    // One boot, its clock running on and its panic after the failure: the banner's boot, whose kernel decides.
    const own = dumps("", "345933.260633").replace(
      "[345933.260633]  nfsd_show+0x4f/0x1d0 [nfsd]",
      "[345933.260633]  nfsd_show+0x4f/0x1d0 [nfsd]\n[345933.290112] Kernel panic - not syncing: Fatal exception\n[345933.290200] Rebooting in 10 seconds..",
    );
    expect(nfsd(own)).toMatchObject({ status: "not-affected", reason: expect.stringContaining('"Linux version"') });
  });

  it("takes a journal's lines before its boot separator as an earlier boot's, not the kernel's read now (review 48g F2)", () => {
    // journalctl across a reboot (no -b, a --since window) separates the boots: "-- Reboot --" up to systemd 247,
    // "-- Boot <id> --" since 248. The fixed 5.15.0-131 read now did not log the lines before it.
    const fixedNow = "admin@worker-2:~$ uname -rv\n5.15.0-131-generic #141-Ubuntu SMP Fri Jan 10 21:18:28 UTC 2025";
    const started = "Jan 13 06:01:15 worker-2 systemd[1]: Started kubelet.service - kubelet: The Kubernetes Node Agent.";
    const across = (mark: string) =>
      `${fixedNow}\n${UBUNTU_2204_OS_RELEASE}\nadmin@worker-2:~$ journalctl -u kube-proxy --since "2 days ago" --no-pager\n${xorMarkJournaldOf("worker-2")}\n${mark}\n${started}`;
    for (const mark of ["-- Boot 4c2c4ffb5a3c4f6e8b1d0e7a9f6b2d11 --", "-- Reboot --"])
      expect(verdictOf(across(mark))).toMatchObject({ status: "unknown", reason: expect.stringContaining("an earlier boot's") });
    // Newest first, the earlier boot follows the separator.
    const reversed = `${fixedNow}\n${UBUNTU_2204_OS_RELEASE}\nadmin@worker-2:~$ journalctl -r -u kube-proxy --no-pager\n${started}\n-- Reboot --\n${xorMarkJournaldOf("worker-2")}`;
    expect(verdictOf(reversed)?.status).toBe("unknown");
    // Lines after the separator are the boot running now; a separator in another command's output says nothing of them.
    const after = `${fixedNow}\n${UBUNTU_2204_OS_RELEASE}\nadmin@worker-2:~$ journalctl -u kube-proxy --no-pager\n-- Reboot --\n${xorMarkJournaldOf("worker-2")}`;
    expect(verdictOf(after)).toMatchObject({ status: "not-affected", level: "verified" });
    expect(verdictOf(after)?.certain).not.toBe(false);
    const elsewhere = `${fixedNow}\n${UBUNTU_2204_OS_RELEASE}\nadmin@worker-2:~$ journalctl -u containerd --no-pager | tail -2\n${started}\n-- Reboot --\nadmin@worker-2:~$ journalctl -b -u kube-proxy --no-pager\n${xorMarkJournaldOf("worker-2")}`;
    expect(verdictOf(elsewhere)).toMatchObject({ status: "not-affected", level: "verified" });
  });

  it("judges no failure on a kernel read in another boot's lines: a banner before the separator (review 49c F1)", () => {
    // No uname: the clean boot's 126 banner, then the separator, then the next boot's failure (which 127 would explain).
    const banner =
      "Dec 01 09:00:02 worker-7 kernel: Linux version 5.15.0-126-generic (buildd@lcy02-amd64-050) (gcc (Ubuntu 11.4.0-1ubuntu1~22.04) 11.4.0, GNU ld (GNU Binutils for Ubuntu) 2.38) #136-Ubuntu SMP Wed Nov 6 10:38:22 UTC 2024 (Ubuntu 5.15.0-126.136-generic 5.15.167)";
    const journal = (mark: string) => `$ journalctl --since "2 days ago" --no-pager\n${banner}\n${mark}\n${xorMarkJournaldOf("worker-7")}`;
    for (const mark of ["-- Boot 9a3c55e1d0f24b6c8e7f1a2b3c4d5e6f --", "-- Reboot --"])
      expect(verdictOf(journal(mark))).toMatchObject({ status: "unknown", reason: expect.stringContaining("another boot's lines") });
    // The same banner in the failing boot's own lines decides.
    expect(verdictOf(journal("Dec 01 09:00:40 worker-7 systemd[1]: Started kube-proxy.service."))).toMatchObject({
      status: "not-affected",
      level: "verified",
    });
    // A failure in the banner's own boot as well is that kernel's (review 49e F5).
    const both = `$ journalctl --since "2 days ago" --no-pager\n${xorMarkJournaldOf("worker-7")}\n-- Reboot --\n${banner}\n${xorMarkJournaldOf("worker-7")}`;
    expect(verdictOf(both)).toMatchObject({ status: "not-affected", level: "verified" });
    expect(verdictOf(both)?.certain).not.toBe(false);
    // An earlier boot's journal read for its banner, the failure from the running boot's.
    const previous = `$ journalctl -b -1 --no-pager | grep 'Linux version'\n${banner}\n$ journalctl -b -u kube-proxy --no-pager\n${xorMarkJournaldOf("worker-7")}`;
    expect(verdictOf(previous)?.status).toBe("unknown");
  });

  it("judges a saved crash on the kernel its own header names, beside the uname of the kernel booted since (review 50b F2)", () => {
    // nfsd-show-gpf-6.8.10: fedora:40 kernel 6.8.10-300.fc40 ≤ v < 6.8.12-300.fc40 (Fedora's build of the fix).
    const nfsd = (text: string) => diagnoseBundle(kb, text).findings.find((f) => f.id === "nfsd-show-gpf-6.8.10")?.verdict;
    const oops = (prefix: string) =>
      [
        "general protection fault, probably for non-canonical address 0x66fb103e19e9cc89: 0000 [#1] PREEMPT SMP NOPTI",
        "CPU: 3 PID: 41872 Comm: nfsstat Not tainted 6.8.10-300.fc40.x86_64 #1",
        "RIP: 0010:_raw_spin_lock_irqsave+0x19/0x40",
        "Call Trace:",
        " <TASK>",
        " __percpu_counter_sum+0xd/0x70",
        " nfsd_show+0x4f/0x1d0 [nfsd]",
        " seq_read_iter+0x11d/0x4d0",
      ]
        .map((l) => `${prefix}${l}`)
        .join("\n");
    const head = `[root@nfs1 ~]# uname -r\n6.8.12-300.fc40.x86_64\n[root@nfs1 ~]# grep PRETTY /etc/os-release\nPRETTY_NAME="Fedora Linux 40 (Server Edition)"`;
    for (const [command, prefix] of [
      ["cat /var/lib/systemd/pstore/1716801112/dmesg.txt", "Panic#1 Part1 <4>[ 3049.26] "],
      ["journalctl -k -b -1 --no-pager | tail -8", "May 27 09:11:52 nfs1 kernel: "],
    ])
      expect(nfsd(`${head}\n[root@nfs1 ~]# ${command}\n${oops(prefix as string)}`), command).toMatchObject({
        status: "affected",
        level: "verified",
        reason: expect.stringContaining("the kernel the crash itself names"),
      });
    // Without prefixes (`journalctl -o cat`, `dmesg -t`), the report's own register lines between header and trace: x86's
    // PKRU and debug registers (review 51b F3: PKRU cut the crash from its header, "2 kernels").
    const registers = ["RSP: 0018:ffffb0c2c1b7fc58 EFLAGS: 00010046", "DR0: 0000000000000000 DR1: 0000000000000000", "PKRU: 55555554"];
    const bare = oops("").replace("Call Trace:", `${registers.join("\n")}\nCall Trace:`);
    expect(nfsd(`${head}\n[root@nfs1 ~]# journalctl -k -b -1 -o cat | grep -A12 "general protection"\n${bare}`)).toMatchObject({
      status: "affected",
      reason: expect.stringContaining("the kernel the crash itself names"),
    });
    // A soft lockup since 6.11 prints its CPU utilisation and module list before its header (review 50i F1): the lockup line
    // (nfs-client-softlockup-6.11's signature) is 10 lines above the kernel it names.
    const lockup = [
      "watchdog: BUG: soft lockup - CPU#2 stuck for 78s! [kworker/u16:7:101418]",
      "CPU#2 Utilization every 4s during lockup:",
      "        #1: 100% system,          0% softirq,          0% hardirq,          0% idle",
      "        #2: 100% system,          1% softirq,          1% hardirq,          0% idle",
      "        #3: 100% system,          0% softirq,          1% hardirq,          0% idle",
      "        #4: 100% system,          0% softirq,          0% hardirq,          0% idle",
      "        #5: 100% system,          0% softirq,          1% hardirq,          0% idle",
      "Modules linked in: bluetooth rpcsec_gss_krb5 auth_rpcgss nfsv4 dns_resolver nfs lockd grace veth xt_nat",
      " fuse qemu_fw_cfg",
      "CPU: 2 UID: 0 PID: 101418 Comm: kworker/u16:7 Not tainted 6.11.5-300.fc41.x86_64 #1",
      "RIP: 0010:nfs_page_group_unlock+0x28/0x40 [nfs]",
    ]
      .map((l) => `Nov 17 15:41:59 coreos kernel: ${l}`)
      .join("\n");
    const softlockup = diagnoseBundle(
      kb,
      `$ uname -r\n6.12.4-200.fc41.x86_64\n$ journalctl -k -b -1 --no-pager | grep -A12 "soft lockup"\n${lockup}`,
    );
    expect(softlockup.findings.find((f) => f.id === "nfs-client-softlockup-6.11")?.verdict.reason).toContain("(6.11.5-300.fc41.x86_64)");
    // A message of another program logged beside the crash is no part of it: the header dates only the kernel's own lines.
    const beside = `${head}\n[root@nfs1 ~]# journalctl -b -1 --no-pager | tail -9\n${oops("May 27 09:11:52 nfs1 kernel: ").replace(
      "May 27 09:11:52 nfs1 kernel:  <TASK>",
      "May 27 09:11:52 nfs1 rpc.mountd[811]: v4.2 client attached\nMay 27 09:11:52 nfs1 kernel:  <TASK>",
    )}`;
    expect(nfsd(beside)?.reason).not.toContain("the kernel the crash itself names");
  });

  it("judges no crash on another crash's header: another ring buffer's report after it, its clock run back (review 50g F1)", () => {
    // Two nodes' ring buffers in one loop: w3's skb_segment crash cut above its header, then w2's finished WARN naming 6.6.50
    // (bpf-adjust-room-gso-skb-segment-bug: linux 6.2 ≤ v < 6.6.44).
    const skb = (text: string) => diagnoseBundle(kb, text).findings.find((f) => f.id === "bpf-adjust-room-gso-skb-segment-bug")?.verdict;
    const crash = [
      "[ 3049.260140] RIP: 0010:skb_segment+0x1167/0x14c0",
      "[ 3049.260160] Call Trace:",
      "[ 3049.260161]  <IRQ>",
      "[ 3049.260170]  ? skb_segment+0x1167/0x14c0",
      "[ 3049.260180]  tcp_gso_segment+0xf1/0x4e0",
      "[ 3049.260186]  skb_mac_gso_segment+0xa7/0x120",
      "[ 3049.260203]  </IRQ>",
      "[ 3049.260206] Kernel panic - not syncing: Fatal exception in interrupt",
    ].join("\n");
    const warn = [
      "[ 812.334120] ------------[ cut here ]------------",
      "[ 812.334124] WARNING: CPU: 1 PID: 2214 at kernel/workqueue.c:3382 __flush_work+0x31a/0x330",
      "[ 812.334230] CPU: 1 PID: 2214 Comm: calico-node Not tainted 6.6.50 #1",
      "[ 812.334236] RIP: 0010:__flush_work+0x31a/0x330",
      "[ 812.334279] ---[ end trace 0000000000000000 ]---",
    ].join("\n");
    const loop = `[root@bastion ~]# for h in k8s-w3 k8s-w2; do ssh $h 'dmesg | tail -n 12'; done\n${crash}\n${warn}`;
    expect(skb(loop)).toMatchObject({ status: "unknown", reason: expect.stringContaining("a crash's header in other lines") });
    // The crash's own header, in its report, decides.
    const own = loop.replace(
      "[ 3049.260140] RIP: 0010:skb_segment",
      "[ 3049.260100] CPU: 5 PID: 0 Comm: swapper/5 Not tainted 6.6.30 #1\n[ 3049.260140] RIP: 0010:skb_segment",
    );
    expect(skb(own)).toMatchObject({ status: "affected", reason: expect.stringContaining("the kernel the crash itself names") });
  });

  it("reads `journalctl -b -0` as the running boot, and a banner and its failure stamped before the build as that boot's (review 50b F4, F5)", () => {
    const fixedNow = "admin@worker-2:~$ uname -rv\n5.15.0-131-generic #141-Ubuntu SMP Fri Jan 10 21:18:28 UTC 2025";
    expect(
      verdictOf(
        `${fixedNow}\n${UBUNTU_2204_OS_RELEASE}\nadmin@worker-2:~$ journalctl -b -0 -u kube-proxy\n${xorMarkJournaldOf("worker-2")}`,
      ),
    ).toMatchObject({ status: "not-affected", level: "verified" });
    // A board without a clock: the 127 boot's banner and failure are stamped 2024-06 (before 127's November build), no
    // separator between them: that boot's kernel logged them.
    const stamped = `$ journalctl -o short-iso -t kernel -t kube-proxy --no-pager | tail -4\n${BANNER_127.replace(
      "Dec 01 03:10:02 worker-7",
      "2024-06-14T18:02:31+0000 worker-7",
    )}\n${xorMarkJournaldOf("worker-7").replace(/^Feb 17 11:12:14/gm, "2024-06-14T18:03:12+0000")}\n${UBUNTU_2204_OS_RELEASE}`;
    expect(stamped).toContain("2024-06-14T18:03:12+0000 worker-7 kube-proxy");
    expect(verdictOf(stamped)).toMatchObject({ status: "affected", level: "verified" });
    expect(verdictOf(stamped)?.certain).not.toBe(false);
  });

  it("judges no failure on a banner of another machine's, file's or rotated log's lines (review 50e F1, F2)", () => {
    // The fixed 130 kernel's banner beside the failure, where nothing ties the two to one boot: unknown, never "not affected".
    const banner130 = (host: string) => BANNER_130.replace(" worker-7 ", ` ${host} `);
    const failure = (host: string) => xorMarkJournaldOf(host);
    // Two hosts' kernel logs concatenated: the banner is worker-3's, the failure worker-7's.
    const twoHosts = `$ cat kern-worker-3.log kern-worker-7.log | grep -E 'Linux version|xor-mark'\n${banner130("worker-3")}\n${failure("worker-7")}`;
    expect(verdictOf(twoHosts)).toMatchObject({
      status: "unknown",
      reason: expect.stringContaining("another machine's, file's, boot's or crash's"),
    });
    // `tail` of two files: each file's part is its own; the banner in one says nothing of the other's lines.
    const dmesgBanner = BANNER_130.slice(BANNER_130.indexOf("Linux version"));
    const tailed = `$ tail -n 3 worker-3.dmesg worker-7.log\n==> worker-3.dmesg <==\n[    0.000000] ${dmesgBanner}\n\n==> worker-7.log <==\n${XOR_MARK_KLOG}`;
    expect(verdictOf(tailed)?.status).toBe("unknown");
    // zgrep over rotated files prints each line under its file: a later boot's banner in kern.log.1, the crash in kern.log.2.gz.
    const prefixed = (file: string, text: string) =>
      text
        .split("\n")
        .map((l) => `${file}:${l}`)
        .join("\n");
    const rotated = `$ zgrep -E 'Linux version|xor-mark' /var/log/kern.log*\n${prefixed("/var/log/kern.log.1", banner130("worker-7"))}\n${prefixed("/var/log/kern.log.2.gz", failure("worker-7"))}`;
    expect(verdictOf(rotated)?.status).toBe("unknown");
    // A rotated file's lines beside the uname read now, and logrotate's dateformat names: an earlier boot's.
    const fixedNow = "admin@worker-7:~$ uname -rv\n5.15.0-131-generic #141-Ubuntu SMP Fri Jan 10 21:18:28 UTC 2025";
    expect(
      verdictOf(
        `${fixedNow}\n${UBUNTU_2204_OS_RELEASE}\n$ zgrep xor-mark /var/log/syslog*\n${prefixed("/var/log/syslog.3.gz", failure("worker-7"))}`,
      ),
    ).toMatchObject({ status: "unknown", reason: expect.stringContaining("an earlier boot's") });
    expect(
      verdictOf(`${fixedNow}\n${UBUNTU_2204_OS_RELEASE}\n$ grep xor-mark /var/log/syslog-2024-12-01\n${failure("worker-7")}`)?.status,
    ).toBe("unknown");
    // The banner of the boot running now (`dmesg`, /var/log/dmesg which each boot writes anew: review 50g F4) is the running
    // kernel, as a uname is; and a live file's lines are now.
    expect(
      verdictOf(
        `$ grep 'Linux version' /var/log/dmesg\n[    0.000000] ${dmesgBanner}\n$ journalctl -u kube-proxy -b\n${failure("worker-7")}`,
      ),
    ).toMatchObject({ status: "not-affected", level: "verified" });
    expect(
      verdictOf(
        `$ sudo dmesg | head -1\n[    0.000000] ${dmesgBanner}\n$ journalctl -u kube-proxy -b\n${failure("worker-7")}\n${UBUNTU_2204_OS_RELEASE}`,
      ),
    ).toMatchObject({ status: "not-affected", level: "verified" });
    expect(
      verdictOf(
        `${fixedNow}\n${UBUNTU_2204_OS_RELEASE}\n$ grep xor-mark /var/log/syslog\n${prefixed("/var/log/syslog", failure("worker-7"))}`,
      ),
    ).toMatchObject({ status: "not-affected" });
  });

  it("takes lines dated days before the kernel read now was built as an earlier kernel's (review 48g F2)", () => {
    // 5.15.0-131's uname -v says it was built on 10 January 2025: a failure logged on 2 January ran on another kernel.
    const fixedNow = "admin@worker-2:~$ uname -rv\n5.15.0-131-generic #141-Ubuntu SMP Fri Jan 10 21:18:28 UTC 2025";
    const dated = (stamp: string) =>
      `${fixedNow}\n${UBUNTU_2204_OS_RELEASE}\nadmin@worker-2:~$ journalctl -o short-iso -u kube-proxy --since "-7d" --no-pager\n${xorMarkJournaldOf(
        "worker-2",
      ).replace(/^\w{3} \d\d \d\d:\d\d:\d\d/gm, stamp)}`;
    expect(dated("2025-01-02T23:41:07+0000")).toContain("2025-01-02T23:41:07+0000 worker-2");
    expect(verdictOf(dated("2025-01-02T23:41:07+0000"))).toMatchObject({
      status: "unknown",
      reason: expect.stringContaining("written days before the kernel read now was built"),
    });
    // After the build, or within a day of it (zones), the kernel read now decides; a date without a year or a clock
    // never set (1970) says nothing.
    for (const stamp of ["2025-01-14T09:12:40+0000", "2025-01-10T03:00:00-0800", "Jan 02 23:41:07", "1970-01-01T00:00:12+0000"])
      expect(verdictOf(dated(stamp))).toMatchObject({ status: "not-affected", level: "verified" });
    // The running boot's own journal (`journalctl -b`) ran on the kernel running now: a date before its build is a clock not
    // yet set, as a board without a clock battery starts at systemd's build date (review 49c F2).
    const thisBoot = dated("2024-06-14T18:02:31+0000").replace('-o short-iso -u kube-proxy --since "-7d"', "-b -o short-iso -u kube-proxy");
    expect(thisBoot).toContain("journalctl -b -o short-iso");
    expect(verdictOf(thisBoot)).toMatchObject({ status: "not-affected", level: "verified" });
    expect(verdictOf(thisBoot)?.certain).not.toBe(false);
    for (const flags of ["-b0", "-k -b 0", "--dmesg"])
      expect(verdictOf(thisBoot.replace("journalctl -b ", `journalctl ${flags} `)), flags).toMatchObject({ status: "not-affected" });
  });

  it("leaves a boot log of an earlier boot and another node's `kubectl describe node` to the uname", () => {
    const reboot = `$ uname -a\n${unameJammy127("worker-2")}\n$ grep -E 'Linux version|kube-proxy' /var/log/syslog
Nov 12 06:02:11 worker-2 kernel: [    0.000000] Linux version 5.15.0-126-generic (buildd@lcy02-amd64-045) (gcc (Ubuntu 11.4.0-1ubuntu1~22.04) 11.4.0, GNU ld (GNU Binutils for Ubuntu) 2.38) #136-Ubuntu SMP Wed Nov 6 10:38:22 UTC 2024 (Ubuntu 5.15.0-126.136-generic 5.15.167)
Nov 12 08:40:02 worker-2 kernel: [    0.000000] Linux version 5.15.0-127-generic (buildd@lcy02-amd64-064) (gcc (Ubuntu 11.4.0-1ubuntu1~22.04) 11.4.0, GNU ld (GNU Binutils for Ubuntu) 2.38) #137-Ubuntu SMP Fri Nov 8 15:21:01 UTC 2024 (Ubuntu 5.15.0-127.137-generic 5.15.167)
${xorMarkJournaldOf("worker-2")}`;
    expect(verdictOf(reboot)).toMatchObject({ status: "affected", level: "verified" });
    const describe = `root@worker-2:~# uname -a\n${unameJammy127("worker-2")}\nroot@worker-2:~# journalctl -u kube-proxy\n${xorMarkJournaldOf("worker-2")}
root@worker-2:~# kubectl describe node worker-1
System Info:
  Kernel Version:             5.15.0-126-generic
  OS Image:                   Ubuntu 22.04.5 LTS`;
    expect(verdictOf(describe)).toMatchObject({ status: "affected", level: "verified" });
  });
});

describe("an address as the machine that printed the lines, beside a nodes table with INTERNAL-IP (review 37b)", () => {
  const table = `admin@bastion:~$ kubectl get nodes -o wide
NAME       STATUS   ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION       CONTAINER-RUNTIME
worker-1   Ready    <none>   40d   v1.30.5   10.0.0.11     <none>        Ubuntu 22.04.5 LTS   5.15.0-127-generic   containerd://1.7.22
worker-2   Ready    <none>   40d   v1.30.5   10.0.0.12     <none>        Ubuntu 22.04.5 LTS   5.15.0-126-generic   containerd://1.7.22`;
  const via = (address: string) => `${table}\n$ ssh ${address} sudo crictl logs 3f2a1b9c8d7e\n${CRICTL}`;

  it("judges the node whose INTERNAL-IP the ssh target is, not a node in range that printed nothing", () => {
    expect(verdictOf(via("10.0.0.12"))).toMatchObject({ status: "not-affected", reason: expect.stringContaining("node worker-2") });
    expect(verdictOf(via("10.0.0.11"))).toMatchObject({ status: "affected", reason: expect.stringContaining("node worker-1") });
  });

  it("takes an address no node has as a machine off the table: its versions are not given", () => {
    expect(verdictOf(via("10.0.0.99"))).toMatchObject({ status: "unknown", reason: expect.stringContaining("10.0.0.99") });
  });
});

describe("a fan-out tool's header over each host's output (review 37b)", () => {
  // Ansible's ad-hoc header (its minimal callback: "%s | %s | rc=%s >>") and pssh -i's (psshlib's Task.report).
  const ansible = (host: string) => `${host} | CHANGED | rc=0 >>`;
  const pssh = (host: string, n: number) => `[${n}] 10:41:28 [SUCCESS] ${host}`;
  const KLOG = CRICTL.split("\n").slice(0, 2).join("\n");

  it("judges the lines under a host's header on that host, not on a node in range that printed nothing", () => {
    for (const header of [ansible, pssh]) {
      const paste = `$ fan-out workers 'uname -a; journalctl -u kube-proxy -o cat | tail -2'
${header("worker-1", 1)}\n${unameJammy127("worker-1")}\n${header("worker-2", 2)}\n${unameJammy126("worker-2")}\n${KLOG}`;
      expect(verdictOf(paste), header("x", 1)).toMatchObject({ status: "not-affected", reason: expect.stringMatching(/^node worker-2 /) });
      // The same lines under worker-1's header are worker-1's, whose kernel is in range.
      const own = `$ fan-out workers 'uname -a; journalctl -u kube-proxy -o cat | tail -2'
${header("worker-2", 1)}\n${unameJammy126("worker-2")}\n${header("worker-1", 2)}\n${unameJammy127("worker-1")}\n${KLOG}`;
      expect(verdictOf(own), header("x", 1)).toMatchObject({ status: "affected", reason: expect.stringMatching(/^node worker-1 /) });
    }
  });

  it("names a reading without a host name by its header, and ties an address header to its uname's host name", () => {
    const release = (kernel: string) => `${kernel}-generic`;
    const bare = `${ansible("worker-1")}\n${release("5.15.0-126")}\n${ansible("worker-2")}\n${release("5.15.0-127")}\n${KLOG}`;
    const facts = diagnoseBundle(kb, bare).facts.nodes.map((n) => [n.name, n.kernel]);
    expect(facts).toEqual([
      ["worker-1", "5.15.0-126-generic"],
      ["worker-2", "5.15.0-127-generic"],
    ]);
    // Inventory addresses over host names: the address is the node whose uname its block prints.
    const addressed = `${ansible("10.0.0.11")}\n${unameJammy127("ubuntu-a")}\n${ansible("10.0.0.12")}\n${unameJammy126("ubuntu-b")}\n${KLOG}`;
    expect(verdictOf(addressed)).toMatchObject({ status: "not-affected", reason: expect.stringMatching(/^node ubuntu-b /) });
  });

  it("reads the headers and ansible -o's one-line results, in a bundle and in the uname field of the JSON form", () => {
    const oneLine = (host: string, kernel: string) => `${host} | CHANGED | rc=0 | (stdout) ${kernel}`;
    const expected = [
      ["worker-1", "5.15.0-126-generic"],
      ["worker-2", "5.15.0-127-generic"],
    ];
    for (const uname of [
      `${ansible("worker-1")}\n5.15.0-126-generic\n${ansible("worker-2")}\n5.15.0-127-generic`,
      `${oneLine("worker-1", "5.15.0-126-generic")}\n${oneLine("worker-2", "5.15.0-127-generic")}`,
    ]) {
      const nodes = diagnoseFields(kb, { uname, logs: xorMarkJournaldOf("worker-2") }).facts.nodes.map((n) => [n.name, n.kernel]);
      expect(nodes, uname).toEqual(expected);
    }
    const bundle = `$ ansible workers -o -m command -a 'uname -r'\n${oneLine("worker-1", "5.15.0-126-generic")}\n${oneLine("worker-2", "5.15.0-127-generic")}`;
    expect(diagnoseBundle(kb, bundle).facts.nodes.map((n) => [n.name, n.kernel])).toEqual(expected);
  });

  it("reads pdsh's and clush's host: prefix as the host that printed the line, unless -N or dshbak leaves it out", () => {
    const prefixed = (host: string, lines: string) =>
      lines
        .split("\n")
        .map((l) => `${host}: ${l}`)
        .join("\n");
    for (const tool of ["pdsh -w worker-[1-2]", "clush -w worker-[1-2]"]) {
      const paste = `$ ${tool} 'uname -a; journalctl -u kube-proxy -o cat | tail -2'
${prefixed("worker-1", unameJammy127("worker-1"))}\n${prefixed("worker-2", unameJammy126("worker-2"))}\n${prefixed("worker-2", KLOG)}`;
      expect(verdictOf(paste), tool).toMatchObject({ status: "not-affected", reason: expect.stringMatching(/^node worker-2 /) });
    }
    // `uname -r` readings are named by their prefix.
    const bare = `$ pdsh -w worker-[1-2] uname -r\nworker-1: 5.15.0-126-generic\nworker-2: 5.15.0-127-generic`;
    expect(diagnoseBundle(kb, bare).facts.nodes.map((n) => [n.name, n.kernel])).toEqual([
      ["worker-1", "5.15.0-126-generic"],
      ["worker-2", "5.15.0-127-generic"],
    ]);
    // Without the prefix a line names no host: a log line's own "kubelet: …" is no host.
    expect(diagnoseBundle(kb, `$ pdsh -N -w worker-[1-2] uname -r\n5.15.0-126-generic\n5.15.0-127-generic`).facts.nodes).toEqual([]);
    // A shell loop that prints each machine's name and a colon first labels its lines as pdsh does (review 48a F7).
    for (const label of [`echo -n "$h: "`, `printf '%s: ' "$h"`]) {
      const loop = `$ for h in worker-1 worker-2; do ${label}; ssh $h uname -r; done\nworker-1: 5.15.0-126-generic\nworker-2: 5.15.0-127-generic`;
      expect(
        diagnoseBundle(kb, loop).facts.nodes.map((n) => [n.name, n.kernel]),
        label,
      ).toEqual([
        ["worker-1", "5.15.0-126-generic"],
        ["worker-2", "5.15.0-127-generic"],
      ]);
    }
    // A loop over a file's hosts: any word before a colon is the host that printed it.
    const unlisted = `$ for h in $(cat workers.txt); do echo -n "$h: "; ssh $h uname -r; done\nworker-1: 5.15.0-126-generic\nworker-2: 5.15.0-127-generic`;
    expect(diagnoseBundle(kb, unlisted).facts.nodes.map((n) => n.name)).toEqual(["worker-1", "worker-2"]);
    // A loop that labels nothing, or runs nothing over ssh, is no fan-out.
    expect(
      diagnoseBundle(kb, `$ for h in worker-1 worker-2; do ssh $h uname -r; done\n5.15.0-126-generic\n5.15.0-127-generic`).facts.nodes,
    ).toEqual([]);
  });

  it("takes the journal read at the prompt that ran the fan-out as that machine's, not a node's", () => {
    const paste = `admin@bastion:~$ pdsh -w worker-[1-2] uname -a
worker-1: ${unameJammy127("worker-1")}\nworker-2: ${unameJammy126("worker-2")}
admin@bastion:~$ journalctl -u kube-proxy -o cat | tail -2\n${KLOG}`;
    expect(verdictOf(paste)).toMatchObject({ status: "unknown", reason: expect.stringContaining("the log's lines are bastion's") });
  });

  it("leaves a host no header ties to a reading undecided, not judged on a node in range", () => {
    // Cloned images: both unames say "ubuntu", the headers name two machines; the lines are web2's, whose kernel the
    // paste does not tie to it.
    const cloned = `${ansible("web1")}\n${unameJammy127("ubuntu")}\n${ansible("web2")}\n${unameJammy126("ubuntu")}\n${KLOG}`;
    expect(verdictOf(cloned)?.status).toBe("unknown");
  });
});

describe("fan-out output as its tools print it (review 38a)", () => {
  const KLOG = CRICTL.split("\n").slice(0, 2).join("\n");
  const prefixed = (host: string, lines: string) =>
    lines
      .split("\n")
      .map((l) => `${host}: ${l}`)
      .join("\n");
  const fleet = `admin@bastion:~$ pdsh -w web-[1-2] uname -a\nweb-1: ${unameJammy127("web-1")}\nweb-2: ${unameJammy126("web-2")}\n`;

  it("reads pssh -P's status line as closing its host's output, not opening the next", () => {
    const paste = `${fleet}admin@bastion:~$ pssh -P -H 'web-1 web-2' 'journalctl -u kube-proxy -o cat | tail -2'
[1] 10:41:30 [FAILURE] web-1 Exited with error code 1
${prefixed("web-2", KLOG.split("\n")[0] ?? "")}\n${KLOG.split("\n")[1]}\n[2] 10:41:31 [SUCCESS] web-2`;
    expect(verdictOf(paste)).toMatchObject({ status: "not-affected", reason: expect.stringMatching(/^node web-2 /) });
  });

  it("reads only the tool's own options: journalctl -b or ip6tables -N in the remote command keeps the prefixes", () => {
    for (const command of ["clush -w web-2 'journalctl -b -u kube-proxy -o cat'", "pdsh -w web-2 'sudo ip6tables -N KP-TEST'"])
      expect(verdictOf(`${fleet}admin@bastion:~$ ${command}\n${prefixed("web-2", KLOG)}`), command).toMatchObject({
        status: "not-affected",
        reason: expect.stringMatching(/^node web-2 /),
      });
  });

  it("takes a log word before a colon for no host when the command lists its hosts", () => {
    const paste = `${fleet}Error: ip6tables-restore v1.8.7 (nf_tables): unknown option "--xor-mark"`;
    // Not "the log's lines are error's": the line names no host, so the fleet's node in range answers.
    expect(verdictOf(paste)).toMatchObject({ status: "affected", reason: expect.stringMatching(/^node web-1 /) });
  });

  it("ends a header's block at a blank line, and a JSON result at its closing brace", () => {
    const ansible = `$ ansible all -m command -a 'uname -a'\nweb-1 | CHANGED | rc=0 >>\n${unameJammy127("web-1")}\nweb-2 | CHANGED | rc=0 >>\n${unameJammy126("web-2")}\n`;
    // The log pasted after the output is no longer web-2's: the fleet's node in range answers, as for pdsh.
    expect(verdictOf(`${ansible}\nkube-proxy logs from web-1:\n${KLOG}`)).toMatchObject({ status: "affected" });
    const unreachable = `${ansible}web-3 | UNREACHABLE! => {\n    "changed": false,\n    "unreachable": true\n}\n${KLOG}`;
    expect(verdictOf(unreachable)?.reason).not.toMatch(/web-3/);
  });

  it("keeps an address label's port (two machines behind one address) and ties an inventory name to its uname's host", () => {
    const vagrant = `$ pssh -i -H vagrant@127.0.0.1:2222 -H vagrant@127.0.0.1:2200 uname -a
[1] 10:41:28 [SUCCESS] vagrant@127.0.0.1:2222\n${unameJammy127("web-1")}\n[2] 10:41:28 [SUCCESS] vagrant@127.0.0.1:2200\n${unameJammy126("web-2")}
$ pssh -i -H vagrant@127.0.0.1:2200 'journalctl -u kube-proxy -n 2 -o cat'\n[1] 10:41:30 [SUCCESS] vagrant@127.0.0.1:2200\n${KLOG}`;
    expect(verdictOf(vagrant)).toMatchObject({ status: "not-affected", reason: expect.stringMatching(/^node web-2 /) });
    const inventory = `$ ansible all -m command -a 'uname -a'\nweb1 | CHANGED | rc=0 >>\n${unameJammy127("ip-10-0-1-11")}\nweb2 | CHANGED | rc=0 >>\n${unameJammy126("ip-10-0-1-12")}
$ ansible web2 -m shell -a 'journalctl -u kube-proxy -o cat | tail -2'\nweb2 | CHANGED | rc=0 >>\n${KLOG}`;
    expect(verdictOf(inventory)).toMatchObject({ status: "not-affected", reason: expect.stringMatching(/^node ip-10-0-1-12 /) });
  });

  it("reads a dshbak or clush -b block headed by one host as that host's", () => {
    const rule = "----------------";
    const paste = `${fleet}admin@bastion:~$ pdsh -w web-[1-2] 'journalctl -u kube-proxy -o cat | tail -2' | dshbak -c\n${rule}\nweb-2\n${rule}\n${KLOG}`;
    expect(verdictOf(paste)).toMatchObject({ status: "not-affected", reason: expect.stringMatching(/^node web-2 /) });
  });

  it("reads no fleet from more unames than a cluster has nodes: the kernels are given, undecided", () => {
    const hosts = Array.from({ length: 5_001 }, (_, n) => `h${n}: ${n % 2 ? "5.15.0-126-generic" : "5.15.0-127-generic"}`);
    const diagnosis = diagnoseBundle(kb, `$ pdsh -w h[0-5000] uname -r\n${hosts.join("\n")}\n${KLOG}`);
    expect(diagnosis.facts.nodes).toEqual([]);
    expect(diagnosis.findings.find((f) => f.id === XT)?.verdict).toMatchObject({ status: "unknown" });
  });
});

describe("fan-out output after review 38b", () => {
  const KLOG = CRICTL.split("\n").slice(0, 2).join("\n");
  const fleet = `admin@bastion:~$ pdsh -w web-[1-3] uname -a\nweb-1: ${unameJammy127("web-1")}\nweb-2: ${unameJammy126("web-2")}\nweb-3: ${unameJammy126("web-3")}\n`;

  it("keeps a pssh -P host's unprefixed lines its own, and -i's copy under the status line", () => {
    const interleaved = `${fleet}admin@bastion:~$ pssh -P -H 'web-1 web-2' 'journalctl -u kube-proxy -o cat | tail -2'
web-2: ${KLOG.split("\n")[0]}\nip6tables-restore v1.8.7 (nf_tables): unknown option "--xor-mark"\nweb-1: done\n[1] 10:41:30 [SUCCESS] web-1\n[2] 10:41:30 [SUCCESS] web-2`;
    expect(verdictOf(interleaved)).toMatchObject({ status: "not-affected", reason: expect.stringMatching(/^node web-2 /) });
    const copy = `${fleet}admin@bastion:~$ pssh -P -i -H 'web-1 web-2' 'journalctl -u kube-proxy -o cat | tail -2'\n[1] 10:41:30 [SUCCESS] web-1\ndone\n[2] 10:41:30 [SUCCESS] web-2\n${KLOG}`;
    expect(verdictOf(copy)).toMatchObject({ status: "not-affected", reason: expect.stringMatching(/^node web-2 /) });
  });

  it("keeps a block across a blank line the command printed before more of its log", () => {
    const paste = `${fleet}admin@bastion:~$ ansible web-2 -m shell -a 'head -2 /etc/os-release; echo; journalctl -u kube-proxy -n 2 -o cat'
web-2 | CHANGED | rc=0 >>\nPRETTY_NAME="Ubuntu 22.04.5 LTS"\nNAME="Ubuntu"\n\n${KLOG}`;
    expect(verdictOf(paste)).toMatchObject({ status: "not-affected", reason: expect.stringMatching(/^node web-2 /) });
  });

  it("keeps a name label's port: two machines behind localhost", () => {
    const paste = `$ pssh -i -H vagrant@localhost:2222 -H vagrant@localhost:2200 uname -a
[1] 10:41:28 [SUCCESS] vagrant@localhost:2222\n${unameJammy127("web-1")}\n[2] 10:41:28 [SUCCESS] vagrant@localhost:2200\n${unameJammy126("web-2")}
$ pssh -i -H vagrant@localhost:2200 'journalctl -u kube-proxy -n 2 -o cat'\n[1] 10:41:30 [SUCCESS] vagrant@localhost:2200\n${KLOG}`;
    expect(verdictOf(paste)).toMatchObject({ status: "not-affected", reason: expect.stringMatching(/^node web-2 /) });
  });

  it("judges a block several hosts printed on all of them, and reads dash rules as blocks only after a gathering command", () => {
    for (const [command, header] of [
      ["pdsh -w web-2,web-3 'journalctl -u kube-proxy -n 2 -o cat' | dshbak -c", "web-2,web-3"],
      ["clush -b -w web-[2-3] 'journalctl -u kube-proxy -n 2 -o cat'", "web-[2-3] (2)"],
    ])
      expect(verdictOf(`${fleet}admin@bastion:~$ ${command}\n---------------\n${header}\n---------------\n${KLOG}`), command).toMatchObject(
        {
          status: "not-affected",
          reason: expect.stringContaining("the log's lines are node web-2 and node web-3's"),
        },
      );
    // A markdown rule above a heading, with no such command, names no host.
    const markdown = `${fleet}\n----\nkube-proxy\n----\n${KLOG}`;
    expect(verdictOf(markdown)?.reason).not.toMatch(/kube-proxy's/);
  });
});

describe("a kernel a gathering tool printed for several hosts (review 70b F2)", () => {
  const folded = (failing: string, fixed: string) => `[admin@mgmt ~]$ clush -b -w node[01-04] uname -r
---------------
node[01,03] (2)
---------------
${failing}
---------------
node[02,04] (2)
---------------
${fixed}
[admin@mgmt ~]$ clush -w node[01-04] "journalctl -u kube-proxy --no-pager -n 200 | grep -m1 xor-mark"
node03: Dec 17 15:38:23 node03 kube-proxy[2211]:         exit status 2: ip6tables-restore v1.8.7 (nf_tables): unknown option "--xor-mark"
`;

  it("is each host's kernel: the failing host's own release judges its line", () => {
    const d = diagnoseBundle(kb, folded("5.15.0-127-generic", "5.15.0-126-generic"));
    expect(d.facts.nodes.map((n) => `${n.name} ${n.kernel}`).sort()).toEqual([
      "node01 5.15.0-127-generic",
      "node02 5.15.0-126-generic",
      "node03 5.15.0-127-generic",
      "node04 5.15.0-126-generic",
    ]);
    const xt = d.findings.find((f) => f.id === XT);
    expect(xt?.verdict).toMatchObject({ status: "affected", reason: expect.stringMatching(/^node node03 \(5\.15\.0-127-generic\)/) });
    // The host on the fixed ABI's kernel is judged on its own: the upload number decides, nothing is "not listed".
    const fixed = diagnoseBundle(kb, folded("5.15.0-130-generic", "5.15.0-127-generic")).findings.find((f) => f.id === XT)?.verdict;
    expect(fixed).toMatchObject({ status: "unknown", reason: expect.stringMatching(/^node node03 \(5\.15\.0-130-generic\)/) });
    expect(fixed?.reason).not.toMatch(/does not list/);
  });
});

describe("a node's own uname beside its table row (review 38b)", () => {
  it("takes the uname's build for the row of the same machine and release, and adds no node for another machine", () => {
    const table = `admin@bastion:~$ kubectl get nodes -o wide
NAME     STATUS   ROLES           AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION       CONTAINER-RUNTIME
node-a   Ready    control-plane   40d   v1.31.4   10.0.1.11     <none>        Ubuntu 22.04.5 LTS   5.15.0-126-generic   containerd://1.7.24
node-b   Ready    <none>          40d   v1.31.4   10.0.1.12     <none>        Ubuntu 22.04.5 LTS   5.15.0-127-generic   containerd://1.7.24
`;
    const paste = `${table}admin@bastion:~$ ssh node-b\nadmin@node-b:~$ uname -a\n${unameJammy127("node-b")}\nadmin@node-b:~$ journalctl -u kube-proxy -o cat\n${CRICTL}`;
    const diagnosis = diagnoseBundle(kb, paste);
    expect(diagnosis.facts.nodes.find((n) => n.name === "node-b")?.build).toContain("#137-Ubuntu");
    expect(diagnosis.findings.find((f) => f.id === XT)?.verdict).toMatchObject({ status: "affected", level: "verified" });
    // The bastion's own uname names no row: the table keeps its two nodes.
    const bastion = diagnoseBundle(kb, `admin@bastion:~$ uname -a\n${unameJammy127("bastion")}\n${table}`);
    expect(bastion.facts.nodes.map((n) => n.name)).toEqual(["node-a", "node-b"]);
  });
});

describe("a component's output under one machine's prompt, in a paste of several machines (review 39b F3)", () => {
  const DOCKER23 = "docker-23.0-containerd-1.6-apparmor-parser-missing";
  const docker23 = (text: string) => diagnoseBundle(kb, text).findings.find((f) => f.id === DOCKER23)?.verdict;
  const uname = (host: string, abi: string, version: string) =>
    `admin@${host}:~$ uname -a\nLinux ${host} 5.10.0-${abi}-amd64 #1 SMP Debian ${version} (2023-01-21) x86_64 GNU/Linux`;
  const dockerVersion = (prompt: string, version: string) =>
    `${prompt} docker version\nServer: Docker Engine - Community\n Engine:\n  Version:          ${version}\n  API version:      1.42 (minimum version 1.12)`;
  // runc's refusal, as Docker 23.0.1 printed it without apparmor_parser (moby#44970) and as an unloaded profile does.
  const RUNC =
    "docker: Error response from daemon: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: unable to apply apparmor profile: apparmor failed to apply profile: write /proc/self/attr/apparmor/exec: no such file or directory: unknown.";
  const run = (prompt: string) => `${prompt} docker run --rm -it alpine:3.17\n${RUNC}`;
  const verdictFor = (id: string, text: string) => diagnoseBundle(kb, text).findings.find((f) => f.id === id)?.verdict;
  // "Affected" from the machine's own reading, not from a version the report names (certain: false).
  const certainlyAffected = (v: Verdict | undefined) => v?.status === "affected" && v.certain !== false;
  const table = (runtime1: string, runtime2: string, status2 = "Ready") =>
    [
      "NAME       STATUS   ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION      CONTAINER-RUNTIME",
      `worker-1   Ready    <none>   40d   v1.25.5   10.0.1.11     <none>        Ubuntu 22.04.3 LTS   5.15.0-88-generic   ${runtime1}`,
      `worker-2   ${status2}    <none>   40d   v1.25.5   10.0.1.12     <none>        Ubuntu 22.04.3 LTS   5.15.0-88-generic   ${runtime2}`,
    ].join("\n");
  const web1 = uname("web-1", "21", "5.10.162-1");
  const web2 = uname("web-2", "26", "5.10.197-1");

  it("judges the lines on the Docker of the machine that printed them, not on another machine's", () => {
    // web-1's Docker is in range, web-2 printed the line and showed no Docker version: before, "affected, verified".
    const other = [web1, dockerVersion("admin@web-1:~$", "23.0.1"), web2, run("admin@web-2:~$")].join("\n");
    expect(docker23(other)).toMatchObject({ status: "unknown", reason: expect.stringContaining("the log's lines are node web-2's") });
    // Each machine's own Docker: web-2's 24.0.7 judges web-2's line (before, the two readings disputed each other: unknown).
    const both = [web1, dockerVersion("admin@web-1:~$", "23.0.1"), web2, dockerVersion("admin@web-2:~$", "24.0.7"), run("admin@web-2:~$")];
    expect(docker23(both.join("\n"))).toMatchObject({ status: "not-affected", reason: expect.stringContaining("node web-2: docker") });
    // Through ssh from a third machine, the target's.
    const overSsh = [web1, web2, dockerVersion("admin@bastion:~$ ssh web-1", "23.0.1"), run("admin@bastion:~$ ssh web-2")];
    expect(docker23(overSsh.join("\n"))).toMatchObject({ status: "unknown" });
  });

  it("takes a component a machine that is no node printed, or a daemon the CLI reached elsewhere, for another machine's (review 40a)", () => {
    // A laptop's containerd beside rows that give worker-2's own: worker-2's row decides worker-2's line.
    const CNI =
      'plugin type="loopback" failed (add): incompatible CNI versions; config is "1.0.0", plugin supports ["0.1.0" "0.2.0" "0.3.0" "0.3.1" "0.4.0"]';
    const laptop = [
      "me@laptop:~$ kubectl get nodes -o wide",
      table("containerd://1.6.4", "containerd://1.6.4"),
      "me@laptop:~$ containerd --version",
      "containerd containerd.io 1.6.3 a05d175400b1145e5e6a735a6710579d181e7fb0",
      "me@laptop:~$ ssh worker-2 sudo crictl logs 1a2b3c",
      CNI,
    ].join("\n");
    expect(verdictFor("containerd-1.6.3-loopback-cni-1.0.0", laptop)).toMatchObject({
      status: "not-affected",
      reason: expect.stringContaining("node worker-2: containerd: fixed in 1.6.4"),
    });
    // A prompt naming the short name two nodes share is either node's: its reading disputes each row it differs from
    // (review 40c: dc2's own 1.6.3 was dropped and dc1's row made the line "not affected, verified").
    const fqdnRows = (dc1: string, dc2: string) =>
      table(dc1, dc2).replace("worker-1 ", "worker-1.dc1.example.com ").replace("worker-2 ", "worker-1.dc2.example.com ");
    const sharedAt = (versionPrompt: string, logPrompt: string, rows = fqdnRows("containerd://1.6.4", "containerd://1.6.4")) =>
      [
        "admin@cp-1:~$ kubectl get nodes -o wide",
        rows,
        `${versionPrompt} containerd --version`,
        "containerd containerd.io 1.6.3 a05d175400b1145e5e6a735a6710579d181e7fb0",
        `${logPrompt} sudo crictl logs 1a2b3c`,
        CNI,
      ].join("\n");
    const dc1 = "admin@worker-1.dc1.example.com:~$";
    const dc2 = "admin@worker-1.dc2.example.com:~$";
    for (const prompt of [dc2, "admin@worker-1:~$"])
      expect(verdictFor("containerd-1.6.3-loopback-cni-1.0.0", sharedAt(prompt, dc2))?.status, prompt).toBe("unknown");
    // A prompt's whole name tells the two apart (review 40a F2: dc2's line was "high, affected" by dc1's row's 1.6.3).
    const distinct = fqdnRows("containerd://1.6.3", "containerd://1.6.4");
    expect(
      verdictFor("containerd-1.6.3-loopback-cni-1.0.0", sharedAt(dc2, dc2, distinct).replace("1.6.3 a05d", "1.6.4 a05d")),
    ).toMatchObject({
      status: "not-affected",
      reason: expect.stringContaining("node worker-1.dc2.example.com: containerd: fixed in 1.6.4"),
    });
    // So does an `ssh` target's or a pdsh prefix's whole name.
    for (const fetched of [
      `admin@cp-1:~$ ssh worker-1.dc2.example.com sudo crictl logs 1a2b3c\n${CNI}`,
      // An address in brackets is the address (review 44a F11: `ssh admin@[…]` was a machine named "admin").
      `admin@cp-1:~$ ssh admin@[10.0.1.12] sudo crictl logs 1a2b3c\n${CNI}`,
      `admin@cp-1:~$ pdsh -w worker-1.dc2.example.com sudo crictl logs 1a2b3c\nworker-1.dc2.example.com: ${CNI}`,
    ])
      expect(
        verdictFor("containerd-1.6.3-loopback-cni-1.0.0", ["admin@cp-1:~$ kubectl get nodes -o wide", distinct, fetched].join("\n")),
        fetched,
      ).toMatchObject({ status: "not-affected", reason: expect.stringContaining("node worker-1.dc2.example.com") });
    // The same machine by a name that ends in the root's dot, a name a search domain completes, or journald's short host
    // under a command naming the whole one (review 42b F8: each was "unknown", no row listing it, or either node).
    for (const fetched of [
      `admin@cp-1:~$ ssh worker-1.dc2.example.com. sudo crictl logs 1a2b3c\n${CNI}`,
      `admin@worker-1.dc2:/etc$ sudo crictl logs 1a2b3c\n${CNI}`,
      `admin@cp-1:~$ ssh worker-1.dc2.example.com journalctl -u containerd\nMar 01 09:00:00 worker-1 containerd[812]: ${CNI}`,
    ])
      expect(
        verdictFor("containerd-1.6.3-loopback-cni-1.0.0", ["admin@cp-1:~$ kubectl get nodes -o wide", distinct, fetched].join("\n")),
        fetched,
      ).toMatchObject({ status: "not-affected", reason: expect.stringContaining("node worker-1.dc2.example.com") });
    // One line that names dc2 beside another under the name both share: dc2's alone, or dc2's and dc1's (review 44a F3:
    // "high, affected, certain" on dc1's row).
    const resolvedAndShared = [
      "admin@cp-1:~$ kubectl get nodes -o wide",
      distinct,
      `admin@cp-1:~$ ssh worker-1.dc2.example.com sudo crictl logs 1a2b3c\n${CNI}`,
      `admin@cp-1:~$ ssh worker-1 sudo crictl logs 1a2b3c\n${CNI}`,
    ].join("\n");
    expect(verdictFor("containerd-1.6.3-loopback-cni-1.0.0", resolvedAndShared)).toMatchObject({
      status: "unknown",
      reason: expect.stringContaining("the versions decide differently"),
    });
    // A pod's events through the cluster, at a bare prompt under a node's uname, are no output of that node (review 44a
    // F2: "not affected, certain" on worker-1's row, the pod's node worker-2 in range).
    for (const command of ["$ kubectl describe pod web-0", "$ kubectl get events -A"]) {
      const events = [
        "$ uname -a",
        "Linux worker-1 5.15.0-88-generic #98-Ubuntu SMP Mon Oct 2 15:18:56 UTC 2023 x86_64 x86_64 x86_64 GNU/Linux",
        "$ kubectl get nodes -o wide",
        table("containerd://1.6.4", "containerd://1.6.3"),
        command,
        `  Warning  FailedCreatePodSandBox  2m  kubelet  Failed to create pod sandbox: rpc error: code = Unknown desc = ${CNI}`,
      ].join("\n");
      expect(verdictFor("containerd-1.6.3-loopback-cni-1.0.0", events), command).toMatchObject({
        status: "affected",
        reason: expect.stringContaining("node worker-2"),
      });
    }
    // A short name both share is either node's: judged on each, and where they differ, unknown, saying so (review 40c:
    // "high, affected" on dc1's row, whichever printed the line); where they agree, that answer.
    for (const via of ["admin@cp-1:~$ ssh worker-1 sudo crictl logs 1a2b3c", "admin@worker-1:~$ sudo crictl logs 1a2b3c"]) {
      const paste = (rows: string) => ["admin@cp-1:~$ kubectl get nodes -o wide", rows, via, CNI].join("\n");
      expect(verdictFor("containerd-1.6.3-loopback-cni-1.0.0", paste(distinct)), via).toMatchObject({
        status: "unknown",
        reason: expect.stringMatching(/dc1\.example\.com: affected; node worker-1\.dc2\.example\.com: not-affected/),
      });
      expect(
        certainlyAffected(verdictFor("containerd-1.6.3-loopback-cni-1.0.0", paste(fqdnRows("containerd://1.6.3", "containerd://1.6.3")))),
        via,
      ).toBe(true);
    }
    // dc1's own 1.6.3 is dc1's, not the reading of dc2, whose line its row judges.
    expect(verdictFor("containerd-1.6.3-loopback-cni-1.0.0", sharedAt(dc1, dc2))).toMatchObject({
      status: "not-affected",
      reason: expect.stringContaining("node worker-1.dc2.example.com"),
    });
    // `docker -H ssh://web-2 version` at web-1's prompt reports web-2's daemon: no certain version of web-1's Docker.
    const remote = [
      web1,
      web2,
      dockerVersion("admin@web-1:~$ docker -H ssh://admin@web-2", "23.0.1").replace(" docker version", " version"),
    ];
    expect(certainlyAffected(docker23([...remote, run("admin@web-1:~$")].join("\n")))).toBe(false);
  });

  it("takes a daemon an earlier command made the shell's for another machine's, until it is undone (review 40c)", () => {
    const pasteWith = (setup: string, between = "") =>
      [web1, web2, setup, dockerVersion("admin@web-1:~$", "23.0.1"), between, run("admin@web-1:~$")].filter(Boolean).join("\n");
    // A daemon no node is (a context, an address no row has, minikube's VM): its Docker is named, never web-1's, never certain.
    for (const setup of [
      "admin@web-1:~$ docker context use web-2",
      "admin@web-1:~$ set -gx DOCKER_HOST tcp://10.0.0.12:2376",
      // Review 41a F4: the variable wins over the context in use (Docker warns so); env scripts and other spellings.
      "admin@web-1:~$ export DOCKER_CONTEXT=web-2\nadmin@web-1:~$ docker context use default",
      "admin@web-1:~$ eval $(minikube docker-env)",
    ]) {
      expect(certainlyAffected(docker23(pasteWith(setup))), setup).toBe(false);
      expect(docker23(pasteWith(setup))?.status, setup).not.toBe("not-affected");
    }
    // One a URL or docker-machine names, web-2, a uname's host: web-2's Docker, and the run's line is web-2's too.
    for (const setup of [
      "admin@web-1:~$ export DOCKER_HOST=ssh://admin@web-2",
      "admin@web-1:~$ export DOCKER_HOST=ssh://admin@web-2\nadmin@web-1:~$ docker context use default",
      'admin@web-1:~$ eval "$(docker-machine env web-2)"',
      "admin@web-1:~$ declare -x DOCKER_HOST=ssh://admin@web-2",
      "admin@web-1:~$ DOCKER_HOST=ssh://admin@web-2\nadmin@web-1:~$ export DOCKER_HOST",
    ]) {
      expect(docker23(pasteWith(setup)), setup).toMatchObject({ status: "affected", reason: expect.stringContaining("node web-2") });
      expect(docker23(pasteWith(setup))?.reason, setup).not.toContain("node web-1");
    }
    // On one line with another command: web-2's too. Named by the command itself (Podman's remote client): no node's.
    expect(docker23(pasteWith("admin@web-1:~$ export DOCKER_HOST=tcp://web-2:2376 && true"))?.reason).toContain("node web-2");
    const podman = dockerVersion("admin@web-1:~$ podman --remote", "23.0.1").replace(" docker version", " version");
    expect(certainlyAffected(docker23([web1, web2, podman, run("admin@web-1:~$")].join("\n")))).toBe(false);
    // Undone before `docker version`, set on another machine, or set to the local socket: web-1's own Docker.
    for (const text of [
      pasteWith("admin@web-1:~$ export DOCKER_HOST=ssh://admin@web-2\nadmin@web-1:~$ unset DOCKER_HOST"),
      pasteWith("admin@web-1:~$ docker context use web-2\nadmin@web-1:~$ docker context use default"),
      pasteWith("admin@web-2:~$ export DOCKER_HOST=tcp://10.0.0.13:2376"),
      pasteWith("admin@web-1:~$ export DOCKER_HOST=unix:///var/run/docker.sock"),
      // Review 41a F5: what sets nothing for Docker (Podman's variable, a comment, a line written to a file, a subshell),
      // an unset of several variables, the local daemon named by the command over the shell's.
      pasteWith("admin@web-1:~$ export CONTAINER_HOST=ssh://core@web-2/run/podman/podman.sock"),
      pasteWith("admin@web-1:~$ # export DOCKER_HOST=ssh://admin@web-2"),
      pasteWith("admin@web-1:~$ echo 'export DOCKER_HOST=ssh://admin@web-2' >> ~/.bashrc"),
      pasteWith("admin@web-1:~$ (export DOCKER_HOST=ssh://admin@web-2; docker ps)"),
      pasteWith("admin@web-1:~$ export DOCKER_HOST=ssh://admin@web-2\nadmin@web-1:~$ unset DOCKER_TLS_VERIFY DOCKER_HOST DOCKER_CERT_PATH"),
      pasteWith("admin@web-1:~$ docker context use web-2").replaceAll("web-1:~$ docker ", "web-1:~$ docker --context default "),
      [web1, web2, dockerVersion("admin@web-1:~$ docker -H unix:///var/run/docker.sock", "23.0.1"), run("admin@web-1:~$")]
        .join("\n")
        .replace("docker.sock docker version", "docker.sock version"),
    ]) {
      expect(docker23(text)).toMatchObject({ status: "affected", level: "verified" });
      expect(certainlyAffected(docker23(text))).toBe(true);
    }
  });

  it("judges what a daemon elsewhere answered on that machine, not on the CLI's own Docker (review 41a F1)", () => {
    const TOO_OLD =
      "Error response from daemon: client version 1.41 is too old. Minimum supported API version is 1.44, please upgrade your client to a newer version";
    const ID29 = "docker-29-minimum-api-1.44-old-clients";
    const local = dockerVersion("$", "28.5.2").replace("1.42 (minimum version 1.12)", "1.51 (minimum version 1.24)");
    // The CLI's machine runs Docker 28.5.2; the daemon that refused is another's, and its refusal is Docker 29's own line.
    for (const setup of [
      "$ export DOCKER_HOST=ssh://admin@prod-2\n$ docker-compose up -d",
      "$ docker context use prod\n$ docker ps",
      "$ docker-compose -H ssh://admin@prod-2 up -d",
      "$ DOCKER_HOST=tcp://10.0.1.12:2376 docker ps",
    ]) {
      const verdict = verdictFor(ID29, `${local}\n${setup}\n${TOO_OLD}`);
      expect(verdict, setup).toMatchObject({ status: "affected", reason: expect.stringContaining("by its own line") });
      expect(verdict?.reason, setup).not.toContain("28.5.2");
    }
    // Two unames: the lines are web-2's, whose Docker the paste does not give but the line itself dates (review 41b F5).
    const fleet = [web1, web2, dockerVersion("admin@web-1:~$", "28.5.2"), "admin@web-1:~$ export DOCKER_HOST=ssh://admin@web-2"];
    const verdict = verdictFor(ID29, [...fleet, "admin@web-1:~$ docker-compose up -d", TOO_OLD].join("\n"));
    expect(verdict).toMatchObject({
      status: "affected",
      reason: expect.stringContaining("node web-2: docker (29.0.0 or later, by its own line)"),
    });
    // A daemon URL naming a node reports that node's versions, as `ssh web-2` would: its runc line is judged on them.
    const viaUrl = (run_: string) =>
      [
        web1,
        web2,
        dockerVersion("admin@web-1:~$ docker -H ssh://admin@web-2", "23.0.1").replace("web-2 docker version", "web-2 version"),
        run_,
      ].join("\n");
    const there = docker23(viaUrl(run("admin@web-1:~$ docker -H ssh://admin@web-2").replace("web-2 docker run", "web-2 run")));
    expect(there).toMatchObject({ status: "affected", reason: expect.stringContaining("node web-2") });
    expect(certainlyAffected(there)).toBe(true);
    // web-1's own run: web-2's Docker says nothing of it.
    expect(docker23(viaUrl(run("admin@web-1:~$")))?.status).toBe("unknown");
  });

  it("reads a daemon's setting as the shell that has it (review 41b)", () => {
    const version = dockerVersion("admin@web-1:~$", "23.0.1");
    const exported = "admin@web-1:~$ export DOCKER_HOST=ssh://admin@web-2";
    // F6: sudo's env_reset drops the variable, and `sudo -i` opens root's own shell: web-1's daemon ran it.
    for (const local of [run("admin@web-1:~$ sudo"), `admin@web-1:~$ sudo -i\n${run("root@web-1:~#")}`]) {
      const text = [version, exported, local].join("\n");
      expect(certainlyAffected(docker23(text)), local).toBe(true);
    }
    // ...unless sudo keeps the environment.
    expect(certainlyAffected(docker23([version, exported, run("admin@web-1:~$ sudo -E")].join("\n")))).toBe(false);
    // F4: a deploy script's `set -x` trace sets and uses the daemon as a prompt's commands do.
    const TOO_OLD = "Error response from daemon: client version 1.41 is too old. Minimum supported API version is 1.44";
    const traced = [
      dockerVersion("$", "28.5.2"),
      "$ ./deploy.sh",
      "+ export DOCKER_HOST=ssh://deploy@prod-2",
      "+ docker compose up -d",
      TOO_OLD,
    ];
    expect(verdictFor("docker-29-minimum-api-1.44-old-clients", traced.join("\n"))?.status).toBe("affected");
    // A reading its own line contradicts rules nothing out: only Docker 29 prints that refusal, whatever 28.5.2 was read
    // (here `sudo` kept the variable, or the daemon was upgraded since), and the line may be another daemon's: unknown.
    for (const between of ["$ export DOCKER_HOST=ssh://deploy@prod-2\n$ sudo docker compose up -d", "$ docker compose up -d"]) {
      const text = [dockerVersion("$", "28.5.2"), between, TOO_OLD].join("\n");
      expect(verdictFor("docker-29-minimum-api-1.44-old-clients", text), between).toMatchObject({
        status: "unknown",
        reason: expect.stringContaining("but the log's line is one only docker 29.0.0 or later prints"),
      });
    }
    // F8: an IPv6 daemon address is the node whose INTERNAL-IP it is.
    const v6 = [
      "admin@cp-1:~$ kubectl get nodes -o wide",
      "NAME    STATUS   ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION      CONTAINER-RUNTIME",
      "web-2   Ready    <none>   40d   v1.24.1   fd00::12      <none>        Ubuntu 22.04.3 LTS   5.15.0-88-generic   docker://23.0.1",
      "web-3   Ready    <none>   40d   v1.24.1   fd00::13      <none>        Ubuntu 22.04.3 LTS   5.15.0-88-generic   docker://23.0.2",
      run("admin@web-1:~$ docker -H tcp://[fd00::12]:2376").replace("2376 docker run", "2376 run"),
    ];
    expect(docker23(v6.join("\n"))).toMatchObject({ status: "affected", reason: expect.stringContaining("node web-2") });
  });

  it("reads the prompt in a container run with the host's name as the container's, and an upgrade at a node's prompt as that node's (review 41b)", () => {
    // F2: `--network host` (or -h) names the container as the host; its os-release is the image's, not web-1's.
    const image = 'PRETTY_NAME="Ubuntu 22.04.5 LTS"\nNAME="Ubuntu"\nVERSION_ID="22.04"\nID=ubuntu\nID_LIKE=debian';
    for (const flags of ["--network host", "--net=host", "-h web-1"]) {
      const text = `admin@web-1:~$ uname -r\n5.15.0-128-generic\nadmin@web-1:~$ docker run -it --rm ${flags} ubuntu:22.04\nroot@web-1:/# cat /etc/os-release\n${image}\nroot@web-1:/# exit`;
      expect(extractFacts(text).os, flags).toBeNull();
    }
    // F3: worker-2 logged 1.6.3's line, then upgraded to 1.6.4 at its own prompt: 1.6.4 rules nothing out.
    const CNI =
      'plugin type="loopback" failed (add): incompatible CNI versions; config is "1.0.0", plugin supports ["0.1.0" "0.2.0" "0.3.0" "0.3.1" "0.4.0"]';
    const upgraded = [
      web1,
      uname("worker-2", "26", "5.10.197-1"),
      "admin@worker-2:~$ sudo crictl logs 1a2b3c",
      CNI,
      "admin@worker-2:~$ sudo apt-get install -y containerd.io",
      "Unpacking containerd.io (1.6.4-1) over (1.6.3-1) ...",
      "Setting up containerd.io (1.6.4-1) ...",
      "admin@worker-2:~$ containerd --version",
      "containerd containerd.io 1.6.4 a05d175400b1145e5e6a735a6710579d181e7fb0",
    ].join("\n");
    expect(verdictFor("containerd-1.6.3-loopback-cni-1.0.0", upgraded)?.status).not.toBe("not-affected");
    // The same upgrade run from a bastion through pdsh or ansible is worker-2's too: its dpkg lines are worker-2's output.
    const viaBastion = (fanOut: string) =>
      upgraded.replace(/admin@worker-2:~\$ sudo apt-get install -y containerd\.io\n.*\n.*\n/, `${fanOut}\n`);
    for (const fanOut of [
      "admin@bastion:~$ pdsh -w worker-2 sudo apt-get install -y containerd.io\nworker-2: Unpacking containerd.io (1.6.4-1) over (1.6.3-1) ...\nworker-2: Setting up containerd.io (1.6.4-1) ...",
      'admin@laptop:~$ ansible worker-2 -b -m apt -a "name=containerd.io state=latest"\nworker-2 | CHANGED => {\n    "changed": true,\n    "stdout": "Setting up containerd.io (1.6.4-1) ...\\n"\n}',
      // ansible -o's one line, pdsh -N's unlabelled output of its one target (review 42b F5: both "not affected, certain").
      "admin@laptop:~$ ansible worker-2 -b -o -m shell -a 'apt-get install -y containerd.io'\nworker-2 | CHANGED | rc=0 | (stdout) Reading package lists...\\nSetting up containerd.io (1.6.4-1) ...",
      "admin@laptop:~$ pdsh -N -w worker-2 sudo apt-get install -y containerd.io\nSetting up containerd.io (1.6.4-1) ...",
    ]) {
      const text = viaBastion(fanOut);
      expect(text, fanOut).toContain(fanOut);
      expect(verdictFor("containerd-1.6.3-loopback-cni-1.0.0", text)?.status, fanOut).not.toBe("not-affected");
    }
    // ansible's address label is the machine EC2 names by it (ip-10-0-1-12), as an `ssh` target's is.
    const ec2 = viaBastion(
      'admin@laptop:~$ ansible 10.0.1.12 -b -m apt -a "name=containerd.io state=latest"\n10.0.1.12 | CHANGED => {\n    "stdout": "Setting up containerd.io (1.6.4-1) ...\\n"\n}',
    ).replaceAll("worker-2", "ip-10-0-1-12");
    expect(ec2).toContain("admin@ip-10-0-1-12:~$ containerd --version");
    expect(verdictFor("containerd-1.6.3-loopback-cni-1.0.0", ec2)?.status).not.toBe("not-affected");
    // Its later reading names no other machine (review 42b F9: worker-2's 1.6.4 was listed as web-1's).
    const finding = diagnoseBundle(
      kb,
      viaBastion(
        "admin@bastion:~$ pdsh -w worker-2 sudo apt-get install -y containerd.io\nworker-2: Setting up containerd.io (1.6.4-1) ...",
      ),
    ).findings.find((f) => f.id === "containerd-1.6.3-loopback-cni-1.0.0");
    const subjects = finding?.evidence.flatMap((e) => (e.kind === "version" ? [e.subject] : []));
    expect(subjects).toBeDefined();
    expect(subjects).not.toContainEqual(expect.stringContaining("web-1"));
  });

  it("reads a node's own output beside its row: one release in two forms, and over what a NotReady node last reported (review 40a)", () => {
    // Ubuntu's docker.io names its package build where the row names the release: one version.
    const ubuntu = [
      "admin@cp-1:~$ kubectl get nodes -o wide",
      table("docker://23.0.1", "docker://23.0.1"),
      dockerVersion("admin@worker-2:~$", "23.0.1").replace("API version", "Git commit:       23.0.1-0ubuntu1~22.04.1\n  API version"),
      run("admin@worker-2:~$"),
    ].join("\n");
    expect(docker23(ubuntu)).toMatchObject({
      status: "affected",
      reason: expect.stringContaining("node worker-2: docker (23.0.1-0ubuntu1~22.04.1)"),
    });
    // The upgraded kubelet's own --version beside its NotReady row's v1.25.5: the kubelet that failed is 1.26.
    const CRI =
      'Dec 12 10:25:58 worker-2 kubelet[4943]: E1212 10:25:58.816968    4943 run.go:74] "command failed" err="failed to run Kubelet: validate service connection: CRI v1 runtime API is not implemented for endpoint \\"unix:///run/containerd/containerd.sock\\": rpc error: code = Unimplemented desc = unknown service runtime.v1.RuntimeService"';
    const upgraded = [
      "admin@cp-1:~$ kubectl get nodes -o wide",
      table("containerd://1.5.9", "containerd://1.5.9", "NotReady"),
      "admin@worker-2:~$ kubelet --version",
      "Kubernetes v1.26.0",
      "admin@worker-2:~$ journalctl -u kubelet -n 1",
      CRI,
    ].join("\n");
    expect(verdictFor("kubelet-1.26-cri-v1-required", upgraded)).toMatchObject({ status: "affected" });
    expect(verdictFor("kubelet-1.26-cri-v1-required", upgraded)?.reason).not.toContain("no version of kubernetes was given");
    // The node's own `containerd --version` is what runs now, not what the NotReady row last reported (review 40c F9).
    const own = [
      "admin@cp-1:~$ kubectl get nodes -o wide",
      table("containerd://1.6.4", "containerd://1.6.4", "NotReady"),
      "admin@worker-2:~$ containerd --version",
      "containerd containerd.io 1.6.3 a05d175400b1145e5e6a735a6710579d181e7fb0",
      "admin@worker-2:~$ sudo crictl logs 1a2b3c",
      'plugin type="loopback" failed (add): incompatible CNI versions; config is "1.0.0", plugin supports ["0.1.0" "0.2.0" "0.3.0" "0.3.1" "0.4.0"]',
    ].join("\n");
    const containerd = verdictFor("containerd-1.6.3-loopback-cni-1.0.0", own);
    expect(certainlyAffected(containerd)).toBe(true);
    expect(containerd?.reason).not.toContain("last reported");
    // Beside a NotReady peer of the same versions that printed nothing of its own: the peer's hedge is not worker-2's
    // (rows of the same versions share their checks, and a set of components read now is part of those versions).
    const peer = own.replace("worker-1   Ready ", "worker-1   NotReady ").replace(/containerd:\/\/1\.6\.4/g, "containerd://1.6.3");
    expect(peer).toContain("worker-1   NotReady");
    expect(verdictFor("containerd-1.6.3-loopback-cni-1.0.0", peer)).toMatchObject({ status: "affected", level: "verified" });
    expect(certainlyAffected(verdictFor("containerd-1.6.3-loopback-cni-1.0.0", peer))).toBe(true);
    // The other way round: the row's 1.6.3 in range, the node's own 1.6.4 now, and 1.6.3's own line. The node may have
    // been upgraded after it failed, so its 1.6.4 rules nothing out (review 41a F3).
    const after = own.replace(/containerd:\/\/1\.6\.4/g, "containerd://1.6.3").replace("containerd.io 1.6.3", "containerd.io 1.6.4");
    expect(after).toContain("containerd.io 1.6.4");
    expect(verdictFor("containerd-1.6.3-loopback-cni-1.0.0", after)?.status).toBe("unknown");
  });

  it("takes a NotReady node's kernel as current where its own uname -a prints the same release (review 61b F1)", () => {
    // kubernetes#77728's PLEG line on an EKS node whose own uname, and its NotReady row, show the fixed kernel.
    const row = (name: string, status: string, kernel: string) =>
      `${name}   ${status}   <none>   3d    v1.23.13-eks-fb459a0   10.0.12.34    <none>        Amazon Linux 2   ${kernel}    containerd://1.6.6`;
    const bundle = (status: string) =>
      [
        "$ uname -a",
        "Linux ip-10-0-12-34.ec2.internal 5.4.219-126.411.amzn2.x86_64 #1 SMP Wed Nov 2 17:44:17 UTC 2022 x86_64 x86_64 x86_64 GNU/Linux",
        "$ kubectl get nodes -o wide",
        "NAME                          STATUS     ROLES    AGE   VERSION                INTERNAL-IP   EXTERNAL-IP   OS-IMAGE         KERNEL-VERSION                  CONTAINER-RUNTIME",
        row("ip-10-0-12-34.ec2.internal", status, "5.4.219-126.411.amzn2.x86_64"),
        row("ip-10-0-40-11.ec2.internal", "Ready", "5.4.217-126.408.amzn2.x86_64"),
        'Mar 02 03:14:07 ip-10-0-12-34.ec2.internal kubelet[3263]: E0302 03:14:07.523245    3263 kubelet.go:2055] "Skipping pod synchronization" err="PLEG is not healthy: pleg was last seen active 3m3.928932625s ago; threshold is 3m0s"',
      ].join("\n");
    const pleg = "eks-al2-5.4.217-pleg-hang";
    expect(verdictFor(pleg, bundle("Ready"))?.status).toBe("not-affected");
    const notReady = verdictFor(pleg, bundle("NotReady"));
    expect(notReady?.status).toBe("not-affected");
    expect(notReady?.reason).not.toContain("last reported");
  });

  it("files a one-row table's node's own output under that node, so its row and its own reading can disagree (review 41b F7)", () => {
    const oneRow = (runtime: string) =>
      [
        "admin@cp-1:~$ kubectl get nodes -o wide",
        "NAME    STATUS   ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION      CONTAINER-RUNTIME",
        `web-2   Ready    <none>   40d   v1.24.1   10.0.1.12     <none>        Ubuntu 22.04.3 LTS   5.15.0-88-generic   ${runtime}`,
      ].join("\n");
    // The row's 23.0.1 and web-2's own daemon's 23.0.2 at its prompt: two versions, no one of them the failed run's.
    const disputed = [oneRow("docker://23.0.1"), dockerVersion("admin@web-2:~$", "23.0.2"), run("admin@web-2:~$")].join("\n");
    // The row's version and the node's own, each named (review 54d W1).
    expect(docker23(disputed)).toMatchObject({
      status: "unknown",
      reason: expect.stringMatching(/that disagree \(23\.0\.1 and 23\.0\.2: /),
    });
    // Where they agree, the node's version decides, in its name.
    const agreed = [oneRow("docker://23.0.1"), dockerVersion("admin@web-2:~$", "23.0.1"), run("admin@web-2:~$")].join("\n");
    expect(docker23(agreed)).toMatchObject({ status: "affected", reason: expect.stringContaining("node web-2") });
    // Bare prompts under a uname naming the node are the node's too (review 42b F6: the row decided, "affected, certain"),
    // and under a uname naming another machine, that machine's: the row's version is not theirs.
    const bare = [oneRow("docker://23.0.1"), web2.replace("admin@web-2:~$", "$"), dockerVersion("$", "23.0.2"), run("$")].join("\n");
    expect(docker23(bare)).toMatchObject({ status: "unknown", reason: expect.stringContaining("disagree") });
    expect(docker23(bare.replace("Linux web-2", "Linux web-3"))).toMatchObject({
      status: "not-affected",
      reason: expect.stringContaining("the log's lines are web-3's, which the nodes table does not list"),
    });
    // A version read at a bare prompt beside the printing node's row of another answer may be either machine's: unknown,
    // naming both (review 44a F1: the bare reading decided, "affected, certain").
    const bareReading = [oneRow("docker://23.0.2"), dockerVersion("$", "23.0.1"), run("admin@web-2:~$")].join("\n");
    expect(docker23(bareReading)).toMatchObject({
      status: "unknown",
      reason: expect.stringContaining("the versions disagree: your docker 23.0.1: affected; node web-2: docker 23.0.2: not affected"),
    });
    // Bare unames of two nodes: the bare prompts were either's, so a bare reading both rows contradict decides nothing of a
    // bare line (review 44a F10: "affected, certain" on the bare reading); one they agree with still does.
    const bareTwo = (rows: string, reading: string) =>
      [
        `admin@cp-1:~$ kubectl get nodes -o wide\n${table(rows, rows)}`,
        uname("worker-1", "21", "5.10.162-1").replace("admin@worker-1:~$", "$"),
        uname("worker-2", "21", "5.10.162-1").replace("admin@worker-2:~$", "$"),
        dockerVersion("$", reading),
        run("$"),
      ].join("\n");
    expect(docker23(bareTwo("docker://23.0.2", "23.0.1"))).toMatchObject({
      status: "unknown",
      reason: expect.stringMatching(
        /^the log's lines are node worker-1 or node worker-2's \(the bare prompts printed each one's uname\).*disagree/,
      ),
    });
    expect(docker23(bareTwo("docker://23.0.1", "23.0.1"))?.status).toBe("affected");
    // A machine's own `docker run` at its own prompt is its daemon's refusal, not a node's (review 44a F6: judged on
    // web-2's row, "affected, certain").
    const laptopRun = [oneRow("docker://23.0.1"), dockerVersion("me@laptop:~$", "23.0.2"), run("me@laptop:~$")].join("\n");
    expect(docker23(laptopRun)?.reason).toContain("the log's lines are laptop's, which the nodes table does not list");
    expect(certainlyAffected(docker23(laptopRun))).toBe(false);
    // A prompt naming no node of a one-row table stays the paste's own machine (kubectl's, say), as before.
    const own = [oneRow("docker://23.0.2"), dockerVersion("admin@cp-1:~$", "23.0.1"), run("admin@cp-1:~$")].join("\n");
    expect(certainlyAffected(docker23(own))).toBe(true);
    // But the version it read judges nothing of the node's own line: the row does (review 42b F1: a laptop's 23.0.1
    // made web-2's run "affected, certain" beside web-2's row at 23.0.2), before or after the table, or by ssh.
    for (const [machine, failing] of [
      ["laptop", run("admin@web-2:~$")],
      ["cp-1", run("admin@cp-1:~$ ssh web-2")],
    ] as const) {
      const reading = dockerVersion(`admin@${machine}:~$`, "23.0.1");
      for (const text of [
        [oneRow("docker://23.0.2"), reading, failing],
        [reading, oneRow("docker://23.0.2"), failing],
      ]) {
        const verdict = docker23(text.join("\n"));
        expect(verdict, text.join("\n")).toMatchObject({ status: "not-affected", reason: expect.stringContaining("node web-2: docker") });
        expect(verdict?.reason).toContain(`the versions the paste read are ${machine}'s, another machine: not judged`);
      }
    }
  });

  it("reads the versions read at one machine's prompt as that machine's, not as another's whose lines follow (review 42b F2)", () => {
    const versionAt = (host: string, version: string) => dockerVersion(`admin@${host}:~$`, version);
    // No uname, no table: web-1's Docker judges nothing of web-2's run, in range or past the fix.
    for (const version of ["23.0.1", "24.0.7"]) {
      const text = [versionAt("web-1", version), run("admin@web-2:~$")].join("\n");
      expect(docker23(text), version).toMatchObject({
        status: "unknown",
        reason: expect.stringContaining("no version of web-2 is given: the log's lines are web-2's, and the paste's own output is web-1's"),
      });
    }
    // The same through ssh from a laptop, two machines one label apart.
    const overSsh = [
      dockerVersion("admin@laptop:~$ ssh worker-1.dc1.example.com", "23.0.1"),
      run("admin@laptop:~$ ssh worker-1.dc2.example.com"),
    ].join("\n");
    expect(docker23(overSsh)?.status).toBe("unknown");
    // The failing machine's own daemon start-up line, fetched through ssh, makes the laptop's reading no more its own
    // (review 44a: "not affected, certain" on the laptop's containerd 1.6.4, web-2's start-up line naming 1.6.3).
    const CNI =
      'plugin type="loopback" failed (add): incompatible CNI versions; config is "1.0.0", plugin supports ["0.1.0" "0.2.0" "0.3.0" "0.3.1" "0.4.0"]';
    const started = [
      "me@laptop:~$ containerd --version",
      "containerd containerd.io 1.6.4 a05d175400b1145e5e6a735a6710579d181e7fb0",
      "me@laptop:~$ ssh web-2 journalctl -u containerd",
      'Mar 01 09:00:00 web-2 containerd[812]: time="2023-03-01T09:00:00Z" level=info msg="starting containerd" revision=a05d175 version=1.6.3',
      `Mar 01 09:00:05 web-2 containerd[812]: ${CNI}`,
    ].join("\n");
    expect(diagnoseBundle(kb, started).findings.find((f) => f.id === "containerd-1.6.3-loopback-cni-1.0.0")?.verdict).toMatchObject({
      status: "unknown",
      reason: expect.stringContaining("no version of web-2 is given"),
    });
    // Read at two machines, neither the one that failed: still no version of it (review 44a F1: "affected, certain").
    const twoOthers = [versionAt("web-1", "23.0.1"), versionAt("web-3", "23.0.1"), run("admin@web-2:~$")].join("\n");
    expect(docker23(twoOthers)).toMatchObject({ status: "unknown", reason: expect.stringContaining("no version of web-2 is given") });
    // Read at two machines that disagree, one of them the one that failed: its own reading judges its line (review 44a
    // F9: unknown, "versions that disagree"), in range or past the fix, whichever machine's prompt came first.
    for (const [own, other] of [
      ["23.0.1", "24.0.7"],
      ["24.0.7", "23.0.1"],
    ] as const)
      for (const text of [
        [versionAt("laptop", other), versionAt("web-2", own), run("admin@web-2:~$")],
        [versionAt("web-2", own), versionAt("laptop", other), run("admin@web-2:~$")],
      ]) {
        const verdict = docker23(text.join("\n"));
        expect(verdict, text.join("\n")).toMatchObject({
          status: own === "23.0.1" ? "affected" : "not-affected",
          reason: expect.stringContaining(
            "the log's lines are web-2's, judged on the versions read at its prompt; those read at laptop's are another machine's",
          ),
        });
      }
    // A line no machine's prompt printed (the cluster's, a bare one) leaves them disagreeing, and so does a line pasted
    // under a reading's own output, which no `docker version` prints (review 45a F10: "not affected, certain").
    expect(docker23([versionAt("laptop", "24.0.7"), versionAt("web-2", "23.0.1"), run("$")].join("\n"))?.status).toBe("unknown");
    const pasted = [versionAt("laptop", "23.0.1"), versionAt("web-2", "24.0.7"), "", run("$").split("\n")[1]].join("\n");
    expect(docker23(pasted)?.status).toBe("unknown");
    // A bare uname names the bare prompts' machine: versions read at another's prompt judge nothing of a bare run, and
    // judge their own prompt's lines with the uname's kernel left out (review 44a F5: both went the wrong way, certain).
    const bareUname = web1.replace("admin@web-1:~$", "$");
    for (const version of ["23.0.1", "24.0.7"])
      expect(docker23([bareUname, versionAt("laptop", version), run("$")].join("\n")), version).toMatchObject({
        status: "unknown",
        reason: expect.stringContaining("the versions the paste read are laptop's, another machine: not judged"),
      });
    expect(docker23([bareUname, versionAt("web-2", "23.0.1"), run("admin@web-2:~$")].join("\n"))).toMatchObject({
      status: "affected",
      reason: expect.stringContaining("the paste's uname is web-1's, another machine: its kernel not judged"),
    });
    // One machine's version and its own run still decide, under its prompt or through ssh to it.
    for (const text of [
      [versionAt("web-2", "23.0.1"), run("admin@web-2:~$")],
      [dockerVersion("admin@laptop:~$ ssh web-2", "23.0.1"), run("admin@web-2:~$")],
    ])
      expect(certainlyAffected(docker23(text.join("\n"))), text.join("\n")).toBe(true);
  });

  it("reads a prompt naming a node of the table after a failed `docker run` as that node's, not a container's (review 41a F2)", () => {
    const rows = (status: string) =>
      [
        "admin@cp-1:~$ kubectl get nodes -o wide",
        "NAME    STATUS     ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION      CONTAINER-RUNTIME",
        `web-2   ${status}   <none>   40d   v1.24.1   10.0.1.12     <none>        Ubuntu 22.04.3 LTS   5.15.0-88-generic   docker://23.0.2`,
        `web-3   ${status}   <none>   40d   v1.24.1   10.0.1.13     <none>        Ubuntu 22.04.3 LTS   5.15.0-88-generic   docker://23.0.2`,
      ].join("\n");
    // web-3's run fails; web-2's `docker version` follows at web-2's prompt: web-2's version, no word on web-3's.
    for (const status of ["NotReady", "Ready  "]) {
      const text = [rows(status), "admin@web-3:~$ docker run --rm alpine", RUNC, dockerVersion("admin@web-2:~$", "23.0.1")].join("\n");
      expect(docker23(text)?.reason, status).not.toContain("node web-3: docker: 23.0.1");
      expect(certainlyAffected(docker23(text)), status).toBe(false);
    }
    // Two unames name the machines; web-3's own Docker 23.0.1 decides its failed run, not web-2's 23.0.2 after it.
    const unames = [web2, uname("web-3", "21", "5.10.162-1"), dockerVersion("admin@web-3:~$", "23.0.1"), run("admin@web-3:~$")];
    const fixedPeer = [...unames, dockerVersion("admin@web-2:~$", "23.0.2")].join("\n");
    expect(docker23(fixedPeer)).toMatchObject({ status: "affected", reason: expect.stringContaining("web-3") });
  });

  it("reads bare prompts after an interactive `ssh web-2` as web-2's shell, until it ends (review 40a F5)", () => {
    const session = (...after: string[]) =>
      [
        web1,
        web2,
        dockerVersion("admin@web-1:~$", "23.0.1"),
        "admin@web-1:~$ ssh web-2",
        "Last login: Wed Mar  1 09:00:00 2023",
        ...after,
      ].join("\n");
    // web-2's failed run at `$` is not web-1's, whose Docker is the only one read.
    expect(docker23(session(run("$")))).toMatchObject({
      status: "unknown",
      reason: expect.stringContaining("the log's lines are node web-2's"),
    });
    // web-2's own version at `$` is web-2's.
    expect(docker23(session(dockerVersion("$", "23.0.1"), run("$")))).toMatchObject({
      status: "affected",
      reason: expect.stringContaining("node web-2"),
    });
    // After `exit` (or ssh's "Connection to web-2 closed."), a bare `$` is no longer shown to be web-2's.
    for (const end of ["$ exit", "Connection to web-2 closed."])
      expect(docker23(session(end, run("$")))?.reason, end).not.toContain("the log's lines are node web-2's");
    // An ssh that opened no shell there (refused, timed out, a tunnel, no terminal) leaves the bare `$` unnamed, and
    // `ssh -t web-2 sudo -i` opens one (review 42b F3: web-1's failure was "not affected, certain" on web-2's Docker).
    const attempt = (ssh: string, ...printed: string[]) =>
      [web1, web2, dockerVersion("admin@web-1:~$", "23.0.1"), dockerVersion("admin@web-2:~$", "23.0.2"), ssh, ...printed, run("$")].join(
        "\n",
      );
    for (const [ssh, printed] of [
      ["admin@web-1:~$ ssh web-2", "ssh: connect to host web-2 port 22: Connection timed out"],
      ["admin@web-1:~$ ssh web-2", "Host key verification failed."],
      ["admin@web-1:~$ ssh web-2", "admin@web-2: Permission denied (publickey)."],
      ["admin@web-1:~$ ssh -fN -L 6443:localhost:6443 web-2", ""],
      ["admin@web-1:~$ ssh -T git@github.com", "Hi admin! You've successfully authenticated, but GitHub does not provide shell access."],
    ] as const)
      expect(docker23(attempt(ssh, printed))?.reason, `${ssh} ${printed}`).not.toContain("node web-2");
    expect(docker23(attempt("admin@web-1:~$ ssh -t web-2 sudo -i"))?.reason).toContain("node web-2");
    // `mosh` opens a shell there as `ssh` does, whatever its options (review 42b F4: web-1's versions judged web-2's line).
    for (const mosh of ["mosh web-2", "mosh -p 60001 admin@web-2", `mosh --ssh="ssh -p 2222" web-2`, "mosh web-2 -- sudo -i"])
      expect(docker23(attempt(`admin@web-1:~$ ${mosh}`))?.reason, mosh).toContain("node web-2");
    expect(docker23(attempt("admin@web-1:~$ mosh web-2 -- uptime"))?.reason).not.toContain("node web-2");
    // A shell left inside another (`ssh web-2` from web-1's session) returns to the one it was opened from.
    const nested = [
      "$ uname -a",
      "Linux laptop 5.10.0-21-amd64 #1 SMP Debian 5.10.162-1 (2023-01-21) x86_64 GNU/Linux",
      "$ ssh web-1",
      web1.replace("admin@web-1:~$", "$"),
      dockerVersion("$", "23.0.1"),
      "$ ssh web-2",
      web2.replace("admin@web-2:~$", "$"),
      "$ exit",
      "logout",
      "Connection to web-2 closed.",
      run("$"),
    ].join("\n");
    expect(docker23(nested)).toMatchObject({ status: "affected", reason: expect.stringContaining("the log's lines are node web-1's") });
    // `ssh web-2 docker ps` runs one command: the bare `$` after it is not web-2's.
    const oneShot = [web1, web2, dockerVersion("admin@web-1:~$", "23.0.1"), "admin@web-1:~$ ssh web-2 docker ps", run("$")].join("\n");
    expect(docker23(oneShot)?.reason).not.toContain("the log's lines are node web-2's");
  });

  it("still judges a machine's lines on its own Docker", () => {
    const same = [web1, dockerVersion("admin@web-1:~$", "23.0.1"), run("admin@web-1:~$"), web2].join("\n");
    expect(docker23(same)).toMatchObject({
      status: "affected",
      level: "verified",
      reason: expect.stringContaining("node web-1: docker: 23.0.1 is in"),
    });
  });
});
