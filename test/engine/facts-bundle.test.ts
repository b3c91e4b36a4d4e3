import { describe, expect, it } from "vitest";
import { diagnoseBundle, diagnoseFields } from "../../src/engine/diagnose";
import { findSections, logLineNumbers } from "../../src/engine/facts/bundle-sections";
import { extractFacts, factsFromFields } from "../../src/engine/facts/index";
import { loadDataKb } from "../support/data-kb";
import { DOCKER_29_VERSION } from "../support/tool-outputs";

const kb = (await loadDataKb()).compiled;
const kinds = (text: string) => findSections(text.split("\n")).map((s) => [s.kind, s.lines]);

// Pasted as-is, prompts included: https://github.com/kubernetes-sigs/kubespray/pull/7595
const KUBESPRAY = `(venv) [root@ec2-host kubespray]# /usr/local/bin/kubectl get nodes -o wide
NAME                     STATUS   ROLES                  AGE     VERSION   INTERNAL-IP     EXTERNAL-IP   OS-IMAGE         KERNEL-VERSION                  CONTAINER-RUNTIME
ec2-host.kaveman.intra   Ready    control-plane,master   6m14s   v1.20.6   192.168.0.245   <none>        Amazon Linux 2   4.14.231-173.361.amzn2.x86_64   containerd://1.4.4
(venv) [root@ec2-host kubespray]# cat /etc/os-release 
NAME="Amazon Linux"
VERSION="2"
ID="amzn"
ID_LIKE="centos rhel fedora"
VERSION_ID="2"
PRETTY_NAME="Amazon Linux 2"
ANSI_COLOR="0;33"
CPE_NAME="cpe:2.3:o:amazon:amazon_linux:2"
HOME_URL="https://amazonlinux.com/"
(venv) [root@ec2-host kubespray]# uname -a
Linux ec2-host.kaveman.intra 4.14.231-173.361.amzn2.x86_64 #1 SMP Mon Apr 26 20:57:08 UTC 2021 x86_64 x86_64 x86_64 GNU/Linux`;

// https://github.com/wazuh/wazuh-installation-assistant/issues/705
const DEBIAN = `root@ip-172-31-69-10:/home/admin# cat /etc/os-release 
PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
root@ip-172-31-69-10:/home/admin# uname -a
Linux ip-172-31-69-10 6.1.0-40-cloud-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.153-1 (2025-09-20) x86_64 GNU/Linux
root@ip-172-31-69-10:/home/admin# curl -sO https://packages.wazuh.com/4.14/wazuh-install.sh
root@ip-172-31-69-10:/home/admin# ls
wazuh-install.sh
root@ip-172-31-69-10:/home/admin# bash wazuh-install.sh -a -v
29/04/2026 10:46:08 DEBUG: Checking root permissions.
29/04/2026 10:46:08 INFO: Starting Wazuh installation assistant. Wazuh version: 4.14.5`;

// kube-proxy's own log, tab-indented as pasted, https://github.com/kubernetes/kubernetes/issues/66454:
// klog lines, logfmt lines with KEY=value pairs, and an RPM kernel release inside a message.
const KUBE_PROXY_LOG = `\tI0720 05:19:28.533050       1 feature_gate.go:190] feature gates: map[]
\ttime="2018-07-20T05:19:33Z" level=warning msg="Running modprobe ip_vs failed with message: \`modprobe: ERROR: could not insert 'ip_vs': Exec format error\\ninsmod /lib/modules/3.10.0-862.9.1.el7.x86_64/kernel/net/netfilter/ipvs/ip_vs.ko.xz\`, error: exit status 1"
\ttime="2018-07-20T05:19:33Z" level=error msg="Could not get ipvs family information from the kernel. It is possible that ipvs is not enabled in your kernel. Native loadbalancing will not work until this is fixed."
\tW0720 05:19:33.061016       1 server_others.go:289] Flag proxy-mode="" unknown, assuming iptables proxy
\tI0720 05:19:33.061964       1 server_others.go:138] Using iptables Proxier.`;

