import { describe, expect, it } from "vitest";
import { osImageToOs } from "../../src/engine/facts/kube-nodes";
import { parseOsRelease, releaseEcosystem, withCosImage } from "../../src/engine/facts/os-release";

describe("parseOsRelease", () => {
  it("keeps Container-Optimized OS's BUILD_ID, the version its images go by", () => {
    // https://github.com/NVIDIA/dcgm-exporter/issues/137
    const os = parseOsRelease(`NAME="Container-Optimized OS"
ID=cos
PRETTY_NAME="Container-Optimized OS from Google"
HOME_URL="https://cloud.google.com/container-optimized-os/docs"
BUG_REPORT_URL="https://cloud.google.com/container-optimized-os/docs/resources/support-policy#contact_us"
GOOGLE_CRASH_ID=Lakitu
KERNEL_COMMIT_ID=0b2ce8b3044f0faef78c593dabf3824a74f3896e
GOOGLE_METRICS_PRODUCT_ID=26
VERSION=93
VERSION_ID=93
BUILD_ID=16623.295.14`);
    expect(os).toMatchObject({ id: "cos", versionId: "93", buildId: "16623.295.14", prettyName: "Container-Optimized OS from Google" });
  });

  it("reads quoted and bare values", () => {
    // https://github.com/wazuh/wazuh/issues/25170
    const os = parseOsRelease(`PRETTY_NAME="Ubuntu 22.04.2 LTS"
NAME="Ubuntu"
VERSION_ID="22.04"
VERSION="22.04.2 LTS (Jammy Jellyfish)"
VERSION_CODENAME=jammy
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=jammy`);
    expect(os).toEqual({ id: "ubuntu", idLike: ["debian"], versionId: "22.04", prettyName: "Ubuntu 22.04.2 LTS", codename: "jammy" });
  });

  it("reads the Ubuntu LTS a derivative builds on from UBUNTU_CODENAME, which is not the derivative's own release", () => {
    // https://github.com/dyiwu/dyiwu.github.io/blob/HEAD/2021/01/install-LinuxMint20/index.md
    const mint = [
      'NAME="Linux Mint"',
      'VERSION="20.1 (Ulyssa)"',
      "ID=linuxmint",
      "ID_LIKE=ubuntu",
      'PRETTY_NAME="Linux Mint 20.1"',
      'VERSION_ID="20.1"',
      "VERSION_CODENAME=ulyssa",
      "UBUNTU_CODENAME=focal",
    ].join("\n");
    const os = parseOsRelease(mint);
    expect(os).toMatchObject({ id: "linuxmint", versionId: "20.1", codename: "ulyssa", ubuntuBase: "20.04" });
    // Its own defaults and policies are not Ubuntu's: release-wide records do not judge it as Ubuntu 20.04.
    expect(releaseEcosystem(os)).toBeNull();
    // Ubuntu itself goes by its VERSION_ID; a codename this table does not know, or no Ubuntu lineage, gives no base.
    expect(parseOsRelease('ID=ubuntu\nVERSION_ID="22.04"\nUBUNTU_CODENAME=jammy')?.ubuntuBase).toBeUndefined();
    expect(parseOsRelease(mint.replace("focal", "oracular"))?.ubuntuBase).toBeUndefined();
    // Pop!_OS builds its own kernels (System76's `linux` package): its base names no kernel package.
    expect(parseOsRelease(mint.replace("ID=linuxmint", "ID=pop"))?.ubuntuBase).toBeUndefined();
  });

  it("splits ID_LIKE and copes with a blank line inside RHEL's file", () => {
    // https://github.com/openshift/release/pull/40272
    const os = parseOsRelease(`NAME="Red Hat Enterprise Linux"
VERSION="9.2 (Plow)"
ID="rhel"
ID_LIKE="fedora"
VERSION_ID="9.2"
PLATFORM_ID="platform:el9"
PRETTY_NAME="Red Hat Enterprise Linux 9.2 (Plow)"
ANSI_COLOR="0;31"

REDHAT_BUGZILLA_PRODUCT="Red Hat Enterprise Linux 9"
REDHAT_SUPPORT_PRODUCT_VERSION="9.2"`);
    expect(os).toMatchObject({ id: "rhel", idLike: ["fedora"], versionId: "9.2", codename: null });
    // https://github.com/ad-oliviero/uwufetch/issues/213
    expect(parseOsRelease(`NAME="Rocky Linux"\nID="rocky"\nID_LIKE="rhel centos fedora"\nVERSION_ID="9.1"`)?.idLike).toEqual([
      "rhel",
      "centos",
      "fedora",
    ]);
  });

  it("treats an empty value as absent", () => {
    // VERSION_ID=40 bare and VERSION_CODENAME="" in Fedora 40, https://github.com/NVIDIA/open-gpu-kernel-modules/issues/635
    const os = parseOsRelease(`NAME="Fedora Linux"
VERSION="40 (Workstation Edition)"
ID=fedora
VERSION_ID=40
VERSION_CODENAME=""
PRETTY_NAME="Fedora Linux 40 (Workstation Edition)"`);
    expect(os).toMatchObject({ id: "fedora", versionId: "40", codename: null });
  });

  it("unescapes double-quoted values", () => {
    expect(parseOsRelease(`ID=x\nPRETTY_NAME="say \\"hi\\""`)?.prettyName).toBe('say "hi"');
  });

  it("is not fooled by logfmt", () => {
    // https://github.com/kubernetes/kubernetes/issues/66454
    expect(
      parseOsRelease(`time="2018-07-20T05:19:33Z" level=error msg="Could not get ipvs family information from the kernel."`),
    ).toBeNull();
  });
});

