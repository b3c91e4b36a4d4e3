import { describe, expect, it } from "vitest";
import { diagnoseFields } from "../../src/engine/diagnose";
import type { DiagnoseInput } from "../../src/engine/diagnose-input";
import { loadDataKb } from "../support/data-kb";
import { UBUNTU_2204_OS_RELEASE, unameJammy127, XOR_MARK_JOURNALD, XOR_MARK_KLOG } from "../support/seed-logs";

// One log line, however specific, is printed by other causes too: high takes a second witness.
const kb = (await loadDataKb()).compiled;
const XT = "xt-mark-ipv6-typo-2024";
const BR = "br-netfilter-not-loaded";
const find = (input: DiagnoseInput, id: string) => diagnoseFields(kb, input).findings.find((f) => f.id === id);

// kubeadm's preflight (kubernetes#67431) and `docker info` (openwrt/packages#12073) on hosts without br_netfilter, from the record's examples.
const PREFLIGHT =
  "[ERROR FileContent--proc-sys-net-bridge-bridge-nf-call-iptables]: /proc/sys/net/bridge/bridge-nf-call-iptables does not exist";
const DOCKER_INFO = "WARNING: bridge-nf-call-iptables is disabled";
// The conntrack record's example: conntrack's own refusal, then kube-proxy quoting it (cut at 80, "conntrac" / "k v1.4.4").
const CONNTRACK_LINE =
  "conntrack command returned: \"conntrack v1.4.4 (conntrack-tools): mismatched address family\\nTry `conntrack -h' or 'conntrack --help' for more information.\\n\", error message: exit status 2";
const KUBE_PROXY_CONNTRACK = `E0821 15:22:29.549792       1 proxier.go:635] Failed to delete kube-system/kube-dns:dns endpoint connections, error: error deleting conntrack entries for UDP peer {fd00:10:96::a, fd00:10:244::3}, error: ${CONNTRACK_LINE}`;

