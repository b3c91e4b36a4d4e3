/**
 * What each command the "to decide" step can name prints, as the program's own version printer writes it (each cited), with
 * the version a test chooses put in: the format is the program's, the version the record's own range end. One entry per
 * command the decider names (src/engine/decide-with.ts); test/engine/decide-with-readers.test.ts feeds them back.
 */
import type { RecordAffected } from "../../src/engine/record";
import { DOCKER_29_VERSION } from "./tool-outputs";

export interface VersionOutput {
  /** The commands (as the step names them) whose output this is. */
  command: RegExp;
  /** Which of a record's entries the output reads a version of. */
  reads: (entry: RecordAffected) => boolean;
  /**
   * The command line and what it prints, for `version` of `entry` on the machine `host` (the one that printed the log's
   * lines, for an output that names its machine); null where no real output could carry it.
   */
  output: (version: string, entry: RecordAffected, host: string) => string | null;
}

const prompt = (command: string, ...printed: string[]) => [`$ ${command}`, ...printed].join("\n");
const is =
  (...ecosystems: string[]) =>
  (a: RecordAffected) =>
    ecosystems.includes(a.ecosystem);
const three = (v: string) => (/^\d+\.\d+$/.test(v) ? `${v}.0` : v);

/**
 * A kernel's uname -a, in the form its builder prints: upstream's (a generic build string), RHEL's, Fedora's and Amazon
 * Linux's RPM releases (their `uname -r` is the package's version-release and arch), Ubuntu's (`uname -r` names the ABI,
 * `uname -v` the upload: "#71~20.04.1-Ubuntu SMP"). Debian's needs its ABI table, and its records range upstream too.
 */
function uname(version: string, entry: RecordAffected, host: string): string | null {
  const date = "Tue Jan  7 10:00:00 UTC 2025";
  if (entry.ecosystem === "linux") return `Linux ${host} ${three(version)} #1 SMP PREEMPT_DYNAMIC ${date} x86_64 GNU/Linux`;
  if (/^(?:rhel|fedora|amzn):/.test(entry.ecosystem))
    return `Linux ${host} ${version.replace(/\.x86_64$/, "")}.x86_64 #1 SMP ${date} x86_64 x86_64 x86_64 GNU/Linux`;
  const ubuntu = /^(\d+\.\d+\.\d+)-(\d+)\.(\d+(?:[.~][\d.]+)?)$/.exec(version);
  if (entry.ecosystem.startsWith("ubuntu:") && ubuntu)
    return `Linux ${host} ${ubuntu[1]}-${ubuntu[2]}-${ubuntuFlavour(entry.package)} #${ubuntu[3]}-Ubuntu SMP ${date} x86_64 x86_64 x86_64 GNU/Linux`;
  return null;
}

/** The flavour an Ubuntu kernel package's `uname -r` ends with: linux and its HWE builds "generic", linux-aws "aws". */
const ubuntuFlavour = (pkg: string) =>
  pkg
    .replace(/^linux-?/, "")
    .replace(/-\d[\d.]*$/, "")
    .replace(/^(?:hwe)?$/, "generic")
    .replace(/-?hwe/, "");

/** An os-release file as each OS writes it (the keys freedesktop's os-release names; Bottlerocket's adds VARIANT_ID). */
function osRelease(version: string, entry: RecordAffected): string | null {
  if (entry.ecosystem === "bottlerocket")
    return `NAME=Bottlerocket\nID=bottlerocket\nVERSION="${version} (aws-k8s-1.30)"\nPRETTY_NAME="Bottlerocket OS ${version} (aws-k8s-1.30)"\nVARIANT_ID=aws-k8s-1.30\nVERSION_ID=${version}\nBUILD_ID=fe4a6d0c`;
  if (entry.ecosystem === "flatcar")
    return `NAME="Flatcar Container Linux by Kinvolk"\nID=flatcar\nID_LIKE=coreos\nVERSION=${version}\nVERSION_ID=${version}\nPRETTY_NAME="Flatcar Container Linux by Kinvolk ${version} (Oklo)"`;
  const release = /^(ubuntu|rhel|amzn|debian|fedora):(\S+)$/.exec(entry.ecosystem);
  if (!release) return null;
  const names: Record<string, string> = {
    ubuntu: "Ubuntu",
    rhel: "Red Hat Enterprise Linux",
    amzn: "Amazon Linux",
    debian: "Debian GNU/Linux",
    fedora: "Fedora Linux",
  };
  return `NAME="${names[release[1] as string]}"\nID=${release[1]}\nVERSION_ID="${release[2]}"\nPRETTY_NAME="${names[release[1] as string]} ${release[2]}"`;
}