describe("an os-release paste cut before its ID line", () => {
  it("takes the distribution from its name, never os-release(5)'s default ID=linux (review 32d)", async () => {
    const { extractFacts, factsFromFields } = await import("../../src/engine/facts");
    const cut = 'PRETTY_NAME="Ubuntu 24.04.2 LTS"\nNAME="Ubuntu"';
    expect(extractFacts(`$ cat /etc/os-release | head -2\n${cut}`).os).toMatchObject({ id: "ubuntu", versionId: "24.04" });
    expect(factsFromFields({ osRelease: cut, logs: "x" }).os).toMatchObject({ id: "ubuntu", versionId: "24.04" });
    const named = 'NAME="Ubuntu"\nVERSION="24.04.2 LTS (Noble Numbat)"';
    expect(factsFromFields({ osRelease: named, logs: "x" }).os).toMatchObject({ id: "ubuntu", versionId: "24.04" });
    // A name nothing knows is no distribution, not "linux" (which rules out every distribution's own bug).
    expect(factsFromFields({ osRelease: 'NAME="Foo OS"\nVERSION_ID=3', logs: "x" }).os).toBeNull();
    expect(factsFromFields({ osRelease: 'NAME="constructor"\nVERSION_ID=3', logs: "x" }).os).toBeNull();
    // A file that says ID keeps it.
    expect(factsFromFields({ osRelease: 'NAME="Debian GNU/Linux"\nID=debian\nVERSION_ID="12"', logs: "x" }).os?.id).toBe("debian");
  });
});

describe("lines a command picked out of os-release", () => {
  it("reads the release they name: a grep's PRETTY_NAME, an LTS's codename (review 49a F4)", async () => {
    const { extractFacts } = await import("../../src/engine/facts");
    const os = (paste: string) => extractFacts(paste).os;
    expect(os('$ grep PRETTY_NAME /etc/os-release\nPRETTY_NAME="Ubuntu 22.04.5 LTS"')).toMatchObject({ id: "ubuntu", versionId: "22.04" });
    expect(
      os('root@web-1:~# grep -E "^(PRETTY|VERSION)" /usr/lib/os-release\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nVERSION_ID="12"'),
    ).toMatchObject({
      id: "debian",
      versionId: "12",
    });
    const version = 'VERSION_ID="22.04"\nVERSION="22.04.5 LTS (Jammy Jellyfish)"\nVERSION_CODENAME=jammy';
    expect(os(`$ cat /etc/os-release | grep VERSION\n${version}`)).toMatchObject({ id: "ubuntu", versionId: "22.04" });
    // A codename another release contradicts, a VERSION_ID alone, or such lines without the command are no release.
    expect(os(`$ grep VERSION /etc/os-release\n${version.replace('"22.04"', '"20.04"')}`)).toBeNull();
    expect(os('$ grep VERSION_ID /etc/os-release\nVERSION_ID="22.04"')).toBeNull();
    // Beside a kernel Ubuntu built, a VERSION_ID alone is that Ubuntu release (review 49c F3); beside another, nothing.
    const versionId = '$ grep VERSION_ID /etc/os-release\nVERSION_ID="22.04"';
    expect(extractFacts(`$ uname -r\n5.15.0-125-generic\n${versionId}`)).toMatchObject({
      os: { id: "ubuntu", versionId: "22.04" },
      kernel: { package: { ecosystem: "ubuntu:22.04", names: ["linux"] } },
    });
    expect(os(`$ uname -r\n6.1.0-28-amd64\n${versionId}`)).toBeNull();
    expect(os('$ uname -r\n5.15.0-125-generic\n$ grep VERSION_ID /etc/os-release\nVERSION_ID="12"')).toBeNull();
    expect(os('$ env | grep VERSION\nVERSION_ID="22.04"\nVERSION_CODENAME=jammy')).toBeNull();
  });
});