// A bundle of the brief's shape ({ uname -a; cat /etc/os-release; kubectl get nodes -o wide; iptables --version;
// journalctl -u kube-proxy; }), put together from real outputs:
const BUNDLE = [
  // https://github.com/yukinakanaka/tetragon-mini/pull/11
  "Linux lima-tetragon-mini 6.8.0-55-generic #57-Ubuntu SMP PREEMPT_DYNAMIC Wed Feb 12 23:20:18 UTC 2025 aarch64 aarch64 aarch64 GNU/Linux",
  // `cat /etc/*release` on Ubuntu 24.04 (lsb-release first), https://github.com/wazuh/wazuh-packages/pull/2966
  "DISTRIB_ID=Ubuntu",
  "DISTRIB_RELEASE=24.04",
  "DISTRIB_CODENAME=noble",
  'DISTRIB_DESCRIPTION="Ubuntu 24.04 LTS"',
  'PRETTY_NAME="Ubuntu 24.04 LTS"',
  'NAME="Ubuntu"',
  'VERSION_ID="24.04"',
  'VERSION="24.04 LTS (Noble Numbat)"',
  "VERSION_CODENAME=noble",
  "ID=ubuntu",
  "ID_LIKE=debian",
  "UBUNTU_CODENAME=noble",
  "LOGO=ubuntu-logo",
  // https://github.com/kubearmor/KubeArmor/issues/2505
  "NAME                                      STATUS   ROLES    AGE     VERSION               INTERNAL-IP   EXTERNAL-IP       OS-IMAGE                             KERNEL-VERSION   CONTAINER-RUNTIME",
  "gke-cluster-1-ubuntu-pool-ec20df67-92hx   Ready    <none>   6m26s   v1.34.4-gke.1130000   10.128.0.90   34.123.108.138    Ubuntu 24.04.3 LTS                   6.8.0-1042-gke   containerd://2.1.5",
  "gke-cluster-1-ubuntu-pool-ec20df67-sg20   Ready    <none>   6m28s   v1.34.4-gke.1130000   10.128.0.89   136.112.198.176   Ubuntu 24.04.3 LTS                   6.8.0-1042-gke   containerd://2.1.5",
  // https://github.com/k0sproject/k0s/issues/2157
  "iptables v1.8.8 (nf_tables)",
  // https://github.com/kubernetes/kube-proxy/issues/25
  'Feb 17 11:12:14 k8s-192-168-3-26 kube-proxy[9234]: E0217 11:12:14.212635    9234 proxier.go:1432] "Failed to execute iptables-restore" err=<',
  'Feb 17 11:12:14 k8s-192-168-3-26 kube-proxy[9234]:         exit status 2: ip6tables-restore v1.8.7 (nf_tables): unknown option "--xor-mark"',
  "Feb 17 11:12:14 k8s-192-168-3-26 kube-proxy[9234]:         Error occurred at line: 11",
  ...KUBE_PROXY_LOG.split("\n"),
].join("\n");

