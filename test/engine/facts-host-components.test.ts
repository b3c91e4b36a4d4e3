import { beforeAll, describe, expect, it } from "vitest";
import type { CompiledKb } from "../../src/engine/compile-kb";
import { diagnoseBundle } from "../../src/engine/diagnose";
import { extractFacts } from "../../src/engine/facts";
import { upgradedBy } from "../../src/engine/facts/component-upgrades";
import { loadDataKb } from "../support/data-kb";

// Whose component version a bundle shows: the host's own output, once (two readings that disagree are a comparison
// or an upgrade, not a fact), the daemon's word over the Docker CLI's, and output under another machine's heading as
// a version named in passing (hedged). Each bundle pastes real output shapes around a record's real symptom line.
let kb: CompiledKb;
beforeAll(async () => {
  kb = (await loadDataKb()).compiled;
});

const verdictOf = (text: string, id: string) => diagnoseBundle(kb, text).findings.find((f) => f.id === id)?.verdict;

// docker-20.10.6-ipv6-disabled-userland-proxy-tcp6's symptom (moby#42436).
const TCP6 =
  "docker: Error response from daemon: driver failed programming external connectivity on endpoint web (5e8f0b1c): Error starting userland proxy: listen tcp6 [::]:8080: socket: address family not supported by protocol.";
const TCP6_ID = "docker-20.10.6-ipv6-disabled-userland-proxy-tcp6";
// `docker info`'s server part (docker/cli's layout), with the version given.
const dockerInfo = (version: string) =>
  `Server:\n Containers: 3\n  Running: 1\n Images: 12\n Server Version: ${version}\n Storage Driver: overlay2\n Logging Driver: json-file\n Cgroup Driver: cgroupfs\n Docker Root Dir: /var/lib/docker`;
// `docker version` (docker/cli's layout): client and server parts.
const dockerVersion = (version: string) =>
  `Client: Docker Engine - Community\n Version:           ${version}\n API version:       1.41\n Git commit:        f0df350\n\nServer: Docker Engine - Community\n Engine:\n  Version:          ${version}\n  API version:      1.41 (minimum version 1.12)\n  Git commit:       b0f5bc3\n containerd:\n  Version:          1.4.6\n runc:\n  Version:          1.0.0-rc95`;

