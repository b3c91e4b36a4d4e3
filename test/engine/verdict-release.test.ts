import { describe, expect, it } from "vitest";
import { diagnoseFields } from "../../src/engine/diagnose";
import { releaseEcosystem } from "../../src/engine/facts";
import { parseOsRelease } from "../../src/engine/facts/os-release";
import { loadDataKb } from "../support/data-kb";

// A record that says a whole distribution release is affected (introduced 0, nothing fixed) is decided
// by the os-release alone when no version of the package is given, for a finding the log shows.
const kb = (await loadDataKb()).compiled;
const USERNS = "ubuntu-apparmor-restrict-unprivileged-userns";
const RHEL7_USERNS = "rhel7-user-namespaces-disabled-rootless-containers";
const osRelease = (id: string, version: string) => `NAME="${id}"\nID=${id}\nVERSION_ID="${version}"`;
const verdictOf = (id: string, logs: string, os?: string, uname?: string) =>
  diagnoseFields(kb, { logs, ...(os ? { osRelease: os } : {}), ...(uname ? { uname } : {}) }).findings.find((f) => f.id === id)?.verdict;
// The record's own wordings of each failure.
const BWRAP = "bwrap: setting up uid map: Permission denied";
const CLONE = "cannot clone: Invalid argument\nuser namespaces are not enabled in /proc/sys/user/max_user_namespaces";

