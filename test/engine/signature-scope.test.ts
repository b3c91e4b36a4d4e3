import { describe, expect, it } from "vitest";
import { diagnoseBundle } from "../../src/engine/diagnose";
import { loadDataKb } from "../support/data-kb";

// What some records' signatures reach, read against the programs' own code (audit 35c).
const kb = (await loadDataKb()).compiled;
const finding = (text: string, id: string) => diagnoseBundle(kb, text).findings.find((f) => f.id === id);

describe("Docker 28.0.0's rootless slirp4netns refusal", () => {
  const ID = "docker-28.0.0-rootless-slirp4netns-port-driver-tcp";

  it("takes no 28.0.1+ warning for the bug: from 28.0.1 the words name the IPv6 protocol of the binding dockerd skips", () => {
    // libnetwork/drivers/bridge/port_mapping_linux.go at v28.0.1: Warnf("discarding request for %q") with the
    // ProtocolUnsupportedError, whose message names apiProto ("tcp6"); the container starts.
    const warning = `Mar 03 10:00:01 host dockerd-rootless.sh[1234]: time="2025-03-03T10:00:01.123456789Z" level=warning msg="discarding request for \\"[::]:8080\\"" error="protocol \\"tcp6\\" is not supported by the RootlessKit port driver \\"slirp4netns\\""`;
    expect(finding(warning, ID)).toBeUndefined();
  });

  it("still finds 28.0.0's error, whatever the protocol of the published port", () => {
    // v28.0.0's AddPort formats the request's protocol unsuffixed: "udp" for `-p 5353:53/udp`.
    const udp = `docker: Error response from daemon: driver failed programming external connectivity on endpoint dns (57b84dd9bada): protocol "udp" is not supported by the RootlessKit port driver "slirp4netns", discarding request for "[::]:5353"`;
    expect(finding(udp, ID)?.evidence[0]).toMatchObject({ kind: "log", weight: 0.95 });
  });
});

describe("AppArmor's missing profile", () => {
  const ID = "apparmor-docker-default-profile-not-loaded";

  it("reads runc 1.2's path (/proc/thread-self) as the exact message, not an approximate one", () => {
    // runc v1.2.0 libcontainer/apparmor: the profile name is written through utils.ProcThreadSelf("attr/apparmor/exec").
    const line =
      "docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: unable to apply apparmor profile: apparmor failed to apply profile: write /proc/thread-self/attr/apparmor/exec: no such file or directory: unknown.";
    const evidence = finding(line, ID)?.evidence[0];
    expect(evidence).toMatchObject({ kind: "log", signature: "apparmor-apply-profile-enoent" });
    expect(evidence).not.toHaveProperty("approximate");
  });

  it("says a custom profile named on the command line is the one to load: runc's message names no profile", () => {
    const d = diagnoseBundle(
      kb,
      "$ docker run --rm --security-opt apparmor=docker-nginx nginx:alpine\ndocker: Error response from daemon: OCI runtime create failed: unable to apply apparmor profile: apparmor failed to apply profile: write /proc/self/attr/apparmor/exec: no such file or directory: unknown.",
    );
    const found = d.findings.find((f) => f.id === ID);
    expect(found?.fix).toMatch(/security-opt apparmor=<name>.*apparmor_parser -r/s);
  });
});

describe("a component's range that holds only on some kernels (audit 35e)", () => {
  const FALCO = "falco-modern-ebpf-tailcall-sys-exit-einval-6.12-6.6.57";
  // `falco --version` of 0.39.2 (libs 0.18.2) and libpman's refusal, on a host whose uname the paste gives.
  const falcoOn = (kernel: string) => `$ uname -a
Linux node1 ${kernel} #1 SMP PREEMPT_DYNAMIC Fri Jan  3 16:31:28 UTC 2025 x86_64 GNU/Linux
$ falco --version
Falco version: 0.39.2 (x86_64)
Libs version:  0.18.2
$ kubectl logs -n falco falco-abcde
Fri Jan 10 10:15:51 2025: [libs]: libpman: failed to load BPF object (errno: 22 | message: Invalid argument)`;

  it("does not call Falco 0.39.2 affected on a 6.6 kernel by the range of the 6.12 break (kernelFrom)", () => {
    // Falco 0.39.2's release post: it fixed the tail-call check of 6.6.57+; libs#2172: 6.12 broke it again.
    expect(finding(falcoOn("6.6.60"), FALCO)?.verdict.status).not.toBe("affected");
    expect(finding(falcoOn("6.12.8"), FALCO)?.verdict.status).toBe("affected");
  });

  it("rules AL2023's 6.1 kernel out of a change of its 6.12 line: a removal is about the version, whatever the line", () => {
    // PR #2355: on 6.12 the nat table needs ip_tables and nf_nat, on 6.1 nf_nat alone; EKS 1.32 AMIs kept 6.1. The node's
    // own `crictl logs`: through `kubectl logs` the pod may be on another node than the shell's (review 59d F1).
    const paste = (kernel: string, k8s: string) => `$ uname -r
${kernel}
$ aws ec2 describe-images --image-ids ami-0abc --query 'Images[].Name' --output text
amazon-eks-node-al2023-x86_64-standard-${k8s}-v20250807
$ sudo crictl logs 3f2a1b9c8d7e
iptables-restore v1.8.10 (legacy): iptables-restore: unable to initialize table 'nat'`;
    const ID = "eks-al2023-6.12-iptable-nat-not-loaded-istio-init";
    expect(finding(paste("6.1.144-170.251.amzn2023.x86_64", "1.32"), ID)?.verdict).toMatchObject({ status: "not-affected" });
    expect(finding(paste("6.12.37-61.105.amzn2023.x86_64", "1.33"), ID)?.verdict).toMatchObject({ status: "affected" });
  });
});