export const VERSION_OUTPUTS: readonly VersionOutput[] = [
  {
    command: /^uname -a$|^uname -r$|^uname -r; uname -v$/,
    reads: (a) =>
      a.ecosystem === "linux" ||
      (/^(?:rhel|fedora|amzn):/.test(a.ecosystem) && /^kernel/.test(a.package)) ||
      (a.ecosystem.startsWith("ubuntu:") && /^linux\b/.test(a.package)),
    output: (v, a, host) => {
      const line = uname(v, a, host);
      return line ? prompt("uname -a", line) : null;
    },
  },
  {
    command: /^cat \/etc\/os-release$/,
    reads: (a) => osRelease("1.0.0", a) !== null,
    output: (v, a) => {
      const file = osRelease(v, a);
      return file ? prompt("cat /etc/os-release", file) : null;
    },
  },
  // Bottlerocket's /os API (bottlerocket#777: `apiclient -u /os`), the fields of its BottlerocketRelease.
  {
    command: /^apiclient get os$/,
    reads: is("bottlerocket"),
    output: (v) =>
      prompt(
        "apiclient get os",
        `{"pretty_name":"Bottlerocket OS ${v} (aws-k8s-1.30)","variant_id":"aws-k8s-1.30","version_id":"${v}","build_id":"fe4a6d0c","arch":"x86_64"}`,
      ),
  },
  // A nodes table (kubectl's own columns), its node's OS image and kernel.
  {
    command: /^kubectl get nodes -o wide$/,
    reads: (a) => /^amzn:2$/.test(a.ecosystem),
    output: (v, _a, host) =>
      prompt(
        "kubectl get nodes -o wide",
        "NAME                          STATUS   ROLES    AGE   VERSION               INTERNAL-IP    EXTERNAL-IP   OS-IMAGE         KERNEL-VERSION                  CONTAINER-RUNTIME",
        `${host}   Ready    <none>   12d   v1.23.13-eks-fb459a0  10.0.1.23      <none>        Amazon Linux 2   ${v.replace(/\.x86_64$/, "")}.x86_64   docker://20.10.17`,
      ),
  },
  // containerd's cli.VersionPrinter: `fmt.Println(c.App.Name, version.Package, c.App.Version, version.Revision)`.
  {
    command: /(?:^|\/)containerd --version$/,
    reads: is("containerd"),
    output: (v) =>
      prompt("containerd --version", `containerd github.com/containerd/containerd v${v} 0197261a30bf81f1ee8e6a4dd2dea0ef95d67ccb`),
  },
  // containerd's Makefile names its release archive "containerd-$(VERSION)-$(GOOS)-$(GOARCH).tar.gz".
  {
    command: /^ls containerd-\*-linux-\*\.tar\.gz$/,
    reads: is("containerd"),
    output: (v) =>
      prompt("ls -l containerd-*-linux-*.tar.gz", `-rw-r--r-- 1 root root 31963457 Aug 26 09:12 containerd-${v}-linux-amd64.tar.gz`),
  },
  // runc's main.go: "runc version", "commit:", "spec:", "go:", "libseccomp:" (its seccomp library).
  {
    command: /^runc --version$/,
    reads: is("runc", "libseccomp"),
    output: (v, a) =>
      prompt(
        "runc --version",
        `runc version ${a.ecosystem === "runc" ? v : "1.1.12"}`,
        `commit: v${a.ecosystem === "runc" ? v : "1.1.12"}-0-g51d5e946`,
        "spec: 1.0.2-dev",
        "go: go1.20.13",
        `libseccomp: ${a.ecosystem === "libseccomp" ? v : "2.5.4"}`,
      ),
  },
  // crun's --version: "crun version", then commit, rundir, spec and its features.
  {
    command: /^crun --version$|^podman info --format '\{\{\.Host\.OCIRuntime\.Path\}\}'$/,
    reads: is("crun"),
    output: (v) =>
      [
        prompt("podman info --format '{{.Host.OCIRuntime.Path}}'", "/usr/bin/crun"),
        prompt(
          "/usr/bin/crun --version",
          `crun version ${v}`,
          "commit: a220ca661ce078f2c37b38c92e66cf66c012d9c1",
          "rundir: /run/user/1000/crun",
          "spec: 1.0.0",
          "+SYSTEMD +SELINUX +APPARMOR +CAP +SECCOMP +EBPF +CRIU +YAJL",
        ),
      ].join("\n"),
  },
  // `crio --version`'s first line (cri-o internal/version).
  { command: /^crio --version$/, reads: is("cri-o"), output: (v) => prompt("crio --version", `crio version ${v}`) },
  // `docker version`, the daemon's Server part (tool-outputs.ts, Docker Engine 29.0.0's own output), its Engine version set.
  {
    command: /^docker version$/,
    reads: (a) => is("docker")(a) || a.package === "docker-ce",
    output: (v) =>
      prompt("docker version", ...DOCKER_29_VERSION.map((l) => (l === "  Version:          29.0.0" ? `  Version:          ${v}` : l))),
  },
  // The Go template picks the daemon's version alone.
  {
    command: /^docker version --format '\{\{\.Server\.Version\}\}'$/,
    reads: (a) => is("docker")(a) || a.package === "docker-ce",
    output: (v) => prompt("docker version --format '{{.Server.Version}}'", v),
  },
  // Every Kubernetes binary's version flag: "Kubernetes v1.26.3".
  {
    command: /^kubelet --version$/,
    reads: (a) => a.ecosystem === "kubernetes" && a.package === "kubelet",
    output: (v) => prompt("kubelet --version", `Kubernetes v${three(v)}`),
  },
  // `kubectl version` since 1.28: the client's, Kustomize's and the API server's versions.
  {
    command: /^kubectl version$/,
    reads: (a) => a.ecosystem === "kubernetes" && a.package === "kube-apiserver",
    output: (v) =>
      prompt(
        "kubectl version",
        "Client Version: v1.28.3",
        "Kustomize Version: v5.0.4-0.20230601165947-6ce0bf390ce3",
        `Server Version: v${three(v)}`,
      ),
  },
  // kubectl's jsonpath prints the images of the object's containers, space-separated.
  {
    command: /^kubectl -n kube-system get ds kube-proxy -o jsonpath='\{\.\.image\}'$/,
    reads: (a) => a.ecosystem === "kubernetes" && a.package === "kube-proxy",
    output: (v) => prompt("kubectl -n kube-system get ds kube-proxy -o jsonpath='{..image}'", `registry.k8s.io/kube-proxy:v${three(v)}`),
  },
  {
    command: /^kubectl -n kube-system get deploy coredns -o jsonpath='\{\.\.image\}'$/,
    reads: is("coredns"),
    output: (v) => prompt("kubectl -n kube-system get deploy coredns -o jsonpath='{..image}'", `registry.k8s.io/coredns/coredns:v${v}`),
  },
  {
    command: /^kubectl -n kube-flannel get ds kube-flannel-ds -o jsonpath='\{\.\.image\}'$/,
    reads: is("flannel"),
    output: (v) =>
      prompt(
        "kubectl -n kube-flannel get ds kube-flannel-ds -o jsonpath='{..image}'",
        `docker.io/flannel/flannel-cni-plugin:v1.1.2 docker.io/flannel/flannel:v${v} docker.io/flannel/flannel:v${v}`,
      ),
  },
  // kubectl's wide table of DaemonSets and Deployments: IMAGES holds each one's images, comma-separated.
  {
    command: /^kubectl get ds,deploy -A -o wide$/,
    reads: is("calico", "cilium", "antrea", "aws-vpc-cni", "k8s-dns-node-cache", "coredns", "flannel"),
    output: (v, a) => {
      const images: Record<string, [string, string]> = {
        calico: ["calico-node", `docker.io/calico/node:v${v}`],
        cilium: ["cilium", `quay.io/cilium/cilium:v${v}`],
        antrea: ["antrea-agent", `antrea/antrea-agent-ubuntu:v${v}`],
        "aws-vpc-cni": ["aws-node", `602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v${v}-eksbuild.1`],
        "k8s-dns-node-cache": ["node-local-dns", `registry.k8s.io/dns/k8s-dns-node-cache:${v}`],
        coredns: ["coredns", `registry.k8s.io/coredns/coredns:v${v}`],
        flannel: ["kube-flannel-ds", `docker.io/flannel/flannel:v${v}`],
      };
      const [name, image] = images[a.ecosystem] ?? ["", ""];
      return prompt(
        "kubectl get ds,deploy -A -o wide",
        "NAMESPACE     NAME                        DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE   CONTAINERS   IMAGES                    SELECTOR",
        `kube-system   daemonset.apps/${name}   3         3         3       3            3           kubernetes.io/os=linux   41d   ${name}   ${image}   k8s-app=${name}`,
      );
    },
  },
  // iptables' own version line, its backend in parentheses (iptables/xshared.c print_version).
  {
    command: /^iptables (?:-V|--version)$/,
    reads: is("iptables", "iptables-nft", "iptables-legacy"),
    output: (v, a) => prompt("iptables --version", `iptables v${v} (${a.ecosystem === "iptables-legacy" ? "legacy" : "nf_tables"})`),
  },
  // nftables src/main.c: `printf("%s v%s (%s)\n", PACKAGE_NAME, PACKAGE_VERSION, RELEASE_NAME)`; 1.1.0 is "Commodore Bullmoose".
  {
    command: /^nft (?:-[vV]|--version)$/,
    reads: is("nftables"),
    output: (v) => prompt("nft --version", `nftables v${v} (Commodore Bullmoose)`),
  },
  // containernetworking/plugins' buildversion: "CNI %s plugin %s", and the skel's protocol line (the Kubernetes tutorial
  // "Running Kubelet in Standalone Mode" prints "CNI bridge plugin v1.5.1").
  {
    command: /^\/opt\/cni\/bin\/bridge(?: --version)?$/,
    reads: is("cni-plugins"),
    output: (v) =>
      prompt(
        "/opt/cni/bin/bridge --version",
        `CNI bridge plugin v${v}`,
        "CNI protocol versions supported: 0.1.0, 0.2.0, 0.3.0, 0.3.1, 0.4.0, 1.0.0",
      ),
  },
  // nestybox/sysbox-runc main.go's VersionPrinter (the block sysbox#675's journal shows).
  {
    command: /^sysbox-runc --version$/,
    reads: is("sysbox"),
    output: (v) =>
      prompt(
        "sysbox-runc --version",
        "sysbox-runc",
        "\tedition: \tCommunity Edition (CE)",
        `\tversion: \t${v}`,
        "\tcommit: \t278997aab055ad6eec9e48a555b90eef877596b7",
        "\tbuilt at: \tSat Apr  8 06:08:15 UTC 2023",
        "\tbuilt by: \tRodny Molina",
        "\toci-specs: \t1.0.2-dev",
      ),
  },
  // systemd's `systemctl --version`: "systemd N (package version)", then its features.
  {
    command: /^systemctl --version$/,
    reads: is("systemd"),
    output: (v) => prompt("systemctl --version", `systemd ${v} (${v}.22-1~deb12u1)`, "+PAM +AUDIT +SELINUX +APPARMOR +IMA +SMACK +SECCOMP"),
  },
  // talosctl cmd/talos/version.go: "Client:" and its Tag, "Server:", then per node "NODE:" and the node's own Tag.
  {
    command: /^talosctl version$/,
    reads: is("talos"),
    output: (v) =>
      prompt(
        "talosctl version",
        "Client:",
        "\tTag:         v1.9.0",
        "\tSHA:         3e9bd5ed",
        "Server:",
        "\tNODE:        10.5.0.2",
        `\tTag:         v${v}`,
        "\tSHA:         a6a1ee91",
      ),
  },
  // criu/config.c: "Version: %s", and "GitID: %s" for a git build only.
  { command: /^criu --version$/, reads: is("criu"), output: (v) => prompt("criu --version", `Version: ${v}`) },
  // clap's "{name} {version}" of netavark's CARGO_PKG_VERSION.
  { command: /^netavark --version$/, reads: is("netavark"), output: (v) => prompt("netavark --version", `netavark ${v}`) },
  // falco print_version.cpp: "Falco version:", "Libs version:", "Plugin API:", "Engine:".
  {
    command: /^falco --version$/,
    reads: is("falco", "falcosecurity-libs"),
    output: (v, a) =>
      prompt(
        "falco --version",
        `Falco version: ${a.ecosystem === "falco" ? v : "0.39.1"}`,
        `Libs version:  ${a.ecosystem === "falcosecurity-libs" ? v : "0.18.1"}`,
        "Plugin API:    3.7.0",
        "Engine:        0.43.0",
      ),
  },
  // traefik cmd/version/version.go's template, in Traefik's own container.
  {
    command: /^traefik version$/,
    reads: is("traefik"),
    output: (v) =>
      prompt(
        "docker exec traefik traefik version",
        `Version:      ${v}`,
        "Codename:     ramequin",
        "Go version:   go1.24.9",
        "OS/Arch:      linux/amd64",
      ),
  },
  // xz's message_version: "xz (XZ Utils) %s" and "liblzma %s", in the image whose xz failed.
  {
    command: /^xz --version$/,
    reads: is("xz"),
    output: (v) => prompt(`docker run --rm debian:trixie xz --version`, `xz (XZ Utils) ${v}`, `liblzma ${v}`),
  },
  // rpm -q's name-version-release.arch, one package a line.
  {
    command: /^rpm -q\b.*\bcontainer-selinux$/,
    reads: is("container-selinux"),
    output: (v) => prompt("rpm -q container-selinux", `container-selinux-${v}-1.fc42.noarch`),
  },
  // dpkg -l's row: status, name, version, architecture, description.
  {
    command: /^dpkg -l \| grep libseccomp$/,
    reads: is("libseccomp"),
    output: (v) =>
      prompt("dpkg -l | grep libseccomp", `ii  libseccomp2:amd64  ${v}-1ubuntu1  amd64  high level interface to Linux seccomp filter`),
  },
];