describe("confidence: high needs a second witness", () => {
  it("keeps one message below high however specific, and says which fact would raise it", () => {
    const f = find({ logs: XOR_MARK_KLOG }, XT);
    expect(f?.score).toBeGreaterThanOrEqual(0.75);
    expect(f?.confidence).toBe("medium");
    expect(f?.unverified[0]).toMatch(/only evidence is one message.*second fact agrees: a version in the affected range \(uname -r/);
  });

  it("does not ask for a kernel the input already gave, when the record's data cannot judge it", () => {
    // A RHEL 9 kernel (https://github.com/wazuh/wazuh/issues/38797): the MARK record's ranges are upstream and
    // Ubuntu/Fedora packages, so the verdict stays unknown and another uname would not help.
    const f = find({ logs: XOR_MARK_KLOG, uname: "5.14.0-362.8.1.el9_3.x86_64" }, XT);
    expect(f?.verdict.status).toBe("unknown");
    expect(f?.confidence).toBe("medium");
    expect(f?.unverified[0]).toMatch(/second fact agrees: another of this bug's symptoms\.$/);
  });

  it("reads ip6tables' MARK refusal retold without its version tag by its own signature, and not the IPv4 tool's (review 60b F5)", () => {
    const retold = find({ logs: 'ip6tables-restore: unknown option "--set-mark"' }, XT);
    expect(retold?.evidence[0]).toMatchObject({ kind: "log", signature: "ip6tables-unknown-mark-option" });
    expect(retold?.evidence[0]).not.toHaveProperty("approximate");
    expect(find({ logs: 'iptables-restore: unknown option "--set-mark"' }, XT)).toBeUndefined();
  });

  it("counts one message repeated on many lines once", () => {
    const flood = Array.from({ length: 5 }, () => XOR_MARK_JOURNALD).join("\n");
    expect(find({ logs: flood }, XT)?.confidence).toBe("medium");
  });

  it("counts a flood as one witness however many copies the evidence cap leaves out", () => {
    // kube-proxy restarting in a loop prints its refusal each time (the record's example line, awslabs/amazon-eks-ami#925).
    const refusal =
      'E0412 10:15:48.739711       1 server_others.go:107] "Can\'t use the IPVS proxier" err="IPVS proxier will not be used because the following required kernel modules are not loaded: [ip_vs_lc]"';
    const loop = Array.from({ length: 12 }, () => refusal).join("\n");
    const ipvs = find({ logs: loop }, "kube-proxy-ipvs-kernel-modules-missing");
    expect(ipvs?.evidence.filter((e) => e.kind === "log")).toHaveLength(5);
    expect(ipvs?.confidence).toBe("medium");
  });

  it("is high once the kernel is in the affected range, without the caveat", () => {
    const f = find({ logs: XOR_MARK_KLOG, uname: unameJammy127("worker-2"), osRelease: UBUNTU_2204_OS_RELEASE }, XT);
    expect(f?.verdict.status).toBe("affected");
    expect(f?.confidence).toBe("high");
    expect(f?.unverified.some((u) => u.includes("one message"))).toBe(false);
  });

  it("is high on two of the bug's messages on lines of their own; a bug with no versions asks for a symptom only", () => {
    const one = find({ logs: PREFLIGHT }, BR);
    expect(one?.confidence).toBe("medium");
    expect(one?.unverified[0]).toMatch(/second fact agrees: another of this bug's symptoms/);
    expect(find({ logs: `${PREFLIGHT}\n${DOCKER_INFO}` }, BR)).toMatchObject({
      confidence: "high",
      scoreComponents: { matchedSignatures: 2 },
    });
  });
});

describe("confidence: one message is one witness, however the paste broke its lines (review 39a)", () => {
  const ID = "kubelet-docker-cgroup-driver-mismatch";
  const plain = [
    "Jan 03 01:49:48 banwagong localkube[30646]: I0103 01:49:48.656586   30646 docker_service.go:207] Docker cri networking managed by kubernetes.io/no-op",
    'Jan 03 01:49:48 banwagong localkube[30646]: kubelet: Exit with error: failed to run Kubelet: failed to create kubelet: misconfiguration: kubelet cgroup driver: "cgroupfs" is different from docker cgroup driver: "systemd"',
  ].join("\n");
  // The same two lines as a terminal 80 columns wide copies them: each cut at the 80th character.
  const wrapped = plain
    .split("\n")
    .flatMap((line) => line.match(/.{1,80}/g) ?? [])
    .join("\n");
  const answer = (logs: string) => diagnoseFields(kb, { logs }).findings.find((f) => f.id === ID);

  it("keeps a message wrapped at 80 columns as sure as its one line: its two signatures on two of its lines are one witness", () => {
    expect(wrapped.split("\n").length).toBeGreaterThan(plain.split("\n").length);
    const one = answer(plain);
    expect(one?.confidence).toBe("medium");
    expect(answer(wrapped)).toMatchObject({ confidence: one?.confidence, score: one?.score });
  });

  it("still counts a program's own error line after its log line as a second witness when the paste is not wrapped", () => {
    // kube-proxy's klog line, then cobra's unframed "Error: …" on stderr: two messages (the hashsize record's example).
    const logs = [
      "I1014 12:23:21.540265    1170 conntrack.go:40] Setting nf_conntrack_max to 131072",
      "I1014 12:23:21.540758    1170 conntrack.go:57] Setting conntrack hashsize to 32768",
      "Error: write /sys/module/nf_conntrack/parameters/hashsize: operation not supported",
    ].join("\n");
    const f = diagnoseFields(kb, { logs }).findings.find((x) => x.id === "kube-proxy-conntrack-hashsize-non-init-netns");
    expect(f?.confidence).toBe("high");
  });

  it("counts two messages a JSON string joins by escaped newlines as two witnesses, as on their own lines (review 39a)", () => {
    // ipamd's lines from the aws-vpc-cni record's example, as Ansible's fatal line and `kubectl get pod -o json` quote them.
    const lines = [
      '{"level":"debug","ts":"2022-07-27T14:05:10.180Z","caller":"datastore/data_store.go:713","msg":"AssignPodIPv4Address: ENI eni-05d055aa998b5504d does not have available addresses"}',
      '{"level":"error","ts":"2022-07-27T14:05:10.180Z","caller":"datastore/data_store.go:713","msg":"DataStore has no available IP/Prefix addresses"}',
      '{"level":"info","ts":"2022-07-27T14:05:10.180Z","caller":"rpc/rpc.pb.go:713","msg":"Send AddNetworkReply: IPv4Addr , IPv6Addr: , DeviceNumber: -1, err: assignPodIPv4AddressUnsafe: no available IP/Prefix addresses"}',
    ];
    const CNI = "aws-vpc-cni-no-free-ip-for-pod";
    const plain = find({ logs: lines.join("\n") }, CNI);
    expect(plain?.confidence).toBe("high");
    const quoted = JSON.stringify(lines.join("\n"));
    for (const logs of [
      `fatal: [node-1]: FAILED! => {"changed": true, "rc": 1, "stderr": ${quoted}, "stderr_lines": ${JSON.stringify(lines)}}`,
      `            "message": ${quoted},`,
    ])
      expect(find({ logs }, CNI), logs.slice(0, 40)).toMatchObject({ confidence: "high" });
    // Two messages that repeat one signature's quoted words count as on their lines (review 40c: kubectl's CRD refusal
    // twice, its words' quotes escaped in JSON); LTP's failures, which share a source file's name, stay two (review 40c).
    const crd = (file: string) =>
      `unable to recognize "${file}": no matches for kind "CustomResourceDefinition" in version "apiextensions.k8s.io/v1beta1"`;
    const crds = [crd("crds/a.yaml"), crd("crds/b.yaml")];
    const K122 = "kubernetes-1.22-beta-apis-removed";
    expect(find({ logs: `"stderr": ${JSON.stringify(crds.join("\n"))}` }, K122)?.confidence).toBe(
      find({ logs: crds.join("\n") }, K122)?.confidence,
    );
    const ltpFailures = [
      "preadv03.c:77: TFAIL: Buffer wrong at 0 have 62 expected 61",
      "preadv03.c:66: TFAIL: preadv(O_DIRECT) read 0 bytes, expected 512",
    ];
    const DIO = "debian-6.1.64-ext4-dio-corruption";
    expect(find({ logs: `"stderr": ${JSON.stringify(ltpFailures.join("\n"))}` }, DIO)?.confidence).toBe(
      find({ logs: ltpFailures.join("\n") }, DIO)?.confidence,
    );
    // One message still counts once, whatever the escapes around it: a signature matching across an escape covers both
    // messages, one found in two of them is in both, and a Windows path's backslash outside a string breaks nothing (review 40b).
    const XT = "xt-mark-ipv6-typo-2024";
    const stderr = (escaped: string) =>
      `level=error msg="Failed to install iptables rules" error="unable to run 'ip6tables -t mangle -A CILIUM_PRE_mangle -j MARK --set-mark 0x00000200' iptables command: exit status 1" stderr="Warning: Extension MARK revision 0 not supported, missing kernel module?${escaped}ip6tables: No chain/target/match by that name."`;
    expect(find({ logs: stderr("\\n") }, XT)?.confidence).toBe(find({ logs: stderr(" ") }, XT)?.confidence);
    const CONNTRACK = "kube-proxy-conntrack-ipv6-mismatched-address-family";
    const kubeProxy =
      'Failed to delete kube-system/kube-dns:dns endpoint connections, error: error deleting conntrack entries for UDP peer {fd00:10:96::a, fd00:10:244::3}, error: conntrack command returned: "conntrack v1.4.4 (conntrack-tools): mismatched address family"';
    const plainConntrack = find({ logs: `conntrack v1.4.4 (conntrack-tools): mismatched address family\n${kubeProxy}` }, CONNTRACK);
    expect(
      find(
        { logs: `"stderr": ${JSON.stringify(`conntrack v1.4.4 (conntrack-tools): mismatched address family\n${kubeProxy}`)}` },
        CONNTRACK,
      )?.confidence,
    ).toBe(plainConntrack?.confidence);
    expect(
      find({ logs: kubeProxy.replace(", error: conntrack", ", trace C:\\new\\node-logs\\kp.log, error: conntrack") }, CONNTRACK)
        ?.confidence,
    ).toBe(find({ logs: kubeProxy }, CONNTRACK)?.confidence);
    const one = JSON.stringify(`${lines[1]}\n${lines[1]}\nretrying`);
    expect(find({ logs: `"stderr": ${one}` }, CNI)?.confidence).not.toBe("high");
  });

  it("takes a program's new message (its banner, a severity, its source line) for a message of its own in a wrapped paste (review 39b F4)", () => {
    // modprobe's line is exactly 80 characters; iptables' message, next, is wrapped at 80 by the terminal.
    const modprobe = "modprobe: FATAL: Module ip_tables not found in directory /lib/modules/6.1.21-v8+";
    const iptables = "iptables v1.8.7 (legacy): can't initialize iptables table `nat': Table does not exist (do you need to insmod?)";
    expect(modprobe).toHaveLength(80);
    const NAT = "iptables-legacy-nat-table-unavailable";
    const at = (logs: string) => diagnoseFields(kb, { logs }).findings.find((f) => f.id === NAT);
    const plainNat = at(`$ sudo iptables -t nat -L\n${modprobe}\n${iptables}`);
    expect(plainNat?.confidence).toBe("high");
    for (const cut of [
      `${iptables.slice(0, 79)}\n${iptables.slice(80)}`, // word wrap: the space at the break dropped
      `${iptables.slice(0, 80)}\n${iptables.slice(80)}`, // a hard cut at 80
    ]) {
      const f = at(`$ sudo iptables -t nat -L\n${modprobe}\n${cut}\nPerhaps iptables or your kernel needs to be upgraded.`);
      expect(f, cut).toMatchObject({ confidence: "high", score: plainNat?.score });
      expect(
        f?.evidence.some((e) => e.kind === "log" && e.text.includes("v8+iptables")),
        cut,
      ).toBe(false);
    }
    // A space the console left after modprobe's line, alone or at every break (`fold -s`), joins nothing to it (review 40c F7).
    const iptablesFolded = `${iptables.slice(0, 80)}\n${iptables.slice(80)}`;
    for (const logs of [
      `$ sudo iptables -t nat -L\n${modprobe.slice(0, 79)} \n${iptables.slice(0, 79)}\n${iptables.slice(80)}`,
      `$ sudo iptables -t nat -L\n${modprobe.slice(0, 79)} \n${iptablesFolded}\nPerhaps iptables or your kernel needs to be upgraded.`,
    ])
      expect(at(logs), logs).toMatchObject({ confidence: "high", score: plainNat?.score });
    // After a colon, the banner is the message another one quotes: one message (dockerd's start-up failure, as it prints
    // it on its console), word-wrapped where the break falls before the banner.
    const docker = `failed to start daemon: Error initializing network controller: error obtaining controller instance: failed to create NAT chain DOCKER: iptables failed: iptables --wait -t nat -N DOCKER: ${iptables}`;
    const wordWrapped = (width: number) =>
      docker.split(" ").reduce<string[]>((out, word) => {
        const last = out.at(-1);
        if (last !== undefined && last.length + 1 + word.length <= width) out[out.length - 1] = `${last} ${word}`;
        else out.push(word);
        return out;
      }, []);
    const split = [64, 68, 72, 76, 80].map(wordWrapped).find((lines) => lines.some((l) => l.startsWith("iptables v1.8.7")));
    expect(split).toBeDefined();
    expect(
      at(split?.join("\n") ?? "")?.evidence.some((e) => e.kind === "log" && e.text.includes("-N DOCKER: iptables v1.8.7")),
      split?.join("\n"),
    ).toBe(true);
    // LTP's lines open with the source line that printed them: in a paste the wrap reading finds wrapped (mke2fs' options
    // cut at "extra"), its two failures are two messages (the debian-6.1.64 record's example).
    const ltp = [
      "tst_test.c:1650: TINFO: === Testing on ext4 ===",
      "tst_test.c:1105: TINFO: Formatting /dev/loop43 with ext4 opts='' extra ",
      "opts=''",
      "mke2fs 1.46.5 (30-Dec-2021)",
      "preadv03.c:102: TINFO: Using block size 512",
      "preadv03.c:77: TFAIL: Buffer wrong at 0 have 62 expected 61",
      "preadv03.c:66: TFAIL: preadv(O_DIRECT) read 0 bytes, expected 512",
    ].join("\n");
    expect(find({ logs: ltp }, "debian-6.1.64-ext4-dio-corruption")?.confidence).toBe("high");
    // Not a banner a message quotes inside its open string, nor one a cut at the width may have split off a word (review 40b).
    const dockerd =
      'time="2025-10-17T09:37:09.461073768Z" level=warning msg="ip6tables is enabled, but cannot set up ip6tables chains" error="failed to create NAT chain DOCKER: iptables failed: ip6tables --wait -t nat -N DOCKER: ip6tables v1.8.11 (legacy): can\'t initialize ip6tables table `nat\': Table does not exist (do you need to insmod?)\\nPerhaps ip6tables or your kernel needs to be upgraded.\\n (exit status 3)"';
    const wrappedAt = (text: string, width: number) => {
      const out: string[] = [];
      let line = "";
      for (const word of text.split(" ")) {
        if (line && line.length + 1 + word.length > width) {
          out.push(`${line} `);
          line = word;
        } else line = line ? `${line} ${word}` : word;
      }
      return [...out, line].join("\n");
    };
    expect(wrappedAt(dockerd, 72)).toContain("\nip6tables v1.8.11 (legacy)");
    expect(find({ logs: wrappedAt(dockerd, 72) }, NAT)?.confidence).toBe(find({ logs: dockerd }, NAT)?.confidence);
    const cut = `${CONNTRACK_LINE}\n${KUBE_PROXY_CONNTRACK}`;
    expect(
      find({ logs: (cut.match(/.{1,80}/g) ?? []).join("\n") }, "kube-proxy-conntrack-ipv6-mismatched-address-family")?.confidence,
    ).toBe(find({ logs: cut }, "kube-proxy-conntrack-ipv6-mismatched-address-family")?.confidence);
  });

  it("holds a distribution's own bug at low on a host nothing places in a distribution, unless its line is decisive (review 61e F2)", () => {
    const USERNS = "rhel7-user-namespaces-disabled-rootless-containers";
    // microsoft/WSL#2981: WSL1 has no user namespaces; unshare answers EINVAL as RHEL 7's kernel does.
    const wsl = "tim@localhost:/$ unshare -U\nunshare: unshare failed: Invalid argument";
    const unplaced = find({ logs: wsl }, USERNS);
    expect(unplaced?.confidence).toBe("low");
    expect(unplaced?.unverified[0]).toMatch(/^Held at low: this bug lives only in rhel:7 builds/);
    // The host's own kernel package places it in RHEL 7: the same line is medium, and affected.
    const el7 = find({ logs: wsl, uname: "3.10.0-1160.el7.x86_64" }, USERNS);
    expect(el7?.confidence).not.toBe("low");
    expect(el7?.verdict.status).toBe("affected");
    // A release a sentence names, at its end or as an upgrade's two ends, places the host in its distribution (review 61f L1).
    for (const said of ["Running on CentOS 7.", "This started after I upgraded from CentOS 7.8 to CentOS 7.9."])
      expect(find({ logs: `${said}\n${wsl}` }, USERNS)?.confidence, said).not.toBe("low");
    // A line naming the sysctl itself identifies the bug on its own.
    const named = find({ logs: "Error: user namespaces are not enabled in /proc/sys/user/max_user_namespaces" }, USERNS);
    expect(named?.confidence).toBe("medium");
  });

  it("keeps tar's refusal to set a file's times a hint only: NFS and file ownership print it too (review 61e F1)", () => {
    // rvm/rvm#4356: a multi-user RVM's update over files another user owns (fixed with rvmsudo), no container.
    const rvm = ["1.9.3/p550", "1.9.3/p551", "1.9.3"]
      .map((v) => `gtar: patchsets/ruby/${v}: Cannot utime: Operation not permitted`)
      .join("\n");
    expect(find({ logs: rvm }, "new-libc-images-on-old-docker-seccomp")?.confidence).toBe("low");
  });
});