describe("findSections", () => {
  it("finds every output of the brief's bundle, with 1-based inclusive lines", () => {
    expect(kinds(BUNDLE)).toEqual([
      ["uname", [1, 1]],
      ["os-release", [2, 14]],
      ["nodes", [15, 17]],
      ["iptables-version", [18, 18]],
    ]);
  });

  it("skips prompt lines and keeps sections to the outputs", () => {
    expect(kinds(KUBESPRAY)).toEqual([
      ["nodes", [2, 3]],
      ["os-release", [5, 13]],
      ["uname", [15, 15]],
    ]);
    expect(kinds(DEBIAN)).toEqual([
      ["os-release", [2, 10]],
      ["uname", [12, 12]],
    ]);
  });

  it("uses `uname -r` and `uname -v` prompts", () => {
    // https://github.com/Xilinx/dma_ip_drivers/pull/377
    const text = "x:~/$ uname -r\n6.17.0-14-generic\nx:~/$ uname -v\n#14~24.04.1-Ubuntu SMP PREEMPT_DYNAMIC Thu Jan 15 15:52:10 UTC 2";
    expect(kinds(text)).toEqual([
      ["uname", [2, 2]],
      ["uname", [4, 4]],
    ]);
    // A bare x.y.z is a kernel only when `uname -r` printed it.
    expect(kinds("$ uname -r\n6.6.58")).toEqual([["uname", [2, 2]]]);
    expect(kinds("containerd version\n6.6.58")).toEqual([]);
  });

  it("finds /proc/version and /proc/version_signature", () => {
    // https://github.com/DE-IBH/apt-dater-host/pull/1
    const text = `$ cat /proc/version
Linux version 3.2.0-31-generic (buildd@allspice) (gcc version 4.6.3 (Ubuntu/Linaro 4.6.3-1ubuntu5) ) #50-Ubuntu SMP Fri Sep 7 16:16:45 UTC 2012

$ cat /proc/version_signature 
Ubuntu 3.2.0-31.50-generic 3.2.28`;
    expect(kinds(text)).toEqual([
      ["proc-version", [2, 2]],
      ["version-signature", [5, 5]],
    ]);
  });

  it("takes a uname line that goes on past a literal \\n for a log line, whose later parts are scanned (review 50a F4)", () => {
    const escaped = String.raw`Linux h1 5.15.0-91-generic #101-Ubuntu SMP x86_64 GNU/Linux\nkernel: unregister_netdevice: waiting for eth0 to become free. Usage count = 1`;
    // Its first part is still the uname it is (review 50h F2), and the line stays a log line.
    expect(kinds(escaped)).toEqual([["uname", [1, 1]]]);
    expect(extractFacts(escaped).kernel?.release).toBe("5.15.0-91-generic");
    expect(diagnoseBundle(kb, escaped).findings.map((f) => f.id)).toContain("unregister-netdevice-refcount-leak");
    // A plain uname line is still one.
    expect(kinds(escaped.split("\\n")[0] as string)).toEqual([["uname", [1, 1]]]);
  });

  it("takes no log line for a section", () => {
    expect(kinds(KUBE_PROXY_LOG)).toEqual([]);
  });
});