describe("osImageToOs", () => {
  it.each([
    // https://github.com/kubernetes/kube-proxy/issues/25
    ["Ubuntu 22.04.5 LTS", "ubuntu", "22.04"],
    // https://github.com/kubernetes-sigs/kubespray/pull/7595
    ["Amazon Linux 2", "amzn", "2"],
    // https://github.com/awslabs/amazon-eks-ami/pull/1212
    ["Amazon Linux 2023", "amzn", "2023"],
    // https://github.com/bottlerocket-os/bottlerocket/pull/3362
    ["Bottlerocket OS 1.15.0 (vmware-k8s-1.24)", "bottlerocket", "1.15.0"],
    // The brief's examples:
    ["Bottlerocket OS 1.26.2 (aws-k8s-1.29)", "bottlerocket", "1.26.2"],
    ["Talos (v1.8.2)", "talos", "1.8.2"],
    ["Flatcar Container Linux by Kinvolk 3975.2.2 (Oklo)", "flatcar", "3975.2.2"],
    ["Red Hat Enterprise Linux 9.4 (Plow)", "rhel", "9.4"],
    ["Rocky Linux 9.3 (Blue Onyx)", "rocky", "9.3"],
    // https://github.com/siderolabs/talos/pull/395
    ["Talos (57b1c82) by Autonomy", "talos", null],
    // https://github.com/kubearmor/KubeArmor/issues/2505
    ["Container-Optimized OS from Google", "cos", null],
    // https://github.com/Azure/AKS/issues/2749
    ["Windows Server 2019 Datacenter", "windows", "2019"],
  ])("%s", (image, id, versionId) => {
    expect(osImageToOs(image)).toMatchObject({ id, versionId });
  });

  it("reads openSUSE's rolling releases by their display names, whose kernels follow Tumbleweed's (review 54a F3)", async () => {
    // hostnamectl, docker info, a nodes table's OS-IMAGE and fastfetch print the PRETTY_NAME; KDE adds the snapshot.
    expect(osImageToOs("openSUSE Tumbleweed")).toMatchObject({ id: "opensuse-tumbleweed", versionId: null });
    expect(osImageToOs("openSUSE Tumbleweed 20260405")).toMatchObject({ id: "opensuse-tumbleweed" });
    expect(osImageToOs("openSUSE Tumbleweed-Slowroll")).toMatchObject({ id: "opensuse-slowroll" });
    expect(osImageToOs("openSUSE MicroOS")).toMatchObject({ id: "opensuse-microos" });
    // Its kernel then is Tumbleweed's package, not an upstream release judged from afar (before: "judged as upstream").
    const { extractFacts } = await import("../../src/engine/facts");
    const kernel = extractFacts(
      "$ hostnamectl\n  Operating System: openSUSE Tumbleweed\n            Kernel: Linux 6.19.11-1-default\n      Architecture: x86-64",
    ).kernel;
    expect(kernel?.package).toMatchObject({ ecosystem: "opensuse-tumbleweed", names: ["kernel-default"], version: "6.19.11-1" });
  });

  it("keeps Debian's codename", () => {
    // https://github.com/kontena/pharos-cluster/pull/627
    expect(osImageToOs("Debian GNU/Linux 9 (stretch)")).toMatchObject({ id: "debian", versionId: "9", codename: "stretch" });
    expect(osImageToOs("Debian GNU/Linux 12 (bookworm)")).toMatchObject({ id: "debian", versionId: "12", codename: "bookworm" });
  });

  it("does not guess an unknown image", () => {
    // https://github.com/openshift/installer/pull/251
    expect(osImageToOs("Red Hat CoreOS 4.0.5470")).toBeNull();
  });
});

describe("withCosImage", () => {
  const cos = { id: "cos", idLike: [], versionId: "113", prettyName: "Container-Optimized OS from Google", codename: null };

  it("reads the build from a COS or GKE node image name when the text names exactly one", () => {
    expect(withCosImage(null, "image: cos-113-18244-236-70")).toMatchObject({ id: "cos", versionId: "113", buildId: "18244.236.70" });
    expect(withCosImage(cos, "projects/gke-node-images/global/images/gke-1308-gke1128001-cos-113-18244-236-70-c-cgpv1-pre")).toMatchObject({
      buildId: "18244.236.70",
    });
    expect(withCosImage(null, "cos-tdx-113-18244-291-63")?.buildId).toBe("18244.291.63");
  });

  it("leaves the facts alone for several builds, no image, another distribution or a BUILD_ID already read", () => {
    expect(withCosImage(null, "cos-113-18244-236-26 cos-113-18244-236-70")).toBeNull();
    expect(withCosImage(cos, "no image here")).toBe(cos);
    const ubuntu = { ...cos, id: "ubuntu", versionId: "22.04" };
    expect(withCosImage(ubuntu, "cos-113-18244-236-70")).toBe(ubuntu);
    const built = { ...cos, buildId: "18244.236.88" };
    expect(withCosImage(built, "cos-113-18244-236-70")).toBe(built);
    expect(withCosImage(null, "macos-14-1234-5-6 chaos-113-18244-236-70")).toBeNull();
  });
});