describe("whole-release verdicts", () => {
  it("names the release as records key it", () => {
    expect(releaseEcosystem(parseOsRelease(osRelease("ubuntu", "24.04")))).toBe("ubuntu:24.04");
    expect(releaseEcosystem(parseOsRelease('ID="centos"\nID_LIKE="rhel fedora"\nVERSION_ID="7"'))).toBe("rhel:7");
    expect(releaseEcosystem(parseOsRelease(osRelease("rocky", "9.4")))).toBe("rhel:9");
    // Every RHEL rebuild the kernel reader knows keys as RHEL too.
    for (const id of ["almalinux", "ol", "cloudlinux", "eurolinux", "navy"])
      expect(releaseEcosystem(parseOsRelease(osRelease(id, "8.10")))).toBe("rhel:8");
    expect(releaseEcosystem(parseOsRelease(osRelease("debian", "12")))).toBe("debian:12");
    expect(releaseEcosystem(parseOsRelease(osRelease("arch", "")))).toBeNull();
  });

  it("names Debian testing's release by its codename, as its os-release gives no VERSION_ID (review 72b F4)", () => {
    const testing = 'PRETTY_NAME="Debian GNU/Linux trixie/sid"\nNAME="Debian GNU/Linux"\nVERSION_CODENAME=trixie\nID=debian';
    expect(releaseEcosystem(parseOsRelease(testing))).toBe("debian:13");
    // Only Debian's: another distribution's codename keys nothing without its VERSION_ID.
    expect(releaseEcosystem(parseOsRelease('NAME="Ubuntu"\nID=ubuntu\nVERSION_CODENAME=noble'))).toBeNull();
  });

  it("calls Ubuntu 24.04 affected by its user-namespace restriction, and leaves 22.04 to other data", () => {
    // The verdict carries the level the record gives the release's range.
    const range = kb.records.find((r) => r.id === USERNS)?.affected.find((a) => a.ecosystem === "ubuntu:24.04")?.ranges[0];
    expect(range).toBeDefined();
    expect(verdictOf(USERNS, BWRAP, osRelease("ubuntu", "24.04"))).toMatchObject({ status: "affected", level: range?.introducedEvidence });
    expect(verdictOf(USERNS, BWRAP, osRelease("ubuntu", "22.04"))?.status).toBe("unknown");
    expect(verdictOf(USERNS, BWRAP)?.status).toBe("unknown");
  });

  it("judges RHEL 7's kernel from the release only while no uname is given, and hedges it", () => {
    const centos7 = 'NAME="CentOS Linux"\nID="centos"\nID_LIKE="rhel fedora"\nVERSION_ID="7"';
    const byRelease = diagnoseFields(kb, { logs: CLONE, osRelease: centos7 }).findings.find((f) => f.id === RHEL7_USERNS);
    expect(byRelease?.verdict.status).toBe("affected");
    const evidence = byRelease?.evidence.find((e) => e.kind === "version");
    expect(evidence).toMatchObject({ kind: "version", value: "rhel:7", certain: false });
    // An ELRepo mainline kernel on CentOS 7 is no rhel:7 kernel package: the release does not speak for it.
    const elrepo = verdictOf(RHEL7_USERNS, CLONE, centos7, "5.4.225-1.el7.elrepo.x86_64");
    expect(elrepo?.reason ?? "").not.toContain("every kernel of rhel:7");
  });

  it("raises no advisory from a release alone: it says nothing of a package's use", () => {
    const d = diagnoseFields(kb, { osRelease: osRelease("ubuntu", "24.04") });
    expect(d.findings.find((f) => f.id === USERNS)).toBeUndefined();
    expect(JSON.stringify(d)).not.toContain(USERNS);
  });

  it("takes a release named in prose as hedged evidence that the whole release is affected, never more", () => {
    const named = diagnoseFields(kb, { logs: `${BWRAP}\nSeen on a fresh Ubuntu 24.04.1 LTS dev host.` }).findings.find(
      (f) => f.id === USERNS,
    );
    expect(named?.verdict.status).toBe("affected");
    expect(named?.verdict.reason).toContain("named in the text");
    expect(named?.evidence.find((e) => e.kind === "version")).toMatchObject({ value: "ubuntu:24.04", certain: false });
    // The host's own os-release outranks what the text names; two releases (an upgrade) name no host.
    expect(verdictOf(USERNS, `${BWRAP}\non Ubuntu 24.04`, osRelease("ubuntu", "22.04"))?.status).toBe("unknown");
    expect(verdictOf(USERNS, `${BWRAP}\nbroke after upgrading from Ubuntu 22.04 to 24.04`)?.status).toBe("unknown");
    expect(verdictOf(USERNS, `${BWRAP}\nsame on Ubuntu 22.04 and on Ubuntu 24.04`)?.status).toBe("unknown");
    expect(verdictOf(RHEL7_USERNS, `${CLONE}\nCentOS 7.9.2009, docker 1.13`)?.status).toBe("affected");
  });

  it("calls a distribution's own bug not affected on a host of another distribution, read from its os-release", () => {
    const debian = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"';
    const f = diagnoseFields(kb, { logs: BWRAP, osRelease: debian }).findings.find((x) => x.id === USERNS);
    expect(f?.verdict).toMatchObject({ status: "not-affected" });
    expect(f?.verdict.reason).toContain("only in Ubuntu builds");
    expect(f?.confidence).not.toBe("high");
    expect(verdictOf(RHEL7_USERNS, CLONE, debian)?.status).toBe("not-affected");
    // A derivative that names Ubuntu in ID_LIKE may carry the policy; a distribution named in passing decides nothing.
    const mint = 'PRETTY_NAME="Linux Mint 22"\nID=linuxmint\nID_LIKE="ubuntu debian"\nVERSION_ID="22"';
    expect(verdictOf(USERNS, BWRAP, mint)?.status).toBe("unknown");
    expect(verdictOf(USERNS, `${BWRAP}\nthe host runs Debian 12`)?.status).toBe("unknown");
    // A container's os-release beside the host's Ubuntu kernel: which is the host's, the input does not say.
    const ubuntuKernel = "Linux h 6.8.0-31-generic #31-Ubuntu SMP PREEMPT_DYNAMIC Sat Apr 20 00:40:06 UTC 2024 x86_64 GNU/Linux";
    expect(verdictOf(USERNS, BWRAP, debian, ubuntuKernel)?.status).toBe("unknown");
    // Amazon Linux 2 derives from RHEL (its os-release's ID_LIKE), whether read from os-release or from docker info.
    const al2 = 'NAME="Amazon Linux"\nID="amzn"\nID_LIKE="centos rhel fedora"\nVERSION_ID="2"';
    expect(verdictOf(RHEL7_USERNS, CLONE, al2)?.status).toBe("unknown");
    expect(verdictOf(RHEL7_USERNS, `${CLONE}\n Operating System: Amazon Linux 2`)?.status).toBe("unknown");
    // A record not marked distributionOnly (its distribution data may simply be all that was curated) stays undecided.
    expect(verdictOf("rhel7-memcg-kmem-leak", "mkdir /sys/fs/cgroup/memory/kubepods/pod1: cannot allocate memory", debian)?.status).toBe(
      "unknown",
    );
  });

  it("calls an image OS's own build setting not affected on a host of another system (review 63g F1)", () => {
    // Bottlerocket's kernel-5.15 config panicked on a hung task; a CentOS 7 host's panic (openzfs/zfs#9675) is its own setting.
    const BOTTLEROCKET = "bottlerocket-5.15-hung-task-panic-reboot";
    const PANIC = "[245456.347527] Kernel panic - not syncing: hung_task: blocked tasks";
    const centos = 'NAME="CentOS Linux"\nID="centos"\nID_LIKE="rhel fedora"\nVERSION_ID="7"';
    const el7 = "3.10.0-1062.4.3.el7.x86_64";
    const onCentos = diagnoseFields(kb, { logs: PANIC, osRelease: centos, uname: el7 }).findings.find((f) => f.id === BOTTLEROCKET);
    expect(onCentos?.verdict).toMatchObject({ status: "not-affected" });
    expect(onCentos?.verdict.reason).toContain("only in bottlerocket builds");
    expect(onCentos?.confidence).toBe("low");
    // The kernel, another distribution's own build, decides it without an os-release too; an os-release alone may be a
    // container's on the image OS (its admin and control containers), so it does not.
    expect(verdictOf(BOTTLEROCKET, PANIC, undefined, el7)?.status).toBe("not-affected");
    expect(verdictOf(BOTTLEROCKET, PANIC, centos)?.status).toBe("unknown");
    // A container's os-release (Bottlerocket's control container runs Amazon Linux 2) beside Bottlerocket's own bare
    // kernel rules nothing out (review 63i F1).
    const al2 = 'NAME="Amazon Linux"\nVERSION="2"\nID="amzn"\nID_LIKE="centos rhel fedora"\nVERSION_ID="2"';
    expect(verdictOf(BOTTLEROCKET, PANIC, al2, "5.15.79")?.status).not.toBe("not-affected");
    // Bottlerocket itself stays judged by its version (1.13.5 is before the fix in 1.14.0).
    const bottlerocket = "NAME=Bottlerocket\nID=bottlerocket\nVERSION_ID=1.13.5\nVARIANT_ID=aws-k8s-1.24";
    expect(verdictOf(BOTTLEROCKET, PANIC, bottlerocket)?.status).not.toBe("not-affected");
  });

  it("reads the host's distribution from its kernel's own package when no os-release is given", () => {
    // Ubuntu's linux-aws on 16.04, RHEL 7's kernel: each its distribution's own build.
    const ubuntuAws = "Linux ip-10-0-0-1 4.4.0-1096-aws #107-Ubuntu SMP Thu Oct 3 01:51:58 UTC 2019 x86_64 GNU/Linux";
    const rhel7 = "Linux h 3.10.0-1160.el7.x86_64 #1 SMP Mon Oct 19 16:18:59 UTC 2020 x86_64 x86_64 x86_64 GNU/Linux";
    const userns = verdictOf(RHEL7_USERNS, CLONE, undefined, ubuntuAws);
    expect(userns).toMatchObject({ status: "not-affected" });
    expect(userns?.reason).toContain("the host runs an Ubuntu kernel (4.4.0-1096-aws)");
    expect(verdictOf(USERNS, BWRAP, undefined, rhel7)?.status).toBe("not-affected");
    // Its own distribution's kernel, or one whose distribution derives from the bug's (Amazon Linux 2's, from RHEL), decides nothing.
    expect(
      verdictOf(
        USERNS,
        BWRAP,
        undefined,
        "Linux h 6.8.0-31-generic #31-Ubuntu SMP PREEMPT_DYNAMIC Sat Apr 20 00:40:06 UTC 2024 x86_64 GNU/Linux",
      )?.status,
    ).not.toBe("not-affected");
    expect(verdictOf(RHEL7_USERNS, CLONE, undefined, "4.14.355-275.572.amzn2.x86_64")?.status).not.toBe("not-affected");
    // An Ubuntu build whose release no series table places (a non-LTS kernel) is still Ubuntu's, by its build string.
    expect(
      verdictOf(
        RHEL7_USERNS,
        CLONE,
        undefined,
        "Linux h 6.5.0-14-generic #14-Ubuntu SMP PREEMPT_DYNAMIC Mon Nov 20 14:00:36 UTC 2023 x86_64 GNU/Linux",
      )?.status,
    ).toBe("not-affected");
    // A kernel a sentence names ("works on my laptop with …") is no host's: it decides nothing.
    expect(
      verdictOf(
        RHEL7_USERNS,
        `Works fine on my laptop with kernel 6.8.0-31-generic, but on the build server rootless podman fails:\n${CLONE}`,
      )?.status,
    ).not.toBe("not-affected");
    // A kernel.org or vendor kernel is no distribution's.
    expect(verdictOf(RHEL7_USERNS, CLONE, undefined, "6.6.58")?.status).not.toBe("not-affected");
  });

  it("judges each node of a fleet on its own OS image: one node of the bug's distribution makes it apply", () => {
    const nodes = [
      "NAME     STATUS   ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         KERNEL-VERSION     CONTAINER-RUNTIME",
      "deb-1    Ready    <none>   10d   v1.30.2   10.0.0.1      <none>        Debian GNU/Linux 12 (bookworm)   6.1.0-27-amd64     containerd://1.7.20",
      "ubu-1    Ready    <none>   10d   v1.30.2   10.0.0.2      <none>        Ubuntu 24.04.1 LTS               6.8.0-45-generic   containerd://1.7.20",
    ];
    const both = diagnoseFields(kb, { logs: BWRAP, nodes: nodes.join("\n") }).findings.find((f) => f.id === USERNS);
    expect(both?.verdict.status).not.toBe("not-affected");
    const debianOnly = diagnoseFields(kb, { logs: BWRAP, nodes: nodes.slice(0, 2).join("\n") }).findings.find((f) => f.id === USERNS);
    expect(debianOnly?.verdict.status).toBe("not-affected");
  });
});