describe("extractFacts", () => {
  it("reads the brief's bundle", () => {
    const f = extractFacts(BUNDLE);
    expect(f.kernel).toMatchObject({ release: "6.8.0-55-generic", machine: "aarch64", line: 1 });
    expect(f.kernel?.package).toMatchObject({ ecosystem: "ubuntu:24.04", names: ["linux"], version: "6.8.0-55.57", certainty: "derived" });
    expect(f.kernel?.package?.note).not.toMatch(/inferred/);
    expect(f.os).toMatchObject({ id: "ubuntu", versionId: "24.04", codename: "noble", lines: [2, 14] });
    expect(f.nodes.map((n) => [n.name, n.line])).toEqual([
      ["gke-cluster-1-ubuntu-pool-ec20df67-92hx", 16],
      ["gke-cluster-1-ubuntu-pool-ec20df67-sg20", 17],
    ]);
    // The host's `iptables --version`, not the 1.8.7 that kube-proxy's own image reports.
    expect(f.iptables).toEqual({ version: "1.8.8", backend: "nf_tables", binary: "iptables", line: 18 });
    expect(logLineNumbers(f.lines)).toEqual([19, 20, 21, 22, 23, 24, 25, 26]);
    expect(f.lines).toHaveLength(26);
  });

  it("reads no kernel from a module's version: its own command's output, or a 2.x past Linux 2.6 (review 31a)", () => {
    // The ENA record's own check (`cat /sys/module/ena/version` prints "2.17.0g") beside the kernel's release.
    const ena = "$ uname -r\n6.12.92-122.166.amzn2023.x86_64\n$ cat /sys/module/ena/version\n2.17.0g";
    expect(extractFacts(ena).kernel?.release).toBe("6.12.92-122.166.amzn2023.x86_64");
    expect(extractFacts("$ modinfo -F version zfs\n2.2.6-1").kernel).toBeNull();
    expect(extractFacts("$ cat /sys/module/ixgbe/version\n5.19.6").kernel).toBeNull();
    expect(extractFacts("$ uname -r\n2.17.0g").kernel).toBeNull();
    // RHEL 6's 2.6.32 is a kernel.
    expect(extractFacts("$ uname -r\n2.6.32-754.el6.x86_64").kernel?.release).toBe("2.6.32-754.el6.x86_64");
  });

  it("judges a Debian kernel known by its ABI name through the changelog's uploads, else says which output gives its version", () => {
    const id = "debian-6.1.64-ext4-dio-corruption";
    const log = "preadv03.c:60: TFAIL: Buffer wrong at 0 have 62 expected 61";
    const os = 'NAME="Debian GNU/Linux"\nVERSION_ID="12"\nID=debian\n';
    const verdict = (uname: string) => diagnoseFields(kb, { logs: log, uname, osRelease: os }).findings.find((f) => f.id === id)?.verdict;
    // ABI 14 is 6.1.64-1 alone (review 56a F2); no changelog lists a 6.1.0-90.
    expect(verdict("6.1.0-14-amd64")).toMatchObject({ status: "affected", level: "verified" });
    expect(verdict("6.1.0-90-amd64")?.status).toBe("unknown");
    expect(verdict("6.1.0-90-amd64")?.reason).toMatch(/its package version is not known: `uname -v`.* prints it/);
    expect(verdict("Linux h 6.1.0-14-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.64-1 (2023-11-30) x86_64 GNU/Linux")?.status).toBe("affected");
  });

  it("reads a pasted shell session", () => {
    const f = extractFacts(KUBESPRAY);
    expect(f.kernel).toMatchObject({ release: "4.14.231-173.361.amzn2.x86_64", machine: "x86_64", line: 15, distro: "amzn" });
    expect(f.os).toMatchObject({ id: "amzn", versionId: "2", idLike: ["centos", "rhel", "fedora"] });
    expect(f.nodes).toHaveLength(1);
    expect(logLineNumbers(f.lines)).toEqual([]);

    const d = extractFacts(DEBIAN);
    expect(d.kernel?.package).toMatchObject({ ecosystem: "debian:12", version: "6.1.153-1" });
    // The command lines are not logs; `ls` printed a file name, which is.
    expect(logLineNumbers(d.lines)).toEqual([15, 17, 18]);
  });

  it("reads a capitalised line after a bare '#' as a comment (iptables-save's warning), not root's command", () => {
    const save = ["# iptables-save", "# Warning: iptables-legacy tables present, use iptables-legacy to see them", "*filter"];
    expect(logLineNumbers(save)).toEqual([2, 3]);
    const [first] = diagnoseBundle(kb, save.join("\n")).findings;
    expect(first?.id).toBe("iptables-legacy-nft-mixed-backends");
    expect(first?.evidence[0]).toMatchObject({ kind: "log", line: 2 });
  });

  it("puts uname -r and uname -v together", () => {
    const f = extractFacts(
      "x:~/$ uname -r\n6.17.0-14-generic\nx:~/$ uname -v\n#14~24.04.1-Ubuntu SMP PREEMPT_DYNAMIC Thu Jan 15 15:52:10 UTC 2",
    );
    expect(f.kernel).toMatchObject({ release: "6.17.0-14-generic", line: 2 });
    expect(f.kernel?.package?.version).toBe("6.17.0-14.14~24.04.1");
  });

  it("uses the version signature for the upstream version", () => {
    // https://github.com/eminence/procfs/issues/279
    const f = extractFacts(
      "tamird@pc:~/src$ cat /proc/sys/kernel/osrelease\n6.2.0-24-generic\ntamird@pc:~/src$ cat /proc/version_signature\nUbuntu 6.2.0-24.24-generic 6.2.12",
    );
    expect(f.kernel).toMatchObject({ release: "6.2.0-24-generic", upstream: "6.2.12", upstreamCertainty: "derived" });
    expect(f.kernel?.package).toMatchObject({ version: "6.2.0-24.24", certainty: "exact" });
  });

  it("finds nothing in plain logs", () => {
    const f = extractFacts(KUBE_PROXY_LOG);
    expect(f).toMatchObject({ kernel: null, os: null, nodes: [], iptables: null, sections: [] });
    expect(logLineNumbers(f.lines)).toEqual([1, 2, 3, 4, 5]);
  });

  it("counts lines of CRLF text the same way", () => {
    const f = extractFacts(KUBESPRAY.replace(/\n/g, "\r\n"));
    expect(f.kernel?.line).toBe(15);
    expect(f.lines[14]?.endsWith("GNU/Linux")).toBe(true);
  });
});