describe("the host's own component versions", () => {
  it("tells a package manager's install or upgrade of a component at a prompt, or dpkg's, from anything else", () => {
    const upgraded = (line: string) => {
      const u = upgradedBy(line);
      return u === "all" || u === null ? u : [...u].sort();
    };
    expect(upgraded("$ sudo apt-get update && sudo apt-get install -y docker-ce docker-ce-cli containerd.io")).toEqual([
      "containerd",
      "docker",
      "runc",
    ]);
    expect(upgraded("# yum update")).toBe("all");
    expect(upgraded("$ sudo apt-get -y upgrade")).toBe("all");
    expect(upgraded("[root@node ~]# dnf -y upgrade kubelet-1.29.0")).toEqual(["kubernetes"]);
    expect(upgraded("root@node:~# apt install kubeadm=1.30.2-1.1")).toEqual(["kubernetes"]);
    // A package named with its architecture; the CNI plugins' package is a component too.
    expect(upgraded("[root@node ~]# yum install -y kubelet.x86_64 kubernetes-cni")).toEqual(["cni-plugins", "kubernetes"]);
    // The distributions' containerd depends on their runc, which an install may upgrade with it.
    expect(upgraded("$ sudo apt-get install -y containerd")).toEqual(["containerd", "runc"]);
    expect(upgraded("Unpacking containerd.io (1.7.24-1) over (1.7.22-1) ...")).toEqual(["containerd", "runc"]);
    expect(upgraded("Setting up docker-ce (5:29.0.0-1~ubuntu.24.04~noble) ...")).toEqual(["docker"]);
    // dpkg's lines as fan-out tools print a host's: pdsh's "host: " prefix, ansible's JSON stdout and stdout_lines.
    expect(upgraded("worker-2: Setting up containerd.io (1.6.4-1) ...")).toEqual(["containerd", "runc"]);
    expect(upgraded('    "stdout": "Reading package lists...\\nSetting up docker-ce (5:23.0.2-1~debian.11~bullseye) ...\\n",')).toEqual([
      "docker",
    ]);
    expect(upgraded('        "Unpacking kubelet (1.26.0-00) over (1.25.5-00) ...",')).toEqual(["kubernetes"]);
    // ansible -o's one-line result, its newlines escaped (review 42b F5).
    expect(
      upgraded(
        "worker-2 | CHANGED | rc=0 | (stdout) Reading package lists...\\nSetting up containerd.io (1.6.4-1) ...\\nProcessing triggers",
      ),
    ).toEqual(["containerd", "runc"]);
    // The command that fans out runs on its targets, not at the prompt that typed it.
    for (const line of [
      "admin@bastion:~$ pdsh -w worker-2 sudo apt-get install -y containerd.io",
      '$ ansible all -b -m shell -a "apt-get install -y docker-ce"',
    ])
      expect(upgraded(line), line).toBeNull();
    // A `set -x` trace, options with values before the verb (review 28c).
    expect(upgraded("+ apt-get install -y -qq docker-ce=5:26.0.0-1~ubuntu.22.04~jammy")).toEqual(["docker"]);
    expect(upgraded('$ sudo apt-get -y -o Dpkg::Options::="--force-confnew" install containerd.io')).toEqual(["containerd", "runc"]);
    // A command whose output says it changed nothing, a simulation, a comment at a prompt.
    expect(
      upgradedBy("$ sudo apt-get install -y docker-ce", () => [
        "Reading package lists... Done",
        "docker-ce is already the newest version (5:25.0.3-1~ubuntu.22.04~jammy).",
      ]),
    ).toBeNull();
    expect(
      upgradedBy("$ sudo apt-get install -y docker-ce=5:26.0.9", () => ["E: Version '5:26.0.9' for 'docker-ce' was not found"]),
    ).toBeNull();
    expect(
      upgradedBy("$ sudo apt-get install -y docker-ce", () => ["$ docker version", "docker-ce is already the newest version"]),
    ).toEqual(new Set(["docker"]));
    for (const line of ["$ apt-get -s upgrade", "$ # next week: sudo apt-get upgrade", "$ sudo apt-get install --dry-run docker-ce"])
      expect(upgraded(line), line).toBeNull();
    // Nothing of the host changes: a list refresh, other tools, a client, prose, a printed script, a build step.
    for (const line of [
      "$ sudo apt-get update",
      "$ sudo apt-get install -y jq curl kubectl",
      "Setting up jq (1.6-1) ...",
      "Docker was installed with `sudo apt install docker-ce docker-ce-cli containerd.io` following the official docs.",
      "apt-get install -y containerd.io=1.6.3-1",
      "#5 [2/4] RUN apt-get update && apt-get -y upgrade",
    ])
      expect(upgraded(line), line).toBeNull();
  });

  it("counts no install in an image build, a container's shell or at another host's prompt as this host's upgrade", () => {
    // Review 28c u6/u7/u11: the host's docker 20.10.7 rules the bug out unless something later changed that host's docker.
    const info = "$ docker info | grep 'Server Version'\n Server Version: 20.10.7";
    const elsewhere = {
      "the classic builder's step":
        "$ docker build -t ci-image .\nStep 3/5 : RUN apt-get install -y docker-ce\n ---> Running in 3f2a1b\nSetting up docker-ce (5:20.10.8~3-0~ubuntu-focal) ...\n ---> 9a8b7c",
      "buildah's step":
        "$ buildah bud -t ci-image .\nSTEP 3/5: RUN apt-get install -y docker-ce\nSetting up docker-ce (5:20.10.8~3-0~ubuntu-focal) ...",
      "a CI log's build, no prompt":
        "Step 3/5 : RUN apt-get install -y docker-ce\n ---> Running in 3f2a1b\nSetting up docker-ce (5:20.10.8~3-0~ubuntu-focal) ...\nRemoving intermediate container 3f2a1b",
      "a failed build step, then prompts":
        "root@node1:~# docker build -t app .\nStep 2/2 : RUN apt-get install -y foo\n ---> Running in 5a6b7c8d9e0f\nE: Unable to locate package foo\nThe command '/bin/sh -c apt-get install -y foo' returned a non-zero code: 100",
      "podman's multi-stage step":
        "$ podman build -t app .\n[2/2] STEP 3/4: RUN apt-get install -y docker-ce\nSetting up docker-ce (5:20.10.8~3-0~ubuntu-focal) ...",
      "a command run in a container": "$ docker run --rm ubuntu:22.04 apt-get install -y docker-ce",
      "a container's shell":
        "$ docker exec -it web bash\nroot@3f2a1b2c3d4e:/# apt-get install -y docker-ce\nSetting up docker-ce (5:20.10.8~3-0~ubuntu-focal) ...\nroot@3f2a1b2c3d4e:/# exit",
    };
    for (const [what, paste] of Object.entries(elsewhere))
      expect(verdictOf(`${info}\n${paste}\n${TCP6}`, TCP6_ID)?.status, what).toBe("not-affected");
    // After a build step, ended or failed, a host's own upgrade counts again (review 29a: a failed step ended nowhere,
    // and the host's next named prompt opened a container's shell).
    const hostUpgrade = "root@node1:~# apt-get install -y docker-ce\nSetting up docker-ce (5:20.10.8~3-0~ubuntu-focal) ...";
    for (const step of ["a CI log's build, no prompt", "a failed build step, then prompts"] as const)
      expect(verdictOf(`${info}\n${elsewhere[step]}\n${hostUpgrade}\n${TCP6}`, TCP6_ID)?.status, step).toBe("unknown");
    // Prompts naming two hosts: node2's upgrade leaves node1's reading standing; node1's own upgrade does not.
    const node1 = `root@node1:~# docker info | grep 'Server Version'\n Server Version: 20.10.7\nroot@node1:~# docker run -p 8080:80 nginx\n${TCP6}`;
    const upgrade = (host: string) => `${host}:~# apt-get install -y docker-ce\nSetting up docker-ce (5:20.10.8~3-0~ubuntu-focal) ...`;
    expect(verdictOf(`${node1}\n${upgrade("root@node2")}`, TCP6_ID)?.status).toBe("not-affected");
    // The same host however its prompt writes it (its full name, capitals).
    const sameHost = (as: string) =>
      `root@node1:~# docker info | grep 'Server Version'\n Server Version: 20.10.7\n${upgrade(as)}\nroot@node1:~# docker run -p 8080:80 nginx\n${TCP6}`;
    for (const as of ["admin@node1", "root@Node1.example.com"]) expect(verdictOf(sameHost(as), TCP6_ID)?.status, as).toBe("unknown");
  });

  it("reads a component's output before the paste upgrades it as another time's: the reading after the upgrade decides", () => {
    // kubelet-1.24-network-plugin-flag-removed's symptom; the kubelet upgraded in the same paste.
    const kubelet = [
      "$ kubelet --version",
      "Kubernetes v1.23.6",
      "$ sudo apt-get install -y kubelet=1.24.0-00 kubeadm=1.24.0-00",
      "$ kubelet --version",
      "Kubernetes v1.24.0",
      "May 10 12:00:01 node1 kubelet[2345]: Error: failed to parse kubelet flag: unknown flag: --network-plugin",
    ].join("\n");
    expect(extractFacts(kubelet).kubelet).toBe("v1.24.0");
    expect(verdictOf(kubelet, "kubelet-1.24-network-plugin-flag-removed")?.status).toBe("affected");
    // No reading after the upgrade: the one before it rules nothing out beside the symptom (review 28a).
    const stale = kubelet
      .split("\n")
      .filter((l) => !l.endsWith("v1.24.0") && l !== "$ kubelet --version")
      .join("\n");
    const before = `$ kubelet --version\nKubernetes v1.23.6\n${stale}`;
    expect(extractFacts(before).kubelet).toBeNull();
    expect(verdictOf(before, "kubelet-1.24-network-plugin-flag-removed")).toMatchObject({
      status: "unknown",
      reason: expect.stringContaining("may not be the one that failed"),
    });
    // dpkg's output of a whole upgrade names the package it set up; installing another tool or component changes nothing.
    const info = "$ docker info | grep 'Server Version'\n Server Version: 20.10.7";
    for (const upgrade of [
      "$ sudo apt-get upgrade -y && sudo systemctl restart docker",
      "Setting up docker-ce (5:20.10.8~3-0~ubuntu-focal) ...",
    ])
      expect(verdictOf(`${info}\n${upgrade}\n${TCP6}`, TCP6_ID)?.status, upgrade).toBe("unknown");
    // containerd.io upgraded after `docker version` printed its containerd: that reading is the old one (review 28c).
    const loopback = "containerd-1.6.3-loopback-cni-1.0.0";
    const symptom = kb.records.find((r) => r.id === loopback)?.examples[0]?.log ?? "";
    const printed = dockerVersion("20.10.14").replace("1.4.6", "1.6.2");
    expect(verdictOf(`${printed}\n${symptom}`, loopback)?.status).toBe("not-affected");
    const upgradedAfter = `${printed}\n$ sudo apt-get install -y containerd.io\nUnpacking containerd.io (1.6.3-1) over (1.6.2-1) ...\nSetting up containerd.io (1.6.3-1) ...\n${symptom}`;
    expect(verdictOf(upgradedAfter, loopback)?.status).not.toBe("not-affected");
    for (const other of [
      "$ sudo apt-get install -y jq",
      "$ sudo apt-get update",
      "Setting up jq (1.6-1ubuntu0.20.04.1) ...",
      "$ sudo apt-get install -y kubelet=1.30.2-1.1",
      "Setting up kubectl (1.29.2-1.1) ...",
    ])
      expect(verdictOf(`${info}\n${other}\n${TCP6}`, TCP6_ID)?.status, other).toBe("not-affected");
    const docker = `$ docker --version\nDocker version 20.10.5, build 55c4c88\n$ sudo apt-get install docker-ce\n$ docker --version\nDocker version 20.10.6, build 370c289\n${TCP6}`;
    // The CLI after the upgrade: the client's, so hedged.
    expect(verdictOf(docker, TCP6_ID)).toMatchObject({ status: "affected", certain: false });
    // The host's iptables and a kube-proxy pod's, or one before and after an upgrade: neither decides.
    const iptables =
      "$ iptables -V\niptables v1.8.7 (nf_tables)\n$ kubectl -n kube-system exec kube-proxy-x -- iptables -V\niptables v1.8.2 (nf_tables)";
    expect(extractFacts(iptables).iptables).toBeNull();
    expect(
      extractFacts("$ iptables -V\niptables v1.8.7 (nf_tables)\n$ iptables-save | head -1\n# Generated by iptables-save v1.8.7 on Mon")
        ?.iptables,
    ).toMatchObject({
      version: "1.8.7",
    });
  });

  it("takes the daemon's version over the Docker CLI's, and none from two daemons that disagree", () => {
    // A CLI upgraded on its own, talking to an older daemon: the daemon fails.
    const cli = `$ docker --version\nDocker version 24.0.5, build ced0996\n$ docker info\n${dockerInfo("20.10.6")}\n${TCP6}`;
    expect(extractFacts(cli).components).toMatchObject({ docker: "20.10.6" });
    expect(verdictOf(cli, TCP6_ID)).toMatchObject({ status: "affected" });
    // `docker info` and `docker version` of two machines, no heading saying which: undecided, never "not affected".
    const two = `${dockerInfo("20.10.6")}\n\n${dockerVersion("20.10.7")}\n\n${TCP6}`;
    expect(extractFacts(two).components.docker).toBeUndefined();
    expect(verdictOf(two, TCP6_ID)?.status).toBe("unknown");
    // The CLI still stands for Docker when no daemon output names it, beside another runtime's own version.
    const lxc =
      "$ docker --version\nDocker version 29.1.3, build f52814d\n$ containerd --version\ncontainerd containerd.io v2.2.1 dea7da592f5d1d2b7755e3a161be07f43fad8f75";
    expect(extractFacts(lxc).components).toEqual({ containerd: "2.2.1", docker: "29.1.3" });
    // The daemon's version asked by a template prints it alone (review 49d F4): the daemon's word over the CLI's.
    // As a JSON string too (`{{json …}}`: review 50b F8).
    for (const [asked, printed] of [
      ["docker version --format '{{.Server.Version}}'", "20.10.7"],
      ['docker info -f "{{.ServerVersion}}"', "20.10.7"],
      ["docker info --format '{{json .ServerVersion}}'", '"20.10.7"'],
    ]) {
      const format = `$ docker --version\nDocker version 24.0.5, build ced0996\n$ ${asked}\n${printed}\n${TCP6}`;
      expect(extractFacts(format).components, asked).toMatchObject({ docker: "20.10.7" });
      expect(verdictOf(format, TCP6_ID), asked).toMatchObject({ status: "not-affected" });
    }
    // The client's asked so, or a bare number after another command, is no daemon's.
    expect(extractFacts("$ docker version --format '{{.Client.Version}}'\n20.10.6").components.docker).toBeUndefined();
    expect(extractFacts("$ docker ps -q | wc -l\n20.10.6").components.docker).toBeUndefined();
    // Nor another daemon's: a pod's Docker-in-Docker, or the one DOCKER_HOST points at (review 49g F5, F7).
    const own = "$ docker version --format '{{.Server.Version}}'\n24.0.7";
    expect(
      extractFacts(`$ kubectl exec -it runner-dind-0 -c dind -- docker version --format '{{.Server.Version}}'\n20.10.6\n${own}`).components,
    ).toMatchObject({ docker: "24.0.7" });
    expect(
      extractFacts("admin@web-1:~$ DOCKER_HOST=ssh://admin@prod-2 docker version --format '{{.Server.Version}}'\n20.10.6").components
        .docker,
    ).toBeUndefined();
    expect(
      extractFacts("admin@web-1:~$ ssh web-2 docker version --format '{{.Server.Version}}'\n20.10.6").components.docker,
    ).toBeUndefined();
    expect(extractFacts("$ docker version --format '{{.Server.Version}}' 2>/dev/null\n24.0.7").components).toMatchObject({
      docker: "24.0.7",
    });
  });

  it("reads the daemon's versions from Docker's own JSON answers, never the client's nor a Podman socket's", () => {
    // docker/cli's `docker version --format json` (or '{{json .}}'): one line, the client's part first (review 50i F2).
    const server = (engine: string, components = `{"Name":"Engine","Version":"${engine}","Details":{"ApiVersion":"1.41"}}`) =>
      `"Server":{"Platform":{"Name":"Docker Engine - Community"},"Components":[${components},{"Name":"containerd","Version":"1.4.6","Details":{"GitCommit":"d71fcd7"}},{"Name":"runc","Version":"1.0.0-rc95","Details":{"GitCommit":"b9ee9c6"}}],"Version":"${engine}","ApiVersion":"1.41","MinAPIVersion":"1.12","GitCommit":"b0f5bc3","Os":"linux","Arch":"amd64","KernelVersion":"5.10.0-8-amd64"}`;
    const client =
      '"Client":{"Platform":{"Name":"Docker Engine - Community"},"Version":"24.0.5","ApiVersion":"1.43","GitCommit":"ced0996","Os":"linux"}';
    for (const asked of ["docker version --format json", "docker version --format '{{json .}}'"]) {
      const paste = `$ ${asked}\n{${client},${server("20.10.6")}}\n${TCP6}`;
      expect(extractFacts(paste).components, asked).toMatchObject({ docker: "20.10.6", containerd: "1.4.6", runc: "1.0.0-rc95" });
      expect(verdictOf(paste, TCP6_ID), asked).toMatchObject({ status: "affected" });
    }
    // Pretty-printed by jq, over many lines (review 51f F5).
    const pretty = JSON.stringify(JSON.parse(`{${client},${server("20.10.6")}}`), null, 2);
    for (const asked of ["docker version --format json | jq", "docker version -f '{{json .}}' | jq ."])
      expect(extractFacts(`$ ${asked}\n${pretty}\n${TCP6}`).components, asked).toMatchObject({ docker: "20.10.6", runc: "1.0.0-rc95" });
    // Not an object some other command printed.
    expect(extractFacts(`$ cat daemon-version.json\n${pretty}`).components.docker).toBeUndefined();
    // `docker info --format json` names the daemon's release as ServerVersion, or `jq` picks it from either answer.
    const info = '{"ID":"7TRN:IPZB","Containers":3,"Driver":"overlay2","DockerRootDir":"/var/lib/docker","ServerVersion":"20.10.7"}';
    expect(extractFacts(`$ docker info --format json\n${info}\n${TCP6}`).components).toMatchObject({ docker: "20.10.7" });
    for (const asked of ["docker info --format json | jq -r .ServerVersion", "docker version -f json | jq '.Server.Version'"])
      expect(extractFacts(`$ ${asked}\n"20.10.7"\n${TCP6}`).components, asked).toMatchObject({ docker: "20.10.7" });
    // No daemon answered: the client's part alone names no daemon.
    expect(extractFacts(`$ docker version --format json\n{${client},"Server":null}`).components.docker).toBeUndefined();
    // The docker client against Podman's socket: Podman's engine and storage, no Docker.
    const podman = server("4.9.3", '{"Name":"Podman Engine","Version":"4.9.3","Details":{"APIVersion":"4.9.3"}}');
    expect(extractFacts(`$ docker version --format json\n{${client},${podman}}`).components.docker).toBeUndefined();
    expect(
      extractFacts(
        '$ docker info --format json\n{"Driver":"overlay","DockerRootDir":"/var/lib/containers/storage","ServerVersion":"4.9.3"}',
      ).components.docker,
    ).toBeUndefined();
    // Nor the client's version beside a Podman server part: no Docker daemon runs (review 51d F1).
    const podmanServer =
      "Server: linux/amd64/fedora-40\n Podman Engine:\n  Version:          5.0.2\n  APIVersion:       5.0.2\n OCI Runtime (runc):\n  Version:          runc version 1.1.12\n Engine:\n  Version:          5.0.2\n  API version:      1.41 (minimum version 1.24)";
    const cliOnPodman = `$ docker version\nClient: Docker Engine - Community\n Version:           20.10.6\n API version:       1.41\n Git commit:        370c289\n\n${podmanServer}\n${TCP6}`;
    expect(extractFacts(cliOnPodman).components.docker).toBeUndefined();
    expect(verdictOf(cliOnPodman, TCP6_ID)?.status).toBe("unknown");
    // The same client beside Docker's own server part is still named as the client's when the server names no version.
    expect(
      verdictOf(
        `$ docker version\nClient: Docker Engine - Community\n Version:           20.10.6\n API version:       1.41\n Git commit:        370c289\n${TCP6}`,
        TCP6_ID,
      )?.status,
    ).toBe("affected");
    // Podman's socket answering the same questions with its own release, its root moved or not: outside Docker's numbering
    // (review 51f F1, F2).
    for (const answer of [
      "$ docker info --format=json | jq -r .ServerVersion\n4.9.3",
      "$ docker info -f '{{.ServerVersion}}'\n4.9.3",
      '$ docker info --format json\n{"Driver":"overlay","DockerRootDir":"/srv/podman-graph","ServerVersion":"4.9.3"}',
    ])
      expect(extractFacts(answer).components.docker, answer).toBeUndefined();
    // Podman's own JSON ("APIVersion", no "ApiVersion") is no Docker's.
    const own =
      '{"Client":{"APIVersion":"4.9.3","Version":"4.9.3","OsArch":"linux/amd64"},"Server":{"APIVersion":"4.9.3","Version":"4.9.3","OsArch":"linux/amd64"}}';
    expect(extractFacts(`$ podman version --format json\n${own}`).components.docker).toBeUndefined();
  });

  it("reads a distribution's Docker build where its docker version or docker --version names it (review 34a: it was upstream's)", () => {
    // Ubuntu's docker.io names its package in the engine's "Git commit:", Fedora's moby-engine its release there.
    const engine = (version: string, commit: string) =>
      `Server:\n Engine:\n  Version:          ${version}\n  API version:      1.43 (minimum version 1.12)\n  Git commit:       ${commit}\n containerd:\n  Version:          1.7.12\n runc:\n  Version:          1.1.12-0ubuntu3.1`;
    expect(extractFacts(engine("24.0.7", "24.0.7-0ubuntu4.1")).components.docker).toBe("24.0.7-0ubuntu4.1");
    expect(extractFacts(engine("20.10.7", "20.10.7-0ubuntu5~20.04.2")).components.docker).toBe("20.10.7-0ubuntu5~20.04.2");
    expect(extractFacts(engine("27.3.1", "1.fc41")).components.docker).toBe("27.3.1-1.fc41");
    // Upstream's commit is no build, even one holding "deb" (review 34c: "4debf41" was read as a Debian revision).
    expect(extractFacts(engine("24.0.7", "311b9ff")).components.docker).toBe("24.0.7");
    expect(extractFacts(engine("25.0.0", "1deb7a2")).components.docker).toBe("25.0.0");
    expect(extractFacts("$ docker --version\nDocker version 25.0.3, build 4debf41").components.docker).toBe("25.0.3");
    expect(extractFacts("$ docker --version\nDocker version 24.0.7, build 24.0.7-0ubuntu4.1").components.docker).toBe("24.0.7-0ubuntu4.1");
    expect(extractFacts("$ docker --version\nDocker version 24.0.7, build afdd53b").components.docker).toBe("24.0.7");
    // Debian's containerd prints its package's version where upstream prints the commit.
    const debian = "$ containerd --version\ncontainerd github.com/containerd/containerd 1.7.24~ds1 1.7.24~ds1-10";
    expect(extractFacts(debian).components.containerd).toBe("1.7.24~ds1-10");
    // Judged as a distribution's build: hedged, where upstream's 20.10.7 is certain.
    const seccomp = "runtime/cgo: pthread_create failed: Operation not permitted";
    const ubuntu = verdictOf(`${engine("20.10.7", "20.10.7-0ubuntu5~20.04.2")}\n${seccomp}`, "new-libc-images-on-old-docker-seccomp");
    expect(ubuntu).toMatchObject({ status: "affected", certain: false });
    expect(ubuntu?.reason).toMatch(/distribution's build/);
  });

  it("judges a failure logged before the paste upgrades a component on the version before it (review 34a)", () => {
    const runc = (v: string) =>
      `$ runc --version\nrunc version ${v}\ncommit: v${v}-0-g7cb36325\nspec: 1.2.0\ngo: go1.22.9\nlibseccomp: 2.5.5`;
    const race =
      '#12 ERROR: process "/bin/sh -c make" did not complete successfully: runc run failed: unable to start container process: error during container init: error mounting "cgroup" to rootfs at "/sys/fs/cgroup": create mountpoint for /sys/fs/cgroup mount: mkdirat /var/lib/docker/buildkit/executor/abc/rootfs/sys/fs/cgroup: file exists';
    const upgrade =
      "$ sudo apt-get install -y containerd.io\nUnpacking containerd.io (1.7.25-1) over (1.7.24-1) ...\nSetting up containerd.io (1.7.25-1) ...";
    const id = "runc-1.2.0-mkdirall-race-eexist-buildkit";
    // The build failed under 1.2.2; runc 1.2.4, read after the upgrade, was certainly "not affected".
    const before = verdictOf(`${runc("1.2.2")}\n$ docker buildx build .\n${race}\n${upgrade}\n${runc("1.2.4")}`, id);
    expect(before).toMatchObject({ status: "affected", certain: false });
    expect(before?.reason).toMatch(/1\.2\.2 is in/);
    // A failure after the upgrade is the new version's.
    expect(verdictOf(`${runc("1.2.2")}\n${upgrade}\n${runc("1.2.4")}\n$ docker buildx build .\n${race}`, id)).toMatchObject({
      status: "not-affected",
    });
    // Beside a nodes table the host's reading is judged the same way (review 34d: the table's copy of the host kept 1.2.4).
    const table =
      "NAME STATUS ROLES AGE VERSION INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME\nnode1 Ready <none> 3d v1.30.2 10.0.0.5 <none> Ubuntu 22.04.4 LTS 5.15.0-91-generic containerd://1.7.25";
    const beside = verdictOf(
      `${runc("1.2.2")}\n$ docker buildx build .\n${race}\n${upgrade}\n${runc("1.2.4")}\n$ kubectl get nodes -o wide\n${table}`,
      id,
    );
    expect(beside?.status).not.toBe("not-affected");
    // An earlier install names the component, a later upgrade of everything comes after the failure (review 34d).
    const dnf = (cmd: string) => `$ sudo dnf ${cmd} -y`;
    const both = `${dnf("install containerd.io")}\n${runc("1.2.2")}\n$ docker buildx build .\n${race}\n${dnf("upgrade")}\n${runc("1.2.4")}`;
    expect(verdictOf(both, id)).toMatchObject({ status: "affected", certain: false });
    // An upgrade of everything after the failure leaves a reading no upgrade sets apart (iptables) standing.
    const check = "# iptables -V\niptables v1.8.2 (nf_tables)\niptables: Bad rule (does a matching rule exist in that chain?).";
    const all = "$ sudo apt-get upgrade -y\nSetting up libc6:amd64 (2.36-9+deb12u9) ...";
    expect(verdictOf(`${check}\n${all}`, "iptables-nft-1.8.1-1.8.2-check-bug")).toMatchObject({ status: "affected" });
    // The upgrade's own version is the host's after it: the kubelet read before it no longer cancels it (review 34d).
    const flag = "Jan 10 10:00:01 node1 kubelet[5555]: Error: failed to parse kubelet flag: unknown flag: --network-plugin";
    const kubeletUpgrade = `root@node1:~# kubelet --version\nKubernetes v1.23.17\nroot@node1:~# apt-get install -y kubelet=1.24.0-00\nSetting up kubelet (1.24.0-00) ...\nroot@node1:~# journalctl -u kubelet -n 3\n${flag}`;
    // Its line is printed only from 1.24.0 on, which makes that certain (review 51d F3).
    const upgraded = verdictOf(kubeletUpgrade, "kubelet-1.24-network-plugin-flag-removed");
    expect(upgraded).toMatchObject({ status: "affected", reason: expect.stringContaining("by its own line") });
    expect(upgraded?.certain).not.toBe(false);
    // apt's "0 upgraded" changed nothing: the reading before it stands.
    const nothing = "$ sudo apt-get upgrade -y\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.";
    expect(extractFacts(`${runc("1.2.4")}\n${nothing}\n${race}`).components.runc).toBe("1.2.4");
  });

  it("reads pacman, rpm, dnf's downgrade, apk and a binary put in place by hand as changes, and apt's own list of them (review 56b)", () => {
    const upgraded = (line: string, after: readonly string[] = []) => {
      const u = upgradedBy(line, () => after);
      return u === "all" || u === null ? u : [...u].sort();
    };
    expect(upgraded("[me@arch ~]$ sudo pacman -U /var/cache/pacman/pkg/runc-1.1.15-1-x86_64.pkg.tar.zst")).toEqual(["runc"]);
    expect(upgraded("[me@arch ~]$ sudo pacman -S crun")).toEqual(["crun"]);
    expect(upgraded("[me@arch ~]$ sudo pacman -Syu")).toBe("all");
    // A search, a query or a download changes nothing.
    for (const line of ["$ pacman -Ss runc", "$ pacman -Qi runc", "$ sudo pacman -Sw runc", "$ rpm -qa runc"])
      expect(upgraded(line), line).toBeNull();
    expect(upgraded("[root@worker-1 ~]# rpm -Uvh containerd.io-1.6.4-3.1.el8.x86_64.rpm")).toEqual(["containerd", "runc"]);
    expect(upgraded("[me@fedora ~]$ sudo dnf downgrade -y runc")).toEqual(["runc"]);
    expect(upgraded("alpine-1:~# apk add --no-cache runc")).toEqual(["runc"]);
    // The upstream install steps: a release tarball unpacked, a binary installed or copied into a bin directory.
    expect(upgraded("root@worker-1:~# tar Cxzvf /usr/local containerd-1.6.4-linux-amd64.tar.gz")).toEqual(["containerd"]);
    expect(upgraded("$ sudo install -m 755 runc.amd64 /usr/local/sbin/runc")).toEqual(["runc"]);
    expect(upgraded("$ sudo cp crun-1.18.1-linux-amd64 /usr/bin/crun")).toEqual(["crun"]);
    // Listing an archive, or copying a binary anywhere but a bin directory, installs nothing.
    expect(upgraded("$ tar tzf containerd-1.6.4-linux-amd64.tar.gz")).toBeNull();
    expect(upgraded("$ cp /usr/bin/runc /tmp/runc.bak")).toBeNull();
    // apt's upgrade of everything changes only what its output lists, not what it kept back.
    const kept = [
      "The following packages have been kept back:",
      "  containerd.io",
      "The following packages will be upgraded:",
      "  libssl1.1 openssl",
    ];
    expect(upgraded("root@worker-1:~# apt-get upgrade -y", kept)).toBeNull();
    expect(
      upgraded("root@worker-1:~# apt-get upgrade -y", ["The following packages will be upgraded:", "  containerd.io openssl"]),
    ).toEqual(["containerd", "runc"]);
    expect(upgraded("root@worker-1:~# apt-get upgrade -y")).toBe("all");
    // Review 56d: containerd's CRI release tarballs; a binary copied from one bin directory to another is the same build;
    // dnf's per-package "already installed" leaves the rest of its transaction done; pacman's own list of what it changes.
    expect(upgraded("# tar --no-overwrite-dir -C / -xzf cri-containerd-cni-1.6.4-linux-amd64.tar.gz")).toEqual(["containerd"]);
    expect(upgraded("# tar xzf containerd-static-1.6.4-linux-amd64.tar.gz")).toEqual(["containerd"]);
    expect(upgraded("$ sudo cp /usr/bin/runc /usr/local/bin/runc")).toBeNull();
    const dnf = ["Package containerd.io-1.6.31-3.1.el9.x86_64 is already installed.", "Dependencies resolved.", "Upgrading:"];
    expect(upgraded("[root@web-1 ~]# dnf install -y docker-ce containerd.io", dnf)).toEqual(["containerd", "docker", "runc"]);
    expect(
      upgraded("[root@web-1 ~]# rpm -ivh containerd.io-1.6.31-3.1.el9.x86_64.rpm", [
        "package containerd.io-1.6.31-3.1.el9.x86_64 is already installed",
      ]),
    ).toBeNull();
    const skipped = ["warning: runc-1.2.3-1 is up to date -- skipping", "resolving dependencies...", "Packages (1) containerd-2.0.1-1"];
    expect(upgraded("[user@arch ~]$ sudo pacman -S --needed runc containerd", skipped)).toEqual(["containerd"]);
    expect(upgraded("[user@arch ~]$ sudo pacman -Syu", ["Packages (2) curl-8.11.1-1  libcurl-8.11.1-1"])).toBeNull();
    // Review 57b F2: yum's localinstall, zypper's patch, a Debian package file given to dpkg or apt, a download written into
    // a bin directory, unattended-upgrade (its own list, else everything due); apt's "already the newest" of one package only.
    expect(upgraded("[root@web-1 ~]# yum localinstall -y containerd.io-1.7.25-3.1.el9.x86_64.rpm")).toEqual(["containerd", "runc"]);
    expect(upgraded("web-1:~ # zypper --non-interactive patch")).toBe("all");
    expect(upgraded("root@web1:~# dpkg -i ./docker-ce_26.0.1-1~ubuntu.22.04~jammy_amd64.deb ./containerd.io_1.6.31-1_amd64.deb")).toEqual([
      "containerd",
      "docker",
      "runc",
    ]);
    expect(upgraded("root@web1:~# apt install -y ./docker-ce_26.0.1-1~ubuntu.22.04~jammy_amd64.deb")).toEqual(["docker"]);
    expect(
      upgraded("$ sudo wget -q -O /usr/local/sbin/runc https://github.com/opencontainers/runc/releases/download/v1.2.4/runc.amd64"),
    ).toEqual(["runc"]);
    expect(
      upgraded("$ sudo curl -sSLo /usr/local/sbin/runc https://github.com/opencontainers/runc/releases/download/v1.2.4/runc.amd64"),
    ).toEqual(["runc"]);
    expect(upgraded("root@web1:~# unattended-upgrade -d", ["Packages that will be upgraded: docker-ce docker-ce-cli"])).toEqual(["docker"]);
    expect(upgraded("root@web1:~# unattended-upgrade -d")).toBe("all");
    expect(
      upgraded("root@web1:~# apt-get install -y -qq docker-ce containerd.io", ["containerd.io is already the newest version (1.6.31-1)."]),
    ).toEqual(["docker"]);
    // dnf's, yum's and zypper's own transaction lists of an upgrade of everything (review 57b F3: runc left out was "unknown").
    const dnfUpgrade = [
      "Dependencies resolved.",
      " Package            Arch       Version                 Repository       Size",
      "Upgrading:",
      " openssl-libs       x86_64     1:3.2.2-6.el9_5         baseos          2.3 M",
      " tzdata             noarch     2024b-2.el9             appstream       836 k",
      "",
      "Transaction Summary",
      "Upgraded:",
      "  openssl-libs-1:3.2.2-6.el9_5.x86_64   tzdata-2024b-2.el9.noarch",
      "Complete!",
    ];
    expect(upgraded("[root@node1 ~]# dnf upgrade -y", dnfUpgrade)).toBeNull();
    const withRunc = dnfUpgrade.map((l) =>
      l.replace(" tzdata             noarch     2024b-2.el9      ", " runc               x86_64     4:1.2.4-1.el9    "),
    );
    expect(upgraded("[root@node1 ~]# dnf upgrade -y", withRunc)).toEqual(["runc"]);
    expect(
      upgraded("web-1:~ # zypper up", [
        "The following 2 packages are going to be upgraded:",
        "  containerd runc",
        "2 packages to upgrade.",
      ]),
    ).toEqual(["containerd", "runc"]);
    // A list still running where the output read ends (40 lines, no prompt after) may go on past it: everything may change.
    const long = ["The following packages will be upgraded:", ...Array.from({ length: 39 }, (_, i) => `  libfoo${i} libbar${i}`)];
    expect(upgraded("root@worker-1:~# apt-get upgrade -y", long)).toBe("all");
    expect(upgraded("root@worker-1:~# apt-get upgrade -y", [...long.slice(0, 30), "30 upgraded, 0 newly installed."])).toBeNull();
    // Review 57e F2: Docker's convenience script, package files by a glob, security-only updates, other apt front ends,
    // PackageKit and snap.
    expect(upgraded("$ curl -fsSL https://get.docker.com | sudo sh")).toEqual(["containerd", "docker", "runc"]);
    expect(upgraded("$ sudo sh get-docker.sh")).toEqual(["containerd", "docker", "runc"]);
    expect(upgraded("$ sudo dpkg -i *.deb")).toBe("all");
    expect(upgraded("$ sudo apt install -y ./*.deb")).toBe("all");
    for (const line of ["$ sudo dnf upgrade-minimal -y", "$ sudo yum update-minimal -y --security", "$ sudo aptitude safe-upgrade -y"])
      expect(upgraded(line), line).toBe("all");
    expect(upgraded("$ sudo nala upgrade -y")).toBe("all");
    expect(upgraded("$ sudo pkcon update -y")).toBe("all");
    expect(upgraded("$ sudo snap refresh docker")).toEqual(["docker"]);
    for (const line of [
      "$ snap list docker",
      "$ curl -fsSL https://get.docker.com -o get-docker.sh",
      "$ cat get-docker.sh",
      "$ ssh node2 'curl -fsSL https://get.docker.com | sh'",
    ])
      expect(upgraded(line), line).toBeNull();
    // Reading, listing and downloading elsewhere change nothing.
    for (const line of [
      "$ dpkg -l | grep docker",
      "$ dpkg -s docker-ce",
      "$ wget -O /tmp/runc.amd64 https://github.com/opencontainers/runc/releases/download/v1.2.4/runc.amd64",
      "$ curl -fsSL https://get.docker.com -o get-docker.sh",
      "$ unattended-upgrade --dry-run",
    ])
      expect(upgraded(line), line).toBeNull();
  });

  it("judges a failure logged before such a change on the version it replaced, or names the one read after it (review 56b F2-F4)", () => {
    const tun = "ERROR creating tun device: Unix opening TUN device file: operation not permitted";
    const id = "runc-1.2.0-tun-tap-removed-from-default-devices";
    const runc = (v: string, host = "arch") => `[me@${host} ~]$ runc --version\nrunc version ${v}\ncommit: v${v}\nspec: 1.2.0`;
    // Before: runc 1.1.15, read after the downgrade, ruled out the 1.2.0 failure "not affected (verified)".
    const pacman = `[me@arch ~]$ docker logs gluetun\n${tun}\n[me@arch ~]$ sudo pacman -U /var/cache/pacman/pkg/runc-1.1.15-1-x86_64.pkg.tar.zst\nwarning: downgrading package runc (1.2.0-1 => 1.1.15-1)\n(1/1) downgrading runc\n${runc("1.1.15")}`;
    expect(verdictOf(pacman, id)).toMatchObject({ status: "affected", certain: false, reason: expect.stringContaining("1.2.0 is in") });
    const dnf = `[me@fedora ~]$ docker logs gluetun\n${tun}\n[me@fedora ~]$ sudo dnf downgrade -y runc\nDowngrading:\n runc  x86_64  2:1.1.14-1.fc41  fedora  3.4 M\n  Downgrading      : runc-2:1.1.14-1.fc41.x86_64      1/2\n  Cleanup          : runc-2:1.2.2-1.fc41.x86_64       2/2\n${runc("1.1.14", "fedora")}`;
    expect(verdictOf(dnf, id)).toMatchObject({ status: "affected", certain: false, reason: expect.stringContaining("1.2.2 is in") });
    // Put in place by hand: the version read after it is not the one that failed, and the answer says which it is.
    const byHand = `$ docker logs openvpn\n${tun}\n$ sudo install -m 755 runc.amd64 /usr/local/sbin/runc\n$ runc --version\nrunc version 1.2.4\ncommit: v1.2.4\nspec: 1.2.0`;
    const open = verdictOf(byHand, id);
    expect(open?.status).toBe("unknown");
    expect(open?.reason).toContain("runc 1.2.4 was read only after the paste changes it");
  });

  it("does not rule out, for certain, a failure before a restart of its daemon on the version read after it (review 56b F7)", () => {
    const id = "docker-26.0.0-interface-sysctl-eth0-enoent";
    const run = "$ docker run --rm --sysctl net.ipv4.conf.eth0.forwarding=1 alpine true";
    const failure = `${run}\ndocker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: open /proc/sys/net/ipv4/conf/eth0/forwarding: no such file or directory: unknown.`;
    const version =
      "$ docker version\nServer: Docker Engine - Community\n Engine:\n  Version:          26.0.1\n  API version:      1.45 (minimum version 1.24)";
    // Before: "not affected (verified)" on 26.0.1, which an unattended upgrade had put on disk before the restart.
    const after = verdictOf(`${failure}\n$ sudo systemctl restart docker\n${version}`, id);
    expect(after?.status).toBe("unknown");
    expect(after?.reason).toContain("the paste restarts docker after the failure");
    // A restart before the failure is the daemon that logged it starting: its version read after stands.
    expect(verdictOf(`$ sudo systemctl restart docker\n${failure}\n${version}`, id)?.status).toBe("not-affected");
    // Another daemon's restart changes nothing of Docker's.
    expect(verdictOf(`${failure}\n$ sudo systemctl restart kubelet\n${version}`, id)?.status).toBe("not-affected");
    // Review 56d F3: the restart in a chain, among several units, or by the init script.
    for (const restart of [
      "$ sudo systemctl daemon-reload && sudo systemctl restart docker",
      "$ sudo systemctl restart containerd docker.service",
      "$ sudo /etc/init.d/docker restart",
      "$ sudo invoke-rc.d docker restart",
    ])
      expect(verdictOf(`${failure}\n${restart}\n${version}`, id)?.status, restart).toBe("unknown");
    expect(verdictOf(`${failure}\n$ sudo /etc/init.d/docker status\n${version}`, id)?.status).toBe("not-affected");
  });

  it("reads the output after a long package listing: its rows do not crowd out the lines read (reviews 34a, 34d)", () => {
    // A whole `dpkg -l` or `rpm -qa` (a few thousand rows is common) before `docker info`.
    const dpkg = Array.from({ length: 2300 }, (_, i) => `ii  lib${String(i).padStart(5, "0")}   1.0-1   amd64   a library`).join("\n");
    const rpm = Array.from({ length: 2300 }, (_, i) => `lib${String(i).padStart(5, "0")}-1.0-1.el9.x86_64`).join("\n");
    const info =
      "$ docker info\nServer:\n Server Version: 28.2.2\n Storage Driver: overlay2\n Cgroup Driver: systemd\n Docker Root Dir: /var/lib/docker";
    expect(extractFacts(`$ dpkg -l\n${dpkg}\n${info}`).components.docker).toBe("28.2.2");
    expect(extractFacts(`$ rpm -qa\n${rpm}\n${info}`).components.docker).toBe("28.2.2");
    // A pasted `uname -r` is still read among such rows.
    expect(extractFacts(`$ uname -r\n5.14.0-427.13.1.el9_4.x86_64\n$ rpm -qa\n${rpm}`).kernel?.release).toBe(
      "5.14.0-427.13.1.el9_4.x86_64",
    );
  });

  it("reads a distribution's build of a pre-release as that pre-release, never its release (review 66h F3)", () => {
    // Ubuntu 20.04's runc (focal/main 1.0.0~rc10-0ubuntu1) and Debian 11's (1.0.0~rc93+ds1-5+b2): read as 1.0.0, runc was
    // past a fix in 1.0.0-rc93 ("not affected"), or an advisory for it was lost.
    const header = "||/ Name           Version               Architecture Description";
    for (const [listing, ecosystem, want] of [
      [
        `$ dpkg -l runc\n${header}\nii  runc           1.0.0~rc10-0ubuntu1   amd64        Open Container Project - runtime`,
        "runc",
        "1.0.0-rc10",
      ],
      ["$ apt-cache policy runc\nrunc:\n  Installed: 1.0.0~rc10-0ubuntu1\n  Candidate: 1.0.0~rc10-0ubuntu1", "runc", "1.0.0-rc10"],
      [`$ dpkg -l containerd\n${header}\nii  containerd     1.7.0~rc.1-1          amd64        daemon`, "containerd", "1.7.0-rc.1"],
    ] as const)
      expect(extractFacts(listing).named?.[ecosystem], listing).toBe(want);
    // A release's own build stays that release.
    expect(extractFacts(`$ dpkg -l runc\n${header}\nii  runc  1.1.12-0ubuntu2~22.04.1  amd64  runtime`).named?.runc).toBe("1.1.12");
  });

  it("reads no runc from a development build: 1.1.0+dev is no release (review 34a: it was 1.1.0, certainly)", () => {
    const dev = "$ runc --version\nrunc version 1.1.0+dev\ncommit: v1.1.0-383-gdf474535\nspec: 1.0.2-dev\ngo: go1.18.3\nlibseccomp: 2.3.1";
    const facts = extractFacts(dev);
    expect(facts.components.runc).toBeUndefined();
    expect(facts.named?.runc).toBeUndefined();
  });

  it("reads no host iptables from what a container printed (review 34a: a debian:buster container's 1.8.2 was the host's)", () => {
    const container =
      "$ docker run --rm -it --privileged debian:buster bash\nroot@3f2a1b:/# iptables --version\niptables v1.8.2 (nf_tables)\nroot@3f2a1b:/# exit\n$ ";
    expect(extractFacts(`${container}sudo iptables -C INPUT -j ACCEPT`).iptables).toBeNull();
    expect(extractFacts("$ iptables --version\niptables v1.8.2 (nf_tables)").iptables).toMatchObject({ version: "1.8.2" });
  });

  it("reads `runc --version` as the host's runc and the libseccomp it builds filters with, never as kubectl's runtime", () => {
    const runc = "$ runc --version\nrunc version 1.1.12\ncommit: v1.1.12-0-g51d5e94\nspec: 1.0.2-dev\ngo: go1.20.13\nlibseccomp: 2.5.4";
    expect(extractFacts(runc)).toMatchObject({ runtime: null, components: { runc: "1.1.12", libseccomp: "2.5.4" } });
    // slirp4netns (rootless Docker's network) prints the same words about its own shared library: not runc's.
    const slirp =
      "$ slirp4netns --version\nslirp4netns version 1.0.1\ncommit: 6a7b16babc95b6a3056b33fb45b74a6f62262dd4\nlibslirp: 4.3.1\nSLIRP_CONFIG_VERSION_MAX: 3\nlibseccomp: 2.3.3";
    expect(extractFacts(slirp).components.libseccomp).toBeUndefined();
    expect(extractFacts(`${slirp}\n${runc}`).components.libseccomp).toBe("2.5.4");
    // A distribution's runc opens the block too (its version is its package's), and a blank line does not end it.
    const ubuntu = "runc version 1.1.12-0ubuntu3\nspec: 1.0.2-dev\ngo: go1.22.2\nlibseccomp: 2.5.5";
    const debian = "runc version 1.0.0~rc93+ds1\ncommit: 1.0.0~rc93+ds1-5+deb11u2\nspec: 1.0.2-dev\ngo: go1.15.15\nlibseccomp: 2.5.1";
    expect(extractFacts(ubuntu).components.libseccomp).toBe("2.5.5");
    expect(extractFacts(debian).components.libseccomp).toBe("2.5.1");
    expect(extractFacts("runc version 1.0.2\n\nlibseccomp: 2.3.3").components.libseccomp).toBe("2.3.3");
    // A sentence naming runc's version is no output: a version named in passing.
    expect(extractFacts("We run runc version 1.1.12 on these nodes.").components.runc).toBeUndefined();
  });

  it("reads the runc `docker info | grep` keeps as Docker's, beside a shell's `runc --version` (review 54d F3)", () => {
    // The runc Docker's containers run with is the one its daemon asks; a shell's PATH may find another copy. Before: the
    // grepped lines were a version named in passing, and the shell's 1.1.12 alone judged, "not affected", verified.
    const TUN = "2024-12-09 21:36:21 ERROR: Cannot open TUN/TAP dev /dev/net/tun: Operation not permitted (errno=1)";
    const info =
      "$ docker info | grep -iE 'version|runtime'\n Server Version: 27.4.0\n Runtimes: io.containerd.runc.v2 runc\n Default Runtime: runc\n runc version: v1.2.2-0-g7cb3632\n init version: de40ad0";
    const shell = "$ runc --version\nrunc version 1.1.12\ncommit: v1.1.12-0-g51d5e946\nspec: 1.0.2-dev";
    const TAP = "runc-1.2.0-tun-tap-removed-from-default-devices";
    const alone = verdictOf(`$ docker logs openvpn\n${TUN}\n${info}`, TAP);
    expect(alone).toMatchObject({ status: "affected", level: "verified" });
    expect(alone?.certain).not.toBe(false);
    // Beside a shell's `runc --version`, two runc binaries (runc has no daemon: `docker info` runs whichever its runtime
    // path finds, perhaps another copy than the one that failed, e.g. k3s's bundled one): undecided, naming both (review
    // 55b F2).
    expect(verdictOf(`$ docker logs openvpn\n${TUN}\n${info}\n${shell}`, TAP)).toMatchObject({
      status: "unknown",
      reason: expect.stringContaining("versions of runc that disagree (1.1.12 and 1.2.2: "),
    });
  });

  it("judges the running daemon's own answer over its binary's `--version`, naming both (review 54d F4)", () => {
    // containerd upgraded to 1.6.4 on disk, its daemon not restarted: crictl asks the running 1.6.3 over CRI.
    const LOOPBACK =
      'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "506a948e": plugin type="loopback" failed (add): incompatible CNI versions; config is "1.0.0", plugin supports ["0.1.0" "0.2.0" "0.3.0" "0.3.1" "0.4.0"]';
    const crictl = "$ sudo crictl version\nVersion:  0.1.0\nRuntimeName:  containerd\nRuntimeVersion:  v1.6.3\nRuntimeApiVersion:  v1";
    const binary = "$ containerd --version\ncontainerd containerd.io 1.6.4 212e8b6fa2f44b9c21b2798135fc6fb7c53efc16";
    const id = "containerd-1.6.3-loopback-cni-1.0.0";
    const facts = extractFacts(`${crictl}\n${binary}`);
    expect(facts.components.containerd).toBe("1.6.3");
    expect(facts.onDisk).toEqual({ containerd: "1.6.4" });
    expect(facts.disputed).toEqual([]);
    expect(verdictOf(`${LOOPBACK}\n${crictl}\n${binary}`, id)).toMatchObject({
      status: "affected",
      certain: false,
      reason: expect.stringMatching(
        /1\.6\.3 is in .*1\.6\.3 is what the running daemon reports; its binary on disk \(`containerd --version`\) is the newer 1\.6\.4/,
      ),
    });
    // A binary older than the daemon is no pending upgrade but another install or machine (Docker Desktop, minikube,
    // another node's describe): undecided (review 55b F3-F5).
    const older = binary.replace("1.6.4", "1.6.2");
    expect(extractFacts(`${crictl}\n${older}`).disputed).toEqual([{ ecosystem: "containerd", versions: ["1.6.2", "1.6.3"] }]);
    // Two binaries, or two daemons, that disagree still decide nothing; so does a daemon beside two binaries of its own.
    const crictl4 = crictl.replace("v1.6.3", "v1.6.4");
    expect(extractFacts(`${crictl}\n${crictl4}\n${binary}`).disputed).toEqual([{ ecosystem: "containerd", versions: ["1.6.3", "1.6.4"] }]);
    expect(extractFacts(`${binary}\n${binary.replace("1.6.4", "1.6.2")}`).disputed).toEqual([
      { ecosystem: "containerd", versions: ["1.6.2", "1.6.4"] },
    ]);
  });

  it("reads `crun --version` as the host's crun, as runc's (review 30b: it was a version named in passing)", () => {
    const id = "crun-1.18-systemd-device-rules-regression";
    const log = kb.records.find((r) => r.id === id)?.examples.find((e) => e.expect !== "absent")?.log ?? "";
    const crun = (v: string) =>
      `$ crun --version\ncrun version ${v}\ncommit: 0356bf4aff9a133d655dc13b1d9ac9424706cac4\nrundir: /run/user/1000/crun\nspec: 1.0.0\n+SYSTEMD +SELINUX +SECCOMP +EBPF +YAJL\n${log}`;
    expect(verdictOf(crun("1.18"), id)).toMatchObject({ status: "affected", level: "verified" });
    expect(verdictOf(crun("1.18"), id)?.certain).toBeUndefined();
    expect(verdictOf(crun("1.17"), id)).toMatchObject({ status: "not-affected", level: "verified" });
    // Docker's deny-rule error (this example's) was fixed in 1.18.1 (NEWS), whatever the other symptom's range says
    // (review 53a F3: 1.18.2 beside it was "affected (verified)").
    for (const fixed of ["1.18.1", "1.18.2", "1.19.1"])
      expect(verdictOf(crun(fixed), id), fixed).toMatchObject({ status: "not-affected", level: "verified" });
    // The devices.allow error was seen still in 1.18.2 by two reporters (crun#1599, review 52c F1): in range on their
    // word; after it no release is known to fix it, so beside the symptom affected, not certain, on one report's level.
    const allow = kb.records.find((r) => r.id === id)?.examples.find((e) => e.log.includes("devices.allow"))?.log ?? "";
    const crio = (v: string) => crun(v).replace(log, allow);
    for (const seen of ["1.18.1", "1.18.2"])
      expect(verdictOf(crio(seen), id), seen).toMatchObject({ status: "affected", level: "corroborated" });
    expect(verdictOf(crio("1.19.1"), id)).toMatchObject({ status: "affected", level: "reported", certain: false });
    // A container's crun is the image's (review 30d: `podman run … crun --version` ruled the host's bug out, certain).
    const inContainer = crun("1.17").replace("$ crun --version", "$ podman run --rm quay.io/podman/stable crun --version");
    expect(verdictOf(inContainer, id)?.status).toBe("unknown");
  });

  it("hedges a component's plain --version on a release whose own build the record ranges apart", () => {
    // Review 30c: Ubuntu 22.04's crun prints "0.17" whether or not it carries the fix its own range records.
    const id = "crun-chmod-symlink-eopnotsupp-new-kernels";
    const log = kb.records.find((r) => r.id === id)?.examples.find((e) => e.expect !== "absent")?.log ?? "";
    const jammy = 'NAME="Ubuntu"\nVERSION_ID="22.04"\nID=ubuntu\nID_LIKE=debian\n';
    const verdict = verdictOf(`${jammy}$ crun --version\ncrun version 0.17\n${log}`, id);
    expect(verdict).toMatchObject({ status: "affected", certain: false });
    expect(verdict?.reason).toMatch(/the crun of ubuntu:22\.04, whose own build the record ranges apart/);
    expect(verdictOf(`${jammy}$ crun --version\ncrun version 1.9.2\n${log}`, id)?.status).toBe("not-affected");
    // runc prints a distribution's build whole ("1.1.12-0ubuntu3.1"): a bare number is the upstream binary (review 30d).
    const tmpfs = "runc-nov-2025-tmpfs-mode-0755";
    const tmpfsLog = kb.records.find((r) => r.id === tmpfs)?.examples.find((e) => e.expect !== "absent")?.log ?? "";
    const noble = 'NAME="Ubuntu"\nVERSION_ID="24.04"\nID=ubuntu\nID_LIKE=debian\n';
    const upstream = verdictOf(`${noble}$ runc --version\nrunc version 1.3.3\ncommit: v1.3.3-0-gd842d771\nspec: 1.2.1\n${tmpfsLog}`, tmpfs);
    expect(upstream).toMatchObject({ status: "affected", level: "verified" });
    expect(upstream?.certain).toBeUndefined();
  });

  it("reads a distribution's `runc --version` whole: Ubuntu's build judged by its release's own range, Debian's hedged", () => {
    // Ubuntu's runc prints its package version ("runc version 1.1.12-0ubuntu3.1"), Debian's the repacked source
    // ("1.1.5+ds1"): both were read as a release named in passing, so Ubuntu's own range went unused.
    const id = "runc-2025-cve-fix-lxc-apparmor-sysctl-denied";
    const log = kb.records.find((r) => r.id === id)?.examples.find((e) => e.expect !== "absent")?.log ?? "";
    const os = (id: string, version: string) => `NAME="${id}"\nVERSION_ID="${version}"\nID=${id}\n`;
    const runc = (v: string) => `$ runc --version\nrunc version ${v}\nspec: 1.2.1\ngo: go1.22.2\nlibseccomp: 2.5.3\n`;
    expect(extractFacts(runc("1.3.3-0ubuntu1~22.04.2")).components.runc).toBe("1.3.3-0ubuntu1~22.04.2");
    const jammy = (v: string) => verdictOf(`${os("ubuntu", "22.04")}${runc(v)}${log}`, id);
    // Canonical's first 22.04 build with the CVE fix, a later one, and one before it.
    for (const v of ["1.3.3-0ubuntu1~22.04.2", "1.3.3-0ubuntu1~22.04.3"]) {
      expect(jammy(v), v).toMatchObject({ status: "affected", level: "verified" });
      expect(jammy(v)?.reason, v).toMatch(/as ubuntu:22\.04 package runc/);
      expect(jammy(v)?.certain, v).toBeUndefined();
    }
    expect(jammy("1.1.12-0ubuntu2~22.04.1")).toMatchObject({ status: "not-affected", level: "verified" });
    // Debian's build is judged on its upstream release, hedged: the distribution may have backported the change.
    const trixie = verdictOf(`${os("debian", "13")}${runc("1.3.3+ds1")}${log}`, id);
    expect(trixie).toMatchObject({ status: "affected", certain: false });
    expect(trixie?.reason).toMatch(/a distribution's build/);
    expect(verdictOf(`${os("debian", "12")}${runc("1.1.5+ds1")}${log}`, id)?.status).toBe("unknown");
    // A git build's describe string is still no release.
    expect(extractFacts("runc version 1.1.0-12-gabcdef0\nspec: 1.0.2-dev").components.runc).toBeUndefined();
    // Microsoft's moby-runc prints its package revision ("runc version 1.4.3-1", moby/moby#52972): the host's own build,
    // judged on its upstream release as a distribution's build, not a version named in passing (review 65h F3).
    expect(extractFacts(runc("1.4.3-1")).components.runc).toBe("1.4.3-1");
    const moby = verdictOf(`${runc("1.3.3-1")}${log}`, id);
    expect(moby).toMatchObject({ status: "affected", certain: false });
    expect(moby?.reason).toMatch(/a distribution's build/);
    expect(moby?.reason).not.toMatch(/names?, not read from the host/);
  });

  it("names (hedged) the version a daemon's start-up line logs: another node's, or a restart's after the failure", () => {
    // containerd's cmd/containerd/server and dockerd's cmd/dockerd/daemon.go start-up lines.
    const containerd =
      'May 05 10:10:01 node1 containerd[812]: time="2022-05-05T10:10:01.123456789Z" level=info msg="starting containerd" revision=212e8b6fa2f44b9c21b2798135fc6fb7c53efc16 version=1.6.3';
    expect(extractFacts(containerd)).toMatchObject({ components: {}, named: { containerd: "1.6.3" } });
    const dockerd =
      'Apr 02 09:00:01 host dockerd[901]: time="2024-04-02T09:00:01.000000000Z" level=info msg="Docker daemon" commit=8b79278 containerd-snapshotter=false storage-driver=overlay2 version=26.0.0';
    expect(extractFacts(dockerd).named).toMatchObject({ docker: "26.0.0" });
    // CRI-O's start line in a journal: named. `crio version` prints it too from 1.20 on (review 34a: nothing was read),
    // its own output then, the host's CRI-O and no restart (review 48a F8).
    const start =
      "INFO[2024-09-04 11:27:18.691313588Z] Starting CRI-O, version: 1.23.0, git: df27b8f8eb49a13c522aca56ee4ec27bc7482fad(clean)";
    expect(extractFacts(`Sep 04 11:27:18 node1 crio[911]: ${start}`).named).toMatchObject({ "cri-o": "1.23.0" });
    const crio = `$ crio version\n${start}\nVersion:        1.23.0`;
    expect(extractFacts(crio)).toMatchObject({ components: { "cri-o": "1.23.0" }, changes: [] });
    // A development build is no release (review 34d).
    expect(extractFacts(crio.replaceAll("1.23.0", "1.29.1-dev")).components["cri-o"]).toBeUndefined();
    expect(extractFacts(crio.replaceAll("1.23.0", "1.29.1-dev")).named["cri-o"]).toBeUndefined();
    // A journal of several nodes: node-b's start-up on 25.0.5 says nothing certain of node-a's failure.
    const sysctl =
      'Mar 20 10:02:11 node-a dockerd[812]: level=error msg="Handler for POST /v1.45/containers/abc/start returned error: OCI runtime create failed: runc create failed: unable to start container process: error during container init: open /proc/sys/net/ipv4/conf/eth0/route_localnet: no such file or directory: unknown"';
    const nodeB = dockerd.replace("Apr 02 09:00:01 host", "Mar 20 10:05:00 node-b").replace("version=26.0.0", "version=25.0.5");
    expect(verdictOf(`${sysctl}\n${nodeB}`, "docker-26.0.0-interface-sysctl-eth0-enoent")?.status).toBe("unknown");
    // Restarted on another release: two start-up lines, no version.
    expect(extractFacts(`${containerd}\n${containerd.replace("version=1.6.3", "version=1.6.4")}`).named.containerd).toBeUndefined();
  });

  it("names (hedged) what a heading says is another machine's or an earlier one's output", () => {
    const working = `Output from the working node (web-1), for comparison:\n$ docker info | grep -E 'Server Version|Storage Driver|Docker Root Dir'\n Server Version: 20.10.7\n Storage Driver: overlay2\n Docker Root Dir: /var/lib/docker\n\nOn web-2 every published port fails:\n${TCP6}`;
    expect(extractFacts(working)).toMatchObject({ components: {}, named: { docker: "20.10.7" } });
    expect(verdictOf(working, TCP6_ID)?.status).toBe("unknown");
    const laptop = `docker version on my laptop:\n${dockerVersion("20.10.7")}\n\nOn the CI runner it fails:\n${TCP6}`;
    expect(extractFacts(laptop).components.docker).toBeUndefined();
    expect(verdictOf(laptop, TCP6_ID)?.status).toBe("unknown");
    // The heading says whose output it is, wherever in a long `docker info` the version sits: its kernel too.
    const workstation = `docker info on my workstation (where it works):\n${dockerInfo("20.10.7")}\nPlugins:\n Volume: local\nSecurity Options:\n seccomp\n Kernel Version: 6.5.0-28-generic\n`;
    expect(extractFacts(workstation).kernel).toMatchObject({ release: "6.5.0-28-generic", named: true });
    // Output aligned as `crictl version` and `kubectl describe node` print it, under a working node's heading.
    const crictl =
      "On the working node:\n$ crictl version\nVersion:  0.1.0\nRuntimeName:  containerd\nRuntimeVersion:  v1.6.4\nRuntimeApiVersion:  v1";
    expect(extractFacts(crictl)).toMatchObject({ components: {}, named: { containerd: "1.6.4" } });
    const describe = [
      "For comparison, the working node:",
      "$ kubectl describe node node-b",
      "Name:               node-b",
      "Lease:",
      "  HolderIdentity:  node-b",
      "System Info:",
      "  Kernel Version:             5.15.0-69-generic",
      "  Kubelet Version:            v1.26.3",
    ].join("\n");
    expect(extractFacts(describe)).toMatchObject({ kubelet: null, named: { kubernetes: "1.26.3" }, kernel: { named: true } });
    // An upstream reproduction pasted unquoted, in a code fence at oh-my-zsh's prompt, under a heading that says whose
    // it is (review 46a F3: the maintainer's `ctr version` ruled the bug out for certain).
    const upstream = [
      "The maintainer's reproduction in the upstream issue (not our machine):",
      "",
      "```",
      "➜  plugins git:(1f33fb7) sudo ctr version",
      "Client:",
      "  Version:  v1.6.4",
      "",
      "Server:",
      "  Version:  v1.6.4",
      "  UUID: 65abd2a4-3b34-4ec0-b2f4-9ceba3551aab",
      "```",
    ].join("\n");
    expect(extractFacts(upstream)).toMatchObject({ components: {}, named: { containerd: "1.6.4" } });
    const [, ...block] = upstream.split("\n");
    for (const heading of [
      // As GitHub issues write headings: bold, or a Markdown heading without its colon (review 46b F3).
      "**The maintainer's reproduction in the upstream issue (not our machine):**",
      "### Output from the upstream issue (not our machine)",
      // Or one that names the issue it copies from, or its reporter (review 46b F15).
      "**thaJeztah's output from the linked issue:**",
      "Same error reported in containerd/containerd#6876, where the reporter has:",
      "Reproduction from the issue (containerd/containerd#6876):",
      // Review 46c F7's phrasings.
      "**From containerd/containerd#6876 (comment by the OP):**",
      "Copied from the issue that was linked above:",
      "Someone on the k3s Slack posted this, same error:",
      // Review 46d F4's: a link or a bare #N as the source, the OP's, a quote.
      "From https://github.com/containerd/containerd/issues/6876#issuecomment-1110023456:",
      "From #6876 (the OP's output):",
      "Quoting the original report:",
      "Per the maintainer's comment in the issue, here's what they had:",
      "Here is @fuweid's repro output:",
    ])
      expect(extractFacts([heading, ...block].join("\n")), heading).toMatchObject({ components: {}, named: { containerd: "1.6.4" } });
    // Nor one that only cites the issue over the reporter's own output (review 46c F8).
    for (const heading of [
      "**Output of `ctr version` (same error as containerd/containerd#6876):**",
      "This looks like containerd/containerd#6876. Our `ctr version` on node1:",
      "ctr's output from node1:",
      "**My colleague's output from the same node:**",
      // Review 46d F5's: who copied or ran it, not where it was posted.
      "copied from node1:",
      "Someone else on the team ran this on node1:",
    ])
      expect(extractFacts([heading, ...block].join("\n")).components, heading).toMatchObject({ containerd: "1.6.4" });
    // Nor a heading that only names upstream or the maintainer beside the reporter's own output (review 46b F9).
    for (const heading of [
      "Output of docker version (as the maintainer asked):",
      "Upstream says this was fixed in 20.10.7 (moby#42288), but here is ours:",
    ])
      expect(extractFacts([heading, dockerVersion("26.0.0")].join("\n")).components, heading).toMatchObject({ docker: "26.0.0" });
    // An issue template's own heading, however it names the maintainers or a desktop, is the reporter's output.
    expect(
      extractFacts(["**Desktop (please complete the following information):**", dockerVersion("26.0.0")].join("\n")).components,
    ).toMatchObject({
      docker: "26.0.0",
    });
    expect(
      extractFacts(["**Output of `docker version` as requested by the maintainers:**", "", dockerVersion("26.0.0")].join("\n")).components,
    ).toMatchObject({
      docker: "26.0.0",
    });
    // "non-working", "not-working", "nothing is working" name the failing machine, not another one.
    for (const heading of [
      "Output from the non-working node:",
      "Output from the not-working node:",
      "docker version where nothing is working:",
    ])
      expect(extractFacts(`${heading}\n${dockerVersion("26.0.0")}`).components, heading).toMatchObject({ docker: "26.0.0" });
    // A heading that says nothing of another machine leaves the output the host's.
    const broken = `Broken host (prod-2):\n$ docker info\n${dockerInfo("20.10.6")}\n\nWorking host (prod-1):\n$ docker version\n${dockerVersion("20.10.7")}\n\n${TCP6}`;
    expect(extractFacts(broken)).toMatchObject({ components: { docker: "20.10.6" }, named: { docker: "20.10.7" } });
    expect(verdictOf(broken, TCP6_ID)?.status).toBe("affected");
  });

  it("reads the output under a heading naming another machine as that machine's (review 47a F1)", () => {
    const id = "runc-1.2.0-tun-tap-removed-from-default-devices";
    const tun = "Tue Dec 10 02:57:00 2024 ERROR: Cannot open TUN/TAP dev /dev/net/tun: Operation not permitted (errno=1)";
    const runc = "$ runc --version\nrunc version 1.1.14\ncommit: v1.1.14-0-g2c9f560\nspec: 1.0.2-dev";
    // Two machines headed in Markdown or in bold, a note on each: the working one's runc is not the failing one's.
    for (const [prod, staging] of [
      ["### vpn-prod", "### vpn-staging"],
      ["## vpn-prod (broken)", "## vpn-staging (staging)"],
      ["**vpn-prod (broken):**", "**vpn-staging:**"],
    ]) {
      const paste = `${prod}\n${tun}\n\n${staging}\n${runc}`;
      expect(verdictOf(paste, id), paste).toMatchObject({ status: "unknown" });
      expect(verdictOf(paste, id)?.reason, paste).toContain("no version of vpn-prod is given");
    }
    // One machine's heading is a section of its own report; a component's heading names no machine.
    expect(verdictOf(`### vpn-prod\n${tun}\n\n${runc}`, id)).toMatchObject({ status: "not-affected" });
    expect(verdictOf(`### kube-proxy-5xj2k\n${tun}\n\n### calico-node-8zq4m\n${runc}`, id)).toMatchObject({ status: "not-affected" });
    expect(verdictOf(`### Step-1\n${tun}\n\n### Step-2\n${runc}`, id)).toMatchObject({ status: "not-affected" });
    // Output under a "before-upgrade" heading is an earlier time's: the log under "after-upgrade" is judged on its own runc.
    const upgraded = runc.replace("1.1.14", "1.2.1");
    expect(verdictOf(`**before-upgrade:**\n${runc}\n\n**after-upgrade:**\n${upgraded}\n${tun}`, id)).toMatchObject({ status: "affected" });
    // A single host's hyphenated section titles are no machines (review 47b F3).
    expect(verdictOf(`### container-logs\n${tun}\n\n### system-info\n${runc}`, id)).toMatchObject({ status: "not-affected" });
    expect(verdictOf(`### openvpn-container\n${tun}\n\n### host-packages\n${runc}`, id)).toMatchObject({ status: "not-affected" });
    // Nodes named after a component or a test bed, and environments, are machines (review 47b F1).
    for (const [a, b] of [
      ["### kube-worker-1", "### kube-worker-2"],
      ["### test-vm-01", "### test-vm-02"],
      ["### Production", "### Staging"],
    ])
      expect(verdictOf(`${a}\n${tun}\n\n${b}\n${runc}`, id), a).toMatchObject({ status: "unknown" });
    // A deeper heading or a bold label inside a machine's part stays in it; a heading of its level ends it (review 47b F2).
    expect(verdictOf(`## node-1 (broken)\n#### Container log\n${tun}\n\n## node-2 (works)\n#### Versions\n${runc}`, id)).toMatchObject({
      status: "unknown",
    });
    expect(verdictOf(`## node-1\n**Container log:**\n${tun}\n\n## node-2\n**runc version:**\n${runc}`, id)).toMatchObject({
      status: "unknown",
    });
    expect(verdictOf(`## node-1\n${tun}\n\n## node-2\nok\n\n## Versions\n${runc}`, id)?.reason).not.toContain("node-2's versions");
    // A bold label under a bold machine label stays in its part (review 47c F5); a heading naming a machine already headed
    // among other words is that machine's (47c F6).
    expect(verdictOf(`**node-1 (broken):**\n${tun}\n\n**node-2 (works):**\n**runc version:**\n${runc}`, id)).toMatchObject({
      status: "unknown",
    });
    // Machines named as OpenStack names them, and one named again by its full domain name (review 47d F2, F3).
    expect(verdictOf(`### os-compute-01\n${tun}\n\n### os-compute-02\n${runc}`, id)).toMatchObject({ status: "unknown" });
    expect(verdictOf(`## worker-1\n${tun}\n\n## worker-2\nfine.\n\n## Versions (worker-2.prod.example.com)\n${runc}`, id)).toMatchObject({
      status: "unknown",
    });
    for (const versions of ["## Versions (node-2)", "## node-2 versions", "## Versions on node-2:"])
      expect(verdictOf(`## node-1 (broken)\n${tun}\n\n## node-2 (works)\nfine.\n\n${versions}\n${runc}`, id), versions).toMatchObject({
        status: "unknown",
      });
    // Headings as reports write them: a note after a dash, a colon or in brackets, a name in backticks, after "On" or a
    // part's number, a note then a word, an address, "Server 2"; a bold name with its note after it; GitHub's
    // collapsible sections; a name written with a space (review 48a F2, F3; 47d's b06).
    for (const [a, b] of [
      ["### k8s-worker-01 - broken", "### k8s-worker-02 - OK"],
      ["### k8s-worker-01: broken", "### k8s-worker-02: OK"],
      ["### `k8s-worker-01` \u2014 broken", "### `k8s-worker-02` \u2014 OK"],
      ["### k8s-worker-01 [broken]", "### k8s-worker-02 [OK]"],
      ["### On k8s-worker-01 (broken)", "### On k8s-worker-02 (OK)"],
      ["### 1. k8s-worker-01 (broken)", "### 2. k8s-worker-02 (OK)"],
      ["### k8s-worker-01 (broken) logs", "### k8s-worker-02 (OK) versions"],
      ["### 10.0.1.23 (broken)", "### 10.0.1.57 (OK)"],
      ["### Server 1 (broken)", "### Server 2 (OK)"],
      ["**k8s-worker-01** (broken)", "**k8s-worker-02** (OK)"],
      ["<details><summary>worker-1 (broken) logs</summary>", "</details>\n<details><summary>worker-2 (works) runc --version</summary>"],
      ["<details>\n<summary>worker-1 (broken)</summary>", "</details>\n<details>\n<summary>worker-2 (works)</summary>"],
    ])
      expect(verdictOf(`${a}\n${tun}\n\n${b}\n${runc}`, id), a).toMatchObject({ status: "unknown" });
    expect(verdictOf(`## node-1 (broken)\n${tun}\n\n## node-2 (works)\nfine.\n\n## Versions (node 2)\n${runc}`, id)?.status).toBe(
      "unknown",
    );
    // One machine headed as working ("(OK)", "- OK", a summary), or a build headed as the one that works: its output is
    // perhaps not the failing run's (review 48c F4, F7).
    for (const [a, b] of [
      ["### openvpn log", "### k8s-worker-02 (OK)"],
      ["### openvpn log", "### k8s-worker-02 - OK"],
      ["<details><summary>openvpn log</summary>", "</details>\n<details><summary>k8s-worker-02 (OK)</summary>"],
      ["### containerd.io 1.7.24-1 - broken", "### containerd.io 1.7.23-1 - works"],
      ["The broken node is k8s-worker-01.", "Output from k8s-worker-02, which works:"],
    ])
      expect(verdictOf(`${a}\n${tun}\n\n${b}\n\`\`\`\n${runc}\n\`\`\``, id), b).toMatchObject({ status: "unknown" });
    // Addresses headed with a service's name are the services tested, not machines (review 48c F10); one headed with what
    // the machine runs is a machine (48d F3).
    expect(verdictOf(`### 10.96.0.1 (kubernetes svc)\n${tun}\n\n### 10.96.0.10 (kube-dns)\n${runc}`, id)?.reason).not.toContain(
      "no version of",
    );
    expect(verdictOf(`### 10.0.1.58 (ingress node)\n${tun}\n\n### 10.0.1.57 (node with the coredns pods)\n${runc}`, id)?.reason).toContain(
      "no version of 10.0.1.58",
    );
    // A step's or a check's "- OK", and a heading whose "fine" is of other machines, leave the host's output its own (48d F6).
    const affected = runc.replaceAll("1.1.14", "1.2.2");
    for (const heading of ["### Step 1: docker daemon health - OK", "### This is docker-03, the one that fails. The other two are fine:"])
      expect(verdictOf(`${heading}\n${affected}\n${tun}`, id), heading).toMatchObject({ status: "affected", level: "verified" });
    // A working machine's heading whose other sentence says the others fail (review 48e F6).
    for (const works of [
      "### Versions from docker-01, which still works. On the other two the container fails:",
      // In one sentence, or naming the others (review 48f F2).
      "### docker-01 works, the other two fail:",
      "### Versions from docker-01, which still works. docker-02 and docker-03 fail:",
      // The failing machine named first (review 48g F1): a heading telling both is no certain word of either.
      "### Unlike docker-03 (fails), docker-01 works fine:",
      "### While docker-03 fails, docker-01 is healthy:",
    ])
      expect(verdictOf(`${works}\n${runc.replaceAll("1.1.14", "1.2.4")}\n\n### Log from docker-03\n${tun}`, id)?.status, works).toBe(
        "unknown",
      );
    // A section's end closes the machine's part: what follows is the paste's own again.
    expect(
      verdictOf(
        `<details><summary>worker-1 (broken)</summary>\n\n${tun}\n</details>\n<details><summary>worker-2 (works)</summary>\nfine\n</details>\n\n${runc.replace("1.1.14", "1.2.2")}`,
        id,
      )?.reason,
    ).not.toContain("worker-2's versions");
    // Bold prose and a summary naming no machine are no machine headings.
    expect(
      verdictOf(`**Edit:** I tried restarting\n${tun}\n\n<details><summary>Full log</summary>\n${runc}\n</details>`, id),
    ).toMatchObject({
      status: "not-affected",
    });
    // A bare version a --format option prints is output too: the walk goes on up to the working host's heading.
    const format = `Working host:\n$ docker version --format '{{.Server.Version}}'\n27.3.1\n${runc}\n\nBroken host:\n${tun}`;
    expect(verdictOf(format, id)).toMatchObject({ status: "unknown" });
  });

  it("reads each file's part of `tail` over machines' files as that machine's when its uname follows (review 52e F1)", () => {
    const id = "xt-mark-ipv6-typo-2024";
    const part = (host: string, abi: number, log: string) =>
      `==> ${host}.txt <==\n$ uname -a\nLinux ${host} 5.15.0-${abi}-generic #${abi + 10}-Ubuntu SMP Fri Nov 8 15:21:01 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux\n${log}\n`;
    const failing = 'exit status 2: ip6tables-restore v1.8.7 (legacy): unknown option "--xor-mark"';
    const quiet = "Dec 12 02:10:02 node-b kubelet[1123]: I1212 02:10:02.110311 1123 reconciler.go:357] started";
    // The failing lines are node-a's, whose 126 is before the range: not node-b's in-range 127, "affected", certain.
    const paste = `$ tail -n +1 node-a.txt node-b.txt\n${part("node-a", 126, failing)}\n${part("node-b", 127, quiet)}`;
    expect(verdictOf(paste, id)).toMatchObject({ status: "not-affected" });
    expect(verdictOf(paste, id)?.reason).toContain("the log's lines are node node-a's");
    // A part with no uname of its own, named after a machine, beside one that shows its machine: not that machine's kernel
    // (review 52f F1: worker-3's lines were judged on bastion's, "affected", certain).
    const bastion = `$ tail -n +1 bastion.txt worker-3.txt\n==> bastion.txt <==\nLinux bastion 5.15.0-127-generic #137-Ubuntu SMP Fri Nov 8 15:21:01 UTC 2024 x86_64 GNU/Linux\n\n==> worker-3.txt <==\n${failing}`;
    expect(verdictOf(bastion, id)).toMatchObject({ status: "unknown" });
    expect(verdictOf(bastion, id)?.reason).toContain("no version of worker-3 is given");
    // Files named otherwise (a system's logs) name no machine: one host's files, its kernel judged.
    const logs = `==> /var/log/syslog <==\nLinux node-a 5.15.0-127-generic #137-Ubuntu SMP Fri Nov 8 15:21:01 UTC 2024 x86_64 GNU/Linux\n\n==> /var/log/kern.log <==\n${failing}`;
    expect(verdictOf(logs, id)).toMatchObject({ status: "affected" });
  });

  it("reads a file's part as the machine its folder or its name's start names, and a service's log as no machine (review 53a F1, F2)", () => {
    const id = "xt-mark-ipv6-typo-2024";
    const uname = (host: string, abi: number) =>
      `Linux ${host} 5.15.0-${abi}-generic #${abi + 10}-Ubuntu SMP Fri Nov 8 15:21:01 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux`;
    const failing = 'exit status 2: ip6tables-restore v1.8.7 (legacy): unknown option "--xor-mark"';
    const quiet = "I1212 02:10:02.110311 1123 reconciler.go:357] started";
    // One folder per host, or the host's name first: worker-1 fails on 126, before the range; worker-2's 127 is quiet.
    for (const [a, b] of [
      ["worker-1/", "worker-2/"],
      ["worker-1-", "worker-2-"],
      // Deeper folders and a name that is another's with a word after it, listed after it (review 53e F1, F2).
      ["worker-1/logs/", "worker-2/logs/"],
      // Support bundles' folders: the machine's name among the tool's words, a date and an id (review 67e F2: worker-1's
      // lines were judged on worker-2's 127, "affected", certain).
      ["sosreport-worker-1-2024-12-17-d04d02/var/log/", "sosreport-worker-2-2024-12-17-764303/var/log/"],
      ["scc_worker-1_241217_1112/", "scc_worker-2_241217_1113/"],
      ["bundle/worker-1_sosreport/", "bundle/worker-2_sosreport/"],
    ]) {
      const paste = [
        `$ tail -n +1 ${a}* ${b}*`,
        `==> ${a}uname.txt <==\n${uname("worker-1", 126)}\n`,
        `==> ${b}uname.txt <==\n${uname("worker-2", 127)}\n`,
        `==> ${a}kubelet.log <==\n${failing}\n`,
        `==> ${b}kubelet.log <==\n${quiet}`,
      ].join("\n");
      expect(verdictOf(paste, id), a).toMatchObject({ status: "not-affected" });
      expect(verdictOf(paste, id)?.reason, a).toContain("the log's lines are node worker-1's");
    }
    // A bundle whose folder names another machine than a shown one (worker-1 with a word beside it): that machine's, given
    // no version, never worker-1's answer (review 67i F1).
    for (const folder of [
      "sosreport-worker-1-gpu-2024-12-17-764303",
      "sosreport-gpu-worker-1-2024-12-17-764303",
      "scc_worker-1-gpu_241217_1112",
    ]) {
      const paste = [
        "$ tail -n +1 sosreport-*/*",
        `==> sosreport-worker-1-2024-12-17-d04d02/uname.txt <==\n${uname("worker-1", 126)}\n`,
        `==> ${folder}/kubelet.log <==\n${failing}\n`,
        `==> sosreport-worker-2-2024-12-17-aa1122/uname.txt <==\n${uname("worker-2", 127)}`,
      ].join("\n");
      expect(verdictOf(paste, id), folder).toMatchObject({
        status: "unknown",
        reason: expect.stringMatching(/^no version of (?:worker-1-gpu|gpu-worker-1) is given/),
      });
    }
    // A machine whose name is another's with a word after it, listed after it: its own part, not the other's (53e F1:
    // gpu-node-spot's failing line was judged on gpu-node's 126, "not affected", certain).
    const spot = [
      "$ tail -n +1 gpu-node/* gpu-node-spot/*",
      `==> gpu-node/uname.txt <==\n${uname("gpu-node", 126)}\n`,
      `==> gpu-node/kubelet.log <==\n${quiet}\n`,
      `==> gpu-node-spot/uname.txt <==\n${uname("gpu-node-spot", 127)}\n`,
      `==> gpu-node-spot/kubelet.log <==\n${failing}`,
    ].join("\n");
    expect(verdictOf(spot, id)).toMatchObject({ status: "affected" });
    expect(verdictOf(spot, id)?.reason).toContain("the log's lines are node gpu-node-spot's");
    // worker-1's failing part named with a date, or a pod's log in its folder (53e F2).
    const dated = [
      "$ tail -n +1 worker-*",
      `==> worker-1-uname.txt <==\n${uname("worker-1", 126)}\n`,
      `==> worker-2-uname.txt <==\n${uname("worker-2", 127)}\n`,
      `==> worker-1-2024-12-12.log <==\n${failing}\n`,
      `==> worker-2/aws-node-2x4k7.log <==\n${quiet}`,
    ].join("\n");
    expect(verdictOf(dated, id)).toMatchObject({ status: "not-affected" });
    // A pod's log deep in the host's folder is the host's (53g F3).
    const deep = dated.replace("worker-1-2024-12-12.log", "worker-1/var/log/pods/kube-system_kube-proxy-x2v4k_6b1f/kube-proxy/0.log");
    expect(verdictOf(deep, id)).toMatchObject({ status: "not-affected" });
    // A name that may be a machine no part shows (Cluster API's, or a shown machine's with another word after it) is that
    // machine's, given no version: unknown, never the shown machine's answer (53g F2, F4).
    for (const file of ["capi-quickstart-md-0-55x6t-5649968bd7-sfzp6.txt", "node-a-gpu-kubelet.log"]) {
      const paste = `$ tail -n +1 node-a.txt ${file}\n==> node-a.txt <==\n$ uname -a\n${uname("node-a", 126)}\n\n==> ${file} <==\n${failing}`;
      expect(verdictOf(paste, id), file).toMatchObject({ status: "unknown" });
    }
    // One machine's files: a service's log, a dated log or the machine's own named log beside its uname is that machine's
    // (53a F2: "no version of aws-node is given").
    for (const file of [
      "aws-node.log",
      "kubelet-2024-12-12.log",
      "node-a-kubelet.log",
      "aws-node-2x4k7.log",
      "debug-1.log",
      "kubelet-1.log",
    ]) {
      const paste = `$ tail -n +1 node-a.txt ${file}\n==> node-a.txt <==\n$ uname -a\n${uname("node-a", 127)}\n\n==> ${file} <==\n${failing}`;
      expect(verdictOf(paste, id), file).toMatchObject({ status: "affected" });
    }
  });

  it("reads a file's part named after a node of the paste's nodes table, by its name or address, as that node's (review 53c F1)", () => {
    const id = "containerd-1.6.3-loopback-cni-1.0.0";
    const row = (name: string, ip: string, runtime: string) =>
      `${name.padEnd(44)}Ready    <none>   12d   v1.25.9   ${ip.padEnd(13)} <none>        Ubuntu 22.04.4 LTS   5.15.0-105-generic   containerd://${runtime}`;
    const table = [
      "NAME                                        STATUS   ROLES    AGE   VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION       CONTAINER-RUNTIME",
      row("ip-10-0-1-23.eu-west-1.compute.internal", "10.0.1.23", "1.6.4"),
      row("ip-10-0-2-87.eu-west-1.compute.internal", "10.0.2.87", "1.6.3"),
    ].join("\n");
    const failing =
      'E0412 08:01:02.123456    1842 remote_runtime.go:116] "RunPodSandbox from runtime service failed" err="rpc error: code = Unknown desc = failed to setup network for sandbox: plugin type=\\"loopback\\" failed (add): incompatible CNI versions; config is \\"1.0.0\\", plugin supports [\\"0.1.0\\" \\"0.2.0\\" \\"0.3.0\\" \\"0.3.1\\" \\"0.4.0\\"]"';
    const quiet = "I0412 08:01:02.000000    1842 kubelet.go:2100] SyncLoop (PLEG)";
    // The failing lines are the node on 1.6.4's: not the other node's 1.6.3, "affected", certain.
    for (const [a, b] of [
      ["ip-10-0-1-23.eu-west-1.compute.internal.log", "ip-10-0-2-87.eu-west-1.compute.internal.log"],
      ["10.0.1.23-kubelet.log", "10.0.2.87-kubelet.log"],
      // A node's name with a word after it (53e F3).
      ["ip-10-0-1-23-kubelet.log", "ip-10-0-2-87-kubelet.log"],
    ]) {
      const paste = `$ kubectl get nodes -o wide\n${table}\n$ tail -n 1 ${a} ${b}\n==> ${a} <==\n${failing}\n\n==> ${b} <==\n${quiet}`;
      expect(verdictOf(paste, id), a).toMatchObject({ status: "not-affected" });
    }
  });

  it("reads `crio version`'s table as the host's CRI-O, as CRI-O prints it with or without its first line (review 47a F7)", () => {
    const table =
      "Version:          1.23.0\nGitCommit:        c3f3f8f0e7e6e5b1b9a0b0e3c1b7d8a9e6f5d4c3\nGitTreeState:     clean\nGoVersion:        go1.17.5";
    expect(extractFacts(`root@node1:~# crio version\n${table}`).components).toMatchObject({ "cri-o": "1.23.0" });
    // cri-o/cri-o#3845: a build that prints warnings and a header without its number before the table.
    const header =
      "$ crio --version\nWARN[0000] Encountered error detecting link mode of binary\ncrio version \nVersion:    1.18.1\nGoVersion:  go1.13.8";
    expect(extractFacts(header).components).toMatchObject({ "cri-o": "1.18.1" });
    // Its warnings sent away or its output cut (review 47b F4).
    for (const command of ["[root@node1 ~]# crio version 2>/dev/null", "$ sudo crio version 2>&1", "$ crio version | head -3"])
      expect(extractFacts(`${command}\n${table}`).components, command).toMatchObject({ "cri-o": "1.23.0" });
    // Printed by other machines a shell loop reached over ssh: not this host's (review 47c F7).
    expect(
      extractFacts(`[root@node1 ~]# for n in node2 node3; do ssh $n crio version 2>/dev/null | head -2; done\n${table}`).readingsHosts,
    ).toEqual(["node2,node3"]);
    // Unlisted loops and xargs reach other machines too (review 47d F1).
    for (const loop of [
      `[root@node1 ~]# while read h; do ssh "$h" crio version; done < nodes.txt`,
      "[root@node1 ~]# cat nodes.txt | xargs -I{} ssh {} crio version",
      // Typed over several lines after the shell's continuation prompt (review 47d F1's a06).
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's ${host}, as typed
      "[root@node1 ~]# for host in node2 node3\n> do\n>   ssh root@${host} crio version\n> done",
    ])
      expect(extractFacts(`${loop}\n${table}`).readingsHosts, loop).not.toEqual(["node1"]);
    // CRI-O 1.20 to 1.23 log their start line before the table: the binary's own output, no restart (review 48a F8).
    for (const start of [
      'time="2022-01-03T10:25:00Z" level=info msg="Starting CRI-O, version: 1.23.0, git: cd8bc4c1f750416806d6961f07a0b60e5b4b929e(clean)"',
      "INFO[2022-01-03 10:25:00.000000000] Starting CRI-O, version: 1.23.0, git: cd8bc4c1f750416806d6961f07a0b60e5b4b929e(clean)",
    ]) {
      const facts = extractFacts(`root@node1:~# crio version
${start}
${table}`);
      expect(facts.components, start).toMatchObject({ "cri-o": "1.23.0" });
      expect(facts.changes, start).toEqual([]);
    }
    // The same keys under another program's command are not CRI-O's.
    expect(extractFacts(`$ mytool version\n${table}`).components["cri-o"]).toBeUndefined();
  });

  it("reads dnf 5's, zypper's and apk's listings whose rows are installed by where they stand (review 46c F11)", () => {
    // dnf 5 writes the repository without dnf 4's "@": the section's header says which rows are installed.
    const dnf5 = (header: string) =>
      `[root@node2 ~]# dnf list containerd.io\nUpdating and loading repositories:\nRepositories loaded.\n${header}\ncontainerd.io.x86_64 1.6.3-3.1.fc36 docker-ce-stable`;
    expect(extractFacts(dnf5("Installed packages")).packages).toEqual({ "containerd.io": "1.6.3-3.1.fc36" });
    expect(extractFacts(dnf5("Available packages")).packages).toEqual({});
    // zypper se -s: "i" or "i+" is installed, "v" another version the repository has.
    const zypper = (first: string, second: string) =>
      [
        "node01:~ # zypper se -s containerd",
        "S  | Name       | Type       | Version           | Arch   | Repository",
        "---+------------+------------+-------------------+--------+-------------------------------------",
        `${first} | containerd | package    | 1.6.3-150000.73.2 | x86_64 | SLE-Module-Containers15-SP3-Updates`,
        `${second} | containerd | package    | 1.6.6-150000.79.1 | x86_64 | SLE-Module-Containers15-SP3-Updates`,
      ].join("\n");
    expect(extractFacts(zypper("i+", "v ")).named).toMatchObject({ containerd: "1.6.3" });
    expect(extractFacts(zypper("v ", "i+")).named).toMatchObject({ containerd: "1.6.6" });
    // apk policy: the version whose sources list the installed database.
    const apk =
      "alpine-node:~# apk policy containerd\ncontainerd policy:\n  1.6.4-r0:\n    https://dl-cdn.alpinelinux.org/alpine/v3.16/community\n  1.6.3-r0:\n    lib/apk/db/installed\n    https://dl-cdn.alpinelinux.org/alpine/v3.16/community";
    expect(extractFacts(apk).named).toMatchObject({ containerd: "1.6.3" });
  });

  it("reads the host's own prompt after a one-shot run whose output the host's command read (review 47a F3)", () => {
    const afterRun = (run: string) =>
      `${run}\ndrwxrwxrwx   2 root root   40 Aug  1 04:43 tmp\n[root@c7 ~]# cat /etc/redhat-release\nCentOS Linux release 7.9.2009 (Core)`;
    // Piped into grep: no shell of the container is left open, so the named prompt is the host's.
    expect(extractFacts(afterRun("$ docker run --rm --tmpfs /tmp ruby:2.7.6 ls -alh / | grep tmp")).os).toMatchObject({ id: "centos" });
    // A pipe inside the container's own quoted command says nothing of that.
    expect(extractFacts(afterRun(`$ docker compose run web sh -c "ls -alh / | grep tmp"`)).os).toBeNull();
  });

  it("judges a CRI bug on the CRI runtime `crictl version` names, not on the other one a package listing shows (review 47a F6)", () => {
    const id = "cri-memsw-limit-without-swap-accounting";
    const memsw = String.raw`Jan 03 10:22:18 node1 kubelet[1200]: E0103 10:22:18.000000 1200 pod_workers.go:951] "Error syncing pod" err="failed to \"StartContainer\" for \"app\" with RunContainerError: \"container create failed: process_linux.go:508: setting cgroup config for procHooks process caused: open /sys/fs/cgroup/memory/kubepods.slice/crio-35fa56fb8d2a.scope/memory.memsw.limit_in_bytes: no such file or directory\""`;
    const crictl = (name: string, version: string) =>
      `root@node1:~# crictl version\nVersion:  0.1.0\nRuntimeName:  ${name}\nRuntimeVersion:  ${version}\nRuntimeApiVersion:  v1alpha2`;
    const containerdIo =
      "root@node1:~# dpkg -l containerd.io | tail -1\nii  containerd.io  1.6.13-1     amd64        An open and reliable container runtime";
    // CRI-O 1.23.1 is fixed; the containerd.io beside it (Docker's) is not what the kubelet runs.
    expect(verdictOf([memsw, crictl("cri-o", "1.23.1"), containerdIo].join("\n"), id)).toMatchObject({ status: "not-affected" });
    expect(verdictOf([memsw, crictl("cri-o", "1.23.0"), containerdIo].join("\n"), id)).toMatchObject({ status: "affected" });
    // Without crictl, the scope CRI-O names the container's cgroup with says which runtime ran it: not containerd.
    const criOIo = "root@node1:~# rpm -qa | grep cri-o\ncri-o-1.23.1-1.1.el8.x86_64";
    expect(verdictOf([memsw, criOIo, containerdIo].join("\n"), id)?.status).not.toBe("affected");
    // With neither, either runtime may be the kubelet's: the affected one's listing counts, hedged.
    const unscoped = memsw.replace("crio-35fa56fb8d2a.scope/", "pod2f5254d9/35fa56fb8d2a/");
    expect(verdictOf([unscoped, containerdIo].join("\n"), id)).toMatchObject({ status: "affected", certain: false });
    // crictl pointed at a socket, or beside the kubelet's own endpoint naming the other runtime, decides nothing (review
    // 48a F1: Docker's fixed containerd was judged, certain, on a CRI-O node; 48d F1, F2).
    const both = "root@node1:~# rpm -qa | grep -E 'cri-o|containerd'\ncri-o-1.23.0-1.1.el8.x86_64\ncontainerd.io-1.6.14-3.1.el8.x86_64";
    const kubeletArgs =
      "root@node1:~# ps -o args= -C kubelet | tr ' ' '\\n' | grep endpoint\n--container-runtime-endpoint=unix:///var/run/crio/crio.sock";
    const pointed = crictl("containerd", "v1.6.14").replace("crictl version", "crictl -r unix:///run/containerd/containerd.sock version");
    for (const paste of [
      [unscoped, both, kubeletArgs, pointed],
      [unscoped, both, pointed],
      [unscoped, both, kubeletArgs, crictl("containerd", "v1.6.14")],
      [
        unscoped,
        both,
        'KUBELET_KUBEADM_ARGS="--container-runtime-endpoint=unix:///var/run/crio/crio.sock"',
        crictl("containerd", "v1.6.14"),
      ],
      // A configuration's field (perhaps another node's, or planned) naming the other runtime leaves crictl undecided.
      [unscoped, both, "containerRuntimeEndpoint: unix:///var/run/crio/crio.sock", crictl("containerd", "v1.6.14")],
      // crictl pointed by the variable its flag reads (review 48c F6).
      [
        unscoped,
        both,
        crictl("containerd", "v1.6.14").replace(
          "crictl version",
          "CONTAINER_RUNTIME_ENDPOINT=unix:///run/containerd/containerd.sock crictl version",
        ),
      ],
      // For the shell, or by its config file (48d F2).
      [
        unscoped,
        both,
        "root@node1:~# export CONTAINER_RUNTIME_ENDPOINT=unix:///run/containerd/containerd.sock",
        crictl("containerd", "v1.6.14"),
      ],
      [
        unscoped,
        both,
        "root@node1:~# cat /etc/crictl.yaml\nruntime-endpoint: unix:///run/containerd/containerd.sock",
        crictl("containerd", "v1.6.14"),
      ],
      // `crictl config` writing it, however far above (review 48e F3).
      [
        unscoped,
        both,
        "root@node1:~# crictl config runtime-endpoint unix:///run/containerd/containerd.sock",
        `${"root@node1:~# crictl images\nregistry.k8s.io/pause   3.6   6270bb605e12e   302kB\n".repeat(30)}${crictl("containerd", "v1.6.14")}`,
      ],
      // A plan's flag decides nothing either (48d F1).
      [
        unscoped,
        both,
        "We'll move node1 to containerd: KUBELET_EXTRA_ARGS=--container-runtime-endpoint=unix:///run/containerd/containerd.sock",
      ],
    ])
      expect(verdictOf(paste.join("\n"), id), paste.join("\n")).toMatchObject({ status: "affected", certain: false });
    // Nor does a configuration's field or another node's annotation decide alone (review 48c F1).
    for (const other of [
      "root@node1:~# kubectl get node node2 -o yaml | grep cri-socket\n    kubeadm.alpha.kubernetes.io/cri-socket: unix:///run/containerd/containerd.sock",
      "The KubeletConfiguration we will roll out next week:\ncontainerRuntimeEndpoint: unix:///run/containerd/containerd.sock",
    ])
      expect(verdictOf([unscoped, both, other].join("\n"), id), other).toMatchObject({ status: "affected", certain: false });
    // With only the other runtime's version, the answer says which runtime's version is missing.
    const missing = verdictOf(
      [memsw, "root@node1:~# containerd --version\ncontainerd containerd.io 1.6.14 9ba4b250366a5ddde94bb7c9d1def331423aa323"].join("\n"),
      id,
    );
    expect(missing?.status).toBe("unknown");
    expect(missing?.reason).toMatch(/^no version of cri-o was given: .*the containerd the paste shows is the other runtime/);
    // The kubelet's endpoint beside a scope naming the other runtime: neither decides, and no fixed build rules it out.
    expect(verdictOf([memsw, both, kubeletArgs.replace(/crio\/crio/, "containerd/containerd")].join("\n"), id)?.status).toBe("affected");
  });

  it("reads no version from an upgrade retold or a list, and no kubelet from another Kubernetes binary's --version", () => {
    for (const story of [
      "We upgraded Docker 20.10.6 to 20.10.7 and the problem persists.",
      "Downgraded Docker 20.10.7 to 20.10.6",
      "Tried Docker 20.10.6, 20.10.7 and 23.0.1",
    ]) {
      expect(extractFacts(`${story}\n${TCP6}`).named.docker, story).toBeUndefined();
      expect(verdictOf(`${story}\n${TCP6}`, TCP6_ID)?.status, story).toBe("unknown");
    }
    expect(extractFacts("Docker 20.10.6 on Ubuntu 20.04").named.docker).toBe("20.10.6");
    // A change told with an arrow is read as "from A to B" is: the release after it, which here did not help (review 61i F2).
    expect(extractFacts(`docker-ce 20.10.6 → 20.10.7 did not help\n${TCP6}`).named.docker).toBe("20.10.7");
    // A sentence cut over lines that opens with "was" is no question.
    expect(extractFacts("The main issue\nwas an upgrade of docker to version 20.10.6 done by ansible.").named.docker).toBe("20.10.6");
    // Nor from a sentence's cure, fix, requirement or bound (read as kernel-prose.ts reads a kernel release's role).
    for (const sentence of [
      "After upgrading docker-ce to 20.10.7 the error is gone.",
      "Downgrading to Docker 20.10.5 fixed it.",
      "This needs Docker 20.10.7 or later.",
      "The release notes for Docker 20.10.7 mention a fix for this.",
      "The problem goes away with Docker 20.10.7.",
      "Rolling back to Docker 20.10.5 makes the error go away.",
      "Docker 20.10.7 contains the fix.",
      "docker 20.10.7 is not affected",
      // Review 46a F7: the fix's release, not yet the host's.
      "Docker 20.10.7 is supposed to fix this according to the release notes, but we have not rolled it out yet.",
      "docker 20.10.7 should fix it",
      // A question or a label's list names no version the host ran (review 48c F8).
      "Is Docker 20.10.7 affected by this too?",
      "Known bad: Docker 20.10.7 (per the forum thread).",
    ])
      expect(extractFacts(`${sentence}\n${TCP6}`).named.docker, sentence).toBeUndefined();
    // A failure's onset is the host's (review 27b); a release note's opening or an old box elsewhere is not (review 27c).
    for (const sentence of [
      "Since Docker 20.10.6, containers cannot bind their ports:",
      "Starting with Docker 20.10.6 it fails",
      "Broken since docker 20.10.6",
    ])
      expect(extractFacts(`${sentence}\n${TCP6}`).named.docker, sentence).toBe("20.10.6");
    for (const sentence of [
      "As of Docker 20.10.6, schema 1 images are refused. We are planning our upgrade.",
      "We have an old Docker 20.10.6 box somewhere but this is about the new cluster.",
    ])
      expect(extractFacts(sentence).named.docker, sentence).toBeUndefined();
    // A series after "since" is a change's bound, as a guide tells it: no release the host ran (review 65g F2: "affected",
    // high, on a troubleshooting guide's "Since Kubernetes 1.8").
    const guide = "Since Kubernetes 1.8 the kubelet refuses to run when swap is enabled. In that case the journal shows";
    expect(extractFacts(guide).named.kubernetes).toBeUndefined();
    expect(extractFacts("Since Kubernetes 1.27.3 the kubelet fails at start-up:").named.kubernetes).toBe("1.27.3");
    // A list of components, each with its version, names each one.
    expect(extractFacts("Docker 26.0.0, 1.6.28 containerd, runc 1.1.12").named).toMatchObject({ docker: "26.0.0", runc: "1.1.12" });
    // Another Kubernetes binary's `--version` prints the kubelet's shape: its version is the cluster's (named), not the
    // kubelet's; kube-proxy's is kube-proxy's own, which judges kube-proxy's ranges (review 72b F2, tool-versions.ts).
    const apiserver = extractFacts("$ kubectl -n kube-system exec kube-apiserver-cp1 -- kube-apiserver --version\nKubernetes v1.18.2");
    expect(apiserver.kubelet).toBeNull();
    expect(apiserver.named.kubernetes).toBe("1.18.2");
    const proxy = extractFacts("$ kube-proxy --version\nKubernetes v1.18.2");
    expect(proxy.kubelet).toBeNull();
    expect(proxy.components).toEqual({ "kube-proxy": "1.18.2" });
    expect(extractFacts("$ kubelet --version\nKubernetes v1.18.2").kubelet).toBe("v1.18.2");
  });

  it("reads every package a component ships in, listed or changed, from one table of packages (component-packages.ts)", () => {
    // CentOS 7's extras shipped the kubelet as kubernetes-node; kubeadm's listed version is not the kubelet's.
    const rpm = "[root@node ~]# rpm -qa | grep kube\nkubernetes-node-1.5.2-0.7.git269f928.el7.x86_64\nkubeadm-1.24.0-0.x86_64";
    expect(extractFacts(rpm).packages).toEqual({ "kubernetes-node": "1.5.2-0.7.git269f928.el7" });
    // A change apt's history records of a library a record ranges over, as of the components.
    const history =
      "root@node1:~# tail -3 /var/log/apt/history.log\nStart-Date: 2022-04-28  10:30:50\nUpgrade: libseccomp2:amd64 (2.3.3-4, 2.5.1-1)\nEnd-Date: 2022-04-28  10:31:03";
    expect(extractFacts(history).changes).toEqual([{ ecosystem: "libseccomp", from: "2.3.3", to: "2.5.1", at: null, on: "node1" }]);
  });

  it("names the build a package manager's log shows installed last, where nothing else gives it (review 47a F2)", () => {
    const dpkgLog =
      "$ grep 'status installed containerd' /var/log/dpkg.log\n2024-11-02 06:41:19 status installed containerd.io:amd64 1.7.23-1\n2024-12-09 06:25:20 status installed containerd.io:amd64 1.7.24-1";
    expect(extractFacts(dpkgLog)).toMatchObject({ packages: { "containerd.io": "1.7.24-1" }, named: { containerd: "1.7.24" } });
    const dnf =
      "$ sudo dnf history info last\nPackages Altered:\n    Upgrade  crun-1.18-1.fc41.x86_64         @updates\n    Upgraded crun-1.17-1.fc41.x86_64         @@System";
    expect(extractFacts(dnf).named).toMatchObject({ crun: "1.18" });
    // A listing beside it is the host's word; the log's last install does not override it.
    expect(extractFacts(`${dpkgLog}\n$ dpkg -l containerd.io | tail -1\nii  containerd.io  1.7.25-1  amd64  runtime`).packages).toEqual({
      "containerd.io": "1.7.25-1",
    });
    const id = "runc-1.2.0-tun-tap-removed-from-default-devices";
    const tun = "2024-12-09 21:36:21 ERROR: Cannot open TUN/TAP dev /dev/net/tun: Operation not permitted (errno=1)";
    expect(verdictOf(`${dpkgLog}\n${tun}`, id)).toMatchObject({ status: "affected", certain: false });
    // Rotated logs pasted newest first: the latest date, not the last line (review 47c F4).
    const rotated =
      "$ zgrep -h 'status installed containerd.io' /var/log/dpkg.log*\n2024-12-09 06:25:20 status installed containerd.io:amd64 1.7.24-1\n2024-11-02 06:41:19 status installed containerd.io:amd64 1.7.23-1";
    expect(extractFacts(rotated).packages).toEqual({ "containerd.io": "1.7.24-1" });
    // A removal the same log shows leaves nothing installed (review 47c F1).
    for (const removal of [
      "2024-12-12 14:10:51 remove containerd.io:amd64 1.7.24-1 <none>\n2024-12-12 14:10:52 status not-installed containerd.io:amd64 <none>",
      "Remove: docker-ce:amd64 (5:27.3.1-1~ubuntu.22.04~jammy), containerd.io:amd64 (1.7.24-1)",
    ])
      expect(extractFacts(`${dpkgLog}\n${removal}`).packages, removal).toEqual({});
    // yum's history and yum.log keep the whole EL build, judged on the record's rhel:7 range (review 47c F3).
    // yum.log's dates have no year: its own order stands.
    const yumLog =
      "[root@build01 ~]# grep containerd /var/log/yum.log\nJul 18 03:12:40 Updated: containerd.io-1.6.21-3.1.el7.x86_64\nAug 01 03:10:31 Updated: containerd.io-1.6.22-3.1.el7.x86_64";
    expect(extractFacts(yumLog).packages).toEqual({ "containerd.io": "1.6.22-3.1.el7" });
    // An undated removal beside a dated install cannot be ordered: neither stands (review 47d F7).
    expect(extractFacts(`${dpkgLog}\nRemove: containerd.io:amd64 (1.7.20-1)`).packages).toEqual({});
    // apt's history.log installs (review 47d F8).
    expect(
      extractFacts("Install: containerd:amd64 (1.7.12-0ubuntu2~22.04.1, automatic), runc:amd64 (1.1.12-0ubuntu2~22.04.1)").packages,
    ).toEqual({
      containerd: "1.7.12-0ubuntu2~22.04.1",
      runc: "1.1.12-0ubuntu2~22.04.1",
    });
    const yumHistory =
      "Packages Altered:\n    Updated containerd.io-1.6.21-3.1.el7.x86_64 @docker-ce-stable\n    Update  containerd.io-1.6.22-3.1.el7.x86_64 @docker-ce-stable";
    expect(extractFacts(yumHistory).packages).toEqual({ "containerd.io": "1.6.22-3.1.el7" });
    // pacman's and apk's removals undo their installs, and pacman's dates order its lines across a change of summer time
    // (review 48a F4, F5: runc 1.2.2 removed stood; the October line pasted last won over December's).
    const upgraded = "[2024-12-02T08:11:40+0100] [ALPM] upgraded runc (1.1.15-1 -> 1.2.2-1)";
    const removedAfter = `${upgraded}\n[2024-12-09T21:00:12+0100] [ALPM] removed runc (1.2.2-1)\n[2024-12-09T21:00:30+0100] [ALPM] installed crun (1.19-1)`;
    expect(extractFacts(removedAfter).named.runc).toBeUndefined();
    expect(verdictOf(`${removedAfter}\n${tun}`, id)?.status).toBe("unknown");
    const apk =
      "alpine:~# apk upgrade && apk del runc\n(1/1) Upgrading runc (1.1.14-r0 -> 1.2.2-r0)\nOK: 412 MiB in 98 packages\n(1/1) Purging runc (1.2.2-r0)";
    expect(extractFacts(apk).named.runc).toBeUndefined();
    expect(extractFacts("(1/2) Installing runc (1.2.2-r0)").named.runc).toBe("1.2.2");
    const rotated48 = `/var/log/pacman.log:${upgraded}\n/var/log/pacman.log.old:[2024-10-01T19:00:02+0200] [ALPM] upgraded runc (1.1.14-1 -> 1.1.15-1)`;
    expect(extractFacts(rotated48).named.runc).toBe("1.2.2");
    // Said so: the log's build is not a listing's.
    expect(verdictOf(`${dpkgLog}\n${tun}`, id)?.reason).toMatch(/a package manager's log last installed/);
  });

  it("names the release a component's change told 'from A to B' leaves, hedged, not a cure's (review 52b F1)", () => {
    const id = "containerd-1.6.3-loopback-cni-1.0.0";
    const cni =
      'failed to setup network for sandbox "0f1": plugin type="loopback" failed (add): incompatible CNI versions; config is "1.0.0", plugin supports ["0.1.0" "0.2.0" "0.3.0" "0.3.1" "0.4.0"]';
    for (const told of [
      "We upgraded containerd from 1.6.2 to 1.6.3 and now every new pod is stuck in ContainerCreating.",
      "Since an update of containerd.io from 1.6.2-1 to 1.6.3-1 every new pod is stuck:",
      "After I upgraded containerd from v1.6.2 -> v1.6.3 last night every new pod is stuck",
      // A verb after the name (review 53a F4).
      "containerd was upgraded from 1.6.2 to 1.6.3 by unattended-upgrades last night; since then:",
      "containerd went from 1.6.2 to 1.6.3 during last night's unattended-upgrades, since then:",
      "The containerd.io package got bumped from 1.6.2-1 to 1.6.3-1 and now:",
      // An arrow alone tells the change too (review 61i F2); "A to B" alone is as often a range's.
      "containerd 1.6.2 -> 1.6.3 broke the pods:",
      "containerd 1.6.2 → 1.6.3, since then:",
    ]) {
      expect(extractFacts(told).named, told).toMatchObject({ containerd: "1.6.3" });
      expect(verdictOf(`${told}\n${cni}`, id), told).toMatchObject({ status: "affected", certain: false });
    }
    expect(extractFacts("containerd 1.6.2 to 1.6.5 are affected").named.containerd).toBeUndefined();
    expect(extractFacts("(containerd.io 1.7.23-1 -> 1.7.24-1)").packages).toEqual({ "containerd.io": "1.7.24-1" });
    // crun numbers its releases with two parts (crun#1588's title: "crun 1.18"): read as the release named.
    for (const told of [
      "Docker 27.3.1 with crun 1.18 as default runtime, systemd 256:",
      "We upgraded crun from 1.17 to 1.18 this morning:",
    ])
      expect(extractFacts(told).named, told).toMatchObject({ crun: "1.18" });
    expect(extractFacts("crun 1.18.x everywhere").named).toMatchObject({ crun: "1.18.x" });
    // The release a change brought that cured it, or one a question weighs, is no host's.
    for (const cure of [
      "We upgraded containerd from 1.6.3 to 1.6.4 and the error went away.",
      "containerd was upgraded from 1.6.3 to 1.6.4 and the error is gone.",
      "Fixed by upgrading containerd from 1.6.3 to 1.6.4.",
      "Should we upgrade containerd from 1.6.3 to 1.6.4?",
    ])
      expect(verdictOf(`${cure}\n${cni}`, id)?.status, cure).toBe("unknown");
  });

  it("judges a series a report names whole, or leaves it unknown where a range splits it (review 52c F3)", () => {
    const id = "aws-vpc-cni-1.10-enable-ipv4-env-missing-ipamd-panic";
    const panic = "github.com/aws/amazon-vpc-cni-k8s/pkg/ipamd.(*IPAMContext).StartNodeIPPoolManager(0xc00022c768)";
    expect(extractFacts("we run aws-vpc-cni 1.10.X on EKS").named).toMatchObject({ "aws-vpc-cni": "1.10.x" });
    const inRange = verdictOf(`we run aws-vpc-cni 1.10.x on EKS\n${panic}`, id);
    expect(inRange).toMatchObject({ status: "affected", certain: false });
    expect(inRange?.reason).toContain("every 1.10 release (1.10.x)");
    // A series a range starts or ends inside decides nothing; one wholly outside is ruled out as a named version is.
    const cni = 'plugin type="loopback" failed (add): incompatible CNI versions; config is "1.0.0", plugin supports ["0.1.0" "0.4.0"]';
    const split = verdictOf(`we run containerd 1.6.x\n${cni}`, "containerd-1.6.3-loopback-cni-1.0.0");
    expect(split).toMatchObject({ status: "unknown" });
    expect(split?.reason).toContain("splits");
  });

  it("reads a component's own output beside a sentence telling a cure by changing it as perhaps after the cure (review 61i F1)", () => {
    const id = "containerd-1.6.3-loopback-cni-1.0.0";
    const cni =
      'plugin type="loopback" failed (add): incompatible CNI versions; config is "1.0.0", plugin supports ["0.1.0" "0.2.0" "0.3.0" "0.3.1" "0.4.0"]';
    const own = "$ containerd --version\ncontainerd containerd.io 1.6.4 212e8b6fa2f44b9c21b2798135fc6fb7c53efc16";
    // The host's own 1.6.4, past the fix, rules the bug out; told as the cure's version, it is perhaps read after the cure,
    // so beside the bug's own line it decides nothing (it was "not affected (verified)").
    expect(verdictOf(`${cni}\n${own}`, id)?.status).toBe("not-affected");
    for (const cure of [
      "After upgrading containerd to 1.6.4 everything works again.",
      "Fixed by upgrading containerd to 1.6.4.",
      "Upgrading containerd.io to 1.6.4-1 fixed it.",
    ]) {
      const verdict = verdictOf(`${cni}\n${cure}\n${own}`, id);
      expect(verdict?.status, cure).toBe("unknown");
      expect(verdict?.reason, cure).toContain("the paste shows containerd changed");
    }
    // A change that did not help leaves the reading the failing run's.
    expect(verdictOf(`${cni}\nUpgrading containerd to 1.6.4 did not help.\n${own}`, id)?.reason).not.toContain("changed");
    // A change told as done, whatever words tell its outcome (review 69c F2: these were "not affected (verified)").
    for (const done of [
      "We upgraded containerd to 1.6.4 this morning and pods run now.",
      "Updated containerd to 1.6.4, pods are Running again.",
      "We bumped containerd to v1.6.4 and the sandboxes come up now.",
      "containerd was upgraded to 1.6.4 by the patch run.",
    ]) {
      const verdict = verdictOf(`${cni}\n${done}\n${own}`, id);
      expect(verdict?.status, done).toBe("unknown");
      expect(verdict?.reason, done).toContain("the paste shows containerd changed");
    }
    // Not done, or done and the trouble stayed: the reading is the failing run's.
    for (const other of [
      "We haven't upgraded containerd yet.",
      "We will upgrade containerd to 1.6.4 tonight.",
      "We upgraded containerd to 1.6.4 but pods still fail the same way.",
      "After we upgraded containerd to 1.6.4 the sandbox errors started.",
      // Another thing's change, another machine's, or another's words (review 69j F2).
      "I updated the containerd config (containerd 1.6.4, SystemdCgroup = true) and restarted it. Then:",
      "We upgraded containerd to 1.6.4 on node-2 only; this is node-1:",
      "> We upgraded containerd to 1.6.4 and pods run now (quoted from the upstream issue)",
      "Since containerd was upgraded to 1.6.4 yesterday every new pod is stuck in ContainerCreating:",
    ])
      expect(verdictOf(`${cni}\n${other}\n${own}`, id)?.status, other).toBe("not-affected");
  });

  it("reads a Kubernetes minor release named alone as its series, where the sentence names the host's (review 60f F4)", () => {
    const psp = "kubernetes-1.25-podsecuritypolicy-removed";
    const refused = 'no matches for kind "PodSecurityPolicy" in version "policy/v1beta1"';
    // starboard#1258's title: every 1.25 release is past the removal.
    const told = "Starboard operator pod crashes when runs on kubernetes v1.25";
    expect(extractFacts(told).named).toMatchObject({ kubernetes: "1.25.x" });
    expect(verdictOf(`${told}\n${refused}`, psp)).toMatchObject({ status: "affected", certain: false });
    // A removal's, a requirement's, a fix's or a working release is no host's; nor is a list.
    for (const other of [
      "PodSecurityPolicy was removed in Kubernetes v1.25",
      "Requires Kubernetes 1.25+",
      "The fix landed in Kubernetes 1.26",
      "It works fine on Kubernetes 1.24",
      "If I do that on Kubernetes 1.24, no issues, CS installed successfully.",
      "Kubernetes 1.24 and 1.25",
    ])
      expect(extractFacts(other).named.kubernetes, other).toBeUndefined();
    // The series beside a release it holds (config-sync#167: "on Kubernetes 1.25:", then kindest/node:v1.25.2) agrees with it.
    const kind = "on Kubernetes 1.25:\nkind create cluster --image kindest/node:v1.25.2";
    expect(extractFacts(kind).named).toMatchObject({ kubernetes: "1.25.2" });
    // A deprecation note's minor is no host's, and a series never cancels an exact release of another minor; nor is a
    // question's (review 61f F1: hivemq/helm-charts#100's title beside the reporter's 1.25.4).
    const title = "PodSecurityPolicy was deprecated in Kubernetes v1.21, and removed from Kubernetes in v1.25";
    expect(extractFacts(`${title}\nWe run Kubernetes 1.25.4 and the install fails.`).named).toMatchObject({ kubernetes: "1.25.4" });
    expect(extractFacts(`cgroup v2 went GA in Kubernetes 1.25.\nWe run Kubernetes 1.24.3 here.`).named).toMatchObject({
      kubernetes: "1.24.3",
    });
    expect(extractFacts("Is this chart compatible with Kubernetes 1.24?").named.kubernetes).toBeUndefined();
    // k3s, RKE2 and k0s number their releases as the Kubernetes they ship, in prose too (review 61g F1).
    for (const [told, version] of [
      ["after upgrading to k3s v1.36.2+k3s1 the service keeps restarting:", "1.36.2"],
      ["after upgrading to rke2 v1.35.1+rke2r1 the service keeps restarting:", "1.35.1"],
      ["k3s v1.36 启动几秒后退出", "1.36.x"],
    ])
      expect(extractFacts(told as string).named, told).toMatchObject({ kubernetes: version });
  });

  it("judges an apiserver range on the version the API server itself answered to `kubectl version` (session 69 V)", () => {
    const psp = "kubernetes-1.25-podsecuritypolicy-removed";
    const refused =
      'Error: INSTALLATION FAILED: unable to build kubernetes objects from release manifest: resource mapping not found for name: "app-psp" namespace: "" from "": no matches for kind "PodSecurityPolicy" in version "policy/v1beta1"';
    // kubectl 1.28+ prints the server's version on one line; `-o json` nests it under serverVersion. Both are the API
    // server's own output (its /version), as `docker version`'s server part is the daemon's: a 1.24 server is before the
    // 1.25 removal, for certain, whatever the refusal says (it has other causes: the API disabled, a server before 1.10).
    const short =
      "$ kubectl version\nClient Version: v1.29.2\nKustomize Version: v5.0.4-0.20230601165947-6ce0bf390ce3\nServer Version: v1.24.17-eks-5e0fdde";
    const json = [
      "$ kubectl version -o json",
      "{",
      '  "clientVersion": {',
      '    "major": "1",',
      '    "minor": "29",',
      '    "gitVersion": "v1.29.2",',
      '    "platform": "darwin/arm64"',
      "  },",
      '  "serverVersion": {',
      '    "major": "1",',
      '    "minor": "24",',
      '    "gitVersion": "v1.24.17-eks-5e0fdde",',
      '    "platform": "linux/amd64"',
      "  }",
      "}",
    ].join("\n");
    for (const output of [short, json]) {
      expect(extractFacts(output).apiServer, output).toBe("1.24.17");
      const verdict = verdictOf(`${output}\n${refused}`, psp);
      expect(verdict?.status, output).toBe("not-affected");
      expect(verdict?.certain, output).not.toBe(false);
    }
    // A server in range is affected for certain too, not "not certain" as a version named in passing.
    expect(verdictOf(`${short.replace("v1.24.17", "v1.25.16")}\n${refused}`, psp)).toMatchObject({ status: "affected" });
    expect(verdictOf(`${short.replace("v1.24.17", "v1.25.16")}\n${refused}`, psp)?.certain).not.toBe(false);
    // The same release told in a sentence stays a version named in passing: beside the refusal it decides nothing.
    expect(verdictOf(`Our cluster runs Kubernetes 1.24.17.\n${refused}`, psp)?.status).toBe("unknown");
    // The control plane's version is no kubelet's (a node may run an older one): a kubelet range stays hedged on it.
    const flag =
      'E0913 10:01:02.123456    1234 run.go:74] "command failed" err="failed to parse kubelet flag: unknown flag: --container-runtime"';
    const kubelet = verdictOf(`${short.replace("v1.24.17", "v1.26.9")}\n${flag}`, "kubelet-1.27-container-runtime-flag-removed");
    expect(kubelet?.status).toBe("unknown");
    // kubeadm's own version is the tool's, not the API server's answer.
    expect(extractFacts('kubeadm version: &version.Info{Major:"1", Minor:"24", GitVersion:"v1.24.17"}').apiServer).toBeUndefined();
  });

  it("judges an apiserver range on the API server's answer beside a kubelet's version too, and on no node's row (review 69i F2)", () => {
    const psp = "kubernetes-1.25-podsecuritypolicy-removed";
    const refused =
      'Error: INSTALLATION FAILED: unable to build kubernetes objects from release manifest: resource mapping not found for name: "app-psp" namespace: "" from "": no matches for kind "PodSecurityPolicy" in version "policy/v1beta1"';
    const kubectl = (server: string) => `$ kubectl version\nClient Version: v1.29.2\nServer Version: ${server}`;
    // One host: its `kubelet --version` is the kubelet's, the server's answer the API server's; the latter decides.
    const kubelet = verdictOf(`$ kubelet --version\nKubernetes v1.25.16\n${kubectl("v1.24.17")}\n${refused}`, psp);
    expect(kubelet).toMatchObject({ status: "not-affected", level: "verified" });
    expect(kubelet?.certain).not.toBe(false);
    expect(kubelet?.reason).toMatch(/^the API server: kubernetes: 1\.24\.17 is before 1\.25\.0/);
    // A fleet: the server's range is no node's, so no row of the nodes report lists it (the kubelet's column did).
    const header = "NAME STATUS ROLES AGE VERSION INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME";
    const row = (name: string, version: string) =>
      `${name} Ready <none> 1y ${version} 10.0.0.2 <none> Ubuntu 22.04.3 LTS 5.15.0-91-generic containerd://1.6.24`;
    const table = `$ kubectl get nodes -o wide\n${header}\n${row("cp1", "v1.25.16")}\n${row("w1", "v1.24.17")}`;
    const fleet = diagnoseBundle(kb, `${kubectl("v1.25.16")}\n${table}\n${refused}`);
    expect(fleet.findings.find((f) => f.id === psp)?.verdict).toMatchObject({
      status: "affected",
      reason: expect.stringMatching(/^the API server: kubernetes: 1\.25\.16 is in v ≥ 1\.25\.0/),
    });
    expect(fleet.nodes.map((n) => [n.name, n.inRange.includes(psp)])).toEqual([
      ["cp1", false],
      ["w1", false],
    ]);
    // Without the server's answer the kubelet's column judges, hedged, as before (and lists it on cp1's row).
    const column = diagnoseBundle(kb, `${table}\n${refused}`);
    expect(column.findings.find((f) => f.id === psp)?.verdict).toMatchObject({ status: "affected", certain: false });
    expect(column.nodes.find((n) => n.name === "cp1")?.inRange).toContain(psp);
    // Two servers that answer differently (two contexts) decide nothing.
    const two = `${kubectl("v1.24.17+k3s1")}\n$ kubectl --context prod version\nClient Version: v1.29.2\nServer Version: v1.26.3+k3s1`;
    expect(verdictOf(`${two}\n${refused}`, psp)?.status).toBe("unknown");
  });

  it("names a package's whole build a sentence or a title names, hedged, where no listing or log gives it", () => {
    const id = "runc-1.2.0-tun-tap-removed-from-default-devices";
    const tun = "ERROR creating tun device: unix opening TUN device file: operation not permitted";
    // An issue's title (containerd#5547's shape) and a bug form's line: Docker's containerd.io build, runc 1.2.2 inside.
    for (const named of [
      "container error after upgrade to containerd.io 1.7.24-1",
      "Bug: Containerd.io 1.7.24-1 | VPN container does not start",
      "- containerd.io version: `1.7.24-1`",
      // The change told from one build to another, backticks or not: the build after it (review 51h F3).
      "Following an update of `containerd.io` from version `1.7.23-1` to `1.7.24-1`, Gluetun doesn't start anymore.",
      "Following an update of `containerd.io` to `1.7.24-1`, Gluetun doesn't start anymore.",
      "after unattended-upgrades moved containerd.io from 1.7.23-1 to 1.7.24-1 the VPN container fails",
      // With a "v", joined or apart (review 53b F4: gluetun#2641's title).
      "Ubuntu Containerd.io v 1.7.24-1 not compatible",
      "after the upgrade to containerd.io v1.7.24-1 the VPN container fails",
      "after unattended-upgrades moved containerd.io from v1.7.23-1 to v1.7.24-1 the VPN container fails",
    ]) {
      expect(extractFacts(named).packages, named).toEqual({ "containerd.io": "1.7.24-1" });
      const verdict = verdictOf(`${named}\n${tun}`, id);
      expect(verdict, named).toMatchObject({ status: "affected", certain: false });
      expect(verdict?.reason, named).toMatch(/a version the report names, not read from the host/);
    }
    // `rpm -q`'s answer is the host's own listing, said so (review 53b F3: "a version the report names").
    const rpm = verdictOf(
      "$ rpm -q crun\ncrun-1.18.1-1.fc41.x86_64\nContainer creation error: writing file `devices.allow`: Operation not permitted",
      "crun-1.18-systemd-device-rules-regression",
    );
    expect(rpm?.reason).toContain("read from the host's package listing: crun 1.18.1-1.fc41");
    // A listing's row alone is the host's build too (no host was judged on it before: review 51h F3).
    const row = "ii  containerd.io   1.7.24-1   amd64   An open and reliable container runtime";
    expect(verdictOf(`${row}\n${tun}`, id)).toMatchObject({
      status: "affected",
      certain: false,
      reason: expect.stringContaining("a package listing"),
    });
    // A cure, an upgrade retold or a list names no build the host ran, nor a question, a label's bound or a quoted title
    // (review 48c F8); a listing's word stands over a sentence's.
    for (const notRun of [
      "Does anyone know if containerd.io 1.7.24-1 has the tun regression? Here is our log:",
      "Is containerd.io 1.7.24-1 affected by this too?",
      "Should we upgrade containerd.io to 1.7.25-1 or wait?",
      // A quoted advisory's list (review 48e F4).
      "> Affected versions: containerd.io 1.7.24-1 (runc 1.2.2). Fixed in containerd.io 1.7.25-1.",
      "Affected versions: containerd.io 1.7.24-1, per the advisory.",
      "Known bad: containerd.io 1.7.24-1 (per the docker forum thread).",
      'Same problem as docker/for-linux#1520 ("openvpn broken with containerd.io 1.7.24-1").',
      'The forum thread says "containerd.io 1.7.24-1 breaks OpenVPN".',
      "after upgrading containerd.io to 1.7.25-1 the error is gone",
      "tried containerd.io 1.7.23-1 and 1.7.24-1",
      "Docker 17.09.1-ce",
    ])
      expect(extractFacts(notRun).packages, notRun).toEqual({});
    // A component's release quoted from another report is no more the host's (review 49d F4); a program's own logfmt
    // field is its own word.
    expect(
      extractFacts('the upstream report (moby/moby#42046) says "Docker 20.10.6 with ipv6 disabled: userland proxy fails".').named,
    ).toEqual({});
    expect(
      extractFacts('Looks like moby#42046 "Docker 20.10.6 with ipv6 disabled" - we run with DOCKER_OPTS="--ipv6=false" too.').named,
    ).toEqual({});
    expect(extractFacts("Our nodes run Docker 20.10.6 with ipv6 disabled.").named).toEqual({ docker: "20.10.6" });
    // A question about the failure after the build, or a bug template's field, still names it (review 48d F5).
    for (const named of [
      "We're on containerd.io 1.7.24-1, any idea what changed?",
      "**Affected version:** containerd.io 1.7.24-1",
      "Since the update to containerd.io 1.7.24-1 the VPN container dies, any idea?",
      // At a sentence's end (review 48g F4).
      "We are on containerd.io 1.7.24-1.",
      // Asking whether a change made caused it (review 48f F3).
      "Could the update to containerd.io 1.7.24-1 last night be the cause?",
    ])
      expect(extractFacts(named).packages, named).toEqual({ "containerd.io": "1.7.24-1" });
    const listed =
      "container error after upgrade to containerd.io 1.7.24-1\n$ dpkg -l containerd.io | tail -1\nii  containerd.io  1.7.25-1  amd64  runtime";
    expect(extractFacts(listed).packages).toEqual({ "containerd.io": "1.7.25-1" });
    // A fixed build named so decides nothing: the symptom's other causes (an LXC guest without the device) remain.
    expect(verdictOf(`containerd.io 1.7.25-1 here\n${tun}`, id)?.status).toBe("unknown");
  });

  it("judges a package build a listing shows by the record's ranges for that package on its release or repository", () => {
    // runc-1.2.0-tun-tap-removed-from-default-devices ranges over Docker's apt containerd.io builds (runc inside), one
    // version string for every Debian and Ubuntu release (the repository's ecosystem, download.docker.com:deb).
    const dpkg = [
      "ii  containerd.io                  1.7.24-1                       amd64        An open and reliable container runtime",
      "ii  docker-ce                      5:27.4.0-1~debian.12~bookworm  amd64        Docker: the open-source application container engine",
      "2024-12-10 10:00:00 ERROR: Cannot open TUN/TAP dev /dev/net/tun: Operation not permitted (errno=1)",
    ].join("\n");
    expect(extractFacts(dpkg).packages).toEqual({ "containerd.io": "1.7.24-1", "docker-ce": "5:27.4.0-1~debian.12~bookworm" });
    const debian12 = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nID=debian\n';
    const ubuntu = 'NAME="Ubuntu"\nVERSION_ID="24.04"\nID=ubuntu\nID_LIKE=debian\n';
    const id = "runc-1.2.0-tun-tap-removed-from-default-devices";
    expect(verdictOf(`${debian12}${dpkg}`, id)).toMatchObject({ status: "affected", level: "verified" });
    // The same build on Ubuntu 24.04, or with no os-release at all: Docker's repository publishes one build for all.
    expect(verdictOf(`${ubuntu}${dpkg}`, id)).toMatchObject({ status: "affected", level: "verified", certain: false });
    expect(verdictOf(dpkg, id)).toMatchObject({ status: "affected", level: "verified" });
    // The host's own runc (`docker version`'s server part) wins over a listing of the package that bundles it.
    const daemonRunc = (v: string) =>
      `$ docker version\nServer: Docker Engine - Community\n Engine:\n  Version:          27.4.0\n  API version:      1.47 (minimum version 1.24)\n runc:\n  Version:          ${v}\n  GitCommit:        v${v}-0-g7cb3632\n`;
    expect(verdictOf(`${ubuntu}${daemonRunc("1.2.5")}${dpkg}`, id)).toMatchObject({ status: "not-affected", level: "verified" });
    expect(verdictOf(`${ubuntu}${daemonRunc("1.1.12")}${dpkg}`, id)?.status).toBe("not-affected");
    // The buildkit mkdirall record ranges the same package under the same repository.
    const mkdirall = "runc-1.2.0-mkdirall-race-eexist-buildkit";
    const race = kb.records.find((r) => r.id === mkdirall)?.examples[0]?.log ?? "";
    expect(verdictOf(`${ubuntu}${dpkg.split("\n").slice(0, 1).join("\n")}\n${race}`, mkdirall)).toMatchObject({ status: "affected" });
    // `apt list --installed` names the same builds ("[installed]", "[installed,automatic]"); a repository's offer does not.
    const aptList = [
      "$ apt list --installed 2>/dev/null | grep -E 'containerd|docker'",
      "containerd.io/jammy,now 1.7.24-1 amd64 [installed]",
      "docker-ce/jammy,now 5:27.4.0-1~ubuntu.22.04~jammy amd64 [installed,automatic]",
      "2024-12-10 10:00:00 ERROR: Cannot open TUN/TAP dev /dev/net/tun: Operation not permitted (errno=1)",
    ].join("\n");
    expect(extractFacts(aptList).packages).toEqual({ "containerd.io": "1.7.24-1", "docker-ce": "5:27.4.0-1~ubuntu.22.04~jammy" });
    expect(verdictOf(`${ubuntu}${aptList}`, id)).toMatchObject({ status: "affected", level: "verified", certain: false });
    // `apt list --upgradable` and `apk list -u` name the installed version beside the offer (review 47a F4): that one.
    expect(extractFacts("containerd.io/jammy 1.7.25-1 amd64 [upgradable from: 1.7.24-1]").packages).toEqual({
      "containerd.io": "1.7.24-1",
    });
    expect(
      verdictOf(`${ubuntu}containerd.io/jammy 1.7.25-1 amd64 [upgradable from: 1.7.24-1]\n${aptList.split("\n").at(-1)}`, id),
    ).toMatchObject({
      status: "affected",
      certain: false,
    });
    const apk = "containerd-1.6.4-r0 x86_64 {containerd} (Apache-2.0) [upgradable from: containerd-1.6.3-r0]";
    expect(extractFacts(`alpine-node:~# apk list containerd\n${apk}`).named).toMatchObject({ containerd: "1.6.3" });
    // So does `apt-cache policy`'s Installed line under the package's header (review 46a F4: read as upstream containerd
    // alone, no range of the record applied), not its Candidate nor a "(none)".
    const policy = (installed: string) =>
      [
        "$ apt-cache policy containerd.io",
        "containerd.io:",
        `  Installed: ${installed}`,
        "  Candidate: 1.7.25-1",
        "  Version table:",
        "     1.7.25-1 500",
        "        500 https://download.docker.com/linux/ubuntu noble/stable amd64 Packages",
        "2024-12-10 10:00:00 ERROR: Cannot open TUN/TAP dev /dev/net/tun: Operation not permitted (errno=1)",
      ].join("\n");
    expect(extractFacts(policy("1.7.24-1")).packages).toEqual({ "containerd.io": "1.7.24-1" });
    expect(verdictOf(`${ubuntu}${policy("1.7.24-1")}`, id)).toMatchObject({ status: "affected", level: "verified", certain: false });
    expect(extractFacts(policy("(none)")).packages).toEqual({});
    // Docker's newer .debs name the release after the revision (containerd/containerd#12484's "1.7.28-2~debian.13~trixie",
    // audit 30): the same repository build, ordered without the suffix, and only on the family it names.
    const suffixed = (v: string) => dpkg.replace("1.7.24-1                       ", `${v} `);
    expect(verdictOf(`${debian12}${suffixed("1.7.24-1~debian.12~bookworm")}`, id)).toMatchObject({ status: "affected", certain: false });
    expect(verdictOf(`${ubuntu}${suffixed("1.7.24-1~ubuntu.24.04~noble")}`, id)).toMatchObject({ status: "affected", certain: false });
    expect(verdictOf(`${debian12}${suffixed("1.7.28-2~debian.13~trixie")}`, id)?.reason).toMatch(
      /not decided: .*1\.7\.28-2 is at or after it/,
    );
    expect(verdictOf(`${debian12}${suffixed("1.7.24-1~ubuntu.24.04~noble")}`, id)?.reason).toMatch(/^no version of runc was given/);
    // A release no record ranges (Raspbian) names its family too: its ID, or ID_LIKE (review 30a).
    const raspbian =
      'PRETTY_NAME="Raspbian GNU/Linux 12 (bookworm)"\nNAME="Raspbian GNU/Linux"\nVERSION_ID="12"\nID=raspbian\nID_LIKE=debian\n';
    expect(verdictOf(`${raspbian}${suffixed("1.7.24-1~ubuntu.24.04~noble")}`, id)?.reason).toMatch(/^no version of runc was given/);
    expect(verdictOf(`${raspbian}${suffixed("1.7.24-1~raspbian.12~bookworm")}`, id)).toMatchObject({ status: "affected", certain: false });
    // dpkg's own lines as apt upgrades it name the build the host has after it (review 30c).
    const upgrade = "Unpacking containerd.io (1.7.24-1) over (1.7.23-1) ...\nSetting up containerd.io (1.7.24-1) ...";
    expect(extractFacts(upgrade).packages).toEqual({ "containerd.io": "1.7.24-1" });
    // A listing before the paste's own upgrade is another time's: the upgrade's build stands (review 30d).
    const before = `$ dpkg -l containerd.io\n${dpkg.split("\n")[0]}\n$ sudo apt-get install -y containerd.io\n${upgrade.replaceAll("1.7.24-1", "1.7.25-1").replace("(1.7.23-1)", "(1.7.24-1)")}`;
    expect(extractFacts(before).packages).toEqual({ "containerd.io": "1.7.25-1" });
    expect(verdictOf(`${debian12}${upgrade}\n${dpkg.split("\n")[2]}`, id)).toMatchObject({ status: "affected", certain: false });
    // Docker's RPM build of the same version is another repository's: not judged by the apt one.
    const rhel9 = 'NAME="Red Hat Enterprise Linux"\nVERSION_ID="9.4"\nID="rhel"\n';
    const rpm =
      "$ rpm -qa containerd.io\ncontainerd.io-1.7.24-3.1.el9.x86_64\nERROR: Cannot open TUN/TAP dev /dev/net/tun: Operation not permitted (errno=1)";
    expect(extractFacts(`${rhel9}${rpm}`).packages).toEqual({ "containerd.io": "1.7.24-3.1.el9" });
    expect(verdictOf(`${rhel9}${rpm}`, id)?.status).toBe("unknown");
    // Hedged: a listing may be another machine's, a container's or a removed package's, so a later build rules nothing
    // out; nor does the symptom make it affected (LXC guests without the device print OpenVPN's EPERM too).
    for (const host of [debian12, ubuntu, ""]) {
      const fixed = verdictOf(`${host}${dpkg.replace("1.7.24-1 ", "1.7.25-1 ")}`, id);
      expect(fixed?.status, host).toBe("unknown");
      expect(fixed?.reason, host).toMatch(/not decided: .*1\.7\.25-1 is at or after it \(a package listing/);
    }
    // A listing under another machine's heading is that machine's build: hedged, never this host's own listing, but judged
    // as its release's package, not as the upstream release in it (review 49d F1).
    const working = `${debian12}On the working node:\n$ dpkg -l | grep containerd\n${dpkg.replace("1.7.24-1 ", "1.7.25-1 ")}`;
    expect(extractFacts(working)).toMatchObject({
      packages: { "containerd.io": "1.7.25-1" },
      packageVia: { "containerd.io": expect.stringContaining("another machine") },
    });
    expect(verdictOf(working, id)).toMatchObject({ status: "unknown", reason: expect.stringContaining("another machine") });
    // The same for yum's listing, its section header and command included, as for rpm -qa's names.
    const yum = "$ yum list installed containerd.io\nInstalled Packages\ncontainerd.io.x86_64   1.6.22-3.1.el7   @docker-ce-stable";
    expect(extractFacts(yum).packages).toEqual({ "containerd.io": "1.6.22-3.1.el7" });
    expect(extractFacts(`Output from the old node (web-1), for comparison:\n${yum}`).packageVia).toEqual({
      "containerd.io": expect.stringContaining("another machine"),
    });
  });

  it("judges another machine's distribution build on its release's ranges, never as the upstream release in it (review 49d F1)", () => {
    // runc-nov-2025-tmpfs-mode-0755 ranges Ubuntu 24.04's runc builds apart from upstream 1.3.3 (whose build ~24.04.3 no
    // source places): under "Other cluster:" the build is still Ubuntu's, not upstream 1.3.3 in range, "verified".
    const id = "runc-nov-2025-tmpfs-mode-0755";
    const noble = 'PRETTY_NAME="Ubuntu 24.04.3 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nID=ubuntu\nID_LIKE=debian';
    // With a tmpfs mount, the setup the bug needs: the version alone warns of nothing (review 72a F2).
    const listed = (build: string) =>
      `Other cluster:\n\n$ dpkg -l runc\nii  runc           ${build}   amd64        Open Container Project - runtime\n\n$ cat /etc/os-release\n${noble}\n$ docker run --rm --tmpfs /scratch busybox true`;
    const advisory = (build: string) => diagnoseBundle(kb, listed(build)).advisories.find((a) => a.id === id);
    expect(advisory("1.3.3-0ubuntu1~24.04.3")).toBeUndefined();
    expect(advisory("1.3.3-0ubuntu1~24.04.2")?.verdict).toMatchObject({
      status: "affected",
      level: "reported",
      certain: false,
      reason: expect.stringContaining("ubuntu:24.04 package runc"),
    });
  });

  it("judges a package build only as its own release's: an el8 build on a CentOS 7 host is another machine's or a container's", () => {
    // runc-1.1.8-tmpfs-sticky-bit-lost ranges over Docker's containerd.io builds for RHEL 7 (runc inside).
    const centos7 = 'NAME="CentOS Linux"\nVERSION="7 (Core)"\nID="centos"\nID_LIKE="rhel fedora"\nVERSION_ID="7"\n';
    const sticky = "drwxrwxrwx   2 root root   40 Aug  1 04:43 tmp";
    const id = "runc-1.1.8-tmpfs-sticky-bit-lost";
    const on = (rpm: string) =>
      diagnoseBundle(kb, `${centos7}$ rpm -qa containerd.io\n${rpm}\n$ ls -alh /\n${sticky}`).findings.find((f) => f.id === id);
    const own = on("containerd.io-1.6.22-3.1.el7.x86_64");
    expect(own?.verdict.status).toBe("affected");
    expect(own?.evidence.some((e) => e.kind === "version" && e.ecosystem.startsWith("rhel:7"))).toBe(true);
    const other = on("containerd.io-1.6.22-3.1.el8.x86_64");
    expect(other?.evidence.some((e) => e.kind === "version" && e.ecosystem.startsWith("rhel:7"))).toBe(false);
    // With no release file, the build's own ".el7" names its release (review 47a F5); ".el9" names another.
    const bare = (rpm: string) =>
      diagnoseBundle(kb, `[root@c7 ~]# rpm -qa | grep containerd\n${rpm}\n$ ls -alh /\n${sticky}`).findings.find((f) => f.id === id);
    expect(bare("containerd.io-1.6.22-3.1.el7.x86_64")?.verdict).toMatchObject({ status: "affected", certain: false });
    expect(bare("containerd.io-1.6.22-3.1.el9.x86_64")?.verdict.status).toBe("unknown");
    // Not beside the host's own EL9 kernel, nor from a container image's listing (review 47c F2).
    const el9 = "[root@ci-host ~]# uname -r\n5.14.0-362.8.1.el9_3.x86_64";
    const onEl9 = diagnoseBundle(
      kb,
      `${el9}\n[root@ci-host ~]# rpm -qa | grep containerd\ncontainerd.io-1.6.22-3.1.el7.x86_64\n$ ls -alh /\n${sticky}`,
    );
    expect(onEl9.findings.find((f) => f.id === id)?.verdict.status).toBe("unknown");
    // Oracle Linux 7's UEK kernel is EL7's (review 47d F5).
    const uek = "[root@ol7 ~]# uname -r\n5.4.17-2136.307.3.1.el7uek.x86_64";
    const onUek = diagnoseBundle(
      kb,
      `${uek}\n[root@ol7 ~]# rpm -qa | grep containerd\ncontainerd.io-1.6.22-3.1.el7.x86_64\n$ ls -alh /\n${sticky}`,
    );
    expect(onUek.findings.find((f) => f.id === id)?.verdict).toMatchObject({ status: "affected", certain: false });
  });

  it("lets the iptables backend decide over a package build, and reads headings a failing machine's words name", () => {
    // iptables-nft-1.8.1-1.8.2-check-bug is the nf_tables backend's: a legacy host is not affected, whatever dpkg says.
    const debian10 = 'PRETTY_NAME="Debian GNU/Linux 10 (buster)"\nNAME="Debian GNU/Linux"\nVERSION_ID="10"\nID=debian\n';
    const legacy = `${debian10}$ iptables -V\niptables v1.8.2 (legacy)\n$ dpkg -l iptables\nii  iptables  1.8.2-4  amd64  administration tools\niptables: Bad rule (does a matching rule exist in that chain?).`;
    expect(verdictOf(legacy, "iptables-nft-1.8.1-1.8.2-check-bug")?.status).toBe("not-affected");
    // A release before 1.8.0 prints no backend and has only the legacy one (review 50f F3: "no version of iptables-nft").
    const centos7 = "$ iptables --version\niptables v1.4.21\niptables: Bad rule (does a matching rule exist in that chain?).";
    expect(verdictOf(centos7, "iptables-nft-1.8.1-1.8.2-check-bug")).toMatchObject({
      status: "not-affected",
      reason: expect.stringContaining("runs the legacy one"),
    });
    // Headings that say "this is not the failing machine or time" in other words: named.
    for (const heading of [
      "On node-2, where it works:",
      "From the staging server, which runs fine:",
      "After downgrading runc (containers start again):",
      "Yesterday, before apt upgrade:",
    ])
      expect(
        extractFacts(`${heading}\n$ runc --version\nrunc version 1.2.5\ncommit: v1.2.5-0-g59923ef\nspec: 1.2.0`).components.runc,
        heading,
      ).toBeUndefined();
    // A heading whose role word describes the failing machine itself: its output stays the host's.
    for (const heading of [
      "On the old node that fails:",
      "The failing node (the other one works):",
      // The failing machine called a laptop or a workstation, by its failure (review 48b F2).
      "k8s lab on my laptop, kube-proxy errors even though I updated:",
      "k3s on my Fedora 40 workstation, kube-proxy keeps complaining:",
      "My laptop, where containers won't start:",
    ])
      expect(
        extractFacts(`${heading}\n$ runc --version\nrunc version 1.2.5\ncommit: v1.2.5-0-g59923ef\nspec: 1.2.0`).components.runc,
        heading,
      ).toBe("1.2.5");
  });

  it("hedges `iptables -V` on a known distribution: it names the release a distribution's build started from", () => {
    // iptables-nft-1.8.1-1.8.2-check-bug: RHEL/CentOS 8's 1.8.2 carries 1.8.3's fixes (the record's note, kubernetes#71305).
    const centos8 = [
      'NAME="CentOS Linux"',
      'VERSION="8 (Core)"',
      'ID="centos"',
      'ID_LIKE="rhel fedora"',
      'VERSION_ID="8"',
      "$ iptables -V",
      "iptables v1.8.2 (nf_tables)",
      "$ iptables -L KUBE-FIREWALL -n | head -4",
      "Chain KUBE-FIREWALL (2 references)",
      "target     prot opt source               destination",
      "DROP       all  --  0.0.0.0/0            0.0.0.0/0            mark match 0x8000/0x8000 /* kubernetes firewall for dropping marked packets */",
      "DROP       all  --  0.0.0.0/0            0.0.0.0/0            mark match 0x8000/0x8000 /* kubernetes firewall for dropping marked packets */",
    ].join("\n");
    const finding = diagnoseBundle(kb, centos8).findings.find((f) => f.id === "iptables-nft-1.8.1-1.8.2-check-bug");
    const check = finding?.evidence.find((e) => e.kind === "version" && e.ecosystem.startsWith("iptables"));
    expect(check).toMatchObject({ result: "affected", certain: false });
    expect(finding?.confidence).not.toBe("high");
  });

  it("reads docker info's runc as the runc Docker runs containers with, as git describe or a distribution names it", () => {
    const info = (runc: string) =>
      `${dockerInfo("27.3.1")}\n Runtimes: io.containerd.runc.v2 runc\n Default Runtime: runc\n containerd version: 7f7fdf5fed64eb6a7caf99b3e12efcf9d60e311c\n runc version: ${runc}\n init version: de40ad0`;
    expect(extractFacts(info("v1.2.2-0-g7cb3632")).components).toMatchObject({ docker: "27.3.1", runc: "1.2.2" });
    expect(extractFacts(info("1.1.12-0ubuntu2~22.04.1")).components).toMatchObject({ runc: "1.1.12-0ubuntu2~22.04.1" });
    // The TUN device rule runc 1.2.0 dropped (fixed in 1.2.4): decided by that runc, beside OpenVPN's refusal.
    const TUN = "Cannot open TUN/TAP dev /dev/net/tun: Operation not permitted (errno=1)";
    const TUN_ID = "runc-1.2.0-tun-tap-removed-from-default-devices";
    expect(verdictOf(`${info("v1.2.2-0-g7cb3632")}\n${TUN}`, TUN_ID)?.status).toBe("affected");
    expect(verdictOf(`${info("v1.2.5-0-g59923ef")}\n${TUN}`, TUN_ID)?.status).toBe("not-affected");
    // Nor a build commits past its tag (it may carry the fix), nor a version without docker info's driver lines around it.
    expect(extractFacts(info("v1.2.2-27-g5fd4c4d1")).components.runc).toBeUndefined();
    expect(extractFacts(info("v1.2.4-0-g6c52b3fc-dirty")).components.runc).toBeUndefined();
    expect(extractFacts("runc version: v1.2.2-0-g7cb3632").components.runc).toBeUndefined();
  });

  describe("podman info, as Podman's issue template asks for it", () => {
    // Podman's layout (host: block); the runtime's package as Debian's file name, RPM's NVRA or dpkg -S's owner.
    const podmanInfo = (id: string, version: string, pkg: string, crun: string) =>
      [
        "$ podman info",
        "host:",
        "  arch: amd64",
        "  cgroupManager: systemd",
        "  cgroupVersion: v2",
        "  distribution:",
        "    codename: jammy",
        `    distribution: ${id}`,
        `    version: "${version}"`,
        "  eventLogger: journald",
        "  kernel: 6.8.0-45-generic",
        "  ociRuntime:",
        "    name: crun",
        `    package: ${pkg}`,
        "    path: /usr/bin/crun",
        "    version: |-",
        `      crun version ${crun}`,
        "      commit: 0e9229ae34caaebcb86f1fde18de3acaf18c6d9a",
        "      spec: 1.0.0",
        "  os: linux",
      ].join("\n");
    const CHMOD = "Error: OCI runtime error: chmod `run/shm`: Operation not supported";
    const CHMOD_ID = "crun-chmod-symlink-eopnotsupp-new-kernels";

    it("reads the host's distribution and its runtime's build, and judges the build by the distribution's ranges", () => {
      const text = podmanInfo("ubuntu", "22.04", "crun_0.17+dfsg-1.1ubuntu0.1_amd64", "0.17");
      const facts = extractFacts(text);
      expect(facts.os).toMatchObject({ id: "ubuntu", versionId: "22.04", codename: "jammy" });
      expect(facts.components).toMatchObject({ crun: "0.17+dfsg-1.1ubuntu0.1" });
      // Ubuntu's build carries the fix (the record's ubuntu:22.04 range): no warning from upstream 0.17's range.
      const advised = (t: string) => diagnoseBundle(kb, t).advisories.map((a) => a.id);
      expect(advised(text)).not.toContain(CHMOD_ID);
      // Beside the symptom, the build is judged by that range (whose fix rests on one report: the symptom outweighs it).
      expect(verdictOf(`${text}\n${CHMOD}`, CHMOD_ID)).toMatchObject({ status: "affected", level: "reported" });
      expect(verdictOf(`${text}\n${CHMOD}`, CHMOD_ID)?.reason).toContain("as ubuntu:22.04 package crun");
      // Without the package's revision (dpkg -S names only the owner), the upstream release warns, hedged: the
      // distribution's build may carry the fix.
      const upstream = podmanInfo("ubuntu", "22.04", "'crun: /usr/bin/crun'", "0.17");
      expect(extractFacts(upstream).named).toMatchObject({ crun: "0.17" });
      const warned = diagnoseBundle(kb, upstream).advisories.find((a) => a.id === CHMOD_ID);
      expect(warned?.verdict).toMatchObject({ status: "affected", certain: false });
    });

    it("reads the runtime's block in podman info's JSON, whole or picked out with jq (review 51d F4)", () => {
      const block = (indent: string) =>
        [
          `${indent}"name": "crun",`,
          `${indent}"package": "crun_0.17+dfsg-1.1ubuntu0.1_amd64",`,
          `${indent}"path": "/usr/bin/crun",`,
          `${indent}"version": "crun version 0.17\\ncommit: 0e9229ae34caaebcb86f1fde18de3acaf18c6d9a\\nspec: 1.0.0"`,
        ].join("\n");
      const whole = `$ podman info --format json\n{\n  "host": {\n    "arch": "amd64",\n    "ociRuntime": {\n${block("      ")}\n    },\n    "os": "linux"\n  }\n}`;
      const picked = `$ podman info --format json | jq .host.ociRuntime\n{\n${block("  ")}\n}`;
      for (const text of [whole, picked])
        expect(extractFacts(text).components, text.slice(0, 60)).toMatchObject({ crun: "0.17+dfsg-1.1ubuntu0.1" });
      // Without the package, the version line's release.
      expect(extractFacts(picked.replace(/ {2}"package".*\n/, "")).components).toMatchObject({ crun: "0.17" });
    });

    it("takes RPM's name for the build and reads Fedora as the host", () => {
      const facts = extractFacts(podmanInfo("fedora", "40", "crun-1.15-1.fc40.x86_64", "1.15"));
      expect(facts.os).toMatchObject({ id: "fedora", versionId: "40" });
      expect(facts.components).toMatchObject({ crun: "1.15-1.fc40" });
      expect(verdictOf(`${podmanInfo("fedora", "40", "crun-1.15-1.fc40.x86_64", "1.15")}\n${CHMOD}`, CHMOD_ID)?.status).toBe(
        "not-affected",
      );
    });

    it("leaves a distribution's build it cannot name, a snapshot's and a git build's version to the named reading", () => {
      // dpkg -S names the package, not its build: Ubuntu's fixed 0.17+dfsg-1.1ubuntu0.1 prints "crun version 0.17" too.
      const owner = extractFacts(podmanInfo("ubuntu", "22.04", "'crun: /usr/bin/crun'", "0.17"));
      expect(owner.components.crun).toBeUndefined();
      expect(owner.named.crun).toBe("0.17");
      // RHEL 8's module build, with "+" in its release, is a build.
      const module = "crun-1.8.7-1.module+el8.9.0+20326+387084d0.x86_64";
      expect(extractFacts(podmanInfo("rhel", "8.9", module, "1.8.7")).components.crun).toBe("1.8.7-1.module+el8.9.0+20326+387084d0");
      // A git build's version is no release (24 commits past 1.7 may carry a fix).
      expect(extractFacts(podmanInfo("fedora", "38", "Unknown", "1.7.0.0.0.24-b42e")).components.crun).toBeUndefined();
    });

    it("reads no runc from a RHEL build whose release names a release candidate, nor from runc's spec-only version line", () => {
      // Podman on RHEL 8.3 (a docker-compatible `docker info` answered by podman): runc 1.0.0-rc92, packaged as 1.0.0-70.rc92.
      const rhel83 = [
        "host:",
        "  distribution:",
        `    distribution: '"rhel"'`,
        '    version: "8.3"',
        "  ociRuntime:",
        "    name: runc",
        "    package: runc-1.0.0-70.rc92.module+el8.3.1+9857+68fb1526.x86_64",
        "    path: /usr/bin/runc",
        "    version: 'runc version spec: 1.0.2-dev'",
        "  os: linux",
      ].join("\n");
      const facts = extractFacts(rhel83);
      expect(facts.os).toMatchObject({ id: "rhel", versionId: "8.3" });
      expect(facts.components.runc).toBeUndefined();
    });

    it("reads podman's doubly quoted os-release values on RHEL", () => {
      const rhel = podmanInfo("rhel", "8.4", "crun-1.0-1.module+el8.4.0+11822+6cc1e7d7.x86_64", "1.0").replace(
        /distribution: rhel\n {4}version: "8\.4"/,
        "distribution: '\"rhel\"'\n    version: '\"8.4\"'",
      );
      expect(rhel).toContain(`distribution: '"rhel"'`);
      expect(extractFacts(rhel).os).toMatchObject({ id: "rhel", versionId: "8.4" });
    });

    it("takes one host's OS however two tools word it", () => {
      const both = `${podmanInfo("ubuntu", "22.04", "crun_0.17+dfsg-1.1ubuntu0.1_amd64", "0.17")}\n Operating System: Ubuntu 22.04.4 LTS`;
      expect(extractFacts(both).os).toMatchObject({ id: "ubuntu", versionId: "22.04" });
    });

    it("reads no host from a distribution key outside podman's block, nor from a container's podman info", () => {
      expect(extractFacts('apt:\n  sources:\n    distribution: stable\n    version: "12"').os).toBeNull();
      expect(extractFacts('release:\n  distribution: ubuntu\n  version: "22.04"\n  notes: none').os).toBeNull();
      const inside = `$ docker run --rm quay.io/podman/stable podman info\n${podmanInfo("fedora", "40", "crun-1.15-1.fc40.x86_64", "1.15").split("\n").slice(1).join("\n")}`;
      expect(extractFacts(inside).os).toBeNull();
    });
  });
});