describe("AppArmor's missing profile as current runc words it", () => {
  it("reads runc 1.2.8/1.3.3's procfs mount path (fsmount:fscontext:proc/...) as the exact message", () => {
    // filepath-securejoin's pathrs-lite (vendored in runc v1.3.3) names its private procfs mount "fsmount:fscontext:proc".
    const line =
      "docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: unable to apply apparmor profile: apparmor failed to apply profile: write fsmount:fscontext:proc/thread-self/attr/apparmor/exec: no such file or directory: unknown";
    const evidence = finding(line, "apparmor-docker-default-profile-not-loaded")?.evidence[0];
    expect(evidence).toMatchObject({ kind: "log", signature: "apparmor-apply-profile-enoent" });
    expect(evidence).not.toHaveProperty("approximate");
  });
});

describe("kubeadm's swap check (audit 39c)", () => {
  const ID = "kubelet-fails-with-swap-on";

  it("takes no skipped or warn-only check for the kubelet's refusal: minikube passes --ignore-preflight-errors=Swap", () => {
    // kubeadm prints a check named in --ignore-preflight-errors (and, from 1.23, the swap check always) as a WARNING.
    const skipped = [
      "[init] Using Kubernetes version: v1.13.2",
      "[preflight] Running pre-flight checks",
      "\t[WARNING Swap]: running with swap on is not supported. Please disable swap",
    ].join("\n");
    const f = finding(skipped, ID);
    expect(f === undefined || f.confidence === "low").toBe(true);
  });

  it("still finds the check that refused the host, and the kubelet's own refusal", () => {
    const refused =
      "error execution phase preflight: [preflight] Some fatal errors occurred:\n\t[ERROR Swap]: running with swap on is not supported. Please disable swap";
    expect(finding(refused, ID)?.evidence[0]).toMatchObject({ kind: "log", signature: "kubeadm-preflight-swap" });
    const kubelet =
      "F0105 10:00:00.000000    1234 server.go:265] failed to run Kubelet: running with swap on is not supported, please disable swap! or set --fail-swap-on flag to false";
    expect(finding(kubelet, ID)?.evidence[0]).toMatchObject({ kind: "log", signature: "kubelet-swap-on-not-supported" });
  });
});

describe("Docker 28's raw-table refusal as the daemon prints it (audit 39e)", () => {
  it("reads the two spaces dockerd prints before the iptables error, as well as the one a web page shows", () => {
    // moby v28.0.0: fmt.Errorf("Unable to %s %s rule: %w", …) around iptables' " (iptables failed: …)" (empty output).
    const error = (gap: string) =>
      `docker: Error response from daemon: failed to set up container networking: driver failed programming external connectivity on endpoint web (0123456789ab): Unable to enable DIRECT ACCESS FILTERING - DROP rule:${gap}(iptables failed: iptables --wait -t raw -A PREROUTING -d 172.17.0.2 ! -i docker0 -j DROP: iptables v1.8.7 (legacy): can't initialize iptables table \`raw': Table does not exist (do you need to insmod?)`;
    // Two spaces as dockerd prints them, one as a web page shows them, a line break where a terminal wrapped the message.
    for (const gap of ["  ", " ", "\n"]) {
      const evidence = finding(error(gap), "docker-28-iptables-raw-table-required")?.evidence[0];
      expect(evidence, JSON.stringify(gap)).toMatchObject({ signature: "docker-raw-filtering-drop-rule-failed" });
      expect(evidence, JSON.stringify(gap)).not.toHaveProperty("approximate");
    }
  });
});

describe("the conntrack table full in a container's network namespace", () => {
  it("reads the kernel's netns wording as the exact message (v6.18's __nf_conntrack_alloc names the namespace)", () => {
    // net/netfilter/nf_conntrack_core.c at v6.18.38: "table full in netns %u, dropping packet" outside init_net.
    const line = "[812344.116002] nf_conntrack: table full in netns 4026532456, dropping packet";
    expect(finding(line, "nf-conntrack-table-full")?.evidence[0]).toMatchObject({
      kind: "log",
      weight: 0.95,
      signature: "nf-conntrack-table-full",
    });
    expect(finding(line, "nf-conntrack-table-full")?.evidence[0]).not.toHaveProperty("approximate");
  });
});