describe("factsFromFields", () => {
  it("reads each field as the output it is", () => {
    const f = factsFromFields({
      // https://github.com/canonical/github-runner-operator/pull/80
      uname: "5.15.0-76-generic\n#83-Ubuntu SMP Thu Jun 15 19:16:32 UTC 2023",
      // https://github.com/wazuh/wazuh/issues/25170
      osRelease: 'PRETTY_NAME="Ubuntu 22.04.2 LTS"\nNAME="Ubuntu"\nVERSION_ID="22.04"\nID=ubuntu\nID_LIKE=debian',
      // https://github.com/kubernetes/kubernetes/pull/46646
      nodes: `NAME                             STATUS                     AGE       VERSION   EXTERNAL-IP      OS-IMAGE             KERNEL-VERSION       CONTAINER-RUNTIME
ip-10-22-168-211.ec2.internal    Ready                      73d       v1.6.4    24.111.11.60     Ubuntu 14.04.5 LTS   4.4.0-38-generic     docker://1.11.2`,
      iptablesVersion: "iptables v1.8.8 (nf_tables)",
      logs: KUBE_PROXY_LOG,
    });
    expect(f.kernel?.package).toMatchObject({ ecosystem: "ubuntu:22.04", version: "5.15.0-76.83" });
    expect(f.kernel?.line).toBeUndefined();
    expect(f.os?.versionId).toBe("22.04");
    expect(f.nodes[0]).toMatchObject({ kernel: "4.4.0-38-generic", line: 2 });
    expect(f.iptables?.version).toBe("1.8.8");
    expect(f.lines).toHaveLength(5);
    expect(logLineNumbers(f.lines)).toEqual([1, 2, 3, 4, 5]);
  });

  it("reads a bare `uname -r` field without needing a prompt", () => {
    expect(factsFromFields({ uname: "6.6.58" }).kernel).toMatchObject({ upstream: "6.6.58", upstreamCertainty: "exact" });
    // /proc/version in its own field, https://github.com/SaschaWillems/glCapsViewer/issues/29
    const f = factsFromFields({
      procVersion:
        "Linux version 5.6.0-1-amd64 (debian-kernel@lists.debian.org) (gcc version 9.3.0 (Debian 9.3.0-11)) #1 SMP Debian 5.6.7-1 (2020-04-29)",
    });
    expect(f.kernel?.package?.version).toBe("5.6.7-1");
  });

  it("falls back to a bundle pasted into logs", () => {
    const f = factsFromFields({ logs: KUBESPRAY });
    expect(f.kernel?.release).toBe("4.14.231-173.361.amzn2.x86_64");
    expect(f.os?.id).toBe("amzn");
    expect(f.nodes).toHaveLength(1);
  });
});

describe("a bare release as the first line", () => {
  it("is read as `uname -r` output when it opens the bundle, and not elsewhere", () => {
    expect(findSections(["6.6.58", "some log line"]).map((s) => s.kind)).toEqual(["uname"]);
    expect(findSections(["some log line", "6.6.58"])).toEqual([]);
  });
});

