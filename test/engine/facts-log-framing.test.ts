import { describe, expect, it } from "vitest";
import { isLogFramed } from "../../src/engine/facts/log-framing";
import { CLEAN_KUBE_PROXY_START, UBUNTU_2204_OS_RELEASE, XOR_MARK_JOURNALD, XOR_MARK_KLOG } from "../support/seed-logs";

describe("log framing", () => {
  it("recognises journald, klog, ISO, dmesg and logfmt openings in real lines", () => {
    // journald: https://github.com/kubernetes/kube-proxy/issues/25; klog: bottlerocket#4295 and minikube#9798
    for (const line of [...XOR_MARK_JOURNALD.split("\n"), XOR_MARK_KLOG.split("\n")[0] ?? "", ...CLEAN_KUBE_PROXY_START.split("\n")]) {
      expect(isLogFramed(line)).toBe(true);
    }
    expect(isLogFramed("Feb  7 09:01:02 host kernel: nf_conntrack: table full, dropping packet")).toBe(true);
    // Cilium logfmt: https://github.com/siderolabs/pkgs/pull/1065
    expect(isLogFramed('level=error msg="iptables rules full reconciliation failed"')).toBe(true);
    expect(isLogFramed("2024-11-13T16:15:07.931Z stderr F E1113 16:15:07.931291 1 proxier.go:1481]")).toBe(true);
    expect(isLogFramed("[ 1234.567890] nf_conntrack: table full, dropping packet")).toBe(true);
  });

  it("never takes a bundle section or a prompt for a log line", () => {
    const sections = [
      "Linux k8s 5.15.0-127-generic #137-Ubuntu SMP Fri Nov 8 15:21:01 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux",
      "5.15.0-127-generic",
      "#137-Ubuntu SMP Fri Nov 8 15:21:01 UTC 2024",
      "Linux version 6.1.0-18-amd64 (debian-kernel@lists.debian.org) #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)",
      "Ubuntu 5.15.0-127.137-generic 5.15.167",
      ...UBUNTU_2204_OS_RELEASE.split("\n"),
      "NAME       STATUS   ROLES           AGE    VERSION   INTERNAL-IP",
      "iptables v1.8.7 (nf_tables)",
      "$ uname -a",
      "root@node:~# cat /etc/os-release",
      "[root@host ~]# uname -r",
    ];
    for (const line of sections) expect(isLogFramed(line), line).toBe(false);
  });
});