describe("output captured with a timestamp on every line (GitHub Actions, kubectl logs --timestamps)", () => {
  // `docker version` of Docker Engine 29.0.0 (API 1.52, minimum 1.44, as in moby's v29.0.0 release) and Traefik's refusal
  // (the docker-29 record's example wording), each line stamped as GitHub Actions' raw log stamps it.
  const stamp = (lines: string[]) => lines.map((l) => `2025-11-12T08:41:07.1234567Z ${l}`).join("\n");
  const CI = stamp([
    ...DOCKER_29_VERSION,
    'PRETTY_NAME="Ubuntu 24.04.3 LTS"',
    'NAME="Ubuntu"',
    'VERSION_ID="24.04"',
    "ID=ubuntu",
    'time="2025-11-12T08:41:09Z" level=error msg="Provider connection error Error response from daemon: client version 1.24 is too old. Minimum supported API version is 1.44, please upgrade your client to a newer version, retrying in 7.341891102s" providerName=docker',
  ]);

  it("reads the tools' output under the stamps as it reads it bare", () => {
    expect(extractFacts(`${CI}\n`).components).toEqual(extractFacts(CI).components);
    const facts = extractFacts(CI);
    const bare = extractFacts(CI.replace(/^\S+Z /gm, ""));
    expect(facts.components).toEqual(bare.components);
    expect(facts.components.docker).toBe("29.0.0");
    expect(facts.os).toMatchObject({ id: "ubuntu", versionId: "24.04" });
    const d = diagnoseBundle(kb, CI);
    expect(d.findings[0]).toMatchObject({ id: "docker-29-minimum-api-1.44-old-clients", verdict: { status: "affected" } });
  });

  it("keeps journald's own ISO framing (an offset, a host and a program) as log lines", () => {
    const journal = "2025-11-12T08:41:07+0000 node-1 dockerd[812]: Client: Docker Engine - Community";
    expect(extractFacts(journal).lines).toEqual([journal]);
    // A program that dates its own lines so (Traefik) among others' lines: no capture, read as it is.
    const mixed = [journal, "2025-11-10T23:03:43Z ERR Provider error, retrying in 2.356192979s providerName=docker", journal];
    expect(extractFacts(mixed.join("\n")).lines).toEqual(mixed);
  });
});

describe("a kernel's own output naming another build than the pasted uname", () => {
  // The ENA record's own oops header (amzn-drivers#380) from before an upgrade, and `uname -r` taken after it.
  const UPGRADED = `$ uname -r
6.12.94-123.180.amzn2023.aarch64
CPU: 0 UID: 0 PID: 312 Comm: irq/86-pciehp Tainted: G           OE      6.12.92-122.166.amzn2023.aarch64 #1
Hardware name: Amazon EC2 c8g.large/, BIOS 1.0 11/1/2018
Unable to handle kernel paging request at virtual address ffff8000877cde30`;

  it("gives two kernels, so the running one does not judge the crash the other printed (review 35a), which its own header does", () => {
    const facts = extractFacts(UPGRADED);
    expect(facts.kernel).toBeNull();
    expect(facts.kernelsGiven).toEqual(["6.12.94-123.180.amzn2023.aarch64", "6.12.92-122.166.amzn2023.aarch64"]);
    // The crash is judged on the kernel its header names (review 50b F2), not on the uname's.
    const ena = diagnoseBundle(kb, UPGRADED).findings.find((f) => f.id === "al2023-6.12.92-ena-2.17.0-eni-detach-panic");
    expect(ena?.verdict).toMatchObject({
      reason: expect.stringContaining("6.12.92-122.166.amzn2023.aarch64) as amzn:2023"),
    });
    expect(ena?.verdict.reason).toContain("the kernel the crash itself names");
  });

  it("takes a header naming the uname's own build as the same kernel", () => {
    const same = UPGRADED.replace("6.12.92-122.166", "6.12.94-123.180");
    expect(extractFacts(same).kernel?.release).toBe("6.12.94-123.180.amzn2023.aarch64");
  });
});
